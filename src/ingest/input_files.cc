#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <utility>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

std::string display_path(const fs::path& path) {
  std::string out = path.lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

std::string unreachable_reason(const fs::path& path, const std::error_code& error) {
  if (error.value() == ELOOP) {
    return "symbolic link loop: the link leads back to itself; fix or remove the link";
  }
  if (error.value() == EACCES) {
    return "permission denied: a folder on the way cannot be searched; give the user running crosscheck "
           "search (x) permission on it";
  }
  std::error_code ignored;
  if (fs::is_symlink(fs::symlink_status(path, ignored))) {
    const fs::path target = fs::read_symlink(path, ignored);
    return fmt::format("broken link to '{}', which does not exist; fix or remove the link", target.generic_string());
  }
  if (error.value() == ENOENT || error.value() == ENOTDIR) return "no such file or directory; check the path";
  return error.message();
}

namespace {

bool is_article_file(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  return extension == ".txt" || extension == ".md" || extension == ".jsonl" || is_html_path(path) ||
         is_warc_path(path) || is_feed_path(path);
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// A folder by its device and inode: the same folder reached by two paths.
using FolderId = std::pair<dev_t, ino_t>;

// Walks folders itself rather than with recursive_directory_iterator, which
// skips a folder it cannot list without a word (with skip_permission_denied)
// or stops the whole walk (without it), and never enters a linked folder.
// Linked folders are followed (an archive is often a link per year on
// another disk); a link back to a folder already on the current path is a
// loop, reported and not entered.
class FolderWalk {
 public:
  FolderWalk(IngestStats& stats, DiagnosticSink& diagnostics) : stats_(stats), diagnostics_(diagnostics) {}

  void walk(const fs::path& folder, std::vector<fs::path>& files) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) {
      unread(folder, unreachable_reason(folder, std::error_code(errno, std::generic_category())));
      return;
    }
    const FolderId id{info.st_dev, info.st_ino};
    if (const auto found =
            std::find_if(path_.begin(), path_.end(), [&](const auto& entry) { return entry.first == id; });
        found != path_.end()) {
      unread(folder, fmt::format("link loop: this folder is '{}' again, which is being read; remove the link",
                                 display_path(found->second)));
      return;
    }
    std::error_code error;
    fs::directory_iterator entries(folder, error);
    if (error) {
      unread(folder, fmt::format("cannot list folder: {}; let the user running crosscheck read it",
                                 describe_listing_error(error)));
      return;
    }
    std::vector<fs::directory_entry> listed;
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
      if (!is_hidden(entries->path())) listed.push_back(*entries);
    }
    if (error) {
      unread(folder, fmt::format("cannot list folder: {}; let the user running crosscheck read it",
                                 describe_listing_error(error)));
    }
    // In name order, so that the errors come in the same order on every machine.
    std::sort(listed.begin(), listed.end(),
              [](const auto& a, const auto& b) { return a.path().generic_string() < b.path().generic_string(); });
    path_.emplace_back(id, folder);
    std::vector<fs::path> folders;
    for (const fs::directory_entry& entry : listed) {
      const fs::path& path = entry.path();
      std::error_code status_error;
      const fs::file_status status = entry.status(status_error);
      if (status_error && status_error.value() == EACCES) {
        // Listed but not searchable (r without x): every entry fails alike.
        unread(folder,
               "cannot read the folder's entries: permission denied (it can be listed but not searched); "
               "give the user running crosscheck search (x) permission on it");
        break;
      }
      if (status_error) {
        unread(path, unreachable_reason(path, status_error));
      } else if (fs::is_directory(status)) {
        folders.push_back(path);
      } else if (is_article_file(path)) {
        files.push_back(path);  // a pipe or device of that name is refused by its reader
      }
    }
    for (const fs::path& sub : folders) walk(sub, files);
    path_.pop_back();
  }

 private:
  static std::string describe_listing_error(const std::error_code& error) {
    return error.value() == EACCES ? "permission denied" : error.message();
  }

  // A path whose files could not all be found: an error of the run, and
  // whatever was read from under it before is not known to be gone.
  void unread(const fs::path& path, const std::string& message) {
    diagnostics_.error({display_path(path), 0, 0}, message);
    stats_.unread_paths.push_back(display_path(path));
    ++stats_.skipped;
  }

  IngestStats& stats_;
  DiagnosticSink& diagnostics_;
  std::vector<std::pair<FolderId, fs::path>> path_;  // the folders being read, outermost first
};

// Files of a directory tree, sorted by their '/'-separated path.
std::vector<fs::path> walk_directory(const fs::path& root, IngestStats& stats, DiagnosticSink& diagnostics) {
  std::vector<fs::path> files;
  FolderWalk(stats, diagnostics).walk(root, files);
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  return files;
}

}  // namespace

std::vector<fs::path> list_input_files(const std::vector<fs::path>& paths, IngestStats& stats,
                                       DiagnosticSink& diagnostics) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (fs::is_directory(status)) {
      for (fs::path& file : walk_directory(path, stats, diagnostics)) files.push_back(std::move(file));
    } else if (error) {
      // Missing, a broken or looping link, or behind a folder that cannot be searched.
      diagnostics.error({path.generic_string(), 0, 0}, unreachable_reason(path, error));
      stats.unread_paths.push_back(display_path(path));
      ++stats.skipped;
    } else if (fs::is_character_file(status) || fs::is_block_file(status) || fs::is_socket(status)) {
      // NOTE: /dev/zero never ends and /dev/tty waits for a keyboard.
      diagnostics.error({path.generic_string(), 0, 0},
                        "cannot read a device or socket as articles; name article files or folders");
      ++stats.skipped;
    } else if (!is_article_file(path)) {
      diagnostics.error({path.generic_string(), 0, 0},
                        fmt::format("unsupported file type '{}'; crosscheck reads .txt, .md, .jsonl, .html, .htm, "
                                    ".warc, .rss, .atom and .xml (and .html.gz, .warc.gz)",
                                    path.extension().string()));
      ++stats.skipped;
    } else {
      files.push_back(path);
    }
  }
  // The same file named twice (a file and its folder, or two links to one
  // folder) is read once.
  std::set<fs::path> seen;
  std::erase_if(files, [&](const fs::path& file) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(file, error);
    return !seen.insert(error ? file : canonical).second;
  });
  return files;
}

}  // namespace crosscheck
