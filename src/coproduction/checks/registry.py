"""The built-in checks' registry, filled from :mod:`coproduction.checks.table` as checks are asked for."""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks import table
from coproduction.checks.engine import Check, CheckRegistry


class BuiltinRegistry(CheckRegistry):
    """The built-in checks, read lazily from the table: asking for one code imports only its module; iterating,
    counting or copying imports every module, in table order. A check may still be added, as to any registry."""

    def _load(self, code: str) -> None:
        if code in table.TABLE and not super().__contains__(code):
            self.add(table.load(code))

    def _load_all(self) -> None:
        for code in table.TABLE:
            self._load(code)

    def __contains__(self, code: object) -> bool:
        return code in table.TABLE or super().__contains__(code)

    def __getitem__(self, code: str) -> Check:
        self._load(code.upper())
        return super().__getitem__(code)

    def __iter__(self) -> Iterator[Check]:
        self._load_all()
        return super().__iter__()

    def __len__(self) -> int:
        self._load_all()
        return super().__len__()


BUILTIN = BuiltinRegistry()
"""The registry of built-in checks; use :func:`coproduction.checks.builtin_registry` for a copy to add to."""
