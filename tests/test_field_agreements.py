"""Agreement documents from the field (docs/field-log.md, "Agreement documents", issue 14).

Each test rebuilds, in code, one kind of document that public bug reports say text readers get
wrong, and asserts what the loader now reads from it: the whole agreement, its warnings and first
reports, or the whole refusal. Before issue 14 each of these was read wrong, or refused with a
message that misled (a PDF was not read at all).
"""

from __future__ import annotations

import copy
import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from core.errors import MonitorError
from core.register import Agreement, Commitment, FirstReport, FocusArea
from loaders.agreement import furniture_warnings
from loaders.agreement_layout import ParsedAgreement, parse_lines
from loaders.agreement_sources import read_document
from tests.test_docx_view import el, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISION = {"w:id": "1", "w:author": "Kari", "w:date": "2024-01-10T10:00:00Z"}
TITLE = "Partnerskapsavtale spesiell del 2024-2025"
LINES = [
    TITLE,
    "1 - Utdanning og kompetanse #kompetanseløft",
    "1.1 - Etablere samarbeidsprosjekter mellom skolene og næringslivet.",
    "1.2 - Styrke fag- og svennebrev i regionen.",
    "4 – god utdanning",
    "2 - Næringsliv #arbeidsplassvekst",
    "2.1 - Utvikle næringsarealer i hele regionen.",
    "A - Kartlegge ledige arealer.",
    "9 – industri, innovasjon og infrastruktur",
]
EXPECTED = Agreement(
    period="2024-2025",
    title=TITLE,
    focus_areas=[
        FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [4]),
        FocusArea("2", "Næringsliv", "#arbeidsplassvekst", [9]),
    ],
    commitments=[
        Commitment("1.1", "Etablere samarbeidsprosjekter mellom skolene og næringslivet.", "1"),
        Commitment("1.2", "Styrke fag- og svennebrev i regionen.", "1"),
        Commitment("2.1", "Utvikle næringsarealer i hele regionen.", "2"),
        Commitment("2.1.A", "Kartlegge ledige arealer.", "2"),
    ],
)


def read(path: Path, council_areas: tuple[str, ...] = ()) -> tuple[ParsedAgreement, bool]:
    """The document parsed (an Ansvar column matched against ``council_areas``), its warnings as the
    preview shows them: first what its pages had taken out."""
    document = read_document(path)
    parsed = parse_lines(document.lines, council_areas=council_areas)
    warnings = [*furniture_warnings(document.removed), *parsed.warnings]
    return dataclasses.replace(parsed, warnings=warnings), document.tracked_changes


# --- Word ------------------------------------------------------------------------------------


def control(*children: etree._Element) -> etree._Element:
    return el("w:sdt", el("w:sdtPr"), el("w:sdtContent", *children))


def plain_word(lines: list[str] = LINES) -> docx.document.Document:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return document


def with_runs(document, text: str, *children: etree._Element):
    """The document with the paragraph reading ``text`` made of ``children`` instead."""
    paragraph = next(p for p in document.paragraphs if p.text == text)._p
    for child in list(paragraph):
        if child.tag != qn("w:pPr"):
            paragraph.remove(child)
    paragraph.extend(children)
    return document


def wrapped(document, element: etree._Element, *elements: etree._Element):
    """The document with ``elements`` moved into the content control ``element``."""
    elements[0].addprevious(element)
    element.find(qn("w:sdtContent")).extend(elements)
    return document


def paragraph_element(document, text: str) -> etree._Element:
    return next(p for p in document.paragraphs if p.text == text)._p


def tracked_insertion():
    return with_runs(
        plain_word(),
        LINES[2],
        run("1.1 - Etablere "),
        el("w:ins", run("samarbeidsprosjekter "), **REVISION),
        run("mellom skolene og næringslivet."),
    )


def tracked_paragraph():
    return with_runs(plain_word(), LINES[3], el("w:ins", run(LINES[3]), **REVISION))


def title_in_a_control():
    document = plain_word()
    return wrapped(document, control(), paragraph_element(document, TITLE))


def commitments_in_a_control():
    document = plain_word()
    return wrapped(document, control(), paragraph_element(document, LINES[2]), paragraph_element(document, LINES[3]))


def inline_control():
    return with_runs(
        plain_word(),
        LINES[2],
        run("1.1 - Etablere "),
        control(run("samarbeidsprosjekter ")),
        run("mellom skolene og næringslivet."),
    )


def table_in_a_control():
    document = plain_word(LINES[:1])
    table = document.add_table(rows=len(LINES) - 1, cols=1)
    for index, line in enumerate(LINES[1:]):
        table.cell(index, 0).text = line
    return wrapped(document, control(), table._tbl)


def title_in_a_field():
    return with_runs(plain_word(), TITLE, el("w:fldSimple", run(TITLE), **{"w:instr": " TITLE "}))


NUMBERING = f"""<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 -"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2 -"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3 -"/></w:lvl>
</w:abstractNum>
<w:num w:numId="10"><w:abstractNumId w:val="10"/>OVERRIDE</w:num>
</w:numbering>"""


def automatic_numbering(override: str = ""):
    """The agreement with Word numbering its headings, commitments and lettered items."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.extend(list(etree.fromstring(NUMBERING.replace("OVERRIDE", override).encode())))
    for text in LINES:
        number, _, rest = text.partition(" - ")
        level = {1: 0, 3: 1}.get(len(number)) if rest else None
        level = 2 if number == "A" else level
        paragraph = document.add_paragraph(rest if level is not None else text)
        if level is not None:
            numbering_properties = el(
                "w:numPr", el("w:ilvl", **{"w:val": str(level)}), el("w:numId", **{"w:val": "10"})
            )
            paragraph._p.get_or_add_pPr().append(numbering_properties)
    return document


WORD: dict[str, Callable[[], docx.document.Document]] = {
    # python-docx #1123, #340: the text of a tracked insertion was missing.
    "tracked insertion in a text": tracked_insertion,
    # python-docx #6: a paragraph typed with tracking on vanished.
    "paragraph inserted with tracking": tracked_paragraph,
    # python-docx #295: the title with the period in a cover page's content control; refused as "no period".
    "title in a content control": title_in_a_control,
    "commitments in a content control": commitments_in_a_control,
    # python-docx #155
    "inline content control": inline_control,
    # all2md #487: refused as "no commitments".
    "table in a content control": table_in_a_control,
    "title in a simple field": title_in_a_field,
    # python-docx #471, #92: refused, telling people to turn Word's numbering into text.
    "automatic numbering": automatic_numbering,
    # python-docx #25: a start override on the list.
    "automatic numbering with a start override": lambda: automatic_numbering(
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    ),
}
TRACKED = {"tracked insertion in a text", "paragraph inserted with tracking"}


@pytest.mark.parametrize("kind", list(WORD))
def test_word_documents_read_as_word_shows_them(kind, tmp_path):
    path = tmp_path / "avtale.docx"
    WORD[kind]().save(path)
    parsed, tracked_changes = read(path)
    assert parsed.agreement == EXPECTED
    assert (parsed.warnings, parsed.reports) == ([], {})
    assert tracked_changes is (kind in TRACKED)


# --- PDF --------------------------------------------------------------------------------------


def pdf(path: Path, pages: list[list[str]], *, header: str | None = None, font: str = "Helvetica", **options) -> None:
    """Pages of lines as Word's "Save as PDF" lays them out, with "Side N av M" at the foot."""
    draw = options.pop("draw", None)
    sheet = canvas.Canvas(str(path), pagesize=A4, **options)
    for number, lines in enumerate(pages, start=1):
        if header:
            sheet.setFont(font, 9)
            sheet.drawString(72, 800, header)
        sheet.setFont(font, 11)
        for index, line in enumerate(lines):
            (draw or (lambda c, text, y: c.drawString(72, y, text)))(sheet, line, 760 - 16 * index)
        sheet.setFont(font, 9)
        sheet.drawString(270, 40, f"Side {number} av {len(pages)}")
        sheet.showPage()
    sheet.save()


def fake_bold(sheet, line: str, y: float) -> None:
    sheet.drawString(72, y, line)
    if line[:1].isdigit() and " - " in line[:4]:
        sheet.drawString(72.3, y, line)


def words_apart(sheet, line: str, y: float) -> None:
    x = 72.0
    for word in line.split(" "):
        sheet.drawString(x, y, word)
        x += sheet.stringWidth(word, "Helvetica", 11) + 3.1


def with_ligatures(path: Path) -> None:
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    lines = [line.replace("fi", "\ufb01").replace("fl", "\ufb02") for line in LINES]
    lines[2] = "1.1 - Etablere samarbeidsprosjekter mellom skolene og næringslivet \ufb01nt."
    pdf(path, [lines], font="DejaVu")


def table_pdf(path: Path) -> None:
    normal = getSampleStyleSheet()["Normal"]
    rows = [
        ["Nr", "Tiltak", "Ansvar", "Frist", "Status"],
        ["1.1", Paragraph(EXPECTED.commitments[0].text, normal), "Utdanning og kompetanse", "31.12.2024", "I arbeid"],
        ["1.2", Paragraph(EXPECTED.commitments[1].text, normal), "Utdanning og kompetanse", "2025", "Ikke startet"],
    ]
    story = [Paragraph(TITLE, normal), Paragraph(LINES[1], normal), Table(rows, colWidths=[30, 200, 120, 60, 60])]
    story += [Paragraph(line, normal) for line in LINES[4:]]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


CONTENTS = [
    "Innhold",
    "1 Utdanning og kompetanse ........................ 2",
    "1.1 Samarbeidsprosjekter ........................ 2",
    "2 Næringsliv ........................................ 3",
    "2.1 Næringsarealer ............................... 3",
]
HYPHENATED = [
    TITLE,
    LINES[1],
    "1.1 - Etablere samarbeids-",
    "prosjekter mellom skolene og næringslivet.",
    "1.2 - Styrke fag- og",
    "svennebrev i regionen.",
    *LINES[4:],
]
PDF: dict[str, Callable[[Path], None]] = {
    # pdfplumber #843: a running title and "Side N av M" on every page.
    "running header and page numbers": lambda path: pdf(
        path, [LINES[:5], LINES[5:]], header="Partnerskapsavtale Indre Østfold regionråd – Østfold fylkeskommune"
    ),
    # datalab-to/pdftext #1: a word broken at a line end; "fag- og" keeps its hyphen.
    "end-of-line hyphenation": lambda path: pdf(path, [HYPHENATED]),
    # pdfplumber #71: headings drawn twice, a hair apart, to look bold.
    "fake bold": lambda path: pdf(path, [LINES], draw=fake_bold),
    # pdfplumber #334: words placed one by one with no space characters between them.
    "words placed apart": lambda path: pdf(path, [LINES], draw=words_apart),
    # A PDF that forbids copying but opens without a password.
    "owner password only": lambda path: pdf(
        path, [LINES], encrypt=pdfencrypt.StandardEncryption("", ownerPassword="eier", canCopy=0)
    ),
}


@pytest.mark.parametrize("kind", list(PDF))
def test_pdfs_read_without_their_page_furniture(kind, tmp_path):
    path = tmp_path / "avtale.pdf"
    PDF[kind](path)
    parsed, _ = read(path)
    assert parsed.agreement == EXPECTED
    # What was taken out is said, never dropped in silence.
    said = (
        [
            "Side 1–2: linjen «Partnerskapsavtale Indre Østfold regionråd – Østfold fylkeskommune» øverst på "
            "sidene er tatt ut som topptekst (2 sider).",
            "Sidetall er tatt ut på 2 sider.",
        ]
        if kind == "running header and page numbers"
        else ["Sidetall er tatt ut på 1 side."]
    )
    assert ([warning.message("nb") for warning in parsed.warnings], parsed.reports) == (said, {})


def test_ligatures_are_read_as_their_letters(tmp_path):
    # pdfplumber #598: "ﬁ" (U+FB01) in the text layer.
    path = tmp_path / "avtale.pdf"
    with_ligatures(path)
    expected = copy.deepcopy(EXPECTED)
    expected.commitments[0].text = "Etablere samarbeidsprosjekter mellom skolene og næringslivet fint."
    assert read(path)[0].agreement == expected


def test_a_table_of_contents_is_skipped_and_named(tmp_path):
    path = tmp_path / "avtale.pdf"
    pdf(path, [[TITLE, *CONTENTS], LINES[1:]])
    parsed, _ = read(path)
    assert parsed.agreement == EXPECTED
    assert [warning.message("nb") for warning in parsed.warnings] == [
        "Sidetall er tatt ut på 2 sider.",
        "Side 1, linje 2: en innholdsfortegnelse (5 linjer, til linje 6) er hoppet over. Sjekk at ingen "
        "innsatsområder eller tiltak står blant de linjene.",
    ]


def test_a_table_s_columns_become_fields_and_first_reports(tmp_path):
    # The issue's own finding: "Utdanning og kompetanse 31.12.2023 I arbeid" glued onto every text.
    path = tmp_path / "avtale.pdf"
    table_pdf(path)
    parsed, _ = read(path, council_areas=("Samferdsel", "Utdanning og kompetanse"))
    expected = copy.deepcopy(EXPECTED)
    for commitment, deadline in zip(expected.commitments[:2], ["2024-12-31", "2025"], strict=True):
        commitment.council_area = "Utdanning og kompetanse"
        commitment.deadline = deadline
    assert parsed.agreement == expected
    assert parsed.reports == {"1.1": FirstReport("on_track"), "1.2": FirstReport("not_started")}
    assert [warning.message("nb") for warning in parsed.warnings] == [
        "Side 1, linje 3: statusen «I arbeid» for tiltak 1.1 er lest som «I rute». Rett statusen før du lagrer "
        "den som første statusrapport hvis det ikke stemmer."
    ]


def scanned(path: Path) -> None:
    image = io.BytesIO()
    Image.new("L", (800, 1100), 255).save(image, "PNG")
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.drawImage(ImageReader(io.BytesIO(image.getvalue())), 0, 0, 595, 842)
    sheet.showPage()
    sheet.save()


@pytest.mark.parametrize(
    "build,message",
    [
        (
            scanned,
            "«avtale.pdf» har ingen tekst, bare bilder av sider (en skannet PDF). Bruk den opprinnelige Word-filen, "
            "eller en PDF lagret fra Word med tekst.",
        ),
        (
            lambda path: pdf(path, [LINES], encrypt=pdfencrypt.StandardEncryption("hemmelig", ownerPassword="eier")),
            "«avtale.pdf» er beskyttet med passord og kan ikke leses. Lagre en PDF uten passord, "
            "eller bruk Word-filen.",
        ),
    ],
    ids=["scanned", "password"],
)
def test_pdfs_without_readable_text_are_refused_saying_why(build, message, tmp_path):
    path = tmp_path / "avtale.pdf"
    build(path)
    with pytest.raises(MonitorError) as refused:
        read_document(path)
    assert str(refused.value) == message
