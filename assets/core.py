"""Core layer: parsed, versioned articles; the figures in them; the alias table."""


import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from assets.metadata import frame_version, preview
from assets.partitions import WAREHOUSE_POOL, source_partitions
from pipelines import stages
from warehouse import queries
from warehouse.frames import table_frame
from warehouse.paths import resolve_project_path
from warehouse.schema import ARTICLES, ENTITIES, FACTS, PARSE_RESULTS
from warehouse.writes import replace_where


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["core", "parse_results"], deps=[["raw", "pages"]], kinds={"duckdb"},
                     description="What the parser made of every kept page: article or not, and why not "
                                 "(non_article, bot_wall, paywall_stub, parse_error with its message)."),
        dg.AssetSpec(["core", "articles"], deps=[["raw", "pages"]], kinds={"duckdb"},
                     description="One row per article version: a new version whenever the outlet's text "
                                 "changed meaningfully; is_relevant marks articles about AI chips or export controls."),
    ],
    partitions_def=source_partitions,
    pool=WAREHOUSE_POOL,
    group_name="core",
)
def parsed_articles(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Parse every kept HTML page of one outlet with its adapter (JSON-LD, meta, outlet selectors, generic
    fallback), classify non-articles, and assign article versions. Recomputed from raw.pages each run, so a
    parser improvement re-reads old archives; the rewrite of the partition is idempotent."""
    source = context.partition_key
    with duckdb.get_connection() as conn:
        rows = queries.pages_to_parse(conn, source)
    batch = stages.version_articles(stages.parse_pages(stages.read_page_bodies(rows, resolve_project_path)))
    results = table_frame(batch.results, PARSE_RESULTS)
    articles = table_frame(batch.articles, ARTICLES)
    with duckdb.get_connection() as conn:
        replace_where(conn, PARSE_RESULTS, results, queries.SOURCE_PAGES_SLICE, [source])
        removed, added = replace_where(conn, ARTICLES, articles, queries.SOURCE_PAGES_SLICE, [source])
    failures = results.filter(pl.col("reason") == "parse_error")
    for r in failures.iter_rows(named=True):
        context.log.warning(f"parse failed for {r['url']}: {r['error']}")
    reasons = results.group_by("reason").len().sort("reason") if not results.is_empty() else None
    yield dg.MaterializeResult(asset_key=["core", "parse_results"], metadata={
        "pages": results.height,
        "articles": int(results["is_article"].sum()) if not results.is_empty() else 0,
        **({f"not_article_{r or 'none'}": int(n) for r, n in reasons.iter_rows() if r} if reasons is not None else {}),
        "preview": preview(results.filter(pl.col("is_article").not_()) if not results.is_empty() else results,
                           ["url", "reason", "error"]),
    })
    yield dg.MaterializeResult(asset_key=["core", "articles"], data_version=frame_version(articles), metadata={
        "versions": articles.height,
        "articles": articles["article_id"].n_unique() if not articles.is_empty() else 0,
        "relevant": int(articles["is_relevant"].sum()) if not articles.is_empty() else 0,
        "versions_added": added, "versions_removed": removed,
        "preview": preview(articles, ["published_at", "version", "headline", "parser", "is_relevant"]),
    })


@dg.asset(
    key=["core", "facts"],
    deps=[["core", "articles"]],
    partitions_def=source_partitions,
    pool=WAREHOUSE_POOL,
    group_name="core",
    kinds={"duckdb"},
)
def facts(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Every figure in the relevant article versions of one outlet: value, unit, qualifier and interval,
    what it measures (subject, metric, chip), who it is attributed to, and its sentence and span in the
    body text. Irrelevant articles are not mined."""
    source = context.partition_key
    with duckdb.get_connection() as conn:
        arts = queries.articles_to_mine(conn, source)
    failed: list[dict] = []
    df = table_frame(stages.extract_facts(arts, failed), FACTS)
    for f in failed:
        context.log.warning(f"extraction failed for article {f['article_id']} v{f['version']}: {f['error']}")
    with duckdb.get_connection() as conn:
        removed, added = replace_where(conn, FACTS, df, queries.SOURCE_FACTS_SLICE, [source])
    return dg.MaterializeResult(data_version=frame_version(df), metadata={
        "facts": df.height, "facts_added": added, "facts_removed": removed, "articles_failed": len(failed),
        "claims": df["claim_key"].n_unique() if not df.is_empty() else 0,
        "preview": preview(df, ["surface", "value", "unit", "qualifier", "subject", "metric", "chip"], 15),
    })


@dg.asset(key=["core", "entities"], pool=WAREHOUSE_POOL, group_name="core", kinds={"duckdb"})
def entities(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """The bilingual alias table (companies, agencies, chips, models, countries) the extractor uses to
    canonicalize subjects and chips, loaded from the project's data file."""
    df = table_frame(stages.alias_table(), ENTITIES)
    with duckdb.get_connection() as conn:
        replace_where(conn, ENTITIES, df)
    return dg.MaterializeResult(metadata={"entities": df.height, "preview": preview(df, limit=20)})
