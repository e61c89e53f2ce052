"""Generate the register's JSON Schema (draft 2020-12) from the models.

The structure comes from the attrs models (:mod:`coproduction.models`): every field, its type, whether it is
required (no default) and its default; every vocabulary from its enum. The value rules come from where the loader
takes them: the forms of dates, times, date-times and amounts (:mod:`coproduction.schema.patterns`, the forms
:mod:`coproduction.io.converter` reads), and the ranges of numbers from the constants of
:mod:`coproduction.models.rules`. Descriptions come from the models' docstrings and from the field tables of
``docs/register-format.md`` (the page that documents every field; ``tests/io/test_format_doc.py`` keeps it complete),
passed in as text, so this module reads no file.

What a schema cannot say -- that ids are unique and references resolve, that ends come after starts -- is left to
the loader; ``docs/schema.md`` lists it. JSON Schema: https://json-schema.org/draft/2020-12/json-schema-core.
"""

from __future__ import annotations

import inspect
import json
import re
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import attrs

from coproduction.models.register import Register
from coproduction.models.rules import (
    MAX_AMOUNT,
    MAX_INTERPRETERS,
    MAX_MINUTES,
    MAX_PEOPLE,
    MAX_SEQUENCE,
    WEEKS_OF_MONTH,
)
from coproduction.schema import patterns

JSON = dict[str, Any]
#: Field meanings by model name, then field name: ``{"Member": {"joined": ("date", "when they joined ...")}}``,
#: each a pair (the type in words, the meaning), as ``docs/register-format.md`` writes them.
Meanings = Mapping[str, Mapping[str, tuple[str, str]]]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
TITLE: Final = "Co-production register"
DESCRIPTION: Final = (
    "A register of co-production: everything one council or organisation records about its co-production groups "
    "-- its members, groups, who belongs to which group, and meetings. One file holds a whole register; in a folder "
    "of files each file holds part of one (see $defs/RegisterPart). This schema checks every value's type, form and "
    "range and refuses unknown fields. It cannot check that ids are unique, that every reference names a member or "
    "group in the register, or that ends come after starts: `coproduction check` does. Generated from the models of "
    "the coproduction library; the format is described in docs/register-format.md and the schema in docs/schema.md."
)

#: The ranges the loader's rules put on numbers (models/rules.py), by model and field. Every whole-number field
#: has an entry (tests/schema checks it), so a new one must be given its range here.
RANGES: Final[dict[tuple[str, str], JSON]] = {
    ("Group", "quorum"): {"minimum": 0, "maximum": MAX_PEOPLE},
    ("Cadence", "week_of_month"): {"enum": sorted(WEEKS_OF_MONTH, key=lambda week: (week < 0, week))},
    ("Meeting", "bsl_interpreters"): {"minimum": 0, "maximum": MAX_INTERPRETERS},
    ("Meeting", "sequence"): {"minimum": 0, "maximum": MAX_SEQUENCE},
    ("Break", "after_minutes"): {"minimum": 0, "maximum": MAX_MINUTES},
    ("Break", "minutes"): {"minimum": 1, "maximum": MAX_MINUTES},
}

#: The leaf types and their definitions, named as ``$defs`` entries.
_LEAVES: Final[dict[Any, tuple[str, JSON]]] = {
    date: (
        "date",
        {
            "title": "date",
            "description": "A date, YYYY-MM-DD (2026-01-06), that exists, from 1900-01-01 to 2200-12-31.",
            "type": "string",
            "pattern": patterns.DATE,
        },
    ),
    datetime: (
        "date-time",
        {
            "title": "date and time",
            "description": "A date and time with its offset from UTC, ISO 8601: 2026-01-06T10:00:00+00:00 "
            "(Z for UTC; without an offset it is refused).",
            "type": "string",
            "pattern": patterns.DATE_TIME,
        },
    ),
    time: (
        "time",
        {
            "title": "time of day",
            "description": "A time of day, HH:MM (09:30), local to the policy's time zone; HH:MM:SS if seconds "
            "matter.",
            "type": "string",
            "pattern": patterns.TIME,
        },
    ),
    Decimal: (
        "amount",
        {
            "title": "amount of money",
            "description": f"An amount in pounds, from 0 to {MAX_AMOUNT:,}: text keeps pence exact (\"12.50\"); "
            "a number (12.5) is accepted.",
            "anyOf": [
                {"type": "string", "pattern": patterns.AMOUNT_TEXT},
                {"type": "number", "minimum": 0, "maximum": MAX_AMOUNT},
            ],
        },
    ),
}
_SCALARS: Final[dict[Any, JSON]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
}
_SET_NOTE: Final = "A list in any order; a value given twice counts once."
#: What a model's docstring leaves to its page, said again where an editor shows it.
_NOTES: Final = {
    "DiversityProfile": "Equality monitoring answers in Census 2021 categories: special category personal data "
    "(UK GDPR Article 9), to be kept out of logs, calendars and error messages. Leave a characteristic out when it "
    "is not known; prefer-not-to-say is an answer.",
}


def _ref(name: str) -> JSON:
    return {"$ref": f"#/$defs/{name}"}


def _first_paragraph(text: str | None) -> str:
    """The first paragraph of a docstring, on one line, without reStructuredText markup."""
    if not text:
        return ""
    paragraph = " ".join(inspect.cleandoc(text).split("\n\n")[0].split())
    head, _, rest = paragraph.partition("; ")
    if "``" in rest:  # what follows is about the Python object, not the register file ("nominal_days is ...")
        paragraph = f"{head}."
    return _plain(paragraph)


def _plain(text: str) -> str:
    """Markdown or reStructuredText made plain: ``code`` and :role:`target` become their text, links their words."""
    text = re.sub(r":\w+:`~?([^`]+)`", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return text.replace("``", "").replace("`", "")


def _markdown(text: str) -> str:
    """Markdown for editors that show it (``markdownDescription``): links within the format page become words."""
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _vocabulary(type_: Any) -> type[Enum] | None:
    """The enum of a field of type ``E``, ``E | None`` or ``frozenset[E]``."""
    for each in (type_, *typing.get_args(type_)):
        if isinstance(each, type) and issubclass(each, Enum):
            return each
    return None


def _is_set(type_: Any) -> bool:
    """``frozenset[X]`` or ``frozenset[X] | None``."""
    return any(typing.get_origin(each) is frozenset for each in (type_, *typing.get_args(type_)))


def _default(value: Any) -> Any:
    """A field's default as a register file writes it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(_default(item) for item in value)
    if isinstance(value, tuple):
        return [_default(item) for item in value]
    return value


class _Builder:
    def __init__(self, meanings: Meanings) -> None:
        self.meanings = meanings
        self.defs: dict[str, JSON] = {}

    def type_schema(self, type_: Any) -> JSON:
        """The schema of values of ``type_``, a model field's type."""
        if type_ in _SCALARS:
            return dict(_SCALARS[type_])
        if type_ in _LEAVES:
            name, definition = _LEAVES[type_]
            self.defs.setdefault(name, definition)
            return _ref(name)
        if isinstance(type_, type) and issubclass(type_, Enum):
            self.defs.setdefault(
                type_.__name__,
                {
                    "title": type_.__name__,
                    "description": _first_paragraph(type_.__doc__),
                    "type": "string",
                    "enum": [member.value for member in type_],
                },
            )
            return _ref(type_.__name__)
        if isinstance(type_, type) and attrs.has(type_):
            self.model(type_)
            return _ref(type_.__name__)
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            inner = next(arg for arg in args if arg is not type(None))
            return {"anyOf": [self.type_schema(inner), {"type": "null"}]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is frozenset and len(args) == 1:
            return {"type": "array", "items": self.type_schema(args[0])}
        raise TypeError(f"no schema for the field type {type_!r}")  # a new kind of model field

    def model(self, cls: type) -> None:
        name = cls.__name__
        if name in self.defs:
            return
        self.defs[name] = {}  # claimed first, so that a model holding itself would not recurse for ever
        self.defs[name] = self.object_schema(cls, required=True)

    def object_schema(self, cls: type, *, required: bool) -> JSON:
        name = cls.__name__
        hints = typing.get_type_hints(cls)
        meanings = self.meanings.get(name, {})
        properties: JSON = {}
        needed: list[str] = []
        for field in attrs.fields(cls):
            field_schema = self.with_range(name, field.name, self.type_schema(hints[field.name]))
            kind, meaning = meanings.get(field.name, ("", ""))
            words = [_sentence(_plain(meaning)) if meaning else ""]
            if kind and _plain(kind).lower() != _plain(meaning).lower():
                words.append(f"({_plain(kind)})")
            vocabulary = _vocabulary(hints[field.name])
            if vocabulary is not None and len(meaning.split()) <= 3:  # "sex": say more, from the vocabulary
                words.append(_first_paragraph(vocabulary.__doc__))
            if _is_set(hints[field.name]):
                words.append(_SET_NOTE)
            description = " ".join(word for word in words if word)
            extra: JSON = {}
            if description:
                extra["description"] = description
                markdown = " ".join(
                    word
                    for word in (
                        _sentence(_markdown(meaning)) if meaning else "",
                        f"({_markdown(kind)})" if kind and _plain(kind).lower() != _plain(meaning).lower() else "",
                        _first_paragraph(vocabulary.__doc__)
                        if vocabulary is not None and len(meaning.split()) <= 3
                        else "",
                        _SET_NOTE if _SET_NOTE in description else "",
                    )
                    if word
                )
                if markdown != description:  # editors that show Markdown keep the `code`
                    extra["markdownDescription"] = markdown
            if field.default is attrs.NOTHING:
                needed.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                extra["default"] = _default(field.default)
            properties[field.name] = {**extra, **field_schema}
        schema: JSON = {
            "title": name,
            "description": " ".join(filter(None, (_first_paragraph(cls.__doc__), _NOTES.get(name)))),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required and needed:
            schema["required"] = needed
        return schema

    @staticmethod
    def with_range(model: str, field: str, schema: JSON) -> JSON:
        bounds = RANGES.get((model, field))
        if bounds is None:
            return schema
        if "anyOf" in schema:  # X | None: the range belongs to X
            first, *rest = schema["anyOf"]
            return {"anyOf": [{**first, **bounds}, *rest]}
        return {**schema, **bounds}


def build_schema(meanings: Meanings) -> JSON:
    """The register's JSON Schema, as a dictionary; ``meanings`` from :func:`meanings_from_format_doc`."""
    builder = _Builder(meanings)
    whole = builder.object_schema(Register, required=True)
    part = builder.object_schema(Register, required=False)
    part["title"] = "RegisterPart"
    part["description"] = (
        "One file of a register kept as a folder of files: any of the register's keys. The lists of all the files "
        "are joined, in file-name order; organisation and area must each appear in exactly one file."
    )
    builder.defs["RegisterPart"] = part
    defs = {name: builder.defs[name] for name in sorted(builder.defs, key=_def_order)}
    return {
        "$schema": DRAFT,
        "title": TITLE,
        "description": DESCRIPTION,
        "type": "object",
        "properties": whole["properties"],
        "required": whole["required"],
        "additionalProperties": False,
        "$defs": defs,
    }


def _def_order(name: str) -> tuple[int, str]:
    """Models first (as they nest, roughly), then vocabularies, then the value forms; each group by name."""
    if name[:1].islower():
        return 2, name
    return (0 if name in _MODEL_NAMES else 1), name


_MODEL_NAMES: Final = frozenset(
    {
        "RegisterPart",
        "Member",
        "TrainingRecord",
        "DiversityProfile",
        "Group",
        "Cadence",
        "GroundRules",
        "GroundRule",
        "Acknowledgement",
        "Membership",
        "Meeting",
        "Venue",
        "Break",
        "AgendaItem",
        "Outcome",
        "Paper",
        "Attendance",
        "Decision",
        "Action",
        "Payment",
    }
)


def meanings_from_format_doc(markdown: str) -> dict[str, dict[str, tuple[str, str]]]:
    """The field tables of ``docs/register-format.md`` ("Every field"): for each ``### Model`` section, each
    row's field, type in words and meaning."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for section in re.finditer(r"^### (\w+)\n(.*?)(?=^##)", markdown, flags=re.S | re.M):
        rows = re.findall(
            r"^\| `(\w+)` \| (.*?) \| (?:.*?) \| (.*?) \|$", section.group(2), flags=re.M
        )
        if rows:
            found[section.group(1)] = {field: (kind.strip(), meaning.strip()) for field, kind, meaning in rows}
    return found


def render_schema(schema: JSON) -> str:
    """The schema as the shipped file holds it: JSON, two-space indents, keys in the order built, one final
    newline; the same models and page always give the same text."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


__all__ = ["RANGES", "build_schema", "meanings_from_format_doc", "render_schema"]
