// Rule kind `conflict`: figures of one key and time window that cannot all
// hold. The figures that can dispute one another are swept into groups that
// can all hold together (agreeing_groups, shared with `compare`); two or more
// groups are one finding.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

// Why the clusters likely differ, where it can be told.
std::vector<std::string> reasons(const std::vector<Claim>& claims, const std::vector<Cluster>& clusters) {
  std::vector<std::string> out;
  std::set<std::string> seen_backers;
  bool disjoint = true;
  for (const Cluster& cluster : clusters) {
    for (const std::string& backer : cluster.authorities) {
      if (!seen_backers.insert(backer).second) disjoint = false;
    }
  }
  if (disjoint) out.push_back("different authorities");
  std::set<long> days;
  bool scoped = false, unscoped = false, qualified = false, exact = false;
  for (const Cluster& cluster : clusters) {
    for (std::size_t i : cluster.claims) {
      if (claims[i].reference_date) days.insert(day_number(claims[i].reference_date));
      (claims[i].since ? scoped : unscoped) = true;
      (claims[i].figure.qualifier == Qualifier::exact ? exact : qualified) = true;
    }
  }
  if (days.size() > 1) out.push_back("different reference dates");
  if (scoped && unscoped) out.push_back("different time scopes (since a start date, against a single day)");
  if (qualified && exact) out.push_back("a rounded or qualified restatement against an exact count");
  return out;
}

// Whose word a claim is, as the rule's `across` counts voices: the outlet
// (sources) or the authority, the outlet when none is named (authorities).
// Two figures of one voice are not rivals: an outlet or an authority that
// gives two different figures is counting two things or updating its own
// count, not contradicting itself. Under `any` every claim is its own voice
// (`index`, its place in the group).
std::string voice_of(const Claim& claim, Across across, std::size_t index) {
  switch (across) {
    case Across::sources:
      return source_of(claim);
    case Across::authorities:
      return backer_of(claim);
    case Across::any:
      break;
  }
  return std::to_string(index);
}

// One voice's figures in one article that cannot both hold count two things
// (a blast's toll and the war's, a toll and the earlier one it revises),
// not one thing twice: the group keeps the article's latest by reference
// date, the first in the text among those of one day, and only that is
// set against other voices. Across articles a voice's figures all stay:
// each is what one report said. Linear after the sort: the kept figures of
// a voice all meet, so a figure meets each of them exactly when it meets
// their common part (intervals on a line that meet pairwise share a point).
std::vector<std::size_t> one_figure_per_voice_in_an_article(const Rule& rule, const std::vector<Claim>& claims,
                                                            std::vector<std::size_t> group) {
  using Position = std::tuple<const std::string&, const std::string&, long, std::uint32_t, std::uint32_t>;
  const auto position = [&](std::size_t i) {
    const Claim& claim = claims[i];
    return Position(claim.file, claim.article, -day_number(claim.reference_date), claim.line, claim.column);
  };
  std::stable_sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) { return position(a) < position(b); });
  std::vector<std::size_t> kept;
  std::map<std::string, Interval> common;  // each voice's kept figures' common part, in the current article
  const Claim* article = nullptr;
  for (std::size_t k = 0; k < group.size(); ++k) {
    const Claim& claim = claims[group[k]];
    if (article == nullptr || article->file != claim.file || article->article != claim.article) {
      article = &claim;
      common.clear();
    }
    const Interval interval = widened(rule, claim);
    const auto [voice, first] = common.try_emplace(voice_of(claim, rule.across, k), interval);
    if (!first) {
      if (!interval.meets(voice->second)) continue;  // counts another thing
      voice->second = Interval{std::max(voice->second.low, interval.low), std::min(voice->second.high, interval.high)};
    }
    kept.push_back(group[k]);
  }
  std::sort(kept.begin(), kept.end());
  return kept;
}

// The claims of `group` that have a rival: a figure of another voice that
// cannot hold with theirs (`across: any`: any figure that cannot). A finding
// lists only these: a claim is shown only where another voice disputes it
// (its own voice's other figures may still stand in other groups when a
// third voice disputes them). In O(k log k): the claims wholly below a claim are a prefix of the
// claims by high end, and those wholly above a suffix by low end; each
// prefix and suffix keeps its first two voices.
std::vector<std::size_t> with_rivals(const Rule& rule, const std::vector<Claim>& claims,
                                     const std::vector<std::size_t>& group) {
  const std::size_t n = group.size();
  std::vector<Interval> interval(n);
  std::vector<std::string> voice(n);
  for (std::size_t k = 0; k < n; ++k) {
    interval[k] = widened(rule, claims[group[k]]);
    voice[k] = voice_of(claims[group[k]], rule.across, k);
  }
  // The first two distinct voices of a run of claims; -1 for none.
  struct TwoVoices {
    long first = -1, second = -1;
    void add(std::size_t k, const std::vector<std::string>& voices) {
      if (first < 0) {
        first = static_cast<long>(k);
      } else if (second < 0 && voices[k] != voices[static_cast<std::size_t>(first)]) {
        second = static_cast<long>(k);
      }
    }
    bool other_than(const std::string& mine, const std::vector<std::string>& voices) const {
      return second >= 0 || (first >= 0 && voices[static_cast<std::size_t>(first)] != mine);
    }
  };
  std::vector<std::size_t> by_high(n), by_low(n);
  for (std::size_t k = 0; k < n; ++k) by_high[k] = by_low[k] = k;
  std::sort(by_high.begin(), by_high.end(),
            [&](std::size_t a, std::size_t b) { return interval[a].high < interval[b].high; });
  std::sort(by_low.begin(), by_low.end(),
            [&](std::size_t a, std::size_t b) { return interval[a].low < interval[b].low; });
  std::vector<TwoVoices> prefix(n + 1), suffix(n + 1);  // prefix[j]: by_high[0..j); suffix[j]: by_low[j..n)
  for (std::size_t j = 0; j < n; ++j) {
    prefix[j + 1] = prefix[j];
    prefix[j + 1].add(by_high[j], voice);
  }
  for (std::size_t j = n; j-- > 0;) {
    suffix[j] = suffix[j + 1];
    suffix[j].add(by_low[j], voice);
  }
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < n; ++k) {
    // Claims whose high end lies below this one's low end, and whose low end above its high end.
    const auto below = std::lower_bound(by_high.begin(), by_high.end(), interval[k].low,
                                        [&](std::size_t a, double low) { return interval[a].high < low; });
    const auto above = std::upper_bound(by_low.begin(), by_low.end(), interval[k].high,
                                        [&](double high, std::size_t a) { return high < interval[a].low; });
    if (prefix[static_cast<std::size_t>(below - by_high.begin())].other_than(voice[k], voice) ||
        suffix[static_cast<std::size_t>(above - by_low.begin())].other_than(voice[k], voice)) {
      kept.push_back(group[k]);
    }
  }
  return kept;
}

// Whether a claim may be disputed: a figure placed only by the other
// articles of its event (entity_from event) must at least be credited to
// someone. Two weak links, an inferred place and no source, made false
// conflicts of headline figures ("Thirty Killed in Syrian Strikes") against
// a later article's toll; a credited one ("the Red Crescent said") is the
// comparison the event places are for.
bool disputable(const Claim& claim) { return claim.entity_from != PlaceFrom::event || claim.attribution.has_value(); }

void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  std::vector<std::size_t> firm;
  for (const auto& [key, all_members] : graph.keys()) {
    firm.clear();
    std::copy_if(all_members.begin(), all_members.end(), std::back_inserter(firm),
                 [&](std::size_t i) { return disputable(claims[i]); });
    const std::vector<std::size_t>& members = firm;
    for (const auto& [unit, unit_members] : disputable_by_unit(claims, members)) {
      for (const auto& window : windows(rule, graph, unit_members)) {
        for (auto& group : scale_bands(rule, claims, window)) {
          std::vector<std::size_t> disputed =
              with_rivals(rule, claims, one_figure_per_voice_in_an_article(rule, claims, std::move(group)));
          if (disputed.size() < 2) continue;
          std::vector<Cluster> clusters = agreeing_groups(claims, std::move(disputed), rule.tolerance);
          if (clusters.size() < 2) continue;
          std::string values;
          std::vector<std::size_t> involved;
          for (const Cluster& cluster : clusters) {
            if (!values.empty()) values += " vs ";
            values += describe_claim(claims[narrowest(claims, cluster)]);
            involved.insert(involved.end(), cluster.claims.begin(), cluster.claims.end());
          }
          Finding& finding = sink.add(key, std::move(involved), clusters.size(), values);
          finding.reasons = reasons(claims, clusters);
          finding.clusters = std::move(clusters);
        }
      }
    }
  }
}

}  // namespace

const RuleKindModule& conflict_kind() {
  static const RuleKindModule module{{RuleKind::conflict,
                                      "conflict",
                                      "figures of one key and time window that cannot all hold",
                                      {"window_days", "tolerance", "across", "max_ratio"},
                                      "{count} figures for {metric} in {entity} that cannot all hold: {values}",
                                      true},
                                     check};
  return module;
}

}  // namespace crosscheck::rules
