"""A small exponential backoff after repeated wrong passphrases (ENC-3).

The first `free_attempts` failures cost nothing; after that each failure doubles the wait
before the next try (1 s, 2 s, 4 s … at most `max_seconds`). A right passphrase resets it.
The clock is injectable (monotonic seconds) so tests need not wait.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Clock = Callable[[], float]


class UnlockBackoff:
    """Counts wrong passphrases and says how long to wait before the next attempt."""

    def __init__(
        self, *, clock: Clock = time.monotonic, free_attempts: int = 3, max_seconds: float = 30.0
    ) -> None:
        self._clock = clock
        self._free = free_attempts
        self._max = max_seconds
        self._failures = 0
        self._not_before = 0.0

    @property
    def failures(self) -> int:
        """Return the wrong passphrases since the last success."""
        return self._failures

    def delay_after(self, failures: int) -> float:
        """Return the wait imposed after this many failures."""
        if failures < self._free:
            return 0.0
        return float(min(self._max, 2 ** (failures - self._free)))

    def record_failure(self) -> float:
        """Count a wrong passphrase; return the wait it imposes."""
        self._failures += 1
        delay = self.delay_after(self._failures)
        self._not_before = self._clock() + delay
        return delay

    def record_success(self) -> None:
        """Forget earlier failures."""
        self._failures = 0
        self._not_before = 0.0

    def seconds_to_wait(self) -> int:
        """Return whole seconds until the next attempt is allowed (0: now)."""
        return max(0, math.ceil(self._not_before - self._clock()))
