"""What runs on its own under the daemon (``chipwatch serve`` / ``make serve``).

- ``live_crawl``: a sensor that, once per crawl cadence (``CHIPWATCH_CRAWL_EVERY``, default 5 minutes),
  requests one live ingest run per outlet (``CHIPWATCH_LIVE_SOURCES``, default news1, cnn and nyt): at most
  one feed request (a conditional GET) per host per cadence, the outlet's primary feed every second cadence
  and its other feeds on that host in turn in between (:mod:`pipelines.fetch.rotation`). An outlet whose
  previous ingest run has not finished is skipped for that cadence (runs never pile up).
- The marts and the snapshot materialize when ingest partitions update (declarative automation,
  :data:`MARTS_CONDITION`): while any ingest run is queued or running they wait, so the outlets of one cadence
  give one marts run, not one per outlet.
- ``chipwatch_automation``: the sensor that evaluates those conditions.
- Freshness: the snapshot carries a freshness policy (warn after 3 cadences without a republish, fail
  after 6: 1.5 and 3 periods of the primary feed's polling); ``assets/checks.py``'s ``outlets_fresh``
  judges each outlet's newest article.

The sensors start stopped unless ``CHIPWATCH_AUTOMATION=on`` (what ``chipwatch serve`` sets), so ``make dev``
and ``dg dev`` never crawl the live sites until someone starts them in the UI.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import timedelta

import dagster as dg

from assets.jobs import LIVE_SOURCES, ingest_job
from assets.partitions import SOURCE_KEYS
from assets.resources import CONFIG_ENV, fetcher_settings
from pipelines import stages

CRAWL_EVERY_ENV = "CHIPWATCH_CRAWL_EVERY"
LIVE_SOURCES_ENV = "CHIPWATCH_LIVE_SOURCES"
AUTOMATION_ENV = "CHIPWATCH_AUTOMATION"
# 5 minutes: the primary feed is polled every second crawl, so an article waits at most two cadences for
# it; with the processing that stays under the 15-minute target (README, Operations; bench_freshness.py).
DEFAULT_CRAWL_EVERY = timedelta(minutes=5)
# The automation sensor looks at the conditions this often (at most 30 s; a tenth of a short test cadence).
MAX_AUTOMATION_INTERVAL_S = 30


def crawl_every() -> timedelta:
    """The live crawl's cadence: ``CHIPWATCH_CRAWL_EVERY`` (``10m``, ``90s``, ...), else 5 minutes."""
    text = os.environ.get(CRAWL_EVERY_ENV, "").strip()
    if not text:
        return DEFAULT_CRAWL_EVERY
    every = stages.duration(text)
    if every.total_seconds() < 1:
        raise ValueError(f"{CRAWL_EVERY_ENV} must be at least 1s, not {text!r}")
    return every


def live_sources() -> list[str]:
    """The outlets the live crawl visits: ``CHIPWATCH_LIVE_SOURCES`` (``cnn,news1``), else news1, cnn and nyt."""
    text = os.environ.get(LIVE_SOURCES_ENV, "").strip()
    if not text:
        return list(LIVE_SOURCES)
    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SOURCE_KEYS]
    if unknown:
        raise ValueError(f"{LIVE_SOURCES_ENV}: unknown source(s) {', '.join(unknown)}; "
                         f"known: {', '.join(SOURCE_KEYS)}")
    return chosen


def automation_on() -> bool:
    """Whether the sensors start running (``CHIPWATCH_AUTOMATION=on``; ``chipwatch serve`` sets it)."""
    return os.environ.get(AUTOMATION_ENV, "").strip().lower() in ("1", "on", "true", "yes")


def _status() -> dg.DefaultSensorStatus:
    return dg.DefaultSensorStatus.RUNNING if automation_on() else dg.DefaultSensorStatus.STOPPED


def live_run_config() -> dict:
    """The run config of a live ingest run: the code location's fetcher settings (the file
    ``CHIPWATCH_FETCHER_CONFIG`` names and the ``CHIPWATCH_*`` variables, read at each tick) with
    ``mode: live``. All of them: a resource's run config replaces its configured values, it does not add
    to them, so ``{"mode": "live"}`` alone would drop the settings (stand-ins, user agent, ...)."""
    settings = fetcher_settings(os.environ.get(CONFIG_ENV) or None)
    return {"resources": {"fetcher": {"config": {**settings, "mode": "live"}}}}


def _unfinished_ingest(instance: dg.DagsterInstance, source: str) -> bool:
    runs = instance.get_run_records(dg.RunsFilter(
        job_name=ingest_job.name, tags={"dagster/partition": source},
        statuses=[dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
                  dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]), limit=1)
    return bool(runs)


def _crawl_requests(context: dg.SensorEvaluationContext, every_s: float, sources: list[str],
                    now: float | None = None) -> Iterator[dg.RunRequest | dg.SkipReason]:
    window = int((time.time() if now is None else now) // every_s)
    config = live_run_config()
    busy = []
    for source in sources:
        if _unfinished_ingest(context.instance, source):
            busy.append(source)
            continue
        yield dg.RunRequest(run_key=f"live-{source}-{window}", partition_key=source, run_config=config,
                            tags={"chipwatch/trigger": "live_crawl"})
    if busy and len(busy) == len(sources):
        yield dg.SkipReason(f"previous ingest runs still going for {', '.join(busy)}")


def build_live_crawl(every: timedelta | None = None) -> dg.SensorDefinition:
    """The live crawl sensor for a cadence (default :func:`crawl_every`)."""
    every_s = max(1, int((every or crawl_every()).total_seconds()))
    sources = live_sources()

    @dg.sensor(name="live_crawl", job=ingest_job, minimum_interval_seconds=every_s, default_status=_status(),
               description=f"Every {every_s} s (CHIPWATCH_CRAWL_EVERY): one live ingest run per outlet "
                           f"({', '.join(sources)}; CHIPWATCH_LIVE_SOURCES), one feed request per host (the "
                           "primary feed every second crawl); an outlet whose last run is unfinished waits.")
    def live_crawl(context: dg.SensorEvaluationContext):
        yield from _crawl_requests(context, every_s, sources)

    return live_crawl


# The marts (and the charts, and the snapshot) after ingest: when a dependency updated and nothing upstream
# is queued or running. Missing dependencies only count outside the ingest layer: an outlet never crawled
# (a partition of core.facts that does not exist), or no archive ever backfilled, must not hold the marts back.
_INGEST_LAYER = dg.AssetSelection.assets(["core", "facts"], ["core", "articles"], ["backfill", "archive_rows"])
# "Updated" means a new data version: an ingest run that found nothing new (a 304 feed, no new page) writes
# the same rows, gives core.facts and core.articles the same data version (assets/core.py), and starts no marts
# run; within the marts every materialization is a new version.
DEPS_CHANGED = dg.AutomationCondition.any_deps_match(
    (dg.AutomationCondition.newly_updated() & dg.AutomationCondition.data_version_changed())
    | dg.AutomationCondition.will_be_requested()
).with_label("any_deps_changed")
MARTS_CONDITION = (
    DEPS_CHANGED.since_last_handled()
    & ~dg.AutomationCondition.any_deps_missing().ignore(_INGEST_LAYER)
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("after_ingest")
# The alias table has no dependency: built while missing, unless its last run failed (no retry loop). Not
# eager(): eager's newly_missing is false on a condition's first evaluation, so a fresh instance never built it.
ENTITIES_CONDITION = (
    dg.AutomationCondition.missing() & ~dg.AutomationCondition.in_progress()
    & ~dg.AutomationCondition.execution_failed()
).with_label("while_missing")


def with_automation(assets: list[dg.AssetsDefinition], every: timedelta | None = None) -> list[dg.AssetsDefinition]:
    """The mart assets (``jobs.MART_ASSETS``) with their automation conditions, and, when the automation is
    on, the snapshot's freshness policy: warn after 1.5 periods of the primary feed's polling without a
    republish (3 cadences), fail after 3 (6 cadences)."""
    cadence = (every or crawl_every()) * stages.PRIMARY_FEED_EVERY
    # Dagster's floor: windows of at least a minute (a test's short cadence gets 1 and 2 minutes)
    policy = dg.FreshnessPolicy.time_window(fail_window=max(3 * cadence, timedelta(minutes=2)),
                                            warn_window=max(1.5 * cadence, timedelta(minutes=1)))

    def attach(spec: dg.AssetSpec) -> dg.AssetSpec:
        path = tuple(spec.key.path)
        attrs: dict = {"automation_condition": ENTITIES_CONDITION if path == ("core", "entities")
                       else MARTS_CONDITION}
        if path == ("publish", "analyst_snapshot") and automation_on():
            attrs["freshness_policy"] = policy
        return spec.replace_attributes(**attrs)

    return list(dg.map_asset_specs(attach, assets))


def build_automation_sensor(every: timedelta | None = None) -> dg.AutomationConditionSensorDefinition:
    """The sensor that evaluates the automation conditions, every 30 s or a tenth of a shorter cadence."""
    cadence_s = (every or crawl_every()).total_seconds()
    interval = max(1, min(MAX_AUTOMATION_INTERVAL_S, int(cadence_s / 10)))
    return dg.AutomationConditionSensorDefinition(
        "chipwatch_automation", target=dg.AssetSelection.all(), default_status=_status(),
        minimum_interval_seconds=interval,
        description="Materializes the marts, the charts and the analyst snapshot after ingest runs (one run "
                    "for the outlets of one crawl) and the alias table when it is missing.")
