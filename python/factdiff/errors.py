"""The exceptions and warnings factdiff raises (the native module raises these same classes).

- ``FactdiffError``: the root; also raised for a failing judge callable, a text that is not a
  report (``Report.from_json``) and internal errors.
- ``InputError``: the input cannot be used (no documents, duplicate ids, a binary or non-UTF-8
  file, an option out of its range). It is also a ``ValueError``.
- Arguments of the wrong type raise Python's own ``TypeError``; files that do not exist raise
  ``FileNotFoundError`` (other I/O errors: ``OSError`` and its subclasses, such as
  ``PermissionError``).
- ``FactdiffWarning``: something a report's reader should know (only one document, a published
  date that is not a date, a document without claims); a ``UserWarning``.
"""


class FactdiffError(Exception):
    """Root of the errors factdiff raises."""


class InputError(FactdiffError, ValueError):
    """The input cannot be used; the message says what to change."""


class FactdiffWarning(UserWarning):
    """Something the reader of a report should know that is not a finding (``Report.warnings``)."""


__all__ = ["FactdiffError", "FactdiffWarning", "InputError"]
