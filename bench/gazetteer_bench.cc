// Times the built-in gazetteer: the first lookup (which indexes the rows),
// then many lookups of names, demonyms and parent chains, in CPU seconds of
// this process (the VM is shared: CPU time moves less than wall time).
//
//   crosscheck_gazetteer_bench [ROUNDS]      # default 20
//
// The names are the ones news writes, namesakes, other names and misses
// ("Tuesdays"), looked up ROUNDS times each.
#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdlib>
#include <ctime>
#include <string_view>

#include "crosscheck/gazetteer.h"

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

constexpr std::string_view kNames[] = {
    "Derna",
    "Darnah",
    "Libya",
    "Paris",
    "Kyiv",
    "Kiev",
    "Türkiye",
    "Turkey",
    "Gaza",
    "the West Bank",
    "Khan Sheikhoun",
    "Idlib",
    "Syria",
    "Lahaina",
    "Hawaii",
    "Krasnogorsk",
    "Moscow Oblast",
    "U.S.",
    "United States",
    "Kabul",
    "Springfield",
    "Tuesdays",
    "Suicide Bombing Near",
    "INS Mysore",
    "Ivory Coast",
    "Burma",
    "UK",
    "São Paulo",
    "Zürich",
    "Mecca",
};
constexpr std::string_view kDemonyms[] = {"Palestinians", "Gazans", "Israelis", "Afghans", "Americans", "Britons"};

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  if (rounds <= 0) {
    fmt::print(stderr, "usage: crosscheck_gazetteer_bench [ROUNDS]\n");
    return 2;
  }
  const crosscheck::Gazetteer& gazetteer = crosscheck::Gazetteer::built_in();
  double start = cpu_seconds();
  const auto first = gazetteer.lookup("Derna");
  const double first_lookup = cpu_seconds() - start;

  std::size_t found = 0, lookups = 0;
  start = cpu_seconds();
  for (int round = 0; round < rounds; ++round) {
    for (std::string_view name : kNames) {
      for (const auto& place : gazetteer.lookup(name)) found += 1 + gazetteer.ancestors(place).size();
      ++lookups;
    }
    for (std::string_view word : kDemonyms) {
      found += gazetteer.demonym(word).size();
      ++lookups;
    }
  }
  const double all = cpu_seconds() - start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print(
      "places {}, first lookup (builds the index) {:.1f} ms, {} lookups with their chains {:.1f} us each "
      "({} places and ancestors), peak RSS {:.1f} MB\n",
      gazetteer.size(), first_lookup * 1e3, lookups, all / static_cast<double>(lookups) * 1e6, found,
      static_cast<double>(usage.ru_maxrss) / 1024.0);
  return first.empty() ? 1 : 0;
}
