"""Limits on input size and YAML aliases, very long values, odd characters, and what the loader's messages say
(issue 6, item 1). tests/io/test_errors.py covers the basic limits and the "Register or RegisterError" property;
these build on them."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.cli import main
from coproduction.errors import Problem, RegisterError
from coproduction.io.formats import DEFAULT_LIMITS, LoadLimits
from coproduction.io.loader import load_register, loads_register
from coproduction.io.saver import dumps_register
from coproduction.models import Register
from tests.hardening.test_corpus import CORPUS, ERROR_CASES, TABLE, digest

AS_OF = "2026-11-25"
TEN_MB = 10 * 1024 * 1024
SMALL = 'organisation: O\narea: A\nmembers: [{id: ann, name: "Ann"}]\n'


def _register_with_long_name(register_format: str, length: int) -> str:
    name = "x" * length
    if register_format == "json":
        return json.dumps({"organisation": "O", "area": "A", "members": [{"id": "ann", "name": name}]})
    if register_format == "toml":
        return f'organisation = "O"\narea = "A"\n[[members]]\nid = "ann"\nname = "{name}"\n'
    return f"organisation: O\narea: A\nmembers: [{{id: ann, name: {name}}}]\n"


# -- 10 MB in one field: it loads, or the size limit refuses it; it never hangs --------------------------------


def test_ten_megabytes_in_one_json_field_loads_quickly(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    target.write_text(_register_with_long_name("json", TEN_MB), encoding="utf-8")
    started = time.perf_counter()
    register = load_register(target)
    assert time.perf_counter() - started < 5
    assert len(register.members[0].name) == TEN_MB


@pytest.mark.parametrize("register_format", ["yaml", "json", "toml"])
def test_ten_megabytes_in_one_field_is_refused_by_a_size_limit_at_once(tmp_path: Path, register_format: str) -> None:
    target = tmp_path / f"register.{register_format}"
    target.write_text(_register_with_long_name(register_format, TEN_MB), encoding="utf-8")
    limits = LoadLimits(max_bytes=1_000_000)
    started = time.perf_counter()
    with pytest.raises(RegisterError) as caught:
        load_register(target, limits=limits)
    assert time.perf_counter() - started < 1
    (problem,) = caught.value.problems
    assert problem == Problem(str(target), "", problem.message)
    assert f"larger than the limit of 1,000,000 bytes for {register_format.upper()} files" in problem.message


def test_ten_megabytes_in_one_field_through_the_command_line_within_the_time_bound(tmp_path: Path) -> None:
    """As a real process, the slowest format (YAML, pure Python) included: it finishes, it does not hang."""
    target = tmp_path / "register.yaml"
    target.write_text(_register_with_long_name("yaml", TEN_MB), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "coproduction", "check", str(target), "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["as_of"] == AS_OF


def test_the_default_yaml_limit_refuses_a_file_over_it_without_reading_it(tmp_path: Path) -> None:
    """A sparse file over the default YAML limit: refused from its size alone (reading it would take minutes)."""
    target = tmp_path / "huge.yaml"
    with target.open("wb") as file:
        file.truncate(DEFAULT_LIMITS.max_yaml_bytes + 1)
    started = time.perf_counter()
    with pytest.raises(RegisterError, match=f"larger than the limit of {DEFAULT_LIMITS.max_yaml_bytes:,} bytes"):
        load_register(target)
    assert time.perf_counter() - started < 1


# -- the size limit at its edge, for every format, for files, folders and text --------------------------------


@pytest.mark.parametrize("register_format", ["yaml", "json", "toml"])
def test_max_bytes_is_inclusive_for_files_and_text(tmp_path: Path, register_format: str) -> None:
    text = _register_with_long_name(register_format, 50)
    size = len(text.encode())
    target = tmp_path / f"register.{register_format}"
    target.write_text(text, encoding="utf-8")
    assert load_register(target, limits=LoadLimits(max_bytes=size)).members[0].name == "x" * 50
    assert loads_register(text, register_format, limits=LoadLimits(max_bytes=size)).area == "A"
    with pytest.raises(RegisterError, match=f"larger than the limit of {size - 1:,} bytes"):
        load_register(target, limits=LoadLimits(max_bytes=size - 1))
    with pytest.raises(RegisterError, match=f"larger than the limit of {size - 1:,} bytes"):
        loads_register(text, register_format, limits=LoadLimits(max_bytes=size - 1))


def test_the_size_limit_counts_bytes_not_characters() -> None:
    text = "organisation: Zoë\narea: A\n"  # 26 characters, 27 bytes
    assert len(text) == 26
    assert len(text.encode()) == 27
    assert loads_register(text, "yaml", limits=LoadLimits(max_bytes=27)).organisation == "Zoë"
    with pytest.raises(RegisterError, match="larger than the limit of 26 bytes"):
        loads_register(text, "yaml", limits=LoadLimits(max_bytes=26))


def test_in_a_folder_the_size_limit_applies_to_each_file_and_names_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisation: O\narea: A\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"members": [{"id": "ann", "name": "A" * 200}]}), encoding="utf-8")
    assert len(load_register(tmp_path, limits=LoadLimits(max_bytes=300)).members) == 1
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path, limits=LoadLimits(max_bytes=100))
    assert [Path(p.file).name for p in caught.value.problems] == ["b.json"]


def test_the_yaml_limit_and_max_bytes_together_the_smaller_wins() -> None:
    limits = LoadLimits(max_bytes=len(SMALL), max_yaml_bytes=10)
    with pytest.raises(RegisterError, match="larger than the limit of 10 bytes for YAML files"):
        loads_register(SMALL, "yaml", limits=limits)
    limits = LoadLimits(max_bytes=10, max_yaml_bytes=len(SMALL))
    with pytest.raises(RegisterError, match="larger than the limit of 10 bytes for YAML files"):
        loads_register(SMALL, "yaml", limits=limits)


# -- alias limits ------------------------------------------------------------------------------------------------


def _laughs(levels: int, width: int) -> str:
    lines = ["a0: &a0 [lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_max_alias_nodes_is_configurable_and_counts_expanded_nodes() -> None:
    # a0 is 2 nodes (the list and "lol"); a1 re-uses a0 three times (6 nodes) and is itself 7; a2 re-uses a1
    # three times (21 nodes): 27 re-used in all.
    bomb = "a0: &a0 [lol]\na1: &a1 [*a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1]\n"
    plain = "organisation: O\narea: A\n"
    with pytest.raises(RegisterError) as caught:
        loads_register(plain + bomb, "yaml", limits=LoadLimits(max_alias_nodes=26))
    assert "aliases repeat more than 26 values in all" in str(caught.value)
    # Within the limit the aliases expand; the register then fails only on the unknown keys a0, a1, a2.
    with pytest.raises(RegisterError) as caught:
        loads_register(plain + bomb, "yaml", limits=LoadLimits(max_alias_nodes=27))
    assert [p.path for p in caught.value.problems] == ["$.a0", "$.a1", "$.a2"]


def test_zero_aliases_refuses_the_first() -> None:
    text = "organisation: &o O\narea: *o\n"
    with pytest.raises(RegisterError, match=r"more than 0 aliases \(\*name\) in one file"):
        loads_register(text, "yaml", limits=LoadLimits(max_aliases=0))
    assert loads_register(text, "yaml", limits=LoadLimits(max_aliases=1)).area == "O"


def test_the_default_limits_stop_a_billion_laughs_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(RegisterError, match="aliases repeat more than 100000 values"):
        loads_register(_laughs(10, 10), "yaml")
    assert time.perf_counter() - started < 2


def test_the_command_line_uses_the_default_limits(capsys: pytest.CaptureFixture[str]) -> None:
    target = CORPUS / "alias-to-a-large-list.yaml"
    assert main(["check", str(target), "--as-of", AS_OF]) == 2
    assert f"{target}: not valid YAML: aliases repeat more than {DEFAULT_LIMITS.max_alias_nodes} values" in (
        capsys.readouterr().err
    )


# -- an unknown time zone in the policy -----------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "../../etc/passwd", "", "UTC+25"])
@pytest.mark.parametrize("command", ["check", "calendar"])
def test_an_unknown_policy_time_zone_is_a_usage_error(
    command: str, zone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = CORPUS / "utf8-bom.yaml"
    status = main([command, str(target), "--set", f"timezone={zone}"])
    _out, err = capsys.readouterr()
    assert status == 2
    assert "Traceback" not in err
    assert "timezone" in err
    assert "is not an IANA time zone" in err


# -- characters that are legal escapes but odd in a register -------------------------------------------------------


@pytest.mark.parametrize(
    ("register_format", "escaped"),
    [
        ("json", "\\u0000"),
        ("json", "\\u001b[31m"),
        ("json", "\\u202e"),
        ("yaml", "\\0"),
        ("yaml", "\\e[31m"),
        ("toml", "\\u0000"),
        ("toml", "\\u202e"),
    ],
)
def test_escaped_control_characters_never_crash_check_or_calendar(
    tmp_path: Path, register_format: str, escaped: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """NUL, ESC and right-to-left override written as escapes: loading may accept or refuse them; the check
    and the calendar export either succeed or exit 2, never a traceback."""
    quoted = f'"Board {escaped}"'
    text = {
        "json": '{"organisation": "O", "area": "A", "groups": [{"id": "g", "name": %s, "kind": "board"}]}',
        "yaml": "organisation: O\narea: A\ngroups: [{id: g, name: %s, kind: board}]\n",
        "toml": 'organisation = "O"\narea = "A"\n[[groups]]\nid = "g"\nname = %s\nkind = "board"\n',
    }[register_format] % quoted
    target = tmp_path / f"register.{register_format}"
    target.write_text(text, encoding="utf-8")
    for argv in (
        ["check", str(target), "--as-of", AS_OF, "--format", "json"],
        ["check", str(target), "--as-of", AS_OF],
        ["calendar", str(target), "--dtstamp", "2026-11-25T00:00:00Z", "-o", str(tmp_path / "out.ics")],
    ):
        status = main(argv)
        _, err = capsys.readouterr()
        assert status in (0, 1, 2), argv
        assert "Traceback" not in err


# -- what the messages say ---------------------------------------------------------------------------------------------

#: Corpus files whose messages still carry Python's own words (loader bugs, reported to the lead); all fixed
#: in 22f4de5, kept as the place to list a new one.
PYTHON_WORDS_KNOWN: dict[str, str] = {}
PYTHON_WORDS = (
    "sys.",
    "timedelta",
    "<unicode string>",
    "utf-8-sig",
    "isoformat",
    "Traceback",
    "Error:",
    "found bytes",
    "found set",
    "fields of a A",
)


def _message_params() -> list[object]:
    params = []
    for name in ERROR_CASES:
        marks = []
        if name in PYTHON_WORDS_KNOWN:
            reason = f"loader bug: the message shows Python's words ({PYTHON_WORDS_KNOWN[name]})"
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        elif TABLE[name].get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=TABLE[name]["xfail"]))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.mark.parametrize("name", _message_params())
def test_messages_are_in_plain_words_one_problem_per_line(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A council officer reads these: no Python internals, and each problem on one line that names the file."""
    target = CORPUS / name
    assert main(["check", str(target), "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    head, *problems = err.splitlines()
    assert head.startswith("coproduction: ")
    assert head.endswith(("problem in the input:", "problems in the input:"))
    assert problems
    for line in problems:
        assert line.startswith(f"  {target}"), f"a continuation line, not a problem: {line!r}"
    for word in PYTHON_WORDS:
        assert word not in err, f"{word!r} in {err}"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"organisation": ["Example"], "area": "A"}', "$.organisation"),
        ('{"organisation": "O", "area": 7}', "$.area"),
    ],
)
def test_one_mistake_gives_one_problem(text: str, path: str) -> None:
    with pytest.raises(RegisterError) as caught:
        loads_register(text, "json", "register.json")
    assert [p.path for p in caught.value.problems] == [path]


# -- the property, extended: odd JSON values, and what loads can be written back --------------------------------------

ODD_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**300), max_value=10**300)
    | st.floats()  # NaN and the infinities: json.dumps writes them, json.loads reads them back
    | st.text(st.characters(codec=None, categories=None), max_size=8)  # lone surrogates too
    | st.sampled_from(["", "2026-02-30", "2026-01-06T10:00:00+25:00", "24:00", "1e400", "NaN", "-0", "board"])
)
ODD_VALUES = st.recursive(
    ODD_SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(st.characters(codec=None, categories=None), max_size=6), children, max_size=3)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(["id", "name", "kind", "group", "member", "start", "end", "joined", "diversity", "amount"])


@st.composite
def register_shaped(draw: st.DrawFn) -> object:
    """A register's outline with junk in its fields."""

    def item() -> dict[str, object]:
        return draw(st.dictionaries(FIELDS, ODD_VALUES, max_size=4))

    return {
        "organisation": draw(st.one_of(st.just("O"), ODD_VALUES)),
        "area": "A",
        **{
            key: [item() for _ in range(draw(st.integers(0, 2)))]
            for key in draw(st.sets(st.sampled_from(["members", "groups", "memberships", "meetings"])))
        },
    }


@given(value=st.one_of(ODD_VALUES, register_shaped()))
@settings(max_examples=80)
def test_odd_json_gives_a_register_that_round_trips_or_a_register_error(value: object) -> None:
    """Huge integers, non-finite floats, impossible dates, lone surrogates: a Register or a RegisterError whose
    message can be printed; and a Register that loads is written back and read again unchanged, in every format."""
    try:
        result: Register | RegisterError = loads_register(json.dumps(value), "json", "fuzz")
    except RegisterError as error:
        result = error
    if isinstance(result, RegisterError):
        assert result.problems
        assert all(isinstance(p, Problem) and p.file == "fuzz" for p in result.problems)
        str(result).encode("utf-8")  # printable, whatever the input held
        return
    register = result
    assert isinstance(register, Register)
    for register_format in ("json", "yaml", "toml"):
        text = dumps_register(register, register_format)
        text.encode("utf-8")
        assert loads_register(text, register_format) == register


@pytest.mark.parametrize(
    ("register_format", "text", "path"),
    [
        ("json", '{"organisation": "O\\ud800", "area": "A"}', "$.organisation"),
        (
            "json",
            '{"organisation": "O", "area": "A", "members": [{"id": "a", "name": "\\udfff"}]}',
            "$.members[0].name",
        ),
        (
            "json",
            '{"organisation": "O", "area": "A", "members": [{"id": "a", "name": "A", "\\ud800": 1}]}',
            "$.members[0]",
        ),
        ("json", '{"organisation": "O", "area": "A", "\\ud800x": 1}', "$."),
        ("yaml", 'organisation: "O\\ud800"\narea: A\n', "$.organisation"),
        ("yaml", 'organisation: O\narea: A\nmembers: [{id: a, name: A, "\\ud800": 1}]\n', "$.members[0]"),
    ],
)
def test_a_lone_surrogate_is_refused_and_the_message_is_printable(register_format: str, text: str, path: str) -> None:
    """Half a UTF-16 pair is not a character: refused at its place, and the message itself can be written as UTF-8
    (a message quoting it raw would break the CLI's own error output)."""
    with pytest.raises(RegisterError) as caught:
        loads_register(text, register_format, "register")
    assert any(p.path.startswith(path) for p in caught.value.problems), str(caught.value)
    str(caught.value).encode("utf-8")


def test_the_corpus_digest_sees_a_change(tmp_path: Path) -> None:
    """The "input unchanged" assertions would notice a modified file."""
    target = tmp_path / "register.yaml"
    target.write_text(SMALL, encoding="utf-8")
    before = digest(target)
    target.write_text(SMALL + "\n", encoding="utf-8")
    assert digest(target) != before
    folder = tmp_path
    before = digest(folder)
    (folder / "b.yaml").write_text("members: []\n", encoding="utf-8")
    assert digest(folder) != before
