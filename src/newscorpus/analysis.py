"""The one-pass text analysis every extractor shares.

Quotes, places and figures all need the same facts about a text: where paragraphs and
sentences start and end, where the words are, which runs of capitalised words may be
names. Computing them once and handing every extractor the same :class:`Analysis` keeps a
corpus run fast; computing each part lazily keeps an ``--only figures`` run from paying
for what it never reads.

Everything here is a span (``start``, ``end``) into the text, never a copy of it. Every
pattern is compiled once, at import, and none can backtrack catastrophically: each is a
sequence of possessive-free character classes whose runs cannot overlap, so the work is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Final, NamedTuple

from ._patterns import word_trie

__all__ = ["ABBREVIATIONS", "NAME_PARTICLES", "Analysis", "Span", "TokenTable", "iter_lines"]

Span = tuple[int, int]

# A paragraph ends at a blank line; a single newline inside a paragraph is a line break
# (lists, captions), which we also treat as a hard sentence boundary.
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK: Final = re.compile(r"\n")

# Words: letters/digits joined by inner apostrophes, hyphens or periods (``Ukraine's``,
# ``Russian-backed``, ``U.S.``, ``1,200``, ``8.5``) or any other single visible character.
_TOKEN: Final = re.compile(
    r"(?:[^\W\d_]\.){2,}|"  # U.S., a.m., U.S.A.
    r"\d+(?:[.,]\d+)*|"  # 1,200 and 8.5
    r"[^\W_]+(?:['’\-][^\W_]+)*|"  # Ukraine's, Russian-backed
    r"\S"
)
# A token with the blanks before it. Consecutive matches tile the text up to its trailing
# blanks, so each token's end is the running sum of the match lengths: findall and
# accumulate then do in C what a finditer loop over a million match objects does in Python.
# (The text is searched only up to its trailing blanks: a run of blanks no token follows
# would otherwise be re-scanned from each of its characters.)
#
# Most tokens are plain ASCII words, which the first branch takes with cheap range checks
# instead of the Unicode class tests of _TOKEN. It only matches a run of ASCII letters
# that _TOKEN would take whole: not followed by a letter or digit, which would extend it,
# nor by a period, apostrophe or hyphen, which might (``U.S.``, ``Kyiv's``); anything
# else falls through to _TOKEN itself. Being possessive, the run is not retried shorter.
_BLANKS_AND_TOKEN: Final = re.compile(
    r"\s*+(?:[A-Za-z]++(?![^\W_]|[.'’\-])|" + _TOKEN.pattern + ")"
)

# Words that end in a period without ending a sentence.
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev fr st mt ft
    jr sr co corp inc ltd bros no nos vs etc approx est dept univ assn ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    a.m p.m u.s u.k u.n e.u d.c u.s.a i.e e.g al ph.d b.a m.a
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# A sentence may end after ., ! or ? (and any closing quotes/brackets) when whitespace
# and a plausible sentence start follow. The first mark is written apart from the rest
# (not "[.!?…]+"): a pattern that opens with a character class is scanned for quickly,
# one that opens with a repeat is tried at every character (twice the time). The blanks
# after the mark are captured: the next sentence starts where they end (they cannot be
# read shorter, since a blank is neither a quotation mark nor a sentence start).
_SENTENCE_END: Final = re.compile(
    r"[.!?…][.!?…]*[\"'”’»)\]]*(?=(\s+)[\"'“‘«(\[]*[^\W_a-z])"
)
_WORD_BEFORE: Final = re.compile(r"([^\W_]+(?:\.[^\W_]+)*)\Z")  # \Z: "$" also matches before a final "\n"

# Name candidates: runs of capitalised words, allowing lower-case particles between them
# (``Sea of Azov``, ``Charles de Gaulle``) and initials (``Lloyd J. Austin``).
_WORD = r"[A-Z]\w*(?:['’](?!s\b)\w+)*(?:-[A-Za-z]\w*(?:['’](?!s\b)\w+)*)*"
_NAME_WORD = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z]\.(?=[ \t]+[A-Z])|{_WORD})"
# The first word is written with its capital first and the look-behind after it: a pattern
# that opens with a character class is scanned for quickly, one that opens with a
# look-behind is tried at every character. It matches exactly what
# ``(?<![\w'’]){_NAME_WORD}`` would.
_REST_OF_WORD = r"\w*(?:['’](?!s\b)\w+)*(?:-[A-Za-z]\w*(?:['’](?!s\b)\w+)*)*"
_FIRST_NAME_WORD = rf"[A-Z](?<![\w'’].)(?:\.(?:[A-Z]\.)+|\.(?=[ \t]+[A-Z])|{_REST_OF_WORD})"
# Each further word is written with its blanks first, then up to two particles each
# followed by blanks: the same runs as ``(?:(?:[ \t]+PARTICLE){0,2}[ \t]+NAME_WORD)*``,
# without reading the blanks after a name twice when no particle follows. The particles
# are a prefix tree; only one of them can be followed by a blank at a place, so trying
# "del" before "de" finds what trying "de" first finds.
NAME_PARTICLES: Final = frozenset("of de la le du da del der van von bin al ibn the".split())
_NAME_CANDIDATE: Final = re.compile(
    rf"{_FIRST_NAME_WORD}"
    rf"(?:[ \t]+(?:{word_trie(sorted(NAME_PARTICLES))}[ \t]+){{0,2}}{_NAME_WORD})*"
)


class TokenTable(NamedTuple):
    """The word and punctuation tokens of a text, as three parallel lists in text order."""

    starts: list[int]
    ends: list[int]
    words: list[str]


class Analysis:
    """Paragraphs, sentences, tokens and name candidates of one text, computed on demand.

    Extractors receive one shared instance per article; each attribute is computed the
    first time any extractor asks for it and then reused.
    """

    def __init__(self, text: str) -> None:
        self.text: Final = text

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraph spans, without surrounding whitespace."""
        return list(_strip_spans(self.text, _split(self.text, _PARAGRAPH_BREAK)))

    @cached_property
    def lines(self) -> list[Span]:
        """Line spans (single newlines), without surrounding whitespace."""
        return list(iter_lines(self.text))

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans; a line break always ends a sentence."""
        text = self.text
        out: list[Span] = []
        long_word = _LONG_WORD
        for line_start, line_end in self.lines:
            start = line_start
            for match in _SENTENCE_END.finditer(text, line_start, line_end):
                mark = match.start()
                # Most marks are not a period after a short word: settled here without
                # the call (the window test is _is_abbreviation's own, for a long word).
                if (
                    text[mark] == "."
                    and not (
                        mark - long_word >= line_start and text[mark - long_word : mark].isalnum()
                    )
                    and _is_abbreviation(text, mark, line_start)
                ):
                    continue
                out.append((start, match.end()))
                start = match.end(1)
            if start < line_end:
                out.append((start, line_end))
        return out

    @cached_property
    def tokens(self) -> list[Span]:
        """Word and punctuation spans, in text order."""
        table = self.token_table
        return list(zip(table.starts, table.ends, strict=True))

    @cached_property
    def token_table(self) -> TokenTable:
        """The tokens of :attr:`tokens` with their text, as parallel lists (cheaper to
        build, and to read by index, than a list of span tuples)."""
        text = self.text
        runs = _BLANKS_AND_TOKEN.findall(text, 0, len(text.rstrip()))
        ends = list(itertools.accumulate(map(len, runs)))
        words = list(map(str.lstrip, runs))
        starts = list(map(operator.sub, ends, map(len, words)))
        return TokenTable(starts, ends, words)

    @cached_property
    def name_candidates(self) -> list[Span]:
        """Runs of capitalised words that may name a person, place or organisation."""
        return [m.span() for m in _NAME_CANDIDATE.finditer(self.text)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, if any."""
        return _containing(self.sentences, self._sentence_starts, offset)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``, if any."""
        return _containing(self.paragraphs, self._paragraph_starts, offset)

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or last starting before) ``offset``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def words(self, span: Span) -> Iterator[str]:
        """The word tokens inside ``span`` (punctuation left out)."""
        text = self.text
        for m in _TOKEN.finditer(text, span[0], span[1]):
            if text[m.start()].isalnum():
                yield m.group()


def iter_lines(text: str) -> Iterator[Span]:
    """Non-blank lines as spans without surrounding whitespace, lazily (parsers stop early)."""
    return _strip_spans(text, _split(text, _LINE_BREAK))


def _split(text: str, separator: re.Pattern[str]) -> Iterator[Span]:
    start = 0
    for match in separator.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _strip_spans(text: str, spans: Iterator[Span]) -> Iterator[Span]:
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def _containing(spans: list[Span], starts: list[int], offset: int) -> Span | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index]
    return None


# The longest abbreviation: a word before a period that is longer cannot be one.
_LONGEST_ABBREVIATION: Final = max(map(len, ABBREVIATIONS))
_ABBREVIATION_REACH: Final = 12
# Letters and digits this many in a row before a period make a word longer than any
# abbreviation (str.isalnum is exactly the [^\W_] of _WORD_BEFORE, character by character).
_LONG_WORD: Final = _LONGEST_ABBREVIATION + 1


def _is_abbreviation(text: str, period: int, floor: int) -> bool:
    """Whether the mark at ``period`` closes an abbreviation rather than a sentence."""
    if text[period] != ".":
        return False
    # The word before the period is the longest run of letters and digits (with single
    # inner periods) that ends there, read within _ABBREVIATION_REACH characters. Only a
    # short one can matter, so a window two characters longer than the longest
    # abbreviation is searched: when the run found there starts in its first two
    # characters, the word is longer than any abbreviation (one of those two characters is
    # a letter or digit, since inner periods are single).
    lo = max(floor, period - _ABBREVIATION_REACH)
    near = max(lo, period - _LONGEST_ABBREVIATION - 2)
    match = _WORD_BEFORE.search(text, near, period)
    if match is None:
        return False
    if near > lo and match.start() <= near + 1:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Lloyd J. Austin"
    return word.lower() in ABBREVIATIONS
