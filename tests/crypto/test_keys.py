import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.crypto.keys import SigningKey, VerifyKey, key_id_for
from parley.errors import InvalidInput, VerificationError

KEY = SigningKey(bytes(range(32)))


def test_key_id_is_derived_from_public_key():
    assert KEY.key_id == key_id_for(KEY.public.raw)
    assert KEY.key_id.startswith("k") and len(KEY.key_id) == 25
    assert SigningKey.generate().key_id != KEY.key_id


@settings(max_examples=60)
@given(st.binary(min_size=1, max_size=200), st.data())
def test_any_flipped_bit_in_message_or_signature_fails(message, data):
    sig = KEY.sign(message)
    KEY.public.verify(message, sig)
    target = data.draw(st.sampled_from(["message", "signature"]))
    blob = bytearray(message if target == "message" else sig)
    i = data.draw(st.integers(0, len(blob) - 1))
    blob[i] ^= 1 << data.draw(st.integers(0, 7))
    with pytest.raises(VerificationError):
        if target == "message":
            KEY.public.verify(bytes(blob), sig)
        else:
            KEY.public.verify(message, bytes(blob))


def test_bad_key_material_is_refused():
    with pytest.raises(InvalidInput):
        VerifyKey(b"short")
    with pytest.raises(InvalidInput):
        VerifyKey.from_b64("not base64!")
    with pytest.raises(VerificationError):
        KEY.public.verify(b"m", b"\x00" * 10)
