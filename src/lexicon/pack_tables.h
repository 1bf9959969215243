// Lookup tables built from the language pack in use, once per pack. Private.
#pragma once

#include <atomic>
#include <mutex>

#include "crosscheck/language.h"

namespace crosscheck {

/// The `Tables` (constructible from a LanguagePack) of the pack in use,
/// built on first use after the pack changes. Each lookup pays two atomic
/// loads and a compare, as a function-local static's guard does. Tables of
/// a pack replaced are kept: a reader made before may hold pointers into them.
template <typename Tables>
const Tables& tables_of_pack_in_use() {
  struct Built {
    const LanguagePack* pack;
    Tables tables;
  };
  static std::atomic<const Built*> current{nullptr};
  const LanguagePack& pack = language_pack();
  if (const Built* built = current.load(std::memory_order_acquire); built && built->pack == &pack) {
    return built->tables;
  }
  static std::mutex building;
  const std::lock_guard lock(building);
  const Built* built = current.load(std::memory_order_acquire);
  if (!built || built->pack != &pack) {
    built = new Built{&pack, Tables(pack)};
    current.store(built, std::memory_order_release);
  }
  return built->tables;
}

}  // namespace crosscheck
