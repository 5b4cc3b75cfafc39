"""Encryption at rest with key rotation."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from flask import Flask

from council import crypto


def test_round_trip(app: Flask) -> None:
    token = crypto.encrypt_json({"last_name": "Diallo"})
    assert b"Diallo" not in token
    assert crypto.decrypt_json(token) == {"last_name": "Diallo"}


def test_rotation_keeps_old_data_readable(app: Flask) -> None:
    old_key = app.config["COUNCIL_DATA_KEY"]
    token = crypto.encrypt_bytes(b"report")
    new_key = Fernet.generate_key().decode()
    app.config["COUNCIL_DATA_KEY"] = f"{new_key},{old_key}"
    try:
        rotated = crypto.rotate(token)
        assert crypto.decrypt_bytes(token) == b"report"
        app.config["COUNCIL_DATA_KEY"] = new_key
        assert crypto.decrypt_bytes(rotated) == b"report"
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt_bytes(token)
    finally:
        app.config["COUNCIL_DATA_KEY"] = old_key
