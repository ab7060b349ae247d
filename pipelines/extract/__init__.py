"""Figure extraction: the numbers reported about AI chips and export controls, normalized.

Public API:
- ``extract_figures(text, language=None) -> list[Figure]``: every figure in a Korean or English text,
  with value, unit, qualifier, interval, metric, subject, chip, source, sentence and character span;
- ``detect_language(text)``: "ko" or "en" by the share of Hangul;
- ``load_entities()``: rows for ``core.entities`` (canonical, kind, aliases);
- ``Figure`` (``pipelines.extract.model``), ``METRICS`` (the metric vocabulary), ``QUALIFIERS``.

Deterministic and pure Python: no model, no network. Vocabulary lives in ``data/entities.json`` and
``data/metrics.json``.
"""

from __future__ import annotations

from datetime import datetime

from .entities import load_entities
from .figures import detect_language, extract
from .metrics import METRICS
from .model import QUALIFIERS, Figure

__all__ = ["METRICS", "QUALIFIERS", "Figure", "detect_language", "extract_figures", "load_entities"]


def extract_figures(
    text: str, language: str | None = None, *, headline: str | None = None, published_at: datetime | None = None
) -> list[Figure]:
    """Extract the figures of ``text``.

    ``language`` is "ko", "en" or ``None`` (detected from the share of Hangul). ``headline`` lends its subject
    to sentences that leave theirs out; ``published_at`` resolves relative dates ("last year", "지난해 9월")
    in ``Figure.refers_to``. Offsets in the returned figures index into ``text``:
    ``text[f.span_start:f.span_end] == f.surface``.
    """
    if not text:
        return []
    return extract(text, language, headline, published_at)
