"""JSON registers: dates, times and date-times are ISO 8601 strings; output is indented UTF-8 with a final
newline.

Reading tries the typed decoder first (:mod:`coproduction.io.typed_json`, msgspec), which turns a valid file
straight into models and finds a key given twice without another parse by Python; a file it declines, or one with a
key given twice, is parsed with the standard library's :func:`json.loads` and structured by cattrs, which reports
every problem (and names the repeated key)."""

from __future__ import annotations

import json
from typing import Any

import cattrs

from coproduction.io import converter as base
from coproduction.io import typed_json
from coproduction.io.formats import LoadLimits, SyntaxProblem, describe_value_error


def make_converter() -> cattrs.Converter:
    """Every value as JSON-native data: dates and date-times as ISO strings, amounts as strings."""
    return base.make_converter()


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _checks_duplicates(text: str, limits: LoadLimits) -> bool:
    return limits.json_duplicate_keys_up_to is None or len(text) <= limits.json_duplicate_keys_up_to


def _checks_duplicates_in(data: bytes, limits: LoadLimits) -> bool:
    """:func:`_checks_duplicates` for UTF-8 bytes: the limit counts characters, and a character is one to four
    bytes, so only a file in between needs decoding to count them."""
    limit = limits.json_duplicate_keys_up_to
    if limit is None or len(data) <= limit:
        return True
    return len(data) <= limit * 4 and len(data.decode("utf-8-sig")) <= limit


_BOM = b"\xef\xbb\xbf"


def parse_typed(data: bytes, limits: LoadLimits) -> typed_json.Mirrors | None:
    """A JSON file's bytes parsed and checked by the fast path (:func:`typed_json.parse`), without making a text
    copy of a file of hundreds of megabytes (msgspec reads UTF-8 bytes and refuses invalid UTF-8 in text);
    ``None`` when the fast path declines it. The bytes are not needed to build the models
    (:func:`typed_json.build`), so the caller may free them first.

    A key given twice in one object (in files up to ``limits.json_duplicate_keys_up_to`` characters) is found by
    :func:`typed_json.has_duplicate_keys`, a msgspec pass; only then is the text parsed by :func:`json.loads`, to
    name the key in the error (:class:`SyntaxProblem`)."""
    body = memoryview(data)[len(_BOM):] if data.startswith(_BOM) else data
    mirrors = typed_json.parse(body)
    if mirrors is not None and _checks_duplicates_in(data, limits) and typed_json.has_duplicate_keys(body):
        _parse(data.decode("utf-8-sig"), limits)
    return mirrors


def read_typed(data: bytes, limits: LoadLimits) -> typed_json.TypedDocument | None:
    """:func:`parse_typed`, then the models; ``None`` when the fast path declines the file."""
    mirrors = parse_typed(data, limits)
    return None if mirrors is None else typed_json.build(mirrors)


def loads(text: str, limits: LoadLimits, *, fast: bool = True) -> Any:
    """Parse JSON text: a :class:`~coproduction.io.typed_json.TypedDocument` when the fast path reads it, else
    plain data. Syntax errors name the line and column; a key twice in one object is an error (up to
    ``limits.json_duplicate_keys_up_to`` characters; see :func:`read_typed`). ``fast=False``: plain data only (the
    caller has tried the fast path already)."""
    typed = typed_json.decode(text) if fast else None
    if typed is not None:
        if _checks_duplicates(text, limits) and typed_json.has_duplicate_keys(text):
            _parse(text, limits)
        return typed
    return _parse(text, limits)


def _parse(text: str, limits: LoadLimits) -> Any:
    try:
        if _checks_duplicates(text, limits):
            return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
        return json.loads(text)
    except _DuplicateKey as duplicate:
        key = duplicate.key if len(duplicate.key) <= 60 else duplicate.key[:57] + "..."
        raise SyntaxProblem(
            f"not valid JSON: the key {key!r} appears twice in one object; write each field once"
        ) from None
    except json.JSONDecodeError as error:
        if text.startswith("\ufeff"):  # one byte-order mark is removed when the file is decoded; this is another
            raise SyntaxProblem("not valid JSON: a second byte-order mark (BOM) at the start; remove it") from None
        raise SyntaxProblem(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise SyntaxProblem("not valid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise SyntaxProblem(f"not valid JSON: {describe_value_error(error)}") from None


def dumps(data: Any) -> str:
    """Indented, key order as the models declare it, non-ASCII kept readable."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


__all__ = ["dumps", "loads", "make_converter", "parse_typed", "read_typed"]
