"""Loading population baselines from files: the bundled Census 2021 ones, or a council's own YAML or CSV.

An edge module (it reads files); it builds the plain values of :class:`~coproduction.audit.Baseline`. The formats
are documented in ``docs/baselines.md``, with how an ONS table download becomes a baseline. Every problem found
is reported at once, each naming the file, the place in it (``$.characteristics.sex.counts.female``) and what
was expected.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from coproduction.audit.errors import BaselineError, UnknownBaselineError
from coproduction.audit.population import (
    Baseline,
    BaselineSource,
    CharacteristicBaseline,
    shares_from_counts,
    unit_key,
)
from coproduction.errors import Problem
from coproduction.io.special import not_regular_message
from coproduction.models.diversity import Characteristic

#: Percentages taken from a published table may be rounded; their sum may be off 100 by this much.
PERCENT_TOLERANCE = Fraction(1, 2)
NOT_ANSWERED = "not-answered"
"""The category name a baseline file gives the people who did not answer the question (``docs/baselines.md``)."""
_SUFFIXES = (".yaml", ".yml", ".csv")


def bundled_names() -> tuple[str, ...]:
    """Names of the baselines shipped with the library (``england``, ``england-and-wales``...)."""
    folder = resources.files("coproduction") / "baselines"
    return tuple(sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith(".yaml")))


@functools.cache
def bundled_baseline(name: str) -> Baseline:
    """A shipped baseline by name. Raises :class:`UnknownBaselineError` for a name not shipped."""
    names = bundled_names()
    if name not in names:
        raise UnknownBaselineError(
            f"no bundled baseline is called {name!r}; choose one of {', '.join(names)} or give a YAML or CSV "
            "file (see docs/baselines.md)"
        )
    resource = resources.files("coproduction") / "baselines" / f"{name}.yaml"
    return parse_yaml(resource.read_text(encoding="utf-8"), f"baselines/{name}.yaml")


def resolve_baseline(name_or_path: str | os.PathLike[str]) -> Baseline:
    """A bundled baseline by name, or a baseline file (``.yaml``, ``.yml`` or ``.csv``) by path."""
    text = os.fspath(name_or_path)
    if text.lower().endswith(_SUFFIXES) or os.sep in text or Path(text).is_file():
        return load_baseline(text)
    return bundled_baseline(text)


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Load a baseline file; the format follows the suffix (``.csv``, else YAML)."""
    target = Path(path)
    refused = not_regular_message(target)
    if refused is not None:
        raise BaselineError([Problem(str(target), "", refused)])
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError([Problem(str(target), "", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError([Problem(str(target), "", f"cannot be read: {error}")]) from None
    if target.suffix.lower() == ".csv":
        return parse_csv(text, str(target), default_name=target.stem)
    return parse_yaml(text, str(target))


# --- YAML -------------------------------------------------------------------------------------------------------


def parse_yaml(text: str, file: str) -> Baseline:
    """Build a baseline from YAML text (see docs/baselines.md for the format)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise BaselineError([Problem(file, where, f"is not valid YAML: {error}")]) from None
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise BaselineError([Problem(file, "$", "expected a mapping with name, area and characteristics")])
    name = _text(data, "name", "$", file, problems, required=True)
    area = _text(data, "area", "$", file, problems, required=True)
    description = _text(data, "description", "$", file, problems) or ""
    unknown = sorted(set(data) - {"name", "area", "description", "characteristics"})
    for key in unknown:
        problems.append(Problem(file, f"$.{key}", "is not a baseline field (name, area, description, characteristics)"))
    raw = data.get("characteristics") or {}
    characteristics: dict[Characteristic, CharacteristicBaseline] = {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "$.characteristics", "expected a mapping from characteristic to figures"))
        raw = {}
    for key, figures in raw.items():
        path = f"$.characteristics.{key}"
        characteristic = _characteristic(key, path, file, problems)
        if characteristic is None:
            continue
        built = _characteristic_from_yaml(characteristic, figures, path, file, problems)
        if built is not None:
            characteristics[characteristic] = built
    if problems:
        raise BaselineError(problems)
    return Baseline(name=name or "", area=area or "", description=description, characteristics=characteristics)


def _characteristic_from_yaml(
    characteristic: Characteristic, figures: Any, path: str, file: str, problems: list[Problem]
) -> CharacteristicBaseline | None:
    if not isinstance(figures, dict):
        problems.append(Problem(file, path, "expected a mapping with source and counts (or percentages, or groups)"))
        return None
    allowed = {"source", "population", "counts", "percentages", "groups", "not_answered", "total", "precision"}
    for key in sorted(set(figures) - allowed):
        problems.append(Problem(file, f"{path}.{key}", f"is not a field here ({', '.join(sorted(allowed))})"))
    source = _source(figures.get("source"), f"{path}.source", file, problems)
    population = figures.get("population") or ""
    if not isinstance(population, str):
        problems.append(Problem(file, f"{path}.population", "expected text, e.g. 'all usual residents'"))
        population = ""
    forms = [key for key in ("counts", "percentages", "groups") if key in figures]
    if len(forms) != 1:
        problems.append(Problem(file, path, "give exactly one of counts, percentages and groups"))
        return None
    before = len(problems)
    precision = _precision(figures, path, file, problems)
    if forms == ["groups"]:
        return _from_groups(characteristic, figures, source, population, precision, path, file, problems)
    if forms == ["counts"]:
        if "precision" in figures:
            problems.append(Problem(file, f"{path}.precision", "is for percentages; counts are exact"))
        counts = _numbers(figures["counts"], characteristic, f"{path}.counts", file, problems, whole=True)
        not_answered = _whole(figures.get("not_answered", 0), f"{path}.not_answered", file, problems)
        total = figures.get("total")
        if total is not None:
            total = _whole(total, f"{path}.total", file, problems)
        if len(problems) > before or counts is None:
            return None
        whole_counts = {k: int(v) for k, v in counts.items()}
        return _from_counts(
            characteristic, whole_counts, not_answered, total, source, population, path, file, problems
        )
    if "total" in figures:
        problems.append(Problem(file, f"{path}.total", "is for counts; percentages add up to 100"))
    percentages = _numbers(figures["percentages"], characteristic, f"{path}.percentages", file, problems)
    not_answered_pct = _number(figures.get("not_answered", 0), f"{path}.not_answered", file, problems)
    if len(problems) > before or percentages is None or not_answered_pct is None:
        return None
    return _from_percentages(
        characteristic, percentages, not_answered_pct, source, population, path, file, problems, precision
    )


def _precision(figures: Mapping[str, Any], path: str, file: str, problems: list[Problem]) -> Fraction | None:
    """The stated rounding of published percentages, in percentage points (e.g. 0.1), or ``None``."""
    if "precision" not in figures:
        return None
    value = _number(figures["precision"], f"{path}.precision", file, problems)
    if value is not None and not 0 < value <= 10:
        problems.append(
            Problem(file, f"{path}.precision", "expected the rounding of the percentages, e.g. 0.1 (more than 0)")
        )
        return None
    return value


def percent_tolerance(figures: int, precision: Fraction | None) -> Fraction:
    """How far ``figures`` published percentages may add up away from 100: half the stated rounding each, or
    :data:`PERCENT_TOLERANCE` when the rounding is not stated."""
    if precision is None:
        return PERCENT_TOLERANCE
    return figures * precision / 2


def _from_groups(
    characteristic: Characteristic,
    figures: Mapping[str, Any],
    source: BaselineSource | None,
    population: str,
    precision: Fraction | None,
    path: str,
    file: str,
    problems: list[Problem],
) -> CharacteristicBaseline | None:
    """Figures for groups of the audit's categories, where the source is coarser than the audit (issue 10).

    Categories in no group form one more unit, whose figure is what is left of the total (or of 100%).
    """
    raw = figures["groups"]
    where = f"{path}.groups"
    if not isinstance(raw, list) or not raw:
        problems.append(
            Problem(file, where, "expected a list of groups, each with categories and a count or percentage")
        )
        return None
    order = characteristic.answer_categories
    before = len(problems)
    units: list[tuple[tuple[str, ...], Fraction]] = []
    kinds: set[str] = set()
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        at = f"{where}[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(file, at, "expected a mapping with categories and a count or percentage"))
            continue
        for key in sorted(set(item) - {"name", "categories", "count", "percentage"}):
            problems.append(Problem(file, f"{at}.{key}", "is not a field here (categories, count, name, percentage)"))
        if "name" in item and not isinstance(item["name"], str):
            problems.append(Problem(file, f"{at}.name", "expected text: what the source calls this group"))
        categories = item.get("categories")
        if not isinstance(categories, list) or not categories:
            problems.append(Problem(file, f"{at}.categories", f"expected a list of {characteristic.label} categories"))
            continue
        good = True
        for position, category in enumerate(categories):
            if category not in order:
                problems.append(
                    Problem(
                        file,
                        f"{at}.categories[{position}]",
                        f"is not a {characteristic.label} category ({', '.join(order)})",
                    )
                )
                good = False
            elif category in seen:
                problems.append(
                    Problem(file, f"{at}.categories[{position}]", f"{category!r} is already in group {seen[category]}")
                )
                good = False
            else:
                seen[category] = index
        kind = [k for k in ("count", "percentage") if k in item]
        if len(kind) != 1:
            problems.append(Problem(file, at, "give exactly one of count and percentage"))
            continue
        kinds.add(kind[0])
        value: Fraction | None
        if kind[0] == "count":
            whole = _whole(item["count"], f"{at}.count", file, problems)
            value = None if whole is None else Fraction(whole)
        else:
            value = _number(item["percentage"], f"{at}.percentage", file, problems)
        if good and value is not None:
            units.append((tuple(c for c in order if c in categories), value))
    if len(kinds) > 1:
        problems.append(Problem(file, where, "give every group a count, or every group a percentage, not a mix"))
    if len(problems) > before:
        return None
    by_count = kinds == {"count"}
    if by_count and "precision" in figures:
        problems.append(Problem(file, f"{path}.precision", "is for percentages; counts are exact"))
    not_answered_raw = figures.get("not_answered", 0)
    if by_count:
        whole_na = _whole(not_answered_raw, f"{path}.not_answered", file, problems)
        not_answered = None if whole_na is None else Fraction(whole_na)
    else:
        not_answered = _number(not_answered_raw, f"{path}.not_answered", file, problems)
    total_raw = figures.get("total")
    if total_raw is not None and not by_count:
        problems.append(Problem(file, f"{path}.total", "is for counts; percentages are of 100"))
        return None
    total = None if total_raw is None else _whole(total_raw, f"{path}.total", file, problems)
    if len(problems) > before or not_answered is None:
        return None
    rest = tuple(c for c in order if c not in seen)
    given = sum((value for _, value in units), Fraction(0))
    whole_of = Fraction(total) if total is not None else (Fraction(100) if not by_count else None)
    tolerance = Fraction(0) if by_count else percent_tolerance(len(units) + (1 if not_answered else 0), precision)
    if rest:
        if whole_of is None:
            problems.append(
                Problem(
                    file,
                    f"{path}.total",
                    f"is needed: the groups leave out {', '.join(rest)}, whose figure is what is left of the total",
                )
            )
            return None
        remainder = whole_of - not_answered - given
        if remainder < -tolerance:
            problems.append(
                Problem(file, where, f"add up to more than the {'total' if by_count else '100%'} with not_answered")
            )
            return None
        units.append((rest, max(remainder, Fraction(0))))
    elif whole_of is not None and abs(given + not_answered - whole_of) > tolerance:
        what = f"the total {total}" if by_count else "100"
        problems.append(
            Problem(file, where, f"add up to {float(given + not_answered):g} with not_answered; expected {what}")
        )
        return None
    answered = sum((value for _, value in units), Fraction(0))
    if answered == 0:
        problems.append(Problem(file, where, "add up to 0; a baseline needs people in it"))
        return None
    if source is None:
        return None
    units.sort(key=lambda unit: order.index(unit[0][0]))
    return CharacteristicBaseline(
        characteristic=characteristic,
        shares={unit_key(cats): value / answered for cats, value in units},
        source=source,
        population=population,
        counts={unit_key(cats): int(value) for cats, value in units} if by_count else None,
        not_answered=int(not_answered) if by_count else None,
        total=total,
        precision=None if by_count else precision,
        units=tuple(cats for cats, _ in units),
    )


def _from_counts(
    characteristic: Characteristic,
    counts: dict[str, int],
    not_answered: int | None,
    total: int | None,
    source: BaselineSource | None,
    population: str,
    path: str,
    file: str,
    problems: list[Problem],
) -> CharacteristicBaseline | None:
    not_answered = not_answered or 0
    if total is not None and sum(counts.values()) + not_answered != total:
        problems.append(
            Problem(
                file,
                f"{path}.total",
                f"is {total}, but the counts and not_answered add up to {sum(counts.values()) + not_answered}",
            )
        )
        return None
    if sum(counts.values()) == 0:
        problems.append(Problem(file, f"{path}.counts", "add up to 0; a baseline needs people in it"))
        return None
    if source is None:
        return None
    return CharacteristicBaseline(
        characteristic=characteristic,
        shares=shares_from_counts(counts),
        source=source,
        population=population,
        counts=dict(counts),
        not_answered=not_answered,
        total=total,
    )


def _from_percentages(
    characteristic: Characteristic,
    percentages: dict[str, Fraction],
    not_answered: Fraction,
    source: BaselineSource | None,
    population: str,
    path: str,
    file: str,
    problems: list[Problem],
    precision: Fraction | None = None,
) -> CharacteristicBaseline | None:
    whole = sum(percentages.values(), Fraction(0)) + not_answered
    tolerance = percent_tolerance(len(percentages) + (1 if not_answered else 0), precision)
    if abs(whole - 100) > tolerance:
        problems.append(
            Problem(file, f"{path}.percentages", f"add up to {float(whole):g} with not_answered; expected 100")
        )
        return None
    answered = sum(percentages.values(), Fraction(0))
    if answered == 0:
        problems.append(Problem(file, f"{path}.percentages", "add up to 0; a baseline needs people in it"))
        return None
    if source is None:
        return None
    return CharacteristicBaseline(
        characteristic=characteristic,
        shares={k: v / answered for k, v in percentages.items()},
        source=source,
        population=population,
        precision=precision,
    )


def _characteristic(key: Any, path: str, file: str, problems: list[Problem]) -> Characteristic | None:
    text = str(key).replace("-", "_")
    try:
        return Characteristic(text)
    except ValueError:
        known = ", ".join(c.value for c in Characteristic)
        problems.append(Problem(file, path, f"is not a monitored characteristic ({known})"))
        return None


def _numbers(
    raw: Any,
    characteristic: Characteristic,
    path: str,
    file: str,
    problems: list[Problem],
    *,
    whole: bool = False,
) -> dict[str, Fraction] | None:
    if not isinstance(raw, dict):
        problems.append(Problem(file, path, "expected a mapping from category to number"))
        return None
    categories = characteristic.answer_categories
    found: dict[str, Fraction] = {}
    for key, value in raw.items():
        where = f"{path}.{key}"
        if key not in categories:
            problems.append(
                Problem(file, where, f"is not a {characteristic.label} category ({', '.join(categories)})")
            )
            continue
        number = _whole(value, where, file, problems) if whole else _number(value, where, file, problems)
        if number is not None:
            found[str(key)] = Fraction(number)
    missing = [c for c in categories if c not in raw]
    if missing:
        problems.append(
            Problem(file, path, f"lacks {', '.join(missing)}; give every category (0 where nobody is in it)")
        )
        return None
    return found


def _whole(value: Any, path: str, file: str, problems: list[Problem]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append(Problem(file, path, f"expected a whole number of people, 0 or more; got {value!r}"))
        return None
    return value


def _number(value: Any, path: str, file: str, problems: list[Problem]) -> Fraction | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problems.append(Problem(file, path, f"expected a number, 0 or more; got {value!r}"))
        return None
    try:
        number = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError):
        problems.append(Problem(file, path, f"expected a number, 0 or more; got {value!r}"))
        return None
    if number < 0:
        problems.append(Problem(file, path, f"expected a number, 0 or more; got {value!r}"))
        return None
    return number


def _text(
    data: Mapping[str, Any], key: str, path: str, file: str, problems: list[Problem], *, required: bool = False
) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.append(Problem(file, f"{path}.{key}", "is missing"))
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, f"{path}.{key}", "expected text"))
        return None
    return value.strip()


def _source(raw: Any, path: str, file: str, problems: list[Problem]) -> BaselineSource | None:
    if not isinstance(raw, dict):
        problems.append(
            Problem(file, path, "expected a mapping with table (e.g. TS030) or title, released, url and note")
        )
        return None
    for key in sorted(set(raw) - {"table", "title", "released", "url", "note"}):
        problems.append(Problem(file, f"{path}.{key}", "is not a source field (table, title, released, url, note)"))
    released = raw.get("released")
    if isinstance(released, date):
        released = released.isoformat()
    fields: dict[str, str | None] = {}
    for key, value in (
        ("table", raw.get("table")),
        ("title", raw.get("title")),
        ("released", released),
        ("url", raw.get("url")),
        ("note", raw.get("note")),
    ):
        if value is not None and not isinstance(value, str):
            problems.append(Problem(file, f"{path}.{key}", "expected text"))
            value = None
        fields[key] = value.strip() if isinstance(value, str) and value.strip() else None
    if fields["table"] is None and fields["title"] is None:
        problems.append(
            Problem(
                file,
                f"{path}.table",
                "is missing; name the table every figure comes from (or give the title of the bulletin they were "
                "read in)",
            )
        )
        return None
    return BaselineSource(fields["table"], fields["title"], fields["released"], fields["url"], fields["note"])


# --- CSV --------------------------------------------------------------------------------------------------------

CSV_COLUMNS = ("characteristic", "category", "count", "percentage", "table", "title", "released", "url", "population")
"""The columns a baseline CSV file may have (``docs/baselines.md``); any other is a problem."""


def parse_csv(text: str, file: str, *, default_name: str = "baseline") -> Baseline:
    """Build a baseline from CSV text: one row per category, ``not-answered`` rows for those who did not answer.

    Lines starting ``#`` before the header may give ``# name: ...``, ``# area: ...`` and ``# description: ...``.
    """
    meta: dict[str, str] = {}
    body: list[str] = []
    for line in text.splitlines():
        if not body and line.startswith("#"):
            field, _, text_value = line[1:].partition(":")
            if field.strip() in {"name", "area", "description"}:
                meta[field.strip()] = text_value.strip()
            continue
        body.append(line)
    reader = csv.DictReader(io.StringIO("\n".join(body)))
    problems: list[Problem] = []
    header = [h.strip() for h in (reader.fieldnames or [])]
    for required in ("characteristic", "category", "table"):
        if required not in header:
            problems.append(Problem(file, "header", f"lacks the column {required!r}"))
    if ("count" in header) == ("percentage" in header):
        problems.append(Problem(file, "header", "needs exactly one of the columns 'count' and 'percentage'"))
    for name in header:
        if name not in CSV_COLUMNS:
            problems.append(Problem(file, "header", f"{name!r} is not a column ({', '.join(CSV_COLUMNS)})"))
    if problems:
        raise BaselineError(problems)
    value_column = "count" if "count" in header else "percentage"
    grouped: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(reader, start=2 + len(text.splitlines()) - len(body)):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not any(row.values()):
            continue
        key = row["characteristic"]
        figures = grouped.setdefault(key, {"source": {}, value_column: {}})
        for field in ("table", "title", "released", "url"):
            if row.get(field) and field not in figures["source"]:
                figures["source"][field] = row[field]
        if row.get("population") and "population" not in figures:
            figures["population"] = row["population"]
        raw_value = row.get(value_column, "")
        value: Any = raw_value
        if value_column == "count":
            value = int(raw_value) if raw_value.isdigit() else raw_value
        category = row["category"]
        if category == NOT_ANSWERED:
            figures["not_answered"] = value
        elif category in figures[value_column]:
            problems.append(Problem(file, f"line {number}", f"repeats the category {category!r} of {key!r}"))
        else:
            figures[value_column][category] = value
    if value_column == "percentage":
        for figures in grouped.values():
            figures["percentages"] = figures.pop("percentage")
    else:
        for figures in grouped.values():
            figures["counts"] = figures.pop("count")
    if problems:
        raise BaselineError(problems)
    data: dict[str, Any] = {
        "name": meta.get("name") or default_name,
        "area": meta.get("area") or meta.get("name") or default_name,
        "characteristics": grouped,
    }
    if meta.get("description"):
        data["description"] = meta["description"]
    return parse_yaml(yaml.safe_dump(data, sort_keys=False), file)


# --- From a census table download ------------------------------------------------------------------------------


def figures_from_table(
    text: str,
    file: str,
    *,
    geography_code: str,
    characteristic: Characteristic,
    columns: Mapping[str, str],
    source: Mapping[str, str | None],
    population: str = "",
    total_column: str | None = None,
    geography_column: str = "geography code",
) -> dict[str, Any]:
    """One characteristic's figures, in the baseline YAML shape, from a wide census table download.

    ONS bulk downloads (e.g. Nomis ``census2021-ts021.zip``) hold one CSV per geography level with a row per
    area and a column per category. ``columns`` maps a column header to a category key of ``characteristic``
    or to ``not-answered``; several columns may map to one category and are added up (e.g. TS038's two "not
    disabled" columns). With ``total_column``, the mapped columns must add up to it exactly, so a column left out
    or counted twice is caught. Raises :class:`BaselineError` naming the file and what is wrong.

    The result can be written under ``characteristics:`` in a baseline YAML file (docs/baselines.md).
    """
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    problems: list[Problem] = []
    for name in [geography_column, *columns, *([total_column] if total_column else [])]:
        if name not in header:
            problems.append(Problem(file, "header", f"has no column {name!r}"))
    categories = set(characteristic.answer_categories)
    for name, category in columns.items():
        if category != NOT_ANSWERED and category not in categories:
            problems.append(
                Problem(file, f"columns[{name!r}]", f"{category!r} is not a {characteristic.label} category")
            )
    unmapped = sorted(categories - set(columns.values()))
    if unmapped:
        problems.append(Problem(file, "columns", f"map no column to {', '.join(unmapped)}"))
    if problems:
        raise BaselineError(problems)
    rows = [row for row in reader if (row.get(geography_column) or "").strip() == geography_code]
    if len(rows) != 1:
        found = "no row" if not rows else f"{len(rows)} rows"
        raise BaselineError([Problem(file, geography_column, f"has {found} for {geography_code!r}; expected one")])
    row = rows[0]
    counts = dict.fromkeys(characteristic.answer_categories, 0)
    not_answered = 0
    for name, category in columns.items():
        value = _cell_count(row[name], file, name, problems)
        if category == NOT_ANSWERED:
            not_answered += value
        else:
            counts[category] += value
    total = _cell_count(row[total_column], file, total_column, problems) if total_column else None
    if problems:
        raise BaselineError(problems)
    if total is not None and sum(counts.values()) + not_answered != total:
        raise BaselineError(
            [
                Problem(
                    file,
                    str(total_column),
                    f"is {total} for {geography_code}, but the mapped columns add up to "
                    f"{sum(counts.values()) + not_answered}: a column is missing or counted twice",
                )
            ]
        )
    figures: dict[str, Any] = {
        "source": {key: source.get(key) for key in ("table", "title", "released", "url")},
        "population": population,
        "counts": counts,
    }
    if not_answered:
        figures["not_answered"] = not_answered
    if total is not None:
        figures["total"] = total
    return figures


def _cell_count(raw: str | None, file: str, column: str, problems: list[Problem]) -> int:
    text = (raw or "").strip().replace(",", "")
    if not text.isdigit():
        problems.append(Problem(file, column, f"expected a whole number of people; got {raw!r}"))
        return 0
    return int(text)
