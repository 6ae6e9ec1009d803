"""``python -m factdiff`` and the ``factdiff`` console script: the same command line as the Rust
binary (same code, same output, same exit codes)."""

from __future__ import annotations

import sys
from typing import List, Optional

from . import _native


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # The Rust side writes to the process's stdout/stderr directly: flush Python's buffers first.
    sys.stdout.flush()
    sys.stderr.flush()
    return _native.run_cli(["factdiff", *args])


if __name__ == "__main__":
    sys.exit(main())
