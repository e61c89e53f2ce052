"""Validating a policy's layers with pydantic-settings: the layers merged key by key (tables merge, lists and values
replace), wired through :meth:`PolicySettings.settings_customise_sources`, then checked by the settings model
(:mod:`coproduction.settings.model`). When the result is invalid, each layer is validated on its own over the
defaults so that every problem is reported against the file, variable or flag that caused it.

Imported by :func:`coproduction.settings.loader.explain_policy` when a layer changes a default (and by
:func:`coproduction.settings.sources.environment_layer` when there are ``COPRODUCTION_`` variables), so that a
command whose layers change nothing does not load pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource

from coproduction.errors import PolicyError, Problem
from coproduction.policy import Policy
from coproduction.settings.model import PolicyFields, PolicySettingsBase, policy_from_settings
from coproduction.settings.problems import problems_from_validation
from coproduction.settings.sources import Layer, canonical_data

#: The layers of the policy being built; set only for the duration of one build (see :func:`_active`).
_LAYERS: ContextVar[tuple[Layer, ...]] = ContextVar("coproduction_policy_layers")


class EnvironSource(EnvSettingsSource):
    """pydantic-settings' environment source reading a given mapping instead of ``os.environ``, so that a caller
    (and a test) can pass its own. Values that are not JSON stay text for the validators (``"AC,EQ"`` is a list)."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {name.lower(): value for name, value in self._environ.items() if value != ""}

    def __call__(self) -> dict[str, Any]:
        return canonical_data(super().__call__())

    def decode_complex_value(self, field_name: str, field: FieldInfo, value: Any) -> Any:
        try:
            return super().decode_complex_value(field_name, field, value)
        except ValueError:
            return value


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

    :func:`~coproduction.settings.load_policy` is the way in: it reads the layers first and turns every problem
    into a :class:`~coproduction.errors.PolicyError`. Built directly, ``PolicySettings(**overrides)`` reads Policy's
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
            from coproduction.settings.loader import gather_layers

            layers = tuple(gather_layers(None, None, os.environ, ()))
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


def build(layers: Sequence[Layer]) -> PolicySettingsBase:
    """The settings the layers describe, merged and validated; raises pydantic's ``ValidationError``."""
    with _active(layers):
        settings: PolicySettingsBase = PolicySettings()
        return settings


def _blame(layers: Sequence[Layer]) -> list[Problem]:
    """Problems of an invalid combination, each against the layer that caused it."""
    defaults = layers[0]
    problems: list[Problem] = []
    for layer in layers[1:]:
        try:
            build([defaults, layer])
        except ValidationError as error:
            problems.extend(problems_from_validation(error, layer.origin, layer.locate))
    if problems:
        return problems
    # Each layer is valid alone, so two layers disagree (a minimum above another layer's maximum): blame the
    # first layer whose addition makes the whole invalid.
    for count in range(2, len(layers) + 1):
        try:
            build(layers[:count])
        except ValidationError as error:
            layer = layers[count - 1]
            return problems_from_validation(error, layer.origin, layer.locate)
    return []  # pragma: no cover - only called after the full build failed


def validated_policy(layers: Sequence[Layer]) -> Policy:
    """The :class:`Policy` the layers (Policy's defaults first) describe; :class:`~coproduction.errors.PolicyError`
    with every problem, each against its layer, when they describe none."""
    try:
        settings = build(layers)
    except ValidationError:
        raise PolicyError(_blame(layers)) from None
    return policy_from_settings(settings)
