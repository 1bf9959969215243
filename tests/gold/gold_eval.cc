// Measures claim extraction against the hand-annotated gold set
// (tests/gold/claims-gold.jsonl, texts read from ../shared/data; CTest skips it
// through tests/needs_shared.sh where that folder is absent).
//
//   crosscheck_gold_eval --gold FILE --data DIR [--floor FILE] [--misses]
//
// Prints precision and recall for figures, metric, entity and attribution.
// A figure matches when one text contains the other (case and spacing
// ignored); the other fields are compared on matched figures only. With
// --floor, exits 1 when a number falls below the one recorded there.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/pipeline.h"

namespace {

// Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks
// inside quotes), by header name. A leading byte order mark is dropped.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  std::string text = std::move(content).str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"', ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(std::move(field)), field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      records.back().push_back(std::move(field)), field.clear();
      records.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !records.back().empty()) records.back().push_back(std::move(field));
  std::vector<std::map<std::string, std::string>> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].empty() || (records[r].size() == 1 && records[r][0].empty())) continue;
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < records[0].size() && c < records[r].size(); ++c) row[records[0][c]] = records[r][c];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

bool same(const std::string& gold, const std::string& found) {
  const std::string a = normalize(gold), b = normalize(found);
  if (a.empty() || b.empty()) return a == b;
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

struct Score {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  // One labelled field of a matched figure: "" is no label.
  void add(const std::string& gold, const std::string& found) {
    if (!found.empty() && !gold.empty() && same(gold, found)) {
      ++tp;
    } else {
      if (!found.empty()) ++fp;
      if (!gold.empty()) ++fn;
    }
  }
};

std::string field(const nlohmann::json& figure, const char* key) {
  return figure.contains(key) && figure[key].is_string() ? figure[key].get<std::string>() : std::string();
}

// A publication date from the corpora's own forms: 2023-10-12, 10/7/2023.
std::optional<crosscheck::Date> date_of(const std::string& text) {
  if (auto iso = crosscheck::parse_date(text)) return iso;
  int m = 0, d = 0, y = 0;
  if (std::sscanf(text.c_str(), "%d/%d/%d", &m, &d, &y) == 3) {
    return crosscheck::parse_date(fmt::format("{:04}-{:02}-{:02}", y, m, d));
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_path, data_dir, floor_path;
  bool show_misses = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--misses")
      show_misses = true;
    else if (i + 1 < argc && flag == "--gold")
      gold_path = argv[++i];
    else if (i + 1 < argc && flag == "--data")
      data_dir = argv[++i];
    else if (i + 1 < argc && flag == "--floor")
      floor_path = argv[++i];
  }
  std::ifstream gold(gold_path);
  if (!gold || data_dir.empty()) {
    fmt::print(stderr, "usage: crosscheck_gold_eval --gold FILE --data DIR [--floor FILE] [--misses]\n");
    return 2;
  }
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  crosscheck::ArticleExtractor extractor(lexicon);
  std::map<std::string, std::vector<std::map<std::string, std::string>>> tables;

  Score figures, metric, entity, attribution;
  std::string misses;
  std::string line;
  int texts = 0;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    const nlohmann::json item = nlohmann::json::parse(line);
    const std::string file = item["file"];
    auto& rows = tables[file];
    if (rows.empty()) rows = read_csv(data_dir + "/" + file);
    const std::size_t row = item["row"];
    if (row >= rows.size()) {
      fmt::print(stderr, "{}: row {} is past the end of {}\n", gold_path, row, file);
      return 2;
    }
    crosscheck::Article article;
    article.id = fmt::format("{}#{}", file, row);
    article.text = rows[row][item["column"].get<std::string>()];
    if (const std::size_t prefix = item["prefix"]; prefix > 0 && article.text.size() > prefix)
      article.text.resize(prefix);
    for (const char* key : {"article_date", "date"}) {
      if (rows[row].count(key)) article.published = date_of(rows[row][key]);
    }
    article.title = rows[row].count("article_title") ? rows[row]["article_title"] : "";
    article.origin.file = file;
    const auto claims = extractor.extract(article);
    ++texts;
    std::vector<bool> used(claims.size(), false);
    for (const auto& expected : item["figures"]) {
      const std::string text = expected["text"];
      std::size_t found = claims.size();
      for (std::size_t k = 0; k < claims.size() && found == claims.size(); ++k) {
        if (!used[k] && same(text, claims[k].text)) found = k;
      }
      if (found == claims.size()) {
        ++figures.fn;
        for (Score* score : {&metric, &entity, &attribution}) score->add("x", "");  // a label not read at all
        misses += fmt::format("missed '{}' in {}\n", text, article.id);
        continue;
      }
      used[found] = true;
      ++figures.tp;
      const crosscheck::Claim& claim = claims[found];
      metric.add(field(expected, "metric"), claim.metric);
      entity.add(field(expected, "entity"), claim.entity);
      attribution.add(field(expected, "attribution"), claim.attribution ? claim.attribution->authority : "");
      if (!same(field(expected, "metric"), claim.metric) || !same(field(expected, "entity"), claim.entity) ||
          !same(field(expected, "attribution"), claim.attribution ? claim.attribution->authority : "")) {
        misses += fmt::format("'{}' in {}: expected {} / {} / {}, read {} / {} / {}\n", text, article.id,
                              field(expected, "metric"), field(expected, "entity"), field(expected, "attribution"),
                              claim.metric, claim.entity, claim.attribution ? claim.attribution->authority : "");
      }
    }
    for (std::size_t k = 0; k < claims.size(); ++k) {
      if (!used[k]) {
        ++figures.fp;
        misses += fmt::format("extra '{}' in {}\n", claims[k].text, article.id);
      }
    }
  }
  // NOTE: a gold figure not read at all counts against every field's recall
  // (the "x" label above), so field recall never beats figure recall.
  fmt::print("{} texts, {} gold figures\n", texts, figures.tp + figures.fn);
  fmt::print("{:<12} {:>9} {:>7}\n", "field", "precision", "recall");
  std::map<std::string, double> measured;
  for (const auto& [name, score] : std::vector<std::pair<std::string, const Score*>>{
           {"figure", &figures}, {"metric", &metric}, {"entity", &entity}, {"attribution", &attribution}}) {
    fmt::print("{:<12} {:>8.1f}% {:>6.1f}%\n", name, 100 * score->precision(), 100 * score->recall());
    measured[name + ".precision"] = score->precision();
    measured[name + ".recall"] = score->recall();
  }
  if (show_misses) fmt::print("\n{}", misses);
  if (!floor_path.empty()) {
    std::ifstream floors(floor_path);
    std::string name;
    double floor = 0;
    bool below = false;
    while (floors >> name >> floor) {
      if (measured.count(name) && measured[name] + 1e-9 < floor) {
        fmt::print("{} fell to {:.3f}, below its floor {:.3f} in {}\n", name, measured[name], floor, floor_path);
        below = true;
      }
    }
    if (below) return 1;
  }
  return 0;
}
