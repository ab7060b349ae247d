"""Reading and writing WARC files (warcio): request/response records, reading a record back by offset, and
scanning an archive written by any tool (WARC or ARC, gzipped per record or not) without letting one bad
record stop the rest.

:func:`scan_archive` is the careful reader replay indexes with. It walks the file with warcio's
``ArchiveIterator`` and, when a record cannot be read (a broken gzip member, a garbled header, a bad date), notes
the file and byte offset once, skips to the next record start it can verify (the next gzip member that
inflates to a WARC/ARC header, or the next ``WARC/1.x`` / ARC header line) and goes on. A file that ends inside
a record is *truncated* at that record's offset; an empty file or one with no readable record yields nothing.
ARC files are read through warcio's ARC-to-WARC header mapping (``arc2warc``).
"""

from __future__ import annotations

import contextlib
import io
import mmap
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

_REASONS = {200: "OK", 202: "Accepted", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
            401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests",
            500: "Internal Server Error", 503: "Service Unavailable"}


def warc_date(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_warc_date(text: str | None) -> datetime:
    """A WARC-Date (ISO 8601, ``Z`` or an offset) as an aware UTC datetime; ``ValueError`` when missing or bad."""
    if not text or not text.strip():
        raise ValueError("no WARC-Date")
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        raise ValueError(f"bad WARC-Date {text.strip()[:40]!r}") from None


@dataclass
class WarcResponse:
    """A response record read from a WARC file."""

    url: str
    date: datetime
    status: int
    headers: dict[str, str]
    body: bytes
    warc_file: str
    offset: int


def write_exchange(
    writer: WARCWriter,
    url: str,
    fetched_at: datetime,
    status: int,
    headers: dict[str, str],
    body: bytes,
    request_headers: dict[str, str] | None = None,
) -> None:
    """Append a response record and its request record for one HTTP exchange."""
    date = warc_date(fetched_at)
    http_headers = StatusAndHeaders(
        f"{status} {_REASONS.get(status, 'Status')}", list(headers.items()), protocol="HTTP/1.1"
    )
    response = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http_headers,
        warc_headers_dict={"WARC-Date": date},
    )
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url
    req_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", list((request_headers or {}).items()),
                                   is_http_request=True)
    request = writer.create_warc_record(
        url, "request", http_headers=req_headers,
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
    )
    writer.write_record(response)
    writer.write_record(request)


def iter_responses(path: str | Path) -> Iterator[WarcResponse]:
    """Every response record of a (possibly gzipped) WARC file, with its byte offset."""
    path = Path(path)
    with path.open("rb") as fh:
        it = ArchiveIterator(fh, arc2warc=True)
        for record in it:
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = parse_warc_date(record.rec_headers.get_header("WARC-Date"))
            status = int(record.http_headers.get_statuscode()) if record.http_headers else 200
            headers = dict(record.http_headers.headers) if record.http_headers else {}
            body = record.content_stream().read()
            yield WarcResponse(url, date, status, headers, body, str(path), it.get_record_offset())


def read_response_at(path: str | Path, offset: int) -> WarcResponse:
    """The response record that starts at byte ``offset`` of ``path``."""
    with Path(path).open("rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh, arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                raise ValueError(f"record at {path}:{offset} is a {record.rec_type!r} record, not an HTTP response")
            return WarcResponse(
                record.rec_headers.get_header("WARC-Target-URI"),
                parse_warc_date(record.rec_headers.get_header("WARC-Date")),
                int(record.http_headers.get_statuscode()),
                dict(record.http_headers.headers),
                record.content_stream().read(),
                str(path),
                offset,
            )
    raise ValueError(f"no WARC record at {path}:{offset}")


# ------------------------------------------------------------------------------------------ scanning


@dataclass(frozen=True)
class ArchiveProblem:
    """Something wrong at one place of one archive file, said once."""

    file: str
    offset: int
    message: str

    def line(self) -> str:
        """The problem as one line: ``FILE: byte N: what``."""
        return f"{self.file}: byte {self.offset}: {self.message}"


@dataclass(frozen=True)
class ArchiveEntry:
    """One HTTP response or revisit record found by :func:`scan_archive`, without its body."""

    kind: str  # response | revisit
    url: str  # WARC-Target-URI as written
    date: datetime
    status: int | None  # None for a revisit without HTTP headers
    content_type: str
    offset: int
    record_id: str | None = None
    payload_digest: str | None = None
    refers_to: str | None = None  # revisits: WARC-Refers-To (the original's record id)
    refers_to_url: str | None = None  # revisits: WARC-Refers-To-Target-URI
    refers_to_date: datetime | None = None  # revisits: WARC-Refers-To-Date


@dataclass
class ArchiveScan:
    """What reading one archive file gave: counts, the HTTP entries, and every problem met (each once).

    ``records`` counts records read whole (any type); ``responses`` and ``revisits`` the HTTP ones among them;
    ``skipped`` the records (or unreadable stretches) that give nothing; ``truncated_at`` the byte offset of
    the record the file ends inside, if it does.
    """

    path: str
    size: int = 0
    format: str | None = None  # "warc" or "arc", from the file's first bytes
    records: int = 0
    responses: int = 0
    revisits: int = 0
    skipped: int = 0
    truncated_at: int | None = None
    revisits_unresolved: int = 0
    problems: list[ArchiveProblem] = field(default_factory=list)
    entries: list[ArchiveEntry] = field(default_factory=list)

    def skip(self, offset: int, message: str) -> None:
        """Count a record (or stretch) that gives nothing and name where and why."""
        self.skipped += 1
        self.problems.append(ArchiveProblem(self.path, offset, message))

    @property
    def usable(self) -> bool:
        """True when the file gave at least one capture to replay."""
        return self.responses > 0 or self.revisits > self.revisits_unresolved

    @property
    def complete(self) -> bool:
        """True unless the file ends inside a record (it was cut short)."""
        return self.truncated_at is None

    @property
    def failed(self) -> bool:
        """True when the file yielded nothing or was cut short: the run should say so and exit non-zero."""
        return not self.usable or not self.complete

    def summary_line(self) -> str:
        """One line: what was read from the file."""
        if self.size == 0:
            return f"{self.path}: empty file, nothing to replay"
        if self.records == 0:
            what = "" if self.format else ": not a WARC or ARC file"
            return f"{self.path}: no readable record{what}, nothing to replay"
        line = (f"{self.path}: {self.records} records, {self.responses} responses, {self.revisits} revisits, "
                f"{self.skipped} skipped")
        if self.truncated_at is not None:
            line += f", truncated at byte {self.truncated_at}"
        if not self.usable:
            line += ", nothing to replay"
        return line


_GZIP_MAGIC = b"\x1f\x8b\x08"
# A WARC record's version line, or an ARC record's header line (URL IP date content-type length).
_RECORD_START = re.compile(rb"(?m)^(?:WARC/1\.[01]\r?\n|[a-z][a-z0-9+.-]*://\S+ \S+ \d{14} \S+ \d+\r?\n)")
_CHUNK = 1 << 16


# Called with a response's or revisit's entry, its HTTP headers and its body (at most STREAM_MAX_BODY + 1 bytes).
OnEntry = Callable[[ArchiveEntry, dict[str, str], bytes], None]
STREAM_MAX_BODY = 10 * 1024 * 1024


def scan_archive(path: str | Path, on_entry: OnEntry | None = None) -> ArchiveScan:
    """Read every record of a WARC or ARC file (gzipped per record or not), skipping what cannot be read.

    Never raises for a damaged file: each unreadable record or broken gzip member is counted in ``skipped``
    and named once in ``problems`` (with its byte offset), and reading goes on at the next record start that
    can be verified. ``OSError`` (a file that cannot be opened) is left to the caller.

    With ``on_entry`` the scan streams: each HTTP response or revisit read whole is handed to
    ``on_entry(entry, http_headers, body)`` (the body decoded as replay decodes it, cut at
    ``STREAM_MAX_BODY + 1`` bytes) and is not kept in ``entries``, so memory stays flat however large the
    file (the backfill reads archives this way). A record the file ends inside is never handed on.
    """
    path = Path(path)
    scan = ArchiveScan(str(path), size=path.stat().st_size)
    if scan.size == 0:
        return scan
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        gz = data[:2] == b"\x1f\x8b"
        scan.format = _sniff_format(data, gz)
        start: int | None = 0
        if scan.format is None:  # not a WARC or ARC record at byte 0: look for the first one there is
            head = bytes(_inflate_head(data, 0) or b"") if gz else bytes(data[:80])
            first = head.splitlines()[0][:40].decode("latin-1") if head.strip() else ""
            scan.skip(0, f"skipped data that is not a WARC or ARC record (starts {_one_line(first)!r})")
            start = _resync(data, 1, gz)
        while start is not None:
            resume = _scan_from(fh, data, start, gz, scan, on_entry)
            start = resume if resume is not None and resume > start else None  # always move forward
    return scan


def _scan_from(fh, data, start: int, gz: bool, scan: ArchiveScan, on_entry: OnEntry | None = None) -> int | None:
    """Read records from byte ``start`` until the end or a record that cannot be read; return where to go on
    (the next verified record start after the problem) or ``None`` when the file is done."""
    fh.seek(start)
    it = ArchiveIterator(fh, arc2warc=True)
    # warcio writes zlib errors and Content-Length warnings to stderr; the problems are reported here instead.
    starts: list[int] = []  # where each record read whole in this stretch starts
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            for record in it:
                at = max(it.offset, start)
                try:
                    entry = _entry(record, at)
                    bad = None
                except (ValueError, TypeError) as exc:
                    entry, bad = None, str(exc)
                body = headers = None
                if entry is not None and on_entry is not None:
                    headers = dict(record.http_headers.headers) if record.http_headers is not None else {}
                    body = record.content_stream().read(STREAM_MAX_BODY + 1) if entry.kind == "response" else b""
                it.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:  # the record's bytes ran out before its length
                    return _incomplete(data, at, gz, scan)
                scan.records += 1
                starts.append(at)
                if bad is not None:
                    scan.skip(at, f"skipped record: {bad}")
                elif entry is not None:
                    if entry.kind == "response":
                        scan.responses += 1
                    else:
                        scan.revisits += 1
                    if on_entry is None:
                        scan.entries.append(entry)
                    else:
                        on_entry(entry, headers, body)
        except Exception as exc:  # warcio could not read the record at it.offset
            if "non-chunked gzip" in str(exc):  # one gzip stream for many records: no record has an offset
                scan.entries.clear()
                scan.records = scan.responses = scan.revisits = 0
                scan.skip(start, "refused: the whole file is one gzip stream, so its records cannot be read by "
                                 "offset (re-compress it record by record: warcio recompress IN OUT)")
                return None
            bad_at = max(it.offset, start)
            if gz and data[bad_at:bad_at + 3] != _GZIP_MAGIC:
                # warcio read a broken member's raw bytes as records before it failed: name the member where it
                # starts (after the last record whose member inflates whole) and do not count what it made up
                lost_at, bad_at, made_up = bad_at, start, len(starts)
                for i in range(len(starts) - 1, -1, -1):
                    if _gzip_trouble(data, starts[i]) is None:
                        bad_at, made_up = _member_after(data, starts[i], lost_at), len(starts) - 1 - i
                        break
                scan.records -= made_up
            trouble = _gzip_trouble(data, bad_at) if gz else None
            if trouble == "cut":
                return _truncated(scan, bad_at)
            scan.skip(bad_at, f"skipped unreadable record: {trouble or _one_line(exc)}")
            return _resync(data, bad_at + 1, gz)
    end = max(it.offset, start)
    if not data[end:].strip():
        return None
    trouble = _gzip_trouble(data, end) if gz else None
    if trouble == "cut" or (not gz and _resync(data, end + 1, gz) is None):
        return _truncated(scan, end)
    scan.skip(end, f"skipped unreadable data: {trouble or 'not a WARC or ARC record'}")
    return _resync(data, end + 1, gz)


def _incomplete(data, at: int, gz: bool, scan: ArchiveScan) -> int | None:
    """The record at ``at`` ended before its Content-Length: a cut file, a broken gzip member, or a bad length."""
    trouble = _gzip_trouble(data, at) if gz else "cut"
    if trouble == "cut":
        return _truncated(scan, at)
    scan.skip(at, f"skipped unreadable record: {trouble or 'record shorter than its Content-Length'}")
    return _resync(data, at + 1, gz)


def _truncated(scan: ArchiveScan, at: int) -> None:
    scan.truncated_at = at
    scan.skip(at, f"truncated: the file ends inside this record (at byte {scan.size})")
    return None


def _entry(record, offset: int) -> ArchiveEntry | None:
    """The HTTP response or revisit ``record`` as an entry; ``None`` for other records (warcinfo, request,
    metadata, DNS); ``ValueError`` for one whose headers cannot be used."""
    if record.rec_type not in ("response", "revisit"):
        return None
    headers = record.rec_headers
    url = (headers.get_header("WARC-Target-URI") or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        if url:
            return None  # dns:, whois:, ftp: ... captures are not pages
        raise ValueError("no WARC-Target-URI")
    date = parse_warc_date(headers.get_header("WARC-Date"))
    http = record.http_headers
    if record.rec_type == "response" and http is None:
        raise ValueError("response record without HTTP headers")
    status = None
    if http is not None:
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            raise ValueError(f"bad HTTP status line {http.statusline!r:.60}") from None
    refers_date = headers.get_header("WARC-Refers-To-Date")
    try:
        refers_at = parse_warc_date(refers_date) if refers_date else None
    except ValueError:
        refers_at = None
    return ArchiveEntry(
        kind=record.rec_type, url=url, date=date, status=status,
        content_type=(http.get_header("Content-Type") if http is not None else None) or "",
        offset=offset, record_id=headers.get_header("WARC-Record-ID"),
        payload_digest=headers.get_header("WARC-Payload-Digest"),
        refers_to=headers.get_header("WARC-Refers-To"),
        refers_to_url=(headers.get_header("WARC-Refers-To-Target-URI") or "").strip() or None,
        refers_to_date=refers_at,
    )


def _gzip_trouble(data, at: int) -> str | None:
    """What is wrong with the gzip member at ``at``: ``"cut"`` (the file ends inside it), a description of
    the damage, or ``None`` when the member inflates whole."""
    if data[at:at + 3] != _GZIP_MAGIC:
        return "no gzip member starts here"
    inflater = zlib.decompressobj(31)
    pos = at
    try:
        while not inflater.eof and pos < len(data):
            inflater.decompress(data[pos:pos + _CHUNK])
            pos += _CHUNK
    except zlib.error as exc:
        return f"broken gzip member ({exc})"
    return None if inflater.eof else "cut"


def _member_after(data, at: int, limit: int) -> int:
    """Where the gzip member after the (whole) member at ``at`` starts, if that is at most ``limit``; else
    ``limit``."""
    inflater = zlib.decompressobj(31)
    pos = at
    try:
        while not inflater.eof and pos < len(data):
            chunk = data[pos:pos + _CHUNK]
            inflater.decompress(chunk)
            pos += len(chunk)
    except zlib.error:
        return limit
    end = pos - len(inflater.unused_data)
    return end if inflater.eof and end <= limit else limit


def _inflate_head(data, at: int) -> bytes | None:
    try:
        return zlib.decompressobj(31).decompress(data[at:at + 8192], 4096)
    except zlib.error:
        return None


def _resync(data, after: int, gz: bool) -> int | None:
    """The first verified record start at or after byte ``after``: a gzip member that inflates to a WARC or
    ARC header line (gzipped files), or such a line at the start of a line (plain files)."""
    if not gz:
        m = _RECORD_START.search(data, after)
        return m.start() if m else None
    pos = data.find(_GZIP_MAGIC, after)
    while pos != -1:
        head = _inflate_head(data, pos)
        if head and _RECORD_START.match(head):
            return pos
        pos = data.find(_GZIP_MAGIC, pos + 1)
    return None


def archive_format(path: str | Path) -> str | None:
    """``"warc"`` or ``"arc"`` when the file's first record (gzipped or not) is one, else ``None``: read from
    its first 8 KB, so it costs nothing on a large file."""
    with Path(path).open("rb") as fh:
        head = fh.read(8192)
    return _sniff_format(head, head[:2] == b"\x1f\x8b") if head else None


def one_gzip_stream(path: str | Path, look: int = 1 << 20) -> bool:
    """True when ``path`` is gzipped as one stream holding many records (``gzip x.warc``), not one gzip member
    per record: its first member already holds a second record start within its first ``look`` bytes. Reads
    little (a few KB on such a file); :func:`scan_archive` refuses these files (their records have no offsets).
    """
    with Path(path).open("rb") as fh:
        if fh.read(3) != _GZIP_MAGIC:
            return False
        fh.seek(0)
        inflater = zlib.decompressobj(31)
        out = b""
        try:
            while len(out) < look and not inflater.eof:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                out += inflater.decompress(chunk, look - len(out))
                while inflater.unconsumed_tail and len(out) < look:
                    out += inflater.decompress(inflater.unconsumed_tail, look - len(out))
        except zlib.error:
            return False
    if not _RECORD_START.match(out):
        return False
    return _RECORD_START.search(out, 1) is not None


def _sniff_format(data, gz: bool) -> str | None:
    head = _inflate_head(data, 0) if gz else bytes(data[:4096])
    if not head:
        return None
    if head.startswith(b"WARC/"):
        return "warc"
    return "arc" if _RECORD_START.match(head) else None


def _one_line(exc: BaseException) -> str:
    """An exception as one short printable line (warcio's gzip message spans a screen)."""
    text = str(exc)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), type(exc).__name__)
    first = "".join(ch if ch.isprintable() else "?" for ch in first)
    return first if len(first) <= 100 else first[:97] + "..."
