// The gazetteer: lookups over places.tsv's text where it lies (see
// scripts/make_gazetteer.py for the format). The first lookup notes where
// each row starts (one pass, a few milliseconds, a few MB); names are then
// found by binary search over the rows, which the file keeps sorted by their
// first field, the folded name (so a comparison folds nothing), and ids by
// binary search over a table sorted by id, in the part of it
// that shares the id's top bits.
#include "crosscheck/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazetteer/built_in_data.h"

namespace crosscheck {

struct Gazetteer::Index {
  std::vector<std::uint32_t> places;  // row starts, in the file's (key) order
  std::vector<std::uint64_t> by_id;   // id << 32 | row start, sorted (by id)
  // by_id's entries whose id >> kIdShift is b are [id_starts[b],
  // id_starts[b + 1]): find() searches a few dozen entries, two or three
  // cache lines, instead of the whole 1.5 MB table (ancestors() and the
  // other names' ids call it several times a lookup).
  static constexpr int kIdShift = 12;
  std::vector<std::uint32_t> id_starts;
  std::vector<std::uint32_t> names;     // #names rows, sorted by key
  std::vector<std::uint32_t> demonyms;  // #demonyms rows, sorted by key
  // A filter over the keys of the names (#places and #names) and of the
  // people-nouns (#demonyms): each key sets two bits of one 64-bit word, both
  // picked by a hash of the key and its kind, and a key with either bit clear
  // is in no row. Most words asked about are no place (in the Reuters corpus
  // 94% of lookups find nothing), and where a binary search over the rows
  // costs a cache miss at every step, the filter costs one.
  enum Kind : std::uint64_t { name = 0, people = 1 };
  static constexpr std::size_t kFilterWords = 1 << 15;  // 256 KB; about 3% of misses pass with 185,000 keys
  std::vector<std::uint64_t> filter = std::vector<std::uint64_t>(kFilterWords);
  // The people-nouns have their own, small enough to stay in the cache:
  // they are a few hundred keys, and asked about for most capitalized words
  // that stand alone (each then cost a miss in the names' 256 KB).
  static constexpr std::size_t kPeopleFilterWords = 1 << 10;  // 8 KB
  std::vector<std::uint64_t> people_filter = std::vector<std::uint64_t>(kPeopleFilterWords);
  std::vector<std::uint64_t>& filter_of(Kind kind) { return kind == people ? people_filter : filter; }
  const std::vector<std::uint64_t>& filter_of(Kind kind) const { return kind == people ? people_filter : filter; }

  void add_key(std::string_view key, Kind kind);
  bool may_have(std::string_view key, Kind kind) const;
};

namespace {

// The fields of a row, split at tabs (a missing trailing field is empty).
template <std::size_t N>
std::array<std::string_view, N> split_row(std::string_view line) {
  std::array<std::string_view, N> fields{};
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t tab = line.find('\t');
    fields[i] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

std::string_view line_at(std::string_view data, std::uint32_t start) {
  const std::size_t end = data.find('\n', start);
  return data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The decimal number `text` starts with; 0 when it starts with none (an
// empty field) or the number does not fit, as std::from_chars would leave
// it, which takes several times longer (the index parses 184,000 ids).
template <typename Number>
Number number(std::string_view text) {
  Number value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') break;
    const auto digit = static_cast<Number>(c - '0');
    if (value > (std::numeric_limits<Number>::max() - digit) / 10) return 0;
    value = static_cast<Number>(value * 10 + digit);
  }
  return value;
}

// Sorts `by_id` (id << 32 | row start, pushed in row order) by id, equal ids
// in row order, as std::sort would: a byte of the id at a time (LSD radix
// sort), several times faster than std::sort on the rows indexed at start.
void sort_by_id(std::vector<std::uint64_t>& by_id) {
  std::vector<std::uint64_t> sorted(by_id.size());
  for (int shift = 32; shift < 64; shift += 8) {
    std::array<std::size_t, 257> next{};  // next[b + 1]: how many have byte b; then where byte b goes
    for (std::uint64_t v : by_id) ++next[((v >> shift) & 0xFF) + 1];
    if (std::count(next.begin(), next.end(), by_id.size()) == 1) continue;  // every id has the same byte here
    for (std::size_t b = 1; b < next.size(); ++b) next[b] += next[b - 1];
    for (std::uint64_t v : by_id) sorted[next[(v >> shift) & 0xFF]++] = v;
    by_id.swap(sorted);
  }
}

PlaceKind kind_of(std::string_view letter) {
  if (letter == "C") return PlaceKind::country;
  if (letter == "A") return PlaceKind::admin1;
  if (letter == "B") return PlaceKind::admin2;
  return PlaceKind::city;
}

// A #places row: key id kind country parent population name names demonyms.
GazetteerPlace parse_place(std::string_view line) {
  const auto f = split_row<9>(line);
  return {number<std::uint32_t>(f[1]), kind_of(f[2]), f[3], number<std::uint32_t>(f[4]),
          number<std::uint64_t>(f[5]), f[6],          f[7], f[8]};
}

// The ids of a #names or #demonyms row ("key<TAB>id id id").
std::vector<std::uint32_t> row_ids(std::string_view line) {
  std::vector<std::uint32_t> ids;
  std::string_view rest = split_row<2>(line)[1];
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    ids.push_back(number<std::uint32_t>(rest.substr(0, space)));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return ids;
}

// The key (first field) of the row at `start` against `key`, as bytes
// (negative, zero or positive, as std::string_view::compare): one walk over
// both, which mostly ends at the first bytes, where cutting the field out
// first would read all of it.
int compare_key(std::string_view data, std::uint32_t start, std::string_view key) {
  for (std::size_t i = 0;; ++i) {
    const std::size_t at = start + i;
    const bool row_key_ends = at >= data.size() || data[at] == '\t' || data[at] == '\n';
    if (i == key.size()) return row_key_ends ? 0 : 1;
    if (row_key_ends) return -1;
    const auto a = static_cast<unsigned char>(data[at]);
    const auto b = static_cast<unsigned char>(key[i]);
    if (a != b) return a < b ? -1 : 1;
  }
}

// The rows of `rows` (sorted by key) whose key (first field) is `key`.
std::pair<std::vector<std::uint32_t>::const_iterator, std::vector<std::uint32_t>::const_iterator> rows_with_key(
    std::string_view data, const std::vector<std::uint32_t>& rows, std::string_view key) {
  const auto first = std::lower_bound(rows.begin(), rows.end(), key, [&](std::uint32_t start, std::string_view k) {
    return compare_key(data, start, k) < 0;
  });
  auto last = first;
  while (last != rows.end() && compare_key(data, *last, key) == 0) ++last;
  return {first, last};
}

// The row of `rows` whose key is `key`, or nothing.
std::optional<std::string_view> find_key(std::string_view data, const std::vector<std::uint32_t>& rows,
                                         std::string_view key) {
  const auto [first, last] = rows_with_key(data, rows, key);
  if (first == last) return std::nullopt;
  return line_at(data, *first);
}

// A hash of a key for the filter, 8 bytes at a time (it hashes every key at start).
std::uint64_t key_hash(std::string_view key, std::uint64_t seed) {
  std::uint64_t hash = (key.size() + (seed << 32)) * 0x9E3779B97F4A7C15ULL;
  const auto mix = [&](std::uint64_t word) {
    hash = (hash ^ word) * 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, key.data() + i, 8);
    mix(word);
  }
  if (i < key.size()) {
    std::uint64_t word = 0;
    for (; i < key.size(); ++i) word = word << 8 | static_cast<unsigned char>(key[i]);
    mix(word);
  }
  return hash * 0xC4CEB9FE1A85EC53ULL;
}

// Most populous first, then countries before divisions before cities, then by id.
void rank(std::vector<GazetteerPlace>& places) {
  std::sort(places.begin(), places.end(), [](const GazetteerPlace& a, const GazetteerPlace& b) {
    if (a.population != b.population) return a.population > b.population;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  });
  places.erase(std::unique(places.begin(), places.end(),
                           [](const GazetteerPlace& a, const GazetteerPlace& b) { return a.id == b.id; }),
               places.end());
}

}  // namespace

std::string_view to_string(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::country:
      return "country";
    case PlaceKind::admin1:
      return "admin1";
    case PlaceKind::admin2:
      return "admin2";
    case PlaceKind::city:
      break;
  }
  return "city";
}

const Gazetteer& Gazetteer::built_in() {
  static const Gazetteer gazetteer(built_in_gazetteer_data());
  return gazetteer;
}

namespace {

// The word of the filter a key's bits are in, and its two bits (from the
// hash's top bits, the best mixed).
std::pair<std::size_t, std::uint64_t> filter_bits(std::string_view key, std::uint64_t kind, std::size_t words) {
  const std::uint64_t hash = key_hash(key, kind);
  return {static_cast<std::size_t>(hash >> 49) % words, (1ULL << ((hash >> 37) & 63)) | (1ULL << ((hash >> 43) & 63))};
}

}  // namespace

void Gazetteer::Index::add_key(std::string_view key, Kind kind) {
  std::vector<std::uint64_t>& words = filter_of(kind);
  const auto [word, bits] = filter_bits(key, kind, words.size());
  words[word] |= bits;
}

bool Gazetteer::Index::may_have(std::string_view key, Kind kind) const {
  const std::vector<std::uint64_t>& words = filter_of(kind);
  const auto [word, bits] = filter_bits(key, kind, words.size());
  return (words[word] & bits) == bits;
}

Gazetteer::Gazetteer(std::string_view data) : data_(data) {}
Gazetteer::~Gazetteer() = default;

// One pass over the rows: each line's start goes to the section its last
// '#section' header named; comment lines ('# ...') are skipped.
const Gazetteer::Index& Gazetteer::index() const {
  std::call_once(once_, [this] {
    auto index = std::make_unique<Index>();
    std::vector<std::uint32_t>* section = nullptr;
    for (std::size_t start = 0; start < data_.size();) {
      std::size_t end = data_.find('\n', start);
      if (end == std::string_view::npos) end = data_.size();
      const std::string_view line = data_.substr(start, end - start);
      if (line.starts_with("#places\t")) {
        section = &index->places;
      } else if (line.starts_with("#names\t")) {
        section = &index->names;
      } else if (line.starts_with("#demonyms\t")) {
        section = &index->demonyms;
      } else if (!line.empty() && line[0] != '#' && section != nullptr) {
        section->push_back(static_cast<std::uint32_t>(start));
        const std::size_t tab = std::min(line.find('\t'), line.size());
        index->add_key(line.substr(0, tab), section == &index->demonyms ? Index::people : Index::name);
        // A #places row's id is its second field.
        if (section == &index->places)
          index->by_id.push_back(
              std::uint64_t{number<std::uint32_t>(line.substr(std::min(tab + 1, line.size())))} << 32 | start);
      }
      start = end + 1;
    }
    sort_by_id(index->by_id);
    const std::size_t buckets = index->by_id.empty() ? 0 : (index->by_id.back() >> (32 + Index::kIdShift)) + 1;
    index->id_starts.assign(buckets + 1, 0);
    for (std::uint64_t entry : index->by_id) ++index->id_starts[(entry >> (32 + Index::kIdShift)) + 1];
    for (std::size_t b = 1; b < index->id_starts.size(); ++b) index->id_starts[b] += index->id_starts[b - 1];
    index_ = std::move(index);
  });
  return *index_;
}

std::size_t Gazetteer::size() const { return index().places.size(); }

std::optional<GazetteerPlace> Gazetteer::find(std::uint32_t id) const {
  const Index& idx = index();
  const std::size_t bucket = id >> Index::kIdShift;
  if (bucket + 1 >= idx.id_starts.size()) return std::nullopt;
  const auto first = idx.by_id.begin() + idx.id_starts[bucket];
  const auto last = idx.by_id.begin() + idx.id_starts[bucket + 1];
  const auto it = std::lower_bound(first, last, std::uint64_t{id} << 32);
  if (it == last || *it >> 32 != id) return std::nullopt;
  return parse_place(line_at(data_, static_cast<std::uint32_t>(*it)));
}

std::vector<GazetteerPlace> Gazetteer::lookup(std::string_view name) const {
  return lookup_folded(fold_place_name(name));
}

bool Gazetteer::may_name(std::string_view key) const { return index().may_have(key, Index::name); }

std::vector<GazetteerPlace> Gazetteer::lookup_folded(std::string_view key) const {
  std::vector<GazetteerPlace> found;
  if (key.empty()) return found;
  const Index& idx = index();
  if (!idx.may_have(key, Index::name)) return found;
  // Places whose own name folds to the key: a run of rows in the file's order.
  const auto [first, last] = rows_with_key(data_, idx.places, key);
  for (auto it = first; it != last; ++it) found.push_back(parse_place(line_at(data_, *it)));
  // Places that have it as another name.
  if (const auto row = find_key(data_, idx.names, key))
    for (std::uint32_t id : row_ids(*row))
      if (auto place = find(id)) found.push_back(*place);
  rank(found);
  return found;
}

std::vector<GazetteerPlace> Gazetteer::demonym(std::string_view word) const {
  return demonym_folded(fold_place_name(word));
}

bool Gazetteer::may_name_people(std::string_view key) const { return index().may_have(key, Index::people); }

std::vector<GazetteerPlace> Gazetteer::demonym_folded(std::string_view key) const {
  std::vector<GazetteerPlace> found;
  const Index& idx = index();
  if (!idx.may_have(key, Index::people)) return found;
  if (const auto row = find_key(data_, idx.demonyms, key))
    for (std::uint32_t id : row_ids(*row))
      if (auto place = find(id)) found.push_back(*place);
  rank(found);
  return found;
}

std::vector<GazetteerPlace> Gazetteer::ancestors(const GazetteerPlace& place) const {
  std::vector<GazetteerPlace> chain;
  // The data has no cycles (the script builds every chain downward from a
  // country); the bound only keeps a hand-written table from looping.
  std::uint32_t parent = place.parent;
  for (int depth = 0; parent != 0 && depth < 8; ++depth) {
    const auto next = find(parent);
    if (!next) break;
    chain.push_back(*next);
    parent = next->parent;
  }
  return chain;
}

bool Gazetteer::contains(const GazetteerPlace& outer, const GazetteerPlace& inner) const {
  for (const GazetteerPlace& ancestor : ancestors(inner))
    if (ancestor.id == outer.id) return true;
  return false;
}

}  // namespace crosscheck
