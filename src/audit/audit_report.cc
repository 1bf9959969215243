// The audit's reports. The findings with their claims go through the
// reports of `check` (render_report, render_text_findings), reading the
// claim index the run built; the audit adds only its own lists.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "crosscheck/audit.h"
#include "crosscheck/reports.h"

namespace crosscheck {

namespace {

// The run's findings (with their claims) whose fingerprints `lists` hold.
std::vector<Finding> findings_in(const AuditRun& run, std::initializer_list<const std::vector<AuditedFinding>*> lists) {
  std::set<std::string> shown;
  for (const auto* list : lists) {
    for (const AuditedFinding& finding : *list) shown.insert(finding.fingerprint);
  }
  std::vector<Finding> out;
  for (const Finding& finding : run.findings) {
    if (shown.count(finding.fingerprint)) out.push_back(finding);
  }
  return out;
}

std::string finding_line(const AuditedFinding& finding) {
  return fmt::format("  {} {} [{}] {} (first seen {}, last seen {})\n", format_as(finding.severity),
                     escape_controls(finding.fingerprint), escape_controls(finding.rule),
                     escape_controls(finding.message), finding.first_seen, finding.last_seen);
}

std::string render_audit_text(const AuditRun& run) {
  const AuditRunRecord& r = run.record;
  std::string out =
      fmt::format("audit run {} at {}: {} articles ({} read anew, {} removed), {} claims, {} input errors, {:.2f} s\n",
                  r.id, r.started, r.articles, r.extracted, r.removed, r.claims, r.errors, r.seconds);
  out += fmt::format("\nnew ({}):\n", run.new_findings.size());
  out += render_text_findings(findings_in(run, {&run.new_findings}), run.claims->index());
  out += fmt::format("\nstill open ({}):\n", run.still_open.size());
  for (const AuditedFinding& finding : run.still_open) out += finding_line(finding);
  out += fmt::format("\nresolved since the last run ({}):\n", run.resolved.size());
  for (const AuditedFinding& finding : run.resolved) out += finding_line(finding);
  return out;
}

std::string render_audit_json(const AuditRun& run) {
  using Json = nlohmann::ordered_json;
  auto list = [](const std::vector<AuditedFinding>& findings) {
    Json out = Json::array();
    for (const AuditedFinding& f : findings) {
      out.push_back({{"fingerprint", f.fingerprint},
                     {"rule", f.rule},
                     {"severity", std::string(format_as(f.severity))},
                     {"message", f.message},
                     {"first_seen", f.first_seen},
                     {"last_seen", f.last_seen}});
    }
    return out;
  };
  const AuditRunRecord& r = run.record;
  Json out;
  out["run"] = {{"id", r.id},         {"started", r.started},     {"seconds", r.seconds}, {"articles", r.articles},
                {"claims", r.claims}, {"extracted", r.extracted}, {"removed", r.removed}, {"errors", r.errors}};
  out["new"] = list(run.new_findings);
  out["still_open"] = list(run.still_open);
  out["resolved"] = list(run.resolved);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_audit_report(const AuditRun& run, std::string_view format, const std::vector<Rule>& rules) {
  if (format == "text") return render_audit_text(run);
  if (format == "json") return render_audit_json(run);
  const RunSummary summary{0, run.record.articles, run.record.errors, rules.size()};
  return render_report(format, findings_in(run, {&run.new_findings, &run.still_open}), run.claims->index(), rules,
                       summary);
}

std::string render_audit_history(const std::vector<AuditRunRecord>& runs) {
  std::string out = fmt::format("{:>4}  {:<20}  {:>8}  {:>8}  {:>6}  {:>5}  {:>8}  {:>6}  {:>8}\n", "run", "started",
                                "articles", "claims", "errors", "new", "resolved", "open", "seconds");
  for (const AuditRunRecord& r : runs) {
    out +=
        fmt::format("{:>4}  {:<20}  {:>8}  {:>8}  {:>6}  {:>5}  {:>8}  {:>6}  {:>8.2f}\n", r.id, r.started, r.articles,
                    r.claims, r.errors, r.new_findings, r.resolved, r.new_findings + r.still_open, r.seconds);
  }
  return out;
}

}  // namespace crosscheck
