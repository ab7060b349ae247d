"""Analyst views over the marts, with COMMENT ON docs. They hold no data of their own."""

from __future__ import annotations

from warehouse.schema import ARTICLES, DISCOVERED_URLS, FACTS, FIGURE_CITATIONS, FIGURE_OBSERVATIONS, Table

# Where each view's columns take their documentation from, first match wins.
_COLUMN_DOCS: tuple[Table, ...] = (FIGURE_OBSERVATIONS, ARTICLES, FACTS, DISCOVERED_URLS, FIGURE_CITATIONS)
_EXTRA_DOCS = {
    "last_fetch_outcome": "Outcome of the latest fetch attempt of the URL (see raw.fetch_log), if any.",
    "n_versions": "How many versions of the article were seen (1: the text never changed while it was fetched).",
    "n_fetches": "How many times the article was fetched with a body or a 304 (raw.fetch_log, its URL or "
                 "canonical URL): 1 means it was never re-checked, so no correction could have been seen.",
    "last_fetched_at": "When the article was last fetched (body or 304): corrections after it are unknown.",
    # marts.citation_chains
    "first_fact_id": "The chain's first report (core.facts.fact_id): what every later row re-cites, directly or not.",
    "first_outlet": "Who reported the figure first.",
    "first_reported_at": "When the chain's first report was published.",
    "first_surface": "The first report's figure as written.",
    "reported_at": "When this row's article version was published.",
    "recited_from": "The outlet this row names as its source (NULL on the first report).",
}

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
    "marts.citation_chains": (
        "Who copied whom, per claim: each chain's first report (hops 0) and every report that re-cites it, "
        "naming the outlet it took the figure from (hops 1, or more through another re-citation), in order, "
        "in both languages, with what each re-citation lost. Built from marts.figure_citations.",
        """
        WITH links AS (
            SELECT * FROM marts.figure_citations WHERE cites_fact_id IS NOT NULL
        ), roots AS (
            SELECT DISTINCT l.root_fact_id AS first_fact_id, l.root_outlet AS first_outlet,
                   l.root_observed_at AS first_reported_at, f.surface AS first_surface,
                   coalesce(o.claim_key, f.claim_key) AS claim_key
            FROM links l JOIN core.facts f ON f.fact_id = l.root_fact_id
            LEFT JOIN marts.figure_observations o ON o.fact_id = l.root_fact_id
        ), members AS (
            SELECT r.first_fact_id, 0 AS hops, r.first_reported_at AS reported_at, r.first_outlet AS outlet,
                   f.fact_id, NULL::VARCHAR AS recited_from, NULL::VARCHAR AS relation,
                   NULL::VARCHAR AS dropped_qualifier, NULL::VARCHAR AS dropped_date,
                   NULL::BOOLEAN AS rounding_changes_meaning, NULL::BOOLEAN AS loses_information
            FROM roots r JOIN core.facts f ON f.fact_id = r.first_fact_id
            UNION ALL
            SELECT l.root_fact_id, l.hops, l.observed_at, l.outlet, l.fact_id, l.cites_outlet, l.relation,
                   l.dropped_qualifier, l.dropped_date, l.rounding_changes_meaning, l.loses_information
            FROM links l
        )
        SELECT r.claim_key, r.first_fact_id, r.first_outlet, r.first_reported_at, r.first_surface,
               m.hops, m.reported_at, m.outlet, coalesce(f.language, a.language) AS language, f.surface,
               f.qualifier, f.refers_to, m.recited_from, m.relation, m.dropped_qualifier, m.dropped_date,
               m.rounding_changes_meaning, m.loses_information, f.sentence, a.headline, a.url, m.fact_id
        FROM members m
        JOIN roots r USING (first_fact_id)
        JOIN core.facts f ON f.fact_id = m.fact_id
        JOIN core.articles a ON a.article_id = f.article_id AND a.version = f.version
        ORDER BY r.claim_key, r.first_reported_at, r.first_fact_id, m.hops, m.reported_at, m.outlet
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
        "The latest version of every article (one row per article_id), with how many versions were seen and "
        "how often and when it was last fetched: n_versions 1 with n_fetches 1 is never re-checked, n_versions "
        "1 with n_fetches > 1 is re-checked and never changed.",
        """
        SELECT a.*, a.version AS n_versions,
               (SELECT count(*) FROM raw.fetch_log l WHERE l.url IN (a.url, a.canonical_url)
                  AND l.outcome IN ('ok', 'not_modified')) AS n_fetches,
               (SELECT max(l.attempted_at) FROM raw.fetch_log l WHERE l.url IN (a.url, a.canonical_url)
                  AND l.outcome IN ('ok', 'not_modified')) AS last_fetched_at
        FROM core.articles a
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
