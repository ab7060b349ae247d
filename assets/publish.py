"""Publishing the analyst snapshot after the marts are built."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL
from warehouse.paths import published_db_path
from warehouse.publish import publish_snapshot
from warehouse.summary import summarize


@dg.asset(
    key=["publish", "analyst_snapshot"],
    deps=[["marts", "figure_timeline"], ["marts", "figure_discrepancies"], ["marts", "figure_citations"],
          ["marts", "article_revisions"], ["core", "entities"]],
    pool=WAREHOUSE_POOL,
    group_name="publish",
    kinds={"duckdb"},
)
def analyst_snapshot(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Copy the warehouse to the analysts' snapshot file (warehouse/published/chipwatch.duckdb) after a
    CHECKPOINT, replacing the old one atomically: readers who have it open keep their copy, the next
    reader sees the new one. Analysts never open the pipeline's working file."""
    target = published_db_path()
    with duckdb.get_connection() as conn:
        size = publish_snapshot(conn, duckdb.database, target)
        summary = summarize(conn)
    context.log.info(f"published {target} ({size:,} bytes)")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(target)), "bytes": size,
        **{k: v for k, v in summary.items() if isinstance(v, int)},
    })
