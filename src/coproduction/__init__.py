"""coproduction: check co-production boards and meetings against co-production's principles.

Everything a council system needs is importable from here: the register's models and their enums, the calls that
load, validate, check, audit and export a register, the policy, and every error the library raises. Names for
writing checks of a council's own are in :mod:`coproduction.plugins`. The names are imported lazily (PEP 562), so
that ``coproduction --version`` and small scripts do not pay for what they do not use; a type checker sees each
with its precise type (the imports under ``TYPE_CHECKING`` below)::

    from datetime import date
    from coproduction import Policy, check_register, load_register

    register = load_register("examples/oxfordshire")
    report = check_register(register, as_of=date(2026, 11, 25), policy=Policy())

Building a register in code, validating, checking, exporting and auditing it: ``docs/python-api.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Where each public name is defined (kept in step with ``__all__`` and the imports below by
#: tests/typing/test_public_api.py).
_EXPORTS: dict[str, str] = {
    "audit_group": "coproduction.api",
    "AuditReport": "coproduction.api",
    "check_register": "coproduction.api",
    "CheckReport": "coproduction.api",
    "validate_register": "coproduction.models.validation",
    "validate_policy": "coproduction.policy_rules",
    "load_register": "coproduction.io.loader",
    "loads_register": "coproduction.io.loader",
    "dumps_register": "coproduction.io.saver",
    "save_register": "coproduction.io.saver",
    "Format": "coproduction.io.formats",
    "LoadLimits": "coproduction.io.formats",
    "load_policy": "coproduction.settings",
    "export_calendar": "coproduction.calendar",
    "LivingWageRate": "coproduction.policy",
    "Policy": "coproduction.policy",
    "Region": "coproduction.policy",
    "Severity": "coproduction.policy",
    "SizeRange": "coproduction.policy",
    "builtin_registry": "coproduction.checks",
    "CheckRegistry": "coproduction.checks",
    "Finding": "coproduction.checks",
    "Principle": "coproduction.checks",
    "Subject": "coproduction.checks",
    "SubjectKind": "coproduction.checks",
    "registry_with_plugins": "coproduction.plugins",
    "AuditError": "coproduction.audit",
    "Baseline": "coproduction.audit",
    "GroupAudit": "coproduction.audit",
    "RecruitmentPlan": "coproduction.audit",
    "CalendarError": "coproduction.calendar.errors",
    "CheckFailedError": "coproduction.errors",
    "CheckRegistryError": "coproduction.errors",
    "CoproductionError": "coproduction.errors",
    "InputError": "coproduction.errors",
    "InvalidRegisterError": "coproduction.errors",
    "OutputError": "coproduction.errors",
    "PolicyError": "coproduction.errors",
    "Problem": "coproduction.errors",
    "RegisterError": "coproduction.errors",
    "UnknownCheckError": "coproduction.errors",
    "AccessNeed": "coproduction.models",
    "Acknowledgement": "coproduction.models",
    "Action": "coproduction.models",
    "ActionStatus": "coproduction.models",
    "AgeBand": "coproduction.models",
    "AgendaItem": "coproduction.models",
    "Attendance": "coproduction.models",
    "AttendanceStatus": "coproduction.models",
    "Break": "coproduction.models",
    "Cadence": "coproduction.models",
    "CHAIR_ROLES": "coproduction.models",
    "Characteristic": "coproduction.models",
    "Decision": "coproduction.models",
    "Disability": "coproduction.models",
    "DiversityProfile": "coproduction.models",
    "EthnicGroup": "coproduction.models",
    "Frequency": "coproduction.models",
    "GenderIdentity": "coproduction.models",
    "GroundRule": "coproduction.models",
    "GroundRules": "coproduction.models",
    "Group": "coproduction.models",
    "GroupKind": "coproduction.models",
    "LIVED_EXPERIENCE": "coproduction.models",
    "Meeting": "coproduction.models",
    "MeetingMode": "coproduction.models",
    "MeetingStatus": "coproduction.models",
    "Member": "coproduction.models",
    "Membership": "coproduction.models",
    "Outcome": "coproduction.models",
    "Paper": "coproduction.models",
    "PaperFormat": "coproduction.models",
    "Payment": "coproduction.models",
    "PaymentKind": "coproduction.models",
    "PaymentPreference": "coproduction.models",
    "Perspective": "coproduction.models",
    "PREFER_NOT_TO_SAY": "coproduction.models",
    "Register": "coproduction.models",
    "Religion": "coproduction.models",
    "Role": "coproduction.models",
    "Sex": "coproduction.models",
    "SexualOrientation": "coproduction.models",
    "TrainingRecord": "coproduction.models",
    "UnpaidCare": "coproduction.models",
    "Venue": "coproduction.models",
    "VenueFeature": "coproduction.models",
    "Weekday": "coproduction.models",
}

__all__ = [
    "CHAIR_ROLES",
    "LIVED_EXPERIENCE",
    "PREFER_NOT_TO_SAY",
    "AccessNeed",
    "Acknowledgement",
    "Action",
    "ActionStatus",
    "AgeBand",
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "AuditError",
    "AuditReport",
    "Baseline",
    "Break",
    "Cadence",
    "CalendarError",
    "Characteristic",
    "CheckFailedError",
    "CheckRegistry",
    "CheckRegistryError",
    "CheckReport",
    "CoproductionError",
    "Decision",
    "Disability",
    "DiversityProfile",
    "EthnicGroup",
    "Finding",
    "Format",
    "Frequency",
    "GenderIdentity",
    "GroundRule",
    "GroundRules",
    "Group",
    "GroupAudit",
    "GroupKind",
    "InputError",
    "InvalidRegisterError",
    "LivingWageRate",
    "LoadLimits",
    "Meeting",
    "MeetingMode",
    "MeetingStatus",
    "Member",
    "Membership",
    "Outcome",
    "OutputError",
    "Paper",
    "PaperFormat",
    "Payment",
    "PaymentKind",
    "PaymentPreference",
    "Perspective",
    "Policy",
    "PolicyError",
    "Principle",
    "Problem",
    "RecruitmentPlan",
    "Region",
    "Register",
    "RegisterError",
    "Religion",
    "Role",
    "Severity",
    "Sex",
    "SexualOrientation",
    "SizeRange",
    "Subject",
    "SubjectKind",
    "TrainingRecord",
    "UnknownCheckError",
    "UnpaidCare",
    "Venue",
    "VenueFeature",
    "Weekday",
    "audit_group",
    "builtin_registry",
    "check_register",
    "dumps_register",
    "export_calendar",
    "load_policy",
    "load_register",
    "loads_register",
    "registry_with_plugins",
    "save_register",
    "validate_policy",
    "validate_register",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'coproduction' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover
    from coproduction.api import AuditReport, CheckReport, audit_group, check_register
    from coproduction.audit import AuditError, Baseline, GroupAudit, RecruitmentPlan
    from coproduction.calendar import export_calendar
    from coproduction.calendar.errors import CalendarError
    from coproduction.checks import CheckRegistry, Finding, Principle, Subject, SubjectKind, builtin_registry
    from coproduction.errors import (
        CheckFailedError,
        CheckRegistryError,
        CoproductionError,
        InputError,
        InvalidRegisterError,
        OutputError,
        PolicyError,
        Problem,
        RegisterError,
        UnknownCheckError,
    )
    from coproduction.io.formats import Format, LoadLimits
    from coproduction.io.loader import load_register, loads_register
    from coproduction.io.saver import dumps_register, save_register
    from coproduction.models import (
        CHAIR_ROLES,
        LIVED_EXPERIENCE,
        PREFER_NOT_TO_SAY,
        AccessNeed,
        Acknowledgement,
        Action,
        ActionStatus,
        AgeBand,
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Break,
        Cadence,
        Characteristic,
        Decision,
        Disability,
        DiversityProfile,
        EthnicGroup,
        Frequency,
        GenderIdentity,
        GroundRule,
        GroundRules,
        Group,
        GroupKind,
        Meeting,
        MeetingMode,
        MeetingStatus,
        Member,
        Membership,
        Outcome,
        Paper,
        PaperFormat,
        Payment,
        PaymentKind,
        PaymentPreference,
        Perspective,
        Register,
        Religion,
        Role,
        Sex,
        SexualOrientation,
        TrainingRecord,
        UnpaidCare,
        Venue,
        VenueFeature,
        Weekday,
    )
    from coproduction.models.validation import validate_register
    from coproduction.plugins import registry_with_plugins
    from coproduction.policy import LivingWageRate, Policy, Region, Severity, SizeRange
    from coproduction.policy_rules import validate_policy
    from coproduction.settings import load_policy
