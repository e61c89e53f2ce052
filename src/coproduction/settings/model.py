"""The pydantic view of :class:`coproduction.policy.Policy`, derived from its attrs fields.

Nothing here restates a default or a field: the settings model is built from ``attrs.fields(Policy)`` and the field
types (nested attrs classes such as :class:`~coproduction.policy.SizeRange` become nested models), so a new
:class:`Policy` field is a new setting without editing this module. What this module adds is what the domain class
leaves to its callers: ranges (a share lies between 0 and 1), a real time zone, no numbers where a time is meant
(YAML 1.1 reads ``10:00`` as 600), and coherent pairs (``minimum <= maximum``, ``earliest_start < latest_end``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SettingsConfigDict

from coproduction.policy import EMAIL_ADDRESS, LivingWageRate, Policy, SizeRange
from coproduction.policy_rules import POLICY_BOUNDS, Bound
from coproduction.settings.shapes import (
    ENV_NESTED_DELIMITER,
    ENV_PREFIX,
    UNION_ORIGINS,
    canonical_keys,
    describe_type,
    domain_type_at,
    is_complex,
    plural,
    type_hints,
)
from coproduction.settings.shapes import normalise_enum as _normalise_enum

__all__ = [
    "ENV_NESTED_DELIMITER",
    "ENV_PREFIX",
    "FIELD_METADATA",
    "PolicyFields",
    "PolicySettingsBase",
    "annotated",
    "canonical_keys",
    "describe_type",
    "domain_type_at",
    "is_complex",
    "plural",
    "policy_from_settings",
    "pydantic_type",
    "settings_model_for",
    "to_domain",
    "type_hints",
]


def annotated(tp: Any, *metadata: Any) -> Any:
    """``Annotated[tp, *metadata]``, spelt so that it runs on Python 3.11."""
    return Annotated[(tp, *metadata)] if metadata else tp


# --- value checks that the domain class leaves to its callers ------------------------------------------------------

_CODE = re.compile(r"^[A-Z]+[0-9]*$")


def _not_bool(value: object) -> object:
    # pydantic's lax mode turns true into 1; a number written as true is a mistake, not a number.
    if isinstance(value, bool):
        raise ValueError("true/false is not a number")
    return value


def _not_number(value: object) -> object:
    # pydantic reads a number as seconds (a time) or a Unix timestamp (a date); YAML 1.1 reads 10:00 as 600.
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise ValueError('a number is not a time or a date; write it in quotes, e.g. "09:30" or "2026-04-01"')
    return value


def _naive_time(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("a time of day is local to the policy's time zone; leave out the offset")
    return value


def _split_commas(value: object) -> object:
    # Environment variables and --set give lists as text: "AC,EQ" as well as JSON '["AC", "EQ"]'.
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _known_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f'{value!r} is not an IANA time zone such as "Europe/London"') from None
    return value


def _email_address(value: str | None) -> str | None:
    if value is not None and not EMAIL_ADDRESS.fullmatch(value):
        raise ValueError(f"{value!r} is not an e-mail address such as \"democratic.services@council.gov.uk\"")
    return value


def _no_duplicates(value: tuple[Any, ...]) -> tuple[Any, ...]:
    seen = [str(v) for v in value]
    repeated = sorted({v for v in seen if seen.count(v) > 1})
    if repeated:
        raise ValueError(f"listed more than once: {', '.join(repeated)}")
    return value


def _distinct_dates(value: tuple[Any, ...]) -> tuple[Any, ...]:
    dates = [rate.since for rate in value]
    repeated = sorted({d.isoformat() for d in dates if dates.count(d) > 1})
    if repeated:
        raise ValueError(f"more than one rate from {', '.join(repeated)}")
    return value


def _check_code(code: str) -> str:
    normal = code.strip().upper()
    if not _CODE.match(normal):
        raise ValueError(f'{code!r} is not a check code or prefix such as "AC", "AC00" or "AC001"')
    return normal


def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_check_code(code) for code in value)


def _code_keys(value: dict[str, Any]) -> dict[str, Any]:
    return {_check_code(code): severity for code, severity in value.items()}


#: pydantic constraints for each kind of range in :data:`coproduction.policy_rules.POLICY_BOUNDS`, the one place
#: the ranges are written (a policy built in code is checked against the same table by ``validate_policy``).
_BOUND_CONSTRAINTS: Mapping[Bound, dict[str, Any]] = {
    Bound.SHARE: {"ge": 0, "le": 1},
    Bound.NON_NEGATIVE: {"ge": 0},
    Bound.POSITIVE: {"gt": 0},
}
#: Amounts of money: whole pence.
_MONEY_FIELDS = frozenset({"Policy.involvement_hourly_rate", "LivingWageRate.hourly"})


def _bound_field(key: str, bound: Bound) -> Any:
    extra: dict[str, Any] = {"decimal_places": 2} if key in _MONEY_FIELDS else {}
    return Field(**_BOUND_CONSTRAINTS[bound], **extra, allow_inf_nan=False)


#: Extra checks per "Class.field". Keys must name real attrs fields: :func:`_check_metadata_keys` fails at import.
FIELD_METADATA: Mapping[str, tuple[Any, ...]] = {
    "Policy.name": (Field(min_length=1),),
    "Policy.area": (Field(min_length=1),),
    "Policy.timezone": (AfterValidator(_known_timezone),),
    "Policy.calendar_organiser": (AfterValidator(_email_address),),
    "Policy.monitored_characteristics": (AfterValidator(_no_duplicates),),
    "Policy.baseline": (Field(min_length=1),),
    "Policy.national_living_wage": (AfterValidator(_distinct_dates),),
    "Policy.severity": (AfterValidator(_code_keys),),
    "Policy.select": (AfterValidator(_codes),),
    "Policy.ignore": (AfterValidator(_codes),),
    **{key: (_bound_field(key, bound),) for key, bound in POLICY_BOUNDS.items()},
}


def _check_metadata_keys() -> None:
    known = {f"{cls.__name__}.{f.name}" for cls in (Policy, SizeRange, LivingWageRate) for f in attrs.fields(cls)}
    stale = sorted(set(FIELD_METADATA) - known)
    if stale:
        raise RuntimeError(f"FIELD_METADATA names fields that do not exist: {', '.join(stale)}")


_check_metadata_keys()


# --- translating attrs types into pydantic types -------------------------------------------------------------------


def _is_scalar(tp: Any) -> bool:
    return tp in (str, int, float, bool, Decimal) or (isinstance(tp, type) and issubclass(tp, StrEnum))


def pydantic_type(tp: Any) -> Any:
    """The pydantic annotation for an attrs field type; raises ``TypeError`` for a type it does not know."""
    origin = get_origin(tp)
    args = get_args(tp)
    if tp is type(None):
        return tp
    if origin in UNION_ORIGINS:
        return functools.reduce(lambda a, b: a | b, [pydantic_type(arg) for arg in args])
    if origin is Mapping or origin is dict:
        key, value = args
        return dict[pydantic_type(key), pydantic_type(value)]  # type: ignore[misc]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = pydantic_type(args[0])
        split = (BeforeValidator(_split_commas),) if _is_scalar(args[0]) else ()
        return annotated(tuple[item, ...], *split)  # type: ignore[valid-type]
    if origin is frozenset:
        item = pydantic_type(args[0])
        return Annotated[frozenset[item], BeforeValidator(_split_commas)]  # type: ignore[valid-type]
    if isinstance(tp, type) and attrs.has(tp):
        return settings_model_for(tp)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return Annotated[tp, BeforeValidator(_normalise_enum(tp))]
    if tp in (int, float, Decimal):
        return Annotated[tp, BeforeValidator(_not_bool)]
    if tp is time:
        return Annotated[time, BeforeValidator(_not_number), AfterValidator(_naive_time)]
    if tp is date:
        return Annotated[date, BeforeValidator(_not_number)]
    if tp in (str, bool):
        return tp
    raise TypeError(f"coproduction.settings cannot represent {tp!r}; teach settings/model.py about it")


def _field_definitions(cls: type, *, with_defaults: bool) -> dict[str, Any]:
    """Fields for a settings model of ``cls``. Policy's own fields have no defaults here: Policy's defaults are the
    lowest settings source, so that layers merge key by key. Nested classes keep their attrs defaults, as an entry
    in a list (a living-wage rate) is never merged with anything."""
    hints = type_hints(cls)
    definitions: dict[str, Any] = {}
    for field in attrs.fields(cls):
        annotation = pydantic_type(hints[field.name])
        extra = FIELD_METADATA.get(f"{cls.__name__}.{field.name}", ())
        if extra:
            annotation = annotated(annotation, *extra)
        definitions[field.name] = (annotation, _default(field) if with_defaults else FieldInfo())
    return definitions


def _default(field: attrs.Attribute[Any]) -> FieldInfo:
    default: Any = field.default
    if default is attrs.NOTHING:
        return FieldInfo()
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return FieldInfo(default_factory=default.factory)
    return FieldInfo(default=default)


def _maximum_not_below_minimum(cls: type[BaseModel], value: int, info: ValidationInfo) -> int:
    minimum = info.data.get("minimum")
    if isinstance(minimum, int) and value < minimum:
        raise ValueError(f"maximum {value} is below minimum {minimum}")
    return value


#: Checks across the fields of one nested class, by class.
_CLASS_VALIDATORS: Mapping[type, Mapping[str, Any]] = {
    SizeRange: {
        "maximum_not_below_minimum": field_validator("maximum")(_maximum_not_below_minimum),
    },
}


@functools.cache
def settings_model_for(cls: type) -> type[BaseModel]:
    """A pydantic model with the fields of the attrs class ``cls`` (for nested values such as SizeRange)."""
    model: type[BaseModel] = create_model(
        f"{cls.__name__}Setting",
        __config__=ConfigDict(extra="forbid"),
        __doc__=cls.__doc__,
        __validators__=dict(_CLASS_VALIDATORS.get(cls, {})),
        **_field_definitions(cls, with_defaults=True),
    )
    return model


class PolicySettingsBase(BaseSettings):
    """Configuration shared by :data:`PolicyFields`; its fields are added from :class:`Policy`'s attrs fields."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter=ENV_NESTED_DELIMITER,
        extra="forbid",
        case_sensitive=False,
        env_ignore_empty=True,
        validate_default=True,
    )

    @field_validator("latest_end", check_fields=False)
    @classmethod
    def _ends_after_start(cls, value: time, info: ValidationInfo) -> time:
        start = info.data.get("earliest_start")
        if isinstance(start, time) and value <= start:
            raise ValueError(f"latest_end {value:%H:%M} is not after earliest_start {start:%H:%M}")
        return value

    def to_policy(self) -> Policy:
        """The :class:`Policy` these settings describe."""
        return policy_from_settings(self)


#: One field per :class:`Policy` field, in the same order, with the same names. The sources (which layers, in which
#: order) are wired in :class:`coproduction.settings.build.PolicySettings`.
PolicyFields: type[PolicySettingsBase] = create_model(
    "PolicyFields",
    __base__=PolicySettingsBase,
    __doc__="Every Policy setting, read from a profile, a policy file, the environment and --set (lowest first).",
    **_field_definitions(Policy, with_defaults=False),
)


def to_domain(value: Any, tp: Any) -> Any:
    """Turn a validated settings value back into the domain type ``tp`` (attrs classes, tuples, frozensets)."""
    if value is None:
        return None
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in UNION_ORIGINS:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return to_domain(value, inner)
    if origin is Mapping or origin is dict:
        key_type, value_type = args
        return {to_domain(k, key_type): to_domain(v, value_type) for k, v in value.items()}
    if origin is tuple:
        return tuple(to_domain(item, args[0]) for item in value)
    if origin is frozenset:
        return frozenset(to_domain(item, args[0]) for item in value)
    if isinstance(tp, type) and attrs.has(tp):
        hints = type_hints(tp)
        return tp(**{f.name: to_domain(getattr(value, f.name), hints[f.name]) for f in attrs.fields(tp)})
    return value


def policy_from_settings(settings: PolicySettingsBase) -> Policy:
    """The :class:`Policy` that validated settings describe."""
    hints = type_hints(Policy)
    return Policy(**{f.name: to_domain(getattr(settings, f.name), hints[f.name]) for f in attrs.fields(Policy)})
