"""Building a :class:`Policy` from its layers, lowest precedence first:

1. :class:`Policy`'s own defaults (each with its public source in ``docs/sources.md``);
2. a shipped profile, by name (``--profile``, else ``COPRODUCTION_PROFILE``, else ``default``);
3. a policy file (TOML or YAML), if given;
4. ``COPRODUCTION_*`` environment variables (``__`` for nesting);
5. explicit overrides (``--set KEY=VALUE``, dotted keys for nesting).

Every layer is read, and its names checked, here; pydantic-settings then merges the layers key by key (tables
merge, lists and values replace) and validates the result (:mod:`coproduction.settings.build`), reporting every
problem against the file, variable or flag that caused it. When no layer changes any of Policy's defaults (the
shipped ``default`` profile spells them out, and nothing else is given), the merge can only give the defaults back:
the policy is then :class:`Policy`'s defaults, exactly as validating them gives it (held by
tests/settings/test_one_road.py), and pydantic is not loaded: about 0.12 s of a county-sized ``check`` (issue 12).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from coproduction.errors import PolicyError, Problem
from coproduction.policy import Policy
from coproduction.settings.serialize import plain, policy_to_dict
from coproduction.settings.sources import (
    DEFAULT_PROFILE,
    ENVIRONMENT,
    PROFILE_VARIABLE,
    Layer,
    environment_layer,
    file_layer,
    overrides_layer,
    profile_layer,
    profile_origin,
)


def _defaults_layer() -> Layer:
    return Layer("Policy defaults (coproduction.policy)", policy_to_dict(Policy()))


def _lookup(environ: Mapping[str, str], name: str) -> str | None:
    for key, value in environ.items():
        if key.upper() == name and value != "":
            return value
    return None


def _profile(profile: str | None, environ: Mapping[str, str]) -> Layer:
    if profile is not None:
        return profile_layer(profile, chosen_by=Problem("--profile", "", ""))
    from_environment = _lookup(environ, PROFILE_VARIABLE)
    if from_environment is not None:
        return profile_layer(from_environment, chosen_by=Problem(ENVIRONMENT, PROFILE_VARIABLE, ""))
    return profile_layer(DEFAULT_PROFILE, chosen_by=Problem("default profile", "", ""))


def gather_layers(
    profile: str | None,
    policy_file: str | Path | None,
    environ: Mapping[str, str],
    overrides: Sequence[str] | Mapping[str, Any],
) -> list[Layer]:
    """Read every layer, reporting the problems of all of them at once rather than one at a time."""
    readers: list[Callable[[], Layer | None]] = [
        lambda: _profile(profile, environ),
        lambda: file_layer(policy_file) if policy_file is not None else None,
        lambda: environment_layer(environ),
        lambda: overrides_layer(overrides),
    ]
    layers = [_defaults_layer()]
    problems: list[Problem] = []
    for read in readers:
        try:
            layer = read()
        except PolicyError as error:
            problems.extend(error.problems)
        else:
            if layer is not None:
                layers.append(layer)
    if problems:
        raise PolicyError(problems)
    return layers


def _changes_nothing(data: Mapping[str, Any], defaults: Mapping[str, Any]) -> bool:
    """Whether merging a layer's ``data`` over ``defaults`` (tables merge, lists and values replace) gives
    ``defaults`` back: every value the layer holds is the default's, and of the same type (``true`` is not ``1``)."""
    for key, value in data.items():
        if key not in defaults:
            return False
        default = defaults[key]
        if isinstance(value, dict) and isinstance(default, dict):
            if not _changes_nothing(value, default):
                return False
        elif not _same(value, default):
            return False
    return True


def _same(value: Any, default: Any) -> bool:
    if type(value) is not type(default):
        return False
    if isinstance(value, dict):
        return value.keys() == default.keys() and all(_same(value[key], default[key]) for key in value)
    if isinstance(value, list):
        return len(value) == len(default) and all(map(_same, value, default))
    return bool(value == default)


def _policy_of(layers: Sequence[Layer]) -> Policy:
    """The policy the layers describe (Policy's defaults first): validated by pydantic-settings
    (:func:`coproduction.settings.build.validated_policy`), unless no layer changes a default, when the merge and
    its validation can only give Policy's defaults back (tests/settings/test_one_road.py holds that they do, to the
    order of each table)."""
    defaults = layers[0].data
    if all(_changes_nothing(layer.data, defaults) for layer in layers[1:]):
        return _defaults_as_validated()
    from coproduction.settings.build import validated_policy

    return validated_policy(layers)


def _defaults_as_validated() -> Policy:
    """``Policy()`` with each table in the order validation gives it: the defaults' layer is
    :func:`~coproduction.settings.serialize.policy_to_dict`, which writes a table sorted by its keys as written."""
    policy = Policy()
    tables: dict[str, Any] = {
        field.name: dict(sorted(value.items(), key=lambda item: str(plain(item[0]))))
        for field in attrs.fields(Policy)
        if isinstance(value := getattr(policy, field.name), Mapping)
    }
    return attrs.evolve(policy, **tables)


def load_policy(
    profile: str | None = None,
    policy_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Sequence[str] | Mapping[str, str] = (),
) -> Policy:
    """The effective :class:`Policy`: defaults < profile < policy file < environment < overrides.

    ``environ`` is ``os.environ`` when ``None``; only ``COPRODUCTION_*`` variables are read. ``overrides`` are
    ``KEY=VALUE`` strings (or a mapping from key to value) with dotted keys for nesting. Raises
    :class:`~coproduction.errors.PolicyError` listing every problem found, each with where it is and what is valid.
    """
    return explain_policy(profile, policy_file, environ, overrides).policy


@attrs.frozen
class ExplainedPolicy:
    """A policy and, for each setting a layer above the defaults changed, that layer's name.

    ``origins`` maps the dotted keys ``--set`` takes (``group_sizes.board.minimum``; lists whole) to the origin of
    the layer whose value won: a file's path, ``environment`` and the variable, ``--set`` or a profile. The
    ``default`` profile is Policy's defaults, so it is not named.
    """

    policy: Policy
    origins: Mapping[str, str]


def explain_policy(
    profile: str | None = None,
    policy_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Sequence[str] | Mapping[str, str] = (),
) -> ExplainedPolicy:
    """:func:`load_policy`, also saying which layer set each changed setting (for ``coproduction policy``)."""
    environ = os.environ if environ is None else environ
    layers = gather_layers(profile, policy_file, environ, overrides)
    policy = _policy_of(layers)
    named = [layer for layer in layers[1:] if layer.origin != profile_origin(DEFAULT_PROFILE)]
    origins: dict[str, str] = {}
    for path in _leaves(policy_to_dict(policy)):
        layer = next((layer for layer in reversed(named) if _sets(layer.data, path)), None)
        if layer is not None:
            origins[".".join(path)] = _label(layer, path)
    return ExplainedPolicy(policy, origins)


def _label(layer: Layer, path: tuple[str, ...]) -> str:
    if layer.environ is not None:
        return f"{layer.origin} {layer.locate(path)}"
    return layer.origin


def _leaves(data: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for key, value in data.items():
        if isinstance(value, dict) and value:
            yield from _leaves(value, (*prefix, key))
        else:
            yield (*prefix, key)


def _sets(data: Mapping[str, Any], path: Sequence[str]) -> bool:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return False
        node = node[key]
    return True


def explain_from_args(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> ExplainedPolicy:
    """The one road from a command's options to its policy, with the layer that set each changed setting.

    Every command that reads a policy comes here (``coproduction policy`` directly, the others through
    :func:`policy_from_args`), whether or not ``--profile``, ``--policy`` or ``--set`` is given: the same layers
    (the profile named by ``--profile``, else ``COPRODUCTION_PROFILE``, else ``default``; the ``COPRODUCTION_``
    variables of ``environ``, which is ``os.environ`` when ``None``), the same validation and the same located
    errors (:class:`~coproduction.errors.PolicyError`). A namespace without those options reads as if none was given.
    """
    return explain_policy(
        profile=getattr(args, "profile", None),
        policy_file=getattr(args, "policy", None),
        environ=environ,
        overrides=list(getattr(args, "settings", None) or ()),
    )


def policy_from_args(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> Policy:
    """The policy a subcommand's ``--profile``, ``--policy`` and ``--set`` options describe, over the environment
    (the options every command that reads a policy takes; see ``docs/policy.md``): :func:`explain_from_args`'s
    policy. Library callers that want Policy's defaults and nothing else build ``Policy()`` instead."""
    return explain_from_args(args, environ).policy
