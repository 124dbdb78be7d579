//! Running many audits on the available cores.
//!
//! Fleets and cascades audit thousands of plans against a few parent
//! indexes; [`in_parallel`] is the one work queue they share.

/// Runs `job(0)`, `job(1)`, … `job(jobs - 1)` on the available cores (at
/// most 16, and no more than one thread per four jobs; on WebAssembly, the
/// calling thread alone) and returns their results in job order.
///
/// Each thread takes the next job in turn, so that a slow thread (a busy
/// core) does not hold up the others; the calling thread works too (the
/// results it makes are freed faster where the caller drops them). A job
/// that panics re-raises its panic here: no result vanishes.
///
/// ```
/// let squares = obligraph_rules::parallel::in_parallel(100, |i| i * i);
/// assert_eq!(squares[7], 49);
/// assert_eq!(squares.len(), 100);
/// ```
pub fn in_parallel<T: Send>(jobs: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    // WebAssembly (wasm32-wasip1) has no threads: one core, no spawn.
    #[cfg(target_family = "wasm")]
    let cores = 1;
    #[cfg(not(target_family = "wasm"))]
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let threads = cores.clamp(1, 16).min(jobs / 4).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if i >= jobs {
                break;
            }
            out.push((i, job(i)));
        }
        out
    };
    let mut done: Vec<(usize, T)> = if threads == 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
            let mut done = work();
            done.extend(
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            );
            done
        })
    };
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_once_in_order() {
        for n in [0, 1, 3, 4, 17, 1000] {
            let out = in_parallel(n, |i| i);
            assert_eq!(out, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    #[should_panic(expected = "job 13")]
    fn a_panicking_job_re_raises() {
        in_parallel(100, |i| {
            assert_ne!(i, 13, "job 13");
            i
        });
    }
}
