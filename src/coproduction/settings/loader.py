"""Building a :class:`Policy` from its layers, lowest precedence first:

1. :class:`Policy`'s own defaults (each with its public source in ``docs/sources.md``);
2. a shipped profile, by name (``--profile``, else ``COPRODUCTION_PROFILE``, else ``default``);
3. a policy file (TOML or YAML), if given;
4. ``COPRODUCTION_*`` environment variables (``__`` for nesting);
5. explicit overrides (``--set KEY=VALUE``, dotted keys for nesting).

pydantic-settings merges the layers key by key (tables merge, lists and values replace), wired through
:meth:`PolicySettings.settings_customise_sources`. When the result is invalid, each layer is validated on its own
over the defaults so that every problem is reported against the file, variable or flag that caused it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import attrs
from pydantic import ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from coproduction.errors import PolicyError, Problem
from coproduction.policy import Policy
from coproduction.settings.model import PolicyFields, PolicySettingsBase, policy_from_settings
from coproduction.settings.problems import problems_from_validation
from coproduction.settings.serialize import policy_to_dict
from coproduction.settings.sources import (
    DEFAULT_PROFILE,
    ENVIRONMENT,
    PROFILE_VARIABLE,
    EnvironSource,
    Layer,
    environment_layer,
    file_layer,
    overrides_layer,
    profile_layer,
    profile_origin,
)

#: The layers of the policy being built; set only for the duration of one build (see :func:`_active`).
_LAYERS: ContextVar[tuple[Layer, ...]] = ContextVar("coproduction_policy_layers")


class _LayerSource(PydanticBaseSettingsSource):
    """A layer already read into plain values (defaults, a profile, a file, ``--set``)."""

    def __init__(self, settings_cls: type[BaseSettings], layer: Layer) -> None:
        super().__init__(settings_cls)
        self._data = dict(layer.data)

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self._data)


class PolicySettings(PolicyFields):  # type: ignore[misc,valid-type]
    """Every :class:`Policy` setting, with its sources wired in precedence order.

    :func:`load_policy` is the way in: it reads the layers first and turns every problem into a
    :class:`~coproduction.errors.PolicyError`. Built directly, ``PolicySettings(**overrides)`` reads Policy's
    defaults, the profile named by ``COPRODUCTION_PROFILE`` (else ``default``) and ``os.environ``, with keyword
    arguments on top; invalid values then raise pydantic's ``ValidationError``. ``.to_policy()`` gives the Policy.
    """

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The policy's layers, highest precedence first (pydantic-settings' hook for choosing sources)."""
        # pydantic-settings gives precedence to the first source, so the highest layer comes first. The process
        # environment, .env files and secrets folders are not read here: the environment arrives as a layer.
        layers = _LAYERS.get(None)
        if layers is None:  # built directly rather than by load_policy
            layers = tuple(_gather(None, None, os.environ, ()))
        sources: list[PydanticBaseSettingsSource] = [init_settings]
        for layer in reversed(layers):
            if layer.environ is not None:
                sources.append(EnvironSource(settings_cls, layer.environ))
            else:
                sources.append(_LayerSource(settings_cls, layer))
        return tuple(sources)


@contextmanager
def _active(layers: Sequence[Layer]) -> Iterator[None]:
    token = _LAYERS.set(tuple(layers))
    try:
        yield
    finally:
        _LAYERS.reset(token)


def _build(layers: Sequence[Layer]) -> PolicySettingsBase:
    with _active(layers):
        settings: PolicySettingsBase = PolicySettings()
        return settings


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


def _gather(
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


def _blame(layers: Sequence[Layer]) -> list[Problem]:
    """Problems of an invalid combination, each against the layer that caused it."""
    defaults = layers[0]
    problems: list[Problem] = []
    for layer in layers[1:]:
        try:
            _build([defaults, layer])
        except ValidationError as error:
            problems.extend(problems_from_validation(error, layer.origin, layer.locate))
    if problems:
        return problems
    # Each layer is valid alone, so two layers disagree (a minimum above another layer's maximum): blame the
    # first layer whose addition makes the whole invalid.
    for count in range(2, len(layers) + 1):
        try:
            _build(layers[:count])
        except ValidationError as error:
            layer = layers[count - 1]
            return problems_from_validation(error, layer.origin, layer.locate)
    return []  # pragma: no cover - only called after the full build failed


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
    layers = _gather(profile, policy_file, environ, overrides)
    try:
        settings = _build(layers)
    except ValidationError:
        raise PolicyError(_blame(layers)) from None
    policy = policy_from_settings(settings)
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
