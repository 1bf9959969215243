// The HTML report for editors: one self-contained file (no network, no
// external assets). Every string that came from an article or a rule goes
// through html_escape(); the only script is the filter below, which is ours.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "crosscheck/reports.h"
#include "reports/html_support.h"
#include "reports/report_support.h"

namespace crosscheck {

namespace {

std::string number(double value) {
  if (std::isinf(value)) return value > 0 ? "&#8734;" : "-&#8734;";
  if (value == std::floor(value) && std::abs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{}", value);
}

// At most `count` characters of `text`, cut between UTF-8 sequences, with an
// ellipsis when something was cut.
std::string first_characters(const std::string& text, std::size_t count) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (characters++ == count) return text.substr(0, at) + "…";
  }
  return text;
}

constexpr const char* kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                                    "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};

constexpr double kWidth = 640, kHeight = 200, kLeft = 70, kBottom = 30, kTop = 10, kRight = 200;

// Where a chart's figures go: the days it spans and the value at its top.
struct ChartFrame {
  long first_day = 0, last_day = 0;
  double top = 0;
  bool any_day = false;

  explicit ChartFrame(const std::vector<const Claim*>& claims) {
    for (const Claim* claim : claims) {
      if (claim->reference_date) {
        const long day = day_number(*claim->reference_date);
        first_day = any_day ? std::min(first_day, day) : day;
        last_day = any_day ? std::max(last_day, day) : day;
        any_day = true;
      }
      const Figure& figure = claim->figure;
      top = std::max({top, figure.value, std::isinf(figure.high) ? figure.low : figure.high});
    }
    if (top <= 0) top = 1;
    top *= 1.15;
  }
  // A dated figure by its day; an undated one by its place in the list.
  double x(const Claim* claim, std::size_t index) const {
    if (!claim->reference_date) return kLeft + 20 + 15.0 * index;
    const double span_days = std::max<long>(1, last_day - first_day);
    return kLeft + 20 + (kWidth - kLeft - kRight - 40) * (day_number(*claim->reference_date) - first_day) / span_days;
  }
  double y(double value) const { return kTop + (kHeight - kTop - kBottom) * (1 - std::min(value, top) / top); }
};

// The frame of the chart: its axes, the values up the side, the first and last day along the bottom.
std::string chart_axes(const ChartFrame& frame) {
  std::string svg = fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\"/>", kLeft, kTop,
                                kHeight - kBottom);
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#888\"/>", kLeft, kHeight - kBottom,
                     kWidth - kRight);
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = frame.top / 1.15 * tick / 4;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", kLeft - 4,
                       frame.y(value) + 3, number(std::round(value)));
  }
  if (frame.any_day) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>", kLeft, kHeight - 10,
                       format_as(date_of_day_number(frame.first_day)));
    if (frame.last_day != frame.first_day) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", kWidth - kRight,
                         kHeight - 10, format_as(date_of_day_number(frame.last_day)));
    }
  }
  return svg;
}

// One mark a figure: an exact figure is a dot, an interval a bar, an open
// end runs to the top with an arrow; each backer gets a colour, recorded in
// `colours` for the legend.
std::string chart_marks(const std::vector<const Claim*>& claims, const ChartFrame& frame,
                        std::map<std::string, std::size_t>& colours) {
  std::string svg;
  std::size_t index = 0;
  std::map<long, int> drawn_on_day;  // figures of one day stand side by side, not on top of each other
  for (const Claim* claim : claims) {
    const std::string backer = backer_of(*claim);
    const auto [it, inserted] = colours.try_emplace(backer, colours.size());
    const char* colour = kPalette[it->second % std::size(kPalette)];
    const double x = frame.x(claim, index++) +
                     (claim->reference_date ? 9.0 * drawn_on_day[day_number(*claim->reference_date)]++ : 0);
    const std::string tip = html_escape(fmt::format(
        "{} — {} ({})", claim->text, backer, claim->reference_date ? format_as(*claim->reference_date) : "no date"));
    const Figure& figure = claim->figure;
    if (figure.low == figure.high) {
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"><title>{}</title></circle>", x,
                         frame.y(figure.value), colour, tip);
      continue;
    }
    const double y1 = frame.y(std::isinf(figure.high) ? frame.top : figure.high);
    const double y2 = frame.y(std::max(0.0, figure.low));
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"6\" height=\"{:.1f}\" fill=\"{}\" "
        "fill-opacity=\"0.5\"><title>{}</title>"
        "</rect>",
        x - 3, y1, std::max(1.0, y2 - y1), colour, tip);
    if (std::isinf(figure.high)) {
      svg += fmt::format("<path d=\"M{0:.1f} {1:.1f} l-5 7 h10 z\" fill=\"{2}\"/>", x, y1, colour);
    }
  }
  return svg;
}

// Figures of one key over time, one colour per authority, with a legend.
std::string chart(const std::vector<const Claim*>& claims) {
  const ChartFrame frame(claims);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>figures over time, by authority</title>",
      kWidth, kHeight, kWidth, kHeight);
  svg += chart_axes(frame);
  std::map<std::string, std::size_t> colours;
  svg += chart_marks(claims, frame, colours);
  double legend_y = kTop + 10;
  for (const auto& [backer, colour_index] : colours) {
    svg += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>",
        kWidth - kRight + 12, legend_y, kPalette[colour_index % std::size(kPalette)], kWidth - kRight + 20,
        legend_y + 3, html_escape(first_characters(backer, 32)));
    legend_y += 14;
  }
  svg += "</svg>";
  return svg;
}

// The one script of the page: hides findings whose severity or rule is unticked.
constexpr const char* kScript = R"js(
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    var off = {};
    document.querySelectorAll('.filters input').forEach(function (b) { if (!b.checked) off[b.value] = true; });
    document.querySelectorAll('.finding').forEach(function (f) {
      f.style.display = (off[f.dataset.severity] || off[f.dataset.rule]) ? 'none' : '';
    });
  });
});
)js";

}  // namespace

std::string render_html(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary) {
  const auto& claims = graph.claims();
  const FindingCounts counts = count_findings(findings);
  std::string out = html_page_open("crosscheck report");
  out += fmt::format(
      "<p id=\"summary\">{} articles, {} claims, {} rules: <strong>{} findings</strong> — {} errors, "
      "{} warnings, {} notes.</p>\n",
      summary.articles, claims.size(), summary.rules, findings.size(), counts.of(Severity::error),
      counts.of(Severity::warning), counts.of(Severity::note));
  out += "<table><tr><th>rule</th><th>findings</th></tr>";
  for (const auto& [rule, count] : counts.by_rule)
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", html_escape(rule), count);
  out += "</table>\n<p class=\"filters\">Show: ";
  for (const char* severity : {"error", "warning", "note"}) {
    out += fmt::format("<label><input type=\"checkbox\" value=\"{0}\" checked> {0}</label>", severity);
  }
  for (const auto& [rule, count] : counts.by_rule) {
    out += fmt::format("<label><input type=\"checkbox\" value=\"{0}\" checked> {0}</label>", html_escape(rule));
  }
  out += "</p>\n";
  for (const auto& [key, members] : group_by_place_and_metric(findings)) {
    out += fmt::format("<section><h2>{} — {}</h2>\n", html_escape(key.first.empty() ? "(no place)" : key.first),
                       html_escape(key.second));
    for (const Finding* finding : members) {
      const std::string severity(format_as(finding->severity));
      out += fmt::format(
          "<div class=\"finding {0}\" data-severity=\"{0}\" data-rule=\"{1}\">"
          "<p><span class=\"severity\">{0}</span> <code>{1}</code> {2}</p>\n",
          severity, html_escape(finding->rule), html_escape(finding->message));
      out +=
          "<table><tr><th>figure</th><th>interval</th><th>source</th><th>authority</th><th>date</th>"
          "<th>where</th></tr>";
      std::vector<const Claim*> involved;
      for (std::size_t i : finding->claims) {
        const Claim& claim = claims[i];
        involved.push_back(&claim);
        out += fmt::format(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"where\">{}:{}:{}</td></tr>",
            html_escape(claim.text), html_escape(claim.figure.interval_text()), html_escape(source_of(claim)),
            html_escape(claim.attribution ? claim.attribution->authority : "unattributed"),
            claim.reference_date ? format_as(*claim.reference_date) : "-", html_escape(claim.file), claim.line,
            claim.column);
      }
      out += "</table>\n";
      for (const Claim* claim : involved) out += "<blockquote>" + highlighted_sentence(*claim) + "</blockquote>\n";
      if (!finding->reasons.empty()) {
        out +=
            fmt::format("<p>Likely why: {}.</p>\n", html_escape(fmt::format("{}", fmt::join(finding->reasons, "; "))));
      }
      if (info_of(finding->kind).charted) out += chart(involved) + "\n";
      out += "</div>\n";
    }
    out += "</section>\n";
  }
  out += "<script>";
  out += kScript;
  out += "</script>\n</body></html>\n";
  return out;
}

}  // namespace crosscheck
