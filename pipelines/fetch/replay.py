"""Replaying WARC archives through the fetcher interface: the offline default, and the way old crawls are re-read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from pipelines.fetch.outcome import classify_response
from pipelines.fetch.result import FetchResult
from pipelines.fetch.warc import parse_warc_date, read_response_at


def url_key(url: str) -> str:
    """The form of a URL used to look captures up: no fragment, no trailing ``?``."""
    return url.split("#", 1)[0].rstrip("?")


@dataclass(frozen=True)
class Capture:
    """Where one archived response sits, without its body."""

    url: str
    date: datetime
    status: int
    content_type: str
    warc_file: str
    offset: int


class WarcReplay:
    """Serves the responses stored in one or more WARC files, by URL, in capture order.

    A URL captured several times (an article re-fetched after a revision, a feed polled daily) yields every
    capture, oldest first, each as its own fetch attempt with the capture's date as ``attempted_at``.
    """

    mode = "replay"

    def __init__(self, paths: Iterable[str | Path]):
        self.paths = [Path(p) for p in paths]
        for p in self.paths:
            if not p.is_file():
                raise FileNotFoundError(f"WARC archive not found: {p}")
        self._index: dict[str, list[Capture]] = defaultdict(list)
        for path in self.paths:
            for cap in _index_file(path):
                self._index[url_key(cap.url)].append(cap)
        for caps in self._index.values():
            caps.sort(key=lambda c: c.date)
        # Misses are stamped with the archive's last capture time, not the clock, so replaying the same
        # archive twice records the same attempts (and a re-run adds no rows).
        dates = [caps[-1].date for caps in self._index.values()]
        self.as_of = max(dates) if dates else datetime(1970, 1, 1, tzinfo=UTC)

    def urls(self) -> list[str]:
        """Every URL with at least one response record."""
        return sorted({caps[0].url for caps in self._index.values()})

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
        rec = read_response_at(cap.warc_file, cap.offset)
        outcome, error = classify_response(rec.status, cap.content_type, rec.body, expect)
        return FetchResult(
            url=url, source=source, attempted_at=cap.date, outcome=outcome, mode=self.mode,
            http_status=rec.status, body=rec.body if outcome == "ok" else None, headers=rec.headers,
            error=error, final_url=rec.url, warc_file=cap.warc_file, warc_offset=cap.offset,
        )


def _index_file(path: Path) -> Iterator[Capture]:
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            yield Capture(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                date=parse_warc_date(record.rec_headers.get_header("WARC-Date")),
                status=int(record.http_headers.get_statuscode()),
                content_type=record.http_headers.get_header("Content-Type") or "",
                warc_file=str(path),
                offset=it.get_record_offset(),
            )
