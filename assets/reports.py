"""Reports: charts of how each claim's reported value changed, and a standalone HTML report."""

import base64

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL
from pipelines.track.report import write_report
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
    out = output_dir() / "charts"
    charts = write_report(obs, timeline, out)
    context.log.info(f"{len(charts)} charts and {out / 'report.html'}")
    # The most widely reported claims about a known subject, as the UI shows them (markdown images).
    top = (timeline.filter(pl.col("claim_key").is_in(list(charts)) & pl.col("subject").is_not_null())
           .sort(["n_sources", "n_observations", "n_conflicts"], descending=True).head(3)
           if charts else timeline.head(0))
    md = "_no claim has two reports yet_"
    if not top.is_empty():
        parts = []
        for key in top["claim_key"].to_list():
            b64 = base64.b64encode(charts[key].read_bytes()).decode()
            parts.append(f"**{key}**\n\n![{key}](data:image/png;base64,{b64})")
        md = "\n\n".join(parts)
    return dg.MaterializeResult(metadata={
        "charts": len(charts),
        "report": dg.MetadataValue.path(str(out / "report.html")),
        "most_reported_claims": dg.MetadataValue.md(md),
    })
