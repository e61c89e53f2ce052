"""``coproduction baselines``: population baselines to compare a group with.

``baselines import FILE.csv ... --name NAME`` turns ONS Census 2021 tables downloaded from Nomis into a baseline
file for one area (:mod:`coproduction.io.census_import`); ``baselines list`` shows the bundled baselines, with
each characteristic's table and population (docs/baselines.md).
"""

from __future__ import annotations

import argparse
import sys

from coproduction.cli.common import EXIT_OK, EXIT_USAGE, guarded


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    imported = actions.add_parser(
        "import",
        help="make a baseline file for one area from Census 2021 tables downloaded from Nomis",
        description=(
            "Make a baseline file for one area from Census 2021 tables downloaded from Nomis "
            "(https://www.nomisweb.co.uk/sources/census_2021_bulk): one CSV file per table, named as Nomis names "
            "it, e.g. census2021-ts021-utla.csv. See docs/baselines.md."
        ),
    )
    imported.add_argument("files", nargs="+", metavar="FILE.csv", help="one census table file per characteristic")
    imported.add_argument(
        "--name",
        required=True,
        help="the area, as the files' 'geography' column names it (case aside), e.g. oxfordshire; also the "
        "baseline's name",
    )
    imported.add_argument("--area", help="the area's name as reports show it (default: as the files write it)")
    imported.add_argument(
        "--geography-code",
        metavar="CODE",
        help="choose the area by its code (e.g. E10000025) instead of by --name",
    )
    imported.add_argument(
        "--adults-only",
        action="store_true",
        help="compare age with residents aged 16 and over (needs TS007, whose single years separate the under-16s)",
    )
    imported.add_argument("-o", "--output", metavar="OUT.yaml", help="write the baseline here (default: stdout)")
    actions.add_parser(
        "list",
        help="list the bundled baselines, with each characteristic's table and population",
        description="List the baselines bundled with coproduction, with each characteristic's table and population.",
    )


@guarded
def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    if args.action == "list":
        return _list()
    print(
        "coproduction baselines: choose an action: import (a baseline for your area from Census 2021 tables) "
        "or list (the bundled baselines)",
        file=sys.stderr,
    )
    return EXIT_USAGE


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from coproduction.errors import OutputError
    from coproduction.io.atomic import write_atomic
    from coproduction.io.census_import import import_files, render_yaml

    if args.output:
        target = Path(args.output).resolve()
        for file in args.files:
            if Path(file).resolve() == target:
                raise OutputError(f"{args.output}: the output would overwrite the table {file}; choose another file")
    imported = import_files(
        args.files,
        name=args.name,
        area=args.area,
        geography_code=args.geography_code,
        adults_only=args.adults_only,
    )
    text = render_yaml(imported)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    where = f"wrote {args.output}" if args.output else "the baseline above"
    tables = ", ".join(f"{c.characteristic.label} ({c.table})" for c in imported.characteristics)
    print(
        f"coproduction: {where}: Census 2021 figures for {imported.geography} ({imported.code}): {tables}",
        file=sys.stderr,
    )
    for note in imported.notes:
        print(f"coproduction: note: {note}", file=sys.stderr)
    if args.output:
        use = f"coproduction audit REGISTER --group ID --baseline {args.output}"
        print(f"coproduction: use it with: {use}", file=sys.stderr)
    return EXIT_OK


def _list() -> int:
    from coproduction.io.baselines import bundled_baseline, bundled_names
    from coproduction.models.diversity import Characteristic

    lines = [
        "Population baselines bundled with coproduction, to compare a group with: choose one with --baseline NAME or "
        "the policy's baseline setting.",
        'A characteristic with no figures is reported as "no baseline" and never judged. For your own area, see '
        "coproduction baselines import (docs/baselines.md).",
    ]
    for name in bundled_names():
        baseline = bundled_baseline(name)
        lines += ["", f"{name}: {baseline.area}" + (f" ({baseline.description})" if baseline.description else "")]
        width = max(len(c.label) for c in Characteristic)
        for characteristic in Characteristic:
            figures = baseline.get(characteristic)
            if figures is None:
                lines.append(f"  {characteristic.label:<{width}}  no figures")
                continue
            source = figures.source
            text = " ".join(part for part in (source.table, f'"{source.title}"' if source.title else None) if part)
            if figures.population:
                text += f", {figures.population}"
            units = getattr(figures, "units", None)
            if units and any(len(unit) > 1 for unit in units):
                text += " (some categories only in groups)"
            lines.append(f"  {characteristic.label:<{width}}  {text}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
