// ringleader/io/output.hpp - writing a file without following links: a new
// file created exclusively next to the target, renamed over it at the end.
#pragma once

#include <string>

namespace ringleader::io {

/// A file being written to `path`, safely: the bytes go to a temporary file
/// created exclusively (O_CREAT | O_EXCL | O_NOFOLLOW) under a unique name in
/// the folder of `path` (".NAME.<random>.tmp"), which commit() flushes to
/// disk (fsync) and renames over `path`.  So a link planted at the temporary
/// name cannot exist (the name is new and unpredictable), a symbolic link at
/// `path` is replaced by the new regular file instead of being followed, and
/// readers never see a half-written file.  Destroyed without commit() (an
/// error while writing), the temporary file is removed.  A device or FIFO
/// at `path` (e.g. /dev/null, /dev/stdout) is written directly; a folder
/// at `path` throws Error.  The new file gets mode 0666 less the umask,
/// as with fopen.  Errors throw ringleader::Error naming `path`.
///
///     OutputFile out(path);
///     ::write(out.fd(), data, size);   // or fdopen(dup(out.fd()), "wb")
///     out.commit();
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// The descriptor to write to (owned: close a dup() of it, not it).
  int fd() const { return fd_; }
  /// Writes all `size` bytes at `data` to fd(); throws Error on failure.
  void write(const void* data, std::size_t size);
  /// fsync, close and rename over the path; throws Error on failure (the
  /// temporary file is then removed).
  void commit();
  /// The temporary file's name ("" when writing a device or FIFO directly).
  const std::string& temporary() const { return tmp_; }

 private:
  [[noreturn]] void fail(const std::string& what, int err);
  std::string path_, tmp_;
  int fd_ = -1;
};

}  // namespace ringleader::io
