"""Dagster resources: the fetcher (replay or live) and the warehouse connection."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.fetch.article_search import ArchivedSearch, ArticleSearchClient, api_key_from_env
from pipelines.fetch.live import DEFAULT_USER_AGENT, LiveFetcher
from pipelines.fetch.recheck import (
    DEFAULT_FAILURE_BACKOFF,
    DEFAULT_SCHEDULE,
    Schedule,
    parse_backoff,
    parse_schedule,
)
from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.state import STATE_FILE, FetchState
from pipelines.fetch.urls import host_allowed, host_of
from pipelines.sources.registry import SOURCES, source_keys
from warehouse.db import ensure_schema, open_database
from warehouse.paths import PROJECT_ROOT, WAREHOUSE_DIR, working_db_path

SAMPLE_ARCHIVE = PROJECT_ROOT / "sample_archive" / "sample.warc.gz"


@lru_cache(maxsize=8)
def _replay(paths: tuple[str, ...], stamps: tuple[tuple[int, int] | None, ...]) -> WarcReplay:
    return WarcReplay(paths)


def replay_for(paths: list[str] | tuple[str, ...]) -> WarcReplay:
    """The replay of ``paths``, indexed once per process for as long as the files stay unchanged (size and
    mtime): the CLI reads and reports the archives first, and every step of its runs reuses that index."""
    resolved = tuple(str(Path(p).resolve()) for p in paths)
    stamps = []
    for p in resolved:
        try:
            st = os.stat(p)
            stamps.append((st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append(None)  # WarcReplay says which file is missing
    return _replay(resolved, tuple(stamps))


class FetcherResource(dg.ConfigurableResource):
    """Where pages come from: ``replay`` of WARC archives (the offline default) or ``live`` HTTP.

    Environment (code location): ``CHIPWATCH_MODE`` (replay|live), ``CHIPWATCH_ARCHIVES`` (``:``-separated WARC
    paths), ``CHIPWATCH_FETCHER_CONFIG`` (a JSON or YAML file of these keys) and the common options of
    :data:`ENV_KEYS` (``CHIPWATCH_USER_AGENT``, ``CHIPWATCH_MIN_DELAY_S``, ...). ``chipwatch run --config FILE``
    reads the same file format (see :func:`fetcher_settings`).
    """

    mode: str = "replay"
    archives: list[str] = [str(SAMPLE_ARCHIVE)]
    warc_dir: str = str(WAREHOUSE_DIR / "warc")
    user_agent: str = DEFAULT_USER_AGENT
    min_delay_s: float = 1.0
    timeout_s: float = 20.0
    connect_timeout_s: float = 10.0
    total_timeout_s: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_attempts: int = 4
    backoff_base_s: float = 1.0
    # A Retry-After up to this is waited for; a longer one pauses the host for the rest of the run.
    max_retry_after_s: float = 120.0
    max_workers: int = 4
    obey_robots: bool = True
    robots_ttl_s: float = 86_400.0
    # Per-host politeness, pauses and the robots.txt cache, shared by every step and run (pipelines/fetch/state.py);
    # empty means <warc_dir>/fetch_state.json.
    state_file: str = ""
    # Per-source overrides of feed URLs and allowed hosts, e.g. {"cnn": {"hosts": ["127.0.0.1"],
    # "feeds": ["http://127.0.0.1:8000/sitemap.xml"]}}, so a mirror or a test server can stand in.
    sources: dict[str, dict] = {}
    # Re-check schedule as data, e.g. [{"until": "3h", "every": "15m"}, {"until": "1d", "every": "1h"}];
    # empty means the default (see pipelines/fetch/recheck.py).
    recheck_schedule: list[dict] = []
    # Waits after a URL failed the same way 2, 3, ... times in a row (the last repeats), e.g. ["1h", "6h", "1d"];
    # empty means the default (see pipelines/fetch/recheck.py).
    failure_backoff: list[str] = []
    # Live only: do not fetch URLs whose feed title/summary the topic filter finds off-topic.
    prefilter_titles: bool = True

    def article_search(self, source: str,
                       client: WarcReplay | LiveFetcher) -> ArticleSearchClient | ArchivedSearch | None:
        """The outlet's official search API (``Publisher.search``, NYT's Article Search), or ``None``.

        Live: a client on the live fetcher's host slots, HTTP client and WARC archive, when the key the spec's
        ``key_env`` names is set and the API's host is among the source's hosts (so not for a stand-in
        override's run, nor for a source switched off with ``feeds: []``). Replay: the archived API responses,
        when the archive holds any.
        """
        pub = SOURCES.get(source)
        spec = pub.search if pub is not None else None
        if spec is None:
            return None
        if isinstance(client, LiveFetcher):
            hosts = client.source_config(source).hosts
            if client.switched_off(source) or not host_allowed(host_of(spec.url), hosts):
                return None  # a stand-in override or no feeds: the run stays off the real outlet, its API included
            key = api_key_from_env(spec.key_env)
            return ArticleSearchClient(key, base_url=spec.url, client=client.client, slots=client.slots,
                                       archive=client.archive) if key else None
        archived = ArchivedSearch(client, source, spec.url)
        return archived if archived.urls() else None

    def schedule(self) -> Schedule:
        return parse_schedule(self.recheck_schedule) if self.recheck_schedule else DEFAULT_SCHEDULE

    def failure_backoff_steps(self) -> tuple[timedelta, ...]:
        """Waits after repeated identical failures of a URL (``failure_backoff``, else the default)."""
        return parse_backoff(self.failure_backoff) if self.failure_backoff else DEFAULT_FAILURE_BACKOFF

    def state_path(self) -> Path:
        """The shared fetch state file (``state_file``, else ``<warc_dir>/fetch_state.json``)."""
        return Path(self.state_file) if self.state_file else Path(self.warc_dir) / STATE_FILE

    def build(self, run_id: str | None = None) -> WarcReplay | LiveFetcher:
        """The fetcher for one asset step. Live fetchers of the same ``run_id`` (and later runs) share per-host
        politeness, pauses and the robots.txt cache through :meth:`state_path`."""
        if self.mode == "replay":
            return replay_for(self.archives)
        if self.mode == "live":
            return LiveFetcher(self.warc_dir, user_agent=self.user_agent, timeout_s=self.timeout_s,
                               min_delay_s=self.min_delay_s, max_attempts=self.max_attempts, robots=self.obey_robots,
                               sources=self.sources or None, connect_timeout_s=self.connect_timeout_s,
                               total_timeout_s=self.total_timeout_s, max_bytes=self.max_bytes,
                               backoff_base_s=self.backoff_base_s, max_retry_after_s=self.max_retry_after_s,
                               robots_ttl_s=self.robots_ttl_s, state=FetchState(self.state_path(), run_id=run_id))
        raise ValueError(f"fetcher mode must be 'replay' or 'live', not {self.mode!r}")


# Environment variables for the common fetcher options (the resource's keys; they override a config file).
ENV_KEYS: dict[str, str] = {
    "CHIPWATCH_USER_AGENT": "user_agent",
    "CHIPWATCH_MIN_DELAY_S": "min_delay_s",
    "CHIPWATCH_TIMEOUT_S": "timeout_s",
    "CHIPWATCH_MAX_ATTEMPTS": "max_attempts",
    "CHIPWATCH_MAX_WORKERS": "max_workers",
    "CHIPWATCH_WARC_DIR": "warc_dir",
    "CHIPWATCH_SOURCES": "sources",  # JSON: {"cnn": {"hosts": [...], "feeds": [...]}}
}
CONFIG_ENV = "CHIPWATCH_FETCHER_CONFIG"  # a config file for the code location (the CLI's --config)


class FetcherConfigError(ValueError):
    """A fetcher config file or environment variable that cannot be used; the message is one line."""


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _read_config_file(path: str | Path) -> dict:
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FetcherConfigError(f"cannot read fetcher config {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FetcherConfigError(f"fetcher config {path} is not JSON or YAML: {_one_line(exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FetcherConfigError(f"fetcher config {path} must be a mapping of fetcher keys, "
                                 f"not a {type(data).__name__}")
    return data


def fetcher_settings(config_file: str | Path | None = None, environ: Mapping[str, str] | None = None) -> dict:
    """The fetcher keys set by a config file (JSON or YAML, the resource's keys) and the environment
    (:data:`ENV_KEYS`, which override the file), checked: unknown keys, wrong types and bad source overrides
    raise :class:`FetcherConfigError` with a one-line message. Keys set nowhere are left out (defaults)."""
    env = os.environ if environ is None else environ
    settings = _read_config_file(config_file) if config_file else {}
    where = {k: f"fetcher config {config_file}" for k in settings}
    for var, key in ENV_KEYS.items():
        value = env.get(var)
        if value is None or value == "":
            continue
        if key == "sources":
            try:
                settings[key] = json.loads(value)
            except ValueError as exc:
                raise FetcherConfigError(f"{var} is not JSON: {exc}") from exc
        else:
            settings[key] = value
        where[key] = var
    known = set(FetcherResource.model_fields)
    unknown = sorted(set(settings) - known)
    if unknown:
        raise FetcherConfigError(f"unknown fetcher key(s) {', '.join(unknown)} in {where[unknown[0]]}; "
                                 f"known: {', '.join(sorted(known))}")
    sources = settings.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, dict) for v in sources.values()):
        raise FetcherConfigError(f"sources in {where.get('sources')} must map a source to "
                                 '{"hosts": [...], "feeds": [...]}')
    for name, override in sources.items():
        if name not in source_keys():
            raise FetcherConfigError(f"unknown source {name!r} in {where['sources']}; "
                                     f"known: {', '.join(source_keys())}")
        bad = sorted(set(override) - {"hosts", "feeds"})
        if bad:
            raise FetcherConfigError(f"source {name!r} in {where['sources']} has unknown key(s) {', '.join(bad)}; "
                                     "use hosts / feeds")
    try:
        checked = FetcherResource(**settings)
    except Exception as exc:  # pydantic's ValidationError: keep its first complaint, on one line
        errors = getattr(exc, "errors", None)
        first = errors()[0] if callable(errors) else None
        if first:
            key = ".".join(str(x) for x in first.get("loc", ())) or "?"
            raise FetcherConfigError(f"fetcher key {key} in {where.get(key.split('.')[0], 'config')}: "
                                     f"{first.get('msg')} (got {first.get('input')!r})") from exc
        raise FetcherConfigError(f"fetcher config: {_one_line(exc)}") from exc
    if checked.mode not in ("replay", "live"):
        raise FetcherConfigError(f"fetcher key mode in {where.get('mode')}: must be replay or live, "
                                 f"not {checked.mode!r}")
    return {k: getattr(checked, k) for k in settings}


def fetcher_from_env() -> FetcherResource:
    """The code location's fetcher: ``CHIPWATCH_MODE``, ``CHIPWATCH_ARCHIVES``, the file ``CHIPWATCH_FETCHER_CONFIG``
    names and the variables of :data:`ENV_KEYS`."""
    archives = os.environ.get("CHIPWATCH_ARCHIVES")
    settings = {"mode": os.environ.get("CHIPWATCH_MODE", "replay"),
                "archives": archives.split(os.pathsep) if archives else [str(SAMPLE_ARCHIVE)]}
    settings.update(fetcher_settings(os.environ.get(CONFIG_ENV) or None))
    return FetcherResource(**settings)


_SCHEMA_READY: set[str] = set()


class WarehouseResource(DuckDBResource):
    """DuckDBResource that creates the folder, schemas, tables and views before the first write, so any
    asset may be the first to run (from `chipwatch run`, the UI or the daemon).

    While another process (an analyst's reader) holds the file, it waits up to ``lock_wait_s`` seconds
    (default ``CHIPWATCH_WAIT_S`` or 300), saying once which PID it waits for, then fails the step with
    one line naming the holder."""

    lock_wait_s: float | None = None

    @contextmanager
    def get_connection(self) -> Iterator:
        path = Path(self.database)
        fresh = not path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = open_database(path, config={"custom_user_agent": "dagster", **self.connection_config},
                             wait_s=self.lock_wait_s, on_wait=dg.get_dagster_logger().warning)
        try:
            key = str(path.resolve())
            if fresh or key not in _SCHEMA_READY:
                ensure_schema(conn)
                _SCHEMA_READY.add(key)
            conn.execute("SET TimeZone = 'UTC'")
            yield conn
        finally:
            conn.close()


def warehouse_from_env() -> WarehouseResource:
    return WarehouseResource(database=str(working_db_path()))
