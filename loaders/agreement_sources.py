"""The lines of an agreement file, whatever its type, for ``loaders.agreement_layout``.

A line is one paragraph of the document as a reader sees it, or one row of a
table of commitments with its cells by field. The types read:

- .txt: one line a paragraph;
- .docx: paragraphs with the numbers Word shows for automatic numbering
  (``loaders.docx_numbering``), and tables;
- .xlsx: the action-plan sheet, one line a row, numbered as Excel numbers rows;
- .pdf: the text layer, its paragraphs and tables rebuilt from where the words
  stand, without page headers, footers and end-of-line hyphens (the headers,
  footers and page numbers taken out are listed in ``Document.removed``).

A table is read as fields where its first row names them (``TABLE_FIELDS``:
Nr | Tiltak | Ansvar | Frist | Status | Midler ...); any other table is read as
its cells' paragraphs. The parse of an untrusted document runs in a child
process (``loaders.isolation``), so a crash of the parsing library cannot take
the server down.
"""

from __future__ import annotations

import codecs
import datetime
import io
import itertools
import os
import re
import statistics
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pypdfium2
import pypdfium2.raw as pdfium_c
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from core.vocabulary import clean_text, fold
from loaders.agreement_fields import MONTH_NAMES, parse_deadline
from loaders.docx_numbering import BULLET, ListNumbering
from loaders.docx_view import final_view
from loaders.errors import DamagedWorkbook, ScannedAgreement, UnreadableAgreement
from loaders.isolation import run_isolated
from loaders.workbook import check_office_archive, read_sheet

# The headers of a table of commitments, by field, compared ignoring case, a trailing colon and
# a bracketed note ("Frist (dato)"); bokmål, nynorsk and English.
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("nr", "nr.", "nummer", "tiltak nr", "tiltaksnr", "tiltaksnummer", "id", "ref", "no", "no.", "number"),
    "text": ("tiltak", "tiltaket", "tiltak/aktivitet", "aktivitet", "aktiviteter", "beskrivelse", "handling"),
    "council_area": (
        "ansvar",
        "ansvarlig",
        "ansvarleg",
        "ansvarlig rådsområde",
        "ansvarleg rådsområde",
        "rådsområde",
        "responsible",
        "responsibility",
        "owner",
    ),
    "deadline": ("frist", "tidsfrist", "tidsramme", "tidspunkt", "når", "deadline", "due", "due date"),
    "status": ("status",),
    "progress": ("fremdrift", "framdrift", "progress"),
    "amount": ("midler", "midlar", "budsjett", "beløp", "kostnad", "finansiering", "budget", "amount", "funding"),
    "comment": ("kommentar", "kommentarar", "kommentarer", "merknad", "merknader", "comment", "comments", "notes"),
}
_HEADER_WORDS = {alias: name for name, aliases in TABLE_FIELDS.items() for alias in aliases}
_ENGLISH_TEXT_HEADERS = ("commitment", "action", "measure", "description")
for _alias in _ENGLISH_TEXT_HEADERS:
    _HEADER_WORDS[_alias] = "text"
# The words before a number that make a line a focus-area heading, an item or a goal line in
# ``loaders.agreement_layout``'s grammar; here too, so a heading at the top of every page is not
# taken for a running header.
AREA_WORDS = (
    "innsatsområde|innsatsområdet|satsingsområde|satsingsområdet|satsningsområde|satsområde|"
    "fokusområde|fokusområdet|hovedområde|hovudområde|temaområde|samarbeidsområde|område|tema"
)
ITEM_WORDS = "tiltak|mål|delmål|punkt|aktivitet"
# "FNs bærekraftsmål", "FN sine berekraftsmål", "Bærekraftsmålene", "Berekraftsmåla", "SDG".
SDG_WORD = r"(?:fn(?:['’]?s|\s+sine|\s+sitt)?\s+)?(?:(?:bærekraft|berekraft)s?mål(?:ene|a|et)?|sdg)"
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*$")
_FILE_TYPES = (".txt", ".docx", ".pdf", ".xlsx")
_SAVE_AS_DOCX = (".doc", ".docm", ".dot", ".dotx", ".odt", ".rtf", ".pages", ".wpd")


@dataclass(frozen=True)
class Line:
    """One paragraph of an agreement as a reader sees it.

    ``number`` is what messages and warnings cite (1-based, in document order;
    for a workbook the Excel row number, with ``sheet`` its sheet's name);
    ``page`` is the page it stands on where the file has pages (PDF).
    ``cells`` holds a table row's fields by name (``TABLE_FIELDS``) where the
    line came from a table; ``text`` is then "<code> <text>".
    """

    text: str
    number: int
    page: int | None = None
    cells: Mapping[str, str] | None = None
    sheet: str | None = None


@dataclass(frozen=True)
class Furniture:
    """A line taken out of a PDF's page before reading: ``kind`` is "page_number", "header" (at the
    page's top) or "footer" (at its foot); ``text`` as the page shows it."""

    text: str
    page: int
    kind: str


@dataclass(frozen=True)
class Document:
    """An agreement file's lines and the date it is dated, where it says or its metadata does."""

    lines: list[Line]
    dated: datetime.date | None = None
    # A Word document with tracked changes not yet accepted: they are read as accepted.
    tracked_changes: bool = False
    # What a PDF's pages had that the parties did not write, in page order: the preview names it.
    removed: list[Furniture] = field(default_factory=list)


def read_lines(path: str | os.PathLike) -> list[Line]:
    """The lines of an agreement file (see ``read_document``)."""
    return read_document(path).lines


def read_document(path: str | os.PathLike) -> Document:
    """The lines of a .txt, .docx, .xlsx or .pdf agreement, and the date it is dated.

    Raises ``UnreadableAgreement`` for a file of another type, one that is not
    what its name says, a damaged or password-protected PDF, or text in an
    unknown encoding; ``ScannedAgreement`` for a PDF without a text layer; a
    ``WorkbookError`` for a workbook that cannot be read safely; ``OSError``
    for a missing file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return _text_document(_decode(path.read_bytes(), path.name).splitlines())
    if suffix == ".docx":
        return run_isolated(_docx_document, path)
    if suffix == ".pdf":
        return run_isolated(_pdf_document, path)
    if suffix == ".xlsx":
        return run_isolated(_xlsx_document, path)
    raise type_refusal(path.name) or AssertionError(suffix)


def type_refusal(name: str) -> UnreadableAgreement | None:
    """Why a file named ``name`` is not read as an agreement, by its type alone; None for a type that is."""
    suffix = Path(name).suffix.lower()
    if suffix in _FILE_TYPES:
        return None
    if suffix in _SAVE_AS_DOCX:
        # Word's old format and the word processors' own: each opens in a program that saves .docx.
        return UnreadableAgreement("loaders.agreement.save_as_docx", file=name, kind=suffix)
    return UnreadableAgreement("loaders.agreement.wrong_file_type", file=name)


# --- the date a document is dated -----------------------------------------------------------------

_DATE = re.compile(
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
    rf"|(?P<word_day>\d{{1,2}})\.?\s+(?P<word_month>{'|'.join(MONTH_NAMES)})\s+(?P<word_year>\d{{4}})",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"^\s*(?:dato|date|datert|dated)\b", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:vedtatt|vedteke|vedtak|godkjent|signert|underskrevet|undertegnet|datert|dagsett)\b", re.IGNORECASE
)
# "Askim, 1. mars 2023" at the signatures: a place, a comma and the date, nothing more.
_PLACE_AND_DATE = re.compile(rf"^[^\W\d][^\d,]{{0,40}},\s*(?:den\s+)?(?:{_DATE.pattern})\.?\s*$", re.IGNORECASE)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def document_date(lines: Sequence[Line]) -> datetime.date | None:
    """The date a document is dated as it says so itself: the first line labelled "Dato: ...",
    else the last line saying when it was adopted or signed ("Vedtatt i regionrådet 12. mars
    2023", "Askim, 1. mars 2023"). Dates inside commitments (deadlines) do not count."""
    adopted = None
    for line in lines:
        if line.cells is not None:
            continue
        text = clean_text(line.text)
        if _DATE_LABEL.match(text):
            found = _first_date(text)
            if found:
                return found
        if _DATE_WORDS.search(text) or _PLACE_AND_DATE.match(text):
            adopted = _first_date(text) or adopted
    return adopted


def _first_date(text: str) -> datetime.date | None:
    # The pattern finds where a date is written; the deadlines' reader says which day it names.
    for match in _DATE.finditer(text):
        day = parse_deadline(match.group(0))
        if day is not None:
            return datetime.date.fromisoformat(day)
    return None


def _dated(lines: list[Line], metadata: datetime.date | None = None) -> Document:
    return Document(lines, document_date(lines) or metadata)


# --- plain text ---------------------------------------------------------------------------------


def _text_document(texts: Iterable[str]) -> Document:
    return _dated([Line(text, number) for number, text in enumerate(texts, start=1)])


def _decode(data: bytes, name: str) -> str:
    # Notepad's "Unicode" is UTF-16 with a BOM; everything else is UTF-8 or, from
    # older Windows tools, cp1252.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableAgreement("loaders.agreement.unknown_encoding", file=name) from None


# --- tables, whatever the file ------------------------------------------------------------------


def table_fields(headers: Sequence[str]) -> dict[int, str] | None:
    """Which column holds which field, where ``headers`` (a table's first row) name a commitment's
    text and at least one more field; None for any other row."""
    fields: dict[int, str] = {}
    for column, header in enumerate(headers):
        name = _header_field(header)
        if name is not None and name not in fields.values():
            fields[column] = name
    if "text" not in fields.values() or len(fields) < 2:
        return None
    return fields


def _header_field(header: str) -> str | None:
    return _HEADER_WORDS.get(_BRACKETED.sub("", fold(header)).rstrip(":").strip())


def _row_line(cells: dict[str, str], number: int, page: int | None = None, sheet: str | None = None) -> Line:
    """A table row as a line: "<code> <text>" so the layout can place it, the fields in ``cells``."""
    text = " ".join(part for part in (cells.get("code", ""), cells.get("text", "")) if part)
    return Line(text, number, page=page, cells=cells, sheet=sheet)


# --- Word ---------------------------------------------------------------------------------------


def _docx_document(path: Path) -> Document:
    """The checks and the parse of an untrusted .docx, in one call for the child process."""
    _check_docx_archive(path)
    # Read from bytes so a missing file is the same OSError as for .txt, not
    # python-docx's "package not found".
    try:
        document = docx.Document(io.BytesIO(path.read_bytes()))
        tracked_changes = final_view(document)
        numbering = ListNumbering(_numbering_xml(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise UnreadableAgreement("loaders.agreement.not_a_document", file=path.name) from None
    reader = _WordReader(numbering)
    lines: list[Line] = []
    for item in reader.blocks(document):
        number = len(lines) + 1
        lines.append(_row_line(item, number) if isinstance(item, dict) else Line(item, number))
    created = document.core_properties.created
    dated = _dated(lines, created.date() if created else None)
    return Document(dated.lines, dated.dated, tracked_changes=tracked_changes)


def _numbering_xml(document: DocumentObject) -> bytes | None:
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return None
    return etree.tostring(part.element)


def _check_docx_archive(path: Path) -> None:
    """The same zip-bomb and entity checks as for uploaded workbooks."""
    if not path.exists():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    try:
        check_office_archive(path)
    except DamagedWorkbook:
        raise UnreadableAgreement("loaders.agreement.not_a_document", file=path.name) from None


class _WordReader:
    """Paragraph texts with their list numbers, and table rows by field, in document order."""

    def __init__(self, numbering: ListNumbering) -> None:
        self.numbering = numbering

    def blocks(self, container: DocumentObject | BlockItemContainer) -> Iterator[str | dict[str, str]]:
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                yield from self._table(block)
            elif not _is_contents(block):
                yield from self._paragraph(block).splitlines()

    def _paragraph(self, paragraph: Paragraph) -> str:
        # Word shows the number of an empty numbered paragraph too: in a table's Nr column
        # it is the whole content.
        label = self._label(paragraph)
        text = _paragraph_text(paragraph._p)
        if not label:
            return text
        return f"{label} {text}" if text.strip() else label

    def _label(self, paragraph: Paragraph) -> str:
        num_id, ilvl = _numbering_of(paragraph)
        return self.numbering.label(num_id, ilvl) if num_id else ""

    def _table(self, table: Table) -> Iterator[str | dict[str, str]]:
        rows = [self._unique_cells(row.cells) for row in table.rows]
        if not rows:
            return
        # Read once: reading a cell counts its numbered paragraphs.
        first = [list(self.blocks(cell)) for cell in rows[0]]
        fields = table_fields([_text_of(blocks) for blocks in first])
        if fields is None:
            for blocks in first:
                yield from blocks
            for cells in rows[1:]:
                for cell in cells:
                    yield from self.blocks(cell)
            return
        grid = list(table.rows[0].cells)
        columns = {grid[index]._tc: name for index, name in fields.items()}
        for row, cells in zip(table.rows[1:], rows[1:], strict=True):
            if len(cells) == 1:
                # One cell across the row: a heading inside the table.
                yield from self.blocks(cells[0])
                continue
            values = dict.fromkeys(fields.values(), "")
            for header, cell in zip(grid, row.cells, strict=False):
                name = columns.get(header._tc)
                if name is not None and not values[name]:
                    values[name] = self._cell_text(cell)
            if any(values.values()):
                yield values

    def _unique_cells(self, cells: Sequence) -> list:
        # A merged cell is returned once for every grid column it spans. The
        # list holds the elements themselves: ids of freed proxies get reused.
        seen: list = []
        unique = []
        for cell in cells:
            if cell._tc not in seen:
                seen.append(cell._tc)
                unique.append(cell)
        return unique

    def _cell_text(self, cell: BlockItemContainer) -> str:
        return _text_of(self.blocks(cell))


def _text_of(blocks: Iterable[str | dict[str, str]]) -> str:
    return clean_text(" ".join(part for part in blocks if isinstance(part, str)))


def _paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's text as Word shows it (after ``final_view``): tabs, breaks and non-breaking
    hyphens included, deleted text, field codes and the copies of text boxes out."""
    parts = []
    for element in paragraph.iter(_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN):
        if any(ancestor.tag in _HIDDEN_IN for ancestor in element.iterancestors()):
            continue
        if element.tag == _T:
            parts.append(element.text or "")
        elif element.tag == _TAB:
            parts.append("\t")
        elif element.tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _is_contents(paragraph: Paragraph) -> bool:
    """A line of a table of contents Word made: its text ends in a page number after a tab,
    which no pattern for "....... 9" would find."""
    style = paragraph.style
    return style is not None and _CONTENTS_STYLE.match(fold(style.name)) is not None


_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
# Text under these is not in the paragraph as shown: a text box (shown where it floats, and kept
# twice, once for old Word versions) and a tab stop's definition (w:tabs holds w:tab elements).
_HIDDEN_IN = frozenset(
    {
        qn("w:txbxContent"),
        qn("w:tabs"),
        qn("w:pPr"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)
_CONTENTS_STYLE = re.compile(r"^toc \d$")


def _numbering_of(paragraph: Paragraph) -> tuple[str, int]:
    """The list (numId) and level of a paragraph, from itself or else its style and the styles
    that style is based on; ("", 0) where it has none."""
    num_id: str | None = None
    ilvl: int | None = None
    elements = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        elements.append(style.element.pPr)
        style = style.base_style
    for element in elements:
        num_pr = element.find(qn("w:numPr")) if element is not None else None
        if num_pr is None:
            continue
        found_id, found_level = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        if num_id is None and found_id is not None:
            num_id = found_id.get(qn("w:val"))
        if ilvl is None and found_level is not None:
            ilvl = int(found_level.get(qn("w:val"), "0"))
    # numId 0 turns numbering off for a paragraph whose style has it.
    return ("" if num_id in (None, "0") else str(num_id)), ilvl or 0


# --- Excel action plans -------------------------------------------------------------------------


def _xlsx_document(path: Path) -> Document:
    """An action plan's rows: table rows by field under its header, other rows as plain lines."""
    # Only the text column is named to the reader: a focus-area heading merged across the row
    # would otherwise be refused as one value for several fields. It comes filled into every
    # cell of its range, and is read below as one plain line.
    text_headers = (*TABLE_FIELDS["text"], *_ENGLISH_TEXT_HEADERS)
    sheet = read_sheet(path, header=({"text": text_headers}, ("text",)))
    rows = [[_field_text(value, "", percent=False) for value in row] for row in sheet.rows]
    header_row, fields = next(
        ((index, found) for index, row in enumerate(rows) if (found := table_fields(row)) is not None), (None, None)
    )
    lines = []
    for index, texts in enumerate(rows):
        filled = [text for text in texts if text]
        if not filled or index == header_row:
            continue
        if fields is None or header_row is None or index < header_row or len(set(filled)) == 1:
            lines.append(Line(" ".join(dict.fromkeys(filled)), index + 1, sheet=sheet.name))
            continue
        row = sheet.rows[index]
        cells = {
            name: _field_text(row[column] if column < len(row) else "", name, (index, column) in sheet.percent_cells)
            for column, name in fields.items()
        }
        lines.append(_row_line(cells, index + 1, sheet=sheet.name))
    return _dated(lines)


def _field_text(value: object, name: str, percent: bool) -> str:
    """A cell's value as the raw text of its field: dates as ISO dates, whole numbers as digits."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        # Excel turns "1.2" typed into a cell into the 1st of February: in a number column
        # that is the code as typed.
        return f"{value.day}.{value.month}" if name == "code" else value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if percent:
            value = value * 100
            return f"{round(value) if value == round(value) else value} %"
        return str(int(value)) if value.is_integer() else str(value)
    return clean_text(value)


# --- PDF ----------------------------------------------------------------------------------------

# pdfium's codes for a document it refuses for its password.
_PDF_PASSWORD = (4, 5)
_BULLETS = "•\uf0b7\uf0a7▪◦‣∙·\uf076\uf0d8"
_LEADING_BULLET = re.compile(rf"^[{_BULLETS}]\s*")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|s\.)\s*)?\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE
)
# What starts a paragraph of its own even straight under a full line: a number and a word ("1.2 -
# Tekst", "3 Samferdsel", "11 – bærekraftige ..."), a letter item ("A - ", "b) ", "(c) ", "iv) "),
# a bullet, or a heading word with a number.
_STARTS_ITEM = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,3})*\.?(?:\s*[-–—:)]\s*|\s+)[^\W\d_]"
    r"|[A-ZÆØÅ]\.?\s*[-–—]\s|\(?[a-z]\)\s|\(?[ivx]{1,4}\)\s"
    rf"|[{_BULLETS}-]\s"
    r"|(?:innsatsområde|tiltak|mål|fns)\s+(?:nr\.?\s*)?\d)",
    re.IGNORECASE,
)
# A heading's, item's or goal's word and a number: with ``_STARTS_ITEM``, what the layout reads as a
# heading, item or goal line when it stands alone.
_WORD_AND_NUMBER = re.compile(rf"^(?:{AREA_WORDS}|{ITEM_WORDS}|{SDG_WORD})\s*(?:nr\.?)?\s*[-–—:]?\s*\d", re.IGNORECASE)
# How much smaller than the text a running header is set, at least: Word's header style is 9 or 10
# point to the text's 11 or 12, while a heading in another font than the text's differs by less.
_SMALLER = 0.94
# The part of a page's height at its top and at its foot where page numbers stand: Word's
# header and footer sit within its margins, 2.5 cm of 29.7.
_MARGIN = 0.12
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")
# A hyphen at the end of a line is written where the next line goes on "og ..." ("fag- og
# svennebrev"); it is also kept before a capital ("Øst-" "Viken") and after one ("E-" "handel").
_WRITTEN_HYPHEN_BEFORE = re.compile(r"^(?:og|eller|samt|and|or)\b")
# Where pdfium has found a hyphen at the end of a line, it reports it as one of these.
_SOFT_HYPHENS = "\u00ad\x02"


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    y: float  # the bottom of its line, from the top of the page
    size: float


@dataclass
class _Row:
    """The words on one baseline, left to right."""

    words: list[_Word]
    page: int
    page_height: float

    @property
    def y(self) -> float:
        return self.words[0].y

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(word.size for word in self.words)

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


@dataclass
class _Paragraph:
    text: str
    page: int
    rows: list[_Row] = field(default_factory=list)
    cells: dict[str, list[str]] | None = None


@dataclass
class _Table:
    columns: list[tuple[float, str]]  # each column's left edge and field
    headers: dict[str, str]  # each field's header as written
    header: str  # folded, to know the header repeated on the next page
    in_header: bool = True  # a header cell wrapped over two lines is still the header


def _pdf_document(path: Path) -> Document:
    """The checks and the parse of an untrusted .pdf, in one call for the child process."""
    data = path.read_bytes()
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        key = "loaders.agreement.pdf_password" if error.err_code in _PDF_PASSWORD else "loaders.agreement.pdf_damaged"
        raise UnreadableAgreement(key, file=path.name) from None
    try:
        pages = [_page_rows(pdf[index], index + 1) for index in range(len(pdf))]
        created = _PDF_DATE.match(pdf.get_metadata_dict().get("CreationDate", ""))
    finally:
        pdf.close()
    body, removed = _without_furniture(pages)
    # A scan may carry a text line stamped on every page (a header, a page number) and nothing else.
    if not any(body):
        raise ScannedAgreement("loaders.agreement.scanned", file=path.name)
    paragraphs = _PdfLayout(body).paragraphs()
    lines = [_pdf_line(paragraph, number) for number, paragraph in enumerate(paragraphs, start=1)]
    metadata = None
    if created:
        try:
            metadata = datetime.date(*(int(part) for part in created.groups()))
        except ValueError:
            metadata = None
    dated = _dated(lines, metadata)
    return Document(dated.lines, dated.dated, removed=removed)


def _pdf_line(paragraph: _Paragraph, number: int) -> Line:
    if paragraph.cells is not None:
        cells = {name: _joined(parts) for name, parts in paragraph.cells.items()}
        return _row_line(cells, number, page=paragraph.page)
    return Line(_LEADING_BULLET.sub(f"{BULLET} ", paragraph.text), number, page=paragraph.page)


def _page_rows(page: pypdfium2.PdfPage, number: int) -> list[_Row]:
    """The page's words grouped by baseline, top to bottom."""
    height = page.get_height()
    textpage = page.get_textpage()
    handle = textpage.raw
    unicode_of, box_of = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    box = pdfium_c.FS_RECTF()
    words: list[_Word] = []
    chars: list[str] = []
    word = _Word("", 0.0, 0.0, 0.0, 0.0)
    # Two calls a character: pdfium's spaces (its own where words stand apart) end words, and
    # the loose box, whose bottom is the same for a whole line of one font, gives the rest.
    for index in range(textpage.count_chars()):
        char = chr(unicode_of(handle, index))
        if char in _SOFT_HYPHENS:
            char = "-"
        if char.isspace() or not char.isprintable():
            if chars:
                word.text = "".join(chars)
                words.append(word)
                chars = []
            continue
        box_of(handle, index, box)
        # The loose box is the font's line height; about 0.85 of it is the type size.
        size = (box.top - box.bottom) * 0.85
        bottom = height - box.bottom
        if chars and (abs(word.y - bottom) > size / 3 or box.left - word.x1 > 0.15 * size):
            word.text = "".join(chars)
            words.append(word)
            chars = []
        if chars:
            word.x1 = box.right
            word.size = max(word.size, size)
        else:
            word = _Word("", box.left, box.right, bottom, size)
        chars.append(char)
    if chars:
        word.text = "".join(chars)
        words.append(word)
    textpage.close()
    rows: list[_Row] = []
    for word in sorted(words, key=lambda word: (word.y, word.x0)):
        if rows and abs(rows[-1].y - word.y) <= word.size / 3:
            rows[-1].words.append(word)
        else:
            rows.append(_Row([word], number, height))
    for row in rows:
        row.words.sort(key=lambda word: word.x0)
    return rows


def _without_furniture(pages: list[list[_Row]]) -> tuple[list[list[_Row]], list[Furniture]]:
    """The pages without their headers and footers, and what was taken out.

    A row at the top or bottom edge of a page is furniture when it is a page
    number ("3", "Side 3 av 12", "3 / 12", "- 3 -") within the page's margin,
    or when it stands at the same height on at least half the pages, and on two
    at least, written the same but for a page number (a title line,
    "Partnerskapsavtale ... Indre Østfold – side 3"). A line the layout reads as
    a heading, item or goal ("Innsatsområde 2" on page 2, "1.3 Tiltak ..." on
    page 3) is furniture only in smaller type than the text's. Only rows at the
    edges go: the first rows down to the first one that is not furniture, and
    likewise from the bottom. A table's header repeated on every page is not
    furniture.
    """
    # Headers and footers stand in the page's margins: only rows there are compared, which also keeps
    # the comparison to a few rows a page however long the document is.
    edges = [row for rows in pages for row in rows if _in_margin(row)]
    seen: dict[str, list[_Row]] = {}
    numbers: dict[int, list[int]] = {}
    for row in edges:
        seen.setdefault(_masked(row), []).append(row)
        numbers[id(row)] = _numbers(row)
    needed = max(2, (len(pages) + 1) // 2)
    sizes = [round(row.size * 2) / 2 for rows in pages for row in rows]
    text_size = statistics.mode(sizes) if sizes else 0.0

    def furniture(row: _Row) -> bool:
        if not _in_margin(row):
            return False
        if _PAGE_NUMBER.match(clean_text(row.text)):
            return True
        if _row_fields(row) is not None:
            return False
        mine = numbers[id(row)]
        alike = [
            other
            for other in seen[_masked(row)]
            if abs(other.y - row.y) <= 2 and _numbered_alike(mine, numbers[id(other)], other.page - row.page)
        ]
        if len({other.page for other in alike}) < needed:
            return False
        # Numbers that go up with the page make a page number only beside words that stay the same.
        if any(numbers[id(other)] != mine for other in alike) and not re.search(r"[^\W\d_]", _masked(row)):
            return False
        # A heading, item or goal at the top of every page ("Innsatsområde 2" on page 2, "1.3 ..." on
        # page 3) is the parties' text; a running header is set in smaller type than the text.
        text = clean_text(row.text)
        return not (_STARTS_ITEM.match(text) or _WORD_AND_NUMBER.match(text)) or row.size < _SMALLER * text_size

    kept = []
    removed: list[Furniture] = []
    for rows in pages:
        start, end = 0, len(rows)
        while start < end and furniture(rows[start]):
            start += 1
        while end > start and furniture(rows[end - 1]):
            end -= 1
        kept.append(rows[start:end])
        for index, row in enumerate(rows):
            if start <= index < end:
                continue
            text = clean_text(row.text)
            kind = "page_number" if _PAGE_NUMBER.match(text) else "header" if index < start else "footer"
            removed.append(Furniture(text, row.page, kind))
    return kept, removed


def _masked(row: _Row) -> str:
    return re.sub(r"\d+", "#", fold(row.text))


def _numbers(row: _Row) -> list[int]:
    # As ``_masked`` finds them, so two rows masked alike have as many.
    return [int(number) for number in re.findall(r"\d+", fold(row.text))]


def _numbered_alike(mine: list[int], theirs: list[int], shift: int) -> bool:
    """Whether each number of two rows written alike (their digits aside), ``shift`` pages apart, is
    the same in both, or goes up with the page as a page number does: the page's index plus a constant."""
    return all(a == b or b - a == shift for a, b in zip(mine, theirs, strict=True))


def _in_margin(row: _Row) -> bool:
    return min(row.y, row.page_height - row.y) < _MARGIN * row.page_height


def _row_fields(row: _Row) -> tuple[list[tuple[float, str]], dict[str, str]] | None:
    """A table's columns (left edge and field) and headers by field, where the row is the header
    of a table of commitments."""
    segments = _segments(row)
    texts = [" ".join(word.text for word in segment) for segment in segments]
    fields = table_fields(texts)
    if fields is None or len(fields) != len(segments):
        return None
    ordered = sorted(fields.items())
    return [(segments[index][0].x0, name) for index, name in ordered], {name: texts[index] for index, name in ordered}


def _header_goes_on(table: _Table, cells: dict[str, list[str]]) -> bool:
    """Whether a row under a header is the rest of header cells wrapped over two lines ("Ansvarlig" /
    "rådsområde"): every word in it makes its column's header another name of the same field."""
    filled = {name: words for name, words in cells.items() if words}
    return bool(filled) and all(
        _header_field(f"{table.headers[name]} {' '.join(words)}") == name for name, words in filled.items()
    )


def _segments(row: _Row) -> list[list[_Word]]:
    """The row cut where words stand further apart than spaces do: a table's cells."""
    segments = [[row.words[0]]]
    for word in row.words[1:]:
        if word.x0 - segments[-1][-1].x1 > 0.8 * word.size:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


class _PdfLayout:
    """Paragraphs and table rows from the rows of every page, in reading order.

    A row continues the paragraph above it unless (1) the gap between them is
    larger than the document's line spacing, (2) the first word of the row
    would have fitted at the end of the row above (so the line above was not
    wrapped), or (3) it starts at another indentation than the paragraph's
    earlier continuation lines. A new numbered item, heading or bullet thus
    starts a new paragraph: its first word is short.
    """

    def __init__(self, pages: list[list[_Row]]) -> None:
        self.pages = pages
        rows = [row for page in pages for row in page]
        # The right margin, from lines of running text: a table may reach further out.
        self.right = max((row.x1 for row in rows if len(_segments(row)) == 1), default=max(row.x1 for row in rows))
        gaps = [round(below.y - above.y, 1) for page in pages for above, below in itertools.pairwise(page)]
        # The most common gap between baselines is the line spacing; most lines are wrapped ones.
        self.pitch = statistics.mode(gaps) if gaps else 1.2 * rows[0].size
        self.out: list[_Paragraph] = []
        self.table: _Table | None = None
        self.open: _Paragraph | None = None  # the paragraph or table row the next row may continue

    def paragraphs(self) -> list[_Paragraph]:
        for page in self.pages:
            previous: _Row | None = None
            for row in page:
                self._row(row, previous)
                previous = row
        return self.out

    def _row(self, row: _Row, previous: _Row | None) -> None:
        gap = row.y - previous.y if previous is not None else None
        header = _row_fields(row)
        if header is not None:
            if not (self.table and _masked(row) == self.table.header):
                self.table = _Table(*header, _masked(row))
                self.open = None
            self.table.in_header = True
            return
        table = self.table
        if table is not None and (
            (gap is not None and gap > 2.5 * self.pitch) or (previous is None and self._cells(row, table) is None)
        ):
            table = self.table = None
        if table is not None:
            cells = self._cells(row, table)
            if table.in_header and cells is not None and _header_goes_on(table, cells):
                return
            table.in_header = False
            if cells is not None:
                self._table_row(row, cells, gap, table)
                return
        self._text_row(row, gap)

    def _cells(self, row: _Row, table: _Table) -> dict[str, list[str]] | None:
        """The row's words by column; None where a word crosses into the next column, or the gap
        before a column is no wider than a space (ordinary text across the table). A row that
        starts with a number in the Nr column may have its text run up to the next column, as
        a cell's text can run over its margin."""
        cells: dict[str, list[str]] = {name: [] for _, name in table.columns}
        edges = [left for left, _ in table.columns[1:]]
        numbered = table.columns[0][1] == "code" and _CODE.match(row.words[0].text) is not None
        for word in row.words:
            column = sum(1 for edge in edges if word.x0 >= edge - 2)
            if column < len(edges) and word.x1 > edges[column] - (1 if numbered else 0.6 * word.size):
                return None
            cells[table.columns[column][1]].append(word.text)
        return cells

    def _table_row(self, row: _Row, words: dict[str, list[str]], gap: float | None, table: _Table) -> None:
        filled = [name for name, parts in words.items() if parts]
        first = table.columns[0][1]
        has_code = "code" in words
        open_row = self.open if self.open is not None and self.open.cells is not None else None
        # A new row where the Nr column has a number. Word leaves no space between rows
        # (its cells have no top or bottom margin), so without that column only a gap wider
        # than a line tells rows apart. Where cells are centred from top to bottom, the number
        # comes on a later line of its row than the text's first, a line's height further down.
        continues = open_row is not None and not (has_code and words["code"])
        if continues and gap is not None and not has_code:
            continues = gap <= 1.6 * row.size
        if open_row is not None and has_code and words["code"] and not open_row.cells["code"]:  # type: ignore[index]
            continues = gap is not None and gap <= 1.35 * row.size
        if open_row is not None and continues:
            for name, parts in words.items():
                if parts:
                    open_row.cells[name].append(" ".join(parts))  # type: ignore[index]
            open_row.rows.append(row)
            return
        if filled == [first] and first != "text":
            # Only the first column: a heading in a merged row, or text after the table.
            self._text_row(row, gap)
            return
        cells = {name: [" ".join(parts)] if parts else [] for name, parts in words.items()}
        self.open = _Paragraph("", row.page, [row], cells)
        self.out.append(self.open)

    def _text_row(self, row: _Row, gap: float | None) -> None:
        paragraph = self.open if self.open is not None and self.open.cells is None else None
        if paragraph is not None and self._continues(paragraph, row, gap):
            paragraph.text = _joined([paragraph.text, row.text])
            paragraph.rows.append(row)
            return
        self.open = _Paragraph(row.text, row.page, [row])
        self.out.append(self.open)

    def _continues(self, paragraph: _Paragraph, row: _Row, gap: float | None) -> bool:
        above = paragraph.rows[-1]
        if (gap is not None and gap > 1.3 * self.pitch) or _STARTS_ITEM.match(row.text):
            return False
        first = row.words[0]
        # A word split by a hyphen goes on on the next line, however short the line is.
        split = above.text[-2:-1].isalpha() and above.text.endswith("-") and first.text[:1].islower()
        if not split and self.right - above.x1 > first.x1 - first.x0 + first.size / 3:
            return False
        return len(paragraph.rows) < 2 or abs(row.x0 - above.x0) <= 2


def _joined(parts: Sequence[str]) -> str:
    """Lines of one paragraph as one text, a hyphen at a line's end joined to the word it splits
    ("samarbeids-" "prosjekter") unless it is written ("fag-" "og svennebrev", "E-" "handel")."""
    text = ""
    for part in (part.strip() for part in parts):
        if not part:
            continue
        if not text:
            text = part
        elif not (text.endswith("-") and len(text) > 1 and text[-2].isalpha()) or _WRITTEN_HYPHEN_BEFORE.match(part):
            text = f"{text} {part}"
        elif part.startswith(",") or part[0].isupper() or text.rsplit(" ", 1)[-1][:-1].isupper():
            text = f"{text}{part}"
        else:
            text = f"{text[:-1]}{part}"
    return text
