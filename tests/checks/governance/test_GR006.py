"""GR006: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

import pytest

from coproduction.checks.governance.GR006_no_terms_of_reference import no_terms_of_reference
from tests.builders import RegisterBuilder, run
from tests.checks.governance.support import AS_OF


@pytest.mark.parametrize(
    ("purpose", "terms", "fires"),
    [(None, None, True), ("  ", "", True), ("To shape services", None, False), (None, "terms.pdf", False)],
)
def test_gr006_purpose_or_terms_of_reference(purpose: str | None, terms: str | None, fires: bool) -> None:
    b = RegisterBuilder()
    b.add_group("g1", purpose=purpose, terms_of_reference=terms)
    flags = run(no_terms_of_reference, b.build(), AS_OF)
    assert [f.message for f in flags] == (["'Group g1' has no recorded purpose or terms of reference"] if fires else [])
