#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "crosscheck/pipeline.h"
#include "event_folder_queue.h"

namespace crosscheck {

namespace {

// A batch closes at whichever comes first: small batches keep every worker
// busy on a small corpus, large ones keep the locking rare on a big one.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
constexpr std::size_t kBatchArticles = 256;

// An article on its way: its claims, or the error that stopped them, and
// how many of ingest's diagnostics came before it, so that every
// diagnostic is reported in input order whatever the number of jobs.
struct Pending {
  ExtractedArticle item;
  std::size_t diagnostics_before = 0;
  std::optional<Diagnostic> error;
};

struct Batch {
  std::size_t sequence = 0;
  std::size_t bytes = 0;
  std::vector<Pending> articles;
};

// Extracts an article with the thread's own extractor (neither ICU's break
// iterator nor the extractor's scratch space may be shared). An article
// over a limit of the claims stage, or one that runs out of memory, is
// skipped with an error naming it; the run goes on.
void read(ArticleExtractor& extractor, Pending& pending) {
  pending.error = extractor.extract_into(pending.item);
  std::string().swap(pending.item.article.text);  // the claims hold their sentences; the text may go
}

// Batches handed to worker threads and taken back in the order they were
// given, with at most `max_in_flight` of them out at once.
class WorkerPool {
 public:
  WorkerPool(const Lexicon& lexicon, unsigned jobs) : max_in_flight_(2 * std::size_t{jobs} + 1) {
    for (unsigned i = 0; i < jobs; ++i) threads_.emplace_back([this, &lexicon] { work(lexicon); });
  }

  ~WorkerPool() {
    {
      const std::lock_guard lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Hands `batch` to the workers, first taking back (through `emit`) as
  /// many finished batches as it must to stay within the bound.
  void submit(Batch&& batch, const std::function<void(Batch&)>& emit) {
    {
      const std::lock_guard lock(mutex_);
      batch.sequence = submitted_++;
      todo_.push_back(std::move(batch));
    }
    work_ready_.notify_one();
    take_back(false, emit);
  }

  /// Passes finished batches to `emit` in order: all of them when `all`,
  /// else those ready now plus as many as needed to get under the bound.
  void take_back(bool all, const std::function<void(Batch&)>& emit) {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        const bool must_wait = all ? emitted_ < submitted_ : submitted_ - emitted_ >= max_in_flight_;
        if (must_wait) {
          batch_done_.wait(lock, [&] { return failure_ || done_.count(emitted_) > 0; });
        }
        if (failure_) std::rethrow_exception(failure_);
        const auto next = done_.find(emitted_);
        if (next == done_.end()) return;
        batch = std::move(next->second);
        done_.erase(next);
        ++emitted_;
      }
      emit(batch);  // outside the lock: the workers go on meanwhile
    }
  }

 private:
  void work(const Lexicon& lexicon) {
    try {
      ArticleExtractor extractor(lexicon);
      for (;;) {
        Batch batch;
        {
          std::unique_lock lock(mutex_);
          work_ready_.wait(lock, [&] { return closing_ || !todo_.empty(); });
          if (closing_) return;  // finished, or the calling thread gave up on an error
          batch = std::move(todo_.front());
          todo_.pop_front();
        }
        for (Pending& pending : batch.articles) read(extractor, pending);
        {
          const std::lock_guard lock(mutex_);
          done_.emplace(batch.sequence, std::move(batch));
        }
        batch_done_.notify_all();
      }
    } catch (...) {
      {
        const std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      batch_done_.notify_all();
    }
  }

  const std::size_t max_in_flight_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::deque<Batch> todo_;
  std::map<std::size_t, Batch> done_;  // finished, by sequence, until their turn comes
  std::size_t submitted_ = 0;
  std::size_t emitted_ = 0;
  bool closing_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;
};

}  // namespace

unsigned resolve_jobs(unsigned jobs) {
  // Each worker holds its own ICU break iterator and phrase tables (a few MB):
  // a mistyped --jobs 10000 must not take the machine.
  constexpr unsigned kMaxJobs = 256;
  if (jobs > 0) return std::min(jobs, kMaxJobs);
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

IngestStats extract_in_parallel(const std::vector<std::filesystem::path>& paths, const Lexicon& lexicon,
                                const ExtractionOptions& options,
                                const std::function<void(ExtractedArticle&&)>& on_article,
                                DiagnosticSink& diagnostics) {
  if (options.place_events) {
    ExtractionOptions direct = options;
    direct.place_events = false;
    EventFolderQueue queue(on_article);
    const IngestStats stats = extract_in_parallel(
        paths, lexicon, direct, [&](ExtractedArticle&& done) { queue.push(std::move(done)); }, diagnostics);
    queue.finish();
    return stats;
  }
  const auto wanted = [&](const Article& article) { return !options.wanted || options.wanted(article); };
  const unsigned jobs = resolve_jobs(options.jobs);
  // Ingest's diagnostics wait here until the articles read before them are
  // handed on, so that an article's own error comes in its place.
  DiagnosticSink ingest_diagnostics;
  std::size_t forwarded = 0;
  const auto forward_until = [&](std::size_t end) {
    const auto& held = ingest_diagnostics.diagnostics();
    for (; forwarded < end && forwarded < held.size(); ++forwarded) diagnostics.report(held[forwarded]);
  };
  std::size_t failed = 0;
  const auto hand_on = [&](Pending& pending) {
    forward_until(pending.diagnostics_before);
    if (pending.error) {
      diagnostics.report(std::move(*pending.error));
      ++failed;
      return;
    }
    on_article(std::move(pending.item));
  };
  const auto pending_for = [&](Article&& article) {
    return Pending{{std::move(article), 0, {}}, ingest_diagnostics.diagnostics().size(), std::nullopt};
  };
  const auto finish = [&](IngestStats stats) {
    forward_until(ingest_diagnostics.diagnostics().size());
    stats.articles -= failed;
    stats.skipped += failed;
    return stats;
  };
  if (jobs == 1) {
    ArticleExtractor extractor(lexicon);
    return finish(ingest(
        paths,
        [&](Article&& article) {
          if (!wanted(article)) return;
          Pending pending = pending_for(std::move(article));
          read(extractor, pending);
          hand_on(pending);
        },
        ingest_diagnostics, options.limits));
  }

  WorkerPool pool(lexicon, jobs);
  const auto emit = [&](Batch& batch) {
    for (Pending& pending : batch.articles) hand_on(pending);
  };
  Batch batch;
  const auto send = [&] {
    if (batch.articles.empty()) return;
    pool.submit(std::move(batch), emit);
    batch = Batch{};
  };
  const IngestStats stats = ingest(
      paths,
      [&](Article&& article) {
        if (!wanted(article)) return;
        batch.bytes += article.text.size();
        batch.articles.push_back(pending_for(std::move(article)));
        if (batch.bytes >= kBatchBytes || batch.articles.size() >= kBatchArticles) send();
      },
      ingest_diagnostics, options.limits);
  send();
  pool.take_back(true, emit);
  return finish(stats);
}

}  // namespace crosscheck
