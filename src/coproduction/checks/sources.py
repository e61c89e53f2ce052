"""The public documents the checks cite, by publisher and title, each with its entry in ``docs/sources.md``.

A check's :attr:`~coproduction.checks.CheckDoc.sources` are sentences a reader can follow to a document they can
open: :func:`cite` names the document and the point taken from it, and ends with the anchor of its entry in
``docs/sources.md`` (which gives the address). Numbers no source gives are this project's defaults
(:func:`project_default`), which each council changes in its policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Each document's publisher and title, by its anchor in ``docs/sources.md``.
DOCUMENTS: Mapping[str, str] = MappingProxyType(
    {
        "scie-guide-51": (
            "Social Care Institute for Excellence (SCIE), 'Co-production in social care: what it is and how to do "
            "it' (SCIE guide 51)"
        ),
        "scie-paying-people": (
            "Social Care Institute for Excellence (SCIE), 'Paying people who receive benefits – Co-production and "
            "involvement'"
        ),
        "oxfordshire-scie-easy-read": (
            "Oxfordshire County Council and SCIE, 'Co-production in Oxfordshire's adult services' (the Easy Read "
            "evaluation)"
        ),
        "oxfordshire-breaking-down-barriers": (
            "Oxfordshire County Council, 'Breaking down barriers with different way of thinking'"
        ),
        "oxfordshire-ccg-coproduction": "Oxfordshire Clinical Commissioning Group, 'Co-production'",
        "voiceability-coproduction": "VoiceAbility, 'What is co-production?'",
        "nsun-4pi": "NSUN, '4Pi National Involvement Standards'",
        "nhs-england-working-in-partnership": (
            "NHS England, 'Working in partnership with people and communities: statutory guidance' (2022)"
        ),
        "lanarkshire-links": "Lanarkshire Links, 'Guidelines' for involving service users and carers",
        "nottingham-meeting-hours": "University of Nottingham, 'Meeting Times Guidance'",
        "lga-1972-s100b": (
            "Local Government Act 1972 s.100B, as amended by the Local Authorities (Access to Meetings and "
            "Documents) (Period of Notice) (England) Order 2002 (SI 2002/715)"
        ),
        "bank-holidays": "Banking and Financial Dealings Act 1971, Schedule 1, and the annual proclamations",
        "equality-act-2010": "Equality Act 2010",
        "uk-gdpr-article-9": "UK GDPR, Article 9, 'Processing of special categories of personal data'",
        "census-2021": "Office for National Statistics (ONS), Census 2021 tables and bulletins",
        "national-living-wage": "GOV.UK, 'National Minimum Wage and National Living Wage rates'",
        "involvement-payment-examples": "Involvement payment rates in practice",
        "practice-guidance": "Practice guidance",
    }
)


def cite(anchor: str, point: str = "", *, document: str | None = None) -> str:
    """A source line: the document (``document``, or the publisher and title filed under ``anchor``), the point
    taken from it, and where ``docs/sources.md`` describes it."""
    name = DOCUMENTS[anchor] if document is None else document
    said = f": {point}" if point else ""
    return f"{name}{said} (docs/sources.md#{anchor})"


def project_default(setting: str) -> str:
    """A source line for a number no source gives: ``setting`` (with its value) is this project's default."""
    return f"{setting}: this project's default, which each council sets in its policy " + (
        "(docs/sources.md#project-defaults)"
    )


#: Documents filed together under ``docs/sources.md#practice-guidance`` and ``#involvement-payment-examples``.
ASLI = "Association of Sign Language Interpreters (ASLI), guidance for people booking BSL/English interpreters"
DEFRA = "Defra, guidance on accessible meetings"
OXFORDSHIRE_HWB = "Oxfordshire Health and Wellbeing Board"
NORTH_CUMBRIA = "North Cumbria, terms of reference for co-production groups"
CNWL = "Central and North West London NHS Foundation Trust (CNWL), involvement payment rates (2022)"
HQIP = "Healthcare Quality Improvement Partnership (HQIP), patient and public involvement payments"

#: Points several checks take from one document.
CENSUS = (
    "TS008 sex, TS021 ethnic group, TS031 religion, TS038 disability, TS039 unpaid care; the bulletins 'Sexual "
    "orientation, England and Wales: Census 2021' and 'Gender identity, England and Wales: Census 2021' (6 January "
    "2023) and 'Population and household estimates, England and Wales: Census 2021' (28 June 2022); where each "
    "figure was read: docs/baselines-sources.md"
)
ULO = "'User-led organisations are important for helping to do co-production well'"
RULES_TO_TALK = "'It is important to have rules for co-production so everyone knows how to talk to each other'"
LEARNING_DISABILITIES = "Speak Out groups and information designed for people with learning disabilities"
PAYING = "there are no nationally agreed involvement rates; some people on benefits choose to decline payment"
