"""The table of built-in checks: each code and the module that holds its rule, in code order.

One rule, one file, as Ruff lays out its rules: the check with code ``AC001`` and name ``late-papers`` lives in
``coproduction/checks/accessibility/AC001_late_papers.py`` (family folder, code, name with underscores), which
defines the rule's function and :data:`CHECK`, its metadata and documentation. Its page is ``docs/checks/AC001.md``
and its tests are ``tests/checks/accessibility/test_AC001.py``.

The table is read lazily: :func:`load` imports only the one module asked for;
:func:`coproduction.checks.builtin_registry` imports them all, in this order.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from coproduction.checks.engine import Check
from coproduction.errors import CheckRegistryError, UnknownCheckError

TABLE: Mapping[str, str] = MappingProxyType(
    {
    "AC001": "coproduction.checks.accessibility.AC001_late_papers",
    "AC002": "coproduction.checks.accessibility.AC002_missing_accessible_format",
    "AC003": "coproduction.checks.accessibility.AC003_inaccessible_venue",
    "AC004": "coproduction.checks.accessibility.AC004_no_interpreter_booked",
    "AC005": "coproduction.checks.accessibility.AC005_no_remote_access",
    "AC006": "coproduction.checks.accessibility.AC006_no_break",
    "AC007": "coproduction.checks.accessibility.AC007_inaccessible_hours",
    "AC008": "coproduction.checks.accessibility.AC008_meeting_too_long",
    "AC009": "coproduction.checks.accessibility.AC009_meeting_on_non_working_day",
    "AC010": "coproduction.checks.accessibility.AC010_unexplained_jargon",
    "DV001": "coproduction.checks.diversity.DV001_underrepresented_group",
    "DV002": "coproduction.checks.diversity.DV002_diversity_data_incomplete",
    "DV003": "coproduction.checks.diversity.DV003_narrow_lived_experience",
    "DV004": "coproduction.checks.diversity.DV004_no_user_led_organisation",
    "DV005": "coproduction.checks.diversity.DV005_single_organisation_dominance",
    "EQ001": "coproduction.checks.equality.EQ001_lived_experience_minority",
    "EQ002": "coproduction.checks.equality.EQ002_no_lived_experience_chair",
    "EQ003": "coproduction.checks.equality.EQ003_missing_perspective",
    "EQ004": "coproduction.checks.equality.EQ004_staff_dominated_meeting",
    "EQ005": "coproduction.checks.equality.EQ005_agenda_led_by_staff_only",
    "EQ006": "coproduction.checks.equality.EQ006_decision_without_lived_experience",
    "GR001": "coproduction.checks.governance.GR001_no_ground_rules",
    "GR002": "coproduction.checks.governance.GR002_ground_rules_overdue_review",
    "GR003": "coproduction.checks.governance.GR003_ground_rules_not_acknowledged",
    "GR004": "coproduction.checks.governance.GR004_ground_rules_not_easy_read",
    "GR005": "coproduction.checks.governance.GR005_irregular_meetings",
    "GR006": "coproduction.checks.governance.GR006_no_terms_of_reference",
    "MB001": "coproduction.checks.membership.MB001_lives_outside_area",
    "MB002": "coproduction.checks.membership.MB002_low_attendance",
    "MB003": "coproduction.checks.membership.MB003_term_expired",
    "MB004": "coproduction.checks.membership.MB004_group_size_out_of_range",
    "MB005": "coproduction.checks.membership.MB005_access_needs_not_asked",
    "RC001": "coproduction.checks.reciprocity.RC001_unpaid_involvement",
    "RC002": "coproduction.checks.reciprocity.RC002_payment_below_living_wage",
    "RC003": "coproduction.checks.reciprocity.RC003_training_not_completed",
    "RC004": "coproduction.checks.reciprocity.RC004_no_feedback_on_input",
    "RC005": "coproduction.checks.reciprocity.RC005_overdue_action",
    }
)
"""Each built-in check's code and the module that defines it (as :data:`CHECK`)."""

#: The family folder each code prefix lives in.
FAMILIES: Mapping[str, str] = MappingProxyType(
    {
        "AC": "accessibility",
        "DV": "diversity",
        "EQ": "equality",
        "GR": "governance",
        "MB": "membership",
        "RC": "reciprocity",
    }
)


def load(code: str) -> Check:
    """The built-in check with ``code``, importing only its module; an unknown code is
    :class:`~coproduction.errors.UnknownCheckError`."""
    module_name = TABLE.get(code.upper())
    if module_name is None:
        raise UnknownCheckError(f"no check has code {code!r}; `coproduction rules` lists them")
    found = getattr(importlib.import_module(module_name), "CHECK", None)
    if not isinstance(found, Check) or found.code != code.upper():
        raise CheckRegistryError(f"{module_name} must define CHECK, the Check with code {code.upper()}")
    return found
