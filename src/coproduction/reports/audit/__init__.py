"""Audit report renderers: text, JSON, Markdown and HTML, all drawn from :func:`build_report`'s one structure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coproduction.reports.audit import html, json_report, markdown, text
from coproduction.reports.audit.model import INTERNAL, PUBLISHABLE, build_report

RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "html": html.render,
}
"""Each report format (``text``, ``json``, ``markdown``, ``html``) and the function that renders a report in it."""

__all__ = ["INTERNAL", "PUBLISHABLE", "RENDERERS", "build_report"]
