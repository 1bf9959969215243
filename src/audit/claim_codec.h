// The audit store's form of an article's claims: a compact binary record per
// claim, written and read field by field, so a night that needs the stored
// claims reads them back without parsing JSON text. This pair of files is
// the only place in src/audit/ that names a Claim's fields. Private to
// src/audit/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/claims.h"

namespace crosscheck::audit {

/// The claims of one article in the store's form (version 2; version 1,
/// without the scope byte, still reads).
///
/// A one-byte version, then one record per claim, back to back:
/// - texts: article, source, file, text, unit, noun, metric, entity,
///   subject, sentence; each a varint n, then n - 1 bytes of UTF-8, or n = 0
///   for "the same as the claim before" (an article's claims mostly share
///   their article, file, source and sentence; the first claim is compared
///   with an empty one);
/// - line and column: varints;
/// - value, low, high: IEEE 754 doubles, 8 bytes little-endian each;
/// - the qualifier: one byte (its place in `Qualifier`);
/// - the scope: one byte (its place in `Scope`; not in version 1);
/// - flags: one byte: low_open, high_open, in_quote, then whether published,
///   reference_date, since and attribution follow (bits 0 to 6);
/// - each date present: zigzag varint year, one byte month, one byte day;
/// - an attribution: text, authority, cue, citing (as the texts above);
/// - hedges: a varint count, then each as a text (never "the same").
///
/// Claims read back equal the claims written, and the claims of one sentence
/// share its text again, as they did when they were extracted.
std::string encode_claims(const std::vector<Claim>& claims);

/// Reads the claims of `record` (made by encode_claims), appending them to
/// `out` when given. Returns true with `read` claims, or false when claim
/// `read + 1` does not read back, with the reason in `error` (a record that
/// ends early, an unknown qualifier, a figure that is not one extraction
/// gives). Never reads outside `record`, whatever its bytes.
bool decode_claims(std::string_view record, std::vector<Claim>* out, std::size_t& read, std::string& error);

}  // namespace crosscheck::audit
