// ringleader/io/binary.hpp - the compact binary network format (.rlnet).
//
// Every table of a network exactly as held (ids, types, labels, weights,
// timestamps, amounts, attribute columns with their kinds), versioned and
// checksummed, laid out so that a memory map gives aligned arrays.  Python's
// `net.save(path)` and `rl.load(path)` call these functions: one format, one
// implementation.  Layout (all integers little-endian; version 1):
//
//     offset  size  field
//          0     8  magic "RLNETBIN"
//          8     4  format version (uint32, 1)
//         12     4  byte-order mark 0x01020304 (uint32; reads as 0x04030201
//                   when the file was written with the other byte order)
//         16     8  length T of the section table in bytes (uint64)
//         24     8  length P of the payload in bytes (uint64)
//         32     4  CRC-32 of the section table (zlib's crc32)
//         36     4  CRC-32 of the payload
//         40    24  zero
//         64     T  section table: JSON (below)
//     64 + T'    P  payload (T' = T rounded up to 64, zero-filled): the
//                   sections, each starting at a multiple of 64 bytes of the
//                   payload, zeros up to the next; P is a multiple of 64
//
// The section table is compact JSON in ASCII (other characters escaped as
// \uXXXX, as Python's json.dumps with separators=(",", ":")), keys in this
// order: "directed", "nodes", "edges" (counts), "node_type_names",
// "edge_type_names" (type code i names entry i), "has_labels",
// "node_attrs", "edge_attrs" (lists of {"name", "kind": "number", "time" or
// "string", "section"}), "sections" (list of {"name", "dtype": numpy's dtype
// string, "offset" in the payload, "length" in items}).
//
// Sections, in this order: `node.id` (strings), `node.type` ("<u2" codes),
// `node.label` (strings; only when has_labels), `edge.source`, `edge.target`
// ("<u4" node indices), `edge.type` ("<u2"), `edge.weight` ("<f8"),
// `edge.timestamp` ("<i8" ns since the epoch, UTC; only when the network has
// timestamps), `edge.amount` ("<f8"; only when it has amounts), then the
// attribute columns `node.attr<i>` and `edge.attr<i>` (number "<f8", time
// "<i8", string).  A string column is two sections, `<name>.offsets` ("<u8",
// count + 1 offsets into the data, from 0) and `<name>.data` ("|u1", the
// UTF-8 bytes of the values, concatenated).  18 bytes per edge (26 with
// timestamps, 34 with timestamps and amounts) plus 10 + len(id) per node,
// plus the attribute columns.  The writer is deterministic: one network,
// one sequence of bytes (the same as the Python writer of earlier versions).
//
// Reading checks every field before it uses it, so a file from untrusted
// hands gives an error, never a crash: the header (magic, version, byte
// order), the file's size against the announced lengths (truncated, or bytes
// after the payload), both CRC-32s (the payload's unless verify = false), the
// JSON (nested at most 3 levels, checked before parsing) and every field of
// the table (its type; no key the format does not have), each section's dtype and extent within
// the payload, sections apart from each other and none named by two
// attribute columns (so what is read is bounded by the file's size), every
// listed section read by some table (so none is left unchecked), string
// offsets (non-decreasing, within the data) and UTF-8 (NUL allowed), section
// lengths against the counts, and then the tables as any Network does (type
// codes, vertex indices in range, finite weights, unique non-empty ids).
// Every problem is a ParseError naming the file (line 0) and the problem (a
// missing file: "cannot open file", as the other readers); a path holding a
// NUL character is an InvalidArgument.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct BinaryOptions {
  /// Check the payload's CRC-32 (about 1 s per GB).  The header and section
  /// table are always checked; false suits a file just verified elsewhere.
  bool verify = true;
  /// read_binary: read the file through a read-only memory map (no second
  /// buffer; pages shared through the page cache by the processes of a
  /// machine) instead of reading it into memory first.  The network is a copy
  /// either way and does not depend on the file once read_binary returned.
  bool mmap = true;
};

/// The summary at the start of a file (read_binary_header).
struct BinaryHeader {
  bool directed = false;
  std::uint64_t nodes = 0, edges = 0;
  std::string table;  ///< the section table as stored (JSON)
};

/// Reads a network written by write_binary (or Python's net.save).
Network read_binary(const std::string& path, const BinaryOptions& options = {});

/// Same from the bytes of a file; `name` is used in error messages.
Network read_binary_bytes(std::string_view data, const std::string& name, const BinaryOptions& options = {});

/// The header and section table of a file, reading only the start of it (the
/// payload is neither read nor checked).
BinaryHeader read_binary_header(const std::string& path);

/// The node ids, in vertex order (memory-mapped; reads the id sections only,
/// the payload's checksum is not verified).
std::vector<std::string> read_binary_node_ids(const std::string& path);

/// True when the file exists and starts with the format's magic bytes.
bool has_binary_magic(const std::string& path);

/// Writes `net` to `path` through an OutputFile (io/output.hpp): a
/// temporary file created exclusively under a unique name next to `path`,
/// renamed over it at the end, so that readers never see a half-written
/// file and a symbolic link at `path` is replaced, never followed (the
/// temporary file is removed on failure).  A value that is not valid UTF-8 (the format stores
/// UTF-8 text) or a path holding NUL throws InvalidArgument; a failed write
/// throws ringleader::Error naming the file.
void write_binary(const Network& net, const std::string& path);

/// The bytes write_binary writes.
std::string binary_bytes(const Network& net);

}  // namespace ringleader::io
