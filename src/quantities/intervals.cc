// The interval a figure stands for, from its value and qualifier, and a lower
// and an upper bound read as two figures joined into one range.

#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)
}  // namespace

// Whether every number of `q` is at most kMaxFigure in size (an open end
// may be infinite); false for NaN.
bool QuantityReader::Impl::within_ceiling(const Quantity& q) {
  auto bound = [](double x) { return std::isinf(x) || std::abs(x) <= kMaxFigure; };
  return std::abs(q.value) <= kMaxFigure && bound(q.low) && bound(q.high);
}

// "more than 10 and less than 20", "at most 100 and at least 20": a lower
// and an upper bound joined by "and", "but" or a comma make one interval.
void QuantityReader::Impl::join_bounds(std::vector<Quantity>& figures) const {
  if (figures.size() < 2) return;
  auto lower_bound_only = [](const Quantity& q) {
    return q.qualifier == Qualifier::more_than || q.qualifier == Qualifier::at_least;
  };
  auto upper_bound_only = [](const Quantity& q) {
    return q.qualifier == Qualifier::less_than || q.qualifier == Qualifier::at_most;
  };
  auto bound_pair = [&](const Quantity& a, const Quantity& b) {
    return (lower_bound_only(a) && upper_bound_only(b)) || (upper_bound_only(a) && lower_bound_only(b));
  };
  bool any_pair = false;  // nearly always none: then nothing is copied
  for (std::size_t k = 0; k + 1 < figures.size(); ++k) any_pair = any_pair || bound_pair(figures[k], figures[k + 1]);
  if (!any_pair) return;
  std::vector<Quantity> joined;
  for (std::size_t k = 0; k < figures.size(); ++k) {
    if (k + 1 < figures.size()) {
      const Quantity& a = figures[k];
      const Quantity& b = figures[k + 1];
      std::string_view between = text_.substr(a.span.end, b.span.begin - a.span.end);
      while (!between.empty() && (between.front() == ' ' || between.front() == ',')) between.remove_prefix(1);
      while (!between.empty() && (between.back() == ' ' || between.back() == ',')) between.remove_suffix(1);
      const bool joins = (between.empty() &&
                          text_.substr(a.span.end, b.span.begin - a.span.end).find(',') != std::string_view::npos) ||
                         reader_words_->has(between, kBoundJoiner);
      const bool pair = bound_pair(a, b);
      const Quantity& low = lower_bound_only(a) ? a : b;
      const Quantity& high = lower_bound_only(a) ? b : a;
      if (joins && pair && a.unit == b.unit && low.low < high.high) {
        Quantity both = low;
        both.span = {a.span.begin, b.span.end};
        both.amount = both.span;
        both.qualifier = Qualifier::range;
        both.high = high.high;
        both.high_open = high.high_open;
        both.high_number = high.number;
        joined.push_back(std::move(both));
        ++k;
        continue;
      }
    }
    joined.push_back(std::move(figures[k]));
  }
  figures = std::move(joined);
}

void QuantityReader::Impl::set_interval(Quantity& q, Qualifier qualifier) const {
  const double v = q.value;
  q.qualifier = qualifier;
  q.low_open = q.high_open = false;
  switch (qualifier) {
    case Qualifier::exact:
    case Qualifier::range:
    case Qualifier::vague:
      q.low = q.high = v;
      break;
    case Qualifier::at_least:
      q.low = v, q.high = kInf, q.high_open = true;
      break;
    case Qualifier::more_than:
      q.low = v, q.high = kInf, q.low_open = q.high_open = true;
      break;
    case Qualifier::nearly:
      q.low = v >= 0 ? v * (1 - margins_.nearly) : v * (1 + margins_.nearly);
      q.high = v, q.high_open = true;
      break;
    case Qualifier::approx:
      q.low = v - std::abs(v) * margins_.approx;
      q.high = v + std::abs(v) * margins_.approx;
      break;
    case Qualifier::at_most:
      q.low = v >= 0 ? 0 : -kInf, q.high = v, q.low_open = v < 0;
      break;
    case Qualifier::less_than:
      q.low = v >= 0 ? 0 : -kInf, q.high = v, q.low_open = v < 0, q.high_open = true;
      break;
  }
}

}  // namespace crosscheck
