//! The HTML report of a real audit (the Huế city plan against the Đồng Nai
//! plan), rendered by headless Chromium: the DOM it builds shows the
//! summary, the coverage table and the findings, and a task text laden
//! with markup stays inert text.
//!
//! Chromium is looked up as `$CHROMIUM`, then `chromium`,
//! `chromium-browser`, `google-chrome` on `PATH`. When none is found the
//! test prints a notice and passes, unless `CI` is set: then it fails.

use obligraph::report::{to_html, Sources};
use obligraph::rules::{audit, Config};
use obligraph::vn::import_path;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(2)>";

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Runs chromium headless with `extra` arguments on `page`, killing it
/// after two minutes. Its output goes to files (a pipe left unread would
/// fill up and stall it) and is read back.
fn chromium(bin: &Path, profile: &Path, extra: &[&str], page: &Path) -> Output {
    let dir = page.parent().expect("page in a directory");
    let (out_path, err_path) = (dir.join("chromium.out"), dir.join("chromium.err"));
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait on chromium") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    Output {
        status,
        stdout: std::fs::read(&out_path).expect("chromium stdout"),
        stderr: std::fs::read(&err_path).expect("chromium stderr"),
    }
}

#[test]
fn html_report_renders_in_chromium_and_stays_inert() {
    let Some(bin) = find_chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium not found and CI is set: install the `chromium` package");
        }
        println!(
            "notice: chromium not found; skipping the browser test (set CI to make this fail)"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/seeds");
    let mut parent = import_path(&root.join("dong-nai-74-2026.txt"))
        .unwrap()
        .plan;
    let mut child = import_path(&root.join("hue-qd2715-2026.txt")).unwrap().plan;
    // Markup in task texts of both plans, as a hostile or careless
    // document could carry it.
    parent.obligations[0]
        .text
        .push_str(&format!(" {SCRIPT} {IMG}"));
    let last = child.obligations.len() - 1;
    child.obligations[last].text = format!("{SCRIPT} {IMG} & \"quoted\"");
    let report = audit(&parent, &child, &Config::default());
    assert!(!report.findings.is_empty(), "a real audit has findings");
    let mut sources = Sources::new();
    sources.insert(parent.label(), "examples/data/seeds/dong-nai-74-2026.txt");
    sources.insert(child.label(), "examples/data/seeds/hue-qd2715-2026.txt");
    let html = to_html(std::slice::from_ref(&report), &sources).unwrap();
    assert!(html.contains("alert(1)"), "the hostile text is in the page");

    let dir = std::env::temp_dir().join(format!("obligraph-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    std::fs::write(&page, &html).unwrap();
    let profile = dir.join("profile");

    let out = chromium(&bin, &profile, &["--dump-dom"], &page);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8(out.stdout).unwrap();

    // The summary and the tables are shown.
    assert!(dom.contains("<h1>Coverage audit:"), "title heading");
    assert!(dom.contains("class=\"cards summary\""), "summary cards");
    assert!(dom.contains(&format!(
        "<div class=\"n\">{}</div><div class=\"l\">applicable</div>",
        report.coverage.applicable
    )));
    assert!(dom.contains("<table class=\"coverage\">"));
    let finding_rows = dom.matches("<tr class=\"finding\">").count();
    assert_eq!(finding_rows, report.findings.len(), "one row per finding");
    assert!(dom.contains(&report.findings[0].code));

    // The hostile text is text: escaped in the serialised DOM, and no such
    // element exists.
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "script shown as text"
    );
    assert!(
        dom.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "img shown as text"
    );
    assert!(!dom.contains("<script"), "no script element");
    assert!(!dom.contains("<img"), "no img element");
    assert!(!dom.contains("onerror=\""), "no event handler attribute");

    // A screenshot renders too.
    let shot = dir.join("report.png");
    let out = chromium(
        &bin,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
        ],
        &page,
    );
    assert!(out.status.success(), "chromium screenshot failed");
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    let _ = std::fs::remove_dir_all(&dir);
}
