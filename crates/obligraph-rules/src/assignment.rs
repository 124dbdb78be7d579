//! Maximum-weight assignment of a square matrix: the Hungarian algorithm
//! (Kuhn–Munkres) in its O(n³) form with slack variables.
//!
//! The alignment solves tens of thousands of small components per national
//! cascade; this is the textbook algorithm over one flat row-major array,
//! without the generic weight trait, index set and per-cell bounds checks
//! that made a general-purpose solver the largest single cost of the
//! cascade. Ties are broken the way the classic formulation breaks them
//! (rows taken in order, the first column of least slack), which is also
//! how `pathfinding::kuhn_munkres` breaks them: the tests compare the two
//! on random matrices full of ties.

/// No row or column.
const NONE: usize = usize::MAX;

/// The column assigned to each row of the `n`×`n` matrix `w` (row-major)
/// in an assignment of maximum total weight; `None` when `w` is not
/// `n`×`n`.
///
/// Labels start at each row's maximum (rows) and 0 (columns). Each row in
/// turn roots a tree of tight edges grown one column at a time, always the
/// first column of least slack; when no column is tight the labels move by
/// that slack. The first free column reached ends an augmenting path,
/// which is flipped.
pub(crate) fn max_weight_assignment(w: &[i64], n: usize) -> Option<Vec<usize>> {
    if w.len() != n.checked_mul(n)? {
        return None;
    }
    let row = |x: usize| w.get(x * n..(x + 1) * n).unwrap_or(&[]);
    // Row and column labels: lx[x] + ly[y] ≥ w[x][y] throughout.
    let mut lx: Vec<i64> = (0..n)
        .map(|x| row(x).iter().copied().max().unwrap_or(0))
        .collect();
    let mut ly = vec![0i64; n];
    // The matching, both ways.
    let mut col_of = vec![NONE; n];
    let mut row_of = vec![NONE; n];
    // For each column in the tree, the row it was reached from.
    let mut reached_from = vec![NONE; n];
    // Least slack of each column against the tree's rows, and that row.
    let mut slack = vec![0i64; n];
    let mut slack_row = vec![0usize; n];
    let mut tree_rows: Vec<usize> = Vec::with_capacity(n);
    for root in 0..n {
        reached_from.fill(NONE);
        tree_rows.clear();
        tree_rows.push(root);
        let (l, r) = (lx.get(root).copied().unwrap_or(0), row(root));
        for (((s, sr), y), wy) in slack.iter_mut().zip(&mut slack_row).zip(&ly).zip(r) {
            *s = l + y - wy;
            *sr = root;
        }
        // Grow the tree until it reaches a free column.
        let end = loop {
            let mut delta = i64::MAX;
            let (mut from, mut to) = (NONE, NONE);
            for (y, ((s, sr), rf)) in slack.iter().zip(&slack_row).zip(&reached_from).enumerate() {
                if *rf == NONE && *s < delta {
                    delta = *s;
                    from = *sr;
                    to = y;
                }
            }
            if to == NONE {
                // Every column is in the tree: cannot happen on a square
                // matrix; give up rather than loop.
                return None;
            }
            if delta > 0 {
                for x in &tree_rows {
                    if let Some(v) = lx.get_mut(*x) {
                        *v -= delta;
                    }
                }
                for ((v, s), rf) in ly.iter_mut().zip(&mut slack).zip(&reached_from) {
                    if *rf == NONE {
                        *s -= delta;
                    } else {
                        *v += delta;
                    }
                }
            }
            if let Some(rf) = reached_from.get_mut(to) {
                *rf = from;
            }
            let x = row_of.get(to).copied().unwrap_or(NONE);
            if x == NONE {
                break to;
            }
            // The column is matched: its row joins the tree.
            tree_rows.push(x);
            let (l, r) = (lx.get(x).copied().unwrap_or(0), row(x));
            for ((((s, sr), y), wy), rf) in slack
                .iter_mut()
                .zip(&mut slack_row)
                .zip(&ly)
                .zip(r)
                .zip(&reached_from)
            {
                if *rf == NONE {
                    let t = l + y - wy;
                    if *s > t {
                        *s = t;
                        *sr = x;
                    }
                }
            }
        };
        // Flip the augmenting path ending at column `end`.
        let mut y = end;
        while y != NONE {
            let x = reached_from.get(y).copied().unwrap_or(NONE);
            let c = col_of.get_mut(x)?;
            let next = std::mem::replace(c, y);
            if let Some(r) = row_of.get_mut(y) {
                *r = x;
            }
            y = next;
        }
    }
    (!col_of.contains(&NONE)).then_some(col_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pathfinding::prelude::{kuhn_munkres, Matrix};

    fn total(w: &[i64], n: usize, cols: &[usize]) -> i64 {
        cols.iter().enumerate().map(|(r, c)| w[r * n + c]).sum()
    }

    proptest::proptest! {
        /// The same assignment as `pathfinding::kuhn_munkres`, ties
        /// included (weights drawn from a handful of values, zeros most
        /// common, as in the alignment's padded components).
        #[test]
        fn same_assignment_as_pathfinding(
            n in 1usize..=12,
            cells in proptest::collection::vec(
                proptest::prop_oneof![
                    3 => proptest::strategy::Just(0i64),
                    2 => 1i64..4,
                    1 => 0i64..1_000_000,
                ],
                144,
            ),
        ) {
            let w: Vec<i64> = (0..n * n).map(|k| cells[k]).collect();
            let m = Matrix::from_vec(n, n, w.clone()).unwrap();
            let (best, theirs) = kuhn_munkres(&m);
            let ours = max_weight_assignment(&w, n).unwrap();
            proptest::prop_assert_eq!(total(&w, n, &ours), best);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn small_cases() {
        assert_eq!(max_weight_assignment(&[], 0), Some(vec![]));
        assert_eq!(max_weight_assignment(&[7], 1), Some(vec![0]));
        // The anti-diagonal is heavier.
        assert_eq!(max_weight_assignment(&[1, 5, 5, 1], 2), Some(vec![1, 0]));
        // Not square.
        assert_eq!(max_weight_assignment(&[1, 2, 3], 2), None);
    }
}
