// crosscheck: the lexicon, the words the pipeline knows.
//
/// The lexicon is YAML under `rules/lexicon/` (built into the binary) plus any
/// files a user adds with `--lexicon DIR`. Loading is strict: an unknown key,
/// a wrong type, a duplicate entry, a key given twice in one mapping or a
/// `part_of` cycle is reported with file:line:column, and every problem of a
/// file is reported, not only the first. A `--lexicon` file may extend a
/// metric, entity or authority defined before it (see load_lexicon()).
///
/// Sections: `abbreviations` and `sentence_starters` (the segmenter),
/// `intervals` (the quantities stage), `metrics`, `entities`, `authorities`,
/// `subjects` and `attribution` (the claims stage).
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     auto sources = crosscheck::default_lexicon_sources();
///     crosscheck::Lexicon lexicon = crosscheck::load_lexicon(sources, sink);
///     if (sink.error_count() > 0) { /* print sink.diagnostics(), exit 2 */ }
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/core.h"

namespace crosscheck {

/// How an abbreviation that ends in a period behaves at a sentence end.
enum class AbbreviationKind {
  title,          ///< "Dr.", "Gen.": precedes a name, never ends a sentence
  acronym,        ///< "U.N.", "U.S.": may end one when a sentence starter follows
  before_number,  ///< "No.", "Oct.": an abbreviation only when a number follows
};

std::string_view format_as(AbbreviationKind kind);

struct Abbreviation {
  std::string text;  ///< as written, with its final period: "U.N."
  AbbreviationKind kind = AbbreviationKind::title;
  SourceSpan defined_at;
};

/// The widths that turn "nearly" and "about" into intervals (the lexicon's
/// `intervals:` section).
struct IntervalMargins {
  double nearly = 0.05;  ///< d: "nearly 80,000" is [76,000, 80,000)
  double approx = 0.10;  ///< e: "about 54,000" is [48,600, 59,400]
};

/// A metric: what a figure counts ("deaths"), the words that name it near a
/// figure ("killed", "death toll"), its unit, and whether it only grows over
/// time (a cumulative toll).
struct Metric {
  std::string id;
  std::string unit;  ///< "people", "t", "USD", "%", or empty
  bool cumulative = false;
  std::vector<std::string> words;
  SourceSpan defined_at;
};

/// A place or group a figure is about, with the names it goes by and the
/// entity it is part of ("Rafah" part_of "Gaza").
struct Entity {
  std::string name;
  std::vector<std::string> aliases;  ///< the name itself is always an alias
  std::string part_of;               ///< empty when none
  SourceSpan defined_at;
};

/// Names that say which country a story is in when it names no place at
/// all: its institutions and offices ("White House", "Senate", "Kremlin").
/// Read only then: a Senate sits in many countries, but a story that names
/// nothing else and speaks of "the Senate" is most likely the country's that
/// `country_cues` gives it to.
struct CountryCue {
  std::string place;               ///< a country the gazetteer knows, or a lexicon entity
  std::vector<std::string> names;  ///< matched as written, as whole words
  SourceSpan defined_at;
};

/// A source of figures: a ministry, an agency, a person.
///
/// A generic authority ("police", "health ministry", "Red Crescent") is the
/// one of the article's country: "police" in an Athens story is "Greek
/// police" (the country's demonym before the name), or the name `countries`
/// gives for that country ("disaster agency" in Turkey is "AFAD"). A country
/// named in the phrase itself wins ("Libyan Red Crescent"); with no country
/// known, the name stays as it is.
struct Authority {
  /// What a generic authority is called in one country.
  struct CountryName {
    std::string country;  ///< ISO 3166 alpha-2, as the gazetteer has it ("TR")
    std::string name;     ///< "AFAD"
  };
  std::string name;
  std::vector<std::string> aliases;
  bool person = false;  ///< "he"/"she" may refer to it
  SourceSpan defined_at;
  bool generic = false;                ///< the one of the article's country
  std::vector<CountryName> countries;  ///< per-country names of a generic authority
};

/// A subgroup a figure counts: "children" for "15,000 children".
struct Subject {
  std::string id;
  std::vector<std::string> words;
  SourceSpan defined_at;
};

/// The entities' part_of links as one tree ("Rafah" part_of "Gaza"): built
/// once, by load_lexicon(), and read by the graph (part_of edges, the bound
/// rule's parent), the partition keys (the root of a chain) and the lexicon's
/// own validation (a part_of no entity defines, a cycle). Copies share it.
class PlaceHierarchy {
 public:
  /// A part_of whose parent is not an entity, by index into the entities.
  struct UnknownParent {
    std::size_t entity;
  };
  /// A part_of cycle: the entity indices from the earliest-defined member
  /// round to it again ("A -> B -> A" is {a, b, a}).
  struct Cycle {
    std::vector<std::size_t> entities;
  };

  PlaceHierarchy() = default;
  explicit PlaceHierarchy(const std::vector<Entity>& entities);

  /// The part_of of `entity` as written ("Rafah" -> "Gaza"), or empty.
  std::string_view parent_of(std::string_view entity) const;
  /// The top of `entity`'s chain ("Rafah" -> "Gaza"); an entity without a
  /// part_of, or a name no entity has, is its own root. A chain that ends in
  /// a part_of no entity defines ends there; one that runs into a cycle ends
  /// at the last entity before it would repeat.
  std::string_view root_of(std::string_view entity) const;
  /// `entity`, its parent, and so on up to its root (each once).
  std::vector<std::string_view> chain(std::string_view entity) const;
  /// Every (child, parent) link, sorted by child.
  const std::vector<std::pair<std::string, std::string>>& links() const;
  const std::vector<UnknownParent>& unknown_parents() const;
  const std::vector<Cycle>& cycles() const;

 private:
  struct Data;
  std::shared_ptr<const Data> data_;
};

struct Lexicon {
  std::vector<Abbreviation> abbreviations;
  /// Capitalized words that begin a new sentence after an acronym ("He",
  /// "The"), as opposed to a name that continues it ("General Assembly").
  std::vector<std::string> sentence_starters;
  IntervalMargins margins;
  std::vector<Metric> metrics;
  std::vector<Entity> entities;
  std::vector<CountryCue> country_cues;
  std::vector<Authority> authorities;
  std::vector<Subject> subjects;
  /// Verbs that credit a figure to their subject: "said", "reported".
  std::vector<std::string> attribution_verbs;
  /// Words that hedge a figure: "claimed", "alleged", "could".
  std::vector<std::string> hedges;
  /// The entities' part_of tree, built by load_lexicon() from `entities`.
  PlaceHierarchy places;
};

/// One lexicon file's text and the name diagnostics give it.
struct LexiconSource {
  std::string name;
  std::string content;
  /// The folder it came from (read_lexicon_dir's `dir`); empty for the
  /// built-in files. Consecutive sources of one origin are one layer: see
  /// load_lexicon().
  std::string origin = {};
};

/// The lexicon files built into the binary from `rules/lexicon/*.yaml`,
/// named by their path in the source tree.
std::vector<LexiconSource> default_lexicon_sources();

/// The `*.yaml` and `*.yml` files of `dir`, sorted by name. A missing or
/// unlistable directory, and an entry that cannot be read as a file (a
/// broken or looping link, a device, a FIFO, a folder, no permission), is an
/// error in `diagnostics`.
std::vector<LexiconSource> read_lexicon_dir(const std::filesystem::path& dir, DiagnosticSink& diagnostics);

/// Parses and validates `sources` in order into one lexicon. Every problem is
/// reported to `diagnostics`; the entries that were valid are still returned,
/// but a caller should not run with a lexicon that had errors.
///
/// A layer (the consecutive sources of one origin) names a metric, entity or
/// authority once: it defines it, or extends one an earlier layer defined.
/// An extension adds the words or aliases the entry lacks (one that another
/// entry has is an error), adds a note to `diagnostics` saying what it added
/// (notes are not errors), and may only restate a single value (`unit`,
/// `cumulative`, `part_of`, `person`) as it is.
Lexicon load_lexicon(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics);

}  // namespace crosscheck
