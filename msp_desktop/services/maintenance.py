"""Vault health: `vault check` runs every check the vault can make on itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import MIB, MIN_MEMLIMIT, MIN_OPSLIMIT


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
    report = CheckReport()
    vault_report = session.vault.check()
    for name, ok, detail in vault_report.items():
        report.add(name, ok, detail)
    kdf = session.vault.kdf_params
    report.add(
        "passphrase key derivation meets the minimums", not session.vault.weak_kdf,
        "" if not session.vault.weak_kdf else
        weak_kdf_message(kdf.opslimit, kdf.memlimit),
    )
    problems = session.audit.verify()
    report.add("audit chain", not problems, "; ".join(problems))
    bad = session.store.verify_revisions()
    report.add("revision hashes and signatures", not bad,
               "; ".join(bad[:5]) + (f" (+{len(bad) - 5} more)" if len(bad) > 5 else ""))
    match = session.store.projections_match_revisions()
    report.add("projections match the revisions", match, "" if match else "run a rebuild")
    return report


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
        "revisions": store.revision_count(),
        "counts": dict(sorted(store.counts_by_kind().items())),
        "conflicts": store.conflict_count(),
        "parked": store.parked_count(),
        "drafts": session.drafts.count(),
        "state_digest": store.state_digest(),
    }


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
