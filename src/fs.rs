//! File-system helpers shared by the loader, the theme and the writer:
//! reading text sources, listing files in a stable order, and paths.

use crate::messages::{Hint, Msg, Part};
use std::path::{Path, PathBuf};

use crate::diagnostic::{self, Diagnostic};

/// Reads a file as text; a file that is neither UTF-8 nor UTF-16 with a
/// byte-order mark is an error that points at the first bad byte.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = relative(root, path);
    let bytes = std::fs::read(path).map_err(|e| io_error(&rel, &e))?;
    decode_text(bytes, &rel)
}

/// Text from a file's bytes: UTF-8, with or without a byte-order mark
/// (Notepad, Excel), or UTF-16 with one (Excel's "Unicode Text"); line
/// endings made `\n`, since Windows endings would shift the line numbers
/// parsers report.
pub fn decode_text(bytes: Vec<u8>, rel: &Path) -> Result<String, Diagnostic> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|p| match (p, be) {
                ([a, b], true) => u16::from_be_bytes([*a, *b]),
                ([a, b], false) => u16::from_le_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok(normalize_newlines(utf16(false)));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(normalize_newlines(utf16(true)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let (line, col) =
            diagnostic::line_col(&String::from_utf8_lossy(&e.as_bytes()[..good]), good);
        Diagnostic::error(crate::msg!(Msg::NotUtf8, rel.display()))
            .file(rel)
            .at(&lossy, line, col)
            .hint(Hint::SaveFileUtfEncoding)
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(normalize_newlines(text))
}

/// The separator of delimited text (CSV): the one used most outside quotes
/// in its first lines. Excel in a Vietnamese locale writes `;` (the comma
/// is the decimal mark there), "Unicode Text" writes tabs, the rest `,`.
pub fn csv_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.lines().take(60).flat_map(str::chars) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Ends every line with `\n`: Windows (`\r\n`) and old Mac (`\r`) line
/// endings would shift or merge the lines parsers count.
pub fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// An I/O error as a diagnostic naming the path.
pub fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::msg!(Msg::CannotRead, path.display(), Part::io(e))).file(path)
}

/// `path` relative to `root` when it is inside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

/// Files below `dir` in a stable order, skipping hidden files and editors'
/// temporary files.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Symbolic links below `dir` (not followed), in a stable order, skipping
/// hidden and temporary names as [`files_under`] does.
pub fn links_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()))
        .filter_map(Result::ok)
        .filter(|e| e.depth() > 0 && e.path_is_symlink())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Hidden files and the temporary files editors leave beside the real ones.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// `a/b/c` with forward slashes, whatever the platform.
pub fn posix(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
