// The table of rule kinds: the one list the loader, `rules list`, the
// evaluator and the reports read.
#include "rules/rule_kinds.h"

namespace crosscheck {

namespace {

const std::vector<const rules::RuleKindModule*>& modules() {
  // In the order of RuleKind.
  static const std::vector<const rules::RuleKindModule*> table = {&rules::conflict_kind(), &rules::unattributed_kind(),
                                                                  &rules::bound_kind(), &rules::trend_kind()};
  return table;
}

}  // namespace

const std::vector<RuleKindInfo>& rule_kinds() {
  static const std::vector<RuleKindInfo> kinds = [] {
    std::vector<RuleKindInfo> out;
    for (const rules::RuleKindModule* module : modules()) out.push_back(module->info);
    return out;
  }();
  return kinds;
}

const RuleKindInfo& info_of(RuleKind kind) { return rules::module_of(kind).info; }

std::string_view format_as(RuleKind kind) { return info_of(kind).name; }

namespace rules {

const RuleKindModule& module_of(RuleKind kind) {
  for (const RuleKindModule* module : modules()) {
    if (module->info.kind == kind) return *module;
  }
  return *modules().front();  // every RuleKind has a row; a kind without one is caught by the rules tests
}

}  // namespace rules
}  // namespace crosscheck
