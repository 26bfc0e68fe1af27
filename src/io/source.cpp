// Whole-file reading and writing, gzip included (zlib).
#include "ringleader/io/source.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/text.hpp"
#include "ringleader/io/output.hpp"

namespace ringleader::io {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
  std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

std::string gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw ParseError(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
  std::unique_ptr<gzFile_s, int (*)(gzFile)> guard(f, gzclose);
  gzbuffer(f, 1 << 17);
  std::string out;
  std::size_t chunk = 1 << 20;
  for (;;) {
    std::size_t old = out.size();
    // the decompressed size is unknown up front: check each growth against the memory cap
    memory::reserve_check(memory::add(old, chunk), path + ": the decompressed file");
    out.resize(old + chunk);
    int got = gzread(f, &out[old], unsigned(chunk));
    if (got < 0) {
      int err = 0;
      const char* msg = gzerror(f, &err);
      throw ParseError(path, 0, 0, std::string("cannot decompress gzip data: ") + msg);
    }
    out.resize(old + std::size_t(got));
    if (got == 0) break;
    if (chunk < (std::size_t(1) << 26)) chunk *= 2;
  }
  int err = 0;
  gzerror(f, &err);
  if (err != Z_OK && err != Z_STREAM_END)
    throw ParseError(path, 0, 0, "truncated or corrupt gzip file");
  return out;
}

std::string read_whole(const std::string& path, std::uint64_t size) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw ParseError(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> guard(f, std::fclose);
  unsigned char magic[2] = {0, 0};
  std::size_t got = std::fread(magic, 1, 2, f);
  if (ends_with(path, ".gz") || (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)) {
    guard.reset();
    return gunzip(path);
  }
  std::string out;
  if (size > 0) {
    memory::reserve_check(size, path + ": the file's contents");
    out.reserve(std::size_t(size));
  }
  std::rewind(f);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    // a file longer than its size said (growing, or /proc's size 0) is checked as it grows
    if (out.size() + n > size) memory::reserve_check(memory::add(out.size(), n), path + ": the file's contents");
    out.append(buf, n);
  }
  if (std::ferror(f)) throw ParseError(path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));
  return out;
}

}  // namespace

void check_path(const std::string& path) {
  if (path.find('\0') == std::string::npos) return;
  std::string shown;
  for (char c : path) shown += c == '\0' ? std::string("\\0") : std::string(1, c);
  throw InvalidArgument("a file name cannot hold a NUL character (embedded null byte): '" + shown + "'");
}

const char* file_kind(unsigned mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

void check_regular_file(const std::string& path, std::uint64_t* size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;  // opening it reports why
  if (S_ISDIR(st.st_mode))
    throw ParseError(path, 0, 0, "is a directory, not a file: give the path of the file to read");
  if (!S_ISREG(st.st_mode))
    throw ParseError(path, 0, 0, std::string("is not a regular file (") + file_kind(st.st_mode) +
                                     "): its size is unknown and it may never end, so it is not read; copy the "
                                     "data into a file and give that file's path");
  if (size) *size = st.st_size > 0 ? std::uint64_t(st.st_size) : 0;
}

std::string read_file(const std::string& path) {
  check_path(path);
  std::uint64_t size = 0;
  check_regular_file(path, &size);
  try {
    return read_whole(path, size);
  } catch (const std::bad_alloc&) {
    throw ParseError(path, 0, 0, "not enough memory to read the file");
  } catch (const std::length_error&) {
    throw ParseError(path, 0, 0, "the file is too large to read");
  }
}

void write_file(const std::string& path, std::string_view data) {
  OutputFile out(path);
  if (!ends_with(path, ".gz")) {
    out.write(data.data(), data.size());
    out.commit();
    return;
  }
  const int fd = ::dup(out.fd());
  gzFile f = fd < 0 ? nullptr : gzdopen(fd, "wb");
  if (!f) {
    if (fd >= 0) ::close(fd);
    throw Error(path + ": cannot write file: " + std::strerror(errno ? errno : ENOMEM));
  }
  std::size_t pos = 0;
  bool ok = true;
  while (ok && pos < data.size()) {
    unsigned chunk = unsigned(std::min<std::size_t>(data.size() - pos, 1u << 30));
    ok = gzwrite(f, data.data() + pos, chunk) == int(chunk);
    pos += chunk;
  }
  if (gzclose(f) != Z_OK || !ok) throw Error(path + ": cannot write gzip file (disk full?)");
  out.commit();
}

std::string_view check_text(std::string_view data, const std::string& name) {
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.remove_prefix(3);
  std::size_t bad = 0;
  if (!text::valid_utf8(data, bad)) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (data[i] == '\n') { ++line; col = 1; }
      else if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++col;
    }
    throw ParseError(name, line, col,
                     data[bad] == '\0' ? "NUL byte: this looks like a binary file, not text"
                                       : "invalid UTF-8: re-save the file as UTF-8");
  }
  return data;
}

std::string_view text_lines(std::string_view data, const std::string& name, std::string& storage) {
  data = check_text(data, name);
  bool lone_cr = false;
  for (std::size_t i = 0; i < data.size() && !lone_cr; ++i)
    lone_cr = data[i] == '\r' && (i + 1 == data.size() || data[i + 1] != '\n');
  if (!lone_cr) return data;
  storage.assign(data);
  for (std::size_t i = 0; i < storage.size(); ++i)
    if (storage[i] == '\r' && (i + 1 == storage.size() || storage[i + 1] != '\n')) storage[i] = '\n';
  return storage;
}

}  // namespace ringleader::io
