"""``coproduction schema [-o FILE]``: print or write the register's JSON Schema (draft 2020-12).

The schema is the copy shipped with the package (:func:`coproduction.schema.shipped_schema`), generated from the
models; ``docs/schema.md`` explains it and how to point an editor at it.
"""

from __future__ import annotations

import argparse
import sys

from coproduction.cli.common import EXIT_OK, guarded


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the schema to FILE (atomically) instead of printing it"
    )


@guarded
def run(args: argparse.Namespace) -> int:
    from coproduction.schema import shipped_schema

    text = shipped_schema()
    if args.output:
        from coproduction.io.atomic import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
