// The check reports by name, as the command line asks for them: the one
// table of formats.
#include <algorithm>

#include "crosscheck/reports.h"

namespace crosscheck {

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats = {
      {"text", [](const auto& findings, const auto& graph, const auto&,
                  const auto& summary) { return render_text(findings, graph, summary); }},
      {"json", [](const auto& findings, const auto& graph, const auto&,
                  const auto& summary) { return render_json(findings, graph, summary); }},
      {"markdown", [](const auto& findings, const auto& graph, const auto&,
                      const auto& summary) { return render_markdown(findings, graph, summary); }},
      {"sarif", [](const auto& findings, const auto& graph, const auto& rules,
                   const auto&) { return render_sarif(findings, graph, rules); }},
      {"html", [](const auto& findings, const auto& graph, const auto&,
                  const auto& summary) { return render_html(findings, graph, summary); }},
  };
  return formats;
}

std::string report_format_list() {
  std::string out;
  const auto& formats = report_formats();
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) out += i + 1 == formats.size() ? " or " : ", ";
    out += formats[i].name;
  }
  return out;
}

bool is_report_format(std::string_view format) {
  const auto& formats = report_formats();
  return std::any_of(formats.begin(), formats.end(), [&](const ReportFormat& f) { return f.name == format; });
}

std::string render_report(std::string_view format, const std::vector<Finding>& findings, const ClaimGraph& graph,
                          const std::vector<Rule>& rules, const RunSummary& summary) {
  for (const ReportFormat& f : report_formats()) {
    if (f.name == format) return f.render(findings, graph, rules, summary);
  }
  return render_text(findings, graph, summary);
}

}  // namespace crosscheck
