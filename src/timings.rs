//! `BAOCAO_TIMINGS=1`: where a build spends its time, stage by stage, on
//! standard error (wall and processor seconds since the build began), for
//! whoever profiles baocao. Silent otherwise.

use std::sync::OnceLock;
use std::time::Instant;

/// When timing is on: the moment the first mark was asked for.
fn start() -> Option<&'static Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    START
        .get_or_init(|| std::env::var_os("BAOCAO_TIMINGS").map(|_| Instant::now()))
        .as_ref()
}

/// Prints `stage` with the time so far, when timing is on.
pub fn mark(stage: &dyn std::fmt::Debug) {
    if let Some(start) = start() {
        eprintln!(
            "{:>8.3} s wall {:>8.3} s cpu  {stage:?}",
            start.elapsed().as_secs_f64(),
            cpu_seconds()
        );
    }
}

/// The processor time this process has used so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, after the command name's `)`:
    // user and system time in clock ticks (100 a second on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}
