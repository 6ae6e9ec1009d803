"""The exceptions factdiff raises (the native module raises these same classes).

- ``FactdiffError``: the root; also raised for a failing judge callable and for internal errors.
- ``InputError``: the input cannot be used (empty, duplicate ids, binary or non-UTF-8 file, an
  unknown option). It is also a ``ValueError``.
- Files that do not exist raise Python's own ``FileNotFoundError`` (other I/O errors: ``OSError``
  and its subclasses, such as ``PermissionError``).
"""


class FactdiffError(Exception):
    """Root of the errors factdiff raises."""


class InputError(FactdiffError, ValueError):
    """The input cannot be used; the message says what to change."""


__all__ = ["FactdiffError", "InputError"]
