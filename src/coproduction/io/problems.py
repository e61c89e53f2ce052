"""Turn cattrs' validation errors into :class:`~coproduction.errors.Problem` values with ``$.a[1].b`` paths.

This is cattrs' ``transform_error`` walk, keeping the path and the message apart and writing messages for
people who keep registers. Diversity answers are never echoed: the converter's hooks do not put them in their
messages, and unknown field names under a ``diversity`` mapping are not repeated either.
"""

from __future__ import annotations

from collections.abc import Iterator

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from coproduction.errors import Problem
from coproduction.io.converter import InvalidValue, printable
from coproduction.suggestions import did_you_mean

_DIVERSITY = "diversity"


def _allowed_fields(error: ForbiddenExtraKeysError) -> str:
    fields = getattr(error.cl, "__attrs_attrs__", ())
    return ", ".join(field.name for field in fields)


def _messages(error: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """(path, message) for every leaf failure under ``error``."""
    if isinstance(error, IterableValidationError):
        at_index, without_index = error.group_exceptions()
        for sub, note in at_index:
            yield from _messages(sub, f"{path}[{note.index}]")
        for sub in without_index:
            yield from _messages(sub, path)
    elif isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, attribute_note in with_notes:
            yield from _messages(sub, f"{path}.{attribute_note.name}")
        for sub in without:
            yield from _messages(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = _allowed_fields(error)
        if path.endswith(f".{_DIVERSITY}"):
            yield path, f"unknown field; the fields are: {allowed}"
        else:
            names = [field.name for field in getattr(error.cl, "__attrs_attrs__", ())]
            for name in sorted(printable(str(field)) for field in error.extra_fields):
                yield f"{path}.{name}", f"unknown field; {did_you_mean(name, names)}the fields here are: {allowed}"
    elif isinstance(error, InvalidValue):
        yield path, str(error)
    elif isinstance(error, KeyError):
        # cattrs' generated code indexes the mapping; the note already put the field's name on the path.
        yield path, "required field missing"
    else:  # pragma: no cover - every hook raises InvalidValue; a model validator might not
        yield path, "invalid value"


def problems_from(error: BaseException, file: str, path: str) -> list[Problem]:
    """Every problem in a structuring failure, located in ``file`` under ``path``."""
    return [Problem(file, where, message) for where, message in _messages(error, path)]


__all__ = ["problems_from"]
