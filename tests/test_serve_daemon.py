"""``chipwatch serve`` for real: dagster-webserver and dagster-daemon on a temporary instance, a local
stand-in outlet, a 20 s crawl cadence. The daemon itself launches and finishes a live ingest run (the
live_crawl sensor) and a marts run (the declarative automation), the analyst snapshot is republished with
the stand-in's article, and SIGTERM stops both processes. Deselect with ``-m 'not daemon'``."""

from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from tests.serve_harness import SOURCE, Deployment, StandIn, snapshot_facts, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.daemon]  # ~40 s


def _runs(instance: dg.DagsterInstance) -> list[dg.DagsterRun]:
    return [r.dagster_run for r in instance.get_run_records()]


def _runs_of(instance: dg.DagsterInstance, job: str) -> list[dg.DagsterRun]:
    return [r for r in _runs(instance) if r.job_name == job]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state not in ("Z", "X")


def test_daemon_crawls_builds_the_marts_and_republishes(tmp_path):
    with StandIn() as stand_in:
        art = stand_in.publish(1, 123_456)
        dep = Deployment(tmp_path, stand_in).start()
        try:
            line = wait_for(lambda: re.search(r"UI is on (http://\S+) \(dagster-webserver pid (\d+), "
                                              r"dagster-daemon pid (\d+)\)", dep.log()), 30, what="serve's line")
            ui, pids = line.group(1), [int(line.group(2)), int(line.group(3))]
            assert ui == f"http://127.0.0.1:{dep.port}"
            with dg.DagsterInstance.from_config(str(dep.home)) as instance:
                key = dg.AssetKey(["publish", "analyst_snapshot"])

                def published():
                    event = instance.get_latest_materialization_event(key)
                    return event and snapshot_facts(dep.published_db, stand_in.url(art)) and event

                wait_for(published, 80,
                         what=lambda: "the snapshot with the stand-in's article:\n" + dep.log()[-3000:])
                runs = _runs(instance)
                ingest = [r for r in runs if r.job_name == "ingest"]
                assert ingest and all(r.tags.get("dagster/sensor_name") == "live_crawl" for r in ingest)
                assert ingest[0].tags.get("dagster/partition") == SOURCE
                assert any(r.status == dg.DagsterRunStatus.SUCCESS for r in ingest)
                # the marts and the snapshot come from the automation sensor's runs (on a fresh instance the
                # snapshot may get a run of its own: it also waits for the alias table's first run)
                marts_keys = (["marts", "figure_timeline"], ["marts", "figure_observations"],
                              ["publish", "analyst_snapshot"])
                for k in marts_keys:
                    run_id = instance.get_latest_materialization_event(dg.AssetKey(k)).run_id
                    run = wait_for(lambda r=run_id: (run := instance.get_run_by_id(r)).is_finished and run, 30,
                                   what=f"run {run_id} to finish")
                    assert run.status == dg.DagsterRunStatus.SUCCESS, k
                    assert run.tags.get("dagster/sensor_name") == "chipwatch_automation", k
                    assert run.job_name == "__ASSET_JOB", k
                # one feed request per crawl, conditional after the first; the webserver answers
                hits = stand_in.feed_hits()
                assert len(hits) <= len(_runs_of(instance, "ingest"))
                assert hits[0].headers.get("if-none-match") is None
                assert all(h.headers.get("if-none-match") == stand_in.etag() for h in hits[1:])
                with urllib.request.urlopen(f"{ui}/server_info", timeout=10) as resp:
                    assert resp.status == 200
        finally:
            code = dep.stop()
        assert code == 0, dep.log()[-3000:]
        assert "SIGTERM received, stopping dagster-webserver and dagster-daemon" in dep.log()
        assert not any(_pid_alive(p) for p in pids)
