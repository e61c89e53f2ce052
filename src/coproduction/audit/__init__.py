"""The diversity audit: a group against the population it serves, recruitment targets, safe publication.

This package's top level re-exports only its domain modules (pure arithmetic on register and baseline values).
Loading baselines from files (:mod:`coproduction.io.baselines`) and rendering reports
(:mod:`coproduction.reports.audit`) are edges: import them by name.
"""

from coproduction.audit.analysis import (
    CategoryRow,
    CharacteristicAudit,
    CrossTabulation,
    GroupAudit,
    RowStatus,
    Tally,
    audit_characteristic,
    audit_group,
    gini_simpson,
    tally,
)
from coproduction.audit.errors import AuditError, BaselineError, UnknownBaselineError
from coproduction.audit.population import Baseline, BaselineSource, CharacteristicBaseline
from coproduction.audit.suppression import Cell, CellStatus, PublishedTally, publish_tally
from coproduction.audit.targets import CategoryTarget, RecruitmentPlan, recruitment_plan

__all__ = [
    "AuditError",
    "Baseline",
    "BaselineError",
    "BaselineSource",
    "CategoryRow",
    "CategoryTarget",
    "Cell",
    "CellStatus",
    "CharacteristicAudit",
    "CharacteristicBaseline",
    "CrossTabulation",
    "GroupAudit",
    "PublishedTally",
    "RecruitmentPlan",
    "RowStatus",
    "Tally",
    "UnknownBaselineError",
    "audit_characteristic",
    "audit_group",
    "gini_simpson",
    "publish_tally",
    "recruitment_plan",
    "tally",
]
