// The subcommands of the crosscheck program. Each takes the words after its
// name and returns the exit status; each throws UsageError for a bad command
// line and prints its own --help.
#pragma once

#include <string>
#include <vector>

namespace crosscheck::cli {

/// `crosscheck extract PATHS`: what the pipeline reads from each article.
int run_extract(const std::vector<std::string>& args);

}  // namespace crosscheck::cli
