//! The HTTP service, started for real on loopback (port 0): every
//! endpoint on the five seeds answers with the bytes `contract::handle`
//! gives for the same request, JSON or multipart, an audit's parent
//! through the cache or not; bad input gets the contract's error with a
//! 4xx status (400 malformed JSON, 413 oversize, 422 unreadable document,
//! 408 over the time limit).
#![cfg(feature = "serve")]

use obligraph::contract::{self, Document};
use obligraph::serve::{self, Options, Server};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

const SEEDS: [&str; 5] = [
    "binh-thuan-qd87-2023",
    "dong-nai-74-2026",
    "hue-qd2715-2026",
    "hue-sokhcn-de-an-65-2026",
    "ngo-quyen-102-2023",
];

fn seed_text(name: &str) -> String {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("examples/data/seeds/{name}.txt"));
    std::fs::read_to_string(p).unwrap()
}

fn doc(name: &str) -> Value {
    serde_json::to_value(
        Document::text(format!("{name}.txt"), seed_text(name)).with_id(format!("id:{name}")),
    )
    .unwrap()
}

fn start(options: impl FnOnce(&mut Options)) -> Server {
    let mut o = Options::default();
    o.bind = "127.0.0.1:0".parse().unwrap();
    options(&mut o);
    serve::spawn(&o).unwrap()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// POSTs `body` with `content_type`: the status and the body's bytes.
fn post(server: &Server, path: &str, content_type: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let url = format!("http://{}{path}", server.local_addr());
    let mut r = agent()
        .post(&url)
        .header("content-type", content_type)
        .send(body)
        .unwrap();
    let status = r.status().as_u16();
    let bytes = r
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_vec()
        .unwrap();
    (status, bytes)
}

fn get(server: &Server, path: &str) -> (u16, Vec<u8>) {
    let url = format!("http://{}{path}", server.local_addr());
    let mut r = agent().get(&url).call().unwrap();
    let status = r.status().as_u16();
    (status, r.body_mut().read_to_vec().unwrap())
}

/// POSTs the contract request `request` as JSON to its op's endpoint and
/// checks the answer is `handle`'s bytes; gives the status.
fn same_as_handle(server: &Server, request: &Value) -> u16 {
    let op = request["op"].as_str().unwrap();
    let body = serde_json::to_vec(request).unwrap();
    let (status, got) = post(server, &format!("/v1/{op}"), "application/json", &body);
    let want = contract::handle(&body);
    assert!(
        got == want,
        "{op}: HTTP bytes differ from handle's:\n{}\n---\n{}",
        String::from_utf8_lossy(&got[..got.len().min(600)]),
        String::from_utf8_lossy(&want[..want.len().min(600)])
    );
    status
}

fn error_of(bytes: &[u8]) -> Value {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    assert_eq!(v["op"], "error", "{v}");
    assert_eq!(v["schema_version"], contract::SCHEMA_VERSION);
    v["error"].clone()
}

#[test]
fn every_endpoint_on_the_seeds_gives_handles_bytes() {
    let server = start(|_| {});
    for s in SEEDS {
        for r in [
            json!({"op": "import", "document": doc(s)}),
            json!({"op": "check", "documents": [doc(s)]}),
            json!({"op": "lift", "documents": [doc(s)]}),
            json!({"op": "calendar", "documents": [doc(s)]}),
        ] {
            assert_eq!(same_as_handle(&server, &r), 200, "{} {s}", r["op"]);
        }
    }
    // The real pair, the parent new then from the cache; another pair
    // with settings in between; the same parent under another id.
    let nq = json!({"op": "audit", "parent": doc("binh-thuan-qd87-2023"), "child": doc("ngo-quyen-102-2023")});
    let hue = json!({"op": "audit", "parent": doc("hue-qd2715-2026"), "child": doc("dong-nai-74-2026"),
        "config": {"name": "c.toml", "text": "[rules.OG005]\nseverity = \"off\"\n"}});
    let mut renamed = nq.clone();
    renamed["parent"]["id"] = json!("another id");
    let mut other_child = nq.clone();
    other_child["child"] = doc("hue-sokhcn-de-an-65-2026");
    for r in [&nq, &hue, &nq, &renamed, &other_child, &hue, &nq] {
        assert_eq!(same_as_handle(&server, r), 200);
    }
    let (status, health) = get(&server, "/healthz");
    assert_eq!(status, 200);
    let h: Value = serde_json::from_slice(&health).unwrap();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["parent_cache"]["misses"], 2, "{h}");
    assert_eq!(h["parent_cache"]["hits"], 5, "{h}");
    assert_eq!(h["parent_cache"]["entries"], 2, "{h}");
    // Children, kept on their second sight: Ngô Quyền four times (kept
    // on the second), Đồng Nai twice (kept), Huế's Sở KH&CN once.
    assert_eq!(h["child_cache"]["misses"], 5, "{h}");
    assert_eq!(h["child_cache"]["hits"], 2, "{h}");
    assert_eq!(h["child_cache"]["entries"], 2, "{h}");
    // More pairs and sets of plans.
    for r in [
        json!({"op": "lift", "documents": [doc("dong-nai-74-2026"), doc("hue-sokhcn-de-an-65-2026")], "to": "national"}),
        json!({"op": "calendar", "documents": [doc("dong-nai-74-2026")], "from": "2026-01-01", "to": "2026-12-31"}),
        json!({"op": "check", "documents": [doc("dong-nai-74-2026"), doc("ngo-quyen-102-2023")]}),
    ] {
        assert_eq!(same_as_handle(&server, &r), 200);
    }
    server.stop().unwrap();
}

#[test]
fn audits_in_parallel_give_the_same_bytes() {
    // Eight at once against two in flight and one worker: the rest wait
    // their turn, none is refused.
    let server = start(|o| {
        o.workers = 1;
        o.max_in_flight = 2;
    });
    let nq = json!({"op": "audit", "parent": doc("binh-thuan-qd87-2023"), "child": doc("ngo-quyen-102-2023")});
    let body = serde_json::to_vec(&nq).unwrap();
    let want = contract::handle(&body);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| post(&server, "/v1/audit", "application/json", &body)))
            .collect();
        for h in handles {
            let (status, got) = h.join().unwrap();
            assert_eq!(status, 200);
            assert!(got == want);
        }
    });
}

/// One part of a form: the field, the file name, the bytes.
type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

/// A multipart form.
fn form(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "obligraph-test-boundary-7f3a";
    let mut body = Vec::new();
    for (field, file, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{field}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{field}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn multipart_forms_answer_as_the_json_request() {
    let server = start(|_| {});
    let text = |n: &str| seed_text(n);
    let named =
        |n: &str| serde_json::to_value(Document::text(format!("{n}.txt"), seed_text(n))).unwrap();
    let docx = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx/merged-cells.docx"),
    )
    .unwrap();
    let bt = text("binh-thuan-qd87-2023");
    let nq = text("ngo-quyen-102-2023");
    let dn = text("dong-nai-74-2026");
    let cases: Vec<(&str, Vec<Part<'_>>, Value)> = vec![
        (
            "import",
            vec![("document", Some("ngo-quyen-102-2023.txt"), nq.as_bytes())],
            json!({"op": "import", "document": named("ngo-quyen-102-2023")}),
        ),
        (
            "audit",
            vec![
                ("parent", Some("binh-thuan-qd87-2023.txt"), bt.as_bytes()),
                ("child", Some("ngo-quyen-102-2023.txt"), nq.as_bytes()),
            ],
            json!({"op": "audit", "parent": named("binh-thuan-qd87-2023"), "child": named("ngo-quyen-102-2023")}),
        ),
        (
            "check",
            vec![
                ("documents", Some("dong-nai-74-2026.txt"), dn.as_bytes()),
                ("documents", Some("ngo-quyen-102-2023.txt"), nq.as_bytes()),
            ],
            json!({"op": "check", "documents": [named("dong-nai-74-2026"), named("ngo-quyen-102-2023")]}),
        ),
        (
            "lift",
            vec![
                ("documents", Some("dong-nai-74-2026.txt"), dn.as_bytes()),
                ("to", None, b"national"),
            ],
            json!({"op": "lift", "documents": [named("dong-nai-74-2026")], "to": "national"}),
        ),
        (
            "calendar",
            vec![
                ("documents", Some("dong-nai-74-2026.txt"), dn.as_bytes()),
                ("from", None, b"2026-01-01"),
                ("to", None, b"2026-06-30"),
            ],
            json!({"op": "calendar", "documents": [named("dong-nai-74-2026")], "from": "2026-01-01", "to": "2026-06-30"}),
        ),
    ];
    for (op, parts, request) in cases {
        let (ct, body) = form(&parts);
        let (status, got) = post(&server, &format!("/v1/{op}"), &ct, &body);
        let want = contract::handle(&serde_json::to_vec(&request).unwrap());
        assert_eq!(status, 200, "{op}: {}", String::from_utf8_lossy(&got));
        assert!(got == want, "{op}: multipart answer differs from handle's");
    }
    // A Word document goes as bytes.
    let (ct, body) = form(&[("document", Some("merged-cells.docx"), &docx)]);
    let (status, got) = post(&server, "/v1/import", &ct, &body);
    let want = contract::handle(
        &serde_json::to_vec(
            &json!({"op": "import", "document": Document::bytes("merged-cells.docx", &docx)}),
        )
        .unwrap(),
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&got));
    assert!(got == want);
    // A field the endpoint does not take.
    let (ct, body) = form(&[("child", Some("x.txt"), b"x")]);
    let (status, got) = post(&server, "/v1/import", &ct, &body);
    assert_eq!(status, 400);
    assert!(error_of(&got)["message"]
        .as_str()
        .unwrap()
        .contains("no form field `child`"));
}

#[test]
fn bad_input_gets_the_contracts_error_and_a_4xx() {
    let server = start(|_| {});
    // Malformed JSON: 400, handle's bytes, the place named.
    let body = b"{\"op\": \"audit\",\n \"parent\": ";
    let (status, got) = post(&server, "/v1/audit", "application/json", body);
    assert_eq!(status, 400);
    assert!(got == contract::handle(body));
    let e = error_of(&got);
    assert_eq!(e["kind"], "request");
    assert_eq!(e["line"], 2);
    // Not a request of this endpoint's op.
    let r =
        serde_json::to_vec(&json!({"op": "import", "document": doc("hue-qd2715-2026")})).unwrap();
    let (status, got) = post(&server, "/v1/audit", "application/json", &r);
    assert_eq!(status, 400);
    assert!(error_of(&got)["message"]
        .as_str()
        .unwrap()
        .contains("/v1/audit"));
    // A document that cannot be read: 422, handle's bytes.
    let r = json!({"op": "import", "document": {"name": "p.docx", "base64": "not base64!"}});
    assert_eq!(same_as_handle(&server, &r), 422);
    let r = json!({"op": "audit", "parent": {"name": "p.txt"}, "child": doc("hue-qd2715-2026")});
    assert_eq!(same_as_handle(&server, &r), 422);
    // Settings that say no: 422.
    let r = json!({"op": "check", "documents": [doc("hue-qd2715-2026")],
        "config": {"name": "c.toml", "text": "[rules.OG999]\n"}});
    assert_eq!(same_as_handle(&server, &r), 422);
    // No such endpoint, no such method: JSON errors.
    let (status, got) = post(&server, "/v1/fleet", "application/json", b"{}");
    assert_eq!(status, 404);
    error_of(&got);
    let (status, got) = get(&server, "/v1/audit");
    assert_eq!(status, 405);
    error_of(&got);
}

#[test]
fn oversize_requests_get_413() {
    let server = start(|o| o.max_body_bytes = 4096);
    let r =
        serde_json::to_vec(&json!({"op": "import", "document": doc("hue-qd2715-2026")})).unwrap();
    assert!(r.len() > 4096);
    let (status, got) = post(&server, "/v1/import", "application/json", &r);
    assert_eq!(status, 413);
    assert!(error_of(&got)["message"].as_str().unwrap().contains("4096"));
    // Under the limit still answers.
    let small = br#"{"op": "import", "document": {"name": "a.txt", "text": "So: 1/KH-UBND\n"}}"#;
    let (status, _) = post(&server, "/v1/import", "application/json", small);
    assert_eq!(status, 200);
}

#[test]
fn requests_over_the_time_limit_get_408() {
    let server = start(|o| o.timeout = Duration::ZERO);
    let r = serde_json::to_vec(&json!({"op": "audit", "parent": doc("binh-thuan-qd87-2023"), "child": doc("ngo-quyen-102-2023")})).unwrap();
    let (status, got) = post(&server, "/v1/audit", "application/json", &r);
    assert_eq!(status, 408);
    assert!(error_of(&got)["message"]
        .as_str()
        .unwrap()
        .contains("limit"));
}

#[test]
fn openapi_and_health() {
    let server = start(|_| {});
    let (status, got) = get(&server, "/openapi.json");
    assert_eq!(status, 200);
    let api: Value = serde_json::from_slice(&got).unwrap();
    assert_eq!(api["openapi"], "3.1.0");
    for op in ["import", "audit", "check", "lift", "calendar"] {
        let post = &api["paths"][format!("/v1/{op}")]["post"];
        let schema = &post["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(schema["properties"]["op"]["const"], op, "{op}");
        assert!(post["responses"]["200"].is_object());
        assert!(post["responses"]["400"].is_object());
    }
    // Every reference resolves to a component.
    let text = String::from_utf8(got).unwrap();
    assert!(!text.contains("#/$defs/"));
    for r in text.split("\"#/components/schemas/").skip(1) {
        let name = &r[..r.find('"').unwrap()];
        assert!(
            api["components"]["schemas"][name].is_object(),
            "missing component {name}"
        );
    }
    let (status, got) = get(&server, "/healthz");
    assert_eq!(status, 200);
    let h: Value = serde_json::from_slice(&got).unwrap();
    assert_eq!(h["status"], "ok");
    // A stopped server no longer answers.
    let addr = server.local_addr();
    server.stop().unwrap();
    assert!(std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err());
}
