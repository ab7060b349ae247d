"""The result of one fetch attempt, the same shape whether it was live or replayed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "timeout",
    "connection_error",
    "blocked",
    "robots_disallowed",
    "too_large",
    "not_html",
    "offsite_redirect",
    "replay_miss",
)

FEED_CONTENT_TYPES = ("xml", "rss", "atom", "gzip")


@dataclass
class FetchResult:
    """One attempt to get ``url``. ``body`` is set only when the outcome is ``ok``."""

    url: str
    source: str
    attempted_at: datetime
    outcome: str
    mode: str  # live | replay
    http_status: int | None = None
    elapsed_ms: float = 0.0
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    final_url: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    # HTTP requests made for this result (retries included; robots.txt fetches not). The live fetcher returns
    # one final result per URL and counts its attempts here; replay always reports 1.
    attempts: int = 1

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown fetch outcome {self.outcome!r}")

    @property
    def bytes(self) -> int | None:
        return len(self.body) if self.body is not None else None

    @property
    def content_sha256(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.body is not None else None

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for k, v in self.headers.items():
            if k.lower() == lname:
                return v
        return None

    @property
    def content_type(self) -> str:
        return (self.header("Content-Type") or "").lower()


def page_id(url: str, content_sha256: str) -> str:
    """Stable id of a kept response body: the same body at the same URL is the same page."""
    return hashlib.sha256(f"{url}\n{content_sha256}".encode()).hexdigest()[:16]
