// A syntax model: its tag and relation names, the tagger's dictionary and the
// three parts' weights; reading and writing them as text; training the parts
// in turn; and tagging, parsing and scoring with them.
#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/syntax.h"
#include "syntax/built_in_model.h"
#include "syntax/syntax_parts.h"

namespace crosscheck {

using syntax::Words;

struct SyntaxModel::Tables {
  std::vector<std::string> upos;  // per tag class
  std::vector<std::string> xpos;  // per tag class
  std::vector<std::string> relations;
  int root_class = -1;  // the class of "root"
  syntax::Tagger tagger;
  syntax::Parser parser;
  syntax::Labeler labeler;
};

namespace {

constexpr std::string_view kHeader = "crosscheck-syntax-model 1";

// Reads the model file's lines in order, and says where a problem is.
class ModelReader {
 public:
  ModelReader(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  std::string_view line() {
    if (at_ >= text_.size()) fail("the model ends too early; write it again with the trainer");
    std::size_t end = text_.find('\n', at_);
    if (end == std::string_view::npos) end = text_.size();
    const std::string_view line = text_.substr(at_, end - at_);
    at_ = end + 1;
    ++line_number_;
    return line;
  }
  // How many lines are left to read.
  std::size_t lines_left() const {
    if (at_ >= text_.size()) return 0;
    const std::string_view rest = text_.substr(at_);
    return static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')) + (rest.back() == '\n' ? 0 : 1);
  }
  // How many `c` the next `lines` lines hold, without reading them.
  std::size_t count_in_lines(std::size_t lines, char c) const {
    std::size_t count = 0;
    for (std::size_t at = at_; lines > 0 && at < text_.size(); ++at) {
      if (text_[at] == c) ++count;
      if (text_[at] == '\n') --lines;
    }
    return count;
  }
  // "name count": a section's header line; returns the count.
  std::size_t section(std::string_view name) {
    const std::string_view header = line();
    if (!header.starts_with(name) || header.size() <= name.size() || header[name.size()] != ' ')
      fail(fmt::format("expected the '{}' section, found '{}'", name, header.substr(0, 40)));
    return number(header.substr(name.size() + 1));
  }
  std::size_t number(std::string_view text) {
    std::size_t value = 0;
    const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || ptr != text.data() + text.size()) fail(fmt::format("'{}' is not a count", text));
    return value;
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw Error({std::string(file_), line_number_, 0}, message);
  }

 private:
  std::string_view text_;
  std::string_view file_;
  std::size_t at_ = 0;
  std::uint32_t line_number_ = 0;
};

syntax::Weights read_weights(ModelReader& reader, std::string_view name, std::size_t classes) {
  const std::string_view header = reader.line();
  const std::string expected = fmt::format("weights {} {} ", name, classes);
  if (!header.starts_with(expected)) reader.fail(fmt::format("expected '{}<rows>', found '{}'", expected, header));
  const std::size_t rows = reader.number(header.substr(expected.size()));
  // A count the text cannot hold is no model's: checked before any room is made for it.
  if (rows > reader.lines_left()) reader.fail(fmt::format("the section says {} rows, the file has fewer lines", rows));
  syntax::Weights weights(static_cast<int>(classes));
  weights.reserve(rows, reader.count_in_lines(rows, ':'));
  std::vector<std::pair<std::uint16_t, float>> row;
  for (std::size_t r = 0; r < rows; ++r) {
    std::string_view line = reader.line();
    row.clear();
    std::uint64_t key = 0;
    auto [ptr, error] = std::from_chars(line.data(), line.data() + line.size(), key, 16);
    if (error != std::errc() || key == 0) reader.fail("a weights row starts with its feature's hash, in hexadecimal");
    const char* const end = line.data() + line.size();
    while (ptr != end) {
      unsigned cls = 0;
      long hundredths = 0;
      if (*ptr != ' ') reader.fail("weights are written ' class:hundredths'");
      auto parsed = std::from_chars(ptr + 1, end, cls);
      if (parsed.ec != std::errc() || parsed.ptr == end || *parsed.ptr != ':' || cls >= classes)
        reader.fail(fmt::format("a weight's class must be below {}", classes));
      parsed = std::from_chars(parsed.ptr + 1, end, hundredths);
      if (parsed.ec != std::errc() || hundredths < -32767 || hundredths > 32767)
        reader.fail("a weight is a whole number of hundredths, -32767 to 32767");
      ptr = parsed.ptr;
      // A class once a row: training writes none twice, and the weights of
      // few classes keep one number a class (Weights).
      if (std::any_of(row.begin(), row.end(), [&](const auto& weight) { return weight.first == cls; }))
        reader.fail(fmt::format("class {} is given twice in one row", cls));
      row.emplace_back(static_cast<std::uint16_t>(cls), static_cast<float>(hundredths) / 100.0F);
    }
    weights.add_row(key, row);
  }
  return weights;
}

// Where each gold word's tag and relation are in the model's tables.
struct GoldNumbers {
  std::vector<Words> words;
  std::vector<std::vector<int>> tags;
  std::vector<std::vector<int>> heads;  // words.size() for the root
  std::vector<std::vector<int>> relations;
};

std::vector<std::string> texts_of(const TreebankSentence& sentence) {
  std::vector<std::string> texts;
  texts.reserve(sentence.words.size());
  for (const SyntaxWord& word : sentence.words) texts.push_back(word.text);
  return texts;
}

}  // namespace

SyntaxModel::SyntaxModel(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
SyntaxModel::SyntaxModel(SyntaxModel&&) noexcept = default;
SyntaxModel& SyntaxModel::operator=(SyntaxModel&&) noexcept = default;
SyntaxModel::~SyntaxModel() = default;

const SyntaxModel& SyntaxModel::built_in() {
  static const SyntaxModel model = load(built_in_syntax_model_data(), "data/syntax/english.model");
  return model;
}

SyntaxModel SyntaxModel::load(std::string_view text, std::string_view file) {
  ModelReader reader(text, file);
  if (reader.line() != kHeader)
    reader.fail(fmt::format("not a crosscheck syntax model: the first line should be '{}'", kHeader));
  auto tables = std::make_unique<Tables>();
  const std::size_t tags = reader.section("tags");
  if (tags == 0) reader.fail("a model needs at least one tag");
  for (std::size_t i = 0; i < tags; ++i) {
    const std::string_view line = reader.line();
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) reader.fail("a tag is written 'UPOS XPOS'");
    tables->upos.emplace_back(line.substr(0, space));
    tables->xpos.emplace_back(line.substr(space + 1));
  }
  const std::size_t relations = reader.section("relations");
  for (std::size_t i = 0; i < relations; ++i) {
    tables->relations.emplace_back(reader.line());
    if (tables->relations.back() == "root") tables->root_class = static_cast<int>(i);
  }
  if (tables->root_class < 0) reader.fail("the relations have no 'root'");
  if (relations < 2) reader.fail("a model needs a relation besides 'root'");
  const std::size_t entries = reader.section("dictionary");
  for (std::size_t i = 0; i < entries; ++i) {
    const std::string_view line = reader.line();
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) reader.fail("a dictionary entry is written 'word<tab>tag number'");
    const std::size_t tag = reader.number(line.substr(tab + 1));
    if (tag >= tags) reader.fail(fmt::format("tag number {} is beyond the {} tags", tag, tags));
    tables->tagger.dictionary.emplace(std::string(line.substr(0, tab)), static_cast<int>(tag));
  }
  tables->tagger.weights = read_weights(reader, "tagger", tags);
  tables->parser.weights = read_weights(reader, "parser", 3);
  tables->labeler.weights = read_weights(reader, "labeler", relations);
  return SyntaxModel(std::move(tables));
}

std::string SyntaxModel::save() const {
  std::string out;
  const Tables& t = *tables_;
  fmt::format_to(std::back_inserter(out), "{}\ntags {}\n", kHeader, t.upos.size());
  for (std::size_t i = 0; i < t.upos.size(); ++i)
    fmt::format_to(std::back_inserter(out), "{} {}\n", t.upos[i], t.xpos[i]);
  fmt::format_to(std::back_inserter(out), "relations {}\n", t.relations.size());
  for (const std::string& relation : t.relations) fmt::format_to(std::back_inserter(out), "{}\n", relation);
  // Sorted, so the same model always writes the same file.
  const std::map<std::string, int> dictionary(t.tagger.dictionary.begin(), t.tagger.dictionary.end());
  fmt::format_to(std::back_inserter(out), "dictionary {}\n", dictionary.size());
  for (const auto& [word, tag] : dictionary) fmt::format_to(std::back_inserter(out), "{}\t{}\n", word, tag);
  const auto weights = [&](std::string_view name, const syntax::Weights& w) {
    fmt::format_to(std::back_inserter(out), "weights {} {} {}\n", name, w.classes(), w.rows());
    w.write(out);
  };
  weights("tagger", t.tagger.weights);
  weights("parser", t.parser.weights);
  weights("labeler", t.labeler.weights);
  return out;
}

SyntaxModel SyntaxModel::train(std::span<const TreebankSentence> sentences, const TrainingOptions& options) {
  auto tables = std::make_unique<Tables>();
  std::map<std::pair<std::string_view, std::string_view>, int> tag_numbers;
  std::map<std::string_view, int> relation_numbers;
  for (const TreebankSentence& sentence : sentences)
    for (const SyntaxWord& word : sentence.words) {
      tag_numbers.emplace(std::pair(word.upos, word.xpos), 0);
      relation_numbers.emplace(word.relation, 0);
    }
  relation_numbers.emplace("root", 0);
  for (auto& [tag, number] : tag_numbers) {
    number = static_cast<int>(tables->upos.size());
    tables->upos.emplace_back(tag.first);
    tables->xpos.emplace_back(tag.second);
  }
  for (auto& [relation, number] : relation_numbers) {
    number = static_cast<int>(tables->relations.size());
    tables->relations.emplace_back(relation);
  }
  tables->root_class = relation_numbers.at("root");

  GoldNumbers gold;
  for (const TreebankSentence& sentence : sentences) {
    const auto n = static_cast<int>(sentence.words.size());
    gold.words.push_back(syntax::prepare_words(texts_of(sentence)));
    auto& tags = gold.tags.emplace_back();
    auto& heads = gold.heads.emplace_back();
    auto& relations = gold.relations.emplace_back();
    for (const SyntaxWord& word : sentence.words) {
      tags.push_back(tag_numbers.at({word.upos, word.xpos}));
      heads.push_back(word.head < 0 ? n : word.head);
      relations.push_back(word.head < 0 ? tables->root_class : relation_numbers.at(word.relation));
    }
  }
  const int tag_count = static_cast<int>(tables->upos.size());
  const auto part = [&](int passes, bool report_progress) {
    return syntax::PartTraining{passes, options.seed, options.min_updates,
                                report_progress ? options.progress : nullptr};
  };

  // The parser and labeler learn from tags as the tagger will give them at
  // parse time, mistakes included: each fold's tags come from a tagger
  // trained on the other folds ("jackknifing").
  // With one fold or none they learn from the gold tags.
  std::vector<std::vector<int>> predicted = gold.tags;
  const int folds = options.tagger_folds;
  for (int fold = 0; folds > 1 && fold < folds; ++fold) {
    std::vector<Words> train_words;
    std::vector<std::vector<int>> train_tags;
    for (std::size_t s = 0; s < gold.words.size(); ++s)
      if (static_cast<int>(s % static_cast<std::size_t>(folds)) != fold) {
        train_words.push_back(gold.words[s]);
        train_tags.push_back(gold.tags[s]);
      }
    syntax::report(options.progress, fmt::format("tagger for fold {} of {}", fold + 1, folds));
    const syntax::Tagger tagger =
        syntax::train_tagger(train_words, train_tags, tag_count, part(options.tagger_passes, false));
    for (std::size_t s = static_cast<std::size_t>(fold); s < gold.words.size(); s += static_cast<std::size_t>(folds))
      predicted[s] = tagger.tag(gold.words[s]);
  }
  tables->tagger = syntax::train_tagger(gold.words, gold.tags, tag_count, part(options.tagger_passes, true));
  tables->parser = syntax::train_parser(gold.words, predicted, gold.heads, part(options.parser_passes, true));
  tables->labeler = syntax::train_labeler(gold.words, predicted, gold.heads, gold.relations,
                                          static_cast<int>(tables->relations.size()), tables->root_class,
                                          part(options.labeler_passes, true));
  return SyntaxModel(std::move(tables));
}

std::vector<SyntaxWord> SyntaxModel::tag(std::span<const std::string> words) const {
  const Words prepared = syntax::prepare_words(words);
  const std::vector<int> tags = tables_->tagger.tag(prepared);
  std::vector<SyntaxWord> tagged(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    tagged[i].text = words[i];
    tagged[i].upos = tables_->upos[static_cast<std::size_t>(tags[i])];
    tagged[i].xpos = tables_->xpos[static_cast<std::size_t>(tags[i])];
  }
  return tagged;
}

std::vector<SyntaxWord> SyntaxModel::parse(std::span<const std::string> words) const {
  if (words.empty()) return {};
  const Tables& t = *tables_;
  const Words prepared = syntax::prepare_words(words);
  const std::vector<int> tags = t.tagger.tag(prepared);
  std::vector<int> heads = t.parser.parse(prepared, tags);
  // The parser may leave several words under the root; a tree has one. The
  // first verb among them is the root (the first of them when none is), and
  // the others hang from it.
  const auto n = static_cast<int>(words.size());
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (heads[static_cast<std::size_t>(i)] != n) continue;
    if (root < 0 || (t.upos[static_cast<std::size_t>(tags[static_cast<std::size_t>(i)])] == "VERB" &&
                     t.upos[static_cast<std::size_t>(tags[static_cast<std::size_t>(root)])] != "VERB"))
      root = i;
  }
  for (int i = 0; i < n; ++i)
    if (heads[static_cast<std::size_t>(i)] == n && i != root) heads[static_cast<std::size_t>(i)] = root;
  const std::vector<int> relations = t.labeler.label(prepared, tags, heads, t.root_class);
  std::vector<SyntaxWord> parsed(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto tag = static_cast<std::size_t>(tags[i]);
    parsed[i].text = words[i];
    parsed[i].upos = t.upos[tag];
    parsed[i].xpos = t.xpos[tag];
    parsed[i].head = heads[i] == n ? -1 : heads[i];
    parsed[i].relation = t.relations[static_cast<std::size_t>(relations[i])];
  }
  return parsed;
}

SyntaxScores SyntaxModel::score(std::span<const TreebankSentence> gold) const {
  SyntaxScores scores;
  for (const TreebankSentence& sentence : gold) {
    const std::vector<SyntaxWord> parsed = parse(texts_of(sentence));
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const SyntaxWord& want = sentence.words[i];
      ++scores.words;
      scores.upos_right += parsed[i].upos == want.upos;
      scores.xpos_right += parsed[i].xpos == want.xpos;
      const bool head_right = parsed[i].head == want.head;
      scores.head_right += head_right;
      scores.relation_right += head_right && parsed[i].relation == want.relation;
    }
  }
  return scores;
}

}  // namespace crosscheck
