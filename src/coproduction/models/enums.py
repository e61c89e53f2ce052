"""Closed vocabularies used across the register.

Values are kebab-case strings so that register files read naturally (``perspectives: [uses-services, carer]``).
Sources (docs/sources.md): Oxfordshire's Team-Up board and Co-production Champions (#oxfordshire-scie-easy-read,
#oxfordshire-ccg-coproduction) and VoiceAbility's Speak Out groups and partnership boards (#voiceability-coproduction).
"""

from __future__ import annotations

from enum import StrEnum


class Perspective(StrEnum):
    """Where a member's knowledge comes from; a person may hold several (a staff member who is also a carer)."""

    USES_SERVICES = "uses-services"
    CARER = "carer"
    STAFF = "staff"
    VOLUNTARY_SECTOR = "voluntary-sector"


LIVED_EXPERIENCE = frozenset({Perspective.USES_SERVICES, Perspective.CARER})
"""Perspectives that count as lived experience (SCIE guide 51: people who use services, and carers and families)."""


class GroupKind(StrEnum):
    """Kinds of co-production group a council runs (a board, a champions network, a working group ...)."""

    BOARD = "board"
    CHAMPIONS_NETWORK = "champions-network"
    PARTNERSHIP_BOARD = "partnership-board"
    WORKING_GROUP = "working-group"
    FOCUS_GROUP = "focus-group"
    SPEAK_OUT_GROUP = "speak-out-group"


class Role(StrEnum):
    """A member's role in one group."""

    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    MEMBER = "member"
    CHAMPION = "champion"
    FACILITATOR = "facilitator"
    OBSERVER = "observer"


CHAIR_ROLES = frozenset({Role.CHAIR, Role.CO_CHAIR})
"""The roles that lead a group's meetings: chair and co-chair (EQ002 asks that one is held with lived experience)."""


class Frequency(StrEnum):
    """How often a group means to meet; ``nominal_days`` is the gap GR005 measures against."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"

    @property
    def nominal_days(self) -> int:
        """The usual gap in days between two meetings at this frequency (a month is 30 days)."""
        return _NOMINAL_DAYS[self]


_NOMINAL_DAYS = {
    Frequency.WEEKLY: 7,
    Frequency.FORTNIGHTLY: 14,
    Frequency.MONTHLY: 30,
    Frequency.BIMONTHLY: 61,
    Frequency.QUARTERLY: 91,
}


class Weekday(StrEnum):
    """Days of the week, in iCalendar's two-letter form."""

    MO = "MO"
    TU = "TU"
    WE = "WE"
    TH = "TH"
    FR = "FR"
    SA = "SA"
    SU = "SU"

    @property
    def number(self) -> int:
        """Monday is 0, as in :meth:`datetime.date.weekday`."""
        return list(Weekday).index(self)


class MeetingMode(StrEnum):
    """Where a meeting happens: in a room, online, or both at once."""

    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"


class MeetingStatus(StrEnum):
    """Whether a meeting is still to come, took place, or was called off."""

    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(StrEnum):
    """Whether an expected attendee came, sent apologies, or was absent without them."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class ActionStatus(StrEnum):
    """Where an action agreed at a meeting stands: still open, done, or dropped."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class PaperFormat(StrEnum):
    """Formats a paper can be published in (the alternative formats of NHS England's Accessible Information
    Standard, DCB1605)."""

    STANDARD = "standard"
    EASY_READ = "easy-read"
    LARGE_PRINT = "large-print"
    SCREEN_READER = "screen-reader"
    AUDIO = "audio"
    BRAILLE = "braille"


class VenueFeature(StrEnum):
    """Physical features of a venue that attendees may need (reasonable adjustments, Equality Act 2010 s.20)."""

    STEP_FREE = "step-free"
    HEARING_LOOP = "hearing-loop"
    ACCESSIBLE_TOILET = "accessible-toilet"
    QUIET_ROOM = "quiet-room"
    ACCESSIBLE_PARKING = "accessible-parking"
    CHANGING_PLACES = "changing-places"


class AccessNeed(StrEnum):
    """What a person needs to take part; each maps to a paper format, a venue feature or a service."""

    EASY_READ = "easy-read"
    LARGE_PRINT = "large-print"
    SCREEN_READER = "screen-reader"
    AUDIO = "audio"
    BRAILLE = "braille"
    BSL = "bsl"
    CAPTIONS = "captions"
    HEARING_LOOP = "hearing-loop"
    STEP_FREE = "step-free"
    ACCESSIBLE_TOILET = "accessible-toilet"
    QUIET_ROOM = "quiet-room"
    CHANGING_PLACES = "changing-places"
    ACCESSIBLE_PARKING = "accessible-parking"
    BREAKS = "breaks"
    SUPPORT_WORKER = "support-worker"

    @property
    def paper_format(self) -> PaperFormat | None:
        """The paper format this need calls for, if any (AC002)."""
        try:
            return PaperFormat(self.value)
        except ValueError:
            return None

    @property
    def venue_feature(self) -> VenueFeature | None:
        """The venue feature this need calls for, if any (AC003)."""
        try:
            return VenueFeature(self.value)
        except ValueError:
            return None


class PaymentPreference(StrEnum):
    """What a member has chosen about involvement payments. Some people on benefits decline them, so that
    payment cannot affect their benefits."""

    PAYMENT = "payment"
    EXPENSES_ONLY = "expenses-only"
    DECLINED = "declined"


class PaymentKind(StrEnum):
    """What a member was given for one meeting: a payment for their time, expenses only, or nothing (declined)."""

    PAYMENT = "payment"
    EXPENSES = "expenses"
    DECLINED = "declined"
