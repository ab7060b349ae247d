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

                event = wait_for(published, 80,
                                 what=lambda: "the snapshot with the stand-in's article:\n" + dep.log()[-3000:])
                runs = _runs(instance)
                ingest = [r for r in runs if r.job_name == "ingest"]
                assert ingest and all(r.tags.get("dagster/sensor_name") == "live_crawl" for r in ingest)
                assert ingest[0].tags.get("dagster/partition") == SOURCE
                assert any(r.status == dg.DagsterRunStatus.SUCCESS for r in ingest)
                marts = instance.get_run_by_id(event.run_id)
                assert marts.status == dg.DagsterRunStatus.SUCCESS or wait_for(
                    lambda: instance.get_run_by_id(event.run_id).status == dg.DagsterRunStatus.SUCCESS, 20)
                assert marts.tags.get("dagster/sensor_name") == "chipwatch_automation"
                for k in (["marts", "figure_timeline"], ["marts", "figure_observations"]):
                    assert instance.get_latest_materialization_event(dg.AssetKey(k)).run_id == marts.run_id
                # one feed request for the one crawl so far; the webserver answers
                assert len(stand_in.feed_hits()) == 1
                with urllib.request.urlopen(f"{ui}/server_info", timeout=10) as resp:
                    assert resp.status == 200
        finally:
            code = dep.stop()
        assert code == 0, dep.log()[-3000:]
        assert "SIGTERM received, stopping dagster-webserver and dagster-daemon" in dep.log()
        assert not any(_pid_alive(p) for p in pids)
