#include "claims/claim_json.h"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "crosscheck/claims.h"

namespace crosscheck {

void write_claim_json(JsonWriter& json, const Claim& claim) {
  json.begin_object();
  json.key("article").string(claim.article);
  json.key("source").string_or_null(claim.source);
  json.key("file").string(claim.file);
  json.key("line").integer(claim.line);
  json.key("column").integer(claim.column);
  json.key("text").string(claim.text);
  const Figure& figure = claim.figure;
  json.key("value").number(figure.value);
  auto bound = [&](const char* name, double end) {
    json.key(name);
    std::isinf(end) ? json.null() : json.number(end);  // null where unbounded
  };
  bound("low", figure.low);
  bound("high", figure.high);
  json.key("low_open").boolean(figure.low_open);
  json.key("high_open").boolean(figure.high_open);
  json.key("qualifier").string(format_as(figure.qualifier));
  json.key("unit").string_or_null(figure.unit);
  json.key("noun").string_or_null(figure.noun);
  json.key("metric").string_or_null(claim.metric);
  json.key("entity").string_or_null(claim.entity);
  json.key("entity_from").string_or_null(to_string(claim.entity_from));
  json.key("entity_parents").begin_array();
  for (const std::string& parent : claim.entity_parents.places()) json.string(parent);
  json.end_array();
  json.key("subject").string_or_null(claim.subject);
  json.key("scope").string_or_null(to_string(claim.scope));
  if (const auto& attribution = claim.attribution) {
    json.key("attribution").begin_object();
    json.key("text").string(attribution->text);
    json.key("authority").string(attribution->authority);
    json.key("cue").string(attribution->cue);
    json.key("citing").string_or_null(attribution->citing);
    json.end_object();
  } else {
    json.key("attribution").null();
  }
  auto date = [&](const char* name, const std::optional<Date>& day) {
    json.key(name);
    day ? json.string(format_as(*day)) : json.null();
  };
  date("published", claim.published);
  date("reference_date", claim.reference_date);
  date("since", claim.since);
  json.key("hedges").begin_array();
  for (const std::string& hedge : claim.hedges) json.string(hedge);
  json.end_array();
  json.key("in_quote").boolean(claim.in_quote);
  json.key("sentence").string(claim.sentence.str());
  json.end_object();
}

namespace {

// The chains of every claim of the process, each once. Chains are few (one
// per place a run meets) and read once per claim written: a lock is cheap.
struct ChainTable {
  std::mutex mutex;
  std::vector<std::unique_ptr<const std::vector<std::string>>> chains;  // by id - 1; never moved or freed
  std::map<std::vector<std::string>, std::uint32_t, std::less<>> ids;
};

ChainTable& chain_table() {
  static ChainTable* table = new ChainTable;  // never destroyed: claims may outlive static destruction order
  return *table;
}

}  // namespace

PlaceChain::PlaceChain(const std::vector<std::string>& places) {
  if (places.empty()) return;
  ChainTable& table = chain_table();
  const std::lock_guard lock(table.mutex);
  const auto [it, added] = table.ids.try_emplace(places, static_cast<std::uint32_t>(table.chains.size() + 1));
  if (added) table.chains.push_back(std::make_unique<const std::vector<std::string>>(places));
  id_ = it->second;
}

const std::vector<std::string>& PlaceChain::places() const {
  static const std::vector<std::string> kNone;
  if (id_ == 0) return kNone;
  ChainTable& table = chain_table();
  const std::lock_guard lock(table.mutex);
  return *table.chains[id_ - 1];  // the vector it points to never moves
}

std::string_view to_string(PlaceFrom from) {
  switch (from) {
    case PlaceFrom::sentence:
      return "sentence";
    case PlaceFrom::paragraph:
      return "paragraph";
    case PlaceFrom::dateline:
      return "dateline";
    case PlaceFrom::article:
      return "article";
    case PlaceFrom::event:
      return "event";
    case PlaceFrom::none:
      break;
  }
  return {};
}

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::incident:
      return "incident";
    case Scope::day:
      return "day";
    case Scope::part:
      return "part";
    case Scope::background:
      return "background";
    case Scope::story:
      break;
  }
  return {};
}

Scope scope_named(std::string_view name) {
  for (Scope scope : {Scope::incident, Scope::day, Scope::part, Scope::background}) {
    if (to_string(scope) == name) return scope;
  }
  return Scope::story;
}

std::string claim_json(const Claim& claim) {
  std::string out;
  out.reserve(512 + claim.sentence.size());
  JsonWriter json(out);
  write_claim_json(json, claim);
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
  claim.scope = scope_named(string_in(json, "scope"));
  const std::string from = string_in(json, "entity_from");
  for (PlaceFrom f :
       {PlaceFrom::sentence, PlaceFrom::paragraph, PlaceFrom::dateline, PlaceFrom::article, PlaceFrom::event}) {
    if (to_string(f) == from) claim.entity_from = f;
  }
  if (json.contains("entity_parents") && json["entity_parents"].is_array()) {
    std::vector<std::string> parents;
    for (const auto& parent : json["entity_parents"]) {
      if (parent.is_string()) parents.push_back(parent.get<std::string>());
    }
    claim.entity_parents = PlaceChain(std::move(parents));
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
  if (claim.scope != Scope::story) out += fmt::format(" [{}]", to_string(claim.scope));
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
