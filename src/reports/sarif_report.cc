#include <map>
#include <nlohmann/json.hpp>

#include "crosscheck/reports.h"
#include "crosscheck/version.h"

namespace crosscheck {

namespace {

using Json = nlohmann::ordered_json;

// A relative URI reference for a file path: '/'-separated, with every byte
// outside the unreserved set percent-encoded.
std::string uri_of(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == '~' || c == '/';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string_view level_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "warning";
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Json location_of(const Claim& claim) {
  Json region;
  region["startLine"] = std::max<std::uint32_t>(claim.line, 1);
  region["startColumn"] = std::max<std::uint32_t>(claim.column, 1);
  // JSONL articles sit on one line; the region still covers the figure.
  region["endColumn"] = std::max<std::uint32_t>(claim.column, 1) + characters(claim.text);
  region["snippet"] = Json{{"text", claim.text}};
  Json physical;
  physical["artifactLocation"] = Json{{"uri", uri_of(claim.file)}};
  physical["region"] = std::move(region);
  return Json{{"physicalLocation", std::move(physical)}};
}

}  // namespace

std::string render_sarif(const std::vector<Finding>& findings, const ClaimGraph& graph,
                         const std::vector<Rule>& rules) {
  const auto& claims = graph.claims();
  Json driver;
  driver["name"] = "crosscheck";
  driver["version"] = kVersion;
  driver["informationUri"] = "https://example.org/crosscheck";
  driver["rules"] = Json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const Rule& rule : rules) {
    rule_index[rule.id] = rule_index.size();
    Json entry;
    entry["id"] = rule.id;
    entry["shortDescription"] = Json{{"text", rule.description.empty() ? rule.id : rule.description}};
    entry["defaultConfiguration"] = Json{{"level", level_of(rule.severity)}};
    entry["properties"] = Json{{"kind", std::string(format_as(rule.kind))}};
    driver["rules"].push_back(std::move(entry));
  }
  Json results = Json::array();
  for (const Finding& finding : findings) {
    Json result;
    result["ruleId"] = finding.rule;
    if (const auto found = rule_index.find(finding.rule); found != rule_index.end())
      result["ruleIndex"] = found->second;
    result["level"] = level_of(finding.severity);
    result["message"] = Json{{"text", finding.message}};
    // Code-scanning services match results across runs by this, as `--baseline` does.
    result["partialFingerprints"] = Json{{"crosscheck/v1", finding.fingerprint}};
    result["locations"] = Json::array({location_of(claims[finding.claims.front()])});
    Json related = Json::array();
    for (std::size_t k = 1; k < finding.claims.size(); ++k) {
      const Claim& other = claims[finding.claims[k]];
      Json location = location_of(other);
      location["id"] = k;
      location["message"] = Json{{"text", fmt::format("'{}' ({}{})", other.text, source_of(other),
                                                      other.attribution ? ", " + other.attribution->authority : "")}};
      related.push_back(std::move(location));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    Json properties;
    properties["entity"] = finding.key.entity;
    properties["metric"] = finding.key.metric;
    if (!finding.reasons.empty()) properties["reasons"] = finding.reasons;
    result["properties"] = std::move(properties);
    results.push_back(std::move(result));
  }
  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  return log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace crosscheck
