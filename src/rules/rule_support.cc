#include <algorithm>
#include <cmath>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

long day_number(const std::optional<Date>& date) { return date ? crosscheck::day_number(*date) : 0; }

std::vector<std::vector<std::size_t>> windows(const Rule& rule, const ClaimGraph& graph,
                                              const std::vector<std::size_t>& members) {
  const auto& claims = graph.claims();
  std::vector<std::size_t> dated, undated;
  for (std::size_t i : members) {
    if (!rule.select.matches(claims[i])) continue;
    (claims[i].reference_date ? dated : undated).push_back(i);
  }
  std::stable_sort(dated.begin(), dated.end(), [&](std::size_t a, std::size_t b) {
    return day_number(claims[a].reference_date) < day_number(claims[b].reference_date);
  });
  std::vector<std::vector<std::size_t>> groups;
  long start = 0;
  for (std::size_t i : dated) {
    const long day = day_number(claims[i].reference_date);
    if (groups.empty() || day - start > rule.window_days) {
      groups.emplace_back();
      start = day;
    }
    groups.back().push_back(i);
  }
  // An undated figure could be of any year: it joins the dated ones only
  // when they all fall in one window, else it is weighed only against the
  // other undated ones (an article without a date is not set against the
  // figures of other years).
  if (groups.size() <= 1) {
    if (groups.empty() && !undated.empty()) groups.emplace_back();
    for (auto& group : groups) group.insert(group.end(), undated.begin(), undated.end());
  } else if (!undated.empty()) {
    groups.push_back(std::move(undated));
  }
  for (auto& group : groups) std::sort(group.begin(), group.end());
  return groups;
}

double scale_top(const Claim& claim) { return std::isfinite(claim.figure.high) ? claim.figure.high : claim.figure.low; }

bool same_scale(const Rule& rule, const Claim& a, const Claim& b) {
  if (rule.max_ratio <= 0) return true;
  const Claim& smaller = a.figure.low <= b.figure.low ? a : b;
  const Claim& larger = a.figure.low <= b.figure.low ? b : a;
  const double top = scale_top(smaller);
  return top <= 0 || larger.figure.low <= rule.max_ratio * top;
}

std::vector<std::vector<std::size_t>> scale_bands(const Rule& rule, const std::vector<Claim>& claims,
                                                  std::vector<std::size_t> group) {
  if (rule.max_ratio <= 0 || group.size() < 2) return {std::move(group)};
  // From the largest down, each figure heads a band of the figures within
  // max_ratio of it; a band inside the one before is left out. A chain of
  // figures each near the next (10, 27, 70, 198, 700, 2,670) is then no one
  // band, and no pair within the ratio is lost to a cut between bands
  // (1,000, 120 and 90: {1,000, 120} and {120, 90}). Linear: a band's end
  // only moves on.
  std::stable_sort(group.begin(), group.end(),
                   [&](std::size_t a, std::size_t b) { return claims[a].figure.low > claims[b].figure.low; });
  const auto within = [&](std::size_t head, std::size_t other) {
    const double top = scale_top(claims[other]);
    return top <= 0 || claims[head].figure.low <= rule.max_ratio * top;
  };
  std::vector<std::vector<std::size_t>> bands;
  std::size_t end = 0, covered = 0;
  for (std::size_t i = 0; i < group.size(); ++i) {
    end = std::max(end, i + 1);
    while (end < group.size() && within(group[i], group[end])) ++end;
    if (end > covered) {
      bands.emplace_back(group.begin() + static_cast<std::ptrdiff_t>(i),
                         group.begin() + static_cast<std::ptrdiff_t>(end));
      covered = end;
    }
  }
  for (auto& band : bands) std::sort(band.begin(), band.end());
  return bands;
}

Interval widened(const Rule& rule, const Claim& claim) {
  return Interval{claim.figure.low, claim.figure.high}.widened(rule.tolerance);
}

std::string describe_claim(const Claim& claim) {
  std::string who = source_of(claim);
  if (claim.attribution) who += ", " + claim.attribution->authority;
  return fmt::format("{} ({})", claim.text, who);
}

namespace {

// The rule's message with {entity}, {metric}, {subject}, {count} and
// {values} filled in.
std::string render_message(const Rule& rule, const ClaimKey& key, std::size_t count, const std::string& values) {
  std::string out;
  const std::string& message = rule.message;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '{') {
      const std::size_t close = message.find('}', i);
      if (close != std::string::npos) {
        const std::string_view name = std::string_view(message).substr(i + 1, close - i - 1);
        if (name == "entity")
          out += key.entity.empty() ? "an unnamed place" : key.entity;
        else if (name == "metric")
          out += key.metric.empty() ? "-" : key.metric;
        else if (name == "subject")
          out += key.subject.empty() ? "all" : key.subject;
        else if (name == "count")
          out += std::to_string(count);
        else if (name == "values")
          out += values;
        else
          out += message.substr(i, close - i + 1);  // unknown placeholders stay as written
        i = close;
        continue;
      }
    }
    out += message[i];
  }
  return out;
}

}  // namespace

Finding& FindingSink::add(const ClaimKey& key, std::vector<std::size_t> claims, std::size_t count,
                          const std::string& values) {
  Finding& finding = findings_.emplace_back();
  finding.rule = rule_.id;
  finding.kind = rule_.kind;
  finding.severity = rule_.severity;
  finding.key = key;
  finding.claims = std::move(claims);
  finding.message = render_message(rule_, key, count, values);
  return finding;
}

}  // namespace crosscheck::rules
