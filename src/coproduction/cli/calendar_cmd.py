"""``coproduction calendar PATH``: export meetings as one iCalendar file (see docs/calendar.md)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from coproduction.calendar.errors import Locator
    from coproduction.calendar.previous import PreviousExport
    from coproduction.models import Meeting

from coproduction.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_policy_arguments,
    guarded,
    parse_date,
    refuse_output_over_input,
)
from coproduction.cli.progress import Progress, add_quiet_argument


def parse_dtstamp(text: str) -> datetime:
    """argparse type for ``--dtstamp``: an ISO date-time with a zone (``2026-11-25T09:00:00Z``) or a date
    (midnight UTC)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
        stamp = datetime.fromisoformat(text)
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date-time with a zone; write e.g. 2026-11-25T09:00:00Z or 2026-11-25"
        )
    return stamp


def default_domain(organisation: str) -> str:
    """A stable UID domain when none is given: the organisation's name as a label under ``.invalid`` (RFC 2606
    reserves it, so it can never clash with a real domain). Councils should pass their own with --domain."""
    label = re.sub(r"[^a-z0-9]+", "-", organisation.lower()).strip("-")[:63].strip("-") or "coproduction"
    return f"{label}.invalid"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="register file (YAML, JSON, TOML) or folder of files")
    parser.add_argument("--group", metavar="ID", help="only this group's meetings (default: every group)")
    parser.add_argument(
        "--from", dest="start", type=parse_date, metavar="DATE", help="only meetings on or after this date"
    )
    parser.add_argument("--to", dest="end", type=parse_date, metavar="DATE", help="only meetings on or before")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the .ics file here, atomically (default: stdout)")
    parser.add_argument(
        "--domain",
        metavar="D",
        help="domain that ends every UID, e.g. oxfordshire.gov.uk (default: <organisation>.invalid)",
    )
    parser.add_argument(
        "--attendees", action="store_true", help="list each meeting's expected members as ATTENDEEs (names only)"
    )
    parser.add_argument(
        "--dtstamp",
        type=parse_dtstamp,
        metavar="WHEN",
        help="DTSTAMP for every event (default: the latest paper publication or held meeting's end in the export,"
        " never before --previous's, so an unchanged register exports the same bytes)",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="the .ics file published last (may be the -o file): no event's SEQUENCE goes down, changed events"
        " go up, and stand-alone events keep their UIDs",
    )
    add_policy_arguments(parser)
    add_quiet_argument(parser)


def read_previous_file(path: str) -> PreviousExport:
    """The previous export, or an error naming the file (exit status 2)."""
    from coproduction.calendar.previous import read_previous
    from coproduction.errors import InputError, Problem
    from coproduction.io.special import not_regular_message

    refused = not_regular_message(path)
    if refused is not None:
        raise InputError([Problem(path, "", refused)])
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError([Problem(path, "", f"cannot read the previous export: {error.strerror or error}")]) from None
    return read_previous(data, source=path)


def meeting_locator(path: str, meetings: Sequence[Meeting]) -> tuple[str, Locator | None]:
    """For a register folder, a function giving the file and index of the register's n-th meeting; for a file,
    the file itself (its meetings are the register's, in order).

    Only called to report a problem: each file of the folder is read again, and meetings are found by their ids,
    which are unique in a register.
    """
    target = Path(path)
    if not target.is_dir():
        return path, None
    from coproduction.io.formats import DEFAULT_LIMITS, format_for_path
    from coproduction.io.preconf import module_for

    where: dict[str, tuple[str, int]] = {}
    for file in sorted(target.iterdir(), key=lambda entry: entry.name):
        register_format = format_for_path(file)
        if file.name.startswith(".") or register_format is None or not file.is_file():
            continue
        try:
            document = module_for(register_format).loads(file.read_text(encoding="utf-8-sig"), DEFAULT_LIMITS)
        except Exception:  # the loader read it already; a file that fails here locates nothing
            continue
        listed = document.get("meetings") if isinstance(document, dict) else None
        for index, item in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                where.setdefault(item["id"], (str(file), index))

    def locate(number: int) -> tuple[str, int]:
        return where.get(meetings[number].id, (path, number))

    return path, locate


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.calendar import ExportOptions, build_calendar, default_dtstamp
    from coproduction.calendar.errors import MeetingValueError
    from coproduction.calendar.export import select_meetings, zone_for
    from coproduction.cli import hold_until_exit
    from coproduction.cli.common import keep_from_collector, policy_from_args, register_kept_from_collector
    from coproduction.io.atomic import write_atomic
    from coproduction.io.loader import load_register

    if args.start and args.end and args.start > args.end:
        print("coproduction: --from is after --to; no meeting can match", file=sys.stderr)
        return EXIT_USAGE
    policy = policy_from_args(args)
    refuse_output_over_input(args.output, args.path)
    previous = read_previous_file(args.previous) if args.previous else None
    with (
        register_kept_from_collector(),
        Progress("coproduction calendar", ("reading", "exporting", "writing"), quiet=args.quiet) as progress,
    ):
        progress.phase("reading")
        register = load_register(args.path, time_zone=policy.timezone)
        keep_from_collector()
        hold_until_exit(register)
        progress.phase("exporting")
        domain = args.domain or default_domain(register.organisation)
        try:
            probe = ExportOptions(
                dtstamp=datetime(1970, 1, 1, tzinfo=UTC),
                domain=domain,
                group=args.group,
                start=args.start,
                end=args.end,
            )
            chosen = select_meetings(register, probe, zone_for(policy))
            dtstamp = args.dtstamp or default_dtstamp(chosen, previous)
            options = ExportOptions(
                dtstamp=dtstamp,
                domain=domain,
                group=args.group,
                start=args.start,
                end=args.end,
                attendees=args.attendees,
                previous=previous,
            )
            data = bytes(build_calendar(register, policy, options).to_ical())
        except MeetingValueError as error:
            raise error.located(*meeting_locator(args.path, register.meetings)) from None
        progress.phase("writing")
        if args.output:
            write_atomic(args.output, data)
        else:
            progress.clear()  # the calendar starts on a clean line of the terminal
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
    return EXIT_OK
