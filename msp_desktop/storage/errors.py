"""Vault errors.

Every error carries a plain-language ``user_message`` (what happened, what to do) that the CLI
and UI can show as-is; ``detail`` holds the technical cause for logs and support, and must never
contain case data or key material. ``exit_code`` follows the CLI contract (docs/architecture.md).
"""

from __future__ import annotations


class VaultError(Exception):
    """Base class of every vault failure."""

    user_message = "The vault could not be used. Please contact your IT support."
    exit_code = 1

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        if user_message is not None:
            self.user_message = user_message
        self.detail = detail
        super().__init__(self.user_message if not detail else f"{self.user_message} ({detail})")


class WrongPassphrase(VaultError):
    user_message = (
        "The passphrase is incorrect. Check Caps Lock and the keyboard layout and try again. "
        "Nothing in the vault was changed."
    )
    exit_code = 3


class VaultDamaged(VaultError):
    user_message = (
        "The passphrase is correct, but the vault is damaged and cannot be opened safely. "
        "Do not delete it: restore the latest backup or contact your IT support."
    )
    exit_code = 4


class VaultTooNew(VaultError):
    user_message = (
        "This vault was made by a newer version of MSP Desktop. "
        "Install the latest version to open it; the vault has not been changed."
    )
    exit_code = 4


class VaultInUse(VaultError):
    user_message = (
        "This vault is already open in another MSP Desktop window or program. "
        "Close the other one first, then try again."
    )


class VaultNotFound(VaultError):
    user_message = (
        "No vault was found at this location. Check the folder, or create a new vault."
    )
    exit_code = 4


class VaultExists(VaultError):
    user_message = (
        "A vault already exists at this location. Open it instead, or choose another folder."
    )
    exit_code = 4


class EncryptionUnavailable(VaultError):
    user_message = (
        "Encryption is not available or the vault file is not encrypted, so MSP Desktop will "
        "not open it. Reinstall MSP Desktop or contact your IT support."
    )


class RecoveryFailed(VaultError):
    user_message = (
        "The office recovery key does not open this vault. Check that you chose the right "
        "office identity file, or ask the office for it."
    )
    exit_code = 4


class MigrationFailed(VaultError):
    user_message = (
        "The vault could not be upgraded to this version of MSP Desktop. It has been left as "
        "it was and a backup was made. Contact your IT support."
    )



class InputFileRejected(VaultError):
    """A small input file (office identity, recovery request or reply) that is refused before
    it is parsed: missing, not a regular file, or larger than any genuine one."""

    user_message = (
        "This file cannot be used: it is not a regular file or it is far too large to be the "
        "file you meant. Check that you chose the right file."
    )
    exit_code = 4


class RecoveryFileInvalid(VaultError):
    """A recovery request or reply that is damaged, incomplete, altered or meant for another
    vault or request. Nothing was changed."""

    user_message = (
        "This recovery file is damaged, incomplete or not a recovery file. Nothing was "
        "changed. Ask for the file again."
    )
    exit_code = 4


class KeyFileUnreadable(VaultError):
    """keyslots.json exists but the system would not let us read it (permissions, I/O error):
    the passphrase was never checked and nothing says the vault is damaged."""

    user_message = (
        "The vault's key file (keyslots.json) could not be read, so the passphrase has not "
        "been checked yet. This is usually a permissions or disk problem, not damage: check "
        "that you can open files in the vault folder (and that the disk is connected), then "
        "try again. Do not restore a backup for this."
    )
    exit_code = 1


class DiskFull(VaultError):
    """ENOSPC / SQLITE_FULL: the disk (or the user's quota) has no room left."""

    user_message = (
        "The disk is full, so MSP Desktop could not write to the vault (saving, and even "
        "opening it, needs a little free space). Free some space (empty the recycle bin, move "
        "large files elsewhere), then try again. Nothing you saved before is lost, and the "
        "vault is not damaged."
    )
    exit_code = 1


class KeyFileMismatch(VaultError):
    user_message = (
        "This key file (keyslots.json) belongs to another vault, not to the database in this "
        "folder. Nothing was changed. Put back this vault's own keyslots.json (from a backup "
        "of the same vault), or contact your IT support."
    )
    exit_code = 4


class RekeyInterrupted(VaultError):
    user_message = (
        "The change of encryption key could not be finished. Your records are safe: lock the "
        "vault and unlock it again, and MSP Desktop will complete or undo the change."
    )
