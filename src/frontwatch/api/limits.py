"""Per-key token buckets: each write token (or client address, for unauthenticated analysis) may
make ``per_minute`` requests a minute, in bursts of up to ``per_minute``. In memory: one server
process is the unit; behind several processes, put the limit in the reverse proxy as well."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from frontwatch.errors import RateLimited


class RateLimiter:
    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000):
        self.per_minute = per_minute
        self.rate = per_minute / 60.0  # tokens added per second
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill)
        self._lock = threading.Lock()  # sync routes run on a thread pool

    def hit(self, key: str) -> None:
        """Take one request from ``key``'s bucket, or raise RateLimited with the wait in seconds."""
        if self.per_minute <= 0:
            return  # 0 disables the limit
        now = self.clock()
        with self._lock:
            if len(self._buckets) >= self.max_keys and key not in self._buckets:
                self._buckets.clear()  # bounded memory under a flood of client addresses
            tokens, last = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
                raise RateLimited(f"rate limit of {self.per_minute} requests a minute reached; retry in {wait:.0f} s", wait)
            self._buckets[key] = (tokens - 1.0, now)
