"""English number grammar: digits with separators and decimals, scale words, number words.

Forms: "16,000", "2,048", "5.6 million", "1.6bn", "5.576M" (single-letter scales only when the caller
says a currency symbol precedes), "two thousand", "twenty-five", "a dozen", "a million",
"one hundred and five". The resolution is the place value of the last significant digit as written
("5.6 million" → 100,000; "16,000" → 1000; "two thousand" → 1000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers_ko import TOO_LARGE, digits_resolution

__all__ = [
    "EnNumber",
    "SCALES",
    "WORD_VALUES",
    "dot_grouped",
    "find_en_numbers",
    "parse_en_number",
    "parse_word_number",
]

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
LETTER_SCALES: dict[str, int] = {"k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "b": 10**9, "B": 10**9, "T": 10**12}

WORD_VALUES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+")
# Continental writing: "1.200.000" (dots group thousands), "2,5 billion" / "3,5%" / "€2,5" (a decimal comma).
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.]\d)")
_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}(?![\d,])")
_AFTER_DECIMAL_COMMA = re.compile(r"\s?%|(?:\s|-)?(?:thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b", re.I)
_SCALE_WORD = re.compile(r"(?:\s|-)?(thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b", re.I)
_LETTER_SCALE = re.compile(r"([kKmMbBT])(?![A-Za-z0-9])")
_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
_WORD += r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
_WORD += r"hundred|thousand|million|billion|trillion|dozen)"
_WORD_RUN = re.compile(
    rf"\b(?:(?:a|an)\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?{_WORD}"
    rf"(?:(?:\s+and\s+|[\s-]+){_WORD})*\b",
    re.I,
)
_DIGIT_START = re.compile(r"\d|\.\d")
_WORD_START = re.compile(rf"\b(?:(?:a|an)\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?{_WORD}\b", re.I)


@dataclass(frozen=True)
class EnNumber:
    """A parsed English number and where it stands (``text[start:end]``)."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    words: bool  # written in words
    scaled: bool  # carries a scale word or letter ("million", "bn", "M")
    scale: int = 1  # the multiplier of that scale word


_WORDS_TOO_LARGE = int(TOO_LARGE)
# Characters a number in words may span ("nine hundred ninety-nine billion ..." needs ~150): a word run is
# read no further, so a long run of number words costs its length, not its length squared.
_MAX_WORD_NUMBER = 300


def parse_word_number(phrase: str) -> Decimal | None:
    """Value of a number written in words ("two thousand", "twenty-five", "a dozen"), or ``None``."""
    tokens = [t for t in re.split(r"[\s-]+", phrase.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in WORD_VALUES:
            current += WORD_VALUES[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[tok]
            current = 0
            seen = True
        else:
            return None
        if current >= _WORDS_TOO_LARGE or total >= _WORDS_TOO_LARGE:
            return None  # "hundred hundred hundred ...": no figure, and 100**n grew without bound
    return Decimal(total + current) if seen else None


_AND = re.compile(r"\s+and\s+", re.I)


def _trim_and(phrase: str) -> str:
    """Cut a word run at an "and" that does not follow a scale ("two and three" → "two")."""
    for m in _AND.finditer(phrase):
        before = phrase[: m.start()].split()[-1].lower() if phrase[: m.start()].split() else ""
        if before not in ("hundred", "thousand", "million", "billion", "trillion"):
            return phrase[: m.start()]
    return phrase


def dot_grouped(raw: str) -> tuple[Decimal, Decimal] | None:
    """(value, resolution) of "10.000" read as ten thousand, or ``None`` when ``raw`` is not one dot and three
    digits. Only the caller knows whether that reading fits (a count or a sum of money, never "2.125%")."""
    if not _DOT_GROUP.fullmatch(raw):
        return None
    digits = raw.replace(".", "")
    return Decimal(digits), digits_resolution(digits)


def _continental(text: str, pos: int, letter_scale: bool) -> tuple[Decimal, Decimal, int] | None:
    """(value, resolution, end) of dot-grouped thousands or a decimal comma at ``pos``, else ``None``."""
    m = _DOT_GROUPS.match(text, pos)
    if m:
        digits = m.group().replace(".", "")
        return Decimal(digits), digits_resolution(digits), m.end()
    m = _DECIMAL_COMMA.match(text, pos)
    if m and (letter_scale or _AFTER_DECIMAL_COMMA.match(text, m.end())):
        raw = m.group().replace(",", ".")
        return Decimal(raw), digits_resolution(raw), m.end()
    return None


def _int_resolution(value: Decimal) -> Decimal:
    if value == 0 or value != value.to_integral_value():
        return Decimal(1)
    return digits_resolution(str(int(value)))


def parse_en_number(text: str, pos: int, letter_scale: bool = False) -> EnNumber | None:
    """Parse the English number starting exactly at ``pos`` (digits or words)."""
    m = _DIGITS.match(text, pos)
    if m:
        raw = m.group()
        value = Decimal(raw.replace(",", ""))
        res = digits_resolution(raw if not raw.startswith(".") else "0" + raw)
        end = m.end()
        continental = _continental(text, pos, letter_scale)
        if continental is not None:
            value, res, end = continental
        scaled = False
        scale = 1
        sm = _SCALE_WORD.match(text, end)
        if sm:
            mult = SCALES[sm.group(1).lower()]
            value *= mult
            res *= mult
            end = sm.end()
            scaled = True
            scale = mult
        elif letter_scale:
            lm = _LETTER_SCALE.match(text, end)
            if lm:
                mult = LETTER_SCALES[lm.group(1)]
                value *= mult
                res *= mult
                end = lm.end()
                scaled = True
                scale = mult
        return EnNumber(value, res, pos, end, False, scaled, scale)
    wm = _WORD_RUN.match(text, pos, min(len(text), pos + _MAX_WORD_NUMBER))
    if wm:
        phrase = _trim_and(wm.group())
        value = parse_word_number(phrase)
        if value is None:
            return None
        scaled = bool(re.search(r"thousand|million|billion|trillion", phrase, re.I))
        res = Decimal(1) if "dozen" in phrase.lower() else _int_resolution(value)
        last = phrase.lower().split()[-1].split("-")[-1]
        return EnNumber(value, res, pos, pos + len(phrase), True, scaled, _WORD_SCALES.get(last, 1))
    return None


def find_en_numbers(text: str) -> list[EnNumber]:
    """All numbers in ``text`` (left to right, not overlapping), digits or words.

    Digits glued to letters ("H800", "R1", "GPT-4", "COVID-19") are not numbers. A lone "one"/"a"/"an"
    is not reported (too common as a word); "one hundred", "a dozen", "a million" are.
    """
    out: list[EnNumber] = []
    cands: list[tuple[int, str]] = [(m.start(), "d") for m in _DIGIT_START.finditer(text)]
    cands += [(m.start(), "w") for m in _WORD_START.finditer(text)]
    cands.sort()
    last_end = 0
    for s, kind in cands:
        if s < last_end:
            continue
        prev = text[s - 1] if s > 0 else ""
        if kind == "d":
            glued = prev and prev.isascii() and (prev.isalnum() or prev in "_.")
            if glued and not (prev == "." and (s < 2 or not text[s - 2].isalnum())):
                continue
            if prev == "," and s > 1 and text[s - 2].isdigit():
                continue
            if prev in "-/" and s > 1 and text[s - 2].isascii() and text[s - 2].isalpha():
                continue
            num = parse_en_number(text, s, letter_scale=_currency_before(text, s))
        else:
            num = parse_en_number(text, s)
            lone = num is not None and num.value <= 1 and not num.scaled and "dozen" not in text[s : num.end].lower()
            if lone and not (num.value == 1 and _ALTERNATIVE_AFTER.match(text, num.end)):
                continue  # but "one or two servers" is a range
        if num is None:
            continue
        if num.value >= TOO_LARGE:
            last_end = num.end
            continue
        nxt = text[num.end] if num.end < len(text) else ""
        glued_after = kind == "d" and nxt.isascii() and (nxt.isalpha() or nxt == "_")
        if glued_after and not text[num.end - 1].isalpha() and not _SUFFIX_OK.match(text, num.end):
            continue  # "4090D", "910B", "3nm", "5G": glued to letters
        out.append(num)
        last_end = num.end
    return out


_ALTERNATIVE_AFTER = re.compile(rf"\s(?:or|to)\s{_WORD}\b", re.I)
_SUFFIX_OK = re.compile(r"(?:x|s|st|nd|rd|th|fold)?(?![A-Za-z])")
_CURRENCY_BEFORE = re.compile(r"(?:US\$|U\.S\.\s?\$|NT\$|\$|€|£|¥|₩)\s?$")


def _currency_before(text: str, pos: int) -> bool:
    return bool(_CURRENCY_BEFORE.search(text, max(0, pos - 6), pos))
