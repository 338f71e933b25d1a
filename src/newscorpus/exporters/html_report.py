"""An HTML report: one self-contained page to read what was extracted, and check it.

``-o report.html`` writes a single file with no external resource (no network, no CDN;
inline CSS and one inline script, locked down by a Content-Security-Policy with a
per-report nonce). For each article: the text with quotes, speakers, places and figures
highlighted (spans may overlap; every highlight is a ``<mark>`` carrying all the kinds
that cover it), a who-said-what table and a figures table. At the end, a map of every
place with coordinates, drawn as SVG in an equirectangular projection over a graticule (zoomed to the places),
and a table of those places.

The page is streamed: the head is written first, each article as it arrives, the map
and the end of the page by ``close``. Memory grows with the number of distinct places,
never with the number of articles.

All article text is escaped; nothing from the input is ever written as markup.
"""

from __future__ import annotations

import html
import itertools
import secrets
from collections.abc import Iterable
from typing import IO, Any, Final

import attrs

from ..hookspecs import hookimpl
from ..models import Article, Place
from ..serialize import number_to_json
from ..specs import Exporter, ExporterSpec, ExportTarget
from .geojson import place_key

__all__ = ["HtmlReportExporter", "highlight", "project"]

KINDS: Final = ("quote", "speaker", "place", "figure")
_LABELS: Final = 25
"""Places named on the map itself (the most mentioned); every dot names its place on hover."""

_CSS: Final = """
:root{--q:#fff2a8;--s:#c9e4ff;--p:#c8f0c8;--f:#ffd3b0;--ink:#1d1d1f;--mute:#666}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0 auto;max-width:1100px;padding:1rem 1.5rem}
header.report{border-bottom:2px solid #ddd;margin-bottom:1rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .3rem}
.meta{color:var(--mute);font-size:.9rem}
.legend label{margin-right:1rem;white-space:nowrap;font-size:.9rem}
.legend .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;
vertical-align:-.1em;margin-right:.25em}
article.story{border-bottom:1px solid #ddd;padding-bottom:1rem}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1.02rem;
background:#fafafa;padding:.8rem 1rem;border-radius:6px;overflow-wrap:anywhere}
mark{background:none;color:inherit;border-radius:2px;padding:0}
mark.quote{background:var(--q)}
mark.place{background:var(--p)}
mark.figure{background:var(--f)}
mark.speaker{background:var(--s);font-weight:600}
mark.place.quote,mark.figure.quote{box-shadow:inset 0 -3px 0 #e0c000}
body.hide-quote mark.quote,body.hide-place mark.place,body.hide-figure mark.figure,
body.hide-speaker mark.speaker{background:none;box-shadow:none;font-weight:inherit}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem;width:100%}
th,td{border:1px solid #ddd;padding:.25rem .45rem;text-align:left;vertical-align:top}
td.long{overflow-wrap:anywhere}
th{background:#f0f0f0}
caption{text-align:left;font-weight:600;padding:.2rem 0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
svg.map{width:100%;height:auto;max-height:75vh;background:#eef4fa;border:1px solid #cdd;border-radius:6px}
svg.map .grid{stroke:#b8c8d8;fill:none}
svg.map .equator{stroke:#8aa}
svg.map circle{fill:#d33;fill-opacity:.75;stroke:#fff}
svg.map text{fill:#333;paint-order:stroke;stroke:#fff}
.empty{color:var(--mute);font-style:italic}
"""

_SCRIPT: Final = """
document.querySelectorAll('.legend input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.value, !box.checked);
  });
});
"""

_COLOURS: Final = {"quote": "--q", "speaker": "--s", "place": "--p", "figure": "--f"}


def _e(value: object) -> str:
    """Escape for text and for double-quoted attributes alike."""
    return html.escape("" if value is None else str(value), quote=True)


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """``text`` as escaped HTML with ``<mark>`` elements over the spans.

    ``spans`` are ``(start, end, kind, title)``. Overlapping spans are split at every
    boundary, so the marks never nest or cross: each piece of text is one ``<mark>``
    whose classes are all the kinds covering it. Spans outside the text are clipped;
    empty ones are dropped.
    """
    length = len(text)
    clean = []
    for start, end, kind, title in spans:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if start < end:
            clean.append((start, end, kind, title))
    if not clean:
        return _e(text)
    cuts = sorted({0, length, *(s for s, _, _, _ in clean), *(e for _, e, _, _ in clean)})
    out: list[str] = []
    for left, right in itertools.pairwise(cuts):
        piece = _e(text[left:right])
        covering = [span for span in clean if span[0] <= left and right <= span[1]]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({kind for _, _, kind, _ in covering}, key=KINDS.index)
        titles = list(dict.fromkeys(title for _, _, _, title in covering if title))
        out.append(
            f'<mark class="{" ".join(kinds)}" data-start="{left}" data-end="{right}"'
            f' title="{_e(" | ".join(titles))}">{piece}</mark>'
        )
    return "".join(out)


def _article_spans(article: Article) -> list[tuple[int, int, str, str]]:
    spans: list[tuple[int, int, str, str]] = []
    for quote in article.quotes:
        who = quote.speaker.name if quote.speaker and quote.speaker.name else "unattributed"
        spans.append((quote.start, quote.end, "quote", f"{quote.kind} quote: {who}"))
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            spans.append((speaker.start, speaker.end, "speaker", f"speaker: {speaker.name or '?'}"))
    for place in article.places:
        where = f"place: {place.name} ({place.kind}"
        where += f", {place.country_code})" if place.country_code else ")"
        for mention in place.mentions:
            spans.append((mention.start, mention.end, "place", f"{where} {mention.role}"))
    for figure in article.figures:
        spans.append((figure.start, figure.end, "figure", f"figure: {_figure_value(figure)}"))
    return spans


def _figure_value(figure: Any) -> str:
    if figure.value is not None:
        text = str(number_to_json(figure.value))
    elif figure.low is not None or figure.high is not None:
        low = "" if figure.low is None else str(number_to_json(figure.low))
        high = "" if figure.high is None else str(number_to_json(figure.high))
        text = f"{low}–{high}"
    else:
        text = "?"
    return f"{text} {figure.unit}" if figure.unit else text


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: SVG x is the longitude, y the latitude upside down (north is up)."""
    return round(lon, 3), round(-lat, 3)


@attrs.define
class _MapPlace:
    place: Place
    mentions: int = 0
    articles: int = 0


class HtmlReportExporter:
    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        self._out: IO[str] = target.open(binary=False)
        self._title = str(options.get("title") or "newscorpus report")
        self._nonce = secrets.token_urlsafe(16)
        self._places: dict[str, _MapPlace] = {}
        self._count = 0
        self._quotes = 0
        self._figures = 0
        self._head()

    def _head(self) -> None:
        legend = "".join(
            f'<label><input type="checkbox" value="{kind}" checked>'
            f'<span class="swatch" style="background:var({_COLOURS[kind]})"></span>{kind}s</label>'
            for kind in KINDS
        )
        self._out.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            f"style-src 'unsafe-inline'; img-src data:; script-src 'nonce-{self._nonce}'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"newscorpus\">\n"
            f"<title>{_e(self._title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<header class=\"report\"><h1>{_e(self._title)}</h1>"
            f"<p class=\"legend\">Highlight: {legend}</p>"
            "<p class=\"meta\"><a href=\"#map\">Map of the places</a></p></header>\n<main>\n"
        )

    def write(self, article: Article) -> None:
        self._count += 1
        self._quotes += len(article.quotes)
        self._figures += len(article.figures)
        out = self._out
        anchor = f"a{self._count}"
        out.write(f'<article class="story" id="{anchor}" data-id="{_e(article.id)}">\n')
        out.write(f"<h2>{_e(article.headline or article.id)}</h2>\n")
        meta = [article.id]
        if article.published is not None:
            meta.append(article.published.isoformat())
        meta += [v for v in (article.source, article.byline, article.url) if v]
        if article.dateline is not None:
            meta.append(f"dateline: {article.dateline.text}")
        out.write(f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>\n')
        out.write(f'<div class="text">{highlight(article.text, _article_spans(article))}</div>\n')
        self._who_said_what(article)
        self._figures_table(article)
        out.write("</article>\n")
        seen: set[str] = set()
        for place in article.places:
            if place.lat is None or place.lon is None:
                continue
            key = place_key(place)
            entry = self._places.get(key)
            if entry is None:
                entry = self._places[key] = _MapPlace(place)
            entry.mentions += len(place.mentions)
            if key not in seen:
                entry.articles += 1
                seen.add(key)

    def _who_said_what(self, article: Article) -> None:
        out = self._out
        if not article.quotes:
            out.write('<p class="empty">No quotes found.</p>\n')
            return
        out.write('<table class="quotes"><caption>Who said what</caption>'
                  "<tr><th>speaker</th><th>role</th><th>cue</th><th>kind</th><th>quote</th></tr>\n")
        for quote in article.quotes:
            speaker = quote.speaker
            name = speaker.name if speaker and speaker.name else "?"
            out.write(
                f'<tr><td class="long">{_e(name)}</td><td>{_e(speaker.role if speaker else "")}</td>'
                f"<td>{_e(quote.cue.text if quote.cue else '')}</td><td>{_e(quote.kind)}</td>"
                f'<td class="long">{_e(quote.text)}</td></tr>\n'
            )
        out.write("</table>\n")

    def _figures_table(self, article: Article) -> None:
        out = self._out
        if not article.figures:
            out.write('<p class="empty">No figures found.</p>\n')
            return
        out.write('<table class="figures"><caption>Figures</caption><tr><th>as written</th>'
                  "<th>value</th><th>quantity</th><th>counts</th><th>qualifier</th>"
                  "<th>claimant</th></tr>\n")
        for figure in article.figures:
            out.write(
                f"<tr><td>{_e(figure.text)}</td><td class=\"num\">{_e(_figure_value(figure))}</td>"
                f"<td>{_e(figure.quantity)}</td><td>{_e(figure.counted)}</td>"
                f"<td>{_e(figure.qualifier)}</td><td>{_e(figure.claimant)}</td></tr>\n"
            )
        out.write("</table>\n")

    def _view(self) -> tuple[float, float, float, float, float]:
        """The map's viewBox (x, y, width, height) around the places, and a grid step."""
        points = [project(p.place.lon or 0.0, p.place.lat or 0.0) for p in self._places.values()]
        if not points:
            return -180.0, -90.0, 360.0, 180.0, 30.0
        xs, ys = [x for x, _ in points], [y for _, y in points]
        width = min(max((max(xs) - min(xs)) * 1.3, (max(ys) - min(ys)) * 2.6, 12.0), 360.0)
        height = width / 2
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        x = min(max(cx - width / 2, -180.0), 180.0 - width)
        y = min(max(cy - height / 2, -90.0), 90.0 - height)
        step = next(s for s in (30.0, 10.0, 5.0, 2.0, 1.0) if width / s >= 6 or s == 1.0)
        return round(x, 3), round(y, 3), round(width, 3), round(height, 3), step

    def _map(self) -> None:
        out = self._out
        x0, y0, width, height, step = self._view()
        k = width / 360  # keeps marks and labels the same size on screen at any zoom
        out.write('<section id="map"><h2>Places</h2>\n')
        out.write(f'<svg class="map" xmlns="http://www.w3.org/2000/svg" '
                  f'viewBox="{x0} {y0} {width} {height}" role="img" '
                  f'aria-label="Map of the places mentioned">\n')
        lons = range(-180, 181, int(step))
        lats = range(-90, 91, int(step))
        grid = [f"M{lon} -90V90" for lon in lons] + [f"M-180 {lat}H180" for lat in lats if lat]
        out.write(f'<path class="grid" style="stroke-width:{0.25 * k:.4f}" d="{" ".join(grid)}"/>'
                  f'<path class="grid equator" style="stroke-width:{0.4 * k:.4f}" d="M-180 0H180"/>\n')
        ordered = sorted(self._places.values(), key=lambda p: (-p.mentions, p.place.name))
        for rank, entry in enumerate(ordered):
            place = entry.place
            assert place.lat is not None and place.lon is not None
            x, y = project(place.lon, place.lat)
            radius = min(1.2 + entry.mentions ** 0.5 * 0.6, 6) * k
            out.write(
                f'<g class="place" data-lat="{place.lat}" data-lon="{place.lon}">'
                f'<circle cx="{x}" cy="{y}" r="{radius:.4f}" style="stroke-width:{0.3 * k:.4f}">'
                f"<title>{_e(place.name)}: {entry.mentions} mentions in {entry.articles} "
                "articles</title></circle>"
            )
            if rank < _LABELS:  # the rest are named on hover, and in the table below
                out.write(
                    f'<text x="{round(x + radius + 0.5 * k, 4)}" y="{round(y + k, 4)}" '
                    f'style="font-size:{4.5 * k:.4f}px;stroke-width:{0.8 * k:.4f}px">'
                    f"{_e(place.name)}</text>"
                )
            out.write("</g>\n")
        out.write("</svg>\n")
        if not ordered:
            out.write('<p class="empty">No place with coordinates.</p>\n')
        else:
            out.write('<table class="places"><tr><th>place</th><th>kind</th><th>country</th>'
                      "<th>latitude</th><th>longitude</th><th>mentions</th><th>articles</th></tr>\n")
            for entry in ordered:
                p = entry.place
                out.write(
                    f"<tr><td>{_e(p.name)}</td><td>{_e(p.kind)}</td><td>{_e(p.country_code)}</td>"
                    f'<td class="num">{p.lat:.5f}</td><td class="num">{p.lon:.5f}</td>'
                    f'<td class="num">{entry.mentions}</td><td class="num">{entry.articles}</td></tr>\n'
                )
            out.write("</table>\n")
        out.write("</section>\n")

    def close(self) -> None:
        self._map()
        out = self._out
        out.write(
            f'</main>\n<footer class="meta"><p>{self._count} articles, {self._quotes} quotes, '
            f"{self._figures} figures, {len(self._places)} places on the map. "
            "Written by newscorpus.</p></footer>\n"
            f'<script nonce="{self._nonce}">{_SCRIPT}</script>\n</body>\n</html>\n'
        )
        out.close()


def _html(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return HtmlReportExporter(target, options)


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="html",
            description="A self-contained HTML report: highlighted text, who said what, "
            "figures and an SVG map of the places (option title)",
            factory=_html,
            suffixes=(".html", ".htm"),
        )
    ]
