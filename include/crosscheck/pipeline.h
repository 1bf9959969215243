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
  /// Gives the figures of a folder's articles about one event that event's
  /// place (place_event_figures) before they are handed on. The audit,
  /// which reads only the changed articles of a folder, turns it off and
  /// links the folder's stored and new claims itself.
  bool place_events = true;
};

/// A folder of more articles than this is an archive, not one story's
/// coverage: its articles are not read as reports of one event.
inline constexpr std::size_t kMaxEventFolderArticles = 100;

/// The folder whose articles are read together as one event's coverage:
/// the folder of `file` ("corpora/derna-flood-2023"), a web archive's
/// record ("x.warc.gz#offset=N") by its archive's; "." for a file named
/// without a folder, "/" for one at the root.
std::string event_folder_of(std::string_view file);

/// The claims of one folder's articles (event_folder_of), in any order.
/// The folder's articles are read as reports of one event until a gap of
/// more than three days between two of them starts another story, its place the most specific place most of
/// them agree on (Zeebrugge over "the Belgian coast", Murdochville for a
/// story that names only the mine); a figure with no place, or with only
/// its article's main place where that place contains the event's, gets
/// the event's place and `entity_from` event. An article about a place
/// apart from the event's keeps its places; a folder of one article, or of
/// more than kMaxEventFolderArticles, is left as it is.
void place_event_figures(const std::vector<Claim*>& claims);

/// place_event_figures for each folder of a run's claims.
void place_event_figures_by_folder(std::vector<Claim>& claims);

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
