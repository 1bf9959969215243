#include "lexicon/yaml_support.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <unordered_map>

namespace crosscheck {

SourceSpan yaml_span(const std::string& file, const YAML::Mark& mark, std::uint32_t first_line) {
  if (mark.line < 0) return {file, first_line == 1 ? 0 : first_line, 0};
  return {file, static_cast<std::uint32_t>(mark.line) + first_line, static_cast<std::uint32_t>(mark.column + 1)};
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known) {
  std::string message = fmt::format("unknown key '{}'", key);
  if (std::string hint = suggest(key, known); !hint.empty()) {
    message += fmt::format("; did you mean '{}'?", hint);
  } else {
    message += fmt::format("; expected one of: {}", fmt::join(known, ", "));
  }
  return message;
}

void report_duplicate_keys(const YAML::Node& node, const std::string& file, DiagnosticSink& diagnostics,
                           std::uint32_t first_line) {
  if (!node.IsMap()) return;
  std::unordered_map<std::string, YAML::Mark> first;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const auto [at, inserted] = first.emplace(entry.first.Scalar(), entry.first.Mark());
    if (!inserted) {
      report_duplicate_key(entry.first.Scalar(), entry.first.Mark(), at->second, file, diagnostics, first_line);
    }
  }
}

void report_duplicate_key(std::string_view key, const YAML::Mark& again, const YAML::Mark& first,
                          const std::string& file, DiagnosticSink& diagnostics, std::uint32_t first_line) {
  diagnostics.report({Severity::error,
                      yaml_span(file, again, first_line),
                      fmt::format("duplicate key '{}'; the later would silently replace the first: keep one", key),
                      {{Severity::note, yaml_span(file, first, first_line), "first given here", {}}}});
}

std::optional<YamlTree::Node> read_mapping_file(const std::string& file, std::string_view content, YamlTree& tree,
                                                std::string_view not_a_mapping, DiagnosticSink& diagnostics) {
  try {
    tree = YamlTree::read(content);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(yaml_span(file, e.mark), fmt::format("invalid YAML: {}", e.msg));
    return std::nullopt;
  }
  const YamlTree::Node root = tree.root();
  if (root.IsNull()) return std::nullopt;  // an empty file adds nothing
  if (!root.IsMap()) {
    diagnostics.error(yaml_span(file, root.Mark()), std::string(not_a_mapping));
    return std::nullopt;
  }
  return root;
}

bool yaml_boolean(YamlTree::Node node, std::string_view key, const std::string& file, DiagnosticSink& diagnostics) {
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
  diagnostics.error(yaml_span(file, node.Mark()), fmt::format("'{}' must be true or false", key));
  return false;
}

namespace {

namespace fs = std::filesystem;

// Why the directory entry `path` (a `*.yaml` name) cannot be read as a file,
// or empty when it can be opened as one.
std::string unreadable_reason(const fs::path& path) {
  std::error_code error;
  const fs::file_status link = fs::symlink_status(path, error);
  const fs::file_status target = fs::status(path, error);
  if (error) {
    if (fs::is_symlink(link)) {
      return error == std::errc::too_many_symbolic_link_levels
                 ? "a symbolic link loop; fix or remove the link"
                 : "a broken symbolic link (its target is missing); fix or remove the link";
    }
    return fmt::format("cannot read it: {}", error.message());
  }
  if (fs::is_directory(target)) return "a folder, not a file; rename it or move it out";
  if (fs::is_fifo(target)) return "a FIFO, not a file; replace it with a regular file";
  if (fs::is_character_file(target) || fs::is_block_file(target)) {
    return "a device, not a file; replace it with a regular file";
  }
  if (fs::is_socket(target)) return "a socket, not a file; replace it with a regular file";
  if (!fs::is_regular_file(target)) return "not a regular file; replace it with one";
  return {};
}

// The whole content of the regular file `path`, or an error message.
bool read_whole(const fs::path& path, std::string& content, std::string& why) {
  // O_NONBLOCK: if the file was swapped for a FIFO since it was checked, the
  // open does not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    why = fmt::format("cannot open it: {}", std::strerror(errno));
    return false;
  }
  content.clear();
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      content.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) why = fmt::format("cannot read it: {}", std::strerror(errno));
    break;
  }
  ::close(fd);
  return why.empty();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_yaml_dir(const fs::path& dir, std::string_view folder,
                                                               std::string_view what, std::string_view flag,
                                                               DiagnosticSink& diagnostics) {
  std::vector<std::pair<std::string, std::string>> sources;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    diagnostics.error({dir.generic_string(), 0, 0},
                      fmt::format("{} directory does not exist; pass a folder of .yaml files to {}", folder, flag));
    return sources;
  }
  std::vector<fs::path> files;
  fs::directory_iterator entries(dir, error);
  for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
    const std::string extension = entries->path().extension().string();
    if (extension == ".yaml" || extension == ".yml") files.push_back(entries->path());
  }
  if (error) {
    diagnostics.error({dir.generic_string(), 0, 0},
                      fmt::format("cannot list {} directory: {}", folder, error.message()));
    return sources;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string why = unreadable_reason(file);
    std::string content;
    if (why.empty() && read_whole(file, content, why)) {
      sources.emplace_back(file.generic_string(), std::move(content));
      continue;
    }
    diagnostics.error({file.generic_string(), 0, 0}, fmt::format("cannot read {} file: {}", what, why));
  }
  return sources;
}

}  // namespace crosscheck
