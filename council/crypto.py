"""Encryption at rest of identities, original reports and pseudonym maps.

``COUNCIL_DATA_KEY`` holds one Fernet key, or several separated by commas: the first encrypts,
all decrypt, which lets a key be rotated without downtime.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app


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
