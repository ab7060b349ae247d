"""What the extractor hands to the rest of the pipeline: one figure found in a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague")


@dataclass(frozen=True)
class Figure:
    """A reported number, normalized, with what it measures and where it stands in the text.

    ``span_start``/``span_end`` are character offsets of ``surface`` in the text given to the extractor
    (``text[span_start:span_end] == surface``). ``value_low``/``value_high`` are the interval the wording
    and precision support (``float('inf')`` for an open upper end). ``linked_to`` is the index, in the
    same extraction result, of the figure this one converts (e.g. the KRW amount in parentheses after a
    USD amount).

    ``subject_via`` says where the subject was found: ``sentence`` (bound in the figure's own sentence),
    ``previous_sentence``, ``headline``, ``article`` (the document's most mentioned actor) or ``chip`` (the
    maker of the chip a charge is for, when the sentence names no company) or ``corrected`` (a correction note's
    figure, from the body figure it corrects); ``None`` when there is no subject.
    ``scope`` is the model of the subject the figure is about (DeepSeek-V3 vs DeepSeek-R1) and ``scope_via`` where
    it was found (``text``: the sentence or what it carries on; ``article``: the one model the article names, for a
    sentence naming none, which the tracker may overrule by value), ``refers_to`` the
    date or period it is about (``event_time.EventTime.label()``).
    """

    surface: str
    value: float | None
    unit: str
    qualifier: str
    value_low: float | None
    value_high: float | None
    span_start: int
    span_end: int
    sentence: str
    sentence_start: int
    metric: str
    subject: str | None = None
    chip: str | None = None
    attributed_to: str | None = None
    said_by: str | None = None  # the person or body whose claim it is (not an outlet): ``attribution.speaker``
    rule: str = ""
    linked_to: int | None = None
    subject_via: str | None = None
    scope: str | None = None
    scope_via: str | None = None  # "text" (the sentence or its context) or "article" (the article's one model)
    refers_to: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return asdict(self)


def negated(f: Figure) -> Figure:
    """The figure with its value and interval the other way round (a fall for a rise)."""
    low, high = f.value_low, f.value_high
    return replace(f, value=-f.value, value_low=None if high is None else -high,
                   value_high=None if low is None else -low)
