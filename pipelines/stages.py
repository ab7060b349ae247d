"""The pipeline's stages as plain functions: discover → fetch → parse → version → extract → track → present.

Each takes and returns plain Python / polars data (rows typed by ``pipelines.records``), so it can be
called and tested without Dagster or DuckDB. The Dagster assets in ``assets/`` call these and write what
they return to the warehouse.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import polars as pl

from pipelines.extract import extract_figures
from pipelines.extract.entities import load_entities
from pipelines.fetch.crawl import fetch_many, fetch_one
from pipelines.fetch.recheck import (
    DEFAULT_SCHEDULE,
    Schedule,
    failure_streak,
    is_due,
    next_try_at,
    parse_duration,
)
from pipelines.fetch.replay import WarcReplay, url_key
from pipelines.fetch.result import FetchResult, page_id
from pipelines.fetch.rotation import PRIMARY_EVERY, feeds_this_crawl
from pipelines.fetch.urls import host_allowed, host_of
from pipelines.fetch.warc import read_response_at
from pipelines.present.labels import matches, search_words
from pipelines.present.numbers import full
from pipelines.present.report import charts_markdown, write_report
from pipelines.records import (
    AliasEntry,
    ArticleVersion,
    DiscoveredUrl,
    Fact,
    FetchAttempt,
    KeptPage,
    PageToParse,
    ParseResult,
    UrlCandidate,
)
from pipelines.sources import parse_page, registry
from pipelines.sources.discovery import parse_feed_detailed, parse_listing
from pipelines.sources.parsed_page import ParsedPage
from pipelines.sources.registry import SOURCES, canonical_article_url, is_article_url, source_for_url
from pipelines.sources.topics import is_relevant_page, is_relevant_text
from pipelines.track import build_observations, build_revisions, build_timeline
from pipelines.track.citations import build_citations
from pipelines.track.claims import claim_key
from pipelines.track.versions import PageParse, assign_versions

log = logging.getLogger(__name__)


class Fetcher(Protocol):
    mode: str

    def fetch(self, url: str, source: str, expect: str = "page") -> list[FetchResult]: ...


# ---------------------------------------------------------------------------------------------- discover


def source_keys() -> list[str]:
    """The ingest partitions: every outlet in the registry, then ``other`` (pages of any other site)."""
    return registry.source_keys()


@dataclass(frozen=True)
class _FeedRef:
    url: str
    kind: str


@dataclass
class Discovery:
    """What discovery found for one source: article URLs, and the feed fetches it made on the way."""

    urls: list[DiscoveredUrl] = field(default_factory=list)
    attempts: list[FetchResult] = field(default_factory=list)
    skipped: int = 0  # feed items that are not articles (videos, live blogs, galleries, ...)


class ArticleSearch(Protocol):
    """An outlet's official search API (NYT Article Search): items with headline, summary, date and URL."""

    def search(self, query: str, begin_date=None, end_date=None, filter_query=None) -> list: ...


def stand_in_hosts(fetcher: Fetcher, source: str) -> tuple[str, ...]:
    """Hosts the fetcher's ``sources`` override lets stand in for ``source`` (a mirror, a local test server):
    the configured hosts the outlet does not own. Empty for replay and for outlets without an override."""
    config = getattr(fetcher, "source_config", None)
    pub = SOURCES.get(source)
    if not callable(config) or pub is None:
        return ()
    return tuple(h for h in config(source).hosts if not pub.owns_host(h))


def on_source_hosts(fetcher: Fetcher, source: str, urls: Iterable[str]) -> tuple[list[str], list[str], str]:
    """``urls`` split into those a live run fetches for ``source`` and those it leaves alone, and why: only URLs
    on the hosts the fetcher has for ``source`` (the outlet's own, or a ``sources`` override's stand-ins), and
    none of a source the override switches off (``feeds: []``). After a replay of the real outlet's pages, a
    run pointed at a stand-in must not go to the real site to re-check them. Replay, and a source with no
    hosts (``other``), keep every URL."""
    urls = list(urls)
    if fetcher.mode != "live":
        return urls, [], ""
    off = getattr(fetcher, "switched_off", None)
    if callable(off) and off(source):
        return [], urls, f"{source} has no feeds in this run's sources: switched off"
    config = getattr(fetcher, "source_config", None)
    hosts = config(source).hosts if callable(config) else ()
    if not hosts:
        return urls, [], ""
    kept, elsewhere = [], []
    for url in urls:
        (kept if host_allowed(host_of(url), hosts) else elsewhere).append(url)
    why = (f"on hosts not configured for {source}: {', '.join(sorted({host_of(u) for u in elsewhere}))}"
           if elsewhere else "")
    return kept, elsewhere, why


def _discover_by_search(api: ArticleSearch, source: str, out: Discovery, seen: set[str],
                        stand_ins: tuple[str, ...] = ()) -> None:
    """Add the outlet's search-API articles (``Publisher.search``: query, filter and window; for NYT, whose
    pages are bot-walled, these become feed-only records)."""
    spec = SOURCES[source].search if source in SOURCES else None
    if spec is None:
        return
    now = datetime.now(UTC)
    try:
        items = api.search(spec.query, begin_date=(now - timedelta(days=spec.days)).date(),
                           filter_query=spec.filter_query)
    except Exception as exc:  # a bad key or an API outage never stops discovery from the feeds
        log.warning("article search for %s failed: %s", source, exc)
        return
    for item in items:
        url = canonical_article_url(item.url)
        if url in seen or not is_article_url(source, url, stand_ins):
            continue
        seen.add(url)
        text = " ".join(x for x in (item.title, item.summary) if x)
        out.urls.append({
            "source": source, "url": url, "via": item.via, "feed_url": None, "title": item.title,
            "summary": item.summary, "feed_published_at": item.published_at, "first_seen_at": now,
            "title_relevant": is_relevant_text(text) if text else None,
        })


def feed_list(fetcher: Fetcher, source: str) -> list[str]:
    """The source's feed URLs: the fetcher's (the registry's active feeds, or its ``sources`` override)."""
    publisher = SOURCES.get(source)
    feed_urls = getattr(fetcher, "feed_urls", None)
    return (feed_urls(source) if callable(feed_urls) else
            [f.url for f in publisher.active_feeds] if publisher else [])


def primary_feed_url(source: str, feeds: Sequence[str]) -> str | None:
    """Which of ``feeds`` is the source's primary feed: the registry's (``Publisher.primary_feed``) when it is
    among them, else the first (a stand-in's list names its primary first)."""
    publisher = SOURCES.get(source)
    primary = publisher.primary_feed if publisher else None
    if primary is not None and primary.url in feeds:
        return primary.url
    return feeds[0] if feeds else None


# Crawls between two polls of an outlet's primary feed on a host it shares with other feeds.
PRIMARY_FEED_EVERY = PRIMARY_EVERY


def discover(fetcher: Fetcher, source: str, article_search: ArticleSearch | None = None,
             validators: Mapping[str, tuple[str | None, str | None]] | None = None,
             last_fetched: Mapping[str, datetime] | None = None) -> Discovery:
    """Read the source's feeds and sitemaps (and its search API when one is configured); in replay mode
    also list the archive's pages of the source. ``validators`` (a feed URL's ETag and Last-Modified from its
    last kept body) make feed fetches conditional: a feed answering 304 is ``not_modified`` and not parsed.
    ``last_fetched`` (each feed URL's last live fetch, from ``raw.fetch_log``; live crawls) limits the crawl to
    one feed per host, the primary every second crawl (:func:`pipelines.fetch.rotation.feeds_this_crawl`);
    None fetches every feed (replay)."""
    out = Discovery()
    seen: set[str] = set()
    publisher = SOURCES.get(source)
    kinds = {f.url: f.kind for f in publisher.feeds} if publisher else {}
    feeds = feed_list(fetcher, source)
    if last_fetched is not None:
        feeds = feeds_this_crawl(feeds, primary_feed_url(source, feeds), last_fetched)
    stand_ins = stand_in_hosts(fetcher, source)
    for feed_url in feeds:
        feed = _FeedRef(feed_url, kinds.get(feed_url, "feed"))
        listing = feed.kind == "listing"  # an HTML page of links, for outlets without a usable feed
        expect = "page" if listing else "feed"
        for res in fetch_one(fetcher, feed.url, source, expect, (validators or {}).get(feed.url)):
            out.attempts.append(res)
            if res.outcome != "ok" or res.body is None:
                continue
            try:
                parsed = (parse_listing(res.body, source, feed.url, stand_ins) if listing
                          else parse_feed_detailed(res.body, source, feed.url, stand_ins))
            except Exception as exc:  # a broken feed must not stop discovery of the others
                log.warning("feed %s unreadable: %s", feed.url, exc)
                continue
            out.skipped += len(parsed.skipped)
            for item in parsed.items:
                url = canonical_article_url(item.url)
                if not is_article_url(source, url, stand_ins):
                    out.skipped += 1
                    continue
                if url in seen:
                    continue
                seen.add(url)
                title_text = " ".join(x for x in (item.title, item.summary) if x)
                out.urls.append({
                    "source": source, "url": url, "via": feed.kind, "feed_url": feed.url, "title": item.title,
                    "summary": item.summary, "feed_published_at": item.published_at,
                    "first_seen_at": res.attempted_at,
                    "title_relevant": is_relevant_text(title_text) if title_text else None,
                })
    if article_search is not None:
        _discover_by_search(article_search, source, out, seen, stand_ins)
    if isinstance(fetcher, WarcReplay):
        feed_urls = {url_key(f.url) for f in publisher.feeds} if publisher else set()
        for url in fetcher.urls():  # already canonical (url_key): a page with a meaningful query keeps it
            canon = url
            if url in feed_urls or canon in seen or source_for_url(url) != source:
                continue
            caps = fetcher.captures(url)
            if not any("html" in c.content_type.lower() or not c.content_type for c in caps):
                continue
            seen.add(canon)
            out.urls.append({
                "source": source, "url": canon, "via": "archive", "feed_url": None, "title": None, "summary": None,
                "feed_published_at": None, "first_seen_at": caps[0].date, "title_relevant": None,
            })
    return out



def duration(text: str) -> timedelta:
    """A duration setting (``10m``, ``90s``, ``36h``, ``2d``; the re-check schedule's format) as a timedelta;
    ValueError naming the text otherwise."""
    return parse_duration(text)

# ------------------------------------------------------------------------------------------------- fetch


def fetch_log_row(res: FetchResult, previous: Mapping | None = None,
                  backoff: Sequence[timedelta] | None = None) -> FetchAttempt:
    """The raw.fetch_log row of a fetch. With ``backoff`` (live page fetches), a failure that is the URL's own
    gets its streak of identical failures, counting on from ``previous`` (the URL's ``urls_to_fetch`` row),
    and, once it repeats, the time before which it is not fetched again (``recheck.next_try_at``)."""
    streak = failure_streak(res.outcome, res.http_status, previous, res.error) if backoff is not None else None
    return {
        "url": res.url, "source": res.source, "attempted_at": res.attempted_at, "outcome": res.outcome,
        "http_status": res.http_status, "elapsed_ms": res.elapsed_ms, "bytes": res.bytes, "error": res.error,
        "mode": res.mode, "attempts": res.attempts, "same_failures": streak,
        "next_try_at": next_try_at(res.attempted_at, streak, backoff) if backoff is not None else None,
    }


def page_row(res: FetchResult, kind: str, warc_path: str | None = None) -> KeptPage | None:
    """The raw.pages row for a kept response, None when nothing was kept."""
    if res.outcome != "ok" or res.body is None:
        return None
    sha = res.content_sha256 or ""
    return {
        "page_id": page_id(res.url, sha), "url": res.url, "source": res.source, "kind": kind,
        "fetched_at": res.attempted_at, "http_status": res.http_status, "content_type": res.header("Content-Type"),
        "content_sha256": sha, "warc_file": warc_path if warc_path is not None else res.warc_file,
        "warc_offset": res.warc_offset, "etag": res.header("ETag"), "last_modified": res.header("Last-Modified"),
    }


def fetch_all(fetcher: Fetcher, urls: Iterable[str], source: str,
              validators: Mapping[str, tuple[str | None, str | None]] | None = None,
              max_workers: int = 4) -> list[FetchResult]:
    """Fetch every URL, hosts in parallel and one request at a time per host (see ``crawl.fetch_many``);
    ``validators`` make re-checks conditional. One URL's failure is in its result and never stops the others."""
    return fetch_many(fetcher, list(urls), source, expect="page", max_workers=max_workers, validators=validators)


def due_urls(candidates: Iterable[UrlCandidate], now: datetime, mode: str, schedule: Schedule = DEFAULT_SCHEDULE,
             prefilter_titles: bool = True) -> list[str]:
    """The URLs to fetch now. Replay fetches everything the archive holds (writes are idempotent). Live
    fetches URLs never fetched and re-checks the others by the age of their article (``recheck``); with
    ``prefilter_titles`` it skips URLs whose feed title and summary the topic filter found off-topic
    (unknown titles are fetched, and the parsed article is filtered again either way), and URLs whose
    repeated failure is backed off until a ``next_try_at`` still to come."""
    if mode == "replay":
        return [c["url"] for c in candidates]
    return [c["url"] for c in candidates
            if not (prefilter_titles and c.get("title_relevant") is False)
            and not backed_off(c, now)
            and is_due(c.get("published_at"), c.get("last_fetched_at"), now, schedule,
                       first_seen_at=c.get("first_seen_at"))]


def backed_off(candidate: Mapping, now: datetime) -> bool:
    """True when the URL's last live attempt failed the same way as the ones before it and its back-off time
    has not come (``raw.fetch_log.next_try_at``)."""
    until = candidate.get("next_try_at")
    if until is None:
        return False
    until = until.replace(tzinfo=UTC) if until.tzinfo is None else until
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now
    return now < until


# ------------------------------------------------------------------------------------------------- parse


def read_page_bodies(rows: Iterable[PageToParse], locate: Callable[[str], Path] = Path
                     ) -> Iterator[tuple[PageToParse, bytes | None, str | None]]:
    """(row, body, None) for each raw.pages row whose body the WARC file gives back at ``warc_offset``, and
    (row, None, reason) for one it does not; ``locate`` turns a row's ``warc_file`` into a path."""
    for row in rows:
        try:
            rec = read_response_at(locate(row["warc_file"]), int(row["warc_offset"]))
            yield row, rec.body, None
        except Exception as exc:  # a missing or damaged archive loses this page only
            yield row, None, f"cannot read {row['warc_file']}@{row['warc_offset']}: {type(exc).__name__}: {exc}"


@dataclass
class ParsedPages:
    """What parsing made of a batch of kept pages, before versioning: one result per page (its
    ``article_id`` still unknown), each page with its parse, and the topic filter's verdict per article page."""

    results: list[ParseResult]
    pages: list[PageParse]
    relevance: dict[str, bool]


def parse_pages(pages: Iterable[tuple[PageToParse, bytes | None, str | None]]) -> ParsedPages:
    """Parse kept pages; ``pages`` yields (raw.pages row, body or None, error reading the body or None).

    A page that cannot be read or parsed is recorded with its reason; it never stops the batch. Article
    versions are not assigned here but by ``version_articles``.
    """
    parsed: list[PageParse] = []
    results: list[ParseResult] = []
    relevance: dict[str, bool] = {}
    for row, body, read_error in pages:
        if body is None:
            pp = ParsedPage(url=row["url"], source=row["source"], is_article=False, reason="parse_error",
                            error=read_error or "body unavailable")
        else:
            try:
                pp = parse_page(body, row["url"], row["source"] if row["source"] in SOURCES else None)
            except Exception as exc:  # parse_page should not raise; if it does, this page alone is lost
                pp = ParsedPage(url=row["url"], source=row["source"], is_article=False, reason="parse_error",
                                error=f"{type(exc).__name__}: {exc}")
        parsed.append(PageParse(row["page_id"], row["url"], row["source"], row["fetched_at"], pp))
        if pp.is_article:
            relevance[row["page_id"]] = is_relevant_page(pp)
        results.append({
            "page_id": row["page_id"], "url": row["url"], "source": row["source"], "fetched_at": row["fetched_at"],
            "is_article": pp.is_article, "reason": pp.reason, "error": pp.error, "parser": pp.parser or None,
            "article_id": None,
        })
    return ParsedPages(results, parsed, relevance)


# ---------------------------------------------------------------------------------------------- versions


@dataclass
class ParsedBatch:
    """Parse results (one per page, with the article each became) and the article versions they make."""

    results: list[ParseResult]
    articles: list[ArticleVersion]


def version_articles(parsed: ParsedPages) -> ParsedBatch:
    """The article versions of the parsed pages (a new version only when an article's text changed, see
    ``track.versions``) and the parse results with the ``article_id`` each article page became."""
    articles, page_article = assign_versions(parsed.pages, parsed.relevance)
    results: list[ParseResult] = [{**r, "article_id": page_article.get(r["page_id"])} for r in parsed.results]
    return ParsedBatch(results, articles)


# ----------------------------------------------------------------------------------------------- extract


def fact_id(article_id: str, version: int, span_start: int, span_end: int, unit: str) -> str:
    return hashlib.sha256(f"{article_id}|{version}|{span_start}|{span_end}|{unit}".encode()).hexdigest()[:16]


def extract_facts(articles: Iterable[dict], failures: list[dict] | None = None) -> list[Fact]:
    """core.facts rows for every relevant article version (irrelevant ones are kept but not mined).

    An article whose extraction raises loses its own facts only: the error is recorded in ``failures`` (when
    given: ``article_id``, ``version``, ``error``) and the other articles are mined as usual."""
    rows: list[Fact] = []
    for a in articles:
        if not a.get("is_relevant"):
            continue
        try:
            figures = extract_figures(a["body_text"], a.get("language"), headline=a.get("headline"),
                                      published_at=a.get("published_at") or a.get("fetched_at"))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not lose every other article's facts
            if failures is not None:
                failures.append({"article_id": a["article_id"], "version": a["version"],
                                 "error": f"{type(exc).__name__}: {exc}"})
            continue
        ids = [fact_id(a["article_id"], a["version"], f.span_start, f.span_end, f.unit) for f in figures]
        for f, fid in zip(figures, ids, strict=True):
            rows.append({
                "fact_id": fid, "article_id": a["article_id"], "version": a["version"], "source": a["source"],
                "outlet": a.get("outlet") or a["source"],
                "published_at": a["published_at"], "fetched_at": a["fetched_at"], "language": a.get("language"),
                "subject": f.subject, "metric": f.metric, "chip": f.chip, "value": f.value, "unit": f.unit,
                "qualifier": f.qualifier, "value_low": f.value_low, "value_high": f.value_high,
                "surface": f.surface, "sentence": f.sentence, "span_start": f.span_start, "span_end": f.span_end,
                "attributed_to": f.attributed_to,
                "linked_fact_id": ids[f.linked_to] if f.linked_to is not None and f.linked_to < len(ids) else None,
                "scope": f.scope, "claim_key": claim_key(f.subject, f.metric, f.chip, f.unit, f.scope),
                "subject_via": f.subject_via, "refers_to": f.refers_to, "rule": f.rule, "said_by": f.said_by,
                "scope_via": f.scope_via,
            })
    return rows


def alias_table() -> list[AliasEntry]:
    """``core.entities`` rows: the bilingual alias table the extractor canonicalizes subjects and chips by."""
    return load_entities()


# ---------------------------------------------------------------------------------------------- backfill


def backfill_archive(path: str | Path, sink: Callable[[str, list[dict]], None], progress=None):
    """One archive file read in one streaming pass: rows handed to ``sink`` per table, in batches; returns
    the file's scan and counts (see ``pipelines.backfill``)."""
    from pipelines.backfill import stream_archive

    return stream_archive(path, sink, progress=progress)


def reconcile_archive_versions(articles: list[ArticleVersion], facts: list[Fact],
                               existing: Iterable[tuple[str, int, str]]) -> tuple[list[ArticleVersion], list[Fact]]:
    """An archive's article versions and facts numbered after those the warehouse holds (see
    ``pipelines.backfill.reconcile_versions``)."""
    from pipelines.backfill import reconcile_versions

    return reconcile_versions(articles, facts, existing)


# ------------------------------------------------------------------------------------------------- track


def track_observations(facts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``marts.figure_observations`` and ``marts.figure_discrepancies`` from facts with the dates of their
    article versions (see ``track.observations``)."""
    return build_observations(facts)


def track_citations(facts: pl.DataFrame, observations: pl.DataFrame) -> pl.DataFrame:
    """``marts.figure_citations``: figures whose sentence names its source, linked to the cited outlet's
    report, with what the re-citation lost (see ``track.citations``)."""
    return build_citations(facts, observations)


def track_timeline(observations: pl.DataFrame) -> pl.DataFrame:
    """``marts.figure_timeline``: one row per claim of ``observations``."""
    return build_timeline(observations)


def track_revisions(articles: pl.DataFrame, facts: pl.DataFrame,
                    observations: pl.DataFrame | None = None) -> pl.DataFrame:
    """``marts.article_revisions``: what changed between consecutive versions of each article, and which
    claims each corrected (from the observations' ``corrects_fact_id``)."""
    return build_revisions(articles, facts, observations)


# ----------------------------------------------------------------------------------------------- present


@dataclass
class Charts:
    """The charts written: one PNG per claim, the HTML report, and markdown for the UI."""

    files: dict[str, Path]
    report: Path
    markdown: str


def present_charts(observations: pl.DataFrame, timeline: pl.DataFrame, out_dir: Path,
                   context: pl.DataFrame | None = None) -> Charts:
    """A claim card per claim reported at least twice and ``report.html`` under ``out_dir``, and markdown
    showing the cards of the three most widely reported claims about a known subject. ``context`` (per
    ``fact_id``: sentence, url, headline) is what each point tells on hover and links to."""
    files = write_report(observations, timeline, out_dir, context=context)
    return Charts(files, out_dir / "report.html", charts_markdown(timeline, files))


def number_as_written(value: float) -> str:
    """A number with every digit reported and nothing more (5,576,000, 118.42), for the CLI and UI tables."""
    return full(value, None)


def claims_matching(query: str, names: pl.DataFrame) -> list[str]:
    """The claim keys of ``names`` (``claim_key, subject, metric, chip, scope``) that ``query`` names the way a
    person types it ("training cost", "DeepSeek cost", "훈련 비용", a chip)."""
    return [r["claim_key"] for r in names.iter_rows(named=True)
            if matches(query, search_words(r["claim_key"], r["subject"], r["metric"], r["chip"], r["scope"]))]
