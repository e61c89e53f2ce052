"""``coproduction recruit ROUND --register PATH --group ID --seed N``: screen a recruitment round's applicants,
set quotas from the round file and the audit of the group's current members, and draw a panel fairly (LEXIMIN).

The internal report (the default) names applicants and says so on its first lines; ``--publishable`` names nobody
(docs/recruitment.md).
"""

from __future__ import annotations

import argparse
import sys

from coproduction.cli.common import EXIT_OK, add_policy_arguments, guarded, parse_date, refuse_output_over_input


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("round", help="the round file (YAML, JSON, TOML): seats, rules, quotas and applicants")
    parser.add_argument("--register", required=True, metavar="PATH", help="the register file or folder")
    parser.add_argument("--group", required=True, metavar="ID", help="the id of the group the round recruits to")
    parser.add_argument(
        "--seed", required=True, type=_seed, metavar="N", help="the seed of the draw, announced before it is made"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here (atomically)")
    parser.add_argument(
        "--publishable", action="store_true", help="name no applicant, so that the report is safe to publish"
    )
    parser.add_argument(
        "--baseline", metavar="NAME|FILE", help="the baseline of the audit that sets quotas (default: the policy's)"
    )
    parser.add_argument(
        "--as-of",
        type=parse_date,
        help="audit the members current on this date, YYYY-MM-DD (default: the round's closing date)",
    )
    add_policy_arguments(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from coproduction.audit.analysis import audit_group, current_members
    from coproduction.audit.baseline import resolve_baseline
    from coproduction.audit.targets import recruitment_plan
    from coproduction.cli.common import policy_from_args
    from coproduction.errors import OutputError
    from coproduction.io.atomic import write_atomic
    from coproduction.io.loader import load_register
    from coproduction.io.round_loader import load_round
    from coproduction.recruitment.errors import RecruitmentError
    from coproduction.recruitment.report import RENDERERS
    from coproduction.recruitment.selection import run_round

    policy = policy_from_args(args)
    refuse_output_over_input(args.output, args.register)
    if args.output and Path(args.output).resolve() == Path(args.round).resolve():
        raise OutputError(f"{args.output}: the output would overwrite the round file {args.round}; choose another")
    round_ = load_round(args.round)
    if round_.group != args.group:
        raise RecruitmentError(
            f"the round file {args.round} is for group {round_.group!r}, not {args.group!r}; check --group"
        )
    register = load_register(args.register)
    as_of = args.as_of or round_.closing
    plan = None
    if round_.quotas_from_audit:
        baseline = resolve_baseline(args.baseline or policy.baseline)
        audit = audit_group(register, args.group, as_of=as_of, policy=policy, baseline=baseline)
        plan = recruitment_plan(
            audit, target_size=audit.members + round_.seats, max_unanswered_share=policy.max_unknown_share
        )
    else:
        current_members(register, args.group, as_of)  # an unknown group is refused either way
    result = run_round(round_, seed=args.seed, plan=plan)
    text = RENDERERS[args.format](result, publishable=args.publishable, threshold=policy.suppression_threshold)
    if args.output:
        write_atomic(args.output, text, private=not args.publishable)
    else:
        sys.stdout.write(text)
    if not args.publishable:
        where = f"wrote {args.output}" if args.output else "this report"
        print(
            f"coproduction: {where}: names applicants, not for publication (use --publishable for a version that is)",
            file=sys.stderr,
        )
    return EXIT_OK
