"""Tests of the checks' shared machinery, moved from the mutation-gap tests."""

from __future__ import annotations

from coproduction.checks import BUILTIN
from coproduction.checks.documentation import explain_text


def test_explain_text_wraps_at_88_by_default() -> None:
    check = BUILTIN["GR005"]
    assert explain_text(check) == explain_text(check, width=88)
    assert explain_text(check) != explain_text(check, width=87)
    assert max(len(line) for line in explain_text(check).splitlines()) <= 88
