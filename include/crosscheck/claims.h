// crosscheck: claims, the fourth pipeline stage.
//
/// A figure becomes a claim when we know what it measures (metric), about
/// whom (entity, subject), when (reference date, start) and on whose word
/// (attribution). The words come from the lexicon; the figures from the
/// quantities stage; quotations and sentences from the segmenter.
///
///   "Israel's offensive has killed at least 35,000 people in Gaza, ...,
///    according to Palestinian health authorities."
///   -> metric deaths, entity Gaza, attribution {text "Palestinian health
///      authorities", authority "Gaza Health Ministry", cue "according to"}
///
/// **Example**
///
///     crosscheck::ClaimExtractor extractor(lexicon);
///     for (const crosscheck::Claim& claim : extractor.extract(article, segmenter.segment(article.text)))
///       fmt::print("{}\n", crosscheck::claim_json(claim));
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"
#include "crosscheck/segment.h"

namespace crosscheck {

/// On whose word a figure is given.
struct Attribution {
  std::string text;       ///< as written: "Palestinian health authorities", "he"
  std::string authority;  ///< normalized by the lexicon: "Gaza Health Ministry"
  std::string cue;        ///< "according to", "said", "citing", ...
  std::string citing;     ///< the authority the speaker cites, if any ("citing figures from ...")

  friend bool operator==(const Attribution&, const Attribution&) = default;
};

struct Claim {
  // Where.
  std::string article;
  std::string source;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  // The figure.
  std::string text;  ///< as written: "at least 35,000"
  double value = 0;
  double low = 0, high = 0;  ///< +-inf when unbounded
  bool low_open = false, high_open = false;
  Qualifier qualifier = Qualifier::exact;
  std::string unit;
  std::string noun;  ///< the counted noun, if any
  // What it measures.
  std::string metric;   ///< a lexicon metric id, empty when unknown
  std::string entity;   ///< a lexicon entity name, a place name, or empty
  std::string subject;  ///< a lexicon subject id ("children"), empty for the whole
  std::optional<Date> published;
  std::optional<Date> reference_date;  ///< the day the figure stands for
  std::optional<Date> since;           ///< the start of its time scope ("since Oct. 7")
  std::optional<Attribution> attribution;
  std::vector<std::string> hedges;  ///< "could", "claimed", ...
  bool in_quote = false;
  std::string sentence;  ///< the sentence it was read from, line breaks as spaces
};

/// Reads claims. Holds the lexicon's phrase tables and a quantity reader:
/// build one per thread and reuse it.
class ClaimExtractor {
 public:
  /// `lexicon` must outlive the extractor.
  explicit ClaimExtractor(const Lexicon& lexicon);
  ~ClaimExtractor();
  ClaimExtractor(const ClaimExtractor&) = delete;
  ClaimExtractor& operator=(const ClaimExtractor&) = delete;

  /// Every figure of `article` as a claim, in text order. Never throws on
  /// any text.
  std::vector<Claim> extract(const Article& article, const SegmentedText& parts);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// One line of JSON in the output contract of the design (`low`/`high` null
/// where unbounded, `attribution` null when there is none).
std::string claim_json(const Claim& claim);

/// A claim read back from one line of `claim_json`; nothing and a reason in
/// `error` when the line is not one (not JSON, a missing or mistyped field).
std::optional<Claim> claim_from_json(std::string_view line, std::string& error);

/// A short dump for tests and logs: `'at least 35,000' deaths Gaza
/// <Gaza Health Ministry: according to>`.
std::string format_as(const Claim& claim);

}  // namespace crosscheck
