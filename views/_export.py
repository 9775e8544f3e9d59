"""The export page's downloads. Every file is built when its button is pressed."""

from __future__ import annotations

import streamlit as st

from core import analysis, report
from core.analysis import HISTORY_COLUMNS
from core.dataset import Dataset
from core.exports import XLSX_MIME, commitments_export, created_line, file_stem
from core.i18n import t
from views import _ui as ui

PDF_MIME = "application/pdf"
COMMITMENT_COLUMNS = (
    "region", "code", "text", "focus_area", "hashtag", "council_area", "sdgs", "status", "progress", "comment",
    "next_step", "owner", "last_reported",
)


def report_buttons(quarter: str, lang: str) -> None:
    data = ui.filtered()
    note = ui.selection_text(lang)
    stem = file_stem(t("export.report_file", lang), quarter)
    excel, pdf = st.columns(2)
    excel.download_button(
        t("export.report_excel", lang),
        data=lambda: report.quarterly_workbook(data, quarter, lang, created_line(note, lang)),
        file_name=f"{stem}.xlsx", mime=XLSX_MIME, icon=":material/table_view:", on_click="ignore",
        key="report-xlsx",
    )
    try:
        report.require_chromium()
        missing = None
    except report.ChromiumMissing as error:
        missing = str(error)
    pdf.download_button(
        t("export.report_pdf", lang), disabled=missing is not None,
        data=lambda: report.pdf_brief(data, quarter, lang, note),
        file_name=f"{stem}.pdf", mime=PDF_MIME, icon=":material/picture_as_pdf:", on_click="ignore",
        key="report-pdf",
    )
    if missing:
        st.warning(missing)


def commitments_buttons(data: Dataset, quarter: str, lang: str, separator: str) -> None:
    title, note = t("export.commitments_title", lang), ui.selection_text(lang)
    ui.export_buttons(
        lambda: commitments_export(
            analysis.commitment_table(data, quarter), COMMITMENT_COLUMNS, lang, title=title,
            note=created_line(note, lang),
        ),
        file_stem(title, quarter), lang, "commitments", separator=separator, name=title,
    )


def history_buttons(data: Dataset, lang: str, separator: str) -> None:
    title, note = t("export.history_heading", lang), ui.selection_text(lang)
    ui.export_buttons(
        lambda: commitments_export(
            analysis.status_history(data), HISTORY_COLUMNS, lang, title=title, note=created_line(note, lang)
        ),
        file_stem(title), lang, "history", separator=separator, name=title,
    )
