"""Precedence: Policy defaults < profile < policy file < environment < --set, for plain and nested settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduction.models.enums import GroupKind
from coproduction.policy import Policy, SizeRange
from coproduction.settings import load_policy

SHARE = "min_lived_experience_share"


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "council.toml"
    path.write_text(
        'name = "council"\nmin_lived_experience_share = 0.7\n\n[group_sizes.board]\nminimum = 12\n',
        encoding="utf-8",
    )
    return path


def test_nothing_given_is_policy_defaults() -> None:
    assert load_policy(environ={}) == Policy()


def test_profile_over_defaults() -> None:
    policy = load_policy("oxfordshire", environ={})
    assert policy.area == "Oxfordshire"
    assert policy.name == "oxfordshire"
    assert policy.min_lived_experience_share == Policy().min_lived_experience_share


def test_file_over_profile(policy_file: Path) -> None:
    policy = load_policy("oxfordshire", policy_file, environ={})
    assert policy.min_lived_experience_share == 0.7
    assert policy.name == "council"
    assert policy.area == "Oxfordshire"  # from the profile, which the file does not mention


def test_environment_over_file(policy_file: Path) -> None:
    environ = {"COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE": "0.6"}
    assert load_policy(policy_file=policy_file, environ=environ).min_lived_experience_share == 0.6


def test_overrides_over_environment(policy_file: Path) -> None:
    environ = {"COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE": "0.6"}
    policy = load_policy(policy_file=policy_file, environ=environ, overrides=[f"{SHARE}=0.65"])
    assert policy.min_lived_experience_share == 0.65


def test_overrides_as_a_mapping() -> None:
    assert load_policy(environ={}, overrides={SHARE: "0.55"}).min_lived_experience_share == 0.55


def test_later_override_wins() -> None:
    policy = load_policy(environ={}, overrides=[f"{SHARE}=0.1", f"{SHARE}=0.2"])
    assert policy.min_lived_experience_share == 0.2


@pytest.mark.parametrize(
    ("layers", "expected"),
    [
        ({}, SizeRange(8, 24)),
        ({"file": True}, SizeRange(12, 24)),
        ({"file": True, "env": "10"}, SizeRange(10, 24)),
        ({"file": True, "env": "10", "set": "9"}, SizeRange(9, 24)),
        ({"env": "10"}, SizeRange(10, 24)),
        ({"set": "9"}, SizeRange(9, 24)),
    ],
)
def test_nested_setting_at_each_layer(policy_file: Path, layers: dict[str, object], expected: SizeRange) -> None:
    environ = {"COPRODUCTION_GROUP_SIZES__BOARD__MINIMUM": str(layers["env"])} if "env" in layers else {}
    overrides = [f"group_sizes.board.minimum={layers['set']}"] if "set" in layers else []
    policy = load_policy(policy_file=policy_file if "file" in layers else None, environ=environ, overrides=overrides)
    assert policy.group_sizes[GroupKind.BOARD] == expected
    # Merging is key by key: the other kinds of group keep their defaults.
    assert policy.group_sizes[GroupKind.FOCUS_GROUP] == Policy().group_sizes[GroupKind.FOCUS_GROUP]


def test_profile_from_environment() -> None:
    assert load_policy(environ={"COPRODUCTION_PROFILE": "oxfordshire"}).area == "Oxfordshire"


def test_profile_argument_beats_profile_variable() -> None:
    policy = load_policy("default", environ={"COPRODUCTION_PROFILE": "oxfordshire"})
    assert policy.area is None


def test_environ_none_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE", "0.6")
    assert load_policy().min_lived_experience_share == 0.6


def test_given_environ_replaces_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE", "0.6")
    assert load_policy(environ={}).min_lived_experience_share == 0.5


def test_unrelated_variables_are_ignored() -> None:
    environ = {"PATH": "/usr/bin", "HOME": "/root", "COPRODUCTIONX": "1", "MIN_LIVED_EXPERIENCE_SHARE": "0.9"}
    assert load_policy(environ=environ) == Policy()


def test_empty_variable_counts_as_unset() -> None:
    assert load_policy(environ={"COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE": ""}) == Policy()


def test_variable_names_ignore_case() -> None:
    assert load_policy(environ={"coproduction_min_lived_experience_share": "0.6"}).min_lived_experience_share == 0.6


def test_environment_nesting_with_underscored_group_kind() -> None:
    # Shells cannot export names with hyphens: CHAMPIONS_NETWORK stands for champions-network.
    environ = {"COPRODUCTION_GROUP_SIZES__CHAMPIONS_NETWORK__MAXIMUM": "50"}
    assert load_policy(environ=environ).group_sizes[GroupKind.CHAMPIONS_NETWORK] == SizeRange(10, 50)


def test_environment_json_table_and_nested_variable_merge() -> None:
    environ = {
        "COPRODUCTION_GROUP_SIZES": '{"working-group": {"minimum": 4, "maximum": 9}}',
        "COPRODUCTION_GROUP_SIZES__BOARD__MAXIMUM": "30",
    }
    sizes = load_policy(environ=environ).group_sizes
    assert sizes[GroupKind.WORKING_GROUP] == SizeRange(4, 9)
    assert sizes[GroupKind.BOARD] == SizeRange(8, 30)


@pytest.mark.parametrize("text", ['["AC", "eq001"]', "AC, eq001"])
def test_lists_from_the_environment_as_json_or_commas(text: str) -> None:
    assert load_policy(environ={"COPRODUCTION_SELECT": text}).select == ("AC", "EQ001")


def test_tables_from_set_as_json() -> None:
    policy = load_policy(environ={}, overrides=['required_perspectives.working-group=["carer"]'])
    assert {k.value: {p.value for p in v} for k, v in policy.required_perspectives.items()} == {
        "board": {"uses-services", "carer", "staff"},
        "partnership-board": {"uses-services", "carer"},
        "working-group": {"carer"},
    }


def test_set_keeps_case_of_jargon_terms() -> None:
    policy = load_policy(environ={}, overrides=["jargon.OCC=Oxfordshire County Council"])
    assert policy.jargon["OCC"] == "Oxfordshire County Council"
    assert policy.jargon["CQC"] == Policy().jargon["CQC"]


def test_empty_set_value_unsets_an_optional_setting() -> None:
    assert load_policy("oxfordshire", environ={}, overrides=["area="]).area is None


def test_severity_codes_are_upper_cased() -> None:
    policy = load_policy(environ={"COPRODUCTION_SEVERITY__ac008": "Warning"})
    assert {code: severity.value for code, severity in policy.severity.items()} == {"AC008": "warning"}


def test_settings_class_built_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    from coproduction.settings import PolicySettings

    monkeypatch.setenv("COPRODUCTION_PROFILE", "oxfordshire")
    monkeypatch.setenv("COPRODUCTION_MIN_SERVICE_AREAS", "4")
    policy = PolicySettings(min_service_areas=5, suppression_threshold=10).to_policy()
    assert (policy.area, policy.min_service_areas, policy.suppression_threshold) == ("Oxfordshire", 5, 10)
    monkeypatch.delenv("COPRODUCTION_PROFILE")
    assert PolicySettings().to_policy() == Policy(min_service_areas=4)


def test_explain_names_the_layer_that_won(policy_file: Path) -> None:
    from coproduction.settings import explain_policy

    explained = explain_policy(
        "oxfordshire",
        policy_file,
        environ={"COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE": "0.6"},
        overrides=["group_sizes.board.maximum=30"],
    )
    assert explained.policy == load_policy(
        "oxfordshire",
        policy_file,
        environ={"COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE": "0.6"},
        overrides=["group_sizes.board.maximum=30"],
    )
    origins = dict(explained.origins)
    assert origins.pop("area").startswith("profile 'oxfordshire'")
    assert origins.pop("min_lived_experience_share") == "environment COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE"
    assert origins.pop("group_sizes.board.minimum") == str(policy_file)
    assert origins.pop("name") == str(policy_file)
    assert origins.pop("group_sizes.board.maximum") == "--set"
    # Everything else that is named comes from the Oxfordshire profile; defaults are not named.
    assert all(origin.startswith("profile 'oxfordshire'") for origin in origins.values())
    assert "group_sizes.focus-group.minimum" not in origins


def test_explain_names_nothing_for_the_default_profile() -> None:
    from coproduction.settings import explain_policy

    assert explain_policy(environ={}).origins == {}
