"""Dagster resources: the fetcher (replay or live) and the warehouse connection."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.fetch.live import DEFAULT_USER_AGENT, LiveFetcher
from pipelines.fetch.replay import WarcReplay
from warehouse.paths import PROJECT_ROOT, WAREHOUSE_DIR, working_db_path

SAMPLE_ARCHIVE = PROJECT_ROOT / "sample_archive" / "sample.warc.gz"


@lru_cache(maxsize=8)
def _replay(paths: tuple[str, ...]) -> WarcReplay:
    return WarcReplay(paths)


class FetcherResource(dg.ConfigurableResource):
    """Where pages come from: ``replay`` of WARC archives (the offline default) or ``live`` HTTP.

    Environment: ``CHIPWATCH_MODE`` (replay|live), ``CHIPWATCH_ARCHIVES`` (``:``-separated WARC paths),
    ``CHIPWATCH_USER_AGENT``.
    """

    mode: str = "replay"
    archives: list[str] = [str(SAMPLE_ARCHIVE)]
    warc_dir: str = str(WAREHOUSE_DIR / "warc")
    user_agent: str = DEFAULT_USER_AGENT
    min_delay_s: float = 1.0

    def build(self) -> WarcReplay | LiveFetcher:
        if self.mode == "replay":
            return _replay(tuple(str(Path(p).resolve()) for p in self.archives))
        if self.mode == "live":
            return LiveFetcher(self.warc_dir, user_agent=self.user_agent, min_delay_s=self.min_delay_s)
        raise ValueError(f"fetcher mode must be 'replay' or 'live', not {self.mode!r}")


def fetcher_from_env() -> FetcherResource:
    archives = os.environ.get("CHIPWATCH_ARCHIVES")
    return FetcherResource(
        mode=os.environ.get("CHIPWATCH_MODE", "replay"),
        archives=archives.split(os.pathsep) if archives else [str(SAMPLE_ARCHIVE)],
        user_agent=os.environ.get("CHIPWATCH_USER_AGENT", DEFAULT_USER_AGENT),
    )


def warehouse_from_env() -> DuckDBResource:
    return DuckDBResource(database=str(working_db_path()))
