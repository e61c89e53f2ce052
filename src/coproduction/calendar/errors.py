"""Errors raised by the calendar edge; all derive from :class:`coproduction.errors.CoproductionError`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from coproduction.errors import CoproductionError, InputError, Problem


class CalendarError(CoproductionError):
    """A calendar cannot be built as asked (an unknown time zone, a malformed UID domain ...)."""


class CalendarImportError(InputError):
    """An .ics file cannot be read, or holds something a register cannot represent."""


#: Where item ``n`` of the register's meetings was written: (file, its index in that file's ``meetings`` list).
Locator = Callable[[int], tuple[str, int]]


@attrs.frozen
class MeetingValue:
    """One value of one meeting that the calendar cannot write: the meeting's position in the register's
    meetings, its id, the field, the value as written, what is wrong and what is expected instead."""

    index: int
    meeting: str
    field: str
    value: str
    wrong: str
    expected: str

    def problem(self, source: str, locate: Locator | None) -> Problem:
        """This value as a problem: in ``source``, or in the file and at the index ``locate`` gives."""
        file, index = locate(self.index) if locate is not None else (source, self.index)
        message = f"meeting {self.meeting!r} {self.wrong} ({self.value}); expected {self.expected}"
        return Problem(file, f"$.meetings[{index}].{self.field}", message)


class MeetingValueError(CalendarError, InputError):
    """Meetings whose times the calendar cannot write (outside the years it exports, or without an offset).

    Each problem names ``$.meetings[n].field`` in the register; :meth:`located` names the file and the index in
    it, for a register read from a folder of files.
    """

    def __init__(self, values: Sequence[MeetingValue], source: str = "register", locate: Locator | None = None):
        self.values: tuple[MeetingValue, ...] = tuple(values)
        super().__init__([value.problem(source, locate) for value in self.values])

    def located(self, source: str, locate: Locator | None = None) -> MeetingValueError:
        """The same problems, naming ``source`` (a register file) or the file ``locate`` finds for each."""
        return MeetingValueError(self.values, source, locate)
