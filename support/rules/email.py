"""The email channel's rules, over plain values (no ORM): who gets an agent's message by email, the
reply address of a conversation, the shopper's own words in an inbound reply, and which inbound
mail is an automatic answer (an out-of-office) that must not become a message."""
import re

EMAIL_CHANNEL = "email"
EMAILED_KINDS = {"agent"}  # on the email channel, bot answers go out too
EMAILED_KINDS_ON_EMAIL_CHANNEL = {"agent", "bot"}  # internal notes, system lines: never

REPLY_PREFIX = "reply+"
TOKEN_PATTERN = re.compile(r"^[a-z0-9]{16,32}$")

# "On Mon, 3 Aug 2026 at 10:02, Shop <...> wrote:" and its common translations (cross-border shops).
_ATTRIBUTION_END = re.compile(
    r"\b(wrote|writes|a écrit|schrieb|escribió|escreveu|ha scritto|schreef|skrev|kirjoitti|napisał|yazdı)\b.*:\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^(on|le|am|el|em|il|op|den|på|w|dne)\s", re.IGNORECASE)
_SEPARATORS = (
    re.compile(r"^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original)\s*-{2,}",
               re.IGNORECASE),
    re.compile(r"^-{2,}\s*forwarded message\s*-{2,}", re.IGNORECASE),
    re.compile(r"^_{10,}\s*$"),  # Outlook's rule above the quoted headers
    re.compile(r"^-- $"),  # RFC 3676 signature separator
)
_HEADER_BLOCK_FROM = re.compile(r"^(from|de|von|van|da|från)\s*:\s*\S", re.IGNORECASE)
_HEADER_BLOCK_NEXT = re.compile(r"^(sent|date|to|subject|envoyé|gesendet|enviado|inviato|verzonden|skickat)\s*:",
                                re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def can_email(*, channel: str, kind: str, customer_email: str, customer_redacted: bool) -> bool:
    """A message may go out by email at all: an agent's reply (or, on the email channel, a bot's
    answer) to a shopper with an address who has not been redacted."""
    kinds = EMAILED_KINDS_ON_EMAIL_CHANNEL if channel == EMAIL_CHANNEL else EMAILED_KINDS
    return kind in kinds and bool(customer_email) and not customer_redacted


def should_email(*, channel: str, kind: str, shopper_online: bool, customer_email: str,
                 customer_redacted: bool) -> bool:
    """Email channel: always. Chat: only when the shopper has no widget open to read it there."""
    if not can_email(channel=channel, kind=kind, customer_email=customer_email, customer_redacted=customer_redacted):
        return False
    return channel == EMAIL_CHANNEL or not shopper_online


def reply_address(token: str, domain: str) -> str:
    return f"{REPLY_PREFIX}{token}@{domain}"


def reply_token(address: str, domain: str) -> str | None:
    """The token of a ``reply+<token>@<domain>`` address, or None for any other address."""
    local, at, address_domain = (address or "").strip().lower().rpartition("@")
    if not at or address_domain != domain.lower() or not local.startswith(REPLY_PREFIX):
        return None
    token = local.removeprefix(REPLY_PREFIX)
    return token if TOKEN_PATTERN.match(token) else None


def message_ids(header_value: str | None) -> list[str]:
    """The ``<id@host>`` items of a Message-ID, In-Reply-To or References header, in order."""
    return _MESSAGE_ID.findall(header_value or "")


def is_automatic(headers: dict[str, str]) -> bool:
    """An out-of-office, a bounce or a list mailing (RFC 3834 and the usual vendor headers)."""
    lowered = {name.lower(): (value or "").strip().lower() for name, value in headers.items()}
    if lowered.get("auto-submitted", "no") not in ("", "no"):
        return True
    if lowered.get("precedence") in ("bulk", "junk", "list", "auto_reply"):
        return True
    return "x-autoreply" in lowered or "x-autorespond" in lowered


def strip_quoted(text: str) -> str:
    """The shopper's own words of a plain-text reply: no quoted lines (``>``), nothing from the
    "On ... wrote:" line or a client's separator (Outlook's header block, "Original Message", a
    signature) on. A reply written below the quote keeps its text."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    attributions = _attribution_lines(lines)
    cut = min([*attributions, _separator_index(lines)])
    kept = _tidy([line for line in lines[:cut] if not _quoted(line)])
    if kept or cut == len(lines):
        return kept
    # Nothing above the quote: the shopper answered below it (bottom-posting).
    below = [line for index, line in enumerate(lines) if not _quoted(line) and index not in attributions]
    return _tidy(below[:_separator_index(below)])


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _separator_index(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if any(pattern.match(line) for pattern in _SEPARATORS):
            return index
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if _HEADER_BLOCK_FROM.match(line.strip()) and _HEADER_BLOCK_NEXT.match(following):
            return index
    return len(lines)


def _attribution_lines(lines: list[str]) -> set[int]:
    """Indexes of "On ... wrote:" lines (both halves when the client wrapped it over two lines)."""
    found = set()
    for index, line in enumerate(lines):
        if not _ATTRIBUTION_START.match(line.strip()) or _quoted(line):
            continue
        if _ATTRIBUTION_END.search(line.strip()):
            found.add(index)
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if following and not _quoted(following) and len(following) < 80 and _ATTRIBUTION_END.search(following):
            found |= {index, index + 1}
    return found


def _tidy(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()
