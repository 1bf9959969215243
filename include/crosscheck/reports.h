// crosscheck: reports, the last pipeline stage.
//
/// Renders findings for people and machines. Every reporter reads the same
/// sorted findings and builds the whole document before it is written, so
/// output is never partial.
///
/// - text: compiler-style `file:line:col: error: [rule] message`, the
///   sentence quoted with the figure underlined, then a note per other figure.
/// - json: `{"findings": [...], "summary": {...}}` in the design's contract.
/// - markdown: the same content for pasting into a ticket or a chat.
/// - sarif: SARIF 2.1.0 for code-scanning tools and CI.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/graph.h"
#include "crosscheck/rules.h"

namespace crosscheck {

/// What the run read, for the summary.
struct RunSummary {
  std::size_t files = 0;
  std::size_t articles = 0;
  std::size_t skipped = 0;
  std::size_t rules = 0;
  std::size_t baselined = 0;  ///< findings left out because the baseline lists them
};

/// The fingerprints a baseline file lists: the first word of each line; blank
/// lines and lines starting with '#' are skipped. A first word that is not 16
/// hex digits is reported at `file`:line:column and skipped.
std::set<std::string> parse_baseline(std::string_view text, const std::string& file, DiagnosticSink& diagnostics);

/// A baseline accepting `findings`: a line per finding, its fingerprint, rule
/// and message, sorted by fingerprint so that it diffs well under version control.
std::string render_baseline(const std::vector<Finding>& findings);

std::string render_text(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);
/// The findings of render_text without its closing summary line (the audit
/// shows them under its own run line).
std::string render_text_findings(const std::vector<Finding>& findings, const ClaimGraph& graph);
std::string render_json(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);
/// The same content as text, for a ticket or a chat: a summary, then the
/// findings grouped by entity and metric, each sentence quoted with the figure
/// in bold, the sources side by side in a table.
std::string render_markdown(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);
/// One self-contained HTML file for an editor: a summary, findings grouped by
/// entity and metric with the sentences quoted and the figure highlighted,
/// sources side by side, an inline SVG chart of each disputed key's figures
/// over time by authority, and a small script to filter by severity or rule.
/// Every string from an article or a rule is HTML-escaped.
std::string render_html(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);
/// SARIF 2.1.0: the rules that ran, a result per finding located at its first
/// figure (file, line, column, region of the figure), the other figures of a
/// conflict as related locations. Columns count Unicode code points.
std::string render_sarif(const std::vector<Finding>& findings, const ClaimGraph& graph, const std::vector<Rule>& rules);

/// A report format of `check` and `audit`: the one table that the commands'
/// option checks, their help and the dispatch read.
struct ReportFormat {
  std::string_view name;
  std::string (*render)(const std::vector<Finding>& findings, const ClaimGraph& graph, const std::vector<Rule>& rules,
                        const RunSummary& summary);
};

/// text, json, markdown, sarif, html.
const std::vector<ReportFormat>& report_formats();

/// The names for help and messages: "text, json, markdown, sarif or html".
std::string report_format_list();

/// Whether `format` is one of report_formats().
bool is_report_format(std::string_view format);

/// The report in `format` (one of report_formats()), built whole in memory.
std::string render_report(std::string_view format, const std::vector<Finding>& findings, const ClaimGraph& graph,
                          const std::vector<Rule>& rules, const RunSummary& summary);

}  // namespace crosscheck
