"""Spans that look numeric but are not figures: dates, times, phone and registration numbers, e-mail
addresses, URLs, identifiers, section numbers, index names ("S&P 500", "Fortune 500") and the names of
accounting periods ("the three months ended March"), and phrases pointing back at companies named before ("the two
chipmakers")."""

from __future__ import annotations

import re

__all__ = ["excluded_spans", "inside"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# (trigger, pattern): a pattern only runs when its trigger (a substring, or "" for none) is in the text;
# every pattern needs a digit except the e-mail, URL and "the two chipmakers" ones (``_WORD_ONLY``).
_GROUPS: list[tuple[tuple[str, ...], list[str]]] = [
    (("@",), [r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"]),  # e-mail
    (("http", "www."), [r"(?:https?://|www\.)\S+"]),  # URL
    (
        ("",),
        [
            r"\b\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}\.?",  # 2025.1.27, 2025-01-27, 2011. 05. 26
            r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # 1/27/2025
            r"\b\d{1,2}/\d{1,2}\b(?!\s?(?:th|of)\b)",  # 1/27
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?",  # 3:42 PM
            r"\b\d{1,2}\s?[ap]\.m\.",  # 3 p.m.
            r"(?:\+\d{1,3}[-.\s]?)?\(?\b\d{2,4}\)?[-.]\d{3,4}[-.]\d{4}\b",  # phone numbers
            r"\b\d+(?:-\d+){2,}\b",  # registration numbers 101-86-62870
            r"\b(?:1[89]|20)\d{2}s\b",  # the 1990s
            r"\b\d{1,3}\s?(?:-|–|to)\s?\d{1,3}\s(?:win|victory|loss|defeat)\b",  # sports scores
        ],
    ),
    (
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        [
            rf"\b{_MONTHS}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}})?",  # Jan. 27, January 27, 2025
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTHS}\b\.?(?:,?\s\d{{4}})?",  # 27 January 2025
            rf"\b{_MONTHS}\s\d{{4}}\b",  # January 2025
        ],
    ),
    (
        ("월", "시", "년"),
        [
            r"(?:\d{4}년\s?)?\d{1,2}월\s?\d{1,2}일",  # 2025년 1월 27일, 1월 27일
            r"\d{4}년\s?\d{1,2}월",  # 2025년 1월
            r"(?:오전|오후|새벽|밤|낮)\s?\d{1,2}시(?:\s?\d{1,2}분)?(?:\s?\d{1,2}초)?",  # 오후 3시 42분
            r"\d{1,2}시\s?\d{1,2}분",
            r"(?:19|20)\d{2}\s?년대",
        ],
    ),
    (
        ("제", "절", "항", "장"),
        [r"제\s?\d+(?:\.\d+)?\s?(?:조|항|호|장|절|차|회|편|관)", r"\d+(?:\.\d+)+(?=\s?(?:절|항|장))"],
    ),
    (
        ("Section", "Sec.", "Article", "Art.", "Rule", "Part", "Chapter", "Title", "§"),
        [r"(?:Section|Sec\.|Article|Art\.|Rule|Part|Chapter|Title|§)\s?\d+(?:\.\d+)*"],
    ),
    (
        ("S&P", "Nasdaq", "Fortune", "FTSE", "Russell", "Dow", "KOSPI", "코스피", "Nikkei", "닛케이", "Stoxx", "CSI"),
        [
            r"S&P\s?500|Nasdaq[- ]?100|Fortune\s500|Fortune\s100|FTSE\s100|Russell\s2000|Dow\s30|"
            r"KOSPI\s?200|코스피\s?200|Nikkei\s225|닛케이\s?225|Stoxx\s600|CSI\s300"
        ],
    ),
    (("Q", "FY"), [r"\b(?:Q[1-4]|FY)\s?'?\d{2,4}\b"]),  # Q4 2024, FY2025
    # a period's name, not a duration: "in the three months ended March", "the six months to June"
    (("months",), [r"\bthe\s+(?:three|six|nine|twelve|3|6|9|12)\s+months\s+"
                   r"(?:ended|ending|to|through|that\s+ended)\b"]),
    (("°", "℃", "℉"), [r"\d+\s?(?:°[CF]?|℃|℉)"]),  # temperatures
    # a phrase pointing back at companies named before, not a count of them: "the two chipmakers, which together"
    (("the ", "The ", "these ", "These ", "those ", "Those "),
     [r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+two\s+(?:companies|chipmakers|chip\s?makers|firms|groups|"
      r"memory\s+makers|makers|rivals|giants|labs|startups)\b"]),
]
_COMPILED = [(triggers, re.compile("|".join(f"(?:{p})" for p in pats))) for triggers, pats in _GROUPS]
_DIGIT = re.compile(r"\d")
_WORD_ONLY = frozenset({"@", "http", "the "})  # groups whose patterns need no digit (the first trigger names them)
_TOKEN = re.compile(r"\b[A-Za-z0-9_]{8,}\b")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-figure numeric span in ``text``."""
    has_digit = _DIGIT.search(text) is not None
    spans: list[tuple[int, int]] = []
    for triggers, rx in _COMPILED:
        if triggers[0] not in _WORD_ONLY and not has_digit:
            continue
        if triggers != ("",) and not any(t in text for t in triggers):
            continue
        spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start())
    if has_digit:  # identifiers such as 68cb2df34e3786ef: letters and digits mixed, 8+ characters
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if not tok.isdigit() and any(ch.isdigit() for ch in tok) and not tok.isalpha():
                spans.append((m.start(), m.end()))
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any span."""
    return any(s < end and start < e for s, e in spans)
