"""The ``coproduction`` command line. Subcommands live in their own modules and are imported only when run,
so that ``coproduction --version`` starts fast.

Exit statuses (docs/getting-started.md): 0 nothing at or above ``--fail-on``; 1 something is; 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence

#: Subcommand name -> (module, one-line help). Each module has ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("coproduction.cli.check_cmd", "check a register against co-production's principles"),
    "rules": ("coproduction.cli.rules_cmd", "list every check: code, name, principle, severity"),
    "explain": ("coproduction.cli.rules_cmd", "print one check's documentation"),
    "policy": ("coproduction.cli.policy_cmd", "show the effective policy"),
    "calendar": ("coproduction.cli.calendar_cmd", "export meetings as an iCalendar file"),
    "audit": ("coproduction.cli.audit_cmd", "audit a group's diversity against its population"),
    "baselines": ("coproduction.cli.baselines_cmd", "baselines to compare with: import your area's, list the bundled"),
    "select": ("coproduction.cli.recruit_cmd", "select a new panel from a recruitment round, fairly and to quota"),
    "recruit": ("coproduction.cli.recruit_cmd", "the same as select (its first name)"),
    "convert": ("coproduction.cli.convert_cmd", "convert a register between YAML, JSON, TOML, .xlsx and CSV files"),
    "template": ("coproduction.cli.template_cmd", "write an empty register workbook (.xlsx) to fill in"),
    "report": ("coproduction.cli.report_cmd", "a group's co-production report for its board, plain or Easy Read"),
    "schema": ("coproduction.cli.schema_cmd", "print the register format's JSON Schema, for editors and other systems"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

#: What commands hand over to be freed only by the end of the process (see :func:`entry`); ``None`` when
#: :func:`main` runs inside another program (the tests), where nothing is held back.
_held: list[object] | None = None


def hold_until_exit(*objects: object) -> None:
    """Keep ``objects`` (a loaded register, a report) alive until the process ends, when the command line runs as
    its own process: freeing a national register and its million findings one object at a time took about a
    second (issue 6 benchmarks) and achieves nothing, since :func:`entry` ends the process without teardown."""
    if _held is not None:
        _held.extend(objects)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("coproduction")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--version"]:
        print(f"coproduction {_version()}")
        return EXIT_OK
    with _collector_paused():  # importing the command's module makes no garbage for the collector to look for
        parser = _Parser(prog="coproduction", description="Co-production principles checks for councils.")
        parser.add_argument("--version", action="store_true", help="print the version and stop")
        sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
        chosen = args_list[0] if args_list and args_list[0] in COMMANDS else None
        for name, (module_name, help_text) in COMMANDS.items():
            command_parser = sub.add_parser(name, help=help_text, description=help_text)
            if name == chosen:
                module = _load(module_name)
                if module is None:
                    command_parser.error(f"the {name!r} command is not available in this build")
                module.add_arguments(command_parser, name)
        args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    module = _load(COMMANDS[args.command][0])
    assert module is not None
    status: int = module.run(args)
    return status


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, and restored as it was (for a caller in the same process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(module_name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise


def entry() -> None:
    """Console-script entry point.

    Once the command has finished and its output is flushed, the process ends without tearing down the objects it
    made: freeing millions of register objects one by one takes seconds at national scale and achieves nothing.
    Output files are already complete (written atomically), so nothing is lost.
    """
    global _held
    _held = []
    try:
        status = main()
    except SystemExit as stop:  # argparse's usage errors and --help
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else EXIT_USAGE)
    except BrokenPipeError:  # the reader went away (`coproduction check ... | head`): not an error of ours
        status = EXIT_OK
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(status)
