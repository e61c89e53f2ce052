"""The Census 2021 tables the diversity audit uses, and how their columns map to the audit's categories.

Plain data and pure functions (no file is read here): :mod:`coproduction.io.census_import` reads the Nomis bulk
downloads with them. Column wording is that of the Nomis bulk files of Census 2021 topic summaries
(https://www.nomisweb.co.uk/sources/census_2021_bulk): ``<Variable>: <Category>``, sub-categories after a further
colon (``Ethnic group: White: Irish``), sometimes followed by ``; measures: Value``. The mapping to category keys is
that of ``docs/baselines-sources.md``, "Category-key mapping". Labels are compared by :func:`words`, without regard
to case, punctuation or spacing, since ONS wording varies between tables and releases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from coproduction.audit.labels import AGE_YEARS
from coproduction.io.baselines import NOT_ANSWERED
from coproduction.models.diversity import Characteristic

#: The ONS page of a Census 2021 dataset, e.g. TS021.
DATASET_URL: Final = "https://www.ons.gov.uk/datasets/{table}/editions/2021/versions/1"

#: The upper end of an open age band ("85 years and over").
OPEN: Final = 1_000_000

#: The audit's age bands: first and last year of each (the audit's own table, with OPEN for "and over").
AGE_BANDS: Final[dict[str, tuple[int, int]]] = {
    band: (first, OPEN if last is None else last) for band, (first, last) in AGE_YEARS.items()
}


def words(text: str) -> str:
    """``"Day-to-day activities: limited a lot"`` -> ``"day to day activities limited a lot"``: case, punctuation
    and spacing dropped, so that headers match however ONS punctuated them."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def path(label: str) -> tuple[str, ...]:
    """A column label's levels, each as :func:`words`: ``"White: Irish"`` -> ``("white", "irish")``."""
    return tuple(level for part in label.split(":") if (level := words(part)))


@attrs.frozen
class TableSpec:
    """What the importer knows of one Census 2021 table: its characteristic, population and column mapping.

    ``columns`` maps a column label (without the ``<Variable>: `` prefix, as :func:`path` reads it) to a category
    key or ``not-answered``; several labels may map to one key (alternative wordings, or columns that are added
    up). ``subtotals`` are labels recognised and never counted. An age table (``by_age``) is read by the years
    each column covers instead.
    """

    table: str
    title: str
    characteristic: Characteristic
    population: str
    variable: str  # as ONS writes it: "Ethnic group"
    variables: tuple[str, ...]  # every wording of it, as :func:`words` reads them
    columns: Mapping[tuple[str, ...], str] = attrs.field(factory=dict)
    subtotals: frozenset[tuple[str, ...]] = frozenset()
    by_age: bool = False
    examples: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def url(self) -> str:
        """The table's page on the ONS website."""
        return DATASET_URL.format(table=self.table)

    @property
    def source(self) -> dict[str, str | None]:
        """The table as a baseline's ``source`` (docs/baselines.md, "YAML format"); the release date is left for
        the reader to fill in from the table's page."""
        return {"table": self.table, "title": self.title, "released": None, "url": self.url}


def _spec(
    table: str,
    title: str,
    characteristic: Characteristic,
    population: str,
    variables: Sequence[str],
    columns: Mapping[str, str] | None = None,
    subtotals: Iterable[str] = (),
    *,
    by_age: bool = False,
) -> TableSpec:
    mapping: dict[tuple[str, ...], str] = {}
    examples: dict[str, str] = {}
    for label, key in (columns or {}).items():
        mapping[path(label)] = key
        examples.setdefault(key, f"{variables[0]}: {label}")
    return TableSpec(
        table=table,
        title=title,
        characteristic=characteristic,
        population=population,
        variable=variables[0],
        variables=tuple(words(v) for v in variables),
        columns=mapping,
        subtotals=frozenset(path(s) for s in subtotals),
        by_age=by_age,
        examples=examples,
    )


_ALL = "all usual residents"
_RELIGION = {
    "No religion": "no-religion",
    "Christian": "christian",
    "Buddhist": "buddhist",
    "Hindu": "hindu",
    "Jewish": "jewish",
    "Muslim": "muslim",
    "Sikh": "sikh",
    "Other religion": "other-religion",
    "Not answered": NOT_ANSWERED,
    "Religion not stated": NOT_ANSWERED,
    "Not stated": NOT_ANSWERED,
}

#: The tables the audit uses, by id. Column wording as in the Nomis bulk files (2023 release); mapping as in
#: docs/baselines-sources.md, "Category-key mapping". First label per key is the one quoted in messages.
KNOWN_TABLES: Final[Mapping[str, TableSpec]] = {
    spec.table: spec
    for spec in (
        _spec("TS007", "Age by single year", Characteristic.AGE, _ALL, ["Age"], by_age=True),
        _spec("TS007A", "Age by five-year age bands", Characteristic.AGE, _ALL, ["Age"], by_age=True),
        _spec("TS008", "Sex", Characteristic.SEX, _ALL, ["Sex"], {"Female": "female", "Male": "male"}),
        _spec(
            "TS021",
            "Ethnic group",
            Characteristic.ETHNIC_GROUP,
            _ALL,
            ["Ethnic group"],
            {
                "Asian, Asian British or Asian Welsh": "asian",
                "Asian or Asian British": "asian",
                "Black, Black British, Black Welsh, Caribbean or African": "black",
                "Black, African, Caribbean or Black British": "black",
                "Mixed or Multiple ethnic groups": "mixed",
                "White": "white",
                "Other ethnic group": "other",
            },
        ),
        _spec("TS030", "Religion", Characteristic.RELIGION, _ALL, ["Religion"], _RELIGION),
        _spec("TS031", "Religion (detailed)", Characteristic.RELIGION, _ALL, ["Religion (detailed)"], _RELIGION),
        _spec(
            "TS038",
            "Disability",
            Characteristic.DISABILITY,
            _ALL,
            ["Disability"],
            {
                "Disabled under the Equality Act: Day-to-day activities limited a lot": "disabled-limited-a-lot",
                "Disabled under the Equality Act: Day-to-day activities limited a little": "disabled-limited-a-little",
                "Not disabled under the Equality Act": "not-disabled",
            },
        ),
        _spec(
            "TS039",
            "Provision of unpaid care",
            Characteristic.UNPAID_CARE,
            "usual residents aged 5 years and over",
            ["Provision of unpaid care", "Unpaid care"],
            {
                "Provides no unpaid care": "none",
                "Provides 9 hours or less unpaid care a week": "9-hours-or-less",
                "Provides 10 to 19 hours unpaid care a week": "10-to-19-hours",
                "Provides 20 to 34 hours unpaid care a week": "20-to-34-hours",
                "Provides 35 to 49 hours unpaid care a week": "35-to-49-hours",
                "Provides 50 or more hours unpaid care a week": "50-hours-or-more",
            },
            subtotals=(
                "Provides 19 hours or less unpaid care a week",
                "Provides 19 or less hours unpaid care a week",
                "Provides 20 to 49 hours unpaid care a week",
            ),
        ),
        _spec(
            "TS077",
            "Sexual orientation",
            Characteristic.SEXUAL_ORIENTATION,
            "usual residents aged 16 years and over",
            ["Sexual orientation"],
            {
                "Straight or Heterosexual": "straight",
                "Gay or Lesbian": "gay-or-lesbian",
                "Bisexual": "bisexual",
                "All other sexual orientations": "other-orientation",
                "Not answered": NOT_ANSWERED,
            },
        ),
        _spec(
            "TS078",
            "Gender identity",
            Characteristic.GENDER_IDENTITY,
            "usual residents aged 16 years and over",
            ["Gender identity"],
            {
                "Gender identity the same as sex registered at birth": "same-as-sex-at-birth",
                "Gender identity different from sex registered at birth but no specific identity given": (
                    "different-no-identity-given"
                ),
                "Trans woman": "trans-woman",
                "Trans man": "trans-man",
                "All other gender identities": "other-identity",
                "Non-binary": "other-identity",
                "Not answered": NOT_ANSWERED,
            },
        ),
    )
}


_AGE_PATTERNS: Final = (
    (re.compile(r"(?:aged )?under (\d+)(?: years?)?"), lambda a, b: (0, a - 1)),
    (re.compile(r"(?:aged )?(\d+)(?: years?)? and under"), lambda a, b: (0, a)),
    (re.compile(r"(?:aged )?(\d+)(?: years?)? (?:and|or) over"), lambda a, b: (a, OPEN)),
    (re.compile(r"(?:aged )?(\d+)(?: years?)? plus"), lambda a, b: (a, OPEN)),
    (re.compile(r"(?:aged )?(\d+) to (\d+)(?: years?)?"), lambda a, b: (a, b)),
    (re.compile(r"(?:aged )?(\d+)(?: years?)?"), lambda a, b: (a, a)),
)


def age_span(label: str) -> tuple[int, int] | None:
    """The first and last year of an age column: ``"Aged 16 to 19 years"`` -> ``(16, 19)``; ``"Aged 85 years and
    over"`` -> ``(85, OPEN)``; ``"Aged under 1 year"`` -> ``(0, 0)``; ``"Aged 90+"`` -> ``(90, OPEN)``. ``None``
    for a label that is not an age."""
    text = words(label.replace("+", " plus "))
    for pattern, span in _AGE_PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        numbers = [int(g) for g in found.groups() if g is not None]
        if any(n > 200 for n in numbers):
            return None
        first, last = span(numbers[0], numbers[-1])
        return (first, last) if 0 <= first <= last else None
    return None


def years(first: int, last: int) -> str:
    """Ages in words: ``years(16, 19)`` -> ``"16 to 19"``, ``years(85, OPEN)`` -> ``"85 and over"``."""
    if last >= OPEN:
        return f"{first} and over"
    return str(first) if first == last else f"{first} to {last}"
