"""The grammar of numbers as English news writes them: digits, words, scales, fractions.

Kept apart from the figures extractor so the same grammar can be tested on its own (render a
number in words or digits, parse it back) and reused by the dates extractor. Everything here
works on strings already cut into words; nothing scans raw text, so nothing here can be
slowed down by hostile input beyond the length of what it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "FRACTIONS",
    "ORDINAL_WORDS",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "SMALL",
    "TENS",
    "VAGUE",
    "parse_digits",
    "parse_words",
    "split_words",
    "to_digits",
    "to_words",
]

SMALL: Final[dict[str, int]] = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS: Final[dict[str, int]] = {
    word: 10 * n
    for n, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
SCALES: Final[dict[str, int]] = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
# Written straight after digits: "$1.13bn", "£600m", "RM3.06mil", "12.3m tonnes".
SCALE_ABBREVIATIONS: Final[dict[str, int]] = {
    "k": 1000,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mil": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
    "tr": 10**12,
}
# Denominators, singular and plural: "a third", "two-thirds", "three quarters".
FRACTIONS: Final[dict[str, int]] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
ORDINAL_WORDS: Final = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth hundredth thousandth millionth".split()
)
# Vague plurals: NewsQuant's convention (and ours) reads "dozens" as the range [12, 120],
# i.e. [B, 10 B] for a base B.
VAGUE: Final[dict[str, int]] = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "billions": 10**9,
    "trillions": 10**12,
}

_DIGITS_PLAIN: Final = re.compile(r"\d+(?:\.\d+)?")
_DIGITS_GROUPED: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DIGITS_EUROPEAN: Final = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")
# Longer strings are not figures anyway (ids, hashes, runs of digits); refusing them also
# keeps Decimal from ever converting a megabyte of digits.
MAX_DIGITS: Final = 24


def parse_digits(token: str, *, european: bool = False) -> Decimal | None:
    """The value of a digit string with separators, or None when it is not a well-formed number.

    ``1,200`` and ``1,200.5`` are English grouping; in a text written the European way
    (``european=True``) ``1.200`` is twelve hundred and ``3,5`` three and a half.
    """
    if len(token) > MAX_DIGITS:
        return None
    if token.isdecimal():
        return Decimal(token)  # plain digits, the usual case, read alike either way
    if european and _DIGITS_EUROPEAN.fullmatch(token):
        token = token.replace(".", "").replace(",", ".")
    elif _DIGITS_GROUPED.fullmatch(token):
        token = token.replace(",", "")
    elif not _DIGITS_PLAIN.fullmatch(token):
        return None
    try:
        return Decimal(token)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
        return None


def parse_words(words: Sequence[str]) -> Decimal | None:
    """The value of a run of number words (``three hundred and twenty-five thousand``).

    ``words`` are lower-case and already split at spaces and hyphens. Returns None when the
    words are not one well-formed number, so a caller can try a shorter run.
    """
    if not words:
        return None
    total = Decimal(0)
    current = Decimal(0)
    seen_number = False
    last = ""  # the kind of the previous word: small, tens, hundred, scale, and
    for i, raw in enumerate(words):
        word = raw.lower()
        if word == "and":
            if last in ("", "and") or i == len(words) - 1:
                return None
            last = "and"
            continue
        if word in ("a", "an"):
            # "a hundred", "a dozen", "one and a half": only before a scale or "half".
            if i + 1 >= len(words) or words[i + 1].lower() not in (*SCALES, "dozen", "half"):
                return None
            if last not in ("", "and"):
                return None
            current += 1
            seen_number = True
            last = "a"
            continue
        if word == "half":
            if last == "a" and i == 1 and len(words) == 2:
                return Decimal("0.5")
            if last != "a" or not seen_number:
                return None
            # "three and a half": the "a" above added one; replace it by a half.
            current += Decimal("-0.5")
            last = "half"
            continue
        if word in SMALL:
            if last in ("small", "half") or (last == "tens" and SMALL[word] >= 10) or last == "a":
                return None
            if last == "tens" and SMALL[word] == 0:
                return None
            current += SMALL[word]
            last = "small"
        elif word in TENS:
            if last in ("small", "tens", "half", "a"):
                return None
            current += TENS[word]
            last = "tens"
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
            last = "scale"
        elif word == "hundred":
            if last not in ("small", "tens", "a") or (current % 100 == 0 and current >= 100):
                return None
            current *= 100
            last = "hundred"
        elif word in SCALES:
            if last not in ("small", "tens", "hundred", "a", "half", "scale"):
                return None
            current = (current or Decimal(1)) * SCALES[word]
            total += current
            current = Decimal(0)
            last = "scale"
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return total + current


_ONES_WORDS: Final = [w for w, _ in sorted(SMALL.items(), key=lambda kv: kv[1])]
_TENS_WORDS: Final = {n: w for w, n in TENS.items()}


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES_WORDS[hundreds], "hundred"]
        if rest:
            words.append("and")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS_WORDS[tens * 10] + (f"-{_ONES_WORDS[ones]}" if ones else ""))
    elif rest or not words:
        words.append(_ONES_WORDS[rest])
    return words


def to_words(n: int) -> str:
    """A whole number as British news would spell it (``three hundred and twenty-one``).

    Used by the tests as the reference rendering the parser must read back.
    """
    if n < 0:
        raise ValueError("to_words takes a non-negative number")
    if n < 1000:
        return " ".join(_below_thousand(n))
    words: list[str] = []
    for name, scale in sorted(SCALES.items(), key=lambda kv: -kv[1]):
        if name == "hundred":
            continue
        count, n = divmod(n, scale)
        if count:
            words += [*_below_thousand(count), name]
    if n:
        if n < 100:
            words.append("and")
        words += _below_thousand(n)
    return " ".join(words)


def to_digits(value: Decimal | int, *, grouped: bool = True) -> str:
    """A number in digits with English grouping (``1,234,567.5``)."""
    return f"{value:,}" if grouped else f"{value}"


def split_words(text: str) -> list[str]:
    """Split a written number into the words :func:`parse_words` expects."""
    return [w for w in re.split(r"[\s\-]+", text.strip()) if w]
