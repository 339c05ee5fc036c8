"""Shared test setup. Qt must run offscreen before any QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest


@pytest.fixture(autouse=True)
def _fast_kdf_counts_as_strong(request: pytest.FixtureRequest,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests make vaults with KdfParams.fast() for speed; in-process, those count as meeting
    the minimums (no weak-KDF warning, `vault check` passes), as they do in the e2e wrapper
    (tests/e2e/fast_kdf_cli.py). Tests of the real minimums use @pytest.mark.real_kdf_minimums.
    """
    if request.node.get_closest_marker("real_kdf_minimums"):
        return
    from msp_desktop.storage import keyslots

    fast = keyslots.KdfParams.fast()
    monkeypatch.setattr(keyslots, "MIN_MEMLIMIT", fast.memlimit)
    monkeypatch.setattr(keyslots, "MIN_OPSLIMIT", fast.opslimit)
