"""The fields of an agreement's table columns: who follows up (Ansvar), by when (Frist),
with how much (Midler/Budsjett) and how far it has come (fremdrift).

Each function returns ``None`` for a value it cannot read, so the layout can warn
naming the line; an empty cell is ``None`` too, and the caller tells the two apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from core.vocabulary import clean_text, fold

# Months written out, as a document dates itself ("12. mars 2023"); a table's cells shorten them too.
MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "january"),
            ("februar", "february"),
            ("mars", "march"),
            ("april",),
            ("mai", "may"),
            ("juni", "june"),
            ("juli", "july"),
            ("august",),
            ("september",),
            ("oktober", "october"),
            ("november",),
            ("desember", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTHS: dict[str, int] = {
    **MONTH_NAMES,
    **{
        name: number
        for number, names in enumerate(
            (
                ("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",),
                ("jul",), ("aug",), ("sep", "sept"), ("okt", "oct"), ("nov",), ("des", "dec"),
            ),
            start=1,
        )
        for name in names
    },
}  # fmt: skip
_NUMERIC_DATE = re.compile(r"(?P<day>\d{1,2})\s*[./-]\s*(?P<month>\d{1,2})\s*[./-]\s*(?P<year>\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_WORDED_DATE = re.compile(r"(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})")
_EMPTY = frozenset({"", "-", "–", "—", "/", "x"})


def is_empty(value: str | None) -> bool:
    """A cell left blank or holding only a dash, as tables write "nothing here"."""
    return fold(value) in _EMPTY


def parse_deadline(value: object) -> str | None:
    """An ISO date where the cell is a date or names a day ("31.12.2023", "31/12/23",
    "31. desember 2023"), else its words cleaned ("2023", "4. kv. 2023", "løpende");
    ``None`` for a blank or a day that does not exist."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value)
    if not text:
        return None
    for pattern in (_ISO_DATE, _NUMERIC_DATE, _WORDED_DATE):
        match = pattern.fullmatch(fold(text))
        if not match:
            continue
        month = _MONTHS.get(match["month"]) if pattern is _WORDED_DATE else int(match["month"])
        if month is None:
            continue  # "1 av 2023" or the like: words, not a date
        year = int(match["year"])
        # Two-digit years in an agreement are this century's.
        year = year + 2000 if year < 100 else year
        try:
            return dt.date(year, month, int(match["day"])).isoformat()
        except ValueError:
            return None
    return text


_CURRENCY = re.compile(r"\b(?:kr|nok|kroner)\b\.?|[,.:]-(?=\s|$)")
_MULTIPLIERS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:mrd|milliard(?:er)?)\.?$"), 1_000_000_000),
    (re.compile(r"(?:mill|mnok|mkr|millioner|million|mio)\.?$"), 1_000_000),
    (re.compile(r"(?:'|’|k|tusen|tkr|tnok)$"), 1_000),
)
# Thousands grouped by spaces or dots ("1 500 000", "1.500.000"), decimals after a comma.
_AMOUNT = re.compile(r"(?P<whole>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?P<decimals>\d+))?")


def parse_amount(value: object) -> int | None:
    """Whole kroner from a number, or from text: "kr 500 000", "500 000,-", "0,5 mill.",
    "1,2 mill. kr", "500'", "NOK 250 000"; ``None`` for a negative amount, part of a krone,
    or anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value >= 0 and float(value).is_integer() else None
    text = _CURRENCY.sub(" ", fold(value)).strip()
    multiplier = 1
    for pattern, factor in _MULTIPLIERS:
        match = pattern.search(text)
        if match:
            multiplier = factor
            text = text[: match.start()].strip()
            break
    match = _AMOUNT.fullmatch(text)
    if not match:
        return None
    whole = int(re.sub(r"[ .]", "", match["whole"]))
    decimals = match["decimals"] or ""
    kroner = (whole * 10 ** len(decimals) + int(decimals or 0)) * multiplier
    if kroner % 10 ** len(decimals):
        return None  # øre, or more decimals than the unit has: not a sum anyone budgets
    return kroner // 10 ** len(decimals)


_PERCENT = re.compile(r"(?P<number>\d{1,3})(?:[,.]0+)?\s*%?")


def parse_progress(value: str) -> int | None:
    """Percent done from "50", "50 %" or "50,0%"; ``None`` outside 0-100."""
    match = _PERCENT.fullmatch(fold(value))
    if not match or int(match["number"]) > 100:
        return None
    return int(match["number"])


_AREA_KEY = re.compile(r"[\s\-\u2013\u2014]+")
_AREA_WORD = re.compile(r"[^\W\d_]+")
_AREA_STOPWORDS = frozenset({"og", "for", "rådsområde", "rådsområdet"})


def match_council_area(value: str, council_areas: Collection[str]) -> str | None:
    """The one council area ``value`` names: the name itself in any case, spacing or dashes;
    its leading words ("Utdanning" for "Utdanning og kompetanse"); or its initials ("UK").
    ``None`` where it names none or more than one."""
    key = _AREA_KEY.sub("", fold(value))
    if not key:
        return None
    for area in council_areas:
        if _AREA_KEY.sub("", fold(area)) == key:
            return area
    words = _area_words(value)
    candidates = [area for area in council_areas if words and _shortens(words, _area_words(area))]
    if len(candidates) == 1:
        return candidates[0]
    initials = [area for area in council_areas if "".join(word[0] for word in _area_words(area)) == key]
    return initials[0] if len(initials) == 1 else None


def _area_words(text: str) -> list[str]:
    return [word for word in _AREA_WORD.findall(fold(text)) if word not in _AREA_STOPWORDS]


def _shortens(words: list[str], area_words: list[str]) -> bool:
    """Every word starts a word of the area's name, in order ("Fylkesrådsleder" for "Fylkesrådsleders kontor")."""
    position = 0
    for word in words:
        while position < len(area_words) and not (
            (len(word) >= 4 and area_words[position].startswith(word)) or area_words[position] == word
        ):
            position += 1
        if position == len(area_words):
            return False
        position += 1
    return True
