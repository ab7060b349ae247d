"""Binding a figure to its subject: the entity the figure is about.

Candidates are the org, agency, country, person and model mentions of the sentence (a model stands for
its owner: "R1" → DeepSeek), except news outlets, chips, mentions inside a figure, the source of an
attribution ("according to X", "X에 따르면"), a maker named as a chip's modifier ("엔비디아의 최신 칩인
H100", "Nvidia H800 chips") and a country named as an org's modifier ("중국의 AI 스타트업 딥시크",
"China's DeepSeek"). After the figure, a mention in an oblique role ("into China", "중국으로") or beyond a
clause boundary ("..., 딥시크는") is no candidate either, nor, before the figure, one that a new clause
with its own subject separates from it ("Broadcom fell 17% and the Philadelphia index sank 9.2%").

Each candidate scores:
- grammatical role: Korean topic 은/는 +1.2, subject 이/가 +1.0, possessive 의 +0.5; English possessive
  "'s" +0.8, followed by a verb ("DeepSeek spent") +1.0, passive agent "by X" +0.5, oblique ("in China",
  "shares of" excepted) -0.8;
- +1.0 when it owns the figure's metric word ("엔비디아의 시가총액", "Nvidia's market value");
- +1.5 (Korean, subject-object-verb order) or +1.0 (English) when it stands before the figure, minus
  distance/40 (characters);
- country -0.4, person -0.3.

The best candidate wins. With none, the caller falls back to earlier sentences (see ``figures.py``).
Ratios ("20분의 1", "90 times") take the sentence topic (the first topic-marked, else the first, candidate).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .chips import CHIP_WORDS
from .entities import REPORTING_KINDS, SUBJECT_KINDS, Mention

__all__ = [
    "ANAPHOR", "KO_CAUSE_OR_OBLIQUE", "bind_subject", "eligible_mentions", "model_scope", "names_the_maker",
    "sentence_topic",
    "speaker_employer", "subject_of",
]

_EN_VERB = re.compile(
    r"\s(?:has|had|have|is|was|were|said|says|spent|spends|used|uses|bought|buys|lost|loses|shed|sheds|"
    r"reported|reports|paid|pays|plans|planned|will|would|could|may|might|trained|trains|took|takes|sold|"
    r"sells|shipped|ships|estimated|estimates|expects|expected|disclosed|announced|claimed|claims|earned|"
    r"made|makes|posted|recorded|booked|generated|received|raised|invested|owns|acquired|ordered|smuggled|"
    r"faces|faced|needs|needed|built|builds|developed|released|charged|agreed|allowed|approved|fined|also|"
    r"closed|fell|rose|dropped|gained|plunged|tumbled|wrote|saw|put|puts|now|only|itself|itself,|slipped|slid|"
    r"sank|jumped|climbed|surged|soared|slumped|declined|edged|suffered|suffers|added|advanced|lost|obtained|"
    r"purchased|deployed|amassed|stockpiled|imported|got|acquires|obtains|deploys)\b"
)
_EN_RELATIVE = re.compile(r",?\s(?:which|who|whose)\b")
# between a figure and the subject of a reduced relative clause: at most one noun ("the 17% drop Nvidia suffered")
_EN_REDUCED_RELATIVE = re.compile(r"\s?(?:[a-z-]+\s)?")
_EN_SAY = re.compile(r",?\s(?:said|says|reported|reports|estimated|estimates|told|wrote|noted|added)\b")
# a chip word followed by one of these is a modifier itself ("Samsung's chip profit"): no chip follows
_NOT_HEAD = re.compile(
    r"(?:chips?|GPUs?|칩|반도체)\s?(?:\((?:DS|DX)\)\s?)?(?:profit|revenue|sales|business|division|unit|exports?|market|shares|stock|"
    r"earnings|purchases|spending|spend|investments?|costs?|orders|shipments|demand|supply|inventory|imports|사업|매출|영업이익|부문|실적|수출|수입|구매|구입|투자|비용|재고|확보)"
)
# a chip named before a property of its own ("엔비디아의 H20 매출", "Nvidia's H20 sales"): the maker owns the figure
_CHIP_PROPERTY_AFTER = re.compile(
    r"\s?(?:칩\s?|chips?\s)?(?:매출|판매액|판매|수출액|재고|revenues?|sales|export\s+sales|inventory)", re.I)
# a noun between a maker and a chip word makes the maker that noun's owner ("DeepSeek's spending on GPUs")
_OWNED_NOUN = re.compile(
    r"spending|revenue|sales|purchases|investment|costs?|orders|exports|imports|stockpiles?|inventory|"
    r"구매|매출|투자|비용|수출|수입|재고|확보"
)
_EN_PREP = re.compile(
    r"\b(?:in|into|to|from|for|with|at|on|across|through|toward|towards|against|about|than|like|over|between|"
    r"among|via|of|under|without)\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_EN_OF_OK = re.compile(
    r"\b(?:shares|stock|revenue|revenues|sales|value|valuation|capitalization|costs?|price|profits?|spending|"
    r"investment|charge)\s+of\s+(?:the\s+)?$",
    re.I,
)
_EN_PERSON_SAYS = re.compile(
    r"(?:,[^,]{0,60},)?\s(?:has\s+|had\s+|have\s+)?(?:said|says|told|believes|believed|estimated|estimates|wrote|"
    r"claimed|claims|argued|"
    r"cited|cites)\b"
)
_EN_OFFICIAL_SAYS = re.compile(
    r"(?:'s|’s)?\s(?:\w+\s)?(?:official|officials|spokesperson|spokesman|spokeswoman|prosecutors?|attorneys?)\s"
    r"(?:said|says|told|tells|estimated|confirmed)\b"
)
_EN_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|claimed\s+by|cited\s+by|estimated\s+by|alleged\s+by)\s+(?:the\s+)?$", re.I
)
_KO_ATTRIBUTION = re.compile(
    r"^(?:\([^)]{0,30}\))?(?:의)?\s?(?:보도|발표|분석|보고서|자료|추산|집계)?에\s?(?:따르면|의하면)"
)
_EN_CLAUSE_BEFORE = re.compile(
    r"(?:[,;]\s*|\s)(?:and|but|while|whereas)\s+(?:the\s+)?[A-Z][a-z&]|;|,\s(?:the\s)?[A-Z][\w&.]+(?:\s[A-Z][\w&.]+)*\s(?:"
    r"fell|rose|lost|gained|slipped|slid|sank|jumped|climbed|surged|soared|slumped|declined|dropped|tumbled|"
    r"plunged|added|advanced|edged|shed)\b"
)
# A subordinate clause after the figure: its subject or speaker is not the figure's.
_EN_SUBORDINATOR = re.compile(r"\b(?:after|as|when|because|since|while|before|until|although|though|whereas)\s")
# An appositive with a relative clause before the mention: ", the quantitative fund that spun out "
_EN_APPOSITIVE = re.compile(r",\s(?:(?:the|a|an)\s[^,]{0,60}?\b)?(?:that|which|who|whose)\s[^,]*$")
# A time clause before the figure's own clause: its subject is not the figure's.
_EN_SUBORDINATE = re.compile(r"\b(?:after|since|before|until|when|once)\s+(?:the\s+)?$", re.I)
# a mention inside a relative clause before the figure ("the H800 that DeepSeek relied on was restricted")
_EN_IN_RELATIVE = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s){1,2}(?:that|which|whom)\s$")
# between a cost and the model it trained: "$5.576 million to train DeepSeek-V3", "$294,000 was spent to train R1"
_EN_TO_TRAIN = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:to|for)\s+(?:train|training|build|building|develop|developing|make|making)\s+"
    r"(?:the\s+|its\s+|their\s+|a\s+)?", re.I)
# "said in a note that DeepSeek's $5.6 million figure ...": a report's content, not a relative clause
_EN_SAID_IN = re.compile(r"\b(?:said|says|wrote|writes|noted|notes|argued|argues|estimated|added|told\s+\w+)\s+in\s+$")


def _en_in_relative(text: str, m: Mention) -> bool:
    """Whether ``m`` stands in a relative clause on a noun before it ("the H800 that DeepSeek relied on")."""
    rel = _EN_IN_RELATIVE.search(text, max(0, m.start - 40), m.start)
    return bool(rel) and not _EN_SAID_IN.search(text, max(0, rel.start() - 30), rel.start())
_KO_SUBORDINATE = re.compile(r"[한된운린킨긴은]\s?(?:지|뒤|후|이후|직후|다음|때|무렵)(?:에|부터)?[\s,]")
_KO_CLAUSE = re.compile(r"[,;]|지만|는데|면서|[고며]\s")
_KO_MARKERS = (
    "로부터",
    "에서",
    "에게",
    "으로",
    "부터",
    "까지",
    "보다",
    "은",
    "는",
    "이",
    "가",
    "의",
    "와",
    "과",
    "도",
    "에",
    "을",
    "를",
    "로",
)
_KO_ROLE = {
    "은": 1.2, "는": 1.2, "이": 1.0, "가": 1.0, "의": 0.5, "에서": 0.4, "도": 0.6,
    # objects and obliques ("싱가포르와 말레이시아를 거쳐", "중국으로") are rarely what a figure measures
    "을": -1.0, "를": -1.0, "으로": -0.8, "로": -0.8, "에게": -0.8, "로부터": -0.8,
}
_KO_CLAIM_OF = re.compile(r"(?:의|측의?)\s?(?:주장|설명|발표|말|분석|계산|추산|입장)")
_KO_PAREN = re.compile(r"\([^)]{0,30}\)")
# an org named as a person's employer or title
_ROLE_OF = re.compile(
    r"(?:'s|’s)?\s(?:chief\s+executive|CEO|founder|co-founder|chairman|chairwoman|president|spokesperson|"
    r"spokesman|spokeswoman|analyst|researcher|engineer|executive|official)\b|\s?(?:최고경영자|CEO|창업자|회장|대표|대변인)",
)
_ROLE_AT = re.compile(
    r"\b(?:chief\s+executive|CEO|founder|co-founder|chairman|chairwoman|president|head|spokesperson|spokesman|"
    r"spokeswoman|analyst|researcher|engineer|executive|official)s?\s+(?:of|at)\s+(?:the\s+)?$",
    re.I,
)
# "<mention> 쇼크에/충격으로/여파로/쇼크 직후": a cause (or the time of one), not a subject; in a headline a bare
# "<mention>에" is an oblique too
_CAUSE_WORDS = "발|쇼크|충격|여파|효과|사태|파장|공포|돌풍|열풍"
_KO_CAUSE = re.compile(rf"\s?(?:{_CAUSE_WORDS})\s?(?:(?:에|로|으로)(?:\s|$)|(?:직후|이후|후|뒤|당시|때)(?:에)?[\s,])")
KO_CAUSE_OR_OBLIQUE = re.compile(rf"\s?(?:{_CAUSE_WORDS})?\s?(?:에|로|으로)(?:\s|$)")
_KO_OWNED_MEASURE = re.compile(r"점유율|매출|비중|시가총액|시총|주가|실적")
_KO_ACCOUNTS_FOR = re.compile(r"(?:의|가운데|중)\s?(?:약\s?)?[\d.]+\s?%\s?(?:가량|정도|안팎)?(?:를|을)?\s?차지")
_KO_EXPORT_FOR = re.compile(r"\s?(?:수출용|전용|특화|맞춤형|시장용)")
_KO_DESTINATION = re.compile(r"(?:으로|로)(?!부터|서)\s")
# a country written right before a noun of its own, not a particle: "중국 유통업체들이", "미국 빅테크들은"
_KO_BARE_NOUN = re.compile(r"\s(?:(?:주요|대형|일부|다수|여러)\s)?[가-힣]{2,}(?:들)?(?:은|는|이|가|도|의)\s")
# "<mention>(의) <place>의 한/어느/일부 <noun>": the mention locates an unnamed party
_KO_OF_UNNAMED = re.compile(r"(?:의)?\s?(?:[가-힣]{1,8}\s?)?의\s(?:한|어느|일부|또 다른)\s")
# words that refer back to an entity named earlier: they allow the subject to come from earlier text
ANAPHOR = {
    "en": re.compile(
        r"\b(?:it|its|the\s+(?:\w+\s+)?(?:company|firm|startup|start-up|chipmaker|lab|maker|giant|developer))\b",
        re.I,
    ),
    "ko": re.compile(
        r"이 회사|회사 측|회사측|동사|해당 업체|이 업체|같은 회사|이들|그는|그녀는|이 기업|해당 기업|이곳|"
        r"이 스타트업|이 연구소|이 업체는|이 회사는"
    ),
}


def _canonical(m: Mention) -> str:
    return m.entity.owner or m.entity.canonical


_KO_SHARE_NOUN = re.compile(
    r"(?:의)?\s?(?:미국\s?)?(?:주식\s?)?(?:예탁증권|예탁증서|ADR|우선주|보통주)(?:\s?\([^)]{0,20}\))?")


_KO_DIVISION_NOUN = re.compile(r"\s?(?:반도체|메모리|파운드리|시스템\s?LSI|DS|DX|모바일|가전)\s?(?:\((?:DS|DX)\)\s?)?"
                               r"(?:부문|사업부|사업)")


def _ko_marker(text: str, end: int) -> str:
    """The particle after a Korean mention ("은", "이", "의", "에서"...), skipping a parenthesis."""
    pm = _KO_PAREN.match(text, end)
    if pm:
        end = pm.end()
    share = _KO_SHARE_NOUN.match(text, end)
    if share:
        end = share.end()  # "TSMC 미국예탁증권(ADR)은 13.3% 떨어졌고": the company's listed shares
    division = _KO_DIVISION_NOUN.match(text, end)
    if division:
        end = division.end()  # "삼성전자 반도체(DS) 부문이 … 7조 원": the company's division (a segment scope)
    if text.startswith((" 역시", " 또한"), end):
        return "도"  # "AMD 역시 ... 8억 달러의 비용이": "also AMD", as AMD도
    nxt = text[end : end + 3]
    for marker in _KO_MARKERS:
        if nxt.startswith(marker):
            if marker == "이" and len(nxt) > 1 and "\uac00" <= nxt[1] <= "\ud7a3":
                return ""
            return marker
    return ""


def _ko_clause(text: str, start: int, end: int) -> bool:
    """Whether a Korean clause ends between ``start`` and ``end`` ("…9.2% 내렸고 나스닥지수도")."""
    return bool(_KO_CLAUSE.search(text, start, end))


def _en_oblique(text: str, m: Mention) -> bool:
    if _EN_RELATIVE.match(text, m.end):
        return False
    before = text[max(0, m.start - 40) : m.start]
    return bool(_EN_PREP.search(before)) and not _EN_OF_OK.search(before)


_EN_APPOSITIVE_OWNER = re.compile(r"\s(?:[\w-]+\s){0,3}(?:customer|supplier|rival|partner|client|unit|parent|"
                                  r"owner|investor|backer|subsidiary|maker|shareholder)s?\b[^,]{0,40},")
_EN_CAUSE_BY = re.compile(
    r"\b(?:triggered|sparked|caused|driven|fu?ell?ed|prompted|spurred|set\s+off)\s+by\s+(?:the\s+)?$", re.I)
_EN_APPOSITIVE_CLAUSE = re.compile(r",\s+(?:a|an|the)\s+[^,.;]{0,60}?\b(?:that|which|who)\b", re.I)
_EN_SHARE_OF = re.compile(r"(?:,[^,]{0,30},)?\s+(?:accounted|made\s+up|represented|contributed)\b", re.I)
_KO_OUTSIDE = re.compile(r"\s?(?:외|이외|밖|을\s?제외한|를\s?제외한)(?:\s|의|에)")
# a policy named after the country it is about ("China restrictions", "중국 수출 규제")
_POLICY_NOUN = re.compile(
    r"(?:'s|’s)?\s?(?:-related\s)?(?:export\s|chip\s|trade\s)?(?:restrictions?|curbs?|controls?|bans?|rules?|"
    r"sanctions?|tariffs?)\b|\s?(?:수출\s?)?(?:규제|통제|제재|제한|관세)", re.I)


# a name used as a yardstick: "챗GPT급 모델", "a ChatGPT-class model", "GPT-4-level performance"
_CLASS_OF = re.compile(r"급|\s?수준의|-(?:class|level|grade|caliber|calibre)\b|\s(?:class|level|grade)\s", re.I)


def is_yardstick(text: str, m: Mention) -> bool:
    """Whether mention ``m`` names a class another thing is measured by ("챗GPT급 모델", "a ChatGPT-class model")."""
    return _CLASS_OF.match(text, m.end) is not None


def _is_modifier(text: str, m: Mention, mentions: list[Mention], language: str) -> bool:
    if is_yardstick(text, m):
        return True  # ("557만6000달러로 챗GPT급 모델을 만들었다는 스타트업": the startup's model, ChatGPT its measure)
    marker = _ko_marker(text, m.end) if language == "ko" else ""
    if marker in ("은", "는", "이", "가", "도"):
        return False
    tail_start = m.end
    tail = text[tail_start : tail_start + 24]
    clause = re.split(r"[,.;:]|\s(?:and|said|says)\s|[은는이가]\s", tail)[0]
    if language == "en" and _EN_CAUSE_BY.search(text, max(0, m.start - 30), m.start) and not text[
            m.start:m.end].endswith(("'s", "’s")) and not _EN_APPOSITIVE_CLAUSE.match(text, m.end):
        # ("triggered by DeepSeek's claim that it had trained ...", "triggered by DeepSeek, a Chinese lab that says
        # it trained a competitive model for $5.6 million": the cause's own claims are still its own)
        return True  # "a single-day rout triggered by DeepSeek had wiped out about $589 billion": the cause
    if m.entity.kind in ("org", "agency", "government") and language == "en" and _EN_VERB.match(text, m.end):
        return False
    if language == "ko" and marker == "의" and _KO_OWNED_MEASURE.search(text, m.end, m.end + 30):
        return False  # "엔비디아의 중국 AI 칩 시장 점유율이 한때 95%": the owner of the share, not a chip's maker
    if m.entity.kind == "org" and not _NOT_HEAD.search(clause):
        first = CHIP_WORDS.search(clause)
        if first and first.start() <= 20 and not _OWNED_NOUN.search(clause, 0, first.start()):
            return True
        if any(c.entity.kind == "chip" and tail_start <= c.start <= tail_start + 12
               and not re.search(r"[,;:\"“”]", text[tail_start : c.start])
               and not _CHIP_PROPERTY_AFTER.match(text, c.end) for c in mentions):
            return True  # "Nvidia H800 chips", "엔비디아 H20" ("엔비디아, H20 수출 막혀": a headline's subject)
    if language == "ko" and _KO_OF_UNNAMED.match(text, m.end):
        return True  # "중국 선전의 한 판매상은": the place of an unnamed party, not the subject
    if m.entity.kind == "org" and _ROLE_OF.match(text, m.end):
        return True  # "Scale AI chief executive Alexandr Wang": the employer of a speaker
    if m.entity.kind == "org" and language == "en" and _ROLE_AT.search(text, max(0, m.start - 40), m.start):
        return True  # "Alexandr Wang, the chief executive of Scale AI, said ...": likewise
    if language == "ko" and _KO_CAUSE.match(text, m.end):
        return True  # "딥시크 쇼크로 하루 17% 폭락했던": the cause of a move is not what moved
    if language == "ko" and m.entity.kind == "country" and _KO_EXPORT_FOR.match(text, m.end):
        return True  # "엔비디아의 중국 수출용 칩 H800": where the chip is sold, not whose figure it is
    if language == "ko" and m.entity.kind == "country" and _KO_BARE_NOUN.match(text, m.end):
        return True  # "중국 유통업체들이": the country says where the (unnamed) party is from
    if m.entity.kind == "country" and (_EN_SHARE_OF.match(text, m.end) if language == "en"
                                       else _KO_OUTSIDE.match(text, m.end)):
        return True  # "China ... accounted for 13% of revenue", "중국 외 고객에게": a part or a place, not the subject
    if language == "en" and text[m.start:m.end].endswith(("'s", "’s")) and _EN_APPOSITIVE_OWNER.match(
            text, m.end) and any(text[o.end:m.start] == ", " for o in mentions if o is not m):
        return True  # "Nvidia, SK Hynix's largest customer for memory, had dropped": inside an appositive
    if language == "en" and m.entity.kind == "org" and text[m.start:m.end].endswith(("'s", "’s")) and any(
            o.entity.kind == "person" and 0 <= o.start - m.end <= 2 for o in mentions):
        return True  # "Scale AI's Alexandr Wang said ...": the speaker's employer
    if m.entity.kind in ("country", "government") and _POLICY_NOUN.match(text, m.end):
        return True  # "중국 수출 규제로", "the China restrictions would cost it": the policy's target, not a subject
    if m.entity.kind == "country" and re.match(r"-(?:only|made|bound|based|focused|specific|linked|listed)\b",
                                                text[m.end : m.end + 12]):
        return True  # "a China-only part", "US-listed shares": the country qualifies a noun
    if m.entity.kind == "country":
        window = text[m.end : m.end + 22]
        for other in mentions:
            if other is m or other.entity.kind not in ("org", "agency", "model"):
                continue
            gap = other.start - m.end
            if 0 <= gap <= 20 and not re.search(r"[,.;]", window[:gap]):
                return True
    return False


def _is_attribution_source(text: str, m: Mention, language: str) -> bool:
    """ "according to X", "claimed by X", "X에 따르면", and an English person who only speaks ("Wang told CNBC
    that ...")."""
    if language == "ko":
        return bool(_KO_ATTRIBUTION.match(text, m.end))
    if m.entity.kind == "person" and _EN_PERSON_SAYS.match(text, m.end):
        return True
    if m.entity.kind in REPORTING_KINDS and _EN_OFFICIAL_SAYS.match(text, m.end):
        return True  # "a senior US State Department official told Reuters"
    return bool(_EN_ATTRIBUTION.search(text[max(0, m.start - 20) : m.start]))


# the movers named after an index's move ("led by SK Hynix and Samsung Electronics") unless a figure of their own
# follows ("led by SK Hynix, which jumped 5%", "led by SK Hynix (+5%)")
_LED_BY_BEFORE = re.compile(
    r"\b(?:led|dragged|weighed|pulled|lifted|boosted|helped|driven|powered)(?:\s+(?:down|up|lower|higher))?\s+by\s+"
    r"(?:the\s+)?(?:(?:[A-Z][\w&.’'-]*\s?){1,4}(?:,\s?|and\s|&\s|,\sand\s))*$")
_OWN_CLAUSE_AFTER = re.compile(r"(?:'s|’s)?\s?(?:,\s(?:which|whose)\b|\(|\s(?:rose|fell|jumped|gained|climbed|dropped|"
                               r"slid|surged|was|were)\b)")


def eligible_mentions(
    text: str,
    mentions: list[Mention],
    language: str,
    figure_spans: Iterable[tuple[int, int]] = (),
    sources: Iterable[Mention] = (),
) -> list[Mention]:
    """The mentions that may be a subject in this sentence (before position checks).

    ``sources`` are the mentions the sentence cites (``attribution.attribution_sources``): an agency,
    government or court among them reports the figure and is not its subject.
    """
    spans = list(figure_spans)
    reporters = {(m.start, m.end) for m in sources if m.entity.kind in REPORTING_KINDS}
    out = []
    part_of = language == "ko" and _KO_ACCOUNTS_FOR.search(text) is not None
    for m in mentions:
        if m.entity.kind not in SUBJECT_KINDS or m.entity.role == "outlet" or (m.start, m.end) in reporters:
            continue
        if part_of and m.entity.kind == "country" and _ko_marker(text, m.end) in ("은", "는", "이", "가") and any(
                o.entity.kind == "org" and o.start > m.end for o in mentions):
            continue  # "중국은 엔비디아 전체 매출의 약 13%를 차지한다": a part of the company's revenue, not its owner
        if any(s < m.end and m.start < e for s, e in spans):
            continue
        if _is_modifier(text, m, mentions, language) or _is_attribution_source(text, m, language):
            continue
        if (language == "en" and _LED_BY_BEFORE.search(text, max(0, m.start - 70), m.start)
                and not _OWN_CLAUSE_AFTER.match(text, m.end)):
            continue  # "KOSPI closed up 2.57%, led by SK Hynix and Samsung, extending its gain": what drove it
        if language == "ko" and m.entity.kind == "country" and _KO_DESTINATION.match(text, m.end):
            continue  # "H100 200개 이상을 중국으로 불법 수출한": where the chips went, not whose figure it is
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
    elif _en_oblique(text, m):
        score -= 0.8
    if _EN_RELATIVE.match(text, m.end):
        score += 1.0  # "Nvidia, which shed about $279 billion"
    return score


def _excluded_by_position(text: str, m: Mention, span: tuple[int, int], language: str) -> bool:
    """After the figure, only a Korean subject/topic in the same clause, an English speaker ("..., DeepSeek
    said") or passive agent ("by DeepSeek") can be the subject; before it, an English oblique ("in China")
    or a mention cut off by a new clause with its own subject cannot."""
    if m.start >= span[1]:  # after the figure
        between = text[span[1] : m.start]
        if language == "ko":
            if _KO_CLAIM_OF.match(text, m.end) and re.search(r"[다라]는\s$", between):
                return False  # "600만 달러 안팎으로 ... 만들었다는 딥시크의 주장": the claimant reports on itself
            return _ko_marker(text, m.end) not in ("은", "는", "이", "가", "도") or _ko_clause(text, span[1], m.start)
        if _EN_TO_TRAIN.fullmatch(between) and m.entity.kind in ("model", "org"):
            return False  # "It cost just $5.6 million to train DeepSeek's V3 model": the trained model's owner
        if _EN_SUBORDINATOR.search(between):
            return True  # "finished at $118.42 after Chinese startup DeepSeek said ...": another clause's speaker
        agent = text[max(0, m.start - 3) : m.start] == "by " and m.entity.kind != "country"
        if _EN_REDUCED_RELATIVE.fullmatch(text, span[1], m.start) and _EN_VERB.match(text, m.end):
            return False  # "the roughly 10,000 A100 chips High-Flyer had bought", "the 17% drop Nvidia suffered"
        fronted = "," not in text[: span[0]] and re.fullmatch(r"[^,]*,\s(?:the\s)?", text[span[1] : m.start])
        return not (_EN_SAY.match(text, m.end) or agent or fronted)
    if language == "en":
        seg_start = text.rfind(",", 0, m.start)
        if seg_start >= 0 and _EN_APPOSITIVE.match(text, seg_start, m.start) and "," in text[m.end : span[0]]:
            return True  # "High-Flyer, the fund that spun out DeepSeek, bought 10,000": inside an appositive
        return (_en_oblique(text, m) or bool(_EN_CLAUSE_BEFORE.search(text, m.end, span[0]))
                or (bool(_EN_SUBORDINATE.search(text, max(0, m.start - 12), m.start)) and "," in text[m.end:span[0]])
                or _en_in_relative(text, m))
    # "미국이 수출 통제를 강화한 뒤 중국 유통업체들이 ... 10억 달러": the mention acts in a time clause
    return bool(_KO_SUBORDINATE.search(text, m.end, span[0]))


# "1억 달러를 훌쩍 넘는 것으로 알려진 오픈AI GPT-4의 훈련비": the figure is an adnominal clause on a noun
# phrase that names its owner
_KO_ADNOMINAL = re.compile(r"[^,.]{0,25}?(?:는|은|던|된|진|인|한)\s(?:것으로\s[가-힣]{1,6}\s)?")
_KO_OWNER_OF = re.compile(r"(?:\s?[^\s,.]{1,12})?의\s?(?:[^\s,.]+\s)?")


def _ko_adnominal_head(text: str, m: Mention, span: tuple[int, int], cue_starts: Iterable[int]) -> bool:
    """Whether ``m`` names the owner of the noun phrase the figure's adnominal clause modifies."""
    if not _KO_ADNOMINAL.fullmatch(text, span[1], m.start):
        return False
    return any(start > m.end and _KO_OWNER_OF.fullmatch(text, m.end, start) for start in cue_starts)


def _owns_metric_word(text: str, m: Mention, cue_starts: Iterable[int], language: str) -> bool:
    """Whether the mention is the possessor of a metric word: "엔비디아(의) 시가총액", "Nvidia's (gross) margin"."""
    possessive = text[m.start : m.end].endswith(("'s", "’s"))
    for start in cue_starts:
        if start < m.end:
            continue
        between = text[m.end : start]
        if language == "ko" and re.fullmatch(r"\s?|의\s?(?:[^\s,.]+\s)?", between):
            return True
        if language == "en" and possessive and re.fullmatch(r"\s(?:[A-Za-z-]+\s)?", between):
            return True
    return False


_EN_FROM_VALUE = re.compile(r"\s+(?:(?:of\s+\w+\s+)?(?:from|off)|of)\s+(?:the\s+)?")
_EN_VALUE_NOUN = re.compile(r"(?:'s|’s)?\s+(?:market\s+)?(?:value|valuation|capitali[sz]ation|market\s+cap)\b", re.I)


def bind_subject(
    text: str,
    candidates: list[Mention],
    span: tuple[int, int],
    language: str,
    cue_starts: Iterable[int] = (),
    other_spans: Iterable[tuple[int, int]] = (),
) -> Mention | None:
    """The mention naming the subject of the figure at ``span`` among eligible ``candidates`` (or ``None``;
    ``subject_of`` turns it into a name).

    ``cue_starts`` are the positions of the sentence's property words (revenue, cost, market value...,
    not counted nouns such as chips or companies); ``other_spans`` the sentence's other figures.
    """
    cues = list(cue_starts)
    best: tuple[float, Mention] | None = None
    for m in candidates:
        if _PAREN_FIGURE.fullmatch(text, m.end, span[0]):
            return m  # "브로드컴(-17.40%)과 TSMC(-13.33%)", "Broadcom (-17.4%)": the figure is that name's
        if language == "en" and _EN_FROM_VALUE.fullmatch(text, span[1], m.start) and _EN_VALUE_NOUN.match(
                text, m.end):
            return m  # "erased nearly $600 billion from Nvidia's value": whose value it was
    others = [o for o in other_spans if o != tuple(span)]
    if language == "ko":
        for m in candidates:
            if m.start >= span[1] and _ko_adnominal_head(text, m, span, cues):
                return m
        # "필라델피아 반도체지수는 9.2% 내렸고 나스닥지수도 3.07% 하락했다": a later clause has its own subject
        candidates = [m for m in candidates if not any(
            m.end <= o.start < span[0] and _ko_marker(text, o.end) in ("은", "는", "이", "가", "도")
            and _ko_clause(text, m.end, o.start) for o in candidates)]
    for m in candidates:
        if m.start >= span[1] and any(span[1] <= o[0] and o[1] <= m.start for o in others):
            continue  # "30.8 million GPU hours, about 11 times what DeepSeek reported": the next figure's
        owner = _owns_metric_word(text, m, cues, language)
        if owner and language == "en" and m.start >= span[1] and _EN_SUBORDINATOR.search(text, span[1], m.start):
            owner = False  # "recouping Monday's 17% plunge, as analysts said DeepSeek's cost ...": another clause's
        if not owner and _excluded_by_position(text, m, span, language):
            continue
        score = _role_score(text, m, language)
        if owner:
            score += 1.0
        if m.end <= span[0]:
            score += 1.5 if language == "ko" else 1.0
            d = span[0] - m.end
            if language == "en" and any(m.end <= o[0] and o[1] <= span[0] for o in others):
                # "Broadcom fell 17.4%, Micron 11.7%": a name before another figure is that figure's
                score -= 1.5
        else:
            d = max(0, m.start - span[1])
        score -= d / 40.0
        if m.entity.kind == "country":
            score -= 0.4
        elif m.entity.kind == "person":
            score -= 0.3
        if best is None or score > best[0]:
            best = (score, m)
    return best[1] if best else None


# a figure in parentheses right after a name: "브로드컴(-17.40%)", "Broadcom (-17.4%)"
_PAREN_FIGURE = re.compile(
    r"(?:'s|’s)?\s?(?:(?:ADR|ADRs|shares|stock|미국예탁증권|예탁증서|주가)\s?)?"
    # ("삼성전자 DS 부문(7조 원)": a division of the company glossed by its figure)
    rf"(?:{_KO_DIVISION_NOUN.pattern})?"
    r"[(（]\s?(?:ADR\s?[·,]\s?)?")
# Between two members of a coordination: ", ", " and ", ", and ", " & " / "와 ", "과 ", "및 ", ", ".
# ("Alan Hao Hsu and his company, Hao Global," / "Hsu and his firm Hao Global": a person and the company named as
# his are one party)
_EN_COORD = re.compile(r"(?:'s|’s)?(?:,\s|\s(?:and|&)\s|,\s(?:and|&)\s)(?:the\s|(?:through\s|via\s)?(?:his|her|their)\s"
                       r"(?:company|firm|business|companies),?\s)?")
_KO_COORD = re.compile(
    r"(?:\([^)]{0,30}\))?(?:와|과|,|및|와\s?함께|,\s?그리고)\s?(?:및\s)?(?:(?:그|자신)의\s?회사(?:인)?\s)?")


def speaker_employer(text: str, mentions: list[Mention], before: int) -> str | None:
    """The company whose officer speaks in the sentence before offset ``before`` (the figure's start: "OpenAI
    chief executive Sam Altman said ..."), which the binder leaves out as a modifier of the speaker: the
    figure's owner when the sentence names no one else."""
    for m in mentions:
        if m.end <= before and m.entity.kind == "org" and m.entity.role != "outlet" and (
                _ROLE_OF.match(text, m.end) or _ROLE_AT.search(text, max(0, m.start - 40), m.start)):
            return m.entity.owner or m.entity.canonical
    return None


def coordinated(text: str, m: Mention, candidates: list[Mention], language: str) -> list[Mention]:
    """``m`` and the candidates coordinated with it ("OpenAI, Google and Meta", "오픈AI와 구글, 메타는"):
    mentions of subject kinds joined only by commas and conjunctions. Just ``[m]`` when there is none."""
    rx = _KO_COORD if language == "ko" else _EN_COORD
    ordered = sorted(candidates, key=lambda c: c.start)
    if m not in ordered:
        return [m]
    i = ordered.index(m)
    lo = hi = i
    while lo > 0 and rx.fullmatch(text, ordered[lo - 1].end, ordered[lo].start):
        lo -= 1
    while hi + 1 < len(ordered) and rx.fullmatch(text, ordered[hi].end, ordered[hi + 1].start):
        hi += 1
    group = ordered[lo : hi + 1]
    kinds = {g.entity.kind for g in group}
    # "China's DeepSeek and Nvidia" is still a coordination of orgs; a country next to an org is not a member.
    if len(kinds) > 1 and "country" in kinds:
        group = [g for g in group if g.entity.kind != "country"] or [m]
    return group


def subject_of(
    text: str, m: Mention, candidates: list[Mention], language: str, span: tuple[int, int] | None = None
) -> str:
    """The subject name for a bound mention: its canonical name (a model's owner), or for coordinated
    subjects the members' names sorted and joined with " + " ("Google + Meta + OpenAI") — unless the figure
    at ``span`` stands in parentheses right after the mention ("브로드컴(-17.40%)과 TSMC(-13.33%)")."""
    if span is not None and _PAREN_FIGURE.fullmatch(text, m.end, span[0]):
        return _canonical(m)
    names = sorted({_canonical(g) for g in coordinated(text, m, candidates, language)}, key=str.casefold)
    return " + ".join(names)


def sentence_topic(text: str, candidates: list[Mention], language: str) -> str | None:
    """The sentence's topic: the first topic-marked candidate (Korean), else the first candidate."""
    if not candidates:
        return None
    if language == "ko":
        for m in candidates:
            if _ko_marker(text, m.end) in ("은", "는"):
                return _canonical(m)
    return _canonical(candidates[0])


_EN_OWN_RELATIVE = re.compile(r"\s+(?:that|which)\s[^,.;:]{0,80}")


def model_scope(subject: str | None, mentions: list[Mention], span: tuple[int, int],
                text: str | None = None) -> str | None:
    """The model of ``subject`` that the sentence ties the figure at ``span`` to, if it names one.

    Models are alias-table entities of kind ``model`` whose ``owner`` is the subject (DeepSeek-V3 and
    DeepSeek-R1 for DeepSeek). With several, the one written nearest the figure wins ("spent $5.6 million to
    train V3, the model on which R1 is built" → V3). A sentence naming none leaves the figure unscoped.
    """
    if not subject:
        return None
    models = [m for m in mentions if m.entity.kind == "model" and m.entity.owner == subject]
    if not models:
        return None

    def distance(m: Mention) -> int:
        return max(m.start - span[1], span[0] - m.end, 0)

    if text is not None:
        # "the ChatGPT maker", "챗GPT 개발사": the model names its company there, not what the figure is of
        models = [m for m in models if not names_the_maker(text, m)]
        if not models:
            return None
        # "the roughly $6 million that DeepSeek had said it spent on the underlying V3 model": the model of the
        # figure's own relative clause, though another is named nearer before it
        own = [m for m in models if m.start >= span[1] and _EN_OWN_RELATIVE.fullmatch(text, span[1], m.start)]
        if own:
            return own[0].canonical
        # "the V3 base model on which R1 is built cost about $6 million": a model inside a relative clause on
        # another model is not what the figure is of
        # ("R1 was built on top of V3, whose training ... cost about $6 million": the relative clause is V3's)
        outside = [m for m in models if not _IN_RELATIVE_ON.search(text, max(0, m.start - 24), m.start)
                   or (m.end <= span[0] and _WHOSE.match(text, m.end, span[0]))]
        if outside and len(outside) < len(models):
            models = outside
    return min(models, key=lambda m: (distance(m), m.start)).canonical


_MAKER_AFTER = re.compile(r"\s?(?:maker|developer|creator|owner|개발사|운영사|개발업체)\b", re.I)


def names_the_maker(text: str, m: Mention) -> bool:
    """Whether a model's mention only describes its company ("the ChatGPT maker", "챗GPT 개발사")."""
    return bool(_MAKER_AFTER.match(text, m.end))

_WHOSE = re.compile(r",?\s+(?:the\s+(?:base\s+|underlying\s+|earlier\s+)?model\s+)?(?:whose|which|that)\b")
_IN_RELATIVE_ON = re.compile(r"\b(?:on|upon|from|of)\s+which\s+(?:the\s+)?$|\bthat\s+$|\bwhich\s+$"
                             # "the final training run of V3, the base model for R1, at $5.576 million"
                             r"|\b(?:base|foundation|underlying)\s+model\s+(?:for|of|behind|under)\s+(?:the\s+)?$"
                             # "The R1 reasoning model built on top of V3 cost far less again: $294,000"
                             r"|\b(?:built|based|trained|developed)\s+(?:on|upon|from)\s+(?:top\s+of\s+)?(?:the\s+)?"
                             r"(?:earlier\s+)?$",
                             re.I)
