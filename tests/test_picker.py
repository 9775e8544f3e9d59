"""The Tiltak page's commitment picker: keyed, so every choice holds; limited to the sidebar's
filters; searchable, and never sending more than views._data.PICKER_LIMIT commitments."""

import pytest

from core.filters import search_matches
from core.vocabulary import fold
from tests.builders import FOLLO, IOR, app, commitment_id

pytestmark = pytest.mark.usefixtures("fresh_caches")

PAGE = "views/tiltak.py"
EVERY = [
    f"{FOLLO} 1.1 – Trafikksikkerhet ved skoler",
    f"{FOLLO} 1.2 – Innfartsparkering",
    f"{FOLLO} 2.1 – Flere lærlingplasser",
    f"{IOR} 1.1 – Etablerertjeneste",
    f"{IOR} 1.2 – Ladeinfrastruktur",
]


def picker(at):
    return at.selectbox(key="commitment")


def picker_notes(at) -> list[str]:
    """What the page says under the picker about its list (the captions before the story)."""
    return [caption.value for caption in at.main.caption if caption.value.startswith(("Viser", "Ingen tiltak"))]


def offered(at) -> list[str]:
    return list(picker(at).options)


def test_three_choices_in_turn_show_the_last(register):
    at = app(page=PAGE)
    chosen = [commitment_id(FOLLO, "1.1"), commitment_id(FOLLO, "2.1"), commitment_id(IOR, "1.2")]
    shown = []
    for wanted in chosen:
        picker(at).select(wanted).run()
        shown.append((picker(at).value, at.main.header[0].value, at.query_params["commitment"]))
    assert shown == [
        (chosen[0], "1.1 Trafikksikkerhet ved skoler", str(chosen[0])),
        (chosen[1], "2.1 Flere lærlingplasser", str(chosen[1])),
        (chosen[2], "1.2 Ladeinfrastruktur", str(chosen[2])),
    ]


def test_the_choice_holds_across_a_change_of_language(register):
    at = app(page=PAGE)
    wanted = commitment_id(FOLLO, "1.2")
    picker(at).select(wanted).run()
    at.radio(key="lang").set_value("en").run()
    assert (at.title[0].value, picker(at).value, at.main.header[0].value) == (
        "Commitment",
        wanted,
        "1.2 Innfartsparkering",
    )


def test_the_list_holds_the_filtered_commitments(register):
    assert offered(app(page=PAGE)) == EVERY
    assert offered(app({"region": "folloradet"}, PAGE)) == EVERY[:3]


def test_a_linked_commitment_outside_the_filter_is_offered_first_and_chosen(register):
    wanted = commitment_id(IOR, "1.1")
    at = app({"region": "folloradet", "commitment": str(wanted)}, PAGE)
    assert (offered(at), picker(at).value) == ([EVERY[3], *EVERY[:3]], wanted)


def test_the_search_narrows_the_list_and_keeps_the_choice(register):
    at = app(page=PAGE)
    at.text_input(key="commitment-search").input("  follo 1.  ").run()
    assert offered(at) == EVERY[:2]
    picker(at).select(commitment_id(FOLLO, "1.2")).run()
    at.text_input(key="commitment-search").input("LÆRLING").run()
    # The choice stays chosen, offered first, beside what the search finds.
    assert offered(at) == [EVERY[1], EVERY[2]]
    assert at.main.header[0].value == "1.2 Innfartsparkering"
    at.text_input(key="commitment-search").input("vindkraft").run()
    assert offered(at) == [EVERY[1]]
    assert picker_notes(at) == ["Ingen tiltak i utvalget passer til «vindkraft»."]


def test_the_list_sends_at_most_the_limit_and_says_how_many_match(register, monkeypatch):
    monkeypatch.setattr("views._data.PICKER_LIMIT", 2)
    at = app(page=PAGE)
    assert offered(at) == EVERY[:2]
    assert picker_notes(at) == ["Viser 2 av 5 – skriv mer for å snevre inn."]
    at.text_input(key="commitment-search").input("østfold").run()
    assert (offered(at), picker_notes(at)) == (EVERY[3:], [])


def test_search_matches_every_word_in_any_case_and_order():
    folded = [fold(label) for label in EVERY]
    assert search_matches(folded, "") == [0, 1, 2, 3, 4]
    assert search_matches(folded, "SKOLER follo") == [0]
    assert search_matches(folded, "1.2") == [1, 4]
    assert search_matches(folded, "Ås") == []
