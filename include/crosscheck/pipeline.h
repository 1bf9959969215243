// crosscheck: the first stages (ingest, segment, claims) on every core.
//
/// Reads articles on the calling thread, extracts their claims on `jobs`
/// worker threads, and hands each article's claims back on the calling
/// thread in input order, so that everything downstream (reports, the
/// audit store, JSONL output) is the same, byte for byte, for any number of
/// jobs. Articles travel in batches of about a megabyte; at most a few
/// batches per worker are in flight, so memory holds the claims, not the
/// corpus text.
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     std::vector<crosscheck::Claim> claims;
///     crosscheck::extract_in_parallel({"corpora/"}, lexicon, {}, [&](crosscheck::ExtractedArticle&& done) {
///       for (auto& claim : done.claims) claims.push_back(std::move(claim));
///     }, sink);
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/claims.h"
#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/segment.h"

namespace crosscheck {

/// One article once its claims are read.
struct ExtractedArticle {
  Article article;  ///< its `text` is dropped once read: the claims quote their sentences
  std::size_t sentences = 0;
  std::vector<Claim> claims;
};

/// Segments articles and reads their claims: a Segmenter and a
/// ClaimExtractor paired, with their scratch space. What the pipeline, the
/// benchmarks, the fuzz targets and the gold evaluators each run per article.
/// Neither ICU's break iterator nor the extractor's scratch space may be
/// shared: build one per thread and reuse it.
///
///     crosscheck::ArticleExtractor extractor(lexicon);
///     for (const crosscheck::Claim& claim : extractor.extract(article)) fmt::print("{}\n", claim);
class ArticleExtractor {
 public:
  /// `lexicon` must outlive the extractor.
  explicit ArticleExtractor(const Lexicon& lexicon) : segmenter_(lexicon), claims_(lexicon) {}

  /// The sentences, paragraphs and quotations of `text` (segmentation alone).
  SegmentedText segment(std::string_view text) { return segmenter_.segment(text); }

  /// Every figure of `article` as a claim, in text order; the number of its
  /// sentences in `sentences` when given. Throws crosscheck::Error as
  /// ClaimExtractor::extract does (an article over kMaxArticleFigures).
  std::vector<Claim> extract(const Article& article, std::size_t* sentences = nullptr);

  /// The claims and sentence count of `item.article` into `item`. An article
  /// over a limit of the claims stage, or one that runs out of memory, gets
  /// no claims and an error naming it is returned: the caller skips it and
  /// goes on. Never throws crosscheck::Error or std::bad_alloc.
  std::optional<Diagnostic> extract_into(ExtractedArticle& item);

 private:
  Segmenter segmenter_;
  ClaimExtractor claims_;
};

struct ExtractionOptions {
  /// Worker threads; 0 means one per core. With 1 everything runs on the
  /// calling thread.
  unsigned jobs = 0;
  IngestLimits limits;
  /// Asked on the calling thread for every article before it is read; an
  /// article it refuses is not extracted and not handed on (the audit leaves
  /// out articles it already holds). Empty: every article is wanted.
  std::function<bool(const Article&)> wanted;
};

/// The keys a distributed run partitions claims by (`crosscheck extract
/// --keyed`): the entity family, the root of the claim's chain of places,
/// its country ("Derna" -> "Libya"; the lexicon's part_of root for a claim
/// read without one: "Rafah" -> "Gaza"), so that rules relating parts and wholes see
/// them in one partition. Every rule compares claims of one family only, so
/// a reducer per family finds what one process over everything finds.
class PartitionKeys {
 public:
  /// The key of claims with no entity.
  static constexpr std::string_view kNoEntity = "(no entity)";

  explicit PartitionKeys(const Lexicon& lexicon);

  /// The family of `claim`'s entity; a place the lexicon does not know is
  /// its own family.
  std::string key_of(const Claim& claim) const;

 private:
  PlaceHierarchy places_;  // the lexicon's, shared
};

/// The number of worker threads `jobs` stands for (0: the cores of this
/// machine; at most 256).
unsigned resolve_jobs(unsigned jobs);

/// Reads every article under `paths` and extracts its claims; `on_article`
/// gets each wanted article on the calling thread, in input order.
/// Diagnostics are those of ingest(), in the same order.
IngestStats extract_in_parallel(const std::vector<std::filesystem::path>& paths, const Lexicon& lexicon,
                                const ExtractionOptions& options,
                                const std::function<void(ExtractedArticle&&)>& on_article, DiagnosticSink& diagnostics);

}  // namespace crosscheck
