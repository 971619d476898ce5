//! `baocao new DIR`: a small working site to start from — one unit, two
//! periods of data, one article with a figure, a comparison and a chart.

use crate::messages::{Hint, Msg};
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The files of a new site, relative to its folder.
const FILES: &[(&str, &str)] = &[
    (
        "content/site.yaml",
        r#"# Cài đặt của trang. Xem hướng dẫn trong README của baocao.
title: "Trang thông tin cải cách hành chính"
base_url: "https://example.gov.vn/"
language: vi
owner:
  name: "Ủy ban nhân dân huyện (tên đơn vị)"
  responsible: "Trưởng Ban biên tập: (họ và tên)"
  address: "(địa chỉ)"
  phone: "(số điện thoại)"
  email: "(thư điện tử)"
  licence: "Giấy phép số (số giấy phép)"
menu:
  - { name: "Trang chủ", url: "/" }
  - { name: "Tin tức", url: "/tin-tuc/" }
units:
  - id: huyen-mau
    name: "Huyện Mẫu"
    short: "Huyện Mẫu"
    level: district
"#,
    ),
    (
        "content/data/huyen-mau.yaml",
        r#"# Số liệu theo kỳ: mỗi bản ghi là một đơn vị trong một kỳ báo cáo.
- unit: huyen-mau
  period: "2023"
  source: "Báo cáo kết quả cải cách hành chính năm 2023 (ví dụ)"
  metrics:
    received: 12500
    received_online: 6100
    received_direct: 6400
    carried_over: 320
    resolved: 12400
    resolved_early: 9800
    resolved_on_time: 2480
- unit: huyen-mau
  period: "2022"
  source: "Báo cáo kết quả cải cách hành chính năm 2022 (ví dụ)"
  metrics:
    received: 11200
    received_online: 4200
    received_direct: 7000
"#,
    ),
    (
        "content/articles/tin-tuc/_index.md",
        "---\ntitle: \"Tin tức\"\n---\nTin về kết quả cải cách hành chính.\n",
    ),
    (
        "content/articles/tin-tuc/ket-qua-nam-2023.md",
        r#"---
title: "Kết quả giải quyết thủ tục hành chính năm 2023"
date: 2024-01-15T08:00:00+07:00
unit: huyen-mau
period: "2023"
summary: "Trong {{ period.label }}, {{ unit.name }} tiếp nhận {{ data.received | num }} hồ sơ, {{ compare(key=\"received\") }}."
author: "Ban biên tập"
category: "Cải cách hành chính"
tags: ["Cải cách hành chính"]
---
Trong {{ period.label }}, {{ unit.name }} đã giải quyết {{ data.resolved | num }} hồ sơ; tỷ lệ giải quyết đúng và trước hạn đạt {{ data.on_time_rate | pct }}.

Tỷ lệ hồ sơ nộp trực tuyến đạt {{ data.online_rate | pct }}, {{ compare(key="online_rate") }}.

{{ chart(kind="stacked", metrics=["resolved_early", "resolved_on_time", "resolved_late"], title="Kết quả giải quyết hồ sơ theo thời hạn") }}
"#,
    ),
];

/// Creates a new site in `dir`, which must be empty or not exist yet.
pub fn create(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty || !dir.is_dir() {
            return Err(
                Diagnostic::error(crate::msg!(Msg::NewFolderNotEmpty, dir.display()))
                    .hint(Hint::ChooseNewFolderName),
            );
        }
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        let io = |e: std::io::Error| {
            Diagnostic::error(crate::msg!(Msg::CannotWrite, path.display(), e))
                .hint(Hint::CheckFolderWritable)
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, text).map_err(io)?;
        written.push(rel.to_string());
    }
    Ok(written)
}

/// A path as one word of a command line, so a command printed with it
/// works when pasted: as is when it is made of letters, digits and
/// `-_./:@+,=~`; else in double quotes when it holds none of the
/// characters a shell still reads inside them (sh; on Windows PowerShell
/// and cmd); else in single quotes (sh, or PowerShell on Windows).
pub fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_alphanumeric() || "-_./:@+,=~".contains(c);
    let special: &[char] = if cfg!(windows) {
        &['"', '$', '`', '%']
    } else {
        &['"', '$', '`', '!', '\\']
    };
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else if !text.contains(special) {
        format!("\"{text}\"")
    } else if cfg!(windows) {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_quoted_only_when_a_shell_would_split_them() {
        let word = |s: &str| shell_word(Path::new(s));
        assert_eq!(word("ten-trang"), "ten-trang");
        assert_eq!(word("../trang/thử_1"), "../trang/thử_1");
        assert_eq!(word("trang mới"), "\"trang mới\"");
        assert_eq!(word("a&b"), "\"a&b\"");
        if cfg!(unix) {
            assert_eq!(word("it's $HOME"), "'it'\\''s $HOME'");
        }
    }

    #[test]
    fn refuses_a_folder_with_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "x").unwrap();
        assert!(
            create(dir.path())
                .unwrap_err()
                .message
                .en()
                .contains("not an empty folder")
        );
        let fresh = dir.path().join("moi");
        assert_eq!(create(&fresh).unwrap().len(), FILES.len());
    }
}
