// Times the built-in syntax model on one core: its load (the first call), then
// tagging and parsing every sentence of a news text file that holds a digit
// (the sentences the claims stage would parse), split into words as the
// treebanks split them.
//
//   crosscheck_syntax_bench FILE [ROUNDS]
//
// Reports the load time, and for the best round the sentences and words a
// second, the microseconds a sentence, and what that is in megabytes of the
// file's text a second (all of it, the sentences without a digit included).
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "bench_input.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/syntax.h"

int main(int argc, char** argv) {
  const std::optional<BenchInput> input = read_bench_input(argc, argv, "crosscheck_syntax_bench");
  if (!input) return 2;
  const std::string& text = input->text;
  // First, before anything else reads it (making an extractor does).
  const auto load_start = std::chrono::steady_clock::now();
  const crosscheck::SyntaxModel& model = crosscheck::SyntaxModel::built_in();
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  crosscheck::ArticleExtractor extractor(lexicon);

  std::vector<std::vector<std::string>> sentences;
  std::size_t words = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view paragraph = std::string_view(text).substr(pos, end - pos);
    for (const crosscheck::Sentence& sentence : extractor.segment(paragraph).sentences) {
      const std::string_view view = sentence.view(paragraph);
      if (std::none_of(view.begin(), view.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      sentences.push_back(crosscheck::split_words(view));
      words += sentences.back().size();
    }
    pos = end + 2;
  }

  double best = 1e300;
  std::size_t parsed_words = 0;
  for (int round = 0; round < input->rounds; ++round) {
    parsed_words = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::vector<std::string>& sentence : sentences) parsed_words += model.parse(sentence).size();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = static_cast<double>(text.size()) / 1e6;
  fmt::print(
      "{:.1f} MB, {} sentences with a digit, {} words: load {:.1f} ms; parse {:.2f} s: {:.0f} sentences/s, "
      "{:.0f} words/s, {:.1f} us a sentence, {:.1f} MB/s of the text; peak RSS {:.1f} MB\n",
      mb, sentences.size(), words, load_seconds * 1e3, best, static_cast<double>(sentences.size()) / best,
      static_cast<double>(parsed_words) / best,
      best / static_cast<double>(std::max<std::size_t>(sentences.size(), 1)) * 1e6, mb / best,
      static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
