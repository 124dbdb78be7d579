//! The `obligraph` binary on the real corpus: every subcommand, its exit
//! code, and its output parsed back (JSON with serde_json, SARIF's
//! required fields, ICS with the icalendar parser).

mod common;
use common::{
    audit, obligraph, obligraph_in_locale, stderr, stdout, BINH_THUAN, DONG_NAI, HUE, HUE_SOKHCN,
    NGO_QUYEN, PHU_LY, TAN_AN, TRAN_BIEN,
};

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
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
fn a_pdf_imports_and_audits_with_pages_in_its_places() {
    let pdf = "tests/fixtures/pdf/ngo-quyen-102-2023.pdf";
    let o = obligraph(&["import", pdf, "--format", "text"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("Number   102/KH-UBND"), "{s}");
    assert!(s.contains(&format!("at: {pdf} p.")), "{s}");
    let o = obligraph(&[
        "audit",
        "--parent",
        "examples/data/seeds/dong-nai-74-2026.txt",
        "--child",
        pdf,
    ]);
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains(&format!("{pdf} p.")), "{s}");
    // An encrypted PDF is an error naming the file.
    let o = obligraph(&["import", "tests/fixtures/pdf/encrypted.pdf"]);
    assert_eq!(code(&o), 2);
    let e = stderr(&o);
    assert!(
        e.contains("encrypted.pdf") && e.contains("encrypted"),
        "{e}"
    );
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
    assert_eq!(code(&audit(DONG_NAI, HUE, &["--format", "pdf"])), 2);
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
fn exit_code_help_only_where_it_applies() {
    // Exit 1 (error findings) belongs to audit and check only.
    for sub in ["audit", "check"] {
        let help = stdout(&obligraph(&[sub, "--help"]));
        assert!(help.contains("1  at least one finding"), "{sub}: {help}");
    }
    for sub in ["import", "lift", "calendar", "graph", "rules", "explain"] {
        let o = obligraph(&[sub, "--help"]);
        assert_eq!(code(&o), 0);
        let help = stdout(&o);
        assert!(help.contains("Exit codes"), "{sub}: {help}");
        assert!(
            !help.contains("finding"),
            "{sub} help talks of findings: {help}"
        );
    }
}

#[test]
fn every_command_defaults_to_text() {
    let cases: [&[&str]; 7] = [
        &["import", DONG_NAI],
        &["audit", "--parent", DONG_NAI, "--child", TRAN_BIEN],
        &["check", TRAN_BIEN],
        &["lift", TRAN_BIEN],
        &["calendar", DONG_NAI],
        &["graph", DONG_NAI],
        &["rules"],
    ];
    for args in cases {
        let o = obligraph(args);
        assert!(code(&o) <= 1, "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        let first = out.trim_start().chars().next();
        assert!(
            !matches!(first, Some('{' | '[')) && !out.starts_with("digraph"),
            "{args:?} does not default to text: {}",
            &out[..out.len().min(200)]
        );
        // --format json still works, and parses.
        if args[0] != "audit" && args[0] != "check" {
            let mut with_json = args.to_vec();
            with_json.extend(["--format", "json"]);
            json(&obligraph(&with_json));
        }
    }
}

#[test]
fn rule_summaries_are_whole() {
    let v = json(&obligraph(&["rules", "--format", "json"]));
    for r in v.as_array().unwrap() {
        let summary = r["summary"].as_str().unwrap().trim_end();
        assert!(
            summary.ends_with('.') || summary.ends_with(')') || summary.ends_with(':'),
            "{} stops mid-sentence: {summary}",
            r["code"]
        );
    }
    // OG002's first line used to end at "weaker than"; its summary is now
    // three lines long.
    let text = stdout(&obligraph(&["rules"]));
    assert!(
        text.contains("others by none. The message names the dropped elements as written."),
        "{text}"
    );
}

/// Runs the binary with stdout into a pipe whose reader goes away after
/// `keep` bytes, like `| head -c keep`.
fn into_closed_pipe(args: &[&str], keep: usize) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let bin =
        std::env::var_os("OBLIGRAPH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_obligraph").into());
    let mut child = Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut head = vec![0; keep];
    let mut pipe = child.stdout.take().unwrap();
    pipe.read_exact(&mut head).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    // Each output is larger than a pipe's buffer (64 KiB), so the writer
    // meets the closed pipe.
    let cases: [(&[&str], i32); 4] = [
        (&["import", DONG_NAI, "--format", "json"], 0),
        (&["lift", DONG_NAI, "--format", "json"], 0),
        (
            &["graph", DONG_NAI, NGO_QUYEN, BINH_THUAN, "--format", "json"],
            0,
        ),
        (
            &[
                "audit", "--parent", DONG_NAI, "--child", HUE, "--format", "json",
            ],
            -1,
        ),
    ];
    for (args, want) in cases {
        let full = obligraph(args);
        assert!(
            full.stdout.len() > 70_000,
            "{args:?}: {} bytes",
            full.stdout.len()
        );
        let o = into_closed_pipe(args, 100);
        assert_eq!(stderr(&o), "", "{args:?}");
        let want = if want < 0 { code(&full) } else { want };
        assert_eq!(code(&o), want, "{args:?}");
    }
}

#[test]
fn audit_json_follows_the_contract() {
    let o = audit(DONG_NAI, HUE, &["--format", "json"]);
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
        // Absent means absent: an id is a string or left out.
        assert!(f.get("parent_id").is_none_or(Value::is_string));
        assert!(f.get("child_id").is_none_or(Value::is_string));
        if f["code"] == "OG001" {
            assert!(f["parent_id"].is_string());
        }
        assert_eq!(f["fingerprint"].as_str().unwrap().len(), 16);
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
        s.contains(&format!("{BINH_THUAN}:")),
        "parent file:line shown"
    );
    assert!(!s.contains('\x1b'), "no colours when not a terminal");
    let with_colour = audit(BINH_THUAN, NGO_QUYEN, &["--color", "always"]);
    assert!(stdout(&with_colour).contains("\x1b["));
}

#[test]
fn audit_html_is_one_escaped_page() {
    let out = std::env::temp_dir().join(format!("obligraph-cli-{}.html", std::process::id()));
    let o = audit(
        DONG_NAI,
        HUE,
        &["--format", "html", "--output", out.to_str().unwrap()],
    );
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
    let o = audit(DONG_NAI, HUE, &["--format", "sarif"]);
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
    let reports: Vec<&Value> = v["reports"].as_array().unwrap().iter().collect();
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
    assert_eq!(v["op"], "cascade");
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["parent"]["label"], "74/KH-UBND");
    assert_eq!(reports[1]["child"]["label"], "22/KH-UBND");
}

#[test]
fn audit_config_is_read_and_checked() {
    let dir = std::env::temp_dir();
    let good = dir.join(format!("obligraph-cfg-{}.toml", std::process::id()));
    std::fs::write(&good, "[rules.OG001]\nseverity = \"info\"\n").unwrap();
    let o = audit(
        DONG_NAI,
        HUE,
        &["--format", "json", "--config", good.to_str().unwrap()],
    );
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
    let o = audit(DONG_NAI, HUE, &["--config", bad.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("obligraph-cfg-bad"), "{}", stderr(&o));
    let _ = std::fs::remove_file(good);
    let _ = std::fs::remove_file(bad);
}

#[test]
fn check_runs_the_parentless_rules() {
    let o = obligraph(&["check", HUE_SOKHCN, "--format", "json"]);
    // The contract: one report per plan checked.
    let v = json(&o)["reports"][0].clone();
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
    // The default window is the plan's own: from its date, 05/02/2026.
    let o = obligraph(&["calendar", DONG_NAI, "--format", "text"]);
    assert!(stdout(&o).starts_with("Deadlines from 2026-02-05 to 2030-12-31"));
}

/// Parses an unfolded ICS text: its components.
fn ics_components(unfolded: &str) -> Vec<icalendar::parser::Component<'_>> {
    icalendar::parser::read_calendar(unfolded)
        .expect("valid iCalendar")
        .components
}

#[test]
fn calendar_gives_no_invented_dates() {
    // Đồng Nai: "theo yêu cầu của Bộ … hằng năm" gives no date: no event,
    // a to-do without DUE; before, 34 of 36 yearly events sat on 31/12.
    let o = obligraph(&["calendar", DONG_NAI, "--format", "ics"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ics = stdout(&o);
    assert!(
        ics.contains("PRODID:-//obligraph//obligraph "),
        "{ics:.300}"
    );
    assert!(!ics.contains("ICALENDAR-RS"));
    let unfolded = icalendar::parser::unfold(&ics);
    let comps = ics_components(&unfolded);
    let uid = |c: &icalendar::parser::Component| c.find_prop("UID").unwrap().val.to_string();
    // PL.A.II.1.4: "theo yêu cầu của Bộ Công an hằng năm".
    assert!(comps.iter().any(|c| c.name == "VTODO"
        && uid(c) == "74-KH-UBND-PL-A-II-1-4-undated@obligraph"
        && c.find_prop("DUE").is_none()));
    assert!(!comps
        .iter()
        .any(|c| c.name == "VEVENT" && uid(c).starts_with("74-KH-UBND-PL-A-II-1-4")));
    // Every confirmed event on 31/12 comes from a year written in the
    // document (năm 2030, sơ kết năm 2028 …), none from "hằng năm".
    let v = json(&obligraph(&["calendar", DONG_NAI, "--format", "json"]));
    for e in v["entries"].as_array().unwrap() {
        let vi = e["deadline_vi"].as_str().unwrap();
        if vi.starts_with("theo yêu cầu") && !vi.contains("ngày") {
            panic!("an event-driven duty got a date: {e}");
        }
        if vi == "hằng năm" {
            assert_eq!(e["tentative"], true, "{e}");
        }
    }
    let undated: Vec<&str> = v["undated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["obligation"].as_str().unwrap())
        .collect();
    assert!(undated.contains(&"PL.A.II.1.4"));
    // Huế Sở KHCN IV.1-2, "định kỳ 06 tháng và hằng năm": 30/06 and 31/12
    // once each, tentative (no day written), in the plan's own year.
    let v = json(&obligraph(&["calendar", HUE_SOKHCN, "--format", "json"]));
    assert_eq!(v["window"]["start"], "2026-01-01");
    let dates: Vec<(&str, bool)> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["obligation"] == "IV.1-2:report")
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["tentative"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(dates, vec![("2026-06-30", true), ("2026-12-31", true)]);
    let o = obligraph(&["calendar", HUE_SOKHCN, "--format", "ics"]);
    let unfolded = icalendar::parser::unfold(&stdout(&o));
    let events: Vec<_> = ics_components(&unfolded)
        .into_iter()
        .filter(|c| c.name == "VEVENT" && uid(c).contains("IV-1-2-report"))
        .collect();
    assert_eq!(events.len(), 1, "one event per due date per task");
    assert_eq!(
        events[0].find_prop("STATUS").unwrap().val.as_str(),
        "TENTATIVE"
    );
    assert!(
        events[0].components.is_empty(),
        "no reminder on a tentative day"
    );
}

#[test]
fn calendar_window_is_the_plans_own() {
    // Bình Thuận has no number and no date: the years its deadlines name
    // (2024 - 2026), never the current year; its label is short.
    let v = json(&obligraph(&["calendar", BINH_THUAN, "--format", "json"]));
    assert_eq!(v["window"]["start"], "2024-01-01");
    assert_eq!(v["window"]["end"], "2026-12-31");
    let plan = v["entries"][0]["plan"].as_str().unwrap();
    assert_eq!(plan, "UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)");
    // Huế QĐ 2715: no date, no year, and no dated deadline: no window, the
    // duties listed undated, exit 0.
    let o = obligraph(&["calendar", HUE, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert!(v["window"].is_null());
    assert!(v["entries"].as_array().unwrap().is_empty());
    assert!(!v["undated"].as_array().unwrap().is_empty());
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
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let docx = json(&o);
    assert_eq!(docx["plan"]["number"], "74/KH-UBND");
    let o = audit(
        "tests/fixtures/docx/dong-nai-74-2026-libreoffice.docx",
        HUE,
        &["--format", "json"],
    );
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["parent"]["label"], "74/KH-UBND");
    // A plan written back as JSON is read again.
    let o = obligraph(&["import", TAN_AN, "--format", "json"]);
    let dir = std::env::temp_dir();
    let file: PathBuf = dir.join(format!("obligraph-plan-{}.json", std::process::id()));
    std::fs::write(&file, &o.stdout).unwrap();
    let o = obligraph(&["check", file.to_str().unwrap(), "--format", "json"]);
    let _ = std::fs::remove_file(&file);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["reports"][0]["child"]["label"], "22/KH-UBND");
    let o = obligraph(&[
        "check",
        "examples/data/dong-nai-74-2026.plan.json",
        "--format",
        "json",
    ]);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert_eq!(json(&o)["reports"][0]["child"]["label"], "74/KH-UBND");
}

/// `s` with its whitespace collapsed, as text output prints plan text.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Ngô Quyền audit against Bình Thuận: as JSON, and as text.
fn ngo_quyen_audit(extra: &[&str]) -> (Value, Output) {
    let args = ["audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN];
    let mut with_json = args.to_vec();
    with_json.extend(["--format", "json"]);
    let v = json(&obligraph(&with_json));
    let mut text = args.to_vec();
    text.extend(extra);
    (v, obligraph(&text))
}

#[test]
fn piped_text_cuts_nothing() {
    let (v, o) = ngo_quyen_audit(&["--verbose"]);
    let text = flat(&stdout(&o));
    // Every parent obligation's text, every match's text and every
    // finding's message is there whole.
    for po in v["parent_obligations"].as_array().unwrap() {
        let t = flat(po["text"].as_str().unwrap());
        assert!(text.contains(&t), "cut: {t}");
        for m in po["matches"].as_array().unwrap() {
            let t = flat(m["child_text"].as_str().unwrap());
            assert!(text.contains(&t), "cut: {t}");
        }
    }
    for f in v["findings"].as_array().unwrap() {
        let m = flat(f["message"].as_str().unwrap());
        assert!(text.contains(&m), "cut: {m}");
    }
    // Piped: one line per item, nothing wrapped, so each finding is one
    // line (grep finds it with its location).
    let raw = stdout(&o);
    let og001 = raw.lines().filter(|l| l.contains("[OG001]")).count();
    let og001_json = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "OG001")
        .count();
    assert_eq!(og001, og001_json);
}

#[test]
fn both_plans_are_located_by_file_and_line() {
    let (v, o) = ngo_quyen_audit(&[]);
    let text = stdout(&o);
    // Parent obligations used to print as "L76".
    let l_tokens: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.len() > 1 && w.starts_with('L') && w[1..].chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(l_tokens.is_empty(), "{l_tokens:?}");
    let first = &v["parent_obligations"][0]["location"];
    let at = format!("{BINH_THUAN}:{}", first["line_start"]);
    assert!(text.contains(&at), "{at} missing");
    assert!(text.contains(&format!("{NGO_QUYEN}:")));
}

#[test]
fn plans_have_short_labels_and_the_ratio_its_definition() {
    let (v, o) = ngo_quyen_audit(&[]);
    let text = stdout(&o);
    // Bình Thuận's plan lost its number: issuer and implemented decision,
    // not its 200-character title.
    assert!(
        text.contains("against  UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)"),
        "{}",
        &text[..300]
    );
    assert!(!text.contains("Tăng cường thực thi hiệu quả Công ước chống tra tấn"));
    // The ratio with its definition, in the report's own numbers.
    let c = &v["coverage"];
    let (applicable, covered, partial) = (
        c["applicable"].as_u64().unwrap(),
        c["covered"].as_u64().unwrap(),
        c["partial"].as_u64().unwrap(),
    );
    let ratio = (covered as f64 + partial as f64 / 2.0) / applicable as f64;
    assert!((ratio - c["ratio"].as_f64().unwrap()).abs() < 1e-3);
    let line = format!(
        "Coverage: {:.0}% = ({covered} covered + {partial} partial ÷ 2) ÷ {applicable} applicable",
        ratio * 100.0
    );
    assert!(text.contains(&line), "{line}\n{}", &text[..400]);
    assert!(text.contains("A partial counts as half."));
    let html = stdout(&audit(BINH_THUAN, NGO_QUYEN, &["--format", "html"]));
    assert!(html.contains("A partial counts as half."));
    // minijinja escapes "/" as "&#x2f;".
    assert!(html.contains(
        "<title>Coverage audit: 102&#x2f;KH-UBND against UBND tỉnh Bình Thuận (thực hiện 87&#x2f;QĐ-TTg)</title>"
    ));
}

#[test]
fn terminal_text_wraps_to_the_width() {
    use obligraph::cli::{run_on, Terminal};
    for width in [80, 120] {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = run_on(
            [
                "obligraph",
                "audit",
                "--parent",
                BINH_THUAN,
                "--child",
                NGO_QUYEN,
            ],
            &mut out,
            &mut err,
            Terminal {
                colour: true,
                width: Some(width),
            },
        );
        assert!(code <= 1);
        let text = String::from_utf8(out).unwrap();
        let mut wrapped = 0;
        for line in text.lines() {
            let cols = obligraph::report::wrap::columns(line);
            // A line is wider only when it is one word too long to break.
            assert!(
                cols <= width || line.split_whitespace().count() == 1,
                "{width}: {cols} columns: {line}"
            );
            wrapped += usize::from(line.starts_with("                 "));
        }
        assert!(wrapped > 10, "continuation lines are indented");
        // Wrapping loses nothing: the same words as the piped text.
        let piped = stdout(&audit(BINH_THUAN, NGO_QUYEN, &["--color", "never"]));
        let strip = |s: &str| {
            let mut t = String::new();
            let mut it = s.chars().peekable();
            while let Some(c) = it.next() {
                if c == '\x1b' {
                    for d in it.by_ref() {
                        if d == 'm' {
                            break;
                        }
                    }
                } else {
                    t.push(c);
                }
            }
            flat(&t)
        };
        assert_eq!(strip(&text), flat(&piped));
    }
}

#[test]
fn reports_in_vietnamese() {
    let args = ["audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN];
    let vi = {
        let mut a = args.to_vec();
        a.extend(["--lang", "vi"]);
        stdout(&obligraph(&a))
    };
    assert!(vi.starts_with("Rà soát 102/KH-UBND"), "{}", &vi[..200]);
    assert!(vi.contains("\nso với  UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)"));
    assert!(vi.contains(
        "Mức độ thực hiện: 58% = (17 đủ + 3 một phần ÷ 2) ÷ 32 phải thực hiện; 12 thiếu. \
         Nhiệm vụ thực hiện một phần tính một nửa."
    ));
    assert!(vi.contains("Phát hiện: "));
    // A finding's Vietnamese message comes first, the English beneath.
    let v = json(&audit(BINH_THUAN, NGO_QUYEN, &["--format", "json"]));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "OG001" && f["message_vi"] != "")
        .expect("an OG001 finding with a Vietnamese message");
    let line = vi
        .lines()
        .find(|l| l.contains("[OG001]") && l.contains(f["parent_id"].as_str().unwrap()))
        .unwrap();
    assert!(line.trim_start().starts_with("lỗi[OG001]"), "{line}");
    assert!(
        line.contains(&flat(f["message_vi"].as_str().unwrap())),
        "{line}"
    );
    // The same report in English.
    let en = stdout(&obligraph(&args));
    assert!(en.starts_with("Audit of 102/KH-UBND"));
    assert!(en.contains("error[OG001]"));
    // HTML: the page's language and its headings.
    let html_vi = stdout(&audit(
        BINH_THUAN,
        NGO_QUYEN,
        &["--format", "html", "--lang", "vi"],
    ));
    assert!(html_vi.contains("<html lang=\"vi\">"));
    assert!(html_vi.contains("<h3>Phát hiện</h3>"));
    assert!(html_vi.contains("Nhiệm vụ thực hiện một phần tính một nửa."));
    let html_en = stdout(&audit(BINH_THUAN, NGO_QUYEN, &["--format", "html"]));
    assert!(html_en.contains("<html lang=\"en\">"));
    assert!(html_en.contains("<h3>Findings</h3>"));
}

#[test]
fn the_locale_chooses_the_language() {
    let args = ["check", TRAN_BIEN];
    let starts = |o: &Output| stdout(o).lines().next().unwrap_or_default().to_string();
    let vi = obligraph_in_locale(&args, &[("LANG", "vi_VN.UTF-8")]);
    assert!(
        starts(&vi).starts_with("Kiểm tra 18/KH-UBND"),
        "{}",
        starts(&vi)
    );
    // LC_ALL wins over LANG.
    let en = obligraph_in_locale(&args, &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "en_US.UTF-8")]);
    assert!(
        starts(&en).starts_with("Check of 18/KH-UBND"),
        "{}",
        starts(&en)
    );
    // The calendar's headings follow the language too.
    let cal = obligraph_in_locale(&["calendar", DONG_NAI], &[("LANG", "vi_VN.UTF-8")]);
    let cal = stdout(&cal);
    assert!(
        cal.starts_with("Thời hạn từ 2026-02-05 đến 2030-12-31"),
        "{}",
        &cal[..100]
    );
    assert!(cal.contains("\nKhông có ngày trong văn bản"));
    assert!(cal.contains("trước ngày 05/11 hằng năm / every year, before 05/11"));
    // No locale at all: Vietnamese first.
    let none = obligraph_in_locale(&args, &[]);
    assert!(starts(&none).starts_with("Kiểm tra"), "{}", starts(&none));
    // --lang wins over the locale.
    let mut forced = args.to_vec();
    forced.extend(["--lang", "en"]);
    let o = obligraph_in_locale(&forced, &[("LANG", "vi_VN.UTF-8")]);
    assert!(starts(&o).starts_with("Check of"));
}

#[test]
fn help_explains_the_terms_people_search_for() {
    for args in [&["--help"][..], &["audit", "--help"], &["check", "--help"]] {
        let help = stdout(&obligraph(args));
        for term in [
            "chủ trì    lead agency",
            "phối hợp   supporting agency",
            "đề nghị    \"requested\"",
        ] {
            assert!(help.contains(term), "{args:?} lacks {term}: {help}");
        }
        assert!(help.contains("--lang"), "{args:?}");
    }
}

#[test]
fn a_calendar_with_nowhere_to_place_recurring_deadlines_asks_for_dates() {
    use obligraph::core::{Deadline, Obligation, Period, Plan};
    // No number, date, validity or year anywhere, and a yearly duty.
    let mut plan = Plan::default();
    let mut o = Obligation::new("II.1", "Tuyên truyền hằng năm");
    o.deadline = Some(Deadline::every(Period::Year));
    plan.obligations.push(o);
    let file = std::env::temp_dir().join(format!("obligraph-undated-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string(&plan).unwrap()).unwrap();
    let path = file.to_str().unwrap();
    let o = obligraph(&["calendar", path]);
    let with_dates = obligraph(&[
        "calendar",
        path,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ]);
    let _ = std::fs::remove_file(&file);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(path), "{}", stderr(&o));
    assert!(stderr(&o).contains("--from"));
    assert_eq!(code(&with_dates), 0, "{}", stderr(&with_dates));
    assert!(stdout(&with_dates).contains("2026-12-31 ?"));
}

/// Doubtful verdicts come first in every format: the text report's
/// "Review first" section before the sections, the HTML's list, the JSON's
/// `review`/`confidence` per parent obligation, SARIF results resting on
/// them first with their confidence.
#[test]
fn doubtful_verdicts_are_flagged_and_listed_first() {
    let base = [
        "audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN, "--lang", "en",
    ];
    let v = json(&obligraph(&[&base[..], &["--format", "json"]].concat()));
    let pos = v["parent_obligations"].as_array().unwrap();
    let doubtful: Vec<&str> = pos
        .iter()
        .filter(|p| p["review"] == true)
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        !doubtful.is_empty(),
        "the Ngô Quyền audit has doubtful verdicts"
    );
    for p in pos {
        // A verdict is at least as likely as its opposite: 0.5 at the
        // threshold, towards 1 away from it.
        let c = p["confidence"].as_f64().unwrap();
        assert!((0.5..=1.0).contains(&c), "{p}");
        assert_eq!(
            p["review"] == true,
            c < obligraph::rules::params::REVIEW_BELOW,
            "{p}"
        );
    }
    let text = stdout(&obligraph(&base));
    let review = text.find("Review first").expect("a review section");
    let first_section = text.find("\n§ ").expect("sections");
    assert!(review < first_section);
    for id in &doubtful {
        let at = text[review..].find(&format!(" {id} ")).map(|i| i + review);
        assert!(at.is_some_and(|i| i < first_section), "{id} listed first");
    }
    let html = stdout(&obligraph(&[&base[..], &["--format", "html"]].concat()));
    assert!(html.find("Review first").unwrap() < html.find("class=\"obligations\"").unwrap());
    let sarif = json(&obligraph(&[&base[..], &["--format", "sarif"]].concat()));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let flags: Vec<bool> = results
        .iter()
        .map(|r| r["properties"]["review"] == true)
        .collect();
    assert!(
        flags.windows(2).all(|w| w[0] || !w[1]),
        "review results first"
    );
}

#[test]
fn no_plan_found_is_said() {
    let dir = std::env::temp_dir().join(format!("obligraph-no-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.display().to_string();
    // An empty file and a README of the project's (the benchmarks' peers):
    // exit 3, a warning, and the (empty) import still written. (The top
    // README quotes a Vietnamese report, agencies and all.)
    for file in [empty.as_str(), "benches/peers/README.md"] {
        let o = obligraph(&["import", file, "--format", "json"]);
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

/// A Word document's obligations are located by paragraph and table row
/// in every format: text and HTML print the place after the file, JSON
/// gives it in `place`, SARIF in the message and `properties.place`
/// without a line region (the lines are the importer's, not Word's).
#[test]
fn docx_locations_are_paragraphs_and_table_rows() {
    const DOCX: &str = "tests/fixtures/docx/dong-nai-74-2026.docx";
    let args = ["audit", "--parent", DOCX, "--child", PHU_LY];
    let o = obligraph(&[&args[..], &["--format", "json"]].concat());
    assert!(code(&o) <= 1, "{}", stderr(&o));
    let v = json(&o);
    let places: Vec<&Value> = v["parent_obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["location"]["place"])
        .collect();
    assert!(places.iter().all(|p| p.is_object()), "{places:?}");
    assert!(places.iter().any(|p| p["kind"] == "paragraphs"));
    assert!(places.iter().any(|p| p["kind"] == "table_rows"));

    let text = stdout(&obligraph(&[&args[..], &["--format", "text"]].concat()));
    assert!(text.contains(&format!("{DOCX} table 1, row ")), "{text}");
    assert!(text.contains(&format!("{DOCX} ¶")), "{text}");
    assert!(!text.contains(&format!("{DOCX}:")), "{text}");

    let sarif = json(&obligraph(&[&args[..], &["--format", "sarif"]].concat()));
    let mut parent_locations = 0;
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        for l in r["locations"].as_array().unwrap() {
            let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            if uri.ends_with(".docx") {
                parent_locations += 1;
                assert!(l["physicalLocation"].get("region").is_none(), "{l}");
                let place = l["properties"]["place"].as_str().unwrap();
                assert!(l["message"]["text"].as_str().unwrap().ends_with(place));
            }
        }
    }
    assert!(parent_locations > 0);
}

/// `import --format xlsx` writes the assignment table; the table reads
/// back as a plan located by sheet cell, as a parent or a child.
#[test]
fn xlsx_out_and_in() {
    let o = obligraph(&["import", NGO_QUYEN, "--format", "xlsx"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("-o"), "{}", stderr(&o));

    let file =
        std::env::temp_dir().join(format!("obligraph-ngo-quyen-{}.xlsx", std::process::id()));
    let path = file.to_str().unwrap();
    let o = obligraph(&["import", NGO_QUYEN, "--format", "xlsx", "-o", path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    let o = obligraph(&["import", path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("at: {path} 'Phân công'!B")));
    assert!(
        stdout(&o).contains("Number   102/KH-UBND"),
        "{}",
        stdout(&o)
    );
    let o = audit(BINH_THUAN, path, &["--format", "json"]);
    let _ = std::fs::remove_file(&file);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["child"]["label"], "102/KH-UBND");
    let child_places = v["parent_obligations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["matches"].as_array().cloned().unwrap_or_default())
        .filter(|m| m["child_location"]["place"]["kind"] == "sheet_rows")
        .count();
    assert!(child_places > 0);

    // A sheet without a task header is skipped with a warning.
    let o = obligraph(&["import", "tests/fixtures/xlsx/ngo-quyen-appendix.xlsx"]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o).contains("sheet `Hướng dẫn` skipped"),
        "{}",
        stderr(&o)
    );
}
