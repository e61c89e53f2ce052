"""Reading registers from workbooks and CSV folders: cells as officers' spreadsheets hold them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from coproduction.io import load_register
from coproduction.models import AccessNeed, AttendanceStatus, GroupKind, PaperFormat, Perspective, Role, Weekday
from tests.spreadsheet.helpers import REGISTER_SHEET, csv_folder, minimal, ods, workbook

MEMBER_HEADINGS = ["ID", "Name", "Joined"]
BST = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    "written",
    [date(2026, 11, 25), "25/11/2026", "2026-11-25", "25.11.2026", 46351, 46351.0, "46351", datetime(2026, 11, 25)],
)
def test_a_date_in_any_form_a_spreadsheet_holds(tmp_path: Path, written: object) -> None:
    path = minimal(tmp_path / "r.xlsx", Members=[MEMBER_HEADINGS, ["ann", "Ann", written]])
    assert load_register(path).members[0].joined == date(2026, 11, 25)


def test_an_empty_date_cell_is_not_given(tmp_path: Path) -> None:
    path = minimal(tmp_path / "r.xlsx", Members=[MEMBER_HEADINGS, ["ann", "Ann", None], ["bob", "Bob", "  "]])
    assert [m.joined for m in load_register(path).members] == [None, None]


MEETING_HEADINGS = ["ID", "Group", "Title", "Start", "End"]
GROUPS = [["ID", "Name", "Kind"], ["board", "Board", "Board"]]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime(2026, 1, 6, 10, 0), datetime(2026, 1, 6, 10, 0, tzinfo=UTC)),
        ("06/01/2026 10:00", datetime(2026, 1, 6, 10, 0, tzinfo=UTC)),
        ("2026-01-06 10:00", datetime(2026, 1, 6, 10, 0, tzinfo=UTC)),
        ("2026-01-06T10:00:30", datetime(2026, 1, 6, 10, 0, 30, tzinfo=UTC)),
        (datetime(2026, 6, 2, 10, 0), datetime(2026, 6, 2, 10, 0, tzinfo=BST)),  # British Summer Time
        ("02/06/2026 10:00", datetime(2026, 6, 2, 10, 0, tzinfo=BST)),
        ("2026-06-02T09:00:00+00:00", datetime(2026, 6, 2, 9, 0, tzinfo=UTC)),  # an offset is kept as written
        (46028.416666666664, datetime(2026, 1, 6, 10, 0, tzinfo=UTC)),  # an Excel serial with a fraction
    ],
)
def test_meeting_times_are_local_to_the_policy_zone(tmp_path: Path, start: object, expected: datetime) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Groups=GROUPS,
        Meetings=[MEETING_HEADINGS, ["m1", "board", "Board", start, "2026-12-31 10:00"]],
    )
    meeting = load_register(path).meetings[0]
    assert meeting.start == expected
    assert meeting.start.utcoffset() == expected.utcoffset()


def test_another_time_zone_is_used_when_given(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Groups=GROUPS,
        Meetings=[MEETING_HEADINGS, ["m1", "board", "Board", "06/01/2026 10:00", "06/01/2026 11:00"]],
    )
    start = load_register(path, time_zone="America/New_York").meetings[0].start
    assert start.utcoffset() == timedelta(hours=-5)
    assert start.hour == 10


def test_lists_in_one_cell_and_choices_in_either_form(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[
            ["ID", "Name", "Perspectives", "Access needs", "Service areas"],
            ["ann", "Ann", "Uses services; carer", "Easy Read;BSL ; step free", "mental-health; older people"],
            ["bob", "Bob", "STAFF", "None", None],
            ["cy", "Cy", "voluntary-sector", None, None],
        ],
    )
    ann, bob, cy = load_register(path).members
    assert ann.perspectives == {Perspective.USES_SERVICES, Perspective.CARER}
    assert ann.access_needs == {AccessNeed.EASY_READ, AccessNeed.BSL, AccessNeed.STEP_FREE}
    assert ann.service_areas == {"mental-health", "older people"}
    assert bob.perspectives == {Perspective.STAFF}
    assert bob.access_needs == frozenset()  # asked, needs nothing
    assert cy.access_needs is None  # nobody has asked


def test_flags_whole_numbers_times_and_amounts(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name"], ["ann", "Ann"]],
        Groups=[
            [
                "ID",
                "Name",
                "Kind",
                "Weekday",
                "Week of month",
                "Usual start",
                "Usual end",
                "Quorum",
                "Requires residence",
            ],
            ["board", "Board", "partnership board", "Tue", -1, time(10, 0), "12.30", 4.0, "yes"],
            ["net", "Network", "Champions network", "TU", "2", "09:30", "11:00:15", "3", True],
        ],
        Meetings=[
            [*MEETING_HEADINGS, "Captions", "BSL interpreters"],
            ["m1", "board", "Board", "06/01/2026 10:00", "06/01/2026 12:00", "N", 2],
        ],
        Payments=[
            ["Meeting", "Member", "Kind", "Amount"],
            ["m1", "ann", "Payment", 40.0],
            ["m1", "ann", None, "£1,200.5"],
        ],
    )
    register = load_register(path)
    board, network = register.groups
    assert board.kind is GroupKind.PARTNERSHIP_BOARD
    assert network.kind is GroupKind.CHAMPIONS_NETWORK
    assert board.cadence is not None
    assert network.cadence is not None
    assert (board.cadence.weekday, board.cadence.week_of_month) == (Weekday.TU, -1)
    assert (board.cadence.start, board.cadence.end) == (time(10, 0), time(12, 30))
    assert network.cadence.end == time(11, 0, 15)
    assert (board.quorum, network.quorum) == (4, 3)
    assert board.requires_residence
    assert network.requires_residence
    meeting = register.meetings[0]
    assert not meeting.captions
    assert meeting.bsl_interpreters == 2
    assert [p.amount for p in meeting.payments] == [Decimal("40.00"), Decimal("1200.5")]


def test_children_join_their_meeting_in_order(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name"], ["ann", "Ann"], ["bob", "Bob"]],
        Groups=GROUPS,
        Meetings=[
            MEETING_HEADINGS,
            ["m1", "board", "One", "06/01/2026 10:00", "06/01/2026 12:00"],
            ["m2", "board", "Two", "03/02/2026 10:00", "03/02/2026 12:00"],
        ],
        Agenda=[
            ["Meeting", "Title", "Leads"],
            ["m2", "Welcome", "ann; bob"],
            ["m1", "Hello", None],
            ["m2", "Close", "bob"],
        ],
        Attendance=[["Meeting", "Member", "Status"], ["m1", "ann", None], ["m1", "bob", "Apologies"]],
        Papers=[["Meeting", "Title", "Formats"], ["m1", "Report", "Easy read; large print"], ["m1", "Notes", "none"]],
    )
    one, two = load_register(path).meetings
    assert [item.title for item in two.agenda] == ["Welcome", "Close"]
    assert two.agenda[0].leads == ("ann", "bob")
    assert [a.status for a in one.attendance] == [AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES]
    assert one.papers[0].formats == {PaperFormat.EASY_READ, PaperFormat.LARGE_PRINT}
    assert one.papers[1].formats == frozenset()


def test_headings_match_loosely_and_by_file_name(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "register": REGISTER_SHEET,
            "MEMBERS": [["id", "NAME", "payment_preference"], ["ann", "Ann", "expenses-only"]],
            "ground-rules": [["group", "rule"]],
            "Memberships": [["Member", "group", "ROLE"], ["ann", "board", "Co-chair"]],
            "Groups": GROUPS,
        },
    )
    register = load_register(path)
    assert register.memberships[0].role is Role.CO_CHAIR


def test_rows_and_columns_may_start_anywhere_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx", Members=[[], [None, "ID", "Name"], [None, "ann", "Ann"], [], [None, "bob", "Bob"]]
    )
    assert [m.id for m in load_register(path).members] == ["ann", "bob"]


def test_the_how_to_sheet_is_skipped(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", {"How to fill this in": [["anything at all"]], "Register": REGISTER_SHEET})
    assert load_register(path).organisation == "Oxfordshire County Council"


def test_a_number_in_an_id_column_is_its_digits(tmp_path: Path) -> None:
    path = minimal(tmp_path / "r.xlsx", Members=[["ID", "Name"], [1001, "Ann"]])
    assert load_register(path).members[0].id == "1001"


def test_formulas_are_read_as_their_saved_values(tmp_path: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(tmp_path / "r.xlsx"))
    page = book.add_worksheet("Register")
    page.write_row(0, 0, ["Organisation", "Area"])
    page.write_formula(1, 0, '="Oxfordshire "&"County Council"', None, "Oxfordshire County Council")
    page.write_string(1, 1, "Oxfordshire")
    book.close()
    assert load_register(tmp_path / "r.xlsx").organisation == "Oxfordshire County Council"


def test_a_folder_of_csv_files(tmp_path: Path) -> None:
    folder = csv_folder(
        tmp_path / "register",
        {
            "register.csv": "Organisation,Area\nOxfordshire County Council,Oxfordshire\n",
            "members.csv": '\ufeffID,Name,Joined,Perspectives\nann,Ann,25/11/2025,"Uses services; carer"\n',
            "groups.csv": "ID,Name,Kind,Ground rules agreed\nboard,Board,board,2025-01-14\n",
            "ground-rules.csv": 'Group,Rule,Easy Read\nboard,"Listen, then speak",We listen\n',
            "meetings.csv": "ID,Group,Title,Start,End\nm1,board,Board,2026-01-06 10:00,2026-01-06 12:00\n",
        },
    )
    register = load_register(folder)
    assert register.members[0].joined == date(2025, 11, 25)
    rules = register.groups[0].ground_rules
    assert rules is not None
    assert rules.agreed == date(2025, 1, 14)
    assert [(rule.text, rule.easy_read) for rule in rules.rules] == [("Listen, then speak", "We listen")]
    assert register.meetings[0].start == datetime(2026, 1, 6, 10, 0, tzinfo=UTC)


def test_an_ods_workbook(tmp_path: Path) -> None:
    path = ods(
        tmp_path / "r.ods",
        {
            "Register": REGISTER_SHEET,
            "Members": [["ID", "Name", "Joined"], ["ann", "Ann", date(2025, 3, 1)], ["bob", "Bob", "01/04/2025"]],
        },
    )
    register = load_register(path)
    assert [m.joined for m in register.members] == [date(2025, 3, 1), date(2025, 4, 1)]


def test_a_folder_of_register_files_ignores_csv_files_beside_them(tmp_path: Path) -> None:
    folder = csv_folder(
        tmp_path / "r",
        {"register.yaml": "organisation: O\narea: A\n", "notes.csv": "this,is,not,a,register\n"},
    )
    assert load_register(folder).organisation == "O"
