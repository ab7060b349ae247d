"""What a source adapter hands to the rest of the pipeline: one parsed page."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

# Why a page is not an article. ``None`` when it is one.
NOT_ARTICLE_REASONS = (
    "non_article",  # home page, section front, listing, live-blog index, video page
    "bot_wall",  # captcha / "you have been blocked" / JS challenge page
    "paywall_stub",  # a short teaser behind a paywall, not the article text
    "empty",  # nothing that looks like an article body
    "parse_error",  # the parser raised; ``error`` says what happened
)


@dataclass
class ParsedPage:
    """One page as a source adapter read it.

    ``body_text`` is the article paragraphs joined with a blank line ("\\n\\n"); character offsets of
    extracted figures refer to this string. ``parser`` names the layer that produced the body, e.g.
    ``"news1.next_data"``, ``"cnn.jsonld+selectors.2023"``, ``"nyt.selectors.2018"``, ``"generic.trafilatura"``.
    ``outlet`` is the publisher as the page states it, normalised by the outlet table (the original outlet for a
    syndicated copy; ``extras["outlet_via"]`` says how it was found), where ``source`` is the adapter.
    """

    url: str
    source: str  # the adapter that read the page: an outlet module's name, or "other"
    is_article: bool
    reason: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    headline: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None  # timezone-aware
    modified_at: datetime | None = None  # timezone-aware
    section: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    body_text: str = ""
    paywalled: bool = False
    parser: str = ""
    error: str | None = None
    outlet: str | None = None  # who published it (``layers.outlet``): "CNN", "Reuters", "Yonhap", ...
    extras: dict[str, Any] = field(default_factory=dict)  # e.g. dateline place/reporters, keywords

    def to_json_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("published_at", "modified_at"):
            if d[key] is not None:
                d[key] = d[key].isoformat()
        return d
