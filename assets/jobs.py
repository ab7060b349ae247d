"""Jobs, the daily schedule and the sensor that rebuilds the marts after an ingest."""


import dagster as dg

from assets import core, marts, publish, raw, reports
from assets.partitions import SOURCE_KEYS

INGEST_ASSETS = [raw.discovered_urls, raw.fetched_pages, core.parsed_articles, core.facts]
MART_ASSETS = [core.entities, marts.figure_observations, marts.figure_timeline, marts.article_revisions,
               reports.figure_charts, publish.analyst_snapshot]

ingest_job = dg.define_asset_job(
    "ingest", selection=dg.AssetSelection.assets(*INGEST_ASSETS),
    description="Discover, fetch, parse and extract one outlet (a partition per source).",
)
marts_job = dg.define_asset_job(
    "marts", selection=dg.AssetSelection.assets(*MART_ASSETS),
    description="Rebuild the tracking marts from core.facts and publish the analyst snapshot.",
)

LIVE_RUN_CONFIG = {"resources": {"fetcher": {"config": {"mode": "live"}}}}
LIVE_SOURCES = [s for s in SOURCE_KEYS if s != "other"]


@dg.schedule(job=ingest_job, cron_schedule="0 6 * * *", execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.STOPPED)
def daily_live_crawl(context: dg.ScheduleEvaluationContext):
    """Every day at 06:00 UTC: crawl News1, CNN and NYT live (one run per outlet). Stopped by default;
    start it in the UI (Automation) once live fetching is configured."""
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    for source in LIVE_SOURCES:
        yield dg.RunRequest(run_key=f"{day}-{source}", partition_key=source, run_config=LIVE_RUN_CONFIG)


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[ingest_job],
                      request_job=marts_job, default_status=dg.DefaultSensorStatus.STOPPED)
def marts_after_ingest(context: dg.RunStatusSensorContext):
    """After an ingest run succeeds, rebuild the marts and publish the snapshot."""
    return dg.RunRequest(run_key=f"marts-after-{context.dagster_run.run_id}")
