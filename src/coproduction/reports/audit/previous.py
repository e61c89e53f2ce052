"""Reading the last published audit back (``coproduction audit --publishable --previous FILE``).

FILE is the JSON output of an earlier ``coproduction audit --publishable --format json`` of the same group against
the same baseline. What the new publication is compared with (:mod:`coproduction.audit.differencing`) is exactly
what that one published: each characteristic's cells, shown or with why not, and the group's size. Anything else
is refused with every problem located (``$.characteristics[2].rows[0].count``), so that a wrong file can never
quietly weaken the protection.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeGuard

from coproduction.audit.differencing import PreviousPublication, PreviousTable
from coproduction.audit.errors import PreviousAuditError
from coproduction.audit.suppression import (
    ANSWERED,
    COMPLETENESS_KEYS,
    NOT_KNOWN,
    PREFER_NOT_TO_SAY,
    CellStatus,
    domain_bits,
    feasible_bits,
)
from coproduction.errors import Problem
from coproduction.io.special import not_regular_message
from coproduction.models.diversity import Characteristic

#: A publishable audit's JSON is a few kilobytes; anything far larger is not one.
MAX_BYTES = 5_000_000
REPORT = "coproduction diversity audit"
_FIELDS = {ANSWERED: "answered", PREFER_NOT_TO_SAY: "prefer_not_to_say", NOT_KNOWN: "not_known"}
_HIDDEN = {status.value: status for status in CellStatus if status is not CellStatus.SHOWN}


def read_previous(
    path: str | Path,
    *,
    group_id: str,
    baseline_name: str,
    categories: Mapping[Characteristic, tuple[str, ...]],
) -> PreviousPublication:
    """The publication in the file ``path``; ``categories`` are this audit's keys for each characteristic's rows.

    Raises :class:`PreviousAuditError` naming every problem: not readable, not JSON, not a publishable audit,
    another group or baseline, different categories, or counts that do not add up.
    """
    name = str(path)
    refused = not_regular_message(path)
    if refused is not None:
        raise PreviousAuditError([Problem(name, "", refused)])
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise PreviousAuditError([Problem(name, "", f"cannot be read: {error.strerror or error}")]) from None
    if len(data) > MAX_BYTES:
        raise PreviousAuditError([Problem(name, "", f"is larger than {MAX_BYTES:,} bytes: not an audit's JSON")])
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PreviousAuditError([Problem(name, "", "is not UTF-8 text: give the audit's JSON output")]) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise PreviousAuditError(
            [Problem(name, "", f"is not JSON ({error.msg} at {where}): give the audit's --format json output")]
        ) from None
    return previous_from_data(
        document, name, group_id=group_id, baseline_name=baseline_name, categories=categories
    )


def previous_from_data(
    document: Any,
    name: str,
    *,
    group_id: str,
    baseline_name: str,
    categories: Mapping[Characteristic, tuple[str, ...]],
) -> PreviousPublication:
    """:func:`read_previous` for JSON already parsed (``name`` is where it came from, for messages)."""
    problems: list[Problem] = []

    def problem(where: str, message: str) -> None:
        problems.append(Problem(name, where, message))

    if not isinstance(document, dict):
        problem("$", "expected a JSON object: the output of coproduction audit --publishable --format json")
        raise PreviousAuditError(problems)
    if document.get("report") != REPORT:
        problem("$.report", f"expected {REPORT!r}: this is not a diversity audit's JSON output")
        raise PreviousAuditError(problems)
    if document.get("mode") != "publishable":
        problem(
            "$.mode",
            f"{_shown(document.get('mode'))} is not 'publishable': give the audit that was published "
            "(made with --publishable --format json)",
        )
    group = document.get("group")
    found_group = group.get("id") if isinstance(group, dict) else None
    if found_group != group_id:
        problem("$.group.id", f"{_shown(found_group)} is not the group audited now, {group_id!r}")
    base = document.get("baseline")
    found_base = base.get("name") if isinstance(base, dict) else None
    if found_base != baseline_name:
        problem("$.baseline.name", f"{_shown(found_base)} is not the baseline used now, {baseline_name!r}")
    as_of = document.get("as_of")
    if not isinstance(as_of, str):
        problem("$.as_of", "expected the audit's date, YYYY-MM-DD")
    policy = document.get("policy")
    threshold = policy.get("suppression_threshold") if isinstance(policy, dict) else None
    if not _whole(threshold) or threshold < 1:
        problem("$.policy.suppression_threshold", "expected a whole number, 1 or more")
        threshold = None
    members = _group_size(document.get("members"), problem)
    tables: dict[Characteristic, PreviousTable] = {}
    entries = document.get("characteristics")
    if not isinstance(entries, list):
        problem("$.characteristics", "expected a list of characteristics")
        entries = []
    if problems:
        raise PreviousAuditError(problems)
    assert isinstance(threshold, int)
    for index, entry in enumerate(entries):
        table = _table(entry, f"$.characteristics[{index}]", members, threshold, categories, problem)
        if table is not None:
            if table.characteristic in tables:
                problem(f"$.characteristics[{index}].characteristic", "this characteristic appears twice")
            tables[table.characteristic] = table
    if problems:
        raise PreviousAuditError(problems)
    assert isinstance(as_of, str)
    return PreviousPublication(group_id=group_id, baseline_name=baseline_name, as_of=as_of, tables=tables)


def _shown(value: object) -> str:
    """A structural value (a mode, an id, a name) for a message: short, and never a count."""
    if isinstance(value, str):
        return repr(value[:60])
    return "nothing" if value is None else f"a {type(value).__name__}"


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _group_size(value: object, problem: Any) -> int | None:
    if not isinstance(value, dict):
        problem("$.members", 'expected {"count": N, "suppressed": null} or a suppressed count')
        return None
    count, suppressed = value.get("count"), value.get("suppressed")
    if suppressed is None and _whole(count) and count >= 0:
        return count
    if count is None and suppressed in _HIDDEN:
        return None
    problem("$.members", 'expected {"count": N, "suppressed": null} or a suppressed count')
    return None


def _table(
    entry: object,
    where: str,
    members: int | None,
    threshold: int,
    expected: Mapping[Characteristic, tuple[str, ...]],
    problem: Any,
) -> PreviousTable | None:
    if not isinstance(entry, dict):
        problem(where, "expected an object for one characteristic")
        return None
    try:
        characteristic = Characteristic(str(entry.get("characteristic")))
    except ValueError:
        problem(f"{where}.characteristic", f"{_shown(entry.get('characteristic'))} is not a characteristic")
        return None
    completeness = entry.get("completeness")
    rows = entry.get("rows")
    if not isinstance(completeness, dict) or not isinstance(rows, list):
        problem(where, "expected 'completeness' (an object) and 'rows' (a list)")
        return None
    size = completeness.get("members")
    if size is None:
        size = members
    if size is not None and (not _whole(size) or size < 0 or (members is not None and size != members)):
        problem(f"{where}.completeness.members", "expected the group's size, a whole number")
        return None
    assert size is None or isinstance(size, int)
    cells: dict[str, tuple[CellStatus, int | None]] = {}
    for key in COMPLETENESS_KEYS:
        cell = _cell(completeness.get(_FIELDS[key]), f"{where}.completeness.{_FIELDS[key]}", size, problem)
        if cell is not None:
            cells[key] = cell
    keys: list[str] = []
    for number, row in enumerate(rows):
        at = f"{where}.rows[{number}]"
        if not isinstance(row, dict) or not isinstance(row.get("category"), str):
            problem(at, "expected an object with a 'category'")
            continue
        keys.append(row["category"])
        cell = _cell(row.get("count"), f"{at}.count", size, problem)
        if cell is not None:
            cells[row["category"]] = cell
    wanted = expected.get(characteristic)
    if wanted is not None and tuple(keys) != wanted:
        problem(
            f"{where}.rows",
            f"the categories ({', '.join(keys) or 'none'}) are not this audit's ({', '.join(wanted)}): the "
            "baseline's groups of categories have changed, so the two audits cannot be compared",
        )
        return None
    if len(cells) != len(COMPLETENESS_KEYS) + len(keys):
        return None
    if size is not None and not _adds_up(cells, keys, size, threshold):
        problem(where, "its counts do not add up (members = answered + prefer not to say + not known; answered = "
                "the categories): this is not an audit as it was published")
        return None
    return PreviousTable(characteristic, size, threshold, cells)


def _cell(value: object, where: str, members: int | None, problem: Any) -> tuple[CellStatus, int | None] | None:
    if isinstance(value, dict):
        count, suppressed = value.get("count"), value.get("suppressed")
        if suppressed is None and _whole(count) and count >= 0 and (members is None or count <= members):
            return (CellStatus.SHOWN, count)
        if count is None and suppressed in _HIDDEN:
            assert isinstance(suppressed, str)
            return (_HIDDEN[suppressed], None)
    allowed = ", ".join(sorted(_HIDDEN))
    problem(where, f'expected {{"count": N, "suppressed": null}} or {{"count": null, "suppressed": one of {allowed}}}')
    return None


def _adds_up(cells: Mapping[str, tuple[CellStatus, int | None]], keys: list[str], members: int, threshold: int) -> bool:
    domains = {key: domain_bits(state, value, members, threshold) for key, (state, value) in cells.items()}
    return bool(feasible_bits(members, domains, keys)[ANSWERED])
