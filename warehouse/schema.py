"""The warehouse's DDL: every table analysts rely on, with a comment on every table and column.

The tables are declared once here, as data, and turned into ``CREATE TABLE IF NOT EXISTS`` plus
``COMMENT ON`` statements, so a column cannot exist without its documentation. ``duckdb_columns()`` in the
published snapshot therefore documents itself. Schema names match the Dagster asset key prefixes
(``raw``, ``core``, ``marts``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    comment: str


@dataclass(frozen=True)
class Table:
    schema: str
    name: str
    comment: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # the natural key; writes are idempotent on it

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _t(schema: str, name: str, comment: str, cols: list[tuple[str, str, str]], key: tuple[str, ...] = ()) -> Table:
    return Table(schema, name, comment, tuple(Column(*c) for c in cols), key)


DISCOVERED_URLS = _t(
    "raw", "discovered_urls",
    "Article URLs found by discovery (feeds, sitemaps, archive listings), one row per source and URL.",
    [
        ("source", "VARCHAR", "Adapter and ingest partition: news1, cnn, nyt, or other (see core.articles.outlet)."),
        ("url", "VARCHAR", "Canonical article URL (tracking parameters, fragments and AMP prefixes removed)."),
        ("via", "VARCHAR", "How it was found: feed, sitemap, news_sitemap or archive."),
        ("feed_url", "VARCHAR", "The feed or sitemap that listed it; NULL when found by listing an archive."),
        ("title", "VARCHAR", "Title given by the feed, if any."),
        ("summary", "VARCHAR", "Summary given by the feed or search API (abstract, lead paragraph), if any."),
        ("feed_published_at", "TIMESTAMPTZ", "Publication time given by the feed (UTC), if any."),
        ("first_seen_at", "TIMESTAMPTZ", "When discovery first listed this URL (time of the feed capture)."),
        ("title_relevant", "BOOLEAN", "Whether the feed title/summary already looks on-topic (NULL if unknown)."),
    ],
    key=("source", "url"),
)

FETCH_LOG = _t(
    "raw", "fetch_log",
    "One row per fetch attempt, live or replayed, whatever its outcome.",
    [
        ("url", "VARCHAR", "URL requested."),
        ("source", "VARCHAR", "Adapter and ingest partition: news1, cnn, nyt, or other (see core.articles.outlet)."),
        ("attempted_at", "TIMESTAMPTZ", "When the attempt was made (for replays: when the archived capture was made)."),
        ("outcome", "VARCHAR",
         "ok, not_modified, http_error, timeout, connection_error, blocked, robots_disallowed, too_large, "
         "not_html, offsite_redirect or replay_miss."),
        ("http_status", "INTEGER", "HTTP status code, NULL when no response was received."),
        ("elapsed_ms", "DOUBLE", "Wall time of the attempt in milliseconds (0 for replays)."),
        ("bytes", "BIGINT", "Size of the response body in bytes, NULL when none."),
        ("error", "VARCHAR", "Human-readable reason for any outcome other than ok."),
        ("mode", "VARCHAR", "live or replay."),
        ("attempts", "INTEGER",
         "HTTP requests made for this fetch (retries and redirect hops count; 0 if robots.txt forbade it)."),
        ("same_failures", "INTEGER",
         "Live failures that are the URL's own (a 4xx, too_large, timeout, blocked...): how many fetches of the URL "
         "in a row, this one included, failed this same way (outcome and HTTP status). NULL otherwise."),
        ("next_try_at", "TIMESTAMPTZ",
         "When a failure repeated (same_failures 2 or more): the URL is backed off and no live run fetches it "
         "before this time (1 h, 6 h, 1 d, 3 d, 7 d, then every 30 d). NULL: tried again on the next run."),
    ],
    key=("source", "url", "attempted_at", "mode"),
)

PAGES = _t(
    "raw", "pages",
    "One row per distinct response body kept (articles, feeds, non-article pages); the body lives in the WARC file.",
    [
        ("page_id", "VARCHAR", "Stable id: sha256 of URL and body, first 16 hex digits."),
        ("url", "VARCHAR", "URL the body was served for."),
        ("source", "VARCHAR", "Adapter and ingest partition: news1, cnn, nyt, or other (see core.articles.outlet)."),
        ("kind", "VARCHAR", "page (HTML to parse), feed (RSS/Atom/sitemap) or archive (an HTML page of a "
                            "backfilled archive file, read by that archive's partition; see core.parse_results)."),
        ("fetched_at", "TIMESTAMPTZ", "When the body was first fetched (UTC)."),
        ("http_status", "INTEGER", "HTTP status of the response."),
        ("content_type", "VARCHAR", "Content-Type header of the response."),
        ("content_sha256", "VARCHAR", "sha256 of the response body."),
        ("warc_file", "VARCHAR",
         "WARC file holding the response record (relative to the project root when inside it)."),
        ("warc_offset", "BIGINT", "Byte offset of the response record in warc_file."),
        ("etag", "VARCHAR", "ETag header, for conditional re-fetches."),
        ("last_modified", "VARCHAR", "Last-Modified header, for conditional re-fetches."),
    ],
    key=("page_id",),
)

PARSE_RESULTS = _t(
    "core", "parse_results",
    "One row per kept HTML page: what the parser made of it, including pages that are not articles or failed.",
    [
        ("page_id", "VARCHAR", "raw.pages.page_id of the page parsed."),
        ("url", "VARCHAR", "URL of the page."),
        ("source", "VARCHAR", "Adapter and ingest partition: news1, cnn, nyt, or other."),
        ("fetched_at", "TIMESTAMPTZ", "When the page was fetched."),
        ("is_article", "BOOLEAN", "Whether the page is a single article; NULL for a page not parsed (skipped_*)."),
        ("reason", "VARCHAR",
         "Why not an article: non_article, bot_wall, paywall_stub, empty or parse_error; for a backfilled archive's "
         "page not parsed, why the sniff skipped it: skipped_off_topic (no chip or export-control term anywhere in "
         "the page), skipped_language (a language the extractor does not read; error names it) or skipped_url "
         "(not one of its outlet's article URLs)."),
        ("error", "VARCHAR", "The parser's error message for parse_error; for an article whose figures could not "
         "be extracted (backfill), that error; else NULL."),
        ("parser", "VARCHAR", "Parser layer that produced the body (e.g. news1.next_data, generic.trafilatura)."),
        ("article_id", "VARCHAR", "core.articles.article_id the page became, NULL for non-articles."),
    ],
    key=("page_id",),
)

ARTICLES = _t(
    "core", "articles",
    "One row per article version: a new version whenever an outlet's text of the article changed meaningfully.",
    [
        ("article_id", "VARCHAR", "Stable article id from the canonical URL (sha256, first 16 hex digits)."),
        ("version", "INTEGER", "1 for the first text seen, 2, 3, ... for later revisions."),
        ("source", "VARCHAR",
         "Adapter and ingest partition that read the page: news1, cnn, nyt, or other (any other site, read by the "
         "generic parser). Not who reported it: see outlet."),
        ("outlet", "VARCHAR",
         "Who published it (the reporting outlet): the publisher the page states (JSON-LD publisher, og:site_name), "
         "normalised by the outlet table keyed by registrable domain (edition.cnn.com and cnn.com are CNN); for a "
         "syndicated copy the original outlet the page names (a Reuters story on another site is Reuters). "
         "Counts of outlets and re-citations use it; source is the adapter."),
        ("outlet_via", "VARCHAR",
         "How outlet was found: adapter, domain (the outlet table), jsonld_publisher, og:site_name, "
         "application-name, host (the registrable domain, when the page names no publisher), or "
         "syndicated:<signal> (original_source_link, jsonld_source_organization, jsonld_is_based_on, "
         "jsonld_author, byline, dateline, credit_line) for a copy of another outlet's story."),
        ("url", "VARCHAR", "URL the version was fetched from."),
        ("canonical_url", "VARCHAR", "Canonical URL of the article."),
        ("language", "VARCHAR", "ISO 639-1 language of the text (ko, en, ...)."),
        ("headline", "VARCHAR", "Headline as displayed."),
        ("description", "VARCHAR", "Summary/dek given by the page."),
        ("authors", "VARCHAR[]", "Bylined names."),
        ("section", "VARCHAR", "Section of the outlet."),
        ("published_at", "TIMESTAMPTZ", "Publication time stated by the page (never the fetch time)."),
        ("modified_at", "TIMESTAMPTZ", "Last-modified time stated by the page, if any."),
        ("first_seen_at", "TIMESTAMPTZ", "When chipwatch first fetched any version of this article."),
        ("fetched_at", "TIMESTAMPTZ", "When this version was first fetched."),
        ("page_id", "VARCHAR", "raw.pages.page_id this version was parsed from."),
        ("content_sha256", "VARCHAR", "sha256 of the normalized body text; equal hashes mean no revision."),
        ("body_text", "VARCHAR", "Article paragraphs joined by blank lines; fact spans index into it."),
        ("word_count", "INTEGER", "Whitespace-separated words in body_text."),
        ("parser", "VARCHAR", "Parser layer that produced the body."),
        ("is_relevant", "BOOLEAN", "About AI chips or export controls; irrelevant articles are kept but not mined."),
        ("paywalled", "BOOLEAN", "The page declares the article as not free to access."),
    ],
    key=("article_id", "version"),
)

FACTS = _t(
    "core", "facts",
    "One row per figure found in an article version, normalized, with its provenance.",
    [
        ("fact_id", "VARCHAR", "Stable id from article, version and span."),
        ("article_id", "VARCHAR", "core.articles.article_id."),
        ("version", "INTEGER", "core.articles.version the figure was found in."),
        ("source", "VARCHAR", "Adapter / partition that read the article (news1, cnn, nyt, other)."),
        ("outlet", "VARCHAR", "Who reported the figure: core.articles.outlet of its article."),
        ("published_at", "TIMESTAMPTZ", "Publication time of the article."),
        ("fetched_at", "TIMESTAMPTZ", "When the article version was fetched."),
        ("language", "VARCHAR", "Language of the article."),
        ("subject", "VARCHAR", "Canonical entity the figure is about (see core.entities), NULL if unknown."),
        ("metric", "VARCHAR", "What the figure measures (training_cost, chip_count, deal_value, ...)."),
        ("chip", "VARCHAR", "Chip model the figure is about, if any (H800, H100, ...)."),
        ("value", "DOUBLE", "Normalized value in unit (NULL for vague amounts)."),
        ("unit", "VARCHAR", "Canonical unit: USD, KRW, chips, companies, percent, years, ..."),
        ("qualifier", "VARCHAR",
         "exact, approx, at_least, more_than, at_most, less_than, up_to, range or vague."),
        ("value_low", "DOUBLE", "Lower end of the interval the wording and precision support."),
        ("value_high", "DOUBLE", "Upper end of that interval (infinity when open)."),
        ("surface", "VARCHAR", "The figure as written, e.g. 557만 6000달러."),
        ("sentence", "VARCHAR", "The sentence the figure stands in."),
        ("span_start", "INTEGER", "Character offset of surface in core.articles.body_text."),
        ("span_end", "INTEGER", "Character offset just past surface in body_text."),
        ("attributed_to", "VARCHAR", "Whom the article cites for the figure, if stated."),
        ("linked_fact_id", "VARCHAR", "For a conversion in parentheses: the fact it converts."),
        ("scope", "VARCHAR",
         "The model of the subject the figure is about (e.g. DeepSeek-V3 vs DeepSeek-R1), if named."),
        ("claim_key", "VARCHAR",
         "subject|metric|chip|dimension (money, duration or the unit)[|scope]: the quantity the figure reports. "
         "For event metrics the marts add the event (marts.figure_observations.claim_key)."),
        ("subject_via", "VARCHAR",
         "Where the subject was found: sentence, previous_sentence, headline, article, or chip (the maker of the chip "
         "a charge is for) (NULL: no subject)."),
        ("refers_to", "VARCHAR",
         "The date or period the figure is about, as the text states it, resolved against the publication date: "
         "2025-01-27, 2025-01-27 intraday, 2024-09, 2025-Q1, 2024, or a span a/b; NULL when the text gives none."),
        ("rule", "VARCHAR", "Extractor rule that produced the figure."),
        ("said_by", "VARCHAR",
         "The person or body whose claim the figure is, when the text names one that is not an outlet "
         "(\"Alexandr Wang ... told CNBC\" → Alexandr Wang; attributed_to is CNBC). Outlets re-telling one "
         "speaker's claim count as one source in the consensus."),
        ("scope_via", "VARCHAR",
         "Where the scope was found: text (the sentence, or the subject it carries on) or article (the one model "
         "the article names, for a sentence that names none; the tracker moves such a figure to the model whose "
         "reports its value agrees with)."),
    ],
    key=("fact_id",),
)

ENTITIES = _t(
    "core", "entities",
    "The bilingual alias table used to canonicalize subjects and chips.",
    [
        ("canonical", "VARCHAR", "Canonical name used in core.facts.subject / chip."),
        ("kind", "VARCHAR", "org, person, chip, country, model, agency, government, court, fund, index or case."),
        ("aliases", "VARCHAR[]", "Names it goes by, in Korean and English."),
    ],
    key=("canonical",),
)

FIGURE_OBSERVATIONS = _t(
    "marts", "figure_observations",
    "Facts as observations of a claim, in order of publication, each compared with what came before.",
    [
        ("claim_key", "VARCHAR",
         "The claim: core.facts.claim_key, plus |@event for event metrics (a market move, a charge, a deal...)."),
        ("subject", "VARCHAR", "Canonical subject."),
        ("metric", "VARCHAR", "Metric."),
        ("chip", "VARCHAR", "Chip, if any."),
        ("scope", "VARCHAR", "Model the claim is narrowed to, if any (see core.facts.scope)."),
        ("event", "VARCHAR",
         "For event metrics: the date or period the claim is about (the stated core.facts.refers_to, or for an "
         "undated report the event stated by reports of the same quantity in the week before it; ~day for "
         "undated reports only). NULL for property metrics (training cost, chips used)."),
        ("report_seq", "INTEGER",
         "Position of the observation in its claim's one ordering (publication time, outlet, article, text)."),
        ("unit", "VARCHAR",
         "Unit the values are expressed in (amounts in USD, durations in days, else the figure's unit)."),
        ("observed_at", "TIMESTAMPTZ", "Publication time of the article version carrying the figure."),
        ("source", "VARCHAR", "Adapter / partition that read the article (news1, cnn, nyt, other)."),
        ("outlet", "VARCHAR", "Who reported the figure (core.articles.outlet): CNN, Reuters, Yonhap, ..."),
        ("article_id", "VARCHAR", "core.articles.article_id."),
        ("version", "INTEGER", "core.articles.version."),
        ("fact_id", "VARCHAR", "core.facts.fact_id."),
        ("value", "DOUBLE", "Value in unit."),
        ("value_low", "DOUBLE", "Interval low end in unit."),
        ("value_high", "DOUBLE", "Interval high end in unit."),
        ("qualifier", "VARCHAR", "Qualifier of the report."),
        ("surface", "VARCHAR", "The figure as written."),
        ("relation_to_previous", "VARCHAR",
         "first, consistent, rounding, bound, conflicting or probable_unit_error, against the latest earlier "
         "observation of the claim that was not itself a probable unit error (for a point estimate: the "
         "latest earlier point estimate, if any)."),
        ("previous_fact_id", "VARCHAR", "The observation it was compared with, NULL for the first."),
        ("is_recitation", "BOOLEAN",
         "An earlier report of the same value, or a rounding of it, exists from another outlet (bounds do not "
         "count), or the report names the outlet it took the figure from and is linked to its report "
         "(cites_fact_id), whatever the rounding or dropped qualifier."),
        ("first_reported_at", "TIMESTAMPTZ",
         "When a consistent figure was first reported (by anyone; for a linked re-citation, no later than its "
         "chain's first report)."),
        ("cites_fact_id", "VARCHAR",
         "For a report that names the outlet it took the figure from: that outlet's earliest matching report "
         "(core.facts.fact_id; see marts.figure_citations). NULL otherwise or when the warehouse lacks it."),
        ("conversion_surface", "VARCHAR",
         "The conversion written in parentheses after the figure, if any (e.g. 약 78억8000만원): part of this "
         "report, never an observation of its own."),
        ("conversion_ok", "BOOLEAN",
         "Whether that conversion agrees with the figure at the month's exchange rate (NULL without one)."),
        ("consensus", "VARCHAR",
         "The report against its claim's consensus (marts.figure_timeline.consensus_low/high): agrees (meets the "
         "range), unit_error (off it by a factor near a power of ten; in a tie, off the claim's first report), "
         "outlier (outside it), no_consensus (on one side of a tie: as many outlets report another range)."),
        ("superseded_at", "TIMESTAMPTZ",
         "When a later version of the same article changed this figure (publication or revision time of that "
         "version); NULL while the article still states it. A superseded figure stays here but does not vote."),
        ("corrects_fact_id", "VARCHAR",
         "For a figure that replaced another in a later version of its article (or a correction note's 'It was "
         "$589 billion'): fact_id of the figure it corrects, which has superseded_at set."),
        ("said_by", "VARCHAR",
         "The person or body whose claim the report re-tells (core.facts.said_by). Reports re-telling one third "
         "party's claim are one vote in the consensus, whichever outlets carried them."),
    ],
    key=("fact_id",),
)

FIGURE_CITATIONS = _t(
    "marts", "figure_citations",
    "Who copied whom: one row per figure whose sentence names its source (core.facts.attributed_to), the "
    "source normalised to an outlet or entity, and, for an outlet the warehouse has, the report it re-cites "
    "and what the re-citation lost. marts.citation_chains reads them as chains.",
    [
        ("fact_id", "VARCHAR", "The re-citing figure: core.facts.fact_id."),
        ("claim_key", "VARCHAR",
         "Its claim (marts.figure_observations.claim_key; core.facts.claim_key for a figure that is no "
         "observation, e.g. one whose subject the text does not name)."),
        ("outlet", "VARCHAR", "Who re-cited it (core.articles.outlet)."),
        ("language", "VARCHAR", "Language of the re-citing article (ko, en)."),
        ("observed_at", "TIMESTAMPTZ", "When the re-citing article version was published."),
        ("surface", "VARCHAR", "The figure as the re-citation writes it."),
        ("qualifier", "VARCHAR", "Its qualifier (exact, approx, more_than, ...)."),
        ("refers_to", "VARCHAR", "The date or period the re-citation states for it (NULL: none)."),
        ("attributed_to", "VARCHAR", "Whom the sentence cites, as the extractor found it (core.facts.attributed_to)."),
        ("cited", "VARCHAR",
         "The cited source normalised: an outlet as core.articles.outlet names it (NYT, 뉴욕타임스 -> The New "
         "York Times), else the alias table's entity."),
        ("cited_kind", "VARCHAR", "outlet, or the entity's kind: person, org, agency, government, court, country."),
        ("cites_fact_id", "VARCHAR",
         "The cited outlet's earliest matching report published before it (NULL: not an outlet, the outlet "
         "itself, or no such report in the warehouse)."),
        ("cites_outlet", "VARCHAR", "The outlet of that report."),
        ("cites_observed_at", "TIMESTAMPTZ", "When that report was published."),
        ("cites_surface", "VARCHAR", "That report's figure as written."),
        ("cites_qualifier", "VARCHAR", "That report's qualifier."),
        ("cites_refers_to", "VARCHAR", "The date or period that report states (NULL: none)."),
        ("match", "VARCHAR",
         "How the cited report was matched: same_claim (the same claim), same_metric (same metric and chip, "
         "for a figure whose subject is unnamed) or same_value (the same value or a rounding of it, in the same "
         "dimension, under another metric)."),
        ("relation", "VARCHAR",
         "The re-citation against the cited report: consistent, rounding, bound, conflicting or "
         "probable_unit_error (see marts.figure_observations.relation_to_previous)."),
        ("lag_days", "DOUBLE", "Days from the cited report to the re-citation."),
        ("root_fact_id", "VARCHAR",
         "The chain's first report: the cited report, or what it in turn re-cites, followed to the end."),
        ("root_outlet", "VARCHAR", "The outlet of the chain's first report."),
        ("root_observed_at", "TIMESTAMPTZ", "When the chain's first report was published."),
        ("hops", "INTEGER", "1 when it re-cites the first report itself, 2 for a re-citation of a re-citation, ..."),
        ("dropped_qualifier", "VARCHAR",
         "The cited report's qualifier the re-citation lost: more_than/at_least (a dropped \"more than\"), "
         "less_than/at_most/up_to, or approx (\"about\" re-cited as exact). NULL: none lost."),
        ("dropped_date", "VARCHAR",
         "The date the re-citation lost: the cited report's refers_to, or for an event metric (a deal, a "
         "charge) the month it was reported, when the re-citation, published 30 days or more later, states "
         "none. NULL: none lost."),
        ("rounding_changes_meaning", "BOOLEAN",
         "The re-citation rounds the figure by more than 5 % or across a round number ($4.96 billion as $5 "
         "billion)."),
        ("loses_information", "BOOLEAN", "A qualifier, a date or the figure's meaning was lost in re-citing."),
    ],
    key=("fact_id",),
)

FIGURE_TIMELINE = _t(
    "marts", "figure_timeline",
    "One row per claim: who reported it first and last, how many reports, how many conflicts, the consensus.",
    [
        ("claim_key", "VARCHAR", "The claim, as in marts.figure_observations."),
        ("subject", "VARCHAR", "Canonical subject."),
        ("metric", "VARCHAR", "Metric."),
        ("chip", "VARCHAR", "Chip, if any."),
        ("scope", "VARCHAR", "Model the claim is narrowed to, if any (see core.facts.scope)."),
        ("event", "VARCHAR", "The event the claim is about (see marts.figure_observations.event)."),
        ("unit", "VARCHAR", "Unit of the values."),
        ("first_reported_at", "TIMESTAMPTZ", "Publication time of the first observation (report_seq 1)."),
        ("first_source", "VARCHAR", "Adapter / partition of the first observation."),
        ("first_outlet", "VARCHAR", "Outlet that reported the first observation (core.articles.outlet)."),
        ("first_value", "DOUBLE", "Value of the first observation."),
        ("latest_at", "TIMESTAMPTZ", "Publication time of the latest observation."),
        ("latest_source", "VARCHAR", "Adapter / partition of the latest observation."),
        ("latest_outlet", "VARCHAR", "Outlet that reported the latest observation."),
        ("latest_value", "DOUBLE", "Value of the latest observation."),
        ("n_observations", "INTEGER", "Number of observations."),
        ("n_sources", "INTEGER", "Number of distinct outlets reporting the claim (marts.figure_observations.outlet)."),
        ("n_conflicts", "INTEGER", "Observations conflicting with, or a unit error against, their predecessor."),
        ("min_value", "DOUBLE", "Smallest reported value."),
        ("max_value", "DOUBLE", "Largest reported value."),
        ("consensus_low", "DOUBLE",
         "Low end of the range the most outlets agree on: one vote per outlet (its latest report; superseded "
         "figures and citations of another outlet's report do not vote), the range covered by the most votes "
         "(intervals, bounds included). Never NULL: in a tie, the range of the claim's earliest voting report."),
        ("consensus_high", "DOUBLE", "High end of that range (infinity for a lower bound)."),
        ("consensus_support", "INTEGER", "Number of outlets whose vote covers the consensus range."),
        ("consensus_basis", "VARCHAR",
         "unanimous (every voting outlet meets the range), majority (more outlets than on any other range) or "
         "tie (another range has as many outlets: no report is called an outlier for it)."),
    ],
    key=("claim_key",),
)

FIGURE_DISCREPANCIES = _t(
    "marts", "figure_discrepancies",
    "Pairs of observations of one claim whose intervals do not overlap.",
    [
        ("claim_key", "VARCHAR", "The claim, as in marts.figure_observations."),
        ("kind", "VARCHAR", "conflicting or probable_unit_error."),
        ("ratio", "DOUBLE", "value_b / value_a."),
        ("fact_id_a", "VARCHAR", "Earlier observation."),
        ("source_a", "VARCHAR", "Adapter / partition of the earlier observation."),
        ("outlet_a", "VARCHAR", "Outlet that reported the earlier observation."),
        ("observed_at_a", "TIMESTAMPTZ", "Publication time of the earlier observation."),
        ("value_a", "DOUBLE", "Value of the earlier observation."),
        ("surface_a", "VARCHAR", "The earlier figure as written."),
        ("fact_id_b", "VARCHAR", "Later observation."),
        ("source_b", "VARCHAR", "Adapter / partition of the later observation."),
        ("outlet_b", "VARCHAR", "Outlet that reported the later observation."),
        ("observed_at_b", "TIMESTAMPTZ", "Publication time of the later observation."),
        ("value_b", "DOUBLE", "Value of the later observation."),
        ("surface_b", "VARCHAR", "The later figure as written."),
        ("likely_wrong", "VARCHAR",
         "Which side is likely wrong: a, b, both (each outside the claim's consensus, as outlier or unit error; "
         "see marts.figure_observations.consensus), NULL when the reports do not decide (a tie)."),
        ("why", "VARCHAR",
         "Why, in words: against the consensus of N outlets (which, and a report of it), or for a unit error "
         "in a tie against the original source (first report)."),
    ],
    key=("fact_id_a", "fact_id_b"),
)

ARTICLE_REVISIONS = _t(
    "marts", "article_revisions",
    "One row per change between consecutive versions of an article.",
    [
        ("article_id", "VARCHAR", "core.articles.article_id."),
        ("source", "VARCHAR", "Adapter and ingest partition: news1, cnn, nyt, or other."),
        ("url", "VARCHAR", "Canonical URL of the article."),
        ("from_version", "INTEGER", "Earlier version."),
        ("to_version", "INTEGER", "Later version."),
        ("detected_at", "TIMESTAMPTZ", "When the later version was first fetched."),
        ("headline_changed", "BOOLEAN", "Whether the headline changed."),
        ("chars_added", "INTEGER", "Characters in the later body that are not in the earlier one (diff)."),
        ("chars_removed", "INTEGER", "Characters of the earlier body missing from the later one (diff)."),
        ("facts_added", "VARCHAR[]", "Surfaces of figures only in the later version."),
        ("facts_removed", "VARCHAR[]", "Surfaces of figures only in the earlier version."),
        ("facts_changed", "VARCHAR[]", "Claim keys whose value changed, as 'claim: old -> new'."),
        ("changed_claims", "VARCHAR[]",
         "The claims (marts.figure_observations.claim_key, event included) of the figures this version "
         "corrected (marts.figure_observations.corrects_fact_id)."),
        ("correction_note", "VARCHAR",
         "The correction note the later version added ('Correction: An earlier version ... It was $589 "
         "billion.'), NULL if none."),
    ],
    key=("article_id", "to_version"),
)

TABLES: tuple[Table, ...] = (
    DISCOVERED_URLS, FETCH_LOG, PAGES, PARSE_RESULTS, ARTICLES, FACTS, ENTITIES,
    FIGURE_OBSERVATIONS, FIGURE_TIMELINE, FIGURE_DISCREPANCIES, FIGURE_CITATIONS, ARTICLE_REVISIONS,
)
SCHEMAS = ("raw", "core", "marts")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ddl_statements() -> list[str]:
    """CREATE SCHEMA/TABLE IF NOT EXISTS and COMMENT ON statements for the whole warehouse."""
    stmts = [f"CREATE SCHEMA IF NOT EXISTS {s}" for s in SCHEMAS]
    for table in TABLES:
        cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in table.columns)
        stmts.append(f"CREATE TABLE IF NOT EXISTS {table.qualified} (\n  {cols}\n)")
        # Columns added to the declaration after a warehouse was created are added in place.
        for c in table.columns:
            stmts.append(f'ALTER TABLE {table.qualified} ADD COLUMN IF NOT EXISTS "{c.name}" {c.type}')
        stmts.append(f"COMMENT ON TABLE {table.qualified} IS {_quote(table.comment)}")
        for c in table.columns:
            stmts.append(f'COMMENT ON COLUMN {table.qualified}."{c.name}" IS {_quote(c.comment)}')
    return stmts


def table(qualified: str) -> Table:
    """The declaration of ``schema.table``."""
    for t in TABLES:
        if t.qualified == qualified:
            return t
    raise KeyError(f"no table {qualified!r} in the warehouse schema")
