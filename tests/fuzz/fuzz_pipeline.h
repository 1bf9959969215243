// Shared by the article fuzz targets: the bytes are written to a file of the
// given extension (ingest reads files) and checked as `crosscheck check` would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "crosscheck/claims.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/rules.h"
#include "crosscheck/segment.h"

namespace crosscheck::fuzz {

inline void run_pipeline_on_file(const std::string& extension, const std::uint8_t* data, std::size_t size) {
  struct Setup {
    Lexicon lexicon;
    std::vector<Rule> rules;
    std::filesystem::path file;
  };
  static const Setup setup = [&] {
    DiagnosticSink sink;
    Setup s{load_lexicon(default_lexicon_sources(), sink), {}, {}};
    s.rules = load_rules(default_rule_sources(), s.lexicon, sink);
    s.file = std::filesystem::temp_directory_path() /
             ("crosscheck-fuzz-" + std::to_string(::getpid()) + "-article" + extension);
    return s;
  }();
  std::ofstream(setup.file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  DiagnosticSink diagnostics;
  Segmenter segmenter(setup.lexicon);
  ClaimExtractor extractor(setup.lexicon);
  std::vector<Claim> claims;
  ingest(
      {setup.file},
      [&](Article&& article) {
        for (Claim& claim : extractor.extract(article, segmenter.segment(article.text))) claims.push_back(claim);
      },
      diagnostics);
  const ClaimGraph graph(claims, setup.lexicon);
  (void)evaluate(setup.rules, graph, setup.lexicon);
}

}  // namespace crosscheck::fuzz
