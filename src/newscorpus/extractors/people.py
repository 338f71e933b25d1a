"""The people index: who an article names, by their fullest name, with roles and mentions.

News copy introduces a person once in full, usually with a title or an appositive
(``U.S. Defense Secretary Lloyd Austin``, ``Serhiy Gaidai, governor of ...``), and then
refers back by surname (``Austin``), honorific (``Mr. Austin``) or role (``the
governor``). The index links those later mentions to the introduction so that a quote
can name its speaker the way the article first did, and it keeps the roles so that
``the governor said`` can find its person.

Single capitalised words are only indexed when they are clearly a speaker (the subject
of a speech verb) or a surname already introduced: alone they are as often places,
months or sentence-initial words as people.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from .._patterns import word_trie
from ..analysis import Analysis
from ..models import Mention, Person, SpeakerType
from ..specs import Document, Extractor
from ._speech import (
    AUXILIARIES,
    CAPITALS,
    COUNTRIES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    MALE_TITLES,
    MONTHS_DAYS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPEECH_CUES,
    THOUGHT_CUES,
    TITLE_WORDS,
)

__all__ = ["build", "index_people", "name_type"]

# Multi-word name candidates examined per article at most.
_MAX_NAMES: Final = 5000
_HONORIFICS: Final = frozenset("mr mrs ms miss dr sir dame".split())
# The next word after blanks on the same line.
_NEXT_WORD: Final = re.compile(r"[ \t]*(\S+)")
_CUES: Final = SPEECH_CUES | THOUGHT_CUES
# Words that name no one when they stand alone (candidates hold no commas to strip).
_NEVER_ALONE: Final = FUNCTION_WORDS | MONTHS_DAYS
# The next word, in any case, is a speech verb or an auxiliary: what the loop of
# _is_speech_subject needs to get past its first word. Case-insensitive matching takes a
# little more than lower-casing does ("ſaid" matches "said"), so a match still goes
# through the loop; a miss is a sure no.
_MAYBE_SPEECH_NEXT: Final = re.compile(
    r"[ \t]*+(?:" + word_trie(sorted(_CUES | AUXILIARIES)) + r")[.,:;]*+(?!\S)", re.IGNORECASE
)
# An appositive right after a name: ", governor of the Luhansk region," (lower-case or
# a determiner first, so a following name or clause is not taken for a role).
_APPOSITIVE_AFTER: Final = re.compile(
    r",[ \t]+((?:(?:the|a|an|its|his|her|their)[ \t]+)?[a-z][^,.;:!?\"“”()\n]{0,80})"
)
# A role phrase right before a name: "The mayor of Sievierodonetsk, " / "His adviser, ".
_ROLE_BEFORE: Final = re.compile(
    r"(?:^|[.;:!?][ \t]+|,[ \t]+)((?:The|the|His|his|Her|her|Their|their|Its|its)[ \t]+"
    r"[^,.;:!?\"“”()\n]{1,70}),[ \t]*$"
)
_BLANKS_OR_COMMA: Final = frozenset(" \t,")
_CUT_ROLE: Final = re.compile(r"[ \t]+(?:who|which|that|where|whose|containing|including|and)\b")


class _Entity:
    __slots__ = ("gender", "last", "mentions", "name", "roles", "size", "tokens", "type")

    def __init__(self, name: str, type_: SpeakerType, tokens: tuple[str, ...], size: int) -> None:
        self.name = name
        self.size = size  # len(name.split())
        self.type: SpeakerType = type_
        self.tokens = tokens  # _norm_tuple(name)
        self.last = self.tokens[-1] if self.tokens else ""
        self.roles: list[str] = []
        self.mentions: list[Mention] = []
        self.gender: str | None = None


@functools.lru_cache(maxsize=16384)
def _norm_tuple(name: str) -> tuple[str, ...]:
    return tuple([w.strip(".,").lower() for w in name.split() if w.strip(".,")])


def name_type(words: Sequence[str]) -> SpeakerType:
    """Classify a capitalised run by its words: country, organisation, or person."""
    return _name_type(words, [w.lower().rstrip(".") for w in words])


def _name_type(words: Sequence[str], lowered: list[str]) -> SpeakerType:
    """:func:`name_type`, given the words lowered and without their final periods."""
    joined = " ".join(lowered)
    if joined in COUNTRIES or joined in CAPITALS or (len(lowered) == 1 and lowered[0] in COUNTRIES):
        return "country"
    if not ORG_WORDS.isdisjoint(lowered):
        return "organisation"
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return "organisation"  # an acronym: NATO, FBI
    if len(words) == 1 and lowered[0].endswith("ans"):
        return "group"  # a demonym in the plural: Ukrainians, Republicans
    return "person"


def _is_speech_subject(text: str, end: int) -> bool:
    """Whether a speech verb follows ``end`` (after auxiliaries): ``Zelenskiy (has) said``."""
    if _MAYBE_SPEECH_NEXT.match(text, end) is None:
        return False  # most names are followed by neither: settled in one search
    pos = end
    for _ in range(3):
        match = _NEXT_WORD.match(text, pos)
        if match is None:
            return False
        word = match.group(1).lower().rstrip(".,:;")
        if word in _CUES:
            return True
        if word not in AUXILIARIES:
            return False
        pos = match.end()
    return False


def _role_after(text: str, end: int, limit: int) -> str | None:
    match = _APPOSITIVE_AFTER.match(text, end, limit)
    if match is None:
        return None
    role = match.group(1)
    cut = _CUT_ROLE.search(role)
    if cut is not None:
        role = role[: cut.start()]
    role = role.strip()
    words = [w.lower() for w in role.split()]
    if not words or not any(w.rstrip("'s") in ROLE_NOUNS or w in TITLE_WORDS for w in words):
        return None
    if words[0] in ("the", "a", "an"):
        role = role.split(None, 1)[1] if len(words) > 1 else role
    return role


def _role_before(text: str, start: int, floor: int) -> str | None:
    lo = max(floor, start - 90)
    # The phrase ends in a comma (and blanks) right before the name: check that first.
    pos = start
    while pos > lo and text[pos - 1] in " \t":
        pos -= 1
    if pos <= lo or text[pos - 1] != ",":
        return None
    # A slice, not search(pos=...): "^" must match at the window's start.
    match = _ROLE_BEFORE.search(text[lo:start])
    if match is None:
        return None
    role = match.group(1)
    words = role.split()
    if not any(w.lower() in ROLE_NOUNS for w in words):
        return None
    return role.split(None, 1)[1] if len(words) > 1 else role


class _Plan(NamedTuple):
    """What a name candidate says on its own, before the article's context is consulted."""

    start: int  # the name proper, relative to the candidate (titles and "The" left out)
    end: int
    surface: str
    kind: SpeakerType
    role: str | None  # from the title words in front ("Defense Secretary")
    gender: str | None
    needs_context: bool  # one untitled word: a name only as a known surname or a speaker
    last: str | None  # its normalised last token, when it needs context
    key: str  # the surface lower-cased: how by_name knows it
    tokens: tuple[str, ...]  # _norm_tuple(surface)
    size: int  # len(surface.split())


@functools.lru_cache(maxsize=16384)
def _plan(candidate: str) -> _Plan | None:
    """The context-free reading of a name candidate, or None when it names no one.

    The same candidates recur within an article and across a corpus, so the reading is
    remembered.
    """
    words = candidate.split()
    # Each word lowered once: every test below reads the lower case. (Lowering the whole
    # candidate lowers each word as alone: blanks are neither cased nor case-ignorable,
    # so not even a final sigma reads across them.)
    lows = candidate.lower().split()
    count = len(words)
    first = 0  # the index of the name's first word
    # Sentence-initial function words ("The", "But") are not part of a name.
    while first < count and lows[first].rstrip(".") in FUNCTION_WORDS:
        first += 1
    if first == count:
        return None
    gender: str | None = None
    role: str | None = None
    # The last title word with a name after it splits role from name.
    split = -1
    for i in range(count - 2, first - 1, -1):
        low = lows[i]
        if low in TITLE_WORDS or low.rstrip(".") in TITLE_WORDS:
            split = i
            break
    titled = split >= 0
    if titled:
        title_lows = lows[first : split + 1]
        lowered = set(title_lows)
        if lowered & MALE_TITLES:
            gender = "m"
        elif lowered & FEMALE_TITLES:
            gender = "f"
        if any(t.rstrip(".") not in _HONORIFICS for t in title_lows):
            role = " ".join(words[first : split + 1])
        first = split + 1
    name_words = words[first:]
    lowered_words = lows[first:]
    if not MONTHS_DAYS.isdisjoint(lowered_words):
        return None
    if not titled and ("of" in lowered_words or "de" in lowered_words):
        return None
    bare = [w.rstrip(".") for w in lowered_words]
    kind = _name_type(name_words, bare)
    # where the name's first word starts: after the words before it and the blanks after them
    n_start = 0  # (a candidate opens with its first word)
    if first:
        for word in words[:first]:
            n_start = candidate.index(word, n_start) + len(word)
        n_start = candidate.index(name_words[0], n_start)
    n_end = len(candidate.rstrip())
    surface = candidate[n_start:n_end]
    if kind == "person" and not titled and not PLACE_WORDS.isdisjoint(bare):
        return None
    needs_context = len(name_words) == 1 and not titled
    # _norm_tuple(surface), from the words at hand: the surface's words are name_words,
    # and no word holds a comma or starts with a period
    tokens = tuple(filter(None, bare))
    last = (tokens[-1] if tokens else None) if needs_context else None
    return _Plan(
        n_start,
        n_end,
        surface,
        kind,
        role,
        gender,
        needs_context,
        last,
        surface.lower(),
        tokens,
        len(name_words),
    )


# A one-word candidate's lower case without its final period, or "" for a word that names
# no one alone: settled once per distinct word (bounded, like the lru caches here).
_ALONE: dict[str, str] = {}
_ALONE_MAX: Final = 16384


def _alone_key(candidate: str) -> str:
    low = candidate.lower().rstrip(".")
    key = "" if low in _NEVER_ALONE else low
    if len(_ALONE) >= _ALONE_MAX:
        _ALONE.clear()
    _ALONE[candidate] = key
    return key


def index_people(analysis: Analysis) -> tuple[Person, ...]:
    """Every person (and speaking organisation or country) the text names, in order."""
    text = analysis.text
    entities: list[_Entity] = []
    by_last: dict[str, list[_Entity]] = {}
    by_name: dict[str, _Entity] = {}
    examined = 0
    paragraphs = analysis.paragraphs
    paragraph_starts = [s for s, _ in paragraphs]
    alone = _ALONE.get
    maybe_speech = _MAYBE_SPEECH_NEXT.match
    plan_of = _plan
    for start, end in analysis.name_candidates:
        candidate = text[start:end]
        single = " " not in candidate and "\t" not in candidate
        if single:
            # Most candidates are one capitalised word: settle them cheaply.
            low = alone(candidate)
            if low is None:
                low = _alone_key(candidate)
            if not low:
                continue
            if (
                low not in by_last
                and (maybe_speech(text, end) is None or not _is_speech_subject(text, end))
            ):
                continue
        examined += 1
        if examined > _MAX_NAMES:
            break  # no article names this many people: a list, a dump or hostile input
        plan = plan_of(candidate)
        if plan is None:
            continue
        # (one unpacking reads every field for less than two attribute reads)
        n_start, n_end, surface, kind, role, gender, needs_context, last, key, tokens, size = plan
        n_start += start
        n_end += start
        # A one-word candidate that got here is a known surname or a speaker already
        # (its plan's last token is the ``low`` above).
        if needs_context and not single:
            known = by_last.get(last) if last is not None else None
            if not known and not _is_speech_subject(text, n_end):
                continue
        person = kind == "person"
        entity = by_name.get(key)
        if person and (entity is None or entity.type != kind):
            # _find, inline; most new names have no surname indexed yet
            entity = (
                _find_by_last(tokens, by_last) if tokens and tokens[-1] in by_last else None
            )
        if role is None and person and (entity is None or not entity.roles):
            # An appositive opens with a comma right after the name; a role in front ends
            # in a comma and blanks right before it. Without either (most names) there is
            # no role to read, and no paragraph to find.
            after = text.startswith(",", n_end)
            before = n_start > 0 and (
                text[n_start - 1] == ","
                or (text[n_start - 1] in " \t" and text[n_start - 2] in _BLANKS_OR_COMMA)
            )
            if after or before:
                # the paragraph containing the name (analysis.paragraph_at, inline)
                index = bisect.bisect_right(paragraph_starts, n_start) - 1
                if index >= 0 and paragraphs[index][0] <= n_start < paragraphs[index][1]:
                    floor, limit = paragraphs[index]
                else:
                    floor, limit = 0, len(text)
                role = _role_after(text, n_end, limit) if after else None
                if not role and before:
                    role = _role_before(text, n_start, floor)
        if entity is None:
            entity = _Entity(surface, kind, tokens, size)
            entities.append(entity)
            by_name[key] = entity
            if person and entity.last:
                by_last.setdefault(entity.last, []).append(entity)
        elif person and size > entity.size:
            entity.name = surface
            entity.size = size
            entity.tokens = tokens
            by_name[key] = entity
        if role and role not in entity.roles:
            entity.roles.append(role)
        if gender and entity.gender is None:
            entity.gender = gender
        entity.mentions.append(Mention(n_start, n_end, surface))
        if person:
            # The most recently mentioned bearer of a surname is the one a bare surname means.
            bearers = by_last.get(entity.last)
            if bearers is not None and bearers[-1] is not entity and entity in bearers:
                bearers.remove(entity)
                bearers.append(entity)
    return tuple(
        [
            Person(e.name, e.type, tuple(e.roles), tuple(e.mentions))
            for e in entities
        ]
    )


def _find_by_last(tokens: tuple[str, ...], by_last: dict[str, list[_Entity]]) -> _Entity | None:
    """The already indexed person a name (as :func:`_norm_tuple` gives it) refers to, by
    its surname, when it is not indexed under its own name."""
    if not tokens:
        return None
    bearers = by_last.get(tokens[-1])
    if not bearers:
        return None
    if len(tokens) == 1:
        return bearers[-1]
    for entity in reversed(bearers):
        # "Paul Okoro" and "Paul J. Okoro", or "Okoro" introduced first: same first name or none.
        if len(entity.tokens) == 1 or entity.tokens[0] == tokens[0]:
            if len(entity.tokens) == 1:
                entity.tokens = tokens
            return entity
    return None


def _extract(doc: Document, /) -> Sequence[Person]:
    return index_people(doc.analysis)


def build() -> Extractor:
    """The people extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return _extract
