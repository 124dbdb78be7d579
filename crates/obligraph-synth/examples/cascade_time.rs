//! Median time of the national cascade audit over a few runs:
//! `cargo run --release -p obligraph-synth --example cascade_time -- 7`
use obligraph_rules::Config;
use obligraph_synth::eval::audit_cascade;
use std::time::Instant;

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(7), |s| s.parse())?;
    let (_, full) = common::national_cascade()?;
    let cfg = Config::default();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut drops = Vec::new();
    for _ in 0..runs {
        let c = cpu_seconds();
        let t = Instant::now();
        let audit = std::hint::black_box(audit_cascade(&full, &cfg));
        let d = Instant::now();
        drop(audit);
        drops.push(d.elapsed().as_secs_f64());
        times.push(t.elapsed().as_secs_f64());
        cpu.push(cpu_seconds() - c);
    }
    drops.sort_by(f64::total_cmp);
    println!(
        "of which dropping the reports: median {:.3} s",
        drops.get(drops.len() / 2).copied().unwrap_or(0.0)
    );
    cpu.sort_by(f64::total_cmp);
    println!(
        "cpu (user+sys, all threads): median {:.3} s",
        cpu.get(cpu.len() / 2).copied().unwrap_or(0.0)
    );
    times.sort_by(f64::total_cmp);
    let med = times.get(times.len() / 2).copied().unwrap_or(0.0);
    println!(
        "cascade audit: median {:.3} s over {runs} runs (min {:.3}, max {:.3})",
        med,
        times.first().copied().unwrap_or(0.0),
        times.last().copied().unwrap_or(0.0)
    );
    Ok(())
}

/// User + system time of the process so far (Linux, 100 ticks a second).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th
    // after the command name.
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}
