"""E-mail addresses as people write and paste them, checked one way for accounts and region contacts.

An address comes from a shell (``user add --email``) or a cell of the organisation workbook, often
copied from Outlook or a web page: «mailto:ole@follo.no», «Ole Strand <ole@follo.no>», with
no-break spaces around it. What is left once those wrappings are taken off must be one address
that email-validator accepts (its form only: the demo's and tests' reserved domains have no mail
server); it is stored as the library normalises it (the domain in lower case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from core.errors import InvalidEmail
from core.i18n import Text
from core.vocabulary import clean_text

_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_NAMED = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<address>[^<>]*)>$")
# Outlook joins several recipients with «;», web pages and people with «,» or spaces.
_SEPARATORS = re.compile(r"[;,\s]+")


@dataclass(frozen=True)
class Address:
    """An address as checked: the name written with it («Ole Strand <…>»), if any, and the address."""

    name: str | None
    email: str


def parse_address(text: str) -> Address:
    """The one address in ``text``, normalised, with the name written around it.

    Raises InvalidEmail naming the text: several addresses, or one of a wrong form, saying what is wrong.
    """
    cleaned = clean_text(text)
    name = None
    named = _NAMED.match(cleaned)
    if named:
        name = clean_text(named["name"]).strip("\"'") or None
        cleaned = clean_text(named["address"])
    address = _MAILTO.sub("", cleaned).split("?", 1)[0].strip()
    if address.count("@") > 1 and len([part for part in _SEPARATORS.split(address) if "@" in part]) > 1:
        raise InvalidEmail("core.email.several", text=clean_text(text))
    try:
        checked = validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidEmail("core.email.invalid", address=address, problem=_problem(address, error)) from None
    if checked.ascii_email is None:
        # Letters such as æøå before the @ need SMTPUTF8, which many mail servers do not offer; an
        # IDN domain is fine, as it is sent in punycode (outputs.mail.ascii_address).
        raise InvalidEmail("core.email.invalid", address=address, problem=Text("core.email.non_ascii"))
    return Address(name, checked.normalized)


def normalise_email(text: str) -> str:
    """The address in ``text`` as stored (see :func:`parse_address`); a name written with it is dropped."""
    return parse_address(text).email


def _problem(address: str, error: EmailNotValidError) -> Text:
    if "@" not in address:
        return Text("core.email.no_at")
    if " " in address:
        return Text("core.email.space")
    if "." not in address.rpartition("@")[2]:
        return Text("core.email.no_dot")
    # The library's own words (English) for the rarer faults: better than no reason at all.
    return Text("core.email.form", detail=str(error))
