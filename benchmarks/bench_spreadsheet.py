"""A county-scale register loaded from an .xlsx workbook against the same register from JSON (issue 15).

``python -m benchmarks.bench_spreadsheet [--repeat 5] [--workdir DIR]``

Writes the seeded synthetic county register (benchmarks/synthetic.py: 2,000 members, 50 groups, 1,200 meetings,
48,000 attendance records) as JSON, converts it to a workbook and a folder of CSV files with the library's own
writer, then times ``load_register`` of each in its own process, interleaved, best of ``--repeat``. The target:
the workbook loads within 3x the JSON. Also reported: the time to load inside one process after a first load
(imports and first-use set-up excluded), and the time to write the workbook.

Timings depend on the machine and are not unit tests; results are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.__main__ import Measure, measure, python, report
from benchmarks.synthetic import COUNTY, write_register

TARGET = 3.0


def _load(path: Path) -> list[str]:
    return python(f"from coproduction.io.loader import load_register; load_register({str(path)!r})")


def _warm(path: Path, repeat: int) -> float:
    """Best time of ``load_register`` in this process after a first load."""
    from coproduction.io.loader import load_register

    load_register(path)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        load_register(path)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_spreadsheet", description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each load; the best is kept (default 5)")
    parser.add_argument("--workdir", help="where to write the files (default: a temporary folder)")
    args = parser.parse_args()
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="coproduction-bench-sheet-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        from coproduction.io.loader import load_register
        from coproduction.io.spreadsheet.writer import save_spreadsheet

        json_path = write_register(workdir / "county.json", COUNTY)
        register = load_register(json_path)
        workbook = workdir / "county.xlsx"
        started = time.perf_counter()
        save_spreadsheet(register, workbook)
        written = time.perf_counter() - started
        save_spreadsheet(register, workdir / "county-csv")
        assert load_register(workbook) == register == load_register(workdir / "county-csv")
        print(
            f"county register: {len(register.members):,} members, {len(register.meetings):,} meetings; JSON "
            f"{json_path.stat().st_size / 1e6:.1f} MB, workbook {workbook.stat().st_size / 1e6:.1f} MB "
            f"(written in {written:.2f} s)",
            flush=True,
        )
        best: dict[str, Measure] = {}
        for _ in range(args.repeat):  # interleaved, so that other work on the machine falls on each alike
            for label, path in (("json", json_path), ("xlsx", workbook), ("csv folder", workdir / "county-csv")):
                result = measure(_load(path))
                if label not in best or result.seconds < best[label].seconds:
                    best[label] = result
        report("load json", best["json"])
        report("load xlsx", best["xlsx"], best["json"])
        report("load csv folder", best["csv folder"], best["json"])
        ratio = best["xlsx"].seconds / best["json"].seconds
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(f"  workbook against JSON, each in its own process: x{ratio:.2f} (target {TARGET}x: {verdict})")
        warm_json, warm_xlsx = _warm(json_path, args.repeat), _warm(workbook, args.repeat)
        print(
            f"  in one process after a first load: json {warm_json:.3f} s, xlsx {warm_xlsx:.3f} s, "
            f"x{warm_xlsx / warm_json:.2f}",
            flush=True,
        )
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
