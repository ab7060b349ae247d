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
    """A claim card per claim reported at least twice (a title in words, value over time in readable units,
    one colour-blind-safe colour per outlet, bounds as arrows, conflicts ringed, unit errors in their own
    lane, the consensus shaded) written as PNG, plus report.html with every card as SVG (hover a point for
    its sentence, click for the article), most widely reported claims first, under the warehouse's output
    folder (warehouse/output/ by default)."""
    with duckdb.get_connection() as conn:
        obs = queries.observations(conn)
        timeline = queries.timeline(conn)
        facts_context = queries.observation_context(conn)
    charts = stages.present_charts(obs, timeline, output_dir() / "charts", facts_context)
    context.log.info(f"{len(charts.files)} charts and {charts.report}")
    # The most widely reported claims about a known subject, as the UI shows them (markdown images).
    return dg.MaterializeResult(metadata={
        "charts": len(charts.files),
        "report": dg.MetadataValue.path(str(charts.report)),
        "most_reported_claims": dg.MetadataValue.md(charts.markdown),
    })
