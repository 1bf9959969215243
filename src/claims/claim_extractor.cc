// The claims stage: runs the steps (src/claims/: metric, place, subject,
// dates, source) over each figure, each reading a sentence through its view.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <new>
#include <span>
#include <tuple>

#include "claims/dates.h"
#include "claims/local_authority.h"
#include "claims/metric.h"
#include "claims/phrase_index.h"
#include "claims/place.h"
#include "claims/scope.h"
#include "claims/sentence_view.h"
#include "claims/source.h"
#include "claims/subject.h"
#include "claims/word_classes.h"
#include "claims/world_places.h"
#include "crosscheck/claims.h"

namespace crosscheck {

using claims::PhraseKind;
using claims::PhraseMatch;
using claims::SentenceView;

namespace {

// What holds for every figure of a sentence, worked out once for all of them.
struct SentenceFacts {
  claims::SentenceDates dates;
  claims::SentencePlaces places;
  claims::SentenceScope scope;      // "In a separate attack, ...": the scope of the figures after it
  SharedText one_line;              // the sentence with its line breaks read as spaces, as claims quote it
  std::vector<std::string> hedges;  // "could", "claimed": lower-cased, each once
};

SentenceFacts sentence_facts(const SentenceView& sentence, const Article& article, claims::WorldPlaces& world,
                             claims::PlaceContext& context) {
  SentenceFacts facts;
  facts.dates = claims::find_dates(sentence, article.published);
  facts.places = claims::find_places(sentence, world, context);
  facts.scope = claims::find_sentence_scope(sentence);
  std::string one_line(sentence.text());
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  facts.one_line = std::move(one_line);
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind != PhraseKind::hedge) continue;
    std::string lowered = sentence.text_of(match.first, match.last);
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(facts.hedges.begin(), facts.hedges.end(), lowered) == facts.hedges.end()) {
      facts.hedges.push_back(std::move(lowered));
    }
  }
  return facts;
}

// The phrase tables of the lexicon, and the word classes.
claims::PhraseIndex make_index(const Lexicon& lexicon) {
  claims::PhraseIndex index;
  claims::add_word_classes(index);
  for (std::uint32_t i = 0; i < lexicon.metrics.size(); ++i) {
    for (const std::string& word : lexicon.metrics[i].words) index.add(word, PhraseKind::metric, i);
  }
  for (std::uint32_t i = 0; i < lexicon.entities.size(); ++i) {
    for (const std::string& alias : lexicon.entities[i].aliases) index.add(alias, PhraseKind::entity, i);
  }
  for (std::uint32_t i = 0; i < lexicon.authorities.size(); ++i) {
    for (const std::string& alias : lexicon.authorities[i].aliases) index.add(alias, PhraseKind::authority, i);
  }
  for (std::uint32_t i = 0; i < lexicon.subjects.size(); ++i) {
    for (const std::string& word : lexicon.subjects[i].words) index.add(word, PhraseKind::subject, i);
  }
  for (std::uint32_t i = 0; i < lexicon.attribution_verbs.size(); ++i) {
    index.add(lexicon.attribution_verbs[i], PhraseKind::verb, i);
  }
  for (std::uint32_t i = 0; i < lexicon.hedges.size(); ++i) index.add(lexicon.hedges[i], PhraseKind::hedge, i);
  index.finish();
  return index;
}

}  // namespace

class ClaimExtractor::Impl {
 public:
  explicit Impl(const Lexicon& lexicon)
      : lexicon_(lexicon),
        reader_(lexicon.margins),
        index_(make_index(lexicon)),
        place_words_(index_.longest_words(PhraseKind::entity)),
        words_(index_),
        sources_(lexicon, words_, structure_),
        local_(lexicon, Gazetteer::built_in()),
        world_(lexicon, Gazetteer::built_in()) {
    // The syntax model is read now, not at the first sentence that needs it:
    // its tables then sit below what the articles allocate, and an article
    // that runs out of memory leaves the next ones the room it took (read
    // later, the model would need address space of its own just then).
    (void)SyntaxModel::built_in();
  }

  // Out of memory, what the article took is let go, capacity too, so that
  // the articles after it have the room it had; then the error goes on to
  // the caller.
  std::vector<Claim> extract(const Article& article, const SegmentedText& parts) {
    try {
      return extract_claims(article, parts);
    } catch (const std::bad_alloc&) {
      // (Swapped with empty ones: "v = {}" would keep the capacity.)
      std::vector<Quantity>().swap(sentence_figures_);
      std::vector<Quantity>().swap(figures_);
      std::vector<std::size_t>().swap(first_figure_);
      std::vector<bool>().swap(names_place_);
      std::vector<claims::WordRange>().swap(figure_words_.words);
      words_.release_all();
      structure_.start_article();
      sources_.start_article();
      throw;
    }
  }

 private:
  std::vector<Claim> extract_claims(const Article& article, const SegmentedText& parts) {
    std::vector<Claim> claims;
    article_ = &article;
    main_place_.reset();  // worked out on first need: most figures name their place
    country_.reset();     // likewise, for the first generic source
    paragraph_ = SIZE_MAX;
    paragraph_metric_paragraph_ = SIZE_MAX;
    foreigners_sentence_ = SIZE_MAX;  // byte offsets of another article must not match
    context_ = {};
    dateline_end_ = 0;
    dateline_ = world_.dateline(article.text, dateline_end_);
    if (dateline_ && !dateline_->country.empty()) {
      context_.dateline_country = dateline_->country;
      context_.dateline_id = dateline_->id;
      context_.article_countries.push_back(dateline_->country);
      context_.located_countries.push_back(dateline_->country);
      claims::note_dateline(world_, context_, *dateline_);
    }
    // Lower-cased once for the whole article; each sentence is split into
    // words at most once, on first need, however often it is read again
    // (pronouns, quotations, the main place).
    words_.start(article, parts);
    structure_.start_article();
    sources_.start_article();
    // Claims come in text order: one walk locates them all.
    TextLocator locator(article.origin, article.text, parts.lines);
    locator_ = &locator;
    read_figures(article, parts);
    for (std::size_t s = 0; s < parts.sentences.size(); ++s) {
      const std::span<const Quantity> figures(figures_.data() + first_figure_[s],
                                              first_figure_[s + 1] - first_figure_[s]);
      if (figures.empty()) continue;  // only sentences with figures are read word by word
      words_.release_before(s);
      const SentenceView sentence = words_.view(s);
      const SentenceFacts facts = sentence_facts(sentence, article, world_, context_);
      figure_words_.words.clear();
      for (const Quantity& figure : figures) {
        figure_words_.words.push_back(sentence.words_of(figure.span.begin, figure.span.end));
      }
      figure_words_.in_order = true;
      for (std::size_t k = 1; k < figure_words_.words.size(); ++k) {
        const claims::WordRange& before = figure_words_.words[k - 1];
        const claims::WordRange& here = figure_words_.words[k];
        if (here.first < before.first || here.second < before.second) figure_words_.in_order = false;
      }
      bool after_part = false;  // the figure before was made a part
      const std::size_t sentence_first = claims.size();
      for (std::size_t k = 0; k < figures.size(); ++k) {
        fill_claim(claims.emplace_back(), sentence, facts, figures[k], figure_words_.words[k]);
        after_part =
            k > 0 && figure_words_.in_order &&
            count_as_part(claims[claims.size() - 2], after_part, claims.back(), sentence, figure_words_.words[k]);
        if (claims.back().scope == Scope::story && claims::counts_on_top(sentence, figure_words_.words[k]) &&
            !follows_other_metric(std::span(claims).subspan(sentence_first))) {
          claims.back().scope = Scope::part;
        }
        if (claims.back().scope == Scope::story && claims::counted_at_a_facility(sentence, figure_words_.words[k])) {
          claims.back().scope = Scope::part;
        }
      }
      if (figure_words_.in_order) read_lists(std::span(claims).subspan(sentence_first), sentence);
    }
    claims::name_people_in_full(claims, lexicon_);
    // A huge article's figures are not kept for the next.
    if (figures_.capacity() > kKeptFigures) std::vector<Quantity>().swap(figures_);
    return claims;
  }

  // The figures of every sentence, and which sentences name a known place:
  // the main place, asked for by the first figure whose sentence names none,
  // looks at the whole article.
  void read_figures(const Article& article, const SegmentedText& parts) {
    figures_.clear();
    first_figure_.assign(1, 0);
    names_place_.assign(parts.sentences.size(), false);
    for (std::size_t s = 0; s < parts.sentences.size(); ++s) {
      names_place_[s] = reader_.read(parts.sentences[s].view(article.text), sentence_figures_, place_words_);
      std::move(sentence_figures_.begin(), sentence_figures_.end(), std::back_inserter(figures_));
      first_figure_.push_back(figures_.size());
      if (figures_.size() > kMaxArticleFigures) {
        std::vector<Quantity>().swap(figures_);
        throw Error({article.origin.file, article.origin.line, 0},
                    fmt::format("article '{}' holds more than {},{:03} figures (a table or a list, not news text); "
                                "article skipped: split it into smaller articles or leave it out",
                                article.id, kMaxArticleFigures / 1000, kMaxArticleFigures % 1000));
      }
    }
  }

  // "killed 31 people, including 11 children", "among them 25 children
  // and 15 women", "2,059 injured, 1,404 of them critically": a subgroup
  // right after a part opener (or before "of them"), with no metric word
  // of its own, counts what the figure before it counts. Only a subgroup
  // the lexicon names: a part with no subject would be set against its
  // whole as a rival toll.
  // `before` is the figure before in the sentence, itself a part when
  // `before_is_part`; whether `part` was made one.
  bool count_as_part(const Claim& before, bool before_is_part, Claim& part, const claims::SentenceView& sentence,
                     claims::WordRange at) const {
    if (!part.metric.empty() || part.subject.empty() || !claims::counts_people(lexicon_, before.metric) ||
        !claims::may_count_people(part.figure)) {
      return false;
    }
    const auto opener = [&](std::size_t k) {
      return k < at.first && claims::in_class(sentence.words[k], claims::kPartOpener);
    };
    const bool after_opener = (at.first >= 1 && opener(at.first - 1)) || (at.first >= 2 && opener(at.first - 2));
    // "including 25 children and 15 women": a part joined to the part before.
    const bool next_part =
        before_is_part && at.first >= 1 && claims::in_class(sentence.words[at.first - 1], claims::kAnd);
    // "2,059 injured, 1,404 of them critically": a part of the figure before.
    const std::span<const claims::Word> words = sentence.words;
    const bool of_them = at.second + 1 < words.size() && words[at.second].lower == "of" &&
                         (words[at.second + 1].lower == "them" || words[at.second + 1].lower == "whom");
    if (!after_opener && !next_part && !of_them) return false;
    part.metric = before.metric;
    return true;
  }

  // Counts of people in a list share what the list's verb says of them,
  // and a list with one subgroup is a list of subgroups:
  // - "two women and one man died", "killed 13 troops, 2 medics and 72
  //   Afghans": one verb, one metric for each;
  // - "killed 13 U.S. troops and 72 Afghans": the other's counted noun names
  //   its group, and neither is set against the whole toll (not "12 soldiers
  //   and 30 people": a noun that names no group);
  // - "Two medics were among at least 31 people killed": the part has the
  //   whole's metric.
  void read_lists(std::span<Claim> claims, const SentenceView& sentence) const {
    const std::vector<claims::WordRange>& at = figure_words_.words;
    const auto share = [&](const Claim& from, Claim& to) {
      if (to.metric.empty() && claims::counts_people(lexicon_, from.metric) && may_be_people(to)) {
        to.metric = from.metric;
      }
    };
    for (std::size_t k = claims.size(); k-- > 1;) {  // "A, B and C died": from the last back
      if (listed_together(sentence, at[k - 1], at[k])) share(claims[k], claims[k - 1]);
      if (part_among(sentence, at[k - 1], at[k])) share(claims[k], claims[k - 1]);
    }
    for (std::size_t k = 1; k < claims.size(); ++k) {  // "killed A, B and C": from the first on
      // "Seven Argentines were killed and 15 were missing", "12 Thais
      // killed, 11 kidnapped and nine wounded": the same foreigners as the
      // figure before, unless it is one of a list ("Five French citizens
      // and 3 Germans were killed, and 9 were missing").
      // Only foreigners: "Three children died and 40 were injured" may
      // count everyone, and "8 were in serious condition and 32 were
      // unhurt" names a state, no group.
      // Not a total after them: "and 1,200 were killed in total".
      if (elided_noun_after_and(sentence, at[k]) && claims[k].subject.empty() && claims[k].figure.noun.empty() &&
          claims[k - 1].subject.starts_with(kForeignNationals) && claims[k - 1].scope != Scope::part &&
          (k < 2 || !listed_together(sentence, at[k - 2], at[k - 1])) &&
          !in_clause_after(sentence, at[k],
                           [&](std::size_t w) {
                             return claims::in_class(sentence.words[w], claims::kTotalNoun | claims::kManyPlaces);
                           }) &&
          claims[k].figure.value <= 10 * claims[k - 1].figure.value) {
        claims[k].subject = claims[k - 1].subject;
      }
      // "killed 6 people, 4 of them from the same family, and injured 22":
      // a part of the figure before counts what it counts, unless its own
      // clause says what ("injured 50 people, 4 of whom later died").
      if (claims::counted_as_part_of_whom(sentence.words, at[k]) && !claims[k - 1].metric.empty() && at[k].first > 0 &&
          sentence.words[at[k].first - 1].text == "," && may_be_people(claims[k]) &&
          !in_clause_after(sentence, at[k], [&](std::size_t w) { return sentence.is_metric_word(w); })) {
        claims[k].metric = claims[k - 1].metric;
      }
      if (!listed_together(sentence, at[k - 1], at[k])) continue;
      share(claims[k - 1], claims[k]);
      name_listed_subgroup(claims[k - 1], claims[k]);
    }
  }

  // Whether a word `is_wanted(k)` follows the figure at `at` in its clause.
  template <typename Wanted>
  static bool in_clause_after(const SentenceView& sentence, claims::WordRange at, Wanted is_wanted) {
    for (std::size_t k = at.second; k < sentence.size() && k < at.second + claims::kSearchWindow; ++k) {
      if (claims::in_class(sentence.words[k], claims::kClauseBoundary)) return false;
      if (is_wanted(k)) return true;
    }
    return false;
  }

  // Whether the figure at `at` opens a clause joined by "and" or a comma
  // and counts no noun of its own, its verb right after it: "and 15 were
  // missing", "and 20 are still missing", "12 Thais killed, 11 kidnapped and
  // nine wounded". It counts the people of the clause before.
  static bool elided_noun_after_and(const SentenceView& sentence, claims::WordRange at) {
    const std::span<const claims::Word> words = sentence.words;
    return at.first > 0 && at.second < words.size() &&
           (claims::in_class(words[at.first - 1], claims::kAnd) || words[at.first - 1].text == ",") &&
           (claims::in_class(words[at.second], claims::kCopula) || sentence.is_metric_word(at.second));
  }

  static bool may_be_people(const Claim& claim) {
    return claims::may_count_people(claim.figure) && claim.figure.unit != "%" && claim.figure.unit != "pp";
  }

  // Whether the figures at `first` and `second` are joined in a list: by
  // "and", a comma or ", and", with only the first's counted noun and its
  // words between ("13 U.S. troops and", "six police officers,"): no verb,
  // metric word, article or preposition ("more than 11,000 since the
  // disaster, and some 30,000 residents" is two clauses).
  static bool listed_together(const SentenceView& sentence, claims::WordRange first, claims::WordRange second) {
    const std::span<const claims::Word> words = sentence.words;
    constexpr std::size_t kListGap = 8;  // "13 U.S. troops and": "U.S." may be four words
    if (second.first <= first.second || second.first - first.second > kListGap) return false;
    std::size_t joiner = second.first - 1;
    if (!claims::in_class(words[joiner], claims::kAnd) && words[joiner].text != ",") return false;
    if (claims::in_class(words[joiner], claims::kAnd) && joiner > first.second && words[joiner - 1].text == ",") {
      --joiner;  // ", and"
    }
    for (std::size_t k = first.second; k < joiner; ++k) {
      constexpr std::uint64_t kNotInList = claims::kClauseBoundary | claims::kConjunction | claims::kAuxiliary |
                                           claims::kDeterminer | claims::kSubordinator | claims::kLocative |
                                           claims::kTimePreposition | claims::kOf;
      if (claims::in_class(words[k], kNotInList) || sentence.is_metric_word(k)) {
        return false;
      }
    }
    return true;
  }

  // Whether the figure at `part` is said to be among the one at `whole`:
  // "Two medics were among at least 31 people killed".
  static bool part_among(const SentenceView& sentence, claims::WordRange part, claims::WordRange whole) {
    constexpr std::size_t kAmongGap = 6;
    if (whole.first <= part.second || whole.first - part.second > kAmongGap) return false;
    bool among = false;
    for (std::size_t k = part.second; k < whole.first; ++k) {
      if (claims::in_class(sentence.words[k], claims::kClauseBoundary | claims::kConjunction)) return false;
      among = among || claims::in_class(sentence.words[k], claims::kPartOpener);
    }
    return among;
  }

  static void name_listed_subgroup(Claim& first, Claim& second) {
    if (first.subject.empty() == second.subject.empty() || first.metric.empty() || first.metric != second.metric) {
      return;
    }
    Claim& unnamed = first.subject.empty() ? first : second;
    const std::string& noun = unnamed.figure.noun;
    if (noun.empty() || unnamed.figure.unit != "people") return;
    std::string lower;
    claims::lower_ascii(noun, lower);
    if (!claims::class_has_word(claims::kPlainPeople, lower)) unnamed.subject = noun;
  }

  // Whether the figure at `at` counts up to now from a year: "400,000 have
  // been killed since the conflict erupted in 2011", "Since the war began
  // in 2011, 400,000 have been killed"; not "quakes since a temblor in 2004
  // left 220,000 dead", where the figure is inside the "since" clause (no
  // comma between), the 2004 event's.
  static bool counts_since(const claims::SentenceDates& dates, const SentenceView& sentence, claims::WordRange at) {
    if (!dates.since_word) return false;
    const std::size_t since = *dates.since_word;
    if (at.second <= since) return true;
    for (std::size_t k = since; k < at.first; ++k) {
      if (sentence.words[k].text == ",") return true;
    }
    return false;
  }

  // Whether word `k` of the sentence being read lies in one of its figures.
  bool is_figure_word(std::size_t k) const {
    return std::any_of(figure_words_.words.begin(), figure_words_.words.end(),
                       [&](const claims::WordRange& at) { return k >= at.first && k < at.second; });
  }

  // Whether the last of a sentence's claims comes after one that measures
  // something else: "killed 12 people and injured 70 others" counts all the
  // injured, not some on top of another count of them.
  static bool follows_other_metric(std::span<const Claim> sentence_claims) {
    const Claim& last = sentence_claims.back();
    return std::any_of(sentence_claims.begin(), sentence_claims.end() - 1,
                       [&](const Claim& earlier) { return !earlier.metric.empty() && earlier.metric != last.metric; });
  }

  // Fills `claim` (made in place in the article's list) from `figure`, at
  // words `at` of `sentence`.
  void fill_claim(Claim& claim, const SentenceView& sentence, const SentenceFacts& facts, const Quantity& figure,
                  claims::WordRange at) {
    const std::size_t offset = sentence.sentence.begin + figure.span.begin;
    const SourceSpan where = locator_->locate(offset);
    claim.article = article_->id;
    claim.source = article_->source;
    claim.file = where.file;
    claim.line = where.line;
    claim.column = where.column;
    claim.text = std::string(figure.span.view(sentence.text()));
    std::replace(claim.text.begin(), claim.text.end(), '\n', ' ');
    claim.figure = figure;  // the figure without its place in the sentence
    claim.published = article_->published;
    claim.sentence = facts.one_line;
    claim.metric = claims::find_metric(sentence, lexicon_, at, figure, figure_words_);
    // "Twenty-one firefighters ... died", "At least 72 people including nine
    // children were killed", "the toll has risen to 86, a monitor said": a
    // metric word too far for the words, the tree may link. Asked of counts
    // of people and of bare numbers that end a clause, the figures it can
    // find one for, not of every figure with no metric (a business story's
    // "16.1 mln barrels" would have most of its sentences parsed).
    if (claim.metric.empty() && figure.value >= 0 &&
        (figure.unit == "people" ||
         (figure.unit.empty() && (at.second >= sentence.size() || sentence.words[at.second].punctuation))))
      claim.metric = structure_.metric(sentence, lexicon_, at);
    if (claim.metric.empty()) claim.metric = carried_metric(sentence, figure, at);
    if (claims::counts_people(lexicon_, claim.metric) && !claims::may_count_people(figure)) {
      // A count of people (deaths, injuries, the displaced...) is never
      // negative ("-35 people killed" is a typo or a change) and never a
      // measure ("a magnitude 6.1 earthquake ... killing 22", "95 km") or a
      // count of things ("killed in nearly 40 air raids", "168 buildings"):
      // no rule may weigh it against real tolls. The figure stays, unkeyed.
      claim.metric.clear();
    }
    if (!claim.metric.empty()) {
      paragraph_metric_ = claim.metric;
      paragraph_metric_paragraph_ = sentence.sentence.paragraph;
    }
    claim.attribution = sources_.find(sentence, at, offset);
    if (claim.attribution && claim.attribution->authority.empty()) claim.attribution.reset();  // "he", but who?
    claim.subject = claims::find_subject(sentence, lexicon_, figure, at);
    const std::string foreigners = fill_place(claim, sentence, facts, figure, at);
    if (claim.attribution && sentence.parts->quote_at(offset) == nullptr &&
        keeps_own_count(sentence, facts, claim.attribution->text)) {
      claim.attribution = sources_.find_other(sentence, at, claim.attribution->text);
      if (claim.attribution && claim.attribution->authority.empty()) claim.attribution.reset();
    }
    // "21 Thai laborers" killed in Israel: a subgroup of Israel's toll, which
    // the bound rule weighs against it and no conflict compares with it, nor
    // with the count of another country's citizens ("17 French citizens"
    // against "24 Thais").
    if (!foreigners.empty() && (claim.subject.empty() || claim.subject == kForeignNationals) &&
        has_foreign_nationals_) {
      claim.subject = fmt::format("{} ({})", kForeignNationals, foreigners);
    }
    claim.scope = claims::cue_scope(sentence, facts.scope, at);
    // "more than 50 injured, 10 of whom remain critical": a part of the figure before.
    if (claim.scope == Scope::story && claim.subject.empty() && claims::counted_as_part_of_whom(sentence.words, at)) {
      claim.scope = Scope::part;
    }
    claim.reference_date = facts.dates.reference_date;
    if (facts.dates.earlier_year) {
      const std::size_t year = *facts.dates.earlier_year;
      if (is_figure_word(year)) {
        claim.reference_date = article_->published;  // "the 2000 people": a figure is no year
      } else if (claim.scope == Scope::story && !counts_since(facts.dates, sentence, at) &&
                 !claims::clause_break_between(sentence, std::min(year, at.first), std::max(year + 1, at.second))) {
        // "In 2004 a tsunami killed 170,000", "the 2006 war": another
        // year's event, told in passing, of the year whatever day the
        // sentence names ("..., officials said on Sunday"). Only in the
        // year's clause: not the 12 of "The 2004 tsunami killed 230,000
        // people, and on Sunday a quake killed 12".
        claim.scope = Scope::background;
        claim.reference_date = facts.dates.year_date;
      }
    }
    claim.since = facts.dates.since;
    claim.in_quote = sentence.parts->quote_at(offset) != nullptr;
    if (claim.attribution) localize(*claim.attribution, sentence.text());
    claim.hedges = facts.hedges;
  }

  // Whether `source` is a place that keeps its own count, not a source:
  // "Chichaoua recorded 202 deaths".
  static bool keeps_own_count(const SentenceView& sentence, const SentenceFacts& facts, std::string_view source) {
    return std::any_of(facts.places.unknown.begin(), facts.places.unknown.end(), [&](const claims::UnknownPlace& p) {
      return p.keeps_count && sentence.text_of(p.first, p.last) == source;
    });
  }

  // A generic source ("police") made the one of the article's country ("Greek police").
  void localize(Attribution& attribution, std::string_view sentence) {
    if (const Authority* generic = local_.generic(attribution.authority)) {
      attribution.authority = local_.localize(*generic, attribution.text, sentence, country());
    }
    if (const Authority* generic = local_.generic(attribution.citing)) {
      attribution.citing = local_.localize(*generic, {}, {}, country());  // the cited phrase is not kept
    }
  }

  const std::optional<GazetteerPlace>& country() {
    if (!country_) {
      article_place();
      const std::optional<claims::ResolvedPlace>& main = *main_place_;
      country_ = claims::article_country(main ? std::string_view(main->name) : std::string_view(), main ? main->id : 0,
                                         article_->text, Gazetteer::built_in());
    }
    return *country_;
  }

  // The place the figure's sentence names, else (unless the sentence speaks
  // of several places) the paragraph's, the article's or the dateline's. A
  // counted people's place ("40 Palestinians") stands unless the place found
  // otherwise lies in it (Palestinians in a Gaza story are Gaza's).
  // Returns the country the counted people are citizens of when they are
  // foreigners where the figure is ("12 French citizens" killed in Israel:
  // France), else nothing.
  std::string fill_place(Claim& claim, const SentenceView& sentence, const SentenceFacts& facts, const Quantity& figure,
                         claims::WordRange at) {
    claims::FoundPlace found =
        claims::find_place(sentence, world_, facts.places, at, figure, claim.subject == kSoldiers);
    if (sentence.sentence.paragraph != paragraph_) {
      paragraph_ = sentence.sentence.paragraph;
      paragraph_place_.reset();
      placed_sentence_ = SIZE_MAX;
    }
    // "12 French citizens" killed in Israel are a group of foreigners there,
    // not a figure for France (see PlaceContext::located_countries); with no
    // other place, "The attack killed 30 Americans" is the Americans'.
    // Soldiers of the country the story is in ("5,000 Moroccan soldiers"
    // searching in Al Haouz) are counted there like its people; five
    // Israeli soldiers killed in a story of Gaza are Gaza's toll, as
    // anyone's killed there.
    if (found.army) {
      const claims::ResolvedPlace* known = fallback_place().first;
      if (known == nullptr || found.army->holds(*known)) found.people = std::move(found.army);
    }
    std::string foreigners;
    if (found.origin) {
      // "18 from Thailand" killed in Israel: Israel's, a group of foreigners
      // there when it counts people ("610,000 cars from Japan" are the
      // story's place's too, but no group of people).
      const claims::ResolvedPlace* known = fallback_place().first;
      if (known != nullptr && !found.people->holds(*known) && !known->holds(*found.people)) {
        if (claims::counts_people(lexicon_, claim.metric)) foreigners = found.people->name;
        found.people.reset();
      }
    } else if (found.people && !located(*found.people) && (found.place || fallback_place().first != nullptr)) {
      foreigners = found.people->name;
      found.people.reset();
    }
    // "Israel says militants killed about 1,200 people", "according to the
    // Palestinian Ministry of Health": a figure its sentence places nowhere
    // is of its speaker's place.
    // Not for a count of another country's citizens, nor for the figures
    // after one in its sentence: "Ukraine's Foreign Ministry said that two
    // Ukrainians were killed and nine were injured" in a story of Israel
    // counts foreigners there, not a toll of Ukraine.
    if (!foreigners.empty()) foreigners_sentence_ = sentence.sentence.begin;
    if (!found.place && !found.people && claim.attribution && foreigners_sentence_ != sentence.sentence.begin) {
      speaker_place(claim.attribution->text, found);
      // "France said two of its nationals were killed" in a story of Israel:
      // a country the story locates nothing in speaks of its citizens there
      // ("Israel says militants killed 1,200 people" in a Gaza story is Israel's).
      if (found.place && found.place->kind == PlaceKind::country && counts_citizens(sentence, at) &&
          !located(*found.place) && fallback_place().first != nullptr) {
        foreigners = found.place->name;
        found.place.reset();
      }
    }
    const claims::ResolvedPlace* place = nullptr;
    PlaceFrom from = PlaceFrom::none;
    if (found.place && (found.country_only || found.jurisdiction) && !found.people) {
      // "a well 65 miles southwest of Houston, Texas" in a story of Texas:
      // Texas's, the paragraph's or the article's place inside the country
      // found; "Miami-Dade County Mayor ... said" in a story of Surfside:
      // Surfside's.
      std::tie(place, from) = fallback_place();
      if (place == nullptr || !found.place->holds(*place)) place = nullptr;
    }
    if (place == nullptr && found.place && !found.people) {
      place = &*found.place;
      from = PlaceFrom::sentence;
    } else if (place == nullptr && (!facts.places.several || found.people)) {
      std::tie(place, from) = fallback_place();
      if (found.people && !(place != nullptr && found.people->holds(*place))) {
        place = &*found.people;
        from = PlaceFrom::sentence;
        if (const claims::ResolvedPlace* there = located_in(*found.people)) place = there;
      }
    }
    if (place == nullptr) return foreigners;
    claim.entity = place->name;
    claim.entity_parents = place->parents;
    claim.entity_from = from;
    // A table's label places its own figure, not the rows after it.
    // A sentence that places its figures in several places ("290 in Al
    // Haouz and 121 in Taroudant") leaves the paragraph's place unknown: the
    // next sentence's "the toll at 296" is the article's, not the last
    // place named.
    if (from == PlaceFrom::sentence && !found.label) {
      const std::size_t here = sentence.sentence.begin;
      if (placed_sentence_ != here) {
        placed_sentence_ = here;
        paragraph_place_ = *place;
      } else if (paragraph_place_ && paragraph_place_->name != place->name &&
                 paragraph_place_->country == place->country && !paragraph_place_->holds(*place) &&
                 !place->holds(*paragraph_place_)) {
        paragraph_place_.reset();  // two parts of one country, side by side
      }
    }
    return foreigners;
  }

  // "The death toll rose to 1,205 on Friday. A day earlier the count stood
  // at 1,140": a figure of no metric whose clause names it only as "the
  // count", "the total" or "that figure" before it counts what the
  // paragraph's last figure with a metric counted. Not a share or a measure.
  std::string carried_metric(const SentenceView& sentence, const Quantity& figure, claims::WordRange at) const {
    if (paragraph_metric_paragraph_ != sentence.sentence.paragraph || paragraph_metric_.empty()) return {};
    if (!(figure.unit.empty() || figure.unit == "people")) return {};
    const std::span<const claims::Word> words = sentence.words;
    for (std::size_t k = at.first; k > 1 && at.first - k < claims::kSearchWindow; --k) {
      const claims::Word& word = words[k - 1];
      if (claims::in_class(word, claims::kClauseBoundary)) break;
      if (claims::in_class(word, claims::kTotalNoun | claims::kFiguresNoun) &&
          claims::in_class(words[k - 2], claims::kDeterminer)) {
        return paragraph_metric_;
      }
    }
    return {};
  }

  // Whether the figure at `at` counts people by their citizenship: a
  // citizen noun within its next three words ("two of its nationals").
  // So does a figure after one in its clause: "two of its nationals were
  // killed and 14 were unaccounted for".
  static bool counts_citizens(const SentenceView& sentence, claims::WordRange at) {
    const std::span<const claims::Word> words = sentence.words;
    for (std::size_t k = at.second; k < words.size() && k < at.second + 3; ++k) {
      if (claims::in_class(words[k], claims::kCitizenNoun)) return true;
    }
    // Within the search window (see kSearchWindow): a figure's work stays bounded in a hostile sentence.
    for (std::size_t k = at.first;
         k > 0 && at.first - k < claims::kSearchWindow && !claims::in_class(words[k - 1], claims::kClauseBoundary);
         --k) {
      if (claims::in_class(words[k - 1], claims::kCitizenNoun)) return true;
    }
    return false;
  }

  // The place a speaker's name gives (`text` as written): a country ("Israel
  // says"); for a public body, a place its name begins with ("the Gaza
  // Health Ministry"), else the people its first word names ("the Palestinian
  // Ministry of Health"), unless it speaks for citizens abroad ("the French
  // foreign ministry").
  void speaker_place(std::string_view text, claims::FoundPlace& found) {
    if (auto country = world_.resolve(text, context_); country && country->kind == PlaceKind::country) {
      found.place = std::move(country);
      return;
    }
    claims::lower_ascii(text, speaker_lower_);
    claims::split_words(text, speaker_lower_, speaker_words_);
    index_.find_all(speaker_words_, speaker_matches_);
    // A public body ("ministry", "police", "officials"), not a company ("Swiss Bank Corp"), and not one abroad.
    const auto of_class = [&](std::uint64_t word_class) {
      return std::any_of(speaker_words_.begin(), speaker_words_.end(),
                         [&](const claims::Word& word) { return claims::in_class(word, word_class); });
    };
    if (!of_class(claims::kSourceNoun) || of_class(claims::kAbroadSource)) return;
    for (const claims::PhraseMatch& match : speaker_matches_) {
      if (match.kind != claims::PhraseKind::entity || match.first != first_name(speaker_words_)) continue;
      found.place = world_.entity(match.target);
      return;
    }
    const std::size_t first = first_name(speaker_words_);
    if (first < speaker_words_.size()) found.people = world_.demonym(speaker_words_[first].text);
  }

  // The first word that is not an article or a determiner ("the", "a").
  static std::size_t first_name(const std::vector<claims::Word>& words) {
    std::size_t k = 0;
    while (k < words.size() && claims::in_class(words[k], claims::kDeterminer)) ++k;
    return k;
  }

  // The place the article located something in within `people`'s country,
  // when `people` is a whole country ("Palestinians": "in Gaza").
  const claims::ResolvedPlace* located_in(const claims::ResolvedPlace& people) const {
    if (people.kind != PlaceKind::country) return nullptr;
    for (const claims::ResolvedPlace& place : context_.located_places) {
      if (place.country == people.country) return &place;
    }
    return nullptr;
  }

  // Whether the article placed something in `people`'s country, itself or by its main place.
  bool located(const claims::ResolvedPlace& people) {
    // The main place first: working it out notes what the title and lead located.
    article_place();
    const auto& located = context_.located_countries;
    if (std::find(located.begin(), located.end(), people.country) != located.end()) return true;
    return *main_place_ && (*main_place_)->country == people.country;
  }

  std::pair<const claims::ResolvedPlace*, PlaceFrom> fallback_place() {
    if (paragraph_place_) return {&*paragraph_place_, PlaceFrom::paragraph};
    // The article's place before the dateline's: "ISTANBUL -" over a story
    // that gives Gaza's toll says where the reporter is, not where the dead
    // are (issue 17 put the dateline first; see bench/README.md).
    article_place();
    if (*main_place_) return {&**main_place_, PlaceFrom::article};
    if (dateline_) return {&*dateline_, PlaceFrom::dateline};
    return {nullptr, PlaceFrom::none};
  }

  // The article's place (main_place()), worked out once. A county that
  // holds the dateline's town, or lies in the same division (the gazetteer
  // gives a town its division, not its county), is where the reporter's
  // town lies ("SURFSIDE, Fla. - Officials in Miami-Dade County ..."): the
  // story is the town's. A country or a division that holds it stays the
  // story's ("MARRAKECH, Morocco - ... Morocco's earthquake").
  // Once known, the main place's divisions are known to the sentences
  // after (note_main_place()). Worked out on first need, not
  // before the first sentence: the countries the sentences before named
  // decide among its namesakes and small towns ("Jayrud" in a story that
  // named Syria).
  void article_place() {
    if (main_place_) return;
    main_place_ = claims::main_place(words_, world_, context_, names_place_, dateline_end_);
    const std::optional<claims::ResolvedPlace>& found = *main_place_;
    if (found && dateline_ && found->kind == PlaceKind::admin2 && dateline_->kind == PlaceKind::city) {
      const auto division = [](const claims::ResolvedPlace& place) {
        return place.parents.empty() ? std::string_view() : std::string_view(place.parents.places().front());
      };
      if (found->holds(*dateline_) || (!division(*found).empty() && division(*found) == division(*dateline_))) {
        main_place_ = dateline_;
      }
    }
    if (*main_place_) claims::note_main_place(context_, **main_place_);
  }

  static constexpr std::size_t kKeptFigures = 1 << 16;
  // The subject of a people's noun of a country where nothing happened
  // (rules/lexicon/subjects.yaml), when the lexicon has it.
  static constexpr std::string_view kForeignNationals = "foreign nationals";
  // The subject of a count of soldiers, whose country is their army's (claims::find_place()).
  static constexpr std::string_view kSoldiers = "soldiers";

  const Lexicon& lexicon_;
  const bool has_foreign_nationals_ =
      std::any_of(lexicon_.subjects.begin(), lexicon_.subjects.end(),
                  [](const Subject& subject) { return subject.id == kForeignNationals; });
  QuantityReader reader_;
  claims::PhraseIndex index_;
  // The longest word of each known place's name: the quantities reader looks
  // up every word of every sentence, and tells with it which sentences may
  // name a known place, for the article's main place.
  const WordWatch place_words_;
  claims::ArticleWords words_;           // of the article being read
  claims::SentenceStructure structure_;  // its sentences' parses, made on need
  claims::SourceReader sources_;
  claims::LocalAuthorities local_;
  std::vector<Quantity> sentence_figures_;  // read from one sentence
  std::vector<Quantity> figures_;           // of the article, sentence after sentence
  std::vector<std::size_t> first_figure_;   // by sentence, into figures_ (and one past the last)
  std::vector<bool> names_place_;           // by sentence: holds a known place's longest word
  claims::SentenceFigures figure_words_;    // the words of the figures of the sentence being read
  std::string speaker_lower_;               // speaker_place()'s, kept for their buffers
  std::vector<claims::Word> speaker_words_;
  std::vector<claims::PhraseMatch> speaker_matches_;
  const Article* article_ = nullptr;
  TextLocator* locator_ = nullptr;                        // of the article being read
  std::optional<std::optional<GazetteerPlace>> country_;  // of the article being read, once asked for
  claims::WorldPlaces world_;
  claims::PlaceContext context_;                   // of the article being read
  std::size_t dateline_end_ = 0;                   // bytes
  std::optional<claims::ResolvedPlace> dateline_;  // of the article being read
  std::size_t paragraph_ = SIZE_MAX;               // of the last figure read
  // The place the paragraph's last sentence that placed a figure gave its
  // first figure; none when that sentence placed figures in two sibling
  // parts of one country.
  std::optional<claims::ResolvedPlace> paragraph_place_;
  // The metric of the paragraph's last figure that had one (carried_metric()).
  std::string paragraph_metric_;
  std::size_t paragraph_metric_paragraph_ = SIZE_MAX;
  std::size_t placed_sentence_ = SIZE_MAX;      // where the sentence that named it begins
  std::size_t foreigners_sentence_ = SIZE_MAX;  // where the last sentence that counted foreigners begins
  std::optional<std::optional<claims::ResolvedPlace>> main_place_;  // once worked out
};

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
ClaimExtractor::~ClaimExtractor() = default;

std::vector<Claim> ClaimExtractor::extract(const Article& article, const SegmentedText& parts) {
  return impl_->extract(article, parts);
}

}  // namespace crosscheck
