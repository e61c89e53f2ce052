"""Errors the diversity audit raises; all derive from :class:`coproduction.errors.CoproductionError`.

Messages name the group, baseline or file and what was expected; never a member's monitoring answers.
"""

from __future__ import annotations

from coproduction.errors import CoproductionError, InputError


class AuditError(CoproductionError):
    """The audit cannot be carried out as asked (an unknown group, an impossible target size...)."""


class UnknownBaselineError(AuditError):
    """No bundled baseline has the name asked for, and it is not a file."""


class BaselineError(InputError):
    """A baseline file is malformed: each problem names the file, the place in it and what was expected."""


class PreviousAuditError(InputError):
    """The previous publication given to compare with (``--previous``) is not a publishable audit of the same group
    and baseline: each problem names the file, the place in it and what was expected."""
