"""The layout of an agreement's special part: which lines head focus areas, which are
commitments, which name goals (SDGs), and which only continue a text.

The text is what the parties signed, so the layout is the authors', not ours.
What we rely on:

- a focus-area heading is one number and a title, maybe a dash and hashtags:
  "1 - Utdanning og utenforskap #kompetanseløft", "1. Utdanning", or it says so:
  "Innsatsområde 1: Utdanning" (also "Satsingsområde", "Fokusområde", ...); hashtags
  may stand on a line of their own under it;
- a commitment is a dotted code and its text, maybe with a dash or colon between:
  "1.1 - Etablere ...", "2.3.1 Etablerertjenesten ...", "Tiltak 1.1: ...", "Mål 1.1: ...";
  an exporter's list number before the code ("1. 1.1 ...") is dropped;
- a lettered or roman item ("A - ...", "a)", "(a)", "A.", "iv)") is a commitment under
  the last numbered one, coded as the document writes it: 2.1.A, 2.1.a, 2.1.iv. Directly
  under a heading, as in Viken's agreement template ("1. Beskrivelse av samarbeidene"
  with "a. ..." under it), it is coded under the focus area: 1.a;
- bullets ("•", "-", "▪", ...) under an item are its children, numbered 2.3.1, 2.3.2, ...;
- a line naming a sustainable development goal, in bokmål or nynorsk, with or without
  "FNs bærekraftsmål nr." or "Mål" ("9 – industri ...", "Bærekraftsmål: 4, 8 og 9"),
  belongs to the focus area above it;
- any other line continues the current commitment, or, where there is none
  (preamble, lead-in sentences, capitalised sub-headings), is not a commitment.

Before that, what a PDF or Word export adds that the parties did not write is taken out,
with a warning: a table of contents, page numbers, lines repeated on every page.
A table row (``Line.cells``) gives its fields (Ansvar, Frist, Midler, Status) to the
commitment, never to its text. Whatever is read but doubtful is a ``LayoutWarning``;
only what cannot be read at all is refused (``AgreementFormatError``).

The lines come from ``loaders.agreement_sources``, whatever the file type; this
module knows nothing of files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from core.i18n import Deferred, Text, t
from core.register import Agreement, Commitment, FirstReport, FocusArea
from core.vocabulary import COUNCIL_AREAS, SDG_BY_NUMBER, SDG_NYNORSK, clean_text, fold, parse_status, status_names
from loaders.agreement_fields import is_empty, match_council_area, parse_amount, parse_deadline, parse_progress
from loaders.agreement_sources import AREA_WORDS, ITEM_WORDS, SDG_WORD, Line
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
    sheet: str | None = None  # a workbook's sheet, whose lines are its rows

    def message(self, lang: str = "nb") -> str:
        place = place_text(self.line, self.page, self.sheet, lang)
        return t(f"loaders.agreement.warning.{self.key}", lang, line=self.line, place=place, **self.values)


def place_text(line: int, page: int | None, sheet: str | None, lang: str = "nb") -> str:
    """Where a line stands, as the reader of that kind of file looks for it: «Arket «Plan», rad 6» in a
    workbook, «Side 2, linje 8» in a PDF, «Linje 8» elsewhere."""
    if sheet is not None:
        return t("loaders.agreement.place_sheet", lang, sheet=sheet, line=line)
    if page is not None:
        return t("loaders.agreement.place_page", lang, page=page, line=line)
    return t("loaders.agreement.place", lang, line=line)


@dataclass
class ParsedAgreement:
    """An agreement as understood, with what the parser was unsure of."""

    agreement: Agreement
    warnings: list[LayoutWarning] = field(default_factory=list)
    # By commitment code, from a Status column; not saved unless confirmed.
    reports: dict[str, FirstReport] = field(default_factory=dict)


_DASH = "-\u2013\u2014"
_CODE = r"\d{1,2}(?:\.\d{1,2})+"
_COMMITMENT = re.compile(rf"^(?P<code>{_CODE})\.?(?:\s*[{_DASH}:]\s*|\s+|$)(?P<text>.*)$")
# "Tiltak 1.1:", "Mål 1.1 –": the word goes, the code stays. "Mål 9" (no dot) is a goal, not an item.
_ITEM_WORD = re.compile(rf"^(?:{ITEM_WORDS})\s+(?={_CODE}\b)", re.IGNORECASE)
# An HTML or Word export's own list number before the code: "1. 1.1 Etablere ...".
_LIST_NUMBER = re.compile(rf"^\d{{1,2}}[.)]\s+(?={_CODE}(?:\.?\s|\.?[{_DASH}:]|\.?$))")
# The title starts with a letter, maybe after an opening quote or emphasis («Grønn» omstilling,
# "Ung i Follo", **Fet**), or with a digit after a dash or colon ("1 - 5G og …"); never a bare
# digit after a space, so "3 000 kroner" stays text.
_NUMBERED = re.compile(
    rf"^(?P<number>\d{{1,2}})(?P<dot>\.?)(?P<sep>\s*[{_DASH}:]\s*|\s+)"
    rf"(?P<text>[«\"“‘'(*]*[^\W\d_].*|(?<=[{_DASH}:]\s)\d.*)$"
)
_KEYWORD_HEADING = re.compile(
    rf"^(?:{AREA_WORDS})\s+(?P<number>\d{{1,2}})(?![.,]?\d)\.?\s*(?:[{_DASH}:]\s*)?(?P<text>.*)$",
    re.IGNORECASE,
)
# A sub-item's label: "A -", "a)", "(a)", "A.", "iv)". A space after the dash, so
# "E-handel ..." at the start of a line stays text.
_SUB_ITEM = re.compile(
    rf"^(?:\((?P<inner>[A-Za-z]{{1,4}})\)|(?P<label>[A-Za-z]{{1,4}})(?:\)|\.|\s*[{_DASH}](?=\s)))\s+(?P<text>\S.*)$"
)
_LIST_ITEM = re.compile(r"^(?P<number>\d{1,2})[.)]\s+(?P<text>[^\W\d_].*)$")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_BULLET = re.compile(r"^(?:[•▪◦●■□➢►·*\uf0b7\uf0a7\-\u2013\u2014]|o(?=\s+[A-ZÆØÅ]))\s+(?P<text>\S.*)$")
_HASHTAG = re.compile(r"#\w+")
_HASHTAG_LINE = re.compile(r"^#\w+(?:[\s,]+#\w+)*$")
_SDG_NUMBERS = r"\d{1,2}(?:\s*(?:,|;|og|&|/|and)\s*\d{1,2})*"
# With the word, the line is a goal line whatever follows: "FNs bærekraftsmål nr. 9: Industri ...",
# "Bærekraftsmål: 4, 8 og 9".
_SDG_LINE = re.compile(
    rf"^{SDG_WORD}(?:\s+nr\.?)?\s*[{_DASH}:]?\s*(?P<numbers>{_SDG_NUMBERS})(?![.,]?\d)\.?\s*"
    rf"(?:[{_DASH}:]\s*)?(?P<text>.*)$",
    re.IGNORECASE,
)
_GOAL_LINE = re.compile(
    rf"^mål(?:\s+nr\.?)?\s+(?P<number>\d{{1,2}})(?![.,]?\d)\.?\s*(?:[{_DASH}:]\s*)?(?P<text>.*)$", re.IGNORECASE
)
_SDG_MENTION = re.compile(rf"\b{SDG_WORD}(?:\s+nr\.?)?\s*[{_DASH}:]?\s*\d{{1,2}}\b", re.IGNORECASE)
# A goal glued to the end of a text by a PDF's reading order: "... skoleløpet. 4 – God utdanning".
# "9 – Industri, innovasjon og infrastruktur" as one of several goals on a line.
_NAMED_GOAL = re.compile(rf"^(?P<number>\d{{1,2}})\s*[{_DASH}:]\s*(?P<text>[^\W\d_].*)$")
_SDG_TAIL = re.compile(rf"\s(?P<number>\d{{1,2}})\s*[{_DASH}]\s*(?P<text>[^\W\d_][^.]*)$")
_PERIOD_RANGE = re.compile(rf"\b((?:19|20)\d\d)\s*[{_DASH}/]\s*((?:19|20)\d\d)\b")
_PERIOD_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset({"og", "i", "for", "til", "å", "av", "med", "mellom", "alle", "and", "the", "of", "to"})
_TOC_HEADINGS = frozenset({"innhold", "innholdsfortegnelse", "innhald", "innhaldsliste", "innholdsliste", "contents"})
# A contents line as a word processor sets it: dot leaders or a tab, then the page number.
_TRAILING_PAGE = re.compile(r"(?<!\d)\d{1,3}$")
_LEADER = re.compile(r"(?:\.{3,}|…+|(?:\. ?){3,}|\t)[ \t]*$")
_ENDS_WITH_PAGE = re.compile(r"^\D.*\S\s+\d{1,3}$|^\d[\d.]*\s+\D.*\S\s+\d{1,3}$")
_PAGE_NUMBER = re.compile(
    rf"^(?:(?:side|page|s\.)\s*\d{{1,3}}(?:\s*(?:av|of|/)\s*\d{{1,3}})?|\d{{1,3}}\s*(?:av|of|/)\s*\d{{1,3}}"
    rf"|[{_DASH}]?\s*\d{{1,3}}\s*[{_DASH}]?)$",
    re.IGNORECASE,
)
# A word broken at the end of a line and joined with a space: "samarbeids- prosjekter".
# Not before "og"/"eller": "fag- og svennebrev" is how Norwegian shortens a compound.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])- (?!(?:og|eller|samt|til|and|or)\b)(?=[a-zæøå])")
_HEADER_ROW_CODES = frozenset({"nr", "nr.", "nummer", "kode", "id", "#", "no."})
# Words an action plan's Status column uses that are no status of ours: read as the nearest one,
# with a warning, since "I arbeid" says nothing of being on time.
_STATUS_READINGS = {
    "i arbeid": "on_track",
    "pågår": "on_track",
    "påbegynt": "on_track",
    "igangsatt": "on_track",
    "startet": "on_track",
    "i gang": "on_track",
    "ikke påbegynt": "not_started",
    "ikke igangsatt": "not_started",
    "utsatt": "delayed",
    "ferdig": "completed",
    "gjennomført": "completed",
    "avsluttet": "completed",
    "levert": "completed",
    "avlyst": "cancelled",
    "stoppet": "cancelled",
    # Traffic lights, as many action plans colour their Status column.
    "grønn": "on_track",
    "gul": "delayed",
    "rød": "delayed",
}
_LONG_TEXT_WORDS = 120
# How many lines at the top and at the bottom of a page a running header or footer may take.
_PAGE_EDGE = 2
_TITLE_WORDS = 10


def normalise_period(period: object) -> str:
    """ "2022 – 2023" as "2022-2023", so one period is one agreement; other text cleaned."""
    text = clean_text(period)
    match = _PERIOD_RANGE.fullmatch(text)
    return f"{match[1]}-{match[2]}" if match else text


def _valid_period(period: str) -> bool:
    """A year ("2024") or a span of years in order ("2024-2025"), as agreements run."""
    match = _PERIOD_RANGE.fullmatch(period)
    if match:
        return int(match[1]) <= int(match[2])
    return _PERIOD_YEAR.fullmatch(period) is not None


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


@dataclass
class _Part:
    """What one line is: its kind and the pieces the kind reads."""

    kind: str  # heading, sdg, hashtags, commitment, sub, bullet, subheading, text, skip
    number: int | None = None
    code: str = ""
    label: str = ""
    text: str = ""
    sdgs: tuple[int, ...] = ()


def parse_lines(
    document_lines: Sequence[Line],
    period: str | None = None,
    council_areas: Collection[str] = COUNCIL_AREAS,
    status_aliases: Mapping[str, str] | None = None,
) -> ParsedAgreement:
    """The focus areas and commitments of an agreement's lines.

    ``period`` wins over the one in the title (the first non-empty line).
    ``council_areas`` are the county's units that follow up commitments, for an Ansvar column;
    ``status_aliases`` its own status words (core.organisation.status_aliases), for a Status column.
    Raises ``AgreementFormatError`` naming the line where the layout cannot be read.
    """
    return _Parser(document_lines, council_areas, status_aliases or {}).parse(period)


class _Parser:
    def __init__(
        self, document_lines: Sequence[Line], council_areas: Collection[str], status_aliases: Mapping[str, str]
    ) -> None:
        self.source = list(document_lines)
        self.council_areas = tuple(council_areas)
        self.status_aliases = status_aliases
        self.warnings: list[LayoutWarning] = []
        self.reports: dict[str, FirstReport] = {}
        # The lines as classified: cleaned, with an item's word or list number dropped;
        # "" for a line taken out (contents, page furniture).
        self.lines = [_item_line(clean_text(line.text)) for line in self.source]
        self.lines_of: dict[str, int] = {}
        self.index_of: dict[str, int] = {}
        self.area_index: dict[str, int] = {}
        self.keyword_headings = False

    def warn(self, key: str, index: int, **values: object) -> None:
        line = self.source[index]
        self.warnings.append(LayoutWarning(key, line.number, line.page, values, line.sheet))

    def _place(self, number: int) -> Deferred:
        """Where the line numbered ``number`` stands, worded in the reader's language when shown."""
        line = next(line for line in self.source if line.number == number)
        return Deferred(place_text, line.number, line.page, line.sheet)

    def parse(self, period: str | None) -> ParsedAgreement:
        self._drop_contents()
        self._drop_page_furniture()
        title = next((line for line in self.lines if line), "")
        given = normalise_period(period)
        if given and not _valid_period(given):
            raise AgreementFormatError("loaders.agreement.bad_period", period=given)
        period = given or period_from_title(title)
        if not period:
            raise AgreementFormatError("loaders.agreement.no_period", title=title)
        self.agreement = Agreement(period=period, title=title or None)
        self._read_items(title)
        agreement = self.agreement
        if not agreement.commitments:
            raise AgreementFormatError("loaders.agreement.no_commitments")
        for commitment in agreement.commitments:
            if not commitment.text:
                raise AgreementFormatError(
                    "loaders.agreement.no_text", code=commitment.code, place=self._place(self.lines_of[commitment.code])
                )
        self._check_texts()
        self._check_numbering()
        # In document order, as the administrator reads the preview.
        warnings = sorted(self.warnings, key=lambda warning: warning.line)
        return ParsedAgreement(agreement, warnings, self.reports)

    # --- what the export added ------------------------------------------------------------------

    def _drop_contents(self) -> None:
        """A table of contents repeats the headings with page numbers; read as headings it
        would make false focus areas and commitments."""
        index = 0
        while index < len(self.lines):
            raw = self.source[index].text.strip()
            in_block = fold(self.lines[index]).rstrip(":") in _TOC_HEADINGS
            if not (in_block or _toc_entry(raw)):
                index += 1
                continue
            first = index
            last = index
            index += 1
            while index < len(self.lines):
                raw = self.source[index].text.strip()
                text = self.lines[index]
                if not text:
                    index += 1
                    continue
                if _toc_entry(raw) or (in_block and _ENDS_WITH_PAGE.match(text)):
                    last = index
                    index += 1
                    continue
                break
            skipped = [i for i in range(first, last + 1) if self.lines[i]]
            for i in skipped:
                self.lines[i] = ""
            self.warn(
                "table_of_contents",
                first,
                count=len(skipped),
                last=self.source[last].number,
            )

    def _drop_page_furniture(self) -> None:
        """Page numbers and running headers or footers, which a PDF's text puts between paragraphs."""
        numbers = [i for i, line in enumerate(self.lines) if line and _PAGE_NUMBER.match(line)]
        if numbers:
            # One warning for them all: a long PDF has one on every page.
            self.warn("page_number", numbers[0], text=self.lines[numbers[0]], count=len(numbers))
        for i in numbers:
            self.lines[i] = ""
        title_index = next((i for i, line in enumerate(self.lines) if line), None)
        by_page: dict[int, list[int]] = {}
        for i, line in enumerate(self.source):
            if line.page is not None and self.lines[i]:
                by_page.setdefault(line.page, []).append(i)
        edges = {i for on_page in by_page.values() for i in on_page[:_PAGE_EDGE] + on_page[-_PAGE_EDGE:]}
        candidates = [i for i in range(len(self.lines)) if self._may_be_running(i, edges)]
        counts = Counter(self.lines[i] for i in candidates)
        for text, count in counts.items():
            if count < 3:
                continue
            repeats = [i for i in candidates if self.lines[i] == text]
            if title_index in repeats:
                repeats.remove(title_index)  # the title, repeated as a running header, stays once
            for i in repeats:
                self.lines[i] = ""
            self.warn("repeated_line", repeats[0], text=_excerpt(text), count=count)

    def _may_be_running(self, index: int, edges: set[int]) -> bool:
        """Whether the line could be a running header or footer, were it repeated.

        An item, goal line, bullet or sub-heading repeated under several focus areas is the
        authors' ("Bærekraftsmål 9", "KUNNSKAPSGRUNNLAG"), and so is a lead-in ending in a colon.
        Where the source has pages, a running line stands at the top or bottom of one.
        """
        line = self.lines[index]
        if not line or self.source[index].cells is not None or line.endswith(":"):
            return False
        if _is_item(line) or _NUMBERED.match(line) or _SDG_LINE.match(line) or _GOAL_LINE.match(line):
            return False
        if _BULLET.match(line) or _SUB_ITEM.match(line) or _HASHTAG_LINE.match(line):
            return False
        if self.source[index].page is None:
            return not (line.upper() == line and sum(ch.isalpha() for ch in line) >= 3)
        return index in edges

    # --- the items -------------------------------------------------------------------------------

    def _read_items(self, title: str) -> None:
        area: FocusArea | None = None
        parent: Commitment | None = None  # the last numbered commitment, for lettered items
        current: Commitment | None = None  # the commitment that following text continues
        bullet_parent: Commitment | None = None  # what the current run of bullets is under (None: the focus area)
        bullets = 0  # how many bullets the current run has had
        current_row = False  # whether the current commitment is a table row's
        seen_heading_like = False
        title_done = False
        skip: set[int] = set()

        for index, line in enumerate(self.lines):
            if not line or index in skip:
                continue
            cells = self.source[index].cells
            part = self._classify(index, area)
            if cells is not None and part.kind in {"commitment", "sub", "bullet", "text"}:
                part = _cell_part(part, cells)
                row_number = clean_text(cells.get("code")).rstrip(".")
                if part.kind == "text" and area is not None and row_number.isdigit():
                    # An action plan that numbers its rows 1, 2, 3 under each focus area.
                    code = f"{area.number}.{int(row_number)}"
                    self.warn("row_number", index, number=row_number, code=code)
                    part = _Part("commitment", code=code, text=part.text)
            if part.kind == "skip":
                continue
            # Text under a bullet continues it; anything else ends the run of bullets.
            if part.kind not in {"bullet", "text"}:
                bullets = 0
            if part.kind == "heading" and part.number is not None:
                area = self._focus_area(index, part, skip)
                parent = current = None
                continue
            if area is None:
                # The preamble is never a commitment, but a numbered item in it after a heading-like
                # line is more likely a focus area whose heading we could not read.
                if not title_done:
                    title_done = line == title
                    continue
                if part.kind == "commitment" and seen_heading_like:
                    self.warn("outside_focus_area", index, code=part.code, text=_excerpt(part.text))
                seen_heading_like = seen_heading_like or _heading_like(line)
                continue
            if part.kind == "sdg":
                for number in part.sdgs:
                    if number not in area.sdgs:
                        area.sdgs.append(number)
                current = None
            elif part.kind == "hashtags":
                tags = [tag for tag in _HASHTAG.findall(line) if tag not in (area.hashtag or "").split()]
                area.hashtag = " ".join([*(area.hashtag or "").split(), *tags]) or None
            elif part.kind == "subheading":
                current = None
            elif part.kind == "commitment":
                current = self._add(area, part.code, part.text, index)
                # A table's "2.1.A" is a sub-item already; letters that follow belong to 2.1.
                if not part.code.rpartition(".")[2].isalpha():
                    parent = current
            elif part.kind == "sub":
                code = f"{parent.code if parent else area.number}.{part.label}"
                current = self._add(area, code, part.text, index)
            elif part.kind == "bullet":
                if bullets == 0:
                    bullet_parent = current
                    if bullet_parent is None:
                        self.warn("bullets_numbered", index, area=area.number)
                bullets += 1
                code = f"{bullet_parent.code if bullet_parent else area.number}.{bullets}"
                if code in self.lines_of:
                    self.warn("bullet_code_taken", index, code=code, text=_excerpt(part.text))
                    target = bullet_parent or current or self.agreement.commitments[-1]
                    target.text = f"{target.text} {part.text}".strip()
                    continue
                current = self._add(area, code, part.text, index)
            elif current is not None and cells is None and current_row:
                # A table row holds its whole text: a paragraph after the table is prose of its own.
                current = None
            elif current is not None:
                if _mentions_sdg(part.text):
                    self.warn("sdg_in_text", index, code=current.code, text=_excerpt(part.text))
                if cells is not None:
                    self.warn("table_row_joined", index, code=current.code, text=_excerpt(part.text))
                current.text = f"{current.text} {part.text}".strip()
            elif cells is not None and part.text:
                self.warn("table_row_skipped", index, text=_excerpt(part.text))
            if part.kind in {"commitment", "sub", "bullet"}:
                current_row = cells is not None
                if cells is not None and current is not None:
                    self._fields(index, current, cells)

    def _classify(self, index: int, area: FocusArea | None) -> _Part:
        line = self.lines[index]
        match = _KEYWORD_HEADING.match(line)
        # A document writes all its headings one way: "Innsatsområde 2" after a heading
        # written "1 Næring" is more likely a sentence's start than a heading.
        if match and (area is None or self.keyword_headings) and _keyword_title(match["text"]):
            self.keyword_headings = True
            return _Part("heading", number=int(match["number"]), text=match["text"])
        # Several goals on one line, one after the other ("FNs bærekraftsmål nr. 4: God utdanning;
        # FNs bærekraftsmål nr. 8: …", "Bærekraftsmål: 8 – Anstendig arbeid …; 9 – Industri …"), as a
        # workbook cell holds them.
        statements = [part.strip() for part in line.split(";")]
        if len(statements) > 1:
            goals = [self._goal_statement(index, statement) for statement in statements]
            if all(goals):
                return _Part("sdg", sdgs=tuple(number for numbers in goals if numbers for number in numbers))
        if _SDG_LINE.match(line):
            numbers = self._goal_statement(index, line)
            if numbers:
                return _Part("sdg", sdgs=numbers)
        match = _GOAL_LINE.match(line)
        if match:
            number = int(match["number"])
            if number in SDG_BY_NUMBER and (not match["text"] or _looks_like_sdg(number, match["text"])):
                return _Part("sdg", sdgs=(number,))
            if (area is None or number > int(area.number)) and self._next_area_number(index, number) == number:
                return _Part("heading", number=number, text=match["text"])
            return _Part("text", text=line)
        if _HASHTAG_LINE.match(line):
            return _Part("hashtags")
        match = _COMMITMENT.match(line)
        if match:
            return _Part("commitment", code=match["code"], text=match["text"])
        match = _NUMBERED.match(line)
        if match:
            kind = self._numbered_kind(index, match, area)
            if kind == "heading":
                return _Part("heading", number=int(match["number"]), text=match["text"])
            if kind == "sdg":
                return _Part("sdg", sdgs=(int(match["number"]),))
        list_item = _LIST_ITEM.match(line)
        if list_item and area is not None and self.keyword_headings:
            # Headings that say "Innsatsområde 1" leave a plain "1." free to number the items
            # under them, as Word's automatic numbering does when it restarts for each heading.
            code = f"{area.number}.{int(list_item['number'])}"
            self.warn("list_number", index, number=list_item["number"], code=code)
            return _Part("commitment", code=code, text=list_item["text"])
        if match:
            return _Part("text", text=line)
        match = _SUB_ITEM.match(line)
        if match:
            label = _sub_label(match["inner"] or match["label"])
            if label:
                return _Part("sub", label=label, text=match["text"])
        match = _BULLET.match(line)
        if match:
            return _Part("bullet", text=match["text"])
        if line.upper() == line and sum(ch.isalpha() for ch in line) >= 3:
            return _Part("subheading")
        return _Part("text", text=line)

    def _goal_statement(self, index: int, statement: str) -> tuple[int, ...] | None:
        """The goals one statement of a line of several names: "Bærekraftsmål: 4, 8", "Mål 9 – …",
        or "9 – Industri …" where the words are goal 9's; None for anything else."""
        match = _SDG_LINE.match(statement)
        if match:
            numbers = tuple(int(n) for n in re.findall(r"\d{1,2}", match["numbers"]))
            if not all(n in SDG_BY_NUMBER for n in numbers):
                return None
            if len(numbers) == 1 and match["text"] and not _looks_like_sdg(numbers[0], match["text"]):
                self.warn("sdg_name", index, number=numbers[0], text=match["text"])
            return numbers
        match = _GOAL_LINE.match(statement) or _NAMED_GOAL.match(statement)
        if match and int(match["number"]) in SDG_BY_NUMBER:
            number = int(match["number"])
            return (number,) if not match["text"] or _looks_like_sdg(number, match["text"]) else None
        return None

    def _numbered_kind(self, index: int, match: re.Match, area: FocusArea | None) -> str:
        """Whether "N text" heads a focus area, names a goal (SDG) or is ordinary text.

        Agreements write both the same way ("3 Samferdsel og mobilitet" and
        "11 – bærekraftige by og lokalsamfunn"), so the rule is, in order:

        1. hashtags make it a focus-area heading; goal lines never carry them;
        2. it is a heading when its number is higher than the current focus area's
           and the next commitment is numbered under it (N.x), or, for a short title,
           the next item is lettered or a bullet (Viken's template: "1. Beskrivelse" then "a. ...").
           The lookahead stops at the next "N ..." line, so a goal line right above
           the heading of the same number is not taken for the heading. This also
           keeps a focus area titled like a goal ("4 - God utdanning" followed by 4.1)
           a heading;
        3. inside a focus area, a line whose words loosely match the name of goal N
           (at least half of the words each way share a stem), in bokmål, nynorsk or
           English, is that goal, for the focus area above it;
        4. "N. Title" numbered next after the current focus area, short and without a
           full stop, heads a focus area of its own even without items (the template's
           "2. Virkemidler"), unless the headings say "Innsatsområde N": then it is an item;
        5. anything else ("5 kommuner deltar ...") is ordinary text.
        """
        number = int(match["number"])
        text = match["text"]
        if _HASHTAG.search(text):
            return "heading"
        if area is None or number > int(area.number):
            # Bullets or letters are weaker evidence than N.x: they do not outweigh a goal's name.
            unnumbered = (
                _title_like(text)
                and not self.keyword_headings
                and not (area is not None and _looks_like_sdg(number, text))
            )
            following = self._next_area_number(index, number, unnumbered=unnumbered)
            if following == number:
                return "heading"
        if area is not None and _looks_like_sdg(number, text):
            return "sdg"
        template_heading = match["dot"] and not self.keyword_headings and _title_like(text)
        if area is not None and template_heading and number == int(area.number) + 1:
            return "heading"
        return "text"

    def _next_area_number(self, index: int, number: int, *, unnumbered: bool = False) -> int | None:
        """The focus-area number of the next commitment, unless another line numbered
        ``number`` comes first; with ``unnumbered``, a lettered item or bullet before any other
        "N ..." line counts as under ``number``."""
        for line in self.lines[index + 1 :]:
            match = _COMMITMENT.match(line)
            if match:
                return int(match["code"].split(".")[0])
            match = _NUMBERED.match(line)
            if match:
                if int(match["number"]) == number:
                    return None
                unnumbered = False  # letters after "3 Samferdsel" are under 3
            if _KEYWORD_HEADING.match(line):
                return None
            match = _SUB_ITEM.match(line)
            if unnumbered and ((match and _sub_label(match["inner"] or match["label"])) or _BULLET.match(line)):
                return number
        return None

    def _fields(self, index: int, commitment: Commitment, cells: Mapping[str, str]) -> None:
        get = cells.get
        council_area = clean_text(get("council_area"))
        if not is_empty(council_area):
            commitment.council_area = match_council_area(council_area, self.council_areas)
            if commitment.council_area is None:
                areas = ", ".join(self.council_areas)
                self.warn("council_area", index, code=commitment.code, value=council_area, areas=areas)
        deadline = clean_text(get("deadline"))
        if not is_empty(deadline):
            commitment.deadline = parse_deadline(deadline)
            if commitment.deadline is None:
                self.warn("deadline", index, code=commitment.code, value=deadline)
        amount = clean_text(get("amount"))
        if not is_empty(amount):
            commitment.amount = parse_amount(amount)
            if commitment.amount is None:
                self.warn("amount", index, code=commitment.code, value=amount)
        status_text = clean_text(get("status"))
        if is_empty(status_text):
            return
        status = parse_status(status_text, self.status_aliases)
        assumed = _STATUS_READINGS.get(fold(status_text))
        if status is None and assumed is not None:
            status = assumed
            self.warn("status_assumed", index, code=commitment.code, value=status_text, status=Text(f"status.{status}"))
        if status is None:
            self.warn("status", index, code=commitment.code, value=status_text, statuses=Deferred(status_names))
            return
        progress_text = clean_text(get("progress"))
        progress = None if is_empty(progress_text) else parse_progress(progress_text)
        if progress is None and not is_empty(progress_text):
            self.warn("progress", index, code=commitment.code, value=progress_text)
        comment = clean_text(get("comment"))
        self.reports[commitment.code] = FirstReport(status, progress, None if is_empty(comment) else comment)

    def _focus_area(self, index: int, part: _Part, skip: set[int]) -> FocusArea:
        number = str(part.number)
        line = self.source[index].number
        if any(area.number == number for area in self.agreement.focus_areas):
            raise AgreementFormatError("loaders.agreement.focus_area_twice", number=number, place=self._place(line))
        title = clean_text(_HASHTAG.sub("", part.text))
        if not title:
            # "Innsatsområde 1" alone: the title is the next line, if it reads like one.
            following = next((i for i in range(index + 1, len(self.lines)) if self.lines[i]), None)
            if following is not None and _plain_title(self.lines[following]):
                title = clean_text(_HASHTAG.sub("", self.lines[following]))
                part.text = f"{part.text} {self.lines[following]}"
                skip.add(following)
            else:
                self.warn("no_title", index, number=number)
        hashtags = _HASHTAG.findall(part.text)
        area = FocusArea(number=number, title=title, hashtag=" ".join(hashtags) or None)
        self.agreement.focus_areas.append(area)
        self.area_index[number] = index
        return area

    def _add(self, area: FocusArea, code: str, text: str, index: int) -> Commitment:
        line = self.source[index].number
        # A code under another focus area's heading means we missed a heading
        # written some other way; better to say so than to file it wrongly.
        number = code.split(".", maxsplit=1)[0]
        if number != area.number:
            raise AgreementFormatError(
                "loaders.agreement.wrong_focus_area",
                code=code,
                place=self._place(line),
                area=area.number,
                number=number,
            )
        if code in self.lines_of:
            raise AgreementFormatError(
                "loaders.agreement.commitment_twice",
                code=code,
                first=self._place(self.lines_of[code]),
                place=self._place(line),
            )
        self.lines_of[code] = line
        self.index_of[code] = index
        tail = _sdg_tail(text)
        if tail:
            self.warn("sdg_in_text", index, code=code, text=tail)
        commitment = Commitment(code=code, text=clean_text(text), focus_area=area.number)
        self.agreement.commitments.append(commitment)
        return commitment

    # --- checks on the whole -------------------------------------------------------------------

    def _check_texts(self) -> None:
        for commitment in self.agreement.commitments:
            index = self.index_of[commitment.code]
            text = commitment.text
            joined = [
                text[: match.start()].rsplit(maxsplit=1)[-1] + text[match.end() :].split(maxsplit=1)[0]
                for match in _BROKEN_WORD.finditer(text)
            ]
            if joined:
                words = ", ".join(dict.fromkeys(word.strip(".,;:()«»") for word in joined))
                self.warn("hyphen_joined", index, code=commitment.code, words=words)
                commitment.text = _BROKEN_WORD.sub("", text)
            words_count = len(commitment.text.split())
            if words_count > _LONG_TEXT_WORDS:
                self.warn("long_text", index, code=commitment.code, words=words_count)

    def _check_numbering(self) -> None:
        """A number left out (1.1, 1.2, 1.4) is most often an item we did not recognise."""
        previous_area = 0
        filled = {commitment.focus_area for commitment in self.agreement.commitments}
        for area in self.agreement.focus_areas:
            if int(area.number) != previous_area + 1:
                self.warn(
                    "area_number_jump",
                    self.area_index[area.number],
                    number=area.number,
                    expected=previous_area + 1,
                )
            previous_area = int(area.number)
            if area.number not in filled:
                self.warn("empty_focus_area", self.area_index[area.number], number=area.number, title=area.title)
        # A heading with nothing under it (the template's "2. Virkemidler") is a chapter of
        # prose, not a focus area anyone reports on.
        self.agreement.focus_areas = [area for area in self.agreement.focus_areas if area.number in filled]
        last: dict[str, str] = {}
        for commitment in self.agreement.commitments:
            parent, _, label = commitment.code.rpartition(".")
            expected = _next_label(last.get(parent), label)
            if expected is not None and expected != label:
                self.warn(
                    "number_jump",
                    self.index_of[commitment.code],
                    code=commitment.code,
                    expected=f"{parent}.{expected}",
                )
            last[parent] = label


def _cell_part(part: _Part, cells: Mapping[str, str]) -> _Part:
    """A table row read by its cells: the code cell gives the place, the text cell the text,
    so no other column ends up in the text."""
    code = clean_text(cells.get("code")).rstrip(".")
    text = clean_text(cells.get("text"))
    # The header row, repeated on every page of a long table.
    if fold(code) in _HEADER_ROW_CODES or (not code and fold(text) in {"tiltak", "beskrivelse"}):
        return _Part("skip")
    if part.kind in {"commitment", "sub", "bullet"}:
        return _Part(part.kind, code=part.code, label=part.label, text=text)
    if re.fullmatch(rf"{_CODE}\.[A-Za-z]{{1,4}}", code):
        return _Part("commitment", code=code, text=text)
    if re.fullmatch(r"[A-Za-z]{1,4}\)?", code) and _sub_label(code.rstrip(")")):
        return _Part("sub", label=code.rstrip(")"), text=text)
    return _Part("text", text=text)


def _toc_entry(raw: str) -> bool:
    page = _TRAILING_PAGE.search(raw)
    if not page:
        return False
    head = raw[: page.start()]
    # The leader is looked for at the end only, so a long paragraph costs no more than a short one.
    return bool(_LEADER.search(head[-40:])) and bool(head.strip(" \t.…"))


def _item_line(line: str) -> str:
    """The line with what only decorates an item's code taken off: "Tiltak 1.1:" is "1.1:"."""
    line = _LIST_NUMBER.sub("", line, count=1)
    return _ITEM_WORD.sub("", line, count=1)


def _is_item(line: str) -> bool:
    return bool(_COMMITMENT.match(line) or _KEYWORD_HEADING.match(line))


def _title_like(text: str) -> bool:
    """Short, capitalised and without a full stop, as a heading is written."""
    text = clean_text(text)
    return (
        bool(text)
        and text[0].isupper()
        and len(text.split()) <= _TITLE_WORDS
        and not text.endswith((".", ":", ";", ","))
    )


def _keyword_title(text: str) -> bool:
    """What may follow "Innsatsområde 1": a title, hashtags or nothing, but not the rest of a
    sentence ("Innsatsområde 1 handler om utdanning.")."""
    return not text.endswith(".") and len(text.split()) <= _TITLE_WORDS + 5


def _plain_title(line: str) -> bool:
    """A line that can only be a heading's title: no item, goal or hashtags of its own."""
    return _title_like(line) and not (
        _is_item(line) or _NUMBERED.match(line) or _SDG_LINE.match(line) or _GOAL_LINE.match(line)
    )


def _heading_like(line: str) -> bool:
    return bool(_NUMBERED.match(line)) or _title_like(line)


def _sub_label(label: str) -> str:
    """The label as the document writes it, if it is one: a letter or a roman numeral.

    "i)" is coded 2.3.i whether it is the ninth letter or the first numeral; only the
    check of the order (``_next_label``) needs to know which.
    """
    return label if len(label) == 1 or label.lower() in _ROMAN else ""


def _next_label(previous: str | None, label: str) -> str | None:
    """The label that should follow ``previous`` in a list of the same kind as ``label``;
    ``None`` where order cannot be checked (roman numerals, mixed kinds)."""
    if label.isdigit():
        if previous is None:
            return "1"
        return str(int(previous) + 1) if previous.isdigit() else None
    if not label.isalpha() or (previous is not None and previous.isupper() != label.isupper()):
        return None
    lower = label.lower()
    before = previous.lower() if previous is not None else None
    # "i)" after "h)" is a letter; first in a list, or after "iii)", a numeral.
    is_letter_after = before is not None and len(before) == len(lower) == 1 and ord(lower) == ord(before) + 1
    if lower in _ROMAN and not is_letter_after and (len(lower) > 1 or before in _ROMAN or before is None):
        if before is None:
            expected = "i"
        elif before in _ROMAN and before != _ROMAN[-1]:
            expected = _ROMAN[_ROMAN.index(before) + 1]
        else:
            return None
        return expected.upper() if label.isupper() else expected
    if len(label) != 1:
        return None
    if before is None:
        return "A" if label.isupper() else "a"
    return chr(ord(previous) + 1) if previous is not None and len(previous) == 1 else None


def _looks_like_sdg(number: int, text: str) -> bool:
    sdg = SDG_BY_NUMBER.get(number)
    if sdg is None:
        return False
    words = _content_words(text)
    names = (sdg.nb, sdg.en, SDG_NYNORSK[number])
    return any(_words_overlap(words, _content_words(name)) for name in names)


def _mentions_sdg(text: str) -> bool:
    """A goal named inside a text: "bærekraftsmål 9", or a goal line glued on at its end."""
    return bool(_SDG_MENTION.search(text) or _SDG_LINE.match(text) or _GOAL_LINE.match(text) or _sdg_tail(text))


def _sdg_tail(text: str) -> str | None:
    """The goal line a PDF's reading order glued to the end of a text, if any."""
    match = _SDG_TAIL.search(text)
    if match and _looks_like_sdg(int(match["number"]), match["text"]):
        return clean_text(match[0])
    return None


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


def _excerpt(text: str, words: int = 8) -> str:
    parts = clean_text(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
