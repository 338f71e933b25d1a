"""The places extractor on small hand-written texts and hostile input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newscorpus
from newscorpus.analysis import Analysis
from newscorpus.extractors.places import build
from newscorpus.models import Mention, Person, Place
from newscorpus.specs import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "sievierodonetsk.txt"

_extract = build()


def places(text: str, people: Sequence[Person] = ()) -> list[Place]:
    doc = Document(newscorpus.parse(text, id="t"), Analysis(text))
    if people:
        doc.results["people"] = tuple(people)
    return list(_extract(doc))


def by_surface(found: list[Place]) -> dict[str, Place]:
    return {m.text: p for p in found for m in p.mentions}


def test_spans_index_the_text() -> None:
    text = "Officials in Kyiv said shelling hit Kharkiv and Odesa overnight."
    for place in places(text):
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


def test_old_and_new_spellings_resolve_to_one_place() -> None:
    new = by_surface(places("Talks were held in Kyiv on Monday."))["Kyiv"]
    old = by_surface(places("Talks were held in Kiev on Monday."))["Kiev"]
    assert new.gazetteer_id == old.gazetteer_id == "geonames:703448"
    assert new.country_code == "UA"


def test_multi_word_names_and_designators() -> None:
    found = by_surface(
        places("Ships crossed the Sea of Azov while fighting raged across the Luhansk region.")
    )
    assert found["Sea of Azov"].kind == "sea"
    region = next(p for s, p in found.items() if s.startswith("Luhansk"))
    assert region.kind == "region" and region.country_code == "UA"


def test_abbreviations() -> None:
    found = by_surface(places("The U.S. and the UK agreed; US officials said the UAE would host."))
    assert found["U.S."].country_code == "US"
    assert found["US"].country_code == "US"
    assert found["UK"].country_code == "GB"
    assert found["UAE"].country_code == "AE"


def test_people_and_newspapers_are_not_places() -> None:
    text = (
        "Defence chief Lloyd Austin spoke to the Washington Post on Tuesday. "
        "Austin said the talks in Brussels went well."
    )
    found = by_surface(places(text))
    assert "Austin" not in found
    assert "Washington" not in found
    assert found["Brussels"].country_code == "BE"


def test_people_results_exclude_their_mentions() -> None:
    text = "Maria Jordan spoke in Madrid. Jordan said the plan would work."
    start = text.index("Jordan", 20)
    person = Person(
        name="Maria Jordan",
        mentions=(
            Mention(6, 12, "Jordan"),
            Mention(start, start + 6, "Jordan"),
        ),
    )
    found = by_surface(places(text, [person]))
    assert "Jordan" not in found
    assert found["Madrid"].country_code == "ES"


def test_demonyms_are_not_mentions() -> None:
    found = by_surface(places("Russian forces shelled Ukrainian positions near Bakhmut."))
    assert "Russian" not in found and "Ukrainian" not in found
    assert found["Bakhmut"].country_code == "UA"


def test_container_decides_between_namesakes() -> None:
    maine = by_surface(places("The mill in Bangor, Maine, closed last year."))["Bangor"]
    assert maine.country_code == "US" and maine.resolution == "container"
    texas = by_surface(places("A fair opened in Paris, Texas, on Saturday."))["Paris"]
    assert texas.country_code == "US"
    france = by_surface(places("A fair opened in Paris on Saturday."))["Paris"]
    assert france.country_code == "FR"


def test_context_decides_between_namesakes() -> None:
    text = (
        "Shelling hit Bakhmut and Sloviansk in Donetsk Oblast. "
        "South of Bakhmut, troops held the town of Niu-York, residents said."
    )
    found = by_surface(places(text))
    assert found["Niu-York"].country_code == "UA"


def test_metonyms_are_kept_and_flagged() -> None:
    found = places("Moscow has said it will respond, and Kyiv denies the claim.")
    roles = {m.text: m.role for p in found for m in p.mentions}
    assert roles["Moscow"] == "metonym"
    assert roles["Kyiv"] == "metonym"


def test_washington_urging_is_the_capital() -> None:
    found = by_surface(places("Washington urged its allies in Brussels to send more aid."))
    washington = found["Washington"]
    assert washington.gazetteer_id == "geonames:4140963"
    assert washington.mentions[0].role == "metonym"


def test_context_cued_unknown_names_and_facilities() -> None:
    text = (
        "Artillery hit the Brovarka chemical plant in Lysychansk and the village of "
        "Zhovtoduby, near Lysychansk."
    )
    found = by_surface(places(text))
    plant = next(p for s, p in found.items() if s.startswith("Brovarka"))
    assert plant.kind == "facility"
    assert plant.country_code == "UA" and plant.lat is not None
    assert found["Zhovtoduby"].lat is not None


def test_common_words_at_sentence_start_are_not_places() -> None:
    found = by_surface(places("Reading the report, officials said nothing. Police arrived later."))
    assert "Reading" not in found and "Police" not in found


def test_seed_story() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = by_surface(places(text))
    assert found["Sievierodonetsk"].gazetteer_id == "geonames:691999"
    assert found["Niu-York"].country_code == "UA"
    assert found["Washington"].gazetteer_id == "geonames:4140963"
    assert "Austin" not in found
    assert "Russian" not in found
    azot = next(p for s, p in found.items() if s.startswith("Azot"))
    assert azot.kind == "facility" and azot.country_code == "UA"


def test_empty_and_placeless_texts() -> None:
    assert places("") == []
    assert places("nothing here but lower case words.") == []


def test_hostile_capitalised_megabyte_finishes() -> None:
    words = ["Alpha", "Kyiv", "Bravo", "New", "York", "Of", "The", "Sea", "Azov", "Zulu"]
    text = " ".join(words[i % len(words)] for i in range(120_000))[: 1 << 20]
    found = places(text)
    for place in found:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


@given(st.text(alphabet=st.sampled_from(list("KyivParsNewYorkSeaAzov ,.'-\n’sUSA")), max_size=300))
def test_spans_always_lie_in_the_text(text: str) -> None:
    for place in places(text):
        assert place.mentions
        for m in place.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", ["Kyiv", "In Kyiv.", "KYIV, June 15 (Reuters) - Talks began."])
def test_short_texts(text: str) -> None:
    found = by_surface(places(text))
    assert any(p.country_code == "UA" for p in found.values())


def test_unknown_town_in_a_named_state() -> None:
    found = by_surface(places("He grew up in Zorbleton, Iowa, and moved later."))
    town = found["Zorbleton"]
    assert town.kind == "town" and town.admin1 == "Iowa" and town.lat is not None
    clipped = by_surface(places("The plant near Qwertyville, Ind., closed."))
    assert clipped["Qwertyville"].admin1 == "Indiana"


def test_acronyms_of_organisations_are_not_places() -> None:
    found = by_surface(places("The UN and the EU met in Geneva; U.N. officials spoke."))
    assert "UN" not in found and "EU" not in found and "U.N." not in found
    assert found["Geneva"].country_code == "CH"


def test_speakers_and_adjectives_are_not_places() -> None:
    found = by_surface(places("Obama said the Jewish community in Chicago would help."))
    assert "Obama" not in found and "Jewish" not in found
    assert found["Chicago"].country_code == "US"


def test_dateline_mention_is_flagged_and_grouped() -> None:
    found = places("KYIV, June 15 (Reuters) - Talks began in Kyiv and Lviv.")
    kyiv = next(p for p in found if p.gazetteer_id == "geonames:703448")
    assert [(m.text, m.role) for m in kyiv.mentions] == [("KYIV", "dateline"), ("Kyiv", "location")]
    assert kyiv.resolution == "dateline"


def test_streets_and_landmarks_the_gazetteer_lacks() -> None:
    found = by_surface(places("Police closed Brackley Avenue near Lysychansk on Monday."))
    street = found["Brackley Avenue"]
    assert street.kind == "street" and street.country_code == "UA"


def test_designator_stays_out_of_a_country_span() -> None:
    found = by_surface(places("The US state of Texas sued the agency."))
    assert found["US"].kind == "country"
    assert found["Texas"].kind == "region"


def test_memoised_runs_read_the_same_in_any_order() -> None:
    """What is remembered about a run of capitalised words (its gazetteer names, the
    runs that hold nothing) must not leak one article's context into another's."""
    from newscorpus.extractors.places import Geoparser
    from newscorpus.gazetteer import get_gazetteer

    texts = [
        SEED.read_text(encoding="utf-8"),
        "Shelling hit Luhansk region overnight. Luhansk said it would rebuild.",
        "Officials in Luhansk said shelling continued near Zhovtoduby, officials said.",
        "Zhovtoduby is quiet. The Azot chemical plant was hit; Azot staff fled.",
        "Kelly Smith lives in Atalissa, Iowa. Smith said Kelly was fine.",
        "The town of Meadow Grove flooded. Meadow Grove is in Nebraska.",
        "Paris, Texas is not Paris. Georgia voters in Atlanta, Georgia queued.",
    ]

    def run(parser: Geoparser, text: str) -> list[Place]:
        doc = Document(newscorpus.parse(text, id="t"), Analysis(text))
        return list(parser(doc))

    fresh = [run(Geoparser(get_gazetteer()), text) for text in texts]
    shared = Geoparser(get_gazetteer())
    for order in (texts, texts[::-1], texts + texts):
        for text in order:
            assert run(shared, text) == fresh[texts.index(text)]


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])),
        max_size=12,
    ),
    st.integers(0, 70),
    st.integers(0, 15),
)
def test_span_index_answers_like_a_scan(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    """The bisection index must agree with checking every span (it replaced that scan)."""
    from newscorpus.extractors.places import _Spans

    end = start + width
    assert _Spans(spans).overlaps(start, end) == any(s < end and start < e for s, e in spans)


def test_names_that_can_be_neighbours_are_read_as_neighbours() -> None:
    # Edmonton alone is the Canadian city; beside Enfield it is the London district
    # (the two are 3 km apart), and both stay in one country.
    alone = by_surface(places("Pupils from an Edmonton school planted a garden."))
    assert alone["Edmonton"].country_code == "CA"
    found = by_surface(
        places("Pupils from an Edmonton school planted a garden; the Enfield council praised them.")
    )
    assert found["Edmonton"].country_code == "GB"
    assert found["Enfield"].country_code == "GB"


def test_a_name_listed_among_regions_is_a_region() -> None:
    # Oregon is also a town in Ohio; in a list of states it is the state.
    found = by_surface(places("Cases of the illness were reported in Ohio, Oregon and Utah."))
    assert found["Oregon"].kind == "region" and found["Oregon"].admin1 == "Oregon"
    assert found["Ohio"].kind == "region"


def test_a_hyphenated_word_after_a_name_is_not_part_of_it() -> None:
    # "San Jose-based": the name is San Jose, not the town of San in Mali.
    found = by_surface(places("A panel of the San Jose-based appeals court ruled on Tuesday."))
    assert found["San Jose"].country_code == "US" and found["San Jose"].admin1 == "California"


def test_two_small_towns_a_short_drive_apart_are_read_together() -> None:
    # Hanover NH and Bethel VT are 31 km apart; the more prominent Hanover (Maryland)
    # and Bethel (Alaska) are not near anything else in the text.
    found = by_surface(
        places("Students from Hanover and Bethel met on Saturday; the Vt. school won.")
    )
    assert found["Hanover"].admin1 == "New Hampshire"
    assert found["Bethel"].admin1 == "Vermont"


def test_colocated_readings_and_their_witnesses() -> None:
    from newscorpus.extractors.places import _colocated, _Match
    from newscorpus.gazetteer import PRIMARY, Entry

    def town(pid: int, name: str, lat: float, lon: float) -> Entry:
        return Entry(pid, name, "town", "XX", "01", lat, lon, 1000, 3.0, f"t:{pid}", PRIMARY)

    # Made-up places: Alder (two readings) and Birch 20 km apart at 45 N; a Cedar 47 km
    # from the other Alder; "Meadow Alder" holds the name Alder; "Marsh" is an English word.
    alder = (town(1, "Alder", 45.0, 10.0), town(2, "Alder", 10.0, 10.0))
    birch = (town(3, "Birch", 45.18, 10.0),)
    cedar = (town(4, "Cedar", 10.0, 10.433),)  # 47 km east of the second Alder
    meadow = (town(5, "Meadow Alder", 45.01, 10.0),)
    marsh = (town(6, "Marsh", 10.1, 10.0),)  # 11 km from the second Alder
    matches = [
        _Match(0, 5, "alder", alder),
        _Match(10, 15, "birch", birch),
        _Match(20, 25, "cedar", cedar),
        _Match(30, 42, "meadow alder", meadow),
        _Match(50, 55, "marsh", marsh),
    ]
    found = _colocated(matches, frozenset({"marsh"}))
    # Birch is witnessed by Alder and Meadow Alder, each of which by Birch only (not by
    # each other); the second Alder by nothing: Cedar is too far, Marsh is a word.
    assert found == {1: 1, 3: 2, 5: 1}


def test_only_an_articles_first_names_serve_as_neighbours() -> None:
    """Comparing readings pairwise is quadratic: past _MAX_CONTEXT_NAMES distinct names
    (a list, or hostile input) the later names witness nothing."""
    from newscorpus.extractors.places import _MAX_CONTEXT_NAMES, _colocated, _Match
    from newscorpus.gazetteer import PRIMARY, Entry

    def town(pid: int, lat: float) -> Entry:
        return Entry(pid, f"T{pid}", "town", "XX", "01", lat, 10.0, 1000, 3.0, f"t:{pid}", PRIMARY)

    # Made-up towns 1.1 km apart in a line, each with a second, far reading (so the
    # names are ambiguous, as _colocated requires): every one is near its neighbours.
    n = _MAX_CONTEXT_NAMES + 20
    matches = [
        _Match(10 * k, 10 * k + 5, f"t{k}", (town(2 * k, 45.0 + 0.01 * k), town(2 * k + 1, -40.0)))
        for k in range(n)
    ]
    found = _colocated(matches)
    assert {pid // 2 for pid in found} == set(range(_MAX_CONTEXT_NAMES))


def test_a_list_of_states_is_not_a_town_and_its_state() -> None:
    # "Washington, West Virginia" would be the town of Washington in West Virginia, but
    # inside a list of states it is one more state (a region), not the town, nor the
    # city of Washington that the bare name otherwise means.
    found = by_surface(
        places("Recalls reached stores in Virginia, Washington, West Virginia and Wyoming.")
    )
    assert found["Washington"].kind == "region"
    assert found["West Virginia"].kind == "region" and found["Wyoming"].kind == "region"


@given(
    st.lists(
        st.sampled_from(
            [
                *"near in at of into towards visiting outskirts the The xin x é _ ( - . 1".split(),
                *(" ", "  ", "\t", "\n"),
            ]
        ),
        max_size=14,
    )
)
def test_the_locative_test_searches_only_the_end_of_the_text(pieces: list[str]) -> None:
    from newscorpus.extractors.places import _LOCATIVE, _is_locative

    before = "".join(pieces)[-30:]
    assert _is_locative(before) == (_LOCATIVE.search(before) is not None)


def test_the_quick_gates_before_the_facility_and_designator_patterns_admit_every_word() -> None:
    # _FACILITY and _AFTER_DESIGNATOR are only tried when the character after the blank
    # is in a hand-kept set; a word added to a pattern with a new first letter would be
    # silently lost. Every word in the patterns must open with a letter of its set, in
    # either case (the facility pattern ignores case).
    from newscorpus.extractors import places

    facility_words = set(re.findall(r"[a-z]{2,}", places._FACILITY.pattern)) - {"word"}
    assert {"plant", "refinery", "complex", "dam"} <= facility_words  # the reading works
    continuations = [""] + [" " + w for w in facility_words]
    openers = {
        word
        for word in facility_words
        if any(places._FACILITY.match(" " + word + c) for c in continuations)
    }
    assert {"plant", "treatment", "air", "naval"} <= openers and "base" not in openers
    for word in openers:
        assert {word[0], word[0].upper()} <= places._FACILITY_NEXT, word
    for word in places._AFTER_DESIGNATOR_WORDS:
        assert word[0] in places._DESIGNATOR_NEXT, word
        assert places._AFTER_DESIGNATOR.match(" " + word) is not None, word
