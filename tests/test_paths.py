"""No broken path: every page, in both languages, for every kind of visitor, with whatever the
address holds, opens without an exception, and shows either itself, the sign-in in its place,
or that it is not for their role (a signed-in viewer on Last opp, anyone but an administrator on Avtaler
and Organisasjon)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.access import set_reading_open
from core.db import connect
from core.i18n import t
from core.vocabulary import quarter_label, status_label
from tests.builders import ADMIN, ENTRY, FOLLO, build_page_register, signed_in

# (script, title key, what the page needs: "read", "report", "admin", "signed_in" or "nothing")
PAGES = (
    ("views/oversikt.py", "page.overview", "read"),
    ("views/regioner.py", "page.regions", "read"),
    ("views/radsomrader.py", "page.council_areas", "read"),
    ("views/baerekraftsmal.py", "page.sdgs", "read"),
    ("views/tiltak.py", "page.commitment", "read"),
    ("views/eksport.py", "page.export", "read"),
    ("views/last_opp.py", "page.upload", "report"),
    ("views/opplastinger.py", "page.uploads", "signed_in"),
    ("views/avtaler.py", "page.agreements", "admin"),
    ("views/organisasjon.py", "page.organisation", "admin"),
    ("views/logg_inn.py", "page.sign_in", "nothing"),
)
# visitor: (account or None, reading open, may report)
VISITORS = {
    "closed": (None, False, False),
    "open": (None, True, False),
    "viewer": ("lise", False, False),
    "reporter": ("ola", False, True),
    "administrator": ("kari", False, True),
}
TOO_BIG = "99999999999999999999"
QUERIES = ("none", "labels", "keys", "unknown", "garbage")


def queries(lang: str) -> dict[str, dict[str, str]]:
    """What an address may hold, in the language's own link form."""
    language = {"lang": "English"} if lang == "en" else {}
    return {
        "none": language,
        # As the filters' widgets write their choices today: the option as shown.
        "labels": {
            **language,
            "region": FOLLO,
            "council": "Samferdsel",
            "sdg": t("sdg.choice", lang, number=11, name="Bærekraftige byer og lokalsamfunn"),
            "status": status_label("delayed", lang),
            "quarter": quarter_label("2024-Q2", lang),
            "commitment": "1",
            "upload": "1",
        },
        # Canonical keys, the same in both languages.
        "keys": {
            **({"lang": "en"} if lang == "en" else {}),
            "region": "folloradet",
            "council": "samferdsel",
            "sdg": "11",
            "status": "delayed",
            "quarter": "2024-Q2",
        },
        "unknown": {
            **language,
            "region": "Finnes ikke",
            "council": "Ingen",
            "sdg": "99",
            "hashtag": "#ukjent",
            "status": "kanskje",
            "quarter": "2099-Q9",
            "commitment": TOO_BIG,
            "upload": TOO_BIG,
        },
        "garbage": {**language, "commitment": "abc", "upload": "²", "lang": "klingon", "quarter": "-1"},
    }


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """The page register twice, built once for the module: reading open and reading closed."""
    found = {}
    for open_ in (True, False):
        path = tmp_path_factory.mktemp("paths") / "dashboard.db"
        db = connect(path)
        build_page_register(db)
        set_reading_open(db, open_, user=ADMIN)
        db.close()
        found[open_] = path
    return found


def expected(need: str, visitor: str) -> str:
    """What a page shows this visitor: "page", "sign-in" or "refused"."""
    account, reading_open, may_report = VISITORS[visitor]
    may = {
        "read": account is not None or reading_open,
        "report": may_report,
        "admin": visitor == "administrator",
        "signed_in": account is not None,
    }
    if need == "nothing" or may[need]:
        return "page"
    return "sign-in" if account is None else "refused"


def walk(visitor: str, query: dict[str, str]) -> Iterator[tuple[str, str, str, list[str], str]]:
    """Every page opened in one browser session: (page, its language, what it shows, its titles, the
    first message)."""
    account = VISITORS[visitor][0]
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if account is not None:
        from views._signin import SESSION_KEY

        at.session_state[SESSION_KEY] = signed_in(account)
    for script, _, _ in PAGES:
        at.query_params.clear()
        at.query_params.update(query)
        at.switch_page(script).run()
        assert not at.exception, (script, [exception.message for exception in at.exception])
        titles = [title.value for title in at.title]
        lang = "en" if titles[:1] in ([t(key, "en")] for _, key, _ in PAGES) else "nb"
        told = [info.value for info in at.main.info] + [error.value for error in at.main.error]
        if t("signin.page_needs_sign_in", lang) in told:
            shows = "sign-in"
        elif any(
            t(key, lang) in told
            for key in ("signin.reporters_only", "signin.admins_only", "signin.organisation_admins_only")
        ):
            shows = "refused"
        else:
            shows = "page"
        yield script, lang, shows, titles, told[0] if told else ""


# "garbage" names an unknown language, so it is the same walk in both.
CASES = [(lang, query) for lang in ("nb", "en") for query in QUERIES if (lang, query) != ("en", "garbage")]


@pytest.mark.parametrize("lang, query", CASES)
@pytest.mark.parametrize("visitor", list(VISITORS))
def test_every_page_opens_for_every_visitor_whatever_the_address_holds(databases, monkeypatch, visitor, lang, query):
    account, reading_open, _ = VISITORS[visitor]
    monkeypatch.setenv("DASHBOARD_DB", str(databases[reading_open or account is not None]))
    for script, shown_lang, shows, titles, first in walk(visitor, queries(lang)[query]):
        title_key, need = next((key, need) for page, key, need in PAGES if page == script)
        # An unknown language is Norwegian; the canonical "lang=en" is English once the
        # address understands canonical keys, and must not break before.
        want_lang = {"garbage": "nb", "keys": shown_lang}.get(query, lang)
        want = expected(need, visitor)
        if script == "views/logg_inn.py" and account is not None:
            title_key = "page.overview"  # signed in, Logg inn hands over to Oversikt
        assert (script, shown_lang, shows, titles[:1]) == (script, want_lang, want, [t(title_key, want_lang)]), first
        if want == "sign-in":
            assert first == t("signin.page_needs_sign_in", want_lang)
