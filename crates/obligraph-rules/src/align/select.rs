//! Selection: which candidate pairs become matches (one-to-one assignment
//! per component, extra and best matches, echoes of near-duplicate rows).

use super::*;

/// Drops a chosen pair of a derived obligation with a body item that heads
/// an appendix group (see [`ParentIndex::new`]) when the same derived
/// obligation is also chosen for a row of that group with a higher score:
/// body item and rows state one obligation twice, and the row is the
/// specific statement the derived task carries out.
pub(crate) fn credit_rows_over_headings(
    parent: &ParentIndex<'_>,
    cands: &[Pair],
    chosen: Vec<usize>,
) -> Vec<usize> {
    let beaten = |k: usize| -> bool {
        let Some(c) = cands.get(k) else { return false };
        let Some(g) = parent.heads_group.get(c.parent).copied().flatten() else {
            return false;
        };
        chosen.iter().filter_map(|j| cands.get(*j)).any(|r| {
            r.child == c.child
                && r.parent != c.parent
                && r.score > c.score
                && parent
                    .group_of
                    .get(r.parent)
                    .is_some_and(|gs| gs.contains(&g))
        })
    };
    chosen.iter().copied().filter(|k| !beaten(*k)).collect()
}

/// Adds, for each chosen pair, the same parent's pair with the derived
/// obligation's twin: a body item and the appendix row that restates it
/// (the importer's `restates` link) are one obligation written twice, so
/// what one carries out the other does too. The twin's pair must itself be
/// a candidate (at or above `partial_threshold`), so a twin reworded into
/// another task is not credited blindly.
pub(crate) fn credit_twins(child: &Plan, cands: &[Pair], mut chosen: Vec<usize>) -> Vec<usize> {
    let mut twins: Vec<Vec<usize>> = vec![Vec::new(); child.obligations.len()];
    for (i, j) in restate_targets(child).into_iter().enumerate() {
        let Some(j) = j.filter(|j| *j != i) else {
            continue;
        };
        if let Some(t) = twins.get_mut(i) {
            t.push(j);
        }
        if let Some(t) = twins.get_mut(j) {
            t.push(i);
        }
    }
    if twins.iter().all(Vec::is_empty) {
        return chosen;
    }
    let at: std::collections::HashMap<(usize, usize), usize> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| ((c.parent, c.child), k))
        .collect();
    let mut seen: std::collections::HashSet<usize> = chosen.iter().copied().collect();
    let mut k = 0;
    while let Some(&ck) = chosen.get(k) {
        k += 1;
        let Some(c) = cands.get(ck) else { continue };
        for t in twins.get(c.child).into_iter().flatten() {
            if let Some(&tk) = at.get(&(c.parent, *t)) {
                if seen.insert(tk) {
                    chosen.push(tk);
                }
            }
        }
    }
    chosen
}

/// [`assign`], with the parent obligations that are not applicable to
/// the derived plan (`na`, by parent index; empty: all applicable) kept
/// out of the contest: the applicable ones are assigned first; the others
/// keep what the whole contest gives them, but for the derived obligations
/// the first contest gave to an applicable one. A task the
/// derived plan cannot be given (a request to the court, say) must not
/// take a derived task from the applicable one it carries. A derived
/// obligation that clearly carries a not-applicable one (its best pair,
/// at `covered_threshold` or above: the derived plan relays the request
/// "Đề nghị Mặt trận Tổ quốc …") stays in the first contest, and so does
/// every pair of a derived obligation that is itself a request (`relay`,
/// by derived index: its leads are bodies the derived plan can only ask).
/// The parent's requests (`requests`: applicable, but only requested
/// bodies lead them) are assigned after the others too, but may share a
/// derived task with an applicable one when they clearly pair with it (at
/// `extra_match_threshold`: one derived item carrying a task and the
/// request beside it).
pub(crate) fn assign_applicable_first(
    cands: &[Pair],
    (np, nc): (usize, usize),
    m: &crate::config::Matching,
    na: &[bool],
    (requests, relay): (&[bool], &[bool]),
) -> Vec<usize> {
    let is_request = |c: &Pair| requests.get(c.parent).copied().unwrap_or(false);
    let is_na = |c: &Pair| na.get(c.parent).copied().unwrap_or(false) || is_request(c);
    if !cands.iter().any(is_na) {
        return assign(cands, np, nc, m);
    }
    let mut c_best = vec![0.0f64; nc];
    for c in cands {
        if let Some(b) = c_best.get_mut(c.child) {
            *b = b.max(c.score);
        }
    }
    let relays = |c: &Pair| {
        relay.get(c.child).copied().unwrap_or(false)
            || c.score >= m.covered_threshold && c_best.get(c.child).is_some_and(|b| c.score >= *b)
    };
    let (first, later): (Vec<usize>, Vec<usize>) =
        (0..cands.len()).partition(|k| cands.get(*k).is_some_and(|c| !is_na(c) || relays(c)));
    let run = |ks: &[usize]| -> Vec<usize> {
        let sub: Vec<Pair> = ks.iter().filter_map(|k| cands.get(*k).cloned()).collect();
        assign(&sub, np, nc, m)
            .into_iter()
            .filter_map(|j| ks.get(j).copied())
            .collect()
    };
    let mut chosen = run(&first);
    // Taken: assigned to an applicable parent obligation (one relaying a
    // request may relay several).
    let taken: std::collections::BTreeSet<usize> = chosen
        .iter()
        .filter_map(|k| cands.get(*k).filter(|c| !is_na(c)).map(|c| c.child))
        .collect();
    // The others keep what the whole contest gives them, but for the
    // derived obligations taken.
    let later: std::collections::BTreeSet<usize> = later.into_iter().collect();
    chosen.extend(assign(cands, np, nc, m).into_iter().filter(|k| {
        later.contains(k)
            && cands.get(*k).is_some_and(|c| {
                !taken.contains(&c.child) || is_request(c) && c.score >= m.extra_match_threshold
            })
    }));
    chosen
}

/// Chooses candidate pairs: one-to-one per component (Hungarian, or greedy
/// for large components), plus every pair at or above `extra`.
pub(crate) fn assign(
    cands: &[Pair],
    np: usize,
    nc: usize,
    m: &crate::config::Matching,
) -> Vec<usize> {
    let (extra, best, margin) = (
        m.extra_match_threshold,
        m.best_match_threshold,
        m.best_margin,
    );
    // The best candidate of each parent and of each child.
    let mut p_best = vec![None::<usize>; np];
    let mut c_best = vec![None::<usize>; nc];
    for (k, c) in cands.iter().enumerate() {
        for (slot, i) in [(&mut p_best, c.parent), (&mut c_best, c.child)] {
            if let Some(s) = slot.get_mut(i) {
                let better = s
                    .and_then(|j| cands.get(j))
                    .is_none_or(|o| c.score > o.score);
                if better {
                    *s = Some(k);
                }
            }
        }
    }
    // Union-find over parents 0..np and children np..np+nc.
    let mut uf: Vec<usize> = (0..np + nc).collect();
    fn find(uf: &mut [usize], mut x: usize) -> usize {
        while let Some(&p) = uf.get(x) {
            if p == x {
                break;
            }
            let gp = uf.get(p).copied().unwrap_or(p);
            if let Some(s) = uf.get_mut(x) {
                *s = gp;
            }
            x = p;
        }
        x
    }
    for c in cands {
        let a = find(&mut uf, c.parent);
        let b = find(&mut uf, np + c.child);
        if a != b {
            if let Some(s) = uf.get_mut(a) {
                *s = b;
            }
        }
    }
    let mut by_comp: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (k, c) in cands.iter().enumerate() {
        let r = find(&mut uf, c.parent);
        by_comp.entry(r).or_default().push(k);
    }
    let mut chosen: Vec<usize> = Vec::new();
    for edges in by_comp.values() {
        let mut ps: Vec<usize> = edges
            .iter()
            .filter_map(|k| cands.get(*k).map(|c| c.parent))
            .collect();
        let mut cs: Vec<usize> = edges
            .iter()
            .filter_map(|k| cands.get(*k).map(|c| c.child))
            .collect();
        ps.sort_unstable();
        ps.dedup();
        cs.sort_unstable();
        cs.dedup();
        let picked = if ps.len() + cs.len() > HUNGARIAN_LIMIT {
            greedy(cands, edges)
        } else {
            hungarian(cands, edges, &ps, &cs)
        };
        // A one-to-one pair below `covered_threshold` that is the best of
        // neither side is an artefact of the assignment (two weak tasks
        // paired because their better partners were taken): dropped.
        let top = |slot: &[Option<usize>], i: usize| {
            slot.get(i)
                .copied()
                .flatten()
                .and_then(|j| cands.get(j))
                .map_or(f64::INFINITY, |o| o.score)
        };
        // A derived obligation that copies another parent obligation nearly
        // word for word is that obligation's twin: a weak pair of it
        // elsewhere is an echo of the shared wording (the assignment pairs
        // it elsewhere when the parent's body and appendix both copy the
        // same task).
        let twin_echo = |c: &Pair| {
            c.score < m.covered_threshold
                && c_best
                    .get(c.child)
                    .copied()
                    .flatten()
                    .and_then(|j| cands.get(j))
                    .is_some_and(|b| {
                        b.parent != c.parent
                            && b.evidence.text_similarity >= m.alignment.verbatim_twin
                    })
        };
        chosen.extend(picked.into_iter().filter(|k| {
            cands.get(*k).is_some_and(|c| {
                c.score >= m.covered_threshold
                    || (c.score + margin >= top(&p_best, c.parent)
                        || c.score + margin >= top(&c_best, c.child))
                        && !twin_echo(c)
            })
        }));
        for k in edges {
            let Some(c) = cands.get(*k) else { continue };
            // The best pair of its derived obligation; or the best of its
            // parent, when the derived obligation has no better pair or
            // takes the parent in (one broad task carrying several).
            let best_of_child = c.score + margin >= top(&c_best, c.child);
            let best_of_parent = c.score + margin >= top(&p_best, c.parent)
                && (c.covers || c.score + margin >= top(&c_best, c.child));
            let is_best = best_of_child || best_of_parent && !twin_echo(c);
            // Beyond the one-to-one pairs, a pair whose text alone falls
            // short of `extra` needs leads that agree.
            // And a pair far below the best of both its sides is a
            // near-duplicate's echo (two rows sharing a long qualifier,
            // each with its own twin), not a second match.
            let echo_margin = m.alignment.echo_margin;
            let echo = c.score + echo_margin < top(&c_best, c.child)
                && c.score + echo_margin < top(&p_best, c.parent);
            let strong = c.score >= extra
                && (c.evidence.text_similarity >= extra || !c.leads_disagree)
                && !echo;
            if (strong || is_best && c.score >= best) && !chosen.contains(k) {
                chosen.push(*k);
            }
        }
    }
    chosen
}

pub(crate) fn greedy(cands: &[Pair], edges: &[usize]) -> Vec<usize> {
    let mut order = edges.to_vec();
    order.sort_by(|a, b| {
        let sa = cands.get(*a).map_or(0.0, |c| c.score);
        let sb = cands.get(*b).map_or(0.0, |c| c.score);
        sb.total_cmp(&sa)
    });
    let mut used_p = std::collections::HashSet::new();
    let mut used_c = std::collections::HashSet::new();
    let mut out = Vec::new();
    for k in order {
        if let Some(c) = cands.get(k) {
            if !used_p.contains(&c.parent) && !used_c.contains(&c.child) {
                used_p.insert(c.parent);
                used_c.insert(c.child);
                out.push(k);
            }
        }
    }
    out
}

pub(crate) fn hungarian(cands: &[Pair], edges: &[usize], ps: &[usize], cs: &[usize]) -> Vec<usize> {
    let n = ps.len().max(cs.len());
    if n == 0 {
        return Vec::new();
    }
    // Square matrix: rows = parents (padded), columns = children (padded);
    // weights are scores in millionths, 0 where there is no candidate.
    let mut w = vec![0i64; n * n];
    let mut edge_at = vec![None; n * n];
    for k in edges {
        let Some(c) = cands.get(*k) else { continue };
        let (Ok(r), Ok(col)) = (ps.binary_search(&c.parent), cs.binary_search(&c.child)) else {
            continue;
        };
        // Scores lie in 0..=1: the product fits an i64 exactly enough.
        let weight = (c.score * 1_000_000.0).round() as i64;
        if let Some(cell) = w.get_mut(r * n + col) {
            *cell = weight;
        }
        if let Some(e) = edge_at.get_mut(r * n + col) {
            *e = Some(*k);
        }
    }
    let Some(cols) = crate::assignment::max_weight_assignment(&w, n) else {
        return greedy(cands, edges);
    };
    cols.iter()
        .enumerate()
        .filter_map(|(r, col)| edge_at.get(r * n + col).copied().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(parent: usize, child: usize, score: f64) -> Pair {
        Pair {
            parent,
            child,
            score,
            evidence: crate::report::Evidence::default(),
            covers: false,
            leads_disagree: false,
        }
    }

    /// Parent 0 is applicable; parents 1 and 2 are requests the derived
    /// plan can only relay. Derived 0 is a little closer to request 1 but
    /// carries parent 0; derived 1 relays request 2 word for word.
    #[test]
    fn a_not_applicable_task_takes_no_derived_task_from_an_applicable_one() {
        let m = crate::config::Matching::default();
        let cands = vec![
            pair(1, 0, 0.38),
            pair(0, 0, 0.36),
            pair(2, 1, 0.9),
            pair(0, 1, 0.35),
        ];
        let picked = |na: &[bool]| -> Vec<(usize, usize)> {
            let mut v: Vec<(usize, usize)> =
                assign_applicable_first(&cands, (3, 2), &m, na, (&[], &[]))
                    .into_iter()
                    .filter_map(|k| cands.get(k).map(|c| (c.parent, c.child)))
                    .collect();
            v.sort_unstable();
            v
        };
        // All applicable: request 1 takes derived 0, parent 0 gets nothing.
        assert_eq!(picked(&[]), vec![(1, 0), (2, 1)]);
        // Requests not applicable: derived 0 goes to parent 0, and request
        // 2 keeps the derived task that relays it.
        assert_eq!(picked(&[false, true, true]), vec![(0, 0), (2, 1)]);
    }
}
