// crosscheck: compare, side by side for fact-checkers.
//
/// For a handful of articles: every (entity, metric, subject) that two or
/// more of them give a figure for, with each article's figure as written,
/// its interval and its attribution, and a verdict per row: the figures
/// agree, disagree (which ones), or come from only one source.
///
/// **Example**
///
///     crosscheck::Comparison table = crosscheck::compare(articles, claims_per_article);
///     fmt::print("{}", crosscheck::render_comparison_text(table, 100, false));
#pragma once

#include <string>
#include <vector>

#include "crosscheck/claims.h"
#include "crosscheck/graph.h"

namespace crosscheck {

enum class Verdict { disagree, agree, one_source };
std::string_view format_as(Verdict verdict);

/// One article of the comparison: a column.
struct ComparedArticle {
  std::string id;
  std::string source;
  std::string published;  ///< YYYY-MM-DD or empty
  std::string file;
};

/// One key: a row, with each article's claims for it (empty where it has none).
struct ComparisonRow {
  ClaimKey key;
  std::vector<std::vector<Claim>> cells;  ///< one per article, in column order
  Verdict verdict = Verdict::agree;
  /// For a disagreement: one figure, as written, of each group of figures that agree among themselves.
  std::vector<std::string> disputed;
};

struct Comparison {
  std::vector<ComparedArticle> articles;
  std::vector<ComparisonRow> rows;  ///< disagreements first, then agreements, then one-source rows
};

/// Compares the claims of `articles` (claims[i] belong to articles[i]).
/// Figures agree when their intervals, widened by `tolerance_percent`, meet.
Comparison compare(const std::vector<ComparedArticle>& articles, const std::vector<std::vector<Claim>>& claims,
                   double tolerance_percent = 2);

/// Text that fits `width` columns; ANSI colour when `color`.
std::string render_comparison_text(const Comparison& comparison, std::size_t width, bool color);
/// A Markdown table per row group, for a ticket or a chat.
std::string render_comparison_markdown(const Comparison& comparison);
/// `{"articles": [...], "rows": [{"entity", "metric", "subject", "verdict", "cells": [[claim...]]}]}`.
/// A self-contained HTML page of the same table; every article string escaped.
std::string render_comparison_html(const Comparison& comparison);

std::string render_comparison_json(const Comparison& comparison);

}  // namespace crosscheck
