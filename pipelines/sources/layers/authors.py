"""Byline splitting: ``By <a>Name</a>, Name2 and Name3, CNN`` -> ``["Name", "Name2", "Name3"]``.

Strips tags, "By"/"Analysis by"/"Opinion by", trailing affiliations (", CNN", ", CNN Business"), roles
("Opinion Columnist", "CNN Senior Supreme Court Analyst"), Twitter handles and e-mail addresses; splits on
commas, "and", "&" and the Korean separators; turns ALL-CAPS names into normal capitalisation. Korean
reporter bylines ("이창규 기자", "홍길동 기자,김철수 기자") lose the title.
"""

from __future__ import annotations

import re

from .html_text import strip_tags

_BY_PREFIX = re.compile(
    r"^(?:(?:news\s+)?(?:analysis|opinion|commentary|review|interview|essay|story|reporting|text|photographs?|"
    r"photos?|video|words|written|produced|compiled|edited|updated|column|a\s+column)\s+)*by\s*[:\-]?\s+",
    re.I,
)
_HANDLE = re.compile(r"(?:^|\s)@\w+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_SPLIT = re.compile(r"\s*(?:,|;|\||·|/|\band\b|&|\by\b|\bet\b|\bund\b)\s*", re.I)
_AFFILIATIONS = re.compile(
    r"^(?:cnn|cnn\s?money|cnn\s+(?:business|politics|wire|international|en\s+español|español|"
    r"underscored|travel|health|style|sport|sports|digital|world)|"
    r"the\s+new\s+york\s+times|new\s+york\s+times|nyt|news1|뉴스1|associated\s+press|the\s+associated\s+press|"
    r"ap|reuters|afp|bloomberg|special\s+to\s+cnn)\b.*$",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"\b(?:columnist|correspondent|editor|editor-at-large|analyst|contributor|writer|reporter|producer|anchor|"
    r"host|chief|senior|staff\s+reporter|bureau|critic|commentator|director|professor|fellow|intern|"
    r"opinion|contributing|legal|political|national|international|white\s+house|supreme\s+court)\b",
    re.I,
)
_KO_TITLES = re.compile(
    r"\s*(?:선임기자|전문기자|객원기자|수습기자|기자|특파원|통신원|논설위원|위원|에디터|인턴기자|PD)\s*$"
)
_KO_NAME = re.compile(r"^[가-힣]{2,4}$")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."}
_STAFF = re.compile(r"\b(?:staff|wire|desk|team|editors|editorial\s+board)\b", re.I)
_TIMESTAMP_TAIL = re.compile(r"\s*(?:updated|published)\b.*$", re.I)


def smart_title(name: str) -> str:
    """``JUDITH H. DOBRZYNSKI`` -> ``Judith H. Dobrzynski``; ``MCCONNELL`` -> ``McConnell``; ``O'BRIEN`` ->
    ``O'Brien``. Mixed-case names are returned unchanged."""
    if not name or name != name.upper() or not any(c.isalpha() for c in name):
        return name

    def fix(word: str) -> str:
        parts = re.split(r"([-'’])", word)
        out = []
        for part in parts:
            if part in ("-", "'", "’") or not part:
                out.append(part)
                continue
            low = part.lower()
            if low.startswith("mc") and len(low) > 2:
                out.append("Mc" + low[2].upper() + low[3:])
            elif low in ("ii", "iii", "iv"):
                out.append(part.upper())
            else:
                out.append(low[0].upper() + low[1:])
        return "".join(out)

    return " ".join(fix(w) for w in name.split(" "))


def _is_role(segment: str) -> bool:
    words = segment.split()
    if not words:
        return True
    return bool(_ROLE_WORDS.search(segment)) and not _STAFF.search(segment)


def split_byline(byline: str | None, *, keep_case: bool = False) -> list[str]:
    """Split one byline string into author names (see the module docstring)."""
    if not byline:
        return []
    text = strip_tags(byline)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _TIMESTAMP_TAIL.sub("", text).strip(" ,;|-–—")
    text = _BY_PREFIX.sub("", text.strip())
    if not text:
        return []
    if re.search(r"[가-힣]", text):
        return split_korean_byline(text)
    raw_segments = [s.strip(" ,:;-–—") for s in _SPLIT.split(text)]
    segments: list[str] = []
    for seg in raw_segments:
        seg = _BY_PREFIX.sub("", seg).strip()
        if not seg:
            continue
        if seg.lower().strip(".") in _SUFFIXES and segments:
            segments[-1] = f"{segments[-1]} {seg}"
            continue
        segments.append(seg)
    people = [s for s in segments if not _AFFILIATIONS.match(s) and not _is_role(s)]
    if not people:
        # an organisational byline ("CNN Wire Staff", "The New York Times"): keep it as stated
        people = [s for s in segments if _STAFF.search(s) or _AFFILIATIONS.match(s)][:1] or segments[:1]
    names: list[str] = []
    seen: set[str] = set()
    for person in people:
        person = re.sub(r"\s+", " ", person).strip()
        if not keep_case:
            person = smart_title(person)
        key = person.lower()
        if person and key not in seen and len(person) <= 80:
            seen.add(key)
            names.append(person)
    return names


def split_korean_byline(text: str) -> list[str]:
    """``이창규 기자`` -> ``["이창규"]``; ``홍길동 기자,김철수 기자`` and ``홍길동·김철수 기자`` -> two names."""
    names: list[str] = []
    for piece in re.split(r"\s*[,·/&ㆍ]\s*|\s+및\s+", text):
        piece = _KO_TITLES.sub("", piece.strip())
        piece = re.sub(r"\s*(?:기자|특파원)\s+", " ", piece).strip()
        if not piece:
            continue
        tokens = piece.split()
        candidates = tokens if len(tokens) > 1 and all(_KO_NAME.match(t) for t in tokens) else [piece]
        for name in candidates:
            if name not in names and name not in ("뉴스1", "News1"):
                names.append(name)
    return names


def merge_case(names: list[str], reference: list[str]) -> list[str]:
    """Replace names with a differently-cased spelling from ``reference`` when they match case-insensitively."""
    lookup = {r.lower(): r for r in reference}
    return [lookup.get(n.lower(), n) for n in names]
