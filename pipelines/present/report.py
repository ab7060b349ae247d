"""Charts and a standalone HTML report of how each claim's reported value changed.

One chart per claim: value over time, one mark per outlet, the interval each report supports as a bar,
conflicts and probable unit errors ringed in red. The HTML report embeds the charts (no external files,
no scripts) with each claim's observations as a table. ``charts_markdown`` shows the most widely reported
claims' charts inline (the Dagster UI's asset metadata).
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from pipelines.sources.registry import outlet_color

FLAGGED = ("conflicting", "probable_unit_error")


def claim_slug(claim_key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", claim_key).strip("-").lower() or "claim"


def render_claim_png(claim: pl.DataFrame, title: str) -> bytes:
    """PNG of one claim's observations (rows of marts.figure_observations)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.6), dpi=100)
    try:
        claim = claim.sort("observed_at")
        values = [v for v in claim["value"].to_list() if v is not None and v > 0]
        log = bool(values) and max(values) / min(values) > 50
        who = "outlet" if "outlet" in claim.columns else "source"
        for outlet in sorted({o for o in claim[who].to_list() if o is not None}):
            part = claim.filter(pl.col(who) == outlet)
            xs = part["observed_at"].to_list()
            ys = part["value"].to_list()
            lows = [v - lo if lo is not None and not math.isinf(lo) else 0
                    for v, lo in zip(ys, part["value_low"], strict=True)]
            highs = [hi - v if hi is not None and not math.isinf(hi) else 0
                     for v, hi in zip(ys, part["value_high"], strict=True)]
            color = outlet_color(outlet)
            ax.errorbar(xs, ys, yerr=[lows, highs], fmt="o", color=color, label=outlet, capsize=3, alpha=0.85)
            for x, y, rel, hi in zip(xs, ys, part["relation_to_previous"], part["value_high"], strict=True):
                if rel in FLAGGED:
                    ax.scatter([x], [y], s=180, facecolors="none", edgecolors="red", linewidths=2, zorder=5)
                if hi is not None and math.isinf(hi):
                    ax.annotate("↑", (x, y), textcoords="offset points", xytext=(0, 6), ha="center", color=color)
        if log:
            ax.set_yscale("log")
        else:
            ax.ticklabel_format(axis="y", useOffset=False)  # 118.42, not 0.02 + 1.184e2
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(claim["unit"][0] if claim.height else "")
        ax.grid(alpha=0.3)
        ax.legend(loc="best", fontsize=8)
        fig.autofmt_xdate()
        buf = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    if math.isinf(v):
        return "∞"
    if float(v).is_integer():
        return f"{v:,.0f}"
    # enough digits to tell reports apart: $118.51 is not $118.42, 5.576 million not 5.6 million
    return f"{v:,.2f}" if abs(v) >= 1 else f"{v:.4g}"


def write_report(observations: pl.DataFrame, timeline: pl.DataFrame, out_dir: str | Path,
                 min_observations: int = 2) -> dict[str, Path]:
    """Write ``<slug>.png`` per claim with at least ``min_observations`` reports and ``report.html``; charts
    left in ``out_dir`` from claims that are gone are removed.

    Returns ``{claim_key: png_path}``; the report is ``out_dir / "report.html"``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    charts: dict[str, Path] = {}
    sections: list[str] = []
    claims = timeline.filter(pl.col("n_observations") >= min_observations).sort(
        ["n_conflicts", "n_observations"], descending=True) if not timeline.is_empty() else timeline
    for row in claims.iter_rows(named=True):
        key = row["claim_key"]
        claim = observations.filter(pl.col("claim_key") == key).sort("observed_at")
        png = render_claim_png(claim, key)
        path = out_dir / f"{claim_slug(key)}.png"
        tmp = path.with_suffix(".png.tmp")
        tmp.write_bytes(png)
        tmp.replace(path)
        charts[key] = path
        rows = "".join(
            f"<tr class='{html.escape(r['relation_to_previous'])}'><td>{r['observed_at']:%Y-%m-%d}</td>"
            f"<td>{html.escape(str(r.get('outlet') or r['source']))}</td><td>{html.escape(r['surface'])}</td>"
            f"<td>{_fmt(r['value'])}</td>"
            f"<td>[{_fmt(r['value_low'])}, {_fmt(r['value_high'])}]</td><td>{html.escape(r['qualifier'])}</td>"
            f"<td>{html.escape(r['relation_to_previous'])}</td><td>{'yes' if r['is_recitation'] else ''}</td></tr>"
            for r in claim.iter_rows(named=True)
        )
        sections.append(
            f"<section><h2>{html.escape(key)}</h2>"
            f"<p>{row['n_observations']} reports from {row['n_sources']} outlets, {row['n_conflicts']} conflicts; "
            f"first {html.escape(str(row.get('first_outlet') or row['first_source']))} {_fmt(row['first_value'])}, "
            f"latest {html.escape(str(row.get('latest_outlet') or row['latest_source']))} "
            f"{_fmt(row['latest_value'])} "
            f"{html.escape(row['unit'])}</p>"
            f"<img alt='{html.escape(key)}' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
            "<table><tr><th>date</th><th>outlet</th><th>as written</th><th>value</th><th>interval</th>"
            f"<th>qualifier</th><th>relation</th><th>re-cited</th></tr>{rows}</table></section>"
        )
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>chipwatch: reported figures</title>"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}tr.conflicting,tr.probable_unit_error"
        "{background:#fdd}img{max-width:100%}</style></head><body><h1>How the reported figures changed</h1>"
        + "".join(sections) + "</body></html>"
    )
    tmp = out_dir / "report.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out_dir / "report.html")
    # charts of claims that no longer exist (a claim regrouped, a parser fixed) would mislead: remove them
    current = {p.name for p in charts.values()}
    for old in out_dir.glob("*.png"):
        if old.name not in current:
            old.unlink(missing_ok=True)
    return charts


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
    """Markdown with the charts of the ``most_reported`` claims as inline images."""
    keys = most_reported(timeline, charts, n)
    if not keys:
        return "_no claim has two reports yet_"
    parts = []
    for key in keys:
        b64 = base64.b64encode(charts[key].read_bytes()).decode()
        parts.append(f"**{key}**\n\n![{key}](data:image/png;base64,{b64})")
    return "\n\n".join(parts)
