// A damaged audit store: a valid store built once from corpora/, the fuzzer's
// bytes applied to it as damage (page, offset, bytes), then the audit's read
// paths run on it. They must refuse with an AuditError or read it, never
// crash, hang or throw anything else.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "crosscheck/audit.h"

namespace {

namespace fs = std::filesystem;

struct Setup {
  crosscheck::Lexicon lexicon;
  std::vector<crosscheck::Rule> rules;
  fs::path store;
  std::string pristine;  // the valid store's bytes
};

const Setup& setup() {
  static const Setup s = [] {
    crosscheck::DiagnosticSink sink;
    Setup out{crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink), {}, {}, {}};
    out.rules = crosscheck::load_rules(crosscheck::default_rule_sources(), out.lexicon, sink);
    out.store = fs::temp_directory_path() / ("crosscheck-fuzz-" + std::to_string(::getpid()) + "-audit.db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(out.store.string() + suffix);
    crosscheck::run_audit({CROSSCHECK_CORPORA}, {out.store, ""}, out.rules, out.lexicon, sink);
    std::ifstream in(out.store, std::ios::binary);
    out.pristine.assign(std::istreambuf_iterator<char>(in), {});
    if (out.pristine.size() < 4096) std::abort();
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Setup& s = setup();
  // Damage: records of page (1 byte), offset in the page (2 bytes), length
  // (1 byte) and that many bytes, written over the store's pages.
  std::string bytes = s.pristine;
  const std::size_t pages = bytes.size() / 4096;
  for (std::size_t at = 0; at + 4 <= size;) {
    const std::size_t page = data[at] % pages;
    const std::size_t offset = (data[at + 1] | (data[at + 2] << 8)) % 4096;
    std::size_t length = data[at + 3];
    at += 4;
    length = std::min({length, size - at, 4096 - offset});
    bytes.replace(page * 4096 + offset, length, reinterpret_cast<const char*>(data + at), length);
    at += length;
  }
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(s.store.string() + suffix);
  std::ofstream(s.store, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  try {
    (void)crosscheck::audit_history(s.store);
  } catch (const crosscheck::AuditError&) {
  }
  try {
    crosscheck::DiagnosticSink sink;
    (void)crosscheck::run_audit({CROSSCHECK_CORPORA}, {s.store, ""}, s.rules, s.lexicon, sink);
  } catch (const crosscheck::AuditError&) {
  }
  return 0;
}
