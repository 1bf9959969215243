// crosscheck: the interval a figure stands for, and how two are put against
// each other.
//
/// Every figure is an interval ("at least 35,000" is [35000, inf)). Rules and
/// `compare` widen intervals by a tolerance and ask whether they meet; this
/// is the one implementation of both, so that `check` and `compare` cannot
/// give two answers to one question.
///
/// **Example**
///
///     crosscheck::Interval a{35000, crosscheck::Interval::kUnbounded};
///     crosscheck::Interval b{34000, 34000};
///     a.meets(b);                       // false
///     a.widened({5, true}).meets(b);    // true: 35000 - 5 % = 33250
#pragma once

#include <limits>

namespace crosscheck {

/// How much two figures may differ and still agree.
struct Tolerance {
  double amount = 0;
  bool percent = true;  ///< amount is a percentage of each end's magnitude; else absolute
};

/// A closed interval of figure values; an end may be infinite (unbounded).
/// Open ends ("more than 2,000") are compared as closed: a tolerance of a
/// few percent swamps the difference, and the rules have always done so.
struct Interval {
  static constexpr double kUnbounded = std::numeric_limits<double>::infinity();

  double low = 0;
  double high = 0;

  /// Both ends moved outwards by `tolerance`; an infinite end stays infinite.
  Interval widened(const Tolerance& tolerance) const;
  /// Whether the two share at least one value.
  bool meets(const Interval& other) const;
};

}  // namespace crosscheck
