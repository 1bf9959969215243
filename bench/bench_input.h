// What both benchmark programs read: the text file named on the command line,
// whole, and how many rounds to time (default 3).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

struct BenchInput {
  std::string text;
  int rounds = 3;
};

/// The input of `program FILE [ROUNDS]`; nothing, after saying why on stderr,
/// when the usage is wrong or the file empty or unreadable.
inline std::optional<BenchInput> read_bench_input(int argc, char** argv, const char* program) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} FILE [ROUNDS]\n", program);
    return std::nullopt;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  BenchInput input{std::move(content).str(), argc > 2 ? std::max(1, std::atoi(argv[2])) : 3};
  if (input.text.empty()) {
    fmt::print(stderr, "{}: {} is empty or unreadable\n", program, argv[1]);
    return std::nullopt;
  }
  return input;
}
