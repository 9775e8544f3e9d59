"""An agreement as a commitment catalogue workbook: one row per commitment, in the layout
``loaders.catalogue`` reads, so the file loads back as the same agreement.

A commitment's Bærekraftsmål are the goals it serves (its own, else its focus area's), and the column
Innsatsområdets bærekraftsmål gives the focus area's: a row whose goals differ from those has goals of
its own. Frist is an Excel date where the deadline names a day, else its words; Midler (kr) a number.
"""

from __future__ import annotations

import io

from core.i18n import t
from core.register import Agreement, Commitment, FocusArea
from outputs.tables import Styles, deadline_cell, open_workbook, write_table

# In the order of the sheet; each header, in either language, is one of loaders.catalogue.ALIASES.
COLUMNS = (
    "region",
    "period",
    "title",
    "focus_area",
    "hashtag",
    "focus_area_sdgs",
    "code",
    "text",
    "council_area",
    "sdgs",
    "deadline",
    "amount",
)


def catalogue_workbook(agreements: dict[str, Agreement], lang: str = "nb") -> bytes:
    """The agreements (by region name) as one catalogue sheet, headers in ``lang``, as xlsx bytes."""
    rows = [
        _row(region, agreement, commitment, {area.number: area for area in agreement.focus_areas})
        for region, agreement in agreements.items()
        for commitment in agreement.commitments
    ]
    note = t(
        "outputs.catalogue.note",
        lang,
        agreements="; ".join(f"{region} {agreement.period}" for region, agreement in agreements.items()),
        page=t("page.agreements", lang),
    )
    buffer = io.BytesIO()
    workbook = open_workbook(buffer)
    write_table(
        workbook.add_worksheet(t("outputs.catalogue.sheet", lang)),
        [t(f"outputs.catalogue.col.{column}", lang) for column in COLUMNS],
        rows,
        Styles(workbook),
        title=t("outputs.catalogue.title", lang),
        note=note,
    )
    workbook.close()
    return buffer.getvalue()


def _row(region: str, agreement: Agreement, commitment: Commitment, areas: dict[str, FocusArea]) -> tuple:
    area = areas.get(commitment.focus_area) if commitment.focus_area else None
    goals = commitment.sdgs if commitment.sdgs is not None else (area.sdgs if area else [])
    return (
        region,
        agreement.period,
        agreement.title,
        f"{area.number} - {area.title}" if area else None,
        area.hashtag if area else None,
        _goals(area.sdgs) if area else None,
        commitment.code,
        commitment.text,
        commitment.council_area,
        _goals(goals),
        deadline_cell(commitment.deadline),
        commitment.amount,
    )


def _goals(numbers: list[int]) -> str | None:
    # As text, so one goal is not a number cell the loader would have to tell from a code.
    return ", ".join(str(number) for number in numbers) or None
