// Side-by-side comparison of a handful of articles (the `compare` command).
#include "crosscheck/compare.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "claims/claim_json.h"
#include "crosscheck/rules.h"
#include "reports/html_support.h"
#include "reports/report_support.h"

namespace crosscheck {

std::string_view format_as(Verdict verdict) {
  switch (verdict) {
    case Verdict::disagree:
      return "disagree";
    case Verdict::agree:
      return "agree";
    case Verdict::one_source:
      return "only one source";
  }
  return "agree";
}

Comparison compare(const std::vector<ComparedArticle>& articles, const std::vector<std::vector<Claim>>& claims,
                   double tolerance_percent) {
  Comparison out;
  out.articles = articles;
  std::map<ClaimKey, std::vector<std::vector<Claim>>> by_key;
  for (std::size_t a = 0; a < claims.size(); ++a) {
    for (const Claim& claim : claims[a]) {
      if (claim.metric.empty() || claim.entity.empty()) continue;
      auto& cells = by_key[key_of(claim)];
      cells.resize(articles.size());
      cells[a].push_back(claim);
    }
  }
  for (auto& [key, cells] : by_key) {
    const auto present = std::count_if(cells.begin(), cells.end(), [](const auto& cell) { return !cell.empty(); });
    if (present < 2) continue;
    ComparisonRow row{key, std::move(cells), Verdict::agree, {}};
    std::set<std::string> sources;
    for (std::size_t a = 0; a < row.cells.size(); ++a) {
      if (!row.cells[a].empty()) sources.insert(articles[a].source.empty() ? articles[a].id : articles[a].source);
    }
    // The figures that can dispute one another, swept into groups that can
    // all hold, as the conflict rule does (one implementation): two groups
    // or more disagree, each named by its narrowest figure.
    std::vector<Claim> figures;
    for (const auto& cell : row.cells) figures.insert(figures.end(), cell.begin(), cell.end());
    std::vector<std::size_t> all(figures.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    std::vector<std::string> groups;
    for (const auto& [unit, members] : disputable_by_unit(figures, all)) {
      const std::vector<Cluster> clusters = agreeing_groups(figures, members, Tolerance{tolerance_percent, true});
      if (clusters.size() < 2) continue;
      for (const Cluster& cluster : clusters) groups.push_back(figures[narrowest(figures, cluster)].text);
    }
    if (groups.size() >= 2) {
      row.verdict = Verdict::disagree;
      row.disputed = std::move(groups);
    } else if (sources.size() < 2) {
      row.verdict = Verdict::one_source;
    }
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const ComparisonRow& a, const ComparisonRow& b) {
    return static_cast<int>(a.verdict) < static_cast<int>(b.verdict);
  });
  return out;
}

namespace {

// How text from an article is shown in one format: escape_controls for text,
// markdown_escape, html_escape. The pieces below apply it to what came from
// an article and leave what is ours (intervals, "unattributed") as it is.
using Escape = std::string (*)(std::string_view);

std::string cell_text(const std::vector<Claim>& cell, Escape escape) {
  if (cell.empty()) return "-";
  std::string out;
  for (const Claim& claim : cell) {
    if (!out.empty()) out += "; ";
    out += escape(claim.text);
    out += " " + claim.figure.interval_text();
    out += claim.attribution ? " (" + escape(claim.attribution->authority) + ")" : " (unattributed)";
  }
  return out;
}

std::string key_text(const ClaimKey& key, Escape escape) {
  std::string out = escape(key.metric) + " in " + escape(key.entity);
  if (!key.subject.empty()) out += " (" + escape(key.subject) + ")";
  if (key.scope != Scope::story) out += " [" + std::string(to_string(key.scope)) + "]";
  return out;
}

std::string article_label(const ComparedArticle& article, Escape escape) {
  std::string out = escape(article.source.empty() ? article.id : article.source);
  if (!article.published.empty()) out += " " + escape(article.published);
  return out;
}

// The verdict, with the figures in dispute.
std::string verdict_text(const ComparisonRow& row, Escape escape) {
  std::string out(format_as(row.verdict));
  for (std::size_t i = 0; i < row.disputed.size(); ++i) out += (i == 0 ? ": " : " vs ") + escape(row.disputed[i]);
  return out;
}

// The first `bytes` bytes of `text` or fewer, never cutting a UTF-8 character.
std::string cut(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

// Splits `text` into lines of at most `width` characters at spaces.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  auto characters = [](std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && characters(line) + 1 + characters(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string render_comparison_text(const Comparison& comparison, std::size_t width, bool color) {
  const char* red = color ? "\033[31m" : "";
  const char* green = color ? "\033[32m" : "";
  const char* yellow = color ? "\033[33m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::string out;
  // Each key is a block with a line per article: a column per article would
  // not fit 100 columns past three articles.
  std::size_t label_width = 0;
  for (const auto& article : comparison.articles) {
    label_width = std::max(label_width, article_label(article, escape_controls).size());
  }
  label_width = std::min<std::size_t>(label_width, 32);
  for (const ComparisonRow& row : comparison.rows) {
    const char* tint = row.verdict == Verdict::disagree ? red : row.verdict == Verdict::agree ? green : yellow;
    out += fmt::format("{}{}{}{} — {}{}\n", bold, tint, key_text(row.key, escape_controls), reset, tint,
                       verdict_text(row, escape_controls)) +
           reset;
    for (std::size_t a = 0; a < row.cells.size(); ++a) {
      std::string label = cut(article_label(comparison.articles[a], escape_controls), label_width);
      label.append(label_width - std::min(label_width, label.size()), ' ');
      const auto lines =
          wrap(cell_text(row.cells[a], escape_controls), width > label_width + 6 ? width - label_width - 6 : 40);
      for (std::size_t l = 0; l < lines.size(); ++l) {
        out += fmt::format("  {}  {}\n", l == 0 ? label : std::string(label_width, ' '), lines[l]);
      }
    }
    out += "\n";
  }
  std::size_t disagree = 0;
  for (const auto& row : comparison.rows) disagree += row.verdict == Verdict::disagree;
  out += fmt::format(
      "{} articles, {} figures compared in {} rows; {} disagree\n", comparison.articles.size(),
      [&] {
        std::size_t n = 0;
        for (const auto& row : comparison.rows) {
          for (const auto& cell : row.cells) n += cell.size();
        }
        return n;
      }(),
      comparison.rows.size(), disagree);
  return out;
}

std::string render_comparison_markdown(const Comparison& comparison) {
  // The one Markdown escape of every writer: no link, image or raw HTML, no '|' that ends a cell.
  std::string out = "| figure | verdict |";
  std::string rule = "| --- | --- |";
  for (const auto& article : comparison.articles) {
    out += " " + article_label(article, markdown_escape) + " |";
    rule += " --- |";
  }
  out += "\n" + rule + "\n";
  for (const ComparisonRow& row : comparison.rows) {
    out += "| " + key_text(row.key, markdown_escape) + " | **" + verdict_text(row, markdown_escape) + "** |";
    for (const auto& cell : row.cells) out += " " + cell_text(cell, markdown_escape) + " |";
    out += "\n";
  }
  return out;
}

std::string render_comparison_html(const Comparison& comparison) {
  std::string out = html_page_open("crosscheck compare");
  out += "<table class=\"compare\"><tr><th>figure</th><th>verdict</th>";
  for (const auto& article : comparison.articles) {
    out += fmt::format("<th>{}<br><small class=\"where\">{}</small></th>", article_label(article, html_escape),
                       html_escape(article.file));
  }
  out += "</tr>\n";
  for (const ComparisonRow& row : comparison.rows) {
    const char* row_class = row.verdict == Verdict::disagree ? "disagree"
                            : row.verdict == Verdict::agree  ? "agree"
                                                             : "one-source";
    out += fmt::format("<tr class=\"{}\"><th>{}</th><td class=\"verdict\">{}</td>", row_class,
                       key_text(row.key, html_escape), verdict_text(row, html_escape));
    for (const auto& cell : row.cells) {
      out += "<td class=\"cell\">";
      if (cell.empty()) out += "-";
      for (const Claim& claim : cell) {
        out += fmt::format("<strong>{}</strong><small>{} · {}</small><q>{}</q>", html_escape(claim.text),
                           html_escape(claim.figure.interval_text()),
                           html_escape(claim.attribution ? claim.attribution->authority : "unattributed"),
                           highlighted_sentence(claim));
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</table>\n</body></html>\n";
  return out;
}

std::string render_comparison_json(const Comparison& comparison) {
  std::string out;
  JsonWriter json(out, 2);
  json.begin_object();
  json.key("articles").begin_array();
  for (const auto& article : comparison.articles) {
    json.begin_object();
    json.key("id").string(article.id);
    json.key("source").string(article.source);
    json.key("published").string(article.published);
    json.key("file").string(article.file);
    json.end_object();
  }
  json.end_array();
  json.key("rows").begin_array();
  for (const ComparisonRow& row : comparison.rows) {
    json.begin_object();
    json.key("entity").string(row.key.entity);
    json.key("metric").string(row.key.metric);
    json.key("subject").string_or_null(row.key.subject);
    json.key("scope").string_or_null(to_string(row.key.scope));
    json.key("verdict").string(format_as(row.verdict));
    json.key("disputed").begin_array();
    for (const std::string& figure : row.disputed) json.string(figure);
    json.end_array();
    json.key("cells").begin_array();
    for (const auto& cell : row.cells) {
      json.begin_array();
      for (const Claim& claim : cell) write_claim_json(json, claim);
      json.end_array();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out + "\n";
}

}  // namespace crosscheck
