//! A load test of `obligraph serve`: the real-pair audit (Ngô Quyền
//! against Bình Thuận) posted by 1, 8 and 64 clients at once, in phases
//! bounded in requests and seconds:
//!
//! - `new`: both documents new in every request (each with a last line
//!   naming the request);
//! - `repeated`: the parent repeated, the child Ngô Quyền with such a last
//!   line: its obligations' texts are the same in every request, so the
//!   parent index's memo of derived texts answers most of the matching;
//! - `varied`: the parent repeated, the children the plans written for
//!   Bình Thuận's decision (`examples/data/written/`) and Ngô Quyền in
//!   turn, with one word of every long line left out, a different word in
//!   every request: the obligations' texts are new to the server in every
//!   request, as from different writers;
//! - `same` (not run unless asked): both documents repeated, the same
//!   pair in every request, as a plan re-audited.
//!
//! Prints throughput, p50/p99 latency and the server's peak memory
//! (VmHWM of its /proc status).
//!
//! ```text
//! cargo build --release --bin obligraph --example serve_load
//! target/release/examples/serve_load [--seconds 4] [--requests 4000] [--clients 1,8,64] [--phases new,repeated,varied] [--workers N] [-- SERVE ARGS]
//! ```
//!
//! `--against OLD --turns N` compares two builds: the server and `OLD`
//! (another build's `obligraph`) run in turns, old first, `N` times each
//! with the same flags, and the medians per build are printed with the
//! load average before each run.
//!
//! The server is `obligraph` beside this example's directory (or
//! `--server PATH`), started on a free loopback port and stopped by
//! SIGTERM at the end (its exit status is checked).
#![forbid(unsafe_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Args {
    server: PathBuf,
    seconds: f64,
    requests: usize,
    clients: Vec<usize>,
    phases: Vec<Phase>,
    workers: Option<usize>,
    /// Another build to compare with, in turns.
    against: Option<PathBuf>,
    turns: usize,
    /// Arguments after `--`, passed to `obligraph serve`.
    extra: Vec<String>,
}

fn args() -> Result<Args, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut a = Args {
        server: exe
            .parent()
            .and_then(|p| p.parent())
            .map(|p| p.join("obligraph"))
            .unwrap_or_else(|| PathBuf::from("obligraph")),
        seconds: 4.0,
        requests: 4000,
        clients: vec![1, 8, 64],
        phases: vec![Phase::New, Phase::Repeated, Phase::Varied],
        workers: None,
        against: None,
        turns: 3,
        extra: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        if k == "--" {
            a.extra = it.by_ref().collect();
            break;
        }
        let v = it.next().ok_or_else(|| format!("{k} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{k} {v}: {e}");
        match k.as_str() {
            "--server" => a.server = PathBuf::from(&v),
            "--against" => a.against = Some(PathBuf::from(&v)),
            "--turns" => a.turns = v.parse().map_err(|e| bad(&e))?,
            "--seconds" => a.seconds = v.parse().map_err(|e| bad(&e))?,
            "--requests" => a.requests = v.parse().map_err(|e| bad(&e))?,
            "--workers" => a.workers = Some(v.parse().map_err(|e| bad(&e))?),
            "--clients" => {
                a.clients = v
                    .split(',')
                    .map(|c| c.trim().parse::<usize>().map_err(|e| bad(&e)))
                    .collect::<Result<_, _>>()?;
            }
            "--phases" => {
                a.phases = v
                    .split(',')
                    .map(|p| {
                        Phase::of(p.trim()).ok_or_else(|| bad(&"new, repeated, varied or same"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            _ => return Err(format!("unknown argument {k}")),
        }
    }
    Ok(a)
}

/// What the requests of a phase send.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Both documents new in every request.
    New,
    /// The parent repeated, the same child with a new last line.
    Repeated,
    /// The parent repeated, children of other words in every request.
    Varied,
    /// Both documents repeated.
    Same,
}

impl Phase {
    fn of(s: &str) -> Option<Phase> {
        match s {
            "new" => Some(Phase::New),
            "repeated" => Some(Phase::Repeated),
            "varied" => Some(Phase::Varied),
            "same" => Some(Phase::Same),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Phase::New => "both new",
            Phase::Repeated => "parent repeated",
            Phase::Varied => "parent repeated, children varied",
            Phase::Same => "both repeated",
        }
    }
}

/// The text of `examples/data/{dir}/{name}`.
fn data(dir: &str, name: &str) -> Result<String, String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("examples/data/{dir}/{name}"));
    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
}

fn seed(name: &str) -> Result<String, String> {
    data("seeds", &format!("{name}.txt"))
}

/// The plans written for Bình Thuận's decision, as children of its plan
/// (the README of `examples/data/written/` names each one's reference).
fn written_children() -> Result<Vec<(String, String)>, String> {
    let readme = data("written", "README.md")?;
    readme
        .lines()
        .filter_map(|l| {
            let mut cells = l.strip_prefix("| `")?.split('`');
            let plan = cells.next()?;
            let reference = cells.nth(1)?;
            (reference == "binh-thuan-qd87-2023.txt").then_some(plan)
        })
        .map(|name| Ok((name.to_string(), data("written", name)?)))
        .collect()
}

/// `text` with one word of every line of at least eight words left out,
/// which word by `n` (never one of the first three, which may number the
/// line or open a role, nor the last, nor one holding a tab).
fn varied(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        let words: Vec<&str> = line.split(' ').collect();
        let choices: Vec<usize> = (3..words.len().saturating_sub(1))
            .filter(|&k| words.len() >= 8 && !words[k].contains('\t'))
            .collect();
        let drop = (!choices.is_empty()).then(|| choices[mix(n, i) % choices.len()]);
        let kept: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(k, _)| Some(*k) != drop)
            .map(|(_, w)| *w)
            .collect();
        out.push_str(&kept.join(" "));
        out.push('\n');
    }
    out
}

/// A well-mixed number of `n` and `i` (splitmix64's finaliser).
fn mix(n: usize, i: usize) -> usize {
    let mut z = (n as u64)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(i as u64);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as usize
}

/// A JSON string literal of `s` (without the closing quote when `open`).
fn literal(s: &str) -> Result<String, String> {
    serde_json::to_string(s).map_err(|e| e.to_string())
}

/// The request bodies: `n` makes a document new (a last line naming it,
/// or the words left out of a varied child).
struct Bodies {
    parent: String,
    child: String,
    /// The children of the varied phase, by file name.
    children: Vec<(String, String)>,
}

impl Bodies {
    fn body(&self, n: usize, phase: Phase) -> Vec<u8> {
        let parent = if phase == Phase::New {
            format!("{}\n(bản {n})\n", self.parent)
        } else {
            self.parent.clone()
        };
        let (name, child) = match self.children.get(n % self.children.len().max(1)) {
            Some((name, text)) if phase == Phase::Varied => (name.as_str(), varied(text, n)),
            _ if phase == Phase::Same => ("ngo-quyen-102-2023.txt", self.child.clone()),
            _ => (
                "ngo-quyen-102-2023.txt",
                format!("{}\n(bản {n})\n", self.child),
            ),
        };
        // Serialised by hand around the two texts: the client's own work
        // stays small beside the server's.
        format!(
            "{{\"op\":\"audit\",\"parent\":{{\"name\":\"binh-thuan-qd87-2023.txt\",\"text\":{}}},\"child\":{{\"name\":{},\"text\":{}}}}}",
            literal(&parent).unwrap_or_default(),
            literal(name).unwrap_or_default(),
            literal(&child).unwrap_or_default()
        )
        .into_bytes()
    }
}

fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The server's CPU time so far (user + system), from /proc/PID/stat.
fn cpu_time(pid: u32) -> Option<Duration> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses).
    let rest = s.get(s.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(Duration::from_millis(ticks * 10))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// One phase's figures.
struct Row {
    clients: usize,
    phase: Phase,
    per_s: f64,
    p50: f64,
    p99: f64,
    cpu_ms: f64,
}

/// The 1-minute load average.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() -> Result<(), String> {
    let a = args()?;
    let child = seed("ngo-quyen-102-2023")?;
    let mut children = written_children()?;
    children.push(("ngo-quyen-102-2023.txt".to_string(), child.clone()));
    let bodies = Bodies {
        parent: seed("binh-thuan-qd87-2023")?,
        child,
        children,
    };
    let Some(old) = a.against.clone() else {
        return run(&a, &a.server, &bodies).map(|_| ());
    };
    // Old and new in turns, old first; medians per build.
    let mut runs: Vec<(&str, String, Vec<Row>)> = Vec::new();
    for turn in 1..=a.turns {
        for (build, server) in [("old", &old), ("new", &a.server)] {
            let load = load_average();
            println!(
                "\n{build} build, turn {turn}, load average {load}: {}",
                server.display()
            );
            runs.push((build, load, run(&a, server, &bodies)?));
        }
    }
    println!(
        "\nmedians of {} turns each (load averages: {}):",
        a.turns,
        {
            let l: Vec<&str> = runs.iter().map(|r| r.1.as_str()).collect();
            l.join(", ")
        }
    );
    println!("| clients | documents | build | audits/s | p50 ms | p99 ms | server CPU ms/audit |");
    println!("|---|---|---|---|---|---|---|");
    let phases: Vec<(usize, Phase)> = runs
        .first()
        .map(|r| r.2.iter().map(|x| (x.clients, x.phase)).collect())
        .unwrap_or_default();
    for (clients, phase) in phases {
        for build in ["old", "new"] {
            let rows: Vec<&Row> = runs
                .iter()
                .filter(|r| r.0 == build)
                .flat_map(|r| &r.2)
                .filter(|x| x.clients == clients && x.phase == phase)
                .collect();
            let m = |f: fn(&Row) -> f64| median(rows.iter().map(|r| f(r)).collect());
            println!(
                "| {clients} | {} | {build} | {:.0} | {:.1} | {:.1} | {:.2} |",
                phase.name(),
                m(|r| r.per_s),
                m(|r| r.p50),
                m(|r| r.p99),
                m(|r| r.cpu_ms)
            );
        }
    }
    Ok(())
}

/// Starts `server`, runs every phase, stops it; the phases' figures.
fn run(a: &Args, server: &std::path::Path, bodies: &Bodies) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let mut cmd = Command::new(server);
    cmd.args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(w) = a.workers {
        cmd.args(["--workers", &w.to_string()]);
    }
    cmd.args(&a.extra);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", server.display()))?;
    let pid = child.id();
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let mut lines = BufReader::new(stderr).lines();
    let mut addr = None;
    for line in lines.by_ref() {
        let line = line.map_err(|e| e.to_string())?;
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        if v["fields"]["message"] == "listening" {
            addr = v["fields"]["addr"].as_str().map(str::to_string);
            break;
        }
    }
    let addr = addr.ok_or("the server did not say where it listens")?;
    // The request log goes on; read it so that the pipe never fills.
    let drain = std::thread::spawn(move || lines.count());
    let url = format!("http://{addr}/v1/audit");
    println!(
        "server pid {pid} at {addr}; cores {}; phases of at most {} s and {} requests",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        a.seconds,
        a.requests
    );
    println!("| clients | documents | requests | audits/s | p50 ms | p99 ms | max ms | server CPU ms/audit | server VmHWM MiB |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let counter = AtomicUsize::new(0);
    let mut failures = 0usize;
    for &clients in &a.clients {
        for &phase in &a.phases {
            let budget = AtomicUsize::new(0);
            let deadline = Instant::now() + Duration::from_secs_f64(a.seconds);
            let start = Instant::now();
            let cpu0 = cpu_time(pid).unwrap_or_default();
            let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..clients)
                    .map(|_| {
                        s.spawn(|| {
                            let agent: ureq::Agent = ureq::Agent::config_builder()
                                .http_status_as_error(false)
                                .build()
                                .into();
                            let mut lat = Vec::new();
                            let mut bad = 0;
                            while Instant::now() < deadline
                                && budget.fetch_add(1, Ordering::Relaxed) < a.requests
                            {
                                let n = counter.fetch_add(1, Ordering::Relaxed);
                                let body = bodies.body(n, phase);
                                let t = Instant::now();
                                let ok = agent
                                    .post(&url)
                                    .header("content-type", "application/json")
                                    .send(&body[..])
                                    .ok()
                                    .and_then(|mut r| {
                                        let st = r.status().as_u16();
                                        r.body_mut()
                                            .with_config()
                                            .limit(64 << 20)
                                            .read_to_vec()
                                            .ok()
                                            .map(|_| st)
                                    });
                                lat.push(t.elapsed());
                                if ok != Some(200) {
                                    bad += 1;
                                }
                            }
                            (lat, bad)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_default())
                    .collect()
            });
            let wall = start.elapsed();
            let cpu = cpu_time(pid).unwrap_or_default().saturating_sub(cpu0);
            let mut all: Vec<Duration> = results.iter().flat_map(|r| r.0.clone()).collect();
            failures += results.iter().map(|r| r.1).sum::<usize>();
            all.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            rows.push(Row {
                clients,
                phase,
                per_s: all.len() as f64 / wall.as_secs_f64(),
                p50: ms(percentile(&all, 0.50)),
                p99: ms(percentile(&all, 0.99)),
                cpu_ms: ms(cpu) / all.len().max(1) as f64,
            });
            println!(
                "| {clients} | {} | {} | {:.0} | {:.1} | {:.1} | {:.1} | {:.2} | {:.1} |",
                phase.name(),
                all.len(),
                all.len() as f64 / wall.as_secs_f64(),
                ms(percentile(&all, 0.50)),
                ms(percentile(&all, 0.99)),
                ms(all.last().copied().unwrap_or_default()),
                ms(cpu) / all.len().max(1) as f64,
                status_kib(pid, "VmHWM:").unwrap_or(0) as f64 / 1024.0
            );
        }
    }
    println!(
        "failed requests (not 200): {failures}; server VmHWM {:.1} MiB, VmRSS now {:.1} MiB",
        status_kib(pid, "VmHWM:").unwrap_or(0) as f64 / 1024.0,
        status_kib(pid, "VmRSS:").unwrap_or(0) as f64 / 1024.0
    );
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let status = child.wait().map_err(|e| e.to_string())?;
    let _ = drain.join();
    println!("server stopped by SIGTERM: {status}");
    if failures > 0 || !status.success() {
        return Err(format!("{failures} failed requests; server {status}"));
    }
    Ok(rows)
}
