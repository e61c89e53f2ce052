"""A council's policy as plain values: every threshold the checks use.

Defaults are this project's proposals, each with its source in ``docs/policy.md``; each council changes them
through a profile, a policy file, the environment or command-line flags (see :mod:`coproduction.settings`, which
builds a :class:`Policy`). This module reads nothing: it is domain code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

import attrs

from coproduction.models.diversity import Characteristic
from coproduction.models.enums import GroupKind, Perspective


class Severity(StrEnum):
    """How serious a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """The severity's place in the order, for "at or above" comparisons: info 0, warning 1, error 2."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Region(StrEnum):
    """UK bank-holiday regions (the Banking and Financial Dealings Act 1971 differs per nation)."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


@attrs.frozen
class SizeRange:
    """The fewest and most current members a group should have, both included (MB004)."""

    minimum: int
    maximum: int


@attrs.frozen
class LivingWageRate:
    """The National Living Wage hourly rate in force from ``since`` (National Minimum Wage Regulations 2015, as
    uprated each April)."""

    since: date
    hourly: Decimal


#: An e-mail address as RFC 5322 writes one without quotes or comments (a dot-atom, @, a domain of labels): it
#: goes into the calendar's ``ORGANIZER:mailto:`` line as it is, so nothing else is allowed in it.
EMAIL_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)


def _frozen_map(value: Mapping[object, object]) -> Mapping[object, object]:
    return MappingProxyType(dict(value))


DEFAULT_REQUIRED_PERSPECTIVES: Mapping[GroupKind, frozenset[Perspective]] = MappingProxyType(
    {
        GroupKind.BOARD: frozenset({Perspective.USES_SERVICES, Perspective.CARER, Perspective.STAFF}),
        GroupKind.PARTNERSHIP_BOARD: frozenset({Perspective.USES_SERVICES, Perspective.CARER}),
    }
)
"""The perspectives each kind of group must include (EQ003). A board hears people who use services, carers and
staff together (SCIE guide 51, "Co-production in social care"); a partnership board, people who use services and
carers. Kinds not listed require none."""

DEFAULT_GROUP_SIZES: Mapping[GroupKind, SizeRange] = MappingProxyType(
    {
        GroupKind.BOARD: SizeRange(8, 24),
        GroupKind.CHAMPIONS_NETWORK: SizeRange(10, 300),
        GroupKind.PARTNERSHIP_BOARD: SizeRange(6, 30),
        GroupKind.WORKING_GROUP: SizeRange(3, 15),
        GroupKind.FOCUS_GROUP: SizeRange(3, 15),
        GroupKind.SPEAK_OUT_GROUP: SizeRange(3, 30),
    }
)
"""The size each kind of group should be (MB004). No public guidance sets these: they are this project's
defaults, for a council to change (``group_sizes`` in ``docs/policy.md``); a champions network is larger than a
board."""

DEFAULT_LIVING_WAGE: tuple[LivingWageRate, ...] = (
    LivingWageRate(date(2021, 4, 1), Decimal("8.91")),
    LivingWageRate(date(2022, 4, 1), Decimal("9.50")),
    LivingWageRate(date(2023, 4, 1), Decimal("10.42")),
    LivingWageRate(date(2024, 4, 1), Decimal("11.44")),
    LivingWageRate(date(2025, 4, 1), Decimal("12.21")),
    LivingWageRate(date(2026, 4, 1), Decimal("12.71")),
)
"""National Living Wage rates by the date each took effect (21 and over from April 2024): GOV.UK, "National
Minimum Wage and National Living Wage rates"; the April 2026 rate was announced in the Autumn Budget 2025."""

DEFAULT_JARGON: Mapping[str, str] = MappingProxyType(
    {
        "ASC": "adult social care",
        "CQC": "Care Quality Commission, which inspects care services",
        "ICB": "Integrated Care Board, the NHS body that plans local health services",
        "ICS": "Integrated Care System",
        "KPI": "key performance indicator, a number used to measure how well something is going",
        "JSNA": "Joint Strategic Needs Assessment",
        "VCS": "voluntary and community sector",
        "VCSE": "voluntary, community and social enterprise sector",
        "SEND": "special educational needs and disabilities",
        "DoLS": "Deprivation of Liberty Safeguards",
        "MDT": "multi-disciplinary team",
    }
)
"""Terms that need a plain-language explanation (AC010), with the explanation a council might use."""


@attrs.frozen(kw_only=True)
class Policy:
    """Every threshold and choice the checks use. See ``docs/policy.md`` for each setting's source."""

    name: str = "default"
    #: The council's area, for residence (MB001); ``None`` uses the register's area.
    area: str | None = None
    timezone: str = "Europe/London"
    region: Region = Region.ENGLAND_AND_WALES
    #: The council's address for meetings, the ORGANIZER of every calendar event (RFC 5546 PUBLISH requires one);
    #: ``None`` names each group as the organiser of its own meetings, by a URN of its id.
    calendar_organiser: str | None = None

    # Equality
    min_lived_experience_share: float = 0.5
    require_lived_experience_chair: bool = True
    required_perspectives: Mapping[GroupKind, frozenset[Perspective]] = attrs.field(
        default=DEFAULT_REQUIRED_PERSPECTIVES, converter=_frozen_map
    )
    min_lived_experience_share_present: float = 0.4
    min_lived_experience_led_items: float = 0.25
    min_lived_experience_for_decisions: int = 2

    # Diversity
    monitored_characteristics: tuple[Characteristic, ...] = tuple(Characteristic)
    min_representation_ratio: float = 0.5
    min_expected_count: float = 1.0
    max_unknown_share: float = 0.2
    min_service_areas: int = 3
    max_organisation_share: float = 0.5
    suppression_threshold: int = 5
    min_group_for_cross_tabulation: int = 20
    baseline: str = "england"

    # Accessibility
    papers_notice_working_days: int = 5
    easy_read_notice_days: int = 7
    earliest_start: time = time(9, 30)
    latest_end: time = time(16, 0)
    max_minutes_without_break: int = 90
    max_meeting_minutes: int = 150
    two_interpreters_from_minutes: int = 120
    jargon: Mapping[str, str] = attrs.field(default=DEFAULT_JARGON, converter=_frozen_map)

    # Reciprocity
    involvement_hourly_rate: Decimal = Decimal("15.00")
    national_living_wage: tuple[LivingWageRate, ...] = DEFAULT_LIVING_WAGE
    training_within_days: int = 180
    feedback_within_days: int = 90

    # Ground rules and governance
    ground_rules_review_months: int = 12
    irregular_gap_factor: float = 1.5

    # Membership
    attendance_window_months: int = 12
    min_attendance_rate: float = 0.5
    min_expected_meetings: int = 3
    group_sizes: Mapping[GroupKind, SizeRange] = attrs.field(
        default=DEFAULT_GROUP_SIZES, converter=_frozen_map
    )

    # Checks
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_frozen_map)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def living_wage_on(self, day: date) -> LivingWageRate | None:
        """The National Living Wage rate in force on ``day``, or ``None`` before the table starts."""
        in_force = [rate for rate in self.national_living_wage if rate.since <= day]
        return max(in_force, key=lambda r: r.since) if in_force else None
