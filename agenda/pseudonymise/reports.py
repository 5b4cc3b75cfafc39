"""Reading a report's text: clear messages for empty, binary, oversized or non-UTF-8 input."""

from __future__ import annotations

from pathlib import Path

MAX_REPORT_BYTES = 1_000_000


class ReportError(ValueError):
    """A report that cannot be read as text; the message says why in a few words."""


def decode_report(raw: bytes) -> str:
    if len(raw) > MAX_REPORT_BYTES:
        raise ReportError(f"larger than {MAX_REPORT_BYTES} bytes")
    if b"\x00" in raw:
        raise ReportError("not a text file (binary content)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportError(f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise ReportError("empty")
    return text


def read_report(path: str | Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ReportError(f"cannot read ({error.strerror})") from None
    return decode_report(raw)
