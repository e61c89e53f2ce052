"""How easy a text is to read: words per sentence and Flesch reading ease, for the Easy Read report (issue 16).

Flesch reading ease (Rudolf Flesch, "A new readability yardstick", Journal of Applied Psychology 32(3), 1948):
``206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)``. Higher is easier: 70 and above is "fairly
easy", read by most 13-year-olds. The worked examples of the Wikipedia article "Flesch-Kincaid readability tests"
("The cat sat on the mat." scores about 116; "The Australian platypus is seemingly a hybrid of a mammal and
reptilian creature." about 37.5, from 13 words and 24 syllables) are tests of this module.

Syllables are counted by rule, with no dictionary to fetch (textstat loads one from the internet at run time):
groups of vowels, ``y`` after a consonant counting as a vowel; a silent final ``e`` (but not ``-le`` after a
consonant) and the ``-es``/``-ed`` endings that add no sound are not counted; every word has at least one. Digits
count as one word of one syllable per digit group, so "2026" does not skew a sentence.
"""

from __future__ import annotations

import re

import attrs

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """The number of syllables in one English word, by rule (see the module's docstring); at least 1."""
    lowered = re.sub(r"[^a-z]", "", word.lower())
    if not lowered:
        return 1
    if len(lowered) <= 3:
        return 1
    stem = lowered.replace("qu", "qw")  # the "u" of "qu" is not a vowel ("equal", "quiet")
    silent_es = stem.endswith("es") and not re.search(r"(?:[sxz]|[cs]h|g|c)es$", stem)
    silent_ed = stem.endswith("ed") and not re.search(r"[td]ed$", stem)
    if silent_es or silent_ed:
        stem = stem[:-2]
    elif stem.endswith("e") and not re.search(r"[^aeiouy]le$", stem) and not stem.endswith("ee"):
        stem = stem[:-1]
    count = len(_VOWEL_GROUPS.findall(stem))
    # Vowel pairs that are two sounds: "idea", "area", "radio", "video", "being", "seeing", "science", "quiet".
    count += len(re.findall(r"(?:eas?$|ias?$|ios?$|eos?$|[aeiouy]ing|ienc|ie[rt]$|uo)", stem))
    return max(count, 1)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after ``.``, ``!`` or ``?``; lines (list items, headings) end one too."""
    out: list[str] = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line):
            if _WORD.search(piece):
                out.append(piece.strip())
    return out


def words(text: str) -> list[str]:
    """The words of ``text`` (a number is one word)."""
    return _WORD.findall(text)


@attrs.frozen
class Readability:
    """Counts and scores of a text."""

    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flesch(self) -> float:
        """Flesch reading ease (:func:`flesch_reading_ease`)."""
        return flesch_reading_ease(self.words, self.sentences, self.syllables)


def flesch_reading_ease(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """Flesch's formula, ``206.835 - 1.015 * ASL - 84.6 * ASW``; ``ValueError`` for no words or no sentences."""
    if word_count <= 0 or sentence_count <= 0:
        raise ValueError("a text needs at least one word and one sentence to be scored")
    return 206.835 - 1.015 * (word_count / sentence_count) - 84.6 * (syllable_count / word_count)


def measure(text: str) -> Readability:
    """Sentences, words and syllables of ``text``."""
    found = sentences(text)
    all_words = [w for s in found for w in words(s)]
    return Readability(
        sentences=len(found),
        words=len(all_words),
        syllables=sum(1 if w[0].isdigit() else syllables(w) for w in all_words),
    )
