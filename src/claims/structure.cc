#include "claims/structure.h"

#include <algorithm>
#include <string_view>

#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

bool is(const SyntaxWord& token, std::string_view relation) { return token.relation == relation; }

bool any_of_relations(const SyntaxWord& token, std::initializer_list<std::string_view> relations) {
  return std::any_of(relations.begin(), relations.end(), [&](std::string_view r) { return token.relation == r; });
}

// A word that only points back to a subject named elsewhere: "he", "it",
// "who", "which". The source reader resolves pronouns its own way.
bool stands_for_another(const SyntaxWord& token) {
  return token.upos == "PRON" || token.xpos == "WDT" || token.xpos == "WP";
}

}  // namespace

bool counts_people_somewhere(const SentenceView& sentence, const Lexicon& lexicon, WordRange except) {
  // (Not "March" the month, the metric word "march" capitalized: "in
  // March", "March 5", "March/April", "fiscal year ending March": a third of
  // the parses of Reuters copy were asked for by a date. A march's name
  // follows a name or a possessive: "The Women's March", "the Million Man
  // March", and one at the start of a sentence: "March for Our Lives".)
  const auto is_month = [&](std::size_t w) {
    const std::span<const Word> words = sentence.words;
    if (!words[w].capitalized || !is_weekday_or_month(words[w])) return false;
    if (w == 0) {  // "March 5 ...", "March/April ..." but "March for Our Lives drew ..."
      return w + 1 >= words.size() || words[w + 1].punctuation || starts_with_digit(words[w + 1]);
    }
    const Word& before = words[w - 1];
    const bool named = (before.capitalized && w - 1 > 0) || is_possessive_ending(before.lower);
    return !named;
  };
  return std::any_of(sentence.matches.begin(), sentence.matches.end(), [&](const PhraseMatch& match) {
    return match.kind == PhraseKind::metric && lexicon.metrics[match.target].unit == "people" &&
           (match.first < except.first || match.first >= except.second) && !is_month(match.first);
  });
}

const SentenceStructure::Parse& SentenceStructure::parse(const SentenceView& sentence) {
  auto [found, inserted] = parses_.try_emplace(sentence.index);
  Parse& parse = found->second;
  if (!inserted) return parse;
  // A "sentence" this long is a list or a table: not parsed, and nothing is
  // made for it (a parse of it would mean little, and a list of 100,000
  // figures would make it megabytes). The longest sentence of EWT's
  // training set has 159 words; ours split "1,537" in three.
  constexpr std::size_t kLongestParsed = 160;
  if (sentence.size() > 3 * kLongestParsed) return parse;
  const std::string_view text = sentence.text();
  parse.spans = split_word_spans(text);
  if (parse.spans.size() > kLongestParsed) {
    parse.spans = {};
    return parse;
  }
  parse.token_of_word.assign(sentence.size(), -1);
  std::vector<std::string> words;
  words.reserve(parse.spans.size());
  for (const WordSpan& span : parse.spans) words.emplace_back(text.substr(span.begin, span.end - span.begin));
  parse.tokens = SyntaxModel::built_in().parse(words);
  parse.children.assign(parse.tokens.size(), {});
  for (std::size_t t = 0; t < parse.tokens.size(); ++t)
    if (parse.tokens[t].head >= 0)
      parse.children[static_cast<std::size_t>(parse.tokens[t].head)].push_back(static_cast<int>(t));
  // Each of the sentence's words lies in the token whose bytes hold its first
  // byte: the treebanks' "1,537" is three of our words, "Gaza's" two of theirs.
  for (std::size_t w = 0; w < sentence.size(); ++w) {
    const std::size_t begin = sentence.words[w].begin;
    const auto after = std::partition_point(parse.spans.begin(), parse.spans.end(),
                                            [&](const WordSpan& span) { return span.begin <= begin; });
    if (after != parse.spans.begin() && begin < (after - 1)->end)
      parse.token_of_word[w] = static_cast<int>(after - parse.spans.begin() - 1);
  }
  return parse;
}

bool SentenceStructure::set_beside(const Parse& parse, int verb) {
  const SyntaxWord& token = parse.tokens[static_cast<std::size_t>(verb)];
  if (token.head < 0 || token.head > verb) return false;
  if (token.relation == "parataxis") return true;
  if (!any_of_relations(token, {"conj", "advcl"})) return false;
  // For "conj" and "advcl", as the parser says it: set off by a comma (or a
  // dash) before the verb's phrase, and reporting nothing of its own. "The
  // militants killed 250 and the army said it arrested 40" is two clauses.
  const auto leftmost = [&](auto&& self, int t) -> int {
    int most = t;
    for (const int child : parse.children[static_cast<std::size_t>(t)]) most = std::min(most, self(self, child));
    return most;
  };
  int first = verb;  // the first word of the verb's phrase: its subject's first, say
  for (const int child : parse.children[static_cast<std::size_t>(verb)]) {
    const SyntaxWord& c = parse.tokens[static_cast<std::size_t>(child)];
    if (any_of_relations(c, {"ccomp", "obj"})) return false;
    if (child < verb && !is(c, "punct")) first = std::min(first, leftmost(leftmost, child));
  }
  if (first == 0) return false;
  const std::string& before = parse.tokens[static_cast<std::size_t>(first - 1)].text;
  return before == "," || before == "\u2014" || before == "--" || before == "-";
}

int SentenceStructure::number_token(const Parse& parse, WordRange at) {
  // "At least 212": the last token that is a number, else the first token.
  int number = -1;
  for (std::size_t w = at.first; w < at.second && w < parse.token_of_word.size(); ++w) {
    const int t = parse.token_of_word[w];
    if (t >= 0 && (number < 0 || parse.tokens[static_cast<std::size_t>(t)].upos == "NUM")) number = t;
  }
  return number;
}

WordRange SentenceStructure::words_of_tokens(const SentenceView& sentence, const Parse& parse, int first, int last) {
  const std::size_t begin = parse.spans[static_cast<std::size_t>(first)].begin;
  const std::size_t end = parse.spans[static_cast<std::size_t>(last)].end;
  std::size_t first_word = sentence.size();
  std::size_t last_word = 0;
  for (std::size_t w = 0; w < sentence.size(); ++w) {
    if (sentence.words[w].begin < begin || sentence.words[w].begin >= end) continue;
    first_word = std::min(first_word, w);
    last_word = w + 1;
  }
  return first_word < last_word ? WordRange{first_word, last_word} : WordRange{0, 0};
}

std::optional<std::uint32_t> SentenceStructure::metric_at(const SentenceView& sentence, const Parse& parse, int token) {
  for (std::size_t w = 0; w < parse.token_of_word.size(); ++w) {
    if (parse.token_of_word[w] != token || !sentence.is_metric_word(w)) continue;
    for (const PhraseMatch& match : sentence.matches_starting(w, w + 1))
      if (match.kind == PhraseKind::metric && match.first == w) return match.target;
  }
  return std::nullopt;
}

std::string SentenceStructure::metric(const SentenceView& sentence, const Lexicon& lexicon, WordRange at) {
  // Nothing to find without a metric word of people outside the figure: no parse.
  if (at.first >= at.second || !counts_people_somewhere(sentence, lexicon, at)) return {};
  const Parse& p = parse(sentence);
  const int number = number_token(p, at);
  if (number < 0) return {};
  const auto token = [&](int t) -> const SyntaxWord& { return p.tokens[static_cast<std::size_t>(t)]; };
  // The counted noun ("212 miners"), then the first of a list it is in
  // ("firefighters, six police officers and two paramedics") or the noun an
  // apposition renames: that one bears the relation to the verb.
  int noun = number;
  if (is(token(noun), "nummod") && token(noun).head >= 0) noun = token(noun).head;
  while (any_of_relations(token(noun), {"conj", "appos"}) && token(noun).head >= 0) noun = token(noun).head;
  const int head = token(noun).head;
  if (head < 0) return {};
  const auto id = [&](std::uint32_t metric) { return lexicon.metrics[metric].id; };
  // "212 miners died", "militants killed 250 villagers".
  if (any_of_relations(token(noun), {"nsubj", "nsubj:pass", "obj", "iobj"})) {
    if (const auto metric = metric_at(sentence, p, head)) return id(*metric);
  }
  // "the death toll rose to 86", "stood at 3,100", "the dead included seven
  // children": the figure completes a verb whose subject (or object) names
  // what it counts. Not "killed in nearly 40 air raids": an "in" phrase
  // says where or how, not what.
  bool completes = any_of_relations(token(noun), {"obj", "obl:unmarked", "xcomp"});
  if (is(token(noun), "obl")) {
    for (const int child : p.children[static_cast<std::size_t>(noun)]) {
      const SyntaxWord& marker = token(child);
      if (is(marker, "case") && (marker.text == "to" || marker.text == "at")) completes = true;
    }
  }
  if (!completes) return {};
  for (const int other : p.children[static_cast<std::size_t>(head)]) {
    if (other == noun || !any_of_relations(token(other), {"nsubj", "nsubj:pass", "obj"})) continue;
    if (const auto metric = metric_at(sentence, p, other)) return id(*metric);
    // "the death toll": the metric phrase starts at the noun's modifier.
    for (const int modifier : p.children[static_cast<std::size_t>(other)]) {
      if (modifier > other || !any_of_relations(token(modifier), {"compound", "amod"})) continue;
      if (const auto metric = metric_at(sentence, p, modifier)) return id(*metric);
    }
  }
  return {};
}

WordRange SentenceStructure::subject_of(const SentenceView& sentence, std::size_t verb) {
  const Parse& p = parse(sentence);
  const int verb_token = verb < p.token_of_word.size() ? p.token_of_word[verb] : -1;
  if (verb_token < 0) return {0, 0};
  // A verb of the lexicon's list is a speech verb only where it reports
  // something: a clause ("said 12 died", "added that ...") or, inverted, its
  // subject after it ("..., said the Observatory"). "The economy added
  // 943,000 jobs", "leaders condemned the attack", "the jobs report" are not.
  if (p.tokens[static_cast<std::size_t>(verb_token)].upos != "VERB") return {0, 0};
  int subject = -1;
  bool clause = false;
  bool side_clause = false;
  bool object = false;
  for (const int child : p.children[static_cast<std::size_t>(verb_token)]) {
    const SyntaxWord& c = p.tokens[static_cast<std::size_t>(child)];
    if (is(c, "nsubj")) subject = child;
    clause = clause || any_of_relations(c, {"ccomp", "xcomp"});
    side_clause = side_clause || is(c, "parataxis");
    object = object || is(c, "obj");
  }
  if (subject < 0 || stands_for_another(p.tokens[static_cast<std::size_t>(subject)])) return {0, 0};
  // "..., Israeli media said": the verb set beside the clause it reports.
  const bool beside = set_beside(p, verb_token) && !object;
  const bool reports = clause || (side_clause && !object) || beside || subject > verb_token;
  if (!reports) return {0, 0};
  // The noun phrase: everything before the noun that hangs from it, and
  // after it the names, numbers and "of"/"in" phrases, not a relative
  // clause or an apposition set off by commas.
  int first = subject;
  int last = subject;
  const auto extend = [&](auto&& self, int t) -> void {
    first = std::min(first, t);
    last = std::max(last, t);
    for (const int child : p.children[static_cast<std::size_t>(t)]) {
      const SyntaxWord& c = p.tokens[static_cast<std::size_t>(child)];
      const bool before = child < t;
      if ((before && !is(c, "punct")) ||
          (!before && any_of_relations(c, {"flat", "compound", "nmod", "nummod", "amod", "case", "det"})))
        self(self, child);
    }
  };
  extend(extend, subject);
  return words_of_tokens(sentence, p, first, last);
}

bool SentenceStructure::reports(const SentenceView& sentence, std::size_t verb, WordRange at) {
  const Parse& p = parse(sentence);
  const int verb_token = verb < p.token_of_word.size() ? p.token_of_word[verb] : -1;
  const int figure = number_token(p, at);
  if (verb_token < 0 || figure < 0) return false;
  const auto token = [&](int t) -> const SyntaxWord& { return p.tokens[static_cast<std::size_t>(t)]; };
  // "12 died, officials said": the verb beside the clause holding the figure.
  // "12 died, officials said": the verb set beside the clause of the figure.
  const int beside = set_beside(p, verb_token) ? token(verb_token).head : -1;
  // Up from the figure: the verb itself, through a clause it reports, or the
  // clause the verb is set beside. The tree has no cycles: at most one step a token.
  int below = -1;
  for (int t = figure, steps = 0; t >= 0 && steps <= static_cast<int>(p.tokens.size());
       below = t, t = token(t).head, ++steps) {
    if (t == beside) return true;
    // "said 37 of his pupils were missing", parsed with "37" as the verb's
    // object: the figure itself, not a noun it counts ("added 943,000 jobs").
    if (t == verb_token)
      return below < 0 || any_of_relations(token(below), {"ccomp", "parataxis", "xcomp"}) ||
             (below == figure && is(token(below), "obj"));
  }
  return false;
}

}  // namespace crosscheck::claims
