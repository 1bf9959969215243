// Trains and scores crosscheck's syntax model (scripts/train_syntax.sh runs it).
//
//   crosscheck_syntax train --out MODEL [--seed N] [--min-updates N] [--passes T,P,L] TRAIN.conllu...
//   crosscheck_syntax score --model MODEL|built-in [--only PREFIX] [--floor UPOS,UAS,LAS] GOLD.conllu...
//   crosscheck_syntax parse --model MODEL|built-in SENTENCE
//
// `score` prints the share of words with the right part of speech, head, and
// head and relation; with --only, it scores only the sentences whose sent_id
// starts with PREFIX (GUM_news_ for GUM's news); with --floor it exits 1 when
// a share falls below the floor's. `parse` prints a sentence in CoNLL-U.
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/syntax.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw crosscheck::Error({path, 0, 0}, "cannot open the file; check the path");
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

struct Arguments {
  std::string command;
  std::string out;
  std::string model;
  std::string only;
  std::optional<std::array<double, 3>> floor;
  std::uint32_t seed = 1;
  std::uint32_t min_updates = 1;
  std::array<int, 3> passes = {8, 15, 8};  // tagger, parser, labeler
  std::vector<std::string> files;          // or the sentence, for parse
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments arguments;
  if (argc < 2) throw std::invalid_argument("give a command: train, score or parse");
  arguments.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(fmt::format("{} needs a value", arg));
      return argv[++i];
    };
    if (arg == "--out") {
      arguments.out = value();
    } else if (arg == "--model") {
      arguments.model = value();
    } else if (arg == "--only") {
      arguments.only = value();
    } else if (arg == "--seed") {
      arguments.seed = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (arg == "--min-updates") {
      arguments.min_updates = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (arg == "--passes") {
      if (std::sscanf(value().c_str(), "%d,%d,%d", &arguments.passes[0], &arguments.passes[1], &arguments.passes[2]) !=
          3)
        throw std::invalid_argument("--passes is TAGGER,PARSER,LABELER: 8,15,8");
    } else if (arg == "--floor") {
      std::array<double, 3> floor{};
      if (std::sscanf(value().c_str(), "%lf,%lf,%lf", &floor[0], &floor[1], &floor[2]) != 3)
        throw std::invalid_argument("--floor is UPOS,UAS,LAS, each a share: 0.93,0.80,0.75");
      arguments.floor = floor;
    } else if (arg.starts_with("--")) {
      throw std::invalid_argument(fmt::format("unknown option '{}'", arg));
    } else {
      arguments.files.push_back(arg);
    }
  }
  return arguments;
}

// The model at `path`, or the one compiled in for "built-in"; `loaded` keeps a loaded one alive.
const crosscheck::SyntaxModel& load_model(const std::string& path, std::optional<crosscheck::SyntaxModel>& loaded) {
  if (path == "built-in") return crosscheck::SyntaxModel::built_in();
  return loaded.emplace(crosscheck::SyntaxModel::load(read_file(path), path));
}

// The sentences of the treebank files that `keep` says yes to (by sent_id);
// their words' names live in `treebanks`, which must outlive them.
template <typename Keep>
std::vector<crosscheck::TreebankSentence> read_sentences(const std::vector<std::string>& files,
                                                         std::vector<crosscheck::Treebank>& treebanks, Keep keep) {
  std::vector<crosscheck::TreebankSentence> sentences;
  for (const std::string& file : files) {
    treebanks.push_back(crosscheck::read_conllu(read_file(file), file));
    for (const auto& sentence : treebanks.back().sentences)
      if (keep(sentence.id)) sentences.push_back(sentence);
  }
  return sentences;
}

int train(const Arguments& arguments) {
  if (arguments.out.empty() || arguments.files.empty()) throw std::invalid_argument("train needs --out and treebanks");
  std::vector<crosscheck::Treebank> treebanks;
  // GUM's news is kept apart to measure the model on news it never saw.
  const std::vector<crosscheck::TreebankSentence> sentences =
      read_sentences(arguments.files, treebanks, [](const std::string& id) { return !id.starts_with("GUM_news_"); });
  fmt::print(stderr, "training on {} sentences\n", sentences.size());
  crosscheck::SyntaxModel::TrainingOptions options;
  options.seed = arguments.seed;
  options.min_updates = arguments.min_updates;
  options.tagger_passes = arguments.passes[0];
  options.parser_passes = arguments.passes[1];
  options.labeler_passes = arguments.passes[2];
  options.progress = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };
  const crosscheck::SyntaxModel model = crosscheck::SyntaxModel::train(sentences, options);
  std::ofstream out(arguments.out, std::ios::binary);
  out << model.save();
  if (!out) throw crosscheck::Error({arguments.out, 0, 0}, "cannot write the model");
  return 0;
}

int score(const Arguments& arguments) {
  if (arguments.model.empty() || arguments.files.empty())
    throw std::invalid_argument("score needs --model and treebanks");
  std::optional<crosscheck::SyntaxModel> loaded;
  const crosscheck::SyntaxModel& model = load_model(arguments.model, loaded);
  std::vector<crosscheck::Treebank> treebanks;
  const std::vector<crosscheck::TreebankSentence> sentences =
      read_sentences(arguments.files, treebanks, [&](const std::string& id) { return id.starts_with(arguments.only); });
  const crosscheck::SyntaxScores scores = model.score(sentences);
  fmt::print("{} sentences, {} words: UPOS {:.2f}% XPOS {:.2f}% UAS {:.2f}% LAS {:.2f}%\n", sentences.size(),
             scores.words, 100 * scores.upos(), 100 * scores.xpos(), 100 * scores.uas(), 100 * scores.las());
  if (arguments.floor) {
    const auto& floor = *arguments.floor;
    if (scores.upos() < floor[0] || scores.uas() < floor[1] || scores.las() < floor[2]) {
      fmt::print("below the floor: UPOS {:.2f}%, UAS {:.2f}%, LAS {:.2f}%\n", 100 * floor[0], 100 * floor[1],
                 100 * floor[2]);
      return 1;
    }
  }
  return 0;
}

int parse(const Arguments& arguments) {
  if (arguments.model.empty() || arguments.files.size() != 1)
    throw std::invalid_argument("parse needs --model and one sentence");
  std::optional<crosscheck::SyntaxModel> loaded;
  const crosscheck::SyntaxModel& model = load_model(arguments.model, loaded);
  const std::vector<crosscheck::SyntaxWord> words = model.parse(crosscheck::split_words(arguments.files.front()));
  for (std::size_t i = 0; i < words.size(); ++i)
    fmt::print("{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_\n", i + 1, words[i].text, words[i].upos, words[i].xpos,
               words[i].head + 1, words[i].relation);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments arguments = parse_arguments(argc, argv);
    if (arguments.command == "train") return train(arguments);
    if (arguments.command == "score") return score(arguments);
    if (arguments.command == "parse") return parse(arguments);
    throw std::invalid_argument(fmt::format("unknown command '{}': train, score or parse", arguments.command));
  } catch (const std::invalid_argument& error) {
    fmt::print(stderr, "crosscheck_syntax: {}\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    fmt::print(stderr, "crosscheck_syntax: error: {}\n", error.what());
    return 2;
  }
}
