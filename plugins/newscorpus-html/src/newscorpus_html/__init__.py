"""News pages saved from the web (``.html``, ``.htm``) as newscorpus articles.

The body text comes from trafilatura, the open extractor that does best in the public
benchmarks. The metadata prefers what the publisher states in a structured way over
what trafilatura guesses:

1. JSON-LD (``<script type="application/ld+json">``) of type ``NewsArticle`` (or
   ``Article``, ``ReportageNewsArticle``, ...), also inside ``@graph``;
2. Open Graph and ``article:`` meta tags, ``<meta name="author">``, ``<html lang>``,
   ``<link rel="canonical">``;
3. ``<time datetime>`` and ``<figcaption>`` in the page;
4. trafilatura's own metadata heuristics, last.

``Article.text`` is the extracted body, paragraphs separated by blank lines (the
headline, when trafilatura repeats it as the first line, is dropped). ``Article.url``
is the canonical URL; ``Article.meta["html"]`` records the extraction method and,
for every field, which source it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from newscorpus import Article, InputError, ParserSpec, hookimpl
from newscorpus.models import Photo
from newscorpus.parsers.jsonfmt import read_date
from newscorpus.parsers.wire import parse_text
from newscorpus.specs import Source

__all__ = ["article_from_html", "structured_metadata"]

_ARTICLE_TYPES: Final = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "LiveBlogPosting", "Report",
})
_MAX_BYTES: Final = 20_000_000


def _types(node: Mapping[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _json_ld_nodes(data: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _json_ld_nodes(graph)


def _names(value: Any) -> list[str]:
    """Author-like values: a string, an object with a name, or a list of them."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, list):
        for item in value:
            found = _text(item)
            if found:
                return found
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    return None


def _captions(value: Any) -> list[str]:
    images = value if isinstance(value, list) else [value]
    found = []
    for image in images:
        if isinstance(image, dict):
            caption = _text(image.get("caption") or image.get("description"))
            if caption:
                found.append(caption)
    return found


def structured_metadata(tree: Any) -> dict[str, tuple[Any, str]]:
    """Metadata the page states explicitly: field -> (value, where it came from)."""
    found: dict[str, tuple[Any, str]] = {}

    def put(field: str, value: Any, origin: str) -> None:
        if value in (None, "", []):
            return
        if field == "captions" and field in found:  # captions add up, in page order
            merged = list(dict.fromkeys([*found[field][0], *value]))
            found[field] = (merged, found[field][1] + "+" + origin)
        elif field not in found:
            found[field] = (value, origin)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for node in _json_ld_nodes(data):
            if not _types(node) & _ARTICLE_TYPES:
                continue
            put("headline", _text(node.get("headline") or node.get("name")), "json-ld")
            put("published", _text(node.get("datePublished")), "json-ld")
            put("modified", _text(node.get("dateModified")), "json-ld")
            put("byline", ", ".join(_names(node.get("author"))) or None, "json-ld")
            put("section", _text(node.get("articleSection")), "json-ld")
            put("language", _text(node.get("inLanguage")), "json-ld")
            put("source", _text(node.get("publisher")), "json-ld")
            page = node.get("mainEntityOfPage")
            page_id = page.get("@id") if isinstance(page, dict) else page
            put("url", _text(node.get("url")) or _text(page_id), "json-ld")
            put("captions", _captions(node.get("image")), "json-ld")
            put("body", node.get("articleBody") if isinstance(node.get("articleBody"), str) else None,
                "json-ld")

    def meta(*keys: str) -> str | None:
        for key in keys:
            for attr in ("property", "name"):
                values = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
                value = _text(values[0]) if values else None
                if value:
                    return value
        return None

    put("headline", meta("og:title", "twitter:title"), "meta")
    put("published", meta("article:published_time", "og:article:published_time",
                           "datePublished", "pubdate", "date"), "meta")
    put("modified", meta("article:modified_time", "og:updated_time"), "meta")
    put("byline", meta("author", "article:author", "byline", "byl", "parsely-author"), "meta")
    put("section", meta("article:section", "section"), "meta")
    put("source", meta("og:site_name", "application-name"), "meta")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    put("url", _text(canonical[0]) if canonical else None, "link")
    put("url", meta("og:url"), "meta")
    put("language", _text(tree.xpath("string(/html/@lang)")), "html")
    put("language", meta("og:locale", "language", "content-language"), "meta")
    times = tree.xpath("//time/@datetime")
    put("published", _text(times[0]) if times else None, "time")
    captions = [c for c in (" ".join(f.text_content().split()) for f in tree.xpath("//figcaption")) if c]
    put("captions", captions, "figcaption")
    return found


def _date(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    try:
        return read_date(value)
    except ValueError:
        return None  # a page's metadata guess, not worth failing the page for


def _paragraphs(text: str, headline: str | None) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and headline and lines[0].casefold() == " ".join(headline.split()).casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def article_from_html(
    data: bytes | str,
    *,
    id: str,
    url: str | None = None,
    path: str = "<html>",
    encoding: str | None = None,
    meta: Mapping[str, Any] | None = None,
    min_chars: int = 1,
) -> Article:
    """One article from a news page; raises :class:`InputError` if it has no body text.

    ``min_chars`` is the shortest body accepted: a crawl (WARC) asks for more than one
    character, so that index and error pages with a few words of navigation are skipped.
    """
    if isinstance(data, bytes) and encoding is not None:
        try:
            data = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from None
    if isinstance(data, str):
        # lxml refuses str input that declares its own encoding.
        data = re.sub(r"^\s*<\?xml[^>]*\?>", "", data)
    if not data.strip():
        raise InputError("the page is empty", path=path)
    # Imported here, not at the top: every newscorpus command imports installed plugins
    # to list what they provide, and trafilatura alone costs a tenth of a second.
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise InputError(f"cannot parse the HTML ({exc})", path=path) from None
    found = structured_metadata(tree)
    extracted = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    guessed: dict[str, Any] = {}
    if extracted is not None:
        doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        guessed = {
            "headline": doc.get("title"), "byline": doc.get("author"), "published": doc.get("date"),
            "source": doc.get("sitename"), "url": doc.get("url"), "language": doc.get("language"),
            "section": ", ".join(doc.get("categories") or []) or None,
        }
        body_text = doc.get("text") or ""
    else:
        body_text = ""
    for field, value in guessed.items():
        if value and field not in found:
            found[field] = (value, "trafilatura")
    if url and "url" not in found:
        found["url"] = (url, "argument")
    headline = found.get("headline", (None, ""))[0]
    method = "trafilatura"
    text = _paragraphs(body_text, headline)
    if not text and "body" in found:
        text, method = _paragraphs(found["body"][0], headline), "json-ld articleBody"
    if len(text) < max(min_chars, 1):
        raise InputError("no article text found in the page", path=path,
                         hint="is it a news article page? trafilatura found no main text")
    base = parse_text(text, id=id)  # the dateline, with its span into the body
    captions = found.get("captions", ([], ""))[0]
    published = _date(found.get("published", (None, ""))[0])
    extra: dict[str, Any] = dict(meta or {})
    extra["html"] = {
        "method": method,
        "sources": {k: origin for k, (_v, origin) in sorted(found.items()) if k != "body"},
    }
    for field in ("section", "modified"):
        if field in found:
            extra[field] = found[field][0]
    return Article(
        id=id,
        text=text,
        headline=headline,
        dateline=base.dateline,
        published=published or base.published,
        source=found.get("source", (None, ""))[0] or base.source,
        byline=found.get("byline", (None, ""))[0],
        url=found.get("url", (None, ""))[0],
        language=found.get("language", (None, ""))[0],
        photos=tuple(Photo(caption=c) for c in dict.fromkeys(captions)),
        meta=extra,
    )


def _parse(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    with source.open() as stream:
        data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise InputError(f"larger than {_MAX_BYTES // 1_000_000} MB: not a news page",
                         path=source.name)
    yield article_from_html(data, id=source.id_hint or source.name, path=source.name,
                            encoding=encoding)


@hookimpl
def newscorpus_register_parsers() -> list[ParserSpec]:
    return [
        ParserSpec(
            name="html",
            description="News pages saved from the web: body via trafilatura, metadata from "
            "JSON-LD, og:/article: meta and <time> (newscorpus-html)",
            parse=_parse,
            suffixes=(".html", ".htm"),
        )
    ]
