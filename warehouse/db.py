"""Opening the warehouse and creating its schema before the first write."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.schema import ddl_statements
from warehouse.views import view_statements


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create schemas, tables, views and their comments if missing. Safe to run on every connection."""
    conn.execute("SET TimeZone = 'UTC'")
    for stmt in ddl_statements():
        conn.execute(stmt)
    for stmt in view_statements():
        conn.execute(stmt)
    columns: dict[str, list[str]] = {}
    for schema, view, column in conn.execute(
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        "WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) ORDER BY column_index"
    ).fetchall():
        columns.setdefault(f"{schema}.{view}", []).append(column)
    for stmt in view_statements(columns)[0:]:
        if stmt.startswith("COMMENT ON COLUMN"):
            conn.execute(stmt)


# How long a writer waits for another process (an analyst's reader, another run) to let go of the working
# file before it gives up; ``CHIPWATCH_WAIT_S`` overrides it (and ``chipwatch run --wait``).
DEFAULT_WAIT_S = 300.0
_LOCK_PID = re.compile(r"\(PID (\d+)\)")


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file's lock and did not let go within the wait."""

    def __init__(self, path: Path, pid: int | None, waited_s: float):
        self.path, self.pid, self.waited_s = path, pid, waited_s
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"{path} is locked by {holder} ({_describe_pid(pid)}); gave up after {waited_s:.0f} s. "
                         "Close that process (analysts read warehouse/published/ instead) and run again")


def lock_wait_s() -> float:
    """The wait in seconds: ``CHIPWATCH_WAIT_S`` or the default."""
    raw = os.environ.get("CHIPWATCH_WAIT_S")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_WAIT_S
    except ValueError:
        return DEFAULT_WAIT_S


def lock_holder_pid(exc: BaseException) -> int | None:
    """The PID DuckDB names in a lock conflict, or ``None`` when ``exc`` is no lock conflict."""
    text = str(exc)
    if "Could not set lock" not in text:
        return None
    m = _LOCK_PID.search(text)
    return int(m.group(1)) if m else 0


def _describe_pid(pid: int | None) -> str:
    """The holder's command line, when this machine can tell."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes() if pid else b""
    except OSError:
        raw = b""
    cmd = " ".join(" ".join(part.decode(errors="replace") for part in raw.split(b"\0")).split())
    return cmd[:100] if cmd else "command unknown"


def open_database(path: str | Path, read_only: bool = False, config: dict | None = None,
                  wait_s: float | None = None,
                  on_wait: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` that waits, retrying, while another process holds the file's lock.

    ``on_wait`` is told once what it waits for (the holder's PID); after ``wait_s`` seconds (default
    :func:`lock_wait_s`) it raises :class:`WarehouseLocked`. Other errors are raised at once.
    """
    path = Path(path)
    wait_s = lock_wait_s() if wait_s is None else wait_s
    started = time.monotonic()
    delay, told = 0.1, False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config or {})
        except duckdb.IOException as exc:
            pid = lock_holder_pid(exc)
            if pid is None:
                raise
            waited = time.monotonic() - started
            if waited >= wait_s:
                raise WarehouseLocked(path, pid or None, waited) from None
            if not told and on_wait is not None:
                on_wait(f"waiting up to {wait_s:.0f} s for process {pid or '?'} ({_describe_pid(pid)}) "
                        f"to release the lock on {path}")
                told = True
            time.sleep(min(delay, max(0.0, wait_s - waited)))
            delay = min(delay * 2, 2.0)


@contextmanager
def connect(path: str | Path, read_only: bool = False, wait_s: float | None = None,
            on_wait: Callable[[str], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the database at ``path`` with the schema in place (read-write) and UTC time zone.

    While another process holds the file's lock it waits (see :func:`open_database`)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = open_database(path, read_only=read_only, wait_s=wait_s, on_wait=on_wait)
    try:
        if read_only:
            conn.execute("SET TimeZone = 'UTC'")
        else:
            ensure_schema(conn)
        yield conn
    finally:
        conn.close()
