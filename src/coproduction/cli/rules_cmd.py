"""``coproduction rules`` lists every check; ``coproduction explain CODE`` prints one check's documentation."""

from __future__ import annotations

import argparse
import json
import sys

from coproduction.cli.common import EXIT_OK, guarded


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "explain":
        parser.add_argument("code", help="a check's code, e.g. AC001")
        parser.add_argument("--format", choices=("text", "markdown"), default="text")
    else:
        parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--no-plugins", action="store_true", help="built-in checks only")


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.checks.documentation import explain_text, page_markdown
    from coproduction.plugins import registry_with_plugins

    registry = registry_with_plugins(include_plugins=not args.no_plugins)
    if args.command == "explain":
        check = registry[args.code]
        sys.stdout.write(page_markdown(check) if args.format == "markdown" else explain_text(check))
        return EXIT_OK
    rows = [
        {
            "code": c.code,
            "name": c.name,
            "principle": c.principle.value,
            "severity": c.severity.value,
            "subject": c.subject.value,
        }
        for c in registry
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    for row in rows:
        sys.stdout.write(f"{row['code']}  {row['name']:<36} {row['principle']:<14} {row['severity']}\n")
    return EXIT_OK
