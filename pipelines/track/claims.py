"""Claims: which facts are reports of the same quantity.

A claim is (subject, metric, chip, dimension[, scope]): facts about the same entity, measuring the same
thing, about the same chip (or none), in comparable units. Amounts in any currency share the ``money``
dimension and are compared in US dollars; other units (chips, companies, percent, years, ...) are their own
dimension. ``claim_key`` is built from canonical names only, so it is stable across runs.

**Scope.** When the sentence of a figure names a model of the subject (from the alias table: an entity of
kind ``model`` whose ``owner`` is the subject, e.g. DeepSeek-V3 and DeepSeek-R1 for DeepSeek), the claim is
narrowed to that model, so V3's training cost and R1's are not merged. With several such models in the
sentence, the one written nearest to the figure wins ("spent $5.6 million to train V3, the model on which
R1 is built" → V3). A sentence naming none leaves the claim unscoped; unscoped reports are a claim of their
own and are not guessed into a scoped one.
"""

from __future__ import annotations

from pipelines.extract.entities import find_mentions
from pipelines.track.fx import CURRENCIES

MONEY = "money"


def dimension(unit: str) -> str:
    return MONEY if unit in CURRENCIES else unit


def claim_unit(unit: str) -> str:
    """The unit a claim's values are expressed in: USD for money, else the unit itself."""
    return "USD" if unit in CURRENCIES else unit


def claim_key(subject: str | None, metric: str, chip: str | None, unit: str, scope: str | None = None) -> str:
    """``subject|metric|chip|dimension`` (``|scope`` when scoped) with ``?`` for an unknown subject and ``-``
    for no chip."""
    key = f"{subject or '?'}|{metric}|{chip or '-'}|{dimension(unit)}"
    return f"{key}|{scope}" if scope else key


def scope_for(subject: str | None, sentence: str, surface: str) -> str | None:
    """The model of ``subject`` that the sentence ties the figure to, if it names one (see module doc)."""
    if not subject or not sentence:
        return None
    models = [m for m in find_mentions(sentence) if m.entity.kind == "model" and m.entity.owner == subject]
    if not models:
        return None
    at = sentence.find(surface)
    if at < 0:
        at = 0
    end = at + len(surface)

    def distance(m) -> int:
        return max(m.start - end, at - m.end, 0)

    return min(models, key=lambda m: (distance(m), m.start)).canonical
