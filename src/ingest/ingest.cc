#include <unordered_map>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

IngestStats ingest(const std::vector<fs::path>& paths, const std::function<void(Article&&)>& on_article,
                   DiagnosticSink& diagnostics) {
  IngestStats stats;
  std::unordered_map<std::string, SourceSpan> first_seen;  // article id -> where it was defined
  auto hand_on = [&](Article&& article) {
    const auto [first, inserted] = first_seen.emplace(article.id, article.id_span);
    if (!inserted) {
      diagnostics.report({Severity::error,
                          article.id_span,
                          fmt::format("duplicate article id '{}'; article skipped, give it a unique id", article.id),
                          {{Severity::note, first->second, "the id was first used here", {}}}});
      ++stats.skipped;
      return;
    }
    ++stats.articles;
    on_article(std::move(article));
  };

  for (const fs::path& path : list_input_files(paths, stats, diagnostics)) {
    const std::string display_name = path.lexically_normal().generic_string();
    ++stats.files;
    if (lowercase_extension(path) == ".jsonl") {
      read_jsonl_articles(path, display_name, hand_on, stats, diagnostics);
      continue;
    }
    try {
      hand_on(read_text_article(path, display_name));
    } catch (const Error& e) {
      diagnostics.error(e.span(), e.message() + "; article skipped");
      ++stats.skipped;
    }
  }
  return stats;
}

}  // namespace crosscheck
