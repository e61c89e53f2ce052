"""The checks engine: registry, selection by code or prefix, severity overrides, ordering."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.api import check_register
from coproduction.checks import Check, CheckContext, CheckDoc, CheckRegistry, Flag, Principle, SubjectKind, run_checks
from coproduction.errors import CheckRegistryError, UnknownCheckError
from coproduction.models import Register
from coproduction.policy import Policy, Severity

DOC = CheckDoc(what="w", why="y", example="e", instead="i")


def _flags(*ids: str):  # type: ignore[no-untyped-def]
    def run(context: CheckContext) -> Iterator[Flag]:
        for subject in ids:
            yield Flag(subject, f"message for {subject}", "hint")

    return run


def make(code: str, name: str | None = None, *ids: str, severity: Severity = Severity.WARNING) -> Check:
    return Check(
        code, name or f"check-{code.lower()}", Principle.EQUALITY, severity, SubjectKind.GROUP, DOC, _flags(*ids)
    )


CODES = ["AC001", "AC002", "AC010", "EQ001", "EQ002", "GR001"]


@pytest.fixture
def registry() -> CheckRegistry:
    return CheckRegistry(make(code) for code in CODES)


def codes(checks: list[Check]) -> list[str]:
    return [c.code for c in checks]


def test_everything_selected_by_default(registry: CheckRegistry) -> None:
    assert codes(registry.selected()) == CODES


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["AC"], [], ["AC001", "AC002", "AC010"]),
        (["AC00"], [], ["AC001", "AC002"]),
        (["ac001"], [], ["AC001"]),
        ([], ["AC"], ["EQ001", "EQ002", "GR001"]),
        (["AC"], ["AC00"], ["AC010"]),
        (["AC001"], ["AC"], ["AC001"]),
        (["AC"], ["AC"], []),
        (["EQ", "GR"], ["EQ002"], ["EQ001", "GR001"]),
    ],
)
def test_selection_by_code_or_prefix_longer_wins(
    registry: CheckRegistry, select: list[str], ignore: list[str], expected: list[str]
) -> None:
    assert codes(registry.selected(select, ignore)) == expected


@pytest.mark.parametrize("bad", ["ZZ", "AC9", ""])
def test_unknown_code_or_prefix_is_an_error(registry: CheckRegistry, bad: str) -> None:
    with pytest.raises(UnknownCheckError, match="matches no check"):
        registry.selected([bad])


def test_duplicate_code_refused(registry: CheckRegistry) -> None:
    with pytest.raises(CheckRegistryError, match=r"AC001.*already taken"):
        registry.add(make("AC001", "another-name"), origin="plugin 'x'")


def test_duplicate_name_refused(registry: CheckRegistry) -> None:
    with pytest.raises(CheckRegistryError, match="already used by AC001"):
        registry.add(make("XX001", "check-ac001"))


@pytest.mark.parametrize(("code", "name"), [("A1", "ok-name"), ("AC0001", "ok-name"), ("AC001", "Not_Kebab")])
def test_malformed_code_or_name_refused(code: str, name: str) -> None:
    with pytest.raises(CheckRegistryError):
        make(code, name)


def test_missing_documentation_refused() -> None:
    with pytest.raises(CheckRegistryError, match="documentation"):
        Check(
            "AB001", "x", Principle.EQUALITY, Severity.INFO, SubjectKind.GROUP, CheckDoc("w", " ", "e", "i"), _flags()
        )


def _context(policy: Policy | None = None) -> CheckContext:
    return CheckContext(
        register=Register(organisation="o", area="a"), policy=policy or Policy(), as_of=date(2026, 1, 1)
    )


def test_findings_sorted_by_subject_then_code() -> None:
    checks = [make("EQ002", None, "b", "a"), make("EQ001", None, "b")]
    findings = run_checks(checks, _context())
    assert [(f.subject.id, f.code) for f in findings] == [("a", "EQ002"), ("b", "EQ001"), ("b", "EQ002")]


def test_severity_override_most_specific_prefix_wins() -> None:
    policy = Policy(severity={"EQ": Severity.INFO, "EQ001": Severity.ERROR})
    checks = [make("EQ001", None, "g"), make("EQ002", None, "g")]
    findings = run_checks(checks, _context(policy))
    assert {f.code: f.severity for f in findings} == {"EQ001": Severity.ERROR, "EQ002": Severity.INFO}


def test_check_register_uses_given_registry_and_policy_ignores() -> None:
    registry = CheckRegistry([make("EQ001", None, "g"), make("EQ002", None, "g", severity=Severity.ERROR)])
    report = check_register(
        Register(organisation="o", area="a"),
        as_of=date(2026, 1, 1),
        policy=Policy(ignore=("EQ001",)),
        registry=registry,
    )
    assert [f.code for f in report.findings] == ["EQ002"]
    assert report.summary == {"error": 1, "warning": 0, "info": 0}
    assert [f.code for f in report.at_or_above(Severity.ERROR)] == ["EQ002"]


@given(
    st.lists(st.sampled_from(CODES), unique=True),
    st.lists(st.sampled_from(["AC", "AC00", "EQ", *CODES]), max_size=3),
)
def test_ignoring_removes_exactly_the_ignored(select: list[str], ignore: list[str]) -> None:
    registry = CheckRegistry(make(code) for code in CODES)
    chosen = set(codes(registry.selected(select, ignore)))
    base = set(codes(registry.selected(select)))
    assert chosen <= base
    for code in base - chosen:
        assert any(code.startswith(prefix) for prefix in ignore)


_TEXTS = st.text(alphabet="ab\x00\x01é A", max_size=4)


@given(
    st.lists(
        st.tuples(st.sampled_from(CODES), _TEXTS, _TEXTS, st.sampled_from(list(SubjectKind))),
        max_size=30,
    )
)
def test_findings_come_out_in_sort_key_order_whatever_the_texts(
    flags: list[tuple[str, str, str, SubjectKind]],
) -> None:
    # The engine sorts each check's findings by message, then each kind's by subject id, and puts the kinds in
    # order; ids and messages with NULs, prefixes of each other and characters below "a", and checks given out of
    # code order, must still give exactly the order of Finding.sort_key.
    def run_for(code: str):  # type: ignore[no-untyped-def]
        def run(context: CheckContext) -> Iterator[Flag]:
            for flag_code, subject_id, message, _ in flags:
                if flag_code == code:
                    yield Flag(subject_id, message, "hint")

        return run

    kinds = {code: kind for code, _, _, kind in flags}
    checks = [
        Check(code, f"check-{code.lower()}", Principle.EQUALITY, Severity.INFO, kinds.get(code, SubjectKind.GROUP),
              DOC, run_for(code))
        for code in reversed(CODES)
    ]
    context = CheckContext(Register(organisation="o", area="a"), Policy(), date(2026, 1, 1))
    findings = run_checks(checks, context)
    assert len(findings) == len(flags)
    assert [f.sort_key for f in findings] == sorted(f.sort_key for f in findings)
    unsorted = [f for c in checks for f in run_checks([c], context)]
    assert findings == sorted(unsorted, key=lambda f: f.sort_key)


@given(st.lists(st.sampled_from(list(Severity)), max_size=12), st.sampled_from(list(Severity)))
def test_any_at_or_above_agrees_with_at_or_above_and_the_summary(severities: list[Severity], bar: Severity) -> None:
    from coproduction.api import CheckReport
    from coproduction.checks import Finding, Subject

    findings = tuple(
        Finding("AC001", "n", Principle.EQUALITY, severity, Subject(SubjectKind.GROUP, str(i)), "m", "h")
        for i, severity in enumerate(severities)
    )
    report = CheckReport(as_of=date(2026, 1, 1), policy="default", findings=findings)
    expected = [f for f in findings if f.severity.rank >= bar.rank]
    assert list(report.at_or_above(bar)) == expected
    assert report.any_at_or_above(bar) is bool(expected)
    assert report.summary == {s.value: severities.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    assert list(report.summary) == ["error", "warning", "info"]
