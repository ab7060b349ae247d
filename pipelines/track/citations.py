"""Who copied whom: reports that name the outlet they took a figure from, linked to that outlet's report.

Input: the facts the tracker reads (with ``attributed_to`` and ``language``) and the observations built from
them. Output: the rows of ``marts.figure_citations`` (one per figure whose sentence names a source) and, for
``marts.figure_observations``, ``cites_fact_id``.

- **Who is cited.** ``attributed_to`` (the extractor's canonical entity: "according to The New York Times",
  "NYT에 따르면", "told CNBC") is normalised to an outlet where the outlet table (``sources/outlet_table``)
  or the alias table's ``role: "outlet"`` knows it, so it names the outlet as ``core.articles.outlet``
  does; otherwise it stays the alias table's entity, with its kind (``person``, ``org``, ``agency``...).
- **Which report is cited.** A figure attributed to an outlet other than its own is linked to that
  outlet's earliest report, published before it, that matches it, best match first: the same claim with
  agreeing values (``same_claim``); the same metric and chip with agreeing values, for figures whose subject
  the text does not name (``same_metric``); the same claim with disagreeing values (a misquote:
  ``same_claim``); another metric of the same dimension with the same value or a rounding of it
  (``same_value``: the extractor read one deal as an investment). Amounts are compared in USD at the month's
  rate, durations in days, with the intervals and relations of ``relations``.
- **What the re-citation loses.** ``dropped_qualifier``: the cited report's "more than", "less than" or
  "about" is gone ("more than 2,000 chips" re-cited as "2,000개"); ``dropped_date``: the cited report says
  when (its ``refers_to``, or for an event metric such as a deal the month it was reported) and the
  re-citation, published at least ``DATE_LOSS_DAYS`` later, says nothing (a deal of August 2024 re-cited in
  January 2025 as if it were news); ``rounding_changes_meaning``: a rounding that moves the figure by more
  than ``MEANINGFUL_SHARE`` or carries it across a round number ($4.96 billion as "$5 billion", 49.6% as
  "half").
- **Chains.** A re-citation of a re-citation points at its direct source (``cites_fact_id``) and at the
  chain's first report (``root_fact_id``, ``hops``).

A linked report is a re-citation (``is_recitation``) even when the values differ by rounding or a dropped
qualifier. How claims are keyed is not changed here: the links are made between existing facts.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import polars as pl

from pipelines.extract.entities import entity_table
from pipelines.extract.intervals import Interval, interval_for
from pipelines.extract.metrics import is_event_metric
from pipelines.records import FigureCitation, columns, polars_schema
from pipelines.sources.outlet_table import known_outlet
from pipelines.track.claims import DAYS_PER, dimension
from pipelines.track.fx import CURRENCIES, per_usd
from pipelines.track.relations import relation

CITATION_COLUMNS = columns(FigureCitation)
_SCHEMA = polars_schema(FigureCitation)

# A re-citation that states no date, published this many days or more after the report it cites, has lost
# the date (a day later, "yesterday's deal" is still read as news of the day; months later it is not).
DATE_LOSS_DAYS = 30
# A rounding that moves a figure by more than this share of it changes what it says ($5.576M as "$6 million").
MEANINGFUL_SHARE = 0.05
AGREEING = ("consistent", "rounding", "bound")
DISAGREEING = ("conflicting", "probable_unit_error")
# The wording a qualifier stands for, by what it tells the reader; losing one is losing that.
_QUALIFIER_SENSE = {
    "more_than": "lower_bound", "at_least": "lower_bound",
    "less_than": "upper_bound", "at_most": "upper_bound", "up_to": "upper_bound",
    "approx": "approx",
}
# Match kinds, best first (with the relation they need), see the module docstring.
_MATCHES = ("same_claim", "same_metric", "same_claim_disagreeing", "same_value")


@lru_cache(maxsize=1)
def _entities() -> dict[str, tuple[str, bool]]:
    """Canonical entity name -> (kind, is an outlet)."""
    return {e.canonical: (e.kind, e.role == "outlet") for e in entity_table()}


def normalise_source(name: str | None) -> tuple[str | None, str | None]:
    """(cited, cited_kind) for an ``attributed_to`` value: an outlet as ``core.articles.outlet`` names it
    (``"outlet"``), else the alias table's entity and its kind (``person``, ``org``, ``agency``, ...).

    >>> normalise_source("뉴욕타임스")
    ('The New York Times', 'outlet')
    """
    if not name or not name.strip():
        return None, None
    name = name.strip()
    outlet = known_outlet(name)
    if outlet:
        return outlet, "outlet"
    kind, is_outlet = _entities().get(name, (None, False))
    if is_outlet:
        return name, "outlet"
    return name, kind


@dataclass
class _Report:
    """A fact as the matcher sees it: its claim, time and value in the claim's unit."""

    fact_id: str
    outlet: str | None
    article_id: str
    time: datetime
    claim: str | None  # the observation's claim key, or the fact's when it has a subject; None otherwise
    metric: str
    chip: str | None
    dim: str
    value: float
    interval: Interval
    qualifier: str
    unit: str
    raw_value: float
    refers_to: str | None
    surface: str


def _time(version: int, published_at: datetime | None, modified_at: datetime | None,
          fetched_at: datetime) -> datetime:
    from pipelines.track.observations import observation_time  # observations imports this module's hook

    t = observation_time(version, published_at, modified_at, fetched_at)
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _in_claim_unit(unit: str, value: float, iv: Interval, when: datetime) -> tuple[float, Interval]:
    if unit in CURRENCIES and unit != "USD":
        rate = per_usd(unit, when)
        return value / rate, Interval(iv.low / rate, iv.high / rate, iv.low_closed, iv.high_closed)
    per = DAYS_PER.get(unit)
    if per:
        return value * per, Interval(iv.low * per, iv.high * per, iv.low_closed, iv.high_closed)
    return value, iv


def _reports(facts: pl.DataFrame, obs: pl.DataFrame, outlets: set[str]) -> list[_Report]:
    """The figures that cite a source or belong to one of the cited ``outlets``, as the matcher sees them."""
    claim_of = dict(zip(obs["fact_id"].to_list(), obs["claim_key"].to_list(), strict=True)) if obs.height else {}
    out: list[_Report] = []
    who = pl.coalesce("outlet", "source") if "outlet" in facts.columns else pl.col("source")
    keep = pl.col("value").is_not_null() & (pl.col("attributed_to").is_not_null() | who.is_in(list(outlets)))
    if "linked_fact_id" in facts.columns:
        keep = keep & pl.col("linked_fact_id").is_null()
    for r in facts.filter(keep).iter_rows(named=True):
        iv = interval_for(r["qualifier"], r["value"], r["value_low"], r["value_high"])
        if iv is None:
            continue
        when = _time(r["version"], r.get("published_at"), r.get("modified_at"), r["fetched_at"])
        value, civ = _in_claim_unit(r["unit"], r["value"], iv, when)
        claim = claim_of.get(r["fact_id"]) or (r["claim_key"] if r.get("subject") else None)
        out.append(_Report(r["fact_id"], r.get("outlet") or r.get("source"), r["article_id"], when, claim,
                           r["metric"], r.get("chip"), dimension(r["unit"]), value, civ, r["qualifier"],
                           r["unit"], r["value"], r.get("refers_to"), r["surface"]))
    return out


def _relation(cur: _Report, prev: _Report) -> str:
    return relation(cur.value, cur.interval, cur.qualifier, prev.value, prev.interval, prev.qualifier,
                    converted=cur.unit != prev.unit)


_ROUND_STEPS = (1.0, 2.0, 5.0)


def _crosses_round_number(cited: float, recited: float) -> bool:
    """Whether ``recited`` stands on the other side of a round number (1, 2 or 5 × 10^k) than ``cited``, or
    reaches one from below ($4.96 billion → $5 billion: "under five billion" becomes "five billion")."""
    a, b = abs(cited), abs(recited)
    if a == 0 or b == 0 or a == b:
        return False
    lo, hi = min(a, b), max(a, b)
    k = math.floor(math.log10(lo))
    for exp in range(k, k + 3):
        for step in _ROUND_STEPS:
            r = step * 10.0 ** exp
            if lo < r < hi or (a < r and math.isclose(b, r, rel_tol=1e-9)):
                return True
    return False


def rounding_changes_meaning(cited: float, recited: float) -> bool:
    """A rounding that changes what the figure says: off by more than ``MEANINGFUL_SHARE`` of it, or across
    a round number."""
    if cited == 0:
        return recited != 0
    return abs(recited - cited) > MEANINGFUL_SHARE * abs(cited) or _crosses_round_number(cited, recited)


def _dropped_qualifier(cited: str, recited: str) -> str | None:
    sense = _QUALIFIER_SENSE.get(cited)
    if sense is None:
        return None
    if sense == "approx":
        return cited if recited == "exact" else None
    return cited if _QUALIFIER_SENSE.get(recited) != sense else None


def _dropped_date(cited: _Report, cur: _Report, cited_metric: str) -> str | None:
    if cur.refers_to or (cur.time - cited.time).days < DATE_LOSS_DAYS:
        return None
    if cited.refers_to:
        return cited.refers_to
    if is_event_metric(cited_metric):
        return cited.time.strftime("%Y-%m")
    return None


# Two reports whose intervals meet have values within this factor of each other (an "about" is at most ±15 %,
# a conversion adds 5 %): the same-value search looks no further.
_VALUE_WINDOW = 1.5


class _Pool:
    """The cited outlets' reports, indexed for the matcher: by claim, by metric and by value, in time order."""

    def __init__(self, reports: list[_Report]):
        reports = sorted(reports, key=lambda r: (r.time, r.fact_id))
        self.by_claim: dict[tuple, list[_Report]] = {}
        self.by_metric: dict[tuple, list[_Report]] = {}
        by_value: dict[tuple, list[_Report]] = {}
        for r in reports:
            if r.claim is not None:
                self.by_claim.setdefault((r.outlet, r.claim), []).append(r)
            self.by_metric.setdefault((r.outlet, r.metric, r.dim), []).append(r)
            by_value.setdefault((r.outlet, r.dim), []).append(r)
        self.by_value = {k: sorted(v, key=lambda r: r.value) for k, v in by_value.items()}
        self.values = {k: [r.value for r in v] for k, v in self.by_value.items()}

    @staticmethod
    def _before(cands: list[_Report], cur: _Report):
        for c in cands:
            if c.time >= cur.time:
                return
            if c.article_id != cur.article_id and c.dim == cur.dim:
                yield c

    def best(self, cur: _Report, outlet: str) -> tuple[int, _Report, str] | None:
        """(rank, report, relation) of ``outlet``'s earliest report ``cur`` re-cites, best rank first."""
        same_claim = self.by_claim.get((outlet, cur.claim), []) if cur.claim is not None else []
        for c in self._before(same_claim, cur):
            rel = _relation(cur, c)
            if rel in AGREEING:
                return 0, c, rel
        for c in self._before(self.by_metric.get((outlet, cur.metric, cur.dim), []), cur):
            if (cur.claim is None or c.claim is None) and (cur.chip is None or c.chip is None or cur.chip == c.chip):
                rel = _relation(cur, c)
                if rel in AGREEING:
                    return 1, c, rel
        for c in self._before(same_claim, cur):
            return 2, c, _relation(cur, c)
        key = (outlet, cur.dim)
        values = self.values.get(key)
        if not values:
            return None
        lo, hi = sorted((cur.value / _VALUE_WINDOW, cur.value * _VALUE_WINDOW))
        found: tuple[int, _Report, str] | None = None
        for c in self.by_value[key][bisect_left(values, lo): bisect_right(values, hi)]:
            if c.time >= cur.time or c.article_id == cur.article_id or (found and c.time >= found[1].time):
                continue
            rel = _relation(cur, c)
            if rel in ("consistent", "rounding"):
                found = (3, c, rel)
        return found


def build_citations(facts: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """``marts.figure_citations`` from the tracker's facts (needs ``attributed_to``; ``language`` if known)
    and the observations built from them: one row per figure with a value whose sentence names its source."""
    if facts.is_empty() or "attributed_to" not in facts.columns:
        return _empty()
    cited_rows = facts.filter(pl.col("attributed_to").is_not_null() & pl.col("value").is_not_null())
    if "linked_fact_id" in cited_rows.columns:
        cited_rows = cited_rows.filter(pl.col("linked_fact_id").is_null())
    if cited_rows.is_empty():
        return _empty()
    names = {n: normalise_source(n) for n in cited_rows["attributed_to"].unique().to_list()}
    wanted = {c for c, k in names.values() if k == "outlet"}
    reports = _reports(facts, obs, wanted)
    by_id = {r.fact_id: r for r in reports}
    pool = _Pool([r for r in reports if r.outlet in wanted])
    metric_of = dict(zip(facts["fact_id"].to_list(), facts["metric"].to_list(), strict=True))
    lang_of = dict(zip(facts["fact_id"].to_list(), facts["language"].to_list(), strict=True)) \
        if "language" in facts.columns else {}
    rows: list[dict] = []
    for f in cited_rows.sort("fact_id").iter_rows(named=True):
        cur = by_id.get(f["fact_id"])
        if cur is None:  # a vague amount has no value to match
            continue
        cited, kind = names[f["attributed_to"]]
        row = {"fact_id": cur.fact_id, "claim_key": cur.claim or f["claim_key"], "outlet": cur.outlet,
               "language": lang_of.get(cur.fact_id), "observed_at": cur.time, "surface": f["surface"],
               "qualifier": cur.qualifier, "refers_to": cur.refers_to, "attributed_to": f["attributed_to"],
               "cited": cited, "cited_kind": kind}
        best = pool.best(cur, cited) if kind == "outlet" and cited != cur.outlet else None
        if best is not None:
            rank, src, rel = best
            rounding = rel == "rounding" and src.unit == cur.unit and rounding_changes_meaning(
                src.raw_value, cur.raw_value)
            dq = _dropped_qualifier(src.qualifier, cur.qualifier)
            dd = _dropped_date(src, cur, metric_of[src.fact_id])
            row.update({
                "cites_fact_id": src.fact_id, "cites_outlet": src.outlet, "cites_observed_at": src.time,
                "cites_surface": src.surface, "cites_qualifier": src.qualifier,
                "cites_refers_to": src.refers_to, "match": _MATCHES[rank].replace("_disagreeing", ""),
                "relation": rel, "lag_days": (cur.time - src.time).total_seconds() / 86400,
                "dropped_qualifier": dq, "dropped_date": dd, "rounding_changes_meaning": rounding,
                "loses_information": bool(dq or dd or rounding),
            })
        rows.append(row)
    if not rows:
        return _empty()
    out = pl.DataFrame(rows, schema={c: _SCHEMA[c] for c in CITATION_COLUMNS if c not in ("root_fact_id", "hops",
                                                                                            "root_outlet",
                                                                                            "root_observed_at")})
    return _with_roots(out, by_id)


def _with_roots(cites: pl.DataFrame, by_id: dict[str, _Report]) -> pl.DataFrame:
    """The chain's first report for each linked row: follow ``cites_fact_id`` while the cited report itself
    cites another outlet's."""
    parent = {a: b for a, b in zip(cites["fact_id"].to_list(), cites["cites_fact_id"].to_list(), strict=True) if b}
    roots, hops = [], []
    for fid in cites["fact_id"].to_list():
        node, n, seen = parent.get(fid), 0, {fid}
        root = None
        while node is not None and node not in seen:
            seen.add(node)
            root, n = node, n + 1
            node = parent.get(node)
        roots.append(root)
        hops.append(n if root else None)
    root_outlet = [by_id[r].outlet if r else None for r in roots]
    root_time = [by_id[r].time if r else None for r in roots]
    return cites.with_columns(
        pl.Series("root_fact_id", roots, dtype=pl.String),
        pl.Series("root_outlet", root_outlet, dtype=pl.String),
        pl.Series("root_observed_at", root_time, dtype=_SCHEMA["root_observed_at"]),
        pl.Series("hops", hops, dtype=pl.Int32),
    ).select(CITATION_COLUMNS)


def link_citations(obs: pl.DataFrame, facts: pl.DataFrame) -> pl.DataFrame:
    """``obs`` with ``cites_fact_id`` set from ``build_citations``: a linked report is a re-citation, first
    reported no later than the chain's first report."""
    cites = build_citations(facts, obs)
    links = cites.filter(pl.col("cites_fact_id").is_not_null()).select(
        "fact_id", "cites_fact_id", pl.col("root_observed_at").alias("_root_at"))
    if "cites_fact_id" in obs.columns:
        obs = obs.drop("cites_fact_id")
    out = obs.join(links, on="fact_id", how="left")
    return out.with_columns(
        (pl.col("is_recitation") | pl.col("cites_fact_id").is_not_null()).alias("is_recitation"),
        pl.min_horizontal("first_reported_at", pl.col("_root_at").cast(obs.schema["first_reported_at"]))
        .alias("first_reported_at"),
    ).drop("_root_at")


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema={c: _SCHEMA[c] for c in CITATION_COLUMNS})
