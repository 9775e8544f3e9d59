"""The Rapportering page's reminders, for administrators: the regions a reminder would go to now,
sending them by e-mail behind a confirmation, what became of each, and the log of those sent.

Reporters see none of it: the recipients are people's own addresses.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core.errors import MonitorError
from core.i18n import t
from core.rounds import DueReminder, SentReminder, manual_reminders, sent_reminders
from core.users import User
from core.vocabulary import quarter_label
from outputs.errors import InvalidMailSetting, MailNotConfigured
from outputs.mail import KIND_KEYS, OUTCOME_KEYS, Outcome, mail_settings, send_manual_reminders
from outputs.tables import stored_moment_text
from views import _data as data
from views import _round as round_
from views import _state as state
from views import _tables as tables
from views import _widgets as widgets

# Where the outcome of sending is shown (state.flash's place): below the button, not at the top.
PLACE = "reminders"
# A reminder sent less than this long ago is named in the confirmation: a second one so soon is
# more likely a slip than a plan.
RECENT = dt.timedelta(hours=24)
LAST_KIND_KEYS = {
    "before": "reminders.last_kind.before",
    "after": "reminders.last_kind.after",
    "manual": "reminders.last_kind.manual",
}


def show(county_id: int, quarter: str, user: User, lang: str) -> None:
    """The reminders of the county's round for ``quarter`` (administrators only)."""
    if not user.is_admin:
        return
    label = quarter_label(quarter, lang)
    st.header(t("reminders.heading", lang))
    found = round_.board(county_id, quarter)
    with data.database() as db:
        due = manual_reminders(db, county_id, quarter, board=found)
        # One read of the quarter's log (newest first), kept to the county's regions.
        regions = {region.region for region in found}
        sent = [entry for entry in sent_reminders(db, quarter=quarter) if entry.region in regions]
    # The log is newest first: a region's first reminder sent in it is its last.
    last: dict[str, SentReminder] = {}
    for entry in sent:
        if entry.outcome == "sent":
            last.setdefault(entry.region, entry)
    if due:
        st.write(t("reminders.intro", lang, quarter=label))
        _due_table(due, last, lang)
    else:
        st.write(t("reminders.none_due", lang, quarter=label))
    result_key = f"reminders-result-{county_id}-{quarter}"
    if due and _mail_ready(lang):
        confirm_key = f"reminders-confirm-{county_id}-{quarter}"
        confirmed = st.checkbox(_confirm_text(due, last, lang), key=confirm_key)
        st.button(
            t("reminders.send", lang, count=len(due)),
            type="primary",
            disabled=not confirmed,
            icon=":material/mail:",
            on_click=_send,
            args=(county_id, quarter, user, lang, result_key, confirm_key),
            key=f"reminders-send-{county_id}-{quarter}",
        )
    state.show_flash(PLACE)
    if result_key in st.session_state:
        _result_table(st.session_state[result_key], lang)
    _log_table(sent, label, lang)


def _mail_ready(lang: str) -> bool:
    """Whether the mail server is set up; if not, say so and how, in place of the button."""
    try:
        mail_settings()
    except MailNotConfigured as error:
        # The reason names the file, whose path is shown as typed.
        st.info(
            t("reminders.not_configured", lang, reason=widgets.error_message(error, lang)),
            icon=":material/mail_lock:",
        )
        return False
    except InvalidMailSetting as error:
        st.error(widgets.error_message(error, lang), icon=":material/error:")
        return False
    return True


def _recipients(reminder: DueReminder, lang: str) -> str:
    if not reminder.recipients:
        return t("reminders.no_address", lang)
    return "\n".join(f"{person.name} <{person.email}>" for person in reminder.recipients)


def _last_text(entry: SentReminder | None, lang: str) -> str:
    """When the region was last reminded and how: "30.11.2026 kl. 14:05 (manuell)"."""
    if entry is None:
        return t("reminders.never", lang)
    return t(
        "reminders.last",
        lang,
        when=stored_moment_text(entry.sent_at, lang),
        kind=t(LAST_KIND_KEYS[entry.kind], lang),
    )


def _confirm_text(due: list[DueReminder], last: dict[str, SentReminder], lang: str) -> str:
    now = dt.datetime.now(dt.UTC)
    recent = [
        reminder.region
        for reminder in due
        if reminder.region in last and now - dt.datetime.fromisoformat(last[reminder.region].sent_at) < RECENT
    ]
    if not recent:
        return t("reminders.confirm", lang, count=len(due))
    return widgets.t_literal("reminders.confirm_recent", lang, count=len(due), regions=", ".join(recent))


def _due_table(due: list[DueReminder], last: dict[str, SentReminder], lang: str) -> None:
    headers = [t("reminders.col.region", lang), t("reminders.col.recipients", lang), t("reminders.col.last", lang)]
    rows = [
        [
            tables.name_cell(reminder.region),
            tables.text_cell(_recipients(reminder, lang)),
            tables.short_cell(_last_text(last.get(reminder.region), lang)),
        ]
        for reminder in due
    ]
    tables.show_table(t("reminders.due_caption", lang), headers, rows, len(rows), lang, "reminders-due")


def _result_table(outcomes: list[Outcome], lang: str) -> None:
    st.subheader(t("reminders.result_caption", lang))
    headers = [t("reminders.col.region", lang), t("reminders.col.outcome", lang), t("reminders.col.error", lang)]
    rows = [
        [
            tables.name_cell(outcome.reminder.region),
            tables.short_cell(t(OUTCOME_KEYS[outcome.outcome], lang)),
            tables.text_cell(outcome.error),
        ]
        for outcome in outcomes
    ]
    tables.show_table(t("reminders.result_caption", lang), headers, rows, len(rows), lang, "reminders-result")


def _log_table(sent: list[SentReminder], label: str, lang: str) -> None:
    st.subheader(t("reminders.log_heading", lang, quarter=label))
    if not sent:
        st.write(t("reminders.log_empty", lang, quarter=label))
        return
    headers = [
        t("reminders.col.when", lang),
        t("reminders.col.region", lang),
        t("reminders.col.kind", lang),
        t("reminders.col.recipients", lang),
        t("reminders.col.outcome", lang),
        t("reminders.col.error", lang),
        t("reminders.col.sent_by", lang),
    ]
    rows = [
        [
            tables.short_cell(stored_moment_text(entry.sent_at, lang)),
            tables.name_cell(entry.region),
            tables.text_cell(t(KIND_KEYS[entry.kind], lang)),
            tables.text_cell("\n".join(entry.recipients)),
            tables.short_cell(t(OUTCOME_KEYS[entry.outcome], lang)),
            tables.text_cell(entry.error),
            tables.text_cell(entry.sent_by),
        ]
        for entry in sent
    ]
    tables.show_table(t("reminders.log_heading", lang, quarter=label), headers, rows, len(rows), lang, "reminders-log")


def _send(county_id: int, quarter: str, user: User, lang: str, result_key: str, confirm_key: str) -> None:
    # Sending again takes a new confirmation: the regions that still have not delivered would get a second e-mail.
    st.session_state[confirm_key] = False
    try:
        with data.database() as db:
            outcomes = send_manual_reminders(db, county_id, quarter, user=user)
    except MonitorError as error:
        state.flash("error", widgets.error_message(error, lang), place=PLACE)
        return
    st.session_state[result_key] = outcomes
    count = len(outcomes)
    sent = sum(outcome.outcome == "sent" for outcome in outcomes)
    failed = sum(outcome.outcome == "failed" for outcome in outcomes)
    empty = sum(outcome.outcome == "no_recipients" for outcome in outcomes)
    # A region left without a reminder, for want of an address, is for the coordinator to put right.
    kind = "success" if sent == count and all(outcome.ok for outcome in outcomes) else "warning"
    state.flash(kind, t("reminders.done", lang, count=count, sent=sent, failed=failed, empty=empty), place=PLACE)
