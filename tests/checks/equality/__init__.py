"""Tests of the equality checks: one file per code (test_<CODE>.py), the family's contracts, helpers."""
