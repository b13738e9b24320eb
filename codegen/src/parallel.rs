//! Running the catalogs of a build in parallel, one thread per core.
//!
//! Generating a catalog has a first stage that cannot be split (parsing its YAML) and a second
//! that can run on any thread once the first is done (expanding and formatting it). Threads start
//! every first stage before any second stage, and a thread with no first stage left takes the
//! second stage of a catalog another thread has parsed: with five equal catalogs on two cores, no
//! core waits idle while the fifth catalog is parsed, as it would if each thread took whole
//! catalogs.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Runs `first` on every item and `second` on each result, on up to one thread per core, and
/// returns the final results in the items' order. A panic in either stage (a bug in the
/// generator) surfaces as a panic of the caller.
pub(crate) fn in_two_stages<T: Sync, M: Send, R: Send>(
    items: &[T],
    first: impl Fn(&T) -> M + Sync,
    second: impl Fn(M) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    in_two_stages_on(threads, items, first, second)
}

/// [`in_two_stages`] on exactly `threads` threads (one: on the calling thread).
fn in_two_stages_on<T: Sync, M: Send, R: Send>(
    threads: usize,
    items: &[T],
    first: impl Fn(&T) -> M + Sync,
    second: impl Fn(M) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 {
        return items.iter().map(|item| second(first(item))).collect();
    }
    let board = Board {
        state: Mutex::new(State {
            next_first: 0,
            running_firsts: 0,
            ready: VecDeque::new(),
        }),
        changed: Condvar::new(),
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(job) = board.next_job(items.len()) {
                        match job {
                            Job::First(index) => {
                                let finished = FirstStage { board: &board };
                                let middle = first(&items[index]);
                                finished.hand_over(index, middle);
                            }
                            Job::Second(index, middle) => done.push((index, second(middle))),
                        }
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(done) => done,
                Err(payload) => std::panic::resume_unwind(payload),
            })
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// What the threads share: which first stages are taken and which second stages are ready.
struct Board<M> {
    state: Mutex<State<M>>,
    changed: Condvar,
}

struct State<M> {
    next_first: usize,
    running_firsts: usize,
    ready: VecDeque<(usize, M)>,
}

enum Job<M> {
    First(usize),
    Second(usize, M),
}

impl<M> Board<M> {
    fn lock(&self) -> MutexGuard<'_, State<M>> {
        // A panicking stage never holds the lock; the state stays consistent either way.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next job: a first stage while any is left, else a ready second stage, waiting while
    /// first stages still run elsewhere; `None` when everything is taken.
    fn next_job(&self, count: usize) -> Option<Job<M>> {
        let mut state = self.lock();
        loop {
            if state.next_first < count {
                let index = state.next_first;
                state.next_first += 1;
                state.running_firsts += 1;
                return Some(Job::First(index));
            }
            if let Some((index, middle)) = state.ready.pop_front() {
                return Some(Job::Second(index, middle));
            }
            if state.running_firsts == 0 {
                return None;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// A first stage in progress. Handing its result over, or unwinding out of a panic, marks it
/// finished, so waiting threads never wait for a stage that will not finish.
struct FirstStage<'a, M> {
    board: &'a Board<M>,
}

impl<M> FirstStage<'_, M> {
    fn hand_over(self, index: usize, middle: M) {
        self.board.lock().ready.push_back((index, middle));
        // `drop` counts the stage finished and wakes the waiting threads.
    }
}

impl<M> Drop for FirstStage<'_, M> {
    fn drop(&mut self) {
        self.board.lock().running_firsts -= 1;
        self.board.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_keep_the_items_order_on_any_number_of_threads() {
        let items: Vec<usize> = (0..37).collect();
        for threads in [1, 2, 3, 8, 64] {
            let seconds = AtomicUsize::new(0);
            let results = in_two_stages_on(
                threads,
                &items,
                |item| {
                    // Uneven first stages, so second stages become ready out of order.
                    std::thread::sleep(std::time::Duration::from_micros((item % 5) as u64 * 200));
                    item * 10
                },
                |middle| {
                    seconds.fetch_add(1, Ordering::Relaxed);
                    middle + 1
                },
            );
            let expected: Vec<usize> = items.iter().map(|item| item * 10 + 1).collect();
            assert_eq!(results, expected, "{threads} threads");
            assert_eq!(seconds.load(Ordering::Relaxed), items.len());
        }
    }

    #[test]
    fn no_items_no_work() {
        let results: Vec<u8> = in_two_stages(&[] as &[u8], |item| *item, |item| item);
        assert!(results.is_empty());
    }

    #[test]
    fn a_panic_in_a_first_stage_reaches_the_caller_instead_of_hanging() {
        let items: Vec<usize> = (0..6).collect();
        let outcome = std::panic::catch_unwind(|| {
            in_two_stages_on(
                2,
                &items,
                |item| {
                    assert_ne!(*item, 3, "stage bug");
                    *item
                },
                |middle| middle,
            )
        });
        assert!(outcome.is_err());
    }

    #[test]
    fn second_stages_start_while_a_first_stage_still_runs() {
        // Item 0's first stage waits until some second stage has run: that happens only if an
        // idle thread takes ready second stages instead of waiting for every first stage.
        let items: Vec<usize> = (0..3).collect();
        let seconds = AtomicUsize::new(0);
        let results = in_two_stages_on(
            2,
            &items,
            |item| {
                if *item == 0 {
                    let start = std::time::Instant::now();
                    while seconds.load(Ordering::SeqCst) == 0 {
                        assert!(start.elapsed().as_secs() < 30, "no second stage ran");
                        std::thread::yield_now();
                    }
                }
                *item
            },
            |middle| {
                seconds.fetch_add(1, Ordering::SeqCst);
                middle
            },
        );
        assert_eq!(results, vec![0, 1, 2]);
    }
}
