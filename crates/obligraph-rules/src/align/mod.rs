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
//!    of its text, and so is a heading over one task that is no task of
//!    its own (`addressee_title`); a pair that crosses mirrored
//!    themes without a near-verbatim clause has its text signal scaled
//!    down (`crosses_theme`); a derived obligation that restates a group
//!    heading of the parent ("Thực hiện cơ chế báo cáo, thông báo định kỳ
//!    …" above D.I.1–3) carries out every row of the group
//!    (`AlignWeights::group_restated`).
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

use crate::config::Config;
use crate::report::Evidence;
use obligraph_core::Plan;

mod index;
mod memo;
mod select;
mod signals;

pub use index::ParentIndex;
pub(crate) use index::*;
pub(crate) use memo::*;
pub(crate) use select::*;
pub(crate) use signals::*;

/// Components with more nodes than this are assigned greedily.
pub const HUNGARIAN_LIMIT: usize = 160;

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

/// Aligns `child` against the indexed parent.
///
/// `na` marks the parent obligations not applicable to the derived plan
/// (by index; empty: all applicable): they are assigned after the others
/// (see [`assign_applicable_first`]); `requests` marks the applicable ones
/// only requested bodies lead, assigned after the others but free to share
/// a derived task with them.
pub(crate) fn align(
    parent: &ParentIndex<'_>,
    child: &Plan,
    config: &Config,
    na: &[bool],
    requests: &[bool],
) -> Alignment {
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
            // A task under an addressee heading of the parent ("1. Các cơ
            // quan, đơn vị, …") may sit under any theme of content in a
            // derived plan: crossing counts against it only when the
            // derived section mirrors another addressee heading.
            let best = (0..sims.len()).max_by(|a, b| sims[*a].total_cmp(&sims[*b]));
            let addresses = |k: usize| parent.addresses.get(k).copied().unwrap_or(false);
            let crosses = (0..parent.titles.docs.len())
                .map(|k| {
                    crosses_theme(Some(&sims), Some(k))
                        && (!addresses(k) || best.is_some_and(addresses))
                })
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
    let sole = signals::sole_headings(child);
    for (ci, c) in child.obligations.iter().enumerate() {
        // The text-only part is computed once per distinct text (and
        // addressee heading) for this parent: see [`ChildText`].
        let title = addressee_title(child, &lowered, &sole, c);
        let mut text_key = String::with_capacity(c.text.len() + title.map_or(0, str::len) + 1);
        text_key.push_str(&c.text);
        if let Some(t) = title {
            text_key.push('\u{1f}');
            text_key.push_str(t);
        }
        let ct = parent
            .child_texts
            .get_or_insert_with(&text_key, || child_text(parent, &c.text, title));
        let sig = parent.signals.get(child.level, c.own_assignments(), || {
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
    // The derived obligations that are requests (relayed to a court,
    // procuracy or Front): they contest the parent's requests first.
    let relay: Vec<bool> = if requests.iter().any(|x| *x) {
        child
            .obligations
            .iter()
            .map(crate::agencies::only_requested)
            .collect()
    } else {
        Vec::new()
    };
    let chosen = credit_rows_over_headings(
        parent,
        &candidates,
        assign_applicable_first(&candidates, (np, nc), m, na, (requests, &relay)),
    );
    let chosen = credit_twins(child, &candidates, chosen);
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

#[cfg(test)]
mod tests {
    use super::*;
    use obligraph_core::Obligation;

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
                assert_eq!(has_lead, c.own_leads().next().is_some());
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
        let a = align(&ix, &child, &Config::default(), &[], &[]);
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
    fn a_body_item_and_its_restating_row_carry_the_same_parent_task() {
        let pair = |parent, child, score| Pair {
            parent,
            child,
            score,
            evidence: Evidence::default(),
            covers: false,
            leads_disagree: false,
        };
        // Body item II.1-1 and row PL.1 state one task; PL.1 was assigned
        // to another parent task, and its pair with parent 0 was left out.
        let cands = vec![
            pair(0, 0, 0.8),
            pair(0, 1, 0.35),
            pair(1, 1, 0.5),
            pair(1, 2, 0.6),
        ];
        let mut child = plan(&[
            ("II.1-1", "Tập huấn chuyên sâu về Công ước"),
            ("PL.1", "Tập huấn Công ước cho cán bộ"),
            ("PL.2", "Rà soát cơ sở vật chất"),
        ]);
        assert_eq!(credit_twins(&child, &cands, vec![0, 2, 3]), vec![0, 2, 3]);
        child.obligations[0].restates = Some("PL.1".into());
        // The twin's own candidate pair is added; a twin with no candidate
        // pair (PL.1 has none with parent 0's neighbour) gains nothing.
        assert_eq!(
            credit_twins(&child, &cands, vec![0, 2, 3]),
            vec![0, 2, 3, 1]
        );
        assert_eq!(credit_twins(&child, &cands, vec![3]), vec![3]);
    }

    fn sec(id: &str, title: &str, parent: Option<&str>) -> obligraph_core::Section {
        obligraph_core::Section {
            id: id.into(),
            title: title.into(),
            parent: parent.map(Into::into),
            line: 0,
        }
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
        let a = align(&ix, &child, &Config::default(), &[], &[]);
        assert_eq!(a.per_parent[0].first().map(|p| p.child), Some(0));
        assert_eq!(a.per_parent[1].first().map(|p| p.child), Some(0));
        assert!(a.per_parent[2].is_empty());
    }

    /// A derived row that restates a thematic heading of the parent takes
    /// the theme's tasks in, not its plan-level duties.
    #[test]
    fn restating_a_theme_takes_its_tasks_in() {
        let mut parent = plan(&[
            (
                "II.3-1",
                "Biên soạn tài liệu giới thiệu về quyền của người khuyết tật",
            ),
            (
                "II.3-2",
                "Tổ chức đoàn công tác trao đổi kinh nghiệm với các địa phương bạn",
            ),
            (
                "II.3-3",
                "Xây dựng kế hoạch triển khai của từng cơ quan, đơn vị",
            ),
            ("II.4-1", "Kiểm tra việc bố trí kinh phí cho các nhiệm vụ"),
        ]);
        parent.obligations[2].kind = obligraph_core::ObligationKind::DraftPlan;
        parent.sections = vec![
            sec("II", "Nhiệm vụ và giải pháp", None),
            sec("II.3", "Đẩy mạnh công tác thông tin đối ngoại và hợp tác với các tổ chức quốc tế về quyền của người khuyết tật", Some("II")),
            sec("II.4", "Bảo đảm nguồn lực cho việc thực hiện Kế hoạch", Some("II")),
        ];
        for (o, s) in parent
            .obligations
            .iter_mut()
            .zip(["II.3", "II.3", "II.3", "II.4"])
        {
            o.section = Some(s.into());
        }
        let child = plan(&[(
            "3",
            "Đẩy mạnh công tác thông tin đối ngoại và hợp tác với các tổ chức quốc tế về quyền của người khuyết tật trên địa bàn huyện",
        )]);
        let ix = ParentIndex::new(&parent);
        let a = align(&ix, &child, &Config::default(), &[], &[]);
        assert_eq!(a.per_parent[0].first().map(|p| p.child), Some(0));
        assert_eq!(a.per_parent[1].first().map(|p| p.child), Some(0));
        assert!(a.per_parent[2].is_empty(), "a plan-level duty");
        assert!(a.per_parent[3].is_empty(), "another theme");
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
        let a = align(&ix, &child, &Config::default(), &[], &[]);
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
            let first = align(&ix, &child, &a, &[], &[]);
            let other = align(&ix, &child, &b, &[], &[]);
            let again = align(&ix, &child, &a, &[], &[]);
            assert!(same(&first, &again));
            assert!(same(
                &other,
                &align(&ParentIndex::new(&parent), &child, &b, &[], &[])
            ));
            // A derived plan with each of its obligations twice: the second
            // copy reads the first's row.
            let mut twice = child.clone();
            twice.obligations.extend(child.obligations.iter().cloned());
            let t = align(&ParentIndex::new(&parent), &twice, &a, &[], &[]);
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
            let kept = align(&ix, &up, &a, &[], &[]);
            assert!(same(
                &kept,
                &align(&ParentIndex::new(&parent), &up, &a, &[], &[])
            ));
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
