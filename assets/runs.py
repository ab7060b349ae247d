"""Running jobs from the command line the way the UI does, and cleaning up after runs that died.

``chipwatch run`` creates each run through the instance with the code location's origin (the location
``chipwatch`` of ``pyproject.toml``, loaded in-process), so the UI lists it under its job, and executes it
in this process, in a worker thread. The main thread supervises it:

- a SIGTERM or SIGINT cancels the run (the UI's way: the run is marked canceling, then interrupted) and the
  process exits within seconds, whatever the run was doing, waiting for a slot included;
- a run waiting for the ``duckdb_writes`` slot says which run holds it, and gives up after ``wait_s``;
- before a run starts, and while it waits, runs whose process is gone (``kill -9``, an OOM kill) are marked
  failed and their slots freed (:func:`recover_dead_runs`), so a crash never blocks the next run.

A run's process is known from the ``chipwatch/pid`` tag of runs created here, else from the ``pid`` Dagster
records in a run's engine events (runs launched by the UI or the daemon on this machine).
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from dagster._core.errors import DagsterExecutionInterruptedError
from dagster._core.events import DagsterEventType
from dagster._core.execution.api import execute_run
from dagster._core.remote_origin import InProcessCodeLocationOrigin
from dagster._core.storage.dagster_run import FINISHED_STATUSES, NOT_FINISHED_STATUSES, RunsFilter
from dagster._core.storage.tags import PARTITION_NAME_TAG
from dagster._core.types.loadable_target_origin import LoadableTargetOrigin
from dagster._utils.hosted_user_process import recon_job_from_origin

from assets.partitions import WAREHOUSE_POOL
from warehouse.paths import PROJECT_ROOT

LOCATION_NAME = "chipwatch"  # pyproject.toml's [tool.dagster] code_location_name: the UI's location
REPOSITORY_NAME = "__repository__"
PID_TAG = "chipwatch/pid"
HOST_TAG = "chipwatch/host"
# Runs from the command line execute in this process, one step after another.
IN_PROCESS: dict = {}  # the code location runs every job in one process (in_process_executor)
POLL_S = 0.25
STOP_GRACE_S = 5.0


# --- which runs are dead ---------------------------------------------------------------------------------

def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (epoch seconds), or ``None`` where /proc cannot tell."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, StopIteration, ValueError):
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def process_gone(pid: int, since: float | None = None) -> bool:
    """Whether process ``pid`` has ended: no such process, a zombie, or a newer process that reuses the PID
    (one started after ``since``, the run's creation time)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        state = ""
    if state in ("Z", "X"):
        return True
    started = _process_start(pid)
    return since is not None and started is not None and started > since + 2.0


def run_process(instance: dg.DagsterInstance, run: dg.DagsterRun) -> tuple[int | None, str | None]:
    """The PID (and host, when known) of the process executing ``run``."""
    if run.tags.get(PID_TAG, "").isdigit():
        return int(run.tags[PID_TAG]), run.tags.get(HOST_TAG)
    pid = None
    for entry in instance.all_logs(run.run_id, of_type=DagsterEventType.ENGINE_EVENT):
        data = entry.dagster_event.event_specific_data if entry.dagster_event else None
        value = getattr(data, "metadata", {}).get("pid") if data is not None else None
        if value is not None and str(value.value).isdigit():
            pid = int(value.value)  # the latest one: a resumed run has a new worker
    return pid, None


def _short(run_id: str) -> str:
    return run_id[:8]


def recover_dead_runs(instance: dg.DagsterInstance, pool: str = WAREHOUSE_POOL) -> list[str]:
    """Mark failed every unfinished run whose process on this machine is gone, and free the pool slots of
    runs that are no longer running. Returns one line per run cleaned up."""
    host = socket.gethostname()
    said: list[str] = []
    for record in instance.get_run_records(RunsFilter(statuses=NOT_FINISHED_STATUSES)):
        run = record.dagster_run
        if run.status == dg.DagsterRunStatus.QUEUED:
            continue  # waiting for the daemon to launch it: no process yet
        pid, run_host = run_process(instance, run)
        if pid is None or (run_host and run_host != host) or pid == os.getpid():
            continue
        if not process_gone(pid, record.create_timestamp.timestamp()):
            continue
        held = _slots_of(instance, pool, run.run_id)
        instance.report_run_failed(run, f"The process running this run (pid {pid}) is gone (killed, or out of "
                                        "memory); marked failed by a later chipwatch run.")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        said.append(f"run {_short(run.run_id)} ({run.job_name}, {run.status.value}) lost its process {pid}: "
                    f"marked failed" + (f", freed its {pool} slot" if held else ""))
    info = instance.event_log_storage.get_concurrency_info(pool)
    holders = {s.run_id for s in info.claimed_slots} | {p.run_id for p in info.pending_steps}
    for run_id in sorted(holders):
        run = instance.get_run_by_id(run_id)
        if run is None or run.status in FINISHED_STATUSES:
            instance.event_log_storage.free_concurrency_slots_for_run(run_id)
            state = run.status.value if run is not None else "deleted"
            said.append(f"run {_short(run_id)} ({state}) still held a {pool} slot or claim: freed")
    return said


def _slots_of(instance: dg.DagsterInstance, pool: str, run_id: str) -> int:
    info = instance.event_log_storage.get_concurrency_info(pool)
    return sum(1 for s in info.claimed_slots if s.run_id == run_id)


def slot_holders(instance: dg.DagsterInstance, pool: str = WAREHOUSE_POOL, exclude: str = "") -> list[str]:
    """Who holds the pool's slots, as ``run 1a2b3c4d (marts, step X, pid N)``."""
    out = []
    for slot in instance.event_log_storage.get_concurrency_info(pool).claimed_slots:
        if slot.run_id == exclude:
            continue
        run = instance.get_run_by_id(slot.run_id)
        pid = run_process(instance, run)[0] if run is not None else None
        job = run.job_name if run is not None else "unknown job"
        out.append(f"run {_short(slot.run_id)} ({job}, step {slot.step_key}" + (f", pid {pid})" if pid else ")"))
    return out


# --- creating runs the way the UI does ------------------------------------------------------------------

@contextmanager
def code_location(instance: dg.DagsterInstance) -> Iterator:
    """The project's code location, loaded in this process under the name the UI knows it by."""
    origin = InProcessCodeLocationOrigin(
        loadable_target_origin=LoadableTargetOrigin(executable_path=sys.executable, module_name="assets.definitions",
                                                    working_directory=str(PROJECT_ROOT)),
        location_name=LOCATION_NAME)
    with origin.create_location(instance) as location:
        yield location


def create_run(instance: dg.DagsterInstance, location, job_name: str, run_config: Mapping,
               partition_key: str | None = None) -> dg.DagsterRun:
    """A NOT_STARTED run of ``job_name`` carrying the code location's origin (so the UI lists it under its
    job), tagged with this process's PID and host."""
    repo = location.get_repository(REPOSITORY_NAME)
    remote_job = repo.get_full_job(job_name)
    run_config = {**IN_PROCESS, **run_config}
    tags = {**remote_job.tags, PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    if partition_key is not None:
        tags[PARTITION_NAME_TAG] = partition_key
    plan = location.get_execution_plan(remote_job, run_config, step_keys_to_execute=None, known_state=None,
                                       instance=instance).execution_plan_snapshot
    return instance.create_run(
        job_name=job_name, run_id=None, run_config=run_config, resolved_op_selection=None,
        step_keys_to_execute=plan.step_keys_to_execute, op_selection=None, status=None, root_run_id=None,
        parent_run_id=None, tags=tags, job_snapshot=remote_job.job_snapshot, execution_plan_snapshot=plan,
        parent_job_snapshot=remote_job.parent_job_snapshot, remote_job_origin=remote_job.get_remote_origin(),
        job_code_origin=remote_job.get_python_origin(), asset_selection=None, asset_check_selection=None,
        asset_graph=repo.asset_graph)


# --- executing under supervision ------------------------------------------------------------------------

@dataclass
class Outcome:
    """How a supervised run ended. ``stopped`` is ``"signal"`` or ``"wait"`` when it was cut short; then
    ``message`` says why, ``exit_code`` is the process's, and ``hard_exit`` means the run's thread did not
    stop and the process must exit without waiting for it."""

    run_id: str
    success: bool
    result: object | None = None
    stopped: str | None = None
    message: str = ""
    exit_code: int = 0
    hard_exit: bool = False
    all_events: list = field(default_factory=list)


class _Signals:
    """SIGTERM and SIGINT set an event instead of killing the main thread."""

    def __init__(self) -> None:
        self.received: int | None = None
        self.event = threading.Event()
        self._old: dict[int, object] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, _frame) -> None:
        self.received = signum
        self.event.set()

    def __exit__(self, *exc) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)


def _interrupt(thread: threading.Thread) -> None:
    """Raise Dagster's interruption inside ``thread`` (what a SIGINT does to a run worker's main thread)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                               ctypes.py_object(DagsterExecutionInterruptedError))


class _Warnings:
    """The warnings a run's steps log (``context.log.warning``, ``get_dagster_logger()``), read from its event
    log as they come, for a caller that shows no Dagster console output."""

    def __init__(self, instance: dg.DagsterInstance, run_id: str, say: Callable[[str], None]) -> None:
        self.instance, self.run_id, self.say = instance, run_id, say
        self.cursor: str | None = None
        self.last = 0.0

    def poll(self, every_s: float = 1.0) -> None:
        """Say the warnings logged since the last poll (at most one read per ``every_s``; 0: read now)."""
        now = time.monotonic()
        if now - self.last < every_s:
            return
        self.last = now
        while True:
            got = self.instance.event_log_storage.get_records_for_run(self.run_id, cursor=self.cursor, limit=500)
            self.cursor = got.cursor
            for record in got.records:
                entry = record.event_log_entry
                # warnings only: Dagster logs the steps it skips after a failure as errors of its own
                if entry.dagster_event is None and entry.level == logging.WARNING:
                    self.say(f"{entry.step_key}: {entry.user_message}" if entry.step_key else entry.user_message)
            if not got.has_more:
                return


def supervise(instance: dg.DagsterInstance, run: dg.DagsterRun, wait_s: float,
              say: Callable[[str], None], echo_warnings: bool = False) -> Outcome:
    """Execute ``run`` in a worker thread and watch it: signals, the slot wait and dead slot holders. With
    ``echo_warnings``, the warnings its steps log are said as they come (one line each)."""
    recon_job = recon_job_from_origin(run.job_code_origin)
    box: dict = {}
    warnings = _Warnings(instance, run.run_id, say) if echo_warnings else None

    def work() -> None:
        try:
            box["result"] = execute_run(recon_job, run, instance)
        except BaseException as exc:  # noqa: BLE001 - reported by the supervisor
            box["error"] = exc

    worker = threading.Thread(target=work, name=f"run-{_short(run.run_id)}", daemon=True)
    waiting_since: float | None = None
    last_recovery = 0.0
    with _Signals() as signals:
        worker.start()
        while worker.is_alive():
            signals.event.wait(POLL_S)
            if warnings is not None:
                warnings.poll()
            if signals.received is not None:
                name = signal.Signals(signals.received).name
                return _stop(instance, run, worker, "signal", f"{name} received: run {_short(run.run_id)} "
                             f"({run.job_name}) canceled", 128 + signals.received, say)
            info = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL)
            pending = any(p.run_id == run.run_id and p.assigned_timestamp is None for p in info.pending_steps)
            if not pending or any(s.run_id == run.run_id for s in info.claimed_slots):
                waiting_since = None
                continue
            now = time.monotonic()
            if waiting_since is None:
                waiting_since = now
                holders = ", ".join(slot_holders(instance, exclude=run.run_id)) or "another step"
                say(f"waiting for the {WAREHOUSE_POOL} slot (one writer at a time), held by {holders}; "
                    f"giving up after {wait_s:.0f} s")
            if now - last_recovery >= 2.0:
                last_recovery = now
                for line in recover_dead_runs(instance):
                    say(f"cleaned up: {line}")
            if now - waiting_since >= wait_s:
                holders = ", ".join(slot_holders(instance, exclude=run.run_id)) or "another step"
                return _stop(instance, run, worker, "wait", f"gave up after {wait_s:.0f} s waiting for the "
                             f"{WAREHOUSE_POOL} slot held by {holders}; is another run still going? "
                             "(--wait sets how long to wait)", 1, say)
    if warnings is not None:
        warnings.poll(0)
    if "error" in box:
        raise box["error"]
    result = box["result"]
    return Outcome(run.run_id, result.success, result, all_events=list(result.all_events))


def failure_lines(events: list) -> list[str]:
    """One line per failed step of a run: the step and what its code raised (not Dagster's wrapper around it,
    nor the stack), e.g. ``raw__discovered_urls: /w.duckdb is locked by process 4935 (...); gave up ...``."""
    lines = []
    for event in events:
        if not event.is_step_failure:
            continue
        error = event.event_specific_data.error
        if error is None:
            lines.append(f"{event.step_key}: failed")
            continue
        if error.cause is not None and error.cls_name == "DagsterExecutionStepExecutionError":
            error = error.cause  # what the asset's code raised
        text = " ".join(line.strip() for line in error.message.strip().splitlines()[:5] if line.strip())
        # "warehouse.db.WarehouseLocked: ..." -> "WarehouseLocked: ...", or the message alone
        name = "" if error.cls_name in QUIET_ERRORS else f"{error.cls_name}: "
        text = re.sub(rf"^[\w.]*\b{re.escape(error.cls_name)}: ", name, text) if error.cls_name else text
        lines.append(f"{event.step_key}: {text}")
    return lines


# Errors whose message says all there is to say: printed without their class name.
QUIET_ERRORS = {"WarehouseLocked"}


def _stop(instance: dg.DagsterInstance, run: dg.DagsterRun, worker: threading.Thread, why: str, message: str,
          exit_code: int, say: Callable[[str], None]) -> Outcome:
    """Cancel ``run``: mark it canceled (so its interruption logs no stack trace), interrupt its thread, and
    free whatever slot or claim it had."""
    instance.report_run_canceling(run, message)
    instance.report_run_canceled(run, message)
    _interrupt(worker)
    worker.join(STOP_GRACE_S)
    instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    return Outcome(run.run_id, False, stopped=why, message=message, exit_code=exit_code,
                   hard_exit=worker.is_alive())
