// Shared by the article fuzz targets: the bytes are written to a file of the
// given extension (ingest reads files) and checked as `crosscheck check` would.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>

#include "crosscheck/claims.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/rules.h"

namespace crosscheck::fuzz {

struct Setup {
  Lexicon lexicon;
  std::vector<Rule> rules;
};

inline const Setup& setup() {
  static const Setup loaded = [] {
    DiagnosticSink sink;
    Setup s{load_lexicon(default_lexicon_sources(), sink), {}};
    s.rules = load_rules(default_rule_sources(), s.lexicon, sink);
    return s;
  }();
  return loaded;
}

// The claims of `article`; an article over a limit of the claims stage is
// an error, as the pipeline reports it.
inline void extract_into(const Article& article, std::vector<Claim>& claims, DiagnosticSink& diagnostics) {
  static ArticleExtractor extractor(setup().lexicon);
  ExtractedArticle item{article, 0, {}};
  if (std::optional<Diagnostic> error = extractor.extract_into(item)) {
    diagnostics.report(std::move(*error));
    return;
  }
  for (Claim& claim : item.claims) claims.push_back(std::move(claim));
}

// `check_article`, when given, sees each article as ingest hands it on.
inline void run_pipeline_on_file(const std::string& extension, const std::uint8_t* data, std::size_t size,
                                 const std::function<void(const Article&)>& check_article = {}) {
  static const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                            ("crosscheck-fuzz-" + std::to_string(::getpid()) + "-article" + extension);
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  DiagnosticSink diagnostics;
  std::vector<Claim> claims;
  ingest(
      {file},
      [&](Article&& article) {
        if (check_article) check_article(article);
        extract_into(article, claims, diagnostics);
      },
      diagnostics);
  const ClaimGraph graph(claims, setup().lexicon);
  (void)evaluate(setup().rules, graph, setup().lexicon);
}

// `text` as the text of one article, through claims, the graph and the rules.
inline void run_pipeline_on_text(std::string text) {
  Article article;
  article.id = "fuzz";
  article.text = std::move(text);
  article.origin.file = "fuzz.txt";
  DiagnosticSink diagnostics;
  std::vector<Claim> claims;
  extract_into(article, claims, diagnostics);
  const ClaimGraph graph(claims, setup().lexicon);
  (void)evaluate(setup().rules, graph, setup().lexicon);
}

}  // namespace crosscheck::fuzz
