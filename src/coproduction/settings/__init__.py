"""A council's policy from settings: shipped profiles, policy files, the environment and ``--set`` flags.

This is an edge of the library (pydantic-settings); the domain's :class:`coproduction.policy.Policy` never imports
it. See ``docs/policy.md`` for every setting and how the layers take precedence. pydantic is loaded only when a
layer changes one of Policy's defaults (:mod:`coproduction.settings.build`), or for :class:`PolicySettings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduction.settings.loader import (
    ExplainedPolicy,
    explain_from_args,
    explain_policy,
    load_policy,
    policy_from_args,
)
from coproduction.settings.serialize import policy_to_dict, policy_to_toml
from coproduction.settings.sources import available_profiles

__all__ = [
    "ExplainedPolicy",
    "PolicySettings",
    "available_profiles",
    "explain_from_args",
    "explain_policy",
    "load_policy",
    "policy_from_args",
    "policy_to_dict",
    "policy_to_toml",
]


def __getattr__(name: str) -> Any:
    # PEP 562: PolicySettings is a pydantic-settings class, imported only when asked for.
    if name == "PolicySettings":
        from coproduction.settings.build import PolicySettings

        return PolicySettings
    raise AttributeError(f"module 'coproduction.settings' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover
    from coproduction.settings.build import PolicySettings
