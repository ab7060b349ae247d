"""A charge warned of is a forecast, the charge booked is the result: two quantities (scope ``as guidance`` or none).

"Nvidia said it expects to take a charge of about $5.5 billion" and "엔비디아는 55억 달러의 비용을 반영할 것이라고
밝혔다" warn of a charge; "Nvidia booked a $4.5 billion charge" and "45억 달러를 반영했다" report the one booked.
The words that govern the figure decide: the last cue before it in its clause (after any earlier amount), else
the first after it ("less than the $5.5 billion it had warned of", "55억 달러로 예상했었다"). A charge named again
with no such words ("the $5.5 billion charge") is the warned one when the article warned of that amount."""

from __future__ import annotations

import re
from dataclasses import replace

from .governing import words_around
from .metrics import GUIDANCE_SCOPE
from .model import Figure

# English: the last of these before the figure in its clause governs it ("expects to take a charge of", "said it
# would cost it", "warned of a", "disclosing up to"; "took a", "booked a")
_WARNED_EN = (r"\b(?:expects?|expected|expecting|anticipates?|anticipated|forecasts?|projected|projects|"
              r"warn(?:s|ed|ing)?|flag(?:s|ged)?|will|would|could|might|(?-i:may)|plans?\s+to|"
              r"set\s+to|estimated|initially\s+put|first\s+put)\b")
_BOOKED_EN = (r"\b(?:booked|books|recorded|records|took|reported|reports|incurred|posted|included|includes|absorbed|"
              r"wrote\s+(?:down|off)|writing\s+down|hit\s+by)\b")
# Korean: the verb after the figure governs it ("55억 달러의 비용을 반영한다고 밝혔다", "반영했다"); before it, only
# a word that modifies it ("예고한 55억 달러", "반영할 비용 55억 달러")
_WARNED_KO = (r"떠안게|반영할|반영하겠|반영될|반영키로|반영하기로|반영하게|반영한다|처리할|처리하겠|처리하기로|"
              r"예고|예상|전망|추산|생길|발생할|발생한다|이를\s?것|입을\s?것|볼\s?수|볼\s?것|계획|경고|예정")
_BOOKED_KO = r"반영했|반영한\s?(?:것으로|결과)|반영된|기록했|계상했|인식했|떠안았|발생했|처리했"
# ("45억 달러로 예고보다 적었다": compared with the warning, the charge booked)
_BELOW_WARNING_KO = r"(?:예고|예상|전망)(?:치|액|했던\s?것|한\s?것)?\s?(?:보다|에\s?비해|를\s?밑|에\s?못)"
_CUE_BEFORE_EN = re.compile(rf"(?P<warned>{_WARNED_EN})|(?P<booked>{_BOOKED_EN})", re.I)
_CUE_BEFORE_KO = re.compile(r"(?P<warned>(?:예고|예상|전망|추산|경고)(?:한|했던|된)\s?(?:\S+\s?){0,2}$|"
                            r"(?:반영|처리)할\s?(?:\S+\s?){0,2}$)|(?P<booked>(?:반영|처리|기록)(?:한|된)\s?(?:\S+\s?){0,2}$)")
# after the figure: "… it had warned of", "… the company first expected" (not "smaller than expected", "and was
# expected to wipe $8 billion off sales")
_CUE_AFTER_EN = re.compile(
    r"(?P<warned>\b(?:it|they|the\s+company|the\s+chipmaker|[A-Z][A-Za-z]+)\s+(?:had\s+)?(?:first\s+|initially\s+|"
    r"originally\s+|previously\s+)?(?:warned|expected|forecast|flagged|projected|anticipated|predicted|estimated)\b)")
_CUE_AFTER_KO = re.compile(rf"(?P<booked>{_BELOW_WARNING_KO}|{_BOOKED_KO})|(?P<warned>{_WARNED_KO})")
# a word that modifies the next amount is that amount's ("45억 달러로 지난달 예고했던 55억 달러보다")
_MODIFIER_END = re.compile(r"\S*(?:했던|한|된|할)\s?$")


def _cue(st: str, fig: Figure) -> str | None:
    """"warned", "booked" or None: what the words governing the figure say."""
    before, after = words_around(st, (fig.span_start, fig.span_end))
    korean = any("가" <= ch <= "힣" for ch in st)
    if korean:
        hit = _CUE_BEFORE_KO.search(before[-16:])
        if hit:
            return "warned" if hit.group("warned") else "booked"
        hit = _CUE_AFTER_KO.search(_MODIFIER_END.sub("", after))
        return None if hit is None else "warned" if hit.group("warned") else "booked"
    hits = list(_CUE_BEFORE_EN.finditer(before))
    if hits:
        return "warned" if hits[-1].group("warned") else "booked"
    return "warned" if _CUE_AFTER_EN.search(after) else None


def warned_charge(st: str, fig: Figure) -> Figure:
    """The charge with the scope ``as guidance`` when its sentence warns of it rather than reporting it booked."""
    if fig.metric != "charge" or fig.scope:
        return fig
    return replace(fig, scope=GUIDANCE_SCOPE) if _cue(st, fig) == "warned" else fig


def _same_amount(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.01 * max(abs(a), abs(b))


def warned_recalled(figs: list[Figure]) -> list[Figure]:
    """A charge of the article named again without words that warn of it or book it ("the $5.5 billion charge")
    is the warned one when the article warned of that amount for the same chip (or the same company), and none
    it reports booked has that amount."""
    warned = [f for f in figs if f.metric == "charge" and f.scope == GUIDANCE_SCOPE]
    if not warned:
        return figs
    booked = [f for f in figs if f.metric == "charge" and not f.scope and _cue(f.sentence, _local(f)) == "booked"]
    out = []
    for f in figs:
        if f.metric == "charge" and not f.scope and f.linked_to is None and _cue(f.sentence, _local(f)) is None \
                and any(_same_amount(w.value, f.value) and (w.chip or w.subject) == (f.chip or f.subject)
                        for w in warned) \
                and not any(_same_amount(b.value, f.value) for b in booked):
            f = replace(f, scope=GUIDANCE_SCOPE)
        out.append(f)
    return out


def _local(f: Figure) -> Figure:
    """The figure with its span in its own sentence (article figures carry article offsets)."""
    return replace(f, span_start=f.span_start - f.sentence_start, span_end=f.span_end - f.sentence_start)
