#include "cli/cli_support.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <set>
#include <tuple>

#include "crosscheck/language.h"
#include "crosscheck/segment.h"
#include "ingest/line_reader.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

// Set on the main thread only, as the command goes from step to step.
std::string& current_step() {
  static std::string step = "starting";
  return step;
}

}  // namespace

void now_doing(std::string what) noexcept { current_step() = std::move(what); }

const std::string& doing() noexcept { return current_step(); }

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                                     const po::positional_options_description& positional) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return values;
}

po::variables_map parse_with_words(const std::vector<std::string>& args, const po::options_description& options,
                                   std::vector<std::string>& words) {
  po::options_description hidden;
  hidden.add_options()("word", po::value(&words));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("word", -1);
  return parse_command_line(args, all, positional);
}

bool printed_help(const po::variables_map& values, std::string_view usage, std::string_view description,
                  const po::options_description& options) {
  if (!values.count("help")) return false;
  std::cout << usage << "\n\n" << description << "\n" << options << "\n";
  return true;
}

void add_lexicon_option(po::options_description& options, std::vector<std::string>& dirs) {
  options.add_options()("lexicon", po::value(&dirs)->value_name("DIR"),
                        "also load the lexicon files (*.yaml) of DIR; may be repeated");
}

bool stopped_on_errors(const DiagnosticSink& diagnostics) {
  if (diagnostics.error_count() == 0) return false;
  print_diagnostics(diagnostics);
  return true;
}

int finish_run(const DiagnosticSink& diagnostics) {
  print_diagnostics(diagnostics);
  return diagnostics.error_count() > 0 ? kExitInputError : kExitClean;
}

namespace {

// Whether a folder's name is a language code ("de", "fra"): a language pack.
bool is_language_code(const std::string& name) {
  return name.size() >= 2 && name.size() <= 3 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<LexiconSource> use_run_language_pack(const std::vector<std::string>& extra_dirs,
                                                 DiagnosticSink& diagnostics) {
  std::vector<std::filesystem::path> packs;
  for (const std::string& dir : extra_dirs) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.is_directory(error) && is_language_code(entry.path().filename().string())) {
        packs.push_back(entry.path());
      }
    }
  }
  std::sort(packs.begin(), packs.end());
  if (packs.empty()) return {};
  if (packs.size() > 1) {
    diagnostics.error({packs[1].generic_string(), 0, 0},
                      fmt::format("a second language pack; a run reads one, and '{}' came first: remove one",
                                  packs[0].generic_string()));
    return {};
  }
  const std::size_t errors = diagnostics.error_count();
  std::vector<LexiconSource> sources = read_lexicon_dir(packs[0], diagnostics);
  LanguagePack pack = load_language_pack(sources, diagnostics);
  if (diagnostics.error_count() == errors) use_language_pack(std::move(pack));
  return sources;
}

std::vector<LexiconSource> run_lexicon_sources(const std::vector<std::string>& extra_dirs,
                                               DiagnosticSink& diagnostics) {
  std::vector<LexiconSource> sources = default_lexicon_sources();
  for (const std::string& dir : extra_dirs) {
    for (LexiconSource& source : read_lexicon_dir(dir, diagnostics)) sources.push_back(std::move(source));
  }
  return sources;
}

std::vector<RuleSource> run_rule_sources(const std::string& dir, DiagnosticSink& diagnostics) {
  return dir.empty() ? default_rule_sources() : read_rule_dir(dir, diagnostics);
}

Lexicon load_run_lexicon(const std::vector<std::string>& extra_dirs, DiagnosticSink& diagnostics) {
  use_run_language_pack(extra_dirs, diagnostics);
  return load_lexicon(run_lexicon_sources(extra_dirs, diagnostics), diagnostics);
}

void add_reading_options(po::options_description& options, ReadingFlags& flags) {
  options.add_options()("jobs,j", po::value(&flags.jobs)->value_name("N")->default_value(0, "cores"),
                        "read and extract articles on N threads (the output is the same for any N)")(
      "max-article-size", po::value(&flags.max_article_size)->value_name("SIZE")->default_value("64M"),
      "skip, with an error, an article file or JSONL line larger than SIZE (K, M, G)")(
      "max-line-length", po::value(&flags.max_line_length)->value_name("SIZE")->default_value("1M"),
      "skip, with an error, a .txt/.md article with a line longer than SIZE");
}

std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::optional<std::size_t> parse_byte_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 15) return std::nullopt;
  std::size_t value = std::stoull(std::string(text.substr(0, digits)));
  const std::string_view suffix = text.substr(digits);
  int shift = 0;
  if (suffix == "K" || suffix == "k" || suffix == "KB" || suffix == "kB") {
    shift = 10;
  } else if (suffix == "M" || suffix == "MB") {
    shift = 20;
  } else if (suffix == "G" || suffix == "GB") {
    shift = 30;
  } else if (!suffix.empty()) {
    return std::nullopt;
  }
  if (value == 0 || value > (std::numeric_limits<std::size_t>::max() >> shift)) return std::nullopt;
  return value << shift;
}

ExtractionOptions parse_reading_options(const ReadingFlags& flags) {
  ExtractionOptions options;
  options.jobs = flags.jobs;
  IngestLimits& limits = options.limits;
  const auto parse = [](const std::string& value, std::string_view option) {
    const std::optional<std::size_t> size = parse_byte_size(value);
    if (!size) {
      throw UsageError(
          fmt::format("--{} '{}' is not a size; write it as 64M, 512K, 1G or a number of bytes", option, value));
    }
    return *size;
  };
  if (!flags.max_article_size.empty()) limits.max_article_bytes = parse(flags.max_article_size, "max-article-size");
  if (!flags.max_line_length.empty()) limits.max_line_bytes = parse(flags.max_line_length, "max-line-length");
  return options;
}

ReadClaims read_claims_from_paths(const std::vector<std::string>& paths, const Lexicon& lexicon,
                                  const ExtractionOptions& options, DiagnosticSink& diagnostics) {
  ReadClaims out;
  const std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  out.stats = extract_in_parallel(
      files, lexicon, options,
      [&](ExtractedArticle&& done) {
        for (Claim& claim : done.claims) out.claims.push_back(std::move(claim));
      },
      diagnostics);
  return out;
}

ReadClaims read_claims_jsonl(const std::string& path, const IngestLimits& limits, DiagnosticSink& diagnostics) {
  ReadClaims out;
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string name = path == "-" ? "<stdin>" : path;
  if (path != "-") {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    // A pipe is fine (`--claims <(crosscheck extract ...)`); a device may never end.
    if (std::filesystem::is_character_file(status) || std::filesystem::is_block_file(status) ||
        std::filesystem::is_directory(status)) {
      diagnostics.error({name, 0, 0}, "cannot read claims from a device or a folder; name a JSONL file or - for stdin");
      ++out.stats.skipped;
      return out;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      diagnostics.error({name, 0, 0}, "cannot read claims file; check the path");
      ++out.stats.skipped;
      return out;
    }
    in = &file;
  }
  out.stats.files = 1;
  std::set<std::string> articles;
  BoundedLineReader lines(*in, limits.max_article_bytes);
  std::string line;
  std::size_t length = 0;
  std::uint32_t number = 0;
  while (lines.next(line, length)) {
    ++number;
    if (length > limits.max_article_bytes) {
      diagnostics.error({name, number, 0},
                        fmt::format("line is {}, over the size limit of {}; line skipped (raise "
                                    "the limit with --max-article-size)",
                                    format_byte_size(length), format_byte_size(limits.max_article_bytes)));
      ++out.stats.skipped;
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    // A keyed line (`extract --keyed`, as Hadoop Streaming hands it to a
    // reducer): the key and its tab go, the claim stays.
    std::string_view json = line;
    if (const std::size_t tab = json.find('\t'); !json.starts_with('{') && tab != std::string_view::npos) {
      json.remove_prefix(tab + 1);
    }
    std::string error;
    if (std::optional<Claim> claim = claim_from_json(json, error)) {
      articles.insert(claim->article);
      out.claims.push_back(std::move(*claim));
    } else {
      diagnostics.error({name, number, 0},
                        error + "; line skipped (expected a line of 'crosscheck extract --format jsonl')");
      ++out.stats.skipped;
    }
  }
  out.stats.articles = articles.size();
  // Claims in the order of their place, as extraction gives them: the report
  // is then the same whatever order a shuffle delivered the lines in.
  std::stable_sort(out.claims.begin(), out.claims.end(), [](const Claim& a, const Claim& b) {
    return std::tie(a.file, a.line, a.column, a.article) < std::tie(b.file, b.line, b.column, b.article);
  });
  return out;
}

ReadClaims read_run_claims(const std::vector<std::string>& paths, const std::string& claims_file,
                           const Lexicon& lexicon, const ExtractionOptions& options, DiagnosticSink& diagnostics) {
  if (claims_file.empty()) {
    now_doing("reading the articles and their claims");
    return read_claims_from_paths(paths, lexicon, options, diagnostics);
  }
  now_doing(fmt::format("reading the claims of {}", claims_file));
  return read_claims_jsonl(claims_file, options.limits, diagnostics);
}

std::vector<Rule> load_run_rules(const std::string& dir, const Lexicon& lexicon, DiagnosticSink& diagnostics) {
  return load_rules(run_rule_sources(dir, diagnostics), lexicon, diagnostics);
}

std::optional<Severity> parse_fail_on(const std::string& value) {
  if (value == "never") return std::nullopt;
  if (value == "note" || value == "info") return Severity::note;
  if (value == "warning") return Severity::warning;
  if (value == "error") return Severity::error;
  throw UsageError(fmt::format("unknown --fail-on '{}'; use error, warning, note (or info) or never", value));
}

void print_diagnostics(const DiagnosticSink& diagnostics) {
  // fputs, not fmt::print: a stderr that fails must not throw out of the run midway.
  for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
    std::fputs((format_as(diagnostic) + "\n").c_str(), stderr);
  }
}

}  // namespace crosscheck::cli
