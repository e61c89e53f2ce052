"""Recruitment rounds (issue 14): applicants, eligibility screening, quotas and a fair, representative selection.

Domain code only: the models of a round (:mod:`.models`), screening (:mod:`.eligibility`), quotas derived from the
diversity audit (:mod:`.quotas`) and the LEXIMIN selection of Flanigan, Gölz, Gupta, Hennig & Procaccia, "Fair
algorithms for selecting citizens' assemblies", Nature 596, 548-552 (2021) (:mod:`.leximin`). Reading a round file
is an edge: :mod:`coproduction.io.round_loader`.
"""

from __future__ import annotations

from coproduction.recruitment.errors import RecruitmentError, RoundError
from coproduction.recruitment.models import Applicant, EligibilityRules, QuotaEntry, Round

__all__ = ["Applicant", "EligibilityRules", "QuotaEntry", "RecruitmentError", "Round", "RoundError"]
