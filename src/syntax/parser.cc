// The dependency parser: arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez
// and Satta 2011) chosen greedily by an averaged perceptron, trained with a
// dynamic oracle (Goldberg and Nivre 2013): at each step the model learns
// which moves still allow the best tree from where it is, so at parse time it
// knows how to go on after its own mistakes. The features are those of
// Honnibal's "Parsing English in 500 lines of Python" (2013).
//
// Words 0..n-1, and n for the root, which waits at the end of the buffer.
// SHIFT pushes the buffer's first word; LEFT pops the stack's top and makes
// it a child of the buffer's first word; RIGHT pops it and makes it a child
// of the word under it.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "syntax/syntax_parts.h"

namespace crosscheck::syntax {

namespace {

enum Move { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kMoves = 3;
constexpr int kNone = -1;
constexpr std::uint64_t kNoWord = 0x5eed;
constexpr std::uint64_t kRootWord = 0x7007;
constexpr int kMaxDistance = 5;

struct State {
  State(const Words& w, std::span<const int> t)
      : words(w),
        tags(t),
        n(static_cast<int>(w.size())),
        heads(w.size(), kNone),
        lefts(w.size() + 1),
        rights(w.size() + 1) {}
  const Words& words;
  std::span<const int> tags;
  int n;
  std::vector<int> stack;
  int next = 0;
  std::vector<int> heads;
  std::vector<std::vector<int>> lefts;   // children left of each word, nearest first
  std::vector<std::vector<int>> rights;  // children right of each word, nearest first

  bool done() const { return stack.empty() && next == n; }
  bool valid(int move) const {
    switch (move) {
      case kShift:
        return next < n;
      case kLeft:
        return !stack.empty();
      default:
        return stack.size() >= 2;
    }
  }
  void apply(int move) {
    if (move == kShift) {
      stack.push_back(next++);
      return;
    }
    const int child = stack.back();
    stack.pop_back();
    const int head = move == kLeft ? next : stack.back();
    heads[static_cast<std::size_t>(child)] = head;
    (child < head ? lefts : rights)[static_cast<std::size_t>(head)].push_back(child);
  }

  // What features read at a position; kNone is "nothing there".
  std::uint64_t word(int at) const {
    if (at == kNone) return kNoWord;
    return at == n ? kRootWord : words.id[static_cast<std::size_t>(at)];
  }
  std::uint64_t tag(int at) const {
    if (at == kNone) return 0;
    return at == n ? 1 : static_cast<std::uint64_t>(tags[static_cast<std::size_t>(at)]) + 2;
  }
  int stack_at(std::size_t depth) const { return stack.size() > depth ? stack[stack.size() - 1 - depth] : kNone; }
  int buffer_at(int offset) const { return next + offset <= n ? next + offset : kNone; }
  static int outer(const std::vector<int>& children, std::size_t which) {
    return children.size() > which ? children[children.size() - 1 - which] : kNone;
  }
};

void parser_features(const State& state, std::vector<std::uint64_t>& out) {
  out.clear();
  const int s0 = state.stack_at(0);
  const int s1 = state.stack_at(1);
  const int s2 = state.stack_at(2);
  const int n0 = state.buffer_at(0);
  const int n1 = state.buffer_at(1);
  const int n2 = state.buffer_at(2);
  const auto children = [&](int at, bool left) -> const std::vector<int>* {
    if (at == kNone) return nullptr;
    return &(left ? state.lefts : state.rights)[static_cast<std::size_t>(at)];
  };
  const std::vector<int>* n0_lefts = children(n0, true);
  const std::vector<int>* s0_lefts = children(s0, true);
  const std::vector<int>* s0_rights = children(s0, false);
  const auto outer = [](const std::vector<int>* kids, std::size_t which) {
    return kids == nullptr ? kNone : State::outer(*kids, which);
  };
  const auto valency = [](const std::vector<int>* kids) {
    return kids == nullptr ? std::uint64_t{0} : static_cast<std::uint64_t>(kids->size());
  };
  const int n0b1 = outer(n0_lefts, 0), n0b2 = outer(n0_lefts, 1);
  const int s0b1 = outer(s0_lefts, 0), s0b2 = outer(s0_lefts, 1);
  const int s0f1 = outer(s0_rights, 0), s0f2 = outer(s0_rights, 1);
  const std::uint64_t distance = s0 == kNone ? 0 : static_cast<std::uint64_t>(std::min(n0 - s0, kMaxDistance));

  const std::array<int, 12> context = {n0, n1, n2, s0, s1, s2, n0b1, n0b2, s0b1, s0b2, s0f1, s0f2};
  std::uint32_t id = 1;
  out.push_back(FeatureHash(id++).value());
  for (const int at : context) {
    if (at != kNone) {
      out.push_back(FeatureHash(id).add(state.word(at)).value());
      out.push_back(FeatureHash(id + 100).add(state.tag(at)).value());
    }
    ++id;
  }
  id = 200;
  for (const int at : {n0, n1, n2, s0}) out.push_back(FeatureHash(id++).add(state.word(at)).add(state.tag(at)).value());

  const std::uint64_t ws0 = state.word(s0), wn0 = state.word(n0), ts0 = state.tag(s0), tn0 = state.tag(n0);
  const std::uint64_t tn1 = state.tag(n1), tn2 = state.tag(n2), ts1 = state.tag(s1), ts2 = state.tag(s2);
  out.push_back(FeatureHash(210).add(ws0).add(wn0).value());
  out.push_back(FeatureHash(211).add(wn0).add(tn0).add(ws0).value());
  out.push_back(FeatureHash(212).add(wn0).add(tn0).add(ts0).value());
  out.push_back(FeatureHash(213).add(ws0).add(ts0).add(wn0).value());
  out.push_back(FeatureHash(214).add(ws0).add(ts0).add(tn0).value());
  out.push_back(FeatureHash(215).add(ws0).add(ts0).add(wn0).add(tn0).value());
  out.push_back(FeatureHash(216).add(ts0).add(tn0).value());
  out.push_back(FeatureHash(217).add(tn0).add(tn1).value());

  const std::uint64_t ts0f1 = state.tag(s0f1), ts0f2 = state.tag(s0f2), ts0b1 = state.tag(s0b1);
  const std::uint64_t ts0b2 = state.tag(s0b2), tn0b1 = state.tag(n0b1), tn0b2 = state.tag(n0b2);
  out.push_back(FeatureHash(220).add(tn0).add(tn1).add(tn2).value());
  out.push_back(FeatureHash(221).add(ts0).add(tn0).add(tn1).value());
  out.push_back(FeatureHash(222).add(ts0).add(ts1).add(tn0).value());
  out.push_back(FeatureHash(223).add(ts0).add(ts0f1).add(tn0).value());
  out.push_back(FeatureHash(224).add(ts0).add(tn0).add(tn0b1).value());
  out.push_back(FeatureHash(225).add(ts0).add(ts0b1).add(ts0b2).value());
  out.push_back(FeatureHash(226).add(ts0).add(ts0f1).add(ts0f2).value());
  out.push_back(FeatureHash(227).add(tn0).add(tn0b1).add(tn0b2).value());
  out.push_back(FeatureHash(228).add(ts0).add(ts1).add(ts2).value());

  const std::uint64_t vs0f = valency(s0_rights), vs0b = valency(s0_lefts), vn0b = valency(n0_lefts);
  out.push_back(FeatureHash(230).add(ws0).add(vs0f).value());
  out.push_back(FeatureHash(231).add(ws0).add(vs0b).value());
  out.push_back(FeatureHash(232).add(wn0).add(vn0b).value());
  out.push_back(FeatureHash(233).add(ts0).add(vs0f).value());
  out.push_back(FeatureHash(234).add(ts0).add(vs0b).value());
  out.push_back(FeatureHash(235).add(tn0).add(vn0b).value());
  out.push_back(FeatureHash(236).add(ws0).add(distance).value());
  out.push_back(FeatureHash(237).add(wn0).add(distance).value());
  out.push_back(FeatureHash(238).add(ts0).add(distance).value());
  out.push_back(FeatureHash(239).add(tn0).add(distance).value());
  out.push_back(FeatureHash(240).add(tn0).add(ts0).add(distance).value());
  out.push_back(FeatureHash(241).add(wn0).add(ws0).add(distance).value());

  // Punctuation between the two candidates: a comma or a dash between s0 and n0
  // usually means they are not head and child.
  std::uint64_t marks = 0;
  if (s0 != kNone)
    for (int at = s0 + 1; at < n0 && at < state.n; ++at) {
      const std::string& between = state.words.normal[static_cast<std::size_t>(at)];
      if (between == "," || between == "-" || between == "--" || between == ";" || between == ":") ++marks;
    }
  marks = std::min<std::uint64_t>(marks, 2);
  out.push_back(FeatureHash(250).add(ts0).add(tn0).add(marks).value());
  out.push_back(FeatureHash(251).add(ts1).add(ts0).add(tn0).add(tn1).value());
  out.push_back(FeatureHash(252).add(state.word(s1)).add(ts1).add(ts0).value());
  out.push_back(FeatureHash(253).add(tn0).add(state.word(n0b1)).value());
  out.push_back(FeatureHash(254).add(ws0).add(state.word(s0f1)).value());
  out.push_back(FeatureHash(255).add(ts0).add(ts1).add(distance).add(marks).value());
  // The words just inside the span between s0 and n0.
  if (s0 != kNone && n0 - s0 > 1) {
    out.push_back(FeatureHash(256).add(ts0).add(state.tag(s0 + 1)).add(tn0).value());
    out.push_back(FeatureHash(257).add(ts0).add(state.tag(n0 - 1)).add(tn0).value());
  }
}

// Whether `word` and `other` are head and child in the gold tree, either way
// round (the root, gold.size(), has no head).
bool linked(int word, int other, std::span<const int> gold) {
  const auto n = static_cast<int>(gold.size());
  return (other < n && gold[static_cast<std::size_t>(other)] == word) ||
         (word < n && gold[static_cast<std::size_t>(word)] == other);
}

// The moves after which the best tree reachable is still as good as from
// here (the arc-hybrid oracle's costs, cheaply: a move that loses a gold arc
// is out).
std::array<bool, kMoves> zero_cost_moves(const State& state, std::span<const int> gold) {
  std::array<bool, kMoves> ok{};
  for (int move = 0; move < kMoves; ++move) ok[static_cast<std::size_t>(move)] = state.valid(move);
  if (state.stack.empty()) return ok;  // only SHIFT is possible
  const int s0 = state.stack.back();
  const int n0 = state.next;
  const auto gold_head = [&](int word) { return gold[static_cast<std::size_t>(word)]; };
  if (ok[kShift] && gold_head(n0) == s0) return {true, false, false};
  if (gold_head(s0) == n0) return {false, true, false};
  if (state.stack.size() >= 2 && gold_head(s0) == state.stack[state.stack.size() - 2]) ok[kLeft] = false;
  // Shifting n0 loses its arcs with the words under the stack's top.
  if (ok[kShift] &&
      std::any_of(state.stack.begin(), state.stack.end() - 1, [&](int below) { return linked(n0, below, gold); }))
    ok[kShift] = false;
  // Popping s0 loses its arcs with the words after n0 (the root included).
  for (int word = n0 + 1; word <= state.n; ++word)
    if (linked(s0, word, gold)) ok[kLeft] = ok[kRight] = false;
  if (!ok[kShift] && !ok[kLeft] && !ok[kRight])
    for (int move = 0; move < kMoves; ++move) ok[static_cast<std::size_t>(move)] = state.valid(move);
  return ok;
}

template <typename Scorer>
int best_move(const Scorer& scorer, const State& state, const std::vector<std::uint64_t>& features,
              std::array<float, kMoves>& scores) {
  scores.fill(0.0F);
  scorer.add_scores(features, scores);
  return best_class(std::span<const float>(scores), [&](int move) { return state.valid(move); });
}

}  // namespace

std::vector<int> Parser::parse(const Words& words, std::span<const int> tags) const {
  State state(words, tags);
  std::vector<std::uint64_t> features;
  std::array<float, kMoves> scores{};
  while (!state.done()) {
    parser_features(state, features);
    state.apply(best_move(weights, state, features, scores));
  }
  return state.heads;
}

bool projective(std::span<const int> heads) {
  const int n = static_cast<int>(heads.size());
  for (int a = 0; a < n; ++a) {
    const int a_low = std::min(a, heads[static_cast<std::size_t>(a)]);
    const int a_high = std::max(a, heads[static_cast<std::size_t>(a)]);
    for (int b = 0; b < n; ++b) {
      const int b_low = std::min(b, heads[static_cast<std::size_t>(b)]);
      const int b_high = std::max(b, heads[static_cast<std::size_t>(b)]);
      if (a_low < b_low && b_low < a_high && a_high < b_high) return false;
    }
  }
  return true;
}

Parser train_parser(std::span<const Words> sentences, std::span<const std::vector<int>> tags,
                    std::span<const std::vector<int>> heads, const PartTraining& training) {
  std::vector<std::size_t> usable;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    if (projective(heads[s])) usable.push_back(s);
  report(training.progress,
         fmt::format("parser: {} of {} training sentences are projective", usable.size(), sentences.size()));

  WeightsTrainer trainer(kMoves);
  std::mt19937 random(training.seed);
  std::vector<std::uint64_t> features;
  std::array<float, kMoves> scores{};
  for (int pass = 0; pass < training.passes; ++pass) {
    std::size_t right = 0;
    std::size_t words = 0;
    for (const std::size_t u : shuffled(usable.size(), random)) {
      const std::size_t s = usable[u];
      State state(sentences[s], tags[s]);
      while (!state.done()) {
        parser_features(state, features);
        const int guess = best_move(trainer, state, features, scores);
        const std::array<bool, kMoves> ok = zero_cost_moves(state, heads[s]);
        const int best_gold =
            best_class(std::span<const float>(scores), [&](int move) { return ok[static_cast<std::size_t>(move)]; });
        trainer.update(best_gold, guess, features);
        // The first pass follows the oracle; later ones the model, to learn its way back from its mistakes.
        state.apply(pass == 0 ? best_gold : guess);
      }
      for (std::size_t i = 0; i < state.heads.size(); ++i) right += state.heads[i] == heads[s][i];
      words += state.heads.size();
    }
    report(training.progress,
           fmt::format("parser pass {}: {:.2f}% of training heads right", pass + 1,
                       100.0 * static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(words, 1))));
  }
  return Parser{trainer.averaged(training.min_updates)};
}

}  // namespace crosscheck::syntax
