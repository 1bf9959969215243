#include <algorithm>
#include <set>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

namespace {

bool is_article_file(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  return extension == ".txt" || extension == ".md" || extension == ".jsonl";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// Files of a directory tree, sorted by their '/'-separated path.
std::vector<fs::path> walk_directory(const fs::path& root, IngestStats& stats, DiagnosticSink& diagnostics) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator walker(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && walker != fs::recursive_directory_iterator(); walker.increment(error)) {
    const fs::path& path = walker->path();
    if (is_hidden(path)) {
      if (walker->is_directory(error)) walker.disable_recursion_pending();
      continue;
    }
    if (!is_article_file(path) || walker->is_directory(error)) continue;
    files.push_back(path);
  }
  if (error) {
    diagnostics.error({root.generic_string(), 0, 0}, fmt::format("cannot list directory: {}", error.message()));
    ++stats.skipped;
  }
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
    } else if (!fs::exists(status)) {
      diagnostics.error({path.generic_string(), 0, 0}, "no such file or directory; check the path");
      ++stats.skipped;
    } else if (fs::is_character_file(status) || fs::is_block_file(status) || fs::is_socket(status)) {
      // NOTE: /dev/zero never ends and /dev/tty waits for a keyboard.
      diagnostics.error({path.generic_string(), 0, 0},
                        "cannot read a device or socket as articles; name article files or folders");
      ++stats.skipped;
    } else if (!is_article_file(path)) {
      diagnostics.error(
          {path.generic_string(), 0, 0},
          fmt::format("unsupported file type '{}'; crosscheck reads .txt, .md and .jsonl", path.extension().string()));
      ++stats.skipped;
    } else {
      files.push_back(path);
    }
  }
  // The same file named twice (a file and its folder, say) is read once.
  std::set<fs::path> seen;
  std::erase_if(files, [&](const fs::path& file) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(file, error);
    return !seen.insert(error ? file : canonical).second;
  });
  return files;
}

}  // namespace crosscheck
