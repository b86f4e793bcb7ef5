"""Attachment rules: the type comes from the first bytes only, and display names are safe."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.attachments import (
    EXTENSIONS,
    GIF,
    JPEG,
    MAX_FILENAME,
    PDF,
    PNG,
    WEBP,
    content_disposition_type,
    safe_filename,
    sniff_content_type,
)

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
GIF_BYTES = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 32
WEBP_BYTES = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.mark.parametrize("head, expected", [
    (PNG_BYTES, PNG), (JPEG_BYTES, JPEG), (GIF_BYTES, GIF), (b"GIF87a" + b"\x00" * 10, GIF), (WEBP_BYTES, WEBP),
    (PDF_BYTES, PDF),
])
def test_allowed_types_are_recognised_by_their_magic_number(head, expected):
    assert sniff_content_type(head) == expected


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html><html><script>alert(1)</script>",
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    b"\xef\xbb\xbf<svg/>",  # BOM first
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20,  # ZIP (also docx, jar, apk)
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 20,  # Windows executable
    b"\x7fELF\x02\x01\x01" + b"\x00" * 20,  # Linux executable
    b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 20,  # RIFF, but audio
    b"RIFF\x24\x00\x00WEBP",  # WEBP at the wrong offset
    b" %PDF-1.7\n",  # not at the start
    b"%PDF",  # cut short
    b"\x89PNG\r\n",  # cut short
    b"GIF8",
    b"\xff\xd8",
    b"plain text, named photo.png",
    b"",
])
def test_anything_else_is_not_allowed(head):
    assert sniff_content_type(head) is None


@pytest.mark.parametrize("name, content_type, expected", [
    ("photo.png", PDF, "photo.pdf"),  # the bytes decide the extension
    ("invoice.pdf", PNG, "invoice.png"),
    ("scan.JPG", JPEG, "scan.jpg"),
    ("scan.jpeg", JPEG, "scan.jpeg"),
    ("parcel", GIF, "parcel.gif"),
    ("report.tar.gz", PDF, "report.tar.pdf"),
    ("../../etc/passwd", PNG, "passwd.png"),
    ("C:\\Users\\ana\\Desktop\\damaged box.webp", WEBP, "damaged box.webp"),
    ("invoice\u202efdp.exe", PDF, "invoicefdp.pdf"),  # right-to-left override removed
    ("a\r\nX-Evil: 1\x00.png", PNG, "aX-Evil_ 1.png"),  # no header injection, no NUL
    ('say "hi" <b>.png', PNG, "say _hi_ _b_.png"),
    ("résumé.pdf", PDF, "résumé.pdf"),
    (".htaccess", PNG, "attachment.png"),
    ("...", PDF, "attachment.pdf"),
    ("   .png", PNG, "attachment.png"),
    ("", GIF, "attachment.gif"),
    (None, PDF, "attachment.pdf"),
])
def test_safe_filename(name, content_type, expected):
    assert safe_filename(name, content_type) == expected


def test_long_names_are_capped_and_keep_their_extension():
    name = safe_filename("x" * 300 + ".pdf", PDF)
    assert len(name) == MAX_FILENAME and name.endswith("x.pdf")


@given(st.text(max_size=400), st.sampled_from(sorted(EXTENSIONS)))
def test_any_name_becomes_a_safe_display_name(name, content_type):
    safe = safe_filename(name, content_type)
    assert 1 < len(safe) <= MAX_FILENAME
    assert not any(char in safe for char in '/\\<>:"|?*')
    assert not any(unicodedata.category(char) in {"Cc", "Cf", "Cs"} for char in safe)
    assert not safe.startswith((".", " "))
    assert any(safe.endswith(extension) and len(safe) > len(extension) for extension in EXTENSIONS[content_type])


def test_images_are_shown_inline_and_pdfs_downloaded():
    assert [content_disposition_type(t) for t in (PNG, JPEG, GIF, WEBP, PDF)] == ["inline"] * 4 + ["attachment"]
