"""Reading a report: clear messages for what cannot be read as text."""

import pytest

from agenda.pseudonymise import MAX_REPORT_BYTES, ReportError, decode_report, read_report


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        ("Café".encode("latin-1"), "not UTF-8 text (byte 3)"),
        (b"PK\x03\x04\x00\x00", "not a text file (binary content)"),
        (b"a" * (MAX_REPORT_BYTES + 1), f"larger than {MAX_REPORT_BYTES} bytes"),
    ],
)
def test_unreadable_reports(raw, message):
    with pytest.raises(ReportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode_report(raw)


def test_utf8_with_a_byte_order_mark():
    assert decode_report("\ufeffMadame Diallo".encode()) == "Madame Diallo"


def test_missing_file(tmp_path):
    with pytest.raises(ReportError, match="cannot read"):
        read_report(tmp_path / "absent.txt")
