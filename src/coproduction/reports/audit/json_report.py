"""The audit report as JSON for scripts: the report structure itself, in its fixed order (the notice first)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
