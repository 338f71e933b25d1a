"""The people index: full names, roles and every mention, on hand-written prose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newscorpus
from newscorpus.analysis import Analysis
from newscorpus.extractors.people import index_people, name_type
from newscorpus.models import Person


def people(text: str) -> dict[str, Person]:
    return {p.name: p for p in index_people(Analysis(text))}


def test_surname_mentions_link_to_the_full_name() -> None:
    text = (
        "Chancellor Greta Holm opened the session. Later, Holm said the budget was final.\n\n"
        "Ms. Holm left before the vote."
    )
    found = people(text)
    assert list(found) == ["Greta Holm"]
    holm = found["Greta Holm"]
    assert holm.type == "person"
    assert holm.roles == ("Chancellor",)
    assert [m.text for m in holm.mentions] == ["Greta Holm", "Holm", "Holm"]
    for mention in holm.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_title_words_are_split_from_the_name() -> None:
    found = people("Deputy Foreign Minister Karel Novak met Senator Rosa Diaz on Friday.")
    assert found["Karel Novak"].roles == ("Deputy Foreign Minister",)
    assert found["Rosa Diaz"].roles == ("Senator",)


def test_roles_from_appositives_before_and_after() -> None:
    text = (
        "Ivo Marek, spokesman for the port authority, declined to comment.\n\n"
        "The head of the fishermen's union, Sara Lind, said talks would resume."
    )
    found = people(text)
    assert found["Ivo Marek"].roles == ("spokesman for the port authority",)
    assert found["Sara Lind"].roles == ("head of the fishermen's union",)


def test_a_longer_name_later_becomes_the_name() -> None:
    found = people("Paul Okoro spoke first. Then Paul J. Okoro, the treasurer, answered questions.")
    assert list(found) == ["Paul J. Okoro"]


def test_two_people_with_one_surname_stay_apart() -> None:
    text = "Anna Berg and Lars Berg run the farm. Berg said the harvest was good."
    found = people(text)
    assert set(found) == {"Anna Berg", "Lars Berg"}
    # A bare surname means the bearer mentioned last.
    assert [m.text for m in found["Lars Berg"].mentions] == ["Lars Berg", "Berg"]


def test_speaking_organisations_and_countries_are_typed() -> None:
    found = people("Norway said the talks had failed. NATO says it will meet on Monday.")
    assert found["Norway"].type == "country"
    assert found["NATO"].type == "organisation"


def test_sentence_starts_months_and_places_are_not_people() -> None:
    found = people("The river rose in March. New York was quiet. However, the Sea of Azov froze.")
    assert found == {}


def test_name_type() -> None:
    assert name_type(["Ukraine"]) == "country"
    assert name_type(["Justice", "Department"]) == "organisation"
    assert name_type(["FBI"]) == "organisation"
    assert name_type(["Republicans"]) == "group"
    assert name_type(["Maria", "Okafor"]) == "person"


def test_people_extractor_through_the_pipeline() -> None:
    article = newscorpus.parse("Mayor Lena Park opened the bridge. Park said it was safe.", id="p")
    extracted = newscorpus.Pipeline(["people"], validate=False).extract(article)
    assert [(p.name, p.roles) for p in extracted.people] == [("Lena Park", ("Mayor",))]


_WORDS = st.sampled_from(
    [
        "Mr.",
        "Ms.",
        "President",
        "Anna",
        "Berg",
        "said",
        "the",
        "mayor",
        ",",
        ".",
        " ",
        "\n\n",
        "of",
        "New",
        "York",
        "NATO",
        "Dr.",
        "J.",
        "O'Neil",
        "Jean-Luc",
        "’s",
        "'",
    ]
)


@given(st.lists(_WORDS, max_size=50).map(" ".join) | st.text(max_size=200))
def test_every_mention_indexes_the_text(text: str) -> None:
    for person in index_people(Analysis(text)):
        assert person.name
        for mention in person.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_many_capitalised_words_finish() -> None:
    text = " ".join(["Alpha Beta", "Gamma", "said", "Delta Epsilon,"] * 50_000)
    assert index_people(Analysis(text))
