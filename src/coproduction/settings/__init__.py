"""A council's policy from settings: shipped profiles, policy files, the environment and ``--set`` flags.

This is an edge of the library (pydantic-settings); the domain's :class:`coproduction.policy.Policy` never imports
it. See ``docs/policy.md`` for every setting and how the layers take precedence.
"""

from __future__ import annotations

from coproduction.settings.loader import (
    ExplainedPolicy,
    PolicySettings,
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
