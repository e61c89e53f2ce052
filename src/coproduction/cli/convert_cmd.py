"""``coproduction convert PATH -o OUT``: a register from any format to any other.

Formats: YAML, JSON and TOML files (and folders of them), ``.xlsx`` and ``.ods`` workbooks and folders of
``.csv`` files in, YAML/JSON/TOML, ``.xlsx`` or a folder of CSV files out (docs/spreadsheets.md). The output's
format is ``--to``, else its suffix; a name without a suffix is a folder of CSV files. The register is loaded
and checked for shape first, as every command does, and written atomically; the input is never changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coproduction.cli.common import EXIT_OK, add_policy_arguments, guarded, policy_from_args, refuse_output_over_input

FORMATS = ("yaml", "json", "toml", "xlsx", "csv")


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="the register: a file, a folder of files, a workbook or a folder of CSV files")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the converted register")
    parser.add_argument(
        "--to",
        choices=FORMATS,
        help="the output's format (default: from OUT's suffix; a name without a suffix is a folder of CSV files)",
    )
    add_policy_arguments(parser)  # the policy's time zone reads and writes times without an offset


def output_format(output: str, chosen: str | None) -> str:
    """The format to write: ``--to``, else OUT's suffix (``.yml`` is YAML), else a folder of CSV files."""
    from coproduction.errors import OutputError

    if chosen:
        return chosen
    suffix = Path(output).suffix.lower().lstrip(".")
    if not suffix:
        return "csv"
    if suffix == "yml":
        return "yaml"
    if suffix in FORMATS and suffix != "csv":
        return suffix
    raise OutputError(
        f"{output}: cannot tell the format from the name; end it in .yaml, .json, .toml or .xlsx, give a folder "
        "name without a suffix for CSV files, or use --to"
    )


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.io.loader import load_register
    from coproduction.io.saver import save_register
    from coproduction.io.spreadsheet.writer import save_spreadsheet

    policy = policy_from_args(args)
    refuse_output_over_input(args.output, args.path)
    target_format = output_format(args.output, args.to)
    register = load_register(args.path, time_zone=policy.timezone)
    if target_format in ("xlsx", "csv"):
        if target_format == "xlsx" and Path(args.output).suffix.lower() != ".xlsx":
            from coproduction.errors import OutputError

            raise OutputError(f"{args.output}: a workbook's name ends in .xlsx")
        if target_format == "csv" and Path(args.output).suffix:
            from coproduction.errors import OutputError

            raise OutputError(f"{args.output}: CSV files are written into a folder; give a name without a suffix")
        save_spreadsheet(register, args.output, time_zone=policy.timezone)
    else:
        save_register(register, args.output, format=target_format)
    what = "a folder of CSV files" if target_format == "csv" else target_format.upper()
    sys.stdout.write(
        f"Converted {args.path} to {what} in {args.output}: {len(register.members)} members, "
        f"{len(register.groups)} groups, {len(register.memberships)} memberships, {len(register.meetings)} meetings.\n"
    )
    return EXIT_OK
