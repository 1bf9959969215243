// Helpers shared by the tests: a scratch folder and file writers.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace crosscheck::testing {

/// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("crosscheck-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `bytes` exactly (no newline translation) to `name` under the dir.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

/// The public data beside the checkout (`../shared`), which our machines and
/// CI have and a user's clone does not. Returns the absolute path of
/// `relative` under it (`"seeds/000_bcd2389161724dfe.txt"`,
/// `"data/reuters21578/json-data"`), or nothing after printing
/// "skipped: needs ../shared/RELATIVE" on stdout: CTest's
/// SKIP_REGULAR_EXPRESSION for these tests turns that into a skip.
/// The caller returns at once: `if (!path) return;`
inline std::optional<std::filesystem::path> shared_data(std::string_view relative) {
  std::filesystem::path path = std::filesystem::path(CROSSCHECK_SOURCE_DIR).parent_path() / "shared" / relative;
  std::error_code error;
  if (std::filesystem::exists(path, error)) return path;
  std::cout << "skipped: needs ../shared/" << relative << " (the public test data beside the checkout)\n";
  return std::nullopt;
}

/// The whole of a file under `../shared`, or nothing (and the skip message).
inline std::optional<std::string> shared_text(std::string_view relative) {
  const std::optional<std::filesystem::path> path = shared_data(relative);
  if (!path) return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

/// The body of an article of the bundled `corpora/` (its front matter left
/// out), for the checks the seed gets where `../shared` is absent.
inline std::string corpus_article_body(std::string_view relative) {
  std::ifstream in(std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "corpora" / relative, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  const std::string text = std::move(content).str();
  // Front matter is "---\n...\n---\n" at the very start.
  if (!text.starts_with("---\n")) return text;
  const std::size_t close = text.find("\n---\n", 3);
  return close == std::string::npos ? text : text.substr(close + 5);
}

/// The seed article the project started from (`../shared/seeds/`), or nothing.
inline std::optional<std::string> seed_text() { return shared_text("seeds/000_bcd2389161724dfe.txt"); }

}  // namespace crosscheck::testing
