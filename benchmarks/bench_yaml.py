"""YAML registers with asterisks in their text: libyaml's fast reader against the pure-Python one (issue 12).

``python -m benchmarks.bench_yaml [--councils 8] [--workdir DIR]``

Writes a seeded synthetic register (benchmarks/synthetic.py) as one YAML file in which some names hold a ``*``
("Member m1 *5 stars*", a bullet "* item") but nothing is an alias, then times, each in its own process:

* ``load_register`` as it is now: aliases are found as libyaml alias events, so this file stays on libyaml;
* the former rule, which sent any text containing ``*`` to the pure-Python reader (simulated by forcing that reader).

A file with a real alias still goes to the Python reader, whose alias limits guard it (tests/io pins this).

Timings depend on the machine and are not unit tests; results are recorded in the issue's closing note.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.__main__ import measure, python, report
from benchmarks.synthetic import Scale, write_register


def write_yaml_register(workdir: Path, councils: int) -> Path:
    """A register of ``councils`` county-sized councils as YAML, with asterisks in some names; its path."""
    scale = Scale("yaml-stars", councils=councils, groups_per_council=50, members_per_group=40, meetings_per_group=24)
    json_path = write_register(workdir / "stars.json", scale)
    with json_path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    for index, member in enumerate(data["members"]):
        if index % 50 == 0:
            member["name"] = f"{member['name']} *5 stars*"
        elif index % 50 == 1:
            member["name"] = f"* {member['name']}"
    path = workdir / "stars.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)
    json_path.unlink()
    return path


FORCE_PYTHON = (
    "import coproduction.io.preconf.yaml as y; y._loader_for = lambda text, limits: y.RegisterLoader(text, limits); "
)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_yaml", description=__doc__)
    parser.add_argument("--councils", type=int, default=8, help="county-sized councils in the file (8: about 35 MB)")
    parser.add_argument("--workdir", help="where to write the file (default: a temporary folder)")
    args = parser.parse_args()
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="coproduction-bench-yaml-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        path = write_yaml_register(workdir, args.councils)
        text = path.read_text(encoding="utf-8")
        print(
            f"YAML register with asterisks in its text: {path.stat().st_size / 1e6:.0f} MB, "
            f"{text.count('*')} asterisks, no alias (written in {time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        load = f"from coproduction.io.loader import load_register; load_register({str(path)!r})"
        baseline = measure(python(f"import yaml; yaml.load(open({str(path)!r}), Loader=yaml.CSafeLoader)"))
        report("yaml CSafeLoader", baseline)
        fast = measure(python(load))
        report("load (libyaml)", fast, baseline)
        slow = measure(python(FORCE_PYTHON + load))
        report("load (former)", slow, baseline)
        print(f"  speed-up from detecting aliases, not asterisks: x{slow.seconds / fast.seconds:.1f}", flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
