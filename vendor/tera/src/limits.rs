//! baocao patch: bounds on the work of one render, so that a template can
//! neither run for ever nor exhaust memory. Upstream tera 2.4.0 has no such
//! bound (it caps `range` only). Limits are per thread and apply to the
//! renders run inside [`with_limits`]; outside it nothing is bounded.

use std::cell::Cell;

/// The bounds of one render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Instructions the template may execute.
    pub steps: u64,
    /// Bytes the template may write, its output and captures together.
    pub output_bytes: usize,
    /// Bytes of the longest string the template may build.
    pub string_bytes: usize,
}

/// Which bound a render went over, with the bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// More instructions than `Limits::steps`.
    Steps(u64),
    /// A string longer than `Limits::string_bytes`.
    String(usize),
    /// More output than `Limits::output_bytes`.
    Output(usize),
}

#[derive(Clone, Copy)]
struct Budget {
    limits: Limits,
    steps: u64,
    written: usize,
    exceeded: Option<Exceeded>,
}

/// The bound the current render went over, if it did: the caller reports
/// it in its own words. Read inside [`with_limits`].
pub fn exceeded() -> Option<Exceeded> {
    BUDGET.with(|b| b.get().and_then(|b| b.exceeded))
}

/// Records the first bound a render goes over.
fn record(e: Exceeded) {
    BUDGET.with(|b| {
        if let Some(mut budget) = b.get() {
            budget.exceeded.get_or_insert(e);
            b.set(Some(budget));
        }
    });
}

thread_local! {
    static BUDGET: Cell<Option<Budget>> = const { Cell::new(None) };
}

/// Runs `f` with the renders inside it bounded by `limits`. Nests: an inner
/// call has its own budget and the outer one is restored after it.
pub fn with_limits<T>(limits: Limits, f: impl FnOnce() -> T) -> T {
    let outer = BUDGET.with(|b| {
        b.replace(Some(Budget {
            limits,
            steps: 0,
            written: 0,
            exceeded: None,
        }))
    });
    struct Restore(Option<Budget>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            BUDGET.with(|b| b.set(outer));
        }
    }
    let _restore = Restore(outer);
    f()
}

fn update(f: impl FnOnce(&mut Budget) -> Result<(), String>) -> Result<(), String> {
    BUDGET.with(|b| match b.get() {
        None => Ok(()),
        Some(mut budget) => {
            let r = f(&mut budget);
            b.set(Some(budget));
            r
        }
    })
}

/// Counts one executed instruction.
pub(crate) fn step() -> Result<(), String> {
    update(|b| {
        b.steps += 1;
        if b.steps > b.limits.steps {
            b.exceeded.get_or_insert(Exceeded::Steps(b.limits.steps));
            Err(format!(
                "the template did more than {} steps of work (a loop that never ends, or too many nested loops?)",
                b.limits.steps
            ))
        } else {
            Ok(())
        }
    })
}

/// Checks that a string of `len` bytes may be built.
pub(crate) fn string(len: usize) -> Result<(), String> {
    update(|b| {
        if len > b.limits.string_bytes {
            b.exceeded.get_or_insert(Exceeded::String(b.limits.string_bytes));
            Err(format!(
                "the template built a text of more than {} bytes",
                b.limits.string_bytes
            ))
        } else {
            Ok(())
        }
    })
}

/// Counts `n` bytes written to the output or a capture.
pub(crate) fn wrote(n: usize) -> Result<(), String> {
    update(|b| {
        b.written = b.written.saturating_add(n);
        if b.written > b.limits.output_bytes {
            b.exceeded.get_or_insert(Exceeded::Output(b.limits.output_bytes));
            Err(format!(
                "the template wrote more than {} bytes",
                b.limits.output_bytes
            ))
        } else {
            Ok(())
        }
    })
}

/// A writer that counts what goes through it against the budget, so a
/// single huge value fails while it is written instead of after.
pub(crate) struct Counted<'a, W: std::io::Write + ?Sized>(pub &'a mut W);

impl<W: std::io::Write + ?Sized> std::io::Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        wrote(buf.len()).map_err(std::io::Error::other)?;
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The message for an exhausted output budget, if it is.
pub(crate) fn over() -> Option<String> {
    BUDGET.with(|b| {
        b.get()
            .filter(|b| b.written > b.limits.output_bytes)
            .map(|b| format!("the template wrote more than {} bytes", b.limits.output_bytes))
    })
}

/// Checks that `value`, written out as text, stays within the string
/// budget; the walk stops as soon as it is over, so it costs at most the
/// budget however much the value shares.
pub(crate) fn value(value: &crate::Value) -> Result<(), String> {
    use crate::value::ValueInner;
    fn walk(v: &crate::Value, left: &mut usize) -> bool {
        let size = match &v.inner {
            ValueInner::String(s) => s.len(),
            ValueInner::Bytes(b) => b.len(),
            ValueInner::Array(items) => {
                for item in items.iter() {
                    if !walk(item, left) {
                        return false;
                    }
                }
                items.len() * 2 + 2
            }
            ValueInner::Map(map) => {
                for (_, item) in map.iter() {
                    if !walk(item, left) {
                        return false;
                    }
                }
                map.len() * 40 + 2
            }
            _ => 40,
        };
        match left.checked_sub(size) {
            Some(rest) => {
                *left = rest;
                true
            }
            None => false,
        }
    }
    let limit = BUDGET.with(|b| b.get().map(|b| b.limits.string_bytes));
    match limit {
        Some(limit) if !walk(value, &mut limit.clone()) => {
            record(Exceeded::String(limit));
            Err(format!("the template built a text of more than {limit} bytes"))
        }
        _ => Ok(()),
    }
}

/// Charges `n` steps of work, for functions that cost more than one
/// instruction (a chart is drawn in one call).
pub fn charge(n: u64) -> Result<(), String> {
    update(|b| {
        b.steps = b.steps.saturating_add(n);
        if b.steps > b.limits.steps {
            b.exceeded.get_or_insert(Exceeded::Steps(b.limits.steps));
            Err(format!(
                "the template did more than {} steps of work (a loop that never ends, or too many nested loops?)",
                b.limits.steps
            ))
        } else {
            Ok(())
        }
    })
}

/// Charges the work of walking `value` (one step per element, one per 64
/// bytes of text), stopping as soon as the budget is spent.
pub(crate) fn charge_value(value: &crate::Value) -> Result<(), String> {
    use crate::value::ValueInner;
    fn walk(v: &crate::Value, left: &mut u64) -> bool {
        let own = match &v.inner {
            ValueInner::String(s) => 1 + s.len() as u64 / 64,
            ValueInner::Bytes(b) => 1 + b.len() as u64 / 64,
            ValueInner::Array(items) => {
                for item in items.iter() {
                    if !walk(item, left) {
                        return false;
                    }
                }
                1
            }
            ValueInner::Map(map) => {
                for (_, item) in map.iter() {
                    if !walk(item, left) {
                        return false;
                    }
                }
                1
            }
            _ => 1,
        };
        match left.checked_sub(own) {
            Some(rest) => {
                *left = rest;
                true
            }
            None => false,
        }
    }
    let left = BUDGET.with(|b| b.get().map(|b| b.limits.steps.saturating_sub(b.steps)));
    let Some(mut left) = left else {
        return Ok(());
    };
    let before = left;
    if walk(value, &mut left) {
        charge(before - left)
    } else {
        charge(before.saturating_add(1))
    }
}
