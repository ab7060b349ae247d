"""One row per claim: first and latest report, counts, spread and the consensus interval."""

from __future__ import annotations

import math

import polars as pl

from pipelines.records import ClaimTimeline, columns, polars_schema
from pipelines.track.observations import ERROR_RELATIONS

TIMELINE_COLUMNS = columns(ClaimTimeline)


def build_timeline(observations: pl.DataFrame) -> pl.DataFrame:
    """Summarise ``marts.figure_observations`` per claim.

    The consensus is the intersection of the intervals of the observations that neither conflict with nor
    are a unit error against what came before; NULL when they do not all meet.
    """
    if observations.is_empty():
        return pl.DataFrame(schema=polars_schema(ClaimTimeline))
    # The observations' own ordering (report_seq), so first_value is the observation marked "first".
    ordered = observations.sort(["claim_key", "report_seq"])
    agreeing = pl.col("relation_to_previous").is_in(ERROR_RELATIONS).not_()
    out = ordered.group_by("claim_key", maintain_order=True).agg(
        pl.col("subject").first(), pl.col("metric").first(), pl.col("chip").first(), pl.col("scope").first(),
        pl.col("event").first(), pl.col("unit").first(),
        pl.col("observed_at").first().alias("first_reported_at"),
        pl.col("source").first().alias("first_source"),
        pl.col("outlet").first().alias("first_outlet"),
        pl.col("value").first().alias("first_value"),
        pl.col("observed_at").last().alias("latest_at"),
        pl.col("source").last().alias("latest_source"),
        pl.col("outlet").last().alias("latest_outlet"),
        pl.col("value").last().alias("latest_value"),
        pl.len().cast(pl.Int32).alias("n_observations"),
        pl.col("outlet").n_unique().cast(pl.Int32).alias("n_sources"),
        pl.col("relation_to_previous").is_in(ERROR_RELATIONS).sum().cast(pl.Int32).alias("n_conflicts"),
        pl.col("value").min().alias("min_value"),
        pl.col("value").max().alias("max_value"),
        pl.col("value_low").filter(agreeing).max().alias("consensus_low"),
        pl.col("value_high").filter(agreeing).min().alias("consensus_high"),
    )
    empty = pl.col("consensus_low") > pl.col("consensus_high")
    out = out.with_columns(
        pl.when(empty).then(None).otherwise(pl.col("consensus_low")).alias("consensus_low"),
        pl.when(empty).then(None).otherwise(pl.col("consensus_high")).alias("consensus_high"),
    )
    return out.select(TIMELINE_COLUMNS)


def is_open(value: float | None) -> bool:
    return value is not None and math.isinf(value)
