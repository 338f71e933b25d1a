"""The places extractor: find every place a news article names and pin it on the map.

Recognition works on the name candidates of the shared analysis (runs of capitalised
words): the longest gazetteer name inside each run wins, a designator next to it
(``Luhansk region``, ``Fulton County``, ``Lake Foo``) widens the span and says which kind
of feature is meant, and the words around it say when a gazetteer name is really a
person (``Lloyd Austin``), a newspaper (``Washington Post``) or just a capitalised word
(``Reading`` at the start of a sentence). Names the gazetteer lacks are still places when
the text says so (``the town of X``, ``X river``, ``Azot chemical plant``).

Resolution then does what a careful reader does: every candidate starts from its
prominence (population, country, capital, labelled on maps), and gains from an explicit
container (``Bangor, Maine``), a feature cue, the article's dateline and the countries,
regions and places around it (``Niu-York`` in a story about Donetsk Oblast). Two names
that can be places a few kilometres apart are read as neighbours (``Edmonton`` beside
``Enfield`` is in London), and a name listed among regions of a country is one more of
them (``Ohio, Oregon and Utah``). Demonyms (``Russian``) are not place mentions but vote
for their country.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Final, NamedTuple

import attrs

from ..analysis import NAME_PARTICLES
from ..gazetteer import (
    ABBREVIATION,
    ALTERNATE,
    CONTAINER_ONLY,
    PRIMARY,
    Entry,
    Gazetteer,
    fold,
    get_gazetteer,
)
from ..gazetteer._geo import distance_km as _km
from ..models import Mention, MentionRole, Place
from ..specs import Document, Extractor

__all__ = ["Geoparser", "build"]

_MAX_NAME_WORDS: Final = 6
_MAX_RUN_WORDS: Final = 12
_SURFACE_CACHE: Final = 1 << 17

# Capitalised words that are almost never a place on their own, whatever the gazetteer
# says (it has a village for most English words). General English vocabulary.
_STOP: Final = frozenset(
    """
    a an the this that these those there here it its he she we they i you his her our their
    my your me him us them who what when where why how which whose whom if but and or nor so
    yet for of on in at by to from with as into onto upon about after before during since
    until while though although because however meanwhile also still even just only then
    now today tonight tomorrow yesterday not no yes all any both each every some many most
    more much few one two three four five six seven eight nine ten first second third last
    next new old other another such same mr mrs ms miss dr sir lord lady saint st mt
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    president prime minister secretary governor mayor senator sen gov rep representative
    general gen colonel col captain capt lieutenant lt sergeant sgt officer chief judge
    justice king queen prince princess pope bishop father brother sister mother uncle
    director chairman chair spokesman spokeswoman spokesperson professor prof doctor
    police army navy force forces ministry department government council congress senate
    parliament court party union university college school hospital church museum
    north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower greater little big great grand
    please thanks thank dear hello oh ok okay well like via per re
    god christ jesus allah christmas easter ramadan
    internet web email online tv radio news times post daily weekly
    people man men woman women child children family home house office city town state
    county province region district village country nation world earth
    """.split()
)

# Words after a place name that make the whole run an organisation or title, not a place
# reference: ``Washington Post``, ``Texas Instruments``, ``Chicago Bulls``.
_ORG_AFTER: Final = frozenset(
    """
    post times journal herald tribune gazette chronicle telegraph observer guardian
    independent examiner inquirer courier sentinel standard mirror express star sun
    record register review bulletin press dispatch daily weekly news magazine
    instruments airlines airways air motors bank bancorp energy oil petroleum holdings
    group corporation corp inc ltd llc plc company co fc united city rangers bulls
    giants yankees dodgers lakers warriors wizards capitals nationals rockets
    """.split()
)

# Acronyms of international organisations that some region also abbreviates to
# ("U.N." is Upper Nile in Natural Earth): in news they are the organisation.
_ORG_ACRONYMS: Final = frozenset(
    "un eu nato who imf opec fbi cia nasa ioc fifa uefa osce asean wto wfp unhcr".split()
)

# Title words: a capitalised run after one of these is a person's name.
_TITLES: Final = frozenset(
    """
    president prime minister secretary governor gov mayor senator sen rep representative
    general gen colonel col captain capt lieutenant lt sergeant sgt chief judge justice
    king queen prince princess pope bishop mr mrs ms dr sir lord lady professor prof
    commissioner ambassador spokesman spokeswoman director chairman ceo coach
    deputy official officials leader lawmaker councillor councilman councilwoman
    reverend rev father sister brother saint st
    """.split()
)

# Designators after a name, with the kinds of gazetteer feature they select.
_REGION_KINDS: Final = ("region", "county")
_DESIGNATOR_AFTER: Final[dict[str, tuple[str, ...]]] = {
    "region": _REGION_KINDS,
    "oblast": _REGION_KINDS,
    "province": _REGION_KINDS,
    "state": _REGION_KINDS,
    "governorate": _REGION_KINDS,
    "prefecture": _REGION_KINDS,
    "district": _REGION_KINDS,
    "territory": _REGION_KINDS,
    "county": ("county", "region"),
    "parish": ("county",),
    "department": _REGION_KINDS,
    "krai": _REGION_KINDS,
    "river": ("river",),
    "lake": ("lake",),
    "sea": ("sea", "bay"),
    "ocean": ("sea",),
    "gulf": ("bay", "sea"),
    "bay": ("bay", "sea"),
    "strait": ("strait",),
    "island": ("island",),
    "islands": ("island",),
    "mountains": ("mountain",),
    "valley": ("region",),
    "peninsula": ("region",),
    "desert": ("region",),
    "city": ("city", "town"),
    "town": ("town", "city"),
    "village": ("town",),
    "township": ("town", "county"),
}
_DESIGNATOR_BEFORE: Final[dict[str, tuple[str, ...]]] = {
    "lake": ("lake",),
    "mount": ("mountain",),
    "mt": ("mountain",),
    "river": ("river",),
    "gulf of": ("bay", "sea"),
    "sea of": ("sea", "bay"),
    "bay of": ("bay", "sea"),
    "strait of": ("strait",),
    "isle of": ("island",),
    "city of": ("city", "town"),
    "province of": _REGION_KINDS,
    "state of": _REGION_KINDS,
}
# The first words of those designators: no other run can start with one.
_LEADS: Final = frozenset(lead.split()[0] for lead in _DESIGNATOR_BEFORE)

# "the town of X", "near X", "X region": context that makes an unknown name a place.
_KIND_OF: Final = re.compile(
    r"\b(?:the|a)[ \t]+(?:(?:small|tiny|border|coastal|frontline|front-line|southern|"
    r"northern|eastern|western|central|nearby|neighbouring|neighboring|industrial|port|"
    r"rural|remote|key|strategic|besieged)[ \t]+)*"
    r"(?P<kind>town|city|village|hamlet|settlement|suburb|region|province|district|"
    r"county|municipality|port|island|state|capital|oblast|neighbourhood|neighborhood)"
    r"[ \t]+of[ \t]+$"
)
_NEAR: Final = re.compile(
    r"\b(?:near|outside|in|at|from|to|into|across|towards?|around|between|through)[ \t]+"
    r"(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_LOCATIVE: Final = re.compile(
    r"\b(?:near|outside|in|at|from|into|across|towards?|around|between|of|through|"
    r"north|south|east|west|outskirts|based|visit(?:ed|ing)?)[ \t]+(?:the[ \t]+)?$",
)
_NEAR_UNKNOWN: Final = re.compile(r"\b(?:near|outside|in|at)[ \t]+$")
_COMMA: Final = re.compile(r",[ \t]+")
_CLAUSE_END: Final = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_AFTER_DESIGNATOR_WORDS: Final = (
    "region oblast province river county district governorate valley mountains island "
    "islands prefecture state lake sea city town village"
).split()
_AFTER_DESIGNATOR: Final = re.compile(rf"[ \t]+(?P<word>{'|'.join(_AFTER_DESIGNATOR_WORDS)})\b")
# What the character after a blank must be for _AFTER_DESIGNATOR to match there.
_DESIGNATOR_NEXT: Final = frozenset(" \t" + "".join(w[0] for w in _AFTER_DESIGNATOR_WORDS))
_FACILITY: Final = re.compile(
    r"[ \t]+(?P<word>(?:(?:chemical|nuclear|power|steel|coal|gas|oil|water|treatment)[ \t]+)?"
    r"(?:plant|steelworks|steel[ \t]+works|factory|refinery|mine|airport|air[ \t]+base|"
    r"airbase|naval[ \t]+base|dam|power[ \t]+station|reactor|prison|shipyard|"
    r"port|terminal|complex))\b",
    re.IGNORECASE,
)
# What the character after a blank must be for _FACILITY to match there (ignoring case,
# the long s "ſ" is an s too).
_FACILITY_NEXT: Final = frozenset(" \tcnpsgowtfrmadCNPSGOWTFRMADſ")
_FACILITY_WORDS: Final = frozenset(
    "plant steelworks factory refinery mine airport airbase dam station reactor prison "
    "shipyard terminal works base".split()
)
_ROAD_WORDS: Final = frozenset(
    "street avenue road drive boulevard lane highway bypass parkway freeway motorway".split()
)
_STREET_WORDS: Final = _ROAD_WORDS | frozenset(
    "square bridge park stadium beach harbour harbor lagoon plaza airport".split()
)
_SPEECH_AFTER: Final = re.compile(
    r"[ \t]+(?:said|says|told|added|wrote|explained|noted|asked|replied|recalled)\b"
)
_METONYM_AFTER: Final = re.compile(
    r"(?:'s|’s)?[ \t]+(?:has[ \t]+|had[ \t]+|have[ \t]+|will[ \t]+|would[ \t]+|also[ \t]+|"
    r"is[ \t]+|was[ \t]+)?(?:said|says|say|claims?|claimed|urged|urges|announced|"
    r"accused|accuses|denied|denies|warned|warns|insists?|insisted|wants|demanded|"
    r"demands|rejected|rejects|agreed|responded|threatened|condemned|condemns|"
    r"imposed|sanctioned|blamed|called|told|asked|decided|plans|vowed|refused|"
    r"recognized|recognised|backed|supported|sent|ordered)\b"
)
_WORDS: Final = re.compile(r"[^ \t]+")
_START: Final = operator.attrgetter("start")
_span: Final = re.Match.span
# A lower-case word hyphenated to the end of a name: "-based", "-born", "-led".
_HYPHEN_TAIL: Final = re.compile(r"-[a-z]{3,}$")
# "Charleston, W.Va.", "Bangor, Me.", "Austin, TX": clipped or postal state names.
_ABBREVIATED_CONTAINER: Final = re.compile(
    r",[ \t]+(?P<abbr>[A-Z][a-z]{0,4}\.(?:[ \t]?[A-Z][a-z]{0,4}\.)?|[A-Z]{2}\b)"
)
# A local paper's dateline: "CHARLESTON, W.Va. -", "SAN FRANCISCO —" opening a line.
_OWN_DATELINE: Final = re.compile(r"[ \t]*(?:,[^\n]{0,40}?)?[ \t]*(?:\([A-Za-z ]+\)[ \t]*)?[—–-]")
# The lower-case words a name candidate may hold between its capitalised ones.
_PARTICLES: Final = NAME_PARTICLES
_POSSESSIVE: Final = re.compile(r"['’]s\b")
_CONTRACTION: Final = re.compile(r"['’](?:ll|ve|re|d|m|t)$")
_CAPITALISED: Final = re.compile(r"[A-Z]")
_BLANKS: Final = frozenset(" \t")
_CLOSERS: Final = ',;:!?"”’)'
_TRIM_LAST: Final = frozenset(_CLOSERS + "s")
# What _trim_word takes off a word: closing marks, a possessive. A run without any of
# them keeps its words whole.
_TRIMMABLE: Final = re.compile(r"[,;:!?\"”’)]|'s")
_OPENERS: Final = frozenset("\"'“‘«([—–-")

_NEEDS_DESIGNATOR: Final = frozenset(
    {"county", "river", "lake", "island", "cape", "mountain", "bay", "strait"}
)
_MAJOR_FEATURE: Final = 6.8
_STRONG: Final = 6.0
_PERSONLIKE_PENALTY: Final = 4.0
_LONELY_PENALTY: Final = 1.5
_WORDY_PENALTY: Final = 5.0
_CAPITAL_LIKE: Final = 8.0
_AFTER_THE_PENALTY: Final = 3.0
_LOCATIVE_BONUS: Final = 0.8
_KIND_BONUS: Final = 3.0
_CONTAINER_BONUS: Final = 5.0
_MIN_SCORE: Final = 3.6
_MIN_SCORE_CUED: Final = 2.5
_NO_ENTRIES: Final[tuple[Entry, ...]] = ()
# Two names of an article that can be places a few kilometres apart ("Edmonton" and
# "Enfield" in north London) most likely are: a reading with such a neighbour gains.
_COLOCATED_KM: Final = 35.0
_COLOCATED_BONUS: Final = 3.0
_COLOCATED_KINDS: Final = frozenset({"city", "town", "county"})
_COLOCATED_READINGS: Final = 12  # the most prominent readings of a name that may count
_COLOCATED_DEG: Final = _COLOCATED_KM / 111.0  # the same distance in degrees of latitude
# A cell is numbered row * _ROW + column; the neighbours after it (east, and the three
# to the north): each pair of neighbouring cells is visited once.
_ROW: Final = 1024
_CELL_LAT: Final = 0.35  # degrees: 39 km, more than _COLOCATED_KM
_CELL_LON: Final = 0.7  # degrees: 35 km or more up to 60 degrees north or south
_NEIGHBOUR_STEPS: Final = (1, _ROW - 1, _ROW, _ROW + 1)
_MAX_NEAR_BONUS: Final = max(2.5, _COLOCATED_BONUS) + 1e-6  # and a margin for rounding
_NO_OWN: Final[tuple[str | None, str | None, float]] = (None, None, 0.0)
# The most distinct names that serve as an article's anchors or neighbours. Comparing
# readings with one another is quadratic in their number; an article naming more places
# is a list or hostile input (2,000 distinct Dutch and Belgian town names took 2.9 s),
# and its first names are context enough. The most in 2,887 real articles was 61.
_MAX_CONTEXT_NAMES: Final = 150
# An upper bound of _Context.bonus (4 + 2.5 + the nearness bonus, with a margin).
_MAX_BONUS: Final = 6.5 + _MAX_NEAR_BONUS + 0.5


# A name kept in a run: offsets from the run's start, key, entries, preferred kinds, end
# of the name before a designator, and whether it may open a sentence.
_Kept = tuple[int, int, str, tuple[Entry, ...], tuple[str, ...], int | None, bool]


# What a plan needs of a word: its lower-case form (without a final dot), key, entries
# as a name of its own, whether a longer name may start with it, and whether it may be
# part of a place name the context cues (no stop word, title or demonym).
_WordFacts = tuple[str, str, tuple[Entry, ...], bool, bool]

# What makes two matches of an article resolve alike, and their context-free scores.
_Sig = tuple[str, int, tuple[str, ...], bool, int]
# Whether a region rivals a country's name, the readings with their scores before the
# context, and the best of them before the context.
_Priors = tuple[bool, tuple[tuple[Entry, float], ...], tuple[Entry | None, float]]


class _RunPlan(NamedTuple):
    """What a run of capitalised words holds, whatever the text around it says."""

    kept: tuple[_Kept, ...] = ()
    first_word: int = 0
    words: tuple[tuple[int, int], ...] = ()
    unmatched: tuple[str, ...] | None = None
    """The run's lower-case words when it holds no gazetteer name (a cued name, maybe)."""
    facility_word: bool = False
    """Unmatched, and its last word names a facility ("Azovstal Steelworks")."""
    """Short and made of no title, given name or English word: a place after "near"."""
    street: tuple[int, int, str, str] | None = None
    """A street or landmark the gazetteer lacks: offsets, key and kind."""
    surnames: tuple[str, ...] = ()
    inert: bool = False
    """No gazetteer name, no cue and no surname: nothing, whatever the context (and
    whatever designator follows)."""


@attrs.define(slots=True)
class _Match:
    """One candidate mention: its span, name key and the gazetteer entries it may be."""

    start: int
    end: int
    key: str
    entries: tuple[Entry, ...]
    prefer: tuple[str, ...] = ()
    cued: bool = False
    sentence_start: bool = False
    container: _Match | None = None
    contained: bool = False
    role: MentionRole = "location"
    unknown_kind: str | None = None
    anchor: int | None = None
    """For a facility or a context-cued unknown name: the offset of the place it is in."""
    chosen: Entry | None = None
    score: float = 0.0
    locative: bool = False
    """After "in", "near", "from" ...: the text treats it as a location."""
    name_end: int | None = None
    """Where the name ends when a designator after it was taken into the span."""
    speaks: bool = False
    """Followed by "said", "told" ...: a person, unless a capital or a country speaks."""
    after_the: bool = False
    """After "the": a country, region or feature perhaps, hardly ever a town."""
    pending: bool = False
    """The four flags above are still to be read from the text (see _read_context):
    only acceptance needs them, and only for some mentions."""
    opens_at: int | None = None
    """For a pending name that may open a sentence: its run's first word."""


class Geoparser:
    """Finds and resolves place mentions in one document (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._surfaces: dict[str, tuple[str, tuple[Entry, ...]]] = {}
        self._plans: dict[str | tuple[str, str], _RunPlan] = {}
        self._demonym_cache: dict[str, tuple[str, ...]] = {}
        self._demonym_words: dict[str, str] = {}
        self._inert: set[str] = set()
        self._words: dict[str, _WordFacts] = {}
        self._prior_cache: dict[
            tuple[int, tuple[str, ...], bool], tuple[tuple[Entry, ...], _Priors]
        ] = {}

    def __call__(self, doc: Document, /) -> Sequence[Place]:
        text = doc.text
        if not text:
            return ()
        analysis = doc.analysis
        persons = _Spans(_person_spans(doc.results.get("people") or ()))
        matches: list[_Match] = []
        surnames: set[str] = set()
        run_matches = self._run_matches
        inert = self._inert
        # One pass over the name candidates: the places in them, the countries their
        # demonyms vote for, and those a comma follows (maybe "Atalissa, Iowa").
        demonym_votes: defaultdict[str, float] = defaultdict(float)
        demonyms = self._demonym_cache
        before_comma: list[tuple[int, int]] = []
        for run_start, run_end in analysis.name_candidates:
            segment = text[run_start:run_end]
            ccs = demonyms.get(segment)
            if ccs is None:
                ccs = self._demonyms_of(segment)
            if ccs:
                for cc in ccs:
                    demonym_votes[cc] += 1
            last = text[run_end - 1]
            if text[run_end : run_end + 1] == "," or (
                last in _TRIM_LAST
                and (last != "s" or text.endswith(("'s", "’s"), run_start, run_end))
            ):
                # A comma follows the name, once _trim_word has taken off its closing
                # marks or possessive (if any: then it may).
                before_comma.append((run_start, run_end))
            if segment in inert:
                continue  # a run that never holds a place, whatever surrounds it
            if run_end - run_start <= 120:
                found = run_matches(text, run_start, run_end, surnames, segment)
                if found:
                    matches.extend(found)
                continue
            for start, end in _bounded_runs(text, ((run_start, run_end),)):
                matches.extend(run_matches(text, start, end, surnames, text[start:end]))
        if persons:
            matches = [m for m in matches if not _overlaps(persons, m.start, m.end)]
        if surnames:
            # A surname seen after a given name (Lloyd Austin) is that person throughout;
            # the last word of any other unknown name only rules out weak places.
            matches = [
                m
                for m in matches
                if m.container
                or m.cued
                or (
                    m.key not in surnames
                    and (
                        "?" + m.key not in surnames
                        or (m.entries and m.entries[0].prominence >= _STRONG)
                    )
                )
            ]
        self._facility_short_names(text, analysis.name_candidates, matches)
        self._contained_unknowns(text, before_comma, matches)
        self._link_containers(text, matches)
        dateline = self._dateline(doc, matches)
        self._resolve(text, matches, demonym_votes, dateline, _listed(text, matches))
        self._roles(text, matches)
        return self._places(text, matches)

    # -- recognition ---------------------------------------------------------------------

    def _run_matches(
        self,
        text: str,
        run_start: int,
        run_end: int,
        surnames: set[str],
        segment: str,
    ) -> list[_Match]:
        """The matches in one run of capitalised words (``segment``, at ``run_start``)."""
        # What a run holds depends only on its own words and on a designator right after
        # it ("Luhansk region"): that part is worked out once per process for each form.
        after = (
            _AFTER_DESIGNATOR.match(text, run_end)
            if text[run_end : run_end + 1] in _BLANKS
            and text[run_end + 1 : run_end + 2] in _DESIGNATOR_NEXT
            else None
        )
        cache_key: str | tuple[str, str] = segment if after is None else (segment, after.group())
        plan = self._plans.get(cache_key)
        if plan is None:
            single = " " not in segment and "\t" not in segment
            if single and segment.lower() in _STOP and not segment.isupper():
                # Most runs are one word, and most of those open a sentence ("The").
                self._remember_inert(segment)
                return []
            plan = self._plan_run(text, run_start, run_end, single, surnames)
            if len(self._plans) >= _SURFACE_CACHE:
                self._plans.clear()
            self._plans[cache_key] = plan
        elif plan.surnames:
            surnames.update(plan.surnames)
        if plan.street is not None:
            s, e, key, kind = plan.street
            return [_Match(run_start + s, run_start + e, key, (), cued=True, unknown_kind=kind)]
        out: list[_Match] = []
        if plan.kept:
            first = run_start + plan.first_word
            for s, e, key, entries, prefer, name_end, may_open in plan.kept:
                m = _Match(
                    run_start + s,
                    run_start + e,
                    key,
                    entries,
                    prefer=prefer,
                    pending=True,
                    opens_at=first if may_open else None,
                )
                if name_end is not None:
                    m.name_end = run_start + name_end
                out.append(m)
        if plan.unmatched is not None:
            words = plan.words
            unknown = self._cued_unknown(
                text, run_start + words[0][0], run_start + words[-1][1], plan
            )
            if unknown is not None:
                out.append(unknown)
        return out

    def _plan_run(
        self, text: str, run_start: int, run_end: int, single: bool, surnames: set[str]
    ) -> _RunPlan:
        """The context-free part of :meth:`_run_matches`: the gazetteer names in a run,
        which of them are people or organisations instead, and the surnames it shows
        (added to ``surnames`` and recorded, to be replayed when the form comes again).
        Offsets in the plan are relative to the run's start."""
        plan = self._plan_run_words(text, run_start, run_end, single, set())
        if plan.surnames:
            surnames.update(plan.surnames)
        elif plan.inert:
            self._remember_inert(text[run_start:run_end])
        return plan

    def _remember_inert(self, segment: str) -> None:
        if len(self._inert) >= _SURFACE_CACHE:
            self._inert.clear()
        self._inert.add(segment)

    def _plan_run_words(
        self, text: str, run_start: int, run_end: int, single: bool, surnames: set[str]
    ) -> _RunPlan:
        """The plan of a run; ``surnames`` (empty) collects the surnames it shows."""
        if single:
            words = [_trim_word(text, run_start, run_end)]
            words = [(s, e) for s, e in words if e > s]
        else:
            words = list(map(_span, _WORDS.finditer(text, run_start, run_end)))
            trim = _TRIMMABLE.search(text, run_start, run_end) is not None
            if trim:
                words = [_trim_word(text, s, e) for s, e in words]
            if words and words[-1][1] > words[-1][0]:
                # "the San Jose-based court": the name ends before "-based".
                s, e = words[-1]
                tail = _HYPHEN_TAIL.search(text, s, e) if text.find("-", s, e) >= 0 else None
                if tail is not None and tail.start() > s:
                    words[-1] = (s, tail.start())
            if trim:
                words = [(s, e) for s, e in words if e > s]
        if not words:
            return _RunPlan()
        word = self._word
        facts = [word(text[s:e]) for s, e in words]
        lowers = [f[0] for f in facts]
        n = len(words)
        if n == 1:
            # One word: none of the rules about its neighbours apply.
            rel = ((words[0][0] - run_start, words[0][1] - run_start),)
            one = (
                None
                if lowers[0] in _PARTICLES
                else _word_match(text, words[0][0], words[0][1], facts[0])
            )
            if one is None:
                cued_one = lowers[0] not in _STOP and facts[0][4]
                return _RunPlan(
                    first_word=rel[0][0],
                    words=rel,
                    unmatched=tuple(lowers) if cued_one else None,
                    inert=not cued_one,
                )
            name_end = None if one.name_end is None else one.name_end - run_start
            kept_one = (
                one.start - run_start,
                one.end - run_start,
                one.key,
                one.entries,
                one.prefer,
                name_end,
                True,
            )
            return _RunPlan(kept=(kept_one,), first_word=rel[0][0], words=rel)
        found: list[tuple[int, int, _Match]] = []
        # In ASCII, a name of several words starting with a word that starts no longer
        # name needs a designator in it ("Fulton County") or before it ("Lake Foo"): the
        # other spans are not looked up at all (see _lookup_words).
        ascii_run = text[run_start:run_end].isascii()
        i = 0
        while i < n:
            low = lowers[i]
            if low in _PARTICLES:
                i += 1
                continue
            hit = None
            may_continue = not ascii_run or low in _LEADS or facts[i][3]
            for j in range(min(n, i + _MAX_NAME_WORDS), i + 1, -1):
                final = lowers[j - 1]
                if final in _PARTICLES or (not may_continue and final not in _DESIGNATOR_AFTER):
                    continue
                hit = self._lookup_words(text, words, lowers, i, j, facts[i][3])
                if hit is not None:
                    found.append((i, j, hit))
                    i = j
                    break
            else:
                hit = _word_match(text, words[i][0], words[i][1], facts[i])
                if hit is not None:
                    found.append((i, i + 1, hit))
                i += 1
        any_hit = bool(found)
        if not found and n >= 2 and lowers[0] not in _STOP and lowers[0] not in _TITLES:
            # A person's name, maybe: remember its last word (weak evidence).
            surnames.add("?" + facts[-1][1])
        given = self.gaz.given_names
        # (A run without a given name before its last word has none of them.)
        for k in range(0 if given.isdisjoint(lowers[:-1]) else n - 1):
            # "Kelly Smith", "John Baker": a given name followed by a capitalised word
            # starts a person's name, whatever the gazetteer says about either word.
            nxt = lowers[k + 1]
            if (
                lowers[k] in given
                and lowers[k] not in _STOP
                and nxt not in _DESIGNATOR_AFTER
                and nxt not in _PARTICLES
                and nxt not in _STOP
                and nxt not in _ORG_AFTER
                and (nxt in self.gaz.surnames or not self.gaz.is_word(nxt))
            ):
                strong = [f for f in found if f[0] <= k < f[1] and f[1] - f[0] > 1]
                if strong:
                    continue
                last = k + 1
                if (
                    last + 1 < n
                    and lowers[last + 1] not in _PARTICLES
                    and lowers[last + 1] not in _STOP
                    and lowers[last + 1] not in _ORG_AFTER
                    and not any(f[0] == last + 1 for f in found)
                ):
                    last += 1
                surnames.add(facts[last][1])
                found = [
                    f
                    for f in found
                    if f[1] <= k
                    or f[0] > last
                    or (
                        f[2].entries
                        and f[2].entries[0].kind in ("country", "region", "continent")
                        and f[2].entries[0].how != ALTERNATE
                        and f[0] != k
                    )
                ]
        if (
            n >= 2
            and lowers[-1] in _STREET_WORDS
            and not any(i == 0 and j == n for i, j, _ in found)
            and lowers[0] not in _STOP
            and lowers[0] not in _TITLES
        ):
            # "Howman Avenue", "Eastern Bypass", "Centennial Park": a street or landmark
            # the gazetteer lacks; a town inside its name ("Freeman" Drive) is not meant.
            start, end = words[0][0], words[-1][1]
            kind = "street" if lowers[-1] in _ROAD_WORDS else "landmark"
            return _RunPlan(
                street=(start - run_start, end - run_start, fold(text[start:end]), kind),
                surnames=tuple(surnames),
            )
        if len(found) > 1:
            found = self._drop_split_names(found)
        kept: list[_Kept] = []
        matched = {k for i, j, _ in found for k in range(i, j)}
        for i, j, m in found:
            before = [k for k in range(i) if k not in matched]
            after = [k for k in range(j, n) if k not in matched]
            if after and after[0] == j and lowers[j] in _ORG_AFTER:
                continue  # Washington Post
            broad = bool(m.entries) and m.entries[0].kind in ("country", "region", "continent")
            if (
                i > 0
                and lowers[i - 1] in _TITLES
                and not (m.entries and m.entries[0].kind == "country")
            ):
                continue  # President Vladimir Putin: not Vladimir Oblast
            if any(lowers[k] in _TITLES for k in range(i)) and not broad:
                continue  # President Lincoln, Defense Secretary Lloyd Austin
            name_like_before = [
                k
                for k in before
                if lowers[k] not in _STOP and lowers[k] not in _TITLES and k == i - 1
            ]
            if name_like_before and j == n and m.prefer == () and not broad:
                # "Lloyd Austin": an unknown capitalised word right before a final match.
                # After a given name it is a surname everywhere; after anything else
                # ("Air Berlin", "CBC Toronto") only a small place is ruled out.
                big = bool(m.entries) and m.entries[0].prominence >= _STRONG
                if lowers[i - 1] in given:
                    surnames.add(m.key)
                    continue
                if not big:
                    surnames.add("?" + m.key)
                    continue
            # It opens a sentence when the run does and only stop words come before it.
            may_open = i == 0 or all(lowers[k] in _STOP for k in range(i))
            kept.append(
                (
                    m.start - run_start,
                    m.end - run_start,
                    m.key,
                    m.entries,
                    m.prefer,
                    None if m.name_end is None else m.name_end - run_start,
                    may_open,
                )
            )
        # A run without a gazetteer name may still be a place the context cues ("an
        # industrial Ukrainian region" names no place).
        cued = not found and lowers[0] not in _STOP and any(f[4] for f in facts)
        return _RunPlan(
            kept=tuple(kept),
            first_word=words[0][0] - run_start,
            words=tuple([(s - run_start, e - run_start) for s, e in words]),
            unmatched=tuple(lowers) if cued else None,
            facility_word=cued and n >= 2 and lowers[-1] in _FACILITY_WORDS,
            surnames=tuple(surnames),
            inert=not any_hit and not cued,
        )

    def _near_ok(self, plan: _RunPlan) -> bool:
        """Whether an unmatched run may be a place the gazetteer lacks after "near": no
        title, given name or English word in it."""
        assert plan.unmatched is not None
        gaz = self.gaz
        return not any(
            w in _TITLES or w in gaz.given_names or gaz.is_word(w) for w in plan.unmatched
        )

    def _word(self, surface: str) -> _WordFacts:
        """What a run's plan needs to know of one of its words, memoised per process:
        names share their words ("Joe Biden", "President Biden", "Biden")."""
        found = self._words.get(surface)
        if found is not None:
            return found
        low = surface.lower()
        lower = low.rstrip(".")
        is_ascii = surface.isascii()
        key = fold(surface)
        if lower in _STOP and not surface.isupper():
            entries = _NO_ENTRIES  # "In", "The": never a name alone
        else:
            entries = self._entries(surface, key, True)
        lower_key = key if lower == key and is_ascii else fold(lower)
        facts = (
            lower,
            key,
            entries,
            self.gaz.may_continue(key),
            lower not in _STOP and lower not in _TITLES and lower_key not in self.gaz.demonyms,
        )
        if len(self._words) >= _SURFACE_CACHE:
            self._words.clear()
        self._words[surface] = facts
        return facts

    @staticmethod
    def _drop_split_names(
        found: list[tuple[int, int, _Match]],
    ) -> list[tuple[int, int, _Match]]:
        """``Meadow Grove``, ``Lloyd Austin``: two small places side by side with no comma
        between them are one name the gazetteer lacks, not two places."""
        if len(found) < 2:
            return found

        def small(m: _Match) -> bool:
            return (
                bool(m.entries)
                and m.entries[0].kind not in ("country", "continent", "region")
                and m.entries[0].prominence < _STRONG
            )

        drop: set[int] = set()
        for k in range(len(found) - 1):
            (i1, j1, a), (i2, _, b) = found[k], found[k + 1]
            if j1 == i2 and j1 - i1 == 1 and small(a) and small(b) and not b.prefer:
                drop.update((k, k + 1))
        return [f for k, f in enumerate(found) if k not in drop]

    def _lookup_words(
        self,
        text: str,
        words: list[tuple[int, int]],
        lowers: list[str],
        i: int,
        j: int,
        continues: bool,
    ) -> _Match | None:
        """The match of words ``i`` to ``j`` (two or more) of a run; ``continues`` is
        whether a longer name may start with word ``i`` (``Gazetteer.may_continue``)."""
        start, end = words[i][0], words[j - 1][1]
        surface = text[start:end]
        if not continues and surface.isascii():
            # No name starts with this word and a space: the surface is no key (it folds
            # to its first word's key, a space and more; in ASCII every word of a run
            # keeps a letter). A word that only may start one costs a look-up.
            key, entries = "", _NO_ENTRIES
        else:
            key, entries = self._surface(surface, False)
        if entries:
            match = _Match(start, end, key, entries)
            # The designator is part of the name: "Orange County", "Lake Michigan".
            match.prefer = _DESIGNATOR_AFTER.get(lowers[j - 1], ()) or next(
                (
                    kinds
                    for lead, kinds in _DESIGNATOR_BEFORE.items()
                    if " ".join(lowers[i : i + len(lead.split())]) == lead
                ),
                (),
            )
            # A designator right after: "Luhansk region", "Dnieper river".
            after = _AFTER_DESIGNATOR.match(text, end)
            if after is not None and after.group("word").islower():
                word = after.group("word")
                match.name_end = end
                match.end = after.end()
                match.prefer = _DESIGNATOR_AFTER.get(word, ())
            return match
        # A designator inside the run: "Fulton County", "Lake Foo", "Gulf of Aden".
        if lowers[j - 1] in _DESIGNATOR_AFTER:
            inner = fold(text[start : words[j - 2][1]])
            prefer = _DESIGNATOR_AFTER[lowers[j - 1]]
            # "Police Department" is not the town of Police: the designator must fit.
            entries = tuple(
                e for e in self._usable(self.gaz.lookup(inner), surface) if e.kind in prefer
            )
            if entries:
                return _Match(start, end, inner, entries, prefer=prefer)
        if lowers[i] not in _LEADS:
            return None
        for size in (2, 1):
            if j - i > size:
                lead = " ".join(lowers[i : i + size])
                if lead in _DESIGNATOR_BEFORE:
                    inner = fold(text[words[i + size][0] : end])
                    entries = self._usable(self.gaz.lookup(inner), surface)
                    if entries:
                        return _Match(start, end, inner, entries, prefer=_DESIGNATOR_BEFORE[lead])
        return None

    def _surface(self, surface: str, single: bool) -> tuple[str, tuple[Entry, ...]]:
        """The key of a surface form and the entries it may name, memoised per process:
        news repeats the same few thousand capitalised forms."""
        cache = self._surfaces
        found = cache.get(surface)
        if found is not None:
            return found
        key = fold(surface)
        entries = self._entries(surface, key, single)
        if len(cache) >= _SURFACE_CACHE:
            cache.clear()
        cache[surface] = (key, entries)
        return key, entries

    def _entries(self, surface: str, key: str, single: bool) -> tuple[Entry, ...]:
        """The entries a surface form (``key`` folded) may name."""
        if (
            self.gaz.may_name(key)  # most capitalised forms name no place at all
            and not (single and _CONTRACTION.search(surface))  # "I'll", "don't"
            and not (key in _ORG_ACRONYMS and surface.replace(".", "").isupper())
            and not (single and key in self.gaz.demonyms)  # "Canadian" is no mention
        ):
            return self._usable(self.gaz.lookup(key), surface)
        return _NO_ENTRIES

    def _usable(self, entries: tuple[Entry, ...], surface: str) -> tuple[Entry, ...]:
        """Drop entries reached through a spelling this surface form cannot be."""
        if not entries:
            return entries
        bare = surface.replace(".", "")
        caps = bare.isupper()
        out = tuple(e for e in entries if e.how != ABBREVIATION or caps)
        if caps and len(bare) <= 4 and bare.isalpha():
            # UN, AP, SOS: an acronym is only a place through a recorded abbreviation
            # (a prominent place's own name in capitals, KYIV in a dateline, is fine).
            out = tuple(
                e
                for e in out
                if e.how in (ABBREVIATION, CONTAINER_ONLY)
                or e.name.isupper()
                or (len(bare) == 4 and e.how == PRIMARY and e.prominence >= _STRONG)
            )
        if not caps and len(surface) <= 3:
            out = tuple(e for e in out if e.how != ALTERNATE)
        return out

    def _cued_unknown(self, text: str, start: int, end: int, plan: _RunPlan) -> _Match | None:
        """A name the gazetteer lacks (``start``-``end``), taken as a place because the
        context says it is (the run passed :meth:`_may_be_cued`)."""
        n_words = len(plan.words)
        # "the town of X": only worth a search when "of" ends the 60 characters before.
        before = text[max(0, start - 60) : start]
        before_word = before.rstrip(" \t")
        kind_of = _KIND_OF.search(before) if before_word.endswith("of") else None
        if kind_of is not None:
            kind = kind_of.group("kind")
            kind = {
                "capital": "city",
                "port": "city",
                "hamlet": "town",
                "settlement": "town",
                "suburb": "town",
                "oblast": "region",
                "province": "region",
                "state": "region",
                "district": "region",
                "municipality": "town",
                "neighbourhood": "town",
                "neighborhood": "town",
            }.get(kind, kind)
            return _Match(start, end, fold(text[start:end]), (), cued=True, unknown_kind=kind)
        # A facility or designator word after the name needs a space or tab after it.
        spaced = text[end : end + 1] in _BLANKS
        following = text[end + 1 : end + 2] if spaced else ""
        facility = (
            _FACILITY.match(text, end)
            if spaced and n_words <= 4 and following in _FACILITY_NEXT
            else None
        )
        if facility is not None:
            return _Match(
                start,
                facility.end(),
                fold(text[start : facility.end()]),
                (),
                cued=True,
                unknown_kind="facility",
            )
        if plan.facility_word:
            return _Match(start, end, fold(text[start:end]), (), cued=True, unknown_kind="facility")
        designator = (
            _AFTER_DESIGNATOR.match(text, end)
            if spaced and n_words <= 3 and following in _DESIGNATOR_NEXT
            else None
        )
        if designator is not None and designator.group("word") in (
            "region",
            "oblast",
            "province",
            "river",
            "county",
            "district",
            "governorate",
            "valley",
            "mountains",
            "island",
            "prefecture",
        ):
            word = designator.group("word")
            kind = {
                "river": "river",
                "mountains": "mountain",
                "island": "island",
                "valley": "region",
            }.get(word, "region")
            return _Match(
                start, designator.end(), fold(text[start:end]), (), cued=True, unknown_kind=kind
            )
        if (
            n_words <= 3
            # the last letter of near, outside, in, at (after 60 blanks, none of them)
            and before_word.endswith(("r", "e", "n", "t"))
            and _NEAR_UNKNOWN.search(text[max(0, start - 12) : start]) is not None
            and _CLAUSE_END.match(text, end)
            and self._near_ok(plan)
        ):
            # "shelling near Zhovtoduby, officials said": a name the gazetteer lacks,
            # placed by the preposition and ending the phrase.
            return _Match(start, end, fold(text[start:end]), (), cued=True, unknown_kind="place")
        return None

    @staticmethod
    def _facility_short_names(
        text: str, candidates: Sequence[tuple[int, int]], matches: list[_Match]
    ) -> None:
        """ "the Azot chemical plant" ... "the Azot bombardment": once a facility is named,
        its proper name alone refers to it too."""
        heads: dict[str, str] = {}
        for m in matches:
            if m.unknown_kind == "facility":
                head = _WORDS.match(text, m.start)
                if head is not None:
                    word = _trim_word(text, *head.span())
                    heads.setdefault(fold(text[word[0] : word[1]]), m.key)
        if not heads:
            return
        taken = {(m.start, m.end) for m in matches}
        covered = _Spans([(m.start, m.end) for m in matches])
        for start, end in candidates:
            start, end = _trim_word(text, start, end)
            key = heads.get(fold(text[start:end]))
            if key is None or (start, end) in taken or _overlaps(covered, start, end):
                continue
            matches.append(_Match(start, end, key, (), cued=True, unknown_kind="facility"))

    def _contained_unknowns(
        self, text: str, candidates: Sequence[tuple[int, int]], matches: list[_Match]
    ) -> None:
        """``Atalissa, Iowa``: a name the gazetteer lacks, followed by a comma and a
        state or country, is a place in it (the wire-style container)."""
        regions = {
            m.start: m
            for m in matches
            if m.entries and m.entries[0].kind in ("region", "country") and not m.prefer
        }
        # The spans of the matches as they are now, indexed only if a name needs them.
        spans = [(m.start, m.end) for m in matches]
        covered: _Spans | None = None
        unknowns = {(m.start, m.end): m for m in matches if not m.entries}
        for start, end in candidates:
            start, end = _trim_word(text, start, end)
            if end - start < 3 or end - start > 40 or text[end : end + 1] != ",":
                continue
            comma = _COMMA.match(text, end)
            if comma is None:
                continue
            existing = unknowns.get((start, end))
            target = regions.get(comma.end())
            abbr = None
            if target is None:
                abbr = _ABBREVIATED_CONTAINER.match(text, end)
                if abbr is None:
                    continue
            if existing is None:
                if covered is None:
                    covered = _Spans(spans)
                if covered.overlaps(start, end):
                    continue
            lowers = [w.lower().rstrip(".") for w in text[start:end].split()]
            if any(
                w in _STOP or w in _TITLES or w in self.gaz.given_names or self.gaz.is_word(w)
                for w in lowers
            ):
                continue
            if target is None and abbr is not None:
                entries = tuple(
                    e
                    for e in self.gaz.lookup(fold(abbr.group("abbr")))
                    if e.kind == "region" and e.how in (CONTAINER_ONLY, ABBREVIATION)
                )
                if not entries:
                    continue
                a_start, a_end = abbr.span("abbr")
                # "Ind." beats a village named Ind that the bare word might have matched.
                matches[:] = [o for o in matches if o.end <= a_start or o.start >= a_end]
                target = _Match(a_start, a_end, fold(abbr.group("abbr")), entries, contained=True)
                matches.append(target)
            assert target is not None
            target.contained = True
            if existing is not None:
                existing.anchor = target.start
                if existing.unknown_kind == "place":
                    existing.unknown_kind = "town"
                continue
            unknown = _Match(start, end, fold(text[start:end]), (), cued=True, unknown_kind="town")
            unknown.anchor = target.start
            matches.append(unknown)

    def _link_containers(self, text: str, matches: list[_Match]) -> None:
        """``Bangor, Maine``: a place right after a comma may contain the one before."""
        starts = {m.start for m in matches}
        for m in list(matches):
            if not m.entries or not text.startswith(",", m.end):
                continue  # (the abbreviation comes after a comma)
            abbr = _ABBREVIATED_CONTAINER.match(text, m.end)
            if abbr is None or abbr.start("abbr") in starts:
                continue
            entries = tuple(
                e
                for e in self.gaz.lookup(fold(abbr.group("abbr")))
                if e.kind == "region" and e.how in (CONTAINER_ONLY, ABBREVIATION)
            )
            if entries:
                a_start, a_end = abbr.span("abbr")
                matches[:] = [o for o in matches if o.end <= a_start or o.start >= a_end]
                matches.append(_Match(a_start, a_end, fold(abbr.group("abbr")), entries))
        by_start = sorted(matches, key=_START)
        before: _Match | None = None
        for a, b in itertools.pairwise(by_start):
            previous, before = before, a
            gap = text[a.end : b.start]
            if gap.strip() != "," or "\n" in gap:
                continue
            if not a.entries or not b.entries:
                if not a.entries and b.entries and a.unknown_kind:
                    a.anchor = b.start
                continue
            if (
                previous is not None
                and any(e.kind == "region" and e.how == PRIMARY for e in a.entries)
                and _region_like(previous)
                and _in_list(text, previous, a)
            ):
                continue  # "Virginia, Washington, West Virginia": a list of regions
            best_pair = None
            for eb in b.entries:
                if eb.kind not in ("country", "region", "county"):
                    continue
                if eb.kind == "county" and "county" not in b.prefer:
                    continue  # "Colorado, Indiana" lists states, not a county
                for ea in a.entries:
                    if ea.pid == eb.pid or ea.country_code != eb.country_code:
                        continue
                    if ea.kind in ("country", "continent") or (
                        ea.kind == "region" and eb.kind != "country"
                    ):
                        continue  # a list of regions is not a chain of containers
                    if eb.kind != "country" and ea.admin1_code != eb.admin1_code:
                        continue
                    score = ea.prominence + eb.prominence
                    if best_pair is None or score > best_pair[0]:
                        best_pair = (score, ea, eb)
            if best_pair is not None:
                a.container = b
                b.contained = True
                b.entries = (best_pair[2], *tuple(e for e in b.entries if e is not best_pair[2]))
                a.entries = (best_pair[1], *tuple(e for e in a.entries if e is not best_pair[1]))
        matches[:] = [
            m
            for m in matches
            if not m.entries
            or m.contained
            or m.entries[0].how != CONTAINER_ONLY
            or any(e.how != CONTAINER_ONLY for e in m.entries)
        ]

    def _demonyms_of(self, segment: str) -> tuple[str, ...]:
        """The countries the demonyms in a name candidate vote for ("Russian", ...)."""
        words = self._demonym_words
        found_list: list[str] = []
        parts = _WORDS.findall(segment) if " " in segment or "\t" in segment else (segment,)
        for word in parts:
            cc = words.get(word)
            if cc is None:
                cc = self.gaz.demonyms.get(fold(word.split("-")[0]), "")
                if len(words) >= _SURFACE_CACHE:
                    words.clear()
                words[word] = cc
            if cc:
                found_list.append(cc)
        found = tuple(found_list)
        cache = self._demonym_cache
        if len(cache) >= _SURFACE_CACHE:
            cache.clear()
        cache[segment] = found
        return found

    def _dateline(self, doc: Document, matches: list[_Match]) -> _Match | None:
        dateline = doc.article.dateline
        if dateline is None:
            text = doc.text
            for m in sorted(matches, key=_START)[:3]:
                surface = text[m.start : m.end]
                line_start = text.rfind("\n", 0, m.start) + 1
                if (
                    surface.isupper()
                    and len(surface) > 2
                    and (
                        not text[line_start : m.start].strip()
                        or text[m.start - 2 : m.start] == ". "
                    )
                    and _OWN_DATELINE.match(text, m.end)
                ):
                    m.role = "dateline"
                    m.cued = True
                    return m
            return None
        for m in matches:
            if dateline.start <= m.start < dateline.end:
                m.role = "dateline"
                m.cued = True
                return m
        return None

    # -- resolution ----------------------------------------------------------------------

    def _resolve(
        self,
        text: str,
        matches: list[_Match],
        demonym_votes: dict[str, float],
        dateline: _Match | None,
        listed: frozenset[str] = frozenset(),
    ) -> None:
        known = [m for m in matches if m.entries]
        # Pass 1: priors only, to find the article's countries, regions and anchors.
        alike = self._alike(known)
        _best_all(alike, None)
        colocated = _colocated(known, self.gaz.common_words)
        previous: _Context | None = None
        settled: _Context | None = None
        # Matches alike read alike: the first of each group stands for all of them.
        firsts = [group[0] for _, group in alike]
        for _ in range(2):
            context = _Context.from_matches(firsts, demonym_votes, dateline, colocated, listed)
            if previous is not None and context.same(previous):
                settled = context  # the same context gives the same readings again
                break
            _best_all(alike, context)
            previous = context
        # Names resolved alike throughout the article: one reading per surface form.
        by_key: dict[str, list[_Match]] = defaultdict(list)
        for m in known:
            by_key[m.key].append(m)
        for group in by_key.values():
            best = max(group, key=lambda g: g.score)
            for m in group:
                if (
                    m.chosen is not None
                    and best.chosen is not None
                    and m.score < best.score
                    and not m.contained
                    and m.container is None
                ):
                    m.chosen = best.chosen
                    m.score = best.score
                    settled = None
        # Acceptance: weak single names need a cue or context behind them.
        passed: set[str] = set()
        final = settled  # the context of the final readings, made when one needs it
        gaz = self.gaz
        for m in known:
            if m.key in passed:
                continue  # (one mention that passes is enough)
            if m.pending:
                _read_context(text, m)
            threshold = (
                _MIN_SCORE_CUED
                if (m.cued or m.container or m.contained or m.prefer)
                else _MIN_SCORE
            )
            single = " " not in m.key
            wordy = m.key in gaz.common_words or (
                not single and all(gaz.is_word(w) for w in m.key.split())
            )
            if wordy and m.chosen is not None and m.chosen.kind not in ("country", "continent"):
                threshold += _WORDY_PENALTY if not m.sentence_start else 5.0
            elif m.sentence_start:
                threshold += 0.8
            small = m.chosen is not None and m.chosen.kind in ("town", "city")
            big = (
                m.chosen is not None
                and m.chosen.prominence >= _STRONG
                and m.chosen.kind in ("city", "town", "country", "continent")
            )
            if single and not big and (m.key in gaz.given_names or m.key in gaz.surnames):
                # Kelly, Nelson, Barry: a person more often than a village
                threshold += 2.5 if m.locative else _PERSONLIKE_PENALTY
            if small and m.speaks and not big:
                threshold += _PERSONLIKE_PENALTY  # "Obama said": not the Japanese town
            if small and m.after_the:
                threshold += _AFTER_THE_PENALTY  # "the White House": not the town
            if m.locative:
                threshold -= _LOCATIVE_BONUS
            elif small and not (m.cued or m.container or m.contained or m.prefer):
                if final is None:
                    final = _Context.from_matches(known, demonym_votes, dateline, colocated, listed)
                if final.lonely(m):
                    threshold += _LONELY_PENALTY  # "Toyota" in a story set elsewhere
            if m.score >= threshold:
                passed.add(m.key)
        # A name that is clearly a place once is that place at every mention.
        keep = [m for m in matches if not m.entries or m.key in passed]
        matches[:] = keep
        self._anchor_unknown(matches)

    def _alike(self, known: list[_Match]) -> list[tuple[_Priors, list[_Match]]]:
        """The matches of an article that resolve alike (same key, entries, cues and
        container), each group with its context-free scores: every pass then works a
        repeated name out once."""
        groups: dict[_Sig, list[_Match]] = {}
        for m in known:
            c = m.container
            sig = (
                m.key,
                id(m.entries),
                m.prefer,
                m.contained,
                -2 if c is None else (id(c.entries[0]) if c.entries else -1),
            )
            group = groups.get(sig)
            if group is None:
                groups[sig] = [m]
            else:
                group.append(m)
        cache = self._prior_cache
        out: list[tuple[_Priors, list[_Match]]] = []
        for group in groups.values():
            m = group[0]
            if m.container is not None:
                out.append((self._priors(m), group))
                continue
            # Without a container the scores depend on the entries, designator and
            # containment alone: worked out once per process for each such reading.
            key = (id(m.entries), m.prefer, m.contained)
            found = cache.get(key)
            if found is None or found[0] is not m.entries:
                if len(cache) >= _SURFACE_CACHE:
                    cache.clear()
                found = cache[key] = (m.entries, self._priors(m))
            out.append((found[1], group))
        return out

    @staticmethod
    def _priors(m: _Match) -> _Priors:
        """The readings a match may have, each with its score before the context: the
        country (then the regions that may rival it) for a country's own name, else
        every entry a designator does not rule out."""
        entries = m.entries
        rivalled = False
        if not m.prefer and m.container is None and not m.contained:
            # A country's own name means the country ("Mexico" is not Mexico City), unless
            # the article is about another country that has a region of that name
            # ("Georgia" in a story set in the United States).
            country = next(
                (e for e in entries if e.kind == "country" and e.how in (PRIMARY, ABBREVIATION)),
                None,
            )
            if country is not None:
                rivals = tuple(
                    e
                    for e in entries
                    if e.kind == "region"
                    and e.how == PRIMARY
                    and e.country_code != country.country_code
                )
                entries = (country, *rivals)
                rivalled = True
        out: list[tuple[Entry, float]] = []
        for e in entries:
            if (
                e.kind in _NEEDS_DESIGNATOR
                and e.kind not in m.prefer
                and not m.contained
                and e.prominence < _MAJOR_FEATURE
            ):
                continue  # "Baker" is not Baker County, "John" not the John river
            score = e.prominence
            if e.how == ALTERNATE:
                # Natural Earth lists a region's capital among its alternates (Gori for
                # Shida Kartli): the town of that name is the likelier reading.
                score -= 2.0 if e.kind == "region" else 1.0
            elif e.kind in ("country", "continent") and e.how != CONTAINER_ONLY:
                score += 1.0  # "Mexico" is the country before it is Mexico City
            elif e.kind == "region" and e.how == PRIMARY:
                score += 1.0  # "Oregon" is the state before it is a village named after it
            elif e.how == CONTAINER_ONLY:
                score -= 0.5
            if m.prefer:
                if e.kind in m.prefer:
                    score += _KIND_BONUS
                elif e.kind == "country":
                    score -= 2.0
            if m.container is not None and m.container.entries:
                c = m.container.entries[0]
                if e.country_code == c.country_code and (
                    c.kind == "country" or e.admin1_code == c.admin1_code
                ):
                    score += _CONTAINER_BONUS
            if m.contained and e is m.entries[0]:
                score += _CONTAINER_BONUS
            out.append((e, score))
        scored = tuple(out)
        return rivalled, scored, _pick_prior(rivalled, scored)

    def _anchor_unknown(self, matches: list[_Match]) -> None:
        """Pin facilities and cued unknown names to the place the text puts them in."""
        unknowns = [m for m in matches if not m.entries]
        if not unknowns:
            return
        resolved = sorted((m for m in matches if m.chosen is not None), key=_START)
        if not resolved:
            return
        focus: list[Entry | None] = []  # the article's focus, once a name needs it
        starts = [m.start for m in resolved]
        for m in unknowns:
            target: _Match | None = None
            if m.anchor is not None:
                target = next((r for r in resolved if r.start == m.anchor), None)
            if target is None:
                # The nearest resolved non-country place before it, else after it.
                import bisect

                k = bisect.bisect_left(starts, m.start)
                before = [
                    r
                    for r in resolved[max(0, k - 3) : k]
                    if r.chosen
                    and r.chosen.kind not in ("country", "continent")
                    and m.start - r.end < 120
                ]
                after = [
                    r
                    for r in resolved[k : k + 2]
                    if r.chosen
                    and r.chosen.kind not in ("country", "continent")
                    and r.start - m.end < 80
                ]
                if after and m.unknown_kind == "facility":
                    target = after[0]
                elif before:
                    target = before[-1]
                elif after:
                    target = after[0]
            if target is not None and target.chosen is not None:
                m.chosen = target.chosen
                m.score = 0.5
                continue
            if not focus:
                focus.append(_focus(resolved))
            if focus[0] is not None:
                m.chosen = focus[0]
                m.score = 0.2

    def _roles(self, text: str, matches: list[_Match]) -> None:
        for m in matches:
            if m.role != "location" or m.chosen is None or not m.entries:
                continue
            if m.chosen.kind in ("country", "city") and _METONYM_AFTER.match(text, m.end):
                m.role = "metonym"

    # -- output --------------------------------------------------------------------------

    def _places(self, text: str, matches: list[_Match]) -> list[Place]:
        groups: dict[str, list[_Match]] = {}
        for m in sorted(matches, key=_START):
            if m.entries and m.chosen is not None:
                key = f"pid:{m.chosen.pid}"
            else:
                key = f"unknown:{m.key}"
            groups.setdefault(key, []).append(m)
        places: list[Place] = []
        for key, group in groups.items():
            first = group[0]
            mentions = tuple(
                Mention(m.start, end, text[m.start : end], m.role)
                for m in group
                for end in (_mention_end(m),)
            )
            score = first.score if len(group) == 1 else max(m.score for m in group)
            if key.startswith("pid:") and first.chosen is not None:
                e = first.chosen
                resolution = _how(group)
                places.append(
                    Place(
                        name=e.name,
                        kind=e.kind,
                        mentions=mentions,
                        country_code=e.country_code,
                        admin1=self.gaz.admin1_name(e.country_code, e.admin1_code)
                        if e.kind not in ("country", "continent")
                        else None,
                        lat=e.lat,
                        lon=e.lon,
                        gazetteer_id=e.gazetteer_id,
                        confidence=round(
                            min(0.99, max(0.05, 1 / (1 + math.exp(-(score - 5) / 1.5)))), 3
                        ),
                        resolution=resolution,
                    )
                )
            else:
                anchor = first.chosen
                places.append(
                    Place(
                        name=_display(text[first.start : first.end], first.unknown_kind),
                        kind=first.unknown_kind or "place",
                        mentions=mentions,
                        country_code=anchor.country_code if anchor else None,
                        admin1=self.gaz.admin1_name(anchor.country_code, anchor.admin1_code)
                        if anchor
                        else None,
                        lat=anchor.lat if anchor else None,
                        lon=anchor.lon if anchor else None,
                        gazetteer_id=None,
                        confidence=0.3 if anchor else 0.1,
                        resolution="container"
                        if anchor and score >= 0.5
                        else ("article-focus" if anchor else "unresolved"),
                    )
                )
        return places


class _Context:
    """What the rest of the article says about where it is."""

    __slots__ = (
        "admin1",
        "admin1_by_pid",
        "anchors",
        "by_key",
        "colocated",
        "countries",
        "listed",
        "region_keys",
        "region_like",
        "regions",
        "total",
    )

    def __init__(self) -> None:
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.admin1: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.admin1_by_pid: defaultdict[int, float] = defaultdict(float)
        self.anchors: list[tuple[str, int, float, float]] = []
        self.by_key: dict[str, tuple[str, str | None, float]] = {}
        self.colocated: dict[int, int] = {}
        self.regions: defaultdict[str, float] = defaultdict(float)
        self.region_keys: dict[str, str] = {}
        self.listed: frozenset[str] = frozenset()
        self.region_like: set[str] = set()
        self.total = 0.0

    @classmethod
    def from_matches(
        cls,
        matches: list[_Match],
        demonyms: dict[str, float],
        dateline: _Match | None,
        colocated: dict[int, int] | None = None,
        listed: frozenset[str] = frozenset(),
    ) -> _Context:
        ctx = cls()
        if colocated:
            ctx.colocated = colocated
        ctx.listed = listed
        # One vote per distinct name: a name repeated five times must not outvote the
        # rest of the article for its own reading.
        best: dict[str, _Match] = {}
        for m in matches:
            if m.chosen is None or m.chosen.country_code is None:
                continue
            if m.key not in best or m.score > best[m.key].score:
                best[m.key] = m
        countries, by_key, admin1, admin1_by_pid = (
            ctx.countries,
            ctx.by_key,
            ctx.admin1,
            ctx.admin1_by_pid,
        )
        dateline_key = dateline.key if dateline is not None else None
        total = 0.0
        for key, m in best.items():
            e = m.chosen
            assert e is not None and e.country_code is not None
            weight = 3.0 if dateline_key == key else 1.0
            countries[e.country_code] += weight
            by_key[key] = (e.country_code, e.admin1_code, weight)
            total += weight
            if e.admin1_code and e.kind not in ("country", "continent"):
                admin1[(e.country_code, e.admin1_code)] += weight
                admin1_by_pid[e.pid] += weight
            if key in listed and any(r.kind == "region" and r.how == PRIMARY for r in m.entries):
                # A listed name that can be a region may be read as one, but only names
                # that are regions first of all make the list a list of regions.
                ctx.region_like.add(key)
                if e.kind == "region" and _region_like(m):
                    ctx.regions[e.country_code] += weight
                    ctx.region_keys[key] = e.country_code
            if (
                e.kind not in ("country", "continent", "sea")
                and m.score >= 5.0
                and len(ctx.anchors) < _MAX_CONTEXT_NAMES
            ):
                ctx.anchors.append((key, e.pid, e.lat, e.lon))
        ctx.total = total
        for cc, n in demonyms.items():
            ctx.countries[cc] += 0.5 * n
            ctx.total += 0.5 * n
        return ctx

    def same(self, other: _Context) -> bool:
        """Whether two contexts give every reading the same bonus."""
        return (
            self.total == other.total
            and self.countries == other.countries
            and self.by_key == other.by_key
            and self.admin1 == other.admin1
            and self.admin1_by_pid == other.admin1_by_pid
            and self.regions == other.regions
            and self.anchors == other.anchors
        )

    def _sibling_regions(self, name: str, country_code: str) -> float:
        """The votes of the names other than ``name`` read as regions of a country."""
        own = (
            self.by_key.get(name, _NO_OWN)[2] if self.region_keys.get(name) == country_code else 0.0
        )
        return self.regions.get(country_code, 0.0) - own

    def lonely(self, m: _Match) -> bool:
        """Whether nothing else in the article is in the country of ``m``'s reading."""
        e = m.chosen
        if e is None or not e.country_code:
            return False
        own_cc, _, own_weight = self.by_key.get(m.key, (None, None, 0.0))
        own = own_weight if own_cc == e.country_code else 0.0
        return self.total - own_weight > 0 and self.countries.get(e.country_code, 0.0) - own <= 0

    def share(self, country_code: str | None) -> float:
        """The part of the article's votes that go to one country."""
        if not country_code or not self.total:
            return 0.0
        return self.countries.get(country_code, 0.0) / self.total

    def pick(self, name: str, priors: _Priors) -> tuple[Entry | None, float]:
        """The best reading of the name ``name`` in this context, and its score: each
        reading's prior plus what the article adds to it.

        What the places nearby add is not counted when even the most they can add would
        not lift a reading past the best so far: it loses either way."""
        rivalled, scored, _ = priors
        best: Entry | None = None
        best_score = -math.inf
        own_cc, own_a1, own_weight = self.by_key.get(name, _NO_OWN)
        countries = self.countries
        all_votes = self.total
        colocated_of = self.colocated
        admin1 = self.admin1
        admin1_by_pid = self.admin1_by_pid
        anchors = self.anchors
        for k, (e, score) in enumerate(scored):
            cc = e.country_code
            if rivalled and k and self.share(cc) < 0.5:
                continue
            if score + _MAX_BONUS <= best_score:
                continue  # the context cannot lift it past the best so far
            need = best_score - score
            bonus = 0.0
            colocated = colocated_of.get(e.pid, 0) if colocated_of else 0
            if cc and all_votes:
                others = countries.get(cc, 0.0) - (own_weight if own_cc == cc else 0.0)
                total = all_votes - own_weight
                if colocated > others:
                    # The names that may be places beside this reading vote for its
                    # country whatever they are read as now: two readings that support
                    # each other must not swap countries from one pass to the next.
                    total += colocated - others
                    others = colocated
                if total > 0 and others > 0:
                    bonus += 1.0 + 3.0 * others / total
            kind = e.kind
            a1 = e.admin1_code
            if kind == "country" or kind == "continent":
                score += bonus
                if score > best_score:
                    best, best_score = e, score
                continue
            if a1 and cc:
                # Votes from other names for this very place do not count: "MEXICO CITY"
                # in the dateline must not make "Mexico" the city.
                by_pid = admin1_by_pid.get(e.pid, 0.0)
                n = admin1.get((cc, a1), 0.0) - by_pid
                if own_cc == cc and own_a1 == a1 and by_pid == 0.0:
                    n -= own_weight
                if n > 0:
                    bonus += 2.5
                elif (
                    kind == "region"
                    and name in self.region_like
                    and self._sibling_regions(name, cc) > 0
                ):
                    # "Ohio, Oregon, South Carolina": a name listed among regions of one
                    # country is another region of it, not the town of Oregon in Ohio.
                    bonus += 2.5
            near_bonus = _COLOCATED_BONUS if colocated else 0.0
            if anchors and bonus + _MAX_NEAR_BONUS > need:
                near = 0
                e_lat, e_lon, e_pid = e.lat, e.lon, e.pid
                for key, pid, lat, lon in anchors:
                    if (
                        -3 < lat - e_lat < 3
                        and -4 < lon - e_lon < 4
                        and key != name
                        and pid != e_pid
                        and _km(lat, lon, e_lat, e_lon) < 250
                    ):
                        near += 1
                        if near == 3:
                            break  # the bonus grows no further
                if near:
                    near_bonus = max(near_bonus, 1.5 + min(1.0, 0.5 * (near - 1)))
            score += bonus + near_bonus
            if score > best_score:
                best, best_score = e, score
        return best, best_score


def _best_all(alike: list[tuple[_Priors, list[_Match]]], context: _Context | None) -> None:
    """Resolve every group of matches alike, in a context (none: priors only)."""
    for priors, group in alike:
        m = group[0]
        if context is None:
            best, best_score = priors[2]
        else:
            best, best_score = context.pick(m.key, priors)
        if best is None:
            best, best_score = m.entries[0], -math.inf
        for m in group:
            m.chosen = best
            m.score = best_score


def _pick_prior(
    rivalled: bool, scored: tuple[tuple[Entry, float], ...]
) -> tuple[Entry | None, float]:
    """The best reading of a match before any context."""
    best: Entry | None = None
    best_score = -math.inf
    for k, (e, score) in enumerate(scored):
        if rivalled and k:
            break  # a region rivals a country's name only in an article's context
        if score > best_score:
            best, best_score = e, score
    return best, best_score


def _region_like(m: _Match) -> bool:
    """Whether a name is first of all a region: a region's own name, and no city's
    (Lviv, Kyiv and New York are cities as much as regions)."""
    return any(e.kind == "region" and e.how == PRIMARY for e in m.entries) and not any(
        e.kind in ("city", "town") and e.prominence >= _STRONG for e in m.entries
    )


_LIST_GAP: Final = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)")


def _in_list(text: str, a: _Match, b: _Match) -> bool:
    """Whether ``b`` follows ``a`` in an enumeration: only a comma, "and" or "or" between."""
    return 0 < b.start - a.end <= 7 and _LIST_GAP.fullmatch(text, a.end, b.start) is not None


def _listed(text: str, matches: Sequence[_Match]) -> frozenset[str]:
    """The names in an enumeration ("Ohio, Oregon and Utah"): each one next to another
    name with only a comma, "and" or "or" between them."""
    listed: set[str] = set()
    ordered = sorted((m for m in matches if m.entries), key=_START)
    for a, b in itertools.pairwise(ordered):
        if _in_list(text, a, b):
            listed.add(a.key)
            listed.add(b.key)
    return frozenset(listed)


_Point = tuple[int, float, float, int]
_POINTS_CACHE: Final[dict[int, tuple[tuple[Entry, ...], tuple[_Point, ...]]]] = {}


def _points(entries: tuple[Entry, ...]) -> tuple[_Point, ...]:
    """The cells and points of the first _COLOCATED_READINGS point-like readings of a
    name (entries come most prominent first), memoised per entries tuple: the lookup
    hands out the same tuple each time a surface form comes back."""
    found = _POINTS_CACHE.get(id(entries))
    if found is not None and found[0] is entries:
        return found[1]
    points = tuple(
        (
            math.floor(e.lat / _CELL_LAT) * _ROW + math.floor(e.lon / _CELL_LON),
            e.lat,
            e.lon,
            e.pid,
        )
        for e in entries
        if e.kind in _COLOCATED_KINDS
    )[:_COLOCATED_READINGS]
    if len(_POINTS_CACHE) >= _SURFACE_CACHE:
        _POINTS_CACHE.clear()
    _POINTS_CACHE[id(entries)] = (entries, points)
    return points


def _colocated(
    matches: Sequence[_Match], common_words: Collection[str] = frozenset()
) -> dict[int, int]:
    """The point-like readings (towns, cities, counties) of the article's names that lie
    within _COLOCATED_KM of a reading of another name, each with how many other names
    have one there. Names of which one holds the other ("Hanover", "Hanover Town") are
    one name, not two witnesses; a name that is also an English word ("Landmark") is
    more often the word and witnesses nothing.

    Readings are binned in cells of 0.35 degrees of latitude by 0.7 of longitude (at
    least 35 km wide up to 60 degrees north or south), so only readings in neighbouring
    cells are compared."""
    if len(matches) < 2:
        return {}
    cells: dict[int, list[tuple[float, float, str, int]]] = {}
    owner: dict[int, str] = {}  # the one name with readings in a cell, or ""
    seen: set[str] = set()
    ambiguous = False
    for m in matches:
        key = m.key
        if key in seen:
            continue
        if len(seen) >= _MAX_CONTEXT_NAMES:
            break
        seen.add(key)
        if key in common_words:
            continue
        points = _points(m.entries)
        if not points:
            continue
        ambiguous = ambiguous or len(m.entries) > 1
        for cell, lat, lon, pid in points:
            items = cells.get(cell)
            if items is None:
                cells[cell] = [(lat, lon, key, pid)]
                owner[cell] = key
            else:
                items.append((lat, lon, key, pid))
                if owner[cell] != key:
                    owner[cell] = ""
    if not ambiguous or (len(cells) < 2 and "" not in owner.values()):
        return {}
    partners: dict[int, set[str]] = {}
    for cell, mine in owner.items():
        if not mine:  # readings of two names in one cell
            _pair_up(cells[cell], cells[cell], partners)
    occupied = owner.keys()
    for step in _NEIGHBOUR_STEPS:
        # The cells with a neighbour ``step`` away, by set operations: most cells have
        # none. (The order of the pairs makes no difference to the counts.)
        for cell in occupied & set(map((-step).__add__, occupied)):
            mine, theirs = owner[cell], owner[cell + step]
            if not mine or theirs != mine:
                _pair_up(cells[cell], cells[cell + step], partners)
    return {pid: len(keys) for pid, keys in partners.items()}


def _pair_up(
    items: list[tuple[float, float, str, int]],
    others: list[tuple[float, float, str, int]],
    partners: dict[int, set[str]],
) -> None:
    """Record the readings of two cells (or of one, ``others is items``) that are within
    _COLOCATED_KM of a reading of another name."""
    for k, (lat, lon, key, pid) in enumerate(items):
        for lat2, lon2, key2, pid2 in others[k + 1 :] if others is items else others:
            if (
                key2 == key
                or pid2 == pid
                or not -_COLOCATED_DEG < lat2 - lat < _COLOCATED_DEG
                or key2 in key
                or key in key2
                or _km(lat, lon, lat2, lon2) >= _COLOCATED_KM
            ):
                continue
            partners.setdefault(pid, set()).add(key2)
            partners.setdefault(pid2, set()).add(key)


def _word_match(text: str, start: int, end: int, facts: _WordFacts) -> _Match | None:
    """The match of one word of a run (at ``start``-``end``), if it names a place."""
    entries = facts[2]
    if not entries:
        return None
    match = _Match(start, end, facts[1], entries)
    # A designator right after: "Luhansk region", "Dnieper river".
    after = _AFTER_DESIGNATOR.match(text, end)
    if after is not None and after.group("word").islower():
        match.name_end = end
        match.end = after.end()
        match.prefer = _DESIGNATOR_AFTER.get(after.group("word"), ())
    return match


def _is_locative(before: str) -> bool:
    """``_LOCATIVE.search(before) is not None``, searching only where a match can start.

    A match runs to the end of ``before`` (or to a final newline): a word of at most 9
    letters, blanks, and perhaps "the" and blanks. So it starts in the last 9 characters
    once those blanks (and a final "the") are stripped; the search starts there (``\b``
    still sees the character before it)."""
    end = before[:-1] if before.endswith("\n") else before
    word_end = end.rstrip(" \t")
    if len(word_end) == len(end):
        return False  # no blank at the end: nothing to match
    if word_end.endswith("the"):
        word_end = word_end[:-3].rstrip(" \t")
    return _LOCATIVE.search(before, max(0, len(word_end) - 9)) is not None


def _mention_end(m: _Match) -> int:
    """The span keeps "region" in "Luhansk region", not "state" in "US state"."""
    if m.name_end is not None and (m.chosen is None or m.chosen.kind not in m.prefer):
        return m.name_end
    return m.end


def _bounded_runs(text: str, runs: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Cut very long capitalised runs (headlines in title case, hostile input) into
    pieces of a few words: no place name is longer, and the run analysis stays linear."""
    for start, end in runs:
        if end - start <= 120:
            yield start, end
            continue
        words = [m.span() for m in _WORDS.finditer(text, start, end)]
        for k in range(0, len(words), _MAX_RUN_WORDS):
            chunk = words[k : k + _MAX_RUN_WORDS]
            yield chunk[0][0], chunk[-1][1]


def _focus(resolved: list[_Match]) -> Entry | None:
    """The most mentioned non-country place: where the story happens."""
    counts: defaultdict[int, float] = defaultdict(float)
    entries: dict[int, Entry] = {}
    for m in resolved:
        e = m.chosen
        if e is None:
            continue
        weight = 0.3 if e.kind in ("country", "continent") else 1.0
        counts[e.pid] += weight
        entries[e.pid] = e
    if not counts:
        return None
    return entries[max(counts, key=counts.__getitem__)]


def _how(group: list[_Match]) -> str:
    dateline = feature = False
    for m in group:
        if m.container is not None:
            return "container"
        dateline = dateline or m.role == "dateline"
        feature = feature or bool(m.prefer)
    if dateline:
        return "dateline"
    if feature:
        return "feature"
    if len(group[0].entries) == 1:
        return "unique"
    return "context" if group[0].score > group[0].entries[0].prominence + 0.5 else "prominence"


def _display(surface: str, kind: str | None) -> str:
    return _POSSESSIVE.sub("", surface).strip()


def _trim_word(text: str, start: int, end: int) -> tuple[int, int]:
    if end <= start or text[end - 1] not in _TRIM_LAST:
        return start, end
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def _read_context(text: str, m: _Match) -> None:
    """Read the flags of a name from a run off the text around it: whether it opens a
    sentence, follows a locative word or "the", or a verb of speech follows it."""
    m.pending = False
    start = m.start
    if m.opens_at is not None:
        m.sentence_start = _starts_sentence(text, m.opens_at)
    before_text = text[max(0, start - 30) : start]
    m.locative = _is_locative(before_text)
    m.after_the = before_text.endswith(("the ", "The "))
    m.speaks = _SPEECH_AFTER.match(text, m.end) is not None


def _starts_sentence(text: str, offset: int) -> bool:
    """Whether a name opens a sentence, found by looking back from it (building every
    sentence of the article would cost more)."""
    if offset == 0:
        return True
    k = offset - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in '.!?\n:"“'


def _person_spans(people: Sequence[Any]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for person in people:
        if getattr(person, "type", "person") not in ("person", "organisation"):
            continue
        name = getattr(person, "name", "") or ""
        for mention in getattr(person, "mentions", ()) or ():
            # A person mention that is a single word (a surname) only counts when the
            # person's full name has more words: "Austin" for Lloyd Austin.
            if len(name.split()) >= 2 or person.type == "organisation":
                spans.append((mention.start, mention.end))
    spans.sort()
    return spans


class _Spans:
    """Sorted spans that answer "does anything overlap [start, end)?" in O(log n).

    A span (s, e) overlaps when s < end and e > start. Among the spans starting before
    ``end`` (a prefix, found by bisection), one ends after ``start`` exactly when the
    largest end of that prefix does, so a running maximum of the ends answers at once.
    (A scan of every span made a long article quadratic.)
    """

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(itertools.accumulate([e for _, e in ordered], max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        count = bisect.bisect_left(self._starts, end)
        return count > 0 and self._max_end[count - 1] > start


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    return spans.overlaps(start, end)


def build() -> Extractor:
    """The places extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return Geoparser(get_gazetteer())
