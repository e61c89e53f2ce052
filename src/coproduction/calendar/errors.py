"""Errors raised by the calendar edge; both derive from :class:`coproduction.errors.CoproductionError`."""

from __future__ import annotations

from coproduction.errors import CoproductionError, InputError


class CalendarError(CoproductionError):
    """A calendar cannot be built as asked (an unknown time zone, a malformed UID domain ...)."""


class CalendarImportError(InputError):
    """An .ics file cannot be read, or holds something a register cannot represent."""
