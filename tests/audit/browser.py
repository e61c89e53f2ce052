"""Run axe-core over an HTML file in headless Chromium, with no driver: chromium --dump-dom on a probe page.

The probe is a copy of the page with two scripts added at the end of the body: axe.min.js (from a local
file:// path) and a call to ``axe.run`` that writes the violations as JSON into a ``<pre id="axe-results">``.
``--virtual-time-budget`` lets the page's timers run before Chromium dumps the DOM, which is then parsed.

Where things are found (see docs/audit.md, "Accessibility test"):
- Chromium: ``$CHROMIUM``, else ``chromium`` (Debian), ``chromium-browser`` or ``google-chrome`` on PATH.
- axe-core: ``$AXE_CORE_JS``, else ``.ci/axe/node_modules/axe-core/axe.min.js`` (installed by
  ``.ci/setup-browser.sh``).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_AXE = ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def find_axe() -> Path | None:
    explicit = os.environ.get("AXE_CORE_JS")
    path = Path(explicit) if explicit else DEFAULT_AXE
    return path if path.is_file() else None


def tools() -> tuple[str, Path]:
    """Chromium and axe-core, or skip (locally) / fail (in CI, where .ci/setup-browser.sh installs them)."""
    chromium, axe = find_chromium(), find_axe()
    missing = []
    if chromium is None:
        missing.append("chromium (apt-get install chromium)")
    if axe is None:
        missing.append(f"axe-core ({DEFAULT_AXE}; run bash .ci/setup-browser.sh, or set AXE_CORE_JS)")
    if missing:
        message = "the accessibility check needs " + " and ".join(missing)
        if in_ci():
            pytest.fail(message + " -- CI must install them", pytrace=False)
        pytest.skip(message)
    assert chromium is not None
    assert axe is not None
    return chromium, axe


PROBE = """<script src="{axe}"></script>
<script>
axe.run(document, {{resultTypes: ["violations"]}}).then(function (result) {{
  var out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify(result.violations.map(function (v) {{
    return {{id: v.id, impact: v.impact, help: v.help,
             nodes: v.nodes.map(function (n) {{ return n.target.join(" ") + ": " + n.failureSummary; }})}};
  }}));
  document.body.appendChild(out);
}}).catch(function (error) {{
  var out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify({{error: String(error)}});
  document.body.appendChild(out);
}});
</script>
</body>"""


LAYOUT_PROBE = """<script>
var figures = Array.prototype.slice.call(document.querySelectorAll("figure"));
var out = document.createElement("pre");
out.id = "layout-results";
out.textContent = JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  charts: figures.map(function (f) {
    var svg = f.querySelector("svg");
    return {figure: f.getBoundingClientRect().width, svg: svg ? svg.getBoundingClientRect().width : null};
  })
});
document.body.appendChild(out);
</script>
</body>"""


def run_probe(page: str, workdir: Path, name: str, script: str, *flags: str) -> Any:
    """What ``script`` writes as JSON into a ``<pre id="{name}-results">`` once headless Chromium has loaded
    ``page`` with the script put before its ``</body>`` (as ``workdir/{name}.html``, with a profile of its own
    beside it). ``flags`` are Chromium's besides those every probe needs; the one harness for the audit and the
    board report (tests/report/test_accessibility.py)."""
    chromium, _ = tools()
    if "</body>" not in page:
        raise AssertionError("the page has no </body> to put the probe before")
    probe = workdir / f"{name}.html"
    probe.write_text(page.replace("</body>", script, 1), encoding="utf-8")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",  # tests run as root in CI; the page is our own local file
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={workdir / f'{name}-profile'}",
        *flags,
        "--dump-dom",
        probe.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    found = re.search(rf'<pre id="{re.escape(name)}-results">(.*?)</pre>', done.stdout, re.S)
    if found is None:
        raise AssertionError(
            f"{name} wrote no results (chromium exit {done.returncode}); stderr tail:\n{done.stderr[-2000:]}"
        )
    return json.loads(html.unescape(found.group(1)))


def layout(page: str, workdir: Path, width: int) -> dict[str, Any]:
    """How the page lays out in a window ``width`` pixels wide: the document's scroll width, the window's inner
    width, and each figure's width beside its chart's. (Headless Chromium does not go below about 500 pixels.)"""
    result: dict[str, Any] = run_probe(
        page, workdir, "layout", LAYOUT_PROBE, "--hide-scrollbars", f"--window-size={width},900"
    )
    return result


def axe_violations(page: str, workdir: Path) -> list[dict[str, Any]]:
    """The axe-core violations for the HTML text ``page``."""
    _, axe = tools()
    results = run_probe(
        page,
        workdir,
        "axe",
        PROBE.format(axe=axe.resolve().as_uri()),
        "--allow-file-access-from-files",
        "--virtual-time-budget=30000",
    )
    if isinstance(results, dict):
        raise AssertionError(f"axe failed: {results.get('error')}")
    return list(results)
