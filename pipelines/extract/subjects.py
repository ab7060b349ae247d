"""Binding a figure to its subject: the entity the figure is about.

Candidates are the org, agency, country, person and model mentions of the sentence (a model stands for
its owner: "R1" → DeepSeek), except news outlets, chips, mentions inside a figure, a maker named as a
chip's modifier ("엔비디아의 최신 칩인 H100", "Nvidia H800 chips") and a country named as an org's
modifier ("중국의 AI 스타트업 딥시크", "China's DeepSeek"). Each candidate scores:

- grammatical role: Korean topic 은/는 +1.2, subject 이/가 +1.0, possessive 의 +0.5; English possessive
  "'s" +0.8, followed by a verb ("DeepSeek spent") +1.0, passive agent "by X" +0.5;
- when the mention stands before the figure +1.5 in Korean (subject-object-verb order) and +1.0 in
  English, minus distance/40 (characters);
- country -0.4, person -0.3.

The best candidate wins. With none, the caller falls back to the previous sentence of the same paragraph.
Ratios ("20분의 1", "90 times") take the sentence topic (the first topic-marked, else the first, candidate).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .chips import CHIP_WORDS
from .entities import Mention

__all__ = ["eligible_mentions", "bind_subject", "sentence_topic"]

_SUBJECT_KINDS = frozenset({"org", "agency", "country", "person", "model"})
_EN_VERB = re.compile(
    r"\s(?:has|had|have|is|was|were|said|says|spent|spends|used|uses|bought|buys|lost|loses|shed|sheds|"
    r"reported|reports|paid|pays|plans|planned|will|would|could|may|might|trained|trains|took|takes|sold|"
    r"sells|shipped|ships|estimated|estimates|expects|expected|disclosed|announced|claimed|claims|earned|"
    r"made|makes|posted|recorded|booked|generated|received|raised|invested|owns|acquired|ordered|smuggled|"
    r"faces|faced|needs|needed|built|builds|developed|released|charged|agreed|allowed|approved|fined|also|"
    r"closed|fell|rose|dropped|gained|plunged|tumbled|wrote|saw|put|puts|now|only|itself|itself,)\b"
)
# a chip word followed by one of these is a modifier itself ("Samsung's chip profit"): no chip follows
_NOT_HEAD = re.compile(
    r"(?:chips?|GPUs?|칩|반도체)\s?(?:profit|revenue|sales|business|division|unit|exports?|market|shares|stock|"
    r"earnings|purchases|spending|inventory|imports|사업|매출|영업이익|부문|실적|수출|수입|구매|구입|투자|비용|재고|확보)"
)
_KO_ROLE = {"은": 1.2, "는": 1.2, "이": 1.0, "가": 1.0, "의": 0.5, "에서": 0.4, "도": 0.6}
_KO_PAREN = re.compile(r"\([^)]{0,30}\)")


def _canonical(m: Mention) -> str:
    return m.entity.owner or m.entity.canonical


def _ko_marker(text: str, end: int) -> str:
    """The particle after a Korean mention ("은", "이", "의"...), skipping a parenthesis."""
    pm = _KO_PAREN.match(text, end)
    if pm:
        end = pm.end()
    nxt = text[end : end + 2]
    for marker in ("에서", "은", "는", "이", "가", "의", "와", "과", "도", "에", "을", "를"):
        if nxt.startswith(marker):
            if marker == "이" and len(nxt) > 1 and "\uac00" <= nxt[1] <= "\ud7a3":
                return ""
            return marker
    return ""


def _is_modifier(text: str, m: Mention, mentions: list[Mention], language: str) -> bool:
    marker = _ko_marker(text, m.end) if language == "ko" else ""
    if marker in ("은", "는", "이", "가"):
        return False
    tail_start = m.end
    tail = text[tail_start : tail_start + 14]
    clause = re.split(r"[,.;:]|\s(?:and|said|says)\s|[은는이가]\s", tail)[0]
    if m.entity.kind in ("org", "agency") and language == "en" and _EN_VERB.match(text, m.end):
        return False
    if m.entity.kind == "org" and not _NOT_HEAD.search(clause):
        if CHIP_WORDS.search(clause) and re.match(r"^(?:'s|’s|의)?\s?[^\s]{0,8}\s?[^\s]{0,8}", clause):
            first = CHIP_WORDS.search(clause)
            if first and first.start() <= 10:
                return True
        if any(c.entity.kind == "chip" and tail_start <= c.start <= tail_start + 12 for c in mentions):
            return True
    if m.entity.kind == "country":
        window = text[m.end : m.end + 22]
        for other in mentions:
            if other is m or other.entity.kind not in ("org", "agency", "model"):
                continue
            gap = other.start - m.end
            if 0 <= gap <= 20 and not re.search(r"[,.;]", window[:gap]):
                return True
    return False


def eligible_mentions(
    text: str, mentions: list[Mention], language: str, figure_spans: Iterable[tuple[int, int]] = ()
) -> list[Mention]:
    """The mentions that may be a subject in this sentence."""
    spans = list(figure_spans)
    out = []
    for m in mentions:
        if m.entity.kind not in _SUBJECT_KINDS or m.entity.role == "outlet":
            continue
        if any(s < m.end and m.start < e for s, e in spans):
            continue
        if _is_modifier(text, m, mentions, language):
            continue
        out.append(m)
    return out


def _role_score(text: str, m: Mention, language: str) -> float:
    if language == "ko":
        return _KO_ROLE.get(_ko_marker(text, m.end), 0.0)
    surface = text[m.start : m.end]
    score = 0.0
    if surface.endswith(("'s", "’s")):
        score += 0.8
    if _EN_VERB.match(text, m.end):
        score += 1.0
    if text[max(0, m.start - 3) : m.start] == "by ":
        score += 0.5
    return score


def bind_subject(text: str, candidates: list[Mention], span: tuple[int, int], language: str) -> str | None:
    """The canonical subject of the figure at ``span`` among eligible ``candidates`` (or ``None``)."""
    best: tuple[float, str] | None = None
    for m in candidates:
        score = _role_score(text, m, language)
        if m.end <= span[0]:
            score += 1.5 if language == "ko" else 1.0
            d = span[0] - m.end
        else:
            d = max(0, m.start - span[1])
        score -= d / 40.0
        if m.entity.kind == "country":
            score -= 0.4
        elif m.entity.kind == "person":
            score -= 0.3
        if best is None or score > best[0]:
            best = (score, _canonical(m))
    return best[1] if best else None


def sentence_topic(text: str, candidates: list[Mention], language: str) -> str | None:
    """The sentence's topic: the first topic-marked candidate (Korean), else the first candidate."""
    if not candidates:
        return None
    if language == "ko":
        for m in candidates:
            if _ko_marker(text, m.end) in ("은", "는"):
                return _canonical(m)
    return _canonical(candidates[0])
