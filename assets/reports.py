"""Reports: charts of how each claim's reported value changed, and a standalone HTML report."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL
from pipelines import stages
from warehouse import queries
from warehouse.paths import output_dir


@dg.asset(
    key=["reports", "figure_charts"],
    deps=[["marts", "figure_timeline"], ["marts", "figure_observations"]],
    pool=WAREHOUSE_POOL,
    group_name="reports",
    kinds={"python", "html"},
)
def figure_charts(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """A chart per claim reported at least twice (value over time, one mark per outlet, the interval each
    report supports, conflicts and unit errors ringed in red) written as PNG, plus report.html embedding
    them all, under the warehouse's output folder (warehouse/output/ by default)."""
    with duckdb.get_connection() as conn:
        obs = queries.observations(conn)
        timeline = queries.timeline(conn)
    charts = stages.present_charts(obs, timeline, output_dir() / "charts")
    context.log.info(f"{len(charts.files)} charts and {charts.report}")
    # The most widely reported claims about a known subject, as the UI shows them (markdown images).
    return dg.MaterializeResult(metadata={
        "charts": len(charts.files),
        "report": dg.MetadataValue.path(str(charts.report)),
        "most_reported_claims": dg.MetadataValue.md(charts.markdown),
    })
