"""The .xlsx reader: every workbook, friendly or hostile, is built here in tmp_path."""

from __future__ import annotations

import datetime as dt
import re
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from msoffcrypto.format.ooxml import OOXMLFile

from loaders import workbook
from loaders.errors import (
    DamagedWorkbook,
    EmptySheet,
    IrregularXml,
    MacroWorkbook,
    MissingFormulaValue,
    NotAWorkbook,
    OldExcelFormat,
    PasswordProtected,
    TooManyCells,
    TooManyRows,
    UnsafeXml,
    WorkbookError,
    WorkbookTooLarge,
)
from loaders.workbook import read_sheet

REPO = Path(__file__).resolve().parent.parent
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"
RESAVE = "Åpne filen i Excel, lagre den og last opp på nytt."
# Styles for hand-made workbooks: s="1" is 0%, s="2" a custom 0.0%, s="3" a date.
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>'
    "</styleSheet>"
)
# A sheet with what the scan looks for: a title row above the header, percent
# cells (one of them text), a date, formulas with saved values.
PLAIN_SHEET = (
    "<sheetData>"
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Statusrapport</t></is></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Region</t></is></c><c r="B3" t="inlineStr"><is><t>Andel</t></is></c>'
    '<c r="C3" t="inlineStr"><is><t>Frist</t></is></c><c r="D3" t="inlineStr"><is><t>Sum</t></is></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>Agder</t></is></c><c r="B4" s="1"><v>0.45</v></c>'
    '<c r="C4" s="3"><v>45292</v></c><c r="D4"><f>1+1</f><v>2</v></c></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>Viken</t></is></c><c r="B5" s="2" t="n"><v>0.5</v></c>'
    '<c r="C5" s="1" t="inlineStr"><is><t>ikke et tall</t></is></c><c r="D5"><f>2+2</f><v>4</v></c></row>'
    "</sheetData>"
)
PLAIN_ROWS = [
    ["Statusrapport", "", "", ""],
    ["", "", "", ""],
    ["Region", "Andel", "Frist", "Sum"],
    ["Agder", 0.45, dt.date(2024, 1, 1), 2.0],
    ["Viken", 0.5, "ikke et tall", 4.0],
]
PLAIN_PERCENT = frozenset({(3, 1), (4, 1)})
NBSP = "\u202f"  # between thousands, as core.vocabulary.format_number writes them


def xlsx(
    path: Path,
    sheet: str | bytes | list[bytes],
    *,
    styles: str | None = STYLES,
    strings: str | None = None,
    sheets: str = '<sheet name="Status" sheetId="1" r:id="rId1"/>',
    extra: dict[str, bytes | str] | None = None,
) -> Path:
    """A minimal workbook; ``sheet`` is the inside of <worksheet>, or its whole XML in pieces to stream."""
    relationships = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if styles is not None:
        relationships += f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    if strings is not None:
        relationships += f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE_REL}">{relationships}</Relationships>',
    }
    if styles is not None:
        parts["xl/styles.xml"] = styles
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open(SHEET, "w", force_zip64=True) as stream:
            if isinstance(sheet, list):
                for piece in sheet:
                    stream.write(piece)
            else:
                body = sheet.encode() if isinstance(sheet, str) else sheet
                stream.write(f'<worksheet xmlns="{MAIN}">'.encode() + body + b"</worksheet>")
    return path


def prefixed(inside: str) -> bytes:
    """The same sheet as the .NET Open XML SDK writes it: every element as x:name."""
    xml = f'<worksheet xmlns="{MAIN}">{inside}</worksheet>'
    xml = re.sub(r"<(/?)(\w+)", r"<\1x:\2", xml).replace("<x:worksheet xmlns=", "<x:worksheet xmlns:x=")
    return xml.encode()


FORMS = ["plain", "prefixed", "mixed"]


def written(form: str, inside: str) -> str | list[bytes]:
    """A sheet as Excel writes it, as the Open XML SDK does, or with two prefixes (only the exact pass reads that)."""
    if form == "plain":
        return inside
    xml = prefixed(inside)
    if form == "mixed":
        xml = xml.replace(b"<x:row", b"<y:row").replace(b"</x:row>", b"</y:row>")
        xml = xml.replace(b"xmlns:x=", f'xmlns:y="{MAIN}" xmlns:x='.encode())
    return [xml]


def rewrite(path: Path, changes: dict[str, object], drop: tuple[str, ...] = ()) -> Path:
    """Replace, add (value bytes/str) or transform (value callable on bytes) members of a workbook."""
    source = zipfile.ZipFile(path)
    members = {info.filename: source.read(info) for info in source.infolist()}
    source.close()
    for name, change in changes.items():
        members[name] = change(members[name]) if callable(change) else change
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name not in drop:
                archive.writestr(name, data)
    return path


def openpyxl_book(path: Path, fill=None, title: str = "Status") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    if fill:
        fill(book, sheet)
    book.save(path)
    return path


def refused(error_class: type[WorkbookError], path: Path, **kwargs) -> str:
    """The message of the refusal, checked to be one plain line with nothing from a library in it."""
    with pytest.raises(error_class) as caught:
        read_sheet(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert not re.search(r"Traceback|Error|error|zipfile|zlib|calamine|File is|CRC|Bad", message)
    assert caught.value.__cause__ is None
    return message


# --- Reading what people upload -------------------------------------------------------------


def test_openpyxl_workbook_keeps_title_rows_dates_and_percent_formats(tmp_path):
    def fill(book, sheet):
        sheet["A1"] = "Statusrapport 2024"
        sheet.append([])
        sheet.append(["Region", "Andel", "Frist", "Vekst", "Tekst", "Antall", "Sitert", "Escapet"])
        sheet.append(["Agder", 0.45, dt.date(2024, 3, 31), 0.125, "12 %", 7, 3, 4])
        sheet["B4"].number_format = "0%"
        sheet["C4"].number_format = "dd.mm.yyyy"
        sheet["D4"].number_format = "0.0 %"
        sheet["E4"].number_format = "0%"
        sheet["G4"].number_format = '0" %"'
        sheet["H4"].number_format = "0\\%"

    sheet = read_sheet(openpyxl_book(tmp_path / "status.xlsx", fill))

    assert sheet.name == "Status"
    assert sheet.rows[0][0] == "Statusrapport 2024"
    assert sheet.rows[1] == [""] * 8
    assert sheet.rows[2][:3] == ["Region", "Andel", "Frist"]
    assert sheet.rows[3][:4] == ["Agder", 0.45, dt.date(2024, 3, 31), 0.125]
    # Text in a percent style, a literal "%" in quotes and an escaped one are no percent.
    assert sheet.percent_cells == frozenset({(3, 1), (3, 3)})


def test_xlsxwriter_workbook_with_shared_strings(tmp_path):
    path = tmp_path / "status.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Status")
    sheet.write_row(0, 0, ["Region", "Andel"])
    sheet.write_row(1, 0, ["Agder", 0.3])
    sheet.write_number(2, 1, 0.7, book.add_format({"num_format": "0%"}))
    book.close()

    sheet = read_sheet(path)

    assert sheet.rows == [["Region", "Andel"], ["Agder", 0.3], ["", 0.7]]
    assert sheet.percent_cells == frozenset({(2, 1)})


def test_hidden_first_sheet_is_skipped(tmp_path):
    def fill(book, sheet):
        sheet["A1"] = "hemmelig"
        sheet.sheet_state = "hidden"
        book.create_sheet("Data")["A1"] = "synlig"

    sheet = read_sheet(openpyxl_book(tmp_path / "book.xlsx", fill, title="Skjult"))

    assert (sheet.name, sheet.rows) == ("Data", [["synlig"]])


@pytest.mark.parametrize("form", FORMS)
def test_every_form_reads_the_same_and_only_mixed_prefixes_need_the_exact_pass(tmp_path, monkeypatch, form):
    exact_passes = []
    scan_tags = workbook._scan_tags
    monkeypatch.setattr(workbook, "_scan_tags", lambda *args: exact_passes.append(1) or scan_tags(*args))

    sheet = read_sheet(xlsx(tmp_path / "status.xlsx", written(form, PLAIN_SHEET)))

    assert (sheet.rows, sheet.percent_cells) == (PLAIN_ROWS, PLAIN_PERCENT)
    assert len(exact_passes) == (form == "mixed")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("chunk", [5, 64, 1000])
def test_chunk_boundaries_change_nothing(tmp_path, monkeypatch, form, chunk):
    monkeypatch.setattr(workbook, "CHUNK", chunk)

    sheet = read_sheet(xlsx(tmp_path / "status.xlsx", written(form, PLAIN_SHEET)))

    assert (sheet.rows, sheet.percent_cells) == (PLAIN_ROWS, PLAIN_PERCENT)


# --- Sheets in unusual forms go through the exact pass ---------------------------------------


def test_cells_without_r_are_placed_as_calamine_places_them(tmp_path):
    inside = (
        '<sheetData><row><c t="inlineStr"><is><t>Region</t></is></c><c t="inlineStr"><is><t>Andel</t></is></c></row>'
        '<row r="3"><c t="inlineStr"><is><t>Agder</t></is></c><c s="1"><v>0.2</v></c></row>'
        '<row><c r="C4" s="2"><v>0.3</v></c><c s="1"><v>0.4</v></c></row></sheetData>'
    )
    sheet = read_sheet(xlsx(tmp_path / "book.xlsx", inside))

    assert sheet.rows == [
        ["Region", "Andel", "", ""],
        ["", "", "", ""],
        ["Agder", 0.2, "", ""],
        ["", "", 0.3, 0.4],
    ]
    assert sheet.percent_cells == frozenset({(2, 1), (3, 2), (3, 3)})


def test_percent_style_not_right_after_r_is_still_found(tmp_path):
    cells = '<c r="A1" t="n" s="1"><v>0.5</v></c><c r="B1" s="1"><v>0.2</v></c>'
    inside = f'<sheetData><row r="1">{cells}</row></sheetData>'

    assert read_sheet(xlsx(tmp_path / "book.xlsx", inside)).percent_cells == frozenset({(0, 0), (0, 1)})


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="A1" r="B1"><v>1</v></c>',  # calamine takes the last r
        '<c foo="a<b" r="B1"><v>1</v></c>',  # calamine reads past the <
        "<c r=B1><v>1</v></c>",
    ],
)
def test_cell_tag_we_cannot_vouch_for_is_refused(tmp_path, cell):
    path = xlsx(tmp_path / "book.xlsx", f'<sheetData><row r="1">{cell}</row></sheetData>')

    message = refused(IrregularXml, path)

    assert message == (
        f"Filen er avvist: arket «Status» har celler skrevet på en uvanlig måte som vi ikke kan kontrollere. {RESAVE}"
    )


# --- Not a workbook, old, locked, damaged ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        (b"Region;Andel\nAgder;45\n", " Den ser ut som en CSV-/tekstfil."),
        (b"\xef\xbb\xbfRegion,Andel\r\n", " Den ser ut som en CSV-/tekstfil."),
        (b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>", " Den ser ut som en nettside (HTML)."),
        (b'<table border="1"><tr><td>Excel-eksport</td></tr></table>', " Den ser ut som en nettside (HTML)."),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", ""),
    ],
)
def test_other_files_renamed_xlsx_are_not_workbooks(tmp_path, content, looks_like):
    path = tmp_path / "status.xlsx"
    path.write_bytes(content)

    assert refused(NotAWorkbook, path) == (
        f"Filen er ikke en Excel-arbeidsbok (.xlsx).{looks_like} "
        "Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og last opp på nytt."
    )


def test_empty_file_is_not_a_workbook(tmp_path):
    path = tmp_path / "status.xlsx"
    path.write_bytes(b"")

    assert refused(NotAWorkbook, path) == "Filen er tom. Last opp Excel-arbeidsboka (.xlsx) på nytt."


def ole2(*names: str, misalign: int = 0) -> bytes:
    """An OLE2 compound file: its header, then one directory sector with an entry per name."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(512, b"\0")
    entries = b""
    for name in ("Root Entry", *names):
        encoded = (name + "\0").encode("utf-16-le")
        entries += encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded)).ljust(64, b"\0")
    return header + b"\0" * misalign + entries.ljust(512, b"\0")


def test_real_password_protected_workbook(tmp_path):
    plain = openpyxl_book(tmp_path / "plain.xlsx", lambda book, sheet: sheet.append(["hemmelig"]))
    path = tmp_path / "status.xlsx"
    with open(plain, "rb") as source, open(path, "wb") as target:
        OOXMLFile(source).encrypt("hemmelig", target)

    assert refused(PasswordProtected, path) == (
        "Filen er passordbeskyttet. Fjern passordet i Excel (Fil > Info > Beskytt arbeidsbok) og last opp på nytt."
    )


def test_old_xls_format(tmp_path):
    path = tmp_path / "status.xlsx"
    path.write_bytes(ole2("Workbook", "\x05SummaryInformation"))

    assert refused(OldExcelFormat, path) == (
        "Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel, lagre som .xlsx og last opp på nytt."
    )


def test_encryption_info_outside_a_directory_entry_is_just_old_excel(tmp_path):
    path = tmp_path / "status.xls"
    path.write_bytes(ole2("Workbook", "EncryptionInfo", misalign=2))

    refused(OldExcelFormat, path)


def test_truncated_workbook_is_damaged(tmp_path):
    path = openpyxl_book(tmp_path / "status.xlsx", lambda book, sheet: sheet.append(["Agder", 1]))
    path.write_bytes(path.read_bytes()[:-200])

    assert refused(DamagedWorkbook, path) == (
        "Filen er skadet eller ufullstendig og kan ikke åpnes som Excel-arbeidsbok. "
        "Lagre den på nytt fra Excel og last opp igjen."
    )


def patch_directory(path: Path, name: str, field_offset: int, value: int, layout: str = "<I") -> None:
    """Overwrite a field of a member's entry in the central directory, which zipfile and calamine go by."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name.encode():
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        at += 46 + name_length + extra_length + comment_length
    struct.pack_into(layout, data, at + field_offset, value)
    path.write_bytes(bytes(data))


def test_bad_crc_is_damaged(tmp_path):
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET)
    patch_directory(path, SHEET, 16, 0xDEADBEEF)

    assert refused(DamagedWorkbook, path) == f"Filen er skadet: arket «Status» kan ikke pakkes ut. {RESAVE}"


def test_missing_workbook_part_is_damaged(tmp_path):
    path = rewrite(xlsx(tmp_path / "status.xlsx", PLAIN_SHEET), {}, drop=("xl/workbook.xml",))

    assert refused(DamagedWorkbook, path) == (
        "Filen er skadet eller ikke en Excel-arbeidsbok: den mangler selve arbeidsboka (xl/workbook.xml). "
        "Åpne den i Excel, lagre som .xlsx og last opp på nytt."
    )


def test_malformed_workbook_part_is_damaged(tmp_path):
    path = rewrite(xlsx(tmp_path / "status.xlsx", PLAIN_SHEET), {"xl/workbook.xml": b"<workbook><sheets>"})

    assert refused(DamagedWorkbook, path) == f"Filen er skadet: delen «xl/workbook.xml» kan ikke leses. {RESAVE}"


MACROS = (
    "Filen inneholder makroer (VBA). Lagre den i Excel som vanlig Excel-arbeidsbok (.xlsx) uten makroer, "
    "og last opp på nytt."
)


def test_vba_project_is_refused(tmp_path):
    path = rewrite(xlsx(tmp_path / "status.xlsx", PLAIN_SHEET), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 vba"})

    assert refused(MacroWorkbook, path) == MACROS


def test_macro_enabled_content_type_is_refused(tmp_path):
    macro_type = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    override = f'<Override PartName="/xl/workbook.xml" ContentType="{macro_type}"/></Types>'.encode()
    path = rewrite(
        xlsx(tmp_path / "status.xlsx", PLAIN_SHEET),
        {"[Content_Types].xml": lambda data: data.replace(b"</Types>", override)},
    )

    assert refused(MacroWorkbook, path) == MACROS


# --- Hostile files ---------------------------------------------------------------------------


def spaces(megabytes: int) -> list[bytes]:
    """A sheet of that many megabytes of blanks, written a megabyte at a time."""
    blanks = [b" " * 2**20] * megabytes
    return [f'<worksheet xmlns="{MAIN}"><sheetData>'.encode(), *blanks, b"</sheetData></worksheet>"]


class RepeatedChunkDeflater:
    """Raw deflate that compresses each distinct chunk once. Every chunk ends in a full flush,
    which empties the history, so its blocks decode on their own and serve again for the same
    chunk: the content zipfile's own deflater would store, without deflating a gigabyte."""

    def __init__(self) -> None:
        self._deflater = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        self._blocks: dict[bytes, bytes] = {}

    def compress(self, data: bytes) -> bytes:
        if data not in self._blocks:
            self._blocks[data] = self._deflater.compress(data) + self._deflater.flush(zlib.Z_FULL_FLUSH)
        return self._blocks[data]

    def flush(self) -> bytes:
        return self._deflater.flush(zlib.Z_FINISH)


@pytest.fixture
def fast_deflate(monkeypatch: pytest.MonkeyPatch) -> None:
    """zipfile deflates with RepeatedChunkDeflater: seconds less for the hundreds of blank megabytes below."""
    # zipfile has no public way to choose its compressor; _get_compressor is where it makes one.
    monkeypatch.setattr(zipfile, "_get_compressor", lambda compress_type, compresslevel=None: RepeatedChunkDeflater())


def test_gigabyte_sheet_is_refused_before_inflating_in_little_memory(tmp_path, fast_deflate):
    path = xlsx(tmp_path / "bomb.xlsx", spaces(1024))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking pytest
    # process across exec, so it would measure pytest rather than the probe.
    probe = (
        "import re\n"
        "from loaders.workbook import read_sheet\n"
        "from loaders.errors import WorkbookTooLarge\n"
        "try:\n"
        f"    read_sheet({str(path)!r})\n"
        "except WorkbookTooLarge as error:\n"
        "    status = open('/proc/self/status').read()\n"
        "    print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    peak_megabytes, message = done.stdout.splitlines()

    assert int(peak_megabytes) < 500
    assert message == (
        f"Filen er for stor: innholdet pakkes ut til 1{NBSP}024 MB, og grensen er 200 MB. "
        "Fjern ark eller data du ikke trenger, og last opp på nytt."
    )


def test_suspiciously_compressed_member_is_refused(tmp_path):
    path = xlsx(tmp_path / "bomb.xlsx", spaces(20))

    message = refused(WorkbookTooLarge, path)

    assert message.startswith("Filen er avvist: delen «xl/worksheets/sheet1.xml» pakkes ut til 20 MB, ")
    assert "ganger større enn i filen, slik en ZIP-bombe gjør." in message


def test_member_larger_than_declared_is_damaged_without_inflating_it(tmp_path, fast_deflate):
    path = xlsx(tmp_path / "liar.xlsx", spaces(300))
    patch_directory(path, SHEET, 24, 1024)  # declared size; the data still inflates to 300 MB

    tracemalloc.start()
    message = refused(DamagedWorkbook, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert message == f"Filen er skadet: arket «Status» kan ikke pakkes ut. {RESAVE}"
    assert peak < 50 * 2**20


DOCTYPE = '<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels"]
)
def test_doctype_in_a_part_calamine_parses_is_refused(tmp_path, part):
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET, strings=f'<sst xmlns="{MAIN}" count="0" uniqueCount="0"/>')
    path = rewrite(path, {part: lambda data: DOCTYPE.encode() + data})

    assert refused(UnsafeXml, path) == (
        f"Filen er avvist: delen «{part}» inneholder en DOCTYPE- eller ENTITY-erklæring, som vi ikke godtar "
        f"av sikkerhetshensyn. {RESAVE}"
    )


@pytest.mark.parametrize("offset", range(0, 12))
def test_entity_in_the_sheet_is_found_across_chunk_boundaries(tmp_path, monkeypatch, offset):
    monkeypatch.setattr(workbook, "CHUNK", 16)
    inside = "<sheetData>" + " " * offset + '<!ENTITY x "y">' + PLAIN_SHEET[len("<sheetData>") :]
    path = xlsx(tmp_path / "status.xlsx", inside)

    assert refused(UnsafeXml, path) == (
        "Filen er avvist: arket «Status» inneholder en DOCTYPE- eller ENTITY-erklæring, som vi ikke godtar "
        f"av sikkerhetshensyn. {RESAVE}"
    )


def test_lowercase_doctype_in_prefixed_sheet_is_refused(tmp_path):
    path = xlsx(tmp_path / "status.xlsx", [b'<!doctype x [<!entity y "z">]>', prefixed(PLAIN_SHEET)])

    refused(UnsafeXml, path)


@pytest.mark.slow
def test_million_rows_behind_a_small_dimension_are_refused(tmp_path):
    rows = [f'<worksheet xmlns="{MAIN}"><dimension ref="A1:H8"/><sheetData>'.encode()]
    for start in range(1, 1_000_001, 50_000):
        numbers = range(start, start + 50_000)
        rows.append(b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in numbers))
    rows.append(b"</sheetData></worksheet>")
    path = xlsx(tmp_path / "status.xlsx", rows)

    assert refused(TooManyRows, path) == (
        f"Arket «Status» har mer enn 100{NBSP}000 rader; grensen er 100{NBSP}000. "
        "Fjern overflødige rader (også tomme rader med formatering) og last opp på nytt."
    )


def test_row_limit_is_a_parameter(tmp_path):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 12))
    inside = f"<sheetData>{rows}</sheetData>"
    path = xlsx(tmp_path / "status.xlsx", inside)

    assert len(read_sheet(path, max_rows=11).rows) == 11
    assert refused(TooManyRows, path, max_rows=10).startswith("Arket «Status» har mer enn 10 rader; grensen er 10.")


@pytest.mark.parametrize("form", FORMS)
def test_cell_far_below_the_limit_is_refused(tmp_path, form):
    inside = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B5000000"><v>2</v></c></row></sheetData>'
    path = xlsx(tmp_path / "status.xlsx", written(form, inside))

    assert refused(TooManyRows, path) == (
        f"Arket «Status» har innhold i rad 5{NBSP}000{NBSP}000 (celle B5000000); grensen er 100{NBSP}000 rader. "
        "Slett innhold og formatering under grensen, og last opp på nytt."
    )


@pytest.mark.parametrize(
    "far_cell",
    [
        '<c r="XFD100000"><v>2</v></c>',
        '<c r = "XFD100000"><v>2</v></c>',  # spaces calamine accepts: must not slip past
        "<c r='XFD100000'><v>2</v></c>",
        '<x:c xmlns:x="urn:x" r="XFD100000"><v>2</v></x:c>',
    ],
)
def test_cell_far_to_the_right_is_refused_before_calamine_builds_its_grid(tmp_path, far_cell):
    inside = f'<sheetData><row r="1"><c r="A1"><v>1</v></c>{far_cell}</row></sheetData>'
    path = xlsx(tmp_path / "status.xlsx", inside)

    assert refused(TooManyCells, path) == (
        f"Arket «Status» går helt til kolonne XFD og rad 100{NBSP}000, som gir 1{NBSP}638{NBSP}400{NBSP}000 celler; "
        f"vi godtar høyst 5{NBSP}000{NBSP}000. Slett innhold og formatering langt til høyre eller langt nede "
        "i arket, og last opp på nytt."
    )


def test_wide_sheet_within_the_cell_limit_is_read(tmp_path):
    inside = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="CV1"><v>2</v></c></row>'
    inside += '<row r="40000"><c r="A40000"><v>3</v></c></row></sheetData>'

    sheet = read_sheet(xlsx(tmp_path / "status.xlsx", inside))

    assert (len(sheet.rows), len(sheet.rows[0]), sheet.rows[0][99], sheet.rows[-1][0]) == (40000, 100, 2.0, 3.0)


def test_false_shared_string_count_is_refused(tmp_path):
    strings = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1000000000"><si><t>Agder</t></si></sst>'
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET, strings=strings)

    assert refused(DamagedWorkbook, path) == (
        f"Filen er skadet: delen «xl/sharedStrings.xml» oppgir 1{NBSP}000{NBSP}000{NBSP}000 tekster, men har 1. "
        f"{RESAVE}"
    )


# --- Formulas without a saved value, empty sheets -------------------------------------------


def test_openpyxl_formula_without_saved_value(tmp_path):
    def fill(book, sheet):
        sheet["A1"] = "Sum"
        sheet["E7"] = "=1+1"

    assert refused(MissingFormulaValue, openpyxl_book(tmp_path / "status.xlsx", fill)) == (
        f"Arket «Status», celle E7: formelen har ingen lagret verdi. {RESAVE}"
    )


@pytest.mark.parametrize("form", FORMS)
def test_many_formulas_without_values_are_listed_up_to_five(tmp_path, form):
    cells = "".join(f'<row r="{n}"><c r="B{n}"><f>A{n}*2</f></c></row>' for n in range(2, 9))
    inside = f'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>{cells}</sheetData>'
    path = xlsx(tmp_path / "status.xlsx", written(form, inside))

    assert refused(MissingFormulaValue, path) == (
        f"Arket «Status», cellene B2, B3, B4, B5, B6 og 2 til: formlene har ingen lagret verdi. {RESAVE}"
    )


def test_shared_formula_without_value_in_cell_without_r(tmp_path):
    inside = '<sheetData><row r="3"><c><v>1</v></c><c><f t="shared" si="0"/><v/></c></row></sheetData>'

    assert refused(MissingFormulaValue, xlsx(tmp_path / "status.xlsx", inside)) == (
        f"Arket «Status», celle B3: formelen har ingen lagret verdi. {RESAVE}"
    )


def test_empty_sheet(tmp_path):
    assert refused(EmptySheet, xlsx(tmp_path / "status.xlsx", "<sheetData/>")) == (
        "Arket «Status» er tomt. Kontroller at dataene ligger i dette arket, og last opp på nytt."
    )


@pytest.mark.parametrize("sheets", ["", '<sheet name="Gammel" sheetId="1" r:id="rId1" state="hidden"/>'])
def test_workbook_without_visible_worksheets(tmp_path, sheets):
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET, sheets=sheets)

    assert refused(EmptySheet, path) == (
        "Arbeidsboka har ingen synlige regneark. Legg dataene i et synlig ark og last opp på nytt."
    )


# --- Whatever else is wrong inside ------------------------------------------------------------


def test_error_inside_calamine_is_told_plainly(tmp_path):
    inside = '<sheetData><row r="1"><c r="A1" t="b"><v>kanskje</v></c></row></sheetData>'

    assert refused(DamagedWorkbook, xlsx(tmp_path / "status.xlsx", inside)) == (
        f"Arket «Status» kan ikke leses; filen ser ut til å være skadet. {RESAVE}"
    )


def test_sheet_part_missing_from_the_zip(tmp_path):
    path = rewrite(xlsx(tmp_path / "status.xlsx", PLAIN_SHEET), {}, drop=(SHEET,))

    assert refused(DamagedWorkbook, path) == (
        f"Filen er skadet: arket «Status» mangler i filen (xl/worksheets/sheet1.xml). {RESAVE}"
    )


def test_encrypted_zip_member_is_damaged(tmp_path):
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET)
    patch_directory(path, SHEET, 8, 0x1, "<H")  # general purpose flags: encrypted

    assert refused(DamagedWorkbook, path) == (f"Filen er skadet: delen «{SHEET}» er kryptert i ZIP-filen. {RESAVE}")


def test_tag_too_long_to_scan_is_refused(tmp_path):
    inside = f'<sheetData><row r="1"><c r="A1" t="n" x="{"9" * (5 * 2**20)}"><v>1</v></c></row></sheetData>'

    assert refused(IrregularXml, xlsx(tmp_path / "status.xlsx", inside)) == (
        f"Filen er avvist: arket «Status» har en XML-tagg på over 4 MB. {RESAVE}"
    )


def test_zip_with_a_huge_number_of_members_is_refused_before_zipfile_reads_its_directory(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(workbook.MAX_ENTRIES + 1):
            archive.writestr(f"x/{number}", b"")
    with pytest.raises(WorkbookTooLarge) as caught:
        read_sheet(path)
    assert str(caught.value) == (
        "Filen er avvist: den har 10\u202f001 deler, og en arbeidsbok har sjelden mer enn noen hundre "
        "(grensen er 10\u202f000). Åpne filen i Excel, lagre den og last opp på nytt."
    )


# --- The same refusals in English -------------------------------------------------------------


def refused_in_english(error_class: type[WorkbookError], path: Path) -> str:
    with pytest.raises(error_class) as caught:
        read_sheet(path)
    return caught.value.message("en")


def test_a_refusal_reads_in_english_with_english_numbers(tmp_path):
    inside = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD100000"><v>2</v></c></row></sheetData>'
    path = xlsx(tmp_path / "status.xlsx", inside)

    assert refused_in_english(TooManyCells, path) == (
        "The sheet “Status” reaches column XFD and row 100,000, which makes 1,638,400,000 cells; we accept at most "
        "5,000,000. Delete content and formatting far to the right or far down in the sheet, and upload it again."
    )


def test_a_web_page_renamed_xlsx_is_explained_in_english(tmp_path):
    path = tmp_path / "status.xlsx"
    path.write_bytes(b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>")

    assert refused_in_english(NotAWorkbook, path) == (
        "The file is not an Excel workbook (.xlsx). It looks like a web page (HTML). "
        "Open it in Excel, save it as an Excel workbook (.xlsx) and upload it again."
    )


def test_a_refusal_naming_a_part_reads_in_english(tmp_path):
    strings = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1000000000"><si><t>Agder</t></si></sst>'
    path = xlsx(tmp_path / "status.xlsx", PLAIN_SHEET, strings=strings)

    assert refused_in_english(DamagedWorkbook, path) == (
        "The file is damaged: the part “xl/sharedStrings.xml” declares 1,000,000,000 texts, but has 1. "
        "Open the file in Excel, save it and upload it again."
    )


def test_formulas_without_values_are_listed_in_english(tmp_path):
    cells = "".join(f'<row r="{n}"><c r="B{n}"><f>A{n}*2</f></c></row>' for n in range(2, 5))
    inside = f'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>{cells}</sheetData>'
    path = xlsx(tmp_path / "status.xlsx", inside)

    assert refused(MissingFormulaValue, path) == (
        f"Arket «Status», cellene B2, B3 og B4: formlene har ingen lagret verdi. {RESAVE}"
    )
    assert refused_in_english(MissingFormulaValue, path) == (
        "Sheet “Status”, cells B2, B3 and B4: the formulas have no saved value. "
        "Open the file in Excel, save it and upload it again."
    )
