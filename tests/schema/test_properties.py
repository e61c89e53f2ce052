"""Properties (Hypothesis): every register the strategies make, saved in any format and read back as plain JSON
data, validates; every value the schema's patterns accept, the loader accepts too (the schema is never looser
about a value's form); the date pattern accepts exactly the days that exist, from 1900 to 2200."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.io.converter import structuring_converter
from coproduction.io.formats import DEFAULT_LIMITS, Format
from coproduction.io.preconf import module_for
from coproduction.io.saver import dumps_register
from coproduction.models import Register
from coproduction.models.rules import EARLIEST_DATE, LATEST_DATE
from coproduction.schema import patterns
from tests.schema.helpers import WHOLE, plain
from tests.strategies import registers

_HOOKS = structuring_converter(detailed=True)


def _errors(data: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in WHOLE.iter_errors(data)]


@settings(max_examples=100, deadline=None)
@given(registers(), st.sampled_from([Format.YAML, Format.JSON, Format.TOML]))
def test_a_saved_register_validates(register: Register, register_format: Format) -> None:
    text = dumps_register(register, register_format)
    data = module_for(register_format).loads(text, DEFAULT_LIMITS)
    if register_format is Format.JSON and not isinstance(data, dict):  # the fast path's typed document
        data = json.loads(text)
    assert _errors(json.loads(json.dumps(plain(data)))) == []


def _accepted(value: str, type_: type) -> bool:
    try:
        _HOOKS.structure(value, type_)
    except Exception:
        return False
    return True


@settings(max_examples=300)
@given(st.from_regex(re.compile(patterns.DATE_TIME), fullmatch=True))
def test_every_date_time_the_schema_accepts_the_loader_reads(text: str) -> None:
    assert _accepted(text, datetime), text


@settings(max_examples=300)
@given(st.from_regex(re.compile(patterns.TIME), fullmatch=True))
def test_every_time_the_schema_accepts_the_loader_reads(text: str) -> None:
    assert _accepted(text, time), text


@settings(max_examples=300)
@given(st.from_regex(re.compile(patterns.AMOUNT_TEXT), fullmatch=True))
def test_every_amount_the_schema_accepts_the_loader_reads_within_range(text: str) -> None:
    assert _accepted(text, Decimal), text
    assert 0 <= Decimal(text) <= 1_000_000


@settings(max_examples=300)
@given(st.from_regex(re.compile(patterns.DATE), fullmatch=True))
def test_every_date_the_schema_accepts_exists_and_is_plausible(text: str) -> None:
    assert _accepted(text, date), text
    assert EARLIEST_DATE <= date.fromisoformat(text) <= LATEST_DATE


def test_the_date_pattern_accepts_every_real_day_from_1900_to_2200_and_no_other() -> None:
    """All 110,000-odd days, and every impossible day of those years (31 April, 29 February of 1900, 2100, 2200)."""
    date_pattern = re.compile(patterns.DATE)
    day, accepted = EARLIEST_DATE, 0
    while day <= LATEST_DATE:
        assert date_pattern.match(day.isoformat()), day
        accepted += 1
        day += timedelta(days=1)
    impossible = [
        f"{year}-{month:02}-{d:02}"
        for year in range(1900, 2201)
        for month, d in ((2, 29), (2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (13, 1), (0, 1), (1, 0), (1, 32))
        if not (month == 2 and d == 29 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)))
    ]
    assert not [text for text in impossible if date_pattern.match(text)]
    for outside in ("1899-12-31", "2201-01-01", "0205-03-01", "9026-01-06", "0000-01-01"):
        assert not date_pattern.match(outside)
    assert accepted == (LATEST_DATE - EARLIEST_DATE).days + 1


@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30)), st.integers(-1439, 1439))
def test_every_date_time_the_loader_writes_the_schema_accepts(moment: datetime, minutes: int) -> None:
    from datetime import timezone

    aware = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    assert re.match(patterns.DATE_TIME, aware.isoformat())
    assert re.match(patterns.DATE_TIME, aware.isoformat(sep=" "))  # as TOML writers put it
