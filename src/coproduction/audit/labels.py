"""Plain-English words for characteristics and categories, for tables, charts and recruitment targets.

Wording follows the Census 2021 classifications (ONS) shortened for tables; ``phrase`` completes
"recruit at least 2 more members …" so that targets read as a sentence (issue 5, "stated in plain words").
"""

from __future__ import annotations

from typing import Final

from coproduction.models.diversity import PREFER_NOT_TO_SAY, Characteristic

CHARACTERISTIC_TITLES: Final[dict[Characteristic, str]] = {
    Characteristic.AGE: "Age",
    Characteristic.SEX: "Sex",
    Characteristic.GENDER_IDENTITY: "Gender identity",
    Characteristic.ETHNIC_GROUP: "Ethnic group",
    Characteristic.DISABILITY: "Disability",
    Characteristic.RELIGION: "Religion",
    Characteristic.SEXUAL_ORIENTATION: "Sexual orientation",
    Characteristic.UNPAID_CARE: "Unpaid care",
}

#: (table label, phrase after "members") per category value.
_WORDS: Final[dict[Characteristic, dict[str, tuple[str, str]]]] = {
    Characteristic.AGE: {
        "under-16": ("Under 16", "aged under 16"),
        "16-24": ("16 to 24", "aged 16 to 24"),
        "25-34": ("25 to 34", "aged 25 to 34"),
        "35-49": ("35 to 49", "aged 35 to 49"),
        "50-64": ("50 to 64", "aged 50 to 64"),
        "65-74": ("65 to 74", "aged 65 to 74"),
        "75-84": ("75 to 84", "aged 75 to 84"),
        "85-plus": ("85 and over", "aged 85 or over"),
    },
    Characteristic.SEX: {
        "female": ("Female", "who are female"),
        "male": ("Male", "who are male"),
    },
    Characteristic.GENDER_IDENTITY: {
        "same-as-sex-at-birth": (
            "Same as sex registered at birth",
            "whose gender identity is the same as their sex registered at birth",
        ),
        "different-no-identity-given": (
            "Different from sex registered at birth, no identity given",
            "whose gender identity differs from their sex registered at birth",
        ),
        "trans-woman": ("Trans woman", "who are trans women"),
        "trans-man": ("Trans man", "who are trans men"),
        "other-identity": ("Non-binary or another identity", "who are non-binary or have another gender identity"),
    },
    Characteristic.ETHNIC_GROUP: {
        "asian": ("Asian", "from an Asian ethnic group"),
        "black": ("Black", "from a Black ethnic group"),
        "mixed": ("Mixed or multiple", "from a mixed or multiple ethnic group"),
        "white": ("White", "from a White ethnic group"),
        "other": ("Other ethnic group", "from another ethnic group"),
    },
    Characteristic.DISABILITY: {
        "disabled-limited-a-lot": ("Disabled, limited a lot", "who are disabled and limited a lot day to day"),
        "disabled-limited-a-little": (
            "Disabled, limited a little",
            "who are disabled and limited a little day to day",
        ),
        "not-disabled": ("Not disabled", "who are not disabled"),
    },
    Characteristic.RELIGION: {
        "no-religion": ("No religion", "with no religion"),
        "christian": ("Christian", "who are Christian"),
        "buddhist": ("Buddhist", "who are Buddhist"),
        "hindu": ("Hindu", "who are Hindu"),
        "jewish": ("Jewish", "who are Jewish"),
        "muslim": ("Muslim", "who are Muslim"),
        "sikh": ("Sikh", "who are Sikh"),
        "other-religion": ("Other religion", "of another religion"),
    },
    Characteristic.SEXUAL_ORIENTATION: {
        "straight": ("Straight or heterosexual", "who are straight or heterosexual"),
        "gay-or-lesbian": ("Gay or lesbian", "who are gay or lesbian"),
        "bisexual": ("Bisexual", "who are bisexual"),
        "other-orientation": ("Another orientation", "with another sexual orientation"),
    },
    Characteristic.UNPAID_CARE: {
        "none": ("No unpaid care", "who provide no unpaid care"),
        "9-hours-or-less": ("9 hours a week or less", "who provide up to 9 hours of unpaid care a week"),
        "10-to-19-hours": ("10 to 19 hours a week", "who provide 10 to 19 hours of unpaid care a week"),
        "20-to-34-hours": ("20 to 34 hours a week", "who provide 20 to 34 hours of unpaid care a week"),
        "35-to-49-hours": ("35 to 49 hours a week", "who provide 35 to 49 hours of unpaid care a week"),
        "50-hours-or-more": ("50 hours a week or more", "who provide 50 or more hours of unpaid care a week"),
    },
}


def characteristic_title(characteristic: Characteristic) -> str:
    return CHARACTERISTIC_TITLES[characteristic]


def category_label(characteristic: Characteristic, category: str) -> str:
    """Short label for a table row or chart bar."""
    if category == PREFER_NOT_TO_SAY:
        return "Prefer not to say"
    return _WORDS[characteristic].get(category, (category, category))[0]


def category_phrase(characteristic: Characteristic, category: str) -> str:
    """Words that complete "members …", e.g. "from a Black ethnic group"."""
    return _WORDS[characteristic].get(category, (category, f"in the category {category!r}"))[1]
