// crosscheck: reports, the last pipeline stage.
//
/// Renders findings for people and machines. Every reporter reads the same
/// sorted findings and builds the whole document before it is written, so
/// output is never partial.
///
/// - text: compiler-style `file:line:col: error: [rule] message`, the
///   sentence quoted with the figure underlined, then a note per other figure.
/// - json: `{"findings": [...], "summary": {...}}` in the design's contract.
#pragma once

#include <string>
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
};

std::string render_text(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);
std::string render_json(const std::vector<Finding>& findings, const ClaimGraph& graph, const RunSummary& summary);

}  // namespace crosscheck
