"""The office's own keys: the recovery identity (kept offline) and the public card that
laptops trust; and answering a laptop's recovery request (on the offline machine)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from msp_desktop.domain.fingerprints import fingerprints_match
from msp_desktop.storage.atomic import atomic_write_bytes
from msp_desktop.storage.clock import Clock
from msp_desktop.storage.errors import RecoveryFileInvalid
from msp_desktop.storage.recovery import RecoveryRequest, answer_request
from msp_desktop.storage.safe_read import read_small_file
from msp_desktop.sync.cards import (
    OfficeKeys,
    generate_office_keys,
    parse_identity,
    read_identity_text,
)

__all__ = ["OfficeKeys", "RecoveryAnswer", "answer_recovery_request", "keygen",
           "read_recovery_request"]


def keygen(outdir: Path, name: str) -> OfficeKeys:
    """Write office-identity.txt (secret, 0600) and office-card.json into outdir."""
    return generate_office_keys(outdir, name)


@dataclass(frozen=True)
class RecoveryAnswer:
    path: Path
    vault_id: str
    request_id: str
    request_code: str
    card_fingerprint: str
    created_at: str  # when the laptop made the request


def read_recovery_request(request_file: Path | str) -> RecoveryRequest:
    return RecoveryRequest.from_bytes(read_small_file(request_file, what="the recovery request"))


def answer_recovery_request(
    identity_file: Path | str, request_file: Path | str, out: Path | str, *,
    expected_code: str | None = None, clock: Clock | None = None,
) -> RecoveryAnswer:
    """Open the request's recovery slot with the office identity and write the reply to
    ``out`` (never overwriting a file). The data key is re-wrapped to the request's one-time
    key in memory; it is never written anywhere in plaintext. ``expected_code``: the request
    code the worker read out; when given and different, nothing is written."""
    request = read_recovery_request(request_file)
    if expected_code is not None and not fingerprints_match(expected_code, request.code):
        raise RecoveryFileInvalid(
            "request code differs",
            user_message=f"The request code the worker read out does not match this request "
            f"(its code is {request.code}). Nothing was written. Ask the worker to send the "
            "request again, and check you have the right file.",
        )
    identity = parse_identity(read_identity_text(identity_file))
    reply = answer_request(request, identity.age_identity, (clock or Clock()).iso_now())
    out = Path(out)
    atomic_write_bytes(out, reply.to_bytes(), mode=0o600, overwrite=False)
    return RecoveryAnswer(out, request.vault_id, request.request_id, request.code,
                          request.card_fingerprint, request.created_at)
