"""The figures a run closes with: what the warehouse holds now."""

from __future__ import annotations

import duckdb

COUNTED_TABLES = ("raw.discovered_urls", "raw.fetch_log", "raw.pages", "core.parse_results", "core.articles",
                  "core.facts", "core.entities", "marts.figure_observations", "marts.figure_timeline",
                  "marts.figure_discrepancies", "marts.figure_citations", "marts.article_revisions")


def table_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}


def summarize(conn: duckdb.DuckDBPyConnection) -> dict:
    """Articles per source (adapter) and per outlet, facts, claims and conflicts."""
    per_source = dict(conn.execute(
        "SELECT source, count(DISTINCT article_id) FROM core.articles GROUP BY source ORDER BY source").fetchall())
    relevant = dict(conn.execute(
        "SELECT source, count(DISTINCT article_id) FROM core.articles WHERE is_relevant "
        "GROUP BY source ORDER BY source").fetchall())
    per_outlet = dict(conn.execute(
        "SELECT coalesce(outlet, source) AS o, count(DISTINCT article_id) FROM core.articles GROUP BY o "
        "ORDER BY count(DISTINCT article_id) DESC, o").fetchall())
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles_per_source": per_source,
        "relevant_per_source": relevant,
        "articles_per_outlet": per_outlet,
        "articles": one("SELECT count(DISTINCT article_id) FROM core.articles"),
        "article_versions": one("SELECT count(*) FROM core.articles"),
        "revisions": one("SELECT count(*) FROM marts.article_revisions"),
        "facts": one("SELECT count(*) FROM core.facts"),
        "claims": one("SELECT count(*) FROM marts.figure_timeline"),
        "conflicts": one("SELECT count(*) FROM marts.figure_discrepancies"),
        "unit_errors": one("SELECT count(*) FROM marts.figure_discrepancies WHERE kind = 'probable_unit_error'"),
        "parse_failures": one("SELECT count(*) FROM core.parse_results WHERE reason = 'parse_error'"),
        "blocked": one("SELECT count(*) FROM raw.fetch_log WHERE outcome = 'blocked'"),
    }
