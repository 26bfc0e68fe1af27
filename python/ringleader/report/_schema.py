"""The layout of report.json: :data:`SCHEMA` (JSON Schema, draft 2020-12
subset) and its version :data:`SCHEMA_VERSION`."""
from __future__ import annotations

__all__ = ["SCHEMA", "SCHEMA_VERSION", "ROLES"]

#: Version of the report.json layout; raised when a field changes meaning or
#: is removed (adding fields keeps it).
SCHEMA_VERSION = 1

#: The roles rl.leaders gives, in the order the schema lists them.
ROLES = ["leader", "broker", "key member", "peripheral"]


def _obj(props: dict, optional=()) -> dict:
    return {"type": "object", "properties": props, "required": [k for k in props if k not in optional],
            "additionalProperties": False}


def _arr(items: dict) -> dict:
    return {"type": "array", "items": items}


def _null(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


_S, _I, _N, _B = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
_MAP_N = {"type": "object", "additionalProperties": _N}
_MAP_I = {"type": "object", "additionalProperties": _I}
_MEMBER = _obj({"id": _S, "label": _null(_S), "rank": _I, "role": {"enum": ROLES}})

#: The layout of report.json.  Ids are strings; ``label`` is null when the
#: node has none; amounts are in the unit of the input; times ISO 8601 UTC.
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ringleader report",
    **_obj({
        "schema_version": {"const": SCHEMA_VERSION},
        "title": _S,
        "ringleader_version": _S,
        "environment": _obj({"python": _S, "numpy": _S, "pandas": _S}),
        "parameters": _obj({
            "seed": _I, "person_type": _null(_S), "threads": _I, "top": _I, "key_players": _I,
            "disruption_steps": _I, "analysis_limit": _I, "max_communities": _I, "leader_weights": _MAP_N,
            "pseudonymized": _B, "pseudonyms": _null({"enum": ["numbered", "keyed"]})}),
        "inputs": _arr(_obj({"role": _S, "file": _null(_S), "bytes": _I, "sha256": {"type": "string",
                                                                                    "pattern": "^[0-9a-f]{64}$"}})),
        "data": _obj({
            "directed": _B, "nodes": _I, "edges": _I,
            "node_types": _arr(_obj({"type": _S, "count": _I, "labelled": _I})),
            "edge_types": _arr(_obj({"type": _S, "count": _I, "first": _null(_S), "last": _null(_S),
                                     "amount": _null(_N)})),
            "persons": _I, "person_links": _I, "projected": _B, "communities": _I, "modularity": _null(_N)}),
        "leaders": _arr(_obj({"id": _S, "label": _null(_S), "rank": _I, "score": _N, "role": {"enum": ROLES},
                              "community": _I, "community_rank": _I, "explanation": _S, "ranks": _MAP_I,
                              "inferred": _B, "identifiers": _arr(_S)}, optional=("inferred", "identifiers"))),
        "communities": _arr(_obj({"community": _I, "size": _I, "conductance": _null(_N),
                                  "key_members": _arr(_MEMBER)})),
        "key_players": _null(_obj({"objective": _S, "k": _I, "scope": _I, "score": _N, "members": _arr(_MEMBER)})),
        "disruption": _null(_obj({"scope": _I, "steps": _I, "strategies": _arr(_obj({
            "strategy": _S, "removed": _arr(_null(_S)), "largest_share": _arr(_N), "efficiency": _arr(_N)}))})),
        "money": _null(_obj({
            "transfers": _I, "amount": _N, "accounts": _I, "origin_accounts": _I, "traced": _null(_N),
            "holders": _arr(_obj({"id": _S, "label": _null(_S), "received": _N, "held": _null(_N)})),
            "paths": _arr(_obj({"account": _S, "held": _N, "amount": _N, "hops": _I, "path": _arr(_S)})),
            "freeze": _null(_obj({"accounts": _arr(_S), "stopped": _N, "total": _N, "remaining": _N}))})),
        "notes": _arr(_S),
        "resolution": _null(_obj({
            "identifiers": _I, "persons": _I, "own_numbers": _I, "attached": _I, "pairs": _I, "refused": _I,
            "merges": _arr(_obj({"a": _S, "b": _S, "type": _S, "person": _null(_S), "score": _null(_N),
                                 "status": _S, "evidence": _MAP_N})),
            "groups": _arr(_obj({"person": _S, "inferred": _B, "chosen": _S, "identifiers": _arr(_S),
                                 "replaced": _arr(_S)}))})),
    }, optional=("resolution",)),
}
