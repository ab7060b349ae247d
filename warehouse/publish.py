"""Publishing the analyst snapshot: a consistent copy of the working database, replaced atomically.

Readers who have the old snapshot open keep reading it (the old file stays alive until they close it);
the next reader opens the new one. The copy is made only after ``CHECKPOINT`` so nothing is left in the WAL.
The snapshot gets the working file's group and permission bits (group-readable where the working file is), and
temporary copies a killed publish left behind are removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

import duckdb


def publish_snapshot(conn: duckdb.DuckDBPyConnection, working_path: str | Path, published_path: str | Path) -> int:
    """Checkpoint ``conn`` (open on ``working_path``) and atomically replace ``published_path`` with a copy.

    Returns the size of the snapshot in bytes.
    """
    working_path, published_path = Path(working_path), Path(published_path)
    conn.execute("CHECKPOINT")
    published_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(published_path)
    fd, tmp_name = tempfile.mkstemp(prefix=published_path.name + ".", suffix=".tmp", dir=published_path.parent)
    os.close(fd)
    try:
        shutil.copyfile(working_path, tmp_name)
        # mkstemp creates 0600 with this process's group; readers get what they get on the working file.
        working = working_path.stat()
        _copy_group(tmp_name, working.st_gid)
        os.chmod(tmp_name, stat.S_IMODE(working.st_mode))
        # Prove the copy opens before it replaces anything.
        check = duckdb.connect(tmp_name, read_only=True)
        check.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
        check.close()
        with open(tmp_name, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_name, published_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return published_path.stat().st_size


def _copy_group(path: str, gid: int) -> None:
    """Give ``path`` the group ``gid`` (the working file's: the analysts' group), where this process may."""
    if os.stat(path).st_gid == gid:
        return
    with contextlib.suppress(PermissionError):  # not a member of that group: the snapshot keeps this process's
        os.chown(path, -1, gid)


def remove_stale_copies(published_path: str | Path) -> list[Path]:
    """Delete the temporary copies (``<name>.*.tmp``) a publish killed half-way left beside the snapshot.

    Only one publish runs at a time (the ``duckdb_writes`` pool), so no other live publish owns one."""
    published_path = Path(published_path)
    removed = []
    for tmp in published_path.parent.glob(published_path.name + ".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed.append(tmp)
    return removed
