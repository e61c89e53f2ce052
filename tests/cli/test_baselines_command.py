"""``coproduction baselines import`` and ``baselines list``: a baseline file the audit uses, exit status 2 with a
located message on bad input, nothing written then, input files never changed; and docs/baselines.md's commands.

The census tables are the made-up ones in tests/data/census/ (see the README there).
"""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.io.baselines import load_baseline, resolve_baseline
from coproduction.models import Characteristic

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "census"
EXAMPLE = ROOT / "examples" / "oxfordshire"
DOC = ROOT / "docs" / "baselines.md"


def table(name: str) -> str:
    return str(DATA / f"census2021-{name}-utla.csv")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- import ----------------------------------------------------------------------------------------------------


def test_import_to_a_file_that_the_audit_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "oxfordshire.yaml"
    files = [table(t) for t in ("ts007", "ts008", "ts021", "ts038")]
    area = ["--area", "Oxfordshire (imported test figures)"]
    status, out, err = run(capsys, "baselines", "import", *files, "--name", "oxfordshire", *area, "-o", str(output))
    assert status == 0
    assert out == ""
    assert err.startswith("coproduction: wrote ")
    assert "Census 2021 figures for Oxfordshire (E99999901)" in err
    assert "--baseline" in err
    baseline = load_baseline(output)
    assert baseline.area == "Oxfordshire (imported test figures)"
    assert set(baseline.characteristics) == {
        Characteristic.AGE,
        Characteristic.SEX,
        Characteristic.ETHNIC_GROUP,
        Characteristic.DISABILITY,
    }
    # End to end: the bundled example's board, audited against the imported area.
    args = ["audit", str(EXAMPLE), "--group", "team-up-board", "--baseline", str(output), "--as-of", "2026-11-25"]
    status, out, err = run(capsys, *args)
    assert status == 0, err
    assert "Oxfordshire (imported test figures)" in out  # the report names the baseline it compared with
    status, out, _ = run(capsys, *args, "--format", "json")
    assert status == 0
    assert "Oxfordshire (imported test figures)" in out
    for group in ("team-up-board", "champions"):
        assert main(["audit", str(EXAMPLE), "--group", group, "--baseline", str(output), "--as-of", "2026-11-25"]) == 0


def test_the_audit_reads_the_imported_baseline_and_not_the_bundled_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "bristol.yaml"
    status, _, _ = run(capsys, "baselines", "import", table("ts008"), "--name", "Bristol, City of", "-o", str(output))
    assert status == 0
    imported = resolve_baseline(str(output))
    sex = imported.get(Characteristic.SEX)
    assert sex is not None
    assert sex.counts == {"female": 520, "male": 470}
    assert imported.name == "bristol-city-of"


def test_five_year_age_bands_import_as_groups_and_the_audit_uses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "age.yaml"
    status, _, err = run(capsys, "baselines", "import", table("ts007a"), "--name", "oxfordshire", "-o", str(output))
    assert status == 0
    assert "coproduction: note: age (TS007A): under-16 and 16-24 are not compared one by one" in err
    text = output.read_text(encoding="utf-8")
    assert "groups:" in text
    assert "counts:" not in text
    age = load_baseline(output).get(Characteristic.AGE)
    assert age is not None
    assert "25-34" in age.shares
    assert "16-24" not in age.shares
    args = ["audit", str(EXAMPLE), "--group", "team-up-board", "--baseline", str(output), "--as-of", "2026-11-25"]
    status, _, err = run(capsys, *args)
    assert status == 0, err


def test_import_to_stdout_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "baselines", "import", table("ts021"), "--name", "my-area", "--geography-code", "E99999903"
    )
    assert status == 0
    assert out.startswith("# Population baseline for Testshire (E99999903)")
    assert "name: my-area" in out
    assert "the baseline above" in err


def test_import_is_byte_identical_run_to_run(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["baselines", "import", table("ts039"), table("ts077"), "--name", "oxford"]
    assert run(capsys, *argv) == run(capsys, *argv)


def test_bad_input_exits_2_with_a_located_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.yaml"
    status, out, err = run(capsys, "baselines", "import", table("ts008"), "--name", "oxon", "-o", str(output))
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    assert "census2021-ts008-utla.csv: column 'geography': has no area called 'oxon'" in err
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_an_existing_output_is_kept_whole_on_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.yaml"
    output.write_text("kept\n", encoding="utf-8")
    bad = tmp_path / "census2021-ts008-utla.csv"
    bad.write_text(Path(table("ts008")).read_text(encoding="utf-8").replace("510", "5x0"), encoding="utf-8")
    status, _, err = run(capsys, "baselines", "import", str(bad), "--name", "oxfordshire", "-o", str(output))
    assert status == 2
    assert "row 2, column 'Sex: Female; measures: Value': expected a whole number of people; got '5x0'" in err
    assert output.read_text(encoding="utf-8") == "kept\n"


def test_input_files_are_never_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {path.name: digest(path) for path in DATA.iterdir()}
    files = [str(p) for p in sorted(DATA.glob("*.csv")) if "ts007a" not in p.name and "ts031" not in p.name]
    assert run(capsys, "baselines", "import", *files, "--name", "oxfordshire", "-o", str(tmp_path / "o.yaml"))[0] == 0
    assert {path.name: digest(path) for path in DATA.iterdir()} == before
    copy = tmp_path / "census2021-ts008-utla.csv"
    shutil.copy(table("ts008"), copy)
    original = digest(copy)
    status, _, err = run(capsys, "baselines", "import", str(copy), "--name", "oxfordshire", "-o", str(copy))
    assert status == 2
    assert "would overwrite the table" in err
    assert digest(copy) == original


def test_unknown_table_and_unreadable_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unknown = tmp_path / "census2021-ts045-utla.csv"
    shutil.copy(table("ts008"), unknown)
    status, _, err = run(capsys, "baselines", "import", str(unknown), str(tmp_path / "nope.csv"), "--name", "x")
    assert status == 2
    assert "nope.csv: no such file" in err
    assert "Traceback" not in err
    status, _, err = run(capsys, "baselines", "import", str(unknown), "--name", "oxfordshire")
    assert status == 2
    assert "is table TS045, which has no category mapping here" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["baselines", "import", table("ts008")])  # --name is required
    assert stop.value.code == 2
    status, _, err = run(capsys, "baselines")
    assert status == 2
    assert "choose an action" in err
    with pytest.raises(SystemExit) as stop:
        main(["baselines", "frobnicate"])
    assert stop.value.code == 2


# --- list ------------------------------------------------------------------------------------------------------


def test_list_says_what_it_is_and_shows_tables_and_populations(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "baselines", "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("Population baselines bundled with coproduction, to compare a group with")
    assert any(line.startswith("england: England") for line in lines)
    assert any(line.startswith("england-and-wales: England and Wales") for line in lines)
    sex = [line for line in lines if line.strip().startswith("sex ")]
    assert len(sex) == 2
    assert all('TS008 "Sex", all usual residents' in line for line in sex)
    assert any("sexual orientation" in line and "aged 16 years and over" in line for line in lines)


# --- docs/baselines.md: "Your council's own area in three steps" runs as written ------------------------------


def documented_commands() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Your council's own area in three steps", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^ *```console\n(.*?)^ *```$", section, flags=re.MULTILINE | re.DOTALL)
    return [line.strip()[2:] for block in blocks for line in block.splitlines() if line.strip().startswith("$ ")]


def test_the_three_steps_in_the_docs_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = documented_commands()
    assert [c.split()[:3] for c in commands] == [
        ["coproduction", "baselines", "import"],
        ["coproduction", "audit", "examples/oxfordshire"],
    ]
    for csv_file in DATA.glob("*.csv"):  # the downloads, made up for the test
        shutil.copy(csv_file, tmp_path / csv_file.name)
    monkeypatch.chdir(tmp_path)
    for command in commands:
        argv = [str(EXAMPLE) if arg == "examples/oxfordshire" else arg for arg in shlex.split(command)[1:]]
        status, _, err = run(capsys, *argv)
        assert status == 0, f"{command}: {err}"
    assert load_baseline(tmp_path / "oxfordshire.yaml").area == "Oxfordshire"
