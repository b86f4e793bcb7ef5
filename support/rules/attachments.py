"""Rules for chat attachments, pure functions over bytes and strings (no ORM, no disk).

The type of a file is decided by its first bytes (its magic number), never by its name or by the
Content-Type the browser sent: only PNG, JPEG, GIF, WebP and PDF are allowed. The name a file is
shown and downloaded under is a display name only: its base name, without path separators or
control characters, length-capped, with the extension of the type its bytes have."""
import re
import unicodedata

MAX_BYTES = 10 * 1024 * 1024  # per file
MAX_PER_MESSAGE = 5
SNIFF_BYTES = 16  # the longest signature below needs 12
MAX_FILENAME = 100

PNG, JPEG, GIF, WEBP, PDF = "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"

# The extension a display name gets for each type; the others listed are kept when already there.
EXTENSIONS = {PNG: (".png",), JPEG: (".jpg", ".jpeg"), GIF: (".gif",), WEBP: (".webp",), PDF: (".pdf",)}
IMAGE_TYPES = frozenset({PNG, JPEG, GIF, WEBP})

# Characters Windows and shells give a meaning to, replaced in display names (the separators are
# gone by then, this keeps a downloaded name valid everywhere).
_RESERVED = re.compile(r'[<>:"/\\|?*]')


def sniff_content_type(head: bytes) -> str | None:
    """The content type of a file from its first bytes, or None when it is not an allowed type
    (HTML, SVG, ZIP, an executable, text, an empty file...)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if len(head) >= 12 and head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def is_image(content_type: str) -> bool:
    return content_type in IMAGE_TYPES


def safe_filename(name: str, content_type: str) -> str:
    """The display name for an upload called ``name`` whose bytes are of ``content_type``: base name
    only, control and formatting characters (e.g. a right-to-left override) removed, reserved
    characters replaced, no leading dots, at most MAX_FILENAME characters, and an extension that
    matches the type ("photo.png" holding a PDF is "photo.pdf")."""
    extensions = EXTENSIONS[content_type]
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(char for char in base if unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
    base = _RESERVED.sub("_", base)
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = " ".join(stem.split()).lstrip(". ")  # collapse whitespace, no hidden or blank names
    extension = f".{extension.lower()}" if dot else ""
    if extension not in extensions:
        extension = extensions[0]
    stem = stem[: MAX_FILENAME - len(extension)].rstrip(". ") or "attachment"
    return f"{stem}{extension}"


def content_disposition_type(content_type: str) -> str:
    """Images are shown inline; anything else (PDF) is downloaded."""
    return "inline" if is_image(content_type) else "attachment"
