"""One error tree for the whole package (STYLE.md §4).

    FrontwatchError
    ├── InputError      a bad document, skipped with a reason
    │   ├── DecodeError
    │   ├── UnsupportedFormat
    │   └── DocumentTooLarge
    ├── DataError       an invalid data file: file, entry id, what to fix
    ├── ConfigError     a bad setting or flag
    ├── StoreError      database errors, translated inside ledger/
    │   └── NotFound
    ├── AuthError       API token missing or wrong
    └── RateLimited     too many requests for one token or client (HTTP 429)
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Root of every error Frontwatch raises on purpose."""


class InputError(FrontwatchError):
    """A document that cannot be read; batch work skips it and records the reason."""


class DecodeError(InputError):
    pass


class UnsupportedFormat(InputError):
    pass


class DocumentTooLarge(InputError):
    pass


class DataError(FrontwatchError):
    """A shipped or user data file is invalid."""


class ConfigError(FrontwatchError):
    pass


class StoreError(FrontwatchError):
    pass


class NotFound(StoreError):
    pass


class AuthError(FrontwatchError):
    pass


class RateLimited(FrontwatchError):
    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after
