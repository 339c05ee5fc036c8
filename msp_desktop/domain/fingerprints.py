"""Fingerprints a person can read aloud: 80 bits of SHA-256 over a card's public keys, in base32
groups of four (ABCD-EFGH-IJKL-MNOP). Short enough for a phone call, long enough that a forged
card with the same fingerprint is out of reach."""

from __future__ import annotations

import base64
import hashlib


def fingerprint(domain: bytes, *parts: bytes) -> str:
    digest = hashlib.sha256(domain + b"\x00".join(parts)).digest()
    text = base64.b32encode(digest[:10]).decode("ascii")  # 16 characters, no padding
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def device_fingerprint(device_id: str, verify_key_hex: str, age_recipient: str) -> str:
    return fingerprint(
        b"msp-device-card-fingerprint-v1\x00",
        device_id.encode("ascii"), bytes.fromhex(verify_key_hex), age_recipient.encode("ascii"),
    )


def normalise_fingerprint(text: str) -> str:
    """What a person typed or read, as the characters that matter: no spaces or dashes, upper
    case. Base32 has no 0, 1 or 8, so those are read as O, I and B."""
    kept = "".join(ch for ch in text.upper() if ch.isalnum())
    return kept.translate(str.maketrans("018", "OIB"))


def fingerprints_match(given: str, expected: str) -> bool:
    """Whether a typed fingerprint is the expected one (the whole of it)."""
    want = normalise_fingerprint(expected)
    return bool(want) and normalise_fingerprint(given) == want
