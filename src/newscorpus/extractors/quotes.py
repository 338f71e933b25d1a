"""The quotes extractor: direct, reported and mixed speech, each with its speaker.

News copy follows a few conventions closely enough that rules beat statistical parsers
here, and run thousands of times faster:

* Direct speech sits in double quotation marks (straight, curly, guillemets, or the
  ``''...''`` pairs of some archives). A quote running over several paragraphs re-opens
  each paragraph and closes only the last, so an unclosed quote followed by a paragraph
  that opens one is a continuation, not a typo.
* The attribution sits right after the closing mark (``"...," Stryuk said``), before
  the opening one (``Zelenskiy said in an address: "...``), or is shared with an earlier
  piece of the same paragraph (``"A," he said, "B."``). A paragraph that is only a quote
  continues the speaker of the quote before it.
* Reported speech is a speech verb with its subject on one side and the content on the
  other: ``X said (that) CONTENT``, ``CONTENT, X said``, ``according to X, CONTENT``.
* Speakers are named in full once and then by surname, pronoun or role; the people
  index (the ``people`` extractor) links those back to the introduction.
* A quotation with neither a speaker nor a verb of saying near it is a title, a slogan
  or boilerplate far more often than speech, and is left out.

Everything works on the shared :class:`~newscorpus.analysis.Analysis` tokens and
sentences. The patterns are alternations of literal words and character classes with
no nested repetition, every backwards search is bounded, and a paragraph with hundreds
of quotation marks (a table, a dump, hostile input) is not searched for quotations, so
the work is linear in the length of the text.

Confidence is a fixed grade per rule (an attribution right next to the quotation is
surer than a speaker carried over to a quote-only paragraph), not a probability.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterator, Sequence
from typing import Final, Literal

from .._patterns import word_trie
from ..analysis import ABBREVIATIONS, Analysis
from ..models import Cue, Person, Quote, Speaker, SpeakerType
from ..specs import Document, Extractor
from ._speech import (
    AUXILIARIES,
    CLAUSE_BOUNDARIES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    MALE_TITLES,
    MEDIUM,
    MONTHS_DAYS,
    ORG_WORDS,
    PARTICIPLE_CUES,
    ROLE_NOUNS,
    SPEECH_CUES,
    TELL_CUES,
    THOUGHT_CUES,
    TIME_WORDS,
)
from .people import _CUT_ROLE, index_people, name_type

__all__ = ["build", "extract_quotes"]

# Double quotation marks, and the two-apostrophe pairs some archives use for them. Every
# branch opens with a literal, so the engine skips ahead to a possible mark by a quick
# character test instead of trying the whole pattern at every position (as it does for
# ``''|["“”«»„‟]``, which matches the same): a mark search is a scan of the whole text.
_MARK: Final = re.compile("''|\"|“|”|«|»|„|‟")
_OPENERS: Final = frozenset("“«„‟")
_CLOSERS: Final = frozenset("”»")
_QUOTE_CHARS: Final = frozenset("\"“”«»„‟'")
_QUOTE_TOKENS: Final = _QUOTE_CHARS | {"''"}  # (as tokens: the pair of apostrophes too)
_DOUBLE_MARKS: Final = frozenset('"“”«»„‟')
_LEFT_OF_OPEN: Final = frozenset("([{—–-/:;") | _OPENERS
_RIGHT_OF_CLOSE: Final = frozenset(",.;:!?)]}—–-…") | _CLOSERS
_SENTENCE_PUNCT: Final = frozenset(".!?;")
_DASHES: Final = frozenset(",—–-")

_OPEN, _CLOSE, _EITHER = 0, 1, 2

_CUES: Final = SPEECH_CUES | THOUGHT_CUES
_SUBJECT_PRONOUNS: Final = frozenset("he she they it we i".split())
_PERSONAL: Final = frozenset("he she".split())
_CONJUNCTIONS: Final = frozenset("but and so yet or although though while".split())
_OBJECT_WORDS: Final = frozenset(
    "him her them me us you reporters journalists lawmakers supporters voters "
    "listeners viewers readers audiences crowds".split()
)
_BAD_CONTENT_START: Final = frozenset(
    "of about in on at for with by from as so than goodbye hello yes no nothing something "
    "anything repeatedly".split()
)
_SUBJECT_INTRODUCERS: Final = frozenset(
    "as while but and when after because since although though , ; whereas which what whom".split()
)
_DETERMINERS: Final = frozenset("the a an his her their its this that these those".split())
# Verbs whose content may follow without "that" ("said the talks failed"); the rest
# need "that", or "to" for promises and requests, to tell a clause from an object.
_BARE_CUES: Final = frozenset(
    """
    reported reports
    said says say saying told tells telling added adds adding wrote writes writing claimed
    claims claiming argued argues arguing insisted insists insisting warned warns warning
    noted notes noting stated states declared declares explained explains stressed
    stresses believes believed believe thinks thought think feels felt tweeted posted
    contended contends maintained maintains predicted predicts estimated estimates
    suggested suggests acknowledged acknowledges admitted admits hopes hoped fears feared
    expects expected
    """.split()
)
_INFINITIVE_CUES: Final = frozenset(
    "told tells telling promised promises vowed vows pledged pledges asked asks warned "
    "warns threatened threatens urged urges".split()
)
# Used only right after a direct quote ("...," she continued): as reported speech
# these are mostly something else ("continued to defend the city").
_TAIL_ONLY: Final = frozenset(
    "continued continues asked asks answered answers replied replies responded responds "
    "shouted yelled quipped joked remarked concluded concludes recalled recalls".split()
)
# Past forms after a quote that do not report it ("...," the report stated based on ...).
_NOT_MANNER: Final = frozenset(
    "based used needed wanted seemed appeared called named related followed included "
    "showed looked happened mentioned reported".split()
)
# Verbs that report what evidence shows, bare only after a poll, study or report.
_EVIDENCE_CUES: Final = frozenset(
    "shows showed show found finds suggests suggested indicates indicated".split()
)
_EVIDENCE_NOUNS: Final = frozenset(
    "poll polls survey surveys study studies report reports analysis data research figures "
    "estimate estimates review audit investigation memo document documents records count "
    "results numbers statistics".split()
)
_CONTENT_BREAKS: Final = frozenset("- — – ;".split())
# Verbs whose reported content is often a noun phrase: "endorsed the plan".
_OBJECT_CUES: Final = frozenset(
    """
    announced announces denied denies endorsed endorses criticized criticised criticizes
    praised praises defended defends rejected rejects dismissed dismisses blasted slammed
    condemned condemns welcomed welcomes called calls urged urges described describes
    proposed proposes questioned questions accused accuses blamed blames
    supported opposed highlighted cited
    offered attacked touted promoted mocked
    applauded
    referring calling describing praising criticizing criticising accusing urging blaming
    """.split()
)
# Common irregular verbs, where a subject phrase read forwards must stop.
_COMMON_VERBS: Final = frozenset(
    """
    went goes go came comes took takes made makes gave gives got gets put puts ran runs
    began begins left leaves kept keeps held holds brought brings stood stands sat sits
    saw sees knew knows felt feels found finds stuck ends is was are were has had have
    says said told tells wrote writes read reads did does became becomes took struck
    begun sought won lost led met paid sent spent brought bought caught fought taught
    """.split()
)
# How far back (in tokens) a subject or a governing verb is looked for, and the longest
# reported content: bounds that keep every step linear on a runaway sentence.
_LOOKBACK: Final = 50
_MAX_CONTENT: Final = 1200
# Impressions with no one holding them ("appears to", "is expected to"), and questions.
_SEEM_CUES: Final = frozenset("appears appear appeared seems seem seemed".split())
_BE_FORMS: Final = frozenset("is are was were be been".split())
_QUESTION_WORDS: Final = frozenset("whether if what who how why when where which".split())
_EXTRA_CUES: Final = _SEEM_CUES | frozenset(("according", "asked", "expected"))


# Every speech verb as a whole lower-case word (or a capitalised "According"/"Asked"),
# as a pattern: the definition `_Extraction.cue_tokens` implements (tests check them equal).
_CUE_WORD: Final = re.compile(
    r"(?<![\w'’-])(?:" + word_trie(sorted(_CUES | _EXTRA_CUES)) + r")(?![\w'’-])|According|Asked"
)
# Every token (lower-cased) that ``_next_attribution`` reacts to; punctuation lowers to
# itself, so the lower-cased word stands for the word.
_TURNS: Final = frozenset((",", ";", "and", "but")) | _CONTENT_BREAKS | _CUES
# The same, as tokens: a token is a cue when it is one of these words and (but for the
# capitalised two) no letter, digit, apostrophe or hyphen touches it on either side.
_CUE_TOKENS: Final = _CUES | _EXTRA_CUES | frozenset(("According", "Asked"))
_WORDISH: Final = re.compile(r"[\w'’-]")
_INDEFINITE: Final = frozenset("a an one another".split())
_PARTICLES: Final = frozenset("off up back in out".split())
_PREPOSITIONS: Final = frozenset("on in at during to before after with".split())
# Words that open a time phrase after a speech verb ("on Monday", "late Tuesday").
_TIME_LEADS: Final = frozenset("on in at during late early last this earlier later".split())
# Adverbs and time words that may sit between a subject and its verb.
_ADVERBS: Final = frozenset("now never quite even often soon then once still already long".split())
_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BETWEEN: Final = AUXILIARIES | _ADVERBS | _WEEKDAYS  # (stepped over, one word at a time)
_DOCUMENT_NOUNS: Final = frozenset(
    "statement release letter post tweet video memo email note message interview speech ad".split()
)
_TIME_NOUNS: Final = frozenset("week month year weekend night morning".split())
_TIME_DETERMINERS: Final = frozenset("last this next".split())
# Capitalised speech verbs of title-case headlines.
_HEADLINE_CUES: Final = frozenset(
    "Says Say Tells Warns Urges Calls Slams Blasts Vows Claims Insists Admits Denies Defends "
    "Praises Rips Knocks Backs Endorses Accuses Blames Predicts Promises Pledges".split()
)
_HEADLINE_OPEN: Final = frozenset("'‘\"“")
_HEADLINE_CLOSE: Final = frozenset("'’\"”")
_INITIALS: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
# After a comma, these open the reporter's own aside or a contrast, not more of what
# was said: ", who ...", ", although ...", ", while ...".
_ASIDES: Final = frozenset("who despite often although though while whereas but".split())
# "it" and "they" reach back this many characters for the organisation they stand for.
_COLLECTIVE_PRONOUNS: Final = frozenset(("it", "they"))
_BODY_REACH: Final = 800
_SPLITTERS: Final = frozenset("but and while whereas although though as".split())

# How far after its verb (or speaker) a medium may start ("said in a statement").
_MEDIUM_REACH: Final = 30
# What every match of MEDIUM opens with (its first word, "online" included), and the
# same as a pattern whose branches are literals (so searched for quickly).
_MEDIUM_WORDS: Final = ("on", "in", "at", "during", "via", "through")
_MEDIUM_OPENING: Final = re.compile(
    r"on[ \t]|in[ \t]|at[ \t]|during[ \t]|via[ \t]|through[ \t]|online"
)
_MEDIUM_OPENING_LONGEST: Final = len("through ")

Kind = Literal["direct", "indirect", "mixed"]


# A paragraph of news prose holds a few dozen quotation marks at most; one with more
# than this is a table, a dump or hostile input, and is not searched for quotations.
_MAX_MARKS: Final = 400
# Up to this many marks in a text are found all at once (a crowded line among them
# costs little); a text with more is searched line by line, crowded lines skipped.
_MARKS_COLLECTED: Final = 4 * _MAX_MARKS
# What _MARK matches, one string at a time. Marks of different strings never overlap
# (the pairs of apostrophes are read from the left, as the pattern reads them).
_MARK_STRINGS: Final = ("''", '"', "“", "”", "«", "»", "„", "‟")


def _mark_spans(text: str) -> list[tuple[int, int]] | None:
    """The spans of the matches of _MARK in ``text``, in order, or None when there are
    more than _MARKS_COLLECTED. Found by ``str.find``, which skips to a character far
    faster than a pattern tests one at each position (a text without curly marks is not
    even read for them)."""
    spans: list[tuple[int, int]] = []
    find = text.find
    for mark in _MARK_STRINGS:
        size = len(mark)
        at = find(mark)
        while at >= 0:
            spans.append((at, at + size))
            if len(spans) > _MARKS_COLLECTED:
                return None
            at = find(mark, at + size)
    spans.sort()
    return spans


class _Piece:
    """One run of text between an opening and a closing quotation mark."""

    __slots__ = (
        "attr",
        "close",
        "close_end",
        "end",
        "final_fragment",
        "index",
        "line",
        "open",
        "standalone",
        "start",
    )

    def __init__(
        self, start: int, end: int, open_: int, close: int | None, close_end: int, line: int
    ) -> None:
        self.start = start
        self.end = end
        self.open = open_
        self.close = close
        self.close_end = close_end
        self.line = line
        self.standalone = False
        self.index = 0
        self.final_fragment = False
        self.attr: _Attribution | None = None


class _Attribution:
    """Who said it and how: shared by every piece of one quote."""

    __slots__ = ("anchor", "colon", "confidence", "cue", "id", "np", "role", "source", "speaker")

    def __init__(
        self,
        cue: int | None,
        np: tuple[int, int] | None,
        role: tuple[int, int] | None,
        confidence: float,
        colon: int | None = None,
    ) -> None:
        self.cue = cue
        self.colon = colon
        """A colon that introduces the quote when there is no speech verb."""
        self.anchor = cue if cue is not None else colon
        """The token the attribution hangs on: its speech verb, or its colon (both are
        set once, here; the anchor is read for every sort and lookup)."""
        self.np = np
        self.role = role
        self.confidence = confidence
        self.speaker: Speaker | None = None
        self.id = ""
        self.source: _Attribution | None = None
        """For a quote paragraph with no attribution of its own: the one it continues."""


class _Event:
    """A reported-speech attribution found in one sentence."""

    __slots__ = ("attr", "kind_hint", "pieces")

    def __init__(self, attr: _Attribution, pieces: list[tuple[int, int]]) -> None:
        self.attr = attr
        self.pieces = pieces
        self.kind_hint: Kind = "indirect"


class _Extraction:
    """The state of one article's extraction: tokens, pieces, people and attributions."""

    def __init__(self, analysis: Analysis, people: Sequence[Person]) -> None:
        self.analysis = analysis
        self.text = text = analysis.text
        # Token starts, ends and strings as plain lists: the rules read about as many
        # words as the article has, and a list index is far cheaper than a slicing call
        # (or a span tuple) per read.
        table = analysis.token_table
        self.starts = table.starts
        self.ends = table.ends
        self.words = words = table.words
        # Lower-casing is context-free except for a capital sigma (final or not): without
        # one, each word lowered alone reads as its slice of the lowered text.
        lowered = text.lower() if "\u03a3" in text else ""
        if len(lowered) == len(text):
            self.lower = [lowered[s:e] for s, e in zip(table.starts, table.ends, strict=True)]
        else:
            self.lower = list(map(str.lower, words))
        self.lines = analysis.lines
        self.people = people
        self.mentions = mentions = sorted(
            (mention.start, mention.end, index)
            for index, person in enumerate(people)
            for mention in person.mentions
        )
        self.mention_starts = [m[0] for m in mentions]
        self.person_index = {person.name: index for index, person in enumerate(people)}
        self.consumed: set[int] = set()
        self.pieces: list[_Piece] = []
        self.inside: list[tuple[int, int]] = []
        self.all_pieces: list[tuple[int, int]] = []

    # -- tokens ---------------------------------------------------------------------

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def is_stop(self, i: int) -> bool:
        """Whether token ``i`` ends a sentence (a period after an abbreviation does not)."""
        word = self.words[i]
        if word not in _SENTENCE_PUNCT:
            return False
        if word == "." and i > 0:
            end = self.ends[i]
            if end < len(self.text) and self.text[end] in "),;:":
                return False  # "(D-Mo.)", "Inc.,": an abbreviation inside the sentence
            prev = self.lower[i - 1]
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
                return self.ends[i - 1] != self.starts[i]
        return True

    def in_piece(self, pos: int) -> bool:
        index = bisect.bisect_right(self.inside, (pos, len(self.text) + 1)) - 1
        return index >= 0 and self.inside[index][0] <= pos < self.inside[index][1]

    # -- direct quotes --------------------------------------------------------------

    def _marks_by_line(self) -> Iterator[tuple[int, list[tuple[int, int]]]]:
        """Each line with quotation marks, in order, with the spans of its marks (a
        crowded line's may be cut short, just past _MAX_MARKS).

        A line without a mark holds no piece, and is not visited (every mark is inside
        a line, lines being the text less its blanks)."""
        text, lines = self.text, self.lines
        line_starts = [s for s, _ in lines]
        spans = _mark_spans(text)
        if spans is not None:
            # Few marks (as in any article): all of them at once.
            mark_starts = [p for p, _ in spans]
            k = 0
            while k < len(spans):
                line_index = bisect.bisect_right(line_starts, mark_starts[k]) - 1
                end = bisect.bisect_left(mark_starts, lines[line_index][1], k)
                yield line_index, spans[k:end]
                k = end
            return
        # A text crowded with marks: line by line, where reading one mark past the
        # limit tells a crowded line without collecting all.
        found = _MARK.search(text)
        while found is not None:
            line_index = bisect.bisect_right(line_starts, found.start()) - 1
            ls, le = lines[line_index]
            found = _MARK.search(text, le)
            marks = itertools.islice(_MARK.finditer(text, ls, le), _MAX_MARKS + 1)
            yield line_index, [match.span() for match in marks]

    def find_pieces(self) -> None:
        text = self.text
        lines = self.lines
        open_line = -2  # the last line that ended inside an open quote
        for line_index, marks in self._marks_by_line():
            if len(marks) > _MAX_MARKS:
                continue  # not prose: a table, a dump, or hostile input
            ls, le = lines[line_index]
            pending = open_line == line_index - 1  # the previous line ended inside a quote
            open_at: tuple[int, int] | None = None
            first = True
            for p, q in marks:
                kind = self._mark_kind(text[p:q], p, q, ls, le)
                if first and pending and kind == _CLOSE:
                    # A continued quote whose paragraph did not re-open it.
                    self._add(ls, p, ls, p, q, line_index)
                    first = False
                    continue
                first = False
                if open_at is None:
                    if kind != _CLOSE:
                        open_at = (p, q)
                elif kind != _OPEN:
                    self._add(open_at[1], p, open_at[0], p, q, line_index)
                    open_at = None
                else:
                    open_at = (p, q)
            if open_at is not None:
                self._add(open_at[1], le, open_at[0], None, le, line_index)
                open_line = line_index
        self.pieces = [p for p in self.pieces if p.start < p.end]
        for index, piece in enumerate(self.pieces):
            piece.index = index

    def _mark_kind(self, mark: str, p: int, q: int, ls: int, le: int) -> int:
        text = self.text
        prev = text[p - 1] if p > ls else ""
        nxt = text[q] if q < le else ""
        left_open = prev == "" or prev.isspace() or prev in _LEFT_OF_OPEN
        right_close = nxt == "" or nxt.isspace() or nxt in _RIGHT_OF_CLOSE
        # Curly marks say which way they face, except where a typist (or an
        # autocorrect) turned them the wrong way: 'fascist?“ he asked'.
        if mark in _OPENERS:
            return _CLOSE if right_close and not left_open and prev not in _OPENERS else _OPEN
        if mark in _CLOSERS:
            return _OPEN if left_open and not right_close and prev not in _CLOSERS else _CLOSE
        if left_open and not right_close:
            return _OPEN
        if right_close and not left_open:
            return _CLOSE
        return _EITHER

    def _add(
        self, start: int, end: int, open_: int, close: int | None, close_end: int, line: int
    ) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.pieces.append(_Piece(start, end, open_, close, close_end, line))

    def classify_pieces(self) -> None:
        """Tell quotations from scare quotes, titles and nicknames, by what precedes them."""
        text = self.text
        for piece in self.pieces:
            ls = self.lines[piece.line][0]
            i = piece.open - 1
            while i >= ls and text[i] in " \t\u00a0":
                i -= 1
            if i < ls:
                piece.standalone = True
                continue
            c = text[i]
            if c in ".!?:…,—–-(" or c in _QUOTE_CHARS:
                piece.standalone = piece.close is not None or c in ":,"
                continue
            if piece.close is None:
                continue
            word_index = self.tok_at(i + 1) - 1
            ends_clause = self._ends_clause(piece)
            if word_index >= 0 and self.lower[word_index] in SPEECH_CUES and ends_clause:
                piece.standalone = True  # 'he said "we will win."'
                continue
            words = len(text[piece.start : piece.end].split())
            before = self.lower[word_index] if word_index >= 0 else ""
            # A fragment that ends like a sentence and is attributed after its close.
            if (
                words >= 3
                and text[piece.end - 1] in ",.?!"
                and before not in _DETERMINERS
                and before not in CLAUSE_BOUNDARIES
            ):
                cue = self._tail_cue(piece)
                if cue is not None and self.lower[cue] not in PARTICIPLE_CUES:
                    piece.standalone = True
                    continue
            # 'She called his actions "a crucial step forward."': a quotation that ends
            # the sentence, with no reporting verb before it that would make the
            # sentence reported speech with a quoted part.
            if (
                ends_clause
                and words >= 2
                and self._sentence_final(piece)
                and not self._reported_before(piece)
            ):
                piece.standalone = True
                piece.final_fragment = True
        self.inside = sorted((p.start, p.end) for p in self.pieces if p.standalone)
        self.all_pieces = sorted((p.start, p.end) for p in self.pieces)

    def _ends_clause(self, piece: _Piece) -> bool:
        """Whether the closing mark ends a clause: punctuation inside or right after it."""
        text = self.text
        if text[piece.end - 1] in ",.?!;:…":
            return True
        after = piece.close_end
        line_end = self.lines[piece.line][1]
        return after >= line_end or text[after] in ",.?!;:…"

    def _sentence_final(self, piece: _Piece) -> bool:
        """Whether nothing but punctuation follows the quote in its sentence."""
        text = self.text
        line_end = self.lines[piece.line][1]
        i = piece.close_end
        while i < line_end and i - piece.close_end < 8 and text[i] in ".?!\"”»' )":
            i += 1
        return (
            i >= line_end
            or text[piece.end - 1] in ".?!"
            or text[piece.close_end : i].strip().startswith((".", "?", "!"))
        )

    def _reported_before(self, piece: _Piece) -> bool:
        """Whether a reporting verb earlier in the sentence governs this quotation."""
        sentence = self.analysis.sentence_at(piece.open)
        first = self.tok_at(sentence[0] if sentence else self.lines[piece.line][0])
        last = self.tok_at(piece.open) - 1
        for i in range(last, max(first, last - _LOOKBACK) - 1, -1):
            low = self.lower[i]
            if (low in _CUES and low not in _TAIL_ONLY) or low == "according":
                return True
        return False

    def _tail_limit(self, piece: _Piece) -> int:
        line_end = self.lines[piece.line][1]
        limit = min(line_end, piece.close_end + 300)
        for index in range(piece.index + 1, len(self.pieces)):
            other = self.pieces[index]
            if other.open >= limit:
                break
            if other.standalone:
                return other.open
        return limit

    def _tail_cue(self, piece: _Piece) -> int | None:
        """The speech verb in the words right after the closing mark, if any."""
        if piece.close is None:
            return None
        limit = self._tail_limit(piece)
        words, lower, starts = self.words, self.lower, self.starts
        i = bisect.bisect_left(starts, piece.close_end)
        n = len(words)
        while i < n and starts[i] < limit and words[i] in _DASHES:
            i += 1
        if i >= n or starts[i] >= limit:
            return None
        # '"... at dawn." Novak said.' is sloppy but common; a new sentence after a
        # full stop is only an attribution when it is nothing more than one.
        capital_after_period = self.text[piece.end - 1] == "." and words[i][:1].isupper()
        first = i
        stop = min(n, i + 16)  # at most 16 words on
        while i < stop and starts[i] < limit:
            word = words[i]
            if word in _SENTENCE_PUNCT and self.is_stop(i):
                return None
            low = lower[i]
            if low in SPEECH_CUES and word[:1].islower():
                k = i - 1
                while k > first and lower[k] in AUXILIARIES:
                    k -= 1
                if k >= first and lower[k] in ("who", "which", "that"):
                    i += 1  # "Lind, who has not backed either side, told ...": a relative clause
                    continue
                return i if self._tail_allowed(i, first, capital_after_period) else None
            if low == "according" and i + 1 < n and lower[i + 1] == "to":
                return i
            if (
                word.endswith("ed")  # (what _manner_verb looks at first, tested inline)
                and self._manner_verb(i, first)
                and self._tail_allowed(i, first, capital_after_period)
            ):
                return i
            i += 1
        return None

    def _tail_allowed(self, cue: int, first: int, capital_after_period: bool) -> bool:
        if not capital_after_period:
            return True
        nxt = cue + 1
        return cue - first <= 4 and nxt < len(self.words) and self.words[nxt] in (".", ",")

    def _manner_verb(self, i: int, first: int) -> bool:
        """``"...," Hannity pressed`` / ``"...!" beamed a delegate``: right after a quote,
        any past-tense verb next to a short subject reports the quote's delivery."""
        word = self.words[i]
        if not (word.islower() and len(word) > 4 and word.endswith("ed")) or word in _NOT_MANNER:
            return False
        if i == first:
            return True
        if i - first > 5:
            return False
        words = [self.words[k] for k in range(first, i)]
        lowered = [self.lower[k] for k in range(first, i)]
        if len(words) == 1 and lowered[0] in _SUBJECT_PRONOUNS:
            return True
        if lowered[0] in ("the", "a", "an", "one", "another"):
            return len(words) <= 4 and all(w.isalpha() for w in words)
        return all(w[:1].isupper() or w == "." for w in words)

    def attribute_pieces(self) -> None:
        """Give each quotation its attribution: after it, before it, or shared."""
        previous: _Piece | None = None
        for piece in self.pieces:
            if not piece.standalone:
                continue
            same_line = previous is not None and previous.line == piece.line
            cue = self._tail_cue(piece)
            if cue is not None:
                piece.attr = self._attr_at_tail(piece, cue)
                previous = piece
                continue
            shared = previous.attr if same_line and previous is not None else None
            floor = (
                previous.close_end
                if same_line and previous is not None
                else self.lines[piece.line][0]
            )
            if piece.final_fragment:
                piece.attr = self._attr_from_subject(piece, floor)
                previous = piece
                continue
            head = self._head_cue(piece, floor)
            if (
                head is not None
                and shared is not None
                and shared.cue is not None
                and floor <= self.starts[shared.cue] < piece.open
                and not self._introduces(head, piece)
            ):
                # '"A," Holm told reporters, referring to papers the clerk showed the
                # police. "B?"': a verb inside the first attribution's clause.
                head = None
            if head is not None and shared is not None and self.lower[head] in PARTICIPLE_CUES:
                piece.attr = shared  # '"A," Berg said, adding: "B."'
            elif head is not None:
                piece.attr = self._attr_at_head(head, floor)
            elif shared is not None:
                piece.attr = shared  # '"A," he said. "B."'
            elif piece.open == self.lines[piece.line][0]:
                piece.attr = self._attr_from_colon_line(piece)
            else:
                piece.attr = self._attr_from_colon(piece, floor)
            previous = piece
        # Pieces before their own attribution in one paragraph ("A." "B," he said.) and
        # paragraphs of one continued quote share the attribution found later.
        for index in range(len(self.pieces) - 2, -1, -1):
            piece, nxt = self.pieces[index], self.pieces[index + 1]
            if (
                not piece.standalone
                or piece.attr is not None
                or not nxt.standalone
                or nxt.attr is None
            ):
                continue
            if nxt.line == piece.line or (piece.close is None and nxt.line == piece.line + 1):
                piece.attr = nxt.attr
        # Forward: the later paragraphs of a continued quote.
        for prev, piece in itertools.pairwise(self.pieces):
            if (
                piece.standalone
                and piece.attr is None
                and prev.attr is not None
                and prev.close is None
                and piece.line == prev.line + 1
                and piece.open == self.lines[piece.line][0]
            ):
                piece.attr = prev.attr

    def _head_cue(self, piece: _Piece, floor: int) -> int | None:
        """The speech verb before the opening mark, in the same sentence."""
        words, lower = self.words, self.lower
        first = bisect.bisect_left(self.starts, floor)
        last = bisect.bisect_left(self.starts, piece.open) - 1
        i = last
        stop = max(first, last - 29)  # at most 30 words back
        while i >= stop:
            low = lower[i]
            if i != last and words[i] in _SENTENCE_PUNCT and self.is_stop(i):
                return None
            if (
                low in SPEECH_CUES
                and (
                    words[i][:1].islower()
                    or i == first
                    or self.is_stop(i - 1)
                    or words[i - 1] in _QUOTE_CHARS
                )
                and i not in self.consumed
                and not (i > first and lower[i - 1] in _DETERMINERS)
            ):
                if last - i <= 14:
                    return i
                return None
            if low == "according" and i + 1 <= last and lower[i + 1] == "to":
                return i
            i -= 1
        return None

    def _introduces(self, cue: int, piece: _Piece) -> bool:
        """Whether the verb at ``cue`` opens the quotation: only a colon or comma (after
        at most a short phrase) stands between them."""
        between = self.text[self.ends[cue] : piece.open].strip()
        return len(between) <= 40 and between[-1:] in (":", ",")

    def _attr_from_colon(self, piece: _Piece, floor: int) -> _Attribution | None:
        """``Okafor leaned in and boomed: "..."``: a clause ending in a colon introduces
        the quote, and its subject is the speaker even when the verb is not a speech verb."""
        i = piece.open - 1
        text = self.text
        while i > floor and text[i].isspace():
            i -= 1
        if text[i] != ":":
            return None
        sentence = self.analysis.sentence_at(i)
        first = self.tok_at(max(floor, sentence[0] if sentence else floor))
        colon = self.tok_at(i)
        subject = self._clause_subject(first, colon)
        if subject is None:
            return None
        return _Attribution(None, subject, None, 0.6, colon=colon)

    def _attr_from_subject(self, piece: _Piece, floor: int) -> _Attribution | None:
        """The subject of the sentence a closing quotation belongs to."""
        sentence = self.analysis.sentence_at(piece.open)
        first = self.tok_at(max(floor, sentence[0] if sentence else floor))
        hook = self.tok_at(piece.open) - 1
        if hook < first:
            return None
        subject = self._clause_subject(first, hook)
        if subject is None:
            return None
        return _Attribution(None, subject, None, 0.6, colon=hook)

    def _clause_subject(self, a: int, j: int) -> tuple[int, int] | None:
        """The likely subject of the clause before token ``j``: the last name or pronoun
        that starts a clause (sentence start, or after a conjunction or comma)."""
        subject: int | None = None
        a = max(a, j - _LOOKBACK)
        for k in range(a, j):
            word = self.words[k]
            low = self.lower[k]
            introduced = k == a or self.lower[k - 1] in _SUBJECT_INTRODUCERS
            if introduced and self._in_any_piece(self.starts[k]):
                continue  # words inside quotation marks are not the clause's subject
            if (
                k + 1 < j
                and self.words[k + 1] == ","
                and low not in _SUBJECT_PRONOUNS
                and not self._mentioned(k)
            ):
                continue  # "Outside, ..." / "Likewise, ...": an opening adverbial
            if introduced and (
                (word[:1].isupper() and low not in FUNCTION_WORDS and low not in MONTHS_DAYS)
                or low in _SUBJECT_PRONOUNS
            ):
                subject = k
        if subject is None and self.lower[a] in ("the", "a", "an") and a < j:
            # "The New York businessman has praised ...": a determiner phrase up to its verb.
            end = a
            while end + 1 < j and end - a < 6:
                low = self.lower[end + 1]
                if low == "." and self.lower[end] in ABBREVIATIONS | _INITIALS:
                    end += 1  # "A spokesman for Mayor Anna J. Berg"
                    continue
                if low in AUXILIARIES or low in CLAUSE_BOUNDARIES or not low[:1].isalnum():
                    break
                if self.words[end + 1].islower() and (low.endswith("ed") or low in _COMMON_VERBS):
                    break
                end += 1
            return (a, end) if end > a else None
        if subject is None:
            return None
        end = subject
        while end + 1 < j:
            nxt = self.words[end + 1]
            low = self.lower[end + 1]
            if nxt[:1].isupper() or (nxt == "." and self.lower[end] in ABBREVIATIONS):
                end += 1
            elif (
                nxt.islower()
                and low not in FUNCTION_WORDS
                and low not in CLAUSE_BOUNDARIES
                and low not in AUXILIARIES
                and not low.endswith("ed")
                and low not in _COMMON_VERBS
                and end + 2 < j
                and (self.words[end + 2][:1].isupper() or self.lower[end + 2] in ROLE_NOUNS)
            ):
                end += 1  # "Labour front-runner Ivo Marek", "party nominee Sara Lind"
            else:
                break
        return (subject, end)

    def _attr_from_colon_line(self, piece: _Piece) -> _Attribution | None:
        """``He said:`` ending the paragraph before a paragraph-long quote."""
        if piece.line == 0:
            return None
        ls, le = self.lines[piece.line - 1]
        if self.text[le - 1] != ":":
            return None
        sentence = self.analysis.sentence_at(le - 1)
        floor = sentence[0] if sentence else ls
        last = self.tok_at(le) - 1
        i = last
        first = self.tok_at(floor)
        while i >= first and last - i <= 14:
            if self.lower[i] in _CUES and self.words[i][:1].islower():
                return self._attr_at_head(i, floor)
            i -= 1
        return None

    def _attr_at_tail(self, piece: _Piece, cue: int) -> _Attribution:
        self.consumed.add(cue)
        floor = self.tok_at(piece.close_end)
        while floor < cue and self.words[floor] in _DASHES:
            floor += 1
        if self.lower[cue] == "according":
            np = self._np_forward(cue + 2)
            return _Attribution(cue, np, None, 0.9)
        found = self._subject_before(cue, floor)
        if found is None and floor == cue:
            np = self._np_forward(cue + 1)
            role = self._appositive_after(np[1] + 1) if np else None
            return _Attribution(cue, np, role, 0.95)
        if found is None:
            return _Attribution(cue, None, None, 0.8)
        return _Attribution(cue, found[0], found[1], 0.95)

    def _attr_at_head(self, cue: int, floor: int) -> _Attribution:
        self.consumed.add(cue)
        if self.lower[cue] == "according":
            return _Attribution(cue, self._np_forward(cue + 2), None, 0.85)
        sentence = self.analysis.sentence_at(self.starts[cue])
        first = self.tok_at(max(floor, sentence[0] if sentence else floor))
        if self.lower[cue] in PARTICIPLE_CUES and cue > first:
            # '..., telling reporters, "..."': the subject of the clause it hangs on.
            subject = self._clause_subject(first, cue)
            if subject is not None:
                return _Attribution(cue, subject, None, 0.8)
        found = self._subject_before(cue, first)
        if found is not None:
            return _Attribution(cue, found[0], found[1], 0.9)
        if cue == first or self.words[cue - 1] == ",":
            # 'Said Greta Holm, "..."' / '..., said the mayor: "..."'
            np = self._np_forward(cue + 1)
            if np is not None:
                return _Attribution(cue, np, self._appositive_after(np[1] + 1), 0.8)
        # "Holm continued by saying, ..." / "... and added, ...": the clause's subject.
        return _Attribution(cue, self._clause_subject(first, cue), None, 0.7)

    # -- noun phrases ---------------------------------------------------------------

    def _np_back(self, j: int, floor: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``j`` (inclusive), read backwards to a boundary."""
        words, lower = self.words, self.lower
        k = j
        count = 0
        while k >= floor and count < 12:
            word = words[k]
            low = lower[k]
            if word in _QUOTE_TOKENS:
                # A nickname in quotes inside the phrase: a 22-year-old "Viking".
                k -= 1
                count += 1
                continue
            if not word[:1].isalnum():
                if word == ")" and k == j:
                    # "Sen. Ann Lee (D-Ore.) said": skip the party-and-state tag.
                    opening = k - 1
                    while opening > floor and words[opening] != "(" and k - opening < 8:
                        opening -= 1
                    if words[opening] == "(" and opening > floor:
                        k = opening - 1
                        j = k
                        continue
                    break
                if (
                    word == "."
                    and k > floor
                    and self.ends[k - 1] == self.starts[k]
                    and (lower[k - 1] in ABBREVIATIONS or len(lower[k - 1]) == 1)
                ):
                    k -= 1
                    count += 1
                    continue
                if (
                    word == "-"
                    and k > floor
                    and k < j
                    and self.ends[k - 1] == self.starts[k]
                    and self.ends[k] == self.starts[k + 1]
                ):
                    k -= 1
                    count += 1
                    continue
                break
            if low == "and" and floor < k < j and self._joins_nouns(k):
                k -= 1  # "farmers and traders say", "Smith and Jones said"
                count += 1
                continue
            if low in CLAUSE_BOUNDARIES:
                break
            k -= 1
            count += 1
            if k + 1 < j and word.islower() and self._verb_like(k + 1):
                k += 1  # "Green Future issued a statement": a verb ends the phrase
                count -= 1
                break
            if low in _SUBJECT_PRONOUNS and k + 1 < j:
                break  # "the kind of plan he said": the pronoun is the subject
        if k == j or count >= 12:
            return None
        start = k + 1
        while start <= j and words[start] in _QUOTE_TOKENS:
            start += 1
        if start > j:
            return None
        head = words[j]
        if head in _QUOTE_TOKENS:
            return (start, j)
        if start == j and head[:1].islower() and head.endswith(("ed", "ing")):
            return None  # "those who voted said": a verb, not a subject
        return (start, j)

    def _verb_like(self, i: int) -> bool:
        """Whether the lower-case word at ``i`` reads as a verb inside a would-be noun
        phrase: a contraction, a common irregular form, or "-ed" not after a determiner
        ("the unsigned opinion" is a noun phrase, "officials voted" is not)."""
        low = self.lower[i]
        if low.endswith(("n't", "n’t")) or low in _COMMON_VERBS:
            return True
        if low.endswith("ed") and "-" not in low and i > 0:
            prev = self.lower[i - 1]
            return (
                prev not in _DETERMINERS and not prev.endswith("ly") and prev not in ("so", "self")
            )
        return False

    def _joins_nouns(self, k: int) -> bool:
        """Whether the "and" at ``k`` joins two names or two plural nouns."""
        left, right = self.words[k - 1], self.words[k + 1]
        if left[:1].isupper() and right[:1].isupper():
            return True
        return left.islower() and right.islower() and left.endswith("s") and right.endswith("s")

    def _np_forward(self, i: int) -> tuple[int, int] | None:
        """The noun phrase starting at token ``i``: up to a comma, a clause or a time word."""
        n = len(self.words)
        j = i
        while j < n and j - i < 12:
            word = self.words[j]
            low = self.lower[j]
            if (
                low in ("and", "to")
                and j > i
                and j + 1 < n
                and self.words[j + 1][:1].isupper()
                and (
                    (low == "and" and (self.words[j - 1][:1].isupper() or self.words[j - 1] == "."))
                    or (low == "to" and self.lower[j - 1] in ROLE_NOUNS)
                )
            ):
                j += 1  # "former Ohio Gov. and party Chairman Tom Reyes"
                continue
            if not word[:1].isalnum():
                if (
                    word == "."
                    and j > i
                    and self.ends[j - 1] == self.starts[j]
                    and (self.lower[j - 1] in ABBREVIATIONS or len(self.lower[j - 1]) == 1)
                ):
                    j += 1
                    continue
                break
            if (
                low in ("from", "with", "by", "at", "in")
                and j > i
                and j - i < 8
                and j + 1 < n
                and self.words[j - 1].islower()
            ):
                # "data from the agency", "officials familiar with the talks", "a poll
                # released by Latino Decisions": the phrase goes on.
                j += 1
                continue
            if (
                low in CLAUSE_BOUNDARIES
                or low in MONTHS_DAYS
                or low in ("today", "yesterday", "last")
            ):
                break
            j += 1
        if j == i:
            return None
        return (i, j - 1)

    def _appositive_after(self, i: int) -> tuple[int, int] | None:
        """``, a former top press official`` after a name: the role, up to the next comma."""
        n = len(self.words)
        if i >= n or self.words[i] != ",":
            return None
        j = i + 1
        start = j
        words = self.words
        while (
            j < n
            and j - start < 14
            and words[j] != ","
            and not (words[j] in _SENTENCE_PUNCT and self.is_stop(j))
        ):
            j += 1
        if j == start:
            return None
        return (start, j - 1)

    def _subject_before(
        self, cue: int, floor: int
    ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """The subject of the speech verb at ``cue``, and an appositive role if there is one."""
        j = self._skip_between(cue - 1, floor)
        if j < floor:
            return None
        if self.words[j] == ",":
            return self._appositive_subject(j, floor)
        np = self._np_back(j, floor)
        return (np, None) if np is not None else None

    def _skip_between(self, j: int, floor: int) -> int:
        """Step back from ``j`` over what may stand between a subject and its verb:
        auxiliaries, adverbs and time ("Novak on Tuesday said", "officials now say")."""
        while j >= floor:
            low = self.lower[j]
            if low in _BETWEEN or (
                len(low) > 4 and low.endswith("ly") and self.words[j].islower()  # an adverb
            ):
                j -= 1
            elif low in _TIME_NOUNS and j - 1 >= floor and self.lower[j - 1] in _TIME_DETERMINERS:
                j -= 2  # "last week", "this month"
            elif low in ("on", "in") and self.lower[j + 1] in _WEEKDAYS:
                j -= 1
            else:
                break
        return j

    def _appositive_subject(
        self, j: int, floor: int
    ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """``P.J. Lund, editor of X, a weekly newspaper, wrote``: split
        the words before the verb at commas and take the first segment that is a whole
        name as the speaker, the segment next to it as the role."""
        segments: list[tuple[int, int]] = []
        end = j - 1
        k = end
        while k >= floor and len(segments) < 5 and j - k < 60:
            word = self.words[k]
            if (
                (word in _SENTENCE_PUNCT and self.is_stop(k))
                or word in _DOUBLE_MARKS
                or (word == "'" and self.ends[k - 1] != self.starts[k])
            ):
                break
            if word == ",":
                if k < end:
                    segments.append((k + 1, end))
                end = k - 1
            k -= 1
        if k < floor and end >= floor:
            segments.append((floor, end))
        elif k >= floor and end > k:
            segments.append((k + 1, end))
        if len(segments) < 2:
            return None
        segments.reverse()
        # A segment is a whole noun phrase when the phrase read back from its end reaches
        # its start (past a leading "And"; a trailing "(D-Ohio)" is left out).
        nps: list[tuple[int, int] | None] = []
        for seg in segments:
            np = self._np_back(seg[1], seg[0])
            skip = 1 if self.lower[seg[0]] in _CONJUNCTIONS else 0
            nps.append(np if np is not None and np[0] <= seg[0] + skip else None)
        for index, np in enumerate(nps):
            if np is not None and self._looks_like_name(np):
                prev = nps[index - 1] if index > 0 else None
                if prev is not None and not self._looks_like_name(prev):
                    return np, prev
                return np, segments[index + 1] if index + 1 < len(segments) else None
        # No name: the first whole noun phrase ("the company, which ..., said").
        for index, np in enumerate(nps):
            if np is not None and (
                self.lower[np[0]] not in FUNCTION_WORDS or self.lower[np[0]] in _DETERMINERS
            ):
                return np, segments[index + 1] if index + 1 < len(segments) else None
        return None

    def _looks_like_name(self, np: tuple[int, int]) -> bool:
        word = self.words[np[0]]
        return word[:1].isupper() and self.lower[np[0]] not in FUNCTION_WORDS

    # -- reported speech ------------------------------------------------------------

    def cue_tokens(self) -> list[int]:
        """The indices of the tokens ``_CUE_WORD`` matches whole, in text order: picked
        from the token list by one set lookup each, not by searching the text again."""
        text, words, starts, ends = self.text, self.words, self.starts, self.ends
        last = len(words) - 1
        out: list[int] = []
        for j in itertools.compress(itertools.count(), map(_CUE_TOKENS.__contains__, words)):
            # Only blanks separate tokens, so a character touches the word only where
            # the token next to it does: most cues stand between spaces, and are taken
            # on two integer comparisons, without a look at the text.
            start, end = starts[j], ends[j]
            if (
                (j > 0 and ends[j - 1] == start and _WORDISH.match(text, start - 1))
                or (j < last and starts[j + 1] == end and _WORDISH.match(text, end))
            ) and words[j] not in ("According", "Asked"):
                continue  # joined to a letter, apostrophe or hyphen: not the whole word
            out.append(j)
        return out

    def find_reported(self) -> list[_Event]:
        """Every reported-speech attribution, sentence by sentence, in text order."""
        events: list[_Event] = []
        starts, lower, consumed = self.starts, self.lower, self.consumed
        n = len(starts)
        sentences = self.analysis.sentences
        sentence_starts = [start for start, _ in sentences]
        # The pieces (disjoint, in text order) as two lists: a bisect on plain integers.
        piece_starts = [start for start, _ in self.all_pieces]
        piece_ends = [end for _, end in self.all_pieces]
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        current = -1
        a = b = se = 0
        sentence_events: list[_Event] = []
        for j in self.cue_tokens():
            position = starts[j]
            index = bisect_right(sentence_starts, position) - 1
            if index < 0 or position >= sentences[index][1]:
                continue
            if index != current:
                events.extend(sentence_events)
                sentence_events = []
                current = index
                ss, se = sentences[index]
                a, b = bisect_left(starts, ss), bisect_left(starts, se)
            if j in consumed:
                continue
            piece = bisect_right(piece_starts, position) - 1
            if piece >= 0 and position < piece_ends[piece]:
                continue  # between quotation marks
            if j > a and lower[j - 1] in _DETERMINERS:
                continue  # "the reports", "his claims": nouns
            if sentence_events and any(
                s <= position < e for event in sentence_events[-4:] for s, e in event.pieces
            ):
                continue  # a verb inside reported content is part of what was said
            low = lower[j]
            if low == "according":
                if j + 1 >= n or self.lower[j + 1] != "to":
                    continue
                event = self._according(j, a, b, se)
            elif low == "asked":
                event = self._asked(j, a, b, se)
            elif low in _SEEM_CUES or low == "expected":
                event = self._seeming(j, a, b, se)
            elif low in _TAIL_ONLY:
                continue
            elif (
                low in PARTICIPLE_CUES
                and j > a
                and (self.words[j - 1] == "," or self.lower[j - 1] in _DOCUMENT_NOUNS)
            ):
                event = self._participle(j, a, b, se, sentence_events)
            else:
                event = self._reported(j, a, b, se)
            if event is not None:
                consumed.add(j)
                sentence_events.append(event)
        events.extend(sentence_events)
        return events

    def find_headline(self) -> _Event | None:
        event = self._headline()
        if event is not None:
            # The headline's own words are not searched for more attributions.
            ls, le = self.lines[0]
            self.consumed.update(range(self.tok_at(ls), self.tok_at(le)))
        return event

    def _headline(self) -> _Event | None:
        """Headlines attribute in their own shorthand: ``Okafor: 'We will rebuild'`` and
        ``Okafor Says Bridges Will Reopen``, with single quotation marks and
        capitalised verbs that the body text would not use."""
        if not self.lines:
            return None
        ls, le = self.lines[0]
        first, last = self.tok_at(ls), self.tok_at(le)
        # (Every token before ``last`` starts before ``le``.)
        if last - first > 30 or not self.consumed.isdisjoint(range(first, last)):
            return None
        # "Speaker: content" with a short capitalised speaker.
        for j in range(first + 1, min(last, first + 7)):
            if self.words[j] == ":":
                np = (first, j - 1)
                named = all(
                    self.words[k][:1].isupper()
                    or not self.words[k][:1].isalpha()
                    or self.lower[k] in ("of", "the")
                    for k in range(first, j)
                )
                if self.words[first][:1].isupper() and (j - first <= 3 or named):
                    content = self._content(self.ends[j], le)
                    if content is not None:
                        self.consumed.add(j)
                        return self._headline_event(
                            _Attribution(None, np, None, 0.6, colon=j), content
                        )
                break
        # "Subject Says content" in title case.
        for j in range(first + 1, min(last - 2, first + 8)):
            if self.words[j] in _HEADLINE_CUES:
                content = self._content(self.ends[j], le)
                if content is not None:
                    self.consumed.add(j)
                    return self._headline_event(_Attribution(j, (first, j - 1), None, 0.6), content)
        return None

    def _headline_event(self, attr: _Attribution, content: tuple[int, int]) -> _Event:
        """A headline quotation wholly inside single (or double) marks is direct speech."""
        start, end = content
        text = self.text
        if end - start > 2 and text[start] in _HEADLINE_OPEN and text[end - 1] in _HEADLINE_CLOSE:
            inner = text[start + 1 : end - 1]
            if not any(mark in inner for mark in ("' ", "’ ", "” ", '" ')):
                event = _Event(attr, [(start + 1, end - 1)])
                event.kind_hint = "direct"
                return event
        return _Event(attr, [content])

    def _in_any_piece(self, pos: int) -> bool:
        """Whether ``pos`` lies between quotation marks, quotation or scare quote alike."""
        index = bisect.bisect_right(self.all_pieces, (pos, len(self.text) + 1)) - 1
        return index >= 0 and self.all_pieces[index][0] <= pos < self.all_pieces[index][1]

    def _content(self, start: int, end: int, short: bool = False) -> tuple[int, int] | None:
        """Trim a content span: whitespace, final period, and any quotation it runs into."""
        text = self.text
        if end - start > _MAX_CONTENT:
            return None  # no reported clause runs this long: a runaway sentence
        inside = self.inside
        index = bisect.bisect_right(inside, (start, len(text) + 1)) - 1
        if index >= 0 and inside[index][0] <= start < inside[index][1]:
            return None
        for p_start, _p_end in inside[index + 1 : index + 4]:
            if p_start - 1 > start and p_start < end:
                end = p_start - 1
                break
        while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;—–-"):
            end -= 1
        while end > start and text[end - 1] in "\"“«„'" and not self._balanced(start, end):
            end -= 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if not short and (end - start < 8 or len(text[start:end].split(None, 1)) < 2):
            return None
        return (start, end) if end > start else None

    def _balanced(self, start: int, end: int) -> bool:
        return sum(1 for m in _MARK.finditer(self.text, start, end)) % 2 == 0

    def _skip_after_cue(self, i: int, end_tok: int, tell: bool) -> int:
        """Skip what may follow a speech verb before its content: time, medium, addressee."""
        text = self.text
        for _ in range(4):
            if i >= end_tok:
                return i
            low = self.lower[i]
            # (A medium opens with one of a few words, and a token holds a word whole.)
            if self.words[i].startswith(_MEDIUM_WORDS):
                match = MEDIUM.match(text, self.starts[i])
                if match is not None:
                    i = self.tok_at(match.end())
                    continue
            if low in _TIME_LEADS and (
                i + 1 < end_tok
                and (self.lower[i + 1] in TIME_WORDS or self.lower[i + 1][:1].isdigit())
            ):
                i += 2
                while i < end_tok and self.lower[i] in TIME_WORDS:
                    i += 1
                continue
            if low in TIME_WORDS and low not in ("on", "in", "this", "last", "next", "day", "days"):
                i += 1
                continue
            if tell and (low in _OBJECT_WORDS):
                i += 1
                tell = False
                continue
            if tell and self.words[i][:1].isupper() and low not in FUNCTION_WORDS:
                while i < end_tok and (self.words[i][:1].isupper() or self.lower[i] == "of"):
                    i += 1
                tell = False
                continue
            break
        return i

    def _reported(self, j: int, a: int, b: int, se: int) -> _Event | None:
        low = self.lower[j]
        found = self._subject_before(j, a)
        if low in ("called", "calls") and (
            (found is not None and self.lower[found[0][0]] in _INDEFINITE)
            or (j + 1 < b and self.lower[j + 1] in _PARTICLES)
        ):
            return None  # "a group called Clean Rivers", "called off the deal"
        if found is None and j - 1 > a and self.lower[j - 1] in ("and", "but"):
            # "A spokesman defended the route and said ...": the clause's subject.
            subject = self._clause_subject(a, j - 1)
            if subject is not None:
                found = (subject, None)
        if found is None and j - 1 > a and self.lower[j - 1] in ("who", "which"):
            # "security experts who say ...": the noun the relative clause hangs on.
            np = self._np_back(j - 2, a)
            if np is not None:
                found = (np, None)
        tell = low in TELL_CUES
        cue_type_conf = 0.8 if low in SPEECH_CUES else 0.6
        if (
            found is not None
            and found[0][0] - 1 >= a
            and self.lower[found[0][0] - 1] == "as"
            and (j + 1 < b and self.words[j + 1] == ",")
        ):
            # "As the Times noted, CONTENT."
            content = self._content(self.ends[j + 1], se)
            if content is not None:
                return _Event(_Attribution(j, found[0], found[1], cue_type_conf), [content])
        if found is not None:
            np, role = found
            before_np = np[0] - 1
            if role is not None:
                before_np = min(np[0], role[0]) - 1
            preceded_by_comma = before_np >= a and self.words[before_np] == ","
            after = self._content_after(j, b, se, tell)
            if after is not None:
                return _Event(_Attribution(j, np, role, cue_type_conf), [after])
            if preceded_by_comma and self._ends_after(j, b):
                start_tok = a
                while start_tok < before_np and self.lower[start_tok] in _CONJUNCTIONS:
                    start_tok += 1
                rest = self._continuation(j, b, se)
                content = self._content(
                    self.starts[start_tok], self.starts[before_np], rest is not None
                )
                pieces = [p for p in (content, rest) if p is not None]
                if not pieces:
                    return None
                return _Event(_Attribution(j, np, role, cue_type_conf - 0.05), pieces)
            return None
        # Inverted: "CONTENT, said the mayor."
        if j > a and self.words[j - 1] == "," and low in _BARE_CUES:
            np2 = self._np_forward(j + 1)
            if np2 is None or not self._ends_after(np2[1], b):
                return None
            start_tok = a
            while start_tok < j - 1 and self.lower[start_tok] in _CONJUNCTIONS:
                start_tok += 1
            content = self._content(self.starts[start_tok], self.starts[j - 1])
            if content is None:
                return None
            role = self._appositive_after(np2[1] + 1)
            return _Event(_Attribution(j, np2, role, cue_type_conf - 0.1), [content])
        return None

    def _ends_after(self, j: int, b: int) -> bool:
        """Whether only time, medium or a new clause follows token ``j`` in its sentence:
        what makes "X, the mayor said" an attribution of the words before it."""
        i = self._skip_after_cue(j + 1, b, self.lower[j] in TELL_CUES)
        return i >= b or self.is_stop(i) or self.words[i] == ","

    def _content_after(self, j: int, b: int, se: int, tell: bool) -> tuple[int, int] | None:
        i = self._skip_after_cue(j + 1, b, tell)
        if tell and i < b and self.lower[i] not in ("that", "to", ":"):
            # "told Ukrainian forces holed up there to stop ...": the content starts at
            # "that" or at the infinitive, when either comes soon.
            for k in range(i, min(b, i + 10)):
                if self.lower[k] in ("that", "to") or self.words[k] == ",":
                    if self.lower[k] in ("that", "to"):
                        i = k - 1 if self.lower[k - 1] == "not" and k - 1 > i else k
                    break
        if i < b and not tell and self.lower[i] in _PREPOSITIONS and self.lower[j] in _BARE_CUES:
            # 'said on ABC's "This Week" that ...': a phrase before the "that" clause.
            for k in range(i + 1, min(b, i + 14)):
                if self.lower[k] == "that":
                    i = k
                    break
                if self.words[k] in (",", ";", ":") or self.lower[k] in _CUES:
                    break
        if i >= b:
            return None
        word = self.lower[j]
        complementiser = self.lower[i] == "that"
        if complementiser:
            i += 1
        elif (
            self.lower[i] == "to"
            or (self.lower[i] == "not" and i + 1 < b and self.lower[i + 1] == "to")
        ) and (word in _INFINITIVE_CUES):
            pass
        elif word in _OBJECT_CUES:
            if self.lower[i] in ("for", "of", "on", "to") and i + 1 < b:
                i += 1  # "called for more sanctions", "warned of", "referring to"
        elif word not in _BARE_CUES and not (word in _EVIDENCE_CUES and self._evidence_subject(j)):
            return None
        if i >= b or self.words[i] in (",", ".", ";", "?", "!"):
            return None
        if self.words[i] == ":" and i + 1 < b:
            i += 1
        if not complementiser and self.lower[i] in _BAD_CONTENT_START:
            return None
        if not complementiser and word.startswith("add") and not self.words[i][:1].isalpha():
            return None  # "the economy added 150,000 jobs": a sum, not speech
        if word in THOUGHT_CUES and not self._thinker(j):
            return None
        if self.lower[i] in PARTICIPLE_CUES:
            return None
        # An endorsement's content may be one name: "Marek endorsed Lind."
        return self._content(self.starts[i], self._next_attribution(i, b, se), word in _OBJECT_CUES)

    def _thinker(self, j: int) -> bool:
        """Whether a belief verb has a subject that can hold beliefs, not "a think tank"."""
        k = j - 1
        while k >= 0 and self.lower[k] in AUXILIARIES:
            k -= 1
        if k < 0:
            return False
        word = self.words[k]
        return (
            self.lower[k] in _SUBJECT_PRONOUNS
            or word[:1].isupper()
            or (word.endswith("s") and word.islower())
        )

    def _evidence_subject(self, j: int) -> bool:
        """Whether the verb's subject is a poll, study or report ("a poll shows X leading")."""
        k = j - 1
        while k >= 0 and self.lower[k] in AUXILIARIES:
            k -= 1
        return k >= 0 and self.lower[k] in _EVIDENCE_NOUNS

    def _next_attribution(self, i: int, b: int, se: int) -> int:
        """Where a content runs into the next attribution: ``... but separatists said``."""
        verbs_seen = 0
        words, lower = self.words, self.lower
        for k in range(i + 2, min(b, i + _LOOKBACK * 3)):
            if lower[k] not in _TURNS:
                continue  # a word none of the checks below can fire on
            word = words[k]
            if word[:1].isalpha() and word[:1].isupper():
                continue  # capitalised words take no part in the checks below
            if word == "," and k + 1 < b:
                nxt = k + 2 if self.words[k + 1] in _QUOTE_CHARS and k + 2 < b else k + 1
                if self.lower[nxt] in PARTICIPLE_CUES or (
                    self.lower[nxt] == "according" and nxt + 1 < b and self.lower[nxt + 1] == "to"
                ):
                    # "..., noting that ..." / "..., according to X": a second attribution
                    return self.starts[k] if nxt == k + 1 else self.ends[k + 1]
            if (
                self.lower[k] in ("and", "but")
                and k + 1 < b
                and k - i >= 3
                and (
                    (self.lower[k + 1] in SPEECH_CUES and self.words[k + 1].islower())
                    or (
                        self.lower[k + 1] in ("did", "does", "would", "could")
                        and k + 2 < b
                        and self.lower[k + 2] == "not"
                    )
                )
            ):
                # "... but did not suggest ...", "... and suggested that ...": the
                # speaker's next act, not part of what was said
                cut = k - 1 if self.words[k - 1] == "," else k
                return self.starts[cut]
            if word == "," and k + 1 < b and self.lower[k + 1] in _ASIDES and k - i >= 4:
                return self.starts[k]  # a relative clause or aside the reporter adds
            if word == ";" or (word in _CONTENT_BREAKS and self.ends[k - 1] < self.starts[k]):
                return self.starts[k]  # a spaced dash or a semicolon ends the reported clause
            if (
                self.words[k] == ","
                and k + 2 < b
                and self.lower[k + 1] in ("a", "an")
                and k - i >= 4
            ):
                return self.starts[k]  # "..., an acknowledgment that ...": a comment on it
            if self.lower[k] in _CUES and self.lower[k] not in _TAIL_ONLY and word[:1].islower():
                verbs_seen += 1
                if verbs_seen > 3:
                    break  # later verbs belong to the clauses of the first ones
                found = self._subject_before(k, i + 1)
                if found is None:
                    continue
                start = found[0][0] if found[1] is None else min(found[0][0], found[1][0]) - 1
                before = start - 1
                if before > i and (
                    self.lower[before] in _SPLITTERS or self.words[before] in (",", ";")
                ):
                    cut = before
                    if self.words[cut - 1] == "," and cut - 1 > i:
                        cut -= 1
                    return self.starts[cut]
        return se

    def _continuation(self, j: int, b: int, se: int) -> tuple[int, int] | None:
        """``CONTENT, the mayor said, but CONTENT2``: the second piece after the verb."""
        i = self._skip_after_cue(j + 1, b, False)
        if i >= b or self.words[i] != ",":
            return None
        i += 1
        while i < b and self.lower[i] in _CONJUNCTIONS:
            i += 1
        if i >= b or self.lower[i] in PARTICIPLE_CUES or self.lower[i] in _BAD_CONTENT_START:
            return None
        return self._content(self.starts[i], self._next_attribution(i, b, se))

    def _according(self, j: int, a: int, b: int, se: int) -> _Event | None:
        np = self._np_forward(j + 2)
        if np is None:
            return None
        # Let the source run on to its comma ("according to a report by the agency,").
        k = np[1] + 1
        while k < b and self.words[k] != "," and k - j < 16:
            k += 1
        before = after = None
        if j > a and self.words[j - 1] == ",":
            start = a
            while start < j - 1 and self.lower[start] in _CONJUNCTIONS:
                start += 1
            before = self._content(self.starts[start], self.starts[j - 1], True)
        if k < b and self.words[k] == ",":
            # "The firm earns, according to one report, $5 million ...": both sides.
            after = self._content(self.ends[k], self._next_attribution(k + 1, b, se))
        pieces = [p for p in (before, after) if p is not None]
        if not pieces:
            return None
        return _Event(_Attribution(j, np, None, 0.75), pieces)

    def _asked(self, j: int, a: int, b: int, se: int) -> _Event | None:
        """``Asked whether X, she said ...`` / ``Berg asked Holm if X``: the question."""
        for k in range(j + 1, min(b, j + 9)):
            if self.lower[k] in _QUESTION_WORDS:
                end = k + 1
                while end < b and self.words[end] != "," and end - k < 60:
                    end += 1
                content = self._content(self.starts[k], self.starts[end] if end < b else se)
                if content is None:
                    return None
                found = self._subject_before(j, a) if self.words[j][:1].islower() else None
                np, role = found if found is not None else (None, None)
                return _Event(_Attribution(j, np, role, 0.6), [content])
            if self.words[k] in (",", ".", ":", ";"):
                return None
        return None

    def _seeming(self, j: int, a: int, b: int, se: int) -> _Event | None:
        """``Support for the plan appears to have faded``: an impression with no
        one who holds it (cue type ``other``, no speaker)."""
        if j + 1 >= b or self.lower[j + 1] != "to":
            return None
        k = j - 1
        if self.lower[j] == "expected":
            if k < a or self.lower[k] not in _BE_FORMS:
                return None
            k -= 1
        while k >= a and self.lower[k] in AUXILIARIES:
            k -= 1
        if k < a:
            return None
        if self._np_back(k, a) is None:
            return None
        content = self._content(self.starts[j + 1], self._next_attribution(j + 1, b, se))
        if content is None:
            return None
        return _Event(_Attribution(j, None, None, 0.5), [content])

    def _participle(self, j: int, a: int, b: int, se: int, earlier: list[_Event]) -> _Event | None:
        content = self._content_after(j, b, se, self.lower[j] in TELL_CUES)
        if content is None:
            return None
        if earlier and earlier[-1].attr.np is not None:
            prev = earlier[-1].attr
            return _Event(_Attribution(j, prev.np, prev.role, 0.7), [content])
        subject = self._clause_subject(a, j - 1)
        if subject is None:
            return None
        return _Event(_Attribution(j, subject, None, 0.6), [content])

    # -- speakers -------------------------------------------------------------------

    # Genders and sentence subjects serve only to resolve "he" and "she": many articles
    # have no such speaker, so both are worked out on the first one.

    @functools.cached_property
    def gender(self) -> dict[int, str]:
        """Person index -> "m" or "f", from the first title in front of their name."""
        genders: dict[int, str] = {}
        text = self.text
        for start, _end, index in self.mentions:
            if index in genders:
                continue  # the first title in front of a person's name decides
            before = text[max(0, start - 6) : start].split()
            if before:
                word = before[-1].lower()
                if word in MALE_TITLES:
                    genders.setdefault(index, "m")
                elif word in FEMALE_TITLES:
                    genders.setdefault(index, "f")
        return genders

    def _mentioned(self, k: int) -> bool:
        """Whether token ``k`` is part of a name in the people index."""
        pos = self.starts[k]
        index = bisect.bisect_right(self.mention_starts, pos) - 1
        return index >= 0 and self.mentions[index][1] > pos

    def _person_at(self, start: int, end: int) -> int | None:
        """The indexed person whose mention ends the phrase [start, end)."""
        index = bisect.bisect_left(self.mention_starts, end) - 1
        while index >= 0 and self.mentions[index][1] > start:
            m_start, m_end, person = self.mentions[index]
            if m_start >= start and self._only_trailing(m_end, end):
                return person
            index -= 1
        return None

    def _only_trailing(self, m_end: int, end: int) -> bool:
        rest = self.text[m_end:end]
        return not rest.strip(" \t'’s.\"“”,")

    def resolve(self, events: list[_Attribution]) -> None:
        """Name every speaker, in text order, so pronouns can look back at earlier ones."""
        last_person: list[tuple[int, int]] = []  # (position, person index) of subjects and speakers
        events = sorted(events, key=lambda at: at.anchor or 0)
        last_body: Speaker | None = None  # the last organisation, country or group
        last_body_at = -1
        for attr in events:
            pos = self.starts[attr.anchor or 0]
            speaker = self._speaker(attr, pos, last_person)
            if (
                speaker is not None
                and speaker.name is None
                and speaker.mention is not None
                and speaker.mention.lower() in _COLLECTIVE_PRONOUNS
                and last_body is not None
                and pos - last_body_at < _BODY_REACH
            ):
                # "The company said ... It also reported ...": "it" and "they" point
                # back to the last organisation or group that spoke.
                speaker = Speaker(
                    name=last_body.name,
                    type=last_body.type,
                    role=last_body.role,
                    mention=speaker.mention,
                    start=speaker.start,
                    end=speaker.end,
                )
            attr.speaker = speaker
            if speaker is None or not speaker.name:
                continue
            if speaker.type == "person":
                person = self._person_by_name(speaker.name)
                if person is not None:
                    last_person.append((pos, person))
            else:
                last_body, last_body_at = speaker, pos

    def _person_by_name(self, name: str) -> int | None:
        return self.person_index.get(name)

    @functools.cached_property
    def sentence_subjects(self) -> list[tuple[int, int]]:
        """(position, person) of the first person named in each sentence outside quotes."""
        out: list[tuple[int, int]] = []
        seen_sentence = -1
        sentences = self.analysis.sentences
        sentence_starts = [s for s, _ in sentences]
        persons = [person.type == "person" for person in self.people]
        starts = self.starts
        # (in_piece, sentence_index and tok_at, inline: this runs once per mention)
        inside = self.inside
        past_end = len(self.text) + 1
        bisect_right = bisect.bisect_right
        for start, _end, index in self.mentions:
            if not persons[index]:
                continue
            sentence = max(0, bisect_right(sentence_starts, start) - 1)
            if sentence == seen_sentence:
                continue  # (whether in a piece or not)
            piece = bisect_right(inside, (start, past_end)) - 1
            if piece >= 0 and inside[piece][0] <= start < inside[piece][1]:
                continue
            seen_sentence = sentence
            # A subject opens its sentence, or follows a short opening phrase and a
            # comma; "the Birchfield Harrier" is an epithet, not a name.
            first = bisect.bisect_left(starts, sentences[sentence][0])
            k = bisect.bisect_left(starts, start)
            before = self.lower[k - 1] if k > first else ""
            opening = k - first <= 2 or (before == "," and k - first <= 8)
            if opening and before not in ("the", "a", "an"):
                out.append((start, index))
        return out

    def _antecedent(
        self,
        pronoun: str,
        pos: int,
        speakers: list[tuple[int, int]],
    ) -> int | None:
        want = "m" if pronoun == "he" else "f"
        best: tuple[int, int] | None = None
        for source in (self.sentence_subjects, speakers):
            index = bisect.bisect_left(source, (pos, -1)) - 1
            stop = index - _LOOKBACK
            while index >= 0 and index > stop:
                at, person = source[index]
                gender = self.gender.get(person)
                if gender is None or gender == want:
                    if best is None or at > best[0]:
                        best = (at, person)
                    break
                index -= 1
        return best[1] if best else None

    def _speaker(
        self,
        attr: _Attribution,
        pos: int,
        speakers: list[tuple[int, int]],
    ) -> Speaker | None:
        if attr.np is None:
            return None
        a, b = attr.np
        start, end = self.starts[a], self.ends[b]
        mention = self.text[start:end]
        role = None
        if attr.role is not None:
            role = self._role_text(attr.role)
        if a == b and self.lower[a] in _SUBJECT_PRONOUNS:
            if self.lower[a] in _PERSONAL:
                person = self._antecedent(self.lower[a], pos, speakers)
                if person is not None:
                    return self._from_person(person, mention, start, end, role)
            return Speaker(
                name=None, type="unknown", role=role, mention=mention, start=start, end=end
            )
        person = self._person_at(start, end)
        if person is not None and not self._role_of_other(a, b):
            return self._from_person(person, mention, start, end, role)
        words = mention.split()
        lowered = [w.lower().strip(".,'’") for w in words]
        if lowered and lowered[0] == "the" and len(lowered) <= 5:
            for word in reversed(lowered[1:]):
                if word in ROLE_NOUNS:
                    found = self._by_role(lowered[1:], pos)
                    if found is not None:
                        return self._from_person(found, mention, start, end, role or mention[4:])
                    break
        name = mention
        # A nickname in quotes names the speaker: a serviceman nicknamed "Viking".
        if b > a and (self.words[b] in _QUOTE_CHARS or self.words[b] == "''"):
            k = b - 1
            while k > a and self.words[k] not in _QUOTE_CHARS and self.words[k] != "''":
                k -= 1
            if k > a:
                name = self.text[self.ends[k] : self.starts[b]].strip()
                role = role or self.text[self.starts[a] : self.starts[k]].strip()
        return Speaker(
            name=name, type=self._np_type(words), role=role, mention=mention, start=start, end=end
        )

    def _role_of_other(self, a: int, b: int) -> bool:
        """``a spokesman for Mayor Anna Berg``: the name in the phrase is not the speaker."""
        for k in range(a, b):
            if self.lower[k] in ("of", "for", "to") and k > a and self.lower[k - 1] in ROLE_NOUNS:
                return True
        return False

    def _np_type(self, words: list[str]) -> SpeakerType:
        if all(w[:1].isupper() for w in words):
            return name_type(words)
        lowered = [w.lower() for w in words]
        if any(w in ORG_WORDS for w in lowered):
            return "organisation"
        if (
            lowered
            and lowered[-1].endswith(("s", "men", "people"))
            and lowered[-1] not in ("his", "was", "is")
        ):
            return "group"
        return "unknown"

    def _role_text(self, role: tuple[int, int]) -> str | None:
        text = self.text[self.starts[role[0]] : self.ends[role[1]]].strip()
        cut = _CUT_ROLE.search(text)
        if cut is not None:
            text = text[: cut.start()]
        words = text.split()
        if words and words[0].lower() in _DETERMINERS:
            text = " ".join(words[1:]) if len(words) > 1 else text
        return text or None

    def _by_role(self, words: list[str], pos: int) -> int | None:
        """The person last mentioned before ``pos`` whose role has all of ``words``
        ("the former president" needs a former president, not any president)."""
        best: tuple[int, int] | None = None
        wanted = set(words)
        for index, person in enumerate(self.people):
            if person.type != "person" or not any(
                wanted <= set(r.lower().replace(".", "").split()) for r in person.roles
            ):
                continue
            starts = sorted(m.start for m in person.mentions)
            k = bisect.bisect_left(starts, pos) - 1
            if k >= 0 and (best is None or starts[k] > best[0]):
                best = (starts[k], index)
        return best[1] if best else None

    def _from_person(
        self, index: int, mention: str, start: int, end: int, role: str | None
    ) -> Speaker:
        person = self.people[index]
        if role is None and person.roles:
            role = person.roles[0]
        return Speaker(
            name=person.name, type=person.type, role=role, mention=mention, start=start, end=end
        )

    # -- records --------------------------------------------------------------------

    def medium(self, attr: _Attribution) -> str | None:
        if attr.cue is None:
            return None
        pos = self.ends[attr.cue]
        if attr.np is not None and attr.np[0] > attr.cue:
            pos = self.ends[attr.np[1]]
        text = self.text
        # The first MEDIUM match from ``pos`` on is taken when it starts within
        # _MEDIUM_REACH characters. Every match opens with one of a few words: with none
        # of them that near there is none (as for most verbs), and the sentence need not
        # be looked up; else MEDIUM is tried where each one is, not at every character.
        reach = pos + _MEDIUM_REACH
        if _MEDIUM_OPENING.search(text, pos, reach + _MEDIUM_OPENING_LONGEST) is None:
            return None
        sentence = self.analysis.sentence_at(pos - 1)
        limit = min(sentence[1] if sentence else len(text), pos + 60)
        window = min(limit, reach + _MEDIUM_OPENING_LONGEST)
        at = pos
        while (opening := _MEDIUM_OPENING.search(text, at, window)) is not None:
            at = opening.start()
            if at > reach:
                break
            if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                at += 1  # inside a word: "that the statement" holds no "at the statement"
                continue
            match = MEDIUM.match(text, at, limit)
            if match is not None:
                between = text[pos:at]
                return None if any(c in between for c in ',.;:"“”') else match.group()
            at += 1
        return None

    def cue(self, attr: _Attribution) -> Cue | None:
        if attr.cue is None:
            return None
        start, end = self.starts[attr.cue], self.ends[attr.cue]
        word = self.lower[attr.cue]
        if word == "according" and attr.cue + 1 < len(self.words):
            end = self.ends[attr.cue + 1]
        kind: Literal["speech", "thought", "other"] = "speech"
        if word in THOUGHT_CUES:
            kind = "thought"
        elif word in _SEEM_CUES or word in _EVIDENCE_CUES or word == "expected":
            kind = "other"  # an impression or what evidence shows, not anyone's words
        return Cue(text=self.text[start:end], start=start, end=end, type=kind)


def extract_quotes(analysis: Analysis, people: Sequence[Person] | None = None) -> tuple[Quote, ...]:
    """Every direct, reported and mixed quote in the text, in text order."""
    if people is None:
        people = index_people(analysis)
    state = _Extraction(analysis, people)
    state.find_pieces()
    state.classify_pieces()
    state.attribute_pieces()
    headline = state.find_headline()
    events = state.find_reported()
    if headline is not None:
        events.insert(0, headline)
    direct = [p for p in state.pieces if p.standalone]
    # A paragraph that is only a quote, with no attribution of its own, continues the
    # speaker of the nearest attribution before it (within the two paragraphs before).
    attributions: list[tuple[int, _Attribution]] = []
    for piece in direct:
        if piece.attr is not None:
            attributions.append((piece.open, piece.attr))
    for event in events:
        attributions.append((state.starts[event.attr.anchor or 0], event.attr))
    attributions.sort(key=operator.itemgetter(0))
    keys = [pos for pos, _ in attributions]
    line_starts = [s for s, _ in state.lines]
    for piece in direct:
        if piece.attr is not None:
            continue
        index = bisect.bisect_left(keys, piece.open) - 1
        if index < 0:
            continue
        pos, source = attributions[index]
        source_line = bisect.bisect_right(line_starts, pos) - 1
        if piece.line - source_line > 2 or source.np is None:
            continue
        inherited = _Attribution(None, None, None, 0.6)
        inherited.source = source
        piece.attr = inherited
    unique: dict[int, _Attribution] = {}
    for piece in direct:
        if piece.attr is not None:
            unique[id(piece.attr)] = piece.attr
    for event in events:
        unique[id(event.attr)] = event.attr
    ordered = list(unique.values())
    state.resolve([a for a in ordered if a.anchor is not None])
    for attr in ordered:
        if attr.source is not None:
            attr.speaker = attr.source.speaker
    # A quotation nobody can be found to have said, with no verb of saying near it, is
    # as a rule a title, a slogan, a sign or boilerplate ("Read more:"), not speech.
    spans: list[tuple[int, int, Kind, _Attribution | None]] = [
        (piece.start, piece.end, "direct", piece.attr)
        for piece in direct
        if piece.attr is not None and (piece.attr.speaker is not None or piece.attr.cue is not None)
    ]
    for event in events:
        for start, end in event.pieces:
            kind: Kind = "mixed" if _MARK.search(state.text, start, end) else "indirect"
            if event.kind_hint == "direct":
                kind = "direct"
            spans.append((start, end, kind, event.attr))
    spans.sort(key=operator.itemgetter(0))
    ids: dict[int, str] = {}
    # The pieces of one quote share their attribution, and so its cue and medium.
    records: dict[int, tuple[Cue | None, str | None]] = {}
    out: list[Quote] = []
    text = state.text
    for start, end, kind, found in spans:
        if found is None:
            out.append(Quote(text=text[start:end], start=start, end=end, kind=kind, confidence=0.5))
            continue
        key = id(found)
        identifier = ids.get(key)
        if identifier is None:
            identifier = ids[key] = f"q{len(ids) + 1}"
            cue, medium = records[key] = (state.cue(found), state.medium(found))
        else:
            cue, medium = records[key]
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                kind=kind,
                speaker=found.speaker,
                cue=cue,
                medium=medium,
                confidence=round(found.confidence, 2),
                attribution=identifier,
            )
        )
    return tuple(out)


def _extract(doc: Document, /) -> Sequence[Quote]:
    people = doc.results.get("people")
    return extract_quotes(doc.analysis, people if people is not None else None)


def build() -> Extractor:
    """The quotes extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return _extract
