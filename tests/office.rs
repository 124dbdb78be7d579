//! The Word and Excel reports of a real audit (Ngô Quyền's plan 102/KH-UBND
//! against Bình Thuận's plan carrying out QĐ 87), read back by
//! python-docx and openpyxl (`tests/readback/office.py`) and compared
//! with the audit's own JSON; and the Word document converted to PDF by
//! LibreOffice headless, whose text must hold the heading and the gaps.
//!
//! When python3 with python-docx and openpyxl, or LibreOffice and
//! pdftotext, are missing the tests print a notice and pass, unless `CI`
//! is set: then they fail (`.ci/run` installs them).

mod common;
use common::{audit, obligraph, BINH_THUAN, DONG_NAI, NGO_QUYEN, PHU_LY, TRAN_BIEN, VERDICTS};

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Says that a tool is missing: a failure under CI, a notice otherwise.
fn missing(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing (CI: .ci/run installs it)");
    }
    eprintln!("skipped: {what} is missing");
}

/// What `office.py` reads in `file`; `None` when the reader is missing.
fn read_back(kind: &str, file: &Path) -> Option<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readback/office.py");
    let o = match Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(file)
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            missing("python3");
            return None;
        }
    };
    if o.status.code() == Some(3) {
        missing(if kind == "docx" {
            "python-docx"
        } else {
            "openpyxl"
        });
        return None;
    }
    assert!(
        o.status.success(),
        "office.py {kind}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(serde_json::from_slice(&o.stdout).expect("office.py prints JSON"))
}

fn audit_json() -> Value {
    let o = audit(BINH_THUAN, NGO_QUYEN, &["--format", "json"]);
    serde_json::from_slice(&o.stdout).expect("audit JSON")
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write(format: &str, file: &Path, extra: &[&str]) {
    let f = file.to_str().expect("utf-8 path");
    let mut args = vec![
        "--lang", "vi", "audit", "--parent", BINH_THUAN, "--child", NGO_QUYEN, "--format", format,
        "-o", f,
    ];
    args.extend(extra);
    let o = obligraph(&args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty(), "the document goes to -o, not stdout");
}

fn texts(rows: &[Value]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn docx_is_a_reply_ready_report() {
    let file = out_dir("docx").join("reply.docx");
    write("docx", &file, &[]);
    let Some(doc) = read_back("docx", &file) else {
        return;
    };
    let v = audit_json();
    let paragraphs: Vec<&str> = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    // Heading: both plans by their short labels.
    assert_eq!(paragraphs[0], "BÁO CÁO KẾT QUẢ RÀ SOÁT KẾ HOẠCH");
    assert_eq!(
        paragraphs[1],
        "Rà soát 102/KH-UBND so với UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)"
    );
    // A4 portrait, left margin 3 cm.
    assert_eq!(doc["page"]["width_cm"], 21.0);
    assert_eq!(doc["page"]["left_cm"], 3.0);
    // Summary: the coverage with its definition, and the counts.
    let c = &v["coverage"];
    let coverage = format!(
        "Mức độ thực hiện: {:.0}% = ({} đủ + {} một phần ÷ 2) ÷ {} phải thực hiện; {} thiếu. \
         Nhiệm vụ thực hiện một phần tính một nửa.",
        c["ratio"].as_f64().unwrap() * 100.0,
        c["covered"],
        c["partial"],
        c["applicable"],
        c["missing"]
    );
    assert!(paragraphs.contains(&coverage.as_str()), "{paragraphs:#?}");
    let findings = v["findings"].as_array().unwrap();
    let count = |s: &str| findings.iter().filter(|f| f["severity"] == s).count();
    let counts = format!(
        "Phát hiện: {} lỗi, {} cảnh báo, {} thông tin",
        count("error"),
        count("warning"),
        count("info")
    );
    assert!(paragraphs.contains(&counts.as_str()));
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 3, "sections, gaps, findings");
    // The gaps: every missing or partial parent obligation, once, with its
    // whole text, the derived plan's text beside a partial one, and the
    // review mark on doubtful verdicts.
    let gaps = texts(tables[1].as_array().unwrap());
    assert_eq!(
        gaps[0],
        [
            "Nhiệm vụ cấp trên",
            "Nội dung của kế hoạch cấp trên",
            "Nội dung của kế hoạch cấp dưới",
        ]
    );
    let sections = gaps.iter().filter(|r| r.len() == 1).count();
    assert!(sections >= 2, "a shaded row per section with gaps");
    let obligations = v["parent_obligations"].as_array().unwrap();
    let wanted: Vec<&Value> = obligations
        .iter()
        .filter(|o| o["status"] == "missing" || o["status"] == "partial")
        .collect();
    assert_eq!(gaps.len() - 1 - sections, wanted.len());
    for o in &wanted {
        let id = o["id"].as_str().unwrap();
        let row = gaps
            .iter()
            .find(|r| r.len() == 3 && r[0].lines().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} not in the gaps table"));
        let status = if o["status"] == "missing" {
            "thiếu"
        } else {
            "một phần"
        };
        assert_eq!(row[0].lines().nth(1), Some(status), "{id}");
        assert_eq!(
            o["review"].as_bool().unwrap(),
            row[0].contains("⚑ Cần xem lại trước"),
            "{id}"
        );
        assert!(
            flat(&row[1]).contains(&flat(o["text"].as_str().unwrap())),
            "{id}"
        );
        for m in o["matches"].as_array().unwrap() {
            assert!(
                flat(&row[2]).contains(&flat(m["child_text"].as_str().unwrap())),
                "{id}: {}",
                m["child_id"]
            );
        }
        if o["matches"].as_array().unwrap().is_empty() {
            assert_eq!(row[2], "(không có nội dung tương ứng)");
        }
        for f in findings.iter().filter(|f| f["parent_id"] == o["id"]) {
            assert!(row[0].contains(f["code"].as_str().unwrap()), "{id}");
        }
    }
    // Every finding, whole and in Vietnamese.
    let rows = texts(tables[2].as_array().unwrap());
    assert_eq!(rows.len() - 1, findings.len());
    for f in findings {
        let vi = f["message_vi"].as_str().unwrap();
        assert!(rows.iter().any(|r| r[1] == vi), "{vi}");
    }
}

#[test]
fn xlsx_holds_every_finding() {
    let file = out_dir("xlsx").join("findings.xlsx");
    write("xlsx", &file, &[]);
    let Some(book) = read_back("xlsx", &file) else {
        return;
    };
    let v = audit_json();
    let sheets = book["sheets"].as_object().unwrap();
    assert_eq!(sheets.len(), 1);
    let rows = sheets["102-KH-UBND"].as_array().unwrap();
    let header: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        header,
        [
            "Mã",
            "Mức độ",
            "Nhiệm vụ cấp trên",
            "Nội dung của kế hoạch cấp trên",
            "Nhiệm vụ cấp dưới",
            "Nội dung của kế hoạch cấp dưới",
            "Nội dung (tiếng Việt)",
            "Nội dung (tiếng Anh)",
            "Độ tin cậy",
            "Cần xem lại",
            "Dấu nhận diện",
            "Kết luận"
        ]
    );
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(rows.len() - 1, findings.len());
    let obligation = |id: &Value| {
        v["parent_obligations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| &o["id"] == id)
    };
    for (row, f) in rows[1..].iter().zip(findings) {
        assert_eq!(row[0], f["code"]);
        assert_eq!(row[10], f["fingerprint"]);
        // No verdicts were applied: no verdict column.
        assert!(row[11].is_null(), "{:?}", row[11]);
        assert_eq!(row[6], f["message_vi"]);
        assert_eq!(row[7], f["message"]);
        match obligation(&f["parent_id"]) {
            Some(o) => {
                assert_eq!(row[2], f["parent_id"]);
                assert_eq!(row[3], o["text"]);
                assert_eq!(row[8].as_f64(), o["confidence"].as_f64());
                assert_eq!(row[9], o["review"]);
            }
            None => {
                assert!(row[2].is_null() && row[3].is_null() && row[8].is_null());
                assert_eq!(row[9], false);
            }
        }
        if f["child_id"].is_string() {
            assert_eq!(row[4], f["child_id"]);
            assert!(
                row[5].as_str().is_some_and(|t| !t.is_empty()),
                "the child's text of {}",
                f["child_id"]
            );
        }
    }
    let severities: Vec<&str> = rows[1..].iter().filter_map(|r| r[1].as_str()).collect();
    assert!(severities
        .iter()
        .all(|s| ["lỗi", "cảnh báo", "thông tin"].contains(s)));
}

#[test]
fn xlsx_lists_set_aside_findings_with_their_verdicts() {
    let file = out_dir("xlsx-verdicts").join("findings.xlsx");
    write("xlsx", &file, &["--verdicts", VERDICTS]);
    let Some(book) = read_back("xlsx", &file) else {
        return;
    };
    let rows = book["sheets"]["102-KH-UBND"].as_array().unwrap();
    let verdicts: Vec<&str> = rows[1..].iter().filter_map(|r| r[11].as_str()).collect();
    // Every row has a verdict, in the counts the JSON report gives.
    let o = audit(
        BINH_THUAN,
        NGO_QUYEN,
        &["--verdicts", VERDICTS, "--format", "json"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("audit JSON");
    let counts = &v["verdicts"]["counts"];
    let count = |k: &str| counts[k].as_u64().unwrap() as usize;
    assert_eq!(verdicts.len(), rows.len() - 1);
    assert_eq!(
        verdicts.iter().filter(|v| **v == "mới").count(),
        count("new")
    );
    assert_eq!(
        verdicts.iter().filter(|v| **v == "xác nhận").count(),
        count("confirmed")
    );
    let set_aside: Vec<&&str> = verdicts
        .iter()
        .filter(|v| v.starts_with("báo nhầm: ") || v.starts_with("không áp dụng tại địa phương: "))
        .collect();
    assert_eq!(set_aside.len(), count("suppressed"), "{verdicts:?}");
    assert_eq!(
        count("suppressed"),
        3,
        "the example file sets three findings aside"
    );
    // Set-aside rows come last.
    assert!(verdicts[verdicts.len() - 3..]
        .iter()
        .all(|v| v.contains(": ")));
}

#[test]
fn xlsx_of_a_fleet_has_a_sheet_per_plan() {
    let file = out_dir("fleet").join("fleet.xlsx");
    let f = file.to_str().unwrap();
    let o = obligraph(&[
        "audit", "--parent", DONG_NAI, "--child", TRAN_BIEN, PHU_LY, "--format", "xlsx", "-o", f,
    ]);
    assert!(matches!(o.status.code(), Some(0 | 1)));
    let Some(book) = read_back("xlsx", &file) else {
        return;
    };
    let sheets = book["sheets"].as_object().unwrap();
    assert_eq!(sheets.len(), 2, "{:?}", sheets.keys());
    // English headings under an English locale.
    for rows in sheets.values() {
        assert_eq!(rows[0][0], "Code");
    }
}

#[test]
fn binary_formats_are_not_shown_on_a_terminal() {
    use obligraph::cli::{run_on, Terminal};
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
            "--format",
            "docx",
        ]
        .map(|a| {
            if a.ends_with(".txt") {
                format!("{}/{a}", env!("CARGO_MANIFEST_DIR"))
            } else {
                a.to_string()
            }
        }),
        &mut out,
        &mut err,
        Terminal {
            colour: true,
            width: Some(100),
        },
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(String::from_utf8_lossy(&err).contains("-o FILE.docx"));
}

fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

#[test]
fn docx_renders_in_libreoffice() {
    let (Some(soffice), Some(pdftotext)) = (
        find("soffice").or_else(|| find("libreoffice")),
        find("pdftotext"),
    ) else {
        missing("LibreOffice (soffice) or pdftotext");
        return;
    };
    let dir = out_dir("render");
    let file = dir.join("reply.docx");
    write("docx", &file, &[]);
    let o = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.join("reply.pdf");
    let o = Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = flat(&String::from_utf8_lossy(&o.stdout));
    assert!(text.contains("BÁO CÁO KẾT QUẢ RÀ SOÁT KẾ HOẠCH"), "{text}");
    assert!(text.contains("Nhiệm vụ của cấp trên chưa được triển khai đầy đủ"));
    assert!(text.contains("II.4-1"));
}

#[test]
fn docx_says_what_the_review_verdicts_set_aside() {
    let file = out_dir("docx-verdicts").join("reply.docx");
    write(
        "docx",
        &file,
        &[
            "--verdicts",
            "examples/data/verdicts/ngo-quyen-102-2023.verdicts.toml",
        ],
    );
    let Some(doc) = read_back("docx", &file) else {
        return;
    };
    let paragraphs = doc["paragraphs"].as_array().unwrap();
    assert!(paragraphs.iter().any(|p| p
        .as_str()
        .unwrap()
        .starts_with("Kết luận rà soát: 3 phát hiện đã loại trừ, 2 đã xác nhận")));
    // The gap II.2-5 stays (its task is still missing) with the verdict
    // that sets its finding aside beside it; the findings table no longer
    // lists that finding.
    let tables = doc["tables"].as_array().unwrap();
    let gaps = texts(tables[1].as_array().unwrap());
    let row = gaps
        .iter()
        .find(|r| r[0].starts_with("II.2-5"))
        .expect("II.2-5 in the gaps");
    assert!(
        row[2].contains("không áp dụng tại địa phương [OG001]: Điều tra, truy tố, xét xử"),
        "{row:?}"
    );
    let findings = texts(tables[2].as_array().unwrap());
    assert!(!findings
        .iter()
        .any(|r| r[1].contains("nhiệm vụ II.2-5 của văn bản cấp trên")));
}
