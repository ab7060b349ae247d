"""Replaying WARC archives through the fetcher interface: the offline default, and the way old crawls are re-read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipelines.fetch.outcome import classify_response
from pipelines.fetch.result import FetchResult
from pipelines.fetch.warc import ArchiveEntry, ArchiveScan, read_response_at, scan_archive


def url_key(url: str) -> str:
    """The form of a URL used to look captures up: its canonical form (the one the pipeline fetches and
    de-duplicates by: outlet host and scheme, no tracking parameters, AMP paths mapped, no fragment), so a
    capture recorded as ``http://edition.cnn.com/...?utm_source=x`` answers for ``https://www.cnn.com/...``.

    A URL whose outlet-canonical form is one of the outlet's article URLs takes that form (an AMP or mirror
    variant, whatever query it carries, is the article); any other URL keeps its non-tracking query
    (``pipelines.fetch.targets.canonicalize``). A capture of Google's AMP cache is the page it caches. The key
    of a key is itself.
    """
    # Imported here: the registry imports pipelines.fetch.urls, and this package imports this module.
    from pipelines.fetch.targets import canonicalize
    from pipelines.fetch.urls import unwrap_amp_cache
    from pipelines.sources.registry import FALLBACK, canonical_article_url, is_article_url, source_for_url

    text = unwrap_amp_cache(url).split("#", 1)[0].rstrip("?")
    article = canonical_article_url(text)
    source = source_for_url(article)
    if source != FALLBACK and is_article_url(source, article):
        return article
    return canonicalize(text)


@dataclass(frozen=True)
class Capture:
    """Where one archived response sits, without its body. ``url`` is the capture's URI as written; a
    revisit record's capture points (``warc_file``, ``offset``) at the response whose payload it repeats."""

    url: str
    date: datetime
    status: int
    content_type: str
    warc_file: str
    offset: int


class WarcReplay:
    """Serves the responses stored in one or more WARC files, by URL, in capture order.

    A URL captured several times (an article re-fetched after a revision, a feed polled daily) yields every
    capture, oldest first, each as its own fetch attempt with the capture's date as ``attempted_at``. Captures
    are indexed by canonical URL (:func:`url_key`); a revisit record counts as a capture of the response it
    points to (by ``WARC-Refers-To``, else by target URI and date, else by payload digest), in any of the
    files given.

    Files are read by :func:`~pipelines.fetch.warc.scan_archive`: a damaged record is skipped and named in
    that file's scan (``scans``, one per path, in order) and the rest is replayed.
    """

    mode = "replay"

    def __init__(self, paths: Iterable[str | Path]):
        self.paths = [Path(p) for p in paths]
        for p in self.paths:
            if not p.is_file():
                raise FileNotFoundError(f"WARC archive not found: {p}")
        self._index: dict[str, list[Capture]] = defaultdict(list)
        self.scans: list[ArchiveScan] = [scan_archive(p) for p in self.paths]
        for cap in _captures(self.scans):
            self._index[url_key(cap.url)].append(cap)
        for caps in self._index.values():
            caps.sort(key=lambda c: c.date)
        # Misses are stamped with the archive's last capture time, not the clock, so replaying the same
        # archive twice records the same attempts (and a re-run adds no rows).
        dates = [caps[-1].date for caps in self._index.values()]
        self.as_of = max(dates) if dates else datetime(1970, 1, 1, tzinfo=UTC)

    def urls(self) -> list[str]:
        """Every URL with at least one capture, in its canonical form."""
        return sorted(self._index)

    def captures(self, url: str) -> list[Capture]:
        return list(self._index.get(url_key(url), []))

    def fetch(self, url: str, source: str, expect: str = "page", etag: str | None = None,
              last_modified: str | None = None) -> list[FetchResult]:
        """Every capture of ``url`` as a fetch result; ``replay_miss`` when the archive lacks it.

        ``etag``/``last_modified`` are accepted for the live fetcher's interface and ignored: an archive
        replays what it holds, and unchanged bodies make no new version downstream.
        """
        caps = self.captures(url)
        if not caps:
            return [FetchResult(url=url, source=source, attempted_at=self.as_of, outcome="replay_miss",
                                mode=self.mode, error="URL not in the replay archive")]
        return [self._result(url, source, cap, expect) for cap in caps]

    def _result(self, url: str, source: str, cap: Capture, expect: str) -> FetchResult:
        try:
            rec = read_response_at(cap.warc_file, cap.offset)
        except Exception as exc:  # the index read it, but the file changed or its payload is damaged
            return FetchResult(url=url, source=source, attempted_at=cap.date, outcome="replay_miss", mode=self.mode,
                               error=f"cannot read {cap.warc_file}@{cap.offset}: {type(exc).__name__}: {exc}",
                               warc_file=cap.warc_file, warc_offset=cap.offset)
        outcome, error = classify_response(rec.status, cap.content_type, rec.body, expect)
        return FetchResult(
            url=url, source=source, attempted_at=cap.date, outcome=outcome, mode=self.mode,
            http_status=rec.status, body=rec.body if outcome == "ok" else None, headers=rec.headers,
            error=error, final_url=rec.url, warc_file=cap.warc_file, warc_offset=cap.offset,
        )


def _captures(scans: list[ArchiveScan]) -> Iterator[Capture]:
    """Every response of ``scans`` as a capture, then every revisit resolved to the response it repeats (an
    unresolved revisit is skipped and named in its file's scan)."""
    by_id: dict[str, tuple[ArchiveEntry, str]] = {}
    by_uri_date: dict[tuple[str, datetime], tuple[ArchiveEntry, str]] = {}
    by_digest: dict[str, tuple[ArchiveEntry, str]] = {}
    for scan in scans:
        for e in scan.entries:
            if e.kind != "response":
                continue
            yield Capture(e.url, e.date, e.status or 200, e.content_type, scan.path, e.offset)
            if e.record_id:
                by_id.setdefault(e.record_id, (e, scan.path))
            by_uri_date.setdefault((url_key(e.url), e.date), (e, scan.path))
            if e.payload_digest:
                by_digest.setdefault(e.payload_digest, (e, scan.path))
    for scan in scans:
        for e in scan.entries:
            if e.kind != "revisit":
                continue
            found = (by_id.get(e.refers_to or "")
                     or (by_uri_date.get((url_key(e.refers_to_url), e.refers_to_date))
                         if e.refers_to_url and e.refers_to_date else None)
                     or by_digest.get(e.payload_digest or ""))
            if found is None:
                scan.revisits_unresolved += 1
                scan.skip(e.offset, f"skipped revisit of {e.refers_to_url or e.url}"
                                    f"{' at ' + e.refers_to_date.isoformat() if e.refers_to_date else ''}: "
                                    "the response it repeats is in none of the archives given")
                continue
            original, path = found
            yield Capture(e.url, e.date, original.status or 200, original.content_type, path, original.offset)
