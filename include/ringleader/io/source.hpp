// ringleader/io/source.hpp - reading and writing whole files, gzip included.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ringleader::io {

/// Refuses (InvalidArgument) a path holding a NUL byte: the C library would
/// read or write the file named by the part before it.  Every reader and
/// writer calls it first.
void check_path(const std::string& path);

/// Throws ParseError naming the file when `path` is a directory or not a
/// regular file (a FIFO, a device such as /dev/zero, a socket: "is not a
/// regular file (...)"), without opening it (opening a FIFO would wait for
/// a writer).  A path that cannot be stat'ed passes (opening it reports
/// why).  Sets `*size` to the file's size when given.
void check_regular_file(const std::string& path, std::uint64_t* size = nullptr);

/// Reads a whole file; a gzip file (".gz" or the gzip magic bytes) is
/// decompressed transparently.  Only regular files are read
/// (check_regular_file), their contents checked against the memory cap
/// before and, should the file outgrow its size, while reading.  Throws
/// ParseError naming the file when it cannot be opened or decompressed.
std::string read_file(const std::string& path);

/// Writes `data` to `path` (gzip-compressed when the name ends in ".gz")
/// through an OutputFile (io/output.hpp): a temporary file created
/// exclusively next to it, renamed over it, so a symbolic link planted at
/// `path` is replaced, never followed.  Throws ringleader::Error naming the
/// file on failure (and leaves no temporary file behind).
void write_file(const std::string& path, std::string_view data);

/// Checks UTF-8 (no NUL bytes) and strips a leading BOM; throws ParseError
/// with the line and column of the first bad byte.
std::string_view check_text(std::string_view data, const std::string& name);

/// check_text for line-based formats (edge lists, Pajek, DL, XML): a lone CR
/// (classic Mac line ends) is read as a line end; when there is one, the
/// normalised text is kept in `storage`.
std::string_view text_lines(std::string_view data, const std::string& name, std::string& storage);

}  // namespace ringleader::io
