"""Sign-in in the dashboard: the local form, OIDC through st.login, and what each role can reach."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.access import set_reading_open
from core.db import connect
from core.users import remove_user, set_password
from tests.builders import (
    ADMIN,
    ENTRY,
    FOLLO,
    GOOD_FILE,
    IOR,
    app,
    commitment_id,
    html_tables,
    reports,
    save_button,
    upload,
    workbook_bytes,
)

pytestmark = pytest.mark.usefixtures("fresh_caches")

PASSWORD = "riktig hest batteri stift"
WRITING_PAGES = ("views/last_opp.py", "views/opplastinger.py")
OIDC = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-cookie-secret",
        "client_id": "partnerskapsmonitor",
        "client_secret": "test-client-secret",
        "server_metadata_url": "https://login.example.no/.well-known/openid-configuration",
    }
}


SIGN_IN_HERE = "Logg inn for å se denne siden."
REPORTERS_ONLY = "Bare rapportører og administratorer kan laste opp status. Logg inn med en slik konto."


def opens(at: AppTest, page: str) -> bool:
    """Whether the page shows itself to this visitor, rather than asking them to sign in or
    telling them it is not for their role. Every page is there for everyone to open."""
    at.switch_page(page).run()
    assert not at.exception
    told = [info.value for info in at.main.info] + [error.value for error in at.main.error]
    return SIGN_IN_HERE not in told and REPORTERS_ONLY not in told


def sidebar_text(at: AppTest) -> list[str]:
    return [element.value for element in at.sidebar.markdown] + [element.value for element in at.sidebar.info]


def sign_in_form(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="signin-username").input(username)
    at.text_input(key="signin-password").input(password)
    return at.button[0].click().run()


def closed(db) -> None:
    set_reading_open(db, False, user=ADMIN)


# --- reading without sign-in ---------------------------------------------------------------


def test_with_reading_open_anyone_reads_but_nothing_that_writes_is_there(register):
    at = app()
    assert at.metric, "the overview shows its figures"
    assert sidebar_text(at) == [
        "Åpen lesetilgang: alle kan se tallene uten å logge inn. Logg inn for å laste opp status."
    ]
    assert [opens(at, page) for page in WRITING_PAGES] == [False, False]
    assert at.text_input(key="signin-password"), "the page offers the sign-in where it stands"
    assert opens(at, "views/logg_inn.py")


def test_with_reading_closed_every_page_asks_for_a_sign_in_where_it_stands(register):
    closed(register)
    at = app()
    assert not at.exception
    assert at.metric == [] and at.dataframe == []
    assert [title.value for title in at.title] == ["Oversikt"]
    assert [info.value for info in at.main.info] == [SIGN_IN_HERE]
    assert at.text_input(key="signin-password").proto.type == at.text_input(key="signin-password").proto.PASSWORD
    assert [opens(at, page) for page in ("views/oversikt.py", "views/eksport.py", *WRITING_PAGES)] == [
        False,
        False,
        False,
        False,
    ]
    at.switch_page("views/logg_inn.py").run()
    assert [info.value for info in at.main.info] == [
        "Logg inn for å se tallene. Kontakt fylkeskommunens administrator hvis du mangler tilgang."
    ]


def test_a_database_without_accounts_says_how_to_make_the_first(db):
    at = app()
    assert not at.exception
    assert [warning.value for warning in at.warning] == [
        "Det finnes ingen brukere ennå. Den som drifter dashbordet, oppretter en administrator på serveren "
        "med «python -m loaders user add» (se «Command line» i README)."
    ]
    assert at.text_input == []


# --- the local form --------------------------------------------------------------------------


def test_signing_in_through_the_form_opens_the_pages_the_role_allows(register):
    closed(register)
    set_password(register, "ola", PASSWORD)
    at = sign_in_form(app(), "ola", PASSWORD)
    assert not at.exception
    assert at.title[0].value == "Oversikt" and at.metric
    assert sidebar_text(at)[0] == "Innlogget som **Ola Nordmann** (rapportør)"
    # The password is not kept in the session once the form is sent, nor the session's token.
    assert PASSWORD not in repr(at.session_state.to_dict())
    [cookie] = [element.proto.body for element in at.get("html") if "document.cookie" in element.proto.body]
    token = cookie.split("partnerskapsmonitor_session=")[1].split(";")[0]
    assert token not in repr(at.session_state.to_dict())
    assert [opens(at, page) for page in WRITING_PAGES] == [True, True]

    at.button(key="sign-out").click().run()
    assert not opens(at, "views/oversikt.py")


def test_a_wrong_password_is_refused_and_guessing_is_slowed(register):
    closed(register)
    set_password(register, "ola", PASSWORD)
    at = app()
    for attempt in range(3):
        at = sign_in_form(at, "ola", f"feil passord {attempt}")
        assert [error.value for error in at.error] == ["Feil brukernavn eller passord."]
    at = sign_in_form(at, "ola", PASSWORD)
    [error] = at.error
    assert error.value.startswith("For mange mislykkede forsøk. Prøv igjen om ")
    assert not opens(at, "views/oversikt.py")


def test_an_unknown_user_gets_the_same_answers_as_a_wrong_password_and_is_closed_alike(register):
    at = app(page="views/logg_inn.py")
    for attempt in range(3):
        at = sign_in_form(at, "ingen", f"feil passord {attempt}")
        assert [error.value for error in at.error] == ["Feil brukernavn eller passord."]
    at = sign_in_form(at, "ingen", PASSWORD)
    [error] = at.error
    assert error.value.startswith("For mange mislykkede forsøk. Prøv igjen om ")


# --- what each role can reach ----------------------------------------------------------------


def test_a_viewer_signed_in_reaches_the_log_but_no_upload_and_no_rollback(register):
    at = upload(app(page="views/last_opp.py", user="kari"), "status.xlsx", GOOD_FILE)
    save_button(at).click().run()  # kari saves an upload, so there is something to roll back
    at = app(user="lise")
    assert sidebar_text(at)[0] == "Innlogget som **Lise Leser** (leser)"
    assert not opens(at, "views/last_opp.py")
    assert [error.value for error in at.main.error] == [REPORTERS_ONLY]
    assert at.text_input == [], "a signed-in viewer is told the page is not for the role, not asked to sign in"
    at.switch_page("views/opplastinger.py").run()
    at.selectbox(key="upload-choice").select_index(0).run()
    assert not at.exception
    assert at.file_uploader == []
    assert [button.key for button in at.button if button.key and button.key.startswith("rollback-")] == []
    assert [caption.value for caption in at.caption][-1] == "Bare administratorer kan tilbakestille opplastinger."


def test_a_reporter_is_refused_a_file_with_another_region_s_rows_and_nothing_is_written(register):
    at = app(page="views/last_opp.py", user="ola")
    assert "Du rapporterer for: Follorådet." in [caption.value for caption in at.caption]
    before = reports("2024-Q3")
    mixed = workbook_bytes([[FOLLO, "1.1", "2024-Q3", "I rute", 50], [IOR, "1.2", "2024-Q3", "Forsinket", 20]])
    at = upload(at, "blandet.xlsx", mixed)
    assert html_tables(at)["upload-errors"].rows == [
        [
            "Status",
            "3",
            "1.2",
            "A",
            "Region",
            IOR,
            "du rapporterer bare for Follorådet, ikke for Indre Østfold regionråd (tiltaket følges opp av Samferdsel).",
        ]
    ]
    assert [button.label for button in at.button if button.label == "Lagre"] == []
    assert reports("2024-Q3") == before


def test_only_the_administrator_sees_the_rollback(register):
    at = upload(app(page="views/last_opp.py", user="ola"), "follo.xlsx", GOOD_FILE)
    save_button(at).click().run()
    assert next(success.value for success in at.success).startswith("Lagret som opplasting")
    at.switch_page("views/opplastinger.py").run()
    at.selectbox(key="upload-choice").select_index(0).run()
    log = html_tables(at)["upload-log"]
    assert log.rows[0][log.headers.index("Av")] == "Ola Nordmann (ola)"
    assert [button for button in at.button if button.key and button.key.startswith("rollback-")] == []

    at = app(page="views/opplastinger.py", user="kari")
    at.selectbox(key="upload-choice").select_index(0).run()
    upload_id = at.selectbox(key="upload-choice").value
    at.checkbox(key=f"confirm-rollback-{upload_id}").check().run()
    at.button(key=f"rollback-{upload_id}").click().run()
    assert not at.exception
    assert at.success[0].value.startswith(f"Opplasting {upload_id} er tilbakestilt")
    assert reports("2024-Q3") == []
    with connect() as db:
        assert db.execute("SELECT rolled_back_by FROM uploads WHERE id = ?", (upload_id,)).fetchone() == (
            "Kari Nordmann (kari)",
        )


@pytest.mark.parametrize(
    "page, message",
    [
        ("views/last_opp.py", "Bare rapportører og administratorer kan laste opp status. Logg inn med en slik konto."),
        ("views/opplastinger.py", "Logg inn for å se opplastingene."),
    ],
)
def test_a_writing_page_run_on_its_own_refuses_before_anything_else(register, page, message):
    at = AppTest.from_file(str(Path(ENTRY).parent / page), default_timeout=60).run()
    assert not at.exception
    assert [error.value for error in at.error] == [message]
    assert at.file_uploader == [] and at.dataframe == []


# --- OIDC -------------------------------------------------------------------------------------


def oidc_app(user: dict) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(OIDC)
    at.user = user
    return at.run()


def test_with_oidc_the_signed_in_e_mail_is_matched_to_an_account(register):
    closed(register)
    at = oidc_app({"is_logged_in": True, "email": "ola@follo.no", "name": "Ola N."})
    assert not at.exception
    assert sidebar_text(at)[0] == "Innlogget som **Ola Nordmann** (rapportør)"
    assert at.metric
    assert [opens(at, page) for page in WRITING_PAGES] == [True, True]


def test_with_oidc_an_e_mail_without_an_account_reads_nothing(register):
    closed(register)
    at = oidc_app({"is_logged_in": True, "email": "ukjent@example.no"})
    assert not at.exception
    assert [warning.value for warning in at.warning] == [
        "Du er logget inn som ukjent\\@example.no, men har ingen tilgang til Partnerskapsmonitor. "
        "Be administratoren legge deg til som bruker med den e-postadressen."
    ]
    assert not opens(at, "views/oversikt.py")


def test_with_oidc_and_nobody_signed_in_the_page_offers_the_provider_not_a_password(register):
    closed(register)
    at = oidc_app({"is_logged_in": False})
    assert not at.exception
    assert [button.label for button in at.button] == ["Logg inn med organisasjonskontoen"]
    assert at.text_input == []


@pytest.mark.parametrize("page", WRITING_PAGES)
def test_a_viewer_signed_in_through_oidc_cannot_reach_the_upload(register, page):
    at = oidc_app({"is_logged_in": True, "email": "lise@viken.no"})
    assert opens(at, page) == (page == "views/opplastinger.py")


# --- a sign-in that lasts a working day ----------------------------------------------------------

COOKIE = "partnerskapsmonitor_session"


def written_cookie(at: AppTest) -> str | None:
    """The cookie the run gave the browser, as the page's script assigns it, if any."""
    found = [element.proto.body for element in at.get("html") if "document.cookie" in element.proto.body]
    assert len(found) <= 1
    return found[0].removeprefix('<script>document.cookie = "').removesuffix('";</script>') if found else None


def browser_returning_with(monkeypatch: pytest.MonkeyPatch, token: str, page: str | None = None) -> AppTest:
    """A reload or a new tab: a new session whose browser sends the cookie ``token``."""
    import views._signin

    monkeypatch.setattr(views._signin, "browser_token", lambda: token)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    return at


def signed_in_through_the_form(register, **context) -> tuple[AppTest, str]:
    closed(register)
    set_password(register, "ola", PASSWORD)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.context.update(context)
    at = sign_in_form(at.run(), "ola", PASSWORD)
    cookie = written_cookie(at)
    assert cookie is not None
    token = cookie.removeprefix(f"{COOKIE}=").split(";")[0]
    return at, token


def test_a_sign_in_gives_the_browser_a_strict_cookie_for_the_working_day(register):
    at, token = signed_in_through_the_form(register)
    assert written_cookie(at) == f"{COOKIE}={token}; Path=/; Max-Age=28800; SameSite=Strict"
    assert len(token) >= 43
    at.run()
    assert written_cookie(at) is None, "written once, not on every run"


def test_over_https_the_cookie_is_secure(register):
    at, token = signed_in_through_the_form(register, url="https://monitor.viken.no/")
    assert written_cookie(at) == f"{COOKIE}={token}; Path=/; Max-Age=28800; SameSite=Strict; Secure"


def test_a_reload_or_a_new_tab_with_the_cookie_stays_signed_in(register, monkeypatch):
    _, token = signed_in_through_the_form(register)
    at = browser_returning_with(monkeypatch, token, "views/last_opp.py")
    assert sidebar_text(at)[0] == "Innlogget som **Ola Nordmann** (rapportør)"
    assert [title.value for title in at.title] == ["Last opp"] and at.file_uploader


def test_signing_out_ends_the_session_and_clears_the_cookie(register, monkeypatch):
    at, token = signed_in_through_the_form(register)
    at.button(key="sign-out").click().run()
    assert written_cookie(at) == f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"
    assert [info.value for info in at.main.info] == [SIGN_IN_HERE]
    # The old cookie, kept by another tab or copied, no longer signs anyone in.
    again = browser_returning_with(monkeypatch, token)
    assert [info.value for info in again.main.info] == [SIGN_IN_HERE]
    assert written_cookie(again) == f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"


def test_an_unknown_cookie_is_ignored_and_cleared(register, monkeypatch):
    closed(register)
    at = browser_returning_with(monkeypatch, "ikke-en-gyldig-token")
    assert [info.value for info in at.main.info] == [SIGN_IN_HERE]
    assert written_cookie(at) == f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"


@pytest.mark.parametrize(
    "change",
    [lambda db: set_password(db, "ola", "et helt nytt passord"), lambda db: remove_user(db, "ola")],
    ids=["new password", "account removed"],
)
def test_a_new_password_or_a_removed_account_signs_out_at_once(register, monkeypatch, change):
    at, token = signed_in_through_the_form(register)
    other_tab = browser_returning_with(monkeypatch, token)
    change(register)
    for tab in (at, other_tab):
        tab.run()
        assert not tab.exception
        assert [info.value for info in tab.main.info] == [SIGN_IN_HERE]
        assert not [text for text in sidebar_text(tab) if text.startswith("Innlogget")]
        assert written_cookie(tab) == f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"


def test_signing_in_from_a_deep_link_opens_that_page_with_its_address(register):
    closed(register)
    set_password(register, "ola", PASSWORD)
    wanted = commitment_id(FOLLO, "2.1")
    at = app({"commitment": str(wanted), "lang": "English"}, page="views/tiltak.py")
    assert [title.value for title in at.title] == ["Commitment"]
    assert [info.value for info in at.main.info] == ["Sign in to see this page."]
    at = sign_in_form(at, "ola", PASSWORD)
    assert not at.exception
    assert [title.value for title in at.title] == ["Commitment"]
    assert [header.value for header in at.main.header] == ["2.1 Flere lærlingplasser"]
    assert dict(at.query_params) == {"commitment": str(wanted), "lang": "en"}
