# Stubs for the Rust extension (crates/factdiff-py); checked by `python -m mypy.stubtest factdiff._native`.
# Data crosses as JSON strings (a report as one JSON string per top-level field, in order, and
# the number of items of each list field); use the `factdiff` package, which wraps them in typed objects.
from typing import Callable, Dict, List, Optional, Sequence, Tuple, final

__all__ = [
    "StopFlag",
    "check_claim",
    "check_report",
    "compare",
    "default_config",
    "extract_claims",
    "load",
    "render_html",
    "run_cli",
]

@final
class StopFlag:
    def __new__(cls) -> StopFlag: ...
    def set(self) -> None: ...
    def is_set(self) -> bool: ...

def compare(
    docs_json: str,
    config_json: str,
    judge: Optional[Callable[[List[Tuple[str, str]]], Sequence[Tuple[float, float, float]]]] = None,
    batch_size: int = 64,
    stop: Optional[StopFlag] = None,
    embed: Optional[Callable[[List[str]], Sequence[Sequence[float]]]] = None,
    embed_batch_size: int = 64,
) -> Tuple[List[Tuple[str, str]], Dict[str, int]]: ...
def check_claim(
    claim: str,
    sources_json: str,
    config_json: str,
    judge: Optional[Callable[[List[Tuple[str, str]]], Sequence[Tuple[float, float, float]]]] = None,
    batch_size: int = 64,
    embed: Optional[Callable[[List[str]], Sequence[Sequence[float]]]] = None,
    embed_batch_size: int = 64,
) -> Tuple[Tuple[List[Tuple[str, str]], Dict[str, int]], str]: ...
def check_report(report_json: str) -> None: ...
def extract_claims(doc_json: str, config_json: str) -> str: ...
def load(
    paths: Sequence[str], max_bytes: int = ..., skip_bad_lines: bool = False
) -> Tuple[str, List[Tuple[str, int, str]]]: ...
def default_config() -> str: ...
def render_html(report_json: str, fragment: bool = True) -> str: ...
def run_cli(argv: Sequence[str]) -> int: ...
