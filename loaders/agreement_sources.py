"""The lines of an agreement file, whatever its type, for ``loaders.agreement_layout``.

A line is one paragraph of the document as a reader sees it. The parse of an
untrusted document runs in a child process (``loaders.isolation``), so a crash
of the parsing library cannot take the server down.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml import etree

from loaders.errors import DamagedWorkbook, UnreadableAgreement
from loaders.isolation import run_isolated
from loaders.workbook import check_office_archive


@dataclass(frozen=True)
class Line:
    """One paragraph of an agreement as a reader sees it.

    ``number`` is what messages and warnings cite (1-based, in document order);
    ``page`` is the page it stands on where the file has pages (PDF).
    ``cells`` holds a table row's fields by name where the line came from a table.
    """

    text: str
    number: int
    page: int | None = None
    cells: Mapping[str, str] | None = None


def read_lines(path: str | os.PathLike) -> list[Line]:
    """The lines of a .txt or .docx agreement.

    Raises ``UnreadableAgreement`` for a file of another type, one that is not
    what its name says, or text in an unknown encoding; ``OSError`` for a missing file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = _decode(path.read_bytes(), path.name)
    elif suffix == ".docx":
        text = run_isolated(_docx_text, path)
    else:
        raise UnreadableAgreement("loaders.agreement.wrong_file_type", file=path.name)
    return [Line(line, number) for number, line in enumerate(text.splitlines(), start=1)]


def _docx_text(path: Path) -> str:
    """The checks and the parse of an untrusted .docx, in one call for the child process."""
    _check_docx_archive(path)
    return "\n".join(_docx_lines(path.read_bytes(), path.name))


def _check_docx_archive(path: Path) -> None:
    """The same zip-bomb and entity checks as for uploaded workbooks."""
    if not path.exists():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    try:
        check_office_archive(path)
    except DamagedWorkbook:
        raise UnreadableAgreement("loaders.agreement.not_a_document", file=path.name) from None


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


def _docx_lines(data: bytes, name: str) -> Iterator[str]:
    # Read from bytes so a missing file is the same OSError as for .txt, not
    # python-docx's "package not found".
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise UnreadableAgreement("loaders.agreement.not_a_document", file=name) from None
    return _block_lines(document)


def _block_lines(container: DocumentObject | BlockItemContainer) -> Iterator[str]:
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            # A merged cell is returned once for every grid column it spans. The
            # set holds the elements themselves: ids of freed proxies get reused.
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _block_lines(cell)
        else:
            yield from block.text.splitlines()
