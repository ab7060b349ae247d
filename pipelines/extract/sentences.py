"""Sentence splitting for Korean and English news text, with character offsets.

Rules:
- every line break ends a sentence, and every line is its own paragraph (parsers join paragraphs with
  blank lines; headlines and captions have no final punctuation);
- ``.``, ``!``, ``?``, ``。`` and ``…`` (or ``...``) end a sentence when followed, after any closing quotes or
  brackets, by whitespace or the end of the line;
- a period does not end a sentence after an abbreviation ("Mr.", "Inc.", "Jan.", "U.S." before a
  lower-case word), after a single capital initial ("B. Riley"), or when the next word starts in lower
  case ("the U.S. chipmaker"); decimals ("5.6") never split because no whitespace follows the point;
- a run of more than ``MAX_SENTENCE`` characters without an end (a flattened table, a page of numbers) is
  cut at the last space before that length, or at that length when it has no space: no news sentence is
  that long, and the extractor's work per sentence grows with its length times its figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE", "Sentence", "clause_around", "clause_around_span", "split_sentences"]

MAX_SENTENCE = 1_000  # characters; the longest sentence of the sample and the shared corpus has 357


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it stands in the original text."""

    start: int
    end: int
    text: str
    paragraph: int


# Abbreviations that never end a sentence (lower-cased, without the final period).
_NEVER_FINAL = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "st",
        "jr",
        "sr",
        "vs",
        "no",
        "nos",
        "fig",
        "approx",
        "dept",
        "est",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "e.g",
        "i.e",
        "cf",
        "al",
        "ca",
        "mt",
        "ft",
    ]
)
# Abbreviations that may end a sentence: split only if a typical sentence starter follows.
_MAYBE_FINAL = frozenset(
    ["u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "llc", "plc", "etc", "bros", "a.m", "p.m", "d.c", "n.y"]
)
_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "Yet",
        "So",
        "In",
        "On",
        "At",
        "For",
        "As",
        "If",
        "When",
        "While",
        "Shares",
        "Nvidia",
        "DeepSeek",
        "China",
        "Chinese",
        "Washington",
        "Officials",
        "Analysts",
        "Some",
        "Many",
        "Most",
        "Still",
        "However",
        "Meanwhile",
        "Last",
        "Earlier",
        "Later",
        "Then",
        "There",
        "Their",
        "His",
        "Her",
        "Our",
        "According",
        "Under",
        "After",
        "Before",
    ]
)

# One run of end marks (then closing quotes or brackets) before a space or the end of the line. A run is
# matched only from its first mark and without backtracking: "(?:\.{3}|[.!?。…])+" tried exponentially many
# splits of a run of dots not followed by a space (44 dots and a digit: 10 s).
_TERMINATOR = re.compile(r"(?<![.!?。…])[.!?。…]++[\"'”’)\]」』»]*+(?=\s|$)")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_NEXT_WORD = re.compile(r"\s*([^\s]+)")


def _word_before(line: str, end: int) -> str:
    """The ASCII word (letters and inner periods, starting with a letter) that ends at ``line[end]``, or "".

    Walks back from ``end`` only over the word itself, so the cost is the word's length, not the line's
    (a regex ``search`` anchored with ``$`` would try every start from the beginning of the line, which made
    a long line quadratic).
    """
    start = end
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and line[start] == ".":
        start += 1
    return line[start:end]


def _is_boundary(line: str, term_start: int, term_end: int) -> bool:
    """Decide whether the terminator at ``line[term_start:term_end]`` ends a sentence."""
    mark = line[term_start:term_end]
    nxt = _NEXT_WORD.match(line, term_end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True
    if next_word[0].islower() and next_word[0].isascii():
        return False
    if not mark.startswith(".") or mark.startswith("..."):
        return True
    before = _word_before(line, term_start)
    if not before:
        return True
    word = before.lower().rstrip(".")
    if len(word) == 1 and before.isupper():
        return False  # an initial: "B. Riley", "John F. Kennedy"
    if word in _NEVER_FINAL:
        return False
    if word in _MAYBE_FINAL:
        return next_word.strip("\"'“‘(") in _STARTERS
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text`` and surrounding whitespace is trimmed."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        seg_start = 0
        for m in _TERMINATOR.finditer(line):
            if _is_boundary(line, m.start(), m.end()):
                _append(sentences, line, line_start, seg_start, m.end(), paragraph)
                seg_start = m.end()
        _append(sentences, line, line_start, seg_start, len(line), paragraph)
        paragraph += 1
    return sentences


def _append(out: list[Sentence], line: str, offset: int, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE
        _append_one(out, line, offset, start, cut, paragraph)
        start = cut
    _append_one(out, line, offset, start, end, paragraph)


def _append_one(out: list[Sentence], line: str, offset: int, start: int, end: int, paragraph: int) -> None:
    segment = line[start:end]
    stripped = segment.strip()
    if not stripped:
        return
    lead = len(segment) - len(segment.lstrip())
    s = offset + start + lead
    out.append(Sentence(s, s + len(stripped), stripped, paragraph))


# where a clause of a sentence ends: a comma or semicolon, a conjunction, a Korean connective ending (-고, -며,
# -지만, 반면, "… 뒤", "… 후")
_CLAUSE_EDGE = re.compile(r"[,;]\s|\s(?:while|and|but|after|as|before)\s|[고며]\s|지만\s|반면|\s(?:뒤|후)\s")


def clause_around_span(st: str, span: tuple[int, int]) -> tuple[int, int]:
    """Offsets of the clause of ``st`` that holds ``span``: between the nearest clause edges around it."""
    start = max((m.end() for m in _CLAUSE_EDGE.finditer(st, 0, span[0])), default=0)
    nxt = _CLAUSE_EDGE.search(st, span[1])
    return start, (nxt.start() if nxt else len(st))


def clause_around(st: str, span: tuple[int, int]) -> str:
    """The clause of ``st`` that holds ``span`` ("while", "-고", a comma … around it)."""
    start, end = clause_around_span(st, span)
    return st[start:end]
