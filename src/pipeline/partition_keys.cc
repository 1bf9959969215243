#include "crosscheck/pipeline.h"

namespace crosscheck {

PartitionKeys::PartitionKeys(const Lexicon& lexicon) : places_(lexicon.places) {}

std::string PartitionKeys::key_of(const Claim& claim) const {
  if (claim.entity.empty()) return std::string(kNoEntity);
  // The country, the root of the claim's chain; claims read from a file
  // without chains fall back on the lexicon's part_of.
  if (!claim.entity_parents.empty()) return claim.entity_parents.places().back();
  return std::string(places_.root_of(claim.entity));
}

}  // namespace crosscheck
