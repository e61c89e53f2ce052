"""Diversity monitoring answers: special category personal data under UK GDPR (Article 9).

Categories follow the Census 2021 classifications for England and Wales (ONS tables TS007 age, TS008 sex,
TS021 ethnic group, TS038 disability, TS030 religion, TS077 sexual orientation, TS078 gender identity, TS039 unpaid
care). Every characteristic distinguishes "prefer not to say" (an answer) from "not known" (no answer: ``None``).

A profile never shows its answers in ``repr`` or ``str``: it may end up in logs and error messages.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import attrs

from coproduction.models.forms import enum_member

PREFER_NOT_TO_SAY: Final = "prefer-not-to-say"
"""The answer "prefer not to say": a category of every characteristic, distinct from no answer (``None``)."""


class AgeBand(StrEnum):
    """A member's age band (Census 2021 age, TS007, in the bands monitoring forms ask).

    A register file writes the value (``35-49``); in Python the member is ``AgeBand.AGED_35_TO_49``, and the value
    is accepted too: ``DiversityProfile(age="35-49")``, and ``AgeBand("35-49") is AgeBand.AGED_35_TO_49``.
    """

    UNDER_16 = "under-16"
    AGED_16_TO_24 = "16-24"
    AGED_25_TO_34 = "25-34"
    AGED_35_TO_49 = "35-49"
    AGED_50_TO_64 = "50-64"
    AGED_65_TO_74 = "65-74"
    AGED_75_TO_84 = "75-84"
    AGED_85_PLUS = "85-plus"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Sex(StrEnum):
    """A member's sex, in the categories of the Census 2021 question (TS008)."""

    FEMALE = "female"
    MALE = "male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class GenderIdentity(StrEnum):
    """A member's gender identity, in the categories of the Census 2021 question (TS078)."""

    SAME_AS_SEX_AT_BIRTH = "same-as-sex-at-birth"
    DIFFERENT_NO_IDENTITY_GIVEN = "different-no-identity-given"
    TRANS_WOMAN = "trans-woman"
    TRANS_MAN = "trans-man"
    OTHER_IDENTITY = "other-identity"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class EthnicGroup(StrEnum):
    """A member's ethnic group, in the five high-level groups of the Census 2021 classification (TS021)."""

    ASIAN = "asian"
    BLACK = "black"
    MIXED = "mixed"
    WHITE = "white"
    OTHER = "other"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Disability(StrEnum):
    """Whether a member's day-to-day activities are limited by a disability, a lot or a little, as the Census 2021
    asked it (TS038; the Equality Act 2010 definition)."""

    LIMITED_A_LOT = "disabled-limited-a-lot"
    LIMITED_A_LITTLE = "disabled-limited-a-little"
    NOT_DISABLED = "not-disabled"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Religion(StrEnum):
    """A member's religion, in the categories of the Census 2021 question (TS030)."""

    NO_RELIGION = "no-religion"
    CHRISTIAN = "christian"
    BUDDHIST = "buddhist"
    HINDU = "hindu"
    JEWISH = "jewish"
    MUSLIM = "muslim"
    SIKH = "sikh"
    OTHER = "other-religion"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class SexualOrientation(StrEnum):
    """A member's sexual orientation, in the categories of the Census 2021 question (TS077)."""

    STRAIGHT = "straight"
    GAY_OR_LESBIAN = "gay-or-lesbian"
    BISEXUAL = "bisexual"
    OTHER = "other-orientation"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class UnpaidCare(StrEnum):
    """The unpaid care a member gives each week, in the hour bands of the Census 2021 question (TS039)."""

    NONE = "none"
    UP_TO_9_HOURS = "9-hours-or-less"
    HOURS_10_TO_19 = "10-to-19-hours"
    HOURS_20_TO_34 = "20-to-34-hours"
    HOURS_35_TO_49 = "35-to-49-hours"
    HOURS_50_PLUS = "50-hours-or-more"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Characteristic(StrEnum):
    """Monitored characteristics; each value is the :class:`DiversityProfile` field that holds the answer."""

    AGE = "age"
    SEX = "sex"
    GENDER_IDENTITY = "gender_identity"
    ETHNIC_GROUP = "ethnic_group"
    DISABILITY = "disability"
    RELIGION = "religion"
    SEXUAL_ORIENTATION = "sexual_orientation"
    UNPAID_CARE = "unpaid_care"

    @property
    def categories(self) -> type[StrEnum]:
        """The category vocabulary for this characteristic, including "prefer not to say"."""
        return CATEGORIES[self]

    @property
    def answer_categories(self) -> tuple[str, ...]:
        """The categories that count towards representation: every category except "prefer not to say"."""
        return tuple(c.value for c in CATEGORIES[self] if c.value != PREFER_NOT_TO_SAY)

    @property
    def label(self) -> str:
        """The characteristic's name in words, as reports show it (``ethnic group``)."""
        return self.value.replace("_", " ")


CATEGORIES: Final[dict[Characteristic, type[StrEnum]]] = {
    Characteristic.AGE: AgeBand,
    Characteristic.SEX: Sex,
    Characteristic.GENDER_IDENTITY: GenderIdentity,
    Characteristic.ETHNIC_GROUP: EthnicGroup,
    Characteristic.DISABILITY: Disability,
    Characteristic.RELIGION: Religion,
    Characteristic.SEXUAL_ORIENTATION: SexualOrientation,
    Characteristic.UNPAID_CARE: UnpaidCare,
}


# Each answer is accepted as its text too, as a register file writes it (``age="35-49"``, ``sex="female"``); text
# that is not a category is kept and reported, without echoing it, by coproduction.validate_register.


def _age(value: AgeBand | str | None) -> AgeBand | None:
    return enum_member(AgeBand, value) if value is not None else None


def _sex(value: Sex | str | None) -> Sex | None:
    return enum_member(Sex, value) if value is not None else None


def _gender_identity(value: GenderIdentity | str | None) -> GenderIdentity | None:
    return enum_member(GenderIdentity, value) if value is not None else None


def _ethnic_group(value: EthnicGroup | str | None) -> EthnicGroup | None:
    return enum_member(EthnicGroup, value) if value is not None else None


def _disability(value: Disability | str | None) -> Disability | None:
    return enum_member(Disability, value) if value is not None else None


def _religion(value: Religion | str | None) -> Religion | None:
    return enum_member(Religion, value) if value is not None else None


def _sexual_orientation(value: SexualOrientation | str | None) -> SexualOrientation | None:
    return enum_member(SexualOrientation, value) if value is not None else None


def _unpaid_care(value: UnpaidCare | str | None) -> UnpaidCare | None:
    return enum_member(UnpaidCare, value) if value is not None else None


@attrs.frozen(repr=False)
class DiversityProfile:
    """One member's monitoring answers. ``None`` means "not known"; ``prefer-not-to-say`` is an answer.

    ``repr`` and ``str`` never show the answers (special category data must stay out of logs).
    """

    age: AgeBand | None = attrs.field(default=None, converter=_age)
    sex: Sex | None = attrs.field(default=None, converter=_sex)
    gender_identity: GenderIdentity | None = attrs.field(default=None, converter=_gender_identity)
    ethnic_group: EthnicGroup | None = attrs.field(default=None, converter=_ethnic_group)
    disability: Disability | None = attrs.field(default=None, converter=_disability)
    religion: Religion | None = attrs.field(default=None, converter=_religion)
    sexual_orientation: SexualOrientation | None = attrs.field(default=None, converter=_sexual_orientation)
    unpaid_care: UnpaidCare | None = attrs.field(default=None, converter=_unpaid_care)

    def answer(self, characteristic: Characteristic) -> str | None:
        """The answer for one characteristic as its string value, or ``None`` when not known."""
        value: StrEnum | None = getattr(self, characteristic.value)
        return None if value is None else value.value

    def __repr__(self) -> str:
        return "DiversityProfile(<special category data withheld>)"

    __str__ = __repr__
