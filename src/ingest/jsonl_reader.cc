#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/line_reader.h"
#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

namespace {

std::string_view json_type_name(const nlohmann::json& value) {
  if (value.is_array()) return "an array";
  if (value.is_string()) return "a string";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_null()) return "null";
  return "an object";
}

// nlohmann's messages open with "[json.exception.parse_error.101] parse error
// at line 1, column 5: "; the position is ours to give, so keep the rest.
std::string parse_error_reason(const nlohmann::json::parse_error& e) {
  std::string_view what = e.what();
  const std::size_t colon = what.find(": ");
  if (colon != std::string_view::npos && what.find("parse error") < colon) what.remove_prefix(colon + 2);
  return std::string(what);
}

std::uint32_t column_of_byte(std::string_view line, std::size_t byte) {
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

Article parse_article_line(std::string_view line, const SourceSpan& where) {
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    throw Error({where.file, where.line, column_of_byte(line, byte)},
                fmt::format("not valid JSON: {}; each line must be one article object", parse_error_reason(e)));
  } catch (const nlohmann::json::exception&) {
    // out_of_range: a number beyond what a double holds (1e999999).
    throw Error(where, "a number on this line is too large to read; each line must be one article object");
  }
  if (!object.is_object()) {
    throw Error(where,
                fmt::format("expected an article object with a \"text\" field, found {}", json_type_name(object)));
  }
  const auto text = object.find("text");
  if (text == object.end()) throw Error(where, "article object has no \"text\" field; add the article's text");
  if (!text->is_string()) {
    throw Error(where, fmt::format("\"text\" must be a string, found {}", json_type_name(*text)));
  }
  Article article;
  for (const char* key : {"id", "source", "published", "title", "url"}) {
    const auto field = object.find(key);
    if (field == object.end() || field->is_null()) continue;
    if (field->is_string()) {
      set_article_field(article, key, field->get<std::string>(), where);
    } else if (std::string_view(key) == "id" && field->is_number_integer()) {
      set_article_field(article, key, field->dump(), where);
    } else {
      throw Error(where, fmt::format("\"{}\" must be a string, found {}", key, json_type_name(*field)));
    }
  }
  article.text = text->get<std::string>();
  if (article.text.find('\0') != std::string::npos) {
    throw Error(where, "\"text\" holds a NUL character (\\u0000): binary data, not an article's text");
  }
  return article;
}

}  // namespace

void read_jsonl_articles(const fs::path& path, const std::string& display_name,
                         const std::function<void(Article&&)>& on_article, IngestStats& stats,
                         DiagnosticSink& diagnostics, const IngestLimits& limits) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::is_regular_file(status)) {
    diagnostics.error({display_name, 0, 0},
                      "cannot read file: " + (error ? unreachable_reason(path, error) : "not a regular file"));
    ++stats.skipped;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({display_name, 0, 0}, "cannot read file: permission denied or gone");
    ++stats.skipped;
    return;
  }
  const std::string stem = path.stem().string();
  BoundedLineReader lines(in, limits.max_article_bytes);
  std::string line;
  std::size_t length = 0;
  std::uint32_t line_number = 0;
  std::size_t line_offset = 0;  // of `line` in the file, for UTF-8 errors
  while (lines.next(line, length)) {
    ++line_number;
    std::size_t offset = line_offset;
    line_offset += length + 1;
    if (length > limits.max_article_bytes) {
      diagnostics.error({display_name, line_number, 0},
                        fmt::format("line is {}, over the article size limit of {}; line skipped (split the "
                                    "article, or raise the limit with --max-article-size)",
                                    format_byte_size(length), format_byte_size(limits.max_article_bytes)));
      ++stats.skipped;
      continue;
    }
    if (line_number == 1 && strip_bom(line)) offset += 3;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const SourceSpan where{display_name, line_number, 0};
    try {
      require_plain_text(line, display_name, offset, line_number);
      Article article = parse_article_line(line, where);
      if (article.id.empty()) {
        article.id = fmt::format("{}:{}", stem, line_number);
      }
      article.id_span = where;
      article.origin = {display_name, line_number, true, {}, {}};
      normalize_line_ends(article.text);
      remove_default_ignorables(article.text, article.origin);
      on_article(std::move(article));
    } catch (const Error& e) {
      diagnostics.error(e.span(), e.message() + "; line skipped");
      ++stats.skipped;
    }
  }
  if (line_number == 0 && !lines.bad()) {
    diagnostics.error({display_name, 0, 0}, std::string(kEmptyFileMessage));
    ++stats.skipped;
  }
  if (lines.bad()) {
    diagnostics.error({display_name, line_number + 1, 0}, "read error; the rest of the file was skipped");
    ++stats.skipped;
  }
}

}  // namespace crosscheck
