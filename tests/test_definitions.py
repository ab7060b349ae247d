"""The Dagster code location: it loads, its keys match the warehouse, every writer is in the one pool."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg
import yaml

from assets.definitions import defs
from assets.partitions import SOURCE_KEYS, WAREHOUSE_POOL
from warehouse.schema import TABLES

REPO = Path(__file__).resolve().parents[1]


def test_asset_keys_are_warehouse_tables_and_documented():
    tables = {tuple(t.qualified.split(".")) for t in TABLES}
    keys = set()
    for assets_def in defs.assets:
        for key in assets_def.keys:
            keys.add(tuple(key.path))
            assert assets_def.descriptions_by_key.get(key), f"{key} has no description"
    # Files (the snapshot, the charts, a backfill's extracts) and the backfill's load into the tables above.
    assert keys - {("publish", "analyst_snapshot"), ("reports", "figure_charts"), ("backfill", "archive_extracts"),
                   ("backfill", "archive_rows")} <= tables
    assert {("raw", "fetch_log"), ("raw", "pages"), ("core", "articles"), ("core", "facts"),
            ("marts", "figure_observations"), ("marts", "figure_timeline"), ("marts", "figure_discrepancies"),
            ("marts", "article_revisions")} <= keys


def test_every_writer_and_check_is_in_the_warehouse_pool():
    for assets_def in defs.assets:
        if assets_def.keys == {dg.AssetKey(["backfill", "archive_extracts"])}:
            assert "duckdb" not in assets_def.required_resource_keys  # reads an archive, writes Parquet files
            continue
        assert assets_def.node_def.pool == WAREHOUSE_POOL, assets_def.keys
    for check in defs.asset_checks:
        # Checks that open the warehouse are in the pool too (DuckDB: one process at a time).
        if "duckdb" in check.required_resource_keys:
            assert check.node_def.pool == WAREHOUSE_POOL, check.check_keys


def test_ingest_assets_are_partitioned_by_source():
    graph = defs.resolve_asset_graph()
    for path in (["raw", "discovered_urls"], ["raw", "fetch_log"], ["raw", "pages"], ["core", "articles"],
                 ["core", "facts"]):
        pdef = graph.get(dg.AssetKey(path)).partitions_def
        assert pdef is not None and pdef.get_partition_keys() == SOURCE_KEYS
    assert graph.get(dg.AssetKey(["marts", "figure_timeline"])).partitions_def is None


def test_instance_settings_limit_pools_to_one(tmp_path):
    cfg = yaml.safe_load((REPO / "instance" / "dagster.yaml").read_text())
    assert cfg["concurrency"]["pools"]["default_limit"] == 1
    (tmp_path / "dagster.yaml").write_text((REPO / "instance" / "dagster.yaml").read_text())
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1


def test_no_instance_file_where_dagster_dev_would_warn_about_it(tmp_path, monkeypatch):
    # `dagster dev`, run from the project's top (make dev), warns that a dagster.yaml there "will not be used"
    assert not (REPO / "dagster.yaml").exists() and not (REPO / "dagster.yml").exists()
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    from assets.cli import _ensure_dagster_home

    home = _ensure_dagster_home()  # what `chipwatch run` uses; `make dev` copies the same file
    assert (home / "dagster.yaml").read_text() == (REPO / "instance" / "dagster.yaml").read_text()
    assert "cp $(INSTANCE_YAML) $(DAGSTER_HOME)/dagster.yaml" in (REPO / "Makefile").read_text()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        # the daemon of `make dev` frees the slots of finished runs and fails runs stuck starting
        assert instance.run_monitoring_enabled
        assert instance.run_monitoring_settings["free_slots_after_run_end_seconds"] > 0


def test_every_run_executes_in_one_process():
    # every step is in the single-writer pool: a process per step would only add start-up time
    assert defs.resolve_job_def("ingest").executor_def is dg.in_process_executor
    assert defs.resolve_job_def("marts").executor_def is dg.in_process_executor


def test_dg_check_defs(tmp_path):
    """`dg check defs` (what `dagster definitions validate` now defers to) loads the project's code location
    from pyproject.toml's [tool.dg] section."""
    bin_dir = Path(sys.executable).parent
    env = {"DAGSTER_HOME": str(tmp_path), "PATH": str(bin_dir), "VIRTUAL_ENV": str(bin_dir.parent),
           "HOME": str(tmp_path)}
    (tmp_path / "dagster.yaml").write_text((REPO / "instance" / "dagster.yaml").read_text())
    proc = subprocess.run([str(bin_dir / "dg"), "check", "defs"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-2000:]
    assert "All definitions loaded successfully" in proc.stdout + proc.stderr
    assert "dg check defs" in (REPO / "Makefile").read_text()
