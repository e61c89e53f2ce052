"""Text that goes into a calendar file: cleaned of control characters, and identifiers made safe for UIDs.

RFC 5545 section 3.3.11 lets TEXT carry any character except controls (other than the escaped line break), and
every property or parameter *name* in our output is a constant of this package: user text only ever becomes a
value, cleaned here and escaped by icalendar.
"""

from __future__ import annotations

import re
from typing import Final

from coproduction.calendar.errors import CalendarError

#: C0 and C1 controls, DEL, Unicode line and paragraph separators, and lone surrogates (which cannot be encoded
#: as UTF-8). Each run becomes one space, so "a\nb" stays two words.
_CONTROLS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+")
#: Characters kept as they are in an identifier placed in a UID; everything else is percent-encoded (RFC 3986
#: unreserved characters less "." and "~", which the UID layout uses as separators).
_UID_SAFE: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_ALL_SAFE: Final = re.compile("[A-Za-z0-9_-]*")
_PERCENT: Final = re.compile("%([0-9A-F]{2})")


def clean_text(text: str) -> str:
    """One line of text: control characters replaced by a space, runs collapsed, ends trimmed.

    Idempotent: ``clean_text(clean_text(x)) == clean_text(x)``.
    """
    if text.isprintable():  # no control, separator or surrogate: the common case, without a regex
        return text.strip(" ")
    return _CONTROLS.sub(" ", text).strip(" ")


def quote_id(identifier: str) -> str:
    """Percent-encode an id for a UID or URI (UTF-8, upper-case hex); reversible with :func:`unquote_id`."""
    if _ALL_SAFE.fullmatch(identifier):
        return identifier
    out: list[str] = []
    for ch in identifier:
        if ch in _UID_SAFE:
            out.append(ch)
        else:
            out.extend(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def unquote_id(text: str) -> str:
    """Undo :func:`quote_id`."""
    if "%" not in text:
        return text
    raw = bytearray()
    position = 0
    for match in _PERCENT.finditer(text):
        raw.extend(text[position : match.start()].encode("utf-8"))
        raw.append(int(match.group(1), 16))
        position = match.end()
    raw.extend(text[position:].encode("utf-8"))
    return raw.decode("utf-8", "surrogatepass")


def clean_domain(domain: str) -> str:
    """A UID domain: a host name of letters, digits, dots and hyphens (RFC 5545 3.8.4.7 suggests a domain)."""
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?", domain):
        raise CalendarError(f"{domain!r} is not a domain name; write it like council.example.gov.uk")
    return domain.lower()


_TEXT_ESCAPE: Final = re.compile(r"\\([\\;,nN])")


def unescape_text(value: str) -> str:
    """Decode RFC 5545 TEXT escapes (``\\,`` ``\\;`` ``\\\\`` ``\\n``), for values a parser left raw."""
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
