"""The Rapportering page's board: the county and quarter, each region's state in the round, a
region's commitments with approving and reopening, the county's deadlines and the round's log.

Administrators see every region of the county; anyone else the regions they may report for
(core.access.reportable_regions). What a button does happens in its callback, so the flash
that says how it went shows on the run that follows, beside the button pressed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core.access import reportable_regions
from core.db import connect
from core.faults import fault
from core.i18n import t
from core.organisation import county_region_ids, find_county, get_county
from core.rounds import (
    STATES,
    Deadline,
    RegionRound,
    RoundEvent,
    RoundRule,
    UploadRef,
    approvable,
    approve,
    current_round,
    deadline,
    locked_reports,
    oslo_day,
    oslo_today,
    region_round,
    reminders_logged,
    reopen,
    round_board,
    round_events,
    round_rule,
    set_deadline,
    set_round_rule,
    state_label,
)
from core.users import User
from core.vocabulary import day_text, next_quarter, quarter_end, quarter_label, status_label
from outputs.tables import Table, created_line, file_stem
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _upload_log as upload_log
from views import _widgets as widgets

_LOGGER = logging.getLogger(__name__)
UPLOADS_PAGE = "opplastinger"
ACTIONS = {"approved": "round.action.approved", "reopened": "round.action.reopened"}
OUTCOMES = {
    "sent": "round.reminder_outcome.sent",
    "failed": "round.reminder_outcome.failed",
    "no_recipients": "round.reminder_outcome.no_recipients",
}
# The word carries the state; the sign beside it only helps the eye. Signs every font has (DejaVu
# too): an emoji such as a lock is a blank box in a browser without an emoji font. Approved is a
# ticked box, not a second tick: ✓ and ✔ differ only in weight, and were taken for one another.
STATE_SIGNS = {"not_delivered": "○", "overdue": "⚠", "delivered": "✓", "late": "◷", "approved": "☑"}
# Where the outcome of a button is shown (state.flash's place): beside the button, not at the top.
APPROVE_PLACE = "round-approve"
REOPEN_PLACE = "round-reopen"
DEADLINE_PLACE = "round-deadline"


def choose_round(user: User, lang: str) -> tuple[int, str] | None:
    """The county in view (the sidebar's) and the quarter whose round to show: the quarter chosen
    in the sidebar if one is, else the round running (the last quarter that has ended)."""
    view = data.current_county_view()
    if view.county is None:
        st.info(t("empty.database", lang))
        return None
    with data.database() as db:
        county_id = find_county(db, view.county).id
    quarters = _quarters(view.county)
    chosen = data.current_filters().quarter
    if chosen is not None and chosen not in quarters:
        # A link or the sidebar may name a quarter before the county's agreements: shown, and said so.
        quarters = sorted({*quarters, chosen}, reverse=True)
    running = current_round(oslo_today())
    default = chosen or (running if running in quarters else quarters[0])
    labels = [quarter_label(quarter, lang) for quarter in quarters]
    picked = st.selectbox(
        t("round.quarter", lang),
        labels,
        index=quarters.index(default),
        # The sidebar's quarter in the key: choosing one there moves the board to it.
        key=f"round-quarter-{view.county}-{chosen}",
        help=t("round.quarter_help", lang),
    )
    return county_id, quarters[labels.index(picked)]


def _quarters(county: str) -> list[str]:
    """The quarters of the county's agreements, from the first one's first year up to the round
    running or the last one's last year, newest first."""
    agreements = data.dataset().agreements
    own = agreements[agreements["county"] == county]
    running = current_round(oslo_today())
    first = f"{int(own['start_year'].min())}-Q1" if own["start_year"].notna().any() else running
    last = running
    if own["end_year"].notna().any():
        last = min(last, f"{int(own['end_year'].max())}-Q4")
    found = [first]
    while found[-1] < last:
        found.append(next_quarter(found[-1]))
    return list(reversed(found))


def board(county_id: int, quarter: str) -> list[RegionRound]:
    """The county's round for ``quarter`` (core.rounds.round_board), once per data revision, reminder
    logged and Norwegian day: the page's three sections share it (0.3 s at national scale)."""
    with data.database() as db:
        logged = reminders_logged(db)
    return _board(data.database_file(), data.data_revision(), logged, county_id, quarter, oslo_today())


@st.cache_data(show_spinner=False, max_entries=32)
def _board(path: str, revision: int, logged: int, county_id: int, quarter: str, today: dt.date) -> list[RegionRound]:
    with contextlib.closing(connect(path)) as db:
        return round_board(db, county_id, quarter, today=today)


def show_board(county_id: int, quarter: str, user: User, lang: str) -> None:
    """Each region's state in the round for ``quarter``, one region's commitments with the
    actions the user may take on them, the county's deadlines (administrators) and the log."""
    found = board(county_id, quarter)
    with data.database() as db:
        due = deadline(db, county_id, quarter)
        rule = round_rule(db, county_id)
        mine = set(reportable_regions(db, user))
        events = round_events(db, quarter=quarter)
        others = [] if found else _counties_elsewhere(db, county_id, quarter)
    label = quarter_label(quarter, lang)
    st.header(t("round.heading", lang, quarter=label))
    st.markdown(_deadline_text(due, rule, lang))
    if not found:
        if others:
            st.info(widgets.t_literal("round.other_county", lang, quarter=label, counties=", ".join(others)))
        else:
            st.info(t("round.no_agreements", lang, quarter=label))
    shown = found if user.is_admin else [entry for entry in found if entry.region in mine]
    if found and not shown:
        st.info(t("round.no_regions", lang, quarter=label))
    if shown:
        _counts(shown, lang)
        _board_table(shown, quarter, lang)
        _region_detail(shown, quarter, user, lang)
    if user.is_admin:
        _deadline_settings(county_id, quarter, rule, due, user, lang)
    names = {entry.region for entry in shown}
    _round_log([event for event in events if event.region in names], quarter, lang)


def _counties_elsewhere(db, county_id: int, quarter: str) -> list[str]:
    """The counties whose agreements were in force in ``quarter`` for the county's regions."""
    found: set[str] = set()
    for region_id in county_region_ids(db, get_county(db, county_id)):
        entry = region_round(db, region_id, quarter)
        if entry is not None and entry.county_id != county_id:
            found.add(entry.county)
    return sorted(found)


# --- the deadline and the counts -----------------------------------------------------------------


def _deadline_text(due: Deadline, rule: RoundRule, lang: str) -> str:
    day = day_text(due.day, lang)
    if due.moved_by:
        text = widgets.t_literal(
            "round.deadline_moved",
            lang,
            day=day,
            who=due.moved_by,
            when=day_text(oslo_day(due.moved_at or ""), lang),
        )
    else:
        text = t("round.deadline_rule", lang, day=day, count=rule.deadline_days)
    passed = oslo_today() > due.day
    return f"{text} {t('round.deadline_passed' if passed else 'round.deadline_open', lang)}"


def _counts(board: list[RegionRound], lang: str) -> None:
    for column, key in zip(st.columns(len(STATES)), STATES, strict=True):
        count = sum(entry.state == key for entry in board)
        column.metric(f"{STATE_SIGNS[key]} {state_label(key, lang)}", count)
    overdue = sum(entry.overdue for entry in board)
    if overdue:
        st.caption(t("round.overdue_count", lang, count=overdue))


def state_text(entry: RegionRound, lang: str) -> str:
    """The region's state in words, with its sign: "⚠ Ikke levert – fristen er passert"."""
    if entry.overdue:
        return f"{STATE_SIGNS['overdue']} {t('round.state_overdue', lang)}"
    return f"{STATE_SIGNS[entry.state]} {state_label(entry.state, lang)}"


def _approved_text(entry: RegionRound, lang: str) -> str:
    if not entry.approved:
        return ""
    when = day_text(oslo_day(entry.approved_at or ""), lang)
    if entry.approved < entry.commitments:
        return t(
            "round.approved_partly",
            lang,
            approved=entry.approved,
            total=entry.commitments,
            who=entry.approved_by,
            when=when,
        )
    return t("round.approved_by", lang, who=entry.approved_by, when=when)


def _reported_text(entry: RegionRound, lang: str) -> str:
    text = t("round.reported", lang, reported=entry.reported, total=entry.commitments)
    if entry.missing and entry.reported:
        text += " " + t("round.missing", lang, count=entry.missing)
    return text


def _person_text(name: str, email: str | None, phone: str | None) -> str:
    return "\n".join(part for part in (name, email, phone) if part)


def _reminder_text(entry: RegionRound, lang: str) -> str:
    sent = entry.last_reminder
    if sent is None:
        return ""
    return t(
        "round.last_reminder",
        lang,
        when=upload_log.when(sent.sent_at, lang),
        outcome=t(OUTCOMES[sent.outcome], lang),
    )


def _upload_text(upload: UploadRef, lang: str, number: str, *, escape: bool = False) -> str:
    """ "Nr. 141, 06.10.2026 kl. 16:38, Ole Kristian Strand (ole.kristian.strand)"; with ``escape``
    as HTML, ``number`` being HTML already."""
    when, who = upload_log.when(upload.at, lang), upload.by
    if escape:
        when, who = html.escape(when), html.escape(who)
    return t("round.upload", lang, number=number, when=when, who=who)


def board_frame(board: list[RegionRound], lang: str) -> pd.DataFrame:
    """The board in words, one row per region, as the table shows and the downloads hold it."""
    return pd.DataFrame(
        {
            t("round.col.region", lang): [entry.region for entry in board],
            t("round.col.state", lang): [state_text(entry, lang) for entry in board],
            t("round.col.delivered", lang): [
                day_text(oslo_day(entry.delivered_at), lang) if entry.delivered_at else "" for entry in board
            ],
            t("round.col.reported", lang): [_reported_text(entry, lang) for entry in board],
            t("round.col.approved", lang): [_approved_text(entry, lang) for entry in board],
            t("round.col.contact", lang): [
                _person_text(entry.contact.name, entry.contact.email, entry.contact.phone) if entry.contact else ""
                for entry in board
            ],
            t("round.col.reporters", lang): [
                "\n".join(_person_text(person.name, person.email, None) for person in entry.reporters)
                for entry in board
            ],
            t("round.col.last_upload", lang): [
                _upload_text(entry.last_upload, lang, t("round.upload_number", lang, number=entry.last_upload.id))
                if entry.last_upload
                else ""
                for entry in board
            ],
            t("round.col.last_reminder", lang): [_reminder_text(entry, lang) for entry in board],
        }
    )


def _board_table(board: list[RegionRound], quarter: str, lang: str) -> None:
    frame = board_frame(board, lang)
    kept = urlencode(state.current_url_params())
    prefix = f"{UPLOADS_PAGE}?{kept}&" if kept else f"{UPLOADS_PAGE}?"
    upload_column = t("round.col.last_upload", lang)

    def cells(index: int, record: tuple) -> list[tables.Cell]:
        row = []
        for column, value in zip(frame.columns, record, strict=True):
            upload = board[index].last_upload
            if column == upload_column and upload is not None:
                # Only the number is the link: the whole line would not wrap, and the table would scroll.
                link = tables.link_cell(t("round.upload_number", lang, number=upload.id), f"{prefix}upload={upload.id}")
                row.append(tables.Cell(_upload_text(upload, lang, link.html, escape=True)))
            elif column in (t("round.col.region", lang), t("round.col.state", lang)):
                row.append(tables.name_cell(value))
            elif column == t("round.col.delivered", lang):
                row.append(tables.short_cell(value))
            else:
                row.append(tables.text_cell(value))
        return row

    title = t("round.board_title", lang, quarter=quarter_label(quarter, lang))

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        # Only the page shown: a county could have hundreds of regions.
        return [
            cells(index, record) for index, record in enumerate(frame.iloc[start:stop].itertuples(index=False), start)
        ]

    tables.show_table(title, list(frame.columns), rows, len(frame), lang, "round-board")
    # Not export_table_buttons: its note and file name are the sidebar's selection and quarter,
    # and the board is the whole county's for the quarter chosen here.
    note = created_line(data.current_county_view().label, lang)
    widgets.export_buttons(
        lambda: Table(title=title, note=note, frame=frame),
        file_stem(t("page.round", lang), quarter),
        lang,
        "round-board",
    )


# --- one region: its commitments, approving and reopening -----------------------------------------


def _region_detail(board: list[RegionRound], quarter: str, user: User, lang: str) -> None:
    st.subheader(t("round.detail_heading", lang))
    names = [entry.region for entry in board]
    picked = st.selectbox(
        t("round.region", lang),
        names,
        index=0 if len(names) == 1 else None,
        placeholder=t("round.region_placeholder", lang),
        key=f"round-region-{quarter}",
    )
    if picked is None:
        return
    entry = board[names.index(picked)]
    ids = list(entry.commitment_ids)
    with data.database() as db:
        locks = locked_reports(db, [(commitment_id, quarter) for commitment_id in ids])
        mayapprove = approvable(db, entry.region_id, quarter, user)
    frame = _commitments(ids, quarter, locks, lang)
    caption = t("round.detail_caption", lang, region=entry.region, quarter=quarter_label(quarter, lang))
    _commitment_table(frame, caption, lang)
    _approve_actions(entry, quarter, frame, mayapprove, locks, user, lang)
    if user.is_admin and entry.approved:
        _reopen_form(entry, quarter, user, lang)


def _commitments(ids: list[int], quarter: str, locks: dict, lang: str) -> pd.DataFrame:
    """The region's commitments in force with its report for the quarter and who approved it."""
    dataset = data.dataset()
    commitments = dataset.commitments.set_index("commitment_id")
    reports = dataset.reports[dataset.reports["quarter"] == quarter].set_index("commitment_id")
    rows = []
    for commitment_id in ids:
        if commitment_id not in commitments.index:
            continue
        commitment = commitments.loc[commitment_id]
        report = reports.loc[commitment_id] if commitment_id in reports.index else None
        lock = locks.get((commitment_id, quarter))
        rows.append(
            {
                "id": commitment_id,
                "code": commitment["code"],
                "text": commitment["text"],
                "unit": commitment["council_area"] if isinstance(commitment["council_area"], str) else "",
                "status": None if report is None else report["status"],
                "progress": None if report is None else report["progress"],
                "comment": _stored(None if report is None else report["comment"]),
                "next_step": _stored(None if report is None else report["next_step"]),
                "approved": ""
                if lock is None
                else t(
                    "round.approved_by", lang, who=lock.approved_by, when=day_text(oslo_day(lock.approved_at), lang)
                ),
            }
        )
    return pd.DataFrame(
        rows, columns=["id", "code", "text", "unit", "status", "progress", "comment", "next_step", "approved"]
    )


def _stored(value: object) -> str:
    return value if isinstance(value, str) else ""


def _commitment_table(frame: pd.DataFrame, caption: str, lang: str) -> None:
    headers = [
        t("round.col.code", lang),
        t("round.col.commitment", lang),
        # As the sidebar names them: Viken called its units rådsområder.
        t("filters.council_area" if data.current_county_view().council_areas_word else "filters.unit", lang),
        t("round.col.status", lang),
        t("round.col.progress", lang),
        t("round.col.comment", lang),
        t("round.col.next_step", lang),
        t("round.col.approved", lang),
    ]
    rows = [
        [
            tables.short_cell(row.code),
            tables.text_cell(row.text, wide=True),
            tables.name_cell(row.unit),
            tables.status_cell(row.status, status_label(row.status, lang))
            if isinstance(row.status, str)
            else tables.text_cell(t("round.not_reported", lang)),
            tables.progress_cell(row.progress, lang),
            # What the region wrote, for the approver to read before approving; wrapped, not wide:
            # with the commitment's text wide too, the table would scroll sideways.
            tables.text_cell(row.comment),
            tables.text_cell(row.next_step),
            tables.text_cell(row.approved),
        ]
        for row in frame.itertuples(index=False)
    ]
    tables.show_table(caption, headers, rows, len(rows), lang, "round-region")


def _approve_actions(
    entry: RegionRound,
    quarter: str,
    frame: pd.DataFrame,
    mayapprove: list[int],
    locks: dict,
    user: User,
    lang: str,
) -> None:
    label = quarter_label(quarter, lang)
    unreported = {
        int(commitment_id): str(code)
        for commitment_id, code, status in frame[["id", "code", "status"]].itertuples(index=False)
        if not isinstance(status, str)
    }
    if user.is_admin:
        st.caption(widgets.t_literal("round.approve_note", lang, region=entry.region, quarter=label))
        if entry.state != "approved":
            _missing_warning(
                [code for commitment_id, code in unreported.items() if (commitment_id, quarter) not in locks], lang
            )
        st.button(
            widgets.t_literal("round.approve_all", lang, region=entry.region, quarter=label),
            type="primary",
            icon=":material/verified:",
            disabled=entry.state == "approved",
            on_click=_approve,
            args=(entry.region_id, quarter, None, user, lang),
            key=f"approve-{entry.region_id}-{quarter}",
        )
        state.show_flash(APPROVE_PLACE)
        return
    units: dict[str, list[int]] = {}
    for commitment_id, unit in zip(frame["id"], frame["unit"], strict=True):
        if commitment_id in mayapprove:
            units.setdefault(str(unit), []).append(int(commitment_id))
    for unit, ids in units.items():
        waiting = [commitment_id for commitment_id in ids if (commitment_id, quarter) not in locks]
        if not waiting:
            # A button that can only be disabled says less than the words.
            st.caption(widgets.t_literal("round.unit_all_approved", lang, unit=unit))
            continue
        _missing_warning([unreported[commitment_id] for commitment_id in waiting if commitment_id in unreported], lang)
        st.button(
            widgets.t_literal("round.approve_unit", lang, unit=unit, number=len(waiting)),
            icon=":material/verified:",
            disabled=not waiting,
            on_click=_approve,
            args=(entry.region_id, quarter, waiting, user, lang),
            key=f"approve-{entry.region_id}-{quarter}-{unit}",
        )
    state.show_flash(APPROVE_PLACE)


def _missing_warning(codes: list[str], lang: str) -> None:
    """Approving locks the commitments without a report too; said before, not found out after."""
    if codes:
        st.warning(
            t("round.approve_missing", lang, count=len(codes), codes=", ".join(codes)), icon=":material/warning:"
        )


def _reopen_form(entry: RegionRound, quarter: str, user: User, lang: str) -> None:
    key = f"reopen-reason-{entry.region_id}-{quarter}"
    st.text_area(t("round.reopen_reason", lang), key=key, help=t("round.reopen_help", lang))
    st.button(
        t("round.reopen", lang),
        icon=":material/lock_open:",
        on_click=_reopen,
        args=(entry.region_id, quarter, key, user, lang),
        key=f"reopen-{entry.region_id}-{quarter}",
    )
    state.show_flash(REOPEN_PLACE)


def _approve(region_id: int, quarter: str, ids: list[int] | None, user: User, lang: str) -> None:
    try:
        with data.database() as db:
            result = approve(db, region_id, quarter, user=user, commitment_ids=ids)
    except Exception as error:
        _refused(error, lang, APPROVE_PLACE)
        return
    data.wrote()
    label = quarter_label(quarter, lang)
    if result.whole:
        text = widgets.t_literal("round.approved_whole", lang, region=result.region, quarter=label)
    else:
        text = widgets.t_literal(
            "round.approved_some", lang, region=result.region, quarter=label, codes=", ".join(result.codes)
        )
    state.flash("success", text, place=APPROVE_PLACE)


def _reopen(region_id: int, quarter: str, reason_key: str, user: User, lang: str) -> None:
    try:
        with data.database() as db:
            count = reopen(db, region_id, quarter, st.session_state.get(reason_key, ""), user=user)
            region = region_round(db, region_id, quarter)
    except Exception as error:
        _refused(error, lang, REOPEN_PLACE)
        return
    data.wrote()
    st.session_state[reason_key] = ""
    state.flash(
        "success",
        widgets.t_literal(
            "round.reopened",
            lang,
            region=region.region if region else "",
            quarter=quarter_label(quarter, lang),
            count=count,
        ),
        # Reopened, the form is gone and the approve button is back: the message goes there.
        place=APPROVE_PLACE,
    )


def _refused(error: Exception, lang: str, place: str) -> None:
    """A refusal or a fault of the machine as one message on the next run, shown at ``place``; a
    bug goes on up."""
    named = fault(error, data.database_file())
    if named is None:
        raise error
    if named is not error:
        _LOGGER.warning("%s (%s: %s)", named.message("en"), type(error).__name__, error)
    state.flash("error", widgets.error_message(named, lang), place=place)


# --- the county's deadlines (administrators) ---------------------------------------------------


def _deadline_settings(county_id: int, quarter: str, rule: RoundRule, due: Deadline, user: User, lang: str) -> None:
    with st.expander(t("round.settings_heading", lang), icon=":material/event:"):
        with st.form(f"round-rule-{county_id}"):
            st.write(t("round.rule_help", lang))
            days = st.number_input(t("round.rule.deadline_days", lang), 0, 365, rule.deadline_days, key="rule-days")
            before = st.number_input(t("round.rule.remind_before", lang), 0, 90, rule.remind_before, key="rule-before")
            after = st.number_input(t("round.rule.remind_after", lang), 0, 90, rule.remind_after, key="rule-after")
            if st.form_submit_button(t("round.rule.save", lang)):
                _save_rule(county_id, RoundRule(int(days), int(before), int(after)), user, lang)
        label = quarter_label(quarter, lang)
        day_key = f"deadline-day-{county_id}-{quarter}"
        st.date_input(
            t("round.move_deadline", lang, quarter=label),
            value=due.day,
            min_value=quarter_end(quarter),
            format="DD.MM.YYYY",
            key=day_key,
        )
        left, right = st.columns(2)
        left.button(
            t("round.move", lang),
            icon=":material/event_available:",
            on_click=_move_deadline,
            args=(county_id, quarter, day_key, user, lang),
            key=f"deadline-move-{county_id}-{quarter}",
        )
        right.button(
            t("round.move_back", lang),
            icon=":material/event_repeat:",
            disabled=due.moved_by is None,
            on_click=_move_deadline,
            args=(county_id, quarter, None, user, lang),
            key=f"deadline-back-{county_id}-{quarter}",
        )
        state.show_flash(DEADLINE_PLACE)


def _save_rule(county_id: int, rule: RoundRule, user: User, lang: str) -> None:
    try:
        with data.database() as db:
            set_round_rule(db, county_id, rule, user=user)
    except Exception as error:
        _refused(error, lang, DEADLINE_PLACE)
    else:
        data.wrote()
        state.flash("success", t("round.rule_saved", lang, count=rule.deadline_days), place=DEADLINE_PLACE)
    st.rerun()


def _move_deadline(county_id: int, quarter: str, day_key: str | None, user: User, lang: str) -> None:
    """Move the quarter's deadline to the day in the widget ``day_key``; None: back to the rule."""
    day = None if day_key is None else st.session_state[day_key]
    label = quarter_label(quarter, lang)
    try:
        with data.database() as db:
            before = deadline(db, county_id, quarter)
            if day is not None and day == before.day:
                # Nothing moves, so nothing is logged as moved by this person.
                state.flash(
                    "info",
                    t("round.deadline_unchanged", lang, quarter=label, day=day_text(day, lang)),
                    place=DEADLINE_PLACE,
                )
                return
            set_deadline(db, county_id, quarter, day, user=user)
            moved = deadline(db, county_id, quarter)
    except Exception as error:
        _refused(error, lang, DEADLINE_PLACE)
        return
    data.wrote()
    state.flash(
        "success", t("round.deadline_saved", lang, quarter=label, day=day_text(moved.day, lang)), place=DEADLINE_PLACE
    )


# --- the round's log ------------------------------------------------------------------------


def log_frame(events: list[RoundEvent], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("round.col.when", lang): [upload_log.when(event.done_at, lang) for event in events],
            t("round.col.region", lang): [event.region for event in events],
            t("round.col.action", lang): [t(ACTIONS[event.action], lang) for event in events],
            t("round.col.who", lang): [event.done_by for event in events],
            t("round.col.codes", lang): [
                event.codes or t("round.all_codes", lang) if event.action == "approved" else "" for event in events
            ],
            t("round.col.reason", lang): [event.reason or "" for event in events],
        }
    )


def _round_log(events: list[RoundEvent], quarter: str, lang: str) -> None:
    st.subheader(t("round.log_heading", lang))
    if not events:
        st.caption(t("round.log_empty", lang, quarter=quarter_label(quarter, lang)))
        return
    frame = log_frame(events, lang)
    rows = [[tables.text_cell(value) for value in record] for record in frame.itertuples(index=False)]
    tables.show_table(
        t("round.log_title", lang, quarter=quarter_label(quarter, lang)),
        list(frame.columns),
        rows,
        len(rows),
        lang,
        "round-log",
    )
