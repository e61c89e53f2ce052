"""Tests of the built-in checks, one module per family."""
