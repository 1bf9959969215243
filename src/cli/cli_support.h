// Shared pieces of the subcommands: usage errors, the lexicon they load and
// how diagnostics reach stderr.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "crosscheck/core.h"
#include "crosscheck/lexicon.h"

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

/// Parses `args` (the words after the subcommand) against `options` and the
/// positional `paths`. Throws UsageError for unknown or malformed options.
boost::program_options::variables_map parse_command_line(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

/// The built-in lexicon plus the `*.yaml` files of each of `extra_dirs`.
/// Problems are reported to `diagnostics`.
Lexicon load_run_lexicon(const std::vector<std::string>& extra_dirs, DiagnosticSink& diagnostics);

/// Prints every diagnostic to stderr, one per line, in the order reported.
void print_diagnostics(const DiagnosticSink& diagnostics);

}  // namespace crosscheck::cli
