"""A Markdown digest exporter and an unattributed-quote check for newscorpus.

Two hook implementations are all a plugin needs: each returns spec objects that tell
newscorpus the name, the description and the code to call.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from newscorpus import Article, ExporterSpec, Issue, ValidatorSpec, hookimpl

__all__ = ["MarkdownExporter", "unattributed_quotes"]


def _escape(text: str) -> str:
    """Keep article text from being read as Markdown markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


class MarkdownExporter:
    """Writes one section per article; streams, so memory stays flat."""

    def __init__(self, target: Any, options: dict[str, Any]) -> None:
        self._out: IO[str] = target.open(binary=False)

    def write(self, article: Article) -> None:
        out = self._out
        out.write(f"## {_escape(article.headline or article.id)}\n\n")
        if article.dateline is not None:
            out.write(f"*{_escape(article.dateline.text)}*\n\n")
        if article.quotes:
            out.write("| speaker | quote |\n| --- | --- |\n")
            for quote in article.quotes:
                speaker = quote.speaker.name if quote.speaker and quote.speaker.name else "?"
                out.write(f"| {_escape(speaker)} | {_escape(quote.text)} |\n")
            out.write("\n")
        if article.places:
            names = ", ".join(_escape(p.name) for p in article.places)
            out.write(f"**Places:** {names}\n\n")
        if article.figures:
            out.write("**Figures:** " + "; ".join(_escape(f.text) for f in article.figures) + "\n\n")

    def close(self) -> None:
        self._out.close()


def unattributed_quotes(article: Article) -> Iterator[Issue]:
    """A quote nobody is said to have said is worth a second look by an editor."""
    for index, quote in enumerate(article.quotes):
        if quote.speaker is None or not quote.speaker.name:
            yield Issue(
                code="unattributed-quote",
                message=f"no speaker for {quote.text[:40]!r}",
                severity="warning",
                article_id=article.id,
                start=quote.start,
                end=quote.end,
                path=f"quotes[{index}]",
            )


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="markdown",
            description="A Markdown digest: who said what, places, figures (plugin example)",
            factory=MarkdownExporter,
            suffixes=(".md", ".markdown"),
        )
    ]


@hookimpl
def newscorpus_register_validators() -> list[ValidatorSpec]:
    return [
        ValidatorSpec(
            name="unattributed-quotes",
            description="Warns about quotes without a speaker",
            check=unattributed_quotes,
        )
    ]
