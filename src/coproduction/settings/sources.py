"""Where settings come from, lowest precedence first: Policy's defaults, a shipped profile, a policy file, the
environment, and explicit overrides (``--set``). Each is a :class:`Layer`: its data as nested plain values, the
name it is known by in error messages, and how to name a place inside it.

Files are read with care for the traps a council officer would not see: YAML 1.1 reads ``10:00`` as the number
600 and ``010`` as 8, so the YAML reader here resolves numbers and booleans as YAML 1.2 does.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import attrs

from coproduction.errors import PolicyError, Problem
from coproduction.io.special import not_regular_message
from coproduction.settings.problems import Location, dotted, json_path, setting_names, suggestion
from coproduction.settings.shapes import (
    ENV_NESTED_DELIMITER,
    ENV_PREFIX,
    canonical_keys,
    domain_type_at,
    is_complex,
)

ENVIRONMENT = "environment"
SET_FLAG = "--set"
PROFILE_VARIABLE = f"{ENV_PREFIX}PROFILE"
DEFAULT_PROFILE = "default"
_PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def canonical_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A layer's settings, enum-keyed tables spelt one way (:func:`~coproduction.settings.shapes.canonical_keys`)."""
    result: dict[str, Any] = canonical_keys(dict(data))
    return result


@attrs.frozen
class Layer:
    """One source of settings. ``origin`` is :attr:`Problem.file` for its problems; ``locate`` names a place."""

    origin: str
    data: Mapping[str, Any] = attrs.field(converter=canonical_data)
    locate: Callable[[Location], str] = json_path
    #: For the environment: the variables (lower-cased names) the layer read, for EnvSettingsSource.
    environ: Mapping[str, str] | None = None


# --- files ---------------------------------------------------------------------------------------------------------

_YAML_INT = "tag:yaml.org,2002:int"
_YAML_FLOAT = "tag:yaml.org,2002:float"
_YAML_BOOL = "tag:yaml.org,2002:bool"


@functools.cache
def _yaml12_loader() -> Any:
    """SafeLoader with YAML 1.2 core-schema numbers and booleans: no sexagesimal, octal or yes/no surprises.
    Made (and PyYAML imported) at the first YAML policy file, not at every command's start."""
    import yaml

    class _Yaml12Loader(yaml.SafeLoader):
        """SafeLoader with YAML 1.2 core-schema numbers and booleans."""

    _Yaml12Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_YAML_INT, _YAML_FLOAT, _YAML_BOOL)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Yaml12Loader.add_implicit_resolver(_YAML_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    _Yaml12Loader.add_implicit_resolver(_YAML_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    _Yaml12Loader.add_implicit_resolver(
        _YAML_FLOAT,
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"),
        list("-+0123456789."),
    )
    return _Yaml12Loader


def _parse_text(text: str, suffix: str, origin: str) -> Any:
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise PolicyError([Problem(origin, "", f"not valid TOML: {error}")]) from None
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            return yaml.load(text, Loader=_yaml12_loader())  # a SafeLoader: builds no objects
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
            problem = getattr(error, "problem", None) or str(error)
            raise PolicyError([Problem(origin, "", f"not valid YAML{where}: {problem}")]) from None
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise PolicyError([Problem(origin, "", f"not valid JSON: {error}")]) from None
    raise PolicyError(
        [Problem(origin, "", f"unknown kind of file {suffix or '(no suffix)'!r}; write TOML (.toml) or YAML (.yaml)")]
    )


def _as_table(value: Any, origin: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        kind = type(value).__name__
        raise PolicyError([Problem(origin, "$", f"expected a table of settings at the top level, found a {kind}")])
    return value


def file_layer(path: str | Path) -> Layer:
    """The settings in a policy file (TOML, YAML or JSON, by its suffix)."""
    path = Path(path)
    origin = str(path)
    refused = not_regular_message(path)
    if refused is not None:
        raise PolicyError([Problem(origin, "", refused)])
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError([Problem(origin, "", "no such policy file")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError([Problem(origin, "", f"cannot read the policy file: {error}")]) from None
    return Layer(origin, _as_table(_parse_text(text, path.suffix.lower(), origin), origin))


# --- profiles ------------------------------------------------------------------------------------------------------


def _profiles_folder() -> Any:
    return resources.files("coproduction").joinpath("profiles")


def available_profiles() -> list[str]:
    """Names of the shipped profiles (``src/coproduction/profiles/*.toml``), sorted."""
    folder = _profiles_folder()
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml") and _PROFILE_NAME.match(entry.name.removesuffix(".toml"))
    )


def profile_origin(name: str) -> str:
    return f"profile {name!r} (coproduction/profiles/{name}.toml)"


def profile_layer(name: str, *, chosen_by: Problem) -> Layer:
    """A shipped profile's settings. ``chosen_by`` says where the name came from, for the unknown-name problem."""
    profiles = available_profiles()
    if name not in profiles:
        message = f"unknown profile {name!r}; {suggestion(name, profiles, noun='available profiles')}"
        raise PolicyError([attrs.evolve(chosen_by, message=message)])
    origin = profile_origin(name)
    text = _profiles_folder().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return Layer(origin, _as_table(_parse_text(text, ".toml", origin), origin))


# --- the environment -----------------------------------------------------------------------------------------------


def _segments(name: str) -> list[str]:
    return name[len(ENV_PREFIX) :].lower().split(ENV_NESTED_DELIMITER)


def _loose(segment: object) -> str:
    return str(segment).lower().replace("-", "_")


def _ours(environ: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in environ.items() if name.upper().startswith(ENV_PREFIX) and value != ""}


def environment_layer(environ: Mapping[str, str]) -> Layer:
    """``COPRODUCTION_*`` variables; others are ignored. A misspelt ``COPRODUCTION_`` variable is a problem."""
    ours = _ours(environ)
    known = set(setting_names())
    problems = []
    for name in sorted(ours):
        if name.upper() != PROFILE_VARIABLE:
            message = _variable_problem(_segments(name), known)
            if message:
                problems.append(Problem(ENVIRONMENT, name, message))
    if problems:
        raise PolicyError(problems)
    policy_vars = {name: value for name, value in ours.items() if name.upper() != PROFILE_VARIABLE}
    data: Mapping[str, Any] = {}
    if policy_vars:  # pydantic-settings reads the variables; with none, it has nothing to read (nor to load)
        from coproduction.settings.build import EnvironSource
        from coproduction.settings.model import PolicyFields

        data = EnvironSource(PolicyFields, policy_vars)()
    return Layer(ENVIRONMENT, data, _variable_locator(policy_vars), environ=policy_vars)


def _variable_problem(segments: Sequence[str], known: set[str]) -> str | None:
    """Why a ``COPRODUCTION_`` variable cannot be a setting, or None. pydantic-settings would ignore these."""
    head = segments[0]
    if head not in known:
        tables = [name for name in known if head.startswith(f"{name}_") and is_complex(domain_type_at((name,)))]
        if tables:
            table = ENV_PREFIX + max(tables, key=len).upper()
            return f"unknown setting; put __ between the levels of a table, e.g. {table}__KEY"
        valid = [f"{ENV_PREFIX}{setting.upper()}" for setting in [*sorted(known), "profile"]]
        return f"unknown setting; {suggestion(f'{ENV_PREFIX}{head.upper()}', valid)}"
    for depth in range(1, len(segments)):
        tp = domain_type_at(tuple(segments[:depth]))
        if tp is not None and not is_complex(tp):
            whole = ENV_PREFIX + ENV_NESTED_DELIMITER.join(segments[:depth]).upper()
            return f"{'.'.join(segments[:depth])} is a single value with no parts; set {whole}"
    return None


def _variable_locator(variables: Iterable[str]) -> Callable[[Location], str]:
    paths = {tuple(_loose(s) for s in _segments(name)): name for name in variables}

    def locate(location: Location) -> str:
        wanted = [_loose(segment) for segment in location]
        best = max((path for path in paths if list(path) == wanted[: len(path)]), key=len, default=None)
        if best is not None:
            return paths[best] + "".join(f"[{s}]" for s in location[len(best) :])
        return ENV_PREFIX + ENV_NESTED_DELIMITER.join(wanted).upper()

    return locate


# --- explicit overrides (--set KEY=VALUE) --------------------------------------------------------------------------


def _pairs(overrides: Sequence[str] | Mapping[str, Any]) -> tuple[list[tuple[str, Any]], list[Problem]]:
    if isinstance(overrides, Mapping):
        return [(str(key), value) for key, value in overrides.items()], []
    pairs, problems = [], []
    for item in overrides:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            problems.append(Problem(SET_FLAG, item, "expected KEY=VALUE, e.g. min_lived_experience_share=0.6"))
        else:
            pairs.append((key.strip(), value.strip()))
    return pairs, problems


def _decode(value: Any, path: Location) -> Any:
    """Text for a list or a table is JSON (as in the environment); other text stays text for the validators."""
    target = domain_type_at(path)
    if value == "" and _is_optional(target):
        return None  # --set area= unsets an optional setting
    if not isinstance(value, str) or not is_complex(target):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _is_optional(tp: Any) -> bool:
    return type(None) in get_args(tp)


def _put(tree: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for segment in path[:-1]:
        child = tree.get(segment)
        if not isinstance(child, dict):
            child = tree[segment] = {}
        tree = child
    tree[path[-1]] = value


def overrides_layer(overrides: Sequence[str] | Mapping[str, Any]) -> Layer:
    """``KEY=VALUE`` pairs with dotted keys for nesting (``group_sizes.board.minimum=10``); later pairs win."""
    pairs, problems = _pairs(overrides)
    known = setting_names()
    data: dict[str, Any] = {}
    keys: dict[Location, str] = {}
    for key, value in pairs:
        path = tuple(part.strip() for part in key.split("."))
        if not all(path):
            example = "write e.g. jargon.ICB=... or group_sizes.board.minimum=10"
            problems.append(Problem(SET_FLAG, key, f"a part of the key is empty; {example}"))
            continue
        if path[0] not in known:
            if path[0] in ("profile", "policy"):
                message = f"{path[0]} is not a setting; use --{path[0]}"
            else:
                message = f"unknown setting {path[0]!r}; {suggestion(path[0], known, noun='valid settings')}"
            problems.append(Problem(SET_FLAG, key, message))
            continue
        _put(data, path, _decode(value, path))
        keys[path] = key
    if problems:
        raise PolicyError(problems)

    def locate(location: Location) -> str:
        text = [str(segment) for segment in location]
        for length in range(len(text), 0, -1):
            if tuple(text[:length]) in keys:
                rest = dotted(location[length:])
                return keys[tuple(text[:length])] + (rest if rest.startswith("[") else f".{rest}" if rest else "")
        return dotted(location)

    return Layer(SET_FLAG, data, locate)
