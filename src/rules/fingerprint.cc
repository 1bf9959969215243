// Finding fingerprints: what `check --baseline` and the nightly audit match
// findings by from one run to the next.
#include <algorithm>

#include "crosscheck/rules.h"

namespace crosscheck {

std::string fingerprint_of(const Finding& finding, const std::vector<Claim>& claims) {
  ContentHash hash;
  hash.add(finding.rule);
  hash.add(finding.key.entity);
  hash.add(finding.key.metric);
  hash.add(finding.key.subject);
  // (Only when there is one: the fingerprints of findings about the
  // story's count stay those of earlier runs.)
  if (finding.key.scope != Scope::story) hash.add(to_string(finding.key.scope));
  // The claims as a set: the order the rule listed them in is not the finding.
  std::vector<std::pair<std::string_view, std::string_view>> figures;
  for (std::size_t i : finding.claims) figures.emplace_back(claims[i].article, claims[i].text);
  std::sort(figures.begin(), figures.end());
  for (const auto& [article, text] : figures) {
    hash.add(article);
    hash.add(text);
  }
  return hash.hex();
}

}  // namespace crosscheck
