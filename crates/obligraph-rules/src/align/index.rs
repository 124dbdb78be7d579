//! The parent side, computed once and reused for many derived plans.

use super::*;
use crate::params::*;
use crate::text::Index;
use obligraph_core::{Obligation, Plan};

/// Why a "missing" verdict is doubtful, with the highest confidence it may
/// have (see `audit::doubts`).
pub(crate) type Doubt = (f64, std::sync::Arc<str>);

/// The parent side, computed once and reused for many derived plans.
#[derive(Debug, Clone)]
pub struct ParentIndex<'p> {
    pub(crate) plan: &'p Plan,
    pub(crate) index: Index,
    /// For each obligation, the obligation that restates it with an
    /// assignment (see [`ParentIndex::new`]).
    pub(crate) restated_by: Vec<Option<usize>>,
    /// Index over the distinct top-level section titles.
    pub(crate) titles: Index,
    /// The title (in `titles`) of each obligation's top-level section.
    pub(crate) title_of: Vec<Option<usize>>,
    /// Whether each title of `titles` names the leads of a task under it:
    /// an addressee heading ("1. Các cơ quan, đơn vị, Ủy ban nhân dân các
    /// xã, phường"), not a theme of content (see
    /// [`super::crosses_theme`]).
    pub(crate) addresses: Vec<bool>,
    /// Agency keys (fields, collectives) of each obligation, as ids into
    /// `key_ids` (sorted).
    pub(crate) agency_keys: Vec<Vec<u32>>,
    /// The distinct agency keys of the plan, with their ids.
    pub(crate) key_ids: rustc_hash::FxHashMap<String, u32>,
    /// The key of each obligation's id for [`same_number`] (`None` when
    /// the id is blank).
    pub(crate) number_keys: Vec<Option<String>>,
    /// The distinct lead agencies of the plan.
    pub(crate) lead_agencies: Vec<&'p obligraph_core::Agency>,
    /// The leads of each obligation, as indices into `lead_agencies`.
    pub(crate) leads_of: Vec<Vec<usize>>,
    /// Index over the clauses of the obligations (restated ones excluded).
    pub(crate) clauses: Index,
    /// The obligation each clause belongs to.
    pub(crate) clause_owner: Vec<usize>,
    /// Derived texts already scored against this index.
    pub(crate) child_texts: crate::text::Memo<ChildText>,
    /// Index over the distinct group headings: sections below the
    /// thematic one ("PL.D.I Thực hiện cơ chế báo cáo, thông báo định kỳ
    /// …" above the rows D.I.1–3).
    pub(crate) groups: Index,
    /// The group headings (in `groups`) above each obligation.
    pub(crate) group_of: Vec<Vec<usize>>,
    /// For an unassigned body item that states a group heading of the
    /// appendix (Đồng Nai's "II.2.đ Thúc đẩy và nâng cao các hoạt động hỗ
    /// trợ bảo vệ các quyền dân sự và chính trị" above the rows B.V.1–3),
    /// that group (see [`ParentIndex::new`]).
    pub(crate) heads_group: Vec<Option<usize>>,
    /// Why each obligation is not applicable (`None` when it is), per
    /// derived level and matching settings: see `audit::reasons`.
    pub(crate) reasons: crate::text::Memo<Vec<Option<std::sync::Arc<str>>>>,
    /// Why a "missing" verdict on each obligation is doubtful, with the
    /// highest confidence it may have (`None` when it is not), per
    /// derived level and issuer: see `audit::doubts`.
    pub(crate) doubts: crate::text::Memo<Vec<Option<Doubt>>>,
    /// The obligations by id, for the rules.
    pub(crate) ids: crate::rule::ObligationIds<'p>,
    /// The normalised texts of the obligations, for fingerprints.
    pub(crate) fingerprint_texts: crate::fingerprint::ParentTexts,
    /// The top-level section of each obligation ([`top_section`]).
    pub(crate) tops: Vec<String>,
    /// The plan's label, shared by the reports.
    pub(crate) label: std::sync::Arc<str>,
    /// Each obligation's id, text and section, shared by the reports.
    pub(crate) shared: Vec<SharedText>,
    /// The matching settings the index has been used with.
    pub(crate) settings: SettingsIds,
    /// The agency signals of the derived obligations seen so far.
    pub(crate) signals: SignalMemo,
    /// Each obligation's elements and key subjects, for carrying.
    pub(crate) carry: crate::carry::ParentCarry,
}

/// An obligation's id, text and section, as the reports share them.
#[derive(Debug, Clone)]
pub(crate) struct SharedText {
    pub(crate) id: std::sync::Arc<str>,
    pub(crate) text: std::sync::Arc<str>,
    pub(crate) section: Option<std::sync::Arc<str>>,
}

impl SharedText {
    /// The strings of `o`, to share.
    pub(crate) fn of(o: &Obligation) -> SharedText {
        SharedText {
            id: o.id.as_str().into(),
            text: o.text.as_str().into(),
            section: o.section.as_deref().map(Into::into),
        }
    }
}

/// The matching settings an index has been used with, each known by its
/// position: the rows kept with the derived texts ([`ChildText::row`])
/// depend on them. A clone starts empty, like the memo of the texts.
#[derive(Debug, Default)]
pub(crate) struct SettingsIds(std::sync::Mutex<Vec<String>>);

impl Clone for SettingsIds {
    fn clone(&self) -> Self {
        SettingsIds::default()
    }
}

impl SettingsIds {
    /// The id of `m`.
    pub(crate) fn id(&self, m: &crate::config::Matching) -> usize {
        let m = format!("{m:?}");
        let mut seen = crate::text::lock(&self.0);
        match seen.iter().position(|s| *s == m) {
            Some(k) => k,
            None => {
                seen.push(m);
                seen.len() - 1
            }
        }
    }
}

/// What [`ParentIndex::new`] reads of an obligation's text matched: its
/// grams, and those of its clauses when read with them
/// ([`crate::text::read_for_index`]).
type ReadForIndex = (crate::text::GramSet, Option<Vec<crate::text::GramSet>>);

/// Distinct derived texts kept per parent index (a few kilobytes each).
pub(crate) const CHILD_TEXT_MEMO: usize = 8192;

pub(crate) use obligraph_vn::lexicon::matching_text;

/// Whether `o` writes roles or a deadline of its own: those a body item
/// carries from the rows under its heading (`Obligation::roles_from`) are
/// the rows', and leave it unassigned here (it still states the rows'
/// theme, below).
pub(crate) fn assigned(o: &Obligation) -> bool {
    !o.own_assignments().is_empty() || o.own_deadline().is_some() || o.own_deadline_text().is_some()
}

/// For each obligation of `plan`, the index of the obligation its
/// `restates` link names (the importer's body item → appendix row link),
/// the first of that id.
pub(crate) fn restate_targets(plan: &Plan) -> Vec<Option<usize>> {
    if plan.obligations.iter().all(|o| o.restates.is_none()) {
        return vec![None; plan.obligations.len()];
    }
    let mut at: std::collections::HashMap<&str, usize> = Default::default();
    for (i, o) in plan.obligations.iter().enumerate() {
        at.entry(o.id.as_str()).or_insert(i);
    }
    plan.obligations
        .iter()
        .map(|o| o.restates.as_deref().and_then(|id| at.get(id).copied()))
        .collect()
}

impl<'p> ParentIndex<'p> {
    /// Indexes the texts of `plan`'s obligations.
    ///
    /// Plans often state a task twice: in the body with no agency and no
    /// deadline, and again in the appendix with both (Đồng Nai's "II.2.a"
    /// and "PL.B.1"). An obligation with neither whose text is close
    /// (cosine ≥ 0.5) to one that has them is *restated*: it is left out
    /// of the matching, its text is added to the restating obligation's,
    /// and the report marks it not applicable with the reason.
    ///
    /// An unassigned body item whose text is the heading of a group of
    /// appendix rows (cosine ≥ 0.5) states the theme the rows split into
    /// tasks. It stays in the matching, but a derived obligation that
    /// carries out one of the rows is credited to the row, and to the body
    /// item as well only when it scores higher against the body item (it
    /// restates the theme itself).
    pub fn new(plan: &'p Plan) -> ParentIndex<'p> {
        let own: Vec<std::borrow::Cow<'_, str>> = plan
            .obligations
            .iter()
            .map(|o| matching_text(&o.text))
            .collect();
        // The grams of each text, and the terms ([`crate::text::term_hashes`])
        // and words of the obligation's text as written, which carrying
        // reads: the obligation's text lowered once, its words read once
        // for all three when the text is the one matched. The grams of
        // the clauses of the text matched come from the same reading
        // (`None`: read below), but for a text the importer links to the
        // one restating it, whose clauses are not indexed.
        let linked = restate_targets(plan);
        let (own_read, read): (Vec<ReadForIndex>, Vec<crate::carry::ReadText>) = own
            .iter()
            .zip(&plan.obligations)
            .enumerate()
            .map(|(i, (t, o))| {
                let clauses = linked
                    .get(i)
                    .copied()
                    .flatten()
                    .is_none()
                    .then_some(MIN_CLAUSE_TOKENS);
                let lower = obligraph_vn::normalize::lower_nfc(&o.text);
                if t.as_ref() == o.text {
                    let (g, c, terms_and_marks) =
                        crate::text::read_for_index(&o.text, &lower, clauses, true);
                    let (terms, words) = terms_and_marks.unwrap_or_default();
                    (
                        (g, c),
                        crate::carry::ReadText {
                            lower,
                            terms,
                            words,
                        },
                    )
                } else {
                    let (terms, words) = crate::text::term_hashes_and_marks_of_lower(&lower);
                    let (g, c, _) = crate::text::read_for_index(
                        t,
                        &obligraph_vn::normalize::lower_nfc(t),
                        clauses,
                        false,
                    );
                    (
                        (g, c),
                        crate::carry::ReadText {
                            lower,
                            terms,
                            words,
                        },
                    )
                }
            })
            .unzip();
        let (own_sets, mut own_clauses): (Vec<crate::text::GramSet>, Vec<_>) =
            own_read.into_iter().unzip();
        let first = Index::from_grams(&own_sets.iter().collect::<Vec<_>>());
        let mut restated_by = vec![None; plan.obligations.len()];
        for (i, o) in plan.obligations.iter().enumerate() {
            // The importer's link (a body item that an appendix row
            // restates, carrying the row's roles) is taken as written.
            if let Some(j) = linked.get(i).copied().flatten() {
                if let Some(r) = restated_by.get_mut(i) {
                    *r = Some(j);
                }
                continue;
            }
            if assigned(o) || o.kind != obligraph_core::ObligationKind::Task {
                continue;
            }
            let Some(v) = first.docs.get(i) else { continue };
            let s = first.scores(v);
            let best = plan
                .obligations
                .iter()
                .enumerate()
                .filter(|(j, q)| *j != i && assigned(q) && q.kind == o.kind)
                .map(|(j, _)| (j, s.get(j).copied().unwrap_or(0.0)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((j, score)) = best.filter(|b| b.1 >= RESTATED) {
                if let Some(r) = restated_by.get_mut(i) {
                    *r = Some(j);
                }
                let _ = score;
            }
        }
        // The texts of the obligations others restate: their own followed
        // by those of the obligations they restate, in order.
        let mut restating: Vec<Option<String>> = vec![None; plan.obligations.len()];
        for (i, r) in restated_by.iter().enumerate() {
            let (Some(j), Some(x)) = (*r, own.get(i)) else {
                continue;
            };
            if let Some(slot) = restating.get_mut(j) {
                let t = slot
                    .get_or_insert_with(|| own.get(j).map(|t| t.to_string()).unwrap_or_default());
                t.push(' ');
                t.push_str(x);
            }
        }
        // The index over the texts: the first one when no obligation is
        // restated (the same texts), else one over the grams of each text,
        // those of the obligation's own text (computed above) unless
        // others restate it.
        let index = if restating.iter().all(Option::is_none) {
            first
        } else {
            let restated_grams: Vec<Option<crate::text::GramSet>> = restating
                .iter()
                .map(|t| t.as_deref().map(crate::text::gram_set))
                .collect();
            let text_grams: Vec<&crate::text::GramSet> = restated_grams
                .iter()
                .zip(&own_sets)
                .map(|(r, own)| r.as_ref().unwrap_or(own))
                .collect();
            Index::from_grams(&text_grams)
        };
        let mut distinct: Vec<String> = Vec::new();
        let mut addresses: Vec<bool> = Vec::new();
        let title_of: Vec<Option<usize>> = plan
            .obligations
            .iter()
            .map(|o| {
                let t = section_title(plan, o)?;
                let names = names_a_lead(&obligraph_vn::normalize::lowercase(&t), o);
                Some(match distinct.iter().position(|d| *d == t) {
                    Some(k) => {
                        if let Some(a) = addresses.get_mut(k) {
                            *a |= names;
                        }
                        k
                    }
                    None => {
                        distinct.push(t);
                        addresses.push(names);
                        distinct.len() - 1
                    }
                })
            })
            .collect();
        let mut group_titles: Vec<String> = Vec::new();
        let group_of: Vec<Vec<usize>> = plan
            .obligations
            .iter()
            .map(|o| {
                group_headings(plan, o)
                    .into_iter()
                    .map(|t| match group_titles.iter().position(|d| *d == t) {
                        Some(k) => k,
                        None => {
                            group_titles.push(t);
                            group_titles.len() - 1
                        }
                    })
                    .collect()
            })
            .collect();
        let mut clause_sets = Vec::new();
        let mut clause_owner = Vec::new();
        for (i, t) in own.iter().enumerate() {
            if restated_by.get(i).copied().flatten().is_some() {
                continue;
            }
            let sets = own_clauses
                .get_mut(i)
                .and_then(Option::take)
                .unwrap_or_else(|| {
                    crate::text::clauses(t, MIN_CLAUSE_TOKENS)
                        .iter()
                        .map(|c| crate::text::gram_set(c))
                        .collect()
                });
            for g in sets {
                clause_sets.push(g);
                clause_owner.push(i);
            }
        }
        let groups = Index::new(group_titles.iter().map(String::as_str));
        let heads_group: Vec<Option<usize>> = plan
            .obligations
            .iter()
            .zip(&own)
            .enumerate()
            .map(|(i, (o, t))| {
                let unassigned = !assigned(o)
                    && o.kind == obligraph_core::ObligationKind::Task
                    && restated_by.get(i).copied().flatten().is_none();
                if !unassigned || group_titles.is_empty() {
                    return None;
                }
                let s = groups.scores(&groups.vectorize(t));
                let (k, best) = s
                    .iter()
                    .copied()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(&b.1))?;
                // The group's rows must be other obligations than this one.
                let has_rows = group_of
                    .iter()
                    .enumerate()
                    .any(|(j, g)| j != i && g.contains(&k));
                (best >= RESTATED && has_rows).then_some(k)
            })
            .collect();
        let mut key_ids = rustc_hash::FxHashMap::default();
        let agency_keys = plan
            .obligations
            .iter()
            .map(|o| {
                let mut ids: Vec<u32> = agency_keys(o)
                    .into_iter()
                    .map(|k| {
                        let next = u32::try_from(key_ids.len()).unwrap_or(u32::MAX);
                        *key_ids.entry(k).or_insert(next)
                    })
                    .collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        let mut lead_agencies: Vec<&'p obligraph_core::Agency> = Vec::new();
        let leads_of = plan
            .obligations
            .iter()
            .map(|o| {
                o.own_leads()
                    .map(
                        |a| match lead_agencies.iter().position(|x| **x == a.agency) {
                            Some(k) => k,
                            None => {
                                lead_agencies.push(&a.agency);
                                lead_agencies.len() - 1
                            }
                        },
                    )
                    .collect()
            })
            .collect();
        let carry = crate::carry::ParentCarry::new(plan, read);
        ParentIndex {
            plan,
            index,
            clauses: Index::from_grams(&clause_sets.iter().collect::<Vec<_>>()),
            clause_owner,
            child_texts: crate::text::Memo::new(CHILD_TEXT_MEMO),
            restated_by,
            titles: Index::new(distinct.iter().map(String::as_str)),
            groups,
            group_of,
            heads_group,
            title_of,
            addresses,
            agency_keys,
            key_ids,
            number_keys: plan
                .obligations
                .iter()
                .map(|o| (!o.id.trim().is_empty()).then(|| number_key(&o.id)))
                .collect(),
            lead_agencies,
            leads_of,
            reasons: crate::text::Memo::new(64),
            doubts: crate::text::Memo::new(64),
            ids: crate::rule::ObligationIds::of(plan),
            fingerprint_texts: crate::fingerprint::ParentTexts::new(plan.obligations.len()),
            tops: plan.obligations.iter().map(top_section).collect(),
            label: plan.label().into(),
            shared: plan.obligations.iter().map(SharedText::of).collect(),
            settings: SettingsIds::default(),
            signals: SignalMemo::default(),
            carry,
        }
    }

    /// The id of the obligation that restates obligation `i`, if any.
    pub(crate) fn restated(&self, i: usize) -> Option<&'p str> {
        let j = self.restated_by.get(i).copied().flatten()?;
        self.plan.obligations.get(j).map(|o| o.id.as_str())
    }

    /// The obligations (indices) that obligation `i` restates: body items
    /// an appendix row states again.
    pub(crate) fn restating(&self, i: usize) -> Vec<usize> {
        self.restated_by
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == Some(i))
            .map(|(q, _)| q)
            .collect()
    }

    /// The rows of the appendix group whose heading obligation `i` states
    /// (see [`ParentIndex::new`]), by id.
    pub(crate) fn group_rows(&self, i: usize) -> Option<Vec<&'p str>> {
        let rows: Vec<&str> = self
            .group_row_indices(i)
            .into_iter()
            .filter_map(|j| self.plan.obligations.get(j).map(|o| o.id.as_str()))
            .collect();
        (!rows.is_empty()).then_some(rows)
    }

    /// [`ParentIndex::group_rows`], by index (empty when `i` states no
    /// group heading).
    pub(crate) fn group_row_indices(&self, i: usize) -> Vec<usize> {
        let Some(g) = self.heads_group.get(i).copied().flatten() else {
            return Vec::new();
        };
        self.group_of
            .iter()
            .enumerate()
            .filter(|(j, gs)| *j != i && gs.contains(&g))
            .map(|(j, _)| j)
            .collect()
    }

    /// The ids (in `key_ids`, sorted) of those of `keys` the parent's
    /// obligations also name; see [`jaccard`].
    pub(crate) fn known_key_ids(&self, keys: &std::collections::BTreeSet<String>) -> Vec<u32> {
        let mut ids: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.key_ids.get(k).copied())
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The indexed plan.
    pub fn plan(&self) -> &'p Plan {
        self.plan
    }
}

/// The top-level section of an obligation: the first part of its section
/// id, else of its own id.
pub(crate) fn top_section(o: &Obligation) -> String {
    let s = o.section.as_deref().unwrap_or(&o.id);
    s.split('.')
        .next()
        .filter(|x| !x.is_empty())
        .unwrap_or("(none)")
        .to_string()
}
