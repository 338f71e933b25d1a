"""The figures extractor: every number a story reports, what it counts, how sure, who says so.

A figure is read in three steps, sentence by sentence:

1. **the number** — digits with separators and decimals, number words (``three and a
   half``, ``a dozen``), a scale (``$40 billion``, ``£600m``), a range (``100-200``,
   ``between 5 and 10``, ``$3 billion to $5 billion``), a vague plural read as the range
   [B, 10 B] (``dozens``, ``tens of thousands``), a fraction or share (``two-thirds``,
   ``one in five``), a multiplier (``sixfold``), a clock time;
2. **its unit** — currency before or after, a measurement unit, ``per cent``, an age
   (``22-year-old``, ``Maddon, 66,``), a rate (``a day``, ``per share``); a number
   without a unit that is followed by a noun phrase counts that noun (``500 civilians``);
3. **its context** — the qualifier in front (``more than``, ``nearly``, ``rose``), the
   claimant (the quote's speaker, ``Ukraine says ...``, ``..., the mayor said``), and a
   conversion written in brackets beside it (``40 km (25 miles)``).

What is *not* a figure is decided on the same tokens: dates (found by the dates
extractor's scanner, so both agree), bare years, ordinals, numbers glued to a name
(``Game 2``, ``S&P 500``, ``COVID-19``), phone numbers, ids, and clock times stamped onto a
date (``August 31 2019 5:00 AM PDT`` is a time stamp, not a reported figure).

The text is cut into tokens by one compiled pattern whose alternatives cannot overlap, and
everything after that is a left-to-right walk over the tokens with bounded look-ahead, so
the work is linear in the length of the text whatever it contains.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, Final

import attrs

from .._patterns import word_trie
from ..models import Figure
from ..specs import Document, Extractor
from . import _units as U
from ._numbers import (
    FRACTIONS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL,
    TENS,
    VAGUE,
    parse_digits,
    parse_words,
)
from .dates import date_spans

__all__ = ["build", "find_figures"]

# kind, start, end, text, lower-case text (``a[2] == b[1]``: ``b`` is glued to ``a``)
Token = tuple[str, int, int, str, str]

# A token with the blanks before it (which str.lstrip drops: it strips what \s matches).
# findall then hands back plain strings (no match objects), and the offsets follow from
# the lengths, as every character of a sentence is either blank or in a token. Most words
# are plain ASCII letters followed by no letter, apostrophe or period; the first branch
# reads just those, as the fourth would (a class of letters is much quicker to test than a
# Unicode category). A token's kind follows from its first character: a decimal digit
# (\d) opens only a number, a letter (\w but neither \d nor "_") only a word or, with
# periods, an abbreviation; anything else is a symbol.
_TOKEN: Final = re.compile(
    r"\s*+(?:"
    r"[A-Za-z]++(?![^\W\d_]|['’.])"  # word
    r"|\d+(?:[.,:]\d+)*"  # num
    r"|(?:[A-Za-z]\.){2,}"  # abbr
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # word
    r"|\S)"  # sym
)
_NUMBER_WORDS: Final = frozenset({*SMALL, *TENS, *SCALES, "dozen"})
_DIGIT: Final = re.compile(r"\d")
_TRIGGER_WORDS: Final = sorted(
    {*SMALL, *TENS, *SCALES, *VAGUE, *FRACTIONS, "dozen", "tens"}
    | {f"{w}fold" for w in (*SMALL, *TENS, "hundred")},
    key=len,
    reverse=True,
)


# Number words, found in one pass over the text. Written as a character class followed by
# the rest of each word, because Python's regex engine scans for a leading class quickly
# but tries a leading word boundary or alternation at every character.
_NUMBER_WORD: Final = re.compile(
    "["
    + "".join(sorted({w[0] for w in _TRIGGER_WORDS} | {w[0].upper() for w in _TRIGGER_WORDS}))
    + r"](?<![^\W\d_].)"
    + word_trie(sorted({w[1:] for w in _TRIGGER_WORDS}))
    + r"(?![^\W\d_])"
)
# A number word in a lower-case text, with the character before it, which is no ASCII
# letter (see _readable: a non-ASCII one is checked to be no letter either). Opening with
# that class it is tried mostly at blanks, far fewer places than a pattern opening with
# the words' first letters, and with no look-behind to run at each.
_LOWER_NUMBER_WORD: Final = re.compile(
    "[^a-z](?:" + word_trie(sorted(_TRIGGER_WORDS)) + r")(?![^\W\d_])"
)
# (digits inside dates and phone numbers are blanked out before the search for a digit)
_COVERED_DIGITS: Final = str.maketrans("0123456789", " " * 10)
# An ASCII text folded to what _readable asks of it: letters in lower case, digits as "#",
# anything else a blank (str.translate does this fast for ASCII). In it a number word is a
# plain word after a blank or a "#", and a digit is found by str.find.
_ASCII_FOLD: Final = str.maketrans(
    {
        chr(c): chr(c).lower() if chr(c).isalpha() else "#" if chr(c).isdigit() else " "
        for c in range(128)
    }
)
_COVERED_FOLDED_DIGITS: Final = str.maketrans("#", " ")
_FOLDED_NUMBER_WORD: Final = re.compile(
    "[ #](?:" + word_trie(sorted(_TRIGGER_WORDS)) + ")(?![a-z])"
)
_CURRENCY_SYMBOLS: Final = frozenset("$£€¥₹₪₩₽~")
# Words a figure can start with besides number words: currency prefixes and codes.
_START_WORDS: Final = frozenset(
    {*SMALL, *TENS, *SCALES, *VAGUE, "dozen", "tens", "a", "an", "half", "minus"}
    | {
        w.lower()
        for w in (
            "US",
            "AU",
            "NZ",
            "HK",
            "S",
            "SG",
            "C",
            "CA",
            "A",
            "R",
            "Y",
            "PS",
            "RM",
            "Rs",
            "Fr",
            "CHF",
            "AUD",
            "CAD",
            "NZD",
            "HKD",
            "SGD",
            "U.S.",
        )
    }
)
_AFTER_A: Final = frozenset({*SCALES, *FRACTIONS, "dozen"})
_PREFIX_WORDS: Final = frozenset(
    {"US", "AU", "NZ", "HK", "S", "SG", "C", "CA", "A", "R", "Y", "PS", "RM", "Rs", "Fr", "U.S."}
    | U.CURRENCY_CODES
)
_QUALIFIER_LAST: Final = frozenset(key[-1] for key in U.QUALIFIERS)
# The first word of every currency name: any other word starts none.
_CURRENCY_FIRST: Final = frozenset(key[0] for key in U.CURRENCY_WORDS)
# The words a range's second number can follow (see _Reader.range_tail).
_RANGE_CONNECTORS: Final = frozenset({"-", "–", "—", "to", "and", "up"})
_START_ANY: Final = frozenset(
    {w for base in _START_WORDS for w in (base, base.capitalize(), base.upper())}
    | {w for base in _TRIGGER_WORDS for w in (base, base.capitalize(), base.upper())}
    | U.CURRENCY_CODES
    | _CURRENCY_SYMBOLS
    | {"U.S.", "Rs", "PS", "RM"}
)
_NOT_ONE_BEFORE: Final = frozenset(
    "no any every each the this that which someone anyone the only another".split()
)
# How far (characters) a figure's context is read: its clause, its claimant's verb.
_REACH: Final = 300
_LOOK_BACK: Final = 8  # figures, for what an elided noun refers back to
_RACE_DISTANCES: Final = frozenset(
    Decimal(d) for d in (60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000)
)
_YEAR_PREPOSITIONS: Final = frozenset(
    "in since until till by from during before after circa c".split()
)
# Words after which a bare number (or "N years") is an age: "aged 18", "turned 35",
# "the age of 5 years".
_AGE_BEFORE: Final = frozenset({"aged", "age", "turned", "turns", "turning", "ages"})
_DENOMINATORS: Final = frozenset({2, 3, 4, 5, 8, 10, 16})  # "1/2 pound"; not "9/11"
_VULGAR: Final[dict[str, Decimal]] = {
    "½": Decimal("0.5"),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
    "⅛": Decimal("0.125"),
}
_INDIAN_SCALES: Final[dict[str, int]] = {
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}
_MAX_NUMBER_WORDS: Final = 24
# Unnamed sources a story may cite in lower case ("..., police said").
_SOURCE_NOUNS: Final = frozenset(
    "police officials authorities analysts economists experts witnesses sources doctors "
    "residents medics rescuers organisers organizers researchers scientists prosecutors "
    "investigators officers activists diplomats traders estimates".split()
)
# Before a year used as a modifier ("their 2004 results", "the 2019 season").
_YEAR_DETERMINERS: Final = frozenset(
    "the its their his her our your my this that these those in of since by from until "
    "during for and to between a an".split()
)
# A claimant never ends on these: a bare article, a copula, a pronoun.
_NOT_A_NAME_END: Final = frozenset(
    "the a an this that these those its their his her be been being is are was were it "
    "he she they we i you".split()
)
_NOT_A_NAME_START: Final = frozenset(
    "as in on at for with by from after before during since of to under over while when if "
    "because although though into".split()
)
# Quantities whose unit a following bare number does not silently take over.
_NO_ELLIPSIS: Final = frozenset(
    "count number percent points rate time score multiplier age duration".split()
)
_DURATIONS: Final = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_ORDINAL_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})
_AMPM: Final[dict[str, int]] = {"a.m.": 0, "am": 0, "p.m.": 12, "pm": 12}
_ZONES: Final = frozenset(
    "GMT UTC BST EDT EST CET CEST PDT PST ET PT CT MT CST CDT MST MDT IST JST AEST AEDT Z".split()
)
_STAMP_WORDS: Final = frozenset({"updated", "published", "posted", "modified", "edited"})
_STREETS: Final = frozenset(
    "St Street Rd Road Ave Avenue Way Lane Ln Drive Dr Blvd Boulevard Place Pl Court Ct Terrace "
    "Crescent Close Square Highway Hwy Parkway Pkwy".split()
)
_ERAS: Final = frozenset({"AD", "BC", "A.D.", "B.C.", "BCE", "CE", "B.C.E."})
# Words that end a counted noun phrase: function words, auxiliaries, frequent verbs.
_STOP: Final = frozenset(
    """
    a an the this that these those its it their his her our your my them they he she we you i
    of in on at by for from to with without into onto over under about around after before
    during since until than as per via against among between through across within along
    and or but nor so yet if while when where which who whom whose what why how whether
    is are was were be been being am has have had having do does did will would shall should
    can could may might must not no
    said says say told tells according added reported including include includes
    more less most least only just also still even already about almost nearly some each
    every all both any such same up down out off
    there here then now today yesterday tomorrow ago later earlier last next
    last-year year-on-year respectively apiece annually daily weekly monthly yearly
    """.split()
)
# Words a sentence may open with before a figure ("Some 500 ...", "Only 12 ..."); any other
# capitalised word right before a number names it ("Halo 2 sold well").
_FUNCTION_WORDS: Final = frozenset(
    {*_STOP, *(w for key in U.QUALIFIERS for w in key), *U.CHANGE_WORDS}
    | set("only just all another roughly almost around about nearly some over under".split())
)
_OF_DETERMINERS: Final = frozenset(
    "the its their his her our your my these those them which whom".split()
)
# Nouns whose plural does not end in -s, after which a noun phrase ends as after a plural.
_IRREGULAR_PLURALS: Final = frozenset(
    "people children men women police staff personnel cattle data media feet teeth mice "
    "geese troops".split()
)
# Verbs that make their subject the source of what follows; a verb followed by "to"
# ("reported to have resigned") raises, it does not report.
# Speech verbs. Each branch opens with a letter and then checks that no word character
# comes before it (what a leading \b would say): the regex engine scans quickly for the
# branches' first letters, while a leading \b is tried at every character.
_SPEECH_WORDS: Final = (
    "says|said|say|told|tells|estimates|estimated|reported|claims|claimed|"
    r"announced|stated|added(?!\s+(?:by\s+)?[\d$£€¥])|warned|believes|believed|predicts|"
    "predicted|forecasts|expects|expected|wrote|writes|posted|noted|insisted|confirmed|"
    "revealed|showed|shows|found|finds|calculated|calculates"
).split("|")
_SPEECH: Final = re.compile(
    "(?:"
    + "|".join(
        rf"{first}(?<!\w.)(?:{'|'.join(w[1:] for w in _SPEECH_WORDS if w[0] == first)})"
        for first in dict.fromkeys(w[0] for w in _SPEECH_WORDS)
    )
    + r")\b(?!\s+to\b)"
)
_ACCORDING: Final = re.compile(r"[Aa](?<!\w.)ccording\s+to\s+")
_ACCORDING_END: Final = re.compile(r"[,.;:!?(]|\s(?:which|who|that|on|in|for|as)\s")
_CLAUSE_SEPARATOR: Final = re.compile(r"[,;:]\s|\b(?:but|while|as|that|after|when|because|if)\s")
_NP_SAID_AT_END: Final = re.compile(
    r",\s*(?P<np>[^,;:\"“”]{2,60}?)\s+(?:said|says|told\s+\w+|added|estimated|reported)\s*\.?\s*$"
)
_SAID_NP_AT_END: Final = re.compile(r",\s*(?:said|says|added)\s+(?P<np>[^,;:\"“”.]{2,60})\.?\s*$")
_SAID_BEFORE_QUOTE: Final = re.compile(
    r"(?P<np>[A-Z][^.!?\"“”;]{0,60}?)\s+(?:said|says|told|added|wrote)\s*[,:]?\s*$"
)
_STAMP_GAP: Final = re.compile(r"[\s,|at\-–]*")
_BETWEEN: Final = re.compile(r"\bbetween\b")
_FROM: Final = re.compile(r"\bfrom\b")
_WRITTEN_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")
_COUNT_RATE: Final = re.compile(
    r"\b(?:every|each|a|per)\s+(day|week|month|year)\b|\b(daily|weekly|monthly|annually|yearly)\b"
)
_CLAUSE_END: Final = re.compile(r"[,;:.!?()]")
_OPEN_CONVERSION: Final = re.compile(r"\(\s*(?:or|about|around|approx\.?|roughly|some|~)?\s*$")
_CONVERSION_GAP: Final = re.compile(r"[\s\w.'’-]*\(\s*[\w.~]*\s*")
_AUX_TAIL: Final = re.compile(
    r"(?:\s+(?:has|have|had|also|had\s+also|has\s+also|earlier|previously|now|on\s+\w+day|"
    r"recently|last\s+week|would|will|could|may|might|\w+ly))+$"
)
_LEAD: Final = re.compile(
    r"^(?:(?:but|and|however|meanwhile|also|still|now|yet|so|on\s+\w+day|earlier|separately)"
    r"[\s,]+)+",
    re.IGNORECASE,
)
_PRONOUNS: Final = frozenset("he she they it we i you this that there who which".split())
_ATTRIBUTION_AFTER: Final = re.compile(
    r"[,\s]*[\"”’']?\s*(?:,\s*)?(?P<np>[^.!?;\n]{1,80}?)\s+(?:said|says|told|added|wrote|"
    r"insisted|warned|explained|noted|stated|claimed|estimated)\b"
)
_SAID_NP_AFTER: Final = re.compile(
    r"[,\s]*[\"”’']?\s*,?\s*(?:said|says|added|wrote)\s+(?P<np>[^.!?\"“”;,]{1,60})"
)
_QUOTE_CLOSE: Final = frozenset('"”')
# A text writes numbers the European way if it has "1.234.567" or "3,5 €" / "3,5%". Each
# form is its own pattern opening with its separator: a pattern that opens with one literal
# character is scanned for far faster than one opening with \d.
_EUROPEAN: Final = (
    re.compile(r"\.(?<=\d\.)\d{3}\.\d{3}(?!\d)"),
    re.compile(r",(?<=\d,)\d{1,2}(?![\d,])\s*(?:€|%|euros?\b)"),
)


@attrs.define
class _Cand:
    """A figure under construction (mutable while its context is read)."""

    start: int
    end: int
    first: int  # first token index of the figure proper
    last: int  # last token index (inclusive)
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    counted: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    claimant: str | None = None
    conversion_of: int | None = None
    kind: str = "digits"  # digits words vague fraction time score
    scaled: bool = False
    currency: str | None = None
    quantity: str | None = None
    more: bool = False  # "hundreds more": same unit as the figure before


class _Sentence:
    """The tokens of one sentence and the figures read from them."""

    __slots__ = ("end", "first_word", "reach", "start", "starts", "text", "toks", "verbs")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        start_any = _START_ANY
        toks: list[Token] = []
        append = toks.append
        # the tokens a figure can start at: numbers and the words in _START_ANY
        starts: list[int] = []
        pos = start
        for run in _TOKEN.findall(text, start, end):
            word = run.lstrip()
            pos += len(run)
            first = word[0]
            if first.isalpha() or (first.isalnum() and not first.isdecimal()):
                kind = "abbr" if "." in word else "word"
                if word in start_any:
                    starts.append(len(toks))
            elif first.isdecimal():
                kind = "num"
                starts.append(len(toks))
            else:
                kind = "sym"
                if word in start_any:
                    starts.append(len(toks))
            append((kind, pos - len(word), pos, word, word.lower()))
        self.toks = toks
        self.starts = starts
        # the first token that is not punctuation: where the sentence's first word is
        self.first_word = next((k for k, t in enumerate(toks) if t[0] != "sym"), len(toks))
        # how far a claimant's speech verb is looked for (see speech_verbs), and those found
        self.reach = end
        self.verbs: list[tuple[int, int]] | None = None

    def speech_verbs(self) -> list[tuple[int, int]]:
        """The speech verbs from the sentence's start to its reach, read once for all its
        figures. Each is a whole word and its look-arounds read no further than the
        figure after it, so the verbs before a figure are those a search up to the
        figure would find."""
        if self.verbs is None:
            self.verbs = [m.span() for m in _SPEECH.finditer(self.text, self.start, self.reach)]
        return self.verbs


def _spaced(text: str, a: Token, b: Token) -> bool:
    """``b`` follows ``a`` directly or after one run of blanks (no line break)."""
    if a[2] == b[1]:
        return True
    gap = text[a[2] : b[1]]
    return len(gap) <= 2 and gap.isspace() and "\n" not in gap


# Phone numbers and multi-part ids: "+44 20 7946 0000", "(555) 123-4567", "555-123-4567",
# "020 7946 0000", "978-3-16-148410-0". Every piece is bounded, so a scan is linear; the
# pattern opens with a character class (fast to scan for) and each branch then checks
# which character it opened with. The class names ASCII digits and non-ASCII characters
# rather than \d: a plain range is much quicker to scan for than a mix with a category, and
# a non-ASCII character that is not a digit fails every branch's check.
_PHONE_OR_ID: Final = re.compile(
    r"[+(0-9\x80-\U0010FFFF](?:"
    r"(?<=\+)\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,5}"
    r"|(?<=\()\d{2,5}\)[ .-]?\d{3,4}[ .-]?\d{3,4}"
    r"|(?<=\d)\d{2}[.-]\d{3}[.-]\d{4}"
    r"|(?<=0)\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}"
    r"|(?<=\d)\d{0,5}(?:-\d{1,6}){3,6}"
    r")(?![\w-])"
)


def _phones_and_ids(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _PHONE_OR_ID.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
            continue  # inside a longer token
        out.append(m.span())
    return out


class _Reader:
    """Reads the figures of one article."""

    def __init__(self, text: str, dates: Sequence[tuple[int, int]]) -> None:
        self.text = text
        # Phone numbers and ids are skipped just as dates are.
        self.dates = sorted([*dates, *_phones_and_ids(text)])
        self.date_starts = [s for s, _ in self.dates]
        # the furthest end of the spans up to each one, for a plain overlap test
        self.date_reach = list(itertools.accumulate([e for _, e in self.dates], max))
        # whether any span overlaps the sentence being read: when none does, nothing in it
        # is in a date, and in_date need not be asked
        self.dated = True
        self.european = any(form.search(text) for form in _EUROPEAN)

    # -- helpers ---------------------------------------------------------------------------

    def in_date(self, start: int, end: int) -> bool:
        dates = self.dates
        # the last date starting at or before ``start``, then the one after it
        i = bisect.bisect_right(self.date_starts, start) - 1
        if i >= 0:
            ds, de = dates[i]
            if ds < end and start < de:
                return True
        if i + 1 < len(dates):
            ds, de = dates[i + 1]
            return ds < end and start < de
        return False

    def overlaps_date(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``start``-``end`` (so in_date of a part may hold)."""
        i = bisect.bisect_left(self.date_starts, end)
        return i > 0 and self.date_reach[i - 1] > start

    def near_date(self, start: int, end: int) -> bool:
        """A date within a few characters before or after (a time stamp)."""
        i = bisect.bisect_right(self.date_starts, end + 12) - 1
        for j in (i - 1, i):
            if 0 <= j < len(self.dates):
                ds, de = self.dates[j]
                gap = self.text[de:start] if de <= start else self.text[end:ds]
                if (de <= start or end <= ds) and len(gap) <= 8 and _STAMP_GAP.fullmatch(gap):
                    return True
        return False

    # -- the sentence walk -----------------------------------------------------------------

    def sentence(self, sent: _Sentence) -> list[_Cand]:
        toks = sent.toks
        out: list[_Cand] = []
        n = len(toks)
        self.dated = self.overlaps_date(sent.start, sent.end)
        i = 0  # the first token not yet read into a figure
        # the walk visits only the tokens a figure can start at
        for k in sent.starts:
            if k < i:
                continue
            tok = toks[k]
            if tok[0] != "num":
                # "a"/"an" starts a figure only before a scale or a fraction ("a dozen",
                # "a third"), a currency prefix only before digits or a "$".
                if k + 1 >= n:
                    break
                after = toks[k + 1]
                if tok[4] in ("a", "an"):
                    hopeful = after[4] in _AFTER_A or after[3] == "$"
                elif tok[3] in _PREFIX_WORDS:
                    hopeful = after[0] == "num" or after[3] in ("$", ".", "=")
                else:
                    hopeful = True
                if not hopeful:
                    continue
            cand = self.figure_at(sent, k)
            if cand is None:
                continue
            out.append(cand)
            i = cand.last + 1
        self.after_sentence(sent, out)
        return out

    def figure_at(self, sent: _Sentence, i: int) -> _Cand | None:
        toks = sent.toks
        tok = toks[i]
        if self.dated and self.in_date(tok[1], tok[2]):
            return None
        first = self.number(sent, i)
        if first is None:
            return None
        self.unit(sent, first)
        k = first.last + 1
        second = (
            self.range_tail(sent, first)
            if k < len(sent.toks) and sent.toks[k][4] in _RANGE_CONNECTORS
            else None
        )
        if second is not None:
            first = second
        if first.kind == "fraction" and first.unit is None:
            first.unit = "percent"
            # "a third of the population": a share names what it is a share of
            k = first.last + 1
            toks = sent.toks
            if k + 2 < len(toks) and toks[k][4] == "of" and toks[k + 1][4] in ("a", "an"):
                unit = U.UNITS.get((toks[k + 2][4],))
                if unit is not None:  # "a quarter of a point", "half a mile" is read as words
                    first.unit = unit
                    first.end, first.last = toks[k + 2][2], k + 2
                    return first
            if k + 1 < len(toks) and toks[k][4] == "of":
                j = k + 1
                if toks[j][4] in _OF_DETERMINERS:
                    j += 1
                words = self.noun_phrase(sent, j) if j < len(toks) else []
                if words:
                    first.counted = self.normalised(words)
        self.rate(sent, first)
        if self.excluded(sent, first):
            # consume the tokens anyway so a rejected "2019" does not leave "19" behind
            return None
        self.qualify(sent, first)
        if first.unit is None and first.kind not in ("time", "score"):
            self.count(sent, first)
            if first.unit is None and first.kind in ("words", "part") and not first.more:
                return None
        return first

    # -- 1. the number ---------------------------------------------------------------------

    def number(self, sent: _Sentence, i: int) -> _Cand | None:
        toks = sent.toks
        n = len(toks)
        tok = toks[i]
        currency: str | None = None
        j = i
        # Currency before the number: "$", "US$", "$US", "£", "PS", "RM", "USD ", "Y=".
        if tok[0] in ("sym", "word", "abbr"):
            found = self.currency_prefix(sent, i)
            if found is None:
                if tok[0] != "word":
                    return None
            else:
                currency, j = found
        if j >= n:
            return None
        t = toks[j]
        if t[0] == "num":
            return self.digits(sent, i, j, currency)
        if currency is not None:
            return None
        if t[0] != "word":
            return None
        return self.words(sent, j)

    def currency_prefix(self, sent: _Sentence, i: int) -> tuple[str, int] | None:
        toks = sent.toks
        text = self.text
        n = len(toks)
        # Try the longest prefix first: up to three tokens, glued or with one space.
        for width in (3, 2, 1):
            if i + width >= n:
                continue
            nxt = toks[i + width]
            if nxt[0] != "num":
                continue
            parts = toks[i : i + width]
            surface = ""
            ok = True
            for a, b in zip(parts, [*parts[1:], nxt], strict=True):
                gap = text[a[2] : b[1]]
                if gap not in ("", " "):
                    ok = False
                    break
                if b is not nxt:
                    surface += a[3] + gap
                else:
                    surface += a[3]
            if not ok:
                continue
            code = U.CURRENCY_PREFIXES.get(surface)
            if code is None and width == 1 and surface in U.CURRENCY_CODES:
                code = surface
            if code is None:
                continue
            # Letter prefixes that are also words (R, PS, RM) must be glued to the digits;
            # "Rs" is only ever rupees.
            if (
                surface.isalpha()
                and surface not in U.CURRENCY_CODES
                and surface != "Rs"
                and text[parts[-1][2] : nxt[1]]
            ):
                continue
            if (
                surface.isalpha()
                and i > 0
                and toks[i - 1][2] == toks[i][1]
                and toks[i - 1][0] == "word"
            ):
                continue
            if surface.isalpha() and surface not in U.CURRENCY_CODES and surface != "Rs":
                # "Epson R800", "on PS2": a letter prefix is money only with a price-like number
                before = toks[i - 1] if i > 0 else None
                if before is not None and before[0] == "word" and before[3][:1].isupper() and i > 1:
                    continue
                digits = nxt[3]
                after = toks[i + width + 1] if i + width + 1 < n else None
                glued_scale = (
                    after is not None and nxt[2] == after[1] and after[4] in SCALE_ABBREVIATIONS
                )
                if not ("," in digits or "." in digits or len(digits) >= 3 or glued_scale):
                    continue
                if (
                    after is not None
                    and nxt[2] == after[1]
                    and after[0] == "word"
                    and not glued_scale
                ):
                    continue
            return code, i + width
        return None

    def digits(self, sent: _Sentence, start_i: int, j: int, currency: str | None) -> _Cand | None:
        toks = sent.toks
        text = self.text
        n = len(toks)
        tok = toks[j]
        raw = tok[3]
        cand = _Cand(start=toks[start_i][1], end=tok[2], first=start_i, last=j, currency=currency)
        if ":" in raw:
            return self.clock(sent, cand, j, raw)
        value = parse_digits(raw, european=self.european)
        if value is None:
            return None
        nxt = toks[j + 1] if j + 1 < n else None
        # Ordinals ("22nd") and things glued to letters ("5G", "S23") are not figures.
        if nxt is not None and tok[2] == nxt[1] and nxt[0] == "word":
            low = nxt[4]
            if low in _ORDINAL_SUFFIX:
                return None
        if start_i == j and j > 0:
            prev = toks[j - 1]
            if (
                prev[2] == tok[1]
                and prev[0] in ("word", "abbr")
                and prev[4] not in ("sub", "minus")
            ):
                return None
            if prev[2] == tok[1] and prev[3] in ("/", "#", "@", "_", "="):
                return None
            if prev[3] == "." and prev[2] == tok[1] and j > 1 and toks[j - 2][2] == prev[1]:
                return None  # "v2.3", "No.5"
        # Clock time written with a point or plainly: "1.56pm", "8 a.m.", "0500 GMT".
        if nxt is not None and _spaced(text, tok, nxt) and nxt[4] in _AMPM and currency is None:
            return self.clock(sent, cand, j, raw.replace(".", ":") if "." in raw else raw)
        if (
            nxt is not None
            and currency is None
            and len(raw) == 4
            and raw.isdigit()
            and raw[0] in "012"
            and nxt[3] in _ZONES
            and _spaced(text, tok, nxt)
        ):
            hours, minutes = int(raw[:2]), int(raw[2:])
            if hours < 24 and minutes < 60:
                cand.value = Decimal(hours) + Decimal(minutes) / 60
                cand.unit = "time_of_day"
                cand.kind = "time"
                cand.end = nxt[2]
                cand.last = j + 1
                return cand
        # A fraction in digits: "1/2 pound".
        if (
            nxt is not None
            and nxt[3] == "/"
            and tok[2] == nxt[1]
            and j + 2 < n
            and toks[j + 2][0] == "num"
            and nxt[2] == toks[j + 2][1]
            and raw.isdigit()
            and toks[j + 2][3].isdigit()
        ):
            num, den = int(raw), int(toks[j + 2][3])
            if 0 < num < den and den in _DENOMINATORS and not (j + 3 < n and toks[j + 3][3] == "/"):
                cand.value = Decimal(num) / Decimal(den)
                cand.kind = "fraction"
                cand.end = toks[j + 2][2]
                cand.last = j + 2
                return cand
            return None
        cand.value = value
        cand.kind = "digits"
        # "2½ miles"
        if nxt is not None and nxt[3] in _VULGAR and tok[2] == nxt[1]:
            cand.value = value + _VULGAR[nxt[3]]
            cand.end, cand.last = nxt[2], j + 1
            return cand
        # "one in five", "1 in 4" (the calls are skipped where they would find nothing)
        if nxt is not None and nxt[4] == "in":
            ratio = self.ratio(sent, cand, j)
            if ratio is not None:
                return ratio
        if nxt is not None and nxt[0] == "word":
            self.scale(sent, cand)
        # A currency symbol written after: "1,200€".
        k = cand.last + 1
        if (
            currency is None
            and k < n
            and toks[k][3] in U.CURRENCY_SUFFIX_SYMBOLS
            and toks[k - 1][2] == toks[k][1]
        ):
            cand.currency = U.CURRENCY_SUFFIX_SYMBOLS[toks[k][3]]
            cand.end = toks[k][2]
            cand.last = k
        return cand

    def clock(self, sent: _Sentence, cand: _Cand, j: int, raw: str) -> _Cand | None:
        toks = sent.toks
        text = self.text
        parts = raw.split(":")
        if len(parts) > 3 or not all(p.isdigit() for p in parts):
            return None
        hours = int(parts[0])
        minutes = int(parts[1]) if len(parts) > 1 else 0
        if len(parts) > 1 and (len(parts[1]) != 2 or minutes >= 60):
            return None
        k = j + 1
        if k < len(toks) and _spaced(text, toks[j], toks[k]) and toks[k][4] in _AMPM:
            if not 1 <= hours <= 12:
                return None
            shift = _AMPM[toks[k][4]]
            hours = (hours % 12) + shift
            cand.end = toks[k][2]
            cand.last = k
        elif len(parts) == 1 or hours > 24:
            return None
        if cand.currency is not None:
            return None
        cand.value = Decimal(hours) + Decimal(minutes) / 60
        cand.unit = "time_of_day"
        cand.kind = "time"
        return cand

    def ratio(self, sent: _Sentence, cand: _Cand, j: int) -> _Cand | None:
        """``one in five``: a share, written as the fraction itself with unit percent."""
        toks = sent.toks
        if cand.value is None or j + 2 >= len(toks) or toks[j + 1][4] != "in":
            return None
        den_tok = toks[j + 2]
        den = self.small_number(den_tok)
        if den is None or not (0 < cand.value < den) or cand.currency is not None:
            return None
        if j + 3 < len(toks) and (toks[j + 3][0] == "num" or toks[j + 3][4] in SCALES):
            return None
        if j + 3 < len(toks) and U.UNITS.get((toks[j + 3][4],)) in _DURATIONS:
            return None  # "number one in three weeks": a duration, not a share
        cand.value = cand.value / den
        cand.kind = "fraction"
        cand.unit = "percent"
        cand.end = den_tok[2]
        cand.last = j + 2
        return cand

    @staticmethod
    def small_number(tok: Token) -> Decimal | None:
        if tok[0] == "num" and tok[3].isdigit() and len(tok[3]) <= 4:
            return Decimal(tok[3])
        low = tok[4]
        if low in SMALL:
            return Decimal(SMALL[low])
        if low in TENS:
            return Decimal(TENS[low])
        return None

    def scale(self, sent: _Sentence, cand: _Cand) -> None:
        """``$40 billion``, ``$1.13bn``, ``£600m``, ``12.3m tonnes``."""
        toks = sent.toks
        k = cand.last + 1
        if k >= len(toks) or cand.value is None:
            return
        t = toks[k]
        low = t[4]
        if t[0] != "word" or not _spaced(self.text, toks[k - 1], t):
            return
        if (low in SCALES and low != "hundred") or (low == "hundred" and cand.kind == "digits"):
            factor = SCALES[low]
        elif low in _INDIAN_SCALES:
            factor = _INDIAN_SCALES[low]
        elif low in SCALE_ABBREVIATIONS:
            glued = toks[k - 1][2] == t[1]
            if low in ("m", "b", "k"):
                if not glued or (t[3] in ("M", "B") and cand.currency is None):
                    return
                after = toks[k + 1] if k + 1 < len(toks) else None
                # Without a currency, "40m people" is forty million but "the 1500m final"
                # is a distance: the scale needs a plural noun (or a bulk unit) after it,
                # and a round race distance stays in metres.
                nounish = (
                    (
                        after is not None
                        and after[0] == "word"
                        and after[3][:1].islower()
                        and after[4] not in _STOP
                        and after[4] not in _NUMBER_WORDS
                        and (after[4],) not in U.UNITS
                        and (_plural(after[4]) or "." in toks[k - 1][3] or low != "m")
                        and not (low == "m" and cand.value in _RACE_DISTANCES)
                    )
                    or (after is not None and self.currency_words(sent, k + 1)[0] is not None)
                    or (
                        after is not None
                        and (
                            after[0] == "word"
                            and (after[4],) in U.UNITS
                            and U.UNITS[(after[4],)]
                            in ("t", "ton", "barrel", "lb", "kg", "gal", "L")
                        )
                    )
                )
                if cand.currency is None and not nounish:
                    return
            elif not glued and low in ("tr", "mil"):
                return
            factor = SCALE_ABBREVIATIONS[low]
        else:
            return
        cand.value = cand.value * factor
        cand.scaled = True
        cand.end = t[2]
        cand.last = k

    def words(self, sent: _Sentence, i: int) -> _Cand | None:
        toks = sent.toks
        n = len(toks)
        tok = toks[i]
        low = tok[4]
        # Vague plurals: "dozens", "hundreds", "tens of thousands", "hundreds of millions".
        if low in VAGUE or (
            low == "tens" and i + 2 < n and toks[i + 1][4] == "of" and toks[i + 2][4] in VAGUE
        ):
            return self.vague(sent, i)
        if low.endswith("fold") and low[:-4] in {**SMALL, **TENS}:
            base = SMALL.get(low[:-4]) or TENS.get(low[:-4])
            return _Cand(
                start=tok[1],
                end=tok[2],
                first=i,
                last=i,
                value=Decimal(base or 0),
                unit="times",
                kind="words",
            )
        if low == "half":
            return self.half(sent, i)
        if low in ("a", "an", "one") and i + 1 < n and toks[i + 1][4] in FRACTIONS:
            # "a third of", "a quarter of", "one-third"
            frac = toks[i + 1]
            den = FRACTIONS[frac[4]]
            if low in ("a", "an") and not (i + 2 < n and toks[i + 2][4] == "of"):
                return None
            if low in ("a", "an") and den == 2:
                return None
            return _Cand(
                start=tok[1],
                end=frac[2],
                first=i,
                last=i + 1,
                value=Decimal(1) / den,
                kind="fraction",
            )
        if low not in _NUMBER_WORDS and low not in ("a", "an"):
            return None
        if low == "one" and i > 0 and toks[i - 1][4] in _NOT_ONE_BEFORE:
            return None  # "no one", "the one", "this one": a pronoun
        if low in ("a", "an") and not (i + 1 < n and toks[i + 1][4] in (*SCALES, "dozen")):
            return None
        # The longest run of number words, joined by spaces, hyphens or "and".
        run: list[int] = [i]
        k = i + 1
        # A spelled number is a handful of words; the cap keeps a hostile run of number
        # words from being re-parsed at every length.
        while k < n and len(run) < _MAX_NUMBER_WORDS:
            t = toks[k]
            lw = t[4]
            if not _spaced(self.text, toks[k - 1], t):
                break
            if lw in _NUMBER_WORDS or lw == "and" or lw == "a" or lw == "half":
                run.append(k)
                k += 1
                continue
            if (
                t[3] == "-"
                and toks[k - 1][2] == t[1]
                and k + 1 < n
                and t[2] == toks[k + 1][1]
                and toks[k + 1][4] in _NUMBER_WORDS
            ):
                k += 1
                continue
            break
        all_words = [toks[x][4] for x in run]
        value = None
        while run:
            if all_words[len(run) - 1] not in ("and", "a"):
                value = _words_value(tuple(all_words[: len(run)]))
                if value is not None:
                    break
            run.pop()
        if not run or value is None:
            return None
        last = run[-1]
        cand = _Cand(start=tok[1], end=toks[last][2], first=i, last=last, value=value, kind="words")
        # A fraction with a spelled numerator: "two-thirds", "three quarters".
        k = last + 1
        if k < n and toks[k][3] == "-" and k + 1 < n and toks[k][2] == toks[k + 1][1]:
            k += 1
        if (
            k < n
            and toks[k][4] in FRACTIONS
            and _spaced(self.text, toks[k - 1], toks[k])
            and value < 20
        ):
            den = FRACTIONS[toks[k][4]]
            plural = toks[k][4].endswith("s")
            if (value == 1) != plural and value > 0:
                cand.value = value / den
                cand.kind = "fraction"
                cand.end = toks[k][2]
                cand.last = k
                return cand
        if last + 1 < n and toks[last + 1][4] == "in":
            ratio = self.ratio(sent, cand, last)
            if ratio is not None:
                return ratio
        # "half a million": the half comes first; "two million" has its scale in the words.
        return cand

    def half(self, sent: _Sentence, i: int) -> _Cand | None:
        toks = sent.toks
        n = len(toks)
        tok = toks[i]
        prev = toks[i - 1][4] if i > 0 else ""
        if prev in ("the", "first", "second", "a", "and", "one", "-", "second-", "by"):
            return None
        if i + 2 < n and toks[i + 1][4] in ("a", "an") and toks[i + 2][4] in (*SCALES, "dozen"):
            scale = 12 if toks[i + 2][4] == "dozen" else SCALES[toks[i + 2][4]]
            return _Cand(
                start=tok[1],
                end=toks[i + 2][2],
                first=i,
                last=i + 2,
                value=Decimal(scale) / 2,
                kind="words",
            )
        if i + 1 < n and toks[i + 1][4] in (
            "of",
            "the",
            "its",
            "their",
            "his",
            "her",
            "our",
            "all",
        ):
            return _Cand(
                start=tok[1], end=tok[2], first=i, last=i, value=Decimal("0.5"), kind="fraction"
            )
        return None

    def vague(self, sent: _Sentence, i: int) -> _Cand | None:
        toks = sent.toks
        n = len(toks)
        low = toks[i][4]
        prev = toks[i - 1][4] if i > 0 else ""
        if low == "scores" and not (i + 1 < n and toks[i + 1][4] == "of"):
            return None  # "scores of people", but "the scores were level"
        if prev in ("the", "in", "by") and low != "tens":
            return None  # "in the thousands", "by the hundreds": a level, not a count
        k = i
        if low == "tens":
            base = 10
            k = i + 2
        else:
            base = 1
        base *= VAGUE[toks[k][4]]
        # "hundreds of thousands", "tens of millions of dollars"
        while (
            k + 2 < n
            and toks[k + 1][4] == "of"
            and toks[k + 2][4] in VAGUE
            and VAGUE[toks[k + 2][4]] >= 1000
        ):
            base *= VAGUE[toks[k + 2][4]]
            k += 2
        return _Cand(
            start=toks[i][1], end=toks[k][2], first=i, last=k, low=Decimal(base),
            high=Decimal(base) * 10, kind="vague", qualifier="vague", approximate=True,
        )  # fmt: skip

    # -- 2. the unit -----------------------------------------------------------------------

    def unit(self, sent: _Sentence, cand: _Cand) -> None:
        if cand.unit is not None:
            if cand.currency is not None and cand.unit != "time_of_day":
                cand.unit = cand.currency
            return
        toks = sent.toks
        n = len(toks)
        text = self.text
        k = cand.last + 1
        if cand.currency is not None:
            cand.unit = cand.currency
            # "$76 US", "$75 U.S." restate the currency; keep them outside the span.
            return
        if k >= n:
            return
        t = toks[k]
        if not _spaced(text, toks[k - 1], t):
            return
        hyphen = False
        if t[3] == "-" and toks[k - 1][2] == t[1] and k + 1 < n and t[2] == toks[k + 1][1]:
            hyphen = True
            k += 1
            t = toks[k]
        if t[3] == "%" or t[3] == "％":
            cand.unit = "percent"
            cand.end, cand.last = t[2], k
            return
        # Vague plurals and scales take their money in an "of" phrase: "tens of millions of dollars".
        if (cand.kind == "vague" or cand.scaled) and t[4] == "of" and k + 1 < n:
            code, width = self.currency_words(sent, k + 1)
            if code is not None:
                cand.unit = code
                return
        # (no currency name starts with a word outside _CURRENCY_FIRST)
        code, width = self.currency_words(sent, k) if t[4] in _CURRENCY_FIRST else (None, 0)
        if code is not None and not (code == "KRW" and not cand.scaled):
            cand.unit = code
            cand.end, cand.last = toks[k + width - 1][2], k + width - 1
            return
        # Measurement units, longest first (up to four tokens).
        best: tuple[str, int] | None = None
        if t[4] not in U.UNIT_FIRST and t[3] not in U.CASED_UNITS:
            return
        # no unit is longer than the longest one starting with this word
        for width in range(min(U.UNIT_WIDTH.get(t[4], 1), n - k), 0, -1):
            if width == 1:
                unit = U.UNITS.get((t[4],))
            else:
                parts = toks[k : k + width]
                if any(not _spaced(text, a, b) for a, b in itertools.pairwise(parts)):
                    continue
                unit = U.UNITS.get(tuple([p[4] for p in parts]))
            if unit is None and width == 1:
                glued = toks[k - 1][2] == t[1]
                cased = U.CASED_UNITS.get(t[3])
                if cased is not None and (glued or hyphen or t[3] in ("C", "F", "V")):
                    # a one-letter symbol needs no letter straight after it
                    unit = cased
            if unit is not None:
                best = (unit, width)
                break
        if best is None:
            return
        unit, width = best
        end_k = k + width - 1
        if (
            unit in ("year", "month")
            and end_k + 2 < n
            and toks[end_k + 1][3] == "-"
            and toks[end_k + 2][4] == "old"
        ):
            unit = "year_of_age" if unit == "year" else "month_of_age"
            end_k += 2
        if unit == "lb" and (cand.scaled or (end_k + 1 < n and toks[end_k + 1][4] == "sterling")):
            unit = "GBP"
        if unit == "times" and cand.kind == "fraction":
            return
        cand.unit = unit
        cand.end, cand.last = toks[end_k][2], end_k

    def currency_words(self, sent: _Sentence, k: int) -> tuple[str | None, int]:
        toks = sent.toks
        if k >= len(toks) or toks[k][4] not in _CURRENCY_FIRST:
            return None, 0
        for width in (3, 2, 1):
            if k + width > len(toks):
                continue
            key = tuple([p[4] for p in toks[k : k + width]])
            code = U.CURRENCY_WORDS.get(key)
            if code is not None:
                if (
                    width == 1
                    and key[0].upper() in U.CURRENCY_CODES
                    and toks[k][3] != key[0].upper()
                ):
                    continue  # "eur" in lower case is not the code
                return code, width
        return None, 0

    def rate(self, sent: _Sentence, cand: _Cand) -> None:
        """``$14.95 a month``, ``800,000 barrels a day``, ``63 cents per share``."""
        if cand.kind == "time":
            return
        toks = sent.toks
        n = len(toks)
        k = cand.last + 1
        # "$76 US a barrel": skip the restated currency.
        if k < n and toks[k][3] in ("US", "U.S.") and cand.currency is not None:
            k += 1
        if k + 1 >= n:
            return
        t = toks[k]
        low = t[4]
        if low in ("a", "an", "per", "/") and toks[k + 1][0] == "word":
            den_word = toks[k + 1][4]
            den = U.RATE_DENOMINATORS.get(den_word) or U.RATE_DENOMINATORS.get(den_word.rstrip("s"))
            if den is None:
                return
            if k + 2 < n and toks[k + 2][4] in (
                "earlier",
                "ago",
                "before",
                "later",
                "after",
                "on",
                "from",
            ):
                return  # "a year earlier" dates the figure, it is not a rate
            if low in ("a", "an") and den not in (
                "day",
                "week",
                "month",
                "year",
                "hour",
                "barrel",
                "share",
                "night",
                "person",
                "g",
                "kg",
                "lb",
                "gal",
                "L",
                "oz",
                "t",
                "ton",
                "pint",
            ):
                return
            if cand.unit in ("percent",) and den not in ("year", "month", "week", "day"):
                return
            if den == "square" and k + 2 < n:
                nxt = toks[k + 2][4]
                den = {
                    "foot": "ft2",
                    "feet": "ft2",
                    "metre": "m2",
                    "meter": "m2",
                    "mile": "mi2",
                }.get(nxt, "")
                if not den:
                    return
            base = cand.unit or "count"
            if base == "count" and cand.counted is None and cand.kind == "words":
                return
            cand.unit = f"{base}/{den}"
            if cand.currency is None and base not in ("percent",) and cand.kind != "words":
                cand.end, cand.last = toks[k + 1][2], k + 1

    def range_tail(self, sent: _Sentence, first: _Cand) -> _Cand | None:
        """``100-200``, ``1 to 1.5 degrees``, ``between 5 and 10``, ``$3 billion to $5 billion``."""
        if first.kind in ("vague", "time", "fraction") or first.value is None:
            return None
        toks = sent.toks
        n = len(toks)
        k = first.last + 1
        if k + 1 >= n:
            return None
        conn = toks[k]
        word = conn[4]
        if word not in _RANGE_CONNECTORS:
            return None
        before = " ".join(t[4] for t in toks[max(0, first.first - 3) : first.first])
        if (
            word == "-"
            and k + 3 < n
            and toks[k + 1][4] == "to"
            and toks[k + 2][3] == "-"
            and conn[2] == toks[k + 1][1]
            and toks[k + 1][2] == toks[k + 2][1]
        ):
            kind = "to"  # "0-to-60-mph"
            k += 2
        elif word in ("-", "–", "—"):
            kind = "dash"
        elif word == "to":
            kind = "to"
        elif word == "and" and _BETWEEN.search(before):
            kind = "and"
        elif word == "up" and toks[k + 1][4] == "to" and _FROM.search(before) and k + 2 < n:
            kind = "to"  # "from 450 sq ft up to 900 sq ft"
            k += 1
        else:
            return None
        if (
            kind == "dash"
            and first.unit is not None
            and first.unit not in ("percent",)
            and first.currency is None
            and toks[k - 1][2] == conn[1]
        ):
            # "7- or 8-inch", "22-year-old" already consumed; a unit then a dash is not a range
            return None
        second = self.number(sent, k + 1)
        if second is None or second.value is None or second.kind in ("vague", "time"):
            return None
        self.unit(sent, second)
        u1, u2 = first.unit, second.unit
        from_before = _FROM.search(before) is not None
        change_before = any(
            t[4] in U.CHANGE_WORDS for t in toks[max(0, first.first - 2) : first.first]
        )
        if (
            kind == "to"
            and change_before
            and not from_before
            and second.scaled
            and not first.scaled
        ):
            return None  # "fell by 600,000 to 5.9 million": a change, then the new level
        if kind == "dash":
            if first.kind != "digits" or (second.kind != "digits" and second.kind != "words"):
                return None
            if first.currency and second.currency and first.currency != second.currency:
                return None
            if first.value >= second.value:
                if (
                    u1 is None
                    and u2 is None
                    and first.value < 100
                    and second.value < 100
                    and first.value == first.value.to_integral()
                    and second.value == second.value.to_integral()
                ):
                    return self.merge(first, second, None, kind="score")
                return None
            if u1 is not None and u2 is not None and u1 != u2:
                return None
            return self.merge(first, second, u2 or u1)
        unit: str | None
        if u1 is None and u2 is not None:
            unit = u2
        elif u1 == u2:
            unit = u1
            if kind == "to" and change_before and not from_before and u1 is not None:
                return None
        elif u1 is not None and u2 is None and from_before and second.currency is None:
            unit = u1
        elif (
            u1 is not None
            and u2 is not None
            and first.currency
            and second.currency
            and u1.split("/")[0] == u2.split("/")[0]
        ):
            unit = u2
        else:
            return None
        if kind == "to" and first.value > second.value and not from_before:
            return None
        return self.merge(first, second, unit)

    def merge(
        self, first: _Cand, second: _Cand, unit: str | None, kind: str = "range"
    ) -> _Cand | None:
        lo, hi = first.value, second.value
        assert lo is not None and hi is not None
        if second.scaled and not first.scaled and lo < 1000 and second.kind == first.kind:
            written = self.unscaled(second)
            factor = (hi / written) if written else Decimal(1)
            lo = lo * factor
        elif first.kind == second.kind == "words" and lo < hi:
            # "four to five thousand": the scale word at the end is shared
            last_word = self.text[second.start : second.end].split()[-1].lower()
            if last_word in SCALES and lo < SCALES[last_word]:
                lo = lo * SCALES[last_word]
        if lo > hi:
            lo, hi = hi, lo
        return _Cand(
            start=first.start, end=second.end, first=first.first, last=second.last, low=lo,
            high=hi, unit=unit, kind=kind, scaled=first.scaled or second.scaled,
            currency=first.currency or second.currency,
        )  # fmt: skip

    def unscaled(self, cand: _Cand) -> Decimal | None:
        """The number as written before its scale word (``2`` of ``2 million``)."""
        text = self.text[cand.start : cand.end]
        m = _WRITTEN_NUMBER.search(text)
        if m is None:
            return None
        return parse_digits(m.group(), european=self.european)

    # -- what is not a figure --------------------------------------------------------------

    def excluded(self, sent: _Sentence, cand: _Cand) -> bool:
        toks = sent.toks
        text = self.text
        n = len(toks)
        if self.dated and self.in_date(cand.start, cand.end):
            return True
        first = toks[cand.first]
        last = toks[cand.last]
        prev = toks[cand.first - 1] if cand.first > 0 else None
        nxt = toks[cand.last + 1] if cand.last + 1 < n else None
        if (
            cand.kind == "words"
            and first[3][:1].isupper()
            and cand.first > sent.first_word
            and (
                (prev is not None and prev[3][:1].isupper())
                or (
                    nxt is not None
                    and nxt[3][:1].isupper()
                    and nxt[0] == "word"
                    and not any(
                        t[3][:1].islower() and _plural(t[4])
                        for t in toks[cand.last + 1 : cand.last + 4]
                    )
                )
            )
        ):
            return True  # "the Kick Six win", "Ocean's Eleven", "the Six Nations"
        # Street addresses: "49 Zorro Ranch Road", "9 E 71st St".
        if cand.kind == "digits" and cand.unit is None and nxt is not None and nxt[3][:1].isupper():
            for t in toks[cand.last + 1 : cand.last + 6]:
                if t[3] in _STREETS:
                    return True
                if not (t[3][:1].isupper() or t[0] == "num" or t[3] in ("st", "nd", "rd", "th")):
                    break
        if cand.kind == "time":
            if self.near_date(cand.start, cand.end):
                return True
            return bool(
                any(t[4] in _STAMP_WORDS for t in toks[max(0, cand.first - 2) : cand.first])
            )
        if (
            nxt is not None
            and last[2] == nxt[1]
            and nxt[0] in ("word", "num")
            and cand.unit is None
        ):
            return True  # "5G", "3D", "9AB8"
        if (
            nxt is not None
            and last[2] == nxt[1]
            and nxt[3] in ("-",)
            and cand.kind == "digits"
            and cand.unit is None
        ):
            after = toks[cand.last + 2] if cand.last + 2 < n else None
            if after is not None and after[0] == "num" and nxt[2] == after[1]:
                return True  # "555-123-..." left over, "2-0-1"
        if prev is not None and cand.currency is None:
            numbered = prev[3] in ("#", "№") or prev[4] == "number"
            if prev[3] == "." and cand.first > 1 and toks[cand.first - 2][4] in ("no", "nos"):
                numbered = True  # "No. 10"
            if numbered:
                return True
            # "Game 2", "S&P 500", "iPhone 11": a number named by the word before it.
            if (
                prev[0] in ("word", "abbr")
                and text[prev[2] : first[1]] == " "
                and cand.kind in ("digits", "range", "score")
                and cand.unit in (None, "count")
                and not prev[3].islower()  # (a word in lower case has no capital)
                and any(ch.isupper() for ch in prev[3])
                and (cand.first - 1 > sent.first_word or prev[4] not in _FUNCTION_WORDS)
                and prev[4] not in U.CHANGE_WORDS
                and (prev[4],) not in U.QUALIFIERS
                and prev[3] not in U.CURRENCY_CODES
            ):
                return True
            # "Dak Prescott (4)": a shirt number or reference in brackets after a name.
            if (
                prev[3] == "("
                and nxt is not None
                and nxt[3] == ")"
                and cand.unit is None
                and cand.first > 1
                and toks[cand.first - 2][3][:1].isupper()
            ):
                return True
            if (
                prev[3] == "-"
                and prev[2] == first[1]
                and cand.first > 1
                and toks[cand.first - 2][4] in ("last", "top", "round", "first")
            ):
                return True  # "a last-32 appearance"
            if prev[3] == "-" and prev[2] == first[1] and cand.first > 1:
                before = toks[cand.first - 2]
                if before[2] == prev[1] and (before[3][:1].isupper() or before[0] == "num"):
                    return True  # "COVID-19", "TA-125"
        # Phone numbers: digit groups joined by dashes or in brackets, or a leading zero.
        if cand.kind == "digits" and cand.currency is None:
            raw = first[3]
            if len(raw) >= 3 and raw[0] == "0" and raw.isdigit():
                return True
        # Bare years: four plain digits from 1800 to 2199 ("in 2004", "their 2004 earnings"),
        # or any four digits after "since", "in" ... ("since 1497"); a qualifier in front
        # makes them a count again ("more than 2000").
        if cand.kind == "digits" and cand.unit is None and not cand.scaled:
            raw = toks[cand.first][3]
            if (
                raw.isdigit()
                and len(raw) == 4
                and cand.first > 1
                and prev is not None
                and prev[4] in ("and", "or", "to", "-", "–", "until", "through")
                and toks[cand.first - 2][0] == "num"
                and len(toks[cand.first - 2][3]) == 4
                and toks[cand.first - 2][3].isdigit()
            ):
                return True  # the second of two years: "between A.D. 1000 and 1260"
            if raw.isdigit() and len(raw) == 4:
                words_before = tuple(t[4] for t in toks[max(0, cand.first - 2) : cand.first])
                qualified = any(
                    words_before[-w:] in U.QUALIFIERS for w in (1, 2) if len(words_before) >= w
                )
                # "counted 1800 houses" counts; "their 2004 results", "report 2004 earnings"
                # date: from 1900 to 2100 four plain digits are read as a year
                counts = (
                    not 1900 <= int(raw) <= 2100
                    and nxt is not None
                    and nxt[0] == "word"
                    and nxt[3][:1].islower()
                    and _plural(nxt[4])
                    and nxt[4] not in _STOP
                    and (prev is None or prev[4] not in _YEAR_DETERMINERS)
                    and (prev is None or not prev[4].endswith(("'s", "’s")))
                )
                if not (qualified or counts) and (
                    1800 <= int(raw) <= 2199
                    or (int(raw) >= 1000 and prev is not None and prev[4] in _YEAR_PREPOSITIONS)
                ):
                    return True
        if (
            cand.kind == "range"
            and cand.low is not None
            and cand.high is not None
            and cand.unit is None
        ):
            lo_raw = toks[cand.first][3]
            if (
                lo_raw.isdigit()
                and len(lo_raw) == 4
                and 1000 <= cand.low < cand.high <= 2199
                and cand.high - cand.low < 400
            ):
                return True  # "1914-1918", "between 1600 and 1900"
        # "A.D. 1000", "500 BC" (the era may have been taken for a sentence end)
        if cand.unit is not None or cand.currency is not None:
            return False
        if nxt is not None and nxt[3] in _ERAS:
            return True
        window = text[max(0, cand.start - 6) : cand.start]
        if "C" not in window and "D" not in window:
            return False  # every era has one
        before_text = window.split()
        return bool(before_text) and before_text[-1] in _ERAS

    # -- 3. the context --------------------------------------------------------------------

    def qualify(self, sent: _Sentence, cand: _Cand) -> None:
        toks = sent.toks
        i = cand.first
        # "minus 233 Celsius", "-1.4"
        if i > 0 and cand.value is not None and cand.kind == "digits":
            p = toks[i - 1]
            glued_minus = (
                i > 1 and p[3] == "-" and toks[i - 2][4] == "minus" and toks[i - 2][2] == p[1]
            )
            if glued_minus:
                p = toks[i - 2]
                i -= 1
            if p[4] == "minus" or (
                p[3] in ("-", "−")
                and p[2] == toks[i][1]
                and (i == 1 or toks[i - 2][2] != p[1])
            ):
                cand.value = -cand.value
                cand.start = p[1]
                cand.first = toks.index(p)
                i = cand.first
            elif p[3] == "+" and p[2] == toks[i][1]:
                cand.qualifier = "increase"
                return
        best: str | None = None
        if i > 0 and toks[i - 1][4] in _QUALIFIER_LAST:
            for width in (3, 2, 1):
                if i - width < 0:
                    continue
                q = U.QUALIFIERS.get(tuple([t[4] for t in toks[i - width : i]]))
                if q is not None:
                    best = q
                    break
        if best is not None:
            cand.qualifier = best
            cand.approximate = best in ("approx", "nearly")
            return
        if cand.qualifier is not None:
            return
        if (
            i > 1
            and toks[i - 1][3] == "-"
            and toks[i - 2][4] == "sub"
            and toks[i - 1][2] == toks[i][1]
        ):
            cand.qualifier = "less_than"  # "sub-300 sq m offices"
            return
        k = i - 1
        by = k >= 0 and toks[k][4] == "by"
        if by:
            k -= 1
        while k >= 0 and toks[k][4].endswith("ly") and toks[k][4] not in U.CHANGE_WORDS:
            k -= 1  # "rose sharply 5%"
        if k >= 0:
            change = U.CHANGE_WORDS.get(toks[k][4])
            if change is None and by:
                # "grow sales by 35 per cent": the verb may have its object before "by"
                for t in toks[max(0, k - 3) : k]:
                    change = U.CHANGE_WORDS.get(t[4]) or change
            if change is not None and toks[k][3] != "+":
                cand.qualifier = change

    def count(self, sent: _Sentence, cand: _Cand) -> None:
        """The counted noun phrase after a bare number; with it the unit becomes ``count``."""
        toks = sent.toks
        n = len(toks)
        k = cand.last + 1
        if k >= n:
            return
        # "more": "hundreds more wounded" adds to the figure before.
        if toks[k][4] == "more" and (
            k + 1 >= n
            or toks[k + 1][0] != "word"
            or toks[k + 1][4] in _STOP
            or toks[k + 1][4].endswith("ed")
        ):
            cand.more = True
            return
        if (
            toks[k][3] == "-"
            and toks[k - 1][2] == toks[k][1]
            and k + 1 < n
            and toks[k + 1][0] == "word"
        ):
            # "a four-cylinder engine", "a 12-member panel": the number counts the noun it is
            # joined to, not the phrase's head.
            head = toks[k + 1]
            # "one-way", "one-off": a compound adjective, not one of anything; so is a
            # spelled number joined to a noun after an article ("a three-bed flat")
            spelled_after_article = (
                cand.kind == "words"
                and cand.first > 0
                and toks[cand.first - 1][4] in ("a", "an", "the")
            )
            if (
                head[4] not in _STOP
                and head[3][:1].islower()
                and cand.value != 1
                and not spelled_after_article
            ):
                cand.counted = _singular(head[3])
                cand.unit = "count"
            return
        # "one of the best speakers", "100-200 of its soldiers", "dozens of ministers"
        one_of = False
        if toks[k][4] == "of" and k + 1 < n:
            det = toks[k + 1][4]
            if cand.value == 1 and (toks[k + 1][0] == "num" or det in _NUMBER_WORDS):
                cand.more = False
                cand.kind = "part"  # "one of two provinces": the total is the figure
                return
            if det in _OF_DETERMINERS or det.endswith(("'s", "’s")):
                one_of = cand.value == 1
                k += 2
            elif cand.kind == "vague" or cand.scaled or cand.value == 1:
                k += 1
            else:
                return
        words = self.noun_phrase(sent, k)
        if not words:
            return
        # "5,700 categories of products": a plural head and a bare "of" phrase count together;
        # "one of the proudest moments in his life": the phrase picks from a restricted set.
        k = toks.index(words[-1], k) + 1
        if (
            k + 1 < n
            and _plural(words[-1][4])
            and toks[k][4] == "of"
            and toks[k + 1][4] not in _STOP
        ):
            more = self.noun_phrase(sent, k + 1)
            if more:
                words += [toks[k], *more]
        elif one_of and k + 2 < n and toks[k][4] == "to":
            # "one of the largest dinosaurs to ever live"
            j = k + 1
            if toks[j][4] in ("ever", "have", "be"):
                j += 1
            if toks[j][0] == "word" and toks[j][4] not in _STOP:
                words += toks[k : j + 1]
        elif one_of and k + 1 < n and toks[k][4] in ("in", "of", "on"):
            j = k + 1
            if (
                toks[j][4] in _OF_DETERMINERS
                or toks[j][4].endswith(("'s", "’s"))
                or toks[j][4] in ("a", "an")
            ):
                j += 1
            more = self.noun_phrase(sent, j) if j < n else []
            if more:
                words += toks[k:j] + more
        cand.counted = self.normalised(words)
        cand.unit = "count"

    def normalised(self, words: list[Token]) -> str:
        """The counted phrase with its plural nouns made singular (``civilians`` -> ``civilian``).

        The same thing counted in two stories should read the same, as units do; the
        phrase keeps its modifiers and the spacing or hyphens it was written with.
        """
        pieces: list[str] = []
        prev_end: int | None = None
        for w in words:
            if prev_end is not None:
                pieces.append(self.text[prev_end : w[1]])
            pieces.append(_singular(w[3]))
            prev_end = w[2]
        return "".join(pieces)

    def noun_phrase(self, sent: _Sentence, k: int) -> list[Token]:
        toks = sent.toks
        n = len(toks)
        words: list[Token] = []
        while k < n and len(words) < 5:
            t = toks[k]
            if (
                t[0] == "num"
                and words
                and words[-1][3][:1].isupper()
                and k + 1 < n
                and toks[k + 1][3] == "s"
                and t[2] == toks[k + 1][1]
            ):
                words += [t, toks[k + 1]]  # "63,150 Model 3s", "two Boeing 737s"
                break
            if t[0] not in ("word", "abbr"):
                if (
                    t[3] == "-"
                    and words
                    and k + 1 < n
                    and words[-1][2] == t[1]
                    and t[2] == toks[k + 1][1]
                    and toks[k + 1][0] == "word"
                ):
                    k += 1
                    continue
                break
            if words and not _spaced(self.text, toks[k - 1], t) and toks[k - 1][3] != "-":
                break
            low = t[4]
            if (
                low in _STOP
                or low in _PARTICIPLES
                or (low in U.CHANGE_WORDS and words)
                or (words and low in _VERBS_S)
            ):
                break
            if low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS:
                break
            if words and t[3][:1].isupper() and not words[-1][3][:1].isupper():
                prev_low = words[-1][4]
                if prev_low.endswith(("ed", "ing")) or len(words) > 2:
                    break
            words.append(t)
            k += 1
            if _plural(low):
                if not (k + 1 < n and toks[k][4] == "and" and _plural(toks[k + 1][4])):
                    break
                words.append(toks[k])  # "men and women": the "and" is read here
                k += 1
        # A phrase ends on a noun, not on a participle, adverb or conjunction.
        while words and (words[-1][4].endswith(("ing", "ed")) or words[-1][4] == "and"):
            if len(words) == 1 and words[0][4] in _ING_ED_NOUNS:
                break
            words.pop()
        if len(words) > 2 and all(w[3][:1].isupper() for w in words):
            return []
        return words

    def after_sentence(self, sent: _Sentence, figs: list[_Cand]) -> None:
        if not figs:
            return  # every rule below reads or rewrites the sentence's figures
        if len(figs) > 1:
            self.between_figures(sent, figs)
        # "17 people were killed and dozens injured": a vague plural without its noun counts
        # what the count before it counts (and counts something in any case)
        last_count: _Cand | None = None
        for fig in figs:
            if fig.kind == "vague" and fig.unit is None:
                fig.unit = "count"
                if last_count is not None:
                    fig.counted = last_count.counted
            if fig.unit == "count" and fig.counted:
                last_count = fig
        # "22 burglaries, compared with an average of 20 per week": a bare rate counts the
        # same thing as the count before it.
        last_counted: str | None = None
        for fig in figs:
            if fig.unit is not None and fig.unit.startswith("count/") and fig.counted is None:
                fig.counted = last_counted
            if fig.unit is not None and fig.unit.startswith("count") and fig.counted:
                last_counted = fig.counted
        previous: _Cand | None = None
        for fig in figs:
            if fig.more and previous is not None and fig.unit is None:
                fig.unit = previous.unit
                fig.counted = previous.counted
            if (
                fig.unit is None
                and previous is not None
                and previous.unit == "point"
                and fig.kind == "digits"
            ):
                gap = self.text[previous.end : fig.start].strip().lower()
                if gap in ("to", "at", "to end at", ", to", "to close at"):
                    fig.unit = "point"
            previous = fig
        # Counted rates: "100-200 of its soldiers are being killed every day".
        for fig in figs:
            if fig.unit == "count" and fig.kind != "time":
                clause_end = self.clause_end(sent, fig)
                tail = self.text[fig.end : clause_end].lower()
                # (each of _COUNT_RATE's words has one of these in it)
                m = (
                    _COUNT_RATE.search(tail)
                    if "da" in tail
                    or "week" in tail
                    or "month" in tail
                    or "year" in tail
                    or "annually" in tail
                    else None
                )
                if m is not None:
                    den = m.group(1) or U.RATE_ADVERBS[m.group(2)]
                    fig.unit = f"count/{den}"
        # "hundreds more" inherits the rate of the figure it adds to.
        previous = None
        for fig in figs:
            if (
                fig.more
                and previous is not None
                and previous.unit
                and previous.unit.startswith("count")
            ):
                fig.unit = previous.unit
                fig.counted = previous.counted
            previous = fig

    def between_figures(self, sent: _Sentence, figs: list[_Cand]) -> None:
        """The rules that give a figure what a figure beside it has (none apply to one alone)."""
        toks = sent.toks
        n = len(toks)
        for index in range(len(figs) - 1):
            fig, nxt = figs[index], figs[index + 1]
            if fig.unit is not None or fig.kind != "digits" or nxt.unit in (None, "count"):
                continue
            k = fig.last + 1
            # "a 7- or 8-inch screen": the unit is written once, on the second number
            if (
                k + 1 < n
                and toks[k][3] == "-"
                and toks[k - 1][2] == toks[k][1]
                and toks[k + 1][4] in ("or", "and", "to")
            ):
                fig.unit = nxt.unit
        for index in range(1, len(figs)):
            prev_fig, fig = figs[index - 1], figs[index]
            # "a 1.4 degree angle in 2018 and 2.1 last year": a bare number coordinated with
            # a measure takes its unit
            if (
                fig.unit is None
                and fig.kind == "digits"
                and fig.first > 0
                and toks[fig.first - 1][4] in ("and", "or")
                and prev_fig.unit is not None
                and U.quantity_of(prev_fig.unit) not in ("count", "number", "rate", "time", "score")
                and fig.start - prev_fig.end < 60
            ):
                fig.unit = prev_fig.unit
        for index in range(1, len(figs)):
            prev_fig, fig = figs[index - 1], figs[index]
            # "lost 190 points, or 0.6%": the restatement moves the same way
            if (
                fig.qualifier is None
                and prev_fig.qualifier in ("increase", "decrease")
                and fig.first > 0
                and toks[fig.first - 1][4] == "or"
            ):
                fig.qualifier = prev_fig.qualifier
        has_points = any(f.unit == "point" for f in figs)
        for index, fig in enumerate(figs):
            if fig.unit is not None or fig.kind != "digits":
                continue
            before = toks[fig.first - 1][4] if fig.first > 0 else ""
            after = toks[fig.last + 1][4] if fig.last + 1 < len(toks) else ""
            # An index level beside a move in points: "rose 64.06 points to 4,577.10".
            if has_points and (before in ("to", "at", "(") or after in ("up", "down")):
                fig.unit = "point"
            # "3.9 million headsets, up from 2.4 million": the same thing counted again.
            elif fig.scaled:
                for other in reversed(figs[max(0, index - _LOOK_BACK) : index]):
                    if other.scaled and other.unit == "count" and other.counted:
                        fig.unit, fig.counted = "count", other.counted
                        break
        # "Texas had 2483805 while Florida had 1385710 lightning strikes": a bare whole
        # number beside a count of the same size counts the same thing (the noun is elided).
        counts = [
            o
            for o in figs
            if o.unit == "count"
            and o.counted
            and o.kind == "digits"
            and not o.scaled
            and o.value is not None
            and o.value > 0
        ]
        count_starts = [o.start for o in counts]
        for fig in figs:
            if fig.unit is not None or fig.kind != "digits" or fig.scaled or fig.value is None:
                continue
            if fig.value != fig.value.to_integral() or fig.value < 10 or not counts:
                continue
            at = bisect.bisect_left(count_starts, fig.start)
            others = counts[max(0, at - 1) : at + 1]
            if others:
                near = min(others, key=lambda o: abs(o.start - fig.start))
                assert near.value is not None
                ratio = max(near.value, fig.value) / min(near.value, fig.value)
                if ratio <= 3:
                    fig.unit, fig.counted = "count", near.counted
        # "The highest forecast is 84.75 cents, the lowest 74.07": a bare number of the same
        # size as a measure or a price just before it is in the same unit.
        for index in range(1, len(figs)):
            fig = figs[index]
            if fig.unit is not None or fig.kind != "digits" or fig.scaled or not fig.value:
                continue
            after = toks[fig.last + 1][3] if fig.last + 1 < n else "."
            if after not in (".", ",", ";", ")", "!", "?"):
                continue  # the number closes its clause: "..., the lowest 74.07."
            for other in reversed(figs[max(0, index - 2) : index]):
                kind = U.quantity_of(other.unit)
                if kind in _NO_ELLIPSIS:
                    continue
                if other.value is None or other.value <= 0 or other.scaled:
                    continue
                ratio = max(other.value, fig.value) / min(other.value, fig.value)
                if ratio <= 3 and fig.start - other.end < 120:
                    fig.unit = other.unit
                break

    def clause_end(self, sent: _Sentence, fig: _Cand) -> int:
        limit = min(sent.end, fig.end + _REACH)
        m = _CLAUSE_END.search(self.text, fig.end, limit)
        return m.start() if m else limit


# Past participles without -ed ("dozens hurt", "two held"): they end a noun phrase.
_PARTICIPLES: Final = frozenset(
    "hurt held left taken made seen shot sent given found lost paid built sold told kept "
    "caught known born done gone set put hit won spent met brought thought bought fought "
    "struck stuck slain beaten driven flown grown shown thrown torn worn".split()
)
# Third-person verbs that look like plural nouns ("the population lives in ...").
_VERBS_S: Final = frozenset(
    "lives remains says makes takes shows comes goes gets gives needs wants plans seems looks "
    "means becomes continues works runs holds keeps faces lacks owns earns pays costs sells "
    "buys uses stands sits lies hopes believes expects accounts represents".split()
)
_LY_NOUNS: Final = frozenset(
    "family supply ally assembly rally belly italy july bully anomaly monopoly fly".split()
)
_ING_ED_NOUNS: Final = frozenset(
    "building meeting feed speed need seed bed shed wedding painting earning saving "
    "holding filing listing opening ending setting".split()
)
_IRREGULAR_SINGULAR: Final[dict[str, str]] = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "leaves": "leaf",
    "halves": "half",
    "shelves": "shelf",
    "thieves": "thief",
}
_US_PLURALS: Final = frozenset(
    "viruses buses bonuses campuses censuses surpluses statuses focuses circuses".split()
)
_KEEP_S: Final = frozenset("news series species means sales politics economics".split())


def _singular(word: str) -> str:
    """A lower-case plural noun in the singular; anything else unchanged."""
    if not word.islower() or len(word) < 4 or word in _KEEP_S:
        return word
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"  # fishermen, servicemen
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word in _US_PLURALS or word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")):
        return word[:-1]
    return word


def _plural(low: str) -> bool:
    if low in _IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


@lru_cache(maxsize=4096)
def _words_value(words: tuple[str, ...]) -> Decimal | None:
    """:func:`parse_words`, remembered: the same few runs of number words recur in story
    after story, and the value depends on nothing else."""
    return parse_words(words)


def _age_appositive(text: str, fig: _Cand, toks: list[Token]) -> bool:
    """``Maddon, 66, has ...``: a bare number between commas right after a name."""
    if fig.unit is not None or fig.kind != "digits" or fig.value is None:
        return False
    if not (1 <= fig.value <= 120) or fig.value != fig.value.to_integral():
        return False
    i, j = fig.first, fig.last
    if i < 2 or j + 1 >= len(toks):
        return False
    return toks[i - 1][3] == "," and toks[j + 1][3] == "," and toks[i - 2][3][:1].isupper()


class _Extractor:
    """The figures extractor; stateless, so one instance serves every article."""

    def __call__(self, doc: Document, /) -> Sequence[Figure]:
        text = doc.text
        if not _DIGIT.search(text) and not _NUMBER_WORD.search(text):
            return ()
        dates_found = doc.results.get("dates")
        if dates_found is not None:
            spans = [(d.start, d.end) for d in dates_found]
        else:
            spans = date_spans(text)
        return find_figures(text, spans, doc.analysis.sentences, doc.results)


def find_figures(
    text: str,
    dates: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    results: dict[str, Sequence[Any]] | None = None,
) -> list[Figure]:
    """The figures of ``text``: its date spans and sentence spans are given by the caller."""
    reader = _Reader(text, dates)
    found: list[tuple[_Cand, _Sentence]] = []
    for start, end in _readable(text, sentences, reader.dates):
        sent = _Sentence(text, start, end)
        for cand in reader.sentence(sent):
            if cand.unit is None and _age_appositive(text, cand, sent.toks):
                cand.unit = "year_of_age"
            else:
                prev = sent.toks[cand.first - 1] if cand.first > 0 else None
                if (
                    prev is not None
                    and (
                        prev[4] in _AGE_BEFORE
                        or (
                            prev[4] == "of"
                            and cand.first > 1
                            and sent.toks[cand.first - 2][4] == "age"
                        )
                    )
                    and cand.unit in (None, "count", "year")
                    and cand.kind == "digits"
                ):
                    cand.unit = "year_of_age"
                    cand.counted = None
            found.append((cand, sent))
    if not found:
        return []
    # a claimant's speech verb is read up to a little past the sentence's last figure
    for _, sent in found:
        sent.reach = sent.start
    for cand, sent in found:
        sent.reach = max(sent.reach, min(sent.end, cand.start + 12))
    _conversions(text, [c for c, _ in found])
    sources = _Sources((results or {}).get("quotes") or (), (results or {}).get("people") or ())
    out: list[Figure] = []
    marks = _QuoteMarks(text)
    for cand, sent in found:
        claimant = _claimant(text, cand, sent, sources, marks)
        value = cand.value if cand.low is None else None
        out.append(
            Figure(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                value=value,
                low=cand.low,
                high=cand.high,
                unit=cand.unit,
                quantity=cand.quantity
                or ("score" if cand.kind == "score" else U.quantity_of(cand.unit)),
                counted=cand.counted,
                qualifier=cand.qualifier,
                approximate=cand.approximate or cand.qualifier in ("approx", "nearly", "vague"),
                claimant=claimant,
                conversion_of=cand.conversion_of,
            )
        )
    return out


def _readable(
    text: str, sentences: Sequence[tuple[int, int]], covered: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The sentences worth cutting into tokens.

    A sentence has always been read when it has a digit or matches _NUMBER_WORD (which
    misses a number word written in capitals). Every figure holds a digit or a number word,
    and one with a digit inside a date or a phone number (``covered``, sorted) is rejected
    as such; so a sentence with neither a number word, in any case, nor a digit outside
    those spans yields nothing, and is skipped. A sentence with such a digit, or with a
    number word in lower case or capitalised, is read as it always was; one whose first
    number word is written otherwise is read when the old test says so.

    Both are searched in the text lowered (an ASCII text: folded, see _ASCII_FOLD) once,
    each once per hit, from the first sentence not yet past it: a sentence with neither
    costs two comparisons.
    """
    size = len(text)
    folded = text.isascii()
    if folded:
        lower, covered_digits, number_word = (
            text.translate(_ASCII_FOLD),
            _COVERED_FOLDED_DIGITS,
            _FOLDED_NUMBER_WORD,
        )
    else:
        lower, covered_digits, number_word = text.lower(), _COVERED_DIGITS, _LOWER_NUMBER_WORD
        if len(lower) != size:  # a letter lowers to two: read as the old test says
            for start, end in sentences:
                if _DIGIT.search(text, start, end) or _NUMBER_WORD.search(text, start, end):
                    yield start, end
            return
    # The digits inside covered spans are blanked out (only when the spans do not overlap:
    # the reader's date test is then a plain overlap test). A blank, like a digit, is no
    # letter, so no number word is lost or gained around them. The text gets one blank in
    # front, so a word at its start has a character before it: what is at ``i`` in the
    # text is at ``i + 1`` here.
    pieces = [" "]
    at = 0
    if all(a[1] <= b[0] for a, b in itertools.pairwise(covered)):
        for s, e in covered:
            pieces += (lower[at:s], lower[s:e].translate(covered_digits))
            at = e
    pieces.append(lower[at:])
    marked = "".join(pieces)
    digit = word = -1  # where the next digit and number word are (size: there is none)
    written = ""  # the number word as the text writes it
    for start, end in sentences:
        if digit < start:
            if folded:
                digit = marked.find("#", start + 1) - 1
                if digit < 0:
                    digit = size
            else:
                m = _DIGIT.search(marked, start + 1)
                digit = size if m is None else m.start() - 1
        if digit < end:
            yield start, end
            continue
        if word < start:
            word, written = _number_word(text, marked, start, number_word)
        if word < end and (
            written[1:].islower()  # what _NUMBER_WORD finds
            or _DIGIT.search(text, start, end)
            or _NUMBER_WORD.search(text, start, end)
        ):
            yield start, end


def _number_word(
    text: str, marked: str, start: int, pattern: re.Pattern[str]
) -> tuple[int, str]:
    """The first number word at or after ``start`` in ``text`` and its writing, found by
    ``pattern`` in ``marked`` (the text lowered or folded, after one blank); ``len(text)``
    when there is none."""
    pos = start  # the character before ``start``
    while (m := pattern.search(marked, pos)) is not None:
        before = marked[m.start()]
        if before < "\x80" or not before.isalnum() or before.isdecimal():
            return m.start(), text[m.start() : m.end() - 1]
        pos = m.start() + 1  # after a letter: inside a word
    return len(text), ""


def _conversions(text: str, figs: list[_Cand]) -> None:
    """``40 km (25 miles)``: the bracketed figure restates the one before it."""
    for index in range(1, len(figs)):
        a, b = figs[index - 1], figs[index]
        gap = text[a.end : b.start]
        if len(gap) > 30 or gap.count("(") != 1 or ")" in gap:
            continue
        if not gap.rstrip().endswith("(") and not _OPEN_CONVERSION.search(gap):
            continue
        if not _CONVERSION_GAP.fullmatch(gap):
            continue
        qa, qb = U.quantity_of(a.unit), U.quantity_of(b.unit)
        if a.unit == b.unit and a.unit not in ("time_of_day",):
            continue
        if qa == qb and qa not in ("number", "count", "percent", "points"):
            b.conversion_of = index - 1
            if b.qualifier is None:
                b.qualifier = a.qualifier  # "just under 296 hp (224 kW)"
                b.approximate = a.approximate


class _Sources:
    """Quote speakers and person mentions from earlier extractors, indexed by offset."""

    def __init__(self, quotes: Sequence[Any], people: Sequence[Any]) -> None:
        self.quotes: list[tuple[int, int, str]] = sorted(
            (int(q.start), int(q.end), str(q.speaker.name))
            for q in quotes
            if getattr(q, "speaker", None) is not None and q.speaker.name
        )
        self.quote_starts = [q[0] for q in self.quotes]
        self.people = people

    @cached_property
    def mentions(self) -> list[tuple[int, int, str]]:
        """Every person mention, sorted: built when a claimant first needs a name (most
        articles' claimants, if any, are quote speakers or need none)."""
        return sorted(
            (int(m.start), int(m.end), str(p.name))
            for p in self.people
            for m in getattr(p, "mentions", ())
        )

    @cached_property
    def mention_starts(self) -> list[int]:
        return [m[0] for m in self.mentions]

    def speaker_at(self, pos: int) -> str | None:
        """The speaker of the quote ``pos`` is in, if a quote extractor found one."""
        index = bisect.bisect_right(self.quote_starts, pos)
        for start, end, name in reversed(self.quotes[max(0, index - 4) : index]):
            if start <= pos < end:
                return name
        return None

    def person(self, s: int, e: int) -> str | None:
        """The full name of the person a claimant span names, when the index has it."""
        lo = bisect.bisect_left(self.mention_starts, s - 80)
        hi = bisect.bisect_right(self.mention_starts, e)
        for start, end, name in self.mentions[lo:hi]:
            inside = start <= s and e <= end
            covers = s <= start and end <= e
            if (inside or covers) and len(name) >= e - s:
                return name
        return None


def _claimant(
    text: str, cand: _Cand, sent: _Sentence, sources: _Sources, marks: _QuoteMarks
) -> str | None:
    speaker = sources.speaker_at(cand.start)
    if speaker is not None:
        return speaker
    name_span = _claimant_span(text, cand, sent, marks)
    if name_span is None:
        return None
    s, e = name_span
    return sources.person(s, e) or text[s:e]


_QUOTE_MARKS: Final = '"“”\n'


class _QuoteMarks:
    """Where quotations open and close in a text, read once so any offset is looked up fast."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # (each mark by str.find, which scans far faster than a pattern for the four)
        marks: list[int] = []
        for mark in _QUOTE_MARKS:
            at = text.find(mark)
            while at >= 0:
                marks.append(at)
                at = text.find(mark, at + 1)
        marks.sort()
        self.marks = marks
        self.opened: list[int] = []  # after each mark: where the open quotation began, or -1
        current = -1
        for m in self.marks:
            ch = text[m]
            if ch == "\n":
                current = -1  # a quotation does not run over a line break unclosed
            elif ch == "“" or (ch == '"' and current < 0):
                current = m
            else:
                current = -1
            self.opened.append(current)

    def around(self, pos: int) -> tuple[int, int] | None:
        """The quoted stretch around ``pos`` (from its opening mark to its closing one)."""
        index = bisect.bisect_left(self.marks, pos)
        opened = self.opened[index - 1] if index else -1
        if opened < 0:
            return None
        end = self.marks[index] if index < len(self.marks) else self.length
        return opened, end


def _claimant_span(
    text: str, cand: _Cand, sent: _Sentence, marks: _QuoteMarks
) -> tuple[int, int] | None:
    quoted = marks.around(cand.start)
    if quoted is not None:
        q_start, q_end = quoted
        m = _ATTRIBUTION_AFTER.match(text, q_end + 1, min(len(text), q_end + 160))
        if m is not None:
            return _clean_np(text, m.start("np"), m.end("np"))
        m = _SAID_NP_AFTER.match(text, q_end + 1, min(len(text), q_end + 120))
        if m is not None:
            return _clean_np(text, m.start("np"), m.end("np"))
        before = text[max(0, q_start - 120) : q_start]
        m2 = _SAID_BEFORE_QUOTE.search(before)
        if m2 is not None:
            base = max(0, q_start - 120)
            return _clean_np(text, base + m2.start("np"), base + m2.end("np"))
        return None
    start, end = sent.start, sent.end
    start = max(start, cand.start - _REACH)
    # "according to the ministry, ..." / "..., according to the ministry."
    limit = min(end, cand.end + _REACH)
    # (a plain substring test first: most sentences have no "according")
    m = _ACCORDING.search(text, start, limit) if text.find("ccording", start, limit) >= 0 else None
    if m is not None:
        np_end = m.end()
        stop = _ACCORDING_END.search(text, np_end, min(end, np_end + _REACH))
        e = stop.start() if stop else end
        if np_end < cand.start:
            e = min(e, cand.start)
        if e > np_end:
            return _clean_np(text, np_end, e)
    # "Ukraine says more than 500 civilians ...": a subject and a speech verb before the figure.
    subj_end = -1  # where the last speech verb before the figure starts
    # (read on a little past the figure, so "added 0.5%" is seen as a change, not speech)
    for verb_start, verb_end in sent.speech_verbs():
        if verb_end > cand.start:
            break
        if verb_start >= start:
            subj_end = verb_start
    if subj_end >= 0:
        clause_start = start
        head = text[start : cand.start]
        for sep in _CLAUSE_SEPARATOR.finditer(head, 0, subj_end - start):
            clause_start = start + sep.end()
        span = _clean_np(text, clause_start, subj_end)
        if span is not None:
            return span
    # "..., the mayor said." after the figure.
    tail_start = max(cand.end, end - 100)
    if text.find(",", tail_start, end) < 0:
        return None  # both patterns below open with a comma
    tail = text[tail_start:end]
    if not (
        "said" in tail
        or "says" in tail
        or "told" in tail
        or "added" in tail
        or "estimated" in tail
        or "reported" in tail
    ):
        return None  # and each needs one of these verbs
    tail_m = _NP_SAID_AT_END.search(tail)
    if tail_m is not None:
        s = tail_start + tail_m.start("np")
        e = tail_start + tail_m.end("np")
        return _clean_np(text, s, e)
    tail_m = _SAID_NP_AT_END.search(tail)
    if tail_m is not None:
        return _clean_np(text, tail_start + tail_m.start("np"), tail_start + tail_m.end("np"))
    return None


def _clean_np(text: str, s: int, e: int) -> tuple[int, int] | None:
    while e > s and text[e - 1].isspace():
        e -= 1
    chunk = text[s:e]
    lead = _LEAD.match(chunk)
    if lead:
        s += lead.end()
    chunk = text[s:e]
    aux = _AUX_TAIL.search(chunk)
    if aux:
        e = s + aux.start()
    while s < e and text[s] in " \t,\"'“”‘’":
        s += 1
    while (
        e > s
        and text[e - 1] in " \t,\"'“”‘’"
        and not (text[e - 1] in '"”' and text.count('"', s, e) % 2 == 0 and "“" not in text[s:e])
    ):
        e -= 1
    if e <= s:
        return None
    words = text[s:e].split()
    if not words or len(words) > 10:
        return None
    if words[0].lower() in _PRONOUNS and len(words) == 1:
        return None
    if words[0].lower() in _NOT_A_NAME_START:
        return None  # "As part of $3bn in contracts announced ...": not a subject
    if words[-1].lower() in _NOT_A_NAME_END:
        return None  # "It is estimated", "The estimated loss", "to be confirmed"
    if (
        not any(w[:1].isupper() for w in words)
        and words[0].lower() not in ("a", "an", "the")
        and words[-1].lower() not in _SOURCE_NOUNS
    ):
        return None
    return s, e


def build() -> Extractor:
    """The figures extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return _Extractor()
