#include <new>

#include "crosscheck/pipeline.h"

namespace crosscheck {

std::vector<Claim> ArticleExtractor::extract(const Article& article, std::size_t* sentences) {
  const SegmentedText parts = segmenter_.segment(article.text);
  if (sentences) *sentences = parts.sentences.size();
  return claims_.extract(article, parts);
}

std::optional<Diagnostic> ArticleExtractor::extract_into(ExtractedArticle& item) {
  const Article& article = item.article;
  std::optional<Diagnostic> error;
  try {
    item.claims = extract(article, &item.sentences);
  } catch (const Error& e) {
    error = Diagnostic{Severity::error, e.span(), e.message(), {}};
  } catch (const std::bad_alloc&) {
    // What the article had taken is freed by now: there is room to say so.
    error = Diagnostic{Severity::error,
                       {article.origin.file, article.origin.line, 0},
                       fmt::format("out of memory reading article '{}' ({} of text); article skipped: "
                                   "raise the memory limit, or split the article",
                                   article.id, format_byte_size(article.text.size())),
                       {}};
  }
  if (error) item.claims = {};
  return error;
}

}  // namespace crosscheck
