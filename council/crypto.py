"""Encryption at rest of identities, original reports and pseudonym maps.

``COUNCIL_DATA_KEY`` holds one Fernet key, or several separated by commas: the first encrypts,
all decrypt, which lets a key be rotated without downtime.

``seal``/``unseal`` serve short-lived values that must not carry a timestamp (a Fernet token
does, in clear): AES-256-GCM with a random nonce, under a key derived by HKDF from the data key,
a random salt stored beside the values and their purpose (secret ballots, one key per poll).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

#: bytes of a seal's random nonce (AES-GCM's standard 96 bits)
NONCE_BYTES = 12


class DecryptionError(RuntimeError):
    """Stored data cannot be read with the configured keys."""


def configured_keys(config_value: str) -> list[str]:
    """The keys of a ``COUNCIL_DATA_KEY`` value, the encrypting one first."""
    return [key.strip() for key in config_value.split(",") if key.strip()]


def _keyring(config_value: str) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in configured_keys(config_value)])


def keyring() -> MultiFernet:
    return _keyring(current_app.config["COUNCIL_DATA_KEY"])


def encrypt_bytes(data: bytes) -> bytes:
    return keyring().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return keyring().decrypt(token)
    except InvalidToken as error:
        raise DecryptionError("stored data cannot be decrypted with COUNCIL_DATA_KEY") from error


def encrypt_json(value: Any) -> bytes:
    return encrypt_bytes(json.dumps(value, ensure_ascii=False, sort_keys=True).encode())


def decrypt_json(token: bytes) -> Any:
    return json.loads(decrypt_bytes(token))


def rotate(token: bytes) -> bytes:
    """Re-encrypts with the first key (after a new key was put first in COUNCIL_DATA_KEY)."""
    return keyring().rotate(token)


def _derived_ciphers(salt: bytes | None, purpose: str) -> list[AESGCM]:
    """One AES-GCM key per configured data key, derived for ``salt`` and ``purpose``."""
    return [AESGCM(HKDF(algorithm=SHA256(), length=32, salt=salt, info=purpose.encode())
                   .derive(base64.urlsafe_b64decode(key)))
            for key in configured_keys(current_app.config["COUNCIL_DATA_KEY"])]


def seal(data: bytes, *, salt: bytes | None, purpose: str) -> bytes:
    """A randomised encryption of ``data`` (nonce, ciphertext and tag): sealing the same value
    twice gives two unrelated results, of the same length for values of the same length."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _derived_ciphers(salt, purpose)[0].encrypt(nonce, data, purpose.encode())


def unseal(token: bytes, *, salt: bytes | None, purpose: str) -> bytes:
    """The value of ``seal``, under whichever configured key sealed it."""
    nonce, body = token[:NONCE_BYTES], token[NONCE_BYTES:]
    for cipher in _derived_ciphers(salt, purpose):
        try:
            return cipher.decrypt(nonce, body, purpose.encode())
        except InvalidTag:
            continue
    raise DecryptionError("sealed data cannot be decrypted with COUNCIL_DATA_KEY")


def text_digests(text: str, *, purpose: str) -> list[str]:
    """Keyed digests (HMAC-SHA256) of ``text``, one per configured data key, the encrypting
    key's first: a stored digest identifies a text already seen without holding it, and
    without the key nobody can test a guess (a short title, a name) against it."""
    return [hmac.new(HKDF(algorithm=SHA256(), length=32, salt=None, info=purpose.encode())
                     .derive(base64.urlsafe_b64decode(key)), text.encode(), hashlib.sha256)
            .hexdigest()
            for key in configured_keys(current_app.config["COUNCIL_DATA_KEY"])]
