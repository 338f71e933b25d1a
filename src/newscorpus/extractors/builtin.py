"""Registers the built-in extractors, importing each module only when it is used."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..hookspecs import hookimpl
from ..specs import Extractor, ExtractorSpec


def _lazy(module: str) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        built: Extractor = importlib.import_module(f"newscorpus.extractors.{module}").build()
        return built

    factory.__qualname__ = f"build_{module}"
    return factory


@hookimpl
def newscorpus_register_extractors() -> list[ExtractorSpec]:
    return [
        ExtractorSpec(
            name="people",
            description="Person and organisation index: full names, roles, every mention",
            factory=_lazy("people"),
            provides="people",
        ),
        ExtractorSpec(
            name="quotes",
            description="Direct, reported and mixed quotes with speaker, cue and medium",
            factory=_lazy("quotes"),
            provides="quotes",
            requires=("people",),
        ),
        ExtractorSpec(
            name="places",
            description="Place mentions resolved with the embedded gazetteer",
            factory=_lazy("places"),
            provides="places",
            after=("people",),
        ),
        ExtractorSpec(
            name="dates",
            description="Absolute and relative dates resolved against the article date",
            factory=_lazy("dates"),
            provides="dates",
        ),
        ExtractorSpec(
            name="figures",
            description="Numeric figures: value or range, unit, counted noun, qualifier, claimant",
            factory=_lazy("figures"),
            provides="figures",
            after=("people", "quotes", "dates"),
        ),
    ]
