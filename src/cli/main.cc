// The crosscheck program: picks a subcommand and maps errors to exit codes.
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/build_commit.h"
#include "crosscheck/version.h"

namespace {

using crosscheck::cli::kExitClean;
using crosscheck::cli::kExitInputError;

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>&);
};

constexpr Command kCommands[] = {
    {"extract", "list every claim of every article (text, jsonl, table)", crosscheck::cli::run_extract},
    {"articles", "print each article as read: metadata and text (web pages: the article alone)",
     crosscheck::cli::run_articles},
    {"check", "run the rules over all claims and report the findings", crosscheck::cli::run_check},
    {"compare", "put a handful of articles side by side, figure by figure", crosscheck::cli::run_compare},
    {"audit", "check a corpus run after run against a store: new, open, resolved", crosscheck::cli::run_audit_command},
    {"triage", "dismiss or reopen a finding of the audit", crosscheck::cli::run_triage},
    {"graph", "write the claim graph as DOT or GraphML", crosscheck::cli::run_graph},
    {"rules", "list the rules, or validate a folder of rule files", crosscheck::cli::run_rules},
};

void print_help() {
  std::cout << "usage: crosscheck [--help] [--version] COMMAND [options] [PATH...]\n\n"
               "crosscheck reads news articles, pulls out their figures and checks them\n"
               "against each other.\n\ncommands:\n";
  for (const Command& command : kCommands) {
    std::cout << fmt::format("  {:<10} {}\n", command.name, command.summary);
  }
  std::cout << "\nRun 'crosscheck COMMAND --help' for a command's options.\n"
               "Exit status: 0 clean, 1 findings, 2 usage or input error.\n";
}

// The command `words` name, run; its exit status.
int run(const std::vector<std::string>& words) {
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    print_help();
    return words.empty() ? kExitInputError : kExitClean;
  }
  if (words[0] == "--version") {
    std::cout << "crosscheck " << crosscheck::kVersion << " (commit " << crosscheck::kBuildCommit << ")\n";
    return kExitClean;
  }
  for (const Command& command : kCommands) {
    if (words[0] != command.name) continue;
    try {
      return command.run({words.begin() + 1, words.end()});
    } catch (const std::bad_alloc&) {
      // Everything the command held is freed by now: there is room to say what it was doing.
      std::cerr << fmt::format(
          "crosscheck {}: error: out of memory while {}; raise the memory limit (ulimit -v, the container's) or "
          "give the run less input at once\n",
          command.name, crosscheck::escape_controls(crosscheck::cli::doing()));
      return kExitInputError;
    } catch (const crosscheck::cli::UsageError& e) {
      std::cerr << "crosscheck " << command.name << ": " << crosscheck::escape_controls(e.what()) << "\n"
                << "Run 'crosscheck " << command.name << " --help' for usage.\n";
      return kExitInputError;
    } catch (const std::exception& e) {
      std::cerr << "crosscheck " << command.name << ": error: " << crosscheck::escape_controls(e.what()) << "\n";
      return kExitInputError;
    }
  }
  std::cerr << fmt::format("crosscheck: unknown command '{}'", crosscheck::escape_controls(words[0]));
  if (words[0].starts_with("-")) std::cerr << " (options go after the command)";
  std::cerr << "\nRun 'crosscheck --help' for the list of commands.\n";
  return kExitInputError;
}

}  // namespace

int main(int argc, char** argv) {
  const int status = run({argv + 1, argv + argc});
  // Output that never arrived (a report, help, a listing) makes any run an error.
  return crosscheck::cli::close_standard_streams() ? status : kExitInputError;
}
