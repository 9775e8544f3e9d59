"""Who may do what. Every function that writes asks here before it writes, so a
hidden button is never the only guard.

- leser (viewer): reads.
- rapportør (reporter): also saves status for the counties, regions and council
  areas the account holds. A row is theirs when they hold its region, the council
  area that follows the commitment up, *or* the county whose agreement it is in
  (a county's reporter holds its regions' commitments in that county's agreements,
  not those of the county before it).
- administrator: everything, including rollback, agreements, the commitment
  register and the reading setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils import Database

from core.db import write_transaction
from core.errors import NotAllowed
from core.i18n import Text, join_words, t

if TYPE_CHECKING:
    # Only named in annotations: core.users reaches this module through core.register at import.
    from core.users import User

OPEN_READING_KEY = "open_reading"


def may_report(user: User) -> bool:
    """Whether the role lets the user save status at all (which rows is :func:`holds`)."""
    return user.role in ("rapportor", "administrator")


def require_reporter(user: User) -> None:
    if not may_report(user):
        raise NotAllowed("core.read_only", name=user.name)


def require_admin(user: User, action: str) -> None:
    """``action`` is the key of a text that completes "Bare administratorer kan …", e.g. "core.action.rollback"."""
    if not user.is_admin:
        raise NotAllowed("core.admins_only", action=Text(action), name=user.name)


def holds(user: User, region: str, council_area: str | None, county: str | None = None) -> bool:
    """Whether the user may report for a commitment in this region, followed up by this council area,
    in an agreement of this county (its full name; None where the caller does not know it)."""
    if user.is_admin:
        return True
    if user.role != "rapportor":
        return False
    if region in user.regions or (county is not None and county in user.counties):
        return True
    if council_area is None:
        return False
    if county is not None and user.units:
        return (county, council_area) in user.units
    return council_area in user.council_areas


def scope_text(user: User, lang: str = "nb") -> str:
    """What the user reports for, in words: "Akershus fylkeskommune, Follo regionråd og Samferdsel"."""
    held = [*user.counties, *user.regions, *user.council_areas]
    return join_words(held, lang) if held else t("core.nothing", lang)


def reading_open(db: Database) -> bool:
    """Whether anyone may read the dashboard without signing in (off unless turned on)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (OPEN_READING_KEY,)).fetchone()
    return bool(row and row[0])


def set_reading_open(db: Database, open_: bool, *, user: User) -> None:
    require_admin(user, "core.action.reading_setting")
    with write_transaction(db):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (OPEN_READING_KEY, int(open_)),
        )


def reportable_regions(db: Database, user: User) -> list[str]:
    """The regions the user may report for, by name: every region for an administrator; for a
    reporter the regions they hold, those with an agreement of a county they hold and those with a
    commitment followed up by a council area they hold."""
    if not may_report(user):
        return []
    names = [name for (name,) in db.execute("SELECT name FROM regions ORDER BY name")]
    if user.is_admin:
        return names
    areas = list(user.council_areas)
    by_area = (
        {
            name
            for (name,) in db.execute(
                "SELECT DISTINCT r.name FROM commitments c JOIN agreements g ON g.id = c.agreement_id "
                "JOIN regions r ON r.id = g.region_id JOIN council_areas a ON a.id = c.council_area_id "
                f"WHERE a.name IN ({', '.join('?' for _ in areas)})",
                areas,
            )
        }
        if areas
        else set()
    )
    counties = list(user.counties)
    by_county = (
        {
            name
            for (name,) in db.execute(
                "SELECT DISTINCT r.name FROM agreements g JOIN regions r ON r.id = g.region_id "
                f"JOIN counties co ON co.id = g.county_id WHERE co.name IN ({', '.join('?' for _ in counties)})",
                counties,
            )
        }
        if counties
        else set()
    )
    return [name for name in names if name in user.regions or name in by_area or name in by_county]


def visible_counties(db: Database, user: User | None) -> tuple[str, ...] | None:
    """The counties (full names, by name) a user's view is limited to: those they hold, and those of the
    regions and council areas they hold (a region's counties at any time, so Follo's reporter sees both
    Viken and Akershus). None when nothing limits it: an administrator, or an account without a scope."""
    if user is None or user.is_admin or not (user.counties or user.regions or user.council_areas):
        return None
    names = set(user.counties) | {county for county, _ in user.units}
    if user.regions:
        names.update(
            name
            for (name,) in db.execute(
                "SELECT DISTINCT c.name FROM region_counties rc JOIN counties c ON c.id = rc.county_id "
                f"JOIN regions r ON r.id = rc.region_id WHERE r.name IN ({', '.join('?' for _ in user.regions)})",
                user.regions,
            )
        )
    return tuple(sorted(names))
