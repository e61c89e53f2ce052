"""``coproduction select`` (issue 14's name; ``recruit`` is an alias): --seats, --targets, --format markdown and
--register-out, the register fragment of the chosen that the council reviews and merges."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction import load_register, validate_register
from coproduction.cli import main
from coproduction.io.fragment_writer import dumps_fragment
from coproduction.io.round_loader import load_round
from coproduction.recruitment.eligibility import screen
from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.joining import joining, member_from

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "examples" / "recruitment" / "board-round.yaml"
REGISTER = ROOT / "examples" / "oxfordshire"
SEED = "20261201"
BASE = [str(ROUND), "--register", str(REGISTER), "--group", "team-up-board", "--seed", SEED]
NAMES = tuple(a.name for a in load_round(ROUND).applicants)
ANSWERS = ("disabled-limited-a-lot", "not-disabled", "no-religion", "christian", "50-hours-or-more", "65-74")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_select_prints_the_spread_the_panel_and_the_log(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "select", *BASE)
    assert status == 0
    assert "Chances of selection: lowest " in out
    assert f"The panel drawn (seed {SEED}" in out
    assert "Published distribution, for anyone to check the draw" in out


def test_the_same_seed_draws_the_same_panel_and_recruit_is_the_same_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = _run(capsys, "select", *BASE)[1]
    assert _run(capsys, "select", *BASE)[1] == first
    assert _run(capsys, "recruit", *BASE)[1] == first
    other = _run(capsys, "select", *BASE[:-1], "3", "--format", "json")[1]
    assert json.loads(other)["draw"]["seed"] == 3


def test_seats_overrides_the_round_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "select", *BASE, "--seats", "6", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["seats"] == 6
    assert len(data["drawn"]) == 6
    assert all(len(entry["panel"]) == 6 for entry in data["distribution"])
    default = json.loads(_run(capsys, "select", *BASE, "--format", "json")[1])
    assert default["seats"] == 8


@pytest.mark.parametrize("bad", ["0", "-2", "six"])
def test_seats_must_be_a_whole_number_above_0(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["select", *BASE, "--seats", bad])
    assert stop.value.code == 2
    assert "--seats" in capsys.readouterr().err


def test_targets_replace_the_round_files_quotas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "quotas:\n  - {characteristic: age, category: 16-24, at_least: 3}\n  - {perspective: carer, at_least: 2}\n",
        encoding="utf-8",
    )
    status, out, _ = _run(capsys, "select", *BASE, "--targets", str(targets), "--format", "json")
    assert status == 0
    quotas = json.loads(out)["quotas"]
    assert {"quota": "at least 3 seats for people aged 16 to 24", "from": ["the targets file"]} in quotas
    assert {"quota": "at least 2 seats for people who are carers", "from": ["the targets file"]} in quotas
    assert not any("the round file" in q["from"] for q in quotas)
    assert any("the audit" in q["from"] for q in quotas)


def test_a_bad_targets_file_is_located_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "quotas:\n  - {characteristic: age, category: 16-24}\n  - {characteristic: age, category: teen}\n"
        "  - {perspective: carer, at_least: 3, at_most: 1}\n",
        encoding="utf-8",
    )
    status, out, err = _run(capsys, "select", *BASE, "--targets", str(targets))
    assert status == 2
    assert out == ""
    assert f"{targets}: $.quotas[1].category: 'teen' is not one; the categories of age are" in err
    assert f"{targets}: $.quotas[2].at_most: expected at least at_least (3); found 1" in err
    assert "Traceback" not in err
    for text, expected in (
        ("quotas:\n  - {perspective: carer, at_least: two}\n", "$.quotas[0].at_least: expected a whole number"),
        ("quotas: []\nseats: 3\n", "$.seats"),
        ("[]\n", "expected a mapping with the key quotas; found a list"),
        ("", "an empty file"),
    ):
        targets.write_text(text, encoding="utf-8")
        status, _, err = _run(capsys, "select", *BASE, "--targets", str(targets))
        assert status == 2
        assert expected in err


def test_markdown_is_publishable(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "select", *BASE, "--format", "markdown")
    assert status == 0
    assert out.startswith("# Recruitment round for team-up-board\n\nThis is the result of the recruitment round")
    assert "This version names nobody and may be published." in out
    assert "fewer than 5" in out
    assert "| Panel | Probability | Cumulative | Applicants, by number |" in out
    assert "app-" not in out
    assert not any(name in out for name in NAMES)
    assert not any(answer in out for answer in ANSWERS)
    assert err == ""


def test_markdown_counts_of_5_or_more_are_shown(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "select", *BASE, "--format", "markdown")[1]
    assert "| 30 | 25 | 5 |" in out


def _merged(tmp_path: Path, fragment: Path) -> Path:
    folder = tmp_path / "merged"
    shutil.copytree(REGISTER, folder)
    shutil.copy(fragment, folder / "recruited.yaml")
    return folder


def test_register_out_writes_the_chosen_as_a_fragment_that_merges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fragment = tmp_path / "new-members.yaml"
    before = {p.name: p.read_bytes() for p in REGISTER.iterdir()}
    status, out, err = _run(
        capsys, "select", *BASE, "--format", "json", "--as-of", "2026-12-01", "--register-out", str(fragment)
    )
    assert status == 0
    assert f"wrote {fragment}: 8 new members of team-up-board from 2026-12-01" in err
    assert {p.name: p.read_bytes() for p in REGISTER.iterdir()} == before
    text = fragment.read_text(encoding="utf-8")
    assert text.startswith("# New members of team-up-board chosen by the recruitment round board-round.yaml")
    assert "diversity" not in yaml.safe_load(text)["members"][0]
    assert not any(answer in text for answer in ANSWERS)
    panel = [p["id"] for p in json.loads(out)["panel"]]
    register = load_register(_merged(tmp_path, fragment))
    assert validate_register(register) == ()
    joined = [m for m in register.memberships if m.member in panel]
    assert [m.member for m in joined] == panel
    assert all(m.group == "team-up-board" and m.started == date(2026, 12, 1) for m in joined)
    assert all(register.member_by_id[i].diversity is None for i in panel)
    assert all(register.member_by_id[i].joined == date(2026, 12, 1) for i in panel)


def test_the_fragment_starts_on_the_closing_date_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fragment = tmp_path / "new.yaml"
    assert _run(capsys, "select", *BASE, "--register-out", str(fragment))[0] == 0
    data = yaml.safe_load(fragment.read_text(encoding="utf-8"))
    assert {m["started"] for m in data["memberships"]} == {date(2026, 11, 30)}


def test_diversity_answers_go_only_to_the_register_of_those_who_agreed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    for applicant in data["applicants"]:
        applicant["diversity_to_register"] = applicant["id"] == "app-01"
    round_file = tmp_path / "round.yaml"
    round_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    fragment = tmp_path / "new.yaml"
    argv = ["select", str(round_file), *BASE[1:], "--register-out", str(fragment), "--format", "json"]
    status, out, _ = _run(capsys, *argv)
    assert status == 0
    panel = [p["id"] for p in json.loads(out)["panel"]]
    assert "app-01" in panel  # the seed's panel includes the one who agreed, so both cases are seen
    register = load_register(_merged(tmp_path, fragment))
    assert validate_register(register) == ()
    assert register.member_by_id["app-01"].diversity == load_round(round_file).applicant_by_id["app-01"].diversity
    assert all(register.member_by_id[i].diversity is None for i in panel if i != "app-01")
    assert "Diversity answers: kept for 1 of 8" in fragment.read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["round", "register-file", "report"])
def test_register_out_never_overwrites_an_input(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    path = {"round": ROUND, "register-file": REGISTER / "members.yaml", "report": report}[target]
    before = path.read_bytes() if path.exists() else None
    status, _, err = _run(capsys, "select", *BASE, "-o", str(report), "--register-out", str(path))
    assert status == 2
    assert "would overwrite" in err or "need different files" in err
    assert (path.read_bytes() if path.exists() else None) == before
    assert not report.exists()


def test_a_chosen_applicant_with_a_members_id_is_refused() -> None:
    round_ = load_round(ROUND)
    panel = screen(round_).eligible[:3]
    with pytest.raises(RecruitmentError, match=r"already has a member with the id of a chosen applicant \('app-02'\)"):
        joining(panel, group="team-up-board", starts=date(2026, 12, 1), taken_ids={"app-02", "janet-whitlock"})
    made = joining(panel, group="team-up-board", starts=date(2026, 12, 1), taken_ids={"janet-whitlock"})
    assert [m.id for m in made.members] == [a.id for a in panel]


_APPLICANTS = load_round(ROUND).applicants


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    chosen=st.lists(st.sampled_from(_APPLICANTS), unique_by=lambda a: a.id, max_size=10),
    consents=st.lists(st.booleans(), min_size=10, max_size=10),
    starts=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_any_fragment_reads_back_as_the_members_it_was_made_from(
    chosen: list[object], consents: list[bool], starts: date, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import attrs

    from coproduction.recruitment.models import Applicant

    panel = [
        attrs.evolve(a, diversity_to_register=agreed)
        for a, agreed in zip(chosen, consents, strict=False)
        if isinstance(a, Applicant)
    ]
    made = joining(panel, group="team-up-board", starts=starts, taken_ids=set())
    text = dumps_fragment(made, source="round.yaml")
    assert yaml.safe_load(text).keys() == {"members", "memberships"}
    group = {"id": "team-up-board", "name": "Team-Up Co-production Board", "kind": "board"}
    document = {"organisation": "Example", "area": "Oxfordshire", "groups": [group], **yaml.safe_load(text)}
    folder = tmp_path_factory.mktemp("fragment")
    (folder / "register.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    register = load_register(folder / "register.yaml")
    assert validate_register(register) == ()
    assert register.members == tuple(member_from(a, starts) for a in panel)
    assert all(
        (m.diversity is not None) == (a.diversity_to_register and a.diversity is not None)
        for m, a in zip(register.members, panel, strict=True)
    )


def test_markdown_is_byte_identical_for_the_same_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    assert _run(capsys, "select", *BASE, "--format", "markdown", "-o", str(first))[0] == 0
    assert _run(capsys, "select", *BASE, "--format", "markdown", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


_QUOTA_KEYS = ["perspective", "characteristic", "category", "at_least", "at_most", "quotas", "seats"]


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.sampled_from(["age", "16-24", "carer"]),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(_QUOTA_KEYS), c, max_size=4),
        max_leaves=12,
    )
)
def test_any_targets_document_gives_quotas_or_a_located_error(document: object) -> None:
    from coproduction.io.formats import Format
    from coproduction.io.round_loader import loads_targets
    from coproduction.recruitment import RoundError

    error: RoundError | None = None
    quotas: tuple[object, ...] = ()
    try:
        quotas = loads_targets(json.dumps(document), Format.JSON, source="t.json")
    except RoundError as caught:
        error = caught
    if error is not None:
        assert error.problems
        assert all(problem.file == "t.json" and problem.path.startswith("$") for problem in error.problems)
    else:
        assert isinstance(document, dict)
        assert len(quotas) == len(document.get("quotas") or [])
