"""The calls a council system makes: validate a register, run the checks over it on a date, audit a group.

Each refuses an invalid register first (:func:`validate_register`, :class:`~coproduction.errors.InvalidRegisterError`).
All are importable from ``coproduction``; ``docs/python-api.md`` shows them on a register built in code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any, Literal

import attrs

from coproduction.audit.analysis import GroupAudit
from coproduction.audit.errors import AuditError
from coproduction.audit.population import Baseline
from coproduction.audit.targets import RecruitmentPlan
from coproduction.checks import (
    CheckContext,
    CheckRegistry,
    Finding,
    builtin_registry,
    run_checks,
    summarise,
)
from coproduction.errors import PolicyError, UnknownCheckError
from coproduction.models.register import Register
from coproduction.models.validation import require_valid, validate_register
from coproduction.models.value_rules import kind_of
from coproduction.policy import Policy, Severity
from coproduction.policy_rules import validate_policy
from coproduction.working_days import working_day_calendar


@attrs.frozen
class CheckReport:
    """The result of a run: the date, the policy's name, and the findings in contract order.

    ``internal`` is whether the findings are for internal use only (see :func:`check_register`).
    """

    as_of: date
    policy: str
    findings: tuple[Finding, ...]
    internal: bool = False
    #: Counts per severity, made once (a national run has over a million findings, and several writers ask).
    _counts: dict[str, int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_counts", summarise(self.findings))

    @property
    def summary(self) -> dict[str, int]:
        """Counts per severity, in the output contract's order: error, warning, info."""
        return dict(self._counts)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings at ``severity`` or above, in report order."""
        severe = frozenset(s for s in Severity if s.rank >= severity.rank)
        return tuple(f for f in self.findings if f.severity in severe)

    def any_at_or_above(self, severity: Severity) -> bool:
        """Whether any finding is at ``severity`` or above (the command line's exit status)."""
        summary = self.summary
        return any(summary[s.value] for s in Severity if s.rank >= severity.rank)


def refuse_invalid_policy(policy: Policy) -> None:
    """Raise :class:`~coproduction.errors.PolicyError`, listing every problem, when ``policy`` breaks the settings'
    rules (:func:`coproduction.policy_rules.validate_policy`): a policy built in code is held to the same ranges as
    a policy file."""
    problems = validate_policy(policy)
    if problems:
        raise PolicyError(problems)


def check_register(
    register: Register,
    *,
    as_of: date,
    policy: Policy | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    registry: CheckRegistry | None = None,
    baselines: Callable[[str], Baseline] | None = None,
    internal: bool = False,
) -> CheckReport:
    """Run the selected checks over ``register`` as of ``as_of``.

    ``select`` and ``ignore`` are codes or prefixes ("AC", "AC00", "AC001"). Given (not empty), each replaces the
    policy's own, as command-line flags override a policy file; empty, the policy's apply. A severity override in
    the policy for a code that matches no check is an :class:`~coproduction.errors.UnknownCheckError`.
    ``baselines`` finds the population baseline the policy names (DV001); by default a bundled baseline by name
    or a YAML/CSV file by path (:func:`coproduction.io.baselines.resolve_baseline`).

    By default the findings may be published: diversity findings (DV001, DV002) then say only what the
    publishable audit's tables imply, so that they give back no count the audit hides
    (:mod:`coproduction.audit.disclosure`). ``internal=True`` gives the exact figures, for internal use only:
    monitoring answers are special category data (UK GDPR Article 9).

    An invalid register is refused before any check runs: :class:`~coproduction.errors.InvalidRegisterError`
    lists every problem :func:`validate_register` finds (a register from :func:`~coproduction.load_register` is
    valid already, and is not looked at again).
    """
    require_valid(register)
    policy = policy or Policy()
    refuse_invalid_policy(policy)
    if baselines is None:
        from coproduction.io.baselines import resolve_baseline

        baselines = resolve_baseline
    policy = policy or Policy()
    registry = registry if registry is not None else builtin_registry()
    checks = registry.selected(select=list(select or policy.select), ignore=list(ignore or policy.ignore))
    for code in policy.severity:
        try:
            registry.matching(code)
        except UnknownCheckError:
            raise UnknownCheckError(
                f"the policy's severity override {code!r} matches no check; use a code or prefix such as 'AC001'"
            ) from None
    context = CheckContext(
        register=register,
        policy=policy,
        as_of=as_of,
        is_working_day=working_day_calendar(policy.region),
        baselines=baselines,
        internal=internal,
    )
    findings = run_checks(checks, context)
    return CheckReport(as_of=as_of, policy=policy.name, findings=tuple(findings), internal=internal)


#: The formats an audit renders to, as the command line's ``--format`` names them.
AuditFormat = Literal["text", "json", "markdown", "html"]


@attrs.frozen(repr=False)
class AuditReport:
    """A group's diversity audit as the reports render it: what :func:`audit_group` returns.

    ``audit`` is the arithmetic (counts, shares, expected counts, ratios, diversity indexes), ``plan`` the
    recruitment targets and ``data`` the report built from both, the JSON-ready structure every format renders
    (``coproduction audit --format json`` writes it); :meth:`render` gives the text of one format. Unless
    ``publishable``, the report holds special category data (UK GDPR Article 9) and says so on its first lines:
    keep it internal. Nothing of it is shown in ``repr``.
    """

    audit: GroupAudit
    plan: RecruitmentPlan
    publishable: bool
    data: Mapping[str, Any]

    @property
    def special_category_data(self) -> bool:
        """Whether the report holds special category data: every report that is not publishable."""
        return not self.publishable

    def render(self, format: AuditFormat = "text") -> str:
        """The report as ``format`` ("text", "json", "markdown" or "html"): the bytes the command line writes."""
        from coproduction.reports.audit import RENDERERS

        renderer = RENDERERS.get(format)
        if renderer is None:
            raise AuditError(f"unknown report format {format!r}; use one of: {', '.join(RENDERERS)}")
        return renderer(dict(self.data))

    def __repr__(self) -> str:
        mode = "publishable" if self.publishable else "internal"
        return (
            f"AuditReport(group={self.audit.group_id!r}, as_of={self.audit.as_of.isoformat()!r}, {mode}, "
            "<figures withheld>)"
        )


def audit_group(
    register: Register,
    group_id: str,
    *,
    as_of: date,
    baseline: Baseline | str | os.PathLike[str] | None = None,
    policy: Policy | None = None,
    publishable: bool = False,
    target_size: int | None = None,
    previous: str | os.PathLike[str] | None = None,
) -> AuditReport:
    """Audit the current members of ``group_id`` on ``as_of``: the one call behind ``coproduction audit``.

    ``baseline`` is a :class:`~coproduction.audit.Baseline`, a bundled baseline's name (``"england"``) or a
    baseline file's path; by default the policy's (``policy.baseline``). ``policy`` defaults to ``Policy()``.
    ``publishable`` suppresses small numbers ("fewer than 5") so that the report may be published; ``previous``
    (publishable only) is the JSON file of the group's last published audit, so that no count can be worked out
    from the change since (``--previous``). ``target_size`` plans recruitment for a group of that many members
    (default: the fewest additions that close every gap).

    An invalid register is refused first (:class:`~coproduction.errors.InvalidRegisterError`); an unknown group,
    a baseline that cannot be found or read, or a target size smaller than the group is an
    :class:`~coproduction.audit.AuditError` or :class:`~coproduction.audit.BaselineError`.
    """
    from coproduction.audit.analysis import audit_group as audit_arithmetic
    from coproduction.audit.targets import recruitment_plan
    from coproduction.io.baselines import resolve_baseline
    from coproduction.reports.audit import build_report

    require_valid(register)
    policy = policy if policy is not None else Policy()
    refuse_invalid_policy(policy)
    if previous is not None and not publishable:
        raise AuditError("a previous publication is for publishable reports: pass publishable=True")
    if baseline is None or isinstance(baseline, str | os.PathLike):
        baseline = resolve_baseline(policy.baseline if baseline is None else baseline)
    elif not isinstance(baseline, Baseline):
        raise AuditError(
            f"baseline must be a Baseline, a bundled baseline's name or a file's path; found {kind_of(baseline)}"
        )
    audit = audit_arithmetic(register, group_id, as_of=as_of, policy=policy, baseline=baseline)
    plan = recruitment_plan(audit, target_size=target_size, max_unanswered_share=policy.max_unknown_share)
    published = None
    if previous is not None:
        from coproduction.reports.audit.previous import read_previous

        published = read_previous(
            os.fspath(previous),
            group_id=audit.group_id,
            baseline_name=audit.baseline_name,
            categories={c.characteristic: tuple(k for k, _ in c.tally.counts) for c in audit.characteristics},
        )
    data = build_report(audit, plan, policy, publishable=publishable, previous=published)
    return AuditReport(audit=audit, plan=plan, publishable=publishable, data=MappingProxyType(data))


__all__ = ["AuditFormat", "AuditReport", "CheckReport", "audit_group", "check_register", "validate_register"]
