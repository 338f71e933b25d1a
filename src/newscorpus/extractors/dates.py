"""The dates extractor: absolute and relative dates, resolved against the article's date.

Which day a story was written on decides what ``Wednesday`` or ``March`` means, so the
reference date is chosen in this order:

1. ``article.published``;
2. the dateline's date (``KYIV, June 15 (Reuters)``), its year taken from the publication
   or, failing that, from the photos;
3. the latest day a photo was taken (``Picture taken June 10, 2022``). A photo is taken on
   or before the day its story runs, so this date is only a *floor*: weekday names are
   then read forward from it (the first such weekday on or after the floor), because a
   wire story names weekdays only within the week it runs. The article's own day is then
   estimated as the latest weekday so resolved (a story narrates up to the day it is
   written), and ``today`` or ``last week`` are resolved against that estimate;
4. nothing: relative dates keep their text and get no value.

Against an exact reference, a bare weekday is the most recent such day on or before it
(news reports what happened), unless the sentence speaks of the future (``will``,
``next``, ``is due to``), then the next one on or after it. A month or a day without a
year is put in the year that keeps it within ten months before or two months after the
reference. Values are ISO 8601 at the precision the text gives: ``2022-06-15`` (day),
``2022-05`` (month, and ``mid-May``, whose precision says ``part_of_month``), ``2022``
(year), ``2022-W23`` (week).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple, overload

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from ..analysis import Analysis
from ..models import Article, DateMention
from ..specs import Document, Extractor

__all__ = ["Reference", "build", "find_dates", "reference_date"]

_MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_FULL_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december".split()
)
_WEEKDAYS: Final[dict[str, weekday]] = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
    "saturday": SA, "sunday": SU,
}  # fmt: skip

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w])"
_PART_OF_MONTH = r"(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# One alternation, tried left to right at each position; every branch is a fixed sequence of
# bounded pieces, so a scan is linear in the text.
_AGO_COUNT = (
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|"
    r"a\s+couple\s+of"
)
_DATE: Final = re.compile(
    rf"(?P<ago>(?<![\w-])(?P<ago_n>{_AGO_COUNT})[ \t]+(?P<ago_u>day|week|month|year)s?[ \t]+ago(?![\w-]))"
    r"|(?P<dec>(?<![\w-])(?P<dec_y>(?:1[89]|20)\d)0s(?![\w-]))"
    rf"|(?P<iso>(?<![\d-])(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-2]\d|3[01])(?!\d))"
    rf"|(?P<mdy>(?<![\w-])(?P<mdy_m>{_MONTH})[ \t]+(?P<mdy_d>{_DAY})(?:,?[ \t]+(?P<mdy_y>{_YEAR}))?)"
    rf"|(?P<dmy>(?<![\w.,-])(?P<dmy_d>{_DAY})[ \t]+(?:of[ \t]+)?(?P<dmy_m>{_MONTH})(?:,?[ \t]+(?P<dmy_y>{_YEAR}))?)"
    rf"|(?P<pom>(?<![\w-])(?P<pom_p>{_PART_OF_MONTH})[ \t-]+(?P<pom_m>{_MONTH})(?:,?[ \t]+(?P<pom_y>{_YEAR}))?)"
    rf"|(?P<my>(?<![\w-])(?P<my_m>{_MONTH})(?:,?[ \t]+(?P<my_y>{_YEAR}))?)"
    rf"|(?P<wd>(?<![\w-])(?:(?P<wd_mod>[Ll]ast|[Nn]ext|[Tt]his|[Ll]ate|[Ee]arly)[ \t]+)?"
    rf"(?P<wd_d>{_WEEKDAY})(?:[ \t]+(?P<wd_p>{_PART_OF_DAY}))?)"
    r"|(?P<rel>(?<![\w-])(?P<rel_w>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?![\w-]))"
    r"|(?P<per>(?<![\w-])(?P<per_mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)[ \t]+(?P<per_u>week|weekend|month|year)(?![\w-]))"
    rf"|(?:(?<![\w-])(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Dd]uring|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id|[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all|[Tt]hrough)[ \t-]+(?P<yr>{_YEAR})(?![\w-]))"
)
# What makes a bare weekday point forward rather than back.
_FUTURE: Final = re.compile(
    r"\b(?:will|shall|'ll|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|"
    r"are\s+expected\s+to|plans?\s+to|scheduled|going\s+to|next)\b",
    re.IGNORECASE,
)
# "May" is a month only where a date is plainly meant.
_MAY_CONTEXT: Final = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|between|and|early|late|mid|last|next|this|"
    r"since|during|before|after)[ \t-]+|-)$",
    re.IGNORECASE,
)


_AGO_NUMBERS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "a couple of": 2,
}  # fmt: skip


@attrs.frozen
class Reference:
    """The day relative dates are read against, and whether it is exact or only a floor."""

    date: dt.date
    floor: bool = False


def reference_date(article: Article) -> Reference | None:
    """The reference day of an article, by the rule in the module docstring."""
    if article.published is not None:
        published = article.published
        day = published.date() if isinstance(published, dt.datetime) else published
        return Reference(day)
    photo_days = [p.taken for p in article.photos if p.taken is not None]
    if article.dateline is not None and article.dateline.date_text:
        year = max(photo_days).year if photo_days else None
        day_of_line = _parse_loose(article.dateline.date_text, year)
        if day_of_line is not None:
            return Reference(day_of_line)
    if photo_days:
        return Reference(max(photo_days), floor=True)
    return None


def _parse_loose(text: str, year: int | None) -> dt.date | None:
    match = _DATE.search(text)
    if match is None:
        return None
    kind = match.lastgroup
    if kind == "iso":
        return _safe_date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    if kind in ("mdy", "dmy"):
        y = match[f"{kind}_y"]
        year = int(y) if y else year
        if year is None:
            return None
        return _safe_date(year, _month(match[f"{kind}_m"]), _day(match[f"{kind}_d"]))
    return None


def _month(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, ref: dt.date) -> int:
    """The year that puts ``month`` within ten months before to two after ``ref``."""
    months_ahead = month - ref.month
    if months_ahead > 2:
        return ref.year - 1
    if months_ahead < -10:
        return ref.year + 1
    return ref.year


class _Found(NamedTuple):
    """A date found by the scan (a tuple: one is made for every date, and cheaply)."""

    start: int
    end: int
    kind: str
    match: re.Match[str]


# Every date expression contains one of these; the full pattern is run only near them,
# which keeps a corpus run fast (the full alternation is slow to try at every character).
# The look-behind after the class skips hints inside a word without slowing the scan for
# the class (a leading look-behind would).
_HINT_ENDINGS: Final = (
    r"esterday|omorrow|onight|oday|onth|eek|ear|[89]\d\d|0\d\d|"
    r"an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at|go"
)
_HINT: Final = re.compile(rf"[JFMASONDTWYtywma12](?<![A-Za-z].)(?:{_HINT_ENDINGS})")
_HINTS: Final = frozenset(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun "
    "Today today Yesterday yesterday Tomorrow tomorrow Tonight tonight week month year ago".split()
)
# The hints _HINT finds, found faster. Its lower-case first letters (t, y, w, m, a) are so
# common that trying it at each costs most of a scan; so _CAPITAL_HINT has only the capitals
# and digits, and the lower-case hints, whole words, are found by plain substring search.
# That finds the same hints: a lower-case hint is all letters, so it cannot hide a match
# inside it or be hidden inside one (each starts after a character that is not a letter,
# and the only such characters inside a match are digits). The one lower-case match that
# has digits ("t012": a letter, then the "0\d\d" ending) is kept, anchored on its first
# digit, for the digits it covers: a hint it covers ("2019" in "t012019") is not one.
# (One class first, then a branch per kind of character: an alternation of two classes
# would be tried at every character instead of scanned for.)
_CAPITAL_HINT: Final = re.compile(
    rf"[JFMASONDTWY12089](?:(?<=[JFMASONDTWY12])(?<![A-Za-z].)(?:{_HINT_ENDINGS})"
    r"|(?<=[tywma][089])(?<![A-Za-z]..)\d\d)"
)
_LOWER_HINTS: Final = ("today", "tomorrow", "tonight", "yesterday", "week", "month", "year", "ago")
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A date covering a hint that is a word has the whole word in one of its branches: a month,
# a weekday, "today" and the like, "ago", or the unit of "two weeks ago" or "last year". Any
# other word a hint starts ("Mark", "Sunak", "yearly") is passed over without trying the
# full pattern, which is what most of a scan's time went on.
_DATE_WORDS: Final = frozenset(
    [m.capitalize() for m in _FULL_MONTHS]
    + "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
    + [w.capitalize() for w in _WEEKDAYS]
    + "Today today Yesterday yesterday Tomorrow tomorrow Tonight tonight ago".split()
)
_UNIT_WORDS: Final = frozenset("week weeks weekend month months year years".split())
# A unit is part of a date only in "... weeks ago" or after "last", "next", "this", "past".
_UNIT_AGO: Final = re.compile(r"(?:week|month|year)s?[ \t]+ago(?![\w-])")
_PERIOD_MODIFIERS: Final = frozenset("last next this past Last Next This Past".split())
# A word is read to at most ten characters, one more than the longest word listed below
# ("September"): a longer run is none of them, and hints inside one long run of word
# characters ("May_May_May...") must not each read it to its end.
_WORD_RUN: Final = re.compile(r"\w{1,10}")
# The words a date can open with: the first word of each branch of _DATE (a number, "a",
# "an", a month, a weekday, a modifier, a preposition). A word is followed by a blank, a
# hyphen or a point in every branch, so the word at a place is its whole run of word
# characters; at any place whose word is not one of these, _DATE cannot match.
_OPENING_WORDS: Final = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve "
    "early mid late the Today today Yesterday yesterday Tomorrow tomorrow Tonight tonight "
    "Sept Sep".split()
    + [m.capitalize() for m in _MONTHS]
    + [w.capitalize() for w in _WEEKDAYS]
    + [
        form
        for w in (
            "last next this late early past in since by from until till during before after "
            "mid summer winter spring autumn fall through"
        ).split()
        for form in (w, w.capitalize())
    ]
)
# No date starts further back than this from its hint ("the beginning of May").
_REACH_BACK: Final = 20
_WORD_START: Final = re.compile(r"(?<![\w'’])\w")
_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"”’')]*\s+")


def _scan(text: str) -> Iterator[_Found]:
    """Every date, trying the full pattern only at a few places around each hint.

    The hint pattern begins with a character class, which the regex engine scans for
    quickly; the full alternation is tried at a handful of word starts per hint instead of
    at every character, which keeps a corpus run fast. The places tried for a hint are the
    word starts shortly before it, then the hint itself: a year needs at most the one word
    before it ("in 2019"); a month or weekday up to four ("the end of May", "late
    Tuesday", "a couple of days ago").
    """
    done = 0
    date_match = _DATE.match
    word_starts = _WORD_START.finditer
    for h, word in _hints(text):
        if h < done:
            continue
        first = word[0]
        if h > 0 and text[h - 1].isalpha():
            continue
        if not first.isdigit() and not _may_date(text, h):
            continue
        lo = h - _REACH_BACK
        if lo < done:
            lo = done
        starts = [w.start() for w in word_starts(text, lo, h)]
        starts = starts[-1:] if first.isdigit() else starts[-4:]
        starts.append(h)
        for pos in starts:
            if not _may_open(text, pos):
                continue
            match = date_match(text, pos)
            if match is None or match.end() <= h:
                continue
            found = _accept(text, match)
            if found is not None:
                yield found
                done = found.end
                break


def _hints(text: str) -> list[tuple[int, str]]:
    """Where the hints are, in order: the matches of _HINT that are a digit or in _HINTS."""
    hints = _HINTS
    found = []
    for match in _CAPITAL_HINT.finditer(text):
        word = match.group()
        if word[0] in "12" or word in hints:
            found.append((match.start(), word))
    letters = _ASCII_LETTERS
    for word in _LOWER_HINTS:
        at = text.find(word)
        while at >= 0:
            if at == 0 or text[at - 1] not in letters:
                found.append((at, word))
            at = text.find(word, at + 1)
    found.sort()
    return found


def _may_date(text: str, h: int) -> bool:
    """Whether a date can cover the word at ``h`` (False only where none can)."""
    run = _WORD_RUN.match(text, h)
    word = run.group() if run is not None else ""
    if word in _DATE_WORDS:
        return True
    if word not in _UNIT_WORDS:
        return False
    if _UNIT_AGO.match(text, h):
        return True
    before = h
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before < h and text[before - 4 : before] in _PERIOD_MODIFIERS


def _may_open(text: str, pos: int) -> bool:
    """Whether a date can start at ``pos`` (False only where none can)."""
    if not text[pos].isalpha():
        return True  # a number, or something the word list below does not cover
    run = _WORD_RUN.match(text, pos)
    return run is None or run.group() in _OPENING_WORDS


def _accept(text: str, match: re.Match[str]) -> _Found | None:
    kind = match.lastgroup or ""
    if kind == "yr":
        start, end = match.span("yr")
    else:
        start, end = match.span(kind)
    if kind == "my" and match["my_y"] is None:
        word = match["my_m"]
        if word.endswith(".") or word.lower() not in _FULL_MONTHS:
            # "Jan", "Mar." alone are too often something else; an abbreviation needs a day.
            return None
        if word == "May" and not _MAY_CONTEXT.search(text, max(0, start - 12), start):
            return None
    return _Found(start, end, kind, match)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where the dates are, without resolving them (the figures extractor skips these)."""
    return [(f.start, f.end) for f in _scan(text)]


def find_dates(
    text: str, reference: Reference | None, sentences: Sequence[tuple[int, int]] = ()
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference`` when there is one."""
    found = list(_scan(text))
    ref = reference
    article_day: dt.date | None = None
    if ref is not None and ref.floor:
        # Resolve the weekdays forward from the floor first; the latest is our estimate of
        # the day the story runs, against which "today" and "last week" are then read.
        latest = ref.date
        for item in found:
            if item.kind == "wd":
                day = ref.date + relativedelta(weekday=_WEEKDAYS[item.match["wd_d"].lower()](+1))
                latest = max(latest, day)
        article_day = latest
    elif ref is not None:
        article_day = ref.date
    out: list[DateMention] = []
    for item in found:
        value, precision, relative = _resolve(text, item, ref, article_day, sentences)
        # (positional: text, start, end, value, precision, relative)
        out.append(
            DateMention(text[item.start : item.end], item.start, item.end, value, precision, relative)
        )
    return out


def _sentence_before(text: str, offset: int, sentences: Sequence[tuple[int, int]]) -> str:
    index = bisect.bisect_right(sentences, (offset, len(text) + 1)) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        # the clause before a date is what tells its tense; a few hundred characters do
        return text[max(sentences[index][0], offset - 300) : offset]
    lo = max(0, offset - 120)
    cut = lo
    for brk in _SENTENCE_BREAK.finditer(text, lo, offset):
        cut = brk.end()
    return text[cut:offset]


def _resolve(
    text: str,
    item: _Found,
    ref: Reference | None,
    article_day: dt.date | None,
    sentences: Sequence[tuple[int, int]],
) -> tuple[str | None, str, bool]:
    m = item.match
    kind = item.kind
    if kind == "iso":
        return f"{m['iso_y']}-{m['iso_m']}-{m['iso_d']}", "day", False
    if kind in ("mdy", "dmy"):
        month, dom = _month(m[f"{kind}_m"]), _day(m[f"{kind}_d"])
        y = m[f"{kind}_y"]
        if y:
            d = _safe_date(int(y), month, dom)
            return (d.isoformat() if d else None), "day", False
        if article_day is None:
            return None, "day", True
        d = _safe_date(_year_for(month, article_day), month, dom)
        return (d.isoformat() if d else None), "day", True
    if kind in ("pom", "my"):
        month = _month(m[f"{kind}_m"])
        precision = "part_of_month" if kind == "pom" else "month"
        y = m[f"{kind}_y"]
        if y:
            return f"{int(y):04d}-{month:02d}", precision, False
        if article_day is None:
            return None, precision, True
        return f"{_year_for(month, article_day):04d}-{month:02d}", precision, True
    if kind == "yr":
        return m["yr"], "year", False
    if kind == "wd":
        precision = (
            "part_of_day"
            if (m["wd_p"] or (m["wd_mod"] or "").lower() in ("late", "early"))
            else "day"
        )
        if ref is None or article_day is None:
            return None, precision, True
        wd = _WEEKDAYS[m["wd_d"].lower()]
        mod = (m["wd_mod"] or "").lower()
        if ref.floor:
            day = ref.date + relativedelta(weekday=wd(+1))
        elif mod == "next":
            day = ref.date + relativedelta(days=1, weekday=wd(+1))
        elif mod == "last":
            day = ref.date + relativedelta(days=-1, weekday=wd(-1))
        elif mod == "this" or _FUTURE.search(_sentence_before(text, item.start, sentences)):
            day = ref.date + relativedelta(weekday=wd(+1))
        else:
            day = ref.date + relativedelta(weekday=wd(-1))
        return day.isoformat(), precision, True
    if kind == "rel":
        if article_day is None:
            return None, "day", True
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rel_w"].lower()]
        return (article_day + dt.timedelta(days=shift)).isoformat(), "day", True
    if kind == "ago":
        unit = m["ago_u"]
        count = _AGO_NUMBERS.get(" ".join(m["ago_n"].lower().split()))
        number = int(m["ago_n"]) if m["ago_n"].isdigit() else count
        if article_day is None or number is None:
            return None, unit, True
        back = {
            "day": relativedelta(days=number),
            "week": relativedelta(weeks=number),
            "month": relativedelta(months=number),
            "year": relativedelta(years=number),
        }[unit]
        day = article_day - back
        if unit == "day":
            return day.isoformat(), "day", True
        if unit == "week":
            iso = day.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}", "week", True
        if unit == "month":
            return f"{day.year:04d}-{day.month:02d}", "month", True
        return f"{day.year:04d}", "year", True
    if kind == "dec":
        return m["dec_y"], "decade", False
    if kind == "per":
        unit = m["per_u"]
        mod = m["per_mod"].lower()
        step = {"last": -1, "past": -1, "next": 1, "this": 0}[mod]
        if article_day is None:
            return None, unit, True
        if unit in ("week", "weekend"):
            day = article_day + dt.timedelta(weeks=step)
            if unit == "weekend":
                day = day + relativedelta(weekday=SA(-1) if step <= 0 else SA(+1))
                return day.isoformat(), "weekend", True
            iso = day.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}", "week", True
        if unit == "month":
            day = article_day + relativedelta(months=step)
            return f"{day.year:04d}-{day.month:02d}", "month", True
        return f"{article_day.year + step:04d}", "year", True
    return None, "day", True  # pragma: no cover - every branch of _DATE is handled above


class _LazySentences(Sequence[tuple[int, int]]):
    """The article's sentences, split only if a date needs them (a bare weekday's tense)."""

    __slots__ = ("_analysis",)

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[int, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        return self._analysis.sentences[index]

    def __len__(self) -> int:
        return len(self._analysis.sentences)


def _extract(doc: Document, /) -> Sequence[DateMention]:
    return find_dates(doc.text, reference_date(doc.article), _LazySentences(doc.analysis))


def build() -> Extractor:
    """The dates extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return _extract
