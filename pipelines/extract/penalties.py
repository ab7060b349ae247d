"""The parts of a penalty: a criminal fine, a forfeiture and an instalment are other quantities than the total paid.

"Cadence agreed to pay more than $140 million" is the settlement's total; "a criminal fine of about $118 million and
forfeiture of roughly $22 million" and "형사 벌금 약 1억1800만 달러와 몰수금 약 2200만 달러" are its two parts, and
"quarterly installments of $15 million" a part paid at a time. Each part is the same metric (``fine``) with a scope,
so the tracker compares a part only with the same part. A criminal fine is a part only when its sentence also names
another part (a sentence naming only "a $140 million criminal fine" gives the penalty as a whole).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Figure

__all__ = ["CRIMINAL_FINE_SCOPE", "FORFEITURE_SCOPE", "INSTALLMENT_SCOPE", "penalty_part"]

CRIMINAL_FINE_SCOPE = "as criminal fine"
FORFEITURE_SCOPE = "as forfeiture"
INSTALLMENT_SCOPE = "per installment"

# the part's noun before the amount ("forfeiture of roughly", "몰수금 약") or after it ("$22 million in forfeiture")
_PARTS_BEFORE = (
    (FORFEITURE_SCOPE, re.compile(r"\bforfeit(?:ure|ed|s)?\b[^$\d]{0,20}$|몰수(?:금|액)?[^\d]{0,8}$", re.I)),
    (INSTALLMENT_SCOPE, re.compile(r"\b(?:install?ments?|payments?)\s+of\s+(?:about\s+|roughly\s+)?$|"
                                   r"(?:분할|분기마다|분기별로?)\s?(?:납부액?|지급액?)?\s?(?:약\s?)?$", re.I)),
    (CRIMINAL_FINE_SCOPE, re.compile(r"\bcriminal\s+(?:fine|penalty)\s+of\s+(?:about\s+|roughly\s+|nearly\s+)?$|"
                                     r"형사\s?벌금(?:은|으로|이)?\s?(?:약\s?)?$", re.I)),
)
_PARTS_AFTER = (
    (FORFEITURE_SCOPE, re.compile(r"\s+(?:in|of)\s+(?:criminal\s+)?forfeiture\b", re.I)),
    (CRIMINAL_FINE_SCOPE, re.compile(r"\s+(?:in\s+)?criminal\s+(?:fines?|penalt(?:y|ies))\b", re.I)),
)
# another part named in the sentence: then a criminal fine is one part of the whole
_OTHER_PART = re.compile(r"\bforfeit|\brestitution\b|\bcivil\s+penalt|몰수|배상금|민사\s?제재금", re.I)


def penalty_part(st: str, fig: Figure) -> Figure:
    """The fine with the scope of the part of a penalty its words name (``as forfeiture``, ``per installment``,
    ``as criminal fine`` beside another part); the whole penalty, or a fine already scoped, as it is."""
    if fig.metric != "fine" or fig.scope:
        return fig
    before = st[max(0, fig.span_start - 40):fig.span_start]
    after = st[fig.span_end:fig.span_end + 30]
    found = next((scope for scope, rx in _PARTS_BEFORE if rx.search(before)), None)
    found = found or next((scope for scope, rx in _PARTS_AFTER if rx.match(after)), None)
    if found == CRIMINAL_FINE_SCOPE and not _OTHER_PART.search(st):
        return fig
    return replace(fig, scope=found) if found else fig
