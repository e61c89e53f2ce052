"""The one-call Python API a council system uses: run the checks over a register on a date."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import attrs

from coproduction.audit.population import Baseline
from coproduction.checks import (
    CheckContext,
    CheckRegistry,
    Finding,
    builtin_registry,
    run_checks,
    summarise,
)
from coproduction.errors import UnknownCheckError
from coproduction.models.register import Register
from coproduction.models.validation import require_valid
from coproduction.policy import Policy, Severity
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
    or a YAML/CSV file by path (:func:`coproduction.audit.baseline.resolve_baseline`).

    By default the findings may be published: diversity findings (DV001, DV002) then say only what the
    publishable audit's tables imply, so that they give back no count the audit hides
    (:mod:`coproduction.audit.disclosure`). ``internal=True`` gives the exact figures, for internal use only:
    monitoring answers are special category data (UK GDPR Article 9).

    An invalid register is refused before any check runs: :class:`~coproduction.errors.InvalidRegisterError`
    lists every problem :func:`validate_register` finds (a register from :func:`~coproduction.load_register` is
    valid already, and is not looked at again).
    """
    require_valid(register)
    if baselines is None:
        from coproduction.audit.baseline import resolve_baseline

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
