"""The two HiGHS models behind the LEXIMIN selection, each built once and changed in place between solves.

Both are solved by HiGHS (https://highs.dev) through its own Python binding, ``highspy``, rather than SciPy's
``linprog`` and ``milp``: SciPy builds and solves a new model on every call, while the column generation of
:mod:`coproduction.recruitment.leximin` solves the same linear program hundreds of times, each time with one more
column, and the same integer program with new weights. Kept in one ``highspy`` model, the linear program restarts
from the previous optimal basis (a few simplex iterations instead of a solve from nothing).

- :class:`CompositionPricer`: the best composition (seats per profile, :mod:`coproduction.recruitment.profiles`)
  for given weights, an integer program whose bound is also returned, for the stopping rule's proof.
- :class:`RestrictedMaster`: the restricted master linear program of one LEXIMIN stage, over the compositions found
  so far (Flanigan et al., Nature 596, 548-552, 2021, Methods: "the column generation").
"""

from __future__ import annotations

import highspy
import numpy as np
from numpy.typing import NDArray

from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.profiles import Profiles
from coproduction.recruitment.solver import PanelProblem

INFINITY = highspy.kHighsInf

#: The integer program's relative and absolute optimality gaps: tight, since the stopping rule needs its bound.
MIP_RELATIVE_GAP = 1e-9
MIP_ABSOLUTE_GAP = 1e-12


def quiet_highs() -> highspy.Highs:
    """A HiGHS instance that prints nothing and always takes the same path (a fixed random seed), so the same
    problem gives the same answer on every run."""
    solver = highspy.Highs()  # type: ignore[no-untyped-call]  # highspy's constructor has no annotations
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("random_seed", 0)
    return solver


def _status(solver: highspy.Highs) -> highspy.HighsModelStatus:
    return solver.getModelStatus()


class CompositionPricer:
    """max sum_p weight_p * c_p over whole numbers 0 <= c_p <= counts[p] with sum_p c_p = seats and every quota's
    bounds met by the profiles it counts: the best panel for the weights, up to which members of each profile."""

    def __init__(self, problem: PanelProblem, profiles: Profiles) -> None:
        number = profiles.number
        self._number = number
        self._indices = np.arange(number, dtype=np.int32)
        solver = quiet_highs()
        solver.setOptionValue("mip_rel_gap", MIP_RELATIVE_GAP)
        solver.setOptionValue("mip_abs_gap", MIP_ABSOLUTE_GAP)
        # Keep the improving solutions met on the way to the best: more columns from one solve.
        solver.setOptionValue("mip_improving_solution_save", True)
        # The program is small and already tight; presolving it on every call costs more than it saves (a quarter
        # of the time on the benchmark's pools of 500).
        solver.setOptionValue("presolve", "off")
        model = highspy.HighsLp()
        model.num_col_ = number
        model.num_row_ = 1 + len(problem.groups)
        model.col_cost_ = np.zeros(number)
        model.col_lower_ = np.zeros(number)
        model.col_upper_ = profiles.counts.astype(float)
        model.row_lower_ = np.array([problem.seats, *problem.lower], dtype=float)
        model.row_upper_ = np.array(
            [problem.seats, *(INFINITY if u is None else float(u) for u in problem.upper)], dtype=float
        )
        starts = [0]
        rows: list[int] = []
        for profile in range(number):
            rows.append(0)
            rows.extend(int(q) + 1 for q in np.flatnonzero(profiles.quotas[profile]))
            starts.append(len(rows))
        model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        model.a_matrix_.start_ = starts
        model.a_matrix_.index_ = rows
        model.a_matrix_.value_ = [1.0] * len(rows)
        model.a_matrix_.num_col_ = number
        model.a_matrix_.num_row_ = model.num_row_
        model.integrality_ = [highspy.HighsVarType.kInteger] * number
        model.sense_ = highspy.ObjSense.kMaximize
        solver.passModel(model)
        self._solver = solver

    def best(self, weights: NDArray[np.float64]) -> tuple[list[NDArray[np.int64]], float] | None:
        """Compositions for ``weights`` (per seat of each profile), the best first, then the others the solver
        met that improved on the one before, and a proved upper bound on the best value; ``None`` when no
        composition meets the quotas."""
        solver = self._solver
        solver.changeColsCost(self._number, self._indices, np.asarray(weights, dtype=float))
        solver.run()
        status = _status(solver)
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        if status != highspy.HighsModelStatus.kOptimal:
            raise RecruitmentError(
                f"the integer program solver stopped without an answer ({solver.modelStatusToString(status)})"
            )
        found = [np.asarray(solver.getSolution().col_value, dtype=float)]
        found.extend(np.asarray(saved.col_value, dtype=float) for saved in reversed(solver.getSavedMipSolutions()))
        return [np.rint(values).astype(np.int64) for values in found], float(solver.getInfo().mip_dual_bound)


class RestrictedMaster:
    """max z over distributions p on the compositions found so far: for each profile ``t`` not yet fixed, its
    members' chance sum_c p_c * c_t / counts[t] is at least z; for a fixed one, at least its fixed chance.

    Rows 0 .. T-1 are the profiles, row T says the probabilities add up to 1; column 0 is z, the others the
    compositions in the order added. The row duals are the dual program's weights on the profiles (``y``), and
    minus the last row's dual is the dual's bound ``ŷ`` on any composition's weight.
    """

    def __init__(self, counts: NDArray[np.int64]) -> None:
        number = len(counts)
        self._number = number
        self._counts = counts.astype(float)
        solver = quiet_highs()
        # The primal simplex restarts well from the previous basis after a column is added.
        solver.setOptionValue("simplex_strategy", 4)
        empty = np.zeros(0, dtype=np.int32)
        starts = np.zeros(number + 1, dtype=np.int32)
        solver.addRows(number, np.zeros(number), np.full(number, INFINITY), 0, starts, empty, np.zeros(0))
        solver.addRow(1.0, 1.0, 0, empty, np.zeros(0))
        solver.addCol(-1.0, -INFINITY, INFINITY, number, np.arange(number, dtype=np.int32), -np.ones(number))
        self._solver = solver
        self.columns = 0

    def add(self, composition: NDArray[np.int64]) -> None:
        """A new column: the composition's chance for each profile's members, and 1 in the probabilities' row."""
        profiles = np.flatnonzero(composition)
        rows = np.append(profiles, self._number).astype(np.int32)
        values = np.append(composition[profiles] / self._counts[profiles], 1.0)
        self._solver.addCol(0.0, 0.0, INFINITY, len(rows), rows, values)
        self.columns += 1

    def fix(self, profile: int, chance: float) -> None:
        """From now on the members of ``profile`` need at least ``chance``, and no longer count towards z."""
        self._solver.changeCoeff(profile, 0, 0.0)
        self._solver.changeRowBounds(profile, chance, INFINITY)

    def solve(self) -> tuple[float, NDArray[np.float64], float]:
        """The optimum z, the dual weights ``y`` on the profiles and the dual bound ``ŷ``."""
        solver = self._solver
        solver.run()
        status = _status(solver)
        if status != highspy.HighsModelStatus.kOptimal:
            raise RecruitmentError(
                f"the linear program solver stopped without an answer ({solver.modelStatusToString(status)})"
            )
        solution = solver.getSolution()
        duals = np.asarray(solution.row_dual, dtype=float)
        return float(solution.col_value[0]), np.maximum(duals[: self._number], 0.0), float(-duals[self._number])

    def weights(self) -> NDArray[np.float64]:
        """The probabilities of the compositions, in the order added, at the last solve."""
        return np.asarray(self._solver.getSolution().col_value, dtype=float)[1:]


__all__ = ["CompositionPricer", "RestrictedMaster", "quiet_highs"]
