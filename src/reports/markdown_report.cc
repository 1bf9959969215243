#include <algorithm>
#include <map>

#include "crosscheck/reports.h"
#include "reports/report_support.h"

namespace crosscheck {

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : escape_controls(text)) {
    if (std::string_view("\\`*_[]<>|&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  const std::string shown = escape_controls(text);
  std::size_t longest = 0;
  for (std::size_t at = 0, run = 0; at < shown.size(); ++at) {
    run = shown[at] == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A space inside the fence when the text starts or ends with a backtick (CommonMark strips one each side).
  const std::string pad = longest > 0 ? " " : "";
  return fence + pad + shown + pad + fence;
}

namespace {

std::string escape(std::string_view text) { return markdown_escape(text); }

// The sentence with the figure in bold.
std::string quoted(const Claim& claim) {
  const std::string& sentence = claim.sentence.str();
  const std::size_t at = sentence.find(claim.text);
  if (at == std::string::npos) return escape(sentence);
  return escape(sentence.substr(0, at)) + "**" + escape(claim.text) + "**" +
         escape(sentence.substr(at + claim.text.size()));
}

}  // namespace

std::string render_markdown(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary) {
  const auto& claims = graph.claims();
  const FindingCounts counts = count_findings(findings);
  std::string out = "# crosscheck report\n\n";
  out += fmt::format("{} articles, {} claims, {} rules: **{} findings** ({} errors, {} warnings, {} notes).\n\n",
                     summary.articles, claims.size(), summary.rules, findings.size(), counts.of(Severity::error),
                     counts.of(Severity::warning), counts.of(Severity::note));
  if (!counts.by_rule.empty()) {
    out += "| rule | findings |\n| --- | --- |\n";
    for (const auto& [rule, count] : counts.by_rule) out += fmt::format("| {} | {} |\n", escape(rule), count);
    out += "\n";
  }
  // Grouped by entity and metric, in the findings' own order within a group.
  for (const auto& [key, members] : group_by_place_and_metric(findings)) {
    out += fmt::format("## {} — {}\n\n", escape(key.first.empty() ? "(no place)" : key.first), escape(key.second));
    for (const Finding* finding : members) {
      out += fmt::format("### {} {}\n\n{}\n\n", format_as(finding->severity), markdown_code(finding->rule),
                         escape(finding->message));
      out += "| figure | interval | source | authority | date | where |\n| --- | --- | --- | --- | --- | --- |\n";
      for (std::size_t i : finding->claims) {
        const Claim& claim = claims[i];
        out += fmt::format("| {} | {} | {} | {} | {} | {}:{}:{} |\n", escape(claim.text),
                           escape(interval_text(claim.low, claim.high, claim.low_open, claim.high_open)),
                           escape(source_of(claim)),
                           escape(claim.attribution ? claim.attribution->authority : "unattributed"),
                           claim.reference_date ? format_as(*claim.reference_date) : "-", escape(claim.file),
                           claim.line, claim.column);
      }
      out += "\n";
      for (std::size_t i : finding->claims) out += "> " + quoted(claims[i]) + "\n>\n";
      if (!finding->reasons.empty()) out += fmt::format("\nLikely why: {}.\n", fmt::join(finding->reasons, "; "));
      out += "\n";
    }
  }
  return out;
}

}  // namespace crosscheck
