"""The register's JSON Schema (draft 2020-12), for systems and editors that are not this library.

The schema is generated from the models (:mod:`coproduction.schema.generate`) and shipped with the package as
``register.schema.json``; :func:`shipped_schema` gives its text and ``coproduction schema`` prints or writes it.
A test regenerates it and fails when the shipped copy (or the copy in ``docs/``) is stale. ``docs/schema.md``
explains what it checks, what it cannot, and how to point an editor at it.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

#: The file name of the schema, in this package and in ``docs/``.
SCHEMA_FILE: Final = "register.schema.json"


def shipped_schema() -> str:
    """The text of the schema shipped with the package (JSON, UTF-8, ending in a newline)."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


__all__ = ["SCHEMA_FILE", "shipped_schema"]
