"""``coproduction audit PATH --group ID``: a group's diversity against its population, with recruitment targets.

The internal report (the default) holds special category data and says so on its first lines; ``--publishable``
suppresses small numbers so that the report can be published (docs/audit.md).
"""

from __future__ import annotations

import argparse
import sys

from coproduction.cli.common import (
    EXIT_OK,
    add_policy_arguments,
    guarded,
    parse_date,
    refuse_output_over_input,
    refuse_output_over_previous,
    whole_number,
)
from coproduction.cli.progress import Progress, add_quiet_argument

FORMATS = ("text", "json", "markdown", "html")


_positive = whole_number(1)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="register file (YAML, JSON, TOML) or folder of files")
    parser.add_argument("--group", required=True, metavar="ID", help="the id of the group to audit")
    parser.add_argument(
        "--baseline",
        metavar="NAME|FILE",
        help="a bundled baseline (england, england-and-wales, ...) or a YAML/CSV file (default: the policy's)",
    )
    parser.add_argument(
        "--publishable",
        action="store_true",
        help='suppress small numbers ("fewer than 5") so that the report is safe to publish',
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="the last published audit of this group (its --publishable --format json output): also hide counts "
        "whose change since then could show who joined or left (with --publishable)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here (atomically)")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        help="members current on this date, YYYY-MM-DD (default: today in the policy's zone)",
    )
    parser.add_argument(
        "--target-size",
        type=_positive,
        metavar="N",
        help="plan recruitment for a group of N members (default: the fewest additions that close every gap)",
    )
    add_policy_arguments(parser)
    add_quiet_argument(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    from datetime import date

    from coproduction.audit.analysis import audit_group
    from coproduction.audit.errors import AuditError
    from coproduction.audit.targets import recruitment_plan
    from coproduction.cli import hold_until_exit
    from coproduction.cli.check_cmd import today_in
    from coproduction.cli.common import keep_from_collector, policy_from_args, register_kept_from_collector
    from coproduction.io.atomic import write_atomic
    from coproduction.io.baselines import resolve_baseline
    from coproduction.io.loader import load_register
    from coproduction.reports.audit import RENDERERS, build_report
    from coproduction.reports.audit.previous import read_previous

    if args.previous and not args.publishable:
        raise AuditError("--previous is for publishable reports: add --publishable")
    policy = policy_from_args(args)
    baseline = resolve_baseline(args.baseline or policy.baseline)
    refuse_output_over_input(args.output, args.path)
    refuse_output_over_previous(args.output, args.previous)
    with (
        register_kept_from_collector(),
        Progress("coproduction audit", ("reading", "auditing", "writing"), quiet=args.quiet) as progress,
    ):
        progress.phase("reading")
        register = load_register(args.path, time_zone=policy.timezone)
        keep_from_collector()
        hold_until_exit(register)
        as_of = args.as_of or date.fromisoformat(today_in(policy.timezone))
        progress.phase("auditing")
        audit = audit_group(register, args.group, as_of=as_of, policy=policy, baseline=baseline)
        plan = recruitment_plan(
            audit, target_size=args.target_size, max_unanswered_share=policy.max_unknown_share
        )
        previous = None
        if args.previous:
            previous = read_previous(
                args.previous,
                group_id=audit.group_id,
                baseline_name=audit.baseline_name,
                categories={c.characteristic: tuple(k for k, _ in c.tally.counts) for c in audit.characteristics},
            )
        report = build_report(audit, plan, policy, publishable=args.publishable, previous=previous)
        progress.phase("writing")
        text = RENDERERS[args.format](report)
        if args.output:
            # An internal report is special category data: only its owner may read the file.
            write_atomic(args.output, text, private=not args.publishable)
        else:
            progress.clear()  # the report starts on a clean line of the terminal
            sys.stdout.write(text)
    if not args.publishable:
        where = f"wrote {args.output}" if args.output else "this report"
        print(
            f"coproduction: {where}: special category data, not for publication "
            "(use --publishable for a version that is)",
            file=sys.stderr,
        )
    return EXIT_OK
