"""The people index's quick tests must not change what the slow ones decide."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscorpus.extractors._speech import AUXILIARIES, SPEECH_CUES, THOUGHT_CUES
from newscorpus.extractors.people import _NEXT_WORD, _is_speech_subject, _norm_tuple, _plan


def _speech_subject_by_words(text: str, end: int) -> bool:
    """The definition: up to two auxiliaries, then a speech verb, each word lower-cased."""
    pos = end
    for _ in range(3):
        match = _NEXT_WORD.match(text, pos)
        if match is None:
            return False
        word = match.group(1).lower().rstrip(".,:;")
        if word in SPEECH_CUES or word in THOUGHT_CUES:
            return True
        if word not in AUXILIARIES:
            return False
        pos = match.end()
    return False


_PARTS = st.sampled_from(
    [
        "said", "SAID", "Said", "ſaid", "\u212anew", "knew", "has", "also", "had", "x", ".",
        ",", ":;", " ", "\t", "\n", "\u00a0", "Sa", "id", "saidx", "-", "İ", "told.", "would",
    ]
)  # fmt: skip


@given(st.lists(_PARTS, max_size=8), st.integers(0, 6))
def test_speech_subject_matches_its_definition(parts: list[str], at: int) -> None:
    text = "".join(parts)
    end = min(at, len(text))
    assert _is_speech_subject(text, end) == _speech_subject_by_words(text, end)


def test_speech_subject_examples() -> None:
    assert _is_speech_subject("Berg has also said", 4)
    assert _is_speech_subject("Berg SAID:", 4)
    assert _is_speech_subject("Berg \u212anew", 4)  # a Kelvin sign lower-cases to "k"
    assert not _is_speech_subject("Berg saidx", 4)
    assert not _is_speech_subject("Berg has\nsaid", 4)


_NAME_PARTS = st.sampled_from(
    ["The", "Mr.", "Dr", "President", "Gen.", "ΑΣ", "ΟΔΟΣ.", "Σ.", "İstanbul", "of", "de", "J.",
     "U.S.", "Smith", "NATO", "Ukrainians", "May", "River", "Kyiv", " ", "\t"]
)  # fmt: skip


@given(st.lists(_NAME_PARTS, min_size=1, max_size=6).map(" ".join))
def test_plan_reads_words_as_they_are_alone(candidate: str) -> None:
    """The plan lowers the whole candidate at once, and takes its tokens from its words."""
    assert candidate.lower().split() == [w.lower() for w in candidate.split()]
    plan = _plan(candidate.strip())
    if plan is not None:
        assert plan.tokens == _norm_tuple(plan.surface)
        assert plan.key == plan.surface.lower()
        assert plan.size == len(plan.surface.split())
