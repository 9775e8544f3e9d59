"""Agreement files to lines: PDF, Word with automatic numbering and tables, Excel action plans, text.

Every input is built here: PDFs with reportlab (Word's "Save as PDF" look: a title line on every
page, "Side N av M" at the foot, justified text), Word files with python-docx, workbooks with openpyxl.
"""

import datetime
import multiprocessing
import os
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

import loaders.agreement_sources
import loaders.isolation
from loaders.agreement import read_agreement
from loaders.agreement_sources import Document, Furniture, Line, document_date, read_document, read_lines, table_fields
from loaders.docx_numbering import ListNumbering, format_number
from loaders.errors import ReaderCrashed, ScannedAgreement, UnreadableAgreement

SEED = Path("/work/shared/seeds/agreement-indre-ostfold-2022-2023.txt")
TITLE = "Partnerskapsavtale spesiell del 2022-2023 – Indre Østfold"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=13.5, spaceAfter=8)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
# Word's table: text at the top of its cell, no space above or below it.
WORD_TABLE = [
    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ("FONT", (0, 0), (-1, -1), "Helvetica", 10),
]


# --- PDFs -----------------------------------------------------------------------------------------


def platypus_pdf(path: Path, flow: list, *, header: str | None = TITLE, **info) -> Path:
    """A PDF as Word saves one: the title line at the top of every page, "Side N av M" at the foot."""
    pages: list[int] = []

    def furniture(total: int):
        def draw(pdf, doc):
            pdf.saveState()
            pdf.setFont("Helvetica", 9)
            if header:
                pdf.drawString(72, A4[1] - 40, header)
            pdf.drawRightString(A4[0] - 72, 30, f"Side {doc.page} av {total}")
            pdf.restoreState()
            pages.append(doc.page)

        return draw

    def story():
        return [Paragraph(escape(item), BODY) if isinstance(item, str) else item for item in flow]

    SimpleDocTemplate(str(path), pagesize=A4).build(story(), onFirstPage=furniture(0), onLaterPages=furniture(0))
    total = max(pages)
    SimpleDocTemplate(str(path), pagesize=A4, **info).build(
        story(), onFirstPage=furniture(total), onLaterPages=furniture(total)
    )
    return path


GOES_ON = "→"  # the last item of a paragraph that goes on on the next page


def justified_pdf(path: Path, pages: list[list[list[str]]]) -> Path:
    """Pages of paragraphs given line by line, each line but a paragraph's last justified to the
    margins, as Word sets justified text; "Side N av M" and the title on every page."""
    width = A4[0] - 144
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, A4[1] - 40, TITLE)
        pdf.drawCentredString(A4[0] / 2, 30, f"Side {number} av {len(pages)}")
        y = A4[1] - 80
        for paragraph in paragraphs:
            lines = [line for line in paragraph if line != GOES_ON]
            last = len(lines) if paragraph[-1] == GOES_ON else len(lines) - 1
            for index, line in enumerate(lines):
                text = pdf.beginText(72, y)
                text.setFont("Helvetica", 11)
                spaces = line.count(" ")
                text.setWordSpace((width - stringWidth(line, "Helvetica", 11)) / spaces if index < last else 0)
                text.textLine(line)
                pdf.drawText(text)
                y -= 13.5
            y -= 8
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_without_page_furniture_and_with_hyphens_joined(tmp_path):
    path = justified_pdf(
        tmp_path / "avtale.pdf",
        [
            [
                ["Partnerskapsavtale spesiell del 2022-2023"],
                ["1 - Utdanning og utenforskap #kompetanseløft"],
                [
                    "1.1 - Etablere forpliktende samarbeids-",
                    "prosjekter mellom Viken, næringslivet og skolene for elevgrupper som faller ut av",
                    "skoleløpet, med E-",
                    "handel og IKT-",
                    "Kompetanse.",
                ],
                [
                    "1.2 - Tilby flere lærlingeplasser og en årlig felles seremoni med utdeling av fag-",
                    "og svennebrev og kurs innen bygg- og anleggsfag, i regionen og i hele fylket, for",
                    GOES_ON,
                ],
            ],
            [
                [
                    "alle som ønsker det, med samarbeids-",
                    "partnere.",
                ],
                ["11 – bærekraftige byer og lokalsamfunn"],
            ],
        ],
    )
    assert read_document(path) == Document(
        [
            Line("Partnerskapsavtale spesiell del 2022-2023", 1, page=1),
            Line("1 - Utdanning og utenforskap #kompetanseløft", 2, page=1),
            Line(
                "1.1 - Etablere forpliktende samarbeidsprosjekter mellom Viken, næringslivet og skolene for "
                "elevgrupper som faller ut av skoleløpet, med E-handel og IKT-Kompetanse.",
                3,
                page=1,
            ),
            Line(
                "1.2 - Tilby flere lærlingeplasser og en årlig felles seremoni med utdeling av fag- og svennebrev "
                "og kurs innen bygg- og anleggsfag, i regionen og i hele fylket, for alle som ønsker det, med "
                "samarbeidspartnere.",
                4,
                page=1,
            ),
            Line("11 – bærekraftige byer og lokalsamfunn", 5, page=2),
        ],
        dated=datetime.date.today(),
        removed=[
            Furniture(TITLE, 1, "header"),
            Furniture("Side 1 av 2", 1, "page_number"),
            Furniture(TITLE, 2, "header"),
            Furniture("Side 2 av 2", 2, "page_number"),
        ],
    )


def test_a_line_that_starts_an_item_starts_a_paragraph_without_spacing(tmp_path):
    # Paragraphs without spacing between them, each last line nearly full: only the item's
    # number tells that a new one begins. The footer is a bare page number.
    pdf_path = tmp_path / "tett.pdf"
    pdf = canvas.Canvas(str(pdf_path), pagesize=A4)
    width = A4[0] - 144
    lines = [
        ("2.3 Partene etablerer konkret samarbeid om etablerertjenesten og landbruket i hele", True),
        ("regionen med vekt på lokalmat, reiseliv og kulturnæringer, og om nye satsinger i Indre", False),
        ("2.3.1 Etablerertjenesten i Indre Østfold", False),
        ("A - Målrette felles innsats", False),
        ("• Digitalisering", False),
    ]
    y = A4[1] - 80
    for line, justified in lines:
        text = pdf.beginText(72, y)
        text.setFont("Helvetica", 11)
        if justified:
            text.setWordSpace((width - stringWidth(line, "Helvetica", 11)) / line.count(" "))
        text.textLine(line)
        pdf.drawText(text)
        y -= 13.5
    pdf.drawCentredString(A4[0] / 2, 30, "- 1 -")
    pdf.save()
    assert read_lines(pdf_path) == [
        Line(
            "2.3 Partene etablerer konkret samarbeid om etablerertjenesten og landbruket i hele "
            "regionen med vekt på lokalmat, reiseliv og kulturnæringer, og om nye satsinger i Indre",
            1,
            page=1,
        ),
        Line("2.3.1 Etablerertjenesten i Indre Østfold", 2, page=1),
        Line("A - Målrette felles innsats", 3, page=1),
        Line("• Digitalisering", 4, page=1),
    ]


def test_pdf_table_rows_become_fields(tmp_path):
    # The Ansvar header wraps in its narrow column, as Word wraps it.
    header = ["Nr", "Tiltak", Paragraph("Ansvarlig rådsområde", CELL), "Frist", "Status", "Midler"]
    rows = [
        header,
        ["Innsatsområde 1: Utdanning #kompetanseløft", "", "", "", "", ""],
        [
            "1.1",
            Paragraph("Etablere forpliktende samarbeidsprosjekter mellom Viken og skolene i regionen", CELL),
            Paragraph("Utdanning og kompetanse", CELL),
            "31.12.2023",
            "I arbeid",
            "500 000",
        ],
        ["1.2", Paragraph("Tilby flere lærlingeplasser", CELL), "Næring", "2023", "", ""],
    ]
    table = Table(rows, colWidths=[40, 170, 90, 60, 50, 50])
    table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1)), *WORD_TABLE]))
    # One page: a title line at its top cannot be told from a header, so this one has none.
    path = platypus_pdf(tmp_path / "tabell.pdf", ["Handlingsplan 2022-2023", table], header=None, invariant=True)
    assert read_document(path) == Document(
        [
            Line("Handlingsplan 2022-2023", 1, page=1),
            Line("Innsatsområde 1: Utdanning #kompetanseløft", 2, page=1),
            Line(
                "1.1 Etablere forpliktende samarbeidsprosjekter mellom Viken og skolene i regionen",
                3,
                page=1,
                cells={
                    "code": "1.1",
                    "text": "Etablere forpliktende samarbeidsprosjekter mellom Viken og skolene i regionen",
                    "council_area": "Utdanning og kompetanse",
                    "deadline": "31.12.2023",
                    "status": "I arbeid",
                    "amount": "500 000",
                },
            ),
            Line(
                "1.2 Tilby flere lærlingeplasser",
                4,
                page=1,
                cells={
                    "code": "1.2",
                    "text": "Tilby flere lærlingeplasser",
                    "council_area": "Næring",
                    "deadline": "2023",
                    "status": "",
                    "amount": "",
                },
            ),
        ],
        # reportlab's invariant documents are made on 1 January 2000.
        dated=datetime.date(2000, 1, 1),
        removed=[Furniture("Side 1 av 1", 1, "page_number")],
    )


def test_two_column_table_over_two_pages_with_its_header_repeated(tmp_path):
    items = [
        [f"1.{number}", Paragraph(f"Tiltak nummer {number} med samarbeids- partnere", CELL)] for number in range(1, 61)
    ]
    table = Table([["Nr", "Tiltak"], *items], colWidths=[50, 400], repeatRows=1)
    table.setStyle(TableStyle(WORD_TABLE))
    lines = read_lines(platypus_pdf(tmp_path / "lang.pdf", ["1 Utdanning", table]))
    assert [(line.text, line.page) for line in lines[:2]] == [
        ("1 Utdanning", 1),
        ("1.1 Tiltak nummer 1 med samarbeids- partnere", 1),
    ]
    assert [line.cells for line in lines[1:]] == [
        {"code": f"1.{number}", "text": f"Tiltak nummer {number} med samarbeids- partnere"} for number in range(1, 61)
    ]
    assert {line.page for line in lines} == {1, 2}
    assert [line.number for line in lines] == list(range(1, 62))


@pytest.mark.parametrize("footer", ["3", "Side 3 av 12", "side 3", "3 / 12", "- 3 -", "– 3 –", "Page 3 of 12"])
def test_page_numbers_at_the_foot_or_top_are_dropped(tmp_path, footer):
    path = tmp_path / "side.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(300, A4[1] - 40, footer)
    pdf.drawString(72, 700, "Avtale 2024 for regionen")
    pdf.drawString(72, 686, "1.1 Tiltak")
    pdf.drawString(72, 650, "3")
    pdf.drawString(300, 30, footer)
    pdf.save()
    # A number that is not in the page's margin stays.
    assert read_lines(path) == [
        Line("Avtale 2024 for regionen", 1, page=1),
        Line("1.1 Tiltak", 2, page=1),
        Line("3", 3, page=1),
    ]


def test_the_pdf_is_parsed_in_the_child(tmp_path, monkeypatch):
    path = platypus_pdf(tmp_path / "avtale.pdf", ["Avtale 2024", "1 Næring", "1.1 Tiltak"])
    monkeypatch.setattr(loaders.agreement_sources, "_page_rows", crash)
    # The crash is patched into this process, so the child is forked from it: a fork server (used
    # whenever another thread runs in this worker) would parse with the reader unpatched.
    monkeypatch.setattr(loaders.isolation, "_context", lambda: multiprocessing.get_context("fork"))
    with pytest.raises(ReaderCrashed):
        read_lines(path)


def crash(*_args: object) -> None:
    os.abort()


def test_scanned_pdf_is_refused(tmp_path):
    picture = tmp_path / "side.png"
    Image.new("RGB", (200, 280), "white").save(picture)
    path = tmp_path / "skannet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(str(picture), 0, 0, width=A4[0], height=A4[1])
    pdf.save()
    with pytest.raises(ScannedAgreement) as refused:
        read_lines(path)
    assert refused.value.message("nb") == (
        "«skannet.pdf» har ingen tekst, bare bilder av sider (en skannet PDF). Bruk den opprinnelige "
        "Word-filen, eller en PDF lagret fra Word med tekst."
    )
    assert refused.value.message("en") == (
        "“skannet.pdf” holds no text, only pictures of pages (a scanned PDF). Use the original "
        "Word file, or a PDF saved from Word with text."
    )


def test_damaged_and_password_protected_pdfs_are_refused(tmp_path):
    damaged = tmp_path / "skadet.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    with pytest.raises(UnreadableAgreement) as refused:
        read_lines(damaged)
    assert refused.value.key == "loaders.agreement.pdf_damaged"
    assert str(refused.value) == (
        "«skadet.pdf» kan ikke leses som PDF. Filen kan være skadet eller av en annen type; "
        "lagre den på nytt som PDF, eller bruk Word-filen."
    )
    locked = tmp_path / "låst.pdf"
    pdf = canvas.Canvas(str(locked), pagesize=A4, encrypt="hemmelig")
    pdf.drawString(72, 700, "Partnerskapsavtale 2022-2023")
    pdf.save()
    with pytest.raises(UnreadableAgreement) as refused:
        read_lines(locked)
    assert str(refused.value) == (
        "«låst.pdf» er beskyttet med passord og kan ikke leses. Lagre en PDF uten passord, eller bruk Word-filen."
    )


# --- Word: automatic numbering --------------------------------------------------------------------


def numbering_xml(abstracts: dict[int, list[str]], nums: dict[int, str]) -> bytes:
    """numbering.xml from level definitions ("decimal|%1.%2" or with "|start=3", "|restart=0", "|legal")
    by abstractNum, and nums by id: the abstractNum id and any lvlOverride XML."""
    parts = [f"<w:numbering {W}>"]
    for abstract, levels in abstracts.items():
        parts.append(f'<w:abstractNum w:abstractNumId="{abstract}">')
        for ilvl, level in enumerate(levels):
            number_format, text, *extra = level.split("|")
            options = dict(item.split("=") if "=" in item else (item, "") for item in extra)
            parts.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{options.get("start", 1)}"/>')
            parts.append(f'<w:numFmt w:val="{number_format}"/>')
            if "restart" in options:
                parts.append(f'<w:lvlRestart w:val="{options["restart"]}"/>')
            if "legal" in options:
                parts.append("<w:isLgl/>")
            parts.append(f'<w:lvlText w:val="{escape(text)}"/></w:lvl>')
        parts.append("</w:abstractNum>")
    for num, body in nums.items():
        abstract, _, overrides = body.partition(";")
        parts.append(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>')
    parts.append("</w:numbering>")
    return "".join(parts).encode()


def labels(numbering: ListNumbering, paragraphs: list[tuple[str, int]]) -> list[str]:
    return [numbering.label(num, ilvl) for num, ilvl in paragraphs]


def test_word_numbering_schemes():
    numbering = ListNumbering(
        numbering_xml(
            {
                1: ["decimal|%1", "decimal|%1.%2", "upperLetter|%3 -"],
                2: ["lowerLetter|%1)", "lowerRoman|(%2)", "bullet|\uf0b7"],
                3: ["decimal|Innsatsområde %1:", "decimal|Tiltak %1.%2:"],
                4: ["upperRoman|%1.", "decimal|%1.%2|legal", "none|"],
            },
            {1: "1", 2: "2", 3: "3", 4: "4"},
        )
    )
    assert labels(numbering, [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 2), ("1", 0), ("1", 1)]) == [
        "1", "1.1", "1.2", "A -", "B -", "2", "2.1",
    ]  # fmt: skip
    assert labels(numbering, [("2", 0), ("2", 1), ("2", 1), ("2", 1), ("2", 1), ("2", 2), ("2", 0)]) == [
        "a)", "(i)", "(ii)", "(iii)", "(iv)", "•", "b)",
    ]  # fmt: skip
    assert labels(numbering, [("3", 0), ("3", 1), ("3", 1), ("3", 0), ("3", 1)]) == [
        "Innsatsområde 1:", "Tiltak 1.1:", "Tiltak 1.2:", "Innsatsområde 2:", "Tiltak 2.1:",
    ]  # fmt: skip
    # isLgl writes the upper level's roman numeral as a decimal; format none shows nothing.
    assert labels(numbering, [("4", 0), ("4", 0), ("4", 1), ("4", 2)]) == ["I.", "II.", "2.1", ""]
    # numId 0 (numbering turned off) and unknown lists have no number.
    assert labels(numbering, [("0", 0), ("9", 0)]) == ["", ""]


def test_word_numbering_restart_override_and_shared_counters():
    numbering = ListNumbering(
        numbering_xml(
            {
                1: ["decimal|%1.", "decimal|%1.%2", "lowerLetter|%3)|restart=1"],
                2: ["decimal|%1.|start=3"],
            },
            {
                1: "1",
                # Another list on the same definition goes on counting; an override starts again.
                2: "1",
                3: '1;<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
                4: "2",
            },
        )
    )
    assert labels(
        numbering, [("1", 0), ("1", 1), ("1", 2), ("1", 1), ("1", 2), ("2", 0), ("2", 1), ("2", 2), ("4", 0)]
    ) == [
        # lvlRestart 1: the letters restart only when level 1 advances, not level 2.
        "1.", "1.1", "a)", "1.2", "b)", "2.", "2.1", "a)", "3.",
    ]  # fmt: skip
    assert labels(numbering, [("3", 0), ("3", 0), ("1", 0)]) == ["1.", "2.", "3."]


def test_number_formats():
    assert [format_number(value, "lowerLetter") for value in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_number(value, "upperRoman") for value in (4, 9, 14, 40, 1994)] == [
        "IV", "IX", "XIV", "XL", "MCMXCIV",
    ]  # fmt: skip
    assert [format_number(7, "decimalZero"), format_number(7, "none"), format_number(7, "ordinal")] == ["07", "", "7"]


def word_document(numbering: bytes | None = None) -> docx.document.Document:
    document = docx.Document()
    if numbering is not None:
        part = document.part.numbering_part
        replacement = parse_xml(numbering)
        part._element = replacement
    return document


def numbered(document, text: str, num: int, ilvl: int = 0, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'))
    return paragraph


def test_word_numbering_in_a_document_with_styles(tmp_path):
    document = docx.Document()
    document.core_properties.created = datetime.datetime(2023, 2, 1, 9, 0)
    document.add_paragraph("Partnerskapsavtale 2024")
    # The default template's "List Number" style numbers its paragraphs through numbering.xml.
    document.add_paragraph("Første", style="List Number")
    document.add_paragraph("Andre", style="List Number")
    turned_off = document.add_paragraph("Uten nummer", style="List Number")
    turned_off._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))
    document.add_paragraph("Tredje", style="List Number")
    document.add_paragraph("Punkt", style="List Bullet")
    document.add_paragraph("Vedtatt i regionrådet 12. mars 2024")
    path = tmp_path / "stiler.docx"
    document.save(path)
    assert read_document(path) == Document(
        [
            Line("Partnerskapsavtale 2024", 1),
            Line("1. Første", 2),
            Line("2. Andre", 3),
            Line("Uten nummer", 4),
            Line("3. Tredje", 5),
            Line("• Punkt", 6),
            Line("Vedtatt i regionrådet 12. mars 2024", 7),
        ],
        dated=datetime.date(2024, 3, 12),
    )


SEED_NUMBERING = numbering_xml(
    {1: ["decimal|%1 -", "decimal|%1.%2 -", "decimal|%1.%2.%3"], 2: ["upperLetter|%1 -"]},
    {1: "1", 2: "2"},
)


def seed_docx(path: Path) -> Path:
    """The seed agreement as a Word file: headings and items numbered by Word, the rest typed."""
    document = word_document(SEED_NUMBERING)
    for line in SEED.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        parts = text.split(maxsplit=1)
        code = parts[0] if parts else ""
        rest = parts[1].lstrip("-– ") if len(parts) > 1 else ""
        if code.isdigit() and "#" in rest:
            numbered(document, rest, 1, 0)
        elif code.count(".") in (1, 2) and code.replace(".", "").isdigit():
            numbered(document, rest, 1, code.count("."))
        elif code in ("A", "B"):
            numbered(document, rest, 2, 0)
        else:
            document.add_paragraph(line)
    document.save(path)
    return path


@pytest.mark.skipif(not SEED.exists(), reason="seed agreement not available")
def test_seed_agreement_from_word_with_automatic_numbering(tmp_path):
    assert read_agreement(seed_docx(tmp_path / "avtale.docx")) == read_agreement(SEED)


@pytest.mark.skipif(not SEED.exists(), reason="seed agreement not available")
def test_seed_agreement_from_pdf(tmp_path):
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = platypus_pdf(tmp_path / "avtale.pdf", lines)
    assert read_agreement(path) == read_agreement(SEED)


@pytest.mark.skipif(not SEED.exists(), reason="seed agreement not available")
def test_seed_agreement_from_an_action_plan_workbook(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in SEED.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(maxsplit=1)
        if parts and parts[0].count(".") in (1, 2) and parts[0].replace(".", "").isdigit():
            sheet.append([parts[0], parts[1].lstrip("-– ")])
        elif line.strip():
            sheet.append([line.strip()])
        if line.startswith("Ambisjon"):
            sheet.append(["Nr", "Tiltak"])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    assert read_agreement(path) == read_agreement(SEED)


# --- Word: tables ---------------------------------------------------------------------------------


def test_word_tables_by_field_merged_heading_rows_and_tables_without_header(tmp_path):
    document = word_document(numbering_xml({1: ["decimal|1.%1"]}, {1: "1"}))
    document.add_paragraph("Partnerskapsavtale 2024-2025")
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Nr.", "Tiltak", "Ansvarlig (rådsområde)", "Frist:"], strict=True):
        cell.text = text
    heading = table.rows[1].cells[0].merge(table.rows[1].cells[3])
    heading.text = "1 Utdanning #kompetanseløft"
    for row, (text, area, deadline) in zip(
        table.rows[2:], [("Flere lærlinger", "Utdanning", "31.12.2024"), ("Yrkesmesse", "", "løpende")], strict=True
    ):
        # The numbers in the Nr column come from Word's numbering, as people often set them up.
        numbered(row.cells[0], "", 1).text = ""
        row.cells[1].text = text
        row.cells[2].text = area
        row.cells[3].text = deadline
    plain = document.add_table(rows=1, cols=2)
    plain.rows[0].cells[0].text = "Askim, 1. mars 2024"
    plain.rows[0].cells[1].text = "Signatur"
    path = tmp_path / "tabell.docx"
    document.save(path)
    assert read_document(path) == Document(
        [
            Line("Partnerskapsavtale 2024-2025", 1),
            Line("1 Utdanning #kompetanseløft", 2),
            Line(
                "1.1 Flere lærlinger",
                3,
                cells={"code": "1.1", "text": "Flere lærlinger", "council_area": "Utdanning", "deadline": "31.12.2024"},
            ),
            Line(
                "1.2 Yrkesmesse",
                4,
                cells={"code": "1.2", "text": "Yrkesmesse", "council_area": "", "deadline": "løpende"},
            ),
            Line("Askim, 1. mars 2024", 5),
            Line("Signatur", 6),
        ],
        dated=datetime.date(2024, 3, 1),
    )


# --- Excel action plans ---------------------------------------------------------------------------


def test_action_plan_workbook(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Handlingsplan"
    sheet.append(["Handlingsplan 2024-2025 Follorådet"])
    sheet.append([])
    sheet.append(["Nr", "Tiltak", "Ansvar", "Frist", "Status", "Fremdrift", "Budsjett", "Kommentar"])
    sheet.append(["Innsatsområde 1 – Utdanning #kompetanse"])
    sheet.merge_cells("A4:H4")
    sheet.append(["1.1", "Flere lærlinger", "Utdanning", datetime.datetime(2024, 12, 31), "I arbeid", 0.5, 250000.0])
    sheet["F5"].number_format = "0%"
    # Excel turned "1.2" typed in the Nr column into 1 February.
    sheet.append([datetime.datetime(2024, 2, 1), "Yrkesmesse", "Næring", "løpende", "", None, 1500.5, "Ny"])
    sheet.append(["4 – god utdanning"])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    assert read_document(path) == Document(
        [
            Line("Handlingsplan 2024-2025 Follorådet", 1, sheet="Handlingsplan"),
            Line("Innsatsområde 1 – Utdanning #kompetanse", 4, sheet="Handlingsplan"),
            Line(
                "1.1 Flere lærlinger",
                5,
                sheet="Handlingsplan",
                cells={
                    "code": "1.1",
                    "text": "Flere lærlinger",
                    "council_area": "Utdanning",
                    "deadline": "2024-12-31",
                    "status": "I arbeid",
                    "progress": "50 %",
                    "amount": "250000",
                    "comment": "",
                },
            ),
            Line(
                "1.2 Yrkesmesse",
                6,
                sheet="Handlingsplan",
                cells={
                    "code": "1.2",
                    "text": "Yrkesmesse",
                    "council_area": "Næring",
                    "deadline": "løpende",
                    "status": "",
                    "progress": "",
                    "amount": "1500.5",
                    "comment": "Ny",
                },
            ),
            Line("4 – god utdanning", 7, sheet="Handlingsplan"),
        ]
    )


# --- text, types, dates, headers ------------------------------------------------------------------


def test_text_in_windows_encoding(tmp_path):
    path = tmp_path / "avtale.txt"
    path.write_bytes("Avtale 2024\n1 - Næring\nDato: 15.02.2024\n".encode("cp1252"))
    assert read_document(path) == Document(
        [Line("Avtale 2024", 1), Line("1 - Næring", 2), Line("Dato: 15.02.2024", 3)], dated=datetime.date(2024, 2, 15)
    )


def test_wrong_file_type_names_the_types_read(tmp_path):
    path = tmp_path / "avtale.html"
    path.write_bytes(b"x")
    with pytest.raises(UnreadableAgreement) as refused:
        read_lines(path)
    assert refused.value.message("en") == (
        "“avtale.html” cannot be read as an agreement. Use the agreement as PDF, Word (.docx), text (.txt) or "
        "Excel (.xlsx)."
    )


def test_document_date_from_its_own_lines():
    def dated(*texts: str) -> datetime.date | None:
        return document_date([Line(text, number) for number, text in enumerate(texts, start=1)])

    assert dated("Avtale", "Dato: 15.02.2023", "Askim, 1. mars 2023") == datetime.date(2023, 2, 15)
    assert dated("Vedtatt i fylkestinget 12. mars 2023", "Mysen, 2023-04-01") == datetime.date(2023, 4, 1)
    # Found in the try-out: the date in a sentence was missed and the file's creation date (2013) used.
    assert dated("Avtalen er datert 15. mars 2025 og gjelder to år.") == datetime.date(2025, 3, 15)
    # A deadline in a commitment is no date of the document; neither is an impossible date.
    assert dated("1.1 Ferdig innen 31.12.2023", "Dato: 31.02.2023") is None
    assert document_date([Line("1.1 Tiltak", 1, cells={"deadline": "Vedtatt 1.1.2023"})]) is None


def test_table_headers():
    assert table_fields(["Nr.", "Tiltak", "Ansvarleg", "Frist (dato)", "Midlar", "Merknad"]) == {
        0: "code", 1: "text", 2: "council_area", 3: "deadline", 4: "amount", 5: "comment",
    }  # fmt: skip
    assert table_fields(["No", "Action", "Responsible", "Due date", "Budget"]) == {
        0: "code", 1: "text", 2: "council_area", 3: "deadline", 4: "amount",
    }  # fmt: skip
    # A commitment's text and one more field at least; a text that happens to be "Tiltak" is no header.
    assert table_fields(["Tiltak"]) is None
    assert table_fields(["Nr", "Ansvar"]) is None


def test_word_text_as_shown_content_controls_tracked_changes_and_contents(tmp_path):
    document = word_document(numbering_xml({1: ["decimal|%1)"]}, {1: "1"}))
    document.add_paragraph("Partnerskapsavtale 2024")
    contents = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("1 Utdanning\t3", style=contents)
    anchor = document.add_paragraph()
    # A county template's field (a content control) around a whole paragraph, and one inside a
    # paragraph with a tracked insertion, a tracked deletion and a page-number field.
    anchor._p.addprevious(
        parse_xml(
            f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>1 - Utdanning</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    anchor._p.addprevious(
        parse_xml(
            f'<w:p {W}><w:r><w:t xml:space="preserve">1.1 - Flere </w:t></w:r>'
            "<w:sdt><w:sdtContent><w:r><w:t>lærlinger</w:t></w:r></w:sdtContent></w:sdt>"
            '<w:ins w:id="1" w:author="Kari" w:date="2024-01-01T00:00:00Z"><w:r>'
            '<w:t xml:space="preserve"> i hele regionen</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="Kari" w:date="2024-01-01T00:00:00Z"><w:r>'
            "<w:delText> i Askim</w:delText></w:r></w:del>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, side 3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>'
        )
    )
    anchor._p.getparent().remove(anchor._p)
    # A layout table without a header: its numbered paragraphs are counted once.
    table = document.add_table(rows=2, cols=1)
    numbered(table.rows[0].cells[0], "Første", 1).text = "Første"
    numbered(table.rows[1].cells[0], "Andre", 1).text = "Andre"
    path = tmp_path / "mal.docx"
    document.save(path)
    document = read_document(path)
    assert document.lines == [
        Line("Partnerskapsavtale 2024", 1),
        Line("1 - Utdanning", 2),
        Line("1.1 - Flere lærlinger i hele regionen, side 3-x", 3),
        Line("1) Første", 4),
        Line("2) Andre", 5),
    ]
    assert document.tracked_changes is True


def test_word_document_without_tracked_changes_says_so(tmp_path):
    path = tmp_path / "ren.docx"
    plain = docx.Document()
    plain.add_paragraph("Partnerskapsavtale 2024")
    plain.save(path)
    assert read_document(path).tracked_changes is False


def test_short_lines_split_by_a_hyphen_are_one_paragraph(tmp_path):
    # Lines broken by hand well short of the margin: only a word split by a hyphen goes on.
    path = tmp_path / "smal.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for index, line in enumerate(
        [
            "Partnerskapsavtale spesiell del 2024-2025 for hele regionen",
            "1.1 - Etablere samarbeids-",
            "prosjekter mellom skolene.",
            "1.2 - Styrke fag- og",
            "svennebrev i regionen.",
        ]
    ):
        pdf.drawString(72, 700 - 16 * index, line)
    pdf.save()
    assert read_lines(path) == [
        Line("Partnerskapsavtale spesiell del 2024-2025 for hele regionen", 1, page=1),
        Line("1.1 - Etablere samarbeidsprosjekter mellom skolene.", 2, page=1),
        Line("1.2 - Styrke fag- og", 3, page=1),
        Line("svennebrev i regionen.", 4, page=1),
    ]


def test_table_with_cells_centred_top_to_bottom_and_text_over_the_margin(tmp_path):
    # Centred cells put the number on the second line of its row; "Utdanning og kompetanse",
    # a plain string, runs over its cell's margin up to the next column.
    rows = [
        ["Nr", "Tiltak", "Ansvar", "Frist", "Status"],
        [
            "1.1",
            Paragraph("Etablere samarbeidsprosjekter mellom skolene og næringslivet.", CELL),
            "Utdanning og kompetanse",
            "31.12.2024",
            "I arbeid",
        ],
        ["1.2", Paragraph("Styrke fag- og svennebrev i regionen.", CELL), "Næring", "2025", "Ikke startet"],
    ]
    table = Table(rows, colWidths=[30, 200, 120, 60, 60])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), "Helvetica", 10)]))
    path = platypus_pdf(tmp_path / "midt.pdf", ["1 - Utdanning #kompetanse", table, "2 - Næring"], header=None)
    assert read_lines(path) == [
        Line("1 - Utdanning #kompetanse", 1, page=1),
        Line(
            "1.1 Etablere samarbeidsprosjekter mellom skolene og næringslivet.",
            2,
            page=1,
            cells={
                "code": "1.1",
                "text": "Etablere samarbeidsprosjekter mellom skolene og næringslivet.",
                "council_area": "Utdanning og kompetanse",
                "deadline": "31.12.2024",
                "status": "I arbeid",
            },
        ),
        Line(
            "1.2 Styrke fag- og svennebrev i regionen.",
            3,
            page=1,
            cells={
                "code": "1.2",
                "text": "Styrke fag- og svennebrev i regionen.",
                "council_area": "Næring",
                "deadline": "2025",
                "status": "Ikke startet",
            },
        ),
        Line("2 - Næring", 4, page=1),
    ]


def test_workbook_without_a_table_header_is_read_as_lines(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Avtale"
    sheet.append(["Partnerskapsavtale 2024"])
    sheet.append(["1 - Næring"])
    sheet.append(["1.1", "Flere arbeidsplasser", 2024])
    path = tmp_path / "avtale.xlsx"
    workbook.save(path)
    assert read_lines(path) == [
        Line("Partnerskapsavtale 2024", 1, sheet="Avtale"),
        Line("1 - Næring", 2, sheet="Avtale"),
        Line("1.1 Flere arbeidsplasser 2024", 3, sheet="Avtale"),
    ]


# --- what a page's top and foot hold ---------------------------------------------------------------


def paged_pdf(path: Path, pages: list[list[str]], *, header: str = "", footer: str = "", first: int = 1) -> Path:
    """Pages of lines in 11 point, a header and a footer in Word's 9 point, "{page}" in them numbered
    from the page ``first`` (a cover page before it is unnumbered, printed as the page's index - 1)."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for index, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        values = {"page": index - first + 1, "pages": len(pages) - first + 1}
        if header and index >= first:
            pdf.drawString(72, A4[1] - 40, header.format(**values))
        if footer and index >= first:
            pdf.drawCentredString(A4[0] / 2, 30, footer.format(**values))
        pdf.setFont("Helvetica", 11)
        for row, line in enumerate(lines):
            pdf.drawString(72, A4[1] - 80 - 16 * row, line)
        pdf.showPage()
    pdf.save()
    return path


def page_lines(document: Document) -> list[tuple[str, int | None]]:
    return [(line.text, line.page) for line in document.lines]


AREAS = {1: "Utdanning og kompetanse", 2: "Næringsutvikling", 3: "Samferdsel", 4: "Klima og miljø"}


@pytest.mark.parametrize("cover", [False, True], ids=["numbered as its page", "after a cover page"])
def test_a_focus_area_heading_at_the_top_of_each_page_stays(tmp_path, cover):
    # «Innsatsområde N» goes up with the page as a page number would, but it is the parties' heading,
    # in the text's type.
    first = [["Partnerskapsavtale 2024-2027", "Avtalen gjelder Indre Østfold."]] if cover else []
    areas = [[f"Innsatsområde {n}", AREAS[n], f"{n}.1 Tiltak for {AREAS[n].lower()}"] for n in AREAS]
    if not cover:
        areas[0] = ["Partnerskapsavtale 2024-2027", *areas[0]]
    offset = 1 if cover else 0
    path = paged_pdf(tmp_path / "avtale.pdf", first + areas, footer="Side {page} av {pages}", first=1 + offset)
    document = read_document(path)
    expected = [("Partnerskapsavtale 2024-2027", 1)]
    expected += [("Avtalen gjelder Indre Østfold.", 1)] if cover else []
    for n, title in AREAS.items():
        expected += [
            (f"Innsatsområde {n}", n + offset),
            (title, n + offset),
            (f"{n}.1 Tiltak for {title.lower()}", n + offset),
        ]
    assert page_lines(document) == expected
    numbered = range(1 + offset, 5 + offset)
    assert document.removed == [Furniture(f"Side {n - offset} av 4", n, "page_number") for n in numbered]


def test_focus_areas_on_pages_their_numbers_do_not_follow_stay(tmp_path):
    # Each focus area at the top of every other page: «Innsatsområde 1» on page 1, «… 2» on page 3.
    pages = []
    for n, title in AREAS.items():
        pages += [[f"Innsatsområde {n}", title, f"{n}.1 Tiltak for {title.lower()}"]]
        pages += [[f"{n}.2 Mer om innsatsområde {n}"]]
    pages[0] = ["Partnerskapsavtale 2024-2027", *pages[0]]
    document = read_document(paged_pdf(tmp_path / "avtale.pdf", pages))
    assert [text for text, _ in page_lines(document)] == [line for page in pages for line in page]
    assert document.removed == []


def test_one_commitment_at_the_top_of_each_of_32_pages_stays(tmp_path):
    pages = [["Partnerskapsavtale 2024-2027", "1 Utdanning", "1.1 Tiltak nummer 1"]]
    pages += [[f"1.{n} Tiltak nummer {n}", f"A - Første del av tiltak {n}"] for n in range(2, 33)]
    document = read_document(paged_pdf(tmp_path / "avtale.pdf", pages, footer="{page}"))
    assert page_lines(document) == [(line, number) for number, page in enumerate(pages, start=1) for line in page]
    assert document.removed == [Furniture(str(n), n, "page_number") for n in range(1, 33)]


def test_a_running_title_with_the_page_number_in_it_is_taken_out(tmp_path):
    # A cover page without the title; the next pages numbered from 1.
    pages = [
        ["Partnerskapsavtale 2024-2027", "Indre Østfold regionråd og Østfold fylkeskommune"],
        ["1 Utdanning", "1.1 Tiltak nummer 1"],
        ["1.2 Tiltak nummer 2"],
        ["2 Næring", "2.1 Tiltak nummer 3"],
    ]
    document = read_document(
        paged_pdf(tmp_path / "avtale.pdf", pages, header="Partnerskapsavtale Indre Østfold – side {page}", first=2)
    )
    assert page_lines(document) == [(line, number) for number, page in enumerate(pages, start=1) for line in page]
    assert document.removed == [
        Furniture(f"Partnerskapsavtale Indre Østfold – side {n - 1}", n, "header") for n in range(2, 5)
    ]


def test_side_n_av_m_footers_and_a_header_the_same_on_every_page_are_taken_out(tmp_path):
    pages = [["Partnerskapsavtale 2024-2027", "1 Utdanning", "1.1 Tiltak nummer 1"], ["1.2 Tiltak nummer 2"]]
    pages += [["2 Næring", "2.1 Tiltak nummer 3"]]
    document = read_document(
        paged_pdf(tmp_path / "avtale.pdf", pages, header="Indre Østfold regionråd", footer="Side {page} av {pages}")
    )
    assert page_lines(document) == [(line, number) for number, page in enumerate(pages, start=1) for line in page]
    assert document.removed == [
        furniture
        for n in range(1, 4)
        for furniture in (
            Furniture("Indre Østfold regionråd", n, "header"),
            Furniture(f"Side {n} av 3", n, "page_number"),
        )
    ]


def test_a_footer_that_reads_as_a_heading_goes_only_in_smaller_type(tmp_path):
    # «3 Partnerskapsavtale» reads as focus area 3 alone; at the foot of every page in 9 point it is a
    # footer with its page number first.
    pages = [["Partnerskapsavtale 2024-2027", "1 Utdanning", "1.1 Tiltak nummer 1"], ["1.2 Tiltak nummer 2"]]
    pages += [["2 Næring", "2.1 Tiltak nummer 3"]]
    document = read_document(
        paged_pdf(tmp_path / "avtale.pdf", pages, footer="{page} Partnerskapsavtale Indre Østfold")
    )
    assert page_lines(document) == [(line, number) for number, page in enumerate(pages, start=1) for line in page]
    assert document.removed == [Furniture(f"{n} Partnerskapsavtale Indre Østfold", n, "footer") for n in range(1, 4)]


def test_body_lines_that_name_their_page_are_not_headers(tmp_path):
    # Found in the try-out: a 200-page agreement whose every line named its page («… på side 3»)
    # lost whole pages as "headers" (and took minutes to read). Headers stand in the margins.
    pages = [
        [f"1.{page} Tiltak nummer {page} på side {page}.", f"Tekst på side {page} om samarbeidet."]
        + [f"Mer tekst {row} på side {page}." for row in range(3)]
        for page in range(1, 5)
    ]
    path = paged_pdf(tmp_path / "lang.pdf", pages, footer="Side {page} av {pages}")
    document = read_document(path)
    # Every line of every page is kept (how the lines join into paragraphs is another test's).
    assert [" ".join(text for text, page in page_lines(document) if page == number) for number in range(1, 5)] == [
        " ".join(lines) for lines in pages
    ]
    assert [(item.text, item.kind) for item in document.removed] == [
        (f"Side {page} av 4", "page_number") for page in range(1, 5)
    ]
