"""Command line: ``python -m loaders SUBCOMMAND``.

Exit codes: 0 done (one-line summary on stdout), 1 a file or request was
refused (the reasons on stderr), 2 the command was used wrongly.

What the commands print comes from the text table, in bokmål (LANG). The
argparse help stays in English as it is written: it is for the people who
run and maintain the tool, not part of the dashboard's language.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import BackupExists, DatabaseMissing, MonitorError, UnknownUser
from core.faults import database_fault, file_fault, file_reason
from core.i18n import Deferred, t
from core.settings import setting
from loaders.errors import NO_QUARTER_COLUMN, FileRejected, MissingActingUser, PasswordsDiffer

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.register import Commitment
    from core.reports import LoadResult
    from core.rounds import DueReminder
    from core.users import User
    from loaders.agreement import AgreementPreview

EXIT_OK, EXIT_REFUSED = 0, 1  # 2, the command used wrongly, is argparse's own
LANG = "nb"  # the language the command line prints in


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except MonitorError as error:
        return refused(error)
    except BrokenPipeError:
        # The reader went away (`uploads | head`): what is left of the output is not wanted.
        # Python's own advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if not error.filename:
            # A write that failed part-way (a full disk) names no file: say what happened.
            print(t("cli.cannot_use_file", LANG, reason=file_reason(error)), file=sys.stderr)
            return EXIT_REFUSED
        return refused(file_fault(error, Path(error.filename)))
    except sqlite3.Error as error:
        # Met past connect(), in a read or write of the database the command names.
        from core.db import database_path

        named = database_fault(error, database_path(getattr(args, "db", None)))
        if named is None:
            raise  # not the machine's: a bug, with its traceback
        return refused(named)
    except KeyboardInterrupt:
        print(t("cli.interrupted", LANG), file=sys.stderr)
        return EXIT_REFUSED


def refused(error: MonitorError) -> int:
    for line in error_lines(error, LANG):
        print(line, file=sys.stderr)
    return EXIT_REFUSED


def error_lines(error: MonitorError, lang: str) -> list[str]:
    """What the command line prints for a refusal: each cell error of a rejected file, then the message."""
    lines = [cell.message(lang) for cell in error.errors] if isinstance(error, FileRejected) else []
    if any(cell.key == NO_QUARTER_COLUMN for cell in getattr(error, "errors", ())):
        lines.append(t("cli.quarter_hint", lang))
    hints = {
        DatabaseMissing: "cli.database_missing_hint",
        UnknownUser: "cli.unknown_user_hint",
        BackupExists: "cli.backup_exists_hint",
    }
    hint = next((t(key, lang) for kind, key in hints.items() if isinstance(error, kind)), None)
    return [*lines, error.message(lang), *([hint] if hint else [])]


def say(key: str, **values: object) -> None:
    """Print the text for ``key`` on standard output."""
    print(t(key, LANG, **values))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m loaders",
        description="Load agreements and quarterly status into the Partnerskapsmonitor database.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database file (default: $DASHBOARD_DB, else data/dashboard.db)")
    # Writes are made as a named account, so the role checks and the uploads log apply
    # to the command line as they do in the dashboard.
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument(
        "--as",
        dest="acting_user",
        metavar="USERNAME",
        default=setting("cli_user", str) or None,
        help="the account to act as (default: $DASHBOARD_USER)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str, *, writes: bool = False
    ) -> argparse.ArgumentParser:
        parents = [common, acting] if writes else [common]
        command = sub.add_parser(name, parents=parents, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    command = add(
        "agreement", run_agreement, "import an agreement (.pdf, .docx, .xlsx or .txt) for a region", writes=True
    )
    command.add_argument("file")
    command.add_argument("--region", required=True, help="the region's name; created if new")
    command.add_argument("--period", help="e.g. 2022-2023 (default: read from the title)")
    command.add_argument(
        "--county",
        help="the county it is saved under, by name or number (default: the region's when the period begins)",
    )
    command.add_argument(
        "--no-carry-on",
        action="store_true",
        help="a new agreement does not carry on the region's earlier one",
    )
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="print the agreement as understood, its warnings and what would change, but save nothing",
    )
    command.add_argument(
        "--first-reports",
        metavar="QUARTER",
        help="also save the document's Status column as the first status report for this quarter, e.g. 2024-Q1",
    )

    command = add("catalogue", run_catalogue, "import the commitment register from a workbook", writes=True)
    command.add_argument("file")

    command = add(
        "organisation",
        run_organisation,
        "set up counties, their units, regions, members and status words from the organisation workbook",
        writes=True,
    )
    command.add_argument("file")
    command.add_argument("--dry-run", action="store_true", help="print what would change, but save nothing")

    command = add("status", run_status, "load a quarterly status workbook", writes=True)
    command.add_argument("file")
    command.add_argument("--quarter", help="quarter for the whole file when it has no Kvartal column, e.g. 2024-Q2")
    command.add_argument("--dry-run", action="store_true", help="check and count, but save nothing")
    command.add_argument(
        "--keep-not-updated",
        action="store_true",
        help="also save the rows that only repeat the previous report (the status really is unchanged)",
    )

    command = add("template", run_template, "write a pre-filled status workbook for one region and quarter")
    command.add_argument("--region", required=True)
    command.add_argument("--quarter", required=True)
    command.add_argument("--out", required=True)

    command = add("export", run_export, "export status reports or commitments")
    command.add_argument("what", choices=["status", "commitments"])
    command.add_argument("--format", required=True, choices=["csv", "xlsx", "json"], dest="fmt")
    command.add_argument("--out", required=True)
    command.add_argument("--region")
    command.add_argument("--quarter")

    add("uploads", run_uploads, "list the uploads log")

    command = add("rollback", run_rollback, "undo a status upload, restoring the values before it", writes=True)
    command.add_argument("upload_id", type=int)

    command = add("reading", run_reading, "let anyone read without signing in (open) or not (closed)", writes=True)
    command.add_argument("state", choices=["open", "closed"], nargs="?", help="leave out to see the setting")

    users = sub.add_parser("user", help="manage local accounts: add, list, remove, passwd")
    user_sub = users.add_subparsers(dest="user_command", required=True, metavar="ACTION")

    def add_user_action(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        action = user_sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        action.set_defaults(handler=handler)
        return action

    password_help = "read the password from standard input instead of asking for it"
    action = add_user_action("add", run_user_add, "create an account")
    action.add_argument("username")
    action.add_argument("--name", required=True, help="the person's full name")
    action.add_argument("--role", required=True, help="leser, rapportør or administrator")
    action.add_argument("--email", help="for sign-in through the county's identity provider (OIDC)")
    action.add_argument("--region", action="append", default=[], help="a region the reporter holds (repeatable)")
    action.add_argument(
        "--council-area",
        action="append",
        default=[],
        dest="council_areas",
        help='a council area the reporter holds (repeatable); "County: name" where counties share the name',
    )
    action.add_argument(
        "--county",
        action="append",
        default=[],
        dest="counties",
        help="a county whose agreements the reporter holds: name, short name or number (repeatable)",
    )
    action.add_argument("--no-password", action="store_true", help="OIDC sign-in only")
    action.add_argument("--password-stdin", action="store_true", help=password_help)
    add_user_action("list", run_user_list, "list the accounts")
    action = add_user_action("remove", run_user_remove, "remove an account")
    action.add_argument("username")
    action = add_user_action("passwd", run_user_passwd, "set a new password for an account")
    action.add_argument("username")
    action.add_argument("--password-stdin", action="store_true", help=password_help)

    command = add("backup", run_backup, "write a consistent copy of the database, safe while loads run")
    command.add_argument("out", metavar="OUT")
    command.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    command = add("restore", run_restore, "replace the database's contents with a backup, checked first")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--new", action="store_true", help="the database is lost: make it anew from FILE")

    command = add("demo", run_demo, "build the demo database")
    command.add_argument("--force", action="store_true", help="rebuild even if the database has data")

    command = add(
        "remind",
        run_remind,
        "e-mail the reminders due today to the regions that have not delivered (for cron or a systemd timer)",
    )
    command.add_argument("--dry-run", action="store_true", help="list the reminders due, but send and log nothing")
    command.add_argument("--county", help="only this county's regions: name, short name or number")
    command.add_argument("--quarter", help="the round of this quarter, e.g. 2026-Q3 (default: the round running)")
    command.add_argument(
        "--date", type=_day, metavar="YYYY-MM-DD", help="the day to reckon from (default: today in Oslo)"
    )
    return parser


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY-MM-DD)") from None


@contextlib.contextmanager
def _database(args: argparse.Namespace, *, create: bool = False) -> Iterator[Database]:
    """The database the command names; only the commands that set one up may create it."""
    from core.db import connect

    db = connect(args.db, create=create)
    try:
        yield db
    finally:
        db.close()


def _acting_user(db: Database, args: argparse.Namespace) -> User:
    from core.users import get_user

    if not args.acting_user:
        raise MissingActingUser("cli.no_acting_user")
    return get_user(db, args.acting_user)


def run_agreement(args: argparse.Namespace) -> int:
    from core.queries import quarter_argument
    from loaders.agreement import preview_agreement, save_preview

    quarter = quarter_argument(args.first_reports) if args.first_reports else None
    with _database(args) as db:
        # A dry run writes nothing, so it needs no account; saving checks the account before reading.
        user = None if args.dry_run else _acting_user(db, args)
        preview = preview_agreement(
            db, args.file, args.region, args.period, file_name=os.fspath(args.file), county=args.county
        )
        if user is None:
            for line in preview_lines(preview, LANG):
                print(_escaped(line))
            say("cli.agreement.dry_run")
            return EXIT_OK
        for warning in preview.warnings:
            print(t("cli.warning", LANG, warning=_escaped(warning.message(LANG))), file=sys.stderr)
        result = save_preview(db, preview, user=user, report_quarter=quarter, carry_on=not args.no_carry_on)
    print(result.message(LANG))
    return EXIT_OK


def preview_lines(preview: AgreementPreview, lang: str) -> list[str]:
    """An agreement preview as the command line prints it: the tree of focus areas and commitments
    with their fields, the warnings, and what would change against the stored agreement."""
    from core.vocabulary import SDG_BY_NUMBER
    from loaders.agreement import size_texts

    agreement = preview.agreement
    lines = [
        t(
            "cli.agreement.heading",
            lang,
            period=preview.period,
            region=preview.region,
            file=preview.file_name,
            **size_texts(agreement, lang),
        )
    ]
    areas: list[tuple[str | None, str]] = [
        (area.number, t("cli.agreement.focus_area", lang, number=area.number, title=area.title))
        for area in agreement.focus_areas
    ]
    areas.append((None, t("cli.agreement.outside", lang)))
    by_number = {area.number: area for area in agreement.focus_areas}
    for number, heading in areas:
        commitments = [commitment for commitment in agreement.commitments if commitment.focus_area == number]
        if number is None and not commitments:
            continue
        lines.append("")
        lines.append(heading)
        area = by_number.get(number) if number is not None else None
        if area is not None and area.hashtag:
            lines.append("  " + t("cli.agreement.hashtags", lang, hashtags=area.hashtag))
        for sdg in area.sdgs if area is not None else []:
            goal = SDG_BY_NUMBER[sdg]
            name = t("sdg.choice", lang, number=sdg, name=goal.nb if lang == "nb" else goal.en)
            lines.append("  " + t("cli.agreement.sdg", lang, sdg=name))
        for commitment in commitments:
            lines.append(f"  {commitment.code}  {commitment.text}")
            lines.extend("      " + fact for fact in commitment_facts(commitment, preview, lang))
    lines.append("")
    if preview.warnings:
        lines.append(t("cli.agreement.warnings", lang, count=len(preview.warnings)))
        lines.extend("  " + warning.message(lang) for warning in preview.warnings)
    else:
        lines.append(t("cli.agreement.no_warnings", lang))
    lines.append("")
    lines.extend(change_lines(preview, lang))
    return lines


def commitment_facts(commitment: Commitment, preview: AgreementPreview, lang: str) -> list[str]:
    """The fields a table gave a commitment, one a line: council area, deadline, amount, first status."""
    from core.vocabulary import status_label
    from loaders.agreement import field_value

    facts = []
    for field, value in (
        ("col.council_area", commitment.council_area),
        ("agreements.col.deadline", commitment.deadline and field_value("deadline", commitment.deadline, lang)),
        ("agreements.field.amount", commitment.amount and field_value("amount", commitment.amount, lang)),
    ):
        if value:
            facts.append(t("cli.agreement.field", lang, field=t(field, lang), value=value))
    report = preview.reports.get(commitment.code)
    if report is not None:
        facts.append(t("cli.agreement.report", lang, status=status_label(report.status, lang)))
    return facts


def change_lines(preview: AgreementPreview, lang: str) -> list[str]:
    """What saving would change against the stored agreement, one commitment a line."""
    from loaders.agreement import field_change_text

    changes = preview.changes
    if changes is None:
        new = [t("agreements.new_region", lang, region=preview.region)] * preview.new_region
        return [*new, t("cli.agreement.new", lang, region=preview.region, period=preview.period)]
    if preview.same_as_stored:
        return [t("cli.agreement.same", lang)]
    lines = [
        t(
            "cli.agreement.changes",
            lang,
            added=len(changes.added),
            changed=len(changes.changed),
            unchanged=changes.unchanged,
            retired=len(changes.retired),
        )
    ]
    lines.extend(
        "  " + t("cli.agreement.added", lang, code=commitment.code, text=commitment.text)
        for commitment in changes.added
    )
    for change in changes.changed:
        what = "; ".join(field_change_text(field, change.before, change.after, lang) for field in change.fields)
        lines.append("  " + t("cli.agreement.changed", lang, code=change.code, what=what))
    lines.extend(
        "  " + t("cli.agreement.retired", lang, code=commitment.code, text=commitment.text)
        for commitment in changes.retired
    )
    for area in changes.focus_areas_added:
        lines.append("  " + t("cli.agreement.area_added", lang, number=area.number, title=area.title))
    for area_change in changes.focus_areas_changed:
        what = "; ".join(
            field_change_text(field, area_change.before, area_change.after, lang) for field in area_change.fields
        )
        lines.append("  " + t("cli.agreement.area_changed", lang, number=area_change.number, what=what))
    for area in changes.focus_areas_removed:
        lines.append("  " + t("cli.agreement.area_removed", lang, number=area.number, title=area.title))
    return lines


def run_catalogue(args: argparse.Namespace) -> int:
    from loaders.catalogue import load_catalogue

    with _database(args) as db:
        result = load_catalogue(db, args.file, user=_acting_user(db, args))
    print(result.message(LANG))
    return EXIT_OK


def run_organisation(args: argparse.Namespace) -> int:
    from loaders.organisation import load_organisation

    with _database(args) as db:
        # A dry run writes nothing, so it needs no account; saving checks the account before reading.
        user = None if args.dry_run else _acting_user(db, args)
        result = load_organisation(db, args.file, user=user, dry_run=args.dry_run)
    for warning in result.warnings:
        print(t("cli.warning", LANG, warning=warning.message(LANG)), file=sys.stderr)
    for change in result.changes:
        key = "cli.organisation.added" if change.added else "cli.organisation.removed"
        say(key, sheet=t(f"outputs.organisation.sheet.{change.sheet}", LANG), row=change.text(LANG))
    print(result.message(LANG))
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    from loaders.status import load_status

    with _database(args) as db:
        result = load_status(
            db,
            args.file,
            quarter=args.quarter,
            dry_run=args.dry_run,
            user=_acting_user(db, args),
            keep_not_updated=args.keep_not_updated,
        )
    for warning in result.warnings:
        print(t("cli.warning", LANG, warning=warning.message(LANG)), file=sys.stderr)
    for line in not_updated_lines(result, LANG):
        print(line, file=sys.stderr)
    summary = result.summary
    if result.already_loaded_as:
        summary += " " + t("cli.already_loaded", LANG, upload=result.already_loaded_as)
    print(summary)
    return EXIT_OK


def not_updated_lines(result: LoadResult, lang: str) -> list[str]:
    """One line per row that only repeats the previous report, then how to keep them."""
    from core.reports import NOT_UPDATED
    from core.vocabulary import quarter_label

    lines = [
        t(
            "cli.not_updated",
            lang,
            row=change.row,
            code=change.code,
            region=change.region,
            quarter=quarter_label(change.repeats_quarter or "", lang),
        )
        for change in result.changes
        if change.kind == NOT_UPDATED
    ]
    return [*lines, t("cli.not_updated_hint", lang)] if lines else []


def run_template(args: argparse.Namespace) -> int:
    from outputs.template import build_template

    with _database(args) as db:
        count = build_template(db, args.region, args.quarter, args.out)
    say("cli.template_written", count=count, path=args.out)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from outputs.export import export

    with _database(args) as db:
        count = export(db, args.what, args.fmt, args.out, region=args.region, quarter=args.quarter)
    say("cli.exported", count=count, path=args.out)
    return EXIT_OK


def run_uploads(args: argparse.Namespace) -> int:
    from core.uploads import list_uploads

    with _database(args) as db:
        uploads = list_uploads(db)
    if not uploads:
        say("cli.no_uploads")
        return EXIT_OK
    for upload in uploads:
        state = ""
        if upload.rolled_back_at:
            who = _escaped(upload.rolled_back_by or "")
            state = "  " + t("cli.rolled_back", LANG, when=upload.rolled_back_at, who=who)
        print(
            f"{upload.id:>5}  {upload.uploaded_at}  {upload.kind:<9}  {_escaped(upload.uploaded_by):<20}  "
            f"{_escaped(upload.file_name)}  +{upload.added} ~{upload.changed} ={upload.unchanged}  "
            f"{upload.quarters or ''}  {upload.sha256[:12]}{state}"
        )
    return EXIT_OK


def _escaped(text: str) -> str:
    """Stored text with every character a terminal would act on or hide written as its escape.

    Names logged before the loaders cleaned text, or a username given on the command line,
    may hold a line break, an ANSI escape or a direction override (U+202E before
    "xslx.exe" shows it as "exe.xlsx"); printed raw they would forge or hide lines.
    """
    if text.isprintable():
        return text
    return "".join(char if _shown(char) else _escape(char) for char in text)


def _shown(char: str) -> bool:
    # Spaces other than " " (the thin no-break space in "250 000") are not printable to Python,
    # but a terminal shows them as the spaces they are.
    return char.isprintable() or unicodedata.category(char) == "Zs"


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def run_rollback(args: argparse.Namespace) -> int:
    from core.reports import rollback

    with _database(args) as db:
        result = rollback(db, args.upload_id, user=_acting_user(db, args))
    print(result.summary)
    return EXIT_OK


def run_reading(args: argparse.Namespace) -> int:
    from core.access import reading_open, set_reading_open

    with _database(args) as db:
        if args.state is not None:
            set_reading_open(db, args.state == "open", user=_acting_user(db, args))
        now_open = reading_open(db)
    say("cli.reading_open" if now_open else "cli.reading_closed")
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    from core.db import backup
    from core.vocabulary import number_text

    copy = backup(args.out, args.db, force=args.force)
    size = Deferred(number_text, copy.size / 1000)
    say("cli.backup_written", path=copy.path, size=size, schema=copy.schema, revision=copy.revision)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from core.db import restore

    try:
        restored = restore(args.file, args.db, new=args.new)
    except DatabaseMissing as error:
        # The usual hint names the commands that make a database; here --new is the one.
        print(error.message(LANG), file=sys.stderr)
        print(t("cli.restore_new_hint", LANG), file=sys.stderr)
        return EXIT_REFUSED
    say("cli.restored", path=restored.path, file=args.file, schema=restored.schema, revision=restored.revision)
    if restored.before is not None:
        say("cli.restored_before", path=restored.before)
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from core.db import database_path
    from loaders.demo.build import build_demo

    summary = build_demo(database_path(args.db), force=args.force)
    print(summary.message(LANG))
    return EXIT_OK


REMIND_SENDER = "remind (automatisk)"  # sent_by in the reminders log


def run_remind(args: argparse.Namespace) -> int:
    from core.organisation import find_county
    from core.queries import quarter_argument
    from core.rounds import due_reminders, oslo_today
    from outputs.mail import mail_settings, send_reminders

    today = args.date or oslo_today()
    quarter = quarter_argument(args.quarter) if args.quarter else None
    with _database(args) as db:
        county_id = find_county(db, args.county).id if args.county else None
        due = due_reminders(db, today, county_id=county_id, quarter=quarter)
        for line in reminder_lines(due, LANG):
            print(_escaped(line))
        if not due:
            say("cli.remind.nothing", day=f"{today:%d.%m.%Y}")
            return EXIT_OK
        if args.dry_run:
            say("cli.remind.dry_run", count=len(due))
            return EXIT_OK
        # Read before anything is sent, so a bad setting sends and logs nothing.
        settings = mail_settings()
        outcomes = send_reminders(db, due, sent_by=REMIND_SENDER, settings=settings, today=today)
    for outcome in outcomes:
        region = _escaped(outcome.reminder.region)
        if outcome.outcome == "no_recipients":
            print(t("cli.remind.no_recipients", LANG, region=region), file=sys.stderr)
        elif outcome.error:
            print(t("cli.remind.failed", LANG, region=region, error=_escaped(outcome.error)), file=sys.stderr)
    say(
        "cli.remind.done",
        count=len(outcomes),
        sent=sum(outcome.outcome == "sent" for outcome in outcomes),
        failed=sum(outcome.outcome == "failed" for outcome in outcomes),
        empty=sum(outcome.outcome == "no_recipients" for outcome in outcomes),
    )
    return EXIT_OK if all(outcome.ok for outcome in outcomes) else EXIT_REFUSED


def reminder_lines(due: list[DueReminder], lang: str) -> list[str]:
    """One line per reminder: region, kind, quarter, deadline and the addresses it goes to."""
    from core.vocabulary import quarter_label
    from outputs.mail import KIND_KEYS

    return [
        t(
            "cli.remind.line",
            lang,
            region=reminder.region,
            kind=t(KIND_KEYS[reminder.kind], lang),
            quarter=quarter_label(reminder.quarter, lang),
            deadline=f"{reminder.deadline:%d.%m.%Y}",
            recipients=", ".join(person.email for person in reminder.recipients if person.email)
            or t("cli.remind.no_address", lang),
        )
        for reminder in due
    ]


def _read_password(args: argparse.Namespace) -> str:
    # Never an argument: it would show in the shell history and in the process list.
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass(t("cli.password", LANG))
    if getpass.getpass(t("cli.password_again", LANG)) != first:
        raise PasswordsDiffer("cli.passwords_differ")
    return first


def run_user_add(args: argparse.Namespace) -> int:
    from core.users import add_user, role_label

    password = None if args.no_password else _read_password(args)
    with _database(args, create=True) as db:
        user = add_user(
            db,
            args.username,
            args.name,
            args.role,
            password=password,
            email=args.email,
            regions=tuple(args.region),
            council_areas=tuple(args.council_areas),
            counties=tuple(args.counties),
        )
    say("cli.user_added", username=user.username, role=role_label(user.role, LANG))
    return EXIT_OK


def run_user_list(args: argparse.Namespace) -> int:
    from core.users import list_users, role_label

    with _database(args) as db:
        for user in list_users(db):
            scope = ", ".join((*user.counties, *user.regions, *user.council_areas))
            scope = scope or (t("cli.scope_everything", LANG) if user.is_admin else "–")
            print(f"{user.username}\t{user.name}\t{user.email or ''}\t{role_label(user.role, LANG)}\t{scope}")
    return EXIT_OK


def run_user_remove(args: argparse.Namespace) -> int:
    from core.users import remove_user

    with _database(args) as db:
        remove_user(db, args.username)
    say("cli.user_removed", username=args.username)
    return EXIT_OK


def run_user_passwd(args: argparse.Namespace) -> int:
    from core.users import set_password

    password = _read_password(args)
    with _database(args) as db:
        set_password(db, args.username, password)
    say("cli.password_set", username=args.username)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
