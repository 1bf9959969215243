// `crosscheck audit` (a nightly run against a SQLite store) and `crosscheck
// triage` (an editor's decision on one finding).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/audit.h"
#include "crosscheck/reports.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

struct AuditFlags {
  std::vector<std::string> paths;
  std::vector<std::string> lexicon_dirs;
  std::string rules_dir;
  std::string state;
  std::string format = "text";
  std::string fail_on = "error";
  bool history = false;
  bool rebuild = false;
  ReadingFlags reading;
};

// A hash of every lexicon, language pack and rule file the run loads: when
// it changes, the store reads every article again. (The built-in English
// pack is part of the program, whose version the store checks too.)
std::string configuration_of(const std::vector<LexiconSource>& lexicon, const std::vector<LexiconSource>& language,
                             const std::vector<RuleSource>& rules) {
  ContentHash hash;
  for (const LexiconSource& source : lexicon) hash.add(source.name).add(source.content);
  for (const LexiconSource& source : language) hash.add(source.name).add(source.content);
  for (const RuleSource& source : rules) hash.add(source.name).add(source.content);
  return hash.hex();
}

// The options of `crosscheck audit`, read into `flags`.
po::options_description audit_options(AuditFlags& flags) {
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")("state", po::value(&flags.state)->value_name("FILE"),
                                                             "the audit store (SQLite), created on the first run")(
      "rules", po::value(&flags.rules_dir)->value_name("DIR"), "use the rules (*.yaml) of DIR")(
      "lexicon", po::value(&flags.lexicon_dirs)->value_name("DIR"), "also load the lexicon files of DIR")(
      "format", po::value(&flags.format)->value_name("FORMAT")->default_value("text"),
      "text or json (new, still open, resolved); sarif, markdown or html (the open findings)")(
      "fail-on", po::value(&flags.fail_on)->value_name("SEVERITY")->default_value("error"),
      "exit 1 when a new finding is at least this severe")("history", po::bool_switch(&flags.history),
                                                           "list the recorded runs and exit")(
      "rebuild", po::bool_switch(&flags.rebuild),
      "read every article again into a new store that replaces --state (the old one is kept as FILE.damaged): "
      "the way out of a damaged store");
  add_reading_options(options, flags.reading);
  return options;
}

}  // namespace

int run_audit_command(const std::vector<std::string>& args) {
  AuditFlags flags;
  po::options_description options = audit_options(flags);
  const po::variables_map values = parse_with_words(args, options, flags.paths);
  if (values.count("help")) {
    std::cout << "usage: crosscheck audit --state FILE [options] PATH...\n"
                 "       crosscheck audit --state FILE --history\n\n"
                 "Checks a corpus run after run: only new or changed articles are read again,\n"
                 "deleted ones are dropped, and the report says which findings are new, still\n"
                 "open or resolved. A run is one transaction; a killed run leaves the last one,\n"
                 "and a run whose report cannot be written is not recorded. A damaged store is\n"
                 "refused; --rebuild reads the corpus again into a new store.\n"
                 "Exit status: 0 nothing new at or above --fail-on, 1 new findings, 2 errors.\n\n"
              << options << "\n";
    return kExitClean;
  }
  if (flags.state.empty()) throw UsageError("no --state FILE; name the store the runs are kept in");
  if (!is_report_format(flags.format)) {
    throw UsageError(fmt::format("unknown format '{}'; use {}", flags.format, report_format_list()));
  }
  const std::optional<Severity> fail_on = parse_fail_on(flags.fail_on);
  const ExtractionOptions reading = parse_reading_options(flags.reading);
  try {
    if (flags.history) {
      const std::string table = render_audit_history(audit_history(flags.state));
      DiagnosticSink output;
      const bool written = write_stdout(table, "history", output);
      print_diagnostics(output);
      return written ? kExitClean : kExitInputError;
    }
    if (flags.paths.empty()) throw UsageError("no input paths; name the files or folders to audit");
    DiagnosticSink diagnostics;
    now_doing("loading the lexicon and the rules");
    // Read once: loaded, and hashed into the run's configuration.
    const std::vector<LexiconSource> language_sources = use_run_language_pack(flags.lexicon_dirs, diagnostics);
    const std::vector<LexiconSource> lexicon_sources = run_lexicon_sources(flags.lexicon_dirs, diagnostics);
    const std::vector<RuleSource> rule_sources = run_rule_sources(flags.rules_dir, diagnostics);
    const Lexicon lexicon = load_lexicon(lexicon_sources, diagnostics);
    const std::vector<Rule> rules = load_rules(rule_sources, lexicon, diagnostics);
    if (diagnostics.error_count() > 0) {
      print_diagnostics(diagnostics);
      return kExitInputError;
    }
    // Text and JSON list the open findings from the store; the other formats
    // show every open finding with its claims, so they need them all.
    const AuditSettings settings{flags.state, configuration_of(lexicon_sources, language_sources, rule_sources),
                                 flags.format != "text" && flags.format != "json", reading, flags.rebuild};
    // The report is written and flushed before the run is committed: a run
    // whose report never arrived (a full disk, a closed pipe) must not count
    // as seen, or the next night shows its findings as already known.
    const auto deliver = [&](const AuditRun& run) {
      now_doing(fmt::format("writing the audit report for {} claims and {} findings (the run is not recorded)",
                            run.claims->claims().size(), run.new_findings.size() + run.still_open.size()));
      const std::string report = render_audit_report(run, flags.format, rules);
      DiagnosticSink lost;
      if (!write_stdout(report, "audit report", lost)) {
        print_diagnostics(lost);
        throw AuditError(
            "standard output: note: the run was not recorded, so run it again once the output can be written");
      }
    };
    now_doing(fmt::format("auditing the corpus against {} (the run is not recorded)", flags.state));
    const AuditRun run = run_audit(flags.paths, settings, rules, lexicon, diagnostics, deliver);
    print_diagnostics(diagnostics);
    if (diagnostics.error_count() > 0) return kExitInputError;
    const bool failing = fail_on && std::any_of(run.new_findings.begin(), run.new_findings.end(),
                                                [&](const AuditedFinding& f) { return f.severity >= *fail_on; });
    return failing ? kExitFindings : kExitClean;
  } catch (const AuditError& e) {
    std::cerr << escape_controls(e.what()) << "\n";
    return kExitInputError;
  }
}

int run_triage(const std::vector<std::string>& args) {
  std::string state, note;
  bool dismiss = false, reopen = false;
  std::vector<std::string> words;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "state", po::value(&state)->value_name("FILE"), "the audit store")("dismiss", po::bool_switch(&dismiss),
                                                                         "keep the finding out of later runs' alerts")(
      "reopen", po::bool_switch(&reopen), "alert on the finding again")("note", po::value(&note)->value_name("TEXT"),
                                                                        "why (kept with the decision)");
  const po::variables_map values = parse_with_words(args, options, words);
  if (values.count("help")) {
    std::cout << "usage: crosscheck triage --state FILE FINGERPRINT (--dismiss [--note TEXT] | --reopen)\n\n"
                 "Records an editor's decision on a finding of the audit. A dismissed finding stays\n"
                 "out of later runs' alerts until its figures change (then it is a new finding).\n\n"
              << options << "\n";
    return kExitClean;
  }
  if (state.empty()) throw UsageError("no --state FILE; name the audit store");
  if (words.size() != 1) throw UsageError("name one finding by its fingerprint");
  if (dismiss == reopen) throw UsageError("say --dismiss or --reopen");
  try {
    triage_finding(state, words[0], dismiss, note);
  } catch (const AuditError& e) {
    std::cerr << escape_controls(e.what()) << "\n";
    return kExitInputError;
  }
  DiagnosticSink output;
  const bool written = write_stdout(
      fmt::format("{} {}\n", escape_controls(words[0]), dismiss ? "dismissed" : "reopened"), "confirmation", output);
  print_diagnostics(output);
  return written ? kExitClean : kExitInputError;
}

}  // namespace crosscheck::cli
