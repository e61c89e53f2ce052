"""Which YAML reader a text goes to: libyaml unless it has real aliases (or deep nesting), not "any asterisk"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.io.formats import DEFAULT_LIMITS, LoadLimits, SyntaxProblem
from coproduction.io.preconf import yaml as yaml_format
from coproduction.io.preconf.yaml import FastRegisterLoader, RegisterLoader, _loader_for

STAR_TEXTS = [
    'name: "5* rating"\n',
    "name: '*required'\n",
    "name: a*b\n",
    "notes: |\n  * bullet one\n  * bullet two\n",
    "items: ['*', \"**\"]\n",
    "# a comment with *stars*\nname: x\n",
    "name: x*\n",
]

ALIAS_TEXTS = [
    "a: &x 1\nb: *x\n",
    "base: &b {k: 1}\nother:\n  <<: *b\n",
    "list: [&one 1, *one]\n",
]


def _is_fast(text: str) -> bool:
    loader = _loader_for(text, DEFAULT_LIMITS)
    try:
        return isinstance(loader, FastRegisterLoader)
    finally:
        loader.dispose()


@pytest.mark.parametrize("text", STAR_TEXTS)
def test_an_asterisk_in_text_stays_on_libyaml(text: str) -> None:
    assert _is_fast(text)


@pytest.mark.parametrize("text", ALIAS_TEXTS)
def test_a_real_alias_goes_to_the_counting_reader(text: str) -> None:
    loader = _loader_for(text, DEFAULT_LIMITS)
    try:
        assert type(loader) is RegisterLoader
    finally:
        loader.dispose()


def test_star_texts_read_as_text() -> None:
    assert yaml_format.loads('name: "5* rating"\n', DEFAULT_LIMITS) == {"name": "5* rating"}
    assert yaml_format.loads("name: a*b\n", DEFAULT_LIMITS) == {"name": "a*b"}
    assert yaml_format.loads("notes: |\n  * one\n", DEFAULT_LIMITS) == {"notes": "* one\n"}


def test_alias_limits_still_hold_beside_starred_text() -> None:
    limits = LoadLimits(max_aliases=1)
    text = 'title: "5* service"\na: &x 1\nb: *x\nc: *x\n'
    with pytest.raises(SyntaxProblem, match="more than 1 alias"):
        yaml_format.loads(text, limits)


def test_an_undefined_alias_is_still_a_located_error() -> None:
    with pytest.raises(SyntaxProblem, match="line 1"):
        yaml_format.loads("a: *nowhere\n", DEFAULT_LIMITS)


_words = st.text(alphabet="ab *&-:#'\"", min_size=0, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["k1", "k2", "k3", "k4"]), _words), max_size=4, unique_by=lambda p: p[0]))
def test_fast_and_python_readers_agree(pairs: list[tuple[str, str]]) -> None:
    """Whatever a text holds, the chosen reader gives what the Python reader gives (or both refuse it)."""
    text = "".join(f"{key}: {value}\n" for key, value in pairs)

    def python_reader() -> object:
        loader = RegisterLoader(text, DEFAULT_LIMITS)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()

    try:
        expected: object = python_reader()
    except Exception:
        expected = SyntaxProblem
    try:
        got: object = yaml_format.loads(text, DEFAULT_LIMITS)
    except SyntaxProblem:
        got = SyntaxProblem
    assert got == expected
