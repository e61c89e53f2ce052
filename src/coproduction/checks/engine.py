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
from operator import attrgetter
from typing import TYPE_CHECKING

import attrs

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


@attrs.frozen(order=True)
class Subject:
    """What a finding points at: a kind (group, meeting, member, policy) and that thing's id."""

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


@attrs.frozen
class Flag:
    """What a check function yields: the subject's id, a message and a hint. The engine adds the rest."""

    subject_id: str
    message: str
    hint: str


@attrs.frozen
class Finding:
    """One problem found: which check, which subject, what is wrong and what to do about it."""

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
    findings: list[Finding] = []
    keys: list[str] = []  # Finding.sort_key of each, as one text (see _sorted_findings)
    subjects: dict[SubjectKind, dict[str, Subject]] = {}  # one Subject per subject: many findings share one
    nul_in_keys = False
    add_finding, add_key = findings.append, keys.append  # the loop below runs once per finding (1.4 million)
    for c in checks:
        code, name, principle = c.code, c.name, c.principle
        severity = _override_for(code, overrides) or c.severity
        kind = c.subject
        of_kind = subjects.setdefault(kind, {})
        key_head = f"{kind.value}\0"
        key_code = f"\0{code}\0"
        try:
            for flag in c.run(context):
                subject_id, message = flag.subject_id, flag.message
                subject = of_kind.get(subject_id)
                if subject is None:
                    subject = of_kind[subject_id] = Subject(kind, subject_id)
                add_finding(Finding(code, name, principle, severity, subject, message, flag.hint))
                key = f"{key_head}{subject_id}{key_code}{message}"
                add_key(key)
                if key.count("\0") != 3:
                    nul_in_keys = True
        except CoproductionError:
            raise
        except Exception as error:  # a faulty check (often a plugin's) is named, not shown as a traceback
            raise CheckFailedError(f"check {c.code} {c.name} failed: {type(error).__name__}: {error}") from error
    return _sorted_findings(findings, None if nul_in_keys else keys)


def _sorted_findings(findings: list[Finding], keys: list[str] | None) -> list[Finding]:
    """``findings`` in :attr:`Finding.sort_key` order (a stable sort).

    Each key is the sort key's four texts joined by NUL characters: for texts without a NUL, comparing the joined
    texts orders exactly as comparing the tuples (NUL sorts before every other character, so a text that is a
    prefix of another still sorts first), and is about five times faster for a million findings, because one C
    comparison replaces a tuple's element-by-element calls. ``keys`` is ``None`` when a subject id or a message
    holds a NUL itself (codes and kinds never do): then the tuples are compared.
    """
    if keys is None:
        tuples = [f.sort_key for f in findings]
        order = sorted(range(len(findings)), key=tuples.__getitem__)
    else:
        order = sorted(range(len(findings)), key=keys.__getitem__)
    return [findings[i] for i in order]


def _override_for(code: str, overrides: Mapping[str, Severity]) -> Severity | None:
    """The most specific override (by code prefix) for ``code``."""
    matches = [(len(prefix), sev) for prefix, sev in overrides.items() if code.startswith(prefix.upper())]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per severity, in the output contract's order: error, warning, info."""
    found = Counter(map(_SEVERITY_OF, findings))  # counted in C: a national run has over a million findings
    return {severity.value: found[severity] for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


_SEVERITY_OF = attrgetter("severity")
