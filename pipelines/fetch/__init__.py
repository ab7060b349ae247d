"""Fetching pages: one interface over live HTTP and WARC replay, plus the WARC archive itself."""

from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.result import OUTCOMES, FetchResult

__all__ = ["OUTCOMES", "FetchResult", "WarcReplay"]
