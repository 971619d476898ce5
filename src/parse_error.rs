//! Errors of the third-party parsers (serde, the YAML scanner, the CSV
//! reader) in baocao's own words. They arrive as English text; this is the
//! edge where that text is read once and turned into a sentence that has
//! a Vietnamese entry in `messages`, so no parser's English reaches an
//! officer. Anything not recognised becomes a general sentence, never the
//! original text.

use crate::messages::{Msg, Part};

/// serde's names of what was found or expected, in plain words.
fn kind(word: &str) -> Part {
    let w = word.trim();
    match w {
        "usize" | "u64" | "u32" | "u16" | "u8" => Part::KindCount,
        "i64" | "i32" | "isize" => Part::KindWholeNumber,
        "f64" | "f32" | "floating point" => Part::KindNumber,
        "a boolean" | "boolean" => Part::KindBool,
        "a string" | "string" => Part::KindText,
        "a sequence" | "sequence" => Part::KindList,
        "a map" | "map" => Part::KindMap,
        "unit value" | "null" => Part::KindNothing,
        "integer" => Part::KindWholeNumber,
        _ if w.starts_with("struct ") || w.starts_with("a map") => Part::KindMap,
        _ if w.starts_with("enum ") => Part::KindWord,
        _ => Part::KindOther,
    }
}

/// The backquoted words of `text`: "`a`, `b` or `c`" → [a, b, c].
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A serde or YAML error message (without its " at line …" suffix) in
/// baocao's words.
pub fn yaml(message: &str) -> Part {
    // A field path comes first: "units[2].level: invalid type: …".
    let (path, rest) = match message.find(": ") {
        Some(i)
            if !message[..i].contains(' ')
                && !message.starts_with("invalid")
                && !message.starts_with("unknown") =>
        {
            (
                Some(message[..i].trim_start_matches('.')),
                &message[i + 2..],
            )
        }
        _ => (None, message),
    };
    let rest = rest.split(", while ").next().unwrap_or(rest);
    let said = if let Some(r) = rest.strip_prefix("missing field ") {
        crate::msg!(Part::FieldMissing, quoted(r).first().unwrap_or(&""))
    } else if let Some(r) = rest.strip_prefix("unknown field ") {
        let words = quoted(r);
        match words.split_first() {
            Some((field, [])) => crate::msg!(Part::NoField, field),
            Some((field, allowed)) => {
                crate::msg!(Part::NoFieldOf, field, allowed.join(", "))
            }
            None => Part::StrayField,
        }
    } else if let Some(r) = rest.strip_prefix("unknown variant ") {
        let words = quoted(r);
        match words.split_first() {
            Some((word, allowed)) => {
                crate::msg!(Part::NotAllowedWord, word, allowed.join(", "))
            }
            None => Part::NotAllowedSomeWord,
        }
    } else if let Some(r) = rest.strip_prefix("duplicate field ") {
        crate::msg!(Part::FieldWrittenTwice, quoted(r).first().unwrap_or(&""))
    } else if let Some(r) = rest
        .strip_prefix("invalid type: ")
        .or_else(|| rest.strip_prefix("invalid value: "))
    {
        let (found, expected) = r.split_once(", expected ").unwrap_or((r, ""));
        let found_kind = found.split(' ').next().unwrap_or(found);
        let value = quoted(found).first().map(|v| format!("`{v}`")).or_else(|| {
            found
                .split_once('"')
                .and_then(|(_, v)| v.rsplit_once('"'))
                .map(|(v, _)| format!("\"{v}\""))
        });
        match value {
            Some(value) => {
                crate::msg!(
                    Part::WrongKindOfValue,
                    value,
                    kind(found_kind),
                    kind(expected)
                )
            }
            None => crate::msg!(Part::WrongKind, kind(found_kind), kind(expected)),
        }
    } else if rest.starts_with("data did not match any variant") {
        Part::WrongShape
    } else if rest.starts_with("mapping values are not allowed") {
        Part::StrayColon
    } else if rest.starts_with("found unexpected end of stream") {
        Part::EndsInsideValue
    } else if rest.contains("tab character") {
        Part::TabIndent
    } else if rest.starts_with("found character that cannot start any token") {
        Part::NeedsQuotes
    } else if rest.starts_with("did not find expected")
        || rest.starts_with("found unknown escape")
        || rest.starts_with("found undefined")
        || rest.starts_with("block sequence entries are not allowed")
    {
        Part::Misaligned
    } else if rest.starts_with("control characters are not allowed") {
        Part::ControlCharacterInFile
    } else if rest.starts_with("recursion limit exceeded") {
        Part::ValuesNestedTooDeep
    } else {
        Part::UnexpectedText
    };
    match path {
        Some(p) if !p.is_empty() => crate::msg!(Part::AtPath, p, said),
        _ => said,
    }
}

/// Splits a pattern at its `{}` slots and matches it against a text,
/// returning the values in the slots. A slot takes the shortest text that
/// lets the rest match; the last slot takes what remains.
fn captures<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut caps = Vec::new();
    for (n, piece) in pieces.iter().enumerate().skip(1) {
        if n == pieces.len() - 1 {
            caps.push(rest.strip_suffix(piece)?);
            rest = "";
        } else {
            let at = rest.find(piece)?;
            caps.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
    }
    rest.is_empty().then_some(caps)
}

/// Tera's own sentences that baocao shows as they are (in English), each
/// with its message.
fn tera_own(m: &str) -> Option<Msg> {
    let one = |pattern: &str| captures(pattern, m).map(|c| c[0].to_string());
    let two = |pattern: &str| captures(pattern, m).map(|c| (c[0].to_string(), c[1].to_string()));
    if let Some(f) = one("Unknown function `{}`") {
        Some(crate::msg!(Msg::UnknownFunction, f))
    } else if let Some(f) = one("Unknown filter `{}`") {
        Some(crate::msg!(Msg::UnknownFilter, f))
    } else if let Some((found, expected)) = two("Found {} but expected {}.") {
        Some(crate::msg!(Msg::FoundButExpected, found, expected))
    } else if m == "Unexpected end of input" {
        Some(Msg::UnexpectedEndInput)
    } else if m == "Unexpected character" {
        Some(Msg::UnexpectedCharacter)
    } else if let Some((expected, got)) =
        two("Invalid type for the value, expected `{}` but got `{}`")
    {
        Some(crate::msg!(Msg::InvalidTypeValueExpected, expected, got))
    } else if let Some(a) = one("Missing keyword argument `{}`") {
        Some(crate::msg!(Msg::MissingKeywordArgument, a))
    } else if let Some((field, rest)) = two("Field `{}` is not defined. {}") {
        // " Available fields: a, b" follows when the value has fields.
        let rest = match rest.strip_prefix("Available fields: ") {
            Some(fields) => crate::messages::Text::from(crate::msg!(Part::AvailableFields, fields)),
            None => crate::messages::Text::from(rest),
        };
        Some(Msg::FieldNotDefined(field.into(), rest))
    } else if m == "Tried to render a variable that is undefined" {
        Some(Msg::RenderedUndefined)
    } else {
        None
    }
}

/// A template engine (Tera) error in baocao's words: the few sentences of
/// Tera's that are shown as they are, the others reworded.
pub fn template(message: &str) -> Msg {
    if let Some(own) = tera_own(message) {
        return own;
    }
    let m = message.trim();
    let first_quoted = || quoted(m).first().map(|s| s.to_string()).unwrap_or_default();
    if m.starts_with("Closing comment tag") {
        Msg::CommentNotClosed
    } else if m.starts_with("Invalid syntax for `set`")
        || m.starts_with("Invalid syntax for `set_global`")
    {
        Msg::BadSet
    } else if m.contains("divide by 0") || m.contains("division by zero") {
        Msg::DivisionZero
    } else if m.contains("nesting is too deep")
        || m.contains("too complex")
        || m.contains("maximum of 2 dimensions")
    {
        Msg::TemplateNestsTooDeep
    } else if m.starts_with("Found ") && m.contains("but expected") {
        crate::msg!(Msg::NotExpectedHere, first_quoted())
    } else if m.starts_with("Function `range` would produce") {
        Msg::RangeTooLong
    } else if m.starts_with("Circular include") || m.contains("circular") {
        Msg::TemplateIncludesItself
    } else if m.starts_with("Unknown template") || m.starts_with("Template not found") {
        crate::msg!(Msg::NoTemplate, first_quoted())
    } else if m.starts_with("Unknown tag") && !first_quoted().is_empty() {
        crate::msg!(Msg::NoTag, first_quoted())
    } else if m.starts_with("Unknown tag") {
        Msg::UnknownTag
    } else if m.starts_with("Variable `") && m.contains("is not defined") {
        crate::msg!(Msg::NoVariable, first_quoted())
    } else if m.starts_with("Math operations can only be done on numbers")
        || m.starts_with("`+` requires both operands to be numbers")
    {
        Msg::ArithmeticNeedsNumbers
    } else if m.starts_with("Cannot compare") {
        Msg::CannotCompare
    } else if m.starts_with("Tried to iterate") || m.contains("cannot be iterated") {
        Msg::NotALoopList
    } else {
        Msg::TemplateFailed
    }
}

/// A CSV reader error in baocao's words.
pub fn csv(message: &str) -> Part {
    if message.contains("found record with") {
        let numbers: Vec<&str> = message
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        // "record 1 (line: 2, byte: 9): found record with 5 fields, but the
        // previous record has 4 fields"
        if let [.., found, previous] = numbers.as_slice() {
            return crate::msg!(Part::RowWidthMismatch, found, previous);
        }
    }
    if message.contains("invalid UTF-8") {
        return Part::NotUtf8Text;
    }
    Part::BadCsvRow
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml_en(message: &str) -> String {
        yaml(message).en()
    }

    fn csv_en(message: &str) -> String {
        csv(message).en()
    }

    #[test]
    fn serde_and_yaml_errors_in_our_words() {
        assert_eq!(
            yaml_en("missing field `unit`"),
            "the field `unit` is missing"
        );
        assert_eq!(
            yaml_en("unknown field `x`, expected one of `unit`, `n`"),
            "there is no field `x`; the fields are unit, n"
        );
        assert_eq!(
            yaml_en("n: invalid type: integer `-1`, expected usize"),
            "at `n`: this `-1` is a whole number, where a whole number of 0 or more is expected"
        );
        assert_eq!(
            yaml_en("b: invalid type: string \"yes\", expected a boolean"),
            "at `b`: this \"yes\" is text, where true or false is expected"
        );
        assert_eq!(
            yaml_en(".[0].n: invalid type: sequence, expected usize"),
            "at `[0].n`: this is a list, where a whole number of 0 or more is expected"
        );
        assert_eq!(
            yaml_en("l: unknown variant `town`, expected `province` or `city`"),
            "at `l`: `town` is not allowed here; write one of province, city"
        );
        assert_eq!(
            yaml_en("duplicate field `unit`"),
            "the field `unit` is written twice"
        );
        assert!(
            yaml_en("data did not match any variant of untagged enum RawFile").contains("shape")
        );
        assert!(yaml_en("found a tab character that violates indentation").contains("tab"));
        assert!(!yaml_en("something new from a later serde").contains("serde"));
        assert_eq!(
            csv_en(
                "CSV error: record 1 (line: 2, byte: 9): found record with 5 fields, but the previous record has 4 fields"
            ),
            "this row has 5 cells where the header has 4"
        );
    }

    #[test]
    fn tera_sentences_become_messages() {
        assert_eq!(
            template("Unknown function `metrc`"),
            crate::msg!(Msg::UnknownFunction, "metrc")
        );
        let found = template("Found `}}` but expected an identifier.");
        assert_eq!(found.en(), "Found `}}` but expected an identifier.");
        assert_eq!(found.code(), "E0522");
        assert_eq!(
            template("Found `x` but expected `/` or `>`"),
            crate::msg!(Msg::NotExpectedHere, "x")
        );
        let field = template("Field `y` is not defined. Available fields: a, b");
        assert_eq!(
            field.en(),
            "Field `y` is not defined. Available fields: a, b"
        );
        assert_eq!(
            field.text(crate::messages::Lang::Vi),
            "không có trường `y`. các trường hiện có: a, b"
        );
        assert_eq!(template("Cannot compare x"), Msg::CannotCompare);
        assert_eq!(template("something else"), Msg::TemplateFailed);
    }
}
