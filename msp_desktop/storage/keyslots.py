"""Key slots: the random data key (DEK) wrapped by a passphrase and, optionally, by the office
recovery key (design.md §3, ENC-2, ENC-8).

The DEK is handed to SQLCipher as a raw key, so changing the passphrase only rewrites
keyslots.json and never re-encrypts vault.db.

Residual risk (ENC-10): libsodium and SQLCipher take immutable ``bytes``/``str`` copies of the key
and the passphrase that Python cannot wipe; we zero our own ``bytearray`` on lock and rely on
full-disk encryption and disabled core dumps for the rest.
"""

from __future__ import annotations

import base64
import json
import math
import os
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.bindings
import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.pwhash.argon2id as argon2id
import pyrage
from pyrage import x25519

from msp_desktop.storage.atomic import atomic_write_bytes, remove_durably
from msp_desktop.storage.errors import (
    KeyFileUnreadable,
    RecoveryFailed,
    VaultDamaged,
    VaultNotFound,
    WrongPassphrase,
)
from msp_desktop.storage.safe_read import (
    SMALL_FILE_LIMIT,
    FileTooLarge,
    NotRegularFile,
    UnsafeFile,
    read_capped,
)

KEY_BYTES = 32
KEYSLOTS_FILE = "keyslots.json"
KEYSLOTS_BAK_SUFFIX = ".bak"
KEYSLOTS_FORMAT = 1
# A real key file is about 1 KB (two slots). Anything far larger is not ours: refuse it before
# reading it all or parsing it (a huge or endless file must not exhaust memory or hang unlock).
MAX_KEYSLOTS_BYTES = SMALL_FILE_LIMIT

MIB = 1024 * 1024
# Minimums of design.md §3 / ENC-2.
MIN_MEMLIMIT = 64 * MIB
MIN_SECONDS = 0.5
# Calibration aims above the minimum so a busier moment on the same machine stays >= 0.5 s.
CALIBRATION_TARGET_SECONDS = 0.6
# Floor for opslimit in production: libsodium's own "interactive" level for argon2id.
MIN_OPSLIMIT = 2
# Caps on stored parameters. keyslots.json is read before anything authenticates it (the AEAD
# tag can only be checked after the derivation), so an edited file must not be able to make
# unlock hang or exhaust RAM (a file with 4 GiB and opslimit 10,000 took 3.6 GB and hours).
# Calibration always uses MIN_MEMLIMIT (64 MiB) and the opslimit that takes 0.6 s: about 40 on
# the 2-core reference machine (15 ms per pass), about 160 on a machine 4x faster. The caps
# leave a margin above that (opslimit 256; memory 4x the calibrated 64 MiB, for a later version
# that spends memory rather than time) and bound the product to what opslimit 256 costs at
# 64 MiB: a tampered file costs at most ~4 s and 256 MiB here, instead of hours.
MAX_OPSLIMIT = 256
MAX_MEMLIMIT = 256 * MIB
MAX_KDF_WORK = MAX_OPSLIMIT * MIN_MEMLIMIT  # opslimit x memlimit

_KDF_NAME = "argon2id13"
_AEAD_NAME = "xchacha20poly1305-ietf"
_RECOVERY_MAGIC = b"MSP-DEK-1\x00"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Parallelism is fixed at 1 by libsodium."""

    opslimit: int
    memlimit: int

    @classmethod
    def fast(cls) -> KdfParams:
        """For tests only (KeePassXC's fastKdf idea): far below the production minimums."""
        return cls(opslimit=1, memlimit=8 * MIB)

    @classmethod
    def calibrate(
        cls,
        target_seconds: float = CALIBRATION_TARGET_SECONDS,
        memlimit: int = MIN_MEMLIMIT,
    ) -> KdfParams:
        """Production parameters: 64 MiB and the opslimit that takes >= target on this machine.

        One probe measures the cost per pass, then the estimate is re-timed until it reaches
        the target (time is linear in opslimit at fixed memory).
        """
        params, _elapsed = calibrate_with_timing(target_seconds, memlimit)
        return params

    def meets_minimums(self) -> bool:
        return self.memlimit >= MIN_MEMLIMIT and self.opslimit >= MIN_OPSLIMIT

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return argon2id.kdf(
            KEY_BYTES,
            normalise_passphrase(passphrase),
            salt,
            opslimit=self.opslimit,
            memlimit=self.memlimit,
        )


def time_kdf(params: KdfParams) -> float:
    salt = os.urandom(argon2id.SALTBYTES)
    start = time.perf_counter()
    params.derive("calibration", salt)
    return time.perf_counter() - start


def calibrate_with_timing(
    target_seconds: float = CALIBRATION_TARGET_SECONDS, memlimit: int = MIN_MEMLIMIT
) -> tuple[KdfParams, float]:
    probe = KdfParams(opslimit=3, memlimit=memlimit)
    per_pass = max(time_kdf(probe) / probe.opslimit, 1e-4)
    ops = max(MIN_OPSLIMIT, math.ceil(target_seconds / per_pass))
    for _ in range(5):
        params = KdfParams(opslimit=min(ops, MAX_OPSLIMIT), memlimit=memlimit)
        elapsed = time_kdf(params)
        if elapsed >= target_seconds or params.opslimit >= MAX_OPSLIMIT:
            return params, elapsed
        ops = math.ceil(params.opslimit * target_seconds / elapsed * 1.05)
    return params, elapsed


def normalise_passphrase(passphrase: str) -> bytes:
    # NFC so the same passphrase typed on macOS (often NFD) and Windows derives the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_data_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))


def new_vault_id() -> str:
    return os.urandom(16).hex()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise VaultDamaged(f"keyslots.json: {what} is missing")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise VaultDamaged(f"keyslots.json: {what} is not base64") from exc


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


@dataclass(frozen=True)
class PassphraseSlot:
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes

    def associated_data(self, vault_id: str) -> bytes:
        # Binds the ciphertext to its KDF parameters and vault: a file whose opslimit/memlimit
        # were lowered, or a slot copied from another vault, fails to decrypt.
        return _canonical(
            {
                "format": KEYSLOTS_FORMAT,
                "slot": "passphrase",
                "vault_id": vault_id,
                "kdf": _KDF_NAME,
                "salt": _b64(self.salt),
                "opslimit": self.kdf.opslimit,
                "memlimit": self.kdf.memlimit,
                "aead": _AEAD_NAME,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "passphrase",
            "kdf": _KDF_NAME,
            "salt": _b64(self.salt),
            "opslimit": self.kdf.opslimit,
            "memlimit": self.kdf.memlimit,
            "aead": _AEAD_NAME,
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, data: Any) -> PassphraseSlot:
        if not isinstance(data, dict) or data.get("type") != "passphrase":
            raise VaultDamaged("keyslots.json: passphrase slot is missing")
        if data.get("kdf") != _KDF_NAME or data.get("aead") != _AEAD_NAME:
            raise VaultDamaged("keyslots.json: unknown KDF or cipher")
        ops, mem = data.get("opslimit"), data.get("memlimit")
        if not (isinstance(ops, int) and isinstance(mem, int)):
            raise VaultDamaged("keyslots.json: KDF parameters are missing")
        if not (1 <= ops <= MAX_OPSLIMIT and argon2id.MEMLIMIT_MIN <= mem <= MAX_MEMLIMIT
                and ops * mem <= MAX_KDF_WORK):
            raise VaultDamaged("keyslots.json: KDF parameters are out of range")
        salt = _unb64(data.get("salt"), "salt")
        nonce = _unb64(data.get("nonce"), "nonce")
        if len(salt) != argon2id.SALTBYTES or len(nonce) != 24:
            raise VaultDamaged("keyslots.json: salt or nonce has the wrong length")
        return cls(salt, KdfParams(ops, mem), nonce, _unb64(data.get("wrapped_key"), "key"))


@dataclass(frozen=True)
class RecoverySlot:
    recipient: str
    fingerprint: str
    ciphertext: bytes  # an age file (X25519 recipient)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "recovery-age-x25519",
            "recipient": self.recipient,
            "fingerprint": self.fingerprint,
            "age": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: Any) -> RecoverySlot:
        if not isinstance(data, dict) or data.get("type") != "recovery-age-x25519":
            raise VaultDamaged("keyslots.json: recovery slot is malformed")
        recipient, fpr = data.get("recipient"), data.get("fingerprint")
        if not isinstance(recipient, str) or not isinstance(fpr, str):
            raise VaultDamaged("keyslots.json: recovery slot is malformed")
        return cls(recipient, fpr, _unb64(data.get("age"), "recovery ciphertext"))


@dataclass(frozen=True)
class KeySlots:
    vault_id: str
    passphrase: PassphraseSlot
    recovery: RecoverySlot | None = None

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": KEYSLOTS_FORMAT,
            "vault_id": self.vault_id,
            "database": "sqlcipher4-raw-key",
            "slots": [self.passphrase.to_json()]
            + ([self.recovery.to_json()] if self.recovery else []),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlots:
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise VaultDamaged("keyslots.json is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != KEYSLOTS_FORMAT:
            raise VaultDamaged("keyslots.json has an unknown format")
        vault_id, slots = doc.get("vault_id"), doc.get("slots")
        if not isinstance(vault_id, str) or not isinstance(slots, list):
            raise VaultDamaged("keyslots.json is incomplete")
        pw = [s for s in slots if isinstance(s, dict) and s.get("type") == "passphrase"]
        rec = [s for s in slots if isinstance(s, dict) and s.get("type") != "passphrase"]
        if len(pw) != 1 or len(rec) > 1:
            raise VaultDamaged("keyslots.json must hold one passphrase slot")
        recovery = RecoverySlot.from_json(rec[0]) if rec else None
        return cls(vault_id, PassphraseSlot.from_json(pw[0]), recovery)

    def with_passphrase(self, slot: PassphraseSlot) -> KeySlots:
        return KeySlots(self.vault_id, slot, self.recovery)


# --- passphrase slot -------------------------------------------------------------------------


def make_passphrase_slot(
    data_key: bytearray, passphrase: str, vault_id: str, kdf: KdfParams
) -> PassphraseSlot:
    salt = os.urandom(argon2id.SALTBYTES)
    nonce = os.urandom(nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    kek = kdf.derive(passphrase, salt)
    shell = PassphraseSlot(salt, kdf, nonce, b"")
    wrapped = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes(data_key), shell.associated_data(vault_id), nonce, kek
    )
    return PassphraseSlot(salt, kdf, nonce, wrapped)


def open_passphrase_slot(slot: PassphraseSlot, passphrase: str, vault_id: str) -> bytearray:
    """Unwrap the data key; the AEAD tag is the passphrase check (nothing touches vault.db)."""
    kek = slot.kdf.derive(passphrase, slot.salt)
    try:
        key = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            slot.wrapped_key, slot.associated_data(vault_id), slot.nonce, kek
        )
    except nacl.exceptions.CryptoError:
        raise WrongPassphrase() from None
    if len(key) != KEY_BYTES:
        raise VaultDamaged("the unwrapped data key has the wrong length")
    return bytearray(key)


# --- recovery slot ---------------------------------------------------------------------------


def make_recovery_slot(
    data_key: bytearray, recipient: str, fingerprint: str, vault_id: str
) -> RecoverySlot:
    # age has no associated data, so the vault id travels inside the ciphertext and is checked
    # on recovery: a recovery slot pasted from another vault is refused.
    plaintext = _RECOVERY_MAGIC + bytes.fromhex(vault_id) + bytes(data_key)
    ct = pyrage.encrypt(plaintext, [x25519.Recipient.from_str(recipient)])
    return RecoverySlot(recipient, fingerprint, bytes(ct))


def open_recovery_slot(slot: RecoverySlot, age_identity: str, vault_id: str) -> bytearray:
    try:
        ident = x25519.Identity.from_str(age_identity.strip())
        plaintext = pyrage.decrypt(slot.ciphertext, [ident])
    except Exception as exc:  # pyrage raises its own exception types for every failure
        raise RecoveryFailed(type(exc).__name__) from None
    prefix = _RECOVERY_MAGIC + bytes.fromhex(vault_id)
    if len(plaintext) != len(prefix) + KEY_BYTES or not plaintext.startswith(prefix):
        raise RecoveryFailed("the recovery slot belongs to a different vault")
    return bytearray(plaintext[len(prefix) :])


# --- file ------------------------------------------------------------------------------------


def keyslots_path(folder: Path) -> Path:
    return Path(folder) / KEYSLOTS_FILE


def read_keyslots(folder: Path) -> KeySlots:
    """Read and parse keyslots.json: never through a symbolic link, never more than
    MAX_KEYSLOTS_BYTES, never waiting on a FIFO planted under the name. An unreadable file
    is KeyFileUnreadable (not damage: the passphrase was not checked); a link, a non-file or
    an oversized file is VaultDamaged."""
    path = keyslots_path(folder)
    try:
        raw = read_capped(path, MAX_KEYSLOTS_BYTES)
    except FileNotFoundError:
        raise VaultNotFound(f"{path} does not exist") from None
    except NotRegularFile:
        raise VaultDamaged("keyslots.json is not a regular file") from None
    except FileTooLarge:
        raise VaultDamaged(f"keyslots.json is larger than {MAX_KEYSLOTS_BYTES} bytes") from None
    except OSError as exc:
        if os.path.islink(path):
            raise VaultDamaged("keyslots.json is a symbolic link") from None
        raise KeyFileUnreadable(f"keyslots.json: {exc.strerror or type(exc).__name__}") from exc
    return KeySlots.from_bytes(raw)


def write_keyslots(folder: Path, slots: KeySlots) -> None:
    """Atomic replace (design.md §3): the previous version exists only until the rename, never
    after it, because an old slot keeps an old passphrase working. A keyslots.json.bak left by
    an earlier version of the app is removed for the same reason."""
    atomic_write_bytes(keyslots_path(folder), slots.to_bytes(), mode=0o600)
    remove_stale_backup(folder)


def remove_stale_backup(folder: Path) -> None:
    remove_durably(keyslots_path(folder).with_name(KEYSLOTS_FILE + KEYSLOTS_BAK_SUFFIX))


def key_check_value(key: bytearray | bytes, vault_id: str) -> bytes:
    """A non-secret tag that tells two data keys apart (keyed BLAKE2b; the key is random)."""
    return nacl.hash.blake2b(
        b"MSP-KCV-1\x00" + vault_id.encode("ascii"), digest_size=16, key=bytes(key),
        encoder=nacl.encoding.RawEncoder,
    )


# --- an interrupted change of data key (vault rekey) -----------------------------------------
#
# `vault rekey` writes keyslots.rekey.json (this record) before it swaps in the re-encrypted
# database, and removes it only after keyslots.json holds the new slots. It holds the new slots
# (new key under the new passphrase) and the OLD key wrapped under the new key, never the
# reverse: the old passphrase or an old key file must not lead to the new key. So unlock
# through the new passphrase can reach both keys and use the one the database opens with;
# unlock through the old passphrase can only undo a rekey that had not yet swapped the
# database (storage/vault.py, _settle_rekey).

REKEY_FILE = "keyslots.rekey.json"
REKEY_FILE_UNREADABLE = (
    f"The vault's record of an unfinished change of encryption key ({REKEY_FILE}) could not "
    "be read, so the passphrase has not been checked yet. This is usually a permissions or "
    "disk problem, not damage: check that you can open files in the vault folder (and that "
    "the disk is connected), then try again. Do not restore a backup for this."
)


@dataclass(frozen=True)
class PendingRekey:
    new_slots: KeySlots
    old_kcv: bytes
    new_kcv: bytes
    old_under_new: bytes  # nonce (24) + ciphertext

    def to_bytes(self) -> bytes:
        doc = {
            "format": KEYSLOTS_FORMAT,
            "type": "msp-rekey-pending",
            "new_slots": json.loads(self.new_slots.to_bytes()),
            "old_kcv": _b64(self.old_kcv),
            "new_kcv": _b64(self.new_kcv),
            "old_under_new": _b64(self.old_under_new),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> PendingRekey:
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise VaultDamaged(f"{REKEY_FILE} is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("type") != "msp-rekey-pending":
            raise VaultDamaged(f"{REKEY_FILE} has an unknown format")
        slots = KeySlots.from_bytes(json.dumps(doc.get("new_slots")).encode())
        return cls(slots, _unb64(doc.get("old_kcv"), "old_kcv"),
                   _unb64(doc.get("new_kcv"), "new_kcv"),
                   _unb64(doc.get("old_under_new"), "old_under_new"))

    @classmethod
    def make(cls, new_slots: KeySlots, old_key: bytearray, new_key: bytearray) -> PendingRekey:
        vid = new_slots.vault_id
        return cls(new_slots, key_check_value(old_key, vid), key_check_value(new_key, vid),
                   _wrap_key(old_key, new_key, vid, "old-under-new"))

    def keys(self, key: bytearray) -> tuple[bytearray, bytearray | None] | None:
        """(old key, new key) given the new key; (old key, None) given the old one (the new
        key is not reachable from it); None if ``key`` is neither."""
        vid = self.new_slots.vault_id
        kcv = key_check_value(key, vid)
        if kcv == self.new_kcv:
            return _unwrap_key(self.old_under_new, key, vid, "old-under-new"), bytearray(key)
        if kcv == self.old_kcv:
            return bytearray(key), None
        return None


def _wrap_key(key: bytearray, kek: bytearray, vault_id: str, label: str) -> bytes:
    nonce = os.urandom(nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    ad = f"MSP-REKEY-1:{label}:{vault_id}".encode("ascii")
    return nonce + nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes(key), ad, nonce, bytes(kek))


def _unwrap_key(blob: bytes, kek: bytearray, vault_id: str, label: str) -> bytearray:
    ad = f"MSP-REKEY-1:{label}:{vault_id}".encode("ascii")
    try:
        key = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            blob[24:], ad, blob[:24], bytes(kek))
    except nacl.exceptions.CryptoError:
        raise VaultDamaged(f"{REKEY_FILE}: a wrapped key does not open") from None
    if len(key) != KEY_BYTES:
        raise VaultDamaged(f"{REKEY_FILE}: a wrapped key has the wrong length")
    return bytearray(key)


def read_pending_rekey(folder: Path) -> PendingRekey | None:
    """The record of an interrupted rekey, or None. Read like keyslots.json (no link, no
    special file, at most MAX_KEYSLOTS_BYTES): a FIFO under its name must not hang unlock."""
    path = Path(folder) / REKEY_FILE
    try:
        raw = read_capped(path, MAX_KEYSLOTS_BYTES)
    except FileNotFoundError:
        return None
    except UnsafeFile as exc:
        raise VaultDamaged(f"{REKEY_FILE}: {exc}") from None
    except OSError as exc:
        if os.path.islink(path):
            raise VaultDamaged(f"{REKEY_FILE} is a symbolic link") from None
        raise KeyFileUnreadable(
            f"{REKEY_FILE}: {exc.strerror or type(exc).__name__}",
            user_message=REKEY_FILE_UNREADABLE) from exc
    return PendingRekey.from_bytes(raw)


def write_pending_rekey(folder: Path, pending: PendingRekey) -> None:
    atomic_write_bytes(Path(folder) / REKEY_FILE, pending.to_bytes(), mode=0o600)


def remove_pending_rekey(folder: Path) -> None:
    remove_durably(Path(folder) / REKEY_FILE)
