"""Crash recovery of `chipwatch run`: a run killed at any point is cleaned up by the next one, which then
gives exactly the rows of an uninterrupted run; a run waiting for the duckdb_writes slot says what it
waits for, gives up after its wait and ends at once on SIGTERM."""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.cli import _ensure_dagster_home, main
from assets.runs import HOST_TAG, PID_TAG
from pipelines import stages
from tests import crash_points
from warehouse.summary import COUNTED_TABLES

POOL = "duckdb_writes"


def _env(root: Path) -> dict[str, str]:
    return {
        "CHIPWATCH_DB": str(root / "wh" / "chipwatch.duckdb"),
        "CHIPWATCH_PUBLISHED_DB": str(root / "wh" / "published" / "chipwatch.duckdb"),
        "CHIPWATCH_OUTPUT": str(root / "wh" / "output"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }


@pytest.fixture(scope="module")
def forkserver():
    """Child processes forked from a server that has chipwatch imported already (each saves ~3 s)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["assets.cli", "assets.runs", "assets.definitions", "tests.crash_points"])
    return ctx


def _start(ctx, point: str | None, env: dict[str, str], log: Path, marker: Path | None = None):
    proc = ctx.Process(target=crash_points.run, args=(point, env, str(log), str(marker or "")))
    proc.start()
    return proc


def _rows(path: Path, table: str) -> list[tuple]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_at_every_point_then_rerun_gives_the_rows_of_an_uninterrupted_run(tmp_path, forkserver, monkeypatch,
                                                                               capsys, sample_run):
    env = _env(tmp_path / "crashed")
    killed: list[int] = []
    for point in crash_points.POINTS:
        log, marker = tmp_path / f"{point}.log", tmp_path / f"{point}.pid"
        proc = _start(forkserver, point, env, log, marker)
        if point == "discover":  # killed from outside, like `kill -9 $!`, half-way through news1's writes
            deadline = time.monotonic() + 60
            while not marker.exists() and proc.is_alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert marker.exists(), log.read_text()
            os.kill(proc.pid, signal.SIGKILL)
        proc.join(120)
        assert proc.exitcode == -signal.SIGKILL, f"{point}: {log.read_text()}"
        text = log.read_text()
        if killed:  # each run first cleans up the one killed before it, and says so
            assert f"lost its process {killed[-1]}: marked failed, freed its {POOL} slot" in text, text
        killed.append(proc.pid)

    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(stages, "present_charts", lambda *a: stages.Charts([], Path(env["CHIPWATCH_OUTPUT"]), ""))
    assert main(["run", "--wait", "30"]) == 0
    out, err = capsys.readouterr()
    assert f"lost its process {killed[-1]}: marked failed, freed its {POOL} slot" in err

    work, published = Path(env["CHIPWATCH_DB"]), Path(env["CHIPWATCH_PUBLISHED_DB"])
    reference = sample_run[0]["CHIPWATCH_PUBLISHED_DB"]  # the snapshot of uninterrupted runs
    for table in COUNTED_TABLES:
        expected = _rows(reference, table)
        assert expected, table
        assert _rows(work, table) == expected, f"{table} in the working file"
        assert _rows(published, table) == expected, f"{table} in the snapshot"
    assert [p.name for p in published.parent.iterdir()] == [published.name]  # no half-published copy left

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        records = instance.get_run_records()
        assert all(r.dagster_run.is_finished for r in records)
        for pid in killed:  # the run each killed process was in is failed; the ones before it succeeded
            statuses = [r.dagster_run.status for r in records if r.dagster_run.tags[PID_TAG] == str(pid)]
            assert statuses[0] == dg.DagsterRunStatus.FAILURE, statuses
            assert set(statuses[1:]) <= {dg.DagsterRunStatus.SUCCESS}, statuses
        info = instance.event_log_storage.get_concurrency_info(POOL)
        assert not info.claimed_slots and not info.pending_steps


def _hold_slot(home: Path) -> str:
    """A live run (this test's process) holding the duckdb_writes slot, as another chipwatch run would."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run_id = str(uuid.uuid4())
        instance.add_run(dg.DagsterRun(job_name="marts", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                                       tags={PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}))
        instance.event_log_storage.initialize_concurrency_limit_to_default(POOL)
        assert instance.event_log_storage.claim_concurrency_slot(POOL, run_id, "core__entities").is_claimed
    return run_id


def _wait_for(path: Path, text: str, proc, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.is_alive():
        if text in (got := path.read_text() if path.exists() else ""):
            return got
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared: {path.read_text() if path.exists() else ''}")


def _cpu_seconds(pid: int) -> float:
    """The CPU time process ``pid`` has used so far (user and system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _home_with_a_held_slot(tmp_path: Path, monkeypatch) -> tuple[dict[str, str], str]:
    env = _env(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    _ensure_dagster_home()
    return env, _hold_slot(Path(env["DAGSTER_HOME"]))


def test_a_run_waiting_for_the_slot_says_who_holds_it_and_ends_on_sigterm(tmp_path, forkserver, monkeypatch):
    env, holder = _home_with_a_held_slot(tmp_path, monkeypatch)
    log = tmp_path / "run.log"
    proc = _start(forkserver, None, env, log)
    text = _wait_for(log, f"waiting for the {POOL} slot", proc)
    assert f"held by run {holder[:8]} (marts, step core__entities, pid {os.getpid()})" in text
    assert "giving up after 30 s" in text
    cpu = _cpu_seconds(proc.pid)
    time.sleep(3)
    # it sleeps while it waits (Dagster 1.13's executor spun a core: 2-3 s of CPU in these 3 s)
    assert _cpu_seconds(proc.pid) - cpu < 0.6, "the waiting run keeps the CPU busy"
    t0 = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)
    proc.join(10)
    assert time.monotonic() - t0 < 8, "SIGTERM did not end the waiting run within seconds"
    assert proc.exitcode == 128 + signal.SIGTERM
    assert "SIGTERM received" in log.read_text()
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        mine = [r for r in instance.get_runs() if r.run_id != holder]
        assert [r.status for r in mine] == [dg.DagsterRunStatus.CANCELED]
        info = instance.event_log_storage.get_concurrency_info(POOL)
        assert {s.run_id for s in info.claimed_slots} == {holder}
        assert {p.run_id for p in info.pending_steps} <= {holder}  # the canceled run left no claim behind


def test_the_wait_for_the_slot_is_bounded(tmp_path, monkeypatch, capsys):
    _, holder = _home_with_a_held_slot(tmp_path, monkeypatch)
    t0 = time.monotonic()
    assert main(["run", "--wait", "1"]) == 1
    assert time.monotonic() - t0 < 30
    err = capsys.readouterr().err
    assert f"gave up after 1 s waiting for the {POOL} slot held by run {holder[:8]}" in err
    assert "Traceback" not in err


def _lock_holder(db: Path, cue: bool = False) -> subprocess.Popen:
    """Another process holding the working file open, as an analyst's notebook might: read-write at once, or
    with ``cue`` read-only once told to (a line on its standard input; it then prints ``open``)."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys
        if {cue}:
            sys.stdin.readline()
        c = duckdb.connect({str(db)!r}, read_only={cue})
        print("open", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if not cue:
        assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_process_holding_the_working_file_makes_the_run_wait_then_fail_with_one_line(tmp_path, monkeypatch,
                                                                                        capsys):
    env = _env(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    db = Path(env["CHIPWATCH_DB"])
    db.parent.mkdir(parents=True)
    holder = _lock_holder(db)
    try:
        assert main(["run", "--wait", "1"]) == 1
    finally:
        holder.communicate("\n", timeout=30)
    err = capsys.readouterr().err
    assert f"waiting up to 1 s for process {holder.pid} " in err
    last = err.strip().splitlines()[-1]
    assert f"{db} is locked by process {holder.pid}" in last and "gave up after" in last
    assert "Traceback" not in err and "IOException" not in err


def test_a_reader_opening_the_working_file_during_the_run_makes_it_wait_then_fail_with_one_line(
        tmp_path, monkeypatch, capsys):
    """An analyst opens the working file (read-only) while a run is going, between two of a step's writes:
    the step waits, naming the reader's PID, and the run fails with one line, no Dagster stack trace."""
    env = _env(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    db = Path(env["CHIPWATCH_DB"])
    reader = _lock_holder(db, cue=True)
    fetch_all = stages.fetch_all

    def fetch_all_then_open_a_reader(client, urls, source, **kw):
        results = fetch_all(client, urls, source, **kw)
        reader.stdin.write("\n")  # fetched, nothing written yet: the reader opens the file now
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "open"
        return results

    monkeypatch.setattr(stages, "fetch_all", fetch_all_then_open_a_reader)
    monkeypatch.setattr(stages, "present_charts", lambda *a: stages.Charts([], Path(env["CHIPWATCH_OUTPUT"]), ""))
    try:
        assert main(["run", "--wait", "1"]) == 1
    finally:
        reader.communicate("\n", timeout=30)
    out, err = capsys.readouterr()
    assert f"fetched_pages: waiting up to 1 s for process {reader.pid} " in err
    assert "ingest news1  FAILED" in out
    last = err.strip().splitlines()[-1]
    assert last.startswith("    fetched_pages: ")
    assert f"{db} is locked by process {reader.pid}" in last and "gave up after 1 s" in last
    assert "Traceback" not in err + out and "Stack Trace" not in err + out and "dagster" not in err.lower()
    assert len(err.strip().splitlines()) == 2, err


def test_a_reader_opening_the_working_file_before_the_summary_makes_the_run_fail_with_one_line(
        tmp_path, monkeypatch, capsys):
    """The runs are done (here: said to be) when a reader opens the working file: the summary cannot be read,
    and the run says so in one line instead of a stack trace."""
    from assets import runs

    env = _env(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    db = Path(env["CHIPWATCH_DB"])
    reader = _lock_holder(db, cue=True)

    def supervise(instance, run, wait_s, say, echo_warnings=False):
        if run.job_name == "marts":
            reader.stdin.write("\n")
            reader.stdin.flush()
            assert reader.stdout.readline().strip() == "open"
        return runs.Outcome(run.run_id, True)

    monkeypatch.setattr(runs, "supervise", supervise)
    try:
        assert main(["run", "--wait", "1"]) == 1
    finally:
        reader.communicate("\n", timeout=30)
    err = capsys.readouterr().err
    assert f"waiting up to 1 s for process {reader.pid} " in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("chipwatch run: the runs finished, but the summary cannot be read: ")
    assert f"{db} is locked by process {reader.pid}" in last and "Traceback" not in err


def test_the_lock_wait_goes_on_when_the_holder_lets_go(tmp_path):
    from warehouse.db import open_database

    db = tmp_path / "w.duckdb"
    holder = _lock_holder(db)
    told: list[str] = []
    threading.Timer(0.5, lambda: holder.communicate("\n")).start()
    conn = open_database(db, wait_s=20, on_wait=told.append)
    conn.close()
    holder.wait(10)
    assert len(told) == 1 and f"process {holder.pid}" in told[0]


def test_the_snapshot_is_readable_like_the_working_file_and_old_half_copies_go(tmp_path):
    from warehouse.db import connect
    from warehouse.publish import publish_snapshot

    work, published = tmp_path / "w.duckdb", tmp_path / "published" / "chipwatch.duckdb"
    published.parent.mkdir()
    stale = published.parent / "chipwatch.duckdb.abc123.tmp"  # what a publish killed half-way leaves
    stale.write_bytes(b"half a copy")
    other_group = next((g for g in os.getgroups() if g != os.getegid()), None)  # root: any group will do
    if other_group is None and os.geteuid() == 0:
        other_group = 65534
    with connect(work) as conn:
        work.chmod(0o640)
        if other_group is not None:  # the analysts' group, not the pipeline's
            os.chown(work, -1, other_group)
        publish_snapshot(conn, work, published)
    assert published.stat().st_mode & 0o777 == 0o640  # group-readable, as the working file is
    assert published.stat().st_gid == work.stat().st_gid  # by the working file's group
    assert sorted(p.name for p in published.parent.iterdir()) == ["chipwatch.duckdb"]


def test_a_failed_step_is_one_line_naming_what_its_code_raised():
    from assets.runs import failure_lines
    from warehouse.db import WarehouseLocked

    @dg.asset
    def locked():
        raise WarehouseLocked(Path("/w.duckdb"), 4935, 3.0)

    @dg.asset
    def broken():
        raise ValueError("no such column: kind\nsecond line")

    for asset, expected in ((locked, "locked: /w.duckdb is locked by process 4935"),
                            (broken, "broken: ValueError: no such column: kind second line")):
        result = dg.materialize([asset], raise_on_error=False)
        assert [line[:len(expected)] for line in failure_lines(result.all_events)] == [expected]
