//! Errors of the third-party parsers (serde, the YAML scanner, the CSV
//! reader) in baocao's own words. They arrive as English text; this is the
//! edge where that text is read once and turned into a sentence that has
//! a Vietnamese entry in `messages`, so no parser's English reaches an
//! officer. Anything not recognised becomes a general sentence, never the
//! original text.

/// serde's names of what was found or expected, in plain words.
fn kind(word: &str) -> String {
    let w = word.trim();
    let plain = match w {
        "usize" | "u64" | "u32" | "u16" | "u8" => "a whole number of 0 or more",
        "i64" | "i32" | "isize" => "a whole number",
        "f64" | "f32" | "floating point" => "a number",
        "a boolean" | "boolean" => "true or false",
        "a string" | "string" => "text",
        "a sequence" | "sequence" => "a list",
        "a map" | "map" => "a set of `key: value` lines",
        "unit value" | "null" => "nothing",
        "integer" => "a whole number",
        _ if w.starts_with("struct ") || w.starts_with("a map") => "a set of `key: value` lines",
        _ if w.starts_with("enum ") => "one of the allowed words",
        _ => "another kind of value",
    };
    plain.to_string()
}

/// The backquoted words of `text`: "`a`, `b` or `c`" → [a, b, c].
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A serde or YAML error message (without its " at line …" suffix) in
/// baocao's words.
pub fn yaml(message: &str) -> String {
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
        format!(
            "the field `{}` is missing",
            quoted(r).first().unwrap_or(&"")
        )
    } else if let Some(r) = rest.strip_prefix("unknown field ") {
        let words = quoted(r);
        match words.split_first() {
            Some((field, [])) => format!("there is no field `{field}`"),
            Some((field, allowed)) => {
                format!(
                    "there is no field `{field}`; the fields are {}",
                    allowed.join(", ")
                )
            }
            None => "there is a field that does not belong here".to_string(),
        }
    } else if let Some(r) = rest.strip_prefix("unknown variant ") {
        let words = quoted(r);
        match words.split_first() {
            Some((word, allowed)) => {
                format!(
                    "`{word}` is not allowed here; write one of {}",
                    allowed.join(", ")
                )
            }
            None => "a word here is not one of the allowed ones".to_string(),
        }
    } else if let Some(r) = rest.strip_prefix("duplicate field ") {
        format!(
            "the field `{}` is written twice",
            quoted(r).first().unwrap_or(&"")
        )
    } else if let Some(r) = rest
        .strip_prefix("invalid type: ")
        .or_else(|| rest.strip_prefix("invalid value: "))
    {
        let (found, expected) = r.split_once(", expected ").unwrap_or((r, ""));
        let found_kind = found.split(' ').next().unwrap_or(found);
        let value = quoted(found)
            .first()
            .map(|v| format!(" `{v}`"))
            .or_else(|| {
                found
                    .split_once('"')
                    .and_then(|(_, v)| v.rsplit_once('"'))
                    .map(|(v, _)| format!(" \"{v}\""))
            })
            .unwrap_or_default();
        format!(
            "this{value} is {}, where {} is expected",
            kind(found_kind),
            kind(expected)
        )
    } else if rest.starts_with("data did not match any variant") {
        "the text does not have the shape this file should hold".to_string()
    } else if rest.starts_with("mapping values are not allowed") {
        "a `:` where none may stand (text holding `: ` must be in quotes, and keys of one level start in the same column)".to_string()
    } else if rest.starts_with("found unexpected end of stream") {
        "the file ends inside a value (a quote or a bracket is not closed)".to_string()
    } else if rest.contains("tab character") {
        "a tab is used for indentation; indent with spaces".to_string()
    } else if rest.starts_with("found character that cannot start any token") {
        "a value starts with a character that needs quotes (`@`, `` ` ``, `%`…)".to_string()
    } else if rest.starts_with("did not find expected")
        || rest.starts_with("found unknown escape")
        || rest.starts_with("found undefined")
        || rest.starts_with("block sequence entries are not allowed")
    {
        "the lines here do not line up as YAML (indentation, a missing `-`, `,` or closing bracket)"
            .to_string()
    } else if rest.starts_with("control characters are not allowed") {
        "an invisible control character is in the file".to_string()
    } else if rest.starts_with("recursion limit exceeded") {
        "values are nested too deep".to_string()
    } else {
        "the text here is not what this file should hold".to_string()
    };
    match path {
        Some(p) if !p.is_empty() => format!("at `{p}`: {said}"),
        _ => said,
    }
}

/// A template engine (Tera) error in baocao's words. Errors that the
/// catalogue knows are not passed here.
pub fn template(message: &str) -> String {
    let m = message.trim();
    let first_quoted = || quoted(m).first().map(|s| s.to_string()).unwrap_or_default();
    if m.starts_with("Closing comment tag") {
        "a comment `{#` is not closed with `#}`".to_string()
    } else if m.starts_with("Invalid syntax for `set`")
        || m.starts_with("Invalid syntax for `set_global`")
    {
        "`{% set %}` needs a name and a value, as in `{% set x = 1 %}`".to_string()
    } else if m.contains("divide by 0") || m.contains("division by zero") {
        "a division by zero".to_string()
    } else if m.contains("nesting is too deep")
        || m.contains("too complex")
        || m.contains("maximum of 2 dimensions")
    {
        "the template nests too deep".to_string()
    } else if m.starts_with("Found ") && m.contains("but expected") {
        format!("`{}` is not expected here", first_quoted())
    } else if m.starts_with("Function `range` would produce") {
        "range() would give too many numbers".to_string()
    } else if m.starts_with("Circular include") || m.contains("circular") {
        "a template includes itself".to_string()
    } else if m.starts_with("Unknown template") || m.starts_with("Template not found") {
        format!("there is no template `{}`", first_quoted())
    } else if m.starts_with("Unknown tag") && !first_quoted().is_empty() {
        format!("there is no tag `{}`", first_quoted())
    } else if m.starts_with("Unknown tag") {
        "an unknown tag, or an `{% end… %}` without its opening tag".to_string()
    } else if m.starts_with("Variable `") && m.contains("is not defined") {
        format!("there is no variable `{}`", first_quoted())
    } else if m.starts_with("Math operations can only be done on numbers")
        || m.starts_with("`+` requires both operands to be numbers")
    {
        "arithmetic needs numbers on both sides".to_string()
    } else if m.starts_with("Cannot compare") {
        "these two values cannot be compared".to_string()
    } else if m.starts_with("Tried to iterate") || m.contains("cannot be iterated") {
        "this value is not a list to loop over".to_string()
    } else {
        "the template cannot be read or run here".to_string()
    }
}

/// A CSV reader error in baocao's words.
pub fn csv(message: &str) -> String {
    if message.contains("found record with") {
        let numbers: Vec<&str> = message
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        // "record 1 (line: 2, byte: 9): found record with 5 fields, but the
        // previous record has 4 fields"
        if let [.., found, previous] = numbers.as_slice() {
            return format!("this row has {found} cells where the header has {previous}");
        }
    }
    if message.contains("invalid UTF-8") {
        return "the text is not UTF-8".to_string();
    }
    "this row cannot be read as CSV".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_and_yaml_errors_in_our_words() {
        assert_eq!(yaml("missing field `unit`"), "the field `unit` is missing");
        assert_eq!(
            yaml("unknown field `x`, expected one of `unit`, `n`"),
            "there is no field `x`; the fields are unit, n"
        );
        assert_eq!(
            yaml("n: invalid type: integer `-1`, expected usize"),
            "at `n`: this `-1` is a whole number, where a whole number of 0 or more is expected"
        );
        assert_eq!(
            yaml("b: invalid type: string \"yes\", expected a boolean"),
            "at `b`: this \"yes\" is text, where true or false is expected"
        );
        assert_eq!(
            yaml(".[0].n: invalid type: sequence, expected usize"),
            "at `[0].n`: this is a list, where a whole number of 0 or more is expected"
        );
        assert_eq!(
            yaml("l: unknown variant `town`, expected `province` or `city`"),
            "at `l`: `town` is not allowed here; write one of province, city"
        );
        assert_eq!(
            yaml("duplicate field `unit`"),
            "the field `unit` is written twice"
        );
        assert!(yaml("data did not match any variant of untagged enum RawFile").contains("shape"));
        assert!(yaml("found a tab character that violates indentation").contains("tab"));
        assert!(!yaml("something new from a later serde").contains("serde"));
        assert_eq!(
            csv(
                "CSV error: record 1 (line: 2, byte: 9): found record with 5 fields, but the previous record has 4 fields"
            ),
            "this row has 5 cells where the header has 4"
        );
    }
}
