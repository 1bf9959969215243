// Lookup tables built from the language pack in use, once per pack. Private.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "crosscheck/language.h"

namespace crosscheck {

/// The pack language_pack() returns, or null before its first call
/// (src/lexicon/language_in_use.cc): read here without a call, since every
/// lookup of the readers checks it.
extern std::atomic<const LanguagePack*> g_pack_in_use;

/// The `Tables` (constructible from a LanguagePack) of the pack in use,
/// built on first use after the pack changes. A lookup pays two loads and a
/// compare, inline (most words of a text are looked up), as a
/// function-local static's guard did. Tables of a pack replaced are kept: a
/// reader made before may hold pointers into them.
template <typename Tables>
class PackTables {
 public:
  [[gnu::always_inline]] static const Tables& get() {
    const Built* built = current_.load(std::memory_order_acquire);
    if (built && built->pack == g_pack_in_use.load(std::memory_order_acquire)) [[likely]] {
      return built->tables;
    }
    return build();
  }

 private:
  struct Built {
    const LanguagePack* pack;
    Tables tables;
  };

  [[gnu::noinline]] static const Tables& build() {
    static std::mutex building;
    const std::lock_guard lock(building);
    const LanguagePack& pack = language_pack();  // loads English on first use
    const Built* built = current_.load(std::memory_order_acquire);
    if (!built || built->pack != &pack) {
      // Never freed, but kept reachable (by a list never destroyed either):
      // a reader made before may still point into the tables this replaces.
      static auto* const all_built = new std::vector<const Built*>;
      built = all_built->emplace_back(new Built{&pack, Tables(pack)});
      current_.store(built, std::memory_order_release);
    }
    return built->tables;
  }

  static inline std::atomic<const Built*> current_{nullptr};
};

}  // namespace crosscheck
