//! Writes the contract's requests on the five seeds (and a Word document
//! and bad requests), each with the response the native
//! `obligraph::contract::handle` gives, for the transports' tests: the
//! WebAssembly module (`bindings/wasm/tests/contract.test.mjs`) and the
//! Python package (`bindings/python/tests`) must answer each request with
//! the same bytes.
//!
//! ```sh
//! cargo run --example contract_cases -- target/contract-cases
//! # time the Ngô Quyền vs Bình Thuận audit natively (ms per request):
//! cargo run --release --example contract_cases -- --time 50
//! ```
//!
//! Each case is `NN-what.request.json` and `NN-what.response.json`.
//! Documents are named by their file names (no directories), so the
//! responses are the same on every machine.

use base64::Engine as _;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const SEEDS: [&str; 5] = [
    "binh-thuan-qd87-2023",
    "dong-nai-74-2026",
    "hue-qd2715-2026",
    "hue-sokhcn-de-an-65-2026",
    "ngo-quyen-102-2023",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed(name: &str) -> Result<Value, String> {
    let file = format!("{name}.txt");
    let p = root().join("examples/data/seeds").join(&file);
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(json!({"name": file, "text": text}))
}

/// The audit whose speed the transports report: the district plan of Ngô
/// Quyền against the province plan of Bình Thuận.
fn real_pair() -> Result<Value, String> {
    Ok(
        json!({"op": "audit", "parent": seed("binh-thuan-qd87-2023")?,
        "child": seed("ngo-quyen-102-2023")?}),
    )
}

fn cases() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut v: Vec<(String, Value)> = Vec::new();
    for s in SEEDS {
        let mut d = seed(s)?;
        v.push((
            format!("import-{s}"),
            json!({"op": "import", "document": d}),
        ));
        v.push((
            format!("check-{s}"),
            json!({"op": "check", "documents": [d]}),
        ));
        v.push((format!("lift-{s}"), json!({"op": "lift", "documents": [d]})));
        d["id"] = json!(format!("id:{s}"));
        v.push((
            format!("calendar-{s}"),
            json!({"op": "calendar", "documents": [d]}),
        ));
    }
    v.push(("audit-ngo-quyen-vs-binh-thuan".into(), real_pair()?));
    v.push((
        "audit-dong-nai-vs-hue-config".into(),
        json!({"op": "audit", "parent": seed("hue-qd2715-2026")?, "child": seed("dong-nai-74-2026")?,
            "config": {"name": "c.toml", "text": "[rules.OG005]\nseverity = \"off\"\n"}}),
    ));
    v.push((
        "fleet-hue".into(),
        json!({"op": "fleet", "parent": seed("hue-qd2715-2026")?,
            "children": [seed("dong-nai-74-2026")?, seed("hue-sokhcn-de-an-65-2026")?]}),
    ));
    v.push((
        "cascade-hue".into(),
        json!({"op": "cascade", "parents": [seed("hue-qd2715-2026")?, seed("dong-nai-74-2026")?],
            "children": [seed("hue-sokhcn-de-an-65-2026")?]}),
    ));
    v.push((
        "lift-consensus".into(),
        json!({"op": "lift", "documents": [seed("dong-nai-74-2026")?, seed("hue-sokhcn-de-an-65-2026")?],
            "to": "national"}),
    ));
    v.push((
        "calendar-window".into(),
        json!({"op": "calendar", "documents": [seed("dong-nai-74-2026")?],
            "from": "2026-01-01", "to": "2026-12-31"}),
    ));
    let docx = root().join("tests/fixtures/docx/dong-nai-74-2026.docx");
    let bytes = std::fs::read(&docx).map_err(|e| format!("{}: {e}", docx.display()))?;
    v.push((
        "import-docx".into(),
        json!({"op": "import", "document": {"id": "word", "name": "dong-nai-74-2026.docx",
            "base64": base64::engine::general_purpose::STANDARD.encode(bytes)}}),
    ));
    v.push((
        "error-config".into(),
        json!({"op": "check", "documents": [seed("dong-nai-74-2026")?],
            "config": {"name": "c.toml", "text": "[rules.OG999]\n"}}),
    ));
    v.push((
        "error-plan-json".into(),
        json!({"op": "import", "document": {"name": "p.json", "text": "{\n \"number\": 7\n}"}}),
    ));
    v.push((
        "error-base64".into(),
        json!({"op": "import", "document": {"name": "p.docx", "base64": "not base64!"}}),
    ));
    let mut out: Vec<(String, Vec<u8>)> = v
        .into_iter()
        .map(|(n, r)| (n, serde_json::to_vec_pretty(&r).unwrap_or_default()))
        .collect();
    // Requests that are not JSON, or not a request.
    out.push((
        "error-not-json".into(),
        b"{\"op\": \"audit\",\n \"parent\": 3}".to_vec(),
    ));
    out.push(("error-empty".into(), Vec::new()));
    out.push(("error-utf8".into(), b"{\"op\": \"\xff\"}".to_vec()));
    Ok(out)
}

fn write(dir: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let cases = cases()?;
    for (i, (name, request)) in cases.iter().enumerate() {
        let response = obligraph::contract::handle(request);
        for (kind, bytes) in [("request", request), ("response", &response)] {
            let p = dir.join(format!("{i:02}-{name}.{kind}.json"));
            std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    Ok(cases.len())
}

fn time(runs: u32) -> Result<f64, String> {
    let request = serde_json::to_vec(&real_pair()?).map_err(|e| e.to_string())?;
    let first = obligraph::contract::handle(&request); // warm up
    let start = Instant::now();
    for _ in 0..runs {
        let out = obligraph::contract::handle(&request);
        if out != first {
            return Err("the same request gave different bytes".into());
        }
    }
    Ok(start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs.max(1)))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, n] if flag == "--time" => match n.parse::<u32>() {
            Ok(n) if n > 0 => time(n).map(|ms| {
                println!("native: {ms:.2} ms per audit (Ngô Quyền vs Bình Thuận, {n} runs)");
            }),
            _ => Err(format!("--time takes a positive count, not `{n}`")),
        },
        [dir] => write(Path::new(dir)).map(|n| println!("{n} cases written to {dir}")),
        _ => Err("usage: contract_cases DIR | contract_cases --time RUNS".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
