"""Step-up re-authentication (reliability.md EXP-1): before a plaintext file leaves the vault,
the worker types the vault passphrase again, and it is checked against the open vault."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from msp_desktop.services.errors import WrongPassphrase
from msp_desktop.services.session import Session

T = TypeVar("T")


def confirm_passphrase(session: Session, passphrase: str) -> None:
    """Raise WrongPassphrase unless `passphrase` opens the open vault (the key derivation
    runs, so this takes as long as an unlock: call it off the GUI thread)."""
    if not passphrase:
        raise WrongPassphrase("no passphrase given")
    session.vault.verify_passphrase(passphrase)


def after_step_up(session: Session, passphrase: str, write: Callable[[Session], T]) -> T:
    """Check the passphrase, then run `write(session)`; a wrong passphrase raises before
    anything is written."""
    confirm_passphrase(session, passphrase)
    return write(session)
