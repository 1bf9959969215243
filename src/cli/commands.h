// The subcommands of the crosscheck program. Each takes the words after its
// name and returns the exit status; each throws UsageError for a bad command
// line and prints its own --help.
#pragma once

#include <string>
#include <vector>

namespace crosscheck::cli {

/// `crosscheck extract PATHS`: what the pipeline reads from each article.
int run_extract(const std::vector<std::string>& args);

/// `crosscheck articles PATHS`: each article as read (src/cli/articles_command.cc).
int run_articles(const std::vector<std::string>& args);

/// `crosscheck check PATHS`: the rules over all claims; findings.
int run_check(const std::vector<std::string>& args);

/// `crosscheck compare A B [C...]`: a handful of articles side by side.
int run_compare(const std::vector<std::string>& args);

/// `crosscheck graph PATHS`: the claim graph as DOT or GraphML.
int run_graph(const std::vector<std::string>& args);

/// `crosscheck rules list|validate`: the rules a check runs.
int run_rules(const std::vector<std::string>& args);

/// `crosscheck audit`: a run against the SQLite store (src/cli/audit_command.cc).
int run_audit_command(const std::vector<std::string>& args);

/// `crosscheck triage`: dismiss or reopen one finding of the audit.
int run_triage(const std::vector<std::string>& args);

}  // namespace crosscheck::cli
