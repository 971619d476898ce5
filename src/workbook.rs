//! The one way workbooks (.xlsx) are read, by `build`/`check` and by
//! `import`: a workbook is a zip of XML parts, and a few kilobytes of it can
//! declare billions of cells or strings, or unpack to gigabytes. Before
//! calamine sees a workbook, every part is unpacked once under a byte limit
//! (declared sizes can lie, so the bytes are counted as they come), the
//! shared-string table's declared and actual sizes are checked, and every
//! cell reference is checked to lie inside a sheet. Sheets are then read
//! cell by cell, stopping at the limits below; the grid is built only when
//! it is known to be small.
//!
//! The limits are far above any real report (a province's one-stop report
//! has a few thousand rows and a few dozen columns).

use crate::messages::{Hint, Msg, Part, Place};
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Dimensions, Range, Reader, Xlsx};

use crate::diagnostic::Diagnostic;

/// The most bytes a workbook's parts may unpack to, all parts together;
/// also the most text its cells may hold.
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// The most rows a sheet may use (the last filled row).
pub const MAX_ROWS: u32 = 100_000;
/// The most columns a sheet may use (the last filled column).
pub const MAX_COLUMNS: u32 = 1_000;
/// The most cells the grid of a sheet may span (rows × columns between its
/// first and last filled cells), and the most cells it may fill.
pub const MAX_CELLS: u64 = 2_000_000;
/// The most strings a workbook's shared-string table may declare or hold.
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;
/// The most XML elements a workbook's parts may hold besides those cells
/// and shared strings are made of (styles, drawings and the like).
pub const MAX_OTHER_ELEMENTS: u64 = 1_000_000;
/// The most parts (files in the zip) a workbook may have.
pub const MAX_PARTS: usize = 10_000;
/// Excel's own bounds: a reference beyond them is not a cell of any sheet.
const EXCEL_ROWS: u64 = 1_048_576;
const EXCEL_COLUMNS: u64 = 16_384;

const MB: u64 = 1024 * 1024;

const LIMIT_HINT: Hint = Hint::ReportFarSmallerThan;

/// Why a workbook could not be opened.
pub enum OpenError {
    /// calamine's own error: not a workbook, or a damaged one.
    Unreadable(String),
    /// A limit was hit: a located error, ready to report.
    Limit(Box<Diagnostic>),
}

impl OpenError {
    /// A limit error, boxed: it is rare, and large beside the other case.
    pub fn limit(d: Diagnostic) -> Self {
        OpenError::Limit(Box::new(d))
    }
}

/// Why a sheet could not be read.
pub enum SheetError {
    /// calamine's own error.
    Unreadable(String),
    /// A limit was hit: a located error, ready to report.
    Limit(Box<Diagnostic>),
}

/// An .xlsx workbook that passed the checks.
pub struct Workbook {
    book: Xlsx<Cursor<Vec<u8>>>,
}

/// Opens an .xlsx workbook (`path` is only for messages).
pub fn open(bytes: Vec<u8>, path: &Path) -> Result<Workbook, OpenError> {
    check_parts(&bytes, path).map_err(|d| OpenError::Limit(Box::new(d)))?;
    let book = Xlsx::new(Cursor::new(bytes)).map_err(|e| OpenError::Unreadable(e.to_string()))?;
    Ok(Workbook { book })
}

fn limit(path: &Path, message: Msg) -> Diagnostic {
    Diagnostic::error(message).file(path).hint(LIMIT_HINT)
}

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// Unpacks every part under the byte limit and checks the XML parts'
/// shared-string counts and cell references. A zip this cannot read is left
/// to calamine, which says why.
fn check_parts(bytes: &[u8], path: &Path) -> Result<(), Diagnostic> {
    let too_big = || {
        limit(
            path,
            crate::msg!(Msg::WorkbookTooBig, MAX_UNPACKED_BYTES / MB),
        )
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if zip.len() > MAX_PARTS {
        return Err(limit(
            path,
            crate::msg!(Msg::WorkbookTooManyParts, zip.len(), MAX_PARTS),
        ));
    }
    let mut total: u64 = 0;
    let mut elements: u64 = 0;
    for i in 0..zip.len() {
        let Ok(file) = zip.by_index(i) else {
            continue;
        };
        if file.is_dir() {
            continue;
        }
        let left = MAX_UNPACKED_BYTES - total;
        if file.size() > left {
            return Err(too_big());
        }
        let name = file
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        // One byte over the limit is enough to know it is over.
        let mut reader = std::io::BufReader::new(Counted {
            inner: file.take(left + 1),
            count: 0,
        });
        // Every XML part is checked, whatever its name: calamine reads a
        // sheet from the part workbook.xml.rels names (`sheet1.dat` too).
        if name.ends_with(".xml") || looks_like_xml(&mut reader) {
            scan_xml(&mut reader, &name, path, &mut elements)?;
        }
        if std::io::copy(&mut reader, &mut std::io::sink()).is_err() {
            // A damaged part: calamine reports it if it reads it.
            continue;
        }
        total += reader.get_ref().count;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_big());
        }
    }
    Ok(())
}

/// Checks one XML part as it streams by: the shared-string table's counts,
/// and every cell reference of a sheet (calamine's arithmetic on them would
/// overflow).
fn scan_xml<R: Read>(
    reader: &mut R,
    part: &str,
    path: &Path,
    elements: &mut u64,
) -> Result<(), Diagnostic> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(reader));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut strings: u64 = 0;
    let too_many_strings = |n: crate::messages::Text| {
        limit(
            path,
            crate::msg!(Msg::TooManySharedStrings, part, n, MAX_SHARED_STRINGS),
        )
    };
    loop {
        buf.clear();
        let e = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => continue,
        };
        let local = e.local_name();
        let element = local.as_ref();
        // Elements a report's cells are made of are bounded by the cell
        // limits; any other kind, by this count (junk makes calamine slow).
        if !matches!(
            element,
            "c" | "v" | "row" | "f" | "is" | "t" | "r" | "si" | "rPr"
        ) {
            *elements += 1;
            if *elements > MAX_OTHER_ELEMENTS {
                return Err(limit(
                    path,
                    crate::msg!(
                        Msg::TooManyXmlElements,
                        MAX_OTHER_ELEMENTS,
                        part,
                        MAX_OTHER_ELEMENTS
                    ),
                ));
            }
        }
        if element == "si" {
            strings += 1;
            if strings > MAX_SHARED_STRINGS {
                return Err(too_many_strings(
                    crate::msg!(Part::MoreThanCount, MAX_SHARED_STRINGS).into(),
                ));
            }
            continue;
        }
        let attr = match element {
            "sst" => None,
            "c" | "row" => Some("r"),
            "dimension" | "mergeCell" => Some("ref"),
            _ => continue,
        };
        for a in e.attributes().flatten() {
            let key = a.key.local_name();
            let value = a.value.to_string();
            let declared = value.trim();
            match attr {
                // A count too long for u64 is over the limit too.
                None if matches!(key.as_ref(), "count" | "uniqueCount")
                    && !declared.is_empty()
                    && declared.bytes().all(|b| b.is_ascii_digit())
                    && declared
                        .parse::<u64>()
                        .ok()
                        .is_none_or(|n| n > MAX_SHARED_STRINGS) =>
                {
                    return Err(too_many_strings(declared.into()));
                }
                Some(name)
                    if key.as_ref() == name && value.split(':').any(|r| !reference_fits(r)) =>
                {
                    return Err(limit(
                        path,
                        crate::msg!(
                            Msg::CellRefOutOfSheet,
                            shorten(&value),
                            part,
                            EXCEL_ROWS,
                            EXCEL_COLUMNS
                        ),
                    ));
                }
                _ => {}
            }
        }
    }
}

/// Whether a part starts like XML (`<`, after a byte-order mark and
/// blanks), peeked without consuming it.
fn looks_like_xml<R: Read>(reader: &mut std::io::BufReader<R>) -> bool {
    use std::io::BufRead;
    let Ok(head) = reader.fill_buf() else {
        return false;
    };
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// A reference shown in a message: long ones are cut.
fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Whether a reference (`B7`, `7`, `XFD1048576`) is inside Excel's bounds.
/// References of other shapes are left to calamine, which rejects them
/// without arithmetic.
fn reference_fits(r: &str) -> bool {
    let r = r.trim();
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = &r[letters..];
    if !r.bytes().all(|b| b.is_ascii_alphanumeric()) || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    let col = r[..letters].bytes().fold(0u64, |n, b| {
        n.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    let row = digits.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    col <= EXCEL_COLUMNS && row <= EXCEL_ROWS
}

impl Workbook {
    /// The sheets, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// A sheet's filled cells as a grid, read cell by cell under the limits.
    pub fn range(&mut self, name: &str, path: &Path) -> Result<Range<Data>, SheetError> {
        let at = |message: Msg| {
            SheetError::Limit(Box::new(
                limit(path, message).place(Place::Sheet(name.to_string())),
            ))
        };
        let mut reader = match self.book.worksheet_cells_reader(name) {
            Ok(r) => r,
            // A chart sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
            Err(e) => return Err(SheetError::Unreadable(e.to_string())),
        };
        let mut cells = Vec::new();
        let mut text: u64 = 0;
        let mut span = Span::default();
        loop {
            let cell = match reader.next_cell() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => return Err(SheetError::Unreadable(e.to_string())),
            };
            let value = cell.get_value();
            if matches!(value, calamine::DataRef::Empty) {
                continue;
            }
            let (row, col) = cell.get_position();
            if row >= MAX_ROWS {
                return Err(at(crate::msg!(
                    Msg::RowBeyondLimit,
                    u64::from(row) + 1,
                    MAX_ROWS
                )));
            }
            if col >= MAX_COLUMNS {
                return Err(at(crate::msg!(
                    Msg::ColumnBeyondLimit,
                    column_letters(col as usize + 1),
                    MAX_COLUMNS
                )));
            }
            if cells.len() as u64 >= MAX_CELLS {
                return Err(at(crate::msg!(Msg::TooManyCells, MAX_CELLS, MAX_CELLS)));
            }
            let value: Data = value.clone().into();
            if let Data::String(s) = &value {
                text += s.len() as u64;
            }
            if text > MAX_UNPACKED_BYTES {
                return Err(at(crate::msg!(
                    Msg::TooMuchCellText,
                    MAX_UNPACKED_BYTES / MB,
                    MAX_UNPACKED_BYTES / MB
                )));
            }
            span.add(row, col, col).map_err(at)?;
            cells.push(calamine::Cell::new((row, col), value));
        }
        Ok(Range::from_sparse(cells))
    }

    /// A sheet's merged regions (their references were checked on opening).
    pub fn merges(&mut self, name: &str) -> Vec<Dimensions> {
        self.book
            .merge_cells_by_sheet_name(name)
            .unwrap_or_default()
    }
}

/// The rectangle the filled cells of a sheet cover, grown cell by cell and
/// checked against [`MAX_CELLS`] as it grows (shared by `.xlsx` and `.xls`).
#[derive(Clone, Copy, Debug)]
pub struct Span {
    top: u32,
    left: u32,
    bottom: u32,
    right: u32,
}

impl Default for Span {
    fn default() -> Self {
        Span {
            top: u32::MAX,
            left: u32::MAX,
            bottom: 0,
            right: 0,
        }
    }
}

impl Span {
    /// Adds the cells of `row` from column `first` to `last`; the message
    /// of the limit when the rectangle grows past it.
    pub fn add(&mut self, row: u32, first: u32, last: u32) -> Result<(), Msg> {
        self.top = self.top.min(row);
        self.bottom = self.bottom.max(row);
        self.left = self.left.min(first);
        self.right = self.right.max(last);
        let rows = u64::from(self.bottom - self.top) + 1;
        let cols = u64::from(self.right - self.left) + 1;
        if rows * cols > MAX_CELLS {
            return Err(crate::msg!(Msg::CellSpanTooLarge, rows, cols, MAX_CELLS));
        }
        Ok(())
    }
}

/// Excel's name of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(col: usize) -> String {
    let mut n = col;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_inside_a_sheet() {
        assert!(reference_fits("A1"));
        assert!(reference_fits("XFD1048576"));
        assert!(reference_fits("7"));
        assert!(!reference_fits("A99999999999999999999"));
        assert!(!reference_fits("XFE1"));
        assert!(!reference_fits("AAAAAAAAAAAA1"));
        // Other shapes are calamine's to reject.
        assert!(reference_fits("$A$1"));
    }
}
