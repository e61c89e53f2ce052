"""Problems an officer can act on: the file, sheet, row and column heading, what was written, what is expected;
every problem at once; exit status 2 and no traceback; diversity answers never repeated."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction.cli import main
from coproduction.errors import RegisterError
from coproduction.io import load_register
from tests.spreadsheet.helpers import csv_folder, minimal, workbook

GROUPS = [["ID", "Name", "Kind"], ["board", "Board", "Board"]]


def _problems(path: Path) -> list[str]:
    with pytest.raises(RegisterError) as caught:
        load_register(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_issue_example(tmp_path: Path) -> None:
    rows = [["ID", "Name", "Joined"]] + [[f"m{n}", f"M {n}", "01/02/2025"] for n in range(2, 14)]
    rows.append(["m14", "M 14", "31/02/2025"])
    path = minimal(tmp_path / "members.xlsx", Members=rows)
    assert _problems(path) == [
        f'{path}: sheet Members, row 14, column "Joined": "31/02/2025" is not a date; there is no such day'
    ]


def test_every_problem_at_once_in_sheet_order(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name", "Joined", "Organisation user-led"], ["ann", "Ann", "tomorrow", "maybe"], ["bob", None]],
        Groups=[["ID", "Name", "Kind", "Quorum"], ["board", "Board", "Bored", 2.5]],
        Memberships=[["Member", "Group"], ["ann", "board"], ["zed", "board"]],
        Meetings=[["ID", "Group", "Title", "Start", "End"], ["m1", "board", "B", "06/01/2026", "06/01/2026 12:00"]],
        Attendance=[["Meeting", "Member"], ["m2", "ann"]],
    )
    assert _problems(path) == [
        f'{path}: sheet Members, row 2, column "Joined": "tomorrow" is not a date; write it as 25/11/2026 or '
        "2026-11-25",
        f'{path}: sheet Members, row 2, column "Organisation user-led": "maybe" is not Yes or No; write Yes or No',
        f'{path}: sheet Members, row 3, column "Name": required; fill it in',
        f"{path}: sheet Groups, row 2, column \"Kind\": 'Bored' is not one of: board, champions-network, "
        "partnership-board, working-group, focus-group, speak-out-group",
        f'{path}: sheet Groups, row 2, column "Quorum": "2.5" is not a whole number',
        f"{path}: sheet Memberships, row 3, column \"Member\": no member with id 'zed' in the register",
        f'{path}: sheet Meetings, row 2, column "Start": "06/01/2026" has no time of day; write it like '
        "06/01/2026 10:00",
        f'{path}: sheet Attendance, row 2, column "Meeting": no meeting with the ID "m2" in the Meetings sheet',
    ]


def test_an_unknown_column_or_sheet_says_what_was_meant(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "Register": [["Organisation", "Area"], ["O", "A"]],
            "Members": [["ID", "Nmae", "Joined"], ["ann", "Ann", None]],
            "Meeting": [["ID"]],
        },
    )
    problems = _problems(path)
    assert problems[0].startswith(f'{path}: sheet Members, row 1, column "Nmae": unknown column; did you mean "Name"?')
    assert f"{path}: sheet Meeting: unknown sheet; did you mean 'Meetings'?" in problems[-1]


def test_a_missing_register_sheet_and_missing_columns(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", {"Groups": [["ID", "Name"], ["board", "Board"]]})
    problems = _problems(path)
    assert any("no Register sheet; add one with the headings Organisation and Area" in p for p in problems)
    assert (
        f'{path}: sheet Groups, row 2, column "Kind": required, and the sheet has no "Kind" column; add one' in problems
    )


def test_a_register_sheet_with_two_rows(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", {"Register": [["Organisation", "Area"], ["O", "A"], ["P", "B"]]})
    assert _problems(path) == [
        f"{path}: sheet Register, row 3: the Register sheet has one row under its headings; this is a second"
    ]


def test_a_csv_folder_names_the_file_and_row(tmp_path: Path) -> None:
    folder = csv_folder(
        tmp_path / "reg",
        {
            "register.csv": "Organisation,Area\nO,A\n",
            "members.csv": "ID,Name,Joined\nann,Ann,2025-13-01\n",
            "mebers.csv": "ID\n",
        },
    )
    problems = _problems(folder)
    assert problems == [
        f'{folder / "members.csv"}: row 2, column "Joined": "2025-13-01" is not a date; there is no such day',
        f"{folder / 'mebers.csv'}: unknown file; did you mean 'Members'? the files of a register are: Register, "
        "Members, Training, Diversity, Groups, Ground rules, Acknowledgements, Memberships, Meetings, Breaks, Agenda, "
        "Papers, Attendance, Decisions, Actions, Payments",
    ]


def test_a_csv_file_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "register.csv").write_bytes("Organisation,Area\nCaf\xe9 council,A\n".encode("cp1252"))
    (problem,) = _problems(folder)
    assert "not UTF-8 text (byte 0xe9 on line 2)" in problem
    assert "CSV UTF-8" in problem


def test_diversity_answers_are_never_repeated(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name"], ["ann", "Ann"]],
        Diversity=[["Member", "Ethnic group", "Religion", "Age"], ["ann", "Martian", "Jedi knight", "thirty-two"]],
    )
    problems = _problems(path)
    assert len(problems) == 3
    text = "\n".join(problems)
    for secret in ("Martian", "Jedi", "thirty"):
        assert secret not in text
    assert f'{path}: sheet Diversity, row 2, column "Ethnic group": not one of the categories' in problems[0]


def test_a_second_diversity_row_for_one_member(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name"], ["ann", "Ann"]],
        Diversity=[["Member", "Sex"], ["ann", "Female"], ["ann", "Female"]],
    )
    assert _problems(path) == [
        f'{path}: sheet Diversity, row 3, column "Member": a second row for this member; keep one row each'
    ]


def test_nested_problems_are_placed_in_their_own_sheet(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Members=[["ID", "Name"], ["ann", "Ann"]],
        Groups=[["ID", "Name", "Kind", "Usual start", "Usual end"], ["board", "Board", "Board", "12:00", "10:00"]],
        Ground_rules=[["Group", "Rule"], ["board", "Listen"]],
        Meetings=[
            ["ID", "Group", "Title", "Start", "End"],
            ["m1", "board", "B", "06/01/2026 10:00", "06/01/2026 12:00"],
        ],
        Agenda=[["Meeting", "Title", "Leads", "Outcome"], ["m1", "Welcome", "ann; nobody", "We did it"]],
        Breaks=[["Meeting", "After minutes", "Minutes"], ["m1", 60, 0]],
    )
    problems = _problems(path)
    assert (
        f'{path}: sheet Groups, row 2, column "Ground rules agreed": required, and the sheet has no '
        '"Ground rules agreed" column; add one' in problems
    )
    assert any(p.startswith(f'{path}: sheet Agenda, row 2, column "Leads"') and "nobody" in p for p in problems)
    assert (
        f'{path}: sheet Agenda, row 2, column "Outcome recorded": required, and the sheet has no '
        '"Outcome recorded" column; add one' in problems
    )
    assert len(problems) == 3


def test_rules_of_the_register_are_placed_at_their_cells(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "r.xlsx",
        Groups=[["ID", "Name", "Kind", "Usual start", "Usual end"], ["board", "Board", "Board", "12:00", "10:00"]],
        Meetings=[
            ["ID", "Group", "Title", "Start", "End"],
            ["m1", "board", "B", "06/01/2026 10:00", "06/01/2026 12:00"],
        ],
        Breaks=[["Meeting", "After minutes", "Minutes"], ["m1", 60, 0]],
    )
    problems = _problems(path)
    assert len(problems) == 2
    assert problems[0].startswith(f'{path}: sheet Groups, row 2, column "Usual end": ')
    assert problems[1].startswith(f'{path}: sheet Breaks, row 2, column "Minutes": ')


def test_the_command_line_exits_2_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = minimal(tmp_path / "r.xlsx", Members=[["ID", "Name", "Joined"], ["ann", "Ann", "31/02/2025"]])
    for command in (
        ["check", str(path), "--as-of", "2026-11-25"],
        ["calendar", str(path)],
        ["audit", str(path), "--group", "x"],
    ):
        capsys.readouterr()
        assert main(command) == 2
        err = capsys.readouterr().err
        assert '"31/02/2025" is not a date' in err
        assert "Traceback" not in err


def test_a_valid_workbook_stays_silent(tmp_path: Path) -> None:
    path = minimal(tmp_path / "r.xlsx", Members=[["ID", "Name", "Joined"], ["ann", "Ann", "28/02/2025"]], Groups=GROUPS)
    assert load_register(path).members[0].name == "Ann"


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--as-of", "2026-11-25"],
        ["calendar"],
        ["audit", "--group", "board", "--as-of", "2026-11-25"],
        ["report", "--group", "board", "--as-of", "2026-11-25"],
    ],
)
def test_commands_read_times_in_the_policy_time_zone(
    tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import coproduction.io.loader as loader

    path = minimal(
        tmp_path / "r.xlsx",
        Groups=GROUPS,
        Meetings=[
            ["ID", "Group", "Title", "Start", "End"],
            ["m1", "board", "B", "06/01/2026 10:00", "06/01/2026 12:00"],
        ],
    )
    seen: list[str | None] = []
    real = loader.load_register

    def spy(target: object, **options: object) -> object:
        seen.append(options.get("time_zone"))  # type: ignore[arg-type]
        return real(target, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_register", spy)
    argv = [command[0], str(path), *command[1:], "--set", "timezone=America/New_York"]
    main(argv)
    capsys.readouterr()
    assert seen == ["America/New_York"]


_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "31/02/2025", "2026-01-06 10:00", "Yes", "ann", "board", "m1", "None", "1e400", "-1"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_cells_give_a_register_or_located_problems(tmp_path: Path, data: st.DataObject) -> None:
    from coproduction.io.spreadsheet.layout import SHEETS
    from coproduction.io.spreadsheet.reader import Table, register_from_tables

    tables = []
    for sheet in data.draw(st.lists(st.sampled_from(SHEETS), max_size=6, unique=True)):
        headings = [column.header for column in sheet.columns]
        rows = data.draw(st.lists(st.lists(_CELLS, min_size=len(headings), max_size=len(headings)), max_size=3))
        tables.append(Table(sheet.name, "r.xlsx", True, [headings, *rows]))
    from zoneinfo import ZoneInfo

    problems: tuple[object, ...] = ()
    try:
        register_from_tables(tables, "r.xlsx", ZoneInfo("Europe/London"))
    except RegisterError as error:
        problems = error.problems
        assert problems
    for problem in problems:
        assert str(problem).startswith("r.xlsx")
        assert "Traceback" not in str(problem)
