"""Fetching a batch of URLs concurrently across hosts and one at a time within a host.

:func:`fetch_many` groups the URLs by host and gives each host's queue to one worker thread, so different
hosts proceed in parallel (up to ``max_workers`` at a time) while each host sees its URLs in order, one at a
time. The fetcher's own per-host slots (:class:`pipelines.fetch.politeness.HostSlots`) still hold when a
redirect crosses to another host or when something else uses the fetcher at the same time. Works with any
fetcher of the :class:`pipelines.stages.Fetcher` shape (live or replay).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Protocol

from pipelines.fetch.result import FetchResult
from pipelines.fetch.targets import canonicalize
from pipelines.fetch.urls import host_of

log = logging.getLogger(__name__)

Validators = tuple[str | None, str | None]  # (ETag, Last-Modified) from an earlier response


class _Fetcher(Protocol):
    mode: str

    def fetch(self, url: str, source: str, expect: str = "page") -> list[FetchResult]: ...


def _takes_validators(fetcher: _Fetcher) -> bool:
    """True when the fetcher's ``fetch`` accepts ``etag``/``last_modified`` (replay does not need them)."""
    try:
        params = inspect.signature(fetcher.fetch).parameters
    except (TypeError, ValueError):
        return False
    return "etag" in params and "last_modified" in params


def fetch_one(fetcher: _Fetcher, url: str, source: str, expect: str,
              validators: Validators | None = None) -> list[FetchResult]:
    """Fetch one URL, conditionally when ``validators`` (ETag, Last-Modified) are given and the fetcher takes
    them (an unchanged resource comes back ``not_modified``, without a body); a fetcher that raises is recorded
    as a ``connection_error`` result instead."""
    try:
        if validators and any(validators) and _takes_validators(fetcher):
            etag, last_modified = validators
            return fetcher.fetch(url, source, expect, etag=etag, last_modified=last_modified)  # type: ignore[call-arg]
        return fetcher.fetch(url, source, expect)
    except Exception as exc:  # a fetcher should not raise; if it does, record it and go on
        log.exception("fetching %s raised", url)
        return [FetchResult(url=url, source=source, attempted_at=datetime.now(UTC), outcome="connection_error",
                            mode=getattr(fetcher, "mode", "live"), error=f"{type(exc).__name__}: {exc}")]


def fetch_many(fetcher: _Fetcher, urls: Iterable[str], source: str, expect: str = "page", max_workers: int = 4,
               validators: Mapping[str, Validators] | None = None, dedupe: bool = True) -> list[FetchResult]:
    """Fetch every URL; the results (each fetch's list, flattened) come back in input order.

    ``validators`` maps a URL to its (ETag, Last-Modified) for a conditional GET (fetchers without those
    keyword arguments, like replay, get a plain fetch). With ``dedupe`` a URL whose
    canonical form was already listed is skipped (it would fetch the same page twice). One URL's failure is
    in its result and never stops the others.
    """
    todo: list[str] = []
    seen: set[str] = set()
    for url in urls:
        key = canonicalize(url) if dedupe else url
        if dedupe and key in seen:
            continue
        seen.add(key)
        todo.append(url)
    queues: dict[str, list[int]] = {}
    for i, url in enumerate(todo):  # by the host actually requested (canonical forms may change the host)
        queues.setdefault(host_of(canonicalize(url)), []).append(i)
    out: list[list[FetchResult]] = [[] for _ in todo]

    def run(indices: list[int]) -> None:
        for i in indices:
            url = todo[i]
            out[i] = fetch_one(fetcher, url, source, expect, (validators or {}).get(url))

    workers = max(1, min(max_workers, len(queues)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
        for future in [pool.submit(run, idx) for idx in queues.values()]:
            future.result()
    return [res for results in out for res in results]
