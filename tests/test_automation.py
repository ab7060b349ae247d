"""What runs on its own under the daemon, evaluated in-process: the live crawl sensor, the marts' declarative
automation (one marts run for many ingest partitions), the sensors' default status, and the per-outlet
freshness check."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import dagster as dg
import pytest

from assets import automation, checks
from assets.definitions import defs
from assets.jobs import MART_ASSETS
from assets.resources import WarehouseResource


def _evaluate(instance, cursor=None):
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
    requested = {r.key.to_user_string() for r in result.results if r.true_subset.size}
    return result, requested


MARTS = {"marts/figure_observations", "marts/figure_discrepancies", "marts/figure_citations",
         "marts/figure_timeline", "marts/article_revisions", "reports/figure_charts", "publish/analyst_snapshot"}


def _ingested(instance, source: str, version: str | None = None) -> None:
    """core.facts and core.articles of ``source`` materialized, with data version ``version`` (else a new one)."""
    import uuid

    tags = {"dagster/data_version": version or uuid.uuid4().hex}
    for key in (["core", "facts"], ["core", "articles"]):
        instance.report_runless_asset_event(dg.AssetMaterialization(key, partition=source, tags=tags))


def test_fresh_instance_builds_the_alias_table_and_waits_for_ingest():
    with dg.instance_for_test() as instance:
        _, requested = _evaluate(instance)
        assert requested == {"core/entities"}  # not the marts: nothing was ingested yet


def test_many_ingest_partitions_give_one_marts_run():
    with dg.instance_for_test() as instance:
        cursor, _ = _evaluate(instance)
        instance.report_runless_asset_event(dg.AssetMaterialization(["core", "entities"]))
        ingest = defs.resolve_job_def("ingest")
        # nyt is still being ingested while cnn and news1 finish: the marts wait for it
        running = instance.create_run_for_job(job_def=ingest, tags={"dagster/partition": "nyt"},
                                              status=dg.DagsterRunStatus.STARTED)
        _ingested(instance, "cnn")
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == set()
        _ingested(instance, "news1")
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == set()
        instance.report_run_failed(running)  # finished (either way): now once, every mart and the snapshot
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == MARTS
        assert all(cursor.get_num_requested(dg.AssetKey.from_user_string(k)) == 1 for k in MARTS)
        _, requested = _evaluate(instance, cursor.cursor)
        assert requested == set()


def test_a_backfilled_archive_rebuilds_the_marts_once_the_backfills_are_done():
    from assets.partitions import archive_partitions

    with dg.instance_for_test() as instance:
        cursor, _ = _evaluate(instance)
        instance.report_runless_asset_event(dg.AssetMaterialization(["core", "entities"]))
        instance.add_dynamic_partitions(archive_partitions.name, ["/data/a.warc.gz", "/data/b.warc.gz"])
        backfill = defs.resolve_job_def("backfill")
        running = instance.create_run_for_job(job_def=backfill, tags={"dagster/partition": "/data/b.warc.gz"},
                                              status=dg.DagsterRunStatus.STARTED)
        instance.report_runless_asset_event(dg.AssetMaterialization(["backfill", "archive_rows"],
                                                                    partition="/data/a.warc.gz"))
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == set()  # b is still being read
        instance.report_run_failed(running)
        _, requested = _evaluate(instance, cursor.cursor)
        assert requested == MARTS


def test_an_ingest_that_found_nothing_new_starts_no_marts_run():
    with dg.instance_for_test() as instance:
        cursor, _ = _evaluate(instance)
        instance.report_runless_asset_event(dg.AssetMaterialization(["core", "entities"]))
        _ingested(instance, "cnn", "v1")
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == MARTS
        for key in MARTS:  # the marts run happened
            instance.report_runless_asset_event(dg.AssetMaterialization(dg.AssetKey.from_user_string(key)))
        cursor, _ = _evaluate(instance, cursor.cursor)
        _ingested(instance, "cnn", "v1")  # the next crawl: a 304, the same rows
        cursor, requested = _evaluate(instance, cursor.cursor)
        assert requested == set()
        _ingested(instance, "cnn", "v2")  # a new article
        _, requested = _evaluate(instance, cursor.cursor)
        assert requested == MARTS


def test_frame_version_is_the_rows_not_their_order():
    import polars as pl

    from assets.metadata import frame_version

    df = pl.DataFrame({"id": ["a", "b"], "authors": [["x"], ["y", "z"]]})
    assert frame_version(df) == frame_version(df.reverse())
    assert frame_version(df) != frame_version(df.head(1)) != frame_version(df.head(0))


def test_live_crawl_requests_one_live_run_per_outlet_with_the_full_fetcher_settings(tmp_path, monkeypatch):
    config = tmp_path / "live.json"
    config.write_text(json.dumps({"min_delay_s": 0.5, "sources": {"cnn": {"hosts": ["127.0.0.1"],
                                                                          "feeds": ["http://127.0.0.1:9/f.xml"]}}}))
    monkeypatch.setenv("CHIPWATCH_FETCHER_CONFIG", str(config))
    sensor = automation.build_live_crawl(timedelta(minutes=10))
    assert sensor.minimum_interval_seconds == 600
    with dg.instance_for_test() as instance:
        requests = sensor.evaluate_tick(
            dg.build_sensor_context(instance=instance, repository_def=defs.get_repository_def())).run_requests
        assert sorted(r.partition_key for r in requests) == ["cnn", "news1", "nyt"]
        fetcher = requests[0].run_config["resources"]["fetcher"]["config"]
        # the whole configuration, not just the mode: a resource's run config replaces its configured values
        assert fetcher["mode"] == "live" and fetcher["min_delay_s"] == 0.5
        assert fetcher["sources"]["cnn"]["hosts"] == ["127.0.0.1"]
        assert len({r.run_key for r in requests}) == 3
        # an outlet whose last ingest run has not finished waits for the next cadence
        instance.create_run_for_job(job_def=defs.resolve_job_def("ingest"), tags={"dagster/partition": "cnn"},
                                    status=dg.DagsterRunStatus.STARTING)
        later = sensor.evaluate_tick(
            dg.build_sensor_context(instance=instance, repository_def=defs.get_repository_def())).run_requests
        assert sorted(r.partition_key for r in later) == ["news1", "nyt"]


def test_sensors_start_stopped_unless_the_automation_is_on(monkeypatch):
    monkeypatch.delenv(automation.AUTOMATION_ENV, raising=False)
    assert automation.build_live_crawl().default_status == dg.DefaultSensorStatus.STOPPED
    assert automation.build_automation_sensor().default_status == dg.DefaultSensorStatus.STOPPED
    assert {"live_crawl", "chipwatch_automation"} <= {s.name for s in defs.sensors}
    monkeypatch.setenv(automation.AUTOMATION_ENV, "on")
    assert automation.build_live_crawl().default_status == dg.DefaultSensorStatus.RUNNING
    assert automation.build_automation_sensor().default_status == dg.DefaultSensorStatus.RUNNING
    snapshot = next(a for a in automation.with_automation(MART_ASSETS)
                    if dg.AssetKey(["publish", "analyst_snapshot"]) in a.keys)
    assert snapshot.specs_by_key[dg.AssetKey(["publish", "analyst_snapshot"])].freshness_policy is not None


def test_crawl_cadence_setting(monkeypatch):
    monkeypatch.delenv(automation.CRAWL_EVERY_ENV, raising=False)
    assert automation.crawl_every() == timedelta(minutes=5)
    monkeypatch.setenv(automation.CRAWL_EVERY_ENV, "20s")
    assert automation.crawl_every() == timedelta(seconds=20)
    assert automation.build_automation_sensor().minimum_interval_seconds == 2
    monkeypatch.setenv(automation.CRAWL_EVERY_ENV, "soon")
    with pytest.raises(ValueError, match="not a duration"):
        automation.crawl_every()


def _warehouse(tmp_path, rows: list[tuple[str, str, datetime | None]]) -> WarehouseResource:
    """A warehouse whose fetch log and articles say: source, fetch mode, newest article time."""
    resource = WarehouseResource(database=str(tmp_path / "wh.duckdb"))
    with resource.get_connection() as conn:
        for source, mode, published in rows:
            conn.execute("INSERT INTO raw.fetch_log (url, source, attempted_at, outcome, mode) "
                         "VALUES (?, ?, now(), 'ok', ?)", [f"https://{source}.example/feed", source, mode])
            if published is not None:
                conn.execute("INSERT INTO core.articles (article_id, version, source, url, published_at, "
                             "first_seen_at) VALUES (?, 1, ?, ?, ?, ?)",
                             [source, source, f"https://{source}.example/a", published, published])
    return resource


def test_outlets_fresh_fails_naming_the_stale_outlet(tmp_path, monkeypatch):
    monkeypatch.delenv(checks.FRESH_WITHIN_ENV, raising=False)
    now = datetime.now(UTC)
    resource = _warehouse(tmp_path, [("cnn", "live", now - timedelta(hours=3)),
                                     ("nyt", "live", now - timedelta(days=5)),
                                     ("news1", "live", None),
                                     ("other", "replay", now - timedelta(days=400))])  # replay: not judged
    result = checks.outlets_fresh(duckdb=resource)
    assert not result.passed
    assert result.metadata["stale_outlets"].value == "news1, nyt"
    assert result.metadata["live_outlets"].value == 3
    monkeypatch.setenv(checks.FRESH_WITHIN_ENV, "2d,nyt=7d,news1=1h")
    assert checks.outlets_fresh(duckdb=resource).metadata["stale_outlets"].value == "news1"


def test_outlets_fresh_passes_when_nothing_is_live(tmp_path):
    resource = _warehouse(tmp_path, [("cnn", "replay", datetime(2025, 1, 27, tzinfo=UTC))])
    result = checks.outlets_fresh(duckdb=resource)
    assert result.passed and result.description == "no outlet crawled live yet"


def test_fresh_within_setting():
    assert checks.fresh_within("") == (timedelta(days=2), {})
    assert checks.fresh_within("36h, news1=12h") == (timedelta(hours=36), {"news1": timedelta(hours=12)})
    with pytest.raises(ValueError, match="CHIPWATCH_FRESH_WITHIN"):
        checks.fresh_within("cnn=soon")

