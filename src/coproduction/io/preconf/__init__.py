"""One module per register file format, after cattrs' ``preconf`` layout.

Each module offers ``make_converter()`` (how values are written in that format), ``loads(text, limits)`` (text
to plain data, raising :class:`~coproduction.io.formats.SyntaxProblem`) and ``dumps(data)`` (plain data to text).
Reading structures plain data with one shared converter (:func:`coproduction.io.converter.structuring_converter`)
because it accepts both the native and the string forms of dates.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, cast

import cattrs

from coproduction.io.formats import Format, LoadLimits


class FormatModule(Protocol):
    """What each module here offers."""

    def make_converter(self) -> cattrs.Converter: ...

    def loads(self, text: str, limits: LoadLimits) -> Any: ...

    def dumps(self, data: Any) -> str: ...


def module_for(register_format: Format) -> FormatModule:
    """The module for one format, imported on first use (so that reading JSON never imports PyYAML)."""
    return cast(FormatModule, importlib.import_module(f"{__name__}.{register_format.value}"))


__all__ = ["FormatModule", "module_for"]
