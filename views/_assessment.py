"""The Rapportering page's editor of the county's own assessment, beside each region's report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import analysis
from core.assessments import may_assess, set_assessments
from core.dataset import Dataset
from core.errors import MonitorError
from core.filters import NOT_REPORTED
from core.i18n import t
from core.rounds import RegionRound
from core.users import User
from core.vocabulary import STATUS_KEYS, quarter_label, status_label
from views import _data as data
from views import _round as round_
from views import _state as state
from views import _widgets as widgets

# Where the outcome of saving is shown (state.flash's place): below the button, not at the top.
PLACE = "assessment"

EDITED_COLUMNS = ("county_status", "county_comment")
# In pixels, so that the whole row fits the page's width on a laptop (about 940 pixels) and the
# difference is seen beside the two statuses; long texts are read in full on hovering a cell.
COLUMN_WIDTHS = {
    "code": 60,
    "text": 220,
    "region_status": 110,
    "region_comment": 170,
    "county_status": 120,
    "county_comment": 170,
    "difference": 90,
}
# The status column's choice for "no assessment" (a dash, as empty cells elsewhere in the tables).
NO_ASSESSMENT = "–"


def editor(county_id: int, quarter: str, user: User, lang: str) -> None:
    """The county's status and comment per commitment of a region for ``quarter``, beside the
    region's report, for those who may assess them (core.assessments.may_assess); hidden for the others."""
    dataset = data.dataset()
    assessable = [entry for entry in round_.board(county_id, quarter) if _assesses_any(dataset, entry, user)]
    if not assessable:
        return
    st.header(t("assessment.heading", lang))
    st.caption(widgets.t_literal("assessment.intro", lang, quarter=quarter_label(quarter, lang)))
    names = [entry.region for entry in assessable]
    chosen = st.selectbox(t("assessment.region", lang), names, key="assessment-region")
    entry = assessable[names.index(chosen)] if chosen in names else assessable[0]
    # Only the region chosen is read: every region's rows took 11 s at national scale (400 regions).
    rows = analysis.assessment_rows(dataset, list(entry.commitment_ids), quarter)
    _region_editor(entry, rows.assign(_mine=_may_assess(rows, user)), quarter, user, lang)


def _assesses_any(dataset: Dataset, entry: RegionRound, user: User) -> bool:
    """Whether the user may assess any of the region's commitments in force (core.assessments.may_assess)."""
    if user.is_admin:
        return bool(entry.commitment_ids)
    commitments = dataset.commitments
    own = commitments[commitments["commitment_id"].isin(entry.commitment_ids)]
    return any(may_assess(user, county, unit) for county, unit in zip(own["county"], own["council_area"], strict=True))


def _may_assess(rows: pd.DataFrame, user: User) -> pd.Series:
    if user.is_admin:
        return pd.Series(True, index=rows.index, dtype=bool)
    return pd.Series(
        [may_assess(user, county, unit) for county, unit in zip(rows["county"], rows["council_area"], strict=True)],
        index=rows.index,
        dtype=bool,
    )


def _region_editor(entry: RegionRound, rows: pd.DataFrame, quarter: str, user: User, lang: str) -> None:
    labels = {key: status_label(key, lang) for key in STATUS_KEYS}
    mine = rows[rows["_mine"]].reset_index(drop=True)
    shown = _shown(mine, labels, lang)
    edited = st.data_editor(
        shown,
        column_config={
            "commitment_id": None,
            "code": st.column_config.TextColumn(t("col.code", lang), width=COLUMN_WIDTHS["code"]),
            "text": st.column_config.TextColumn(t("col.text", lang), width=COLUMN_WIDTHS["text"]),
            "region_status": st.column_config.TextColumn(
                t("col.region_status", lang), width=COLUMN_WIDTHS["region_status"]
            ),
            "region_comment": st.column_config.TextColumn(
                t("col.region_comment", lang), width=COLUMN_WIDTHS["region_comment"]
            ),
            "county_status": st.column_config.SelectboxColumn(
                # «–» is "no assessment": the grid draws a blank choice as a grey «None».
                t("col.county_status", lang),
                options=[NO_ASSESSMENT, *labels.values()],
                width=COLUMN_WIDTHS["county_status"],
            ),
            "county_comment": st.column_config.TextColumn(
                t("col.county_comment", lang), width=COLUMN_WIDTHS["county_comment"]
            ),
            "difference": st.column_config.TextColumn(t("col.difference", lang), width=COLUMN_WIDTHS["difference"]),
        },
        disabled=[column for column in shown.columns if column not in EDITED_COLUMNS],
        hide_index=True,
        key=f"assessment-editor-{entry.region_id}-{quarter}-{lang}-{data.data_revision()}",
    )
    others = rows[~rows["_mine"]].reset_index(drop=True)
    if not others.empty:
        st.subheader(t("assessment.read_only", lang))
        st.dataframe(
            _shown(others, labels, lang).drop(columns="commitment_id").rename(columns=lambda c: t(f"col.{c}", lang)),
            hide_index=True,
        )
    if st.button(t("assessment.save", lang), key="assessment-save", type="primary"):
        _save(shown, edited, {label: key for key, label in labels.items()}, quarter, user, lang)
    state.show_flash(PLACE)


def _shown(rows: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """The rows as the editor shows them: statuses as words, differences marked in words."""
    differs = [
        "" if county is None else t("assessment.differs_mark" if county != region else "assessment.same_mark", lang)
        for county, region in zip(rows["county_status"], rows["region_status"], strict=True)
    ]
    return pd.DataFrame(
        {
            "commitment_id": rows["commitment_id"],
            "code": rows["code"],
            "text": rows["text"],
            "region_status": [
                t("status.not_reported", lang) if key == NOT_REPORTED else labels[key] for key in rows["region_status"]
            ],
            # Blank, not None, which the grid would write out as "None".
            "region_comment": rows["region_comment"].fillna(""),
            "county_status": [NO_ASSESSMENT if key is None else labels[key] for key in rows["county_status"]],
            "county_comment": rows["county_comment"].fillna(""),
            "difference": differs,
        },
        dtype="object",
    )


def _save(shown: pd.DataFrame, edited: pd.DataFrame, keys: dict[str, str], quarter: str, user: User, lang: str) -> None:
    """Only the rows changed are saved; a blank status withdraws the county's assessment."""
    changes: dict[int, tuple[str, str | None] | None] = {}
    without_status = []
    for commitment_id, code, status_before, comment_before, status_cell, comment_cell in zip(
        shown["commitment_id"],
        shown["code"],
        shown["county_status"],
        shown["county_comment"],
        edited["county_status"],
        edited["county_comment"],
        strict=True,
    ):
        status, comment = _text(status_cell), _text(comment_cell)
        if (status, comment) == (_text(status_before), _text(comment_before)):
            continue
        if status is None and comment is not None:
            without_status.append(str(code))
            continue
        changes[int(commitment_id)] = None if status is None else (keys[status], comment)
    if without_status:
        st.error(widgets.t_literal("assessment.comment_without_status", lang, codes=", ".join(without_status)))
        return
    if not changes:
        st.info(t("assessment.unchanged", lang))
        return
    try:
        with data.database() as db:
            result = set_assessments(db, quarter, changes, user=user)
    except MonitorError as error:
        st.error(widgets.error_message(error, lang))
        return
    data.wrote()
    state.flash(
        "success",
        t("assessment.saved", lang, added=result.added, changed=result.changed, removed=result.removed),
        place=PLACE,
    )
    st.rerun()


def _text(value: object) -> str | None:
    """A cell as text; an emptied cell (None, NaN, spaces or «–», no assessment) as None."""
    if not isinstance(value, str) or value.strip() in ("", NO_ASSESSMENT):
        return None
    return value.strip()
