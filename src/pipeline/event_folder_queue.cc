// crosscheck: articles held back until their folder is read (event_folder_queue.h).
#include "event_folder_queue.h"

#include <vector>

namespace crosscheck {
namespace {

// Whether `folder` is `outer` or lies under it ("." holds every relative
// folder below it, "/" every absolute one: event_folder_of's names for files
// named without a folder and for files at the root).
bool lies_in(const std::string& folder, const std::string& outer) {
  if (folder == outer) return true;
  if (outer == ".") return !folder.starts_with('/') && folder != ".." && !folder.starts_with("../");
  if (outer == "/") return folder.starts_with('/');
  return folder.size() > outer.size() && folder.compare(0, outer.size(), outer) == 0 && folder[outer.size()] == '/';
}

}  // namespace

void EventFolderQueue::push(ExtractedArticle&& article) {
  std::string folder = event_folder_of(article.article.origin.file);
  close_folders_apart_from(folder);
  Folder& state = open_[folder];
  if (!article.claims.empty() && ++state.with_figures > kMaxEventFolderArticles) state.given_up = true;
  held_.push_back({std::move(folder), std::move(article)});
  if (held_.size() > kMaxHeldArticles) {
    const auto front = open_.find(held_.front().folder);
    if (front != open_.end()) front->second.given_up = true;
  }
  hand_on_ready();
}

void EventFolderQueue::finish() {
  while (!open_.empty()) close(open_.begin());
  hand_on_ready();
}

void EventFolderQueue::close_folders_apart_from(const std::string& folder) {
  for (auto it = open_.begin(); it != open_.end();) {
    const auto next = std::next(it);
    if (!lies_in(folder, it->first)) close(it);
    it = next;
  }
}

// Places the figures of a folder read to its end: all its articles are held.
void EventFolderQueue::close(std::map<std::string, Folder>::iterator folder) {
  if (!folder->second.given_up) {
    std::vector<Claim*> claims;
    for (Held& held : held_) {
      if (held.folder != folder->first) continue;
      for (Claim& claim : held.article.claims) claims.push_back(&claim);
    }
    place_event_figures(claims);
  }
  open_.erase(folder);
}

void EventFolderQueue::hand_on_ready() {
  while (!held_.empty()) {
    const auto folder = open_.find(held_.front().folder);
    if (folder != open_.end() && !folder->second.given_up) return;
    hand_on_(std::move(held_.front().article));
    held_.pop_front();
  }
}

}  // namespace crosscheck
