"""Policy files in TOML, YAML and JSON, and the traps of YAML 1.1 that the reader avoids."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from coproduction.models.enums import GroupKind
from coproduction.policy import LivingWageRate, Policy, SizeRange
from coproduction.settings import load_policy

TOML = """\
name = "hampshire"
area = "Hampshire"
earliest_start = "10:00"
involvement_hourly_rate = "16.50"
select = ["AC", "EQ"]

[group_sizes.board]
minimum = 10

[[national_living_wage]]
since = 2026-04-01
hourly = "12.71"
"""

YAML = """\
name: hampshire
area: Hampshire
earliest_start: 10:00
involvement_hourly_rate: "16.50"
select: [AC, EQ]
group_sizes:
  board:
    minimum: 10
national_living_wage:
  - since: 2026-04-01
    hourly: "12.71"
"""

JSON = """\
{"name": "hampshire", "area": "Hampshire", "earliest_start": "10:00", "involvement_hourly_rate": "16.50",
 "select": ["AC", "EQ"], "group_sizes": {"board": {"minimum": 10}},
 "national_living_wage": [{"since": "2026-04-01", "hourly": "12.71"}]}
"""


@pytest.mark.parametrize(("name", "text"), [("p.toml", TOML), ("p.yaml", YAML), ("p.yml", YAML), ("p.json", JSON)])
def test_the_same_policy_in_each_format(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    policy = load_policy(policy_file=path, environ={})
    assert policy.name == "hampshire"
    assert policy.area == "Hampshire"
    # YAML 1.1 would read 10:00 as the number 600 (sexagesimal) and pydantic would make that 00:10.
    assert policy.earliest_start == time(10, 0)
    assert policy.involvement_hourly_rate == Decimal("16.50")
    assert policy.select == ("AC", "EQ")
    assert policy.group_sizes[GroupKind.BOARD] == SizeRange(10, 24)
    assert policy.national_living_wage == (LivingWageRate(date(2026, 4, 1), Decimal("12.71")),)
    assert policy.jargon == Policy().jargon


def test_path_as_text(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('area = "Hampshire"\n', encoding="utf-8")
    assert load_policy(policy_file=str(path), environ={}).area == "Hampshire"


@pytest.mark.parametrize(("written", "expected"), [("010", 10), ("0x10", None)])
def test_yaml_numbers_follow_yaml_1_2(tmp_path: Path, written: str, expected: int | None) -> None:
    # YAML 1.1 reads 010 as octal 8; here it is text, which the setting reads as the number 10.
    path = tmp_path / "p.yaml"
    path.write_text(f"min_service_areas: {written}\n", encoding="utf-8")
    if expected is None:
        with pytest.raises(Exception, match="whole number"):
            load_policy(policy_file=path, environ={})
    else:
        assert load_policy(policy_file=path, environ={}).min_service_areas == expected


def test_yaml_yes_is_not_a_boolean_keyword_but_still_reads_as_true(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("require_lived_experience_chair: no\n", encoding="utf-8")
    assert load_policy(policy_file=path, environ={}).require_lived_experience_chair is False


def test_empty_yaml_file_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_policy(policy_file=path, environ={}) == Policy()


def test_toml_local_time_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("latest_end = 15:30:00\n", encoding="utf-8")
    assert load_policy(policy_file=path, environ={}).latest_end == time(15, 30)
