"""Read a recruitment round file (YAML, JSON or TOML) into a :class:`~coproduction.recruitment.Round`.

An edge, like :mod:`coproduction.io.loader`, and read by the same machinery: the same parsers and limits
(:mod:`coproduction.io.preconf`), the same strict converter (:mod:`coproduction.io.converter`) and the same located
problems (:mod:`coproduction.io.problems`). Every problem is reported at once as a
:class:`~coproduction.recruitment.RoundError` naming the file, the path (``$.applicants[2].area``) and what is
expected; an applicant's diversity answers are never echoed. The format is documented in docs/recruitment.md.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import attrs
from cattrs.errors import BaseValidationError

from coproduction.errors import Problem
from coproduction.io.converter import InvalidValue, kind_of, printable, structuring_converter
from coproduction.io.formats import DEFAULT_LIMITS, SUFFIXES, Format, LoadLimits, SyntaxProblem, format_for_path
from coproduction.io.preconf import json as json_format
from coproduction.io.preconf import module_for
from coproduction.io.problems import problems_from
from coproduction.io.special import not_regular_message
from coproduction.models.diversity import Characteristic
from coproduction.models.enums import Perspective
from coproduction.recruitment.errors import RoundError
from coproduction.recruitment.models import LIVED_EXPERIENCE_QUOTA, MINIMUM_AGES, QuotaEntry, Round

_PERSPECTIVES: Final = (LIVED_EXPERIENCE_QUOTA, *(p.value for p in Perspective))


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RoundError(
            [Problem(source, "", f"not UTF-8 text: byte 0x{data[error.start]:02x} on line {line}; save it as UTF-8")]
        ) from None


def _parse(text: str, round_format: Format, source: str, limits: LoadLimits) -> object:
    try:
        if round_format is Format.JSON:
            return json_format.loads(text, limits, fast=False)
        return module_for(round_format).loads(text, limits)
    except SyntaxProblem as error:
        raise RoundError([Problem(source, "", str(error))]) from None


def _quota_problems(quotas: tuple[QuotaEntry, ...], source: str) -> list[Problem]:
    problems: list[Problem] = []
    for index, quota in enumerate(quotas):
        where = f"$.quotas[{index}]"
        if (quota.perspective is None) == (quota.characteristic is None):
            problems.append(Problem(source, where, "give either a perspective or a characteristic and category"))
        elif quota.perspective is not None:
            if quota.perspective not in _PERSPECTIVES:
                problems.append(
                    Problem(
                        source,
                        f"{where}.perspective",
                        f"unknown perspective {printable(quota.perspective)!r}; expected one of "
                        + ", ".join(_PERSPECTIVES),
                    )
                )
            if quota.category is not None:
                problems.append(Problem(source, f"{where}.category", "a perspective quota has no category"))
        else:
            assert quota.characteristic is not None
            try:
                characteristic = Characteristic(quota.characteristic)
            except ValueError:
                problems.append(
                    Problem(
                        source,
                        f"{where}.characteristic",
                        f"unknown characteristic {printable(quota.characteristic)!r}; expected one of "
                        + ", ".join(c.value for c in Characteristic),
                    )
                )
            else:
                allowed = characteristic.answer_categories
                if quota.category not in allowed:
                    found = "missing" if quota.category is None else f"{printable(quota.category)!r} is not one"
                    problems.append(
                        Problem(
                            source,
                            f"{where}.category",
                            f"{found}; the categories of {characteristic.label} are " + ", ".join(allowed),
                        )
                    )
        if quota.at_least < 0:
            problems.append(Problem(source, f"{where}.at_least", f"expected 0 or more; found {quota.at_least}"))
        if quota.at_most is not None and quota.at_most < max(quota.at_least, 0):
            problems.append(
                Problem(
                    source,
                    f"{where}.at_most",
                    f"expected at least at_least ({quota.at_least}); found {quota.at_most}",
                )
            )
    return problems


def _round_problems(round_: Round, source: str) -> list[Problem]:
    problems: list[Problem] = []
    if round_.seats < 1:
        problems.append(Problem(source, "$.seats", f"expected 1 or more seats; found {round_.seats}"))
    if round_.eligibility.minimum_age not in (None, *MINIMUM_AGES):
        problems.append(
            Problem(
                source,
                "$.eligibility.minimum_age",
                f"expected 16 or 18; found {round_.eligibility.minimum_age}",
            )
        )
    seen: dict[str, int] = {}
    for index, applicant in enumerate(round_.applicants):
        if not applicant.id.strip():
            problems.append(Problem(source, f"$.applicants[{index}].id", "expected a non-empty id"))
        elif applicant.id in seen:
            problems.append(
                Problem(
                    source,
                    f"$.applicants[{index}].id",
                    f"duplicate id {printable(applicant.id)!r}; first at $.applicants[{seen[applicant.id]}]",
                )
            )
        else:
            seen[applicant.id] = index
    leaving: dict[str, int] = {}
    for index, leaver in enumerate(round_.leavers):
        if not leaver.strip():
            problems.append(Problem(source, f"$.leavers[{index}]", "expected a member id; found an empty text"))
        elif leaver in leaving:
            problems.append(
                Problem(
                    source,
                    f"$.leavers[{index}]",
                    f"duplicate member id {printable(leaver)!r}; first at $.leavers[{leaving[leaver]}]",
                )
            )
        else:
            leaving[leaver] = index
    return problems + _quota_problems(round_.quotas, source)


def loads_round(
    text: str, round_format: Format, *, source: str = "<text>", limits: LoadLimits = DEFAULT_LIMITS
) -> Round:
    """A round from text in ``round_format``; :class:`RoundError` with every problem otherwise."""
    document = _parse(text, round_format, source, limits)
    if document.__class__ is not dict:
        found = "an empty file" if document is None else kind_of(document)
        raise RoundError([Problem(source, "$", f"expected a mapping with the keys of a round; found {found}")])
    try:
        round_ = structuring_converter(detailed=True).structure(document, Round)
    except (BaseValidationError, InvalidValue, KeyError) as error:
        raise RoundError(problems_from(error, source, "$")) from None
    problems = _round_problems(round_, source)
    if problems:
        raise RoundError(problems)
    return round_


@attrs.frozen
class Targets:
    """A targets file: ``quotas`` in the shape of a round file's (docs/recruitment.md)."""

    quotas: tuple[QuotaEntry, ...] = attrs.field(default=(), converter=tuple)


def loads_targets(
    text: str, targets_format: Format, *, source: str = "<text>", limits: LoadLimits = DEFAULT_LIMITS
) -> tuple[QuotaEntry, ...]:
    """A targets file's quotas from text; :class:`RoundError` with every problem, located, otherwise."""
    document = _parse(text, targets_format, source, limits)
    if document.__class__ is not dict:
        found = "an empty file" if document is None else kind_of(document)
        raise RoundError([Problem(source, "$", f"expected a mapping with the key quotas; found {found}")])
    try:
        targets = structuring_converter(detailed=True).structure(document, Targets)
    except (BaseValidationError, InvalidValue, KeyError) as error:
        raise RoundError(problems_from(error, source, "$")) from None
    problems = _quota_problems(targets.quotas, source)
    if problems:
        raise RoundError(problems)
    return targets.quotas


def _read_text(path: str | os.PathLike[str]) -> tuple[str, Format, str]:
    file = Path(path)
    source = str(file)
    found_format = format_for_path(file)
    if found_format is None:
        raise RoundError([Problem(source, "", f"expected a file ending {', '.join(SUFFIXES)}")])
    refused = not_regular_message(file)
    if refused is not None:
        raise RoundError([Problem(source, "", refused)])
    try:
        data = file.read_bytes()
    except OSError as error:
        raise RoundError([Problem(source, "", f"cannot read: {error.strerror or error}")]) from None
    return _decode(data, source), found_format, source


def load_targets(path: str | os.PathLike[str], *, limits: LoadLimits = DEFAULT_LIMITS) -> tuple[QuotaEntry, ...]:
    """Read a targets file (``quotas:`` as in a round file); :class:`RoundError` on any problem."""
    text, found_format, source = _read_text(path)
    return loads_targets(text, found_format, source=source, limits=limits)


def load_round(path: str | os.PathLike[str], *, limits: LoadLimits = DEFAULT_LIMITS) -> Round:
    """Read a round file (``.yaml``, ``.yml``, ``.json``, ``.toml``); :class:`RoundError` on any problem."""
    text, round_format, source = _read_text(path)
    return loads_round(text, round_format, source=source, limits=limits)


__all__ = ["Targets", "load_round", "load_targets", "loads_round", "loads_targets"]
