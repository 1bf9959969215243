// Where the program's output goes, and whether it got there: a report file
// written whole or not at all, standard output checked write by write.
#pragma once

#include <filesystem>
#include <string_view>

#include "crosscheck/core.h"

namespace crosscheck::cli {

/// Writes `contents` (what it is, "report" or "baseline", goes in messages)
/// to `path`, by what `path` is:
/// - a regular file or a name not yet taken: a temporary file made by
///   mkstemp in the same folder (an unpredictable name, created with O_EXCL,
///   so never through a planted link), written, synced and renamed over
///   `path` only once complete, so a failure leaves the previous file whole.
///   The previous file's permissions (and, where allowed, its owner) are
///   kept; a new file gets 0666 minus the umask.
/// - a symbolic link to a regular file: the same at the link's target; the
///   link stays.
/// - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to that
///   descriptor, as a shell redirection left it (appending stays appending).
/// - a character device (/dev/null, /dev/full, a terminal) or a pipe:
///   opened without creating or truncating anything and written directly.
/// - a folder, a block device, a socket or a link to nothing: refused.
/// Every write, sync and close is checked. Returns false after reporting
/// at `path` what failed and why to `diagnostics`.
bool write_whole_file(const std::filesystem::path& path, std::string_view contents, std::string_view what,
                      DiagnosticSink& diagnostics);

/// Writes `text` to standard output and flushes it. Returns false, after
/// reporting "standard output: error: cannot write the WHAT: REASON" to
/// `diagnostics`, when a write or the flush fails (a full disk, a closed
/// pipe, a device that refuses it); then and after, nothing more is written
/// there. A caller that must not act before its report is delivered (the
/// audit commits its run) waits for true.
bool write_stdout(std::string_view text, std::string_view what, DiagnosticSink& diagnostics);

/// At the end of the program: flushes and closes standard output, and
/// reports on stderr (once: not again after write_stdout did) if anything
/// written there was lost. Returns false then, and when stderr itself
/// failed (nothing can be said about that); main() exits 2.
bool close_standard_streams();

}  // namespace crosscheck::cli
