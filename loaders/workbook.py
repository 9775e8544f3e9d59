"""Reading an uploaded .xlsx workbook safely, with python-calamine doing the parsing.

calamine is fast, but it trusts the file: it inflates whatever the zip holds,
allocates a dense grid up to the farthest cell and a shared-string table of the
declared size, and when an allocation fails the whole process aborts. So before
calamine sees anything we check the zip directory and stream the XML parts it
will parse through compiled regexes over the raw bytes. Each sheet calamine
reads first gets one pass that counts rows, finds the farthest cell, formulas
(with or without a saved value), error values, merged ranges and
percent-formatted cells.

Part names are compared as Excel and calamine compare them (ignoring case,
"\\" read as "/"), and a zip holding two entries with one such name is
refused: otherwise our checks and calamine could read different bytes under
one name.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any
from xml.etree.ElementTree import Element

import python_calamine
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from core.i18n import Deferred, Text, capitalised, join_words, quoted_list, t
from core.settings import setting
from core.vocabulary import number_text
from loaders.columns import HEADER_SEARCH_ROWS, Header, cell_ref, column_letter, find_header
from loaders.errors import (
    BinaryWorkbook,
    DamagedWorkbook,
    DuplicateParts,
    EmptySheet,
    FormulaError,
    HeaderNotFound,
    IrregularXml,
    MacroWorkbook,
    MergedAcrossColumns,
    MissingFormulaValue,
    NotAWorkbook,
    OldExcelFormat,
    OpenDocument,
    PasswordProtected,
    SensitivityLabel,
    SeveralStatusSheets,
    TooManyCells,
    TooManyRows,
    UncalculatedFormulas,
    UnsafeXml,
    WorkbookTooLarge,
)

MAX_ROWS = setting("max_rows", int)
# calamine fills a grid from A1 to the farthest cell, about 32 bytes a cell
# before Python sees it, so the grid is what has to be bounded, not the file.
MAX_CELLS = setting("max_cells", int)
MAX_UNPACKED = setting("max_unpacked", int) * 2**20
# Real sheets compress 5-30 times; zip bombs a thousand times.
MAX_RATIO = setting("max_ratio", int)
RATIO_CHECKED_FROM = setting("ratio_checked_from", int) * 2**20
# No real part has a tag, or a text between tags, this long; a longer one would
# have to be held whole while scanning.
MAX_TAG = setting("max_tag", int) * 2**20
MAX_ENTRIES = setting("max_entries", int)
# Shared strings a workbook may declare beyond those it holds: 24 bytes each reserved by calamine.
_SPARE_STRINGS = 100_000
# The end record is 22 bytes plus a comment of at most 65,535.
_END_RECORD_SEARCH = 22 + 65_535
CHUNK = 2**20
_ERROR_LENGTH = 20
# The error values calamine reads (as ""); any other makes it refuse the sheet.
_CALAMINE_ERRORS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo\0".encode("utf-16-le")
# A sensitivity label (IRM) encrypts the package without a password: the OLE2
# file holds the package and its data spaces but no EncryptionInfo.
_LABEL_ENTRIES = ("EncryptedPackage\0".encode("utf-16-le"), "\x06DataSpaces\0".encode("utf-16-le"))
_OPEN_DOCUMENT = b"application/vnd.oasis.opendocument"
_OLE2_ENTRY = 128
_RESAVE = Text("loaders.workbook.resave")
_BUILTIN_PERCENT_FORMATS = {9: "0%", 10: "0.00%"}

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_MACRO_CONTENT_TYPE = re.compile(rb"macroEnabled", re.IGNORECASE)
_UNIQUE_COUNT = re.compile(rb"""uniqueCount\s*=\s*["']\s*([0-9]+)""")
# Counting `<si` under any prefix; text can only add to the count, which errs
# on the side of accepting the declared uniqueCount.
_SHARED_STRING = re.compile(rb"si(?<=[<:]si)[\s/>]")

# The fast path covers sheets written the way Excel, openpyxl, xlsxwriter,
# LibreOffice and the .NET Open XML SDK write them: one prefix throughout
# (mostly none), every cell starting `<c r="B7"`. _Plain's searches prove a
# sheet is of that kind; anything else goes through the tokenizer, because
# calamine reads any prefix, cells without `r`, `r = 'B7'`, and a repeated `r`
# (the last one wins).
_ROOT = re.compile(rb"<(?:([^\s/<>:!?]+):)?worksheet[\s/>]")
_PLAIN_REF = re.compile(rb' r="([A-Za-z]{1,3})([0-9]{1,7})"[\s/>]')

# The tokenizer: every row, c, f or v tag under any prefix. The last
# alternative catches such a tag it cannot read (a `<` inside an attribute,
# an unquoted value), which we refuse rather than guess at.
_TAG = re.compile(
    rb"<(/?)(?:[^\s/<>]*:)?(row|c|f|v)(?=[\s/>])"
    rb"""((?:\s+[^\s=/<>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
    rb"|</?(?:[^\s/<>]*:)?(?:row|c|f|v)[\s/>]"
)
# A cell's t="e" however written: the fast pass checks it found each one.
_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
_ERROR_VALUE = re.compile(rb"<(?:[^\s/<>:]*:)?v(?:\s[^>]*)?>([^<]*)<")
_MERGE = re.compile(
    rb"<(?:[^\s/<>:!?]+:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']\s*"
    rb"([A-Za-z]{1,3})([0-9]{1,7})(?::([A-Za-z]{1,3})([0-9]{1,7}))?\s*[\"']"
)
_ATTRIBUTE = re.compile(rb"""([^\s=/<>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_REF = re.compile(rb"([A-Za-z]+)([0-9]+)")
_NUMBER = re.compile(rb"[0-9]+")
_RANGE = re.compile(r"\s*([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})\s*")
# Parts of a number format that print literally rather than format the number.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


# What read_sheet looks for: each field's accepted headers, and the fields a header row must name.
HeaderSpec = tuple[dict[str, tuple[str, ...]], tuple[str, ...]]


@dataclass
class Sheet:
    name: str
    # rows[0] is Excel row 1 and rows[r][0] column A; empty cells are "".
    rows: Sequence[Sequence[object]]
    # 0-based (row, column) of numeric cells shown with a percent format.
    percent_cells: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    # 0-based (row, column) of cells showing a formula error, to its text ("#DIV/0!"); calamine reads them as "".
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Plain:
    """The fast pass's patterns for one prefix, row limit and set of percent styles."""

    cell: bytes
    foreign: tuple[re.Pattern, ...]
    other_r: re.Pattern
    row: re.Pattern
    other_cell: re.Pattern
    cell_ref: re.Pattern
    formula: re.Pattern
    formula_cell: re.Pattern
    no_value: re.Pattern
    error_cell: re.Pattern
    percent: re.Pattern | None
    every_percent: re.Pattern | None


@lru_cache(maxsize=16)
def _plain(prefix: bytes, max_rows: int, percent_styles: frozenset[int]) -> _Plain:
    p = re.escape(prefix)
    foreign: tuple[re.Pattern[bytes], ...]
    if prefix:
        # Another prefix, or none, on a tag calamine reads.
        foreign = (
            re.compile(rb":(?<!<%s)(?<!</%s)(?:row|c|f|v)[\s/>]" % (p, p)),
            re.compile(rb"<(?:row|c|f|v)[\s/>]"),
        )
    else:
        foreign = (re.compile(rb":(?:row|c|f|v)[\s/>]"),)
    # A cell starting `<c r="B7"` with one letter and fewer digits than the row
    # limit is within A-Z and within the limit, and is passed over in C. Every
    # other cell is looked at in Python: a far one to measure, an unusual one
    # that sends the sheet to the exact pass.
    digits = len(str(max_rows)) - 1
    near = rb"[A-Za-z][0-9]{1,%d}" % digits if digits else rb"(?!)"
    percent = every_percent = None
    if percent_styles:
        indices = b"|".join(str(index).encode() for index in sorted(percent_styles))
        percent = re.compile(rb'<%sc r="([A-Za-z]{1,3})([0-9]{1,7})" s="(?:%s)"' % (p, indices))
        # Writers put s right after r; when a percent s is elsewhere (or on a
        # row), the exact pass places it.
        every_percent = re.compile(rb's="(?<=\ss=")(?:%s)"' % indices)
    return _Plain(
        cell=b"<%sc " % prefix,
        foreign=foreign,
        other_r=re.compile(rb"r(?<=\sr)\s*=(?<!<%sc r=)(?<!<%srow r=)" % (p, p)),
        row=re.compile(rb"<%srow[\s/>]" % p),
        other_cell=re.compile(rb'<%sc(?=[\s/>])(?! r="%s"[\s/>])' % (p, near)),
        cell_ref=re.compile(rb'<%sc r="([A-Za-z]{1,3})([0-9]{1,7})"' % p),
        formula=re.compile(rb"<%sf[\s/>]" % p),
        formula_cell=re.compile(rb'<%(p)sc r="([A-Za-z]{1,3}[0-9]{1,7})"[^>]*(?<!/)>\s*<%(p)sf[\s/>]' % {b"p": p}),
        # A formula with no <v>, or an empty one; the empty one is a saved "" when the cell is t="str".
        no_value=re.compile(
            rb'<%(p)sc r="([A-Za-z]{1,3}[0-9]{1,7})"([^>]*)>\s*'
            rb"(?:<%(p)sf(?:\s[^>]*)?/>|<%(p)sf(?:\s[^>]*)?>[^<]*</%(p)sf>)\s*"
            rb"(<%(p)sv(?:\s[^>]*)?(?:/>|>\s*</%(p)sv>))?\s*</%(p)sc>" % {b"p": p}
        ),
        error_cell=re.compile(
            rb'<%(p)sc r="([A-Za-z]{1,3})([0-9]{1,7})"[^>]*?\st="e"[^>]*(?<!/)>(.*?)</%(p)sc>' % {b"p": p}, re.DOTALL
        ),
        percent=percent,
        every_percent=every_percent,
    )


@dataclass
class _Scan:
    """What one pass over a sheet's XML found, positions 0-based."""

    rows: int = 0
    last_row: int = -1
    last_column: int = -1
    percent: list[tuple[int, int]] = field(default_factory=list)
    no_value: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    # (first row, first column, last row, last column) of each merged range.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Worksheet:
    name: str
    visible: bool
    part: str


def read_sheet(path: str | os.PathLike, header: HeaderSpec | None = None, max_rows: int = MAX_ROWS) -> Sheet:
    """The visible worksheet that has ``header`` (aliases, required fields); without one, the first visible one.

    Every sheet calamine reads passes the safety scan first. When several
    visible sheets have the header the file is refused; when none has it, the
    only visible sheet is returned for the caller to refuse in its own words,
    and with several the refusal names the sheets tried.
    """
    _sniff(path)
    with _open_zip(path) as archive:
        parts = _check_directory(archive)
        for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if name in parts:
                _check_part(archive, parts[name])
        sheets, recalculate = _worksheets(archive, parts)
        candidates = [sheet for sheet in sheets if sheet.visible]
        if not candidates:
            raise EmptySheet("loaders.workbook.no_visible_sheets")
        if header is None:
            candidates = candidates[:1]
        # The sheets calamine will not open need no check; the candidates are scanned below.
        skipped = {sheet.part.lower() for sheet in sheets} | {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
        for info in archive.infolist():
            if _is_xml(info.filename) and _key(info) not in skipped:
                _check_part(archive, info)
        percent_styles = _percent_styles(archive, parts)
        scans = [_scan_sheet(archive, parts, sheet, percent_styles, max_rows) for sheet in candidates]
        for sheet, scan in zip(candidates, scans, strict=True):
            _check_errors(sheet.name, scan.errors)
        totals = [_totals_rows(archive, parts, sheet.part) for sheet in candidates]
    read = _calamine_rows(path, [sheet.name for sheet in candidates])
    index, found = _choose(candidates, read, header)
    name, rows, scan = candidates[index].name, read[index], scans[index]
    if scan.no_value:
        raise _formula_cells(name, scan.no_value, _WITHOUT_VALUE, MissingFormulaValue)
    if recalculate and scan.formulas:
        raise _formula_cells(name, scan.formulas, _NOT_CALCULATED, UncalculatedFormulas)
    if not rows:
        raise EmptySheet("loaders.workbook.empty_sheet", sheet=name)
    _blank_totals(rows, totals[index])
    _fill_merged(name, rows, scan.merged, found)
    errors = {position: text for position, text in scan.errors.items() if _within(rows, *position)}
    return Sheet(name, rows, _numeric(rows, scan.percent), errors)


def _check_errors(name: str, errors: dict[tuple[int, int], str]) -> None:
    """Refuse an error calamine cannot read (Excel 365's #SPILL!, #CALC! …) before it calls the whole sheet damaged."""
    for (row, column), text in errors.items():
        if text not in _CALAMINE_ERRORS:
            raise FormulaError(
                "loaders.workbook.formula_error", sheet=name, cell=cell_ref(row, column), error=text or "#"
            )


def _choose(
    candidates: list[_Worksheet], read: list[list[list[object]]], header: HeaderSpec | None
) -> tuple[int, Header | None]:
    """The index of the sheet to read and its header."""
    if header is None:
        return 0, None
    aliases, required = header
    headers = [
        find_header(rows, aliases, required, sheet=sheet.name) for sheet, rows in zip(candidates, read, strict=True)
    ]
    found = [(index, found) for index, found in enumerate(headers) if found is not None]
    if len(found) > 1:
        raise SeveralStatusSheets(
            "loaders.workbook.several_sheets",
            sheets=Deferred(_quoted_words, [candidates[index].name for index, _ in found]),
        )
    if found:
        return found[0]
    if len(candidates) > 1:
        raise HeaderNotFound(
            "loaders.workbook.no_header_in_sheets",
            columns=Deferred(quoted_list, [aliases[name][0] for name in required]),
            rows=HEADER_SEARCH_ROWS,
            sheets=Deferred(_quoted_words, [sheet.name for sheet in candidates]),
        )
    return 0, None


def _quoted_words(words: list[str], lang: str = "nb") -> str:
    """ "«a», «b» og «c»": sheet names, which may hold commas, quoted one by one."""
    return join_words([t("core.quoted", lang, word=word) for word in words], lang)


def _sniff(path: str | os.PathLike) -> None:
    with open(path, "rb") as file:
        head = file.read(4096)
    if head.startswith(_ZIP):
        return
    if head.startswith(_OLE2):
        entries = _ole2_entries(path, (_ENCRYPTION_INFO, *_LABEL_ENTRIES))
        if _ENCRYPTION_INFO in entries:
            raise PasswordProtected("loaders.workbook.password_protected")
        if entries:
            raise SensitivityLabel("loaders.workbook.sensitivity_label")
        raise OldExcelFormat("loaders.workbook.old_format")
    if not head:
        raise NotAWorkbook("loaders.workbook.empty_file")
    lowered = head.lower()
    if b"<html" in lowered or b"<table" in lowered or b"<!doctype html" in lowered:
        raise NotAWorkbook("loaders.workbook.not_a_workbook_html")
    if b"\0" in head:
        raise NotAWorkbook("loaders.workbook.not_a_workbook")
    raise NotAWorkbook("loaders.workbook.not_a_workbook_text")


def _ole2_entries(path: str | os.PathLike, names: tuple[bytes, ...]) -> set[bytes]:
    """Which of ``names`` (UTF-16LE, with the terminator) an OLE2 file's directory holds.

    Password-protected Excel files have an "EncryptionInfo" stream. Directory
    entries are 128-byte records at 128-byte offsets: the name in UTF-16LE,
    then at byte 64 its length in bytes with the terminator. Reading whole
    records at a time keeps every record within one chunk.
    """
    found = set()
    with open(path, "rb") as file:
        offset = 0
        while chunk := file.read(8192 * _OLE2_ENTRY):
            for name in names:
                length = len(name).to_bytes(2, "little")
                at = chunk.find(name)
                while at != -1:
                    if (offset + at) % _OLE2_ENTRY == 0 and chunk[at + 64 : at + 66] == length:
                        found.add(name)
                    at = chunk.find(name, at + 1)
            offset += len(chunk)
    return found


def _open_zip(path: str | os.PathLike) -> zipfile.ZipFile:
    entries = _declared_entries(path)
    if entries is not None and entries > MAX_ENTRIES:
        raise WorkbookTooLarge(
            "loaders.workbook.too_many_parts",
            entries=Deferred(number_text, entries),
            limit=Deferred(number_text, MAX_ENTRIES),
            resave=_RESAVE,
        )
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise DamagedWorkbook("loaders.workbook.damaged") from None


def _declared_entries(path: str | os.PathLike) -> int | None:
    """The entry count in the zip's end record, read before zipfile builds its
    directory: a million empty members would cost hundreds of MB there."""
    with open(path, "rb") as file:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - _END_RECORD_SEARCH))
        tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None  # zipfile will call it damaged
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    # 0xFFFF means the real count is in a ZIP64 record: far beyond any workbook.
    return MAX_ENTRIES + 1 if count == 0xFFFF else count


def check_office_archive(path: str | os.PathLike) -> None:
    """The zip-level checks for any Office file (.docx too): entry count, inflated
    sizes and ratios, and no DTD or entity in any XML part."""
    with _open_zip(path) as archive:
        _check_sizes(archive)
        for info in archive.infolist():
            if _is_xml(info.filename):
                _check_part(archive, info)


def _check_directory(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The zip's entries by name as Excel and calamine match it (_key), once the directory is found safe
    and an .xlsx workbook. Two entries of one such name are refused: our checks and calamine could read
    different ones."""
    _check_sizes(archive)
    parts: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        key = _key(info)
        if key in parts:
            raise DuplicateParts(
                "loaders.workbook.duplicate_parts", first=parts[key].filename, second=info.filename, resave=_RESAVE
            )
        parts[key] = info
    for info in archive.infolist():
        if posixpath.basename(_key(info)) == "vbaproject.bin":
            raise _macros()
    if "xl/workbook.xml" not in parts:
        if _is_open_document(archive, parts.get("mimetype")):
            raise OpenDocument("loaders.workbook.open_document")
        if "xl/workbook.bin" in parts:
            raise BinaryWorkbook("loaders.workbook.binary_workbook")
        raise DamagedWorkbook("loaders.workbook.no_workbook_part")
    return parts


def _is_open_document(archive: zipfile.ZipFile, mimetype: zipfile.ZipInfo | None) -> bool:
    """Whether the zip's "mimetype" entry names an OpenDocument file (.ods, LibreOffice)."""
    if mimetype is None or mimetype.file_size > 100:
        return False
    return b"".join(_chunks(archive, mimetype, _part(mimetype.filename))).startswith(_OPEN_DOCUMENT)


def _key(info: zipfile.ZipInfo) -> str:
    """An entry's name as Excel and calamine match it: "\\" read as "/", case ignored."""
    return info.filename.replace("\\", "/").lower()


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse on what the zip directory declares, before inflating anything.

    zipfile stops at each member's declared size and checks its CRC, and the
    zip crate inside calamine refuses a member larger than declared, so the
    declared sizes bound everything read later.
    """
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if total > MAX_UNPACKED:
        raise WorkbookTooLarge("loaders.workbook.too_large", size=_megabytes(total), limit=_megabytes(MAX_UNPACKED))
    for info in members:
        if info.file_size >= RATIO_CHECKED_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookTooLarge(
                "loaders.workbook.zip_bomb",
                part=info.filename,
                size=_megabytes(info.file_size),
                ratio=Deferred(number_text, info.file_size // max(info.compress_size, 1)),
                resave=_RESAVE,
            )
        if info.flag_bits & 0x1:
            raise DamagedWorkbook("loaders.workbook.encrypted_part", part=info.filename, resave=_RESAVE)


def _macros() -> MacroWorkbook:
    return MacroWorkbook("loaders.workbook.macros")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse DTDs in a part calamine or we parse; in passing, macros and the shared-string count."""
    where = _part(info.filename)
    is_content_types = _key(info) == "[content_types].xml"
    is_shared_strings = posixpath.basename(_key(info)) == "sharedstrings.xml"
    unique_count = None
    strings = 0
    for buffer in _buffers(archive, info, where):
        if _DTD.search(buffer):
            raise _unsafe(where)
        if is_content_types and _MACRO_CONTENT_TYPE.search(buffer):
            raise _macros()
        if is_shared_strings:
            if unique_count is None and (match := _UNIQUE_COUNT.search(buffer)):
                unique_count = int(match[1])
            strings += len(_SHARED_STRING.findall(buffer))
    # calamine reserves room for uniqueCount strings up front: a false count of
    # a billion aborts the process. A count a little high is a writer's slip
    # that Excel and calamine take in their stride.
    if unique_count is not None and unique_count > strings + _SPARE_STRINGS:
        raise DamagedWorkbook(
            "loaders.workbook.shared_strings",
            where=where,
            declared=Deferred(number_text, unique_count),
            found=Deferred(number_text, strings),
            resave=_RESAVE,
        )


def _part(name: str) -> Text:
    """ "delen «xl/styles.xml»", where in a file a problem is."""
    return Text("loaders.workbook.part", part=name)


def _unsafe(where: Text) -> UnsafeXml:
    return UnsafeXml("loaders.workbook.unsafe", where=where, resave=_RESAVE)


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Text) -> Iterator[bytes]:
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        raise DamagedWorkbook("loaders.workbook.cannot_unpack", where=where, resave=_RESAVE) from None


def _buffers(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Text) -> Iterator[bytes]:
    """The part in pieces that never split a tag, so a regex sees every tag whole."""
    carry = b""
    for chunk in _chunks(archive, info, where):
        buffer = carry + chunk
        cut = buffer.rfind(b"<")
        if cut > buffer.rfind(b">"):
            if len(buffer) - cut > MAX_TAG:
                raise IrregularXml("loaders.workbook.huge_tag", where=where, size=_megabytes(MAX_TAG), resave=_RESAVE)
            if cut:
                yield buffer[:cut]
            carry = buffer[cut:]
        else:
            yield buffer
            carry = b""
    if carry:
        yield carry


def _whole_cells(buffers: Iterator[bytes], cell: bytes) -> Iterator[bytes]:
    """The pieces re-cut before their last cell, so a formula and its value are seen together."""
    pending = b""
    for buffer in buffers:
        data = pending + buffer
        cut = data.rfind(cell)
        if cut > 0:
            data, pending = data[:cut], data[cut:]
        else:
            pending = b""
        yield data
    if pending:
        yield pending


def _worksheets(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> tuple[list[_Worksheet], bool]:
    """Each worksheet in workbook order (chart sheets left out), and whether the
    workbook asks to be recalculated when opened (``fullCalcOnLoad``)."""
    targets: dict[str, str] = {}
    for _, element in _parse(archive, parts, "xl/_rels/workbook.xml.rels"):
        if _local(element) == "Relationship" and element.get("Type", "").endswith("/worksheet"):
            targets[element.get("Id", "")] = _sheet_path(element.get("Target", ""))
    sheets = []
    names: set[str] = set()
    recalculate = False
    for _, element in _parse(archive, parts, "xl/workbook.xml"):
        local = _local(element)
        if local == "sheet":
            # r:id, under whichever prefix and namespace (strict OOXML has its own).
            relationship = next((value for key, value in element.items() if key.endswith("}id")), "")
            if relationship in targets:
                visible = element.get("state", "visible") not in ("hidden", "veryHidden")
                name = element.get("name", "")
                # calamine finds a sheet by name, so with two of one name it could read one we did not check.
                if name.casefold() in names:
                    raise DamagedWorkbook("loaders.workbook.duplicate_sheets", sheet=name, resave=_RESAVE)
                names.add(name.casefold())
                sheets.append(_Worksheet(name, visible, targets[relationship]))
        elif local == "calcPr":
            # Writers that never calculate (xlsxwriter, exceljs, OpenXLSX …) set it with dummy results;
            # Excel clears it once it has calculated, so a file Excel saved never has it.
            recalculate = element.get("fullCalcOnLoad", "").strip() in ("1", "true")
    return sheets, recalculate


def _part_path(folder: str, target: str) -> str:
    """The zip entry a relationship from ``folder`` points to."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(folder, target))


def _sheet_path(target: str) -> str:
    """The zip entry of a worksheet, refused when written with "..", "." or "\\": calamine does not
    resolve such a target as we would, and could then read an entry we never checked."""
    path = target[1:] if target.startswith("/") else posixpath.join("xl", target)
    if "\\" in path or posixpath.normpath(path) != path:
        raise DamagedWorkbook("loaders.workbook.odd_target", target=target, resave=_RESAVE)
    return path


def _parse(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, Element]]:
    """(event, element) over a part, each element emptied after its end so memory stays flat."""
    info = parts.get(name.lower())
    if info is None:
        return
    where = _part(info.filename)
    try:
        with archive.open(info) as stream:
            for event, element in iterparse(stream, events=events, forbid_dtd=True):
                yield event, element
                if event == "end":
                    element.clear()
    except DefusedXmlException:
        raise _unsafe(where) from None
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise DamagedWorkbook("loaders.workbook.unreadable_part", where=where, resave=_RESAVE) from None


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _percent_styles(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> frozenset[int]:
    """Indices into cellXfs (a cell's `s`) whose number format shows a percent."""
    formats = dict(_BUILTIN_PERCENT_FORMATS)
    styles: list[int] = []
    in_cell_xfs = False
    for event, element in _parse(archive, parts, "xl/styles.xml", ("start", "end")):
        local = _local(element)
        if local == "cellXfs":
            in_cell_xfs = event == "start"
        elif event == "end" and local == "numFmt":
            formats[_int(element.get("numFmtId"))] = element.get("formatCode", "")
        elif event == "end" and local == "xf" and in_cell_xfs:
            styles.append(_int(element.get("numFmtId")))
    return frozenset(index for index, format_id in enumerate(styles) if _is_percent_format(formats.get(format_id, "")))


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _is_percent_format(code: str) -> bool:
    return "%" in _FORMAT_LITERALS.sub("", code)


def _scan_sheet(
    archive: zipfile.ZipFile,
    parts: dict[str, zipfile.ZipInfo],
    sheet: _Worksheet,
    percent_styles: frozenset[int],
    max_rows: int,
) -> _Scan:
    name = sheet.name
    info = parts.get(sheet.part.lower())
    if info is None:
        raise DamagedWorkbook("loaders.workbook.missing_sheet_part", sheet=name, part=sheet.part, resave=_RESAVE)
    where = Text("loaders.workbook.sheet", sheet=name)
    scan = _scan_plain(archive, info, where, percent_styles, max_rows)
    if scan is None:
        scan = _scan_tags(archive, info, where, percent_styles, max_rows)
    height, width = scan.last_row + 1, scan.last_column + 1
    if height * width > MAX_CELLS:
        raise TooManyCells(
            "loaders.workbook.too_many_cells",
            sheet=name,
            column=column_letter(scan.last_column),
            rows=Deferred(number_text, height),
            cells=Deferred(number_text, height * width),
            limit=Deferred(number_text, MAX_CELLS),
        )
    return scan


def _scan_plain(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Text, percent_styles: frozenset[int], max_rows: int
) -> _Scan | None:
    """The fast pass, for sheets in the usual form; None as soon as the sheet is not."""
    scan = _Scan()
    buffers = _buffers(archive, info, where)
    first = next(buffers, b"")
    root = _ROOT.search(first)
    plain = _plain(root[1] + b":" if root and root[1] else b"", max_rows, percent_styles)
    for data in _whole_cells(chain([first], buffers), plain.cell):
        if _DTD.search(data):
            raise _unsafe(where)
        if plain.other_r.search(data) or any(foreign.search(data) for foreign in plain.foreign):
            return None
        scan.rows += len(plain.row.findall(data))
        if scan.rows > max_rows:
            raise _too_many_rows(where, max_rows)
        for match in plain.other_cell.finditer(data):
            ref = _PLAIN_REF.match(data, match.end())
            if ref is None:
                return None
            _extend(scan, int(ref[2]) - 1, _column(ref[1]), where, max_rows)
        if plain.percent and plain.every_percent:
            found = plain.percent.findall(data)
            if len(found) != len(plain.every_percent.findall(data)):
                return None
            scan.percent += [(int(row) - 1, _column(letters)) for letters, row in found]
        if plain.formula.search(data):
            formulas = plain.formula_cell.findall(data)
            if len(formulas) != len(plain.formula.findall(data)):
                return None
            scan.formulas += [ref.decode().upper() for ref in formulas]
            scan.no_value += [
                ref.decode().upper()
                for ref, attributes, value in plain.no_value.findall(data)
                if not (value and _is_text(attributes))
            ]
        if b'"e"' in data or b"'e'" in data:
            errors = plain.error_cell.findall(data)
            if len(errors) != len(_ERROR_TYPE.findall(data)):
                return None
            for letters, row, inside in errors:
                scan.errors[(int(row) - 1, _column(letters))] = _error_text(_ERROR_VALUE.search(inside))
        if b"mergeCell" in data:
            _merged(scan, data)
    # Without a two-letter ref every column is within A-Z, and every row is
    # within the limit, so the grid is small enough. Only when that bound is
    # too loose do we read the sheet again for the farthest row.
    if max(scan.last_column + 1, 26) * max_rows > MAX_CELLS:
        for buffer in _buffers(archive, info, where):
            for letters, row in plain.cell_ref.findall(buffer):
                _extend(scan, int(row) - 1, _column(letters), where, max_rows)
    return scan


def _scan_tags(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Text, percent_styles: frozenset[int], max_rows: int
) -> _Scan:
    """The exact pass: walks every row, c, f and v tag and places cells as calamine does.

    A cell without `r` goes right of the previous one; a row without `r` below
    the previous row. Slower than the fast pass, but only unusual writers need it.
    """
    scan = _Scan()
    row = -1
    column = 0
    cell: tuple[int, int] | None = None
    kind: bytes | None = None
    has_formula = has_value = has_v = False
    value_from: int | None = None
    value = bytearray()
    for data in _buffers(archive, info, where):
        if _DTD.search(data):
            raise _unsafe(where)
        if b"mergeCell" in data:
            _merged(scan, data)
        for match in _TAG.finditer(data):
            closing, name, attributes, empty = match.groups()
            if name is None:
                raise _irregular(where)
            if closing:
                if name == b"c" and cell is not None:
                    _end_cell(scan, cell, kind, value, has_formula, has_value or (has_v and kind == b"str"))
                    cell = None
                elif name == b"v" and value_from is not None:
                    has_value = _value_piece(data[value_from : match.start()], has_value, value)
                    value_from = None
                continue
            if name == b"row":
                ref = _attribute(attributes, b"r", where)
                row = _row_number(ref, where) - 1 if ref is not None else row + 1
                column = 0
                scan.rows += 1
                if scan.rows > max_rows:
                    raise _too_many_rows(where, max_rows)
            elif name == b"c":
                ref = _attribute(attributes, b"r", where)
                position = _position(ref, where) if ref is not None else (max(row, 0), column)
                column = position[1] + 1
                _extend(scan, *position, where, max_rows)
                style = _attribute(attributes, b"s", where)
                if style is not None and style.strip().isdigit() and int(style) in percent_styles:
                    scan.percent.append(position)
                cell = None if empty else position
                kind = _attribute(attributes, b"t", where)
                has_formula = has_value = has_v = False
                value = bytearray()
            elif name == b"f" and cell is not None:
                has_formula = True
            elif name == b"v":
                has_v = True
                if not empty:
                    value_from = match.end()
        if value_from is not None:
            # The <v> goes on in the next piece; its text so far stays here.
            has_value = _value_piece(data[value_from:], has_value, value)
            value_from = 0
    return scan


def _value_piece(piece: bytes, has_value: bool, value: bytearray) -> bool:
    """Whether the cell has a value, with this piece of its <v>; the start of the text is kept in ``value``."""
    if len(value) < _ERROR_LENGTH:
        value += piece[: _ERROR_LENGTH - len(value)]
    return has_value or bool(piece.strip())


def _end_cell(
    scan: _Scan, cell: tuple[int, int], kind: bytes | None, value: bytearray, has_formula: bool, has_value: bool
) -> None:
    if has_formula:
        scan.formulas.append(cell_ref(*cell))
        if not has_value:
            scan.no_value.append(cell_ref(*cell))
    if kind is not None and kind.strip() == b"e":
        scan.errors[cell] = _error_text_of(value)


def _is_text(attributes: bytes) -> bool:
    """Whether a cell's attributes say t="str", a formula's text result."""
    return any(key == b"t" and (first or second) == b"str" for key, first, second in _ATTRIBUTE.findall(attributes))


def _error_text(match: re.Match[bytes] | None) -> str:
    return _error_text_of(match[1] if match else b"")


def _error_text_of(value: bytes | bytearray) -> str:
    # Excel's errors are short codes such as #DIV/0!; a long text is cut so the message stays one line.
    return value[:_ERROR_LENGTH].decode("utf-8", "replace").strip()


def _merged(scan: _Scan, data: bytes) -> None:
    for first_letters, first_row, last_letters, last_row in _MERGE.findall(data):
        if last_letters:
            rows = sorted((int(first_row) - 1, int(last_row) - 1))
            columns = sorted((_column(first_letters), _column(last_letters)))
            scan.merged.append((rows[0], columns[0], rows[1], columns[1]))


def _attribute(attributes: bytes, wanted: bytes, where: Text) -> bytes | None:
    # calamine reads the unprefixed name only; x:r is another attribute to it.
    values = [first or second for key, first, second in _ATTRIBUTE.findall(attributes) if key == wanted]
    if len(values) > 1:
        # calamine takes one of them; we cannot tell it which we checked.
        raise _irregular(where)
    return values[0] if values else None


def _row_number(text: bytes, where: Text) -> int:
    if not _NUMBER.fullmatch(text):
        raise _irregular(where)
    return int(text)


def _position(ref: bytes, where: Text) -> tuple[int, int]:
    match = _REF.fullmatch(ref)
    if not match:
        raise _irregular(where)
    return int(match[2]) - 1, _column(match[1])


@lru_cache(maxsize=4096)
def _column(letters: bytes) -> int:
    """0-based column of b"A", b"ab"; cached, as a sheet uses few."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


def _extend(scan: _Scan, row: int, column: int, where: Text, max_rows: int) -> None:
    if row >= max_rows:
        raise TooManyRows(
            "loaders.workbook.row_beyond_limit",
            where=Deferred(capitalised, where),
            row=Deferred(number_text, row + 1),
            cell=cell_ref(row, column),
            limit=Deferred(number_text, max_rows),
        )
    scan.last_row = max(scan.last_row, row)
    scan.last_column = max(scan.last_column, column)


def _too_many_rows(where: Text, max_rows: int) -> TooManyRows:
    return TooManyRows(
        "loaders.workbook.too_many_rows", where=Deferred(capitalised, where), limit=Deferred(number_text, max_rows)
    )


def _irregular(where: Text) -> IrregularXml:
    return IrregularXml("loaders.workbook.irregular", where=where, resave=_RESAVE)


_WITHOUT_VALUE = (
    "loaders.workbook.formula_without_value",
    "loaders.workbook.formulas_without_value",
    "loaders.workbook.formulas_without_value_more",
)
_NOT_CALCULATED = (
    "loaders.workbook.formula_not_calculated",
    "loaders.workbook.formulas_not_calculated",
    "loaders.workbook.formulas_not_calculated_more",
)


def _formula_cells(
    name: str, refs: list[str], keys: tuple[str, str, str], error: type[MissingFormulaValue]
) -> MissingFormulaValue:
    one, several, more = keys
    shown = 5
    if len(refs) == 1:
        return error(one, sheet=name, cell=refs[0], resave=_RESAVE)
    if len(refs) <= shown:
        return error(several, sheet=name, cells=Deferred(join_words, refs), resave=_RESAVE)
    return error(more, sheet=name, cells=", ".join(refs[:shown]), more=len(refs) - shown, resave=_RESAVE)


def _calamine_rows(path: str | os.PathLike, names: list[str]) -> list[list[list[object]]]:
    name = names[0]
    try:
        with python_calamine.CalamineWorkbook.from_path(os.fspath(path)) as workbook:
            read: list[Any] = []
            for name in names:
                read.append(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            return read
    except (python_calamine.CalamineError, ValueError, OverflowError):
        raise DamagedWorkbook("loaders.workbook.unreadable_sheet", sheet=name, resave=_RESAVE) from None


def _totals_rows(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], sheet_part: str
) -> list[tuple[int, int, int]]:
    """(row, first column, last column) of each totals row of the Excel tables on a sheet."""
    folder, file_name = posixpath.split(sheet_part)
    tables = [
        _part_path(folder, element.get("Target", ""))
        for _, element in _parse(archive, parts, posixpath.join(folder, "_rels", file_name + ".rels"))
        if _local(element) == "Relationship" and element.get("Type", "").endswith("/table")
    ]
    totals = []
    for table in tables:
        for _, element in _parse(archive, parts, table, ("start",)):
            # The table element is the root; its children say nothing about where the totals are.
            count = _int(element.get("totalsRowCount"))
            match = _RANGE.fullmatch(element.get("ref", ""))
            if count and match:
                first, last = _column(match[1].encode()), _column(match[3].encode())
                totals.append((int(match[4]) - 1, first, last))
            break
    return totals


def _blank_totals(rows: list[list[object]], totals: list[tuple[int, int, int]]) -> None:
    """A table's totals row ("Sum", an average) is no data, so it reads as blank."""
    for row, first, last in totals:
        if row < len(rows):
            for column in range(first, min(last + 1, len(rows[row]))):
                rows[row][column] = ""


def _fill_merged(
    name: str, rows: list[list[object]], merged: list[tuple[int, int, int, int]], header: Header | None
) -> None:
    """Give every cell of a merged range below the header the value people see in it, the top-left one.

    A range across two columns that are read would give one value to two
    fields, so it is refused. Without a header only ranges down one column are
    filled; at or above the header nothing is (a merged title, a header cell
    over two columns), and neither are rows with no value of their own.
    """
    used = set(header.columns.values()) if header else set()
    filled = 0
    # Rows with a value of their own: a merge reaching down into empty rows below the data leaves them empty.
    own: set[int] | None = None
    for first_row, first_column, last_row, last_column in merged:
        if header is None and first_column != last_column:
            continue
        if header is not None and first_row <= header.row:
            continue
        across = sorted(used & set(range(first_column, last_column + 1)))
        if header is not None and len(across) > 1:
            raise MergedAcrossColumns(
                "loaders.workbook.merged_across_columns",
                sheet=name,
                range=f"{cell_ref(first_row, first_column)}:{cell_ref(last_row, last_column)}",
                columns=Deferred(join_words, [_heading(rows, header.row, column) for column in across]),
            )
        if not _within(rows, first_row, first_column):
            continue
        value = rows[first_row][first_column]
        if own is None:
            own = {index for index, line in enumerate(rows) if any(cell != "" for cell in line)}
        for row in range(first_row, min(last_row + 1, len(rows))):
            if row not in own:
                continue
            line = rows[row]
            for column in range(first_column, min(last_column + 1, len(line))):
                line[column] = value
                filled += 1
                if filled > MAX_CELLS:
                    raise TooManyCells(
                        "loaders.workbook.too_many_merged", sheet=name, limit=Deferred(number_text, MAX_CELLS)
                    )


def _heading(rows: list[list[object]], row: int, column: int) -> str:
    return str(rows[row][column]).strip() or column_letter(column)


def _within(rows: Sequence[Sequence[object]], row: int, column: int) -> bool:
    return row < len(rows) and column < len(rows[row])


def _numeric(rows: Sequence[Sequence[object]], cells: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The cells that hold a number; a percent style on text or a blank is no percent."""
    numeric = []
    for row, column in cells:
        try:
            kind = type(rows[row][column])
        except IndexError:
            continue
        if kind is float or kind is int:
            numeric.append((row, column))
    return frozenset(numeric)


def _megabytes(size: int) -> Deferred:
    return Deferred(number_text, size / 2**20)
