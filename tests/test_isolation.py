"""Untrusted files are parsed in a child process (loaders/isolation.py): whatever the parser does,
the caller lives on and the person gets one line.

Most tests run both ways the child is started: ``fork`` (the command line, one thread) and the
fork server (the dashboard, many threads; here the call is made from a second thread). Files
that abort the parsing library are never opened in this process: only in a child.
"""

from __future__ import annotations

import ctypes
import io
import multiprocessing
import os
import pickle
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
import python_calamine

import core.errors
import loaders.agreement_sources
import loaders.catalogue
import loaders.errors
import loaders.isolation
import loaders.status
from core.errors import MonitorError
from core.i18n import Deferred, Text, capitalised
from core.register import Commitment
from core.users import add_user
from core.vocabulary import number_text
from loaders.agreement import read_agreement
from loaders.catalogue import load_catalogue
from loaders.errors import (
    CatalogueRejected,
    CellError,
    FileRejected,
    NotAWorkbook,
    OrganisationRejected,
    ReaderCrashed,
    ReaderOutOfMemory,
    ReaderTimedOut,
    StatusFileRejected,
    TooManyRows,
    UnsafeXml,
)
from loaders.isolation import run_isolated
from loaders.status import load_status
from loaders.workbook import Sheet, read_sheet
from tests.builders import (
    ADMIN,
    GOOD_FILE,
    ROOT,
    build_small_register,
    dump,
    reports,
    upload,
    upload_page,
    write_workbook,
)

START_METHODS = ("fork", "forkserver")

# --- the crafted file of issue 12 ---------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Status" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    "</Relationships>"
)


def _worksheet(far_cell: str | None) -> str:
    far = f'<row r="{far_cell[3:]}"><c r="{far_cell}"><v>1</v></c></row>' if far_cell else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c></row>'
        f"{far}</sheetData></worksheet>"
    )


def case_twin_workbook(path: Path | io.BytesIO) -> Path | io.BytesIO:
    """Two sheet parts whose names differ only by case: zipfile finds the harmless
    ``sheet1.xml`` the rels name, calamine reads ``Sheet1.xml`` with a cell at XFD90000,
    a grid of 47 GB, and aborts the process."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", _worksheet(None))
        archive.writestr("xl/worksheets/Sheet1.xml", _worksheet("XFD90000"))
    return path


# --- readers for the child (module level, so the fork server can import them) --------------------


def unchecked_sheet(path: str | os.PathLike, header: object = None) -> Sheet:
    """read_sheet with its safety checks missing the file: calamine alone."""
    with python_calamine.CalamineWorkbook.from_path(os.fspath(path)) as book:
        return Sheet(book.sheet_names[0], book.get_sheet_by_index(0).to_python(skip_empty_area=False))


def abort(*_args: object) -> None:
    os.abort()


def segfault() -> None:
    ctypes.string_at(0)


def killed_by_the_kernel() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def hang() -> None:
    time.sleep(3600)


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def refuse_with_a_local_wording() -> None:
    raise ReaderOutOfMemory(
        "loaders.isolation.out_of_memory", limit=Deferred(lambda lang: "fem" if lang == "nb" else "five")
    )


def open_regular_files() -> list[str]:
    """What the child can reach of the parent's open files: every descriptor past stderr on a regular file."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and stat.S_ISREG(os.fstat(int(name)).st_mode):
                found.append(os.readlink(f"/proc/self/fd/{name}"))
        except OSError:
            continue  # the listing's own descriptor
    return found


def called_as(method: str, function, *args, **kwargs):
    """``function`` called as the command line calls it, from the only thread (the child is forked),
    or as the dashboard does, from one of many threads (the child comes from the fork server)."""
    if method == "fork":
        assert threading.active_count() == 1
        return function(*args, **kwargs)
    outcome: dict[str, object] = {}

    def call() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # handed to the test's thread as it was
            outcome["error"] = error

    thread = threading.Thread(target=call)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def in_child(method: str, function, *args, **kwargs):
    return called_as(method, run_isolated, function, *args, **kwargs)


OUT_OF_MEMORY_NB = (
    "Filen kunne ikke leses: den trengte mer enn 1\u202f024 MB minne og ble stoppet. Slett innhold og "
    "formatering langt til høyre eller langt nede i arket, lagre filen på nytt og last opp igjen."
)
OUT_OF_MEMORY_EN = (
    "The file could not be read: it needed more than 1,024 MB of memory and was stopped. Delete content and "
    "formatting far to the right or far down in the sheet, save the file again and upload it again."
)
CRASHED_NB = (
    "Filen kunne ikke leses: leseren stoppet uventet. "
    "Åpne filen i Excel (en avtale i Word), lagre den på nytt og last opp igjen."
)
CRASHED_EN = (
    "The file could not be read: the reader stopped unexpectedly. "
    "Open the file in Excel (an agreement in Word), save it again and upload it again."
)


# --- the child dies; the caller does not -----------------------------------------------------------


@pytest.mark.parametrize("method", START_METHODS)
def test_a_file_that_aborts_calamine_ends_only_the_child(tmp_path, method):
    path = case_twin_workbook(tmp_path / "status.xlsx")
    with pytest.raises(ReaderOutOfMemory) as refused:
        in_child(method, unchecked_sheet, path)
    assert (str(refused.value), refused.value.message("en")) == (OUT_OF_MEMORY_NB, OUT_OF_MEMORY_EN)
    # Still here, and able to read the next file.
    good = write_workbook(tmp_path / "good.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    assert in_child(method, unchecked_sheet, good).rows[1] == ["Follo", "1.1", "2023-Q2", "I rute", 45.0, "", "", ""]


@pytest.mark.parametrize("method", START_METHODS)
@pytest.mark.parametrize("reader", [abort, segfault])
def test_a_reader_that_crashes_gives_one_line(method, reader):
    with pytest.raises(ReaderCrashed) as refused:
        in_child(method, reader)
    assert (str(refused.value), refused.value.message("en")) == (CRASHED_NB, CRASHED_EN)


@pytest.mark.parametrize("method", START_METHODS)
def test_a_reader_the_kernel_kills_is_taken_as_out_of_memory(method):
    with pytest.raises(ReaderOutOfMemory) as refused:
        in_child(method, killed_by_the_kernel)
    assert (str(refused.value), refused.value.message("en")) == (OUT_OF_MEMORY_NB, OUT_OF_MEMORY_EN)


@pytest.mark.parametrize("method", START_METHODS)
def test_a_reader_that_hangs_is_stopped_at_the_time_limit(monkeypatch, method):
    monkeypatch.setenv("DASHBOARD_PARSE_SECONDS", "1")
    with pytest.raises(ReaderTimedOut) as refused:
        in_child(method, hang)
    assert (str(refused.value), refused.value.message("en")) == (
        "Filen kunne ikke leses: lesingen tok mer enn 1 sekund og ble stoppet. "
        "Slett tomme rader og kolonner med formatering, lagre filen på nytt og last opp igjen.",
        "The file could not be read: reading it took more than 1 second and was stopped. "
        "Delete empty rows and columns that have formatting, save the file again and upload it again.",
    )
    assert multiprocessing.active_children() == []


def test_a_lower_memory_limit_the_server_was_started_with_stays():
    """Under ``ulimit -v`` below ours, the child keeps the lower limit rather than failing to raise it."""
    script = (
        "import resource\n"
        "from loaders.isolation import run_isolated\n"
        "from tests.test_isolation import allocate\n"
        "mapped = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmSize'))\n"
        "limit = mapped * 1024 + 256 * 2**20\n"  # below ours, 1 024 MiB over the child's start
        "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "print(run_isolated(allocate, 16))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{16 * 2**20}\n", "")


@pytest.mark.parametrize("method", START_METHODS)
def test_a_reader_that_allocates_past_the_limit_is_stopped(monkeypatch, method):
    monkeypatch.setenv("DASHBOARD_PARSE_MEMORY_MB", "64")
    assert in_child(method, allocate, 32) == 32 * 2**20
    with pytest.raises(ReaderOutOfMemory) as refused:
        in_child(method, allocate, 96)
    assert (str(refused.value), refused.value.message("en")) == (
        OUT_OF_MEMORY_NB.replace("1\u202f024", "64"),
        OUT_OF_MEMORY_EN.replace("1,024", "64"),
    )


# --- what the child answers reaches the caller as itself ---------------------------------------------


def test_a_sheet_comes_back_as_read(tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "Fin\nfremdrift", "", ""]])
    assert in_child("fork", read_sheet, path) == read_sheet(path)
    assert in_child("forkserver", read_sheet, path) == read_sheet(path)


def test_two_uploads_at_the_same_moment_each_get_their_own_sheet(tmp_path):
    paths = [
        write_workbook(tmp_path / f"{region}.xlsx", [[region, "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
        for region in ("Follo", "IØR")
    ]
    read: dict[Path, Sheet] = {}
    threads = [
        threading.Thread(target=lambda path=path: read.update({path: run_isolated(read_sheet, path)})) for path in paths
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {path.stem: sheet.rows[1][0] for path, sheet in read.items()} == {"Follo": "Follo", "IØR": "IØR"}


def _refusals(tmp_path: Path) -> list[tuple[str, dict]]:
    csv = tmp_path / "tekst.xlsx"
    csv.write_bytes(b"Region;Nr;Status\nFollo;1.1;I rute\n")
    long = write_workbook(tmp_path / "lang.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]] * 3)
    with zipfile.ZipFile(write_workbook(tmp_path / "dtd.xlsx", []), "a") as archive:
        archive.writestr("docProps/custom.xml", '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    return [(csv, {}), (long, {"max_rows": 2}), (tmp_path / "dtd.xlsx", {})]


@pytest.mark.parametrize("method", START_METHODS)
def test_a_refusal_comes_back_with_its_class_and_both_languages(tmp_path, method):
    seen = []
    for path, options in _refusals(tmp_path):
        with pytest.raises(MonitorError) as here:
            read_sheet(path, **options)
        with pytest.raises(MonitorError) as there:
            in_child(method, read_sheet, path, **options)
        assert (type(there.value), str(there.value), there.value.message("en")) == (
            type(here.value),
            str(here.value),
            here.value.message("en"),
        )
        seen.append(type(there.value))
    assert seen == [NotAWorkbook, TooManyRows, UnsafeXml]


@pytest.mark.parametrize("method", START_METHODS)
def test_other_errors_come_back_as_themselves(tmp_path, method):
    with pytest.raises(FileNotFoundError) as missing:
        in_child(method, read_sheet, tmp_path / "borte.xlsx")
    assert missing.value.filename == str(tmp_path / "borte.xlsx")


@pytest.mark.parametrize("method", START_METHODS)
def test_a_refusal_whose_values_cannot_be_pickled_comes_back_worded_in_both_languages(method):
    with pytest.raises(ReaderOutOfMemory) as refused:
        in_child(method, refuse_with_a_local_wording)
    assert (str(refused.value), refused.value.message("en")) == (
        OUT_OF_MEMORY_NB.replace("1\u202f024", "fem"),
        OUT_OF_MEMORY_EN.replace("1,024", "five"),
    )


CELL_ERROR = CellError(
    "Status",
    5,
    "D",
    "Status",
    "Kanskje",
    "loaders.workbook.part",
    {"part": Text("loaders.workbook.sheet", sheet="Status")},
)
WHERE = Text("loaders.workbook.part", part="xl/worksheets/sheet1.xml")


def example(kind: type[MonitorError]) -> MonitorError:
    """One error of the kind, with values of every sort a message holds: text, Text, Deferred, CellError."""
    if issubclass(kind, (StatusFileRejected, CatalogueRejected, OrganisationRejected)):
        return kind([CELL_ERROR, CELL_ERROR])
    if issubclass(kind, FileRejected):
        return kind("loaders.status.rejected", [CELL_ERROR], count=1, first=CELL_ERROR)
    return kind(
        "loaders.workbook.row_beyond_limit",
        where=Deferred(capitalised, WHERE),
        row=Deferred(number_text, 100_001),
        cell="A100001",
        limit=Deferred(number_text, 100_000),
    )


MONITOR_ERRORS = [
    kind
    for module in (loaders.errors, core.errors)
    for kind in vars(module).values()
    if isinstance(kind, type) and issubclass(kind, MonitorError) and kind.__module__ == module.__name__
]


@pytest.mark.parametrize("kind", MONITOR_ERRORS, ids=lambda kind: kind.__name__)
def test_every_error_kind_survives_pickling(kind):
    error = example(kind)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.message("en"), copy.key, copy.args) == (
        kind,
        str(error),
        error.message("en"),
        error.key,
        error.args,
    )
    if isinstance(error, FileRejected):
        assert copy.errors == error.errors


# --- the child holds nothing of the parent's --------------------------------------------------------


@pytest.mark.parametrize("method", START_METHODS)
def test_the_child_cannot_reach_the_database_or_any_file_the_parent_has_open(db, db_path, method):
    assert db.execute("SELECT count(*) FROM regions").fetchone() == (0,)
    here = open_regular_files()
    assert str(db_path) in here
    assert in_child(method, open_regular_files) == []
    # The parent's connection is untouched by the child's blanking.
    assert db.execute("SELECT count(*) FROM regions").fetchone() == (0,)


# --- through the loaders, the command line and the upload page ---------------------------------------


@pytest.fixture
def small_register(db):
    build_small_register(db)
    add_user(db, ADMIN.username, ADMIN.name, ADMIN.role)
    return db


@pytest.mark.parametrize("method", START_METHODS)
def test_load_status_refuses_a_file_that_aborts_the_reader_and_writes_nothing(
    small_register, tmp_path, monkeypatch, method
):
    monkeypatch.setattr(loaders.status, "read_sheet", unchecked_sheet)
    before = dump(small_register)
    path = case_twin_workbook(tmp_path / "status.xlsx")
    with pytest.raises(ReaderOutOfMemory) as refused:
        called_as(method, load_status, small_register, path, user=ADMIN)
    assert str(refused.value) == OUT_OF_MEMORY_NB
    assert dump(small_register) == before


def test_the_command_line_gives_one_line_for_a_file_that_aborts_the_reader(
    small_register, tmp_path, monkeypatch, run_cli
):
    monkeypatch.setattr(loaders.status, "read_sheet", unchecked_sheet)
    before = dump(small_register)
    done = run_cli("status", str(case_twin_workbook(tmp_path / "status.xlsx")), "--as", ADMIN.username)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", OUT_OF_MEMORY_NB + "\n")
    assert dump(small_register) == before


def test_the_command_line_still_loads_an_ordinary_file(small_register, tmp_path, run_cli):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    done = run_cli("status", str(path), "--as", ADMIN.username)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Lagret som opplasting 1: 1 lagt til, 0 endret, 0 uendret.\n",
        "",
    )


@pytest.mark.usefixtures("fresh_caches", "register")
def test_the_upload_page_says_one_line_and_then_reads_the_next_file(monkeypatch):
    monkeypatch.setattr(loaders.status, "read_sheet", unchecked_sheet)
    crafted = case_twin_workbook(io.BytesIO())
    at = upload(upload_page(), "status-follo.xlsx", crafted.getvalue())
    assert not at.exception
    assert [error.value for error in at.error] == [OUT_OF_MEMORY_NB]
    assert reports("2024-Q3") == []
    monkeypatch.setattr(loaders.status, "read_sheet", read_sheet)
    at = upload(at, "status-follo-rettet.xlsx", GOOD_FILE)
    assert not at.exception
    assert at.error == []
    assert [info.value for info in at.main.info] == [
        "Filen er kontrollert og ikke lagret ennå. Se over endringene og trykk «Lagre»."
    ]


@pytest.mark.parametrize("method", START_METHODS)
def test_the_catalogue_loader_reads_in_the_child(small_register, tmp_path, monkeypatch, method):
    monkeypatch.setattr(loaders.catalogue, "read_sheet", unchecked_sheet)
    before = dump(small_register)
    path = case_twin_workbook(tmp_path / "katalog.xlsx")
    with pytest.raises(ReaderOutOfMemory) as refused:
        called_as(method, load_catalogue, small_register, path, user=ADMIN)
    assert str(refused.value) == OUT_OF_MEMORY_NB
    assert dump(small_register) == before


def test_the_agreement_loader_parses_a_docx_in_the_child(tmp_path, monkeypatch):
    path = tmp_path / "avtale.docx"
    document = docx.Document()
    document.add_paragraph("Partnerskapsavtale 2022-2023")
    document.add_paragraph("1 - Utdanning og utenforskap #kompetanseløft")
    document.add_paragraph("1.1 - Samarbeidsprosjekter for elever som faller ut")
    document.save(path)
    assert read_agreement(path).commitments == [
        Commitment("1.1", "Samarbeidsprosjekter for elever som faller ut", "1", None)
    ]
    monkeypatch.setattr(loaders.agreement_sources, "_WordReader", abort)
    # Forked from this process, which has the patch (a fork server, used when other threads run, has not).
    monkeypatch.setattr(loaders.isolation, "_context", lambda: multiprocessing.get_context("fork"))
    with pytest.raises(ReaderCrashed) as refused:
        read_agreement(path)
    assert str(refused.value) == CRASHED_NB
