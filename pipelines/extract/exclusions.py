"""Spans that look numeric but are not figures: dates, times, phone and registration numbers, e-mail
addresses, URLs, identifiers, section numbers and index names ("S&P 500", "Fortune 500")."""

from __future__ import annotations

import re

__all__ = ["excluded_spans", "inside"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PATTERNS = [
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail
    r"(?:https?://|www\.)\S+",  # URL
    r"\b\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}\.?",  # 2025.1.27, 2025-01-27, 2011. 05. 26
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # 1/27/2025
    r"\b\d{1,2}/\d{1,2}\b(?!\s?(?:th|of)\b)",  # 1/27
    rf"\b{_MONTHS}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}})?",  # Jan. 27, January 27, 2025
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTHS}\b\.?(?:,?\s\d{{4}})?",  # 27 January 2025
    rf"\b{_MONTHS}\s\d{{4}}\b",  # January 2025
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?",  # 3:42 PM
    r"\b\d{1,2}\s?[ap]\.m\.",  # 3 p.m.
    r"(?:\d{4}년\s?)?\d{1,2}월\s?\d{1,2}일",  # 2025년 1월 27일, 1월 27일
    r"\d{4}년\s?\d{1,2}월",  # 2025년 1월
    r"(?:오전|오후|새벽|밤|낮)\s?\d{1,2}시(?:\s?\d{1,2}분)?(?:\s?\d{1,2}초)?",  # 오후 3시 42분
    r"\d{1,2}시\s?\d{1,2}분",
    r"(?:\+\d{1,3}[-.\s]?)?\(?\b\d{2,4}\)?[-.]\d{3,4}[-.]\d{4}\b",  # phone numbers
    r"\b\d+(?:-\d+){2,}\b",  # registration numbers 101-86-62870
    r"\b(?=[A-Za-z_]*\d)(?=\d*[A-Za-z_])[A-Za-z0-9_]{8,}\b",  # identifiers 68cb2df34e3786ef
    r"(?:Section|Sec\.|Article|Art\.|Rule|Part|Chapter|Title|§)\s?\d+(?:\.\d+)*",  # section numbers
    r"제\s?\d+(?:\.\d+)?\s?(?:조|항|호|장|절|차|회|편|관)",  # 제3조
    r"\d+(?:\.\d+)+(?=\s?(?:절|항|장))",
    r"S&P\s?500|Nasdaq(?:[- ]100)?\s?100|Fortune\s500|Fortune\s100|FTSE\s100|Russell\s2000|Dow\s30|"
    r"KOSPI\s?200|코스피\s?200|코스피200|Nikkei\s225|닛케이\s?225|Stoxx\s600|CSI\s300",
    r"\b(?:Q[1-4]|FY)\s?'?\d{2,4}\b",  # Q4 2024, FY2025
    r"\b(?:1[89]|20)\d{2}s\b",  # the 1990s
    r"(?:19|20)\d{2}\s?년대",
    r"\d+\s?(?:°[CF]?|℃|℉)",  # temperatures
    r"\b\d{1,3}\s?(?:-|–|to)\s?\d{1,3}\s(?:win|victory|loss|defeat)\b",  # sports scores
]
_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-figure numeric span in ``text``."""
    return [(m.start(), m.end()) for m in _RE.finditer(text) if m.end() > m.start()]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any span."""
    return any(s < end and start < e for s, e in spans)
