// A claim's JSON, written into the document that quotes it. Private to the
// library.
#pragma once

#include "core/json_writer.h"
#include "crosscheck/claims.h"

namespace crosscheck {

/// `claim` as one JSON object in the output contract of the design, written
/// by `json` where it stands: a line of `extract --format jsonl`
/// (claim_json), an element of the check report's or compare's "claims".
/// The one writer of a claim's JSON, so that no two outputs can write a
/// claim differently.
void write_claim_json(JsonWriter& json, const Claim& claim);

}  // namespace crosscheck
