//! The JSON contract: committed schemas equal the generated ones; every
//! response on the five seeds validates against them; the command line's
//! `--format json` is byte for byte what `contract::handle` gives.
//!
//! Regenerate the schemas after review with
//! `OBLIGRAPH_BLESS=1 cargo test -p obligraph --test contract`.

use obligraph::contract::{self, Document, Request};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const SEEDS: [&str; 5] = [
    "binh-thuan-qd87-2023",
    "dong-nai-74-2026",
    "hue-qd2715-2026",
    "hue-sokhcn-de-an-65-2026",
    "ngo-quyen-102-2023",
];

/// The example review verdicts of the Ngô Quyền audit.
const VERDICTS: &str = "examples/data/verdicts/ngo-quyen-102-2023.verdicts.toml";

fn verdicts_input() -> contract::VerdictsInput {
    let p = root().join(VERDICTS);
    contract::VerdictsInput::new(
        p.display().to_string(),
        std::fs::read_to_string(&p).unwrap(),
    )
}

fn seed_path(name: &str) -> PathBuf {
    root().join(format!("examples/data/seeds/{name}.txt"))
}

/// A seed as a document, named by its path as the command line names it.
fn doc(name: &str) -> Document {
    let p = seed_path(name);
    let text = std::fs::read_to_string(&p).unwrap();
    Document::text(p.display().to_string(), text).with_id(format!("id:{name}"))
}

fn schema(name: &str) -> Value {
    let path = root().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run OBLIGRAPH_BLESS=1 cargo test -p obligraph --test contract",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    let bless = std::env::var("OBLIGRAPH_BLESS").is_ok_and(|v| v == "1");
    for (name, text) in contract::schemas() {
        let path = root().join("schemas").join(name);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {}; run with OBLIGRAPH_BLESS=1", path.display()));
        assert!(
            committed == text,
            "{} differs from the schema the types generate; review and re-bless with OBLIGRAPH_BLESS=1",
            path.display()
        );
    }
}

/// Every request of the seeds: import, check, lift and calendar of each;
/// the two real audits, a fleet, a cascade; and requests that fail.
fn requests() -> Vec<Value> {
    let mut v = Vec::new();
    let d = |n: &str| serde_json::to_value(doc(n)).unwrap();
    for s in SEEDS {
        v.push(json!({"op": "import", "document": d(s)}));
        v.push(json!({"op": "check", "documents": [d(s)]}));
        v.push(json!({"op": "lift", "documents": [d(s)]}));
        v.push(json!({"op": "calendar", "documents": [d(s)]}));
    }
    v.push(json!({"op": "audit", "parent": d("binh-thuan-qd87-2023"), "child": d("ngo-quyen-102-2023")}));
    v.push(
        json!({"op": "audit", "parent": d("binh-thuan-qd87-2023"), "child": d("ngo-quyen-102-2023"),
        "verdicts": verdicts_input()}),
    );
    v.push(
        json!({"op": "audit", "parent": d("hue-qd2715-2026"), "child": d("dong-nai-74-2026"),
        "config": {"name": "c.toml", "text": "[rules.OG005]\nseverity = \"off\"\n"}}),
    );
    v.push(json!({"op": "fleet", "parent": d("hue-qd2715-2026"),
        "children": [d("dong-nai-74-2026"), d("hue-sokhcn-de-an-65-2026")]}));
    v.push(
        json!({"op": "cascade", "parents": [d("hue-qd2715-2026"), d("dong-nai-74-2026")],
        "children": [d("hue-sokhcn-de-an-65-2026")]}),
    );
    v.push(json!({"op": "lift", "documents": [d("dong-nai-74-2026"), d("hue-sokhcn-de-an-65-2026")], "to": "national"}));
    v.push(json!({"op": "calendar", "documents": [d("dong-nai-74-2026")], "from": "2026-01-01", "to": "2026-12-31"}));
    v.push(json!({"op": "check", "documents": [d("dong-nai-74-2026")],
        "config": {"name": "c.toml", "text": "[rules.OG999]\n"}}));
    v.push(json!({"op": "import", "document": {"name": "p.json", "text": "{\n \"number\": 7\n}"}}));
    v.push(json!({"op": "import", "document": {"name": "p.docx", "base64": "not base64!"}}));
    v
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(name)).unwrap()
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn no_null(v: &Value, path: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                assert!(!x.is_null(), "null member at {path}/{k}");
                no_null(x, &format!("{path}/{k}"));
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| no_null(x, &format!("{path}/{i}"))),
        _ => {}
    }
}

#[test]
fn every_response_on_the_seeds_validates() {
    let (req_v, resp_v) = (
        validator("request.schema.json"),
        validator("response.schema.json"),
    );
    let mut errors = 0;
    for r in requests() {
        let op = r["op"].as_str().unwrap().to_string();
        // The flat reader (placing errors) and serde's own read alike.
        let bytes = serde_json::to_vec(&r).unwrap();
        assert_eq!(
            contract::parse_request(&bytes).ok(),
            serde_json::from_slice::<Request>(&bytes).ok(),
            "{op}"
        );
        // The bad-base64 request is still a request.
        assert_valid(&req_v, &r, &format!("request {op}"));
        let out = contract::handle(&serde_json::to_vec(&r).unwrap());
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_valid(&resp_v, &v, &format!("response to {op}"));
        no_null(&v, "");
        assert_eq!(v["schema_version"], contract::SCHEMA_VERSION);
        assert_eq!(v["tool_version"], env!("CARGO_PKG_VERSION"));
        if v["op"] == "error" {
            errors += 1;
            assert!(v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()));
        } else {
            assert_eq!(v["op"], op);
        }
        // The response reads back as the type, and writes the same bytes.
        let back: contract::Response = serde_json::from_slice(&out).unwrap();
        assert_eq!(contract::to_json(&back), out, "{op}");
    }
    assert_eq!(errors, 3, "the three bad requests fail, nothing else");
}

#[test]
fn the_schemas_refuse_what_the_contract_does_not_write() {
    let resp_v = validator("response.schema.json");
    let respond = |r: &Request| serde_json::to_value(contract::respond(r)).unwrap();
    let import = respond(&Request::Import {
        document: doc("dong-nai-74-2026"),
    });
    assert!(resp_v.is_valid(&import));
    for (pointer, bad) in [
        ("/plan/obligations", json!("none")),
        ("/plan/obligations/0/id", json!(7)),
        ("/input/plan_found", json!("yes")),
        ("/schema_version", json!(1)),
    ] {
        let mut v = import.clone();
        *v.pointer_mut(pointer).unwrap() = bad;
        assert!(
            !resp_v.is_valid(&v),
            "import with {pointer} changed is valid"
        );
    }
    let audit = respond(&Request::Audit {
        parent: doc("binh-thuan-qd87-2023"),
        child: doc("ngo-quyen-102-2023"),
        config: None,
        verdicts: None,
    });
    assert!(resp_v.is_valid(&audit));
    for (pointer, bad) in [
        ("/findings/0/fingerprint", json!(7)),
        ("/findings/0/severity", json!("fatal")),
        ("/parent_obligations/0/status", json!("done")),
        ("/coverage/ratio", json!("1")),
    ] {
        let mut v = audit.clone();
        *v.pointer_mut(pointer).unwrap() = bad;
        assert!(
            !resp_v.is_valid(&v),
            "audit with {pointer} changed is valid"
        );
    }
    let mut v = audit.clone();
    v.as_object_mut().unwrap().remove("tool_version");
    assert!(
        !resp_v.is_valid(&v),
        "a response with no tool_version is valid"
    );
}

#[test]
fn reports_name_their_inputs_with_the_callers_ids() {
    let r = Request::Fleet {
        parent: doc("hue-qd2715-2026"),
        children: vec![doc("dong-nai-74-2026"), doc("hue-sokhcn-de-an-65-2026")],
        config: None,
        verdicts: None,
    };
    let v: Value = serde_json::to_value(contract::respond(&r)).unwrap();
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    for (rep, child) in reports
        .iter()
        .zip(["dong-nai-74-2026", "hue-sokhcn-de-an-65-2026"])
    {
        assert_eq!(rep["parent_input"]["id"], "id:hue-qd2715-2026");
        assert_eq!(rep["child_input"]["id"], format!("id:{child}"));
        assert!(rep["child_input"]["name"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{child}.txt")));
        // The audit report's keys of before the contract are all there.
        for key in [
            "coverage",
            "parent_obligations",
            "findings",
            "sections",
            "local_initiatives",
        ] {
            assert!(rep.get(key).is_some(), "{key}");
        }
        for f in rep["findings"].as_array().unwrap() {
            for key in ["code", "severity", "message", "fingerprint"] {
                assert!(f.get(key).is_some(), "{key}");
            }
        }
    }
    // Obligation ids of a plan given as JSON are the caller's, in reports.
    let plan = json!({"number": "1/KH", "obligations": [
        {"id": "my-task-7", "text": "Tuyên truyền Công ước chống tra tấn"},
        {"id": "my-task-8", "text": "Chương trình mục tiêu quốc gia phòng chống ma túy"}]});
    let child = json!({"number": "2/KH", "obligations": [
        {"id": "their-9", "text": "Tuyên truyền Công ước chống tra tấn"}]});
    let req = json!({"op": "audit",
        "parent": {"name": "p.json", "text": plan.to_string()},
        "child": {"name": "c.json", "text": child.to_string()}});
    let v: Value = serde_json::from_slice(&contract::handle(req.to_string().as_bytes())).unwrap();
    assert_eq!(v["op"], "audit", "{v}");
    assert_eq!(v["parent_obligations"][0]["id"], "my-task-7");
    assert_eq!(
        v["parent_obligations"][0]["matches"][0]["child_id"],
        "their-9"
    );
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["parent_id"] == "my-task-8"));
}

/// Bytes that are not UTF-8, inside a string or out of one, are refused
/// where serde_json's own reading of the bytes places them (the request
/// is checked as UTF-8 up front, and read as bytes only when it is not);
/// the same text as UTF-8 is read.
#[test]
fn requests_not_in_utf8_are_placed_as_serde_json_places_them() {
    let good = "{\"op\": \"import\",\n \"document\": {\"name\": \"a.txt\", \"text\": \"Ủy ban nhân dân\"}}";
    assert!(contract::parse_request(good.as_bytes()).is_ok());
    let at = good.find("ban").unwrap();
    let bad_bytes: [&[u8]; 4] = [b"\xff", b"\xc3", b"\xe1\xbb", b"\xed\xa0\x80"];
    for bad in bad_bytes {
        for place in [at, good.find("document").unwrap(), good.len() - 1] {
            let mut body = good.as_bytes().to_vec();
            body.splice(place..place, bad.iter().copied());
            let want = serde_json::from_slice::<Value>(&body).unwrap_err();
            let got = contract::parse_request(&body).unwrap_err();
            assert_eq!(
                (got.line, got.column),
                (
                    u32::try_from(want.line()).ok(),
                    u32::try_from(want.column()).ok()
                ),
                "{bad:?} at {place}: {}",
                got.message
            );
            let msg = want.to_string();
            let msg = &msg[..msg.find(" at line ").unwrap_or(msg.len())];
            assert_eq!(got.message, format!("invalid request: {msg}"));
        }
    }
}

#[test]
fn bad_requests_are_structured_errors() {
    let cases: [(&[u8], &str, Option<u64>); 8] = [
        (b"{\"op\": \"audit\",\n  \"parent\": 3}", "request", Some(2)),
        (b"not json", "request", Some(1)),
        (b"{\"op\": \"frobnicate\"}", "request", Some(1)),
        (
            b"{\"op\": \"check\", \"documents\": [], \"extra\": 1}",
            "request",
            Some(1),
        ),
        (b"{\"op\": \"check\", \"documents\": []}", "usage", None),
        (
            b"{\"op\": \"check\", \"documents\": [], \"child\": {}}",
            "request",
            None,
        ),
        (
            b"{\"op\": \"audit\", \"child\": {\"text\": \"x\"}}",
            "request",
            None,
        ),
        (b"{\"op\": \"check\", \"documents\": [{}]}", "usage", None),
    ];
    for (input, kind, line) in cases {
        let v: Value = serde_json::from_slice(&contract::handle(input)).unwrap();
        assert_eq!(v["op"], "error", "{v}");
        assert_eq!(v["error"]["kind"], kind, "{v}");
        assert_eq!(v["error"]["line"].as_u64(), line, "{v}");
    }
    // A document's error names it, with line and column.
    let req = json!({"op": "import", "document": {"id": "x", "name": "p.json", "text": "{\n  \"number\": 7\n}"}});
    let v: Value = serde_json::from_slice(&contract::handle(req.to_string().as_bytes())).unwrap();
    assert_eq!(v["error"]["kind"], "document");
    assert_eq!(v["error"]["file"], "p.json");
    assert_eq!(v["error"]["line"], 2);
    assert!(v["error"]["column"].as_u64().is_some());
    // A config error too.
    let req = json!({"op": "check", "documents": [serde_json::to_value(doc("dong-nai-74-2026")).unwrap()],
        "config": {"name": "c.toml", "text": "[rules.OG001]\nseverty = \"warning\"\n"}});
    let v: Value = serde_json::from_slice(&contract::handle(req.to_string().as_bytes())).unwrap();
    assert_eq!(v["error"]["kind"], "config", "{v}");
    assert_eq!(v["error"]["file"], "c.toml");
    assert_eq!(v["error"]["line"], 2, "{v}");
    // A verdict file's too; and only audits take verdicts.
    let bad = verdicts_input()
        .text
        .replacen("verdict = \"false-alarm\"", "verdict = \"maybe\"", 1);
    let line = bad.lines().position(|l| l.contains("maybe")).unwrap() + 1;
    let d = |n: &str| serde_json::to_value(doc(n)).unwrap();
    let req = json!({"op": "audit", "parent": d("binh-thuan-qd87-2023"), "child": d("ngo-quyen-102-2023"),
        "verdicts": {"name": "v.toml", "text": bad}});
    let v: Value = serde_json::from_slice(&contract::handle(req.to_string().as_bytes())).unwrap();
    assert_eq!(v["error"]["kind"], "verdicts", "{v}");
    assert_eq!(v["error"]["file"], "v.toml");
    assert_eq!(v["error"]["line"], line, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("maybe"));
    let req = json!({"op": "check", "documents": [d("dong-nai-74-2026")],
        "verdicts": {"text": ""}});
    let v: Value = serde_json::from_slice(&contract::handle(req.to_string().as_bytes())).unwrap();
    assert_eq!(v["error"]["kind"], "request", "{v}");
}

fn cli(args: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = obligraph::cli::run_with(
        std::iter::once("obligraph").chain(args.iter().copied()),
        &mut out,
        &mut err,
        false,
    );
    assert!(
        code <= 1,
        "{args:?}: exit {code}: {}",
        String::from_utf8_lossy(&err)
    );
    out
}

fn same_bytes(args: &[&str], request: &Request) {
    let from_cli = cli(args);
    let from_contract = contract::to_json(&contract::respond(request));
    assert!(
        from_cli == from_contract,
        "{args:?}: the command line and the contract differ"
    );
}

fn p(name: &str) -> String {
    seed_path(name).display().to_string()
}

fn doc_no_id(name: &str) -> Document {
    let mut d = doc(name);
    d.id = None;
    d
}

#[test]
fn the_command_line_writes_the_contracts_bytes() {
    let (bt, nq, dn, hue, sk) = (
        p("binh-thuan-qd87-2023"),
        p("ngo-quyen-102-2023"),
        p("dong-nai-74-2026"),
        p("hue-qd2715-2026"),
        p("hue-sokhcn-de-an-65-2026"),
    );
    same_bytes(
        &["audit", "--parent", &bt, "--child", &nq, "--format", "json"],
        &Request::Audit {
            parent: doc_no_id("binh-thuan-qd87-2023"),
            child: doc_no_id("ngo-quyen-102-2023"),
            config: None,
            verdicts: None,
        },
    );
    same_bytes(
        &[
            "audit", "--parent", &hue, "--child", &dn, &sk, "--format", "json",
        ],
        &Request::Fleet {
            parent: doc_no_id("hue-qd2715-2026"),
            children: vec![
                doc_no_id("dong-nai-74-2026"),
                doc_no_id("hue-sokhcn-de-an-65-2026"),
            ],
            config: None,
            verdicts: None,
        },
    );
    same_bytes(
        &[
            "audit", "--parent", &hue, &dn, "--child", &sk, "--format", "json",
        ],
        &Request::Cascade {
            parents: vec![doc_no_id("hue-qd2715-2026"), doc_no_id("dong-nai-74-2026")],
            children: vec![doc_no_id("hue-sokhcn-de-an-65-2026")],
            config: None,
            verdicts: None,
        },
    );
    same_bytes(
        &[
            "audit",
            "--parent",
            &bt,
            "--child",
            &nq,
            "--verdicts",
            &root().join(VERDICTS).display().to_string(),
            "--format",
            "json",
        ],
        &Request::Audit {
            parent: doc_no_id("binh-thuan-qd87-2023"),
            child: doc_no_id("ngo-quyen-102-2023"),
            config: None,
            verdicts: Some(verdicts_input()),
        },
    );
    for s in SEEDS {
        let f = p(s);
        same_bytes(
            &["check", &f, "--format", "json"],
            &Request::Check {
                documents: vec![doc_no_id(s)],
                config: None,
            },
        );
        same_bytes(
            &["import", &f, "--format", "json"],
            &Request::Import {
                document: doc_no_id(s),
            },
        );
        same_bytes(
            &["lift", &f, "--format", "json"],
            &Request::Lift {
                documents: vec![doc_no_id(s)],
                to: None,
            },
        );
        same_bytes(
            &["calendar", &f, "--format", "json"],
            &Request::Calendar {
                documents: vec![doc_no_id(s)],
                from: None,
                to: None,
            },
        );
    }
    assert!(Path::new(&bt).exists());
}
