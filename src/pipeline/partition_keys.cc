#include <set>

#include "crosscheck/pipeline.h"

namespace crosscheck {

PartitionKeys::PartitionKeys(const Lexicon& lexicon) {
  std::map<std::string, std::string> parents;
  for (const Entity& entity : lexicon.entities) {
    if (!entity.part_of.empty()) parents[entity.name] = entity.part_of;
  }
  for (const Entity& entity : lexicon.entities) {
    std::string root = entity.name;
    std::set<std::string> visited{root};  // a part_of cycle must not loop forever
    for (auto parent = parents.find(root); parent != parents.end(); parent = parents.find(root)) {
      if (!visited.insert(parent->second).second) break;
      root = parent->second;
    }
    roots_[entity.name] = root;
  }
}

std::string PartitionKeys::key_of(const Claim& claim) const {
  if (claim.entity.empty()) return std::string(kNoEntity);
  const auto found = roots_.find(claim.entity);
  return found == roots_.end() ? claim.entity : found->second;
}

}  // namespace crosscheck
