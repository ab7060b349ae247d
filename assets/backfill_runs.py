"""``chipwatch run --archive FILE...``: one backfill run per archive file, several at once.

Each file is a partition of ``archives`` (its absolute path). One file runs in this process, under the same
supervision as every ``chipwatch run`` (``assets/runs.py``: signals, the wait for the ``duckdb_writes`` slot,
dead runs cleaned up). Several files run as that many Dagster runs at once, each in a child process
(``chipwatch backfill-run KEY``), at most ``jobs`` at a time: their reading steps run in parallel on the
cores, their writing steps one after another in the pool. What each file gave is read back from its run's
materializations and printed in the order the files were given.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from dagster._core.events import DagsterEventType

from assets import runs
from assets.partitions import archive_partitions

JOB = "backfill"
EXTRACTS = ("backfill", "archive_extracts")
ROWS = ("backfill", "archive_rows")
MAX_PROBLEM_LINES = 20


@dataclass
class Unfinished:
    """A file that yielded nothing or was cut short (``truncated_at``): the run says so at its end."""

    path: str
    truncated_at: int | None = None


@dataclass
class FileRun:
    """One archive's backfill run: its id, status and what its assets recorded."""

    path: str
    run_id: str | None = None
    success: bool = False
    seconds: float = 0.0
    extracts: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)
    output: str = ""


def materializations(instance: dg.DagsterInstance, run_id: str) -> dict[tuple[str, ...], dict]:
    """The metadata values of each asset a run materialized."""
    out: dict[tuple[str, ...], dict] = {}
    for entry in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION):
        mat = entry.dagster_event.event_specific_data.materialization
        out[tuple(mat.asset_key.path)] = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
    return out


def run_one(instance: dg.DagsterInstance, location, path: str, config: dict, wait_s: float,
            say: Callable[[str], None]) -> tuple[runs.Outcome, float]:
    """Create and supervise the backfill run of one archive partition in this process."""
    t0 = time.monotonic()
    run = runs.create_run(instance, location, JOB, config, path)
    return runs.supervise(instance, run, wait_s, say), time.monotonic() - t0


def _children(paths: list[str], wait_s: float, jobs: int, verbose: bool) -> dict[str, FileRun]:
    """Each archive's run in a child process, at most ``jobs`` at once."""
    pending, active, done = list(paths), {}, {}
    while pending or active:
        while pending and len(active) < jobs:
            path = pending.pop(0)
            cmd = [sys.executable, "-m", "assets.cli", "backfill-run", path, "--wait", str(wait_s)]
            if verbose:
                cmd.append("--verbose")
            active[path] = (subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                             env=os.environ.copy()), time.monotonic())
        time.sleep(0.2)
        for path, (proc, t0) in list(active.items()):
            if proc.poll() is None:
                continue
            output = proc.stdout.read() if proc.stdout else ""
            run_id = next((ln.split()[1] for ln in output.splitlines() if ln.startswith("backfill-run ")), None)
            done[path] = FileRun(path, run_id, proc.returncode == 0, time.monotonic() - t0, output=output)
            del active[path]
    return done


def run_archives(instance: dg.DagsterInstance, location, paths: list[str], config: dict, wait_s: float,
                 say: Callable[[str], None], failed: list, jobs: int | None = None, verbose: bool = False,
                 given: list[str] | None = None, totals: dict | None = None) -> int:
    """Backfill ``paths`` (one partition and run each), print what each gave, with the files of ``given`` that
    had no run (``failed`` holds their scans) in the order given; add to ``failed`` the files cut short or
    yielding nothing, and to ``totals`` what was read. Returns 0, or the exit status when a run failed or was
    stopped."""
    instance.add_dynamic_partitions(archive_partitions.name, paths)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: dict[str, FileRun] = {}
    if jobs == 1 or len(paths) == 1:
        for path in paths:
            outcome, seconds = run_one(instance, location, path, config, wait_s, say)
            results[path] = FileRun(path, outcome.run_id, outcome.success, seconds)
            if outcome.stopped:
                say(outcome.message)
                if outcome.hard_exit:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(outcome.exit_code)
                return outcome.exit_code
    else:
        results = _children(paths, wait_s, jobs, verbose)
    code = 0
    totals = {} if totals is None else totals
    prechecked = {scan.path: scan for scan in failed}
    for path in given or paths:
        if path in prechecked:
            scan = prechecked[path]
            print(f"  archive {scan.summary_line()}")
            _problem_lines(path, [p.line() for p in scan.problems], len(scan.problems))
            continue
        r = results[path]
        if r.run_id:
            mats = materializations(instance, r.run_id)
            r.extracts, r.rows = mats.get(EXTRACTS, {}), mats.get(ROWS, {})
        if r.extracts:
            print(f"  archive {r.extracts.get('summary_line')}")
            _problem_lines(path, r.extracts.get("problem_lines") or [], int(r.extracts.get("problems") or 0))
            for key in ("responses", "html_pages", "pages_parsed", "relevant", "facts", "skipped_off_topic",
                        "skipped_language", "skipped_not_article_url", "seconds"):
                totals[key] = totals.get(key, 0) + float(r.extracts.get(key) or 0)
            truncated = int(r.extracts.get("truncated_at", -1))
            if not r.extracts.get("usable") or truncated >= 0:
                failed.append(Unfinished(path, truncated if truncated >= 0 else None))
        status = "ok" if r.success else "FAILED"
        print(f"  backfill {Path(path).name} {status}  ({r.seconds:.1f}s, run {(r.run_id or '?')[:8]})", flush=True)
        if not r.success:
            for line in r.output.strip().splitlines()[-20:]:
                print(f"    {line}", file=sys.stderr)
            code = 1
    if totals:
        html = totals.get("html_pages", 0)
        print(f"  backfill read {int(totals['responses'])} responses, {int(html)} HTML pages; parsed "
              f"{int(totals['pages_parsed'])} ({totals['pages_parsed'] / html:.1%} of pages) "
              f"and skipped {int(totals['skipped_off_topic'])} off-topic by sniff, "
              f"{int(totals['skipped_language'])} by language, {int(totals['skipped_not_article_url'])} by URL; "
              f"{int(totals['relevant'])} relevant articles, {int(totals['facts'])} facts"
              if html else "  backfill read no HTML page")
    totals.setdefault("responses", 0)
    return code


def _problem_lines(path: str, lines: list[str], total: int) -> None:
    """One line per problem of a file (at most ``MAX_PROBLEM_LINES``), then how many more there were."""
    for line in lines[:MAX_PROBLEM_LINES]:
        print(f"  {line}", file=sys.stderr)
    if total > MAX_PROBLEM_LINES:
        print(f"  {path}: {total - MAX_PROBLEM_LINES} more problems not shown", file=sys.stderr)


def cmd_backfill_run(args) -> int:
    """``chipwatch backfill-run PATH``: create and supervise one archive partition's backfill run (what
    ``run --archive`` starts per file); prints ``backfill-run RUN_ID``."""
    from assets.resources import warehouse_from_env

    instance = dg.DagsterInstance.get()
    path = str(Path(args.path).resolve())
    instance.add_dynamic_partitions(archive_partitions.name, [path])
    db = warehouse_from_env().database
    config = {"resources": {"duckdb": {"config": {"database": db, "lock_wait_s": args.wait}}},
              "loggers": {"console": {"config": {"log_level": "DEBUG" if args.verbose else "WARNING"}}}}

    def say(line: str) -> None:
        print(f"chipwatch backfill-run: {line}", flush=True)

    with runs.code_location(instance) as location:
        outcome, _ = run_one(instance, location, path, config, args.wait, say)
    print(f"backfill-run {outcome.run_id}", flush=True)
    if outcome.stopped:
        say(outcome.message)
        return outcome.exit_code
    return 0 if outcome.success else 1
