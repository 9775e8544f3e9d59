"""What a browser session holds between runs: the language, the current filters and one-off messages.

The URL is read here once whenever it changes (:func:`adopt_url`); after that the sidebar's
widgets hold the filters (views._widgets.sidebar_filters) and write them back to the URL in
canonical form, so a copied link reproduces the view in either language.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core.filters import (
    COUNTY_PARAM,
    LANGUAGES,
    URL_KEYS,
    FilterOptions,
    Filters,
    bare_key,
    county_slug,
    link_id,
    link_params,
    parse_language,
    read_url_filters,
    url_params,
)

FILTER_KEYS = tuple(URL_KEYS)
LANGUAGE_KEY = "lang"  # the language switch's widget
# The language chosen, kept apart from the switch: a widget's value is lost when a run is cut
# short by st.switch_page (as after signing in), and the language must not be.
CHOSEN_LANGUAGE_KEY = "_lang"
URL_PARAMS = (*FILTER_KEYS, LANGUAGE_KEY)
# What the URL said when this session last read or wrote it.
_URL_SEEN_KEY = "_url_seen"
_UNKNOWN_KEY = "_url_unknown"


def language() -> str:
    chosen = st.session_state.get(CHOSEN_LANGUAGE_KEY)
    return chosen if chosen in LANGUAGES else "nb"


def choose_language(lang: str) -> None:
    st.session_state[CHOSEN_LANGUAGE_KEY] = lang


def current_filters() -> Filters:
    return st.session_state.get("_filters", Filters())


def _url_now() -> dict[str, str]:
    """The filters and language in the URL; a blank value is no value."""
    given = link_params(st.query_params.to_dict())
    return {key: given[key] for key in URL_PARAMS if given.get(key, "").strip()}


def adopt_url(
    options: Callable[[str | None], FilterOptions],
    commitment_county: Callable[[int], str | None] | None = None,
) -> None:
    """Take the filters and language from the URL when it says something this session has not seen.

    A link opened, pasted or reached with the back button is read; a URL without filters after a
    change of page keeps the filters the session has (Streamlit drops the query on a page switch).
    ``options(county)``: what the county's view offers (None: the default county's); the link's
    other values are read among its county's. A link to a commitment that names no county
    (``commitment_county``: the county of the commitment's page) opens in the commitment's county,
    so a link made before counties were chosen, or by hand, shows it where it belongs.
    """
    now = _url_now()
    seen = st.session_state.get(_URL_SEEN_KEY)
    if now == seen or (seen is not None and not now):
        return
    st.session_state[_URL_SEEN_KEY] = now
    unknown: list[tuple[str, str]] = []
    if LANGUAGE_KEY in now:
        lang = parse_language(now[LANGUAGE_KEY])
        if lang is None:
            unknown.append((LANGUAGE_KEY, now[LANGUAGE_KEY]))
        choose_language(lang or "nb")
    elif seen is None:
        choose_language("nb")
    commitment = link_id(st.query_params.get("commitment", ""))
    if commitment is not None and commitment_county is not None and not now.get(COUNTY_PARAM):
        county = commitment_county(commitment)
        if county is not None:
            now = {**now, COUNTY_PARAM: county_slug(county)}
    read = read_url_filters(now, options(None), options)
    for key, field in URL_KEYS.items():
        st.session_state[key] = getattr(read.filters, field)
    st.session_state["_filters"] = read.filters
    st.session_state[_UNKNOWN_KEY] = (*read.unknown, *unknown)


def url_unknown() -> tuple[tuple[str, str], ...]:
    """(URL key, value) for each value in the last link read that matched nothing."""
    return st.session_state.get(_UNKNOWN_KEY, ())


def forget_url_unknown() -> None:
    st.session_state[_UNKNOWN_KEY] = ()


def write_url(params: dict[str, str]) -> None:
    """Put ``params`` (URL key -> canonical value) in the URL in place of the filters and language
    there; other parameters (``commitment``, ``upload``) stay."""
    for copied in [key for key in st.query_params if key != bare_key(key) and bare_key(key) in URL_PARAMS]:
        del st.query_params[copied]
    for key in URL_PARAMS:
        if key in params and st.query_params.get(key) != params[key]:
            st.query_params[key] = params[key]
        elif key not in params and key in st.query_params:
            del st.query_params[key]
    st.session_state[_URL_SEEN_KEY] = params


def current_url_params() -> dict[str, str]:
    """The current filters and language as canonical URL values (bokmål is left out)."""
    params = url_params(current_filters())
    if language() != "nb":
        params[LANGUAGE_KEY] = language()
    return params


def handed_over_url() -> dict[str, str]:
    """:func:`current_url_params`, for ``st.switch_page``, which drops both the address and the
    widgets' values: the next run adopts them from the URL again."""
    st.session_state.pop(_URL_SEEN_KEY, None)
    return current_url_params()


def url_value(key: str) -> str:
    """What the link says for ``key`` (also when copied as "amp;key"), stripped; "" when nothing."""
    return link_params(st.query_params.to_dict()).get(key, "").strip()


FLASH_KEY = "_flash"


def flash(kind: str, text: str, place: str | None = None) -> None:
    """A message (st.success, st.info, st.error …) for the next run, e.g. from a button's callback.

    ``place``: the section that shows it (:func:`show_flash` with the same place), beside the
    button that was pressed; a message at the top of a long page is not seen from there.
    """
    st.session_state[_flash_key(place)] = (kind, text)


def show_flash(place: str | None = None) -> None:
    found = st.session_state.pop(_flash_key(place), None)
    if found:
        getattr(st, found[0])(found[1])


def _flash_key(place: str | None) -> str:
    return FLASH_KEY if place is None else f"{FLASH_KEY}-{place}"
