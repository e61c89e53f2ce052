"""Flesch reading ease and the syllable counter, on published worked examples (issue 16)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.reports.board.readability import flesch_reading_ease, measure, sentences, syllables, words


def test_the_formula_on_wikipedias_worked_examples() -> None:
    # Wikipedia, "Flesch-Kincaid readability tests": "The cat sat on the mat." (6 words, 6 syllables) scores about
    # 116; "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature." (13 words, 24
    # syllables) about 37.5.
    assert flesch_reading_ease(6, 1, 6) == pytest.approx(116.145)
    assert round(flesch_reading_ease(13, 1, 24), 1) == 37.5


def test_the_formula_on_a_calculators_worked_examples() -> None:
    # ASL 15 and ASW 1.5 give 64.71; ASL 20 and ASW 1.2 give 85.02 (206.835 - 1.015 ASL - 84.6 ASW).
    assert flesch_reading_ease(150, 10, 225) == pytest.approx(64.71, abs=0.005)
    assert flesch_reading_ease(200, 10, 240) == pytest.approx(85.02, abs=0.005)


def test_whole_texts_are_counted_as_the_published_examples_count_them() -> None:
    cat = measure("The cat sat on the mat.")
    assert (cat.sentences, cat.words, cat.syllables) == (1, 6, 6)
    assert round(cat.flesch) == 116
    platypus = measure("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
    assert (platypus.sentences, platypus.words, platypus.syllables) == (1, 13, 24)
    assert round(platypus.flesch, 1) == 37.5


# Syllables as dictionaries give them (Merriam-Webster's divisions of each word).
DICTIONARY = {
    "the": 1, "cat": 1, "Australian": 3, "platypus": 3, "seemingly": 3, "hybrid": 2, "mammal": 2,
    "reptilian": 3, "creature": 2, "people": 2, "meeting": 2, "meetings": 2, "papers": 2, "little": 2,
    "table": 2, "make": 1, "made": 1, "wanted": 2, "closed": 1, "boxes": 2, "together": 3, "everyone": 3,
    "equal": 2, "easy": 2, "read": 1, "important": 3, "decision": 3, "decisions": 3, "experience": 4,
    "interpreter": 4, "area": 3, "idea": 3, "ideas": 3, "video": 3, "quiet": 2, "science": 2, "being": 2,
    "radio": 3, "yes": 1, "young": 1, "you": 1, "said": 1, "help": 1, "service": 2, "services": 3,
    "toilet": 2, "parking": 2, "language": 2, "training": 2, "members": 2, "months": 1, "committee": 3,
    "board": 1, "agreed": 2, "lives": 1, "ages": 2, "places": 2, "changes": 2, "liked": 1, "used": 1,
    "needed": 2, "social": 2, "special": 2, "going": 2, "saying": 2, "media": 3, "audio": 3, "choices": 2,
    "screen": 1, "group": 1, "money": 2, "paid": 1, "leader": 2, "before": 2, "there": 1, "more": 1,
}  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), sorted(DICTIONARY.items()))
def test_syllables_match_the_dictionary(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_sentences_end_at_stops_and_at_line_ends() -> None:
    assert sentences("One. Two words! Three? \nA heading\n\n") == ["One", "Two words", "Three", "A heading"]
    assert sentences("It costs £3,000.00 a year.") == ["It costs £3,000.00 a year"]
    assert words("It starts at 12:30pm on 1 December.") == ["It", "starts", "at", "12:30", "pm", "on", "1", "December"]


def test_no_words_cannot_be_scored() -> None:
    with pytest.raises(ValueError, match="at least one word"):
        flesch_reading_ease(0, 0, 0)
    assert measure("").words_per_sentence == 0.0


@given(st.text())
def test_any_text_is_measured_without_crashing_and_the_same_each_time(text: str) -> None:
    first = measure(text)
    assert first == measure(text)
    assert first.syllables >= first.words >= 0
    if first.words:
        # Every word has a syllable, so the score is at most what one syllable a word gives.
        assert first.flesch <= 206.835 - 84.6 - 1.015 * first.words_per_sentence + 1e-9


@given(st.from_regex(r"[A-Za-z]{1,20}", fullmatch=True))
def test_every_word_has_at_least_one_syllable_and_no_more_than_its_letters(word: str) -> None:
    assert 1 <= syllables(word) <= len(word)
