// Times loading a lexicon, phase by phase, in CPU seconds of this process
// (the VM is shared: CPU time moves less than wall time with the load).
//
//   crosscheck_lexicon_bench DIR...
//
// For each DIR: the built-in lexicon plus DIR's files (as `--lexicon DIR`)
// are read, parsed and validated (load_lexicon), and the stages that index
// them are built: the segmenter (abbreviations, ICU's filter) and the claims
// extractor (the phrase index of every alias). bench/lexicon_bench.sh makes
// the folders with bench/make_lexicon.py.
#include <fmt/format.h>
#include <sys/resource.h>

#include <ctime>
#include <string>

#include "crosscheck/claims.h"
#include "crosscheck/segment.h"

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: crosscheck_lexicon_bench DIR...\n");
    return 2;
  }
  fmt::print("{:<28} {:>9} {:>8} {:>8} {:>9} {:>8} {:>8} {:>9}\n", "lexicon", "entities", "read", "load", "segmenter",
             "claims", "total", "peak RSS");
  for (int i = 1; i < argc; ++i) {
    crosscheck::DiagnosticSink sink;
    double start = cpu_seconds();
    std::vector<crosscheck::LexiconSource> sources = crosscheck::default_lexicon_sources();
    for (auto& source : crosscheck::read_lexicon_dir(argv[i], sink)) sources.push_back(std::move(source));
    const double read = cpu_seconds() - start;
    start = cpu_seconds();
    const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(sources, sink);
    const double load = cpu_seconds() - start;
    if (sink.error_count() > 0) {
      for (const auto& d : sink.diagnostics()) fmt::print(stderr, "{}\n", d);
      return 2;
    }
    start = cpu_seconds();
    double segmenter = 0, claims = 0;
    {
      const crosscheck::Segmenter built(lexicon);
      segmenter = cpu_seconds() - start;
      start = cpu_seconds();
      const crosscheck::ClaimExtractor extractor(lexicon);
      claims = cpu_seconds() - start;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    fmt::print("{:<28} {:>9} {:>7.3f}s {:>7.3f}s {:>8.3f}s {:>7.3f}s {:>7.3f}s {:>6.0f} MB\n", argv[i],
               lexicon.entities.size(), read, load, segmenter, claims, read + load + segmenter + claims,
               static_cast<double>(usage.ru_maxrss) / 1024);
  }
  return 0;
}
