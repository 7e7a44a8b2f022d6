"""The cards key's cipher and the profile key material: values bound to their place, recovery
codes that read back, sealing only the right private key opens."""

from __future__ import annotations

import pytest

from crisisconsole.store import profile_crypto
from crisisconsole.store.card_cipher import (
    CardsKey,
    is_ciphertext,
    new_cards_key,
    new_recovery_code,
    recovery_bytes,
    unwrap_with_recovery,
    wrap_for_recovery,
)
from crisisconsole.store.profile_crypto import CryptoRefused


def test_a_value_opens_only_in_its_own_table_column_and_row():
    key = new_cards_key()
    stored = key.encrypt("card", "name", "row-1", "Jan de Vries")
    assert is_ciphertext(stored) and "Jan" not in stored
    assert key.decrypt("card", "name", "row-1", stored) == "Jan de Vries"
    for place in (("card", "name", "row-2"), ("card", "aliases", "row-1"),
                  ("card_fact", "name", "row-1")):
        with pytest.raises(CryptoRefused):
            key.decrypt(*place, stored)
    with pytest.raises(CryptoRefused):
        new_cards_key().decrypt("card", "name", "row-1", stored)
    with pytest.raises(CryptoRefused):
        key.decrypt("card", "name", "row-1", "Jan de Vries")  # plaintext written around the app


def test_length_is_padded_and_encryption_is_randomised():
    key = new_cards_key()
    short, longer = (key.encrypt("card", "name", "r", n) for n in ("Jan", "Johannes"))
    assert len(short) == len(longer)
    assert key.encrypt("card", "name", "r", "Jan") != short
    assert key.decrypt("card", "year_of_birth", "r",
                       key.encrypt("card", "year_of_birth", "r", 1987)) == "1987"
    assert key.encrypt("card", "name", "r", None) is None
    assert "key=" not in repr(key) and key.key.hex() not in repr(key)


def test_recovery_code_reads_back_however_it_is_typed():
    key = new_cards_key()
    code = new_recovery_code()
    assert len(code.replace("-", "")) == 32
    wrapped = wrap_for_recovery(key, code)
    typed = code.lower().replace("-", " ")
    assert unwrap_with_recovery(wrapped, typed, key.key_id) == key
    other = new_recovery_code()
    with pytest.raises(CryptoRefused):
        unwrap_with_recovery(wrapped, other, key.key_id)
    with pytest.raises(CryptoRefused):
        recovery_bytes("not a code")


def test_secret_record_verifies_and_opens_the_private_key_that_unseals():
    record, private = profile_crypto.new_record("juiste wachtzin", "p1", kdf="scrypt-test")
    keys = profile_crypto.derive("juiste wachtzin", profile_crypto.unb64(record.salt), record.kdf)
    assert profile_crypto.matches(keys, record.verifier)
    wrong = profile_crypto.derive("foute wachtzin", profile_crypto.unb64(record.salt), record.kdf)
    assert not profile_crypto.matches(wrong, record.verifier)
    with pytest.raises(CryptoRefused):
        profile_crypto.open_private(wrong, record, "p1")
    assert profile_crypto.open_private(keys, record, "p1") == private
    with pytest.raises(CryptoRefused):
        profile_crypto.open_private(keys, record, "p2")  # bound to its profile
    sealed = profile_crypto.seal(b"k" * 32, record.public_key, b"ad")
    assert profile_crypto.unseal(sealed, private, b"ad") == b"k" * 32
    with pytest.raises(CryptoRefused):
        profile_crypto.unseal(sealed, private, b"other ad")
    _, stranger = profile_crypto.new_record("andere wachtzin", "p3", kdf="scrypt-test")
    with pytest.raises(CryptoRefused):
        profile_crypto.unseal(sealed, stranger, b"ad")
    # A new secret over the same key pair keeps what was sealed to it.
    again, same = profile_crypto.new_record("nieuwe wachtzin", "p1", private, kdf="scrypt-test")
    assert same == private and again.public_key == record.public_key
    assert CardsKey(b"\0" * 32).key_id != CardsKey(b"\1" * 32).key_id
