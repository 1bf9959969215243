// The language pack the readers use: the built-in English until a command
// or a test puts another in use.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include "crosscheck/language.h"
#include "lexicon/pack_tables.h"

namespace crosscheck {

std::atomic<const LanguagePack*> g_pack_in_use{nullptr};

const LanguagePack& language_pack() {
  if (const LanguagePack* pack = g_pack_in_use.load(std::memory_order_acquire)) return *pack;
  // The built-in English, read once; tests/language_test.cc checks that it
  // loads without a message, so an error here is a broken build.
  static const LanguagePack* const english = [] {
    DiagnosticSink diagnostics;
    auto* pack = new LanguagePack(load_language_pack(default_language_sources(), diagnostics));
    for (const Diagnostic& d : diagnostics.diagnostics()) std::fprintf(stderr, "%s\n", format_as(d).c_str());
    if (diagnostics.error_count() > 0) std::abort();
    return pack;
  }();
  const LanguagePack* expected = nullptr;
  g_pack_in_use.compare_exchange_strong(expected, english, std::memory_order_acq_rel);
  return *g_pack_in_use.load(std::memory_order_acquire);
}

void use_language_pack(LanguagePack pack) {
  // Never freed, but kept reachable: a reader made before may still use
  // tables built from the one it replaces, and a process changes its pack a
  // handful of times. Not called while readers are made (see the header).
  static std::mutex replacing;
  static auto* const all_used = new std::vector<const LanguagePack*>;  // never destroyed either
  const std::lock_guard lock(replacing);
  const LanguagePack* used = all_used->emplace_back(new LanguagePack(std::move(pack)));
  g_pack_in_use.store(used, std::memory_order_release);
}

}  // namespace crosscheck
