"""The HTML reports' one template environment: one layout (``layout.html``), one stylesheet
(``static/report.css``) and one escaping rule, shared by the diversity audit and the board report.

Pages are rendered by Jinja2 (https://jinja.palletsprojects.com/en/stable/api/#autoescaping) with autoescaping on
for every template: whatever a register says (a member's, group's or venue's name, an outcome's words) is text, so
``<script>`` or a quote in it is shown, never run, and cannot end an attribute. The only values marked safe are the
package's own stylesheet and icons. Templates are read from the package (``PackageLoader``), so an installed copy
renders the same bytes as a source tree; nothing depends on the clock or the machine.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

_SVG_BODY = re.compile(r"<svg\b[^>]*>(.*)</svg>", re.S)


@cache
def environment() -> Environment:
    """The shared environment: autoescaping on for every template, undefined names an error, ``do`` for lists."""
    env = Environment(
        loader=PackageLoader("coproduction.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.globals["icon"] = icon
    return env


@cache
def stylesheet() -> Markup:
    """The shared stylesheet (the package's ``static/report.css``), safe to inline in a ``<style>``."""
    text = resources.files("coproduction.reports").joinpath("static", "report.css").read_text(encoding="utf-8")
    return Markup(text.strip())


@cache
def _icon_body(name: str) -> str:
    path = resources.files("coproduction.reports").joinpath("static", "icons", f"{name}.svg")
    found = _SVG_BODY.search(path.read_text(encoding="utf-8"))
    if found is None:  # pragma: no cover - the package's own files
        raise ValueError(f"icon {name!r} is not an SVG")
    return found.group(1).strip()


ICONS = (
    "access", "calendar", "choice", "fix-now", "fix-soon", "lock", "look", "money",
    "people", "place", "report", "speech", "tick", "together", "words",
)  # fmt: skip
"""The icons the package ships (``static/icons/*.svg``, drawn for this project, MIT licensed)."""


def icon(name: str, alt: str, ident: str) -> Markup:
    """An icon inline, as an image with ``alt`` for its text alternative (its SVG title): ``ident`` makes the title's
    id unique on the page."""
    if name not in ICONS:
        raise ValueError(f"no icon {name!r}; the icons are: {', '.join(ICONS)}")
    title_id = f"icon-{escape(ident)}"
    return Markup(
        '<svg class="icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" '
        f'aria-labelledby="{title_id}" focusable="false"><title id="{title_id}">{escape(alt)}</title>'
        f"{_icon_body(name)}</svg>"
    )


def render(template: str, **context: Any) -> str:
    """Render the package template ``template`` with ``context`` (and the shared ``stylesheet``)."""
    page = environment().get_template(template).render(stylesheet=stylesheet(), **context)
    return page if page.endswith("\n") else page + "\n"
