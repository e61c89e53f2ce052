"""One rule, one file: every check's code, documentation and tests are found from its code alone, by path.

For a code such as AC001 (name late-papers): the rule is ``src/coproduction/checks/accessibility/AC001_late_papers.py``,
its page ``docs/checks/AC001.md`` and its tests ``tests/checks/accessibility/test_AC001.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coproduction.checks import BUILTIN, CHECK_MODULES, builtin_registry
from coproduction.checks.table import FAMILIES, TABLE, load
from coproduction.errors import UnknownCheckError

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "src" / "coproduction" / "checks"


@pytest.mark.parametrize("code", list(TABLE))
def test_each_code_has_its_module_page_and_tests_at_the_expected_paths(code: str) -> None:
    check = load(code)
    family = FAMILIES[code[:2]]
    stem = f"{code}_{check.name.replace('-', '_')}"
    assert TABLE[code] == f"coproduction.checks.{family}.{stem}"
    assert (CHECKS / family / f"{stem}.py").is_file()
    assert (ROOT / "docs" / "checks" / f"{code}.md").is_file()
    assert (ROOT / "tests" / "checks" / family / f"test_{code}.py").is_file()
    assert check.code == code


def test_every_rule_file_is_in_the_table_and_the_table_is_in_code_order() -> None:
    on_disk = sorted(path.stem[:5] for path in CHECKS.glob("*/[A-Z][A-Z][0-9][0-9][0-9]_*.py"))
    assert on_disk == list(TABLE) == sorted(TABLE)
    assert [c.code for c in builtin_registry()] == list(TABLE)
    assert tuple(TABLE.values()) == CHECK_MODULES


def test_every_code_has_one_test_file_and_no_test_file_is_left_over() -> None:
    tests = sorted(path.stem.removeprefix("test_") for path in (ROOT / "tests" / "checks").glob("*/test_[A-Z]*.py"))
    assert tests == list(TABLE)


def test_asking_for_one_check_imports_only_its_module() -> None:
    # In a fresh interpreter: this one has imported every check already.
    script = (
        "import re, sys\n"
        "from coproduction.checks import BUILTIN\n"
        "assert BUILTIN['GR006'].name == 'no-terms-of-reference'\n"
        "rule = re.compile(r'coproduction[.]checks[.][a-z]+[.][A-Z]{2}[0-9]{3}_.*')\n"
        "print(sorted(m for m in sys.modules if rule.fullmatch(m)))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(["coproduction.checks.governance.GR006_no_terms_of_reference"])


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(UnknownCheckError, match="ZZ999"):
        load("ZZ999")
    assert "ZZ999" not in BUILTIN
    assert "GR006" in BUILTIN
