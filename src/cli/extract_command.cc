#include <cstdio>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/ingest.h"
#include "crosscheck/quantities.h"
#include "crosscheck/segment.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

struct ExtractFlags {
  std::vector<std::string> paths;
  std::vector<std::string> lexicon_dirs;
};

constexpr std::string_view kUsage = "usage: crosscheck extract [options] PATH...";

constexpr std::string_view kDescription =
    "Reads articles (.txt and .md with optional front matter, .jsonl with one\n"
    "article object per line; folders are searched recursively) and lists every\n"
    "figure it reads: the text as written, the value, the interval it stands\n"
    "for, the qualifier and the unit, with file:line:column.\n";

// Text bound for stdout, written out a megabyte at a time, so a corpus (or
// one huge article) never piles up in memory as output.
class Output {
 public:
  ~Output() { flush(); }
  void append(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() > (1u << 20)) flush();
  }
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    std::fflush(stdout);
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

// "1 paragraph", "2 paragraphs".
std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

struct Counts {
  std::size_t sentences = 0;
  std::size_t figures = 0;
};

void print_article(const Article& article, const SegmentedText& parts, QuantityReader& reader, Output& out,
                   Counts& counts) {
  std::string details;
  if (!article.source.empty()) details += article.source;
  if (article.published) details += fmt::format("{}{}", details.empty() ? "" : ", ", *article.published);
  out.append(fmt::format("{}: article '{}'{}: {}\n", article.origin.file, article.id,
                         details.empty() ? "" : fmt::format(" ({})", details),
                         count_of(parts.sentences.size(), "sentence")));
  // Figures go straight to the output: a huge article never piles them up.
  for (const Sentence& sentence : parts.sentences) {
    const std::string_view text = sentence.view(article.text);
    for (const Quantity& quantity : reader.read(text)) {
      const SourceSpan where = article.origin.locate(article.text, parts.lines, sentence.begin + quantity.span.begin);
      out.append(fmt::format("{}: {}\n", where, describe(quantity, text)));
      ++counts.figures;
    }
  }
  counts.sentences += parts.sentences.size();
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  ExtractFlags flags;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit")(
      "lexicon", po::value(&flags.lexicon_dirs)->value_name("DIR"),
      "also load the lexicon files (*.yaml) of DIR; may be repeated");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&flags.paths));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  const po::variables_map values = parse_command_line(args, all, positional);
  if (values.count("help")) {
    std::cout << kUsage << "\n\n" << kDescription << "\n" << options << "\n";
    return kExitClean;
  }
  if (flags.paths.empty()) throw UsageError("no input paths; name the files or folders to read");

  DiagnosticSink diagnostics;
  const Lexicon lexicon = load_run_lexicon(flags.lexicon_dirs, diagnostics);
  if (diagnostics.error_count() > 0) {
    print_diagnostics(diagnostics);
    return kExitInputError;
  }
  Segmenter segmenter(lexicon);
  QuantityReader reader(lexicon.margins);
  Output out;
  Counts counts;
  const std::vector<std::filesystem::path> paths(flags.paths.begin(), flags.paths.end());
  const IngestStats stats = ingest(
      paths,
      [&](Article&& article) {
        print_article(article, segmenter.segment(article.text), reader, out, counts);
      },
      diagnostics);
  out.append(fmt::format("{}, {}, {}, {}; {} skipped\n", count_of(stats.files, "file"),
                         count_of(stats.articles, "article"), count_of(counts.sentences, "sentence"),
                         count_of(counts.figures, "figure"), stats.skipped));
  out.flush();
  print_diagnostics(diagnostics);
  return diagnostics.error_count() > 0 ? kExitInputError : kExitClean;
}

}  // namespace crosscheck::cli
