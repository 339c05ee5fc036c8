"""The CLI as the e2e tests run it: msp_desktop.cli.main with test-only key derivation.

The shipped command has no fast key-derivation switch (issue 8, must fix 6). The tests need
one, so this wrapper, which lives under tests/ and is never installed, patches the module
before running main:
- always: the KDF minimums are lowered to KdfParams.fast(), so the fast vaults that the tests
  make in-process count as strong enough (no weak-KDF warning, `vault check` passes);
- with MSP_TEST_FAST_KDF=1 (Sandbox.run(fast_kdf=True)): calibration returns
  KdfParams.fast(), and a warning line says so, as the old switch did.
"""

from __future__ import annotations

import os
import sys

from msp_desktop import cli
from msp_desktop.storage import keyslots

FAST_KDF_WARNING = "warning: using fast, insecure key derivation (tests only)"


def _patch() -> None:
    fast = keyslots.KdfParams.fast()
    keyslots.MIN_MEMLIMIT = fast.memlimit
    keyslots.MIN_OPSLIMIT = fast.opslimit
    if os.environ.get("MSP_TEST_FAST_KDF") == "1":
        print(FAST_KDF_WARNING, file=sys.stderr)
        keyslots.KdfParams.calibrate = classmethod(  # type: ignore[method-assign,assignment]
            lambda cls, *args, **kwargs: fast)


if __name__ == "__main__":
    _patch()
    raise SystemExit(cli.main())
