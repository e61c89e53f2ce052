"""Issue 13's fuzz finding: meetings at the edges of Python's dates (0001-01-01, 9999-12-31, offsets up to +-14:00)
made ``coproduction calendar`` print a traceback and exit 1. The calendar refuses them itself, naming the file,
``$.meetings[i].start``, the value and what is expected, with exit status 2 -- whether or not register loading
rejects implausible dates first -- and exports everything inside its years.

The register files are in tests/data/calendar. To test the calendar's own refusal, they are also read without the
loader's register rules (:func:`unchecked_register`), as a register built in Python would be.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from coproduction.calendar import CalendarError, export_calendar
from coproduction.calendar.errors import MeetingValueError
from coproduction.cli import main
from coproduction.io import loader
from coproduction.io.converter import structuring_converter
from coproduction.models import Cadence, Frequency, Group, GroupKind, Meeting, Register, Weekday
from coproduction.policy import Policy

DATA = Path(__file__).resolve().parents[1] / "data" / "calendar"
EDGES = DATA / "edges-of-python-dates.yaml"
FOLDER = DATA / "edges-folder"
STAMP = datetime(2026, 11, 25, tzinfo=UTC)
EARLIEST, LATEST = datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC)


def unchecked_register(path: Path) -> Register:
    """A register read from a file or folder with its values structured, and none of the loader's rules applied."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    parts: dict[str, Any] = {"organisation": "", "area": "", "groups": [], "meetings": []}
    for file in files:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for key, value in document.items():
            if isinstance(value, list):
                parts[key].extend(value)
            else:
                parts[key] = value
    convert = structuring_converter(detailed=False)
    return Register(
        organisation=parts["organisation"],
        area=parts["area"],
        groups=convert.structure(parts["groups"], tuple[Group, ...]),
        meetings=convert.structure(parts["meetings"], tuple[Meeting, ...]),
    )


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str]:
    """``coproduction calendar path`` with the register read by :func:`unchecked_register`."""
    monkeypatch.setattr(loader, "load_register", lambda _, **_options: unchecked_register(path))
    status = main(["calendar", str(path), *args])
    return status, capsys.readouterr().err


def test_the_files_edge_meetings_are_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.ics"
    status, err = run(monkeypatch, capsys, EDGES, "-o", str(target))
    assert status == 2
    assert "Traceback" not in err
    assert not target.exists()  # nothing half-written
    lines = err.splitlines()
    assert lines[0] == "coproduction: 4 problems in the input:"
    assert lines[1] == (
        f"  {EDGES}: $.meetings[1].start: meeting 'first-day' is outside the years the calendar writes"
        " (0001-01-01T00:00:00+14:00); expected a date-time from 1900-01-01 to 2200-12-31 (UTC) with an offset,"
        " e.g. 2026-01-06T10:00:00+00:00"
    )
    assert [line.split(": ")[1] for line in lines[1:]] == [
        "$.meetings[1].start",
        "$.meetings[1].end",
        "$.meetings[2].start",
        "$.meetings[2].end",
    ]
    assert "(9999-12-31T22:00:00-14:00)" in lines[3]


def test_a_folders_edge_meeting_is_named_by_its_file_and_index(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = run(monkeypatch, capsys, FOLDER)
    assert status == 2
    where = f"{FOLDER / '3-meetings-typos.yaml'}: $.meetings[1]"
    assert [line.strip().split(": ")[0:2] for line in err.splitlines()[1:]] == [
        [str(FOLDER / "3-meetings-typos.yaml"), "$.meetings[1].start"],
        [str(FOLDER / "3-meetings-typos.yaml"), "$.meetings[1].end"],
    ]
    assert where in err
    assert "meeting 'year-nine-thousand'" in err


@pytest.mark.parametrize("path", [EDGES, FOLDER])
def test_the_real_command_exits_2_with_a_located_message(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the real loader (which may reject implausible dates first): status 2, the place named."""
    status = main(["calendar", str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err
    assert re.search(r"\.yaml: \$\.meetings\[[12]\]\.start: ", err), err


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1899-12-31"])
def test_a_dtstamp_outside_the_years_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stamp: str
) -> None:
    status, err = run(monkeypatch, capsys, FOLDER / "2-meetings-2026.yaml", "--dtstamp", stamp)
    assert status == 2
    assert "the DTSTAMP" in err
    assert "outside the years the calendar writes" in err
    assert "Traceback" not in err


def test_the_first_and_last_instants_of_the_window_export() -> None:
    """Inside the window, even at its very edges and with the largest offsets, the export works."""
    far_east, far_west = timezone(timedelta(hours=14)), timezone(timedelta(hours=-14))
    first = datetime(1900, 1, 1, 14, tzinfo=far_east)  # 1900-01-01T00:00:00Z
    last = datetime(2200, 12, 31, 9, 59, 59, tzinfo=far_west)  # 2200-12-31T23:59:59Z
    register = Register(
        organisation="Edge Council",
        area="Edgeshire",
        groups=(Group(id="g", name="G", kind=GroupKind.BOARD),),
        meetings=(
            Meeting(id="first", group="g", title="First", start=first, end=first + timedelta(hours=1)),
            Meeting(id="last", group="g", title="Last", start=last - timedelta(hours=1), end=last),
        ),
    )
    data = export_calendar(register, Policy(), dtstamp=STAMP, domain="edge.example")
    starts = sorted(e.decoded("DTSTART").astimezone(UTC) for e in Calendar.from_ical(data).walk("VEVENT"))
    assert starts == [first.astimezone(UTC), (last - timedelta(hours=1)).astimezone(UTC)]


offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
naive_moments = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 3)),
    st.datetimes(min_value=datetime(9999, 12, 29), max_value=datetime.max),
    st.datetimes(min_value=datetime(1899, 12, 30), max_value=datetime(1900, 1, 2)),
    st.datetimes(min_value=datetime(2200, 12, 30), max_value=datetime(2201, 1, 2)),
    st.datetimes(min_value=datetime(2026, 3, 28), max_value=datetime(2026, 3, 30)),
    st.datetimes(min_value=datetime(2026, 10, 24), max_value=datetime(2026, 10, 26)),
    st.datetimes(),
)
moments = st.tuples(naive_moments, st.none() | offsets).map(lambda pair: pair[0].replace(tzinfo=pair[1]))
edge_dates = st.one_of(st.dates(max_value=date(1, 1, 10)), st.dates(min_value=date(9999, 12, 20)), st.dates())


def writable(value: datetime) -> bool:
    """The oracle, written apart from the package: aware, convertible to UTC, inside 1900-2200."""
    if value.tzinfo is None or value.utcoffset() is None:
        return False
    try:
        instant = value.astimezone(UTC)
    except OverflowError:
        return False
    return EARLIEST <= instant <= LATEST


lengths = st.one_of(st.just(timedelta(hours=2)), st.timedeltas(timedelta(0), timedelta(days=3)))
meetings = st.lists(st.tuples(moments, lengths, st.none() | edge_dates), min_size=1, max_size=4)


def edge_register(drawn: list[tuple[datetime, timedelta, date | None]]) -> Register:
    built = []
    for number, (start, length, replaces) in enumerate(drawn):
        try:
            end = start + length
        except OverflowError:
            end = start
        built.append(Meeting(id=f"m{number}", group="board", title="Board", start=start, end=end, replaces=replaces))
    cadence = Cadence(Frequency.WEEKLY, Weekday.TU, None, None, None)
    return Register(
        organisation="Edge Council",
        area="Edgeshire",
        groups=(Group(id="board", name="Board", kind=GroupKind.BOARD, cadence=cadence),),
        meetings=tuple(built),
    )


@settings(max_examples=150, deadline=None)
@given(drawn=meetings)
def test_any_dates_export_or_are_refused_by_name(drawn: list[tuple[datetime, timedelta, date | None]]) -> None:
    register = edge_register(drawn)
    bad = {
        (index, field)
        for index, meeting in enumerate(register.meetings)
        for field in ("start", "end")
        if not writable(getattr(meeting, field))
    } | {
        (index, "replaces")
        for index, meeting in enumerate(register.meetings)
        if meeting.replaces is not None and not date(1900, 1, 1) <= meeting.replaces <= date(2200, 12, 31)
    }
    try:
        data = export_calendar(register, Policy(), dtstamp=STAMP, domain="edge.example")
    except MeetingValueError as error:
        named = {(int(p.path.split("[")[1].split("]")[0]), p.path.rsplit(".", 1)[1]) for p in error.problems}
        assert named == bad
        for problem in error.problems:
            assert problem.file == "register"
            assert "expected a date" in problem.message
    else:
        assert not bad
        assert len(Calendar.from_ical(data).walk("VEVENT")) >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=meetings)
def test_the_command_exits_0_or_2_never_1_nor_a_traceback(
    drawn: list[tuple[datetime, timedelta, date | None]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    register = edge_register(drawn)
    monkeypatch.setattr(loader, "load_register", lambda _, **_options: register)
    target = tmp_path / "out.ics"
    target.unlink(missing_ok=True)
    try:
        status = main(["calendar", str(EDGES), "-o", str(target)])
    except CalendarError:  # pragma: no cover - would be a bug: the command must report it
        pytest.fail("the command let a CalendarError escape")
    err = capsys.readouterr().err
    assert status in (0, 2)
    assert "Traceback" not in err
    if status == 2:
        assert f"{EDGES}: $.meetings[" in err
        assert not target.exists()
    else:
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
