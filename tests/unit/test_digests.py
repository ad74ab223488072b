"""coach.digests: the same digests as hashlib's, without loading OpenSSL."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from coach import digests


@given(st.binary(max_size=4096))
def test_the_digests_are_hashlibs(data: bytes) -> None:
    assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digests.blake2b_hex(data) == hashlib.blake2b(data).hexdigest()
    assert digests.blake2b_hex(data, digest_size=16) == hashlib.blake2b(data, digest_size=16).hexdigest()
