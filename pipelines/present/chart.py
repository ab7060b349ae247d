"""One claim as a card a person reads in five seconds: a title in words, values in readable units, dates with
month and year, one colour per outlet, bounds as arrows, unit errors in their own lane, the range most
outlets agree on shaded.

Colours: outlets take the Okabe-Ito / Tol colour-blind-safe colours that are far from the two flag colours
(vermillion rings a conflict, black marks a unit error), so no outlet is ever drawn in a flag's colour.
The card is drawn once and saved twice: a PNG (the Dagster UI, files) and an SVG whose points carry the
report's sentence as a tooltip and link to the article (the HTML report; no script, no network).
"""

from __future__ import annotations

import html
import importlib.util
import io
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.present import numbers
from pipelines.present.labels import EN_MONTHS, Title, month_day_year, outlet_name
from pipelines.sources.registry import source_keys

# colour-blind-safe outlet colours (Okabe-Ito blue, bluish green, reddish purple, sky blue; Tol indigo,
# teal, sand; a purple): none is red, orange, olive or black, which the flags' colours look like to some
# readers (tests/test_present_cards.py checks the distance under protanopia and deuteranopia)
PALETTE = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#332288", "#44AA99", "#DDCC77", "#882299")
MARKERS = ("o", "s", "D", "h", "p", "8")  # a second channel once the colours run out
FLAG_CONFLICT = "#D55E00"  # Okabe-Ito vermillion: a ring around a report that conflicts with an earlier one
FLAG_UNIT_ERROR = "#000000"  # the unit-error lane's marks
FLAG_COLORS = (FLAG_CONFLICT, FLAG_UNIT_ERROR)
CONSENSUS_COLOR = "#7f7f7f"
# only tenfold slips go to the lane labelled "probable unit errors"; an outlier stays on the main axis (with
# its conflict ring; a log axis keeps a far one readable)
UNIT_ERROR_AGREEMENT = frozenset({"unit_error"})
FIG_SIZE = (9.0, 4.6)
MAIN_LABEL, LANE_LABEL = "reports", "unit_error_lane"
DPI = 100


@dataclass(frozen=True)
class Style:
    """How one outlet is drawn."""

    color: str
    marker: str


def outlet_styles(outlets: Iterable[str]) -> dict[str, Style]:
    """One colour (then marker) per outlet, the registry's outlets first so News1, CNN and NYT keep theirs
    in every chart of a report."""
    seen = set(outlets)
    known = [s for s in source_keys() if s in seen]
    order = known + sorted(seen - set(known))
    return {o: Style(PALETTE[i % len(PALETTE)], MARKERS[(i // len(PALETTE)) % len(MARKERS)])
            for i, o in enumerate(order)}


def outlet_of(row: dict[str, Any]) -> str:
    """The outlet a report is from: the ``outlet`` column where the warehouse has one, else the source."""
    return row.get("outlet") or row.get("source") or "?"


def in_unit_error_lane(row: dict[str, Any], consensus: tuple[float | None, float | None]) -> bool:
    """A report drawn in the unit-error lane: the warehouse says it disagrees with the consensus as a unit
    error (``marts.figure_observations.consensus``, decided in ``pipelines.track.consensus``). Rows
    without that column (a snapshot written before it existed): a probable unit error against the report
    before it that lies outside the consensus range."""
    agreement = row.get("consensus")
    if agreement is not None:
        return agreement in UNIT_ERROR_AGREEMENT
    if row.get("relation_to_previous") != "probable_unit_error":
        return False
    lo, hi = consensus
    value = row.get("value")
    if lo is None or hi is None or value is None:
        return True
    return not (lo <= value <= hi)


def point_label(row: dict[str, Any], unit: str, fmt: Any = numbers.compact) -> str:
    """The value as a reader checks it: ``< $6M``, ``$5.576M``, ``846조 원 ≈ $581.4B`` (a won amount keeps
    how it was written, with its USD equivalent)."""
    text = numbers.as_reported(row["value"], row.get("value_low"), row.get("value_high"), row.get("qualifier"),
                               unit, fmt)
    if numbers.written_in_won(row.get("surface")):
        return f"{row['surface']} ≈ {text}"
    return text


def tooltip(row: dict[str, Any], unit: str) -> str:
    """What a point says on hover: outlet, date, the figure as written and the sentence."""
    at = row["observed_at"]
    parts = [f"{outlet_name(outlet_of(row))}, {month_day_year(at)} {at:%H:%M} UTC",
             f"{row.get('surface') or ''} → {point_label(row, unit)}"]
    if row.get("conversion_surface"):
        parts[-1] += f" ({row['conversion_surface']})"
    if row.get("relation_to_previous") in ("conflicting", "probable_unit_error"):
        parts.append("conflicts with the report before it" if row["relation_to_previous"] == "conflicting"
                     else "probable unit error (off by a power of ten)")
    if row.get("is_recitation"):
        parts.append("re-cites a value reported earlier")
    if row.get("sentence"):
        parts.append(f"“{row['sentence']}”")
    if row.get("headline"):
        parts.append(f"in: {row['headline']}")
    return "\n".join(parts)


@lru_cache(maxsize=1)
def _font_family() -> tuple[str, ...]:
    """DejaVu Sans, falling back to the NanumGothic that ``koreanize-matplotlib`` ships for Hangul."""
    from matplotlib import font_manager

    family = ["DejaVu Sans"]
    # NanumGothic's bold says weight 600: matplotlib uses it for "bold" and says so on every title
    logging.getLogger("matplotlib.font_manager").addFilter(
        lambda record: "Failed to find font weight" not in record.getMessage())
    # the package's fonts only: importing it would set matplotlib's fonts for the whole process
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:  # Korean shows as boxes, the rest still renders
        return tuple(family)
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    try:
        for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
            font_manager.fontManager.addfont(str(fonts / name))
        family.append("NanumGothic")
    except (FileNotFoundError, OSError, RuntimeError):
        pass
    return tuple(family)


def date_tick(d: datetime, span: timedelta) -> str:
    """An x tick with its month and year: ``21:30\\n27 Jan 2025`` within a few days, ``27 Jan 2025`` within
    a few months, else ``Sep 2025``."""
    if span <= timedelta(days=3):
        return f"{d:%H:%M}\n{month_day_year(d)}"
    if span <= timedelta(days=120):
        return month_day_year(d)
    return f"{EN_MONTHS[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class CardImages:
    png: bytes
    svg: str


def _finite(v: float | None) -> bool:
    return v is not None and not math.isinf(v) and not math.isnan(v)


def _spread_labels(positions: list[float], gap: float) -> list[float]:
    """Axis-fraction positions pushed apart so labels at least ``gap`` apart never overlap."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    out = list(positions)
    last = -math.inf
    for i in order:
        out[i] = max(out[i], last + gap)
        last = out[i]
    overflow = (last - 1.0) if order else 0
    if overflow > 0:
        out = [p - overflow for p in out]
    return out


def _rc() -> dict[str, Any]:
    # text.parse_math off: "$593 billion → $593B" is money, not a math expression between two dollar signs
    return {"font.family": list(_font_family()), "axes.unicode_minus": False, "svg.fonttype": "path",
            "svg.hashsalt": "chipwatch", "axes.spines.top": False, "axes.spines.right": False,
            "text.parse_math": False}


def render_card(claim: pl.DataFrame, title: Title, summary: str,
                consensus: tuple[float | None, float | None] = (None, None),
                styles: dict[str, Style] | None = None) -> CardImages:
    """The claim card of ``claim`` (rows of marts.figure_observations, optionally with ``outlet``,
    ``consensus``, ``sentence``, ``url``, ``headline``) as PNG (with its title) and SVG (the chart alone, with
    a tooltip on each point)."""
    import matplotlib.pyplot as plt

    fig = card_figure(claim, title, summary, consensus, styles)
    try:
        with matplotlib_rc():
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=DPI)
            # the HTML card has the title as text above the chart: the SVG is the chart alone
            for text in fig.texts:
                text.set_visible(False)
            svg = io.StringIO()
            fig.savefig(svg, format="svg", bbox_inches="tight", pad_inches=0.05)
    finally:
        plt.close(fig)
    rows = claim.sort("observed_at").to_dicts()
    for i, r in enumerate(rows):
        r["_i"] = i
    return CardImages(png.getvalue(), _with_tooltips(svg.getvalue(), rows, rows[0]["unit"] if rows else ""))


def matplotlib_rc() -> Any:
    """The cards' matplotlib settings (fonts with Hangul, no unicode minus, SVG text as paths)."""
    import matplotlib

    matplotlib.use("Agg")
    return matplotlib.rc_context(_rc())


def card_figure(claim: pl.DataFrame, title: Title, summary: str,
                consensus: tuple[float | None, float | None] = (None, None),
                styles: dict[str, Style] | None = None) -> Any:
    """The card as a matplotlib figure (the caller closes it); its axes are labelled ``MAIN_LABEL`` and, when
    some report is a probable unit error, ``LANE_LABEL``."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib import ticker
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    rows = claim.sort("observed_at").to_dicts()
    for i, r in enumerate(rows):
        r["_i"] = i
    styles = styles or outlet_styles([outlet_of(r) for r in rows])
    unit = rows[0]["unit"] if rows else ""
    lane = [r for r in rows if in_unit_error_lane(r, consensus)]
    main = [r for r in rows if not in_unit_error_lane(r, consensus)]
    if not main:  # every report "wrong": nothing to set them against, draw them all on one scale
        main, lane = rows, []
    with matplotlib_rc():
        fig = plt.figure(figsize=FIG_SIZE, dpi=DPI)
        try:
            if lane:
                grid = fig.add_gridspec(2, 1, height_ratios=[1, 3.4], hspace=0.12)
                ax_lane = fig.add_subplot(grid[0])
                ax = fig.add_subplot(grid[1], sharex=ax_lane)
                ax_lane.set_label(LANE_LABEL)
            else:
                ax_lane = None
                ax = fig.add_subplot(1, 1, 1)
            ax.set_label(MAIN_LABEL)
            fig.subplots_adjust(left=0.1, right=0.76, top=0.84, bottom=0.27)
            [fig.text(0.012, 0.975, title.main, fontsize=13.5, weight="bold", va="top"),
                       fig.text(0.012, 0.905, f"{title.other}   ·   {summary}", fontsize=9.2, color="#444444",
                                va="top")]

            times = [r["observed_at"] for r in rows]
            span = max(times) - min(times)
            pad = max(span * 0.08, timedelta(hours=2))
            ax.set_xlim(min(times) - pad, max(times) + pad)
            full_span = span + 2 * pad
            ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=6))
            ax.xaxis.set_major_formatter(ticker.FuncFormatter(
                lambda x, _pos: date_tick(mdates.num2date(x), full_span)))
            ax.tick_params(axis="x", labelsize=8.5)
            ax.set_xlabel("reported (UTC)", fontsize=8.5, color="#444444")

            used: dict[str, bool] = {}
            _draw_lane(ax, main, unit, styles, used, offset_copy, fig, conflict_rings=True)
            _y_axis(ax, main, unit, consensus, ticker)
            _consensus_band(ax, consensus, used)
            _direct_labels(ax, main, unit)
            if ax_lane is not None:
                _draw_lane(ax_lane, lane, unit, styles, used, offset_copy, fig, conflict_rings=False)
                _y_axis(ax_lane, lane, unit, (None, None), ticker, few=True)
                ax_lane.yaxis.set_major_locator(ticker.NullLocator())
                ax_lane.yaxis.set_minor_locator(ticker.NullLocator())
                ax_lane.set_facecolor("#f2f2f2")
                ax_lane.tick_params(axis="x", labelbottom=False, length=0)
                ax_lane.spines["bottom"].set_visible(False)
                ax_lane.set_ylabel("unit\nerror", rotation=0, fontsize=8.5, weight="bold", labelpad=18,
                                   va="center", color=FLAG_UNIT_ERROR)
                ax_lane.set_title("probable unit errors: off by a power of ten, on their own scale", loc="left",
                                  fontsize=8.2, color="#444444", pad=3)
                _direct_labels(ax_lane, lane, unit, written=True)
                # broken-axis marks: the lane is not on the main scale
                kw = {"transform": fig.transFigure, "color": "#444444", "lw": 1, "clip_on": False}
                box = ax.get_position()
                for dy in (0.0, 0.012):
                    fig.add_artist(Line2D([box.x0 - 0.01, box.x0 + 0.01],
                                          [box.y1 + 0.012 + dy, box.y1 + 0.024 + dy], **kw))
                used["lane"] = True
            ax.grid(axis="y", alpha=0.25)
            outlets, marks = _legend(styles, [outlet_of(r) for r in rows], used, Line2D)
            fig.legend(handles=outlets, loc="lower left", ncol=min(len(outlets), 5), frameon=False, fontsize=8.6,
                       bbox_to_anchor=(0.0, 0.055), handletextpad=0.3, columnspacing=1.4)
            if marks:
                fig.legend(handles=marks, loc="lower left", ncol=len(marks), frameon=False, fontsize=7.8,
                           bbox_to_anchor=(0.0, 0.0), handletextpad=0.6, columnspacing=1.1, handlelength=1.6)
        except Exception:
            plt.close(fig)
            raise
    return fig


def _draw_lane(ax: Any, rows: Sequence[dict[str, Any]], unit: str, styles: dict[str, Style], used: dict[str, bool],
               offset_copy: Any, fig: Any, conflict_rings: bool) -> None:
    import matplotlib.dates as mdates

    times = [r["observed_at"] for r in rows]
    window = (max(times) - min(times)) * 0.012 if times else timedelta(0)
    window = max(window, timedelta(minutes=20))
    for n, r in enumerate(rows):
        i = r.get("_i")
        style = styles[outlet_of(r)]
        x, y = r["observed_at"], r["value"]
        near = sum(1 for m in rows[:n] if abs(m["observed_at"] - x) <= window)
        shift = offset_copy(ax.transData, fig=fig, x=8 * near, y=0, units="points")
        q = r.get("qualifier") or "exact"
        lo, hi = r.get("value_low"), r.get("value_high")
        marker = style.marker
        if q in numbers.UPPER_BOUNDS or q in numbers.LOWER_BOUNDS:
            up = q in numbers.LOWER_BOUNDS
            marker = "^" if up else "v"
            tip = offset_copy(ax.transData, fig=fig, x=8 * near, y=30 if up else -30, units="points")
            xn = mdates.date2num(x)
            ax.annotate("", xy=(xn, y), xycoords=tip, xytext=(xn, y), textcoords=shift,
                        arrowprops={"arrowstyle": "-|>", "color": style.color, "lw": 2, "mutation_scale": 14,
                                    "shrinkA": 0, "shrinkB": 0}, zorder=3)
            used["bound"] = True
        elif _finite(lo) and _finite(hi) and hi > lo:
            ax.vlines([x], [lo], [hi], colors=[style.color], linewidth=2.2, alpha=0.45, zorder=2, transform=shift)
            used["interval"] = True
        recited = bool(r.get("is_recitation"))
        point = ax.scatter([x], [y], s=64, marker=marker, facecolors="white" if recited else style.color,
                           edgecolors=style.color, linewidths=2, zorder=4, transform=shift)
        if recited:
            used["recited"] = True
        if i is not None:
            point.set_gid(f"obs-{i}")
            if r.get("url"):
                point.set_urls([r["url"]])
        if conflict_rings and r.get("relation_to_previous") == "conflicting":
            ax.scatter([x], [y], s=330, facecolors="none", edgecolors=FLAG_CONFLICT, linewidths=2.4, zorder=5,
                       transform=shift)
            used["conflict"] = True
        if not conflict_rings:
            ax.scatter([x], [y], s=260, marker="s", facecolors="none", edgecolors=FLAG_UNIT_ERROR,
                       linewidths=1.6, linestyle="--", zorder=5, transform=shift)


def _y_axis(ax: Any, rows: Sequence[dict[str, Any]], unit: str, consensus: tuple[float | None, float | None],
            ticker: Any, few: bool = False) -> None:
    vals = [r["value"] for r in rows if _finite(r["value"])]
    for r in rows:
        if (r.get("qualifier") or "exact") not in numbers.BOUND_SIGNS:
            vals += [v for v in (r.get("value_low"), r.get("value_high")) if _finite(v)]
    vals += [v for v in consensus if _finite(v)]
    lo, hi = min(vals), max(vals)
    fmt = ticker.FuncFormatter(lambda v, _pos: numbers.compact(v, unit, with_unit=False))
    if lo > 0 and hi / lo > 20:
        ax.set_yscale("log")
        ax.set_ylim(lo / 2.2, hi * 2.2)
        ax.yaxis.set_major_locator(ticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0), numticks=12))
        ax.yaxis.set_minor_formatter(ticker.NullFormatter())
        ax.yaxis.set_minor_locator(ticker.NullLocator())
    else:
        pad = (hi - lo) * 0.35 if hi > lo else max(abs(hi) * 0.3, 1e-9)
        ax.set_ylim(lo - pad, hi + pad)
        ax.yaxis.set_major_locator(ticker.MaxNLocator(3 if few else 5, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(fmt)
    ax.tick_params(axis="y", labelsize=8.5)


def _consensus_band(ax: Any, consensus: tuple[float | None, float | None], used: dict[str, bool]) -> None:
    lo, hi = consensus
    if lo is None or hi is None or math.isnan(lo):
        return
    top = ax.get_ylim()[1]
    hi = top if math.isinf(hi) else hi
    bottom, upper = ax.get_ylim()
    thin = (upper - bottom) * 0.012 if ax.get_yscale() == "linear" else 0
    ax.axhspan(lo - thin, hi + thin, color=CONSENSUS_COLOR, alpha=0.22, zorder=0, linewidth=0)
    used["consensus"] = True


def _direct_labels(ax: Any, rows: Sequence[dict[str, Any]], unit: str, written: bool = False) -> None:
    """Each distinct value, labelled once at the right edge (pushed apart so labels never overlap)."""
    labels: dict[str, float] = {}
    for r in rows:
        text = point_label(r, unit)
        if written and r.get("surface"):
            text = f"{r['surface']} → {text}"
        labels.setdefault(text, r["value"])
    if not labels:
        return
    bottom, top = ax.get_ylim()
    log = ax.get_yscale() == "log"

    def frac(v: float) -> float:
        if log:
            return (math.log10(v) - math.log10(bottom)) / (math.log10(top) - math.log10(bottom))
        return (v - bottom) / (top - bottom)

    items = sorted(labels.items(), key=lambda kv: kv[1])[:10]
    height = ax.get_position().height * ax.figure.get_figheight()
    gap = min(0.5, 0.2 / max(height, 0.3))
    raw = [frac(v) for _, v in items]
    placed = _spread_labels(raw, gap)
    for (text, _), y0, y1 in zip(items, raw, placed, strict=True):
        ax.annotate(text, xy=(1.0, y0), xycoords="axes fraction", xytext=(1.03, y1), textcoords="axes fraction",
                    fontsize=8.8, va="center", color="#222222",
                    arrowprops={"arrowstyle": "-", "color": "#aaaaaa", "lw": 0.8, "shrinkA": 0, "shrinkB": 0})


def _legend(styles: dict[str, Style], outlets: list[str], used: dict[str, bool],
            Line2D: Any) -> tuple[list[Any], list[Any]]:  # noqa: N803
    """(one entry per outlet, one per kind of mark the card uses)."""
    names = []
    for o in dict.fromkeys(outlets):
        s = styles[o]
        names.append(Line2D([], [], marker=s.marker, linestyle="", color=s.color, markersize=8,
                            label=outlet_name(o)))
    handles: list[Any] = []
    if used.get("recited"):
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#555555",
                              markeredgewidth=1.8, markersize=7, label="hollow: re-cites an earlier value"))
    if used.get("conflict"):
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none",
                              markeredgecolor=FLAG_CONFLICT, markeredgewidth=2.2, markersize=9,
                              label="ring: conflicts with earlier report"))
    if used.get("bound"):
        handles.append(Line2D([], [], marker="v", linestyle="", color="#555555", markersize=7,
                              label="arrow: bound (less / more than)"))
    if used.get("consensus"):
        handles.append(Line2D([], [], linewidth=8, color=CONSENSUS_COLOR, alpha=0.35,
                              label="band: range most outlets agree on"))
    if used.get("lane"):
        handles.append(Line2D([], [], marker="s", linestyle="", markerfacecolor="none",
                              markeredgecolor=FLAG_UNIT_ERROR, markersize=10, label="top lane: unit error"))
    return names, handles


_GID = re.compile(r'<g id="obs-(\d+)">')


def _with_tooltips(svg: str, rows: Sequence[dict[str, Any]], unit: str) -> str:
    """The SVG with each point's tooltip (``<title>``), outlet, date and sentence, and without its XML
    prologue (it is inlined into the HTML report)."""
    by_i = {r["_i"]: r for r in rows if "_i" in r}

    def add(m: re.Match[str]) -> str:
        r = by_i.get(int(m[1]))
        if r is None:
            return m[0]
        return f'{m[0]}<title>{html.escape(tooltip(r, unit))}</title>'

    svg = svg[svg.index("<svg"):]
    return _GID.sub(add, svg)
