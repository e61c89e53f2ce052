"""Calendar engines that expand an exported file the way applications do, for comparing their readings.

* recurring-ical-events (Python, on icalendar and dateutil): applies RRULE, EXDATE, RECURRENCE-ID overrides and
  X-WR-TIMEZONE as calendar applications do.
* ical.js (JavaScript, Mozilla's, used by Thunderbird's and many web calendars), run by Node.js through
  ``icaljs_expand.mjs`` beside this file. ``.ci/setup-icaljs.sh`` installs Node.js and ical.js into
  ``.ci/icaljs/node_modules/ical.js`` (or set ``ICALJS_DIR``). Without them a test skips locally and fails in CI
  (``CI=true``), where the script has run.

Each gives occurrences as ``(uid, start, end, summary, status)``, times in UTC, sorted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).with_name("icaljs_expand.mjs")
DEFAULT_ICALJS = ROOT / ".ci" / "icaljs" / "node_modules" / "ical.js"

Occurrence = tuple[str, datetime, datetime, str, str]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def recurring_ical_events_occurrences(data: bytes, start: date, end: date) -> list[Occurrence]:
    """The occurrences recurring-ical-events finds between ``start`` and ``end``."""
    calendar = Calendar.from_ical(data)
    return sorted(
        (
            str(event["UID"]),
            event.decoded("DTSTART").astimezone(UTC),
            event.decoded("DTEND").astimezone(UTC),
            str(event["SUMMARY"]),
            str(event.get("STATUS", "")),
        )
        for event in recurring_ical_events.of(calendar).between(start, end)
    )


def icaljs_module() -> Path:
    """ical.js's ES module, or skip (locally) / fail (in CI) naming what is missing and how to install it."""
    package = Path(os.environ.get("ICALJS_DIR") or DEFAULT_ICALJS)
    module = package / "dist" / "ical.js"
    missing = []
    if shutil.which("node") is None:
        missing.append("Node.js (node)")
    if not module.is_file():
        missing.append(f"ical.js ({module})")
    if missing:
        message = f"{' and '.join(missing)} not found; run `bash .ci/setup-icaljs.sh` to install them"
        if in_ci():
            pytest.fail(message + " -- CI must install them (.ci/run calls the script)", pytrace=False)
        pytest.skip(message)
    return module


def icaljs_occurrences(data: bytes, start: date, end: date) -> list[Occurrence]:
    """The occurrences ical.js finds between ``start`` and ``end`` (00:00 UTC each)."""
    module = icaljs_module()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calendar.ics"
        path.write_bytes(data)
        span = [f"{start.isoformat()}T00:00:00Z", f"{end.isoformat()}T00:00:00Z"]
        done = subprocess.run(
            ["node", str(SCRIPT), str(module), str(path), *span],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    return sorted(
        (uid, _utc(first), _utc(last), summary, status or "")
        for uid, _, first, last, summary, status, _ in json.loads(done.stdout)
    )


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
