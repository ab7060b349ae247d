"""Decoding response bodies: transfer codings with a size cap, and HTML bytes to text.

* :class:`ContentDecoder` undoes ``Content-Encoding`` (gzip, deflate, identity) chunk by chunk and stops as
  soon as the decoded size passes a cap, so a gzip bomb costs at most ``max_bytes`` of memory.
* :func:`gunzip_capped` (fetching: past the cap is an error) and :func:`gunzip_prefix` (reading a feed: keep
  what fits under the cap, and what came before a corrupt or cut-off end) are the project's only gunzip.
* :func:`decode_html` turns HTML (or XML) bytes into text: BOM, then the ``Content-Type`` charset, then strict
  UTF-8, then ``<meta charset>`` / ``http-equiv`` / the XML declaration, then detection (charset-normalizer).
  Korean legacy labels (EUC-KR, KS_C_5601-1987, ...) decode as CP949, the superset browsers use. A declared
  charset that does not fit the bytes (a UTF-8 header on an EUC-KR page) is passed over for the next clue.
  It is the one charset sniffer: the parsers read pages through it too (``sources/layers/html_text``).
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterable

from charset_normalizer import from_bytes


class BodyTooLarge(Exception):
    """The decoded body passed the cap."""


class DecodingError(Exception):
    """The body could not be decoded (an unsupported or corrupt ``Content-Encoding``)."""


SUPPORTED_ENCODINGS = ("gzip", "x-gzip", "deflate", "identity", "")
GZIP_MAGIC = b"\x1f\x8b"


class ContentDecoder:
    """Streaming ``Content-Encoding`` decoder with a cap on the decoded size.

    ``feed`` each raw chunk, then ``flush``; both return decoded bytes and raise :class:`BodyTooLarge` once more
    than ``max_bytes`` have come out, or :class:`DecodingError` for corrupt data.
    """

    def __init__(self, content_encoding: str | None, max_bytes: int, *, truncate: bool = False):
        coding = (content_encoding or "").strip().lower()
        if coding not in SUPPORTED_ENCODINGS:
            raise DecodingError(f"unsupported Content-Encoding {content_encoding!r}")
        self.coding = "identity" if coding in ("", "identity") else "gzip" if coding.endswith("gzip") else "deflate"
        self.max_bytes = max_bytes
        self.total = 0
        self.truncate = truncate  # past the cap: stop and keep the first max_bytes instead of raising
        self.truncated = False
        self._z: zlib._Decompress | None = None  # type: ignore[name-defined]
        self._raw_deflate = False
        self._first = b""

    def _new(self) -> zlib._Decompress:  # type: ignore[name-defined]
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.max_bytes:
            if self.truncate:
                out = out[: len(out) - (self.total - self.max_bytes)]
                self.total, self.truncated = self.max_bytes, True
                return out
            raise BodyTooLarge(f"decoded body larger than {self.max_bytes} bytes")
        return out

    def feed(self, chunk: bytes) -> bytes:
        """Decode one raw chunk."""
        if self.coding == "identity":
            return self._count(chunk)
        out: list[bytes] = []
        data = chunk
        while data and not self.truncated:
            if self._z is None:
                self._z = self._new()
            try:
                room = self.max_bytes - self.total + 1
                piece = self._z.decompress(data, room)
            except zlib.error as exc:
                if self.coding == "deflate" and not self._raw_deflate and self.total == 0:
                    self._raw_deflate, self._z = True, None  # "deflate" sent without the zlib wrapper
                    continue
                raise DecodingError(f"corrupt {self.coding} body: {exc}") from exc
            out.append(self._count(piece))
            if self._z.unconsumed_tail:  # output limit reached without passing the cap: keep going
                data = self._z.unconsumed_tail
            elif self._z.eof and self._z.unused_data:  # concatenated gzip members
                data, self._z = self._z.unused_data, None
            else:
                data = b""
        return b"".join(out)

    def flush(self) -> bytes:
        """Decoded bytes still buffered at the end of the body."""
        if self.coding == "identity" or self._z is None or self.truncated:
            return b""
        out = self._count(self._z.flush())
        if not self._z.eof:
            raise DecodingError(f"truncated {self.coding} body (the compressed stream does not end)")
        return out


def decode_stream(chunks: Iterable[bytes], content_encoding: str | None, max_bytes: int) -> bytes:
    """All of ``chunks`` decoded (see :class:`ContentDecoder`)."""
    dec = ContentDecoder(content_encoding, max_bytes)
    out = [dec.feed(c) for c in chunks]
    out.append(dec.flush())
    return b"".join(out)


def gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    """A gzip file (``news.xml.gz``) uncompressed, raising :class:`BodyTooLarge` past ``max_bytes``."""
    return decode_stream([body], "gzip", max_bytes)


def gunzip_prefix(body: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """A feed body gunzipped when it starts with the gzip magic bytes, with a note on what was lost.

    Never inflates past ``max_bytes``: the first ``max_bytes`` are returned. A corrupt or cut-off stream gives
    what was read before the fault. Other bodies come back unchanged.
    """
    if not body.startswith(GZIP_MAGIC):
        return body, None
    dec = ContentDecoder("gzip", max_bytes, truncate=True)
    parts: list[bytes] = []
    try:
        parts.append(dec.feed(body))
        parts.append(dec.flush())
    except DecodingError as exc:
        return b"".join(parts), f"gzip: {exc}"
    if dec.truncated:
        return b"".join(parts), f"gzip: decompressed size exceeds {max_bytes} bytes; truncated"
    return b"".join(parts), None


# ------------------------------------------------------------------------------------------------ charset

_KOREAN = {"euc_kr", "cp949", "johab"}
_LABELS = {
    "euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "ksc5601": "cp949",
    "ksc_5601": "cp949", "korean": "cp949", "x-windows-949": "cp949", "windows-949": "cp949", "ms949": "cp949",
    "uhc": "cp949", "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030",
}
# Single-byte Western encodings: any byte string "decodes", so they prove nothing about the bytes.
_LATIN = {"cp1252", "latin_1", "iso8859_15", "ascii"}
_MULTIBYTE = {"utf_8", "cp949", "euc_kr", "shift_jis", "cp932", "euc_jp", "gb18030", "big5", "big5hkscs"}

_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+\-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.+\-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def normalise_encoding(label: str | None) -> str | None:
    """Python codec name for a charset label (EUC-KR family → ``cp949``, latin-1/ASCII → ``cp1252``), else None."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _LABELS.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    codec = codec.replace("-", "_")
    if codec in _KOREAN:
        return "cp949"
    if codec in ("latin_1", "ascii", "iso8859_1"):
        return "cp1252"
    return {"utf_8": "utf-8"}.get(codec, codec)


def header_charset(content_type: str | None) -> str | None:
    """The charset named in a ``Content-Type`` header, normalised."""
    match = _CT_CHARSET.search(content_type or "")
    return normalise_encoding(match.group(1)) if match else None


def declared_charset(body: bytes) -> str | None:
    """The charset a document declares for itself in its first 4 KB (meta tag or XML declaration)."""
    head = body[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    enc = normalise_encoding(match.group(1).decode("ascii", "replace"))
    if enc and enc.startswith(("utf_16", "utf_32")):
        return "utf-8"  # bytes that can be read as ASCII to find the tag are not UTF-16 (WHATWG rule)
    return enc


def _strict(body: bytes, enc: str) -> str | None:
    try:
        return body.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def detect_charset(body: bytes) -> str | None:
    """charset-normalizer's best guess for ``body`` (first 256 KB), normalised."""
    best = from_bytes(body[:262_144]).best()
    return normalise_encoding(best.encoding) if best is not None else None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` for an HTML/XML body. The archive keeps the raw bytes; this is for parsing.

    Order: BOM; the header charset when it fits the bytes; strict UTF-8 (a legacy-encoded page almost never
    decodes as UTF-8, while UTF-8 pages with a stale declaration are common); the document's own declaration
    when it fits; detection; finally the first declared charset (or UTF-8) with replacement characters. A latin-1 /
    windows-1252 header fits any bytes, so it only wins when neither the document nor detection names a
    multi-byte encoding that fits (servers send it as a default).
    """
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body.decode(enc, errors="replace"), enc
    header = header_charset(content_type)
    meta = declared_charset(body)
    if body.isascii():
        return body.decode("ascii"), header or meta or "utf-8"
    if header and header not in _LATIN and (text := _strict(body, header)) is not None:
        return text, header
    if header is None and (text := _strict(body, "utf-8")) is not None:
        return text, "utf-8"
    if meta and meta != header and meta not in _LATIN and (text := _strict(body, meta)) is not None:
        return text, meta
    if (header in _LATIN or meta in _LATIN) and (text := _strict(body, "utf-8")) is not None:
        return text, "utf-8"  # a latin label on bytes that are valid UTF-8: the label is a server default
    detected = detect_charset(body)
    if header in _LATIN or (header is None and meta in _LATIN):
        latin = header or meta or "cp1252"
        if detected in _MULTIBYTE and (text := _strict(body, detected)) is not None:
            return text, detected
        return body.decode(latin, errors="replace"), latin
    if detected and (text := _strict(body, detected)) is not None:
        return text, detected
    fallback = header or meta or detected or "utf-8"
    return body.decode(fallback, errors="replace"), fallback
