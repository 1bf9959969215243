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
#include <string_view>
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

/// A sentence shared by the claims read from it: copying a claim copies a
/// pointer, so a sentence with N figures costs its length once, not N times.
/// Immutable; reads as a `const std::string&` (`str()`).
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT(google-explicit-constructor): claim.sentence = "..." reads naturally
      : text_(std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT(google-explicit-constructor)

  /// The text; empty when none was given.
  const std::string& str() const noexcept {
    static const std::string kEmpty;
    return text_ ? *text_ : kEmpty;
  }
  operator const std::string&() const noexcept { return str(); }  // NOLINT(google-explicit-constructor)
  std::size_t size() const noexcept { return str().size(); }
  bool empty() const noexcept { return str().empty(); }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.str() == b.str(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> text_;
};

/// Where a claim's place came from: its own sentence, its paragraph, the
/// article's dateline ("DERNA, Libya (Reuters) -"), the article's main
/// place, or the event its folder's articles report (place_event_figures:
/// "Murdochville" for a wire story that says only "a Noranda copper mine");
/// none when it has no place.
enum class PlaceFrom : std::uint8_t { none, sentence, paragraph, dateline, article, event };

/// "sentence", "paragraph", "dateline", "article", "event"; empty for none.
std::string_view to_string(PlaceFrom from);

/// What stretch of events a figure counts (DESIGN.md, claims). Figures of
/// different scopes are never compared.
enum class Scope : std::uint8_t {
  story,       ///< the story's running count: the default
  incident,    ///< one incident apart from it: "In a separate attack, three were killed"
  day,         ///< one day's: "in the past 24 hours"
  part,        ///< counted on top of a figure given elsewhere: "another 10 bodies", "70 others"
  background,  ///< an earlier year's event told in passing: "In 2004 a tsunami killed 170,000"
};

/// "incident", "day", "part", "background"; empty for the story's count.
std::string_view to_string(Scope scope);

/// The scope named `name` (to_string's names), the story's for any other.
Scope scope_named(std::string_view name);

/// The places a claim's place lies in, nearest first, its country last
/// (["Darnah", "Libya"]; empty for a country or a place without parents).
/// Four bytes: an index into a table of chains shared by the whole process
/// (each chain is stored once, however many claims hold it, and kept until
/// the process ends: there are as many as there are places, not claims).
class PlaceChain {
 public:
  PlaceChain() = default;
  explicit PlaceChain(const std::vector<std::string>& places);

  const std::vector<std::string>& places() const;
  bool empty() const noexcept { return id_ == 0; }
  friend bool operator==(const PlaceChain& a, const PlaceChain& b) { return a.id_ == b.id_; }

 private:
  std::uint32_t id_ = 0;  // 0: no places
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
  Figure figure;     ///< its value, interval (+-inf when unbounded), qualifier, unit and counted noun
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
  PlaceFrom entity_from = PlaceFrom::none;  ///< where `entity` was found
  Scope scope = Scope::story;               ///< what stretch of events it counts
  PlaceChain entity_parents;  ///< the places `entity` lies in, nearest first (after `in_quote`: no padding)
  /// The sentence it was read from, line breaks as spaces; shared by every
  /// claim of that sentence.
  SharedText sentence;
};

/// The most figures one article may hold. News holds hundreds at most; a
/// table or a list flattened into an article can hold any number, and each
/// figure costs a claim (about a kilobyte with its strings). An article
/// with more is skipped with an error naming it, and the run goes on.
inline constexpr std::size_t kMaxArticleFigures = 100'000;

/// Reads claims. Holds the lexicon's phrase tables and a quantity reader:
/// build one per thread and reuse it.
class ClaimExtractor {
 public:
  /// `lexicon` must outlive the extractor.
  explicit ClaimExtractor(const Lexicon& lexicon);
  ~ClaimExtractor();
  ClaimExtractor(const ClaimExtractor&) = delete;
  ClaimExtractor& operator=(const ClaimExtractor&) = delete;

  /// Every figure of `article` as a claim, in text order. Time and memory
  /// are linear in the article's length, whatever its sentences hold.
  /// Throws crosscheck::Error naming the article (its file and first line)
  /// when it holds more than kMaxArticleFigures figures; never throws
  /// otherwise, on any text.
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
