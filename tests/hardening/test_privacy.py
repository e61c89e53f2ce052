"""Privacy (issue 6, item 3): diversity answers are special category data (UK GDPR Article 9) and never appear in
error messages, calendar exports, logs, ``repr``, check output or publishable reports.

Answers are enums, so a "marker" takes two forms here:

* in a file, a unique marker string written where an answer belongs: the loader refuses it and never repeats it,
  nor the person's other (valid) answers;
* in a register, two different sets of answers for the same people: every output that is not about diversity is
  byte for byte the same for both, so it cannot carry any answer.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction.api import check_register
from coproduction.audit.analysis import audit_group
from coproduction.audit.targets import recruitment_plan
from coproduction.calendar import export_calendar
from coproduction.cli import main
from coproduction.errors import CoproductionError, RegisterError
from coproduction.io.baselines import bundled_baseline
from coproduction.io.formats import Format
from coproduction.io.loader import loads_register
from coproduction.io.preconf import module_for
from coproduction.io.saver import dumps_register
from coproduction.models import (
    Characteristic,
    DiversityProfile,
    Group,
    GroupKind,
    Member,
    Membership,
    Perspective,
    Register,
)
from coproduction.policy import Policy
from coproduction.reports.audit import RENDERERS, build_report
from coproduction.reports.checks import render
from tests import strategies

AS_OF = date(2026, 11, 25)
FIELDS = [characteristic.value for characteristic in Characteristic]
FORMATS = ["yaml", "json", "toml"]
#: One distinctive valid answer per characteristic: none is a substring of another characteristic's categories.
VALID_ANSWERS = {
    "age": "85-plus",
    "sex": "female",
    "gender_identity": "trans-woman",
    "ethnic_group": "black",
    "disability": "disabled-limited-a-lot",
    "religion": "muslim",
    "sexual_orientation": "bisexual",
    "unpaid_care": "50-hours-or-more",
}


def _register_data(diversity: object) -> dict[str, Any]:
    return {
        "organisation": "Example Council",
        "area": "Exampleshire",
        "members": [
            {"id": "ann", "name": "Ann", "perspectives": ["uses-services"]},
            {"id": "bob", "name": "Bob", "perspectives": ["carer"], "diversity": diversity},
        ],
        "groups": [{"id": "board", "name": "Board", "kind": "board"}],
        "memberships": [{"member": "ann", "group": "board"}, {"member": "bob", "group": "board"}],
    }


def _text(register_format: str, diversity: object) -> str:
    return module_for(Format(register_format)).dumps(_register_data(diversity))


def _refusal(register_format: str, diversity: object) -> RegisterError:
    text = _text(register_format, diversity)
    with pytest.raises(RegisterError) as caught:
        loads_register(text, register_format, f"register.{register_format}")
    return caught.value


def _everything_said(error: RegisterError) -> str:
    """Every text the error offers: its message, its repr, and each problem's fields, str and repr."""
    parts = [str(error), repr(error), *map(str, error.args)]
    for problem in error.problems:
        parts += [problem.file, problem.path, problem.message, str(problem), repr(problem)]
    return "\n".join(parts)


def _allowed_words(field: str) -> str:
    return ", ".join(category.value for category in Characteristic(field).categories)


# -- (a) markers in files: refused, never repeated ---------------------------------------------------------------


@pytest.mark.parametrize("register_format", FORMATS)
@pytest.mark.parametrize("field", FIELDS)
def test_a_marker_answer_is_refused_and_never_repeated(register_format: str, field: str) -> None:
    marker = f"zqx-marker-{field}-1234"
    error = _refusal(register_format, {field: marker})
    said = _everything_said(error)
    assert marker not in said
    assert "zqx" not in said
    assert [p.path for p in error.problems] == [f"$.members[1].diversity.{field}"]
    assert f"not one of the categories: {_allowed_words(field)}" in error.problems[0].message


@pytest.mark.parametrize("register_format", FORMATS)
@pytest.mark.parametrize("field", FIELDS)
def test_the_other_valid_answers_are_not_echoed_either(register_format: str, field: str) -> None:
    """A profile valid but for one field: the message names that field's categories, and nothing of the rest."""
    profile = {**VALID_ANSWERS, field: f"zqx-marker-{field}"}
    error = _refusal(register_format, profile)
    said = _everything_said(error)
    assert "zqx" not in said
    allowed = _allowed_words(field)
    for other, answer in VALID_ANSWERS.items():
        if other != field:
            assert answer not in said.replace(allowed, ""), f"{other}'s answer {answer!r} was echoed"


@pytest.mark.parametrize("register_format", FORMATS)
@pytest.mark.parametrize(
    "diversity",
    [
        "zqx-marker-profile",
        ["zqx-marker-list", "black"],
        {"religion": ["zqx-marker-in-list"]},
        {"religion": {"zqx-marker-key": "muslim"}},
        {"zqx-marker-unknown-field": "muslim", "age": "85-plus"},
        {"ethnic-group": "black", "sex": "zqx-marker-sex"},
        {"age": 85, "religion": True, "sex": "zqx-marker-with-number"},
    ],
    ids=["text", "list", "answer-list", "answer-mapping", "unknown-field", "misspelt-field", "mixed"],
)
def test_markers_of_any_shape_are_never_repeated(register_format: str, diversity: object) -> None:
    error = _refusal(register_format, diversity)
    said = _everything_said(error)
    assert "zqx" not in said
    for answer in ("muslim", "85-plus"):
        assert answer not in said.replace(_allowed_words("religion"), "").replace(_allowed_words("age"), "")
    assert all(p.path.startswith("$.members[1].diversity") for p in error.problems)


@pytest.mark.parametrize("register_format", FORMATS)
@pytest.mark.parametrize("command", ["check", "calendar", "audit"])
def test_the_command_line_never_prints_a_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], register_format: str, command: str
) -> None:
    target = tmp_path / f"register.{register_format}"
    target.write_text(_text(register_format, {**VALID_ANSWERS, "religion": "zqx-marker-cli"}), encoding="utf-8")
    argv = [command, str(target), *(["--group", "board"] if command == "audit" else [])]
    status = main([*argv, *(["--as-of", AS_OF.isoformat()] if command != "calendar" else [])])
    out, err = capsys.readouterr()
    assert status == 2
    assert f"{target}: $.members[1].diversity.religion: not one of the categories" in err
    assert "zqx" not in out + err
    for field, answer in VALID_ANSWERS.items():
        if field != "religion":
            assert answer not in out + err


MARKERS = st.from_regex(r"zqx-[a-z0-9]{6,12}", fullmatch=True)


@given(
    register_format=st.sampled_from(FORMATS),
    profile=st.fixed_dictionaries(
        {}, optional={f: st.sampled_from([c.value for c in Characteristic(f).categories]) for f in FIELDS}
    ),
    bad=st.dictionaries(st.sampled_from(FIELDS), MARKERS, min_size=1, max_size=3),
)
@settings(max_examples=60)
def test_random_markers_anywhere_in_a_profile_are_never_repeated(
    register_format: str, profile: dict[str, str], bad: dict[str, str]
) -> None:
    diversity = {**profile, **bad}
    text = _text(register_format, diversity)
    with pytest.raises(RegisterError) as caught:
        loads_register(text, register_format, "register")
    said = _everything_said(caught.value)
    assert "zqx" not in said
    assert sorted(p.path for p in caught.value.problems) == sorted(f"$.members[1].diversity.{f}" for f in bad)


# -- repr never shows answers -------------------------------------------------------------------------------------


def _every_single_answer() -> Iterator[tuple[str, str]]:
    for characteristic in Characteristic:
        for category in characteristic.categories:
            yield characteristic.value, category.value


@pytest.mark.parametrize(("field", "answer"), list(_every_single_answer()))
def test_repr_of_a_profile_and_its_member_never_contain_an_answer(field: str, answer: str) -> None:
    profile = DiversityProfile(**{field: Characteristic(field).categories(answer)})
    member = Member(id="m1", name="M", diversity=profile)
    for text in (repr(profile), str(profile), f"{profile}", repr(member), str(member), f"{member!r}"):
        assert answer not in text
        assert repr(Characteristic(field).categories(answer)) not in text
    assert repr(member) == repr(attrs.evolve(member, diversity=None))
    register = Register(organisation="O", area="A", members=(member,))
    assert repr(register) == repr(attrs.evolve(register, members=(attrs.evolve(member, diversity=None),)))


# -- (b) non-interference: two sets of answers, the same outputs -------------------------------------------------


@contextmanager
def _log_records() -> Iterator[list[logging.LogRecord]]:
    """Every log record emitted meanwhile, at DEBUG and above, from any logger (caplog's reach, usable inside a
    Hypothesis test where function-scoped fixtures are not)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    root = logging.getLogger()
    handler, level = Keep(logging.DEBUG), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _with_profiles(register: Register, profiles: Sequence[DiversityProfile | None]) -> Register:
    members = tuple(attrs.evolve(m, diversity=p) for m, p in zip(register.members, profiles, strict=True))
    return attrs.evolve(register, members=members)


def _outcome(action: Any) -> object:
    """The result of ``action``, or the library error it raised (by type and message)."""
    try:
        return action()
    except CoproductionError as error:
        return (type(error).__name__, str(error))


def _without_diversity(text: str) -> object:
    plain = json.loads(text)
    for member in plain.get("members", []):
        member.pop("diversity", None)
    return plain


def _outputs(register: Register) -> dict[str, object]:
    """Every output that is not about diversity, with the text of the log records emitted making it."""
    policy = Policy()
    with _log_records() as records:
        json_text = dumps_register(register, "json")
        loaded = {f: _outcome(lambda f=f: loads_register(dumps_register(register, f), f)) for f in FORMATS}
        report = check_register(register, as_of=AS_OF, policy=policy, ignore=["DV"])
        calendar = _outcome(
            lambda: export_calendar(
                register, policy, dtstamp=datetime(2026, 11, 25, tzinfo=UTC), domain="example.org", attendees=True
            )
        )
    loaded_without = {
        f: _without_diversity(dumps_register(r, "json")) if isinstance(r, Register) else r for f, r in loaded.items()
    }
    return {
        "repr": repr(register),
        "member reprs": [repr(m) for m in register.members],
        "str": [str(m) for m in register.members],
        "check json": render(report, "json"),
        "check text": render(report, "text"),
        "check markdown": render(report, "markdown"),
        "calendar": calendar,
        "dump without diversity": _without_diversity(json_text),
        "loaded again, without diversity": loaded_without,
        "logs": [(r.name, r.levelno, r.getMessage()) for r in records],
    }


@st.composite
def register_with_two_answer_sets(
    draw: st.DrawFn,
) -> tuple[Register, list[DiversityProfile | None], list[DiversityProfile | None]]:
    register = draw(strategies.registers(max_members=4, max_groups=2, max_meetings=3))
    profiles = st.lists(
        st.none() | strategies.diversity_profiles(), min_size=len(register.members), max_size=len(register.members)
    )
    return register, draw(profiles), draw(profiles)


@given(case=register_with_two_answer_sets())
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_outputs_other_than_diversity_do_not_depend_on_the_answers(
    case: tuple[Register, list[DiversityProfile | None], list[DiversityProfile | None]],
) -> None:
    register, first, second = case
    assert _outputs(_with_profiles(register, first)) == _outputs(_with_profiles(register, second))


def test_calendar_export_is_the_same_whatever_the_answers() -> None:
    """A fixed case of the property above, with every field answered and every meeting shape."""
    register = _board([VALID_ANSWERS] * 3 + [None] * 2)
    other = _with_profiles(register, [DiversityProfile()] * 5)
    policy = Policy()
    stamp = datetime(2026, 11, 25, tzinfo=UTC)
    exported = export_calendar(register, policy, dtstamp=stamp, domain="example.org", attendees=True)
    assert exported == export_calendar(other, policy, dtstamp=stamp, domain="example.org", attendees=True)
    for answer in VALID_ANSWERS.values():
        assert answer.encode() not in exported


# -- DV findings and publishable reports: about groups, never people ------------------------------------------------


def _board(answers: Sequence[dict[str, str] | None], *, kind: GroupKind = GroupKind.BOARD) -> Register:
    members = []
    for index, answer in enumerate(answers):
        profile = (
            None
            if answer is None
            else DiversityProfile(**{field: Characteristic(field).categories(value) for field, value in answer.items()})
        )
        members.append(
            Member(
                id=f"person-zq{index:02d}",
                name=f"Namezq {index:02d}",
                perspectives=frozenset({Perspective.USES_SERVICES if index % 2 else Perspective.STAFF}),
                organisation=f"Organisation {index % 3}",  # organisations may be named (DV005)
                diversity=profile,
            )
        )
    return Register(
        organisation="Example Council",
        area="Exampleshire",
        members=tuple(members),
        groups=(Group(id="board", name="Board", kind=kind),),
        memberships=tuple(Membership(member=m.id, group="board", started=date(2025, 1, 1)) for m in members),
    )


ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        characteristic.value: st.sampled_from([c.value for c in characteristic.categories])
        for characteristic in Characteristic
    },
)
BOARDS = st.lists(st.none() | ANSWERS, min_size=1, max_size=14).map(_board)


def _people(register: Register) -> list[str]:
    return [text for member in register.members for text in (member.id, member.name, "zq")]


def _shown_counts(value: object, threshold: int) -> Iterator[tuple[str, int]]:
    """Every count the report shows (cells not suppressed), with where it is."""
    if isinstance(value, dict):
        if "count" in value and "suppressed" in value and value["suppressed"] is None and value["count"] is not None:
            yield "cell", value["count"]
        for key, child in value.items():
            yield from ((f"{key}.{where}", count) for where, count in _shown_counts(child, threshold))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from ((f"[{index}].{where}", count) for where, count in _shown_counts(child, threshold))


@given(register=BOARDS)
@settings(max_examples=40)
def test_dv_findings_never_name_a_member(register: Register) -> None:
    report = check_register(register, as_of=AS_OF, select=["DV"])
    text = render(report, "json") + render(report, "text") + render(report, "markdown")
    for person in _people(register):
        assert person not in text
    assert all(finding.subject.kind.value == "group" for finding in report.findings)


@given(register=BOARDS, threshold=st.integers(2, 8))
@settings(max_examples=40)
def test_publishable_reports_name_nobody_and_show_no_small_count(register: Register, threshold: int) -> None:
    policy = Policy(suppression_threshold=threshold)
    audit = audit_group(register, "board", as_of=AS_OF, policy=policy, baseline=bundled_baseline("england"))
    plan = recruitment_plan(audit, max_unanswered_share=policy.max_unknown_share)
    report = build_report(audit, plan, policy, publishable=True)
    for where, count in _shown_counts(report, threshold):
        assert not 0 < count < threshold, f"{where} shows {count}"
    for name, renderer in RENDERERS.items():
        text = renderer(report)
        for person in _people(register):
            assert person not in text, f"{person!r} in the {name} report"


def test_the_small_count_walk_sees_a_small_count() -> None:
    """The property above could pass by finding no counts: the internal report does show small ones."""
    register = _board([{"ethnic_group": "black"}] + [{"ethnic_group": "white"}] * 6)
    policy = Policy()
    audit = audit_group(register, "board", as_of=AS_OF, policy=policy, baseline=bundled_baseline("england"))
    internal = build_report(audit, None, policy, publishable=False)
    assert ("cell", 1) in {("cell", count) for _, count in _shown_counts(internal, 5)}
    published = build_report(audit, None, policy, publishable=True)
    assert not [count for _, count in _shown_counts(published, 5) if 0 < count < 5]
    assert [count for _, count in _shown_counts(published, 5) if count >= 5]


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--format", "json", "--ignore", "DV"],
        ["check", "--format", "text", "--ignore", "DV"],
        ["calendar", "--attendees"],
        ["audit", "--group", "board", "--publishable", "--format", "json"],
    ],
    ids=["check-json", "check-text", "calendar", "audit-publishable"],
)
def test_commands_log_nothing_about_answers_and_check_and_calendar_show_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Through the command line at DEBUG: no log record carries an answer or a person, and the outputs that are
    not about diversity (check without DV, whose findings may name a category for a whole group; calendar) carry
    no answer either."""
    register = _board([VALID_ANSWERS] * 6 + [None])
    target = tmp_path / "register.json"
    target.write_text(dumps_register(register, "json"), encoding="utf-8")
    assert all(answer in target.read_text(encoding="utf-8") for answer in VALID_ANSWERS.values())
    command, *options = argv
    dated = ["--as-of", AS_OF.isoformat()] if command != "calendar" else []
    caplog.set_level(logging.DEBUG)
    status = main([command, str(target), *options, *dated])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for answer in VALID_ANSWERS.values():
        assert answer not in logged
        if command != "audit":
            assert answer not in out + err
    for person in _people(register):
        assert person not in logged
        if command == "audit":
            assert person not in out + err
