// Safe file writing: a temporary file created exclusively, renamed at the end.
#include "ringleader/io/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "ringleader/core/error.hpp"
#include "ringleader/io/source.hpp"

namespace ringleader::io {
namespace {

/// ".NAME.<16 hex digits>.tmp" in the folder of `path` (NAME cut to 200 bytes).
std::string temporary_name(const std::string& path, std::uint64_t random) {
  const std::size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1).substr(0, 200);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random));
  return folder + "." + name + "." + hex + ".tmp";
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  check_path(path_);
  if (path_.empty()) throw InvalidArgument("the file name is empty: give the path of the file to write");
  struct stat st {};
  if (::lstat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw Error(path_ + ": is a directory: give the path of a file to write");
    fd_ = ::open(path_.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);  // a device or FIFO: written in place
    if (fd_ < 0) throw Error(path_ + ": cannot write file: " + std::strerror(errno));
    return;
  }
  std::random_device device;
  std::mt19937_64 draw((std::uint64_t(device()) << 32) ^ device());
  for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
    tmp_ = temporary_name(path_, draw());
    fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0 && errno != EEXIST) {
      const int err = errno;
      tmp_.clear();
      throw Error(path_ + ": cannot write file (creating a temporary file in its folder): " + std::strerror(err));
    }
  }
  if (fd_ < 0) {
    tmp_.clear();
    throw Error(path_ + ": cannot write file: no unused temporary name in its folder");
  }
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

void OutputFile::fail(const std::string& what, int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  tmp_.clear();
  throw Error(path_ + ": " + what + ": " + std::strerror(err ? err : EIO));
}

void OutputFile::write(const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size < (std::size_t(1) << 30) ? size : (std::size_t(1) << 30));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write file (disk full?)", n < 0 ? errno : ENOSPC);
    p += n;
    size -= std::size_t(n);
  }
}

void OutputFile::commit() {
  if (tmp_.empty()) {  // a device or FIFO
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) throw Error(path_ + ": cannot write file: " + std::strerror(errno));
    return;
  }
  if (::fsync(fd_) != 0) fail("cannot write file (fsync)", errno);
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) fail("cannot write file (disk full?)", errno);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) fail("cannot write file (renaming " + tmp_ + ")", errno);
  tmp_.clear();
}

}  // namespace ringleader::io
