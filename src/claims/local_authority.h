// Sources in context: a generic authority ("police", "the health ministry",
// "the Red Crescent") is the one of its article's country ("Greek police").
// Private to src/claims/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "crosscheck/gazetteer.h"
#include "crosscheck/lexicon.h"

namespace crosscheck::claims {

// The country an article is about: the country of its main place (the
// gazetteer's place `main_place_id` when it is one, else the most populous
// namesake of the name `main_place`, a country first: Borno is Nigeria's
// state where the main place was resolved to it, not Italy's town), else
// the one its dateline names ("ATHENS, Greece —", "MECCA (Reuters) —");
// nothing when neither is known. The one door through which the claims stage
// learns an article's country, so that a better main place plugs in here.
std::optional<GazetteerPlace> article_country(std::string_view main_place, std::uint32_t main_place_id,
                                              std::string_view text, const Gazetteer& places);

// The lexicon's generic authorities, by name.
class LocalAuthorities {
 public:
  // `lexicon` and `places` must outlive it.
  LocalAuthorities(const Lexicon& lexicon, const Gazetteer& places);

  // The generic authority named `authority` (its lexicon name), or null.
  const Authority* generic(std::string_view authority) const {
    const auto found = generic_.find(authority);
    return found == generic_.end() ? nullptr : found->second;
  }

  // What `generic` is called where the phrase `text` ("the Libyan Red
  // Crescent", "police") of `sentence` puts it: a country the phrase names
  // (or a possessive just before it: "Lebanon's health ministry"), else
  // `country`; its own name when neither is known.
  std::string localize(const Authority& generic, std::string_view text, std::string_view sentence,
                       const std::optional<GazetteerPlace>& country) const;

 private:
  std::optional<GazetteerPlace> country_named(const Authority& generic, std::string_view text) const;
  std::optional<std::string> local_named(const Authority& generic, std::string_view text, std::string_view name) const;

  const Gazetteer& places_;
  std::unordered_map<std::string_view, const Authority*> generic_;
  std::unordered_map<const Authority*, std::string_view> bare_names_;  // without a leading article
};

}  // namespace crosscheck::claims
