//! How deeply YAML text nests, checked before any YAML parser sees it:
//! the parser's time grows sharply with depth, so text nested deeper than
//! any site file is refused at once. No dependencies, so every reader of
//! YAML (messages included) can use it.

/// How deeply YAML may nest (indentation, `- ` items on one line, `[` and
/// `{`): far above any site file, and low enough that the YAML parser,
/// which slows down sharply with depth, answers at once.
pub const MAX_YAML_DEPTH: usize = 64;

/// The lines of YAML text, broken at CRLF, LF or a lone CR as YAML does.
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.find(['\n', '\r']) {
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                (!s.is_empty()).then_some(s)
            }
        }
    })
}

/// The 1-based line and column where `text` first nests deeper than
/// [`MAX_YAML_DEPTH`], if it does. Checked before parsing: the count errs
/// on the deep side (a bracket in a plain scalar counts too), which only
/// matters for text no site holds.
pub fn yaml_too_deep(text: &str) -> Option<(usize, usize)> {
    // Indentations of the enclosing block lines.
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<char> = None;
    // Indentation of the line a quoted scalar opened on.
    let mut quoted_at = 0;
    // Indentation of the line a block scalar (`|`, `>`) belongs to.
    let mut block: Option<usize> = None;
    // YAML breaks lines at CR as well as LF: a CR-only file is many lines,
    // not one comment line.
    for (n, line) in yaml_lines(text).enumerate() {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let blank = body.trim().is_empty();
        // A block scalar's lines are text, up to a line indented no more
        // than its key; a quoted scalar cannot run on past such a line.
        match block {
            Some(b) if blank || indent > b => continue,
            Some(_) => block = None,
            None => {}
        }
        if quote.is_some() && flow == 0 && !blank && indent <= quoted_at {
            quote = None;
        }
        let mut depth = 0;
        let mut rest = body;
        if quote.is_none() && flow == 0 && !blank && !body.starts_with('#') {
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
            if indents.len() > MAX_YAML_DEPTH {
                return Some((n + 1, indent + 1));
            }
            // Compact nesting: `- - - x`, `? - x`.
            while let Some(r) = rest
                .strip_prefix("- ")
                .or_else(|| rest.strip_prefix("? "))
                .or_else(|| rest.strip_prefix("-\t"))
            {
                depth += 1;
                rest = r.trim_start_matches([' ', '\t']);
                if indents.len() + depth > MAX_YAML_DEPTH {
                    return Some((n + 1, line.len() - rest.len() + 1));
                }
            }
        }
        // A quote opens a scalar only where a value starts.
        let mut prev = ' ';
        let mut last = ':';
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match (quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'')
                    if matches!(prev, ' ' | '\t' | '[' | '{' | ',')
                        && matches!(last, ':' | '-' | '?' | '[' | '{' | ',') =>
                {
                    quote = Some(c);
                    quoted_at = indent;
                }
                (None, '#') if matches!(prev, ' ' | '\t') => break,
                (None, '[' | '{') => {
                    flow += 1;
                    if indents.len() + depth + flow > MAX_YAML_DEPTH {
                        let at = line.len() - rest.len() + i;
                        return Some((n + 1, line[..at].chars().count() + 1));
                    }
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                _ => {}
            }
            prev = c;
            if !c.is_whitespace() {
                last = c;
            }
        }
        if quote.is_none() && flow == 0 {
            let value = body.trim_end();
            let token = value.rsplit(' ').next().unwrap_or("");
            let before = value[..value.len() - token.len()].trim_end();
            if token.starts_with(['|', '>'])
                && token[1..]
                    .chars()
                    .all(|c| matches!(c, '+' | '-' | '0'..='9'))
                && (before.is_empty() || before.ends_with([':', '-', '?']))
            {
                block = Some(indent);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_depth_sees_lines_broken_by_a_lone_cr() {
        let deep = format!("# note\r- a: {}", "{a: ".repeat(100));
        assert_eq!(yaml_too_deep(&deep).map(|(line, _)| line), Some(2));
        let lines: Vec<&str> = yaml_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
    }

    #[test]
    fn yaml_depth_counts_brackets_items_and_indentation_but_not_quotes() {
        assert_eq!(yaml_too_deep("a: [1, {b: [2]}]\n- - x\n"), None);
        let deep = format!("a: {}", "[".repeat(MAX_YAML_DEPTH));
        assert_eq!(yaml_too_deep(&deep), Some((1, 3 + MAX_YAML_DEPTH)));
        assert_eq!(yaml_too_deep(&"[".repeat(MAX_YAML_DEPTH - 1)), None);
        let quoted = format!("a: \"{0}\"\nb: '{0}'\nc: x {0}", "[".repeat(100));
        assert_eq!(yaml_too_deep(&quoted[..quoted.rfind('c').unwrap()]), None);
        // A bracket in a plain scalar errs on the deep side.
        assert!(yaml_too_deep(&quoted).is_some());
        assert_eq!(
            yaml_too_deep(&format!("{}x", "- ".repeat(70))),
            Some((1, 129))
        );
        // Old Mac line endings end a comment (found by tests/fuzz.rs).
        let cr = format!("# note\r{}", "{a: ".repeat(1_000));
        assert_eq!(yaml_too_deep(&cr), Some((2, 1 + 4 * (MAX_YAML_DEPTH - 1))));
        assert_eq!(yaml_too_deep(&cr.replace('\r', "\r\n")), Some((2, 253)));
        // Block scalars are text; a stray quote does not hide what follows.
        let text = format!(
            "a: |\n  {}\n  \"x\nb: '\nc: {}",
            "[".repeat(100),
            "[".repeat(100)
        );
        assert_eq!(yaml_too_deep(&text[..text.rfind('c').unwrap()]), None);
        assert_eq!(yaml_too_deep(&text), Some((5, 3 + MAX_YAML_DEPTH)));
        let indented: String = (0..70)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(yaml_too_deep(&indented), Some((65, 65)));
    }
}
