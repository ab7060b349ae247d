"""The reads the assets and the command line make, as named functions: all SQL lives in ``warehouse/``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb
import polars as pl

from warehouse.writes import read_frame


def urls_to_fetch(conn: duckdb.DuckDBPyConnection, source: str) -> pl.DataFrame:
    """Discovered URLs of ``source`` with what re-check scheduling needs: when the article was published
    and first seen, when it was last fetched successfully, the validators of the last kept body, and the
    last live attempt's outcome, status, failure streak and back-off time (failures that repeat)."""
    return read_frame(conn, """
        WITH last_fetch AS (
            SELECT url, max(attempted_at) AS last_fetched_at FROM raw.fetch_log
            WHERE source = $source AND outcome IN ('ok', 'not_modified') GROUP BY url
        ), last_attempt AS (
            SELECT url, outcome AS last_outcome, http_status AS last_status, same_failures AS last_same_failures,
                   next_try_at
            FROM raw.fetch_log WHERE source = $source AND mode = 'live'
            QUALIFY row_number() OVER (PARTITION BY url ORDER BY attempted_at DESC) = 1
        ), last_page AS (
            SELECT url, etag, last_modified FROM raw.pages WHERE source = $source AND kind = 'page'
            QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
        ), published AS (
            SELECT canonical_url AS url, min(published_at) AS published_at FROM core.articles
            WHERE source = $source GROUP BY canonical_url
        )
        SELECT d.url, d.first_seen_at, coalesce(p.published_at, d.feed_published_at) AS published_at,
               f.last_fetched_at, lp.etag, lp.last_modified, d.title_relevant,
               la.last_outcome, la.last_status, la.last_same_failures, la.next_try_at
        FROM raw.discovered_urls d
        LEFT JOIN last_fetch f USING (url)
        LEFT JOIN last_attempt la USING (url)
        LEFT JOIN last_page lp USING (url)
        LEFT JOIN published p USING (url)
        WHERE d.source = $source
        ORDER BY d.url
    """, {"source": source})


def discovered_count(conn: duckdb.DuckDBPyConnection, source: str) -> int:
    """How many article URLs of ``source`` discovery has listed so far."""
    return int(conn.execute("SELECT count(*) FROM raw.discovered_urls WHERE source = ?", [source]).fetchall()[0][0])


def pages_to_parse(conn: duckdb.DuckDBPyConnection, source: str) -> list[dict]:
    """Every kept HTML page of ``source``, oldest first, with where its body lies in the WARC files."""
    return read_frame(conn, """
        SELECT page_id, url, source, fetched_at, warc_file, warc_offset FROM raw.pages
        WHERE source = $source AND kind = 'page' ORDER BY fetched_at, page_id
    """, {"source": source}).to_dicts()


def articles_to_mine(conn: duckdb.DuckDBPyConnection, source: str) -> list[dict]:
    """Every article version of ``source``'s partition with its body and relevance (versions read from a
    backfilled archive belong to the archive's partition)."""
    return read_frame(conn, f"""
        SELECT article_id, version, source, outlet, language, headline, body_text, published_at, fetched_at,
               is_relevant
        FROM core.articles WHERE source = $source AND page_id NOT IN ({_ARCHIVE_PAGES})
        ORDER BY article_id, version
    """, {"source": source}).to_dicts()


# Pages read by a backfill partition (one per archive file, assets/backfill.py): raw.pages.kind 'archive'.
_ARCHIVE_PAGES = "SELECT page_id FROM raw.pages WHERE kind = 'archive'"

# The slice of core.parse_results / core.articles an outlet's partition rewrites: its source's rows, not
# those of pages a backfill partition read. Parameter: the source.
SOURCE_PAGES_SLICE = f"source = ? AND page_id NOT IN ({_ARCHIVE_PAGES})"
# The slice of core.facts an outlet's partition rewrites: facts of article versions of its own pages.
SOURCE_FACTS_SLICE = (f"source = ? AND NOT EXISTS (SELECT 1 FROM core.articles a WHERE a.article_id = "
                      f"core.facts.article_id AND a.version = core.facts.version AND a.page_id IN ({_ARCHIVE_PAGES}))")


def article_hashes(conn: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[tuple[str, int, str]]:
    """``(article_id, version, content_sha256)`` of every version the warehouse holds of ``article_ids``."""
    if not article_ids:
        return []
    conn.register("_ids", pl.DataFrame({"article_id": article_ids}))
    try:
        return conn.execute("SELECT a.article_id, a.version, a.content_sha256 FROM core.articles a "
                            "JOIN _ids USING (article_id)").fetchall()
    finally:
        conn.unregister("_ids")


def facts_for_tracking(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Facts with the dates of their article versions, as the tracker needs them, and the text of each
    figure's paragraph before it (``paragraph_head``: is it a correction note?)."""
    return read_frame(conn, """
        SELECT f.fact_id, f.article_id, f.version, f.source, coalesce(f.outlet, a.outlet, f.source) AS outlet,
               a.published_at, a.modified_at, a.fetched_at,
               f.subject, f.metric, f.chip, f.scope, f.value, f.unit, f.qualifier, f.value_low, f.value_high,
               f.surface, f.span_start, f.claim_key, f.refers_to, f.linked_fact_id, f.attributed_to,
               f.said_by, coalesce(f.language, a.language) AS language,
               regexp_extract(substr(a.body_text, 1, f.span_start), '[^\n]*$') AS paragraph_head
        FROM core.facts f JOIN core.articles a USING (article_id, version)
        ORDER BY f.fact_id
    """)


def observations(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return read_frame(conn, "SELECT * FROM marts.figure_observations")


def observation_context(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Per fact, what a chart point tells on hover and links to: its sentence and its article's URL and
    headline."""
    return read_frame(conn, """
        SELECT f.fact_id, f.sentence, a.url, a.headline
        FROM core.facts f JOIN core.articles a USING (article_id, version)
    """)


def timeline(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return read_frame(conn, "SELECT * FROM marts.figure_timeline")


def article_versions(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every article version with what revision tracking compares."""
    return read_frame(conn, """
        SELECT article_id, version, source, canonical_url, headline, body_text, fetched_at FROM core.articles
    """)


def facts_by_version(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return read_frame(conn, "SELECT article_id, version, claim_key, value, surface FROM core.facts")


def claim_history(conn: duckdb.DuckDBPyConnection, text: str) -> pl.DataFrame:
    """Observations of the claims whose key, subject or metric contains ``text`` (case-insensitive)."""
    return read_frame(conn, """
        SELECT claim_key, observed_at::DATE AS date, coalesce(outlet, source) AS outlet, surface, value, unit,
               qualifier, relation_to_previous AS relation, is_recitation AS recited
        FROM marts.figure_observations
        WHERE claim_key ILIKE $p OR subject ILIKE $p OR metric ILIKE $p
        ORDER BY claim_key, observed_at, outlet
    """, {"p": f"%{text}%"})


def claim_history_of(conn: duckdb.DuckDBPyConnection, keys: list[str]) -> pl.DataFrame:
    """Observations of the claims ``keys``, in the columns of :func:`claim_history`."""
    return read_frame(conn, """
        SELECT claim_key, observed_at::DATE AS date, source, surface, value, unit, qualifier,
               relation_to_previous AS relation, is_recitation AS recited
        FROM marts.figure_observations
        WHERE list_contains($keys, claim_key)
        ORDER BY claim_key, observed_at, source
    """, {"keys": keys})


def claim_names(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Each claim's key and the columns its name is made of (subject, metric, chip, scope)."""
    return read_frame(conn, "SELECT claim_key, subject, metric, chip, scope FROM marts.figure_timeline")


def claims_overview(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return read_frame(conn, """
        SELECT claim_key, n_observations AS n, n_sources AS outlets, n_conflicts AS conflicts,
               first_reported_at::DATE AS first, coalesce(first_outlet, first_source) AS first_outlet, first_value,
               latest_value, unit
        FROM marts.figure_timeline ORDER BY n_observations DESC, claim_key
    """)


# ------------------------------------------------------------------------------------------ asset checks


def facts_without_provenance(conn: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(fact_id, surface, span_start, span_end) of the facts whose article version is missing, whose span in
    that version's body is not their surface, or that have no sentence."""
    return conn.execute("""
        SELECT f.fact_id, f.surface, f.span_start, f.span_end
        FROM core.facts f LEFT JOIN core.articles a USING (article_id, version)
        WHERE a.article_id IS NULL
           OR substr(a.body_text, f.span_start + 1, f.span_end - f.span_start) IS DISTINCT FROM f.surface
           OR f.sentence IS NULL
    """).fetchall()


def duplicate_observations(conn: duckdb.DuckDBPyConnection) -> int:
    """How many rows of marts.figure_observations repeat a fact_id."""
    return int(conn.execute(
        "SELECT count(*) - count(DISTINCT fact_id) FROM marts.figure_observations").fetchall()[0][0])


def timeline_mismatches(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Claims whose timeline row is missing, has no observations, or whose counts or dates disagree with
    their observations (or whose first report is after the latest)."""
    return [r[0] for r in conn.execute("""
        WITH o AS (SELECT claim_key, count(*) AS n, min(observed_at) AS first_at, max(observed_at) AS last_at
                   FROM marts.figure_observations GROUP BY claim_key)
        SELECT coalesce(o.claim_key, t.claim_key) FROM o FULL JOIN marts.figure_timeline t USING (claim_key)
        WHERE t.claim_key IS NULL OR o.claim_key IS NULL OR t.n_observations <> o.n
           OR t.first_reported_at <> o.first_at OR t.latest_at <> o.last_at
           OR t.first_reported_at > t.latest_at
    """).fetchall()]


def outlet_freshness(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """One row per source fetched live at least once: when its newest article was published (else first
    seen), how many articles it has, and when it was last fetched live (feeds and pages alike). Sources only
    ever replayed from archives are left out: their age says nothing about the live crawl."""
    return read_frame(conn, """
        WITH live AS (
            SELECT source, max(attempted_at) AS last_live_fetch_at FROM raw.fetch_log
            WHERE mode = 'live' GROUP BY source
        ), newest AS (
            SELECT source, max(coalesce(published_at, first_seen_at)) AS newest_article_at,
                   count(DISTINCT article_id) AS articles
            FROM core.articles GROUP BY source
        )
        SELECT l.source, n.newest_article_at, coalesce(n.articles, 0) AS articles, l.last_live_fetch_at
        FROM live l LEFT JOIN newest n USING (source) ORDER BY l.source
    """).to_dicts()


def last_feed_fetches(conn: duckdb.DuckDBPyConnection, source: str, feeds: Sequence[str]) -> dict[str, datetime]:
    """When each of ``feeds`` was last fetched live for ``source`` (``raw.fetch_log``, any outcome); feeds
    never fetched live are absent. The live crawl's turn of feeds per host is decided from this."""
    if not feeds:
        return {}
    rows = conn.execute("""
        SELECT url, max(attempted_at) FROM raw.fetch_log
        WHERE source = ? AND mode = 'live' AND url IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY url
    """, [source, list(feeds)]).fetchall()
    return {url: at for url, at in rows}


def feed_validators(conn: duckdb.DuckDBPyConnection, source: str) -> dict[str, tuple[str | None, str | None]]:
    """The (ETag, Last-Modified) of the last kept body of each of ``source``'s feeds that sent either, so the
    next feed fetch is a conditional GET."""
    rows = conn.execute("""
        SELECT url, etag, last_modified FROM raw.pages WHERE source = ? AND kind = 'feed'
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
    """, [source]).fetchall()
    return {url: (etag, modified) for url, etag, modified in rows if etag or modified}
