"""The records that cross stage boundaries, one typed row per warehouse table.

Each ``TypedDict`` here is the row a stage hands on, field for field the columns of one warehouse table
(``RECORDS`` names it), in the table's order; ``tests/test_records.py`` holds each to its table's
columns and types. Stages that build polars frames take the column list and dtypes from these types
(``columns``, ``polars_schema``) instead of copying them, and the asset layer builds the frames it writes
from the warehouse declaration itself, refusing any row key the table lacks or any column a row lacks.
``INPUTS`` are the rows stages read back from the warehouse, named by the query that returns them.

Python types map to polars (and so to DuckDB) types as: ``str`` VARCHAR, ``int`` INTEGER, ``BigInt``
BIGINT, ``float`` DOUBLE, ``bool`` BOOLEAN, ``datetime`` TIMESTAMPTZ (UTC), ``list[str]`` VARCHAR[].
The columns are nullable; ``| None`` marks the fields a stage may leave empty.
"""

from __future__ import annotations

import types
import typing
from datetime import datetime
from typing import NewType, TypedDict

import polars as pl

BigInt = NewType("BigInt", int)
"""An integer column too wide for 32 bits (byte counts and offsets)."""

_POLARS: dict[object, pl.DataType] = {
    str: pl.String(),
    int: pl.Int32(),
    BigInt: pl.Int64(),
    float: pl.Float64(),
    bool: pl.Boolean(),
    datetime: pl.Datetime("us", "UTC"),
    list[str]: pl.List(pl.String),
}


class DiscoveredUrl(TypedDict):
    """A row of ``raw.discovered_urls``: an article URL discovery found."""

    source: str
    url: str
    via: str
    feed_url: str | None
    title: str | None
    summary: str | None
    feed_published_at: datetime | None
    first_seen_at: datetime | None
    title_relevant: bool | None


class FetchAttempt(TypedDict):
    """A row of ``raw.fetch_log``: one fetch attempt."""

    url: str
    source: str
    attempted_at: datetime
    outcome: str
    http_status: int | None
    elapsed_ms: float | None
    bytes: BigInt | None
    error: str | None
    mode: str
    attempts: int | None
    same_failures: int | None
    next_try_at: datetime | None


class KeptPage(TypedDict):
    """A row of ``raw.pages``: one response body kept."""

    page_id: str
    url: str
    source: str
    kind: str
    fetched_at: datetime
    http_status: int | None
    content_type: str | None
    content_sha256: str
    warc_file: str | None
    warc_offset: BigInt | None
    etag: str | None
    last_modified: str | None


class ParseResult(TypedDict):
    """A row of ``core.parse_results``: what the parser made of one kept page."""

    page_id: str
    url: str
    source: str
    fetched_at: datetime
    is_article: bool
    reason: str | None
    error: str | None
    parser: str | None
    article_id: str | None


class ArticleVersion(TypedDict):
    """A row of ``core.articles``: one article version."""

    article_id: str
    version: int
    source: str
    outlet: str | None
    outlet_via: str | None
    url: str
    canonical_url: str
    language: str | None
    headline: str | None
    description: str | None
    authors: list[str]
    section: str | None
    published_at: datetime | None
    modified_at: datetime | None
    first_seen_at: datetime
    fetched_at: datetime
    page_id: str
    content_sha256: str
    body_text: str
    word_count: int
    parser: str | None
    is_relevant: bool
    paywalled: bool | None


class Fact(TypedDict):
    """A row of ``core.facts``: one figure found in an article version."""

    fact_id: str
    article_id: str
    version: int
    source: str
    outlet: str | None
    published_at: datetime | None
    fetched_at: datetime
    language: str | None
    subject: str | None
    metric: str
    chip: str | None
    value: float | None
    unit: str
    qualifier: str
    value_low: float | None
    value_high: float | None
    surface: str
    sentence: str
    span_start: int
    span_end: int
    attributed_to: str | None
    linked_fact_id: str | None
    scope: str | None
    claim_key: str
    subject_via: str | None
    refers_to: str | None
    rule: str | None
    said_by: str | None
    scope_via: str | None


class AliasEntry(TypedDict):
    """A row of ``core.entities``: one entry of the alias table."""

    canonical: str
    kind: str
    aliases: list[str]


class Observation(TypedDict):
    """A row of ``marts.figure_observations``: a fact as an observation of its claim."""

    claim_key: str
    subject: str | None
    metric: str
    chip: str | None
    scope: str | None
    event: str | None
    report_seq: int
    unit: str
    observed_at: datetime
    source: str
    outlet: str | None
    article_id: str
    version: int
    fact_id: str
    value: float
    value_low: float
    value_high: float
    qualifier: str
    surface: str
    relation_to_previous: str
    previous_fact_id: str | None
    is_recitation: bool
    first_reported_at: datetime
    cites_fact_id: str | None
    conversion_surface: str | None
    conversion_ok: bool | None
    consensus: str
    superseded_at: datetime | None
    corrects_fact_id: str | None
    said_by: str | None


class FigureCitation(TypedDict):
    """A row of ``marts.figure_citations``: a figure whose sentence names its source, and the report it re-cites."""

    fact_id: str
    claim_key: str
    outlet: str | None
    language: str | None
    observed_at: datetime
    surface: str
    qualifier: str
    refers_to: str | None
    attributed_to: str
    cited: str | None
    cited_kind: str | None
    cites_fact_id: str | None
    cites_outlet: str | None
    cites_observed_at: datetime | None
    cites_surface: str | None
    cites_qualifier: str | None
    cites_refers_to: str | None
    match: str | None
    relation: str | None
    lag_days: float | None
    root_fact_id: str | None
    root_outlet: str | None
    root_observed_at: datetime | None
    hops: int | None
    dropped_qualifier: str | None
    dropped_date: str | None
    rounding_changes_meaning: bool | None
    loses_information: bool | None


class Discrepancy(TypedDict):
    """A row of ``marts.figure_discrepancies``: two observations of one claim that disagree."""

    claim_key: str
    kind: str
    ratio: float | None
    fact_id_a: str
    source_a: str
    outlet_a: str | None
    observed_at_a: datetime
    value_a: float
    surface_a: str
    fact_id_b: str
    source_b: str
    outlet_b: str | None
    observed_at_b: datetime
    value_b: float
    surface_b: str
    likely_wrong: str | None
    why: str


class ClaimTimeline(TypedDict):
    """A row of ``marts.figure_timeline``: one claim's reports summarised."""

    claim_key: str
    subject: str | None
    metric: str
    chip: str | None
    scope: str | None
    event: str | None
    unit: str
    first_reported_at: datetime
    first_source: str
    first_outlet: str | None
    first_value: float
    latest_at: datetime
    latest_source: str
    latest_outlet: str | None
    latest_value: float
    n_observations: int
    n_sources: int
    n_conflicts: int
    min_value: float
    max_value: float
    consensus_low: float
    consensus_high: float
    consensus_support: int
    consensus_basis: str


class Revision(TypedDict):
    """A row of ``marts.article_revisions``: a change between consecutive versions of an article."""

    article_id: str
    source: str
    url: str
    from_version: int
    to_version: int
    detected_at: datetime
    headline_changed: bool
    chars_added: int
    chars_removed: int
    facts_added: list[str]
    facts_removed: list[str]
    facts_changed: list[str]
    changed_claims: list[str]
    correction_note: str | None


class UrlCandidate(TypedDict):
    """A discovered URL as re-check scheduling reads it (``warehouse.queries.urls_to_fetch``)."""

    url: str
    first_seen_at: datetime | None
    published_at: datetime | None
    last_fetched_at: datetime | None
    etag: str | None
    last_modified: str | None
    title_relevant: bool | None
    last_outcome: str | None
    last_status: int | None
    last_same_failures: int | None
    next_try_at: datetime | None


class PageToParse(TypedDict):
    """A kept HTML page as parsing reads it (``warehouse.queries.pages_to_parse``): where its body lies."""

    page_id: str
    url: str
    source: str
    fetched_at: datetime
    warc_file: str | None
    warc_offset: BigInt | None


# The rows stages read from the warehouse, by the query that returns them.
INPUTS: dict[str, type] = {"urls_to_fetch": UrlCandidate, "pages_to_parse": PageToParse}


# Every warehouse table a stage produces rows for, and the record type of its rows.
RECORDS: dict[str, type] = {
    "raw.discovered_urls": DiscoveredUrl,
    "raw.fetch_log": FetchAttempt,
    "raw.pages": KeptPage,
    "core.parse_results": ParseResult,
    "core.articles": ArticleVersion,
    "core.facts": Fact,
    "core.entities": AliasEntry,
    "marts.figure_observations": Observation,
    "marts.figure_discrepancies": Discrepancy,
    "marts.figure_citations": FigureCitation,
    "marts.figure_timeline": ClaimTimeline,
    "marts.article_revisions": Revision,
}


def _base(hint: object) -> object:
    """``X`` for ``X | None``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def columns(record: type) -> list[str]:
    """The record's fields, in order: the columns of its table."""
    return list(typing.get_type_hints(record))


def polars_schema(*records: type) -> dict[str, pl.DataType]:
    """Column name -> polars dtype of the records' fields (later records add their fields to earlier ones')."""
    schema: dict[str, pl.DataType] = {}
    for record in records:
        for name, hint in typing.get_type_hints(record).items():
            base = _base(hint)
            try:
                schema.setdefault(name, _POLARS[base])
            except KeyError:
                raise TypeError(f"{record.__name__}.{name}: no polars type for {hint!r}") from None
    return schema
