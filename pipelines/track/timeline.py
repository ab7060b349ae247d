"""One row per claim: first and latest report, counts, spread and the consensus interval."""

from __future__ import annotations

import math

import polars as pl

from pipelines.records import ClaimTimeline, columns, polars_schema
from pipelines.track.consensus import CONSENSUS_COLUMNS, claim_consensus
from pipelines.track.observations import ERROR_RELATIONS

TIMELINE_COLUMNS = columns(ClaimTimeline)


def build_timeline(observations: pl.DataFrame) -> pl.DataFrame:
    """Summarise ``marts.figure_observations`` per claim.

    The consensus is the range the most outlets agree on, with its support (``track.consensus``).
    """
    if observations.is_empty():
        return pl.DataFrame(schema=polars_schema(ClaimTimeline))
    # The observations' own ordering (report_seq), so first_value is the observation marked "first".
    ordered = observations.sort(["claim_key", "report_seq"])
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
    )
    out = out.join(claim_consensus(observations).select(CONSENSUS_COLUMNS), on="claim_key", how="left")
    return out.select(TIMELINE_COLUMNS)


def is_open(value: float | None) -> bool:
    return value is not None and math.isinf(value)
