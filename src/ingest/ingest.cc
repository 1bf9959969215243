#include <unordered_map>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

std::string format_byte_size(std::size_t bytes) {
  const auto in_unit = [bytes](int shift, std::string_view unit) {
    if (bytes % (std::size_t{1} << shift) == 0) return fmt::format("{} {}", bytes >> shift, unit);
    return fmt::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(std::size_t{1} << shift), unit);
  };
  if (bytes < (1u << 10)) return fmt::format("{} bytes", bytes);
  if (bytes < (1u << 20)) return in_unit(10, "KB");
  return in_unit(20, "MB");
}

IngestStats ingest(const std::vector<fs::path>& paths, const std::function<void(Article&&)>& on_article,
                   DiagnosticSink& diagnostics, const IngestLimits& limits) {
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
      read_jsonl_articles(path, display_name, hand_on, stats, diagnostics, limits);
      continue;
    }
    if (is_feed_path(path)) {
      read_feed_articles(path, display_name, hand_on, stats, diagnostics, limits);
      continue;
    }
    if (is_warc_path(path)) {
      read_warc_articles(path, display_name, hand_on, stats, diagnostics, limits);
      continue;
    }
    try {
      hand_on(is_html_path(path) ? read_html_article(path, display_name, limits)
                                 : read_text_article(path, display_name, limits, diagnostics));
    } catch (const Error& e) {
      diagnostics.error(e.span(), e.message() + "; article skipped");
      ++stats.skipped;
    }
  }
  return stats;
}

}  // namespace crosscheck
