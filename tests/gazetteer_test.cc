#include "crosscheck/gazetteer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using crosscheck::Gazetteer;
using crosscheck::GazetteerPlace;
using crosscheck::PlaceKind;

const Gazetteer& world() { return Gazetteer::built_in(); }

// "Darnah (admin1, LY)" for each place: what a reader would check.
std::string describe(const GazetteerPlace& place) {
  return std::string(place.name) + " (" + std::string(to_string(place.kind)) + ", " + std::string(place.country) + ")";
}

std::vector<std::string> describe(const std::vector<GazetteerPlace>& places) {
  std::vector<std::string> out;
  for (const auto& place : places) out.push_back(describe(place));
  return out;
}

// The first place of `name` in `country` of `kind`, which the test needs to exist.
GazetteerPlace place_of(std::string_view name, std::string_view country, PlaceKind kind) {
  for (const auto& place : world().lookup(name))
    if (place.country == country && place.kind == kind) return place;
  FAIL("no " << to_string(kind) << " '" << name << "' in " << country);
  return {};
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("gazetteer: namesakes are all found, the most populous first", "[gazetteer]") {
  const auto paris = world().lookup("Paris");
  REQUIRE(paris.size() > 5);
  CHECK(describe(paris[0]) == "Paris (city, FR)");
  CHECK(paris[0].population > 2'000'000);
  // Paris, Texas is there too, inside Texas.
  bool texas = false;
  for (const auto& place : paris) {
    const auto chain = world().ancestors(place);
    if (place.country == "US" && !chain.empty() && chain[0].name == "Texas") texas = true;
  }
  CHECK(texas);

  // "Derna": the Libyan city (GeoNames: Darnah), its district, and the Romanian commune.
  const auto derna = describe(world().lookup("Derna"));
  CHECK(derna == std::vector<std::string>{"Darnah (city, LY)", "Derna (city, RO)", "Darnah (admin1, LY)"});
}

TEST_CASE("gazetteer: parent chains, nearest first", "[gazetteer]") {
  const auto derna = place_of("Derna", "LY", PlaceKind::city);
  CHECK(describe(world().ancestors(derna)) == std::vector<std::string>{"Darnah (admin1, LY)", "Libya (country, LY)"});
  CHECK(derna.id == 87205);

  const auto krasnogorsk = world().lookup("Krasnogorsk");
  REQUIRE(!krasnogorsk.empty());
  CHECK(describe(world().ancestors(krasnogorsk[0])) ==
        std::vector<std::string>{"Moscow Oblast (admin1, RU)", "Russia (country, RU)"});

  // GeoNames' cities carry no second-level code, so Lahaina's chain skips Maui
  // County; the county itself is there, inside Hawaii.
  const auto lahaina = place_of("Lahaina", "US", PlaceKind::city);
  CHECK(describe(world().ancestors(lahaina)) ==
        std::vector<std::string>{"Hawaii (admin1, US)", "United States (country, US)"});
  const auto maui = place_of("Maui County", "US", PlaceKind::admin2);
  CHECK(describe(world().ancestors(maui)) ==
        std::vector<std::string>{"Hawaii (admin1, US)", "United States (country, US)"});
}

TEST_CASE("gazetteer: one place inside another", "[gazetteer]") {
  const auto derna = place_of("Derna", "LY", PlaceKind::city);
  const auto district = place_of("Darnah", "LY", PlaceKind::admin1);
  const auto libya = place_of("Libya", "LY", PlaceKind::country);
  const auto romanian_derna = place_of("Derna", "RO", PlaceKind::city);
  CHECK(world().contains(libya, derna));
  CHECK(world().contains(district, derna));
  CHECK(world().contains(libya, district));
  CHECK_FALSE(world().contains(derna, libya));
  CHECK_FALSE(world().contains(libya, libya));
  CHECK_FALSE(world().contains(libya, romanian_derna));
  // A town and its country: a part and its whole.
  const auto khan = place_of("Khan Sheikhoun", "SY", PlaceKind::city);
  CHECK(khan.name == "Khān Shaykhūn");
  CHECK(world().contains(place_of("Syria", "SY", PlaceKind::country), khan));
  CHECK(world().contains(place_of("Idlib", "SY", PlaceKind::admin1), khan));
}

TEST_CASE("gazetteer: exonyms, old names and accents name the same place", "[gazetteer]") {
  const auto kyiv = world().lookup("Kyiv");
  const auto kiev = world().lookup("Kiev");
  REQUIRE(!kyiv.empty());
  REQUIRE(!kiev.empty());
  CHECK(kyiv[0].id == kiev[0].id);
  CHECK(describe(kiev[0]) == "Kyiv (city, UA)");

  for (std::string_view name : {"Türkiye", "Turkiye", "TURKEY", "turkey", "Republic of Turkey"})
    CHECK(has(describe(world().lookup(name)), "Turkey (country, TR)"));
  CHECK(has(describe(world().lookup("Khan Shaykhun")), "Khān Shaykhūn (city, SY)"));
  CHECK(has(describe(world().lookup("Khan-Sheikhoun")), "Khān Shaykhūn (city, SY)"));
  CHECK(has(describe(world().lookup("Ivory Coast")), "Ivory Coast (country, CI)"));
  CHECK(has(describe(world().lookup("Côte d’Ivoire")), "Ivory Coast (country, CI)"));
  CHECK(has(describe(world().lookup("Burma")), "Myanmar (country, MM)"));
  CHECK(has(describe(world().lookup("U.S.")), "United States (country, US)"));
  CHECK(has(describe(world().lookup("Britain")), "United Kingdom (country, GB)"));
  CHECK(has(describe(world().lookup("DRC")), "Democratic Republic of the Congo (country, CD)"));
  CHECK(has(describe(world().lookup("the West Bank")), "West Bank (admin1, PS)"));
  // "Gaza": the city and the Strip, both in the Palestinian territories.
  const auto gaza = describe(world().lookup("Gaza"));
  CHECK(has(gaza, "Gaza (city, PS)"));
  CHECK(has(gaza, "Gaza Strip (admin1, PS)"));
}

TEST_CASE("gazetteer: a division is found without the word for its kind, where no other place has that name",
          "[gazetteer]") {
  // GeoNames writes "Kabupaten Bener Meriah", "South Waziristan District"; news "Bener Meriah".
  CHECK(describe(world().lookup("Bener Meriah")) == std::vector<std::string>{"Kabupaten Bener Meriah (admin2, ID)"});
  CHECK(has(describe(world().lookup("Kabupaten Bener Meriah")), "Kabupaten Bener Meriah (admin2, ID)"));
  CHECK(has(describe(world().lookup("South Waziristan")), "South Wazīristān District (admin2, PK)"));
  // "Lugano" stays the town: Lugano District keeps its whole name only.
  CHECK(!has(describe(world().lookup("Lugano")), "Lugano District (admin2, CH)"));
  CHECK(has(describe(world().lookup("Lugano")), "Lugano (city, CH)"));
}

TEST_CASE("gazetteer: a word that names no place finds nothing", "[gazetteer]") {
  for (std::string_view word : {"Tuesdays", "Suicide Bombing Near", "INS Mysore", "", "   ", "-"})
    CHECK(world().lookup(word).empty());
  CHECK(world().demonym("Tuesdays").empty());
  // Bytes that are not UTF-8 are a name like any other: no place, no crash.
  CHECK(world().lookup("Par\xC3\x28is").empty());
  CHECK(world().lookup(std::string_view("Par\0is", 6)).empty());
  CHECK_FALSE(world().find(1).has_value());
}

TEST_CASE("gazetteer: demonyms give the place of the people", "[gazetteer]") {
  CHECK(describe(world().demonym("Palestinians")) == std::vector<std::string>{"Palestinian Territory (country, PS)"});
  const auto gazans = world().demonym("Gazans");
  REQUIRE(gazans.size() == 1);
  CHECK(describe(gazans[0]) == "Gaza Strip (admin1, PS)");
  CHECK(describe(world().ancestors(gazans[0])) == std::vector<std::string>{"Palestinian Territory (country, PS)"});
  CHECK(describe(world().demonym("Israelis")) == std::vector<std::string>{"Israel (country, IL)"});
  CHECK(describe(world().demonym("Israeli")) == std::vector<std::string>{"Israel (country, IL)"});
  CHECK(describe(world().demonym("Afghans")) == std::vector<std::string>{"Afghanistan (country, AF)"});
  const auto americans = world().demonym("Americans");
  REQUIRE(!americans.empty());
  CHECK(describe(americans[0]) == "United States (country, US)");
  CHECK(describe(world().demonym("Lebanese")) == std::vector<std::string>{"Lebanon (country, LB)"});
  CHECK(has(describe(world().demonym("Britons")), "United Kingdom (country, GB)"));
  // countries.json's "Antiguan, Barbudan" is two demonyms; its "Djibouti" is the place, not its people.
  CHECK(describe(world().demonym("Barbudans")) == std::vector<std::string>{"Antigua and Barbuda (country, AG)"});
  CHECK(world().demonym("Antiguan, Barbudan").empty());
  CHECK(world().demonym("Djibouti").empty());
  // A demonym is not a place name, nor a place name a demonym.
  CHECK(world().lookup("Afghans").empty());
  CHECK(world().demonym("Afghanistan").empty());
}

TEST_CASE("gazetteer: a place without a parent", "[gazetteer]") {
  // A country is a root.
  const auto libya = place_of("Libya", "LY", PlaceKind::country);
  CHECK(libya.parent == 0);
  CHECK(world().ancestors(libya).empty());
  // Laayoune's record names no first-level division: its chain is its country alone.
  const auto laayoune = place_of("Laayoune", "EH", PlaceKind::city);
  CHECK(describe(world().ancestors(laayoune)) == std::vector<std::string>{"Western Sahara (country, EH)"});
}

TEST_CASE("gazetteer: a hand-written table, and a parent loop that does not hang", "[gazetteer]") {
  const std::string table =
      "# a comment\n"
      "#places\tkey\tid\tkind\tcountry\tparent\tpopulation\tname\tnames\tdemonyms\n"
      "alpha\t2\tA\tXX\t3\t\tAlpha\t\t\n"
      "beta\t3\tA\tXX\t2\t\tBeta\tBe\t\n"
      "#names\tkey\tids\n"
      "be\t3\n"
      "#demonyms\tkey\tids\n";
  const Gazetteer small(table);
  CHECK(small.size() == 2);
  const auto beta = small.lookup("BE");
  REQUIRE(beta.size() == 1);
  CHECK(beta[0].name == "Beta");
  CHECK(small.ancestors(beta[0]).size() == 8);  // the bound, not a hang
  // A row is found by its key column, in any case and spelling that folds to it.
  const auto alpha = small.lookup("ALPHA");
  REQUIRE(alpha.size() == 1);
  CHECK(alpha[0].id == 2);
  CHECK(alpha[0].kind == PlaceKind::admin1);
  CHECK(alpha[0].country == "XX");
  CHECK(alpha[0].parent == 3);
  CHECK(alpha[0].names.empty());
  CHECK(small.lookup("Álpha").size() == 1);
  CHECK(small.lookup("Alph").empty());
  CHECK(small.lookup("Alphas").empty());
}

TEST_CASE("gazetteer: a place is found by its own name in any case and with or without accents", "[gazetteer]") {
  // Own names (the #places rows' key column), not other names: Zürich, São
  // Paulo, Łódź and Khān Shaykhūn are GeoNames' names of these places.
  for (std::string_view name : {"Zürich", "Zurich", "ZÜRICH", "zurich", "ZURICH"})
    CHECK(has(describe(world().lookup(name)), "Zürich (city, CH)"));
  for (std::string_view name : {"São Paulo", "Sao Paulo", "SÃO PAULO", "sao  paulo", "Sao-Paulo"})
    CHECK(has(describe(world().lookup(name)), "São Paulo (city, BR)"));
  for (std::string_view name : {"Łódź", "Lodz", "LODZ", "ŁÓDŹ"})
    CHECK(has(describe(world().lookup(name)), "Łódź (city, PL)"));
  for (std::string_view name : {"KHAN SHAYKHUN", "khān shaykhūn", "Khan-Shaykhun"})
    CHECK(has(describe(world().lookup(name)), "Khān Shaykhūn (city, SY)"));
}

TEST_CASE("gazetteer: lookup_folded is lookup of the folded name, and the filter hides no place", "[gazetteer]") {
  const auto ids = [](const std::vector<GazetteerPlace>& places) {
    std::vector<std::uint32_t> out;
    for (const auto& place : places) out.push_back(place.id);
    return out;
  };
  for (std::string_view name : {"Kyiv", "Kiev", "Khān Shaykhūn", "São Paulo", "Paris", "the West Bank", "U.S."}) {
    const auto found = world().lookup(name);
    CHECK(!found.empty());
    CHECK(ids(world().lookup_folded(crosscheck::fold_place_name(name))) == ids(found));
  }
  CHECK(world().lookup_folded("").empty());
  CHECK(world().lookup_folded("tuesdays").empty());
  // A hand-written table has its own filter: each of its keys (own names,
  // other names, demonyms) is found, and nothing else.
  const std::string table =
      "#places\tkey\tid\tkind\tcountry\tparent\tpopulation\tname\tnames\tdemonyms\n"
      "alpha\t2\tC\tXX\t\t\tAlpha\tAlfa\tAlphans\n"
      "beta\t3\tA\tXX\t2\t\tBeta\t\t\n"
      "#names\tkey\tids\n"
      "alfa\t2\n"
      "#demonyms\tkey\tids\n"
      "alphans\t2\n";
  const Gazetteer small(table);
  CHECK(ids(small.lookup("Alpha")) == std::vector<std::uint32_t>{2});
  CHECK(ids(small.lookup("Alfa")) == std::vector<std::uint32_t>{2});
  CHECK(ids(small.lookup("Beta")) == std::vector<std::uint32_t>{3});
  CHECK(ids(small.demonym("Alphans")) == std::vector<std::uint32_t>{2});
  for (std::string_view word : {"Gamma", "Alphans", "Alp", "alphaa"}) CHECK(small.lookup(word).empty());
  CHECK(small.demonym("Alpha").empty());
}

TEST_CASE("gazetteer: fold_place_name is the script's fold", "[gazetteer]") {
  CHECK(crosscheck::fold_place_name("Türkiye") == "turkiye");
  CHECK(crosscheck::fold_place_name("  Khān   Shaykhūn ") == "khan shaykhun");
  CHECK(crosscheck::fold_place_name("Ivano-Frankivsk") == "ivano frankivsk");
  CHECK(crosscheck::fold_place_name("Côte d’Ivoire") == "cote d'ivoire");
  CHECK(crosscheck::fold_place_name("Łódź") == "lodz");
  CHECK(crosscheck::fold_place_name("Straße") == "strasse");
  CHECK(crosscheck::fold_place_name("ŞANLIURFA") == "sanliurfa");
}

// Every row of the committed file has its name's fold as its key and is found
// by its own name, each of its other names and each of its demonyms: the C++
// fold agrees with the script's on every name the file holds, so the binary
// search never misses.
TEST_CASE("gazetteer: every place is found by each of its names", "[gazetteer]") {
  std::ifstream file(std::string(CROSSCHECK_SOURCE_DIR) + "/data/gazetteer/places.tsv", std::ios::binary);
  REQUIRE(file);
  std::string line;
  bool in_places = false;
  std::size_t rows = 0, missed = 0;
  auto finds = [](const std::vector<GazetteerPlace>& places, std::uint32_t id) {
    return std::any_of(places.begin(), places.end(), [&](const GazetteerPlace& p) { return p.id == id; });
  };
  while (std::getline(file, line)) {
    if (line.starts_with("#")) {
      in_places = line.starts_with("#places\t");
      continue;
    }
    if (!in_places) continue;
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    fields.resize(9);
    const auto id = static_cast<std::uint32_t>(std::stoul(fields[1]));
    ++rows;
    // The key column is the script's fold of the name; lookups compare it as
    // it lies, so it must be this library's fold too.
    if (fields[0] != crosscheck::fold_place_name(fields[6])) {
      ++missed;
      UNSCOPED_INFO("key '" << fields[0] << "' is not the fold of " << fields[6] << " (" << id << ")");
    }
    if (const auto by_id = world().find(id); !by_id || by_id->id != id || by_id->name != fields[6]) {
      ++missed;
      UNSCOPED_INFO("not found by its id: " << id);
    }
    std::vector<std::string> names{fields[6]};
    for (std::stringstream alt(fields[7]); std::getline(alt, line, '|');) names.push_back(line);
    for (const auto& name : names)
      if (!finds(world().lookup(name), id)) {
        ++missed;
        UNSCOPED_INFO("not found by its name: " << name << " (" << id << ")");
      }
    for (std::stringstream demonyms(fields[8]); std::getline(demonyms, line, '|');)
      if (!finds(world().demonym(line), id)) {
        ++missed;
        UNSCOPED_INFO("not found by its demonym: " << line << " (" << id << ")");
      }
  }
  CHECK(missed == 0);
  CHECK(rows == world().size());
  CHECK(rows > 180'000);
}

// find() searches only the ids that share the id's top bits (4,096 ids a
// bucket): ids at either side of a bucket's edge, the first and the last,
// and ids between, before and after them.
TEST_CASE("gazetteer: a place is found by its id at either side of the id table's buckets", "[gazetteer]") {
  const std::string table =
      "#places\tkey\tid\tkind\tcountry\tparent\tpopulation\tname\tnames\tdemonyms\n"
      "a\t4095\tP\tXX\t\t\tA\t\t\n"
      "b\t4096\tP\tXX\t\t\tB\t\t\n"
      "c\t1\tC\tXX\t\t\tC\t\t\n"
      "d\t12168386\tP\tXX\t1\t\tD\t\t\n"
      "e\t8191\tP\tXX\t1\t\tE\t\t\n"
      "#names\tkey\tids\n"
      "#demonyms\tkey\tids\n";
  const Gazetteer small(table);
  for (const auto& [id, name] : std::vector<std::pair<std::uint32_t, std::string>>{
           {1, "C"}, {4095, "A"}, {4096, "B"}, {8191, "E"}, {12168386, "D"}}) {
    const auto place = small.find(id);
    REQUIRE(place);
    CHECK(place->name == name);
  }
  for (std::uint32_t id : {0u, 2u, 4094u, 4097u, 8192u, 12168385u, 12168387u, 4294967295u}) CHECK_FALSE(small.find(id));
  CHECK(describe(small.ancestors(*small.find(12168386))) == std::vector<std::string>{"C (country, XX)"});
  CHECK_FALSE(Gazetteer("#places\tkey\n").find(1));
}
