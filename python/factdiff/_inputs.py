"""What ``compare`` accepts, checked and turned into JSON for the native side.

Every check raises the exception a Python user expects, naming the argument and the bad value:
``TypeError`` for a wrong type (an option given a str, a document id that is an int),
``InputError`` (a ``ValueError``) for a wrong value (an option out of its range, duplicate ids, a
text with a lone surrogate, a DataFrame that holds several stories). Nothing here speaks of
files, the command line or JSON positions.
"""

from __future__ import annotations

import difflib
import json
import math
from functools import lru_cache
from typing import Any, Dict, Hashable, Iterable, List, Mapping, Optional, Protocol, Sequence, Tuple, Union, cast

from . import _native
from ._model import Document
from .errors import InputError


class DataFrameLike(Protocol):
    """A pandas or polars DataFrame: anything with ``columns``."""

    @property
    def columns(self) -> Any: ...


#: What ``compare`` takes: texts, a dict id → text, Documents, or a DataFrame with a text column.
Docs = Union[Iterable[Union[str, Document]], Mapping[str, str], DataFrameLike]

_DOCS_TYPES = "a list of texts, a dict id → text, a list of Document or a DataFrame"


@lru_cache(maxsize=None)
def default_options() -> Dict[str, Any]:
    """The options and their defaults, from the Rust ``Config``."""
    return dict(json.loads(_native.default_config()))


def config_json(options: Mapping[str, Any], function: str) -> str:
    """The options as the JSON of a Rust ``Config``: unknown names and wrong types raise
    ``TypeError``, values that are not finite ``InputError``; ranges are checked by the core."""
    known = default_options()
    for name, value in options.items():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(
                f"{function}() got an unexpected keyword argument {name!r}{hint}; options: {', '.join(known)}"
            )
        whole = isinstance(known[name], int)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
            expected = "an int" if whole else "a number"
            raise TypeError(f"option {name} must be {expected}, not {type(value).__name__} ({value!r:.60})")
        if not math.isfinite(value):
            raise InputError(f"option {name} must be a finite number, not {value}")
        if whole and value < 0:
            raise InputError(f"option {name} must be at least 1, not {value}")
    return json.dumps({**known, **options})


def text_of(value: object, what: str) -> str:
    """``value`` when it is a str; else ``TypeError`` naming ``what``."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__} ({value!r:.60})")
    return value


def to_documents(docs: object, function: str = "compare") -> List[Document]:
    """Normalise the inputs ``compare`` accepts to a list of ``Document``, checked."""
    if isinstance(docs, (str, bytes)):
        raise TypeError(f"{function}() docs must be {_DOCS_TYPES}, not one {type(docs).__name__}")
    if isinstance(docs, Mapping):
        out = []
        for k, v in docs.items():
            if not isinstance(k, str):
                raise TypeError(f"{function}() docs keys must be str document ids, not {type(k).__name__} ({k!r:.60})")
            out.append(Document(k, text_of(v, f"{function}() docs[{k!r}]")))
    elif hasattr(docs, "columns"):
        out = frame_documents(docs, function)
    elif isinstance(docs, Iterable):
        out = []
        for i, d in enumerate(docs):
            if isinstance(d, Document):
                out.append(d)
            elif isinstance(d, str):
                out.append(Document(f"doc{i}", d))
            else:
                raise TypeError(f"{function}() docs[{i}] must be a str or a Document, not {type(d).__name__} ({d!r:.60})")
    else:
        raise TypeError(f"{function}() docs must be {_DOCS_TYPES}, not {type(docs).__name__} ({docs!r:.60})")
    check_documents(out, function)
    return out


def check_documents(docs: Sequence[Document], function: str) -> None:
    """No documents, duplicate ids and texts that cannot be UTF-8 raise ``InputError``."""
    if not docs:
        raise InputError(f"{function}() needs at least one document; docs is empty")
    seen = set()
    for d in docs:
        if d.id in seen:
            raise InputError(f"{function}() docs has two documents with id {d.id!r}; ids must be unique")
        seen.add(d.id)
        if not d.text.isascii():
            try:
                d.text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise InputError(
                    f"document {d.id!r} has a lone surrogate ({d.text[e.start]!r}) at character {e.start}, which is not "
                    "text; decode the source with errors='replace' or remove it"
                ) from None


def frame_rows(frame: Any) -> List[Dict[str, Any]]:
    """The rows of a pandas or polars DataFrame as dicts."""
    return list(frame.to_dicts()) if hasattr(frame, "to_dicts") else list(frame.to_dict("records"))


def frame_documents(frame: Any, function: str, rows: Optional[List[Dict[str, Any]]] = None) -> List[Document]:
    """Rows of a pandas or polars DataFrame with a ``text`` column (``rows``: some of them)."""
    columns = [str(c) for c in frame.columns]
    if "text" not in columns:
        raise InputError(f"{function}() docs DataFrame needs a 'text' column (it has: {', '.join(columns)})")
    if rows is None:
        rows = frame_rows(frame)
        if "story" in columns:
            stories = list(dict.fromkeys(_key(r.get("story")) for r in rows))
            if len(stories) > 1:
                shown = ", ".join(repr(s) for s in stories[:3]) + (", …" if len(stories) > 3 else "")
                raise InputError(
                    f"{function}() docs has a 'story' column with {len(stories)} stories ({shown}); compare() compares "
                    "one story: pass group_by='story' for one report per story, or drop the column"
                )
    out = []
    for i, row in enumerate(rows):
        name = cell(row.get("id"))
        out.append(
            Document(
                name if name is not None else f"doc{i}",
                text_of(row["text"], f"docs row {i} text"),
                title=cell(row.get("title")),
                source=cell(row.get("source")),
                published=cell(row.get("published")),
                url=cell(row.get("url")),
            )
        )
    return out


def group_rows(frame: Any, column: str, function: str) -> List[Tuple[Hashable, List[Dict[str, Any]]]]:
    """A DataFrame's rows grouped by ``column``, stories in the order they first appear."""
    if not isinstance(column, str):
        raise TypeError(f"{function}() group_by must be a column name (str), not {type(column).__name__}")
    columns = [str(c) for c in frame.columns]
    if column not in columns:
        raise InputError(f"{function}() group_by={column!r} is not a column of docs (it has: {', '.join(columns)})")
    groups: Dict[Hashable, List[Dict[str, Any]]] = {}
    for row in frame_rows(frame):
        groups.setdefault(_key(row.get(column)), []).append(row)
    return list(groups.items())


def _key(value: Any) -> Hashable:
    """A story key: numpy scalars as Python ones."""
    item = getattr(value, "item", None)
    return cast(Hashable, item() if callable(item) and not isinstance(value, (str, bytes)) else value)


def cell(value: Any) -> Optional[str]:
    """A DataFrame cell as text; missing values (None, NaN, NaT) become None, dates YYYY-MM-DD."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("NaT", "nan"):
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)


def doc_dict(d: Document) -> Dict[str, Any]:
    """A document as the JSON object the native side reads."""
    out: Dict[str, Any] = {
        "id": d.id,
        "text": d.text,
        "title": d.title,
        "source": d.source,
        "published": d.published,
        "url": d.url,
    }
    if d.set_aside:
        out["set_aside"] = [{"start_byte": a.start_byte, "end_byte": a.end_byte, "reason": a.reason} for a in d.set_aside]
    return out


def docs_json(docs: Sequence[Document]) -> str:
    """Documents as the JSON list the native side reads."""
    return json.dumps([doc_dict(d) for d in docs])
