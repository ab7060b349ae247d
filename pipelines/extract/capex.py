"""A company's capital spending planned is another quantity than the spending done: scope ``as guidance``.

Capital spending is metric ``investment`` with no target (``in OpenAI`` is an investment in another company; see
``deals.investment_targets``). "Meta expects $60 billion to $65 billion", "Microsoft has said it will spend about
$80 billion", "Alphabet lifted its 2025 forecast to between $91bn and $93bn, from $85bn", "올해 설비투자를 약
2000억 달러로 제시했다", "1750억~1850억 달러를 투자하겠다고 밝혔다" state plans; "Amazon spent $26.3 billion in
the fourth quarter" and "지난해 설비투자 850억 달러" the spending done. Analysts' figures are ``as estimate``
("analysts expect Microsoft to spend about $145 billion"). The tracker keys capital spending by the period it is
for (``track.claims``), so a plan raised later stays one claim and the year's actual spending another."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .event_time import has_date
from .governing import words_around
from .metrics import ESTIMATE_SCOPE, GUIDANCE_SCOPE
from .model import Figure
from .sentences import clause_around_span

# words before the figure, after any earlier amount, that make it a plan
_PLAN_BEFORE = re.compile(
    r"\b(?:expects?|expected|expecting|plans?|planned|planning|will|would|forecasts?|projects?|projected|"
    r"guid(?:ed|es|ance)|outlook|sees|aims?|intends?|set\s+to|on\s+track\s+to|budget(?:ed|s)?|implying|"
    r"lifted|raised|raises|cut|trimmed|lowered)\b|"
    r"(?:계획|전망|예상|가이던스|목표|전망치)(?:은|는|이|가|을|를|으로|로)?\s?(?:기존|당초|종전)?\s?(?:약\s?|최대\s?)?$|"
    # ("7월에 제시한 850억 달러에서 다시 높였다": the plan given then)
    r"(?:제시|예고|발표|공개|내놓)(?:한|했던|은)\s?(?:약\s?|최대\s?)?$", re.I)
# words after it that make it a plan: "를 투자하겠다고", "로 제시하면서", "를 넘을 것으로 본다"
_PLAN_AFTER = re.compile(r"^[^.;]{0,30}?(?:계획|전망|예상|제시|예고|목표|겠|(?:할|될|을)\s?(?:것|계획|방침))")
# "lifted its 2025 forecast to between $91bn and $93bn, from $85bn", "계획을 기존 750억 달러에서 850억 달러로": the
# plan it revised (the value before it, or after it in Korean)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+|its\s+|the\s+)?(?:(?:earlier|previous|prior)\s+)?"
                          r"(?:(?:forecast|plan|guidance|estimate)\s+of\s+)?$|"
                          r"(?:^|\s|달러|원)(?:\([^()]{0,30}\))?에서\s?$", re.I)
# "far more than the roughly $58 billion analysts had penciled in": analysts' figure
_ANALYSTS_AFTER = re.compile(r"^\s+(?:that\s+|which\s+)?(?:analysts?|Wall\s+Street)\s+(?:had\s+)?(?:expected|"
                             r"forecast|estimated|penciled|pencilled|projected|predicted)", re.I)
_ANALYSTS = re.compile(r"\banalysts?\b|\bconsensus\b|\bWall\s+Street\b|\bestimates?\b|증권가|애널리스트|컨센서스",
                       re.I)
# "about $200 billion of capital spending in 2026, up from roughly $131 billion last year": the year before's
# spending, not the plan it replaced
_PRIOR_YEAR_AFTER = re.compile(r"\s*(?:(?:it|they)\s+(?:spent|invested)\s+)?(?:last\s+year|in\s+(?:19|20)\d{2}\b|"
                               r"a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year)", re.I)
_SPENT = re.compile(r"\b(?:spent|spending\s+in\s+the|invested|outlays?\s+of)\b|투자했|집행했|썼다|지출했", re.I)


def is_capex(f: Figure) -> bool:
    """Whether the figure is a company's own capital spending (or its plan): an investment with no target."""
    return f.metric == "investment" and f.scope in (None, GUIDANCE_SCOPE, ESTIMATE_SCOPE)


def capex_plans(st: str, figs: list[Figure]) -> list[Figure]:
    """The sentence's capital-spending figures, a plan scoped ``as guidance`` (analysts' ``as estimate``); a
    conversion in parentheses follows its figure later (``figures._conversions_follow``)."""
    out = list(figs)
    for i, f in enumerate(figs):
        if not (is_capex(f) and f.scope is None) or f.linked_to is not None:
            continue
        before, after = words_around(st, (f.span_start, f.span_end))
        earlier_plan = i > 0 and out[i - 1].scope == GUIDANCE_SCOPE and is_capex(out[i - 1])
        if _ANALYSTS_AFTER.match(after):
            out[i] = replace(f, scope=ESTIMATE_SCOPE)
            continue
        if _PLAN_BEFORE.search(before) or (_PLAN_AFTER.search(after) and not _SPENT.search(after)) or (
                earlier_plan and _FROM_BEFORE.search(before) and not _PRIOR_YEAR_AFTER.match(after)):
            lo, _hi = clause_around_span(st, (f.span_start, f.span_end))
            analysts = _ANALYSTS.search(st, max(lo, f.span_start - 70), f.span_start)
            out[i] = replace(f, scope=ESTIMATE_SCOPE if analysts else GUIDANCE_SCOPE)
    for i in range(len(out) - 2, -1, -1):
        # "알파벳은 750억 달러, 메타는 600억~650억 달러를 제시했고": a list shares the verb after its last item
        f, nxt = out[i], out[i + 1]
        if is_capex(f) and f.scope is None and f.linked_to is None and is_capex(nxt) and nxt.scope and \
                _LIST_BETWEEN.fullmatch(st, f.span_end, nxt.span_start):
            out[i] = replace(f, scope=nxt.scope)
    return out


_LIST_BETWEEN = re.compile(r"(?:\s?\([^()]{0,30}\))?\s?,\s?(?:and\s+)?[^\s,.]{1,20}[은는]\s?")
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), 1)}
# "in the fiscal year through June", "its fiscal year ending in June", "6월 끝나는 회계연도"
_FISCAL_YEAR_TO = re.compile(
    r"\bfiscal\s+year\s+(?:through|to|ending(?:\s+in)?|that\s+ends\s+in|which\s+ends\s+in)\s+(?P<en>[A-Z][a-z]+)|"
    r"(?P<ko>\d{1,2})월(?:에|말에?|로)?\s?(?:끝나는|마감하는|종료되는)\s?회계연도", re.I)
_CALENDAR_YEAR = re.compile(r"\bcalendar\s+year\b|역년", re.I)
_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:\s.*)?")


def _fiscal_year_of(day: date, fy_end: int | None) -> str:
    """The fiscal year ``day`` falls in: the calendar year ("2025"), or its months for a company whose fiscal year
    ends in month ``fy_end`` ("2024-07/2025-06")."""
    if not fy_end or fy_end == 12:
        return str(day.year)
    last_year = day.year if day.month <= fy_end else day.year + 1
    first_year, first_month = (last_year - 1, fy_end + 1)
    return f"{first_year:04d}-{first_month:02d}/{last_year:04d}-{fy_end:02d}"


def capex_period(st: str, lang: str, fig: Figure, label: str | None, published: date | None,
                 fy_end: int | None) -> str | None:
    """The period a capital-spending figure is for. A plan is for a year: the fiscal year the sentence names by
    its last month ("in the fiscal year through June"), else the year of the day or month its sentence dates
    it by (the day a plan was given is not what it is for: "from $85bn in July" is the 2025 plan), else, undated,
    the year it was published in. Spending done keeps the period its sentence states."""
    if not is_capex(fig):
        return label
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    named = _FISCAL_YEAR_TO.search(st, lo, hi)
    if named and published is not None:
        month = int(named["ko"]) if named["ko"] else _MONTHS.get(named["en"].lower())
        if month and 1 <= month <= 12:
            return _fiscal_year_of(published, month)
    if fig.scope not in (GUIDANCE_SCOPE, ESTIMATE_SCOPE):
        return label
    if _CALENDAR_YEAR.search(st, lo, hi):
        fy_end = None  # "analysts expect Microsoft to spend about $145 billion over the calendar year"
    if label and _DAY_OR_MONTH.fullmatch(label) and has_date(st[lo:hi], lang):
        return _fiscal_year_of(date.fromisoformat(label[:7] + "-01"), fy_end)
    if (label is None or _DAY_OR_MONTH.fullmatch(label)) and published is not None:
        return _fiscal_year_of(published, fy_end)  # (a day carried from another clause: the plan is this year's)
    return label
