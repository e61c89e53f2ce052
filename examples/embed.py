"""Use coproduction from Python the way a council system would: load, check, act on the findings.

    python examples/embed.py                                  # the Oxfordshire example, as of 2026-11-25
    python examples/embed.py path/to/register --as-of today   # your own register, as of today
    python examples/embed.py --profile oxfordshire --ignore AC010

It prints a to-do list per group (findings about a group or one of its meetings), then one for people and one for
the policy, and exits 1 when there is an error-level finding, 0 when there is none, 2 when the input is invalid.

The library never reads the clock: the "as of" date is passed in. Only this script turns "today" into a date.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from coproduction.api import CheckReport, check_register
from coproduction.checks import Finding, SubjectKind
from coproduction.errors import CoproductionError
from coproduction.io.loader import load_register
from coproduction.models import Register
from coproduction.policy import Policy, Severity
from coproduction.settings import load_policy

EXAMPLE = Path(__file__).resolve().parent / "oxfordshire"
#: The date the example register is written for; pass ``--as-of today`` for a live register.
EXAMPLE_AS_OF = date(2026, 11, 25)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("register", nargs="?", default=str(EXAMPLE), help="a register file or folder")
    parser.add_argument(
        "--as-of",
        default=EXAMPLE_AS_OF.isoformat(),
        help="the date to judge the register on: YYYY-MM-DD or 'today' (default: %(default)s)",
    )
    parser.add_argument("--profile", help="a shipped policy profile, e.g. oxfordshire")
    parser.add_argument("--policy", metavar="FILE", help="a policy file (TOML or YAML)")
    parser.add_argument("--select", action="append", default=[], help="a code or prefix to run (repeatable)")
    parser.add_argument("--ignore", action="append", default=[], help="a code or prefix to skip (repeatable)")
    return parser.parse_args(argv)


def as_of_date(text: str) -> date:
    """The "as of" date: the clock is read here, at the edge, and only when asked for."""
    return date.today() if text == "today" else date.fromisoformat(text)


def choose_policy(profile: str | None, policy_file: str | None) -> Policy:
    """The defaults, or a profile and policy file through :func:`coproduction.settings.load_policy`."""
    if profile is None and policy_file is None:
        return Policy()
    # environ={} so that this demo gives the same answer whatever COPRODUCTION_* variables are set;
    # a council system would normally leave environ out and let its deployment configure the policy.
    return load_policy(profile=profile, policy_file=policy_file, environ={})


def owner_of(finding: Finding, register: Register) -> str:
    """Whose to-do list a finding belongs on: the group (directly or through its meeting), people, or policy."""
    subject = finding.subject
    if subject.kind is SubjectKind.GROUP:
        return group_heading(subject.id, register)
    if subject.kind is SubjectKind.MEETING:
        meeting = register.meeting_by_id.get(subject.id)
        return group_heading(meeting.group, register) if meeting else "Other meetings"
    if subject.kind is SubjectKind.MEMBER:
        return "People"
    return "Policy"


def group_heading(group_id: str, register: Register) -> str:
    group = register.group_by_id.get(group_id)
    return group.name if group else group_id


def todo_lists(report: CheckReport, register: Register) -> dict[str, list[Finding]]:
    """Findings per owner, most severe first, then in the report's own (subject, code) order."""
    lists: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        lists[owner_of(finding, register)].append(finding)
    for findings in lists.values():
        findings.sort(key=lambda f: -f.severity.rank)  # stable: keeps the report's order within a severity
    return dict(lists)


def describe(finding: Finding, register: Register) -> str:
    subject = finding.subject
    where = subject.id
    if subject.kind is SubjectKind.MEMBER and subject.id in register.member_by_id:
        where = register.member_by_id[subject.id].name
    return (
        f"  [{finding.severity.value.upper():7}] {finding.code} {finding.name} ({where})\n"
        f"            {finding.message}\n"
        f"            -> {finding.hint}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        as_of = as_of_date(args.as_of)
    except ValueError:
        print(f"embed.py: --as-of {args.as_of!r} is not a date; write YYYY-MM-DD or 'today'", file=sys.stderr)
        return 2
    try:
        register = load_register(args.register)
        policy = choose_policy(args.profile, args.policy)
        report = check_register(register, as_of=as_of, policy=policy, select=args.select, ignore=args.ignore)
    except CoproductionError as error:  # bad input (every problem, with file and path) or an unknown code
        print(f"embed.py: {error}", file=sys.stderr)
        return 2

    print(f"{register.organisation}: co-production checks as of {report.as_of.isoformat()} "
          f"(policy {report.policy!r})")  # fmt: skip
    lists = todo_lists(report, register)
    groups_first = [g.name for g in register.groups if g.name in lists]
    for heading in [*groups_first, *sorted(set(lists) - set(groups_first))]:
        errors = sum(1 for f in lists[heading] if f.severity is Severity.ERROR)
        print(f"\n{heading}: {len(lists[heading])} to do, {errors} error{'s' if errors != 1 else ''}")
        for finding in lists[heading]:
            print(describe(finding, register))
    summary = report.summary
    print(f"\n{summary['error']} errors, {summary['warning']} warnings, {summary['info']} for information.")
    return 1 if report.at_or_above(Severity.ERROR) else 0


if __name__ == "__main__":
    sys.exit(main())
