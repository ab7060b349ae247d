"""``chipwatch serve`` without Dagster processes: settings checked before anything starts, the workspace file,
and one process ending stops the other (the real processes: tests/test_serve_daemon.py)."""

from __future__ import annotations

import os
import sys
import time

import pytest
import yaml

from assets import serve
from assets.cli import main


@pytest.mark.parametrize(("var", "value", "message"), [
    ("CHIPWATCH_CRAWL_EVERY", "often", "not a duration: 'often'"),
    ("CHIPWATCH_LIVE_SOURCES", "cnn,foxnews", "unknown source(s) foxnews"),
    ("CHIPWATCH_FETCHER_CONFIG", "/nonexistent/live.yaml", "cannot read fetcher config"),
])
def test_bad_settings_stop_serve_before_it_starts(isolated_env, monkeypatch, capsys, var, value, message):
    monkeypatch.setenv(var, value)
    started = []
    monkeypatch.setattr(serve, "serve", lambda *a, **k: started.append(a) or 0)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("chipwatch serve: ") and message in err and err.count("\n") == 1
    assert not started


def test_workspace_names_the_code_location(tmp_path):
    ws = yaml.safe_load(serve.write_workspace(tmp_path).read_text())
    module = ws["load_from"][0]["python_module"]
    assert module["module_name"] == "assets.definitions" and module["location_name"] == "chipwatch"
    assert module["executable_path"] == sys.executable


def test_one_process_ending_stops_the_other(tmp_path, monkeypatch):
    pid_file = tmp_path / "sleeper.pid"
    sleeper = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    monkeypatch.setattr(serve, "commands", lambda *a: {
        "dagster-webserver": [sys.executable, "-c", sleeper],
        "dagster-daemon": [sys.executable, "-c", "import time, sys; time.sleep(1.0); sys.exit(3)"],
    })
    said: list[str] = []
    t0 = time.monotonic()
    assert serve.serve(tmp_path, say=said.append, grace_s=5) == 1
    assert time.monotonic() - t0 < 15
    assert said[0].startswith("chipwatch serve: the UI is on http://127.0.0.1:3000 (dagster-webserver pid ")
    assert said[-1] == "chipwatch serve: dagster-daemon exited with status 3; stopping the other"
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_serve_first_cleans_up_runs_whose_process_died_with_the_last_serve(tmp_path, monkeypatch):
    """After a reboot or a kill of the whole process tree, a run marked started still holds the duckdb_writes
    slot; the daemon's run monitoring leaves it so, and every run the daemon launched would wait forever."""
    import shutil
    import socket
    import subprocess
    import uuid

    import dagster as dg

    from assets.runs import HOST_TAG, PID_TAG
    from warehouse.paths import PROJECT_ROOT

    shutil.copyfile(PROJECT_ROOT / "instance" / "dagster.yaml", tmp_path / "dagster.yaml")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    run_id = str(uuid.uuid4())
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        instance.add_run(dg.DagsterRun(job_name="marts", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                                       tags={PID_TAG: str(gone.pid), HOST_TAG: socket.gethostname()}))
        instance.event_log_storage.initialize_concurrency_limit_to_default("duckdb_writes")
        assert instance.event_log_storage.claim_concurrency_slot("duckdb_writes", run_id, "core__entities").is_claimed
    monkeypatch.setattr(serve, "commands", lambda *a: {
        "dagster-webserver": [sys.executable, "-c", "import time; time.sleep(30)"],
        "dagster-daemon": [sys.executable, "-c", "import sys; sys.exit(3)"],
    })
    said: list[str] = []
    assert serve.serve(tmp_path, say=said.append, grace_s=5) == 1
    assert said[0] == (f"chipwatch serve: cleaned up: run {run_id[:8]} (marts, STARTED) lost its process "
                       f"{gone.pid}: marked failed, freed its duckdb_writes slot")
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
        assert not instance.event_log_storage.get_concurrency_info("duckdb_writes").claimed_slots
