"""``coproduction policy``: show the effective policy after the profile, policy file, environment and ``--set``.

``--format toml`` prints a file a council can keep as its own policy file (``--policy FILE`` reads it back).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any

from coproduction.cli.common import EXIT_OK, add_policy_arguments, guarded


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json", "toml"),
        default="text",
        help="text (KEY = VALUE lines with keys as --set takes them, and where each change came from), json,"
        " or toml (a policy file)",
    )
    parser.add_argument("--list-profiles", action="store_true", help="list the shipped profiles and stop")
    add_policy_arguments(parser)


def _lines(prefix: str, value: Any, origins: Mapping[str, str]) -> list[str]:
    """``group_sizes.board.minimum = 8``: tables flattened into the dotted keys that ``--set`` accepts, each
    followed by the layer that set it when that is not the defaults."""
    if isinstance(value, dict) and value:
        return [line for key, item in value.items() for line in _lines(f"{prefix}.{key}", item, origins)]
    line = f"{prefix} = {json.dumps(value, ensure_ascii=False)}"
    return [f"{line}  # {origins[prefix]}" if prefix in origins else line]


def render_text(data: dict[str, Any], origins: Mapping[str, str] | None = None) -> str:
    lines = [line for key, value in data.items() for line in _lines(key, value, origins or {})]
    return "\n".join(lines) + "\n"


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.settings import available_profiles, explain_from_args, policy_to_dict, policy_to_toml

    if args.list_profiles:
        sys.stdout.write("".join(f"{name}\n" for name in available_profiles()))
        return EXIT_OK
    explained = explain_from_args(args)
    policy = explained.policy
    if args.format == "json":
        sys.stdout.write(json.dumps(policy_to_dict(policy), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "toml":
        sys.stdout.write(policy_to_toml(policy))
    else:
        sys.stdout.write(render_text(policy_to_dict(policy), explained.origins))
    return EXIT_OK
