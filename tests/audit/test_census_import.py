"""Census 2021 tables downloaded from Nomis to a baseline for one area (coproduction.io.census_import).

The tables in tests/data/census/ have the Nomis shape and wording with MADE-UP numbers (see the README there).
Each error has a case that fires and a case that must stay silent; a Hypothesis property feeds tables of any
content in that shape and requires a baseline or a BaselineError, the same each time.
"""

from __future__ import annotations

import csv
import io
import itertools
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.errors import BaselineError
from coproduction.io.baselines import parse_yaml
from coproduction.io.census_import import (
    ImportedBaseline,
    baseline_name,
    import_files,
    import_tables,
    read_tables,
    render_yaml,
    table_id,
)
from coproduction.io.census_tables import AGE_BANDS, KNOWN_TABLES, OPEN, age_span, path
from coproduction.models import Characteristic

DATA = Path(__file__).resolve().parents[1] / "data" / "census"
TS007, TS007A, TS008, TS021 = (DATA / f"census2021-{t}-utla.csv" for t in ("ts007", "ts007a", "ts008", "ts021"))
ALL_FILES = sorted(DATA.glob("census2021-*.csv"))


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def one(path: Path, content: str | None = None, **options: Any) -> dict[str, Any]:
    """The figures of the only characteristic imported from ``path`` (or from ``content`` under its name)."""
    options.setdefault("name", "oxfordshire")
    imported = import_tables([(path.name, text(path) if content is None else content)], **options)
    assert len(imported.characteristics) == 1
    return dict(imported.characteristics[0].figures)


def problems(files: list[tuple[str, str]], **options: Any) -> list[str]:
    options.setdefault("name", "oxfordshire")
    with pytest.raises(BaselineError) as caught:
        import_tables(files, **options)
    return [str(p) for p in caught.value.problems]


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text(path))))


def to_csv(table: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


def edited(path: Path, row: int, column: str, value: str) -> str:
    """``path``'s text with one cell changed (``row`` 0 is the header)."""
    table = rows(path)
    table[row][table[0].index(column)] = value
    return to_csv(table)


# --- every known table maps to the audit's categories ---------------------------------------------------------


def test_file_names_give_the_table() -> None:
    assert table_id("census2021-ts021-utla.csv") == "TS021"
    assert table_id("downloads/CENSUS2021-TS007A-LTLA.CSV") == "TS007A"
    assert table_id("census2021-ts021-utla (1).csv") == "TS021"
    assert table_id("ethnicity.csv") is None


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("ts008", {"counts": {"female": 510, "male": 490}, "total": 1000}),
        ("ts021", {"counts": {"asian": 78, "black": 29, "mixed": 17, "white": 275, "other": 16}, "total": 415}),
        (
            "ts030",
            {
                "counts": {
                    "no-religion": 40,
                    "christian": 300,
                    "buddhist": 2,
                    "hindu": 14,
                    "jewish": 3,
                    "muslim": 32,
                    "sikh": 4,
                    "other-religion": 9,
                },
                "not_answered": 30,
                "total": 434,
            },
        ),
        (
            "ts038",
            {
                "counts": {"disabled-limited-a-lot": 8, "disabled-limited-a-little": 80, "not-disabled": 798},
                "total": 886,
            },
        ),
        (
            "ts039",
            {
                "counts": {
                    "none": 800,
                    "9-hours-or-less": 40,
                    "10-to-19-hours": 15,
                    "20-to-34-hours": 10,
                    "35-to-49-hours": 12,
                    "50-hours-or-more": 30,
                },
                "total": 907,
            },
        ),
        (
            "ts077",
            {
                "counts": {"straight": 90, "gay-or-lesbian": 12, "bisexual": 4, "other-orientation": 7},
                "not_answered": 24,
                "total": 137,
            },
        ),
        (
            "ts078",
            {
                "counts": {
                    "same-as-sex-at-birth": 90,
                    "different-no-identity-given": 6,
                    "trans-woman": 2,
                    "trans-man": 7,
                    "other-identity": 3,
                },
                "not_answered": 48,
                "total": 156,
            },
        ),
    ],
)
def test_each_table_maps_its_top_level_columns(table: str, expected: dict[str, Any]) -> None:
    figures = one(DATA / f"census2021-{table}-utla.csv")
    spec = KNOWN_TABLES[table.upper()]
    assert {k: v for k, v in figures.items() if k not in ("source", "population")} == expected
    assert figures["source"]["table"] == spec.table
    assert figures["source"]["title"] == spec.title
    assert figures["source"]["url"] == f"https://www.ons.gov.uk/datasets/{spec.table}/editions/2021/versions/1"
    assert f"census2021-{table}-utla.csv" in figures["source"]["note"]
    assert figures["population"] == spec.population


def test_populations_recorded() -> None:
    assert KNOWN_TABLES["TS077"].population == "usual residents aged 16 years and over"
    assert KNOWN_TABLES["TS078"].population == "usual residents aged 16 years and over"
    assert KNOWN_TABLES["TS039"].population == "usual residents aged 5 years and over"
    assert KNOWN_TABLES["TS021"].population == "all usual residents"


def test_detailed_religion_counts_top_level_rows_only() -> None:
    figures = one(DATA / "census2021-ts031-utla.csv")  # "Muslim " with ONS's trailing space; 50 detail columns
    assert figures["counts"]["muslim"] == 12
    assert figures["counts"]["other-religion"] == 264  # the parent, not its 44 sub-columns as well
    assert sum(figures["counts"].values()) + figures["not_answered"] == figures["total"]


def test_ethnic_group_never_counts_the_detailed_sub_columns() -> None:
    # Perturbed detail (as ONS cell-key perturbation may leave it): the sub-columns no longer add up to "White".
    content = edited(TS021, 1, "Ethnic group: White: Irish", "999")
    assert one(TS021, content)["counts"]["white"] == 275
    # Silent: the standard file.
    assert one(TS021)["counts"]["white"] == 275


def test_unpaid_care_subtotals_are_not_counted() -> None:
    # TS039's "19 hours or less" is 9-or-less + 10-to-19 without being a sub-column of either; counting it would
    # break the total, so a file where it disagrees still imports from the leaf columns.
    path = DATA / "census2021-ts039-utla.csv"
    content = edited(path, 1, "Provision of unpaid care: Provides 19 hours or less unpaid care a week", "7")
    assert one(path, content)["counts"]["9-hours-or-less"] == 40


# --- age: single years, TS007's subtotals, TS007A's five-year bands ----------------------------------------------

AGE_COUNTS = {
    "under-16": 222,
    "16-24": 128,
    "25-34": 140,
    "35-49": 210,
    "50-64": 190,
    "65-74": 100,
    "75-84": 100,
    "85-plus": 46,
}


def test_ts007_subtotals_give_every_band() -> None:
    figures = one(TS007)
    assert figures["counts"] == AGE_COUNTS
    assert figures["total"] == 1136


def keep_columns(path: Path, keep: Any) -> str:
    table = rows(path)
    wanted = [i for i, name in enumerate(table[0]) if i < 3 or keep(name)]
    return to_csv([[r[i] for i in wanted] for r in table])


def single_year(header: str) -> bool:
    span = age_span(header.split(":")[1].split(";")[0])
    return "Total" in header or (span is not None and (span[0] == span[1] or span[0] == 100))


def test_ts007_single_years_alone_give_the_same_bands() -> None:
    assert one(TS007, keep_columns(TS007, single_year))["counts"] == AGE_COUNTS


def test_ts007_subtotals_alone_give_the_same_bands() -> None:
    subtotals = keep_columns(TS007, lambda name: any(w in name for w in ("Total", " to ", "and under", "85 years and")))
    assert one(TS007, subtotals)["counts"] == AGE_COUNTS


def test_ts007a_gives_groups_only_where_its_bands_add_up_to_the_audits() -> None:
    imported = import_tables([(TS007A.name, text(TS007A))], name="oxfordshire")
    figures = dict(imported.characteristics[0].figures)
    assert "counts" not in figures
    assert figures["groups"] == [
        {"name": "aged 25 to 34", "categories": ["25-34"], "count": 140},
        {"name": "aged 35 to 49", "categories": ["35-49"], "count": 210},
        {"name": "aged 50 to 64", "categories": ["50-64"], "count": 190},
        {"name": "aged 65 to 74", "categories": ["65-74"], "count": 100},
        {"name": "aged 75 to 84", "categories": ["75-84"], "count": 100},
        {"name": "aged 85 and over", "categories": ["85-plus"], "count": 46},
    ]
    assert figures["total"] == 1136
    grouped = [c for g in figures["groups"] for c in g["categories"]]
    assert "under-16" not in grouped
    assert "16-24" not in grouped  # 15-19 straddles 16: no invented split
    (note,) = imported.notes
    assert "under-16 and 16-24 are not compared one by one" in note
    assert "15 to 19" in note
    assert "under-16 and 16-24" in render_yaml(imported)  # the note is in the file too


def test_adults_only_leaves_the_under_16s_out_of_the_total() -> None:
    imported = import_tables([(TS007.name, text(TS007))], name="oxfordshire", adults_only=True)
    figures = dict(imported.characteristics[0].figures)
    assert figures["counts"] == {**AGE_COUNTS, "under-16": 0}
    assert figures["total"] == 1136 - 222
    assert figures["population"] == "usual residents aged 16 years and over"
    assert any("adults only" in note for note in imported.notes)
    age = parse_yaml(render_yaml(imported), "oxfordshire.yaml").get(Characteristic.AGE)
    assert age is not None
    assert age.share("under-16") == 0
    assert age.share("16-24") == Fraction(128, 1136 - 222)


def test_adults_only_is_silent_for_other_tables_and_refused_where_16_is_not_separate() -> None:
    plain = import_tables([(TS007.name, text(TS007))], name="oxfordshire")
    assert dict(plain.characteristics[0].figures)["counts"] == AGE_COUNTS  # without the flag: every age
    with pytest.raises(BaselineError, match="--adults-only needs the under-16s apart"):
        import_tables([(TS007A.name, text(TS007A))], name="oxfordshire", adults_only=True)


def test_ts007a_groups_load_as_a_baseline() -> None:
    imported = import_tables([(TS007A.name, text(TS007A))], name="oxfordshire")
    age = parse_yaml(render_yaml(imported), "oxfordshire.yaml").get(Characteristic.AGE)
    assert age is not None
    assert age.share("25-34") == Fraction(140, 1136)
    assert age.share("85-plus") == Fraction(46, 1136)
    assert "under-16" not in age.shares  # never a figure of its own
    assert "16-24" not in age.shares


def test_age_columns_are_read_by_the_years_they_cover() -> None:
    assert age_span("Aged under 1 year") == (0, 0)
    assert age_span("Aged 4 years and under") == (0, 4)
    assert age_span("aged 16 to 19 years") == (16, 19)
    assert age_span("Aged 85 years and over") == (85, OPEN)
    assert age_span("Aged 1 year") == (1, 1)
    assert age_span("Aged 90+") == (90, OPEN)
    assert age_span("Aged 19 to 16 years") is None
    assert age_span("Adults") is None


def test_age_columns_must_cover_every_age_once() -> None:
    gap = keep_columns(TS007A, lambda name: "20 to 24" not in name)  # the total is then wrong too: first things first
    assert any("has no column for ages 20 to 24" in p for p in problems([(TS007A.name, gap)]))
    table = rows(TS007A)
    table[0].append("Age: Aged 18 to 22 years")
    for row in table[1:]:
        row.append("0")
    overlap = to_csv(table)
    assert any(
        "'Age: Aged 18 to 22 years': overlaps another age column" in p for p in problems([(TS007A.name, overlap)])
    )
    unknown = edited(TS007A, 0, "Age: Aged 20 to 24 years", "Age: Young adults")
    assert any("column 'Age: Young adults': is not an age column" in p for p in problems([(TS007A.name, unknown)]))


def test_several_runs_of_inseparable_bands_are_kept_apart() -> None:
    content = "date,geography,geography code,Age: Total,Age: Aged 0 to 15 years,Age: Aged 16 to 49 years,"
    content += "Age: Aged 50 years and over\n2021,Oxfordshire,E99999901,10,2,3,5\n"
    imported = import_tables([("census2021-ts007a-utla.csv", content)], name="oxfordshire")
    assert imported.characteristics[0].figures["groups"] == [
        {"name": "aged under 16", "categories": ["under-16"], "count": 2},
        {"name": "aged 16 to 49", "categories": ["16-24", "25-34", "35-49"], "count": 3},
        {"name": "aged 50 and over", "categories": ["50-64", "65-74", "75-84", "85-plus"], "count": 5},
    ]
    assert len(imported.notes) == 2
    age = parse_yaml(render_yaml(imported), "age.yaml").get(Characteristic.AGE)
    assert age is not None
    assert age.share("16-24+25-34+35-49") == Fraction(3, 10)


def test_bands_that_line_up_with_no_audit_band_are_refused() -> None:
    content = "date,geography,geography code,Age: Total,Age: Aged 0 to 20 years,Age: Aged 21 years and over\n"
    content += "2021,Oxfordshire,E99999901,10,4,6\n"
    (message,) = problems([("census2021-ts007a-utla.csv", content)])
    assert "nothing can be compared" in message


# --- several files, one baseline ------------------------------------------------------------------------------


def test_several_files_become_one_baseline_in_a_fixed_order() -> None:
    paths = [str(p) for p in ALL_FILES if p.name not in (TS007A.name, "census2021-ts031-utla.csv")]
    imported = import_files(paths, name="Oxfordshire")
    assert [c.characteristic for c in imported.characteristics] == list(Characteristic)
    again = import_files(list(reversed(paths)), name="OXFORDSHIRE")
    assert render_yaml(again) == render_yaml(imported)
    loaded = parse_yaml(render_yaml(imported), "oxfordshire.yaml")
    assert set(loaded.characteristics) == set(Characteristic)
    assert loaded.name == "oxfordshire"
    assert loaded.area == "Oxfordshire"
    assert loaded.description == "Census 2021, ONS tables TS007, TS008, TS078, TS021, TS038, TS030, TS077 and TS039"
    one_table = import_tables([(TS008.name, text(TS008))], name="oxfordshire")
    assert one_table.description == "Census 2021, ONS table TS008"


def test_area_name_can_be_given_for_reports() -> None:
    imported = import_tables([(TS008.name, text(TS008))], name="oxfordshire", area="Oxfordshire County Council area")
    assert imported.area == "Oxfordshire County Council area"
    assert imported.geography == "Oxfordshire"


def test_the_document_is_what_the_yaml_holds() -> None:
    imported = import_tables([(TS008.name, text(TS008)), (TS021.name, text(TS021))], name="bristol, city of")
    assert yaml.safe_load(render_yaml(imported)) == imported.document()
    assert imported.name == "bristol-city-of"
    assert render_yaml(imported).startswith("# Population baseline for Bristol, City of (E99999902)")


def test_baseline_names() -> None:
    assert baseline_name("Bristol, City of") == "bristol-city-of"
    assert baseline_name("  Oxfordshire ") == "oxfordshire"
    assert baseline_name("!!!") == ""


# --- choosing the area -----------------------------------------------------------------------------------------


def test_name_matches_without_regard_to_case_or_punctuation() -> None:
    for name in ("oxfordshire", "OXFORDSHIRE", " Oxfordshire "):
        assert one(TS008, name=name)["total"] == 1000
    for name in ("Bristol, City of", "bristol city of", "BRISTOL,CITY OF"):
        assert one(TS008, name=name)["total"] == 990
    assert one(TS008, name="oxford")["total"] == 970  # Oxford, not Oxfordshire


def test_unknown_name_lists_close_matches() -> None:
    (message,) = problems([(TS008.name, text(TS008))], name="bristol")
    assert message.startswith("census2021-ts008-utla.csv: column 'geography': has no area called 'bristol'")
    assert "'Bristol, City of' (E99999902)" in message
    (message,) = problems([(TS008.name, text(TS008))], name="oxon")
    assert "'Oxford' (E99999904)" in message


def test_ambiguous_name_is_refused_and_a_code_settles_it() -> None:
    twice = text(TS008) + "2021,Testshire,E99999905,10,5,5\n"
    (message,) = problems([(TS008.name, twice)], name="testshire")
    assert "has 2 rows for 'testshire'" in message
    assert "E99999903" in message
    assert "E99999905" in message
    assert "--geography-code" in message
    # Silent: the code chooses one; the name then only names the baseline.
    assert one(TS008, twice, name="testshire", geography_code="E99999905")["total"] == 10
    assert one(TS008, twice, name="testshire", geography_code="e99999903")["total"] == 980


def test_unknown_or_repeated_code_is_refused() -> None:
    (message,) = problems([(TS008.name, text(TS008))], name="x", geography_code="E00000000")
    assert "column 'geography code': has no geography code 'E00000000'" in message
    twice = text(TS008) + "2021,Oxfordshire again,E99999901,10,5,5\n"
    (message,) = problems([(TS008.name, twice)], name="x", geography_code="E99999901")
    assert "has 2 rows for 'E99999901'" in message
    assert "the file should have one row per area" in message


def test_a_column_with_no_name_is_not_recognised() -> None:
    table = rows(TS021)
    table[0].append("Ethnic group:")
    for row in table[1:]:
        row.append("0")
    (message,) = problems([(TS021.name, to_csv(table))])
    assert "column 'Ethnic group:': is not a TS021 (Ethnic group) category" in message


def test_files_that_disagree_on_the_area_are_refused() -> None:
    other = text(TS021).replace("E99999902", "E99999909")
    messages = problems([(TS008.name, text(TS008)), (TS021.name, other)], name="bristol, city of")
    assert any(
        "(E99999909), but in census2021-ts008-utla.csv it is 'Bristol, City of' (E99999902)" in m for m in messages
    )
    assert import_tables([(TS008.name, text(TS008)), (TS021.name, text(TS021))], name="bristol, city of").code == (
        "E99999902"
    )


# --- errors: each fires on bad input and stays silent on good -------------------------------------------------


def test_unknown_table_is_named() -> None:
    (message,) = problems([("census2021-ts045-utla.csv", text(TS008))])
    assert "census2021-ts045-utla.csv: is table TS045, which has no category mapping here" in message
    assert "TS007A" in message
    (message,) = problems([("census2021-ts038asp-utla.csv", text(TS008))])
    assert "is table TS038ASP" in message


def test_file_without_a_table_in_its_name() -> None:
    (message,) = problems([("sex.csv", text(TS008))])
    assert "sex.csv: does not name its table" in message
    assert "census2021-ts021-utla.csv" in message


def test_unrecognised_columns_are_named() -> None:
    table = rows(TS008)
    table[0].append("Sex: Intersex")
    for row in table[1:]:
        row.append("0")
    (message,) = problems([(TS008.name, to_csv(table))])
    assert message.startswith("census2021-ts008-utla.csv: column 'Sex: Intersex': is not a TS008 (Sex) category")
    assert "'Sex: Female'" in message


def test_a_column_of_another_table_is_not_recognised() -> None:
    content = text(TS008).replace("Sex: Male; measures: Value", "Ethnic group: Male")
    messages = problems([(TS008.name, content)])
    assert any("column 'Ethnic group: Male': is not a TS008 (Sex) category" in m for m in messages)
    assert any("header: has no column for male" in m for m in messages)


def test_headers_are_matched_tolerantly() -> None:
    expected = one(TS008)["counts"]
    header = '"date","geography","geography code","sex: all persons","SEX:  female ","Sex : Male ;measures: value"'
    content = header + "\n" + text(TS008).split("\n", 1)[1]
    assert one(TS008, content)["counts"] == expected
    no_prefix = text(TS008).replace("Sex: Female; measures: Value", "Female")
    assert one(TS008, no_prefix)["counts"] == expected
    wording = text(DATA / "census2021-ts038-utla.csv").replace("Day-to-day", "Day to day").replace("Act:", "Act :")
    assert one(DATA / "census2021-ts038-utla.csv", wording)["counts"]["disabled-limited-a-lot"] == 8


def test_totals_that_do_not_add_up_are_refused() -> None:
    content = edited(TS008, 1, "Sex: All persons; measures: Value", "1001")
    (message,) = problems([(TS008.name, content)])
    assert message.startswith("census2021-ts008-utla.csv: row 2: the columns counted add up to 1000")
    assert "'Sex: All persons; measures: Value' is 1001" in message
    # Silent: another area's bad total does not matter to this one.
    assert one(TS008, edited(TS008, 2, "Sex: All persons; measures: Value", "1"))["total"] == 1000


def test_non_numeric_cells_are_refused() -> None:
    for bad in ("x", "", "-5", "10.5", "1,00", "²"):
        content = edited(TS008, 1, "Sex: Female; measures: Value", bad)
        (message,) = problems([(TS008.name, content)])
        assert message.startswith(
            "census2021-ts008-utla.csv: row 2, column 'Sex: Female; measures: Value': expected a whole number"
        ), bad
    # Silent: thousands separators and spaces, and bad cells in other areas' rows.
    total = edited(TS008, 1, "Sex: All persons; measures: Value", "1,000")
    assert one(TS008, total)["total"] == 1000
    assert one(TS008, edited(TS008, 1, "Sex: Female; measures: Value", " 510 "))["counts"]["female"] == 510
    assert one(TS008, edited(TS008, 3, "Sex: Female; measures: Value", "x"))["total"] == 1000


def test_missing_category_column_is_named() -> None:
    content = keep_columns(TS008, lambda name: "Male" not in name)
    messages = problems([(TS008.name, content)])
    assert any("header: has no column for male (expected e.g. 'Sex: Male')" in m for m in messages)


def test_missing_total_and_geography_columns() -> None:
    no_total = keep_columns(TS008, lambda name: "All persons" not in name)
    assert any("has no total column (e.g. 'Sex: All persons')" in m for m in problems([(TS008.name, no_total)]))
    no_code = text(TS008).replace('"geography code"', '"area code"')
    assert any("header: has no 'geography code' column" in m for m in problems([(TS008.name, no_code)]))


def test_duplicate_columns_and_ragged_rows() -> None:
    table = rows(TS008)
    table[0].append(table[0][4])
    for row in table[1:]:
        row.append("1")
    assert any(
        "column 'Sex: Female; measures: Value': appears twice" in m for m in problems([(TS008.name, to_csv(table))])
    )
    ragged = text(TS008).replace("2021,Testshire,E99999903,980,530,450", "2021,Testshire,E99999903,980,530")
    assert any("row 4: has 5 cells; the header has 6 columns" in m for m in problems([(TS008.name, ragged)]))


def test_two_tables_for_one_characteristic_are_refused() -> None:
    files = [(p.name, text(p)) for p in (DATA / "census2021-ts030-utla.csv", DATA / "census2021-ts031-utla.csv")]
    assert any("gives religion (TS031), as census2021-ts030-utla.csv (TS030) does" in m for m in problems(files))


def test_empty_files_are_refused() -> None:
    for content in ("", "\n\n", "\ufeff", " , , \n"):
        (message,) = problems([(TS008.name, content)])
        assert message.startswith("census2021-ts008-utla.csv: is empty"), repr(content)
    header_only = text(TS008).split("\n", 1)[0] + "\n"
    assert problems([(TS008.name, header_only)]) == ["census2021-ts008-utla.csv: has a header but no rows of figures"]


def test_a_byte_order_mark_and_windows_line_endings_are_read() -> None:
    expected = one(TS008)
    assert one(TS008, "\ufeff" + text(TS008)) == expected
    assert one(TS008, text(TS008).replace("\n", "\r\n")) == expected
    assert one(TS008, "\ufeff" + text(TS008).replace("\n", "\r")) == expected  # old Mac line endings


def test_invalid_csv_is_refused() -> None:
    (message,) = problems([(TS008.name, text(TS008) + "2021," + "x" * 200_000 + ",E1,1,1,0\n")])
    assert message.startswith("census2021-ts008-utla.csv: row 6: is not valid CSV: field larger than field limit")
    # Silent: a NUL in another area's name does not stop the import.
    assert one(TS008, text(TS008) + "2021,Nul\x00shire,E1,1,1,0\n")["total"] == 1000


def test_bad_options_are_refused() -> None:
    assert problems([(TS008.name, text(TS008))], name="!!!") == [
        "--name: '!!!' has no letters or digits; give the area's name"
    ]
    assert problems([(TS008.name, text(TS008))], geography_code=" ") == [
        "--geography-code: is empty; give a code such as E10000025"
    ]
    assert problems([(TS008.name, text(TS008))], area=" ") == ["--area: is empty; give the name to show in reports"]
    assert problems([]) == ["FILE.csv: give at least one census table file"]


def test_every_problem_in_every_file_is_reported_at_once() -> None:
    bad_sex = edited(TS008, 1, "Sex: Female; measures: Value", "x")
    messages = problems([(TS008.name, bad_sex), ("census2021-ts045-utla.csv", ""), ("notes.csv", "")])
    assert len(messages) == 3


# --- reading files ---------------------------------------------------------------------------------------------


def test_files_are_read_as_utf8_and_never_changed(tmp_path: Path) -> None:
    path = tmp_path / TS008.name
    data = b"\xef\xbb\xbf" + TS008.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(data)
    ((name, content),) = read_tables([str(path)])
    assert name == str(path)
    assert content.startswith('"date"')  # the byte order mark is not part of the text
    assert import_files([str(path)], name="oxfordshire").characteristics[0].figures["total"] == 1000
    assert path.read_bytes() == data


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "census2021-ts008-utla.csv"
    latin.write_bytes(TS008.read_bytes().replace(b"Oxfordshire", "Öxfordshire".encode("latin-1")))
    archive = tmp_path / "census2021-ts008.zip"
    archive.write_bytes(b"PK\x03\x04rest")
    missing = tmp_path / "census2021-ts021-utla.csv"
    with pytest.raises(BaselineError) as caught:
        read_tables([str(latin), str(archive), str(missing), str(tmp_path)])
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].startswith(f"{latin}: byte ")
    assert "is not UTF-8 text" in messages[0]
    assert messages[1].startswith(f"{archive}: is a zip archive")
    assert messages[2] == f"{missing}: no such file"
    assert messages[3].startswith(f"{tmp_path}: cannot be read")


# --- properties ------------------------------------------------------------------------------------------------

KNOWN_LABELS = sorted(
    {f"{spec.variable}: {label}" for spec in KNOWN_TABLES.values() for label in spec.examples.values()}
    | {"Sex: All persons", "Ethnic group: Total: All usual residents", "Age: Total", "Age: Aged 4 years and under"}
)
cells = st.one_of(st.integers(0, 10**6).map(str), st.sampled_from(["", "x", "1,000", "-1", " 7 "]), st.text(max_size=5))
names = st.one_of(st.sampled_from(["Oxfordshire", "Bristol, City of", "oxfordshire"]), st.text(max_size=12))


@st.composite
def nomis_tables(draw: st.DrawFn) -> tuple[str, str]:
    table = draw(st.sampled_from([*sorted(KNOWN_TABLES), "TS045"]))
    labels = draw(
        st.lists(st.one_of(st.sampled_from(KNOWN_LABELS), st.text(max_size=20)), min_size=0, max_size=8, unique=True)
    )
    header = ["date", "geography", "geography code", *labels]
    body = [
        ["2021", draw(names), draw(st.sampled_from(["E99999901", "E99999902", ""])), *(draw(cells) for _ in labels)]
        for _ in range(draw(st.integers(0, 4)))
    ]
    content = to_csv([header, *body])
    if draw(st.booleans()):
        content = content.replace("\n", "\r\n")
    if draw(st.booleans()):
        content = "\ufeff" + content
    return f"census2021-{table.lower()}-utla.csv", content


@given(st.lists(nomis_tables(), min_size=1, max_size=3), names, st.one_of(st.none(), st.just("E99999901")))
def test_any_table_in_the_nomis_shape_imports_or_is_refused_the_same_way(
    files: list[tuple[str, str]], name: str, code: str | None
) -> None:
    outcomes = []
    for _ in range(2):
        try:
            imported = import_tables(files, name=name or "area", geography_code=code)
        except BaselineError as error:
            outcomes.append(("refused", str(error)))
        else:
            rendered = render_yaml(imported)
            parse_yaml(rendered, "imported.yaml")  # what is written always loads
            outcomes.append(("imported", rendered))
    assert outcomes[0] == outcomes[1]


@given(st.sampled_from(sorted(t for t, s in KNOWN_TABLES.items() if not s.by_age)), st.data())
def test_any_consistent_table_imports_its_figures_exactly(table: str, data: st.DataObject) -> None:
    spec = KNOWN_TABLES[table]
    labels = list(dict.fromkeys(spec.examples.values()))
    values = [data.draw(st.integers(0, 10**7)) for _ in labels]
    if sum(values) == 0:
        values[0] = 1
    area = data.draw(st.sampled_from(["Oxfordshire", "Bristol, City of", "Isles of Scilly"]))
    header = ["date", "geography", "geography code", f"{spec.variable}: Total", *labels]
    content = to_csv([header, ["2021", area, "E99999901", str(sum(values)), *map(str, values)]])
    imported: ImportedBaseline = import_tables([(f"census2021-{table.lower()}-ltla.csv", content)], name=area)
    figures = imported.characteristics[0].figures
    expected: dict[str, int] = {}
    for label, value in zip(labels, values, strict=True):
        key = spec.columns[path(label.split(": ", 1)[1])]
        expected[key] = expected.get(key, 0) + value
    not_answered = expected.pop("not-answered", 0)
    assert dict(figures["counts"]) == expected
    assert figures.get("not_answered", 0) == not_answered
    assert figures["total"] == sum(values)


@given(st.lists(st.integers(1, 99), max_size=20, unique=True), st.data())
def test_age_bands_are_given_only_where_the_table_separates_them(cuts: list[int], data: st.DataObject) -> None:
    starts = [0, *sorted(cuts)]
    spans = [(a, b - 1) for a, b in itertools.pairwise(starts)] + [(starts[-1], OPEN)]
    labels = [f"Age: Aged {a} years and over" if b == OPEN else f"Age: Aged {a} to {b} years" for a, b in spans]
    values = [data.draw(st.integers(0, 1000)) for _ in spans]
    values[-1] += 1
    content = to_csv(
        [
            ["date", "geography", "geography code", "Age: Total", *labels],
            ["2021", "Oxfordshire", "E99999901", str(sum(values)), *map(str, values)],
        ]
    )
    edges = {*starts, OPEN + 1}
    separable = {band for band, (a, b) in AGE_BANDS.items() if a in edges and b + 1 in edges}
    if not separable:
        with pytest.raises(BaselineError, match="nothing can be compared"):
            one(TS007A, content)
        return
    imported = import_tables([(TS007A.name, content)], name="oxfordshire")
    figures = imported.characteristics[0].figures
    groups = figures.get("groups") or [{"categories": [b], "count": c} for b, c in figures["counts"].items()]
    assert {g["categories"][0] for g in groups if len(g["categories"]) == 1} == separable
    for group in groups:  # each an exact sum of whole columns: no split the table does not give
        a, b = AGE_BANDS[group["categories"][0]][0], AGE_BANDS[group["categories"][-1]][1]
        assert a in edges
        assert b + 1 in edges
        assert group["count"] == sum(v for (f, t), v in zip(spans, values, strict=True) if a <= f and t <= b)
    assert sum(len(g["categories"]) > 1 for g in groups) != 1  # one run is left out, several are kept apart
    assert figures["total"] == sum(values)
    parse_yaml(render_yaml(imported), "age.yaml")
