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


#: Each age band's first and last year (``None``: no upper bound), to name a run of bands ("65 and over").
AGE_YEARS: Final[dict[str, tuple[int, int | None]]] = {
    "under-16": (0, 15),
    "16-24": (16, 24),
    "25-34": (25, 34),
    "35-49": (35, 49),
    "50-64": (50, 64),
    "65-74": (65, 74),
    "75-84": (75, 84),
    "85-plus": (85, None),
}

#: Units of several categories with a name of their own (the wording of the Census 2021 bulletins).
_UNIT_WORDS: Final[dict[tuple[Characteristic, str], tuple[str, str]]] = {
    (Characteristic.GENDER_IDENTITY, "different-no-identity-given+trans-woman+trans-man+other-identity"): (
        "Different from sex registered at birth",
        "whose gender identity differs from their sex registered at birth",
    ),
    (Characteristic.DISABILITY, "disabled-limited-a-lot+disabled-limited-a-little"): ("Disabled", "who are disabled"),
}


def _unit_words(characteristic: Characteristic, key: str) -> tuple[str, str] | None:
    """Label and phrase for a unit of several categories (``65-74+75-84+85-plus``), or ``None`` for one category.

    A run of consecutive age bands reads as one range ("65 and over", "under 25", "25 to 49"); named units use the
    bulletins' wording; any other unit lists its categories joined by "or".
    """
    if "+" not in key:
        return None
    named = _UNIT_WORDS.get((characteristic, key))
    if named is not None:
        return named
    parts = key.split("+")
    if characteristic is Characteristic.AGE and all(p in AGE_YEARS for p in parts):
        bands = list(AGE_YEARS)
        positions = [bands.index(p) for p in parts]
        if positions == list(range(positions[0], positions[0] + len(positions))):
            first, last = AGE_YEARS[parts[0]][0], AGE_YEARS[parts[-1]][1]
            if first == 0 and last is not None:
                return (f"Under {last + 1}", f"aged under {last + 1}")
            if last is None:
                return (f"{first} and over", f"aged {first} or over")
            return (f"{first} to {last}", f"aged {first} to {last}")
    words = [_WORDS[characteristic].get(p, (p, p)) for p in parts]
    return (" or ".join(w[0] for w in words), " or ".join(w[1] for w in words))


def characteristic_title(characteristic: Characteristic) -> str:
    return CHARACTERISTIC_TITLES[characteristic]


def category_label(characteristic: Characteristic, category: str) -> str:
    """Short label for a table row or chart bar."""
    if category == PREFER_NOT_TO_SAY:
        return "Prefer not to say"
    unit = _unit_words(characteristic, category)
    if unit is not None:
        return unit[0]
    return _WORDS[characteristic].get(category, (category, category))[0]


def category_phrase(characteristic: Characteristic, category: str) -> str:
    """Words that complete "members …", e.g. "from a Black ethnic group"."""
    unit = _unit_words(characteristic, category)
    if unit is not None:
        return unit[1]
    return _WORDS[characteristic].get(category, (category, f"in the category {category!r}"))[1]
