"""A seeded generator of synthetic registers, written straight to a JSON register file.

Shapes (issue 6): county scale is 2,000 members, 50 groups, 1,200 meetings a year; national scale is 350 councils x
40 groups x 25 members (350,000 members, 14,000 groups, 168,000 meetings, 4.2 million attendance records).
The output is the register file format (docs/register-format.md), streamed so that generating 340 MB does not need
the whole register in memory. Same seed, same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TextIO

import attrs

PERSPECTIVE_MIXES = (
    ["uses-services"],
    ["uses-services"],
    ["carer"],
    ["carer", "uses-services"],
    ["staff"],
    ["staff"],
    ["staff", "carer"],
    ["voluntary-sector"],
)
SERVICE_AREAS = ("learning-disability", "mental-health", "older-people", "physical-disability", "autism", "carers")
KINDS = ("board", "champions-network", "partnership-board", "working-group", "focus-group", "speak-out-group")
NEEDS = ("easy-read", "large-print", "screen-reader", "bsl", "step-free", "hearing-loop", "quiet-room")
AGES = ("16-24", "25-34", "35-49", "50-64", "65-74", "75-84", "85-plus", "prefer-not-to-say")
ETHNIC = ("white", "white", "white", "white", "asian", "black", "mixed", "other", "prefer-not-to-say")
WINTER, SUMMER = timezone(timedelta(hours=0)), timezone(timedelta(hours=1))


@attrs.frozen
class Scale:
    name: str
    councils: int
    groups_per_council: int
    members_per_group: int
    meetings_per_group: int = 12

    @property
    def meetings(self) -> int:
        return self.councils * self.groups_per_council * self.meetings_per_group


COUNTY = Scale("county", councils=1, groups_per_council=50, members_per_group=40, meetings_per_group=24)
NATIONAL = Scale("national", councils=350, groups_per_council=40, members_per_group=25)
SCALES = {s.name: s for s in (COUNTY, NATIONAL)}


def _zone(day: date) -> timezone:
    """Europe/London's offset, near enough for synthetic data: summer time from April to October."""
    return SUMMER if 4 <= day.month <= 10 else WINTER


def _member(rng: random.Random, member_id: str, joined: date) -> dict[str, Any]:
    member: dict[str, Any] = {
        "id": member_id,
        "name": f"Member {member_id}",
        "perspectives": rng.choice(PERSPECTIVE_MIXES),
        "joined": joined.isoformat(),
        "area": "Synthetic" if rng.random() < 0.97 else "Elsewhere",
        "service_areas": sorted(rng.sample(SERVICE_AREAS, rng.randint(0, 2))),
    }
    if "staff" in member["perspectives"]:
        member["organisation"] = rng.choice(("Council", "NHS Trust", "ICB", "Charity"))
    if rng.random() < 0.9:
        member["access_needs"] = sorted(rng.sample(NEEDS, rng.choice((0, 0, 0, 1, 2))))
    if rng.random() < 0.8:
        member["training"] = [
            {"course": "Co-production basics", "completed": (joined + timedelta(days=60)).isoformat()}
        ]
    if rng.random() < 0.85:
        member["diversity"] = {"age": rng.choice(AGES), "ethnic_group": rng.choice(ETHNIC)}
    return member


def _meeting(rng: random.Random, meeting_id: str, group_id: str, day: date, members: list[str]) -> dict[str, Any]:
    zone = _zone(day)
    start = datetime(day.year, day.month, day.day, 10, 0, tzinfo=zone)
    present = [m for m in members if rng.random() < 0.8]
    return {
        "id": meeting_id,
        "group": group_id,
        "title": "Monthly meeting",
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=150)).isoformat(),
        "status": "held",
        "venue": {"name": "County Hall", "features": ["hearing-loop", "step-free"]},
        "breaks": [{"after_minutes": 75, "minutes": 15}],
        "agenda": [
            {"title": "Welcome", "leads": members[:1]},
            {"title": "Service update", "leads": members[1:2], "lived_experience_input": True},
        ],
        "papers": [{"title": "Agenda", "published": (day - timedelta(days=10)).isoformat(), "formats": ["standard"]}],
        "attendance": [{"member": m, "status": "present" if m in present else "apologies"} for m in members],
        "payments": [{"member": m, "kind": "payment", "amount": "40.00"} for m in present[:5]],
    }


def _council(rng: random.Random, scale: Scale, council: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yields ("members" | "groups" | "memberships" | "meetings", item) for one council."""
    first_meeting = date(2025, 12, 2)
    for g in range(scale.groups_per_council):
        group_id = f"c{council:03d}-g{g:02d}"
        yield (
            "groups",
            {
                "id": group_id,
                "name": f"Council {council} group {g}",
                "kind": KINDS[g % len(KINDS)],
                "purpose": "Co-produce services",
                "cadence": {"frequency": "monthly" if scale.meetings_per_group <= 12 else "fortnightly"},
                "quorum": 5,
                "ground_rules": {"agreed": "2026-03-01", "rules": [{"text": "Listen", "easy_read": "We listen"}]},
            },
        )
        member_ids = []
        for m in range(scale.members_per_group):
            member_id = f"{group_id}-m{m:02d}"
            member_ids.append(member_id)
            joined = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
            yield "members", _member(rng, member_id, joined)
            role = "co-chair" if m < 2 else "member"
            yield "memberships", {"member": member_id, "group": group_id, "role": role, "started": joined.isoformat()}
        step = 365 // scale.meetings_per_group
        for n in range(scale.meetings_per_group):
            day = first_meeting + timedelta(days=n * step)
            yield "meetings", _meeting(rng, f"{group_id}-mt{n:02d}", group_id, day, member_ids)


def write_register(path: Path, scale: Scale, seed: int = 2026) -> Path:
    """Write a synthetic register for ``scale`` to ``path`` as JSON; returns the path."""
    rng = random.Random(seed)
    sections: dict[str, Path] = {}
    handles: dict[str, TextIO] = {}
    folder = path.parent
    try:
        for key in ("members", "groups", "memberships", "meetings"):
            sections[key] = folder / f".{path.name}.{key}.part"
            handles[key] = sections[key].open("w", encoding="utf-8")
        first = dict.fromkeys(handles, True)
        for council in range(scale.councils):
            for key, item in _council(rng, scale, council):
                handle = handles[key]
                handle.write(("" if first[key] else ",\n") + json.dumps(item, separators=(",", ":")))
                first[key] = False
    finally:
        for handle in handles.values():
            handle.close()
    with path.open("w", encoding="utf-8") as out:
        out.write('{"organisation":"Synthetic councils","area":"Synthetic"')
        for key, part in sections.items():
            out.write(f',\n"{key}":[\n')
            with part.open(encoding="utf-8") as source:
                while chunk := source.read(1 << 20):
                    out.write(chunk)
            out.write("]")
            part.unlink()
        out.write("}\n")
    return path
