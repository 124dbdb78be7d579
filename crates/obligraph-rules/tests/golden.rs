//! Golden audit outputs on the real corpus, checked in under
//! `tests/golden/audit/` at the workspace root. `UPDATE_GOLDEN=1 cargo test
//! -p obligraph-rules --test lib golden` rewrites them; otherwise each test
//! compares the fields that matter (coverage, statuses, findings by code
//! and ids) and asserts facts read in the documents.

use crate::common::{root, seed};
use obligraph_core::Level;
use obligraph_rules::{audit, check, consensus, lift, AuditReport, Config, Status};
use serde_json::Value;
use std::collections::BTreeSet;

fn golden(name: &str, value: &Value) -> Value {
    let path = root().join("tests/golden/audit").join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap() + "\n").unwrap();
    }
    // A missing golden fails: it is written only when asked for.
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `UPDATE_GOLDEN=1 cargo test -p obligraph-rules --test lib golden` and review it",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

/// Coverage, (id, status) per parent obligation, (code, parent, child) per
/// finding, (parent, child) per match.
type Key = (
    Value,
    BTreeSet<(String, String)>,
    BTreeSet<(String, String, String)>,
    BTreeSet<(String, String)>,
);

/// The fields that matter of an audit report.
fn key(r: &Value) -> Key {
    let statuses = r["parent_obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let findings = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["parent_id"].as_str().unwrap_or("").to_string(),
                f["child_id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let matches = r["parent_obligations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let id = p["id"].as_str().unwrap().to_string();
            p["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |m| (id.clone(), m["child_id"].as_str().unwrap().to_string()))
        })
        .collect();
    (r["coverage"].clone(), statuses, findings, matches)
}

fn compare(name: &str, report: &AuditReport) -> AuditReport {
    let now = serde_json::to_value(report).unwrap();
    let gold = golden(name, &now);
    let (gc, gs, gf, gm) = key(&gold);
    let (nc, ns, nf, nm) = key(&now);
    assert_eq!(nc, gc, "{name}: coverage changed");
    assert_eq!(ns, gs, "{name}: statuses changed");
    assert_eq!(nf, gf, "{name}: findings changed");
    assert_eq!(nm, gm, "{name}: matches changed");
    report.clone()
}

fn has(r: &AuditReport, code: &str, parent: Option<&str>, child: Option<&str>) -> bool {
    r.findings_with(code).any(|f| {
        parent.is_none_or(|p| f.parent_id.as_deref() == Some(p))
            && child.is_none_or(|c| f.child_id.as_deref().is_some_and(|x| x.starts_with(c)))
    })
}

#[test]
fn golden_hue_vs_dong_nai() {
    let parent = seed("dong-nai-74-2026");
    let child = seed("hue-qd2715-2026");
    let r = compare(
        "hue-vs-dong-nai.json",
        &audit(&parent, &child, &Config::default()),
    );
    let c = r.coverage;
    println!(
        "Huế vs Đồng Nai: applicable {} covered {} partial {} missing {}",
        c.applicable, c.covered, c.partial, c.missing
    );
    // Read in both: Huế II.3 bullet 4 (line 127) copies Đồng Nai C.3
    // (line 239): dissemination to detainees and people in rehabilitation.
    let c3 = r.parent_obligation("PL.C.3").unwrap();
    assert_eq!(c3.status, Status::Covered);
    assert_eq!(c3.matches[0].child_location.line_start, 127);
    // Đồng Nai B.II.4 (national drug-prevention programme, Công an tỉnh)
    // is named in Huế's list of strategies (line 84).
    assert_eq!(
        r.parent_obligation("PL.B.II.4").unwrap().status,
        Status::Covered
    );
    // Đồng Nai B.IV.1 (family and juvenile courts) is led only by the
    // requested provincial court. Huế is a sibling (the same level), which
    // asks its own city court as Đồng Nai asks its own: applicable, and
    // missing (Huế asks its court nothing of the kind), flagged for review
    // since whether a plan must relay a request is a convention readers
    // split on (session 19; until then "not applicable").
    let b41 = r.parent_obligation("PL.B.IV.1").unwrap();
    assert_eq!(b41.status, Status::Missing);
    assert!(b41.review);
    assert!(b41.reason.as_deref().unwrap().contains("request"));
    // Huế never mentions the right of peaceful assembly (Đồng Nai A.II.1.10).
    assert!(has(&r, "OG001", Some("PL.A.II.1.10"), None));
    // Huế III.7 orders the Bar (Đoàn Luật sư thành phố) without "đề nghị".
    assert!(has(&r, "OG009", None, Some("III.7")));
    // Huế II.2 has four leads with no scope (line 102).
    assert!(has(&r, "OG008", None, Some("II.2")));
    // Huế III.9 (lines 238-242) asks for reports "gửi Sở Tư pháp" with no
    // date; Đồng Nai IV.1.a (line 81) says "trước ngày 05/11 hàng năm".
    assert!(has(&r, "OG005", Some("IV.1.a:report"), Some("III.9")));
    // The national drug-prevention programme: Công an tỉnh leads it in Đồng
    // Nai (line 197); Huế's list of strategies (line 84) falls under the II.2
    // leads (line 102: Sở Nội vụ, Sở Y tế, Thanh tra, Sở Tư pháp).
    assert!(has(&r, "OG003", Some("PL.B.II.4"), Some("II.2")));
}

#[test]
fn golden_ngo_quyen_vs_binh_thuan() {
    let parent = seed("binh-thuan-qd87-2023");
    let child = seed("ngo-quyen-102-2023");
    let r = compare(
        "ngo-quyen-vs-binh-thuan.json",
        &audit(&parent, &child, &Config::default()),
    );
    let c = r.coverage;
    println!(
        "Ngô Quyền vs Bình Thuận: applicable {} covered {} partial {} missing {}",
        c.applicable, c.covered, c.partial, c.missing
    );
    assert_eq!(r.parent.as_ref().unwrap().level, Some(Level::Province));
    assert_eq!(r.child.level, Some(Level::District));
    assert!(c.applicable > 0 && c.covered > 0);
    // Bình Thuận II.1 third bullet (lines 92-100): the compatibility report
    // is led by Công an tỉnh; Ngô Quyền's appendix row 1 (line 143) gives it
    // to Phòng Tư pháp. Since coverage is decided element by element, the
    // paraphrase ("Báo cáo rà soát … tính tương thích") holds too little of
    // the parent's words and II.1-3 is called missing, though the blind
    // element labels say the row carries it whole: a known wrong verdict
    // (see the issue #15 note). Either way the official is sent to II.1-3.
    assert!(has(&r, "OG003", Some("II.1-3"), None) || has(&r, "OG001", Some("II.1-3"), None));
    // Bình Thuận II.2 second bullet (lines 114-120): audio and video
    // recording of interrogations; Ngô Quyền never mentions "ghi âm".
    assert!(has(&r, "OG001", Some("II.2-2"), None));
    // Bình Thuận III.1 (line 299): reports before 01/11 each year; Ngô
    // Quyền IV.7 (line 113) reports "định kỳ" with no date.
    assert!(has(&r, "OG006", Some("III.1:report"), None));
}

#[test]
fn golden_hue_department_check() {
    let plan = seed("hue-sokhcn-de-an-65-2026");
    let r = compare("hue-sokhcn-check.json", &check(&plan, &Config::default()));
    println!("Huế Sở KHCN check: {} findings", r.findings.len());
    assert!(r.parent.is_none());
}

#[test]
fn golden_dong_nai_lifted() {
    let plan = seed("dong-nai-74-2026");
    let l = lift(&plan, Level::National);
    let now = serde_json::to_value(&l).unwrap();
    let gold = golden("dong-nai-lifted.json", &now);
    assert_eq!(now["provenance"], gold["provenance"]);
    assert_eq!(l.plan.level, Some(Level::National));
    // A.II.1.6: "Công an tỉnh" → "Bộ Công an"; "Theo yêu cầu của Bộ Công an
    // hàng năm" → yearly, the request dropped.
    let p = l.provenance.iter().find(|p| p.id == "PL.A.II.1.6").unwrap();
    assert!(
        p.agencies
            .iter()
            .any(|a| a.from.contains("Công an tỉnh") && a.to.as_deref() == Some("Bộ Công an")),
        "{p:?}"
    );
    assert!(
        p.dropped_deadline
            .as_deref()
            .is_some_and(|d| d.contains("Bộ Công an")),
        "{p:?}"
    );
    let o = l.plan.obligation("PL.A.II.1.6").unwrap();
    assert!(o
        .deadline
        .as_ref()
        .is_some_and(|d| d.is_recurring() && !d.is_event_driven()));
}

#[test]
fn golden_consensus_hue_dong_nai() {
    let k = consensus(
        &[seed("hue-qd2715-2026"), seed("dong-nai-74-2026")],
        Level::National,
        &Config::default(),
    );
    let now = serde_json::to_value(&k).unwrap();
    let gold = golden("consensus-hue-dong-nai.json", &now);
    let counts = |v: &Value| -> Vec<(String, u64)> {
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["text"].as_str().unwrap().to_string(),
                    t["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(counts(&now), counts(&gold));
    let both = k.tasks.iter().filter(|t| t.count == 2).count();
    println!("consensus: {} tasks, {both} carried by both", k.tasks.len());
    assert!(both >= 10);
}

#[test]
fn cascade_lifted_national_dong_nai_hue() {
    // No national task list is available (SOURCES.md), so the top of the
    // chain is Đồng Nai lifted to national level: national → Đồng Nai →
    // Huế (a sibling standing in for the level below).
    let dn = seed("dong-nai-74-2026");
    let top = lift(&dn, Level::National).plan;
    let chain = [top, dn, seed("hue-qd2715-2026")];
    let r = obligraph_rules::audit_cascade(&chain, &Config::default());
    assert_eq!(r.audits.len(), 2);
    // The lifted C.3 (dissemination to detainees) runs through Đồng Nai C.3
    // down to Huế's bullet at line 127.
    let t = r.traces.iter().find(|t| t.id == "PL.C.3").unwrap();
    assert!(t.reaches_bottom, "{t:?}");
    assert!(t.path[0].ids.contains(&"PL.C.3".to_string()));
    let hue = &chain[2];
    assert!(t.path[1]
        .ids
        .iter()
        .any(|id| hue.obligation(id).unwrap().source.line_start == 127));
    // The right of peaceful assembly stops at Huế.
    let a = r.traces.iter().find(|t| t.id == "PL.A.II.1.10").unwrap();
    assert!(!a.reaches_bottom);
    let reach = r.traces.iter().filter(|t| t.reaches_bottom).count();
    println!(
        "cascade: {reach} of {} top obligations reach Huế",
        r.traces.len()
    );
}

#[test]
fn fleet_of_real_children() {
    let parent = seed("dong-nai-74-2026");
    let hue = seed("hue-qd2715-2026");
    let mut cut = hue.clone();
    cut.obligations.retain(|o| !o.id.starts_with("II.3"));
    let children: Vec<_> = (0..40)
        .map(|i| if i % 2 == 0 { hue.clone() } else { cut.clone() })
        .collect();
    let t = std::time::Instant::now();
    let f = obligraph_rules::audit_fleet(&parent, &children, &Config::default());
    println!(
        "fleet: {} children in {:?} (debug build)",
        children.len(),
        t.elapsed()
    );
    assert_eq!(f.children.len(), 40);
    assert!(f.children[1].coverage.covered < f.children[0].coverage.covered);
    assert!(f.children[1].missing.contains(&"PL.C.3".to_string()));
    let c3 = f.obligations.iter().find(|o| o.id == "PL.C.3").unwrap();
    assert_eq!((c3.covered, c3.missing), (20, 20));
    // Same figures as auditing each child alone.
    let alone = audit(&parent, &children[1], &Config::default());
    assert_eq!(alone.coverage, f.children[1].coverage);
}

/// The texts a report quotes are the documents' own, as written (the
/// matcher reads them without their roles parentheses, the report does
/// not), whichever texts the reports share.
#[test]
fn reports_quote_the_texts_as_written() {
    let mut quoted = 0;
    for (p, c) in [
        ("dong-nai-74-2026", "hue-qd2715-2026"),
        ("binh-thuan-qd87-2023", "ngo-quyen-102-2023"),
        ("dong-nai-74-2026", "binh-thuan-qd87-2023"),
    ] {
        let (parent, child) = (seed(p), seed(c));
        let r = audit(&parent, &child, &Config::default());
        for po in &r.parent_obligations {
            let o = parent.obligation(&po.id).unwrap();
            assert_eq!(&*po.text, o.text.as_str());
            for m in &po.matches {
                let o = child.obligation(&m.child_id).unwrap();
                assert_eq!(&*m.child_text, o.text.as_str());
                quoted += 1;
            }
        }
        for l in &r.local_initiatives {
            assert_eq!(&*l.text, child.obligation(&l.id).unwrap().text.as_str());
        }
    }
    assert!(quoted > 50, "{quoted}");
}
