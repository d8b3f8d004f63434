//! One sort for the whole crate, to keep the WebAssembly small.
//!
//! Each `sort_by_key` on another element or key type makes the compiler emit another copy of
//! the standard library's sort (its quicksort, merges and small sorts, some kilobytes each):
//! the widget had 117 of them, 16% of its WebAssembly (bench/ANALYSIS.md). Here the sorting
//! itself is compiled once, on indexes with a `dyn` comparator; each call site only compares
//! and moves its own elements. Every sort here is stable, as `sort_by` is.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp`: the only instantiation of the standard sort.
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Puts `v` in the order `idx`, where `idx[k]` is the index of the element that goes to `k`.
fn apply<T>(v: &mut [T], mut idx: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        // Walk the cycle through `start`: the element at `start` moves along it, each
        // position taking its own element as it goes.
        let mut at = start;
        while idx[at] != DONE {
            let from = std::mem::replace(&mut idx[at], DONE);
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `v` stably by `cmp` (as `slice::sort_by`).
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    apply(v, idx);
}

/// Sorts `v` stably by `key` (as `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `key`, worked out once for each element (as `sort_by_cached_key`).
pub fn by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let idx = order(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    apply(v, idx);
}

/// Sorts `v` into ascending order (as `slice::sort`).
pub fn ascending<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does_and_stably() {
        // Every permutation-like shape: sorted, reversed, repeated keys, cycles of every length.
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 3, 5, 8, 31, 100, 1000] {
            for _ in 0..20 {
                let v: Vec<(u32, usize)> = (0..n)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        (((seed >> 33) % (n as u64 / 3 + 1)) as u32, i)
                    })
                    .collect();
                let mut ours = v.clone();
                by_key(&mut ours, |x| x.0);
                let mut theirs = v.clone();
                theirs.sort_by_key(|x| x.0);
                assert_eq!(ours, theirs, "stable, as sort_by_key");
                let mut cached = v.clone();
                by_cached_key(&mut cached, |x| std::cmp::Reverse(x.0));
                let mut want = v.clone();
                want.sort_by_key(|x| std::cmp::Reverse(x.0));
                assert_eq!(cached, want);
                let mut plain = v.clone();
                ascending(&mut plain);
                let mut want = v;
                want.sort();
                assert_eq!(plain, want);
            }
        }
        let mut words = vec!["pear", "apple", "fig", "apple"];
        ascending(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
