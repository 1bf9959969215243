#include <algorithm>
#include <cctype>
#include <map>

#include "crosscheck/reports.h"
#include "reports/report_support.h"

namespace crosscheck {

std::string markdown_escape(std::string_view text) {
  const std::string shown = escape_controls(text);
  const auto alphanumeric_at = [&](std::size_t at) {
    return at < shown.size() && std::isalnum(static_cast<unsigned char>(shown[at])) != 0;
  };
  const auto blank_at = [&](std::size_t at) { return at >= shown.size() || shown[at] == ' '; };
  // Where the text starts, a line or a table cell may start (after the "> "
  // of a quoted sentence, say): a heading ("# "), a list item ("- ", "+ ",
  // "1. ", "2) "), a rule or setext underline ("---", "===") would make a
  // block of it. Figures such as "-5" or "1.4" are left as they are.
  const std::size_t start = std::min(shown.find_first_not_of(' '), shown.size());
  std::size_t digits = 0;
  while (start + digits < shown.size() && shown[start + digits] >= '0' && shown[start + digits] <= '9') ++digits;
  const auto is_www = [&](std::size_t at) {  // "www" (any case) just before `at`
    if (at < 3) return false;
    for (std::size_t k = at - 3; k < at; ++k) {
      if ((shown[k] | 0x20) != 'w') return false;
    }
    return true;
  };
  std::string out;
  out.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    bool escaped = std::string_view("\\`*_~[]<>|&").find(c) != std::string_view::npos;
    if (i == start && (c == '#' || ((c == '-' || c == '+' || c == '=') && !alphanumeric_at(i + 1)))) escaped = true;
    if (digits > 0 && i == start + digits && (c == '.' || c == ')') && blank_at(i + 1)) escaped = true;
    // GitHub's extended autolinks start at "scheme://" and "www.": an
    // escaped colon or dot is shown as it was but no longer starts one.
    if (c == ':' && shown.compare(i + 1, 2, "//") == 0) escaped = true;
    if (c == '.' && is_www(i)) escaped = true;
    if (escaped) out += '\\';
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
                           escape(claim.figure.interval_text()), escape(source_of(claim)),
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
