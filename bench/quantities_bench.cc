// Times the quantities stage on one core over a file of news text whose
// paragraphs are separated by blank lines (bench/make_corpora.py writes one).
//
//   crosscheck_quantities_bench FILE [ROUNDS]
//
// Reads the file once, then reads every paragraph's figures ROUNDS times
// (default 3) and reports the best round: MB/s on this core, figures found,
// and the process's peak resident memory.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "bench_input.h"
#include "crosscheck/quantities.h"

int main(int argc, char** argv) {
  const std::optional<BenchInput> input = read_bench_input(argc, argv, "crosscheck_quantities_bench");
  if (!input) return 2;
  const std::string& text = input->text;
  const int rounds = input->rounds;

  crosscheck::QuantityReader reader;
  double best_seconds = 1e300;
  std::size_t figures = 0, paragraphs = 0;
  for (int round = 0; round < rounds; ++round) {
    figures = paragraphs = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t end = text.find("\n\n", pos);
      if (end == std::string::npos) end = text.size();
      figures += reader.read(std::string_view(text).substr(pos, end - pos)).size();
      ++paragraphs;
      pos = end + 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best_seconds = std::min(best_seconds, seconds);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("{:.1f} MB, {} paragraphs, {} figures: {:.3f} s, {:.1f} MB/s on one core, peak RSS {:.1f} MB\n",
             text.size() / 1e6, paragraphs, figures, best_seconds, text.size() / 1e6 / best_seconds,
             usage.ru_maxrss / 1024.0);
  return 0;
}
