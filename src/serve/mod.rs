//! # The HTTP service
//!
//! `obligraph serve --bind 127.0.0.1:8080`: the [JSON contract](crate::contract)
//! over HTTP. `POST /v1/import`, `/v1/audit`, `/v1/check`, `/v1/lift` and
//! `/v1/calendar` take the contract's request as JSON (`op` included) or
//! as a multipart form of files, and answer with the bytes
//! [`contract::handle`](crate::contract::handle) gives for that request.
//! `GET /openapi.json` is the OpenAPI 3.1 document (built from the same
//! schemas), `GET /healthz` says the service is up.
//!
//! Answers: 200 for a response, else the contract's error response with
//! 400 (a request that is not JSON, not a request, or another endpoint's
//! op), 413 (larger than `--max-body`), 408 (longer than `--timeout`) or
//! 422 (a document, the settings or the request's sense). Never 5xx for
//! bad input. Logs are JSON lines on stderr.
//!
//! Limits: the body size, a time limit per request, a limit on requests
//! in flight (more wait), and at most `--workers` requests computing at
//! once (the rest wait for a worker). An audit's parent is imported and
//! indexed once per content, its child imported once per content, each
//! kept in a bounded cache (`--cache-entries`, `--cache-mib`).
//!
//! ```no_run
//! let mut options = obligraph::serve::Options::default();
//! options.bind = "127.0.0.1:0".parse().unwrap();
//! let server = obligraph::serve::spawn(&options).unwrap();
//! println!("listening on {}", server.local_addr());
//! server.stop().unwrap();
//! ```

mod cache;
mod openapi;

use crate::contract::{
    self, Body as Answer, ConfigInput, Document, ErrorBody, ErrorKind, ErrorResult, Request,
    Response as Reply,
};
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::sync::Arc;
use std::time::Duration;

/// How the service runs.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The address to listen on (port 0: any free port).
    pub bind: SocketAddr,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// The longest a request may take, waiting included.
    pub timeout: Duration,
    /// Requests handled at once; more wait their turn.
    pub max_in_flight: usize,
    /// Requests computing at once (threads doing the work).
    pub workers: usize,
    /// Parents kept imported and indexed, and children kept imported, as
    /// many of each (0: no cache).
    pub cache_entries: usize,
    /// The memory of each of the two caches, estimated, in bytes.
    pub cache_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: 8 << 20,
            timeout: Duration::from_secs(30),
            max_in_flight: 256,
            workers: std::thread::available_parallelism().map_or(2, NonZeroUsize::get),
            cache_entries: 64,
            cache_bytes: 256 << 20,
        }
    }
}

/// Why the service could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime or its thread could not start.
    #[error("cannot start the server: {0}")]
    Start(std::io::Error),
    /// Serving failed.
    #[error("the server stopped on an error: {0}")]
    Serve(std::io::Error),
}

/// What every request sees.
struct App {
    cache: Option<cache::ParentCache>,
    workers: Arc<tokio::sync::Semaphore>,
    max_body: usize,
    timeout: Duration,
    openapi: Bytes,
}

/// The `serve` command's arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    bind: SocketAddr,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    max_body: usize,
    /// Longest a request may take, in seconds (waiting included).
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    /// Requests handled at once; more wait their turn.
    #[arg(long, default_value_t = 256, value_name = "N")]
    max_in_flight: usize,
    /// Requests computing at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
    /// Audit parents kept imported and indexed, and audit children kept
    /// imported, as many of each (0: no cache).
    #[arg(long, default_value_t = 64, value_name = "N")]
    cache_entries: usize,
    /// Memory of each of the two caches (parents, children), estimated, in MiB.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    cache_mib: usize,
}

impl ServeArgs {
    /// The options these arguments give.
    pub fn options(&self) -> Options {
        let d = Options::default();
        Options {
            bind: self.bind,
            max_body_bytes: self.max_body,
            timeout: Duration::from_secs(self.timeout),
            max_in_flight: self.max_in_flight.max(1),
            workers: self.workers.unwrap_or(d.workers).max(1),
            cache_entries: self.cache_entries,
            cache_bytes: self.cache_mib.saturating_mul(1 << 20),
        }
    }
}

/// Serves until SIGTERM or Ctrl-C, logging JSON lines to stderr; requests
/// in flight are finished first.
pub fn run(options: &Options) -> Result<(), ServeError> {
    // A second subscriber (a test that runs twice) keeps the first.
    let _ = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::INFO)
        .with_writer(std::io::stderr)
        .with_current_span(true)
        .try_init();
    let rt = runtime(options)?;
    rt.block_on(async {
        let listener = listen(options.bind)?;
        let addr = listener.local_addr().map_err(ServeError::Start)?;
        tracing::info!(
            addr = %addr,
            workers = options.workers,
            max_in_flight = options.max_in_flight,
            max_body_bytes = options.max_body_bytes,
            timeout_s = options.timeout.as_secs_f64(),
            cache_entries = options.cache_entries,
            cache_bytes = options.cache_bytes,
            "listening"
        );
        axum::serve(listener, router(options))
            .with_graceful_shutdown(async {
                signal().await;
                tracing::info!("shutting down: finishing the requests in flight");
            })
            .await
            .map_err(ServeError::Serve)?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// A server running on its own threads, for tests and embedders: stopped
/// by [`Server::stop`] or when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

impl Server {
    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops it gracefully (requests in flight are finished) and waits.
    pub fn stop(mut self) -> Result<(), ServeError> {
        self.shut()
    }

    fn shut(&mut self) -> Result<(), ServeError> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(ServeError::Serve(std::io::Error::other(
                "the server thread panicked",
            ))),
            None => Ok(()),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.shut();
    }
}

/// Starts a server on its own threads (no logging set up, no signals
/// handled) and returns once it listens.
pub fn spawn(options: &Options) -> Result<Server, ServeError> {
    let rt = runtime(options)?;
    let listener = rt.block_on(async { listen(options.bind) })?;
    let addr = listener.local_addr().map_err(ServeError::Start)?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let app = router(options);
    let thread = std::thread::Builder::new()
        .name("obligraph-serve".into())
        .spawn(move || {
            rt.block_on(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await
                    .map_err(ServeError::Serve)
            })
        })
        .map_err(ServeError::Start)?;
    Ok(Server {
        addr,
        stop: Some(tx),
        thread: Some(thread),
    })
}

fn runtime(options: &Options) -> Result<tokio::runtime::Runtime, ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(options.workers.max(1))
        .thread_name("obligraph-serve")
        .enable_all()
        .build()
        .map_err(ServeError::Start)
}

fn listen(addr: SocketAddr) -> Result<tokio::net::TcpListener, ServeError> {
    let bind = |source| ServeError::Bind { addr, source };
    let l = std::net::TcpListener::bind(addr).map_err(bind)?;
    l.set_nonblocking(true).map_err(bind)?;
    tokio::net::TcpListener::from_std(l).map_err(bind)
}

/// SIGTERM or Ctrl-C.
async fn signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

fn router(options: &Options) -> Router {
    let cache = NonZeroUsize::new(options.cache_entries)
        .map(|n| cache::ParentCache::new(n, options.cache_bytes));
    let openapi = serde_json::to_vec_pretty(&openapi::document()).unwrap_or_default();
    let app = Arc::new(App {
        cache,
        workers: Arc::new(tokio::sync::Semaphore::new(options.workers.max(1))),
        max_body: options.max_body_bytes,
        timeout: options.timeout,
        openapi: Bytes::from(openapi),
    });
    let mut v1 = Router::new();
    for (op, _) in openapi::OPS {
        v1 = v1.route(
            &format!("/v1/{op}"),
            post(
                move |State(app): State<Arc<App>>, req: axum::extract::Request| async move {
                    endpoint(app, op, req).await
                },
            ),
        );
    }
    let v1 = v1
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            options.max_in_flight.max(1),
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            time_limit,
        ));
    Router::new()
        .route("/healthz", get(health))
        .route("/openapi.json", get(openapi_json))
        .merge(v1)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(
            // One line per request: its method, path and version (the
            // span) with its status and latency.
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(
                    tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::INFO),
                )
                .on_response(
                    tower_http::trace::DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Micros),
                ),
        )
        .with_state(app)
}

/// The contract's error response with `status`.
fn error(status: StatusCode, kind: ErrorKind, message: String) -> Response {
    let reply = Reply::new(Answer::Error(ErrorResult {
        error: ErrorBody {
            kind,
            message,
            file: None,
            line: None,
            column: None,
        },
    }));
    json(status, contract::to_json(&reply))
}

fn json(status: StatusCode, bytes: impl Into<Body>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        bytes.into(),
    )
        .into_response()
}

async fn health(State(app): State<Arc<App>>) -> Response {
    let v = serde_json::json!({
        "status": "ok",
        "tool_version": contract::TOOL_VERSION,
        "parent_cache": app.cache.as_ref().map(cache::ParentCache::stats),
        "child_cache": app.cache.as_ref().map(cache::ParentCache::child_stats),
    });
    json(StatusCode::OK, serde_json::to_vec(&v).unwrap_or_default())
}

async fn openapi_json(State(app): State<Arc<App>>) -> Response {
    json(StatusCode::OK, app.openapi.clone())
}

const ENDPOINTS: &str =
    "POST /v1/import, /v1/audit, /v1/check, /v1/lift, /v1/calendar; GET /openapi.json, /healthz";

async fn not_found(uri: axum::http::Uri) -> Response {
    error(
        StatusCode::NOT_FOUND,
        ErrorKind::Request,
        format!(
            "no endpoint `{}`; the endpoints are {ENDPOINTS}",
            uri.path()
        ),
    )
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorKind::Request,
        format!(
            "`{method} {}` is not served; the endpoints are {ENDPOINTS}",
            uri.path()
        ),
    )
}

/// The time limit, waiting for a turn included.
async fn time_limit(
    State(app): State<Arc<App>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match tokio::time::timeout(app.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => error(
            StatusCode::REQUEST_TIMEOUT,
            ErrorKind::Request,
            format!(
                "the request took longer than the limit of {} s",
                app.timeout.as_secs_f64()
            ),
        ),
    }
}

fn too_large(max: usize) -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorKind::Request,
        format!("the request is larger than the limit of {max} bytes"),
    )
}

/// One `POST /v1/{op}`.
async fn endpoint(app: Arc<App>, op: &'static str, req: axum::extract::Request) -> Response {
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.max_body as u64) {
        return too_large(app.max_body);
    }
    let bytes = match read_body(body, app.max_body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let request_json = if is_multipart(&parts.headers) {
        let req = axum::extract::Request::from_parts(parts, Body::from(bytes));
        match form_request(op, req).await {
            Ok(j) => Bytes::from(j),
            Err(r) => return r,
        }
    } else {
        bytes
    };
    let Ok(permit) = Arc::clone(&app.workers).acquire_owned().await else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Request,
            "the server is shutting down".into(),
        );
    };
    let worker_app = Arc::clone(&app);
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        answer(&worker_app, op, &request_json)
    })
    .await;
    match done {
        Ok((status, bytes)) => json(status, bytes),
        Err(e) => {
            tracing::error!(error = %e, "the request's work failed");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorKind::Usage,
                "internal error: the request's work failed".into(),
            )
        }
    }
}

async fn read_body(body: Body, max: usize) -> Result<Bytes, Response> {
    use http_body_util::BodyExt as _;
    match http_body_util::Limited::new(body, max).collect().await {
        Ok(c) => Ok(c.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(too_large(max)),
        Err(e) => Err(error(
            StatusCode::BAD_REQUEST,
            ErrorKind::Request,
            format!("cannot read the request body: {e}"),
        )),
    }
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// The op a request is for.
fn op_of(request: &Request) -> &'static str {
    match request {
        Request::Import { .. } => "import",
        Request::Audit { .. } => "audit",
        Request::Fleet { .. } => "fleet",
        Request::Cascade { .. } => "cascade",
        Request::Check { .. } => "check",
        Request::Lift { .. } => "lift",
        Request::Calendar { .. } => "calendar",
    }
}

/// The contract's answer to `body` posted to `/v1/{op}`, with its status:
/// what [`contract::handle`] gives, an audit's parent through the cache.
fn answer(app: &App, op: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let request = match contract::parse_request(body) {
        Ok(r) => r,
        Err(e) => {
            let reply = Reply::new(Answer::Error(ErrorResult { error: e }));
            return (StatusCode::BAD_REQUEST, contract::to_json(&reply));
        }
    };
    let asked = op_of(&request);
    if asked != op {
        let reply = Reply::new(Answer::Error(ErrorResult {
            error: ErrorBody {
                kind: ErrorKind::Request,
                message: format!(
                    "`/v1/{op}` takes `\"op\": \"{op}\"`, not `\"{asked}\"` (the endpoints are {ENDPOINTS})"
                ),
                file: Some("request".into()),
                line: None,
                column: None,
            },
        }));
        return (StatusCode::BAD_REQUEST, contract::to_json(&reply));
    }
    let reply = match (&request, &app.cache) {
        (
            // A request with review verdicts takes the contract's own path
            // (the cache answers plain audits).
            Request::Audit {
                parent,
                child,
                config,
                verdicts: None,
            },
            Some(cache),
        ) => cache.audit(parent, child, config.as_ref()),
        _ => contract::respond(&request),
    };
    let status = match reply.error().map(|e| e.kind) {
        None => StatusCode::OK,
        Some(ErrorKind::Request) => StatusCode::BAD_REQUEST,
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    (status, contract::to_json(&reply))
}

/// A document sent as a file: text when UTF-8 and not a Word document,
/// else its bytes (the contract then says what it cannot read).
fn file_document(name: String, data: &[u8]) -> Document {
    let docx = name.to_ascii_lowercase().ends_with(".docx");
    match std::str::from_utf8(data) {
        Ok(t) if !docx => Document::text(name, t),
        _ => Document::bytes(name, data),
    }
}

/// A multipart form as the contract's request JSON: files by the member
/// they fill (`document`; `parent`, `child`; `documents`, repeated),
/// `config` a settings file, `to` and `from` text.
async fn form_request(op: &str, req: axum::extract::Request) -> Result<Vec<u8>, Response> {
    let bad = |msg: String| error(StatusCode::BAD_REQUEST, ErrorKind::Request, msg);
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|e| bad(format!("invalid multipart form: {}", e.body_text())))?;
    let takes: &[&str] = match op {
        "import" => &["document"],
        "audit" => &["parent", "child", "config"],
        "check" => &["documents", "config"],
        "lift" => &["documents", "to"],
        _ => &["documents", "from", "to"],
    };
    let mut request = serde_json::Map::new();
    request.insert("op".into(), op.into());
    let mut documents = Vec::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| bad(format!("invalid multipart form: {}", e.body_text())))?
    {
        let name = field.name().unwrap_or_default().to_string();
        if !takes.contains(&name.as_str()) {
            return Err(bad(format!(
                "`/v1/{op}` takes no form field `{name}` (it takes {})",
                takes
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let file = field.file_name().map(str::to_string);
        let data = field
            .bytes()
            .await
            .map_err(|e| bad(format!("invalid multipart form: {}", e.body_text())))?;
        let value = match name.as_str() {
            "documents" => {
                documents.push(file_document(file.unwrap_or_else(|| name.clone()), &data));
                continue;
            }
            "document" | "parent" | "child" => {
                serde_json::to_value(file_document(file.unwrap_or_else(|| name.clone()), &data))
            }
            "config" => {
                let text = String::from_utf8(data.to_vec())
                    .map_err(|_| bad("the form's `config` is not UTF-8 text".into()))?;
                serde_json::to_value(ConfigInput { name: file, text })
            }
            _ => {
                let text = std::str::from_utf8(&data)
                    .map_err(|_| bad(format!("the form's `{name}` is not UTF-8 text")))?;
                Ok(serde_json::Value::String(text.trim().to_string()))
            }
        };
        let value = value.map_err(|e| bad(format!("cannot read the form: {e}")))?;
        if request.insert(name.clone(), value).is_some() {
            return Err(bad(format!("the form gives `{name}` twice")));
        }
    }
    if !documents.is_empty() {
        let docs = serde_json::to_value(documents)
            .map_err(|e| bad(format!("cannot read the form: {e}")))?;
        request.insert("documents".into(), docs);
    }
    serde_json::to_vec(&request).map_err(|e| bad(format!("cannot read the form: {e}")))
}
