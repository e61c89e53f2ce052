"""``coproduction template OUT``: an empty register to fill in, as a workbook or a folder of CSV files.

The workbook has every sheet of the layout (docs/spreadsheets.md) with its headings, drop-down lists for choices
and Yes/No columns, and a "How to fill this in" sheet in plain English. Read back, it is an empty, valid register
of the organisation and area given (``--organisation``, ``--area``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coproduction.cli.common import EXIT_OK, guarded


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("output", metavar="OUT", help="the workbook to write (.xlsx), or a folder name for CSV files")
    parser.add_argument(
        "--organisation", default="Your council", help="the organisation that keeps the register (default: %(default)s)"
    )
    parser.add_argument("--area", default="Your area", help="the area it serves (default: %(default)s)")


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.errors import OutputError
    from coproduction.io.spreadsheet.writer import save_spreadsheet
    from coproduction.models.register import Register

    target = Path(args.output)
    if target.suffix and target.suffix.lower() != ".xlsx":
        raise OutputError(f"{args.output}: a template is an .xlsx workbook, or a folder of CSV files (no suffix)")
    if target.exists() and target.is_file():
        raise OutputError(f"{args.output}: already exists; a template never replaces a file: choose another name")
    if target.is_dir() and any(target.iterdir()):
        raise OutputError(f"{args.output}: the folder is not empty; a template never replaces files")
    save_spreadsheet(Register(organisation=args.organisation, area=args.area), target)
    kind = "workbook" if target.suffix else "folder of CSV files"
    sys.stdout.write(
        f"Wrote an empty register {kind} to {args.output}: fill in each sheet (the How to fill this in sheet says "
        f"how), then run: coproduction check {args.output}\n"
    )
    return EXIT_OK
