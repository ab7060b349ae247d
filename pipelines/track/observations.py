"""Facts as observations of claims, each compared with what was reported before.

Input: core.facts joined with the dates of their article versions. Output: the rows of
``marts.figure_observations`` and ``marts.figure_discrepancies``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from pipelines.track.claims import claim_unit
from pipelines.track.fx import CONVERTED_WIDEN, to_usd
from pipelines.track.intervals import Interval, interval_for, relation

ERROR_RELATIONS = ("conflicting", "probable_unit_error")

OBSERVATION_COLUMNS = [
    "claim_key", "subject", "metric", "chip", "unit", "observed_at", "source", "article_id", "version", "fact_id",
    "value", "value_low", "value_high", "qualifier", "surface", "relation_to_previous", "previous_fact_id",
    "is_recitation", "first_reported_at",
]
DISCREPANCY_COLUMNS = [
    "claim_key", "kind", "ratio", "fact_id_a", "source_a", "observed_at_a", "value_a", "surface_a",
    "fact_id_b", "source_b", "observed_at_b", "value_b", "surface_b",
]


@dataclass
class _Obs:
    row: dict
    value: float
    interval: Interval
    converted: bool
    observed_at: datetime


def observation_time(version: int, published_at: datetime | None, modified_at: datetime | None,
                     fetched_at: datetime) -> datetime:
    """When a fact was reported: the article's publication for version 1, the revision time after that."""
    if version <= 1:
        return published_at or fetched_at
    return modified_at or fetched_at


def first_reports(facts: pl.DataFrame) -> pl.DataFrame:
    """One row per figure per article: a figure repeated unchanged in a later version is not a new report."""
    if facts.is_empty():
        return facts
    return (
        facts.filter(pl.col("value").is_not_null())
        .sort(["article_id", "version", "span_start"])
        .unique(subset=["article_id", "claim_key", "value", "qualifier", "unit"], keep="first", maintain_order=True)
    )


def _to_obs(row: dict) -> _Obs | None:
    observed_at = observation_time(row["version"], row.get("published_at"), row.get("modified_at"),
                                   row["fetched_at"])
    unit = claim_unit(row["unit"])
    value, low, high = row["value"], row["value_low"], row["value_high"]
    converted = unit != row["unit"]
    if converted:
        value, low, high = (None if x is None else to_usd(x, row["unit"], observed_at) for x in (value, low, high))
        # A monthly average rate is not the rate the outlet used: widen by its uncertainty.
        low = None if low is None else low * (1 - CONVERTED_WIDEN)
        high = None if high is None else high * (1 + CONVERTED_WIDEN)
    interval = interval_for(row["qualifier"], value, low, high)
    if interval is None or value is None:
        return None
    out = dict(row)
    out.update(unit=unit, value=value, value_low=interval.low, value_high=interval.high, observed_at=observed_at)
    return _Obs(out, value, interval, converted, observed_at)


def build_observations(facts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Observations (with relation, recitation, first report) and discrepancies from a facts frame.

    ``facts`` needs: fact_id, article_id, version, source, published_at, modified_at, fetched_at, subject,
    metric, chip, value, unit, qualifier, value_low, value_high, surface, span_start, claim_key.
    """
    obs_rows: list[dict] = []
    disc_rows: list[dict] = []
    reports = first_reports(facts)
    by_claim: dict[str, list[_Obs]] = {}
    for row in reports.iter_rows(named=True):
        ob = _to_obs(row)
        if ob is not None:
            by_claim.setdefault(row["claim_key"], []).append(ob)
    for key in sorted(by_claim):
        claim = sorted(by_claim[key], key=lambda o: (o.observed_at, o.row["source"], o.row["article_id"],
                                                     o.row["span_start"]))
        baseline: _Obs | None = None
        for i, ob in enumerate(claim):
            if baseline is None:
                rel, prev_id = "first", None
            else:
                rel = relation(ob.value, ob.interval, ob.row["qualifier"], baseline.value, baseline.interval,
                               baseline.row["qualifier"], converted=ob.converted or baseline.converted)
                prev_id = baseline.row["fact_id"]
                if rel in ERROR_RELATIONS:
                    disc_rows.append(_discrepancy(key, rel, baseline, ob))
            first_at, recited = ob.observed_at, False
            for earlier in claim[:i]:
                if earlier.interval.overlaps(ob.interval):
                    first_at = min(first_at, earlier.observed_at)
                    if earlier.row["source"] != ob.row["source"] and earlier.observed_at < ob.observed_at:
                        recited = True
                    break
            r = ob.row
            obs_rows.append({
                "claim_key": key, "subject": r["subject"], "metric": r["metric"], "chip": r["chip"],
                "unit": r["unit"], "observed_at": ob.observed_at, "source": r["source"],
                "article_id": r["article_id"], "version": r["version"], "fact_id": r["fact_id"],
                "value": ob.value, "value_low": r["value_low"], "value_high": r["value_high"],
                "qualifier": r["qualifier"], "surface": r["surface"], "relation_to_previous": rel,
                "previous_fact_id": prev_id, "is_recitation": recited, "first_reported_at": first_at,
            })
            if rel != "probable_unit_error":
                baseline = ob
    return _frame(obs_rows, OBSERVATION_COLUMNS), _frame(disc_rows, DISCREPANCY_COLUMNS)


def _discrepancy(key: str, kind: str, a: _Obs, b: _Obs) -> dict:
    return {
        "claim_key": key, "kind": kind, "ratio": b.value / a.value if a.value else None,
        "fact_id_a": a.row["fact_id"], "source_a": a.row["source"], "observed_at_a": a.observed_at,
        "value_a": a.value, "surface_a": a.row["surface"],
        "fact_id_b": b.row["fact_id"], "source_b": b.row["source"], "observed_at_b": b.observed_at,
        "value_b": b.value, "surface_b": b.row["surface"],
    }


_SCHEMA = {
    "observed_at": pl.Datetime("us", "UTC"), "first_reported_at": pl.Datetime("us", "UTC"),
    "observed_at_a": pl.Datetime("us", "UTC"), "observed_at_b": pl.Datetime("us", "UTC"),
    "version": pl.Int32, "value": pl.Float64, "value_low": pl.Float64, "value_high": pl.Float64,
    "ratio": pl.Float64, "value_a": pl.Float64, "value_b": pl.Float64, "is_recitation": pl.Boolean,
}


def _frame(rows: list[dict], columns: list[str]) -> pl.DataFrame:
    schema = {c: _SCHEMA.get(c, pl.String) for c in columns}
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
