"""Facts as observations of claims, each compared with what was reported before.

Input: core.facts joined with the dates of their article versions. Output: the rows of
``marts.figure_observations`` and ``marts.figure_discrepancies``.

What is compared (``claims`` says what a claim is):
- a figure without a subject is no observation (it is kept in core.facts, never compared);
- a conversion in parentheses ("557만6000달러(약 78억8000만원)") is part of its figure, not a second report;
- a duration with neither chip nor model, a ratio without its comparand, and a figure of metric ``other``
  (the text does not say what it measures) are not compared (see ``first_reports``);
- a figure repeated unchanged in a later version of an article is not a new report;
- two figures of one article version are never compared with each other: each is compared with the latest
  earlier report of the claim from another article version;
- figures of a running session (premarket, intraday, after-hours) are snapshots of a moving price: their
  relations are kept, but none is a discrepancy.
Observations carry ``report_seq``, their position in the claim's one ordering (publication time, outlet,
article, position in the text), which the timeline's first and latest values follow.

The per-row work is columnar (polars): report times, currency conversion, intervals. What is inherently
sequential, each report's relation to the latest earlier report of its claim that was not a unit error,
runs as one pass over plain lists.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from pipelines.extract.intervals import BOUND_QUALIFIERS, Interval, interval_for
from pipelines.extract.metrics import COMPARED_OTHER_SCOPE_PREFIXES, COMPARED_OTHER_SCOPES
from pipelines.records import Discrepancy, Observation, columns, polars_schema
from pipelines.track.citations import link_citations
from pipelines.track.claims import (
    DAYS_PER,
    adopt_distinct_subjects,
    merge_case_parties,
    resolve_chips,
    resolve_distinct_values,
    resolve_events,
    resolve_forecasts,
    resolve_scopes,
)
from pipelines.track.consensus import claim_consensus, judge_discrepancies, label_observations
from pipelines.track.corrections import LINK_SCHEMA, correction_links, read_notes
from pipelines.track.fx import CONVERTED_WIDEN, CURRENCIES, per_usd
from pipelines.track.relations import UPPER_BOUNDS, relation

ERROR_RELATIONS = ("conflicting", "probable_unit_error")
# Figures of a running session (premarket, intraday, after-hours) are snapshots of a moving price: -11.2% at
# noon and -15% at 2 pm are both true, and so are "5% in extended trading" and "more than 6%" later that
# evening; two of them that differ are related as usual (the relation says how) but never flagged as a
# discrepancy. Only a close is one value.
_MOVING_SESSION = (" intraday", " premarket", " after_hours")
AGREEING = ("consistent", "rounding")

OBSERVATION_COLUMNS = columns(Observation)
DISCREPANCY_COLUMNS = columns(Discrepancy)
_SCHEMA = polars_schema(Observation, Discrepancy)


def observation_time(version: int, published_at: datetime | None, modified_at: datetime | None,
                     fetched_at: datetime) -> datetime:
    """When a fact was reported: the article's publication for version 1, the revision time after that."""
    if version <= 1:
        return published_at or fetched_at
    return modified_at or fetched_at


def _observed_at() -> pl.Expr:
    return (
        pl.when(pl.col("version") <= 1)
        .then(pl.coalesce("published_at", "fetched_at"))
        .otherwise(pl.coalesce("modified_at", "fetched_at"))
    )


def first_reports(facts: pl.DataFrame) -> pl.DataFrame:
    """The facts that are reports of a claim: with a value and a subject, not a conversion of another
    figure, and one row per figure per article (a figure repeated unchanged in a later version is not a new
    report)."""
    if facts.is_empty():
        return facts
    return (
        reportable(facts)
        .sort(["article_id", "version", "span_start"])
        .unique(subset=["article_id", "claim_key", "value", "qualifier", "unit"], keep="first", maintain_order=True)
    )


def reportable(facts: pl.DataFrame) -> pl.DataFrame:
    """The facts that can be reports of a claim (every version's, repeats included)."""
    keep = pl.col("value").is_not_null() & pl.col("subject").is_not_null()
    # A duration is the span between two events; with no chip or model saying what it spans, two durations of
    # one subject ("about three months since the ban", "less than two weeks after the statement") are rarely
    # the same quantity: kept as facts, not compared.
    if "chip" in facts.columns and "scope" in facts.columns:
        keep = keep & ~((pl.col("metric") == "duration") & pl.col("chip").is_null() & pl.col("scope").is_null())
        # likewise a ratio that does not say what it compares against ("vs OpenAI") is not compared
        keep = keep & ~((pl.col("metric") == "ratio") & ~pl.col("scope").fill_null("").str.starts_with("vs "))
    # a figure whose metric the text does not tell ("other") could be any quantity of its subject: Jensen
    # Huang's net worth and a market size he named are both "Jensen Huang|other" (a fortune the extractor
    # recognised, scope "as fortune", is one quantity and compared)
    scope = pl.col("scope").fill_null("")
    fortune = (scope.is_in(list(COMPARED_OTHER_SCOPES)) | pl.any_horizontal(
        [scope.str.starts_with(p) for p in COMPARED_OTHER_SCOPE_PREFIXES]) if "scope" in facts.columns
               else pl.lit(False))
    keep = keep & ((pl.col("metric") != "other") | fortune)
    if "linked_fact_id" in facts.columns:
        keep = keep & pl.col("linked_fact_id").is_null()
    return facts.filter(keep)


def _in_claim_units(reports: pl.DataFrame) -> pl.DataFrame:
    """Report time, the claim (event resolved), and value and interval ends in the claim's unit (amounts in
    USD at the month's rate, their interval widened by the rate's uncertainty; durations in days)."""
    df = reports.with_columns(_observed_at().dt.convert_time_zone("UTC").alias("observed_at"))
    if "refers_to" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.String).alias("refers_to"))
    per_day = pl.col("unit").replace_strict(DAYS_PER, default=None, return_dtype=pl.Float64)
    df = df.with_columns(
        *(pl.when(per_day.is_not_null()).then(pl.col(c) * per_day).otherwise(pl.col(c)).alias(c)
          for c in ("value", "value_low", "value_high")),
        pl.when(per_day.is_not_null()).then(pl.lit("days")).otherwise(pl.col("unit")).alias("unit"),
    )
    df = df.with_columns(pl.col("observed_at").dt.strftime("%Y-%m").alias("_month"))
    pairs = df.filter(pl.col("unit").is_in([c for c in CURRENCIES if c != "USD"])).select("unit", "_month").unique()
    rates = pl.DataFrame(
        {"unit": pairs["unit"], "_month": pairs["_month"],
         "_rate": [per_usd(u, datetime.strptime(m, "%Y-%m")) for u, m in pairs.iter_rows()]},
        schema={"unit": pl.String, "_month": pl.String, "_rate": pl.Float64},
    )
    df = df.join(rates, on=["unit", "_month"], how="left")
    converted = pl.col("_rate").is_not_null()
    rate = pl.col("_rate").fill_null(1.0)
    # chips, scopes and events are resolved on values in the claim's unit: "850조 원 넘게 증발" is recalled
    # as the $589 billion move, a KRW cost fits the model of the USD costs it equals
    df = df.with_columns(
        converted.alias("_converted"),
        # (as written too: two reports in one currency are compared in it, with no exchange rate between them)
        pl.when(converted).then(pl.col("unit")).otherwise(None).alias("_native_unit"),
        pl.col("value").alias("_native_value"), pl.col("value_low").alias("_native_low"),
        pl.col("value_high").alias("_native_high"),
        pl.when(converted).then(pl.lit("USD")).otherwise(pl.col("unit")).alias("unit"),
        (pl.col("value") / rate).alias("value"),
        (pl.col("value_low") / rate * pl.when(converted).then(1 - CONVERTED_WIDEN).otherwise(1.0)).alias("value_low"),
        (pl.col("value_high") / rate * pl.when(converted).then(1 + CONVERTED_WIDEN).otherwise(1.0)).alias(
            "value_high"),
    )
    order = ["claim_key", "observed_at", "outlet" if "outlet" in reports.columns else "source", "article_id",
             "span_start"]
    return resolve_events(resolve_forecasts(resolve_scopes(resolve_distinct_values(resolve_chips(df))))).sort(order)


def build_observations(facts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Observations (with relation, recitation, first report) and discrepancies from a facts frame.

    ``facts`` needs: fact_id, article_id, version, source, published_at, modified_at, fetched_at, subject,
    metric, chip, value, unit, qualifier, value_low, value_high, surface, span_start, claim_key.
    """
    if facts.is_empty():
        return _empty(OBSERVATION_COLUMNS), _empty(DISCREPANCY_COLUMNS)
    if "scope" not in facts.columns:
        facts = facts.with_columns(pl.lit(None, dtype=pl.String).alias("scope"))
    facts = merge_case_parties(adopt_distinct_subjects(read_notes(facts)))
    df = _in_claim_units(first_reports(facts))
    # who reported it: the outlet the page states (the adapter's partition when a frame has no outlet)
    who = "outlet" if "outlet" in df.columns else "source"
    keys, quals, sources = df["claim_key"].to_list(), df["qualifier"].to_list(), df[who].to_list()
    values, lows, highs = df["value"].to_list(), df["value_low"].to_list(), df["value_high"].to_list()
    # Times as integer microseconds: a million datetime objects cost more than the comparisons themselves.
    times = df["observed_at"].dt.epoch("us").to_list()
    ids, conv = df["fact_id"].to_list(), df["_converted"].to_list()
    natives = list(zip(df["_native_unit"].to_list(), df["_native_value"].to_list(), df["_native_low"].to_list(),
                       df["_native_high"].to_list(), strict=True))
    # One article version is one report: its figures are never compared with each other.
    versions = [f"{a}|{v}" for a, v in zip(df["article_id"].to_list(), df["version"].to_list(), strict=True)]
    sigs = list(zip(quals, values, lows, highs, conv, natives, strict=True))
    n = df.height
    # Reports repeat: many share a qualifier, value and interval. Each distinct signature gets a small int;
    # intervals are computed once per signature and relations once per pair of signatures.
    sig_index: dict[tuple, int] = {}
    sid = [sig_index.setdefault(sig, len(sig_index)) for sig in sigs]
    distinct = list(sig_index)
    ivs: list[Interval] = [interval_for(q, v, lo, hi) for q, v, lo, hi, _, _ in distinct]
    lo_of = [iv.low for iv in ivs]
    hi_of = [iv.high for iv in ivs]
    point_of = [sig[0] not in BOUND_QUALIFIERS for sig in distinct]
    relation_of: dict[int, str] = {}
    shift = len(distinct)

    def related(a: int, b: int) -> str:
        key = a * shift + b
        r = relation_of.get(key)
        if r is None:
            sa, sb = distinct[a], distinct[b]
            na, nb = sa[5], sb[5]
            if na[0] is not None and na[0] == nb[0] and na[1] is not None and nb[1] is not None:
                # both in one currency other than the dollar ("8조8280억원" after "8조828억원"): as written
                r = relation(na[1], interval_for(sa[0], na[1], na[2], na[3]), sa[0],
                             nb[1], interval_for(sb[0], nb[1], nb[2], nb[3]), sb[0])
            else:
                r = relation(sa[1], ivs[a], sa[0], sb[1], ivs[b], sb[0], converted=sa[4] or sb[4])
            relation_of[key] = r
        return r

    rel: list[str] = [""] * n
    prev: list[str | None] = [None] * n
    recited = [False] * n
    first_at = list(times)
    disc: list[tuple[int, int, str]] = []
    seq = [0] * n
    # Baselines: the latest earlier report (any, and point estimates), and the latest one from another
    # article version than that one, for a report of the same version.
    baseline = point_baseline = other_baseline = other_point = -1
    # Per claim: the distinct signatures seen so far in order of first appearance (so also of first report
    # time), when each was first reported, and when by each outlet. For each signature, the earlier ones it
    # agrees with, extended incrementally: a signature's agreeing list never loses members.
    order: list[int] = []
    first_seen: dict[int, int] = {}
    by_outlet: dict[int, dict[str, int]] = {}
    agreeing: dict[int, tuple[list[int], int]] = {}
    recited_by: set[tuple[int, str]] = set()
    latest_of: dict[int, int] = {}  # signature → its latest report so far in the claim
    hidden_pairs: set[tuple[int, int]] = set()  # signature pairs flagged past a rounding in between
    for i in range(n):
        if i == 0 or keys[i] != keys[i - 1]:
            baseline = point_baseline = other_baseline = other_point = -1
            order, first_seen, by_outlet, agreeing, recited_by = [], {}, {}, {}, set()
            latest_of, hidden_pairs = {}, set()
            seq[i] = 1
        else:
            seq[i] = seq[i - 1] + 1
        si = sid[i]
        is_point = point_of[si]
        # A point estimate is compared with the latest earlier point estimate when there is one, so a bound
        # reported in between ("less than $6 million") does not hide a rounding; a bound with the latest report.
        # A baseline from this report's own article version is replaced by the latest one before that version.
        pb = point_baseline if point_baseline < 0 or versions[point_baseline] != versions[i] else other_point
        ab = baseline if baseline < 0 or versions[baseline] != versions[i] else other_baseline
        b = pb if is_point and pb >= 0 else ab
        if b < 0:
            r = "first"
        else:
            r = related(si, sid[b])
            prev[i] = ids[b]
            if r in ERROR_RELATIONS and not keys[i].endswith(_MOVING_SESSION):
                disc.append((b, i, r))
            elif r in (*AGREEING, "bound") and not keys[i].endswith(_MOVING_SESSION):
                # a rounding of the last report can still conflict with an earlier report at least as precise as
                # this one and given by another outlet too ("16.86%" after "17%", itself after "16.97%"), and a
                # bound the last report satisfies with an earlier bound the other way ("fewer than 50,000" after
                # "about 50,000", itself after "more than 50,000"): the disagreement the report between hid (so
                # that one stray figure filed in the claim is not held against every later report, a point needs
                # a corroborated earlier point; each pair of values once)
                width = (hi_of[si] - lo_of[si]) * (1 + 1e-6)
                upper = distinct[si][0] in UPPER_BOUNDS
                hidden = [latest_of[sj] for sj in order if sj != si and sj in latest_of
                          and versions[latest_of[sj]] != versions[i]
                          and ((r in AGREEING and point_of[sj] and hi_of[sj] - lo_of[sj] <= width
                                and len(by_outlet[sj]) >= 2) if is_point
                               else (not point_of[sj] and (distinct[sj][0] in UPPER_BOUNDS) != upper))
                          and (min(si, sj), max(si, sj)) not in hidden_pairs
                          and related(si, sj) in ERROR_RELATIONS]
                if hidden:
                    j = max(hidden)
                    hidden_pairs.add((min(si, sid[j]), max(si, sid[j])))
                    disc.append((j, i, related(si, sid[j])))
        rel[i] = r
        # The earliest earlier report that agrees with this one (the same value or a rounding of it; a mere
        # bound does not count), and whether one such came from another outlet before it.
        agree, scanned = agreeing.get(si, ((), 0))
        if scanned < len(order):
            agree = list(agree)
            lo_i, hi_i = lo_of[si], hi_of[si]
            for sj in order[scanned:]:
                # Cheap pre-check: agreeing intervals at least touch.
                if lo_of[sj] <= hi_i and hi_of[sj] >= lo_i and related(si, sj) in AGREEING:
                    agree.append(sj)
            agreeing[si] = (agree, len(order))
        t_i, src_i = times[i], sources[i]
        if agree:
            first_at[i] = min(t_i, first_seen[agree[0]])
            # Once another outlet's agreeing report exists it stays earlier than every later row: remember it.
            rk = (si, src_i)
            if rk in recited_by:
                recited[i] = True
            elif any(src != src_i and t < t_i for sj in agree for src, t in by_outlet[sj].items()):
                recited[i] = True
                recited_by.add(rk)
        latest_of[si] = i
        outlets = by_outlet.get(si)
        if outlets is None:
            first_seen[si] = t_i
            order.append(si)
            by_outlet[si] = {src_i: t_i}
        elif src_i not in outlets:
            outlets[src_i] = t_i
        if r != "probable_unit_error":
            if baseline >= 0 and versions[baseline] != versions[i]:
                other_baseline = baseline
            baseline = i
            if is_point:
                if point_baseline >= 0 and versions[point_baseline] != versions[i]:
                    other_point = point_baseline
                point_baseline = i
    intervals = [ivs[k] for k in sid]
    obs = df.select(
        "claim_key", "subject", "metric", "chip", "scope", "event", "unit", "observed_at", "source",
        pl.col("outlet" if "outlet" in df.columns else "source").alias("outlet"), "article_id",
        "version", "fact_id", "value", "qualifier", "surface",
        pl.col("said_by") if "said_by" in df.columns else pl.lit(None, dtype=pl.String).alias("said_by"),
    ).with_columns(
        pl.Series("report_seq", seq, dtype=pl.Int32),
        pl.Series("value_low", [iv.low for iv in intervals], dtype=pl.Float64),
        pl.Series("value_high", [iv.high for iv in intervals], dtype=pl.Float64),
        pl.Series("relation_to_previous", rel, dtype=pl.String),
        pl.Series("previous_fact_id", prev, dtype=pl.String),
        pl.Series("is_recitation", recited, dtype=pl.Boolean),
        pl.Series("first_reported_at", first_at, dtype=pl.Int64).cast(pl.Datetime("us")).dt.replace_time_zone("UTC"),
    )
    obs = obs.cast({k: v for k, v in _SCHEMA.items() if k in obs.columns})
    obs = obs.join(_conversion_checks(facts), on="fact_id", how="left")
    # who copied whom: a report naming the outlet it took the figure from is linked to its report
    obs = link_citations(obs, facts)
    obs = _with_corrections(obs, facts, df)
    consensus = claim_consensus(obs)
    obs = label_observations(obs, consensus).select(OBSERVATION_COLUMNS)
    return obs, judge_discrepancies(_discrepancies(obs, disc), obs, consensus).select(DISCREPANCY_COLUMNS)


def _conversion_checks(facts: pl.DataFrame) -> pl.DataFrame:
    """Per figure with a conversion in parentheses: the conversion as written and whether it agrees with
    the figure at the month's exchange rate (their USD intervals meet, the conversion's widened by the
    rate's uncertainty). A conversion is checked, never counted as a report of its own."""
    schema = {"fact_id": pl.String, "conversion_surface": pl.String, "conversion_ok": pl.Boolean}
    if "linked_fact_id" not in facts.columns:
        return pl.DataFrame(schema=schema)
    conv = facts.filter(pl.col("linked_fact_id").is_not_null() & pl.col("value").is_not_null())
    if conv.is_empty():
        return pl.DataFrame(schema=schema)
    main = facts.select("fact_id", "unit", "value", "value_low", "value_high", "published_at", "fetched_at")
    rows: dict[str, tuple[str, bool]] = {}
    by_id = {r["fact_id"]: r for r in main.iter_rows(named=True)}
    for c in conv.iter_rows(named=True):
        m = by_id.get(c["linked_fact_id"])
        if m is None or m["value"] is None or c["unit"] not in CURRENCIES or m["unit"] not in CURRENCIES:
            continue
        when = c.get("published_at") or c.get("fetched_at")
        rate_c, rate_m = per_usd(c["unit"], when), per_usd(m["unit"], when)
        lo_c = (c["value_low"] if c["value_low"] is not None else c["value"]) / rate_c * (1 - CONVERTED_WIDEN)
        hi_c = (c["value_high"] if c["value_high"] is not None else c["value"]) / rate_c * (1 + CONVERTED_WIDEN)
        lo_m = (m["value_low"] if m["value_low"] is not None else m["value"]) / rate_m
        hi_m = (m["value_high"] if m["value_high"] is not None else m["value"]) / rate_m
        rows.setdefault(c["linked_fact_id"], (c["surface"], lo_c <= hi_m and lo_m <= hi_c))
    return pl.DataFrame(
        {"fact_id": list(rows), "conversion_surface": [v[0] for v in rows.values()],
         "conversion_ok": [v[1] for v in rows.values()]}, schema=schema)


def _discrepancies(obs: pl.DataFrame, pairs: list[tuple[int, int, str]]) -> pl.DataFrame:
    if not pairs:
        return _empty(DISCREPANCY_COLUMNS)
    a = obs[[p[0] for p in pairs]]
    b = obs[[p[1] for p in pairs]]
    side = ["fact_id", "source", "outlet", "observed_at", "value", "surface"]
    return pl.concat([
        b.select("claim_key"),
        pl.DataFrame({"kind": [p[2] for p in pairs]}),
        (b["value"] / a["value"]).alias("ratio").to_frame(),
        a.select([pl.col(c).alias(f"{c}_a") for c in side]),
        b.select([pl.col(c).alias(f"{c}_b") for c in side]),
    ], how="horizontal")


def _with_corrections(obs: pl.DataFrame, facts: pl.DataFrame, reports: pl.DataFrame) -> pl.DataFrame:
    """``superseded_at`` and ``corrects_fact_id`` (see ``track.corrections``)."""
    multi = reports.filter(pl.col("version") > 1) if "version" in reports.columns else reports.clear()
    links = pl.DataFrame(schema=LINK_SCHEMA)
    if not multi.is_empty():
        times = facts.select("article_id", "version", _observed_at().dt.convert_time_zone("UTC").alias("t")).unique(
            subset=["article_id", "version"])
        links = correction_links(reportable(facts), {(a, v): t for a, v, t in times.iter_rows()})
    superseded = links.select(pl.col("superseded_fact_id").alias("fact_id"), "superseded_at").unique(
        subset="fact_id", keep="first")
    return (obs.join(links.select("fact_id", "corrects_fact_id").unique(subset="fact_id"), on="fact_id", how="left")
            .join(superseded, on="fact_id", how="left"))


def _empty(columns: list[str]) -> pl.DataFrame:
    return pl.DataFrame(schema={c: _SCHEMA.get(c, pl.String) for c in columns})
