//! The signals a pair is scored with: text similarity and containment,
//! numbering, agencies, kinds of duty, sections and group headings.

use super::*;
use crate::agencies;
use crate::params::*;
use crate::text::{Index, Vector};
use obligraph_core::{Obligation, Plan};

/// The text signal: the cosine, or the containment of one text in the
/// other scaled by `weight` when that is higher — a short parent task
/// named inside a broad derived one ("Chiến lược quốc gia phòng, chống
/// tham nhũng" inside a list of strategies), or a derived task that carries
/// one part of a long parent task.
pub(crate) fn similarity(x: crate::text::Sim, p_terms: usize, c_terms: usize, weight: f64) -> f64 {
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
pub(crate) fn kind_signal(
    p: obligraph_core::ObligationKind,
    c: obligraph_core::ObligationKind,
) -> f64 {
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
pub(crate) fn section_title(plan: &Plan, o: &Obligation) -> Option<String> {
    let chain = plan.section_chain(o);
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
///
/// So is a heading over one task that is no task of its own (an appendix
/// heading row over the one row that carries it out: Ngô Quyền's "4. Mở
/// rộng các hoạt động hợp tác quốc tế …" over "Đẩy mạnh …"): it words
/// what the task is for.
/// (`lowered` holds the plan's section titles in lower case, in order;
/// `sole` whether each heads one task alone, see [`sole_headings`].)
pub(crate) fn addressee_title<'a>(
    plan: &'a Plan,
    lowered: &[String],
    sole: &[bool],
    o: &Obligation,
) -> Option<&'a str> {
    let id = o.section.as_deref()?;
    let k = plan.sections.iter().position(|s| s.id == id)?;
    let (s, title) = (plan.sections.get(k)?, lowered.get(k)?);
    let heads_it =
        o.kind == obligraph_core::ObligationKind::Task && sole.get(k).copied().unwrap_or(false);
    (heads_it || names_a_lead(title, o)).then_some(s.title.as_str())
}

/// For each section of `plan`, whether it heads exactly one obligation,
/// no section, and is no obligation itself.
pub(crate) fn sole_headings(plan: &Plan) -> Vec<bool> {
    let mut under: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for o in &plan.obligations {
        if let Some(s) = o.section.as_deref() {
            *under.entry(s).or_default() += 1;
        }
    }
    for s in &plan.sections {
        if let Some(p) = s.parent.as_deref() {
            // A subsection: the heading heads more than one task.
            *under.entry(p).or_default() += 2;
        }
    }
    let own: rustc_hash::FxHashSet<&str> = plan.obligations.iter().map(|o| o.id.as_str()).collect();
    plan.sections
        .iter()
        .map(|s| under.get(s.id.as_str()) == Some(&1) && !own.contains(s.id.as_str()))
        .collect()
}

/// The headings of the sections between an obligation and its thematic
/// section (see [`section_title`]), nearest first, that read like a group
/// of tasks (at least eight words): "PL.B.II Triển khai có hiệu quả các
/// Chiến lược, Kế hoạch quốc gia … bao gồm:" above the rows that name one
/// strategy each.
///
/// The thematic section counts too for a task (not a plan-level duty)
/// whose leads it does not name: a derived row that restates the theme
/// ("4. Mở rộng các hoạt động hợp tác quốc tế để triển khai hiệu quả Công
/// ước CAT …", Ngô Quyền's appendix row 4) carries the theme's tasks. A
/// heading that names the leads is an addressee heading ("1. Các Sở, ban,
/// ngành, … Ủy ban nhân dân các xã, phường"), not a theme.
pub(crate) fn group_headings(plan: &Plan, o: &Obligation) -> Vec<String> {
    let chain = plan.section_chain(o);
    // chain = [own, …, theme, root]: the groups are those before the theme.
    let groups = chain.len().saturating_sub(2);
    let theme = chain.get(groups).filter(|s| {
        groups + 2 == chain.len()
            && o.kind == obligraph_core::ObligationKind::Task
            && !names_a_lead(&s.title.to_lowercase(), o)
    });
    chain
        .iter()
        .take(groups)
        .chain(theme)
        .filter(|s| s.title.split_whitespace().count() >= 8)
        .map(|s| s.title.clone())
        .collect()
}

/// Whether a lower-cased heading names one of `o`'s leads as written.
pub(crate) fn names_a_lead(title: &str, o: &Obligation) -> bool {
    o.own_leads().any(|a| {
        let w = obligraph_vn::normalize::lowercase(a.as_written.trim());
        !w.is_empty() && title.contains(&w)
    })
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
pub(crate) fn crosses_theme(c_title: Option<&Vec<f32>>, p_title: Option<usize>) -> bool {
    let (Some(sims), Some(k)) = (c_title, p_title) else {
        return false;
    };
    let best = sims.iter().copied().fold(0.0f32, f32::max);
    let own = sims.get(k).copied().unwrap_or(0.0);
    best >= THEME_CLEAR && own < 0.5 * best
}

/// +1 when the two top-level section titles are close (the derived plan
/// mirrors the parent's structure), -1 when both are known and unrelated,
/// 0 otherwise.
pub(crate) fn section_signal(sim: Option<f32>) -> f64 {
    match sim {
        Some(s) if s < 0.1 => -1.0,
        _ => 0.0,
    }
}

/// The fields (or collectives) of all assignments of an obligation.
pub(crate) fn agency_keys(o: &Obligation) -> std::collections::BTreeSet<String> {
    o.own_assignments()
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
pub(crate) fn jaccard(a: &[u32], b: &[u32], b_len: usize) -> f64 {
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
pub(crate) fn number_key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

/// Whether two obligations bear the same number. [`align`] compares the
/// keys computed once per obligation ([`ParentIndex::number_keys`]).
#[cfg(test)]
pub(crate) fn same_number(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && number_key(a) == number_key(b)
}

/// Whether a lead of the parent obligation has a counterpart among the
/// leads of the derived one. [`align`] evaluates it through
/// [`counterpart_mask`], once per distinct derived lead.
#[cfg(test)]
pub(crate) fn lead_counterpart(p: &Obligation, pp: &Plan, c: &Obligation, cp: &Plan) -> bool {
    p.own_leads().any(|pa| {
        c.own_leads()
            .any(|ca| agencies::is_counterpart(&pa.agency, pp.level, &ca.agency, cp.level))
    })
}

/// Sets `mask` to say, for each distinct lead agency of the parent,
/// whether it has a counterpart among the leads of `c` (in `cp`), using
/// and filling `cache` (the masks of derived leads already met); returns
/// whether `c` has a lead. [`lead_counterpart`] of a pair is then whether
/// one of the parent obligation's leads is set.
pub(crate) fn lead_mask<'c>(
    parent: &ParentIndex<'_>,
    c: &'c Obligation,
    cp: &Plan,
    cache: &mut Vec<(&'c obligraph_core::Agency, Vec<bool>)>,
    mask: &mut Vec<bool>,
) -> bool {
    mask.clear();
    mask.resize(parent.lead_agencies.len(), false);
    let mut has_lead = false;
    for ca in c.own_leads() {
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
pub(crate) fn counterpart_mask(
    parent: &ParentIndex<'_>,
    ca: &obligraph_core::Agency,
    cp: &Plan,
) -> Vec<bool> {
    parent
        .lead_agencies
        .iter()
        .map(|pa| agencies::is_counterpart(pa, parent.plan.level, ca, cp.level))
        .collect()
}

pub(crate) fn explicit(p: &Obligation, pp: &Plan, c: &Obligation) -> bool {
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
    pub(crate) shared: std::sync::Mutex<rustc_hash::FxHashMap<usize, Vec<u32>>>,
    /// The rows ([`pair_row`]) of the derived obligations with this text
    /// scored so far, by the hash of their key.
    pub(crate) rows: crate::text::HashedMemo<OwnedRowKey, Row, ROWS_PER_TEXT>,
}

impl ChildText {
    /// The row of the derived obligation with this text and `key`: kept,
    /// or `f()` (kept while there is room).
    pub(crate) fn row(&self, key: &RowKey<'_>, f: impl FnOnce() -> Row) -> std::sync::Arc<Row> {
        self.rows
            .get_or_insert_with(key.hash(), |k| key.is(k), || key.to_owned_key(), f)
    }

    /// The heaviest terms (at most eight) the text shares with parent
    /// obligation `doc`, as [`Index::shared_terms`] gives them.
    pub(crate) fn shared_terms(&self, index: &Index, doc: usize) -> Vec<std::sync::Arc<str>> {
        let mut shared = crate::text::lock(&self.shared);
        let ids = shared
            .entry(doc)
            .or_insert_with(|| index.shared_term_ids(&self.vector, doc, 8));
        index.words_of(ids)
    }
}

/// Computes [`ChildText`] for `text` (and its addressee heading `title`).
pub(crate) fn child_text(parent: &ParentIndex<'_>, raw: &str, title: Option<&str>) -> ChildText {
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
