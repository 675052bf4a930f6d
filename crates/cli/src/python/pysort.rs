//! CPython 3.11's `list.sort()` (`Objects/listobject.c`: timsort with the powersort merge strategy), comparison
//! for comparison, so that items whose order `<` does not define (NaN) land where Python puts them. Any
//! stable sort agrees with it on a consistent order; only this one agrees on the others too, and it never
//! panics on an inconsistent `<`.

/// How many wins in a row switch a merge into galloping mode (`MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// Sorts `items` as `list.sort()` does, `lt(a, b)` being Python's `a < b` (of the keys, for `sorted(key=...)`).
pub fn sort_by<T: Clone>(items: &mut [T], mut lt: impl FnMut(&T, &T) -> bool) {
    let n = items.len();
    if n < 2 {
        return;
    }
    let mut state = MergeState { lt: &mut lt, min_gallop: MIN_GALLOP, pending: Vec::new(), listlen: n };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = state.count_run(&items[lo..lo + remaining]);
        if descending {
            items[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            state.binary_sort(&mut items[lo..lo + force], run);
            run = force;
        }
        state.found_new_run(items, run);
        state.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        remaining -= run;
    }
    state.force_collapse(items);
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `powerloop`: the power of the run boundary between runs `[s1, s1 + n1)` and `[s1 + n1, s1 + n1 + n2)` of a
/// list of `n` items.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

#[derive(Clone, Copy, Debug)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'f, F> {
    lt: &'f mut F,
    min_gallop: usize,
    pending: Vec<Run>,
    listlen: usize,
}

impl<F> MergeState<'_, F> {
    fn lt<T>(&mut self, a: &T, b: &T) -> bool
    where
        F: FnMut(&T, &T) -> bool,
    {
        (self.lt)(a, b)
    }

    /// `count_run`: the length of the run at the start of `items`, and whether it is strictly descending.
    fn count_run<T>(&mut self, items: &[T]) -> (usize, bool)
    where
        F: FnMut(&T, &T) -> bool,
    {
        if items.len() == 1 {
            return (1, false);
        }
        let mut n = 2;
        if self.lt(&items[1], &items[0]) {
            while n < items.len() && self.lt(&items[n], &items[n - 1]) {
                n += 1;
            }
            (n, true)
        } else {
            while n < items.len() && !self.lt(&items[n], &items[n - 1]) {
                n += 1;
            }
            (n, false)
        }
    }

    /// `binarysort`: a stable binary insertion sort of `items`, whose first `sorted` are in order.
    fn binary_sort<T>(&mut self, items: &mut [T], sorted: usize)
    where
        F: FnMut(&T, &T) -> bool,
    {
        let start = sorted.max(1);
        for i in start..items.len() {
            let (mut l, mut r) = (0, i);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(&items[i], &items[p]) {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            items[l..=i].rotate_right(1);
        }
    }

    /// `gallop_left`: where `key` goes in the sorted `a`, left of any equal items, searching from `hint`.
    fn gallop_left<T>(&mut self, key: &T, a: &[T], hint: usize) -> usize
    where
        F: FnMut(&T, &T) -> bool,
    {
        let n = a.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        let h = hint as isize;
        if self.lt(&a[hint], key) {
            // a[hint] < key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(&a[(h + ofs) as usize], key) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += h;
            ofs += h;
        } else {
            // key <= a[hint]: gallop left.
            let maxofs = h + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(&a[(h - ofs) as usize], key) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = h - ofs;
            ofs = h - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(&a[m as usize], key) {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        ofs as usize
    }

    /// `gallop_right`: where `key` goes in the sorted `a`, right of any equal items, searching from `hint`.
    fn gallop_right<T>(&mut self, key: &T, a: &[T], hint: usize) -> usize
    where
        F: FnMut(&T, &T) -> bool,
    {
        let n = a.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        let h = hint as isize;
        if self.lt(key, &a[hint]) {
            // key < a[hint]: gallop left.
            let maxofs = h + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, &a[(h - ofs) as usize]) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = h - ofs;
            ofs = h - k;
        } else {
            // a[hint] <= key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, &a[(h + ofs) as usize]) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += h;
            ofs += h;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, &a[m as usize]) {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        ofs as usize
    }

    /// `found_new_run`: merges the runs on the stack whose power exceeds the new boundary's.
    fn found_new_run<T: Clone>(&mut self, items: &mut [T], n2: usize)
    where
        F: FnMut(&T, &T) -> bool,
    {
        if let Some(last) = self.pending.last().copied() {
            let power = powerloop(last.base, last.len, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                self.merge_at(items, self.pending.len() - 2);
            }
            let top = self.pending.len() - 1;
            self.pending[top].power = power;
        }
    }

    /// `merge_force_collapse`.
    fn force_collapse<T: Clone>(&mut self, items: &mut [T])
    where
        F: FnMut(&T, &T) -> bool,
    {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(items, n);
        }
    }

    /// `merge_at`: merges the runs at stack indexes `i` and `i + 1`.
    fn merge_at<T: Clone>(&mut self, items: &mut [T], i: usize)
    where
        F: FnMut(&T, &T) -> bool,
    {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        let (mut base_a, mut na) = (a.base, a.len);
        let base_b = b.base;
        let k = {
            let key = items[base_b].clone();
            self.gallop_right(&key, &items[base_a..base_a + na], 0)
        };
        base_a += k;
        na -= k;
        if na == 0 {
            return;
        }
        let nb = {
            let key = items[base_a + na - 1].clone();
            self.gallop_left(&key, &items[base_b..base_b + b.len], b.len - 1)
        };
        if nb == 0 {
            return;
        }
        if na <= nb {
            self.merge_lo(items, base_a, na, nb);
        } else {
            self.merge_hi(items, base_a, na, nb);
        }
    }

    /// `merge_lo`: merges `items[base..base + na]` with the `nb` items after it, `na <= nb`, through a copy of
    /// the first run.
    fn merge_lo<T: Clone>(&mut self, items: &mut [T], base: usize, mut na: usize, mut nb: usize)
    where
        F: FnMut(&T, &T) -> bool,
    {
        let tmp: Vec<T> = items[base..base + na].to_vec();
        let mut pa = 0; // into tmp
        let mut pb = base + na; // into items
        let mut dest = base;
        items[dest] = items[pb].clone();
        dest += 1;
        pb += 1;
        nb -= 1;
        if nb == 0 {
            items[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
            return;
        }
        if na == 1 {
            return copy_b(items, dest, pb, nb, &tmp[pa]);
        }
        let mut min_gallop = self.min_gallop;
        'outer: loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                if self.lt(&items[pb], &tmp[pa]) {
                    items[dest] = items[pb].clone();
                    dest += 1;
                    pb += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        break 'outer;
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    items[dest] = tmp[pa].clone();
                    dest += 1;
                    pa += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        return copy_b(items, dest, pb, nb, &tmp[pa]);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let key = items[pb].clone();
                let k = self.gallop_right(&key, &tmp[pa..pa + na], 0);
                acount = k;
                if k > 0 {
                    items[dest..dest + k].clone_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        return copy_b(items, dest, pb, nb, &tmp[pa]);
                    }
                    if na == 0 {
                        break 'outer;
                    }
                }
                items[dest] = items[pb].clone();
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    break 'outer;
                }
                let key = tmp[pa].clone();
                let k = self.gallop_left(&key, &items[pb..pb + nb], 0);
                bcount = k;
                if k > 0 {
                    for j in 0..k {
                        items[dest + j] = items[pb + j].clone();
                    }
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        break 'outer;
                    }
                }
                items[dest] = tmp[pa].clone();
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    return copy_b(items, dest, pb, nb, &tmp[pa]);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
        // Succeed: what is left of the first run goes last.
        if na > 0 {
            items[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
        }
    }

    /// `merge_hi`: merges `items[base..base + na]` with the `nb` items after it, `na >= nb`, through a copy of
    /// the second run, from the right.
    fn merge_hi<T: Clone>(&mut self, items: &mut [T], base: usize, mut na: usize, mut nb: usize)
    where
        F: FnMut(&T, &T) -> bool,
    {
        let base_b = base + na;
        let tmp: Vec<T> = items[base_b..base_b + nb].to_vec();
        // Positions of the last unmerged items (as `isize`, since they run below the start).
        let mut dest = (base_b + nb - 1) as isize;
        let mut pa = (base + na - 1) as isize; // into items
        let mut pb = (nb - 1) as isize; // into tmp
        let base_a = base;
        items[dest as usize] = items[pa as usize].clone();
        dest -= 1;
        pa -= 1;
        na -= 1;
        if na == 0 {
            let from = (pb + 1) as usize - nb;
            let to = (dest + 1) as usize - nb;
            items[to..to + nb].clone_from_slice(&tmp[from..from + nb]);
            return;
        }
        if nb == 1 {
            return copy_a(items, dest, pa, na, &tmp[pb as usize]);
        }
        let mut min_gallop = self.min_gallop;
        'outer: loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                if self.lt(&tmp[pb as usize], &items[pa as usize]) {
                    items[dest as usize] = items[pa as usize].clone();
                    dest -= 1;
                    pa -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        break 'outer;
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    items[dest as usize] = tmp[pb as usize].clone();
                    dest -= 1;
                    pb -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        return copy_a(items, dest, pa, na, &tmp[pb as usize]);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let key = tmp[pb as usize].clone();
                let k = na - self.gallop_right(&key, &items[base_a..base_a + na], na - 1);
                acount = k;
                if k > 0 {
                    let k = k as isize;
                    dest -= k;
                    pa -= k;
                    for j in (1..=k).rev() {
                        items[(dest + j) as usize] = items[(pa + j) as usize].clone();
                    }
                    na -= k as usize;
                    if na == 0 {
                        break 'outer;
                    }
                }
                items[dest as usize] = tmp[pb as usize].clone();
                dest -= 1;
                pb -= 1;
                nb -= 1;
                if nb == 1 {
                    return copy_a(items, dest, pa, na, &tmp[pb as usize]);
                }
                let key = items[pa as usize].clone();
                let k = nb - self.gallop_left(&key, &tmp[..nb], nb - 1);
                bcount = k;
                if k > 0 {
                    let k = k as isize;
                    dest -= k;
                    pb -= k;
                    for j in 1..=k {
                        items[(dest + j) as usize] = tmp[(pb + j) as usize].clone();
                    }
                    nb -= k as usize;
                    if nb == 1 {
                        return copy_a(items, dest, pa, na, &tmp[pb as usize]);
                    }
                    if nb == 0 {
                        break 'outer;
                    }
                }
                items[dest as usize] = items[pa as usize].clone();
                dest -= 1;
                pa -= 1;
                na -= 1;
                if na == 0 {
                    break 'outer;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
        // Succeed: what is left of the second run goes first.
        if nb > 0 {
            let to = (dest + 1) as usize - nb;
            items[to..to + nb].clone_from_slice(&tmp[..nb]);
        }
    }
}

/// `merge_lo`'s `CopyB`: the rest of the second run, then the last item of the first.
fn copy_b<T: Clone>(items: &mut [T], dest: usize, pb: usize, nb: usize, last_a: &T) {
    for j in 0..nb {
        items[dest + j] = items[pb + j].clone();
    }
    items[dest + nb] = last_a.clone();
}

/// `merge_hi`'s `CopyA`: the rest of the first run shifted right, then the first item of the second before it.
fn copy_a<T: Clone>(items: &mut [T], dest: isize, pa: isize, na: usize, first_b: &T) {
    let na = na as isize;
    for j in (1..=na).rev() {
        items[(dest - na + j) as usize] = items[(pa - na + j) as usize].clone();
    }
    items[(dest - na) as usize] = first_b.clone();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so that the tests need no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_stably_whatever_the_shape() {
        for (seed, n, modulo) in
            [(1, 0, 5), (2, 1, 5), (3, 17, 5), (4, 64, 3), (5, 65, 1000), (6, 1000, 10), (7, 5000, 100_000)]
        {
            let keys = numbers(seed, n, modulo);
            let mut items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_by(&mut items, |a, b| a.0 < b.0);
            assert_eq!(items, expected, "seed {seed}, {n} items");
        }
        // Runs: ascending, strictly descending, and equal stretches that must keep their order.
        let mut runs: Vec<(u64, usize)> = (0..300).map(|i| (((i / 7) % 13) as u64, i)).collect();
        let mut expected = runs.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by(&mut runs, |a, b| a.0 < b.0);
        assert_eq!(runs, expected);
    }

    #[test]
    fn places_nan_where_python_does() {
        let nan = f64::NAN;
        let sorted = |mut v: Vec<f64>| {
            sort_by(&mut v, |a, b| a < b);
            v.iter().map(|x| if x.is_nan() { "nan".to_owned() } else { x.to_string() }).collect::<Vec<_>>().join(",")
        };
        // CPython 3.11: sorted([3.0, nan, 1.0, 2.0]) == [3.0, nan, 1.0, 2.0]; sorted([2.0, 1.0, nan, 0.5]) ==
        // [0.5, 1.0, 2.0, nan]; sorted([nan, 2.0, 1.0]) == [nan, 1.0, 2.0].
        assert_eq!(sorted(vec![3.0, nan, 1.0, 2.0]), "3,nan,1,2");
        assert_eq!(sorted(vec![2.0, 1.0, nan, 0.5]), "0.5,1,2,nan");
        assert_eq!(sorted(vec![nan, 2.0, 1.0]), "nan,1,2");
    }
}
