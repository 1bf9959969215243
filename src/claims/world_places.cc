#include "claims/world_places.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace crosscheck::claims {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// "DERNA", "GAZA CITY", "N'DJAMENA": letters in upper case (any byte that is
// not ASCII counts as a letter), spaces, dots, hyphens and apostrophes.
bool all_capitals(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      letter = true;
    } else if (c != ' ' && c != '.' && c != '-' && c != '\'') {
      return false;
    }
  }
  return letter;
}

// "Kabul", "Port au Prince": at most four words, the first capitalized, no digits.
bool capitalized_name(std::string_view name) {
  if (name.empty() || !(name.front() >= 'A' && name.front() <= 'Z')) return false;
  if (std::count(name.begin(), name.end(), ' ') > 3) return false;
  return std::none_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

}  // namespace

constexpr std::uint64_t kBigCity = 100'000;

bool ResolvedPlace::holds(const ResolvedPlace& other) const {
  return other.name == name || contains(other.parents.places(), name);
}

WorldPlaces::WorldPlaces(const Lexicon& lexicon, const Gazetteer& gazetteer)
    : lexicon_(lexicon), gazetteer_(gazetteer) {
  const std::size_t n = lexicon.entities.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    lexicon_names_.try_emplace(fold_place_name(lexicon.entities[i].name), i);
    for (const std::string& alias : lexicon.entities[i].aliases) lexicon_names_.try_emplace(fold_place_name(alias), i);
  }
  for (const auto& [key, entity] : lexicon_names_) lexicon_filter_.set(filter_slot(key));
  // Each entity's gazetteer place: a country or division for an entity
  // that is part of nothing ("Gaza" is the Gaza Strip, not Gaza city), the
  // most populous namesake in its root's country for a part ("Derna" part_of
  // Libya is the Libyan city). Roots first, so that parts know their country.
  std::vector<std::optional<GazetteerPlace>> mapped(n);
  const auto map_entity = [&](std::uint32_t i, std::string_view country) {
    const Entity& entity = lexicon.entities[i];
    std::vector<GazetteerPlace> found = gazetteer.lookup(entity.name);
    for (std::size_t a = 0; found.empty() && a < entity.aliases.size(); ++a) {
      if (capitalized_name(entity.aliases[a])) found = gazetteer.lookup(entity.aliases[a]);
    }
    if (!country.empty()) {
      std::erase_if(found, [&](const GazetteerPlace& place) { return place.country != country; });
    } else {
      std::stable_sort(found.begin(), found.end(),
                       [](const GazetteerPlace& a, const GazetteerPlace& b) { return a.kind < b.kind; });
    }
    if (!found.empty()) mapped[i] = found.front();
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    if (lexicon.entities[i].part_of.empty()) map_entity(i, {});
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (lexicon.entities[i].part_of.empty()) continue;
    const auto root = lexicon_entity(lexicon.places.root_of(lexicon.entities[i].name));
    map_entity(i, root && mapped[*root] ? mapped[*root]->country : std::string_view("-"));
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (mapped[i]) lexicon_of_id_.try_emplace(mapped[i]->id, i);
  }
  // Their chains: the lexicon's part_of links, then the gazetteer's places
  // above the root (by the lexicon's name where it has one).
  entities_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    ResolvedPlace& place = entities_[i];
    place.name = lexicon.entities[i].name;
    place.in_lexicon = true;
    std::vector<std::string> parents;
    for (std::string_view up : lexicon.places.chain(place.name)) {
      if (up != place.name) parents.emplace_back(up);
    }
    const auto root = lexicon_entity(parents.empty() ? std::string_view(place.name) : std::string_view(parents.back()));
    if (root && mapped[*root]) {
      for (const GazetteerPlace& up : gazetteer.ancestors(*mapped[*root])) {
        const auto known = lexicon_of_id_.find(up.id);
        std::string up_name(known != lexicon_of_id_.end() ? lexicon.entities[known->second].name
                                                          : plain_place_name(up.name));
        if (up_name != place.name && !contains(parents, up_name)) parents.push_back(std::move(up_name));
      }
      place.country = std::string(mapped[*root]->country);
    }
    if (mapped[i]) {
      place.id = mapped[i]->id;
      place.kind = mapped[i]->kind;
    }
    place.parents = PlaceChain(std::move(parents));
  }
}

// A slot of lexicon_filter_ from a key's length and its first and last two
// bytes: no loop over the key, no hashing of all of it.
std::size_t WorldPlaces::filter_slot(std::string_view key) {
  if (key.empty()) return 0;
  const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(key[i])}; };
  const std::size_t last = key.size() - 1;
  const std::uint64_t mixed = key.size() | byte(0) << 8 | byte(key.size() > 1 ? 1 : 0) << 16 | byte(last) << 24 |
                              byte(last > 0 ? last - 1 : 0) << 32;
  return static_cast<std::size_t>((mixed * 0x9E3779B97F4A7C15ULL) >> (64 - kLexiconFilterBits));
}

std::optional<std::uint32_t> WorldPlaces::lexicon_entity(std::string_view name) const {
  const auto found = lexicon_names_.find(fold_place_name(name));
  if (found == lexicon_names_.end()) return std::nullopt;
  return found->second;
}

WorldPlaces::Known WorldPlaces::known(std::string_view name) {
  const std::string key = fold_place_name(name);  // once, for the lexicon and the gazetteer
  Known known;
  if (const auto found = lexicon_filter_[filter_slot(key)] ? lexicon_names_.find(key) : lexicon_names_.end();
      found != lexicon_names_.end()) {
    known.entity = found->second;
  } else {
    known.places = &places_of(key);
  }
  return known;
}

const std::vector<GazetteerPlace>& WorldPlaces::places_of(const std::string& key) {
  static const std::vector<GazetteerPlace> kNone;
  if (!gazetteer_.may_name(key)) return kNone;  // most names: cheaper than hashing them for the cache
  if (const auto done = places_of_.find(key); done != places_of_.end()) return done->second;
  std::vector<GazetteerPlace> found = gazetteer_.lookup_folded(key);
  if (found.empty()) return kNone;
  return places_of_.emplace(key, std::move(found)).first->second;
}

ResolvedPlace WorldPlaces::from_gazetteer(const GazetteerPlace& place) {
  if (const auto known = lexicon_of_id_.find(place.id); known != lexicon_of_id_.end()) {
    return entities_[known->second];
  }
  if (const auto done = resolved_.find(place.id); done != resolved_.end()) return done->second;
  ResolvedPlace resolved;
  resolved.name = plain_place_name(place.name);
  resolved.country = std::string(place.country);
  resolved.id = place.id;
  resolved.kind = place.kind;
  resolved.population = place.population;
  std::vector<std::string> parents;
  for (const GazetteerPlace& up : gazetteer_.ancestors(place)) {
    const auto known = lexicon_of_id_.find(up.id);
    std::string name(known != lexicon_of_id_.end() ? lexicon_.entities[known->second].name : plain_place_name(up.name));
    // Kabul the city is in Kabul the province: one name is one key, so the
    // chain names it once.
    if (name != resolved.name && !contains(parents, name)) parents.push_back(std::move(name));
  }
  resolved.parents = PlaceChain(std::move(parents));
  return resolved_.emplace(place.id, std::move(resolved)).first->second;
}

// "Bristol, Va." is Virginia's (the gazetteer knows "Va."); "Paris,
// Texas." ends a sentence, and is read without its period.
WorldPlaces::Known WorldPlaces::known_qualifier(std::string_view within) {
  const Known qualifier = known(within);
  if (qualifier.entity || !qualifier.places->empty() || !within.ends_with('.')) return qualifier;
  return known(within.substr(0, within.size() - 1));
}

bool WorldPlaces::lies_in(const ResolvedPlace& place, std::string_view within) {
  const Known qualifier = known_qualifier(within);
  if (qualifier.entity) {
    const ResolvedPlace& outer = entities_[*qualifier.entity];
    return outer.name != place.name && outer.holds(place);
  }
  const std::optional<GazetteerPlace> inner = place.id != 0 ? gazetteer_.find(place.id) : std::nullopt;
  for (const GazetteerPlace& outer : *qualifier.places) {
    if (outer.kind == PlaceKind::city || outer.id == place.id) continue;
    if (outer.kind == PlaceKind::country ? outer.country == place.country
                                         : inner && gazetteer_.contains(outer, *inner)) {
      return true;
    }
  }
  return false;
}

std::optional<ResolvedPlace> WorldPlaces::unlisted(std::string_view name, std::string_view within,
                                                   const PlaceContext& context) {
  const Known qualifier = known_qualifier(within);
  std::optional<ResolvedPlace> outer;
  if (qualifier.entity) {
    if (entities_[*qualifier.entity].kind != PlaceKind::city) outer = entities_[*qualifier.entity];
  } else {
    // A division or a country, the article's countries' first.
    const GazetteerPlace* chosen = nullptr;
    for (const GazetteerPlace& place : *qualifier.places) {
      if (place.kind == PlaceKind::city) continue;
      const auto& named = context.article_countries;
      const bool named_country = std::find(named.begin(), named.end(), place.country) != named.end();
      if (chosen == nullptr ||
          (named_country && std::find(named.begin(), named.end(), chosen->country) == named.end())) {
        chosen = &place;
      }
    }
    if (chosen != nullptr) outer = from_gazetteer(*chosen);
  }
  if (!outer || outer->country.empty()) return std::nullopt;
  ResolvedPlace town;
  town.name = std::string(name);
  town.country = outer->country;
  std::vector<std::string> parents{outer->name};
  for (const std::string& up : outer->parents.places()) parents.push_back(up);
  town.parents = PlaceChain(parents);
  return town;
}

std::optional<ResolvedPlace> WorldPlaces::resolve(std::string_view name, const PlaceContext& context,
                                                  std::string_view within) {
  if (places_of_.size() > kPlacesOf) places_of_.clear();
  const Known named = known(name);
  if (named.entity) return entities_[*named.entity];
  if (named.places->empty()) return std::nullopt;
  const std::vector<GazetteerPlace>& found = *named.places;
  // "Paris, Texas": the places the qualifier may be.
  std::vector<GazetteerPlace> outer;
  std::string outer_country;
  if (!within.empty()) {
    const Known qualifier = known_qualifier(within);
    if (qualifier.entity) outer_country = entities_[*qualifier.entity].country;
    if (qualifier.places) outer = *qualifier.places;
    // A qualifier names a country or a division more often than a town:
    // "Brentwood, California" is the state's, not one of the towns called
    // California (the lookup puts towns first, by population).
    std::stable_sort(outer.begin(), outer.end(),
                     [](const GazetteerPlace& a, const GazetteerPlace& b) { return a.kind < b.kind; });
    if (outer.size() > 3) outer.resize(3);
  }
  const auto in_outer = [&](const GazetteerPlace& place) {
    if (!outer_country.empty() && place.country == outer_country) return true;
    return std::any_of(outer.begin(), outer.end(), [&](const GazetteerPlace& o) {
      return o.kind == PlaceKind::country ? o.country == place.country : gazetteer_.contains(o, place);
    });
  };
  // "Washington" in a London story is the U.S. capital, not the English
  // town: a town overshadowed by a big city of its name (more than ten times
  // as populous) is not chosen for lying in the dateline's country (where
  // the reporter is) or in a country the article named (a London story's
  // England), unless it is the dateline's place ("PARIS, Texas"); the
  // sentence's countries and a qualifier ("Naples, Fla.") still say.
  std::uint64_t biggest_city = 0;
  for (const GazetteerPlace& place : found) {
    if (place.kind == PlaceKind::city) biggest_city = std::max(biggest_city, place.population);
  }
  const auto overshadowed = [&](const GazetteerPlace& place) {
    return biggest_city >= kBigCity && place.kind == PlaceKind::city && place.population < kBigCity &&
           place.population * 10 < biggest_city;
  };
  const auto score = [&](const GazetteerPlace& place) {
    const std::string_view country = place.country;
    const bool local = !overshadowed(place) || place.id == context.dateline_id;
    // Without context a country comes first, then a big city, then a
    // division (Scotland, not Scotland in Pennsylvania: divisions have no
    // population in the data), then the most populous.
    const int tier = place.kind == PlaceKind::country                                ? 3
                     : place.kind == PlaceKind::city && place.population >= kBigCity ? 2
                     : place.kind == PlaceKind::admin1                               ? 1
                                                                                     : 0;
    // Divisions have no population of their own: among namesakes, the one of
    // the more populous country ("FLORIDA COMMERCIAL BANKS" is Florida's, not
    // Florida's in Uruguay).
    std::uint64_t country_population = 0;
    if (place.kind == PlaceKind::admin1 || place.kind == PlaceKind::admin2) {
      for (const GazetteerPlace& up : gazetteer_.ancestors(place)) {
        if (up.kind == PlaceKind::country) country_population = up.population;
      }
    }
    return std::tuple{in_outer(place),
                      local && !context.dateline_country.empty() && country == context.dateline_country,
                      local && contains(context.article_countries, country),
                      contains(context.sentence_countries, country),
                      tier,
                      country_population};
  };
  // The first of the best: `found` is most populous first.
  std::size_t best = 0;
  auto best_score = score(found[0]);
  for (std::size_t k = 1; k < found.size(); ++k) {
    const auto here = score(found[k]);
    if (here > best_score) {
      best = k;
      best_score = here;
    }
  }
  return from_gazetteer(found[best]);
}

// Cached by word only past the gazetteer's filter, which turns most words
// away: what passes is mostly a people-noun, and news repeats them ("Chinese",
// "Americans"), where each search would look up the places its row names by
// id and rank them again.
std::optional<ResolvedPlace> WorldPlaces::demonym(std::string_view word) {
  std::string key = fold_place_name(word);
  if (!gazetteer_.may_name_people(key)) return std::nullopt;
  if (const auto done = people_of_.find(key); done != people_of_.end()) return done->second;
  std::optional<ResolvedPlace> place;
  if (const std::vector<GazetteerPlace> found = gazetteer_.demonym_folded(key); !found.empty()) {
    place = from_gazetteer(found.front());
  }
  if (people_of_.size() >= kPlacesOf) people_of_.clear();  // the words the filter lets through by chance
  return people_of_.emplace(std::move(key), std::move(place)).first->second;
}

std::optional<ResolvedPlace> WorldPlaces::dateline(std::string_view text, std::size_t& end) {
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 160));
  head = head.substr(0, head.find('\n'));
  std::size_t dash = std::string_view::npos;
  for (std::string_view mark : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", "\xE2\x80\x94"}) {
    if (const std::size_t at = head.find(mark); at < dash) {
      dash = at;
      end = at + mark.size();
    }
  }
  if (dash == std::string_view::npos) return std::nullopt;
  std::string_view before = head.substr(0, dash);
  const std::size_t paren = before.find('(');
  const bool agency = paren != std::string_view::npos && before.find(')', paren) != std::string_view::npos;
  if (paren != std::string_view::npos) before = before.substr(0, paren);
  const std::size_t comma = before.find(',');
  const std::string_view place = trim(before.substr(0, comma));
  std::string_view within;
  if (comma != std::string_view::npos) {
    within = trim(before.substr(comma + 1));
    within = trim(within.substr(0, within.find(',')));
    if (std::any_of(within.begin(), within.end(), [](char c) { return c >= '0' && c <= '9'; })) within = {};
  }
  if (place.empty() || place.size() > 40 || !(all_capitals(place) || (agency && capitalized_name(place)))) {
    return std::nullopt;
  }
  return resolve(place, PlaceContext{}, within);
}

}  // namespace crosscheck::claims
