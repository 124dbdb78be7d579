"""obligraph: audit Vietnamese implementation plans (Kế hoạch) against the
plans and decisions they carry out.

Every function builds a request of obligraph's JSON contract, runs it in the
native module and returns the response as a dict: the same JSON, byte for
byte, as the command line's ``--format json``, the WebAssembly module and the
Rust API (``handle_json`` returns those bytes themselves). A request that
fails raises :class:`ObligraphError`, which names the file, line and column.

>>> import obligraph
>>> r = obligraph.audit("examples/data/seeds/binh-thuan-qd87-2023.txt",
...                     "examples/data/seeds/ngo-quyen-102-2023.txt")
>>> r["coverage"]["ratio"]  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any, Dict, Mapping, Optional, Union

from ._obligraph import SCHEMA_VERSION, TOOL_VERSION, handle_json

__all__ = [
    "ObligraphError",
    "SCHEMA_VERSION",
    "Source",
    "audit",
    "check",
    "document",
    "handle",
    "handle_json",
    "import_document",
]

__version__ = TOOL_VERSION

#: A document: a path (``str`` or ``os.PathLike``), its contents (``bytes``:
#: UTF-8 text, or a Word file whose ``name`` ends in ``.docx``), or a
#: contract document as a dict (``{"name": ..., "text": ...}``).
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, Mapping[str, Any]]


class ObligraphError(Exception):
    """A request obligraph could not carry out.

    ``kind`` is ``request``, ``document``, ``config`` or ``usage``; ``file``,
    ``line`` and ``column`` (1-based) say where, when there is a place
    (``None`` otherwise); ``error`` is the contract's error object whole.
    """

    def __init__(self, error: Mapping[str, Any]) -> None:
        self.error: Dict[str, Any] = dict(error)
        self.kind: str = str(error.get("kind", ""))
        self.message: str = str(error.get("message", ""))
        self.file: Optional[str] = error.get("file")
        self.line: Optional[int] = error.get("line")
        self.column: Optional[int] = error.get("column")
        super().__init__(self.message)


def handle(request: Mapping[str, Any]) -> Dict[str, Any]:
    """Carries out a contract request (a dict with ``op``) and returns the
    response as a dict; raises :class:`ObligraphError` for an error response.
    """
    body = json.dumps(request, ensure_ascii=False).encode("utf-8")
    response = json.loads(handle_json(body))
    if response.get("op") == "error":
        raise ObligraphError(response.get("error", {}))
    return response


def document(source: Source, name: Optional[str] = None, id: Optional[str] = None) -> Dict[str, Any]:
    """The contract's document for ``source``: a path is read (and named by
    its file name), bytes are sent as text when they are UTF-8 and the name
    does not end in ``.docx``, else in base64; a dict is taken as it is.
    ``name`` (its extension says the format) and ``id`` (returned in every
    report) override.
    """
    if isinstance(source, Mapping):
        doc = dict(source)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open(path, "rb") as f:
            data = f.read()
        doc = _from_bytes(data, name or os.path.basename(path))
    elif isinstance(source, (bytes, bytearray, memoryview)):
        doc = _from_bytes(bytes(source), name)
    else:
        raise TypeError(f"a document is a path, bytes or a dict, not {type(source).__name__}")
    if name is not None:
        doc["name"] = name
    if id is not None:
        doc["id"] = id
    return doc


def _from_bytes(data: bytes, name: Optional[str]) -> Dict[str, Any]:
    doc: Dict[str, Any] = {} if name is None else {"name": name}
    if name is None or not name.lower().endswith(".docx"):
        try:
            doc["text"] = data.decode("utf-8")
            return doc
        except UnicodeDecodeError:
            pass  # the importer names the bad byte's line and column
    doc["base64"] = base64.b64encode(data).decode("ascii")
    return doc


def _config(config: Union[None, str, "os.PathLike[str]", Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    if config is None:
        return None
    if isinstance(config, Mapping):
        return dict(config)
    path = os.fspath(config)
    with open(path, encoding="utf-8") as f:
        return {"name": os.path.basename(path), "text": f.read()}


def import_document(source: Source, name: Optional[str] = None, *, id: Optional[str] = None) -> Dict[str, Any]:
    """Imports one document: the response of ``{"op": "import"}`` (``input``,
    ``plan``, ``unattributed``, ``stats``)."""
    return handle({"op": "import", "document": document(source, name, id)})


def audit(
    parent: Source,
    child: Source,
    *,
    config: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
    parent_id: Optional[str] = None,
    child_id: Optional[str] = None,
) -> Dict[str, Any]:
    """Audits ``child`` against ``parent``: the response of ``{"op":
    "audit"}`` (``coverage``, ``parent_obligations``, ``findings``, ...).
    ``config`` is a ``--config`` file's path, or ``{"name", "text"}``."""
    request: Dict[str, Any] = {
        "op": "audit",
        "parent": document(parent, id=parent_id),
        "child": document(child, id=child_id),
    }
    cfg = _config(config)
    if cfg is not None:
        request["config"] = cfg
    return handle(request)


def check(
    *documents: Source,
    config: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
) -> Dict[str, Any]:
    """Runs the rules that need no parent on each document: the response of
    ``{"op": "check"}`` (``reports``, one per document)."""
    request: Dict[str, Any] = {"op": "check", "documents": [document(d) for d in documents]}
    cfg = _config(config)
    if cfg is not None:
        request["config"] = cfg
    return handle(request)
