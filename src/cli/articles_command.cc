#include <cstdio>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/json_writer.h"
#include "crosscheck/ingest.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view kUsage = "usage: crosscheck articles [options] PATH...";

constexpr std::string_view kDescription =
    "Prints each article as crosscheck reads it, before any figure is looked\n"
    "for: its id, source, date, title and address, and its text. For a web page\n"
    "(.html, .htm, .html.gz) the text is the article alone, found among the\n"
    "page's menus, teasers, captions and comments: see here what was kept.\n"
    "\n"
    "Formats: text (a header, then the text), jsonl (one JSON object per\n"
    "article: id, file, source, published, title, url, text).\n";

std::string article_json(const Article& article) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("id").string(article.id);
  json.key("file").string(article.origin.file);
  json.key("source").string_or_null(article.source);
  json.key("published").string_or_null(article.published ? format_as(*article.published) : std::string());
  json.key("title").string_or_null(article.title);
  json.key("url").string_or_null(article.url);
  json.key("text").string(article.text);
  json.end_object();
  out += '\n';
  return out;
}

std::string article_text(const Article& article) {
  const auto or_dash = [](const std::string& value) {
    return value.empty() ? std::string("-") : escape_controls(value);
  };
  // Line by line: the breaks are the article's paragraphs, every other control is escaped.
  std::string text;
  for (std::size_t begin = 0; begin <= article.text.size();) {
    const std::size_t end = std::min(article.text.find('\n', begin), article.text.size());
    text += escape_controls(std::string_view(article.text).substr(begin, end - begin));
    if (end < article.text.size()) text += '\n';
    begin = end + 1;
  }
  return fmt::format("== {} ({})\nsource: {}\npublished: {}\ntitle: {}\nurl: {}\n\n{}\n\n", article.id,
                     escape_controls(article.origin.file), or_dash(article.source),
                     article.published ? format_as(*article.published) : "-", or_dash(article.title),
                     or_dash(article.url), text);
}

}  // namespace

int run_articles(const std::vector<std::string>& args) {
  std::vector<std::string> words;
  std::string format = "text";
  ReadingFlags reading_flags;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "format", po::value(&format)->value_name("FORMAT")->default_value("text"), "text or jsonl");
  add_reading_options(options, reading_flags);
  const po::variables_map values = parse_with_words(args, options, words);
  if (printed_help(values, kUsage, kDescription, options)) return kExitClean;
  if (words.empty()) throw UsageError("no input paths; name the files or folders to read");
  if (format != "text" && format != "jsonl")
    throw UsageError(fmt::format("unknown format '{}'; use text or jsonl", format));
  const ExtractionOptions reading = parse_reading_options(reading_flags);

  DiagnosticSink diagnostics;
  std::string buffer;
  const std::vector<std::filesystem::path> paths(words.begin(), words.end());
  now_doing("reading the articles");
  const IngestStats stats = ingest(
      paths,
      [&](Article&& article) {
        buffer += format == "jsonl" ? article_json(article) : article_text(article);
        if (buffer.size() > (1u << 20)) {
          write_stdout(buffer, "articles", diagnostics);
          buffer.clear();
        }
      },
      diagnostics, reading.limits);
  const std::string summary = fmt::format("{}, {}; {} skipped\n", count_of(stats.files, "file"),
                                          count_of(stats.articles, "article"), stats.skipped);
  if (format == "jsonl") {
    write_stdout(buffer, "articles", diagnostics);
    std::fputs(summary.c_str(), stderr);
  } else {
    buffer += summary;
    write_stdout(buffer, "articles", diagnostics);
  }
  return finish_run(diagnostics);
}

}  // namespace crosscheck::cli
