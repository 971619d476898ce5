//! All message wording in one place: every diagnostic's code, and its text
//! in Vietnamese beside the English it is written in at the call site.
//! Messages are matched by pattern (`{}` stands for a value, itself
//! translated when it is a message too), so the call sites stay readable
//! and a test checks that every message a build can print has its entry.

use std::path::Path;

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

    /// "error" / "lỗi" and the other fixed words of a report.
    pub fn word(self, en: &'static str) -> &'static str {
        if self == Lang::En {
            return en;
        }
        match en {
            "error" => "lỗi",
            "warning" => "cảnh báo",
            "hint" => "gợi ý",
            "errors" => "lỗi",
            "warnings" => "cảnh báo",
            "and" => "và",
            "nothing was written" => "chưa ghi tệp nào: sửa các lỗi trên rồi chạy lại lệnh",
            _ => en,
        }
    }
}

/// (code, English pattern, Vietnamese pattern). More specific patterns
/// come before more general ones.
const MESSAGES: &[(&str, &str, &str)] = &[
    // Site, files, output, server.
    // Only content/site.yaml is looked for this way; a general "no {} in {}"
    // would catch (and half-translate) every "no … in the header row".
    (
        "E0101",
        "no content/site.yaml in {}",
        "không có content/site.yaml trong {}",
    ),
    (
        "E0160",
        "cannot read {} as an .xls workbook: {}",
        "không đọc được {} như một bảng tính .xls: {}",
    ),
    (
        "E0102",
        "cannot read {} as an Excel workbook: {}",
        "không đọc được {} như một bảng tính Excel: {}",
    ),
    ("E0103", "cannot read CSV: {}", "không đọc được tệp CSV: {}"),
    (
        "E0104",
        "cannot read sheet `{}`: {}",
        "không đọc được trang tính `{}`: {}",
    ),
    (
        "E0105",
        "cannot read the front matter: {}",
        "không đọc được phần đầu bài (front matter): {}",
    ),
    (
        "E0623",
        "`{}` is not a whole number: a count or an amount is not read from it",
        "`{}` không phải số nguyên: không đọc số đếm hay số tiền từ ô này",
    ),
    (
        "E0611",
        "cannot read sheet `{}` of {}: {}",
        "không đọc được trang tính `{}` của {}: {}",
    ),
    (
        "E0612",
        "cannot read {} as CSV: {}",
        "không đọc được {} dưới dạng CSV: {}",
    ),
    ("E0610", "cannot create {}: {}", "không tạo được {}: {}"),
    ("E0106", "cannot read {}: {}", "không đọc được {}: {}"),
    (
        "E0107",
        "{} is not UTF-8 text",
        "{} không phải văn bản mã UTF-8",
    ),
    ("E0108", "cannot write {}: {}", "không ghi được {}: {}"),
    (
        "E0109",
        "refusing to write the site into {}: it holds or is inside the site's sources",
        "không ghi trang vào {}: thư mục này chứa hoặc nằm trong mã nguồn của trang",
    ),
    (
        "E0150",
        "refusing to write `{}`: the path would leave the output folder",
        "không ghi `{}`: đường dẫn này nằm ngoài thư mục kết quả",
    ),
    (
        "E0451",
        "raw HTML `{}` is not allowed in an article: only formatting tags, without links, styles or scripts",
        "không được dùng mã HTML `{}` trong bài viết: chỉ dùng thẻ định dạng, không có liên kết, kiểu trình bày hay mã lệnh",
    ),
    (
        "E0152",
        "{} has `\\` in its name",
        "tên tệp {} có ký tự `\\`",
    ),
    (
        "E0214",
        "unit `{}`, period `{}`: the formula of `{}` gives {}, more than any report holds",
        "đơn vị `{}`, kỳ `{}`: công thức của `{}` cho ra {}, lớn hơn mọi con số một báo cáo có thể có",
    ),
    (
        "E0215",
        "a row of {} has {} fields, beyond the limit of {} columns",
        "một dòng của {} có {} ô, vượt giới hạn {} cột",
    ),
    (
        "E0450",
        "`{}` gives an empty part of the URL: its name has no letter or digit",
        "`{}` cho ra một phần rỗng trong đường dẫn (URL): tên không có chữ cái hay chữ số nào",
    ),
    (
        "E0151",
        "per_page is 0: a list page must show at least one article",
        "`per_page` bằng 0: mỗi trang danh sách phải có ít nhất một bài",
    ),
    (
        "W0151",
        "{} is not read: data files are .yaml, .csv and .xlsx",
        "{} không được đọc: tệp số liệu phải là .yaml, .csv hoặc .xlsx",
    ),
    (
        "W0150",
        "{} is a symbolic link and is skipped",
        "{} là liên kết tượng trưng (symbolic link) nên được bỏ qua",
    ),
    (
        "E0110",
        "{} is not empty and was not made by baocao",
        "{} không trống và không do baocao tạo ra",
    ),
    (
        "E0111",
        "the theme `{}` does not exist",
        "không có giao diện `{}`",
    ),
    ("E0112", "theme template: {}", "mẫu giao diện: {}"),
    (
        "E0113",
        "base_url `{}` is not an absolute URL",
        "base_url `{}` không phải địa chỉ đầy đủ",
    ),
    (
        "E0114",
        "cannot listen on {}: {}",
        "không mở được cổng {}: {}",
    ),
    (
        "E0115",
        "`{}` is not a valid unit id",
        "`{}` không phải mã đơn vị hợp lệ",
    ),
    (
        "E0116",
        "the unit `{}` is declared twice",
        "đơn vị `{}` được khai báo hai lần",
    ),
    (
        "E0117",
        "the parent `{}` of unit `{}` is not a unit",
        "đơn vị cấp trên `{}` của đơn vị `{}` chưa được khai báo",
    ),
    (
        "E0118",
        "the menu entry `{}` links to {}: {}",
        "mục menu `{}` trỏ tới {}: {}",
    ),
    (
        "E0119",
        "{} already exists and is not an empty folder",
        "{} đã có và không phải thư mục trống",
    ),
    // Workbooks past the limits of src/workbook.rs.
    (
        "E0120",
        "the workbook unpacks to more than {} MB, the limit for a workbook",
        "bảng tính giải nén ra hơn {} MB, vượt giới hạn dung lượng của một bảng tính",
    ),
    (
        "E0121",
        "the workbook has {} parts, more than the limit of {}",
        "bảng tính có {} phần, vượt giới hạn {} phần",
    ),
    (
        "E0122",
        "the workbook's shared-string table ({}) holds {} strings, more than the limit of {}",
        "bảng chuỗi dùng chung của bảng tính ({}) có {} chuỗi, vượt giới hạn {} chuỗi",
    ),
    (
        "E0123",
        "the cell reference `{}` in {} lies beyond the last row ({}) or column ({}) a sheet can have",
        "tham chiếu ô `{}` trong {} nằm ngoài dòng cuối ({}) hoặc cột cuối ({}) của một trang tính",
    ),
    (
        "E0124",
        "a filled cell in row {} is beyond the limit of {} rows",
        "có ô chứa dữ liệu ở dòng {}, vượt giới hạn {} dòng",
    ),
    (
        "E0124",
        "a filled cell in column {} is beyond the limit of {} columns",
        "có ô chứa dữ liệu ở cột {}, vượt giới hạn {} cột",
    ),
    (
        "E0125",
        "more than {} cells are filled, beyond the limit of {} cells",
        "có hơn {} ô chứa dữ liệu, vượt giới hạn {} ô",
    ),
    (
        "E0125",
        "the filled cells span {} rows × {} columns, beyond the limit of {} cells",
        "vùng dữ liệu rộng {} dòng × {} cột, vượt giới hạn {} ô",
    ),
    (
        "E0126",
        "the cells hold more than {} MB of text, beyond the limit of {} MB",
        "các ô chứa hơn {} MB chữ, vượt giới hạn {} MB",
    ),
    (
        "E0166",
        "{} is a symbolic link: import does not write through links",
        "{} là liên kết tượng trưng (symbolic link): lệnh import không ghi qua liên kết",
    ),
    (
        "E0167",
        "the workbook holds more than {} XML elements besides its cells and strings (in {}), beyond the limit of {}",
        "bảng tính có hơn {} phần tử XML ngoài các ô và chuỗi (trong {}), vượt giới hạn {}",
    ),
    // .xls workbooks past the limits of src/xls.rs; the reasons an .xls
    // file is damaged are shown inside E0160, so they have no code.
    (
        "E0161",
        "the Workbook stream holds {} MB, more than the limit of {} MB",
        "luồng Workbook của bảng tính chứa {} MB, vượt giới hạn {} MB",
    ),
    (
        "E0162",
        "the sheet declares rows {} to {} and columns {} to {} (its DIMENSIONS record), beyond the limits of {} rows, {} columns and {} cells",
        "trang tính khai báo các dòng {} đến {} và các cột {} đến {} (bản ghi DIMENSIONS), vượt giới hạn {} dòng, {} cột và {} ô",
    ),
    (
        "",
        "a cell of sheet `{}` lies in column {}, past column {}, the last an .xls sheet has",
        "một ô của trang tính `{}` nằm ở cột {}, quá cột {} là cột cuối cùng của trang tính .xls",
    ),
    (
        "",
        "it is not a compound file",
        "đây không phải tệp Excel 97–2003 (.xls) hợp lệ",
    ),
    (
        "",
        "its sector size is not 512 or 4096 bytes",
        "kích thước sector không phải 512 hay 4096 byte",
    ),
    (
        "",
        "its mini-sector size is not 64 bytes",
        "kích thước mini-sector không phải 64 byte",
    ),
    (
        "",
        "a sector lies past the end of the file",
        "có sector nằm ngoài phần cuối của tệp",
    ),
    ("", "a chain of sectors loops", "có chuỗi sector quay vòng"),
    (
        "",
        "a chain of sectors runs past its table",
        "có chuỗi sector vượt ra ngoài bảng sector",
    ),
    ("", "a DIFAT sector is empty", "có sector DIFAT trống"),
    (
        "",
        "its sector table is longer than the file",
        "bảng sector dài hơn cả tệp",
    ),
    (
        "",
        "it has no directory",
        "tệp không có thư mục (directory)",
    ),
    (
        "",
        "it holds no Workbook stream",
        "tệp không có luồng Workbook",
    ),
    (
        "",
        "the Workbook stream is cut short",
        "luồng Workbook bị cắt cụt",
    ),
    (
        "",
        "a record of the Workbook stream is cut short",
        "có bản ghi trong luồng Workbook bị cắt cụt",
    ),
    (
        "",
        "a record of the Workbook stream is damaged",
        "có bản ghi trong luồng Workbook bị hỏng",
    ),
    (
        "",
        "a sheet starts past the end of the Workbook stream",
        "có trang tính bắt đầu sau phần cuối của luồng Workbook",
    ),
    (
        "",
        "a sheet's DIMENSIONS record ends before it starts",
        "bản ghi DIMENSIONS của một trang tính kết thúc trước khi bắt đầu",
    ),
    (
        "",
        "a record of a run of cells ends before it starts",
        "có bản ghi dãy ô kết thúc trước khi bắt đầu",
    ),
    // Data files.
    ("E0201", "unknown unit `{}`; {}", "không có đơn vị `{}`; {}"),
    ("E0201", "unknown unit `{}`", "không có đơn vị `{}`"),
    (
        "E0202",
        "bad period `{}`: {}",
        "kỳ báo cáo `{}` không hợp lệ: {}",
    ),
    (
        "E0203",
        "unknown metric key `{}`; did you mean `{}`?",
        "không có mã chỉ tiêu `{}`; có phải là `{}`?",
    ),
    (
        "E0203",
        "unknown metric key `{}`",
        "không có mã chỉ tiêu `{}` trong danh mục",
    ),
    (
        "E0204",
        "the value of `{}` is not a number",
        "giá trị của `{}` không phải là số",
    ),
    (
        "E0205",
        "`{}` in column `{}` is not a number",
        "`{}` ở cột `{}` không phải là số",
    ),
    (
        "E0206",
        "`{}` is a count but {} has decimals",
        "`{}` là số đếm nhưng {} có phần thập phân",
    ),
    (
        "E0206",
        "`{}` is an amount in đồng but {} has decimals",
        "`{}` là số tiền (đồng) nhưng {} có phần thập phân",
    ),
    (
        "E0213",
        "`{}` is {}: more than any report holds",
        "`{}` bằng {}: lớn hơn mọi con số một báo cáo có thể có",
    ),
    (
        "E0207",
        "a second record for unit `{}` and period `{}` (the first is in {})",
        "bản ghi thứ hai của đơn vị `{}`, kỳ `{}` (bản ghi thứ nhất ở {})",
    ),
    (
        "E0208",
        "no `unit` column in the header row",
        "dòng tiêu đề không có cột `unit` (Đơn vị)",
    ),
    (
        "E0209",
        "no `period` column in the header row",
        "dòng tiêu đề không có cột `period` (Kỳ báo cáo)",
    ),
    (
        "E0210",
        "a row without unit or period",
        "một dòng thiếu đơn vị hoặc kỳ báo cáo",
    ),
    (
        "E0211",
        "the columns `{}` and `{}` hold the same figure",
        "hai cột `{}` và `{}` cùng ghi một chỉ tiêu",
    ),
    (
        "E0212",
        "{} holds no sheet with a `unit` column",
        "{} không có trang tính nào có cột `unit` (Đơn vị)",
    ),
    // The metric catalogue.
    (
        "E0301",
        "`{}` is not a valid metric key",
        "`{}` không phải mã chỉ tiêu hợp lệ",
    ),
    (
        "E0302",
        "the formula of `{}` is a comparison",
        "công thức của `{}` là một phép so sánh",
    ),
    (
        "E0303",
        "the formula of `{}` cannot be read: {}",
        "không đọc được công thức của `{}`: {}",
    ),
    (
        "E0304",
        "the new metric `{}` needs a `label` and a `unit`",
        "chỉ tiêu mới `{}` cần có `label` và `unit`",
    ),
    (
        "E0305",
        "the check `{}` is not a comparison",
        "phép kiểm tra `{}` không phải là phép so sánh",
    ),
    (
        "E0306",
        "the check `{}` cannot be read: {}",
        "không đọc được phép kiểm tra `{}`: {}",
    ),
    (
        "E0307",
        "`{}` names both `{}` and `{}`",
        "`{}` vừa là tên của `{}` vừa là tên của `{}`",
    ),
    (
        "E0308",
        "`{}` uses the unknown metric `{}`",
        "`{}` dùng chỉ tiêu chưa có trong danh mục `{}`",
    ),
    // Articles and pages.
    (
        "E0401",
        "no front matter",
        "bài viết thiếu phần đầu (front matter)",
    ),
    (
        "E0402",
        "the front matter is not closed",
        "phần đầu bài chưa được đóng",
    ),
    (
        "E0403",
        "the front matter is empty",
        "phần đầu bài còn trống",
    ),
    ("E0404", "no title", "bài viết chưa có tiêu đề"),
    (
        "E0416",
        "the file contains the control character U+{}",
        "tệp có ký tự điều khiển U+{}",
    ),
    ("E0405", "`{}` is not a date", "`{}` không phải ngày tháng"),
    (
        "E0406",
        "`{}` is not a valid slug",
        "`{}` không phải địa chỉ (slug) hợp lệ",
    ),
    (
        "E0407",
        "an article without a date",
        "bài viết chưa có ngày đăng",
    ),
    (
        "E0408",
        "the image `{}` is not in content/static/",
        "ảnh `{}` không có trong content/static/",
    ),
    (
        "E0409",
        "{} and {} both map to the URL {}",
        "{} và {} cùng trỏ tới địa chỉ {}",
    ),
    (
        "E0410",
        "content/static/{} would overwrite a generated file",
        "tệp content/static/{} sẽ ghi đè lên một trang được tạo ra",
    ),
    ("E0411", "broken link `{}`: {}", "liên kết hỏng `{}`: {}"),
    (
        "E0412",
        "the metric `{}` has no value in {} ({})",
        "chỉ tiêu `{}` không có số liệu trong {} ({})",
    ),
    (
        "E0413",
        "`{}` is used, but there is no cùng kỳ record (unit `{}`, period `{}`)",
        "bài dùng `{}` nhưng không có bản ghi cùng kỳ (đơn vị `{}`, kỳ `{}`)",
    ),
    (
        "E0414",
        "`{}` is used, but there is no record for {}",
        "bài dùng `{}` nhưng không có bản ghi cho {}",
    ),
    (
        "E0415",
        "`{}` is used, but the article names {}",
        "bài dùng `{}` nhưng chưa ghi {}",
    ),
    // Template functions and Tera.
    (
        "E0501",
        "the metric `{}` has no value for unit `{}`, period `{}`",
        "chỉ tiêu `{}` không có số liệu cho đơn vị `{}`, kỳ `{}`",
    ),
    (
        "E0502",
        "there is no record for unit `{}`, period `{}`",
        "không có bản ghi của đơn vị `{}`, kỳ `{}`",
    ),
    (
        "E0503",
        "compare(key=\"{}\") needs the record of unit `{}` for {} ({}), and there is none",
        "compare(key=\"{}\") cần bản ghi của đơn vị `{}` cho {} ({}), nhưng chưa có",
    ),
    (
        "E0504",
        "this page has no unit: pass unit=\"…\" or set `unit:` in the front matter",
        "trang này chưa có đơn vị: ghi unit=\"…\" hoặc `unit:` ở phần đầu bài",
    ),
    (
        "E0505",
        "this page has no period: pass period=\"…\" or set `period:` in the front matter",
        "trang này chưa có kỳ báo cáo: ghi period=\"…\" hoặc `period:` ở phần đầu bài",
    ),
    (
        "E0506",
        "against=\"{}\" is not known: use \"same_period\" (cùng kỳ) or \"previous\" (kỳ trước)",
        "against=\"{}\" không hợp lệ: dùng \"same_period\" (cùng kỳ) hoặc \"previous\" (kỳ trước)",
    ),
    (
        "E0507",
        "unknown date format `{}`: use \"short\", \"long\" or \"full\"",
        "không có kiểu ngày `{}`: dùng \"short\", \"long\" hoặc \"full\"",
    ),
    (
        "E0508",
        "{}() has no argument `{}`; did you mean `{}`?",
        "{}() không có tham số `{}`; có phải là `{}`?",
    ),
    (
        "E0508",
        "{}() has no argument `{}`; it takes {}",
        "{}() không có tham số `{}`; các tham số là {}",
    ),
    (
        "E0510",
        "chart(kind=\"{}\"): unknown kind; the kinds are {}",
        "chart(kind=\"{}\"): không có loại biểu đồ này; các loại là {}",
    ),
    ("E0511", "chart(kind=\"{}\"): {}", "chart(kind=\"{}\"): {}"),
    (
        "E0514",
        "{}(): {}= must be a whole number from 1 up, e.g. {}",
        "{}(): {}= phải là số nguyên từ 1 trở lên, ví dụ {}",
    ),
    (
        "E0514",
        "{}(): {}= must be a list in brackets, e.g. {}",
        "{}(): {}= phải là danh sách trong ngoặc vuông, ví dụ {}",
    ),
    (
        "E0514",
        "{}(): {}= must be text in quotes, e.g. {}",
        "{}(): {}= phải là chữ trong ngoặc kép, ví dụ {}",
    ),
    (
        "E0515",
        "chart() needs kind=\"…\": one of {}",
        "chart() cần kind=\"…\": một trong {}",
    ),
    ("E0512", "kpis(): {}", "kpis(): {}"),
    ("E0513", "table(): {}", "table(): {}"),
    ("E0520", "Unknown function `{}`", "không có hàm `{}`"),
    ("E0521", "Unknown filter `{}`", "không có bộ lọc `{}`"),
    (
        "E0522",
        "Found {} but expected {}.",
        "gặp {} trong khi cần {}.",
    ),
    (
        "E0523",
        "Unexpected end of input",
        "mẫu kết thúc đột ngột (thiếu `}}` hoặc `%}`)",
    ),
    ("E0524", "Unexpected character", "ký tự không đúng chỗ"),
    (
        "E0525",
        "Invalid type for the value, expected `{}` but got `{}`",
        "giá trị cần kiểu `{}` nhưng lại là `{}`",
    ),
    (
        "E0526",
        "Missing keyword argument `{}`",
        "thiếu tham số `{}`",
    ),
    (
        "E0527",
        "Field `{}` is not defined. {}",
        "không có trường `{}`. {}",
    ),
    (
        "E0528",
        "Tried to render a variable that is undefined",
        "biến này chưa được định nghĩa",
    ),
    (
        "E0540",
        "a comment `{#` is not closed with `#}`",
        "chú thích `{#` chưa được đóng bằng `#}`",
    ),
    (
        "E0541",
        "`{% set %}` needs a name and a value, as in `{% set x = 1 %}`",
        "`{% set %}` cần một tên và một giá trị, như `{% set x = 1 %}`",
    ),
    ("E0542", "a division by zero", "phép chia cho 0"),
    (
        "E0543",
        "the template nests too deep",
        "mẫu lồng nhau quá sâu",
    ),
    (
        "E0544",
        "`{}` is not expected here",
        "không được có `{}` ở đây",
    ),
    (
        "E0545",
        "range() would give too many numbers",
        "range() cho ra quá nhiều số",
    ),
    (
        "E0546",
        "a template includes itself",
        "một mẫu tự nhúng chính nó",
    ),
    ("E0547", "there is no template `{}`", "không có mẫu `{}`"),
    ("E0548", "there is no tag `{}`", "không có thẻ `{}`"),
    (
        "E0549",
        "arithmetic needs numbers on both sides",
        "phép tính cần số ở cả hai vế",
    ),
    (
        "E0550",
        "these two values cannot be compared",
        "không so sánh được hai giá trị này",
    ),
    (
        "E0551",
        "this value is not a list to loop over",
        "giá trị này không phải danh sách để lặp qua",
    ),
    (
        "E0552",
        "the template cannot be read or run here",
        "không đọc hoặc chạy được mẫu ở chỗ này",
    ),
    (
        "E0553",
        "an unknown tag, or an `{% end… %}` without its opening tag",
        "thẻ không rõ, hoặc một `{% end… %}` không có thẻ mở tương ứng",
    ),
    ("E0554", "there is no variable `{}`", "không có biến `{}`"),
    (
        "E0530",
        "the template did more than {} steps of work (a loop that never ends, or too many nested loops?)",
        "mẫu đã chạy quá {} bước (vòng lặp không dừng, hoặc lồng quá nhiều vòng lặp?)",
    ),
    (
        "E0531",
        "the template built a text of more than {} bytes",
        "mẫu đã tạo một đoạn chữ dài quá {} byte",
    ),
    (
        "E0532",
        "the template wrote more than {} bytes",
        "mẫu đã viết ra quá {} byte",
    ),
    // Warnings.
    (
        "W0101",
        "unit `{}`, period `{}`: {}",
        "đơn vị `{}`, kỳ `{}`: {}",
    ),
    (
        "W0102",
        "unknown column `{}` is skipped",
        "bỏ qua cột không rõ `{}`",
    ),
    (
        "W0104",
        "{} holds no rows of figures",
        "{} không có dòng số liệu nào",
    ),
    (
        "W0103",
        "`{}` is {}: a rate under 1%, or a fraction of 1?",
        "`{}` bằng {}: tỷ lệ dưới 1%, hay là phần thập phân của 1?",
    ),
    // Import.
    (
        "E0601",
        "\"{}\" fits several units ({}): its row is skipped",
        "\"{}\" khớp với nhiều đơn vị ({}): bỏ qua dòng này",
    ),
    (
        "E0602",
        "\"{}\" is `{}` again for {}: the row is skipped (the first is row {})",
        "\"{}\" lại là `{}` trong {}: bỏ qua dòng này (dòng thứ nhất là dòng {})",
    ),
    (
        "E0603",
        "\"{}\" is not a unit of content/site.yaml: its row is skipped",
        "\"{}\" không phải đơn vị trong content/site.yaml: bỏ qua dòng này",
    ),
    (
        "E0604",
        "\"{}\": the total received {} is not the in-period {} plus the carried-over {}",
        "\"{}\": tổng số tiếp nhận {} không bằng số trong kỳ {} cộng số từ kỳ trước {}",
    ),
    (
        "E0605",
        "\"{}\" names the period {} but the dates give {}: the dates are used",
        "\"{}\" ghi kỳ {} nhưng ngày tháng cho ra {}: dùng theo ngày tháng",
    ),
    (
        "E0606",
        "`{}` is a count but {} has decimals: it is not imported",
        "`{}` là số đếm nhưng {} có phần thập phân: không nhập số này",
    ),
    (
        "E0607",
        "`{}` is not a number: it is not imported",
        "`{}` không phải là số: không nhập số này",
    ),
    (
        "E0609",
        "a row with figures but no unit name is skipped",
        "bỏ qua một dòng có số liệu nhưng không có tên đơn vị",
    ),
    (
        "E0613",
        "no period found in {}",
        "không tìm thấy kỳ báo cáo trong {}",
    ),
    (
        "E0614",
        "no recognisable header in {}",
        "không nhận ra dòng tiêu đề trong {}",
    ),
    (
        "E0615",
        "no row of {} names a unit of content/site.yaml with figures",
        "không dòng nào của {} ghi đơn vị có trong content/site.yaml kèm số liệu",
    ),
    (
        "E0616",
        "no sheet of {} holds a table with a recognisable header",
        "không trang tính nào của {} có bảng với dòng tiêu đề nhận ra được",
    ),
    (
        "E0617",
        "the header names a unit column but no column of figures the catalogue knows",
        "dòng tiêu đề có cột đơn vị nhưng không có cột số liệu nào trong danh mục",
    ),
    (
        "E0618",
        "the row has no period",
        "dòng này chưa có kỳ báo cáo",
    ),
    (
        "E0619",
        "the total row gives {} for \"{}\"{} but the unit rows add up to {}",
        "dòng tổng cộng ghi {} cho \"{}\"{} nhưng các dòng đơn vị cộng lại được {}",
    ),
    (
        "E0620",
        "{} exists: it is not overwritten",
        "{} đã có: không ghi đè",
    ),
    (
        "E0621",
        "{} has no sheet `{}`",
        "{} không có trang tính `{}`",
    ),
    (
        "E0622",
        "{} is a CSV file: --sheet is ignored",
        "{} là tệp CSV: bỏ qua --sheet",
    ),
    (
        "E0608",
        "`{}` is not a period",
        "`{}` không phải kỳ báo cáo",
    ),
    // Parts of messages (the values inside the ones above).
    ("", "`{}` is not a year", "`{}` không phải năm"),
    (
        "",
        "`{}` is not a date YYYY-MM-DD",
        "`{}` không phải ngày dạng YYYY-MM-DD",
    ),
    (
        "",
        "the range ends ({}) before it starts ({})",
        "khoảng thời gian kết thúc ({}) trước khi bắt đầu ({})",
    ),
    ("", "the period is empty", "chưa ghi kỳ báo cáo"),
    (
        "",
        "{} is not an article or page of this site (or is a draft)",
        "{} không phải bài viết hay trang của trang này (hoặc là bản nháp)",
    ),
    (
        "",
        "/{} is not a page or file of this site",
        "/{} không phải trang hay tệp của trang này",
    ),
    ("", "this article's record", "bản ghi của bài"),
    ("", "the cùng kỳ record", "bản ghi cùng kỳ"),
    ("", "unit `{}`, period `{}`", "đơn vị `{}`, kỳ `{}`"),
    ("", "the field `{}` is missing", "thiếu trường `{}`"),
    (
        "",
        "there is no field `{}`; the fields are {}",
        "không có trường `{}`; các trường là {}",
    ),
    ("", "there is no field `{}`", "không có trường `{}`"),
    (
        "",
        "there is a field that does not belong here",
        "có một trường không thuộc chỗ này",
    ),
    (
        "",
        "`{}` is not allowed here; write one of {}",
        "không dùng được `{}` ở đây; hãy ghi một trong các giá trị {}",
    ),
    (
        "",
        "a word here is not one of the allowed ones",
        "từ ở đây không thuộc các giá trị được phép",
    ),
    (
        "",
        "the field `{}` is written twice",
        "trường `{}` bị ghi hai lần",
    ),
    (
        "",
        "this {} is {}, where {} is expected",
        "giá trị {} ở đây là {}, trong khi cần {}",
    ),
    (
        "",
        "this is {}, where {} is expected",
        "giá trị ở đây là {}, trong khi cần {}",
    ),
    (
        "",
        "the text does not have the shape this file should hold",
        "nội dung không có dạng mà tệp này cần",
    ),
    (
        "",
        "a `:` where none may stand (text holding `: ` must be in quotes, and keys of one level start in the same column)",
        "có dấu `:` ở chỗ không được phép (chữ có `: ` phải đặt trong ngoặc kép, và các khóa cùng cấp phải thẳng cột)",
    ),
    (
        "",
        "the file ends inside a value (a quote or a bracket is not closed)",
        "tệp kết thúc giữa chừng một giá trị (chưa đóng ngoặc kép hoặc ngoặc)",
    ),
    (
        "",
        "a tab is used for indentation; indent with spaces",
        "dùng phím Tab để thụt lề; hãy thụt lề bằng dấu cách",
    ),
    (
        "",
        "a value starts with a character that needs quotes (`@`, `` ` ``, `%`…)",
        "giá trị bắt đầu bằng ký tự cần đặt trong ngoặc kép (`@`, `` ` ``, `%`…)",
    ),
    (
        "",
        "the lines here do not line up as YAML (indentation, a missing `-`, `,` or closing bracket)",
        "các dòng ở đây không đúng cú pháp YAML (thụt lề, thiếu `-`, `,` hoặc dấu đóng ngoặc)",
    ),
    (
        "",
        "an invisible control character is in the file",
        "tệp có ký tự điều khiển ẩn",
    ),
    (
        "",
        "values are nested too deep",
        "các giá trị lồng nhau quá sâu",
    ),
    (
        "",
        "the text here is not what this file should hold",
        "nội dung ở đây không đúng với những gì tệp này cần",
    ),
    ("", "at `{}`: {}", "tại `{}`: {}"),
    (
        "",
        "this row has {} cells where the header has {}",
        "dòng này có {} ô trong khi dòng tiêu đề có {}",
    ),
    (
        "",
        "the text is not UTF-8",
        "nội dung không phải văn bản UTF-8",
    ),
    (
        "",
        "this row cannot be read as CSV",
        "không đọc được dòng này như CSV",
    ),
    (
        "",
        "a whole number of 0 or more",
        "một số nguyên từ 0 trở lên",
    ),
    ("", "a whole number", "một số nguyên"),
    ("", "a number", "một số"),
    ("", "true or false", "true hoặc false"),
    ("", "text", "chữ"),
    ("", "a list", "một danh sách"),
    (
        "",
        "a set of `key: value` lines",
        "các dòng `khóa: giá trị`",
    ),
    ("", "nothing", "giá trị trống"),
    ("", "one of the allowed words", "một trong các từ được phép"),
    ("", "another kind of value", "một loại giá trị khác"),
    ("", "this article", "bài này"),
    (
        "",
        "a link may not run code (javascript:, vbscript:, data:)",
        "liên kết không được chạy mã lệnh (javascript:, vbscript:, data:)",
    ),
    (
        "",
        "{} is not in content/static/",
        "{} không có trong content/static/",
    ),
    (
        "",
        "{} is not an article, a page or a file in content/static/",
        "{} không phải bài viết, trang, hay tệp trong content/static/",
    ),
    ("", "no unit and no period", "đơn vị và kỳ báo cáo"),
    ("", "no unit", "đơn vị"),
    ("", "no period", "kỳ báo cáo"),
    (
        "",
        "{} is {}, outside 0..100",
        "{} bằng {}, nằm ngoài khoảng 0–100",
    ),
    ("", "{} is negative ({})", "{} bị âm ({})"),
    (
        "",
        "{} is given as {} but {} gives {}",
        "{} được ghi là {} nhưng {} cho ra {}",
    ),
    (
        "",
        "check failed: {} ({}: {} against {})",
        "không đạt phép kiểm tra: {} ({}: {} so với {})",
    ),
    ("", "metrics=[…]: {}", "metrics=[…]: {}"),
    ("", "metric=\"{}\": {}", "metric=\"{}\": {}"),
    ("", "units=[…]: {}", "units=[…]: {}"),
    (
        "",
        "needs metrics=[…] with at least one metric key",
        "cần metrics=[…] với ít nhất một mã chỉ tiêu",
    ),
    (
        "",
        "needs metrics=[…] with at least {} metric key{}",
        "cần metrics=[…] với ít nhất {} mã chỉ tiêu{}",
    ),
    (
        "",
        "needs metric=\"…\" (one metric key)",
        "cần metric=\"…\" (một mã chỉ tiêu)",
    ),
    (
        "",
        "does not take {}=; it takes {}, and title=, unit=, period=",
        "không nhận tham số {}=; loại này nhận {}, và title=, unit=, period=",
    ),
    (
        "",
        "metrics=[…] names `{}` twice",
        "metrics=[…] ghi `{}` hai lần",
    ),
    (
        "",
        "units=[…] names `{}` twice",
        "units=[…] ghi `{}` hai lần",
    ),
    (
        "",
        "`{}` is a rate; parts of a whole must be counts or amounts",
        "`{}` là tỷ lệ; các phần của một tổng phải là số đếm hoặc số tiền",
    ),
    (
        "",
        "at most {} parts can be told apart; this chart has {}",
        "chỉ phân biệt được tối đa {} phần; biểu đồ này có {}",
    ),
    (
        "",
        "takes either units=[…] (one row per unit) or periods=N (one row per period), not both",
        "chỉ nhận units=[…] (mỗi đơn vị một dòng) hoặc periods=N (mỗi kỳ một dòng), không nhận cả hai",
    ),
    (
        "",
        "`{}` and `{}` are measured differently and cannot share one chart",
        "`{}` và `{}` có đơn vị đo khác nhau, không vẽ chung một biểu đồ",
    ),
    (
        "",
        "needs at least 2 periods of the same span with `{}` for unit `{}`; found {} ({})",
        "cần ít nhất 2 kỳ cùng loại có `{}` của đơn vị `{}`; mới có {} ({})",
    ),
    (
        "",
        "needs at least 2 units with `{}` in {}; name them with units=[…]",
        "cần ít nhất 2 đơn vị có `{}` trong {}; ghi các đơn vị bằng units=[…]",
    ),
    (
        "",
        "unknown field `{}`, expected one of {}",
        "không có trường `{}`; các trường là {}",
    ),
    ("", "unknown field `{}`", "không có trường `{}`"),
    ("", "unexpected character `{}`", "ký tự không đúng chỗ `{}`"),
    ("", "expected `)`", "thiếu dấu `)`"),
    (
        "",
        "expected a metric key, a number or `(`",
        "cần một mã chỉ tiêu, một số hoặc `(`",
    ),
    (
        "",
        "unexpected text after the expression",
        "thừa chữ sau biểu thức",
    ),
    ("", "`{}` is not a number", "`{}` không phải là số"),
    (
        "",
        "nesting deeper than {} levels",
        "lồng nhau sâu quá {} cấp",
    ),
    (
        "",
        "more than {} numbers and keys",
        "có quá {} số và mã chỉ tiêu",
    ),
    ("", "none", "chưa có"),
];

/// English hint pattern → Vietnamese.
const HINTS: &[(&str, &str)] = &[
    (
        "convert it with `baocao import FILE`, or save it as .xlsx in Excel",
        "chuyển đổi bằng lệnh `baocao import TỆP`, hoặc lưu lại dạng .xlsx trong Excel",
    ),
    (
        "check the metric's formula in content/metrics.yaml",
        "kiểm tra công thức của chỉ tiêu trong content/metrics.yaml",
    ),
    (
        "rename the file with letters, digits, `-` and `.` only",
        "đổi tên tệp, chỉ dùng chữ cái, chữ số, `-` và `.`",
    ),
    (
        "write links and images in Markdown: [tên](https://…), ![ảnh](/images/hoi-nghi.jpg)",
        "viết liên kết và ảnh bằng Markdown: [tên](https://…), ![ảnh](/images/hoi-nghi.jpg)",
    ),
    (
        "delete the link (or use --out to write elsewhere), then import again",
        "xoá liên kết (hoặc dùng --out để ghi vào chỗ khác) rồi chạy lại lệnh import",
    ),
    (
        "open it in Excel and save it as .xlsx (Excel Workbook), or export the sheet as CSV UTF-8",
        "mở tệp bằng Excel rồi lưu dạng .xlsx (Excel Workbook), hoặc xuất trang tính ra CSV UTF-8",
    ),
    (
        "open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV UTF-8",
        "mở tệp bằng Excel rồi lưu dạng .xlsx (Excel Workbook), hoặc xuất ra CSV UTF-8",
    ),
    (
        "write a number of articles per list page, e.g. `per_page: 10`",
        "ghi số bài trên mỗi trang danh sách, ví dụ `per_page: 10`",
    ),
    (
        "copy the file or folder into content/: baocao does not follow links, so nothing outside the site is published by mistake",
        "chép tệp hoặc thư mục vào content/: baocao không đi theo liên kết, để không vô tình đăng tệp nằm ngoài trang",
    ),
    (
        "links go to pages (https://…, /tin-tuc/…, bai-viet.md), never to code",
        "liên kết chỉ dẫn tới trang (https://…, /tin-tuc/…, bai-viet.md), không bao giờ tới mã lệnh",
    ),
    (
        "put the file in content/static/ and link to it from the site root: [tài liệu](/files/huong-dan.pdf), ![ảnh](/images/hoi-nghi.jpg)",
        "đặt tệp vào content/static/ rồi liên kết tới nó tính từ gốc trang: [tài liệu](/files/huong-dan.pdf), ![ảnh](/images/hoi-nghi.jpg)",
    ),
    (
        "this is a bug in baocao or its theme; please report it with the site that causes it",
        "đây là lỗi của baocao hoặc của giao diện; hãy báo lỗi, gửi kèm trang gây ra lỗi",
    ),
    (
        "rename the folder `{}` with letters or digits, e.g. tin-tuc",
        "đổi tên thư mục `{}` sao cho có chữ cái hoặc chữ số, ví dụ tin-tuc",
    ),
    (
        "give it a `slug:` in the front matter, e.g. `slug: gioi-thieu`, or rename the file with letters or digits",
        "thêm `slug:` vào phần đầu bài, ví dụ `slug: gioi-thieu`, hoặc đổi tên tệp sao cho có chữ cái hoặc chữ số",
    ),
    (
        "a page's template has a bounded amount of work and text: loop over the units or periods you show, not over large ranges, and do not build text by doubling it",
        "mỗi trang chỉ được dùng một lượng tính toán và chữ có giới hạn: chỉ lặp qua các đơn vị hoặc kỳ cần hiển thị, không lặp qua dãy số lớn, không nhân đôi chuỗi chữ",
    ),
    (
        "a data file has a header row, then one row per unit and period; delete the file if it is not needed",
        "tệp số liệu có một dòng tiêu đề, tiếp theo mỗi đơn vị và kỳ một dòng; xóa tệp nếu không dùng đến",
    ),
    (
        "a report is far smaller than this: check that it is the right file, or copy the table into a new workbook in Excel and save that",
        "một báo cáo nhỏ hơn thế rất nhiều: kiểm tra có đúng tệp không, hoặc chép bảng số liệu sang một bảng tính mới trong Excel rồi lưu bảng tính đó",
    ),
    (
        "close each `[` with `]` and each `{` with `}`; site files need only a few levels",
        "đóng mỗi `[` bằng `]` và mỗi `{` bằng `}`; tệp của trang chỉ cần vài cấp lồng nhau",
    ),
    (
        "delete the invisible character (it often comes from copying out of a PDF or a Word file)",
        "xoá ký tự ẩn này (thường do sao chép từ tệp PDF hoặc Word)",
    ),
    (
        "did you mean `{}`? Add new metrics to content/metrics.yaml",
        "có phải là `{}`? Chỉ tiêu mới được thêm trong content/metrics.yaml",
    ),
    (
        "did you mean `{}`? If it is a notes column, nothing is lost",
        "có phải là `{}`? Nếu đó là cột ghi chú thì không mất số liệu nào",
    ),
    (
        "did you mean `{}`? Units are declared in content/site.yaml under `units:`",
        "có phải là `{}`? Đơn vị được khai báo trong content/site.yaml, mục `units:`",
    ),
    ("did you mean `{}`?", "có phải là `{}`?"),
    (
        "data files use metric keys: write `{}` for \"{}\"",
        "tệp số liệu dùng mã chỉ tiêu: ghi `{}` thay cho \"{}\"",
    ),
    (
        "declare the unit in content/site.yaml under `units:` (id, name, level)",
        "khai báo đơn vị trong content/site.yaml, mục `units:` (id, name, level)",
    ),
    (
        "use a key of the metric catalogue, or add the metric to content/metrics.yaml",
        "dùng mã có trong danh mục chỉ tiêu, hoặc thêm chỉ tiêu vào content/metrics.yaml",
    ),
    (
        "use a key of the metric catalogue (see the README), or add one in content/metrics.yaml",
        "dùng mã có trong danh mục chỉ tiêu (xem README), hoặc thêm chỉ tiêu vào content/metrics.yaml",
    ),
    (
        "write the period as one of: {}",
        "ghi kỳ báo cáo theo một trong các dạng: {}",
    ),
    (
        "Excel turned this period into a date: format the period column as Text and type it again (e.g. 2023-10)",
        "Excel đã đổi kỳ báo cáo thành ngày tháng: định dạng cột kỳ báo cáo là Văn bản (Text) rồi gõ lại (ví dụ 2023-10)",
    ),
    (
        "write numbers without quotes: 6580 (or 6.580), 93.1 (a percentage on the 0–100 scale)",
        "ghi số không có ngoặc kép: 6580 (hoặc 6.580), 93.1 (tỷ lệ phần trăm theo thang 0–100)",
    ),
    (
        "write numbers as 6580 or 93.1 (93,1 is read as 93.1)",
        "ghi số dạng 6580 hoặc 93.1 (93,1 được hiểu là 93.1)",
    ),
    (
        "a count is a whole number: write 12000, or group the thousands by three with one kind of separator: 12.000 or 12,000",
        "số đếm là số nguyên: ghi 12000, hoặc tách hàng nghìn theo nhóm ba chữ số bằng một loại dấu: 12.000 hoặc 12,000",
    ),
    (
        "check the figure: a report's figures stay below {}",
        "kiểm tra lại con số: số liệu của một báo cáo không vượt quá {}",
    ),
    (
        "percentages are written on the 0–100 scale (99.38 for 99,38%); a cell formatted as % in Excel holds 0.9938",
        "tỷ lệ ghi theo thang 0–100 (99.38 cho 99,38%); ô Excel định dạng % lại lưu 0.9938",
    ),
    (
        "if it holds figures, name it by a metric key or label of the catalogue (or add one in content/metrics.yaml)",
        "nếu cột có số liệu, đặt tên cột theo mã hoặc tên chỉ tiêu trong danh mục (hoặc thêm chỉ tiêu vào content/metrics.yaml)",
    ),
    ("keep one of the two columns", "chỉ giữ một trong hai cột"),
    (
        "every row names its unit and its period",
        "mỗi dòng phải ghi đơn vị và kỳ báo cáo",
    ),
    (
        "the first row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric",
        "dòng đầu ghi tên cột: unit (hoặc Đơn vị), period (hoặc Kỳ báo cáo), rồi mỗi chỉ tiêu một cột",
    ),
    (
        "the header row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric",
        "dòng tiêu đề ghi tên cột: unit (hoặc Đơn vị), period (hoặc Kỳ báo cáo), rồi mỗi chỉ tiêu một cột",
    ),
    (
        "add a column `period` (or Kỳ báo cáo) holding e.g. 2023, 2023-Q3, 2023-9M",
        "thêm cột `period` (hoặc Kỳ báo cáo) ghi ví dụ 2023, 2023-Q3, 2023-9M",
    ),
    (
        "every row needs as many fields as the header row; a field holding the separator must be wrapped in \"…\"",
        "mỗi dòng phải có đủ số ô như dòng tiêu đề; ô có chứa dấu ngăn cách phải đặt trong \"…\"",
    ),
    (
        "save the sheet as .xlsx (Excel Workbook), or export it as CSV UTF-8",
        "lưu bảng tính dạng .xlsx (Excel Workbook), hoặc xuất ra CSV UTF-8",
    ),
    (
        "save the file with UTF-8 encoding (in Excel: \"CSV UTF-8\"; in Notepad: Save As → Encoding: UTF-8)",
        "lưu tệp với bảng mã UTF-8 (Excel: chọn \"CSV UTF-8\"; Notepad: Save As → Encoding: UTF-8)",
    ),
    (
        "each unit has one record per period: merge the two, or correct the unit or period of one",
        "mỗi đơn vị chỉ có một bản ghi cho mỗi kỳ: gộp hai bản ghi, hoặc sửa đơn vị hay kỳ của một bản ghi",
    ),
    ("this file should hold {}", "tệp này phải có {}"),
    (
        "the site settings: title, base_url, owner, menu, units (SPEC §2)",
        "các cài đặt của trang: title, base_url, owner, menu, units",
    ),
    (
        "one record (unit, period, optional source, metrics: {key: number}) or a list of them",
        "một bản ghi (unit, period, source nếu có, metrics: {mã: số}) hoặc một danh sách bản ghi",
    ),
    (
        "a metric catalogue: `metrics:` (a list of entries with key, label, unit, …) and optional `checks:`",
        "danh mục chỉ tiêu: `metrics:` (danh sách chỉ tiêu có key, label, unit, …) và `checks:` nếu có",
    ),
    (
        "run baocao in a site folder (one with content/site.yaml), pass --root DIR, or create one with `baocao new DIR`",
        "chạy baocao trong thư mục của trang (có content/site.yaml), dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `baocao new THƯ_MỤC`",
    ),
    (
        "unit ids use lower-case letters without diacritics, digits and `-`, e.g. `thuan-an`",
        "mã đơn vị dùng chữ thường không dấu, chữ số và dấu `-`, ví dụ `thuan-an`",
    ),
    ("give each unit its own id", "mỗi đơn vị một mã riêng"),
    (
        "create {} or set `theme: default`",
        "tạo thư mục {} hoặc ghi `theme: default`",
    ),
    (
        "check the template against the theme documentation in the README",
        "đối chiếu mẫu giao diện với hướng dẫn trong README",
    ),
    (
        "write it as https://example.gov.vn/ (it may end in a sub-path: https://example.gov.vn/cchc/)",
        "ghi dạng https://example.gov.vn/ (có thể có thư mục con: https://example.gov.vn/cchc/)",
    ),
    (
        "menu URLs that start with / are paths inside the site, e.g. /tin-tuc/",
        "địa chỉ menu bắt đầu bằng / là đường dẫn trong trang, ví dụ /tin-tuc/",
    ),
    (
        "choose an output folder outside content/ and themes/, e.g. the default output/",
        "chọn thư mục xuất nằm ngoài content/ và themes/, ví dụ thư mục mặc định output/",
    ),
    (
        "baocao removes files it did not generate from its output folder: choose an empty or new folder",
        "baocao xóa các tệp không do nó tạo trong thư mục xuất: hãy chọn thư mục trống hoặc thư mục mới",
    ),
    (
        "check that the output folder is writable and the disk is not full",
        "kiểm tra quyền ghi vào thư mục xuất và dung lượng đĩa",
    ),
    (
        "check that the folder is writable",
        "kiểm tra quyền ghi vào thư mục",
    ),
    (
        "another program may be using this port: choose another with --port 8081",
        "có thể chương trình khác đang dùng cổng này: chọn cổng khác, ví dụ --port 8081",
    ),
    (
        "choose a new folder name: baocao new ten-trang-moi",
        "chọn tên thư mục mới: baocao new ten-trang-moi",
    ),
    (
        "keys use lower-case letters, digits and `_`, e.g. `resolved_share`",
        "mã chỉ tiêu dùng chữ thường, chữ số và dấu `_`, ví dụ `resolved_share`",
    ),
    (
        "a formula computes a number, e.g. `resolved / received * 100`; comparisons belong in `checks:`",
        "công thức tính ra một số, ví dụ `resolved / received * 100`; phép so sánh đặt trong `checks:`",
    ),
    (
        "use metric keys, numbers, + - * / and parentheses",
        "dùng mã chỉ tiêu, số, các phép + - * / và dấu ngoặc",
    ),
    (
        "unit is one of count, percent, vnd, people, documents, procedures",
        "unit là một trong: count, percent, vnd, people, documents, procedures",
    ),
    (
        "write it as `a + b <= c` with one of == != <= >= < >",
        "viết dạng `a + b <= c` với một trong == != <= >= < >",
    ),
    (
        "give each metric its own labels and aliases",
        "mỗi chỉ tiêu có tên và tên gọi khác riêng",
    ),
    (
        "start the file with front matter between two `---` lines:{}",
        "mở đầu tệp bằng phần đầu bài nằm giữa hai dòng `---`:{}",
    ),
    (
        "end the front matter with a line holding only `---`",
        "kết thúc phần đầu bài bằng một dòng chỉ có `---`",
    ),
    ("give at least a title", "ít nhất phải có tiêu đề (title)"),
    (
        "the fields are: title, date, unit, period, summary, author, category, tags, image, slug, draft, source",
        "các trường là: title, date, unit, period, summary, author, category, tags, image, slug, draft, source",
    ),
    (
        "front matter is YAML: `field: value`, one per line; quote values that contain `:` or `#`",
        "phần đầu bài viết theo YAML: `trường: giá trị`, mỗi trường một dòng; giá trị có `:` hoặc `#` thì đặt trong ngoặc kép",
    ),
    (
        "add `title: \"…\"` to the front matter",
        "thêm `title: \"…\"` vào phần đầu bài",
    ),
    (
        "write the date as 2023-10-26T07:00:00+07:00 (or 2023-10-26; the time zone defaults to GMT+7)",
        "ghi ngày dạng 2023-10-26T07:00:00+07:00 (hoặc 2023-10-26; mặc định giờ Việt Nam GMT+7)",
    ),
    (
        "a slug uses lower-case letters without diacritics, digits and `-`",
        "slug dùng chữ thường không dấu, chữ số và dấu `-`",
    ),
    (
        "add `date: 2023-10-26T07:00:00+07:00` to the front matter",
        "thêm `date: 2023-10-26T07:00:00+07:00` vào phần đầu bài",
    ),
    (
        "put the file in content/static/ and give its path from there, e.g. `image: images/hoi-nghi.jpg`",
        "đặt tệp ảnh trong content/static/ và ghi đường dẫn tính từ đó, ví dụ `image: images/hoi-nghi.jpg`",
    ),
    (
        "give one of them another file name, or a `slug:` in its front matter",
        "đổi tên tệp của một bài, hoặc ghi `slug:` khác ở phần đầu bài",
    ),
    (
        "rename or move the static file",
        "đổi tên hoặc chuyển tệp tĩnh đó",
    ),
    (
        "link to another article by its .md file, relative to this file: [tiêu đề](../tin-tuc/bai-viet.md)",
        "liên kết tới bài khác bằng tệp .md của bài đó, tính từ tệp này: [tiêu đề](../tin-tuc/bai-viet.md)",
    ),
    (
        "add `{}` to that record in content/data/, or the figures it is computed from; baocao never prints a missing figure as blank or 0",
        "thêm `{}` vào bản ghi đó trong content/data/, hoặc thêm các số dùng để tính ra nó; baocao không bao giờ in số thiếu thành chỗ trống hay số 0",
    ),
    (
        "add the record to content/data/, or correct the article's unit or period",
        "thêm bản ghi vào content/data/, hoặc sửa đơn vị, kỳ báo cáo của bài",
    ),
    (
        "add that record to content/data/, or remove the comparison",
        "thêm bản ghi đó vào content/data/, hoặc bỏ phần so sánh",
    ),
    (
        "add that earlier record to content/data/ (same unit, the period named above), or remove the comparison",
        "thêm bản ghi kỳ trước đó vào content/data/ (cùng đơn vị, kỳ nêu trên), hoặc bỏ phần so sánh",
    ),
    (
        "set `unit:` and `period:` in the front matter, or use metric(key=…, unit=…, period=…)",
        "ghi `unit:` và `period:` ở phần đầu bài, hoặc dùng metric(key=…, unit=…, period=…)",
    ),
    (
        "check the key, unit and period against content/data/",
        "đối chiếu mã chỉ tiêu, đơn vị và kỳ với content/data/",
    ),
    (
        "functions take named arguments only: metric(key=\"received\"), not metric(\"received\")",
        "tham số của hàm phải có tên: metric(key=\"received\"), không viết metric(\"received\")",
    ),
    (
        "the functions are {}; arguments are named: metric(key=\"received\")",
        "các hàm là {}; tham số phải có tên: metric(key=\"received\")",
    ),
    ("the filters are {}", "các bộ lọc là {}"),
    (
        "declare the units in content/site.yaml (see the suggested ids above), or check that the unit column holds their names",
        "khai báo các đơn vị trong content/site.yaml (xem các mã gợi ý ở trên), hoặc kiểm tra cột đơn vị có ghi tên đơn vị",
    ),
    (
        "the rows under the header name units of content/site.yaml and hold their figures",
        "các dòng dưới dòng tiêu đề phải ghi tên đơn vị có trong content/site.yaml kèm số liệu",
    ),
    (
        "the header names a unit column (Đơn vị, or \"Lĩnh vực, công việc giải quyết theo cấp\" in form II.06a), optionally a period column (Kỳ báo cáo), and columns of figures named by the catalogue's labels or aliases (Tiếp nhận, Đã giải quyết, Trước hạn, …)",
        "dòng tiêu đề có cột đơn vị (Đơn vị, hoặc \"Lĩnh vực, công việc giải quyết theo cấp\" trong biểu II.06a), có thể có cột kỳ (Kỳ báo cáo), và các cột số liệu đặt tên theo tên hoặc tên gọi khác trong danh mục (Tiếp nhận, Đã giải quyết, Trước hạn, …)",
    ),
    (
        "check the path of the spreadsheet (relative paths start at the current folder)",
        "kiểm tra đường dẫn tới bảng tính (đường dẫn tương đối tính từ thư mục hiện tại)",
    ),
    (
        "a field holding the separator must be wrapped in \"…\"; or save the sheet as .xlsx and import that",
        "ô có chứa dấu ngăn cách phải đặt trong \"…\"; hoặc lưu bảng tính dạng .xlsx rồi nhập tệp đó",
    ),
    (
        "a unit's figure or the total is wrong, or rows are missing: compare them with the source report",
        "số của một đơn vị hoặc dòng tổng sai, hoặc thiếu dòng: đối chiếu với báo cáo gốc",
    ),
    (
        "add a column `period` (Kỳ báo cáo) holding e.g. 2023-Q3, or a line \"Kỳ báo cáo: Quý III năm 2023\" above the table",
        "thêm cột `period` (Kỳ báo cáo) ghi ví dụ 2023-Q3, hoặc dòng \"Kỳ báo cáo: Quý III năm 2023\" phía trên bảng",
    ),
    (
        "check --out: it is a folder, usually content/data/",
        "kiểm tra --out: phải là một thư mục, thường là content/data/",
    ),
    (
        "check the cell: a count is a whole number",
        "kiểm tra ô này: số đếm là số nguyên",
    ),
    (
        "check the report's dates; or correct the period in the written files",
        "kiểm tra ngày tháng của báo cáo; hoặc sửa kỳ trong các tệp đã ghi",
    ),
    (
        "each unit has one record per period",
        "mỗi đơn vị chỉ có một bản ghi cho mỗi kỳ",
    ),
    (
        "fill in the period column (e.g. 2023-Q3), or add a line \"Kỳ báo cáo: Quý III năm 2023\" above the table",
        "điền cột kỳ báo cáo (ví dụ 2023-Q3), hoặc thêm dòng \"Kỳ báo cáo: Quý III năm 2023\" phía trên bảng",
    ),
    (
        "one of the figures of the row is wrong: compare them with the source report",
        "một số trong dòng này sai: đối chiếu với báo cáo gốc",
    ),
    (
        "open the workbook in Excel and save it again as .xlsx",
        "mở bảng tính bằng Excel rồi lưu lại dạng .xlsx",
    ),
    (
        "to import it, declare it in content/site.yaml under units: {}",
        "muốn nhập dòng này, khai báo đơn vị trong content/site.yaml, mục units: {}",
    ),
    (
        "use --force to overwrite it (or --out to write elsewhere)",
        "dùng --force để ghi đè (hoặc --out để ghi vào chỗ khác)",
    ),
    (
        "write figures as plain numbers (6580, or 6.580 with a thousands dot)",
        "ghi số trơn (6580, hoặc 6.580 với dấu chấm hàng nghìn)",
    ),
    (
        "write the unit's full name as in content/site.yaml",
        "ghi đủ tên đơn vị như trong content/site.yaml",
    ),
    (
        "write the unit's name in the unit column",
        "ghi tên đơn vị vào cột đơn vị",
    ),
    (
        "the chart kinds and their arguments are listed in the README, section \"Biểu đồ, thẻ số liệu và bảng\"",
        "các loại biểu đồ và tham số có trong README, mục \"Biểu đồ, thẻ số liệu và bảng\"",
    ),
    (
        "Tera syntax: {{ data.received | num }}; write a literal {{ as {% raw %}{{{% endraw %}",
        "cách viết: {{ data.received | num }}; muốn in nguyên {{ thì viết {% raw %}{{{% endraw %}",
    ),
    (
        "correct the figure or the counts it is computed from; or leave it out and let baocao compute it",
        "sửa con số hoặc các số dùng để tính nó; hoặc bỏ đi để baocao tự tính",
    ),
    (
        "percentages are written on the 0–100 scale (93.1, not 0.931); a derived rate outside it means the counts disagree",
        "tỷ lệ ghi theo thang 0–100 (93.1, không ghi 0.931); tỷ lệ tự tính nằm ngoài khoảng này nghĩa là các số đếm mâu thuẫn",
    ),
    (
        "counts cannot be negative: check the figures it is computed from",
        "số đếm không thể âm: kiểm tra các số dùng để tính",
    ),
    (
        "one of the figures is wrong; compare them with the source report",
        "có một số sai; đối chiếu với báo cáo gốc",
    ),
];

/// Splits a pattern at its `{}` slots and matches it against a text,
/// returning the values in the slots. A slot takes the shortest text that
/// lets the rest match; the last slot takes what remains.
fn captures<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut caps = Vec::new();
    for (n, piece) in pieces.iter().enumerate().skip(1) {
        if n == pieces.len() - 1 {
            let cap = rest.strip_suffix(piece)?;
            caps.push(cap);
            rest = "";
        } else {
            let at = rest.find(piece)?;
            caps.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
    }
    rest.is_empty().then_some(caps)
}

fn fill(pattern: &str, caps: &[String]) -> String {
    let mut out = String::new();
    for (n, piece) in pattern.split("{}").enumerate() {
        if n > 0 {
            out.push_str(caps.get(n - 1).map_or("", String::as_str));
        }
        out.push_str(piece);
    }
    out
}

/// The code of a message, or `None` when no entry matches it.
pub fn code(text: &str) -> Option<&'static str> {
    let text = strip_sheet(text).0;
    MESSAGES
        .iter()
        .find(|(c, en, _)| !c.is_empty() && captures(en, text).is_some())
        .map(|(c, ..)| *c)
}

/// Where in a spreadsheet, added to its messages: "… (sheet `x`, cell D4)"
/// or "… (line 2, column C)". Translated apart from the message.
const PLACES: &[(&str, &str)] = &[
    (" (sheet `{}`, cell {})", " (trang tính `{}`, ô {})"),
    (" (line {}, column {})", " (dòng {}, cột {})"),
    (" (sheet `{}`)", " (trang tính `{}`)"),
    (" (the CSV file)", " (tệp CSV)"),
];

fn strip_sheet(text: &str) -> (&str, Option<String>) {
    for (en, vi) in PLACES {
        let start = en.find('{').map_or(*en, |i| &en[..i]);
        if let Some(i) = text.rfind(start) {
            if let Some(caps) = captures(en, &text[i..]) {
                let caps: Vec<String> = caps.iter().map(|c| c.to_string()).collect();
                return (&text[..i], Some(fill(vi, &caps)));
            }
        }
    }
    (text, None)
}

/// A message in the language, values inside it translated too.
pub fn message(text: &str, lang: Lang) -> String {
    let short;
    let text = if text.chars().count() > MAX_VALUE {
        short = shorten(text);
        short.as_str()
    } else {
        text
    };
    if lang == Lang::En {
        return text.to_string();
    }
    let (body, place) = strip_sheet(text);
    let mut out = translate(body, Table::Messages, 0);
    if let Some(place) = place {
        out.push_str(&place);
    }
    out
}

/// A hint in the language.
pub fn hint(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    translate(text, Table::Hints, 0)
}

#[derive(Clone, Copy)]
enum Table {
    Messages,
    Hints,
}

fn entries(table: Table) -> Vec<(&'static str, &'static str)> {
    match table {
        Table::Messages => MESSAGES.iter().map(|(_, en, vi)| (*en, *vi)).collect(),
        Table::Hints => HINTS.to_vec(),
    }
}

/// The longest value shown inside a message, in characters: a value can
/// be a whole line, or a whole file, of broken input.
const MAX_VALUE: usize = 200;

/// A long message with each long value cut in the middle, its wording kept.
fn shorten(text: &str) -> String {
    let cut = |value: &str| -> String {
        let n = value.chars().count();
        if n <= MAX_VALUE {
            return value.to_string();
        }
        let head: String = value.chars().take(MAX_VALUE * 2 / 3).collect();
        let tail: String = value.chars().skip(n - MAX_VALUE / 4).collect();
        format!("{head} … {tail}")
    };
    for (en, _) in entries(Table::Messages) {
        if let Some(caps) = captures(en, text).filter(|c| !c.is_empty()) {
            let caps: Vec<String> = caps
                .iter()
                .map(|c| {
                    if c.chars().count() > MAX_VALUE && c.len() < text.len() {
                        shorten(c)
                    } else {
                        cut(c)
                    }
                })
                .collect();
            return fill(en, &caps);
        }
    }
    cut(text)
}

fn translate(text: &str, table: Table, depth: usize) -> String {
    if depth > 4 {
        return text.to_string();
    }
    for (en, vi) in entries(table) {
        if let Some(caps) = captures(en, text) {
            // A value may itself be a message ("bad period `x`: `x` is not a
            // period") or a hint ("unknown unit `x`; did you mean …").
            let caps: Vec<String> = caps
                .iter()
                .map(|c| {
                    let m = translate(c, Table::Messages, depth + 1);
                    if m != *c {
                        m
                    } else {
                        translate(c, Table::Hints, depth + 1)
                    }
                })
                .collect();
            return fill(vi, &caps);
        }
    }
    text.to_string()
}

/// Whether a hint has a Vietnamese entry, for the completeness test.
pub fn has_hint(text: &str) -> bool {
    HINTS.iter().any(|(en, _)| captures(en, text).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Common English words that never belong in a Vietnamese sentence.
    const ENGLISH: &[&str] = &[
        "the", "is", "are", "and", "not", "with", "from", "into", "this", "that", "cannot", "must",
        "should", "file", "page", "column", "row", "missing", "unknown", "expected", "found",
        "there", "write", "where", "which", "has", "have", "will", "would",
    ];

    /// The English words of a Vietnamese text, outside backquotes and
    /// placeholders (where names, keys and values are shown as written).
    fn english_words(vi: &str) -> Vec<String> {
        let prose: String = vi
            .split('`')
            .step_by(2)
            .collect::<Vec<_>>()
            .join(" ")
            .replace("{}", " ");
        prose
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect()
    }

    #[test]
    fn no_vietnamese_wording_carries_an_english_sentence() {
        let mut bad = Vec::new();
        for (code, en, vi) in MESSAGES {
            let words = english_words(vi);
            if !words.is_empty() {
                bad.push(format!("{code} {en:?} → {vi:?}: {words:?}"));
            }
            assert!(!vi.is_empty(), "{en}");
        }
        for (en, vi) in HINTS {
            let words = english_words(vi);
            if !words.is_empty() {
                bad.push(format!("hint {en:?} → {vi:?}: {words:?}"));
            }
        }
        for (en, vi) in PLACES {
            assert!(english_words(vi).is_empty(), "{en} → {vi}");
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn patterns_capture_values() {
        assert_eq!(
            captures("unknown unit `{}`", "unknown unit `thuan-am`"),
            Some(vec!["thuan-am"])
        );
        assert_eq!(
            captures("no {} in {}", "no content/site.yaml in /tmp/x"),
            Some(vec!["content/site.yaml", "/tmp/x"])
        );
        assert_eq!(
            captures("unknown unit `{}`", "unknown unit `x`; more"),
            None
        );
    }

    #[test]
    fn nested_messages_are_translated() {
        assert_eq!(
            message("bad period `2023-Q5`: `2023-Q5` is not a period", Lang::Vi),
            "kỳ báo cáo `2023-Q5` không hợp lệ: `2023-Q5` không phải kỳ báo cáo"
        );
        assert_eq!(
            message(
                "the metric `visits` has no value in this article's record (unit `thuan-an`, period `2023-9M`)",
                Lang::Vi
            ),
            "chỉ tiêu `visits` không có số liệu trong bản ghi của bài (đơn vị `thuan-an`, kỳ `2023-9M`)"
        );
        assert_eq!(
            message(
                "`cao` in column `on_time_rate` is not a number (sheet `2021`, cell D4)",
                Lang::Vi
            ),
            "`cao` ở cột `on_time_rate` không phải là số (trang tính `2021`, ô D4)"
        );
        assert_eq!(
            hint(
                "did you mean `received`? Add new metrics to content/metrics.yaml",
                Lang::Vi
            ),
            "có phải là `received`? Chỉ tiêu mới được thêm trong content/metrics.yaml"
        );
        assert_eq!(message("anything", Lang::En), "anything");
    }

    #[test]
    fn long_values_are_cut_and_the_wording_kept() {
        let long = format!(
            "cannot read the front matter: invalid type: string \"{}\", expected a sequence",
            "x".repeat(100_000)
        );
        for lang in [Lang::En, Lang::Vi] {
            let m = message(&long, lang);
            assert!(m.chars().count() < 400, "{m}");
            assert!(
                m.contains("x … x") && m.ends_with("expected a sequence"),
                "{m}"
            );
        }
        assert!(message(&long, Lang::Vi).starts_with("không đọc được phần đầu bài"));
        let date = format!("`{}` is not a date", "1".repeat(1_000));
        assert!(message(&date, Lang::Vi).ends_with("` không phải ngày tháng"));
        assert_eq!(message("no title", Lang::Vi), "bài viết chưa có tiêu đề");
    }

    #[test]
    fn codes_are_stable_per_message() {
        assert_eq!(code("unknown metric key `x`"), Some("E0203"));
        assert_eq!(
            code("unknown metric key `x`; did you mean `y`?"),
            Some("E0203")
        );
        assert_eq!(
            code("unit `x`, period `2023`: check failed: a (b: 1 against 2)"),
            Some("W0101")
        );
        assert_eq!(
            code("`x` in column `y` is not a number (sheet `s`, cell B2)"),
            Some("E0205")
        );
        assert_eq!(code("no such message"), None);
    }

    /// A general pattern listed before a specific one would take its
    /// messages and fill its Vietnamese with English values ("không có
    /// `period` column trong the header row").
    #[test]
    fn every_message_is_matched_by_its_own_entry() {
        let mut shadowed = Vec::new();
        for table in [Table::Messages, Table::Hints] {
            let all = entries(table);
            for (en, vi) in &all {
                let text = en.replace("{}", "x1");
                let first = all.iter().find(|(e, _)| captures(e, &text).is_some());
                if first.map(|(_, v)| v) != Some(vi) {
                    shadowed.push(format!("{en:?} is taken by {first:?}"));
                }
            }
        }
        assert!(shadowed.is_empty(), "{}", shadowed.join("\n"));
    }

    #[test]
    fn every_code_belongs_to_one_kind() {
        let mut seen = std::collections::BTreeMap::new();
        for (c, en, _) in MESSAGES.iter().filter(|(c, ..)| !c.is_empty()) {
            let first = en.split(' ').next().unwrap_or("");
            seen.entry(*c).or_insert_with(Vec::new).push(first);
        }
        for (c, mut words) in seen {
            words.dedup();
            assert!(words.len() <= 2, "{c} is used for {words:?}");
        }
    }
}
