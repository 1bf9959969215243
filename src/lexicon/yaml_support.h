// What the YAML loaders (lexicon, rules, front matter) share. Private.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/core.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck {

/// yaml-cpp's 0-based mark as a 1-based place in `file`; `first_line` is the
/// file line the YAML starts on (front matter starts on line 2).
SourceSpan yaml_span(const std::string& file, const YAML::Mark& mark, std::uint32_t first_line = 1);

/// "unknown key 'tolerence'; did you mean 'tolerance'?", or the known keys
/// when none is close.
std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known);

/// Reports each key that the mapping `node` gives twice, at the second with a
/// note at the first: yaml-cpp keeps both, and a loader walking the entries
/// would silently take the later. Scalar keys only; a non-mapping is ignored.
/// Linear in the number of keys; it does not descend into the values, so a
/// YAML alias bomb costs nothing here.
void report_duplicate_keys(const YAML::Node& node, const std::string& file, DiagnosticSink& diagnostics,
                           std::uint32_t first_line = 1);

/// The error of a key given a second time, at `again`, with a note at `first`.
void report_duplicate_key(std::string_view key, const YAML::Mark& again, const YAML::Mark& first,
                          const std::string& file, DiagnosticSink& diagnostics, std::uint32_t first_line = 1);

/// Reads the YAML file `file` (its text `content`, which must outlive
/// `tree`) into `tree` and returns its root mapping. An empty file gives
/// nothing; so do a syntax error and a root that is not a mapping, each an
/// error at its place (`not_a_mapping` says what the file must be).
std::optional<YamlTree::Node> read_mapping_file(const std::string& file, std::string_view content, YamlTree& tree,
                                                std::string_view not_a_mapping, DiagnosticSink& diagnostics);

/// The value of `node` for the key `key`, which must be true or false; an
/// error at `node` (false) otherwise.
bool yaml_boolean(YamlTree::Node node, std::string_view key, const std::string& file, DiagnosticSink& diagnostics);

/// The `*.yaml` and `*.yml` files of `dir` as (name, content), sorted by name.
/// `folder` and `what` name the folder and its files in messages ("rules",
/// "rule"), `flag` is the option that gave the folder. A folder that does not exist or cannot be listed, and
/// every `*.yaml` entry that cannot be read as a file (a broken or looping
/// link, a link to a device, a FIFO, a folder, no read permission), is an
/// error with its path; a FIFO or device is never opened.
std::vector<std::pair<std::string, std::string>> read_yaml_dir(const std::filesystem::path& dir,
                                                               std::string_view folder, std::string_view what,
                                                               std::string_view flag, DiagnosticSink& diagnostics);

}  // namespace crosscheck
