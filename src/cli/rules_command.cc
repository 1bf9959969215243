#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

// `crosscheck rules list [--rules DIR]` and `crosscheck rules validate DIR`.
int run_rules(const std::vector<std::string>& args) {
  std::vector<std::string> words;
  std::string rules_dir;
  std::vector<std::string> lexicon_dirs;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")("rules", po::value(&rules_dir)->value_name("DIR"),
                                                             "list the rules of DIR instead of the built-in ones")(
      "lexicon", po::value(&lexicon_dirs)->value_name("DIR"), "also load the lexicon files (*.yaml) of DIR");
  const po::variables_map values = parse_with_words(args, options, words);
  if (values.count("help") || words.empty()) {
    std::cout << "usage: crosscheck rules list [--rules DIR]\n"
                 "       crosscheck rules validate DIR\n\n"
                 "Lists the rules a check runs, or checks a folder of rule files and\n"
                 "reports every problem with file:line:column.\n\n"
              << options << "\n";
    return values.count("help") ? kExitClean : kExitInputError;
  }
  if (words[0] == "validate") {
    if (words.size() != 2) throw UsageError("'rules validate' takes one folder");
    rules_dir = words[1];
  } else if (words[0] != "list" || words.size() != 1) {
    throw UsageError(fmt::format("unknown rules action '{}'; use list or validate DIR", words[0]));
  }
  DiagnosticSink diagnostics;
  const Lexicon lexicon = load_run_lexicon(lexicon_dirs, diagnostics);
  const std::vector<Rule> rules = load_run_rules(rules_dir, lexicon, diagnostics);
  if (diagnostics.error_count() > 0) {
    print_diagnostics(diagnostics);
    return kExitInputError;
  }
  std::string out;
  for (const Rule& rule : rules) {
    out += fmt::format("{:<26} {:<13} {:<8} {}\n", escape_controls(rule.id), rule.kind, rule.severity,
                       escape_controls(rule.description));
  }
  if (words[0] == "validate") out += fmt::format("{} rules, no problems\n", rules.size());
  write_stdout(out, "list of rules", diagnostics);
  print_diagnostics(diagnostics);
  return diagnostics.error_count() > 0 ? kExitInputError : kExitClean;
}

}  // namespace crosscheck::cli
