#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/graph.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

int run_graph(const std::vector<std::string>& args) {
  std::vector<std::string> paths, lexicon_dirs;
  std::string format = "dot", claims_file;
  ReadingFlags limit_flags;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "format", po::value(&format)->value_name("FORMAT")->default_value("dot"), "dot or graphml")(
      "claims", po::value(&claims_file)->value_name("FILE"), "read claims (JSONL) instead of articles; - is stdin")(
      "lexicon", po::value(&lexicon_dirs)->value_name("DIR"), "also load the lexicon files (*.yaml) of DIR");
  add_reading_options(options, limit_flags);
  const po::variables_map values = parse_with_words(args, options, paths);
  if (values.count("help")) {
    std::cout << "usage: crosscheck graph [options] PATH...\n\n"
                 "Writes the claim graph (entities, metrics, authorities, sources, articles,\n"
                 "claims and the edges between them) as Graphviz DOT or GraphML.\n\n"
              << options << "\n";
    return kExitClean;
  }
  if (paths.empty() && claims_file.empty()) throw UsageError("no input; name the files or folders to read");
  if (format != "dot" && format != "graphml")
    throw UsageError(fmt::format("unknown format '{}'; use dot or graphml", format));
  const ExtractionOptions reading = parse_reading_options(limit_flags);
  DiagnosticSink diagnostics;
  now_doing("loading the lexicon");
  const Lexicon lexicon = load_run_lexicon(lexicon_dirs, diagnostics);
  if (diagnostics.error_count() > 0) {
    print_diagnostics(diagnostics);
    return kExitInputError;
  }
  now_doing(claims_file.empty() ? "reading the articles and their claims"
                                : fmt::format("reading the claims of {}", claims_file));
  const ReadClaims read = claims_file.empty() ? read_claims_from_paths(paths, lexicon, reading, diagnostics)
                                              : read_claims_jsonl(claims_file, reading.limits, diagnostics);
  now_doing(fmt::format("building the graph of {} claims", read.claims.size()));
  const ClaimGraph graph(read.claims, lexicon);
  now_doing(fmt::format("writing the graph of {} claims", read.claims.size()));
  const std::string text = format == "dot" ? graph.to_dot() : graph.to_graphml();
  write_stdout(text, "graph", diagnostics);
  print_diagnostics(diagnostics);
  return diagnostics.error_count() > 0 ? kExitInputError : kExitClean;
}

}  // namespace crosscheck::cli
