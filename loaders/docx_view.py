"""Word's final view of a .docx body: every tracked change accepted, every wrapper unwrapped.

python-docx reads a paragraph's text from the runs and hyperlinks that are its direct children,
and a body's, cell's, table's or row's content from its direct ``w:p``/``w:tbl``, ``w:tr`` and
``w:tc`` children. Whatever Word wraps around those is skipped with everything in it, so a
document reads differently from what Word shows (field trials of issue 14):

- a tracked insertion, ``w:ins`` around runs, is missing from ``paragraph.text`` (python-docx
  #1123, #340, #803), and a paragraph typed with tracking on vanishes (python-docx #6);
- a content control, ``w:sdt``, hides paragraphs at block level (Word's cover pages and template
  fields, python-docx #295), runs inside a paragraph (python-docx #155), and a table, a row or a
  cell's paragraphs (all2md #487);
- a simple field, ``w:fldSimple`` (a TITLE field), and the old ``w:smartTag`` and ``w:customXml``
  wrappers hide the runs they hold.

Tracked deletions (``w:del``, ``w:moveFrom``) are already absent from python-docx's text and go
here too, with one more consequence: a deleted paragraph mark joins its paragraph with the next
one (ECMA-376 Part 1, 17.13.5.15). ``w:hyperlink`` is kept, python-docx 1.2 reads it.

Only the body is rewritten: headers, footers, footnotes and comments are parts of their own,
and an agreement's text is in the body.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from lxml import etree


def _tags(*names: str) -> frozenset[str]:
    return frozenset(qn(f"w:{name}") for name in names)


_P, _PPR, _RPR, _R, _TR, _TRPR, _TBL = (qn(f"w:{name}") for name in ("p", "pPr", "rPr", "r", "tr", "trPr", "tbl"))
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_SHOWING_PLACEHOLDER = f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}"

# Content Word shows with every change accepted, and what it shows in place of a deleted one.
_INSERTED = _tags("ins", "moveTo")
_DELETED = _tags("del", "moveFrom")
_DELETED_TEXT = _tags("delText", "delInstrText")
# Records of what the properties were before a tracked change, and where a move began and ended:
# accepting keeps the properties as they are now and forgets the records.
_RECORDS = _tags(
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "numberingChange",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
)
_REVISIONS = _INSERTED | _DELETED | _DELETED_TEXT | _RECORDS
# Wrappers whose content Word shows in their place; their own properties go with them.
_WRAPPERS = _INSERTED | _tags("sdt", "fldSimple", "smartTag", "customXml")
_WRAPPER_PROPERTIES = _tags("sdtPr", "sdtEndPr", "fldData", "smartTagPr", "customXmlPr")
# What a paragraph may hold besides its properties and still show nothing.
_INVISIBLE = _tags(
    "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"
)


def final_view(document: DocumentObject) -> bool:
    """Rewrite ``document``'s body in memory into what Word shows with all changes accepted.

    Afterwards python-docx's ordinary API (``iter_inner_content()``, ``paragraph.text``, table
    cells) reads the text a person reads in Word. Returns whether the body held tracked changes
    of any kind (text, paragraphs, table rows, formatting, numbering), so a caller can say that
    changes not yet accepted were read as accepted.
    """
    body = document.element.body
    had_revisions = any(True for _ in body.iter(*_REVISIONS))
    _forget_records(body)
    _remove_deleted(body)
    _blank_placeholders(body)
    _unwrap(body)
    _join_deleted_marks(body)
    return had_revisions


def _forget_records(body: etree._Element) -> None:
    for record in list(body.iter(*_RECORDS)):
        _detach(record)


def _remove_deleted(body: etree._Element) -> None:
    """Deleted runs and rows go; a deleted paragraph mark stays as a sign for ``_join_deleted_marks``."""
    for deleted in list(body.iter(*_DELETED)):
        parent = deleted.getparent()
        if parent is None or parent.tag == _RPR:
            continue
        row = parent.getparent()
        if parent.tag == _TRPR and row is not None:
            _detach(row)
        else:
            parent.remove(deleted)
    # Deleted text outside a deletion is not shown either, nor a run left with nothing else.
    for text in list(body.iter(*_DELETED_TEXT)):
        run = text.getparent()
        if run is None:
            continue
        run.remove(text)
        if run.tag == _R and all(child.tag == _RPR for child in run):
            _detach(run)
    # A table whose every row was deleted is deleted with them.
    for table in list(body.iter(_TBL)):
        if table.find(_TR) is None:
            _detach(table)


def _blank_placeholders(body: etree._Element) -> None:
    """An empty content control shows a prompt ("Klikk eller trykk her for å skrive inn tekst"), not text."""
    for control in list(body.iter(_SDT)):
        content = control.find(_SDT_CONTENT)
        if content is not None and control.find(_SHOWING_PLACEHOLDER) is not None:
            for run in list(content.iter(_R)):
                _detach(run)


def _unwrap(body: etree._Element) -> None:
    # Outer wrappers come first in document order; their inner ones move with their content and
    # are unwrapped where they land.
    for wrapper in list(body.iter(*_WRAPPERS)):
        parent = wrapper.getparent()
        if parent is None:
            continue
        if parent.tag in (_RPR, _TRPR):
            # An inserted paragraph mark or row: accepted, it is an ordinary one.
            parent.remove(wrapper)
            continue
        content = wrapper.find(_SDT_CONTENT) if wrapper.tag == _SDT else wrapper
        for child in _shown(content):
            wrapper.addprevious(child)
        parent.remove(wrapper)


def _shown(content: etree._Element | None) -> list[etree._Element]:
    if content is None:
        return []
    return [child for child in content if child.tag not in _WRAPPER_PROPERTIES]


def _join_deleted_marks(body: etree._Element) -> None:
    for paragraph in list(body.iter(_P)):
        if paragraph.getparent() is not None:
            _join_forward(paragraph)


def _join_forward(paragraph: etree._Element) -> None:
    """Join a paragraph whose mark is deleted with the paragraphs after it, as far as the marks go.

    The joined paragraph keeps the first one's properties (ECMA-376 17.13.5.15: its contents "shall
    not automatically acquire the properties of the following paragraph"). A paragraph left with
    nothing to show merges the other way: it vanishes and the next keeps its own properties, as
    when a whole paragraph, its mark included, was deleted. A mark before a table or at the end of
    a cell has no paragraph to join and stays.
    """
    deleted = _take_deleted_mark(paragraph)
    while deleted:
        following = paragraph.getnext()
        if following is None or following.tag != _P:
            return
        deleted = _take_deleted_mark(following)
        if _shows_something(paragraph):
            paragraph.extend(_content(following))
            _detach(following)
        else:
            properties = following.find(_PPR)
            at = 0 if properties is None else following.index(properties) + 1
            following[at:at] = _content(paragraph)
            _detach(paragraph)
            paragraph = following


def _take_deleted_mark(paragraph: etree._Element) -> bool:
    """Whether the paragraph's mark is deleted; the sign is removed."""
    signs = [
        sign for mark in paragraph.iterfind(f"{qn('w:pPr')}/{qn('w:rPr')}") for sign in mark if sign.tag in _DELETED
    ]
    for sign in signs:
        _detach(sign)
    return bool(signs)


def _shows_something(paragraph: etree._Element) -> bool:
    return any(child.tag not in _INVISIBLE for child in paragraph)


def _content(paragraph: etree._Element) -> list[etree._Element]:
    return [child for child in paragraph if child.tag != _PPR]


def _detach(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
