"""English figure grammar: (qualifier) (currency) number (scale) (unit | count noun) (qualifier), ranges
("$12 billion to $15 billion", "12-15%", "between 2,000 and 3,000 chips"), fractions ("one-twentieth"),
"about a year", and vague amounts ("billions of dollars", "tens of thousands of chips").

A count needs a count noun within four modifier words ("2,048 Nvidia H800 chips", "16,000 or more
chips"), a chip name ("10,000 A100s"), a partitive ("1,500 of its newest accelerators"), a compound
adjective ("a 1,024-GPU cluster") or, with a qualifier at the end of its clause, a noun named earlier in
the sentence or counted by the previous one ("It needed only about 900."). Alternatives are ranges ("three
or four shipments"); multiplicative verbs are ratios ("more than quadrupled"). Not figures: bare numbers,
years ("in 2021", "its 2026 chips"), ages ("45-year-old").
"over" before a duration means "during" ("over 80 hours"), not "more than".
"""

from __future__ import annotations

import re
from decimal import Decimal

from .candidate import CURRENCY_UNITS, Candidate, band_bounds, unit_family
from .entities import Mention
from .exclusions import inside
from .levels import index_levels
from .numbers_en import WORD_VALUES, EnNumber, dot_grouped, find_en_numbers
from .qualifiers import EXACT, direction, en_prefix, en_suffix
from .units import en_count_noun, match_en_currency_prefix, match_en_unit

__all__ = ["en_candidates"]

VAGUE_UNITS = CURRENCY_UNITS | {"chips", "servers", "companies", "gpu_hours", "units"}
_MODIFIERS = frozenset(
    [
        "top",
        "advanced",
        "high-end",
        "cutting-edge",
        "banned",
        "restricted",
        "older",
        "newer",
        "less-powerful",
        "powerful",
        "specialized",
        "additional",
        "more",
        "ai",
        "graphics",
        "data-center",
        "datacenter",
        "of",
        "its",
        "their",
        "the",
        "american",
        "chinese",
        "u.s.-made",
        "smuggled",
        "such",
        "different",
        "other",
        "high-performance",
        "top-of-the-line",
        "top-tier",
        "latest",
        "new",
        "used",
        "second-hand",
        "secondhand",
        "prized",
        "coveted",
        "scarce",
        "export-controlled",
        "controlled",
        "sanctioned",
        "sophisticated",
        "state-of-the-art",
        "leading-edge",
        "hopper-based",
        "blackwell-based",
        "nvidia-made",
        "nvidia-designed",
        "high-bandwidth",
        "ai-focused",
        "artificial",
        "intelligence",
        "china-specific",
        "downgraded",
        "modified",
        "less-advanced",
        "lower-end",
        "customized",
        "dedicated",
        "separate",
        "foreign",
        "domestic",
        "local",
    ]
)
_AFTER_CHIP_BLOCK = frozenset(
    [
        "sales",
        "revenue",
        "revenues",
        "exports",
        "export",
        "shipments",
        "orders",
        "ban",
        "rule",
        "rules",
        "restrictions",
        "license",
        "licenses",
        "prices",
        "price",
        "launch",
        "market",
        "business",
        "lineup",
        "series",
        "family",
        "chip's",
        "production",
        "supply",
        "demand",
        "deal",
    ]
)
_TOKEN = re.compile(r"\s+([A-Za-z0-9][A-Za-z0-9.'’\-]*[A-Za-z0-9’']|[A-Za-z0-9])")
_YEAR_PREP = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|through|during|of|early|late|fiscal|FY|year|this|last|next|before|"
    r"after|between|and|or|to|the|its|their|a|an|our|his|her|whose|upcoming)\s|['’]s\s|s['’]\s|mid-|')$",
    re.I,
)
_RANGE_SEP = re.compile(r"\s?(?:-|–|—|to)\s?|\s(?:and|or)\s")
_FROM_BEFORE = re.compile(r"\bfrom\s(?:about\s|around\s|roughly\s)?(?:US)?\$?$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s(?:US)?\$?$", re.I)
_ORDINALS = {
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "quarter": 4,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
    "thousandth": 1000,
}
_NUMERATORS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_FRACTION = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine)(-|\s)(" + "|".join(_ORDINALS) + r")s?\b"
    r"(?=(-|\s(?:of|the|that|as)\b))?",
    re.I,
)
_A_DURATION = re.compile(
    r"\b(about|around|nearly|almost|roughly|more than|less than|over|under|within|just over|just under|"
    r"at least|some)\s+(?:a|an|one)\s+(year|month|week|day|hour)\b",
    re.I,
)
_VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions|tens)\s+of"
    r"(?:\s+(?:thousands|millions|billions)\s+of)?(?=\s)",
    re.I,
)


def _rule(unit: str) -> str:
    if unit in CURRENCY_UNITS:
        return "en.currency"
    if unit in ("percent", "percentage_points"):
        return "en.percent"
    if unit in ("years", "months", "days", "hours"):
        return "en.duration"
    if unit in ("times", "fraction", "gpu_hours"):
        return f"en.{unit}"
    return "en.count"


def _chip_at(chips: list[Mention], pos: int) -> Mention | None:
    for m in chips:
        if m.start == pos:
            return m
    return None


_COMPOUND = re.compile(r"-([A-Za-z][A-Za-z0-9]*)")
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|those|these|his|her|our|whose|[A-Z][\w.&-]*['’]s)(?=\s)")
_WORD_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _compound(text: str, pos: int, chips: list[Mention]) -> tuple[str, int, str | None] | None:
    """A count inside a compound adjective: "a 1,024-GPU cluster", "a 20-company consortium", "100,000-H100"."""
    m = _COMPOUND.match(text, pos)
    if not m:
        return None
    cm = _chip_at(chips, pos + 1)
    if cm is not None:
        return "chips", cm.end, cm.canonical
    unit = en_count_noun(m.group(1))
    if unit is None or m.group(1).lower() in ("unit", "units") and m.end() < len(text) and text[m.end()] == "-":
        return None
    return unit, m.end(), None


def _partitive(text: str, pos: int, chips: list[Mention]) -> tuple[str, int, str | None] | None:
    """A count of part of a named set: "1,500 of its newest accelerators", "12 of the alleged smugglers".

    After "of" and a determiner any three words may stand before the count noun (not numbers, which start
    a figure of their own: "5 of the 10 firms")."""
    m = _PARTITIVE.match(text, pos)
    if not m:
        return None
    j = m.end()
    chip: str | None = None
    chip_end = j
    for _ in range(4):
        t = _TOKEN.match(text, j)
        if not t:
            break
        ts = t.start(1)
        cm = _chip_at(chips, ts)
        if cm is not None:
            chip, chip_end, j = cm.canonical, cm.end, cm.end
            continue
        tok = t.group(1).rstrip(".'’")
        unit = en_count_noun(tok)
        if unit:
            if chip is None and unit == "chips" and m.group(0).rstrip().lower().endswith(("the", "those", "these")):
                # "on Nvidia H800 accelerators, spread across a cluster of 20,480 of the chips": the chip named
                # before is the set counted
                named = {c.canonical for c in chips if c.end <= pos}
                chip = named.pop() if len(named) == 1 else None
            return ("chips" if chip and unit == "units" else unit), ts + len(tok), chip
        if chip is not None or not _WORD_TOKEN.fullmatch(tok) or tok.lower() in WORD_VALUES:
            break
        j = ts + len(tok)
    if chip is not None:
        return "chips", chip_end, chip
    return None


_PRODUCT_CODE = re.compile(r"[A-Z]{1,4}\d{2,4}[A-Za-z]{0,3}")


def _count_noun(text: str, pos: int, chips: list[Mention]) -> tuple[str, int, str | None] | None:
    """(unit, end, chip) for a count noun after ``pos`` behind at most four modifiers, or a chip name; or
    the noun of a compound adjective ("1,024-GPU") or of a partitive ("1,500 of its newest accelerators")."""
    special = _compound(text, pos, chips) or _partitive(text, pos, chips)
    if special is not None:
        return special
    j = pos
    chip: str | None = None
    chip_end: int | None = None
    for _ in range(5):
        m = _TOKEN.match(text, j)
        if not m:
            break
        ts = m.start(1)
        tok = m.group(1).rstrip(".'’")
        te = ts + len(tok)
        cm = _chip_at(chips, ts)
        if cm is not None:
            chip, chip_end, j = cm.canonical, cm.end, cm.end
            continue
        low = tok.lower()
        if low in ("gpu-hours", "gpu-hour"):
            return "gpu_hours", te, chip
        if low in ("gpu", "gpus"):
            nh = re.match(r"[\s-]hours?\b", text[te : te + 7])
            if nh:
                return "gpu_hours", te + nh.end(), chip
        unit = en_count_noun(tok)
        if unit:
            return ("chips" if chip and unit == "units" else unit), te, chip
        if chip is not None:
            break
        if low in _MODIFIERS or (tok[0].isupper() and not tok.isupper() or tok in ("AI", "US")) or (
                _PRODUCT_CODE.fullmatch(tok)):  # ("18,000 GB300 chips": a model number the entity list lacks)
            j = te
            continue
        break
    if chip is not None and chip_end is not None:
        nxt = _TOKEN.match(text, chip_end)
        if nxt and nxt.group(1).lower().rstrip(".,") in _AFTER_CHIP_BLOCK:
            return None
        return "chips", chip_end, chip
    return None


def _unit_after(
    text: str, n: EnNumber, pos: int, currency: str | None, chips: list[Mention]
) -> tuple[str, int, str | None, int] | None:
    """(unit, end, chip, factor) for the unit following a number ending at ``pos``; ``factor`` converts
    the written unit into the canonical one ("three weeks" → 21 days)."""
    if currency is not None:
        m = re.match(r"\s(?:U\.S\.|US) dollars\b", text[pos : pos + 14])
        return currency, pos + (m.end() if m else 0), None, 1
    u = match_en_unit(text, pos, n.scaled)
    if u is not None:
        return u.unit, u.end, None, u.factor
    found = _count_noun(text, pos, chips)
    return (*found, 1) if found else None


def _prefix(text: str, start: int, unit: str) -> tuple[str, int] | None:
    """(qualifier, start) of a qualifier right before ``start``; "over"/"in" before a duration is not one."""
    p = en_prefix(text, start)
    if p is None:
        return None
    qual, pstart, word = p
    if word == "over" and unit in ("years", "months", "days", "hours"):
        return None
    return qual, pstart


def _year_like(text: str, n: EnNumber) -> bool:
    """A number written like a year: 1900-2100, digits, no thousands comma."""
    raw = text[n.start : n.end]
    return not n.words and raw.isdigit() and 1900 <= int(raw) <= 2100


def _single(text: str, n: EnNumber, chips: list[Mention]) -> Candidate | None:
    cur = match_en_currency_prefix(text, n.start)
    if cur is None and n.start > 1 and text[n.start - 1] == " ":
        cur2 = match_en_currency_prefix(text, n.start - 1)
        if cur2 is not None and not cur2[0].isalpha():
            cur = cur2
    if cur is not None:
        typo = match_en_unit(text, n.end, n.scaled)
        if typo is not None and typo.unit == "percent":
            cur = None  # "$3.5%": a currency sign typed before a percentage
    currency, start = (cur[0], cur[1]) if cur else (None, n.start)
    pos = n.end
    mid_suffix = None
    if currency is None:
        mid_suffix = en_suffix(text, pos)
        if mid_suffix and _unit_after(text, n, mid_suffix[1], None, chips) is not None:
            pos = mid_suffix[1]
        else:
            mid_suffix = None
    found = _unit_after(text, n, pos, currency, chips)
    if found is None:
        return None
    unit, end, chip, factor = found
    is_int = n.value == n.value.to_integral_value()
    raw = text[n.start : n.end]
    looks_like_year = currency is None and is_int and 1900 <= n.value <= 2100 and "," not in raw and not n.words
    compound = text.startswith("-", n.end)  # "a 2048-GPU cluster" is a count, never a year
    if (
        looks_like_year
        and not compound
        and unit in ("chips", "count", "companies", "servers", "units")
        and _YEAR_PREP.search(text, 0, n.start)
    ):
        return None
    sign = 0
    percent = unit in ("percent", "percentage_points")
    if percent and start > 0 and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        sign, start = -1, start - 1
    qual = "approx" if "dozen" in raw.lower() else "exact"
    extra = ""
    pre = _prefix(text, start, unit)
    if pre:
        if pre[0] != EXACT:
            qual = pre[0]
        start = pre[1]
    post = mid_suffix or en_suffix(text, end)
    if post:
        if pre and pre[0] not in (EXACT, post[0]):
            extra = "+mixed"
        qual = post[0]
        end = max(end, post[1])
    value, resolution = n.value * factor, n.resolution * factor
    grouped = dot_grouped(raw) if not n.scaled and unit_family(unit) in ("count", "currency") else None
    if grouped is not None:  # "10.000 units", "€12.500": a count or sum with three decimals groups thousands
        value, resolution = grouped
    if percent:
        if sign == 0:
            sign = direction(text, start, end, "en")
        if sign < 0:
            value = -value
    return Candidate(
        start,
        end,
        n.start,
        n.end,
        float(value),
        float(resolution),
        unit,
        qual,
        _rule(unit) + extra,
        chip=chip,
        direction=sign,
    )


def _range(text: str, n: EnNumber, nxt: EnNumber | None, chips: list[Mention]) -> Candidate | None:
    if nxt is None:
        return None
    cur = match_en_currency_prefix(text, n.start)
    start = cur[1] if cur else n.start
    pos = n.end
    u1 = match_en_unit(text, pos, n.scaled) if cur is None else None
    m = _RANGE_SEP.match(text, pos)
    if not m and u1 is not None:
        pos = u1.end
        m = _RANGE_SEP.match(text, pos)
    if not m:
        return None
    sep = m.group().strip()
    j = m.end()
    cur2 = match_en_currency_prefix(text, nxt.start)
    if (cur2[1] if cur2 else nxt.start) != j:
        return None
    if sep == "to" and _FROM_BEFORE.search(text, 0, start):
        return None
    if sep == "and" and not _BETWEEN_BEFORE.search(text, 0, start):
        return None
    if cur and cur2 and cur[0] != cur2[0]:
        return None
    currency = cur[0] if cur else (cur2[0] if cur2 else None)
    if u1 is not None and (currency is not None or pos == n.end):
        return None  # "78% to $39.3 billion" is two figures
    found = _unit_after(text, nxt, nxt.end, currency, chips)
    if found is None or (u1 is not None and found[0] != u1.unit):
        return None
    unit, end, chip, factor = found
    low, high = n.value, nxt.value
    if not n.scaled and nxt.scaled and low * nxt.scale <= high:
        low *= nxt.scale
    low, high = low * factor, high * factor
    if not low < high:
        return None
    if unit in ("years",) and 1900 <= low <= 2100:
        return None
    years = all(_year_like(text, x) for x in (n, nxt))
    if years and unit_family(unit) == "count" and _YEAR_PREP.search(text, 0, start):
        return None  # "in 2023 or 2024 the firm": years, not counts
    between = _BETWEEN_BEFORE.search(text, 0, start)
    pre = en_prefix(text, between.start() if between else start)
    if between:
        start = between.start()
    if pre:
        start = pre[1]
    mid = (low + high) / 2
    return Candidate(
        start,
        end,
        n.start,
        nxt.end,
        float(mid),
        None,
        unit,
        "range",
        _rule(unit) + "+range",
        low=float(low),
        high=float(high),
        chip=chip,
    )


def _fractions(text: str, excluded: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for m in _FRACTION.finditer(text):
        word = m.group(1).lower()
        if m.group(2) == " " and m.group(4) is None and word in ("a", "an"):
            continue  # "a third" is a fraction only before "of"/"the" ("a third of the chips")
        if m.group(3).lower() == "quarter" and m.group(4) is None:
            continue  # "two to three quarters", "a quarter": a duration; "three quarters of the chips": a share
        if inside(excluded, m.start(), m.end()):
            continue
        num = Decimal(_NUMERATORS[word])
        den = Decimal(_ORDINALS[m.group(3).lower()])
        value = num / den
        start, end = m.start(), m.end()
        qual = "exact"
        pre = en_prefix(text, start)
        if pre:
            if pre[0] != EXACT:
                qual = pre[0]
            start = pre[1]
        out.append(
            Candidate(
                start, end, m.start(), m.end(), float(value), float(num / (den * den)), "fraction", qual, "en.fraction"
            )
        )
    return out


# "the mid-30s percent", "low-to-mid 20s percent", "a high-teens percentage": a part of a decade, not a number
_BAND = re.compile(
    r"\b(?:the\s+)?(low|lower|mid|middle|high|upper)(?:[- ]to[- ](low|mid|high|upper))?[- ]?(\d0|teens)['’]?s?"
    r"\s?(%|percent(?:age)?\b|per\s?cent\b)",
    re.I,
)


def _bands(text: str, excluded: list[tuple[int, int]]) -> list[Candidate]:
    """Parts of a decade of percentages as ranges: "the mid-30s percent" → 33 to 37 (``candidate.band_bounds``)."""
    out = []
    for m in _BAND.finditer(text):
        if inside(excluded, m.start(), m.end()):
            continue
        opening = 10.0 if m.group(3).lower() == "teens" else float(m.group(3))
        low = band_bounds(opening, m.group(1).lower())[0]
        high = band_bounds(opening, (m.group(2) or m.group(1)).lower())[1]
        sign = direction(text, m.start(), m.end(), "en")
        if sign < 0:
            low, high = -high, -low
        out.append(Candidate(m.start(), m.end(), m.start(1), m.end(3), (low + high) / 2, None, "percent", "range",
                             "en.percent+band", low, high, direction=sign))
    return out


def _a_durations(text: str) -> list[Candidate]:
    out = []
    for m in _A_DURATION.finditer(text):
        word = m.group(1).lower()
        qual = {"within": "at_most"}.get(word)
        if qual is None:
            p = en_prefix(m.group(1) + " ", len(m.group(1)) + 1)
            qual = p[0] if p else "approx"
            if word == "over":
                qual = "more_than"
        if qual == EXACT:
            qual = "exact"
        unit, value = (m.group(2).lower() + "s", 1.0) if m.group(2).lower() != "week" else ("days", 7.0)
        out.append(Candidate(m.start(), m.end(), m.start(2) - 2, m.end(), value, value, unit, qual, "en.duration"))
    return out


def _vague(text: str, chips: list[Mention]) -> list[Candidate]:
    out = []
    for m in _VAGUE.finditer(text):
        d = re.match(r"\s(?:U\.S\.\s|US\s)?dollars\b", text[m.end() : m.end() + 14])
        if d:
            out.append(
                Candidate(m.start(), m.end() + d.end(), m.start(), m.end(), None, None, "USD", "vague", "en.vague")
            )
            continue
        found = _count_noun(text, m.end(), chips)
        if found and found[0] in VAGUE_UNITS:
            out.append(
                Candidate(
                    m.start(), found[1], m.start(), m.end(), None, None, found[0], "vague", "en.vague", chip=found[2]
                )
            )
    return out


_MULTIPLE_VALUES = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "quintupl": 5.0, "halv": 0.5}
# A multiplicative verb: "doubled", "more than quadrupled", "halving"; the bare form only as a verb after a
# modal or "to" ("expected to double"), since "double" is also an adjective ("a double standard").
_MODALS = ("to", "will", "would", "could", "can", "may", "might", "should", "must")
_MULTIPLE = re.compile(
    r"\b(?:(?P<stem>doubl|tripl|quadrupl|quintupl|halv)(?:ed|es|ing)"
    r"|(?:" + "|".join(rf"(?<=\b{w} )" for w in _MODALS) + r")(?P<base>double|triple|quadruple|halve))\b"
    r"(?![- ](?:down|up|digits?|figures?|click|check|counted|edged|crown|play|threat|whammy)\b)(?!-)",
    re.I,
)


def _multiples(text: str, excluded: list[tuple[int, int]]) -> list[Candidate]:
    """Multiplicative verbs as ratios: "doubled" → 2 times, "nearly tripled" → approx 3, "halved" → 0.5."""
    out = []
    for m in _MULTIPLE.finditer(text):
        if inside(excluded, m.start(), m.end()):
            continue
        word = (m.group("stem") or m.group("base")).lower()
        value = next(v for stem, v in _MULTIPLE_VALUES.items() if word.startswith(stem))
        start, qual = m.start(), "exact"
        pre = en_prefix(text, start)
        if pre:
            start = pre[1]
            qual = pre[0] if pre[0] != EXACT else "exact"
        res = 1.0 if value >= 1 else 0.1
        out.append(Candidate(start, m.end(), m.start(), m.end(), value, res, "times", qual, "en.times+verb"))
    return out


_EARLIER_NOUN = re.compile(r"\b(?:chips|GPUs|processors|accelerators|servers|companies|firms)\b")
# A count that borrows the previous sentence's noun must end its clause: "It needed only about 900."
_PRIOR_END = re.compile(r"\s?(?:[.,;:)]|$|\s(?:of them|were|was|are|is|have|had|remain(?:ed)?)\b)")
_OR_MORE = re.compile(r"\s+or\s+(more|fewer|less)\b", re.I)
_ELIDED_END = re.compile(
    r"\s?(?:[.,;:)]|$|\s(?:and|while|but|in|to|for|of them|were|was|are|is|have|had|remain(?:ed)?)\b)"
)


def _elided(
    text: str, nums: list[EnNumber], found: list[Candidate], chips: list[Mention], prior: str | None = None
) -> list[Candidate]:
    """Counts whose noun is left out because the sentence named it earlier: "US labs use 16,000 or more
    chips, while DeepSeek needed only about 2,000", "large volumes of H100 chips, though fewer than
    50,000"; or because the previous sentence counted it (``prior``): "The lab ordered 20,000 H100 chips.
    It needed only about 900." The number must carry a qualifier and end its phrase."""
    out = []
    for n in nums:
        if any(c.num_start <= n.start < c.end for c in found) or n.words:
            continue
        suffix = _OR_MORE.match(text, n.end)  # "16,000 or more": the bound is written after the number
        end = suffix.end() if suffix else n.end
        earlier = [c.unit for c in found if c.end <= n.start and c.unit in ("chips", "servers", "companies")]
        if not earlier:
            noun = _EARLIER_NOUN.search(text, 0, n.start)
            if noun is None and not any(c.end <= n.start for c in chips):
                if prior is None or not _PRIOR_END.match(text, end):
                    continue
                earlier = [prior]
            else:
                earlier = [(en_count_noun(noun.group()) if noun else None) or "chips"]
        if not _ELIDED_END.match(text, end) or match_en_currency_prefix(text, n.start):
            continue
        if en_prefix(text, n.start) is None and suffix is None:
            continue  # only "about 2,000", "fewer than 50,000", "16,000 or more": a bare number is too weak
        raw = text[n.start : n.end]
        if "," not in raw and 1900 <= n.value <= 2100:
            continue
        start, qual = n.start, "exact"
        pre = en_prefix(text, start)
        if pre:
            start = pre[1]
            qual = pre[0] if pre[0] != EXACT else "exact"
        if suffix and (pre is None or pre[0] == EXACT):  # "only 2,000 or fewer" is a bound
            qual = "at_least" if suffix.group(1).lower() == "more" else "at_most"
        unit = earlier[-1]
        out.append(
            Candidate(start, end, n.start, n.end, float(n.value), float(n.resolution), unit, qual, "en.count+elided")
        )
    return out


def en_candidates(
    text: str, excluded: list[tuple[int, int]], chips: list[Mention], prior: str | None = None
) -> list[Candidate]:
    """Figure candidates in one English sentence; ``chips`` are the chip mentions in it, ``prior`` the noun
    the previous sentence counted (``chips``, ``servers``...), for a count that leaves it out."""
    blocked = [(c.start, c.end) for c in chips]
    special = _fractions(text, excluded) + _a_durations(text) + _multiples(text, excluded) + _bands(text, excluded)
    nums = [
        n
        for n in find_en_numbers(text)
        if not inside(excluded, n.start, n.end)
        and not inside(blocked, n.start, n.end)
        and not any(c.start <= n.start < c.end for c in special)
    ]
    out: list[Candidate] = list(special)
    used = 0
    for i, n in enumerate(nums):
        if n.start < used:
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        cand = _range(text, n, nxt, chips) or _single(text, n, chips)
        if cand is None:
            continue
        out.append(cand)
        used = cand.num_end
    out += _elided(text, nums, out, chips, prior)
    taken = list(out)
    out += [v for v in _vague(text, chips) if not any(c.start < v.end and v.start < c.end for c in taken)]
    out += index_levels(text, "en", out)
    out.sort(key=lambda c: c.start)
    return out
