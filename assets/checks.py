"""Asset checks: facts carry provenance; observations are not duplicated."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL
from warehouse import queries


@dg.asset_check(asset=dg.AssetKey(["core", "facts"]), blocking=True, pool=WAREHOUSE_POOL)
def facts_have_provenance(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Every fact points at an existing article version, and its span in that version's body is its surface."""
    with duckdb.get_connection() as conn:
        bad = queries.facts_without_provenance(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"facts_without_provenance": len(bad),
                                                         "examples": str(bad[:5])})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_observations"]), pool=WAREHOUSE_POOL)
def observations_unique(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No fact is observed twice."""
    with duckdb.get_connection() as conn:
        dupes = queries.duplicate_observations(conn)
    return dg.AssetCheckResult(passed=dupes == 0, metadata={"duplicates": int(dupes)})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_timeline"]), pool=WAREHOUSE_POOL)
def timeline_complete(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Every claim with observations has one timeline row whose counts and dates match its observations."""
    with duckdb.get_connection() as conn:
        bad = queries.timeline_mismatches(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"claims_out_of_order_or_missing": len(bad),
                                                         "examples": str(bad[:5])})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_discrepancies"]))
def conflict_count_stable(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
    """Warn when the number of discrepancies jumps between two materializations (more than 50 % and more
    than 5): usually a parser or extractor regression rather than the news."""
    records = context.instance.fetch_materializations(dg.AssetKey(["marts", "figure_discrepancies"]), limit=2).records
    counts = [r.asset_materialization.metadata.get("discrepancies") for r in records if r.asset_materialization]
    counts = [c.value for c in counts if c is not None]
    if len(counts) < 2:
        return dg.AssetCheckResult(passed=True, metadata={"note": "first materialization"})
    now, before = counts[0], counts[1]
    jump = abs(now - before)
    passed = jump <= 5 or jump <= 0.5 * max(before, 1)
    return dg.AssetCheckResult(passed=passed, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"discrepancies": now, "previous": before, "change": now - before})
