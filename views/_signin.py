"""Who is using the dashboard, and the sign-in page's parts.

With an ``[auth]`` section in ``.streamlit/secrets.toml`` people sign in through
the county's identity provider (``st.login``) and are matched to an account by
e-mail. Without one they sign in with a local account's username and password,
and the sign-in lasts (core/sessions.py): the browser keeps a random token as a
cookie, read once when the browser connects (``st.context.cookies``), so a reload
or a new tab stays signed in. The session is checked on every run, and the account
looked up (cached per database revision), so signing out elsewhere, a new password,
a removed account or a changed role applies at once.

Streamlit sets no cookie of its own: the cookie is written by a line of script that
``st.html(unsafe_allow_javascript=True)`` runs in the page once, right after the
sign-in or sign-out; the script holds only our own token and cookie attributes.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from core.access import may_report, reading_open
from core.db import connect
from core.errors import DatabaseBusy, MonitorError, UnknownUser
from core.i18n import t
from core.sessions import (
    COOKIE_NAME,
    cookie_text,
    end_session,
    served_over_tls,
    session_username,
    start_session,
    token_hash,
)
from core.users import User, authenticate, get_user, has_accounts, role_label, user_by_email
from views import _data as data
from views import _widgets as widgets

SESSION_KEY = "_session"  # the SHA-256 of this browser's session token, never the token itself
COOKIE_READ_KEY = "_session_cookie_read"
COOKIE_KEY = "_session_cookie_to_write"  # (value, max age) for the browser, written once on the next run
VISITOR_KEY = "_visitor"
FAILURE_KEY = "_sign_in_failure"
# Seconds a sign-in waits for another writer: its own writes are tiny, and a person at the form
# should hear "try again" soon, not after the minute a load may wait (setting busy_timeout).
SIGN_IN_WAIT = 10.0


@dataclass(frozen=True)
class Visitor:
    user: User | None
    reading_open: bool
    oidc: bool
    unknown_email: str | None = None  # signed in at the identity provider, but has no account here

    @property
    def may_read(self) -> bool:
        return self.user is not None or self.reading_open

    @property
    def may_report(self) -> bool:
        return self.user is not None and may_report(self.user)

    @property
    def is_admin(self) -> bool:
        return self.user is not None and self.user.is_admin


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False


@st.cache_data(max_entries=256, show_spinner=False)
def _account(path: str, data_revision: int, username: str | None, email: str | None) -> User | None:
    with contextlib.closing(connect(path)) as db:
        if email is not None:
            return user_by_email(db, email)
        if username is None:
            return None
        try:
            return get_user(db, username)
        except UnknownUser:
            # Removed since: signed out. A fault of the machine is not, and is shown as one.
            return None


@st.cache_data(max_entries=4, show_spinner=False)
def _reading_open(path: str, data_revision: int) -> bool:
    with contextlib.closing(connect(path)) as db:
        return reading_open(db)


@st.cache_data(max_entries=4, show_spinner=False)
def _has_accounts(path: str, data_revision: int) -> bool:
    with contextlib.closing(connect(path)) as db:
        return has_accounts(db)


def any_accounts() -> bool:
    return _has_accounts(data.database_file(), data.data_revision())


def identify() -> Visitor:
    """Who this run is for; the pages read it with :func:`current`."""
    path, revision = data.database_file(), data.data_revision()
    oidc = oidc_configured()
    user = unknown_email = None
    if oidc:
        email = st.user.get("email") if st.user.get("is_logged_in") else None
        if email:
            user = _account(path, revision, None, str(email))
            unknown_email = None if user else str(email)
    else:
        user = _local_user(path, revision)
    visitor = Visitor(user, _reading_open(path, revision), oidc, unknown_email)
    st.session_state[VISITOR_KEY] = visitor
    return visitor


def browser_token() -> str | None:
    """The session token the browser sent when it connected, if any."""
    token = st.context.cookies.get(COOKIE_NAME)
    # A test harness without a browser (AppTest) answers with a stand-in object, not text.
    return token if isinstance(token, str) and token else None


def _local_user(path: str, revision: int) -> User | None:
    # The cookies are those the browser sent when it connected, the same on every run: read
    # them once, so a session signed out in this tab is not taken up again from the old cookie.
    if not st.session_state.get(COOKIE_READ_KEY):
        st.session_state[COOKIE_READ_KEY] = True
        token = browser_token()
        if token:
            st.session_state[SESSION_KEY] = token_hash(token)
    hashed = st.session_state.get(SESSION_KEY)
    if hashed is None:
        return None
    # Not cached: a sign-out, a new password or a removed account must end the session at once.
    with contextlib.closing(connect(path)) as db:
        username = session_username(db, hashed)
    user = _account(path, revision, username, None) if username else None
    if user is None:  # expired, signed out in another tab, a new password, or the account is gone
        st.session_state.pop(SESSION_KEY)
        _forget_cookie()
    return user


def _forget_cookie() -> None:
    st.session_state[COOKIE_KEY] = ("", 0)


def write_cookie(container) -> None:
    """Give the browser the cookie a sign-in or sign-out of the previous run asked for."""
    pending = st.session_state.pop(COOKIE_KEY, None)
    if pending is None:
        return
    value, max_age = pending
    forwarded = st.context.headers.get("X-Forwarded-Proto")
    secure = served_over_tls(st.context.url, forwarded if isinstance(forwarded, str) else None)
    assignment = json.dumps(cookie_text(value, max_age, secure=secure))
    container.html(f"<script>document.cookie = {assignment};</script>", unsafe_allow_javascript=True)


NOBODY = Visitor(user=None, reading_open=False, oidc=False)


def current() -> Visitor:
    # A page run without the entry point (which identifies the visitor) gets no rights at all.
    return st.session_state.get(VISITOR_KEY, NOBODY)


def signed_in_user(lang: str) -> User:
    """The signed-in user, for a page only they may use; anyone else is told so and the page stops."""
    user = current().user
    if user is None:
        st.error(t("signin.signed_in_only", lang), icon=":material/lock:")
        st.stop()
    return user


def admin_user(lang: str, refusal: str = "signin.admins_only") -> User:
    """The signed-in administrator, for a page only they may use; anyone else is told so (the text
    ``refusal``) and the page stops."""
    user = current().user
    if user is None or not user.is_admin:
        st.error(t(refusal, lang), icon=":material/lock:")
        st.stop()
    return user


def reporting_user(lang: str) -> User:
    """The signed-in user who may report, for a page that writes; anyone else is told so and the page stops."""
    user = current().user
    if user is None or not may_report(user):
        st.error(t("signin.reporters_only", lang), icon=":material/lock:")
        st.stop()
    return user


# --- sidebar -----------------------------------------------------------------------------------


def sidebar_status(container, visitor: Visitor, lang: str) -> None:
    """Who is signed in, and whether the numbers are open to everyone, always in view."""
    if visitor.user is not None:
        container.markdown(
            widgets.t_literal(
                "signin.signed_in_as", lang, name=visitor.user.name, role=role_label(visitor.user.role, lang)
            )
        )
        if container.button(t("signin.sign_out", lang), icon=":material/logout:", key="sign-out"):
            sign_out(visitor)
    if visitor.reading_open:
        container.info(
            t("signin.open_reading" if visitor.user else "signin.open_reading_anonymous", lang),
            icon=":material/lock_open:",
        )


def sign_out(visitor: Visitor) -> None:
    if visitor.oidc:
        st.logout()
    hashed = st.session_state.pop(SESSION_KEY, None)
    if hashed is not None:
        with data.database() as db:
            end_session(db, hashed)
        _forget_cookie()
    st.rerun()


# --- signing in -------------------------------------------------------------------------------


def may_open(visitor: Visitor, need: str) -> bool:
    """Whether the visitor may see a page that needs ``need``: "read", "report", "admin", "signed_in" or
    "nothing"."""
    return {
        "read": visitor.may_read,
        "report": visitor.may_report,
        "admin": visitor.is_admin,
        "signed_in": visitor.user is not None,
        "nothing": True,
    }[need]


def gate(title: str, visitor: Visitor, lang: str, need: str = "report", refusal: str | None = None) -> None:
    """In place of a page the visitor may not open: say so (the text ``refusal``, else the role's), and
    offer the sign-in right here, so that signing in runs the same page with the same address
    (filters, language, commitment)."""
    st.title(title)
    if visitor.user is not None:
        refusal = refusal or ("signin.admins_only" if need == "admin" else "signin.reporters_only")
        st.error(t(refusal, lang), icon=":material/lock:")
        return
    st.info(t("signin.page_needs_sign_in", lang), icon=":material/lock:")
    sign_in_choices(visitor, lang)


def sign_in_choices(visitor: Visitor, lang: str) -> None:
    """The identity provider's button, the local form, or how to make the first account."""
    if visitor.oidc:
        identity_provider_button(visitor, lang)
    elif not any_accounts():
        st.warning(t("signin.no_accounts", lang), icon=":material/person_add:")
    else:
        st.caption(t("signin.local_intro", lang))
        password_form(lang)


def password_form(lang: str) -> None:
    failure = st.session_state.pop(FAILURE_KEY, None)
    if failure:
        st.error(failure, icon=":material/error:")
    # Cleared on submit, so the password does not stay in the session after the attempt.
    with st.form("sign-in", clear_on_submit=True, enter_to_submit=True):
        username = st.text_input(t("signin.username", lang), key="signin-username", autocomplete="username")
        password = st.text_input(
            t("signin.password", lang), type="password", key="signin-password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(t("signin.submit", lang), type="primary", icon=":material/login:")
    if submitted:
        try:
            with (
                st.spinner(t("signin.signing_in", lang)),
                contextlib.closing(connect(data.database_file(), busy_timeout=SIGN_IN_WAIT)) as db,
            ):
                user = authenticate(db, username.strip(), password)
                session = start_session(db, user.username)
        except DatabaseBusy:
            # Nothing was counted: the failure could not be written, and a right password is
            # answered the same, so a busy database tells a guesser nothing.
            st.session_state[FAILURE_KEY] = t("signin.busy", lang)
        except MonitorError as refused:
            # Wrong name or password, closed for a while, or a fault of the machine, in one line.
            st.session_state[FAILURE_KEY] = widgets.error_message(refused, lang)
        else:
            st.session_state[SESSION_KEY] = session.token_hash
            st.session_state[COOKIE_KEY] = (session.token, session.max_age)
        # The same page with the same address runs again, now signed in.
        st.rerun()


def identity_provider_button(visitor: Visitor, lang: str) -> None:
    if visitor.unknown_email:
        st.warning(
            widgets.t_literal("signin.no_account", lang, email=visitor.unknown_email), icon=":material/person_off:"
        )
        if st.button(t("signin.sign_out", lang), icon=":material/logout:", key="sign-out-unknown"):
            st.logout()
        return
    if st.button(t("signin.with_provider", lang), type="primary", icon=":material/login:", key="sign-in-oidc"):
        st.login()
