"""ONS Census 2021 bulk downloads to a baseline file for one area: ``coproduction baselines import``.

An edge module (it reads files). Nomis publishes every Census 2021 topic summary table as a bulk download
(https://www.nomisweb.co.uk/sources/census_2021_bulk), a zip of CSV files, one per level of geography
(``census2021-ts021-utla.csv`` for upper-tier local authorities, ``-ltla``, ``-rgn``, ``-ctry``...). Each has
columns ``date``, ``geography``, ``geography code``, then one column per category named ``<Variable>: <Category>``
(sometimes followed by ``; measures: Value``), the first being the total, and a row per area.

This module picks one area's row from one file per table and maps its columns to the audit's category keys
(:data:`KNOWN_TABLES`, the mapping of ``docs/baselines-sources.md``, "Category-key mapping"), checking that the
columns it counts add up to the table's total (:func:`coproduction.io.baselines.figures_from_table`). Column
headers are matched tolerantly, since ONS wording varies between tables and releases: the ``<Variable>: `` prefix
and ``; measures: Value`` suffix are dropped and the rest compared without regard to case, punctuation or spacing.
Detailed sub-categories (``Ethnic group: White: Irish``) and subtotals are recognised and never counted.

Age needs care: the audit's bands (under 16, 16 to 24, 25 to 34, ...) are unions of TS007's single years and of
its own subtotal columns, but TS007A's five-year bands put 15 and 16 in one band (15 to 19), so under-16 and 16-24
cannot be told apart there. Such a table gives figures only for the bands it can (``groups`` in the baseline YAML,
docs/baselines.md) and never an invented split.

Every problem is a :class:`coproduction.audit.errors.BaselineError` naming the file, the place (``header``,
``row 14``, ``column 'Sex: Female'``) and what was expected.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import yaml

from coproduction.audit.errors import BaselineError
from coproduction.errors import Problem
from coproduction.io.baselines import figures_from_table
from coproduction.io.census_tables import AGE_BANDS, KNOWN_TABLES, OPEN, TableSpec, age_span, path, words, years
from coproduction.io.special import not_regular_message
from coproduction.models.diversity import Characteristic

#: Where an officer downloads the tables (Nomis, "Census 2021 bulk data download").
NOMIS_BULK_URL: Final = "https://www.nomisweb.co.uk/sources/census_2021_bulk"
_STRUCTURE: Final = ("date", "geography", "geography code")
_MEASURES = re.compile(r";\s*measures\s*:\s*value\s*$", re.IGNORECASE)
_TABLE_IN_NAME = re.compile(r"census2021-(ts\d{3}[a-z]*)", re.IGNORECASE)
_NUMBER = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+", re.ASCII)


# --- results ----------------------------------------------------------------------------------------------------


@attrs.frozen
class ImportedCharacteristic:
    """One characteristic of an imported baseline: its figures in the baseline YAML shape, and notes for a reader
    (e.g. which age bands the table cannot separate)."""

    characteristic: Characteristic
    table: str
    file: str
    figures: Mapping[str, Any]
    notes: tuple[str, ...] = ()


@attrs.frozen
class ImportedBaseline:
    """A baseline for one area built from one or more census table files, in the order of :class:`Characteristic`."""

    name: str
    area: str
    geography: str
    code: str
    characteristics: tuple[ImportedCharacteristic, ...]

    @property
    def notes(self) -> tuple[str, ...]:
        """What a reader should know of the figures, e.g. age bands a table cannot separate."""
        return tuple(note for item in self.characteristics for note in item.notes)

    @property
    def description(self) -> str:
        """One line for the baseline's ``description``: ``Census 2021, ONS tables TS008 and TS021``."""
        tables = [c.table for c in self.characteristics]
        listed = ", ".join(tables[:-1]) + " and " + tables[-1] if len(tables) > 1 else "".join(tables)
        return f"Census 2021, ONS table{'s' if len(tables) > 1 else ''} {listed}"

    def document(self) -> dict[str, Any]:
        """The baseline as the YAML loader reads it (docs/baselines.md, "YAML format")."""
        return {
            "name": self.name,
            "area": self.area,
            "description": self.description,
            "characteristics": {c.characteristic.value: dict(c.figures) for c in self.characteristics},
        }


# --- reading one file -------------------------------------------------------------------------------------------


@attrs.frozen
class _Column:
    index: int
    header: str  # as written in the file
    path: tuple[str, ...]

    @property
    def shown(self) -> str:
        return " ".join(self.header.split())


@attrs.frozen
class _Table:
    """One file's header read against its table: which columns are counted, for which categories."""

    file: str
    spec: TableSpec
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells)
    geography: int
    code: int
    total: _Column
    counted: tuple[tuple[_Column, str], ...]  # column, category key or not-answered (not used for age)
    numbers: tuple[_Column, ...]  # every column of figures, checked to hold whole numbers
    ages: tuple[tuple[_Column, int, int], ...] = ()  # top-level age columns: column, first year, last year


def table_id(file: str) -> str | None:
    """The table id in a Nomis bulk file name: ``census2021-ts007a-utla.csv`` -> ``TS007A``."""
    found = _TABLE_IN_NAME.search(Path(file).name)
    return found.group(1).upper() if found else None


def _read_table(file: str, text: str, problems: list[Problem]) -> _Table | None:
    name = Path(file).name
    table = table_id(name)
    if table is None:
        problems.append(
            Problem(
                file,
                "",
                "does not name its table: keep the name the Nomis bulk download gives it, "
                f"e.g. census2021-ts021-utla.csv ({NOMIS_BULK_URL})",
            )
        )
        return None
    spec = KNOWN_TABLES.get(table)
    if spec is None:
        problems.append(
            Problem(
                file,
                "",
                f"is table {table}, which has no category mapping here; the tables the audit uses are "
                f"{', '.join(KNOWN_TABLES)}",
            )
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(
            Problem(
                file, "", "is empty: expected a header line (date, geography, geography code, ...) and a row per area"
            )
        )
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append((reader.line_num, record))
    except csv.Error as error:
        problems.append(Problem(file, f"row {reader.line_num}", f"is not valid CSV: {error}"))
        return None
    if not records:
        problems.append(Problem(file, "", "is empty: expected a header line and a row per area"))
        return None
    header = tuple(records[0][1])
    rows = tuple((line, tuple(cells)) for line, cells in records[1:])
    return _read_header(file, spec, header, rows, problems)


def _read_header(
    file: str,
    spec: TableSpec,
    header: tuple[str, ...],
    rows: tuple[tuple[int, tuple[str, ...]], ...],
    problems: list[Problem],
) -> _Table | None:
    before = len(problems)
    structure: dict[str, int] = {}
    figures: list[_Column] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        shown = " ".join(raw.split())
        if shown in seen:
            problems.append(Problem(file, f"column {shown!r}", "appears twice in the header"))
            continue
        seen[shown] = index
        plain = words(raw)
        if plain in _STRUCTURE:
            structure[plain] = index
            continue
        label = _MEASURES.sub("", raw)
        variable, colon, rest = label.partition(":")
        if colon and words(variable) in spec.variables:
            label = rest
        figures.append(_Column(index, raw, path(label)))
    for required in ("geography", "geography code"):
        if required not in structure:
            problems.append(
                Problem(
                    file,
                    "header",
                    f"has no {required!r} column: a Nomis bulk download starts with the columns date, geography, "
                    "geography code",
                )
            )
    totals = [c for c in figures if c.path[:1] == ("total",) or c.path == ("all persons",)]
    if not totals:
        problems.append(
            Problem(
                file,
                "header",
                f"has no total column (e.g. {_total_example(spec)!r}): the figures are checked against it",
            )
        )
    elif len(totals) > 1:
        shown = ", ".join(repr(c.shown) for c in totals)
        problems.append(Problem(file, "header", f"has {len(totals)} total columns ({shown}); expected one"))
    categories = [c for c in figures if c not in totals]
    if len(problems) > before:
        return None
    total = totals[0]
    if spec.by_age:
        ages = _age_columns(file, spec, categories, problems)
        if ages is None:
            return None
        counted: tuple[tuple[_Column, str], ...] = ()
    else:
        found = _category_columns(file, spec, categories, problems)
        if found is None:
            return None
        counted, ages = found, ()
    for line, cells in rows:
        if len(cells) != len(header):
            problems.append(
                Problem(file, f"row {line}", f"has {len(cells)} cells; the header has {len(header)} columns")
            )
    if len(problems) > before:
        return None
    if not rows:
        problems.append(Problem(file, "", "has a header but no rows of figures"))
        return None
    return _Table(
        file=file,
        spec=spec,
        header=header,
        rows=rows,
        geography=structure["geography"],
        code=structure["geography code"],
        total=total,
        counted=counted,
        numbers=(total, *categories),
        ages=ages,
    )


def _total_example(spec: TableSpec) -> str:
    if spec.table == "TS008":
        return "Sex: All persons"
    if spec.by_age:
        return "Age: Total"
    return f"{spec.variable}: Total: {spec.population[:1].upper()}{spec.population[1:]}"


def _category_columns(
    file: str, spec: TableSpec, columns: list[_Column], problems: list[Problem]
) -> tuple[tuple[_Column, str], ...] | None:
    """The columns to count and their categories: mapped columns that are not a sub-column of another mapped one.

    Sub-columns of a counted column (``White: Irish``) and columns that are the sum of counted ones (``Disabled
    under the Equality Act``, or a listed subtotal) are recognised and left out; anything else is not recognised.
    """
    mapped = [c for c in columns if c.path in spec.columns]
    mapped_paths = [c.path for c in mapped]

    def under(path: tuple[str, ...], of: tuple[str, ...]) -> bool:
        return len(path) > len(of) and path[: len(of)] == of

    counted = [(c, spec.columns[c.path]) for c in mapped if not any(under(c.path, p) for p in mapped_paths)]
    unknown: list[_Column] = []
    for column in columns:
        if column.path in spec.columns or column.path in spec.subtotals:
            continue
        if column.path and any(under(column.path, p) or under(p, column.path) for p in mapped_paths):
            continue
        unknown.append(column)
    before = len(problems)
    for column in unknown:
        problems.append(
            Problem(
                file,
                f"column {column.shown!r}",
                f"is not a {spec.table} ({spec.title}) category this importer recognises; recognised: "
                f"{', '.join(repr(e) for e in dict.fromkeys(spec.examples.values()))} (and their sub-categories)",
            )
        )
    present = {key for _, key in counted}
    for category in spec.characteristic.answer_categories:
        if category not in present:
            example = spec.examples.get(category, category)
            problems.append(Problem(file, "header", f"has no column for {category} (expected e.g. {example!r})"))
    if len(problems) > before:
        return None
    return tuple(counted)


def _age_columns(
    file: str, spec: TableSpec, columns: list[_Column], problems: list[Problem]
) -> tuple[tuple[_Column, int, int], ...] | None:
    """The age columns to count: those not inside another column (TS007's subtotals, not its single years),
    which must cover every age once."""
    before = len(problems)
    spans: list[tuple[_Column, int, int]] = []
    for column in columns:
        span = age_span(":".join(column.path))
        if span is None:
            problems.append(
                Problem(
                    file,
                    f"column {column.shown!r}",
                    f"is not an age column this importer recognises (e.g. 'Age: Aged 16 to 19 years', 'Age: Aged 85 "
                    f"years and over') in {spec.table} ({spec.title})",
                )
            )
            continue
        spans.append((column, *span))
    if len(problems) > before:
        return None
    by_span: dict[tuple[int, int], _Column] = {}
    for column, first, last in spans:
        twin = by_span.get((first, last))
        if twin is not None:
            problems.append(
                Problem(file, f"column {column.shown!r}", f"counts ages {years(first, last)}, as {twin.shown!r} does")
            )
        by_span[(first, last)] = column
    if len(problems) > before:
        return None
    top = sorted(
        (
            (column, first, last)
            for column, first, last in spans
            if not any(f <= first and last <= t and (f, t) != (first, last) for _, f, t in spans)
        ),
        key=lambda item: item[1],
    )
    expected = 0
    for column, first, last in top:
        if first > expected:
            problems.append(Problem(file, "header", f"has no column for ages {years(expected, first - 1)}"))
        elif first < expected:
            problems.append(
                Problem(
                    file,
                    f"column {column.shown!r}",
                    f"overlaps another age column (ages {years(first, min(last, expected - 1))} are in both)",
                )
            )
        expected = max(expected, last + 1)
    if top and expected <= OPEN:
        problems.append(Problem(file, "header", f"has no column for ages {years(expected, OPEN)}"))
    if not top:
        problems.append(Problem(file, "header", "has no age columns"))
    if len(problems) > before:
        return None
    return tuple(top)


# --- choosing the area ------------------------------------------------------------------------------------------


def _matches(table: _Table, name: str | None, code: str | None) -> list[tuple[int, tuple[str, ...]]]:
    if code is not None:
        wanted = code.strip().casefold()
        return [(line, cells) for line, cells in table.rows if cells[table.code].strip().casefold() == wanted]
    wanted = words(name or "")
    return [(line, cells) for line, cells in table.rows if words(cells[table.geography]) == wanted]


def _close(table: _Table, name: str | None, code: str | None) -> str:
    areas = {cells[table.geography].strip(): cells[table.code].strip() for _, cells in table.rows}
    if code is not None:
        candidates = difflib.get_close_matches(code.strip().upper(), [c.upper() for c in areas.values()], n=5)
        by_code = {c.upper(): g for g, c in areas.items()}
        shown = [f"{c} ({by_code[c]})" for c in candidates]
    else:
        wanted = words(name or "")
        keyed = {words(g): g for g in areas}
        near = [g for w, g in keyed.items() if wanted and w and (wanted in w or w in wanted)]
        near += [keyed[w] for w in difflib.get_close_matches(wanted, list(keyed), n=5, cutoff=0.6)]
        shown = [f"{g!r} ({areas[g]})" for g in dict.fromkeys(near)][:5]
    return f"; close matches: {', '.join(shown)}" if shown else ""


def _choose_row(
    table: _Table, name: str | None, code: str | None, problems: list[Problem]
) -> tuple[int, tuple[str, ...]] | None:
    found = _matches(table, name, code)
    column = table.header[table.code if code is not None else table.geography].strip()
    if len(found) == 1:
        return found[0]
    if not found:
        what = f"geography code {code!r}" if code is not None else f"area called {name!r}"
        hint = "" if code is not None else " (give the name as the file writes it, or choose by --geography-code)"
        problems.append(Problem(table.file, f"column {column!r}", f"has no {what}{hint}{_close(table, name, code)}"))
        return None
    areas = ", ".join(
        f"{cells[table.geography].strip()!r} ({cells[table.code].strip()}, row {line})" for line, cells in found
    )
    problems.append(
        Problem(
            table.file,
            f"column {column!r}",
            f"has {len(found)} rows for {code or name!r}: {areas}; "
            + ("the file should have one row per area" if code is not None else "choose one with --geography-code"),
        )
    )
    return None


# --- one area's figures -----------------------------------------------------------------------------------------


def _count(cell: str) -> int | None:
    text = cell.strip()
    return int(text.replace(",", "")) if _NUMBER.fullmatch(text) else None


def _figures(
    table: _Table, line: int, cells: tuple[str, ...], problems: list[Problem], *, adults_only: bool = False
) -> tuple[dict[str, Any], tuple[str, ...]] | None:
    before = len(problems)
    values: dict[int, int] = {}
    for column in table.numbers:
        value = _count(cells[column.index])
        if value is None:
            problems.append(
                Problem(
                    table.file,
                    f"row {line}, column {column.shown!r}",
                    f"expected a whole number of people; got {cells[column.index].strip()!r}",
                )
            )
        else:
            values[column.index] = value
    if len(problems) > before:
        return None
    total = values[table.total.index]
    counted = [c for c, _ in table.counted] if not table.spec.by_age else [c for c, _, _ in table.ages]
    added = sum(values[c.index] for c in counted)
    if added != total:
        problems.append(
            Problem(
                table.file,
                f"row {line}",
                f"the columns counted add up to {added}, but {table.total.shown!r} is {total}: a column is missing, "
                f"counted twice or wrong (counted: {', '.join(repr(c.shown) for c in counted)})",
            )
        )
        return None
    note = f"read from {Path(table.file).name} (Nomis bulk download), row {line}: {cells[table.geography].strip()!r}"
    note += f" ({cells[table.code].strip()})"
    if table.spec.by_age:
        result = _age_figures(table, line, values, problems)
        if result is not None:
            result[0]["source"]["note"] = note
        if result is not None and adults_only:
            result = _adults_only(table, line, result, problems)
        return result
    # figures_from_table reads the header and this one row, exactly as checked above.
    row = io.StringIO()
    csv.writer(row, lineterminator="\n").writerows([table.header, cells])
    figures = figures_from_table(
        row.getvalue(),
        table.file,
        geography_code=cells[table.code].strip(),
        characteristic=table.spec.characteristic,
        columns={column.header: key for column, key in table.counted},
        source=table.spec.source,
        population=table.spec.population,
        total_column=table.total.header,
        geography_column=table.header[table.code],
    )
    figures["source"] = {**figures["source"], "note": note}
    return figures, ()


def _age_figures(
    table: _Table, line: int, values: Mapping[int, int], problems: list[Problem]
) -> tuple[dict[str, Any], tuple[str, ...]] | None:
    """Age figures by the audit's bands where the table's columns add up to them exactly. Bands the columns do not
    separate are never split: a run of them has no figure (one run) or one figure for the run (several), and a
    note says so."""
    spec = table.spec
    edges = {first for _, first, _ in table.ages}
    units: list[list[str]] = []
    for band, (first, _) in AGE_BANDS.items():
        if first in edges or not units:
            units.append([band])
        else:
            units[-1].append(band)
    figures: dict[str, Any] = {"source": dict(spec.source), "population": spec.population}
    total = values[table.total.index]
    if all(len(unit) == 1 for unit in units):
        counts = {
            band: sum(values[c.index] for c, f, t in table.ages if first <= f and t <= last)
            for band, (first, last) in AGE_BANDS.items()
        }
        figures["counts"] = counts
        figures["total"] = total
        return figures, ()
    groups: list[dict[str, Any]] = []
    notes: list[str] = []
    # One run of bands the table cannot separate is left out: the loader takes it as what is left of the total.
    # Several are given as groups of their own, each an exact sum of the table's columns, so none is merged.
    several = sum(len(unit) > 1 for unit in units) > 1
    for unit in units:
        first, last = AGE_BANDS[unit[0]][0], AGE_BANDS[unit[-1]][1]
        inside = [(f, t) for _, f, t in table.ages if first <= f and t <= last]
        count = sum(values[c.index] for c, f, t in table.ages if first <= f and t <= last)
        name = f"aged under {last + 1}" if first == 0 else f"aged {years(first, last)}"
        if len(unit) == 1 or several:
            groups.append({"name": name, "categories": list(unit), "count": count})
        if len(unit) > 1:
            bands = ", ".join(years(f, t) for f, t in inside)
            notes.append(
                f"age ({spec.table}): {', '.join(unit[:-1])} and {unit[-1]} are not compared one by one: the "
                f"table's bands for ages {years(first, last)} ({bands}) do not separate them, so only their sum "
                "is known"
            )
    if not any(len(group["categories"]) == 1 for group in groups):
        problems.append(
            Problem(
                table.file,
                f"row {line}",
                "no age column, alone or added to others, gives one of the audit's age bands (under 16, 16 to 24, "
                "25 to 34, 35 to 49, 50 to 64, 65 to 74, 75 to 84, 85 and over); nothing can be compared",
            )
        )
        return None
    figures["groups"] = groups
    figures["total"] = total
    return figures, tuple(notes)


ADULTS = "usual residents aged 16 years and over"


def _adults_only(
    table: _Table, line: int, result: tuple[dict[str, Any], tuple[str, ...]], problems: list[Problem]
) -> tuple[dict[str, Any], tuple[str, ...]] | None:
    """Age figures of residents aged 16 and over only: the under-16s are taken out of the total and counted as 0,
    so that a board, which has no members under 16, is compared with the adults of its area (issue 5's
    adults-only baseline). Needs a table that separates the under-16s (TS007 does; TS007A's 15-19 band does not)."""
    figures, notes = result
    if "counts" in figures:
        under = figures["counts"]["under-16"]
        figures["counts"] = {**figures["counts"], "under-16": 0}
    else:
        alone = [g for g in figures["groups"] if g["categories"] == ["under-16"]]
        if not alone:
            problems.append(
                Problem(
                    table.file,
                    f"row {line}",
                    f"--adults-only needs the under-16s apart from older people, but {table.spec.table}'s age bands "
                    "do not separate them; use TS007 (age by single year), whose columns do",
                )
            )
            return None
        under = alone[0]["count"]
        alone[0]["count"] = 0
    figures["total"] = figures["total"] - under
    figures["population"] = ADULTS
    note = f"adults only: the {under} residents aged under 16 are left out of the total"
    figures["source"]["note"] = f"{figures['source']['note']}; {note}"
    return figures, (*notes, f"age ({table.spec.table}): {note}")


# --- the whole import -------------------------------------------------------------------------------------------


def baseline_name(text: str) -> str:
    """The baseline's name from ``--name``: ``"Bristol, City of"`` -> ``"bristol-city-of"``."""
    return "-".join(words(text).split())


def import_tables(
    files: Sequence[tuple[str, str]],
    *,
    name: str,
    area: str | None = None,
    geography_code: str | None = None,
    adults_only: bool = False,
) -> ImportedBaseline:
    """A baseline for one area from census table files given as ``(file name, text)`` pairs, one per table.

    With ``adults_only``, age is of residents aged 16 and over (see :func:`_adults_only`); other tables are as
    published (sexual orientation and gender identity are of residents aged 16 and over already).

    The area is the row whose ``geography`` is ``name`` (case, punctuation and spacing aside), or the row whose
    ``geography code`` is ``geography_code`` when one is given (``name`` then only names the baseline). Raises
    :class:`BaselineError` with every problem found in every file.
    """
    problems: list[Problem] = []
    slug = baseline_name(name)
    if not slug:
        problems.append(Problem("--name", "", f"{name!r} has no letters or digits; give the area's name"))
    if geography_code is not None and not geography_code.strip():
        problems.append(Problem("--geography-code", "", "is empty; give a code such as E10000025"))
    if area is not None and not area.strip():
        problems.append(Problem("--area", "", "is empty; give the name to show in reports"))
    if not files:
        problems.append(Problem("FILE.csv", "", "give at least one census table file"))
    if problems:
        raise BaselineError(problems)
    tables = [t for file, text in files if (t := _read_table(file, text, problems)) is not None]
    by_characteristic: dict[Characteristic, _Table] = {}
    for table in tables:
        other = by_characteristic.get(table.spec.characteristic)
        if other is not None:
            problems.append(
                Problem(
                    table.file,
                    "",
                    f"gives {table.spec.characteristic.label} ({table.spec.table}), as {other.file} "
                    f"({other.spec.table}) does; give one table per characteristic",
                )
            )
        else:
            by_characteristic[table.spec.characteristic] = table
    ordered = [by_characteristic[c] for c in Characteristic if c in by_characteristic]
    chosen: list[tuple[_Table, int, tuple[str, ...]]] = []
    for table in ordered:
        row = _choose_row(table, None if geography_code else name, geography_code, problems)
        if row is not None:
            chosen.append((table, *row))
    if chosen:
        first, _, first_cells = chosen[0]
        for table, line, cells in chosen[1:]:
            if cells[table.code].strip().casefold() != first_cells[first.code].strip().casefold():
                problems.append(
                    Problem(
                        table.file,
                        f"row {line}",
                        f"is {cells[table.geography].strip()!r} ({cells[table.code].strip()}), but in {first.file} it "
                        f"is {first_cells[first.geography].strip()!r} ({first_cells[first.code].strip()}): "
                        "choose one area with --geography-code",
                    )
                )
    imported: list[ImportedCharacteristic] = []
    for table, line, cells in chosen:
        result = _figures(table, line, cells, problems, adults_only=adults_only)
        if result is not None:
            figures, notes = result
            imported.append(
                ImportedCharacteristic(
                    characteristic=table.spec.characteristic,
                    table=table.spec.table,
                    file=Path(table.file).name,
                    figures=figures,
                    notes=notes,
                )
            )
    if problems:
        raise BaselineError(problems)
    first_table, _, first_cells = chosen[0]
    geography = " ".join(first_cells[first_table.geography].split())
    return ImportedBaseline(
        name=slug,
        area=" ".join((area or geography or slug).split()),
        geography=geography,
        code=first_cells[first_table.code].strip(),
        characteristics=tuple(imported),
    )


def read_tables(paths: Sequence[str]) -> list[tuple[str, str]]:
    """The text of each census table file, as ``(path, text)``. Raises :class:`BaselineError` for files that are
    missing, unreadable, a zip archive or not UTF-8 text (every such file at once)."""
    problems: list[Problem] = []
    found: list[tuple[str, str]] = []
    for file in paths:
        refused = not_regular_message(file)
        if refused is not None:
            problems.append(Problem(file, "", refused))
            continue
        try:
            data = Path(file).read_bytes()
        except FileNotFoundError:
            problems.append(Problem(file, "", "no such file"))
            continue
        except OSError as error:
            problems.append(Problem(file, "", f"cannot be read: {error.strerror or error}"))
            continue
        if data.startswith(b"PK\x03\x04"):
            problems.append(
                Problem(
                    file,
                    "",
                    "is a zip archive: open it and give the CSV file for your level of geography, e.g. "
                    "census2021-ts021-utla.csv for a county council",
                )
            )
            continue
        try:
            found.append((file, data.decode("utf-8-sig")))
        except UnicodeDecodeError as error:
            problems.append(
                Problem(
                    file,
                    f"byte {error.start}",
                    "is not UTF-8 text: use the file as Nomis gives it, or save it from a spreadsheet as 'CSV UTF-8'",
                )
            )
    if problems:
        raise BaselineError(problems)
    return found


def import_files(
    paths: Sequence[str],
    *,
    name: str,
    area: str | None = None,
    geography_code: str | None = None,
    adults_only: bool = False,
) -> ImportedBaseline:
    """:func:`import_tables` on files read from disk (they are only read, never changed)."""
    return import_tables(
        read_tables(paths), name=name, area=area, geography_code=geography_code, adults_only=adults_only
    )


# --- writing ----------------------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _dump(data: Mapping[str, Any], *, flow: bool | None = None) -> str:
    return yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, default_flow_style=flow, width=100)


def render_yaml(imported: ImportedBaseline) -> str:
    """The baseline as a YAML file, opening with comments that say what it is and where its figures come from."""
    lines = [
        f"# Population baseline for {_one_line(imported.geography)} ({_one_line(imported.code)}): Census 2021 "
        "figures to compare a group with.",
        "# Made by `coproduction baselines import` from Office for National Statistics tables (Open Government",
        f"# Licence v3.0) downloaded from Nomis, {NOMIS_BULK_URL}:",
        *(f"#   {c.table} {c.figures['source']['title']} ({c.file})" for c in imported.characteristics),
        "# Use it with: coproduction audit REGISTER --group ID --baseline THIS_FILE (docs/baselines.md).",
    ]
    text = "\n".join(lines) + "\n"
    head = {"name": imported.name, "area": imported.area, "description": imported.description}
    text += _dump(head, flow=False) + "characteristics:\n"
    for item in imported.characteristics:
        comments = "".join(f"# {_one_line(note)}\n" for note in item.notes)
        body = comments + _dump({item.characteristic.value: dict(item.figures)})
        text += textwrap.indent(body, "  ", lambda _line: True)
    return text


__all__ = [
    "AGE_BANDS",
    "KNOWN_TABLES",
    "NOMIS_BULK_URL",
    "ImportedBaseline",
    "ImportedCharacteristic",
    "TableSpec",
    "age_span",
    "baseline_name",
    "import_files",
    "import_tables",
    "read_tables",
    "render_yaml",
    "table_id",
]
