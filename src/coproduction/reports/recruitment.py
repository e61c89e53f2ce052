"""A recruitment round's result as text, JSON or Markdown, internal or publishable (``coproduction select``;
docs/recruitment.md). Rendering is an edge: it lives here with the library's other reports, not in the
:mod:`coproduction.recruitment` domain package, whose selection arithmetic it renders.

The internal report names applicants (id and name) beside their selection probabilities, the panel drawn and the
applicants screened out, and says on its first lines that it is not for publication. The publishable report names
nobody: candidates appear by number only (their place among the eligible applicants), counts of 1 to 4 are shown
as "fewer than 5" as the audit does (docs/audit.md), and no output, internal or publishable, shows any applicant's
diversity answers.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from coproduction.recruitment.selection import RoundResult

FORMATS = ("text", "json", "markdown")


def _count(value: int, publishable: bool, threshold: int) -> str:
    if publishable and 0 < value < threshold:
        return f"fewer than {threshold}"
    return str(value)


def _meaning(result: RoundResult, publishable: bool) -> str:
    round_ = result.round
    head = (
        f"This is the result of the recruitment round for {round_.group} ({round_.seats} seats, closed "
        f"{round_.closing.isoformat()}). Every possible panel that could be drawn met all the quotas below; among "
        "all fair ways of drawing such a panel, the one used gives the applicants whose chance is lowest as high a "
        "chance as possible (LEXIMIN, Flanigan et al., Nature 2021). The panel was then drawn with the announced "
        f"seed {result.seed}, so anyone can repeat the draw and get the same panel."
    )
    if publishable:
        return head + " This version names nobody and may be published."
    return (
        head + " This version names applicants: it is for the officers running the round, not for publication "
        "(use --publishable for a version that is)."
    )


def _panel_label(panel: tuple[int, ...], result: RoundResult, publishable: bool) -> str:
    if publishable:
        return ", ".join(f"#{i + 1}" for i in panel)
    return ", ".join(f"#{i + 1} {result.candidates[i].id}" for i in panel)


def to_data(result: RoundResult, *, publishable: bool, threshold: int = 5) -> dict[str, Any]:
    """The report as plain data (the JSON format)."""
    screening = result.screening
    reasons = Counter(reason for out in screening.screened_out for reason in out.reasons)
    data: dict[str, Any] = {
        "meaning": _meaning(result, publishable),
        "publishable": publishable,
        "group": result.round.group,
        "seats": result.round.seats,
        "closing": result.round.closing.isoformat(),
        "applied": _count(len(result.round.applicants), publishable, threshold),
        "eligible": _count(len(screening.eligible), publishable, threshold),
        "screened_out": _count(len(screening.screened_out), publishable, threshold),
        "screened_out_reasons": {r: _count(n, publishable, threshold) for r, n in sorted(reasons.items())},
        "quotas": [{"quota": q.words, "from": list(q.sources)} for q in result.quotas],
        "notes": list(result.notes),
        "probabilities": {
            "lowest": round(min(result.probabilities), 4),
            "highest": round(max(result.probabilities), 4),
            "equal_share": round(result.equal_share, 4),
        },
        "draw": {
            "seed": result.seed,
            "value": result.draw_value,
            "rule": "u = random.Random(seed).random() in Python; the panel drawn is the first whose cumulative "
            "probability, in the order listed, exceeds u",
        },
        "distribution": [
            {"panel": [i + 1 for i in panel], "probability": weight}
            for panel, weight in zip(result.distribution.panels, result.distribution.weights, strict=True)
        ],
        "drawn": [i + 1 for i in result.drawn],
    }
    if not publishable:
        data["candidates"] = [
            {"number": n + 1, "id": a.id, "name": a.name, "probability": round(p, 4)}
            for n, (a, p) in enumerate(zip(result.candidates, result.probabilities, strict=True))
        ]
        data["panel"] = [{"id": a.id, "name": a.name} for a in result.panel]
        data["screened_out_applicants"] = [
            {"id": o.applicant.id, "name": o.applicant.name, "reasons": list(o.reasons)} for o in screening.screened_out
        ]
    return data


def render_json(result: RoundResult, *, publishable: bool, threshold: int = 5) -> str:
    """The report as JSON."""
    return (
        json.dumps(to_data(result, publishable=publishable, threshold=threshold), indent=2, ensure_ascii=False) + "\n"
    )


def render_text(result: RoundResult, *, publishable: bool, threshold: int = 5) -> str:
    """The report as text for a person to read."""
    data = to_data(result, publishable=publishable, threshold=threshold)
    kind = "publishable" if publishable else "internal: not for publication"
    lines = [f"Recruitment round for {result.round.group} ({kind})", "", data["meaning"], ""]
    lines.append(
        f"Applicants: {data['applied']} applied, {data['eligible']} eligible, {data['screened_out']} screened out."
    )
    if publishable and data["screened_out_reasons"]:
        lines.append("Why applicants were screened out (one applicant may have several reasons):")
        lines.extend(f"  - {reason}: {count}" for reason, count in data["screened_out_reasons"].items())
    if not publishable and data["screened_out_applicants"]:
        lines.append("Screened out:")
        lines.extend(f"  - {o['id']} {o['name']}: {'; '.join(o['reasons'])}" for o in data["screened_out_applicants"])
    lines.append("")
    if result.quotas:
        lines.append("Quotas (every panel in the distribution meets all of them):")
        lines.extend(f"  - {q['quota']} (from {' and '.join(q['from'])})" for q in data["quotas"])
    else:
        lines.append("Quotas: none; every eligible applicant had the same chance.")
    lines.extend(f"Note: {note}" for note in result.notes)
    spread = data["probabilities"]
    lines += [
        "",
        f"Chances of selection: lowest {spread['lowest']:.4f}, highest {spread['highest']:.4f}; with no quotas "
        f"everyone would have {spread['equal_share']:.4f} ({result.round.seats} seats among "
        f"{len(result.candidates)} eligible applicants).",
    ]
    if not publishable:
        lines.append("Each eligible applicant's chance (number, id, name, chance):")
        lines.extend(
            f"  #{c['number']:<3} {c['id']:<12} {c['name']:<28} {c['probability']:.4f}" for c in data["candidates"]
        )
    lines += ["", f"The panel drawn (seed {result.seed}, u = {result.draw_value!r}):"]
    if publishable:
        lines.append(f"  applicants {_panel_label(result.drawn, result, True)}")
    else:
        lines.extend(f"  - {a.id} {a.name}" for a in result.panel)
    lines += ["", "Published distribution, for anyone to check the draw (" + data["draw"]["rule"] + "):"]
    cumulative = 0.0
    for number, (panel, weight) in enumerate(
        zip(result.distribution.panels, result.distribution.weights, strict=True), start=1
    ):
        cumulative += weight
        lines.append(
            f"  {number:>4}. p = {weight:.6f} (up to {cumulative:.6f}): {_panel_label(panel, result, publishable)}"
        )
    return "\n".join(lines) + "\n"


def render_markdown(result: RoundResult, *, publishable: bool, threshold: int = 5) -> str:
    """The report as Markdown for publishing: always the publishable version (``publishable`` is accepted for a
    common signature and ignored), naming nobody, with counts of 1 to ``threshold - 1`` as "fewer than N"."""
    data = to_data(result, publishable=True, threshold=threshold)
    spread = data["probabilities"]
    lines = [f"# Recruitment round for {result.round.group}", "", data["meaning"], "", "## Applicants", ""]
    lines += [
        "| Applied | Eligible | Screened out |",
        "| --- | --- | --- |",
        f"| {data['applied']} | {data['eligible']} | {data['screened_out']} |",
    ]
    if data["screened_out_reasons"]:
        lines += ["", "Why applicants were screened out (one applicant may have several reasons):", ""]
        lines.extend(f"- {reason}: {count}" for reason, count in data["screened_out_reasons"].items())
    lines += ["", "## Quotas", ""]
    if result.quotas:
        lines.append("Every panel that could have been drawn meets all of these:")
        lines.append("")
        lines.extend(f"- {q['quota']} (from {' and '.join(q['from'])})" for q in data["quotas"])
    else:
        lines.append("None: every eligible applicant had the same chance.")
    if result.notes:
        lines.append("")
        lines.extend(f"Note: {note}" for note in result.notes)
    lines += [
        "",
        "## Chances of selection",
        "",
        f"Lowest {spread['lowest']:.4f}, highest {spread['highest']:.4f}; with no quotas everyone would have "
        f"{spread['equal_share']:.4f} ({result.round.seats} seats among the eligible applicants).",
        "",
        "## The draw",
        "",
        f"Seed {result.seed}, u = {result.draw_value!r}. Rule: {data['draw']['rule']}.",
        "",
        f"Applicants drawn, by number: {_panel_label(result.drawn, result, True)}.",
        "",
        "| Panel | Probability | Cumulative | Applicants, by number |",
        "| ---: | ---: | ---: | --- |",
    ]
    cumulative = 0.0
    for number, (panel, weight) in enumerate(
        zip(result.distribution.panels, result.distribution.weights, strict=True), start=1
    ):
        cumulative += weight
        lines.append(f"| {number} | {weight:.6f} | {cumulative:.6f} | {_panel_label(panel, result, True)} |")
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
"""Each of :data:`FORMATS` and the function that renders a round's result in it (keyword arguments ``publishable``
and ``threshold``)."""

__all__ = ["FORMATS", "RENDERERS", "render_json", "render_markdown", "render_text", "to_data"]
