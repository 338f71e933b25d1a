"""The extraction framework, exercised by test extractors registered as a plugin."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from newscorpus import Article, Document, ExtractorSpec, Mention, Person, Pipeline, hookimpl
from newscorpus.errors import UsageError
from newscorpus.plugins import Registry


class Capitals:
    """People: every capitalised name candidate (the shared analysis at work)."""

    def __call__(self, doc: Document) -> Sequence[Any]:
        return [
            Person(name=doc.text[s:e], mentions=(Mention(s, e, doc.text[s:e]),))
            for s, e in doc.analysis.name_candidates
        ]


class Counter:
    """Reads what `capitals` found: proves `requires` ordering and shared results."""

    def __call__(self, doc: Document) -> Sequence[Any]:
        people = doc.results["capitals"]
        return [len(people)]


class TestPlugin:
    built = 0

    @hookimpl
    def newscorpus_register_extractors(self) -> list[ExtractorSpec]:
        def build_capitals() -> Capitals:
            TestPlugin.built += 1
            return Capitals()

        return [
            ExtractorSpec("count", "counts people", Counter, provides=None, requires=("capitals",)),
            ExtractorSpec("capitals", "people", build_capitals, provides="people"),
            ExtractorSpec("boom", "always fails", lambda: _fail, provides=None),
        ]


def _fail(doc: Document) -> Sequence[Any]:
    raise ZeroDivisionError("on purpose")


@pytest.fixture
def registry() -> Registry:
    reg = Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": ""})
    reg.register(TestPlugin(), name="test-extractors")
    return reg


def test_required_extractor_runs_first_and_results_are_shared(registry: Registry) -> None:
    pipeline = Pipeline(["count"], registry=registry)
    assert [s.name for s in pipeline.plan] == ["capitals", "count"]
    article = pipeline.extract(Article(id="a", text="Ann Lee met Bo Chan in Oslo."))
    assert [p.name for p in article.people] == ["Ann Lee", "Bo Chan", "Oslo"]
    assert article.meta["count"] == [3]  # not an Article field: goes to meta


def test_extractors_are_built_once_per_pipeline(registry: Registry) -> None:
    TestPlugin.built = 0
    pipeline = Pipeline(["capitals"], registry=registry)
    for i in range(3):
        pipeline.extract(Article(id=str(i), text="Some Name here."))
    assert TestPlugin.built == 1


def test_only_a_subset_runs(registry: Registry) -> None:
    article = Pipeline(["capitals"], registry=registry).extract(Article(id="a", text="Oslo."))
    assert "count" not in article.meta and article.quotes == ()


def test_unknown_extractor_is_a_usage_error(registry: Registry) -> None:
    with pytest.raises(UsageError, match="no extractor named 'nope'"):
        Pipeline(["nope"], registry=registry).plan  # noqa: B018


def test_a_failing_extractor_is_reported_with_article_and_plugin(registry: Registry) -> None:
    outcome = Pipeline(["boom"], registry=registry).process(Article(id="art-9", text="x"))
    assert outcome.article is None
    assert outcome.error is not None
    assert "art-9" in outcome.error and "'boom'" in outcome.error and "test-extractors" in outcome.error


def test_records_of_the_wrong_type_are_named_with_the_plugin() -> None:
    class WrongPeople:
        @hookimpl
        def newscorpus_register_extractors(self) -> list[ExtractorSpec]:
            def people(doc: Document) -> Sequence[Any]:
                return [Person(name="Ann Lee"), "Bob Day"]  # the second is no Person

            return [ExtractorSpec("names", "people, wrongly", lambda: people, provides="people")]

    registry = Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": ""})
    registry.register(WrongPeople(), name="wrong-people")
    outcome = Pipeline(["names"], registry=registry).process(Article(id="art-3", text="x"))
    assert outcome.article is None and outcome.error is not None
    assert "returned str, expected Person records" in outcome.error
    assert "wrong-people" in outcome.error


def test_builtin_plan_orders_dependencies() -> None:
    plan = [s.name for s in Pipeline(["figures", "quotes"]).plan]
    assert plan.index("people") < plan.index("quotes") < plan.index("figures")
    assert "places" not in plan


def test_pipeline_pickles_without_its_built_extractors(registry: Registry) -> None:
    import pickle

    pipeline = Pipeline(["quotes"], validate=False)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.only == ("quotes",) and clone.validate_output is False


def test_an_encoding_pipeline_hands_over_the_exporters_bytes() -> None:
    """With the exporter's ``encode``, workers send bytes: what the exporter would have
    written for the article, and no article for the parent to unpickle."""
    import json
    import pickle

    from newscorpus.exporters.jsonl import dumps_article
    from newscorpus.plugins import get_registry

    article = Article(id="a1", text="Lloyd Austin spoke in Kyiv on Friday.")
    plain = Pipeline(["people"], validate=False).process(article)
    encoding = Pipeline(["people"], validate=False,
                        encode=get_registry().get("exporters", "jsonl").encode)
    outcome = pickle.loads(pickle.dumps(encoding)).process(article)
    assert outcome.article is None and plain.article is not None
    assert outcome.encoded == dumps_article(plain.article) + b"\n"
    assert json.loads(outcome.encoded)["people"][0]["name"] == "Lloyd Austin"


def test_worker_processes_build_each_extractor_once(tmp_path: Any) -> None:
    """--jobs workers keep one pipeline: its extractors (and the caches they fill) live
    for the whole run, not for one chunk of articles."""
    import json
    import os

    import newscorpus

    log = tmp_path / "builds.log"

    class Probe:
        @hookimpl
        def newscorpus_register_extractors(self) -> list[ExtractorSpec]:
            def build() -> Any:
                with log.open("a") as handle:
                    handle.write(f"{os.getpid()}\n")
                return lambda doc: []

            return [ExtractorSpec("probe", "records where it is built", build, provides=None)]

    registry = Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": ""})
    registry.register(Probe(), name="probe")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Story {i}."}) + "\n"
                              for i in range(400)))
    stats = newscorpus.run([source], tmp_path / "out.jsonl", only=["probe"], runner="processes",
                           jobs=2, registry=registry)
    assert stats.exported == 400 and stats.failed == 0
    builds = log.read_text().split()
    assert os.getpid() not in map(int, builds)  # built in the workers, not the parent
    assert len(builds) == len(set(builds)) <= 2  # once per worker, not per chunk of 64
