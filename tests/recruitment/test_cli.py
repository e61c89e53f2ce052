"""``coproduction recruit``: the example round, determinism, what each output shows and hides, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from coproduction.cli import main
from coproduction.io.round_loader import load_round
from coproduction.recruitment.quotas import FROM_AUDIT, panel_problem, quota_from_entry

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "examples" / "recruitment" / "board-round.yaml"
REGISTER = ROOT / "examples" / "oxfordshire"
BASE = [str(ROUND), "--register", str(REGISTER), "--group", "team-up-board", "--seed", "20261201"]

#: Diversity answers given by applicants of the example round (none of them may appear in any output).
ANSWERS = (
    "disabled-limited-a-lot",
    "disabled-limited-a-little",
    "not-disabled",
    "no-religion",
    "christian",
    "muslim",
    "10-to-19-hours",
    "50-hours-or-more",
    "25-34",
    "65-74",
)


def _run(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    status = main(["recruit", *BASE, *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_internal_report_opens_with_its_meaning_and_names_the_panel(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Recruitment round for team-up-board (internal: not for publication)"
    assert lines[2].startswith("This is the result of the recruitment round for team-up-board (8 seats")
    assert "not for publication" in err
    assert "Applicants: 30 applied, 25 eligible, 5 screened out." in out
    assert "app-24 Xin Yeld: applied on 2026-12-02, after the round closed on 2026-11-30" in out
    assert "(from the audit)" in out
    assert "The panel drawn (seed 20261201" in out
    assert all(answer not in out for answer in ANSWERS)


def test_the_same_seed_gives_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = _run(capsys)[1]
    assert _run(capsys)[1] == first


def test_another_seed_draws_from_the_same_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["recruit", *BASE[:-1], "7", "--format", "json", "--publishable"])
    other = json.loads(capsys.readouterr().out)
    assert status == 0
    _, out, _ = _run(capsys, "--format", "json", "--publishable")
    data = json.loads(out)
    assert other["distribution"] == data["distribution"]
    assert other["draw"]["seed"] == 7


def test_the_json_report_can_be_verified_by_a_third_party(capsys: pytest.CaptureFixture[str]) -> None:
    import random

    _, out, _ = _run(capsys, "--format", "json", "--publishable")
    data = json.loads(out)
    u = random.Random(data["draw"]["seed"]).random()
    cumulative = 0.0
    for entry in data["distribution"]:
        cumulative += entry["probability"]
        if u < cumulative:
            assert entry["panel"] == data["drawn"]
            break
    else:  # pragma: no cover - the probabilities add up to 1
        pytest.fail("u beyond the distribution")
    assert sum(e["probability"] for e in data["distribution"]) == pytest.approx(1.0)


def test_the_drawn_panel_meets_every_quota(capsys: pytest.CaptureFixture[str]) -> None:
    from coproduction.recruitment.eligibility import screen
    from coproduction.recruitment.quotas import Quota

    _, out, _ = _run(capsys, "--format", "json")
    data = json.loads(out)
    round_ = load_round(ROUND)
    eligible = screen(round_).eligible
    quotas = [quota_from_entry(e) for e in round_.quotas]
    # The audit's quotas, as the report words them, are checked through the report's own list.
    assert any(FROM_AUDIT in q["from"] for q in data["quotas"])
    problem = panel_problem(quotas, eligible, round_.seats)
    assert problem.meets_quotas(tuple(n - 1 for n in data["drawn"]))
    assert isinstance(quotas[0], Quota)
    ids = [c["id"] for c in data["candidates"]]
    assert [p["id"] for p in data["panel"]] == [ids[n - 1] for n in data["drawn"]]


def test_the_publishable_report_names_nobody(capsys: pytest.CaptureFixture[str]) -> None:
    for form in ("text", "json"):
        status, out, err = _run(capsys, "--publishable", "--format", form)
        assert status == 0
        assert "app-" not in out
        assert "Yeld" not in out
        assert all(answer not in out for answer in ANSWERS)
        assert err == ""
    assert "fewer than 5" in out


def test_output_goes_to_a_file_and_never_over_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "result.txt"
    status, out, _ = _run(capsys, "-o", str(target))
    assert status == 0
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith("Recruitment round for team-up-board")
    before = ROUND.read_bytes()
    status, _, err = _run(capsys, "-o", str(ROUND))
    assert status == 2
    assert "would overwrite the round file" in err
    assert ROUND.read_bytes() == before


def _round_file(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "round.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _run_file(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    status = main(["recruit", str(path), *BASE[1:], *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_bad_round_file_is_located_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    data["applicants"][3]["diversity"]["religion"] = "secret-faith"
    data["seats"] = 0
    path = tmp_path / "round.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    target = tmp_path / "out.txt"
    status, out, err = _run_file(path, capsys, "-o", str(target))
    assert status == 2
    assert f"{path}: $.applicants[3].diversity.religion: not one of the categories" in err
    assert "secret-faith" not in err
    assert "Traceback" not in err
    assert out == ""
    assert not target.exists()


def test_quotas_the_pool_cannot_meet_are_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _round_file(tmp_path, quotas=[{"characteristic": "age", "category": "16-24", "at_least": 7}])
    status, out, err = _run_file(path, capsys)
    assert status == 2
    assert "at least 7 seats for people aged 16 to 24 cannot be met by the eligible applicants" in err
    assert "The smallest change that makes a panel possible: lower" in err
    assert out == ""


def test_a_round_for_another_group_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["recruit", *BASE[:4], "champions", *BASE[5:]])
    assert status == 2
    assert "is for group 'team-up-board', not 'champions'" in capsys.readouterr().err


def test_an_unknown_group_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _round_file(tmp_path, group="nobody", quotas_from_audit=False)
    status = main(["recruit", str(path), "--register", str(REGISTER), "--group", "nobody", "--seed", "1"])
    assert status == 2
    assert "no group has id 'nobody'" in capsys.readouterr().err


def test_a_negative_seed_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["recruit", *BASE[:-1], "-3"])
    assert stop.value.code == 2
