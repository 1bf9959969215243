#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "crosscheck/reports.h"
#include "reports/report_support.h"

namespace crosscheck {

std::string render_json(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary) {
  using Json = nlohmann::ordered_json;
  const auto& claims = graph.claims();
  Json out;
  out["findings"] = Json::array();
  auto nullable = [](const std::string& text) -> Json { return text.empty() ? Json(nullptr) : Json(text); };
  auto bound = [](double value) -> Json { return std::isinf(value) ? Json(nullptr) : Json(value); };
  for (const Finding& finding : findings) {
    Json item;
    item["rule"] = finding.rule;
    item["fingerprint"] = finding.fingerprint;
    item["kind"] = std::string(format_as(finding.kind));
    item["severity"] = std::string(format_as(finding.severity));
    item["entity"] = nullable(finding.key.entity);
    item["metric"] = nullable(finding.key.metric);
    item["subject"] = nullable(finding.key.subject);
    item["message"] = finding.message;
    item["claims"] = Json::array();
    for (std::size_t i : finding.claims) item["claims"].push_back(Json::parse(claim_json(claims[i])));
    item["clusters"] = Json::array();
    for (const Cluster& cluster : finding.clusters) {
      Json c;
      c["low"] = bound(cluster.low);
      c["high"] = bound(cluster.high);
      c["claims"] = Json::array();
      for (std::size_t i : cluster.claims) {
        // Positions into this finding's "claims".
        const auto at = std::find(finding.claims.begin(), finding.claims.end(), i);
        c["claims"].push_back(static_cast<std::size_t>(at - finding.claims.begin()));
      }
      c["independent_sources"] = cluster.authorities;
      item["clusters"].push_back(std::move(c));
    }
    item["reasons"] = finding.reasons;
    out["findings"].push_back(std::move(item));
  }
  Json totals;
  totals["files"] = summary.files;
  totals["articles"] = summary.articles;
  totals["skipped"] = summary.skipped;
  totals["claims"] = claims.size();
  totals["rules"] = summary.rules;
  totals["baselined"] = summary.baselined;
  totals["findings"] = findings.size();
  const FindingCounts counts = count_findings(findings);
  std::map<std::string, std::size_t> by_severity;  // by name, in the order the contract has always had
  for (const auto& [severity, count] : counts.by_severity) by_severity[std::string(format_as(severity))] = count;
  totals["by_severity"] = by_severity;
  totals["by_rule"] = counts.by_rule;
  out["summary"] = std::move(totals);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace crosscheck
