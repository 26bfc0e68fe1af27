"""The compact binary network format (``net.save(path)``, ``rl.load(path)``).

Reading and writing are done in C++ (``include/ringleader/io/binary.hpp``,
``src/io/binary.cpp``), so that C++ programs (the MPI example) read the same
files; this module checks what only Python has (node ids that are not
strings) and converts paths.  The GIL is released while a file is read or
written.

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
names live in the section table.  The full description (key order of the
table, what a reader checks) is in ``io/binary.hpp``.

A network takes 4 + 4 + 2 + 8 = 18 bytes per edge (26 with timestamps, 34
with timestamps and amounts) plus 2 + 8 + len(id) bytes per node, plus its
attribute columns.
"""
from __future__ import annotations

import json
import os

from .. import _core
from ..network import core_of, has_id_objects, wrap

MAGIC = b"RLNETBIN"
VERSION = 1
_ALIGN = 64


def _pad(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def _core_of(net):
    """The compiled network of `net`, refused when its ids are not strings."""
    if has_id_objects(net):
        raise ValueError("this network has node ids that are not strings (from networkx); the binary format "
                         "stores string ids: relabel the nodes to strings first, e.g. "
                         "nx.relabel_nodes(G, str), then rl.from_networkx")
    return core_of(net)


def save(net, path) -> None:
    """Writes `net` to `path` in the binary format (see the module doc),
    through a temporary file created exclusively under a unique name in the
    same folder and renamed over `path` at the end (C++
    ``ringleader/io/output.hpp``), so that readers never see a half-written
    file and a symbolic link planted at `path` is replaced, never followed."""
    _core.write_binary(_core_of(net), os.fspath(path))


def dumps(net) -> bytes:
    """The bytes of `net` in the binary format (used to ship a network to
    Dask workers)."""
    return _core.binary_bytes(_core_of(net))


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

    A missing, truncated, corrupt (checksum mismatch), wrong-version or
    foreign file raises :class:`ringleader.ParseError` naming the file and
    the problem.

    >>> net.save("case.rlnet")                 # doctest: +SKIP
    >>> net = rl.load("case.rlnet")            # doctest: +SKIP
    """
    return wrap(_core.read_binary(os.fspath(path), bool(mmap), bool(verify)))


def loads(data, where: str = "<bytes>", verify: bool = True):
    """A network from the bytes of a binary network file (used to ship a
    network to Dask workers); errors name `where`."""
    return wrap(_core.read_binary_bytes(data, where, bool(verify)))


def node_ids(path) -> list:
    """The node ids of a binary network file, in vertex order (memory-mapped;
    reads only the id sections, checksum not verified)."""
    return _core.read_binary_node_ids(os.fspath(path))


def header(path) -> dict:
    """The section table of a binary network file (memory-mapped: reads only
    its start; the header and the file's size are checked as by ``load``):
    ``directed``, ``nodes``, ``edges``, type names, attributes, sections."""
    return json.loads(_core.read_binary_header(os.fspath(path)))
