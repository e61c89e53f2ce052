"""``coproduction calendar PATH``: export meetings as one iCalendar file (see docs/calendar.md)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime

from coproduction.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_policy_arguments,
    guarded,
    parse_date,
    refuse_output_over_input,
)


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
        help="DTSTAMP for every event (default: the latest meeting end or paper date in the export, so an"
        " unchanged register exports the same bytes)",
    )
    add_policy_arguments(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.calendar import ExportOptions, build_calendar, default_dtstamp
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
    with register_kept_from_collector():
        register = load_register(args.path)
        keep_from_collector()
        hold_until_exit(register)
        domain = args.domain or default_domain(register.organisation)
        probe = ExportOptions(
            dtstamp=datetime(1970, 1, 1, tzinfo=UTC), domain=domain, group=args.group, start=args.start, end=args.end
        )
        dtstamp = args.dtstamp or default_dtstamp(select_meetings(register, probe, zone_for(policy)))
        options = ExportOptions(
            dtstamp=dtstamp,
            domain=domain,
            group=args.group,
            start=args.start,
            end=args.end,
            attendees=args.attendees,
        )
        data = bytes(build_calendar(register, policy, options).to_ical())
        if args.output:
            write_atomic(args.output, data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
    return EXIT_OK
