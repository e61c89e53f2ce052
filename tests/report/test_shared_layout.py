"""One layout, one stylesheet and one escaping rule for every HTML report (issue 16): the audit's and the board's."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from coproduction.api import audit_group
from coproduction.reports import templates
from coproduction.reports.board import board_report, render_board_report
from tests.report.helpers import AS_OF, example_page, example_register
from tests.report.test_content import HOSTILE

TEMPLATES = Path(templates.__file__).parent


def head(page: str) -> str:
    """The page up to its first heading, with the title and description taken out."""
    top = page[: page.index("<h1>")]
    return re.sub(r'<title>.*?</title>|<meta name="description" content="[^"]*">', "", top, flags=re.S)


def audit_page(register=None, group: str = "team-up-board", publishable: bool = True) -> str:  # type: ignore[no-untyped-def]
    report = audit_group(register or example_register(), group, as_of=AS_OF, publishable=publishable)
    return report.render("html")


def test_the_audit_and_the_board_report_share_the_layout_and_the_stylesheet() -> None:
    pages = [audit_page(), audit_page(publishable=False), example_page("plain"), example_page("easy-read")]
    heads = {head(page).replace(' class="easy-read"', "") for page in pages}
    assert len(heads) == 1, "the same head, stylesheet and body opening"
    css = str(templates.stylesheet())
    for page in pages:
        assert f"<style>{css}</style>" in page
        assert page.count("<main>") == 1
        assert page.endswith("</main>\n</body>\n</html>\n")


def hostile_register():  # type: ignore[no-untyped-def]
    register = example_register()
    groups = tuple(attrs.evolve(g, name=HOSTILE) if g.id == "team-up-board" else g for g in register.groups)
    return attrs.evolve(register, groups=groups)


def test_a_hostile_group_name_stays_text_in_the_audit() -> None:
    page = audit_page(hostile_register())
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;" in page
    assert '<meta name="description" content="Publishable version.' in page


def test_a_hostile_group_name_stays_text_in_the_board_report_title_and_description() -> None:
    for easy in (False, True):
        page = render_board_report(board_report(hostile_register(), "team-up-board", as_of=AS_OF), easy_read=easy)
        assert "<script" not in page
        title = re.search(r"<title>(.*?)</title>", page)
        assert title is not None
        assert title.group(1).startswith("&lt;script&gt;alert(&#34;x&#34;)")
        description = re.search(r'<meta name="description" content="([^"]*)">', page)
        assert description is not None


def test_autoescaping_is_on_for_every_template_and_nothing_from_a_register_is_marked_safe() -> None:
    env = templates.environment()
    for name in env.list_templates(extensions=["html"]):
        assert env.get_template(name).render  # every template loads
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), name
        assert "autoescape false" not in source, name
    assert env.autoescape is True
    assert set(env.list_templates(extensions=["html"])) == {"audit.html", "board.html", "layout.html", "macros.html"}


def test_icons_are_the_packages_own_and_their_words_are_escaped() -> None:
    svg = str(templates.icon("tick", 'Good "news" <b>', "x1"))
    assert '<title id="icon-x1">Good &#34;news&#34; &lt;b&gt;</title>' in svg
    assert svg.startswith('<svg class="icon"')
    with pytest.raises(ValueError, match="no icon 'nope'"):
        templates.icon("nope", "alt", "x")
    for name in templates.ICONS:
        assert "<title" in str(templates.icon(name, "alt", name))


def test_every_icon_file_is_shipped_and_licensed() -> None:
    folder = TEMPLATES.parent / "static" / "icons"
    assert sorted(p.stem for p in folder.glob("*.svg")) == sorted(templates.ICONS)
    licence = (folder / "LICENSE.md").read_text(encoding="utf-8")
    assert "MIT License" in licence


def test_the_audit_page_is_the_same_bytes_each_time() -> None:
    assert audit_page() == audit_page()
