"""Hangul in Latin letters (the Revised Romanization of Korean, syllable by syllable).

Used to give a company the alias table does not know one name in both languages: "하오글로벌" is written
"Hao Global" in English, so the Korean name's stem is romanized ("하오" → "hao") and its corporate suffix
translated (``data/org_suffixes.json``). Syllable-by-syllable, without the sound-change rules between
syllables; a transliterated foreign name ("하오", "알렉스") usually survives that, a native Korean word may not.
"""

from __future__ import annotations

__all__ = ["romanize"]

_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_MEDIAL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
           "yu", "eu", "ui", "i")
_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "t", "t", "p", "l", "m", "p", "p", "t", "t",
          "ng", "t", "t", "k", "t", "p", "t")


def romanize(text: str) -> str:
    """``text`` with every Hangul syllable romanized; other characters are kept as they are."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            ini, rest = divmod(code, 588)
            med, fin = divmod(rest, 28)
            out.append(_INITIAL[ini] + _MEDIAL[med] + _FINAL[fin])
        else:
            out.append(ch)
    return "".join(out)
