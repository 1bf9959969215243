#include "crosscheck/pipeline.h"

namespace crosscheck {

PartitionKeys::PartitionKeys(const Lexicon& lexicon) : places_(lexicon.places) {}

std::string PartitionKeys::key_of(const Claim& claim) const {
  if (claim.entity.empty()) return std::string(kNoEntity);
  return std::string(places_.root_of(claim.entity));
}

}  // namespace crosscheck
