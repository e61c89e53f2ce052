"""policy_to_dict is deterministic, JSON-able, and reads back: dict -> file -> load_policy gives the same Policy."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from coproduction.policy import Policy
from coproduction.settings import load_policy, policy_to_dict, policy_to_toml
from tests.settings.strategies import policies


class _QuotedStrings(yaml.SafeDumper):
    """PyYAML follows YAML 1.1 and leaves text such as ``0E0`` unquoted, which a YAML 1.2 reader (ours) reads as a
    number, so text is always written quoted: a difference between YAML versions, not a round-trip fault."""


_QuotedStrings.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _write(policy: Policy, folder: Path, kind: str) -> Path:
    path = folder / f"policy.{kind}"
    if kind == "toml":
        text = policy_to_toml(policy)
    elif kind == "yaml":
        # Escaped, as YAML reads a raw NEL (\x85) or LS as a line break: that is YAML, not a round-trip fault.
        text = yaml.dump(policy_to_dict(policy), Dumper=_QuotedStrings, sort_keys=False)
    else:
        text = json.dumps(policy_to_dict(policy), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


@given(policy=policies(), kind=st.sampled_from(["toml", "yaml", "json"]))
def test_file_round_trip(policy: Policy, kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(policy, Path(folder), kind)
        assert load_policy(policy_file=path, environ={}) == policy


@given(policy=policies())
def test_dict_is_json_and_deterministic(policy: Policy) -> None:
    first = json.dumps(policy_to_dict(policy), ensure_ascii=False, allow_nan=False)
    assert json.dumps(policy_to_dict(policy), ensure_ascii=False, allow_nan=False) == first
    assert list(policy_to_dict(policy)) == list(json.loads(first))


@given(policy=policies())
def test_toml_is_deterministic(policy: Policy) -> None:
    assert policy_to_toml(policy) == policy_to_toml(policy)


def test_set_order_does_not_change_the_output() -> None:
    from coproduction.models.enums import GroupKind, Perspective

    one = Policy(required_perspectives={GroupKind.BOARD: frozenset([Perspective.STAFF, Perspective.CARER])})
    two = Policy(required_perspectives={GroupKind.BOARD: frozenset([Perspective.CARER, Perspective.STAFF])})
    assert json.dumps(policy_to_dict(one)) == json.dumps(policy_to_dict(two))
    assert policy_to_dict(one)["required_perspectives"] == {"board": ["carer", "staff"]}
