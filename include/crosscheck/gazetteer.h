// crosscheck: the built-in gazetteer, the places of the world and their names.
//
/// Every country, first- and second-level division and populated place of
/// 1,000+ people in GeoNames (about 184,000 places), with the names news uses
/// for them and the people-nouns that stand for a country's people
/// ("Palestinians", "Americans"). The data is data/gazetteer/places.tsv,
/// written by scripts/make_gazetteer.py and compiled into the library; see
/// data/gazetteer/README.md for its sources and licenses (GeoNames, CC BY 4.0;
/// countries.json, ODbL 1.0).
///
/// Names are matched with case and accents folded ("Türkiye" = "turkiye",
/// "Khān Shaykhūn" = "Khan Shaykhun", hyphens as spaces). A name may be many
/// places (Paris, France and Paris, Texas): lookups return every one, the most
/// populous first, and leave the choice to the caller's context.
///
/// Nothing is read or built until the first lookup, which indexes the rows
/// once (about 12 ms; bench/gazetteer_bench.cc); later lookups ask a filter
/// over the names (a name that is no place costs one memory read), then
/// binary-search the rows. The object is safe to use from many threads.
///
/// **Example**
///
///     const crosscheck::Gazetteer& places = crosscheck::Gazetteer::built_in();
///     for (const crosscheck::GazetteerPlace& place : places.lookup("Derna"))
///       fmt::print("{} {} {}\n", place.name, place.country, place.population);
///     // Darnah LY 78782 (the Libyan city), Derna RO 2963, Darnah LY 0 (the district)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

enum class PlaceKind { country, admin1, admin2, city };

/// "country", "admin1", "admin2", "city".
std::string_view to_string(PlaceKind kind);

/// One place of the gazetteer. The views point into the gazetteer's data and
/// live as long as it does (for built_in(), the whole run).
struct GazetteerPlace {
  std::uint32_t id = 0;  // GeoNames id
  PlaceKind kind = PlaceKind::city;
  std::string_view country;      // ISO 3166 alpha-2 ("LY"), the root of every chain
  std::uint32_t parent = 0;      // the id of the place it is directly in; 0 for a country
  std::uint64_t population = 0;  // 0 when the data has none (divisions)
  std::string_view name;         // GeoNames' name ("Darnah")
  std::string_view names;        // the other names, '|'-separated ("Derna")
  std::string_view demonyms;     // the people-nouns and adjectives, '|'-separated
};

class Gazetteer {
 public:
  /// The gazetteer compiled into the library (data/gazetteer/places.tsv).
  static const Gazetteer& built_in();

  /// A gazetteer over `data` in places.tsv's format, which must outlive it
  /// (tests use this for small hand-written tables).
  explicit Gazetteer(std::string_view data);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  /// The places `name` may be (its own name or another name), most populous
  /// first, then countries before divisions before cities, then by id.
  std::vector<GazetteerPlace> lookup(std::string_view name) const;

  /// lookup() of a name already folded: `key` is what fold_place_name()
  /// returns (for a caller that needs the key itself too).
  std::vector<GazetteerPlace> lookup_folded(std::string_view key) const;

  /// False when no place has the folded name `key` (lookup_folded() would
  /// find nothing); true when one may (for about 3% of names that are no
  /// place, true as well). One memory read: for a caller that keeps its own
  /// cache of the places of names, to ask it only about names that may be.
  bool may_name(std::string_view key) const;

  /// The places whose people `word` names ("Palestinians", "Afghans",
  /// "Israeli"), most populous first.
  std::vector<GazetteerPlace> demonym(std::string_view word) const;

  /// demonym() of a word already folded (fold_place_name()).
  std::vector<GazetteerPlace> demonym_folded(std::string_view key) const;

  /// may_name() for the people-nouns: false when demonym_folded(`key`)
  /// would find nothing, true when it may (and for a few words that are not).
  bool may_name_people(std::string_view key) const;

  /// The place with GeoNames id `id`, if the gazetteer has it.
  std::optional<GazetteerPlace> find(std::uint32_t id) const;

  /// The places `place` is in, nearest first, its country last; empty for a
  /// country. Cities have no second-level division in the data: a city's chain
  /// is city < first-level division < country (or city < country when the
  /// data gives no known division).
  std::vector<GazetteerPlace> ancestors(const GazetteerPlace& place) const;

  /// Whether `inner` lies inside `outer` (at any depth; a place is not inside itself).
  bool contains(const GazetteerPlace& outer, const GazetteerPlace& inner) const;

  /// How many places the gazetteer holds (indexes it if it was not yet).
  std::size_t size() const;

 private:
  struct Index;
  const Index& index() const;

  std::string_view data_;
  mutable std::unique_ptr<Index> index_;
  mutable std::once_flag once_;
};

/// The key places are looked up by: lower case, accents and other marks
/// removed (NFKD), ß as ss, ø as o and the like, curly apostrophes as ',
/// hyphens and dashes as spaces, runs of white space as one space, no space at
/// either end. scripts/make_gazetteer.py's fold() computes the same key.
std::string fold_place_name(std::string_view name);

/// A place's name as English news writes it: accents and marks dropped, case
/// kept ("Khān Shaykhūn" -> "Khan Shaykhun", "Île-de-France" ->
/// "Ile-de-France", "Łódź" -> "Lodz"). Claims name gazetteer places so.
std::string plain_place_name(std::string_view name);

}  // namespace crosscheck
