from pathlib import Path

import docx
import pytest

from core.register import Agreement, Commitment, FocusArea
from loaders.agreement import LoadSummary, load_agreement, read_agreement
from loaders.agreement_layout import normalise_period, parse_agreement_text
from loaders.errors import AgreementFormatError, MissingRegion, UnreadableAgreement
from tests.builders import ADMIN

SEED = Path("/work/shared/seeds/agreement-indre-ostfold-2022-2023.txt")

SMALL = """\
Partnerskapsavtale spesiell del 2024-2025
Avtalen gjelder 1.1 og 2.1 i forrige avtale.
1 - Utdanning #kompetanseløft
1.1 - Første tiltak
1.2 – Andre tiltak
1.3 — Tredje tiltak
 2 Næring
Partene samarbeider, der
2.1 Fjerde tiltak
2.1.1 Femte tiltak
"""


def codes(agreement: Agreement) -> list[str]:
    return [commitment.code for commitment in agreement.commitments]


@pytest.mark.skipif(not SEED.exists(), reason="seed agreement not available")
def test_seed_agreement():
    agreement = read_agreement(SEED)
    assert agreement.period == "2022-2023"
    assert agreement.title == "Partnerskapsavtale spesiell del 2022-2023"
    assert codes(agreement) == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8",
        "2.1", "2.1.A", "2.1.B", "2.2", "2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4",
        "3.1", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
    ]  # fmt: skip
    assert agreement.focus_areas == [
        FocusArea("1", "Utdanning og utenforskap", "#kompetanseløft", []),
        FocusArea("2", "Understøtte næringslivet", "#arbeidsplassvekst", [9]),
        FocusArea("3", "Samferdsel og mobilitet", "#lavereklimautslipp", [11]),
    ]
    by_code = {commitment.code: commitment for commitment in agreement.commitments}
    assert by_code["1.1"] == Commitment(
        "1.1",
        "Etablere forpliktende samarbeidsprosjekter mellom Viken, næringslivet, de videregående "
        "skolene og kommunene for å nå elevgrupper som faller ut av skoleløpet.",
        focus_area="1",
    )
    assert by_code["2.1.A"] == Commitment(
        "2.1.A",
        "Målrette felles innsats for å skape utvikling og økt konkurransekraft i lokalt næringsliv.",
        focus_area="2",
    )
    assert by_code["2.3"] == Commitment("2.3", "Partene etablerer konkret samarbeid om", focus_area="2")
    assert by_code["3.8"] == Commitment(
        "3.8",
        "Aktiv deltagelse med relevante fagpersoner i mobilitetsnettverket (temaene sykkel og trafikksikkerhet)",
        focus_area="3",
    )
    # The no-break space inside 1.6 is an ordinary space after cleaning.
    assert "nevnt. Dette må" in by_code["1.6"].text


def test_dashes_levels_preamble_and_lead_in():
    assert parse_agreement_text(SMALL) == Agreement(
        period="2024-2025",
        title="Partnerskapsavtale spesiell del 2024-2025",
        focus_areas=[
            FocusArea("1", "Utdanning", "#kompetanseløft", []),
            FocusArea("2", "Næring", None, []),
        ],
        commitments=[
            Commitment("1.1", "Første tiltak", focus_area="1"),
            Commitment("1.2", "Andre tiltak", focus_area="1"),
            Commitment("1.3", "Tredje tiltak", focus_area="1"),
            Commitment("2.1", "Fjerde tiltak", focus_area="2"),
            Commitment("2.1.1", "Femte tiltak", focus_area="2"),
        ],
    )


def test_lettered_items_continuation_and_sub_headings():
    text = """\
Avtale 2024
1 - Næring
KUNNSKAPSGRUNNLAG
1.1 Partene samarbeider om
analyse og statistikk,
\u00a0
også for kommunene.
A - Felles innsats
over flere linjer
B – Grønn omstilling
1.1.1 Etablerertjeneste
C - Under 1.1.1
SAMFERDSEL OG MOBILITET
Denne innledningen er ikke et tiltak.
1.2 - Trafikksikkerhet
"""
    agreement = parse_agreement_text(text)
    assert agreement.commitments == [
        Commitment("1.1", "Partene samarbeider om analyse og statistikk, også for kommunene.", focus_area="1"),
        Commitment("1.1.A", "Felles innsats over flere linjer", focus_area="1"),
        Commitment("1.1.B", "Grønn omstilling", focus_area="1"),
        Commitment("1.1.1", "Etablerertjeneste", focus_area="1"),
        Commitment("1.1.1.C", "Under 1.1.1", focus_area="1"),
        Commitment("1.2", "Trafikksikkerhet", focus_area="1"),
    ]


def test_sdg_lines_and_headings_told_apart():
    text = """\
Avtale 2024-2027
1 Utdanning
 4 – God utdanning
1.1 - Tiltak som nevner
5 kommuner deltar i arbeidet.
 9 – industriell innovasjon og infrastruktur
 11 – bærekraftige by og lokalsamfunn
4 - God utdanning for alle
4.1 - Fagskole
 8 – anstendig arbeid
"""
    agreement = parse_agreement_text(text)
    assert agreement.focus_areas == [
        FocusArea("1", "Utdanning", None, [4, 9, 11]),
        FocusArea("4", "God utdanning for alle", None, [8]),
    ]
    assert agreement.commitments == [
        Commitment("1.1", "Tiltak som nevner 5 kommuner deltar i arbeidet.", focus_area="1"),
        Commitment("4.1", "Fagskole", focus_area="4"),
    ]


def test_goal_line_above_a_heading_with_the_same_number():
    text = """\
Avtale 2024
1 Samarbeid
1.1 Tiltak
 2 – utrydde sult
2 Mat og landbruk
2.1 Lokalmat
"""
    agreement = parse_agreement_text(text)
    assert agreement.focus_areas == [
        FocusArea("1", "Samarbeid", None, [2]),
        FocusArea("2", "Mat og landbruk", None, []),
    ]
    assert codes(agreement) == ["1.1", "2.1"]


def test_period_from_argument_or_title():
    assert parse_agreement_text(SMALL, period="2024 – 2026").period == "2024-2026"
    assert parse_agreement_text(SMALL.replace("2024-2025", "2025 – 2026")).period == "2025-2026"
    assert [normalise_period(" 2022–2023 "), normalise_period("løpende")] == ["2022-2023", "løpende"]


@pytest.mark.parametrize("period", ["abc", "2026-2025", "20244"])
def test_a_period_given_must_be_years_in_order(period):
    with pytest.raises(AgreementFormatError) as error:
        parse_agreement_text(SMALL, period=period)
    assert str(error.value) == (
        f"«{period}» er ikke en avtaleperiode. Skriv et år («2025») eller to år med bindestrek, det første "
        "først («2025-2026»)."
    )


def test_a_number_in_a_sentence_after_a_heading_stays_text():
    agreement = parse_agreement_text("Avtale 2024\n1 - Næring\n1.1 Et tiltak\n3 000 kroner er satt av.\n")
    assert agreement.commitments == [Commitment("1.1", "Et tiltak 3 000 kroner er satt av.", "1")]


def test_missing_period():
    with pytest.raises(AgreementFormatError) as error:
        parse_agreement_text(SMALL.replace("2024-2025", ""))
    assert str(error.value) == (
        "Fant ikke avtaleperioden i tittelen «Partnerskapsavtale spesiell del». "
        "Oppgi perioden, for eksempel «2022-2023»."
    )


def test_no_commitments():
    with pytest.raises(AgreementFormatError) as error:
        parse_agreement_text("Avtale 2024\n1.1 Før første innsatsområde\nBare prosa.\n")
    assert str(error.value) == (
        "Fant ingen nummererte tiltak i avtalen. Tiltakene må stå under et innsatsområde "
        "(«1 - Tittel») og være nummerert («1.1 - ...»)."
    )


@pytest.mark.parametrize(
    "text,message",
    [
        (
            "Avtale 2024\n1 Næring\n1.1 Et tiltak\n1.1 Samme nummer\n",
            "Linje 4: tiltak 1.1 står to ganger i avtalen. Første gang: Linje 3.",
        ),
        (
            "Avtale 2024\n1 Næring\n1.1 Et tiltak\nInnsatsområde 2: Samferdsel\n2.1 Vei\n",
            "Linje 5: tiltak 2.1 står under innsatsområde 1. "
            "Sjekk at overskriften for innsatsområde 2 er skrevet som «2 - Tittel».",
        ),
        (
            "Avtale 2024\n1 Næring #vekst\n1.1 Et tiltak\n1 Næring igjen #vekst\n",
            "Linje 4: innsatsområde 1 står to ganger i avtalen.",
        ),
        ("Avtale 2024\n1 Næring\n1.1\n", "Linje 3: tiltak 1.1 mangler tekst."),
    ],
)
def test_format_errors(text, message):
    with pytest.raises(AgreementFormatError) as error:
        parse_agreement_text(text)
    assert str(error.value) == message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_encodings(tmp_path, encoding):
    path = tmp_path / "avtale.txt"
    path.write_bytes(SMALL.replace("\n", "\r\n").encode(encoding))
    assert read_agreement(path) == parse_agreement_text(SMALL)


def test_docx_paragraphs_and_table_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("Partnerskapsavtale spesiell del 2024-2025")
    document.add_paragraph("1 - Utdanning #kompetanseløft")
    document.add_paragraph("1.1 - Første tiltak")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1.2 – Andre tiltak"
    table.cell(0, 1).text = "fortsetter her"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = " 2 Næring\n2.1 Fjerde tiltak"
    document.add_paragraph("2.2 Etter tabellen")
    path = tmp_path / "avtale.docx"
    document.save(path)

    assert read_agreement(path) == Agreement(
        period="2024-2025",
        title="Partnerskapsavtale spesiell del 2024-2025",
        focus_areas=[FocusArea("1", "Utdanning", "#kompetanseløft", []), FocusArea("2", "Næring", None, [])],
        commitments=[
            Commitment("1.1", "Første tiltak", focus_area="1"),
            Commitment("1.2", "Andre tiltak fortsetter her", focus_area="1"),
            Commitment("2.1", "Fjerde tiltak", focus_area="2"),
            Commitment("2.2", "Etter tabellen", focus_area="2"),
        ],
    )


@pytest.mark.parametrize(
    "name,content",
    [("avtale.docx", b"dette er ikke en zip"), ("avtale.docx", b"PK\x03\x04 avkuttet")],
)
def test_unreadable_docx(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableAgreement) as error:
        read_agreement(path)
    assert str(error.value) == (
        "«avtale.docx» kan ikke leses som et Word-dokument (.docx). Filen kan være skadet "
        "eller av en annen type; åpne og lagre den på nytt i Word."
    )


def test_workbook_renamed_docx(tmp_path):
    import openpyxl

    path = tmp_path / "avtale.docx"
    openpyxl.Workbook().save(path)
    with pytest.raises(UnreadableAgreement):
        read_agreement(path)


@pytest.mark.parametrize("name", ["borte.txt", "borte.docx"])
def test_missing_file(tmp_path, name):
    with pytest.raises(FileNotFoundError):
        read_agreement(tmp_path / name)


@pytest.mark.parametrize(
    "name,message",
    [
        (
            "avtale.csv",
            "«avtale.csv» kan ikke leses som avtale. Bruk avtalen som PDF, Word (.docx), tekst (.txt) eller "
            "Excel (.xlsx).",
        ),
        # Found in the try-out: an old Word file got the same words, not what to do with it.
        (
            "avtale.doc",
            "«avtale.doc» er en .doc-fil, som ikke kan leses direkte. Åpne den i Word (eller LibreOffice), "
            "lagre den som Word-dokument (.docx) og last opp den filen.",
        ),
        (
            "avtale.odt",
            "«avtale.odt» er en .odt-fil, som ikke kan leses direkte. Åpne den i Word (eller LibreOffice), "
            "lagre den som Word-dokument (.docx) og last opp den filen.",
        ),
    ],
)
def test_other_file_types(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"PK")
    with pytest.raises(UnreadableAgreement) as error:
        read_agreement(path)
    assert str(error.value) == message


def table_counts(db) -> dict[str, int]:
    return {table: db[table].count for table in db.table_names()}


def commitment_rows(db) -> list[tuple]:
    return db.execute(
        "SELECT c.id, c.code, c.active, f.number FROM commitments c "
        "LEFT JOIN focus_areas f ON f.id = c.focus_area_id ORDER BY c.code"
    ).fetchall()


def test_load_agreement_creates_region_and_logs_upload(db, tmp_path):
    path = tmp_path / "avtale.txt"
    path.write_text(SMALL, encoding="utf-8")
    summary = load_agreement(db, path, region="Indre Østfold regionråd", user=ADMIN)
    assert summary == LoadSummary(
        upload_id=1, region="Indre Østfold regionråd", period="2024-2025", added=5, changed=0, unchanged=0, retired=0
    )
    assert db.execute("SELECT name FROM regions").fetchall() == [("Indre Østfold regionråd",)]
    assert db.execute("SELECT period, start_year, end_year, title FROM agreements").fetchall() == [
        ("2024-2025", 2024, 2025, "Partnerskapsavtale spesiell del 2024-2025")
    ]
    assert db.execute(
        "SELECT kind, file_name, uploaded_by, added, changed, unchanged, length(sha256) FROM uploads"
    ).fetchall() == [("agreement", "avtale.txt", "Admin (admin)", 5, 0, 0, 64)]


def test_reimport_keeps_ids_and_status_history(db, tmp_path):
    path = tmp_path / "avtale.txt"
    path.write_text(SMALL, encoding="utf-8")
    load_agreement(db, path, region="IØR", user=ADMIN)
    before = commitment_rows(db)
    db.execute(
        "INSERT INTO status_reports (commitment_id, quarter, status) "
        "SELECT id, '2024-Q1', 'on_track' FROM commitments WHERE code IN ('1.2', '2.1')"
    )
    db.conn.commit()

    again = load_agreement(db, path, region="iør", user=ADMIN)
    assert (again.added, again.changed, again.unchanged, again.retired) == (0, 0, 5, 0)
    assert commitment_rows(db) == before

    # 1.2 is dropped and 2.1 reworded: 1.2 retires, both keep their reports.
    # 1.3 and 2.1.1 move up a place, which is no change to them.
    path.write_text(
        SMALL.replace("1.2 – Andre tiltak\n", "").replace("Fjerde tiltak", "Fjerde, endret"), encoding="utf-8"
    )
    third = load_agreement(db, path, region="IØR", user=ADMIN)
    assert (third.added, third.changed, third.unchanged, third.retired) == (0, 1, 3, 1)
    ids = {code: id_ for id_, code, _, _ in before}
    assert commitment_rows(db) == [
        (ids["1.1"], "1.1", 1, "1"),
        (ids["1.2"], "1.2", 0, "1"),
        (ids["1.3"], "1.3", 1, "1"),
        (ids["2.1"], "2.1", 1, "2"),
        (ids["2.1.1"], "2.1.1", 1, "2"),
    ]
    assert db.execute(
        "SELECT commitment_id, quarter, status FROM status_reports ORDER BY commitment_id"
    ).fetchall() == [
        (ids["1.2"], "2024-Q1", "on_track"),
        (ids["2.1"], "2024-Q1", "on_track"),
    ]
    assert db.execute("SELECT count(*) FROM regions").fetchone() == (1,)


def test_nothing_written_when_parsing_fails(db, tmp_path):
    path = tmp_path / "avtale.txt"
    path.write_text("Avtale 2024\nBare prosa.\n", encoding="utf-8")
    before = table_counts(db)
    with pytest.raises(AgreementFormatError):
        load_agreement(db, path, region="Ny region", user=ADMIN)
    assert table_counts(db) == before


def test_region_required(db, tmp_path):
    path = tmp_path / "avtale.txt"
    path.write_text(SMALL, encoding="utf-8")
    with pytest.raises(MissingRegion) as error:
        load_agreement(db, path, region=" ", user=ADMIN)
    assert str(error.value) == "Oppgi hvilken region avtalen gjelder."


@pytest.mark.slow
def test_docx_zip_bomb_is_refused_before_python_docx_reads_it(tmp_path):
    import zipfile

    from loaders.errors import WorkbookTooLarge

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (300 * 2**20))
    with pytest.raises(WorkbookTooLarge):
        read_agreement(path, period="2022-2023")
