#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/graph.h"
#include "crosscheck/reports.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

// The fingerprints of the baseline file at `path`; an unreadable file is
// reported and accepts nothing.
std::set<std::string> read_baseline(const std::string& path, DiagnosticSink& diagnostics) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  if (!file || !(text << file.rdbuf())) {
    diagnostics.error({path, 0, 0}, "cannot read the baseline; check the path, or write one with --write-baseline");
    return {};
  }
  return parse_baseline(text.str(), path, diagnostics);
}

struct CheckFlags {
  std::vector<std::string> paths;
  std::vector<std::string> lexicon_dirs;
  std::string rules_dir;
  std::string claims_file;
  std::string format = "text";
  std::string fail_on = "error";
  std::string output;
  std::string baseline;
  std::string write_baseline;
  ReadingFlags reading;
};

constexpr std::string_view kUsage =
    "usage: crosscheck check [options] PATH...\n"
    "       crosscheck check [options] --claims FILE|-";

constexpr std::string_view kDescription =
    "Reads articles (or claims from 'crosscheck extract --format jsonl'), puts\n"
    "their claims in one graph and runs the rules over it: figures that\n"
    "disagree, figures with no source, parts larger than their whole, tolls\n"
    "that fall. Exit status: 0 nothing at or above --fail-on, 1 findings,\n"
    "2 usage or input error.\n";

// The command line as flags, checked; nothing when it asked for --help
// (printed). Throws UsageError for a command line that cannot run.
std::optional<CheckFlags> read_flags(const std::vector<std::string>& args) {
  CheckFlags flags;
  const std::string format_help = report_format_list();
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "rules", po::value(&flags.rules_dir)->value_name("DIR"),
      "use the rules (*.yaml) of DIR instead of the built-in ones");
  add_lexicon_option(options, flags.lexicon_dirs);
  options.add_options()("claims", po::value(&flags.claims_file)->value_name("FILE"),
                        "read claims (JSONL) instead of articles; - is stdin")(
      "format", po::value(&flags.format)->value_name("FORMAT")->default_value("text"), format_help.c_str())(
      "output,o", po::value(&flags.output)->value_name("FILE"), "write the report to FILE instead of stdout")(
      "fail-on", po::value(&flags.fail_on)->value_name("SEVERITY")->default_value("error"),
      "exit 1 when a finding is at least this severe: error, warning, note or never")(
      "baseline", po::value(&flags.baseline)->value_name("FILE"),
      "leave out the findings whose fingerprints FILE lists")(
      "write-baseline", po::value(&flags.write_baseline)->value_name("FILE"),
      "write the fingerprints of this run's findings to FILE, accepting them: exit 0");
  add_reading_options(options, flags.reading);
  const po::variables_map values = parse_with_words(args, options, flags.paths);
  if (printed_help(values, kUsage, kDescription, options)) return std::nullopt;
  if (flags.paths.empty() && flags.claims_file.empty()) {
    throw UsageError("no input; name the files or folders to read, or --claims FILE");
  }
  if (!flags.paths.empty() && !flags.claims_file.empty()) {
    throw UsageError("give either paths or --claims, not both");
  }
  if (!is_report_format(flags.format)) {
    throw UsageError(fmt::format("unknown format '{}'; use {}", flags.format, report_format_list()));
  }
  return flags;
}

// Writes the baseline `flags` asks for, and leaves out of `findings` those
// the baseline it reads accepts; how many were left out.
std::size_t apply_baselines(const CheckFlags& flags, std::vector<Finding>& findings, DiagnosticSink& diagnostics) {
  if (!flags.write_baseline.empty()) {
    now_doing(fmt::format("writing the baseline of {} findings", findings.size()));
    write_whole_file(flags.write_baseline, render_baseline(findings), "baseline", diagnostics);
  }
  if (flags.baseline.empty()) return 0;
  now_doing(fmt::format("reading the baseline {}", flags.baseline));
  const std::set<std::string> accepted = read_baseline(flags.baseline, diagnostics);
  return std::erase_if(findings, [&](const Finding& finding) { return accepted.count(finding.fingerprint) > 0; });
}

// The exit status once the report is out: 2 after an input error, 1 for a
// finding at or above --fail-on, else 0.
int exit_status(const CheckFlags& flags, std::optional<Severity> fail_on, const std::vector<Finding>& findings,
                const DiagnosticSink& diagnostics) {
  print_diagnostics(diagnostics);
  if (diagnostics.error_count() > 0) return kExitInputError;
  // A run that writes the baseline accepts its findings.
  const bool failing = fail_on && flags.write_baseline.empty() &&
                       std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& finding) { return finding.severity >= *fail_on; });
  return failing ? kExitFindings : kExitClean;
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  const std::optional<CheckFlags> flags = read_flags(args);
  if (!flags) return kExitClean;
  const std::optional<Severity> fail_on = parse_fail_on(flags->fail_on);
  const ExtractionOptions reading = parse_reading_options(flags->reading);

  DiagnosticSink diagnostics;
  now_doing("loading the lexicon and the rules");
  const Lexicon lexicon = load_run_lexicon(flags->lexicon_dirs, diagnostics);
  const std::vector<Rule> rules = load_run_rules(flags->rules_dir, lexicon, diagnostics);
  if (stopped_on_errors(diagnostics)) return kExitInputError;
  const ReadClaims read = read_run_claims(flags->paths, flags->claims_file, lexicon, reading, diagnostics);
  now_doing(fmt::format("building the graph of {} claims", read.claims.size()));
  const ClaimGraph graph(read.claims, lexicon);
  now_doing(fmt::format("running {} rules over {} claims", rules.size(), read.claims.size()));
  std::vector<Finding> findings = evaluate(rules, graph, lexicon);
  const std::size_t baselined = apply_baselines(*flags, findings, diagnostics);
  const RunSummary summary{read.stats.files, read.stats.articles, read.stats.skipped, rules.size(), baselined};
  // The whole document is built before anything is written: never a partial report.
  now_doing(fmt::format("writing the report for {} claims and {} findings", read.claims.size(), findings.size()));
  const std::string report = render_report(flags->format, findings, graph, rules, summary);
  if (!flags->output.empty()) {
    write_whole_file(flags->output, report, "report", diagnostics);
  } else {
    write_stdout(report, "report", diagnostics);
  }
  return exit_status(*flags, fail_on, findings, diagnostics);
}

}  // namespace crosscheck::cli
