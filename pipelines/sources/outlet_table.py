"""The outlet table: who published a page, as one name per outlet (``data/outlets.json``).

``source`` is the adapter and ingest partition that read a page (``news1``, ``cnn``, ``nyt`` or ``other``);
the *outlet* is the publisher: ``CNN`` for edition.cnn.com and cnn.com alike, ``Reuters`` for a Reuters
story, ``Yonhap`` for yna.co.kr. The table is keyed by registrable domain (the public-suffix rule, so
``biz.chosun.com`` is ``chosun.com`` and ``m.yna.co.kr`` is ``yna.co.kr``) and lists the names pages state
the publisher by (JSON-LD ``publisher``, ``og:site_name``, bylines, wire datelines).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).with_name("data") / "outlets.json"
_IP = re.compile(r"^[\d.]+$|^\[?[0-9a-f:]+\]?$", re.I)
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Outlet:
    """One row of the outlet table."""

    name: str
    domains: tuple[str, ...]
    names: tuple[str, ...]
    wire: bool = False


def _name_key(name: str) -> str:
    """How stated names are compared: case-folded, spaces collapsed, no leading "The", no trailing ".com"."""
    key = _WS.sub(" ", name).strip().casefold()
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"\.com$", "", key).strip()


@dataclass(frozen=True)
class OutletTable:
    """The table with its two indexes: registrable domain -> outlet, stated name -> outlet."""

    outlets: tuple[Outlet, ...]
    by_domain: dict[str, Outlet]
    by_name: dict[str, Outlet]

    def for_domain(self, domain: str | None) -> Outlet | None:
        return self.by_domain.get(domain or "")

    def for_name(self, name: str | None) -> Outlet | None:
        return self.by_name.get(_name_key(name)) if name else None


@lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    """The packaged table, validated: every domain and name belongs to one outlet."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))["outlets"]
    outlets: list[Outlet] = []
    by_domain: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    for row in rows:
        o = Outlet(row["outlet"], tuple(row["domains"]), tuple(row.get("names", ())), bool(row.get("wire")))
        outlets.append(o)
        for d in o.domains:
            if d in by_domain:
                raise ValueError(f"outlets.json: domain {d!r} is listed for {by_domain[d].name!r} and {o.name!r}")
            by_domain[d] = o
        for n in (o.name, *o.names):
            key = _name_key(n)
            if key in by_name and by_name[key] is not o:
                raise ValueError(f"outlets.json: name {n!r} is listed for {by_name[key].name!r} and {o.name!r}")
            by_name[key] = o
    return OutletTable(tuple(outlets), by_domain, by_name)


def registrable_domain(url_or_host: str | None) -> str | None:
    """The registrable domain of a URL or host name: ``edition.cnn.com`` -> ``cnn.com``, ``m.yna.co.kr`` ->
    ``yna.co.kr``. Hosts outside the public suffix list (``www.harborledger.example``) keep their last two
    labels; IP addresses and ``localhost`` have none.

    >>> registrable_domain("https://edition.cnn.com/2025/01/27/tech/x")
    'cnn.com'
    """
    if not url_or_host:
        return None
    text = url_or_host.strip()
    try:
        host = (urlsplit(text).hostname if "//" in text else text.split("/")[0].split(":")[0]) or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    if not host or _IP.match(host) or "." not in host:
        return None
    from tld import get_fld  # the public suffix list, bundled (no network)

    found = get_fld(host, fix_protocol=True, fail_silently=True)
    if found:
        return found.lower()
    labels = [x for x in host.split(".") if x]
    return ".".join(labels[-2:]) if len(labels) >= 2 else None


def outlet_for_domain(url_or_host: str | None) -> str | None:
    """The outlet the table keys under the registrable domain of ``url_or_host``, else ``None``."""
    row = outlet_table().for_domain(registrable_domain(url_or_host))
    return row.name if row else None


def normalise_outlet(name: str | None) -> str | None:
    """A stated publisher name as the table names the outlet ("CNN International" -> "CNN", "뉴스1" ->
    "News1"); a name the table does not know is kept as stated (whitespace collapsed); ``None`` for blanks."""
    if not name:
        return None
    text = _WS.sub(" ", name).strip(" \t|-–—·:")
    if not text:
        return None
    row = outlet_table().for_name(text)
    return row.name if row else text


def known_outlet(name: str | None) -> str | None:
    """The table's outlet for a stated name, only when the table knows it (a byline "Reuters"), else ``None``."""
    row = outlet_table().for_name(name)
    return row.name if row else None


def is_wire(outlet: str | None) -> bool:
    """Whether ``outlet`` is a news agency other sites carry stories of."""
    row = outlet_table().for_name(outlet)
    return bool(row and row.wire)
