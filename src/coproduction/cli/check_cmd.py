"""``coproduction check PATH``: run the principles checks (the output contract: docs/embedding.md, "Output")."""

from __future__ import annotations

import argparse
import sys

from coproduction.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_policy_arguments,
    guarded,
    parse_date,
    refuse_output_over_input,
)
from coproduction.cli.progress import Progress, add_quiet_argument


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="register file (YAML, JSON, TOML) or folder of files")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "csv", "xlsx"),
        default="text",
        help="xlsx and csv: one row per finding, for officers (xlsx needs -o)",
    )
    parser.add_argument(
        "--as-of", type=parse_date, help="judge as of this date, YYYY-MM-DD (default: today in the policy's zone)"
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these codes or prefixes (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="skip these codes or prefixes (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here (atomically)")
    parser.add_argument("--no-plugins", action="store_true", help="run the built-in checks only")
    parser.add_argument(
        "--internal",
        action="store_true",
        help="exact diversity figures, for internal use only (not with --format markdown, which is for "
        "publication); by default diversity findings give no count that the publishable audit hides",
    )
    add_policy_arguments(parser)
    add_quiet_argument(parser)


#: The phases of ``check`` shown by its progress bar on a terminal.
PHASES = ("reading", "checking", "writing")


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def today_in(timezone: str) -> str:
    """Today's date in the policy's time zone: the one place the clock is read, and only when no date is given."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(timezone)).date().isoformat()


def _refuse_format_misuse(args: argparse.Namespace) -> None:
    """Before any reading: a workbook needs a file to go to, and a CSV file has no room to say it is internal."""
    from coproduction.errors import OutputError

    if args.format == "xlsx" and not args.output:
        raise OutputError(
            "--format xlsx writes a workbook, which is a binary file, not text for a terminal: "
            "name the file with -o, e.g. -o findings.xlsx"
        )
    if args.internal and args.format == "csv":
        raise OutputError(
            "--internal cannot be used with --format csv: a CSV file has no place to say its figures must not "
            "be published; use --format xlsx (its first sheet says so) or json for internal detail"
        )


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.cli.common import register_kept_from_collector

    # From before the imports: the collector's passes over the modules being imported found nothing to free and
    # took about 10 ms of a county check (issue 12). register_kept_from_collector restores it at the end.
    with register_kept_from_collector():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from datetime import date

    from coproduction.api import check_register
    from coproduction.cli import hold_until_exit
    from coproduction.cli.common import keep_from_collector, policy_from_args, register_kept_from_collector
    from coproduction.io.atomic import write_atomic, write_atomic_pieces
    from coproduction.io.loader import load_register
    from coproduction.plugins import registry_with_plugins
    from coproduction.policy import Severity
    from coproduction.reports.checks import BINARY_FORMATS, render_bytes, render_encoded_pieces, render_pieces

    if args.internal and args.format == "markdown":
        from coproduction.errors import OutputError

        raise OutputError(
            "--internal cannot be used with --format markdown: Markdown is for board papers, which are "
            "published; use --format text or json for internal detail"
        )
    _refuse_format_misuse(args)
    policy = policy_from_args(args)
    registry = registry_with_plugins(include_plugins=not args.no_plugins)
    select, ignore = _codes(args.select), _codes(args.ignore)
    registry.selected(select, ignore)  # unknown codes are a usage error before any loading
    refuse_output_over_input(args.output, args.path)
    with register_kept_from_collector(), Progress("coproduction check", PHASES, quiet=args.quiet) as progress:
        progress.phase("reading")
        register = load_register(args.path, time_zone=policy.timezone)
        keep_from_collector()
        hold_until_exit(register)
        as_of = args.as_of or date.fromisoformat(today_in(policy.timezone))
        progress.phase("checking")
        report = check_register(
            register,
            as_of=as_of,
            policy=policy,
            select=select,
            ignore=ignore,
            registry=registry,
            internal=args.internal,
        )
        hold_until_exit(report)
        progress.phase("writing")
        if args.format in BINARY_FORMATS:  # an internal workbook is readable by its owner only
            write_atomic(args.output, render_bytes(report, args.format), private=report.internal)
        elif args.output:
            write_atomic_pieces(args.output, render_encoded_pieces(report, args.format, register, policy.timezone))
        else:
            pieces = render_pieces(report, args.format, register, policy.timezone)
            progress.clear()  # the report starts on a clean line of the terminal
            for piece in pieces:
                sys.stdout.write(piece)
    if args.fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if report.any_at_or_above(Severity(args.fail_on)) else EXIT_OK
