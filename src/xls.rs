//! The one way .xls workbooks (BIFF8 in a compound file) are read, by
//! `import`: the same limits as src/workbook.rs, checked before calamine
//! sees a byte. calamine trusts an .xls file: a DIMENSIONS record can make
//! it reserve terabytes, one cell far out makes it build a grid of billions
//! of cells, and a loop in the file's sector chains makes it read forever.
//!
//! So the compound file is read here, strictly (every chain bounded, no
//! sector read twice), its `Workbook` (or `Book`) stream is taken out under
//! a size limit, and its BIFF records are walked the way calamine walks
//! them: the workbook globals, then each sheet from the offset its
//! BOUNDSHEET record gives. Every cell record's row and column, the
//! DIMENSIONS record and the shared-string count are checked. calamine then
//! reads a new compound file holding only the checked stream, so what it
//! reads is exactly what was checked.

use crate::messages::{Hint, Msg, Part, Place};
use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xls};

use crate::diagnostic::Diagnostic;
use crate::workbook::{MAX_CELLS, MAX_ROWS, MAX_SHARED_STRINGS, MAX_UNPACKED_BYTES, OpenError};

/// The most bytes the Workbook stream may hold.
pub const MAX_STREAM_BYTES: u64 = MAX_UNPACKED_BYTES;
/// The columns of a BIFF8 sheet: a column past them is not a cell.
pub const BIFF_COLUMNS: u32 = 256;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const NOSTREAM: u32 = 0xFFFF_FFFF;
const MB: u64 = 1024 * 1024;
const LIMIT_HINT: Hint = Hint::ReportFarSmallerThan;
const DAMAGED_HINT: Hint = Hint::OpenExcelSaveXlsx;

fn limit(path: &Path, message: Msg) -> Diagnostic {
    Diagnostic::error(message).file(path).hint(LIMIT_HINT)
}

fn damaged(path: &Path, why: Part) -> OpenError {
    OpenError::limit(
        Diagnostic::error(crate::msg!(Msg::CannotReadXlsWorkbook, path.display(), why))
            .file(path)
            .hint(DAMAGED_HINT),
    )
}

/// An .xls workbook that passed the checks, read by calamine.
pub struct XlsBook {
    book: Xls<Cursor<Vec<u8>>>,
}

/// Checks an .xls file and opens it (`path` is only for messages).
pub fn open(bytes: &[u8], path: &Path) -> Result<XlsBook, OpenError> {
    let stream = workbook_stream(bytes).map_err(|e| match e {
        CfbError::Damaged(why) => damaged(path, why),
        CfbError::TooBig(n) => OpenError::limit(limit(
            path,
            crate::msg!(Msg::XlsStreamTooBig, n.div_ceil(MB), MAX_STREAM_BYTES / MB),
        )),
    })?;
    check_biff(&stream, path)?;
    let container = container(stream);
    // The checks above keep calamine from the allocations that abort;
    // a damaged record it still trips on is reported, not a crash.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let book = std::panic::catch_unwind(move || Xls::new(Cursor::new(container)));
    std::panic::set_hook(hook);
    match book {
        Ok(Ok(book)) => Ok(XlsBook { book }),
        Ok(Err(e)) => Err(OpenError::Unreadable(e.to_string())),
        Err(_) => Err(damaged(path, Part::RecordDamaged)),
    }
}

impl XlsBook {
    /// The sheets, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// A sheet's cells (read and checked on opening).
    pub fn range(&mut self, name: &str) -> Result<calamine::Range<calamine::Data>, String> {
        self.book.worksheet_range(name).map_err(|e| e.to_string())
    }

    /// A sheet's merged regions.
    pub fn merges(&self, name: &str) -> Vec<calamine::Dimensions> {
        self.book
            .merge_cells_by_sheet_name(name)
            .unwrap_or_default()
    }
}

enum CfbError {
    Damaged(Part),
    TooBig(u64),
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A compound file's sectors, read strictly.
struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl Sectors<'_> {
    /// How many sectors the file holds (a short last one counts).
    fn count(&self) -> usize {
        self.bytes
            .len()
            .saturating_sub(self.size)
            .div_ceil(self.size)
    }

    fn get(&self, id: u32) -> Result<&[u8], CfbError> {
        let start = (id as usize)
            .checked_add(1)
            .and_then(|n| n.checked_mul(self.size))
            .ok_or(CfbError::Damaged(Part::SectorPastEnd))?;
        if start >= self.bytes.len() {
            return Err(CfbError::Damaged(Part::SectorPastEnd));
        }
        Ok(&self.bytes[start..self.bytes.len().min(start + self.size)])
    }

    /// The sectors of a chain, in order: a chain that loops or runs past
    /// the table is damaged.
    fn chain(&self, start: u32, fat: &[u32], max: usize) -> Result<Vec<u32>, CfbError> {
        let mut ids = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if ids.len() >= max {
                return Err(CfbError::Damaged(Part::SectorChainLoops));
            }
            let next = *fat
                .get(id as usize)
                .ok_or(CfbError::Damaged(Part::SectorChainPastTable))?;
            ids.push(id);
            id = next;
        }
        Ok(ids)
    }

    fn read(&self, start: u32, fat: &[u32], len: usize) -> Result<Vec<u8>, CfbError> {
        let mut out = Vec::new();
        for id in self.chain(start, fat, self.count())? {
            if out.len() >= len {
                break;
            }
            out.extend_from_slice(self.get(id)?);
        }
        out.truncate(len);
        Ok(out)
    }
}

/// The `Workbook` (or `Book`) stream of a compound file.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, CfbError> {
    let header = bytes
        .get(..512)
        .filter(|h| h.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        .ok_or(CfbError::Damaged(Part::NotACompoundFile))?;
    let size = match u16_at(header, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => {
            return Err(CfbError::Damaged(Part::BadSectorSize));
        }
    };
    if u16_at(header, 32) != Some(6) {
        return Err(CfbError::Damaged(Part::BadMiniSectorSize));
    }
    let sectors = Sectors { bytes, size };
    let per = size / 4;
    let read = |at| u32_at(header, at).unwrap_or(ENDOFCHAIN);
    // The FAT's sectors: 109 in the header, the rest in a chain of DIFAT
    // sectors, each ending with the next one's id.
    let mut fat_ids: Vec<u32> = (0..109).map(|i| read(76 + 4 * i)).collect();
    let mut difat = read(68);
    let mut seen = 0;
    while difat < 0xFFFF_FFFA {
        seen += 1;
        if seen > sectors.count() {
            return Err(CfbError::Damaged(Part::SectorChainLoops));
        }
        let s = sectors.get(difat)?;
        let entries: Vec<u32> = (0..per).filter_map(|i| u32_at(s, 4 * i)).collect();
        let (last, rest) = entries
            .split_last()
            .ok_or(CfbError::Damaged(Part::EmptyDifatSector))?;
        fat_ids.extend_from_slice(rest);
        difat = *last;
    }
    let mut fat = Vec::new();
    let fat_ids: Vec<u32> = fat_ids.into_iter().filter(|&id| id < 0xFFFF_FFFA).collect();
    if fat_ids.len() > sectors.count() {
        return Err(CfbError::Damaged(Part::SectorTableTooLong));
    }
    for id in fat_ids {
        let s = sectors.get(id)?;
        fat.extend((0..s.len() / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    let dirs = sectors.read(read(48), &fat, usize::MAX)?;
    let entries: Vec<&[u8]> = dirs.chunks_exact(128).collect();
    let root = entries
        .first()
        .ok_or(CfbError::Damaged(Part::NoDirectory))?;
    let name = |e: &[u8]| {
        let len = (u16_at(e, 64).unwrap_or(0) as usize / 2).min(32);
        let units: Vec<u16> = (0..len).filter_map(|i| u16_at(e, 2 * i)).collect();
        String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_string()
    };
    let stream_len = |e: &[u8]| -> u64 {
        if size == 512 {
            u64::from(u32_at(e, 120).unwrap_or(0))
        } else {
            u64::from(u32_at(e, 120).unwrap_or(0)) | u64::from(u32_at(e, 124).unwrap_or(0)) << 32
        }
    };
    let entry = ["workbook", "book"]
        .iter()
        .find_map(|wanted| {
            entries
                .iter()
                .find(|e| e[66] == 2 && name(e).eq_ignore_ascii_case(wanted))
        })
        .ok_or(CfbError::Damaged(Part::NoWorkbookStream))?;
    let len = stream_len(entry);
    if len > MAX_STREAM_BYTES {
        return Err(CfbError::TooBig(len));
    }
    let len = len as usize;
    let start = u32_at(entry, 116).unwrap_or(ENDOFCHAIN);
    let stream = if len < 4096 {
        // A small stream lives in the mini stream, itself a stream of the
        // root entry, in 64-byte sectors listed by the mini FAT.
        let mini_len = stream_len(root).min(MAX_STREAM_BYTES) as usize;
        let mini = sectors.read(u32_at(root, 116).unwrap_or(ENDOFCHAIN), &fat, mini_len)?;
        let mini_fat_bytes = sectors.read(read(60), &fat, usize::MAX)?;
        let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4)
            .filter_map(|i| u32_at(&mini_fat_bytes, 4 * i))
            .collect();
        let mut out = Vec::new();
        let ids = Sectors {
            bytes: &[],
            size: 64,
        }
        .chain(start, &mini_fat, mini.len() / 64 + 1)?;
        for id in ids {
            let at = id as usize * 64;
            let s = mini
                .get(at..mini.len().min(at + 64))
                .ok_or(CfbError::Damaged(Part::SectorPastEnd))?;
            out.extend_from_slice(s);
            if out.len() >= len {
                break;
            }
        }
        out
    } else {
        sectors.read(start, &fat, len)?
    };
    if stream.len() < len {
        return Err(CfbError::Damaged(Part::WorkbookStreamCut));
    }
    Ok(stream[..len].to_vec())
}

/// One BIFF record: type and data.
fn records(stream: &[u8]) -> impl Iterator<Item = Result<(u16, &[u8]), ()>> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (Some(typ), Some(len)) = (u16_at(rest, 0), u16_at(rest, 2)) else {
            rest = &[];
            return Some(Err(()));
        };
        let Some(data) = rest.get(4..4 + len as usize) else {
            rest = &[];
            return Some(Err(()));
        };
        rest = &rest[4 + len as usize..];
        Some(Ok((typ, data)))
    })
}

/// Walks the stream as calamine does and checks what it would allocate.
fn check_biff(stream: &[u8], path: &Path) -> Result<(), OpenError> {
    let cut = || damaged(path, Part::RecordCut);
    let mut sheets = Vec::new();
    for record in records(stream) {
        let (typ, data) = record.map_err(|()| cut())?;
        match typ {
            // BOUNDSHEET: where a sheet's records start.
            0x0085 => {
                let pos = u32_at(data, 0).ok_or_else(cut)? as usize;
                let name = match (data.get(6), data.get(7)) {
                    (Some(&n), Some(&0)) => data
                        .get(8..8 + n as usize)
                        .map(|b| b.iter().map(|&c| char::from(c)).collect()),
                    (Some(&n), Some(_)) => data.get(8..8 + 2 * n as usize).map(|b| {
                        String::from_utf16_lossy(
                            &b.chunks_exact(2)
                                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                                .collect::<Vec<_>>(),
                        )
                    }),
                    _ => None,
                };
                sheets.push((pos, name.unwrap_or_default()));
            }
            // SST: the shared strings' declared counts.
            0x00FC => {
                for at in [0, 4] {
                    let n = u32_at(data, at).ok_or_else(cut)?;
                    if u64::from(n) > MAX_SHARED_STRINGS {
                        return Err(OpenError::limit(limit(
                            path,
                            crate::msg!(Msg::TooManySharedStrings, "SST", n, MAX_SHARED_STRINGS),
                        )));
                    }
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    for (pos, name) in sheets {
        let Some(sheet) = stream.get(pos..) else {
            return Err(damaged(path, Part::SheetPastEnd));
        };
        check_sheet(sheet, &name, path)?;
    }
    Ok(())
}

/// The cells of one sheet: where they lie and how many there are.
fn check_sheet(sheet: &[u8], name: &str, path: &Path) -> Result<(), OpenError> {
    let cut = || damaged(path, Part::RecordCut);
    let at =
        |message: Msg| OpenError::limit(limit(path, message).place(Place::Sheet(name.to_string())));
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut cells: u64 = 0;
    let mut span = crate::workbook::Span::default();
    for record in records(sheet) {
        let (typ, data) = record.map_err(|()| cut())?;
        // Nested substreams (embedded charts) are skipped by calamine.
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let (row, first, last, filled) = match typ {
            0x0809 => {
                if seen_bof {
                    depth += 1;
                }
                seen_bof = true;
                continue;
            }
            0x000A => break,
            // DIMENSIONS: calamine reserves room for the whole area.
            0x0200 => {
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        u32::from(u16_at(data, 0).ok_or_else(cut)?),
                        u32::from(u16_at(data, 2).ok_or_else(cut)?),
                        u32::from(u16_at(data, 4).ok_or_else(cut)?),
                        u32::from(u16_at(data, 6).ok_or_else(cut)?),
                    ),
                    14 | 16 => (
                        u32_at(data, 0).ok_or_else(cut)?,
                        u32_at(data, 4).ok_or_else(cut)?,
                        u32::from(u16_at(data, 8).ok_or_else(cut)?),
                        u32::from(u16_at(data, 10).ok_or_else(cut)?),
                    ),
                    _ => continue,
                };
                // Rows and columns run from the first to one past the last.
                let rows = u64::from(rl.saturating_sub(rf));
                let cols = u64::from(cl.saturating_sub(cf.min(cl)));
                if rl > 0 && rl <= rf {
                    return Err(damaged(path, Part::BadDimensionsRecord));
                }
                if rl > MAX_ROWS || cl > BIFF_COLUMNS || rows * cols > MAX_CELLS {
                    return Err(at(crate::msg!(
                        Msg::XlsDimensionsTooLarge,
                        u64::from(rf) + 1,
                        rl,
                        u64::from(cf) + 1,
                        cl,
                        MAX_ROWS,
                        BIFF_COLUMNS,
                        MAX_CELLS
                    )));
                }
                continue;
            }
            // Cells of one column each: NUMBER, RK, LABELSST, LABEL,
            // FORMULA, BOOLERR, RSTRING; BLANK holds no value.
            0x0203 | 0x027E | 0x00FD | 0x0204 | 0x0006 | 0x0205 | 0x00D6 | 0x0201 => {
                let row = u16_at(data, 0).ok_or_else(cut)?;
                let col = u16_at(data, 2).ok_or_else(cut)?;
                (row, col, col, typ != 0x0201)
            }
            // MULRK and MULBLANK: a run of columns, the last one at the end.
            0x00BD | 0x00BE => {
                let row = u16_at(data, 0).ok_or_else(cut)?;
                let first = u16_at(data, 2).ok_or_else(cut)?;
                let last = u16_at(data, data.len().saturating_sub(2)).ok_or_else(cut)?;
                if last < first || data.len() < 6 {
                    return Err(damaged(path, Part::BadCellRunRecord));
                }
                (row, first, last, typ == 0x00BD)
            }
            _ => continue,
        };
        let (row, first, last) = (u32::from(row), u32::from(first), u32::from(last));
        if last >= BIFF_COLUMNS {
            return Err(damaged(
                path,
                crate::msg!(
                    Part::XlsCellPastLastColumn,
                    name,
                    u64::from(last) + 1,
                    BIFF_COLUMNS
                ),
            ));
        }
        if !filled {
            continue;
        }
        cells += u64::from(last - first) + 1;
        if cells > MAX_CELLS {
            return Err(at(crate::msg!(Msg::TooManyCells, MAX_CELLS, MAX_CELLS)));
        }
        span.add(row, first, last).map_err(at)?;
    }
    Ok(())
}

/// A new compound file holding one stream, `Workbook`: 4096-byte sectors,
/// the FAT first, then the directory, then the stream (at least 4096 bytes,
/// so it is not a mini stream; the padding follows the last EOF record).
fn container(mut stream: Vec<u8>) -> Vec<u8> {
    const SECTOR: usize = 4096;
    if stream.len() < SECTOR {
        stream.resize(SECTOR, 0);
    }
    let len = stream.len();
    let data_sectors = stream.len().div_ceil(SECTOR);
    let mut fat_sectors = 1;
    while fat_sectors * (SECTOR / 4) < fat_sectors + 1 + data_sectors {
        fat_sectors += 1;
    }
    let dir = fat_sectors as u32;
    let first = dir + 1;
    let mut out = vec![0u8; SECTOR];
    out[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut out, 24, 0x3E);
    put16(&mut out, 26, 4);
    put16(&mut out, 28, 0xFFFE);
    put16(&mut out, 30, 12);
    put16(&mut out, 32, 6);
    put32(&mut out, 40, 1);
    put32(&mut out, 44, fat_sectors as u32);
    put32(&mut out, 48, dir);
    put32(&mut out, 56, 0x1000);
    put32(&mut out, 60, ENDOFCHAIN);
    put32(&mut out, 68, ENDOFCHAIN);
    for i in 0..109 {
        let id = if i < fat_sectors { i as u32 } else { FREESECT };
        put32(&mut out, 76 + 4 * i, id);
    }
    // The FAT: its own sectors, the directory's, then the stream's chain.
    let mut fat = vec![0xFFFF_FFFDu32; fat_sectors];
    fat.push(ENDOFCHAIN);
    fat.extend((1..data_sectors as u32).map(|i| first + i));
    fat.push(ENDOFCHAIN);
    fat.resize(fat_sectors * SECTOR / 4, FREESECT);
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    // The directory: the root, then the stream. calamine takes a version-4
    // root without a start for an empty file, so it points at sector 0;
    // with no mini FAT it is never read.
    let mut dirs = vec![0u8; SECTOR];
    for (i, (name, typ, child, start, size)) in [
        ("Root Entry", 5u8, 1u32, 0u32, 0u64),
        ("Workbook", 2, NOSTREAM, first, len as u64),
    ]
    .into_iter()
    .enumerate()
    {
        let e = &mut dirs[i * 128..(i + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().collect();
        for (j, u) in units.iter().enumerate() {
            put16(e, 2 * j, *u);
        }
        put16(e, 64, (units.len() as u16 + 1) * 2);
        e[66] = typ;
        e[67] = 1;
        put32(e, 68, NOSTREAM);
        put32(e, 72, NOSTREAM);
        put32(e, 76, child);
        put32(e, 116, start);
        e[120..128].copy_from_slice(&size.to_le_bytes());
    }
    for i in 2..SECTOR / 128 {
        let e = &mut dirs[i * 128..(i + 1) * 128];
        put32(e, 68, NOSTREAM);
        put32(e, 72, NOSTREAM);
        put32(e, 76, NOSTREAM);
    }
    out.extend_from_slice(&dirs);
    out.extend_from_slice(&stream);
    out.resize(out.len().div_ceil(SECTOR) * SECTOR, 0);
    out
}
