"""Word's final view (loaders/docx_view.py): what python-docx reads after ``final_view`` is what Word shows.

Each document is built in code as the field trials of issue 14 built them (/work/notes/field14.py),
saved and opened again so python-docx parses it as it parses a file.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from loaders.agreement import preview_agreement
from loaders.docx_view import final_view

TITLE = "Partnerskapsavtale spesiell del 2024-2025"
HEADING = "1 - Utdanning og kompetanse #kompetanseløft"
FIRST = "1.1 - Etablere samarbeidsprosjekter mellom skolene og næringslivet."
SECOND = "1.2 - Styrke fag- og svennebrev i regionen."
SDG = "4 – god utdanning"
REVISION = {"w:id": "1", "w:author": "Kari", "w:date": "2024-01-10T10:00:00Z"}


# --- building ----------------------------------------------------------------------------------


def el(tag: str, *children: etree._Element, **attributes: str) -> etree._Element:
    element = etree.Element(qn(tag))
    for name, value in attributes.items():
        element.set(qn(name), value)
    element.extend(children)
    return element


def run(text: str, deleted: bool = False) -> etree._Element:
    text_element = el("w:delText" if deleted else "w:t")
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el("w:r", text_element)


def inserted(*children: etree._Element) -> etree._Element:
    return el("w:ins", *children, **REVISION)


def deleted(*texts: str) -> etree._Element:
    return el("w:del", *(run(text, deleted=True) for text in texts), **REVISION)


def control(*children: etree._Element, placeholder: bool = False) -> etree._Element:
    """A content control (w:sdt) showing ``children``."""
    properties = el("w:sdtPr", el("w:alias", **{"w:val": "Tittel"}))
    if placeholder:
        properties.append(el("w:showingPlcHdr"))
    return el("w:sdt", properties, el("w:sdtEndPr"), el("w:sdtContent", *children))


def paragraph(document: DocumentObject, *children: etree._Element, style: str | None = None) -> etree._Element:
    """A new paragraph at the end of the body holding ``children`` (runs, wrappers)."""
    element = document.add_paragraph(style=style)._p
    element.extend(children)
    return element


def mark(element: etree._Element, revision: str) -> etree._Element:
    """Mark a paragraph's mark as inserted or deleted (w:pPr/w:rPr/w:ins|w:del|w:moveFrom|w:moveTo)."""
    properties = element.find(qn("w:pPr"))
    if properties is None:
        properties = el("w:pPr")
        element.insert(0, properties)
    properties.append(el("w:rPr", el(revision, **REVISION)))
    return element


def wrap(wrapper: etree._Element, *elements: etree._Element) -> etree._Element:
    """Put ``wrapper`` where the first element stands and move the elements into it."""
    inner = wrapper.find(qn("w:sdtContent"))
    elements[0].addprevious(wrapper)
    (wrapper if inner is None else inner).extend(elements)
    return wrapper


def table(document: DocumentObject, rows: list[list[str]]) -> Table:
    built = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            built.cell(r, c).text = text
    return built


def reopened(document: DocumentObject) -> DocumentObject:
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


# --- reading, as loaders/agreement_sources.py reads ---------------------------------------------


def blocks(document: DocumentObject) -> list[str | list[list[str]]]:
    """Every paragraph's text, and every table as its rows of cell texts, in body order."""
    return [
        [[cell.text for cell in row.cells] for row in block.rows] if isinstance(block, Table) else block.text
        for block in document.iter_inner_content()
    ]


def body_xml(document: DocumentObject) -> bytes:
    return etree.tostring(document.element.body)


def body_tags(document: DocumentObject) -> set[str]:
    return {etree.QName(element).localname for element in document.element.body.iter()}


# --- tracked changes --------------------------------------------------------------------------


def test_a_tracked_insertion_in_a_text_is_read():
    # D1, python-docx #1123, #340, #803
    document = docx.Document()
    paragraph(
        document,
        run("1.1 - Etablere "),
        inserted(run("samarbeidsprosjekter ")),
        run("mellom skolene og næringslivet."),
    )
    document = reopened(document)
    assert blocks(document) == ["1.1 - Etablere mellom skolene og næringslivet."]

    assert final_view(document) is True
    assert blocks(document) == [FIRST]
    assert "ins" not in body_tags(document)


def test_a_tracked_deletion_stays_out():
    # D2
    document = docx.Document()
    paragraph(
        document, run("1.1 - Etablere "), deleted("gamle "), run("samarbeidsprosjekter mellom skolene og næringslivet.")
    )
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [FIRST]
    assert body_tags(document) & {"del", "delText"} == set()


def test_a_paragraph_typed_with_tracking_on_is_read():
    # D3, python-docx #6: its runs inserted and its mark inserted
    document = docx.Document()
    document.add_paragraph(FIRST)
    mark(paragraph(document, inserted(run(SECOND))), "w:ins")
    document.add_paragraph(SDG)
    document = reopened(document)
    assert blocks(document) == [FIRST, "", SDG]

    assert final_view(document) is True
    assert blocks(document) == [FIRST, SECOND, SDG]
    assert "ins" not in body_tags(document)


def test_a_deleted_paragraph_mark_joins_the_paragraph_with_the_next_keeping_its_own_style():
    document = docx.Document()
    document.add_paragraph(HEADING, style="Heading 1")
    mark(paragraph(document, run("1.1 - Etablere samarbeids"), style="List Bullet"), "w:del")
    document.add_paragraph("prosjekter mellom skolene og næringslivet.", style="Normal")
    document.add_paragraph(SECOND, style="List Bullet")
    document = reopened(document)

    assert final_view(document) is True
    assert [(p.style.name if p.style else None, p.text) for p in document.paragraphs] == [
        ("Heading 1", HEADING),
        ("List Bullet", FIRST),
        ("List Bullet", SECOND),
    ]


def test_deleted_marks_one_after_another_join_every_paragraph_they_end():
    document = docx.Document()
    mark(paragraph(document, run("1.1 - Etablere ")), "w:del")
    mark(paragraph(document, run("samarbeidsprosjekter ")), "w:del")
    document.add_paragraph("mellom skolene og næringslivet.")
    document.add_paragraph(SECOND)
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [FIRST, SECOND]


def test_a_whole_paragraph_deleted_vanishes_and_the_next_keeps_its_style():
    document = docx.Document()
    document.add_paragraph(HEADING, style="Heading 1")
    mark(paragraph(document, deleted("Et gammelt tiltak som er strøket."), style="Heading 2"), "w:del")
    document.add_paragraph(FIRST, style="List Bullet")
    document = reopened(document)

    assert final_view(document) is True
    assert [(p.style.name if p.style else None, p.text) for p in document.paragraphs] == [
        ("Heading 1", HEADING),
        ("List Bullet", FIRST),
    ]


def test_a_deleted_mark_before_a_table_or_at_the_end_of_a_cell_has_nothing_to_join():
    document = docx.Document()
    mark(paragraph(document, run(HEADING)), "w:del")
    rows = table(document, [["1.1", "Etablere samarbeidsprosjekter."]])
    mark(rows.cell(0, 1)._tc.p_lst[-1], "w:del")
    document.add_paragraph(SDG)
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [HEADING, [["1.1", "Etablere samarbeidsprosjekter."]], SDG]
    assert "del" not in body_tags(document)


def test_a_moved_commitment_is_read_where_it_was_moved_to():
    document = docx.Document()
    document.add_paragraph(HEADING)
    mark(paragraph(document, el("w:moveFrom", run(SECOND), **REVISION)), "w:moveFrom")
    document.add_paragraph(FIRST)
    mark(paragraph(document, el("w:moveTo", run(SECOND), **REVISION)), "w:moveTo")
    document.add_paragraph(SDG)
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [HEADING, FIRST, SECOND, SDG]
    assert body_tags(document) & {"moveFrom", "moveTo", "delText"} == set()


def test_a_deletion_inside_an_insertion_is_gone_and_an_insertion_inside_a_deletion_too():
    document = docx.Document()
    paragraph(
        document,
        run("1.1 - Etablere "),
        inserted(run("samarbeids"), deleted("gamle "), run("prosjekter ")),
        el("w:del", inserted(run("ikke ")), run("bare ", deleted=True), **REVISION),
        run("mellom skolene og næringslivet."),
    )
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [FIRST]


def test_deleted_text_outside_a_deletion_is_not_read():
    document = docx.Document()
    paragraph(document, run("1.1 - Etablere "), run("gamle ", deleted=True), run(FIRST.removeprefix("1.1 - Etablere ")))
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [FIRST]
    assert len(document.paragraphs[0].runs) == 2


def test_tracked_rows_in_a_table_inserted_kept_and_deleted_gone():
    document = docx.Document()
    rows = table(document, [["Nr", "Tiltak"], ["1.1", "Etablere samarbeidsprosjekter."], ["1.9", "Strøket."]])
    rows.rows[1]._tr.get_or_add_trPr().append(el("w:ins", **REVISION))
    rows.rows[2]._tr.get_or_add_trPr().append(el("w:del", **REVISION))
    struck = table(document, [["2.1", "Hele tabellen er strøket."]])
    struck.rows[0]._tr.get_or_add_trPr().append(el("w:del", **REVISION))
    document = reopened(document)

    assert final_view(document) is True
    assert blocks(document) == [[["Nr", "Tiltak"], ["1.1", "Etablere samarbeidsprosjekter."]]]
    assert body_tags(document) & {"ins", "del"} == set()


def test_a_formatting_change_counts_as_a_revision_and_keeps_the_formatting_as_it_is_now():
    document = docx.Document()
    bold = document.add_paragraph().add_run(FIRST)
    bold.bold = True
    bold._r.get_or_add_rPr().append(el("w:rPrChange", el("w:rPr"), **REVISION))
    document = reopened(document)

    assert final_view(document) is True
    assert [(r.text, r.bold) for r in document.paragraphs[0].runs] == [(FIRST, True)]
    assert "rPrChange" not in body_tags(document)


def test_the_preview_warns_that_tracked_changes_were_read_as_accepted(db, tmp_path):
    document = docx.Document()
    document.add_paragraph("Partnerskapsavtale 2024")
    document.add_paragraph("1 - Utdanning")
    paragraph(document, inserted(run("1.1 - Flere lærlinger")))
    path = tmp_path / "avtale.docx"
    document.save(path)

    preview = preview_agreement(db, path, "Indre Østfold")

    assert [commitment.text for commitment in preview.agreement.commitments] == ["Flere lærlinger"]
    assert [warning.message("nb") for warning in preview.warnings] == [
        "Word-dokumentet har sporede endringer som ikke er godtatt. De er lest som om de var godtatt; "
        "sjekk teksten, eller godta eller avvis endringene i Word og last opp filen på nytt."
    ]
    assert [warning.message("en") for warning in preview.warnings] == [
        "The Word document has tracked changes that have not been accepted. They were read as if accepted; "
        "check the text, or accept or reject the changes in Word and upload the file again."
    ]


# --- content controls ---------------------------------------------------------------------------


def test_the_title_in_a_block_content_control_is_read():
    # D4, python-docx #295: Word's cover page
    document = docx.Document()
    wrap(control(), document.add_paragraph(TITLE)._p)
    document.add_paragraph(HEADING)
    document = reopened(document)
    assert blocks(document) == [HEADING]

    assert final_view(document) is False
    assert blocks(document) == [TITLE, HEADING]
    assert body_tags(document) & {"sdt", "sdtPr", "sdtEndPr", "sdtContent", "alias"} == set()


def test_commitments_in_a_block_content_control_are_read_in_place():
    # D5
    document = docx.Document()
    document.add_paragraph(HEADING)
    wrap(control(), document.add_paragraph(FIRST)._p, document.add_paragraph(SECOND)._p)
    document.add_paragraph(SDG)
    document = reopened(document)
    assert blocks(document) == [HEADING, SDG]

    assert final_view(document) is False
    assert blocks(document) == [HEADING, FIRST, SECOND, SDG]


def test_an_inline_content_control_in_a_text_is_read():
    # D6, python-docx #155
    document = docx.Document()
    paragraph(
        document, run("1.1 - Etablere "), control(run("samarbeidsprosjekter ")), run("mellom skolene og næringslivet.")
    )
    document = reopened(document)
    assert blocks(document) == ["1.1 - Etablere mellom skolene og næringslivet."]

    assert final_view(document) is False
    assert blocks(document) == [FIRST]


def test_content_controls_around_a_table_a_row_and_a_cell_and_inside_a_cell_are_read():
    # D7, all2md #487
    document = docx.Document()
    whole = table(document, [["1.1", "Etablere samarbeidsprosjekter."]])
    wrap(control(), whole._tbl)
    parts = table(
        document, [["Nr", "Tiltak"], ["1.2", "Styrke fag- og svennebrev."], ["2.1", "Utvikle næringsarealer."]]
    )
    row_in_control, row = (item._tr for item in parts.rows[1:])
    wrap(control(), row_in_control)
    wrap(control(), row.tc_lst[1])
    first_cell = row.tc_lst[0]
    wrap(control(), first_cell.p_lst[0])
    document = reopened(document)
    assert blocks(document) == [[["Nr", "Tiltak"], [""]]]

    assert final_view(document) is False
    assert blocks(document) == [
        [["1.1", "Etablere samarbeidsprosjekter."]],
        [["Nr", "Tiltak"], ["1.2", "Styrke fag- og svennebrev."], ["2.1", "Utvikle næringsarealer."]],
    ]


def test_a_content_control_showing_its_placeholder_reads_as_empty():
    document = docx.Document()
    wrap(control(placeholder=True), paragraph(document, run("Klikk eller trykk her for å skrive inn tekst.")))
    paragraph(document, run("Periode: "), control(run("[Dato]"), placeholder=True))
    document.add_paragraph(TITLE)
    document = reopened(document)

    assert final_view(document) is False
    assert blocks(document) == ["", "Periode: ", TITLE]


# --- fields and old wrappers ------------------------------------------------------------------


def test_a_title_in_a_simple_field_is_read():
    # D10
    document = docx.Document()
    paragraph(document, el("w:fldSimple", el("w:fldData"), run(TITLE), **{"w:instr": " TITLE "}))
    document = reopened(document)
    assert blocks(document) == [""]

    assert final_view(document) is False
    assert blocks(document) == [TITLE]
    assert body_tags(document) & {"fldSimple", "fldData"} == set()


def test_smart_tags_and_custom_xml_inline_and_around_paragraphs_are_read():
    document = docx.Document()
    wrap(el("w:customXml", el("w:customXmlPr"), **{"w:element": "tittel"}), document.add_paragraph(TITLE)._p)
    paragraph(
        document,
        run("1.1 - Etablere "),
        el("w:smartTag", el("w:smartTagPr"), run("samarbeidsprosjekter "), **{"w:element": "place"}),
        el("w:customXml", run("mellom skolene "), **{"w:element": "sted"}),
        run("og næringslivet."),
    )
    document = reopened(document)
    assert blocks(document) == ["1.1 - Etablere og næringslivet."]

    assert final_view(document) is False
    assert blocks(document) == [TITLE, FIRST]


# --- nesting ------------------------------------------------------------------------------------


def test_wrappers_inside_wrappers_are_all_unwrapped():
    document = docx.Document()
    # An insertion around a content control, and a content control around an insertion.
    paragraph(
        document,
        run("1.1 - Etablere "),
        inserted(control(run("samarbeidsprosjekter "))),
        control(inserted(run("mellom skolene "))),
        el("w:smartTag", el("w:fldSimple", run("og næringslivet."), **{"w:instr": " DOCPROPERTY x "})),
    )
    # A block content control holding a paragraph typed with tracking on, inside a custom XML block.
    typed = mark(paragraph(document, inserted(run(SECOND))), "w:ins")
    wrap(el("w:customXml", **{"w:element": "tiltak"}), wrap(control(), typed))
    document = reopened(document)
    assert blocks(document) == ["1.1 - Etablere "]

    assert final_view(document) is True
    assert blocks(document) == [FIRST, SECOND]
    assert body_tags(document) & {"ins", "sdt", "sdtContent", "smartTag", "fldSimple", "customXml"} == set()


def test_a_hyperlink_stays_and_what_it_wraps_is_read():
    # D8: python-docx 1.2 reads a hyperlink's runs, not what is wrapped inside it.
    document = docx.Document()
    link = el("w:hyperlink", inserted(run("næringsarealer")))
    link.set(qn("r:id"), "rId99")
    paragraph(document, run("2.1 - Utvikle "), link, run(" i hele regionen."))
    document = reopened(document)
    assert blocks(document) == ["2.1 - Utvikle  i hele regionen."]

    assert final_view(document) is True
    assert blocks(document) == ["2.1 - Utvikle næringsarealer i hele regionen."]
    assert [type(item).__name__ for item in document.paragraphs[0].iter_inner_content()] == ["Run", "Hyperlink", "Run"]


# --- what is left alone -------------------------------------------------------------------------


def test_a_document_without_changes_or_wrappers_is_left_as_it_is():
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    styled = document.add_paragraph("1.1 - Etablere ", style="List Bullet")
    styled.add_run("samarbeidsprosjekter").bold = True
    styled.add_run(" mellom skolene og næringslivet.")
    paragraph(
        document,
        el("w:bookmarkStart", **{"w:id": "0", "w:name": "tiltak"}),
        run(SECOND),
        el("w:bookmarkEnd", **{"w:id": "0"}),
    )
    link = el("w:hyperlink", run("næringsarealer"))
    link.set(qn("r:id"), "rId99")
    paragraph(document, run("2.1 - Utvikle "), link)
    table(document, [["Nr", "Tiltak"], ["1.1", "Etablere samarbeidsprosjekter."]])
    document.add_paragraph("")
    document = reopened(document)
    before = body_xml(document)

    assert final_view(document) is False
    assert body_xml(document) == before


def test_headers_and_footers_are_not_part_of_the_body_and_are_left_alone():
    document = docx.Document()
    document.add_paragraph(TITLE)
    header = document.sections[0].header.paragraphs[0]._p
    header.append(inserted(run("Indre Østfold regionråd")))
    document = reopened(document)
    header_before = etree.tostring(document.sections[0].header._element)

    assert final_view(document) is False
    assert blocks(document) == [TITLE]
    assert etree.tostring(document.sections[0].header._element) == header_before
