#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "crosscheck/claims.h"

namespace crosscheck {

namespace {

// The JSON text of a claim, written directly: one claim per line of a
// million-article run, where building an nlohmann object per claim was a
// third of `extract --format jsonl`. It writes what nlohmann's dump() writes:
// compact, UTF-8 as is, and a byte that is not UTF-8 as U+FFFD (ingest rejects
// such text, but a lexicon name may carry it; output never throws).
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  // `"name":` (opening the object before the first); the value follows.
  JsonWriter& key(std::string_view name) {
    out_ += first_ ? "{\"" : ",\"";
    first_ = false;
    out_ += name;
    out_ += "\":";
    return *this;
  }
  void close() {
    if (first_) out_ += '{';
    out_ += '}';
    first_ = false;
  }

  void string(std::string_view text) {
    if (find_invalid_utf8(text) != std::string_view::npos) {
      string_escaped(repaired_utf8(text));
    } else {
      string_escaped(text);
    }
  }
  void string_escaped(std::string_view text) {
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet written
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text, run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          out_ += fmt::format("\\u{:04x}", c);
          break;
      }
    }
    out_.append(text, run, text.size() - run);
    out_ += '"';
  }
  // `text` with each byte that does not begin a valid UTF-8 character as U+FFFD.
  static std::string repaired_utf8(std::string_view text) {
    std::string out;
    for (std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos; bad = find_invalid_utf8(text)) {
      out.append(text.substr(0, bad));
      out += "\xEF\xBF\xBD";
      text.remove_prefix(bad + 1);
    }
    out.append(text);
    return out;
  }
  void string_or_null(std::string_view text) { text.empty() ? null() : string(text); }
  void null() { out_ += "null"; }
  void boolean(bool value) { out_ += value ? "true" : "false"; }
  void integer(std::int64_t value) { fmt::format_to(std::back_inserter(out_), "{}", value); }
  // Whole numbers as integers ("35000", not "35000.0"); others as nlohmann writes them.
  void number(double value) {
    if (std::floor(value) == value && std::abs(value) < 9007199254740992.0) {
      integer(static_cast<std::int64_t>(value));
    } else {
      out_ += nlohmann::json(value).dump();
    }
  }
  void bound(double value) { std::isinf(value) ? null() : number(value); }
  void date_or_null(const std::optional<Date>& date) { date ? string(format_as(*date)) : null(); }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

std::string claim_json(const Claim& claim) {
  std::string out;
  out.reserve(512 + claim.sentence.size());
  JsonWriter json(out);
  json.key("article").string(claim.article);
  json.key("source").string_or_null(claim.source);
  json.key("file").string(claim.file);
  json.key("line").integer(claim.line);
  json.key("column").integer(claim.column);
  json.key("text").string(claim.text);
  json.key("value").number(claim.figure.value);
  json.key("low").bound(claim.figure.low);
  json.key("high").bound(claim.figure.high);
  json.key("low_open").boolean(claim.figure.low_open);
  json.key("high_open").boolean(claim.figure.high_open);
  json.key("qualifier").string(format_as(claim.figure.qualifier));
  json.key("unit").string_or_null(claim.figure.unit);
  json.key("noun").string_or_null(claim.figure.noun);
  json.key("metric").string_or_null(claim.metric);
  json.key("entity").string_or_null(claim.entity);
  json.key("subject").string_or_null(claim.subject);
  json.key("attribution");
  if (claim.attribution) {
    JsonWriter attribution(out);
    attribution.key("text").string(claim.attribution->text);
    attribution.key("authority").string(claim.attribution->authority);
    attribution.key("cue").string(claim.attribution->cue);
    attribution.key("citing").string_or_null(claim.attribution->citing);
    attribution.close();
  } else {
    json.null();
  }
  json.key("published").date_or_null(claim.published);
  json.key("reference_date").date_or_null(claim.reference_date);
  json.key("since").date_or_null(claim.since);
  json.key("hedges");
  out += '[';
  for (std::size_t i = 0; i < claim.hedges.size(); ++i) {
    if (i > 0) out += ',';
    json.string(claim.hedges[i]);
  }
  out += ']';
  json.key("in_quote").boolean(claim.in_quote);
  json.key("sentence").string(claim.sentence.str());
  json.close();
  return out;
}

namespace {

// The fields of one claim object read with their checks. A line from
// elsewhere may put any type anywhere: a wrong type is an error with the
// key's name, never an exception out of nlohmann's value(). A later error
// replaces an earlier one.
struct ClaimFields {
  const nlohmann::json& json;
  std::string& error;

  void text(const char* key, std::string& out) const {
    if (json.contains(key) && json[key].is_string()) out = json[key].get<std::string>();
  }
  void number(const char* key, double& out, double if_null) const {
    if (!json.contains(key) || json[key].is_null()) {
      out = if_null;
    } else if (json[key].is_number()) {
      out = json[key].get<double>();
    } else {
      error = fmt::format("\"{}\" must be a number or null", key);
    }
  }
  bool flag(const char* key) const {
    if (!json.contains(key) || json[key].is_null()) return false;
    if (json[key].is_boolean()) return json[key].get<bool>();
    error = fmt::format("\"{}\" must be true or false", key);
    return false;
  }
  std::optional<Date> date(const char* key) const {
    if (json.contains(key) && json[key].is_string()) return parse_date(json[key].get<std::string>());
    return std::nullopt;
  }
  // A place is a 32-bit line and column: a larger one is refused, not wrapped
  // (2^40 would read as line 0 and sort the claim first).
  void place(const char* key, std::uint32_t& out) const {
    if (!json.contains(key) || json[key].is_null()) return;
    if (json[key].is_number_unsigned() && json[key].get<std::uint64_t>() <= UINT32_MAX) {
      out = static_cast<std::uint32_t>(json[key].get<std::uint64_t>());
    } else {
      error = fmt::format("\"{}\" must be a whole number from 0 to {}", key, UINT32_MAX);
    }
  }
};

std::string string_in(const nlohmann::json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

// The place and the figure: the figures extraction gives (finite, within
// the ceiling, low <= high) and a known qualifier. False, with `error` set,
// when they are not.
bool read_figure(const ClaimFields& fields, Claim& claim) {
  std::string& error = fields.error;
  fields.place("line", claim.line);
  fields.place("column", claim.column);
  fields.number("value", claim.figure.value, 0);
  fields.number("low", claim.figure.low, -Quantity::kInfinity);
  fields.number("high", claim.figure.high, Quantity::kInfinity);
  if (error.empty()) {
    for (const auto& [key, value] :
         {std::pair{"value", claim.figure.value}, {"low", claim.figure.low}, {"high", claim.figure.high}}) {
      if (std::isfinite(value) && std::abs(value) > kMaxFigure) {
        error = fmt::format("\"{}\" is {}, beyond {:g}, the largest figure crosscheck reads", key, value, kMaxFigure);
        break;
      }
    }
  }
  if (error.empty() && claim.figure.low > claim.figure.high) {
    error = fmt::format("\"low\" {} is above \"high\" {}: not an interval", claim.figure.low, claim.figure.high);
  }
  claim.figure.low_open = fields.flag("low_open");
  claim.figure.high_open = fields.flag("high_open");
  claim.in_quote = fields.flag("in_quote");
  if (!fields.json["qualifier"].is_string()) error = "\"qualifier\" must be a string such as \"exact\" or \"at_least\"";
  if (!error.empty()) return false;
  const std::string qualifier = fields.json["qualifier"].get<std::string>();
  for (Qualifier q : {Qualifier::exact, Qualifier::at_least, Qualifier::more_than, Qualifier::nearly, Qualifier::approx,
                      Qualifier::at_most, Qualifier::less_than, Qualifier::range, Qualifier::vague}) {
    if (format_as(q) == qualifier) claim.figure.qualifier = q;
  }
  return true;
}

// The dates, the attribution and the hedges: anything unreadable is left out.
void read_context(const ClaimFields& fields, Claim& claim) {
  const nlohmann::json& json = fields.json;
  claim.published = fields.date("published");
  claim.reference_date = fields.date("reference_date");
  claim.since = fields.date("since");
  if (json.contains("attribution") && json["attribution"].is_object()) {
    const auto& a = json["attribution"];
    Attribution attribution;
    attribution.text = string_in(a, "text");
    attribution.authority = string_in(a, "authority");
    attribution.cue = string_in(a, "cue");
    attribution.citing = string_in(a, "citing");
    claim.attribution = std::move(attribution);
  }
  if (json.contains("hedges") && json["hedges"].is_array()) {
    for (const auto& hedge : json["hedges"]) {
      if (hedge.is_string()) claim.hedges.push_back(hedge.get<std::string>());
    }
  }
}

}  // namespace

std::optional<Claim> claim_from_json(std::string_view line, std::string& error) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    // parse_error, and out_of_range for a number too large for a double.
    error = "not valid JSON";
    return std::nullopt;
  }
  if (!json.is_object()) {
    error = "expected a claim object";
    return std::nullopt;
  }
  for (const char* key : {"article", "file", "text", "value", "qualifier"}) {
    if (!json.contains(key)) {
      error = fmt::format("claim has no \"{}\"", key);
      return std::nullopt;
    }
  }
  const ClaimFields fields{json, error};
  Claim claim;
  fields.text("article", claim.article);
  fields.text("source", claim.source);
  fields.text("file", claim.file);
  fields.text("text", claim.text);
  fields.text("unit", claim.figure.unit);
  fields.text("noun", claim.figure.noun);
  fields.text("metric", claim.metric);
  fields.text("entity", claim.entity);
  fields.text("subject", claim.subject);
  std::string sentence;
  fields.text("sentence", sentence);
  claim.sentence = std::move(sentence);
  if (!read_figure(fields, claim)) return std::nullopt;
  read_context(fields, claim);
  return claim;
}

std::string format_as(const Claim& claim) {
  std::string out = fmt::format("'{}' {} {}", claim.text, claim.metric.empty() ? "-" : claim.metric,
                                claim.entity.empty() ? "-" : claim.entity);
  if (!claim.subject.empty()) out += " (" + claim.subject + ")";
  if (claim.attribution) {
    out += fmt::format(" <{}: {}", claim.attribution->authority, claim.attribution->cue);
    if (!claim.attribution->citing.empty()) out += ", citing " + claim.attribution->citing;
    out += ">";
  } else {
    out += " <unattributed>";
  }
  return out;
}

}  // namespace crosscheck
