"""Errors of recruitment rounds. Messages never carry an applicant's diversity answers."""

from __future__ import annotations

from coproduction.errors import CoproductionError, InputError


class RoundError(InputError):
    """A round file is malformed or inconsistent; ``problems`` names each place (``$.applicants[3].area``)."""


class RecruitmentError(CoproductionError):
    """A round cannot be run as asked: quotas the pool cannot meet (the message says which and how to relax
    them), an unknown group, or a solver that could not finish."""
