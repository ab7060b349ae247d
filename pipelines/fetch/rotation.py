"""Which feeds a live crawl polls: at most one feed request per host per crawl.

An outlet may list several feeds on one host (News1: six on ``www.news1.kr``). Polling all of them on every
crawl asks the host that many times per cadence; :func:`feeds_this_crawl` picks one feed per host instead,
from the record of past feed fetches (``raw.fetch_log``, passed in as each feed URL's last live attempt), so
the turn survives restarts and does not depend on which process ran the last crawl:

- on a host holding the outlet's **primary** feed (the one that lists new articles first, e.g. a Google News
  sitemap; :attr:`pipelines.sources.publisher.Publisher.primary_feed`) and other feeds: the primary when the
  host's last feed fetch was not the primary, else the secondary fetched longest ago (never fetched first,
  then in list order). The primary is polled every second crawl, each of ``k`` secondaries every ``2k``
  crawls;
- on a host holding only the primary: the primary, every crawl;
- on a host without the primary: its feeds in turn, the one fetched longest ago first (every ``n`` crawls).

Every attempt counts as a turn, whatever its outcome (a 304, a failure, robots.txt forbidding it), so a
failing feed never holds the others back. robots.txt is not a feed request: it is cached for 24 h
(:mod:`pipelines.fetch.robots`), one request per origin per day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from pipelines.fetch.urls import host_of

_NEVER = datetime.min
# On a host it shares with other feeds, the primary feed is polled every PRIMARY_EVERY crawls.
PRIMARY_EVERY = 2


def feeds_this_crawl(feeds: Sequence[str], primary: str | None,
                     last_fetched: Mapping[str, datetime]) -> list[str]:
    """The feeds to fetch in this crawl, one per host, in the order of ``feeds``.

    ``primary`` is the outlet's primary feed URL (None: no feed is primary); ``last_fetched`` maps a feed URL
    to its last live fetch attempt (timezone-aware or naive, but all alike; absent: never fetched).

    >>> from datetime import datetime as d
    >>> feeds = ["https://a.example/news.xml", "https://a.example/s1.xml", "https://a.example/s2.xml"]
    >>> feeds_this_crawl(feeds, feeds[0], {})
    ['https://a.example/news.xml']
    >>> feeds_this_crawl(feeds, feeds[0], {feeds[0]: d(2026, 1, 1, 0, 10), feeds[1]: d(2026, 1, 1, 0, 5)})
    ['https://a.example/s2.xml']
    """
    by_host: dict[str, list[str]] = {}
    for url in dict.fromkeys(feeds):  # a feed listed twice is still one feed
        by_host.setdefault(host_of(url), []).append(url)
    chosen = {_pick(urls, primary, last_fetched) for urls in by_host.values()}
    return [url for url in dict.fromkeys(feeds) if url in chosen]


def _pick(urls: list[str], primary: str | None, last_fetched: Mapping[str, datetime]) -> str:
    """The one feed of a host to fetch now (see the module docstring)."""

    def when(url: str) -> datetime:
        stamp = last_fetched.get(url)
        if stamp is None:
            return _NEVER
        return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp

    def oldest(candidates: list[str]) -> str:  # min() keeps the first of equals: list order breaks ties
        return min(candidates, key=when)

    if primary not in urls:
        return oldest(urls)
    others = [u for u in urls if u != primary]
    if not others:
        return primary
    fetched = [u for u in urls if u in last_fetched]
    last = max(fetched, key=when) if fetched else None
    return oldest(others) if last == primary else primary
