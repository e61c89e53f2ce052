"""Baseline files: the bundled ones load and add up; a council's YAML or CSV; clear errors with places."""

from __future__ import annotations

import contextlib
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.errors import BaselineError, UnknownBaselineError
from coproduction.errors import CoproductionError
from coproduction.io.baselines import (
    bundled_baseline,
    bundled_names,
    load_baseline,
    parse_csv,
    parse_yaml,
    resolve_baseline,
)
from coproduction.models import Characteristic

SEX_YAML = """
name: testshire
area: Testshire
description: synthetic figures
characteristics:
  sex:
    source: {table: TEST01, title: "Sex", released: 2022-06-28, url: "https://example.invalid/t1"}
    population: all usual residents
    counts: {female: 60, male: 40}
    total: 100
  religion:
    source: {table: TEST02}
    counts:
      no-religion: 30
      christian: 50
      buddhist: 0
      hindu: 5
      jewish: 0
      muslim: 10
      sikh: 5
      other-religion: 0
    not_answered: 25
    total: 125
"""


def test_bundled_baselines_load_and_have_what_they_claim() -> None:
    names = bundled_names()
    assert {"england", "england-and-wales"} <= set(names)
    for name in names:
        base = bundled_baseline(name)
        assert base.name == name
        for figures in base.characteristics.values():
            assert sum(figures.shares.values()) == 1
            assert figures.source.table or figures.source.title
            assert figures.source.url
            if figures.counts is not None and figures.total is not None:
                assert sum(figures.counts.values()) + (figures.not_answered or 0) == figures.total


@pytest.mark.parametrize("name", ["england", "england-and-wales"])
def test_bundled_baselines_cover_all_eight_characteristics(name: str) -> None:
    base = bundled_baseline(name)
    assert set(base.characteristics) == set(Characteristic)
    for figures in base.characteristics.values():
        if figures.counts is None:  # shares as published: rounded, and the rounding is stated
            assert figures.precision == Fraction(1, 10)


def test_bundled_figures_are_the_published_ones() -> None:
    """Spot checks against the published shares (docs/baselines-sources.md says where each was read)."""
    ew = bundled_baseline("england-and-wales")
    ethnic = ew.get(Characteristic.ETHNIC_GROUP)
    assert ethnic is not None
    assert ethnic.share("white") == Fraction("81.7") / 100
    orientation = ew.get(Characteristic.SEXUAL_ORIENTATION)
    assert orientation is not None
    assert orientation.share("straight") == Fraction("89.4") / Fraction("92.5")  # 7.5% did not answer
    age = bundled_baseline("england").get(Characteristic.AGE)
    assert age is not None
    assert age.share("65-74+75-84+85-plus") == Fraction("18.4") / 100
    disability = bundled_baseline("england").get(Characteristic.DISABILITY)
    assert disability is not None
    assert disability.share("disabled-limited-a-lot+disabled-limited-a-little") == Fraction("17.3") / 100


def test_bundled_england_and_wales_religion_leaves_out_not_answered() -> None:
    religion = bundled_baseline("england-and-wales").get(Characteristic.RELIGION)
    assert religion is not None
    assert religion.counts is not None
    answered = sum(religion.counts.values())
    assert religion.share("christian") == Fraction(religion.counts["christian"], answered)


def test_yaml_counts_give_shares_of_those_who_answered() -> None:
    base = parse_yaml(SEX_YAML, "testshire.yaml")
    sex = base.get(Characteristic.SEX)
    religion = base.get(Characteristic.RELIGION)
    assert sex is not None
    assert religion is not None
    assert sex.share("female") == Fraction(3, 5)
    assert sex.source.released == "2022-06-28"
    assert religion.share("muslim") == Fraction(10, 100)  # the 25 not answered are left out
    assert base.get(Characteristic.AGE) is None


def test_yaml_percentages_are_normalised() -> None:
    text = """
name: p
area: P
characteristics:
  sex:
    source: {table: T}
    percentages: {female: 50.5, male: 49.4}
"""
    sex = parse_yaml(text, "p.yaml").get(Characteristic.SEX)
    assert sex is not None
    assert sex.share("female") == Fraction("50.5") / Fraction("99.9")


def test_every_problem_is_reported_with_its_place() -> None:
    text = """
name: bad
area: Bad
colour: blue
characteristics:
  shoe_size: {}
  sex:
    source: {url: "https://example.org/no-table-or-title"}
    counts: {female: -3, male: 2, other: 4}
  religion:
    source: {table: T}
    counts: {christian: 5}
"""
    with pytest.raises(BaselineError) as raised:
        parse_yaml(text, "bad.yaml")
    message = str(raised.value)
    assert "bad.yaml: $.colour: is not a baseline field" in message
    assert "$.characteristics.shoe_size: is not a monitored characteristic" in message
    assert "$.characteristics.sex.source.table: is missing" in message
    assert "$.characteristics.sex.counts.female: expected a whole number of people" in message
    assert "$.characteristics.sex.counts.other: is not a sex category" in message
    assert "$.characteristics.religion.counts: lacks no-religion" in message


def test_total_that_does_not_add_up_is_refused() -> None:
    text = SEX_YAML.replace("total: 100", "total: 101")
    with pytest.raises(BaselineError, match=r"\$\.characteristics\.sex\.total: is 101, but .* add up to 100"):
        parse_yaml(text, "t.yaml")


def test_invalid_yaml_names_the_file() -> None:
    with pytest.raises(BaselineError, match=r"x\.yaml: line 1: is not valid YAML"):
        parse_yaml("name: [unclosed", "x.yaml")


CSV = """# name: oxon
# area: Oxfordshire
characteristic,category,count,table,title,released,url,population
sex,female,60,TEST01,Sex,2022-06-28,https://example.invalid,all usual residents
sex,male,40,,,,,
ethnic_group,asian,5,TEST02,,,,
ethnic_group,black,2,,,,,
ethnic_group,mixed,3,,,,,
ethnic_group,white,88,,,,,
ethnic_group,other,2,,,,,
ethnic_group,not-answered,7,,,,,
"""


def test_csv_baseline() -> None:
    base = parse_csv(CSV, "oxon.csv")
    assert (base.name, base.area) == ("oxon", "Oxfordshire")
    ethnic = base.get(Characteristic.ETHNIC_GROUP)
    sex = base.get(Characteristic.SEX)
    assert ethnic is not None
    assert sex is not None
    assert ethnic.share("black") == Fraction(2, 100)
    assert ethnic.not_answered == 7
    assert sex.source.title == "Sex"
    assert sex.population == "all usual residents"


def test_csv_header_problems() -> None:
    with pytest.raises(BaselineError, match="lacks the column 'table'"):
        parse_csv("characteristic,category,count\nsex,female,1\n", "x.csv")
    with pytest.raises(BaselineError, match="exactly one of the columns 'count' and 'percentage'"):
        parse_csv("characteristic,category,table\n", "x.csv")


def test_csv_bad_count_names_the_place() -> None:
    text = CSV.replace("sex,male,40", "sex,male,forty")
    with pytest.raises(BaselineError, match=r"\$\.characteristics\.sex\.counts\.male: expected a whole number"):
        parse_csv(text, "x.csv")


def test_files_and_names_resolve(tmp_path: Path) -> None:
    (tmp_path / "oxon.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "t.yaml").write_text(SEX_YAML, encoding="utf-8")
    assert resolve_baseline(tmp_path / "oxon.csv").area == "Oxfordshire"
    assert load_baseline(tmp_path / "t.yaml").name == "testshire"
    assert resolve_baseline("england").area == "England"
    with pytest.raises(UnknownBaselineError, match="no bundled baseline is called 'narnia'; choose one of"):
        resolve_baseline("narnia")
    with pytest.raises(BaselineError, match=r"missing\.yaml: no such file"):
        resolve_baseline(tmp_path / "missing.yaml")


@given(st.text(max_size=300))
def test_never_crashes_on_odd_text(text: str) -> None:
    for parse in (parse_yaml, parse_csv):
        with contextlib.suppress(CoproductionError):
            parse(text, "odd")
