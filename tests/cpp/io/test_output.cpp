// Safe file writing (io/output.hpp): a temporary file created exclusively
// next to the target and renamed over it, so planted symbolic links are
// replaced, never followed, and a failed write leaves nothing behind.
#include <catch2/catch.hpp>
#include <dirent.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <thread>

#include <ringleader/ringleader.hpp>

using namespace ringleader;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A new empty folder of its own in the temporary directory.
std::string fresh_dir(const std::string& name) {
  std::string dir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/rl_test_output_" +
                    std::to_string(::getpid()) + "_" + name;
  std::string cmd = "rm -rf '" + dir + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  return dir;
}

std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = ::readdir(d))
    if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.insert(e->d_name);
  ::closedir(d);
  return out;
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Network small() {
  NetworkBuilder b(true);
  b.add_edge(b.add_node("a", "person").first, b.add_node("b", "person").first, "call", 2.0);
  return b.finish();
}

}  // namespace

TEST_CASE("output: a symbolic link at the final or the old temporary name is replaced, not followed",
          "[io][output]") {
  const std::string dir = fresh_dir("links");
  const std::string victim = dir + "/victim.txt";
  std::ofstream(victim) << "precious";
  const Network net = small();
  struct Writer { const char* name; std::function<void(const std::string&)> write; };
  const Writer writers[] = {
      {"net.rlnet", [&](const std::string& p) { io::write_binary(net, p); }},
      {"edges.csv", [&](const std::string& p) { io::write_csv(net, p); }},
      {"net.graphml", [&](const std::string& p) { io::write_graphml(net, p); }},
      {"net.gexf", [&](const std::string& p) { io::write_gexf(net, p); }},
      {"edges.csv.gz", [&](const std::string& p) { io::write_file(p, "x,y\n"); }}};
  for (const Writer& w : writers) {
    INFO(w.name);
    const std::string path = dir + "/" + w.name;
    REQUIRE(::symlink(victim.c_str(), path.c_str()) == 0);
    REQUIRE(::symlink(victim.c_str(), (path + ".tmp").c_str()) == 0);  // the name save() used to write
    w.write(path);
    CHECK(slurp(victim) == "precious");
    CHECK(is_regular_file(path));
    CHECK(!slurp(path).empty());
    ::unlink((path + ".tmp").c_str());
  }
  CHECK(names_in(dir) == std::set<std::string>{"victim.txt", "net.rlnet", "edges.csv", "net.graphml", "net.gexf",
                                               "edges.csv.gz"});
  CHECK(io::read_binary(dir + "/net.rlnet").edges().size() == 1);
  CHECK_THROWS_WITH(io::write_file(dir, "x"), Catch::Contains("is a directory"));
  // a FIFO (like a device) is written in place, not replaced
  const std::string fifo = dir + "/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = slurp(fifo); });
  io::write_file(fifo, "through the pipe");
  reader.join();
  CHECK(got == "through the pipe");
  struct stat st {};
  CHECK((::lstat(fifo.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)));
}

TEST_CASE("output: a failed write leaves no temporary file and the old file as it was", "[io][output]") {
  const std::string dir = fresh_dir("fail");
  const std::string path = dir + "/big.rlnet";
  std::ofstream(path) << "old";
  {
    io::OutputFile out(path);
    CHECK(out.temporary().rfind(dir + "/.big.rlnet.", 0) == 0);
    CHECK(names_in(dir).size() == 2);
    out.write("partial", 7);
  }  // destroyed without commit(): an error while writing
  CHECK(names_in(dir) == std::set<std::string>{"big.rlnet"});
  CHECK(slurp(path) == "old");
  // a real write error: the file size limit (EFBIG) hit half-way
  NetworkBuilder b(false);
  for (int i = 0; i < 2000; ++i) b.add_edge(b.node("n" + std::to_string(i)), b.node("m" + std::to_string(i)));
  const Network big = b.finish();
  rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  auto handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small_limit = old;
  small_limit.rlim_cur = 4096;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small_limit) == 0);
  bool threw = false;
  try {
    io::write_binary(big, path);
  } catch (const Error& e) {
    threw = std::string(e.what()).find(path + ": cannot write file") == 0;
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, handler);
  CHECK(threw);
  CHECK(names_in(dir) == std::set<std::string>{"big.rlnet"});
  CHECK(slurp(path) == "old");
}
