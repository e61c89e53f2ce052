"""Bad settings are a PolicyError naming the file, variable or flag, the setting, and what is valid, closest first."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.errors import PolicyError, Problem
from coproduction.settings import PolicySettings, available_profiles, load_policy
from tests.strategies import texts


def problems_of(**kwargs: object) -> tuple[Problem, ...]:
    kwargs.setdefault("environ", {})
    with pytest.raises(PolicyError) as caught:
        load_policy(**kwargs)  # type: ignore[arg-type]
    return caught.value.problems


def only(problems: tuple[Problem, ...]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_misspelt_setting_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text("min_lived_experiance_share = 0.6\n", encoding="utf-8")
    problem = only(problems_of(policy_file=path))
    assert problem.file == str(path)
    assert problem.path == "$.min_lived_experiance_share"
    assert "did you mean 'min_lived_experience_share'?" in problem.message
    # Every valid name is listed, the closest first.
    listed = problem.message.split("valid settings: ")[1].split(", ")
    assert listed[0] == "min_lived_experience_share"
    assert sorted(listed) == sorted(PolicySettings.model_fields)


def test_misspelt_nested_key_in_a_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("group_sizes:\n  bord:\n    minimum: 3\n    maximum: 9\n", encoding="utf-8")
    problem = only(problems_of(policy_file=path))
    assert problem.path == "$.group_sizes.bord"
    assert "did you mean 'board'?" in problem.message
    assert "speak-out-group" in problem.message


def test_misspelt_environment_variable() -> None:
    problem = only(problems_of(environ={"COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE": "0.6", "PATH": "/bin"}))
    assert (problem.file, problem.path) == ("environment", "COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE")
    assert "did you mean 'COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE'?" in problem.message
    assert "COPRODUCTION_PROFILE" in problem.message


def test_misspelt_nested_environment_variable() -> None:
    problem = only(problems_of(environ={"COPRODUCTION_GROUP_SIZES__BOARD__MINIMUN": "10"}))
    assert (problem.file, problem.path) == ("environment", "COPRODUCTION_GROUP_SIZES__BOARD__MINIMUN")
    assert "did you mean 'minimum'?" in problem.message


def test_parts_of_a_single_value_are_an_error_not_ignored() -> None:
    # pydantic-settings alone would ignore this variable silently.
    problem = only(problems_of(environ={"COPRODUCTION_MIN_SERVICE_AREAS__X": "3"}))
    assert problem.path == "COPRODUCTION_MIN_SERVICE_AREAS__X"
    assert "set COPRODUCTION_MIN_SERVICE_AREAS" in problem.message


def test_single_underscore_nesting_points_to_double() -> None:
    problem = only(problems_of(environ={"COPRODUCTION_GROUP_SIZES_BOARD_MINIMUM": "3"}))
    assert "put __ between the levels" in problem.message
    assert "COPRODUCTION_GROUP_SIZES__KEY" in problem.message


def test_misspelt_set_key() -> None:
    problem = only(problems_of(overrides=["min_lived_experiance_share=0.6"]))
    assert (problem.file, problem.path) == ("--set", "min_lived_experiance_share")
    assert "did you mean 'min_lived_experience_share'?" in problem.message


def test_misspelt_nested_set_key() -> None:
    problem = only(problems_of(overrides=["group_sizes.board.maximun=10"]))
    assert (problem.file, problem.path) == ("--set", "group_sizes.board.maximun")
    assert "did you mean 'maximum'?" in problem.message


def test_set_without_equals() -> None:
    problem = only(problems_of(overrides=["min_lived_experience_share"]))
    assert problem.file == "--set"
    assert "KEY=VALUE" in problem.message


def test_set_profile_points_to_the_option() -> None:
    assert "use --profile" in only(problems_of(overrides=["profile=oxfordshire"])).message


@pytest.mark.parametrize("name", ["oxon", "Oxfordshire", "../default", "default.toml"])
def test_unknown_profile_lists_the_valid_ones(name: str) -> None:
    problem = only(problems_of(profile=name))
    assert problem.file == "--profile"
    assert f"unknown profile {name!r}" in problem.message
    for valid in available_profiles():
        assert valid in problem.message


def test_unknown_profile_suggests_the_closest() -> None:
    assert "did you mean 'oxfordshire'?" in only(problems_of(profile="oxfordshir")).message


def test_unknown_profile_from_the_environment() -> None:
    problem = only(problems_of(environ={"COPRODUCTION_PROFILE": "hampshire"}))
    assert (problem.file, problem.path) == ("environment", "COPRODUCTION_PROFILE")


@pytest.mark.parametrize(
    ("override", "path", "expected"),
    [
        ("min_lived_experience_share=abc", "min_lived_experience_share", "expects a number"),
        ("min_service_areas=2.5", "min_service_areas", "expects a whole number"),
        ("require_lived_experience_chair=maybe", "require_lived_experience_chair", "expects true or false"),
        ("earliest_start=half nine", "earliest_start", 'expects a time of day such as "09:30"'),
        ("involvement_hourly_rate=lots", "involvement_hourly_rate", "expects an amount in pounds"),
        ("jargon=not a table", "jargon", "expects a table from text to text"),
        ("group_sizes.board.minimum=eight", "group_sizes.board.minimum", "expects a whole number"),
    ],
)
def test_wrong_type_names_setting_and_expected_type(override: str, path: str, expected: str) -> None:
    problem = only(problems_of(overrides=[override]))
    assert (problem.file, problem.path) == ("--set", path)
    assert expected in problem.message


def test_wrong_enum_value_suggests() -> None:
    problem = only(problems_of(environ={"COPRODUCTION_REGION": "scotlnd"}))
    assert problem.path == "COPRODUCTION_REGION"
    assert "did you mean 'scotland'?" in problem.message


def test_wrong_type_in_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('min_service_areas = "three"\n[[national_living_wage]]\nsince = "2026-04-01"\n', "utf-8")
    problems = problems_of(policy_file=path)
    assert {(p.path, p.message.split(";")[0]) for p in problems} == {
        ("$.min_service_areas", "expects a whole number"),
        ("$.national_living_wage[0].hourly", "missing"),
    }


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ("min_lived_experience_share=1.5", "less than or equal to 1"),
        ("max_meeting_minutes=0", "greater than 0"),
        ("timezone=Europe/Lndon", "not an IANA time zone"),
        ("calendar_organiser=meetings at council.gov.uk", "not an e-mail address"),
        ("calendar_organiser=a@b.example\r\nX:y", "not an e-mail address"),
        ("latest_end=09:00", "not after earliest_start"),
        ("earliest_start=10:00+01:00", "leave out the offset"),
        ("involvement_hourly_rate=12.345", "2 decimal places"),
        ("group_sizes.board.maximum=2", "maximum 2 is below minimum 8"),
        ("monitored_characteristics=age,age", "listed more than once: age"),
        ("select=A-C", "not a check code"),
        ("name=", "at least 1 character"),
    ],
)
def test_values_out_of_range(override: str, fragment: str) -> None:
    assert fragment in only(problems_of(overrides=[override])).message


def test_boolean_for_a_number_in_a_file_is_refused(tmp_path: Path) -> None:
    # pydantic alone would read true as 1.
    path = tmp_path / "policy.toml"
    path.write_text("min_service_areas = true\n", encoding="utf-8")
    assert "true/false is not a number" in only(problems_of(policy_file=path)).message


def test_number_for_a_time_in_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text("earliest_start = 930\n", encoding="utf-8")
    assert "a number is not a time" in only(problems_of(policy_file=path)).message


def test_disagreeing_layers_blame_the_higher_one() -> None:
    # Each layer is valid over the defaults; together the minimum passes the maximum.
    problem = only(
        problems_of(
            environ={"COPRODUCTION_GROUP_SIZES__BOARD__MAXIMUM": "20"}, overrides=["group_sizes.board.minimum=21"]
        )
    )
    assert (problem.file, problem.path) == ("--set", "group_sizes.board.maximum")


def test_every_layer_reports_at_once(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("min_service_areas: x\n", encoding="utf-8")
    problems = problems_of(
        policy_file=path,
        environ={"COPRODUCTION_MAX_MEETING_MINUTES": "long"},
        overrides=["area=Oxfordshire", "suppression_threshold=-1"],
    )
    assert [(p.file, p.path) for p in problems] == [
        (str(path), "$.min_service_areas"),
        ("environment", "COPRODUCTION_MAX_MEETING_MINUTES"),
        ("--set", "suppression_threshold"),
    ]


def test_missing_file() -> None:
    problem = only(problems_of(policy_file="/nonexistent/policy.toml"))
    assert problem.message == "no such policy file"


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("bad.toml", "min_service_areas = = 3\n", "not valid TOML"),
        ("bad.yaml", "a: [1, 2\n", "not valid YAML (line 2"),
        ("bad.json", "{", "not valid JSON"),
        ("bad.ini", "a=1", "unknown kind of file '.ini'"),
        ("list.yaml", "- 1\n- 2\n", "expected a table of settings"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, text: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problem = only(problems_of(policy_file=path))
    assert problem.file == str(path)
    assert fragment in problem.message


def test_no_pydantic_wording_leaks() -> None:
    message = str(only(problems_of(overrides=["group_sizes.board.minimun=3"])))
    assert "pydantic" not in message.lower()
    assert "extra inputs" not in message.lower()
    assert "[key]" not in message


def outcome(**kwargs: object) -> tuple[Problem, ...] | None:
    """None for a policy, the problems for a PolicyError; any other exception fails the test."""
    try:
        load_policy(**kwargs)  # type: ignore[arg-type]
    except PolicyError as error:
        return error.problems
    return None


@given(key=st.sampled_from(sorted(PolicySettings.model_fields)), value=texts())
def test_any_set_value_is_a_policy_or_a_policy_error(key: str, value: str) -> None:
    problems = outcome(environ={}, overrides=[f"{key}={value}"])
    assert problems is None or (problems and all(problem.file == "--set" for problem in problems))


@given(suffix=texts(max_size=12), value=texts())
def test_any_environment_variable_is_a_policy_or_a_policy_error(suffix: str, value: str) -> None:
    problems = outcome(environ={f"COPRODUCTION_{suffix}": value})
    assert problems is None or (problems and all(problem.file == "environment" for problem in problems))


@pytest.mark.parametrize("override", ["jargon.=x", ".min_service_areas=3", "group_sizes..minimum=3"])
def test_override_with_an_empty_key_part_is_refused(override: str) -> None:
    with pytest.raises(PolicyError, match="a part of the key is empty"):
        load_policy(environ={}, overrides=[override])
