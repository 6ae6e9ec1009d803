"""A user's script with mistakes mypy --strict must catch (tests/test_typing.py); each line that
must fail ends with a comment naming the mistake."""

from __future__ import annotations

import factdiff

factdiff.compare(12345)  # wrong docs type
report: factdiff.Report = factdiff.compare(["a", "b"])
report.filter(kind="contradictoin")  # misspelt kind
report.filter(severity="urgent")  # misspelt severity
for f in report:
    if f.kind == "contradictoin":  # misspelt kind compared
        pass
factdiff.compare(["a", "b"], align_threshold="high")  # wrong option type
report.to_pandas("finding")  # misspelt table
