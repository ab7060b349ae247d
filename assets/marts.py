"""Marts: how each reported figure changes across outlets, dates and revisions."""


import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from assets.metadata import preview
from assets.partitions import WAREHOUSE_POOL
from pipelines import stages
from warehouse import queries
from warehouse.frames import conform
from warehouse.schema import (
    ARTICLE_REVISIONS,
    FIGURE_CITATIONS,
    FIGURE_DISCREPANCIES,
    FIGURE_OBSERVATIONS,
    FIGURE_TIMELINE,
)
from warehouse.writes import replace_where

# What the marts read: the facts and articles of the outlets' partitions, and those an archive's backfill
# writes into the same tables (assets/backfill.py), so the automation rebuilds the marts after either.
FACT_ROWS = [["core", "facts"], ["core", "articles"], ["backfill", "archive_rows"]]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["marts", "figure_observations"], deps=FACT_ROWS,
                     kinds={"duckdb"},
                     description="Facts as observations of claims (one quantity of one subject for one "
                                 "event: subject, metric, chip, model scope and, for market moves, charges, "
                                 "deals, the date they are about), in one order, each with its relation to the "
                                 "latest earlier report from another article version (first, consistent, "
                                 "rounding, bound, conflicting, probable_unit_error), is_recitation and "
                                 "first_reported_at. Figures without a subject and conversions in "
                                 "parentheses are not observations."),
        dg.AssetSpec(["marts", "figure_discrepancies"], deps=FACT_ROWS,
                     kinds={"duckdb"},
                     description="Pairs of observations of one claim whose intervals do not overlap: "
                                 "conflicts and probable unit errors, both sides with outlet, date and surface."),
        dg.AssetSpec(["marts", "figure_citations"], deps=FACT_ROWS,
                     kinds={"duckdb"},
                     description="Who copied whom: figures whose sentence names its source, the source "
                                 "normalised to an outlet or entity, linked to the cited outlet's earliest "
                                 "matching report (cites_fact_id, the chain's first report), with what the "
                                 "re-citation lost: a dropped qualifier, a dropped date, a rounding that "
                                 "changes the figure's meaning."),
    ],
    pool=WAREHOUSE_POOL,
    group_name="marts",
)
def figure_observations(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Group the facts into claims (the same quantity of the same thing for the same event) and compare every
    reported figure with the earlier reports of its claim, by interval: the same figure rounded differently
    is not a change; disjoint intervals are a conflict or, by a power of ten, a probable unit error. Two
    figures of one article version are never compared; amounts in other currencies are compared in USD at
    the month's rate, durations in days."""
    with duckdb.get_connection() as conn:
        facts = queries.facts_for_tracking(conn)
    obs, disc = stages.track_observations(facts)
    cites = stages.track_citations(facts, obs)
    with duckdb.get_connection() as conn:
        replace_where(conn, FIGURE_OBSERVATIONS, conform(obs, FIGURE_OBSERVATIONS))
        replace_where(conn, FIGURE_DISCREPANCIES, conform(disc, FIGURE_DISCREPANCIES))
        replace_where(conn, FIGURE_CITATIONS, conform(cites, FIGURE_CITATIONS))
    counts = obs.group_by("relation_to_previous").len().sort("relation_to_previous") if not obs.is_empty() else None
    yield dg.MaterializeResult(asset_key=["marts", "figure_observations"], metadata={
        "observations": obs.height,
        "claims": obs["claim_key"].n_unique() if not obs.is_empty() else 0,
        "recitations": int(obs["is_recitation"].sum()) if not obs.is_empty() else 0,
        **({f"relation_{r}": int(n) for r, n in counts.iter_rows()} if counts is not None else {}),
        "preview": preview(obs.sort("observed_at") if not obs.is_empty() else obs,
                           ["claim_key", "observed_at", "outlet", "surface", "relation_to_previous"], 20),
    })
    yield dg.MaterializeResult(asset_key=["marts", "figure_discrepancies"], metadata={
        "discrepancies": disc.height,
        "unit_errors": disc.filter(pl.col("kind") == "probable_unit_error").height if not disc.is_empty() else 0,
        "preview": preview(disc, ["claim_key", "kind", "outlet_a", "surface_a", "outlet_b", "surface_b"]),
    })
    linked = cites.filter(pl.col("cites_fact_id").is_not_null()) if not cites.is_empty() else cites
    yield dg.MaterializeResult(asset_key=["marts", "figure_citations"], metadata={
        "attributed_figures": cites.height,
        "linked_recitations": linked.height,
        "losing_information": int(linked["loses_information"].sum()) if not linked.is_empty() else 0,
        "preview": preview(linked, ["outlet", "surface", "cites_outlet", "cites_surface", "dropped_qualifier",
                                    "dropped_date"]),
    })


@dg.asset(key=["marts", "figure_timeline"], deps=[["marts", "figure_observations"]], pool=WAREHOUSE_POOL,
          group_name="marts", kinds={"duckdb"})
def figure_timeline(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One row per claim: who reported it first and most recently, with which values, how many outlets
    reported it, how many reports conflict, and the consensus interval of the reports that agree."""
    with duckdb.get_connection() as conn:
        obs = queries.observations(conn)
        timeline = stages.track_timeline(obs)
        replace_where(conn, FIGURE_TIMELINE, conform(timeline, FIGURE_TIMELINE))
    busiest = timeline.sort("n_observations", descending=True) if not timeline.is_empty() else timeline
    return dg.MaterializeResult(metadata={
        "claims": timeline.height,
        "claims_with_conflicts": timeline.filter(pl.col("n_conflicts") > 0).height if not timeline.is_empty() else 0,
        "preview": preview(busiest, ["claim_key", "n_observations", "n_sources", "n_conflicts", "first_outlet",
                                     "first_value", "latest_value"], 15),
    })


@dg.asset(key=["marts", "article_revisions"],
          deps=[*FACT_ROWS, ["marts", "figure_observations"]],
          pool=WAREHOUSE_POOL, group_name="marts", kinds={"duckdb"})
def article_revisions(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One row per change between consecutive versions of an article: when it was seen, whether the
    headline changed, characters added and removed, the figures added, removed and changed, the claims the
    later version corrected and the correction note it added."""
    with duckdb.get_connection() as conn:
        arts = queries.article_versions(conn)
        fcts = queries.facts_by_version(conn)
        revs = stages.track_revisions(arts, fcts, queries.observations(conn))
        replace_where(conn, ARTICLE_REVISIONS, conform(revs, ARTICLE_REVISIONS))
    return dg.MaterializeResult(metadata={
        "revisions": revs.height,
        "preview": preview(revs, ["url", "from_version", "to_version", "chars_added", "chars_removed",
                                  "facts_changed"]),
    })
