"""The metric vocabulary (``data/metrics.json``) and how a figure gets its metric.

Scoring: every cue word in the sentence votes for the metrics that list it and that can measure the
figure's unit, with weight ``1 / (1 + distance / 12)`` (distance in characters between the cue and the
figure; 10% more for a cue before the figure), halved when a figure of another unit family stands closer
to the cue, and
cut to 30% when the metric asks for a nearby entity (``near_entities``/``near_kinds``) that is absent;
generic ``weak`` cues ("비용", "cost", "spent") then count for nothing: they mean a training cost only
near DeepSeek, R1, V3, OpenAI... The best vote wins if it reaches 0.1 (a tie goes to the metric with
more votes in all); otherwise the unit's default (chips → chip_count, years → duration...), else the metric the previous
sentence gave the same unit ("The Times put the figure at about $6 million"), else ``other``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .trie import trie_pattern

__all__ = [
    "ACCOUNTS_METRICS", "BACKLOG_CHANGE_SCOPE", "BACKLOG_SCOPE", "BUYBACK_SCOPE", "COMPARED_OTHER_SCOPES",
    "COMPARED_OTHER_SCOPE_PREFIXES", "EXPORT_KINDS", "EXPORT_SCOPES", "FORTUNE_SCOPE", "METRICS",
    "MARKET_SHARE_SCOPE", "MARKET_SHARE_SCOPE_PREFIX", "NET_BUYING_SCOPE", "NET_SELLING_SCOPE", "NET_TRADE_SCOPES",
    "OPERATING_COST_SCOPE", "POWER_SCOPE", "POWER_TOTAL_SCOPE", "STAKE_SCOPE_PREFIX", "STAKE_VALUE_SCOPE_PREFIX",
    "CueHit", "MetricDef", "assign_metric", "chip_in_key", "cue_hits", "is_event_metric", "is_market_share",
    "is_net_trade", "is_model_metric", "load_metrics", "metric_accepts", "property_cue_starts",
]

DATA = Path(__file__).parent / "data" / "metrics.json"


@dataclass(frozen=True)
class MetricDef:
    """One metric of the vocabulary."""

    name: str
    units: frozenset[str]  # {"*"} for any unit
    near_entities: frozenset[str]
    near_kinds: frozenset[str]
    cues: dict[str, tuple[str, ...]]
    weak: dict[str, frozenset[str]]  # cues that count only next to a near entity
    kind: str = "property"  # "event" (happens on a date) or "property" (the same quantity whenever reported)
    model_scoped: bool = False  # what a model has (training cost, chips, hours): may be scoped to one model
    chip_in_key: bool = True  # whether the chip named beside the figure makes it another claim
    accounts: bool = False  # a figure of a company's accounts: of a fiscal period (a quarter, a year), not a day

    def accepts(self, unit: str) -> bool:
        return "*" in self.units or unit in self.units


@dataclass(frozen=True)
class CueHit:
    """A cue word found in a sentence and the metrics it points to."""

    start: int
    end: int
    metrics: tuple[str, ...]
    weak: frozenset[str] = frozenset()  # metrics for which this cue is weak


@lru_cache(maxsize=1)
def _raw() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_metrics() -> tuple[MetricDef, ...]:
    """The metric definitions, unit groups expanded."""
    raw = _raw()
    groups = raw["unit_groups"]
    out = []
    for m in raw["metrics"]:
        units: set[str] = set()
        for u in m["units"]:
            units.update(groups.get(u, [u]))
        out.append(
            MetricDef(
                m["metric"],
                frozenset(units),
                frozenset(m.get("near_entities", [])),
                frozenset(m.get("near_kinds", [])),
                {lang: tuple(cues) for lang, cues in m["cues"].items()},
                {lang: frozenset(c.lower() for c in cues) for lang, cues in m.get("weak", {}).items()},
                m.get("kind", "property"),
                bool(m.get("model_scoped", False)),
                bool(m.get("chip_in_key", True)),
                bool(m.get("accounts", False)),
            )
        )
    return tuple(out)


METRICS: tuple[str, ...] = tuple(m.name for m in load_metrics())
# metrics of a company's accounts ("accounts": true): revenue, profit, a charge; dated by their fiscal period
ACCOUNTS_METRICS: frozenset[str] = frozenset(m.name for m in load_metrics() if m.accounts)


def is_event_metric(metric: str) -> bool:
    """Whether figures of ``metric`` are about an event with a date (a market move, a charge, a deal...):
    ``kind: "event"`` in the vocabulary. Unknown metrics are properties."""
    return any(m.name == metric and m.kind == "event" for m in load_metrics())


# Scopes that name a segment of a quantity rather than a model or a comparand (``figures.SEGMENTS``)
SEGMENT_PREFIXES = ("on ", "in ", "as ", "of ")
# a person's wealth: metric "other" (the vocabulary has none for it), but a quantity the tracker can compare
FORTUNE_SCOPE = "as fortune"
# a forecast is another quantity than the result: the company's own (guidance), or analysts' (estimate)
GUIDANCE_SCOPE = "as guidance"
ESTIMATE_SCOPE = "as estimate"
# what it costs to run something (SemiAnalysis's "$944 million" to operate DeepSeek's clusters): metric "other",
# neither capital spending nor a training cost, but one quantity the tracker can compare
OPERATING_COST_SCOPE = "as operating cost"
# power capacity ("10 gigawatts of Nvidia systems", "6GW 규모"): metric other, one comparable quantity
POWER_SCOPE = "as power capacity"
POWER_TOTAL_SCOPE = "as total power capacity"  # the sum of a company's deals ("엔비디아 10GW와 AMD 6GW를 합쳐 16GW")
# a holder's stake in a named company ("stake in OpenAI") and what that stake is worth ("stake value in OpenAI")
STAKE_SCOPE_PREFIX = "stake in "
STAKE_VALUE_SCOPE_PREFIX = "stake value in "
# an investor group's net trading on a day ("외국인은 2조5000억 원어치를 순매도했다"): metric other, a session's event
NET_SELLING_SCOPE = "as net selling"
NET_BUYING_SCOPE = "as net buying"
NET_TRADE_SCOPES = frozenset({NET_SELLING_SCOPE, NET_BUYING_SCOPE})
# a company's share of a market in a period ("SK hynix held 62% of the HBM market in the second quarter"): metric
# other, scope "market share in HBM" (or "as market share" when the sentence names no market)
MARKET_SHARE_SCOPE = "as market share"
# a country's exports of a month (exports.py): chips, all goods, per working day; "of …" scopes their changes
EXPORT_KINDS = ("chip exports", "exports", "daily exports", "annual chip exports", "annual exports")
EXPORT_SCOPES = frozenset(f"as {k}" for k in EXPORT_KINDS)
MARKET_SHARE_SCOPE_PREFIX = "market share in "
# the money a company authorises to buy back its own shares: metric other, announced on a day (like a deal)
BUYBACK_SCOPE = "as buyback"
# a company's contracted revenue not yet recognised ("remaining performance obligations of $455 billion", "수주
#잔고"): metric other, of a quarter's end; its growth is a percent change scoped "of backlog"
BACKLOG_SCOPE = "as backlog"
BACKLOG_CHANGE_SCOPE = "of backlog"
# the scopes that make an "other" figure a quantity of its own, compared like any metric's
# (a net trade's scope may go on: "as net selling over several sessions")
COMPARED_OTHER_SCOPES = frozenset({FORTUNE_SCOPE, OPERATING_COST_SCOPE, POWER_SCOPE, POWER_TOTAL_SCOPE,
                                   MARKET_SHARE_SCOPE, *EXPORT_SCOPES,
                                   BUYBACK_SCOPE, BACKLOG_SCOPE})
COMPARED_OTHER_SCOPE_PREFIXES = (STAKE_SCOPE_PREFIX, STAKE_VALUE_SCOPE_PREFIX, MARKET_SHARE_SCOPE_PREFIX,
                                 NET_SELLING_SCOPE, NET_BUYING_SCOPE)


def is_net_trade(scope: str | None) -> bool:
    """Whether a claim scope is an investor group's net selling or buying ("as net selling", "… over several
    sessions")."""
    return bool(scope) and scope.startswith((NET_SELLING_SCOPE, NET_BUYING_SCOPE))


def is_market_share(scope: str | None) -> bool:
    """Whether a claim scope is a market share ("market share in HBM", "as market share")."""
    return bool(scope) and (scope == MARKET_SHARE_SCOPE or scope.startswith(MARKET_SHARE_SCOPE_PREFIX))


def is_segment(scope: str | None) -> bool:
    """Whether a claim scope is a segment ("on GPUs", "in data center", "as orders", "of revenue"), not a model
    or a comparand."""
    return bool(scope) and scope.startswith(SEGMENT_PREFIXES)


def is_model_metric(metric: str) -> bool:
    """Whether a figure of ``metric`` can be about one model of its subject (``model_scoped`` in the
    vocabulary: a training cost, training chips, GPU-hours...), not only about the company."""
    return any(m.name == metric and m.model_scoped for m in load_metrics())


def chip_in_key(metric: str) -> bool:
    """Whether the chip of a figure of ``metric`` is part of its claim (``chip_in_key``, true unless the
    vocabulary says otherwise: "$5.6 million using H800 chips" is the same training cost as "$5.6 million")."""
    return not any(m.name == metric and not m.chip_in_key for m in load_metrics())


def metric_accepts(metric: str, unit: str) -> bool:
    """Whether ``metric`` can measure figures in ``unit`` (its ``units`` in the vocabulary)."""
    return any(m.name == metric and m.accepts(unit) for m in load_metrics())


def _defaults() -> dict[str, str]:
    return dict(_raw()["defaults"])


@lru_cache(maxsize=2)
def _matcher(
    language: str,
) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], list[tuple[re.Pattern[str], str]], dict[str, frozenset[str]]]:
    table: dict[str, list[str]] = {}
    weak: dict[str, set[str]] = {}
    regex_cues: list[tuple[re.Pattern[str], str]] = []
    for m in load_metrics():
        for cue in m.cues.get(language, ()):
            if cue.startswith("re:"):
                regex_cues.append((re.compile(cue[3:], re.I), m.name))
                continue
            key = re.sub(r"\s+", " ", cue.lower())
            if key in m.weak.get(language, ()):
                weak.setdefault(key, set()).add(m.name)
            table.setdefault(key, [])
            if m.name not in table[key]:
                table[key].append(m.name)
    for word in _raw().get("stopwords", {}).get(language, ()):
        table.setdefault(re.sub(r"\s+", " ", word.lower()), [])  # absorbs the match, votes for nothing
    if language == "en":
        body = trie_pattern(table, r"\s+")
        pattern = re.compile(rf"(?<![A-Za-z])(?:{body})(?:s|es|ed|d|ing)?(?![A-Za-z])", re.I)
    else:
        pattern = re.compile(trie_pattern(table, r"\s?"), re.I)
    return pattern, {k: tuple(v) for k, v in table.items()}, regex_cues, {k: frozenset(v) for k, v in weak.items()}


def _lookup(surface: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The table key a matched cue surface stands for (ignoring spacing and an English ending)."""
    key = re.sub(r"\s+", " ", surface.lower())
    if key in table:
        return key
    for suffix in ("ing", "ed", "es", "s", "d"):
        if key.endswith(suffix) and key[: -len(suffix)] in table:
            return key[: -len(suffix)]
    for k in table:
        if k.replace(" ", "") == key.replace(" ", ""):
            return k
    return None


def cue_hits(sentence: str, language: str) -> list[CueHit]:
    """Every cue word in ``sentence`` with the metrics it points to."""
    pattern, table, regex_cues, weak = _matcher(language)
    hits = []
    for m in pattern.finditer(sentence):
        key = _lookup(m.group(), table)
        if key is not None and table[key]:
            hits.append(CueHit(m.start(), m.end(), table[key], weak.get(key, frozenset())))
    for rx, name in regex_cues:
        # (a pattern may name the part that is the cue: "(?P<cue>cost)" after "Buying ... would have")
        hits.extend(CueHit(m.start("cue"), m.end("cue"), (name,)) if "cue" in rx.groupindex
                    else CueHit(m.start(), m.end(), (name,)) for m in rx.finditer(sentence))
    return hits


_NOT_PROPERTIES = frozenset({"chip_count", "company_count", "duration", "compute_hours", "ratio", "other"})


def property_cue_starts(hits: list[CueHit]) -> list[int]:
    """Start offsets of cue words naming a property of an entity (revenue, cost, market value...), not a
    counted noun (chips, companies) or a duration: "엔비디아의 시가총액", "Nvidia's revenue"."""
    return [h.start for h in hits if any(n not in _NOT_PROPERTIES for n in h.metrics)]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


# a level a change reached: "rose 32% to 12.1 trillion won"
_CHANGED_TO = re.compile(r"\b(?:to|at)\s+(?:a\s+record\s+|about\s+|roughly\s+)?$", re.I)
_TO_LEVEL = re.compile(r"\s+to\s+(?:a\s+record\s+|about\s+|roughly\s+|nearly\s+)?", re.I)
# the words between a cue and the figure it opens ("revenue of $33.73 billion")
_OPENS_FIGURE = re.compile(r"\s*(?:of|at|was|were|is|came\s+to|totalled|totaled)?\s*", re.I)


def assign_metric(
    hits: list[CueHit],
    span: tuple[int, int],
    unit: str,
    other_spans: Iterable[tuple] = (),
    context: Iterable[str] = (),
    family: str = "",
    inherited: str | None = None,
    text: str = "",
) -> str:
    """The metric of a figure at ``span`` (sentence offsets) with ``unit``.

    ``context`` holds the canonical names and kinds of the entities in the sentence and the figure's
    subject; ``other_spans`` the other figures of the sentence as (start, end, unit family). A cue
    closer to another figure of a different unit family counts half ("shares closed" belongs to the
    share price, not to the market value loss before it); ``family`` is this figure's unit family; ``text`` the
    sentence, to tell a cue that opens another figure ("on revenue of $33.73 billion") from one that governs this.
    """
    defs = {m.name: m for m in load_metrics()}
    ctx = set(context)
    others = [s for s in other_spans if s[:2] != span]
    scores: dict[str, float] = {}
    totals: dict[str, float] = {}
    cued_before = any(h.end <= span[0] for h in hits)
    for h in hits:
        if h.start < span[1] and span[0] < h.end and (h.end - h.start) < (span[1] - span[0]):
            d = 0
        else:
            d = _distance((h.start, h.end), span)
        weight = 1.0 / (1.0 + d / 12.0)
        if h.end <= span[0]:
            weight *= 1.1
        # (a cue right against the figure is its own: "closed down 17% on Monday at $118.42")
        # (or joined to it by a particle alone: "1시간 빌리는 값을 2달러로" is the price, not the hour's)
        if d > 2 and any(_distance((h.start, h.end), o[:2]) < d and (len(o) < 3 or o[2] != family) for o in others) \
                and not (h.end <= span[0] and _CHANGED_TO.search(text, max(0, span[0] - 8), span[0])):
            # (but "operating profit rose 32% from a year earlier to 12.1 trillion won": the level a change
            # reached is of the quantity that changed)
            weight *= 0.5
        elif d > 6 and h.start >= span[1] and cued_before and any(
                0 <= o[0] - h.end <= 4 and _OPENS_FIGURE.fullmatch(text[h.end : o[0]]) for o in others):
            # ("net profit rose 35% to T$505.7 billion, … on revenue of $33.73 billion": a cue after the figure
            # that opens the next figure is that figure's own, when a cue before this one speaks for it)
            weight *= 0.5
        elif h.start >= span[1] and cued_before and "," in text[span[1] : h.start] and any(
                o[0] >= h.end and "," not in text[h.end : o[0]] for o in others):
            # ("영업이익 전망치 평균은 11조3000억 원, 매출 전망치는 24조7000억 원": a cue past a comma that heads the
            # next figure is that figure's, when a cue before this one speaks for it)
            weight *= 0.5
        level_reached = h.end <= span[0] and unit == "percent" and bool(_TO_LEVEL.fullmatch(text, h.end, span[0]))
        for name in h.metrics:
            mdef = defs.get(name)
            if mdef is None or not mdef.accepts(unit):
                continue
            w = weight
            if level_reached and name == "percent_change":
                w *= 0.3  # "Gross margin rose to 59.5%": the level the margin reached, not a change
            if (mdef.near_entities or mdef.near_kinds) and not (ctx & (mdef.near_entities | mdef.near_kinds)):
                w *= 0.0 if name in h.weak else 0.3
            scores[name] = max(scores.get(name, 0.0), w)
            totals[name] = totals.get(name, 0.0) + w
    if scores:
        # the strongest vote wins; a tie goes to the metric more cue words point to ("spent about $1.6bn on
        # servers": "spent" votes for a training cost and an investment alike, "servers" only for the latter)
        best = max(scores, key=lambda k: (round(scores[k], 2), totals[k]))
        if scores[best] >= 0.1:
            return best
    default = _defaults().get(unit, "other")
    if default == "other" and inherited and (inherited not in defs or defs[inherited].accepts(unit)):
        return inherited  # only a metric that can measure this unit (people are never a chip count)
    return default
