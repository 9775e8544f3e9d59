"""Building status workbooks and a small register in code, for the status tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from core.db import write_transaction
from core.register import Agreement, Commitment, FocusArea, ensure_region, save_agreement

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
