"""The HTML page parser, installed for real (the test command installs plugins/*)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from newscorpus_html import article_from_html

from newscorpus import Article, InputError, read

DATA = Path(__file__).parent / "data"
PAGE = DATA / "bridge.html"

BODY = """<p>KYIV, June 15 (Reuters) - The city council approved a plan on Wednesday to rebuild
three schools damaged in the spring, officials said after a long meeting.</p>
<p>"Children should be back in classrooms by September," deputy mayor Ivan Example said,
adding that the work would cost about 40 million hryvnias.</p>
<p>The council said builders would start work next month and finish before winter.</p>"""


def _page(head: str, body: str = BODY) -> bytes:
    return f"<html{head}</head><body><article>{body}</article></body></html>".encode()


def test_entry_point_and_listing() -> None:
    dist = importlib.metadata.distribution("newscorpus-html")
    assert [ep.name for ep in dist.entry_points if ep.group == "newscorpus"] == ["html"]
    result = subprocess.run([sys.executable, "-m", "newscorpus", "formats"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "(newscorpus-html)" in result.stdout


def test_structured_metadata_wins_over_heuristics() -> None:
    article = article_from_html(PAGE.read_bytes(), id="bridge")
    assert article.headline == "Old stone bridge reopens after winter floods"  # JSON-LD, not og:title
    assert article.byline == "Ada Writer, Ben Reporter"  # JSON-LD, not <meta name=author>
    assert article.published == dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.UTC)
    assert article.source == "The Valley Courier"
    assert article.language == "en-GB"
    assert article.url == "https://courier.example/news/bridge-reopens"
    assert [p.caption for p in article.photos] == [
        "The bridge at dawn on Monday.", "Workers check the parapet of the bridge."]
    assert article.meta["section"] == "Local news"
    assert article.meta["html"]["method"] == "trafilatura"
    assert article.meta["html"]["sources"]["headline"] == "json-ld"
    assert article.meta["html"]["sources"]["captions"] == "json-ld+figcaption"


def test_body_is_the_text_with_paragraphs_and_a_dateline_span() -> None:
    article = article_from_html(PAGE.read_bytes(), id="bridge")
    assert article.text.startswith("MILLBROOK, England, March 5 (Reuters) - The old stone bridge")
    assert "Home" not in article.text and "Copyright" not in article.text  # boilerplate gone
    assert "Old stone bridge reopens" not in article.text  # the repeated headline is dropped
    assert article.text.count("\n\n") == 3
    assert article.dateline is not None
    assert article.text[article.dateline.start:article.dateline.end] == article.dateline.text
    assert article.dateline.place == "MILLBROOK, England"


def test_meta_tags_then_time_element_without_json_ld() -> None:
    head = ('><head><meta property="og:title" content="Schools to be rebuilt">'
            '<meta property="og:site_name" content="Example Daily">'
            '<meta property="og:url" content="https://daily.example/schools">'
            '<meta name="author" content="Olga Writer">'
            '<meta property="article:section" content="City">')
    body = '<time datetime="2022-06-15">June 15</time>' + BODY
    article = article_from_html(_page(head, body), id="s", url="https://fallback.example/x")
    assert article.headline == "Schools to be rebuilt"
    assert article.byline == "Olga Writer"
    assert article.source == "Example Daily"
    assert article.url == "https://daily.example/schools"
    assert article.published == dt.date(2022, 6, 15)
    assert article.meta["section"] == "City"
    assert article.meta["html"]["sources"]["published"] == "time"
    assert article.dateline is not None and article.dateline.place == "KYIV"


def test_the_url_given_is_used_when_the_page_has_none() -> None:
    article = article_from_html(_page("><head>"), id="s", url="https://fallback.example/x")
    assert article.url == "https://fallback.example/x"


def test_page_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_html(_page("><head>", "<nav><a href='/'>Home</a></nav>"), id="e")
    with pytest.raises(InputError, match="empty"):
        article_from_html(b"   ", id="e")


def test_read_reports_a_bad_page_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "b.htm").write_bytes(b"<html><body></body></html>")
    items = list(read(sorted(tmp_path.iterdir())))
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert isinstance(items[1], InputError) and "b.htm" in str(items[1])


def test_command_line_extracts_a_saved_page(tmp_path: Path) -> None:
    out = tmp_path / "page.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", "extract", str(PAGE), "-o", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    [article] = [a for a in read(out) if isinstance(a, Article)]
    assert article.id == "bridge" and article.headline.startswith("Old stone bridge")
    assert article.meta["html"]["method"] == "trafilatura"
