#include <cstdio>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "crosscheck/claims.h"
#include "crosscheck/ingest.h"
#include "crosscheck/quantities.h"
#include "crosscheck/segment.h"

namespace crosscheck::cli {

namespace po = boost::program_options;

namespace {

struct ExtractFlags {
  std::vector<std::string> paths;
  std::vector<std::string> lexicon_dirs;
  std::string format = "text";
  bool keyed = false;
  ReadingFlags reading;
};

constexpr std::string_view kUsage = "usage: crosscheck extract [options] PATH...";

constexpr std::string_view kDescription =
    "Reads articles (.txt and .md with optional front matter, .jsonl with one\n"
    "article object per line, saved web pages .html and .htm, web archives\n"
    ".warc, RSS and Atom feeds; .gz of pages and archives; folders are searched\n"
    "recursively) and lists every\n"
    "claim: each figure with its interval, what it measures (metric), about\n"
    "whom (entity, subject), when, and on whose word (attribution).\n"
    "\n"
    "Formats: text (one line per claim with file:line:column), jsonl (one JSON\n"
    "object per claim, the output contract), table (aligned columns).\n";

// Text bound for stdout, written out a megabyte at a time, so a corpus (or
// one huge article) never piles up in memory as output. A write that fails
// is kept in `failures` (the run's sink is not ours to touch from the
// extraction callback) and reported once; nothing more is written then.
class Output {
 public:
  void append(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() > (1u << 20)) flush();
  }
  void flush() {
    write_stdout(buffer_, "claims", failures_);
    buffer_.clear();
  }
  // Flushes, and hands a failure to `diagnostics`.
  void finish(DiagnosticSink& diagnostics) {
    flush();
    for (const Diagnostic& failure : failures_.diagnostics()) diagnostics.report(failure);
  }

 private:
  std::string buffer_;
  DiagnosticSink failures_;
};

struct Counts {
  std::size_t sentences = 0;
  std::size_t claims = 0;
};

// Text from an article, as the text and table formats show it: controls escaped.
std::string shown(std::string_view text) { return escape_controls(text); }

std::string or_dash(const std::string& text) { return text.empty() ? "-" : shown(text); }

std::string attribution_text(const Claim& claim) {
  if (!claim.attribution) return "unattributed";
  std::string out = fmt::format("{} ({})", shown(claim.attribution->authority), shown(claim.attribution->cue));
  if (!claim.attribution->citing.empty()) out += ", citing " + shown(claim.attribution->citing);
  return out;
}

// Cuts `text` to `width` characters (not bytes), marking the cut with '~'.
std::string fit(std::string_view text, std::size_t width) {
  std::size_t characters = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (characters == width) break;
      ++characters;
    }
  }
  std::string out(text.substr(0, i));
  if (i < text.size() && !out.empty()) {
    // Replace the last character with the marker.
    std::size_t last = out.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
    out.resize(last);
    out += '~';
    ++characters;
  }
  out.append(width > characters ? width - characters : 0, ' ');
  return out;
}

// How claims are printed: the format, and for `--keyed` the partition keys.
struct Printer {
  std::string format;
  std::optional<PartitionKeys> keys;
};

void print_claim(const Claim& claim, const Printer& printer, Output& out) {
  const std::string& format = printer.format;
  const std::string interval = claim.figure.interval_text();
  if (printer.keys) {
    out.append(printer.keys->key_of(claim));
    out.append("\t");
    out.append(claim_json(claim));
    out.append("\n");
  } else if (format == "jsonl") {
    out.append(claim_json(claim));
    out.append("\n");
  } else if (format == "table") {
    // The place goes last so it is never cut.
    out.append(fmt::format("{} {} {} {} {} {} {}:{}:{}\n", fit(shown(claim.text), 26), fit(interval, 26),
                           fit(or_dash(claim.metric), 12), fit(or_dash(claim.entity), 12),
                           fit(or_dash(claim.subject), 10), fit(attribution_text(claim), 36), shown(claim.file),
                           claim.line, claim.column));
  } else {
    out.append(fmt::format("{}:{}:{}: '{}' {} {}{}: {} {}{}, {}\n", shown(claim.file), claim.line, claim.column,
                           shown(claim.text), interval, format_as(claim.figure.qualifier),
                           claim.figure.unit.empty() ? "" : " " + shown(claim.figure.unit), or_dash(claim.metric),
                           or_dash(claim.entity), claim.subject.empty() ? "" : " (" + shown(claim.subject) + ")",
                           attribution_text(claim)));
  }
}

void print_article(const ExtractedArticle& done, const Printer& printer, Output& out, Counts& counts) {
  const Article& article = done.article;
  if (printer.format == "text") {
    std::string details;
    if (!article.source.empty()) details += shown(article.source);
    if (article.published) details += fmt::format("{}{}", details.empty() ? "" : ", ", *article.published);
    out.append(fmt::format("{}: article '{}'{}: {}\n", shown(article.origin.file), shown(article.id),
                           details.empty() ? "" : fmt::format(" ({})", details), count_of(done.sentences, "sentence")));
  }
  for (const Claim& claim : done.claims) {
    print_claim(claim, printer, out);
    ++counts.claims;
  }
  counts.sentences += done.sentences;
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  ExtractFlags flags;
  po::options_description options("options");
  options.add_options()("help,h", "show this help and exit");
  add_lexicon_option(options, flags.lexicon_dirs);
  options.add_options()("format", po::value(&flags.format)->value_name("FORMAT")->default_value("text"),
                        "text, jsonl or table")(
      "keyed", po::bool_switch(&flags.keyed),
      "JSONL with each line keyed for a distributed run: the claim's entity family, a tab, the claim "
      "(a mapper for Hadoop Streaming or Spark; reduce with 'check --claims -')");
  add_reading_options(options, flags.reading);
  const po::variables_map values = parse_with_words(args, options, flags.paths);
  if (printed_help(values, kUsage, kDescription, options)) return kExitClean;
  if (flags.paths.empty()) throw UsageError("no input paths; name the files or folders to read");
  if (flags.format != "text" && flags.format != "jsonl" && flags.format != "table") {
    throw UsageError(fmt::format("unknown format '{}'; use text, jsonl or table", flags.format));
  }
  if (flags.keyed) {
    if (!values["format"].defaulted() && flags.format != "jsonl") {
      throw UsageError("--keyed writes JSONL; leave out --format or give --format jsonl");
    }
    flags.format = "jsonl";
  }
  const ExtractionOptions reading = parse_reading_options(flags.reading);

  DiagnosticSink diagnostics;
  now_doing("loading the lexicon");
  const Lexicon lexicon = load_run_lexicon(flags.lexicon_dirs, diagnostics);
  if (stopped_on_errors(diagnostics)) return kExitInputError;
  Printer printer{flags.format, {}};
  if (flags.keyed) printer.keys.emplace(lexicon);
  Output out;
  Counts counts;
  if (flags.format == "table") {
    out.append(fmt::format("{} {} {} {} {} {} {}\n", fit("figure", 26), fit("interval", 26), fit("metric", 12),
                           fit("entity", 12), fit("subject", 10), fit("attribution", 36), "where"));
  }
  const std::vector<std::filesystem::path> paths(flags.paths.begin(), flags.paths.end());
  now_doing("reading the articles and writing their claims");
  const IngestStats stats = extract_in_parallel(
      paths, lexicon, reading, [&](ExtractedArticle&& done) { print_article(done, printer, out, counts); },
      diagnostics);
  const std::string summary =
      fmt::format("{}, {}, {}, {}; {} skipped\n", count_of(stats.files, "file"), count_of(stats.articles, "article"),
                  count_of(counts.sentences, "sentence"), count_of(counts.claims, "claim"), stats.skipped);
  // JSONL stays pure JSON: its summary goes to stderr.
  if (flags.format == "jsonl") {
    out.finish(diagnostics);
    std::fputs(summary.c_str(), stderr);
  } else {
    out.append(summary);
    out.finish(diagnostics);
  }
  return finish_run(diagnostics);
}

}  // namespace crosscheck::cli
