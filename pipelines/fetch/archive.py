"""Appending to a WARC archive safely: one write per request/response pair, torn tails repaired."""

from __future__ import annotations

import fcntl
import io
import logging
import os
import re
import threading
import zlib
from datetime import UTC, datetime
from pathlib import Path

from warcio.warcwriter import WARCWriter

from pipelines.fetch.warc import write_exchange

log = logging.getLogger(__name__)

_WARC_TYPE = re.compile(rb"WARC-Type:\s*([A-Za-z]+)")


def complete_prefix(path: str | Path, start: int = 0) -> int:
    """Length of the part of a gzipped WARC file, from ``start``, that holds only complete record pairs.

    Walks the gzip members (one per record) from ``start`` (which must be a member boundary). The prefix ends
    after the last member that is not a ``response`` record: a response is only complete with the request
    record written after it (:func:`pipelines.fetch.warc.write_exchange` order). A torn member, trailing
    garbage, or a response without its request are past the prefix.
    """
    good = pos = start
    with Path(path).open("rb") as fh:
        fh.seek(start)
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        head = b""
        pending = b""
        while True:
            if not pending:
                pending = fh.read(1 << 20)
                if not pending:
                    break
            try:
                out = dec.decompress(pending, 1 << 16)
            except zlib.error:
                break
            pos += len(pending) - len(dec.unconsumed_tail) - len(dec.unused_data)
            if len(head) < 512:
                head += out[: 512 - len(head)]
            if dec.eof:
                match = _WARC_TYPE.search(head)
                if match is None:
                    break  # a gzip member that is not a WARC record
                if match.group(1).lower() != b"response":
                    good = pos
                pending = dec.unused_data
                dec, head = zlib.decompressobj(16 + zlib.MAX_WBITS), b""
            else:
                pending = dec.unconsumed_tail
    return good


class WarcAppender:
    """Appends request/response record pairs to ``warc_dir/chipwatch-YYYYMMDD.warc.gz``, never a partial one.

    Each pair is built in memory and appended with a single ``write`` under an exclusive ``flock`` (threads
    and other processes appending to the same day's file take turns). Before the first append to a file in
    this process, and whenever the file's size is not what this process last left, the tail is checked with
    :func:`complete_prefix` and a torn tail (a crash mid-write) is truncated, so the next record starts on a
    clean boundary and replay never trips on it. ``fsync=True`` also flushes each pair to disk.
    """

    def __init__(self, warc_dir: str | Path, fsync: bool = False, prefix: str = "chipwatch"):
        self.warc_dir = Path(warc_dir)
        self.fsync = fsync
        self.prefix = prefix
        self._lock = threading.Lock()
        self._known_size: dict[Path, int] = {}
        self.repaired_bytes = 0

    def path_for(self, at: datetime) -> Path:
        """The day's archive file (UTC date)."""
        return self.warc_dir / f"{self.prefix}-{at.astimezone(UTC):%Y%m%d}.warc.gz"

    def append(self, url: str, at: datetime, status: int, headers: dict[str, str], body: bytes,
               request_headers: dict[str, str] | None = None) -> tuple[str, int]:
        """Archive one exchange; returns (file, offset of the response record)."""
        buf = io.BytesIO()
        write_exchange(WARCWriter(buf, gzip=True), url, at, status, headers, body, request_headers=request_headers)
        data = buf.getvalue()
        path = self.path_for(at)
        with self._lock:
            self.warc_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                size = os.fstat(fd).st_size
                known = self._known_size.get(path)
                if known != size:
                    size = self._repair(path, fd, size, known if known is not None and known <= size else 0)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                if self.fsync:
                    os.fsync(fd)
                self._known_size[path] = size + len(data)
            finally:
                os.close(fd)  # also releases the flock
        return str(path), size

    def _repair(self, path: Path, fd: int, size: int, start: int) -> int:
        good = complete_prefix(path, start)
        if good < size:
            log.warning("WARC %s: truncating a torn tail of %d bytes at offset %d", path, size - good, good)
            os.ftruncate(fd, good)
            self.repaired_bytes += size - good
        return good
