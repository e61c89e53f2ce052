"""Tests of the governance checks: one file per code (test_<CODE>.py), the family's contracts, helpers."""
