"""Options and error handling shared by subcommands."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from coproduction.errors import CoproductionError, InputError
from coproduction.policy import Policy

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-25") from None


def add_policy_arguments(parser: argparse.ArgumentParser) -> None:
    """--profile, --policy FILE and --set KEY=VALUE (highest precedence)."""
    parser.add_argument("--profile", help="shipped policy profile (default, oxfordshire, ...)")
    parser.add_argument("--policy", metavar="FILE", help="policy file (TOML or YAML) that overrides the profile")
    parser.add_argument(
        "--set",
        dest="settings",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="override one policy setting, e.g. --set min_lived_experience_share=0.6 (repeatable)",
    )


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn the library's errors into a message on stderr and exit status 2; never a traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except InputError as error:
            print(f"coproduction: {error}", file=sys.stderr)
            return EXIT_USAGE
        except CoproductionError as error:
            print(f"coproduction: error: {error}", file=sys.stderr)
            return EXIT_USAGE

    return wrapper


def register_kept_from_collector() -> AbstractContextManager[None]:
    """Pause Python's cyclic garbage collector for a whole command; call :func:`keep_from_collector` once the
    register is loaded.

    A command loads a register, keeps it to the end and makes no reference cycles (a run over a synthetic register
    leaves nothing for ``gc.collect()``). With the collector running, its first pass after loading walks every
    object just made (1.9 s at national scale, issue 6 benchmarks), and more passes over the findings follow.
    Paused from before loading and frozen after it, the register is never walked; at the end the collector is
    restored as it was (:func:`coproduction.io.collector.collector_paused`), for a caller in the same process.
    """
    from coproduction.io.collector import collector_paused

    return collector_paused()


def keep_from_collector() -> None:
    """Move every object made so far (the loaded register) out of the cyclic collector's sight."""
    gc.freeze()


def refuse_output_over_previous(output: str | None, previous: str | None) -> None:
    """An output file may not replace the previous publication given with ``--previous`` (``audit`` and ``report``
    read it to hide what a change since could show; it is read, never changed)."""
    if not output or not previous:
        return
    from pathlib import Path

    from coproduction.errors import OutputError

    if Path(output).resolve() == Path(previous).resolve():
        raise OutputError(
            f"{output}: the output would overwrite the previous audit {previous}, which is read, never changed; "
            "write the new one to another file"
        )


def refuse_output_over_input(output: str | None, input_path: str) -> None:
    """An output file may not replace the register it was made from, or a file inside a register folder.

    Input files are never modified (issue 6); ``check team-up.yaml -o team-up.yaml`` would lose the register.
    """
    if not output:
        return
    from pathlib import Path

    from coproduction.errors import OutputError

    target = Path(output).resolve()
    source = Path(input_path).resolve()
    if target == source or (source.is_dir() and source in target.parents):
        raise OutputError(f"{output}: the output would overwrite the register {input_path}; choose another file")


def policy_from_args(args: argparse.Namespace) -> Policy:
    """The effective policy for a command, by the one road every command takes:
    :func:`coproduction.settings.policy_from_args` (the default profile, ``COPRODUCTION_`` variables,
    ``--profile``, ``--policy`` and ``--set``, validated alike, with located errors). Imported here rather than at
    the top so that ``coproduction --version`` and the commands without a policy never load pydantic-settings."""
    from coproduction.settings import policy_from_args as load

    return load(args)


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type for a whole number of at least ``minimum`` (``--seats``, ``--seed``, ``--target-size``)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} must be {minimum} or more")
        return value

    return parse
