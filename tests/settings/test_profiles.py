"""Shipped profiles, and the drift tests between Policy, the settings model and default.toml."""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

from coproduction.models.enums import GroupKind, Perspective
from coproduction.policy import Policy, SizeRange
from coproduction.settings import PolicySettings, available_profiles, load_policy, policy_to_dict
from coproduction.settings.model import FIELD_METADATA, pydantic_type, settings_model_for, to_domain


def profile_text(name: str) -> str:
    return resources.files("coproduction").joinpath("profiles", f"{name}.toml").read_text(encoding="utf-8")


def test_available_profiles() -> None:
    assert available_profiles() == ["default", "oxfordshire"]


def test_settings_fields_are_policy_fields_in_order() -> None:
    assert list(PolicySettings.model_fields) == [field.name for field in attrs.fields(Policy)]


def test_every_settings_field_has_no_hand_written_default() -> None:
    # Defaults come from Policy() as the lowest layer; a default here would be a second copy that could drift.
    assert all(field.is_required() for field in PolicySettings.model_fields.values())


def test_field_metadata_names_real_fields() -> None:
    policy_fields = {f"Policy.{field.name}" for field in attrs.fields(Policy)}
    assert {key for key in FIELD_METADATA if key.startswith("Policy.")} <= policy_fields


def _validated(profile: str | None = None) -> Policy:
    """The profile's layers through pydantic-settings, as the road validates a layer that changes a default
    (:func:`load_policy` skips the validation when no layer does: tests/settings/test_one_road.py)."""
    from coproduction.settings.build import validated_policy
    from coproduction.settings.loader import gather_layers

    return validated_policy(gather_layers(profile, None, {}, ()))


def test_policy_defaults_pass_the_settings_checks() -> None:
    assert load_policy(environ={}) == Policy()
    assert _validated() == Policy()


def test_default_profile_is_exactly_policy_defaults() -> None:
    # default.toml spells out every setting: it must name each field and hold Policy's value for it.
    data = tomllib.loads(profile_text("default"))
    unset = {"area", "calendar_organiser"}  # None by default: TOML has no null, so the file leaves them out
    assert set(data) == {field.name for field in attrs.fields(Policy) if field.name not in unset}
    expected = {key: value for key, value in policy_to_dict(Policy()).items() if value is not None}
    assert policy_to_dict(load_policy("default", environ={})) == policy_to_dict(Policy())
    assert policy_to_dict(_validated("default")) == policy_to_dict(Policy())
    assert _plain_toml(data) == expected


def _plain_toml(data: dict[str, object]) -> dict[str, object]:
    """default.toml read without the defaults layer, through the settings checks, as plain values."""
    from coproduction.settings.model import policy_from_settings

    class OnlyInit(PolicySettings):  # type: ignore[misc,valid-type]
        @classmethod
        def settings_customise_sources(cls, settings_cls, init_settings, **others):  # type: ignore[no-untyped-def]
            return (init_settings,)

    policy = policy_from_settings(OnlyInit(**{"area": None, "calendar_organiser": None, **data}))  # TOML has no null
    return {key: value for key, value in policy_to_dict(policy).items() if value is not None}


@pytest.mark.parametrize("name", ["default", "oxfordshire"])
def test_each_profile_names_itself(name: str) -> None:
    assert tomllib.loads(profile_text(name))["name"] == name
    assert load_policy(name, environ={}).name == name


def test_oxfordshire_profile() -> None:
    policy = load_policy("oxfordshire", environ={})
    assert policy.area == "Oxfordshire"
    assert policy.earliest_start == Policy().earliest_start  # unsourced for the co-production board: kept
    assert policy.required_perspectives[GroupKind.CHAMPIONS_NETWORK] == frozenset(Perspective)
    assert policy.required_perspectives[GroupKind.BOARD] == Policy().required_perspectives[GroupKind.BOARD]
    assert policy.jargon["OCC"] == "Oxfordshire County Council"
    assert set(Policy().jargon) < set(policy.jargon)


@pytest.mark.parametrize("name", ["default", "oxfordshire"])
def test_profiles_cite_their_sources(name: str) -> None:
    # Each profile names its public sources through docs/sources.md, whose anchors must exist.
    text = profile_text(name)
    assert "docs/sources.md" in text
    sources = (Path(__file__).resolve().parents[2] / "docs" / "sources.md").read_text(encoding="utf-8")
    for anchor in re.findall(r"#([a-z0-9-]+)\)", text):
        assert "{#" + anchor + "}" in sources, anchor


@attrs.frozen
class Future:
    """A class with a field of every kind Policy uses, standing for fields Policy may gain."""

    when: date
    at: time
    rate: Decimal
    kinds: frozenset[GroupKind]
    sizes: dict[GroupKind, SizeRange]
    codes: tuple[str, ...] = ()
    note: str | None = None


def test_a_new_field_of_any_supported_type_becomes_a_setting() -> None:
    # What keeps Policy and the settings in step: fields are derived, so a new attrs field needs no edit here.
    model = settings_model_for(Future)
    value = model.model_validate(
        {"when": "2026-04-01", "at": "09:30", "rate": "1.50", "kinds": "board, focus_group", "sizes": {}}
    )
    assert to_domain(value, Future) == Future(
        date(2026, 4, 1), time(9, 30), Decimal("1.50"), frozenset({GroupKind.BOARD, GroupKind.FOCUS_GROUP}), {}
    )


def test_an_unsupported_field_type_fails_loudly() -> None:
    with pytest.raises(TypeError, match="cannot represent"):
        pydantic_type(complex)
