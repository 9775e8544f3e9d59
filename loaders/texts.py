"""Rendering the loaders' messages from the text table, in bokmål or English.

A message is a key in ``core.i18n.TEXTS`` and its values. Values that read
differently by language (a quarter, a number, a list joined with "og"/"and", a
phrase from the text table) are kept as :class:`Localised` parts and rendered
only when the message is, so ``message("en")`` is English throughout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self

from core.i18n import t
from core.vocabulary import STATUSES, format_number, quarter_label


class Localised:
    """A part of a message that reads differently by language."""

    def message(self, lang: str = "nb") -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.message("nb")


def render(key: str, lang: str, values: Mapping[str, object]) -> str:
    """The text for ``key`` in ``lang``, with every Localised value rendered in ``lang`` too."""
    return t(key, lang, **{name: localise(value, lang) for name, value in values.items()})


def localise(value: object, lang: str) -> object:
    return value.message(lang) if isinstance(value, Localised) else value


@dataclass(frozen=True)
class Phrase(Localised):
    """A text-table entry used inside another message."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "nb") -> str:
        return render(self.key, lang, self.values)


def phrase(key: str, **values: object) -> Phrase:
    return Phrase(key, values)


@dataclass(frozen=True)
class Capitalised(Localised):
    """A part that starts a sentence: its first letter upper case."""

    part: Localised

    def message(self, lang: str = "nb") -> str:
        text = self.part.message(lang)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Quarter(Localised):
    """ "2024-Q2" as "2. kv. 2024" or "Q2 2024"."""

    quarter: str

    def message(self, lang: str = "nb") -> str:
        return quarter_label(self.quarter, lang)


@dataclass(frozen=True)
class Number(Localised):
    """A number with thousands separated: "5 000 000" in bokmål, "5,000,000" in English."""

    value: float
    decimals: int = 0

    def message(self, lang: str = "nb") -> str:
        if lang == "en":
            return f"{self.value:,.{self.decimals}f}"
        return format_number(self.value, self.decimals)


@dataclass(frozen=True)
class Listing(Localised):
    """Items joined as "A, B og C" ("A, B and C"); with ``every``, "A og B og C"."""

    items: tuple[object, ...]
    every: bool = False

    def message(self, lang: str = "nb") -> str:
        items = [str(localise(item, lang)) for item in self.items]
        conjunction = f" {t('loaders.and', lang)} "
        if self.every or len(items) < 2:
            return conjunction.join(items)
        return ", ".join(items[:-1]) + conjunction + items[-1]


@dataclass(frozen=True)
class AllowedStatuses(Localised):
    """The statuses a file may use, in the language of the message."""

    def message(self, lang: str = "nb") -> str:
        return ", ".join(status.en if lang == "en" else status.nb for status in STATUSES)


class Message(str):
    """A text-table message that reads as its bokmål text; ``message(lang)`` gives it in either language.

    A string, so lists of warnings compare and print as before.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Self:
        text = super().__new__(cls, render(key, "nb", values))
        text.key = key
        text.values = values
        return text

    def __getnewargs_ex__(self) -> tuple[tuple, dict]:
        # copy and pickle rebuild the message from its key, not from the bokmål text.
        return (self.key,), self.values

    def message(self, lang: str = "nb") -> str:
        return render(self.key, lang, self.values)
