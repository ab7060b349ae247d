"""Who a sentence cites for its figures: ``Figure.attributed_to``.

Patterns (the cited name must be in the alias table; it is returned canonical):
- English: "according to (the) X", "X reported/said/estimated/wrote/found...", "X officials/prosecutors
  said", ", X said", "told X",
  "in an interview with X", "X's report/analysis/estimate";
- Korean: "X에 따르면", "X(의) 보도에 따르면/의하면", "X는 …고 전했다/보도했다/밝혔다/말했다...",
  "X와의 인터뷰에서", "X에 보낸 이메일에서".

Outlets win over other entities when both fit. The caller falls back to the previous sentence.
"""

from __future__ import annotations

import re

from .entities import Mention

__all__ = ["attribution_sources", "find_attribution", "speaker"]

# who can be the one whose claim a figure is: a person, company or public body (not an outlet)
_SPEAKER_KINDS = frozenset({"org", "agency", "government", "court", "person"})

_EN_AFTER = re.compile(
    r"^(?:'s|’s)?\s(?:has\s|had\s|also\s|first\s|previously\s)?(?:reported|reports|said|says|estimated|estimates|"
    r"wrote|writes|found|finds|disclosed|discloses|announced|announces|noted|notes|stated|states|claimed|"
    r"claims|calculated|calculates|revealed|reveals|cited|cites|published|confirmed|confirms|told|put|puts|"
    r"pegged|pegs|tallied|counted|valued|values|projected|projects|forecast|forecasts)\b"
)
# "US prosecutors said", "Chinese officials told Reuters": the country speaks through its officials
_EN_OFFICIALS = re.compile(
    r"^(?:'s|’s)?\s(?:\w+\s)?(?:officials?|prosecutors?|authorities|regulators?|investigators?|spokes(?:person|man|"
    r"woman))\s(?:have\s|had\s)?(?:said|say|says|told|tell|alleged?|alleges|estimated|estimate|announced|charged)\b"
)
_EN_POSSESSIVE_DOC = re.compile(
    r"^\s(?:\w+\s)?(?:report|reporting|analysis|estimate|estimates|filing|"
    r"statement|paper|calculations|data|investigation|review)\b"
)
_EN_BEFORE = re.compile(
    r"(?:according\sto|told|interview\swith|statement\sto|reported\sby|said\sby|cited\sby|claimed\sby|"
    r"estimated\sby|alleged\sby|given\sby|,\ssaid|as\sreported\sby|"
    r"data\sfrom|figures\sfrom|estimates\sfrom|an\sanalysis\sby|a\sreport\sby|a\sreport\sfrom)\s(?:the\s)?(?:\w+\s)?$",
    re.I,
)
# "Alexandr Wang, the chief executive of Scale AI, told CNBC": a speaker with an appositive before the verb
_EN_APPOSITIVE_SAYS = re.compile(
    r"^,\s(?:the\s|a\s|an\s)?[^,]{3,80},\s(?:has\s|had\s|also\s)?(?:said|says|told|tells|claimed|claims|"
    r"estimated|estimates|wrote|writes|believes|believed|argued|argues)\b"
)
_KO_AFTER = re.compile(
    r"^(?:\([^)]{0,30}\))?(?:의|가|이)?\s?(?:보도|발표|분석|보고서|자료|추산|집계|조사|설명|주장|인터뷰|계산)?"
    r"(?:에\s?따르면|에\s?의하면|를\s?인용|을\s?인용)"
)
_KO_INTERVIEW = re.compile(r"^(?:\([^)]{0,30}\))?(?:와|과)(?:의)?\s?(?:인터뷰|통화|회견)|^(?:\([^)]{0,30}\))?에\s?보낸")
_KO_TOPIC = re.compile(r"^(?:\([^)]{0,30}\))?(?:은|는|이|가)\s")
# "알렉산더 왕 스케일AI 최고경영자(CEO)는 ...": a person named with a title before the topic marker
_KO_TITLED_TOPIC = re.compile(r"^(?:\s?[^\s,.]{1,12}?){1,3}(?:\([^)]{0,30}\))?(?:은|는)\s")
_KO_REPORT_VERB = re.compile(
    r"(?:고|라고|다고|며|면서)?\s?(?:전했|보도했|밝혔|말했|발표했|주장했|추산했|분석했|설명했|보고했|전망했|덧붙였|강조했|"
    r"지적했|언급했|공개했|집계했|추정했|내다봤|예상했|평가했|시사했|(?:주장|말|밝|설명|언급)한\s?바)"
)
_ATTRIBUTABLE = frozenset({"org", "agency", "government", "court", "person", "country"})


def _ok(m: Mention) -> bool:
    return m.entity.kind in _ATTRIBUTABLE


def attribution_sources(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions ``text`` (one sentence) cites as its source, best first (outlets before others, "according
    to X" / "X에 따르면" before "X said" / "X는 ...고 밝혔다")."""
    found: list[tuple[int, int, Mention]] = []  # (priority, position, mention); lower is better
    for m in mentions:
        if not _ok(m):
            continue
        outlet = m.entity.role == "outlet"
        rank = 0 if outlet else 1
        after = text[m.end : m.end + 40]
        if language == "ko":
            if _KO_AFTER.match(after) or _KO_INTERVIEW.match(after):
                found.append((rank, m.start, m))
            elif ((_KO_TOPIC.match(after) or (m.entity.kind == "person" and _KO_TITLED_TOPIC.match(after)))
                  and _KO_REPORT_VERB.search(text, m.end)):
                found.append((rank + 2, m.start, m))
            continue
        before = text[max(0, m.start - 40) : m.start]
        surface = text[m.start : m.end]
        if _EN_BEFORE.search(before):
            found.append((rank, m.start, m))
        elif (_EN_AFTER.match(after) or _EN_OFFICIALS.match(after)
              or _EN_APPOSITIVE_SAYS.match(text[m.end : m.end + 120])
              or (surface.endswith(("'s", "’s")) and _EN_POSSESSIVE_DOC.match(after))):
            found.append((rank + 2, m.start, m))
    found.sort(key=lambda t: (t[0], t[1]))
    return [m for _, _, m in found]


def find_attribution(text: str, mentions: list[Mention], language: str) -> str | None:
    """The canonical source cited in ``text`` (one sentence), or ``None``."""
    sources = attribution_sources(text, mentions, language)
    return sources[0].entity.canonical if sources else None


def speaker(sources: list[Mention]) -> str | None:
    """The person or body whose claim the figure is (``Figure.said_by``): the first of the sentence's cited
    sources that is not an outlet. "Alexandr Wang, the chief executive of Scale AI, told CNBC" → Alexandr
    Wang (CNBC is where he said it: ``attributed_to``). Outlets re-telling one speaker's claim are one
    source of it, not several (``pipelines.track.consensus``)."""
    for m in sources:
        if m.entity.role != "outlet" and m.entity.kind in _SPEAKER_KINDS:
            return m.entity.owner or m.entity.canonical
    return None
