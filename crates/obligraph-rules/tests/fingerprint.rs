//! Finding fingerprints on the real corpus: stable when lines move,
//! changed when the task changes, unique in a report.

use crate::common::{root, text};
use obligraph_core::Plan;
use obligraph_rules::{audit, check, AuditReport, Config};
use std::collections::BTreeSet;

const PAIRS: [(&str, &str); 2] = [
    ("binh-thuan-qd87-2023", "ngo-quyen-102-2023"),
    ("hue-qd2715-2026", "dong-nai-74-2026"),
];

/// The seed `name` imported with `blank` empty lines inserted above.
fn shifted(name: &str, blank: usize) -> Plan {
    let rel = format!("examples/data/seeds/{name}.txt");
    let body = format!("{}{}", "\n".repeat(blank), text(&rel));
    obligraph_vn::import_text(&body, &rel).unwrap().plan
}

fn fingerprints(r: &AuditReport) -> Vec<(String, String)> {
    r.findings
        .iter()
        .map(|f| (f.code.clone(), f.fingerprint.clone()))
        .collect()
}

fn unique(r: &AuditReport) {
    let set: BTreeSet<&str> = r.findings.iter().map(|f| f.fingerprint.as_str()).collect();
    assert_eq!(set.len(), r.findings.len(), "fingerprints not unique");
    for f in &r.findings {
        assert_eq!(f.fingerprint.len(), 16, "{}", f.fingerprint);
        assert!(f.fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}

#[test]
fn lines_inserted_above_keep_every_fingerprint() {
    assert!(root().join("examples/data/seeds").is_dir());
    let cfg = Config::default();
    for (p, c) in PAIRS {
        let before = audit(&shifted(p, 0), &shifted(c, 0), &cfg);
        let after = audit(&shifted(p, 7), &shifted(c, 11), &cfg);
        assert!(!before.findings.is_empty(), "{c}: no finding to compare");
        unique(&before);
        unique(&after);
        // Every position moved…
        let lines = |r: &AuditReport| -> Vec<Option<u32>> {
            r.findings
                .iter()
                .map(|f| f.child_location.as_ref().or(f.parent_location.as_ref()))
                .map(|l| l.map(|l| l.line_start))
                .collect()
        };
        let (lb, la) = (lines(&before), lines(&after));
        assert!(lb.iter().zip(&la).any(|(b, a)| b.is_some() && b != a));
        // …and no fingerprint did.
        assert_eq!(fingerprints(&before), fingerprints(&after), "{p} ← {c}");
    }
    let before = check(&shifted("hue-sokhcn-de-an-65-2026", 0), &cfg);
    let after = check(&shifted("hue-sokhcn-de-an-65-2026", 5), &cfg);
    unique(&before);
    assert_eq!(fingerprints(&before), fingerprints(&after));
}

#[test]
fn changing_the_task_changes_its_fingerprint() {
    let cfg = Config::default();
    let (p, c) = PAIRS[0];
    let mut parent = shifted(p, 0);
    let child = shifted(c, 0);
    let before = audit(&parent, &child, &cfg);
    let f = before
        .findings
        .iter()
        .find(|f| f.code == "OG001")
        .expect("a missing task");
    let id = f.parent_id.clone().unwrap();
    let o = parent.obligations.iter_mut().find(|o| o.id == id).unwrap();
    o.text.push_str(" trong các cơ sở giáo dục");
    let after = audit(&parent, &child, &cfg);
    let g = after
        .findings
        .iter()
        .find(|g| g.code == "OG001" && g.parent_id.as_deref() == Some(&id))
        .expect("still missing");
    assert_ne!(f.fingerprint, g.fingerprint);
    // The other findings keep theirs.
    let others = |r: &AuditReport| -> BTreeSet<String> {
        r.findings
            .iter()
            .filter(|x| x.parent_id.as_deref() != Some(&id))
            .map(|x| x.fingerprint.clone())
            .collect()
    };
    assert_eq!(others(&before), others(&after));
    // A severity from the configuration is not part of the identity.
    let quiet: Config = toml_config("[rules.OG001]\nseverity = \"info\"\n");
    let relaxed = audit(&parent, &child, &quiet);
    assert_eq!(fingerprints(&after).len(), fingerprints(&relaxed).len());
    let set = |r: &AuditReport| -> BTreeSet<String> {
        r.findings.iter().map(|x| x.fingerprint.clone()).collect()
    };
    assert_eq!(set(&after), set(&relaxed));
}

fn toml_config(s: &str) -> Config {
    Config::from_toml_str(s).unwrap()
}
