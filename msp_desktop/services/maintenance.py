"""Vault health: `vault check` runs every check the vault can make on itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msp_desktop.services.recovery import recovery_card_fingerprint
from msp_desktop.services.session import Session
from msp_desktop.storage import head, marks
from msp_desktop.storage.clock import Clock
from msp_desktop.storage.errors import VaultError
from msp_desktop.storage.keyslots import MIB, MIN_MEMLIMIT, MIN_OPSLIMIT
from msp_desktop.storage.vault import DatabaseError, copy_backup


@dataclass
class CheckReport:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append((name, ok, detail))

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.checks)

    def lines(self) -> list[str]:
        return [f"{'ok  ' if ok else 'FAIL'}  {name}{': ' + d if d else ''}"
                for name, ok, d in self.checks]


def weak_kdf_message(opslimit: int, memlimit: int) -> str:
    return (f"the passphrase protection (Argon2id, {opslimit} passes, "
            f"{memlimit // MIB} MiB) is below the minimum ({MIN_OPSLIMIT} passes, "
            f"{MIN_MEMLIMIT // MIB} MiB), so a stolen copy of the key file is much easier to "
            "guess. Strengthen it: unlock in the app and accept the offer, or run "
            "`msp-desktop vault rekey` (keeps the passphrase) or `vault passwd`.")


def check_vault(session: Session) -> CheckReport:
    """Every check, each on its own: a step that cannot even run (a page that cannot be read
    raises DatabaseError, or the vault reports damage) becomes a FAIL line with the reason,
    and the remaining steps still run. Never raises for damage: `vault check` must report."""
    report = CheckReport()

    def step(name: str, run: Callable[[], None]) -> None:
        try:
            run()
        except (DatabaseError, VaultError) as exc:
            report.add(name, False, f"could not run: {_reason(exc)}")

    def pages() -> None:
        for name, ok, detail in session.vault.check().items():
            report.add(name, ok, detail)

    def audit() -> None:
        problems = session.audit.verify()
        report.add("audit chain", not problems, "; ".join(problems))

    def revisions() -> None:
        bad = session.store.verify_revisions()
        report.add("revision hashes and signatures", not bad,
                   "; ".join(bad[:5]) + (f" (+{len(bad) - 5} more)" if len(bad) > 5 else ""))

    def projections() -> None:
        match = session.store.projections_match_revisions()
        report.add("projections match the revisions", match, "" if match else "run a rebuild")

    step("database pages", pages)

    def kdf_strength() -> None:
        kdf = session.vault.kdf_params
        weak = session.vault.weak_kdf
        report.add("passphrase key derivation meets the minimums", not weak,
                   weak_kdf_message(kdf.opslimit, kdf.memlimit) if weak else "")

    step("passphrase key derivation meets the minimums", kdf_strength)
    step("audit chain", audit)
    step("revision hashes and signatures", revisions)
    step("projections match the revisions", projections)

    def signed_head() -> None:
        # Both copies of the signed head, what they vouch for, the audit triggers and
        # gap-free change numbers (storage/head.py).
        for name, ok, detail in head.check_lines(session.conn, session.path, session.device,
                                                 session.vault.vault_id, session.heads):
            report.add(name, ok, detail)

    step("signed head", signed_head)
    return report


def _reason(exc: BaseException) -> str:
    if isinstance(exc, VaultError):
        return exc.detail or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


def vault_info(session: Session) -> dict[str, Any]:
    """Versions, counts, device and state digest, as `vault info` prints them."""
    store = session.store
    return {
        "path": str(session.path),
        "vault_id": session.vault.vault_id,
        "schema_version": session.vault.schema_version,
        "sqlcipher_version": session.vault.cipher_version,
        "device_id": session.device.device_id,
        "device_name": session.device.display_name,
        "device_fingerprint": session.device.fingerprint(),
        "author": session.device.author,
        "recovery_card_fingerprint": recovery_card_fingerprint(session),
        "revisions": store.revision_count(),
        "counts": dict(sorted(store.counts_by_kind().items())),
        "conflicts": store.conflict_count(),
        "parked": store.parked_count(),
        "drafts": session.drafts.count(),
        "state_digest": store.state_digest(),
        "demo": "yes" if is_demo_vault(session) else "no",
    }


def is_demo_vault(session: Session) -> bool:
    """The vault holds the synthetic demo caseload (not for real people's details)."""
    return marks.is_demo(session.conn)


def backup(session: Session, dest: Path) -> Path:
    """A checked, encrypted backup, recorded in the audit log."""
    written = session.vault.backup(dest)
    with session.write():
        session.log("backup")
    return written


def integrity_check_pending(session: Session) -> bool:
    """Unlock did only a cheap check (a large vault): run background_integrity_check soon."""
    return bool(session.vault.needs_background_check)


def background_integrity_check(session: Session) -> list[str]:
    """The full page check that unlock skips for large vaults; safe on a worker thread (it
    uses its own connection). On damage the vault becomes read-only: nothing more is
    written to it, and everything already saved stays readable."""
    problems = session.vault.background_check()
    if problems:
        session.vault.set_read_only("; ".join(problems[:3]))
    return problems


@dataclass(frozen=True)
class Restored:
    """What `restore` did. previous_device is the backup's device id when the copy was
    given a new identity (else None)."""

    path: Path
    device_id: str
    fingerprint: str
    previous_device: str | None


def restore(
    backup_folder: Path, dest: Path, passphrase: str, *, new_device: bool = True,
    device_name: str | None = None, clock: Clock | None = None,
) -> Restored:
    """Copy a backup to ``dest`` (checked copy), open it with the backup's passphrase, check
    every page, and, with new_device, give it a new device identity.

    A backup opened on a second laptop while the first is still in use would number its
    changes with the same device and the same numbers as the first: the two would clash in
    every colleague's vault. A new identity keeps both apart; the old device's changes keep
    their signatures. new_device=False only for putting a vault back on the same laptop
    after damage, when the old copy is never used again."""
    written = copy_backup(backup_folder, dest)
    try:
        session = Session.open(written, passphrase, clock=clock, full_check=True)
    except BaseException:
        _remove_copy(written)  # this call made it; nothing else has used it
        raise
    try:
        previous = session.become_new_device(device_name) if new_device else None
        with session.write():
            session.log("restore", detail={"new_device": new_device})
        return Restored(written, session.device.device_id, session.device.fingerprint(),
                        previous)
    except BaseException:
        session.close()
        _remove_copy(written)
        raise
    finally:
        if session.is_open:
            session.close()


def _remove_copy(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
