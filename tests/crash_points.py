"""`chipwatch run` in a child process that dies by SIGKILL at a chosen point (``tests/test_crash_recovery.py``).

Each point is a place where a real crash (``kill -9``, an OOM kill) can land: half-way through an asset's
writes, inside an open DuckDB transaction, between two marts, after the snapshot's temporary copy. The
child runs the real command; only the moment of death is chosen.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

POINTS = ("discover", "fetch", "extract", "marts", "publish")


def _die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def skip_charts() -> None:
    """Charts are files, not rows, and take most of a run's time: the crash tests leave them out."""
    from pipelines import stages

    stages.present_charts = lambda observations, timeline, out_dir: stages.Charts([], out_dir / "report.html", "")


def _arm(point: str, marker: Path) -> None:
    """Patch the stage or write where ``point`` dies."""
    from assets import raw
    from pipelines import stages
    from warehouse import publish, writes

    if point == "discover":
        # news1's URLs are written, its fetch log not yet: tell the test, which kills this process from outside.
        orig_insert, calls = raw.insert_new, []

        def insert_new(conn, table, df):
            calls.append(table)
            if len(calls) == 2:
                marker.write_text(str(os.getpid()))
                time.sleep(600)
            return orig_insert(conn, table, df)

        raw.insert_new = insert_new
    elif point == "fetch":
        orig_fetch = stages.fetch_all

        def fetch_all(client, urls, source, **kw):
            results = orig_fetch(client, urls, source, **kw)
            if source == "news1":  # fetched, nothing written
                _die()
            return results

        stages.fetch_all = fetch_all
    elif point == "extract":
        orig_read = writes.read_frame

        def read_frame(conn, sql, params=None):
            if "core.facts" in sql and params == ["news1"]:  # inside replace_where's open transaction
                _die()
            return orig_read(conn, sql, params)

        writes.read_frame = read_frame
    elif point == "marts":
        def track_timeline(obs):  # observations replaced, the timeline not yet
            _die()

        stages.track_timeline = track_timeline
    elif point == "publish":
        orig_replace = publish.os.replace

        def replace(src, dst, *a, **kw):
            if str(dst).endswith(".duckdb") and "published" in str(dst):  # the copy is made, not yet moved
                _die()
            return orig_replace(src, dst, *a, **kw)

        publish.os.replace = replace
    else:
        raise ValueError(point)


def run(point: str | None, env: dict[str, str], log: str, marker: str = "") -> None:
    """In the child: the test's environment, output to ``log``, the kill point armed, then ``chipwatch run``."""
    os.environ.update(env)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    skip_charts()
    if point:
        _arm(point, Path(marker))
    from assets.cli import main

    code = main(["run", "--wait", "30"])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
