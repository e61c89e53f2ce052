"""What the governance checks share: helpers and the sources their documentation cites."""

from __future__ import annotations

SEED_002 = (
    "Oxfordshire County Council, Co-production in Oxfordshire's adult services (Easy Read, seed 002): "
    "rules so everyone knows how to talk to each other"
)


SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it"
