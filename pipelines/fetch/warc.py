"""Reading and writing WARC files (warcio): request/response records, and reading a record back by offset."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
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


def parse_warc_date(text: str) -> datetime:
    text = text.strip().replace("Z", "+00:00")
    return datetime.fromisoformat(text).astimezone(UTC)


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
        it = ArchiveIterator(fh)
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
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                raise ValueError(f"record at {path}:{offset} is a {record.rec_type!r} record, not a response")
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
