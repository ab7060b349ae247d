"""Words for a claim: its title in English and Korean, its event's date, the outlets' names, and the words a
person types to find it (``training cost``, ``DeepSeek cost``, ``훈련 비용``, ``H800``).

A claim key (``DeepSeek|training_cost|-|money|DeepSeek-V3``) is for machines; a reader gets
"DeepSeek-V3 training cost, as reported" and "딥시크 V3 훈련 비용 (보도된 수치)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from pipelines.extract.entities import entity_table, kind_of
from pipelines.extract.metrics import FORTUNE_SCOPE, OPERATING_COST_SCOPE, is_segment
from pipelines.sources.registry import SOURCES

# metric → (English, Korean) name of the quantity
METRIC_NAMES: dict[str, tuple[str, str]] = {
    "training_cost": ("training cost", "훈련 비용"),
    "chip_count": ("chip count", "칩 수"),
    "deal_value": ("deal value", "거래 규모"),
    "market_value_change": ("market value change", "시가총액 변동"),
    "revenue": ("revenue", "매출"),
    "profit": ("profit", "이익"),
    "margin": ("margin", "이익률"),
    "charge": ("charge", "비용 처리액"),
    "investment": ("spending", "투자액"),
    "price": ("price", "가격"),
    "company_count": ("number of companies", "기업 수"),
    "share_price": ("share price", "주가"),
    "percent_change": ("change", "등락률"),
    "duration": ("duration", "기간"),
    "compute_hours": ("GPU hours", "GPU 사용 시간"),
    "fine": ("fine", "벌금"),
    "tariff_or_fee_share": ("fee share", "수수료 비율"),
    "ratio": ("ratio", "비율"),
    "other": ("figure", "수치"),
}
# more words a person may type for a metric
METRIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    "training_cost": ("cost", "costs", "train", "training", "비용", "훈련", "학습", "개발비"),
    "chip_count": ("chips", "gpus", "gpu", "칩", "개수"),
    "deal_value": ("deal", "contract", "거래", "계약"),
    "market_value_change": ("market", "value", "cap", "market cap", "시가총액", "시총"),
    "share_price": ("stock", "shares", "close", "주가", "종가"),
    "percent_change": ("percent", "drop", "fall", "rise", "move", "하락", "상승", "급락"),
    "investment": ("investment", "spend", "capex", "투자"),
    "charge": ("write-down", "loss", "손실", "비용"),
    "revenue": ("sales", "매출"),
    "profit": ("earnings", "operating profit", "net income", "이익", "영업이익", "순이익"),
    "margin": ("gross margin", "operating margin", "영업이익률", "마진"),
    "tariff_or_fee_share": ("fee", "tariff", "cut", "수수료", "관세"),
    "duration": ("time", "hours", "days", "기간", "시간"),
    "compute_hours": ("gpu-hours", "compute", "hours"),
}
SESSIONS = {"intraday": ("intraday", "장중"), "premarket": ("before the open", "개장 전"),
            "after_hours": ("after hours", "시간외"), "close": ("at the close", "종가 기준")}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=1)
def _korean_names() -> dict[str, str]:
    """Canonical entity → its first Korean alias (DeepSeek → 딥시크)."""
    out = {}
    for e in entity_table():
        ko = next((a for a in e.aliases if HANGUL.search(a)), None)
        if ko:
            out[e.canonical] = ko
    return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    return {e.canonical: e.aliases for e in entity_table()}


def korean_name(canonical: str) -> str:
    """The Korean name of an entity (DeepSeek → 딥시크); chips keep their model name (H100, not 에이치100)."""
    if kind_of(canonical) == "chip":
        return canonical
    return _korean_names().get(canonical, canonical)


def outlet_name(source: str) -> str:
    """A reader's name for an outlet: ``News1 Korea``, ``CNN``, ``The New York Times``; any other outlet name
    (a future ``outlet`` column, a replayed site) is shown as it is."""
    pub = SOURCES.get(source)
    if pub is None:
        return source
    return pub.title.split(" (")[0]


def month_day_year(d: date | datetime, lang: str = "en") -> str:
    """``27 Jan 2025`` / ``2025년 1월 27일``."""
    return f"{d.year}년 {d.month}월 {d.day}일" if lang == "ko" else f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def event_words(event: str | None, lang: str = "en") -> str:
    """A claim's event in words: ``2025-01-27 intraday`` → ``27 Jan 2025, intraday``; ``~2025-03-01`` →
    ``around 1 Mar 2025``; ``2024`` → ``2024``; ``2025-Q1`` kept as is."""
    if not event:
        return ""
    text = event.strip()
    around = text.startswith("~")
    text = text.lstrip("~")
    head, _, rest = text.partition(" ")
    words = head
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", head)
    if m:
        words = month_day_year(date(int(m[1]), int(m[2]), int(m[3])), lang)
    elif re.fullmatch(r"(\d{4})-(\d{2})", head):
        y, mo = head.split("-")
        words = f"{y}년 {int(mo)}월" if lang == "ko" else f"{EN_MONTHS[int(mo) - 1]} {y}"
    elif re.fullmatch(r"\d{4}", head) and lang == "ko":
        words = f"{head}년"
    if around:
        words = f"{words}경" if lang == "ko" else f"around {words}"
    for part in rest.split():
        session = SESSIONS.get(part)
        words += f", {session[1] if lang == 'ko' else session[0]}" if session else f", {part.replace('_', ' ')}"
    return words


@dataclass(frozen=True)
class Title:
    """A claim's title in the language most of its reports are in, and the other language's beside it."""

    main: str
    other: str
    lang: str  # "en" | "ko": the language of ``main``


CHIP_COUNT_KINDS = {"as orders": ("ordered", "주문"), "as approvals": ("approved", "승인"),
                    "in inventory": ("in inventory", "재고"), "as shipments": ("shipped", "출하")}
SEGMENT_KO = {"on GPUs": "GPU", "on servers": "서버", "on operations": "운영", "on data centers": "데이터센터",
              "in data center": "데이터센터", "in gaming": "게임", "in China": "중국", "as guidance": "전망치",
              "as estimate": "시장 예상치", "on imports": "수입품", "as target": "목표", "as demand": "요구안",
              FORTUNE_SCOPE: "재산", OPERATING_COST_SCOPE: "운영비", "in AI chips": "AI 칩",
              "as gross margin": "매출총이익률", "as operating margin": "영업이익률", "as net margin": "순이익률",
              "of operating profit": "영업이익", "of net income": "순이익", "as lost sales": "손실 매출",
              "as prison term": "징역"}


def _parts(key: str) -> dict[str, str | None]:
    bits = key.split("|")
    subject, metric, chip, _dimension = (bits + ["", "", "", ""])[:4]
    scope = next((b for b in bits[4:] if not b.startswith("@")), None)
    event = next((b[1:] for b in bits[4:] if b.startswith("@")), None)
    return {"subject": subject if subject not in ("", "?") else None, "metric": metric,
            "chip": chip if chip not in ("", "-") else None, "scope": scope, "event": event}


def claim_words(key: str, subject: str | None = None, metric: str | None = None, chip: str | None = None,
                scope: str | None = None, event: str | None = None) -> tuple[str, str]:
    """(English, Korean) title of a claim: ``DeepSeek-V3 training cost, as reported`` /
    ``딥시크 V3 훈련 비용 (보도된 수치)``; columns given override what the key says."""
    p = _parts(key)
    subject = subject or p["subject"]
    metric = metric or p["metric"] or "other"
    chip = chip if chip not in (None, "", "-") else p["chip"]
    scope = scope or p["scope"]
    event = event or p["event"]
    versus = segment = None
    if scope and scope.startswith("vs "):
        versus, scope = scope[3:], None
    elif is_segment(scope):  # a segment (extract.figures.SEGMENTS)
        segment, scope = scope, None
    who_en = scope or subject or "Unnamed subject"
    who_ko = korean_name(scope) if scope else (korean_name(subject) if subject else "주체 미상")
    m_en, m_ko = METRIC_NAMES.get(metric, (metric.replace("_", " "), metric.replace("_", " ")))
    if metric == "percent_change" and segment == "of revenue":
        m_en, m_ko, segment = "revenue change", "매출 증감률", None
    elif metric == "percent_change" and kind_of(scope or subject) != "index":
        m_en, m_ko = "share price change", "주가 등락률"
    if metric == "other" and segment == FORTUNE_SCOPE:
        m_en, m_ko, segment = "fortune", "재산", None
    if metric == "other" and segment == OPERATING_COST_SCOPE:
        m_en, m_ko, segment = "operating cost", "운영비", None
    if metric == "revenue" and segment == "as lost sales":
        m_en, m_ko, segment = "sales lost to curbs", "규제로 인한 매출 손실", None
    if metric == "chip_count" and segment in CHIP_COUNT_KINDS:
        word_en, word_ko = CHIP_COUNT_KINDS[segment]
        m_en = f"{chip} chips {word_en}" if chip else f"chips {word_en}"
        m_ko = f"{korean_name(chip)} 칩 {word_ko} 수" if chip else f"칩 {word_ko} 수"
        segment = None
    elif chip and metric == "chip_count":
        # a model's chips were used to train it; a company's are what it holds
        m_en, m_ko = f"{chip} chips used" if scope else f"{chip} chips", f"{korean_name(chip)} 칩 수"
    elif chip:
        m_en, m_ko = f"{chip} {m_en}", f"{korean_name(chip)} {m_ko}"
    en = f"{who_en} {m_en}"
    ko = f"{who_ko} {m_ko}"
    if segment:
        en += f" {segment}"
        ko = f"{who_ko} {SEGMENT_KO.get(segment, segment)} {m_ko}"
    if versus:
        en += f" vs {versus}"
        ko += f" ({korean_name(versus)} 대비)"
    if event:
        en += f", {event_words(event, 'en')}"
        ko += f", {event_words(event, 'ko')}"
    return f"{en}, as reported", f"{ko} (보도된 수치)"


def claim_title(key: str, surfaces: list[str], **columns: str | None) -> Title:
    """The claim's title in the language most of its reports (``surfaces``, as written) are in."""
    en, ko = claim_words(key, **columns)
    korean = sum(1 for s in surfaces if s and HANGUL.search(s))
    if korean * 2 > len(surfaces):
        return Title(ko, en, "ko")
    return Title(en, ko, "en")


def search_words(key: str, subject: str | None = None, metric: str | None = None, chip: str | None = None,
                 scope: str | None = None) -> set[str]:
    """Every lower-cased word a person may type to find a claim: its names in both languages, the aliases of
    its subject, model and chip, and its metric's synonyms."""
    p = _parts(key)
    subject = subject or p["subject"]
    metric = metric or p["metric"] or ""
    chip = chip if chip not in (None, "", "-") else p["chip"]
    scope = scope or p["scope"]
    names: list[str] = list(claim_words(key, subject, metric, chip, scope))
    for entity in (subject, chip, scope.removeprefix("vs ") if scope else None):
        if entity:
            names.append(entity)
            names.extend(_aliases().get(entity, ()))
    names.extend(METRIC_NAMES.get(metric, ()))
    names.extend(METRIC_SYNONYMS.get(metric, ()))
    names.append(metric.replace("_", " "))
    words: set[str] = set()
    for name in names:
        low = name.lower()
        words.add(low)
        words.update(w for w in re.split(r"[\s,()|]+", low) if w)
        words.update(w for w in re.split(r"[\s,()|\-]+", low) if w)
    return words


def matches(query: str, words: set[str]) -> bool:
    """Whether every word of ``query`` is (the start of) one of ``words`` ("deepseek cost" → DeepSeek's
    training cost; "훈련 비용"; "h800"); Korean words also match inside a word (비용 in 훈련비용)."""
    terms = [t for t in re.split(r"[\s,]+", query.lower().strip()) if t]
    if not terms:
        return False
    phrase = query.lower().strip()
    if phrase in words:
        return True
    for term in terms:
        hangul = bool(HANGUL.search(term))
        if not any(w.startswith(term) or (hangul and term in w) for w in words):
            return False
    return True
