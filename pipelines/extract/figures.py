"""Assembly: sentences → candidates (language grammar) → bound figures (metric, subject, chip, source).

Per sentence: find exclusions and entity mentions, run the Korean or English grammar, then bind every
candidate. Context carried from one sentence to the next:
- the subject: when no candidate subject is in the sentence, the previous sentence's subject (the
  subject of its first figure, else its topic) within the same paragraph (English: only when the
  sentence refers back with "it", "the company"...), or across paragraphs the document's last subject
  when the sentence refers back;
- the source: when the sentence cites none, the previous sentence's own citation, within the same
  paragraph (a new paragraph usually starts a new attribution).
A currency amount in parentheses right after another currency amount ("557만6000달러(약 78억8000만원)")
is a conversion: ``linked_to`` points at the main figure, whose metric, subject and chip it copies.
Ratios (times, fraction: "20분의 1", "90배", "one-tenth") are their own metric, ``ratio``, about the
sentence topic: a ratio is never a cost.

Where the subject comes from is recorded in ``Figure.subject_via``. When the sentence binds none:
- ``previous_sentence``: the previous sentence's subject within the same paragraph (Korean always;
  English when the sentence refers back: "it", "the company", or a definite noun phrase of a measured
  thing, "the number of chips", "the cost", "the stock");
- ``article``: across paragraphs, an anaphor reaches the document's most mentioned actor;
- ``headline``: a sentence that refers back (or, in Korean, any sentence whose subject is not introduced
  as new, "한 판매상은") takes the headline's subject, else the document's most mentioned actor
  (``article``).
A sentence introducing a new, unnamed party ("A seller in Shenzhen", "한 판매상은") inherits nothing.
An agency, government or court cited as the source ("..., the Justice Department said") is never the subject.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from .attribution import attribution_sources, speaker
from .candidate import CURRENCY_UNITS, POWER_UNITS, Candidate, counted_unit, unit_family
from .capex import capex_period, capex_plans, is_capex
from .charges import warned_charge, warned_recalled
from .chips import bind_chip, chip_mentions
from .deals import FIRST_TRANCHE_SCOPE, DealContext, deal_parties, first_tranche, investment_targets, without_term_end
from .entities import (
    ACTOR_KINDS,
    REPORTING_KINDS,
    Mention,
    base_model,
    chip_makers,
    find_mentions,
    fiscal_year_end,
    government_of,
    is_case_party,
    is_private,
    kind_of,
    maker_of,
    market_of,
)
from .event_time import (
    accounts_quarter,
    calendar_quarter,
    change_period,
    current_quarter,
    date_expressions,
    fiscal_year_label,
    has_date,
    last_closed_quarter,
    named_fiscal_year,
    previous_weekday,
    refers_to,
    session_at,
    session_cue,
    session_cues,
    session_day,
)
from .exchange_rates import exchange_rate
from .exclusions import excluded_spans
from .exports import exports
from .funding import funding_and_valuation, net_trades, stakes
from .governing import AMOUNT
from .grammar_en import en_candidates
from .grammar_ko import ko_candidates
from .intervals import interval
from .metrics import (
    ACCOUNTS_METRICS,
    BACKLOG_CHANGE_SCOPE,
    BACKLOG_SCOPE,
    BUYBACK_SCOPE,
    ESTIMATE_SCOPE,
    EXPORT_SCOPES,
    FORTUNE_SCOPE,
    GUIDANCE_SCOPE,
    MARKET_SHARE_SCOPE,
    OPERATING_COST_SCOPE,
    POWER_SCOPE,
    assign_metric,
    cue_hits,
    is_event_metric,
    is_market_share,
    is_model_metric,
    is_net_trade,
    is_segment,
    load_metrics,
    metric_accepts,
    property_cue_starts,
)
from .model import Figure, negated
from .penalties import penalty_part
from .regulations import COUNTRIES_AFTER, rule_terms
from .sentences import clause_around, clause_around_span, split_sentences
from .shares import market_named, market_shares
from .subjects import (
    ANAPHOR,
    KO_CAUSE_OR_OBLIQUE,
    bind_subject,
    eligible_mentions,
    is_yardstick,
    model_scope,
    names_the_maker,
    sentence_topic,
    speaker_employer,
    subject_of,
)
from .together import one_each, recent_companies, two_together

__all__ = ["detect_language", "extract"]

_CONVERSION_GAP = re.compile(r"^\s?[(（]\s?$")
# A sentence opening with a demonstrative refers back: its ratio is about the previous sentence's subject.
_DAY_AFTER = re.compile(r"\b(?:a|one)\s+day\s+after\b", re.I)
# "... $600 billion in market value a day earlier": the figure is of the day before the sentence's day
_DAY_EARLIER = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:a|one)\s+day\s+(?:earlier|before)\b|"
                          r"(?:\s+[\w-]+){0,4}?\s+the\s+(?:previous|prior)\s+day\b", re.I)
# a price a stock moved to: "fell 17% to $118.58", "closed up 8.9% at $128.99"
_PRICE_AFTER_MOVE = re.compile(
    r"\d(?:[\d.]*)\s?(?:%|percent)\s+(?:lower\s+|higher\s+)?(?:on\s+[A-Z][a-z]+\.?(?:\s\d{1,2})?,?\s+)?"
    r"(?:to|at)\s+(?:about\s+|around\s+)?$", re.I)
# what it took to make a model: "trained a frontier model for about $6mn", "built it for less than $6 million"
_KO_TRAINED_WITH = re.compile(r"\s?(?:어치(?:의)?)?\s?(?:[^\s,.]+\s){0,2}?[^\s,.]*(?:으로|로)\s(?:[^\s,.]+\s){0,2}?"
                              r"[^\s,.]*(?:훈련|학습|개발)(?:했|시켰|한|해)")
_TRAINED_FOR = re.compile(r"\b(?:train(?:ed|ing)?|buil[dt]|built|developed|developing)\b[^,.;$]{0,50}?\bfor\s+"
                          r"(?:just\s+|only\s+|a\s+mere\s+)?$", re.I)
_KO_PAST_ADNOMINAL = re.compile(r"[^,.]{0,12}?던\s")
_TODAY_WORDS = frozenset({"이날", "오늘", "금일", "today", "on the day"})
_ANNUAL = re.compile(r"연간|한\s?해|\bannual\b|\bfull[- ]year\b|\bfor\s+the\s+(?:fiscal\s+)?year\b", re.I)
_OPERATING = re.compile(r"\boperat(?:ing|e|es|ion|ions)\b|\brunning\s+(?:costs?|the)\b|운영|운용", re.I)
_NEXT_DAY = re.compile(r"다음\s?날|이튿날|\bthe\s+next\s+day\b|\ba\s+day\s+later\b", re.I)
_KO_FROM_LEVEL = re.compile(r"\s?에서\s")
_FULL_YEAR = re.compile(r"\b(?:full|whole|entire)\s+(?:fiscal\s+|financial\s+)?year\b|\bfull-year\b|"
                        r"\bfiscal\s+year\b(?!\s+(?:19|20)\d{2})|연간|지난\s?회계연도", re.I)
# (a forecast told as made before: "analysts had expected", "석 달 전 스스로 제시했던 3분기 매출 가이던스")
_HAD_EXPECTED = re.compile(r"\bhad\s+(?:forecast|expected|projected|estimated|guided|predicted)\b|"
                           r"(?:제시|전망|예상|예측|발표)했던|내놨던|내놓았던|내다봤던", re.I)
# a figure expected rather than reported: guidance, forecasts
# (the words of a forecast: a company's guidance, and with future tense any figure not yet reported)
_GUIDANCE = re.compile(
    r"\b(?:expects?|expected|expecting|forecasts?|forecast|projects?|projected|guidance|outlook|guided|sees|"
    r"anticipates?|predicted)\b|전망|예상|가이던스|제시했|내다봤|내다본|예측", re.I)
_EXPECTED = re.compile(_GUIDANCE.pattern + r"|\b(?:will|would)\b|예고|할\s것|될\s것", re.I)
# what only a company has (a state that causes a charge does not book it), and the kinds that are states
_COMPANY_METRICS = frozenset({"charge"})
_STATE_KINDS = frozenset({"government", "agency", "country", "court"})
_FISCAL = re.compile(r"회계\s?연도|\bfiscal\b|\bFY\s?\d", re.I)


def _years_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


_SESSION_METRICS = frozenset({"percent_change", "share_price", "market_value_change", "market_value"})
_DAY_AFTER_ITS = re.compile(
    r"\b(?:a|one)\s+day\s+after\s+(?:(?:its|the|their|a|Monday's|Friday's)\s+|(?:it|they|the\s+stock|shares)\s+"
    r"(?:closed|ended|fell|plunged|dropped|tumbled|sank|slid|lost)\s+(?:down\s+|about\s+|nearly\s+)?)$", re.I)
_THAT_TOTALS = re.compile(r"\b(?:that|this|which)\s+(?:comes|came|works|worked|adds|added)\s+(?:out\s+|up\s+)?to\b",
                          re.I)
_DEMONSTRATIVE_START = re.compile(r"^(?:That|This|It|These|Those)\s|^(?:이는|이것은|이|이 같은|그것은)\s")
# A ratio whose sentence opens with a definite noun is about that thing from before: "The stockpile is five
# times the 2,048 H800 chips DeepSeek says it used".
_RATIO_BACK_START = re.compile(
    _DEMONSTRATIVE_START.pattern + r"|^(?:The|Its|Their)\s+[a-z-]+(?:\s[a-z-]+)?\s(?:is|was|are|were)\s"
)
# A Korean anaphor as the topic or subject of the sentence: the sentence is about the entity named before.
_KO_ANAPHOR_TOPIC = re.compile(
    r"(?:^|\s)(?:이들|이 회사|이 업체|이 기업|해당 업체|해당 기업|동사|그들)(?:은|는|이|가)\s|(?:^|\s)그는\s"
)
# A figure the sentence rejects ("600조원이 아닌 846조원", "not $600 billion but $589 billion").
# (patterns used as ``rx.match(text, pos)`` must not start with "^": it never matches at an offset)
_NEGATED_AFTER = re.compile(r"\s?(?:이|가)?\s?아닌\s")
_NEGATED_BEFORE = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?(?:an?\s+)?$", re.I)
# A Korean comparison phrase: the party named before it is the comparand of a ratio, not its subject.
# "오픈AI가 GPT-4 훈련에 쓴 것으로 알려진 1억 달러의 절반 수준이다": a fraction of another's figure
_KO_OF_FIGURE_BEFORE = re.compile(r"(?:달러|원|개|시간)의\s?$")
_KO_OPENING_TOPIC = re.compile(r"[\W\d]*(?:[가-힣]+\s){0,2}?")
_KO_COMPARED_WITH = re.compile(r"(?:것과|것에)\s?(?:비교하면|비해|견주면)")
_KO_COMPARED = re.compile(r"(?:와|과)\s?비교하면|에\s?비해|대비|보다\s")
# A unit price: "$2 per GPU-hour", "each GPU-hour at $2", "개당 2만5000달러", "시간당 2달러".
_PER_UNIT_AFTER = re.compile(
    r"\s?(?:per|a|an|each)\s(?!(?:year|month|week|day|quarter|share|piece of)\b)[\w-]+|\s?(?:당|씩)", re.I
)  # not a rate in time ("$50 billion a year") nor a share price ("$118 a share")
_PER_UNIT_BEFORE = re.compile(
    r"(?:\beach\s[\w-]+\sat\s|(?:개|장|대|시간|칩)당\s?|(?:1|한)\s?시간\s?(?:빌리는|쓰는|사용하는|임대하는)\s?"
    r"(?:데\s?드는\s?)?(?:비용|값|가격|요금|데)(?:을|를|은|는|이|가)?\s?(?:약\s?)?)$", re.I)
# Words of a change in value: without one in its clause, a market-value figure is the value itself.
_VALUE_CHANGE = re.compile(
    r"\b(?:los[te]s?|losing|loss(?:es)?|wip(?:e|ed|es|ing)|eras(?:e|ed|es|ing)|shed(?:s|ding)?|knock(?:ed|s|ing)?|"
    r"shr[iau]nk(?:s)?|slash(?:ed|es)?|vanish(?:ed|es)?|evaporat(?:ed|es)|hit|drop(?:s|ped)?|fell|fall(?:s|ing)?|declin(?:e|ed|es)|"
    r"plung(?:e|ed)|tumbl(?:e|ed)|slump(?:ed)?|sank|gain(?:s|ed)?|add(?:s|ed|ing)|jump(?:s|ed)?|rose|ris(?:e|es|ing)|"
    r"surg(?:e|ed)|soar(?:ed)?|swell(?:ed)?|climb(?:ed)?|rout|wipeout|down|up|regain(?:s|ed)?|recoup(?:s|ed)?|fallen|"
    r"plummet(?:s|ed)?|crater(?:s|ed)?)\b|"
    r"증발|날아|날렸|날려|날린|사라|줄|감소|빠졌|빠진|잃|늘|증가|불어|허공|급감|급증|하락|상승|떨어|올라|오른|되찾|만회",
    re.I,
)
_MARKET_VALUE_WORD = re.compile(r"market\s+(?:value|cap)|capitali[sz]ation|valuation|시가총액|시총", re.I)
_MAKER_SOLD = re.compile(r"\b(?:sold|sells|sell|selling)\b|판매했|팔았|팔린|팔렸|판매된|판매됐", re.I)
_OVER_A_PERIOD = re.compile(
    r"\b(?:in|during|for|over)\s+(?:(?:fiscal|calendar)\s+)?(?:19|20)\d{2}\b|\b(?:last|this)\s+year\b|"
    r"\b(?:a|per|each)\s+year\b|지난해|작년|올해|연간|\d{4}년", re.I)
_GOODS_AFTER = re.compile(
    r"\s+(?:worth\s+)?of\s+(?:[A-Z][\w-]*\s+){0,3}(?:(?:and|or)\s+[A-Z][\w-]*\s+)?(?:[\w-]+\s+)?(?:chips|GPUs|"
    r"processors|accelerators|semiconductors|hardware|servers)\b"
)
# "최소 1억6000만 달러(약 2350억원) 규모의 H100·H200을 중국으로 빼돌리려": what the goods were worth
_KO_GOODS_AFTER = re.compile(
    r"(?:\s?\([^)]{0,30}\))?\s?(?:규모|어치|상당)(?:의)?\s(?:엔비디아\s)?(?:[A-Z][\w-]*(?:[·,]\s?[A-Z][\w-]*)*\s?)?"
    r"(?:칩|GPU|반도체|서버|가속기)?(?:을|를)?\s?(?:[^\s.]+\s){0,3}?(?:밀수|밀반출|빼돌|불법\s?수출|반출|수출|넘기|팔)")
_VALUATION_BEFORE = re.compile(
    r"\b(?:valued\s+at|valuation\s+of|worth|market\s+(?:value|capitali[sz]ation)\s+of)\s+(?:about\s+|roughly\s+|"
    r"around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+|at\s+least\s+)?$|기업가치(?:는|가|를)?\s?$",
    re.I,
)
_DEAL_NOUN = re.compile(r"\b(?:deal|contract|order|transaction|acquisition|purchase|sale|shipment|chips|GPUs|"
                        r"processors|invoice)s?\b|계약|거래|인수|주문|칩", re.I)
# the level a value moved to or from: "fell to about $2.9 trillion", "taken its market value below $3 trillion,
# to about $2.9 trillion, from roughly $3.5 trillion", "2조9000억 달러 선으로 내려앉았다"
_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:fell|dropped|declined|shrank|sank|slid|rose|climbed|jumped|recovered|rebounded|fall|drop|rise|climb)"
    r"\s+to|\b(?:taken|took|take|takes|pushed|push|sent|send|dragged|drag|knocked|knock)\b[^,.;]{0,40}?"
    r"\b(?:below|under|beneath|above|past|to)|,\s+to|\bfrom)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|"
    r"just\s+)?$",
    re.I,
)
_LEVEL_VERB = (r"(?:(?:오히려|다시|더|크게|급격히|한때|단숨에|순식간에)\s)?"
               r"(?:내려앉|줄|떨어|감소|하락|주저앉|쪼그라|늘|불어|올라|회복|밀리|밀렸|밀려)")
_LEVEL_AFTER = re.compile(rf"\s?(?:선|수준|대)?\s?(?:으로|로|까지)\s?{_LEVEL_VERB}")
# a surface that took the particle in ("2조9000억 달러까지 쪼그라들었던")
_LEVEL_VERB_AFTER = re.compile(rf"\s?{_LEVEL_VERB}")


# A government named without its country ("hand the government 15%", "정부 몫")
_BARE_GOVERNMENT = re.compile(
    r"\b(?:the\s+government|Washington|the\s+administration|the\s+Treasury)\b|정부에|정부가|정부는|정부 몫"
)
# Words of a rule or a licence: a country acting in such a sentence acts through its government.
# a chip restricted, named by a pronoun ("Washington restricted it, too"; "수출을 막았다")
_RESTRICTED_IT = re.compile(r"\b(?:restricted|banned|blocked|barred|curbed)\s+(?:it|them|the\s+chips?|"
                            r"(?:its|their)\s+(?:exports?|sales?|shipments?))\b|"
                            r"(?:수출|판매)(?:을|를)?\s?(?:막았|막은|금지했|제한했|통제했)|수출\s?통제\s?대상에\s?올",
                            re.I)
# a chip made for China ("중국 수출용으로 출시된", "China-only"): China is where it was sold, not who restricted it
_FOR_CHINA = re.compile(r"중국\s?(?:수출용|용|전용)|\bfor\s+(?:sale\s+in\s+|the\s+)?China(?:\s+market)?\b|"
                        r"\bChina-(?:only|specific|bound|compliant)\b", re.I)
_REGULATION = re.compile(
    r"규제|제한|통제|금지|허용|승인|수출\s?허가|막[기았은는아]|제재|봉쇄|"
    r"restrict|ban(?:s|ned)?\b|export control|licen[cs]|rules?\b|allow|approv|tariff|fee|levy|관세|수수료",
    re.I,
)
# A chip restricted with no agent named ("was restricted", "규제됐다").
_PASSIVE_RESTRICTION = re.compile(
    r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?(?:restricted|banned|blocked|barred|curbed|added\s+to)\b"
    r"|\b(?:caught|hit|covered|swept\s+up)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:rules?|restrictions?|"
    r"export\s+controls?|curbs?|ban)\b"
    r"|(?:규제|제한|금지|차단)(?:됐|되었|된|받)|(?:수출|판매)(?:을|를)?\s?막"
    r"|(?:규제|제재|통제)\s?대상(?:이|에|으로)\s?(?:됐|되었|된|올랐|오른|포함|지정)"
)
# Companies that sell chips: never the subject of a model's training cost.
_TRAINING_METRICS = frozenset({"training_cost", "compute_hours"})
# a chip count is a model's training chips only where the sentence speaks of training or using them; chips
# a company holds, buys or is believed to have ("DeepSeek has more than 50,000 H100s") are no model's
_TRAINING_USE = re.compile(
    r"\b(?:train|trained|training|trains|used|uses|using|relied|relies|needed|needs|ran|run|built|"
    r"powered)\b|훈련|학습|활용|투입|사용|쓰였|썼|쓴|쓰는|들였|돌렸|동원"
)
# A sentence that counts "the chips" / "those GPUs" / "그 칩" refers to the chip named just before.
_REFERS_TO_CHIPS = re.compile(
    r"\b(?:the|those|these|such)\s+(?:number\s+of\s+)?(?:chips|GPUs|processors|accelerators)\b|(?:이|그|해당)\s?칩",
    re.I,
)
# Counts of parties: such a figure names its own (unnamed) subject and inherits none from afar.
_GROUP_COUNTS = frozenset({"companies", "people", "count"})
# "at the same time": the time of the article's last dated figure, whatever its subject
_SAME_TIME = re.compile(r"같은\s?시각|같은\s?시간|\b(?:at\s+the\s+same\s+time|by\s+then)\b", re.I)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:\s|$)")
_SAME_DAY = re.compile(r"같은\s?날|\b(?:on\s+the\s+same\s+day|the\s+same\s+day)\b", re.I)
# the day of an event the article dated before ("jumped 24% on the day the OpenAI deal was announced", "계약 발표
# 당일 주가는 24% 뛰었다"): that stated day, not the publication's
_EVENT_DAY = re.compile(r"\bon\s+the\s+day\s+(?:that\s+|when\s+)?(?:the\s+|its\s+|it\s+)?(?:[\w-]+\s+){0,4}?"
                        r"(?:was\s+|were\s+)?(?:announced|unveiled|signed|disclosed|released|launched|struck)\b|"
                        r"(?:발표|공개|체결|출시|공시)\s?(?:된\s?)?당일", re.I)
_GPU_WORD = re.compile(r"\bGPUs?\b|\bchips?\b|\bH\d{2,3}\b|\bA100\b|그래픽처리장치|칩", re.I)
_KO_COMPANY_COUNTER = re.compile(r"\s?(?:의\s)?(?:기업|업체|회사|곳|개사|社|사\b)")
# a quantity of goods: after a sentence about a chip, "승인 물량은 약 40만 개" counts that chip
_VOLUME_WORD = re.compile(r"물량|수량|물건|\b(?:volumes?|quantit(?:y|ies)|units|shipments?)\b", re.I)


def detect_language(text: str) -> str:
    """``"ko"`` when Hangul syllables make up at least 30% of the letters (Hangul + Latin), else ``"en"``."""
    hangul = 0
    latin = 0
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            hangul += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if hangul and hangul >= 0.3 * (hangul + latin):
        return "ko"
    return "en"


def _normalize_language(language: str | None, text: str) -> str:
    if language is None:
        return detect_language(text)
    return "ko" if language.lower().startswith("ko") else "en"


@dataclass
class _Context:
    paragraph: int
    subject: str | None
    scope: str | None
    attribution: str | None
    metrics: dict[str, str]  # unit family → metric of the sentence's first figure of that family (or cue)
    doc_subject: str | None  # the document's most mentioned company, agency or model owner so far
    counted: str | None = None  # what the sentence counted (``counted_unit``), for elided nouns next
    chip: str | None = None  # the chip the sentence is about (its first figure's, else its first named chip)
    refers_to: str | None = None  # the last event time the sentence stated (or carried)
    group: str | None = None  # the last coordinated group the sentence named ("Alibaba + ByteDance + Tencent")
    speaker: str | None = None  # whose claim the sentence reports, if it names one (``attribution.speaker``)
    company: str | None = None  # the last company the text named so far (for "the company" after an agency)


# English: a definite noun phrase of a measured thing refers back to the entity in context.
_EN_DEFINITE = re.compile(
    r"\b(?:the|its|their|this|that|these|those)\s+(?:[\w-]+\s+){0,3}?(?:number|figure|figures|cost|costs|"
    r"total|amount|loss|losses|charge|sum|price|stock|shares|value|chips|processors|GPUs|deal|sale|sales|"
    r"revenue|spending|bill|fine|stake|estimate|model|training|company|firm|startup|start-up|chipmaker|"
    r"disclosure|report|announcement|stockpile|haul|shipment|shipments|holdings|purchase|purchases|run|"
    r"cluster|decline|drop|fall|plunge|rout|selloff|sell-off|slide|slump|rebound|rally|gain|gains|"
    # a case's settlement ("The resolution includes a criminal fine of about $118 million")
    r"resolution|settlement|penalty|penalties|plea|agreement|payment|payments)\b",
    re.I,
)
# "the company", "the chipmaker", "이 회사": refers back to a company, never to a country or agency
_ORG_ANAPHOR = re.compile(
    r"\bthe\s+(?:company|firm|chipmaker|startup|start-up|lab|developer)\b|"
    r"이 회사|회사 측|회사측|이 업체|이 기업|해당 기업",
    re.I,
)
# "they", "these companies", "이들": a plural that refers back to a group named together
_PLURAL_ANAPHOR = {
    "en": re.compile(r"\b(?:[Tt]hey|[Tt]hese\s+(?:companies|firms|groups|buyers)|[Tt]he\s+(?:three|two|four)\s+"
                     r"(?:companies|firms|groups|buyers))\b"),
    "ko": re.compile(r"이들|세\s?기업|세\s?회사|세\s?업체|두\s?기업|두\s?회사|해당\s?기업들|이\s?기업들"),
}
# "The chipmaker's shares", "이 반도체 업체": the chip company in context
_CHIPMAKER_ANAPHOR = re.compile(
    r"\bthe\s+(?:chip\s?maker|chip\s+designer|chip\s+company)\b(?!['’]s\s+(?:co-?founder|founder|chief|CEO|"
    r"president|boss|head)\b)|이\s?반도체\s?(?:업체|기업)", re.I)
# "Shares fell about 6% in extended trading.": the shares of the company in context
_EN_BARE_SHARES = re.compile(
    r"^(?:Shares|Stock|The\s+shares|The\s+stock|Its\s+shares|Its\s+stock)\b"
    # a bare property of the topic company: "Data-center revenue rose to $35.6 billion", "Sales to China came to"
    r"|^(?:[A-Z][^,]{0,40},\s)?(?:(?:Data[- ]cent(?:er|re)|Gaming|Quarterly|Annual|Full-year|Net|Gross|Total|"
    r"Operating|(?:First|Second|Third|Fourth|Fiscal|Current)[- ](?:quarter|half|year)|Q[1-4])\s+)?"
    r"(?:revenue|sales|profit|income|margin|earnings|market\s+value)\b(?!\s+(?:of|from)\s+(?:other|rival))",
    re.I)
# A sentence that opens with a new, unnamed party refers to nobody in context.
# (a document or a spokesperson introduced is a source, not a new party: "A supplementary document put the cost
# of the underlying base model at about $6 million" is still about the company in context)
_EN_INDEFINITE = re.compile(
    r"^(?:A|An|One|Some|Several|Another|Other)\s(?!(?:[\w-]+\s){0,2}?(?:document|paper|filing|report|statement|"
    r"study|note|memo|spokesperson|spokesman|spokeswoman|presentation|letter|disclosure)s?\b)")
# An unnamed party introduced in the sentence: what follows is about it, not about anyone named before.
_TARGET_AFTER = re.compile(r"\s+(?:(?:stock|share)\s+)?(?:price\s+target|target\s+price|price\s+objective)\b|"
                           r"\s?(?:으로|로)?\s?(?:목표\s?(?:주가|가))", re.I)
_TARGET_BEFORE = re.compile(r"(?:price\s+target|target\s+price)\s+(?:of|to|at|from)\s+(?:about\s+)?$|"
                            r"목표\s?(?:주가|가)(?:를|는|도|로)?\s?(?:기존\s?)?$|"
                            # a price a condition names ("vests only if AMD's stock reaches $600"): no trade either
                            r"\b(?:if|once|when|until|unless)\s+(?:[\w.'’]+\s+){1,3}(?:reaches|hits|tops|trades\s+at|"
                            r"rises\s+to|climbs\s+to)\s+$", re.I)
_SHARE_WORDS = re.compile(r"\b(?:shares|stock)\b|주가", re.I)
_FORTUNE = re.compile(r"\b(?:fortune|net\s+worth|personal\s+wealth|wealth)\b|재산|순자산|개인\s?자산", re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]hese|[Tt]hose)\s+(?:[a-z][\w-]*\s+){0,2}$")
_OWNER_PRONOUN = re.compile(
    r"\b(?:of|from|off)\s+(?:its|their)\s+(?:market\s+)?(?:value|valuation|stock|shares|share\s+price|"
    r"market\s+cap(?:itali[sz]ation)?|revenue|sales)\b", re.I)
_EN_UNNAMED_PARTY = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|but)\s)(?:[Aa]|[Aa]n|[Oo]ne|[Ss]ome|[Aa]nother)\s+(?:[\w-]+\s){0,2}?(?:seller|buyer|"
    r"company|firm|distributor|trader|broker|supplier|person|man|woman|businessman|smuggler|network|group|entity|"
    r"dealer|vendor|intermediary|middleman|reseller|exporter|importer)s?\b"
    r"(?!,\s+(?:[A-Z][\w.'’-]+\s+){1,3}?[A-Z][\w'’-]+,)"  # ("a Texas businessman, Alan Hao Hsu, had admitted")
)
_SMUGGLING = re.compile(r"\bsmuggl|\bdivert|\bdiversion\b|밀수|밀반출|밀매|불법\s?(?:수출|반출|유출)|우회\s?수출",
                        re.I)
_RATIO_OF_AFTER = re.compile(r"\s+(?:of|as\s+much\s+as|that\s+of)\s")
# a figure of another story the sentence cites, not of the case: "The case follows a Financial Times report that
# Chinese distributors moved at least $1 billion worth of B200 and other restricted Nvidia chips"
_OTHER_REPORT = re.compile(r"\b(?:follows?|followed|after|came\s+after)\s+(?:an?|the)\s+(?:[\w.’'-]+\s+){0,4}?"
                           r"(?:report|investigation|story|analysis)\b", re.I)
_KO_INDEFINITE = re.compile(r"(?:^|\s)(?:한|어느|일부|다른|또 다른)\s[가-힣]+(?:은|는|이|가)\s")


# figures of a listed company or index: what moved is never a government
_MARKET_METRICS = frozenset({"percent_change", "share_price", "market_value", "market_value_change"})
# what only traded shares have (a private company still has a valuation, and a percent change of its users)
_TRADED_METRICS = frozenset({"share_price", "market_value_change"})
# a price a share trades at, at most: "fell 2.42% to 52,400 won" is a price, "$52,400" after a move is not
_SHARE_PRICE_CEILING = {"KRW": 10_000_000, "JPY": 1_000_000}
_TRADED_MOVE = re.compile(r"\b(?:shares|stock|closed|trading)\b|주가|마감|거래를|장중|종가", re.I)


def _listed_actor(head_subject: str | None, salience: dict[str, tuple[int, int]]) -> str | None:
    """The company or index an article's unattributed market figures are about: the headline's subject if it
    is one, else the most mentioned one so far."""
    if head_subject and kind_of(head_subject) in ("org", "index") and not is_private(head_subject):
        return head_subject
    orgs = {k: v for k, v in salience.items() if kind_of(k) in ("org", "index") and not is_private(k)}
    return max(orgs, key=lambda k: orgs[k]) if orgs else None


_RESPECTIVELY = re.compile(r"\brespectively\b|각각", re.I)


def _distribute_respectively(st: str, rows: list[dict], eligible: list[Mention]) -> None:
    """ "Broadcom and TSMC slid 17.4% and 13.3%, respectively", "두 회사 주가는 각각 6.9%, 7.4%": figures bound to
    a coordinated group, as many as its members, go to the members in the order the text names them."""
    if not _RESPECTIVELY.search(st):
        return
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r["subject"] and " + " in r["subject"]:
            groups.setdefault(r["subject"], []).append(r)
    for group, members_rows in groups.items():
        names = set(group.split(" + "))
        ordered: list[str] = []
        for m in sorted(eligible, key=lambda m: m.start):
            name = m.entity.owner or m.entity.canonical
            if name in names and name not in ordered:
                ordered.append(name)
        if len(ordered) == len(names) == len(members_rows):
            for r, name in zip(sorted(members_rows, key=lambda r: r["c"].start), ordered, strict=True):
                r["subject"] = name


_KO_THAN_AFTER = re.compile(r"\s?(?:\([^)]{0,30}\))?\s?보다")
_EN_THAN_BEFORE = re.compile(r"\bthan\s+(?:the\s+)?(?:about\s+|roughly\s+)?$", re.I)


def _comparands_share_metric(st: str, rows: list[dict], named_models: set[str]) -> None:
    """A figure the sentence compares another with is the same kind of quantity: "비용은 45억 달러로, 지난달
    예고한 55억 달러보다 줄었다", "a $4.5 billion charge, less than the $5.5 billion it had warned of" (the
    comparand takes the first figure's metric, chip and subject when its own words name none). It is not the
    quantity it is compared with, though: "이는 ... 화제가 된 557만6000달러보다도 훨씬 적은 금액이다" after R1's cost
    does not take R1 from the context (the tracker scopes it by its value)."""
    for i, r in enumerate(rows):
        c = r["c"]
        if not (_KO_THAN_AFTER.match(st, c.end) or _EN_THAN_BEFORE.search(st, max(0, c.start - 20), c.start)):
            continue
        if r["scope"] and r["scope"] not in named_models and not is_segment(r["scope"]) \
                and not r["scope"].startswith("vs "):
            r["scope"] = None
        first = next((o for o in rows[:i] if unit_family(o["c"].unit) == unit_family(c.unit)
                      and o["metric"] not in ("other", None)), None)
        if first is not None and r["metric"] != first["metric"] and r["via"] != "sentence":
            r["metric"], r["subject"], r["via"] = first["metric"], first["subject"], first["via"]


_SETTLED_BEFORE = re.compile(
    r"(?:\bdown\s+to|\bsettl\w*\s+(?:on|for|at)|\bagreed\s+(?:to|on)|\blowered\s+(?:it\s+)?to|\bcut\s+(?:it\s+)?to)\s+$",
    re.I)
_KO_SETTLED_AFTER = re.compile(r"\s?(?:로|으로)\s?(?:낮췄|낮춰|내렸|합의|타결|정했|결정|물러섰|물러서|양보|조정)")


_ESTIMATE_OF_BEFORE = re.compile(
    r"(?:\b|Smart)(?:[Ee]stimates?|forecasts?|expectations?|consensus|guidance|outlook|projections?)\s+(?:of|for)\s+"
    r"(?:about\s+|roughly\s+|around\s+)?$", re.I)


_KO_ESTIMATE_BEFORE = re.compile(r"(?:전망치|예상치|추정치|컨센서스)(?:\s?평균)?\s?(?:인|는|은)?\s?\(?\s?$")


def _forecasts_of_revenue(st: str, rows: list[dict]) -> None:
    """"… above analysts' average estimate of $43.3 billion", "ahead of the $38.05 billion analysts had expected",
    "ahead of its own forecast of $45bn" beside a revenue (or profit) the sentence reports: the forecast is of it
    (its own quantity: the forecast pass scopes it ``as estimate`` / ``as guidance``)."""
    revenue = next((r for r in rows if r["metric"] in ("revenue", "profit") and r["c"].unit in CURRENCY_UNITS), None)
    if revenue is None:
        return
    for r in rows:
        c = r["c"]
        if r is revenue or c.unit not in CURRENCY_UNITS:
            continue
        if r["metric"] not in ("other", None):
            # "ahead of the roughly $43.3 billion analysts had expected, even after it booked a $4.5 billion
            # charge": what analysts expected of the reported figure, whatever cue stands nearer
            after = _FORECAST_AFTER.match(st, c.end)
            # ("slightly above Wall Street's average estimate of $53.1 billion, and said … no H20 shipments")
            estimate_of = _ESTIMATE_OF_BEFORE.search(st, max(0, c.start - 40), c.start) and _ANALYSTS.search(
                st, max(0, c.start - 60), c.start)
            if r["metric"] != revenue["metric"] and (after and _ANALYSTS.search(after.group(0)) or estimate_of):
                r["metric"] = revenue["metric"]
            continue
        if (_ESTIMATE_OF_BEFORE.search(st, max(0, c.start - 40), c.start) or _FORECAST_AFTER.match(st, c.end)
                or _KO_ESTIMATE_BEFORE.search(st, max(0, c.start - 16), c.start)):
            r["metric"] = revenue["metric"]  # ("operating profit jumped to 7.44 trillion won, beating the 6.6")
            if r["subject"] is None:
                r["subject"], r["via"] = revenue["subject"], revenue["via"]


_OR_ABOUT = re.compile(r"\W{0,3}(?:or|또는|즉)?\s*(?:about|roughly|some|around|약)?\s*$", re.I)


def _restated_in_other_currency(st: str, a: Figure, b: Figure) -> bool:
    """Whether one of two amounts restates the other in another currency right after it ("$589 billion, or about
    846 trillion won")."""
    if a.unit == b.unit or a.unit not in CURRENCY_UNITS or b.unit not in CURRENCY_UNITS:
        return False
    first, second = (a, b) if a.span_start < b.span_start else (b, a)
    return bool(_OR_ABOUT.fullmatch(st, first.span_end, second.span_start))


def _forecasts_share_quarter(out: list[Figure], base: int, st: str, offset: int, published_at: datetime | None,
                             lang: str) -> None:
    """A revenue forecast or growth dated only by the day it is quoted ("up 69% from a year earlier and above
    analysts' average estimate of $43.3 billion" after "first-quarter revenue of $44.1 billion on Wednesday") is
    of the quarter the sentence's revenue is; with no revenue reported, a forecast whose clause names no period of
    its own is of the one quarter the sentence's other forecasts name ("forecast fourth-quarter revenue of $65
    billion …, well above analysts' estimate of $61.66 billion", "expects revenue of $54.9 billion for its fiscal
    third quarter …, slightly above the company's guidance of $54 billion"). ``offset``: where the sentence
    starts in the text the figures' offsets count in."""
    def own_date(f: Figure) -> bool:
        lo, hi = clause_around_span(st, (f.span_start - offset, f.span_end - offset))
        return bool(date_expressions(st[lo:hi], published_at, lang))

    rows = range(base, len(out))
    quarters = [f.refers_to for f in out[base:] if f.metric == "revenue" and not f.scope and f.refers_to
                and "/" in f.refers_to]
    forecast = [i for i in rows if out[i].metric == "revenue" and out[i].scope in (GUIDANCE_SCOPE, ESTIMATE_SCOPE)]
    stated = {out[i].refers_to for i in forecast if out[i].refers_to and "/" in out[i].refers_to and own_date(out[i])}
    if not quarters and len(stated) == 1:
        for i in forecast:
            if not own_date(out[i]):
                out[i] = replace(out[i], refers_to=next(iter(stated)))
        return
    if len(set(quarters)) != 1:
        return
    for i in rows:
        f = out[i]
        if (f.metric == "revenue" and f.scope in ("as estimate", "as guidance") or f.scope in _ACCOUNTS_CHANGES) and (
                f.refers_to is None or _ISO_DAY.match(f.refers_to)):
            out[i] = replace(f, refers_to=quarters[0])


def _shares_share_period(out: list[Figure], base: int) -> None:
    """Market shares listed in one sentence ("… 57%로 1위를 지켰고, 삼성전자는 22%로 마이크론(21%)을 앞섰다") are
    of the one period the sentence names for any of them."""
    periods = {f.refers_to for f in out[base:] if is_market_share(f.scope) and f.refers_to
               and not _ISO_DAY.match(f.refers_to)}
    if len(periods) != 1:
        return
    period = periods.pop()
    for i in range(base, len(out)):
        f = out[i]
        if is_market_share(f.scope) and (f.refers_to is None or _ISO_DAY.match(f.refers_to)):
            out[i] = replace(f, refers_to=period)


def _share_settled(st: str, rows: list[dict]) -> None:
    """"… had initially asked for 20% but that Nvidia chief Jensen Huang talked him down to 15%", "20%를 요구했지만
    15%로 낮췄다": the share settled on is the same kind of figure as the one asked for (the government's share
    of sales), not a move of whoever the clause names."""
    demand = next((r for r in rows if r["metric"] == "tariff_or_fee_share" and r["c"].unit == "percent"), None)
    if demand is None or _SHARE_WORDS.search(st):
        return
    for r in rows:
        c = r["c"]
        if r is demand or c.unit != "percent" or (r["metric"] == "tariff_or_fee_share"
                                                   and r["subject"] == demand["subject"]):
            continue
        if _SETTLED_BEFORE.search(st, max(0, c.start - 24), c.start) or _KO_SETTLED_AFTER.match(st, c.end):
            # ("… Jensen Huang persuaded him to settle for 15%": the share is still the government's)
            r["metric"], r["subject"], r["via"] = "tariff_or_fee_share", demand["subject"], demand["via"]
            r["scope"] = None if demand["scope"] == "as demand" else demand["scope"]
            r["c"] = replace(c, value=abs(c.value) if c.value is not None else None,
                             low=None if c.low is None else abs(c.low), high=None if c.high is None else abs(c.high))


def _fallback_subject(
    prev: _Context | None, paragraph: int, sentence: str, lang: str, until: int | None, headline: str | None,
    context_maker: str | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(subject, subject_via, scope) for a sentence whose figures bind no subject of their own (module doc)."""
    end = len(sentence) if until is None else until
    anaphor = ANAPHOR[lang].search(sentence, 0, end) is not None
    anaphor = anaphor or _DEMONSTRATIVE_START.match(sentence) is not None  # "That is roughly one-tenth of ..."
    anaphor = anaphor or _THAT_TOTALS.search(sentence) is not None  # "..., that comes to $5.576 million"
    # "had wiped out about $589 billion of its value": the pronoun owning the figure refers back
    anaphor = anaphor or _OWNER_PRONOUN.search(sentence) is not None
    if _EN_UNNAMED_PARTY.search(sentence, 0, end) or _KO_INDEFINITE.search(sentence, 0, end):
        return None, None, None  # "In one deal, a seller in Shenzhen said it had delivered ..."
    if lang == "ko":
        refers_back = anaphor or not _KO_INDEFINITE.search(sentence, 0, end)
    else:
        refers_back = anaphor or _EN_BARE_SHARES.match(sentence) is not None or (
            _EN_DEFINITE.search(sentence, 0, end) is not None and not _EN_INDEFINITE.match(sentence)
        ) or _DEFINITE_BEFORE.search(sentence, 0, end) is not None  # "The 2,048 H800 chips cited in the paper"
    if prev is not None and prev.group and _PLURAL_ANAPHOR[lang].search(sentence, 0, end) and not one_each(sentence):
        # "이들 기업이 사들일 수 있는 H200은 약 40만 개": "they" are the companies named together before
        return prev.group, "previous_sentence", None
    if (prev is not None and prev.subject and _ORG_ANAPHOR.search(sentence, 0, end)
            and kind_of(prev.subject) in ("country", "government", "agency") and (prev.company or prev.doc_subject)):
        # "the company made $12 billion" after a sentence about China: a company, the last one named (a party to
        # a case: "the company shipped more than 200 H100 GPUs" after "the Justice Department charged ALX
        # Solutions"), else the article's actor
        if prev.company and prev.paragraph == paragraph:
            return prev.company, "previous_sentence", None
        return prev.company or prev.doc_subject, "article", None
    if _CHIPMAKER_ANAPHOR.search(sentence, 0, end):
        # "The chipmaker's shares closed at $118.42": the chip company in context, not the article's main actor
        for name, via in ((prev.subject if prev else None, "previous_sentence"), (headline, "headline"),
                          (prev.doc_subject if prev else None, "article")):
            if name and name in chip_makers():
                return name, via, None
        if context_maker:  # "Jensen Huang's Fortune Takes a $20 Billion Hit as DeepSeek Jolts Nvidia"
            return context_maker, "article", None
    if prev is not None and prev.paragraph == paragraph and refers_back and prev.subject:
        return prev.subject, "previous_sentence", prev.scope
    if lang == "en" and prev is not None and prev.subject and refers_back and not anaphor:
        # a paragraph opening with a definite noun phrase ("The stock sank 16.9%") continues the last one
        return prev.subject, "previous_sentence", prev.scope
    if not refers_back:
        return None, None, None
    if anaphor and prev is not None and prev.doc_subject:
        return prev.doc_subject, "article", None
    if headline:
        return headline, "headline", None
    if prev is not None and prev.doc_subject:
        return prev.doc_subject, "article", None
    return None, None, None




def _headline_quarter(headline: str | None, subject: str | None, published_at: datetime | None,
                      lang: str) -> str | None:
    """The fiscal quarter the headline names, as the subject's three months, if it names exactly one."""
    if not headline or published_at is None or not subject:
        return None
    if _GUIDANCE.search(headline):
        return None  # "Nvidia forecasts third-quarter revenue above estimates": the quarter ahead, not the story's
    quarters = {e.label() for e in date_expressions(headline, published_at, lang)
                if e.granularity in ("quarter", "fiscal_quarter")}
    if len(quarters) != 1:
        return None
    return accounts_quarter(quarters.pop(), fiscal_year_end(subject), published_at.date())


def _headline_subject(headline: str | None, mentions: list[Mention], lang: str) -> str | None:
    """The headline's subject: the entity its first figure (or metric word) is about, bound as in a sentence
    ("딥시크 쇼크에 엔비디아 847조원 날아갔다" → Nvidia: a cause, "딥시크 쇼크에", is no subject); else its topic."""
    if not headline:
        return None
    eligible = eligible_mentions(headline, mentions, lang, (), attribution_sources(headline, mentions, lang))
    # a country in a headline frames the story ("美 규제...") more than it is what the figures measure, and an
    # agency in a headline is usually the one reporting ("美 법무부, 엔비디아 칩 7000개 밀수 적발")
    eligible = [m for m in eligible if m.entity.kind != "country" and m.entity.kind not in REPORTING_KINDS]
    if lang == "ko":
        eligible = [m for m in eligible if not KO_CAUSE_OR_OBLIQUE.match(headline, m.end)]
    digit = re.search(r"\d", headline)
    hits = cue_hits(headline, lang)
    at = digit.start() if digit else (hits[0].start if hits else None)
    if at is not None:
        bound = bind_subject(headline, eligible, (at, at + 1), lang, property_cue_starts(hits))
        if bound is not None:
            return subject_of(headline, bound, eligible, lang)
    return sentence_topic(headline, eligible, lang)


def _shared_counts(cands: list[Candidate], chips_named: bool = False, st: str = "") -> list[Candidate]:
    """A bare count ("1만6000개") in a sentence that counts chips elsewhere counts chips too: "칩도 H800 약
    2000개로, 미국 기업들이 쓰는 1만6000개에 못 미친다"; so does one in a sentence that names a chip and
    counts nothing else ("사들일 수 있는 H200은 약 40만 개에 이른다"). A count of countries ("18개국", "about 120
    countries") stays a count."""
    if not any(c.unit == "chips" for c in cands) and not (chips_named and all(
            c.unit not in ("companies", "people") for c in cands)):
        return cands
    return [replace(c, unit="chips") if c.unit == "count" and not COUNTRIES_AFTER.match(st, c.num_end) else c
            for c in cands]




def _shared_directions(st: str, cands: list[Candidate]) -> list[Candidate]:
    """Percentages listed before one verb share its direction: "나스닥 지수는 3.1%, S&P500 지수는 1.5% 내렸다",
    "the Nasdaq 3.1% and the S&P 500 1.5% lower"."""
    out = list(cands)

    def signed(c: Candidate, direction: int) -> Candidate:
        return replace(c, value=abs(c.value) * direction, direction=direction,
                       low=None if c.low is None else abs(c.low) * direction,
                       high=None if c.high is None else abs(c.high) * direction)

    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if (c.unit == "percent" and nxt.unit == "percent" and c.direction == 0 and nxt.direction != 0
                and c.value is not None and _LISTED.fullmatch(st, c.end, nxt.start)):
            out[i] = signed(c, nxt.direction)
    # ... and in English after it: "Broadcom fell 17.4%, Micron 11.7% and TSMC 13.3%"
    for i in range(1, len(out)):
        c, before = out[i], out[i - 1]
        if (c.unit == "percent" and before.unit == "percent" and c.direction == 0 and before.direction != 0
                and c.value is not None and _LISTED_AFTER.fullmatch(st, before.end, c.start)):
            out[i] = signed(c, before.direction)
    # a correction's two values are one move: "The stock fell 17%, not 13%.", "9.6%가 아닌 6.87% 하락"
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.unit == b.unit == "percent" and (a.direction == 0) != (b.direction == 0) and \
                a.value is not None and b.value is not None and _NOT_INSTEAD.fullmatch(st, a.end, b.start):
            if a.direction == 0:
                out[i - 1] = signed(a, b.direction)
            else:
                out[i] = signed(b, a.direction)
    return out


# Between a corrected value and the one it replaces: "17%, not 13%", "17% rather than 13%", "9.6%가 아닌 6.87%"
_NOT_INSTEAD = re.compile(r",?\s+(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?(?:(?:previously\s+)?reported\s+)?|"
                          r"(?:가|이)\s?아닌\s?|(?:가|이)\s?아니라\s?", re.I)


# Between two listed percentages: a comma or "and", and the next item's name, but no verb of its own.
_LISTED = re.compile(r"(?:,\s?|\s(?:and|및|와|과)\s)[^,.;]{0,40}?")
# Between a signed percentage and the next listed one with only a name of its own: "17.4%, Micron 11.7%"
_LISTED_AFTER = re.compile(
    r"(?:,\s|,?\s(?:and|while)\s)(?:(?:the\s)?(?:[A-Z][\w&.'’-]*\s){1,5}(?:[\w.-]+\s){0,2})?"
)


def _comparand(subject: str, eligible: list[Mention], span: tuple[int, int], st: str, lang: str) -> str | None:
    """What a ratio compares its subject with, as ``vs <name>``: in Korean the actor of its own phrase before it
    ("오픈AI가 GPT-4에 썼다는 1억 달러의 20분의 1, 메타가 …": OpenAI, not the nearer Meta of the next clause),
    else the nearest other actor of the sentence."""
    others = [m for m in eligible if (m.entity.owner or m.entity.canonical) != subject]
    if not others:
        return None
    if lang == "ko":
        lo = max(st.rfind(",", 0, span[0]), st.rfind("，", 0, span[0])) + 1
        own = [m for m in others if lo <= m.start and m.end <= span[0]]
        if own:
            others = own
    near = min(others, key=lambda m: max(m.start - span[1], span[0] - m.end, 0))
    return f"vs {near.entity.owner or near.entity.canonical}"


def _antecedent(st: str, lang: str, eligible: list[Mention], span: tuple[int, int]) -> Mention | None:
    """For a figure after an anaphor of its own sentence ("DeepSeek's claim that it trained a model for less
    than $6 million"), the nearest actor named before the anaphor."""
    found = None
    for a in ANAPHOR[lang].finditer(st, 0, span[0]):
        found = a
    if found is None:
        return None
    before = [m for m in eligible if m.end <= found.start() and m.entity.kind in ACTOR_KINDS]
    return before[-1] if before else None


# what a chip maker does with chips of its own: sells, ships, supplies, makes, holds, orders
_MAKERS_OWN = re.compile(
    r"\b(?:suppl(?:y|ies|ied|ying)|ship(?:s|ped|ping|ments?)?|sell(?:s|ing)?|sold|sales?|deliver\w*|exports?|"
    r"exported|provid\w+|allocat\w+|mak(?:e|es|ing)|made|produc\w+|output|manufactur\w+|inventor(?:y|ies)|"
    r"stock\w*|held|holds?|order(?:s|ed)?|dies)\b|공급|판매|수출|출하|납품|제공|배정|선적|생산|만들|제조|재고|주문",
    re.I)


_POSSESSIVE = ("'s", "’s")
# a person's opinion of a figure: "Wang's guess of", "Wang's widely cited estimate that", "왕 CEO의 주장"
_OPINION_OF = re.compile(
    r"(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:guess|estimate|claim|assertion|tally|reckoning|calculation|count)\b|"
    r"(?:\s?[가-힣A-Za-z]{1,10}){0,3}?\s?의\s?(?:주장|추정|추산|계산)", re.I)


def _subject_for_metric(
    st: str, lang: str, metric: str, subject: str | None, via: str | None, eligible: list[Mention],
    mentions: list[Mention], span: tuple[int, int], fb_subject: str | None, fb_via: str | None, properties: list[int],
) -> tuple[str | None, str | None]:
    """Subjects the metric rules out or implies: a chip seller does not train models (the next candidate or
    the context's subject instead); a fee or tariff share is the government's that takes it; a country
    acting in a sentence about a rule or licence is its government."""
    if subject in chip_makers() and (metric in _TRAINING_METRICS or metric == "chip_count" and not _MAKERS_OWN.search(
            clause_around(st, span))):
        # (a chip count is its maker's only when the maker sells, makes, holds or orders them: "DeepSeek used
        # about 2,000 Nvidia H800 chips" counts DeepSeek's chips, "엔비디아가 한국에 GPU 26만 장을 공급한다" and
        # "Huawei could produce no more than 200,000" the maker's)
        makers = chip_makers()
        rest = [m for m in eligible if (m.entity.owner or m.entity.canonical) not in makers
                # (chips are a company's or a case's, not an executive's: "젠슨 황 CEO는 … 360만 개")
                and not (metric == "chip_count" and m.entity.kind == "person"
                         and not is_case_party(m.entity.canonical))]
        bound = bind_subject(st, rest, span, lang, properties)
        if bound is not None:
            return subject_of(st, bound, rest, lang), "sentence"
        executive = metric == "chip_count" and kind_of(fb_subject) == "person" and not is_case_party(fb_subject)
        return (fb_subject, fb_via) if fb_subject not in makers and not executive else (None, None)
    if kind_of(subject) == "person" and not is_case_party(subject) and any(
            (m.entity.owner or m.entity.canonical) == subject and _OPINION_OF.match(st, m.end)
            and (lang == "ko" or st[m.start : m.end].endswith(_POSSESSIVE) or st.startswith(_POSSESSIVE, m.end))
            for m in mentions):
        # "Alexandr Wang's guess of more than 50,000 H100s", "알렉산더 왕 스케일AI CEO의 주장": whose guess it is
        # is the source; what it counts is the sentence's other actor's, else the context's
        rest = [m for m in eligible if m.entity.kind != "person"]
        bound = bind_subject(st, rest, span, lang, properties)
        if bound is not None:
            return subject_of(st, bound, rest, lang), "sentence"
        orgs = [m for m in rest if m.entity.kind == "org" and m.entity.canonical not in chip_makers()]
        if orgs:  # ("… of 50,000 H100s at DeepSeek")
            near = min(orgs, key=lambda m: max(m.start - span[1], span[0] - m.end, 0))
            return near.entity.owner or near.entity.canonical, "sentence"
        return (fb_subject, fb_via) if kind_of(fb_subject) != "person" else (None, None)
    if metric in _COMPANY_METRICS and kind_of(subject) in _STATE_KINDS:
        # "엔비디아가 ... 미국 정부의 수출 규제로 약 55억 달러의 비용을 반영한다": a charge is a company's, never the
        # government whose rule caused it
        rest = [m for m in eligible if m.entity.kind not in _STATE_KINDS]
        bound = bind_subject(st, rest, span, lang, properties)
        if bound is not None:
            return subject_of(st, bound, rest, lang), "sentence"
        return (fb_subject, fb_via) if kind_of(fb_subject) not in _STATE_KINDS else (None, None)
    if metric == "tariff_or_fee_share":
        govs = [m for m in mentions if m.entity.kind in ("government", "agency") and m.entity.role != "outlet"]
        if govs:
            # the government itself before an agency ("법무부 발표 당일 … 매출의 25%를 미국 정부가 가져가겠다고"), then
            # the one written nearest the figure
            best = min(govs, key=lambda m: (m.entity.kind != "government",
                                            max(m.start - span[1], span[0] - m.end, 0)))
            # (an agency announcing the share: "the Commerce Department said 15% …" is the government's share)
            return government_of(best.entity.canonical) or best.entity.canonical, "sentence"
        if _BARE_GOVERNMENT.search(st) or subject is None or subject in chip_makers():
            # "agreed to hand the government 15% of their revenue", "the 15% that Nvidia and AMD agreed to pay on
            # H20 and MI308 sales": a share of chip sales is taken by the domain's one regulator of chip exports
            # when the text names no other (the chipmakers pay it)
            return "US government", "sentence"
    if metric == "duration" and _PASSIVE_RESTRICTION.search(st) and (
            subject is None or subject in chip_makers() or via != "sentence"
            or kind_of(subject) not in ("government", "agency", "country") or _FOR_CHINA.search(st)):
        # "the H800 ... was restricted about a year after Nvidia launched it": export controls on chips are
        # the US government's act (the domain's one regulator of chip exports) when the text names no agent
        return "US government", "sentence"
    if subject and government_of(subject) and (metric == "tariff_or_fee_share" or (
            kind_of(subject) in ("country", "person") and _REGULATION.search(st))):
        return government_of(subject), via
    return subject, via


def _article_models(mentions: Iterable[tuple[str, Mention]]) -> dict[str, str]:
    """Per model owner, the one model the article (headline included) names: the scope of a figure about that
    owner whose own sentences name none ("It cost $5.6 million" in an article about V3). An article naming
    several models of the owner leaves such figures unscoped (the tracker may still scope them by coverage)."""
    named: dict[str, set[str]] = {}
    for text, m in mentions:
        if m.entity.kind == "model" and m.entity.owner and not names_the_maker(text, m):
            named.setdefault(m.entity.owner, set()).add(m.entity.canonical)
    return {owner: next(iter(models)) for owner, models in named.items() if len(models) == 1}


def _figureless_metrics(st: str, lang: str) -> dict[str, str]:
    """For a sentence without figures, the metric its cue words name per unit family ("An earlier version
    misstated the market value Nvidia lost." → currency: market_value_change), for the next sentence."""
    out: dict[str, str] = {}
    defs = {m.name: m for m in load_metrics()}
    for h in cue_hits(st, lang):
        for name in h.metrics:
            mdef = defs.get(name)
            if mdef is None or name in h.weak:
                continue
            for unit, family in (("USD", "currency"), ("chips", "count"), ("percent", "percent")):
                if mdef.accepts(unit) and not (mdef.near_entities or mdef.near_kinds):
                    out.setdefault(family, name)
    return out


def extract(
    text: str, language: str | None = None, headline: str | None = None, published_at: datetime | None = None
) -> list[Figure]:
    """All figures in ``text`` (see ``pipelines.extract.extract_figures``)."""
    lang = _normalize_language(language, text)
    out: list[Figure] = []
    prev: _Context | None = None
    head_mentions = find_mentions(headline) if headline else []
    head_subject = _headline_subject(headline, head_mentions, lang)
    head_chips = chip_mentions(head_mentions)
    head_chip = head_chips[0].entity.canonical if head_chips else None
    # "Nvidia slides before the bell as ...": the session an article about a moment of trading is about
    head_session = session_cue(headline, lang) if headline else None
    # every sentence's mentions, found once: the article's models need them all before the first figure
    sentences = [(sent, find_mentions(sent.text)) for sent in split_sentences(text)]
    article_scope = _article_models(itertools.chain(((headline or "", m) for m in head_mentions),
                                                    *(((sent.text, m) for m in ms) for sent, ms in sentences)))
    salience: dict[str, tuple[int, int]] = {}  # entity → (mentions so far, minus its first position)
    companies_named: list[str] = []  # the companies the article named so far, in order ("the two": the last two)
    last_time: str | None = None  # the article's last stated event time, for "at the same time"
    last_session: str | None = None  # ... and the last one with a session ("2025-01-27 intraday")
    last_day: str | None = None  # ... and the last day
    # the last day any sentence stated, with a figure or not ("misstated Nvidia's decline on Jan. 27, 2025."):
    # what a session named alone ("before the open") is about in an article written long after it
    stated_day: date | None = None
    # "On Monday, investors ran the numbers their own way. Nvidia's stock fell 17 percent ...": the one day a
    # sentence with no figure states, for the market moves of the next sentence of its paragraph when that day
    # is before the report's (today's moves keep their session) (paragraph, day)
    day_set: tuple[int, str] | None = None
    head_group = _group_of(headline, head_mentions, lang) if headline else None
    accounts_quarter_carried: str | None = None  # the paragraph's last accounts quarter ("2025-02/2025-04")
    article_quarter: str | None = None  # ... and the article's, for "9.18 trillion won a year earlier" later on
    # the quarter a results story's headline names ("엔비디아 3분기 매출 62% 급증"): what its undated accounts
    # figures are of, in any paragraph
    head_quarter = _headline_quarter(headline, head_subject, published_at, lang)
    case_party: str | None = None  # the parties of the case the article reports ("Chuan Geng + Shiwei Yang")
    deal = DealContext()  # the two parties of the deal last stated ("OpenAI + Oracle")
    last_topic: tuple[int, str] | None = None  # (paragraph, the last sentence topic named: "앤트로픽은")
    share_market: tuple[int, str] | None = None  # (paragraph, the market the last sentence ranked shares of)
    known_market = market_named(headline) if headline else None  # ... and the last market any sentence ranked
    # whether the article counts chips yet (its headline names GPUs or chips, or a sentence counted them): a bare
    # 장 ("5만 장") counts GPU boards then
    counted_chips = bool(headline and _KO_CHIP_WORDS.search(headline))
    in_case = bool(headline and _CASE_CUE.search(headline))  # whether the article is about a case yet
    head_maker = next((m.entity.canonical for m in head_mentions if m.entity.canonical in chip_makers()), None)
    if head_subject and " + " not in head_subject:
        salience[head_subject] = (2, -1)  # the headline's subject counts twice (ties: after the lead's actors)
    for sent, mentions in sentences:
        st = sent.text
        excluded = excluded_spans(st)
        chips = chip_mentions(mentions)
        prior = prev.counted if prev is not None and prev.paragraph == sent.paragraph else None
        if prior is None and lang == "ko" and counted_chips:
            prior = "sheets:chips"  # ("삼성전자는 5만 장 규모의 'AI 팩토리'를": GPUs, in an article counting them)
        if lang == "ko":
            cands = ko_candidates(st, excluded, [(c.start, c.end) for c in chips], prior)
        else:
            cands = en_candidates(st, excluded, chips, prior)
        sources = attribution_sources(st, mentions, lang)
        own_attr = sources[0].entity.canonical if sources else None
        attr = own_attr or (prev.attribution if prev is not None and prev.paragraph == sent.paragraph else None)
        own_speaker = speaker(sources)
        said_by = own_speaker or (prev.speaker if prev is not None and prev.paragraph == sent.paragraph else None)
        own_group = _group_of(st, mentions, lang)  # the coordinated group the sentence names, if any
        makers = [n for n in salience if n in chip_makers()]
        context_maker = head_maker or (max(makers, key=lambda n: salience[n]) if makers else None)
        fallback = _fallback_subject(prev, sent.paragraph, st, lang, cands[0].start if cands else None,
                                     head_subject, context_maker)
        spans = [(c.start, c.end) for c in cands]
        eligible = eligible_mentions(st, mentions, lang, spans, sources)
        topic = sentence_topic(st, eligible, lang)
        first_subject: str | None = None
        first_scope: str | None = None
        metrics: dict[str, str] = {}
        if cands:
            inherited = prev.metrics if prev is not None else {}
            same_paragraph = prev is not None and prev.paragraph == sent.paragraph
            context_scope = ((prev.subject, prev.scope) if same_paragraph else (None, None), article_scope)
            # "The number of chips was ..." refers to the chips of the sentence before, even across a paragraph
            prev_chip = (prev.chip if prev is not None else None) or head_chip
            figs = _bind(st, lang, cands, spans, mentions, eligible, chips, topic, fallback, attr, inherited,
                         context_scope, prev_chip, _listed_actor(head_subject, salience), prior)
            base = len(out)
            # a sentence that states no date continues the previous one's, in the same paragraph and about the
            # same subject ("27일 ... 847조원 줄었다. 주가는 16.9% 내린 118.58달러로 마감했다.")
            same = prev is not None and prev.paragraph == sent.paragraph
            # ("연간 매출은 1305억 달러로": a year's figure after a quarter's is not that quarter's)
            carried_time = prev.refers_to if same and not _ANNUAL.search(st) else None
            carried_subject = prev.subject if same else None
            # "SK하이닉스는 ... 9.5% 내린 수준에서 거래되고 있다. 삼성전자도 2%대 약세다.": "too" shares the moment
            also = lang == "ko" and bool(_KO_ALSO.match(st))
            # "같은 시각 필라델피아반도체지수는 6.8%": the moment of the article's last session-dated figure
            at_same_time = None
            if _SAME_TIME.search(st):
                at_same_time = last_session or last_time
            elif _SAME_DAY.search(st) and last_day:
                at_same_time = last_day  # "같은 날", "on the same day": the last stated day, no session
            elif _EVENT_DAY.search(st) and stated_day is not None and not date_expressions(st, published_at, lang):
                at_same_time = stated_day.isoformat()
            figs = [_quoted_as_before(st, fig, out) for fig in figs]
            figs = [_officer_speaks_for_company(st, _owner_after(st, lang, _glossed_owner(
                st, lang, _model_owner(st, _index_level_owner(fig, mentions), mentions), mentions), mentions),
                mentions) for fig in figs]
            para_chip = (prev.chip if prev is not None and prev.paragraph == sent.paragraph else None) or head_chip
            prev_revenue = prev is not None and prev.paragraph == sent.paragraph and \
                prev.metrics.get("currency") == "revenue"
            prev_profit = prev is not None and prev.paragraph == sent.paragraph and \
                prev.metrics.get("currency") == "profit"
            figs = [replace(_earned(st, lang, _figure_passes(st, lang, fig, chips, para_chip, prev_revenue),
                                    prev_profit), said_by=said_by) for fig in figs]
            figs = _levels_of_changes(st, lang, figs)
            figs = _multiples_of_amounts(st, lang, figs)
            figs = _moves_in_named(st, lang, figs, mentions)
            figs = _approved_buyers(figs, own_group, prev.group if prev is not None else None,
                                    head_group)
            figs = net_trades(st, lang, stakes(st, lang, funding_and_valuation(st, lang, figs, mentions), mentions))
            figs = capex_plans(st, investment_targets(st, lang, figs, mentions))
            figs, market = market_shares(st, lang, figs, _carried_market(share_market, sent.paragraph),
                                         known_market, eligible)
            topic_before = last_topic[1] if last_topic and last_topic[0] == sent.paragraph else None
            figs, deal = deal_parties(st, lang, figs, mentions, sources, deal, topic_before or fallback[0])
            figs = _conversions_follow(figs)
            # a company's accounts are never a person's: "데이터센터 매출은 512억 달러로" after a sentence quoting
            # its chief executive is the company's (the headline's, else the last company named)
            figs = [_accounts_not_a_persons(f, head_subject, prev) for f in figs]
            in_case = in_case or bool(_CASE_CUE.search(st))
            case_party = _case_party(st, mentions, lang, in_case) or case_party
            if case_party:
                figs = _case_figures(st, lang, figs, case_party)
            for fig in figs:
                out.append(
                    replace(
                        fig,
                        span_start=sent.start + fig.span_start,
                        span_end=sent.start + fig.span_end,
                        sentence_start=sent.start,
                        linked_to=None if fig.linked_to is None else base + fig.linked_to,
                        refers_to=_accounts_period(st, lang, fig, _refers_to(
                            st, (fig.span_start, fig.span_end), published_at, lang,
                            at_same_time or (carried_time if fig.subject == carried_subject or also
                                             or fig.scope in EXPORT_SCOPES else None)
                            or (day_set[1] if day_set is not None and day_set[0] == sent.paragraph
                                and fig.metric in _SESSION_METRICS and published_at is not None
                                and day_set[1] < published_at.astimezone(UTC).date().isoformat() else None),
                            is_event_metric(fig.metric) or is_net_trade(fig.scope)
                            or is_market_share(fig.scope) or fig.scope in EXPORT_SCOPES, _market(fig),
                            _time_metric(fig),
                            [(f.span_start, f.span_end) for f in figs if f is not fig
                             and unit_family(f.unit) == unit_family(fig.unit)
                             # (a share price between is no figure of the same kind as a market-value change)
                             and {f.metric, fig.metric} != {"share_price", "market_value_change"}
                             # (a conversion in parentheses is part of its figure: "$589 billion, or about 846
                             # trillion won, in market value on Monday")
                             and not (f.linked_to is not None and figs[f.linked_to] is fig)
                             and not (fig.linked_to is not None and figs[fig.linked_to] is f)
                             and not _restated_in_other_currency(st, fig, f)],
                            head_session, last_day, stated_day),
                            published_at, accounts_quarter_carried if same else (
                                head_quarter if not date_expressions(st, published_at, lang) else None)),
                    )
                )
            context_quarter = accounts_quarter_carried if same else None
            out[base:] = [without_term_end(st, f) for f in out[base:]]
            _forecasts_share_quarter(out, base, st, sent.start, published_at, lang)
            _shares_share_period(out, base)
            # (a forecast's quarter is the one ahead: "4분기 매출 가이던스로 650억 달러를 제시했다" does not date the
            # results the paragraph goes on with)
            quarters = [f.refers_to for f in out[base:] if f.subject == figs[0].subject
                        and (f.metric in ACCOUNTS_METRICS or f.scope in _ACCOUNTS_CHANGES)
                        and f.scope not in (GUIDANCE_SCOPE, ESTIMATE_SCOPE)
                        and f.refers_to and "/" in f.refers_to
                        # (nor does a comparand: "2분기 영업이익 4조6761억 원과 비교하면 … 불어났다")
                        and not (lang == "ko" and _KO_COMPARAND_AFTER.match(st, f.span_end - sent.start))]
            accounts_quarter_carried = quarters[0] if quarters else (accounts_quarter_carried if same else None)
            article_quarter = quarters[-1] if quarters else article_quarter
            first_subject = figs[0].subject
            first_scope = figs[0].scope if not is_segment(figs[0].scope) else None  # a segment is no model
            for fig in figs:
                if fig.linked_to is None and fig.metric not in ("other", "ratio"):
                    metrics.setdefault(unit_family(fig.unit), fig.metric)
        else:
            metrics = _figureless_metrics(st, lang)
            market = market_shares(st, lang, [], _carried_market(share_market, sent.paragraph))[1]
        share_market = (sent.paragraph, market) if market else None
        known_market = market if market and market != MARKET_SHARE_SCOPE else known_market
        subject = first_subject or topic or fallback[0]
        scope = first_scope if first_subject else (fallback[2] if subject == fallback[0] else None)
        if scope is None and subject:
            named = {m.canonical for m in mentions if m.entity.kind == "model" and m.entity.owner == subject}
            scope = next(iter(named)) if len(named) == 1 else None  # two models named: no scope to carry
        reporters = {(m.start, m.end) for m in sources if m.entity.kind in REPORTING_KINDS}
        for m in mentions:
            # an agency reporting on others is not what the article is about
            if m.entity.kind in ACTOR_KINDS and m.entity.role != "outlet" and (m.start, m.end) not in reporters:
                name = m.entity.owner or m.entity.canonical
                # (mentions so far, earlier first mention): ties go to the actor the article named first
                count, first = salience.get(name, (0, -sent.start))
                salience[name] = (count + 1, first)
        doc_subject = max(salience, key=lambda k: salience[k]) if salience else None
        chip = next((f.chip for f in figs if f.chip), None) if cands else None
        if chip is None and chips:
            chip = chips[0].entity.canonical
        if chip is None and prev is not None and prev.paragraph == sent.paragraph and not cands:
            chip = prev.chip
        # (a forecast's quarter ahead dates no result the paragraph goes on with: "Nvidia forecast $54 billion.
        # It did sell about $650 million of H20 chips outside China" is the quarter reported)
        times = [f.refers_to for f in out[len(out) - len(figs):] if f.refers_to and not (
            f.metric in ACCOUNTS_METRICS and f.scope in (GUIDANCE_SCOPE, ESTIMATE_SCOPE))] if cands else []
        # (a results sentence's comparands come after its figure: "7조 원으로 2분기 4000억 원의 17배" is about the
        # third quarter, as the next sentence's figure is)
        # (a forecast is of a quarter ahead: "forecast third-quarter revenue of $54 billion … after reporting
        # second-quarter revenue of $46.7 billion" is about the second)
        results = [f.refers_to for f in out[len(out) - len(figs):] if f.refers_to and f.metric in ACCOUNTS_METRICS
                   and f.scope not in (GUIDANCE_SCOPE, ESTIMATE_SCOPE)] if cands else []
        accounts_first = bool(results) and figs[0].metric in ACCOUNTS_METRICS
        if times:
            refers = results[0] if accounts_first else times[-1]
        else:
            refers = prev.refers_to if prev is not None and prev.paragraph == sent.paragraph and not cands else None

        group = own_group or (prev.group if prev is not None and prev.paragraph == sent.paragraph
                                                  else None)
        if not cands:
            in_case = in_case or bool(_CASE_CUE.search(st))
            case_party = _case_party(st, mentions, lang, in_case) or case_party
        orgs = [m for m in mentions if m.entity.kind == "org" and m.entity.role != "outlet"
                and m.entity.canonical not in chip_makers()]
        company = orgs[-1].entity.canonical if orgs else (prev.company if prev is not None else None)
        counted_chips = counted_chips or counted_unit(cands) == "chips"
        if cands:
            out[len(out) - len(figs):] = _sentence_periods(st, lang, out[len(out) - len(figs):], sent.start,
                                                           context_quarter, article_quarter)
            out[len(out) - len(figs):] = _estimate_segments(st, lang, two_together(
                st, lang, out[len(out) - len(figs):], sent.start, mentions, companies_named), sent.start)
        companies_named += recent_companies(mentions)
        prev = _Context(sent.paragraph, subject, scope, own_attr, metrics, doc_subject, counted_unit(cands), chip,
                        refers, group, own_speaker, company)
        if topic:
            last_topic = (sent.paragraph, topic)
        last_time = refers or last_time
        if refers and " " in refers:
            last_session = refers
        stated_days = [e for e in date_expressions(st, published_at, lang) if e.granularity == "day"]
        day_set = (sent.paragraph, stated_days[0].start.isoformat()) if (
            not cands and len(stated_days) == 1 and not _day_before_word(stated_days[0].surface)) else None
        if refers and _ISO_DAY.match(refers) and not (stated_days and all(_day_before_word(e.surface)
                                                                          for e in stated_days)):
            # (a day told as "전날" is counted from the day the story is at, which it does not move: "28일 …
            # 반등했다. 전날 16.97% 폭락 … 전날 하루 동안 시가총액 5890억 달러를 잃었다" are both the 27th)
            last_day = refers[:10]
        days = [e.start for e in stated_days
                if not _PERIOD_END_BEFORE.search(st, 0, e.span[0])]  # ("the three months to July 27")
        stated_day = days[-1] if days else stated_day
    return rule_terms(text, warned_recalled(_corrections_inherit(out, [sent for sent, _ in sentences])),
                      [sent for sent, _ in sentences], itertools.chain(head_mentions, *(ms for _, ms in sentences)))


# a correction note: "※ 초판 기사의 '15%'를 '25%'로 바로잡습니다", "An earlier version of this article misstated …"
_CORRECTION_NOTE = re.compile(
    r"바로잡|정정|잘못\s?(?:적|표기|기재|썼|전)|오기를|\bearlier\s+version\b|\bmisstated\b|\bcorrections?\b|"
    r"\b(?:has|have)\s+been\s+(?:corrected|updated\s+to\s+correct)\b", re.I)


_KO_CHIP_WORDS = re.compile(r"GPU|그래픽\s?처리\s?장치|칩|반도체|가속기|블랙웰|Blackwell|H100|H200|H20")


# "outpacing a 0.6% gain in the broader KOSPI", "against a 76% rise in the KOSPI": the move named after its figure
_MOVE_IN_AFTER = re.compile(r"\s+(?:gain|rise|jump|advance|increase|fall|drop|decline|slide|slump|loss)\s+"
                            r"(?:in|for|of|by)\s+(?:the\s+)?(?:broader\s+|benchmark\s+|wider\s+|overall\s+)?$", re.I)


def _moves_in_named(st: str, lang: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """A percent move followed by "gain in the KOSPI" is the named index's or company's, not the sentence
    subject's ("Samsung shares rose as much as 3.4%, outpacing a 0.6% gain in the broader KOSPI")."""
    if lang != "en":
        return figs
    out = list(figs)
    for i, f in enumerate(figs):
        if f.metric != "percent_change":
            continue
        for m in mentions:
            if m.start > f.span_end and m.entity.kind in ("index", "org") and m.entity.role != "outlet" \
                    and _MOVE_IN_AFTER.fullmatch(st[f.span_end : m.start]):
                name = m.entity.owner or m.entity.canonical
                if name != f.subject:
                    out[i] = replace(f, subject=name, subject_via="sentence")
                break
    return out


# "557만6000달러(약 81억 원)의 약 90배", "about 90 times the $5.6 million": a multiple of the sentence's amount
_KO_MULTIPLE_OF = re.compile(r"\s?(?:\([^)]{0,30}\))?\s?의\s?(?:약\s?|무려\s?)?$")
_EN_MULTIPLE_OF = re.compile(r"^\s+(?:the|its|that|DeepSeek's|a)?\s*$", re.I)


def _multiples_of_amounts(st: str, lang: str, figs: list[Figure]) -> list[Figure]:
    """A ratio with no comparand that multiplies the sentence's amount ("딥시크가 밝힌 훈련 비용 557만6000달러의 약
    90배다") is measured against that amount's metric (scope ``vs <metric>``): the GPU spending's multiple of the
    training cost, compared with other reports of that multiple."""
    out = list(figs)
    for i, f in enumerate(figs):
        if f.metric != "ratio" or f.scope or f.unit != "times":
            continue
        for g in figs:
            if g is f or g.unit not in CURRENCY_UNITS or g.linked_to is not None or g.metric in ("other", "ratio"):
                continue
            if (g.span_end <= f.span_start and _KO_MULTIPLE_OF.search(st[g.span_end : f.span_start])
                    and len(st[g.span_end : f.span_start]) <= 40) or (
                    f.span_end <= g.span_start and _EN_MULTIPLE_OF.match(st[f.span_end : g.span_start])):
                out[i] = replace(f, scope=f"vs {g.metric}")
                break
        else:
            # "공개된 훈련비의 9배다", "about 90 times the training cost": a multiple of a quantity the sentence
            # names by its metric word
            for h in cue_hits(st, lang):
                gap = st[h.end : f.span_start] if h.end <= f.span_start else st[f.span_end : h.start]
                named = [m for m in h.metrics if metric_accepts(m, "USD") and m not in ("other", "ratio")]
                if named and len(gap) <= 12 and (
                        (h.end <= f.span_start and _KO_MULTIPLE_OF.search(gap) and "의" in gap)
                        or (f.span_end <= h.start and _EN_MULTIPLE_OF.match(gap))):
                    out[i] = replace(f, scope=f"vs {named[0]}")
                    break
    return out


def _corrections_inherit(out: list[Figure], sentences: list) -> list[Figure]:
    """A correction note's figures are about the figure it corrects: the one of the body (outside any note) that
    gives one of the note's values in the same unit ("'4만 개'로 잘못 표기해 '40만 개'로 바로잡습니다" after "승인
    물량은 모두 40만 개 이상이다"): its subject, metric, chip and scope, for the old value and the new alike."""
    notes = []
    for k, sent in enumerate(sentences):
        if _CORRECTION_NOTE.search(sent.text) or (
                k and _CORRECTION_NOTE.search(sentences[k - 1].text) and sentences[k - 1].paragraph == sent.paragraph):
            # ("Correction: An earlier version misstated the price. It was $123.40, not $12.34.": the note goes on,
            # one note with the sentence before)
            if notes and k and notes[-1][1] == sentences[k - 1].start + len(sentences[k - 1].text) \
                    and sentences[k - 1].paragraph == sent.paragraph:
                notes[-1] = (notes[-1][0], sent.start + len(sent.text))
            else:
                notes.append((sent.start, sent.start + len(sent.text)))
    if not notes or not out:
        return out

    def in_note(f: Figure) -> tuple[int, int] | None:
        return next((n for n in notes if n[0] <= f.span_start < n[1]), None)

    body = [f for f in out if in_note(f) is None and f.subject]  # (a conversion gives its figure's value too)
    result = list(out)
    for note in notes:
        members = [i for i, f in enumerate(out) if in_note(f) == note and f.linked_to is None]
        for i in members:
            f = out[i]
            if f.subject_via == "sentence" and f.metric != "other":
                # the note says itself whose figure it is; its sign is still the body's ("하락률을 19.7%로 잘못
                # 적었기에 16.97%로 바로잡습니다" of a 16.97% fall)
                same = [b for b in body if (b.subject, b.metric, b.unit) == (f.subject, f.metric, f.unit)
                        and _size(b) == _size(f)]
                if same:
                    result[i] = _signed_as(f, same[-1])
                continue
            # (a percentage by its size: "각각 800억 달러, 17%입니다" corrects the body's fall of 17%)
            values = {_size(out[j]) for j in members if out[j].unit == f.unit and out[j].value is not None}
            # the corrected value is the one the body (the current text) gives; the old one it no longer does
            given = [b for b in body if b.unit == f.unit and _size(b) in values]
            if len({(b.subject, b.metric, b.chip) for b in given}) != 1 or (
                    len({b.value for b in given}) != 1 and any(b.scope for b in given)):
                continue  # (both values in the body: only when they are one quantity, "It is 15%, not 20%")
            source = next((b for b in reversed(given) if not b.scope), given[-1])
            if f.subject is not None and f.metric not in ("other", source.metric):
                continue  # the note's own words name another quantity ("수수료 비율을 15%로"): keep them
            result[i] = _signed_as(replace(f, subject=source.subject, subject_via="corrected", metric=source.metric,
                                           chip=source.chip, scope=source.scope,
                                           refers_to=f.refers_to or source.refers_to), source)
        # a note is about one quantity: "반영할 비용 55억 달러의 원화 환산액을 '약 7800억 원'으로 적었으나": the
        # conversion it corrects is of the charge warned, like the 55억 달러 it names
        _corrected_respectively(out, result, members)
        scoped = {(result[i].subject, result[i].metric): result[i].scope for i in members if result[i].scope}
        for i in members:
            scope = scoped.get((result[i].subject, result[i].metric))
            if scope and not result[i].scope:
                result[i] = replace(result[i], scope=scope)
    return result


def _corrected_respectively(out: list[Figure], result: list[Figure], members: list[int]) -> None:
    """"당초 엔비디아 하락률을 9.6%로, AMD의 예상 비용을 80억 달러로 잘못 적었기에 각각 6.87%, 8억 달러로
    바로잡습니다": the values after "각각"/"respectively" correct the ones before it, in order, and are of the same
    quantities (subject, metric, chip, scope; a percentage moves the way the one it corrects does)."""
    if not members:
        return
    sentence = out[members[0]].sentence
    start = out[members[0]].sentence_start
    marker = _RESPECTIVELY.search(sentence)
    if marker is None:
        return
    at = start + marker.start()
    before = [i for i in members if out[i].span_start < at and out[i].sentence_start == start]
    after = [i for i in members if out[i].span_start > at and out[i].sentence_start == start]
    if len(before) != len(after) or not before or any(
            unit_family(out[b].unit) != unit_family(out[a].unit) for b, a in zip(before, after, strict=True)):
        return
    for b, a in zip(before, after, strict=True):
        src, f = result[b], result[a]
        if src.subject is None:
            continue
        f = replace(f, subject=src.subject, subject_via=src.subject_via, metric=src.metric, chip=src.chip,
                    scope=src.scope)
        if f.unit in ("percent", "percentage_points") and f.value and src.value and (f.value > 0) != (src.value > 0):
            f = negated(f)
        result[a] = f


def _size(f: Figure) -> float | None:
    """A figure's value, a percentage's without its direction."""
    return abs(f.value) if f.value is not None and f.unit in ("percent", "percentage_points") else f.value


def _signed_as(f: Figure, source: Figure) -> Figure:
    """A corrected percentage moves the way the body's figure it corrects does ("17%입니다" of a 17% fall)."""
    if f.unit not in ("percent", "percentage_points") or not f.value or not source.value or (
            (f.value > 0) == (source.value > 0)) or f.value != -source.value:
        return f
    return negated(f)


# "It did sell $650 million of H20s to a customer outside China", "H20 6억5000만 달러어치를 판매해": sales made
_EN_SOLD_BEFORE = re.compile(r"\b(?:sell|sells|sold|selling)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?$", re.I)
_KO_SOLD_AFTER = re.compile(r"\s?(?:어치|규모)?(?:를|을)?\s?(?:판매|팔아|팔았|매출을\s?올)")
# "release $180 million of a previously reserved inventory charge", "충당금 가운데 1억8000만 달러를 환입했다": a charge
# taken back, another quantity than the charge
_EN_RELEASED_BEFORE = re.compile(r"\b(?:release|releases|released|releasing|reverse|reversed|reversing|reversal)\s+"
                                 r"(?:of\s+)?(?:about\s+|roughly\s+)?$", re.I)  # ("benefited from the release of")
_EN_OF_THE_CHIPS = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:chips|processors|GPUs)\b|\s+of\s+them\b", re.I)
_KO_RELEASED_AFTER = re.compile(r"\s?(?:를|을)?\s?환입")
RESERVE_RELEASE_SCOPE = "as reserve release"


_KO_EARNED_AFTER = re.compile(r"\s?(?:안팎|가량|정도|수준|가까이|넘게|이상)?\s?(?:을|를)\s?"
                              r"벌(?:었|어\s?들|어들|고|며|면서)")
_KO_PROFIT_WORD = re.compile(r"영업\s?이익|순이익|영업익|이익을")


def _earned(st: str, lang: str, fig: Figure, prev_profit: bool) -> Figure:
    """"SK하이닉스는 9조2129억 원을 벌었다" beside "삼성전자 DS 부문 영업이익은 4000억 원에 그친 반면", "16조 원
    안팎을 벌어들인 것으로" after a sentence on operating profit: what a company earned, in a sentence or paragraph
    about profit and naming no sales, is its profit (벌다 alone is read as revenue)."""
    if lang != "ko" or fig.metric != "revenue" or fig.unit not in CURRENCY_UNITS or not _KO_EARNED_AFTER.match(
            st, fig.span_end) or "매출" in st:
        return fig
    if _KO_PROFIT_WORD.search(st) or prev_profit:
        return replace(fig, metric="profit")
    return fig


def _sold_or_released(st: str, lang: str, fig: Figure, chips: list[Mention]) -> Figure:
    """An amount of a chip a company sold is its revenue from that chip (the chip's: a part of its revenue, not
    a charge or a deal its sentence also names); one it released from a charge taken before is a
    charge scoped ``as reserve release``."""
    if fig.unit not in CURRENCY_UNITS or fig.metric in _MARKET_METRICS:
        return fig
    before = st[max(0, fig.span_start - 24):fig.span_start]
    if _EN_RELEASED_BEFORE.search(before) or (lang == "ko" and _KO_RELEASED_AFTER.match(st, fig.span_end)):
        return replace(fig, metric="charge", scope=RESERVE_RELEASE_SCOPE)
    if fig.metric in ("charge", "deal_value", "other", "revenue") and not fig.scope and (
            _EN_SOLD_BEFORE.search(before) or (lang == "ko" and _KO_SOLD_AFTER.match(st, fig.span_end))):
        # the chip sold: named right after the amount ("$650 million of H20s") or right before it ("H20 6억5000만
        # 달러어치")
        near = [c for c in chips if 0 <= c.start - fig.span_end <= 6 or 0 <= fig.span_start - c.end <= 3]
        if not near and _EN_OF_THE_CHIPS.match(st, fig.span_end):
            near = chips[-1:]  # "release of $180 million of H20 inventory …, and it sold $650 million of the chips"
        if near:
            return replace(fig, metric="revenue", chip=near[0].canonical)
    return fig


# sales lost to export curbs: "cut about $8 billion from sales", "cost it about $8 billion in sales", "a loss of
# roughly $8 billion in H20 sales", "약 80억 달러의 매출 손실"
_SALES_AFTER = re.compile(r"\s+(?:in|of|from|off)\s+(?:(?:lost|its|their|the|H\d+\w*|[A-Z][\w-]+)\s+){0,2}"
                          r"(?:sales|revenues?)\b", re.I)
# "unable to ship a further $2.5 billion of H20 orders", "25억 달러어치는 (1분기에) 출하하지 못했다"
_UNSHIPPED_BEFORE = re.compile(r"\b(?:(?:unable|not\s+able)\s+to|could\s*n[o']?t|can(?:no|')?t)\s+(?:ship|deliver)\s+"
                               r"(?:(?:a\s+further|an\s+additional|another|about|roughly|some)\s+)*$", re.I)
# "$2.5 billion of sales it couldn't ship", "$2.5 billion in H20 orders that could not be shipped"
_EN_UNSHIPPED_AFTER = re.compile(r"\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}(?:sales|orders|revenue|products?|chips)\s+"
                                 r"(?:that\s+)?(?:it|they|the\s+company|Nvidia|AMD)?\s*(?:could\s*n[o']?t|was\s+unable\s+to|"
                                 r"were\s+unable\s+to|could\s+not\s+be)\s+(?:ship|deliver|shipped|delivered)\b", re.I)
_KO_UNSHIPPED_AFTER = re.compile(
    r"\s?(?:어치)?(?:는|를|을|의)?\s?(?:[^\s.,]+\s){0,2}?(?:출하|선적|인도|납품)(?:하지|를)\s?못")
_KO_UNSHIPPED_BEFORE = re.compile(r"(?:출하|선적|인도|납품)하지\s?못한\s?(?:\S+\s){0,2}?(?:물량|주문|매출|제품)"
                                  r"(?:도|은|는|이|가)?\s?$")
_MORE_AFTER = re.compile(r"\s+more\b", re.I)
_SALES_WORD = re.compile(r"\b(?:sales|revenues?)\b", re.I)
_HIT_FROM_LOST_AFTER = re.compile(r"\s+(?:hit|blow|loss|reduction|drag)\s+from\s+(?:the\s+)?(?:lost|forgone|missed)\s+"
                                  r"(?:[A-Z][\w-]*\s+)?(?:sales|revenues?)\b", re.I)
_LOSS_BEFORE = re.compile(r"\b(?:cut|cuts|cost|costs|knock|knocked|knocks|wipe|wiped|shave|shaved|reduce|reduced|"
                          r"lose|losing|loss\s+of|lost|hit\s+of|miss(?:ed)?\s+out\s+on|missing\s+out\s+on|forgo|forgoing|"
                          r"forgone|lose\s+out\s+on)\s+(?:\w+\s+){0,2}(?:about\s+|roughly\s+|some\s+|nearly\s+)?$",
                          re.I)
_KO_LOST_SALES = re.compile(r"\s?(?:의|가량의|규모의|어치의)?\s?매출\s?(?:손실|감소|타격|차질)|"
                            r"\s?(?:의|가량의|규모의)?\s?매출(?:을|를)?\s?(?:놓쳤|놓친|놓칠|잃었|잃은|잃을|날렸|날린)|"
                            r"\s?(?:의|가량의|규모의)?\s?매출(?:이|은)?\s?(?:사라|증발|날아|빠[지진질졌])")
# "수출 규제가 없었다면 80억 달러가량이 더해졌을 것": sales the curbs took away
_KO_WITHOUT_CURBS = re.compile(r"(?:규제|제한|금지|통제)(?:가|이)?\s?없었다면")
# "중국향 H20 판매 중단으로 약 80억 달러가 빠진 전망치다": what a halt took away (with a verb of shrinking after)
_KO_HALTED_BY = re.compile(r"(?:판매|수출|출하)\s?(?:중단|금지|제한|규제|차단)"
                           r"(?:으로|에\s?따라|탓에|때문에)\s?(?:약\s?)?$")
_KO_LOST_SALES_BEFORE = re.compile(r"(?:매출|판매)\s?(?:손실|감소분?|타격|차질)(?:은|는|이|가|도)?\s?(?:약\s?)?$")
# goods held in stock, or written back ("H20 재고 1억8000만달러를 환입했다"): no sale and no charge
_KO_INVENTORY = re.compile(r"재고\s?(?:약\s?)?$")
_KO_WRITTEN_BACK_AFTER = re.compile(r"\s?(?:어치)?(?:를|을)?\s?(?:환입|되돌려)")
# "2분기 매출도 80억 달러가량 줄어들 것", "2분기 매출에서도 80억 달러가 빠질 것"
_KO_SALES_BEFORE = re.compile(r"매출(?:이|도|은|는|에서도|에서는|에서)?\s?$")
# "2분기에 약 7억 달러, 올해 전체로는 약 15억 달러의 매출 손실": an amount listed before the next shares its noun
_KO_LISTED_AMOUNT = re.compile(r"\s?,\s?[^,.]{0,25}?\d[\d.,]*\s?(?:[만억조]\s?(?:\d[\d.,]*\s?[만억조]?\s?)*)?"
                               r"(?:달러|원|위안|유로|엔)")
_KO_SHRINK_AFTER = re.compile(r"(?:\s?\([^)]{1,30}\))?\s?(?:가량|정도|안팎|씩)?(?:이|가)?\s?(?:줄|감소|빠[지진질졌])")
# "would have been roughly $8 billion higher without the H20 restrictions": what a ban cost
_EN_HIGHER_WITHOUT = re.compile(r"\s+(?:higher|more|larger|bigger)\s+(?:if\s+not\s+for|without|but\s+for|absent)\b",
                                re.I)
_INVENTORY_AFTER = re.compile(r"\s+(?:worth\s+)?of\s+(?:[\w-]+\s+){0,3}(?:inventory|inventories|stockpiles?)\b", re.I)


# What a company's spending is on, which part of its revenue a figure is, what a count of chips counts (orders,
# approvals, stock, shipments) and whether a percentage is revenue's: the figure's own clause says.
# ("$500mn on GPUs alone", "서버 투자에 16억 달러, 클러스터 운영에 9억4400만 달러"; "data-center revenue of $41.1
# billion"). Kept as the claim's scope ("on GPUs", "in data center"): the same company's GPU spending and
# server spending, or its total and data-center revenue, are two quantities.
# a conglomerate's chip division is a part of it ("삼성전자 반도체(DS) 부문", "Samsung's semiconductor division")
_DIVISIONS = (
    ("in chip division",
     r"\b(?:semiconductor|chip|chipmaking)\s+(?:division|business|unit|arm|segment)\b|\bDS\s+(?:division|unit)\b"
     r"|\bdevice\s+solutions\b",
     r"반도체\s?(?:\(DS\)\s?)?(?:부문|사업부)|DS\s?부문|디바이스\s?솔루션(?:\s?\(DS\))?\s?(?:부문|사업부)|"
     r"(?<![A-Za-z])DS\s?(?=영업\s?이익|영업익|매출)"),
    ("in memory", r"\bmemory\s+(?:chip\s+)?(?:business|division|unit|segment)\b", r"메모리\s?(?:사업|부문)"),
    # its other divisions ("MX·네트워크 부문이 영업이익 4조3000억 원", "the mobile division's profit")
    ("in mobile division",
     r"\b(?:mobile|smartphone|handset)s?\s+(?:experience\s+)?(?:division|business|unit|segment|arm)\b"
     r"|\bMX\s+(?:division|unit|business)\b",
     r"MX\s?(?:·\s?네트워크\s?)?(?:부문|사업부)|모바일\s?(?:부문|사업부)|스마트폰\s?사업"),
    ("in display division", r"\bdisplay\s+(?:division|business|unit|segment|arm)\b|\bSamsung\s+Display\b",
     r"디스플레이\s?(?:\(SDC\)\s?)?(?:부문|사업부|사업)|삼성디스플레이|SDC\s?부문"),
    ("in consumer electronics division", r"\b(?:consumer\s+electronics|TV\s+and\s+appliances?|appliances?)\s+"
     r"(?:division|business|unit|segment)\b", r"VD\s?(?:·\s?가전\s?)?(?:부문|사업부)|가전\s?(?:부문|사업부)"),
    ("in device experience division", r"\bdevice\s+experience\b|\bDX\s+(?:division|unit)\b", r"DX\s?부문"),
)
SEGMENTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "investment": (
        ("on GPUs", r"\bGPUs?\b|\bgraphics\s+process(?:ors?|ing\s+units?)\b|\baccelerators?\b|\bAI\s+chips\b",
         r"GPU|그래픽\s?처리\s?장치"),
        ("on servers", r"\bservers?\b", r"서버"),
        ("on operations", r"\boperat(?:ing|ions?)\b|\brunning\s+(?:costs?|the\s+clusters?)\b", r"운영|운용"),
        ("on data centers", r"\bdata[- ]cent(?:er|re)s?\b", r"데이터\s?센터"),
    ),
    "chip_count": (
        ("as orders", r"\border(?:s|ed)?\b", r"주문"),
        ("as approvals", r"\bapprov(?:ed|al|als)\b|\bcleared\b|\blicen[cs]es?\b", r"승인|허가|허용"),
        # a seller's stock ("Nvidia's inventory of 700,000"), not a buyer's stockpile (that is what it holds)
        ("in inventory", r"\binventor(?:y|ies)\b", r"재고"),
        # what a maker can turn out in a period ("Huawei can make no more than 200,000 AI chips in 2025", "올해
        # 생산할 수 있는 AI 칩") and a goal or a capacity ("wants to expand it to 1 million GPUs", "could hold more
        # than 500,000 chips", "5000만 개 … 목표"): other quantities than the chips someone has or used
        ("as output", r"\b(?:make|makes|making|produce|produces|producing|production|output|manufactur(?:e|es|ing))\b",
         r"생산|제조(?:할|하|했|량)"),
        ("as target", r"\b(?:aims?\s+to|aiming\s+to|targets?|targeting|goal|wants?\s+to|could\s+hold|can\s+hold|"
                      r"would\s+hold|expand\s+(?:it|the\s+\w+)\s+to)\b", r"목표|확보하겠|늘리겠|갖추겠"),
    ),
    "percent_change": (
        # a segment's growth is not the company's ("Data center revenue rose 73%" beside revenue up 69%)
        ("of data center revenue", r"\bdata[- ]cent(?:er|re)\s+(?:revenues?|sales|business)\b",
         r"데이터\s?센터\s?(?:부문\s?)?매출"),
        ("of operating profit", r"\boperating\s+(?:profits?|income)\b", r"영업\s?이익|영업익"),
        ("of net income", r"\bnet\s+(?:income|profits?)\b", r"순이익"),
        ("of revenue", r"\brevenues?\b|\bsales\b", r"매출|실적"),
    ),
    # a tariff on imports is another quantity than a share of chip sales (both tariff_or_fee_share)
    "tariff_or_fee_share": (
        ("on imports", r"\btariffs?\b|\bdut(?:y|ies)\b|\bimport(?:s|ed)?\b", r"관세|수입\s?(?:반도체|칩|품)"),
        # a share asked for is not the share agreed ("원래 20%를 요구했지만 ... 15%로 낮췄다")
        ("as demand", r"\b(?:asked\s+for|demanded|sought|opened\s+at|initially\s+(?:asked|wanted|sought))\b",
         r"요구했|요구한|요구하"),
    ),
    # a prison term a case's defendants face is one quantity of theirs ("up to 20 years", "최대 징역 20년")
    "duration": (
        ("as prison term", r"\bprison\b|\bjail\b|\bimprisonment\b|\bbehind\s+bars\b", r"징역|수감|실형|금고형"),
    ),
    # an operating profit and a net income are two quantities (an unscoped profit is the operating one)
    "profit": (
        ("as net income", r"\bnet\s+(?:income|profits?|earnings)\b", r"순이익|순익"),
        *_DIVISIONS,
    ),
    # a gross margin and an operating margin are two quantities
    "margin": (
        ("as gross margin", r"\bgross\b", r"매출\s?총이익률|총이익률"),
        ("as operating margin", r"\boperating\b", r"영업\s?이익률"),
        ("as net margin", r"\bnet\b", r"순이익률"),
    ),
    "revenue": (
        *_DIVISIONS,
        ("in data center", r"\bdata[- ]cent(?:er|re)\b", r"데이터\s?센터"),
        # a chipmaker's AI chip sales are a part of its revenue ("AI semiconductor revenue of $5.2bn")
        ("in AI chips", r"\bAI\s+(?:semiconductors?|chips?|accelerators?|processors?)\s+(?:revenues?|sales)\b|"
                        r"\bAI\s+revenues?\b", r"AI\s?(?:반도체|칩)\s?매출|AI\s?매출"),
        ("in gaming", r"\bgaming\b", r"게임"),
        # a memory maker's HBM sales ("Sales of high-bandwidth memory approached $2 billion", "HBM 매출은")
        ("in HBM", r"\b(?:high-bandwidth\s+memory|HBM)\s+(?:revenues?|sales)\b|"
                   r"\b(?:revenues?|sales)\s+(?:of|from)\s+(?:high-bandwidth\s+memory|HBM)\b",
         r"(?:HBM|고대역폭\s?메모리)\s?(?:부문\s?)?매출"),
        ("in China", r"\b(?:from|in)\s+China\b|\b(?:sales|revenues?)\s+to\s+China\b"
                     r"|\bChina(?:,[^,]{0,30},)?\s+(?:accounted|made\s+up)\b"
                     r"|\bChinese\s+(?:sales|revenue)\b",
         r"중국\s?(?:매출|시장\s?매출)|중국에서\s?(?:올린|거둔|벌어들인)"),
    ),
}
_SEGMENT_RX = {metric: tuple((name, re.compile(en, re.I), re.compile(ko)) for name, en, ko in rows)
               for metric, rows in SEGMENTS.items()}


_YEAR_ON_YEAR = re.compile(r"전년\s?(?:동기|같은\s?기간)\s?(?:대비|보다)|\byear[- ](?:over|on)[- ]year\b|"
                           r"\bfrom\s+a\s+year\s+(?:earlier|ago|before)\b", re.I)
_STOCK_WORDS = re.compile(r"\b(?:shares?|stocks?|traded|trading|close[ds]?)\b|주가|주식|종가|장중|거래", re.I)
# Revenue forecast, not reported: the company's guidance, or analysts' estimate (two quantities besides the result)
# (a data provider written with a Korean particle: "LSEG가 집계한 예상치", "팩트셋에 따르면")
_ANALYSTS = re.compile(r"\banalysts?\b|\bconsensus\b|\bWall\s+Street\b|\bLSEG(?![A-Za-z])|\bFactSet(?![A-Za-z])|"
                       r"\bVisible\s+Alpha(?![A-Za-z])|팩트셋|집계한\s?(?:시장\s?)?(?:예상|전망|추정)|\bestimates?\b|"
                       r"시장\s?(?:예상|전망|기대|추정)|컨센서스|증권가|증권사|애널리스트|전문가|"
                       r"에프앤가이드|FnGuide", re.I)

# "증권가는 … 가격이 오르고 있어 4분기 영업이익이 13조 원대로 늘어날 것으로 내다봤다": analysts as the topic of
# the whole sentence, clauses away from the figure
_KO_ANALYSTS_TOPIC = re.compile(r"(?:증권가|증권사|애널리스트|전문가)(?:들)?(?:은|는|이|가|에서는|에선)\s")

# "$43 billion analysts had expected", "$46 billion expected by analysts", "430억달러의 시장 전망치"
_FORECAST_AFTER = re.compile(
    r"\s+(?:average|consensus|mean)\s+(?:of\s+)?(?:analysts?['’]?\s+)?(?:estimates?|forecasts?|expectations?)\b|"
    r"\s+(?:analysts?['’]?\s+)?consensus\b|"  # ("topping the $38.05 billion consensus compiled by LSEG")
    r"\s?(?:that\s+|which\s+)?(?:(?:the\s+)?(?:analysts?|Wall\s+Street|the\s+company|it|Nvidia)\s+"
    r"(?:(?:polled|surveyed)\s+by\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?\s+)?(?:had\s+)?"
    r"(?:expected|forecast|estimated|projected|predicted|guided)|(?:expected|forecast|estimated|projected)\s+by\b)|"
    r"(?:의|인)?\s?(?:시장\s?)?(?:전망치|예상치|추정치|컨센서스)|"
    # "2분기 매출은 450억 달러 안팎으로 예상했다": the amount a forecast puts it at
    r"\s?(?:안팎|가량|정도|수준|내외)?\s?(?:으로|로)\s?(?:예상|전망|내다[봤보본]|예측|제시)"
    r"(?!치?(?:을|를)?\s?(?:웃|넘|상회|하회|밑|뛰어))|"  # (not "441억 달러로 예상을 웃돌면서": a result)
    # "증권가에서는 … 영업이익이 1조 원을 밑돈 것으로 추정하고 있다": where an estimate puts a result not yet out
    r"\s?(?:을|를)\s?(?:밑돈|웃돈|넘은|넘어선|상회한|하회한|기록한)\s?것으로\s?(?:추정|예상|전망|관측|내다)|"
    # "4분기 영업이익이 13조 원대로 늘어날 것으로 내다봤다": where a forecast says it will go
    r"\s?대?(?:으로|로)?\s?(?:늘어날|줄어들|줄어날|증가할|감소할|불어날|개선될|달할|이를|넘어설|웃돌)\s?(?:것|전망)(?:으로|이라고)?\s?"
    r"(?:예상|전망|내다[봤보본]|관측|예측|추정)|"
    # "2분기 매출이 450억 달러(±2%)가 될 것으로 전망했다", "650억 달러에 이를 것으로 내다봤다"
    r"(?:\s?\([^)]{1,20}\))?\s?(?:가|이|에)?\s?(?:될|달할|이를|머물|그칠|기록할)\s?것(?:으로|이라고|이라는)\s?"
    r"(?:예상|전망|내다[봤보본]|관측|예측|추정|밝혔|제시)", re.I)


# "Sales in the fiscal third quarter will be about $54 billion, the company said": what it says the figure will be;
# "if geopolitical issues eased, Nvidia could ship $2 billion to $5 billion of H20 revenue": what it could be
_WILL_BE_BEFORE = re.compile(r"\b(?:will|would|should)\s+(?:be|come\s+in\s+at|reach|total)\s+$|"
                             r"\b(?:could|might)\s+(?:ship|add|bring\s+in|generate|sell|book)\s+(?:about\s+|roughly\s+|"
                             r"up\s+to\s+|another\s+)?$", re.I)
# "중국 판매가 재개될 경우 3분기에 20억~50억 달러의 H20 매출이 더해질 수 있다"
_KO_COULD_ADD_AFTER = re.compile(r"(?:의|가량의|규모의)?\s?(?:[^\s.,]+\s){0,2}?(?:매출|판매)?(?:이|가)?\s?"
                                 r"(?:더해질|추가될|발생할|늘어날)\s?수\s?있")


def _forecast_scope(st: str, fig: Figure) -> Figure:
    """A revenue or profit the figure's clause forecasts is another quantity than the revenue reported: the company's
    guidance ("as guidance": "forecast about $65 billion for the current quarter", "1분기 매출 전망치는 430억달러")
    or analysts' estimate ("as estimate": "analysts had expected $43 billion")."""
    if fig.metric not in ("revenue", "profit") or fig.scope:
        return fig
    lo, _hi = clause_around_span(st, (fig.span_start, fig.span_end))
    before = st[max(lo, fig.span_start - 45):fig.span_start]
    after = st[fig.span_end:fig.span_end + 50]
    if AMOUNT.search(before):
        before = before[_last_money_end(before):]  # only words after the figure before this one govern it
    forecast_before = _GUIDANCE.search(before) or _ESTIMATE_OF_BEFORE.search(before) or _WILL_BE_BEFORE.search(before)
    forecast_after = _FORECAST_AFTER.match(after) or _KO_COULD_ADD_AFTER.match(after)
    analysts = _ANALYSTS.search(st, max(lo, fig.span_start - 70), fig.span_start) or _KO_ANALYSTS_TOPIC.search(
        st, max(0, fig.span_start - 100), fig.span_start)
    # "Analysts on average had estimated $55.4 billion": the verb read as the figure's "estimated" qualifier
    estimated = analysts and st[fig.span_start:fig.span_end].lower().startswith("estimated")
    if not (forecast_before or forecast_after or estimated):
        return fig
    analysts = analysts or (forecast_after and _ANALYSTS.search(forecast_after.group(0)))
    return replace(fig, scope="as estimate" if analysts else "as guidance")


def _last_money_end(text: str) -> int:
    return max(m.end() for m in AMOUNT.finditer(text))


_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|group|company-wide)\s+(?:revenues?|sales|spending|capex)\b[^,;]{0,12}$|"
                           r"(?:전체|총)\s?(?:매출|투자)[^,]{0,8}$", re.I)


# a name glossed by its figure ("SK하이닉스(24조4489억 원)"), not a period ("전 분기(2조9000억 원)", "전년 동기(…)")
_GLOSSED_BY_NAME = re.compile(r"[A-Za-z가-힣](?<!분기)(?<!동기)(?<!기간)(?<!전년)(?<!작년)(?<!지난해)\($")
_DIVISION_GLOSSED = re.compile(r"(?:부문|사업부|division|unit|segment)\($", re.I)


def _segment(st: str, lang: str, fig: Figure, prev_revenue: bool = False) -> Figure:
    """The figure's segment scope (``SEGMENTS``): the segment word nearest the figure in its clause.
    ``prev_revenue``: the previous sentence of the paragraph reported a revenue ("…매출은 391억 달러였다. 전년 동기
    대비 73% 늘어난 수치다": a growth from a year before is that revenue's)."""
    rows = _SEGMENT_RX.get(fig.metric)
    if not rows or fig.scope or (fig.chip and fig.metric not in ("chip_count", "revenue", "tariff_or_fee_share")):
        return fig
    span = (fig.span_start, fig.span_end)
    clause = clause_around(st, span)
    if _TOTAL_BEFORE.search(st, max(0, fig.span_start - 30), fig.span_start):
        return fig  # "and total revenue of $15.95bn" beside the AI chips' $5.2bn: the whole, no segment
    if _GLOSSED_BY_NAME.search(st, max(0, fig.span_start - 12), fig.span_start) and not _DIVISION_GLOSSED.search(
            st, max(0, fig.span_start - 12), fig.span_start):
        # "삼성전자 DS 부문 매출은 … SK하이닉스(24조4489억 원)를 앞섰다": the company named, as a whole (but "삼성전자
        # DS 부문(7조 원)" glosses the division)
        return fig
    if fig.metric == "percent_change":
        if _STOCK_WORDS.search(st):
            return fig  # "shares fell 6% on the revenue warning": the stock's move
        named = any((ko if lang == "ko" else en).search(st, 0, span[0]) for _name, en, ko in rows)
        if prev_revenue and _YEAR_ON_YEAR.search(st) and not named:
            # (but "매출은 전년 동기 대비 39%, 영업이익은 62% 늘어": the sentence names its own)
            return replace(fig, scope="of revenue")
        clause = st  # "revenue of $44.1 billion, up 69% from a year earlier": the sentence's revenue
    elif fig.metric == "chip_count":
        clause = st  # "approved purchases ..., allowing them to buy about 400,000": the nearest kind word
    elif fig.metric in ("revenue", "profit") and "," in st[: fig.span_start]:
        # ("DS 부문이 3분기 매출 33조1000억원, 영업이익 7000억원을 기록했다": the list's profit is the division's too)
        # "Sales to China, including Hong Kong, came to $17.1 billion": the sentence's subject names the part
        clause = st[: fig.span_end]
    elif lang == "ko" and _KO_THAN_AFTER.match(st, fig.span_end):
        # "반도체(DS) 부문 영업이익은 1조1000억 원으로 전 분기(2조9000억 원)보다 줄었다": the comparand is of the part
        # the sentence opened with
        clause = st[: fig.span_end]
    offset = st.find(clause)
    best: tuple[int, str] | None = None
    for name, en, ko in rows:
        for m in (ko if lang == "ko" else en).finditer(clause):
            a, b = offset + m.start(), offset + m.end()
            if lang == "ko" and fig.metric == "percent_change" and b > span[0]:
                continue  # "1분기 매출은 … 73% 늘었고, 데이터센터 매출은 …": a Korean move's noun comes before it
            if name == "as demand" and (_SETTLED_BEFORE.search(st, max(0, span[0] - 24), span[0])
                                        or _KO_SETTLED_AFTER.match(st, span[1])):
                continue  # "애초 20%를 요구했다가 15%로 물러섰다": the share settled on is no demand
            d = span[0] - b if b <= span[0] else max(0, a - span[1])
            if best is None or d < best[0]:
                best = (d, name)
    return replace(fig, scope=best[1]) if best else fig


# a difference between two figures is no figure of either: "55억 달러보다 10억 달러 적은 규모", "$1 billion less than
# it had warned"
_KO_DIFFERENCE = re.compile(
    r"\s?(?:이|가|나|정도|가량)?\s?(?:적은|많은|작은|큰|낮은|높은|줄어든|늘어난|줄었|늘었|적다|많다|적었|많았|"
    r"낮았|높았|작았|컸)")
_KO_TO_AMOUNT_BEFORE = re.compile(r"(?:달러|원)(?:\s?\([^()]{0,30}\))?(?:으로|로)\s?$")
_KO_CHANGED_BY = re.compile(r"\s?(?:를|을)?\s?(?:늘렸|늘린|늘어|올렸|올린|높였|높인|줄였|줄인|줄어|낮췄|낮춘|"
                            r"확대|축소|상향|하향)")
_TOLERANCE_BEFORE = re.compile(r"(?:±|\+/-|\+-|플러스마이너스\s?|\bplus\s+or\s+minus\s)\s?[$€£¥]?\d?$", re.I)
_KO_THAN_BEFORE = re.compile(r"보다(?:는|도)?\s?$")
# "12조1661억 원과 비교하면 한 분기 만에 약 8조 원이 늘었다", "잠정치(…)보다 약 661억 원 많은": the comparison's amount
# named before the difference
_KO_COMPARED_BEFORE = re.compile(r"(?:원|달러)\)?\s?(?:과|와)\s?(?:비교하면|비교해도|비교해|견주면|견줘)[^.\d]{0,14}$|"
                                 r"(?:원|달러)\)?\s?보다(?:는|도)?\s?(?:약\s?)?$")
_KO_OBJECT_BEFORE = re.compile(r"(?:이를|(?:원|달러)\)?\s?(?:을|를))\s?(?:약\s?)?$")
_KO_BEAT_BY = re.compile(r"\s?(?:이나|나)?\s?(?:웃돌|밑돌|상회|하회|초과했)")
_EN_DIFFERENCE = re.compile(r"\s+(?:less|more|lower|higher|smaller|bigger|larger|fewer)\s+than\b|"
                            # "The charge came in $1 billion below what the company had warned of"
                            r"\s+(?:below|above|short\s+of|under|over)\s+(?:what|the\s+\$)", re.I)


# what an accounts change is of → the metric and scope of the level it reaches
_LEVEL_OF_CHANGE = {"of revenue": ("revenue", None), "of data center revenue": ("revenue", "in data center"),
                    "of operating profit": ("profit", None), "of net income": ("profit", "as net income")}
# between a change and the level it reaches: "rose 62 percent from a year earlier to $57 billion",
# "전년 대비 62% 늘어난 570억 달러"
_TO_LEVEL = {
    "en": re.compile(r"\s*(?:(?:from\s+(?:a|the)\s+(?:year|quarter)\s+(?:earlier|ago|before)|"
                     r"year[- ](?:over|on)[- ]year|from\s+the\s+(?:previous|prior|same)\s+(?:quarter|period|year)"
                     r"(?:\s+a\s+year\s+(?:earlier|ago))?|"
                     r"on\s+the\s+year|sequentially),?\s+)?to\s+(?:a\s+(?:record\s+)?)?$", re.I),
    "ko": re.compile(r"\s?(?:증가|늘어|늘|급증|성장|감소|줄어|줄|급감|뛰|오)[가-힣]{0,3}\s?$"),
}


def _levels_of_changes(st: str, lang: str, figs: list[Figure]) -> list[Figure]:
    """An amount a revenue's or profit's change reaches is that revenue or profit ("its revenue for the three
    months through October rose 62 percent from a year earlier to $57 billion": the cue word sits by the
    percentage, the amount it came to is the revenue), when nothing else gave the amount a metric."""
    out = list(figs)
    for i, fig in enumerate(figs):
        if fig.metric != "other" or fig.scope or fig.unit not in CURRENCY_UNITS:
            continue
        change = next((f for f in reversed(figs[:i]) if f.span_end <= fig.span_start), None)
        if change is None or change.metric != "percent_change" or change.scope not in _LEVEL_OF_CHANGE \
                or change.subject != fig.subject:
            continue
        if _TO_LEVEL[lang].fullmatch(st[change.span_end:fig.span_start]):
            metric, scope = _LEVEL_OF_CHANGE[change.scope]
            out[i] = replace(fig, metric=metric, scope=scope)
            # "..., topping analysts' forecasts of $54.9 billion": what was expected of that level
            for j in range(i + 1, len(figs)):
                f = out[j]
                if f.metric == "other" and not f.scope and f.unit in CURRENCY_UNITS and (
                        _ESTIMATE_OF_BEFORE.search(st, max(0, f.span_start - 40), f.span_start)
                        or _FORECAST_AFTER.match(st, f.span_end)
                        or _KO_ESTIMATE_BEFORE.search(st, max(0, f.span_start - 16), f.span_start)):
                    out[j] = _forecast_scope(st, replace(f, metric=metric))
    return out


def _difference(st: str, lang: str, fig: Figure) -> Figure:
    """A figure that is the difference between two others, or a tolerance ("430억 달러(±2%)"): metric ``other``,
    never compared."""
    if (fig.unit in ("percent", "percentage_points") or fig.unit in CURRENCY_UNITS) and _TOLERANCE_BEFORE.search(
            st, max(0, fig.span_start - 16), fig.span_start + 1):
        # ("87억 달러(±3억 달러)", "plus or minus $300 million": the band around a forecast)
        return replace(fig, metric="other", scope=None)
    if fig.unit not in CURRENCY_UNITS or (fig.qualifier != "exact" and lang != "ko"):
        return fig
    if lang == "ko":
        before = st[max(0, fig.span_start - 40) : fig.span_start]
        diff = bool(_KO_THAN_BEFORE.search(st, max(0, fig.span_start - 4), fig.span_start)
                    or _KO_COMPARED_BEFORE.search(before)) and bool(_KO_DIFFERENCE.match(st, fig.span_end)) or bool(
            # "전망치 평균은 10조1000억 원이었는데, 실제 잠정치는 이를 2조 원가량 웃돌았다": by how much it beat it
            _KO_OBJECT_BEFORE.search(before) and _KO_BEAT_BY.match(st, fig.span_end)) or (
            fig.qualifier == "exact") and bool(
            # "계획을 750억 달러에서 850억 달러(약 117조 원)로 100억 달러 늘렸다": by how much it changed
            _KO_TO_AMOUNT_BEFORE.search(st, max(0, fig.span_start - 40), fig.span_start)
            and _KO_CHANGED_BY.match(st, fig.span_end))
    else:
        diff = bool(_EN_DIFFERENCE.match(st, fig.span_end))
    # "영업이익(12조1000억원)과의 격차는 7000억원 남짓으로", "a gap of $2 billion": the gap between two figures
    diff = diff or bool(_GAP_BEFORE.search(st, max(0, fig.span_start - 16), fig.span_start))
    return replace(fig, metric="other") if diff else fig


_GAP_BEFORE = re.compile(r"(?:격차|차이)(?:는|가|도|를)?\s?(?:약\s?|불과\s?)?$|"
                         r"\b(?:gap|difference)\s+of\s+(?:about\s+|roughly\s+)?$", re.I)


def _charge_chip(fig: Figure, chips: list[Mention], para_chip: str | None) -> Figure:
    """A charge that names no chip is for the chip its sentence, paragraph or headline names ("Nvidia will take a
    $5.5 billion charge" in a story about the H20 ban): in this domain a charge is a banned chip's."""
    if fig.metric == "revenue" and fig.chip and fig.subject_via != "sentence" and fig.subject != maker_of(fig.chip):
        # "analysts estimated the H20 brought in $12 billion to $15 billion in 2024": a chip's sales are its
        # maker's revenue
        maker = maker_of(fig.chip)
        return replace(fig, subject=maker, subject_via="chip") if maker else fig
    if fig.metric != "charge" or fig.chip is not None:
        return _makers_charge(fig) if fig.metric == "charge" and fig.chip else fig
    named = list(dict.fromkeys(c.entity.canonical for c in chips))
    chip = named[0] if len(named) == 1 else (para_chip if not named else None)
    if chip and fig.subject in chip_makers() and maker_of(chip) not in (None, fig.subject):
        return fig  # "AMD ... up to $800 million" in a story about the H20: AMD's charge is not for Nvidia's chip
    return _makers_charge(replace(fig, chip=chip)) if chip else fig


RESTRICTING_GOVERNMENT = "US government"
# how long a chip was sold before a rule caught it: "출시 약 1년 만에 수출이 막혔다", "about seven months after its
# launch", "a chip Nvidia sold in China for about seven months before the U.S. restricted it"
# ("… banned its export about seven months later": the launch told in the sentence before)
_LAUNCH = re.compile(r"출시|내놓|선보|걸렸|걸린|\b(?:launch(?:ed)?|debut(?:ed)?|introduc(?:ed|tion)|went\s+on\s+sale|"
                     r"released?|designed|sold|later)\b", re.I)
_CAUGHT = re.compile(r"막[히혔았은는기]|막아|규제|통제|금지|제한|\b(?:restrict\w*|ban(?:s|ned)?|barr(?:ed|ing)|blocked|"
                     r"curbed|cut\s+off|caught|rules?)\b", re.I)


def _restriction_lag(st: str, fig: Figure, chips: list[Mention], para_chip: str | None) -> Figure:
    """The time from a chip's launch to the rule that caught it is a quantity of that chip and of the government
    whose rule it was (``RESTRICTING_GOVERNMENT``: the chips restricted in this domain are under US export rules),
    whoever the sentence makes act (Washington, the Commerce Department, the maker that sold it): one claim however
    told."""
    if fig.metric != "duration" or not (_LAUNCH.search(st) and _CAUGHT.search(st)):
        return fig
    named = list(dict.fromkeys(c.entity.canonical for c in chips))
    chip = fig.chip or (named[0] if len(named) == 1 else para_chip if not named else None)
    maker = maker_of(chip)
    if not maker:
        return fig
    return replace(fig, chip=chip, subject=RESTRICTING_GOVERNMENT, subject_via="chip", scope=None, scope_via=None)


def _makers_charge(fig: Figure) -> Figure:
    """A charge for a chip whose sentence names no company is the chip's maker's ("4월에는 H20 수출 제한으로 55억
    달러의 손실을 예고했다가" under a headline about DeepSeek and Nvidia: Nvidia's)."""
    maker = maker_of(fig.chip)
    if fig.metric == "charge" and maker and fig.subject != maker and fig.subject_via != "sentence":
        return replace(fig, subject=maker, subject_via="chip")
    return fig


def _lost_sales(st: str, lang: str, fig: Figure, chips: list[Mention], para_chip: str | None) -> Figure:
    """Sales lost to a ban are a revenue figure of the chip banned (scope ``as lost sales``), not the company's
    revenue: the chip named
    anywhere in the sentence ("couldn't ship $2.5 billion of H20 orders, and expects the restrictions to cut
    about $8 billion from sales"), else the paragraph's. A value of goods held in stock ("$180 million of
    previously reserved H20 inventory") is no sale at all (``other``)."""
    if fig.unit not in CURRENCY_UNITS:
        return fig
    if lang == "en" and _INVENTORY_AFTER.match(st, fig.span_end) and fig.metric != "charge":
        return replace(fig, metric="other")  # ("wrote down $4.5 billion of inventory" is the charge itself)
    if lang == "ko" and (_KO_INVENTORY.search(st, max(0, fig.span_start - 8), fig.span_start)
                         or _KO_WRITTEN_BACK_AFTER.match(st, fig.span_end)):
        return replace(fig, metric="other")
    if lang == "en":
        after = _SALES_AFTER.match(st, fig.span_end)
        lost = bool(_HIT_FROM_LOST_AFTER.match(st, fig.span_end)) or bool(
            _EN_HIGHER_WITHOUT.match(st, fig.span_end)) or bool(
            after and re.search(r"\b(?:lost|forgone|missed)\b", after.group(0), re.I)) or bool(
            _SALES_AFTER.match(st, fig.span_end)) and bool(
            _LOSS_BEFORE.search(st, max(0, fig.span_start - 40), fig.span_start)) or bool(
            _UNSHIPPED_BEFORE.search(st, max(0, fig.span_start - 50), fig.span_start)) or bool(
            _EN_UNSHIPPED_AFTER.match(st, fig.span_end))
        # ("cost it $2.5 billion of sales in the period and will cost $8 billion more in the current quarter")
        lost = lost or bool(_LOSS_BEFORE.search(st, max(0, fig.span_start - 40), fig.span_start)
                            and _MORE_AFTER.match(st, fig.span_end) and _SALES_WORD.search(st, 0, fig.span_start))
    elif _KO_UNSHIPPED_AFTER.match(st, fig.span_end) or _KO_UNSHIPPED_BEFORE.search(
            st, max(0, fig.span_start - 30), fig.span_start):
        # "25억 달러어치는 출하하지 못했다", "출하하지 못한 H20 물량도 25억 달러": orders a ban kept from shipping
        lost = True
    else:
        listed = _KO_LISTED_AMOUNT.match(st, fig.span_end)
        lost = bool(_KO_LOST_SALES.match(st, fig.span_end)) or bool(listed and _KO_LOST_SALES.match(st, listed.end())) \
            or bool(
            _KO_LOST_SALES_BEFORE.search(st, max(0, fig.span_start - 14), fig.span_start)) or bool(
            _KO_WITHOUT_CURBS.search(st, 0, fig.span_start)) or bool(
            _KO_HALTED_BY.search(st, 0, fig.span_start) and _KO_SHRINK_AFTER.match(st, fig.span_end)) or (
            bool(_KO_SALES_BEFORE.search(st, max(0, fig.span_start - 8), fig.span_start))
            and bool(_KO_SHRINK_AFTER.match(st, fig.span_end)))
    if not lost:
        return fig
    named = list(dict.fromkeys(c.entity.canonical for c in chips))
    chip = fig.chip or (named[0] if len(named) == 1 else None) or (para_chip if not named else None)
    subject = fig.subject
    if chip and maker_of(chip) and kind_of(subject) not in ("org", None):
        subject = maker_of(chip)  # ("중국향 H20 판매 중단으로 약 80억 달러가": the maker's sales, not China's)
    return replace(fig, metric="revenue", chip=chip, scope="as lost sales", subject=subject)


_APIECE_AFTER = re.compile(
    r"\s?(?:apiece|each|a\s+piece|per\s+(?:chip|unit|card|GPU|accelerator)|a\s+(?:chip|unit|card))\b", re.I)
_APIECE_BEFORE_KO = re.compile(
    r"(?:개당|장당|대당|한\s?개에|한\s?개당|1개당)\s?(?:가격은|가격이|값은|값이|단가는)?\s?$")
_HOURLY = re.compile(r"hours?\b|시간", re.I)
_NOT_A_CHIP = re.compile(r"\b(?:racks?|servers?|systems?|machines?|clusters?|boards?|nodes?)\b|서버|랙|시스템", re.I)


def _unit_price(st: str, lang: str, fig: Figure, chips: list[Mention], para_chip: str | None) -> Figure:
    """A chip's price per unit ("it sells for roughly $25,000 to $30,000 apiece", "개당 1만2000~1만5000달러") is
    the chip maker's price of that chip, the same quantity whoever buys it; a price per GPU-hour (a rental,
    "GPU-hours priced at $2 each") stays the renter's."""
    if fig.metric != "price" or fig.unit not in CURRENCY_UNITS:
        return fig
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    apiece = _APIECE_AFTER.match(st, fig.span_end) or (
        lang == "ko" and _APIECE_BEFORE_KO.search(st, max(0, fig.span_start - 16), fig.span_start))
    if not apiece and fig.surface.lower().endswith(("apiece", "each")):
        apiece = True
    if not apiece or _HOURLY.search(st, lo, hi) or _NOT_A_CHIP.search(st, 0, fig.span_start):
        return fig  # ("server racks, each holding eight B200s, for about $489,000 apiece": the rack's price)
    before = [c for c in chips if c.end <= fig.span_start]
    chip = fig.chip or (before[-1].entity.canonical if before else None) or (
        chips[0].entity.canonical if chips else para_chip)
    if chip is None:
        return fig
    maker = maker_of(chip)
    return replace(fig, chip=chip, scope=f"per {chip}", subject=maker or fig.subject,
                   subject_via="chip" if maker else fig.subject_via)


_PER_TOKENS = re.compile(
    r"\b(?:per|every|each|a)\s+(?P<n>trillion|billion|million)\s+tokens\b|(?P<k>조|억|100만|백만)\s?(?:개\s?)?토큰(?:당|마다)",
    re.I)


def _per_tokens(st: str, fig: Figure) -> Figure:
    """A rate per tokens trained ("every trillion tokens of pre-training needed about 180,000 GPU-hours") is
    another quantity than the run's total: its scope says per what."""
    # (the whole sentence up to just after it: "…, or 3.7 days on the cluster" restates the same rate)
    m = _PER_TOKENS.search(st, 0, fig.span_end + 30)
    if m is None or fig.unit in ("percent", "percentage_points"):
        return fig
    size = m["n"].lower() if m["n"] else {"조": "trillion", "억": "hundred million"}.get(m["k"], "million")
    per = f"per {size} tokens"
    return replace(fig, scope=f"{fig.scope} {per}" if fig.scope else per)


# the sentence points at a model it does not name: "H800 칩 약 2000개로 이 모델을 학습시켰다", "trained the model on"
_MODEL_ANAPHOR = re.compile(r"(?:이|그|해당|같은)\s?(?:AI\s?)?모델|"
                            r"\b(?:this|that|the|its|the\s+new)\s+(?:AI\s+|reasoning\s+)?model\b(?!\s+(?:on|for)\s+which)",
                            re.I)
_BASE_MODEL_AFTER = re.compile(
    r"\s?(?:\S+\s){0,1}?(?:base|foundation|underlying)\s+model\b|\s?(?:의\s)?(?:기반|기초|베이스)\s?모델", re.I)


# the model is named as what another is built on: "the V3 base model underneath R1", "R1's base model", "R1의
# 기반이 된 모델"
_BASE_BEFORE_MODEL = re.compile(r"\b(?:base|foundation|underlying)\s+model\s+(?:underneath|under|behind|beneath|of|"
                                r"for|powering|that\s+underpins)\s+(?:its\s+|the\s+)?$", re.I)
_BASE_AFTER_MODEL = re.compile(r"(?:['’]s)?\s+(?:base|foundation|underlying)\s+model\b|"
                               r"\s?의\s?(?:기반이\s?된|기반|기초|베이스)\s?(?:\S+\s)?모델", re.I)


def _on_base_model(st: str, fig: Figure) -> Figure:
    """"R1 cost $294,000 to train on top of a $5.576 million base model", "the V3 base model underneath R1 cost
    about $6 million", "딥시크는 R1의 기반이 된 모델 훈련에 557만6000달러가 들었다고": the base model's figure
    (V3's)."""
    base = base_model(fig.scope)
    if not base:
        return fig
    if _BASE_MODEL_AFTER.match(st, fig.span_end):
        return replace(fig, scope=base, scope_via="text")
    lo, _hi = clause_around_span(st, (fig.span_start, fig.span_end))
    for m in find_mentions(st):
        if (m.entity.canonical == fig.scope and lo <= m.start and m.end <= fig.span_start
                and (_BASE_BEFORE_MODEL.search(st, max(0, m.start - 60), m.start)
                     or _BASE_AFTER_MODEL.match(st, m.end))):
            return replace(fig, scope=base, scope_via="text")
    return fig


_LOSS_WORDS = re.compile(r"\b(?:loss|lost|los(?:e|ing)|wip(?:e|ed|ing)|eras(?:e|ed|ing)|shed|gain(?:ed)?|add(?:ed)?)\b|"
                         r"증발|날아|줄|늘|감소|증가|잃", re.I)


def _share_price_in_range(st: str, fig: Figure) -> Figure:
    """No share trades at billions ("The stock closed at $118.42, and the loss was about $589 billion."): a sum
    that large beside a move is the market value lost or gained, else the market value."""
    if fig.metric != "share_price" or fig.unit not in CURRENCY_UNITS or fig.value is None:
        return fig
    if abs(fig.value) < _SHARE_PRICE_CEILING.get(fig.unit, 10_000) * 100:
        return fig
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    return replace(fig, metric="market_value_change" if _LOSS_WORDS.search(st, lo, hi) else "market_value")


_OPERATING_COST = re.compile(r"\b(?:operating|running)\s+(?:costs?|expenses?|bill)\b|\bcosts?\s+(?:of|to)\s+"
                             r"(?:running|operating|operate|run)\b|운영\s?비(?:용)?|운용\s?비(?:용)?|운영하는\s?(?:데\s?)?"
                             r"(?:드는\s?)?비용", re.I)


def _operating_cost(st: str, fig: Figure) -> Figure:
    """What running something costs ("the cost of running those machines at $944 million", "클러스터 운영비 9억
    4400만 달러") is one quantity: metric other, scope ``as operating cost``, compared (not capital spending)."""
    if fig.unit not in CURRENCY_UNITS or fig.metric not in ("other", "investment") or (
            fig.scope and fig.scope != "on operations"):
        return fig
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    if fig.scope == "on operations" or _OPERATING_COST.search(st, max(0, lo - 20), hi):
        return replace(fig, metric="other", scope=OPERATING_COST_SCOPE)
    return fig


_BUYBACK = re.compile(r"\b(?:share\s+|stock\s+)?(?:buy-?backs?|repurchases?|repurchasing|buying\s+back)\b|"
                      r"자사주|자기주식", re.I)
_OTHER_ACCOUNTS = re.compile(r"\b(?:revenues?|sales|profits?|income|earnings|dividends?)\b|매출|이익|배당", re.I)


def _buyback(st: str, fig: Figure) -> Figure:
    """The money a company puts into buying back its own shares ("approved an additional $60 billion of share
    buybacks", "지난해 8월 승인한 500억 달러에 이은 두 번째 대형 자사주 매입") is its own quantity: metric other, scope
    ``as buyback``, never its revenue or an investment."""
    if fig.unit not in CURRENCY_UNITS or fig.metric in _MARKET_METRICS:
        return fig
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    for m in _BUYBACK.finditer(st, max(lo, fig.span_start - 40), min(len(st), hi + 30, fig.span_end + 40)):
        between = st[m.end():fig.span_start] if m.end() <= fig.span_start else st[fig.span_end:m.start()]
        if not _OTHER_ACCOUNTS.search(between):  # ("The buyback came alongside revenue of $46.7bn": the revenue)
            return replace(fig, metric="other", scope=BUYBACK_SCOPE)
    return fig


_BACKLOG = re.compile(r"\bremaining\s+performance\s+obligations?\b|\bRPO\b|\bbacklog\b|"
                      r"잔여\s?이행\s?의무|수주\s?잔(?:고|액)", re.I)


# an aside between commas ("…, a measure of contracted future revenue, …"): no word of the sentence's own
_ASIDE = re.compile(r",\s+(?:a|an|the|which|that|who)\b[^,]*,", re.I)


def _backlog(st: str, fig: Figure) -> Figure:
    """A company's backlog ("remaining performance obligations of $455 billion", "잔여이행의무(RPO)는 4550억
    달러") is its own quantity (metric other, scope ``as backlog``), never revenue or a deal; its growth ("RPO는 …
    1년 전보다 359% 늘었다", "a 359% jump in RPO") is a change scoped ``of backlog``, not a share move."""
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    word = _BACKLOG.search(st, max(lo, fig.span_start - 60), min(hi, fig.span_end + 40))
    if word is None:
        # the sentence's head noun, however far before: "Remaining performance obligations, which track
        # contracted revenue not yet recognized, rose to $523 billion …, compared with $455 billion"
        heads = list(_BACKLOG.finditer(st, 0, fig.span_start))
        between = _ASIDE.sub("", st[heads[-1].end():fig.span_start]) if heads else ""
        word = heads[-1] if heads and not _OTHER_ACCOUNTS.search(between) else None
    if word is None or fig.metric in ("share_price", "market_value", "market_value_change"):
        return fig
    if fig.unit in CURRENCY_UNITS:
        return replace(fig, metric="other", scope=BACKLOG_SCOPE)
    if fig.unit == "percent" and fig.metric in ("percent_change", "other") and not _STOCK_WORDS.search(
            st, min(word.end(), fig.span_end), max(word.start(), fig.span_start)):
        # (not "the backlog Oracle disclosed on Tuesday, which sent its shares up as much as 43%")
        return replace(fig, metric="percent_change", scope=BACKLOG_CHANGE_SCOPE)
    return fig


# an adjusted figure: "excluding the charge it would have been 71.3%", "이 비용을 빼면 71.3%였을"
_EXCLUDING_BEFORE = re.compile(r"\b(?:excluding|ex-|stripping\s+out|without)\b[^,;]{0,40}$|"
                               r"(?:빼면|제외하면|제외한|제외할\s?경우)\s?$", re.I)
_WOULD_HAVE_BEEN = re.compile(r"\bwould\s+have\s+been\s+$|였을\s?", re.I)
EXCLUDING_SCOPE = "excluding items"


def _excluding_items(st: str, fig: Figure) -> Figure:
    """A margin or profit the text gives without a charge ("excluding the charge it would have been 71.3%", "이
    비용을 빼면 71.3%였을 매출총이익률") is another quantity than the one reported: scope ``… excluding items``."""
    if fig.metric not in ("margin", "profit") or (fig.scope or "").endswith(EXCLUDING_SCOPE):
        return fig
    lo, _hi = clause_around_span(st, (fig.span_start, fig.span_end))
    before = st[max(lo, fig.span_start - 50) : fig.span_start]
    if _EXCLUDING_BEFORE.search(before) or (_WOULD_HAVE_BEEN.search(before) and "exclud" in before.lower()) or (
            _WOULD_HAVE_BEEN.match(st, fig.span_end) and re.search(r"빼면|제외하면", before)):
        scope = fig.scope
        if scope is None and fig.metric == "margin":
            # ("Gross margin was 60.5%; excluding the charge it would have been 71.3%": the sentence's margin)
            scope = next((name for name, en, ko in _SEGMENT_RX["margin"] if en.search(st) or ko.search(st)), None)
        return replace(fig, scope=f"{scope} {EXCLUDING_SCOPE}" if scope else EXCLUDING_SCOPE)
    return fig


# "중국 AI 칩 시장 규모를 500억 달러로 추산", "a $50 billion market opportunity in China": a market's size
_MARKET_SIZE_BEFORE = re.compile(r"시장\s?(?:규모|전체)(?:를|은|는|가|이)?\s?(?:약\s?|연간\s?)?$|"
                                 r"\bmarket\s+(?:size|opportunity|worth|valued)\s+(?:of\s+|at\s+)?(?:about\s+)?$", re.I)
_MARKET_SIZE_AFTER = re.compile(r"\s+(?:(?:AI|chip|data[- ]center|China)\s+){0,3}market\s+(?:opportunity|size)\b",
                                re.I)
MARKET_SIZE_SCOPE = "as market size"


def _market_size(st: str, fig: Figure) -> Figure:
    """A market's size ("시장 규모를 500억 달러로", "a $50 billion market opportunity") is no company's charge, sale or
    spending: metric other, scope ``as market size``."""
    if fig.unit not in CURRENCY_UNITS or fig.metric in _MARKET_METRICS:
        return fig
    lo, _hi = clause_around_span(st, (fig.span_start, fig.span_end))
    if _MARKET_SIZE_BEFORE.search(st, max(lo, fig.span_start - 30), fig.span_start) or _MARKET_SIZE_AFTER.match(
            st, fig.span_end):
        return replace(fig, metric="other", scope=MARKET_SIZE_SCOPE, chip=None)
    return fig


def _unsigned_level(fig: Figure) -> Figure:
    """A margin is a level, never a move: "매출총이익률은 60.5%로 떨어졌다" is 60.5%, whatever the verb says."""
    if fig.metric == "margin" and fig.value is not None and fig.value < 0 and not re.search(r"[-−–]", fig.surface):
        return negated(fig)
    return fig


def _figure_passes(st: str, lang: str, fig: Figure, chips: list[Mention], para_chip: str | None,
                   prev_revenue: bool) -> Figure:
    """What the sentence says about each bound figure, in order, each pass reading the one before's result:
    the chip of a fee share, sales lost to a ban, the chip of a charge, differences between figures, forecasts,
    and the segment a figure is of."""
    fig = _fee_share_chip(st, fig, chips)
    fig = _share_price_in_range(st, fig)
    fig = _unit_price(st, lang, fig, chips, para_chip)
    fig = _per_tokens(st, fig)
    fig = _on_base_model(st, fig)
    fig = _sold_or_released(st, lang, _lost_sales(st, lang, fig, chips, para_chip), chips)
    fig = _restriction_lag(st, _charge_chip(fig, chips, para_chip), chips, para_chip)
    fig = _difference(st, lang, fig)
    fig = warned_charge(st, _forecast_scope(st, fig))
    fig = _segment(st, lang, fig, prev_revenue)
    fig = _backlog(st, _buyback(st, _monthly(st, _sequential(st, _operating_cost(st, fig)))))
    fig = exchange_rate(st, lang, penalty_part(st, _unsigned_level(_excluding_items(st, fig))))
    fig = exports(st, lang, _market_size(st, fig))
    if fig.unit in POWER_UNITS:  # "10 gigawatts of Nvidia systems" ("the first gigawatt" is only a part of them)
        fig = replace(fig, metric="other", scope=FIRST_TRANCHE_SCOPE if first_tranche(st, fig) else POWER_SCOPE,
                      chip=None)
    if fig.scope and kind_of(fig.scope) == "model" and fig.metric in _MARKET_METRICS:
        # "DeepSeek's claim that it trained its V3 model for about $6 million … knocked nearly $600 billion off
        # Nvidia": a market move is nobody's model
        fig = replace(fig, scope=None, scope_via=None)
    return fig


def _group_of(text: str, mentions: list[Mention], lang: str) -> str | None:
    """The last coordinated group of actors ``text`` names ("Alibaba + ByteDance + Tencent"), if any."""
    actors = [m for m in mentions if m.entity.kind in ACTOR_KINDS and m.entity.role != "outlet"]
    groups = [g for g in (subject_of(text, m, actors, lang) for m in actors) if " + " in g]
    return groups[-1] if groups else None


_CASE_CUE = re.compile(r"\b(?:charged|indicted|pleaded|pled|admitted|arrested|accused|convicted|sentenced|smuggl\w*|"
                       r"illegally\s+export\w*)\b|기소|체포|혐의|밀수|밀반출|유죄", re.I)
# figures of a case: its amounts, chip counts, fines and sentences
_CASE_FIGURE_METRICS = frozenset({"deal_value", "chip_count", "fine", "duration"})


# "삼성전자 전체 영업이익(4조6761억원)", "삼성전자 전사 잠정 영업이익(12조1000억원)": the company named before the noun
# the amount glosses
_KO_OWNER_GLOSS = re.compile(r"(?:의)?\s?(?:전체|전사|연결|별도)?\s?(?:잠정\s?)?(?:연간\s?)?"
                             r"(?:영업\s?이익|영업익|순이익|매출액?|영업\s?손실)\s?\($")


def _glossed_owner(st: str, lang: str, fig: Figure, mentions: list[Mention]) -> Figure:
    """An accounts amount in parentheses after "<company> 전체 영업이익(" is that company's, whoever the sentence is
    about ("SK하이닉스는 … 9조2129억원을 거둬 삼성전자 전체 영업이익(4조6761억원)의 두 배가량을")."""
    if lang != "ko" or fig.metric not in ACCOUNTS_METRICS or st[fig.span_start - 1:fig.span_start] != "(":
        return fig
    for m in reversed(mentions):
        if m.end <= fig.span_start and m.entity.kind == "org" and _KO_OWNER_GLOSS.fullmatch(st, m.end, fig.span_start):
            owner = m.entity.owner or m.entity.canonical
            return fig if owner == fig.subject else replace(fig, subject=owner, subject_via="sentence")
    return fig


# "the $300 million that Seagate Technology Holdings agreed to pay in 2023": the company of the relative clause
_EN_OWNER_CLAUSE_VERB = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}(?:agreed\s+to\s+pay|paid|had\s+paid|was\s+fined|"
                                   r"spent|had\s+spent|lost|booked|took|raised|reported|posted)\b")


def _owner_after(st: str, lang: str, fig: Figure, mentions: list[Mention]) -> Figure:
    """An amount a relative clause right after it gives to a company ("falls short of the $300 million that
    Seagate agreed to pay in 2023") is that company's, not the one the article is about."""
    if lang != "en" or fig.unit not in CURRENCY_UNITS:
        return fig
    rel = re.compile(r"\s+(?:that|which)\s+|\s+").match(st, fig.span_end)
    if not rel:
        return fig
    m = next((m for m in mentions if m.start == rel.end() and m.entity.kind == "org"), None)
    if m is None or not _EN_OWNER_CLAUSE_VERB.match(st, m.end + 1 if st[m.end:m.end + 1] == " " else m.end):
        return fig
    owner = m.entity.owner or m.entity.canonical
    return fig if owner == fig.subject else replace(fig, subject=owner, subject_via="sentence")


# what a company's officer announces is the company's: its spending, deals, costs and their terms
# (not a count: "Zuckerberg said Meta would have 350,000 H100s" is a fleet the tracker would file under a model)
_OFFICER_FOR_COMPANY_METRICS = frozenset({"investment", "deal_value", "training_cost", "duration"})


def _officer_speaks_for_company(st: str, fig: Figure, mentions: list[Mention]) -> Figure:
    """A figure bound to a company's officer the sentence names with the title ("샘 올트먼 오픈AI 최고경영자(CEO)는
    … 약 1조4000억 달러를 컴퓨팅 인프라에 투입하겠다고", "OpenAI Chief Executive Sam Altman said it would spend …") is
    the company's (a fortune or a person's own stake stays the person's)."""
    if kind_of(fig.subject) != "person" or fig.metric not in _OFFICER_FOR_COMPANY_METRICS:
        return fig
    employer = speaker_employer(st, mentions, fig.span_start)
    if employer is None or kind_of(employer) != "org":
        return fig
    return replace(fig, subject=employer, subject_via="sentence")


def _index_level_owner(fig: Figure, mentions: list[Mention]) -> Figure:
    """An index level ("closed up 2.57% at 4,042.83, led by SK Hynix and Samsung Electronics") is the index's
    the sentence names last before it, whatever companies the sentence names around it."""
    if fig.unit != "points":
        return fig
    indexes = [m for m in mentions if m.entity.kind == "index" and m.end <= fig.span_start]
    if not indexes or indexes[-1].entity.canonical == fig.subject:
        return fig
    return replace(fig, subject=indexes[-1].entity.canonical, subject_via="sentence")


# what a model is trained with: its cost, its chips, its GPU-hours
_TRAINED_WITH = frozenset({"training_cost", "chip_count", "compute_hours"})


def _model_owner(st: str, fig: Figure, mentions: list[Mention]) -> Figure:
    """A model's property whose sentence names no owner but one model is that model's developer's ("엔비디아 H800
    약 1만 개로 V3를 훈련했다는 …": DeepSeek's, scoped V3); a model named as a yardstick ("챗GPT급 모델") owns none."""
    if fig.subject is not None or fig.metric not in _TRAINED_WITH:
        return fig
    models = {m.entity.canonical: m.entity.owner for m in mentions if m.entity.kind == "model" and m.entity.owner
              and not is_yardstick(st, m)}
    if len(models) != 1:
        return fig
    (model, owner), = models.items()
    makers = chip_makers()  # ("엔비디아 H800 약 1만 개로": the chips' brand, no other company)
    if any(m.entity.kind in ("org", "person") and (m.entity.owner or m.entity.canonical) not in (owner, *makers)
           for m in mentions):
        return fig  # ("챗GPT 개발에 1억 달러 …, 딥시크는 …": another company's sentence too)
    return replace(fig, subject=owner, subject_via="model", scope=fig.scope or model, scope_via=fig.scope_via or "text")


def _case_party(st: str, mentions: list[Mention], lang: str, in_case: bool = False) -> str | None:
    """The parties a sentence charges or reports on in a case ("Chinese nationals Chuan Geng and Shiwei Yang …
    have been charged"), or any sentence once the article is about a case (``in_case``): the group (or the one
    party) of people and unlisted companies it names, if any."""
    if not (in_case or _CASE_CUE.search(st)):
        return None
    parties = [m for m in mentions if m.entity.role != "outlet" and (
        m.entity.kind == "person" and is_case_party(m.entity.canonical))]
    if not parties and _CASE_CUE.search(st):
        # "8월 5일에는 캘리포니아의 ALX솔루션스가 … 기소됐다": a company charged with no person named is the party
        parties = [m for m in mentions if m.entity.role != "outlet" and m.entity.kind == "org"
                   and is_case_party(m.entity.canonical)]
    if not parties:
        return None
    people_and_firms = [m for m in mentions if m.entity.role != "outlet" and is_case_party(m.entity.canonical)]
    return subject_of(st, parties[0], people_and_firms, lang)  # "Chuan Geng + Shiwei Yang"


def _case_figures(st: str, lang: str, figs: list[Figure], party: str) -> list[Figure]:
    """A case figure whose sentence names no party of its own is the case's parties' ("One invoice from early
    2024 alone was worth $28.4 million", "Each faces up to 20 years in prison"): not the chip's maker's, the
    charging agency's or the article's main company's."""
    if (_EN_UNNAMED_PARTY if lang == "en" else _KO_INDEFINITE).search(st) or (
            lang == "en" and _OTHER_REPORT.search(st)):
        return figs
    out = []
    for f in figs:
        if f.metric in _CASE_FIGURE_METRICS and f.subject != party and (
                f.subject is None or (f.subject_via != "sentence" and (
                    f.subject in chip_makers() or kind_of(f.subject) in ("agency", "government", "country")
                    or is_case_party(f.subject) or f.subject_via in ("headline", "previous_sentence")))):
            f = replace(f, subject=party, subject_via="article")
        out.append(f)
    return out


def _approved_buyers(
    figs: list[Figure], own: str | None, previous: str | None, headline: str | None
) -> list[Figure]:
    """Chips approved for purchase are the buyers' ("중국 정부는 바이트댄스와 알리바바, 텐센트 등 … 기업에
    H200 약 40만 개 구매를 조건부로 허용했다", "승인 물량은 모두 40만 개 이상이다" after it): the group of companies
    the sentence, the sentence before or the headline names, not the approving government nor one member carried
    alone."""
    group, via = next(((g, v) for g, v in ((own, "sentence"), (previous, "previous_sentence"),
                                          (headline, "headline")) if g), (None, None))
    if group is None or not any(kind_of(n) == "org" for n in group.split(" + ")):
        return figs
    out = []
    for f in figs:
        if f.metric == "chip_count" and f.scope == "as approvals" and f.subject != group and (
                kind_of(f.subject) in ("government", "country", "agency")
                or (f.subject_via != "sentence" and (f.subject or "") in group.split(" + "))):
            f = replace(f, subject=group, subject_via=via)
        out.append(f)
    return out


def _fee_share_chip(st: str, fig: Figure, chips: list[Mention]) -> Figure:
    """The chip whose sales a government's share is of, when the figure's own clause names none: the first
    chip of a list after a colon ("15% of their revenue from sales of certain AI chips in China: Nvidia's H20
    and AMD's MI308"). (The article's only chip is not enough: "Trump will let Nvidia sell its H200 ... In
    August, the administration struck a deal ... 15 percent" is another deal's share.)"""
    if fig.metric != "tariff_or_fee_share" or fig.chip is not None:
        return fig
    colon = st.find(":", fig.span_end)
    listed = [c for c in chips if colon >= 0 and c.start > colon]
    if not listed:
        # "the 15% that Nvidia and AMD agreed in August to pay on H20 and MI308 sales": the chips whose sales
        # the share is of, named after "on"/"from" in the figure's own clause
        on = _SHARE_ON_CHIPS.search(st, fig.span_end, min(len(st), fig.span_end + 80))
        listed = [c for c in chips if on is not None and c.start >= on.end() and c.start - on.end() <= 12]
    return replace(fig, chip=listed[0].entity.canonical) if listed else fig


_SHARE_ON_CHIPS = re.compile(r"\b(?:on|from|of)\s+(?:(?:its|their|the)\s+)?(?:sales\s+of\s+)?(?=[A-Z]{1,3}\d)")
_OTHER_MODEL = re.compile(r"\b(?:base|underlying|earlier|previous|predecessor)\s+(?:AI\s+)?model\b|"
                          r"기반\s?모델|베이스\s?모델|이전\s?모델|전작", re.I)
_KO_ALSO = re.compile(r"\s?(?:[^\s,.]+\s){0,2}?[^\s,.]+도\s")

_FIGURE_NOUN_AFTER = re.compile(
    r"\s+(?:headline\s+|widely[- ]quoted\s+|famous\s+|official\s+)?(?:figure|number|price\s+tag)\b|"
    r"\s?(?:이라는|라는|이란)\s?(?:수치|숫자|금액)", re.I)
_QUOTE_OPEN = "'‘\"“"
_QUOTE_CLOSE = "'’\"”"


def _quoted_as_before(st: str, fig: Figure, earlier: list[Figure]) -> Figure:
    """A figure the sentence quotes ("'600만 달러 미만'이라는 숫자", "the '$6 million' figure") names a figure
    reported before: it takes the metric, subject, scope and chip of the latest earlier figure of the article
    in the same unit family whose interval meets its own."""
    s, e = fig.span_start, fig.span_end
    quoted = s > 0 and e < len(st) and st[s - 1] in _QUOTE_OPEN and st[e] in _QUOTE_CLOSE
    if not (quoted or _FIGURE_NOUN_AFTER.match(st, e)):  # ("The $5.6 million figure DeepSeek published ...")
        return fig
    family = unit_family(fig.unit)
    for old in reversed(earlier):
        if (old.linked_to is None and old.subject and unit_family(old.unit) == family
                and old.value_low is not None and fig.value_low is not None
                and old.value_low <= (fig.value_high if fig.value_high is not None else fig.value_low)
                and fig.value_low <= (old.value_high if old.value_high is not None else old.value_low)
                and _same_magnitude(old.value, fig.value)):
            return replace(fig, metric=old.metric, subject=old.subject, subject_via="previous_sentence",
                           scope=old.scope, chip=old.chip)
    return fig


def _same_magnitude(a: float | None, b: float | None) -> bool:
    """Whether two values are within a factor of two ("600만 달러 미만" names $5.576 million, not a $2 rate)."""
    return bool(a and b) and 0.5 <= abs(a) / abs(b) <= 2.0


# what may precede a date that opens a sentence: "On", "By", "Late on", "Early Tuesday"
_OPENING_TIME = re.compile(r"\W*(?:[A-Za-z]+\s+){0,2}")


# the same period a year before the one in context: "A year earlier, fourth-quarter revenue was $39.3 billion",
# "$39.3 billion in the year-earlier quarter", "1년 전 4분기 매출은", "전년 동기 매출은 393억 달러"
# (but "rose 69% from a year earlier", "전년 동기 대비 69% 늘었다" compare with it)
_YEAR_EARLIER_OPENING = re.compile(r"\W*(?:A|One)\s+year\s+(?:earlier|ago|before),|"
                                   r"\W*(?:1년|한\s?해)\s?전(?:에는|엔)?\s", re.I)
_YEAR_EARLIER_AFTER = re.compile(r"\s+(?:in\s+the\s+)?(?:a\s+year\s+(?:earlier|ago)(?!\s+(?:quarter|period))|"
                                 r"year-(?:earlier|ago)\s+(?:quarter|period))\b", re.I)
# "the 400 billion won it made three months earlier", "$44.1 billion in the previous quarter"
_QUARTER_EARLIER_AFTER = re.compile(r"\s+(?:(?:it|the\s+company|they)\s+\w+\s+)?(?:three\s+months\s+(?:earlier|before)|"
                                    r"a\s+quarter\s+(?:earlier|before)|(?:in\s+)?the\s+(?:previous|prior|preceding)\s+"
                                    r"quarter)\b", re.I)
# "1년 전 같은 분기", "지난해 같은 기간": a comparison with the same period a year before, no date of its own
_KO_SAME_PERIOD_AFTER = re.compile(r"\s?(?:같은|동일한)\s?(?:기간|분기|달)")
_KO_YEAR_EARLIER_BEFORE = re.compile(r"(?:전년\s?동기|(?:1년|한\s?해)\s?전(?:\s?같은\s?(?:기간|분기))?|"
                                     r"(?:지난해|작년|전년)\s?같은\s?(?:기간|분기)|전년도?|"
                                     r"전\s?회계연도)(?:의|에는|엔)?\s?"
                                     # ("작년 같은 기간 영업이익(9조1834억원)", "1년 전(7조300억원)")
                                     r"(?!대비|보다)(?:[가-힣]+\s?(?:은|는|이|가)?\s?)?\(?$")


def _conversions_follow(figs: list[Figure]) -> list[Figure]:
    """A conversion in parentheses ("300억 달러(약 43조 원)") is its figure's, whatever the sentence's rules made of
    each: the subject, metric and scope of the figure it converts (``linked_to``, an index into ``figs``)."""
    out = list(figs)
    for i, f in enumerate(out):
        if f.linked_to is not None and f.linked_to < i:
            lead = out[f.linked_to]
            if (f.subject, f.metric, f.scope) != (lead.subject, lead.metric, lead.scope):
                out[i] = replace(f, subject=lead.subject, subject_via=lead.subject_via, metric=lead.metric,
                                 scope=lead.scope)
    return out


def _estimate_segments(st: str, lang: str, figs: list[Figure], offset: int) -> list[Figure]:
    """An estimate the sentence sets against a segment's result is that segment's ("Data center revenue was $41.1
    billion, a touch below the $41.3 billion analysts had expected", "데이터센터 부문 매출은 411억 달러로 시장
    예상치(413억 달러)에"), and so is one whose own clause names the segment ("증권가에서는 반도체(DS) 부문 영업이익이
    1조 원을 밑돈 것으로 추정"): scope "in data center, as estimate". Applied once periods are known (``offset``:
    where the sentence starts in the text the figures' offsets count in)."""
    out: list[Figure] = []
    last_result: Figure | None = None
    for f in figs:
        if f.metric in ("revenue", "profit") and f.scope == ESTIMATE_SCOPE:
            seg = None
            if last_result is not None and last_result.subject == f.subject and last_result.metric == f.metric:
                # (set against the whole: "total revenue of $15.95bn, topping the $15.8 billion consensus")
                seg = last_result.scope if last_result.scope and is_segment(last_result.scope) else None
            else:
                local = replace(f, scope=None, span_start=f.span_start - offset, span_end=f.span_end - offset)
                seg = _segment(st, lang, local).scope
            if seg and is_segment(seg):
                f = replace(f, scope=f"{seg}, {ESTIMATE_SCOPE}")
        elif f.metric in ("revenue", "profit") and f.scope not in (ESTIMATE_SCOPE, GUIDANCE_SCOPE):
            last_result = f
        out.append(f)
    return out


def _sentence_periods(st: str, lang: str, figs: list[Figure], offset: int, context: str | None,
                      article: str | None = None) -> list[Figure]:
    """The sentence's accounts figures, once their periods are known (``offset``: where the sentence starts in
    the text their offsets count in; ``context``: the paragraph's accounts period before the sentence):

    - one glossing a company, undated ("SK하이닉스(11조3834억 원)와의 격차" after "3분기 영업이익 7조 원"), is of the
      period of the sentence's accounts figure before it;
    - one the text says is of the same period a year before ("A year earlier, fourth-quarter revenue was …",
      "against $39.3 billion in the year-earlier quarter", "전년 동기(393억 달러)") is dated a year back from its own
      period, else the sentence's, else the paragraph's, else the article's; one "three months earlier" or "in the
      previous quarter" a quarter back. Applied after the period was carried on, so the next sentence keeps the
      period in context."""
    out, period = [], None
    for f in figs:
        if f.metric not in ACCOUNTS_METRICS:
            out.append(f)
            continue
        start, end = f.span_start - offset, f.span_end - offset
        label = f.refers_to
        if label is None and period is not None and _GLOSSED_BY_NAME.search(st, max(0, start - 12), start):
            label = period
        # (a month or day carried from the sentence before is no period to count a year back from: "1년 전 같은
        # 분기 매출은 393억 달러였다" after a sentence dated by its report day)
        periodic = label is not None and (_MONTHS_SPAN.fullmatch(label) or _YEAR_ONLY.fullmatch(label))
        if periodic and lang == "ko" and _KO_ONE_YEAR_AGO.search(st, max(0, start - 8), start):
            periodic = False  # ("11조3834억원을 거두며 1년 전(7조300억원)보다": the year "1년 전" names is no period)
        base = (label if periodic else None) or period or context or article or label
        back = _year_back(base) if base and _a_year_earlier(st, lang, start, end) else None
        if back is None and base and (lang == "en" and _QUARTER_EARLIER_AFTER.match(st, end) or lang == "ko" and (
                base == (period or context or article)  # (not one already dated the quarter before)
                and _KO_PREVIOUS_QUARTER_BEFORE.search(st, max(0, start - 10), start))):
            back = _quarter_back(base)  # ("영업이익률은 47%로 직전 분기(41%)보다": the quarter before)
        if back:
            out.append(replace(f, refers_to=back))
            continue
        if f.refers_to and "/" in f.refers_to:
            period = f.refers_to
        out.append(f if label == f.refers_to else replace(f, refers_to=label))
    return out


_KO_ONE_YEAR_AGO = re.compile(r"(?:1년|한\s?해)\s?전\s?\(?$")
_KO_PREVIOUS_QUARTER_BEFORE = re.compile(r"(?:직전|지난|전)\s?분기\s?(?:의\s?)?\(?\s?$")


def _a_year_earlier(st: str, lang: str, start: int, end: int) -> bool:
    """Whether the text says the figure at ``start:end`` is of the same period a year before."""
    if _YEAR_EARLIER_OPENING.match(st):
        return True
    if lang == "ko":
        return bool(_KO_YEAR_EARLIER_BEFORE.search(st, max(0, start - 24), start))
    return bool(_YEAR_EARLIER_AFTER.match(st, end))


def _quarter_back(label: str) -> str | None:
    """A three-month period label a quarter earlier ("2025-07/2025-09" → "2025-04/2025-06"); ``None`` otherwise."""
    months = _MONTHS_SPAN.fullmatch(label)
    if not months:
        return None
    y1, m1, y2, m2 = int(months["y1"]), int(months["m1"]), int(months["y2"]), int(months["m2"])
    if (y2 * 12 + m2) - (y1 * 12 + m1) != 2:
        return None
    start = y1 * 12 + m1 - 1 - 3
    end = start + 2
    return f"{start // 12:04d}-{start % 12 + 1:02d}/{end // 12:04d}-{end % 12 + 1:02d}"


def _year_back(label: str) -> str | None:
    """A period label a year earlier ("2025-11/2026-01" → "2024-11/2025-01", "2025" → "2024"); ``None`` for a
    label of another shape."""
    months = _MONTHS_SPAN.fullmatch(label)
    if months:
        return f"{int(months['y1']) - 1:04d}-{months['m1']}/{int(months['y2']) - 1:04d}-{months['m2']}"
    if re.fullmatch(r"\d{4}", label):
        return f"{int(label) - 1:04d}"
    return None


_MONTHS_SPAN = re.compile(r"(?P<y1>\d{4})-(?P<m1>\d{2})/(?P<y2>\d{4})-(?P<m2>\d{2})")


def _accounts_period(
    st: str, lang: str, fig: Figure, label: str | None, published_at: datetime | None, carried: str | None = None
) -> str | None:
    """An accounts figure's quarter as its three months, in the company's fiscal calendar
    (``event_time.accounts_quarter``): Nvidia's "1분기 매출" in May 2025 is February-April 2025; a quarter
    expected (guidance, a forecast) is one not yet ended. ``carried``: the quarter of the paragraph's previous
    accounts figure, for one dated only by the day it was reported or not at all ("Data center revenue rose 73%
    to $39.1 billion" after "first-quarter revenue of $44.1 billion on Wednesday")."""
    if is_capex(fig):  # a company's capital spending is of its fiscal periods too, a plan of a year
        when = published_at.date() if published_at else None
        return capex_period(st, lang, fig, accounts_quarter(label, fiscal_year_end(fig.subject), when), when,
                            fiscal_year_end(fig.subject))
    if fig.scope in (BACKLOG_SCOPE, BACKLOG_CHANGE_SCOPE) and label and _MONTH_ONLY.fullmatch(label):
        # "$455 billion at the end of August": the backlog at the end of the quarter ending then
        end = date.fromisoformat(label + "-01")
        return accounts_quarter(f"{end - timedelta(days=60)}/{end + timedelta(days=27)}",
                                fiscal_year_end(fig.subject), published_at.date() if published_at else None)
    if fig.metric not in ACCOUNTS_METRICS and fig.scope not in _ACCOUNTS_CHANGES and fig.scope not in (
            BACKLOG_SCOPE, BACKLOG_CHANGE_SCOPE):
        return calendar_quarter(label)
    lo, hi = clause_around_span(st, (fig.span_start, fig.span_end))
    clause = st[lo:hi]  # ("revenue of $39.3 billion on Wednesday, beating the $37.5 billion it had forecast")
    if carried and (label is None or _ISO_DAY.match(label)) and fig.scope not in ("as guidance", "as estimate") \
            and not _FULL_YEAR.search(st) and not _ANNUAL.search(st) and not _CURRENT_QUARTER.search(clause):
        return carried
    if _FULL_YEAR.search(st) and not date_expressions(st, published_at, lang):
        # "For the full fiscal year, revenue rose 114% to $130.5 billion": the last fiscal year closed, not the
        # quarter the previous sentence was about
        year = fiscal_year_label(fiscal_year_end(fig.subject), published_at.date() if published_at else None)
        if year:
            return year
    if label and _YEAR_ONLY.fullmatch(label) and _FISCAL.search(clause):
        # "2025회계연도 연간 매출은 1305억 달러", "fiscal 2025 revenue": the company's fiscal year of that name
        return named_fiscal_year(int(label), fiscal_year_end(fig.subject))
    # (a figure compared with the estimate it beat is the result: "1분기 매출은 441억 달러로 시장 예상치 433억
    # 달러를 넘어섰다", "ahead of the $43.31 billion analysts had forecast")
    ahead = bool(_EXPECTED.search(clause)) and not _HAD_EXPECTED.search(clause) and not _VS_ESTIMATE.search(clause)
    # (a label the sentence does not state was carried from the one before: "in April" there, "in the current
    # one" here)
    own = label is None or bool(date_expressions(clause, published_at, lang))
    if (label is None or not own) and published_at is not None and _CURRENT_QUARTER.search(clause):
        # "expects the restrictions to cut about $8 billion from sales in the current period"
        return current_quarter(fiscal_year_end(fig.subject), published_at.date())
    if (published_at is not None and _NEXT_QUARTER.search(clause)
            and (fig.scope in (GUIDANCE_SCOPE, ESTIMATE_SCOPE) or ahead)):
        # "다음 분기 매출을 540억 달러로 예상하며", "revenue of $54 billion in the next quarter" beside the results: the
        # company's quarter after the one it reports, the one under way (not the calendar's next)
        return current_quarter(fiscal_year_end(fig.subject), published_at.date())
    previous = _PREVIOUS_QUARTER.search(st, max(0, fig.span_start - 24), fig.span_start)
    if ((label is None or not own) and published_at is not None and fig.unit in CURRENCY_UNITS and previous
            and not AMOUNT.search(st, previous.end(), fig.span_start)):
        # "사상 최대였던 직전 분기(8조828억원)" in a story on the first quarter: the quarter before it (not "전 분기
        # 9조 원보다 늘어난 11조 원": the amount between is the previous quarter's)
        last = last_closed_quarter(fiscal_year_end(fig.subject), published_at.date())
        return last_closed_quarter(fiscal_year_end(fig.subject), date.fromisoformat(last.split("/")[0] + "-01"))
    if ((label is None or not own) and published_at is not None and fig.scope not in ("as guidance", "as estimate")
            and _THE_QUARTER.search(clause)):
        # "could not ship a further $2.5 billion of H20 orders in the quarter" in a results story: the quarter
        # the results are of
        return last_closed_quarter(fiscal_year_end(fig.subject), published_at.date())
    when = published_at.date() if published_at else None
    if ahead and when is not None:
        # "In April Nvidia had said it would take a charge in its first quarter", told in August: the quarter
        # ahead of the day the forecast was made, not of the day it is re-told
        said = [e.start for e in date_expressions(st, published_at, lang) if e.granularity in ("day", "month")
                and e.start < when]
        when = said[0] if said else when
    period = accounts_quarter(label, fiscal_year_end(fig.subject), when, ahead=ahead)
    if period and re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) and _PERIOD_ENDED.search(clause):
        # "in the period ended July 27": the quarter that ended that day
        end = date.fromisoformat(period)
        return accounts_quarter(f"{end - timedelta(days=89)}/{end}", fiscal_year_end(fig.subject), when)
    if period and re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) and published_at is not None and \
            0 <= (published_at.date() - date.fromisoformat(period)).days <= _REPORTING_DAYS:
        # "Operating profit … came to 12.2 trillion won, the firm said Thursday": dated by the day it was reported,
        # of the quarter last closed then (the company's forecast: of the one under way; "the period ended July
        # 27", weeks before, is the period's end)
        forecast = fig.scope == GUIDANCE_SCOPE or (ahead and fig.scope != ESTIMATE_SCOPE)
        return (current_quarter if forecast else last_closed_quarter)(fiscal_year_end(fig.subject),
                                                                     date.fromisoformat(period))
    return period


_PERIOD_ENDED = re.compile(r"\b(?:period|quarter|three\s+months)\s+(?:that\s+)?(?:ended|ending|through|to)\b", re.I)
_REPORTING_DAYS = 7  # a results story dates its figures by the day they were reported within this many days
_VS_ESTIMATE = re.compile(
    r"(?:예상치|전망치|추정치|컨센서스|가이던스)(?:\s?\([^)]*\))?\s?(?:[\d.,]+\s?[억조만]*\s?(?:달러|원)?\s?)?(?:를|을)?\s?"
    r"(?:넘|웃돌|상회|하회|밑돌|뛰어넘)|\b(?:beat|beating|topped|topping|ahead\s+of|exceeded|missed)\b", re.I)
_CURRENT_QUARTER = re.compile(r"\b(?:the\s+)?(?:current|this|ongoing)\s+(?:fiscal\s+)?(?:quarter|period|one)\b|"
                              r"이번\s?분기|현\s?분기|당\s?분기", re.I)
_YEAR_ONLY = re.compile(r"\d{4}")
_MONTH_ONLY = re.compile(r"\d{4}-\d{2}")
_NEXT_QUARTER = re.compile(r"다음\s?분기|\b(?:the\s+)?(?:next|coming|following)\s+(?:fiscal\s+)?quarter\b", re.I)
_PREVIOUS_QUARTER = re.compile(r"(?:직전|지난|전)\s?분기(?!\s?(?:대비|보다|에\s?비해|比))|"
                               r"\b(?:the\s+)?(?:previous|prior|preceding)\s+quarter\b(?!['’]s)", re.I)
_THE_QUARTER = re.compile(
    r"\b(?:in|during|for)\s+the\s+(?:fiscal\s+)?(?:quarter|period)\b(?!\s+(?:end|through|to)\b)", re.I)
# percent changes that are a revenue's or a profit's growth (accounts figures of that period)
# a change from the quarter before is another quantity than the change from a year before ("3분기 영업이익은 직전
# 분기보다 23.6% 늘었고" beside "62% from a year earlier")
SEQUENTIAL = " vs previous quarter"
_YEAR_ON_YEAR_CHANGES = ("of revenue", "of data center revenue", "of operating profit", "of net income")
_ACCOUNTS_CHANGES = frozenset((*_YEAR_ON_YEAR_CHANGES, *(c + SEQUENTIAL for c in _YEAR_ON_YEAR_CHANGES)))
# "직전 분기 대비 10%", "직전 분기 22조2320억 원보다 10%" (the previous quarter's amount named)
_SEQUENTIAL_BEFORE = re.compile(r"(?:직전|전|지난)\s?분기\s?"
                                r"(?:\(?[\d,.]+(?:조|억|만)?(?:\s?\d[\d,.]*(?:억|만))?\s?(?:원|달러)\)?\s?)?"
                                # ("직전 분기 대비로는 매출이 10%")
                                r"(?:대비|보다|에\s?비해|比)(?:로는|으로는|론)?\s?(?:\S+\s){0,2}$")
# "직전 분기 대비로는 매출이 10%, 영업이익이 24% 증가했다": the list after the comparison shares it
_SEQUENTIAL_LIST_BEFORE = re.compile(r"(?:직전|전|지난)\s?분기\s?(?:대비|보다|에\s?비해)(?:로는|으로는|론)?\s?"
                                     r"(?:[^\s\d.,]+\s){1,2}\d[\d.]*\s?%\s?,\s?[^\s\d.,]+\s?$")
_SEQUENTIAL_AFTER = re.compile(r"\s(?:from|over|versus|vs\.?|compared\s+with)\s+the\s+(?:previous|prior|preceding)\s+"
                               r"(?:quarter|three\s+months)\b|\s(?:sequentially|quarter[- ]on[- ]quarter)\b|"
                               # "up 36% from a year earlier and 20% from the second quarter" (not "from the second
                               # quarter of last year")
                               r"\s(?:from|over|versus|vs\.?|compared\s+with)\s+the\s+(?:first|second|third|fourth)"
                               r"[- ]quarter\b(?!\s+(?:of|a\s+year|in\s+20\d\d|last\s+year))", re.I)


MONTHLY_SCOPE = "as monthly"
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a month's sales ("September sales alone", "December revenue of", "9월 한 달 매출", "10월 매출이"): a quantity of
# its own, not the quarter it falls in
_MONTHLY = re.compile(rf"\b{_MONTH_NAMES}\s+(?:revenue|sales)\b|\bmonthly\s+(?:revenue|sales)\b|"
                      # (not "2~4월 매출": a span of months)
                      r"(?<![~\-–∼\d])\d{1,2}월\s?(?:한\s?달\s?)?매출|(?<![\d~])월(?:간|별)\s?매출")


def _monthly(st: str, fig: Figure) -> Figure:
    """A revenue of one month (scope ``as monthly``), dated by that month."""
    if fig.metric != "revenue" or fig.scope:
        return fig
    lo, _hi = clause_around_span(st, (fig.span_start, fig.span_end))
    if _MONTHLY.search(st, max(lo, fig.span_start - 40), fig.span_start):
        return replace(fig, scope=MONTHLY_SCOPE)
    return fig


def _sequential(st: str, fig: Figure) -> Figure:
    """A revenue or profit change from the previous quarter (scope ``… vs previous quarter``)."""
    if fig.metric != "percent_change" or fig.scope not in _YEAR_ON_YEAR_CHANGES:
        return fig
    if _SEQUENTIAL_BEFORE.search(st, max(0, fig.span_start - 40), fig.span_start) or _SEQUENTIAL_AFTER.match(
            st, fig.span_end) or _SEQUENTIAL_LIST_BEFORE.search(st, max(0, fig.span_start - 70), fig.span_start):
        return replace(fig, scope=fig.scope + SEQUENTIAL)
    # "매출은 2분기 22조2320억 원에서 3분기 24조4489억 원으로 10% 증가했다": from one quarter to the next
    span = _FROM_QUARTER_TO_NEXT.search(st, max(0, fig.span_start - 60), fig.span_start)
    if span and int(span["b"]) == int(span["a"]) % 4 + 1:
        return replace(fig, scope=fig.scope + SEQUENTIAL)
    return fig


_FROM_QUARTER_TO_NEXT = re.compile(r"(?P<a>[1-4])\s?분기\s?\(?[\d,.]+\s?(?:조|억|만)?[^,]{0,12}?(?:원|달러)\)?\s?"
                                   r"에서\s?(?P<b>[1-4])\s?분기\s?\(?[\d,.]+\s?(?:조|억|만)?[^,]{0,12}?(?:원|달러)\)?\s?(?:으로|로)\s?$")
_KO_DAY_BEFORE_WORDS = frozenset({"전날", "전일"})
_EN_DAY_BEFORE = re.compile(r"(?:in\s+|on\s+)?the\s+(?:previous|prior|preceding)\s+(?:day|session|trading\s+day)", re.I)
SEOUL = ZoneInfo("Asia/Seoul")


def _day_before_word(surface: str) -> bool:
    """Whether a date expression is "전날"/"the previous day": a day counted from the one the story is at."""
    text = surface.strip()
    return text in _KO_DAY_BEFORE_WORDS or _EN_DAY_BEFORE.fullmatch(text) is not None
# how long after the last day an article stated a session named alone is that day's, not the publication's
_RECAP_DAYS = 7
# a year still running: a market move "this year" is the move so far
_THIS_YEAR = re.compile(r"(?:so\s+far\s+)?this\s+year|올해(?:\s?들어)?|올\s?들어|연초\s?이후|연초\s?대비", re.I)
_TO_DATE_METRICS = frozenset({"percent_change", "market_value_change"})
_N_MONTHS_TO = re.compile(r"\b(three|six|nine|twelve|\d{1,2})\s+months\s+(?:that\s+)?"
                          r"(?:to|through|ended|ending|ending\s+in)\s+(?:the\s+end\s+of\s+)?$", re.I)
_NUMBER_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_PERIOD_END_BEFORE = re.compile(r"\b(?:months?|quarter|weeks?|period|year)\s+(?:to|through|ended|ending)\s+$|"
                                r"(?:분기|개월|기간|회계연도)\s?\(?$", re.I)


_EN_FROM_AMOUNT = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped|compared)?"
                             r"\s*(?:from|with|against|versus|vs\.?)\s+(?:about\s+|roughly\s+)?$", re.I)
_EN_IN_PERIOD = re.compile(r"\s+(?:in|during|for)\s+(?:the\s+)?", re.I)
# ("… 4조 원에 그쳐 1분기 1조1000억 원에서 더 쪼그라들었다": the amount a change started from)
_KO_COMPARAND_AFTER = re.compile(r"\)?\s?(?:보다|대비|에\s?비해|(?:과|와)\s?비교|에서(?=\s))")


def _right_after(st: str, end: int, start: int) -> bool:
    """Whether only spaces or an opening parenthesis stand between offsets ``end`` and ``start``."""
    return end <= start and not st[end:start].strip(" (")


def _accounts_not_a_persons(fig: Figure, head_subject: str | None, prev: _Context | None) -> Figure:
    """An accounts figure carried to a person from the sentence before (its subject came by context) is the
    company's the article is about; so is a buyback carried to anyone but a company ("이사회는 600억 달러 규모의
    자사주 추가 매입도 승인했다" after a sentence on China's curbs)."""
    carried = fig.subject_via in ("previous_sentence", "article")
    if carried and fig.scope == BUYBACK_SCOPE and kind_of(fig.subject) not in ("org", None):
        company = next((c for c in (head_subject, prev.company if prev else None, prev.doc_subject if prev else None)
                        if c and kind_of(c) == "org"), None)
        if company:
            return replace(fig, subject=company, subject_via="article")
    if (carried and kind_of(fig.subject) == "person"
            and (fig.metric in ACCOUNTS_METRICS or fig.scope in _ACCOUNTS_CHANGES)):
        company = next((c for c in (head_subject, prev.company if prev else None, prev.doc_subject if prev else None)
                        if c and kind_of(c) == "org"), None)
        if company:
            return replace(fig, subject=company, subject_via="article")
    return fig


def _carried_market(share_market: tuple[int, str] | None, paragraph: int) -> str | None:
    """The market the previous sentence ranked shares of, when it is of the same paragraph."""
    return share_market[1] if share_market is not None and share_market[0] == paragraph else None


def _time_metric(fig: Figure) -> str:
    """The metric a figure's date is read by: a change in accounts ("revenue rose 20%") as the accounts, an
    investor group's net trading as a session's quantity (its morning tally is intraday), else its own."""
    if fig.scope in _ACCOUNTS_CHANGES:
        return "revenue"
    if is_net_trade(fig.scope):
        return "share_price"
    return fig.metric


def _market(fig: Figure) -> str | None:
    """The market whose sessions date the figure: its subject's, or Seoul's for net trading in won."""
    if is_net_trade(fig.scope) and fig.unit == "KRW":
        return "KRX"
    return market_of(fig.subject)


def _own_session(st: str, span: tuple[int, int], others: list[tuple[int, int]], lang: str,
                 session: str | None) -> str | None:
    """The session a cue next to the figure names when no other figure of its kind stands between them."""
    if not session:
        return None
    for name, a, b in session_cues(st, lang):
        lo, hi = (span[1], a) if a >= span[1] else (b, span[0])
        if name == session and lo <= hi and not any(lo <= o[0] and o[1] <= hi for o in others):
            return name
    return None


def _refers_to(
    st: str, span: tuple[int, int], published_at: datetime | None, lang: str, carried: str | None = None,
    event: bool = False,
    market: str | None = None,
    metric: str | None = None,
    others: list[tuple[int, int]] | None = None,  # the sentence's other figures of this one's unit family
    head_session: str | None = None,  # the session the headline names ("before the bell": premarket)
    last_day: str | None = None,  # the last day the article stated before this sentence ("2025-01-28")
    stated_day: date | None = None,  # the last day any sentence before this one stated
) -> str | None:
    """The date or period the figure is about (``event_time``), as its label. Resolved in UTC: a Korean
    morning report on the US session ("이날") then falls on the US trading day, as the US outlets' reports do.

    ``carried`` is the event time of the previous sentence of the paragraph about the same subject: a sentence
    with only a session cue ("...로 마감했다") takes that day for its session, and a sentence with no time at
    all takes it whole when the figure is of an event metric."""
    found = refers_to(st, span, published_at, lang, market=market)
    if found is not None and lang == "ko" and _KO_SAME_PERIOD_AFTER.match(st, found.span[1]):
        found = None  # "1년 전 같은 분기의 393억 달러": the year-earlier quarter, dated from the sentence's own
    if (found is not None and lang == "ko" and published_at is not None and published_at.tzinfo is not None
            and found.granularity == "day" and found.surface.strip() in _KO_DAY_BEFORE_WORDS
            and found.start == published_at.astimezone(UTC).date() - timedelta(days=1)):
        # "전날" counts from the day the story is at: the last day the article stated ("28일 … 반등했다. 전날에는
        # 17% 폭락하며": the 27th), else Seoul's publication day ("전날 뉴욕증시에서 … 마감했다" at 08:30 in Seoul,
        # 23:30 UTC the day before: Monday in New York, not the day before the UTC date)
        if "간밤" in st:  # "간밤 엔비디아는 … 마감했지만, 전날 17% 폭락한": the day before the night's session
            base = session_day(published_at, market or "US")
        else:
            base = date.fromisoformat(last_day) if last_day else published_at.astimezone(SEOUL).date()
        day = base - timedelta(days=1)
        found = replace(found, start=day, end=day)
    if (found is not None and lang == "en" and last_day and found.granularity == "day"
            and _EN_DAY_BEFORE.fullmatch(found.surface.strip())):
        # "Nvidia rose 8.9% on Jan. 28. The stock had plunged 17% the previous day.": the day before the one
        # the article is at, not the day before publication
        base = date.fromisoformat(last_day)
        day = previous_weekday(base) if metric in _SESSION_METRICS else base - timedelta(days=1)
        found = replace(found, start=day, end=day)
    if (found is not None and metric in _SESSION_METRICS and published_at is not None
            and found.surface.strip().lower() in _TODAY_WORDS and found.granularity == "day"):
        # "이날 증발한 시총은 5930억 달러" in a Seoul morning report: the day is the market's latest session
        # (New York's Monday), not the calendar day of publication
        day = session_day(published_at, market or "US")
        found = replace(found, start=day, end=day)
    if (found is not None and published_at is not None and _FISCAL.search(found.surface)
            and found.granularity != "fiscal_quarter"  # (its label names the fiscal year: accounts_quarter)
            and found.start > published_at.date() + timedelta(days=120)):
        # "2026 회계연도 1분기" written in May 2025: a fiscal year named after the calendar year it ends in (Nvidia's
        # ends in January), not a quarter a year ahead
        found = replace(found, start=_years_back(found.start), end=_years_back(found.end))
    if found is not None and metric in ACCOUNTS_METRICS and (found.granularity == "day" or (
            found.granularity == "month" and not _MONTHLY.search(st))):  # (a month's own sales are the month's)
        # "first-quarter revenue of $44.1 billion on Wednesday": the quarter the revenue is of, not the day it
        # was reported ("Licences required in April cost it a $4.5 billion charge … in the February-April quarter":
        # nor the month of the cause)
        periods = [e for e in date_expressions(st, published_at, lang) if e.granularity != "day"
                   and (found.granularity == "day" or e.granularity != "month")]
        lo, hi = clause_around_span(st, span)
        periods = [e for e in periods if lo <= e.span[0] and e.span[1] <= hi]
        if periods:
            found = min(periods, key=lambda e: min(abs(e.span[0] - span[1]), abs(span[0] - e.span[1])))
    if (found is not None and found.granularity == "year" and metric in _TO_DATE_METRICS and published_at is not None
            and found.start.year == published_at.year and _THIS_YEAR.fullmatch(found.surface.strip())):
        # "extending its gain this year to about 68%" written in October: the move so far, as "연초 대비" and "year to
        # date" are (January to the month of the report); a full year's move, "gained 76% last year", is the year's
        month_end = (date(published_at.year + published_at.month // 12, published_at.month % 12 + 1, 1)
                     - timedelta(days=1))
        return f"{published_at.year:04d}-01-01/{month_end.isoformat()}"
    months = _N_MONTHS_TO.search(st, max(0, found.span[0] - 30), found.span[0]) if (
        found is not None and found.granularity == "month") else None
    if found is not None and months:
        # "revenue for the six months to June": the half year ending that month, not the month
        n = _NUMBER_WORDS.get(months.group(1).lower()) or int(months.group(1))
        first = found.start.year * 12 + found.start.month - 1 - (n - 1)
        return f"{first // 12:04d}-{first % 12 + 1:02d}/{found.start.year:04d}-{found.start.month:02d}"
    if found is not None and found.session and metric not in _SESSION_METRICS:
        # a session is a market's: "said Tuesday after the close it will take a charge" dates the charge's
        # announcement to the day, not to a trading session
        found = replace(found, session=None, prior_session=False)
    if found is not None and found.granularity == "day" and _DAY_AFTER_ITS.search(st, 0, span[0]):
        # "closing up 8.9% on Tuesday, a day after its 17% plunge": the plunge was the day before
        before = found.start - timedelta(days=1)
        return before.isoformat()
    if (found is not None and found.granularity == "day" and found.span[1] <= span[0]
            and _DAY_EARLIER.match(st, span[1])):
        # "rebounded 8.9% on Tuesday after losing nearly $600 billion in market value a day earlier": Monday
        before = previous_weekday(found.start) if metric in _SESSION_METRICS else found.start - timedelta(days=1)
        return before.isoformat()
    if (found is not None and found.granularity == "day" and found.span[1] <= span[0]
            and _DAY_AFTER.search(st, found.span[1], span[0])):
        # "up 4% in premarket trading Tuesday, a day after it closed down 17% at $118.42": Monday's close
        before = found.start - timedelta(days=1)
        return f"{before.isoformat()} {found.session}" if found.session else before.isoformat()
    if found is not None and lang == "en" and others and not (found.session and not has_date(st, lang)) and not (
            _OPENING_TIME.fullmatch(st, 0, found.span[0])) and any(
            (found.span[1] <= o[0] and o[1] <= span[0]) or (span[1] <= o[0] and o[1] <= found.span[0])
            for o in others):
        # "Nvidia's $589 billion loss ... was more than double the $279 billion it lost on Sept. 3 last year":
        # a date beyond another figure of the same kind is that figure's ("fell 16.9% to $118.42 on Monday"
        # dates both); a date opening the sentence ("By Monday's close it was worth $2.9 trillion, after a 17%
        # drop erased $589 billion") dates all of it
        cue = _own_session(st, span, others, lang, found.session)
        found = None
        if cue is not None and published_at is not None:
            # ("… on Wednesday became the first company to touch $4 trillion …, as its shares rose as much as 2.8% to
            # a record $164.42 in morning trading": the day is the other figure's, the session cue beside this one
            # still dates it to the session of the day it was written)
            return f"{session_day(published_at, market or 'US').isoformat()} {cue}"
    if found is not None and lang == "ko" and others and any(
            found.span[1] <= o[0] and o[1] <= span[0] and _KO_PAST_ADNOMINAL.match(st, o[1]) for o in others):
        # "지난 24일 3조5000억 달러에 육박하던 엔비디아 시총은 2조9000억 달러 안팎으로 쪼그라들었다": the date is in the
        # clause about what the value was (…던), not about where it went
        found = None
    if found is not None and lang == "ko" and others and not _right_after(st, found.span[1], span[0]) and any(
            _right_after(st, found.span[1], o[0]) and _KO_COMPARAND_AFTER.match(st, o[1]) for o in others):
        # "영업이익은 전 분기 9조 원보다 늘어난 11조 원": the period is the comparand's, not the result's
        found = None
    if found is not None and lang == "en" and others and any(
            _EN_FROM_AMOUNT.search(st, max(0, o[0] - 24), o[0]) and _EN_IN_PERIOD.fullmatch(st, o[1], found.span[0])
            and not (o[0] <= span[0] < o[1]) for o in others):
        # "profit came to 12.2 trillion won, up from 4.7 trillion won in the second quarter, on revenue of 86.1
        # trillion won": the period is the comparand's
        found = None
    day = carried.split(" ", 1)[0] if carried else None
    if found is None and day and _ISO_DAY.match(day) and _NEXT_DAY.search(st):
        # "엔비디아는 다음 날 8.9% 반등했다" after a sentence about the 27th: the 28th
        nxt = date.fromisoformat(day[:10]) + timedelta(days=1)
        while nxt.weekday() >= 5 and metric in _SESSION_METRICS:
            nxt += timedelta(days=1)
        return nxt.isoformat()
    if found is not None:
        if found.session and day and _ISO_DAY.match(day) and not date_expressions(st, published_at, lang):
            if found.prior_session:  # "전 거래일 종가는 142.62달러였다" after the day's close
                day = previous_weekday(date.fromisoformat(day)).isoformat()
            return f"{day} {found.session}"
        if (found.session and stated_day is not None and found.granularity == "day"
                and (found.start - stated_day).days > _RECAP_DAYS and not date_expressions(st, published_at, lang)):
            # "An earlier version misstated Nvidia's decline on Jan. 27, 2025. ... before the open they had been
            # indicated about 12% lower" in January 2026: that day's session, not the one of publication
            return f"{stated_day.isoformat()} {found.session}"
        # a move of a session still running when the report was written is not its close (intraday only:
        # before the open, an undated move is as likely the last close, recapped)
        if (found.session is None and found.granularity == "day" and metric in _SESSION_METRICS
                and published_at is not None
                and session_at(published_at, found.start, market or "US") == "intraday"):
            return f"{found.start.isoformat()} intraday"
        return found.label()
    if metric == "percent_change":
        # "still up about 90% from a year earlier": a change over a period, not the day's move
        period = change_period(st, span, published_at, lang)
        if period is not None:
            return period.label()
    if (carried is None and metric in _SESSION_METRICS and published_at is not None and head_session
            and head_session != "close" and not date_expressions(st, published_at, lang)):
        # "Nvidia slides before the bell ...": "Broadcom and Marvell were down 11%" is the premarket's move
        today = session_day(published_at, market or "US")
        if head_session != "premarket" or session_at(published_at, today, market or "US") == "premarket":
            return f"{today.isoformat()} {head_session}"
    if (carried is None and metric in _SESSION_METRICS and published_at is not None
            and not date_expressions(st, published_at, lang)  # ("after Monday's 17% plunge" names a day)
            and (lang == "en") == ((market or "US") == "US")):
        # "The Nasdaq composite was down 3.4%" in a report written at 11:05 New York time: the running session
        # (a report in the market's own language; a Seoul column at midnight is not following New York's trading)
        today = session_day(published_at, market or "US")
        if session_at(published_at, today, market or "US") == "intraday":
            return f"{today.isoformat()} intraday"
    return carried if event else None


def _bind(
    st: str,
    lang: str,
    cands: list[Candidate],
    spans: list[tuple[int, int]],
    mentions: list,
    eligible: list,
    chips: list,
    topic: str | None,
    fallback: tuple[str | None, str | None, str | None],
    attr: str | None,
    inherited: dict[str, str],
    context_scope: tuple[tuple[str | None, str | None], dict[str, str]] = ((None, None), {}),
    prev_chip: str | None = None,
    listed: str | None = None,
    prior_counted: str | None = None,
) -> list[Figure]:
    cands = _shared_counts(_shared_directions(st, cands),
                           bool(chips) or (prev_chip is not None and _VOLUME_WORD.search(st) is not None), st)
    hits = cue_hits(st, lang)
    ctx_base = {m.entity.canonical for m in mentions} | {m.entity.kind for m in mentions}
    ctx_base |= {m.entity.owner for m in mentions if m.entity.owner}
    rows: list[dict] = []
    fam_spans = [(c.start, c.end, unit_family(c.unit)) for c in cands]
    properties = property_cue_starts(hits)
    fb_subject, fb_via, fb_scope = fallback
    for c in cands:
        span = (c.start, c.end)
        ratio = c.unit in ("times", "fraction")
        scope_from_article: str | None = None  # the scope, when the article alone gave it
        carried_scope: str | None = None
        bound = None if ratio else bind_subject(st, eligible, span, lang, properties, spans)
        if bound is not None and lang == "ko" and fb_subject and _KO_ANAPHOR_TOPIC.search(st, 0, c.start):
            # "이들은 싱가포르와 말레이시아를 거쳐 ... 200개 이상을": the topic refers back; the places are obliques
            bound = None
        if bound is None and not ratio:
            bound = _antecedent(st, lang, eligible, span)
        if bound is None and not ratio and lang == "ko" and c.unit in ("percent", "percentage_points"):
            # "AMD도 MI308 수출 제한으로 … 공시한 뒤 7.35% 떨어졌다": the sentence-opening topic is what moved,
            # whatever clause stands between it and the move
            opening = next((m for m in eligible if m.end <= c.start and _KO_OPENING_TOPIC.fullmatch(st, 0, m.start)
                            and re.match(r"(?:은|는|이|가|도)\s", st[m.end:m.end + 2])), None)
            if opening is not None and opening.entity.kind in ("org", "index"):
                bound = opening
        if (bound is not None and lang == "ko" and fb_subject and bound.end <= c.start
                and _KO_COMPARED_WITH.search(st, bound.end, c.start)
                and (bound.entity.owner or bound.entity.canonical) != fb_subject):
            # "오픈AI와 메타 등 미국 빅테크가 모델 하나에 수억 달러를 쓰는 것과 비교하면 600만 달러 미만이라는 비용은":
            # what the figure is compared with is not whose figure it is; the context's subject is
            bound = None
        if bound is not None:
            subject, via = subject_of(st, bound, eligible, lang, span), "sentence"
            scope = model_scope(subject, mentions, span, st)
        elif (ratio and lang == "ko" and rows and rows[-1]["subject"]
              and _KO_OF_FIGURE_BEFORE.search(st, max(0, c.start - 8), c.start)
              and any(r["subject"] and r["subject"] != rows[-1]["subject"] for r in rows[:-1])):
            # "딥시크가 … 들인 비용은 557만 6000달러로, 오픈AI가 … 쓴 1억 달러의 20분의 1 수준": a fraction of the
            # figure just before it (OpenAI's) is the earlier figure's owner's
            subject, via = next((r["subject"], r["via"]) for r in reversed(rows[:-1])
                                if r["subject"] and r["subject"] != rows[-1]["subject"])
            scope = model_scope(subject, mentions, span, st)
        elif ratio and fb_subject and (_RATIO_BACK_START.match(st) or (lang == "ko" and (
                _KO_COMPARED.search(st) or _KO_OF_FIGURE_BEFORE.search(st, max(0, c.start - 8), c.start)))):
            # "오픈AI가 ... 들인 1억 달러와 비교하면 20분의 1 수준이다": the named party is what it is compared with
            subject, via, scope = fb_subject, fb_via, model_scope(fb_subject, mentions, span, st) or fb_scope
        elif ratio and topic and (rows or fb_subject) and _RATIO_OF_AFTER.match(st, c.end) and any(
                m.start >= c.end and (m.entity.owner or m.entity.canonical) == topic for m in eligible):
            # "The company spent about $6 million ..., roughly one-tenth of what Meta spent": Meta is what the
            # ratio compares with; it is the subject's (the sentence's figure before it, else the context's)
            subject, via = (rows[-1]["subject"], rows[-1]["via"]) if rows and rows[-1]["subject"] else (
                fb_subject, fb_via)
            scope = model_scope(subject, mentions, span, st) if subject else None
        elif ratio and topic:
            subject, via, scope = topic, "sentence", model_scope(topic, mentions, span, st)
        elif (_EN_UNNAMED_PARTY if lang == "en" else _KO_INDEFINITE).search(st, 0, c.start):
            # "..., 선전의 한 판매업자는 2000개 이상의 칩이 든 ... 거래를": about a party the text does not name
            subject, via, scope = None, None, None
        elif fb_via in ("headline", "article") and c.unit in _GROUP_COUNTS:
            # "11개 기업 대표들이 ...", "dozens of companies": the count is itself the (unnamed) subject
            subject, via, scope = None, None, None
        elif not eligible and not ANAPHOR[lang].search(st) and (employer := speaker_employer(st, mentions, c.start)):
            # "OpenAI chief executive Sam Altman said training foundation models had cost much more than $100
            # million": the speaker's company, when the sentence names no other party
            subject, via, scope = employer, "sentence", None
        else:
            subject, via = fb_subject, fb_via
            scope = model_scope(subject, mentions, span, st)
            carried_scope = fb_scope  # the context's model: taken below, for what a model has
        if _NEGATED_AFTER.match(st, c.end) or _NEGATED_BEFORE.search(st, 0, c.start):
            # "약 600조원이 아닌 846조원", "not $600 billion": a figure the text rejects reports nothing
            subject, via, scope = None, None, None
        if ratio and subject:
            # a ratio is of its subject against something: "1/20 of what OpenAI spent" is not "1/10 of Meta's"
            scope = _comparand(subject, eligible, span, st, lang) or scope
        own_scope = (scope or carried_scope) is not None  # named in the sentence itself (or carried with its subject)
        ctx = ctx_base | ({subject} if subject else set())
        metric = assign_metric(
            hits, span, c.unit, fam_spans, ctx, unit_family(c.unit), inherited.get(unit_family(c.unit)), st
        )
        cued = any(any(metric_accepts(n, c.unit) for n in h.metrics) for h in hits)
        if (metric == "company_count" and c.unit in ("count", "companies") and lang == "ko"
                and prior_counted == "chips" and "개" in st[c.start : c.end]
                and not _KO_COMPANY_COUNTER.search(st[c.start : c.end]) and not _KO_COMPANY_COUNTER.match(st, c.end)):
            # "미국 AI 기업들은 1만 6000개가량을 쓴다" after a sentence counting chips: the companies are the
            # subject, the count is of chips ("11개 기업", "11곳" count companies)
            metric, c = "chip_count", replace(c, unit="chips")
        elif (lang == "ko" and c.unit in ("count", "companies") and "개" in st[c.start : c.end]
              and not _KO_COMPANY_COUNTER.match(st, c.end) and _VOLUME_WORD.search(st, max(0, c.start - 20), c.start)
              and (chips or prev_chip or prior_counted == "chips")):
            # "승인 물량은 40만 개 이상" after a sentence about three companies buying H200s: a volume of chips
            metric, c = "chip_count", replace(c, unit="chips")
        if c.unit == "hours" and c.value is not None and c.value >= 20_000 and _GPU_WORD.search(st):
            # "2.788 million hours of H800 time": GPU-hours (no training run lasts 20,000 hours)
            metric, c = "compute_hours", replace(c, unit="gpu_hours")
        if c.unit in ("percent", "percentage_points") and c.direction != 0 and metric == "other":
            metric = "percent_change"
        if ratio and metric != "tariff_or_fee_share":
            metric = "ratio"
        if metric == "tariff_or_fee_share" and c.direction != 0 and c.value is not None:
            # a share taken has no direction ("the 15% that Nvidia and AMD agreed to pay" after "The cut is")
            c = replace(c, value=abs(c.value), direction=0, low=None if c.low is None else abs(c.low),
                        high=None if c.high is None else abs(c.high))
        if metric == "other" and c.unit in CURRENCY_UNITS and own_scope and not cued and \
                not (scope or carried_scope or "").startswith("vs "):
            # money about a model the sentence names, with no cue word at all: what it cost to train ("V3
            # cost $5.6 million"); an article-wide model does not make "operating costs of $944mn" a training cost
            metric = "training_cost"
        if metric == "training_cost" and c.unit in CURRENCY_UNITS and _OPERATING.search(clause_around(st, span)):
            metric = "investment"  # "$944 million of costs tied to operating the clusters": running, not training
        if c.unit in CURRENCY_UNITS and (_PER_UNIT_AFTER.match(st, c.end) or _PER_UNIT_BEFORE.search(st, 0, c.start)):
            metric = "price"
        elif (c.unit in CURRENCY_UNITS and lang == "ko" and metric in ("deal_value", "other")
              and _KO_TRAINED_WITH.match(st, c.end)):
            metric = "training_cost"  # "약 600만 달러어치 컴퓨팅 파워로 V3를 훈련했다": what training it took
        elif c.unit in CURRENCY_UNITS and lang == "en" and (built := _TRAINED_FOR.search(
                st, max(0, c.start - 80), c.start)):
            metric = "training_cost"  # "claiming to have trained a frontier model for about $6mn wiped ..."
            builder = [m for m in eligible if m.end <= built.start() and m.entity.kind in ("org", "model")]
            if builder and builder[-1].end > built.start() - 30:
                # "DeepSeek did not 'build OpenAI for $5M'": who built, not what the thing was likened to
                subject = builder[-1].entity.owner or builder[-1].entity.canonical
                via = "sentence"
        elif (c.unit in CURRENCY_UNITS and lang == "en"
              and _PRICE_AFTER_MOVE.search(st, max(0, c.start - 40), c.start)
              and (re.search(r"\b(?:shares?|stock)\b", st[max(0, c.start - 60):c.start], re.I)
                   or (subject and kind_of(subject) in ("org", "index") and not is_private(subject)
                       and c.value is not None and c.value < _SHARE_PRICE_CEILING.get(c.unit, 10_000)))
              and not re.search(r"\b(?:revenues?|sales)\b", st[max(0, c.start - 60):c.start], re.I)):
            # ("Nvidia tumbled nearly 17% to $118.58 on Monday": a listed company's move to a price)
            metric = "share_price"  # "shares fell 17% to $118.58 on Monday, erasing nearly $600 billion"
        elif c.unit in CURRENCY_UNITS and metric != "deal_value" and (
                _GOODS_AFTER.match(st, c.end) if lang == "en" else _KO_GOODS_AFTER.match(st, c.end)):
            metric = "deal_value"  # "at least $160 million of Nvidia H100 and H200 chips": what goods were worth
        if metric == "deal_value" and subject and kind_of(subject) in ("org", None) and _VALUATION_BEFORE.search(
                st, 0, c.start) and not _DEAL_NOUN.search(clause_around(st, span)):
            # "Scale AI was valued at about $14 billion", "the first company worth more than $5tn": what the
            # company is worth, not a deal
            metric = "market_value"
        if metric == "market_value_change":
            clause = clause_around(st, span)
            if (_MARKET_VALUE_WORD.search(clause) and not _VALUE_CHANGE.search(clause)) or (
                    _LEVEL_AFTER.match(st, c.end) or _LEVEL_BEFORE.search(st, 0, c.start)
                    or (st[c.start:c.end].endswith(("까지", "으로")) and _LEVEL_VERB_AFTER.match(st, c.end))
                    or (lang == "ko" and _KO_FROM_LEVEL.match(st, c.end))):
                # "market capitalization stood at about $2.9 trillion", "2조9000억 달러 선으로 내려앉았다",
                # "fell to $2.9 trillion": a level
                metric = "market_value"
        if (metric == "deal_value" and (subject in chip_makers() or chips) and _MAKER_SOLD.search(st)
                and _OVER_A_PERIOD.search(st)):
            # "the company sold $12 billion to $15 billion worth of H20 chips in 2024": a chipmaker's sales over
            # a period are its revenue, not one deal
            metric = "revenue"
        if scope is None and subject and is_model_metric(metric) and (
            metric != "chip_count" or _TRAINING_USE.search(st)
        ) and not _OTHER_MODEL.search(st):  # ("the cost of the underlying base model": not the model in context)
            # the model named in context: the one carried with the subject, the previous sentence's (same
            # subject), else the article's; only for what a model has (its training cost, chips, hours), not for
            # a company's spending or holdings
            (prev_subject, prev_scope), article = context_scope
            scope = carried_scope or (prev_scope if prev_subject == subject and prev_scope else article.get(subject))
            if (scope is not None and scope != carried_scope
                    and not _MODEL_ANAPHOR.search(st)):  # ("이 모델을 학습시켰다": the text points at it)
                # (the article's one model or the previous sentence's, not the sentence's own: "R1 모델 개발에 쓴
                # 비용은 … 딥시크는 엔비디아 H800 약 2000개를 사용했는데" names no model for the chips)
                scope_from_article = scope
        subject, via = _subject_for_metric(st, lang, metric, subject, via, eligible, mentions, span, fb_subject,
                                           fb_via, properties)
        if (metric in _MARKET_METRICS and subject and kind_of(subject) in ("government", "agency", "country")
                and (via != "sentence" or _SHARE_WORDS.search(st))) or (
                is_private(subject) and (via not in ("sentence", None) or listed or any(
                    m.entity.kind == "org" and not is_private(m.entity.canonical) and m.entity.role != "outlet"
                    for m in mentions)) and (
                    metric in _TRADED_METRICS or (metric == "percent_change" and _TRADED_MOVE.search(st)))):
            # "주가는 시간외 거래에서 6% 넘게 떨어졌다" in an article that names the US government most: shares
            # that moved are a listed company's (the headline's, else the article's most mentioned one); so are
            # "8.93% 오른 128.99달러로 마감" under a headline about DeepSeek, whose shares do not trade, and
            # "DeepSeek's debut had erased $589 billion of its value" (the listed company the sentence names first)
            traded = [m for m in mentions if m.entity.kind in ("org", "index") and not is_private(m.entity.canonical)
                      and m.entity.role != "outlet"] if is_private(subject) else []
            if traded:
                near = min(traded, key=lambda m: min(abs(m.start - span[1]), abs(span[0] - m.end)))
                subject, via = near.entity.canonical, "sentence"
            else:
                subject, via = (listed, "article") if listed else (None, None)
        if subject is None and metric in ACCOUNTS_METRICS and listed and not chips and not any(
                m.entity.kind in ACTOR_KINDS and m.entity.role != "outlet" for m in mentions):
            # "Analysts had expected operating profit of 8.1 trillion won", "The board approved an additional $60
            # billion of share buybacks" in a results story: a company's accounts are the listed company the
            # article reports on when the sentence names no actor at all (nor a chip, whose maker it may be)
            subject, via = listed, "article"
        if metric in ("deal_value", "chip_count") and _SMUGGLING.search(st) and (
                subject in chip_makers() or kind_of(subject) in ("government", "agency", "country")
                or (via in ("headline", "article") and kind_of(subject) == "person")):
            # "a smuggling network that tried to move at least $160 million of Nvidia H100 and H200 chips", "엔비디아
            # 칩 … 밀반출": the maker makes the chips, the case is the smugglers' (named ones bind in the sentence);
            # the agency that charges them and a headline's president are not parties to it either
            subject, via = None, None
        if c.unit in CURRENCY_UNITS and (_TARGET_AFTER.match(st, c.end) or _TARGET_BEFORE.search(
                st, max(0, c.start - 30), c.start)):
            # "with a $175 price target", "목표주가를 166달러로": an analyst's target for the stock, not a price
            # it traded at (its own quantity: scope "as target")
            metric, scope = "share_price", "as target"
            listed_orgs = [m for m in eligible if m.entity.kind == "org"]
            if subject not in {m.entity.canonical for m in listed_orgs} and listed_orgs:
                best = min(listed_orgs, key=lambda m: min(abs(m.start - span[1]), abs(span[0] - m.end)))
                subject, via = best.entity.canonical, "sentence"
        if c.unit in CURRENCY_UNITS and _FORTUNE.search(clause_around(st, span)):
            people = [m for m in eligible if m.entity.kind == "person"]
            if people:
                # "knocked some $20 billion off the fortune of co-founder Jensen Huang": a person's wealth,
                # not the company's value (no metric of its own; scope "as fortune" says what it is)
                best = min(people, key=lambda m: min(abs(m.start - span[1]), abs(span[0] - m.end)))
                subject, via, metric, scope = best.entity.canonical, "sentence", "other", FORTUNE_SCOPE
        rows.append({"c": c, "subject": subject, "via": via, "scope": scope, "metric": metric, "linked_to": None,
                     "qualifier": c.qualifier, "article_scope": scope_from_article})
    _distribute_respectively(st, rows, eligible)
    _comparands_share_metric(st, rows, {m.entity.canonical for m in mentions if m.entity.kind == "model"})
    _share_settled(st, rows)
    _forecasts_of_revenue(st, rows)
    for i in range(1, len(rows)):
        a, b = rows[i - 1]["c"], rows[i]["c"]
        if (
            a.unit in CURRENCY_UNITS
            and b.unit in CURRENCY_UNITS
            and a.unit != b.unit
            and _CONVERSION_GAP.match(st[a.end : b.start])
        ):
            main = rows[i - 1]
            while main["linked_to"] is not None:
                main = rows[main["linked_to"]]
            rows[i]["linked_to"] = rows.index(main)
            for key in ("metric", "subject", "via", "scope"):
                rows[i][key] = main[key]
            # A conversion is part of its figure: "5억 달러(약 7290억 원) 이상" is at least 7290억 원 too.
            if main["qualifier"] not in ("exact", "approx") and rows[i]["qualifier"] in ("exact", "approx"):
                rows[i]["qualifier"] = main["qualifier"]
    figs = []
    for r in rows:
        c = r["c"]
        chip = bind_chip(st, chips, (c.start, c.end), c.unit, r["metric"], spans, c.chip)
        if r["linked_to"] is not None:
            chip = figs[r["linked_to"]].chip
        elif chip is None and r["metric"] == "chip_count" and not chips and prev_chip and (
                _REFERS_TO_CHIPS.search(st) or _VOLUME_WORD.search(st)):
            # "The number of chips was believed to be fewer than 50,000." after a sentence about H100s
            chip = prev_chip
        elif chip is None and r["metric"] == "tariff_or_fee_share":
            # a share of the sales of the one chip the sentence names, else (when the sentence dates no deal of
            # its own) of the previous sentence's: "판매액의 25%는 미국 정부가 가져가는 조건이다." after one
            # about H200 sales; "In August, ... 15 percent of their revenue from certain chip sales" is another
            named = {m.entity.canonical for m in chips}
            # not a chip another share of the sentence binds ("15%를 ... 재개했고, 12월에는 H200 수출이 25%")
            named -= {bind_chip(st, chips, (o["c"].start, o["c"].end), o["c"].unit, o["metric"], spans, o["c"].chip)
                      for o in rows if o is not r and o["metric"] == "tariff_or_fee_share"}
            if len(named) == 1:
                chip = next(iter(named))
            elif not chips and prev_chip and not has_date(st, lang):
                chip = prev_chip
        elif chip is None and r["metric"] == "duration":
            # a span of time until a chip was restricted is about that chip ("restricted the H800 about seven
            # months after the chip went on sale"); a training run's hours on H800s are not
            ruled = [m for m in chips if _REGULATION.search(st, max(0, m.start - 30), min(len(st), m.end + 30))]
            if ruled:
                chip = min(ruled, key=lambda m: max(m.start - c.end, c.start - m.end, 0)).entity.canonical
            elif len({m.entity.canonical for m in chips}) == 1 and _PASSIVE_RESTRICTION.search(st):
                chip = chips[0].entity.canonical  # "The H800 ..., caught by the October 2023 rules seven months later"
            elif not chips and prev_chip and (_PASSIVE_RESTRICTION.search(st) or _RESTRICTED_IT.search(st)):
                chip = prev_chip  # "Washington restricted it, too, in October 2023, about seven months after ..."
        qualifier = r["qualifier"]
        low, high = interval(c.value, c.resolution, qualifier, c.low, c.high)
        figs.append(
            Figure(
                surface=st[c.start : c.end],
                value=c.value,
                unit=c.unit,
                qualifier=qualifier,
                value_low=low,
                value_high=high,
                span_start=c.start,
                span_end=c.end,
                sentence=st,
                sentence_start=0,
                metric=r["metric"],
                subject=r["subject"],
                chip=chip,
                attributed_to=attr,
                rule=c.rule + ("+conversion" if r["linked_to"] is not None else ""),
                linked_to=r["linked_to"],
                subject_via=r["via"] if r["subject"] else None,
                scope=r["scope"],
                scope_via=(None if not r["scope"] else "article" if r["scope"] == r.get("article_scope") else "text"),
            )
        )
    return figs
