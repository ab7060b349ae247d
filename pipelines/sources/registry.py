"""The registry of outlets and the URL rules built on it.

``SOURCES`` maps each outlet's name to its :class:`~pipelines.sources.publisher.Publisher`, in the order of
``outlets.PUBLISHERS``. Pages of any other site belong to :data:`FALLBACK` (``"other"``) and are read by the
generic parser. Every list of outlets in the project (partitions, CLI choices, dispatch, report colours) comes
from here, so an outlet is added in its own module and one line of ``outlets/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from pipelines.fetch.urls import canonical_form, host_allowed, host_of

from .outlets import PUBLISHERS
from .publisher import Publisher

SOURCES: dict[str, Publisher] = {p.name: p for p in PUBLISHERS}
FALLBACK = "other"
DEFAULT_COLOR = "#7f7f7f"
# Colours for outlets without an adapter, picked by name so an outlet keeps its colour across charts. No red:
# red rings mark conflicts.
OTHER_OUTLET_COLORS = ("#ff7f0e", "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#9edae5", "#c5b0d5", "#c49c94",
                       "#dbdb8d", "#ffbb78", "#aec7e8", "#98df8a")


def source_keys() -> list[str]:
    """Every outlet's name, then :data:`FALLBACK`: the ingest partitions."""
    return [*SOURCES, FALLBACK]


def outlet_color(outlet: str | None) -> str:
    """The chart colour of an adapter (``"cnn"``) or an outlet (``"CNN"``, ``"Reuters"``): an adapter's outlet
    keeps the adapter's colour; any other outlet gets one of :data:`OTHER_OUTLET_COLORS` by its name (grey for
    none and for ``"other"``)."""
    if not outlet or outlet == FALLBACK:
        return DEFAULT_COLOR
    pub = SOURCES.get(outlet)
    if pub is not None:
        return pub.color
    from .outlet_table import outlet_for_domain

    for pub in SOURCES.values():
        host = pub.url_policy.host or (pub.hosts[0] if pub.hosts else "")
        if outlet in (pub.title, outlet_for_domain(host)):
            return pub.color
    digest = sum((i + 1) * ord(c) for i, c in enumerate(outlet))
    return OTHER_OUTLET_COLORS[digest % len(OTHER_OUTLET_COLORS)]


def publisher_for_url(url: str | None) -> Publisher | None:
    """The outlet whose hosts ``url`` is on, else ``None``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    for pub in SOURCES.values():
        if pub.owns_host(host):
            return pub
    return None


def source_for_url(url: str | None) -> str:
    """The outlet's name by host (``"news1"``, ``"cnn"``, ``"nyt"``), else ``"other"``."""
    pub = publisher_for_url(url)
    return pub.name if pub else FALLBACK


def as_outlet_url(source: str, url: str, stand_ins: Iterable[str] = ()) -> str:
    """``url`` moved to ``source``'s own canonical host when it is on one of the ``stand_ins`` hosts (a mirror
    or a local test server given in the fetcher's ``sources`` override), else ``url`` unchanged.

    A stand-in serves the outlet's paths, so its URLs are judged by the outlet's URL rules as if they were on
    the outlet's host.

    >>> as_outlet_url("cnn", "http://127.0.0.1:8000/2025/01/27/tech/x/index.html?a=1", ["127.0.0.1"])
    'https://www.cnn.com/2025/01/27/tech/x/index.html?a=1'
    """
    pub = SOURCES.get(source)
    stand_ins = tuple(stand_ins)
    if pub is None or not stand_ins:
        return url
    host = host_of(url)
    if not host or pub.owns_host(host) or not host_allowed(host, stand_ins):
        return url
    parts = urlsplit(url.strip())
    return urlunsplit(("https", pub.url_policy.host or pub.hosts[0], parts.path, parts.query, parts.fragment))


def is_article_url(source: str, url: str | None, stand_ins: Iterable[str] = ()) -> bool:
    """True when ``url`` looks like one of ``source``'s article pages and matches no skip pattern.

    A URL on one of the ``stand_ins`` hosts (see :func:`as_outlet_url`) is judged by its path as if it were
    on the outlet's own host.
    """
    if not url:
        return False
    pub = SOURCES.get(source)
    url = as_outlet_url(source, url.strip(), stand_ins)
    if pub is None:
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        return parts.scheme in ("http", "https") and len(parts.path.strip("/")) > 0
    if source_for_url(url) != source:
        return False
    if any(p.search(url) for p in pub.skip_urls):
        return False
    return bool(pub.article_url.match(url))


def canonical_article_url(url: str) -> str:
    """Normalise an article URL for de-duplication and fetching: no fragment, no tracking parameters, and the
    outlet's own rules (``Publisher.url_policy``: mirror and AMP hosts to the main host, https, AMP paths to
    the article, every query string dropped where the outlet's articles carry none)."""
    if not url:
        return url
    pub = publisher_for_url(url)
    return canonical_form(url, pub.url_policy if pub else None)


def article_key(url: str) -> str | None:
    """A stable identity for an article across URL variants (News1: the numeric id; CNN, NYT: the path)."""
    pub = publisher_for_url(url)
    canon = canonical_article_url(url)
    if pub is None:
        return canon or None
    return pub.article_key(canon)


def register(pub: Publisher) -> None:
    """Add an outlet declared outside ``outlets/__init__.py`` (a plug-in or a test) before the assets are
    imported. Refuses a name that is taken or a host another outlet already owns."""
    if pub.name in SOURCES or pub.name == FALLBACK:
        raise ValueError(f"an outlet named {pub.name!r} is already registered")
    for other in SOURCES.values():
        clash = [h for h in pub.hosts if other.owns_host(h)] + [h for h in other.hosts if pub.owns_host(h)]
        if clash:
            raise ValueError(f"outlet {pub.name!r}: host {clash[0]} belongs to {other.name!r}")
    SOURCES[pub.name] = pub
