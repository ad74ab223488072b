"""Python's own SHA-256 and BLAKE2b, without `hashlib`: it loads OpenSSL first.

Loading OpenSSL's library costs 2-3 ms, paid at every start of the window (the pack
cache's fingerprints) and of `coach speak` (the speech cache's keys); these digests are
CPython's built-in modules, the same algorithms and results. `hashlib` answers where a
Python is built without them. BLAKE2b's module is loaded by its first digest: `coach
speak` needs only SHA-256, and each of these modules is a shared library to load.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12 and later
    except ImportError:
        from hashlib import sha256

__all__ = ["blake2b_hex", "sha256"]


def blake2b_hex(data: bytes, digest_size: int = 64) -> str:
    """The hex BLAKE2b digest of `data`, `digest_size` bytes long (the pack cache's fingerprints)."""
    try:
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(data, digest_size=digest_size).hexdigest()
