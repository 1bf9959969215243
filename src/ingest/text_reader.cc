#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

namespace {

std::string size_limit_advice() { return "split it, or raise the limit with --max-article-size"; }

}  // namespace

// Read once; the limit is checked before reading, and while reading for a
// file that grows.
std::string read_whole_file(const fs::path& path, const std::string& display_name, std::size_t limit) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error) throw Error({display_name, 0, 0}, "cannot read file: " + unreachable_reason(path, error));
  if (!fs::is_regular_file(status)) {
    // NOTE: opening a pipe or a device would block or never end.
    throw Error({display_name, 0, 0}, "cannot read file: not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error({display_name, 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno)));
  std::string content;
  const auto size = fs::file_size(path, error);
  if (!error && size > limit) {
    throw Error({display_name, 0, 0},
                fmt::format("file is {}, over the article size limit of {}; {}", format_byte_size(size),
                            format_byte_size(limit), size_limit_advice()));
  }
  if (!error) content.reserve(size);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, in.gcount());
    if (content.size() > limit) {
      throw Error({display_name, 0, 0}, fmt::format("file grew past the article size limit of {} while it was read; {}",
                                                    format_byte_size(limit), size_limit_advice()));
    }
  }
  if (in.bad()) throw Error({display_name, 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno)));
  return content;
}

namespace {

// Offset just past the closing `---` (or `...`) line of front matter that
// opens at offset 0, or npos when it is never closed.
std::size_t front_matter_end(std::string_view text, std::size_t& yaml_end) {
  const std::size_t opening_end = text.find('\n');
  if (opening_end == std::string_view::npos) return std::string_view::npos;  // a lone `---`
  std::size_t line_begin = opening_end + 1;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == "---" || line == "...") {
      yaml_end = line_begin;
      return std::min(line_end + 1, text.size());
    }
    line_begin = line_end + 1;
  }
  return std::string_view::npos;
}

SourceSpan yaml_span(const std::string& file, const YAML::Mark& mark) {
  // The YAML starts on file line 2, after the opening `---`; marks are 0-based.
  if (mark.line < 0) return {file, 2, 0};
  return {file, static_cast<std::uint32_t>(mark.line + 2), static_cast<std::uint32_t>(mark.column + 1)};
}

void apply_front_matter(Article& article, std::string_view yaml) {
  const std::string& file = article.origin.file;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    const bool tab = e.msg.find("tab") != std::string::npos;
    throw Error(yaml_span(file, e.mark),
                fmt::format("broken front matter: {}{}", e.msg, tab ? "; indent with spaces, not tabs" : ""));
  }
  if (!root || root.IsNull()) return;
  if (!root.IsMap()) {
    throw Error(yaml_span(file, root.Mark()),
                "broken front matter: expected 'key: value' lines such as 'source: Reuters'");
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (key != "id" && key != "source" && key != "published" && key != "title" && key != "url") continue;
    if (!entry.second.IsScalar()) {
      throw Error(yaml_span(file, entry.second.Mark()),
                  fmt::format("front matter '{}' must be a single value, not a list or mapping", key));
    }
    set_article_field(article, key, entry.second.Scalar(), yaml_span(file, entry.second.Mark()));
  }
}

// Throws Error at the first line of `text` longer than `limit` bytes.
void require_short_lines(std::string_view text, const std::string& display_name, std::size_t limit) {
  std::uint32_t line = 1;
  for (std::size_t begin = 0; begin < text.size(); ++line) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end - begin > limit) {
      throw Error({display_name, line, 1},
                  fmt::format("line is {} long, over the line length limit of {}; is this a text file? If it is, "
                              "raise the limit with --max-line-length",
                              format_byte_size(end - begin), format_byte_size(limit)));
    }
    begin = end + 1;
  }
}

}  // namespace

Article read_text_article(const fs::path& path, const std::string& display_name, const IngestLimits& limits,
                          DiagnosticSink& diagnostics) {
  std::string content = read_whole_file(path, display_name, limits.max_article_bytes);
  if (content.empty()) throw Error({display_name, 0, 0}, std::string(kEmptyFileMessage));
  std::size_t boms = 0;
  while (strip_bom(content)) ++boms;
  if (boms > 1) {
    // A file converted to UTF-8 twice: the second mark would hide the front
    // matter behind an invisible character, and its source and date be lost.
    diagnostics.warning({display_name, 1, 1},
                        fmt::format("the file starts with {} byte order marks (U+FEFF); read without them, but "
                                    "remove the extra ones: the file was likely converted to UTF-8 twice",
                                    boms));
  }
  require_plain_text(content, display_name, 3 * boms, 1);
  normalize_line_ends(content);
  require_short_lines(content, display_name, limits.max_line_bytes);

  Article article;
  article.id = path.stem().string();
  article.origin.file = display_name;
  article.id_span = {display_name, 0, 0};
  // The opening line is `---`; trailing blanks are allowed, as YAML and the
  // closing line allow them, but said: they are invisible in an editor and
  // other tools may read the file as text.
  const std::string_view first_line = std::string_view(content).substr(0, content.find('\n'));
  const std::size_t opening_length = first_line.find_last_not_of(" \t") + 1;
  const bool has_front_matter = first_line.substr(0, opening_length) == "---";
  if (has_front_matter && opening_length < first_line.size()) {
    diagnostics.warning({display_name, 1, 4},
                        "blanks after the opening '---' of the front matter; read as front matter, but remove them");
  }
  if (has_front_matter) {
    std::size_t yaml_end = 0;
    const std::size_t body = front_matter_end(content, yaml_end);
    if (body == std::string_view::npos) {
      throw Error({display_name, 1, 1},
                  "broken front matter: the '---' on line 1 is never closed; add a '---' line after the keys");
    }
    const std::size_t yaml_begin = first_line.size() + 1;
    apply_front_matter(article, std::string_view(content).substr(yaml_begin, yaml_end - yaml_begin));
    article.origin.line = static_cast<std::uint32_t>(std::count(content.begin(), content.begin() + body, '\n') + 1);
    content.erase(0, body);  // in place: the text is not copied again
  }
  article.text = std::move(content);
  remove_default_ignorables(article.text, article.origin);
  return article;
}

}  // namespace crosscheck
