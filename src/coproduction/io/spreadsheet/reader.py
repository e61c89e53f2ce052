"""Sheets of cells to the plain register a YAML file gives, then the shared loader's reading and rules.

The sheets become one mapping (``organisation``, ``area``, ``members`` ...) exactly as a register file would hold
it, and go through the same converter and register rules as every other format
(:func:`coproduction.io.loader.build_register`), so every rule and message is shared. Each problem those find,
at a path such as ``$.meetings[3].agenda[1].outcome.recorded``, is reported where the officer wrote it: the
file, the sheet, the row and the column heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import tzinfo
from itertools import count, islice
from operator import itemgetter
from typing import Any, Final

import attrs

from coproduction.errors import Problem, RegisterError
from coproduction.io.spreadsheet.cells import CellProblem, exact_choices, is_empty, quoted, reader_for, text_of
from coproduction.io.spreadsheet.layout import HOW_TO, REGISTER, SHEETS, Column, Kind, Sheet, loose, sheet_named
from coproduction.models.register import Register
from coproduction.suggestions import did_you_mean


@attrs.define
class Table:
    """The cells of one sheet (or CSV file), every row from row 1, as read."""

    name: str
    source: str
    #: A sheet of a workbook (named in messages), not a CSV file of its own.
    in_workbook: bool
    rows: list[list[Any]]


@attrs.frozen
class Place:
    """Where a value was written: a file, a sheet, a row and a column heading (each as far as known)."""

    source: str
    sheet: str | None
    row: int | None = None
    column: str | None = None

    def path(self) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f'column "{self.column}"')
        return ", ".join(parts)

    def problem(self, message: str) -> Problem:
        return Problem(self.source, self.path(), message)


@attrs.define
class _Read:
    """A sheet as read: its layout, its table, and each layout column's heading as written."""

    sheet: Sheet
    table: Table
    headers: dict[str, str]  # layout heading -> heading as written
    #: The layout column of each column of the sheet, by position (``None`` for one not read).
    mapping: list[Column | None]
    #: The rows under the headings, each with its row number as the spreadsheet shows it.
    numbered: Iterable[tuple[int, list[Any]]]

    def place(self, row: int | None = None, column: Column | None = None) -> Place:
        heading = None
        if column is not None:
            heading = self.headers.get(column.header, column.header)
        return Place(self.table.source, self.table.name if self.table.in_workbook else None, row, heading)


_ITEM: Final = re.compile(r"\$\.(members|groups|memberships|meetings)\[(\d+)\]")
_INDEX: Final = re.compile(r"\[\d+\]")


class _Builder:
    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self.problems: list[tuple[tuple[int, int, int], Problem]] = []
        self.reported: set[str] = set()  # register paths whose problem is already reported at its cell
        self.document: dict[str, Any] = {}
        self.read: dict[str, _Read] = {}
        #: Where each item came from: (list, index) -> (sheet read, row); children by (list, index, inside).
        self.rows: dict[str, list[tuple[_Read, int]]] = {}
        self.child_rows: dict[tuple[str, int, tuple[str, ...]], list[tuple[_Read, int]]] = {}
        self.index_by_id: dict[str, dict[str, int]] = {}

    def add(self, place: Place, message: str, order: tuple[int, int, int] | None = None) -> None:
        self.problems.append((order or (len(SHEETS), 0, 0), place.problem(message)))

    # -- sheets and headings --------------------------------------------------------------------------------

    def take(self, tables: Iterable[Table], whole: str) -> None:
        for table in tables:
            sheet = sheet_named(table.name)
            if sheet is None:
                if loose(table.name) == loose(HOW_TO):
                    continue
                names = [s.name for s in SHEETS]
                hint = did_you_mean(table.name, names)
                kind = "sheet" if table.in_workbook else "file"
                self.add(
                    Place(table.source, table.name if table.in_workbook else None),
                    f"unknown {kind}; {hint}the {kind}s of a register are: {', '.join(names)}",
                )
                continue
            if sheet.name in self.read:
                earlier = self.read[sheet.name].table.name
                self.add(
                    Place(table.source, table.name if table.in_workbook else None),
                    f"a second {sheet.name} sheet (the first is {earlier!r}); keep one",
                )
                continue
            self.read[sheet.name] = self._headings(sheet, table)

    def _headings(self, sheet: Sheet, table: Table) -> _Read:
        """Map the heading row's columns to the layout, reporting unknown, doubled and missing headings."""
        order = SHEETS.index(sheet)
        start = next((n for n, row in enumerate(table.rows) if any(not is_empty(v) for v in row)), None)
        where = Place(table.source, table.name if table.in_workbook else None)
        if start is None:
            return _Read(sheet, table, {}, [], ())
        heading_row = table.rows[start]
        mapping: list[Column | None] = []
        written: dict[str, str] = {}
        for number, cell in enumerate(heading_row):
            if is_empty(cell):
                mapping.append(None)
                if any(number < len(row) and not is_empty(row[number]) for row in table.rows[start + 1 :]):
                    self.add(
                        attrs.evolve(where, row=start + 1, column=_letters(number)),
                        "a column with values but no heading; give it a heading or delete it",
                        (order, start + 1, number),
                    )
                continue
            text = str(cell).strip()
            column = sheet.column(text)
            if column is None:
                headers = [c.header for c in sheet.columns]
                self.add(
                    attrs.evolve(where, row=start + 1, column=text),
                    f"unknown column; {_hint(text, headers)}the columns of {sheet.name} are: {', '.join(headers)}",
                    (order, start + 1, number),
                )
                mapping.append(None)
                continue
            if column.header in written:
                self.add(
                    attrs.evolve(where, row=start + 1, column=text),
                    f'the same column as "{written[column.header]}"; keep one',
                    (order, start + 1, number),
                )
                mapping.append(None)
                continue
            written[column.header] = text
            mapping.append(column)
        return _Read(sheet, table, written, mapping, _Numbered(table.rows, start + 1))

    # -- rows to items --------------------------------------------------------------------------------------

    def items(self, read: _Read) -> Iterable[tuple[int, dict[str, Any]]]:
        """Each non-empty row as ``(row number, item)``, cells read by column; cell problems reported.

        The inner loop is the reader's hot path (a county register has 180,000 cells): text cells in text
        columns of the item itself are picked out together and taken as they are, without a call each."""
        order = SHEETS.index(read.sheet)
        width = len(read.mapping)
        plain: list[tuple[int, str]] = []
        #: For a choice column in the fast path: its choices as written by the writer, and the full reader.
        choosers: list[tuple[dict[str, str], Callable[[object], object]] | None] = []
        others: list[tuple[int, Column, str | tuple[str, ...], Callable[[object], object]]] = []
        for index, column in enumerate(read.mapping):
            if column is None:
                continue
            if column.kind is Kind.TEXT and len(column.path) == 1:
                plain.append((index, column.path[0]))
                choosers.append(None)
            elif column.kind is Kind.CHOICE and column.choices is not None and len(column.path) == 1:
                plain.append((index, column.path[0]))
                choosers.append((exact_choices(column.choices), reader_for(column, self.zone)))
            else:
                path = column.path[0] if len(column.path) == 1 else column.path
                others.append((index, column, path, reader_for(column, self.zone)))
        keys = [key for _, key in plain]
        pick = itemgetter(*(index for index, _ in plain)) if len(plain) > 1 else None
        single = plain[0][0] if len(plain) == 1 else None
        for number, row in read.numbered:
            if len(row) < width:
                row = [*row, *([""] * (width - len(row)))]
            item: dict[str, Any] = {}
            if plain:
                cells = pick(row) if pick is not None else (row[single],)  # type: ignore[index]
                for key, chooser, cell in zip(keys, choosers, cells, strict=True):
                    if cell.__class__ is str:
                        if not cell or cell.isspace():
                            continue
                        if chooser is None:
                            item[key] = cell
                        else:
                            item[key] = chooser[0].get(cell) or chooser[1](cell)
                    elif cell is not None:
                        item[key] = text_of(cell) if chooser is None else chooser[1](cell)
            for index, column, path, reader in others:
                cell = row[index]
                if cell.__class__ is str:
                    if not cell or cell.isspace():
                        continue
                elif cell is None:
                    continue
                try:
                    value: Any = reader(cell)
                except CellProblem as error:
                    self.add(read.place(number, column), str(error), (order, number, index))
                    value = _Unread(cell)
                if isinstance(path, str):
                    item[path] = value
                else:
                    _put(item, path, value)
            if item:
                yield number, item

    def build(self, whole: str) -> dict[str, Any]:
        register = self.read.get(REGISTER.name)
        self._register_sheet(register, whole)
        for sheet in SHEETS:
            read = self.read.get(sheet.name)
            if sheet.key is not None:
                rows: list[tuple[_Read, int]] = []
                items: list[dict[str, Any]] = []
                ids: dict[str, int] = {}
                if read is not None:
                    for number, item in self.items(read):
                        identifier = item.get("id")
                        if isinstance(identifier, str):
                            ids.setdefault(identifier, len(items))
                        items.append(item)
                        rows.append((read, number))
                self.document[sheet.key] = items
                self.rows[sheet.key] = rows
                self.index_by_id[sheet.key] = ids
            elif sheet.parent is not None and read is not None:
                self._children(sheet, read)
        return self.document

    def _register_sheet(self, read: _Read | None, whole: str) -> None:
        found: list[tuple[int, dict[str, Any]]] = list(self.items(read)) if read is not None else []
        source = read.table.source if read is not None else whole
        sheet_name = (read.table.name if read.table.in_workbook else None) if read is not None else REGISTER.name
        if len(found) > 1:
            self.add(
                Place(source, sheet_name, found[1][0]),
                "the Register sheet has one row under its headings; this is a second",
                (0, found[1][0], 0),
            )
        values = found[0][1] if found else {}
        for column in REGISTER.columns:
            key = column.path[0]
            if key in values and not isinstance(values[key], _Unread):
                self.document[key] = values[key]
            else:
                place = read.place(found[0][0] if found else None, column) if read else Place(whole, sheet_name)
                what = "sheet" if read is None or read.table.in_workbook else "file"
                if read is None:
                    message = (
                        f"no {REGISTER.name} {what}; add one with the headings Organisation and Area, and the "
                        "council's name and area in the row below"
                    )
                    if column is REGISTER.columns[0]:
                        self.add(place, message, (0, 0, 0))
                else:
                    self.add(place, f"required; give the register's {column.header.lower()}", (0, 0, 0))
                self.reported.add(f"$.{key}")

    def _children(self, sheet: Sheet, read: _Read) -> None:
        parent_key = sheet.parent
        assert parent_key is not None
        parents = self.document.get(parent_key, [])
        ids = self.index_by_id.get(parent_key, {})
        key_column = sheet.columns[0]
        field = key_column.path[0]
        parent_sheet = next(s for s in SHEETS if s.key == parent_key)
        order = SHEETS.index(sheet)
        *outer, last = sheet.inside
        single = sheet.inside == ("diversity",)
        last_id: object = None
        last_children: list[Any] = []
        last_rows: list[tuple[_Read, int]] = []
        for number, item in self.items(read):
            identifier = item.pop(field, None)
            if identifier == last_id and identifier is not None and not single:
                last_children.append(item)  # rows of one meeting or group usually come together
                last_rows.append((read, number))
                continue
            index = ids.get(identifier) if isinstance(identifier, str) else None
            if index is None:
                place = read.place(number, key_column)
                if identifier is None:
                    message = f"required; give the {field}'s ID, as in the {parent_sheet.name} sheet"
                else:
                    message = f"no {field} with the ID {quoted(_raw(identifier))} in the {parent_sheet.name} sheet"
                self.add(place, message, (order, number, 0))
                continue
            holder = parents[index]
            for name in outer:
                holder = holder.setdefault(name, {})
            key = (parent_key, index, sheet.inside)
            if single:
                if last in holder:
                    message = f"a second row for this {field}; keep one row each"
                    self.add(read.place(number, key_column), message, (order, number, 0))
                    continue
                holder[last] = item
                self.child_rows[key] = [(read, number)]
                continue
            children = holder.get(last)
            if children is None:
                holder[last] = children = []
                self.child_rows[key] = []
            children.append(item)
            self.child_rows[key].append((read, number))
            last_id, last_children, last_rows = identifier, children, self.child_rows[key]

    # -- problems from the shared reading, placed -----------------------------------------------------------

    def place_of(self, path: str, whole: str) -> tuple[Place, tuple[int, int, int]]:
        """The sheet, row and column of a register path such as ``$.meetings[3].agenda[1].title``."""
        match = _ITEM.match(path)
        if match is None:
            key = path[2:].split(".")[0].split("[")[0]
            read = self.read.get(REGISTER.name)
            column = next((c for c in REGISTER.columns if c.path[0] == key), None)
            if read is None:
                return Place(whole, None), (0, 0, 0)
            return read.place(None, column), (0, 0, 0)
        list_key, index = match.group(1), int(match.group(2))
        rest = path[match.end() :]
        for sheet in SHEETS:
            if sheet.parent != list_key:
                continue
            inside = "." + ".".join(sheet.inside)
            if sheet.inside == ("diversity",) and (rest == inside or rest.startswith(inside + ".")):
                rows = self.child_rows.get((list_key, index, sheet.inside), [])
                if rows:
                    read, number = rows[0]
                    return self._at(read, number, rest[len(inside) :])
            child = re.match(re.escape(inside) + r"\[(\d+)\]", rest)
            if child is not None:
                rows = self.child_rows.get((list_key, index, sheet.inside), [])
                position = int(child.group(1))
                if position < len(rows):
                    read, number = rows[position]
                    return self._at(read, number, rest[child.end() :])
        rows = self.rows.get(list_key, [])
        if index < len(rows):
            read, number = rows[index]
            return self._at(read, number, rest)
        return Place(whole, None), (len(SHEETS), 0, 0)  # pragma: no cover - every item has its row

    def _at(self, read: _Read, number: int, rest: str) -> tuple[Place, tuple[int, int, int]]:
        names = tuple(part for part in _INDEX.sub("", rest).split(".") if part)
        column = _column_for(read.sheet, names)
        mapping = read.mapping
        position = mapping.index(column) if column is not None and column in mapping else len(mapping)
        return read.place(number, column), (SHEETS.index(read.sheet), number, position)

    def placed(self, problems: Sequence[Problem], whole: str) -> list[Problem]:
        keyed = list(self.problems)
        for problem in problems:
            path = problem.path
            if not path.startswith("$") or any(
                path == done or path.startswith((done + ".", done + "[")) for done in self.reported
            ):
                if not path.startswith("$"):
                    keyed.append(((len(SHEETS), 0, 0), problem))
                continue
            place, order = self.place_of(path, whole)
            message = problem.message
            if message == "required field missing":
                message = "required; fill it in" if place.column is None or self._has(place) else (
                    f'required, and the sheet has no "{place.column}" column; add one'
                )
            keyed.append((order, place.problem(message)))
        keyed.sort(key=lambda pair: pair[0])
        return [problem for _, problem in keyed]

    def _has(self, place: Place) -> bool:
        for read in self.read.values():
            if read.table.source == place.source and (not read.table.in_workbook or read.table.name == place.sheet):
                return place.column in read.headers.values()
        return False


class _Numbered:
    """The rows from ``first`` (an index into ``rows``) on, each with its row number, without copying them."""

    __slots__ = ("first", "rows")

    def __init__(self, rows: list[list[Any]], first: int) -> None:
        self.rows, self.first = rows, first

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        return zip(count(self.first + 1), islice(self.rows, self.first, None), strict=False)


class _Unread:
    """A cell that could not be read: its problem is reported at the cell; the converter's is left out."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def _raw(value: object) -> object:
    return value.value if isinstance(value, _Unread) else value


def _put(item: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    holder = item
    for name in path[:-1]:
        holder = holder.setdefault(name, {})
    holder[path[-1]] = value


def _column_for(sheet: Sheet, names: tuple[str, ...]) -> Column | None:
    if not names:
        return None
    for size in range(len(names), 0, -1):
        for column in sheet.columns:
            if column.path == names[:size]:
                return column
    return next((c for c in sheet.columns if c.path[: len(names)] == names), None)


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _hint(text: str, headers: Sequence[str]) -> str:
    hint = did_you_mean(text, headers)
    return hint.replace("'", '"') if hint else ""


def register_from_tables(tables: Iterable[Table], whole: str, zone: tzinfo) -> Register:
    """The register the tables hold, or :class:`RegisterError` with every problem placed in its sheet and cell."""
    from coproduction.io.loader import build_register

    builder = _Builder(zone)
    builder.take(tables, whole)
    document = _strip_unread(builder.build(whole), builder, "$")
    try:
        typed = None if builder.problems else _typed(document)
        register = build_register([(whole, typed if typed is not None else document)], whole)
    except RegisterError as error:
        raise RegisterError(builder.placed(error.problems, whole)) from None
    if builder.problems:
        raise RegisterError(builder.placed((), whole))
    return register


def _typed(document: dict[str, Any]) -> object | None:
    """The document through the JSON fast path (:mod:`coproduction.io.typed_json`): encoded by msgspec and decoded
    straight into the models, in C; ``None`` when that path declines it, and the shared detailed reading (which
    names every problem) takes the plain document instead."""
    import msgspec

    from coproduction.io.typed_json import decode

    try:
        return decode(msgspec.json.encode(document))
    except (TypeError, ValueError, OverflowError):  # pragma: no cover - cells give only encodable values
        return None


def _strip_unread(value: Any, builder: _Builder, path: str) -> Any:
    """Put back what was written in cells that could not be read, noting their paths: the converter's own
    problem there is left out, the cell's is reported."""
    if not builder.problems:
        return value
    if isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(inner, _Unread):
                builder.reported.add(f"{path}.{key}")
                value[key] = inner.value
            else:
                _strip_unread(inner, builder, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _strip_unread(inner, builder, f"{path}[{index}]")
    return value


__all__ = ["Place", "Table", "register_from_tables"]
