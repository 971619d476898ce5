//! Messages a diagnostic opens with, each with its code.
//! Generated once from the old pattern tables; edit by hand.

catalogue! {
    /// Messages a diagnostic opens with, each with its code.
    pub enum Msg {
        // Site, files, output, server.
        // Only content/site.yaml is looked for this way; a general "no {} in {}"
        // would catch (and half-translate) every "no … in the header row".
        /// no content/site.yaml in {}
        NoSiteYaml(v1) = "E0101",
            "no content/site.yaml in {}",
            "không có content/site.yaml trong {}";
        /// cannot read {} as an .xls workbook: {}
        CannotReadXlsWorkbook(v1, v2) = "E0160",
            "cannot read {} as an .xls workbook: {}",
            "không đọc được {} như một bảng tính .xls: {}";
        /// cannot read {} as an Excel workbook: {}
        CannotReadExcelWorkbook(v1, v2) = "E0102",
            "cannot read {} as an Excel workbook: {}",
            "không đọc được {} như một bảng tính Excel: {}";
        /// cannot read CSV: {}
        CannotReadCsv(v1) = "E0103",
            "cannot read CSV: {}",
            "không đọc được tệp CSV: {}";
        /// cannot read sheet `{}`: {}
        CannotReadSheet(sheet, v2) = "E0104",
            "cannot read sheet `{}`: {}",
            "không đọc được trang tính `{}`: {}";
        /// cannot read the front matter: {}
        CannotReadFrontMatter(v1) = "E0105",
            "cannot read the front matter: {}",
            "không đọc được phần đầu bài (front matter): {}";
        /// `{}` is not a whole number: a count or an amount is not read from it
        NotAWholeNumber(v1) = "E0623",
            "`{}` is not a whole number: a count or an amount is not read from it",
            "`{}` không phải số nguyên: không đọc số đếm hay số tiền từ ô này";
        /// cannot read sheet `{}` of {}: {}
        CannotReadSheetOf(sheet, v2, v3) = "E0611",
            "cannot read sheet `{}` of {}: {}",
            "không đọc được trang tính `{}` của {}: {}";
        /// cannot read {} as CSV: {}
        CannotReadAsCsv(v1, v2) = "E0612",
            "cannot read {} as CSV: {}",
            "không đọc được {} dưới dạng CSV: {}";
        /// cannot create {}: {}
        CannotCreate(v1, v2) = "E0610",
            "cannot create {}: {}",
            "không tạo được {}: {}";
        /// cannot read {}: {}
        CannotRead(v1, v2) = "E0106",
            "cannot read {}: {}",
            "không đọc được {}: {}";
        /// {} is not UTF-8 text
        NotUtf8(v1) = "E0107",
            "{} is not UTF-8 text",
            "{} không phải văn bản mã UTF-8";
        /// cannot write {}: {}
        CannotWrite(v1, v2) = "E0108",
            "cannot write {}: {}",
            "không ghi được {}: {}";
        /// refusing to write the site into {}: it holds or is inside the site's sources
        RefuseOutputInSources(v1) = "E0109",
            "refusing to write the site into {}: it holds or is inside the site's sources",
            "không ghi trang vào {}: thư mục này chứa hoặc nằm trong mã nguồn của trang";
        /// refusing to write `{}`: the path would leave the output folder
        RefusePathOutside(v1) = "E0150",
            "refusing to write `{}`: the path would leave the output folder",
            "không ghi `{}`: đường dẫn này nằm ngoài thư mục kết quả";
        /// raw HTML `{}` is not allowed in an article: only formatting tags, without links, styles or scripts
        RawHtmlRefused(v1) = "E0451",
            "raw HTML `{}` is not allowed in an article: only formatting tags, without links, styles or scripts",
            "không được dùng mã HTML `{}` trong bài viết: chỉ dùng thẻ định dạng, không có liên kết, kiểu trình bày hay mã lệnh";
        /// {} has `\\` in its name
        BackslashInName(v1) = "E0152",
            "{} has `\\` in its name",
            "tên tệp {} có ký tự `\\`";
        /// unit `{}`, period `{}`: the formula of `{}` gives {}, more than any report holds
        FormulaResultTooLarge(unit, period, v3, v4) = "E0214",
            "unit `{}`, period `{}`: the formula of `{}` gives {}, more than any report holds",
            "đơn vị `{}`, kỳ `{}`: công thức của `{}` cho ra {}, lớn hơn mọi con số một báo cáo có thể có";
        /// a row of {} has {} fields, beyond the limit of {} columns
        CsvTooWide(v1, v2, v3) = "E0215",
            "a row of {} has {} fields, beyond the limit of {} columns",
            "một dòng của {} có {} ô, vượt giới hạn {} cột";
        /// `{}` gives an empty part of the URL: its name has no letter or digit
        EmptyUrlPart(v1) = "E0450",
            "`{}` gives an empty part of the URL: its name has no letter or digit",
            "`{}` cho ra một phần rỗng trong đường dẫn (URL): tên không có chữ cái hay chữ số nào";
        /// per_page is 0: a list page must show at least one article
        PerPageZero = "E0151",
            "per_page is 0: a list page must show at least one article",
            "`per_page` bằng 0: mỗi trang danh sách phải có ít nhất một bài";
        /// {} is not read: data files are .yaml, .csv and .xlsx
        NotADataFile(v1) = "W0151",
            "{} is not read: data files are .yaml, .csv and .xlsx",
            "{} không được đọc: tệp số liệu phải là .yaml, .csv hoặc .xlsx";
        /// {} is a symbolic link and is skipped
        SymlinkSkipped(v1) = "W0150",
            "{} is a symbolic link and is skipped",
            "{} là liên kết tượng trưng (symbolic link) nên được bỏ qua";
        /// {} is not empty and was not made by baocao
        OutputNotOurs(v1) = "E0110",
            "{} is not empty and was not made by baocao",
            "{} không trống và không do baocao tạo ra";
        /// the theme `{}` does not exist
        NoSuchTheme(theme) = "E0111",
            "the theme `{}` does not exist",
            "không có giao diện `{}`";
        /// theme template: {}
        ThemeTemplate(template) = "E0112",
            "theme template: {}",
            "mẫu giao diện: {}";
        /// base_url `{}` is not an absolute URL
        BaseUrlNotAbsolute(v1) = "E0113",
            "base_url `{}` is not an absolute URL",
            "base_url `{}` không phải địa chỉ đầy đủ";
        /// cannot listen on {}: {}
        CannotListen(v1, v2) = "E0114",
            "cannot listen on {}: {}",
            "không mở được cổng {}: {}";
        /// `{}` is not a valid unit id
        BadUnitId(v1) = "E0115",
            "`{}` is not a valid unit id",
            "`{}` không phải mã đơn vị hợp lệ";
        /// the unit `{}` is declared twice
        UnitDeclaredTwice(unit) = "E0116",
            "the unit `{}` is declared twice",
            "đơn vị `{}` được khai báo hai lần";
        // Units change (SPEC §2).
        /// the unit `{}` merged into `{}` is not a unit
        MergedFromNotAUnit(pred, unit) = "E0187",
            "the unit `{}` merged into `{}` is not a unit",
            "đơn vị `{}` được sáp nhập vào `{}` chưa được khai báo";
        /// the unit `{}` is merged into two units, `{}` and `{}`
        MergedIntoTwo(pred, a, b) = "E0188",
            "the unit `{}` is merged into two units, `{}` and `{}`",
            "đơn vị `{}` được sáp nhập vào hai đơn vị, `{}` và `{}`";
        /// the units merge in a cycle: {}
        MergeCycle(chain) = "E0189",
            "the units merge in a cycle: {}",
            "các đơn vị sáp nhập vòng tròn: {}";
        /// the unit `{}` ({}) overlaps its successor `{}` ({}): a merged unit ends the day before its successor begins
        MergeOverlap(pred, life, unit, life2) = "E0190",
            "the unit `{}` ({}) overlaps its successor `{}` ({}): a merged unit ends the day before its successor begins",
            "thời gian hoạt động của đơn vị `{}` ({}) chồng lên đơn vị kế tiếp `{}` ({}): đơn vị cũ kết thúc trước ngày đơn vị mới bắt đầu";
        /// the unit `{}` has `merged_from` but no `since`: the day it was formed
        MergedWithoutSince(unit) = "E0191",
            "the unit `{}` has `merged_from` but no `since`: the day it was formed",
            "đơn vị `{}` có `merged_from` nhưng thiếu `since` (ngày thành lập)";
        /// the unit `{}` ends ({}) before it begins ({})
        LifetimeReversed(unit, until, since) = "E0192",
            "the unit `{}` ends ({}) before it begins ({})",
            "đơn vị `{}` kết thúc ({}) trước khi bắt đầu ({})";
        /// the unit `{}` exists after 1 July 2025 but its level is `{}`: since then a unit is a `province`, `commune` or `center`
        LevelAfterReorganisation(unit, level) = "E0193",
            "the unit `{}` exists after 1 July 2025 but its level is `{}`: since then a unit is a `province`, `commune` or `center`",
            "đơn vị `{}` hoạt động sau ngày 01/7/2025 nhưng có cấp `{}`: từ ngày đó đơn vị chỉ có cấp `province`, `commune` hoặc `center`";
        /// a record of unit `{}` for period `{}` ({}..{}) lies outside the unit's lifetime ({})
        RecordOutsideLifetime(unit, period, start, end, life) = "E0216",
            "a record of unit `{}` for period `{}` ({}..{}) lies outside the unit's lifetime ({})",
            "bản ghi của đơn vị `{}` cho kỳ `{}` ({}..{}) nằm ngoài thời gian hoạt động của đơn vị ({})";
        /// the metric `{}` has no value for unit `{}`, period `{}`: it is the sum of the units before the reorganisation, and {} lacks it
        PredecessorLacks(metric, unit, period, preds) = "E0555",
            "the metric `{}` has no value for unit `{}`, period `{}`: it is the sum of the units before the reorganisation, and {} lacks it",
            "chỉ tiêu `{}` không có số liệu cho đơn vị `{}`, kỳ `{}`: số liệu này là tổng của các đơn vị trước sắp xếp, và {} chưa có";
        /// the parent `{}` of unit `{}` is not a unit
        ParentNotAUnit(parent, unit) = "E0117",
            "the parent `{}` of unit `{}` is not a unit",
            "đơn vị cấp trên `{}` của đơn vị `{}` chưa được khai báo";
        /// the menu entry `{}` links to {}: {}
        MenuEntryLinks(entry, v2, v3) = "E0118",
            "the menu entry `{}` links to {}: {}",
            "mục menu `{}` trỏ tới {}: {}";
        /// {} already exists and is not an empty folder
        NewFolderNotEmpty(v1) = "E0119",
            "{} already exists and is not an empty folder",
            "{} đã có và không phải thư mục trống";
        // Workbooks past the limits of src/workbook.rs.
        /// the workbook unpacks to more than {} MB, the limit for a workbook
        WorkbookTooBig(v1) = "E0120",
            "the workbook unpacks to more than {} MB, the limit for a workbook",
            "bảng tính giải nén ra hơn {} MB, vượt giới hạn dung lượng của một bảng tính";
        /// the workbook has {} parts, more than the limit of {}
        WorkbookTooManyParts(v1, v2) = "E0121",
            "the workbook has {} parts, more than the limit of {}",
            "bảng tính có {} phần, vượt giới hạn {} phần";
        /// the workbook's shared-string table ({}) holds {} strings, more than the limit of {}
        TooManySharedStrings(v1, v2, v3) = "E0122",
            "the workbook's shared-string table ({}) holds {} strings, more than the limit of {}",
            "bảng chuỗi dùng chung của bảng tính ({}) có {} chuỗi, vượt giới hạn {} chuỗi";
        /// the cell reference `{}` in {} lies beyond the last row ({}) or column ({}) a sheet can have
        CellRefOutOfSheet(v1, v2, row, column) = "E0123",
            "the cell reference `{}` in {} lies beyond the last row ({}) or column ({}) a sheet can have",
            "tham chiếu ô `{}` trong {} nằm ngoài dòng cuối ({}) hoặc cột cuối ({}) của một trang tính";
        /// a filled cell in row {} is beyond the limit of {} rows
        RowBeyondLimit(row, v2) = "E0124",
            "a filled cell in row {} is beyond the limit of {} rows",
            "có ô chứa dữ liệu ở dòng {}, vượt giới hạn {} dòng";
        /// a filled cell in column {} is beyond the limit of {} columns
        ColumnBeyondLimit(column, v2) = "E0124",
            "a filled cell in column {} is beyond the limit of {} columns",
            "có ô chứa dữ liệu ở cột {}, vượt giới hạn {} cột";
        /// more than {} cells are filled, beyond the limit of {} cells
        TooManyCells(v1, v2) = "E0125",
            "more than {} cells are filled, beyond the limit of {} cells",
            "có hơn {} ô chứa dữ liệu, vượt giới hạn {} ô";
        /// the filled cells span {} rows × {} columns, beyond the limit of {} cells
        CellSpanTooLarge(v1, v2, v3) = "E0125",
            "the filled cells span {} rows × {} columns, beyond the limit of {} cells",
            "vùng dữ liệu rộng {} dòng × {} cột, vượt giới hạn {} ô";
        /// the cells hold more than {} MB of text, beyond the limit of {} MB
        TooMuchCellText(v1, v2) = "E0126",
            "the cells hold more than {} MB of text, beyond the limit of {} MB",
            "các ô chứa hơn {} MB chữ, vượt giới hạn {} MB";
        /// {} is a symbolic link: import does not write through links
        ImportThroughSymlink(v1) = "E0166",
            "{} is a symbolic link: import does not write through links",
            "{} là liên kết tượng trưng (symbolic link): lệnh import không ghi qua liên kết";
        /// the workbook holds more than {} XML elements besides its cells and strings (in {}), beyond the limit of {}
        TooManyXmlElements(v1, v2, v3) = "E0167",
            "the workbook holds more than {} XML elements besides its cells and strings (in {}), beyond the limit of {}",
            "bảng tính có hơn {} phần tử XML ngoài các ô và chuỗi (trong {}), vượt giới hạn {}";
        // .xls workbooks past the limits of src/xls.rs; the reasons an .xls
        // file is damaged are shown inside E0160, so they have no code.
        /// the Workbook stream holds {} MB, more than the limit of {} MB
        XlsStreamTooBig(v1, v2) = "E0161",
            "the Workbook stream holds {} MB, more than the limit of {} MB",
            "luồng Workbook của bảng tính chứa {} MB, vượt giới hạn {} MB";
        /// the sheet declares rows {} to {} and columns {} to {} (its DIMENSIONS record), beyond the limits of {} rows, {} columns and {} cells
        XlsDimensionsTooLarge(v1, v2, v3, v4, v5, v6, v7) = "E0162",
            "the sheet declares rows {} to {} and columns {} to {} (its DIMENSIONS record), beyond the limits of {} rows, {} columns and {} cells",
            "trang tính khai báo các dòng {} đến {} và các cột {} đến {} (bản ghi DIMENSIONS), vượt giới hạn {} dòng, {} cột và {} ô";
        // Data files.
        /// unknown unit `{}`; {}
        UnknownUnitHint(unit, v2) = "E0201",
            "unknown unit `{}`; {}",
            "không có đơn vị `{}`; {}";
        /// unknown unit `{}`
        UnknownUnit(unit) = "E0201",
            "unknown unit `{}`",
            "không có đơn vị `{}`";
        /// bad period `{}`: {}
        BadPeriod(period, v2) = "E0202",
            "bad period `{}`: {}",
            "kỳ báo cáo `{}` không hợp lệ: {}";
        /// unknown metric key `{}`; did you mean `{}`?
        UnknownMetricKeyDidYouMean(key, mean) = "E0203",
            "unknown metric key `{}`; did you mean `{}`?",
            "không có mã chỉ tiêu `{}`; có phải là `{}`?";
        /// unknown metric key `{}`
        UnknownMetricKey(key) = "E0203",
            "unknown metric key `{}`",
            "không có mã chỉ tiêu `{}` trong danh mục";
        /// the value of `{}` is not a number
        ValueNotANumber(v1) = "E0204",
            "the value of `{}` is not a number",
            "giá trị của `{}` không phải là số";
        /// `{}` in column `{}` is not a number
        CellNotANumber(v1, column) = "E0205",
            "`{}` in column `{}` is not a number",
            "`{}` ở cột `{}` không phải là số";
        /// `{}` is a count but {} has decimals
        CountHasDecimals(v1, v2) = "E0206",
            "`{}` is a count but {} has decimals",
            "`{}` là số đếm nhưng {} có phần thập phân";
        /// `{}` is an amount in đồng but {} has decimals
        AmountHasDecimals(v1, v2) = "E0206",
            "`{}` is an amount in đồng but {} has decimals",
            "`{}` là số tiền (đồng) nhưng {} có phần thập phân";
        /// `{}` is {}: more than any report holds
        FigureTooLarge(v1, v2) = "E0213",
            "`{}` is {}: more than any report holds",
            "`{}` bằng {}: lớn hơn mọi con số một báo cáo có thể có";
        /// a second record for unit `{}` and period `{}` (the first is in {})
        DuplicateRecord(unit, period, v3) = "E0207",
            "a second record for unit `{}` and period `{}` (the first is in {})",
            "bản ghi thứ hai của đơn vị `{}`, kỳ `{}` (bản ghi thứ nhất ở {})";
        /// no `unit` column in the header row
        NoUnitColumn = "E0208",
            "no `unit` column in the header row",
            "dòng tiêu đề không có cột `unit` (Đơn vị)";
        /// no `period` column in the header row
        NoPeriodColumn = "E0209",
            "no `period` column in the header row",
            "dòng tiêu đề không có cột `period` (Kỳ báo cáo)";
        /// a row without unit or period
        RowWithoutUnitOrPeriod = "E0210",
            "a row without unit or period",
            "một dòng thiếu đơn vị hoặc kỳ báo cáo";
        /// the columns `{}` and `{}` hold the same figure
        DuplicateColumns(v1, v2) = "E0211",
            "the columns `{}` and `{}` hold the same figure",
            "hai cột `{}` và `{}` cùng ghi một chỉ tiêu";
        /// {} holds no sheet with a `unit` column
        NoSheetWithUnitColumn(v1) = "E0212",
            "{} holds no sheet with a `unit` column",
            "{} không có trang tính nào có cột `unit` (Đơn vị)";
        // The metric catalogue.
        /// `{}` is not a valid metric key
        BadMetricKey(v1) = "E0301",
            "`{}` is not a valid metric key",
            "`{}` không phải mã chỉ tiêu hợp lệ";
        /// the formula of `{}` is a comparison
        FormulaIsComparison(v1) = "E0302",
            "the formula of `{}` is a comparison",
            "công thức của `{}` là một phép so sánh";
        /// the formula of `{}` cannot be read: {}
        BadFormula(v1, v2) = "E0303",
            "the formula of `{}` cannot be read: {}",
            "không đọc được công thức của `{}`: {}";
        /// the new metric `{}` needs a `label` and a `unit`
        NewMetricNeedsLabelAndUnit(metric) = "E0304",
            "the new metric `{}` needs a `label` and a `unit`",
            "chỉ tiêu mới `{}` cần có `label` và `unit`";
        /// the check `{}` is not a comparison
        CheckNotComparison(check) = "E0305",
            "the check `{}` is not a comparison",
            "phép kiểm tra `{}` không phải là phép so sánh";
        /// the check `{}` cannot be read: {}
        BadCheck(check, v2) = "E0306",
            "the check `{}` cannot be read: {}",
            "không đọc được phép kiểm tra `{}`: {}";
        /// `{}` names both `{}` and `{}`
        AliasNamesTwo(v1, v2, v3) = "E0307",
            "`{}` names both `{}` and `{}`",
            "`{}` vừa là tên của `{}` vừa là tên của `{}`";
        /// `{}` uses the unknown metric `{}`
        FormulaUnknownMetric(v1, metric) = "E0308",
            "`{}` uses the unknown metric `{}`",
            "`{}` dùng chỉ tiêu chưa có trong danh mục `{}`";
        /// the metric `{}` has `over_time: {}`, which is not one of `sum`, `first`, `last`, `none`
        UnknownOverTime(metric, value) = "E0309",
            "the metric `{}` has `over_time: {}`, which is not one of `sum`, `first`, `last`, `none`",
            "chỉ tiêu `{}` có `over_time: {}`, không phải một trong `sum`, `first`, `last`, `none`";
        // Articles and pages.
        /// no front matter
        NoFrontMatter = "E0401",
            "no front matter",
            "bài viết thiếu phần đầu (front matter)";
        /// the front matter is not closed
        FrontMatterNotClosed = "E0402",
            "the front matter is not closed",
            "phần đầu bài chưa được đóng";
        /// the front matter is empty
        FrontMatterEmpty = "E0403",
            "the front matter is empty",
            "phần đầu bài còn trống";
        /// no title
        NoTitle = "E0404",
            "no title",
            "bài viết chưa có tiêu đề";
        /// the file contains the control character U+{}
        ControlCharacter(v1) = "E0416",
            "the file contains the control character U+{}",
            "tệp có ký tự điều khiển U+{}";
        /// `{}` is not a date
        NotADate(v1) = "E0405",
            "`{}` is not a date",
            "`{}` không phải ngày tháng";
        /// `{}` is not a valid slug
        BadSlug(v1) = "E0406",
            "`{}` is not a valid slug",
            "`{}` không phải địa chỉ (slug) hợp lệ";
        /// an article without a date
        ArticleWithoutDate = "E0407",
            "an article without a date",
            "bài viết chưa có ngày đăng";
        /// the image `{}` is not in content/static/
        ImageNotInStatic(image) = "E0408",
            "the image `{}` is not in content/static/",
            "ảnh `{}` không có trong content/static/";
        /// {} and {} both map to the URL {}
        UrlCollision(v1, v2, url) = "E0409",
            "{} and {} both map to the URL {}",
            "{} và {} cùng trỏ tới địa chỉ {}";
        /// the file {} could not be made
        FileNotMade(path) = "E0470",
            "the file {} could not be made",
            "không tạo được tệp {}";
        /// there are no records or articles of {} to build a yearly site from
        NoSuchYear(year) = "E0480",
            "there are no records or articles of {} to build a yearly site from",
            "không có số liệu hay bài viết nào của năm {} để dựng trang tổng kết năm";
        /// content/static/{} would overwrite a generated file
        StaticOverwrites(v1) = "E0410",
            "content/static/{} would overwrite a generated file",
            "tệp content/static/{} sẽ ghi đè lên một trang được tạo ra";
        /// broken link `{}`: {}
        BrokenLink(link, v2) = "E0411",
            "broken link `{}`: {}",
            "liên kết hỏng `{}`: {}";
        /// the metric `{}` has no value in {} ({})
        NoValueInRecord(metric, v2, v3) = "E0412",
            "the metric `{}` has no value in {} ({})",
            "chỉ tiêu `{}` không có số liệu trong {} ({})";
        /// `{}` is used, but there is no cùng kỳ record (unit `{}`, period `{}`)
        NoSamePeriodRecord(v1, unit, period) = "E0413",
            "`{}` is used, but there is no cùng kỳ record (unit `{}`, period `{}`)",
            "bài dùng `{}` nhưng không có bản ghi cùng kỳ (đơn vị `{}`, kỳ `{}`)";
        /// `{}` is used, but {}: a merged unit's record lacks a part
        UsedButNoMergedRecord(used, why) = "E0417",
            "`{}` is used, but {}",
            "bài dùng `{}` nhưng {}";
        /// `{}` is used, but there is no record for {}
        NoRecordForArticle(v1, v2) = "E0414",
            "`{}` is used, but there is no record for {}",
            "bài dùng `{}` nhưng không có bản ghi cho {}";
        /// `{}` is used, but the article names {}
        ArticleLacksScope(v1, names) = "E0415",
            "`{}` is used, but the article names {}",
            "bài dùng `{}` nhưng chưa ghi {}";
        // Template functions and Tera.
        /// the metric `{}` has no value for unit `{}`, period `{}`
        NoValueFor(metric, unit, period) = "E0501",
            "the metric `{}` has no value for unit `{}`, period `{}`",
            "chỉ tiêu `{}` không có số liệu cho đơn vị `{}`, kỳ `{}`";
        /// there is no record for unit `{}`, period `{}`
        NoRecordFor(unit, period) = "E0502",
            "there is no record for unit `{}`, period `{}`",
            "không có bản ghi của đơn vị `{}`, kỳ `{}`";
        /// there is no record for unit `{}`, period `{}`: the period straddles {}, the day the unit was formed, …
        NoStraddleRecord(unit, period, since, parts) = "E0556",
            "there is no record for unit `{}`, period `{}`: the period straddles {}, the day the unit was formed, so its figures add the units before the reorganisation to the unit's own, and {}",
            "không có bản ghi của đơn vị `{}`, kỳ `{}`: kỳ này chứa ngày {} là ngày thành lập đơn vị, nên số liệu là tổng của các đơn vị trước sắp xếp với số liệu của chính đơn vị, nhưng {}";
        /// there is no record for unit `{}`, period `{}`: before {}, the day the unit was formed, …
        NoPredecessorRecord(unit, period, since, preds) = "E0557",
            "there is no record for unit `{}`, period `{}`: before {}, the day the unit was formed, its figures are the sum of the units merged into it, and there is no record of {} for that period",
            "không có bản ghi của đơn vị `{}`, kỳ `{}`: trước ngày {} là ngày thành lập đơn vị, số liệu là tổng của các đơn vị hợp thành, nhưng {} chưa có bản ghi của kỳ này";
        /// compare(key="{}") needs the record of unit `{}` for {} ({}), and there is none
        NoEarlierRecord(key, unit, v3, v4) = "E0503",
            "compare(key=\"{}\") needs the record of unit `{}` for {} ({}), and there is none",
            "compare(key=\"{}\") cần bản ghi của đơn vị `{}` cho {} ({}), nhưng chưa có";
        /// this page has no unit: pass unit="…" or set `unit:` in the front matter
        PageHasNoUnit = "E0504",
            "this page has no unit: pass unit=\"…\" or set `unit:` in the front matter",
            "trang này chưa có đơn vị: ghi unit=\"…\" hoặc `unit:` ở phần đầu bài";
        /// this page has no period: pass period="…" or set `period:` in the front matter
        PageHasNoPeriod = "E0505",
            "this page has no period: pass period=\"…\" or set `period:` in the front matter",
            "trang này chưa có kỳ báo cáo: ghi period=\"…\" hoặc `period:` ở phần đầu bài";
        /// against="{}" is not known: use "same_period" (cùng kỳ) or "previous" (kỳ trước)
        UnknownAgainst(v1) = "E0506",
            "against=\"{}\" is not known: use \"same_period\" (cùng kỳ) or \"previous\" (kỳ trước)",
            "against=\"{}\" không hợp lệ: dùng \"same_period\" (cùng kỳ) hoặc \"previous\" (kỳ trước)";
        /// unknown date format `{}`: use "short", "long" or "full"
        UnknownDateFormat(v1) = "E0507",
            "unknown date format `{}`: use \"short\", \"long\" or \"full\"",
            "không có kiểu ngày `{}`: dùng \"short\", \"long\" hoặc \"full\"";
        /// {}() has no argument `{}`; did you mean `{}`?
        ArgumentDidYouMean(v1, argument, mean) = "E0508",
            "{}() has no argument `{}`; did you mean `{}`?",
            "{}() không có tham số `{}`; có phải là `{}`?";
        /// {}() has no argument `{}`; it takes {}
        ArgumentTakes(v1, argument, takes) = "E0508",
            "{}() has no argument `{}`; it takes {}",
            "{}() không có tham số `{}`; các tham số là {}";
        /// chart(kind="{}"): unknown kind; the kinds are {}
        UnknownChartKind(kind, v2) = "E0510",
            "chart(kind=\"{}\"): unknown kind; the kinds are {}",
            "chart(kind=\"{}\"): không có loại biểu đồ này; các loại là {}";
        /// chart(kind="{}"): {}
        ChartKind(kind, v2) = "E0511",
            "chart(kind=\"{}\"): {}",
            "chart(kind=\"{}\"): {}";
        /// {}(): {}= must be a whole number from 1 up, e.g. {}
        ArgNotCount(v1, v2, v3) = "E0514",
            "{}(): {}= must be a whole number from 1 up, e.g. {}",
            "{}(): {}= phải là số nguyên từ 1 trở lên, ví dụ {}";
        /// {}(): {}= must be a list in brackets, e.g. {}
        ArgNotList(v1, v2, v3) = "E0514",
            "{}(): {}= must be a list in brackets, e.g. {}",
            "{}(): {}= phải là danh sách trong ngoặc vuông, ví dụ {}";
        /// {}(): {}= must be text in quotes, e.g. {}
        ArgNotText(v1, v2, v3) = "E0514",
            "{}(): {}= must be text in quotes, e.g. {}",
            "{}(): {}= phải là chữ trong ngoặc kép, ví dụ {}";
        /// chart() needs kind="…": one of {}
        ChartNeedsKind(v1) = "E0515",
            "chart() needs kind=\"…\": one of {}",
            "chart() cần kind=\"…\": một trong {}";
        /// kpis(): {}
        KpisArgs(v1) = "E0512",
            "kpis(): {}",
            "kpis(): {}";
        /// table(): {}
        TableArgs(v1) = "E0513",
            "table(): {}",
            "table(): {}";
        /// Unknown function `{}`
        UnknownFunction(function) = "E0520",
            "Unknown function `{}`",
            "không có hàm `{}`";
        /// Unknown filter `{}`
        UnknownFilter(filter) = "E0521",
            "Unknown filter `{}`",
            "không có bộ lọc `{}`";
        /// Found {} but expected {}.
        FoundButExpected(found, expected) = "E0522",
            "Found {} but expected {}.",
            "gặp {} trong khi cần {}.";
        /// Unexpected end of input
        UnexpectedEndInput = "E0523",
            "Unexpected end of input",
            "mẫu kết thúc đột ngột (thiếu `}}` hoặc `%}`)";
        /// Unexpected character
        UnexpectedCharacter = "E0524",
            "Unexpected character",
            "ký tự không đúng chỗ";
        /// Invalid type for the value, expected `{}` but got `{}`
        InvalidTypeValueExpected(expected, got) = "E0525",
            "Invalid type for the value, expected `{}` but got `{}`",
            "giá trị cần kiểu `{}` nhưng lại là `{}`";
        /// Missing keyword argument `{}`
        MissingKeywordArgument(argument) = "E0526",
            "Missing keyword argument `{}`",
            "thiếu tham số `{}`";
        /// Field `{}` is not defined. {}
        FieldNotDefined(field, v2) = "E0527",
            "Field `{}` is not defined. {}",
            "không có trường `{}`. {}";
        /// Tried to render a variable that is undefined
        RenderedUndefined = "E0528",
            "Tried to render a variable that is undefined",
            "biến này chưa được định nghĩa";
        /// a comment `{#` is not closed with `#}`
        CommentNotClosed = "E0540",
            "a comment `{#` is not closed with `#}`",
            "chú thích `{#` chưa được đóng bằng `#}`";
        /// `{% set %}` needs a name and a value, as in `{% set x = 1 %}`
        BadSet = "E0541",
            "`{% set %}` needs a name and a value, as in `{% set x = 1 %}`",
            "`{% set %}` cần một tên và một giá trị, như `{% set x = 1 %}`";
        /// a division by zero
        DivisionZero = "E0542",
            "a division by zero",
            "phép chia cho 0";
        /// the template nests too deep
        TemplateNestsTooDeep = "E0543",
            "the template nests too deep",
            "mẫu lồng nhau quá sâu";
        /// `{}` is not expected here
        NotExpectedHere(v1) = "E0544",
            "`{}` is not expected here",
            "không được có `{}` ở đây";
        /// range() would give too many numbers
        RangeTooLong = "E0545",
            "range() would give too many numbers",
            "range() cho ra quá nhiều số";
        /// a template includes itself
        TemplateIncludesItself = "E0546",
            "a template includes itself",
            "một mẫu tự nhúng chính nó";
        /// there is no template `{}`
        NoTemplate(template) = "E0547",
            "there is no template `{}`",
            "không có mẫu `{}`";
        /// there is no tag `{}`
        NoTag(tag) = "E0548",
            "there is no tag `{}`",
            "không có thẻ `{}`";
        /// arithmetic needs numbers on both sides
        ArithmeticNeedsNumbers = "E0549",
            "arithmetic needs numbers on both sides",
            "phép tính cần số ở cả hai vế";
        /// these two values cannot be compared
        CannotCompare = "E0550",
            "these two values cannot be compared",
            "không so sánh được hai giá trị này";
        /// this value is not a list to loop over
        NotALoopList = "E0551",
            "this value is not a list to loop over",
            "giá trị này không phải danh sách để lặp qua";
        /// the template cannot be read or run here
        TemplateFailed = "E0552",
            "the template cannot be read or run here",
            "không đọc hoặc chạy được mẫu ở chỗ này";
        /// an unknown tag, or an `{% end… %}` without its opening tag
        UnknownTag = "E0553",
            "an unknown tag, or an `{% end… %}` without its opening tag",
            "thẻ không rõ, hoặc một `{% end… %}` không có thẻ mở tương ứng";
        /// there is no variable `{}`
        NoVariable(variable) = "E0554",
            "there is no variable `{}`",
            "không có biến `{}`";
        /// the template did more than {} steps of work (a loop that never ends, or too many nested loops?)
        TooManySteps(v1) = "E0530",
            "the template did more than {} steps of work (a loop that never ends, or too many nested loops?)",
            "mẫu đã chạy quá {} bước (vòng lặp không dừng, hoặc lồng quá nhiều vòng lặp?)";
        /// the template built a text of more than {} bytes
        TextTooLong(v1) = "E0531",
            "the template built a text of more than {} bytes",
            "mẫu đã tạo một đoạn chữ dài quá {} byte";
        /// the template wrote more than {} bytes
        OutputTooLong(v1) = "E0532",
            "the template wrote more than {} bytes",
            "mẫu đã viết ra quá {} byte";
        // Warnings.
        /// unit `{}`, period `{}`: {}
        RecordWarning(unit, period, v3) = "W0101",
            "unit `{}`, period `{}`: {}",
            "đơn vị `{}`, kỳ `{}`: {}";
        /// unknown column `{}` is skipped
        UnknownColumnSkipped(column) = "W0102",
            "unknown column `{}` is skipped",
            "bỏ qua cột không rõ `{}`";
        /// {} holds no rows of figures
        NoRowsOfFigures(v1) = "W0104",
            "{} holds no rows of figures",
            "{} không có dòng số liệu nào";
        /// `{}` is {}: a rate under 1%, or a fraction of 1?
        RateLooksLikeFraction(v1, v2) = "W0103",
            "`{}` is {}: a rate under 1%, or a fraction of 1?",
            "`{}` bằng {}: tỷ lệ dưới 1%, hay là phần thập phân của 1?";
        // Import.
        /// "{}" fits several units ({}): its row is skipped
        AmbiguousUnitName(v1, v2) = "E0601",
            "\"{}\" fits several units ({}): its row is skipped",
            "\"{}\" khớp với nhiều đơn vị ({}): bỏ qua dòng này";
        /// "{}" is `{}` again for {}: the row is skipped (the first is row {})
        UnitRowAgain(v1, v2, v3, row) = "E0602",
            "\"{}\" is `{}` again for {}: the row is skipped (the first is row {})",
            "\"{}\" lại là `{}` trong {}: bỏ qua dòng này (dòng thứ nhất là dòng {})";
        /// "{}" names {}, which did not exist throughout the period `{}` ({}..{})
        UnitNotInPeriod(name, units, period, start, end) = "E0631",
            "\"{}\" names {}, which did not exist throughout the period `{}` ({}..{}): its row is not imported",
            "\"{}\" là {}, không tồn tại trong suốt kỳ `{}` ({}..{}): không nhập dòng này";
        /// "{}" is not a unit of content/site.yaml: its row is skipped
        NotASiteUnit(v1) = "E0603",
            "\"{}\" is not a unit of content/site.yaml: its row is skipped",
            "\"{}\" không phải đơn vị trong content/site.yaml: bỏ qua dòng này";
        /// "{}": the total received {} is not the in-period {} plus the carried-over {}
        ReceivedSumMismatch(v1, v2, period, v4) = "E0604",
            "\"{}\": the total received {} is not the in-period {} plus the carried-over {}",
            "\"{}\": tổng số tiếp nhận {} không bằng số trong kỳ {} cộng số từ kỳ trước {}";
        /// "{}" names the period {} but the dates give {}: the dates are used
        PeriodDatesDisagree(v1, period, v3) = "E0605",
            "\"{}\" names the period {} but the dates give {}: the dates are used",
            "\"{}\" ghi kỳ {} nhưng ngày tháng cho ra {}: dùng theo ngày tháng";
        /// `{}` is a count but {} has decimals: it is not imported
        ImportCountHasDecimals(v1, v2) = "E0606",
            "`{}` is a count but {} has decimals: it is not imported",
            "`{}` là số đếm nhưng {} có phần thập phân: không nhập số này";
        /// `{}` is not a number: it is not imported
        ImportNotANumber(v1) = "E0607",
            "`{}` is not a number: it is not imported",
            "`{}` không phải là số: không nhập số này";
        /// a row with figures but no unit name is skipped
        RowWithoutUnitName = "E0609",
            "a row with figures but no unit name is skipped",
            "bỏ qua một dòng có số liệu nhưng không có tên đơn vị";
        /// no period found in {}
        NoPeriodFound(v1) = "E0613",
            "no period found in {}",
            "không tìm thấy kỳ báo cáo trong {}";
        /// no recognisable header in {}
        NoRecognisableHeader(v1) = "E0614",
            "no recognisable header in {}",
            "không nhận ra dòng tiêu đề trong {}";
        /// no row of {} names a unit of content/site.yaml with figures
        NoRowOfASiteUnit(v1) = "E0615",
            "no row of {} names a unit of content/site.yaml with figures",
            "không dòng nào của {} ghi đơn vị có trong content/site.yaml kèm số liệu";
        /// no sheet of {} holds a table with a recognisable header
        NoSheetWithHeader(v1) = "E0616",
            "no sheet of {} holds a table with a recognisable header",
            "không trang tính nào của {} có bảng với dòng tiêu đề nhận ra được";
        /// the header names a unit column but no column of figures the catalogue knows
        NoFigureColumns = "E0617",
            "the header names a unit column but no column of figures the catalogue knows",
            "dòng tiêu đề có cột đơn vị nhưng không có cột số liệu nào trong danh mục";
        /// the row has no period
        RowWithoutPeriod = "E0618",
            "the row has no period",
            "dòng này chưa có kỳ báo cáo";
        /// the total row gives {} for "{}"{} but the unit rows add up to {}
        TotalRowMismatch(v1, v2, v3, v4) = "E0619",
            "the total row gives {} for \"{}\"{} but the unit rows add up to {}",
            "dòng tổng cộng ghi {} cho \"{}\"{} nhưng các dòng đơn vị cộng lại được {}";
        /// {} exists: it is not overwritten
        NotOverwritten(v1) = "E0620",
            "{} exists: it is not overwritten",
            "{} đã có: không ghi đè";
        /// {} has no sheet `{}`
        NoSheet(v1, sheet) = "E0621",
            "{} has no sheet `{}`",
            "{} không có trang tính `{}`";
        /// {} is a CSV file: --sheet is ignored
        SheetIgnoredForCsv(v1) = "E0622",
            "{} is a CSV file: --sheet is ignored",
            "{} là tệp CSV: bỏ qua --sheet";
        /// `{}` is not a period
        NotAPeriod(v1) = "E0608",
            "`{}` is not a period",
            "`{}` không phải kỳ báo cáo";
        /// {} is not an Excel workbook
        NotExcelWorkbook(v1) = "E0624",
            "{} is not an Excel workbook",
            "{} không phải bảng tính Excel";
        /// {} holds no sheet
        HoldsNoSheet(v1) = "E0625",
            "{} holds no sheet",
            "{} không có trang tính nào";
        // The command line and the import's new units (issue 10).
        /// `{}` is not a command of baocao
        UnknownCommand(name) = "E0180",
            "`{}` is not a command of baocao",
            "`{}` không phải lệnh của baocao";
        /// `{}` is not an option or argument of `{}`
        UnknownOption(arg, command) = "E0181",
            "`{}` is not an option or argument of `{}`",
            "`{}` không phải tùy chọn hay tham số của lệnh `{}`";
        /// `{}` needs a value
        OptionNeedsValue(arg) = "E0182",
            "`{}` needs a value",
            "`{}` cần có giá trị đi kèm";
        /// `{}` is not a valid value for `{}`
        BadOptionValue(value, arg) = "E0183",
            "`{}` is not a valid value for `{}`",
            "`{}` không phải giá trị hợp lệ của `{}`";
        /// `{}` needs {}
        MissingArgument(command, args) = "E0184",
            "`{}` needs {}",
            "lệnh `{}` cần có {}";
        /// cannot read the command line `{}`
        BadCommandLine(line) = "E0185",
            "cannot read the command line `{}`",
            "không hiểu được dòng lệnh `{}`";
        /// cannot watch {} for changes: {}
        CannotWatch(path, why) = "E0186",
            "cannot watch {} for changes: {}",
            "không theo dõi được thay đổi trong {}: {}";
        /// cannot add the new units to {}: {}
        CannotAddUnits(path, why) = "E0630",
            "cannot add the new units to {}: {}",
            "không thêm được các đơn vị mới vào {}: {}";
        // The lint of hand-typed figures (src/lint.rs).
        /// `{}` is typed by hand, and it is {}: it will not follow the data when the data is corrected
        FigureTypedByHand(literal, what) = "W0701",
            "`{}` is typed by hand, and it is {}: it will not follow the data when the data is corrected",
            "`{}` được gõ tay và chính là {}: con số này sẽ không tự cập nhật khi số liệu được sửa";
        /// `{}` beside “{}” disagrees with the data: `{}` ({}) is {}
        RateDisagrees(literal, words, key, label, value) = "W0702",
            "`{}` beside “{}” disagrees with the data: `{}` ({}) is {}",
            "`{}` bên cạnh “{}” không khớp với số liệu: `{}` ({}) là {}";
        /// `{}` writes the change of a rate in percent: `{}` ({}) went from {} to {}, a change of {} percentage points
        RateChangeInPercent(literal, key, label, from, to, points) = "W0703",
            "`{}` writes the change of a rate in percent: `{}` ({}) went from {} to {}, a change of {} percentage points",
            "`{}` ghi mức thay đổi của một tỷ lệ bằng phần trăm: `{}` ({}) đi từ {} đến {}, tức thay đổi {} điểm phần trăm";
        /// `{}` disagrees with the data: for `{}` ({}) the data gives “{}”
        ChangeDisagrees(literal, key, label, change) = "W0704",
            "`{}` disagrees with the data: for `{}` ({}) the data gives “{}”",
            "`{}` không khớp với số liệu: với `{}` ({}), số liệu cho “{}”";
        /// `{}` is not a date that exists: {}
        DateCannotExist(literal, why) = "W0705",
            "`{}` is not a date that exists: {}",
            "`{}` không phải một ngày có thật: {}";
    }
}
