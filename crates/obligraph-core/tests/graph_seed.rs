//! The obligation graph on a real plan: Kế hoạch 74/KH-UBND of Đồng Nai
//! (examples/data/dong-nai-74-2026.plan.json, encoded by hand from
//! examples/data/seeds/dong-nai-74-2026.txt).

use crate::dong_nai_plan;
use chrono::NaiveDate;
use obligraph_core::{
    ChainCheck, Deadline, DueDay, EdgeKind, GraphError, Level, ObligationKey, ObligationKind,
    PlanGraph, Role, Window,
};

const PLAN: &str = "74/KH-UBND";

fn key(id: &str) -> ObligationKey {
    ObligationKey::new(PLAN, id)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn header_is_the_documents() {
    let p = dong_nai_plan();
    assert_eq!(p.number.as_deref(), Some("74/KH-UBND"));
    assert_eq!(p.date, Some(ymd(2026, 2, 5)));
    assert_eq!(p.level, Some(Level::Province));
    assert_eq!(p.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Đồng Nai"));
    assert_eq!(p.implements.len(), 1);
    assert_eq!(p.implements[0].number.as_deref(), Some("2715/QĐ-TTg"));
    assert_eq!(p.implements[0].date, Some(ymd(2025, 12, 13)));
    assert_eq!(
        p.validity,
        Some(Window::new(ymd(2026, 2, 5), ymd(2030, 12, 31)))
    );
    // 54 rows of the appendix table and 9 duties of "IV. Tổ chức thực hiện".
    assert_eq!(p.obligations.len(), 63);
    assert_eq!(p.duties().count(), 6);
}

/// Each obligation points at lines of the seed text that hold its words:
/// the first words of its task and every word of its deadline as written.
#[test]
fn source_spans_hold_the_text() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/seeds/dong-nai-74-2026.txt"
    ))
    .unwrap();
    let lines: Vec<&str> = seed.lines().collect();
    let p = dong_nai_plan();
    for o in &p.obligations {
        let (a, b) = (o.source.line_start as usize, o.source.line_end as usize);
        assert!(1 <= a && a <= b && b <= lines.len(), "{}: bad span", o.id);
        let span = lines[a - 1..b].join(" ");
        for w in o.text.split_whitespace().take(6) {
            assert!(span.contains(w), "{}: `{w}` not in lines {a}-{b}", o.id);
        }
        for w in o.deadline_text.iter().flat_map(|t| t.split_whitespace()) {
            assert!(
                span.contains(w),
                "{}: deadline word `{w}` not in lines {a}-{b}",
                o.id
            );
        }
        // Appendix rows: the row's number cell ends the id (B.I is printed
        // "1" in the extraction, between "B" and "II").
        if o.id.starts_with(['A', 'B', 'C', 'D']) && o.id != "B.I" {
            let stt = lines[a - 1].split('\t').next().unwrap();
            assert!(
                o.id.ends_with(&format!(".{stt}")),
                "{}: row number `{stt}`",
                o.id
            );
        }
    }
}

/// Courts and procuracies are requested, never ordered.
#[test]
fn courts_and_procuracies_are_requested() {
    let p = dong_nai_plan();
    let mut seen = 0;
    for o in &p.obligations {
        for a in &o.assignments {
            if matches!(
                a.agency.id.as_str(),
                "province:court" | "province:procuracy"
            ) {
                assert!(!a.agency.orderable);
                assert!(a.requested, "{} {}", o.id, a.agency.id);
                seen += 1;
            }
        }
        assert!(o.leads().count() >= 1, "{} has no lead", o.id);
    }
    assert!(seen > 30);
}

#[test]
fn graph_has_the_reporting_edge_and_a_topological_order() {
    let g = PlanGraph::new(vec![dong_nai_plan()]);
    assert_eq!(g.len(), 63);
    assert!(g.unresolved().is_empty());
    assert_eq!(g.edges().len(), 1);
    assert_eq!(g.edges()[0].kind, EdgeKind::Feeds);
    assert!(g.cycles().is_empty());
    let order = g.topological_order().unwrap();
    assert_eq!(order.len(), 63);
    let pos = |id: &str| order.iter().position(|k| *k == key(id)).unwrap();
    assert!(pos("IV.1.a.report") < pos("IV.4.report"));
    assert_eq!(
        g.ancestors(&key("IV.1.a.report")).unwrap(),
        vec![key("IV.4.report")]
    );
    assert_eq!(
        g.descendants(&key("IV.4.report")).unwrap(),
        vec![key("IV.1.a.report")]
    );
}

/// From the communes' report up: it feeds the Department of Justice's
/// compilation, and nothing above it is in this plan. The chain leaves the
/// Department 15 days every year of the plan.
#[test]
fn deadline_chain_from_a_commune_report() {
    let p = dong_nai_plan();
    let window = p.effective_window().unwrap();
    let g = PlanGraph::new(vec![p]);
    let start = key("IV.1.a.report");
    let report = g.obligation(&start).unwrap();
    assert_eq!(report.kind, ObligationKind::Report);
    assert!(report
        .leads()
        .any(|a| a.agency.id == "collective:commune_committees" && a.role == Role::Lead));
    let chain = g.deadline_chain(&start).unwrap();
    let keys: Vec<&ObligationKey> = chain.iter().map(|l| &l.key).collect();
    assert_eq!(keys, vec![&start, &key("IV.4.report")]);
    let commune = chain[0].deadline.clone().unwrap();
    let province = chain[1].deadline.clone().unwrap();
    assert_eq!(commune, Deadline::annual(DueDay::before(11, 5)));
    assert_eq!(commune.to_vietnamese(), "trước ngày 05/11 hằng năm");
    assert_eq!(
        province.to_vietnamese(),
        "trước ngày 20/11 hằng năm và đột xuất"
    );
    assert_eq!(
        province.due_dates(window).dates,
        (2026..=2030).map(|y| ymd(y, 11, 19)).collect::<Vec<_>>()
    );
    assert_eq!(
        commune.leaves_margin(&province, 15, window),
        ChainCheck::Holds { periods: 5 }
    );
    assert!(matches!(
        commune.leaves_margin(&province, 16, window),
        ChainCheck::Violated { .. }
    ));
}

/// A feeds edge added backwards makes a cycle, and the error names it.
#[test]
fn cycle_introduced_by_hand_is_named() {
    let mut g = PlanGraph::new(vec![dong_nai_plan()]);
    g.add_edge(&key("IV.4.report"), &key("IV.1.a.report"), EdgeKind::Feeds)
        .unwrap();
    let err = g.topological_order().unwrap_err();
    assert_eq!(
        err,
        GraphError::Cycle {
            cycle: vec![key("IV.1.a.report"), key("IV.4.report")]
        }
    );
    assert_eq!(
        err.to_string(),
        "the obligations form a cycle: 74/KH-UBND#IV.1.a.report → 74/KH-UBND#IV.4.report → 74/KH-UBND#IV.1.a.report"
    );
    // The chain walk stops at the cycle instead of looping.
    assert_eq!(g.deadline_chain(&key("IV.1.a.report")).unwrap().len(), 2);
}

/// A longer cycle through precedence edges, away from the reports.
#[test]
fn three_step_precedence_cycle_is_named_in_order() {
    let mut g = PlanGraph::new(vec![dong_nai_plan()]);
    g.add_edge(&key("IV.1.a.plan"), &key("A.I"), EdgeKind::Precedes)
        .unwrap();
    g.add_edge(&key("A.I"), &key("D.I.1"), EdgeKind::Precedes)
        .unwrap();
    assert!(g.topological_order().is_ok());
    g.add_edge(&key("D.I.1"), &key("IV.1.a.plan"), EdgeKind::Precedes)
        .unwrap();
    assert_eq!(
        g.cycles(),
        vec![vec![key("A.I"), key("D.I.1"), key("IV.1.a.plan")]]
    );
    assert!(matches!(
        g.topological_order(),
        Err(GraphError::Cycle { cycle }) if cycle.len() == 3
    ));
}
