//! Review verdicts on the real seeds: the example verdict file of the Ngô
//! Quyền audit (examples/data/verdicts/ngo-quyen-102-2023.verdicts.toml)
//! re-applied to the plan as it is and to a revised copy, in every
//! format; and `obligraph review` writing a verdict file.
//!
//! The example file holds five verdicts judged by reading both plans: one
//! false alarm, two "not applicable here", two confirmed. One confirmed
//! verdict is stale on purpose in the revised copy: it says the appendix
//! row 3.1 ("2023- 2024") should be yearly, and the revision makes it
//! yearly, so the finding (OG005 on II.3-1) is gone.

mod common;
use common::{audit, obligraph, stderr, stdout, BINH_THUAN, NGO_QUYEN, VERDICTS};

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The confirmed verdict the revision makes stale.
const STALE: &str = "f53bc0d90a4f867b";

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("review");
    std::fs::create_dir_all(&d).expect("temp dir");
    d.join(name)
}

/// Ngô Quyền's plan revised as the confirmed verdict asks: the appendix
/// row 3.1 due "2023- 2024" becomes "Hàng năm" (yearly).
fn revised_child() -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(NGO_QUYEN))
        .expect("seed");
    let mut edits = 0;
    let revised: Vec<String> = text
        .lines()
        .map(|l| match l.strip_suffix("2023- 2024") {
            Some(head) if l.starts_with("3.1.\t") => {
                edits += 1;
                format!("{head}Hàng năm")
            }
            _ => l.to_string(),
        })
        .collect();
    assert_eq!(edits, 1, "the appendix row 3.1 is where it was");
    let path = tmp("ngo-quyen-102-2023-revised.txt");
    std::fs::write(&path, revised.join("\n") + "\n").expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

/// The audit of `child` against Bình Thuận's plan with the example
/// verdicts, then `extra`.
fn audit_with_verdicts(child: &str, extra: &[&str]) -> Output {
    audit(
        BINH_THUAN,
        child,
        &[&["--verdicts", VERDICTS], extra].concat(),
    )
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}

fn counts(v: &Value) -> [u64; 4] {
    let c = &v["verdicts"]["counts"];
    ["suppressed", "confirmed", "new", "stale"].map(|k| c[k].as_u64().expect(k))
}

#[test]
fn the_example_verdicts_apply_to_the_plan_as_it_is() {
    let plain = json(&audit(BINH_THUAN, NGO_QUYEN, &["--format", "json"]));
    assert!(plain.get("verdicts").is_none(), "no verdicts, no review");
    let all = plain["findings"].as_array().unwrap().len();
    let o = audit_with_verdicts(NGO_QUYEN, &["--format", "json"]);
    let v = json(&o);
    assert_eq!(counts(&v), [3, 2, (all - 5) as u64, 0]);
    let kept = v["findings"].as_array().unwrap();
    let suppressed = v["verdicts"]["suppressed"].as_array().unwrap();
    assert_eq!(kept.len() + suppressed.len(), all);
    for s in suppressed {
        let fp = &s["finding"]["fingerprint"];
        assert_eq!(&s["verdict"]["fingerprint"], fp);
        assert!(
            ["false-alarm", "not-applicable"].contains(&s["verdict"]["verdict"].as_str().unwrap())
        );
        assert!(!s["verdict"]["reason"].as_str().unwrap().is_empty());
        assert!(kept.iter().all(|f| &f["fingerprint"] != fp));
    }
    // The confirmed OG006 error stays: exit 1.
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_revision_makes_one_verdict_stale() {
    let child = revised_child();
    let v = json(&audit_with_verdicts(&child, &["--format", "json"]));
    let new = v["verdicts"]["new"].as_array().unwrap().len() as u64;
    assert_eq!(counts(&v), [3, 1, new, 1]);
    assert_eq!(v["verdicts"]["stale"][0]["fingerprint"], STALE);
    // The revision removes that finding only: the new ones are those of
    // the plan as it was.
    let before = json(&audit_with_verdicts(NGO_QUYEN, &["--format", "json"]));
    assert_eq!(before["verdicts"]["new"], v["verdicts"]["new"]);

    let text = stdout(&audit_with_verdicts(&child, &[]));
    assert!(
        text.contains(&format!(
            "Review: 3 suppressed, 1 confirmed, {new} new; 1 stale verdict(s) (their finding is gone)"
        )),
        "{text}"
    );
    assert!(text.contains("Findings suppressed by review verdicts (3)"));
    assert!(text.contains("Stale verdicts — their finding is gone (1)"));
    assert!(text.contains(&format!("#{}", &STALE[..8])));
    assert!(text.contains("(new)"));
    let vi = stdout(&audit_with_verdicts(&child, &["--lang", "vi"]));
    assert!(vi.contains(&format!(
        "Kết luận rà soát: 3 phát hiện đã loại trừ, 1 đã xác nhận, {new} mới; 1 kết luận lỗi thời"
    )));

    let html = stdout(&audit_with_verdicts(&child, &["--format", "html"]));
    assert!(html.contains("3 suppressed, 1 confirmed"));
    assert_eq!(html.matches("class=\"suppressed-finding\"").count(), 3);
    assert!(html.contains(&format!("#{}", &STALE[..8])));
}

#[test]
fn sarif_carries_the_verdicts_as_suppressions() {
    let child = revised_child();
    let v = json(&audit_with_verdicts(&child, &["--format", "sarif"]));
    let reasons: Vec<String> = json(&audit_with_verdicts(&child, &["--format", "json"]))
        ["verdicts"]["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["verdict"]["reason"].as_str().unwrap().to_string())
        .collect();
    let run = &v["runs"][0];
    let results = run["results"].as_array().unwrap();
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| !r["suppressions"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(suppressed.len(), 3);
    for r in &suppressed {
        let s = &r["suppressions"][0];
        assert_eq!(s["kind"], "external");
        assert!(reasons.contains(&s["justification"].as_str().unwrap().to_string()));
    }
    for r in results {
        assert!(r["fingerprints"]["obligraph/v1"].is_string());
    }
    assert_eq!(run["properties"]["staleVerdicts"][0]["fingerprint"], STALE);
    // Without verdicts, SARIF says nothing of them.
    let plain = json(&audit(BINH_THUAN, &child, &["--format", "sarif"]));
    assert!(
        plain["runs"][0].get("properties").is_none(),
        "{}",
        plain["runs"][0]["properties"]
    );
}

#[test]
fn review_records_and_replaces_verdicts() {
    let file = tmp("recorded.verdicts.toml");
    let _ = std::fs::remove_file(&file);
    let f = file.to_str().unwrap();
    let review = |verdict: &str, reason: &str| {
        obligraph(&[
            "review",
            "--verdicts",
            f,
            "--parent",
            BINH_THUAN,
            "--child",
            NGO_QUYEN,
            "--finding",
            "e4ecbec7",
            "--verdict",
            verdict,
            "--reason",
            reason,
            "--by",
            "Tester",
        ])
    };
    let o = review("confirmed", "first look");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("confirmed [OG005] III.1:report #e4ecbec7811a950c"));
    let o = review("false-alarm", "second look");
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.lines().filter(|l| *l == "[[verdict]]").count(),
        1,
        "{text}"
    );
    assert!(text.contains("verdict = \"false-alarm\"") && text.contains("second look"));
    assert!(text.contains("by = \"Tester\""));

    // Unknown finding, short prefix: exit 2, said.
    let o = obligraph(&[
        "review",
        "--verdicts",
        f,
        "--parent",
        BINH_THUAN,
        "--child",
        NGO_QUYEN,
        "--finding",
        "00000000",
        "--verdict",
        "confirmed",
        "--reason",
        "r",
        "--by",
        "b",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no finding `00000000`"),
        "{}",
        stderr(&o)
    );

    // A broken verdict file is named, with the line.
    let bad = tmp("bad.verdicts.toml");
    std::fs::write(&bad, text.replace("false-alarm", "maybe")).unwrap();
    let o = audit(
        BINH_THUAN,
        NGO_QUYEN,
        &["--verdicts", bad.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("bad.verdicts.toml") && e.contains("line") && e.contains("maybe"),
        "{e}"
    );
}
