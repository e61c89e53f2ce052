"""Every report the library writes, in every format: one edge between results and the people and scripts that read
them.

- :mod:`coproduction.reports.checks`: a check run's findings as text (for people), JSON (the output contract, for
  scripts) and Markdown (for board papers).
- :mod:`coproduction.reports.audit`: a diversity audit as text, JSON, Markdown and HTML, all drawn from one
  structure (:func:`coproduction.reports.audit.build_report`), published or internal.
- :mod:`coproduction.reports.board`: a group's co-production report for its board, in plain English or Easy Read,
  as HTML or Markdown.
- :mod:`coproduction.reports.recruitment`: a recruitment round's result as text, JSON or Markdown, internal or
  publishable.

Nothing in the domain (models, checks, policy values, audit arithmetic) imports this package; the import contract in
``tests/test_architecture.py`` fails if it does. Subpackages are imported by name, so importing one format does not
load the others.
"""
