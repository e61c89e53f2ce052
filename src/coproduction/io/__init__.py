"""Reading and writing registers and outputs: the edge between files and the domain.

The loader and saver are imported on first use, so ``import coproduction.io.atomic`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "DEFAULT_LIMITS": "coproduction.io.formats",
    "Format": "coproduction.io.formats",
    "LoadLimits": "coproduction.io.formats",
    "dumps_register": "coproduction.io.saver",
    "load_register": "coproduction.io.loader",
    "loads_register": "coproduction.io.loader",
    "save_register": "coproduction.io.saver",
    "write_atomic": "coproduction.io.atomic",
}

__all__ = [
    "DEFAULT_LIMITS",
    "Format",
    "LoadLimits",
    "dumps_register",
    "load_register",
    "loads_register",
    "save_register",
    "write_atomic",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'coproduction.io' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:  # the names above, for type checkers and the API reference (imported lazily at run time)
    from coproduction.io.atomic import write_atomic
    from coproduction.io.formats import DEFAULT_LIMITS, Format, LoadLimits
    from coproduction.io.loader import load_register, loads_register
    from coproduction.io.saver import dumps_register, save_register
