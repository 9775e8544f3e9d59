"""The layout of an agreement's special part: which lines head focus areas, which are
commitments, which name goals (SDGs), and which only continue a text.

The text is what the parties signed, so the layout is the authors', not ours.
What we rely on:

- a focus-area heading is one number and a title, maybe a dash and hashtags:
  "1 - Utdanning og utenforskap #kompetanseløft";
- a commitment is a dotted code and its text, maybe with a dash between:
  "1.1 - Etablere ...", "2.3.1 Etablerertjenesten ...";
- a lettered item ("A - ...") is a commitment under the last numbered one: 2.1.A;
- a line naming a sustainable development goal ("9 – industri ...") belongs to
  the focus area above it;
- any other line continues the current commitment, or, where there is none
  (preamble, lead-in sentences, capitalised sub-headings), is not a commitment.

The lines come from ``loaders.agreement_sources``, whatever the file type; this
module knows nothing of files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.i18n import t
from core.register import Agreement, Commitment, FirstReport, FocusArea
from core.vocabulary import SDG_BY_NUMBER, clean_text, fold
from loaders.agreement_sources import Line
from loaders.errors import AgreementFormatError


@dataclass(frozen=True)
class LayoutWarning:
    """Something in the document the parser read but is unsure of, shown in the preview.

    ``key`` is a text key under ``loaders.agreement.warning.``; ``line`` is the
    line's number as ``Line.number`` gives it (``page`` where the source has pages).
    """

    key: str
    line: int
    page: int | None = None
    values: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "nb") -> str:
        return t(f"loaders.agreement.warning.{self.key}", lang, line=self.line, **self.values)


@dataclass
class ParsedAgreement:
    """An agreement as understood, with what the parser was unsure of."""

    agreement: Agreement
    warnings: list[LayoutWarning] = field(default_factory=list)
    # By commitment code, from a Status column; not saved unless confirmed.
    reports: dict[str, FirstReport] = field(default_factory=dict)


_DASH = "-\u2013\u2014"
_COMMITMENT = re.compile(rf"^(?P<code>\d{{1,2}}(?:\.\d{{1,2}})+)\.?(?:\s*[{_DASH}]\s*|\s+|$)(?P<text>.*)$")
# The text must start with a letter, so "2022-2023" or "3 000 kroner" never look numbered.
_NUMBERED = re.compile(rf"^(?P<number>\d{{1,2}})\.?(?P<sep>\s*[{_DASH}:]\s*|\s+)(?P<text>[^\W\d_].*)$")
# A space after the dash, so "E-handel ..." at the start of a line stays text.
_LETTERED = re.compile(rf"^(?P<letter>[A-Za-z])(?:\s*[{_DASH}]\s+|\)\s+)(?P<text>\S.*)$")
_HASHTAG = re.compile(r"#\w+")
_PERIOD_RANGE = re.compile(rf"\b((?:19|20)\d\d)\s*[{_DASH}/]\s*((?:19|20)\d\d)\b")
_PERIOD_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset({"og", "i", "for", "til", "å", "av", "med", "mellom", "alle", "and", "the", "of", "to"})


def normalise_period(period: object) -> str:
    """ "2022 – 2023" as "2022-2023", so one period is one agreement; other text cleaned."""
    text = clean_text(period)
    match = _PERIOD_RANGE.fullmatch(text)
    return f"{match[1]}-{match[2]}" if match else text


def period_from_title(title: str) -> str | None:
    """ "2022-2023" from "Partnerskapsavtale spesiell del 2022-2023", "2024" from "... 2024"."""
    match = _PERIOD_RANGE.search(title)
    if match:
        return f"{match[1]}-{match[2]}"
    match = _PERIOD_YEAR.search(title)
    return match[1] if match else None


def parse_agreement_text(text: str, period: str | None = None) -> Agreement:
    """The focus areas and commitments of a plain agreement text, one paragraph a line."""
    return parse_lines(text_lines(text), period).agreement


def text_lines(text: str) -> list[Line]:
    return [Line(line, number) for number, line in enumerate(text.splitlines(), start=1)]


def parse_lines(document_lines: Sequence[Line], period: str | None = None) -> ParsedAgreement:
    """The focus areas and commitments of an agreement's lines.

    ``period`` wins over the one in the title (the first non-empty line).
    Raises ``AgreementFormatError`` naming the line where the layout cannot be read.
    """
    lines = [clean_text(line.text) for line in document_lines]
    numbers = [line.number for line in document_lines]
    title = next((line for line in lines if line), "")
    period = normalise_period(period) or period_from_title(title)
    if not period:
        raise AgreementFormatError("loaders.agreement.no_period", title=title)
    agreement = Agreement(period=period, title=title or None)
    area: FocusArea | None = None
    parent: Commitment | None = None  # the last numbered commitment, for lettered items
    current: Commitment | None = None  # the commitment that following text continues
    lines_of: dict[str, int] = {}

    for index, line in enumerate(lines):
        if not line:
            continue
        kind, match = _classify(lines, index, area)
        # The kinds that read parts of the line come with their match.
        if kind == "heading" and match:
            area = _focus_area(match, numbers[index], agreement)
            parent = current = None
        elif area is None:
            continue  # the preamble is never a commitment
        elif kind == "sdg" and match:
            number = int(match["number"])
            if number not in area.sdgs:
                area.sdgs.append(number)
            current = None
        elif kind == "subheading":
            current = None
        elif kind == "commitment" and match:
            current = parent = _add_commitment(agreement, area, match["code"], match["text"], numbers[index], lines_of)
        elif kind == "lettered" and match and parent is not None:
            code = f"{parent.code}.{match['letter'].upper()}"
            current = _add_commitment(agreement, area, code, match["text"], numbers[index], lines_of)
        elif current is not None:
            current.text = f"{current.text} {line}".strip()

    if not agreement.commitments:
        raise AgreementFormatError("loaders.agreement.no_commitments")
    for commitment in agreement.commitments:
        if not commitment.text:
            raise AgreementFormatError(
                "loaders.agreement.no_text", code=commitment.code, line=lines_of[commitment.code]
            )
    return ParsedAgreement(agreement)


def _classify(lines: list[str], index: int, area: FocusArea | None) -> tuple[str, re.Match | None]:
    line = lines[index]
    match = _COMMITMENT.match(line)
    if match:
        return "commitment", match
    match = _NUMBERED.match(line)
    if match:
        return _numbered_kind(lines, index, match, area), match
    match = _LETTERED.match(line)
    if match:
        return "lettered", match
    if line.upper() == line and sum(ch.isalpha() for ch in line) >= 3:
        return "subheading", None
    return "text", None


def _numbered_kind(lines: list[str], index: int, match: re.Match, area: FocusArea | None) -> str:
    """Whether "N text" heads a focus area, names a goal (SDG) or is ordinary text.

    Agreements write both the same way ("3 Samferdsel og mobilitet" and
    "11 – bærekraftige by og lokalsamfunn"), so the rule is, in order:

    1. hashtags make it a focus-area heading; goal lines never carry them;
    2. it is a heading when its number is higher than the current focus area's
       and the next commitment is numbered under it (N.x). The lookahead stops
       at the next "N ..." line, so a goal line right above the heading of the
       same number is not taken for the heading. This also keeps a focus area
       titled like a goal ("4 - God utdanning" followed by 4.1) a heading;
    3. inside a focus area, a line with a dash whose words loosely match the
       name of goal N (at least half of the words each way share a stem) is
       that goal, for the focus area above it;
    4. anything else ("5 kommuner deltar ...") is ordinary text.
    """
    number = int(match["number"])
    if _HASHTAG.search(match["text"]):
        return "heading"
    if (area is None or number > int(area.number)) and _next_area_number(lines, index, number) == number:
        return "heading"
    if area is not None and re.search(f"[{_DASH}]", match["sep"]) and _looks_like_sdg(number, match["text"]):
        return "sdg"
    return "text"


def _next_area_number(lines: list[str], index: int, number: int) -> int | None:
    """The focus-area number of the next commitment, unless another line numbered
    ``number`` comes first."""
    for line in lines[index + 1 :]:
        match = _COMMITMENT.match(line)
        if match:
            return int(match["code"].split(".")[0])
        match = _NUMBERED.match(line)
        if match and int(match["number"]) == number:
            return None
    return None


def _looks_like_sdg(number: int, text: str) -> bool:
    sdg = SDG_BY_NUMBER.get(number)
    if sdg is None:
        return False
    words = _content_words(text)
    return any(_words_overlap(words, _content_words(name)) for name in (sdg.nb, sdg.en))


def _content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(fold(text)) if word not in _STOPWORDS]


def _words_overlap(these: list[str], those: list[str]) -> bool:
    """At least half of each side's words share a stem with a word on the other side."""
    if not these or not those:
        return False
    matched_these = sum(any(_same_stem(a, b) for b in those) for a in these)
    matched_those = sum(any(_same_stem(a, b) for a in these) for b in those)
    return 2 * matched_these >= len(these) and 2 * matched_those >= len(those)


def _same_stem(a: str, b: str) -> bool:
    # The same first five letters covers inflections and derivations ("industri"/"industriell",
    # "bærekraftig"/"bærekraftige") without pairing unrelated short words.
    return a == b or (len(a) >= 5 and a[:5] == b[:5])


def _focus_area(match: re.Match, line: int, agreement: Agreement) -> FocusArea:
    number = str(int(match["number"]))
    if any(area.number == number for area in agreement.focus_areas):
        raise AgreementFormatError("loaders.agreement.focus_area_twice", number=number, line=line)
    hashtags = _HASHTAG.findall(match["text"])
    area = FocusArea(
        number=number,
        title=clean_text(_HASHTAG.sub("", match["text"])),
        hashtag=" ".join(hashtags) or None,
    )
    agreement.focus_areas.append(area)
    return area


def _add_commitment(
    agreement: Agreement, area: FocusArea, code: str, text: str, line: int, lines_of: dict[str, int]
) -> Commitment:
    # A code under another focus area's heading means we missed a heading
    # written some other way; better to say so than to file it wrongly.
    number = code.split(".", maxsplit=1)[0]
    if number != area.number:
        raise AgreementFormatError(
            "loaders.agreement.wrong_focus_area", code=code, line=line, area=area.number, number=number
        )
    if code in lines_of:
        raise AgreementFormatError("loaders.agreement.commitment_twice", code=code, first=lines_of[code], again=line)
    lines_of[code] = line
    commitment = Commitment(code=code, text=clean_text(text), focus_area=area.number)
    agreement.commitments.append(commitment)
    return commitment
