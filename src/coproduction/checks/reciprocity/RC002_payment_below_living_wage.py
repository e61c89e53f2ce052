"""RC002 payment-below-living-wage: Compares the policy's hourly involvement rate (``involvement_hourly_rate``) with
the National Living Wage in force on the 'as of' date, taken from the policy's dated table of rates,
``national_living_wage`` (so a new April rate is a data change).

The rule (:func:`payment_below_living_wage`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/RC002.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import CNWL, HQIP, PAYING, cite, project_default
from coproduction.policy import Severity


def payment_below_living_wage(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    rate = policy.living_wage_on(context.as_of)
    if rate is None or policy.involvement_hourly_rate >= rate.hourly:
        return
    gap = rate.hourly - policy.involvement_hourly_rate
    yield Flag(
        policy.name,
        f"The involvement rate of £{policy.involvement_hourly_rate:.2f} an hour is £{gap:.2f} below the "
        f"National Living Wage of £{rate.hourly:.2f} in force since {rate.since.isoformat()}.",
        f"Raise involvement_hourly_rate to at least £{rate.hourly:.2f}.",
    )


CHECK = Check(
    code="RC002",
    name="payment-below-living-wage",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.POLICY,
    doc=CheckDoc(
        what=(
            "Compares the policy's hourly involvement rate (`involvement_hourly_rate`) with the National Living Wage "
            "in force on the 'as of' date, taken from the policy's dated table of rates, `national_living_wage` "
            "(so a new April rate is a data change). Before the table's first date there is nothing to compare "
            "and the check is silent."
        ),
        why=(
            "Paying people with lived experience less per hour than the lowest legal wage for staff says their "
            "expertise is worth less, which is the opposite of working as equals."
        ),
        example=(
            "The policy pays £12.00 an hour; from 1 April 2026 the National Living Wage is £12.71: RC002 reports "
            "the gap of £0.71."
        ),
        instead=(
            "Set the involvement rate at or above the National Living Wage and review it each April when the "
            "rate changes; many councils and NHS trusts pay more (CNWL paid £11.50-£15 an hour in 2022)."
        ),
        settings=("involvement_hourly_rate", "national_living_wage"),
        sources=(
            cite("national-living-wage", "the National Living Wage in force on each date"),
            cite("scie-paying-people", PAYING),
            cite("involvement-payment-examples", "£11.50-£15 an hour", document=CNWL),
            cite("involvement-payment-examples", "£40 a meeting", document=HQIP),
            project_default("involvement_hourly_rate = 15.00"),
        ),
    ),
    run=payment_below_living_wage,
)
