"""The Dagster code location: every asset, check, job, sensor and resource of chipwatch.

Runs execute in one process each (``in_process_executor``): every step writes DuckDB in the single-writer
pool ``duckdb_writes``, so a process per step would only add start-up time. What runs on its own under the
daemon is in ``assets/automation.py``.
"""

from __future__ import annotations

import dagster as dg

from assets import automation, checks
from assets.backfill import BACKFILL_ASSETS, archive_folder, backfill_job
from assets.jobs import INGEST_ASSETS, MART_ASSETS, ingest_job, marts_job
from assets.metadata import with_column_schemas
from assets.resources import fetcher_from_env, warehouse_from_env

defs = dg.Definitions(
    assets=with_column_schemas([*INGEST_ASSETS, *automation.with_automation(MART_ASSETS)]) + BACKFILL_ASSETS,
    asset_checks=[checks.facts_have_provenance, checks.observations_unique, checks.timeline_complete,
                  checks.conflict_count_stable, checks.outlets_fresh],
    jobs=[ingest_job, marts_job, backfill_job],
    sensors=[automation.build_live_crawl(), automation.build_automation_sensor(), archive_folder],
    resources={"fetcher": fetcher_from_env(), "duckdb": warehouse_from_env()},
    executor=dg.in_process_executor,
)
