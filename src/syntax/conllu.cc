// CoNLL-U: one word per line, ten tab-separated fields; comment lines start
// with '#'; a blank line ends a sentence.
#include <charconv>
#include <string>
#include <string_view>

#include "crosscheck/core.h"
#include "crosscheck/syntax.h"

namespace crosscheck {

namespace {

constexpr std::size_t kFields = 10;
enum Field { kId = 0, kForm = 1, kUpos = 3, kXpos = 4, kHead = 6, kRelation = 7 };

std::string_view intern(std::set<std::string, std::less<>>& names, std::string_view name) {
  auto found = names.find(name);
  if (found == names.end()) found = names.emplace(name).first;
  return *found;
}

}  // namespace

Treebank read_conllu(std::string_view text, std::string_view file) {
  Treebank treebank;
  TreebankSentence sentence;
  std::vector<std::uint32_t> head_lines;  // where each word's head was read, to report it
  const auto finish = [&](std::uint32_t line_number) {
    if (sentence.words.empty()) {
      sentence.id.clear();  // a "# sent_id" of no words names nothing that follows
      return;
    }
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      const int head = sentence.words[i].head;
      if (head >= static_cast<int>(sentence.words.size()))
        throw Error({std::string(file), head_lines[i], 0},
                    fmt::format("head {} is beyond the sentence's {} words; check the sentence ending at line {}",
                                head + 1, sentence.words.size(), line_number));
    }
    treebank.sentences.push_back(std::move(sentence));
    sentence = {};
    head_lines.clear();
  };
  std::uint32_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish(line_number);
      if (end == text.size()) break;
      continue;
    }
    if (line.front() == '#') {
      if (line.starts_with("# sent_id = ")) sentence.id = std::string(line.substr(12));
      continue;
    }
    std::array<std::string_view, kFields> fields{};
    std::size_t count = 0;
    std::size_t column = 1;
    for (std::string_view rest = line;; ++count) {
      const std::size_t tab = rest.find('\t');
      if (count < kFields) fields[count] = rest.substr(0, tab);
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    ++count;
    if (count != kFields)
      throw Error({std::string(file), line_number, static_cast<std::uint32_t>(column)},
                  fmt::format("a word line has {} tab-separated fields, CoNLL-U has 10", count));
    const std::string_view id = fields[kId];
    if (id.find_first_of("-.") != std::string_view::npos) continue;  // a multiword token or an empty node
    int head = 0;
    const std::string_view head_text = fields[kHead];
    const auto [ptr, error] = std::from_chars(head_text.data(), head_text.data() + head_text.size(), head);
    if (error != std::errc() || ptr != head_text.data() + head_text.size() || head < 0) {
      column = static_cast<std::size_t>(head_text.data() - line.data()) + 1;
      throw Error(
          {std::string(file), line_number, static_cast<std::uint32_t>(column)},
          fmt::format("head '{}' is not a word number; write the number of the word it depends on, 0 for the root",
                      head_text));
    }
    SyntaxWord word;
    word.text = std::string(fields[kForm]);
    word.upos = intern(*treebank.names, fields[kUpos]);
    word.xpos = intern(*treebank.names, fields[kXpos]);
    word.head = head - 1;
    word.relation = intern(*treebank.names, fields[kRelation]);
    sentence.words.push_back(std::move(word));
    head_lines.push_back(line_number);
  }
  finish(line_number);
  return treebank;
}

}  // namespace crosscheck
