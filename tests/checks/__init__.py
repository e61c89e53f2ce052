"""Tests of the built-in checks: tests/checks/<family>/test_<CODE>.py for each code, shared machinery beside them."""
