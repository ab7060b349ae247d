"""Qualifiers: the words that turn a number into a bound or an approximation, and direction words.

Vocabulary (``Figure.qualifier``): exact | approx | at_least | more_than | at_most | less_than | up_to |
range | vague.

Choices:
- Korean 이상 → at_least; 초과/넘는/넘게/웃도는 → more_than; 이하/이내 → at_most; 미만/밑도는 → less_than;
  a negated bound turns over: 넘지 않/초과하지 않/웃돌지 않 → at_most, 밑돌지 않 → at_least; 안 되 → less_than;
  최대 → up_to; 최소/적어도 → at_least; 약/대략/거의/가량/여/남짓/안팎/내외/정도/쯤/가까운/육박/수준 → approx;
  못 미치/채 안 → less_than; 돌파 → more_than;
  달하는/이르는/불과/총/무려/까지 → exact (they stress the amount, they do not bound it; "최대 ~까지" is
  up_to through 최대).
- English "more than"/"over"/"above"/"exceeding" → more_than; "at least"/"or more"/"-plus"/"+"/"at or
  above"/"no lower than" → at_least; "less than"/"under"/"fewer than" → less_than; "at most"/"no more
  than"/"or less"/"at or below"/"not exceed(ing)"/"capped at" → at_most;
  "up to"/"as much as" → up_to; "about"/"around"/"roughly"/"some"/"or so" → approx.
- "nearly"/"almost"/"close to"/가까운/육박 → approx, not less_than: reporters use them for rounded
  figures that can fall on either side ("nearly $600 billion" for a $589-593 billion loss).
- When a prefix and a suffix both qualify one number ("최대 1만6000개 이상"), the suffix wins: in Korean
  the postposition binds to the number and the prefix to the whole phrase. The rule id records the
  conflict (``+mixed``).
"""

from __future__ import annotations

import re

__all__ = [
    "EXACT",
    "direction",
    "en_prefix",
    "en_suffix",
    "ko_prefix",
    "ko_suffix",
]

EXACT = "exact"  # words that stress an amount without bounding it map to exact

_KO_PREFIX: list[tuple[str, str]] = [
    ("약", "approx"),
    ("대략", "approx"),
    ("거의", "approx"),
    ("대략적으로", "approx"),
    ("어림잡아", "approx"),
    ("최대", "up_to"),
    ("최고", "up_to"),
    ("많게는", "up_to"),
    ("최소", "at_least"),
    ("적어도", "at_least"),
    ("최소한", "at_least"),
    ("적게는", "at_least"),
    ("총", EXACT),
    ("무려", EXACT),
    ("불과", EXACT),
    ("단", EXACT),
    ("겨우", EXACT),
    ("고작", EXACT),
]
_KO_PREFIX.sort(key=lambda t: -len(t[0]))

_KO_SUFFIX: list[tuple[str, str]] = [
    ("이상", "at_least"),
    ("이하", "at_most"),
    ("이내", "at_most"),
    ("미만", "less_than"),
    ("초과", "more_than"),
    ("넘는", "more_than"),
    ("넘게", "more_than"),
    ("넘어", "more_than"),
    ("넘은", "more_than"),
    ("넘었", "more_than"),
    ("넘겨", "more_than"),
    ("넘길", "more_than"),
    ("넘을", "more_than"),
    ("넘기", "more_than"),
    ("넘겼", "more_than"),
    ("웃도는", "more_than"),
    ("웃돌", "more_than"),
    ("상회", "more_than"),
    ("밑도는", "less_than"),
    ("밑돌", "less_than"),
    ("하회", "less_than"),
    ("가량", "approx"),
    ("남짓", "approx"),
    ("안팎", "approx"),
    ("내외", "approx"),
    ("정도", "approx"),
    ("쯤", "approx"),
    ("가까운", "approx"),
    ("가까이", "approx"),
    ("육박", "approx"),
    ("근접", "approx"),
    ("수준", "approx"),
    ("까지", EXACT),
    ("넘지 않", "at_most"),  # "30만 대를 넘지 않는다": a ceiling
    ("넘지 못", "at_most"),
    ("초과하지 않", "at_most"),
    ("웃돌지 않", "at_most"),
    ("상회하지 않", "at_most"),
    ("밑돌지 않", "at_least"),  # "2만 달러를 밑돌지 않았다": a floor
    ("하회하지 않", "at_least"),
    ("안 되", "less_than"),  # "3%도 안 되는", "3%도 안 된다"
    ("안 된", "less_than"),
    ("안 될", "less_than"),
    ("안 됐", "less_than"),
    ("안 돼", "less_than"),
    ("안되", "less_than"),
    ("안된", "less_than"),
    ("이르지 못", "less_than"),
    ("못 미치", "less_than"),
    ("못 미친", "less_than"),
    ("못 미쳐", "less_than"),
    ("못미치", "less_than"),
    ("못미친", "less_than"),
    ("채 안", "less_than"),
    ("돌파", "more_than"),
    ("달하는", EXACT),
    ("달해", EXACT),
    ("달한", EXACT),
    ("달했", EXACT),
    ("달할", EXACT),
    ("달하", EXACT),
    ("이르는", EXACT),
    ("이른", EXACT),
    ("이르", EXACT),
    ("불과", EXACT),
]
_KO_SUFFIX.sort(key=lambda t: -len(t[0]))
_KO_SUFFIX_STARTS = frozenset(w[0] for w, _ in _KO_SUFFIX)
_KO_PARTICLES = ("에는", "에도", "이", "가", "을", "를", "에", "은", "는", "도", "")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def ko_prefix(text: str, pos: int) -> tuple[str, int] | None:
    """A Korean qualifier word ending right before ``pos`` (one optional space): (qualifier, start)."""
    end = pos
    if end > 0 and text[end - 1] == " ":
        end -= 1
    for word, qual in _KO_PREFIX:
        s = end - len(word)
        if s < 0 or text[s:end] != word:
            continue
        if s > 0 and (_is_hangul(text[s - 1]) or text[s - 1].isalnum()):
            continue  # "계약 1억": 약 is part of a word
        return qual, s
    return None


def ko_suffix(text: str, pos: int) -> tuple[str, int] | None:
    """A Korean qualifier after a figure's unit at ``pos`` ("이상", "가 넘는", "를 웃도는"): (qualifier, end)."""
    for particle in _KO_PARTICLES:
        if not text.startswith(particle, pos):
            continue
        j = pos + len(particle)
        if j < len(text) and text[j] == " ":
            j += 1
        if particle == "" and j == pos and pos < len(text) and text[pos] not in _KO_SUFFIX_STARTS:
            continue
        for word, qual in _KO_SUFFIX:
            if text.startswith(word, j):
                return qual, j + len(word)
        if particle == "에" and text.startswith("가까", j):
            return "approx", j + 2
    return None


_EN_PREFIX: list[tuple[str, str]] = [
    ("more than", "more_than"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("in excess of", "more_than"),
    ("upwards of", "more_than"),
    ("upward of", "more_than"),
    ("north of", "more_than"),
    ("well over", "more_than"),
    ("just over", "more_than"),
    ("a little over", "more_than"),
    ("greater than", "more_than"),
    ("exceeding", "more_than"),
    ("at least", "at_least"),
    ("at or above", "at_least"),
    ("no lower than", "at_least"),
    ("not lower than", "at_least"),
    ("no less than", "at_least"),
    ("no fewer than", "at_least"),
    ("not less than", "at_least"),
    ("a minimum of", "at_least"),
    ("a minimum", "at_least"),
    ("at most", "at_most"),
    ("at or below", "at_most"),
    ("at or under", "at_most"),
    ("no higher than", "at_most"),
    ("no greater than", "at_most"),
    ("not exceed", "at_most"),
    ("not exceeding", "at_most"),
    ("not to exceed", "at_most"),
    ("never exceed", "at_most"),
    ("capped at", "at_most"),
    ("no more than", "at_most"),
    ("not more than", "at_most"),
    ("a maximum of", "at_most"),
    ("up to", "up_to"),
    ("as much as", "up_to"),
    ("as many as", "up_to"),
    ("as high as", "up_to"),
    ("less than", "less_than"),
    ("fewer than", "less_than"),
    ("under", "less_than"),
    ("below", "less_than"),
    ("just under", "less_than"),
    ("just below", "less_than"),
    ("shy of", "less_than"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("approximately", "approx"),
    ("approx.", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("close to", "approx"),
    ("some", "approx"),
    ("an estimated", "approx"),
    ("estimated", "approx"),
    ("circa", "approx"),
    ("~", "approx"),
    ("just about", "approx"),
    ("more or less", "approx"),
    ("exactly", EXACT),
    ("precisely", EXACT),
    ("just", EXACT),
    ("only", EXACT),
    ("a total of", EXACT),
]
_EN_PREFIX.sort(key=lambda t: -len(t[0]))
_EN_PREFIX_RE = re.compile(r"(?:(?<=[^A-Za-z])|^)(" + "|".join(re.escape(w) for w, _ in _EN_PREFIX) + r")\s?$", re.I)
_EN_PREFIX_MAP = {w.lower(): q for w, q in _EN_PREFIX}


# a comparative before a definite figure: "below the 50,000 that Wang cited" (but "about the $5.6 million
# figure" is no approximation)
_EN_COMPARATIVE_THE_RE = re.compile(
    r"(?:(?<=[^A-Za-z])|^)(below|under|above|over|more than|less than|fewer than)\sthe\s$", re.I
)


# (and degree words: "a touch below the $41.3 billion analysts had expected" compares the result with that figure)
_EN_INTENSIFIER_BEFORE = re.compile(r"\b(?:a\s+lot|far|much|way|many|significantly|vastly|well|a\s+touch|slightly|"
                                    r"narrowly|marginally|a\s+bit|a\s+little|just|comfortably|easily)\s$", re.I)


def en_prefix(text: str, pos: int) -> tuple[str, int, str] | None:
    """An English qualifier ending right before ``pos``: (qualifier, start, word)."""
    m = _EN_PREFIX_RE.search(text, max(0, pos - 20), pos)
    if not m:
        m = _EN_COMPARATIVE_THE_RE.search(text, max(0, pos - 24), pos)
        if m and _EN_INTENSIFIER_BEFORE.search(text, max(0, m.start(1) - 14), m.start(1)):
            return None  # "a lot more than the 2,048 H800 chips in their paper": the paper's figure, as it is
    if not m:
        return None
    word = m.group(1).lower()
    return _EN_PREFIX_MAP[word], m.start(1), word


_EN_SUFFIX = re.compile(
    r"(?P<more>\s(?:or|and) (?:more|above|higher|up)\b|-?plus\b|\+)|(?P<approx>\sor so\b|\sor thereabouts\b)"
    r"|(?P<less>\sor (?:less|fewer|below)\b)",
    re.I,
)


def en_suffix(text: str, pos: int) -> tuple[str, int] | None:
    """An English qualifier right after ``pos`` ("or more", "-plus", "+", "or so"): (qualifier, end)."""
    m = _EN_SUFFIX.match(text, pos)
    if not m:
        return None
    if m.group("more"):
        return "at_least", m.end()
    if m.group("approx"):
        return "approx", m.end()
    return "at_most", m.end()


_EN_DOWN = re.compile(
    r"\b(?:down|fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|"
    r"sunk|tumbling|slumping|sliding|shedding|plummeted|plummet|plummets|plummeting|cratered|nosedived|dived|"
    r"tanked|crashed|sagged|"
    r"plunged|plunge|plunges|plunging|slid|slide|slides|sliding|slumped|slump|tumbled|tumble|sank|sink|sinks|"
    r"lost|lose|loses|losing|shed|sheds|shedding|lower|decreased|decrease|cut|cuts|slashed|off|retreated|"
    r"narrowed|shrank|shrunk|contracted|reduced|slipped|slip|slips|eased|dipped|dip|dips|skidded|"
    r"knocked|knocks|wiped|wipes|erased|erases|shaved|shaves|"
    r"a loss of|a drop of|a decline of|a fall of|minus)\b",
    re.I,
)
_EN_UP = re.compile(
    r"(?<!\bmade\s)(?<!\bmake\s)(?<!\bmakes\s)(?<!\bmaking\s)(?<!\bset\s)"  # "made up less than half of": no rise
    r"\b(?:up|rose|risen|rise|rises|rising|gained|gain|gains|jumped|jump|jumps|surged|surge|climbed|climb|soared|"
    r"increased|increase|higher|grew|grow|rallied|rebounded|added|bounced|recovered|advanced|spiked|leapt|leaped|"
    r"rocketed|skyrocketed|popped)\b(?! to\b)",
    re.I,
)
_EN_UP_AFTER = re.compile(r"^\W{0,3}(?:\w+\s){0,1}(?:gain|rise|jump|rally|rebound|surge|increase|climb|advance|"
                          r"higher\b(?!\s+than))", re.I)
_EN_DOWN_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s){0,1}(?:drop|decline|fall|plunge|slide|loss|lower|decrease|slump)|^\s+off\b", re.I)
_KO_DOWN = re.compile(
    r"하락|떨어|급락|감소|내린|내려|빠진|빠졌|빠지|폭락|줄어|줄었|밀린|밀려|밀렸|밀리|추락|곤두박질|후퇴|하향|인하|낮춘|낮췄|축소|내렸|줄였|주저앉|무너|미끄러|고꾸라"
)
_KO_UP = re.compile(r"상승|올라|올랐|오른|올린|급등|증가|늘어|늘었|폭등|뛰|치솟|반등|상향")


def direction(text: str, start: int, end: int, language: str) -> int:
    """Direction of a percentage at ``text[start:end]``: -1 falling, +1 rising, 0 not stated.

    Looks at the nearest direction word in the same clause just before the figure (English "down 17%",
    "fell about 12%") or just after it ("a 17% drop", Korean "11.20% 하락", "17% 급락했다").
    """
    if language == "ko":
        after = text[end : end + 12]
        after = re.split(r"[,.;]", after)[0]
        d = _KO_DOWN.search(after)
        u = _KO_UP.search(after)
        if d and (not u or d.start() < u.start()):
            return -1
        if u:
            return 1
        before = text[max(0, start - 14) : start]
        before = re.split(r"[,.;]", before)[-1]
        if re.search(r"하락률|낙폭|하락폭|감소율|감소폭", before):
            return -1
        if re.search(r"상승률|상승폭|증가율|증가폭", before):
            return 1
        return 0
    before = text[max(0, start - 45) : start]
    before = re.split(r"[,;.]\s|\band\b|\bwhile\b|\bbut\b|\bafter\b|\bbefore\b|\bsince\b", before)[-1]
    last_down = max((m.end() for m in _EN_DOWN.finditer(before)), default=-1)
    last_up = max((m.end() for m in _EN_UP.finditer(before)), default=-1)
    if last_down > last_up:
        return -1
    if last_up > last_down:
        return 1
    if _EN_DOWN_AFTER.search(text[end : end + 20]):
        return -1
    if _EN_UP_AFTER.search(text[end : end + 20]):
        return 1
    return 0
