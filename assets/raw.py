"""Raw layer: discovered URLs, every fetch attempt, every response body kept."""


from datetime import UTC, datetime

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from assets.metadata import preview
from assets.partitions import WAREHOUSE_POOL, source_partitions
from assets.resources import FetcherResource
from pipelines import stages
from warehouse import queries
from warehouse.frames import table_frame
from warehouse.paths import relative_to_project
from warehouse.schema import DISCOVERED_URLS, FETCH_LOG, PAGES
from warehouse.writes import insert_new


def _rows_from_results(results, kind: str, previous: dict[str, dict] | None = None,
                       backoff=None) -> tuple[pl.DataFrame, pl.DataFrame]:
    log_rows = [stages.fetch_log_row(r, (previous or {}).get(r.url), backoff) for r in results]
    page_rows = []
    for r in results:
        row = stages.page_row(r, kind, relative_to_project(r.warc_file) if r.warc_file else None)
        if row:
            page_rows.append(row)
    return (table_frame(log_rows, FETCH_LOG),
            table_frame(page_rows, PAGES))


def _close(client: object) -> None:
    """Close a fetcher's HTTP connections once an asset is done with it (the replay fetcher holds none)."""
    close = getattr(client, "close", None)
    if callable(close):
        close()


@dg.asset(
    key=["raw", "discovered_urls"],
    partitions_def=source_partitions,
    pool=WAREHOUSE_POOL,
    group_name="raw",
    kinds={"duckdb", "python"},
)
def discovered_urls(context: dg.AssetExecutionContext, fetcher: FetcherResource,
                    duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Article URLs of one outlet, from its RSS feeds and news sitemaps (and, when replaying an archive,
    from the archive's own pages of that outlet). Feed fetches are logged in raw.fetch_log and their bodies
    kept in raw.pages as kind 'feed'. Items that are videos, live blogs or galleries are skipped."""
    source = context.partition_key
    client = fetcher.build(run_id=context.run.run_id)
    search = fetcher.article_search(source, client)
    live = client.mode == "live"
    with duckdb.get_connection() as conn:  # feeds are conditional GETs: a 304 costs no parse
        feed_validators = queries.feed_validators(conn, source) if live else {}
        # one feed per host per crawl, in turn, by the warehouse's record of past feed fetches
        last_fetched = queries.last_feed_fetches(conn, source, stages.feed_list(client, source)) if live else None
    try:
        found = stages.discover(client, source, article_search=search, validators=feed_validators,
                                last_fetched=last_fetched)
    finally:
        if search is not None:
            search.close()
        _close(client)
    urls = table_frame(found.urls, DISCOVERED_URLS)
    log_df, pages_df = _rows_from_results(found.attempts, "feed")
    with duckdb.get_connection() as conn:
        new_urls = insert_new(conn, DISCOVERED_URLS, urls)
        insert_new(conn, FETCH_LOG, log_df)
        insert_new(conn, PAGES, pages_df)
        total = queries.discovered_count(conn, source)
    polled = ", ".join(f"{r.url} ({r.outcome})" for r in found.attempts) or "none"
    context.log.info(f"{source}: {urls.height} article URLs listed, {new_urls} new, {found.skipped} skipped; "
                     f"feeds fetched: {polled}")
    return dg.MaterializeResult(metadata={
        "urls_listed": urls.height, "urls_new": new_urls, "urls_total": total, "feed_items_skipped": found.skipped,
        "feed_fetches": len(found.attempts), "preview": preview(urls, ["url", "via", "title"]),
    })


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "fetch_log"], deps=[["raw", "discovered_urls"]],
                     description="One row per fetch attempt of an article URL, with its outcome (ok, blocked, "
                                 "replay_miss, ...). Attempts are never lost: failures are rows too.",
                     kinds={"duckdb"}),
        dg.AssetSpec(["raw", "pages"], deps=[["raw", "discovered_urls"]],
                     description="One row per distinct response body kept; bodies live in WARC files "
                                 "(warc_file, warc_offset) that replay reads back.",
                     kinds={"duckdb", "warc"}),
    ],
    partitions_def=source_partitions,
    pool=WAREHOUSE_POOL,
    group_name="raw",
)
def fetched_pages(context: dg.AssetExecutionContext, fetcher: FetcherResource, duckdb: DuckDBResource):
    """Fetch every discovered URL of one outlet (replayed from WARC archives by default, live HTTP when
    configured) and record each attempt and each kept body. Idempotent: a replayed capture is the same row."""
    source = context.partition_key
    client = fetcher.build(run_id=context.run.run_id)
    with duckdb.get_connection() as conn:
        candidates = queries.urls_to_fetch(conn, source)
    now = datetime.now(UTC)
    urls = stages.due_urls(candidates.to_dicts(), now, client.mode, fetcher.schedule(),
                           prefilter_titles=fetcher.prefilter_titles)
    # live: only the hosts configured for the source (a stand-in override keeps the run off the real site)
    urls, elsewhere, why_not = stages.on_source_hosts(client, source, urls)
    validators = {r["url"]: (r["etag"], r["last_modified"]) for r in candidates.iter_rows(named=True)
                  if r["etag"] or r["last_modified"]}
    try:
        results = stages.fetch_all(client, urls, source, validators=validators, max_workers=fetcher.max_workers)
    finally:
        _close(client)
    previous = {r["url"]: r for r in candidates.iter_rows(named=True)}
    live = client.mode == "live"
    log_df, pages_df = _rows_from_results(results, "page", previous, fetcher.failure_backoff_steps() if live else None)
    backed_off = sum(1 for r in previous.values() if live and stages.backed_off(r, now))
    with duckdb.get_connection() as conn:
        new_attempts = insert_new(conn, FETCH_LOG, log_df)
        new_pages = insert_new(conn, PAGES, pages_df)
    outcomes = (log_df.group_by("outcome").len().sort("outcome") if not log_df.is_empty()
                else pl.DataFrame({"outcome": [], "len": []}))
    off_hosts = f", {len(elsewhere)} due left alone ({why_not})" if elsewhere else ""
    context.log.info(f"{source}: {len(urls)} of {candidates.height} URLs due ({backed_off} backed off after "
                     f"repeated failures{off_hosts}), {new_attempts} new attempts, {new_pages} new pages")
    yield dg.MaterializeResult(asset_key=["raw", "fetch_log"], metadata={
        "urls_known": candidates.height, "urls_due": len(urls), "urls_backed_off": backed_off,
        "urls_off_hosts": len(elsewhere),
        "attempts": log_df.height, "attempts_new": new_attempts,
        **{f"outcome_{o}": int(n) for o, n in outcomes.iter_rows()},
        "preview": preview(log_df, ["url", "attempted_at", "outcome", "http_status", "error"]),
    })
    yield dg.MaterializeResult(asset_key=["raw", "pages"], metadata={
        "pages_kept": pages_df.height, "pages_new": new_pages,
        "preview": preview(pages_df, ["url", "fetched_at", "content_sha256", "warc_offset"]),
    })
