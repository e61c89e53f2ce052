"""Every malformed file in tests/data/invalid gives a RegisterError naming the file, the path and the problem.

The expectations are kept in tests/data/invalid/expected.txt (file | path | message substring), so that adding a
case is adding a file and a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduction.errors import RegisterError
from coproduction.io.loader import load_register

INVALID = Path(__file__).resolve().parents[1] / "data" / "invalid"
TABLE = INVALID / "expected.txt"


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, path, message = (part.strip() for part in line.split(" | ", 2))
        cases.append((name, "" if path == "-" else path, message))
    return cases


CASES = _cases()


def test_every_file_has_an_expectation_and_there_are_at_least_twenty() -> None:
    files = sorted(p.name for p in INVALID.iterdir() if p.name != TABLE.name)
    assert files == sorted(name for name, _, _ in CASES)
    assert len(files) >= 20


@pytest.mark.parametrize(("name", "path", "message"), CASES, ids=[case[0] for case in CASES])
def test_invalid_file_is_reported_with_file_path_and_message(name: str, path: str, message: str) -> None:
    target = INVALID / name
    with pytest.raises(RegisterError) as caught:
        load_register(target)
    problems = caught.value.problems
    assert problems, "a RegisterError always carries its problems"
    assert all(problem.file == str(target) for problem in problems)
    matching = [p for p in problems if p.path == path and message in p.message]
    assert matching, f"no problem at {path!r} containing {message!r}; got: {[str(p) for p in problems]}"
    # The error's text names file, path and message together, as the CLI prints it.
    assert f"{target}: {path}: " in str(caught.value) if path else str(target) in str(caught.value)


def test_a_bad_diversity_answer_is_never_echoed() -> None:
    """Special category data (UK GDPR Article 9): the message lists the categories, never what was written."""
    with pytest.raises(RegisterError) as caught:
        load_register(INVALID / "bad-diversity-value.yaml")
    assert "klingon" not in str(caught.value)
    assert all("klingon" not in problem.message for problem in caught.value.problems)
