"""Byte-level checks every exported file must pass (RFC 5545 section 3.1)."""

from __future__ import annotations

import re

CONTENT_LINE = re.compile(rb"[A-Z][A-Z0-9-]*[;:]")


def assert_wellformed_bytes(data: bytes) -> None:
    """CRLF line ends only, no line over 75 octets, valid UTF-8, and UNTIL always in UTC."""
    data.decode("utf-8")  # raises on invalid UTF-8
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\r" not in line, line
        assert b"\n" not in line, line
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # a fold never splits a character
    for line in unfold(data):
        assert CONTENT_LINE.match(line), line
        for until in re.findall(rb"UNTIL=([^;:\r\n]+)", line):
            assert until.endswith(b"Z"), line


def unfold(data: bytes) -> list[bytes]:
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").split(b"\r\n")[:-1]


def property_names(data: bytes) -> list[tuple[str, str]]:
    """(component, property name) for each unfolded line, tracking BEGIN/END nesting."""
    stack: list[str] = []
    out = []
    for line in unfold(data):
        name = re.match(rb"[A-Z][A-Z0-9-]*", line)
        assert name is not None, line
        text = name.group(0).decode()
        value = line.split(b":", 1)[1].decode() if b":" in line else ""
        if text == "BEGIN":
            stack.append(value)
        elif text == "END":
            assert stack.pop() == value
        else:
            out.append((stack[-1], text))
    assert stack == []
    return out
