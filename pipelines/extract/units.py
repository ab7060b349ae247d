"""Units: currency symbols, codes and words, counters and count nouns, percentages, multiples, durations.

Canonical ``Figure.unit`` strings:
- currencies: ``USD KRW CNY EUR JPY TWD`` (and ``GBP``);
- counts: ``chips servers units companies people count`` (``count`` when nothing says what is counted);
- ``percent``, ``percentage_points``, ``gpu_hours``, ``years months days hours``, ``times``, ``fraction``;
- power capacity: ``GW`` and ``MW`` ("10 gigawatts", "6GW", "1.2기가와트"), a data centre's or a deal's size.

Weeks are counted in days (×7) and quarters in months (×3): ``UnitMatch.factor``. Occasions (차례, 회,
"three shipments") are ``count``.

A generic Korean counter (개, 곳, 대, 장) gets its unit from the noun it counts: the noun right after it
("11개 기업", "2000개의 칩") or, failing that, the nearest unit noun in the same clause before or after
("칩도 약 2000개", "2000개 이상의 최첨단 엔비디아 칩").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CURRENCIES",
    "KO_AFTER_OK",
    "UnitMatch",
    "en_count_noun",
    "ko_noun_unit",
    "match_en_currency_prefix",
    "match_en_unit",
    "match_ko_unit",
]

CURRENCIES = ("USD", "KRW", "CNY", "EUR", "JPY", "TWD", "GBP")


@dataclass(frozen=True)
class UnitMatch:
    """A unit found next to a number: ``text[start:end]`` spells it."""

    unit: str
    start: int
    end: int
    generic: bool = False  # a generic counter whose unit depends on the counted noun
    counter: str = ""
    factor: int = 1  # the unit is this many canonical units ("2주" → 14 days, "three quarters" → 9 months)


# --- Korean -----------------------------------------------------------------------------------------

# (surface, unit, generic); longest first. Particles may follow any of them.
_KO_UNITS: list[tuple[str, str, bool]] = sorted(
    [
        ("퍼센트포인트", "percentage_points", False),
        ("%포인트", "percentage_points", False),
        ("%p", "percentage_points", False),
        ("%P", "percentage_points", False),
        ("％p", "percentage_points", False),
        ("%", "percent", False),
        ("％", "percent", False),
        ("퍼센트", "percent", False),
        ("GPU시간", "gpu_hours", False),
        ("기가와트", "GW", False),
        ("메가와트", "MW", False),
        ("GW", "GW", False),
        ("MW", "MW", False),
        ("GPU 시간", "gpu_hours", False),
        ("GPU 아워", "gpu_hours", False),
        ("대만달러", "TWD", False),
        ("대만 달러", "TWD", False),
        ("타이완달러", "TWD", False),
        ("달러화", "USD", False),
        ("달러", "USD", False),
        ("불", "USD", False),
        ("원화", "KRW", False),
        ("원", "KRW", False),
        ("위안화", "CNY", False),
        ("위안", "CNY", False),
        ("유로화", "EUR", False),
        ("유로", "EUR", False),
        ("엔화", "JPY", False),
        ("엔", "JPY", False),
        ("파운드", "GBP", False),
        ("개월", "months", False),
        ("달", "months", False),
        ("개사", "companies", False),
        ("개 기업", "companies", False),
        ("개국", "count", False),  # countries, whatever the sentence names nearby
        ("개", "count", True),
        ("곳", "count", True),
        ("대", "count", True),
        ("장", "count", True),
        ("명", "people", False),
        ("차례", "count", False),
        ("회", "count", False),
        ("거래일", "days", False),
        ("영업일", "days", False),
        ("주일", "days", False),
        ("주", "days", False),
        ("배", "times", False),
        ("년", "years", False),
        ("일", "days", False),
        ("시간", "hours", False),
    ],
    key=lambda t: -len(t[0]),
)
# Characters that may follow a Korean unit word: a particle, a qualifier or a non-Hangul character.
KO_AFTER_OK = frozenset("을를이은는의에으로과와가도만까어씩짜규선정수안미초넘웃달밖대여쯤께내중당간째다였뿐보입")
_KO_STRICT = {"원", "엔", "불", "달", "명", "대", "장", "일", "배", "곳", "회", "주"}  # also common word starts
_KO_FACTORS = {"주": 7, "주일": 7}  # weeks are counted in days
# 주 after a number is also a share count ("100만 주"): a week only before a duration ending
_WEEK_AFTER = ("간", "동안", " 동안", "만에", " 만에", "째", "이내", " 이내", "새")

# Nouns that say what a generic counter counts (substring match), with their unit.
_KO_NOUNS: list[tuple[str, str]] = [
    ("그래픽처리장치", "chips"),
    ("반도체", "chips"),
    ("프로세서", "chips"),
    ("가속기", "chips"),
    ("GPU", "chips"),
    ("칩", "chips"),
    ("서버", "servers"),
    ("장비", "units"),
    ("스타트업", "companies"),
    ("판매업체", "companies"),
    ("기업", "companies"),
    ("업체", "companies"),
    ("회사", "companies"),
    ("법인", "companies"),
]
_KO_NOUN_RE = re.compile("|".join(re.escape(n) for n, _ in _KO_NOUNS))
_KO_NOUN_UNIT = dict(_KO_NOUNS)


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def match_ko_unit(text: str, pos: int) -> UnitMatch | None:
    """The Korean unit word at ``pos`` (after an optional single space), or ``None``.

    A generic counter after a space ("30만 대") is returned too; the grammar keeps it only when a counted
    noun says what it counts ("장비 30만 대"), since "2000 대" alone is too ambiguous.
    """
    start = pos
    if start < len(text) and text[start] == " ":
        start += 1
    for surface, unit, generic in _KO_UNITS:
        if not text.startswith(surface, start):
            continue
        end = start + len(surface)
        nxt = text[end] if end < len(text) else ""
        if surface in _KO_STRICT and _is_hangul(nxt) and nxt not in KO_AFTER_OK:
            continue
        if surface == "엔" and nxt == "비":  # 엔비디아
            continue
        if surface == "달" and (start == pos or nxt not in "간 동여째만이"):  # "3달간" but not "달러"
            continue
        if surface == "주" and (start != pos or not text.startswith(_WEEK_AFTER, end)):
            continue
        return UnitMatch(unit, start, end, generic, surface, _KO_FACTORS.get(surface, 1))
    return None


def ko_noun_unit(
    text: str, after: int, before: int, window: int = 24, chip_spans: list[tuple[int, int]] | None = None
) -> tuple[str, int, int] | None:
    """The unit named by the nearest counted noun: right after ``after`` or in the clause before ``before``.

    Returns (unit, noun_start, noun_end) or ``None``. A noun right after the counter ("개 기업",
    "개의 칩") wins; otherwise the nearest noun within ``window`` characters in the same clause. A chip
    name (``chip_spans``: "H100을 5만 개") counts as a chip noun.
    """
    best: tuple[int, str, int, int] | None = None
    tail = text[after : after + window]
    cut = re.search(r"[,.;!?\"“”]|[다며고서]\s", tail)
    if cut:
        tail = tail[: cut.start()]
    m = _KO_NOUN_RE.search(tail)
    if m:
        dist = m.start()
        best = (dist, _KO_NOUN_UNIT[m.group()], after + m.start(), after + m.end())
        if re.fullmatch(r"(?:의)?\s?", tail[: m.start()]):
            return best[1:]
    head_start = max(0, before - window)
    head = text[head_start:before]
    cut_before = None
    for cm in re.finditer(r"[,.;!?\"“”]|[다며고서]\s", head):
        cut_before = cm.end()
    if cut_before is not None:
        head_start += cut_before
        head = head[cut_before:]
    for m in _KO_NOUN_RE.finditer(head):
        dist = len(head) - m.end()
        if best is None or dist < best[0]:
            best = (dist, _KO_NOUN_UNIT[m.group()], head_start + m.start(), head_start + m.end())
    for s, e in chip_spans or ():
        if head_start <= s and e <= before:
            dist = before - e
            if best is None or dist < best[0]:
                best = (dist, "chips", s, e)
    return best[1:] if best else None


# --- English ----------------------------------------------------------------------------------------

_EN_PREFIX: list[tuple[str, str]] = [
    ("U.S. $", "USD"),
    ("U.S.$", "USD"),
    ("US$", "USD"),
    ("NT$", "TWD"),
    ("T$", "TWD"),  # Reuters' Taiwan dollar ("T$452.3 billion")
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("￦", "KRW"),
    ("USD ", "USD"),
    ("EUR ", "EUR"),
    ("CNY ", "CNY"),
    ("RMB ", "CNY"),
    ("JPY ", "JPY"),
    ("TWD ", "TWD"),
    ("KRW ", "KRW"),
    ("GBP ", "GBP"),
    ("RMB", "CNY"),
]


def match_en_currency_prefix(text: str, pos: int) -> tuple[str, int] | None:
    """The currency written right before ``pos`` ("$", "US$", "USD "): (unit, start) or ``None``."""
    for surface, unit in _EN_PREFIX:
        s = pos - len(surface)
        if s >= 0 and text.startswith(surface, s):
            if surface[0].isalpha() and s > 0 and text[s - 1].isalnum():
                continue
            if unit in ("HKD", "AUD", "CAD"):
                return None
            return unit, s
    return None


_EN_SUFFIX: list[tuple[str, str]] = [
    (r"percentage[- ]points?", "percentage_points"),
    (r"%[- ]?points?", "percentage_points"),
    (r"pp\b", "percentage_points"),
    (r"%", "percent"),
    (r"per ?cent\b", "percent"),
    (r"pct\b", "percent"),
    (r"(?:U\.S\.|US|American) dollars?\b", "USD"),
    (r"(?:New )?Taiwan(?:ese)? dollars?\b", "TWD"),
    (r"NT dollars?\b", "TWD"),
    (r"dollars?\b", "USD"),
    (r"euros?\b", "EUR"),
    (r"yuan\b", "CNY"),
    (r"renminbi\b", "CNY"),
    (r"yen\b", "JPY"),
    (r"(?:South )?Korean won\b", "KRW"),
    (r"won\b", "KRW"),
    (r"GPU[- ]hours?\b", "gpu_hours"),
    (r"gigawatts?\b", "GW"),
    (r"GW\b", "GW"),
    (r"megawatts?\b", "MW"),
    (r"MW\b", "MW"),
    (r"hours? of (?:GPU|chip|computing|compute|processor) time\b", "gpu_hours"),
    (r"times\b", "times"),
    (r"-?fold\b", "times"),
    (r"hours?\b(?![- ]?old)", "hours"),
    (r"weeks?\b(?![- ]old)(?![- ](?:highs?|lows?)\b)", "days"),  # "a 52-week high" is a price record
    (r"days?\b(?![- ]old)", "days"),
    (r"months?\b(?![- ]old)", "months"),
    (r"years?\b(?![- ]old)", "years"),
]
_EN_SUFFIX_RE = [(re.compile(r"[ \-]?" + p if not p.startswith("%") else p, re.I), u) for p, u in _EN_SUFFIX]
# "two to three quarters" is a duration; "three quarters of the chips" / "three-quarters" a share (not here)
_EN_SUFFIX_RE.insert(-4, (re.compile(r" quarters?\b(?! of\b)(?![- ]old)", re.I), "months"))
_EN_FACTORS = {"weeks": 7, "week": 7, "quarters": 3, "quarter": 3}


_GROUPED_TAIL = re.compile(r"\d,\d{3}$")


def match_en_unit(text: str, pos: int, scaled: bool) -> UnitMatch | None:
    """A unit word or sign right after ``pos`` ("%", " percent", " dollars", " hours", "-fold")."""
    for rx, unit in _EN_SUFFIX_RE:
        m = rx.match(text, pos)
        if not m:
            continue
        if unit == "KRW" and not scaled and not _GROUPED_TAIL.search(text, 0, pos):
            continue  # "won" is also a verb; a share price "199,200 won" is written with thousands groups
        word = m.group().strip(" -").lower()
        return UnitMatch(unit, pos if text[pos] != " " else pos + 1, m.end(), factor=_EN_FACTORS.get(word, 1))
    return None


_EN_NOUNS: dict[str, str] = {}
for _unit, _words in {
    "chips": "chips chip GPUs GPU processors processor accelerators accelerator semiconductors cards "
    "graphics-processing-units superchips",
    "servers": "servers server racks",
    "units": "units unit systems",
    "count": "shipments shipment batches consignments",
    "companies": "companies company firms firm businesses entities startups start-ups vendors suppliers "
    "chipmakers manufacturers distributors sellers traders outfits",
    "people": "people person workers employees engineers researchers staff persons individuals smugglers",
}.items():
    for _w in _words.split():
        _EN_NOUNS[_w.lower()] = _unit


def en_count_noun(word: str) -> str | None:
    """The count unit of an English noun ("GPUs" → chips, "firms" → companies), or ``None``."""
    return _EN_NOUNS.get(word.lower().strip(".,;:!?)\"'’"))
