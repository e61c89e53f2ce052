"""MB003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coproduction.checks.membership.MB003_term_expired import term_expired
from coproduction.models import (
    Role,
)
from tests.builders import CARER, STAFF, RegisterBuilder, run
from tests.checks.membership.support import AS_OF


@pytest.mark.parametrize(
    ("term_ends", "left", "fires"),
    [
        (date(2026, 3, 1), None, True),
        (AS_OF, None, False),
        (None, None, False),
        (date(2026, 3, 1), date(2026, 3, 1), False),
        (date(2026, 1, 1), date(2026, 4, 1), True),
    ],
)
def test_mb003_term_ended_but_still_listed(term_ends: date | None, left: date | None, fires: bool) -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", role=Role.CO_CHAIR, term_ends=term_ends, left=left)
    flags = run(term_expired, b.build(), AS_OF)
    if fires:
        assert [(f.subject_id, f.message) for f in flags] == [
            (
                "ann",
                f"Ann's term as co-chair of 'Group g1' ended on {term_ends}, "
                "but they are still listed as a current member",
            )
        ]
    else:
        assert flags == []


def test_mb003_a_term_still_running_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann")
    b.add_member("cy", CARER, groups=["g1"], name="Cy", term_ends=AS_OF)  # ends today: not yet expired
    b.add_member("bob", STAFF, groups=["g1"], name="Bob", term_ends=AS_OF - timedelta(days=1))
    flags = run(term_expired, b.build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("bob", "Bob's term as member of 'Group g1' ended on 2026-03-01, but they are still listed as a current member")
    ]
