"""The compact binary network format (``net.save(path)``, ``rl.load(path)``).

Layout of a file (all integers little-endian; version 1)::

    offset  size  field
         0     8  magic  b"RLNETBIN"
         8     4  format version (uint32, 1)
        12     4  byte-order mark 0x01020304 (uint32; reads as 0x04030201
                  when the file was written with the other byte order)
        16     8  length of the section table in bytes (uint64)
        24     8  length of the payload in bytes (uint64)
        32     4  CRC-32 of the section table (zlib.crc32)
        36     4  CRC-32 of the payload
        40    24  zero
        64     T  section table: UTF-8 JSON (directed, node and edge counts,
                  type names, attribute names and kinds, and per section its
                  name, numpy dtype, offset in the payload and length)
    64 + T'    P  payload (T' = T rounded up to 64): the sections, each
                  starting at a multiple of 64 bytes (so a memory map gives
                  aligned arrays)

Sections: ``node.type`` (uint16 codes), ``edge.source``/``edge.target``
(uint32 node indices), ``edge.type`` (uint16), ``edge.weight`` (float64),
``edge.timestamp`` (int64 ns, only when the network has timestamps),
``edge.amount`` (float64, only when it has amounts), and attribute columns
(number: float64, time: int64 ns).  Strings (node ids, labels, string
attributes) are two sections, ``<name>.offsets`` (uint64, count + 1) and
``<name>.data`` (the UTF-8 bytes, concatenated).  Type names and attribute
names live in the section table.

A network takes 4 + 4 + 2 + 8 = 18 bytes per edge (26 with timestamps, 34
with timestamps and amounts) plus 2 + 8 + len(id) bytes per node, plus its
attribute columns.
"""
from __future__ import annotations

import io
import json
import mmap as _mmap
import os
import struct
import zlib
from typing import Optional

import numpy as np

from . import _core

MAGIC = b"RLNETBIN"
VERSION = 1
_BOM = 0x01020304
_HEADER = struct.Struct("<8sIIQQII24x")  # 64 bytes
_ALIGN = 64


def _pad(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def _strings(values) -> tuple[np.ndarray, np.ndarray]:
    """UTF-8 offsets (uint64, len + 1) and bytes of a list of str."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.uint64)
    if encoded:
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return offsets, np.frombuffer(b"".join(encoded), dtype=np.uint8)


def _sections(net) -> tuple[dict, list]:
    """The section table (without offsets) and the arrays of `net`."""
    if net._objects is not None:
        raise ValueError("this network has node ids that are not strings (from networkx); the binary format "
                         "stores string ids: relabel the nodes to strings first, e.g. "
                         "nx.relabel_nodes(G, str), then rl.from_networkx")
    core = net._net
    arrays: list = []

    def add(name: str, a) -> None:
        arrays.append((name, np.ascontiguousarray(a)))

    def add_strings(name: str, values) -> None:
        off, data = _strings(values)
        add(name + ".offsets", off)
        add(name + ".data", data)

    add_strings("node.id", core.node_ids())
    add("node.type", np.asarray(core.node_type_codes(), dtype=np.uint16))
    labels = core.labels()
    if labels is not None:
        add_strings("node.label", labels)
    add("edge.source", np.asarray(core.edge_source(), dtype=np.uint32))
    add("edge.target", np.asarray(core.edge_target(), dtype=np.uint32))
    add("edge.type", np.asarray(core.edge_type_codes(), dtype=np.uint16))
    add("edge.weight", np.asarray(core.edge_weight(), dtype=np.float64))
    ts, amount = core.edge_timestamp(), core.edge_amount()
    if ts is not None:
        add("edge.timestamp", np.asarray(ts, dtype=np.int64))
    if amount is not None:
        add("edge.amount", np.asarray(amount, dtype=np.float64))
    attrs = {}
    for side, cols in (("node", core.node_attrs()), ("edge", core.edge_attrs())):
        attrs[side] = []
        for i, (name, kind, values) in enumerate(cols):
            key = f"{side}.attr{i}"
            attrs[side].append({"name": name, "kind": kind, "section": key})
            if kind == "string":
                add_strings(key, values)
            else:
                add(key, np.asarray(values, dtype=np.float64 if kind == "number" else np.int64))
    table = {
        "directed": bool(core.directed),
        "nodes": int(core.number_of_nodes()),
        "edges": int(core.number_of_edges()),
        "node_type_names": list(core.node_type_names()),
        "edge_type_names": list(core.edge_type_names()),
        "has_labels": labels is not None,
        "node_attrs": attrs["node"],
        "edge_attrs": attrs["edge"],
    }
    return table, arrays


def _write(net, f) -> None:
    """Writes `net` in the binary format to the binary file object `f`."""
    table, arrays = _sections(net)
    sections, offset = [], 0
    for name, a in arrays:
        sections.append({"name": name, "dtype": a.dtype.str, "offset": offset, "length": int(a.size)})
        offset = _pad(offset + a.nbytes)
    table["sections"] = sections
    table_bytes = json.dumps(table, separators=(",", ":")).encode("utf-8")

    def pieces():  # the payload: each section, then zeros up to the next multiple of 64
        for (_, a), s in zip(arrays, sections):
            end = s["offset"] + a.nbytes
            yield memoryview(a).cast("B")
            yield b"\0" * (_pad(end) - end)

    crc = 0
    for p in pieces():
        crc = zlib.crc32(p, crc)
    f.write(_HEADER.pack(MAGIC, VERSION, _BOM, len(table_bytes), offset, zlib.crc32(table_bytes), crc))
    f.write(table_bytes)
    f.write(b"\0" * (_pad(len(table_bytes)) - len(table_bytes)))
    for p in pieces():
        f.write(p)


def save(net, path) -> None:
    """Writes `net` to `path` in the binary format (see the module doc),
    through a temporary file renamed at the end, so that readers never see
    a half-written file."""
    path = os.fspath(path)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        _write(net, f)
    os.replace(tmp, path)


def dumps(net) -> bytes:
    """The bytes of `net` in the binary format (used to ship a network to
    Dask workers)."""
    buf = io.BytesIO()
    _write(net, buf)
    return buf.getvalue()


def _error(where: str, problem: str):
    err = _core.ParseError(f"{where}: {problem}")
    err.file, err.line, err.column, err.message = where, 0, 0, problem
    return err


class _File:
    """The validated header, section table and payload of a binary network."""

    def __init__(self, buf, where: str, verify: bool = True):
        self.where = where
        size = len(buf)
        if size < _HEADER.size:
            if size >= 8 and bytes(buf[:8]) != MAGIC:
                raise _error(where, "not a ringleader binary network (wrong magic bytes)")
            raise _error(where, f"truncated: {size} bytes, shorter than the {_HEADER.size}-byte header")
        magic, version, bom, tlen, plen, tcrc, pcrc = _HEADER.unpack_from(buf, 0)
        if magic != MAGIC:
            raise _error(where, "not a ringleader binary network (wrong magic bytes); "
                                "write one with net.save(path)")
        if bom != _BOM:
            raise _error(where, "written with another byte order (big-endian machine); this reader reads "
                                "little-endian files: save it again on this machine from its source data")
        if version != VERSION:
            raise _error(where, f"format version {version}, but this ringleader reads version {VERSION}: "
                                "use the ringleader version that wrote it, or save the network again")
        start = _HEADER.size + _pad(tlen)
        if size < start + plen:
            raise _error(where, f"truncated: {size} bytes, the header announces {start + plen}")
        if size > start + plen:
            raise _error(where, f"{size - start - plen} unexpected bytes after the payload (corrupt file)")
        table_bytes = bytes(buf[_HEADER.size:_HEADER.size + tlen])
        if zlib.crc32(table_bytes) != tcrc:
            raise _error(where, "corrupt: the section table's checksum does not match")
        if verify and zlib.crc32(buf[start:start + plen]) != pcrc:
            raise _error(where, "corrupt: the payload's checksum does not match (the file was changed or "
                                "damaged after it was written)")
        self.table = json.loads(table_bytes.decode("utf-8"))
        self.payload = buf[start:start + plen]
        self.sections = {s["name"]: s for s in self.table["sections"]}

    def array(self, name: str) -> np.ndarray:
        s = self.sections.get(name)
        if s is None:
            raise _error(self.where, f"corrupt: section '{name}' is missing")
        dtype = np.dtype(s["dtype"])
        end = s["offset"] + s["length"] * dtype.itemsize
        if s["offset"] < 0 or end > len(self.payload):
            raise _error(self.where, f"corrupt: section '{name}' lies outside the payload")
        return np.frombuffer(self.payload, dtype=dtype, count=s["length"], offset=s["offset"])

    def strings(self, name: str, count: int) -> list:
        off = self.array(name + ".offsets")
        data = self.array(name + ".data")
        if len(off) != count + 1 or (count and (np.any(np.diff(off.astype(np.int64)) < 0) or off[-1] > len(data))):
            raise _error(self.where, f"corrupt: string section '{name}' has bad offsets")
        raw = data.tobytes()
        o = off.tolist()
        try:
            return [raw[o[i]:o[i + 1]].decode("utf-8") for i in range(count)]
        except UnicodeDecodeError:
            raise _error(self.where, f"corrupt: string section '{name}' is not valid UTF-8") from None


def _network(f: _File):
    from .network import Network

    t = f.table
    n, m = int(t["nodes"]), int(t["edges"])
    ids = f.strings("node.id", n)
    labels = f.strings("node.label", n) if t["has_labels"] else None

    def columns(specs, count):
        out = []
        for c in specs:
            values = f.strings(c["section"], count) if c["kind"] == "string" else f.array(c["section"])
            out.append((c["name"], c["kind"], values))
        return out

    ts = f.array("edge.timestamp") if "edge.timestamp" in f.sections else None
    amount = f.array("edge.amount") if "edge.amount" in f.sections else None
    try:
        core = _core.from_arrays(bool(t["directed"]), ids, f.array("node.type"), t["node_type_names"], labels,
                                 columns(t["node_attrs"], n), f.array("edge.source"), f.array("edge.target"),
                                 f.array("edge.type"), t["edge_type_names"], f.array("edge.weight"), ts, amount,
                                 columns(t["edge_attrs"], m))
    except _core.InvalidArgumentError as e:  # the checksum matched, but the content is not a network
        raise _error(f.where, f"corrupt: {e}") from None
    if core.number_of_nodes() != n or core.number_of_edges() != m:
        raise _error(f.where, "corrupt: node or edge counts disagree with the section table")
    return Network._wrap(core)


def load(path, mmap: bool = True, verify: bool = True):
    """Opens a network written by :meth:`Network.save`.

    ``mmap=True`` (default) reads the file through a read-only memory map:
    the arrays are taken from the operating system's page cache, which
    worker processes on one machine share, and the file is never read into a
    second buffer; ``mmap=False`` reads it into memory first (peak memory:
    twice the file).  Either way the tables are copied once into the
    network, which is immutable like every :class:`Network` (its views
    return new networks) and does not depend on the file afterwards: you may
    overwrite or delete the file once ``load`` returned, but not while it
    runs.  To change a loaded network, derive a new one (``subgraph``,
    ``collapse``, ``to_pandas`` then ``from_pandas``) and save that.

    ``verify=True`` checks the CRC-32 of the payload (about 1 s per GB);
    ``verify=False`` checks only the header and section table (use it for a
    file just verified, e.g. by each worker of a cluster after the client).

    A truncated, corrupt (checksum mismatch), wrong-version or foreign file
    raises :class:`ringleader.ParseError` naming the file and the problem.

    >>> net.save("case.rlnet")                 # doctest: +SKIP
    >>> net = rl.load("case.rlnet")            # doctest: +SKIP
    """
    where = os.fspath(path)
    with open(where, "rb") as fh:
        if mmap:
            if os.fstat(fh.fileno()).st_size == 0:
                raise _error(where, "truncated: the file is empty")
            # closed when the last array taken from it is garbage collected
            mm = _mmap.mmap(fh.fileno(), 0, access=_mmap.ACCESS_READ)
            return _network(_File(memoryview(mm), where, verify))
        return _network(_File(memoryview(fh.read()), where, verify))


def loads(data, where: str = "<bytes>", verify: bool = True):
    """A network from the bytes of a binary network file (used to ship a
    network to Dask workers); errors name `where`."""
    return _network(_File(memoryview(data), where, verify))


def node_ids(path) -> list:
    """The node ids of a binary network file, in vertex order (memory-mapped;
    reads only the id sections, checksum not verified)."""
    where = os.fspath(path)
    with open(where, "rb") as fh:
        mm = _mmap.mmap(fh.fileno(), 0, access=_mmap.ACCESS_READ)
    f = _File(memoryview(mm), where, verify=False)
    return f.strings("node.id", int(f.table["nodes"]))


def header(path) -> dict:
    """The section table of a binary network file (reads only its start):
    ``directed``, ``nodes``, ``edges``, type names, attributes, sections."""
    where = os.fspath(path)
    with open(where, "rb") as fh:
        head = fh.read(_HEADER.size)
        if len(head) < _HEADER.size:
            raise _error(where, f"truncated: {len(head)} bytes, shorter than the {_HEADER.size}-byte header")
        magic, version, bom, tlen, _, tcrc, _ = _HEADER.unpack(head)
        if magic != MAGIC or bom != _BOM or version != VERSION:
            raise _error(where, "not a ringleader binary network of this version (read it with rl.load for "
                                "the exact problem)")
        table_bytes = fh.read(tlen)
    if len(table_bytes) != tlen or zlib.crc32(table_bytes) != tcrc:
        raise _error(where, "corrupt or truncated section table")
    return json.loads(table_bytes.decode("utf-8"))
