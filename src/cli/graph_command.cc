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
      "claims", po::value(&claims_file)->value_name("FILE"), "read claims (JSONL) instead of articles; - is stdin");
  add_lexicon_option(options, lexicon_dirs);
  add_reading_options(options, limit_flags);
  const po::variables_map values = parse_with_words(args, options, paths);
  if (printed_help(values, "usage: crosscheck graph [options] PATH...",
                   "Writes the claim graph (entities, metrics, authorities, sources, articles,\n"
                   "claims and the edges between them) as Graphviz DOT or GraphML.\n",
                   options)) {
    return kExitClean;
  }
  if (paths.empty() && claims_file.empty()) throw UsageError("no input; name the files or folders to read");
  if (format != "dot" && format != "graphml")
    throw UsageError(fmt::format("unknown format '{}'; use dot or graphml", format));
  const ExtractionOptions reading = parse_reading_options(limit_flags);
  DiagnosticSink diagnostics;
  now_doing("loading the lexicon");
  const Lexicon lexicon = load_run_lexicon(lexicon_dirs, diagnostics);
  if (stopped_on_errors(diagnostics)) return kExitInputError;
  const ReadClaims read = read_run_claims(paths, claims_file, lexicon, reading, diagnostics);
  now_doing(fmt::format("building the graph of {} claims", read.claims.size()));
  const ClaimGraph graph(read.claims, lexicon);
  now_doing(fmt::format("writing the graph of {} claims", read.claims.size()));
  const std::string text = format == "dot" ? graph.to_dot() : graph.to_graphml();
  write_stdout(text, "graph", diagnostics);
  return finish_run(diagnostics);
}

}  // namespace crosscheck::cli
