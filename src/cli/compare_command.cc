#include <unistd.h>

#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/compare.h"
#include "crosscheck/segment.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

int run_compare(const std::vector<std::string>& args) {
  std::vector<std::string> paths, lexicon_dirs;
  std::string format = "text", color = "auto";
  double tolerance = 2;
  ReadingFlags limit_flags;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "format", po::value(&format)->value_name("FORMAT")->default_value("text"), "text, markdown, html or json")(
      "color", po::value(&color)->value_name("WHEN")->default_value("auto"), "colour the text: auto, always or never")(
      "tolerance", po::value(&tolerance)->value_name("PERCENT")->default_value(2),
      "how far figures may differ and still agree, in percent");
  add_lexicon_option(options, lexicon_dirs);
  add_reading_options(options, limit_flags);
  const po::variables_map values = parse_with_words(args, options, paths);
  if (printed_help(values, "usage: crosscheck compare [options] ARTICLE ARTICLE [ARTICLE...]",
                   "Puts a handful of articles side by side: for every place, metric and\n"
                   "subgroup that two or more of them give a figure for, each article's figure\n"
                   "as written, its interval and its source, and whether they agree. Rows that\n"
                   "disagree come first. Every article of the given files is a column.\n",
                   options)) {
    return kExitClean;
  }
  if (format != "text" && format != "markdown" && format != "html" && format != "json") {
    throw UsageError(fmt::format("unknown format '{}'; use text, markdown, html or json", format));
  }
  if (color != "auto" && color != "always" && color != "never") {
    throw UsageError(fmt::format("unknown --color '{}'; use auto, always or never", color));
  }
  if (tolerance < 0 || tolerance > 100) throw UsageError("--tolerance must be a percentage from 0 to 100");
  const ExtractionOptions reading = parse_reading_options(limit_flags);
  DiagnosticSink diagnostics;
  now_doing("loading the lexicon");
  const Lexicon lexicon = load_run_lexicon(lexicon_dirs, diagnostics);
  if (stopped_on_errors(diagnostics)) return kExitInputError;
  std::vector<ComparedArticle> articles;
  std::vector<std::vector<Claim>> claims;
  const std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  now_doing("reading the articles and their claims");
  extract_in_parallel(
      files, lexicon, reading,
      [&](ExtractedArticle&& done) {
        const Article& article = done.article;
        articles.push_back({article.id, article.source,
                            article.published ? format_as(*article.published) : std::string(), article.origin.file});
        claims.push_back(std::move(done.claims));
      },
      diagnostics);
  if (articles.size() < 2 && diagnostics.error_count() == 0) {
    throw UsageError("compare needs two articles or more; name their files");
  }
  now_doing(fmt::format("comparing {} articles", articles.size()));
  const Comparison comparison = compare(articles, claims, tolerance);
  now_doing(fmt::format("writing the comparison of {} articles", articles.size()));
  const bool colored = color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO));
  const std::string text = format == "json"       ? render_comparison_json(comparison)
                           : format == "markdown" ? render_comparison_markdown(comparison)
                           : format == "html"     ? render_comparison_html(comparison)
                                                  : render_comparison_text(comparison, 100, colored);
  write_stdout(text, "comparison", diagnostics);
  return finish_run(diagnostics);
}

}  // namespace crosscheck::cli
