//! All message wording, as types. A diagnostic's message is a [`Msg`]
//! variant, its hint a [`Hint`], a clause inside either a [`Part`]; each
//! variant holds its values, and its code and its English and Vietnamese
//! wording come from one table entry, so a message without a translation
//! does not compile. Values are [`Text`]: written as given, or another
//! message shown in the same language.

use std::path::Path;

/// Declares a message enum from a table of
/// `Variant(fields) = "code", "English", "Vietnamese";` entries, where
/// `{}` in the wording stands for the fields in order.
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$doc:meta])*
                $variant:ident $( ( $($field:ident),* ) )? = $code:literal, $en:literal, $vi:literal;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum $name {
            $(
                $(#[$doc])*
                $variant $( ( $( $crate::messages::text_field!($field) ),* ) )?,
            )*
        }

        impl $name {
            /// Its table entry and values.
            pub(crate) fn entry(&self) -> $crate::messages::Entry<'_> {
                match self {
                    $(
                        Self::$variant $( ( $($field),* ) )? => $crate::messages::Entry {
                            code: $code,
                            en: $en,
                            vi: $vi,
                            values: vec![ $( $($field),* )? ],
                        },
                    )*
                }
            }

            /// The wording in a language, values filled in.
            pub fn text(&self, lang: $crate::messages::Lang) -> String {
                self.entry().text(lang)
            }

            /// The English wording, values filled in (for tests and logs).
            pub fn en(&self) -> String {
                self.text($crate::messages::Lang::En)
            }

            /// One of each variant, its values placeholders: for the tests
            /// that check every entry.
            #[cfg(test)]
            pub(crate) fn samples() -> Vec<Self> {
                vec![
                    $(
                        Self::$variant $( ( $( $crate::messages::sample_field!($field) ),* ) )?,
                    )*
                ]
            }
        }
    };
}

/// The type of every message field.
macro_rules! text_field {
    ($f:ident) => {
        $crate::messages::Text
    };
}

/// A placeholder value for a message field.
#[cfg(test)]
macro_rules! sample_field {
    ($f:ident) => {
        $crate::messages::Text::Plain(concat!("«", stringify!($f), "»").to_string())
    };
}

#[cfg(test)]
pub(crate) use sample_field;
pub(crate) use text_field;

mod hint;
mod msg;
mod part;
mod status;

pub use hint::Hint;
pub use msg::Msg;
pub use part::Part;
pub use status::Status;

/// Builds a message variant from values that convert into [`Text`]:
/// `msg!(Msg::UnknownUnit, id)`. Values are borrowed, as in `format!`.
#[macro_export]
macro_rules! msg {
    ($variant:path $(, $value:expr)* $(,)?) => {
        $variant($($crate::messages::Text::from(&$value)),*)
    };
}

/// The language diagnostics are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// `BAOCAO_LANG` (`vi` / `en`) when set, else the site's `language`,
    /// else Vietnamese.
    pub fn for_site(root: &Path) -> Lang {
        if let Ok(v) = std::env::var("BAOCAO_LANG") {
            return if v.starts_with("en") {
                Lang::En
            } else {
                Lang::Vi
            };
        }
        // Only `language:` is read here, as text: messages come before
        // the loader, which reports a bad `site.yaml` in these words.
        #[derive(serde::Deserialize)]
        struct Only {
            #[serde(default)]
            language: Option<String>,
        }
        let text = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
        // Deep nesting takes the YAML reader quadratic time before it
        // fails: such a file is left to the loader, which reports it.
        if crate::yaml_depth::yaml_too_deep(&text).is_some() {
            return Lang::Vi;
        }
        match yaml_serde::from_str::<Only>(&text).map(|o| o.language) {
            Ok(Some(l)) if l.trim() == "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// A fixed word of a report in this language.
    pub fn word(self, word: Word) -> &'static str {
        let (en, vi) = match word {
            Word::Error => ("error", "lỗi"),
            Word::Warning => ("warning", "cảnh báo"),
            Word::Hint => ("hint", "gợi ý"),
            Word::Errors => ("errors", "lỗi"),
            Word::Warnings => ("warnings", "cảnh báo"),
            Word::And => ("and", "và"),
            Word::NothingWritten => (
                "nothing was written: fix the errors above and run the command again",
                "chưa ghi tệp nào: sửa các lỗi trên rồi chạy lại lệnh",
            ),
        };
        match self {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }
}

/// The fixed words of a diagnostic report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// Heads an error.
    Error,
    /// Heads a warning.
    Warning,
    /// Heads a hint.
    Hint,
    /// "3 errors".
    Errors,
    /// "3 warnings".
    Warnings,
    /// Joins the counts.
    And,
    /// Closes a failed run.
    NothingWritten,
}

/// A value shown inside a message: text as given (a name, a number, a
/// path), or a message of its own shown in the same language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Text {
    /// Shown as written, cut in the middle when very long.
    Plain(String),
    /// A message inside another.
    Msg(Box<Msg>),
    /// A clause or a word.
    Part(Box<Part>),
    /// A hint inside a message.
    Hint(Box<Hint>),
    /// A status line's clause or count.
    Status(Box<Status>),
    /// A number with `places` decimals, `value` in units of the last one:
    /// `0.02` in English, `0,02` in Vietnamese.
    Decimal {
        /// The number times 10^places, rounded.
        value: i64,
        /// Decimals shown.
        places: u8,
    },
    /// Several values, shown one after another, `; ` between them: every
    /// problem of one call, not only the first.
    List(Vec<Text>),
}

impl Text {
    /// The value in a language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Text::Plain(s) => cut(s),
            Text::Msg(m) => m.text(lang),
            Text::Part(p) => p.text(lang),
            Text::Hint(h) => h.text(lang),
            Text::Status(s) => s.text(lang),
            Text::Decimal { value, places } => {
                let v = *value as f64 / 10f64.powi(i32::from(*places));
                match lang {
                    Lang::En => format!("{v:.*}", usize::from(*places)),
                    Lang::Vi => crate::format::num(v, Some(usize::from(*places))),
                }
            }
            Text::List(items) => items
                .iter()
                .map(|t| t.text(lang))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// `value` shown with `places` decimals in each language's style.
    pub fn decimal(value: f64, places: u8) -> Text {
        Text::Decimal {
            value: (value * 10f64.powi(i32::from(places))).round() as i64,
            places,
        }
    }
}

impl<T: std::fmt::Display> From<T> for Text {
    fn from(value: T) -> Self {
        Text::Plain(value.to_string())
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Text::Msg(Box::new(m))
    }
}

impl From<Part> for Text {
    fn from(p: Part) -> Self {
        Text::Part(Box::new(p))
    }
}

impl From<Hint> for Text {
    fn from(h: Hint) -> Self {
        Text::Hint(Box::new(h))
    }
}

impl From<&Msg> for Text {
    fn from(m: &Msg) -> Self {
        Text::Msg(Box::new(m.clone()))
    }
}

impl From<&Part> for Text {
    fn from(p: &Part) -> Self {
        Text::Part(Box::new(p.clone()))
    }
}

impl From<&Hint> for Text {
    fn from(h: &Hint) -> Self {
        Text::Hint(Box::new(h.clone()))
    }
}

impl From<Status> for Text {
    fn from(s: Status) -> Self {
        Text::Status(Box::new(s))
    }
}

impl From<&Status> for Text {
    fn from(s: &Status) -> Self {
        Text::Status(Box::new(s.clone()))
    }
}

impl From<&Text> for Text {
    fn from(t: &Text) -> Self {
        t.clone()
    }
}

/// Where in a spreadsheet a fault is, shown after its message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A cell of a named sheet: "(sheet `2021`, cell D4)".
    Cell {
        /// The sheet's name.
        sheet: String,
        /// The cell, e.g. `D4`.
        cell: String,
    },
    /// A cell of a CSV file: "(line 2, column C)".
    Line {
        /// 1-based line.
        line: usize,
        /// Column letters.
        column: String,
    },
    /// A whole sheet.
    Sheet(String),
    /// The only table of a CSV file.
    Csv,
}

impl Place {
    /// " (sheet `x`, cell D4)" in a language, with its leading space.
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Place::Cell { sheet, cell } if vi => format!(" (trang tính `{sheet}`, ô {cell})"),
            Place::Cell { sheet, cell } => format!(" (sheet `{sheet}`, cell {cell})"),
            Place::Line { line, column } if vi => format!(" (dòng {line}, cột {column})"),
            Place::Line { line, column } => format!(" (line {line}, column {column})"),
            Place::Sheet(sheet) if vi => format!(" (trang tính `{sheet}`)"),
            Place::Sheet(sheet) => format!(" (sheet `{sheet}`)"),
            Place::Csv if vi => " (tệp CSV)".to_string(),
            Place::Csv => " (the CSV file)".to_string(),
        }
    }
}

/// One table entry with the values of a message.
pub(crate) struct Entry<'a> {
    /// `E0203`, or empty for parts and hints.
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) vi: &'static str,
    pub(crate) values: Vec<&'a Text>,
}

impl Entry<'_> {
    fn text(&self, lang: Lang) -> String {
        let pattern = match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        };
        let mut out = String::new();
        for (n, piece) in pattern.split("{}").enumerate() {
            if n > 0 {
                if let Some(value) = self.values.get(n - 1) {
                    out.push_str(&value.text(lang));
                }
            }
            out.push_str(piece);
        }
        out
    }
}

impl Msg {
    /// The message's code, e.g. `E0203`.
    pub fn code(&self) -> &'static str {
        self.entry().code
    }
}

/// The longest value shown inside a message, in characters: a value can
/// be a whole line, or a whole file, of broken input.
const MAX_VALUE: usize = 200;

/// A long value cut in the middle, `…` marking the cut.
fn cut(value: &str) -> String {
    let n = value.chars().count();
    if n <= MAX_VALUE {
        return value.to_string();
    }
    let head: String = value.chars().take(MAX_VALUE * 2 / 3).collect();
    let tail: String = value.chars().skip(n - MAX_VALUE / 4).collect();
    format!("{head} … {tail}")
}

impl Part {
    /// What the operating system said about a file or a port, in words of
    /// the site's language where the kind of failure is known.
    pub fn io(e: &std::io::Error) -> Part {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => Part::IoNotFound,
            K::PermissionDenied => Part::IoPermission,
            K::AlreadyExists => Part::IoExists,
            K::IsADirectory => Part::IoIsFolder,
            K::NotADirectory => Part::IoNotFolder,
            K::StorageFull => Part::IoFull,
            K::ReadOnlyFilesystem => Part::IoReadOnly,
            K::AddrInUse => Part::IoInUse,
            _ => crate::msg!(Part::IoOther, e),
        }
    }
}

#[cfg(test)]
mod tests;
