"""The library's errors. Every error it raises derives from :class:`CoproductionError`.

Messages never carry diversity answers (special category data): they name the place and what was expected.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


class CoproductionError(Exception):
    """Base class of every error the library raises."""


@attrs.frozen
class Problem:
    """One problem in an input: where (file and JSON-path-like location), what is wrong, what was expected."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class InputError(CoproductionError):
    """Input could not be read or is invalid. Holds every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the input"
        return "\n".join([head + ":", *(f"  {p}" for p in self.problems)])


class RegisterError(InputError):
    """A register file or folder is malformed or inconsistent."""


class InvalidRegisterError(RegisterError):
    """A register given to the library (built in code, or changed after loading) breaks the register's rules.

    ``problems`` lists every one, each with its path (``$.meetings[3].end``), as
    :func:`coproduction.validate_register` finds them; ``check_register`` and ``audit_group`` raise it before
    reading the register.
    """

    def _summary(self) -> str:
        count = len(self.problems)
        head = f"the register is not valid: {count} problem{'s' if count != 1 else ''}"
        return "\n".join([head + ":", *(f"  {p}" for p in self.problems)])


class PolicyError(InputError):
    """A policy (profile, file, environment or flag) is invalid."""


class CheckRegistryError(CoproductionError):
    """A check could not be registered: a code or name collides, or a definition is incomplete."""


class CheckFailedError(CoproductionError):
    """A check raised an unexpected exception while running (a bug in it, often in a council's plugin)."""


class UnknownCheckError(CoproductionError):
    """A code or prefix matches no registered check."""


class OutputError(CoproductionError):
    """An output file could not be written."""
