"""Analyst views over the marts, with COMMENT ON docs. They hold no data of their own."""

from __future__ import annotations

from warehouse.schema import ARTICLES, DISCOVERED_URLS, FACTS, FIGURE_OBSERVATIONS, Table

# Where each view's columns take their documentation from, first match wins.
_COLUMN_DOCS: tuple[Table, ...] = (FIGURE_OBSERVATIONS, ARTICLES, FACTS, DISCOVERED_URLS)
_EXTRA_DOCS = {"last_fetch_outcome": "Outcome of the latest fetch attempt of the URL (see raw.fetch_log), if any."}

VIEWS: dict[str, tuple[str, str]] = {
    "marts.claim_reports": (
        "Who reported which value of each claim, when, where: observations joined to their articles. "
        "Filter on claim_key (or subject/metric) and read in order of observed_at.",
        """
        SELECT o.claim_key, o.subject, o.metric, o.chip, o.scope, o.observed_at, o.outlet, o.source, a.headline, a.url,
               o.version, o.surface, o.value, o.unit, o.qualifier, o.value_low, o.value_high,
               o.relation_to_previous, o.is_recitation, o.first_reported_at, f.attributed_to, f.sentence
        FROM marts.figure_observations o
        JOIN core.articles a USING (article_id, version)
        JOIN core.facts f USING (fact_id)
        """,
    ),
    "core.feed_only_articles": (
        "Articles known only from feeds, sitemaps or a search API (headline, summary, date, URL): NYT pages "
        "that answer with a bot wall, and anything not fetched or parsed yet.",
        """
        SELECT d.source, d.url, d.title AS headline, d.summary, d.feed_published_at AS published_at, d.via,
               d.first_seen_at, (SELECT l.outcome FROM raw.fetch_log l WHERE l.url = d.url
                                 ORDER BY l.attempted_at DESC LIMIT 1) AS last_fetch_outcome
        FROM raw.discovered_urls d
        WHERE NOT EXISTS (SELECT 1 FROM core.articles a WHERE a.canonical_url = d.url OR a.url = d.url)
        """,
    ),
    "core.latest_articles": (
        "The latest version of every article (one row per article_id).",
        """
        SELECT * FROM core.articles
        QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY version DESC) = 1
        """,
    ),
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _column_comment(column: str) -> str | None:
    if column in _EXTRA_DOCS:
        return _EXTRA_DOCS[column]
    for table in _COLUMN_DOCS:
        for c in table.columns:
            if c.name == column:
                return c.comment
    return None


def view_statements(view_columns: dict[str, list[str]] | None = None) -> list[str]:
    """CREATE OR REPLACE VIEW statements plus COMMENT ON the views and their columns.

    ``view_columns`` maps a view to its column names (known after creating it); when given, each column
    gets the comment of the table column it comes from.
    """
    stmts: list[str] = []
    for name, (comment, sql) in VIEWS.items():
        stmts.append(f"CREATE OR REPLACE VIEW {name} AS {sql.strip()}")
        stmts.append(f"COMMENT ON VIEW {name} IS {_quote(comment)}")
        for col in (view_columns or {}).get(name, []):
            doc = _column_comment(col)
            if doc:
                stmts.append(f'COMMENT ON COLUMN {name}."{col}" IS {_quote(doc)}')
    return stmts
