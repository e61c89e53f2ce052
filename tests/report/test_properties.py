"""The board report on any consistent register (Hypothesis): it never crashes, gives the same bytes each time, its
HTML nests, and it names no member."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coproduction.audit.errors import AuditError
from coproduction.models.register import Register
from coproduction.reports.board import board_report, render_board_report
from tests.strategies import dates, registers


class _Checker(HTMLParser):
    """Fails on a page whose tags do not nest: every element opened in the body is closed in order."""

    VOID = frozenset({"meta", "br", "img", "rect", "circle", "path", "input", "hr", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()


def _report(register: Register, group_id: str, as_of: date, months: int) -> dict[str, object] | None:
    try:
        return board_report(register, group_id, as_of=as_of, months=months)
    except AuditError:  # e.g. a group of no members has no diversity to audit: a clear error, not a crash
        return None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers(max_members=6, max_groups=2, max_meetings=5), dates(min_value=date(2000, 1, 1)), st.integers(1, 120))
def test_any_register_gives_a_well_formed_report_naming_no_member(register: Register, as_of: date, months: int) -> None:
    assume(register.groups)
    # Each member gets a name that no other text of a register can hold by chance.
    members = tuple(attrs.evolve(m, name=f"Zq-person-{n}-Zq") for n, m in enumerate(register.members))
    register = attrs.evolve(register, members=members)
    report = _report(register, register.groups[0].id, as_of, months)
    assume(report is not None)
    assert report is not None
    for easy in (False, True):
        page = render_board_report(report, format="html", easy_read=easy)
        assert page == render_board_report(report, format="html", easy_read=easy)
        checker = _Checker()
        checker.feed(page)
        assert checker.stack == []
        markdown = render_board_report(report, format="markdown", easy_read=easy)
        assert "Zq-person" not in page
        assert "Zq-person" not in markdown
