"""Live fetching over HTTP (httpx), archiving every kept response to a dated WARC file.

This is the first, plain version: a named User-Agent, timeouts, a body size cap, outcome classification
and WARC archiving. Robots.txt, per-host politeness, retries and conditional re-checks are the subject
of the live-fetching issue and grow here behind the same ``fetch`` interface as :class:`WarcReplay`.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from warcio.warcwriter import WARCWriter

from pipelines.fetch.classify import classify_response
from pipelines.fetch.model import FetchResult
from pipelines.fetch.warc import write_exchange

DEFAULT_USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)"


class LiveFetcher:
    """Fetches URLs over HTTP; kept responses are appended to ``warc_dir/chipwatch-YYYYMMDD.warc.gz``."""

    mode = "live"

    def __init__(self, warc_dir: str | Path, user_agent: str = DEFAULT_USER_AGENT, timeout_s: float = 20.0,
                 max_bytes: int = 10 * 1024 * 1024, min_delay_s: float = 1.0):
        self.warc_dir = Path(warc_dir)
        self.max_bytes = max_bytes
        self.min_delay_s = min_delay_s
        self._last_request = 0.0
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,application/xml"},
            timeout=httpx.Timeout(timeout_s, connect=10.0), follow_redirects=True,
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, source: str, expect: str = "page") -> list[FetchResult]:
        wait = self.min_delay_s - (time.monotonic() - self._last_request)
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()
        started = time.monotonic()
        attempted_at = datetime.now(UTC)

        def result(outcome: str, **kw) -> list[FetchResult]:
            return [FetchResult(url=url, source=source, attempted_at=attempted_at, outcome=outcome, mode=self.mode,
                                elapsed_ms=(time.monotonic() - started) * 1000, **kw)]

        try:
            with self.client.stream("GET", url) as resp:
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return result("too_large", http_status=resp.status_code,
                                      error=f"body larger than {self.max_bytes} bytes")
                    chunks.append(chunk)
                body = b"".join(chunks)
                headers = {k: v for k, v in resp.headers.items()
                           if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")}
                status, final_url = resp.status_code, str(resp.url)
        except httpx.TimeoutException as exc:
            return result("timeout", error=f"{type(exc).__name__}: {exc}")
        except httpx.HTTPError as exc:
            return result("connection_error", error=f"{type(exc).__name__}: {exc}")
        outcome, error = classify_response(status, headers.get("content-type", ""), body, expect)
        warc_file = warc_offset = None
        if outcome == "ok":
            warc_file, warc_offset = self._archive(final_url, attempted_at, status, headers, body)
        return result(outcome, http_status=status, body=body if outcome == "ok" else None, headers=headers,
                      error=error, final_url=final_url, warc_file=warc_file, warc_offset=warc_offset)

    def _archive(self, url: str, at: datetime, status: int, headers: dict[str, str], body: bytes) -> tuple[str, int]:
        self.warc_dir.mkdir(parents=True, exist_ok=True)
        path = self.warc_dir / f"chipwatch-{at:%Y%m%d}.warc.gz"
        with path.open("ab") as fh:
            offset = fh.tell()
            write_exchange(WARCWriter(fh, gzip=True), url, at, status, headers, body,
                           request_headers=dict(self.client.headers))
        return str(path), offset
