//! `chart()`'s finished figures, kept for the process: a unit's page, a
//! yearly summary and the articles often draw the same chart (same figures,
//! same words), and `serve` renders pages again on every change.
//!
//! The key is the whole input of the figure's bytes: the chart's model
//! (every label, value and formatted number, the kind and the number
//! style) and the figure's interface words, kept and compared whole, so
//! two charts never share a figure. (A model with a NaN value is never
//! equal to itself: it is drawn each time.)
//!
//! The memo is bounded by bytes in two generations: new figures go to the
//! young one; when it holds [`GENERATION`] bytes it becomes the old one
//! and the former old one is dropped; a figure found in the old one moves
//! back to the young one. So a long `serve` keeps what it keeps drawing,
//! and never more than about twice [`GENERATION`].

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

use super::html::FigureWords;
use super::{Chart, Data, Item};

/// Bytes of figures and keys in one generation: about 150 figures of a
/// bar and a trend chart. A key is counted as large as its figure (it is
/// a fraction of it).
const GENERATION: usize = 4 << 20;

/// Figures larger than this (a comparison of hundreds of units) are not
/// kept: a few would push out everything else.
const LARGEST: usize = GENERATION / 16;

/// What a figure's bytes depend on.
pub struct Key {
    /// The model, as drawn.
    pub chart: Chart,
    /// The figure's words, each followed by a NUL.
    words: String,
    /// [`Key::digest`], worked out once: the memo's lock is held while it
    /// is looked up, and its tables grow by hashing every key again.
    hash: u64,
}

impl Key {
    /// The key of a model drawn with these words.
    pub fn new(chart: Chart, words: &FigureWords<'_>) -> Key {
        let mut all = String::with_capacity(128);
        for w in words.all() {
            all.push_str(w);
            all.push('\0');
        }
        let mut key = Key {
            chart,
            words: all,
            hash: 0,
        };
        let mut h = std::hash::DefaultHasher::new();
        key.digest(&mut h);
        key.hash = h.finish();
        key
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && self.words == other.words && self.chart == other.chart
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.hash);
    }
}

impl Key {
    /// A hash of the parts that tell charts apart (equal keys hash alike:
    /// zero and minus zero hash alike, as they are equal).
    fn digest<H: Hasher>(&self, h: &mut H) {
        let value = |h: &mut H, v: f64| h.write_u64(if v == 0.0 { 0 } else { v.to_bits() });
        let items = |h: &mut H, items: &[Item]| {
            for i in items {
                i.label.hash(h);
                value(h, i.value);
            }
        };
        let c = &self.chart;
        c.kind.name().hash(h);
        c.title.hash(h);
        c.period.hash(h);
        match &c.data {
            Data::Bars { items: i, .. }
            | Data::Shares { items: i, .. }
            | Data::Line { items: i, .. } => items(h, i),
            Data::Stacks { stacks, .. } => {
                for s in stacks {
                    s.label.hash(h);
                    items(h, &s.parts);
                }
            }
        }
    }
}

#[derive(Default)]
struct Memo {
    young: HashMap<Key, Arc<str>>,
    old: HashMap<Key, Arc<str>>,
    /// Bytes counted for `young`.
    bytes: usize,
}

impl Memo {
    fn insert(&mut self, key: Key, html: Arc<str>) {
        let size = 2 * html.len();
        if self.young.insert(key, html).is_none() {
            self.bytes += size;
        }
        if self.bytes > GENERATION {
            self.old = std::mem::take(&mut self.young);
            self.bytes = 0;
        }
    }
}

static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(|| Mutex::new(Memo::default()));

fn memo() -> MutexGuard<'static, Memo> {
    // A panic while the lock was held leaves whole entries only.
    MEMO.lock().unwrap_or_else(|e| e.into_inner())
}

/// The figure drawn for `key`, if it is kept.
pub fn get(key: &Key) -> Option<Arc<str>> {
    let mut m = memo();
    if let Some(html) = m.young.get(key) {
        return Some(Arc::clone(html));
    }
    let (key, html) = m.old.remove_entry(key)?;
    m.insert(key, Arc::clone(&html));
    Some(html)
}

/// Keeps the figure drawn for `key`.
pub fn put(key: Key, html: &str) {
    if html.len() <= LARGEST {
        memo().insert(key, Arc::from(html));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Kind;

    fn key(title: &str, value: f64, words: &crate::theme::Words) -> Key {
        let chart = Chart {
            kind: Kind::Bar,
            title: title.into(),
            period: "2023".into(),
            source: None,
            note: None,
            data: Data::Bars {
                items: vec![Item {
                    label: "a".into(),
                    long: "a".into(),
                    value,
                    shown: "1".into(),
                }],
                highlight: None,
            },
            row_header: String::new(),
            scale: crate::data::MetricUnit::Count,
            style: crate::format::Style::vi(),
        };
        Key::new(chart, &FigureWords::new(words))
    }

    #[test]
    fn keys_tell_models_and_words_apart() {
        let theme = crate::theme::Theme::builtin();
        let (vi, en) = (theme.words("vi"), theme.words("en"));
        let mut m = Memo::default();
        m.insert(key("t", 1.0, &vi), Arc::from("vi"));
        m.insert(key("t", 1.0, &en), Arc::from("en"));
        m.insert(key("t", 0.0, &vi), Arc::from("zero"));
        assert_eq!(m.young.len(), 3);
        assert_eq!(m.young.get(&key("t", 1.0, &en)).map(|h| &**h), Some("en"));
        assert_eq!(
            m.young.get(&key("t", -0.0, &vi)).map(|h| &**h),
            Some("zero")
        );
        assert!(!m.young.contains_key(&key("t", 2.0, &vi)));
        assert!(!m.young.contains_key(&key("u", 1.0, &vi)));
    }

    #[test]
    fn generations_bound_the_bytes_and_keep_what_is_used() {
        let words = crate::theme::Theme::builtin().words("vi");
        let mut m = Memo::default();
        let figure: Arc<str> = Arc::from("x".repeat(GENERATION / 8).as_str());
        for n in 0..4 {
            m.insert(key(&n.to_string(), 1.0, &words), Arc::clone(&figure));
        }
        // Four figures (counted twice) filled the young generation: it
        // became the old one.
        assert_eq!((m.young.len(), m.old.len()), (4, 0));
        m.insert(key("4", 1.0, &words), Arc::clone(&figure));
        assert_eq!((m.young.len(), m.old.len(), m.bytes), (0, 5, 0));
        // Inserting a key twice counts it once.
        m.insert(key("again", 1.0, &words), Arc::clone(&figure));
        m.insert(key("again", 1.0, &words), Arc::clone(&figure));
        assert_eq!(m.bytes, 2 * figure.len());
    }
}
