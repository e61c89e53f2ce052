"""Commands skip pydantic-settings when nothing changes the policy; both roads must give the same policy."""

from __future__ import annotations

import argparse

import pytest

from coproduction.cli.common import policy_from_args
from coproduction.settings import load_policy


def _args(**changes: object) -> argparse.Namespace:
    values: dict[str, object] = {"profile": None, "policy": None, "settings": [], **changes}
    return argparse.Namespace(**values)


def test_fast_default_equals_the_loaded_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.upper().startswith("COPRODUCTION_"):
            monkeypatch.delenv(key)
    assert policy_from_args(_args()) == load_policy(environ={})


def test_environment_variable_takes_the_full_road(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_SERVICE_AREAS", "5")
    assert policy_from_args(_args()).min_service_areas == 5


@pytest.mark.parametrize(
    ("changes", "expected"),
    [({"profile": "oxfordshire"}, "oxfordshire"), ({"settings": ["name=mine"]}, "mine")],
)
def test_profile_or_override_takes_the_full_road(changes: dict[str, object], expected: str) -> None:
    assert policy_from_args(_args(**changes)).name == expected
