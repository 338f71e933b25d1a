"""The quotes extractor on small hand-written news prose, and on hostile input."""

from __future__ import annotations

import bisect
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import newscorpus
from newscorpus.analysis import Analysis
from newscorpus.extractors.people import index_people
from newscorpus.extractors.quotes import extract_quotes
from newscorpus.models import Quote

ROOT = Path(__file__).resolve().parents[1]


def quotes(text: str) -> tuple[Quote, ...]:
    analysis = Analysis(text)
    return extract_quotes(analysis, index_people(analysis))


def by_text(found: tuple[Quote, ...], fragment: str) -> Quote:
    matches = [q for q in found if fragment in q.text]
    assert matches, [q.text for q in found]
    return matches[0]


def assert_spans_valid(text: str, found: tuple[Quote, ...]) -> None:
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert quote.speaker.end is not None
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.mention
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


# -- direct quotes ----------------------------------------------------------------------


def test_direct_quote_after_which_the_speaker_is_named() -> None:
    text = (
        "Maria Okafor, the mayor of Eastfield, toured the flooded streets.\n\n"
        '"We will rebuild every bridge," Okafor said on Monday.'
    )
    found = quotes(text)
    quote = by_text(found, "rebuild")
    assert quote.kind == "direct"
    assert quote.text == "We will rebuild every bridge,"
    assert quote.speaker is not None
    assert quote.speaker.name == "Maria Okafor"
    assert quote.speaker.mention == "Okafor"
    assert quote.speaker.role == "mayor of Eastfield"
    assert quote.cue is not None and quote.cue.text == "said"
    assert_spans_valid(text, found)


def test_curly_quotes_guillemets_and_inverted_attribution() -> None:
    text = (
        "“The harvest is late,” said Piet Vermeulen, a farmer near the river.\n\n"
        "«Nobody expected this rain,» Vermeulen added."
    )
    found = quotes(text)
    assert [q.text for q in found] == ["The harvest is late,", "Nobody expected this rain,"]
    assert all(q.kind == "direct" for q in found)
    assert all(q.speaker is not None and q.speaker.name == "Piet Vermeulen" for q in found)
    assert found[0].speaker is not None and found[0].speaker.role == "farmer near the river"


def test_split_quote_pieces_share_one_attribution() -> None:
    text = '"The road is open," the engineer Lena Park said, "but the tunnel is not."'
    found = quotes(text)
    assert [q.text for q in found] == ["The road is open,", "but the tunnel is not."]
    assert found[0].attribution is not None
    assert found[0].attribution == found[1].attribution
    assert all(q.speaker is not None and q.speaker.name == "Lena Park" for q in found)


def test_multi_paragraph_quote_reopens_each_paragraph() -> None:
    text = (
        'Chief Inspector Ruth Adeyemi said: "The first team arrived at dawn.\n\n'
        '"The second team found the boat an hour later.\n\n'
        '"Everyone on board was safe."\n\n'
        "The coastguard did not comment."
    )
    found = quotes(text)
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "The first team arrived at dawn.",
        "The second team found the boat an hour later.",
        "Everyone on board was safe.",
    ]
    assert all(q.speaker is not None and q.speaker.name == "Ruth Adeyemi" for q in direct)
    assert len({q.attribution for q in direct}) == 1


def test_paragraph_that_is_only_a_quote_continues_the_previous_speaker() -> None:
    text = (
        '"The water is rising fast," said Tomas Berg, who runs the ferry.\n\n'
        '"We have never seen anything like it."'
    )
    found = quotes(text)
    floating = by_text(found, "never seen")
    assert floating.speaker is not None and floating.speaker.name == "Tomas Berg"
    assert floating.cue is None
    assert floating.confidence < by_text(found, "rising").confidence


def test_pronoun_speaker_is_the_person_it_refers_to() -> None:
    text = (
        "Finance Minister Anna Lindqvist presented the budget on Tuesday.\n\n"
        '"This is a budget for families," she said.'
    )
    quote = by_text(quotes(text), "families")
    assert quote.speaker is not None
    assert quote.speaker.name == "Anna Lindqvist"
    assert quote.speaker.mention == "she"
    assert quote.speaker.role == "Finance Minister"


def test_role_mention_resolves_to_the_person_introduced_with_that_role() -> None:
    text = (
        "Jonas Weber, the governor of the northern province, visited the plant.\n\n"
        "The plant would reopen next month, the governor said."
    )
    quote = by_text(quotes(text), "reopen")
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Jonas Weber"
    assert quote.speaker.mention == "the governor"


def test_it_refers_to_the_organisation_that_spoke() -> None:
    text = (
        "The Harbour Authority said cargo volumes rose in March. "
        "It also said that two new cranes would arrive in June."
    )
    quote = by_text(quotes(text), "cranes")
    assert quote.speaker is not None
    assert quote.speaker.name == "Harbour Authority"
    assert quote.speaker.type == "organisation"
    assert quote.speaker.mention == "It"


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Norway's fishermen don't remember the '90s as kind years, Ole Hansen's son said."
    found = quotes(text)
    assert all(q.kind != "direct" for q in found)
    assert_spans_valid(text, found)


def test_medium_is_recorded() -> None:
    text = 'The senator Carla Ruiz wrote on Twitter: "The vote is tomorrow."'
    quote = by_text(quotes(text), "vote")
    assert quote.medium == "on Twitter"
    assert quote.cue is not None and quote.cue.text == "wrote"


def test_medium_starts_at_a_word() -> None:
    # "that the statement" holds "at the statement" and "within a" holds "in a": a
    # medium's first word must be a word of its own.
    for said in ("said that the statement", "said within a statement"):
        text = f'"The vote is tomorrow," Carla Ruiz {said} she gave.'
        quote = by_text(quotes(text), "vote")
        assert quote.medium is None, said
    text = '"The vote is tomorrow," Carla Ruiz said in a statement.'
    assert by_text(quotes(text), "vote").medium == "in a statement"


def test_scare_quotes_inside_a_sentence_are_not_quotations() -> None:
    text = 'The so-called "smart" meters were installed last year in the old town.'
    assert all(q.kind != "direct" for q in quotes(text))


# -- reported speech --------------------------------------------------------------------


def test_reported_speech_after_the_verb() -> None:
    text = "The health ministry said that hospital waiting times had fallen by a third."
    quote = by_text(quotes(text), "waiting")
    assert quote.kind == "indirect"
    assert quote.text == "hospital waiting times had fallen by a third"
    assert quote.speaker is not None and quote.speaker.name == "The health ministry"
    assert quote.speaker.type == "organisation"


def test_reported_speech_before_the_attribution() -> None:
    text = "Hospital waiting times have fallen by a third, Dr. Amal Haddad said on Friday."
    quote = by_text(quotes(text), "waiting")
    assert quote.text == "Hospital waiting times have fallen by a third"
    assert quote.speaker is not None and quote.speaker.name == "Amal Haddad"


def test_according_to() -> None:
    text = "According to the weather service, the storm will reach the coast by midnight."
    quote = by_text(quotes(text), "storm")
    assert quote.text == "the storm will reach the coast by midnight"
    assert quote.cue is not None and quote.cue.text == "According to"


def test_told_skips_the_addressee() -> None:
    text = "Harbour master Ines Costa told reporters the port would stay closed until Sunday."
    quote = by_text(quotes(text), "port")
    assert quote.text == "the port would stay closed until Sunday"
    assert quote.speaker is not None and quote.speaker.name == "Ines Costa"


def test_mixed_quote_keeps_its_inner_marks() -> None:
    text = 'The coach said the team had played with "real courage and no fear" all season.'
    quote = by_text(quotes(text), "courage")
    assert quote.kind == "mixed"
    assert quote.text == 'the team had played with "real courage and no fear" all season'


def test_belief_verbs_are_marked_as_thought() -> None:
    text = "Most economists believe that interest rates will rise again in the spring."
    quote = by_text(quotes(text), "interest")
    assert quote.cue is not None and quote.cue.type == "thought"


def test_countries_and_groups_are_typed() -> None:
    text = (
        "Portugal says the new ferry line will open in May.\n\n"
        "Local fishermen said the line would scare away the fish."
    )
    found = quotes(text)
    country = by_text(found, "ferry")
    group = by_text(found, "scare")
    assert country.speaker is not None and country.speaker.type == "country"
    assert group.speaker is not None and group.speaker.type == "group"


def test_headline_shorthand() -> None:
    colon = quotes("Mayor Okafor: 'We will rebuild every bridge'\n\nThe floods receded on Monday.")
    assert colon and colon[0].text == "We will rebuild every bridge"
    assert colon[0].kind == "direct"
    assert colon[0].speaker is not None and colon[0].speaker.name == "Okafor"
    assert colon[0].speaker.role == "Mayor"
    title_case = quotes("Okafor Says Bridges Will Reopen By Spring\n\nThe floods receded.")
    assert title_case and title_case[0].text == "Bridges Will Reopen By Spring"
    assert title_case[0].cue is not None and title_case[0].cue.text == "Says"


# -- the seed story ---------------------------------------------------------------------


def test_seed_story() -> None:
    article = newscorpus.parse(
        (ROOT / "examples" / "sievierodonetsk.txt").read_text(encoding="utf-8")
    )
    found = quotes(article.text)
    assert_spans_valid(article.text, found)
    speakers = {q.text[:30]: q.speaker.name if q.speaker else None for q in found}
    assert speakers["We are trying to push the enem"] == "Oleksandr Stryuk"
    assert speakers["The escape routes are dangerou"] == "Oleksandr Stryuk"
    assert speakers["Nevertheless, the Russians are"] == "Serhiy Gaidai"
    assert speakers["We can't afford to let up and "] == "Lloyd Austin"
    assert speakers["Brussels, we are waiting for a"] == "Mykhailo Podolyak"
    assert speakers["Those inside were surviving on"] == "Oleksandr Stryuk"
    gaidai = by_text(found, "Nevertheless")
    assert gaidai.medium == "online"
    stoltenberg = by_text(found, "extremely focused")
    assert stoltenberg.kind == "mixed"


def test_extractor_through_the_pipeline() -> None:
    article = newscorpus.parse('"We are ready," said Coach Ella Novak.', id="t")
    extracted = newscorpus.Pipeline(["quotes"], validate=False).extract(article)
    assert [q.text for q in extracted.quotes] == ["We are ready,"]
    assert [p.name for p in extracted.people] == ["Ella Novak"]


# -- robustness -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "«",
        "»",
        "''",
        "'",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "?",
        "said",
        "says",
        "told",
        "according to",
        "he",
        "she",
        "the mayor",
        "that",
        "Anna",
        "Berg",
        "Mr.",
        "President",
        "U.S.",
        "Kyiv",
        "(D-Ohio)",
        "-",
        "—",
        "word",
        "they",
        "added",
        "who",
        "but",
    ]
)


@given(st.lists(_PIECES, max_size=60).map(" ".join) | st.text(max_size=200))
def test_every_span_indexes_the_text(text: str) -> None:
    found = quotes(text)
    assert_spans_valid(text, found)
    for quote in found:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert 0.0 <= quote.confidence <= 1.0


def test_hostile_input_finishes() -> None:
    """A megabyte of quotation marks and capitals in one paragraph: every pattern must
    stay linear. No timing assertion (shared machines vary); a catastrophic pattern
    would simply never finish."""
    unit = '"""AB "C" D""E «F» “G” \'\'H\'\' IJ KL" MN, "OP Q" R said, "S T U said: "V ' + '"' * 40
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    found = quotes(text)
    assert_spans_valid(text, found[:1000])
    runs = ('"' * 500 + "A" * 500 + ' B "C D" ') * 1000
    assert_spans_valid(runs, quotes(runs)[:100])


@given(st.text(alphabet="ΣσςΟΔİIıKkK \"“”'.,-said", max_size=60))
def test_token_words_are_slices_of_the_text_and_its_lower_case(text: str) -> None:
    # The extractor keeps each token's text, and its lower case, in lists; the lower case
    # must read as the slice of the whole lowered text (or the word lowered alone where
    # lowering changes the length), capital sigmas included.
    from newscorpus.extractors.quotes import _Extraction

    analysis = Analysis(text)
    state = _Extraction(analysis, ())
    lowered = text.lower()
    assert state.words == [text[s:e] for s, e in analysis.tokens]
    if len(lowered) == len(text):
        assert state.lower == [lowered[s:e] for s, e in analysis.tokens]
    else:
        assert state.lower == [w.lower() for w in state.words]


def test_a_capital_sigma_reads_as_in_the_lowered_text() -> None:
    found = quotes('"ΟΔΟΣ ΑΣ.Σ.Α is closed for now," the mayor said.')
    assert_spans_valid('"ΟΔΟΣ ΑΣ.Σ.Α is closed for now," the mayor said.', found)


def _cue_tokens_by_search(analysis: Analysis) -> list[int]:
    from newscorpus.extractors.quotes import _CUE_WORD

    spans = analysis.tokens
    starts = [s for s, _ in spans]
    out = []
    for match in _CUE_WORD.finditer(analysis.text):
        j = bisect.bisect_left(starts, match.start())
        if j < len(spans) and spans[j] == match.span():
            out.append(j)
    return out


@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "Said",
                "asked",
                "Asked",
                "According",
                "according",
                "says",
                "unsaid",
                "told",
                "x",
                "2",
                "_",
                "-",
                "'",
                "’",
                " ",
                ".",
                ",",
                "U.S.",
                "\n",
                "é",
                "saidé",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_cue_tokens_are_the_whole_token_matches_of_the_cue_pattern(text: str) -> None:
    from newscorpus.extractors.quotes import _Extraction

    analysis = Analysis(text)
    assert _Extraction(analysis, ()).cue_tokens() == _cue_tokens_by_search(analysis)


def test_cue_tokens_on_the_corpus_sample() -> None:
    from newscorpus.extractors.quotes import _Extraction

    text = (
        'Unsaid things were said-ish, "said" he said. According to her, Asked if 2said '
        "or _said or said_ matter, she'said no and asked-about nothing; officials said."
    )
    analysis = Analysis(text)
    assert _Extraction(analysis, ()).cue_tokens() == _cue_tokens_by_search(analysis)
