"""Build a register and status reports in code, for tests.

    from core.register import Agreement, Commitment, FocusArea
    from tests.builders import add_reports, build_register

    build_register(db, regions={
        "Indre Østfold regionråd": {
            "short_name": "Indre Østfold",
            "agreements": [
                Agreement(
                    "2024-2027",
                    focus_areas=[FocusArea("1", "Klima og miljø", "#klima", [13])],
                    commitments=[Commitment("1.1", "Kartlegge klimagassutslipp", "1", "Plan, klima og miljø")],
                )
            ],
        },
    })
    add_reports(db, [("Indre Østfold", "1.1", "2024-Q2", "on_track", 40, "Godt i gang", None, "Kari")])

Regions, agreements, focus areas and commitments go through core.register,
the same code the loaders use, so tests see what a real import would store.
Calling build_register again with fewer commitments retires the missing ones
(active = 0), just as re-importing an agreement does.

Below those: status workbooks and a small register for the loader tests, the
example register of the dataset and analysis tests, the page register and
AppTest helpers of the page tests, and the helpers that drive the dashboard in
a browser (tests/browser). Fixtures are in tests/conftest.py; no test module
imports another.
"""

from __future__ import annotations

import datetime as dt
import email
import email.message
import email.policy
import html.parser
import io
import json
import os
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from playwright.sync_api import Locator, Page, expect
from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from core.access import set_reading_open
from core.db import connect, write_transaction
from core.register import (
    Agreement,
    Commitment,
    FocusArea,
    Region,
    agreement_for_quarter,
    ensure_region,
    find_region,
    save_agreement,
)
from core.sessions import start_session
from core.uploads import record_upload
from core.users import User, add_user, get_user

ROOT = Path(__file__).resolve().parent.parent
# The day the tests' demo database is built as of (tests/conftest.py demo_template): its reports
# run to 2026-Q3 whatever day the tests run.
DEMO_TODAY = dt.date(2026, 11, 30)
# Every page script but the sign-in page, in the menu's order.
PAGE_SCRIPTS = (
    "views/oversikt.py",
    "views/regioner.py",
    "views/radsomrader.py",
    "views/baerekraftsmal.py",
    "views/tiltak.py",
    "views/eksport.py",
    "views/last_opp.py",
    "views/opplastinger.py",
)

# The core checks a user's role and scope, not that the account is in the
# database, so a User value is all most tests need.
ADMIN = User(id=0, username="admin", name="Admin", email=None, role="administrator")


class UnknownCommitment(LookupError):
    """A report names a code the region's agreement for that quarter does not have."""


REPORT_FIELDS = ("region", "code", "quarter", "status", "progress", "comment", "next_step", "owner")


def build_register(db: Database, regions: dict[str, dict]) -> dict[str, Region]:
    """Create or update regions with their agreements in one transaction.

    ``regions`` maps each full name to a dict with the optional keys
    ``agreements`` (list of core.register.Agreement, saved in order),
    ``short_name`` and ``municipalities`` (number to name, as ensure_region
    takes); ``{}`` makes a region without an agreement. Returns the regions by
    full name.
    """
    saved: dict[str, Region] = {}
    with write_transaction(db):
        for name, spec in regions.items():
            region = ensure_region(db, name, spec.get("short_name"), spec.get("municipalities"))
            for agreement in spec.get("agreements", []):
                save_agreement(db, region, agreement)
            saved[name] = region
    return saved


def add_reports(db: Database, reports: list[tuple], *, file_name: str = "test.xlsx", user: str = "test") -> int:
    """Insert status reports as one upload and return the upload's id.

    Each report is a tuple in REPORT_FIELDS order; trailing fields may be left
    out and count as None. The region is a full or short name, the status a
    canonical key ("on_track") and the quarter "YYYY-Qn". The commitment is
    looked up in the agreement in force that quarter. Rows are inserted as they
    are, so a report that already exists raises sqlite3.IntegrityError.
    """
    padding = (None,) * len(REPORT_FIELDS)
    rows = [dict(zip(REPORT_FIELDS, (*report, *padding[len(report) :]), strict=True)) for report in reports]
    with write_transaction(db):
        upload_id = record_upload(
            db,
            kind="status",
            file_name=file_name,
            sha256="0" * 64,
            user=user,
            quarters=sorted({row["quarter"] for row in rows}),
            added=len(rows),
        )
        for row in rows:
            values = (
                _commitment_id(db, row["region"], row["code"], row["quarter"]),
                row["quarter"],
                row["status"],
                row["progress"],
                row["comment"],
                row["next_step"],
                row["owner"],
                upload_id,
            )
            # As the status loader does: the report, and the record of what the upload wrote.
            for table in ("status_reports", "upload_values"):
                db.conn.execute(
                    f"INSERT INTO {table} "
                    "(commitment_id, quarter, status, progress, comment, next_step, owner, upload_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
    return upload_id


def _commitment_id(db: Database, region_name: str, code: str, quarter: str) -> int:
    region = find_region(db, region_name)
    row = db.execute(
        "SELECT id FROM commitments WHERE agreement_id = ? AND code = ?",
        (agreement_for_quarter(db, region.id, quarter), code),
    ).fetchone()
    if row is None:
        raise UnknownCommitment(f"{region.name} has no commitment {code} in {quarter}")
    return row[0]


# --- status workbooks and a small register (loaders, CLI, accounts) ---------------------------

HEADER = ["Region", "Nr", "Kvartal", "Status", "Fremdrift (%)", "Kommentar", "Neste steg", "Ansvarlig"]


def build_small_register(db) -> None:
    """Two regions: Indre Østfold (with both 1.1 and 1.10) and Follorådet."""
    with write_transaction(db):
        ior = ensure_region(db, "Indre Østfold regionråd", "IØR", {"3014": "Indre Østfold", "3016": "Rakkestad"})
        save_agreement(
            db,
            ior,
            Agreement(
                period="2022-2023",
                focus_areas=[
                    FocusArea("1", "Utdanning og utenforskap", "#kompetanseløft", [4]),
                    FocusArea("2", "Understøtte næringslivet", "#arbeidsplassvekst", [9]),
                ],
                commitments=[
                    Commitment("1.1", "Samarbeidsprosjekter for elever som faller ut", "1", "Utdanning og kompetanse"),
                    Commitment("1.2", "Videreutvikle fagskolen", "1", "Utdanning og kompetanse"),
                    Commitment("1.10", "Regional yrkesmesse", "1", "Utdanning og kompetanse"),
                    Commitment("2.1", "Identifisere muligheter", "2", "Næring og tannhelse"),
                    Commitment("2.1.A", "Målrette felles innsats", "2", "Næring og tannhelse"),
                ],
            ),
        )
        follo = ensure_region(db, "Follorådet", "Follo", {"3020": "Nordre Follo", "3021": "Ås"})
        save_agreement(
            db,
            follo,
            Agreement(
                period="2022-2024",
                focus_areas=[FocusArea("1", "Mobilitet", "#lavereklimautslipp", [11])],
                commitments=[
                    Commitment("1.1", "Trafikksikkerhet ved skoler", "1", "Samferdsel"),
                    Commitment("1.2", "Innfartsparkering", "1", "Samferdsel"),
                ],
            ),
        )


def write_workbook(
    path: Path,
    rows: list[list[object]],
    *,
    header: list[str] | None = None,
    title_rows: list[list[object]] | None = None,
    sheet: str = "Status",
    text_codes: bool = True,
) -> Path:
    """A status workbook: optional title rows, then the header, then the rows.

    Codes are written as text cells, as the template does, unless ``text_codes`` is off.
    """
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for title in title_rows or []:
        worksheet.append(title)
    header = HEADER if header is None else header
    worksheet.append(header)
    code_column = next((i for i, name in enumerate(header) if name.strip().lower() in ("nr", "code")), None)
    for row in rows:
        worksheet.append(row)
        if text_codes and code_column is not None:
            cell = worksheet.cell(row=worksheet.max_row, column=code_column + 1)
            cell.number_format = "@"
    workbook.save(path)
    return path


def report_rows(db) -> list[tuple]:
    """Every status report as (region short name, code, quarter, status, progress, comment, next_step, owner)."""
    return db.execute(
        """
        SELECT r.short_name, c.code, s.quarter, s.status, s.progress, s.comment, s.next_step, s.owner
        FROM status_reports s
        JOIN commitments c ON c.id = s.commitment_id
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        ORDER BY r.short_name, c.position, s.quarter
        """
    ).fetchall()


def dump(db) -> list[str]:
    """The whole database as SQL, to show that something changed nothing."""
    return list(db.conn.iterdump())


# --- the example register of the dataset, analysis and filter tests ---------------------------

# Viken's seven rådsområder in the order migration 1 lists them: every database has them.
VIKEN_UNITS = (
    "Kultur og mangfold",
    "Plan, klima og miljø",
    "Samferdsel",
    "Næring og tannhelse",
    "Utdanning og kompetanse",
    "Finans og administrasjon",
    "Fylkesrådsleders kontor",
)
IOR = "Indre Østfold regionråd"
FOLLO = "Follorådet"
ORU = "Øvre Romerike"

EXAMPLE_REGIONS = {
    IOR: {
        "short_name": "IØR",
        "municipalities": {"3014": "Indre Østfold", "3012": "Aremark", "3016": "Rakkestad"},
        "agreements": [
            Agreement(
                "2022-2023",
                title="Partnerskapsavtale spesiell del 2022-2023",
                focus_areas=[
                    FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [8, 4]),
                    FocusArea("2", "Klima og miljø", "#grønnomstilling", [13]),
                ],
                commitments=[
                    Commitment(
                        "1.1",
                        "Flere lærlingeplasser",
                        "1",
                        "Utdanning og kompetanse",
                        deadline="2023-12-31",
                        amount=500_000,
                    ),
                    # Its own goals replace the focus area's.
                    Commitment("1.2", "Styrke karriereveiledningen", "1", "Næring og tannhelse", [9, 4]),
                    Commitment("2.1", "Felles klimaregnskap", "2", "Plan, klima og miljø"),
                    Commitment("2.10", "Ladeinfrastruktur for pendlere", "2", "Samferdsel"),
                    Commitment("2.2", "Kartlegge naturmangfold", "2", "Plan, klima og miljø"),
                ],
            )
        ],
    },
    FOLLO: {
        "short_name": "Follo",
        # Rakkestad is in two regions.
        "municipalities": {"3020": "Nordre Follo", "3016": "Rakkestad"},
        "agreements": [
            Agreement(
                "2022-2024",
                focus_areas=[FocusArea("1", "Mobilitet", "#grønnmobilitet", [11])],
                commitments=[
                    Commitment("1.1", "Trafikksikkerhet rundt skolene", "1", "Samferdsel"),
                    Commitment("1.2", "Bestillingstransport i spredtbygde strøk", deadline="løpende"),
                ],
            )
        ],
    },
    # Never reports.
    ORU: {
        "short_name": "ØRU",
        "agreements": [
            Agreement(
                "2023-2024",
                focus_areas=[FocusArea("1", "Næringsutvikling", None, [8])],
                commitments=[Commitment("1.1", "Felles næringsplan", "1", "Næring og tannhelse")],
            )
        ],
    },
}

# Commitment ids follow the order above: IØR 1.1=1, 1.2=2, 2.1=3, 2.10=4, 2.2=5;
# Follo 1.1=6, 1.2=7; ØRU 1.1=8. One upload per quarter: ids 1, 2, 3.
EXAMPLE_REPORTS = [
    [
        (IOR, "1.1", "2023-Q2", "on_track", 20),
        (IOR, "1.2", "2023-Q2", "delayed", 10),
        (IOR, "2.1", "2023-Q2", "on_track", 50),
        (IOR, "2.10", "2023-Q2", "not_started", None),
        (IOR, "2.2", "2023-Q2", "delayed", 30),
        (FOLLO, "1.1", "2023-Q2", "on_track", 60),
        (FOLLO, "1.2", "2023-Q2", "cancelled", None, "Utgår etter vedtak i regionrådet"),
    ],
    [
        (IOR, "1.1", "2023-Q3", "on_track", 40),
        (IOR, "1.2", "2023-Q3", "delayed", 15),
        (IOR, "2.1", "2023-Q3", "on_track", 80),
        (FOLLO, "1.1", "2023-Q3", "delayed", 60, "Venter på vegvesenet", "", "Per Hansen"),
        (FOLLO, "1.2", "2023-Q3", "cancelled", None),
    ],
    [
        (IOR, "1.1", "2023-Q4", "delayed", 35, "Mangler lærebedrifter", "Kontakte NHO", "Kari Nordmann"),
        (IOR, "1.2", "2023-Q4", "delayed", 20),
        (IOR, "2.1", "2023-Q4", "completed", 100, "Levert", "", "Ola Berg"),
        (IOR, "2.2", "2023-Q4", "delayed", 30),
        (FOLLO, "1.2", "2023-Q4", "cancelled", None),
    ],
]


def build_example(db):
    """Three regions, eight commitments, three quarters of reports with gaps."""
    build_register(db, EXAMPLE_REGIONS)
    for reports in EXAMPLE_REPORTS:
        add_reports(db, reports)


# --- the page tests (AppTest) -----------------------------------------------------------------

ENTRY = str(ROOT / "dashboard.py")
SDG_9 = "SDG 9 – Industri, innovasjon og infrastruktur"


def add_accounts(db) -> None:
    """An administrator, a reporter for Follo and a viewer, all without passwords."""
    add_user(db, "kari", "Kari Nordmann", "administrator", email="kari@viken.no")
    add_user(db, "ola", "Ola Nordmann", "rapportør", email="ola@follo.no", regions=(FOLLO,))
    add_user(db, "lise", "Lise Leser", "leser", email="lise@viken.no")


def app(query: dict | None = None, page: str | None = None, *, user: str | None = None) -> AppTest:
    """The dashboard after its first run, on ``page``, signed in as ``user`` (a local account) when given."""
    # Imported here: importing the views outside a Streamlit run logs a warning for each cache,
    # and every process that loads the conftest (the xdist controller too) would log them.
    from views._signin import SESSION_KEY

    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if user is not None:
        at.session_state[SESSION_KEY] = signed_in(user)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def open_figures(at: AppTest) -> AppTest:
    """Open every chart's "Vis tallene bak figuren", as a click does (its figures are drawn only open)."""
    keys = [expander.proto.id.split("-", 2)[-1] for expander in at.expander if expander.proto.id.endswith("-figures")]
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert not at.exception, at.exception
    return at


def signed_in(username: str) -> str:
    """A new session for the account, as a sign-in through the form starts one: its token's hash."""
    db = connect()
    try:
        return start_session(db, username).token_hash
    finally:
        db.close()


def messages_after(at: AppTest, key: str) -> list[tuple[str, str]]:
    """(type, text) of the messages shown right below the widget ``key``, up to the next element:
    how a button's action went is said beside the button, not at the top of the page."""

    def flat(node) -> list:
        children = getattr(node, "children", None)
        return [node] if children is None else [element for child in children.values() for element in flat(child)]

    elements = flat(at.main)
    start = next(index for index, element in enumerate(elements) if getattr(element, "key", None) == key)
    found = []
    for element in elements[start + 1 :]:
        if element.type not in ("success", "error", "info", "warning"):
            break
        found.append((element.type, element.value))
    return found


def metrics(at: AppTest) -> list[tuple[str, str, str]]:
    return [(metric.label, metric.value, metric.delta) for metric in at.metric]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


class HtmlTable(NamedTuple):
    """A table a page drew as HTML (views._tables), as a person reads it."""

    caption: str
    headers: list[str]
    rows: list[list[str]]  # each cell's text
    links: list[str | None]  # each row's first link


class _TableReader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, HtmlTable] = {}
        self._key: str | None = None
        self._part: str | None = None  # caption, th or td while inside one
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and (found.get("id") or "").startswith("table-"):
            self._key = str(found["id"])[len("table-") :]
            self.tables[self._key] = HtmlTable("", [], [], [])
        elif self._key is None:
            return
        elif tag in ("caption", "th", "td"):
            self._part, self._text = tag, ""
        elif tag == "tr" and self._part is None and self.tables[self._key].headers:
            self.tables[self._key].rows.append([])
            self.tables[self._key].links.append(None)
        elif tag == "a" and self.tables[self._key].links and self.tables[self._key].links[-1] is None:
            self.tables[self._key].links[-1] = found.get("href")
        elif tag == "br":
            self._text += "\n"

    def handle_data(self, data: str) -> None:
        if self._part is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._key is None or tag != self._part:
            if tag == "table":
                self._key = None
            return
        table = self.tables[self._key]
        if tag == "caption":
            self.tables[self._key] = table._replace(caption=self._text)
        elif tag == "th":
            table.headers.append(self._text)
        else:
            table.rows[-1].append(self._text)
        self._part = None


def html_tables(at: AppTest) -> dict[str, HtmlTable]:
    """The HTML tables on the page by their key, in the order drawn."""
    reader = _TableReader()
    for element in at.get("html"):
        reader.feed(element.proto.body)
    return reader.tables


class Download(NamedTuple):
    data: bytes
    file_name: str
    mime: str


def download(at: AppTest, served: dict, key: str) -> Download:
    """The bytes, file name and type the download button ``key`` serves when pressed."""
    button = at.download_button(key=key)
    data_callable, file_name, mime = served[button.proto.deferred_file_id or button.proto.url]
    data = data_callable()
    return Download(data.encode() if isinstance(data, str) else data, file_name, mime)


def made_pdf(at: AppTest, served: dict) -> Download:
    """Press "Møtenotat (PDF)" on Eksport and take the brief it made."""
    at.button(key="report-pdf-make").click().run()
    assert (at.exception, [error.value for error in at.error]) == ([], [])
    return download(at, served, "report-pdf")


def build_page_register(db):
    """Follo and IØR with two quarters of reports, three accounts and reading open (the page tests)."""
    build_register(
        db,
        regions={
            FOLLO: {
                "short_name": "Follo",
                "municipalities": {"3020": "Nordre Follo", "3021": "Ås"},
                "agreements": [
                    Agreement(
                        "2023-2024",
                        focus_areas=[
                            FocusArea("1", "Mobilitet", "#lavereklimautslipp", [11]),
                            FocusArea("2", "Kompetanse", "#kompetanseløft", [4]),
                        ],
                        commitments=[
                            Commitment("1.1", "Trafikksikkerhet ved skoler", "1", "Samferdsel"),
                            Commitment("1.2", "Innfartsparkering", "1", "Samferdsel"),
                            Commitment("2.1", "Flere lærlingplasser", "2", "Utdanning og kompetanse"),
                        ],
                    )
                ],
            },
            IOR: {
                "short_name": "IØR",
                "municipalities": {"3014": "Indre Østfold"},
                "agreements": [
                    Agreement(
                        "2023-2024",
                        focus_areas=[FocusArea("1", "Næring", "#arbeidsplassvekst", [9])],
                        commitments=[
                            Commitment("1.1", "Etablerertjeneste", "1", "Næring og tannhelse"),
                            Commitment("1.2", "Ladeinfrastruktur", "1", "Samferdsel"),
                        ],
                    )
                ],
            },
        },
    )
    add_reports(
        db,
        [
            (FOLLO, "1.1", "2024-Q1", "on_track", 40),
            (FOLLO, "1.2", "2024-Q1", "on_track", 20),
            (FOLLO, "2.1", "2024-Q1", "not_started", 0),
            (IOR, "1.1", "2024-Q1", "on_track", 30),
            (IOR, "1.2", "2024-Q1", "delayed", 10),
            (FOLLO, "1.1", "2024-Q2", "delayed", 35, "Venter på vegvesenet", "Nytt møte"),
            (FOLLO, "1.2", "2024-Q2", "completed", 100, "Åpnet i mai"),
            (FOLLO, "2.1", "2024-Q2", "on_track", 10),
            (IOR, "1.1", "2024-Q2", "on_track", 50),
        ],
        user="kari@viken.no",
    )
    add_accounts(db)
    set_reading_open(db, True, user=ADMIN)
    return db


# --- the reporting round's reminders (tests/test_reminders.py, tests/test_reminders_page.py) ----

AKERSHUS = "Akershus fylkeskommune"
BUSKERUD = "Buskerud fylkeskommune"
GARDERMO = "Gardermoregionen"
FOLLO_IPR = "Folloregionen IPR"
HALLINGDAL = "Regionrådet for Hallingdal"
KONGSBERG = "Kongsbergregionen"


def build_round_register(db, *, period: str = "2024-2027", delivered: str = "2026-Q3") -> None:
    """Akershus (32) with Gardermoregionen and Folloregionen IPR, Buskerud (33) with Hallingdal and
    Kongsbergregionen, each with an agreement for ``period``; only Folloregionen has delivered for
    ``delivered``. Gardermoregionen has a contact and a reporter with e-mail, Hallingdal a contact,
    Kongsbergregionen no address at all. Accounts: «kari» administrator, «tor» Gardermoregionen's reporter.
    """
    from core.organisation import ensure_county, set_region_county

    start = dt.date(int(period[:4]), 1, 1)
    with write_transaction(db):
        counties = {
            AKERSHUS: ensure_county(db, AKERSHUS, "32", dt.date(2024, 1, 1)),
            BUSKERUD: ensure_county(db, BUSKERUD, "33", dt.date(2024, 1, 1)),
        }
        for name, short, county, codes in (
            (GARDERMO, "GR", AKERSHUS, ("1.1", "1.2", "2.1")),
            (FOLLO_IPR, "Follo", AKERSHUS, ("1.1",)),
            (HALLINGDAL, "Hallingdal", BUSKERUD, ("1.1", "1.2")),
            (KONGSBERG, "Kongsberg", BUSKERUD, ("1.1",)),
        ):
            region = ensure_region(db, name, short)
            set_region_county(db, region.id, counties[county], start)
            save_agreement(
                db, region, Agreement(period, commitments=[Commitment(code, f"Tiltak {code}") for code in codes])
            )
        for name, contact, email in (
            (GARDERMO, "Guri Gardermo", "guri@gardermo.example"),
            (HALLINGDAL, "Hallvard Gol", "hallvard@hallingdal.example"),
        ):
            db.execute(
                "UPDATE regions SET contact_name = ?, contact_email = ?, contact_phone = ? WHERE name = ?",
                (contact, email, "+47 400 00 000", name),
            )
    add_user(db, "kari", "Kari Nordmann", "administrator", email="kari@afk.example")
    add_user(db, "tor", "Tor Jessheim", "rapportør", email="tor@gardermo.example", regions=(GARDERMO,))
    add_reports(db, [(FOLLO_IPR, "1.1", delivered, "on_track", 40)])


class SmtpSink:
    """A real SMTP server in the test process (aiosmtpd), on a free port of 127.0.0.1, that keeps
    every message it accepts; ``refuse`` holds addresses it answers 550 for at RCPT, ``password``
    makes it require a login with that password."""

    def __init__(self, *, refuse: tuple[str, ...] = (), password: str | None = None) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.envelopes: list = []
        self.refuse = {address.casefold() for address in refuse}
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]

        def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
            return AuthResult(success=password is not None and auth_data.password.decode() == password, handled=False)

        options = {"authenticator": authenticate, "auth_require_tls": False}
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **(options if password else {}))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address.casefold() in self.refuse:
            return "550 5.1.1 Mottakeren finnes ikke"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def messages(self) -> list[tuple[list[str], email.message.EmailMessage]]:
        """Each message received: its envelope recipients and the message as parsed."""
        return [
            (
                list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.original_content, policy=email.policy.default),
            )
            for envelope in self.envelopes
        ]


def free_port() -> int:
    """A port nothing listens on (for a mail server that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- the quarterly round through the pages ---------------------------------------------------

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def uploads_listing(db_path: Path) -> subprocess.Popen:
    """``python -m loaders uploads`` running as its own process with its output piped, for tests
    that close the pipe on it as ``| head`` does."""
    return subprocess.Popen(
        [sys.executable, "-m", "loaders", "uploads", "--db", str(db_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def status_workbook(rows: list[list], header: list[str] = HEADER) -> tuple[openpyxl.Workbook, Worksheet]:
    """An openpyxl workbook whose sheet "Status" has ``header`` in row 1 and ``rows`` below it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Status"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return book, sheet


def rewrite_zip(path: Path, edit: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    """The zip at ``path`` with every member passed through ``edit(name, data) -> (name, data)``, in order."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(*edit(name, data))
    return path


def workbook_bytes(rows: list[list], header: list[str] = HEADER) -> bytes:
    book, _ = status_workbook(rows, header)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_FILE = workbook_bytes(
    [
        # Delayed already in 2. kv.: not newly delayed, but progress goes back 35 -> 30.
        [FOLLO, "1.1", "2024-Q3", "Forsinket", 30, "Venter fortsatt", "Nytt møte", "Kari"],
        # On track in 2. kv.: newly delayed, and progress goes back 10 -> 5.
        [FOLLO, "2.1", "2024-Q3", "Forsinket", 5, "Få søkere", None, None],
    ]
)


def upload(at, name: str, data: bytes):
    at.file_uploader[0].set_value((name, data, XLSX))
    return at.run()


def kari_user() -> User:
    """Kari's account (an administrator in the page tests' register), as the pages get it."""
    db = connect()
    try:
        return get_user(db, "kari")
    finally:
        db.close()


def upload_page(query: dict | None = None, user: str = "kari"):
    return app(query, page="views/last_opp.py", user=user)


def reports(quarter: str) -> list[tuple]:
    db = connect()
    try:
        return db.execute(
            "SELECT r.short_name, c.code, s.status, s.progress, s.comment FROM status_reports s "
            "JOIN commitments c ON c.id = s.commitment_id JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE s.quarter = ? ORDER BY r.short_name, c.code",
            (quarter,),
        ).fetchall()
    finally:
        db.close()


def commitment_id(region: str, code: str) -> int:
    db = connect()
    try:
        return db.execute(
            "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND c.code = ?",
            (region, code),
        ).fetchone()[0]
    finally:
        db.close()


def save_button(at):
    [button] = [button for button in at.button if button.label == "Lagre"]
    return button


# --- driving the dashboard in a browser (tests/browser) -----------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1400, "height": 1000}
# Accounts the browser signs in with; the demo's own accounts have no passwords.
ADMIN_LOGIN = ("nettleser", "nettleser-passord-for-test")
REPORTER_LOGIN = ("ole.kristian.strand", "follo-passord-for-test")  # Follorådet's coordinator
SCREENSHOTS = ROOT / "screenshots"
# After a script run that the wait saw finish: how long the app's DOM must then stay unchanged.
SETTLE_MS = 150
# When no run was seen finishing (it ended before the wait began, or the action started
# none): how long the app must stay idle, long enough for a click's rerun to start.
QUIET_MS = 400

# What the tests rely on in the app and in Streamlit's markup; change here when they move ---
APP = '[data-testid="stApp"]'
APP_VIEW = '[data-testid="stAppViewContainer"]'
STATUS_WIDGET = '[data-testid="stStatusWidget"]'
# Elements from the previous run, waiting to be redrawn or removed.
STALE = '[data-stale="true"]'
# Placeholders shown while an element's code (Plotly, for one) is still loading.
SKELETON = '[data-testid="stSkeleton"]'
# The main area and the sidebar scroll inside the window; their content sets the page's real height.
SCROLLERS = '[data-testid="stMain"], [data-testid="stSidebarContent"]'
SIDEBAR_NAV = "stSidebarNav"
SELECTBOX = "stSelectbox"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


# Installed once per document by wait_for_app_idle: counts the script runs that finish
# (stApp's script state turning to "notRunning") and notes when the app's DOM last changed.
WATCH_APP = """(app) => {
    window.__appWatch ??= (() => {
        const watch = { finished: 0, changed: performance.now() };
        new MutationObserver((records) => {
            watch.changed = performance.now();
            for (const record of records) {
                if (record.attributeName === "data-test-script-state"
                    && record.target.matches(app) && record.target.dataset.testScriptState === "notRunning") {
                    watch.finished += 1;
                }
            }
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        return watch;
    })();
    window.__appWatch.finishedBefore = window.__appWatch.finished;
    window.__appWatch.idleSince = undefined;
}"""
APP_DONE = """([app, busy, settleMs, quietMs]) => {
    const watch = window.__appWatch;
    const root = document.querySelector(app);
    const idle = root && root.dataset.testScriptState === "notRunning"
        && root.dataset.testConnectionState === "CONNECTED"
        && !document.querySelector(busy);
    const now = performance.now();
    if (!idle) { watch.idleSince = undefined; return false; }
    watch.idleSince ??= now;
    if (watch.finished > watch.finishedBefore) return now - Math.max(watch.changed, watch.idleSince) >= settleMs;
    return now - watch.idleSince >= quietMs;
}"""


# Each table's box against what it shows: a table wider than its box scrolls sideways.
TABLE_WIDTHS = """() => [...document.querySelectorAll(".pm-table")].map(
    (box) => ({ id: box.id, scroll: box.scrollWidth, client: box.clientWidth }))"""
PAGE_WIDTH = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return { page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
             main: main.scrollWidth, mainBox: main.clientWidth };
}"""


def wait_for_app_idle(page: Page, title: str | None = None) -> None:
    """Wait until Streamlit has finished the script run and drawn all of it.

    Streamlit shows its "Running..." widget only after half a second, so that
    alone misses short runs; the app root's script state, stale elements and
    loading placeholders are checked too. Once a run is seen to finish, the
    app is done when its DOM has not changed for SETTLE_MS; if none is seen
    (a run that ended before the wait began, or an action that started none),
    the app must stay idle for QUIET_MS. With ``title``, the page's h1 must show it.
    """
    page.wait_for_selector(APP_VIEW)
    page.evaluate(WATCH_APP, APP)
    page.wait_for_function(
        APP_DONE, arg=[APP, ", ".join((STATUS_WIDGET, STALE, SKELETON)), SETTLE_MS, QUIET_MS], polling=50
    )
    if title is not None:
        expect(page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()


def open_page(page: Page, url: str, title: str) -> None:
    page.goto(url)
    wait_for_app_idle(page, title)


def nav(page: Page, name: str) -> None:
    page.get_by_test_id(SIDEBAR_NAV).get_by_role("link", name=name, exact=True).click()
    wait_for_app_idle(page, name)


def sign_in(page: Page, base_url: str, login: tuple[str, str] = ADMIN_LOGIN) -> None:
    """Sign in through the form, as a person does; lands on the overview."""
    open_page(page, f"{base_url}/logg-inn", "Logg inn")
    page.get_by_label("Brukernavn", exact=True).fill(login[0])
    page.get_by_label("Passord", exact=True).fill(login[1])
    page.get_by_test_id("stMain").get_by_role("button", name="Logg inn").click()
    wait_for_app_idle(page, "Oversikt")


# Resolves once the browser has drawn two more frames: scroll events are dispatched while a frame is
# drawn, before its animation callbacks.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def selectbox(page: Page, label: str) -> Locator:
    """The combobox of the selectbox with this label (its input carries the label as its name)."""
    return page.get_by_test_id(SELECTBOX).get_by_role("combobox", name=label, exact=True)


def select_option(page: Page, label: str, option: str) -> None:
    """Choose an option in a Streamlit selectbox the way a person does: open it, pick from the list."""
    box = selectbox(page, label)
    # An open list closes when the page scrolls, and the scroll that brings a box below the fold
    # into view is announced a frame later: after the click that opened the list, had it come first.
    box.scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAMES)
    box.click()
    # Long lists only draw the options in view; typing narrows the list to the one wanted.
    box.fill(option)
    # By the start of its text: an upload's option ends with the time it came in.
    starts_with = re.compile("^" + re.escape(option))
    page.get_by_role("listbox").get_by_role("option").filter(has_text=starts_with).first.click()
    wait_for_app_idle(page)


@contextmanager
def whole_page_in_view(page: Page) -> Iterator[None]:
    """Grow the window to the height of the content, and back afterwards.

    Streamlit scrolls the main area and the sidebar inside a window-sized box,
    so only the first screenful is on screen: a full-page screenshot would stop
    there, and axe-core checks contrast only for what is on screen.
    """
    height = page.evaluate(
        "(selector) => Math.max(...[...document.querySelectorAll(selector)].map(e => e.scrollHeight))", SCROLLERS
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(height, VIEWPORT["height"])})
    wait_for_app_idle(page)
    try:
        yield
    finally:
        page.set_viewport_size(VIEWPORT)
