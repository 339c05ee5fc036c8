"""Step-up re-authentication before a plaintext export (reliability.md EXP-1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_desktop.services import step_up
from msp_desktop.services.errors import WrongPassphrase
from msp_desktop.services.session import KdfParams, Session

PASSPHRASE = "step up passphrase words"


@pytest.fixture
def session(tmp_path: Path):
    s = Session.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast(), author="t",
                       device_name="t")
    yield s
    s.close()


def test_the_right_passphrase_runs_the_write(session) -> None:
    calls: list[object] = []
    assert step_up.after_step_up(session, PASSPHRASE, lambda s: calls.append(s) or 7) == 7
    assert calls == [session]


@pytest.mark.parametrize("wrong", ["", "step up passphrase word", PASSPHRASE + " "])
def test_a_wrong_or_empty_passphrase_runs_nothing(session, wrong: str) -> None:
    calls: list[object] = []
    with pytest.raises(WrongPassphrase):
        step_up.after_step_up(session, wrong, calls.append)
    assert calls == []
    with pytest.raises(WrongPassphrase):
        step_up.confirm_passphrase(session, wrong)
