"""Ingest assets are partitioned by source: one partition per outlet in the registry, plus ``other`` for
archives (CC-NEWS, old crawls) holding pages of outlets chipwatch has no adapter for."""

import dagster as dg

from assets import pool_wait
from pipelines import stages

SOURCE_KEYS = stages.source_keys()
source_partitions = dg.StaticPartitionsDefinition(SOURCE_KEYS)

# Every asset that writes to DuckDB runs in this pool; instance/dagster.yaml gives pools a limit of 1, so
# there is never more than one writer, across all runs.
WAREHOUSE_POOL = "duckdb_writes"
pool_wait.install()  # a step waiting for the slot sleeps between its claims (Dagster 1.13 spins a core)

# Backfill partitions: one per archive file (its absolute path), added by `chipwatch run --archive FILE...` or
# the sensor over a folder (assets/backfill.py).
archive_partitions = dg.DynamicPartitionsDefinition(name="archives")
