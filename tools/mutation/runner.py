"""A small mutation-testing runner for the checks (`make mutation`; see tools/mutation/README.md).

What it tells you: how many one-line changes to the rules in ``src/coproduction/checks/`` the tests notice. A
mutant that survives is a wrong rule that every test would let through.

Mutants are generated from the syntax tree (Python's ``ast``) of every module in the checks package: flipped
comparisons (``<``/``<=``, ``>``/``>=``, ``==``/``!=``), ``continue``/``break`` swapped, dropped guards (an ``if``
whose whole body is ``return``/``continue``/``break`` removed), ``all``/``any`` swapped, ``and``/``or`` swapped
and off-by-one integer constants. Each has a stable id (a hash of its module, enclosing function and the code
before and after, never a line number), so the set survives edits elsewhere in a file. The score is over a fixed,
seeded sample listed in ``mutants.txt`` (``--list`` draws a new one with ``--seed`` and ``--sample``).

Each mutant runs in its own temporary copy of ``src/`` with ``PYTHONPATH`` pointing at it: the real files are never
edited, so it is safe beside others working in the tree, and runs are parallel (``--jobs``). The tests run with
``-x -q``; a mutant is killed when they fail (or time out), survives when they pass. Mutants listed in
``equivalent.txt`` (each with a reason) are run but left out of the score.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CHECKS = ROOT / "src" / "coproduction" / "checks"
# Modules that hold no rule: the packages' re-exports, the registry and the table from code to module.
SKIP_MODULES = frozenset({"__init__.py", "registry.py", "table.py"})
# The tests that cover the checks, example-based files first so that -x stops a killed mutant early. The
# Hypothesis properties (crash-freedom, determinism, selection) are left out by DESELECT: they take most of the time
# and pin no rule's edge; they still run in `make test`.
TESTS = (
    "tests/checks/accessibility",
    "tests/checks/governance",
    "tests/checks/membership",
    "tests/checks/equality",
    "tests/checks/reciprocity",
    "tests/checks/diversity",
    "tests/checks/test_index.py",
    "tests/checks/test_queries_edges.py",
    "tests/checks/test_documentation.py",
    "tests/checks/test_eq_gr_mb_queries.py",
    "tests/engine",
)
DESELECT = "not never_crash and not properties"
DEFAULT_SEED = 12
DEFAULT_SAMPLE = 150
SWAP_COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}


@dataclass(frozen=True)
class Mutant:
    """One one-line change: where (module, function, line today) and what (the code before and after)."""

    ident: str
    module: str
    function: str
    line: int
    operator: str
    before: str
    after: str
    source: str  # the whole mutated module

    def describe(self) -> str:
        where = f"{self.module}:{self.line} {self.function}"
        return f"{self.ident}  {where}  [{self.operator}]  {self.before}  =>  {self.after}"


def _qualnames(tree: ast.Module) -> dict[int, str]:
    """Map each node's id() to the qualified name of the function or class around it ('<module>' at top level)."""
    names: dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = name
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = child.name if name == "<module>" else f"{name}.{child.name}"
            names[id(child)] = inner
            visit(child, inner)

    visit(tree, "<module>")
    return names


def _is_guard(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and not node.orelse
        and len(node.body) == 1
        and isinstance(node.body[0], ast.Return | ast.Continue | ast.Break)
    )


def _is_threshold(node: ast.Constant, parents: dict[int, ast.AST]) -> bool:
    """An integer that is a bound or a step (a comparison's or arithmetic's operand, a default, a constant's value);
    not a tuple index or a count of one in a generator."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.UnaryOp):
        node, parent = parent, parents.get(id(parent))  # type: ignore[assignment]
    if isinstance(parent, ast.keyword) and parent.arg == "maxsize":
        return False  # a cache's size changes speed, never a finding
    if isinstance(parent, ast.Compare | ast.BinOp | ast.arguments | ast.keyword):
        return True
    return isinstance(parent, ast.Assign | ast.AnnAssign) and not isinstance(parents.get(id(parent)), ast.FunctionDef)


def _edits(tree: ast.Module) -> Iterator[tuple[ast.AST, str]]:
    """Every mutable node, with the operator's name; the order is the tree's walk order (deterministic)."""
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for index, op in enumerate(node.ops):
                if type(op) in SWAP_COMPARE:
                    yield node, f"compare{index}"
        elif isinstance(node, ast.BoolOp):
            yield node, "and<->or"
        elif isinstance(node, ast.Continue | ast.Break):
            yield node, "continue<->break"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("all", "any"):
            yield node, "all<->any"
        elif isinstance(node, ast.Constant) and type(node.value) is int and _is_threshold(node, parents):
            yield node, "const+1"
            yield node, "const-1"
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.For | ast.While | ast.If | ast.With):
            for field in ("body", "orelse"):
                for stmt in getattr(node, field, None) or []:
                    if _is_guard(stmt):
                        yield stmt, "drop-guard"


def _apply(node: ast.AST, operator: str, parent_body: list[ast.stmt] | None) -> str:
    """Mutate ``node`` in place; return a short label of the change."""
    if operator.startswith("compare"):
        assert isinstance(node, ast.Compare)
        index = int(operator.removeprefix("compare"))
        node.ops[index] = SWAP_COMPARE[type(node.ops[index])]()
    elif operator == "and<->or":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif operator == "all<->any":
        assert isinstance(node, ast.Call)
        assert isinstance(node.func, ast.Name)
        node.func.id = "any" if node.func.id == "all" else "all"
    elif operator in ("const+1", "const-1"):
        assert isinstance(node, ast.Constant)
        assert isinstance(node.value, int)
        node.value = node.value + (1 if operator == "const+1" else -1)
    return operator


def _parent_bodies(tree: ast.Module) -> dict[int, tuple[ast.AST, str]]:
    where: dict[int, tuple[ast.AST, str]] = {}
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            for stmt in body if isinstance(body, list) else []:
                if isinstance(stmt, ast.stmt):
                    where[id(stmt)] = (node, field)
    return where


def generate(checks: Path = CHECKS) -> list[Mutant]:
    """Every mutant of every rule module, sorted by id."""
    mutants: dict[str, Mutant] = {}
    for path in _rule_modules(checks):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        count = sum(1 for _ in _edits(tree))
        for position in range(count):
            mutated = ast.parse(text)
            names = _qualnames(mutated)
            parents = _parent_bodies(mutated)
            node, operator = list(_edits(mutated))[position]
            function = names.get(id(node), "<module>")
            line = getattr(node, "lineno", 0)
            stmt_node = _enclosing_line(mutated, node)
            before = _short(stmt_node)
            if operator == "continue<->break":
                replacement: ast.stmt = ast.Break() if isinstance(node, ast.Continue) else ast.Continue()
                _replace_stmt(parents, node, [replacement])
                after = _short(replacement)
                stmt_node = replacement
                operator = "continue->break" if isinstance(node, ast.Continue) else "break->continue"
            elif operator == "drop-guard":
                _replace_stmt(parents, node, [])
                after = "(removed)"
            else:
                _apply(node, operator, None)
                if operator.startswith("compare"):
                    operator = "compare"
                after = _short(stmt_node)
            if before == after:
                continue
            ast.fix_missing_locations(mutated)
            source = ast.unparse(mutated)
            module = path.relative_to(checks).as_posix()  # accessibility/AC001_late_papers.py
            key = f"{module}|{function}|{operator}|{before}|{after}"
            ident = hashlib.sha256(key.encode()).hexdigest()[:10]
            while ident in mutants:  # the same edit twice in one function: number the repeats
                key += "|again"
                ident = hashlib.sha256(key.encode()).hexdigest()[:10]
            mutants[ident] = Mutant(ident, module, function, line, operator, before, after, source)
    return [mutants[k] for k in sorted(mutants)]


def _rule_modules(checks: Path = CHECKS) -> list[Path]:
    """The modules mutated: every module of the checks package and its family folders, less SKIP_MODULES."""
    return sorted(path for path in checks.rglob("*.py") if path.name not in SKIP_MODULES)


def _enclosing_line(tree: ast.Module, node: ast.AST) -> ast.AST:
    """The smallest statement holding ``node`` (what a reader sees as its line); compound statements give their test."""
    best: ast.AST = node
    for candidate in ast.walk(tree):
        if isinstance(candidate, ast.stmt) and any(n is node for n in ast.walk(candidate)):
            best = candidate
    if isinstance(best, ast.If | ast.While) and any(n is node for n in ast.walk(best.test)):
        return best.test
    if isinstance(best, ast.For) and any(n is node for n in ast.walk(best.iter)):
        return best.iter
    return best


def _short(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 140 else text[:137] + "..."


def _replace_stmt(parents: dict[int, tuple[ast.AST, str]], node: ast.AST, new: list[ast.stmt]) -> None:
    parent, field = parents[id(node)]
    body: list[ast.stmt] = getattr(parent, field)
    index = next(i for i, stmt in enumerate(body) if stmt is node)
    body[index : index + 1] = new if new or len(body) > 1 else [ast.Pass()]


def sample(mutants: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """A fixed sample: the same seed and the same mutants give the same set."""
    if size <= 0 or size >= len(mutants):
        return list(mutants)
    chosen = random.Random(seed).sample(range(len(mutants)), size)
    return [mutants[i] for i in sorted(chosen)]


def read_listed(path: Path = HERE / "mutants.txt") -> list[str]:
    """The ids of the set scored, from ``mutants.txt`` (``--list`` writes it; ``#`` starts a comment)."""
    if not path.exists():
        return []
    return [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


def read_equivalent(path: Path = HERE / "equivalent.txt") -> dict[str, str]:
    """Ids of equivalent mutants with the reason given for each (``ID  reason``; ``#`` starts a comment)."""
    reasons: dict[str, str] = {}
    if not path.exists():
        return reasons
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        ident, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path}: equivalent mutant {ident} has no reason")
        reasons[ident] = reason.strip()
    return reasons


def run_one(
    mutant: Mutant, timeout: float, tests: tuple[str, ...], others: dict[str, str] | None = None
) -> tuple[Mutant, str, float]:
    """Run the tests against one mutant in its own copy of src/; 'killed', 'survived' or 'timeout'. ``others``:
    more modules (path under checks/ to text) written into the same copy."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(
            ROOT / "src" / "coproduction", src / "coproduction", ignore=shutil.ignore_patterns("__pycache__")
        )
        for module, source in {**(others or {}), mutant.module: mutant.source}.items():
            (src / "coproduction" / "checks" / module).write_text(source, encoding="utf-8")
        # The tests and their configuration are copied too: a test being edited in the tree meanwhile cannot
        # "kill" a mutant.
        shutil.copytree(
            ROOT / "tests", Path(tmp) / "tests", ignore=shutil.ignore_patterns("__pycache__", ".hypothesis")
        )
        shutil.copy2(ROOT / "pyproject.toml", Path(tmp) / "pyproject.toml")
        env = dict(os.environ, PYTHONPATH=str(src), PYTHONDONTWRITEBYTECODE="1", COPRODUCTION_MUTANT=mutant.ident)
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header"]
        command += ["-k", DESELECT, *tests]
        try:
            done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return mutant, "timeout", time.monotonic() - started
        status = "survived" if done.returncode == 0 else "killed"
        if done.returncode not in (0, 1):  # 2+: collection error, interrupted: still a detected change
            status = "killed"
    return mutant, status, time.monotonic() - started


def _sanity(tests: tuple[str, ...]) -> None:
    """The tests must import the copy, not the real tree: a mutant that breaks the import must be killed."""
    broken = Mutant("sanity", "engine.py", "<module>", 0, "sanity", "", "", "raise ImportError('mutant copy')\n")
    _, status, _ = run_one(broken, 120, tests[:1])
    if status != "killed":
        raise SystemExit("the tests did not import the mutated copy (PYTHONPATH); no score would mean anything")
    # Mutants are written back with ast.unparse: unparsed but unchanged, every module must still pass the tests
    # (all of them at once, in one copy: one rule per module makes too many modules to run one by one).
    same = {
        path.relative_to(CHECKS).as_posix(): ast.unparse(ast.parse(path.read_text(encoding="utf-8")))
        for path in _rule_modules()
    }
    first = next(iter(same))
    unparsed = Mutant("unparsed", first, "<module>", 0, "none", "", "", same.pop(first))
    _, status, _ = run_one(unparsed, 600, tests, same)
    if status != "survived":
        raise SystemExit("the tests fail on the rule modules written back unchanged; fix that before scoring")


def issue_gaps() -> list[tuple[Mutant, str]]:
    """The wrong rules listed in issue 12 (issue_gaps.py), each with the one test that should now kill it."""
    sys.path.insert(0, str(HERE))
    from issue_gaps import GAPS  # type: ignore[import-not-found]

    made = []
    for ident, module, old, new, killer in GAPS:
        text = (CHECKS / module).read_text(encoding="utf-8")
        if text.count(old) != 1:
            raise SystemExit(f"{ident}: the code it changes is no longer found once in {module}; update issue_gaps.py")
        line = text[: text.index(old)].count("\n") + 1
        before, after = " ".join(old.split()), " ".join(new.split()) or "(removed)"
        made.append((Mutant(ident, module, "", line, "issue-12", before, after, text.replace(old, new)), killer))
    return made


def run_gaps(jobs: int, timeout: float) -> int:
    """Each issue-12 gap against the test written for it: all must be killed."""
    gaps = issue_gaps()
    print(f"Issue 12's {len(gaps)} surviving mutants, each against the test that should kill it:", flush=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        outcomes = list(pool.map(lambda pair: run_one(pair[0], timeout, (pair[1],)), gaps))
    survivors = 0
    for (mutant, status, seconds), (_, killer) in zip(outcomes, gaps, strict=True):
        survivors += status == "survived"
        print(f"{status:8} {seconds:5.1f}s  {mutant.ident}  {mutant.module}:{mutant.line}  by {killer.split('::')[-1]}")
    print(f"Killed {len(gaps) - survivors} of {len(gaps)}.")
    return 1 if survivors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="0 = every mutant")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per mutant; a timeout counts as killed")
    parser.add_argument("--only", nargs="*", default=None, help="run just these ids (from any seed)")
    parser.add_argument("--list", action="store_true", help="write a new seeded sample to mutants.txt and stop")
    parser.add_argument(
        "--resample", action="store_true", help="score a new seeded sample instead of the set in mutants.txt"
    )
    parser.add_argument("--report", type=Path, default=None, help="also write the results to this file")
    parser.add_argument("--gaps", action="store_true", help="run issue 12's listed gaps against their tests instead")
    args = parser.parse_args(argv)
    if args.gaps:
        return run_gaps(args.jobs, args.timeout)

    everything = generate()
    chosen = sample(everything, args.sample, args.seed)
    chosen_by = f"seed {args.seed}, sample {len(chosen)} of {len(everything)}"
    listed = read_listed()
    if listed and not args.list and not args.resample:
        # The set scored is the one in mutants.txt, so that moving code (which changes ids) does not change it.
        found = {m.ident: m for m in everything}
        chosen = [found[i] for i in listed if i in found]
        gone = [i for i in listed if i not in found]
        chosen_by = f"the {len(listed)} of mutants.txt ({len(gone)} no longer in the code), of {len(everything)}"
    if args.only is not None:
        wanted = set(args.only)
        chosen = [m for m in everything if m.ident in wanted]
        chosen_by = f"{len(chosen)} chosen with --only, of {len(everything)}"
    if args.list:
        header = "id  module:line function  [operator]  before  =>  after"
        lines = [f"# {len(chosen)} of {len(everything)} mutants, seed {args.seed}: {header}"]
        lines += [m.describe() for m in chosen]
        (HERE / "mutants.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(chosen)} mutants to {HERE / 'mutants.txt'}")
        return 0

    equivalent = read_equivalent()
    tests = tuple(t for t in TESTS if (ROOT / t).exists())
    print(
        f"Mutation run: {len(chosen)} of {len(everything)} mutants (seed {args.seed}), {args.jobs} at a time.",
        flush=True,
    )
    _sanity(tests)
    results: list[tuple[Mutant, str, float]] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, m, args.timeout, tests) for m in chosen]
        for number, future in enumerate(futures, 1):
            mutant, status, seconds = future.result()
            results.append((mutant, status, seconds))
            print(f"[{number}/{len(chosen)}] {status:8} {seconds:5.1f}s  {mutant.describe()}", flush=True)

    scored = [r for r in results if r[0].ident not in equivalent]
    killed = sum(1 for _, status, _ in scored if status != "survived")
    survivors = [m for m, status, _ in scored if status == "survived"]
    equivalent_run = [(m, s) for m, s, _ in results if m.ident in equivalent]
    score = 100.0 * killed / len(scored) if scored else 100.0
    lines = [
        f"What this means: the tests caught {killed} of {len(scored)} non-equivalent mutants ({score:.1f}%).",
        f"Set: {chosen_by}; {len(equivalent_run)} equivalent left out.",
        f"Killed: {killed}  Survived: {len(survivors)}",
    ]
    lines += ["Survivors:"] + [f"  {m.describe()}" for m in survivors] if survivors else ["Survivors: none"]
    for m, status in equivalent_run:
        lines.append(f"  equivalent ({status}): {m.ident}  {equivalent[m.ident]}")
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if not survivors else 1


if __name__ == "__main__":
    raise SystemExit(main())
