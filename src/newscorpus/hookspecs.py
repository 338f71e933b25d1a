"""The hooks a newscorpus plugin can implement.

Each hook returns an iterable of spec objects (:mod:`newscorpus.specs`). The built-in
parsers, extractors, exporters, validators, runners and commands are registered through
these same hooks, so a third-party plugin is a peer of the built-ins, not a special case.

A plugin is a module or object with functions named like the hooks below, decorated with
:data:`newscorpus.hookimpl`, and published under the ``newscorpus`` entry-point group::

    [project.entry-points.newscorpus]
    markdown = "newscorpus_markdown"
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from .specs import (
    CommandSpec,
    ExporterSpec,
    ExtractorSpec,
    ParserSpec,
    RunnerSpec,
    ValidatorSpec,
)

__all__ = [
    "PROJECT_NAME",
    "hookimpl",
    "hookspec",
    "newscorpus_register_commands",
    "newscorpus_register_exporters",
    "newscorpus_register_extractors",
    "newscorpus_register_parsers",
    "newscorpus_register_runners",
    "newscorpus_register_validators",
]

PROJECT_NAME = "newscorpus"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def newscorpus_register_parsers() -> Iterable[ParserSpec]:
    """Input formats: each spec names the file suffixes it claims and parses a source.

    The format of an input is chosen by ``--input-format`` or else by its suffix
    (after ``.gz`` is removed).
    """
    raise NotImplementedError


@hookspec
def newscorpus_register_extractors() -> Iterable[ExtractorSpec]:
    """Extractors: each reads the shared analysis of an article and returns records.

    ``requires`` names extractors that must run first; the pipeline orders them and runs
    each once per article.
    """
    raise NotImplementedError


@hookspec
def newscorpus_register_exporters() -> Iterable[ExporterSpec]:
    """Output formats: each spec builds an exporter that receives articles one by one.

    Exporters write through an export target that keeps output atomic: nothing appears
    at the final path until the export is complete.
    """
    raise NotImplementedError


@hookspec
def newscorpus_register_validators() -> Iterable[ValidatorSpec]:
    """Checks run over each extracted article and by ``newscorpus validate``."""
    raise NotImplementedError


@hookspec
def newscorpus_register_runners() -> Iterable[RunnerSpec]:
    """Ways to run a corpus: serial, a local process pool, a cluster (``--runner``)."""
    raise NotImplementedError


@hookspec
def newscorpus_register_commands() -> Iterable[CommandSpec]:
    """Subcommands of the ``newscorpus`` command line."""
    raise NotImplementedError
