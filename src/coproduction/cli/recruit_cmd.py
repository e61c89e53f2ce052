"""``coproduction select APPLICANTS --register PATH --group ID --seed N`` (also ``coproduction recruit``): screen a
recruitment round's applicants, set quotas from the round file (or ``--targets``) and the audit of the group's
current members, and draw a panel fairly (LEXIMIN).

The internal report (the default) names applicants and says so on its first lines; ``--publishable`` and
``--format markdown`` name nobody. ``--register-out`` writes the chosen as a register fragment to review and merge
(docs/recruitment.md).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from coproduction.cli.common import EXIT_OK, add_policy_arguments, guarded, parse_date, whole_number

_seed = whole_number(0)
_seats = whole_number(1)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(
        "round", metavar="APPLICANTS", help="the round file (YAML, JSON, TOML): seats, rules, quotas and applicants"
    )
    parser.add_argument("--register", required=True, metavar="PATH", help="the register file or folder")
    parser.add_argument("--group", required=True, metavar="ID", help="the id of the group the round recruits to")
    parser.add_argument(
        "--seed", required=True, type=_seed, metavar="N", help="the seed of the draw, announced before it is made"
    )
    parser.add_argument("--seats", type=_seats, metavar="N", help="seats to fill (default: the round file's seats)")
    parser.add_argument(
        "--targets", metavar="FILE", help="quotas from this file (quotas: as in a round file), instead of the round's"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="markdown is always the publishable version",
    )
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
    parser.add_argument(
        "--register-out",
        metavar="FILE",
        help="write the chosen as new members and memberships, a YAML register fragment to review and merge",
    )
    add_policy_arguments(parser)


def _refuse_over_inputs(output: str | None, args: argparse.Namespace) -> None:
    from pathlib import Path

    from coproduction.cli.common import refuse_output_over_input
    from coproduction.errors import OutputError

    if not output:
        return
    refuse_output_over_input(output, args.register)
    for label, path in (("round file", args.round), ("targets file", args.targets)):
        if path and Path(output).resolve() == Path(path).resolve():
            raise OutputError(f"{output}: the output would overwrite the {label} {path}; choose another")


@guarded
def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    import attrs

    from coproduction.audit.analysis import audit_group, current_members
    from coproduction.audit.targets import recruitment_plan
    from coproduction.cli.common import policy_from_args
    from coproduction.errors import OutputError
    from coproduction.io.atomic import write_atomic
    from coproduction.io.baselines import resolve_baseline
    from coproduction.io.fragment_writer import dumps_fragment
    from coproduction.io.loader import load_register
    from coproduction.io.round_loader import load_round, load_targets
    from coproduction.recruitment.errors import RecruitmentError
    from coproduction.recruitment.joining import joining
    from coproduction.recruitment.leavers import without_leavers
    from coproduction.recruitment.quotas import FROM_FILE, FROM_TARGETS
    from coproduction.recruitment.selection import run_round
    from coproduction.reports.recruitment import RENDERERS

    policy = policy_from_args(args)
    _refuse_over_inputs(args.output, args)
    _refuse_over_inputs(args.register_out, args)
    if args.output and args.register_out and Path(args.output).resolve() == Path(args.register_out).resolve():
        raise OutputError(f"{args.output}: the report and the register fragment need different files")
    round_ = load_round(args.round)
    quota_source = FROM_FILE
    if args.targets:
        targets: Any = load_targets(args.targets)  # attrs types a converter=tuple field as Iterable[_T_co]
        round_ = attrs.evolve(round_, quotas=targets)
        quota_source = FROM_TARGETS
    if args.seats is not None:
        round_ = attrs.evolve(round_, seats=args.seats)
    if round_.group != args.group:
        raise RecruitmentError(
            f"the round file {args.round} is for group {round_.group!r}, not {args.group!r}; check --group"
        )
    register = load_register(args.register, time_zone=policy.timezone)
    as_of = args.as_of or round_.closing
    plan = None
    current_members(register, args.group, as_of)  # an unknown group is refused first
    remaining = without_leavers(register, args.group, round_.leavers, as_of)
    if round_.quotas_from_audit:
        baseline = resolve_baseline(args.baseline or policy.baseline)
        audit = audit_group(remaining, args.group, as_of=as_of, policy=policy, baseline=baseline)
        plan = recruitment_plan(
            audit, target_size=audit.members + round_.seats, max_unanswered_share=policy.max_unknown_share
        )
    result = run_round(round_, seed=args.seed, plan=plan, quota_source=quota_source)
    fragment = None
    if args.register_out:
        chosen = joining(
            result.panel, group=args.group, starts=as_of, taken_ids={member.id for member in register.members}
        )
        fragment = dumps_fragment(chosen, source=Path(args.round).name)
    publishable = args.publishable or args.format == "markdown"
    text = RENDERERS[args.format](result, publishable=publishable, threshold=policy.suppression_threshold)
    if fragment is not None:
        write_atomic(args.register_out, fragment, private=True)
    if args.output:
        write_atomic(args.output, text, private=not publishable)
    else:
        sys.stdout.write(text)
    if args.register_out:
        print(
            f"coproduction: wrote {args.register_out}: {len(result.panel)} new members of {args.group} from "
            f"{as_of.isoformat()}, for the council to review and merge; it names people, not for publication",
            file=sys.stderr,
        )
    if not publishable:
        where = f"wrote {args.output}" if args.output else "this report"
        print(
            f"coproduction: {where}: names applicants, not for publication (use --publishable for a version that is)",
            file=sys.stderr,
        )
    return EXIT_OK
