//! # The JSON contract
//!
//! One request in, one response out, the same bytes whatever carries
//! them: the command line's `--format json`, the Python, WebAssembly and
//! HTTP transports all call [`handle`] (or [`respond`] then [`to_json`],
//! which is what [`handle`] does).
//!
//! ```
//! let request = r#"{
//!   "op": "audit",
//!   "parent": {"id": "p-74", "name": "dong-nai.txt", "text": "Số: 74/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n1. Tuyên truyền Công ước chống tra tấn\n"},
//!   "child": {"id": "c-18", "name": "xa.txt", "text": "Số: 18/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n1. Tuyên truyền Công ước chống tra tấn\n"}
//! }"#;
//! let out = obligraph::contract::handle(request.as_bytes());
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v["schema_version"], obligraph::contract::SCHEMA_VERSION);
//! assert_eq!(v["op"], "audit");
//! assert_eq!(v["child_input"]["id"], "c-18");
//! assert!(v["coverage"]["ratio"].is_number());
//!
//! // Bad input: a structured error naming the place, never a panic.
//! let out = obligraph::contract::handle(b"{\"op\": \"audit\",\n \"parent\": 3}");
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v["op"], "error");
//! assert_eq!(v["error"]["kind"], "request");
//! assert_eq!(v["error"]["line"], 2);
//! ```
//!
//! ## Requests
//! An object with `op` and the op's members ([`Request`]): `import`
//! (`document`), `audit` (`parent`, `child`), `fleet` (`parent`,
//! `children`), `cascade` (`parents` top first, `children`), `check`
//! (`documents`), `lift` (`documents`, `to`), `calendar` (`documents`,
//! `from`, `to`). Audits take an optional `config` (the `--config` file's
//! text, TOML or JSON by its `name`); `audit`, `fleet` and `cascade` an
//! optional `verdicts` (a review verdict file's TOML text with its `name`,
//! as `obligraph review` writes it), applied to every report. A [`Document`] is its `text`, or
//! its bytes in `base64` (DOCX), with an optional `name` (its extension
//! says the format: `.txt`/`.md`/none text, `.docx`, `.json` a plan) and
//! an optional caller's `id`. Unknown members are refused.
//!
//! ## Responses
//! Every response is an object with `schema_version` ([`SCHEMA_VERSION`]),
//! `tool` (`obligraph`), `tool_version` and `op` (the request's, or
//! `error`). Each report names its inputs ([`InputRef`]: the caller's `id`,
//! the `name`, the plan's `label`): `parent_input` and `child_input` in an
//! audit report, `input`/`inputs` elsewhere. Obligation ids are the
//! importer's (`II.1-1`) or, for a plan given as JSON, the caller's own:
//! they come back unchanged in every report (`id`, `parent_id`,
//! `child_id`, `carried_by`).
//!
//! - `audit`: the audit report's members at the top level
//!   ([`AuditReport`]: `coverage`, `parent_obligations`, `findings`, …,
//!   and `verdicts` ([`Review`]) when verdicts were given);
//! - `fleet`, `cascade`, `check`: `reports`, one [`AuditReport`] per
//!   derived plan (a cascade: per link, top first, then each child);
//! - `import`: `input`, `plan_found`, then the import's `plan`,
//!   `unattributed` and `stats`;
//! - `lift`: `inputs`, then the lifted plan (one input) or the consensus
//!   skeleton (several);
//! - `calendar`: `inputs`, then the deadline calendar;
//! - `error`: `error` ([`ErrorBody`]: `kind`, `message`, and `file`,
//!   `line`, `column` where there is a place).
//!
//! ## Absent means absent
//! One rule for `null`: a member with no value is left out, never written
//! as `null` (an audit report of a check has no `parent`; a finding about
//! no parent obligation has no `parent_id`). Readers treat a missing member
//! as "none". (Findings' `parent_id` and `child_id`, written `null` by the
//! report JSON before this contract, are now left out when absent.)
//!
//! ## Versions
//! `schema_version` is semantic: a new member or op raises the minor
//! number, a removed or renamed one the major. The JSON Schemas of
//! requests and responses are generated from these types ([`schemas`])
//! and committed under `schemas/`; a test fails when they differ.

mod report;

pub use report::{
    AuditReport, Coverage, ElementReport, Evidence, Finding, LocalInitiative, Location, Match,
    ParentObligationReport, PlanSummary, Review, SectionCoverage, Severity, Status, Suppressed,
};

use crate::core::{Level, Plan, Window};
use crate::rules::{Config, Verdicts};
use crate::vn::{Import, ImportError, ImportOptions};
use base64::Engine as _;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the contract's JSON (semantic; see the module docs).
/// 1.2.0: an obligation may name the appendix rows its roles and deadline
/// come from (`roles_from`, `deadline_from`). 1.3.0: an import may warn
/// that a hidden Excel sheet was skipped (`hidden_sheet_skipped`).
pub const SCHEMA_VERSION: &str = "1.3.0";

/// The version of obligraph that wrote a response.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One document given to a request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Document {
    /// The caller's id for the plan, returned in every report that names
    /// this input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The file name: its extension says the format (`.txt`, `.md` or none:
    /// text; `.docx`; `.json`: a plan or an import). Errors name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The document as text (text, Markdown or JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The document's bytes in standard base64 (a Word document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

impl Document {
    /// A document given as text, named `name`.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            name: Some(name.into()),
            text: Some(text.into()),
            ..Document::default()
        }
    }

    /// A document given as bytes (sent as base64), named `name`.
    pub fn bytes(name: impl Into<String>, bytes: &[u8]) -> Document {
        Document {
            name: Some(name.into()),
            base64: Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
            ..Document::default()
        }
    }

    /// The same document with the caller's id `id`.
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Document {
        self.id = Some(id.into());
        self
    }

    /// The name errors use: the name, else the id, else `document`.
    pub(crate) fn display_name(&self) -> String {
        self.name
            .clone()
            .or_else(|| self.id.clone())
            .unwrap_or_else(|| "document".to_string())
    }
}

/// Rule settings for an audit or check: the text of a `--config` file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConfigInput {
    /// The file name: `.json` is read as JSON, anything else as TOML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The settings.
    pub text: String,
}

impl ConfigInput {
    /// Settings read from `text`, named `name` (`.json`: JSON, else TOML).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> ConfigInput {
        ConfigInput {
            name: Some(name.into()),
            text: text.into(),
        }
    }
}

/// Review verdicts for an audit: the text of a `--verdicts` file (TOML,
/// as `obligraph review` writes it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct VerdictsInput {
    /// The file name (errors name it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The verdicts (TOML).
    pub text: String,
}

impl VerdictsInput {
    /// Verdicts read from `text`, named `name`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> VerdictsInput {
        VerdictsInput {
            name: Some(name.into()),
            text: text.into(),
        }
    }
}

/// The level a `lift` raises plans to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LiftLevel {
    /// National (trung ương).
    National,
    /// Province (tỉnh).
    Province,
}

/// A request: `op` and its members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Request {
    /// Import one document.
    Import {
        /// The document.
        document: Document,
    },
    /// Audit one derived plan against its parent.
    Audit {
        /// The parent: a decision, the plan one level up, or a sibling.
        parent: Document,
        /// The derived plan.
        child: Document,
        /// Rule settings.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        config: Option<ConfigInput>,
        /// Review verdicts to apply to every report.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verdicts: Option<VerdictsInput>,
    },
    /// Audit many derived plans against one parent (indexed once).
    Fleet {
        /// The parent.
        parent: Document,
        /// The derived plans.
        children: Vec<Document>,
        /// Rule settings.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        config: Option<ConfigInput>,
        /// Review verdicts to apply to every report.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verdicts: Option<VerdictsInput>,
    },
    /// Audit a chain, top first: each parent against the one before it,
    /// then every child against the last parent.
    Cascade {
        /// The chain of parents, top first (at least one).
        parents: Vec<Document>,
        /// The derived plans audited against the last parent.
        children: Vec<Document>,
        /// Rule settings.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        config: Option<ConfigInput>,
        /// Review verdicts to apply to every report.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verdicts: Option<VerdictsInput>,
    },
    /// Run the rules that need no parent on each document.
    Check {
        /// The plans.
        documents: Vec<Document>,
        /// Rule settings.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        config: Option<ConfigInput>,
    },
    /// The skeleton of the parent a plan implies (one document), or the
    /// consensus skeleton of siblings (several).
    Lift {
        /// The plans.
        documents: Vec<Document>,
        /// The level (default: one above the plans).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<LiftLevel>,
    },
    /// The deadlines of plans between two dates.
    Calendar {
        /// The plans.
        documents: Vec<Document>,
        /// First day (default: the start of the plans' own span).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<NaiveDate>,
        /// Last day (default: the end of the plans' own span).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<NaiveDate>,
    },
}

/// Which input a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct InputRef {
    /// The caller's id, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The document's name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The plan's label (its number, else its title).
    pub label: String,
    /// Whether the document holds a plan at all (a header, or an
    /// obligation naming a known agency).
    pub plan_found: bool,
}

impl InputRef {
    /// The reference of `doc`, imported as `import`.
    pub(crate) fn of(doc: &Document, import: &Import) -> InputRef {
        InputRef {
            id: doc.id.clone(),
            name: doc.name.clone(),
            label: import.plan.label(),
            plan_found: import.plan_found(),
        }
    }
}

/// A response: the versions, then the op's members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Response {
    /// [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// `obligraph`.
    pub tool: String,
    /// [`TOOL_VERSION`].
    pub tool_version: String,
    /// The op's result.
    #[serde(flatten)]
    pub body: Body,
}

/// What a response carries, by `op`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // reason: built once per response
pub enum Body {
    /// One imported document.
    Import(ImportResult),
    /// One audit report.
    Audit(AuditReport),
    /// One report per derived plan.
    Fleet(Reports),
    /// One report per link, top first, then per child.
    Cascade(Reports),
    /// One report per plan.
    Check(Reports),
    /// A lifted plan or a consensus skeleton.
    Lift(LiftResult),
    /// A deadline calendar.
    Calendar(CalendarResult),
    /// The request could not be carried out.
    Error(ErrorResult),
}

/// Several audit reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Reports {
    /// The reports, in request order.
    pub reports: Vec<AuditReport>,
}

/// An import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ImportResult {
    /// The document.
    pub input: InputRef,
    /// The import (`plan`, `unattributed`, `stats`: [`crate::vn::Import`]),
    /// as `obligraph import --format json` wrote it before the contract,
    /// members with no value left out.
    #[serde(flatten)]
    #[schemars(with = "crate::vn::Import")]
    pub import: serde_json::Map<String, serde_json::Value>,
}

/// The result of `lift`, with its inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LiftResult {
    /// The documents, in request order.
    pub inputs: Vec<InputRef>,
    /// The lifted plan ([`crate::rules::Lifted`], one input) or the
    /// consensus skeleton ([`crate::rules::Consensus`], several), members
    /// with no value left out.
    #[serde(flatten)]
    #[schemars(with = "LiftSchema")]
    pub result: serde_json::Map<String, serde_json::Value>,
}

/// The schema of a lift's result (only for the schema).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // reason: a schema, never built
enum LiftSchema {
    Lifted(crate::rules::Lifted),
    Consensus(crate::rules::Consensus),
}

/// The result of `calendar`, with its inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CalendarResult {
    /// The documents, in request order.
    pub inputs: Vec<InputRef>,
    /// The calendar ([`crate::calendar::DeadlineCalendar`]), members with
    /// no value left out.
    #[serde(flatten)]
    #[schemars(with = "crate::calendar::DeadlineCalendar")]
    pub result: serde_json::Map<String, serde_json::Value>,
}

/// A failed request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ErrorResult {
    /// What went wrong and where.
    pub error: ErrorBody,
}

/// What went wrong, and where when there is a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ErrorBody {
    /// `request` (the request JSON), `document` (a document could not be
    /// read), `config` (the settings), `usage` (a request that makes no
    /// sense, e.g. no document), `verdicts` (the verdict file).
    pub kind: ErrorKind,
    /// The message, naming the file and place.
    pub message: String,
    /// The file (document, config or verdict file name; `request` for the
    /// request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The line (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The column (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

/// The kinds of error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request is not valid JSON or not a request.
    Request,
    /// A document could not be read.
    Document,
    /// The settings could not be read.
    Config,
    /// The request makes no sense as given.
    Usage,
    /// The review verdicts could not be read.
    Verdicts,
}

impl ErrorBody {
    fn new(kind: ErrorKind, message: impl Into<String>) -> ErrorBody {
        ErrorBody {
            kind,
            message: message.into(),
            file: None,
            line: None,
            column: None,
        }
    }

    fn at(mut self, file: &str, line: Option<u32>, column: Option<u32>) -> ErrorBody {
        self.file = Some(file.to_string());
        self.line = line;
        self.column = column;
        self
    }

    fn import(e: &ImportError, file: &str) -> ErrorBody {
        let (line, column) = match e {
            ImportError::LineTooLong { line, column, .. }
            | ImportError::TooManyCells { line, column, .. }
            | ImportError::TooDeep { line, column, .. }
            | ImportError::TooManyObligations { line, column, .. }
            | ImportError::InvalidUtf8 { line, column, .. }
            | ImportError::Json { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        ErrorBody::new(ErrorKind::Document, e.to_string()).at(file, line, column)
    }
}

impl Response {
    pub(crate) fn new(body: Body) -> Response {
        Response {
            schema_version: SCHEMA_VERSION.to_string(),
            tool: "obligraph".to_string(),
            tool_version: TOOL_VERSION.to_string(),
            body,
        }
    }

    /// The error, when the request failed.
    pub fn error(&self) -> Option<&ErrorBody> {
        match &self.body {
            Body::Error(e) => Some(&e.error),
            _ => None,
        }
    }

    /// The audit reports the response carries (none for import, lift,
    /// calendar and errors).
    pub fn reports(&self) -> &[AuditReport] {
        match &self.body {
            Body::Audit(r) => std::slice::from_ref(r),
            Body::Fleet(r) | Body::Cascade(r) | Body::Check(r) => &r.reports,
            _ => &[],
        }
    }

    /// The inputs whose document holds no plan.
    pub fn inputs_without_plan(&self) -> Vec<&InputRef> {
        let all: Vec<&InputRef> = match &self.body {
            Body::Import(i) => vec![&i.input],
            Body::Lift(d) => d.inputs.iter().collect(),
            Body::Calendar(d) => d.inputs.iter().collect(),
            Body::Audit(_) | Body::Fleet(_) | Body::Cascade(_) | Body::Check(_) => {
                let mut v: Vec<&InputRef> = Vec::new();
                for r in self.reports() {
                    for i in r.parent_input.iter().chain(std::iter::once(&r.child_input)) {
                        if !v.contains(&i) {
                            v.push(i);
                        }
                    }
                }
                v
            }
            Body::Error(_) => Vec::new(),
        };
        all.into_iter().filter(|i| !i.plan_found).collect()
    }
}

/// The entry point of every transport: a request as JSON bytes in, a
/// response as JSON bytes out (pretty, with a final newline). Never
/// panics on bad input: a request that cannot be read, or a document or
/// setting that cannot, gives a response with `op: "error"`.
pub fn handle(request_json: &[u8]) -> Vec<u8> {
    let response = match parse_request(request_json) {
        Ok(r) => respond(&r),
        Err(e) => Response::new(Body::Error(ErrorResult { error: e })),
    };
    to_json(&response)
}

/// Reads a request from JSON bytes; the error names the line and column.
///
/// The request is read as one flat object (so that a member of the wrong
/// type is placed by line and column, which serde cannot do inside an
/// enum tagged by `op`), then checked against its op's members.
pub fn parse_request(request_json: &[u8]) -> Result<Request, ErrorBody> {
    // The bytes are checked as UTF-8 once, by a checker many times quicker
    // on Vietnamese text than the one serde_json runs on each string
    // (two thirds of an audit request's parse went there). Bytes that are not
    // UTF-8 are read as before, which places the first bad one.
    let read = match simdutf8::basic::from_utf8(request_json) {
        Ok(text) => serde_json::from_str::<RawRequest>(text),
        Err(_) => serde_json::from_slice::<RawRequest>(request_json),
    };
    let raw = read.map_err(|e| {
        let (line, column) = if e.line() == 0 {
            (None, None)
        } else {
            (u32::try_from(e.line()).ok(), u32::try_from(e.column()).ok())
        };
        let mut msg = e.to_string();
        // serde_json appends " at line L column C": the place is in fields.
        if let Some(i) = msg.find(" at line ") {
            msg.truncate(i);
        }
        ErrorBody::new(ErrorKind::Request, format!("invalid request: {msg}"))
            .at("request", line, column)
    })?;
    raw.into_request()
}

/// The ops, as the flat request names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Import,
    Audit,
    Fleet,
    Cascade,
    Check,
    Lift,
    Calendar,
}

/// Every member any op takes: what [`parse_request`] reads first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest {
    op: Op,
    document: Option<Document>,
    documents: Option<Vec<Document>>,
    parent: Option<Document>,
    parents: Option<Vec<Document>>,
    child: Option<Document>,
    children: Option<Vec<Document>>,
    config: Option<ConfigInput>,
    verdicts: Option<VerdictsInput>,
    from: Option<NaiveDate>,
    to: Option<String>,
}

impl RawRequest {
    fn into_request(self) -> Result<Request, ErrorBody> {
        let op = self.op;
        let name = format!("{op:?}").to_lowercase();
        let usage = |msg: String| {
            ErrorBody::new(ErrorKind::Request, format!("invalid request: {msg}"))
                .at("request", None, None)
        };
        let need = |what: &str| usage(format!("`{name}` needs `{what}`"));
        let given: Vec<&str> = [
            ("document", self.document.is_some()),
            ("documents", self.documents.is_some()),
            ("parent", self.parent.is_some()),
            ("parents", self.parents.is_some()),
            ("child", self.child.is_some()),
            ("children", self.children.is_some()),
            ("config", self.config.is_some()),
            ("verdicts", self.verdicts.is_some()),
            ("from", self.from.is_some()),
            ("to", self.to.is_some()),
        ]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(k, _)| k)
        .collect();
        let takes: &[&str] = match op {
            Op::Import => &["document"],
            Op::Audit => &["parent", "child", "config", "verdicts"],
            Op::Fleet => &["parent", "children", "config", "verdicts"],
            Op::Cascade => &["parents", "children", "config", "verdicts"],
            Op::Check => &["documents", "config"],
            Op::Lift => &["documents", "to"],
            Op::Calendar => &["documents", "from", "to"],
        };
        if let Some(extra) = given.iter().find(|k| !takes.contains(k)) {
            return Err(usage(format!(
                "`{name}` takes no `{extra}` (it takes {})",
                takes
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        Ok(match op {
            Op::Import => Request::Import {
                document: self.document.ok_or_else(|| need("document"))?,
            },
            Op::Audit => Request::Audit {
                parent: self.parent.ok_or_else(|| need("parent"))?,
                child: self.child.ok_or_else(|| need("child"))?,
                config: self.config,
                verdicts: self.verdicts,
            },
            Op::Fleet => Request::Fleet {
                parent: self.parent.ok_or_else(|| need("parent"))?,
                children: self.children.ok_or_else(|| need("children"))?,
                config: self.config,
                verdicts: self.verdicts,
            },
            Op::Cascade => Request::Cascade {
                parents: self.parents.ok_or_else(|| need("parents"))?,
                children: self.children.ok_or_else(|| need("children"))?,
                config: self.config,
                verdicts: self.verdicts,
            },
            Op::Check => Request::Check {
                documents: self.documents.ok_or_else(|| need("documents"))?,
                config: self.config,
            },
            Op::Lift => Request::Lift {
                documents: self.documents.ok_or_else(|| need("documents"))?,
                to: match self.to.as_deref() {
                    None => None,
                    Some("national") => Some(LiftLevel::National),
                    Some("province") => Some(LiftLevel::Province),
                    Some(other) => {
                        return Err(usage(format!(
                            "`to` is `{other}`; expected `national` or `province`"
                        )))
                    }
                },
            },
            Op::Calendar => Request::Calendar {
                documents: self.documents.ok_or_else(|| need("documents"))?,
                from: self.from,
                to: match self.to.as_deref() {
                    None => None,
                    Some(t) => Some(NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
                        usage(format!("`to` is `{t}`; expected a date YYYY-MM-DD"))
                    })?),
                },
            },
        })
    }
}

/// A response as the contract's bytes: pretty JSON and a final newline.
pub fn to_json(response: &Response) -> Vec<u8> {
    // Serialising these types cannot fail (string keys, finite numbers);
    // should it, the failure is itself reported in the contract's shape.
    // Written once into a buffer sized for the op (the real-pair audit's
    // report is about 175 kB), so that it seldom grows and moves.
    let capacity = match response.body {
        Body::Error(_) => 1 << 10,
        Body::Calendar(_) | Body::Lift(_) => 16 << 10,
        _ => 256 << 10,
    };
    let mut out = Vec::with_capacity(capacity);
    if let Err(e) = serde_json::to_writer_pretty(&mut out, response) {
        let err = Response::new(Body::Error(ErrorResult {
            error: ErrorBody::new(
                ErrorKind::Usage,
                format!("cannot serialise the response: {e}"),
            ),
        }));
        out = serde_json::to_vec_pretty(&err).unwrap_or_default();
    }
    out.push(b'\n');
    out
}

/// Carries out a request.
pub fn respond(request: &Request) -> Response {
    let body = match run(request) {
        Ok(b) => b,
        Err(e) => Body::Error(ErrorResult { error: e }),
    };
    Response::new(body)
}

/// A document imported, with its reference.
pub(crate) struct Loaded {
    pub(crate) import: Import,
    pub(crate) input: InputRef,
}

pub(crate) fn load(doc: &Document) -> Result<Loaded, ErrorBody> {
    let name = doc.display_name();
    // A document with no name is text.
    let file = doc.name.clone().unwrap_or_else(|| format!("{name}.txt"));
    let options = ImportOptions::default();
    let import = match (&doc.text, &doc.base64) {
        // Text is UTF-8 already: imported as it stands, neither copied
        // nor checked again.
        (Some(t), None) => crate::vn::import_str(t, &file, &options),
        (None, Some(b)) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .map_err(|e| {
                    ErrorBody::new(
                        ErrorKind::Document,
                        format!("`{name}`: `base64` is not standard base64: {e}"),
                    )
                    .at(&name, None, None)
                })?;
            crate::vn::import_bytes(&bytes, &file, &options)
        }
        _ => {
            return Err(ErrorBody::new(
                ErrorKind::Usage,
                format!("`{name}`: give the document's `text` or its `base64`, exactly one"),
            )
            .at(&name, None, None))
        }
    }
    .map_err(|e| ErrorBody::import(&e, &name))?;
    let input = InputRef::of(doc, &import);
    Ok(Loaded { import, input })
}

fn load_all(docs: &[Document]) -> Result<Vec<Loaded>, ErrorBody> {
    if docs.is_empty() {
        return Err(ErrorBody::new(
            ErrorKind::Usage,
            "no document given (expected at least one)",
        ));
    }
    docs.iter().map(load).collect()
}

pub(crate) fn config(c: Option<&ConfigInput>) -> Result<Config, ErrorBody> {
    let Some(c) = c else {
        return Ok(Config::default());
    };
    let name = c.name.clone().unwrap_or_else(|| "config".to_string());
    let json = name.to_ascii_lowercase().ends_with(".json");
    let parsed = if json {
        Config::from_json_str(&c.text)
    } else {
        Config::from_toml_str(&c.text)
    };
    parsed.map_err(|e| {
        let text = e.to_string();
        let (line, column) = place_in(&text);
        ErrorBody::new(
            ErrorKind::Config,
            format!(
                "invalid configuration `{name}`: {}",
                text.trim_end().replace('\n', " ")
            ),
        )
        .at(&name, line, column)
    })
}

/// The verdicts to apply, read from their file's text.
fn verdicts(v: Option<&VerdictsInput>) -> Result<Option<Verdicts>, ErrorBody> {
    let Some(v) = v else {
        return Ok(None);
    };
    let name = v.name.clone().unwrap_or_else(|| "verdicts".to_string());
    Verdicts::from_toml_str(&v.text).map(Some).map_err(|e| {
        let text = e.to_string();
        let (line, column) = place_in(&text);
        ErrorBody::new(
            ErrorKind::Verdicts,
            format!("invalid verdict file `{name}`: {text}"),
        )
        .at(&name, line, column)
    })
}

/// `r`, with the verdicts applied when there are some.
fn reviewed(mut r: crate::rules::AuditReport, v: Option<&Verdicts>) -> crate::rules::AuditReport {
    if let Some(v) = v {
        v.apply(&mut r);
    }
    r
}

/// "line L, column C" (or "line L column C") in a message.
fn place_in(text: &str) -> (Option<u32>, Option<u32>) {
    let num_after = |key: &str| -> Option<u32> {
        let i = text.find(key)? + key.len();
        let digits: String = text
            .get(i..)?
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    (num_after("line"), num_after("column"))
}

fn run(request: &Request) -> Result<Body, ErrorBody> {
    match request {
        Request::Import { document } => {
            let l = load(document)?;
            Ok(Body::Import(ImportResult {
                input: l.input,
                import: object(&l.import)?,
            }))
        }
        Request::Audit {
            parent,
            child,
            config: c,
            verdicts: v,
        } => {
            let cfg = config(c.as_ref())?;
            let v = verdicts(v.as_ref())?;
            let (p, c) = (load(parent)?, load(child)?);
            let r = reviewed(
                crate::rules::audit(&p.import.plan, &c.import.plan, &cfg),
                v.as_ref(),
            );
            Ok(Body::Audit(AuditReport::from_rules(
                r,
                Some(p.input),
                c.input,
            )))
        }
        Request::Fleet {
            parent,
            children,
            config: c,
            verdicts: v,
        } => {
            let cfg = config(c.as_ref())?;
            let v = verdicts(v.as_ref())?;
            let p = load(parent)?;
            let kids = load_all(children)?;
            let auditor = crate::Auditor::new(&p.import.plan);
            let reports = kids
                .into_iter()
                .map(|k| {
                    let r = reviewed(auditor.audit_rules(&k.import.plan, &cfg), v.as_ref());
                    AuditReport::from_rules(r, Some(p.input.clone()), k.input)
                })
                .collect();
            Ok(Body::Fleet(Reports { reports }))
        }
        Request::Cascade {
            parents,
            children,
            config: c,
            verdicts: v,
        } => {
            let cfg = config(c.as_ref())?;
            let v = verdicts(v.as_ref())?;
            let ps = load_all(parents)?;
            let kids: Vec<Loaded> = children.iter().map(load).collect::<Result<_, _>>()?;
            let mut reports = Vec::new();
            for pair in ps.windows(2) {
                if let [upper, lower] = pair {
                    let r = reviewed(
                        crate::rules::audit(&upper.import.plan, &lower.import.plan, &cfg),
                        v.as_ref(),
                    );
                    reports.push(AuditReport::from_rules(
                        r,
                        Some(upper.input.clone()),
                        lower.input.clone(),
                    ));
                }
            }
            if let Some(last) = ps.last() {
                let auditor = crate::Auditor::new(&last.import.plan);
                for k in kids {
                    let r = reviewed(auditor.audit_rules(&k.import.plan, &cfg), v.as_ref());
                    reports.push(AuditReport::from_rules(
                        r,
                        Some(last.input.clone()),
                        k.input,
                    ));
                }
            }
            Ok(Body::Cascade(Reports { reports }))
        }
        Request::Check {
            documents,
            config: c,
        } => {
            let cfg = config(c.as_ref())?;
            let docs = load_all(documents)?;
            let reports = docs
                .into_iter()
                .map(|d| {
                    let r = crate::rules::check(&d.import.plan, &cfg);
                    AuditReport::from_rules(r, None, d.input)
                })
                .collect();
            Ok(Body::Check(Reports { reports }))
        }
        Request::Lift { documents, to } => {
            let docs = load_all(documents)?;
            let plans: Vec<Plan> = docs.iter().map(|d| d.import.plan.clone()).collect();
            let to = match to {
                Some(LiftLevel::National) => Level::National,
                Some(LiftLevel::Province) => Level::Province,
                None => plans
                    .iter()
                    .filter_map(|p| p.level)
                    .min()
                    .and_then(Level::up)
                    .unwrap_or(Level::National),
            };
            let result = match plans.as_slice() {
                [one] => object(&crate::rules::lift(one, to))?,
                many => object(&crate::rules::consensus(many, to, &Config::default()))?,
            };
            Ok(Body::Lift(LiftResult {
                inputs: docs.into_iter().map(|d| d.input).collect(),
                result,
            }))
        }
        Request::Calendar {
            documents,
            from,
            to,
        } => {
            let docs = load_all(documents)?;
            let plans: Vec<Plan> = docs.iter().map(|d| d.import.plan.clone()).collect();
            let window = calendar_window(&plans, &docs, *from, *to)?;
            let w = window.unwrap_or_else(|| Window::years(2000, 2000));
            let mut cal = crate::calendar::calendar(&plans, w);
            cal.window = window;
            Ok(Body::Calendar(CalendarResult {
                inputs: docs.into_iter().map(|d| d.input).collect(),
                result: object(&cal)?,
            }))
        }
    }
}

/// The calendar's window: `from` and `to`, each defaulting to the plans'
/// own span (see `obligraph calendar --help`); `None` when no plan gives a
/// span and none needs one.
fn calendar_window(
    plans: &[Plan],
    docs: &[Loaded],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Option<Window>, ErrorBody> {
    let own = crate::calendar::default_window(plans);
    let (from, to) = match (from, to, own) {
        (Some(f), Some(t), _) => (f, t),
        (Some(f), None, Some(w)) if w.end >= f => (f, w.end),
        (Some(f), None, _) => (f, Window::years(f.year(), f.year().saturating_add(4)).end),
        (None, Some(t), Some(w)) if w.start <= t => (w.start, t),
        (None, Some(t), _) => (Window::years(t.year().saturating_sub(4), t.year()).start, t),
        (None, None, Some(w)) => (w.start, w.end),
        (None, None, None) if !plans.iter().any(crate::calendar::needs_window) => return Ok(None),
        (None, None, None) => {
            let names: Vec<String> = docs
                .iter()
                .map(|d| format!("`{}`", d.input.name.as_deref().unwrap_or(&d.input.label)))
                .collect();
            return Err(ErrorBody::new(
                ErrorKind::Usage,
                format!(
                    "{}: no validity, date or year in the plan to place its deadlines; give `from` and `to`",
                    names.join(", ")
                ),
            ));
        }
    };
    if to < from {
        return Err(ErrorBody::new(
            ErrorKind::Usage,
            format!("`to` {to} is before `from` {from}"),
        ));
    }
    Ok(Some(Window::new(from, to)))
}

/// `value` as a JSON object (the results the contract carries whole).
fn object<T: Serialize>(
    value: &T,
) -> Result<serde_json::Map<String, serde_json::Value>, ErrorBody> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(mut m)) => {
            strip_nulls(&mut m);
            Ok(m)
        }
        Ok(_) => Err(ErrorBody::new(
            ErrorKind::Usage,
            "internal: the result is not a JSON object",
        )),
        Err(e) => Err(ErrorBody::new(
            ErrorKind::Usage,
            format!("internal: cannot serialise the result: {e}"),
        )),
    }
}

/// Absent means absent: members whose value is `null` are left out, at
/// every depth (array items stay as they are).
fn strip_nulls(m: &mut serde_json::Map<String, serde_json::Value>) {
    m.retain(|_, v| !v.is_null());
    for v in m.values_mut() {
        strip_value(v);
    }
}

fn strip_value(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => strip_nulls(m),
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_value),
        _ => {}
    }
}

/// The JSON Schemas of the contract, generated from the types: `(file
/// name, schema)` for `request.schema.json` and `response.schema.json`,
/// as committed under `schemas/`.
pub fn schemas() -> Vec<(&'static str, String)> {
    let pretty = |s: schemars::Schema| {
        let mut t = serde_json::to_string_pretty(&s).unwrap_or_default();
        t.push('\n');
        t
    };
    vec![
        (
            "request.schema.json",
            pretty(schemars::schema_for!(Request)),
        ),
        (
            "response.schema.json",
            pretty(schemars::schema_for!(Response)),
        ),
    ]
}
