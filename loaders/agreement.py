"""Loading a partnership agreement's special part into the register.

``loaders.agreement_sources`` turns the file into lines, ``loaders.agreement_layout``
reads the focus areas and commitments from them, and this module saves the result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlite_utils import Database

from core.access import require_admin
from core.i18n import t
from core.register import Agreement, save_agreements_as_upload
from core.uploads import file_sha256
from core.users import User
from core.vocabulary import clean_text
from loaders.agreement_layout import parse_lines
from loaders.agreement_sources import read_lines
from loaders.errors import MissingRegion


@dataclass(frozen=True)
class LoadSummary:
    upload_id: int
    region: str
    period: str
    added: int
    changed: int
    unchanged: int
    retired: int

    def message(self, lang: str = "nb") -> str:
        """One line for the person who loaded the agreement."""
        return t(
            "loaders.agreement.saved",
            lang,
            period=self.period,
            region=self.region,
            added=self.added,
            changed=self.changed,
            unchanged=self.unchanged,
            retired=self.retired,
            upload=self.upload_id,
        )


def read_agreement(path: str | os.PathLike, period: str | None = None) -> Agreement:
    """Parse an agreement from a file (see ``loaders.agreement_sources`` for the types read)."""
    return parse_lines(read_lines(path), period).agreement


def load_agreement(
    db: Database,
    path: str | os.PathLike,
    region: str,
    period: str | None = None,
    *,
    user: User,
) -> LoadSummary:
    """Parse the agreement, then save it for the region (created if new) in one transaction.

    Matching on focus-area number and commitment code means a re-import updates
    in place: status reports keep their commitments, and a commitment no longer
    in the text is marked inactive rather than deleted.
    """
    require_admin(user, "loaders.action.load_agreements")
    if not clean_text(region):
        raise MissingRegion("loaders.agreement.no_region")
    agreement = read_agreement(path, period)
    saved = save_agreements_as_upload(
        db,
        {region: agreement},
        kind="agreement",
        file_name=os.fspath(path),
        sha256=file_sha256(path),
        user=user.signature,
        retire_missing=True,
    )
    [(region_name, result)] = saved.results.items()
    return LoadSummary(
        upload_id=saved.upload_id,
        region=region_name,
        period=agreement.period,
        added=result.added,
        changed=result.changed,
        unchanged=result.unchanged,
        retired=result.retired,
    )
