"""Save a register to a file or to text, in YAML, JSON or TOML.

Output is deterministic: fields in the order the models declare them, sets as sorted lists, fields holding their
default left out (so files stay short), dates ``YYYY-MM-DD``, times ``HH:MM``, date-times ISO 8601 with offset,
amounts as strings. Loading what was saved gives an equal register.

Saving checks only that every value is of its field's type (:func:`coproduction.models.validation.value_problems`),
so that a file never holds what loading would refuse to read back as that type; a register being built may still
refer to a member not yet added. Loading checks the rest.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import cattrs

from coproduction.errors import InvalidRegisterError, OutputError
from coproduction.io.atomic import write_atomic
from coproduction.io.formats import SUFFIXES, Format, format_for_path, parse_format
from coproduction.io.preconf import module_for
from coproduction.models.register import Register
from coproduction.models.validation import value_problems


@cache
def _converter(register_format: Format) -> cattrs.Converter:
    return module_for(register_format).make_converter()


def _format(name: str | Format) -> Format:
    register_format = parse_format(name)
    if register_format is None:
        allowed = ", ".join(f.value for f in Format)
        raise OutputError(f"unknown register format {name!r}; use one of: {allowed}")
    return register_format


def dumps_register(register: Register, format: str | Format) -> str:
    """The register as text in ``format`` ("yaml", "json" or "toml").

    Raises :class:`~coproduction.errors.InvalidRegisterError` for values of the wrong type (``kind="boad"``,
    ``name=5``), each with its path, and :class:`~coproduction.errors.OutputError` for an unknown format.
    """
    register_format = _format(format)
    problems = value_problems(register)
    if problems:
        raise InvalidRegisterError(problems)
    data = _converter(register_format).unstructure(register, Register)
    return module_for(register_format).dumps(data)


def save_register(
    register: Register,
    path: str | os.PathLike[str],
    format: str | Format | None = None,
) -> None:
    """Write the register to ``path`` atomically (the old file stays whole until the new one is complete).

    The format is ``format`` if given, else the file's suffix (.yaml, .yml, .json, .toml).
    Raises :class:`~coproduction.errors.OutputError` for an unknown format or a file that cannot be written.
    """
    target = Path(path)
    if format is not None:
        register_format = _format(format)
    else:
        found = format_for_path(target)
        if found is None:
            raise OutputError(f"{target}: cannot tell the format; name the file {', '.join(SUFFIXES)}")
        register_format = found
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give the name of a file to write")
    write_atomic(target, dumps_register(register, register_format))


__all__ = ["dumps_register", "save_register"]
