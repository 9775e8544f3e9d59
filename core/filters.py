"""The filters every page shares, and the choices offered for each.

A :class:`Filters` is plain frozen data, so the pages can use it as a cache key.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from core.i18n import TEXTS
from core.settings import setting
from core.vocabulary import COUNCIL_AREAS, STATUS_KEYS, fold, parse_quarter, parse_status

if TYPE_CHECKING:
    # core.dataset sorts regions with norwegian_sort_key, so it imports this module.
    from core.dataset import Dataset

NOT_REPORTED = "not_reported"
# Every status a commitment can have in a quarter: the reported ones, then none.
STATUS_CHOICES: tuple[str, ...] = (*STATUS_KEYS, NOT_REPORTED)

# Æ, Ø, Å come after Z, in that order; the Swedish and German spellings sort
# with them, as Norwegian dictionaries do.
_AFTER_Z = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def norwegian_sort_key(text: str) -> tuple:
    """Sort key for Norwegian alphabetical order, ignoring case and other accents.

    "Aker", "Zeta", "Ære", "Øst", "Ås". Text that differs only in case or
    accents is ordered by the text itself, so the order never depends on input order.
    """
    folded = unicodedata.normalize("NFC", text).casefold().translate(_AFTER_Z)
    stripped = "".join(char for char in unicodedata.normalize("NFD", folded) if not unicodedata.combining(char))
    return stripped, text


@dataclass(frozen=True)
class Filters:
    region: str | None = None  # full region name
    council_area: str | None = None
    sdg: int | None = None
    hashtag: str | None = None
    status: str | None = None  # a status key or "not_reported", in the quarter below
    quarter: str | None = None  # "YYYY-Qn"; None means default_quarter (the latest complete one)


@dataclass(frozen=True)
class FilterOptions:
    regions: tuple[str, ...]  # Norwegian alphabetical order
    council_areas: tuple[str, ...]  # the vocabulary's order
    sdgs: tuple[int, ...]  # ascending
    hashtags: tuple[str, ...]  # Norwegian alphabetical order
    statuses: tuple[str, ...]  # STATUS_KEYS, then "not_reported"
    quarters: tuple[str, ...]  # newest first


def filter_options(dataset: Dataset) -> FilterOptions:
    """The values that occur in the data, for each filter; statuses are always all of them."""
    commitments = dataset.commitments
    present_areas = set(commitments["council_area"].dropna())
    return FilterOptions(
        regions=tuple(sorted(commitments["region"].unique(), key=norwegian_sort_key)),
        council_areas=tuple(area for area in COUNCIL_AREAS if area in present_areas),
        sdgs=tuple(sorted({sdg for sdgs in commitments["sdgs"] for sdg in sdgs})),
        hashtags=tuple(sorted(commitments["hashtag"].dropna().unique(), key=norwegian_sort_key)),
        statuses=STATUS_CHOICES,
        quarters=tuple(reversed(dataset.quarters)),
    )


def effective_quarter(dataset: Dataset, filters: Filters) -> str | None:
    """The quarter chosen if the data has it, else :func:`default_quarter`."""
    if filters.quarter in dataset.quarters:
        return filters.quarter
    return default_quarter(dataset)


def complete_quarters(dataset: Dataset, complete_share: float | None = None) -> tuple[str, ...]:
    """The quarters, ascending, in which at least ``complete_share`` (0–1; default the
    setting ``complete_share``) of the county's regions have reported.

    A region has reported for a quarter when at least one of its commitments has a
    report for it. Counted over the whole dataset given, which the pages pass unfiltered,
    so that the default quarter is the same whatever the filters.
    """
    if complete_share is None:
        complete_share = setting("complete_share", float)
    region_codes, regions = pd.factorize(dataset.commitments["region"])
    if not len(regions) or dataset.reports.empty:
        return ()
    # Integer codes throughout: a national dataset has 320,000 reports, and pairs of
    # strings would take half a second to tell apart.
    region_of = pd.Series(region_codes, index=dataset.commitments["commitment_id"].to_numpy())
    report_regions = region_of.reindex(dataset.reports["commitment_id"].to_numpy()).to_numpy()
    quarter_codes, quarters = pd.factorize(dataset.reports["quarter"])
    pairs = np.unique(quarter_codes.astype("int64") * len(regions) + report_regions.astype("int64"))
    reported = np.bincount(pairs // len(regions), minlength=len(quarters))
    return tuple(
        sorted(str(q) for q, count in zip(quarters, reported, strict=True) if count / len(regions) >= complete_share)
    )


def default_quarter(dataset: Dataset) -> str | None:
    """The quarter shown when none is chosen: the latest complete one; the latest with
    data when none is complete; None without reports."""
    complete = complete_quarters(dataset)
    if complete:
        return complete[-1]
    return dataset.quarters[-1] if dataset.quarters else None


def provisional_quarters(dataset: Dataset) -> tuple[str, ...]:
    """The quarters whose figures are provisional, ascending: those newer than the latest
    complete quarter (all of them when none is complete). ``dataset`` unfiltered."""
    complete = complete_quarters(dataset)
    return tuple(quarter for quarter in dataset.quarters if not complete or quarter > complete[-1])


def apply_filters(dataset: Dataset, filters: Filters) -> Dataset:
    """The part of the dataset the filters select.

    Commitments are restricted by region, council area, SDG (among their
    effective goals) and hashtag; with a status, to those whose status in the
    effective quarter is that one ("not_reported": no report that quarter).
    Reports are those of the remaining commitments up to and including the
    effective quarter, and ``quarters`` every quarter of the data up to it, also
    those in which the remaining commitments have no report, so that a
    region that did not report shows as not reported rather than vanishing.
    """
    quarter = effective_quarter(dataset, filters)
    commitments = dataset.commitments
    if filters.region is not None:
        commitments = commitments[commitments["region"] == filters.region]
    if filters.council_area is not None:
        commitments = commitments[commitments["council_area"] == filters.council_area]
    if filters.hashtag is not None:
        commitments = commitments[commitments["hashtag"] == filters.hashtag]
    if filters.sdg is not None:
        # An array, not a list: an empty list would select no columns instead of no rows.
        commitments = commitments[np.array([filters.sdg in sdgs for sdgs in commitments["sdgs"]], dtype=bool)]
    if filters.status is not None:
        reports = dataset.reports
        current = reports.loc[reports["quarter"] == quarter, ["commitment_id", "status"]]
        reported = commitments["commitment_id"].isin(current["commitment_id"])
        if filters.status == NOT_REPORTED:
            commitments = commitments[~reported]
        else:
            matching = current.loc[current["status"] == filters.status, "commitment_id"]
            commitments = commitments[commitments["commitment_id"].isin(matching)]
    reports = dataset.reports
    # With no quarter there are no reports, and pandas compares None as missing.
    reports = reports[(reports["quarter"] <= quarter) & reports["commitment_id"].isin(commitments["commitment_id"])]
    return dataclasses.replace(
        dataset,
        commitments=commitments.reset_index(drop=True),
        reports=reports.reset_index(drop=True),
        quarters=tuple(q for q in dataset.quarters if quarter is not None and q <= quarter),
    )


# --- Filters in the URL ------------------------------------------------------------------------
#
# A link must mean the same in both languages, so the URL holds keys, never words: a region or
# council area by its slug, an SDG by its number, a status by its key, a quarter as "2024-Q3",
# the language as "nb"/"en". Links written before (the option as shown, in either language)
# still read.

# URL key -> Filters field, in the order the sidebar shows them.
URL_KEYS: dict[str, str] = {
    "region": "region",
    "council": "council_area",
    "sdg": "sdg",
    "hashtag": "hashtag",
    "status": "status",
    "quarter": "quarter",
}
LANGUAGES: tuple[str, ...] = ("nb", "en")
_LANGUAGE_WORDS = {"nb": "nb", "no": "nb", "nob": "nb", "norsk": "nb", "bokmål": "nb", "en": "en", "english": "en"}
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SDG_IN_TEXT = re.compile(r"^(?:sdg|fn|mål|goal)?\s*(\d{1,2})(?!\d)", re.IGNORECASE)


def slug(name: str) -> str:
    """A name as it goes into a link: "Indre Østfold regionråd" -> "indre-ostfold-regionrad"."""
    folded = unicodedata.normalize("NFC", name).casefold().translate(_SLUG_LETTERS)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_only).strip("-")


# What chat and mail programs take into a link they find in running text: the full stop or the
# bracket after it (docs/field-log.md, links).
_TRAILING = ".,;:!?)]}>»\"'"
_COPIED_AMPERSAND = "amp;"
_Found = TypeVar("_Found")


def bare_key(key: str) -> str:
    """A link's parameter name as meant. A link copied from HTML keeps "&amp;" between its
    parameters, which the browser reads as a key "amp;status": that is "status"."""
    while key.startswith(_COPIED_AMPERSAND):
        key = key[len(_COPIED_AMPERSAND) :]
    return key


def link_params(raw: Mapping[str, str]) -> dict[str, str]:
    """The link's parameters by their :func:`bare_key`; a key given as it is wins over a copied one."""
    params = {key: value for key, value in raw.items() if bare_key(key) == key}
    for key, value in raw.items():
        params.setdefault(bare_key(key), value)
    return params


def link_id(value: str | None) -> int | None:
    """A commitment's or an upload's id from a link: ASCII digits, perhaps with punctuation a chat
    program took along at the end ("12)."); None for anything else or a number no id can have."""
    if value is None:
        return None
    digits = value.strip().rstrip(_TRAILING)
    if not (digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    return number if 0 < number < 2**63 else None


def search_matches(folded: Sequence[str], query: str) -> list[int]:
    """The positions of the texts (already :func:`~core.vocabulary.fold`-ed) that hold every word
    of ``query``, in any case and order; every position when the query has no words."""
    words = fold(query).split()
    if not words:
        return list(range(len(folded)))
    return [position for position, text in enumerate(folded) if all(word in text for word in words)]


def _read(reader: Callable[[str], _Found | None], value: str) -> _Found | None:
    """The value read, else the value without punctuation taken along at its end, else None."""
    found = reader(value)
    if found is None and (trimmed := value.rstrip(_TRAILING)) != value and trimmed:
        found = reader(trimmed)
    return found


def parse_language(value: str) -> str | None:
    """ "nb" or "en" from the URL's lang, also in the old form (Norsk, English); None if unknown."""
    return _read(lambda word: _LANGUAGE_WORDS.get(fold(word)), value)


@dataclass(frozen=True)
class UrlFilters:
    filters: Filters
    unknown: tuple[tuple[str, str], ...]  # (URL key, the value as given) for each value not understood


def _named(value: str, names: tuple[str, ...]) -> str | None:
    """The name ``value`` stands for: its slug, or the name itself in any case."""
    wanted = slug(value)
    return next((name for name in names if slug(name) == wanted), None) if wanted else None


def _sdg(value: str, sdgs: tuple[int, ...]) -> int | None:
    match = _SDG_IN_TEXT.match(value.strip())
    number = int(match.group(1)) if match else None
    return number if number in sdgs else None


def _hashtag(value: str, hashtags: tuple[str, ...]) -> str | None:
    wanted = fold(value.lstrip("#"))
    return next((tag for tag in hashtags if fold(tag.lstrip("#")) == wanted), None)


def _status(value: str) -> str | None:
    if fold(value) in {fold(word) for word in (NOT_REPORTED, *TEXTS[f"status.{NOT_REPORTED}"])}:
        return NOT_REPORTED
    return parse_status(value)


def read_url_filters(params: Mapping[str, str], options: FilterOptions) -> UrlFilters:
    """The filters a link asks for, canonical or in the old form; a blank value is no filter.

    A value that matches nothing the data has is left out of the filters and named in ``unknown``,
    so the page can say what it could not show.
    """
    readers: dict[str, Callable[[str], object]] = {
        "region": lambda value: _named(value, options.regions),
        "council": lambda value: _named(value, options.council_areas),
        "sdg": lambda value: _sdg(value, options.sdgs),
        "hashtag": lambda value: _hashtag(value, options.hashtags),
        "status": _status,
        "quarter": lambda value: quarter if (quarter := parse_quarter(value)) in options.quarters else None,
    }
    chosen: dict[str, object] = {}
    unknown = []
    for key, field in URL_KEYS.items():
        value = params.get(key, "").strip()
        if not value:
            continue
        found = _read(readers[key], value)
        if found is None:
            unknown.append((key, value))
        else:
            chosen[field] = found
    return UrlFilters(Filters(**chosen), tuple(unknown))  # type: ignore[arg-type]


def url_params(filters: Filters) -> dict[str, str]:
    """The canonical URL values of the filters that are set."""
    values = {
        "region": slug(filters.region) if filters.region else None,
        "council": slug(filters.council_area) if filters.council_area else None,
        "sdg": str(filters.sdg) if filters.sdg is not None else None,
        "hashtag": filters.hashtag.lstrip("#") if filters.hashtag else None,
        "status": filters.status,
        "quarter": filters.quarter,
    }
    return {key: value for key, value in values.items() if value}
