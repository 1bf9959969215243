// Finding fingerprints: what `check --baseline` and the nightly audit match
// findings by from one run to the next.
#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "crosscheck/rules.h"

namespace crosscheck {

namespace {

// FNV-1a, 64 bits: the same digits on every machine and compiler, unlike
// std::hash, so a baseline written on a laptop holds in CI.
class Fnv1a {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) {
      state_ ^= c;
      state_ *= 0x100000001b3ULL;
    }
    // A separator no UTF-8 text contains, so ("ab", "c") and ("a", "bc") differ.
    state_ ^= 0xFF;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t value() const { return state_; }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string fingerprint_of(const Finding& finding, const std::vector<Claim>& claims) {
  Fnv1a hash;
  hash.add(finding.rule);
  hash.add(finding.key.entity);
  hash.add(finding.key.metric);
  hash.add(finding.key.subject);
  // The claims as a set: the order the rule listed them in is not the finding.
  std::vector<std::pair<std::string_view, std::string_view>> figures;
  for (std::size_t i : finding.claims) figures.emplace_back(claims[i].article, claims[i].text);
  std::sort(figures.begin(), figures.end());
  for (const auto& [article, text] : figures) {
    hash.add(article);
    hash.add(text);
  }
  return fmt::format("{:016x}", hash.value());
}

}  // namespace crosscheck
