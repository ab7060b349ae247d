"""Claims: which facts are reports of the same quantity.

A claim is (subject, metric, chip, dimension): facts about the same entity, measuring the same thing, about
the same chip (or none), in comparable units. Amounts in any currency share the ``money`` dimension and are
compared in US dollars; other units (chips, companies, percent, years, ...) are their own dimension.
``claim_key`` is built from canonical names only, so it is stable across runs.
"""

from __future__ import annotations

from pipelines.track.fx import CURRENCIES

MONEY = "money"


def dimension(unit: str) -> str:
    return MONEY if unit in CURRENCIES else unit


def claim_unit(unit: str) -> str:
    """The unit a claim's values are expressed in: USD for money, else the unit itself."""
    return "USD" if unit in CURRENCIES else unit


def claim_key(subject: str | None, metric: str, chip: str | None, unit: str) -> str:
    """``subject|metric|chip|dimension`` with ``?`` for an unknown subject and ``-`` for no chip."""
    return f"{subject or '?'}|{metric}|{chip or '-'}|{dimension(unit)}"
