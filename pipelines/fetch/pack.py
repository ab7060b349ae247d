"""Packing a folder of readable captures (pages, feeds, ``manifest.jsonl``) into a WARC archive.

The sample archive is kept as readable HTML/XML files plus a manifest (URL, fetch time, status, headers);
this turns it into the WARC file the replay fetcher reads. Packing is deterministic: the same folder gives
the same bytes, so a test can tell when the committed archive is stale.
"""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warcio.warcwriter import WARCWriter

from pipelines.fetch.warc import parse_warc_date, write_exchange

USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)"


@dataclass
class ManifestEntry:
    url: str
    file: str
    fetched_at: datetime
    status: int
    headers: dict[str, str]
    kind: str
    gzip: bool = False
    note: str = ""


def read_manifest(folder: str | Path) -> list[ManifestEntry]:
    """The manifest of a capture folder, with a clear error for a bad line or a missing file."""
    folder = Path(folder)
    entries: list[ManifestEntry] = []
    with (folder / "manifest.jsonl").open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                entry = ManifestEntry(
                    url=raw["url"], file=raw["file"], fetched_at=parse_warc_date(raw["fetched_at"]),
                    status=int(raw.get("status", 200)), headers=dict(raw.get("headers", {})),
                    kind=raw.get("kind", "article"), gzip=bool(raw.get("gzip", False)), note=raw.get("note", ""),
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{folder / 'manifest.jsonl'}:{lineno}: bad manifest line: {exc}") from exc
            if not (folder / entry.file).is_file():
                raise FileNotFoundError(f"{folder / 'manifest.jsonl'}:{lineno}: missing file {entry.file}")
            entries.append(entry)
    return entries


def pack_folder(folder: str | Path, out_path: str | Path) -> int:
    """Write every capture of ``folder``'s manifest to ``out_path`` (gzipped WARC). Returns the count."""
    folder, out_path = Path(folder), Path(out_path)
    entries = read_manifest(folder)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    with tmp.open("wb") as fh:
        writer = _DeterministicWriter(fh, gzip=True)
        for entry in entries:
            body = (folder / entry.file).read_bytes()
            if entry.gzip:
                body = gzip.compress(body, mtime=0)
            writer.seed = f"{entry.url}|{entry.fetched_at.isoformat()}"
            write_exchange(writer, entry.url, entry.fetched_at, entry.status, entry.headers, body,
                           request_headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xml"})
    tmp.replace(out_path)
    return len(entries)


class _DeterministicWriter(WARCWriter):
    """A WARCWriter whose record ids derive from the capture, so packing twice gives the same bytes."""

    seed = ""
    _n = 0

    def _make_warc_id(self, id_: str | None = None) -> str:  # noqa: D401 - warcio hook
        self._n += 1
        return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{self.seed}#{self._n}')}>"
