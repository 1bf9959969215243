#include "crosscheck/interval.h"

#include <algorithm>
#include <cmath>

namespace crosscheck {

Interval Interval::widened(const Tolerance& tolerance) const {
  if (tolerance.percent) {
    const double f = tolerance.amount / 100;
    return {low - std::abs(low) * f, high + std::abs(high) * f};
  }
  return {low - tolerance.amount, high + tolerance.amount};
}

bool Interval::meets(const Interval& other) const { return std::max(low, other.low) <= std::min(high, other.high); }

}  // namespace crosscheck
