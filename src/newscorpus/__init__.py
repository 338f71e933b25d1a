"""newscorpus: turn news articles into structured, checkable data, offline and fast.

>>> import newscorpus
>>> article = newscorpus.parse("KYIV, June 15 (Reuters) - Ukraine said it would fight on.")
>>> article.dateline.place
'KYIV'
>>> article = newscorpus.extract(article)   # quotes, people, places, figures, dates

The small API: :func:`parse` one text or file, :func:`read` many inputs lazily,
:func:`extract` with the installed extractors, :func:`export` to a path or a stream.
Plugins implement the hooks in :mod:`newscorpus.hookspecs` with :data:`hookimpl`.
"""

from __future__ import annotations

from ._version import __version__
from .analysis import Analysis
from .errors import (
    ExportError,
    InputError,
    NewscorpusError,
    PluginConflictError,
    PluginError,
    UsageError,
)
from .hookspecs import hookimpl
from .models import (
    Article,
    Cue,
    Dateline,
    DateMention,
    Figure,
    Mention,
    Person,
    Photo,
    Place,
    Quote,
    Speaker,
)
from .pipeline import Pipeline, RunStats, export, extract, parse, read, run
from .plugins import get_registry
from .serialize import article_from_dict, article_to_dict
from .specs import (
    CommandSpec,
    Document,
    ExporterSpec,
    ExtractorSpec,
    Issue,
    ParserSpec,
    RunnerSpec,
    Source,
    ValidatorSpec,
)

__all__ = [
    "Analysis",
    "Article",
    "CommandSpec",
    "Cue",
    "DateMention",
    "Dateline",
    "Document",
    "ExportError",
    "ExporterSpec",
    "ExtractorSpec",
    "Figure",
    "InputError",
    "Issue",
    "Mention",
    "NewscorpusError",
    "ParserSpec",
    "Person",
    "Photo",
    "Pipeline",
    "Place",
    "PluginConflictError",
    "PluginError",
    "Quote",
    "RunStats",
    "RunnerSpec",
    "Source",
    "Speaker",
    "UsageError",
    "ValidatorSpec",
    "__version__",
    "article_from_dict",
    "article_to_dict",
    "export",
    "extract",
    "get_registry",
    "hookimpl",
    "parse",
    "read",
    "run",
]
