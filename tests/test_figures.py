"""The figures extractor on small hand-written sentences, and its invariants on any text."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newscorpus
from newscorpus.analysis import Analysis
from newscorpus.extractors import figures as figures_module
from newscorpus.extractors._numbers import to_words
from newscorpus.extractors.figures import build
from newscorpus.models import Article, Figure
from newscorpus.specs import Document

SEED = Path(__file__).resolve().parents[1] / "examples" / "sievierodonetsk.txt"
EXTRACT = build()


def figures(text: str) -> list[Figure]:
    found = EXTRACT(Document(Article(id="t", text=text), Analysis(text)))
    return list(found)


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def brief(f: Figure) -> tuple[Any, ...]:
    value: Any = f.value if f.low is None else (f.low, f.high)
    return (f.text, value, f.unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill employs 1,200 workers.", ("1,200", 1200, "count")),
        ("The index closed at 4,577.10 on the day.", ("4,577.10", Decimal("4577.10"), None)),
        ("Rainfall was 8.5 mm overnight.", ("8.5 mm", Decimal("8.5"), "mm")),
        ("The club signed seventeen players.", ("seventeen", 17, "count")),
        (
            "The work took three and a half months.",
            ("three and a half months", Decimal("3.5"), "month"),
        ),
        ("They ordered a dozen trucks.", ("a dozen", 12, "count")),
        ("The fund holds $40 billion in bonds.", ("$40 billion", 40_000_000_000, "USD")),
        ("Profit reached $1.13bn last quarter.", ("$1.13bn", 1_130_000_000, "USD")),
        ("The deal is worth £600m to the club.", ("£600m", 600_000_000, "GBP")),
        ("Tickets cost €45 each.", ("€45", 45, "EUR")),
        (
            "The firm paid 1.3 billion shekels for it.",
            ("1.3 billion shekels", 1_300_000_000, "ILS"),
        ),
        ("Output was 2.5 million tonnes.", ("2.5 million tonnes", 2_500_000, "t")),
        ("Shares rose 76% on Monday.", ("76%", 76, "percent")),
        ("Turnout was 64 per cent in the north.", ("64 per cent", 64, "percent")),
        ("The road is 40 km long.", ("40 km", 40, "km")),
        ("The trains run at 15 to 22 mph here.", ("15 to 22 mph", (15, 22), "mph")),
        ("A 5kW panel sits on the roof.", ("5kW", 5, "kW")),
        ("The engine makes 296 hp.", ("296 hp", 296, "hp")),
        ("Prices have risen sixfold.", ("sixfold", 6, "times")),
        ("The test lasted 90 minutes.", ("90 minutes", 90, "minute")),
        (
            "The country pumps 800,000 barrels a day.",
            ("800,000 barrels a day", 800_000, "barrel/day"),
        ),
        ("The plan costs $14.95 a month.", ("$14.95", Decimal("14.95"), "USD/month")),
    ],
)
def test_single_figures(text: str, expected: tuple[Any, ...]) -> None:
    assert brief(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 100-200 of its troops leave.", ("100-200", (100, 200), "count")),
        ("Between 5 and 10 boats sank.", ("5 and 10", (5, 10), "count")),
        ("It will cost $3 billion to $5 billion.", ("$3 billion to $5 billion", (3e9, 5e9), "USD")),
        (
            "Temperatures fell by 1 to 1.5 degrees Celsius.",
            ("1 to 1.5 degrees Celsius", (1, Decimal("1.5")), "degC"),
        ),
        (
            "The group has four to five thousand members.",
            ("four to five thousand", (4000, 5000), "count"),
        ),
        ("Dozens of boats sank.", ("Dozens", (12, 120), "count")),
        ("Hundreds of families fled.", ("Hundreds", (100, 1000), "count")),
        (
            "It drew tens of thousands of visitors.",
            ("tens of thousands", (10_000, 100_000), "count"),
        ),
        ("It cost tens of millions of dollars.", ("tens of millions", (10**7, 10**8), "USD")),
    ],
)
def test_ranges_and_vague_plurals(text: str, expected: tuple[Any, ...]) -> None:
    got = brief(one(text))
    assert got[0] == expected[0] and got[2] == expected[2]
    assert tuple(Decimal(x) for x in got[1]) == tuple(Decimal(str(x)) for x in expected[1])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two-thirds of voters agreed.", Decimal(2) / 3),
        ("A third of the staff left.", Decimal(1) / 3),
        ("One in five homes lacks heating.", Decimal("0.2")),
        ("Nearly half of the budget went on salaries.", Decimal("0.5")),
    ],
)
def test_fractions_and_shares(text: str, value: Decimal) -> None:
    f = one(text)
    assert f.unit == "percent"
    assert f.value is not None and abs(f.value - value) < Decimal("1e-9")


def test_ages() -> None:
    assert brief(one("A 22-year-old driver was hurt.")) == ("22-year-old", 22, "year_of_age")
    assert brief(one("The coach, who is 58 years old, resigned.")) == (
        "58 years old",
        58,
        "year_of_age",
    )
    assert one("Okafor, 41, has run the club since its founding.").unit == "year_of_age"
    assert one("Anyone aged 18 may vote.").unit == "year_of_age"


def test_counted_noun_qualifier_and_change() -> None:
    f = one("Officials say more than 500 civilians remain in the plant.")
    assert (f.counted, f.qualifier, f.unit) == ("civilian", "more_than", "count")
    assert one("The town has nearly 50 schools.").qualifier == "nearly"
    assert one("Sales rose 5% in the quarter.").qualifier == "increase"
    assert one("Output fell by 3 million tonnes.").qualifier == "decrease"
    assert one("At least three seasons were lost.").qualifier == "at_least"
    assert one("Up to 40 lorries queue each night.").qualifier == "at_most"
    assert one("About 600 people work there.").approximate


def test_counted_rate_and_additions() -> None:
    found = figures("Between 100-200 of its soldiers die every day, with hundreds more wounded.")
    assert [(f.text, f.unit, f.counted) for f in found] == [
        ("100-200", "count/day", "soldier"),
        ("hundreds", "count/day", "soldier"),
    ]


def test_vague_plural_without_its_noun() -> None:
    found = figures("At least 17 people were killed and dozens hurt, police said.")
    assert [(f.text, f.unit, f.counted, f.claimant) for f in found] == [
        ("17", "count", "people", "police"),
        ("dozens", "count", "people", "police"),
    ]


def test_claimant_from_the_sentence_and_the_quote() -> None:
    assert one("Norway says 30 ships were inspected.").claimant == "Norway"
    assert one("The port handled 30 ships, the harbour master said.").claimant == (
        "the harbour master"
    )
    found = figures('"We waited for six hours," a 30-year-old farmer named Ruth said.')
    assert [(f.text, f.claimant) for f in found] == [
        ("six hours", "a 30-year-old farmer named Ruth"),
        ("30-year-old", None),
    ]
    assert one("According to the ministry, 12 bridges were closed.").claimant == "the ministry"
    assert one("It is estimated that the trial will cost $4m.").claimant is None
    assert one("The estimated loss is up to 70% of the value.").claimant is None
    assert one("The pound had added 0.5% by noon.").claimant is None
    assert one("Speaking at the rally he said 40 schools would open.").claimant is None


def test_conversions_are_linked() -> None:
    found = figures("The front moved 40 km (25 miles) east.")
    assert [(f.text, f.unit, f.conversion_of) for f in found] == [
        ("40 km", "km", None),
        ("25 miles", "mi", 0),
    ]
    found = figures("The deadline is 8 a.m. Moscow time (0500 GMT) on the day.")
    assert [(f.text, f.value, f.unit, f.conversion_of) for f in found] == [
        ("8 a.m.", 8, "time_of_day", None),
        ("0500 GMT", 5, "time_of_day", 0),
    ]
    found = figures("Revenue was $1.13bn (£600m).")
    assert [f.conversion_of for f in found] == [None, 0]


def test_units_written_once_or_glued() -> None:
    assert [brief(f) for f in figures("A 7- or 8-inch screen.")] == [
        ("7", 7, "in"),
        ("8-inch", 8, "in"),
    ]
    assert [brief(f) for f in figures("He is 6ft 2in tall.")] == [
        ("6ft", 6, "ft"),
        ("2in", 2, "in"),
    ]
    assert [f.qualifier for f in figures("The index lost 190 points, or 0.6%.")] == [
        "decrease",
        "decrease",
    ]


def test_metres_or_millions() -> None:
    assert brief(one("She won the 1500m final.")) == ("1500m", 1500, "m")
    assert brief(one("The scheme reaches 40m people.")) == ("40m", 40_000_000, "count")
    assert brief(one("It cost 400m euros.")) == ("400m euros", 400_000_000, "EUR")


def test_clock_times() -> None:
    assert one("The polls close at 9:30 p.m. sharp.").value == Decimal("21.5")
    assert one("Trading opened at 11 am.").value == 11


@pytest.mark.parametrize(
    "text",
    [
        "The talks started on June 10, 2022.",
        "He was born in 1961 and moved away.",
        "It was the third time they met.",
        "She finished 22nd in the race.",
        "Call 555-123-4567 for details.",
        "Ring +44 20 7946 0000 or (555) 123-4567 or 020 7946 0000.",
        "The ISBN is 978-3-16-148410-0.",
        "The scores were level at half-time.",
        "Order number 48213 has shipped.",
        "The S&P 500 barely moved.",
        "He plays in Game 7 tonight.",
        "COVID-19 cases were reported.",
        "The new iPhone 14 goes on sale.",
        "They met at 49 Ashdown Road after work.",
        "No one came to the meeting.",
        "Luhansk is one of two provinces.",
        "The temple was built in A.D. 1000 by settlers.",
        "It was updated 5:55 AM EST Dec 20 2019.",
    ],
)
def test_not_figures(text: str) -> None:
    texts = [f.text for f in figures(text)]
    if text.startswith("Luhansk"):
        assert texts == ["two"]
    else:
        assert texts == []


def test_european_text_reads_points_as_grouping() -> None:
    found = figures("Der Preis stieg auf 1.200.000 € und die Rate auf 3,5 %.")
    assert [f.value for f in found] == [1_200_000, Decimal("3.5")]


def test_seed_story() -> None:
    article = newscorpus.parse(SEED.read_text(encoding="utf-8"), id="seed")
    article = newscorpus.Pipeline(["figures"], validate=False).extract(article)
    got = [brief(f) for f in article.figures]
    assert got[:4] == [
        ("500", 500, "count"),
        ("40", 40, "count"),
        ("8 a.m.", 8, "time_of_day"),
        ("0500 GMT", 5, "time_of_day"),
    ]
    assert ("$40 billion", 40_000_000_000, "USD") in got
    assert ("three and a half months", Decimal("3.5"), "month") in got
    assert len(got) == 16
    claimed = [(f.text, f.claimant) for f in article.figures if f.claimant]
    assert claimed == [
        ("500", "Ukraine"),
        ("40", "Ukraine"),
        ("100-200", "Kyiv"),
        ("hundreds", "Kyiv"),
        ("three and a half months", 'a 22-year-old Ukrainian serviceman nicknamed "Viking"'),
        ("three", "Ukraine's agriculture minister"),
    ]
    texts = [f.text for f in article.figures]
    assert article.figures[texts.index("25 miles")].conversion_of == texts.index("40 km")
    assert article.figures[texts.index("0500 GMT")].conversion_of == texts.index("8 a.m.")


@given(st.text(max_size=400))
def test_spans_index_the_text(text: str) -> None:
    for f in figures(text):
        assert text[f.start : f.end] == f.text
        assert f.value is not None or (f.low is not None and f.high is not None)


@given(st.integers(min_value=2, max_value=999_999_999))
def test_numbers_in_a_sentence_read_back(n: int) -> None:
    plain = [] if 1900 <= n <= 2100 else [str(n)]  # four plain digits there read as a year
    for written in (to_words(n), f"{n:,}", *plain):
        f = one(f"The survey counted {written} houses last year.")
        assert (f.value, f.unit, f.counted) == (n, "count", "house"), written


number_like = st.lists(
    st.sampled_from(
        [
            "1",
            "22",
            "333",
            ",",
            ".",
            "-",
            " ",
            "$",
            "%",
            "m",
            "bn",
            "km",
            "to",
            "and",
            "one",
            "half",
            "dozens",
            "of",
            "(",
            ")",
            "a.m.",
            "per",
            "cent",
            "year",
            "-old",
            "May",
            "2019",
        ]
    ),
    max_size=40,
).map("".join)


@given(number_like)
def test_spans_index_number_like_text(text: str) -> None:
    for f in figures(text):
        assert text[f.start : f.end] == f.text


def test_a_megabyte_of_digits_and_commas_finishes() -> None:
    text = ("1,234," * 200_000)[:1_000_000]
    assert isinstance(figures(text), list)
    assert isinstance(figures("9" * 1_000_000), list)
    # a megabyte of figures is linear too, but slow to build; a tenth of it shows the shape
    assert len(figures(("12 " * 40_000)[:100_000])) > 30_000
    assert isinstance(figures("one " * 5_000), list)
    assert isinstance(figures("twenty-" * 5_000), list)


def test_number_word_tree_matches_the_plain_alternation() -> None:
    """The prefix-tree pattern finds exactly the words the plain alternation finds."""
    words = figures_module._TRIGGER_WORDS
    plain = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(re.escape(w) for w in words)
        + r"|"
        + "|".join(re.escape(w[0].upper() + w[1:]) for w in words)
        + r")(?![^\W\d_])"
    )
    text = " ".join(
        [*words, *(w.upper() for w in words), *(w[0].upper() + w[1:] for w in words)]
        + [w + "s" for w in words]
        + ["x" + w for w in words]
        + [w + "-" + v for w, v in zip(words, reversed(words), strict=True)]
    )
    found = [m.span() for m in figures_module._NUMBER_WORD.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


@given(
    st.lists(
        st.sampled_from(["said", "says", "added", " ", "to", "by", "5", "x", "According", "to "]),
        max_size=12,
    ).map("".join),
    st.integers(0, 4),
)
def test_speech_pattern_matches_the_plain_form(text: str, pos: int) -> None:
    plain = re.compile(r"\b(?:" + "|".join(figures_module._SPEECH_WORDS) + r")\b(?!\s+to\b)")
    fast = [m.span() for m in figures_module._SPEECH.finditer(text, pos)]
    assert fast == [m.span() for m in plain.finditer(text, pos)]
    according = re.compile(r"\b[Aa]ccording\s+to\s+")
    assert [m.span() for m in figures_module._ACCORDING.finditer(text, pos)] == [
        m.span() for m in according.finditer(text, pos)
    ]


_PIECES = [
    "one", "One", "ONE", "oNe", "two-thirds", "Hundreds", "dozen", "a third", "sixfold",
    "might", "bone", "éone", "İone", "someone", "5", "1,200", "$40", "March 5, 2019",
    "on 12 May", "2004", "+44 20 7946 0000", "555-123-4567", "(one)", "“Two", "5million",
    "x", "people", "said", ".", ",", "\n", "\n\n", "é", "İ", "the", "in", " ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=24).map(" ".join))
def test_skipped_sentences_yield_nothing(text: str) -> None:
    """_readable reads no sentence the plain test would not, and skips none with a figure."""
    analysis = Analysis(text)
    reader = figures_module._Reader(text, figures_module.date_spans(text))
    kept = list(figures_module._readable(text, analysis.sentences, reader.dates))
    plain = [
        (s, e)
        for s, e in analysis.sentences
        if figures_module._DIGIT.search(text, s, e)
        or figures_module._NUMBER_WORD.search(text, s, e)
    ]
    assert set(kept) <= set(plain)
    for start, end in set(plain) - set(kept):
        assert reader.sentence(figures_module._Sentence(text, start, end)) == []


def test_shortcuts_rest_on_the_word_lists() -> None:
    # a number token is never a start word, so the tokenizer lists it once
    assert not any(w[:1].isdecimal() for w in figures_module._START_ANY)
    # the era test looks for a "C" or a "D" first
    assert all("C" in era or "D" in era for era in figures_module._ERAS)


_GROUPED_TOKEN = re.compile(
    r"(\s*+)(?:([A-Za-z]++(?![^\W\d_]|['’.]))|(\d+(?:[.,:]\d+)*)|((?:[A-Za-z]\.){2,})"
    r"|([^\W\d_]+(?:['’][^\W\d_]+)*)|(\S))"
)


@given(
    st.lists(
        st.sampled_from(
            ["U.S.", "a.m.", "Kyiv's", "5", "1,200.5", "10:30", "½", "²", "٣", "_", "é", "İ",
             "ǅ", "’", "-", "$", "x", "one", "ONE", "US$", " ", "\u00a0", "\t", ".", "'"]
        ),
        max_size=16,
    ).map("".join)
)  # fmt: skip
def test_token_kinds_follow_the_matching_branch(text: str) -> None:
    """A token's kind, read from its first character, is the branch of the pattern it took."""
    kinds = ("word", "num", "abbr", "word", "sym")
    expected = []
    pos = 0
    for blank, *branches in _GROUPED_TOKEN.findall(text):
        pos += len(blank)
        index, word = next((i, b) for i, b in enumerate(branches) if b)
        expected.append((kinds[index], pos, pos + len(word), word, word.lower()))
        pos += len(word)
    assert figures_module._Sentence(text, 0, len(text)).toks == expected


@given(
    st.lists(
        st.sampled_from(["said", "says", "added", " ", "  ", "to", "by", "5", "$", "x", ",", "\n"]),
        max_size=16,
    ).map("".join),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_speech_verbs_read_once_match_a_search_up_to_each_figure(
    text: str, at: int, later: int
) -> None:
    """The verbs found once, up to the last figure, are those found up to any figure.

    A figure opens with a number or a word such as a currency's, never a blank, "to" or "by"
    (so no verb's look-ahead reads past a dozen characters after it)."""
    figures_at = [i for i, ch in enumerate(text) if ch in "5$"]
    if not figures_at:
        return
    figure = figures_at[at % len(figures_at)]
    last = figures_at[max(at % len(figures_at), later % len(figures_at))]
    sent = figures_module._Sentence(text, 0, len(text))
    sent.reach = min(len(text), last + 12)
    for start in range(figure + 1):
        once = [v for v in sent.speech_verbs() if v[0] >= start and v[1] <= figure]
        each = [
            m.span()
            for m in figures_module._SPEECH.finditer(text, start, min(len(text), figure + 12))
            if m.end() <= figure
        ]
        assert once == each
