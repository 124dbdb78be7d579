//! Alignment: which derived obligations carry out which parent obligations.
//!
//! Signals, strongest first:
//! 1. an explicit reference (the derived obligation's `implements` names
//!    the parent obligation) gives score 1;
//! 2. text similarity: TF-IDF cosine over syllable 1–2-grams
//!    (the `text` module: NFC, tone placement, abbreviations, level words);
//! 3. bonuses: the same number in both documents (`numbering_bonus`), and a
//!    derived lead that is the counterpart of the parent's lead
//!    (`agency_bonus`), added to a non-zero similarity only.
//!
//! 4. section context: the heading of a duty grouped by addressee is part
//!    of its text (`addressee_title`); a pair that crosses mirrored
//!    themes without a near-verbatim clause has its text signal scaled
//!    down (`crosses_theme`); a derived obligation that restates a group
//!    heading of the parent ("Thực hiện cơ chế báo cáo, thông báo định kỳ
//!    …" above D.I.1–3) carries out every row of the group
//!    (`GROUP_RESTATED`).
//!
//! Then an assignment step. Candidate pairs (score ≥ `partial_threshold`)
//! form a bipartite graph; each connected component is solved by the
//! Hungarian method (Kuhn–Munkres, maximum total score; see `assignment`),
//! which settles contention between near-duplicate tasks one-to-one.
//! Components are small in real plans; one larger than
//! [`HUNGARIAN_LIMIT`] nodes is solved greedily (best pair first) to keep
//! the cost bounded. Beyond the one-to-one pairs, every pair scoring at
//! least `extra_match_threshold` is kept too (when its text alone reaches
//! it, or the leads agree), so that one broad derived task can cover
//! several parent tasks and a parent task can be split across several
//! derived ones; and every pair that is the best of its child, or the best
//! of its parent when the derived text takes the parent in (or has no
//! better pair), and scores at least `best_match_threshold`. A one-to-one
//! pair below `covered_threshold` that is the best of neither side is
//! dropped.

use crate::agencies;
use crate::config::Config;
use crate::report::Evidence;
use crate::text::{Index, Vector};
use obligraph_core::{Obligation, Plan};

/// Components with more nodes than this are assigned greedily.
pub const HUNGARIAN_LIMIT: usize = 160;

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
    /// The obligations by id, for the rules.
    pub(crate) ids: crate::registry::ObligationIds<'p>,
    /// The top-level section of each obligation (`audit::top_section`).
    pub(crate) tops: Vec<String>,
    /// The plan's label, shared by the reports.
    pub(crate) label: std::sync::Arc<str>,
    /// Each obligation's id, text and section, shared by the reports.
    pub(crate) shared: Vec<SharedText>,
    /// The matching settings the index has been used with.
    settings: SettingsIds,
    /// The agency signals of the derived obligations seen so far.
    signals: SignalMemo,
}

/// What a derived obligation's agencies give against an index: its agency
/// keys known to the parent ([`ParentIndex::known_key_ids`]), how many it
/// has in all, which parent leads have a counterpart among its leads
/// ([`lead_mask`]), whether it names a lead. A function of its plan's
/// level and of its assignments' agencies and whether each leads.
#[derive(Debug, Default)]
pub(crate) struct AgencySignals {
    keys: Vec<u32>,
    n_keys: usize,
    mask: Vec<bool>,
    has_lead: bool,
}

/// Distinct assignment lists kept per index.
const SIGNALS_MEMO: usize = 16_384;

/// The [`AgencySignals`] of the derived obligations an index has seen:
/// derived plans repeat their assignments. Kept by the hash of (level, lead
/// or not and agency id of each assignment), with the level and (lead or
/// not, agency) of each assignment, all they depend on. A clone starts
/// empty.
#[derive(Debug, Default, Clone)]
struct SignalMemo(crate::text::HashedMemo<SignalKey, AgencySignals, SIGNALS_MEMO>);

/// What [`AgencySignals`] depend on: the plan's level, and whether each
/// assignment leads and its agency.
type SignalKey = (
    Option<obligraph_core::Level>,
    Vec<(bool, obligraph_core::Agency)>,
);

impl SignalMemo {
    /// The signals of `assignments` in a plan at `level`: kept, or `f()`.
    fn get(
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
struct SettingsIds(std::sync::Mutex<Vec<String>>);

impl Clone for SettingsIds {
    fn clone(&self) -> Self {
        SettingsIds::default()
    }
}

impl SettingsIds {
    /// The id of `m`.
    fn id(&self, m: &crate::config::Matching) -> usize {
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

/// Distinct derived texts kept per parent index (a few kilobytes each).
const CHILD_TEXT_MEMO: usize = 8192;

/// Tokens a clause needs to count on its own.
const MIN_CLAUSE_TOKENS: usize = 10;

/// Cosine at or above which an unassigned obligation counts as restated by
/// an assigned one.
const RESTATED: f32 = 0.5;

/// The text of an obligation as matching sees it: without the parentheses
/// that assign it ("(Sở Tư pháp chủ trì thực hiện hàng năm theo yêu cầu
/// của Bộ Tư pháp; các sở, ban, ngành … phối hợp thực hiện)"). Those carry
/// agencies and deadlines, which the importer has already read into the
/// obligation and which the alignment compares on their own; left in the
/// text they make every task of one lead look alike.
pub(crate) fn matching_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = without_roles(text);
    match without_examples(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o),
    }
}

fn without_roles(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(')') else { break };
        let inner = after.get(..close).unwrap_or("").to_lowercase();
        out.push_str(rest.get(..open).unwrap_or(""));
        if !(inner.contains("chủ trì") || inner.contains("phối hợp")) {
            out.push('(');
            out.push_str(after.get(..=close).unwrap_or(""));
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Cuts the examples a task gives after "nhất là" ("especially") up to the
/// end of its clause: "Nâng cao hiệu quả … tin báo … liên quan đến tra tấn,
/// nhất là … các hành vi bức cung, dùng nhục hình, làm chết người …".
/// Plans repeat one such list of examples across several tasks that differ
/// only by their head (receive reports, investigate, inspect, compensate),
/// and the list would outweigh the head.
fn without_examples(text: &str) -> std::borrow::Cow<'_, str> {
    const MARK: &str = "nhất là";
    if !text.contains(MARK) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let head = rest.get(..at).unwrap_or("").trim_end();
        out.push_str(head.trim_end_matches(','));
        let tail = rest.get(at..).unwrap_or("");
        match tail.find([';', '.']) {
            Some(end) => rest = tail.get(end..).unwrap_or(""),
            None => rest = "",
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn assigned(o: &Obligation) -> bool {
    !o.assignments.is_empty() || o.deadline.is_some() || o.deadline_text.is_some()
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
        let own_grams = crate::text::Grams::of(own.iter().map(|t| t.as_ref()));
        let first = Index::from_grams(&own_grams.sets.iter().collect::<Vec<_>>());
        let mut restated_by = vec![None; plan.obligations.len()];
        for (i, o) in plan.obligations.iter().enumerate() {
            // The importer's link (a body item that an appendix row
            // restates, carrying the row's roles) is taken as written.
            if let Some(j) = o
                .restates
                .as_deref()
                .and_then(|id| plan.obligations.iter().position(|q| q.id == id))
            {
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
        let texts: Vec<String> = plan
            .obligations
            .iter()
            .enumerate()
            .map(|(j, _)| {
                let mut t = own.get(j).map(|t| t.to_string()).unwrap_or_default();
                for (i, r) in restated_by.iter().enumerate() {
                    if *r == Some(j) {
                        if let Some(x) = own.get(i) {
                            t.push(' ');
                            t.push_str(x);
                        }
                    }
                }
                t
            })
            .collect();
        // The grams of each text: those of the obligation's own text
        // (computed above) unless others restate it.
        let restated_grams: Vec<Option<crate::text::GramSet>> = texts
            .iter()
            .enumerate()
            .map(|(j, t)| {
                restated_by
                    .contains(&Some(j))
                    .then(|| crate::text::gram_set(t))
            })
            .collect();
        let text_grams: Vec<&crate::text::GramSet> = restated_grams
            .iter()
            .zip(&own_grams.sets)
            .map(|(r, own)| r.as_ref().unwrap_or(own))
            .collect();
        let mut distinct: Vec<String> = Vec::new();
        let title_of: Vec<Option<usize>> = plan
            .obligations
            .iter()
            .map(|o| {
                let t = section_title(plan, o)?;
                Some(match distinct.iter().position(|d| *d == t) {
                    Some(k) => k,
                    None => {
                        distinct.push(t);
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
        let mut clause_texts = Vec::new();
        let mut clause_owner = Vec::new();
        for (i, t) in own.iter().enumerate() {
            if restated_by.get(i).copied().flatten().is_some() {
                continue;
            }
            for c in crate::text::clauses(t, MIN_CLAUSE_TOKENS) {
                clause_texts.push(c);
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
                o.leads()
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
        ParentIndex {
            plan,
            index: Index::from_grams(&text_grams),
            clauses: Index::new(clause_texts.iter().map(String::as_str)),
            clause_owner,
            child_texts: crate::text::Memo::new(CHILD_TEXT_MEMO),
            restated_by,
            titles: Index::new(distinct.iter().map(String::as_str)),
            groups,
            group_of,
            heads_group,
            title_of,
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
            ids: crate::registry::ObligationIds::of(plan),
            tops: plan
                .obligations
                .iter()
                .map(crate::audit::top_section)
                .collect(),
            label: plan.label().into(),
            shared: plan.obligations.iter().map(SharedText::of).collect(),
            settings: SettingsIds::default(),
            signals: SignalMemo::default(),
        }
    }

    /// The id of the obligation that restates obligation `i`, if any.
    pub(crate) fn restated(&self, i: usize) -> Option<&'p str> {
        let j = self.restated_by.get(i).copied().flatten()?;
        self.plan.obligations.get(j).map(|o| o.id.as_str())
    }

    /// The rows of the appendix group whose heading obligation `i` states
    /// (see [`ParentIndex::new`]), by id.
    pub(crate) fn group_rows(&self, i: usize) -> Option<Vec<&'p str>> {
        let g = self.heads_group.get(i).copied().flatten()?;
        let rows: Vec<&str> = self
            .plan
            .obligations
            .iter()
            .zip(&self.group_of)
            .enumerate()
            .filter(|(j, (_, gs))| *j != i && gs.contains(&g))
            .map(|(_, (o, _))| o.id.as_str())
            .collect();
        (!rows.is_empty()).then_some(rows)
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

/// One matched pair, by index into the two plans' obligations.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pair {
    pub(crate) parent: usize,
    pub(crate) child: usize,
    pub(crate) score: f64,
    pub(crate) evidence: Evidence,
    /// Whether the derived text takes the parent's in more than the parent
    /// takes the derived one in (a broad derived task naming a narrower
    /// parent task), or restates the parent's group heading.
    pub(crate) covers: bool,
    /// Whether both obligations name leads and none of them correspond
    /// (no counterpart, no shared field or collective).
    pub(crate) leads_disagree: bool,
}

/// The result of aligning one derived plan.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alignment {
    /// Matches per parent obligation, best first.
    pub(crate) per_parent: Vec<Vec<Pair>>,
    /// Parent obligations each derived obligation carries out.
    pub(crate) per_child: Vec<Vec<usize>>,
    /// Each derived obligation's text, shared by the reports.
    pub(crate) child_texts: Vec<std::sync::Arc<str>>,
    /// Best combined score of each derived obligation against any parent.
    pub(crate) child_best: Vec<f64>,
}

/// Terms a text needs before its containment in the other counts.
const MIN_CONTAINED_TERMS: usize = 8;

/// The text signal: the cosine, or the containment of one text in the
/// other scaled by `weight` when that is higher — a short parent task
/// named inside a broad derived one ("Chiến lược quốc gia phòng, chống
/// tham nhũng" inside a list of strategies), or a derived task that carries
/// one part of a long parent task.
fn similarity(x: crate::text::Sim, p_terms: usize, c_terms: usize, weight: f64) -> f64 {
    let mut s = f64::from(x.cosine);
    if p_terms >= MIN_CONTAINED_TERMS {
        s = s.max(weight * f64::from(x.in_child));
    }
    if c_terms >= MIN_CONTAINED_TERMS {
        s = s.max(weight * f64::from(x.in_parent));
    }
    s.clamp(0.0, 1.0)
}

/// +1 when both are plan-level duties of the same kind (draft a plan,
/// report, monitor), -1 when one is a duty and the other a task, else 0.
fn kind_signal(p: obligraph_core::ObligationKind, c: obligraph_core::ObligationKind) -> f64 {
    use obligraph_core::ObligationKind::Task;
    match (p == Task, c == Task) {
        (true, true) => 0.0,
        (false, false) if p == c => 1.0,
        (false, false) => 0.0,
        _ => -1.0,
    }
}

/// The title of the thematic section an obligation sits in: the section
/// just below the document's top level ("II.2 Thực hiện hiệu quả các quy
/// định pháp luật …", "PL.B Tăng cường hiệu quả thực thi …"), when it reads
/// like a theme (at least seven words) rather than an agency's name ("III.3
/// Công an thành phố"). Obligations at the top level get none.
fn section_title(plan: &Plan, o: &Obligation) -> Option<String> {
    let mut id = o.section.clone()?;
    let mut chain: Vec<&obligraph_core::Section> = Vec::new();
    for _ in 0..12 {
        let Some(s) = plan.sections.iter().find(|s| s.id == id) else {
            break;
        };
        chain.push(s);
        match &s.parent {
            Some(p) => id = p.clone(),
            None => break,
        }
    }
    // chain = [own, …, child of root, root]
    let theme = chain.len().checked_sub(2).and_then(|k| chain.get(k))?;
    (theme.title.split_whitespace().count() >= 7).then(|| theme.title.clone())
}

/// The title of the section an obligation sits in when that title names
/// the obligation's own leads: plans that group the duties of the
/// "TỔ CHỨC THỰC HIỆN" part by addressee put the bodies in the heading
/// ("6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố …, TAND thành
/// phố, Viện Kiểm sát nhân dân thành phố") and only the duty under it,
/// where the parent plan names them in the sentence ("Đề nghị Tòa án nhân
/// dân tỉnh, Viện kiểm sát nhân dân tỉnh căn cứ chức năng, nhiệm vụ …").
/// The heading is then part of the duty's text for scoring.
/// (`lowered` holds the plan's section titles in lower case, in order.)
fn addressee_title<'a>(plan: &'a Plan, lowered: &[String], o: &Obligation) -> Option<&'a str> {
    let id = o.section.as_deref()?;
    let k = plan.sections.iter().position(|s| s.id == id)?;
    let (s, title) = (plan.sections.get(k)?, lowered.get(k)?);
    let names_lead = o.leads().any(|a| {
        let w = a.as_written.trim().to_lowercase();
        !w.is_empty() && title.contains(&w)
    });
    names_lead.then_some(s.title.as_str())
}

/// The headings of the sections between an obligation and its thematic
/// section (see [`section_title`]), nearest first, that read like a group
/// of tasks (at least eight words): "PL.B.II Triển khai có hiệu quả các
/// Chiến lược, Kế hoạch quốc gia … bao gồm:" above the rows that name one
/// strategy each.
fn group_headings(plan: &Plan, o: &Obligation) -> Vec<String> {
    let mut chain: Vec<&obligraph_core::Section> = Vec::new();
    let mut id = o.section.clone();
    for _ in 0..12 {
        let Some(s) = id
            .as_deref()
            .and_then(|i| plan.sections.iter().find(|s| s.id == i))
        else {
            break;
        };
        chain.push(s);
        id = s.parent.clone();
    }
    // chain = [own, …, theme, root]: the groups are those before the theme.
    let groups = chain.len().saturating_sub(2);
    chain
        .iter()
        .take(groups)
        .filter(|s| s.title.split_whitespace().count() >= 8)
        .map(|s| s.title.clone())
        .collect()
}

/// Whether the derived obligation's thematic section clearly mirrors
/// another parent theme than the parent obligation's: its title is close
/// to some parent title (cosine ≥ [`THEME_CLEAR`]) and the parent
/// obligation's own theme scores under half of that. Derived plans mirror
/// the parent's structure ("2. Thực hiện hiệu quả các quy định pháp luật
/// …" ↔ "B. Tăng cường hiệu quả thực thi các quy định pháp luật …"), so a
/// match across mirrored themes needs clause-level evidence: a broad
/// implementation task naming vulnerable groups is not the law-review row
/// of another theme that names the same group.
fn crosses_theme(c_title: Option<&Vec<f32>>, p_title: Option<usize>) -> bool {
    let (Some(sims), Some(k)) = (c_title, p_title) else {
        return false;
    };
    let best = sims.iter().copied().fold(0.0f32, f32::max);
    let own = sims.get(k).copied().unwrap_or(0.0);
    best >= THEME_CLEAR && own < 0.5 * best
}

/// Title cosine at which a derived theme clearly mirrors a parent theme.
const THEME_CLEAR: f32 = 0.5;

/// Factor on the text signal of a pair that crosses mirrored themes
/// (see [`crosses_theme`]) without a near-verbatim clause.
const CROSS_THEME_FACTOR: f64 = 0.4;

/// Clause cosine that counts as near-verbatim: such a pair is kept across
/// themes (Huế's law-review bullet ends with Đồng Nai's legal-aid row word
/// for word).
const VERBATIM_CLAUSE: f32 = 0.6;

/// Share of a group heading's weight a derived obligation must contain to
/// restate the group; it then carries out every row of the group.
const GROUP_RESTATED: f32 = 0.8;

/// Score of a row whose group heading the derived obligation restates,
/// times the containment: a partial-to-covered match, below any
/// near-verbatim one.
const GROUP_WEIGHT: f64 = 0.5;

/// Terms a group heading needs for [`GROUP_RESTATED`] to count.
const MIN_GROUP_TERMS: usize = 12;

/// +1 when the two top-level section titles are close (the derived plan
/// mirrors the parent's structure), -1 when both are known and unrelated,
/// 0 otherwise.
fn section_signal(sim: Option<f32>) -> f64 {
    match sim {
        Some(s) if s < 0.1 => -1.0,
        _ => 0.0,
    }
}

/// The fields (or collectives) of all assignments of an obligation.
fn agency_keys(o: &Obligation) -> std::collections::BTreeSet<String> {
    o.assignments
        .iter()
        .filter_map(|a| match (&a.agency.collective, &a.agency.field) {
            (Some(c), _) => Some(format!("{c:?}")),
            (None, Some(f)) => Some(f.clone()),
            _ => None,
        })
        .collect()
}

/// Jaccard overlap of two agency key sets: the same bodies named, whatever
/// their level. `a` are the parent's key ids (sorted), `b` the derived
/// obligation's keys known to the parent (sorted), `b_len` the number of
/// all its keys.
fn jaccard(a: &[u32], b: &[u32], b_len: usize) -> f64 {
    if a.is_empty() || b_len == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let inter = n as f64;
    let union = (a.len() + b_len) as f64 - inter;
    inter / union
}

/// What [`same_number`] compares of an id.
fn number_key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

/// Whether two obligations bear the same number. [`align`] compares the
/// keys computed once per obligation ([`ParentIndex::number_keys`]).
#[cfg(test)]
fn same_number(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && number_key(a) == number_key(b)
}

/// Whether a lead of the parent obligation has a counterpart among the
/// leads of the derived one. [`align`] evaluates it through
/// [`counterpart_mask`], once per distinct derived lead.
#[cfg(test)]
fn lead_counterpart(p: &Obligation, pp: &Plan, c: &Obligation, cp: &Plan) -> bool {
    p.leads().any(|pa| {
        c.leads()
            .any(|ca| agencies::is_counterpart(&pa.agency, pp.level, &ca.agency, cp.level))
    })
}

/// Sets `mask` to say, for each distinct lead agency of the parent,
/// whether it has a counterpart among the leads of `c` (in `cp`), using
/// and filling `cache` (the masks of derived leads already met); returns
/// whether `c` has a lead. [`lead_counterpart`] of a pair is then whether
/// one of the parent obligation's leads is set.
fn lead_mask<'c>(
    parent: &ParentIndex<'_>,
    c: &'c Obligation,
    cp: &Plan,
    cache: &mut Vec<(&'c obligraph_core::Agency, Vec<bool>)>,
    mask: &mut Vec<bool>,
) -> bool {
    mask.clear();
    mask.resize(parent.lead_agencies.len(), false);
    let mut has_lead = false;
    for ca in c.leads() {
        has_lead = true;
        let k = match cache.iter().position(|(a, _)| **a == ca.agency) {
            Some(k) => k,
            None => {
                cache.push((&ca.agency, counterpart_mask(parent, &ca.agency, cp)));
                cache.len() - 1
            }
        };
        if let Some((_, m)) = cache.get(k) {
            for (x, y) in mask.iter_mut().zip(m) {
                *x |= *y;
            }
        }
    }
    has_lead
}

/// For each distinct lead agency of the parent (`ParentIndex::lead_agencies`),
/// whether `ca` (a lead in `cp`) is its counterpart.
fn counterpart_mask(parent: &ParentIndex<'_>, ca: &obligraph_core::Agency, cp: &Plan) -> Vec<bool> {
    parent
        .lead_agencies
        .iter()
        .map(|pa| agencies::is_counterpart(pa, parent.plan.level, ca, cp.level))
        .collect()
}

fn explicit(p: &Obligation, pp: &Plan, c: &Obligation) -> bool {
    c.implements.iter().any(|r| {
        r.id == p.id
            && match (&r.plan, &pp.number) {
                (None, _) => true,
                (Some(a), Some(b)) => crate::citations::same_doc_number(a, b),
                (Some(_), None) => false,
            }
    })
}

/// What a derived obligation's text (with its addressee heading, see
/// [`addressee_title`]) gives against one parent index, whatever else the
/// obligation says: kept in [`ParentIndex::child_texts`], since derived
/// plans repeat their parent's texts and each other's.
#[derive(Debug, Default)]
pub(crate) struct ChildText {
    /// The derived obligation's text as written, shared by the reports.
    pub(crate) text: std::sync::Arc<str>,
    /// The text's vector in the parent's index.
    pub(crate) vector: Vector,
    /// Its similarities to every parent obligation.
    pub(crate) sims: Vec<crate::text::Sim>,
    /// How much of each group heading it restates.
    pub(crate) group_in: Vec<f32>,
    /// Best clause-to-clause cosine per parent obligation.
    pub(crate) clause_best: Vec<f32>,
    /// The shared terms ([`Index::shared_term_ids`]) with the parent
    /// obligations it has been matched to so far.
    shared: std::sync::Mutex<rustc_hash::FxHashMap<usize, Vec<u32>>>,
    /// The rows ([`pair_row`]) of the derived obligations with this text
    /// scored so far, by the hash of their key.
    rows: crate::text::HashedMemo<OwnedRowKey, Row, ROWS_PER_TEXT>,
}

impl ChildText {
    /// The row of the derived obligation with this text and `key`: kept,
    /// or `f()` (kept while there is room).
    fn row(&self, key: &RowKey<'_>, f: impl FnOnce() -> Row) -> std::sync::Arc<Row> {
        self.rows
            .get_or_insert_with(key.hash(), |k| key.is(k), || key.to_owned_key(), f)
    }

    /// The heaviest terms (at most eight) the text shares with parent
    /// obligation `doc`, as [`Index::shared_terms`] gives them.
    fn shared_terms(&self, index: &Index, doc: usize) -> Vec<std::sync::Arc<str>> {
        let mut shared = crate::text::lock(&self.shared);
        let ids = shared
            .entry(doc)
            .or_insert_with(|| index.shared_term_ids(&self.vector, doc, 8));
        index.words_of(ids)
    }
}

/// Computes [`ChildText`] for `text` (and its addressee heading `title`).
fn child_text(parent: &ParentIndex<'_>, raw: &str, title: Option<&str>) -> ChildText {
    let text = &matching_text(raw);
    let np = parent.plan.obligations.len();
    // Tokenise once: the clause pieces (those with tokens), and their
    // concatenation, with the heading's tokens, for the whole text.
    let mut texts: Vec<&str> = crate::text::clause_pieces(text).collect();
    let n_pieces = texts.len();
    texts.extend(title);
    // Only group headings with enough terms count (see below): the
    // others need no lookup.
    let groups_count =
        (0..parent.groups.docs.len()).any(|g| parent.groups.doc_terms(g) >= MIN_GROUP_TERMS);
    let (v, group_terms, clause_vectors) = crate::text::with_token_lists(&texts, |tl| {
        let (pieces, heading) = tl.lists.split_at(n_pieces.min(tl.lists.len()));
        let pieces: Vec<&Vec<crate::text::Tok<'_>>> =
            pieces.iter().filter(|t| !t.is_empty()).collect();
        let whole: Vec<crate::text::Tok<'_>> = pieces
            .iter()
            .copied()
            .chain(heading)
            .flatten()
            .copied()
            .collect();
        let clause_vectors: Vec<Vector> = pieces
            .iter()
            .filter(|p| p.len() >= MIN_CLAUSE_TOKENS)
            .map(|p| parent.clauses.vectorize_toks(tl, p))
            .collect();
        (
            parent.index.vectorize_toks(tl, &whole),
            if groups_count {
                parent.groups.known_terms(tl, &whole)
            } else {
                Vec::new()
            },
            clause_vectors,
        )
    });
    let sims = parent.index.scores_full(&v);
    // How much of each group heading the derived text restates.
    // (The share of a heading's weight found in the text: which of its
    // terms the text has, whatever their weight in the text.)
    let group_in: Vec<f32> = parent
        .groups
        .in_child(&group_terms)
        .iter()
        .enumerate()
        .map(|(g, x)| {
            if parent.groups.doc_terms(g) >= MIN_GROUP_TERMS {
                *x
            } else {
                0.0
            }
        })
        .collect();
    // Best clause-to-clause cosine per parent obligation.
    let mut clause_best = vec![0.0f32; np];
    for cv in &clause_vectors {
        for (k, x) in parent.clauses.scores(cv).iter().enumerate() {
            if let Some(b) = parent
                .clause_owner
                .get(k)
                .and_then(|o| clause_best.get_mut(*o))
            {
                *b = b.max(*x);
            }
        }
    }
    ChildText {
        text: raw.into(),
        vector: v,
        sims,
        group_in,
        clause_best,
        shared: std::sync::Mutex::default(),
        rows: crate::text::HashedMemo::default(),
    }
}

/// Aligns `child` against the indexed parent.
pub(crate) fn align(parent: &ParentIndex<'_>, child: &Plan, config: &Config) -> Alignment {
    let m = &config.matching;
    let np = parent.plan.obligations.len();
    let nc = child.obligations.len();
    let mut candidates: Vec<Pair> = Vec::with_capacity(4 * nc);
    let mut child_best = vec![0.0f64; nc];
    let mut vectors: Vec<std::sync::Arc<ChildText>> = Vec::with_capacity(nc);
    // Similarity of each child obligation's section title to every parent
    // title, computed once per distinct child title.
    // With it, whether it crosses each parent theme (see [`crosses_theme`]).
    let mut title_sims: std::collections::HashMap<String, (Vec<f32>, Vec<bool>)> =
        Default::default();
    // (The title depends on the obligation's section only: computed once
    // per section.)
    let mut by_section: Vec<(Option<&str>, Option<String>)> = Vec::new();
    let child_titles: Vec<Option<String>> = child
        .obligations
        .iter()
        .map(|o| {
            let s = o.section.as_deref();
            if let Some((_, t)) = by_section.iter().find(|(x, _)| *x == s) {
                return t.clone();
            }
            let t = section_title(child, o);
            by_section.push((s, t.clone()));
            t
        })
        .collect();
    for t in child_titles.iter().flatten() {
        if !title_sims.contains_key(t) {
            let v = parent.titles.vectorize(t);
            let sims = parent.titles.scores(&v);
            let crosses = (0..parent.titles.docs.len())
                .map(|k| crosses_theme(Some(&sims), Some(k)))
                .collect();
            title_sims.insert(t.clone(), (sims, crosses));
        }
    }
    // Whether each distinct derived lead is the counterpart of each
    // distinct parent lead, computed once per derived lead.
    let mut lead_masks: Vec<(&obligraph_core::Agency, Vec<bool>)> = Vec::new();
    let mut c_mask: Vec<bool> = Vec::new();
    let settings = parent.settings.id(m);
    let lowered: Vec<String> = child
        .sections
        .iter()
        .map(|s| s.title.to_lowercase())
        .collect();
    for (ci, c) in child.obligations.iter().enumerate() {
        // The text-only part is computed once per distinct text (and
        // addressee heading) for this parent: see [`ChildText`].
        let title = addressee_title(child, &lowered, c);
        let mut text_key = String::with_capacity(c.text.len() + title.map_or(0, str::len) + 1);
        text_key.push_str(&c.text);
        if let Some(t) = title {
            text_key.push('\u{1f}');
            text_key.push_str(t);
        }
        let ct = parent
            .child_texts
            .get_or_insert_with(&text_key, || child_text(parent, &c.text, title));
        let sig = parent.signals.get(child.level, &c.assignments, || {
            // The derived obligation's agency keys known to the parent,
            // and how many it has in all (see [`jaccard`]).
            let c_key_set = agency_keys(c);
            // Which parent leads have a counterpart among this one's leads.
            let has_lead = lead_mask(parent, c, child, &mut lead_masks, &mut c_mask);
            AgencySignals {
                keys: parent.known_key_ids(&c_key_set),
                n_keys: c_key_set.len(),
                mask: c_mask.clone(),
                has_lead,
            }
        });
        let c_title = child_titles.get(ci).and_then(|t| t.as_deref());
        let c_number = number_key(&c.id);
        // The parent obligations it cites (few derived plans cite any).
        let c_explicit: Vec<usize> = if c.implements.is_empty() {
            Vec::new()
        } else {
            (0..np)
                .filter(|pi| {
                    parent
                        .plan
                        .obligations
                        .get(*pi)
                        .is_some_and(|p| explicit(p, parent.plan, c))
                })
                .collect()
        };
        let key = RowKey {
            settings,
            title: c_title,
            keys: &sig.keys,
            n_keys: sig.n_keys,
            mask: &sig.mask,
            has_lead: sig.has_lead,
            number: &c_number,
            explicit: &c_explicit,
            kind: c.kind,
        };
        let row = ct.row(&key, || {
            let title = c_title.and_then(|t| title_sims.get(t));
            pair_row(parent, m, &ct, &key, title)
        });
        if let Some(b) = child_best.get_mut(ci) {
            *b = b.max(row.best);
        }
        candidates.extend(row.pairs.iter().map(|r| Pair {
            child: ci,
            ..r.clone()
        }));
        vectors.push(ct);
    }
    let chosen = credit_rows_over_headings(parent, &candidates, assign(&candidates, np, nc, m));
    let mut out = Alignment {
        per_parent: vec![Vec::new(); np],
        per_child: vec![Vec::new(); nc],
        child_texts: vectors
            .iter()
            .map(|v| std::sync::Arc::clone(&v.text))
            .collect(),
        child_best,
    };
    for k in chosen {
        let Some(pair) = candidates.get(k) else {
            continue;
        };
        let mut pair = pair.clone();
        if let Some(v) = vectors.get(pair.child) {
            pair.evidence.shared_terms = v.shared_terms(&parent.index, pair.parent);
        }
        pair.score = (pair.score * 1000.0).round() / 1000.0;
        if let Some(pc) = out.per_child.get_mut(pair.child) {
            pc.push(pair.parent);
        }
        if let Some(pp) = out.per_parent.get_mut(pair.parent) {
            pp.push(pair);
        }
    }
    for v in &mut out.per_parent {
        v.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.child.cmp(&b.child)));
    }
    out
}

/// The settings and the derived obligation's own signals that, with its
/// text ([`ChildText`]), decide how it pairs with every parent obligation:
/// [`pair_row`] is a function of these alone, so its result is kept per
/// text and key (derived plans of one parent repeat their obligations).
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowKey<'a> {
    /// The matching settings (their id in [`ParentIndex::settings`]).
    settings: usize,
    /// The title of the obligation's thematic section.
    title: Option<&'a str>,
    /// Its agency keys known to the parent ([`ParentIndex::known_key_ids`]).
    keys: &'a [u32],
    /// How many agency keys it has in all.
    n_keys: usize,
    /// Which parent leads have a counterpart among its leads ([`lead_mask`]).
    mask: &'a [bool],
    /// Whether it names a lead.
    has_lead: bool,
    /// Its number ([`number_key`]).
    number: &'a str,
    /// The parent obligations it cites, ascending.
    explicit: &'a [usize],
    /// Its kind.
    kind: obligraph_core::ObligationKind,
}

/// [`RowKey`], owned.
#[derive(Debug, Clone, PartialEq)]
struct OwnedRowKey {
    settings: usize,
    title: Option<String>,
    keys: Vec<u32>,
    n_keys: usize,
    mask: Vec<bool>,
    has_lead: bool,
    number: String,
    explicit: Vec<usize>,
    kind: obligraph_core::ObligationKind,
}

impl RowKey<'_> {
    fn to_owned_key(self) -> OwnedRowKey {
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

    fn is(&self, o: &OwnedRowKey) -> bool {
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

    fn hash(&self) -> u64 {
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
    best: f64,
    pairs: Vec<Pair>,
}

/// Rows kept per derived text.
const ROWS_PER_TEXT: usize = 64;

/// Scores one derived obligation (its text `ct`, its other signals `key`,
/// its section title's similarities to the parent's `title`) against every
/// parent obligation.
fn pair_row(
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
        if clause < VERBATIM_CLAUSE && crosses {
            sim *= CROSS_THEME_FACTOR;
        }
        let restated_group = parent
            .group_of
            .get(pi)
            .into_iter()
            .flatten()
            .filter_map(|g| group_in.get(*g).copied())
            .filter(|h| *h >= GROUP_RESTATED)
            .fold(0.0f32, f32::max);
        sim = sim.max(GROUP_WEIGHT * f64::from(restated_group));
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

/// Drops a chosen pair of a derived obligation with a body item that heads
/// an appendix group (see [`ParentIndex::new`]) when the same derived
/// obligation is also chosen for a row of that group with a higher score:
/// body item and rows state one obligation twice, and the row is the
/// specific statement the derived task carries out.
fn credit_rows_over_headings(
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

/// How far below the best pair of both its parent and its derived
/// obligation an extra pair may score before it counts as an echo.
const ECHO_MARGIN: f64 = 0.15;

/// Text similarity at which a derived obligation is a near-verbatim copy
/// of a parent obligation.
const VERBATIM_TWIN: f64 = 0.8;

/// Chooses candidate pairs: one-to-one per component (Hungarian, or greedy
/// for large components), plus every pair at or above `extra`.
fn assign(cands: &[Pair], np: usize, nc: usize, m: &crate::config::Matching) -> Vec<usize> {
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
                        b.parent != c.parent && b.evidence.text_similarity >= VERBATIM_TWIN
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
            let echo = c.score + ECHO_MARGIN < top(&c_best, c.child)
                && c.score + ECHO_MARGIN < top(&p_best, c.parent);
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

fn greedy(cands: &[Pair], edges: &[usize]) -> Vec<usize> {
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

fn hungarian(cands: &[Pair], edges: &[usize], ps: &[usize], cs: &[usize]) -> Vec<usize> {
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

    fn plan(texts: &[(&str, &str)]) -> Plan {
        let mut p = Plan::default();
        for (id, t) in texts {
            p.obligations.push(Obligation::new(*id, *t));
        }
        p
    }

    /// Real plans: Đồng Nai as the parent of the others.
    fn seed_pairs() -> Vec<(Plan, Plan)> {
        let load = |n: &str| {
            let p = format!(
                "{}/../../examples/data/seeds/{n}.txt",
                env!("CARGO_MANIFEST_DIR")
            );
            let t = std::fs::read_to_string(&p).unwrap();
            obligraph_vn::import_text(&t, &p).unwrap().plan
        };
        let parent = load("dong-nai-74-2026");
        [
            "hue-qd2715-2026",
            "ngo-quyen-102-2023",
            "binh-thuan-qd87-2023",
        ]
        .iter()
        .map(|c| (parent.clone(), load(c)))
        .collect()
    }

    #[test]
    fn precomputed_pair_signals_equal_the_direct_ones() {
        let set = |o: &Obligation| agency_keys(o);
        let direct_jaccard = |a: &std::collections::BTreeSet<String>,
                              b: &std::collections::BTreeSet<String>| {
            if a.is_empty() || b.is_empty() {
                return 0.0;
            }
            let inter = a.intersection(b).count() as f64;
            inter / ((a.len() + b.len()) as f64 - inter)
        };
        let mut pairs = 0;
        for (parent, child) in seed_pairs() {
            let ix = ParentIndex::new(&parent);
            let mut cache = Vec::new();
            let mut mask = Vec::new();
            for c in &child.obligations {
                let has_lead = lead_mask(&ix, c, &child, &mut cache, &mut mask);
                assert_eq!(has_lead, c.leads().next().is_some());
                let c_keys = set(c);
                let c_ids = ix.known_key_ids(&c_keys);
                for (pi, p) in parent.obligations.iter().enumerate() {
                    let counterpart = ix.leads_of[pi].iter().any(|k| mask[*k]);
                    assert_eq!(counterpart, lead_counterpart(p, &parent, c, &child));
                    let numbering = ix.number_keys[pi].as_ref() == Some(&number_key(&c.id));
                    assert_eq!(numbering, same_number(&p.id, &c.id));
                    let j = jaccard(&ix.agency_keys[pi], &c_ids, c_keys.len());
                    assert_eq!(j.to_bits(), direct_jaccard(&set(p), &c_keys).to_bits());
                    pairs += 1;
                }
            }
        }
        assert!(pairs > 1000, "{pairs}");
    }

    #[test]
    fn near_duplicates_are_assigned_one_to_one() {
        let parent = plan(&[
            ("1", "Pháp luật về phòng, chống bạo lực gia đình"),
            ("2", "Pháp luật về phòng, chống ma túy và cai nghiện"),
            ("3", "Quyền tự do hội họp hòa bình"),
        ]);
        let child = plan(&[
            ("a", "Rà soát pháp luật về phòng, chống ma túy, cai nghiện"),
            ("b", "Rà soát pháp luật phòng, chống bạo lực gia đình"),
        ]);
        let ix = ParentIndex::new(&parent);
        let a = align(&ix, &child, &Config::default());
        assert_eq!(a.per_parent[0][0].child, 1);
        assert_eq!(a.per_parent[1][0].child, 0);
        assert!(a.per_parent[2].is_empty());
    }

    #[test]
    fn crossing_mirrored_themes_needs_a_clause() {
        // The derived theme mirrors parent theme 1 (0.8), not theme 0.
        let sims = vec![0.1f32, 0.8];
        assert!(crosses_theme(Some(&sims), Some(0)));
        assert!(!crosses_theme(Some(&sims), Some(1)));
        // No clear mirror: nothing crosses.
        let vague = vec![0.3f32, 0.35];
        assert!(!crosses_theme(Some(&vague), Some(0)));
        assert!(!crosses_theme(None, Some(0)));
    }

    #[test]
    fn restating_a_group_heading_takes_its_rows_in() {
        let mut parent = plan(&[
            ("D.I.1", "Xây dựng Báo cáo hàng năm, sơ kết, tổng kết"),
            (
                "D.I.2",
                "Xây dựng các Báo cáo giữa kỳ về tình hình triển khai",
            ),
            ("D.II", "Tăng cường hợp tác quốc tế về nhân quyền"),
        ]);
        let sec = |id: &str, title: &str, parent: Option<&str>| obligraph_core::Section {
            id: id.into(),
            title: title.into(),
            parent: parent.map(Into::into),
            line: 0,
        };
        parent.sections = vec![
            sec("PL", "Phụ lục", None),
            sec("PL.D", "Các hoạt động hợp tác quốc tế và thực hiện các nghĩa vụ báo cáo định kỳ", Some("PL")),
            sec("PL.D.I", "Thực hiện cơ chế báo cáo, thông báo định kỳ về tình hình thực hiện Công ước ICCPR và khuyến nghị theo yêu cầu của Ủy ban Nhân quyền", Some("PL.D")),
        ];
        parent.obligations[0].section = Some("PL.D.I".into());
        parent.obligations[1].section = Some("PL.D.I".into());
        parent.obligations[2].section = Some("PL.D".into());
        let child = plan(&[(
            "1",
            "Thực hiện cơ chế báo cáo, thông báo định kỳ về tình hình thực hiện Công ước ICCPR và khuyến nghị theo yêu cầu của Ủy ban Nhân quyền",
        )]);
        let ix = ParentIndex::new(&parent);
        let a = align(&ix, &child, &Config::default());
        assert_eq!(a.per_parent[0].first().map(|p| p.child), Some(0));
        assert_eq!(a.per_parent[1].first().map(|p| p.child), Some(0));
        assert!(a.per_parent[2].is_empty());
    }

    #[test]
    fn explicit_reference_wins() {
        let parent = plan(&[
            ("II.1", "Tuyên truyền Công ước"),
            ("II.2", "Hợp tác quốc tế"),
        ]);
        let mut child = plan(&[("1", "Một nhiệm vụ viết khác hẳn")]);
        child.obligations[0]
            .implements
            .push(obligraph_core::ObligationRef {
                plan: None,
                id: "II.2".into(),
            });
        let ix = ParentIndex::new(&parent);
        let a = align(&ix, &child, &Config::default());
        assert!(a.per_parent[1][0].evidence.explicit_reference);
        assert_eq!(a.per_parent[1][0].score, 1.0);
    }

    /// The rows kept with the derived texts serve only the settings they
    /// were computed with, and give what a fresh index gives.
    #[test]
    fn kept_rows_are_per_settings() {
        let a = Config::default();
        let mut b = Config::default();
        b.matching.partial_threshold = 0.2;
        b.matching.agency_bonus = 0.0;
        let same = |x: &Alignment, y: &Alignment| {
            x.per_parent == y.per_parent
                && x.per_child == y.per_child
                && x.child_best == y.child_best
        };
        let mut differ = 0;
        for (parent, child) in seed_pairs() {
            let ix = ParentIndex::new(&parent);
            let first = align(&ix, &child, &a);
            let other = align(&ix, &child, &b);
            let again = align(&ix, &child, &a);
            assert!(same(&first, &again));
            assert!(same(&other, &align(&ParentIndex::new(&parent), &child, &b)));
            // A derived plan with each of its obligations twice: the second
            // copy reads the first's row.
            let mut twice = child.clone();
            twice.obligations.extend(child.obligations.iter().cloned());
            let t = align(&ParentIndex::new(&parent), &twice, &a);
            let n = child.obligations.len();
            assert_eq!(t.child_best[..n], t.child_best[n..]);
            differ += usize::from(!same(&first, &other));
            // The same obligations in a plan of another level: the signals
            // kept for the first level are not reused.
            let mut up = child.clone();
            up.level = match child.level {
                Some(obligraph_core::Level::Commune) => Some(obligraph_core::Level::Province),
                _ => Some(obligraph_core::Level::Commune),
            };
            let kept = align(&ix, &up, &a);
            assert!(same(&kept, &align(&ParentIndex::new(&parent), &up, &a)));
        }
        assert!(differ > 0, "the two settings should align differently");
    }

    #[test]
    fn kept_agency_signals_are_per_level_and_assignments() {
        use obligraph_core::Level::{Commune, Province};
        let memo = SignalMemo::default();
        let sig = |n| {
            move || AgencySignals {
                n_keys: n,
                ..AgencySignals::default()
            }
        };
        let one = seed_pairs()[0].1.obligations[0].assignments.clone();
        let a = memo.get(Some(Commune), &one, sig(1));
        let b = memo.get(Some(Province), &one, sig(2));
        let c = memo.get(Some(Commune), &[], sig(3));
        let d = memo.get(Some(Commune), &one, sig(4));
        assert!(!one.is_empty());
        assert_eq!((a.n_keys, b.n_keys, c.n_keys, d.n_keys), (1, 2, 3, 1));
        // The same agency in another role, or another agency.
        let mut other_role = one.clone();
        other_role[0].role = match other_role[0].role {
            obligraph_core::Role::Lead => obligraph_core::Role::Support,
            _ => obligraph_core::Role::Lead,
        };
        assert_eq!(memo.get(Some(Commune), &other_role, sig(5)).n_keys, 5);
        let mut other_agency = one.clone();
        other_agency[0].agency.name.push('x');
        assert_eq!(memo.get(Some(Commune), &other_agency, sig(6)).n_keys, 6);
        // What the signals do not read: the words as written.
        let mut as_written = one.clone();
        as_written[0].as_written.push('x');
        assert_eq!(memo.get(Some(Commune), &as_written, sig(7)).n_keys, 1);
    }
}
