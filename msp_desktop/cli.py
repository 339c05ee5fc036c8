"""Headless commands (design.md §7): a stable contract for office scripts and tests.

Passphrases come from MSP_PASSPHRASE / MSP_NEW_PASSPHRASE when set, else from a prompt; never
from arguments. Exit codes: 0 ok, 2 usage, 3 wrong passphrase, 4 damaged or rejected input,
1 anything else. On failure: one clear line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

EXIT_OK, EXIT_OTHER, EXIT_USAGE, EXIT_PASSPHRASE, EXIT_REJECTED = 0, 1, 2, 3, 4


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_OTHER) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"msp-desktop: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


# Key derivation for new key slots is always calibrated (kdf=None): the shipped command has no
# fast setting; tests patch calibration (tests/e2e/fast_kdf_cli.py).


def _passphrase(env: str, prompt: str, *, confirm: bool = False, new: bool = False) -> str:
    """A passphrase from `env`, else typed at a terminal. new: held to the same policy as the
    app's (too short or too easy to guess: usage error, nothing changed)."""
    from msp_desktop.services.passphrase_policy import new_passphrase_problem, text_problem

    value = os.environ.get(env)
    if not value:
        if not sys.stdin.isatty():
            raise CliError(f"No passphrase: set {env} or run in a terminal.", EXIT_USAGE)
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != value:
            raise CliError("The two passphrases do not match.", EXIT_USAGE)
    if new:
        problem = new_passphrase_problem(value)
    else:
        problem = text_problem(value) if value else "The passphrase is empty."
    if problem:
        raise CliError(problem, EXIT_USAGE)
    return value


def _new_passphrase(env: str, prompt: str) -> str:
    """A new passphrase, typed twice at a terminal, held to the passphrase policy."""
    return _passphrase(env, prompt, confirm=True, new=True)


def _open(path: str, passphrase: str | None = None, *, full_check: bool = True,
          keep_damaged: bool = False, notes: bool = True) -> Any:
    """Open the vault with `passphrase` (default: MSP_PASSPHRASE or a prompt); `notes`: print
    what the worker must see after an unlock.

    Every command writes (at least the unlock entry in the audit log), so by default a large
    vault's deferred full page check runs first: damage is refused before anything is
    written. keep_damaged: a vault with damaged pages opens read-only instead (`vault check`)."""
    from msp_desktop.services.session import Session

    if passphrase is None:
        passphrase = _passphrase("MSP_PASSPHRASE", "Vault passphrase: ")
    session = Session.open(path, passphrase, full_check=full_check, keep_damaged=keep_damaged)
    if notes:
        _after_unlock_notes(session)
    return session


def _after_unlock_notes(session: Any) -> None:
    """Warnings the worker must see after an unlock, on stderr (stdout stays parseable)."""
    from msp_desktop.services.maintenance import weak_kdf_message

    if session.failed_unlocks:
        since = f" since {session.failed_unlocks.since}" if session.failed_unlocks.since else ""
        print(f"msp-desktop: note: {session.failed_unlocks.count} failed attempt(s) to unlock "
              f"this vault{since} (now recorded in its audit log).", file=sys.stderr)
    if session.rekey_outcome == "completed":
        print("msp-desktop: note: an interrupted change of encryption key was completed.",
              file=sys.stderr)
    elif session.rekey_outcome == "rolled_back":
        print("msp-desktop: note: an interrupted change of encryption key was undone; the "
              "vault still uses its previous key and passphrase. Run `vault rekey` again.",
              file=sys.stderr)
    if session.vault.weak_kdf:
        kdf = session.vault.kdf_params
        print(f"msp-desktop: warning: {weak_kdf_message(kdf.opslimit, kdf.memlimit)}",
              file=sys.stderr)


# ----- commands ---------------------------------------------------------------------------


def _confirmed_card(card_path: str, given: str | None) -> Any:
    """Load the office recovery card, show its fingerprint and have it confirmed against the
    one the office read out (--card-fingerprint, or typed at a terminal). A swapped card would
    give its maker the key of this vault, so nothing is created unless they match."""
    from msp_desktop.services.recovery import card_fingerprint_matches, load_recovery_card

    card = load_recovery_card(card_path)
    print(f"Office recovery card: {card.name}")
    print(f"Card fingerprint: {card.fingerprint}")
    if given is None:
        if not sys.stdin.isatty():
            raise CliError("Confirm the office recovery card: add --card-fingerprint with the "
                           "fingerprint the office read out to you. No vault was created.",
                           EXIT_USAGE)
        given = input("Type the fingerprint the office read out to you (spaces and dashes do "
                      "not matter): ")
    if not card_fingerprint_matches(card, given):
        raise CliError("The fingerprint does not match this recovery card, so it may not be "
                       "your office's card. No vault was created. Ask the office for the card "
                       "again and check the fingerprint with them by phone.", EXIT_USAGE)
    print("Fingerprint confirmed.")
    return card


def cmd_vault_init(args: argparse.Namespace) -> int:
    from msp_desktop.services.session import Session

    if args.card_fingerprint is not None and not args.recovery_card:
        raise CliError("--card-fingerprint needs --recovery-card.", EXIT_USAGE)
    card = (_confirmed_card(args.recovery_card, args.card_fingerprint)
            if args.recovery_card else None)
    passphrase = _new_passphrase("MSP_PASSPHRASE", "New vault passphrase: ")
    session = Session.create(
        args.path, passphrase, recovery_card=card,
        author=args.author, device_name=args.device_name,
    )
    try:
        print(f"Created vault at {session.path}")
        print(f"Device fingerprint: {session.device.fingerprint()}")
        if not session.vault.has_recovery:
            print("No office recovery card: if the passphrase is forgotten, the vault cannot be "
                  "opened by anyone.")
    finally:
        session.close()
    return EXIT_OK


def cmd_vault_info(args: argparse.Namespace) -> int:
    from msp_desktop.services.maintenance import vault_info

    session = _open(args.path)
    try:
        info = vault_info(session)
    finally:
        session.close()
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        for key, value in info.items():
            if key == "counts":
                print("records:")
                for kind, n in value.items():
                    print(f"  {kind}: {n}")
            else:
                print(f"{key}: {value}")
    return EXIT_OK


def cmd_vault_check(args: argparse.Namespace) -> int:
    from msp_desktop.services.maintenance import check_vault

    # A vault with damaged pages opens read-only here, so the check can report on it; the
    # report says what the after-unlock notes would.
    session = _open(args.path, full_check=False, keep_damaged=True, notes=False)
    try:
        report = check_vault(session)
        damaged = session.vault.read_only
    finally:
        session.close()
    for line in report.lines():
        print(line)
    if damaged:
        from msp_desktop.services.errors import VaultDamaged

        raise CliError(f"The vault check found problems (listed above). "
                       f"{VaultDamaged.user_message}", EXIT_REJECTED)
    if not report.ok:
        raise CliError("The vault check found problems (listed above).", EXIT_REJECTED)
    return EXIT_OK


def cmd_vault_passwd(args: argparse.Namespace) -> int:
    from msp_desktop.services.session import old_backups_note

    session = _open(args.path)
    try:
        new = _new_passphrase("MSP_NEW_PASSPHRASE", "New passphrase: ")
        session.change_passphrase(new)
    finally:
        session.close()
    print("Passphrase changed. The old passphrase no longer opens this vault's key file.")
    print(old_backups_note(rekey=False))
    return EXIT_OK


def cmd_vault_rekey(args: argparse.Namespace) -> int:
    from msp_desktop.services.session import old_backups_note

    passphrase = _passphrase("MSP_PASSPHRASE", "Vault passphrase: ")
    session = _open(args.path, passphrase, full_check=False)
    try:
        new = (_new_passphrase("MSP_NEW_PASSPHRASE", "New passphrase: ")
               if args.new_passphrase else None)
        session.rekey(passphrase, new_passphrase=new, progress=_progress)
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        session.close()
    print("Encryption key changed: the vault now has a new data key and new key slots"
          + (" and opens with the new passphrase." if args.new_passphrase else "."))
    print(old_backups_note(rekey=True))
    return EXIT_OK


IDENTITY_WARNING = (
    "warning: --identity is for the office's own machine only. Never copy the office identity "
    "to a worker's laptop: it opens every vault of the office. Workers use "
    "'vault recovery-request' and '--reply'."
)


def cmd_vault_recover(args: argparse.Namespace) -> int:
    from msp_desktop.services import recovery
    from msp_desktop.services.session import Session

    if args.identity is not None:
        print(IDENTITY_WARNING, file=sys.stderr)
        identity = recovery.read_identity_text(args.identity)
        new = _new_passphrase("MSP_NEW_PASSPHRASE", "New passphrase: ")
        session = Session.recover(args.path, identity, new)
    else:
        # Check the reply first: nobody should type a new passphrase for a reply that
        # cannot be used.
        pending = recovery.check_reply(args.path, args.reply)
        print(f"The reply answers recovery request {pending.code}.")
        new = _new_passphrase("MSP_NEW_PASSPHRASE", "New passphrase: ")
        session = recovery.recover_with_reply(args.path, args.reply, new)
    session.close()
    print("Vault recovered: it now opens with the new passphrase.")
    return EXIT_OK


def cmd_vault_recovery_request(args: argparse.Namespace) -> int:
    from msp_desktop.services import recovery

    info = recovery.write_recovery_request(args.path, args.out)
    print(f"Recovery request written: {info.path}")
    print(f"Vault id: {info.vault_id}")
    print(f"Request code: {info.code}")
    print(f"Made for the office card with fingerprint: {info.card_fingerprint}")
    print("Send the request file to your office, then phone them and read out the request "
          "code so they can check it. When their reply arrives, run: msp-desktop vault "
          "recover PATH --reply FILE. Only this latest request can be answered.")
    return EXIT_OK


def cmd_vault_backup(args: argparse.Namespace) -> int:
    from msp_desktop.services.maintenance import backup

    session = _open(args.path)
    try:
        dest = backup(session, Path(args.dest))
    finally:
        session.close()
    print(f"Backup written and checked: {dest}")
    return EXIT_OK


def cmd_vault_restore(args: argparse.Namespace) -> int:
    from msp_desktop.services.maintenance import restore

    passphrase = _passphrase("MSP_PASSPHRASE", "Passphrase of the backup: ")
    done = restore(Path(args.backup), Path(args.dest), passphrase,
                   new_device=not args.same_device, device_name=args.device_name)
    print(f"Backup restored and checked: {done.path}")
    if done.previous_device is None:
        print("It keeps the device identity of the backup. Do not use the vault the backup"
              " came from again: both would number their changes the same way.")
        return EXIT_OK
    print(f"This copy is a new device: {done.device_id[:8]}"
          f" (it was {done.previous_device[:8]}).")
    print(f"Device fingerprint: {done.fingerprint}")
    print("Changes made before the backup keep their old signatures and stay valid.")
    print("Send your new contact card to your colleagues and the office, so that they accept"
          " your bundles:")
    print(f"  msp-desktop keys card {done.path} my-card.json")
    print("If the laptop this backup came from was lost or stolen, ask them to revoke its old"
          f" device {done.previous_device[:8]}, and revoke it here too:")
    print(f"  msp-desktop keys revoke {done.path} {done.previous_device[:8]}")
    return EXIT_OK


def cmd_office_keygen(args: argparse.Namespace) -> int:
    from msp_desktop.services.office import keygen

    result = keygen(Path(args.outdir), args.name)
    print(f"Office identity (keep offline, secret): {result.identity_path}")
    print(f"Office card (public, give to workers):  {result.card_path}")
    print(f"Fingerprint: {result.card.fingerprint}")
    return EXIT_OK


def cmd_office_recover_reply(args: argparse.Namespace) -> int:
    from msp_desktop.services.office import answer_recovery_request

    answer = answer_recovery_request(args.identity, args.request, args.out,
                                     expected_code=args.request_code)
    print(f"Recovery reply written: {answer.path}")
    print(f"Vault id: {answer.vault_id}")
    print(f"Request code: {answer.request_code}")
    print(f"Request made: {answer.created_at}")
    print(f"Office card fingerprint: {answer.card_fingerprint}")
    if args.request_code is None:
        print("Before you send the reply, check by phone that the worker's request code is the "
              "one above. If it is not, delete the reply.")
    else:
        print("The request code matches the one the worker read out.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from msp_desktop.services.demo import generate
    from msp_desktop.services.session import Session

    path = Path(args.path)
    if not (path / "vault.db").exists():
        passphrase = _passphrase("MSP_PASSPHRASE", "New demo vault passphrase: ", confirm=True)
        session = Session.create(path, passphrase, author="demo.worker",
                                 device_name="Demo laptop")
    else:
        session = _open(args.path)
    try:
        stats = generate(session, cases=args.cases, seed=args.seed)
    finally:
        session.close()
    print(f"Demo caseload: {stats.cases} cases, {stats.records} records "
          f"({stats.revisions} revisions) in {stats.seconds:.1f} s. Synthetic people only.")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from msp_desktop.services.search import MAX_TERMS, search, terms

    used = terms(args.query)
    if used.shortened:
        left_out = f"{used.dropped_words} more" if used.dropped_words else "the rest"
        print(f"Note: a search uses at most {MAX_TERMS} different words;"
              f" {left_out} of this one {'were' if used.dropped_words > 1 else 'was'}"
              " left out.", file=sys.stderr)
    session = _open(args.path)
    try:
        hits = search(session, used, limit=args.limit)
    finally:
        session.close()
    for h in hits:
        if args.json:
            print(json.dumps({
                "case_id": h.case_id, "person_name": h.person_name, "kind": h.kind,
                "record_id": h.record_id, "title": h.title, "date": h.sort_date,
                "snippet": h.snippet,
            }, ensure_ascii=False))
        else:
            snippet = " ".join(h.snippet.split())  # one hit per line, even for multi-line text
            print(f"{h.sort_date or '':10}  {h.person_name:24}  {h.kind:20}  {snippet}")
    return EXIT_OK


def cmd_keys_card(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    session = _open(args.path)
    try:
        card = sync.write_my_card(session, Path(args.out))
    finally:
        session.close()
    print(f"Contact card written: {args.out}")
    print(f"Device: {card.display_name} ({card.author}), id {card.device_id}")
    print(f"Fingerprint: {card.fingerprint}")
    return EXIT_OK


def cmd_keys_trust(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    card = sync.load_any_card(Path(args.card))
    name = card.name if isinstance(card, sync.OfficeCard) else (
        f"{card.display_name} ({card.author}), device {card.device_id}")
    print(f"Card: {name}")
    print(f"Fingerprint: {card.fingerprint}")
    if args.fingerprint is not None:
        given = args.fingerprint.strip().upper().replace(" ", "-")
        if given != card.fingerprint:
            raise CliError("The fingerprint given does not match the card: not trusted. Ask its "
                           "owner for the card again.", EXIT_REJECTED)
    elif sys.stdin.isatty():
        answer = input("Does this fingerprint match the one its owner read out to you? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise CliError("Not trusted.", EXIT_REJECTED)
    session = _open(args.path)
    try:
        sync.trust(session, card, office=args.office)
    finally:
        session.close()
    what = "office card" if isinstance(card, sync.OfficeCard) else (
        "office vault" if args.office else "device")
    print(f"Trusted {what}: {name}, fingerprint {card.fingerprint}")
    return EXIT_OK


def cmd_keys_list(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    session = _open(args.path)
    try:
        people, offices = sync.contact_list(session)
    finally:
        session.close()
    if args.json:
        print(json.dumps({
            "devices": [{"device_id": c.device_id, "name": c.name, "author": c.author,
                         "fingerprint": c.fingerprint, "role": c.role, "trust": c.trust,
                         "status": c.status, "added_at": c.added_at,
                         "revoked_at": c.revoked_at} for c in people],
            "office_cards": [{"name": o.name, "fingerprint": o.fingerprint} for o in offices],
        }, indent=2, ensure_ascii=False))
        return EXIT_OK
    for c in people:
        print(f"{c.device_id}  {c.fingerprint}  {c.name} ({c.author})  {c.status}")
    for o in offices:
        print(f"office card  {o.fingerprint}  {o.name}  recipient")
    return EXIT_OK


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    session = _open(args.path)
    try:
        contact = sync.revoke(session, args.device_id)
    finally:
        session.close()
    print(f"Revoked {contact.name} ({contact.device_id}): its new bundles and changes are "
          "refused; what it sent before stays.")
    return EXIT_OK


def _progress(step: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{step}: {done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    cards = [sync.load_any_card(Path(c)) for c in args.to]
    session = _open(args.path)
    try:
        result = sync.export_bundles(
            session, Path(args.out), cards, cases=args.case or None, everything=args.all,
            max_mb=args.max_size, progress=_progress,
        )
    finally:
        session.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for path in result.paths:
        print(path)
    print(f"{result.revisions} change(s) in {len(result.paths)} bundle file(s).")
    return EXIT_OK


def _identity_text(path: str | None) -> str | None:
    if path is None:
        return None
    from msp_desktop.services.recovery import read_identity_text

    return read_identity_text(path)  # a regular file of at most 64 KiB, else exit 4


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    identity = _identity_text(args.identity)
    session = _open(args.path)
    try:
        if args.dry_run:
            lines = sync.preview_import(session, Path(args.file), identity).lines()
            lines.append("Dry run: nothing was written.")
        else:
            lines = sync.import_bundle(session, Path(args.file), identity,
                                       confirmed=args.confirm_mass_change).preview.lines()
    except sync.NeedsConfirmation as exc:
        raise CliError(f"{exc} (Add --confirm-mass-change to confirm.)", EXIT_REJECTED) from exc
    finally:
        session.close()
    for line in lines:
        print(line)
    return EXIT_OK


def cmd_bundle_inspect(args: argparse.Namespace) -> int:
    from msp_desktop.services import sync

    identity = _identity_text(args.identity)
    assert identity is not None
    report = sync.inspect(Path(args.file), identity)
    if args.json:
        print(json.dumps(report.data, indent=2, ensure_ascii=False))
    else:
        for line in report.lines:
            print(line)
    return EXIT_OK


def cmd_report_sac(args: argparse.Namespace) -> int:
    import datetime as dt

    from msp_desktop.services import sac_report as sac

    problem = sac.year_problem(args.year, dt.date.today())
    if args.council and not problem:
        problem = sac.council_problem(args.council.strip().upper())
    if problem:
        raise CliError(f"{problem} Nothing was written.", EXIT_USAGE)
    session = _open(args.path)
    try:
        with _export_errors(args.out):
            result = sac.write_report(session, Path(args.out), year=args.year,
                                      council=args.council)
    except sac.SacRequestInvalid as exc:
        raise CliError(f"{exc} Nothing was written.", EXIT_USAGE) from None
    finally:
        session.close()
    report = result.report
    totals = {r.code: r.values[0] for r in report.table("SG1f").rows}
    concluded = sum(r.values[0] for r in report.table("SG3a").rows[:-1])
    print(f"Safeguarding Adults Collection {report.year.label} for "
          f"{sac.council_name(report.council)} ({report.council}): {len(result.files)} files "
          f"written to {result.folder} (export {result.export_id}).")
    print(f"Concerns {totals['CONCERNS']}, section 42 enquiries {totals['S42']}, other "
          f"enquiries {totals['OTHER']} started; {concluded} section 42 enquiries concluded.")
    if report.uncounted:
        print(f"{len(report.uncounted)} records could not be counted as they should or need "
              "checking: see missing.csv.")
    return EXIT_OK


def cmd_report_council(args: argparse.Namespace) -> int:
    from msp_desktop.services import sac_report as sac

    if args.code:
        problem = sac.council_problem(args.code.strip().upper())
        if problem:
            raise CliError(f"{problem} Nothing was changed.", EXIT_USAGE)
    session = _open(args.path)
    try:
        if args.code:
            sac.set_reporting_council(session, args.code)
        code = sac.reporting_council(session)
    finally:
        session.close()
    if code is None:
        print("No reporting council is set for this vault. Set it with "
              "`report council PATH CODE` (the council's ONS code).")
    else:
        verb = "set to" if args.code else "is"
        print(f"Reporting council {verb} {sac.council_name(code)} ({code}).")
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from msp_desktop.domain.lifecycle import RecordError
    from msp_desktop.services import exports

    _check_file_target(args.out, args.path, args.force)  # before the passphrase is asked for
    session = _open(args.path)
    try:
        with _export_errors(args.out):
            result = exports.case_record_pdf(session, args.case_id, Path(args.out),
                                             profile=args.profile, overwrite=args.force)
    except RecordError as exc:
        raise CliError(f"{exc} Check the case id (`search --json` shows it); no file was "
                       "written.", EXIT_REJECTED) from exc
    finally:
        session.close()
    print(f"Wrote {result.path} (export {result.export_id}, sha256 {result.sha256}).")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from msp_desktop.services import data_export

    _check_file_target(args.out, args.path, args.force)  # before the passphrase is asked for
    session = _open(args.path)
    try:
        with _export_errors(args.out):
            result = data_export.export_json(session, Path(args.out), history=args.history,
                                             overwrite=args.force)
    finally:
        session.close()
    print(result.path)
    print(f"Export {result.export_id}, SHA-256 {result.sha256}.")
    return EXIT_OK


def cmd_export_csv(args: argparse.Namespace) -> int:
    from msp_desktop.services import data_export
    from msp_desktop.services.export_target import check_folder_target

    with _export_errors(args.outdir):  # before the passphrase is asked for
        check_folder_target(Path(args.outdir), Path(args.path))
    session = _open(args.path)
    try:
        with _export_errors(args.outdir):
            result, files = data_export.export_csv(session, Path(args.outdir))
    finally:
        session.close()
    print(result.path)
    print(f"{len(files)} file(s); export {result.export_id}, SHA-256 {result.sha256}.")
    return EXIT_OK


@contextlib.contextmanager
def _export_errors(out: str) -> Iterator[None]:
    """The export commands' errors about OUT, one way: a refused destination is a usage error
    naming it; a failed write names OUT (not the hidden temporary file it was writing)."""
    from msp_desktop.services.export_target import ExportTargetRefused

    try:
        yield
    except ExportTargetRefused as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except FileExistsError:  # FolderNotEmpty, or a file that appeared meanwhile
        raise CliError(f"{out} already exists and is not an empty folder (it already holds "
                       "other files): choose a new or empty folder. Nothing was written.",
                       EXIT_USAGE) from None
    except OSError as exc:
        raise CliError(f"Could not write {out}: {exc.strerror or exc}. Check that the folder "
                       "exists, that you may save there and that the disk has room, then try "
                       "again; nothing was exported.") from exc


def _check_file_target(out: str, vault: str, force: bool) -> None:
    """An export file's destination, checked before the passphrase is asked for."""
    from msp_desktop.services.export_target import check_file_target

    with _export_errors(out):
        check_file_target(Path(out), Path(vault), overwrite=force)


def cmd_import_json(args: argparse.Namespace) -> int:
    from msp_desktop.services import data_import

    if not Path(args.file).is_file():
        raise CliError(f"{args.file} is not a file. Nothing was imported.", EXIT_USAGE)
    data_import.check_size(Path(args.file))  # before the passphrase is asked for
    session = _open(args.path)
    try:
        result = data_import.import_json(session, Path(args.file), dry_run=args.dry_run)
    finally:
        session.close()
    for line in result.plan.lines():
        print(line)
    print("Dry run: nothing was written." if args.dry_run else "Imported.")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from msp_desktop.services.selftest import run_self_test

    with tempfile.TemporaryDirectory(prefix="msp-selftest-") as tmp:
        for line in run_self_test(Path(tmp)):
            print(line)
    print("Self-test passed.")
    return EXIT_OK


# ----- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="msp-desktop", description="MSP Desktop: offline safeguarding case notes.")
    p.add_argument("--vault", help="open the app at this vault's unlock window")
    p.add_argument("--self-test", action="store_true", help="check this installation works")
    p.add_argument("--no-crash-dialog", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--settings", help=argparse.SUPPRESS)
    p.add_argument("--log-dir", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    vault = sub.add_parser("vault", help="create and look after vaults")
    vsub = vault.add_subparsers(dest="vault_command", required=True, parser_class=_Parser)
    x = vsub.add_parser("init", help="create a new encrypted vault")
    x.add_argument("path")
    x.add_argument("--recovery-card", help="the office recovery card (recommended)")
    x.add_argument("--card-fingerprint", metavar="FPR",
                   help="the recovery card's fingerprint as the office read it out (checked; "
                        "asked for at a terminal when not given)")
    x.add_argument("--author", help="your name as shown on records")
    x.add_argument("--device-name", help="a name for this laptop")
    x.set_defaults(func=cmd_vault_init)
    x = vsub.add_parser("info", help="versions, counts and state digest")
    x.add_argument("path")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_vault_info)
    x = vsub.add_parser("check", help="integrity, audit chain, signatures, projections")
    x.add_argument("path")
    x.set_defaults(func=cmd_vault_check)
    x = vsub.add_parser("passwd", help="change the passphrase")
    x.add_argument("path")
    x.set_defaults(func=cmd_vault_passwd)
    x = vsub.add_parser("rekey", help="a new encryption key for the vault (after a leak)")
    x.add_argument("path")
    x.add_argument("--new-passphrase", action="store_true",
                   help="also set a new passphrase (MSP_NEW_PASSPHRASE or a prompt)")
    x.set_defaults(func=cmd_vault_rekey)
    x = vsub.add_parser("recover", help="set a new passphrase with the office's reply")
    x.add_argument("path")
    how = x.add_mutually_exclusive_group(required=True)
    how.add_argument("--reply", metavar="FILE",
                     help="the office's reply to this laptop's recovery request")
    how.add_argument("--identity", metavar="KEYFILE",
                     help="the office identity: on the office's own machine only, never on a "
                          "worker's laptop")
    x.set_defaults(func=cmd_vault_recover)
    x = vsub.add_parser("recovery-request",
                        help="forgotten passphrase: write a request for the office to answer")
    x.add_argument("path")
    x.add_argument("out", help="the request file to write (send it to the office)")
    x.set_defaults(func=cmd_vault_recovery_request)
    x = vsub.add_parser("backup", help="write a checked, encrypted backup")
    x.add_argument("path")
    x.add_argument("dest")
    x.set_defaults(func=cmd_vault_backup)
    x = vsub.add_parser("restore", help="copy a backup to a new folder, checked (a new device)")
    x.add_argument("backup", help="the backup folder (made by vault backup, or in backups/)")
    x.add_argument("dest", help="a new, empty folder for the restored vault")
    how = x.add_mutually_exclusive_group()
    how.add_argument("--as-new-device", action="store_true",
                     help="give the copy a new device identity (the default)")
    how.add_argument("--same-device", action="store_true",
                     help="keep the backup's device identity: only to replace a damaged vault"
                          " on the same laptop, never use the old one again")
    x.add_argument("--device-name", help="a name for this laptop")
    x.set_defaults(func=cmd_vault_restore)

    office = sub.add_parser("office", help="office keys")
    osub = office.add_subparsers(dest="office_command", required=True, parser_class=_Parser)
    x = osub.add_parser("keygen", help="make the office identity and public card")
    x.add_argument("outdir")
    x.add_argument("--name", default="Safeguarding office")
    x.set_defaults(func=cmd_office_keygen)
    x = osub.add_parser("recover-reply",
                        help="answer a worker's recovery request (offline machine)")
    x.add_argument("identity", help="the office identity file")
    x.add_argument("request", help="the worker's recovery request file")
    x.add_argument("out", help="the reply file to write (send it to the worker)")
    x.add_argument("--request-code", metavar="CODE",
                   help="the request code the worker read out (checked; nothing is written "
                        "if it differs)")
    x.set_defaults(func=cmd_office_recover_reply)

    x = sub.add_parser("demo", help="fill a vault with a synthetic caseload")
    x.add_argument("path")
    x.add_argument("--cases", type=int, default=40)
    x.add_argument("--seed", type=int, default=1)
    x.set_defaults(func=cmd_demo)

    x = sub.add_parser("search", help="full-text search")
    x.add_argument("path")
    x.add_argument("query")
    x.add_argument("--json", action="store_true")
    x.add_argument("--limit", type=int, default=50)
    x.set_defaults(func=cmd_search)

    keys = sub.add_parser("keys", help="contact cards and whom this vault trusts")
    ksub = keys.add_subparsers(dest="keys_command", required=True, parser_class=_Parser)
    x = ksub.add_parser("card", help="write this vault's contact card")
    x.add_argument("path")
    x.add_argument("out")
    x.set_defaults(func=cmd_keys_card)
    x = ksub.add_parser("trust", help="trust a colleague's contact card or the office card")
    x.add_argument("path")
    x.add_argument("card")
    x.add_argument("--fingerprint", help="the fingerprint its owner read out (checked)")
    x.add_argument("--office", action="store_true",
                   help="this device card is the office's vault: its receipts count as the "
                        "office's")
    x.set_defaults(func=cmd_keys_trust)
    x = ksub.add_parser("list", help="devices and cards this vault knows")
    x.add_argument("path")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_keys_list)
    x = ksub.add_parser("revoke", help="refuse a device's new bundles (what it sent stays)")
    x.add_argument("path")
    x.add_argument("device_id")
    x.set_defaults(func=cmd_keys_revoke)

    bundles = sub.add_parser("bundle", help="sync with colleagues and the office by file")
    bsub = bundles.add_subparsers(dest="bundle_command", required=True, parser_class=_Parser)
    x = bsub.add_parser("export", help="write bundles for trusted recipients")
    x.add_argument("path")
    x.add_argument("out", help="a folder (a file name without personal data is chosen) or a file")
    x.add_argument("--to", action="append", required=True, metavar="CARD",
                   help="a recipient's card (repeat for several)")
    x.add_argument("--case", action="append", metavar="CASE_ID",
                   help="only this case, its adult and related records (repeatable)")
    x.add_argument("--all", action="store_true",
                   help="everything, not only what the recipients have not acknowledged")
    x.add_argument("--max-size", type=float, metavar="MB",
                   help="split into volumes of at most this size")
    x.set_defaults(func=cmd_bundle_export)
    x = bsub.add_parser("import", help="check, preview and apply a bundle")
    x.add_argument("path")
    x.add_argument("file")
    x.add_argument("--dry-run", action="store_true", help="show what it would do; write nothing")
    x.add_argument("--identity", metavar="KEYFILE",
                   help="office identity, for bundles addressed to the office")
    x.add_argument("--confirm-mass-change", action="store_true",
                   help="import even if it hides many records at once (entered in error)")
    x.set_defaults(func=cmd_bundle_import)
    x = bsub.add_parser("inspect", help="what a bundle holds, without a vault (office use)")
    x.add_argument("file")
    x.add_argument("--identity", required=True, metavar="KEYFILE")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_bundle_inspect)

    reports = sub.add_parser("report", help="returns counted over the whole vault")
    rsub = reports.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    x = rsub.add_parser("sac", help="the Safeguarding Adults Collection tables of one year")
    x.add_argument("path")
    x.add_argument("--year", type=int, required=True, metavar="YYYY",
                   help="the year the reporting year starts (1 April YYYY to 31 March YYYY+1)")
    x.add_argument("--council", metavar="CODE",
                   help="report for this council (ONS code) instead of the vault's setting")
    x.add_argument("out", help="a folder for the CSV files and sac-summary.pdf")
    x.set_defaults(func=cmd_report_sac)
    x = rsub.add_parser("council", help="show or set the vault's reporting council")
    x.add_argument("path")
    x.add_argument("code", nargs="?", help="the council's ONS code, for example E09000012")
    x.set_defaults(func=cmd_report_council)

    export = sub.add_parser("export", help="write the vault's records for other systems")
    esub = export.add_subparsers(dest="export_command", required=True, parser_class=_Parser)
    x = esub.add_parser("pdf", help="the whole case record as a PDF")
    x.add_argument("path")
    x.add_argument("case_id")
    x.add_argument("out", help="the PDF file to write")
    x.add_argument("--profile", choices=("full", "sar"), default="full",
                   help="full: everything; sar: a subject-access copy with third parties "
                        "withheld (and listed)")
    x.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    x.set_defaults(func=cmd_export_pdf)
    x = esub.add_parser("json", help="every current record as one JSON file (with its schema)")
    x.add_argument("path")
    x.add_argument("out", help="the JSON file to write")
    x.add_argument("--history", action="store_true", help="every revision of every record too")
    x.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    x.set_defaults(func=cmd_export_json)
    x = esub.add_parser("csv", help="one CSV file per record kind, in a new folder")
    x.add_argument("path")
    x.add_argument("outdir", help="a new (or empty) folder")
    x.set_defaults(func=cmd_export_csv)

    imports = sub.add_parser("import", help="load records from another vault or system")
    isub = imports.add_subparsers(dest="import_command", required=True, parser_class=_Parser)
    x = isub.add_parser("json", help="check a JSON export, then add what this vault lacks")
    x.add_argument("path")
    x.add_argument("file")
    x.add_argument("--dry-run", action="store_true", help="show what it would do; write nothing")
    x.set_defaults(func=cmd_import_json)
    return p


def _error_code(exc: BaseException) -> int | None:
    """The exit code for a known failure; None for a bug."""
    from msp_desktop.domain.lifecycle import RecordError
    from msp_desktop.services.errors import ValidationFailed, VaultError

    if isinstance(exc, VaultError):
        return int(exc.exit_code)  # each error class carries its place in the contract
    if isinstance(exc, (ValidationFailed, RecordError, ValueError)):
        return EXIT_REJECTED
    if isinstance(exc, OSError):
        return EXIT_OTHER
    return None


def _message(exc: BaseException) -> str:
    from msp_desktop.services.errors import DiskFull, is_disk_full

    if is_disk_full(exc):
        return DiskFull.user_message
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Could not read or write a file{where}: {exc.strerror}."
    return str(exc).strip().replace("\n", " ") or type(exc).__name__


def _opens_bundles(argv: Sequence[str]) -> bool:
    """`msp-desktop FILE.mspbundle`: a bundle opened with the app (file association)."""
    files, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--vault", "--settings", "--log-dir"):
            skip = True  # the next word is that option's value
        elif not arg.startswith("-"):
            files.append(arg)
    return bool(files) and all(a.lower().endswith(".mspbundle") for a in files)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _opens_bundles(argv):
        from msp_desktop.app import run_gui

        return run_gui([sys.argv[0] if sys.argv else "msp-desktop", *argv])
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if args.self_test:
        func = cmd_self_test
    if func is None:
        from msp_desktop.app import run_gui

        return run_gui([sys.argv[0] if sys.argv else "msp-desktop", *argv])
    from msp_desktop.services.hardening import harden_process

    harden_process()  # no core dump, no ptrace, while a vault key may be in memory
    try:
        return func(args)
    except CliError as exc:
        print(f"msp-desktop: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("msp-desktop: interrupted", file=sys.stderr)
        return EXIT_OTHER
    except Exception as exc:  # one clear line, not a traceback
        code = _error_code(exc)
        if code is None:
            print(f"msp-desktop: unexpected error ({type(exc).__name__}). Everything already saved "
                  "is safe in the vault. Please report this.", file=sys.stderr)
            return EXIT_OTHER
        print(f"msp-desktop: {_message(exc)}", file=sys.stderr)
        return code


if __name__ == "__main__":
    raise SystemExit(main())
