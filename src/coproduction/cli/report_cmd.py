"""``coproduction report PATH --group ID``: one group's co-production report for its board, in plain English or
(``--easy-read``) Easy Read, as HTML or Markdown (docs/report.md).

Publishable by design: it names no member, gives attendance as rates and payments as totals, and its diversity
figures are the publishable audit's, with the same suppression.
"""

from __future__ import annotations

import argparse
import re
import sys

from coproduction.cli.common import (
    EXIT_OK,
    add_policy_arguments,
    guarded,
    parse_date,
    refuse_output_over_input,
    refuse_output_over_previous,
)
from coproduction.cli.progress import Progress, add_quiet_argument

FORMATS = ("html", "markdown")
#: The longest period a report covers, in months (ten years).
MAX_MONTHS = 120


def parse_period(text: str) -> int:
    """argparse type for ``--period``: a number of months written ``12m`` (1 to 120)."""
    found = re.fullmatch(r"\s*(\d+)\s*m\s*", text)
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a period; write a number of months, e.g. 12m")
    months = int(found.group(1))
    if not 1 <= months <= MAX_MONTHS:
        raise argparse.ArgumentTypeError(f"{text!r} must be from 1m to {MAX_MONTHS}m")
    return months


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="register file (YAML, JSON, TOML) or folder of files")
    parser.add_argument("--group", required=True, metavar="ID", help="the id of the group the report is for")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        help="the report's last day, YYYY-MM-DD (default: today in the policy's zone)",
    )
    parser.add_argument(
        "--period",
        type=parse_period,
        default=12,
        metavar="MONTHS",
        help="how far back the report looks, in months, e.g. 6m (default: 12m)",
    )
    parser.add_argument("--easy-read", action="store_true", help="the Easy Read version")
    parser.add_argument("--format", choices=FORMATS, default="html")
    parser.add_argument(
        "--baseline",
        metavar="NAME|FILE",
        help="the population to compare diversity with (default: the policy's)",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="the group's last published audit (coproduction audit --publishable --format json): also hide "
        "diversity counts whose change since then could show who joined or left",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here (atomically)")
    add_policy_arguments(parser)
    add_quiet_argument(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    from datetime import date

    from coproduction.cli import hold_until_exit
    from coproduction.cli.check_cmd import today_in
    from coproduction.cli.common import keep_from_collector, policy_from_args, register_kept_from_collector
    from coproduction.io.atomic import write_atomic
    from coproduction.io.loader import load_register
    from coproduction.reports.board import board_report, render_board_report

    policy = policy_from_args(args)
    refuse_output_over_input(args.output, args.path)
    refuse_output_over_previous(args.output, args.previous)
    with (
        register_kept_from_collector(),
        Progress("coproduction report", ("reading", "checking", "writing"), quiet=args.quiet) as progress,
    ):
        progress.phase("reading")
        register = load_register(args.path, time_zone=policy.timezone)
        keep_from_collector()
        hold_until_exit(register)
        as_of = args.as_of or date.fromisoformat(today_in(policy.timezone))
        progress.phase("checking")
        report = board_report(
            register,
            args.group,
            as_of=as_of,
            policy=policy,
            months=args.period,
            baseline=args.baseline,
            previous=args.previous,
        )
        progress.phase("writing")
        text = render_board_report(report, format=args.format, easy_read=args.easy_read)
        if args.output:
            write_atomic(args.output, text)
        else:
            progress.clear()
            sys.stdout.write(text)
    return EXIT_OK
