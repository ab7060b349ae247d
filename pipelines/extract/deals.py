"""The two parties of a deal: a contract between two companies is a claim of both.

"OpenAI has agreed to buy about $300 billion of computing power from Oracle" and "오라클, 오픈AI와 3000억 달러
계약" report one contract; whichever party a sentence puts first, its value, its length and its chips are the
pair's (``Oracle + OpenAI`` sorted: ``OpenAI + Oracle``). A party is marked by the sentence's grammar: in English
the company after "with", "from" or "between … and"; in Korean the one followed by 와/과(의), (으)로부터 or
에(게). A sentence that names a deal's party again, or "the two companies"/"두 회사", carries the pair of the
deal last stated. Smuggling cases, chip purchases from a chip maker without a deal word, an investment in a
company ("will invest up to $10 billion in Anthropic") and anything a government is party to are not deals
here (their own rules bind them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .candidate import CURRENCY_UNITS, POWER_UNITS, unit_family
from .entities import Mention, chip_makers, kind_of
from .funding import FUNDING_ROUND_SCOPE
from .metrics import POWER_TOTAL_SCOPE
from .model import Figure
from .sentences import clause_around

__all__ = ["DEAL_METRICS", "DEAL_TERM_SCOPE", "FIRST_TRANCHE_SCOPE", "DealContext", "deal_parties", "first_tranche",
           "investment_targets", "without_term_end"]

# what a deal has: its value, its length, the chips or power it covers
DEAL_METRICS = frozenset({"deal_value", "duration", "chip_count"})
_EN_DEAL = re.compile(
    r"\b(?:contracts?|deals?|agreements?|pacts?|partnerships?|purchase\s+orders?|"
    r"agreed\s+to\s+(?:buy|purchase|rent|supply|provide|spend|pay)|"
    r"(?:commit|pledg)\w*\s+to\s+(?:buy|purchase|spend|rent)|"
    r"(?:buy|purchase|rent|lease)\w*\b[^.;]{0,90}?\bfrom|"
    r"suppl(?:y|ies|ying)\s+(?:[A-Z][\w.-]*\s+){1,3}with|letters?\s+of\s+intent|jointly\s+develop)\b", re.I)
_KO_DEAL = re.compile(r"계약|협약|합의|공급하기로|구매하기로|사들이기로|이용하기로|수주|구매 약정|공급\s?약정|손잡|"
                      r"파트너십|제휴|투자의향서|공급한다|공급키로")
# what a company buys from another in a deal (computing, not chips bought outright: "bought 350,000 H100s")
_EN_SERVICE = re.compile(r"\b(?:comput\w*|cloud|capacity|services?|infrastructure|servers?|data\s+cent(?:er|re)s?)\b",
                         re.I)
_EN_MARK_BEFORE = re.compile(r"\b(?:with|from|between|for|supply|supplies|supplying|provide|provides|providing|"
                             r"pay|pays|paying)\s+"
                             r"(?:(?:the|its|cloud|chip|AI|provider|company|"
                             r"startup|maker|giant|rival|partner|[A-Z][\w.-]*)\s+){0,3}$")
# "a contract to supply memory to Apple", "will sell 18,000 chips to Humain"
_EN_SUPPLY_TO = re.compile(r"\b(?:suppl(?:y|ies|ying)|sell(?:s|ing)?|provid(?:e|es|ing)|deliver(?:s|ing)?)\b"
                           r"[^.;,]{0,50}\bto\s+(?:the\s+)?$", re.I)
_EN_AND_BETWEEN = re.compile(r"\bbetween\s+[^,.;]{1,60}?\s+and\s+$")
_KO_MARK_AFTER = re.compile(r"\)?(?:\s?\([^)]{1,30}\))?(?:와|과|측과|와의|과의|와는|과는|와도|과도|로부터|으로부터|"
                            r"에게|에|에도|사와|사와의)(?![가-힣])")
_TWO_COMPANIES = re.compile(r"\bthe\s+(?:two|pair(?:\s+of)?)\s+compan(?:y|ies)\b|\bboth\s+companies\b|두\s?회사|양사|"
                            r"두\s?기업", re.I)
_CASE = re.compile(r"\bsmuggl|\bdivert|\bcharged\b|\bindicted\b|밀수|밀반출|기소|혐의", re.I)
# the first part of a deal ("the first gigawatt", "첫 1GW 물량"): not the deal's size
_FIRST_TRANCHE = re.compile(r"\b(?:the\s+)?(?:first|initial)\s+$|첫\s?$|첫\s?번째\s?$|1단계\s?$", re.I)
FIRST_TRANCHE_SCOPE = "as first tranche"


# the first phase named a few words before ("첫 단계로 내년 하반기부터 AMD의 … MI450 1GW 분량을", "starting with 1
# gigawatt of MI450 chips"), no other figure between
_FIRST_PHASE = re.compile(r"(?:첫\s?(?:번째\s?)?단계|1단계)(?:로|에서|에는|로는)?\s[^\d]{0,40}$|"
                          r"\b(?:starting\s+with|beginning\s+with|in\s+(?:the|its)\s+first\s+phase,?)\s+[^\d]{0,12}$",
                          re.I)


def first_tranche(st: str, fig: Figure) -> bool:
    """Whether the figure is the first part of a deal ("the first gigawatt of MI450 chips", "첫 1GW 물량", "첫
    단계로 … 1GW 분량", "starting with 1 gigawatt")."""
    return bool(_FIRST_TRANCHE.search(st, max(0, fig.span_start - 12), fig.span_start)
                or _FIRST_PHASE.search(st, max(0, fig.span_start - 60), fig.span_start))


# a deal's length ("over seven years", "5년간"): a duration of its own, compared with the same deal's other reports
DEAL_TERM_SCOPE = "as deal term"


@dataclass(frozen=True)
class DealContext:
    """The deal last stated in the article: its two parties, and the one the sentence made its subject."""

    pair: str | None = None
    first: str | None = None
    values: tuple[float, ...] = ()  # the deal's amounts as stated (USD and the other currencies written)
    powers: tuple[float, ...] = ()  # the power capacities it was stated to cover (GW or MW, as written)


# the end of a deal's term ("running through 2031", "계약은 2031년까지 이어진다"): not the day the deal is about
_TERM_END = re.compile(r"\b(?:through|until|till|to\s+the\s+end\s+of|running\s+to)\s+(?:the\s+end\s+of\s+)?"
                       r"(?:[A-Z][a-z]+\s+)?"
                       r"(?:\d{1,2},\s+)?(?P<en>20\d\d)\b|(?P<ko>20\d\d)년(?:\s?\d{1,2}월)?(?:\s?\d{1,2}일)?까지")


def without_term_end(st: str, fig: Figure) -> Figure:
    """A deal figure dated by the end of its term is undated: the deal happened when it was signed, and the
    tracker dates it by its other reports."""
    if not fig.refers_to or not (fig.metric == "deal_value" or fig.scope == DEAL_TERM_SCOPE):
        return fig
    for m in _TERM_END.finditer(st):
        if fig.refers_to.startswith(m.group("en") or m.group("ko")):
            return replace(fig, refers_to=None)
    return fig


def _party(m: Mention) -> str:
    return m.entity.owner or m.entity.canonical


def _is_company(m: Mention) -> bool:
    return m.entity.kind == "org" and m.entity.role != "outlet"


# the cloud a company buys on ("$30 billion of computing capacity on Microsoft's Azure cloud", "MS 애저 클라우드에서",
# "MS의 클라우드 애저 서비스를"): its owner is the other side
_EN_CLOUD_BEFORE = re.compile(r"\b(?:on|of|via|through|from|in|using)\s+(?:the\s+)?$", re.I)
_EN_CLOUD_AFTER = re.compile(r"(?:'s|’s)?\s+(?:Azure\b|AWS\b|cloud|Cloud|data\s+cent|servers|computing|capacity|"
                             r"infrastructure)")
_KO_CLOUD_AFTER = re.compile(r"(?:의)?\s?(?:애저|클라우드|데이터\s?센터|서버)")


def _marked(st: str, lang: str, m: Mention) -> bool:
    """Whether the sentence's grammar makes ``m`` the other side of a deal ("with Oracle", "오라클과")."""
    if lang == "ko":
        return bool(_KO_MARK_AFTER.match(st, m.end) or _KO_CLOUD_AFTER.match(st, m.end))
    before = st[max(0, m.start - 60):m.start]
    return bool(_EN_MARK_BEFORE.search(before) or _EN_AND_BETWEEN.search(st[max(0, m.start - 80):m.start])
                or _EN_SUPPLY_TO.search(before)
                or (_EN_CLOUD_BEFORE.search(before) and _EN_CLOUD_AFTER.match(st, m.end)))


def _is_deal_figure(f: Figure) -> bool:
    return f.metric in DEAL_METRICS or f.unit in POWER_UNITS


def _sentence_pair(st: str, lang: str, mentions: list[Mention], sources: set[tuple[int, int]],
                   subject: str | None, carried: str | None, span: tuple[int, int],
                   others: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The pair a deal sentence names, and its first party (the one not marked as the counterparty): the figure's
    subject and the one company marked as its counterparty; when the sentence names only the counterparty
    ("오라클과는 3000억 달러 규모 계약을 맺은 상태다"), the party the article's last deal sentence was about
    (``carried``). A sentence listing several deals ("오라클과는 3000억 달러, MS와는 2500억 달러") pairs each
    figure with the counterparty marked next to it, no other figure between (``others``: their spans)."""
    companies = [m for m in mentions if _is_company(m) and (m.start, m.end) not in sources
                 and not _is_brand(st, m)]
    marked_at = [m for m in companies if _marked(st, lang, m)]
    marked = {_party(m) for m in marked_at}
    if subject is not None and " + " in subject:
        return None  # a coordinated subject is already a group
    glossed = [m for m in companies if st[m.end:span[0]] in ("(", " (")]
    if glossed:  # "엔비디아(10GW), AMD(6GW)": the company the figure glosses is its deal's other side
        marked_at = [*marked_at, *glossed]
        marked = {_party(glossed[0])}
    if len(marked) > 1:
        nearest = _marked_next_to(marked_at, span, others)
        if nearest:
            marked = nearest
        elif subject in marked:
            marked.discard(subject)  # (a subject the grammar also marks is not its own counterparty)
    if len(marked) != 1:
        return None
    other = next(iter(marked))
    first = subject if subject is not None and kind_of(subject) in ("org", None) else None
    if first is None or first == other or first in {_party(m) for m in marked_at}:
        # ("AWS has signed a $38 billion deal to supply OpenAI with cloud computing over five years": a figure
        # bound to the counterparty; the other party is the company the sentence opens with)
        rest = [m for m in companies if _party(m) not in {_party(k) for k in marked_at} | {other}]
        names = {_party(m) for m in rest}
        if len(names) > 1:
            first = _party(rest[0]) if rest[0].start < min(m.start for m in companies if _party(m) == other) else None
        else:
            first = _party(rest[0]) if rest else carried
    if first is None or first == other:
        return None
    return " + ".join(sorted({first, other}, key=str.casefold)), first


def _marked_next_to(marked: list[Mention], span: tuple[int, int], others: list[tuple[int, int]]) -> set[str]:
    """The counterparty marked right before the figure (no other figure between), else right after it."""
    def clear(a: int, b: int) -> bool:
        return not any(a <= o[0] and o[1] <= b for o in others)
    before = [m for m in marked if m.end <= span[0] and clear(m.end, span[0])]
    if before:
        return {_party(max(before, key=lambda m: m.end))}
    after = [m for m in marked if m.start >= span[1] and clear(span[1], m.start)]
    return {_party(min(after, key=lambda m: m.start))} if after else set()


# a chip maker named for its chips ("hundreds of thousands of Nvidia graphics processors", "엔비디아 GPU 수십만 개")
_CHIP_NOUN_AFTER = re.compile(r"(?:'s)?\s?(?:\S+\s)?(?:GPUs?|graphics\s+process|chips?|accelerators?|processors?|"
                              r"그래픽처리장치|칩|가속기|H\d{2,3}|B\d{3}|GB\d{3}|Blackwell|블랙웰)", re.I)


def _is_brand(st: str, m: Mention) -> bool:
    """Whether a chip maker is named only as the brand of the chips a deal covers, not as a party."""
    return _party(m) in chip_makers() and bool(_CHIP_NOUN_AFTER.match(st, m.end))


# where a sentence joins two clauses about different dealings ("Nvidia committed up to $10 billion …, while
# Anthropic pledged to buy $30 billion of computing capacity on Microsoft's Azure cloud")
_CLAUSE_JOIN = re.compile(r",\s*(?:while|whereas|but)\b|;\s|\s(?:while|whereas)\s|, 반면|반면에?\s|"
                          r"(?<=[했하였았었이])고,\s")


def _own_clause(st: str, f: Figure) -> tuple[int, int]:
    """The span of the joined clause the figure stands in (the whole sentence when there is one)."""
    start, end = 0, len(st)
    for m in _CLAUSE_JOIN.finditer(st):
        if m.end() <= f.span_start:
            start = m.end()
        elif m.start() >= f.span_end:
            end = m.start()
            break
    return start, end


# "builds out at least 10 gigawatts of Nvidia systems", "엔비디아 시스템을 최소 10GW 규모로 구축": power bought as a
# chip maker's systems is a deal with that maker
_EN_SYSTEMS_OF = re.compile(r"\s+of\s+$")
_INVESTED = re.compile(r"\binvest\w*|투자|이\s?자금으로", re.I)
_SYSTEMS_AFTER = re.compile(r"(?:'s)?\s?(?:systems?|GPUs?|chips?|accelerators?|processors?|시스템|GPU|칩|가속기)", re.I)


def _power_of_maker(st: str, lang: str, f: Figure, mentions: list[Mention]) -> Figure:
    """A company's power capacity of a chip maker's systems is the pair's (the maker and the company) when the
    sentence tells a deal or an investment between them ("OpenAI will deploy 10 gigawatts of Nvidia systems" alone
    is OpenAI's)."""
    if f.unit not in POWER_UNITS or not f.subject or " + " in f.subject or f.subject in chip_makers():
        return f
    if not ((_KO_DEAL if lang == "ko" else _EN_DEAL).search(st) or _INVESTED.search(st)):
        return f
    lo, hi = _own_clause(st, f)
    for m in mentions:
        if _party(m) not in chip_makers() or not (lo <= m.start and m.end <= hi) or not _SYSTEMS_AFTER.match(st, m.end):
            continue
        if (lang == "en" and _EN_SYSTEMS_OF.fullmatch(st, f.span_end, m.start)) or (
                lang == "ko" and (abs(m.start - f.span_end) < 30 or abs(f.span_start - m.end) < 30)):
            pair = " + ".join(sorted({f.subject, _party(m)}, key=str.casefold))
            return replace(f, subject=pair, subject_via="sentence")
    return f


def deal_parties(st: str, lang: str, figs: list[Figure], mentions: list[Mention],
                 sources: list[Mention], last: DealContext,
                 context: str | None = None) -> tuple[list[Figure], DealContext]:
    """Each deal figure of the sentence with the deal's two parties as its subject, and the deal to carry to the
    sentences after (the last one stated). ``context`` is the subject the sentence inherits from those before
    it: the first party of a deal whose sentence names only the other ("대신 MS 애저에서 300억 달러어치 …")."""
    cue = (_KO_DEAL if lang == "ko" else _EN_DEAL).search(st)
    if _CASE.search(st):
        return figs, last
    figs = [_power_of_maker(st, lang, f, mentions) for f in figs]
    if not cue:
        return [_own_accounts(_deal_recalled(st, lang, f, mentions, last), last) for f in figs], last
    last_pair = last.pair
    source_spans = {(m.start, m.end) for m in sources}
    # a party cited as the source still names it; a chip maker named as the chips' brand does not
    companies = {_party(m) for m in mentions if _is_company(m) and not _is_brand(st, m)}
    out: list[Figure] = []
    here: str | None = None  # the pair an earlier figure of this sentence found
    for f in figs:
        # (an investment, a stake or its worth and a funding round have rules of their own: funding.py)
        target = (f.scope or "")[3:] if f.metric == "investment" and (f.scope or "").startswith("in ") else None
        if target and f.subject and f.subject != target and kind_of(target) in ("org", None) and last.pair is None:
            # "Nvidia will invest up to $100 billion in OpenAI and supply it with data center chips": the investment
            # stays the investor's, and the two are the deal the next sentences tell
            last = DealContext(" + ".join(sorted({f.subject, target}, key=str.casefold)), f.subject)
        if (f.scope or "").startswith(("in ", "stake")) or f.scope == FUNDING_ROUND_SCOPE or not (
                _is_deal_figure(f) or (f.unit in CURRENCY_UNITS and f.metric in ("investment", "other", "price")
                                       and _buys_service(st, lang))):
            out.append(f)
            continue
        a, b = _own_clause(st, f)
        named = _named_before(st, f, mentions) if f.unit in POWER_UNITS else None
        if not (_KO_DEAL if lang == "ko" else _EN_DEAL).search(st, a, b) and named is None:
            out.append(f)  # the deal is another clause's
            continue
        own = [m for m in mentions if a <= m.start and m.end <= b]
        found = _sentence_pair(st, lang, own, source_spans, f.subject, last.first or context,
                               (f.span_start, f.span_end),
                               # (another deal's figure of the same kind between marks where that deal begins)
                               [(g.span_start, g.span_end) for g in figs
                                if g is not f and unit_family(g.unit) == unit_family(f.unit)])
        pair, first = found if found else (None, None)
        if named is not None and f.subject and " + " not in f.subject and named != f.subject:
            # "오픈AI가 … 맺은 계약 규모는 엔비디아 10GW와 AMD 6GW를 합쳐 16GW": each amount a partner's name heads is
            # the deal with that partner
            pair, first = " + ".join(sorted({f.subject, named}, key=str.casefold)), f.subject
        if pair is None and f.subject and " + " in f.subject and f.subject_via == "sentence" and f.unit in POWER_UNITS:
            pair = f.subject  # "OpenAI will deploy at least 10 gigawatts of Nvidia systems": the pair, already bound
        via = "sentence"
        if pair is None and here is not None and (f.subject is None or f.subject in here.split(" + ")):
            pair = here  # "a $38 billion deal … over seven years": the deal's length is the same pair's
        if pair is None and last_pair is not None:
            members = set(last_pair.split(" + "))
            two = bool(_TWO_COMPANIES.search(st))  # "The two companies signed an initial $11.9 billion deal"
            if two or f.subject == last_pair or (companies & members and not (companies - members) and (
                    f.subject is None or f.subject in members)):
                pair, via = last_pair, "previous_sentence"
        if pair is None or (f.metric == "chip_count" and any(n in chip_makers() for n in pair.split(" + "))):
            out.append(f)
            continue
        metric = f.metric
        if f.unit in CURRENCY_UNITS and metric != "deal_value":
            metric = "deal_value"  # "agreed to buy $38 billion of cloud services from AWS": the contract's value
        scope = f.scope if kind_of(f.scope) != "model" else None  # ("giving the ChatGPT maker access to …")
        if metric == "duration" and scope is None:
            scope = DEAL_TERM_SCOPE
        elif metric == "deal_value" and scope is None:
            scope = _part_of_deal(st, lang, f)
        subject = pair
        if f.unit in POWER_UNITS:
            part = _part_of_deal(st, lang, f)
            first = first or (f.subject if f.subject and " + " not in f.subject else None)
            if part == "as total" and len(companies - {first}) > 1 and first and named is None:
                # "엔비디아(10GW), AMD(6GW), 브로드컴과 맺은 계약 용량은 26GW에 이른다": a total over several deals is
                # the common party's, a quantity of its own
                subject, scope = first, POWER_TOTAL_SCOPE
        out.append(replace(f, subject=subject, subject_via=via, metric=metric, scope=scope))
        if via == "sentence":
            here = pair
            values = last.values if last.pair == pair else ()
            powers = last.powers if last.pair == pair else ()
            if metric == "deal_value" and scope is None and f.value:
                values = (*values, f.value)
            if f.unit in POWER_UNITS and f.value:
                powers = (*powers, f.value)
            last = DealContext(pair, first, values, powers)
    out = [_own_accounts(_share_of_revenue(st, lang, f, last), last) for f in out]
    return out, last


def _named_before(st: str, f: Figure, mentions: list[Mention]) -> str | None:
    """The company whose name stands right before a figure, with nothing between ("엔비디아 10GW", "AMD(6GW)")."""
    for m in mentions:
        if _is_company(m) and 0 <= f.span_start - m.end <= 2 and st[m.end:f.span_start] in ("", " ", "(", " ("):
            return _party(m)
    return None


def _own_accounts(f: Figure, last: DealContext) -> Figure:
    """A revenue or profit carried onto a deal's pair is its first party's ("계약 금액은 지난해 매출 300조8709억 원의
    7.6%": Samsung's revenue): a pair has no accounts."""
    if f.metric in ("revenue", "profit", "margin") and f.subject and f.subject == last.pair and last.first:
        return replace(f, subject=last.first)
    return f


def _deal_recalled(st: str, lang: str, f: Figure, mentions: list[Mention], last: DealContext) -> Figure:
    """A sentence without a deal word that names the last deal's amount again ("adding that the $16.5 billion
    figure was just the bare minimum"), its share of a party's revenue or a power capacity: the deal's."""
    if last.pair is None:
        return f
    members = set(last.pair.split(" + "))
    named = {_party(m) for m in mentions if _is_company(m)}
    if not named or not named <= members:
        return f
    if f.unit in CURRENCY_UNITS and f.value and any(abs(f.value - v) <= 1e-6 * abs(v) for v in last.values):
        return replace(f, subject=last.pair, subject_via="previous_sentence", metric="deal_value", scope=None)
    if f.unit in POWER_UNITS and f.subject != last.pair and f.scope != FIRST_TRANCHE_SCOPE and (
            named == members or any(f.value == p for p in last.powers)):
        # "Jensen Huang told CNBC that 10 gigawatts amounted to …" (the deal's 10 gigawatts), "오픈AI는 엔비디아
        # 시스템을 기반으로 10GW 이상의 데이터센터를" (both parties named): the deal's power (not "the company is
        # committed to … 30 gigawatts", the one party's own)
        return replace(f, subject=last.pair, subject_via="previous_sentence")
    return _share_of_revenue(st, lang, f, last)


# "The contract is worth 7.6% of Samsung's 2024 revenue", "계약 금액은 지난해 매출 300조8709억 원의 7.6%에 해당한다"
_EN_DEAL_SUBJECT = re.compile(r"\b(?:the|this|that)\s+(?:contract|deal|agreement|order)\b", re.I)
_EN_OF_REVENUE_AFTER = re.compile(r"\s+of\s+(?:[\w'’.]+\s+){0,3}(?:revenue|sales)\b", re.I)
_KO_DEAL_SUBJECT = re.compile(r"계약\s?(?:금액|규모|액)")
_KO_OF_REVENUE_BEFORE = re.compile(r"매출(?:액)?\s?[^.,]{0,30}?의\s?$")


def _share_of_revenue(st: str, lang: str, f: Figure, last: DealContext) -> Figure:
    """A deal's value as a share of a party's revenue is the deal's own ratio (scope ``of revenue``)."""
    if f.unit != "percent" or last.pair is None or f.metric not in ("other", "ratio"):
        return f
    if lang == "ko":
        hit = _KO_DEAL_SUBJECT.search(st, 0, f.span_start) and _KO_OF_REVENUE_BEFORE.search(st, 0, f.span_start)
    else:
        hit = _EN_DEAL_SUBJECT.search(st, 0, f.span_start) and _EN_OF_REVENUE_AFTER.match(st, f.span_end)
    if not hit:
        return f
    return replace(f, subject=last.pair, subject_via="previous_sentence", metric="ratio", scope="of revenue")


# which part of a pair's dealings a value is: an expansion ("expanded its agreement … by up to $6.5 billion", "40억
# 달러를 추가했다"), the total of its contracts ("bringing the total value … to", "계약 총액은"), or what it could grow
# to ("could rise to $19.4 billion", "최대 194억 달러까지 늘어날 수"); none: the deal as signed
DEAL_PARTS = {
    "as expansion": (re.compile(r"\b(?:expand\w*|add(?:ed|s|ing)?|additional|extra|increas\w*|boost\w*)\b", re.I),
                     re.compile(r"늘리|늘렸|추가|확대|증액")),
    "as total": (re.compile(r"\b(?:total\w*|in\s+all|overall|combined|cumulative\w*|altogether)\b", re.I),
                 re.compile(r"총액|총\s|누적|합계|모두\s?합|불어났|늘어났|에\s?이른다|에\s?달한다")),
    "as potential": (re.compile(r"\bcould\s+(?:rise|grow|reach|increase|climb|expand)|\bpotential\w*|"
                                r"\bas\s+much\s+as\b", re.I),
                     re.compile(r"늘어날\s?수|수\s?있")),
}


def _part_of_deal(st: str, lang: str, f: Figure) -> str | None:
    """The part of a pair's dealings a deal value is, read from its own clause; ``None`` for the deal as
    signed."""
    clause = clause_around(st, (f.span_start, f.span_end))
    found = [name for name, (en, ko) in DEAL_PARTS.items() if (ko if lang == "ko" else en).search(clause)]
    # ("bringing the total value of its contracts to about $24.2 billion" after "expanded": the total wins)
    for name in ("as total", "as potential", "as expansion"):
        if name in found:
            return name
    return None


# an investment in a company ("will invest up to $10 billion in Anthropic", "take a $5 billion stake in Intel",
# "pledged up to $100 billion to OpenAI", "오픈AI에 최대 1000억 달러를 투자"): the investor's, scoped by its target
_EN_INVEST = re.compile(r"\b(?:invest\w*|stakes?|pledg\w*|inject\w*|funding|financing)\b", re.I)
_EN_TARGET_BEFORE = re.compile(r"\b(?:in|into|to)\s+(?:(?:the|its|rival|startup|chipmaker|AI|company|[A-Z][\w.-]*)\s+)"
                               r"{0,2}$")
_KO_INVEST = re.compile(r"투자|지분")
_KO_TARGET_AFTER = re.compile(r"\)?(?:\s?\([^)]{1,30}\))?(?:에|에게|에도|에\s?대한|에\s?대해)(?![가-힣])")
_KO_TOPIC_AFTER = re.compile(r"\)?(?:\s?\([^)]{1,30}\))?(?:은|는|이|가|도)(?![가-힣])")


def investment_target(st: str, lang: str, fig: Figure, mentions: list[Mention]) -> Figure:
    """An amount one company puts into another is an investment of the investor, with the target as its scope
    (``in Anthropic``): two investors' stakes in one company, or one investor's stakes in two, are different
    quantities."""
    if fig.unit not in CURRENCY_UNITS or fig.metric not in ("investment", "other", "deal_value") or fig.scope:
        return fig
    if not (_KO_INVEST if lang == "ko" else _EN_INVEST).search(st):
        return fig
    targets = []
    for m in mentions:
        # (a country invested in: "Saudi Arabia committed to $600 billion of investment in the United States")
        if not (_is_company(m) or m.entity.kind == "country") or _party(m) == fig.subject:
            continue
        if lang == "ko":
            # "오픈AI에 최대 1000억 달러를 투자": the company marked by 에 before the figure, 투자 after it
            if m.end <= fig.span_start and _KO_TARGET_AFTER.match(st, m.end) and _KO_INVEST.search(st, fig.span_end):
                targets.append(m)
        elif m.start >= fig.span_end and m.start - fig.span_end <= 60 and _EN_TARGET_BEFORE.search(
                st[fig.span_end:m.start]) and _EN_INVEST.search(st, max(0, fig.span_start - 60), m.start):
            targets.append(m)
    if not targets:
        return fig
    return replace(fig, metric="investment", scope=f"in {_party(targets[0])}")


_GAP_JOIN = re.compile(r"\s*,?\s*(?:and|while)\s*$")


def investment_targets(st: str, lang: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """``investment_target`` of each figure; in a gapped clause ("Nvidia will invest up to $10 billion in
    Anthropic and Microsoft up to $5 billion") the second investor's amount is its own, in the same target."""
    out = [investment_target(st, lang, f, mentions) for f in figs]
    if lang == "ko":
        return _ko_gapped_investors(st, _ko_respective_investors(st, out, mentions), mentions)
    for i in range(1, len(out)):
        prev, f = out[i - 1], out[i]
        if not (prev.scope or "").startswith("in ") or f.unit not in CURRENCY_UNITS or (
                f.scope or "").startswith("in "):
            continue
        target = prev.scope[3:]
        ends = [m.end for m in mentions if _party(m) == target and prev.span_end <= m.start < f.span_start]
        investor = [m for m in mentions if _is_company(m) and ends and ends[0] < m.start and m.end <= f.span_start
                    and not st[m.end:f.span_start].strip() and _GAP_JOIN.fullmatch(st, ends[0], m.start)]
        if investor:
            out[i] = replace(f, subject=_party(investor[0]), subject_via="sentence", metric="investment",
                             scope=prev.scope)
    return out


_KO_FROM_EACH = re.compile(r"\)?(?:\s?\([^)]{1,30}\))?(?:로부터|으로부터|에서)\s?각각\s?")
_KO_LIST_JOIN = re.compile(r"\)?(?:\s?\([^)]{1,30}\))?(?:와|과|,|·|및)\s?")


def _ko_respective_investors(st: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """"앤트로픽은 MS와 엔비디아로부터 각각 최대 50억 달러, 최대 100억 달러의 투자 약속을 받았다": the listed investors'
    amounts in order, each in the sentence's subject."""
    if not _KO_INVEST.search(st):
        return figs
    companies = sorted((m for m in mentions if _is_company(m)), key=lambda m: m.start)
    for i, last in enumerate(companies):
        each = _KO_FROM_EACH.match(st, last.end)
        if not each:
            continue
        listed = [last]
        for m in reversed(companies[:i]):
            if not _KO_LIST_JOIN.fullmatch(st, m.end, listed[0].start):
                break
            listed.insert(0, m)
        amounts = [k for k, f in enumerate(figs) if f.span_start >= each.end() and f.unit in CURRENCY_UNITS
                   and f.linked_to is None]
        if len(listed) < 2 or len(amounts) < len(listed):
            return figs
        target = next((f.subject for f in figs if f.subject and f.subject not in {_party(m) for m in listed}),
                      None)
        out = list(figs)
        for m, k in zip(listed, amounts, strict=False):
            out[k] = replace(figs[k], subject=_party(m), subject_via="sentence", metric="investment",
                             scope=f"in {target}" if target else None)
        return out  # (a conversion follows its amount: figures._conversions_follow)
    return figs


def _ko_gapped_investors(st: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """"엔비디아는 앤트로픽에 최대 100억 달러, MS는 최대 50억 달러를 투자한다": the second investor, named with its
    topic particle after the first amount, puts its own amount into the same company."""
    out = list(figs)
    for i in range(1, len(out)):
        prev, f = out[i - 1], out[i]
        if f.linked_to is not None and f.linked_to < i:
            # a conversion in parentheses is its figure's: "MS는 최대 50억 달러(약 7조3000억원)"
            lead = out[f.linked_to]
            out[i] = replace(f, subject=lead.subject, subject_via=lead.subject_via, metric=lead.metric,
                             scope=lead.scope)
            continue
        if not (prev.scope or "").startswith("in ") or f.unit not in CURRENCY_UNITS or f.scope not in (
                None, prev.scope):
            continue
        investor = [m for m in mentions if _is_company(m) and prev.span_end <= m.start and m.end <= f.span_start
                    and _KO_TOPIC_AFTER.match(st, m.end) and _party(m) != prev.scope[3:]]
        if investor and _KO_INVEST.search(st, f.span_end):
            out[i] = replace(f, subject=_party(investor[-1]), subject_via="sentence", metric="investment",
                             scope=prev.scope)
    return out


def _buys_service(st: str, lang: str) -> bool:
    """Whether the sentence is one company buying computing from another (a deal), not spending on its own."""
    if lang == "ko":
        return bool(_KO_DEAL.search(st))
    return bool(_EN_DEAL.search(st) and _EN_SERVICE.search(st))
