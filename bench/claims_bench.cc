// Times extraction with claims on one core: each paragraph of a news text file
// (blank-line separated, as bench/make_corpora.py writes) is an article that
// is segmented and turned into claims.
//
//   crosscheck_claims_bench FILE [ROUNDS]
//
// Reports the best round's MB/s on this core, for segmentation alone and for
// segmentation plus claims, and the process's peak resident memory.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "bench_input.h"
#include "crosscheck/pipeline.h"

int main(int argc, char** argv) {
  const std::optional<BenchInput> input = read_bench_input(argc, argv, "crosscheck_claims_bench");
  if (!input) return 2;
  const std::string& text = input->text;
  const int rounds = input->rounds;
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  crosscheck::ArticleExtractor extractor(lexicon);

  auto run = [&](bool with_claims, std::size_t& claims) {
    double best = 1e300;
    for (int round = 0; round < rounds; ++round) {
      claims = 0;
      const auto start = std::chrono::steady_clock::now();
      crosscheck::Article article;
      article.id = "bench";
      article.origin.file = argv[1];
      for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find("\n\n", pos);
        if (end == std::string::npos) end = text.size();
        article.text.assign(text, pos, end - pos);
        if (with_claims) {
          claims += extractor.extract(article).size();
        } else {
          (void)extractor.segment(article.text);
        }
        pos = end + 2;
      }
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
  };
  std::size_t claims = 0;
  const double segment_seconds = run(false, claims);
  const double claims_seconds = run(true, claims);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = text.size() / 1e6;
  fmt::print(
      "{:.1f} MB: segment {:.2f} s ({:.1f} MB/s); segment + claims {:.2f} s ({:.1f} MB/s, {} claims); "
      "peak RSS {:.1f} MB\n",
      mb, segment_seconds, mb / segment_seconds, claims_seconds, mb / claims_seconds, claims, usage.ru_maxrss / 1024.0);
  return 0;
}
