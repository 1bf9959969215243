// crosscheck: the place of the event a folder's articles report, for the
// figures of those articles that name no place of their own.
//
// Outlets writing about one event name its place at different levels: one
// wire story says "Murdochville, Quebec", the next only "a Noranda copper
// mine"; one says "Zeebrugge", another "off the Belgian coast". Read one at
// a time, their figures land under different keys or none, and the figures
// a fact-checker most wants side by side are never compared. A folder of a
// few articles is how a desk gathers one story's coverage (DESIGN.md,
// corpora), so the articles of one folder published within days of each
// other are read as reports of one event, and the most specific place most
// of them agree on is given to the figures whose place came only from
// their article's main place, or that had none.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "crosscheck/pipeline.h"

namespace crosscheck {
namespace {

// Reports of one event come out over days; a gap longer than this between
// two articles of a folder starts another story.
constexpr int kEventGapDays = 3;

// What the linking knows of one article: its claims, its date and the
// place its figures are mostly about.
struct ArticlePlace {
  std::vector<Claim*> claims;
  std::optional<Date> published;
  std::string place;  // empty when none of its figures has one
};

class Places {
 public:
  void learn(const Claim& claim) {
    if (!claim.entity.empty() && claim.entity_from != PlaceFrom::event)
      chains_.emplace(claim.entity, claim.entity_parents);
  }
  const PlaceChain& chain(const std::string& place) const { return chains_.at(place); }
  std::size_t depth(const std::string& place) const { return chain(place).places().size(); }
  /// `outer` is `inner` or one of the places it lies in.
  bool contains(const std::string& outer, const std::string& inner) const {
    if (outer == inner) return true;
    const auto& parents = chain(inner).places();
    return std::find(parents.begin(), parents.end(), outer) != parents.end();
  }
  bool related(const std::string& a, const std::string& b) const { return contains(a, b) || contains(b, a); }

 private:
  std::map<std::string, PlaceChain> chains_;
};

// The article's main place as its claims show it: the one claims fell back
// to, else the place its figures name most often (the first on a tie).
std::string main_place_of(const std::vector<Claim*>& claims) {
  std::map<std::string, std::size_t> counts;
  std::string best;
  std::size_t best_count = 0;
  for (const Claim* claim : claims) {
    if (claim->entity.empty() || claim->entity_from == PlaceFrom::event) continue;
    if (claim->entity_from == PlaceFrom::article) return claim->entity;
    const std::size_t count = ++counts[claim->entity];
    if (count > best_count) best = claim->entity, best_count = count;
  }
  return best;
}

std::vector<ArticlePlace> articles_of(const std::vector<Claim*>& claims, Places& places) {
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> index;  // (file, article) -> position
  std::vector<ArticlePlace> articles;
  for (Claim* claim : claims) {
    places.learn(*claim);
    const auto [found, added] = index.try_emplace({claim->file, claim->article}, articles.size());
    if (added) articles.push_back({{}, claim->published, {}});
    articles[found->second].claims.push_back(claim);
  }
  for (ArticlePlace& article : articles) article.place = main_place_of(article.claims);
  return articles;
}

// Articles in date order, cut where reports stop for more than a few days.
// Undated articles join the one story a folder holds, or none.
std::vector<std::vector<ArticlePlace*>> stories_of(std::vector<ArticlePlace>& articles) {
  std::vector<ArticlePlace*> dated, undated;
  for (ArticlePlace& article : articles) (article.published ? dated : undated).push_back(&article);
  std::stable_sort(dated.begin(), dated.end(), [](const ArticlePlace* a, const ArticlePlace* b) {
    return day_number(*a->published) < day_number(*b->published);
  });
  std::vector<std::vector<ArticlePlace*>> stories;
  for (std::size_t i = 0; i < dated.size(); ++i) {
    if (i == 0 || day_number(*dated[i]->published) - day_number(*dated[i - 1]->published) > kEventGapDays)
      stories.emplace_back();
    stories.back().push_back(dated[i]);
  }
  if (stories.size() <= 1) {
    if (stories.empty()) stories.emplace_back();
    stories.back().insert(stories.back().end(), undated.begin(), undated.end());
  }
  return stories;
}

// A place the story's own figures are placed at, in their sentence, their
// paragraph or a dateline: an article's main place alone (a dateline town
// atop a national statistic, a city a reporter telephoned from) does not
// make an event's place.
bool named_by_a_figure(const std::vector<ArticlePlace*>& story, const std::string& place) {
  return std::any_of(story.begin(), story.end(), [&](const ArticlePlace* article) {
    return std::any_of(article->claims.begin(), article->claims.end(), [&](const Claim* claim) {
      return claim->entity == place && claim->entity_from != PlaceFrom::article &&
             claim->entity_from != PlaceFrom::event;
    });
  });
}

// The event's place: the one the most articles place at or within, less
// those that name a place apart from it. It must be named by a figure, and
// may not be the main place of fewer articles than a place containing it is
// (four stories of the war in Gaza and one of a Jabalya school are about
// Gaza). Among the best, the most specific when they lie on one chain
// (Zeebrugge in Belgium); none when two lie apart (Aleppo and Idlib), and
// none when the articles do not lean one way: a margin of zero is enough
// only when an article names a place that contains the winner (Belgium for
// Zeebrugge), never between places apart (Gaza and Israel).
std::optional<std::string> event_place(const std::vector<ArticlePlace*>& story, const Places& places) {
  std::map<std::string, long> articles_at;
  for (const ArticlePlace* article : story) {
    if (!article->place.empty()) ++articles_at[article->place];
  }
  struct Candidate {
    const std::string* place;
    long margin;
    bool has_outer;
  };
  std::vector<Candidate> candidates;
  for (const auto& [candidate, at_candidate] : articles_at) {
    long margin = 0;
    bool has_outer = false, outnumbered = false;
    for (const auto& [place, at_place] : articles_at) {
      if (places.contains(place, candidate)) {
        margin += at_place;
        if (place != candidate) has_outer = true, outnumbered = outnumbered || at_place > at_candidate;
      } else if (!places.contains(candidate, place)) {
        margin -= at_place;
      }
    }
    if (!outnumbered && named_by_a_figure(story, candidate)) candidates.push_back({&candidate, margin, has_outer});
  }
  if (candidates.empty()) return std::nullopt;
  long best_margin = candidates.front().margin;
  for (const Candidate& c : candidates) best_margin = std::max(best_margin, c.margin);
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (c.margin != best_margin) continue;
    if (best && !places.related(*best->place, *c.place)) return std::nullopt;
    if (!best || places.depth(*c.place) > places.depth(*best->place)) best = &c;
  }
  if (best_margin < 0 || (best_margin == 0 && !best->has_outer)) return std::nullopt;
  return *best->place;
}

// Gives the story's event place (event_place()) to the figures that name
// no place, or only a place that contains the event's.
void place_event(const std::vector<ArticlePlace*>& story, const Places& places) {
  const std::optional<std::string> place = event_place(story, places);
  if (!place) return;
  const PlaceChain& chain = places.chain(*place);
  for (ArticlePlace* article : story) {
    // An article about somewhere else in the same days keeps its places.
    if (!article->place.empty() && !places.contains(article->place, *place)) continue;
    for (Claim* claim : article->claims) {
      const bool placeless = claim->entity.empty();
      const bool only_the_article_s =
          claim->entity_from == PlaceFrom::article && claim->entity != *place && places.contains(claim->entity, *place);
      // "killed 22 in northern Syria" in a story of a Qamishli bombing is
      // the bombing's toll there, as another outlet's "in Qamishli" says;
      // not a total since a date ("4,100 in Gaza since Oct. 7" beside a
      // Jabalya school's toll) nor an earlier year's event told in passing.
      const bool in_a_container =
          (claim->entity_from == PlaceFrom::paragraph || claim->entity_from == PlaceFrom::sentence) && !claim->since &&
          claim->scope != Scope::background && claim->entity != *place && places.contains(claim->entity, *place);
      if (!placeless && !only_the_article_s && !in_a_container) continue;
      claim->entity = *place;
      claim->entity_parents = chain;
      claim->entity_from = PlaceFrom::event;
    }
  }
}

// What two figures that may report one count share: the metric, subject,
// unit, stretch and days ("40 killed" on Jan. 6 and "43 killed" on Jan. 6).
auto count_key(const Claim& claim) {
  return std::tie(claim.metric, claim.subject, claim.figure.unit, claim.scope, claim.reference_date, claim.since);
}

// Whether the figure may be set beside another as one count: a metric, a
// stated value, not vague ("dozens" says too little).
bool countable(const Claim& claim) {
  return !claim.metric.empty() && claim.figure.value > 0 && claim.figure.qualifier != Qualifier::vague;
}

// "The attack on one of his schools killed 40 Palestinians", in a story of
// the war in Gaza, beside "At least 43 people were killed in the school" of
// the Jabalya camp: a figure whose place came only from its article or
// paragraph, at a place that contains the one another outlet's figure of
// the same count (count_key(), values within 15% of each other)
// names in its own sentence, is that count, there. Where an outlet names
// the outer place for that count itself, or the matching figures name
// places apart, it stays. The named figures are sorted by key and value,
// so that each figure looks only at its close ones.
void place_by_matching_figures(const std::vector<ArticlePlace*>& story, const Places& places) {
  // Not a quarter: a country's 2,122 dead and a province's 1,684 of the same day are two counts.
  constexpr double kCloseness = 0.15;
  struct Named {
    double value;  // the claim's, or a bound of the range looked up
    const Claim* claim;
    const ArticlePlace* article;
  };
  std::vector<Named> named;
  for (const ArticlePlace* article : story) {
    for (const Claim* claim : article->claims) {
      if (claim->entity_from == PlaceFrom::sentence && countable(*claim)) {
        named.push_back({claim->figure.value, claim, article});
      }
    }
  }
  const auto before = [](const Named& a, const Named& b) {
    return std::tuple_cat(count_key(*a.claim), std::tie(a.value)) <
           std::tuple_cat(count_key(*b.claim), std::tie(b.value));
  };
  std::sort(named.begin(), named.end(), before);
  for (const ArticlePlace* article : story) {
    for (Claim* claim : article->claims) {
      if (claim->entity.empty() || !countable(*claim) ||
          (claim->entity_from != PlaceFrom::article && claim->entity_from != PlaceFrom::paragraph)) {
        continue;
      }
      const double value = claim->figure.value;
      const Named low_end{value * (1 - kCloseness), claim, nullptr};
      const Named high_end{value / (1 - kCloseness), claim, nullptr};
      const auto first = std::lower_bound(named.begin(), named.end(), low_end, before);
      const auto last = std::upper_bound(first, named.end(), high_end, before);
      const std::string* inner = nullptr;
      bool stays = false;
      for (auto match_it = first; match_it != last && !stays; ++match_it) {
        if (match_it->article == article) continue;
        const Claim& match = *match_it->claim;
        if (match.entity == claim->entity || !places.contains(claim->entity, match.entity)) {
          stays = places.contains(match.entity, claim->entity);  // named at its place or above
          continue;
        }
        if (inner && !places.related(*inner, match.entity)) stays = true;  // two places apart
        if (!inner || places.depth(match.entity) > places.depth(*inner)) inner = &match.entity;
      }
      if (stays || !inner) continue;
      claim->entity_parents = places.chain(*inner);
      claim->entity = *inner;
      claim->entity_from = PlaceFrom::event;
    }
  }
}

}  // namespace

std::string event_folder_of(std::string_view file) {
  file = file.substr(0, file.find("#offset="));  // a web archive's record
  const std::size_t slash = file.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(file.substr(0, slash));
}

void place_event_figures(const std::vector<Claim*>& claims) {
  // In text order whatever order they come in (the audit's new articles
  // first): the first chain learned for a name, and the first place of a
  // tie, must not depend on it.
  std::vector<Claim*> ordered = claims;
  std::stable_sort(ordered.begin(), ordered.end(), [](const Claim* a, const Claim* b) {
    return std::tie(a->file, a->article, a->line, a->column) < std::tie(b->file, b->article, b->line, b->column);
  });
  Places places;
  std::vector<ArticlePlace> articles = articles_of(ordered, places);
  if (articles.size() < 2 || articles.size() > kMaxEventFolderArticles) return;
  for (const std::vector<ArticlePlace*>& story : stories_of(articles)) {
    if (story.size() < 2) continue;
    place_event(story, places);
    place_by_matching_figures(story, places);
  }
}

void place_event_figures_by_folder(std::vector<Claim>& claims) {
  std::map<std::string, std::vector<Claim*>> folders;
  for (Claim& claim : claims) folders[event_folder_of(claim.file)].push_back(&claim);
  for (const auto& [folder, members] : folders) place_event_figures(members);
}

}  // namespace crosscheck
