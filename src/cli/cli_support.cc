#include "cli/cli_support.h"

#include <cstdio>

namespace crosscheck::cli {

namespace po = boost::program_options;

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

Lexicon load_run_lexicon(const std::vector<std::string>& extra_dirs, DiagnosticSink& diagnostics) {
  std::vector<LexiconSource> sources = default_lexicon_sources();
  for (const std::string& dir : extra_dirs) {
    for (LexiconSource& source : read_lexicon_dir(dir, diagnostics)) sources.push_back(std::move(source));
  }
  return load_lexicon(sources, diagnostics);
}

void print_diagnostics(const DiagnosticSink& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
    fmt::print(stderr, "{}\n", diagnostic);
  }
}

}  // namespace crosscheck::cli
