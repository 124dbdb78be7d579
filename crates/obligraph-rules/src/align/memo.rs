//! What the alignment keeps between derived plans: agency signals by
//! level and assignments, a derived text's row of scores by text and key.

use super::*;
use crate::report::Evidence;

/// What a derived obligation's agencies give against an index: its agency
/// keys known to the parent ([`ParentIndex::known_key_ids`]), how many it
/// has in all, which parent leads have a counterpart among its leads
/// ([`lead_mask`]), whether it names a lead. A function of its plan's
/// level and of its assignments' agencies and whether each leads.
#[derive(Debug, Default)]
pub(crate) struct AgencySignals {
    pub(crate) keys: Vec<u32>,
    pub(crate) n_keys: usize,
    pub(crate) mask: Vec<bool>,
    pub(crate) has_lead: bool,
}

/// Distinct assignment lists kept per index.
pub(crate) const SIGNALS_MEMO: usize = 16_384;

/// The [`AgencySignals`] of the derived obligations an index has seen:
/// derived plans repeat their assignments. Kept by the hash of (level, lead
/// or not and agency id of each assignment), with the level and (lead or
/// not, agency) of each assignment, all they depend on. A clone starts
/// empty.
#[derive(Debug, Default, Clone)]
pub(crate) struct SignalMemo(
    pub(crate) crate::text::HashedMemo<SignalKey, AgencySignals, SIGNALS_MEMO>,
);

/// What [`AgencySignals`] depend on: the plan's level, and whether each
/// assignment leads and its agency.
pub(crate) type SignalKey = (
    Option<obligraph_core::Level>,
    Vec<(bool, obligraph_core::Agency)>,
);

impl SignalMemo {
    /// The signals of `assignments` in a plan at `level`: kept, or `f()`.
    pub(crate) fn get(
        &self,
        level: Option<obligraph_core::Level>,
        assignments: &[obligraph_core::Assignment],
        f: impl FnOnce() -> AgencySignals,
    ) -> std::sync::Arc<AgencySignals> {
        use std::hash::{Hash, Hasher};
        let lead = |a: &obligraph_core::Assignment| a.role == obligraph_core::Role::Lead;
        let mut h = rustc_hash::FxHasher::default();
        level.hash(&mut h);
        for a in assignments {
            (lead(a), &a.agency.id).hash(&mut h);
        }
        self.0.get_or_insert_with(
            h.finish(),
            |(l, kept)| {
                *l == level
                    && kept.len() == assignments.len()
                    && kept
                        .iter()
                        .zip(assignments)
                        .all(|((l, k), a)| *l == lead(a) && *k == a.agency)
            },
            || {
                let key = assignments
                    .iter()
                    .map(|a| (lead(a), a.agency.clone()))
                    .collect();
                (level, key)
            },
            f,
        )
    }
}

/// The settings and the derived obligation's own signals that, with its
/// text ([`ChildText`]), decide how it pairs with every parent obligation:
/// [`pair_row`] is a function of these alone, so its result is kept per
/// text and key (derived plans of one parent repeat their obligations).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RowKey<'a> {
    /// The matching settings (their id in [`ParentIndex::settings`]).
    pub(crate) settings: usize,
    /// The title of the obligation's thematic section.
    pub(crate) title: Option<&'a str>,
    /// Its agency keys known to the parent ([`ParentIndex::known_key_ids`]).
    pub(crate) keys: &'a [u32],
    /// How many agency keys it has in all.
    pub(crate) n_keys: usize,
    /// Which parent leads have a counterpart among its leads ([`lead_mask`]).
    pub(crate) mask: &'a [bool],
    /// Whether it names a lead.
    pub(crate) has_lead: bool,
    /// Its number ([`number_key`]).
    pub(crate) number: &'a str,
    /// The parent obligations it cites, ascending.
    pub(crate) explicit: &'a [usize],
    /// Its kind.
    pub(crate) kind: obligraph_core::ObligationKind,
}

/// [`RowKey`], owned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OwnedRowKey {
    pub(crate) settings: usize,
    pub(crate) title: Option<String>,
    pub(crate) keys: Vec<u32>,
    pub(crate) n_keys: usize,
    pub(crate) mask: Vec<bool>,
    pub(crate) has_lead: bool,
    pub(crate) number: String,
    pub(crate) explicit: Vec<usize>,
    pub(crate) kind: obligraph_core::ObligationKind,
}

impl RowKey<'_> {
    pub(crate) fn to_owned_key(self) -> OwnedRowKey {
        OwnedRowKey {
            settings: self.settings,
            title: self.title.map(str::to_owned),
            keys: self.keys.to_vec(),
            n_keys: self.n_keys,
            mask: self.mask.to_vec(),
            has_lead: self.has_lead,
            number: self.number.to_owned(),
            explicit: self.explicit.to_vec(),
            kind: self.kind,
        }
    }

    pub(crate) fn is(&self, o: &OwnedRowKey) -> bool {
        self.settings == o.settings
            && self.title == o.title.as_deref()
            && self.keys == o.keys.as_slice()
            && self.n_keys == o.n_keys
            && self.mask == o.mask.as_slice()
            && self.has_lead == o.has_lead
            && self.number == o.number
            && self.explicit == o.explicit.as_slice()
            && self.kind == o.kind
    }

    pub(crate) fn hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (self.settings, self.title, self.keys, self.n_keys).hash(&mut h);
        (
            self.mask,
            self.has_lead,
            self.number,
            self.explicit,
            self.kind,
        )
            .hash(&mut h);
        h.finish()
    }
}

/// The candidate pairs of one derived obligation (with `child` 0) and its
/// best score against any parent obligation.
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub(crate) best: f64,
    pub(crate) pairs: Vec<Pair>,
}

/// Rows kept per derived text.
pub(crate) const ROWS_PER_TEXT: usize = 64;

/// Scores one derived obligation (its text `ct`, its other signals `key`,
/// its section title's similarities to the parent's `title`) against every
/// parent obligation.
pub(crate) fn pair_row(
    parent: &ParentIndex<'_>,
    m: &crate::config::Matching,
    ct: &ChildText,
    key: &RowKey<'_>,
    title: Option<&(Vec<f32>, Vec<bool>)>,
) -> Row {
    let (sims, group_in, clause_best) = (&ct.sims, &ct.group_in, &ct.clause_best);
    let c_terms = ct.vector.terms.len();
    let c_title = title.map(|e| &e.0);
    let c_cross = title.map(|e| &e.1);
    let mut row = Row::default();
    for (pi, p) in parent.plan.obligations.iter().enumerate() {
        if parent.restated(pi).is_some() {
            continue;
        }
        let x = sims.get(pi).copied().unwrap_or_default();
        let clause = clause_best.get(pi).copied().unwrap_or(0.0);
        let mut sim = similarity(x, parent.index.doc_terms(pi), c_terms, m.containment_weight)
            .max(m.clause_weight * f64::from(clause))
            .clamp(0.0, 1.0);
        let p_theme = parent.title_of.get(pi).copied().flatten();
        let crosses = match (c_cross, p_theme) {
            (Some(v), Some(k)) => v
                .get(k)
                .copied()
                .unwrap_or_else(|| crosses_theme(c_title, p_theme)),
            _ => false,
        };
        let a = &m.alignment;
        if f64::from(clause) < a.verbatim_clause && crosses {
            sim *= a.cross_theme_factor;
        }
        let restated_group = parent
            .group_of
            .get(pi)
            .into_iter()
            .flatten()
            .filter_map(|g| group_in.get(*g).copied())
            .filter(|h| f64::from(*h) >= a.group_restated)
            .fold(0.0f32, f32::max);
        sim = sim.max(a.group_weight * f64::from(restated_group));
        let exp = key.explicit.binary_search(&pi).is_ok();
        if !exp
            && sim
                < m.partial_threshold
                    - m.numbering_bonus
                    - 2.0 * m.agency_bonus
                    - m.kind_bonus
                    - m.section_bonus
        {
            continue;
        }
        let numbering = parent
            .number_keys
            .get(pi)
            .is_some_and(|k| k.as_deref() == Some(key.number));
        let kind = kind_signal(p.kind, key.kind);
        let section = section_signal(
            parent
                .title_of
                .get(pi)
                .copied()
                .flatten()
                .and_then(|k| c_title?.get(k).copied()),
        );
        let p_leads = parent.leads_of.get(pi).map_or(&[][..], Vec::as_slice);
        let counterpart = p_leads
            .iter()
            .any(|k| key.mask.get(*k).copied().unwrap_or(false));
        let overlap = parent
            .agency_keys
            .get(pi)
            .map_or(0.0, |pk| jaccard(pk, key.keys, key.n_keys));
        let mut score = sim;
        if sim > 0.0 {
            score += kind * m.kind_bonus + section * m.section_bonus;
            if numbering {
                score += m.numbering_bonus;
            }
            if counterpart {
                score += m.agency_bonus;
            }
            score += overlap * m.agency_bonus;
        }
        if exp {
            score = 1.0;
        }
        let score = score.clamp(0.0, 1.0);
        row.best = row.best.max(score);
        if score >= m.partial_threshold {
            row.pairs.push(Pair {
                parent: pi,
                child: 0,
                score,
                covers: x.in_child >= x.in_parent || restated_group > 0.0,
                leads_disagree: !counterpart
                    && overlap == 0.0
                    && !p_leads.is_empty()
                    && key.has_lead,
                evidence: Evidence {
                    explicit_reference: exp,
                    numbering,
                    text_similarity: (sim * 1000.0).round() / 1000.0,
                    shared_terms: Vec::new(),
                    agency_counterpart: counterpart,
                },
            });
        }
    }
    row
}
