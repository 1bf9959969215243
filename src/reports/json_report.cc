#include <algorithm>
#include <cmath>
#include <map>

#include "claims/claim_json.h"
#include "crosscheck/reports.h"
#include "reports/report_support.h"

namespace crosscheck {

namespace {

// One finding, its claims written in place by the claims' own writer.
void write_finding(JsonWriter& json, const Finding& finding, const std::vector<Claim>& claims) {
  json.begin_object();
  json.key("rule").string(finding.rule);
  json.key("fingerprint").string(finding.fingerprint);
  json.key("kind").string(format_as(finding.kind));
  json.key("severity").string(format_as(finding.severity));
  json.key("entity").string_or_null(finding.key.entity);
  json.key("metric").string_or_null(finding.key.metric);
  json.key("subject").string_or_null(finding.key.subject);
  json.key("scope").string_or_null(to_string(finding.key.scope));
  json.key("message").string(finding.message);
  json.key("claims").begin_array();
  for (std::size_t i : finding.claims) write_claim_json(json, claims[i]);
  json.end_array();
  json.key("clusters").begin_array();
  for (const Cluster& cluster : finding.clusters) {
    json.begin_object();
    for (const auto& [name, end] : {std::pair{"low", cluster.low}, {"high", cluster.high}}) {
      json.key(name);
      std::isinf(end) ? json.null() : json.real(end);
    }
    json.key("claims").begin_array();
    for (std::size_t i : cluster.claims) {
      // Positions into this finding's "claims".
      const auto at = std::find(finding.claims.begin(), finding.claims.end(), i);
      json.integer(at - finding.claims.begin());
    }
    json.end_array();
    json.key("independent_sources").begin_array();
    for (const std::string& authority : cluster.authorities) json.string(authority);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("reasons").begin_array();
  for (const std::string& reason : finding.reasons) json.string(reason);
  json.end_array();
  json.end_object();
}

}  // namespace

std::string render_json(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary) {
  const auto& claims = graph.claims();
  std::string out;
  JsonWriter json(out, 2);
  json.begin_object();
  json.key("findings").begin_array();
  for (const Finding& finding : findings) write_finding(json, finding, claims);
  json.end_array();
  json.key("summary").begin_object();
  json.key("files").integer(summary.files);
  json.key("articles").integer(summary.articles);
  json.key("skipped").integer(summary.skipped);
  json.key("claims").integer(claims.size());
  json.key("claims_without_place").integer(count_unplaced(claims));
  json.key("undated_articles").integer(count_undated_articles(claims));
  json.key("rules").integer(summary.rules);
  json.key("baselined").integer(summary.baselined);
  json.key("findings").integer(findings.size());
  const FindingCounts counts = count_findings(findings);
  std::map<std::string, std::size_t> by_severity;  // by name, in the order the contract has always had
  for (const auto& [severity, count] : counts.by_severity) by_severity[std::string(format_as(severity))] = count;
  auto counted = [&](const char* name, const std::map<std::string, std::size_t>& by) {
    json.key(name).begin_object();
    for (const auto& [what, count] : by) json.key(what).integer(count);
    json.end_object();
  };
  counted("by_severity", by_severity);
  counted("by_rule", counts.by_rule);
  json.end_object();
  json.end_object();
  return out + "\n";
}

}  // namespace crosscheck
