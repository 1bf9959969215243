#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "crosscheck/pipeline.h"
#include "crosscheck/segment.h"

namespace crosscheck {

namespace {

// A batch closes at whichever comes first: small batches keep every worker
// busy on a small corpus, large ones keep the locking rare on a big one.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
constexpr std::size_t kBatchArticles = 256;

struct Batch {
  std::size_t sequence = 0;
  std::size_t bytes = 0;
  std::vector<ExtractedArticle> articles;
};

// Segments and extracts articles; one per thread (neither ICU's break
// iterator nor the extractor's scratch space may be shared).
class ArticleReader {
 public:
  explicit ArticleReader(const Lexicon& lexicon) : segmenter_(lexicon), extractor_(lexicon) {}

  void read(ExtractedArticle& item) {
    const SegmentedText parts = segmenter_.segment(item.article.text);
    item.sentences = parts.sentences.size();
    item.claims = extractor_.extract(item.article, parts);
    std::string().swap(item.article.text);  // the claims hold their sentences; the text may go
  }

 private:
  Segmenter segmenter_;
  ClaimExtractor extractor_;
};

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
      ArticleReader reader(lexicon);
      for (;;) {
        Batch batch;
        {
          std::unique_lock lock(mutex_);
          work_ready_.wait(lock, [&] { return closing_ || !todo_.empty(); });
          if (closing_) return;  // finished, or the calling thread gave up on an error
          batch = std::move(todo_.front());
          todo_.pop_front();
        }
        for (ExtractedArticle& item : batch.articles) reader.read(item);
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
  const auto wanted = [&](const Article& article) { return !options.wanted || options.wanted(article); };
  const unsigned jobs = resolve_jobs(options.jobs);
  if (jobs == 1) {
    ArticleReader reader(lexicon);
    return ingest(
        paths,
        [&](Article&& article) {
          if (!wanted(article)) return;
          ExtractedArticle item{std::move(article), 0, {}};
          reader.read(item);
          on_article(std::move(item));
        },
        diagnostics, options.limits);
  }

  WorkerPool pool(lexicon, jobs);
  const auto emit = [&](Batch& batch) {
    for (ExtractedArticle& item : batch.articles) on_article(std::move(item));
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
        batch.articles.push_back({std::move(article), 0, {}});
        if (batch.bytes >= kBatchBytes || batch.articles.size() >= kBatchArticles) send();
      },
      diagnostics, options.limits);
  send();
  pool.take_back(true, emit);
  return stats;
}

}  // namespace crosscheck
