"""Load a register from a file, a folder of files, or text.

A register is one file (``register.yaml``, ``.yml``, ``.json`` or ``.toml``) whose top level is a mapping with
the keys ``organisation``, ``area``, ``members``, ``groups``, ``memberships`` and ``meetings``; or a folder of
such files, read in name order, each holding any of those keys. Lists from several files are joined;
``organisation`` and ``area`` appear exactly once. The format is documented in ``docs/register-format.md``.

Every problem is reported at once as a :class:`~coproduction.errors.RegisterError` whose problems name the file,
the path (``$.meetings[3].start``; in a folder, the index within that file) and what is expected. Nothing else
escapes: any input, however odd, gives a register or that error.

Speed: a JSON file is first read by the one-pass typed decoder (:mod:`coproduction.io.typed_json`). Otherwise
each list is structured with cattrs' fast generated hooks first; only when that fails is it structured again item
by item with detailed validation, to find every problem and its path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from coproduction.errors import Problem, RegisterError
from coproduction.io import typed_json
from coproduction.io.collector import collector_paused
from coproduction.io.converter import InvalidValue, kind_of, printable, structuring_converter
from coproduction.io.formats import (
    DEFAULT_LIMITS,
    SUFFIXES,
    Format,
    LoadLimits,
    SyntaxProblem,
    format_for_path,
    parse_format,
)
from coproduction.io.keys import LIST_KEYS, SINGLE_KEYS, TOP_LEVEL_KEYS
from coproduction.io.preconf import json as json_format
from coproduction.io.preconf import module_for
from coproduction.io.problems import problems_from
from coproduction.io.special import not_regular_message
from coproduction.io.typed_json import TypedDocument
from coproduction.models.register import Register
from coproduction.models.rules import ReadList, RegisterParts, find_problems
from coproduction.models.validation import mark_valid
from coproduction.suggestions import did_you_mean

_KEYS_TEXT: Final = ", ".join(TOP_LEVEL_KEYS)
_SUFFIX_TEXT: Final = ", ".join(SUFFIXES)


class _Reader:
    """Collects what each file holds, and every problem, before the register is built."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.singles: dict[str, list[tuple[str, str]]] = {key: [] for key in SINGLE_KEYS}
        self.items: dict[str, list[Any]] = {key: [] for key in LIST_KEYS}
        self.spans: dict[str, list[tuple[str, int]]] = {key: [] for key in LIST_KEYS}
        self.unreadable_ids: dict[str, set[str]] = {key: set() for key in LIST_KEYS}
        #: What was written for each item that failed to structure, by its index in the joined list: its
        #: references are still checked (models/rules.py).
        self.unread: dict[str, dict[int, object]] = {key: {} for key in LIST_KEYS}
        #: Lists that could not be read at all: references into them are not checked (the cause is reported).
        self.incomplete: set[str] = set()
        #: A file whose top level was not a mapping: organisation and area may be there, unreadable.
        self.unreadable_document = False

    def read_document(self, source: str, document: object) -> None:
        if isinstance(document, TypedDocument):
            self._read_typed(source, document)
            return
        if document.__class__ is not dict:
            found = "an empty file" if document is None else kind_of(document)
            self.unreadable_document = True
            self.problems.append(
                Problem(source, "$", f"expected a mapping with the keys {_KEYS_TEXT}; found {found}")
            )
            return
        assert isinstance(document, dict)
        for key, value in document.items():
            if key in LIST_KEYS:
                self._read_list(source, key, value)
            elif key in SINGLE_KEYS:
                self._read_single(source, key, value)
            else:
                name = printable(str(key))
                hint = did_you_mean(name, TOP_LEVEL_KEYS)
                self.problems.append(
                    Problem(source, f"$.{name}", f"unknown field; {hint}the fields here are: {_KEYS_TEXT}")
                )

    def _read_typed(self, source: str, document: TypedDocument) -> None:
        """A file the fast path read: nothing in it is wrong by itself; the consistency checks still follow."""
        for key, text in document.singles.items():
            self.singles[key].append((text, source))
        for key, items in document.lists.items():
            self.items[key].extend(items)
            self.spans[key].append((source, len(items)))

    def _read_single(self, source: str, key: str, value: object) -> None:
        try:
            text = structuring_converter(detailed=True).structure(value, str)
        except InvalidValue as error:
            self.problems.append(Problem(source, f"$.{key}", str(error)))
            text = ""  # present, though wrong: not reported again as missing
        self.singles[key].append((text, source))

    def _read_list(self, source: str, key: str, value: object) -> None:
        item_type = LIST_KEYS[key]
        collection_type = tuple[item_type, ...]  # type: ignore[valid-type]
        try:
            items = structuring_converter(detailed=False).get_structure_hook(collection_type)(
                value, collection_type
            )
        except Exception:
            items = self._read_list_in_detail(source, key, value, item_type)
        self.items[key].extend(items)
        self.spans[key].append((source, len(items)))

    def _read_list_in_detail(
        self, source: str, key: str, value: object, item_type: type
    ) -> list[Any]:
        if value.__class__ is not list:
            self.problems.append(Problem(source, f"$.{key}", f"expected a list, found {kind_of(value)}"))
            self.incomplete.add(key)
            return []
        assert isinstance(value, list)
        hook: Callable[[Any, Any], Any] = structuring_converter(detailed=True).get_structure_hook(item_type)
        items: list[Any] = []
        before = len(self.items[key])  # items read from earlier files: this file's first item's number
        for index, raw in enumerate(value):
            try:
                items.append(hook(raw, item_type))
            except Exception as error:
                self.problems.extend(problems_from(error, source, f"$.{key}[{index}]"))
                identifier = raw.get("id") if isinstance(raw, dict) else None
                if isinstance(identifier, str):
                    self.unreadable_ids[key].add(identifier)
                self.unread[key][before + index] = raw
                # Keep indexes true to the file: later items are reported at their own index.
                items.append(None)
        return items

    def single(self, key: str, whole: str) -> str:
        """The one value of ``organisation`` or ``area``; a problem when missing or given twice."""
        found = self.singles[key]
        if not found and self.unreadable_document:
            return ""
        if not found:
            self.problems.append(
                Problem(whole, f"$.{key}", "required field missing; give it once, at the top level")
            )
            return ""
        first_file = found[0][1]
        for _, source in found[1:]:
            self.problems.append(
                Problem(source, f"$.{key}", f"given more than once (also in {first_file}); keep one")
            )
        return found[0][0]

    def register(self, whole: str) -> Register:
        organisation = self.single("organisation", whole)
        area = self.single("area", whole)
        parts = RegisterParts(
            members=self._read_list_of("members"),
            groups=self._read_list_of("groups"),
            memberships=self._read_list_of("memberships"),
            meetings=self._read_list_of("meetings"),
            unreadable_ids=self.unreadable_ids,
            incomplete=frozenset(self.incomplete),
        )
        self.problems.extend(find_problems(parts))
        if self.problems:
            raise RegisterError(self.problems)
        # No problems: no item failed, so the lists hold no placeholders; every value was structured to its
        # model's type and the register's rules found nothing, so the register is valid as it stands.
        return mark_valid(
            Register(
                organisation=organisation,
                area=area,
                members=tuple(self.items["members"]),
                groups=tuple(self.items["groups"]),
                memberships=tuple(self.items["memberships"]),
                meetings=tuple(self.items["meetings"]),
            )
        )

    def _read_list_of(self, key: str) -> ReadList[Any]:
        return ReadList(key, self.items[key], self.spans[key], self.unread[key])


def _parse(text: str, register_format: Format, source: str, limits: LoadLimits) -> object:
    """Text to plain data, or :class:`RegisterError` naming the file and the line."""
    try:
        return module_for(register_format).loads(text, limits)
    except SyntaxProblem as error:
        raise RegisterError([Problem(source, "", str(error))]) from None


def _size_limit(register_format: Format, limits: LoadLimits) -> int | None:
    candidates = [limits.max_bytes] if limits.max_bytes is not None else []
    if register_format is Format.YAML:
        candidates.append(limits.max_yaml_bytes)
    return min(candidates) if candidates else None


def _too_big(register_format: Format, limit: int) -> str:
    return (
        f"larger than the limit of {limit:,} bytes for {register_format.value.upper()} files; "
        "split it into a folder of files, use JSON, or raise the limit (LoadLimits)"
    )


def _decode(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); otherwise a message naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SyntaxProblem(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} on line {line}; save the file as UTF-8"
        ) from None


def _read_file(path: Path, register_format: Format, limits: LoadLimits) -> object:
    source = str(path)
    size_limit = _size_limit(register_format, limits)
    refused = not_regular_message(path)
    if refused is not None:
        raise RegisterError([Problem(source, "", refused)])
    try:
        if size_limit is not None and path.stat().st_size > size_limit:
            raise RegisterError([Problem(source, "", _too_big(register_format, size_limit))])
        data = path.read_bytes()
    except OSError as error:
        raise RegisterError([Problem(source, "", f"cannot read: {error.strerror or error}")]) from None
    if register_format is Format.JSON:
        try:
            mirrors = json_format.parse_typed(data, limits)
        except SyntaxProblem as error:
            raise RegisterError([Problem(source, "", str(error))]) from None
        if mirrors is not None:
            del data  # the models are made from the checked mirrors: the file's bytes are freed first
            typed = typed_json.build(mirrors)
            if typed is not None:
                return typed
            data = path.read_bytes()  # pragma: no cover - build declines no checked file; read it in detail
    try:
        text = _decode(data)
    except SyntaxProblem as error:
        raise RegisterError([Problem(source, "", str(error))]) from None
    if register_format is Format.JSON:  # the fast path has declined it: read it the detailed way
        try:
            return json_format.loads(text, limits, fast=False)
        except SyntaxProblem as error:
            raise RegisterError([Problem(source, "", str(error))]) from None
    return _parse(text, register_format, source, limits)


def _register_files(folder: Path) -> list[Path]:
    """Files in ``folder`` with a register suffix, by name; hidden files (editors' backups) are skipped."""
    return sorted(
        (
            entry
            for entry in folder.iterdir()
            if not entry.name.startswith(".") and format_for_path(entry) is not None and entry.is_file()
        ),
        key=lambda entry: entry.name,
    )


def load_register(
    path: str | os.PathLike[str], *, limits: LoadLimits = DEFAULT_LIMITS, time_zone: str | None = None
) -> Register:
    """Load a register from a file or a folder of files, or a spreadsheet (``.xlsx``, ``.ods``, or a folder of
    ``.csv`` files: :mod:`coproduction.io.spreadsheet`), whose times without an offset are in ``time_zone``
    (default: the policy's default, Europe/London).

    Raises :class:`~coproduction.errors.RegisterError` listing every problem found.
    """
    with collector_paused():
        return _load_register(Path(path), limits, time_zone)


def _load_register(target: Path, limits: LoadLimits, time_zone: str | None = None) -> Register:
    whole = str(target)
    try:
        is_folder = target.is_dir()
        exists = is_folder or target.exists()
    except OSError as error:  # pragma: no cover - e.g. a path too long for the system
        raise RegisterError([Problem(whole, "", f"cannot read: {error.strerror or error}")]) from None
    if not exists:
        raise RegisterError([Problem(whole, "", "no such file or folder")])
    refused = not_regular_message(target)
    if refused is not None:
        raise RegisterError([Problem(whole, "", refused)])
    if is_folder:
        try:
            files = _register_files(target)
        except OSError as error:
            raise RegisterError([Problem(whole, "", f"cannot read: {error.strerror or error}")]) from None
        if not files:
            from coproduction.io.spreadsheet import has_csv_files, load_spreadsheet

            if has_csv_files(target):
                return load_spreadsheet(target, limits=limits, time_zone=time_zone)
            raise RegisterError([Problem(whole, "", f"no register files ({_SUFFIX_TEXT}) in this folder")])
    else:
        if format_for_path(target) is None:
            from coproduction.io.spreadsheet import is_workbook_path, load_spreadsheet

            if is_workbook_path(target):
                return load_spreadsheet(target, limits=limits, time_zone=time_zone)
            raise RegisterError(
                [Problem(whole, "", f"not a register file; its name must end in {_SUFFIX_TEXT}")]
            )
        files = [target]
    documents: list[tuple[str, object]] = []
    problems: list[Problem] = []
    for file in files:
        register_format = format_for_path(file)
        assert register_format is not None
        try:
            documents.append((str(file), _read_file(file, register_format, limits)))
        except RegisterError as error:
            problems.extend(error.problems)
    if problems:
        raise RegisterError(problems)
    return _build(documents, whole)


def loads_register(
    text: str | bytes,
    format: str | Format,
    source_name: str = "<string>",
    *,
    limits: LoadLimits = DEFAULT_LIMITS,
) -> Register:
    """Load a register from text in ``format`` ("yaml", "json" or "toml"); ``source_name`` names it in problems.

    Raises :class:`~coproduction.errors.RegisterError` listing every problem found.
    """
    register_format = parse_format(format)
    if register_format is None:
        allowed = ", ".join(f.value for f in Format)
        raise RegisterError([Problem(source_name, "", f"unknown format {format!r}; use one of: {allowed}")])
    if isinstance(text, bytes | bytearray):
        try:
            text = _decode(bytes(text))
        except SyntaxProblem as error:
            raise RegisterError([Problem(source_name, "", str(error))]) from None
    elif not isinstance(text, str):
        raise RegisterError([Problem(source_name, "", "expected text to read")])
    else:
        text = text.removeprefix("\ufeff")  # a byte-order mark, as decoding a file removes one
    size_limit = _size_limit(register_format, limits)
    # Characters are 1 to 4 bytes in UTF-8: encode only when the text could be over the limit.
    if size_limit is not None and len(text) > size_limit // 4 and len(text.encode()) > size_limit:
        raise RegisterError([Problem(source_name, "", _too_big(register_format, size_limit))])
    with collector_paused():
        return _build([(source_name, _parse(text, register_format, source_name, limits))], source_name)


def _build(documents: Sequence[tuple[str, object]], whole: str) -> Register:
    reader = _Reader()
    for source, document in documents:
        reader.read_document(source, document)
    return reader.register(whole)


def build_register(documents: Sequence[tuple[str, object]], whole: str) -> Register:
    """The register from plain documents (each a file's name and what it holds), with every problem found, as
    from register files: for readers of other formats (spreadsheets) that build the same plain data."""
    return _build(documents, whole)


__all__ = ["LIST_KEYS", "SINGLE_KEYS", "TOP_LEVEL_KEYS", "load_register", "loads_register"]
