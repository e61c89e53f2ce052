"""The spreadsheet layout of a register: which sheet holds what, under which column headings.

One sheet (or one CSV file) per section; things a meeting or a group holds several of (agenda items, papers,
attendance ...) have their own sheet, each row naming its meeting or group by id in its first column. The layout
is documented for officers in ``docs/spreadsheets.md``; the fields themselves in ``docs/register-format.md``.

Headings are matched without regard to case, spaces, hyphens or underscores, and a column may also be headed by
the field's name in a register file (``joined`` as well as ``Joined``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from enum import Enum
from typing import Final

import attrs

from coproduction.models import diversity
from coproduction.models import enums as e


class Kind(enum.Enum):
    """How a column's cells are read and written."""

    TEXT = "text"
    WHOLE = "whole number"
    FLAG = "yes or no"
    DATE = "date"
    TIME = "time of day"
    DATETIME = "date and time"
    AMOUNT = "amount"
    CHOICE = "choice"
    CHOICES = "choices"  # a set of choices in one cell, "Easy read; Large print"
    TEXTS = "list of text"  # a set of free text in one cell
    IDS = "list of ids"  # an ordered list of ids in one cell


@attrs.frozen
class Column:
    """One column: its heading, the field it fills (a path inside the item), how it is read, and a note for the
    "How to fill this in" sheet."""

    header: str
    path: tuple[str, ...]
    kind: Kind
    note: str
    choices: type[Enum] | None = None
    required: bool = False
    #: Special category data (diversity answers): never echoed in a message.
    special: bool = False
    #: ``None`` in the register is written as an empty cell; for ``access_needs`` and paper ``formats`` an empty
    #: list differs from "not given", and is written as the word below.
    empty_word: str | None = None


@attrs.frozen
class Sheet:
    """One sheet of the workbook (one CSV file in a folder)."""

    name: str
    file_name: str
    #: ``members``, ``meetings`` ... for a sheet of top-level items; ``None`` for the Register sheet.
    key: str | None
    columns: tuple[Column, ...]
    purpose: str
    #: For a sheet of things held by a meeting or group: the parent's list, and where in the parent they go.
    parent: str | None = None
    inside: tuple[str, ...] = ()

    def column(self, header: str) -> Column | None:
        """The column with this heading (matched loosely: case, spaces, hyphens, underscores), or ``None``."""
        return _column_index(self).get(loose(header))


NONE_WORD: Final = "None"


def loose(text: str) -> str:
    """A heading or choice as compared: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z+]", "", text.lower())


def _column_index(sheet: Sheet) -> Mapping[str, Column]:
    found = _INDEXES.get(sheet.name)
    if found is None:
        found = {}
        for column in sheet.columns:
            found[loose(column.header)] = column
            found.setdefault(loose("_".join(column.path)), column)
        _INDEXES[sheet.name] = found
    return found


_INDEXES: dict[str, Mapping[str, Column]] = {}


def _c(header: str, path: str, kind: Kind, note: str, **options: object) -> Column:
    return Column(header, tuple(path.split(".")), kind, note, **options)  # type: ignore[arg-type]


_T, _W, _F, _D = Kind.TEXT, Kind.WHOLE, Kind.FLAG, Kind.DATE


def _choice(header: str, path: str, choices: type[Enum], note: str, **options: object) -> Column:
    return _c(header, path, Kind.CHOICE, note, choices=choices, **options)


def _choices(header: str, path: str, choices: type[Enum], note: str, **options: object) -> Column:
    return _c(header, path, Kind.CHOICES, note, choices=choices, **options)


def _meeting_key() -> Column:
    return _c("Meeting", "meeting", _T, "the meeting's ID, as in the Meetings sheet", required=True)


def _group_key() -> Column:
    return _c("Group", "group", _T, "the group's ID, as in the Groups sheet", required=True)


def _member_key(note: str = "the member's ID, as in the Members sheet") -> Column:
    return _c("Member", "member", _T, note, required=True)


def _file_name(name: str) -> str:
    """A sheet's CSV file in a folder: its name in lower case, spaces as hyphens ("Ground rules" is
    ``ground-rules.csv``)."""
    return name.lower().replace(" ", "-") + ".csv"


def _items(name: str, *columns: Column, purpose: str) -> Sheet:
    """A sheet of top-level items, one row each: the register's list of them is named as the sheet (``members``)."""
    return Sheet(name, _file_name(name), name.lower(), columns, purpose)


#: The first column of a sheet of things held by each member, group or meeting: the holder's ID.
_HOLDER_KEYS: Final = {"members": _member_key, "groups": _group_key, "meetings": _meeting_key}


def _held(name: str, *columns: Column, purpose: str, parent: str, inside: str) -> Sheet:
    """A sheet of things each of ``parent`` (members, groups or meetings) holds several of, under ``inside`` (a
    path in the holder, parts separated by dots): its first column names the holder by ID, then ``columns``."""
    return Sheet(
        name,
        _file_name(name),
        None,
        (_HOLDER_KEYS[parent](), *columns),
        purpose,
        parent=parent,
        inside=tuple(inside.split(".")),
    )


REGISTER: Final = Sheet(
    "Register",
    "register.csv",
    None,
    (
        _c("Organisation", "organisation", _T, "the council or organisation that keeps the register", required=True),
        _c("Area", "area", _T, "the area it serves, e.g. Oxfordshire", required=True),
    ),
    "who keeps this register: one row under the headings",
)

MEMBERS: Final = _items(
    "Members",
    _c("ID", "id", _T, "a short name that never changes, e.g. ann; other sheets use it", required=True),
    _c("Name", "name", _T, "how the person is named in reports", required=True),
    _choices("Perspectives", "perspectives", e.Perspective, "where their knowledge comes from"),
    _c("Joined", "joined", _D, "the date they joined"),
    _c("Organisation", "organisation", _T, "the organisation they come from (staff, voluntary sector)"),
    _c("Organisation user-led", "organisation_user_led", _F, "Yes if that organisation is user-led"),
    _c("Area", "area", _T, "where they live"),
    _c("Service areas", "service_areas", Kind.TEXTS, "services they know from experience, e.g. mental-health"),
    _choices(
        "Access needs",
        "access_needs",
        e.AccessNeed,
        "what they need to take part; None if asked and they need nothing; empty if not yet asked",
        empty_word=NONE_WORD,
    ),
    _choice("Payment preference", "payment_preference", e.PaymentPreference, "their choice about payments"),
    purpose="everyone who takes part: one row each",
)

TRAINING: Final = _held(
    "Training",
    _c("Course", "course", _T, "the course's name", required=True),
    _c("Completed", "completed", _D, "the date it was completed", required=True),
    _c("Co-production", "coproduction", _F, "Yes if it was co-production training (empty means Yes)"),
    purpose="courses members have completed: one row per course",
    parent="members",
    inside="training",
)

_DIVERSITY_FIELDS: Final[tuple[tuple[str, str, type[Enum]], ...]] = (
    ("Age", "age", diversity.AgeBand),
    ("Sex", "sex", diversity.Sex),
    ("Gender identity", "gender_identity", diversity.GenderIdentity),
    ("Ethnic group", "ethnic_group", diversity.EthnicGroup),
    ("Disability", "disability", diversity.Disability),
    ("Religion", "religion", diversity.Religion),
    ("Sexual orientation", "sexual_orientation", diversity.SexualOrientation),
    ("Unpaid care", "unpaid_care", diversity.UnpaidCare),
)

DIVERSITY: Final = _held(
    "Diversity",
    *(
        _choice(header, path, choices, "leave empty if not known", special=True)
        for header, path, choices in _DIVERSITY_FIELDS
    ),
    purpose="equality monitoring answers (special category data: keep this sheet private): one row per member who "
    "answered",
    parent="members",
    inside="diversity",
)

GROUPS: Final = _items(
    "Groups",
    _c("ID", "id", _T, "a short name that never changes, e.g. team-up", required=True),
    _c("Name", "name", _T, "the group's name", required=True),
    _choice("Kind", "kind", e.GroupKind, "what sort of group it is", required=True),
    _c("Purpose", "purpose", _T, "what the group is for"),
    _c("Terms of reference", "terms_of_reference", _T, "a link to its terms of reference"),
    _choice("Meets", "cadence.frequency", e.Frequency, "how often it means to meet"),
    _choice("Weekday", "cadence.weekday", e.Weekday, "the day of the week it meets"),
    _c("Week of month", "cadence.week_of_month", _W, "1 to 4 for the first to fourth, -1 for the last"),
    _c("Usual start", "cadence.start", Kind.TIME, "usual start time, e.g. 10:00"),
    _c("Usual end", "cadence.end", Kind.TIME, "usual end time, e.g. 12:30"),
    _c("Quorum", "quorum", _W, "members needed for a decision"),
    _c("Requires residence", "requires_residence", _F, "Yes if members must live in the area"),
    _c("Ground rules agreed", "ground_rules.agreed", _D, "when the group agreed its ground rules"),
    _c("Ground rules reviewed", "ground_rules.reviewed", _D, "when they were last reviewed"),
    _c("Easy Read ground rules", "ground_rules.easy_read_document", _T, "a link to an Easy Read version"),
    purpose="boards, networks and other groups: one row each",
)

GROUND_RULES: Final = _held(
    "Ground rules",
    _c("Rule", "text", _T, "the rule", required=True),
    _c("Easy Read", "easy_read", _T, "the rule in Easy Read words"),
    purpose="each group's ground rules, in order: one row per rule",
    parent="groups",
    inside="ground_rules.rules",
)

ACKNOWLEDGEMENTS: Final = _held(
    "Acknowledgements",
    _member_key("who acknowledged the group's ground rules"),
    _c("On", "on", _D, "the date they did", required=True),
    purpose="who has acknowledged each group's ground rules: one row each",
    parent="groups",
    inside="ground_rules.acknowledgements",
)

MEMBERSHIPS: Final = _items(
    "Memberships",
    _member_key(),
    _group_key(),
    _choice("Role", "role", e.Role, "their role (empty means Member)"),
    _c("Voting", "voting", _F, "No if they do not vote (empty means Yes)"),
    _c("Started", "started", _D, "when the membership began"),
    _c("Term ends", "term_ends", _D, "when the term ends"),
    _c("Left", "left", _D, "when they left"),
    purpose="who belongs to which group: one row per member and group",
)

MEETINGS: Final = _items(
    "Meetings",
    _c("ID", "id", _T, "a short name that never changes, e.g. team-up-2026-01", required=True),
    _group_key(),
    _c("Title", "title", _T, "the meeting's title", required=True),
    _c("Start", "start", Kind.DATETIME, "date and time it starts, e.g. 06/01/2026 10:00", required=True),
    _c("End", "end", Kind.DATETIME, "date and time it ends", required=True),
    _choice("Mode", "mode", e.MeetingMode, "in person, online or hybrid (empty means In person)"),
    _choice("Status", "status", e.MeetingStatus, "scheduled, held or cancelled (empty means Scheduled)"),
    _c("Venue", "venue.name", _T, "the venue's name"),
    _c("Venue address", "venue.address", _T, "its address"),
    _choices("Venue features", "venue.features", e.VenueFeature, "the venue's access features"),
    _c("Joining link", "joining_link", _T, "the link to join online"),
    _c("Captions", "captions", _F, "Yes if live captions are provided"),
    _c("BSL interpreters", "bsl_interpreters", _W, "British Sign Language interpreters booked"),
    _c("Expected", "expected", Kind.IDS, "IDs of members expected, if not every current member"),
    _c("Replaces", "replaces", _D, "for a meeting moved to another day: the date of the slot it replaces"),
    _c("Sequence", "sequence", _W, "how many times it was changed after it was published"),
    purpose="meetings of the groups, past and planned: one row each",
)

BREAKS: Final = _held(
    "Breaks",
    _c("After minutes", "after_minutes", _W, "minutes from the start of the meeting", required=True),
    _c("Minutes", "minutes", _W, "how long the break lasts (empty means 10)"),
    purpose="scheduled breaks: one row per break",
    parent="meetings",
    inside="breaks",
)

AGENDA: Final = _held(
    "Agenda",
    _c("Title", "title", _T, "the item's title", required=True),
    _c("Leads", "leads", Kind.IDS, "IDs of the members who lead it"),
    _c("Lived experience input", "lived_experience_input", _F, "Yes if people with lived experience gave input"),
    _c("Outcome", "outcome.text", _T, "what was done with that input"),
    _c("Outcome recorded", "outcome.recorded", _D, "when the outcome was recorded"),
    _c("Explanation", "explanation", _T, "a plain-words explanation of jargon in the title"),
    purpose="each meeting's agenda, in order: one row per item",
    parent="meetings",
    inside="agenda",
)

PAPERS: Final = _held(
    "Papers",
    _c("Title", "title", _T, "the paper's title", required=True),
    _c("Published", "published", _D, "when it was published (empty: not yet)"),
    _choices(
        "Formats",
        "formats",
        e.PaperFormat,
        "the formats it is in (empty means Standard; None if none yet)",
        empty_word=NONE_WORD,
    ),
    _c("Explanation", "explanation", _T, "a plain-words explanation of jargon in the title"),
    purpose="each meeting's papers: one row per paper",
    parent="meetings",
    inside="papers",
)

ATTENDANCE: Final = _held(
    "Attendance",
    _member_key(),
    _choice("Status", "status", e.AttendanceStatus, "present, apologies or absent (empty means Present)"),
    purpose="who came to each meeting: one row per member and meeting",
    parent="meetings",
    inside="attendance",
)

DECISIONS: Final = _held(
    "Decisions",
    _c("Decision", "text", _T, "the decision, in the words of the minutes", required=True),
    purpose="decisions each meeting made: one row per decision",
    parent="meetings",
    inside="decisions",
)

ACTIONS: Final = _held(
    "Actions",
    _c("Action", "text", _T, "what is to be done", required=True),
    _c("Owner", "owner", _T, "the ID of the member who does it"),
    _c("Due", "due", _D, "by when"),
    _choice("Status", "status", e.ActionStatus, "open, done or dropped (empty means Open)"),
    _c("Completed", "completed", _D, "when it was done"),
    purpose="actions each meeting agreed: one row per action",
    parent="meetings",
    inside="actions",
)

PAYMENTS: Final = _held(
    "Payments",
    _member_key("who was paid, or declined"),
    _choice("Kind", "kind", e.PaymentKind, "payment, expenses or declined (empty means Payment)"),
    _c("Amount", "amount", Kind.AMOUNT, "how much, in pounds, e.g. 40.00"),
    purpose="involvement payments and expenses: one row per payment",
    parent="meetings",
    inside="payments",
)

#: Every sheet, in workbook order.
SHEETS: Final[tuple[Sheet, ...]] = (
    REGISTER,
    MEMBERS,
    TRAINING,
    DIVERSITY,
    GROUPS,
    GROUND_RULES,
    ACKNOWLEDGEMENTS,
    MEMBERSHIPS,
    MEETINGS,
    BREAKS,
    AGENDA,
    PAPERS,
    ATTENDANCE,
    DECISIONS,
    ACTIONS,
    PAYMENTS,
)

#: The sheet of instructions the template writes; a reader skips it.
HOW_TO: Final = "How to fill this in"


def sheet_named(name: str) -> Sheet | None:
    """The sheet a workbook's sheet (or a CSV file's name without ``.csv``) stands for, matched loosely."""
    return _SHEETS_BY_NAME.get(loose(name))


_SHEETS_BY_NAME: Final = {loose(sheet.name): sheet for sheet in SHEETS}


# -- choices in their human form ----------------------------------------------------------------------------

_WEEKDAYS: Final = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
_SPECIAL_LABELS: Final = {
    "bsl": "BSL",
    "co-chair": "Co-chair",
    "easy-read": "Easy Read",
    "step-free": "Step-free",
    "expenses-only": "Expenses only",
    "85-plus": "85 plus",
}


def label(member: Enum) -> str:
    """A choice in its human form: ``uses-services`` is "Uses services", ``MO`` is "Monday"."""
    value = str(member.value)
    if isinstance(member, e.Weekday):
        return _WEEKDAYS[value]
    special = _SPECIAL_LABELS.get(value)
    if special is not None:
        return special
    if value[:1].isdigit():  # age bands and hours of care: "16-24", "9 hours or less"
        return value if re.fullmatch(r"[\d-]+", value) else value.replace("-", " ")
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]


def _choice_index(choices: type[Enum]) -> Mapping[str, str]:
    found = _CHOICES.get(choices)
    if found is None:
        found = {}
        for member in choices:
            found[loose(label(member))] = str(member.value)
            found[loose(str(member.value))] = str(member.value)
            if isinstance(member, e.Weekday):
                found[loose(_WEEKDAYS[member.value][:3])] = str(member.value)
        _CHOICES[choices] = found
    return found


_CHOICES: dict[type[Enum], Mapping[str, str]] = {}


def choice_value(choices: type[Enum], written: str) -> str | None:
    """The file form (``uses-services``) of a choice written in either form ("Uses services"); ``None`` when it
    is neither."""
    return _choice_index(choices).get(loose(written))


__all__ = [
    "HOW_TO",
    "NONE_WORD",
    "SHEETS",
    "Column",
    "Kind",
    "Sheet",
    "choice_value",
    "label",
    "loose",
    "sheet_named",
]
