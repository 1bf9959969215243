// Places of the world for the claims stage: the lexicon's entities on top of
// the built-in gazetteer, names resolved among their namesakes by the
// article's context, demonyms ("Palestinians") and datelines ("DERNA, Libya
// (Reuters) -"). Private to src/claims/.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claims/country_cues.h"
#include "crosscheck/claims.h"
#include "crosscheck/gazetteer.h"
#include "crosscheck/lexicon.h"

namespace crosscheck::claims {

// A place as a claim names it.
struct ResolvedPlace {
  std::string name;                  // the lexicon's name when the lexicon knows it, else GeoNames'
  PlaceChain parents;                // nearest first, the country last
  std::string country;               // ISO 3166 alpha-2; empty when the gazetteer does not know the place
  std::uint32_t id = 0;              // GeoNames id; 0 when the gazetteer does not know the place
  PlaceKind kind = PlaceKind::city;  // the gazetteer's; a lexicon entity's gazetteer place's
  std::uint64_t population = 0;      // the gazetteer's (0 where the data has none)
  bool in_lexicon = false;           // a lexicon entity: a place whatever its size

  // Whether `other` is this place or lies in it.
  bool holds(const ResolvedPlace& other) const;
};

// What the article says of where it is, for choosing among namesakes.
struct PlaceContext {
  std::string dateline_country;                 // of the dateline's place
  std::uint32_t dateline_id = 0;                // the dateline's place's GeoNames id (0: none or unknown)
  std::vector<std::string> article_countries;   // of the places the article named so far
  std::vector<std::string> sentence_countries;  // countries named in the figure's sentence
  // Countries of the places the article said something happened in ("in
  // Gaza", "at Ashkelon") so far, and of its dateline: a people's noun
  // ("40 Palestinians") places a figure only in one of these; elsewhere
  // ("12 French citizens" killed in Israel) it names a group of foreigners.
  std::vector<std::string> located_countries;
  // The first place located in each of them, when it lies below its country
  // ("in Gaza"): "1,537 Palestinians" in a story that located something in
  // Gaza are Gaza's, not the Palestinian territories' as a whole.
  std::vector<ResolvedPlace> located_places;
  // The divisions (provinces, districts) the article named so far, and its
  // main place's: a town the data gives no population that lies in one is
  // a place ("in Takengon" after "Aceh province"), though its sentence names
  // no country (obscure_town()).
  std::vector<std::string> named_divisions;
  // The last place of each level (by PlaceKind: country, province,
  // district, town) the article said something happened in, for "across
  // the country", "in the province", "in the district", "in the town"
  // (refer_back()); the country starts as the dateline's.
  std::array<std::optional<ResolvedPlace>, 4> last_named;
};

// One per extractor (it caches what it resolves); the gazetteer must outlive it.
class WorldPlaces {
 public:
  WorldPlaces(const Lexicon& lexicon, const Gazetteer& gazetteer);

  // The lexicon entity `index` as a place, with its chain: the lexicon's
  // part_of links, then the gazetteer's parents of its root.
  const ResolvedPlace& entity(std::uint32_t index) const { return entities_[index]; }

  // The place `name` names (a lexicon name or alias in any case, else a
  // gazetteer name), chosen among namesakes by, in order: lying in `within`
  // ("Paris, Texas"), the dateline's country, the article's countries, the
  // sentence's countries, then population. Nothing when neither knows it.
  std::optional<ResolvedPlace> resolve(std::string_view name, const PlaceContext& context,
                                       std::string_view within = {});

  // A town the gazetteer does not list (GeoNames keeps places of 1,000
  // people or more), named with the division or country that holds it,
  // `within`: "its Murdochville, Quebec, copper mine" (Quebec the province,
  // not the city). Nothing when `within` names no division or country.
  std::optional<ResolvedPlace> unlisted(std::string_view name, std::string_view within, const PlaceContext& context);

  // Whether `place` lies in a country or a division the qualifier `within`
  // may name ("Westbrook, Me.", "Brentwood, California": any of its
  // namesakes that is no town).
  bool lies_in(const ResolvedPlace& place, std::string_view within);

  // The place whose people `word` names ("Palestinians", "Israeli"), if any.
  std::optional<ResolvedPlace> demonym(std::string_view word);

  // The lexicon's country cues: names that say the country of a story that names no place.
  const CountryCues& cues() const { return cues_; }

  // The place of the article's dateline ("DERNA, Libya (Reuters) -",
  // "MECCA -", "KABUL, Afghanistan, May 3 (Reuters) -"), if it opens with
  // one; `end` gets the byte offset just past its dash.
  std::optional<ResolvedPlace> dateline(std::string_view text, std::size_t& end);

 private:
  // What a name is. Only names that are places are cached: most names asked
  // about are no place and are asked about once, which the gazetteer's filter
  // rejects at the cost of one memory read, while names of places come back
  // (in the Reuters corpus 9,000 lookups found places, by 1,500 names).
  struct Known {
    std::optional<std::uint32_t> entity;          // the lexicon's
    const std::vector<GazetteerPlace>* places{};  // the gazetteer's, most populous first; see places_of
  };
  Known known(std::string_view name);
  Known known_qualifier(std::string_view within);  // known(), and without a final period
  const std::vector<GazetteerPlace>& places_of(const std::string& key);
  ResolvedPlace from_gazetteer(const GazetteerPlace& place);
  std::optional<std::uint32_t> lexicon_entity(std::string_view name) const;

  const Lexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const CountryCues cues_{lexicon_};
  std::vector<ResolvedPlace> entities_;                           // by lexicon entity index
  std::unordered_map<std::string, std::uint32_t> lexicon_names_;  // folded name or alias -> entity
  // A bit for each lexicon name's filter_slot(): most names asked about are
  // no lexicon name, and a hash map's lookup costs a cache miss or two where
  // this costs a multiply (a few dozen names in 4,096 bits).
  static constexpr int kLexiconFilterBits = 12;
  std::bitset<std::size_t{1} << kLexiconFilterBits> lexicon_filter_;
  static std::size_t filter_slot(std::string_view key);
  std::unordered_map<std::uint32_t, std::uint32_t> lexicon_of_id_;  // GeoNames id -> entity
  std::unordered_map<std::uint32_t, ResolvedPlace> resolved_;       // GeoNames id -> place, as resolved
  // Folded name -> its places, for names that are places. Emptied, when it
  // has grown past kPlacesOf, only as a resolve() begins: the references
  // places_of() returns live until then.
  std::unordered_map<std::string, std::vector<GazetteerPlace>> places_of_;
  // Folded word -> the place whose people it names, for the words the
  // gazetteer's filter lets through (see demonym()); emptied past kPlacesOf.
  std::unordered_map<std::string, std::optional<ResolvedPlace>> people_of_;
  static constexpr std::size_t kPlacesOf = 1 << 12;
};

}  // namespace crosscheck::claims
