//! The `obligraph` binary on the real corpus: every subcommand, its exit
//! code, and its output parsed back (JSON with serde_json, SARIF's
//! required fields, ICS with the icalendar parser).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const DONG_NAI: &str = "examples/data/seeds/dong-nai-74-2026.txt";
const HUE: &str = "examples/data/seeds/hue-qd2715-2026.txt";
const HUE_SOKHCN: &str = "examples/data/seeds/hue-sokhcn-de-an-65-2026.txt";
const BINH_THUAN: &str = "examples/data/seeds/binh-thuan-qd87-2023.txt";
const NGO_QUYEN: &str = "examples/data/seeds/ngo-quyen-102-2023.txt";
const TRAN_BIEN: &str = "examples/data/communes/tran-bien-18-2026.txt";
const PHU_LY: &str = "examples/data/communes/phu-ly-09-2026.txt";
const TAN_AN: &str = "examples/data/communes/tan-an-22-2026.txt";

/// Runs the binary under test: the one cargo built, or `$OBLIGRAPH_BIN`
/// (e.g. an installed copy).
fn obligraph(args: &[&str]) -> Output {
    let bin =
        std::env::var_os("OBLIGRAPH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_obligraph").into());
    Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", stderr(o)))
}

/// The exit code the findings call for: 1 when one is an error.
fn expected_code(reports: &[&Value]) -> i32 {
    let error = reports.iter().any(|r| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error")
    });
    i32::from(error)
}

#[test]
fn import_json_follows_the_contract() {
    let o = obligraph(&["import", DONG_NAI, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["plan"]["number"], "74/KH-UBND");
    assert_eq!(v["plan"]["date"], "2026-02-05");
    assert!(v["plan"]["obligations"].as_array().unwrap().len() > 20);
    let first = &v["plan"]["obligations"][0];
    assert!(first["source"]["line_start"].as_u64().unwrap() > 0);
    assert!(v["unattributed"].is_array());
    for u in v["unattributed"].as_array().unwrap() {
        assert!(u["line"].as_u64().unwrap() > 0);
        assert!(u["text"].is_string());
    }
}

#[test]
fn import_text_is_an_outline() {
    let o = obligraph(&["import", NGO_QUYEN, "--format", "text"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("Number   102/KH-UBND"), "{s}");
    assert!(s.contains("Obligations ("));
    assert!(s.contains("non-empty lines:"));
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let o = obligraph(&["import", "examples/data/seeds/no-such-plan.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-plan.txt"), "{}", stderr(&o));
    let o = obligraph(&["check", "Cargo.toml"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("Cargo.toml"), "{}", stderr(&o));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(code(&obligraph(&[])), 2);
    assert_eq!(code(&obligraph(&["audit", "--child", HUE])), 2);
    assert_eq!(
        code(&obligraph(&[
            "audit", "--parent", DONG_NAI, "--child", HUE, "--format", "pdf"
        ])),
        2
    );
    let o = obligraph(&["calendar", DONG_NAI, "--from", "2026-13-01"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("2026-13-01"));
}

#[test]
fn help_documents_the_exit_codes() {
    let o = obligraph(&["--help"]);
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    assert!(s.contains("Exit codes"), "{s}");
    for sub in [
        "import", "audit", "check", "lift", "calendar", "graph", "rules", "explain",
    ] {
        assert!(s.contains(sub), "help lists {sub}");
    }
    let o = obligraph(&["audit", "--help"]);
    assert!(stdout(&o).contains("Exit codes"));
}

#[test]
fn audit_json_follows_the_contract() {
    let o = obligraph(&[
        "audit", "--parent", DONG_NAI, "--child", HUE, "--format", "json",
    ]);
    let v = json(&o);
    assert_eq!(code(&o), expected_code(&[&v]), "{}", stderr(&o));
    let c = &v["coverage"];
    let n = |k: &str| c[k].as_u64().unwrap();
    assert_eq!(n("applicable"), n("covered") + n("partial") + n("missing"));
    assert!(n("applicable") > 0);
    assert!((0.0..=1.0).contains(&c["ratio"].as_f64().unwrap()));
    let pos = v["parent_obligations"].as_array().unwrap();
    assert!(!pos.is_empty());
    for p in pos {
        assert!(["covered", "partial", "missing", "not_applicable"]
            .contains(&p["status"].as_str().unwrap()));
        for m in p["matches"].as_array().unwrap() {
            assert!(m["child_id"].is_string() && m["child_text"].is_string());
            assert!(m["score"].is_number());
        }
    }
    for f in v["findings"].as_array().unwrap() {
        assert!(f["code"].as_str().unwrap().starts_with("OG"));
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["message"].is_string());
        assert!(f.get("parent_id").is_some() && f.get("child_id").is_some());
    }
}

#[test]
fn audit_text_is_grouped_by_section_with_line_numbers() {
    let o = obligraph(&["audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN]);
    let s = stdout(&o);
    assert!(code(&o) == 0 || code(&o) == 1, "{}", stderr(&o));
    assert!(s.contains("Coverage:"), "{s}");
    assert!(s.contains("§ "));
    assert!(s.contains(&format!("[{BINH_THUAN}]")), "parent file named");
    assert!(
        s.contains(&format!("{NGO_QUYEN}:")),
        "child file:line of matches shown"
    );
    assert!(
        s.lines().any(|l| l.split_whitespace().any(|w| w.len() > 1
            && w.starts_with('L')
            && w[1..].chars().all(|c| c.is_ascii_digit()))),
        "parent line numbers shown"
    );
    assert!(!s.contains('\x1b'), "no colours when not a terminal");
    let with_colour = obligraph(&[
        "audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN, "--color", "always",
    ]);
    assert!(stdout(&with_colour).contains("\x1b["));
}

#[test]
fn audit_html_is_one_escaped_page() {
    let out = std::env::temp_dir().join(format!("obligraph-cli-{}.html", std::process::id()));
    let o = obligraph(&[
        "audit",
        "--parent",
        DONG_NAI,
        "--child",
        HUE,
        "--format",
        "html",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "written to the file, not stdout");
    let html = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Coverage by section"));
    // minijinja escapes '/' too.
    assert!(html.contains("74&#x2f;KH-UBND"));
    assert!(!html.contains("<script"), "no script in the page");
    assert!(!html.contains("src=\"http"), "no external resource");
}

#[test]
fn audit_sarif_has_the_schema_fields() {
    let o = obligraph(&[
        "audit", "--parent", DONG_NAI, "--child", HUE, "--format", "sarif",
    ]);
    let v = json(&o);
    assert!(code(&o) <= 1);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "obligraph");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 10);
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let mut both = 0;
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert!(ids.contains(&id));
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locs = r["locations"].as_array().unwrap();
        assert!(!locs.is_empty());
        for l in locs {
            let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri == DONG_NAI || uri == HUE, "{uri}");
            if let Some(region) = l["physicalLocation"].get("region") {
                assert!(region["startLine"].as_u64().unwrap() >= 1);
            }
        }
        if locs.len() == 2 {
            both += 1;
        }
    }
    assert!(both > 0, "some results carry both plans' locations");
    assert_eq!(
        code(&o),
        i32::from(results.iter().any(|r| r["level"] == "error"))
    );
}

#[test]
fn audit_fleet_and_cascade() {
    // Several children: one report per child.
    let o = obligraph(&[
        "audit", "--parent", DONG_NAI, "--child", TRAN_BIEN, PHU_LY, TAN_AN, "--format", "json",
    ]);
    let v = json(&o);
    let reports: Vec<&Value> = v.as_array().unwrap().iter().collect();
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["child"]["label"], "18/KH-UBND");
    assert_eq!(code(&o), expected_code(&reports));
    let text = stdout(&obligraph(&[
        "audit", "--parent", DONG_NAI, "--child", TRAN_BIEN, PHU_LY,
    ]));
    assert!(text.contains("Summary"), "fleet text ends with a table");
    // Several parents: a chain, then the children against the last one.
    let o = obligraph(&[
        "audit", "--parent", DONG_NAI, HUE, "--child", TAN_AN, "--format", "json",
    ]);
    let v = json(&o);
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["parent"]["label"], "74/KH-UBND");
    assert_eq!(reports[1]["child"]["label"], "22/KH-UBND");
}

#[test]
fn audit_config_is_read_and_checked() {
    let dir = std::env::temp_dir();
    let good = dir.join(format!("obligraph-cfg-{}.toml", std::process::id()));
    std::fs::write(&good, "[rules.OG001]\nseverity = \"info\"\n").unwrap();
    let o = obligraph(&[
        "audit",
        "--parent",
        DONG_NAI,
        "--child",
        HUE,
        "--format",
        "json",
        "--config",
        good.to_str().unwrap(),
    ]);
    let v = json(&o);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "OG001")
        .all(|f| f["severity"] == "info"));
    assert_eq!(code(&o), expected_code(&[&v]));
    let bad = dir.join(format!("obligraph-cfg-bad-{}.toml", std::process::id()));
    std::fs::write(&bad, "[matching]\ncovered_threshold = 7\n").unwrap();
    let o = obligraph(&[
        "audit",
        "--parent",
        DONG_NAI,
        "--child",
        HUE,
        "--config",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("obligraph-cfg-bad"), "{}", stderr(&o));
    let _ = std::fs::remove_file(good);
    let _ = std::fs::remove_file(bad);
}

#[test]
fn check_runs_the_parentless_rules() {
    let o = obligraph(&["check", HUE_SOKHCN, "--format", "json"]);
    let v = json(&o);
    assert_eq!(code(&o), expected_code(&[&v]), "{}", stderr(&o));
    assert!(v.get("parent").is_none());
    assert!(v["child"]["obligations"].as_u64().unwrap() > 0);
    // A 2026 commune plan naming a department dissolved in 2025.
    let o = obligraph(&["check", PHU_LY, "--format", "sarif"]);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    let o = obligraph(&["check", DONG_NAI, HUE, "--format", "text"]);
    assert!(stdout(&o).contains("Check of 74/KH-UBND"));
}

#[test]
fn lift_and_consensus() {
    let o = obligraph(&["lift", DONG_NAI, "--to", "national", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["plan"]["level"], "national");
    assert_eq!(
        v["plan"]["obligations"].as_array().unwrap().len(),
        v["provenance"].as_array().unwrap().len()
    );
    let o = obligraph(&["lift", HUE, DONG_NAI, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["siblings"].as_array().unwrap().len(), 2);
    let tasks = v["tasks"].as_array().unwrap();
    assert!(
        tasks.iter().any(|t| t["count"] == 2),
        "some task both siblings carry"
    );
    let o = obligraph(&["lift", DONG_NAI, "--format", "text"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("trung ương"));
}

#[test]
fn calendar_formats() {
    let o = obligraph(&[
        "calendar",
        DONG_NAI,
        "--from",
        "2026-01-01",
        "--to",
        "2030-12-31",
        "--format",
        "ics",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ics = stdout(&o);
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert!(!events.is_empty());
    // The communes' yearly report before 05/11: one event, recurring.
    assert!(events.iter().any(|e| e
        .find_prop("RRULE")
        .is_some_and(|r| r.val.as_str().contains("BYMONTH=11;BYMONTHDAY=4"))));
    let o = obligraph(&[
        "calendar",
        DONG_NAI,
        TRAN_BIEN,
        "--from",
        "01/01/2026",
        "--to",
        "31/12/2027",
        "--format",
        "json",
    ]);
    let v = json(&o);
    let dates: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(dates.contains(&"2026-11-04"));
    assert!(dates
        .iter()
        .all(|d| ("2026-01-01"..="2027-12-31").contains(d)));
    let o = obligraph(&["calendar", DONG_NAI, "--format", "text"]);
    assert!(stdout(&o).starts_with("Deadlines from 2026-01-01 to 2030-12-31"));
}

#[test]
fn graph_formats_and_implements_edges() {
    let o = obligraph(&["graph", DONG_NAI, "--format", "dot"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("digraph obligations {"));
    let o = obligraph(&["graph", DONG_NAI, "--format", "mermaid"]);
    assert!(stdout(&o).starts_with("flowchart BT"));
    let o = obligraph(&["graph", DONG_NAI, TRAN_BIEN, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    let nodes = v["nodes"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["plan"] == "18/KH-UBND"));
    let implements: Vec<&Value> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "implements")
        .collect();
    assert!(!implements.is_empty());
    for e in implements {
        assert_eq!(e["from"]["plan"], "18/KH-UBND");
        assert_eq!(e["to"]["plan"], "74/KH-UBND");
    }
}

#[test]
fn rules_and_explain() {
    let o = obligraph(&["rules", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let v = json(&o);
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"OG001") && codes.contains(&"OG010"));
    let o = obligraph(&["rules"]);
    assert!(stdout(&o).contains("missing-obligation"));
    let o = obligraph(&["explain", "OG006"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("OG006"));
    let o = obligraph(&["explain", "OG999"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("OG999"));
}

#[test]
fn docx_and_json_inputs() {
    // A Word document (written by LibreOffice from the Đồng Nai text).
    let o = obligraph(&[
        "import",
        "tests/fixtures/docx/dong-nai-74-2026-libreoffice.docx",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let docx = json(&o);
    assert_eq!(docx["plan"]["number"], "74/KH-UBND");
    let o = obligraph(&[
        "audit",
        "--parent",
        "tests/fixtures/docx/dong-nai-74-2026-libreoffice.docx",
        "--child",
        HUE,
        "--format",
        "json",
    ]);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["parent"]["label"], "74/KH-UBND");
    // A plan written back as JSON is read again.
    let o = obligraph(&["import", TAN_AN]);
    let dir = std::env::temp_dir();
    let file: PathBuf = dir.join(format!("obligraph-plan-{}.json", std::process::id()));
    std::fs::write(&file, &o.stdout).unwrap();
    let o = obligraph(&["check", file.to_str().unwrap(), "--format", "json"]);
    let _ = std::fs::remove_file(&file);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["child"]["label"], "22/KH-UBND");
    let o = obligraph(&[
        "check",
        "examples/data/dong-nai-74-2026.plan.json",
        "--format",
        "json",
    ]);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["child"]["label"], "74/KH-UBND");
}

#[test]
fn no_plan_found_is_said() {
    let dir = std::env::temp_dir().join(format!("obligraph-no-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.display().to_string();
    // An empty file and the project's own README: exit 3, a warning, and
    // the (empty) import still written.
    for file in [empty.as_str(), "README.md"] {
        let o = obligraph(&["import", file]);
        assert_eq!(code(&o), 3, "{file}: {}", stderr(&o));
        assert!(stderr(&o).contains("warning: no plan found"), "{file}");
        assert!(stderr(&o).contains(file), "the warning names `{file}`");
        assert!(json(&o)["plan"].is_object());
    }
    // A real plan: exit 0, no warning.
    let o = obligraph(&["import", PHU_LY]);
    assert_eq!(code(&o), 0);
    assert!(!stderr(&o).contains("no plan found"));
    // `check` warns and keeps its own exit code.
    let o = obligraph(&["check", &empty]);
    assert!(stderr(&o).contains("warning: no plan found"));
    assert_ne!(code(&o), 3);
    std::fs::remove_dir_all(&dir).ok();
}
