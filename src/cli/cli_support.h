// Shared pieces of the subcommands: usage errors, the lexicon they load and
// how diagnostics reach stderr.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/output.h"
#include "crosscheck/claims.h"
#include "crosscheck/core.h"
#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/rules.h"

namespace crosscheck::cli {

/// Exit statuses, as documented in the README.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitInputError = 2;

/// A bad command line; main() prints it with a pointer to --help, exit 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What the command is busy with ("building the graph of 811956 claims"),
/// set at each step. Memory that runs out outside an article (inside one,
/// the article is skipped and named) is reported by main() as "out of
/// memory while" this, never as a bare std::bad_alloc.
void now_doing(std::string what) noexcept;

/// The last step set with now_doing(); "starting" before the first.
const std::string& doing() noexcept;

/// Parses `args` (the words after the subcommand) against `options` and the
/// positional `paths`. Throws UsageError for unknown or malformed options.
boost::program_options::variables_map parse_command_line(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

/// As parse_command_line, with every word that is not an option collected
/// into `words` (the paths of extract, check and graph).
boost::program_options::variables_map parse_with_words(const std::vector<std::string>& args,
                                                       const boost::program_options::options_description& options,
                                                       std::vector<std::string>& words);

/// With `--help` among `values`: prints `usage` ("usage: crosscheck graph
/// [options] PATH..."), a blank line, `description` (lines, each ending in a
/// newline) and the options, and returns true.
bool printed_help(const boost::program_options::variables_map& values, std::string_view usage,
                  std::string_view description, const boost::program_options::options_description& options);

/// Adds `--lexicon DIR` (repeatable), stored into `dirs`: every command that reads articles or claims takes it.
void add_lexicon_option(boost::program_options::options_description& options, std::vector<std::string>& dirs);

/// When `diagnostics` holds an error (a lexicon or rule file that did not
/// load): prints them all and returns true, and the command exits 2 before
/// reading anything. False, printing nothing, otherwise.
bool stopped_on_errors(const DiagnosticSink& diagnostics);

/// The end of a command that wrote its output: prints the diagnostics and
/// gives the exit status, 2 (kExitInputError) when any is an error, else 0.
int finish_run(const DiagnosticSink& diagnostics);

/// The texts of the built-in lexicon files plus the `*.yaml` files of each of
/// `extra_dirs`; unreadable folders are reported to `diagnostics`.
std::vector<LexiconSource> run_lexicon_sources(const std::vector<std::string>& extra_dirs, DiagnosticSink& diagnostics);

/// The texts of the built-in rule files, or of the `*.yaml` files of `dir` instead when given.
std::vector<RuleSource> run_rule_sources(const std::string& dir, DiagnosticSink& diagnostics);

/// A `--lexicon DIR` may hold one language pack, in a folder named by its
/// language code ("my-lexicon/de/", as the built-in English is
/// rules/lexicon/en/): loaded and put in use for the run instead of English,
/// before any reader is made. Returns its files (none for English); a
/// mistake in the pack, or a second pack, is reported to `diagnostics`.
std::vector<LexiconSource> use_run_language_pack(const std::vector<std::string>& extra_dirs,
                                                 DiagnosticSink& diagnostics);

/// The language pack of use_run_language_pack put in use, and the lexicon of
/// run_lexicon_sources, loaded. Problems are reported to `diagnostics`.
Lexicon load_run_lexicon(const std::vector<std::string>& extra_dirs, DiagnosticSink& diagnostics);

/// Prints every diagnostic to stderr, one per line, in the order reported.
/// A failure of stderr itself is left to close_standard_streams().
void print_diagnostics(const DiagnosticSink& diagnostics);

/// `--jobs`, `--max-article-size` and `--max-line-length` as given, for the
/// commands that read articles.
struct ReadingFlags {
  unsigned jobs = 0;
  std::string max_article_size;
  std::string max_line_length;
};

/// Adds the reading options to `options`, stored into `flags`.
void add_reading_options(boost::program_options::options_description& options, ReadingFlags& flags);

/// The extraction options `flags` give; throws UsageError for a size that is not a size.
ExtractionOptions parse_reading_options(const ReadingFlags& flags);

/// "1 file", "2 files": a count and its noun, for a summary line.
std::string count_of(std::size_t count, std::string_view noun);

/// "64M", "512K", "1G" (powers of 1024) or a number of bytes; nothing for anything else.
std::optional<std::size_t> parse_byte_size(std::string_view text);

/// The claims of every article under `paths` (ingest, segment, claims).
struct ReadClaims {
  std::vector<Claim> claims;
  IngestStats stats;
};
ReadClaims read_claims_from_paths(const std::vector<std::string>& paths, const Lexicon& lexicon,
                                  const ExtractionOptions& options, DiagnosticSink& diagnostics);

/// The claims of a run that takes either articles (`paths`) or a JSONL file
/// of claims (`claims_file`, when not empty): read_claims_from_paths or
/// read_claims_jsonl, with the step named for now_doing().
ReadClaims read_run_claims(const std::vector<std::string>& paths, const std::string& claims_file,
                           const Lexicon& lexicon, const ExtractionOptions& options, DiagnosticSink& diagnostics);

/// Claims from a JSONL file as `extract --format jsonl` writes them ("-" is
/// stdin). A bad line, or one longer than `limits.max_article_bytes` (never
/// held whole), is reported with its line number and skipped.
ReadClaims read_claims_jsonl(const std::string& path, const IngestLimits& limits, DiagnosticSink& diagnostics);

/// The built-in rules, or the `*.yaml` files of `dir` instead when given.
std::vector<Rule> load_run_rules(const std::string& dir, const Lexicon& lexicon, DiagnosticSink& diagnostics);

/// The severity a `--fail-on` value names; throws UsageError otherwise.
/// "never" gives an empty optional.
std::optional<Severity> parse_fail_on(const std::string& value);

}  // namespace crosscheck::cli
