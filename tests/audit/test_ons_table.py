"""Turning a wide census table download into baseline figures (the recipe in docs/baselines.md).

The table here is synthetic, shaped like an ONS bulk download: a row per area, a column per category, a total
column, and detailed sub-category columns that must not be counted twice.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import yaml

from coproduction.audit.errors import BaselineError
from coproduction.io.baselines import figures_from_table, parse_yaml
from coproduction.models import Characteristic

TABLE = (
    'date,geography,geography code,"Ethnic group: Total: All usual residents",'
    '"Ethnic group: Asian, Asian British or Asian Welsh","Ethnic group: Asian, Asian British or Asian Welsh: Indian",'
    '"Ethnic group: Black, Black British, Black Welsh, Caribbean or African",'
    '"Ethnic group: Mixed or Multiple ethnic groups","Ethnic group: White","Ethnic group: Other ethnic group"\n'
    "2021,Testshire,E99999999,1000,100,60,50,30,800,20\n"
    "2021,Elsewhere,E99999998,10,1,1,1,1,6,1\n"
)
PREFIX = "Ethnic group: "
COLUMNS = {
    PREFIX + "Asian, Asian British or Asian Welsh": "asian",
    PREFIX + "Black, Black British, Black Welsh, Caribbean or African": "black",
    PREFIX + "Mixed or Multiple ethnic groups": "mixed",
    PREFIX + "White": "white",
    PREFIX + "Other ethnic group": "other",
}
SOURCE = {"table": "TS021", "title": "Ethnic group", "released": "2022-11-29", "url": None}


def figures(**changes: object) -> dict[str, object]:
    arguments: dict[str, object] = {
        "geography_code": "E99999999",
        "characteristic": Characteristic.ETHNIC_GROUP,
        "columns": COLUMNS,
        "source": SOURCE,
        "population": "all usual residents",
        "total_column": PREFIX + "Total: All usual residents",
    }
    arguments.update(changes)
    return figures_from_table(TABLE, "ts021.csv", **arguments)  # type: ignore[arg-type]


def test_a_table_row_becomes_a_baseline() -> None:
    found = figures()
    assert found["counts"] == {"asian": 100, "black": 50, "mixed": 30, "white": 800, "other": 20}
    assert found["total"] == 1000
    document = yaml.safe_dump({"name": "testshire", "area": "Testshire", "characteristics": {"ethnic_group": found}})
    ethnic = parse_yaml(document, "testshire.yaml").get(Characteristic.ETHNIC_GROUP)
    assert ethnic is not None
    assert ethnic.share("white") == Fraction(8, 10)
    assert ethnic.source.table == "TS021"


def test_a_sub_category_counted_twice_is_caught_by_the_total() -> None:
    columns = {**COLUMNS, PREFIX + "Asian, Asian British or Asian Welsh: Indian": "asian"}
    with pytest.raises(BaselineError, match="add up to 1060: a column is missing or counted twice"):
        figures(columns=columns)


def test_a_category_with_no_column_is_refused() -> None:
    columns = {k: v for k, v in COLUMNS.items() if v != "other"}
    with pytest.raises(BaselineError, match="map no column to other"):
        figures(columns=columns)


def test_unknown_area_and_column_are_named() -> None:
    with pytest.raises(BaselineError, match="no row for 'E00000000'"):
        figures(geography_code="E00000000")
    with pytest.raises(BaselineError, match="has no column 'Ethnic group: Purple'"):
        figures(columns={**COLUMNS, PREFIX + "Purple": "other"})
