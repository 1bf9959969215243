#include <algorithm>
#include <cmath>
#include <optional>

#include "quantities/figure_reader.h"

namespace crosscheck {

std::string_view format_as(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::exact:
      return "exact";
    case Qualifier::at_least:
      return "at_least";
    case Qualifier::more_than:
      return "more_than";
    case Qualifier::nearly:
      return "nearly";
    case Qualifier::approx:
      return "approx";
    case Qualifier::at_most:
      return "at_most";
    case Qualifier::less_than:
      return "less_than";
    case Qualifier::range:
      return "range";
    case Qualifier::vague:
      return "vague";
  }
  return "exact";
}

bool Figure::contains(double x) const {
  const bool above_low = low_open ? x > low : x >= low;
  const bool below_high = high_open ? x < high : x <= high;
  return above_low && below_high;
}

namespace {

// Shortest text that reads back as the same double: 35000, 1400000, 0.5.
std::string number_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{}", value);
}

}  // namespace

std::string interval_text(double low, double high, bool low_open, bool high_open) {
  // An infinite end is always open: "[5194, inf)", never "inf]" (a conflict's
  // cluster of open-ended figures came out closed).
  low_open = low_open || std::isinf(low);
  high_open = high_open || std::isinf(high);
  return fmt::format("{}{}, {}{}", low_open ? "(" : "[", number_text(low), number_text(high), high_open ? ")" : "]");
}

std::string Figure::interval_text() const { return crosscheck::interval_text(low, high, low_open, high_open); }

std::string describe(const Quantity& q, std::string_view text) {
  std::string as_written(q.span.view(text));
  std::replace(as_written.begin(), as_written.end(), '\n', ' ');  // one line per figure
  std::string out = fmt::format("'{}' = {} {} {}", as_written, number_text(q.value),
                                interval_text(q.low, q.high, q.low_open, q.high_open), q.qualifier);
  if (!q.unit.empty()) out += " " + q.unit;
  if (!q.noun.empty() && q.noun != q.unit) out += fmt::format(" ({})", q.noun);
  return out;
}

// `roles` is the vocabulary's word roles, or a copy with watched words.
void QuantityReader::Impl::read(std::string_view text, std::vector<Quantity>& out,
                                const PackedWordMap<std::uint8_t>& roles) {
  out.clear();
  // NOTE: offsets are 32-bit; callers pass sentences or articles, never 4 GiB.
  if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);
  text_ = text;
  quantities::tokenize(text, roles, number_format_, tokens_, lower_);
  mark_number_like_tokens();
  for (std::size_t i = 0; i < tokens_.size();) {
    // Cheap filters first: a figure starts at a number, at a word that can
    // open one (and then only with a number close behind), or at a sign.
    const Token& token = tokens_[i];
    if (roles_[i] & kInWebAddress) {
      ++i;  // numbers inside a web address or an e-mail are not figures
      continue;
    }
    if (next_number_like_[i] > i + kMaxLeadTokens) {
      i = next_number_like_[i] - kMaxLeadTokens;
      continue;
    }
    if (token.kind == TokenKind::symbol && !quantities::find_currency_sign(token.symbol).size() &&
        vulgar_fraction(token.symbol) < 0 && !is_dash(token) && token.symbol != U'<' && token.symbol != U'>') {
      ++i;
      continue;
    }
    if (token.kind == TokenKind::word && !(roles_[i] & quantities::kStartsFigure) &&
        !(valid(i + 1) && tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].gap <= 1 &&
          !quantities::find_currency_sign(tokens_[i + 1].symbol).empty())) {
      ++i;  // most words: no figure starts here
      continue;
    }
    std::size_t next = i + 1;
    // A figure beyond kMaxFigure is not a figure: its tokens are passed
    // over whole, never read again as a smaller number.
    if (std::optional<Quantity> quantity = read_figure(i, next); quantity && within_ceiling(*quantity)) {
      out.push_back(std::move(*quantity));
    }
    i = std::max(next, i + 1);
  }
  join_bounds(out);
}

// One past the last token of the web address or e-mail that token i is part
// of (a run without spaces holding "://", "www." or "@"), or 0.
std::size_t QuantityReader::Impl::web_address_end(std::size_t i) const {
  if (tokens_[i].kind != TokenKind::word || !valid(i + 1) || !touching(i + 1)) return 0;
  // Only a scheme, "www" (the pack's opens_address) or an e-mail's "@" can
  // open one: check that first.
  const bool opens = (tokens_[i].role & quantities::kOpensAddress) ||
                     (tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].symbol == U'@');
  if (!opens) return 0;
  std::size_t end = i + 1;
  while (valid(end) && touching(end)) ++end;
  const std::string_view run = text_.substr(tokens_[i].begin, tokens_[end - 1].end - tokens_[i].begin);
  const bool address =
      run.find("://") != std::string_view::npos || run.starts_with("www.") || run.find('@') != std::string_view::npos;
  return address ? end : 0;
}

// Marks, for each token, whether a figure may start there (`roles_`)
// and the index of the next token that is a number, a number word or a
// fraction sign (`next_number_like_`), so that most of a text is skipped
// with two array reads.
void QuantityReader::Impl::mark_number_like_tokens() {
  const std::size_t n = tokens_.size();
  roles_.resize(n);
  next_number_like_.resize(n + 1);
  std::uint8_t all_roles = 0;
  for (std::size_t i = 0; i < n; ++i) {
    roles_[i] = tokens_[i].role;
    all_roles |= tokens_[i].role;
  }
  all_roles_ = all_roles;
  const bool may_hold_address = (all_roles & quantities::kOpensAddress) || text_.find('@') != std::string_view::npos;
  // A web address or an e-mail opens with "http", "https", "ftp", "www"
  // or a word before an "@" (web_address_end): most texts have none.
  for (std::size_t i = 0; may_hold_address && i < n; ++i) {
    const bool opens = (roles_[i] & quantities::kOpensAddress) ||
                       (valid(i + 1) && tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].symbol == U'@');
    if (!opens) continue;
    if (const std::size_t address_end = web_address_end(i); address_end != 0) {
      std::fill(roles_.begin() + static_cast<std::ptrdiff_t>(i),
                roles_.begin() + static_cast<std::ptrdiff_t>(address_end), kInWebAddress);
      i = address_end - 1;
    }
  }
  next_number_like_[n] = n + kMaxLeadTokens + 1;
  for (std::size_t i = n; i-- > 0;) {
    next_number_like_[i] = (roles_[i] & quantities::kNumberLike) ? i : next_number_like_[i + 1];
  }
}

QuantityReader::QuantityReader(IntervalMargins margins) : impl_(std::make_unique<Impl>(margins)) {}
QuantityReader::~QuantityReader() = default;
QuantityReader::QuantityReader(QuantityReader&&) noexcept = default;
QuantityReader& QuantityReader::operator=(QuantityReader&&) noexcept = default;

struct WordWatch::Roles {
  PackedWordMap<std::uint8_t> table = quantities::word_roles();
};

std::vector<Quantity> QuantityReader::read(std::string_view text) {
  std::vector<Quantity> figures;
  impl_->read(text, figures);
  return figures;
}

void QuantityReader::read(std::string_view text, std::vector<Quantity>& figures) { impl_->read(text, figures); }

bool QuantityReader::read(std::string_view text, std::vector<Quantity>& figures, const WordWatch& watch) {
  impl_->read(text, figures, watch.roles_->table);
  return watch.everything_ || impl_->holds_watched_word();
}

WordWatch::WordWatch(const std::vector<std::string>& lower_words) {
  auto roles = std::make_unique<Roles>();
  for (const std::string& word : lower_words) {
    // Only a word the tokenizer reads whole can be found by its role.
    std::uint8_t* role = quantities::is_one_word(word) ? roles->table.insert(word) : nullptr;
    if (role) {
      *role |= quantities::kWatched;
    } else {
      everything_ = true;
    }
  }
  roles_ = std::move(roles);
}

WordWatch::~WordWatch() = default;
WordWatch::WordWatch(WordWatch&&) noexcept = default;
WordWatch& WordWatch::operator=(WordWatch&&) noexcept = default;

}  // namespace crosscheck
