#include "crosscheck/rules.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "crosscheck/graph.h"
#include "crosscheck/reports.h"

namespace {

const crosscheck::Lexicon& lexicon() {
  static crosscheck::DiagnosticSink sink;
  static const crosscheck::Lexicon loaded = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  return loaded;
}

// A claim as the claims stage would give it.
crosscheck::Claim claim(std::string text, double low, double high, std::string source, std::string authority = "",
                        std::string date = "2024-05-12", std::string entity = "Gaza", std::string metric = "deaths",
                        std::string subject = "") {
  static std::uint32_t line = 0;
  crosscheck::Claim c;
  c.article = source + "-" + date + "-" + std::to_string(++line);
  c.source = std::move(source);
  c.file = "test.md";
  c.line = line;
  c.column = 1;
  c.text = std::move(text);
  c.figure.value = low;
  c.figure.low = low;
  c.figure.high = high;
  c.figure.qualifier = low == high ? crosscheck::Qualifier::exact : crosscheck::Qualifier::at_least;
  c.figure.unit = "people";
  c.metric = std::move(metric);
  c.entity = std::move(entity);
  c.subject = std::move(subject);
  c.reference_date = crosscheck::parse_date(date);
  if (!authority.empty()) c.attribution = crosscheck::Attribution{authority, authority, "said", ""};
  c.sentence = "The toll was " + c.text + ".";
  return c;
}

std::vector<crosscheck::Rule> rules_from(const std::string& name, const std::string& yaml) {
  crosscheck::DiagnosticSink sink;
  auto rules = crosscheck::load_rules({{name, yaml}}, lexicon(), sink);
  REQUIRE(sink.diagnostics().empty());
  return rules;
}

// The findings of the built-in rule `id` alone over `claims`.
std::vector<crosscheck::Finding> built_in_rule_findings(const std::string& id,
                                                        const std::vector<crosscheck::Claim>& claims) {
  crosscheck::DiagnosticSink sink;
  auto rules = crosscheck::load_rules(crosscheck::default_rule_sources(), lexicon(), sink);
  std::erase_if(rules, [&](const crosscheck::Rule& rule) { return rule.id != id; });
  REQUIRE(rules.size() == 1);
  return crosscheck::evaluate(rules, crosscheck::ClaimGraph(claims, lexicon()), lexicon());
}

std::vector<std::string> problems_of(const std::vector<crosscheck::RuleSource>& sources) {
  crosscheck::DiagnosticSink sink;
  crosscheck::load_rules(sources, lexicon(), sink);
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics()) out.push_back(fmt::format("{}", d));
  return out;
}

constexpr double kInf = crosscheck::Quantity::kInfinity;

}  // namespace

TEST_CASE("rule files are validated strictly, every problem with its place", "[rules]") {
  CHECK(problems_of({{"rules/toll.yaml", "kind: conflict\ntolerence: 5%\n"}}) ==
        std::vector<std::string>{"rules/toll.yaml:2:1: error: unknown key 'tolerence'; did you mean 'tolerance'?"});
  CHECK(problems_of({{"rules/toll.yaml", "kind: conflcit\n"}}) ==
        std::vector<std::string>{"rules/toll.yaml:1:7: error: unknown kind 'conflcit'; did you mean 'conflict'?"});
  CHECK(problems_of({{"rules/toll.yaml", "kind: conflict\nselect:\n  metrics: [death]\n"}}) ==
        std::vector<std::string>{"rules/toll.yaml:3:13: error: unknown metric 'death'; did you mean 'deaths'?"});
  CHECK(problems_of({{"rules/toll.yaml", "kind: conflict\ntolerance: five percent\nwindow_days: soon\n"}}) ==
        std::vector<std::string>{
            "rules/toll.yaml:2:12: error: tolerance 'five percent' is not a tolerance; write a share such as '5%' or "
            "an amount such as '100'",
            "rules/toll.yaml:3:14: error: 'window_days' must be a number from 0 to 3650, not 'soon'"});
  CHECK(problems_of({{"rules/toll.yaml", "severity: error\n"}}) ==
        std::vector<std::string>{
            "rules/toll.yaml:1:1: error: rule has no 'kind'; add one of: conflict, unattributed, bound, trend"});
  CHECK(problems_of({{"a/toll.yaml", "kind: trend\n"}, {"b/toll.yml", "kind: trend\n"}}) ==
        std::vector<std::string>{"b/toll.yml:1:1: error: duplicate rule id 'toll'; rename one of the two files\n"
                                 "a/toll.yaml:1:1: note: the id is first used here"});
}

TEST_CASE("rule files refuse NaN, infinities, bad windows and duplicate keys, each at its place", "[rules]") {
  // Found by issue 14: each of these was accepted, and the rule then found nothing.
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\ntolerance: nan%\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:12: error: tolerance 'nan%' is not a tolerance; write a share such as "
                                 "'5%' or an amount such as '100'"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\ntolerance: inf\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:12: error: tolerance 'inf' is not a tolerance; write a share such as "
                                 "'5%' or an amount such as '100'"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\nwindow_days: .nan\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:14: error: 'window_days' must be a number from 0 to 3650, not '.nan'"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\nwindow_days: .inf\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:14: error: 'window_days' must be a number from 0 to 3650, not '.inf'"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\nwindow_days: -3\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:14: error: 'window_days' must be a number from 0 to 3650, not '-3'"});
  CHECK(
      problems_of({{"r/t.yaml", "kind: conflict\nwindow_days: 2.5\n"}}) ==
      std::vector<std::string>{"r/t.yaml:2:14: error: 'window_days' must be a whole number from 0 to 3650, not '2.5'"});
  CHECK(problems_of({{"r/t.yaml", "kind: unattributed\nselect:\n  min_value: -.inf\n"}}) ==
        std::vector<std::string>{"r/t.yaml:3:14: error: 'min_value' must be a number from 0 to 1e+18, not '-.inf'"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\ntolerance: 5%\nseverity: error\ntolerance: 50%\n"}}) ==
        std::vector<std::string>{"r/t.yaml:4:1: error: duplicate key 'tolerance'; the later would silently replace "
                                 "the first: keep one\n"
                                 "r/t.yaml:2:1: note: first given here"});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\nselect:\n  metrics: [deaths]\n  metrics: [injuries]\n"}}) ==
        std::vector<std::string>{"r/t.yaml:4:3: error: duplicate key 'metrics'; the later would silently replace "
                                 "the first: keep one\n"
                                 "r/t.yaml:3:3: note: first given here"});
}

TEST_CASE("a rules folder: unreadable *.yaml entries and an empty folder are errors", "[rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("crosscheck-rules-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto read = [&] {
    crosscheck::DiagnosticSink sink;
    const auto sources = crosscheck::read_rule_dir(dir, sink);
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) out.push_back(fmt::format("{}", d));
    return std::pair{sources.size(), out};
  };
  const std::string at = dir.generic_string();
  CHECK(read() == std::pair{std::size_t{0}, std::vector<std::string>{
                                                at + ": error: the rules folder holds no rule files (*.yaml), so no "
                                                     "rule would run; add rule files, or leave out --rules to run "
                                                     "the built-in rules"}});
  { std::ofstream(dir / "good.yaml") << "kind: trend\n"; }
  fs::create_symlink(dir / "gone.yaml", dir / "broken.yaml");
  fs::create_directory(dir / "folder.yaml");
  fs::create_symlink("/dev/null", dir / "device.yaml");
  REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
  fs::create_symlink(dir / "loop.yaml", dir / "loop.yaml");
  const auto [count, problems] = read();
  CHECK(count == 1);
  CHECK(problems == std::vector<std::string>{
                        at + "/broken.yaml: error: cannot read rule file: a broken symbolic link (its target is "
                             "missing); fix or remove the link",
                        at + "/device.yaml: error: cannot read rule file: a device, not a file; replace it with a "
                             "regular file",
                        at + "/fifo.yaml: error: cannot read rule file: a FIFO, not a file; replace it with a regular "
                             "file",
                        at + "/folder.yaml: error: cannot read rule file: a folder, not a file; rename it or move it "
                             "out",
                        at + "/loop.yaml: error: cannot read rule file: a symbolic link loop; fix or remove the link",
                    });
  fs::remove_all(dir);
}

TEST_CASE("selected entities must be known, and 'info' is a severity", "[rules]") {
  CHECK(problems_of({{"rules/toll.yaml", "kind: conflict\nseverity: info\nselect:\n  entities: [Gazza]\n"}}) ==
        std::vector<std::string>{"rules/toll.yaml:4:14: error: unknown entity 'Gazza'; did you mean 'Gaza'?"});
}

TEST_CASE("conflict: the tolerance boundary, and an empty key", "[rules]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 5%\n");
  // 1,000 widened by 5% reaches 1,050; 1,100 widened down reaches 1,045: they overlap.
  const std::vector<crosscheck::Claim> touching = {claim("1,000", 1000, 1000, "A"), claim("1,100", 1100, 1100, "B")};
  const crosscheck::ClaimGraph close(touching, lexicon());
  CHECK(crosscheck::evaluate(rules, close, lexicon()).empty());
  // 1,000 and 1,120 (down to 1,064) no longer meet.
  const std::vector<crosscheck::Claim> apart = {claim("1,000", 1000, 1000, "A"), claim("1,120", 1120, 1120, "B")};
  const crosscheck::ClaimGraph far(apart, lexicon());
  CHECK(crosscheck::evaluate(rules, far, lexicon()).size() == 1);
  // No claims at all: no findings, no crash.
  const std::vector<crosscheck::Claim> none;
  const crosscheck::ClaimGraph empty(none, lexicon());
  CHECK(crosscheck::evaluate(rules, empty, lexicon()).empty());
  // A figure with no metric has no key and is never compared.
  std::vector<crosscheck::Claim> unkeyed = {claim("1,000", 1000, 1000, "A"), claim("9,000", 9000, 9000, "B")};
  unkeyed[1].metric.clear();
  const crosscheck::ClaimGraph partial(unkeyed, lexicon());
  CHECK(crosscheck::evaluate(rules, partial, lexicon()).empty());
}

TEST_CASE("the built-in rules load", "[rules]") {
  crosscheck::DiagnosticSink sink;
  const auto rules = crosscheck::load_rules(crosscheck::default_rule_sources(), lexicon(), sink);
  CHECK(sink.diagnostics().empty());
  REQUIRE(rules.size() == 6);
  CHECK(rules[0].id == "conflicting-death-toll");
  CHECK(rules[0].kind == crosscheck::RuleKind::conflict);
  CHECK(rules[0].tolerance.amount == 2);
  CHECK(rules[0].tolerance.percent);
  CHECK(rules[0].max_ratio == 5);
}

TEST_CASE("the built-in death-toll rule sets a strike's toll against another count of it, not against the war's",
          "[rules][scope]") {
  // One day's coverage of a war: a hospital blast's toll from two sides, and
  // the war's running toll. The blast's 471 and the war's 4,137 are nine
  // times apart: a part and its whole, not rivals. The blast's 471 and the
  // "100 to 300" of another assessment are.
  const std::vector<crosscheck::Claim> claims = {
      claim("471", 471, 471, "Harbor Daily", "Gaza Health Ministry", "2023-10-20"),
      claim("4,137", 4137, 4137, "Levant Courier", "Palestinian officials", "2023-10-20"),
      claim("100 to 300", 100, 300, "Meridian Wire", "U.S. intelligence", "2023-10-20"),
  };
  const auto findings = built_in_rule_findings("conflicting-death-toll", claims);
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].clusters.size() == 2);
  CHECK(findings[0].clusters[0].claims == std::vector<std::size_t>{2});
  CHECK(findings[0].clusters[1].claims == std::vector<std::size_t>{0});
}

TEST_CASE("the built-in falling-toll rule: a blast's toll after the war's is no fall", "[rules][scope]") {
  // The ministry's war toll one day, its toll for one blast the next: a
  // figure under a fifth of the last is another count, not a fall. Its war
  // toll given as 3,000 the day after 3,785 is a fall.
  const auto falls_after = [](double later) {
    const std::vector<crosscheck::Claim> claims = {
        claim("3,785", 3785, 3785, "Harbor Daily", "Gaza Health Ministry", "2023-10-19"),
        claim("later", later, later, "Levant Courier", "Gaza Health Ministry", "2023-10-20"),
    };
    return built_in_rule_findings("falling-toll", claims).size();
  };
  CHECK(falls_after(471) == 0);
  CHECK(falls_after(3000) == 1);
  // A count under ten is one incident's, never a running toll: 16 at a church, then 5 at a camp.
  const std::vector<crosscheck::Claim> small = {
      claim("16", 16, 16, "Harbor Daily", "Gaza Health Ministry", "2023-10-19"),
      claim("five", 5, 5, "Levant Courier", "Gaza Health Ministry", "2023-10-20"),
  };
  CHECK(built_in_rule_findings("falling-toll", small).empty());
}

TEST_CASE("conflict: clusters of figures that can all hold, and how many authorities back each", "[rules]") {
  const std::vector<crosscheck::Claim> claims = {
      claim("35,034", 35034, 35034, "Meridian Wire", "Gaza Health Ministry"),
      claim("35,091", 35091, 35091, "Harbor Daily", "Gaza Health Ministry", "2024-05-13"),
      claim("35,000", 35000, 35000, "Levant Courier", "Gaza Health Ministry", "2024-05-13"),
      claim("24,686", 24686, 24686, "Levant Courier", "UN OCHA", "2024-05-13"),
      claim("10,000", 10000, 10000, "Old Paper", "Gaza Health Ministry", "2023-11-01"),  // outside the window
  };
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\nseverity: error\ntolerance: 2%\nacross: sources\n");
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 1);
  const crosscheck::Finding& finding = findings[0];
  CHECK(finding.rule == "toll");
  CHECK(finding.severity == crosscheck::Severity::error);
  REQUIRE(finding.clusters.size() == 2);
  CHECK(finding.clusters[0].claims == std::vector<std::size_t>{3});
  // The Levant Courier's own 35,000 is left out: under `across: sources` the
  // outlet's two figures are one voice, and only other outlets dispute it.
  CHECK(finding.clusters[1].claims == std::vector<std::size_t>{0, 1});
  // Two outlets repeating one ministry are one authority.
  CHECK(finding.clusters[1].authorities == std::vector<std::string>{"Gaza Health Ministry"});
  CHECK(finding.reasons.front() == "different authorities");
  CHECK(finding.message ==
        "2 figures for deaths in Gaza that cannot all hold: 24,686 (Levant Courier, UN OCHA) vs 35,034 (Meridian "
        "Wire, Gaza Health Ministry)");
}

TEST_CASE("conflict: a finding lists only the figures that another voice disputes", "[rules]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 2%\nacross: authorities\n");
  // One ministry's two counts (a province and the country, or an update)
  // are one voice: no finding.
  const std::vector<crosscheck::Claim> one_voice = {claim("2,497", 2497, 2497, "Wire", "Interior Ministry"),
                                                    claim("1,452", 1452, 1452, "Wire", "Interior Ministry")};
  CHECK(crosscheck::evaluate(rules, crosscheck::ClaimGraph(one_voice, lexicon()), lexicon()).empty());
  // The outlet's own unattributed figures are one voice too.
  const std::vector<crosscheck::Claim> own = {claim("60", 60, 60, "Courier"), claim("413", 413, 413, "Courier")};
  CHECK(crosscheck::evaluate(rules, crosscheck::ClaimGraph(own, lexicon()), lexicon()).empty());
  // The police's "at least 400" holds with both of the ministry's counts:
  // nobody disputes the ministry, which only counted two things.
  std::vector<crosscheck::Claim> undisputed = one_voice;
  undisputed.push_back(claim("at least 400", 400, kInf, "Post", "police"));
  CHECK(crosscheck::evaluate(rules, crosscheck::ClaimGraph(undisputed, lexicon()), lexicon()).empty());
  // The Red Crescent's 1,600 disputes both.
  std::vector<crosscheck::Claim> disputed = undisputed;
  disputed.push_back(claim("1,600", 1600, 1600, "Post", "Red Crescent"));
  const auto findings = crosscheck::evaluate(rules, crosscheck::ClaimGraph(disputed, lexicon()), lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].clusters.size() == 3);
  // Given in one article, the ministry's two counts are two things (a blast's
  // toll and the day's, a toll and the one it revises): the finding sets
  // only the first the article gives against the Red Crescent.
  std::vector<crosscheck::Claim> one_article = disputed;
  one_article[1].article = one_article[0].article;
  const auto first_only = crosscheck::evaluate(rules, crosscheck::ClaimGraph(one_article, lexicon()), lexicon());
  REQUIRE(first_only.size() == 1);
  REQUIRE(first_only[0].clusters.size() == 2);
  CHECK(first_only[0].clusters[0].claims == std::vector<std::size_t>{3});
  CHECK(first_only[0].clusters[1].claims == std::vector<std::size_t>{0});
  // Of one day, the first the article gives; of two days, the later day's:
  // "By Friday, 310 ..." revises Thursday's 200.
  std::vector<crosscheck::Claim> updated = {claim("200", 200, 200, "Wire", "ministry", "2024-05-09"),
                                            claim("310", 310, 310, "Wire", "ministry", "2024-05-10"),
                                            claim("305", 305, 305, "Coast", "Red Crescent", "2024-05-10")};
  updated[1].article = updated[0].article;
  const auto latest = crosscheck::evaluate(rules, crosscheck::ClaimGraph(updated, lexicon()), lexicon());
  CHECK(latest.empty());
  // Under `across: any` every figure is its own voice.
  const auto any = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 2%\nacross: any\n");
  CHECK(crosscheck::evaluate(any, crosscheck::ClaimGraph(one_voice, lexicon()), lexicon()).size() == 1);
}

TEST_CASE("conflict: what must not fire", "[rules]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 2%\nacross: sources\n");
  // "over 35,000" and "at least 35,000" and "35,500" all hold together.
  const std::vector<crosscheck::Claim> agree = {claim("over 35,000", 35000, kInf, "A"),
                                                claim("at least 35,000", 35000, kInf, "B"),
                                                claim("35,500", 35500, 35500, "C")};
  const crosscheck::ClaimGraph agreeing(agree, lexicon());
  CHECK(crosscheck::evaluate(rules, agreeing, lexicon()).empty());
  // One outlet that disagrees with itself is not a cross-source conflict.
  const std::vector<crosscheck::Claim> one = {claim("1,000", 1000, 1000, "A"), claim("9,000", 9000, 9000, "A")};
  const crosscheck::ClaimGraph single(one, lexicon());
  CHECK(crosscheck::evaluate(rules, single, lexicon()).empty());
  // Different places and different metrics never conflict.
  const std::vector<crosscheck::Claim> apart = {claim("1,000", 1000, 1000, "A"),
                                                claim("9,000", 9000, 9000, "B", "", "2024-05-12", "Rafah"),
                                                claim("9,000", 9000, 9000, "C", "", "2024-05-12", "Gaza", "injuries")};
  const crosscheck::ClaimGraph different(apart, lexicon());
  CHECK(crosscheck::evaluate(rules, different, lexicon()).empty());
}

TEST_CASE("conflict: a figure placed only by its event's other articles is disputed when someone is credited",
          "[rules][places]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 2%\nacross: sources\n");
  const auto placed_by_event = [](crosscheck::Claim c) {
    c.entity_from = crosscheck::PlaceFrom::event;
    return c;
  };
  // A headline's "Thirty Killed", placed by the folder and credited to no one: not set against the toll.
  const std::vector<crosscheck::Claim> headline = {claim("at least 43", 43, kInf, "A", "Syrian Observatory"),
                                                   placed_by_event(claim("Thirty", 30, 30, "B"))};
  const crosscheck::ClaimGraph weak(headline, lexicon());
  CHECK(crosscheck::evaluate(rules, weak, lexicon()).empty());
  // The same figure credited to a source is the comparison event places are for.
  const std::vector<crosscheck::Claim> credited = {claim("at least 43", 43, kInf, "A", "Syrian Observatory"),
                                                   placed_by_event(claim("Thirty", 30, 30, "B", "civil defence"))};
  const crosscheck::ClaimGraph firm(credited, lexicon());
  const auto findings = crosscheck::evaluate(rules, firm, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims.size() == 2);
}

TEST_CASE("conflict: qualifiers and windows as a reader takes them", "[rules]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\ntolerance: 2%\n");
  auto nearly = [](std::string text, double v, std::string source) {
    crosscheck::Claim c = claim(std::move(text), v * 0.95, v, std::move(source), "", "2024-05-12", "Gaza", "injuries");
    c.figure.high_open = true;
    c.figure.qualifier = crosscheck::Qualifier::nearly;
    return c;
  };
  // 78,500 injured and nearly 80,000 wounded agree.
  const std::vector<crosscheck::Claim> injured = {
      claim("78,500", 78500, 78500, "A", "", "2024-05-12", "Gaza", "injuries"), nearly("nearly 80,000", 80000, "B")};
  const crosscheck::ClaimGraph agree(injured, lexicon());
  CHECK(crosscheck::evaluate(rules, agree, lexicon()).empty());
  // 35,000 in May and 40,000 in August are growth, not a conflict.
  const std::vector<crosscheck::Claim> growth = {claim("35,000", 35000, 35000, "A", "", "2024-05-12"),
                                                 claim("40,000", 40000, 40000, "B", "", "2024-08-20")};
  const crosscheck::ClaimGraph months(growth, lexicon());
  CHECK(crosscheck::evaluate(rules, months, lexicon()).empty());
  // "at least 3,958" is [3958, inf): 11,300 lies inside it, so the two can both hold.
  const std::vector<crosscheck::Claim> derna = {claim("11,300", 11300, 11300, "A", "", "2023-09-14", "Derna"),
                                                claim("at least 3,958", 3958, kInf, "B", "", "2023-09-15", "Derna")};
  const crosscheck::ClaimGraph open_ended(derna, lexicon());
  CHECK(crosscheck::evaluate(rules, open_ended, lexicon()).empty());
  // 11,300 and exactly 3,958 the same days do not.
  const std::vector<crosscheck::Claim> exact = {claim("11,300", 11300, 11300, "A", "", "2023-09-14", "Derna"),
                                                claim("3,958", 3958, 3958, "B", "", "2023-09-15", "Derna")};
  const crosscheck::ClaimGraph counts(exact, lexicon());
  CHECK(crosscheck::evaluate(rules, counts, lexicon()).size() == 1);
}

TEST_CASE("unattributed: a large figure with no source, unless its article gives one", "[rules]") {
  const auto rules =
      rules_from("rules/no-source.yaml", "kind: unattributed\nselect:\n  metrics: [deaths]\n  min_value: 100\n");
  std::vector<crosscheck::Claim> claims = {claim("5,800", 5800, 5800, "A"), claim("40", 40, 40, "B"),
                                           claim("35,000", 35000, 35000, "C"),
                                           claim("35,034", 35034, 35034, "C", "Gaza Health Ministry")};
  claims[3].article = claims[2].article;  // the same article credits a compatible figure
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims == std::vector<std::size_t>{0});
  CHECK(findings[0].message == "deaths figure '5,800' in Gaza is not attributed to anyone");
}

TEST_CASE("unattributed: a figure needs no place to need a source", "[rules][places]") {
  const auto rules =
      rules_from("rules/no-source.yaml", "kind: unattributed\nselect:\n  metrics: [deaths]\n  min_value: 100\n");
  const std::vector<crosscheck::Claim> claims = {claim("125", 125, 125, "A", "", "2021-07-16", "")};
  const auto findings = crosscheck::evaluate(rules, crosscheck::ClaimGraph(claims, lexicon()), lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].key.entity.empty());
  CHECK(findings[0].message == "deaths figure '125' in an unnamed place is not attributed to anyone");
  // A conflict still needs one: two unplaced tolls are not set against each other.
  const auto conflict = rules_from("rules/toll.yaml", "kind: conflict\n");
  const std::vector<crosscheck::Claim> two = {claim("125", 125, 125, "A", "", "2021-07-16", ""),
                                              claim("300", 300, 300, "B", "", "2021-07-16", "")};
  CHECK(crosscheck::evaluate(conflict, crosscheck::ClaimGraph(two, lexicon()), lexicon()).empty());
}

TEST_CASE("bound: a subgroup or a part_of place larger than the largest whole", "[rules]") {
  const auto rules = rules_from("rules/bound.yaml", "kind: bound\ntolerance: 0%\n");
  const std::vector<crosscheck::Claim> claims = {
      claim("12,000", 12000, 12000, "A"),
      claim("15,000", 15000, 15000, "B", "", "2024-05-12", "Gaza", "deaths", "children"),
      claim("7,797", 7797, 7797, "C", "", "2024-05-12", "Gaza", "deaths", "children"),
      claim("20,000", 20000, 20000, "D", "", "2024-05-12", "Rafah"),
  };
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].claims == std::vector<std::size_t>{1, 0});  // 15,000 children > 12,000 in all
  CHECK(findings[1].claims == std::vector<std::size_t>{3, 0});  // Rafah's 20,000 > Gaza's 12,000
}

TEST_CASE("a town and its country: a part and its whole for bound, never rivals in a conflict", "[rules][places]") {
  auto town = claim("500", 500, 500, "A", "", "2024-05-12", "Kandahar");
  town.entity_parents = crosscheck::PlaceChain({"Afghanistan"});
  const std::vector<crosscheck::Claim> claims = {town, claim("100", 100, 100, "B", "", "2024-05-12", "Afghanistan")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  CHECK(graph.parent_of("Kandahar") == "Afghanistan");
  CHECK(crosscheck::evaluate(rules_from("rules/toll.yaml", "kind: conflict\n"), graph, lexicon()).empty());
  const auto bound = crosscheck::evaluate(rules_from("rules/bound.yaml", "kind: bound\n"), graph, lexicon());
  REQUIRE(bound.size() == 1);
  CHECK(bound[0].claims == std::vector<std::size_t>{0, 1});  // Kandahar's 500 > Afghanistan's 100
}

TEST_CASE("the summary counts the claims no conflict could weigh for want of a place", "[reports][places]") {
  std::vector<crosscheck::Claim> claims = {claim("1,000", 1000, 1000, "A"),
                                           claim("9,000", 9000, 9000, "B", "", "2024-05-12", ""),
                                           claim("7", 7, 7, "C", "", "2024-05-12", "", "")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto json = nlohmann::json::parse(crosscheck::render_json({}, graph, {1, 3, 0, 1}));
  CHECK(json["summary"]["claims_without_place"] == 1);  // the 7 has no metric either: nothing to compare
  CHECK(crosscheck::render_text({}, graph, {1, 3, 0, 1}) ==
        "0 findings (0 errors, 0 warnings, 0 notes) from 1 rules over 3 claims in 3 articles; 1 claim without a "
        "place was not compared\n");
}

TEST_CASE("trend: a cumulative toll from one authority that falls", "[rules]") {
  const auto rules = rules_from("rules/trend.yaml", "kind: trend\ntolerance: 1%\n");
  const std::vector<crosscheck::Claim> claims = {
      claim("11,300", 11300, 11300, "A", "UN OCHA", "2023-09-16", "Libya"),
      claim("3,958", 3958, 3958, "B", "UN OCHA", "2023-09-18", "Libya"),
      claim("3,958", 3958, 3958, "B", "World Health Organization", "2023-09-18", "Libya"),
      claim("4,000", 4000, 4000, "C", "World Health Organization", "2023-09-20", "Libya"),
  };
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims == std::vector<std::size_t>{1, 0});
}

TEST_CASE("the graph: keys, part_of and subset_of edges, DOT and GraphML", "[graph]") {
  const std::vector<crosscheck::Claim> claims = {
      claim("12,000", 12000, 12000, "A", "Gaza Health Ministry"),
      claim("5,000", 5000, 5000, "B", "", "2024-05-12", "Gaza", "deaths", "children"),
      claim("900", 900, 900, "C", "", "2024-05-12", "Rafah"),
  };
  const crosscheck::ClaimGraph graph(claims, lexicon());
  CHECK(graph.keys().size() == 3);
  CHECK(graph.keys().at(crosscheck::ClaimKey{"Gaza", "deaths", "", crosscheck::Scope::story}) ==
        std::vector<std::size_t>{0});
  CHECK(graph.parent_of("Rafah") == "Gaza");
  const std::string dot = graph.to_dot();
  CHECK(dot.find("digraph G {") != std::string::npos);
  CHECK(dot.find("[label=\"part_of\"]") != std::string::npos);
  CHECK(dot.find("[label=\"subset_of\"]") != std::string::npos);
  CHECK(dot.find("[label=\"attributed_to\"]") != std::string::npos);
  const std::string graphml = graph.to_graphml();
  CHECK(graphml.find("<graphml") != std::string::npos);
  CHECK(graphml.find("Gaza Health Ministry") != std::string::npos);
}

TEST_CASE("trend: each figure that falls is compared with the authority's peak so far, once", "[rules]") {
  // A toll that rises, then is revised down twice: two findings against the
  // peak of 200, not a third between the two lower figures (one per pair
  // would make a long series quadratic), and none for the same day.
  const auto rules = rules_from("rules/trend.yaml", "kind: trend\ntolerance: 1%\n");
  const std::vector<crosscheck::Claim> claims = {
      claim("100", 100, 100, "A", "Health Ministry", "2024-01-01"),
      claim("200", 200, 200, "B", "Health Ministry", "2024-01-02"),
      claim("150", 150, 150, "C", "Health Ministry", "2024-01-03"),
      claim("140", 140, 140, "D", "Health Ministry", "2024-01-04"),
      claim("130", 130, 130, "E", "Health Ministry", "2024-01-04"),
  };
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].claims == std::vector<std::size_t>{2, 1});
  CHECK(findings[1].claims == std::vector<std::size_t>{3, 1});
  CHECK(findings[2].claims == std::vector<std::size_t>{4, 1});
  CHECK(
      findings[0].message.find("150 (C, Health Ministry) on 2024-01-03 after 200 (B, Health Ministry) on 2024-01-02") !=
      std::string::npos);
}

TEST_CASE("subset_of links each subgroup claim to one claim of the whole: same article, else nearest date", "[graph]") {
  std::vector<crosscheck::Claim> claims = {
      claim("30,000", 30000, 30000, "A", "", "2024-01-10"),
      claim("34,000", 34000, 34000, "B", "", "2024-04-01"),
      claim("35,000", 35000, 35000, "C", "", "2024-05-10"),
      claim("15,000", 15000, 15000, "D", "", "2024-05-12", "Gaza", "deaths", "children"),
      claim("12,000", 12000, 12000, "E", "", "2024-04-03", "Gaza", "deaths", "children"),
  };
  claims[4].article = claims[0].article;  // the January total and an April count of children in one article
  const crosscheck::ClaimGraph graph(claims, lexicon());
  // The subset_of edges of the DOT, as "figure -> figure".
  std::map<std::string, std::string> figure_of_vertex;
  std::vector<std::string> edges;
  std::istringstream dot(graph.to_dot());
  for (std::string line; std::getline(dot, line);) {
    std::smatch match;
    if (std::regex_search(line, match, std::regex(R"(^(\d+)\[label="([^ "]+) \()"))) {
      figure_of_vertex[match[1]] = match[2];
    } else if (std::regex_search(line, match, std::regex(R"(^(\d+)->(\d+) \[label="subset_of"\])"))) {
      edges.push_back(figure_of_vertex[match[1]] + " -> " + figure_of_vertex[match[2]]);
    }
  }
  // May 12's children to May 10's total, the nearest; article A's children to article A's total.
  CHECK(edges == std::vector<std::string>{"15,000 -> 35,000", "12,000 -> 30,000"});
}

TEST_CASE("the JSON report is the design's contract", "[reports]") {
  const std::vector<crosscheck::Claim> claims = {claim("1,000", 1000, 1000, "A"), claim("9,000", 9000, 9000, "B")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\n");
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  const auto json = nlohmann::json::parse(crosscheck::render_json(findings, graph, {1, 2, 0, 1}));
  REQUIRE(json["findings"].size() == 1);
  const auto& finding = json["findings"][0];
  for (const char* key : {"rule", "kind", "severity", "entity", "metric", "message", "claims"}) {
    INFO(key);
    CHECK(finding.contains(key));
  }
  CHECK(finding["claims"].size() == 2);
  CHECK(finding["claims"][0]["text"] == "1,000");
  CHECK(json["summary"]["findings"] == 1);
  CHECK(json["summary"]["claims"] == 2);
}

TEST_CASE("fingerprints name a finding by its rule, key and figures, not by where they stand", "[rules]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\nseverity: error\n");
  const std::vector<crosscheck::Claim> claims = {claim("35,034", 35034, 35034, "Meridian Wire", "Gaza Health Ministry"),
                                                 claim("24,686", 24686, 24686, "Levant Courier", "UN OCHA")};
  auto fingerprint = [&](const std::vector<crosscheck::Claim>& these) {
    const crosscheck::ClaimGraph graph(these, lexicon());
    const auto findings = crosscheck::evaluate(rules, graph, lexicon());
    REQUIRE(findings.size() == 1);
    return findings[0].fingerprint;
  };
  const std::string original = fingerprint(claims);
  CHECK(original.size() == 16);
  CHECK(original.find_first_not_of("0123456789abcdef") == std::string::npos);

  // Lines moved, files renamed, claims in the other order, a date a day on: the same finding.
  std::vector<crosscheck::Claim> moved = {claims[1], claims[0]};
  moved[0].line += 40;
  moved[0].column = 9;
  moved[1].file = "archive/renamed.md";
  moved[1].reference_date = crosscheck::parse_date("2024-05-13");
  CHECK(fingerprint(moved) == original);

  // A changed figure, another article, or another rule: a new finding.
  std::vector<crosscheck::Claim> revised = claims;
  revised[1].text = "24,700";
  revised[1].figure.value = revised[1].figure.low = revised[1].figure.high = 24700;
  CHECK(fingerprint(revised) != original);
  std::vector<crosscheck::Claim> elsewhere = claims;
  elsewhere[0].article = "another-article";
  CHECK(fingerprint(elsewhere) != original);
  const crosscheck::ClaimGraph graph(claims, lexicon());
  crosscheck::Finding renamed = crosscheck::evaluate(rules, graph, lexicon())[0];
  renamed.rule = "toll-v2";
  CHECK(crosscheck::fingerprint_of(renamed, claims) != original);
}

TEST_CASE("baseline files: written sorted with their messages, read back with bad lines placed", "[rules]") {
  const std::vector<crosscheck::Claim> claims = {claim("35,034", 35034, 35034, "Meridian Wire", "Gaza Health Ministry"),
                                                 claim("24,686", 24686, 24686, "Levant Courier", "UN OCHA")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules_from("rules/toll.yaml", "kind: conflict\n"), graph, lexicon());
  REQUIRE(findings.size() == 1);
  const std::string written = crosscheck::render_baseline(findings);
  CHECK(written.find("\n" + findings[0].fingerprint + "  toll  2 figures for deaths in Gaza") != std::string::npos);

  crosscheck::DiagnosticSink sink;
  const auto read = crosscheck::parse_baseline(written, "base.txt", sink);
  CHECK(sink.diagnostics().empty());
  CHECK(read == std::set<std::string>{findings[0].fingerprint});

  const auto mixed =
      crosscheck::parse_baseline("# accepted\n\n  0123456789abcdef  toll  note\nDEADBEEF\n", "b.txt", sink);
  CHECK(mixed == std::set<std::string>{"0123456789abcdef"});
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(fmt::format("{}", sink.diagnostics()[0]) ==
        "b.txt:4:1: error: 'DEADBEEF' is not a fingerprint (16 lower-case hex digits); write the baseline with "
        "'crosscheck check --write-baseline FILE'");
}

TEST_CASE("the table of rule kinds: one row per kind, read by the loader", "[rules]") {
  const auto& kinds = crosscheck::rule_kinds();
  REQUIRE(kinds.size() == 4);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    CHECK(static_cast<std::size_t>(kinds[i].kind) == i);  // in the order of RuleKind
    CHECK(crosscheck::format_as(kinds[i].kind) == kinds[i].name);
    CHECK_FALSE(kinds[i].default_message.empty());
  }
  CHECK(crosscheck::info_of(crosscheck::RuleKind::conflict).charted);
  CHECK_FALSE(crosscheck::info_of(crosscheck::RuleKind::unattributed).charted);
  // A rule without a message gets its kind's.
  const auto rules = rules_from("rules/fall.yaml", "kind: trend\n");
  CHECK(rules[0].message == crosscheck::info_of(crosscheck::RuleKind::trend).default_message);
  CHECK(problems_of({{"rules/x.yaml", "severity: error\n"}}) ==
        std::vector<std::string>{
            "rules/x.yaml:1:1: error: rule has no 'kind'; add one of: conflict, unattributed, bound, trend"});
}

TEST_CASE("a key of another kind is an error where it stands, not silently ignored", "[rules]") {
  CHECK(problems_of({{"rules/u.yaml", "kind: unattributed\nacross: sources\nwindow_days: 3\n"}}) ==
        std::vector<std::string>{
            "rules/u.yaml:2:1: error: 'across' does not apply to a rule of kind 'unattributed' (only to: conflict); "
            "remove it",
            "rules/u.yaml:3:1: error: 'window_days' does not apply to a rule of kind 'unattributed' (only to: "
            "conflict, bound); remove it"});
  // The kind may come after the key: it is read first.
  CHECK(problems_of({{"rules/t.yaml", "allow_same_article: true\nkind: trend\n"}}) ==
        std::vector<std::string>{"rules/t.yaml:1:1: error: 'allow_same_article' does not apply to a rule of kind "
                                 "'trend' (only to: unattributed); remove it"});
  // A key no kind takes still gets its "did you mean".
  CHECK(problems_of({{"rules/c.yaml", "kind: conflict\nacross_: sources\n"}}) ==
        std::vector<std::string>{"rules/c.yaml:2:1: error: unknown key 'across_'; did you mean 'across'?"});
}

TEST_CASE("selected subjects and units must be ones claims can carry", "[rules]") {
  CHECK(problems_of({{"rules/k.yaml",
                      "kind: conflict\nselect:\n  subjects: [childern]\n  units: [people, tonnes, "
                      "USD, km]\n"}}) ==
        std::vector<std::string>{
            "rules/k.yaml:3:14: error: unknown subject 'childern'; did you mean 'children'?",
            "rules/k.yaml:4:19: error: unknown unit 'tonnes'; write it as claims carry it: people, %, a currency "
            "code such as USD, or a symbol such as t or km"});
  CHECK(problems_of({{"rules/k.yaml", "kind: conflict\nselect:\n  subjects: [children]\n  units: [t, '%', mi]\n"}})
            .empty());
}

TEST_CASE("conflict and trend: figures more than max_ratio apart count different things", "[rules][scope]") {
  // A strike's 17 dead and the war's 2,670 the same day: a part, not a rival.
  const std::vector<crosscheck::Claim> apart = {claim("17", 17, 17, "A", "Palestinian news media"),
                                                claim("2,670", 2670, 2670, "B", "health ministry")};
  const crosscheck::ClaimGraph graph(apart, lexicon());
  const auto plain = rules_from("rules/toll.yaml", "kind: conflict\n");
  CHECK(crosscheck::evaluate(plain, graph, lexicon()).size() == 1);
  const auto ratio = rules_from("rules/toll.yaml", "kind: conflict\nmax_ratio: 10\n");
  CHECK(crosscheck::evaluate(ratio, graph, lexicon()).empty());
  // Within the ratio they are compared: 2,228 against 2,670 is a conflict;
  // the 17 is left out of it.
  std::vector<crosscheck::Claim> three = apart;
  three.push_back(claim("2,228", 2228, 2228, "C", "Palestinian officials"));
  const crosscheck::ClaimGraph both(three, lexicon());
  const auto findings = crosscheck::evaluate(ratio, both, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims.size() == 2);
  CHECK(std::find(findings[0].claims.begin(), findings[0].claims.end(), 0u) == findings[0].claims.end());
  // "at least 100" is [100, inf): its scale is 100, and 1,500 is within ten times it.
  const std::vector<crosscheck::Claim> open = {claim("at least 100", 100, kInf, "A", "police"),
                                               claim("1,500", 1500, 1500, "B", "medics")};
  const crosscheck::ClaimGraph open_graph(open, lexicon());
  CHECK(crosscheck::evaluate(ratio, open_graph, lexicon()).empty());
  const std::vector<crosscheck::Claim> near = {claim("at least 100", 100, kInf, "A", "police"),
                                               claim("90", 90, 90, "B", "medics")};
  const crosscheck::ClaimGraph near_graph(near, lexicon());
  CHECK(crosscheck::evaluate(ratio, near_graph, lexicon()).size() == 1);
  // "No one was killed" (0) is of every scale.
  const std::vector<crosscheck::Claim> none = {claim("no one", 0, 0, "A", "police"),
                                               claim("300", 300, 300, "B", "medics")};
  const crosscheck::ClaimGraph none_graph(none, lexicon());
  CHECK(crosscheck::evaluate(ratio, none_graph, lexicon()).size() == 1);
  // A chain of figures each near the next is no one band: from the top,
  // each figure heads the figures within ten times of it (2,670 and 700;
  // 700, 198 and 70; 198, 70 and 27; 70, 27 and 10), so that 2,670 is never
  // set against 10 and no pair within the ratio is lost to a cut.
  const std::vector<crosscheck::Claim> chain = {
      claim("10", 10, 10, "A", "medics"),      claim("27", 27, 27, "B", "White House"),
      claim("70", 70, 70, "C", "ministry"),    claim("198", 198, 198, "D", "ministry"),
      claim("700", 700, 700, "E", "ministry"), claim("2,670", 2670, 2670, "F", "officials")};
  const crosscheck::ClaimGraph chain_graph(chain, lexicon());
  const auto bands = crosscheck::evaluate(ratio, chain_graph, lexicon());
  REQUIRE(bands.size() == 4);
  for (const auto& finding : bands) CHECK(finding.claims.size() <= 3);
  // An unrelated larger figure does not hide a conflict: the ministry's
  // 1,000 and 120 are one authority, the police's 90 against its 120 stays.
  const auto across = rules_from("rules/toll.yaml", "kind: conflict\nmax_ratio: 10\nacross: authorities\n");
  const std::vector<crosscheck::Claim> hidden = {claim("1,000", 1000, 1000, "A", "ministry"),
                                                 claim("120", 120, 120, "B", "ministry"),
                                                 claim("90", 90, 90, "C", "police")};
  const crosscheck::ClaimGraph hidden_graph(hidden, lexicon());
  const auto kept = crosscheck::evaluate(across, hidden_graph, lexicon());
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].claims == std::vector<std::size_t>{2, 1});
  // A trend: the authority's 2,670 then a strike's 17 is no fall.
  const std::vector<crosscheck::Claim> series = {claim("2,670", 2670, 2670, "A", "health ministry", "2023-10-15"),
                                                 claim("17", 17, 17, "B", "health ministry", "2023-10-16"),
                                                 claim("2,500", 2500, 2500, "B", "health ministry", "2023-10-17")};
  const crosscheck::ClaimGraph series_graph(series, lexicon());
  const auto trend = rules_from("rules/fall.yaml", "kind: trend\nmax_ratio: 10\n");
  const auto falls = crosscheck::evaluate(trend, series_graph, lexicon());
  REQUIRE(falls.size() == 1);
  CHECK(falls[0].claims == std::vector<std::size_t>{2, 0});
  // 300 after 400 is a fall whatever larger figure came before it.
  const std::vector<crosscheck::Claim> fall = {claim("5,000", 5000, 5000, "A", "ministry", "2023-10-14"),
                                               claim("400", 400, 400, "B", "ministry", "2023-10-15"),
                                               claim("300", 300, 300, "C", "ministry", "2023-10-16")};
  const crosscheck::ClaimGraph fall_graph(fall, lexicon());
  const auto fell = crosscheck::evaluate(trend, fall_graph, lexicon());
  REQUIRE(fell.size() == 1);  // 400 after 5,000 is not of its scale (5,000 > 10 x 400)
  CHECK(fell[0].claims == std::vector<std::size_t>{2, 1});
  CHECK(problems_of({{"r/t.yaml", "kind: conflict\nmax_ratio: 0.5\n"}}) ==
        std::vector<std::string>{"r/t.yaml:2:12: error: 'max_ratio' must be a number from 1 to 1000000, not '0.5'"});
  CHECK(problems_of({{"r/t.yaml", "kind: unattributed\nmax_ratio: 10\n"}}) ==
        std::vector<std::string>{
            "r/t.yaml:2:1: error: 'max_ratio' does not apply to a rule of kind 'unattributed' (only to: conflict, "
            "trend); remove it"});
}

TEST_CASE("conflict: figures of different scopes are never compared, bound holds an incident within the story",
          "[rules][scope]") {
  auto scoped = [](crosscheck::Claim c, crosscheck::Scope scope) {
    c.scope = scope;
    return c;
  };
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\n");
  // The war's 2,670 and "in a separate attack, 40 were killed".
  const std::vector<crosscheck::Claim> claims = {
      claim("2,670", 2670, 2670, "A", "health ministry"),
      scoped(claim("40", 40, 40, "B", "medics"), crosscheck::Scope::incident),
      scoped(claim("63", 63, 63, "C", "ministry"), crosscheck::Scope::day),
      scoped(claim("another 10", 10, 10, "D", "police"), crosscheck::Scope::part)};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  CHECK(crosscheck::evaluate(rules, graph, lexicon()).empty());
  CHECK(graph.keys().size() == 4);
  // Two incident counts are compared with each other.
  std::vector<crosscheck::Claim> incidents = claims;
  incidents.push_back(scoped(claim("12", 12, 12, "E", "police"), crosscheck::Scope::incident));
  const crosscheck::ClaimGraph two(incidents, lexicon());
  const auto findings = crosscheck::evaluate(rules, two, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].key.scope == crosscheck::Scope::incident);
  CHECK(findings[0].claims.size() == 2);
  // An incident's count above the story's whole is a bound finding.
  const auto bound = rules_from("rules/part.yaml", "kind: bound\n");
  const std::vector<crosscheck::Claim> over = {claim("35", 35, 35, "A", "ministry"),
                                               scoped(claim("40", 40, 40, "B", "medics"), crosscheck::Scope::incident)};
  const crosscheck::ClaimGraph over_graph(over, lexicon());
  CHECK(crosscheck::evaluate(bound, over_graph, lexicon()).size() == 1);
}

TEST_CASE("unattributed: an earlier year's toll told in passing needs no source", "[rules][scope]") {
  const auto rules = rules_from("rules/source.yaml", "kind: unattributed\nallow_same_article: false\n");
  crosscheck::Claim history = claim("170,000", 170000, 170000, "A", "", "2004-01-01", "Aceh");
  history.scope = crosscheck::Scope::background;
  const std::vector<crosscheck::Claim> claims = {history, claim("24", 24, 24, "A", "", "2013-07-03", "Aceh")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims == std::vector<std::size_t>{1});
}

TEST_CASE("select: below takes only figures under it, so that small tolls get a rule of their own", "[rules]") {
  const auto rules = rules_from("rules/small.yaml", "kind: unattributed\nselect:\n  min_value: 1\n  below: 10\n");
  const std::vector<crosscheck::Claim> claims = {claim("three", 3, 3, "A", "", "2024-05-12", "Gaza"),
                                                 claim("10", 10, 10, "B", "", "2024-05-12", "Rafah"),
                                                 claim("no one", 0, 0, "C", "", "2024-05-12", "Khan Younis")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  const auto findings = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].claims == std::vector<std::size_t>{0});
  CHECK(problems_of({{"r/t.yaml", "kind: unattributed\nselect:\n  below: -1\n"}}) ==
        std::vector<std::string>{"r/t.yaml:3:10: error: 'below' must be a number from 0 to 1e+18, not '-1'"});
}

TEST_CASE("an undated article is weighed against dated ones only where they fall in one window, and is counted",
          "[rules][reports]") {
  const auto rules = rules_from("rules/toll.yaml", "kind: conflict\nwindow_days: 2\n");
  auto undated = [](crosscheck::Claim c) {
    c.published.reset();
    c.reference_date.reset();
    return c;
  };
  // Dated figures of one window: the undated 900 is set against them.
  const std::vector<crosscheck::Claim> one = {claim("1,000", 1000, 1000, "A", "", "2024-05-12"),
                                              undated(claim("900", 900, 900, "B"))};
  const crosscheck::ClaimGraph one_window(one, lexicon());
  CHECK(crosscheck::evaluate(rules, one_window, lexicon()).size() == 1);
  // Dated figures of two years: the undated 900 could be of either, and is
  // weighed only against other undated figures (here one that agrees).
  const std::vector<crosscheck::Claim> years = {
      claim("300", 300, 300, "A", "", "2019-06-10"), claim("1,000", 1000, 1000, "B", "", "2024-05-12"),
      undated(claim("900", 900, 900, "C")), undated(claim("about 900", 890, 910, "D"))};
  const crosscheck::ClaimGraph two_years(years, lexicon());
  CHECK(crosscheck::evaluate(rules, two_years, lexicon()).empty());
  // The summary counts the undated articles beside dated ones.
  const auto json = nlohmann::json::parse(crosscheck::render_json({}, two_years, {1, 4, 0, 1}));
  CHECK(json["summary"]["undated_articles"] == 2);
  CHECK(crosscheck::render_text({}, two_years, {1, 4, 0, 1}) ==
        "0 findings (0 errors, 0 warnings, 0 notes) from 1 rules over 4 claims in 4 articles; 2 articles without a "
        "date\n");
}

TEST_CASE("select: the subgroup 'foreign nationals' takes each country's citizens", "[rules]") {
  const auto rules = rules_from("rules/abroad.yaml", "kind: unattributed\nselect:\n  subjects: [foreign nationals]\n");
  const std::vector<crosscheck::Claim> claims = {
      claim("17", 17, 17, "A", "", "2023-10-14", "Israel", "deaths", "foreign nationals (France)"),
      claim("24", 24, 24, "B", "", "2023-10-14", "Israel", "deaths", "foreign nationals"),
      claim("12", 12, 12, "C", "", "2023-10-14", "Israel", "deaths", "foreign nationalsX"),
      claim("30", 30, 30, "D", "", "2023-10-14", "Israel", "deaths", "soldiers")};
  const crosscheck::ClaimGraph graph(claims, lexicon());
  CHECK(crosscheck::evaluate(rules, graph, lexicon()).size() == 2);
}
