"""The claim cards and a standalone HTML report a person reads in five seconds.

One card per claim reported at least twice (``chart.render_card``): a title in words, values in readable
units, one colour per outlet, bounds as arrows, unit errors in their own lane, the consensus shaded. The
report opens with what the marks mean and the claims that matter (the most outlets, real disagreements
first), then a card per claim with its reports in a folded table; each point tells its sentence on hover
and links to its article. No script and no network: the charts are inline SVG. ``charts_markdown`` shows
the most widely reported claims' cards (the Dagster UI's asset metadata) as PNG.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.present import numbers
from pipelines.present.chart import (
    CONSENSUS_COLOR,
    FLAG_CONFLICT,
    FLAG_UNIT_ERROR,
    outlet_of,
    outlet_styles,
    point_label,
    render_card,
)
from pipelines.present.labels import Title, claim_title, month_day_year, outlet_name

FLAGGED = ("conflicting", "probable_unit_error")
RELATION_WORDS = {"first": "first report", "consistent": "same value", "rounding": "same, rounded",
                  "bound": "within the bound", "conflicting": "conflicts", "probable_unit_error":
                  "probable unit error"}


def claim_slug(claim_key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", claim_key).strip("-").lower() or "claim"


@dataclass(frozen=True)
class ClaimSummary:
    """What a reader is told about a claim before its chart."""

    key: str
    title: Title
    n_reports: int
    outlets: tuple[str, ...]
    n_conflicts: int  # real disagreements: conflicting reports, not unit errors
    n_unit_errors: int
    consensus: tuple[float | None, float | None]
    unit: str
    split: bool = False  # as many independent sources on each side: a disagreement nobody is blamed for

    @property
    def sentence(self) -> str:
        """``8 reports from 2 outlets · 1 probable unit error``."""
        n_out = len(self.outlets)
        words = [f"{self.n_reports} reports from {n_out} outlet{'s' if n_out != 1 else ''}"]
        if self.n_conflicts:
            words.append(f"{self.n_conflicts} conflict{'s' if self.n_conflicts != 1 else ''}")
        if self.n_unit_errors:
            words.append(f"{self.n_unit_errors} probable unit error{'s' if self.n_unit_errors != 1 else ''}")
        if self.split and not self.n_conflicts:
            words.append("sources split, no consensus")
        elif not self.n_conflicts and not self.n_unit_errors:
            words.append("all agree")
        return " · ".join(words)

    @property
    def agreed(self) -> str:
        """The range most outlets agree on, in words (``$5.576M–$5.6M``, ``over 50,000``), or ``no consensus``."""
        lo, hi = self.consensus
        if lo is None or hi is None or (self.split and not self.n_conflicts):
            return "no consensus"
        if self.unit in numbers.COUNT_NOUNS:  # 2,047.5 to 2,049 chips is "2,048 to 2,049 chips"
            lo, hi = math.ceil(lo), math.floor(hi) if hi != math.inf else hi
        if hi == math.inf:
            return f"over {numbers.compact(lo, self.unit)}"
        a, b = numbers.compact(lo, self.unit), numbers.compact(hi, self.unit)
        if a == b:
            return a
        return f"{numbers.compact(lo, self.unit, with_unit=False)} to {b}"


def summarize(key: str, claim: pl.DataFrame, timeline_row: dict[str, Any]) -> ClaimSummary:
    rows = claim.to_dicts()
    relations = [r.get("relation_to_previous") for r in rows]
    if "consensus" in claim.columns:  # the warehouse's verdict against the claim's consensus
        conflicts = sum(1 for r in rows if r["consensus"] == "outlier")
        unit_errors = sum(1 for r in rows if r["consensus"] == "unit_error")
        split = any(r["consensus"] == "no_consensus" for r in rows)
    else:
        split = False
        conflicts = relations.count("conflicting")
        unit_errors = relations.count("probable_unit_error")
    title = claim_title(key, [r.get("surface") or "" for r in rows], subject=timeline_row.get("subject"),
                        metric=timeline_row.get("metric"), chip=timeline_row.get("chip"),
                        scope=timeline_row.get("scope"), event=timeline_row.get("event"))
    return ClaimSummary(key, title, len(rows), tuple(dict.fromkeys(outlet_of(r) for r in rows)), conflicts,
                        unit_errors, (timeline_row.get("consensus_low"), timeline_row.get("consensus_high")),
                        timeline_row.get("unit") or (rows[0]["unit"] if rows else ""), split)


def importance(s: ClaimSummary) -> tuple:
    """Claims that matter first: the most outlets, then real disagreements, then the most reports."""
    return (-len(s.outlets), -(s.n_conflicts > 0), -s.n_reports, s.key)


def _with_context(observations: pl.DataFrame, context: pl.DataFrame | None) -> pl.DataFrame:
    if context is None or context.is_empty() or "fact_id" not in observations.columns:
        return observations
    extra = [c for c in ("sentence", "url", "headline") if c in context.columns and c not in observations.columns]
    if not extra:
        return observations
    return observations.join(context.select(["fact_id", *extra]).unique("fact_id"), on="fact_id", how="left")


def write_report(observations: pl.DataFrame, timeline: pl.DataFrame, out_dir: str | Path,
                 min_observations: int = 2, context: pl.DataFrame | None = None) -> dict[str, Path]:
    """Write ``<slug>.png`` per claim with at least ``min_observations`` reports and ``report.html``; charts
    left in ``out_dir`` from claims that are gone are removed. ``context`` (``fact_id, sentence, url,
    headline``) gives each point its hover text and link.

    Returns ``{claim_key: png_path}`` in the report's order; the report is ``out_dir / "report.html"``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    observations = _with_context(observations, context)
    styles = outlet_styles(outlet_of(r) for r in observations.to_dicts()) if not observations.is_empty() else {}
    charted = timeline.filter(pl.col("n_observations") >= min_observations) if not timeline.is_empty() else timeline
    cards = []
    for row in charted.iter_rows(named=True):
        claim = observations.filter(pl.col("claim_key") == row["claim_key"]).sort("observed_at")
        if not claim.is_empty():
            cards.append((summarize(row["claim_key"], claim, row), claim))
    cards.sort(key=lambda c: importance(c[0]))
    charts: dict[str, Path] = {}
    sections: list[str] = []
    for summary, claim in cards:
        images = render_card(claim, summary.title, summary.sentence, summary.consensus, styles)
        path = out_dir / f"{claim_slug(summary.key)}.png"
        tmp = path.with_suffix(".png.tmp")
        tmp.write_bytes(images.png)
        tmp.replace(path)
        charts[summary.key] = path
        sections.append(_card_html(summary, claim, images.svg))
    page = _page(cards, sections)
    tmp = out_dir / "report.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out_dir / "report.html")
    # charts of claims that no longer exist (a claim regrouped, a parser fixed) would mislead: remove them
    current = {p.name for p in charts.values()}
    for old in out_dir.glob("*.png"):
        if old.name not in current:
            old.unlink(missing_ok=True)
    return charts


def _esc(v: object) -> str:
    return html.escape(str(v), quote=True)


def _card_html(s: ClaimSummary, claim: pl.DataFrame, svg: str) -> str:
    other_lang = "ko" if s.title.lang == "en" else "en"
    rows = []
    for r in claim.iter_rows(named=True):
        written = _esc(r["surface"])
        if r.get("conversion_surface"):
            written += f" <span class='conv'>({_esc(r['conversion_surface'])})</span>"
        link = f"<a href='{_esc(r['url'])}'>article</a>" if r.get("url") else ""
        rel = r["relation_to_previous"]
        rows.append(
            f"<tr class='{_esc(rel)}'><td>{month_day_year(r['observed_at'])}</td>"
            f"<td>{_esc(outlet_name(outlet_of(r)))}</td><td>{written}</td>"
            f"<td>{_esc(point_label(r, s.unit, numbers.full))}</td>"
            f"<td>{_esc(numbers.interval(r['value_low'], r['value_high'], r['qualifier'], s.unit))}</td>"
            f"<td>{_esc(RELATION_WORDS.get(rel, rel))}</td><td>{'yes' if r['is_recitation'] else ''}</td>"
            f"<td>{link}</td></tr>")
    return (
        f"<section class='card' id='{claim_slug(s.key)}'>"
        f"<h2 lang='{s.title.lang}'>{_esc(s.title.main)}</h2>"
        f"<p class='other' lang='{other_lang}'>{_esc(s.title.other)}</p>"
        f"<p class='facts'><b>{_esc(s.agreed if s.consensus[0] is not None else 'No consensus')}</b>"
        f"{' agreed' if s.consensus[0] is not None else ''} · {_esc(s.sentence)} · "
        f"outlets: {_esc(', '.join(outlet_name(o) for o in s.outlets))}</p>"
        f"<figure role='img' aria-label='{_esc(s.title.main)}'>{svg}</figure>"
        f"<details><summary>All {s.n_reports} reports</summary>"
        "<table><tr><th>date</th><th>outlet</th><th>as written</th><th>reads as</th><th>supports</th>"
        f"<th>against the report before</th><th>re-cited</th><th></th></tr>{''.join(rows)}</table></details>"
        f"<p class='key'>claim key: <code>{_esc(s.key)}</code></p></section>")


def _swatch(color: str, ring: bool = False, hollow: bool = False, square: bool = False) -> str:
    if square:
        return (f"<svg width='16' height='16'><rect x='2' y='2' width='12' height='12' fill='#f2f2f2' "
                f"stroke='{color}' stroke-dasharray='3 2' stroke-width='1.5'/></svg>")
    if ring:
        return (f"<svg width='18' height='18'><circle cx='9' cy='9' r='7' fill='none' stroke='{color}' "
                "stroke-width='2.4'/></svg>")
    fill = "white" if hollow else color
    return (f"<svg width='14' height='14'><circle cx='7' cy='7' r='5' fill='{fill}' stroke='{color}' "
            "stroke-width='2'/></svg>")


def _page(cards: list[tuple[ClaimSummary, pl.DataFrame]], sections: list[str]) -> str:
    outlets = sorted({o for s, _ in cards for o in s.outlets}, key=outlet_name)
    overview = "".join(
        f"<tr><td><a href='#{claim_slug(s.key)}'>{_esc(s.title.main)}</a></td><td>{_esc(s.agreed)}</td>"
        f"<td>{len(s.outlets)}</td><td>{s.n_reports}</td>"
        f"<td>{_conflict_words(s)}</td><td>{month_day_year(claim['observed_at'].min())}</td></tr>"
        for s, claim in cards)
    legend = (
        "<ul class='legend'>"
        f"<li>{_swatch('#0072B2')} one colour per outlet (colour-blind-safe, never the flags' colours)</li>"
        f"<li>{_swatch('#555555', hollow=True)} hollow: re-cites a value another outlet reported earlier</li>"
        f"<li>{_swatch(FLAG_CONFLICT, ring=True)} vermillion ring: conflicts with the report before it "
        "(the intervals cannot both be true)</li>"
        f"<li>{_swatch(FLAG_UNIT_ERROR, square=True)} grey top lane: probable unit error, off by a power of ten "
        "(drawn on its own scale so the others stay readable)</li>"
        "<li><b>▲ ▼</b> arrows: a bound (“more than”, “less than $6 million”), not a point</li>"
        f"<li><span class='band' style='background:{CONSENSUS_COLOR}'></span> grey band: the range most "
        "independent outlets agree on · vertical bar: the range a rounded or approximate figure allows</li>"
        "<li>Hover a point for its sentence; click it to open the article.</li></ul>")
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>chipwatch: reported figures</title><style>"
        "body{font-family:system-ui,'Noto Sans','Noto Sans CJK KR','NanumGothic','Malgun Gothic',sans-serif;"
        "max-width:62rem;margin:1rem auto;padding:0 1rem;color:#222}"
        "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin:.2rem 0}"
        ".sub{color:#555;margin-top:0}.other{color:#555;margin:0 0 .3rem}.facts{margin:.2rem 0 .4rem}"
        ".legend{columns:2;font-size:.9rem;padding-left:1rem;list-style:none}.legend li{margin:.15rem 0}"
        ".legend svg{vertical-align:middle;margin-right:.3rem}"
        ".band{display:inline-block;width:1.4rem;height:.7rem;opacity:.35;vertical-align:middle}"
        ".card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1.2rem 0}"
        "figure{margin:0}figure svg{max-width:100%;height:auto}"
        "table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;padding:2px 6px;font-size:.88rem;"
        "text-align:left}td:nth-child(4),td:nth-child(5){white-space:nowrap}"
        "tr.conflicting,tr.probable_unit_error{background:#fde8dc}.conv{color:#555}.key{color:#888;font-size:.8rem}"
        "</style></head><body>"
        "<h1>What the news reported about AI chips, and who disagrees</h1>"
        f"<p class='sub'>{len(cards)} claims reported more than once, by {len(outlets)} outlets "
        f"({_esc(', '.join(outlet_name(o) for o in outlets))}). The claims most outlets reported come first.</p>"
        f"<h3>How to read a card</h3>{legend}"
        "<h3>The claims</h3><table class='overview'><tr><th>claim</th><th>most outlets agree on</th>"
        f"<th>outlets</th><th>reports</th><th>disagreements</th><th>first reported</th></tr>{overview}</table>"
        + "".join(sections) + "</body></html>")


def _conflict_words(s: ClaimSummary) -> str:
    parts = []
    if s.n_conflicts:
        parts.append(f"{s.n_conflicts} conflict{'s' if s.n_conflicts != 1 else ''}")
    if s.n_unit_errors:
        parts.append(f"{s.n_unit_errors} unit error{'s' if s.n_unit_errors != 1 else ''}")
    if s.split and not s.n_conflicts:
        parts.append("sources split")
    return ", ".join(parts) or "none"


def most_reported(timeline: pl.DataFrame, charted: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` charted claims about a known subject reported by the most outlets (then the most reports,
    then the most conflicts)."""
    keys = list(charted)
    if not keys or timeline.is_empty():
        return []
    top = (timeline.filter(pl.col("claim_key").is_in(keys) & pl.col("subject").is_not_null())
           .sort(["n_sources", "n_observations", "n_conflicts"], descending=True).head(n))
    return top["claim_key"].to_list()


def charts_markdown(timeline: pl.DataFrame, charts: dict[str, Path], n: int = 3) -> str:
    """Markdown with the cards of the ``most_reported`` claims as inline images, titled in words."""
    keys = most_reported(timeline, charts, n)
    if not keys:
        return "_no claim has two reports yet_"
    rows = {r["claim_key"]: r for r in timeline.iter_rows(named=True)}
    parts = []
    for key in keys:
        row = rows.get(key, {})
        title = claim_title(key, [], subject=row.get("subject"), metric=row.get("metric"), chip=row.get("chip"),
                            scope=row.get("scope"), event=row.get("event")).main
        b64 = base64.b64encode(charts[key].read_bytes()).decode()
        parts.append(f"**{title}**\n\n![{title}](data:image/png;base64,{b64})")
    return "\n\n".join(parts)
