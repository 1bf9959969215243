#include <cmath>

#include <nlohmann/json.hpp>

#include "crosscheck/claims.h"

namespace crosscheck {

namespace {

// Whole numbers print as integers ("35000", not "35000.0").
nlohmann::json number(double value) {
  if (std::floor(value) == value && std::abs(value) < 9007199254740992.0) return static_cast<std::int64_t>(value);
  return value;
}

nlohmann::json bound(double value) {
  if (std::isinf(value)) return nullptr;
  return number(value);
}

nlohmann::json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

nlohmann::json date_or_null(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return format_as(*date);
}

}  // namespace

std::string claim_json(const Claim& claim) {
  nlohmann::ordered_json json;
  json["article"] = claim.article;
  json["source"] = text_or_null(claim.source);
  json["file"] = claim.file;
  json["line"] = claim.line;
  json["column"] = claim.column;
  json["text"] = claim.text;
  json["value"] = number(claim.value);
  json["low"] = bound(claim.low);
  json["high"] = bound(claim.high);
  json["low_open"] = claim.low_open;
  json["high_open"] = claim.high_open;
  json["qualifier"] = std::string(format_as(claim.qualifier));
  json["unit"] = text_or_null(claim.unit);
  json["noun"] = text_or_null(claim.noun);
  json["metric"] = text_or_null(claim.metric);
  json["entity"] = text_or_null(claim.entity);
  json["subject"] = text_or_null(claim.subject);
  if (claim.attribution) {
    nlohmann::ordered_json attribution;
    attribution["text"] = claim.attribution->text;
    attribution["authority"] = claim.attribution->authority;
    attribution["cue"] = claim.attribution->cue;
    attribution["citing"] = text_or_null(claim.attribution->citing);
    json["attribution"] = std::move(attribution);
  } else {
    json["attribution"] = nullptr;
  }
  json["published"] = date_or_null(claim.published);
  json["reference_date"] = date_or_null(claim.reference_date);
  json["since"] = date_or_null(claim.since);
  json["hedges"] = claim.hedges;
  json["in_quote"] = claim.in_quote;
  json["sentence"] = claim.sentence;
  // NOTE: invalid UTF-8 cannot reach here (ingest rejects it), but never throw on output.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string format_as(const Claim& claim) {
  std::string out = fmt::format("'{}' {} {}", claim.text, claim.metric.empty() ? "-" : claim.metric,
                                claim.entity.empty() ? "-" : claim.entity);
  if (!claim.subject.empty()) out += " (" + claim.subject + ")";
  if (claim.attribution) {
    out += fmt::format(" <{}: {}", claim.attribution->authority, claim.attribution->cue);
    if (!claim.attribution->citing.empty()) out += ", citing " + claim.attribution->citing;
    out += ">";
  } else {
    out += " <unattributed>";
  }
  return out;
}

}  // namespace crosscheck
