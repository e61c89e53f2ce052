"""Meeting schedules as iCalendar files (RFC 5545, RFC 5546 PUBLISH, RFC 7986 properties).

An edge of the library: it reads the models and the policy and never the command line. Pass the clock
(``dtstamp``) and the UID ``domain`` in, and the export published last (``previous``, read with
:func:`read_previous`) to keep every SEQUENCE from going down; the same register and options always give the same
bytes. See ``docs/calendar.md``.
"""

from coproduction.calendar.errors import CalendarError, CalendarImportError, MeetingValueError
from coproduction.calendar.export import (
    ExportOptions,
    build_calendar,
    default_dtstamp,
    export_calendar,
    meeting_uid,
    series_uid,
)
from coproduction.calendar.importer import ImportedSchedule, import_calendar
from coproduction.calendar.previous import PreviousExport, read_previous
from coproduction.calendar.timezone import build_vtimezone

__all__ = [
    "CalendarError",
    "CalendarImportError",
    "ExportOptions",
    "ImportedSchedule",
    "MeetingValueError",
    "PreviousExport",
    "build_calendar",
    "build_vtimezone",
    "default_dtstamp",
    "export_calendar",
    "import_calendar",
    "meeting_uid",
    "read_previous",
    "series_uid",
]
