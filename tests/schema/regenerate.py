"""Write the register schema again, from the models and docs/register-format.md, to its two shipped places:
src/coproduction/schema/register.schema.json (package data) and docs/register.schema.json.

Run after changing a model or the format page: ``.venv/bin/python tests/schema/regenerate.py``.
tests/schema/test_shipped.py fails until the copies are up to date.
"""

from __future__ import annotations

from pathlib import Path

from coproduction.schema import SCHEMA_FILE
from coproduction.schema.generate import build_schema, meanings_from_format_doc, render_schema

ROOT = Path(__file__).resolve().parents[2]
FORMAT_DOC = ROOT / "docs" / "register-format.md"
COPIES = (ROOT / "src" / "coproduction" / "schema" / SCHEMA_FILE, ROOT / "docs" / SCHEMA_FILE)


def fresh_schema_text() -> str:
    """The schema as the models and the format page make it now."""
    return render_schema(build_schema(meanings_from_format_doc(FORMAT_DOC.read_text(encoding="utf-8"))))


def main() -> None:
    text = fresh_schema_text()
    for copy in COPIES:
        copy.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {copy.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
