"""The HTML report: escaping, overlapping highlights, the SVG map, and a real browser."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscorpus import Article, Cue, Figure, Mention, Place, Quote, Speaker, export
from newscorpus.exporters.html_report import HtmlReportExporter, highlight, project

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<script>document.title='PWNED';document.body.id='pwned'</script>"
TEXT = (
    'KYIV, June 15 (Reuters) - "We will hold Kyiv & <b>Lviv</b>," mayor Olena Example said, '
    f"adding that 1,200 people left. {HOSTILE}"
)


def _sample() -> Article:
    q_start = TEXT.index("We will")
    q_end = TEXT.index(',"') + 1
    s_start = TEXT.index("Olena")
    kyiv_at = TEXT.index("Kyiv &")
    lviv_at = TEXT.index("Lviv")
    fig_at = TEXT.index("1,200")
    return Article(
        id="story-1",
        text=TEXT,
        headline='Mayor says "<img src=x onerror=alert(1)>"',
        source="Reuters",
        quotes=(
            Quote(text=TEXT[q_start:q_end], start=q_start, end=q_end,
                  speaker=Speaker(name="Olena Example", type="person", role="mayor",
                                  mention="Olena Example", start=s_start, end=s_start + 13),
                  cue=Cue(text="said", start=s_start + 14, end=s_start + 18)),
            Quote(text=HOSTILE, start=TEXT.index(HOSTILE), end=len(TEXT), kind="indirect",
                  speaker=Speaker(name=HOSTILE)),
        ),
        places=(
            Place(name="Kyiv", kind="city", country_code="UA", lat=50.45466, lon=30.5238,
                  mentions=(Mention(0, 4, "KYIV", role="dateline"),
                            Mention(kyiv_at, kyiv_at + 4, "Kyiv"))),
            Place(name="Lviv", kind="city", country_code="UA", lat=49.83826, lon=24.02324,
                  mentions=(Mention(lviv_at, lviv_at + 4, "Lviv"),)),
            Place(name="Nowhere", kind="town"),  # no coordinates: not on the map
        ),
        figures=(Figure(text="1,200 people", start=fig_at, end=fig_at + 12, value=1200,
                        counted="people"),),
    )


class _Collect(HTMLParser):
    """Text content and marks of a highlighted fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self._open = dict(attrs).get("class") or ""
            self.marks.append((self._open, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open is not None:
            cls, seen = self.marks[-1]
            self.marks[-1] = (cls, seen + data)


def _parse(fragment: str) -> _Collect:
    parser = _Collect()
    parser.feed(fragment)
    parser.close()
    return parser


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'\n"),
             max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70),
                       st.sampled_from(["quote", "speaker", "place", "figure"])), max_size=8),
)
def test_highlighting_keeps_the_text_and_marks_exactly_the_spans(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    spans = [(s, e, kind, f"<{kind}>") for s, e, kind in raw]
    fragment = highlight(text, spans)
    parsed = _parse(fragment)
    assert "".join(parsed.text) == text
    assert set(parsed.tags) <= {"mark"}  # nothing from the input became markup
    # Every character is marked with exactly the kinds whose spans cover it.
    position = 0
    marked: dict[int, set[str]] = {}
    for match in re.finditer(r'<mark class="([^"]*)" data-start="(\d+)" data-end="(\d+)"', fragment):
        kinds, start, end = set(match.group(1).split()), int(match.group(2)), int(match.group(3))
        assert start >= position
        position = end
        for i in range(start, end):
            marked[i] = kinds
    for i in range(len(text)):
        want = {kind for s, e, kind in raw if max(0, s) <= i < min(e, len(text))}
        assert marked.get(i, set()) == want


def test_overlapping_spans_split_into_flat_marks() -> None:
    out = highlight("abcdef", [(0, 4, "quote", "q"), (2, 6, "place", "p")])
    assert out == (
        '<mark class="quote" data-start="0" data-end="2" title="q">ab</mark>'
        '<mark class="quote place" data-start="2" data-end="4" title="q | p">cd</mark>'
        '<mark class="place" data-start="4" data-end="6" title="p">ef</mark>'
    )


def _report(tmp_path: Path, articles: list[Article] | None = None) -> tuple[Path, str]:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "report.html"
    export(articles if articles is not None else [_sample()], path, title="Test <report>")
    return path, path.read_text(encoding="utf-8")


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    _path, page = _report(tmp_path)
    assert "<script>document" not in page
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in page
    assert "<img" not in page and "&lt;img src=x" in page
    assert "<b>Lviv" not in page and "&lt;b&gt;" in page
    assert page.count("<script") == 1  # ours, with the policy's nonce
    nonce = re.search(r"'nonce-([^']+)'", page)
    assert nonce is not None and f'<script nonce="{nonce.group(1)}">' in page
    assert "<title>Test &lt;report&gt;</title>" in page


def test_page_is_self_contained(tmp_path: Path) -> None:
    _path, page = _report(tmp_path)
    assert re.findall(r"(?:src|href)=\"(?!#)[^\"]*\"", page) == []
    assert "@import" not in page and "url(" not in page
    assert set(re.findall(r"https?://[^\s\"'<]+", page)) == {"http://www.w3.org/2000/svg"}


def test_map_puts_longitude_on_x_and_latitude_up(tmp_path: Path) -> None:
    assert project(30.5238, 50.45466) == (30.524, -50.455)
    _path, page = _report(tmp_path)
    svg = page[page.index("<svg"):page.index("</svg>")]
    circles = re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg)
    assert ("30.524", "-50.455") in circles  # Kyiv: east of Greenwich, north is up
    assert ("24.023", "-49.838") in circles
    assert len(circles) == 2  # the place without coordinates is not drawn
    # Zoomed to the places: both inside the view box, which keeps a 2:1 aspect.
    x0, y0, width, height = map(float, re.findall(r'viewBox="([^"]+)"', svg)[0].split())
    assert width == 2 * height and width < 360
    for cx, cy in circles:
        assert x0 <= float(cx) <= x0 + width and y0 <= float(cy) <= y0 + height
    assert 'viewBox="-180.0 -90.0 360.0 180.0"' in _report(tmp_path / "empty", [])[1]


def test_tables_list_who_said_what_and_figures(tmp_path: Path) -> None:
    _path, page = _report(tmp_path)
    assert '<td class="long">Olena Example</td><td>mayor</td><td>said</td><td>direct</td>' in page
    assert '<td>1,200 people</td><td class="num">1200</td>' in page
    assert "2 articles" not in page and "1 articles, 2 quotes, 1 figures, 2 places" in page


def test_an_empty_export_is_still_a_page(tmp_path: Path) -> None:
    _path, page = _report(tmp_path, [])
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "No place with coordinates." in page


class _Target:
    """Records what the exporter has written so far."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.name = "<test>"

    def open(self, suffix: str = "", *, binary: bool = True) -> IO[Any]:
        class _Keep(io.BytesIO):
            def close(self) -> None:  # keep the bytes readable after close()
                pass

        self.buffer = _Keep()
        return io.TextIOWrapper(self.buffer, encoding="utf-8", newline="", write_through=True)


def test_streams_head_and_each_article_before_close() -> None:
    target = _Target()
    exporter = HtmlReportExporter(target, {})
    assert target.buffer.getvalue().startswith(b"<!DOCTYPE html>")
    exporter.write(_sample())
    written = target.buffer.getvalue()
    assert b'data-id="story-1"' in written and b"<svg" not in written
    exporter.close()
    assert target.buffer.getvalue().rstrip().endswith(b"</html>")


# -- in a real browser -------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
         *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(tmp_path)},
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the nox tests session "
                    "installs Debian's chromium package when run as root)")
def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    path, _page = _report(tmp_path)
    url = path.as_uri()
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    assert "PWNED" not in re.sub(r"&lt;script&gt;.*?&lt;/script&gt;", "", rendered)
    assert 'id="pwned"' not in rendered
    assert rendered.count('<mark class="quote') >= 2
    assert '<mark class="speaker"' in rendered
    assert '<mark class="place"' in rendered and '<mark class="figure"' in rendered
    assert rendered.count("<circle") == 2
    assert html.escape(HOSTILE, quote=False) in rendered  # shown as text, not run
    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900",
                       "--hide-scrollbars", url)
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # text, colours and a map, not a blank page
    print(f"screenshot kept at {shot}", file=sys.stderr)
