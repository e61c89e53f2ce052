"""The checks engine: check definitions, the registry, selection, and running checks into findings.

Modelled on Ruff's rules catalogue (STYLE.md): one rule, one place; a code with a family prefix and a kebab-case
name that names the problem; one explicit registry from code to check; selection by code or prefix, the more
specific winning; codes never reused.

A check is a pure function of a :class:`CheckContext` (the register, the policy and the "as of" date, with the
register's read-only index, ``context.index``). It never reads the clock or the environment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from enum import StrEnum
from itertools import islice
from operator import attrgetter, lt
from typing import TYPE_CHECKING

import attrs
import msgspec

from coproduction.checks.index import RegisterIndex
from coproduction.errors import CheckFailedError, CheckRegistryError, CoproductionError, UnknownCheckError
from coproduction.models.register import Register
from coproduction.policy import Policy, Severity

if TYPE_CHECKING:
    from coproduction.audit.population import Baseline


class Principle(StrEnum):
    """The principle a check serves: SCIE guide 51's four, plus ground rules and membership (``docs/checks/``)."""

    EQUALITY = "equality"
    DIVERSITY = "diversity"
    ACCESSIBILITY = "accessibility"
    RECIPROCITY = "reciprocity"
    GOVERNANCE = "governance"
    MEMBERSHIP = "membership"

    @property
    def heading(self) -> str:
        """The principle's name as a heading ("Equality"), as the checks catalogue and reports group checks."""
        return _PRINCIPLE_TITLES[self]


_PRINCIPLE_TITLES = {
    Principle.EQUALITY: "Equality",
    Principle.DIVERSITY: "Diversity",
    Principle.ACCESSIBILITY: "Accessibility",
    Principle.RECIPROCITY: "Reciprocity",
    Principle.GOVERNANCE: "Ground rules and governance",
    Principle.MEMBERSHIP: "Membership",
}


class SubjectKind(StrEnum):
    """What a finding points at."""

    GROUP = "group"
    MEETING = "meeting"
    MEMBER = "member"
    POLICY = "policy"


class Subject(msgspec.Struct, frozen=True, order=True, gc=False):
    """What a finding points at: a kind (group, meeting, member, policy) and that thing's id.

    Like :class:`Flag` and :class:`Finding`, an immutable record made in C (``msgspec.Struct``; equality, hashing,
    ``repr`` and order by field, as an attrs frozen class gives them): a national run makes 1.4 million findings,
    and an attrs frozen class takes about four times as long to make one (issue 12 benchmarks).
    """

    kind: SubjectKind
    id: str


@attrs.frozen
class CheckDoc:
    """A check's documentation, with Ruff's headings: what it does, why it matters, example, what to do instead."""

    what: str
    why: str
    example: str
    instead: str
    settings: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Flag(msgspec.Struct, frozen=True, gc=False):
    """What a check function yields: the subject's id, a message and a hint. The engine adds the rest.

    ``Flag(subject_id, message, hint)``, by position or by name; immutable (see :class:`Subject`)."""

    subject_id: str
    message: str
    hint: str


class Finding(msgspec.Struct, frozen=True, gc=False):
    """One problem found: which check, which subject, what is wrong and what to do about it (immutable; see
    :class:`Subject`)."""

    code: str
    name: str
    principle: Principle
    severity: Severity
    subject: Subject
    message: str
    hint: str

    @property
    def sort_key(self) -> tuple[str, str, str, str]:
        """The order findings are reported in: by subject kind, subject id, check code, then message."""
        return (self.subject.kind.value, self.subject.id, self.code, self.message)


@attrs.frozen
class CheckContext:
    """What a check may look at. ``as_of`` is given by the caller; no check reads the clock."""

    register: Register
    policy: Policy
    as_of: date
    is_working_day: Callable[[date], bool] = attrs.field(
        default=lambda day: day.weekday() < 5, eq=False, repr=False
    )
    #: Population baselines by name (DV001): the caller loads them, as the domain reads no files. ``None``: no
    #: baselines, so DV001 judges nothing.
    baselines: Callable[[str], Baseline] | None = attrs.field(default=None, eq=False, repr=False)
    #: Whether the output is for internal use only. ``False`` (the default): it may be published, so diversity
    #: findings say only what the publishable audit's tables imply (:mod:`coproduction.audit.disclosure`).
    internal: bool = False
    #: The register's index (``coproduction.checks.index.RegisterIndex``): who is current, who was present,
    #: expected attendees' needs, meeting dates... worked out once for this context and read-only to the checks.
    index: RegisterIndex = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(
            lambda context: RegisterIndex(context.register, context.policy, context.is_working_day), takes_self=True
        ),
    )


CheckFunction = Callable[[CheckContext], Iterable[Flag]]

_CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@attrs.frozen
class Check:
    """A check: its public contract (code, name, principle, severity, subject kind), documentation and function."""

    code: str
    name: str
    principle: Principle
    severity: Severity
    subject: SubjectKind
    doc: CheckDoc
    run: CheckFunction = attrs.field(eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise CheckRegistryError(
                f"check code {self.code!r} must be 2-4 capital letters and 3 digits, like 'EQ001'"
            )
        if not _NAME.match(self.name):
            raise CheckRegistryError(f"check name {self.name!r} ({self.code}) must be kebab-case")
        for heading in ("what", "why", "example", "instead"):
            if not getattr(self.doc, heading).strip():
                raise CheckRegistryError(f"check {self.code} has no documentation for {heading!r}")


class CheckRegistry:
    """Code-to-check table. Adding a code or name already present is refused."""

    def __init__(self, checks: Iterable[Check] = ()) -> None:
        self._checks: dict[str, Check] = {}
        for c in checks:
            self.add(c)

    def add(self, check: Check, *, origin: str = "") -> None:
        """Add ``check``; a code or name already taken raises :class:`~coproduction.errors.CheckRegistryError`,
        naming ``origin`` (a plugin, say) when given."""
        where = f" (from {origin})" if origin else ""
        if check.code in self._checks:
            raise CheckRegistryError(
                f"check code {check.code}{where} is already taken by {self._checks[check.code].name!r}; "
                "choose a new code (codes are never reused)"
            )
        for existing in self._checks.values():
            if existing.name == check.name:
                raise CheckRegistryError(
                    f"check name {check.name!r}{where} is already used by {existing.code}"
                )
        self._checks[check.code] = check

    def __contains__(self, code: object) -> bool:
        return code in self._checks

    def __getitem__(self, code: str) -> Check:
        try:
            return self._checks[code.upper()]
        except KeyError:
            raise UnknownCheckError(f"no check has code {code!r}; `coproduction rules` lists them") from None

    def __iter__(self) -> Iterator[Check]:
        return iter(sorted(self._checks.values(), key=lambda c: c.code))

    def __len__(self) -> int:
        return len(self._checks)

    def copy(self) -> CheckRegistry:
        """A new registry with the same checks, to add to without changing this one."""
        return CheckRegistry(self)

    def matching(self, prefix: str) -> list[Check]:
        """Checks whose code starts with ``prefix`` (case-insensitive). An unknown prefix is an error."""
        prefix = prefix.strip().upper()
        found = [c for c in self if c.code.startswith(prefix)]
        if not prefix or not found:
            raise UnknownCheckError(
                f"{prefix!r} matches no check code; use a code or prefix such as 'AC', 'AC00' or 'AC001'"
            )
        return found

    def selected(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Check]:
        """Checks chosen by ``select`` (all when empty) less those ``ignore`` names; the longer prefix wins.

        ``select=["AC"], ignore=["AC00"]`` keeps AC010 only; ``select=["AC001"], ignore=["AC"]`` keeps AC001.
        """
        for prefix in (*select, *ignore):
            self.matching(prefix)
        chosen: list[Check] = []
        for c in self:
            selected_by = _longest_prefix(c.code, select) if select else 0
            ignored_by = _longest_prefix(c.code, ignore)
            if selected_by is not None and (ignored_by is None or selected_by > ignored_by):
                chosen.append(c)
        return chosen


def _longest_prefix(code: str, prefixes: Sequence[str]) -> int | None:
    lengths = [len(p.strip()) for p in prefixes if code.startswith(p.strip().upper())]
    return max(lengths) if lengths else None


def check(
    registry: CheckRegistry,
    *,
    code: str,
    name: str,
    principle: Principle,
    severity: Severity,
    subject: SubjectKind,
    doc: CheckDoc,
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator that defines a check and adds it to ``registry``."""

    def register(function: CheckFunction) -> CheckFunction:
        registry.add(Check(code, name, principle, severity, subject, doc, function))
        return function

    return register


def run_checks(
    checks: Iterable[Check],
    context: CheckContext,
    severity_overrides: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Run ``checks`` and return their findings sorted by subject, then code, then message."""
    overrides = dict(context.policy.severity if severity_overrides is None else severity_overrides)
    by_kind: dict[SubjectKind, list[Finding]] = {}  # each kind's findings, in the order the checks made them
    for c in sorted(checks, key=_CODE_OF):
        code, name, principle = c.code, c.name, c.principle
        severity = _override_for(code, overrides) or c.severity
        kind = c.subject
        try:
            # Once per finding (1.4 million at national scale). A Subject of its own: making one (in C) is quicker
            # than finding a shared one among half a million subjects, whose lookups miss the processor's caches
            # (issue 12 benchmarks: 0.4 s at national scale).
            made = [
                Finding(code, name, principle, severity, Subject(kind, flag.subject_id), flag.message, flag.hint)
                for flag in c.run(context)
            ]
        except CoproductionError:
            raise
        except Exception as error:  # a faulty check (often a plugin's) is named, not shown as a traceback
            raise CheckFailedError(f"check {c.code} {c.name} failed: {type(error).__name__}: {error}") from error
        _put_in_subject_order(made)
        by_kind.setdefault(kind, []).extend(made)
    return _sorted_findings(by_kind)


def _put_in_subject_order(made: list[Finding]) -> None:
    """Sort one check's findings by subject id, then message.

    Checks mostly report subjects in the order the register lists them, so a stable sort by subject id finds long
    runs already in order; only the findings that share a subject (rare) need their messages put in order."""
    if len(made) < 2:
        return
    ids = list(map(_SUBJECT_ID_OF, made))
    if all(map(lt, ids, islice(ids, 1, None))):
        return  # the common case: each subject once, already in order (found in C, with no sort and no set)
    made.sort(key=_SUBJECT_ID_OF)
    if len(set(map(_SUBJECT_ID_OF, made))) == len(made):
        return
    start = 0
    for end in range(1, len(made) + 1):
        if end == len(made) or made[end].subject.id != made[start].subject.id:
            if end - start > 1:
                made[start:end] = sorted(made[start:end], key=_MESSAGE_OF)
            start = end


def _sorted_findings(by_kind: dict[SubjectKind, list[Finding]]) -> list[Finding]:
    """The findings in :attr:`Finding.sort_key` order: by subject kind, subject id, code, then message.

    Each kind's findings arrive check by check in code order, each check's in order of subject id then message,
    so one stable sort by subject id finishes them (merging the checks' runs), and the kinds are put in order as
    wholes: the order that sorting by the sort key gives, with no key made per finding (a national run has 1.4
    million findings; a joined text key for each took about 200 MB, issue 12 benchmarks).
    """
    ordered: list[Finding] = []
    for kind in sorted(by_kind, key=_VALUE_OF):
        findings = by_kind[kind]
        findings.sort(key=_SUBJECT_ID_OF)
        ordered.extend(findings)
    return ordered


_CODE_OF = attrgetter("code")
_MESSAGE_OF = attrgetter("message")
_SUBJECT_ID_OF = attrgetter("subject.id")
_VALUE_OF = attrgetter("value")


def _override_for(code: str, overrides: Mapping[str, Severity]) -> Severity | None:
    """The most specific override (by code prefix) for ``code``."""
    matches = [(len(prefix), sev) for prefix, sev in overrides.items() if code.startswith(prefix.upper())]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per severity, in the output contract's order: error, warning, info."""
    found = Counter(map(_SEVERITY_OF, findings))  # counted in C: a national run has over a million findings
    return {severity.value: found[severity] for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


_SEVERITY_OF = attrgetter("severity")
