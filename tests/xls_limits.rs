//! Hostile .xls workbooks (BIFF8 in a compound file): `import` checks them
//! before calamine reads them, under a 4 GB address-space limit, and stops
//! with a located error naming the limit or the damage, never an abort.

mod common;
use common::*;

fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
    out
}

fn bof(dt: u16) -> Vec<u8> {
    let mut d = 0x0600u16.to_le_bytes().to_vec();
    d.extend(dt.to_le_bytes());
    d.extend([0u8; 12]);
    rec(0x0809, &d)
}

fn label(r: u16, c: u16, text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut d = Vec::new();
    for v in [r, c, 0, units.len() as u16] {
        d.extend(v.to_le_bytes());
    }
    d.push(1);
    d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    rec(0x0204, &d)
}

fn number(r: u16, c: u16, v: f64) -> Vec<u8> {
    let mut d = Vec::new();
    for x in [r, c, 0] {
        d.extend(x.to_le_bytes());
    }
    d.extend(v.to_le_bytes());
    rec(0x0203, &d)
}

fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(rf.to_le_bytes());
    d.extend(rl.to_le_bytes());
    for x in [cf, cl, 0] {
        d.extend(x.to_le_bytes());
    }
    rec(0x0200, &d)
}

/// A Workbook stream of one sheet `Sheet1` holding `records`.
fn stream(records: &[Vec<u8>]) -> Vec<u8> {
    let name = b"Sheet1";
    let eof = rec(0x000A, &[]);
    let glob = bof(0x0005);
    let bound_len = 4 + 6 + 2 + name.len();
    let pos = (glob.len() + bound_len + eof.len()) as u32;
    let mut bound = pos.to_le_bytes().to_vec();
    bound.extend([0, 0, name.len() as u8, 0]);
    bound.extend_from_slice(name);
    let mut s = glob;
    s.extend(rec(0x0085, &bound));
    s.extend(&eof);
    s.extend(bof(0x0010));
    for r in records {
        s.extend(r);
    }
    s.extend(&eof);
    if s.len() < 4096 {
        s.resize(4096, 0);
    }
    s.resize(s.len().div_ceil(512) * 512, 0);
    s
}

/// A compound file of 512-byte sectors: header, one FAT sector, one
/// directory sector, then the stream. `fat_edit` may damage the FAT.
fn cfb(stream: &[u8], fat_edit: impl Fn(&mut Vec<u32>)) -> Vec<u8> {
    let n = stream.len() / 512;
    assert!(2 + n <= 128);
    let mut h = vec![0u8; 512];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    for (at, v) in [(24, 0x3E), (26, 3), (28, 0xFFFE), (30, 9), (32, 6)] {
        put16(&mut h, at, v);
    }
    for (at, v) in [
        (44, 1),
        (48, 1),
        (56, 0x1000),
        (60, 0xFFFF_FFFE),
        (68, 0xFFFF_FFFE),
        (76, 0),
    ] {
        put32(&mut h, at, v);
    }
    for i in 1..109 {
        put32(&mut h, 76 + 4 * i, 0xFFFF_FFFF);
    }
    let mut fat = vec![0xFFFF_FFFD, 0xFFFF_FFFE];
    fat.extend((2..1 + n as u32).map(|i| i + 1));
    fat.push(0xFFFF_FFFE);
    fat.resize(128, 0xFFFF_FFFF);
    fat_edit(&mut fat);
    let mut out = h;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    let mut dir = vec![0u8; 512];
    for (i, (name, typ, child, start, size)) in [
        ("Root Entry", 5u8, 1u32, 0xFFFF_FFFEu32, 0u32),
        ("Workbook", 2, 0xFFFF_FFFF, 2, stream.len() as u32),
    ]
    .into_iter()
    .enumerate()
    {
        let e = &mut dir[i * 128..(i + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().collect();
        for (j, u) in units.iter().enumerate() {
            put16(e, 2 * j, *u);
        }
        put16(e, 64, (units.len() as u16 + 1) * 2);
        e[66] = typ;
        e[67] = 1;
        put32(e, 68, 0xFFFF_FFFF);
        put32(e, 72, 0xFFFF_FFFF);
        put32(e, 76, child);
        put32(e, 116, start);
        put32(e, 120, size);
    }
    for i in 2..4 {
        let e = &mut dir[i * 128..(i + 1) * 128];
        for at in [68, 72, 76] {
            put32(e, at, 0xFFFF_FFFF);
        }
    }
    out.extend(dir);
    out.extend_from_slice(stream);
    out
}

fn base() -> Vec<Vec<u8>> {
    vec![
        label(0, 0, "Đơn vị"),
        label(0, 1, "Kỳ báo cáo"),
        label(0, 2, "Tiếp nhận"),
        label(1, 0, "thuan-an"),
        label(1, 1, "2021"),
        number(1, 2, 275.0),
    ]
}

fn with(extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut records = base();
    records.extend(extra);
    cfb(&stream(&records), |_| {})
}

/// Runs `import` under `ulimit -v 4000000` on `bytes` saved as `name`.
fn import(name: &str, bytes: &[u8], lang: &str) -> (i32, String, bool) {
    let site = SiteTest::fixture("good");
    let file = site.root.join(name);
    std::fs::write(&file, bytes).unwrap();
    let out = site.root.join("nhap");
    let res = capped(env!("CARGO_BIN_EXE_baocao"))
        .args(["import", file.to_str().unwrap(), "--out"])
        .arg(&out)
        .arg("--root")
        .arg(&site.root)
        .env("BAOCAO_LANG", lang)
        .output()
        .unwrap();
    (
        res.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&res.stderr).into_owned(),
        out.exists(),
    )
}

#[test]
fn a_plain_xls_imports() {
    let (code, stderr, wrote) = import("bao-cao.xls", &with(vec![]), "en");
    assert_eq!(code, 0, "{stderr}");
    assert!(wrote);
}

#[test]
fn hostile_xls_stop_at_a_named_limit_or_damage() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "dim.xls",
            cfb(
                &stream(&[vec![dims(0, u32::MAX, 0, 256)], base()].concat()),
                |_| {},
            ),
            "beyond the limits of 100000 rows, 256 columns and 2000000 cells",
        ),
        (
            "dim-backwards.xls",
            cfb(&stream(&[vec![dims(9, 3, 0, 3)], base()].concat()), |_| {}),
            "DIMENSIONS record ends before it starts",
        ),
        (
            "far.xls",
            with(vec![number(65535, 65535, 1.0)]),
            "past column 256",
        ),
        // The format comes from the bytes: the name does not matter.
        (
            "far.csv",
            with(vec![number(65535, 65535, 1.0)]),
            "past column 256",
        ),
        (
            "span.xls",
            with(vec![number(65535, 255, 1.0)]),
            "the filled cells span 65536 rows × 256 columns, beyond the limit of 2000000 cells",
        ),
        (
            "loop.xls",
            cfb(&stream(&base()), |fat| {
                let last = fat.iter().rposition(|&v| v == 0xFFFF_FFFE).unwrap();
                fat[last] = 2;
            }),
            "a chain of sectors loops",
        ),
        (
            "cut.xls",
            with(vec![])[..700].to_vec(),
            "as an .xls workbook",
        ),
    ];
    for (name, bytes, words) in cases {
        let (code, stderr, wrote) = import(name, &bytes, "en");
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(strip_codes(&stderr).contains(words), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: the file is named: {stderr}");
        assert!(!wrote, "{name} wrote files");
        let (code, stderr, _) = import(name, &bytes, "vi");
        assert_eq!(code, 1, "{name}: {stderr}");
        for line in stderr.lines().filter(|l| l.starts_with("lỗi[")) {
            assert!(
                !line.contains(" the ") && !line.contains(" is "),
                "{name}: not in Vietnamese: {line}"
            );
        }
        assert!(stderr.contains("lỗi["), "{name}: {stderr}");
    }
}
