"""Write the hostile-input corpus beside this file, and its table of expectations (EXPECTED.toml).

Run ``python tests/hardening/corpus/generate.py`` to rebuild it. Each case starts from one small valid register
(BASE) and breaks it in one way; files whose bytes matter (encodings, truncation, NUL) are written as bytes.
Cases already covered in tests/data/invalid (tests/io) are not repeated; these build on them: every model gets a
wrong type, every format gets its encodings, truncations and nesting, and folders get their own failures.

Very large inputs (10 MB strings) are made by the tests at run time instead of being kept in git.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
import yaml

HERE = Path(__file__).resolve().parent

BASE: dict[str, Any] = {
    "organisation": "Example Council",
    "area": "Exampleshire",
    "members": [
        {
            "id": "ann",
            "name": "Ann Example",
            "perspectives": ["uses-services"],
            "joined": "2025-01-06",
            "training": [{"course": "Co-production basics", "completed": "2025-02-01"}],
            "diversity": {"age": "35-49", "religion": "no-religion"},
        },
        {"id": "bob", "name": "Bob Example", "perspectives": ["staff"]},
    ],
    "groups": [
        {
            "id": "board",
            "name": "Co-production Board",
            "kind": "board",
            "cadence": {"frequency": "monthly", "weekday": "TU", "week_of_month": 1, "start": "10:00", "end": "12:00"},
            "ground_rules": {
                "agreed": "2025-01-06",
                "rules": [{"text": "Listen to each other"}],
                "acknowledgements": [{"member": "ann", "on": "2025-01-07"}],
            },
        }
    ],
    "memberships": [
        {"member": "ann", "group": "board", "role": "co-chair", "started": "2025-01-06"},
        {"member": "bob", "group": "board"},
    ],
    "meetings": [
        {
            "id": "board-2026-01",
            "group": "board",
            "title": "January board",
            "start": "2026-01-06T10:00:00+00:00",
            "end": "2026-01-06T12:00:00+00:00",
            "status": "held",
            "venue": {"name": "Town Hall", "features": ["step-free"]},
            "breaks": [{"after_minutes": 60}],
            "agenda": [
                {
                    "title": "Welcome",
                    "leads": ["ann"],
                    "lived_experience_input": True,
                    "outcome": {"text": "We changed the leaflet", "recorded": "2026-01-20"},
                }
            ],
            "papers": [{"title": "Agenda", "published": "2025-12-20"}],
            "expected": ["ann", "bob"],
            "attendance": [{"member": "ann"}, {"member": "bob", "status": "apologies"}],
            "decisions": [{"text": "Agreed the plan"}],
            "actions": [{"text": "Book the room", "owner": "bob", "due": "2026-02-01"}],
            "payments": [{"member": "ann", "kind": "payment", "amount": "25.00"}],
        }
    ],
}

Data = dict[str, Any]
EXPECTED: dict[str, dict[str, Any]] = {}


def base() -> Data:
    return copy.deepcopy(BASE)


def as_yaml(data: Data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)


def as_json(data: Data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_toml(data: Data) -> str:
    return tomli_w.dumps(data)


RENDER: dict[str, Callable[[Data], str]] = {"yaml": as_yaml, "json": as_json, "toml": as_toml}


def case(name: str, path: str, message: str, **extra: Any) -> None:
    """Record what loading ``name`` must report: a problem at ``path`` ("" for the whole file) with ``message``."""
    assert name not in EXPECTED, name
    EXPECTED[name] = {"path": path, "message": message, **extra}


def write(name: str, content: str | bytes) -> None:
    target = HERE / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    target.write_bytes(content)


def mutated(name: str, change: Callable[[Data], None], path: str, message: str, **extra: Any) -> None:
    data = base()
    change(data)
    write(name, RENDER[name.rsplit(".", 1)[1]](data))
    case(name, path, message, **extra)


def setter(*keys: Any, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def remover(*keys: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


def build() -> None:
    yaml_text, json_text, toml_text = as_yaml(base()), as_json(base()), as_toml(base())

    # -- truncated files ----------------------------------------------------------------------------------
    cut = yaml_text.index("cadence") + 30
    write("truncated-flow-mapping.yaml", yaml_text[:cut])
    case("truncated-flow-mapping.yaml", "", "not valid YAML")
    write("truncated-mid-document.json", json_text[: len(json_text) // 2])
    case("truncated-mid-document.json", "", "not valid JSON")
    write("truncated-mid-string.toml", toml_text[: toml_text.index("Co-production Board") + 5])
    case("truncated-mid-string.toml", "", "not valid TOML")
    # Cut inside a two-byte UTF-8 character: the file is no longer UTF-8.
    accented = json_text.replace("Bob Example", "Zoë Example").encode("utf-8")
    write("truncated-inside-a-character.json", accented[: accented.index("ë".encode()) + 1])
    case("truncated-inside-a-character.json", "", "not UTF-8 text")
    # Cut after a key: YAML reads the missing value as null, so the place is known.
    write("truncated-after-a-key.yaml", yaml_text[: yaml_text.index("- id: bob") + len("- id: bob")] + "\n  name:\n")
    case("truncated-after-a-key.yaml", "$.members[1].name", "expected text, found nothing (null)")

    # -- encodings and byte-order marks -------------------------------------------------------------------
    write("utf16-le-no-bom.yaml", yaml_text.encode("utf-16-le"))
    case("utf16-le-no-bom.yaml", "", "not valid YAML")
    write("utf16-be-no-bom.json", json_text.encode("utf-16-be"))
    case("utf16-be-no-bom.json", "", "not valid JSON")
    write("utf16-bom.yaml", yaml_text.encode("utf-16"))
    case("utf16-bom.yaml", "", "not UTF-8 text: byte 0xff on line 1")
    write("utf16-bom.toml", toml_text.encode("utf-16"))
    case("utf16-bom.toml", "", "not UTF-8 text: byte 0xff on line 1")
    write("utf32-bom.json", json_text.encode("utf-32"))
    case("utf32-bom.json", "", "not UTF-8 text")
    write("latin1.json", json_text.replace("Bob Example", "Zoë Example").encode("latin-1"))
    case("latin1.json", "", "not UTF-8 text: byte 0xeb on line")
    write("latin1.toml", toml_text.replace("Bob Example", "Björn Example").encode("latin-1"))
    case("latin1.toml", "", "not UTF-8 text: byte 0xf6 on line")
    write(
        "cp1252-smart-quotes.yaml", yaml_text.replace("Listen to each other", "“Listen” to each other").encode("cp1252")
    )
    case("cp1252-smart-quotes.yaml", "", "not UTF-8 text: byte 0x93 on line")
    # A UTF-8 byte-order mark (Windows Notepad writes one) is harmless: such files load.
    write("utf8-bom.yaml", b"\xef\xbb\xbf" + yaml_text.encode())
    case("utf8-bom.yaml", "", "", loads=True)
    write("utf8-bom.json", b"\xef\xbb\xbf" + json_text.encode())
    case("utf8-bom.json", "", "", loads=True)
    write("utf8-bom.toml", b"\xef\xbb\xbf" + toml_text.encode())
    case("utf8-bom.toml", "", "", loads=True)
    write("utf8-bom-twice.json", b"\xef\xbb\xbf\xef\xbb\xbf" + json_text.encode())
    case("utf8-bom-twice.json", "", "not valid JSON")

    # -- duplicate keys: last-wins would silently drop data ----------------------------------------------
    # YAML and TOML refuse a key given twice in one mapping; JSON's parser keeps the last value silently.
    write(
        "duplicate-top-level-key.yaml",
        "organisation: Example Council\norganisation: Other Council\n" + yaml_text.split("\n", 1)[1],
    )
    case(
        "duplicate-top-level-key.yaml",
        "",
        "the key 'organisation' appears twice in one mapping (first on line 1) (line 2",
    )
    write("duplicate-diversity-field.yaml", yaml_text.replace("age: 35-49", "age: 35-49, age: 50-64"))
    case("duplicate-diversity-field.yaml", "", "the key 'age' appears twice")
    bug = (
        "loader bug (a limitation documented in docs/register-format.md): "
        "JSON duplicate keys are accepted and the last one wins"
    )
    write(
        "duplicate-member-field.json",
        json_text.replace('"name": "Bob Example"', '"name": "Bob Example", "name": "Robert Example"'),
    )
    case("duplicate-member-field.json", "", "the key 'name' appears twice", xfail=bug)
    write("duplicate-top-level-key.json", '{"organisation": "Example Council",\n' + json_text[1:])
    case("duplicate-top-level-key.json", "", "the key 'organisation' appears twice", xfail=bug)
    write("duplicate-key.toml", toml_text.replace('id = "bob"', 'id = "bob"\nid = "rob"'))
    case("duplicate-key.toml", "", "not valid TOML: Cannot overwrite a value")
    write("duplicate-table.toml", "members = []\n" + toml_text)
    case("duplicate-table.toml", "", "not valid TOML")

    # -- alias bombs ----------------------------------------------------------------------------------------
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    write("billion-laughs-flow.yaml", "\n".join(lines) + "\norganisation: *a9\narea: A\n")
    case("billion-laughs-flow.yaml", "", "aliases repeat more than 100000 values", subprocess=True)
    merges = ["base0: &m0 {id: a, name: A}"]
    merges += [f"base{i}: &m{i} {{<<: [" + ", ".join([f"*m{i - 1}"] * 12) + "]}" for i in range(1, 12)]
    write("merge-key-bomb.yaml", "\n".join(merges) + "\norganisation: O\narea: A\nmembers: [*m11]\n")
    case("merge-key-bomb.yaml", "", "aliases repeat more than 100000 values", subprocess=True)
    wide = ["big: &big [" + ", ".join(str(i) for i in range(5000)) + "]"]
    wide += ["organisation: O", "area: A", "members: [" + ", ".join(["*big"] * 30) + "]"]
    write("alias-to-a-large-list.yaml", "\n".join(wide) + "\n")
    case("alias-to-a-large-list.yaml", "", "aliases repeat more than 100000 values", subprocess=True)

    # -- deep nesting (10,000 levels) -------------------------------------------------------------------------
    depth = 10_000
    write("deep-lists.yaml", yaml_text + "extra: " + "[" * depth + "]" * depth + "\n")
    case("deep-lists.yaml", "", "nested too deeply", subprocess=True)
    write("deep-mappings.json", json_text[:-2] + ',\n"members": [' + '{"a": ' * depth + "1" + "}" * depth + "]}\n")
    case("deep-mappings.json", "", "nested too deeply", subprocess=True)
    write("deep-lists.toml", toml_text.replace('area = "Exampleshire"', "area = " + "[" * depth + "]" * depth))
    case("deep-lists.toml", "", "nested too deeply", subprocess=True)
    # Block style without flow brackets: compact nested sequences, "- - - ... x" on one line.
    write("deep-block-lists.yaml", "organisation: O\narea: A\nmembers:\n  " + "- " * depth + "x\n")
    case("deep-block-lists.yaml", "", "nested too deeply", subprocess=True)

    # -- huge numbers ----------------------------------------------------------------------------------------
    digits = "1" + "0" * 5000
    write("int-5000-digits.json", json_text.replace('"week_of_month": 1', f'"week_of_month": {digits}'))
    case("int-5000-digits.json", "", "not valid JSON")
    write("int-5000-digits.yaml", yaml_text.replace("week_of_month: 1", f"week_of_month: {digits}"))
    case("int-5000-digits.yaml", "", "not valid YAML")
    write("int-5000-digits.toml", toml_text.replace("week_of_month = 1", f"week_of_month = {digits}"))
    case("int-5000-digits.toml", "", "not valid TOML")
    write("float-1e400.json", json_text.replace('"amount": "25.00"', '"amount": 1e400'))
    case("float-1e400.json", "$.meetings[0].payments[0].amount", "not finite")
    write("float-1e400.yaml", yaml_text.replace("amount: '25.00'", "amount: 1.0e+400"))
    case("float-1e400.yaml", "$.meetings[0].payments[0].amount", "not finite")
    mutated(
        "float-for-whole-number.toml",
        setter("meetings", 0, "breaks", 0, "after_minutes", value=1e308),
        "$.meetings[0].breaks[0].after_minutes",
        "expected a whole number, found a number",
    )
    mutated(
        "amount-infinity-text.json",
        setter("meetings", 0, "payments", 0, "amount", value="Infinity"),
        "$.meetings[0].payments[0].amount",
        "not finite",
    )
    mutated(
        "whole-number-as-huge-exponent.yaml",
        setter("groups", 0, "quorum", value="1e999999999"),
        "$.groups[0].quorum",
        "expected a whole number, found text",
    )

    # -- impossible dates and times, bad offsets -------------------------------------------------------------
    mutated(
        "impossible-meeting-start.json",
        setter("meetings", 0, "start", value="2026-02-30T10:00:00+00:00"),
        "$.meetings[0].start",
        "'2026-02-30T10:00:00+00:00' is not a date and time",
    )
    write("impossible-paper-date.yaml", yaml_text.replace("published: '2025-12-20'", "published: 2026-02-30"))
    case("impossible-paper-date.yaml", "$.meetings[0].papers[0].published", "'2026-02-30' is not a date")
    mutated(
        "impossible-membership-start.toml",
        setter("memberships", 0, "started", value="2026-02-30"),
        "$.memberships[0].started",
        "'2026-02-30' is not a date",
    )
    mutated(
        "not-a-leap-year.yaml",
        setter("groups", 0, "ground_rules", "acknowledgements", 0, "on", value="2026-02-29"),
        "$.groups[0].ground_rules.acknowledgements[0].on",
        "'2026-02-29' is not a date",
    )
    mutated(
        "hour-25.json",
        setter("meetings", 0, "end", value="2026-01-06T25:00:00+00:00"),
        "$.meetings[0].end",
        "is not a date and time",
    )
    mutated(
        "time-of-day-24-00.yaml",
        setter("groups", 0, "cadence", "end", value="24:00"),
        "$.groups[0].cadence.end",
        "'24:00' is not a time of day",
    )
    write(
        "offset-plus-25.yaml",
        yaml_text.replace("start: '2026-01-06T10:00:00+00:00'", "start: 2026-01-06T10:00:00+25:00"),
    )
    case("offset-plus-25.yaml", "$.meetings[0].start", "is not a date and time")
    mutated(
        "offset-plus-25.json",
        setter("meetings", 0, "end", value="2026-01-06T12:00:00+25:00"),
        "$.meetings[0].end",
        "is not a date and time",
    )
    write(
        "offset-plus-25.toml",
        toml_text.replace('start = "2026-01-06T10:00:00+00:00"', "start = 2026-01-06T10:00:00+25:00"),
    )
    case("offset-plus-25.toml", "", "not valid TOML")
    mutated(
        "unknown-time-zone-name.json",
        setter("meetings", 0, "start", value="2026-01-06T10:00:00[Mars/Olympus_Mons]"),
        "$.meetings[0].start",
        "is not a date and time",
    )
    mutated(
        "time-zone-name-instead-of-offset.yaml",
        setter("meetings", 0, "start", value="2026-01-06T10:00:00 Europe/London"),
        "$.meetings[0].start",
        "is not a date and time",
    )
    mutated(
        "year-zero.json",
        setter("members", 0, "joined", value="0000-01-01"),
        "$.members[0].joined",
        "'0000-01-01' is not a date",
    )

    # -- wrong types, at least one per model ------------------------------------------------------------------
    wrong: list[tuple[str, Callable[[Data], None], str, str]] = [
        (
            "register-organisation-list.json",
            setter("organisation", value=["Example Council"]),
            "$.organisation",
            "expected text, found a list",
        ),
        (
            "member-joined-number.yaml",
            setter("members", 0, "joined", value=20250106),
            "$.members[0].joined",
            "expected a date (YYYY-MM-DD), found a number",
        ),
        (
            "training-record-completed-list.toml",
            setter("members", 0, "training", 0, "completed", value=["2025-02-01"]),
            "$.members[0].training[0].completed",
            "expected a date (YYYY-MM-DD), found a list",
        ),
        (
            "diversity-profile-list.json",
            setter("members", 0, "diversity", value=["35-49"]),
            "$.members[0].diversity",
            "expected a mapping (fields of a DiversityProfile), found a list",
        ),
        (
            "diversity-answer-number.yaml",
            setter("members", 0, "diversity", "age", value=42),
            "$.members[0].diversity.age",
            "not one of the categories",
        ),
        (
            "group-kind-list.toml",
            setter("groups", 0, "kind", value=["board"]),
            "$.groups[0].kind",
            "expected one of: board",
        ),
        (
            "cadence-weekday-number.json",
            setter("groups", 0, "cadence", "weekday", value=2),
            "$.groups[0].cadence.weekday",
            "expected one of: MO, TU",
        ),
        (
            "cadence-text.yaml",
            setter("groups", 0, "cadence", value="monthly"),
            "$.groups[0].cadence",
            "expected a mapping (fields of a Cadence), found text",
        ),
        (
            "ground-rules-agreed-list.json",
            setter("groups", 0, "ground_rules", "agreed", value=[]),
            "$.groups[0].ground_rules.agreed",
            "expected a date (YYYY-MM-DD), found a list",
        ),
        (
            "ground-rule-text-mapping.yaml",
            setter("groups", 0, "ground_rules", "rules", 0, "text", value={"en": "Listen"}),
            "$.groups[0].ground_rules.rules[0].text",
            "expected text, found a mapping",
        ),
        (
            "acknowledgement-text.toml",
            setter("groups", 0, "ground_rules", "acknowledgements", value=["ann"]),
            "$.groups[0].ground_rules.acknowledgements[0]",
            "expected a mapping (fields of an Acknowledgement), found text",
        ),
        (
            "membership-voting-text.json",
            setter("memberships", 1, "voting", value="yes"),
            "$.memberships[1].voting",
            "expected true or false, found text",
        ),
        (
            "meeting-start-number.json",
            setter("meetings", 0, "start", value=1767693600),
            "$.meetings[0].start",
            "expected a date and time with offset",
        ),
        (
            "meeting-list-instead-of-mapping.yaml",
            setter("meetings", 0, value=["board-2026-01", "board"]),
            "$.meetings[0]",
            "expected a mapping (fields of a Meeting), found a list",
        ),
        (
            "venue-features-text.toml",
            setter("meetings", 0, "venue", "features", value="step-free"),
            "$.meetings[0].venue.features",
            "expected a list, found text",
        ),
        (
            "break-minutes-text.yaml",
            setter("meetings", 0, "breaks", 0, "after_minutes", value="sixty"),
            "$.meetings[0].breaks[0].after_minutes",
            "expected a whole number, found text",
        ),
        (
            "agenda-leads-text.json",
            setter("meetings", 0, "agenda", 0, "leads", value="ann"),
            "$.meetings[0].agenda[0].leads",
            "expected a list, found text",
        ),
        (
            "outcome-recorded-flag.yaml",
            setter("meetings", 0, "agenda", 0, "outcome", "recorded", value=True),
            "$.meetings[0].agenda[0].outcome.recorded",
            "expected a date (YYYY-MM-DD), found true/false",
        ),
        (
            "paper-formats-mapping.json",
            setter("meetings", 0, "papers", 0, "formats", value={"standard": True}),
            "$.meetings[0].papers[0].formats",
            "expected a list, found a mapping",
        ),
        (
            "attendance-status-list.toml",
            setter("meetings", 0, "attendance", 1, "status", value=["apologies"]),
            "$.meetings[0].attendance[1].status",
            "expected one of: present, apologies, absent",
        ),
        (
            "decision-text-only.yaml",
            setter("meetings", 0, "decisions", value=["Agreed the plan"]),
            "$.meetings[0].decisions[0]",
            "expected a mapping (fields of a Decision), found text",
        ),
        (
            "action-due-list.json",
            setter("meetings", 0, "actions", 0, "due", value=["2026-02-01"]),
            "$.meetings[0].actions[0].due",
            "expected a date (YYYY-MM-DD), found a list",
        ),
        (
            "payment-amount-mapping.toml",
            setter("meetings", 0, "payments", 0, "amount", value={"pounds": 25}),
            "$.meetings[0].payments[0].amount",
            "expected an amount such as",
        ),
        (
            "groups-mapping-instead-of-list.toml",
            setter("groups", value={"board": {"name": "Board"}}),
            "$.groups",
            "expected a list, found a mapping",
        ),
    ]
    for name, change, path, message in wrong:
        mutated(name, change, path, message)

    # -- dangling references, every kind in other formats and across files -----------------------------------
    def dangle_all(data: Data) -> None:
        data["groups"][0]["ground_rules"]["acknowledgements"][0]["member"] = "zed"
        data["memberships"][0]["member"] = "zed"
        data["memberships"][1]["group"] = "champions"
        meeting = data["meetings"][0]
        meeting["expected"] = ["ann", "zed"]
        meeting["agenda"][0]["leads"] = ["zed"]
        meeting["attendance"][0]["member"] = "zed"
        meeting["actions"][0]["owner"] = "zed"
        meeting["payments"][0]["member"] = "zed"

    every = [
        ["$.groups[0].ground_rules.acknowledgements[0].member", "no member with id 'zed'"],
        ["$.memberships[0].member", "no member with id 'zed'"],
        ["$.memberships[1].group", "no group with id 'champions'"],
        ["$.meetings[0].expected[1]", "no member with id 'zed'"],
        ["$.meetings[0].agenda[0].leads[0]", "no member with id 'zed'"],
        ["$.meetings[0].attendance[0].member", "no member with id 'zed'"],
        ["$.meetings[0].actions[0].owner", "no member with id 'zed'"],
        ["$.meetings[0].payments[0].member", "no member with id 'zed'"],
    ]
    for suffix in ("json", "toml"):
        mutated(f"dangling-every-kind.{suffix}", dangle_all, every[0][0], every[0][1], also=every[1:])
    mutated(
        "dangling-meeting-group.toml",
        setter("meetings", 0, "group", value="champions"),
        "$.meetings[0].group",
        "no group with id 'champions'",
    )
    mutated(
        "dangling-id-differs-in-case.json",
        setter("memberships", 0, "member", value="Ann"),
        "$.memberships[0].member",
        "no member with id 'Ann'",
    )

    # -- NUL bytes, control characters, empty and binary files --------------------------------------------------
    write("nul-byte.yaml", yaml_text.replace("Bob Example", "Bob\x00Example"))
    case("nul-byte.yaml", "", "not valid YAML: unacceptable character #x0000")
    write("nul-byte.json", json_text.replace("Bob Example", "Bob\x00Example"))
    case("nul-byte.json", "", "not valid JSON: Invalid control character")
    write("nul-byte.toml", toml_text.replace("Bob Example", "Bob\x00Example"))
    case("nul-byte.toml", "", "not valid TOML")
    # A lone UTF-16 surrogate, written as an escape: valid JSON and YAML syntax, but not a character, so it could
    # never be written out as UTF-8 again (the check's own report would fail).
    write("lone-surrogate-escape.json", json_text.replace('"name": "Co-production Board"', '"name": "Board \\ud800"'))
    case("lone-surrogate-escape.json", "$.groups[0].name", "not a character", subprocess=True)
    write("lone-surrogate-escape.yaml", yaml_text.replace("name: Co-production Board", 'name: "Board \\ud800"'))
    case("lone-surrogate-escape.yaml", "$.groups[0].name", "not a character", subprocess=True)
    write("lone-surrogate-escape.toml", toml_text.replace('name = "Co-production Board"', 'name = "Board \\ud800"'))
    case("lone-surrogate-escape.toml", "", "not valid TOML")
    write("empty.json", b"")
    case("empty.json", "", "not valid JSON: Expecting value (line 1, column 1)")
    write("empty.toml", b"")
    case("empty.toml", "$.organisation", "required field missing", also=[["$.area", "required field missing"]])
    write("whitespace-only.yaml", b"   \n\n\t\n")
    case("whitespace-only.yaml", "", "not valid YAML")
    write("comments-only.yaml", b"# nothing here yet\n# organisation: Example\n")
    case("comments-only.yaml", "$", "found an empty file")
    write("bom-only.json", b"\xef\xbb\xbf")
    case("bom-only.json", "", "not valid JSON")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    write("binary-png.yaml", png)
    case("binary-png.yaml", "", "not UTF-8 text: byte 0x89 on line 1")
    gzip = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\xae\x05\x00C\xbf\xa6\xa3\x02\x00\x00\x00"
    write("binary-gzip.json", gzip)
    case("binary-gzip.json", "", "not UTF-8 text: byte 0x8b on line 1")
    write("binary-ascii-controls.toml", bytes(range(1, 32)) * 4)
    case("binary-ascii-controls.toml", "", "not valid TOML")
    write("top-level-text.yaml", "just a note about the register\n")
    case("top-level-text.yaml", "$", "found text")
    write("top-level-null.json", "null\n")
    case("top-level-null.json", "$", "found an empty file")

    # -- YAML tags: safe loading refuses Python objects ----------------------------------------------------------
    write(
        "python-object-new.yaml",
        yaml_text.replace("name: Bob Example", "name: !!python/object/new:os.system [echo owned]"),
    )
    case(
        "python-object-new.yaml",
        "",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/new:os.system'",
    )
    write("python-name-tag.yaml", yaml_text.replace("area: Exampleshire", "area: !!python/name:subprocess.call"))
    case(
        "python-name-tag.yaml",
        "",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:subprocess.call'",
    )
    write("python-module-tag.yaml", "organisation: !!python/module:os\narea: A\n")
    case(
        "python-module-tag.yaml",
        "",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/module:os'",
    )
    write("custom-tag.yaml", yaml_text.replace("area: Exampleshire", "area: !secret Exampleshire"))
    case("custom-tag.yaml", "", "could not determine a constructor for the tag '!secret'")
    write("binary-tag.yaml", yaml_text.replace("name: Bob Example", "name: !!binary Qm9i"))
    case("binary-tag.yaml", "$.members[1].name", "expected text, found binary data")
    write("set-tag.yaml", yaml_text.replace("area: Exampleshire", "area: !!set {a, b}"))
    case("set-tag.yaml", "$.area", "expected text, found a set")

    # -- folder registers ------------------------------------------------------------------------------------------
    folder = HERE / "folder-no-register-files"
    folder.mkdir()
    (folder / "README.txt").write_text("Minutes go here.\n", encoding="utf-8")
    (folder / ".register.yaml").write_text(yaml_text, encoding="utf-8")  # hidden: an editor's backup
    (folder / "register.yaml.bak").write_text(yaml_text, encoding="utf-8")
    case("folder-no-register-files", "", "no register files (.yaml, .yml, .json, .toml) in this folder")

    folder = HERE / "folder-dangling-across-files"
    folder.mkdir()
    data = base()
    (folder / "a-register.toml").write_text(
        as_toml({"organisation": data["organisation"], "area": data["area"]}), encoding="utf-8"
    )
    (folder / "b-members.json").write_text(as_json({"members": data["members"]}), encoding="utf-8")
    data["memberships"][1]["member"] = "zed"
    (folder / "c-groups.yaml").write_text(
        as_yaml({"groups": data["groups"], "memberships": data["memberships"]}), encoding="utf-8"
    )
    case("folder-dangling-across-files", "$.memberships[1].member", "no member with id 'zed'", file="c-groups.yaml")

    folder = HERE / "folder-one-file-latin1"
    folder.mkdir()
    (folder / "a-register.yaml").write_text("organisation: Example Council\narea: Exampleshire\n", encoding="utf-8")
    (folder / "b-members.yaml").write_bytes(as_yaml({"members": [{"id": "zoe", "name": "Zoë"}]}).encode("latin-1"))
    case("folder-one-file-latin1", "", "not UTF-8 text: byte 0xeb on line 2", file="b-members.yaml")

    folder = HERE / "folder-area-twice"
    folder.mkdir()
    (folder / "a.json").write_text(
        as_json({"organisation": "Example Council", "area": "Exampleshire"}), encoding="utf-8"
    )
    (folder / "b.toml").write_text(as_toml({"area": "Elsewhere", "members": base()["members"]}), encoding="utf-8")
    case("folder-area-twice", "$.area", "given more than once", file="b.toml")


def main() -> None:
    for entry in HERE.iterdir():
        if entry.name in ("generate.py", "__pycache__"):
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    build()
    header = (
        "# What `coproduction check <file> --as-of 2026-11-25` must report for each file of the hostile-input corpus\n"
        "# (tests/hardening/test_corpus.py). Written by generate.py: edit that, then run it.\n"
        '# path: where the problem is ($.members[1].name), "" for the whole file (syntax, encoding, limits);\n'
        "# message: a substring of the problem; also: more [path, message] pairs; file: the file in a folder;\n"
        "# loads: the file is valid (exit 0 or 1); subprocess: run in a child process with a time limit;\n"
        "# xfail: a known loader bug, reported to the lead.\n\n"
    )
    table = {name: EXPECTED[name] for name in sorted(EXPECTED)}
    (HERE / "EXPECTED.toml").write_text(header + tomli_w.dumps(table), encoding="utf-8")


if __name__ == "__main__":
    main()
