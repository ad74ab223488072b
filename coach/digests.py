"""Python's own SHA-256 and BLAKE2b, without `hashlib`: it loads OpenSSL first.

Loading OpenSSL's library costs 2-3 ms, paid at every start of the window (the pack
cache's fingerprints) and of `coach speak` (the speech cache's keys); these digests are
CPython's built-in modules, the same algorithms and results. `hashlib` answers where a
Python is built without them.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12 and later
    except ImportError:
        from hashlib import sha256

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

__all__ = ["blake2b", "sha256"]
