//! Raw HTML in article bodies: only plain formatting tags pass. Officers
//! write Markdown; a tag with a link, a script, a style or an event handler
//! in a body would publish code on a government portal, so it is an error
//! that names the tag, never silently kept or dropped.

/// Tags a body may use in raw HTML, without links or scripts.
const TAGS: &[&str] = &[
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Attributes those tags may carry: none of them is a URL, a style or a
/// script.
const ATTRIBUTES: &[&str] = &[
    "class", "id", "title", "lang", "dir", "colspan", "rowspan", "scope", "align", "start",
    "reversed",
];

/// Checks raw HTML fragment by fragment, keeping state across fragments
/// (a comment or a tag may span lines of an HTML block).
#[derive(Debug, Default)]
pub struct Guard {
    in_comment: bool,
}

/// Where the first `-->` or `--!>` of `text` starts, and its length.
fn comment_end(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // One pass over the text: charts are kept whole inside comments, and
    // looking for each ending alone read every chart twice.
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"--").map(|i| from + i) {
        match &bytes[i + 2..] {
            [b'>', ..] => return Some((i, 3)),
            [b'!', b'>', ..] => return Some((i, 4)),
            _ => from = i + 1,
        }
    }
    None
}

impl Guard {
    /// The first thing in `html` that may not be published, if any.
    pub fn refused(&mut self, html: &str) -> Option<String> {
        let mut rest = html;
        loop {
            if self.in_comment {
                // Browsers end a comment at `-->` and also at `--!>`.
                match comment_end(rest) {
                    Some((i, n)) => {
                        self.in_comment = false;
                        rest = &rest[i + n..];
                    }
                    None => return None,
                }
            }
            let start = rest.find('<')?;
            rest = &rest[start..];
            if let Some(after) = rest.strip_prefix("<!--") {
                // `<!-->` and `<!--->` are whole (empty) comments to a
                // browser: what follows them is markup again.
                if let Some(after) = after.strip_prefix('>').or_else(|| after.strip_prefix("->")) {
                    rest = after;
                    continue;
                }
                self.in_comment = true;
                rest = after;
                continue;
            }
            let next = rest[1..].chars().next();
            let is_tag =
                next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
            if !is_tag {
                rest = &rest[1..];
                continue;
            }
            match tag(rest) {
                Some((len, true)) => rest = &rest[len..],
                Some((len, false)) => return Some(shown(&rest[..len])),
                None => return Some(shown(rest)),
            }
        }
    }
}

/// The tag at the start of `s`: its length and whether it may pass.
fn tag(s: &str) -> Option<(usize, bool)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut ok = !name.is_empty() && TAGS.contains(&name.as_str());
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => return Some((i + 1, ok)),
            b'/' if bytes.get(i + 1) == Some(&b'>') => return Some((i + 2, ok)),
            _ => {}
        }
        let attr_start = i;
        while bytes.get(i).is_some_and(|b| {
            !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/' | b'"' | b'\'')
        }) {
            i += 1;
        }
        if i == attr_start {
            // A stray `"`, `'` or `/`: not a tag this guard understands.
            return Some((i + 1, false));
        }
        let attr = s[attr_start..i].to_ascii_lowercase();
        ok &= ATTRIBUTES.contains(&attr.as_str());
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = s[i + 1..].find(*q as char)?;
                    i += close + 2;
                }
                _ => {
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                }
            }
        }
    }
}

/// A tag as shown in a message: one line, at most 80 characters.
fn shown(tag: &str) -> String {
    let one_line: String = tag
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(80)
        .collect();
    one_line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_ends_at_the_first_of_its_two_endings() {
        assert_eq!(comment_end("a -- b --!> c --> d"), Some((7, 4)));
        assert_eq!(comment_end("a --> b --!>"), Some((2, 3)));
        assert_eq!(comment_end("---> x"), Some((1, 3)));
        assert_eq!(comment_end("a -- b - > --"), None);
        assert_eq!(comment_end(""), None);
    }

    fn check(html: &str) -> Option<String> {
        Guard::default().refused(html)
    }

    #[test]
    fn formatting_passes_code_does_not() {
        for ok in [
            "<br>",
            "<sup>2</sup>",
            "<span class=\"x\" title='y'>a</span>",
            "<td colspan=2>",
            "a < b and <!-- <script> -->",
            "<BR/>",
        ] {
            assert_eq!(check(ok), None, "{ok}");
        }
        for bad in [
            "<a href=\"javascript:alert(1)\">x</a>",
            "<A HREF=JAVASCRIPT:alert(1)>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<iframe src=\"javascript:x\">",
            "<form action=\"javascript:x\">",
            "<object data=\"javascript:x\">",
            "<script>alert(1)</script>",
            "<span style=\"background:url(javascript:x)\">",
            "<span onclick=x>",
            "<p/onclick=x>",
            "<!DOCTYPE html>",
            "<span title=\"unterminated>",
            "<!--><img src=x onerror=alert(1)>-->",
            "<!---><img src=x onerror=alert(1)>-->",
            "<!-- a --!><img src=x onerror=alert(1)>-->",
        ] {
            assert!(check(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn comments_span_fragments() {
        let mut g = Guard::default();
        assert_eq!(g.refused("<!-- start"), None);
        assert_eq!(g.refused("<script> still a comment"), None);
        assert_eq!(g.refused("end -->"), None);
        assert!(g.refused("<script>").is_some());
    }
}
