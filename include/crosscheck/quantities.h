// crosscheck: quantities, the third pipeline stage.
//
/// Finds every figure in a piece of text the way a careful reader does, and
/// turns each into an interval:
///
///   "at least 35,000"          -> [35000, inf)       at_least
///   "nearly 80,000 wounded"    -> [76000, 80000)     nearly
///   "approximately 54,000 tons"-> [48600, 59400]     approx, unit "t"
///   "$9.5 billion"             -> [9.5e9, 9.5e9]     exact, unit "USD"
///   "between 3,000 and 4,000"  -> [3000, 4000]       range
///   "tens of thousands"        -> [20000, 100000)    vague
///
/// Digits (with thousands separators, decimals, signs), spelled-out numbers
/// ("one hundred and six", "five and a half million"), fractions ("a third",
/// "3/4", "¾"), scale words and suffixes ("1.4 million", "2.3bn", "35k"),
/// percentages, currencies and units are read. Dates, years, times, ages,
/// ordinals, addresses, phone and version numbers, durations ("eight
/// months") and the pronoun "one" are not figures and are left out.
///
/// One pass over the bytes; no regular expressions; words are looked up in
/// hash tables. A `QuantityReader` keeps scratch buffers between calls: make
/// one per thread and reuse it.
///
/// **Example**
///
///     crosscheck::QuantityReader reader;
///     for (const crosscheck::Quantity& q : reader.read("over 35,000 people have died"))
///       fmt::print("{}\n", q);  // 'over 35,000' = 35000 (35000, inf) more_than people
#pragma once

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/segment.h"

namespace crosscheck {

/// How the words around a figure bound it (the design's qualifier table).
enum class Qualifier {
  exact,      ///< 3,958                        [v, v]
  at_least,   ///< at least, no fewer than      [v, inf)
  more_than,  ///< more than, over, upwards of  (v, inf)
  nearly,     ///< nearly, almost, close to     [v(1-d), v)
  approx,     ///< about, around, some          [v(1-e), v(1+e)]
  at_most,    ///< up to, as many as, at most   [0, v]
  less_than,  ///< fewer than, under            [0, v)
  range,      ///< between 3,000 and 4,000      [a, b]
  vague,      ///< hundreds, tens of thousands  [lo, hi)
};

std::string_view format_as(Qualifier qualifier);

/// The largest magnitude a figure may have: 10^18, a quintillion. The largest
/// amounts news reports mean are around a quadrillion (10^15: the notional
/// value of all derivatives; world GDP is about 10^14 dollars, the world's
/// population 10^10), so this leaves a thousandfold margin. What lies beyond
/// it is hyperbole ("a million million million million times"), a stray
/// exponent ("$1e308 billion") or an identifier: it is not read as a figure,
/// as a run of more than 24 digits is not, so no value is ever infinite or
/// NaN. Only an open end of an interval is infinite ("at least 5" is
/// [5, inf)).
inline constexpr double kMaxFigure = 1e18;

/// What a figure says, apart from where it was written: the number stated,
/// the interval it stands for, how the words bound it, its unit and the
/// noun it counts. A `Quantity` is a figure found at a place in a text; a
/// `Claim` holds the figure of the quantity it was read from.
///
/// NOTE: this is the shared core rather than `Claim` holding a whole
/// `Quantity`: a quantity's four text ranges point into the sentence that
/// was read, mean nothing once a claim leaves it, and would cost a claim 64
/// bytes (issue 21 holds ten million of them).
struct Figure {
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  double value = 0;  ///< the number stated (a range's low end, a vague amount's low end)
  double low = 0;    ///< -inf when unbounded below
  double high = 0;   ///< +inf when unbounded above
  bool low_open = false;
  bool high_open = false;
  Qualifier qualifier = Qualifier::exact;
  /// "%", an ISO currency code ("USD"), a unit symbol ("t", "km", "mm"),
  /// "people" for a count of people, or empty for a bare number.
  std::string unit;
  /// The counted noun when the figure counts something: "people",
  /// "children", "Palestinians", "journalists", "product groups".
  std::string noun;

  /// Whether `x` lies in the interval.
  bool contains(double x) const;
  /// The interval as reports write it: `[35000, inf)` (the free interval_text).
  std::string interval_text() const;

  friend bool operator==(const Figure&, const Figure&) = default;
};

/// One figure found in a text: the figure and where it stands. (It derives
/// from `Figure` so that the reader fills `q.value`, `q.unit` as it always
/// has.)
struct Quantity : Figure {
  TextRange span;         ///< the figure as written, qualifier and unit included
  TextRange amount;       ///< the span without the qualifier: "$14 million" in "about $14 million"
  TextRange number;       ///< just the number ("35,000" in "at least 35,000 tons"); a range's low end
  TextRange high_number;  ///< a range's high end; empty otherwise
};

/// An interval as `[35000, inf)`: round brackets for open ends, and an
/// infinite end is always open. This is the only place "inf" appears in any
/// output: no value is ever infinite or NaN (kMaxFigure).
std::string interval_text(double low, double high, bool low_open, bool high_open);

/// Whether `unit` is a unit as claims carry it: "people", "%", a currency
/// code ("USD") or a unit symbol the reader gives ("t", "km", "mi").
bool is_unit_symbol(std::string_view unit);

/// `'at least 35,000' = 35000 [35000, inf) at_least people`, given the text
/// the span points into. Used by `crosscheck extract` and the tests.
std::string describe(const Quantity& quantity, std::string_view text);

/// Words a reader of figures also wants to know about: the claims stage asks,
/// with each sentence it reads, whether the sentence names a known place
/// (the longest word of each place name), so that it need not read the
/// sentences without figures again. Build once and pass it to
/// QuantityReader::read; it may be shared between threads.
///
///     const crosscheck::WordWatch places({"gaza", "rafah"});
///     const bool names_place = reader.read(sentence, figures, places);
class WordWatch {
 public:
  /// Watches `lower_words` (lower-cased). A word the reader does not take
  /// whole (with digits or marks in it, or over 16 bytes) makes every text
  /// count as holding one, which is never wrong, only slower for the caller.
  explicit WordWatch(const std::vector<std::string>& lower_words);
  ~WordWatch();
  WordWatch(WordWatch&&) noexcept;
  WordWatch& operator=(WordWatch&&) noexcept;

 private:
  friend class QuantityReader;
  struct Roles;  // the reader's word roles with the watched words marked: one lookup a word answers both
  std::unique_ptr<const Roles> roles_;
  bool everything_ = false;
};

/// Reads quantities. Cheap to build; keeps scratch space, so reuse one per
/// thread.
class QuantityReader {
 public:
  explicit QuantityReader(IntervalMargins margins = {});
  ~QuantityReader();
  QuantityReader(QuantityReader&&) noexcept;
  QuantityReader& operator=(QuantityReader&&) noexcept;

  /// The figures of `text` (a sentence, or any UTF-8 text) in order.
  /// Offsets are relative to `text`. Never throws on any input.
  std::vector<Quantity> read(std::string_view text);

  /// The same into `figures` (cleared first), reusing its storage: for a
  /// caller that reads sentence after sentence.
  void read(std::string_view text, std::vector<Quantity>& figures);

  /// The same, and whether `text` holds one of the words `watch` watches
  /// for: found by the lookup every word of the text gets anyway, so the
  /// answer costs nothing more.
  bool read(std::string_view text, std::vector<Quantity>& figures, const WordWatch& watch);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck
