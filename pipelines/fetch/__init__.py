"""Fetching pages: one interface over live HTTP and WARC replay, plus the WARC archive itself."""

from pipelines.fetch.model import OUTCOMES, FetchResult
from pipelines.fetch.replay import WarcReplay

__all__ = ["OUTCOMES", "FetchResult", "WarcReplay"]
