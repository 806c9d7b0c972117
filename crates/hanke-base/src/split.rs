//! Work cut into contiguous parts for threads — *työn jako säikeille*: the
//! one splitting of the computations that run on threads when asked (the
//! indicator kernel, duplicate merging), and the one way they are run. Each part is processed as the whole
//! would be and the results are joined in order, so the cut decides only who
//! does what, never the answer (ADR 0025 §1).

use std::ops::Range;

/// The most parts work is cut into, whatever a caller asks (a Python
/// `threads=10**9`): each part is a thread, and past a few per core they
/// only cost memory and the system's patience.
pub const MAX_PARTS: usize = 64;

/// `len` items cut into at most `parts` (and at most [`MAX_PARTS`])
/// contiguous ranges whose lengths
/// (all but the last) are multiples of `align` and at least `min_len`, so a
/// small input stays one range and starting a thread is worth its cost.
/// Together the ranges cover `0..len` once, in order; no items give one
/// empty range. `parts`, `min_len` and `align` of 0 count as 1.
///
/// ```
/// use hanke_base::split::contiguous;
/// assert_eq!(contiguous(1_000, 2, 100, 64), [0..512, 512..1_000]);
/// assert_eq!(contiguous(150, 4, 100, 1), [0..150]);
/// assert_eq!(contiguous(0, 4, 1, 1), [0..0]);
/// assert_eq!(contiguous(1_024, usize::MAX, 1, 1).len(), 64);
/// ```
#[allow(
    clippy::arithmetic_side_effects,
    reason = "divisions by counts made at least 1; start < end ≤ len in the loop"
)]
pub fn contiguous(len: usize, parts: usize, min_len: usize, align: usize) -> Vec<Range<usize>> {
    let align = align.max(1);
    let parts = parts.min(MAX_PARTS).clamp(1, (len / min_len.max(1)).max(1));
    let per = len
        .div_ceil(align)
        .div_ceil(parts)
        .max(1)
        .saturating_mul(align);
    let mut ranges = Vec::with_capacity(parts);
    let mut start = 0usize;
    loop {
        let end = start.saturating_add(per).min(len);
        ranges.push(start..end);
        if end >= len {
            return ranges;
        }
        start = end;
    }
}

/// `work` of each part, the first on the calling thread and the others on
/// scoped threads, the results in the order of the parts. A part whose thread
/// the system refuses is worked on the calling thread (a thread count never
/// ends a computation); a panic in a thread reaches the caller as that panic,
/// as one thread would have met it.
///
/// ```
/// use hanke_base::split::{contiguous, on_threads};
/// let parts = contiguous(1_000, 3, 1, 1);
/// let sums = on_threads(&parts, |r| r.sum::<usize>());
/// assert_eq!(sums.iter().sum::<usize>(), (0..1_000).sum::<usize>());
/// ```
pub fn on_threads<T: Send>(
    parts: &[Range<usize>],
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    let Some((first, rest)) = parts.split_first() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return vec![work(first.clone())];
    }
    let work = &work;
    std::thread::scope(|scope| {
        let others: Vec<_> = rest
            .iter()
            .map(|part| {
                std::thread::Builder::new()
                    .name("hanke-part".to_owned())
                    .spawn_scoped(scope, move || work(part.clone()))
                    .map_err(|_| part)
            })
            .collect();
        let mut out = Vec::with_capacity(parts.len());
        out.push(work(first.clone()));
        for thread in others {
            match thread {
                Ok(thread) => match thread.join() {
                    Ok(t) => out.push(t),
                    Err(payload) => std::panic::resume_unwind(payload),
                },
                Err(part) => out.push(work(part.clone())),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ranges cover every item once, in order, in at most `parts`
        /// pieces, each but the last aligned and at least `min_len` long.
        #[test]
        fn ranges_cover_every_item_once(
            len in 0usize..100_000,
            parts in proptest::prop_oneof![0usize..70, proptest::prelude::Just(usize::MAX)],
            min_len in 0usize..5_000,
            align in 0usize..100,
        ) {
            let ranges = contiguous(len, parts, min_len, align);
            proptest::prop_assert!(!ranges.is_empty());
            proptest::prop_assert!(ranges.len() <= parts.clamp(1, MAX_PARTS));
            proptest::prop_assert_eq!(ranges.first().map(|r| r.start), Some(0));
            proptest::prop_assert_eq!(ranges.last().map(|r| r.end), Some(len));
            for pair in ranges.windows(2) {
                proptest::prop_assert_eq!(pair[0].end, pair[1].start);
                proptest::prop_assert_eq!(pair[0].len() % align.max(1), 0);
                proptest::prop_assert!(pair[0].len() >= min_len.min(len));
                proptest::prop_assert!(!pair[1].is_empty());
            }
        }
    }
}
