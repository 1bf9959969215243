#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace crosscheck::cli {

namespace {

// Set once a failure of standard output has been reported, so that it is
// reported once and nothing more is written there.
bool stdout_failed = false;

// strerror's text in the style of our messages: "no space left on device".
std::string reason(int error) {
  std::string text = error == 0 ? "input/output error" : std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N
// stands for, or -1. Written through the descriptor, a shell's `>>` still
// appends and `>` still writes where the shell opened it.
int descriptor_named(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view number = std::string_view(path).substr(prefix.size());
    if (number.empty() || number.size() > 6 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return -1;
    }
    return std::stoi(std::string(number));
  }
  return -1;
}

// Writes all of `contents` to `fd`; 0, or the errno of the write that failed.
int write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t written = ::write(fd, contents.data(), std::min<std::size_t>(contents.size(), 1u << 30));
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (written == 0) return EIO;
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// Writes `contents` to a temporary file beside `target` and renames it over
// `target`. `previous` is the file there now (its mode and owner are kept),
// or null for a new name. Returns 0 or the errno of the step that failed;
// the temporary file is removed then.
int replace_file(const std::string& target, const struct stat* previous, std::string_view contents) {
  const std::filesystem::path path(target);
  std::filesystem::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  // mkstemp: a name nobody can guess, created with O_EXCL, so a link planted
  // under a predictable name (REPORT.partial) can never be written through.
  std::string name = (folder / path.filename()).string() + ".XXXXXX.partial";
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  const int fd = ::mkostemps(buffer.data(), static_cast<int>(std::strlen(".partial")), O_CLOEXEC);
  if (fd < 0) return errno;
  const std::string temporary(buffer.data());
  mode_t mode = 0;
  if (previous != nullptr) {
    mode = previous->st_mode & 07777 & ~static_cast<mode_t>(S_ISUID | S_ISGID);
    if (previous->st_uid != ::geteuid() || previous->st_gid != ::getegid()) {
      // NOTE: only root (or an owner giving the file to one of its groups)
      // may; otherwise the new file is ours, with the old permissions.
      [[maybe_unused]] const int ignored = ::fchown(fd, previous->st_uid, previous->st_gid);
    }
  } else {
    const mode_t mask = ::umask(0);  // single-threaded here: the extraction threads are done
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  int error = ::fchmod(fd, mode) == 0 ? 0 : errno;
  if (error == 0) error = write_all(fd, contents);
  // Synced before the rename: after a crash the name holds the old report or the whole new one.
  if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
  if (error != 0) ::unlink(temporary.c_str());
  return error;
}

// Writes `contents` straight to the device or pipe at `path`, which lstat or
// stat found as `expected`: opened without O_CREAT or O_TRUNC, and checked
// to still be that device or pipe before the first byte goes out (a file
// put there meanwhile is left alone). Returns an empty string or what failed.
std::string write_directly(const std::string& path, const struct stat& expected, std::string_view contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return reason(errno);
  struct stat opened {};
  std::string failure;
  if (::fstat(fd, &opened) != 0) {
    failure = reason(errno);
  } else if (opened.st_dev != expected.st_dev || opened.st_ino != expected.st_ino ||
             !(S_ISCHR(opened.st_mode) || S_ISFIFO(opened.st_mode))) {
    failure = "it changed while it was being opened";
  } else if (const int error = write_all(fd, contents); error != 0) {
    failure = reason(error);
  }
  if (::close(fd) != 0 && failure.empty()) failure = reason(errno);
  return failure;
}

}  // namespace

bool write_whole_file(const std::filesystem::path& path, std::string_view contents, std::string_view what,
                      DiagnosticSink& diagnostics) {
  const std::string name = path.string();
  const auto refuse = [&](std::string message) {
    diagnostics.error({name, 0, 0}, std::move(message));
    return false;
  };
  const auto replace = [&](const std::string& target, const struct stat* previous) {
    if (const int error = replace_file(target, previous, contents); error != 0) {
      return refuse(fmt::format(
          "cannot write the {} here: {}; the file there before, if any, is left as it was; check the folder exists, "
          "is writable and has space",
          what, reason(error)));
    }
    return true;
  };
  const auto direct = [&](const struct stat& expected) {
    if (const std::string failure = write_directly(name, expected, contents); !failure.empty()) {
      return refuse(fmt::format("cannot write the {}: {}; it did not get there whole", what, failure));
    }
    return true;
  };
  const auto refuse_kind = [&](const struct stat& status) {
    const char* kind = S_ISDIR(status.st_mode)    ? "a folder"
                       : S_ISBLK(status.st_mode)  ? "a block device (a disk)"
                       : S_ISSOCK(status.st_mode) ? "a socket"
                                                  : "not a file";
    return refuse(fmt::format("is {}; name a file to write the {} to", kind, what));
  };

  if (const int fd = descriptor_named(name); fd >= 0) {
    if (fd == STDOUT_FILENO && std::fflush(stdout) != 0) return refuse(fmt::format("cannot write the {}", what));
    if (const int error = write_all(fd, contents); error != 0) {
      return refuse(fmt::format("cannot write the {}: {}; it did not get there whole", what, reason(error)));
    }
    return true;
  }
  struct stat status {};
  if (::lstat(name.c_str(), &status) != 0) {
    if (errno == ENOENT) return replace(name, nullptr);
    return refuse(fmt::format("cannot write the {} here: {}; check the path", what, reason(errno)));
  }
  if (S_ISREG(status.st_mode)) return replace(name, &status);
  if (S_ISCHR(status.st_mode) || S_ISFIFO(status.st_mode)) return direct(status);
  if (!S_ISLNK(status.st_mode)) return refuse_kind(status);

  // A symbolic link: what it leads to decides, and the link itself stays.
  struct stat target {};
  if (::stat(name.c_str(), &target) != 0) {
    if (errno == ENOENT) {
      return refuse(
          fmt::format("is a symbolic link to a file that does not exist; crosscheck does not create "
                      "files through links: remove the link or name the file it should point to"));
    }
    if (errno == ELOOP) return refuse("is a symbolic link loop; remove the link or name another file");
    return refuse(fmt::format("cannot write the {} here: {}; check the path", what, reason(errno)));
  }
  if (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)) return direct(target);
  if (!S_ISREG(target.st_mode)) return refuse_kind(target);
  char resolved[PATH_MAX];
  if (::realpath(name.c_str(), resolved) == nullptr) {
    return refuse(fmt::format("cannot write the {} here: {}; check the path", what, reason(errno)));
  }
  return replace(resolved, &target);
}

bool write_stdout(std::string_view text, std::string_view what, DiagnosticSink& diagnostics) {
  if (stdout_failed) return false;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return true;
  stdout_failed = true;
  diagnostics.error({"standard output", 0, 0},
                    fmt::format("cannot write the {}: {}; what got there is incomplete", what, reason(errno)));
  return false;
}

bool close_standard_streams() {
  bool good = true;
  // std::cout writes through stdout (synced with stdio): the first flush
  // that fails says why.
  errno = 0;
  std::cout.flush();
  int flush_error = errno;
  const bool flushed = std::fflush(stdout) == 0;
  if (flush_error == 0) flush_error = errno;
  if (!flushed || std::ferror(stdout) || std::cout.fail()) {
    good = false;
    if (!stdout_failed) {
      stdout_failed = true;
      std::fputs(fmt::format("standard output: error: cannot write the output: {}; what got there is incomplete\n",
                             reason(flush_error))
                     .c_str(),
                 stderr);
    }
  } else if (::close(STDOUT_FILENO) != 0 && errno != EBADF) {
    // A file system that reports a failed write only at close (NFS).
    good = false;
    std::fputs(fmt::format("standard output: error: cannot write the output: {}; what got there is incomplete\n",
                           reason(errno))
                   .c_str(),
               stderr);
  }
  std::cerr.flush();
  if (std::fflush(stderr) != 0 || std::ferror(stderr) || std::cerr.fail()) good = false;
  return good;
}

}  // namespace crosscheck::cli
