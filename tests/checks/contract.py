"""The contract every built-in check keeps, asserted one way for every family (each family's ``test_contract``):
its name, severity, principle and subject as registered, at least one cited source, and every setting its
documentation names a field of the policy."""

from __future__ import annotations

import attrs

from coproduction.checks import BUILTIN, Principle, SubjectKind
from coproduction.policy import Policy, Severity


def assert_contract(code: str, name: str, severity: Severity, principle: Principle, subject: SubjectKind) -> None:
    """The built-in check ``code`` is registered as ``name`` with ``severity``, under ``principle``, about a
    ``subject``; it cites a source and documents only settings the policy has."""
    check = BUILTIN[code]
    assert (check.name, check.severity, check.principle, check.subject) == (name, severity, principle, subject)
    assert check.doc.sources, f"{code} cites no source"
    unknown = sorted(set(check.doc.settings) - set(attrs.fields_dict(Policy)))
    assert not unknown, f"{code} documents settings that are not policy fields: {unknown}"
