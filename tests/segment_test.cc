#include "crosscheck/segment.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "crosscheck/lexicon.h"
#include "segment/text_scan.h"
#include "test_support.h"

namespace {

crosscheck::Segmenter& default_segmenter() {
  static crosscheck::DiagnosticSink sink;
  static const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  static crosscheck::Segmenter segmenter(lexicon);
  return segmenter;
}

std::vector<std::string> sentences_of(std::string_view text) {
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  std::vector<std::string> out;
  for (const auto& sentence : parts.sentences) out.emplace_back(sentence.view(text));
  return out;
}

}  // namespace

TEST_CASE("tricky sentence ends in wire copy", "[segment]") {
  struct Case {
    std::string_view text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"Ankara welcomed the U.N. General Assembly's backing. He said so.",
       {"Ankara welcomed the U.N. General Assembly's backing.", "He said so."}},
      {"The vote came with the backing of the U.N. He said it was historic.",
       {"The vote came with the backing of the U.N.", "He said it was historic."}},
      {"The U.S. Army and the U.K. Foreign Office agreed.", {"The U.S. Army and the U.K. Foreign Office agreed."}},
      {"Washington sided with the U.S. The move drew protests.",
       {"Washington sided with the U.S.", "The move drew protests."}},
      {"The war began with the Oct. 7 attack. Since Oct. 7, Hamas has held hostages.",
       {"The war began with the Oct. 7 attack.", "Since Oct. 7, Hamas has held hostages."}},
      {"The dam burst on Sept. 10, 2023, in Derna. Thousands died.",
       {"The dam burst on Sept. 10, 2023, in Derna.", "Thousands died."}},
      {"Dr. Tedros Adhanom Ghebreyesus spoke. Gen. Smith did not.",
       {"Dr. Tedros Adhanom Ghebreyesus spoke.", "Gen. Smith did not."}},
      {"Ward No. 5 was full. Did anyone react? No. Nobody did.",
       {"Ward No. 5 was full.", "Did anyone react?", "No.", "Nobody did."}},
      {"Over 35,000 people have died. Officials said 1.4 million were sheltering.",
       {"Over 35,000 people have died.", "Officials said 1.4 million were sheltering."}},
      {"\"We are the country that provides the most aid,\" he said. Then he left.",
       {"\"We are the country that provides the most aid,\" he said.", "Then he left."}},
      {"He asked: “Is it over?” Nobody answered.", {"He asked: “Is it over?”", "Nobody answered."}},
      {"Prices rose 2.5% in Oct. The central bank said more was coming.",
       {"Prices rose 2.5% in Oct.", "The central bank said more was coming."}},
      // Scraped copy that lost the space between two sentences.
      {"It was a two-decade high.The Hamas assault was condemned.",
       {"It was a two-decade high.", "The Hamas assault was condemned."}},
      {"the letter said.Abdah noted it. Shares rose 3.5 pct.It fell on nytimes.com later.",
       {"the letter said.", "Abdah noted it.", "Shares rose 3.5 pct.", "It fell on nytimes.com later."}},
      {"400 have been killed.Israeli troops fought on. Gov.Newsom and Mr.Smith met the U.S.Army in Oct.Five fled.",
       {"400 have been killed.", "Israeli troops fought on.",
        "Gov.Newsom and Mr.Smith met the U.S.Army in Oct.Five fled."}},
      {"Ericsson <eric.St.> and Airbus <ainp.Pa> rose.", {"Ericsson <eric.St.> and Airbus <ainp.Pa> rose."}},
      {"See www.Reuters.com or write to john.Smith@example.com today.",
       {"See www.Reuters.com or write to john.Smith@example.com today."}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(sentences_of(c.text) == c.sentences);
  }
}

TEST_CASE("the seed article splits into its real sentences", "[segment][shared]") {
  const std::optional<std::string> seed_file = crosscheck::testing::seed_text();
  if (!seed_file) return;
  const std::string& seed = *seed_file;
  REQUIRE(!seed.empty());
  const std::vector<std::string> sentences = sentences_of(seed);
  CHECK(sentences.size() == 39);
  CHECK(sentences.front() ==
        "Turkish National Intelligence Organization (MIT) chief Ibrahim Kalın held a meeting with Hamas Political "
        "Bureau Chief Ismail Haniyeh in Doha on Sunday.");
  auto has = [&](std::string_view sentence) {
    return std::find(sentences.begin(), sentences.end(), sentence) != sentences.end();
  };
  // "Oct. 7" inside a sentence.
  CHECK(
      has("The Hamas leadership informed Kalın that the ball was in Israel's court to achieve a full cease-fire "
          "in the Palestinian enclave, where over 35,000 people have died since Oct. 7."));
  // A line that ends with "the U.N." ends its sentence; the next starts with "U.N.".
  CHECK(sentences[10].ends_with("according to the U.N."));
  CHECK(sentences[11].starts_with("U.N. humanitarian office in occupied Palestinian territories said"));
  // "the U.N. General Assembly" does not end a sentence.
  CHECK(
      has("Ankara on Friday welcomed the U.N. General Assembly's backing for a Palestinian bid to become a full "
          "U.N. member."));
  // Two sentences on one line.
  CHECK(
      has("Israel earlier this month launched a ground offensive into Rafah, where over 1.4 million people were "
          "sheltering after Egypt and Qatar-mediated truce talks with Hamas collapsed in Cairo."));
  CHECK(
      has("Hamas had accepted the cease-fire proposal, but Israel rejected it, claiming it did not meet its key "
          "demands."));
  // "No." answering a question is a sentence of its own.
  CHECK(has("\"And did Netanyahu see any serious reaction to his spoiled behavior?"));
  CHECK(has("No."));
  CHECK(sentences.back() ==
        "\"We saw that those who said the right to protest was sacred until yesterday can't tolerate demonstrations "
        "that support Palestine.\"");
}

TEST_CASE("the seed's quotations, including one that spans three sentences", "[segment][shared]") {
  const std::optional<std::string> seed_file = crosscheck::testing::seed_text();
  if (!seed_file) return;
  const std::string& seed = *seed_file;
  const crosscheck::SegmentedText parts = default_segmenter().segment(seed);
  CHECK(parts.quotes.size() == 15);
  const std::size_t no = seed.find("behavior? No. Neither");
  const crosscheck::Quote* quote = parts.quote_at(no);
  REQUIRE(quote != nullptr);
  CHECK(quote->closed);
  CHECK(quote->view(seed).starts_with("\"And did Netanyahu"));
  CHECK(quote->view(seed).ends_with("into a cease-fire.\""));
  // The figure in the Turkish president's aid quote sits inside a quotation.
  const crosscheck::Quote* aid = parts.quote_at(seed.find("54,000 tons"));
  REQUIRE(aid != nullptr);
  CHECK(aid->view(seed) == "\"approximately 54,000 tons.\"");
  // A figure in the narrative is outside every quotation.
  CHECK(parts.quote_at(seed.find("78,500")) == nullptr);
}

TEST_CASE("quotations: curly and straight, across sentences, left open at a paragraph end", "[segment]") {
  const std::string text =
      "“We have lost everything. The water took it all,” a survivor said.\n\n"
      "The mayor said: \"We need help\" and left.\n\n"
      "“The toll will rise,\n\n"
      "“because many are missing,” he said.";
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  REQUIRE(parts.quotes.size() == 4);
  CHECK(parts.quotes[0].view(text) == "“We have lost everything. The water took it all,”");
  CHECK(parts.quotes[1].view(text) == "\"We need help\"");
  CHECK(parts.quotes[2].view(text) == "“The toll will rise,");
  CHECK_FALSE(parts.quotes[2].closed);
  CHECK(parts.quotes[3].view(text) == "“because many are missing,”");
  CHECK(parts.quotes[3].closed);
}

TEST_CASE("quotations closed by two apostrophes, as tokenized text writes them", "[segment]") {
  // The governor's quotation ends at '', not at the next straight quote mark
  // two sentences later, so the officials' figure is no part of it.
  const std::string text =
      "\"For now there are 9,000 refugees, '' the governor said. Officials said 12 camps were set up. "
      "\"We need tents, '' a mayor said. \"No '' here";
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  REQUIRE(parts.quotes.size() == 3);
  CHECK(parts.quotes[0].view(text) == "\"For now there are 9,000 refugees, ''");
  CHECK(parts.quotes[1].view(text) == "\"We need tents, ''");
  CHECK(parts.quotes[2].view(text) == "\"No ''");
  CHECK(parts.quote_at(text.find("12 camps")) == nullptr);
  // A curly quotation ends at its own mark, whatever it quotes.
  const std::string curly = "\u201cHe said ''no'' to 12 of them,\u201d she said.";
  const crosscheck::SegmentedText curly_parts = default_segmenter().segment(curly);
  REQUIRE(curly_parts.quotes.size() == 1);
  CHECK(curly_parts.quotes[0].view(curly) == "\u201cHe said ''no'' to 12 of them,\u201d");
  // Without one, a quotation still runs to the paragraph's end.
  const std::string open = "\"For now there are 9,000 refugees, the governor said. Officials said 12 camps.";
  const crosscheck::SegmentedText open_parts = default_segmenter().segment(open);
  REQUIRE(open_parts.quotes.size() == 1);
  CHECK_FALSE(open_parts.quotes[0].closed);
}

TEST_CASE("paragraphs are separated by blank lines, sentences know theirs", "[segment]") {
  const std::string text = "  First paragraph. Still first.\n   \nSecond one.\n\n\nThird.\n";
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  REQUIRE(parts.paragraphs.size() == 3);
  CHECK(parts.paragraphs[0].view(text) == "First paragraph. Still first.");
  CHECK(parts.paragraphs[2].view(text) == "Third.");
  REQUIRE(parts.sentences.size() == 4);
  CHECK(parts.sentences[1].paragraph == 0);
  CHECK(parts.sentences[2].paragraph == 1);
  CHECK(parts.sentences[3].paragraph == 2);
}

TEST_CASE("hard-wrapped newswire reads as running sentences, a headline line stands alone", "[segment]") {
  const std::string text =
      "Gaza toll passes 35,000\n"
      "Showers continued throughout the week in\n"
      "the Bahia cocoa zone, alleviating the drought since early\n"
      "January and improving prospects for the coming temporao,\n"
      "although normal humidity levels have not been restored.\n"
      "Arrivals for the week ended February 22 were 155,221 bags.";
  CHECK(sentences_of(text) ==
        std::vector<std::string>{
            "Gaza toll passes 35,000",
            "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
            "January and improving prospects for the coming temporao,\nalthough normal humidity levels have not "
            "been restored.",
            "Arrivals for the week ended February 22 were 155,221 bags."});
}

TEST_CASE("newswire wrapped at 65 columns, with short first lines and indented paragraphs", "[segment]") {
  const std::string text =
      "Harbor Grain Co and Delta Milling\n"
      "Corp said they agreed to merge their export operations, creating\n"
      "the largest grain shipper on the Gulf coast of the U.S.\n"
      "    Delta Milling is a unit of Western Foods Inc, which holds a\n"
      "40 pct stake in Harbor Grain, the companies said.\n";
  CHECK(sentences_of(text) ==
        std::vector<std::string>{
            "Harbor Grain Co and Delta Milling\nCorp said they agreed to merge their export operations, creating\n"
            "the largest grain shipper on the Gulf coast of the U.S.",
            "Delta Milling is a unit of Western Foods Inc, which holds a\n40 pct stake in Harbor Grain, the "
            "companies said."});
  CHECK(default_segmenter().segment(text).paragraphs.size() == 2);
}

TEST_CASE("a line break inside a capitalized name is no sentence end, a title-case heading still is", "[segment]") {
  // Newswire whose dateline was cut off leaves a short first line that
  // stops inside "New Zealand"; a heading in title case stands alone.
  const std::string text =
      "Normal work has resumed at New\n"
      "Zealand ports as negotiations between harbour board workers and\n"
      "employers continue, the union said on Tuesday.\n\n"
      "Quake Hits Aceh Province\n"
      "Rescuers searched the rubble of the town for survivors of the\n"
      "quake that struck on Tuesday, the agency said in a statement.\n";
  CHECK(sentences_of(text) ==
        std::vector<std::string>{"Normal work has resumed at New\nZealand ports as negotiations between harbour board "
                                 "workers and\nemployers continue, the union said on Tuesday.",
                                 "Quake Hits Aceh Province",
                                 "Rescuers searched the rubble of the town for survivors of the\nquake that struck on "
                                 "Tuesday, the agency said in a statement."});
}

TEST_CASE("sentence offsets map back to lines and columns", "[segment]") {
  const std::string text = "Title line\n\nErdoğan spoke. Türkiye sent 54,000 tons.";
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  REQUIRE(parts.sentences.size() == 3);
  CHECK(parts.lines.locate(parts.sentences[2].begin) == crosscheck::LineIndex::Position{3, 16});
}

TEST_CASE("empty and blank texts have no sentences", "[segment]") {
  CHECK(sentences_of("").empty());
  CHECK(sentences_of(" \n\n\t\n").empty());
}

TEST_CASE("a user lexicon changes what ends a sentence", "[segment]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon =
      crosscheck::load_lexicon({{"user.yaml", "abbreviations:\n  title: [Insp.]\n"}}, sink);
  REQUIRE(sink.diagnostics().empty());
  crosscheck::Segmenter segmenter(lexicon);
  const std::string text = "Insp. Morse arrived. He left.";
  CHECK(segmenter.segment(text).sentences.size() == 2);
}

TEST_CASE("quotations are found at any offset, however long the text before them", "[segment]") {
  // find_quotes() skips eight bytes at a time: a mark must be found in any
  // place of such a block, and after a non-ASCII byte that is not one.
  for (const std::string_view open_mark : {"\"", "\xE2\x80\x9C", "\xC2\xAB"}) {
    const std::string_view close_mark = open_mark == "\""         ? "\""
                                        : open_mark == "\xC2\xAB" ? "\xC2\xBB"
                                                                  : "\xE2\x80\x9D";
    for (std::size_t before = 0; before < 20; ++before) {
      for (const std::string_view filler : {"x", "\xC3\xA9"}) {  // ASCII, or an e with an acute accent
        std::string text;
        for (std::size_t k = 0; k < before; ++k) text += filler;
        const std::size_t open = text.size();
        text += open_mark;
        text += "nine of them";
        text += close_mark;
        const std::size_t end = text.size();
        text += " were found.";
        std::vector<crosscheck::Quote> quotes;
        crosscheck::find_quotes(text, 100, quotes);
        INFO("mark " << open_mark << " after " << before << " of " << filler);
        REQUIRE(quotes.size() == 1);
        CHECK(quotes[0].begin == 100 + open);
        CHECK(quotes[0].end == 100 + end);
        CHECK(quotes[0].closed);
      }
    }
  }
}

TEST_CASE("an abbreviation ends a text only as a whole word", "[segment]") {
  crosscheck::WordEndings endings;
  for (const std::string word : {"U.N.", "No.", "a.m.", "Co-op."})
    endings.add(word);  // the last is not all letters and dots
  CHECK(endings.ends("the U.N."));
  CHECK(endings.ends("U.N."));
  CHECK(endings.ends("(No."));
  CHECK(endings.ends("at 9 a.m."));
  CHECK(endings.ends("the Co-op."));
  CHECK_FALSE(endings.ends("TUN."));       // "UN." inside a longer word
  CHECK_FALSE(endings.ends("the XU.N."));  // a letter before it
  CHECK_FALSE(endings.ends("e.U.N."));     // a dot before it
  CHECK_FALSE(endings.ends("the U.N"));    // no final dot
  CHECK_FALSE(endings.ends("xCo-op."));
  CHECK_FALSE(endings.ends(""));
}

TEST_CASE("a bundled article splits into its sentences, its quotations kept", "[segment]") {
  // The seed's checks on an article of corpora/, which every clone has.
  const std::string text = crosscheck::testing::corpus_article_body("gaza-may-2024/meridian-2024-05-12.md");
  std::vector<std::string> sentences = sentences_of(text);
  // A sentence is a view of the text, its soft line breaks still in it.
  for (std::string& sentence : sentences) std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  CHECK(sentences == std::vector<std::string>{
                         // "Oct." and "U.N." end no sentence; a quotation's "said X" stays with it.
                         "GAZA CITY (Meridian Wire) — At least 35,034 Palestinians have been killed in Gaza since "
                         "Oct. 7, the Health Ministry in the Hamas-run territory said on Sunday, and 78,755 have "
                         "been wounded.",
                         "The ministry does not say how many of the dead were fighters.",
                         "It said 63 bodies had been brought to hospitals over the past 24 hours.",
                         "Israeli tanks pushed into eastern Rafah, where the U.N. says some 1.4 million people had "
                         "been sheltering before the operation began on May 6.",
                         "The U.N. agency for Palestinian refugees, UNRWA, said nearly 300,000 people had fled the "
                         "city in less than a week.",
                         "\"There is nowhere safe to go,\" said Samira Abu Odeh, 41, a mother of five who left Rafah "
                         "on foot.",
                         "\"We have moved six times since October.\"",
                     });
  const crosscheck::SegmentedText parts = default_segmenter().segment(text);
  CHECK(parts.quotes.size() == 2);
  const crosscheck::Quote* quote = parts.quote_at(text.find("six times"));
  REQUIRE(quote != nullptr);
  CHECK(quote->closed);
  CHECK(quote->view(text) == "\"We have moved six times since October.\"");
  CHECK(parts.quote_at(text.find("300,000")) == nullptr);
}
