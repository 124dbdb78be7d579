//! The OpenAPI 3.1 document of the service, built from the contract's
//! JSON Schemas (the schemars output committed under `schemas/`): their
//! definitions become the components, each endpoint's request body is its
//! op's member of the request schema, every answer the response schema.

use serde_json::{json, Map, Value};

/// The endpoints: (op, summary).
pub(crate) const OPS: [(&str, &str); 5] = [
    ("import", "Import one document"),
    ("audit", "Audit a derived plan against its parent"),
    (
        "check",
        "Run the rules that need no parent on each document",
    ),
    (
        "lift",
        "The parent skeleton a plan implies, or the consensus of siblings",
    ),
    ("calendar", "The deadlines of plans between two dates"),
];

/// `#/$defs/X` → `#/components/schemas/X`, at every depth; `$schema`
/// dropped (OpenAPI 3.1 says the dialect once).
fn rewrite(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("$schema");
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    *r = format!("#/components/schemas/{name}");
                }
            }
            m.values_mut().for_each(rewrite);
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite),
        _ => {}
    }
}

/// A schema with its `$defs` moved into `components`.
fn take_defs(mut schema: Value, components: &mut Map<String, Value>) -> Value {
    if let Some(Value::Object(defs)) = schema.as_object_mut().and_then(|m| m.remove("$defs")) {
        for (k, mut v) in defs {
            rewrite(&mut v);
            components.insert(k, v);
        }
    }
    rewrite(&mut schema);
    schema
}

/// The request schema's member for `op` (its `op` is that constant).
fn request_of(request: &Value, op: &str) -> Value {
    request["oneOf"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|v| v["properties"]["op"]["const"] == op)
                .cloned()
        })
        .unwrap_or_else(|| json!({"$ref": "#/components/schemas/Request"}))
}

/// The multipart form of `op`: files by the contract member they fill.
fn multipart_of(op: &str) -> Value {
    let file = json!({"type": "string", "contentMediaType": "application/octet-stream"});
    let files = json!({"type": "array", "items": file});
    let (props, required): (Value, Vec<&str>) = match op {
        "import" => (json!({"document": file}), vec!["document"]),
        "audit" => (
            json!({"parent": file, "child": file, "config": file}),
            vec!["parent", "child"],
        ),
        "check" => (
            json!({"documents": files, "config": file}),
            vec!["documents"],
        ),
        "lift" => (
            json!({"documents": files, "to": {"type": "string", "enum": ["national", "province"]}}),
            vec!["documents"],
        ),
        _ => (
            json!({"documents": files,
                   "from": {"type": "string", "format": "date"},
                   "to": {"type": "string", "format": "date"}}),
            vec!["documents"],
        ),
    };
    json!({"type": "object", "properties": props, "required": required})
}

/// The OpenAPI document.
pub(crate) fn document() -> Value {
    let mut components = Map::new();
    let mut request = Value::Null;
    let mut response = Value::Null;
    for (name, text) in crate::contract::schemas() {
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if name.starts_with("request") {
            request = take_defs(v, &mut components);
        } else {
            response = take_defs(v, &mut components);
        }
    }
    components.insert("Request".into(), request.clone());
    components.insert("Response".into(), response);
    components.insert(
        "Health".into(),
        json!({"type": "object", "required": ["status", "tool_version"],
               "properties": {"status": {"const": "ok"}, "tool_version": {"type": "string"},
                              "parent_cache": {"type": "object"},
                              "child_cache": {"type": "object"}}}),
    );
    let answer = |what: &str| {
        json!({"description": what,
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Response"}}}})
    };
    let mut paths = Map::new();
    for (op, summary) in OPS {
        paths.insert(
            format!("/v1/{op}"),
            json!({"post": {
                "operationId": op,
                "summary": summary,
                "description": "The contract's request for this op, as JSON (`op` included; any content type but a multipart form is read as JSON) or as a multipart form of files; the answer is the bytes `obligraph::contract::handle` gives for that request.",
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": request_of(&request, op)},
                    "multipart/form-data": {"schema": multipart_of(op)}
                }},
                "responses": {
                    "200": answer("The contract's response"),
                    "400": answer("The request is not JSON, not a request, or not this endpoint's op (`error.kind` = `request`)"),
                    "408": answer("The request took longer than the time limit"),
                    "413": answer("The request is larger than the size limit"),
                    "422": answer("A document, the settings or the request's sense could not be carried out (`error.kind` = `document`, `config` or `usage`)")
                }
            }}),
        );
    }
    paths.insert(
        "/healthz".into(),
        json!({"get": {"operationId": "healthz", "summary": "Liveness",
            "responses": {"200": {"description": "Up", "content": {"application/json":
                {"schema": {"$ref": "#/components/schemas/Health"}}}}}}}),
    );
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "obligraph",
            "version": crate::contract::SCHEMA_VERSION,
            "description": "The obligraph JSON contract over HTTP: one request in, the same response bytes as `obligraph::contract::handle` out."
        },
        "paths": paths,
        "components": {"schemas": components}
    })
}
