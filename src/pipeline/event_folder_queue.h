// crosscheck: articles held back until their folder is read, so that
// place_event_figures sees the whole folder (parallel_extraction.cc).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <string>

#include "crosscheck/pipeline.h"

namespace crosscheck {

/// Hands articles on in the order they come, each folder's once the folder
/// has been read to its end and its figures placed by their event. Input
/// files come sorted by path, so a folder's articles come before any of a
/// folder outside it: an article from outside closes it. Holds at most the
/// articles of the folders being read, and gives up linking a folder once
/// it has more than kMaxEventFolderArticles articles with figures (as
/// place_event_figures would) or once more than kMaxHeldArticles articles
/// wait behind it (a folder whose few files lie among large subfolders).
class EventFolderQueue {
 public:
  static constexpr std::size_t kMaxHeldArticles = 10'000;

  explicit EventFolderQueue(std::function<void(ExtractedArticle&&)> hand_on) : hand_on_(std::move(hand_on)) {}

  void push(ExtractedArticle&& article);
  /// Hands on everything held: the run is over.
  void finish();

 private:
  struct Folder {
    std::size_t with_figures = 0;
    bool given_up = false;
  };
  void close_folders_apart_from(const std::string& folder);
  void close(std::map<std::string, Folder>::iterator folder);
  void hand_on_ready();

  std::function<void(ExtractedArticle&&)> hand_on_;
  struct Held {
    std::string folder;  // event_folder_of its file, worked out once
    ExtractedArticle article;
  };
  std::deque<Held> held_;
  std::map<std::string, Folder> open_;  // the folders whose articles may still come
};

}  // namespace crosscheck
