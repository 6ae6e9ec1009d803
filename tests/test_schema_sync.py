"""The dataclasses of python/factdiff/_model.py against docs/report.schema.json (generated from the
Rust types): the same objects and field names, label fields as Literals with the same values,
optional fields Optional, lists as tuples. A field added to the report in Rust fails here until
the Python model has it too."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Dict, Set

import pytest

import factdiff
from factdiff import _model

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
DEFS: Dict[str, Any] = SCHEMA["$defs"]
#: Schema objects whose Python class has another name.
RENAMED = {"EntityMention": "Entity"}


def enum_values(definition: Dict[str, Any]) -> Set[str]:
    if "enum" in definition:
        return set(definition["enum"])
    out: Set[str] = set()
    for choice in definition.get("oneOf", []):
        out |= {choice["const"]} if "const" in choice else set(choice.get("enum", []))
    return out


def is_enum(name: str) -> bool:
    d = DEFS[name]
    return d.get("type") == "string" or "oneOf" in d


def target(prop: Dict[str, Any]) -> Dict[str, Any]:
    """The schema of a property with ``null`` taken out: ``{"$ref": …}``, ``{"type": …}``."""
    for key in ("anyOf", "oneOf"):
        if key in prop:
            rest = [p for p in prop[key] if p.get("type") != "null"]
            return rest[0] if len(rest) == 1 else prop
    types = prop.get("type")
    if isinstance(types, list):
        return {**prop, "type": next(t for t in types if t != "null")}
    return prop


def nullable(prop: Dict[str, Any]) -> bool:
    types = prop.get("type")
    return (isinstance(types, list) and "null" in types) or any(
        p.get("type") == "null" for p in prop.get("anyOf", []) + prop.get("oneOf", [])
    )


OBJECTS = sorted(n for n, d in DEFS.items() if d.get("type") == "object")


@pytest.mark.parametrize("name", OBJECTS)
def test_dataclass_matches_schema_object(name: str) -> None:
    cls = getattr(_model, RENAMED.get(name, name))
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen
    schema = DEFS[name]["properties"]
    fields = {f.name for f in dataclasses.fields(cls)}
    extra = {"start", "end"} if "start_byte" in schema else set()
    assert fields == set(schema) | extra, f"{cls.__name__}: Python {sorted(fields)} vs schema {sorted(schema)}"
    hints = typing.get_type_hints(cls)
    for field, prop in schema.items():
        hint = hints[field]
        optional = type(None) in typing.get_args(hint)
        assert optional == nullable(prop), f"{cls.__name__}.{field}: Optional in one, not the other"
        inner = [a for a in typing.get_args(hint) if a is not type(None)][0] if optional else hint
        t = target(prop)
        if "$ref" in t:
            ref = t["$ref"].rsplit("/", 1)[1]
            if is_enum(ref):
                assert typing.get_origin(inner) is typing.Literal, f"{cls.__name__}.{field} should be a Literal"
                assert set(typing.get_args(inner)) == enum_values(DEFS[ref]), f"{cls.__name__}.{field}"
            else:
                assert inner is getattr(_model, RENAMED.get(ref, ref)), f"{cls.__name__}.{field}"
        elif t.get("type") == "array":
            assert typing.get_origin(inner) is tuple, f"{cls.__name__}.{field} should be a tuple"
        elif t.get("type") in ("integer", "number", "string", "boolean"):
            expected = {"integer": int, "number": float, "string": str, "boolean": bool}[t["type"]]
            assert inner is expected, f"{cls.__name__}.{field}: {inner} vs {expected}"


def test_every_enum_has_its_literal() -> None:
    for name in (n for n in DEFS if is_enum(n)):
        alias = getattr(_model, name)
        assert set(typing.get_args(alias)) == enum_values(DEFS[name]), name
        assert getattr(factdiff, name) is alias  # exported for users' annotations
    assert set(_model.FINDING_KINDS) == enum_values(DEFS["FindingKind"])
    assert set(_model.SEVERITIES) == enum_values(DEFS["Severity"])


def test_report_has_every_top_level_section(example_report: factdiff.Report) -> None:
    for name in SCHEMA["properties"]:
        assert hasattr(factdiff.Report, name), name
    assert set(SCHEMA["properties"]) == set(example_report._keys)
