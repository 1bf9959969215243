// The store's binary form of claims (claim_codec.h says the layout). Every
// access to a Claim's fields in src/audit/ is in write_claim and read_claim.
#include "audit/claim_codec.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>

namespace crosscheck::audit {

namespace {

// 2 adds the scope byte after the qualifier's; records of form 1 still read
// (as the story's scope).
constexpr char kFormat = 2;

enum Flag : std::uint8_t {
  kLowOpen = 1,
  kHighOpen = 2,
  kInQuote = 4,
  kPublished = 8,
  kReferenceDate = 16,
  kSince = 32,
  kAttribution = 64,
  kPlace = 128,  // the place's source and chain follow the hedges (issue 17)
};

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void varint(std::uint64_t value) {
    for (; value >= 0x80; value >>= 7) out_ += static_cast<char>((value & 0x7F) | 0x80);
    out_ += static_cast<char>(value);
  }
  void byte(std::uint8_t value) { out_ += static_cast<char>(value); }
  void real(double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    for (int shift = 0; shift < 64; shift += 8) out_ += static_cast<char>((bits >> shift) & 0xFF);
  }
  void text(std::string_view value) {
    varint(value.size() + 1);
    out_ += value;
  }
  // "The same as the claim before" costs one byte.
  void text(std::string_view value, std::string_view before) {
    if (value == before) return varint(0);
    text(value);
  }
  void date(const Date& date) {
    const auto year = static_cast<std::int64_t>(date.year);
    varint((static_cast<std::uint64_t>(year) << 1) ^ static_cast<std::uint64_t>(year >> 63));
    byte(static_cast<std::uint8_t>(date.month));
    byte(static_cast<std::uint8_t>(date.day));
  }

 private:
  std::string& out_;
};

// Reads a record; after the first failure every read gives zeros and
// failed() is true, so a claim is read to its end and checked once.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool done() const { return at_ >= in_.size(); }
  bool failed() const { return failed_; }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t next = byte();
      value |= static_cast<std::uint64_t>(next & 0x7F) << shift;
      if (!(next & 0x80)) return value;
    }
    return fail();
  }
  std::uint8_t byte() {
    if (at_ >= in_.size()) return static_cast<std::uint8_t>(fail());
    return static_cast<std::uint8_t>(in_[at_++]);
  }
  double real() {
    if (in_.size() - at_ < 8 || at_ > in_.size()) return static_cast<double>(fail());
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in_[at_++])) << (8 * i);
    return std::bit_cast<double>(bits);
  }
  std::string_view text() {
    const std::uint64_t n = varint();
    if (n == 0 || n - 1 > in_.size() - at_) {
      if (n != 0) fail();
      return {};
    }
    const std::string_view out = in_.substr(at_, n - 1);
    at_ += n - 1;
    return out;
  }
  void text(std::string& out, const std::string& before) {
    if (repeats()) {
      out = before;
    } else {
      out = text();
    }
  }
  void text(SharedText& out, const SharedText& before) {
    if (repeats()) {
      out = before;  // shares the sentence, as extraction does
    } else {
      out = std::string(text());
    }
  }
  std::optional<Date> date() {
    const std::uint64_t zigzag = varint();
    const auto year = static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
    Date date{static_cast<int>(year), byte(), byte()};
    if (year != date.year || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) fail();
    return date;
  }
  std::uint64_t fail() {
    failed_ = true;
    at_ = in_.size();
    return 0;
  }

 private:
  // A text that is "the same as the claim before" (a 0 length); else the
  // reader is left on the text.
  bool repeats() {
    if (at_ < in_.size() && in_[at_] == 0) {
      ++at_;
      return true;
    }
    return false;
  }

  std::string_view in_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

void write_claim(Writer& out, const Claim& claim, const Claim& before) {
  out.text(claim.article, before.article);
  out.text(claim.source, before.source);
  out.text(claim.file, before.file);
  out.text(claim.text, before.text);
  out.text(claim.figure.unit, before.figure.unit);
  out.text(claim.figure.noun, before.figure.noun);
  out.text(claim.metric, before.metric);
  out.text(claim.entity, before.entity);
  out.text(claim.subject, before.subject);
  out.text(claim.sentence.str(), before.sentence.str());
  out.varint(claim.line);
  out.varint(claim.column);
  out.real(claim.figure.value);
  out.real(claim.figure.low);
  out.real(claim.figure.high);
  out.byte(static_cast<std::uint8_t>(claim.figure.qualifier));
  out.byte(static_cast<std::uint8_t>(claim.scope));
  out.byte((claim.figure.low_open ? kLowOpen : 0) | (claim.figure.high_open ? kHighOpen : 0) |
           (claim.in_quote ? kInQuote : 0) | (claim.published ? kPublished : 0) |
           (claim.reference_date ? kReferenceDate : 0) | (claim.since ? kSince : 0) |
           (claim.attribution ? kAttribution : 0) | (claim.entity_from != PlaceFrom::none ? kPlace : 0));
  for (const auto* date : {&claim.published, &claim.reference_date, &claim.since}) {
    if (*date) out.date(**date);
  }
  if (claim.attribution) {
    const Attribution none = before.attribution.value_or(Attribution{});
    out.text(claim.attribution->text, none.text);
    out.text(claim.attribution->authority, none.authority);
    out.text(claim.attribution->cue, none.cue);
    out.text(claim.attribution->citing, none.citing);
  }
  out.varint(claim.hedges.size());
  for (const std::string& hedge : claim.hedges) out.text(hedge);
  if (claim.entity_from != PlaceFrom::none) {
    out.byte(static_cast<std::uint8_t>(claim.entity_from));
    out.varint(claim.entity_parents.places().size());
    for (const std::string& parent : claim.entity_parents.places()) out.text(parent);
  }
}

// Why a figure read back is not one extraction gives (it never gives NaN,
// an infinite value, a bound beyond kMaxFigure or low above high), or empty.
std::string figure_problem(double value, double low, double high) {
  const auto within = [](double x) { return std::isfinite(x) && std::abs(x) <= kMaxFigure; };
  if (!within(value)) return fmt::format("its value {} is not a figure crosscheck reads", value);
  if (!(within(low) || low == -Figure::kInfinity) || !(within(high) || high == Figure::kInfinity) || !(low <= high)) {
    return fmt::format("its interval [{}, {}] is not one", low, high);
  }
  return {};
}

// One claim; false with `error` set when it does not read back.
bool read_claim(Reader& in, char format, const Claim& before, Claim& claim, std::string& error) {
  in.text(claim.article, before.article);
  in.text(claim.source, before.source);
  in.text(claim.file, before.file);
  in.text(claim.text, before.text);
  in.text(claim.figure.unit, before.figure.unit);
  in.text(claim.figure.noun, before.figure.noun);
  in.text(claim.metric, before.metric);
  in.text(claim.entity, before.entity);
  in.text(claim.subject, before.subject);
  in.text(claim.sentence, before.sentence);
  const std::uint64_t line = in.varint(), column = in.varint();
  claim.line = static_cast<std::uint32_t>(line);
  claim.column = static_cast<std::uint32_t>(column);
  claim.figure.value = in.real();
  claim.figure.low = in.real();
  claim.figure.high = in.real();
  const std::uint8_t qualifier = in.byte();
  const std::uint8_t scope = format >= 2 ? in.byte() : 0;
  const std::uint8_t flags = in.byte();
  claim.figure.qualifier = static_cast<Qualifier>(qualifier);
  claim.scope = static_cast<Scope>(scope);
  claim.figure.low_open = flags & kLowOpen;
  claim.figure.high_open = flags & kHighOpen;
  claim.in_quote = flags & kInQuote;
  if (flags & kPublished) claim.published = in.date();
  if (flags & kReferenceDate) claim.reference_date = in.date();
  if (flags & kSince) claim.since = in.date();
  if (flags & kAttribution) {
    const Attribution none = before.attribution.value_or(Attribution{});
    Attribution& attribution = claim.attribution.emplace();
    in.text(attribution.text, none.text);
    in.text(attribution.authority, none.authority);
    in.text(attribution.cue, none.cue);
    in.text(attribution.citing, none.citing);
  }
  for (std::uint64_t hedges = in.varint(); hedges > 0 && !in.failed(); --hedges) {
    claim.hedges.emplace_back(in.text());
  }
  std::uint8_t from = 0;
  if (flags & kPlace) {
    from = in.byte();
    claim.entity_from = static_cast<PlaceFrom>(from);
    std::vector<std::string> parents;
    for (std::uint64_t n = in.varint(); n > 0 && !in.failed(); --n) parents.emplace_back(in.text());
    PlaceChain chain(std::move(parents));
    claim.entity_parents = chain == before.entity_parents ? before.entity_parents : std::move(chain);  // shared
  }
  if (in.failed()) {
    error = "the record ends early or holds a length beyond its end";
  } else if (line > UINT32_MAX || column > UINT32_MAX) {
    error = fmt::format("its place {}:{} is beyond a 32-bit line and column", line, column);
  } else if (qualifier > static_cast<std::uint8_t>(Qualifier::vague)) {
    error = fmt::format("its qualifier {} is not one crosscheck knows", qualifier);
  } else if (scope > static_cast<std::uint8_t>(Scope::background)) {
    error = fmt::format("its scope {} is not one crosscheck knows", scope);
  } else if (from > static_cast<std::uint8_t>(PlaceFrom::event)) {
    error = fmt::format("its place source {} is not one crosscheck knows", from);
  } else {
    error = figure_problem(claim.figure.value, claim.figure.low, claim.figure.high);
  }
  return error.empty();
}

}  // namespace

std::string encode_claims(const std::vector<Claim>& claims) {
  std::string out(1, kFormat);
  Writer writer(out);
  const Claim none;
  const Claim* before = &none;
  for (const Claim& claim : claims) {
    write_claim(writer, claim, *before);
    before = &claim;
  }
  return out;
}

bool decode_claims(std::string_view record, std::vector<Claim>* out, std::size_t& read, std::string& error) {
  read = 0;
  if (record.empty() || record[0] < 1 || record[0] > kFormat) {
    error = record.empty()
                ? "the record is empty"
                : fmt::format("the record's form {} is not one crosscheck writes", static_cast<int>(record[0]));
    return false;
  }
  Reader in(record.substr(1));
  const Claim none;
  Claim held;  // the claim before, when `out` does not keep it
  const Claim* before = &none;
  for (; !in.done(); ++read) {
    Claim claim;
    if (!read_claim(in, record[0], *before, claim, error)) return false;
    if (out) {
      out->push_back(std::move(claim));
      before = &out->back();
    } else {
      held = std::move(claim);
      before = &held;
    }
  }
  return true;
}

}  // namespace crosscheck::audit
