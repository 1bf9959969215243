#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "crosscheck/quantities.h"
#include "crosscheck/rules.h"
#include "lexicon/yaml_support.h"

namespace crosscheck {

bool Selector::matches(const Claim& claim) const {
  auto in = [](const std::vector<std::string>& list, const std::string& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  // A subgroup of one country's citizens ("foreign nationals (France)") is
  // one of the lexicon's subgroup ("foreign nationals") to a selector.
  const auto subject_in = [&] {
    return subjects.empty() || std::any_of(subjects.begin(), subjects.end(), [&](const std::string& s) {
             return claim.subject == s || (claim.subject.starts_with(s) && claim.subject.size() > s.size() + 1 &&
                                           claim.subject.compare(s.size(), 2, " (") == 0);
           });
  };
  return in(metrics, claim.metric) && in(entities, claim.entity) && subject_in() && in(units, claim.figure.unit) &&
         claim.figure.value >= min_value && claim.figure.value < below;
}

namespace {

// The keys every rule has; a kind's own keys are in its row of rule_kinds().
const std::vector<std::string_view> kCommonKeys = {"kind", "severity", "select", "message", "description"};
const std::vector<std::string_view> kSelectKeys = {"metrics", "entities", "subjects", "units", "min_value", "below"};
const std::vector<std::string_view> kSeverities = {"note", "warning", "error"};   // and "info" for note
const std::vector<std::string_view> kAcross = {"any", "sources", "authorities"};  // in the order of Across

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> names;
  for (const RuleKindInfo& info : rule_kinds()) names.push_back(info.name);
  return names;
}

// Every key some rule may have, for "did you mean".
std::vector<std::string_view> all_rule_keys() {
  std::vector<std::string_view> keys = kCommonKeys;
  for (const RuleKindInfo& info : rule_kinds()) {
    for (std::string_view key : info.keys) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  return keys;
}

// The kinds that take `key`, as "conflict, bound".
std::string kinds_taking(std::string_view key) {
  std::vector<std::string_view> names;
  for (const RuleKindInfo& info : rule_kinds()) {
    if (std::find(info.keys.begin(), info.keys.end(), key) != info.keys.end()) names.push_back(info.name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

class RuleLoader {
 public:
  RuleLoader(const RuleSource& source, const Lexicon& lexicon, DiagnosticSink& diagnostics)
      : source_(source), lexicon_(lexicon), diagnostics_(diagnostics) {}

  std::optional<Rule> load() {
    const std::size_t errors_before = diagnostics_.error_count();
    Rule rule;
    rule.id = std::filesystem::path(source_.name).stem().string();
    rule.defined_at = {source_.name, 1, 1};
    YAML::Node root;
    try {
      root = YAML::Load(source_.content);
    } catch (const YAML::ParserException& e) {
      diagnostics_.error(span(e.mark), fmt::format("invalid YAML: {}", e.msg));
      return {};
    }
    if (!root.IsMap()) {
      diagnostics_.error({source_.name, 1, 1}, "a rule file must be a mapping with at least 'kind'");
      return {};
    }
    report_duplicate_keys(root, source_.name, diagnostics_);
    bool has_kind = false;
    const std::vector<std::string_view> kinds = kind_names();
    if (const YAML::Node kind = std::as_const(root)["kind"]) {
      has_kind = true;
      rule.kind = rule_kinds()[choice(kind, "kind", kinds)].kind;
    }
    const RuleKindInfo& info = info_of(rule.kind);
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      // A key of another kind ("across" in an unattributed rule) would be
      // silently ignored: say that it does not apply here.
      const bool own_key = std::find(kCommonKeys.begin(), kCommonKeys.end(), key) != kCommonKeys.end() ||
                           std::find(info.keys.begin(), info.keys.end(), key) != info.keys.end();
      if (const std::string others = own_key ? std::string() : kinds_taking(key); has_kind && !others.empty()) {
        diagnostics_.error(
            span(entry.first.Mark()),
            fmt::format("'{}' does not apply to a rule of kind '{}' (only to: {}); remove it", key, info.name, others));
        continue;
      }
      if (key == "kind") {
        continue;
      } else if (key == "severity") {
        // "info" is the same as "note".
        rule.severity = value.IsScalar() && value.Scalar() == "info"
                            ? Severity::note
                            : static_cast<Severity>(choice(value, key, kSeverities));
      } else if (key == "select") {
        load_select(value, rule.select);
      } else if (key == "window_days") {
        rule.window_days = whole_number(value, key, 0, 3650);
      } else if (key == "tolerance") {
        load_tolerance(value, rule.tolerance);
      } else if (key == "max_ratio") {
        rule.max_ratio = number(value, key, 1, 1e6);
      } else if (key == "across") {
        rule.across = static_cast<Across>(choice(value, key, kAcross));
      } else if (key == "allow_same_article") {
        rule.allow_same_article = boolean(value, key);
      } else if (key == "message") {
        rule.message = text(value, key);
      } else if (key == "description") {
        rule.description = text(value, key);
      } else {
        unknown_key(entry.first, all_rule_keys());
      }
    }
    if (!has_kind) {
      diagnostics_.error({source_.name, 1, 1},
                         fmt::format("rule has no 'kind'; add one of: {}", fmt::join(kinds, ", ")));
    }
    if (rule.message.empty()) rule.message = std::string(info.default_message);
    if (diagnostics_.error_count() > errors_before) return {};
    return rule;
  }

 private:
  SourceSpan span(const YAML::Mark& mark) const { return yaml_span(source_.name, mark); }

  void unknown_key(const YAML::Node& key, const std::vector<std::string_view>& known) {
    diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), known));
  }

  std::size_t choice(const YAML::Node& node, std::string_view key, const std::vector<std::string_view>& options) {
    if (node.IsScalar()) {
      const auto found = std::find(options.begin(), options.end(), node.Scalar());
      if (found != options.end()) return static_cast<std::size_t>(found - options.begin());
    }
    std::string message = fmt::format("'{}' must be one of: {}", key, fmt::join(options, ", "));
    if (node.IsScalar()) {
      if (std::string hint = suggest(node.Scalar(), options); !hint.empty()) {
        message = fmt::format("unknown {} '{}'; did you mean '{}'?", key, node.Scalar(), hint);
      }
    }
    diagnostics_.error(span(node.Mark()), std::move(message));
    return 0;
  }

  double number(const YAML::Node& node, std::string_view key, double low, double high) {
    double value = 0;
    bool ok = node.IsScalar();
    if (ok) {
      try {
        value = node.as<double>();
      } catch (const YAML::Exception&) {
        ok = false;
      }
    }
    // NaN and the infinities (.nan, .inf) fail every comparison or the range.
    if (!ok || !std::isfinite(value) || value < low || value > high) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a number from {} to {}, not '{}'", key, low, high,
                                                        node.IsScalar() ? node.Scalar() : "..."));
      return low;
    }
    return value;
  }

  // A count such as a number of days: checked before the cast, which is
  // undefined for NaN or a value past int.
  int whole_number(const YAML::Node& node, std::string_view key, int low, int high) {
    const std::size_t errors_before = diagnostics_.error_count();
    const double value = number(node, key, low, high);
    if (diagnostics_.error_count() > errors_before) return low;
    if (value != std::floor(value)) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a whole number from {} to {}, not '{}'", key, low,
                                                        high, node.Scalar()));
      return low;
    }
    return static_cast<int>(value);
  }

  bool boolean(const YAML::Node& node, std::string_view key) {
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be true or false", key));
    return false;
  }

  std::string text(const YAML::Node& node, std::string_view key) {
    if (node.IsScalar()) return node.Scalar();
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a line of text", key));
    return {};
  }

  // "5%" or "5 %": a share of the value; "100": an absolute amount.
  void load_tolerance(const YAML::Node& node, Tolerance& tolerance) {
    std::string value = node.IsScalar() ? node.Scalar() : std::string();
    value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
    tolerance.percent = !value.empty() && value.back() == '%';
    if (tolerance.percent) value.pop_back();
    double amount = -1;
    try {
      std::size_t used = 0;
      amount = std::stod(value, &used);
      if (used != value.size()) amount = -1;
    } catch (const std::exception&) {
      amount = -1;
    }
    if (!std::isfinite(amount) || amount < 0 || (tolerance.percent && amount > 100)) {
      diagnostics_.error(span(node.Mark()),
                         fmt::format("tolerance '{}' is not a tolerance; write a share such as '5%' or an amount "
                                     "such as '100'",
                                     node.IsScalar() ? node.Scalar() : "..."));
      return;
    }
    tolerance.amount = amount;
  }

  std::vector<std::string> names(const YAML::Node& node, std::string_view key) {
    std::vector<std::string> out;
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a list, like [a, b]", key));
      return out;
    }
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        diagnostics_.error(span(item.Mark()), fmt::format("each entry of '{}' must be a name", key));
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  // Reports each name in the list `node` that is not one of `known` (a
  // `what`: metric, entity), with the closest known name, else `otherwise`.
  void require_known(const YAML::Node& node, std::string_view what, const std::vector<std::string_view>& known,
                     std::string_view otherwise) {
    if (!node.IsSequence()) return;
    for (const auto& item : node) {
      if (!item.IsScalar()) continue;
      const std::string& name = item.Scalar();
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      std::string message = fmt::format("unknown {} '{}'", what, name);
      if (std::string hint = suggest(name, known); !hint.empty()) {
        message += fmt::format("; did you mean '{}'?", hint);
      } else {
        message += fmt::format("; {}", otherwise);
      }
      diagnostics_.error(span(item.Mark()), std::move(message));
    }
  }

  // A unit as claims carry it: "people", "%", a currency code ("USD") or a
  // unit symbol the quantities reader gives ("t", "km").
  void require_units(const YAML::Node& node) {
    if (!node.IsSequence()) return;
    for (const auto& item : node) {
      if (!item.IsScalar() || is_unit_symbol(item.Scalar())) continue;
      diagnostics_.error(span(item.Mark()),
                         fmt::format("unknown unit '{}'; write it as claims carry it: people, %, a currency code "
                                     "such as USD, or a symbol such as t or km",
                                     item.Scalar()));
    }
  }

  void load_select(const YAML::Node& node, Selector& select) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), "'select' must be a mapping such as {metrics: [deaths]}");
      return;
    }
    report_duplicate_keys(node, source_.name, diagnostics_);
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (key == "metrics") {
        std::vector<std::string_view> ids;
        for (const Metric& m : lexicon_.metrics) ids.push_back(m.id);
        require_known(entry.second, "metric", ids, "the lexicon's metrics are listed by 'crosscheck rules list'");
        select.metrics = names(entry.second, key);
      } else if (key == "entities") {
        select.entities = names(entry.second, key);
        std::vector<std::string_view> entity_names;
        for (const Entity& e : lexicon_.entities) entity_names.push_back(e.name);
        require_known(entry.second, "entity", entity_names, "add it to a lexicon file's entities");
      } else if (key == "subjects") {
        select.subjects = names(entry.second, key);
        std::vector<std::string_view> ids;
        for (const Subject& subject : lexicon_.subjects) ids.push_back(subject.id);
        require_known(entry.second, "subject", ids, "add it to a lexicon file's subjects");
      } else if (key == "units") {
        select.units = names(entry.second, key);
        require_units(entry.second);
      } else if (key == "min_value") {
        select.min_value = number(entry.second, key, 0, 1e18);
      } else if (key == "below") {
        select.below = number(entry.second, key, 0, 1e18);
      } else {
        unknown_key(entry.first, kSelectKeys);
      }
    }
  }

  const RuleSource& source_;
  const Lexicon& lexicon_;
  DiagnosticSink& diagnostics_;
};

}  // namespace

std::vector<RuleSource> read_rule_dir(const std::filesystem::path& dir, DiagnosticSink& diagnostics) {
  std::vector<RuleSource> sources;
  const std::size_t errors_before = diagnostics.error_count();
  for (auto& [name, content] : read_yaml_dir(dir, "rules", "rule", "--rules", diagnostics)) {
    sources.push_back({std::move(name), std::move(content)});
  }
  // A folder that holds no rule would run no rule and report a clean corpus.
  if (sources.empty() && diagnostics.error_count() == errors_before) {
    diagnostics.error({dir.generic_string(), 0, 0},
                      "the rules folder holds no rule files (*.yaml), so no rule would run; add rule files, or "
                      "leave out --rules to run the built-in rules");
  }
  return sources;
}

std::vector<Rule> load_rules(const std::vector<RuleSource>& sources, const Lexicon& lexicon,
                             DiagnosticSink& diagnostics) {
  std::vector<Rule> rules;
  std::map<std::string, SourceSpan> ids;
  for (const RuleSource& source : sources) {
    std::optional<Rule> rule = RuleLoader(source, lexicon, diagnostics).load();
    if (!rule) continue;
    const auto [first, inserted] = ids.emplace(rule->id, rule->defined_at);
    if (!inserted) {
      diagnostics.report({Severity::error,
                          rule->defined_at,
                          fmt::format("duplicate rule id '{}'; rename one of the two files", rule->id),
                          {{Severity::note, first->second, "the id is first used here", {}}}});
      continue;
    }
    rules.push_back(std::move(*rule));
  }
  return rules;
}

}  // namespace crosscheck
