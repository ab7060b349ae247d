"""``chipwatch serve``: the deployed shape on one machine, ``dagster-webserver`` and ``dagster-daemon`` as two
processes on the project's instance, with the automation on (``assets/automation.py``).

Both load the code location from a workspace file written into ``DAGSTER_HOME`` (location ``chipwatch``,
module ``assets.definitions``, this checkout as working directory). Ctrl-C or SIGTERM stops both: each gets
SIGTERM, then, after a grace period, its process group is killed. If either exits on its own, the other is
stopped and ``serve`` exits non-zero saying which one ended.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from warehouse.paths import PROJECT_ROOT

LOCATION_NAME = "chipwatch"
STOP_GRACE_S = 20.0
_PR_SET_PDEATHSIG = 1


def write_workspace(home: Path, root: Path = PROJECT_ROOT) -> Path:
    """The workspace file both processes load: one code location, ``chipwatch``."""
    path = home / "workspace.yaml"
    path.write_text("# Written by `chipwatch serve`; the code location the webserver and the daemon load.\n"
                    "load_from:\n"
                    "  - python_module:\n"
                    "      module_name: assets.definitions\n"
                    f"      working_directory: {root}\n"
                    f"      location_name: {LOCATION_NAME}\n"
                    f"      executable_path: {sys.executable}\n", encoding="utf-8")
    return path


def commands(workspace: Path, host: str, port: int) -> dict[str, list[str]]:
    """The two command lines, by name."""
    bin_dir = Path(sys.executable).parent
    return {
        "dagster-webserver": [str(bin_dir / "dagster-webserver"), "-h", host, "-p", str(port), "-w", str(workspace)],
        "dagster-daemon": [str(bin_dir / "dagster-daemon"), "run", "-w", str(workspace)],
    }


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM if the ``serve`` process dies (even by SIGKILL)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(procs: Mapping[str, subprocess.Popen], grace_s: float) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + grace_s
    for proc in procs.values():
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(max(0.1, deadline - time.monotonic()))
    for proc in procs.values():  # what did not stop in time goes, with the code servers it started
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def recover(home: Path) -> list[str]:
    """Before the daemon starts: fail the runs whose process died with the last ``serve`` (a reboot, a kill of
    the whole process tree) and free their ``duckdb_writes`` slots, which the daemon's run monitoring does not
    do for runs that are still marked started; else every run it launches would wait for the slot forever."""
    import dagster as dg

    from assets.runs import recover_dead_runs

    with dg.DagsterInstance.from_config(str(home)) as instance:
        return recover_dead_runs(instance)


def serve(home: Path, host: str = "127.0.0.1", port: int = 3000, environ: Mapping[str, str] | None = None,
          say: Callable[[str], None] = print, grace_s: float = STOP_GRACE_S) -> int:
    """Start the webserver and the daemon on the instance in ``home`` and wait. Returns the exit status:
    0 after Ctrl-C or SIGTERM, 1 when one of them ended on its own."""
    from assets.automation import AUTOMATION_ENV, crawl_every

    env = {**(os.environ if environ is None else environ), "DAGSTER_HOME": str(home), AUTOMATION_ENV: "on"}
    every = crawl_every()
    workspace = write_workspace(home)
    for line in recover(home):
        say(f"chipwatch serve: cleaned up: {line}")
    stop: list[int] = []

    def on_signal(signum: int, _frame) -> None:
        stop.append(signum)

    old = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    procs: dict[str, subprocess.Popen] = {}
    try:
        for name, cmd in commands(workspace, host, port).items():
            # own session: a Ctrl-C reaches serve, which stops both in order
            procs[name] = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, start_new_session=True,
                                           preexec_fn=_die_with_parent)
        pids = {name: proc.pid for name, proc in procs.items()}
        say(f"chipwatch serve: the UI is on http://{host}:{port} (dagster-webserver pid {pids['dagster-webserver']}, "
            f"dagster-daemon pid {pids['dagster-daemon']}); live crawl every {every.total_seconds():g} s, "
            f"marts and snapshot after each crawl; instance {home}; Ctrl-C stops both")
        while not stop:
            ended = [(n, p.returncode) for n, p in procs.items() if p.poll() is not None]
            if ended:
                name, code = ended[0]
                say(f"chipwatch serve: {name} exited with status {code}; stopping the other")
                _stop(procs, grace_s)
                return 1
            time.sleep(0.2)
        say(f"chipwatch serve: {signal.Signals(stop[0]).name} received, stopping dagster-webserver and "
            "dagster-daemon")
        _stop(procs, grace_s)
        return 0
    finally:
        if procs and any(p.poll() is None for p in procs.values()):
            _stop(procs, grace_s)
        for sig, handler in old.items():
            signal.signal(sig, handler)
