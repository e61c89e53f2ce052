"""YAML registers, read with a hardened :class:`yaml.SafeLoader` and written with a :class:`yaml.SafeDumper`.

Reading:

* only the safe tags (no Python objects);
* at most ``LoadLimits.max_aliases`` aliases, re-using at most ``LoadLimits.max_alias_nodes`` nodes in all, and
  no alias inside the node it names: a "billion laughs" file is refused, not expanded;
* ``10:00`` is the text "10:00", not YAML 1.1's base-60 integer 600 (times of day are written that way);
* only ``true`` and ``false`` are booleans (YAML 1.2): ``on``, ``off``, ``yes``, ``no`` are text;
* a key written twice in one mapping is an error (PyYAML would keep the last silently);
* an impossible date such as ``2026-02-30`` stays text, so the converter reports it with its path instead of
  the whole file failing.

Writing: dates as ``2026-01-06`` and date-times as ``2026-01-06T10:00:00+00:00`` (plain YAML timestamps), block
style, field order as the models declare it, non-ASCII kept readable.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, cast

import cattrs
import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # libyaml: in the PyYAML wheels we install
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from coproduction.io import converter as base
from coproduction.io.formats import DEFAULT_LIMITS, LoadLimits, SyntaxProblem, describe_value_error

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"


class RegisterLoader(yaml.SafeLoader):
    """A SafeLoader with limits on aliases, no base-60 numbers, and impossible dates kept as text."""

    limits: LoadLimits = DEFAULT_LIMITS

    def __init__(self, stream: str, limits: LoadLimits = DEFAULT_LIMITS) -> None:
        super().__init__(stream)
        self.limits = limits
        self._aliases = 0
        self._alias_nodes = 0
        self._open_anchors: set[str] = set()
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            self._count_alias(event)
            return super().compose_node(parent, index)
        anchor = getattr(event, "anchor", None)
        if anchor is None:
            return super().compose_node(parent, index)
        self._open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open_anchors.discard(anchor)

    def _count_alias(self, event: AliasEvent) -> None:
        mark = cast(Mark, event.start_mark)
        self._aliases += 1
        if self._aliases > self.limits.max_aliases:
            raise ComposerError(
                None, None, f"more than {self.limits.max_aliases} alias{'' if self.limits.max_aliases == 1 else 'es'}"
                " (*name) in one file", mark
            )
        if event.anchor in self._open_anchors:
            raise ComposerError(
                None, None, f"the alias *{event.anchor} is inside the node it names", mark
            )
        node = self.anchors.get(event.anchor)
        if node is not None:
            self._alias_nodes += self._size(node)
            if self._alias_nodes > self.limits.max_alias_nodes:
                raise ComposerError(
                    None,
                    None,
                    f"aliases repeat more than {self.limits.max_alias_nodes} values in all",
                    mark,
                )

    def _size(self, node: Node) -> int:
        """Nodes under ``node`` once aliases are expanded; memoised, so shared nodes cost one visit."""
        key = id(node)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        size = 1
        if isinstance(node, SequenceNode):
            size += sum(self._size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            size += sum(self._size(k) + self._size(v) for k, v in node.value)
        elif isinstance(node, CollectionNode):  # pragma: no cover - no other collection kinds in YAML
            size += len(node.value)
        self._sizes[key] = size
        return size

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        """As SafeLoader's, but a key written twice is an error instead of the last one silently winning."""
        seen: dict[str, Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE:
                first = seen.setdefault(key_node.value, key_node)
                if first is not key_node:
                    raise ConstructorError(
                        None,
                        None,
                        f"the key {key_node.value!r} appears twice in one mapping"
                        f" (first on line {first.start_mark.line + 1})",
                        key_node.start_mark,
                    )
        return super().construct_mapping(node, deep=deep)

    def construct_timestamp_or_text(self, node: Node) -> Any:
        try:
            return self.construct_yaml_timestamp(cast(ScalarNode, node))
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[arg-type]


# Resolvers: YAML 1.1's, without base-60 ("sexagesimal") numbers, and with YAML 1.2's booleans (true/false
# only), so that a key such as `on:` (Acknowledgement.on) or an answer such as `no` stays text.
RegisterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _FLOAT, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RegisterLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
RegisterLoader.add_implicit_resolver(
    _INT,
    re.compile(
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+)$""",
        re.X,
    ),
    list("-+0123456789"),
)
RegisterLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)
RegisterLoader.add_constructor(_TIMESTAMP, RegisterLoader.construct_timestamp_or_text)


class FastRegisterLoader(CParser, RegisterLoader):
    """:class:`RegisterLoader` with libyaml's C parser: the same resolvers and constructors, about ten times faster.

    The C composer handles aliases out of Python's reach and recurses once per level of nesting, so it is used
    only for text that :func:`_fast_path_is_safe` passes; other text goes through :class:`RegisterLoader`, which
    counts and limits aliases and turns deep nesting into a clear error.
    """

    def __init__(self, stream: str, limits: LoadLimits = DEFAULT_LIMITS) -> None:
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.limits = limits


#: Deeper than this, libyaml's recursive composer could exhaust the C stack; such text takes the Python path.
_FAST_MAX_DEPTH = 200


def _fast_path_is_safe(text: str) -> bool:
    """Whether libyaml may compose ``text``: valid, no aliases, nested at most :data:`_FAST_MAX_DEPTH` deep.

    libyaml's parser is an explicit state machine, so reading its events is safe at any depth; only composing
    nodes recurses. Invalid text takes the Python path too, whose messages name the line and the problem.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > _FAST_MAX_DEPTH:
                    return False
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is AliasEvent:
                return False
    except yaml.YAMLError:
        return False
    return True


def _loader_for(text: str, limits: LoadLimits) -> RegisterLoader:
    # Aliases are found as libyaml's alias events, not by looking for "*": an asterisk inside a quoted or plain
    # string ("5* rating", "*required") is text, and such a file stays on the fast path.
    if _fast_path_is_safe(text):
        return FastRegisterLoader(text, limits)
    return RegisterLoader(text, limits)


class RegisterDumper(yaml.SafeDumper):
    """A SafeDumper that writes date-times as ISO 8601 with a ``T`` and never uses anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_iso_datetime(self, data: datetime) -> yaml.ScalarNode:
        return self.represent_scalar(_TIMESTAMP, data.isoformat())

    def represent_text(self, data: str) -> yaml.ScalarNode:
        # PyYAML writes NEL and the Unicode line and paragraph separators raw in plain and single-quoted
        # scalars, and reads them back as line breaks; double quotes escape them.
        style = '"' if _LINE_BREAKS.intersection(data) else None
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_LINE_BREAKS = frozenset("\x85\u2028\u2029")
RegisterDumper.add_representer(datetime, RegisterDumper.represent_iso_datetime)
RegisterDumper.add_representer(str, RegisterDumper.represent_text)


def make_converter() -> cattrs.Converter:
    """Dates and date-times as YAML values; everything else as for JSON."""
    return base.make_native_dates_converter()


def _describe(error: yaml.YAMLError, text: str) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return (
            f"not valid YAML: unacceptable character #x{error.character:04x} on line {line}"
            " (control characters are not allowed; is the file UTF-8 text?)"
        )
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        what = "; ".join(part for part in (error.context, error.problem) if part)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        return f"not valid YAML: {what or 'syntax error'}{where}"
    return f"not valid YAML: {str(error).splitlines()[0] if str(error) else type(error).__name__}"


def loads(text: str, limits: LoadLimits) -> Any:
    """Parse one YAML document with :class:`RegisterLoader`; errors name the line and column."""
    loader: RegisterLoader | None = None
    try:
        loader = _loader_for(text, limits)  # reading starts here: it refuses control characters
        return loader.get_single_data()
    except yaml.YAMLError as error:
        raise SyntaxProblem(_describe(error, text)) from None
    except RecursionError:
        raise SyntaxProblem("not valid YAML: nested too deeply") from None
    except (ValueError, OverflowError) as error:  # a constructor refusing a scalar
        raise SyntaxProblem(f"not valid YAML: {describe_value_error(error)}") from None
    except TypeError as error:  # pragma: no cover - a constructor refusing a node; no known case
        raise SyntaxProblem(f"not valid YAML: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()


def dumps(data: Any) -> str:
    """Block-style YAML, keys in model order."""
    text: str = yaml.dump(
        data,
        Dumper=RegisterDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


__all__ = ["RegisterDumper", "RegisterLoader", "dumps", "loads", "make_converter"]
