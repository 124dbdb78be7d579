//! Hostile input and reproducibility (issue 7): the same input gives
//! byte-identical output in every format; HTML output escapes all plan
//! text; input errors name the file, line and column and say what was
//! expected.

use obligraph::core::Plan;
use obligraph::report::{render, ReportFormat, Sources};
use obligraph::rules::{audit, Config, Registry};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data/seeds")
        .join(format!("{name}.txt"))
}

fn plan(name: &str) -> Plan {
    obligraph::vn::import_path(&seed(name)).unwrap().plan
}

#[test]
fn imports_are_byte_identical() {
    for name in [
        "binh-thuan-qd87-2023",
        "dong-nai-74-2026",
        "hue-qd2715-2026",
        "hue-sokhcn-de-an-65-2026",
        "ngo-quyen-102-2023",
    ] {
        let a = serde_json::to_string(&obligraph::vn::import_path(&seed(name)).unwrap()).unwrap();
        let b = serde_json::to_string(&obligraph::vn::import_path(&seed(name)).unwrap()).unwrap();
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn audits_are_byte_identical_in_every_format() {
    let parent = plan("dong-nai-74-2026");
    let child = plan("hue-qd2715-2026");
    let rules = Registry::default().rules();
    let sources = Sources::new();
    for format in [
        ReportFormat::Text,
        ReportFormat::Json,
        ReportFormat::Html,
        ReportFormat::Sarif,
    ] {
        let a = render(
            &[audit(&parent, &child, &Config::default())],
            format,
            &sources,
            &rules,
        )
        .unwrap();
        let b = render(
            &[audit(&parent, &child, &Config::default())],
            format,
            &sources,
            &rules,
        )
        .unwrap();
        assert_eq!(a, b, "{format:?}");
    }
}

#[test]
fn the_command_line_is_reproducible() {
    let bin = env!("CARGO_BIN_EXE_obligraph");
    for format in ["json", "sarif", "html", "text"] {
        let run = || {
            Command::new(bin)
                .args(["audit", "--format", format, "--parent"])
                .arg(seed("binh-thuan-qd87-2023"))
                .arg("--child")
                .arg(seed("ngo-quyen-102-2023"))
                .output()
                .unwrap()
        };
        let (a, b) = (run(), run());
        assert!(!a.stdout.is_empty());
        assert_eq!(a.stdout, b.stdout, "{format}");
        assert_eq!(a.status.code(), b.status.code());
    }
}

fn pair() -> &'static (Plan, Plan) {
    static PAIR: std::sync::OnceLock<(Plan, Plan)> = std::sync::OnceLock::new();
    PAIR.get_or_init(|| (plan("dong-nai-74-2026"), plan("hue-qd2715-2026")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Any task text, however hostile, comes out of the HTML report as text.
    #[test]
    fn html_escapes_all_plan_text(
        tail in "[a-z ]{0,12}",
        markup in prop::sample::select(vec![
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "</td></tr></table><h1>x</h1>",
            "<!-- c --><style>*{}</style>",
            "' onmouseover='alert(1)",
        ]),
    ) {
        let (mut parent, mut child) = pair().clone();
        let hostile = format!("{markup}{tail}");
        for o in parent.obligations.iter_mut().take(5) {
            o.text = format!("{} {hostile}", o.text);
        }
        for o in child.obligations.iter_mut().take(5) {
            o.text = format!("{hostile} {}", o.text);
        }
        child.title = Some(hostile.clone());
        let report = audit(&parent, &child, &Config::default());
        let html = render(&[report], ReportFormat::Html, &Sources::new(), &[]).unwrap();
        prop_assert!(!html.contains(markup), "raw markup in the report: {}", markup);
        let lower = html.to_lowercase();
        prop_assert!(!lower.contains("<script"));
        prop_assert!(!lower.contains("<img"));
        prop_assert!(!lower.contains("<svg"));
        if markup.contains('<') {
            prop_assert!(html.contains("&lt;"));
        }
    }
}

fn run_err(args: &[&str], file: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_obligraph"))
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn input_errors_name_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("obligraph-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // Invalid UTF-8 on line 3, column 5.
    let bad = dir.join("bad-utf8.txt");
    std::fs::write(&bad, b"KE HOACH\nline two\nabcd\xff\xfe rest\n").unwrap();
    let (code, err) = run_err(&["import"], &bad);
    assert_eq!(code, Some(2));
    assert!(err.contains("bad-utf8.txt"), "{err}");
    assert!(err.contains("line 3") && err.contains("column 5"), "{err}");
    assert!(err.contains("UTF-8"), "says what was expected: {err}");

    // Broken JSON plan: line and column, and what serde expected.
    let json = dir.join("plan.json");
    std::fs::write(
        &json,
        "{\n  \"number\": \"74/KH-UBND\",\n  \"obligations\": [1, 2]\n}\n",
    )
    .unwrap();
    let (code, err) = run_err(&["import"], &json);
    assert_eq!(code, Some(2));
    assert!(err.contains("plan.json") && err.contains("line 3"), "{err}");
    assert!(err.contains("expected"), "{err}");

    // Not a Word document.
    let docx = dir.join("fake.docx");
    std::fs::write(&docx, b"this is not a zip").unwrap();
    let (code, err) = run_err(&["import"], &docx);
    assert_eq!(code, Some(2));
    assert!(err.contains("fake.docx") && err.contains("zip"), "{err}");

    // A file that does not exist.
    let (code, err) = run_err(&["import"], &dir.join("missing.txt"));
    assert_eq!(code, Some(2));
    assert!(err.contains("missing.txt"), "{err}");

    // A configuration file with a JSON error.
    let cfg = dir.join("rules.json");
    std::fs::write(&cfg, "{\"rules\": {\"OG001\": {\"severity\": }}}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_obligraph"))
        .args(["audit", "--config"])
        .arg(&cfg)
        .arg("--parent")
        .arg(seed("dong-nai-74-2026"))
        .arg("--child")
        .arg(seed("hue-qd2715-2026"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("rules.json") || err.contains("line 1"),
        "{err}"
    );
    assert!(err.contains("column"), "{err}");
}
