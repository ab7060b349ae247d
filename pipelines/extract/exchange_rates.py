"""The won's exchange rate: a price of a session, and its change a quantity of its own.

"원·달러 환율은 전 거래일보다 33.7원 오른 1467.8원에 주간 거래를 마쳤다" and "the won weakened past 1,440 per dollar"
state a rate (metric ``share_price``, scope ``per US dollar``: a market price dated by its session, like a stock's)
and its move in won (metric ``other``, scope ``as exchange rate change``). Neither is a deal or a cost, which is what
an amount in won otherwise reads as. Only small amounts (a rate is a few thousand won at most) in a sentence that
names the rate are read so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Figure, negated

__all__ = ["EXCHANGE_RATE_SCOPE", "RATE_CHANGE_SCOPE", "exchange_rate"]

EXCHANGE_RATE_SCOPE = "per US dollar"
RATE_CHANGE_SCOPE = "as exchange rate change"
_RATE_WORDS = re.compile(r"환율|원[·ㆍ・]?\s?달러|달러당|\bexchange\s+rate\b|\bper\s+(?:US\s+)?dollar\b|\bthe\s+won\b|"
                         r"\bwon\s+(?:weakened|strengthened|fell|rose|slid|slumped|traded|closed|ended)\b", re.I)
_MAX_RATE = 5000  # won per dollar: no rate of these years comes near
# a move: "33.7원 오른", "30원 넘게 올라", "전 거래일보다 11.1원", "up 3.3 won", "weakened by 3.3 won"
_KO_CHANGE_AFTER = re.compile(r"\s?(?:넘게|이상|가량|정도|가까이)?\s?"
                              r"(?:오른|내린|올라|올랐|내려|내렸|떨어|하락|상승|급등|급락|뛰)")
_KO_CHANGE_BEFORE = re.compile(r"(?:보다|대비|比)\s?$")
_EN_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|of)\s+(?:about\s+|nearly\s+|some\s+)?$", re.I)


def exchange_rate(st: str, lang: str, fig: Figure) -> Figure:
    """A small amount in won in a sentence about the exchange rate: the rate, or its change."""
    if fig.unit != "KRW" or fig.value is None or abs(fig.value) >= _MAX_RATE or not _RATE_WORDS.search(st):
        return fig
    before = st[max(0, fig.span_start - 16):fig.span_start]
    if lang == "ko":
        change = bool(_KO_CHANGE_AFTER.match(st, fig.span_end) or _KO_CHANGE_BEFORE.search(before))
    else:
        change = bool(_EN_CHANGE_BEFORE.search(before))
    if change:
        return replace(fig, metric="other", scope=RATE_CHANGE_SCOPE, chip=None)
    level = negated(fig) if fig.value < 0 else fig  # ("1467.8원에 … 마쳤다" after a rise: a level, unsigned)
    return replace(level, metric="share_price", scope=EXCHANGE_RATE_SCOPE, chip=None)
