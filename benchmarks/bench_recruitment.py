"""Recruitment selection (issue 14): LEXIMIN against the greedy "legacy" procedure, and LEXIMIN's time by pool size.

``python -m benchmarks.bench_recruitment [--sizes 100,200,500,1000] [--seats 30] [--legacy-draws 2000]``

Pools are seeded and synthetic: each candidate has one of three categories in each of six characteristics, drawn
with unequal shares (60/30/10 per cent), and every characteristic has a quota of at least the category's
population share of the seats, rounded down, for its two smaller categories (as an audit's targets would ask).
For each pool it reports LEXIMIN's smallest selection probability and the legacy procedure's (estimated from
seeded repeated draws; Flanigan et al., Nature 596, 548-552, 2021), and the share of candidates whose probability
is below half the equal share (seats / pool size), then how many profiles (candidates whom every quota treats alike)
and panels LEXIMIN used, and its wall-clock and CPU time. The machine may be shared: CPU time (this process's,
HiGHS's included) is the steadier figure; the wall-clock time is what a user waits. ``--no-legacy`` skips the legacy
estimate (2,000 draws take about 90 s of CPU for 1,000 candidates).
"""

from __future__ import annotations

import argparse
import random
import time

from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.leximin import legacy_draw, leximin
from coproduction.recruitment.profiles import profiles_of
from coproduction.recruitment.solver import PanelProblem

SHARES = (0.6, 0.3, 0.1)
CHARACTERISTICS = 6


def pool(size: int, seats: int, seed: int) -> PanelProblem:
    """A seeded pool of ``size`` candidates with quotas on six characteristics (see the module's docstring)."""
    rng = random.Random(seed)
    categories = [[rng.choices(range(3), SHARES)[0] for _ in range(CHARACTERISTICS)] for _ in range(size)]
    groups: list[frozenset[int]] = []
    lower: list[int] = []
    for characteristic in range(CHARACTERISTICS):
        for category in (1, 2):
            groups.append(frozenset(i for i in range(size) if categories[i][characteristic] == category))
            lower.append(int(SHARES[category] * seats))
    return PanelProblem(size, seats, tuple(groups), tuple(lower), (None,) * len(groups))


def legacy_probabilities(problem: PanelProblem, draws: int, seed: int) -> list[float]:
    """Each candidate's share of ``draws`` seeded legacy panels (stuck draws are started again)."""
    rng = random.Random(seed)
    counts = [0] * problem.size
    made = 0
    while made < draws:
        panel = legacy_draw(problem, rng)
        if panel is None:
            continue
        made += 1
        for person in panel:
            counts[person] += 1
    return [c / draws for c in counts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100,200,500,1000")
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--legacy-draws", type=int, default=2000)
    parser.add_argument("--no-legacy", action="store_true")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    print(
        "pool  seats  profiles  panels  leximin-min  legacy-min  below-half(leximin)  below-half(legacy)  "
        "leximin-wall-s  leximin-cpu-s"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        problem = pool(size, args.seats, args.seed)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            distribution = leximin(problem)
        except RecruitmentError as error:
            print(f"{size:>4}  {args.seats:>5}  {error}", flush=True)
            continue
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        marginals = distribution.marginals(size)
        half = args.seats / size / 2
        below_lexi = sum(p < half for p in marginals) / size
        if args.no_legacy:
            legacy_min, below_legacy = "-", "-"
        else:
            legacy = legacy_probabilities(problem, args.legacy_draws, args.seed)
            legacy_min, below_legacy = f"{min(legacy):.4f}", f"{sum(p < half for p in legacy) / size:.1%}"
        print(
            f"{size:>4}  {args.seats:>5}  {profiles_of(problem).number:>8}  {len(distribution.panels):>6}  "
            f"{min(marginals):>11.4f}  {legacy_min:>10}  {below_lexi:>19.1%}  {below_legacy:>18}  "
            f"{seconds:>14.1f}  {cpu_seconds:>13.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
