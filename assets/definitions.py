"""The Dagster code location: every asset, check, job, schedule, sensor and resource of chipwatch."""

from __future__ import annotations

import dagster as dg

from assets import checks
from assets.backfill import BACKFILL_ASSETS, archive_folder, backfill_job
from assets.jobs import (
    INGEST_ASSETS,
    MART_ASSETS,
    daily_live_crawl,
    ingest_job,
    marts_after_ingest,
    marts_job,
)
from assets.metadata import with_column_schemas
from assets.resources import fetcher_from_env, warehouse_from_env

defs = dg.Definitions(
    assets=with_column_schemas([*INGEST_ASSETS, *MART_ASSETS]) + BACKFILL_ASSETS,
    asset_checks=[checks.facts_have_provenance, checks.observations_unique, checks.timeline_complete,
                  checks.conflict_count_stable],
    jobs=[ingest_job, marts_job, backfill_job],
    schedules=[daily_live_crawl],
    sensors=[marts_after_ingest, archive_folder],
    resources={"fetcher": fetcher_from_env(), "duckdb": warehouse_from_env()},
)
