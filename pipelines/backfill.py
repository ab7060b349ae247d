"""The backfill stage: one archive file (a CC-NEWS WARC, an old crawl) read in one streaming pass.

Unlike the replay of ``pipelines/fetch/replay.py`` (an index of every capture by canonical URL, then a fetch
per URL and a parse of every page), this reads each record once, in file order, and keeps no bodies: each HTML
response is sniffed (``pipelines/sources/sniff.py``: the outlet's URL rules, the language, the topic
vocabulary), only the pages the sniff keeps are parsed, filtered and mined, and the rows are handed to ``sink``
in batches as they are made. Memory holds one body and one batch of rows, plus one hash per article for its
versions and, per response, where it starts (for the revisit records that point to it).

A page is read under its canonical URL (``pipelines.fetch.replay.url_key``: AMP forms, mirror hosts, http://,
tracking parameters), as the outlets' partitions record it. A revisit record is a capture, at its own URI and
date, of the response it points to earlier in the file (read again from there): its attempt is logged, and
its page is the response's page (no new version when the text is the same). A revisit whose response is not
earlier in the file is skipped and named with its offset.

Every response is a ``raw.fetch_log`` row (``mode`` replay); every HTML body kept a ``raw.pages`` row of
kind ``archive``; every page a ``core.parse_results`` row, the skipped ones with ``reason``
``skipped_off_topic``, ``skipped_language`` or ``skipped_url`` and ``is_article`` NULL (not parsed). A
page that fails is that page's row; it never stops the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipelines import stages
from pipelines.fetch.outcome import classify_response
from pipelines.fetch.replay import url_key
from pipelines.fetch.result import FetchResult, page_id
from pipelines.fetch.warc import STREAM_MAX_BODY, ArchiveEntry, ArchiveScan, read_response_at, scan_archive
from pipelines.records import ArticleVersion, Fact, KeptPage, ParseResult
from pipelines.sources import is_relevant_page, parse_page
from pipelines.sources.parsed_page import ParsedPage
from pipelines.sources.registry import SOURCES
from pipelines.sources.sniff import READ_LANGUAGES, sniff_page
from pipelines.track.versions import PageParse, assign_versions

PAGE_KIND = "archive"  # raw.pages.kind of a backfilled page: read by its archive's run, not the source partitions
SKIP_REASONS = {"off_topic": "skipped_off_topic", "language": "skipped_language", "not_article_url": "skipped_url"}
BATCH = 2000  # pages per batch handed to the sink

Sink = Callable[[str, list[dict]], None]  # (table, rows): raw.fetch_log, raw.pages, core.parse_results, ...


@dataclass
class ArchiveCounts:
    """What one archive gave: responses read, HTML pages, pages skipped by reason, pages parsed, articles
    (relevant ones mined), facts, and the wall time of the pass."""

    responses: int = 0
    revisits: int = 0
    html_pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    parsed: int = 0
    articles: int = 0
    relevant: int = 0
    facts: int = 0
    seconds: float = 0.0

    @property
    def parsed_share(self) -> float:
        """The share of HTML pages fully parsed."""
        return self.parsed / self.html_pages if self.html_pages else 0.0

    def as_dict(self) -> dict[str, int | float]:
        return {"responses": self.responses, "revisits": self.revisits, "html_pages": self.html_pages,
                **{f"skipped_{k}": v for k, v in sorted(self.skipped.items())}, "pages_parsed": self.parsed,
                "parsed_share": round(self.parsed_share, 4), "articles": self.articles,
                "relevant": self.relevant, "facts": self.facts, "seconds": round(self.seconds, 2)}


class _Batches:
    """Rows per table, handed to the sink every ``size`` pages and at the end."""

    def __init__(self, sink: Sink, size: int):
        self.sink, self.size, self.pages = sink, size, 0
        self.rows: dict[str, list[dict]] = {}

    def add(self, table: str, rows: Iterable[dict]) -> None:
        self.rows.setdefault(table, []).extend(rows)

    def page_done(self) -> None:
        self.pages += 1
        if self.pages % self.size == 0:
            self.flush()

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                self.sink(table, rows)
        self.rows = {}


def _not_parsed(row: KeptPage, reason: str, error: str) -> ParseResult:
    return {"page_id": row["page_id"], "url": row["url"], "source": row["source"], "fetched_at": row["fetched_at"],
            "is_article": None, "reason": reason, "error": error, "parser": None, "article_id": None}


def _skip_error(reason: str, language: str | None, title: str | None) -> str:
    if reason == "language":
        return f"language {language}: the extractor reads {' and '.join(sorted(READ_LANGUAGES))} (not parsed)"
    if reason == "not_article_url":
        return "not one of the outlet's article URLs (not parsed)"
    return "no chip or export-control term in the page (topic sniff; not parsed)" + (
        f"; title: {title[:120]}" if title else "")


class _Versions:
    """Article versions in file order: a page becomes a new version of its article only when its body differs
    from the latest version's (``track.versions``); one hash per article is all that is kept."""

    def __init__(self) -> None:
        self.latest: dict[str, tuple[str, int, object]] = {}  # article_id -> (hash, version, first_seen_at)

    def version(self, page: PageParse, relevant: bool) -> tuple[str, ArticleVersion | None]:
        rows, page_article = assign_versions([page], {page.page_id: relevant})
        row = rows[0]
        aid = page_article[page.page_id]
        seen = self.latest.get(aid)
        if seen is not None and seen[0] == row["content_sha256"]:
            return aid, None
        version = seen[1] + 1 if seen else 1
        first_seen = seen[2] if seen else row["first_seen_at"]
        self.latest[aid] = (row["content_sha256"], version, first_seen)
        return aid, {**row, "version": version, "first_seen_at": first_seen}


class _Originals:
    """Where each response of the file read so far starts, by what a revisit record may point to it with:
    ``WARC-Refers-To`` (its record id), ``WARC-Refers-To-Target-URI`` and ``-Date``, or its payload digest (the
    replay's rules, ``pipelines.fetch.replay``). The first response of each key is kept."""

    def __init__(self) -> None:
        self.by_id: dict[str, ArchiveEntry] = {}
        self.by_uri_date: dict[tuple[str, object], ArchiveEntry] = {}
        self.by_digest: dict[str, ArchiveEntry] = {}

    def add(self, entry: ArchiveEntry) -> None:
        if entry.record_id:
            self.by_id.setdefault(entry.record_id, entry)
        self.by_uri_date.setdefault((url_key(entry.url), entry.date), entry)
        if entry.payload_digest:
            self.by_digest.setdefault(entry.payload_digest, entry)

    def find(self, revisit: ArchiveEntry) -> ArchiveEntry | None:
        found = self.by_id.get(revisit.refers_to or "")
        if found is None and revisit.refers_to_url and revisit.refers_to_date:
            found = self.by_uri_date.get((url_key(revisit.refers_to_url), revisit.refers_to_date))
        return found or self.by_digest.get(revisit.payload_digest or "")


def _unresolved(revisit: ArchiveEntry, why: str) -> str:
    when = f" at {revisit.refers_to_date.isoformat()}" if revisit.refers_to_date else ""
    return f"skipped revisit of {revisit.refers_to_url or revisit.url}{when}: the response it repeats {why}"


def stream_archive(path: str | Path, sink: Sink, warc_name: str | None = None, batch: int = BATCH,
                   progress: Callable[[ArchiveCounts], None] | None = None) -> tuple[ArchiveScan, ArchiveCounts]:
    """Read ``path`` once (see the module docstring), handing rows to ``sink``; ``warc_name`` is the path the
    rows record as ``warc_file`` (default: ``path``). Returns the file's scan (records, problems, where it was
    cut) and the counts."""
    started = time.monotonic()
    counts = ArchiveCounts()
    out = _Batches(sink, batch)
    versions = _Versions()
    name = warc_name or str(path)

    originals = _Originals()
    unresolved: list[tuple[int, str]] = []

    def on_entry(entry: ArchiveEntry, headers: dict[str, str], body: bytes) -> None:
        tally = counts
        if entry.kind == "response":
            originals.add(entry)
            counts.responses += 1
        else:  # a revisit: a capture, at its own URI and date, of the payload of the response it points to
            original = originals.find(entry)
            if original is None:
                unresolved.append((entry.offset, _unresolved(entry, "is not earlier in this file")))
                return
            try:
                rec = read_response_at(path, original.offset)
            except Exception as exc:  # noqa: BLE001 - the scan read it; if it cannot be read again, say so
                unresolved.append((entry.offset, _unresolved(entry, f"at byte {original.offset} cannot be read "
                                                                     f"({type(exc).__name__}: {exc})")))
                return
            counts.revisits += 1
            tally = ArchiveCounts()  # the pages' counts are of responses; a revisit adds its attempt only
            entry = replace(entry, kind="response", status=original.status, content_type=original.content_type,
                            offset=original.offset)
            headers, body = rec.headers, rec.body[:STREAM_MAX_BODY + 1]
        try:
            _one(entry, headers, body, name, tally, out, versions)
        except Exception as exc:  # noqa: BLE001 - one record's failure is its own row, never the file's
            out.add("core.parse_results", [{
                "page_id": page_id(entry.url, ""), "url": entry.url, "source": "other", "fetched_at": entry.date,
                "is_article": False, "reason": "parse_error", "error": f"{type(exc).__name__}: {exc}"[:500],
                "parser": None, "article_id": None}])
        out.page_done()
        if progress is not None and counts.responses % 5000 == 0:
            counts.seconds = time.monotonic() - started
            progress(counts)

    scan = scan_archive(path, on_entry=on_entry)
    for offset, message in unresolved:
        scan.revisits_unresolved += 1
        scan.skip(offset, message)
    scan.problems.sort(key=lambda p: p.offset)
    out.flush()
    counts.seconds = time.monotonic() - started
    return scan, counts


def _header(headers: dict[str, str], name: str) -> str | None:
    lname = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lname), None)


def _one(entry: ArchiveEntry, headers: dict[str, str], body: bytes, warc_name: str, counts: ArchiveCounts,
         out: _Batches, versions: _Versions) -> None:
    from pipelines.sources.registry import source_for_url

    # The page under its canonical URL (outlet host and scheme, no tracking parameters, AMP forms mapped), as
    # the outlets' partitions and the replay record it; the record keeps the URI as written (warc_offset).
    url = url_key(entry.url)
    source = source_for_url(url)
    ctype = entry.content_type or _header(headers, "Content-Type") or ""
    status = entry.status or 200
    if len(body) > STREAM_MAX_BODY:
        outcome, error, body = "too_large", f"body over {STREAM_MAX_BODY} bytes", b""
    else:
        outcome, error = classify_response(status, ctype, body, "page")
    res = FetchResult(url=url, source=source, attempted_at=entry.date, outcome=outcome, mode="replay",
                      http_status=status, body=body if outcome == "ok" else None, headers=headers, error=error,
                      final_url=entry.url, warc_file=warc_name, warc_offset=entry.offset)
    out.add("raw.fetch_log", [stages.fetch_log_row(res)])
    page = stages.page_row(res, PAGE_KIND, warc_name)
    if page is None:
        return
    counts.html_pages += 1
    out.add("raw.pages", [page])
    sniff = sniff_page(body, url, ctype)
    if not sniff.keep:
        counts.skipped[sniff.reason] = counts.skipped.get(sniff.reason, 0) + 1
        out.add("core.parse_results", [_not_parsed(page, SKIP_REASONS[sniff.reason],
                                                   _skip_error(sniff.reason, sniff.language, sniff.title))])
        return
    counts.parsed += 1
    try:
        pp = parse_page(body, url, source if source in SOURCES else None)
    except Exception as exc:  # noqa: BLE001 - parse_page should not raise; if it does, this page alone is lost
        pp = ParsedPage(url=url, source=source, is_article=False, reason="parse_error",
                        error=f"{type(exc).__name__}: {exc}")
    result: ParseResult = {
        "page_id": page["page_id"], "url": url, "source": source, "fetched_at": entry.date,
        "is_article": pp.is_article, "reason": pp.reason, "error": pp.error, "parser": pp.parser or None,
        "article_id": None}
    if pp.is_article:
        relevant = is_relevant_page(pp)
        aid, article = versions.version(PageParse(page["page_id"], url, source, entry.date, pp), relevant)
        result["article_id"] = aid
        if article is not None:
            counts.articles += 1
            out.add("core.articles", [article])
            if relevant:
                counts.relevant += 1
                failed: list[dict] = []
                facts = stages.extract_facts([article], failed)
                if failed:  # the article is kept; its figures are lost and the page says why
                    result["error"] = f"extraction failed: {failed[0]['error']}"
                counts.facts += len(facts)
                out.add("core.facts", facts)
    out.add("core.parse_results", [result])


# ------------------------------------------------------------------------------------------ loading


def reconcile_versions(articles: list[ArticleVersion], facts: list[Fact],
                       existing: Iterable[tuple[str, int, str]]) -> tuple[list[ArticleVersion], list[Fact]]:
    """The archive's article versions and facts as the warehouse takes them: ``existing`` holds the
    ``(article_id, version, content_sha256)`` the warehouse already has for these articles (other archives,
    the outlets' partitions). A version whose text the warehouse holds is dropped with its facts (a re-run of
    the same archive adds nothing); the others are numbered after the warehouse's latest version, and their
    facts' ids follow (``stages.fact_id``)."""
    held: dict[str, dict[str, int]] = {}
    for aid, version, sha in existing:
        held.setdefault(aid, {})[sha] = version
    if not held:
        return articles, facts
    renumber: dict[tuple[str, int], int | None] = {}
    kept: list[ArticleVersion] = []
    for a in sorted(articles, key=lambda r: (r["article_id"], r["version"])):
        known = held.get(a["article_id"])
        if known is None:
            kept.append(a)
            continue
        if a["content_sha256"] in known:
            renumber[(a["article_id"], a["version"])] = None
            continue
        new = max(known.values()) + 1
        known[a["content_sha256"]] = new
        renumber[(a["article_id"], a["version"])] = new
        kept.append({**a, "version": new})
    if not renumber:
        return kept, facts
    ids: dict[str, str] = {}
    out: list[Fact] = []
    for f in facts:
        key = (f["article_id"], f["version"])
        if key not in renumber:
            out.append(f)
            continue
        new = renumber[key]
        if new is None:
            continue
        fid = stages.fact_id(f["article_id"], new, f["span_start"], f["span_end"], f["unit"])
        ids[f["fact_id"]] = fid
        out.append({**f, "version": new, "fact_id": fid})
    for f in out:
        if f.get("linked_fact_id") in ids:
            f["linked_fact_id"] = ids[f["linked_fact_id"]]
    return kept, out
