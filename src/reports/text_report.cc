#include <algorithm>
#include <map>

#include "crosscheck/reports.h"
#include "reports/report_support.h"

namespace crosscheck {

namespace {

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The sentence, and a line of '^' under the figure (found by its text).
// Controls are shown escaped, and the caret counts their escapes.
std::string quote_with_caret(const Claim& claim) {
  const std::string& sentence = claim.sentence.str();
  std::string out = "    " + escape_controls(sentence) + "\n";
  const std::size_t at = sentence.find(claim.text);
  if (at != std::string::npos) {
    out += "    " + std::string(characters(escape_controls(std::string_view(sentence).substr(0, at))), ' ') +
           std::string(std::max<std::size_t>(1, characters(escape_controls(claim.text))), '^') + "\n";
  }
  return out;
}

std::string place(const Claim& claim) {
  return fmt::format("{}:{}:{}", escape_controls(claim.file), claim.line, claim.column);
}

// Text from an article (or a rule) on a line of the report.
std::string shown(std::string_view text) { return escape_controls(text); }

// The figures of a group the text lists, and the sources it names; the JSON
// report has them all.
constexpr std::size_t kFiguresShownPerGroup = 6;
constexpr std::size_t kSourcesNamed = 8;

std::string shown_list(const std::vector<std::string>& items) {
  std::string out;
  const std::size_t named = std::min(items.size(), kSourcesNamed);
  for (std::size_t k = 0; k < named; ++k) {
    if (!out.empty()) out += ", ";
    out += escape_controls(items[k]);
  }
  if (items.size() > named) out += fmt::format(" and {} more", items.size() - named);
  return out;
}

}  // namespace

std::string render_text_findings(const std::vector<Finding>& findings, const ClaimGraph& graph) {
  const auto& claims = graph.claims();
  std::string out;
  for (const Finding& finding : findings) {
    const Claim& first = claims[finding.claims.front()];
    out +=
        fmt::format("{}: {}: [{}] {}\n", place(first), finding.severity, shown(finding.rule), shown(finding.message));
    out += quote_with_caret(first);
    if (!finding.clusters.empty()) {
      for (std::size_t c = 0; c < finding.clusters.size(); ++c) {
        const Cluster& cluster = finding.clusters[c];
        out += fmt::format("  figures that agree ({} of {}), within {}, backed by {} independent source{}: {}\n", c + 1,
                           finding.clusters.size(), interval_text(cluster.low, cluster.high, false, false),
                           cluster.authorities.size(), cluster.authorities.size() == 1 ? "" : "s",
                           shown_list(cluster.authorities));
        // A long group (a week of one ministry's count repeated by every
        // outlet) shows its first figures and says how many it left out.
        const std::size_t listed = std::min(cluster.claims.size(), kFiguresShownPerGroup);
        for (std::size_t k = 0; k < listed; ++k) {
          const Claim& claim = claims[cluster.claims[k]];
          out += fmt::format("    {}: '{}' {} ({}{})\n", place(claim), shown(claim.text), claim.figure.interval_text(),
                             shown(claim.source.empty() ? claim.article : claim.source),
                             claim.attribution ? ", " + shown(claim.attribution->authority) : ", unattributed");
        }
        if (const std::size_t left = cluster.claims.size() - listed; left > 0) {
          out += fmt::format("    ... and {} more {} (--format json lists every one)\n", left,
                             left == 1 ? "figure that agrees" : "figures that agree");
        }
      }
    } else {
      for (std::size_t k = 1; k < finding.claims.size(); ++k) {
        const Claim& other = claims[finding.claims[k]];
        out += fmt::format("{}: note: '{}' ({})\n", place(other), shown(other.text),
                           shown(other.source.empty() ? other.article : other.source));
        out += quote_with_caret(other);
      }
    }
    if (!finding.reasons.empty()) {
      out += fmt::format("  likely why: {}\n", shown(fmt::format("{}", fmt::join(finding.reasons, "; "))));
    }
  }
  return out;
}

std::string render_text(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary) {
  const auto& claims = graph.claims();
  std::string out = render_text_findings(findings, graph);
  const FindingCounts counts = count_findings(findings);
  const std::size_t errors = counts.of(Severity::error), warnings = counts.of(Severity::warning),
                    notes = counts.of(Severity::note);
  out += fmt::format("{} finding{} ({} error{}, {} warning{}, {} note{}) from {} rules over {} claims in {} article{}",
                     findings.size(), findings.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s", summary.rules, claims.size(),
                     summary.articles, summary.articles == 1 ? "" : "s");
  if (summary.baselined > 0) out += fmt::format("; {} more in the baseline", summary.baselined);
  if (const std::size_t unplaced = count_unplaced(claims); unplaced > 0) {
    out += fmt::format("; {} claim{} without a place {} not compared", unplaced, unplaced == 1 ? "" : "s",
                       unplaced == 1 ? "was" : "were");
  }
  // Beside dated articles, an undated one is weighed against them only
  // where they all fall in one window (rules::windows): say how many.
  if (const std::size_t undated = count_undated_articles(claims); undated > 0 && undated < summary.articles) {
    out += fmt::format("; {} article{} without a date", undated, undated == 1 ? "" : "s");
  }
  out += summary.skipped > 0 ? fmt::format("; {} skipped\n", summary.skipped) : "\n";
  return out;
}

}  // namespace crosscheck
