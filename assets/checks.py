"""Asset checks: facts carry provenance; observations are not duplicated."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL


@dg.asset_check(asset=dg.AssetKey(["core", "facts"]), blocking=True, pool=WAREHOUSE_POOL)
def facts_have_provenance(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Every fact points at an existing article version, and its span in that version's body is its surface."""
    with duckdb.get_connection() as conn:
        bad = conn.execute("""
            SELECT f.fact_id, f.surface, f.span_start, f.span_end
            FROM core.facts f LEFT JOIN core.articles a USING (article_id, version)
            WHERE a.article_id IS NULL
               OR substr(a.body_text, f.span_start + 1, f.span_end - f.span_start) IS DISTINCT FROM f.surface
               OR f.sentence IS NULL
        """).fetchall()
    return dg.AssetCheckResult(passed=not bad, metadata={"facts_without_provenance": len(bad),
                                                         "examples": str(bad[:5])})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_observations"]), pool=WAREHOUSE_POOL)
def observations_unique(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No fact is observed twice."""
    with duckdb.get_connection() as conn:
        dupes = conn.execute("SELECT count(*) - count(DISTINCT fact_id) FROM marts.figure_observations").fetchone()[0]
    return dg.AssetCheckResult(passed=dupes == 0, metadata={"duplicates": int(dupes)})
