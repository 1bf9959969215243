// The check reports by name, as the command line asks for them.
#include "crosscheck/reports.h"

namespace crosscheck {

bool is_report_format(std::string_view format) {
  return format == "text" || format == "json" || format == "markdown" || format == "sarif" || format == "html";
}

std::string render_report(std::string_view format, const std::vector<Finding>& findings, const ClaimGraph& graph,
                          const std::vector<Rule>& rules, const RunSummary& summary) {
  if (format == "json") return render_json(findings, graph, summary);
  if (format == "markdown") return render_markdown(findings, graph, summary);
  if (format == "sarif") return render_sarif(findings, graph, rules);
  if (format == "html") return render_html(findings, graph, summary);
  return render_text(findings, graph, summary);
}

}  // namespace crosscheck
