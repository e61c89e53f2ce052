"""A :class:`Policy` as plain, JSON-able values, and as TOML; what ``coproduction policy`` prints and what a council
can save as its own policy file (the output reads back to the same policy).

Deterministic: tables are sorted by key, sets are sorted, lists keep their order; amounts are strings ("15.00") so
that no rounding creeps in; times are "HH:MM" (with seconds only when they are not zero).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from coproduction.policy import Policy


def _time_text(value: time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.strftime("%H:%M")
    return value.isoformat()


def plain(value: Any) -> Any:
    """``value`` as JSON-able values: attrs classes and mappings become dicts, sets sorted lists, enums their value."""
    if attrs.has(type(value)):
        return {field.name: plain(getattr(value, field.name)) for field in attrs.fields(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        items = [(str(plain(key)), plain(item)) for key, item in value.items()]
        return dict(sorted(items))
    if isinstance(value, frozenset | set):
        return sorted((plain(item) for item in value), key=str)
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, time):
        return _time_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"policy_to_dict cannot show a {type(value).__name__}")


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """Every setting of ``policy`` in :class:`Policy` field order, as JSON-able values; reads back unchanged."""
    result: dict[str, Any] = plain(policy)
    return result


def policy_to_toml(policy: Policy) -> str:
    """``policy`` as a TOML policy file; unset optional settings (``area = None``) are left out, as TOML has no null."""
    import tomli_w  # only ``coproduction policy --format toml`` writes TOML

    data = {key: value for key, value in policy_to_dict(policy).items() if value is not None}
    return tomli_w.dumps(data)
