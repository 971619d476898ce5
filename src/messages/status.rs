//! Status lines: what the commands print when nothing is wrong — the
//! import's account of each column and row, the build's summary, the
//! server's lines, `new`'s — and the texts of `--help`. Each line is a
//! variant with its English and Vietnamese wording, like [`super::Msg`];
//! `cli.rs` and `serve.rs` show them in the site's language.

catalogue! {
    /// Status lines and `--help` texts.
    pub enum Status {
        // Counts: `Status::count` picks the singular or plural entry.
        /// 1 page
        OnePage = "", "1 page", "1 trang";
        /// {} pages
        Pages(n) = "", "{} pages", "{} trang";
        /// 1 chart
        OneChart = "", "1 chart", "1 biểu đồ";
        /// {} charts
        Charts(n) = "", "{} charts", "{} biểu đồ";
        /// 1 file
        OneFile = "", "1 file", "1 tệp";
        /// {} files
        Files(n) = "", "{} files", "{} tệp";
        /// 1 record
        OneRecord = "", "1 record", "1 bản ghi";
        /// {} records
        Records(n) = "", "{} records", "{} bản ghi";
        /// 1 warning
        OneWarning = "", "1 warning", "1 cảnh báo";
        /// {} warnings
        Warnings(n) = "", "{} warnings", "{} cảnh báo";

        // build, check, serve, new.
        /// built {} pages, {} charts and {} files from {} records with {} warnings in {} s
        Built(pages, charts, files, records, warnings, seconds) = "",
            "built {}, {} and {} from {} with {} in {} s",
            "đã dựng {}, {} và {} từ {}, {}, trong {} giây";
        /// checked {} pages, …
        Checked(pages, charts, files, records, warnings, seconds) = "",
            "checked {}, {} and {} from {} with {} in {} s",
            "đã kiểm tra {}, {} và {} từ {}, {}, trong {} giây";
        /// → ./output (0 written, 11 unchanged, 0 removed)
        WrittenTo(out, written, unchanged, removed) = "",
            " → {} ({} written, {} unchanged, {} removed)",
            " → {} (ghi {}, giữ nguyên {}, xóa {})";
        /// The stages the progress bar names.
        StageLoading = "", "loading", "đọc nội dung";
        /// computing
        StageComputing = "", "computing", "tính số liệu";
        /// rendering
        StageRendering = "", "rendering", "dựng trang";
        /// writing
        StageWriting = "", "writing", "ghi tệp";
        /// rebuilt {} pages and {} charts in {} s
        Rebuilt(pages, charts, seconds) = "",
            "rebuilt {} and {} in {} s",
            "đã dựng lại {} và {} trong {} giây";
        /// serving {} at {} (Ctrl+C to stop)
        Serving(root, url) = "",
            "serving {} at {} (Ctrl+C to stop)",
            "đang phục vụ {} tại {} (bấm Ctrl+C để dừng)";
        /// created a new site in {}: preview it with `{}`
        Created(dir, command) = "",
            "created a new site in {}: preview it with `{}`",
            "đã tạo trang mới trong {}: xem thử bằng lệnh `{}`";
        /// imported into {} files
        ImportedInto(files) = "",
            "imported into {}",
            "đã nhập vào {}";

        // The import's account, line by line (src/import/).
        /// reading {}, sheet "{}"
        ReadingSheet(file, sheet) = "",
            "reading {}, sheet \"{}\"",
            "đọc {}, trang tính \"{}\"";
        /// reading {}
        Reading(file) = "",
            "reading {}",
            "đọc {}";
        /// the sheets {} hold tables too: import them with --sheet NAME
        OtherSheets(list) = "",
            "the sheets {} hold tables too: import them with --sheet NAME",
            "các trang tính {} cũng có bảng: muốn nhập, dùng `--sheet TÊN`";
        /// header: row {}
        HeaderRow(row) = "",
            "header: row {}",
            "tiêu đề bảng: dòng {}";
        /// header: row {}; column numbers on row {}
        HeaderRowNumbered(row, numbers) = "",
            "header: row {}; column numbers on row {}",
            "tiêu đề bảng: dòng {}; số thứ tự cột ở dòng {}";
        /// header: row {}–{} ({} levels)
        HeaderRows(first, last, levels) = "",
            "header: row {}–{} ({} levels)",
            "tiêu đề bảng: dòng {}–{} ({} cấp)";
        /// header: row {}–{} ({} levels); column numbers on row {}
        HeaderRowsNumbered(first, last, levels, numbers) = "",
            "header: row {}–{} ({} levels); column numbers on row {}",
            "tiêu đề bảng: dòng {}–{} ({} cấp); số thứ tự cột ở dòng {}";
        /// {} "{}" → the unit of each row
        ColumnUnit(col, label) = "",
            "{} \"{}\" → the unit of each row",
            "{} \"{}\" → đơn vị của mỗi dòng";
        /// {} "{}" → the period of each row
        ColumnPeriod(col, label) = "",
            "{} \"{}\" → the period of each row",
            "{} \"{}\" → kỳ báo cáo của mỗi dòng";
        /// {} "{}" → source
        ColumnSource(col, label) = "",
            "{} \"{}\" → source",
            "{} \"{}\" → nguồn số liệu (`source`)";
        /// {} "{}" ignored (row numbers)
        ColumnRowNumbers(col, label) = "",
            "{} \"{}\" ignored (row numbers)",
            "{} \"{}\" bỏ qua (số thứ tự)";
        /// {} "{}" → {}
        ColumnMetric(col, label, key) = "",
            "{} \"{}\" → {}",
            "{} \"{}\" → {}";
        /// {} "{}" ignored: it includes the dossiers carried over …
        ColumnReceivedWithCarry(col, label) = "",
            "{} \"{}\" ignored: it includes the dossiers carried over from the previous period (received is the in-period columns); used to check each row",
            "{} \"{}\" bỏ qua: cột này gồm cả hồ sơ từ kỳ trước chuyển qua (`received` là các cột trong kỳ); dùng để kiểm tra từng dòng";
        /// {} "{}" ignored
        ColumnIgnored(col, label) = "",
            "{} \"{}\" ignored",
            "{} \"{}\" bỏ qua";
        /// {} "{}" ignored: {}
        ColumnIgnoredWhy(col, label, why) = "",
            "{} \"{}\" ignored: {}",
            "{} \"{}\" bỏ qua: {}";
        /// the catalogue has no metric `{}`
        WhyNoMetricKey(key) = "",
            "the catalogue has no metric `{}`",
            "danh mục không có chỉ tiêu `{}`";
        /// no header
        WhyNoHeader = "",
            "no header",
            "cột không có tiêu đề";
        /// no metric of the catalogue has this name
        WhyNoMetricNamed = "",
            "no metric of the catalogue has this name",
            "không chỉ tiêu nào trong danh mục có tên này";
        /// the catalogue has no metric for dossiers pending within their deadline
        WhyPendingInTime = "",
            "the catalogue has no metric for dossiers pending within their deadline",
            "danh mục không có chỉ tiêu cho hồ sơ đang giải quyết còn trong hạn";
        /// a total without a group above it is ambiguous
        WhyLoneTotal = "",
            "a total without a group above it is ambiguous",
            "cột tổng không thuộc nhóm cột nào nên không rõ là tổng của gì";
        /// a second total of received dossiers
        WhySecondReceivedTotal = "",
            "a second total of received dossiers",
            "cột tổng số hồ sơ tiếp nhận thứ hai";
        /// the column "{}" already gives {}
        WhyAlreadyGiven(label, key) = "",
            "the column \"{}\" already gives {}",
            "cột \"{}\" đã cho {}";
        /// received = {} (the dossiers received in the period)
        ReceivedIs(parts) = "",
            "received = {} (the dossiers received in the period)",
            "received = {} (số hồ sơ tiếp nhận trong kỳ)";
        /// note: the merged column "{}" was imported as received_direct …
        MergedDirectPostal(label) = "",
            "note: the merged column \"{}\" was imported as received_direct and includes postal dossiers; received_postal is not written",
            "lưu ý: cột gộp \"{}\" được nhập thành `received_direct`, gồm cả hồ sơ qua bưu chính; không ghi `received_postal`";
        /// note: received includes the postal column; …
        ReceivedIncludesPostal = "",
            "note: received includes the postal column; the catalogue's formula received_online + received_direct does not, so the build warns where they differ",
            "lưu ý: `received` gồm cả cột bưu chính, còn công thức của danh mục `received_online + received_direct` thì không, nên khi dựng trang sẽ cảnh báo ở nơi hai số khác nhau";
        /// period {} from "{}" (row {}: {})
        PeriodFromBecause(period, line, row, why) = "",
            "period {} from \"{}\" (row {}: {})",
            "kỳ báo cáo {} lấy từ \"{}\" (dòng {}: {})";
        /// period {} from "{}" (row {})
        PeriodFrom(period, line, row) = "",
            "period {} from \"{}\" (row {})",
            "kỳ báo cáo {} lấy từ \"{}\" (dòng {})";
        /// the official cycle, 15th to 14th
        OfficialCycle = "",
            "the official cycle, 15th to 14th",
            "chu kỳ báo cáo chính thức, từ ngày 15 đến ngày 14";
        /// calendar months
        CalendarMonths = "",
            "calendar months",
            "tháng dương lịch";
        /// an explicit range
        ExplicitRange = "",
            "an explicit range",
            "khoảng thời gian ghi rõ";
        /// row {}: "{}" ends the table
        RowEndsTable(row, text) = "",
            "row {}: \"{}\" ends the table",
            "dòng {}: \"{}\" kết thúc bảng";
        /// row {}: no unit and no figures: the table ends
        RowEmptyEndsTable(row) = "",
            "row {}: no unit and no figures: the table ends",
            "dòng {}: không có đơn vị, không có số liệu: hết bảng";
        /// row {} "{}": a group row without figures, skipped
        RowGroup(row, name) = "",
            "row {} \"{}\": a group row without figures, skipped",
            "dòng {} \"{}\": dòng nhóm không có số liệu, bỏ qua";
        /// row {}: a second total row, skipped
        RowSecondTotal(row) = "",
            "row {}: a second total row, skipped",
            "dòng {}: dòng tổng thứ hai, bỏ qua";
        /// row {} "{}": the total row, used to check the sums
        RowTotal(row, label) = "",
            "row {} \"{}\": the total row, used to check the sums",
            "dòng {} \"{}\": dòng tổng cộng, dùng để kiểm tra tổng, không nhập";
        /// row {} "{}" → {}: no figure of the catalogue, skipped
        RowNoFigure(row, name, unit) = "",
            "row {} \"{}\" → {}: no figure of the catalogue, skipped",
            "dòng {} \"{}\" → {}: không có số liệu nào thuộc danh mục, bỏ qua";
        /// row {} "{}" → {}
        RowUnit(row, name, unit) = "",
            "row {} \"{}\" → {}",
            "dòng {} \"{}\" → {}";
        /// row {} "{}" → {} (a new unit)
        RowNewUnit(row, name, unit) = "",
            "row {} \"{}\" → {} (a new unit)",
            "dòng {} \"{}\" → {} (đơn vị mới)";
        /// row {} "{}": a group subtotal, skipped
        RowSubtotal(row, name) = "",
            "row {} \"{}\": a group subtotal, skipped",
            "dòng {} \"{}\": tổng của một nhóm, bỏ qua";
        /// row {} "{}": not a unit of site.yaml, skipped (suggested id: {})
        RowNotASiteUnit(row, name, id) = "",
            "row {} \"{}\": not a unit of site.yaml, skipped (suggested id: {})",
            "dòng {} \"{}\": không phải đơn vị trong site.yaml, bỏ qua (mã gợi ý: {})";
        /// row {} "{}": a field of work
        RowFieldOfWork(row, name) = "",
            "row {} \"{}\": a field of work",
            "dòng {} \"{}\": một lĩnh vực công việc";
        /// row {} "{}": an in-period column is empty, so received is not written
        RowInPeriodEmpty(row, name) = "",
            "row {} \"{}\": an in-period column is empty, so received is not written",
            "dòng {} \"{}\": có cột trong kỳ để trống nên không ghi `received`";
        /// no row names a unit of site.yaml: the total row {} was imported for …
        ReportingUnitTotal(row, name, unit) = "",
            "no row names a unit of site.yaml: the total row {} was imported for the reporting unit \"{}\" → {}",
            "không dòng nào ghi đơn vị trong site.yaml: dòng tổng {} được nhập cho đơn vị báo cáo \"{}\" → {}";
        /// the total row {} agrees with the sum of the unit rows
        TotalAgrees(row) = "",
            "the total row {} agrees with the sum of the unit rows",
            "dòng tổng {} khớp với tổng các dòng đơn vị";
        /// the total row {} differs from the sum of the unit rows in {} column(s)
        TotalDiffers(row, columns) = "",
            "the total row {} differs from the sum of the unit rows in {} column(s)",
            "dòng tổng {} khác tổng các dòng đơn vị ở {} cột";
        /// wrote {} ({})
        Wrote(path, records) = "",
            "wrote {} ({})",
            "đã ghi {} ({})";
        /// added to {}: {} "{}" ({}, under {})
        UnitAddedUnder(file, id, name, level, parent) = "",
            "added to {}: {} \"{}\" ({}, under {})",
            "đã thêm vào {}: {} \"{}\" ({}, thuộc {})";
        /// added to {}: {} "{}" ({})
        UnitAdded(file, id, name, level) = "",
            "added to {}: {} \"{}\" ({})",
            "đã thêm vào {}: {} \"{}\" ({})";
        /// The levels of units, as `level:` in site.yaml.
        LevelProvince = "", "province", "cấp tỉnh";
        /// city
        LevelCity = "", "city", "thành phố";
        /// district
        LevelDistrict = "", "district", "cấp huyện";
        /// commune
        LevelCommune = "", "commune", "cấp xã";
        /// center
        LevelCenter = "", "center", "trung tâm";

        // `--help`.
        /// Usage:
        HelpUsage = "", "Usage:", "Cách dùng:";
        /// Commands (clap adds the colon)
        HelpCommands = "", "Commands", "Lệnh";
        /// Options
        HelpOptions = "", "Options", "Tùy chọn";
        /// Arguments
        HelpArguments = "", "Arguments", "Tham số";
        /// OPTIONS, in a usage line.
        HelpOptionsWord = "", "OPTIONS", "TÙY_CHỌN";
        /// COMMAND, in a usage line.
        HelpCommandWord = "", "COMMAND", "LỆNH";
        /// [default: {}]
        HelpDefault(value) = "", "[default: {}]", "[mặc định: {}]";
        /// DIR
        ValueDir = "", "DIR", "THƯ_MỤC";
        /// FILE
        ValueFile = "", "FILE", "TỆP";
        /// NAME
        ValueName = "", "NAME", "TÊN";
        /// URL
        ValueUrl = "", "URL", "URL";
        /// PORT
        ValuePort = "", "PORT", "CỔNG";
        /// ADDRESS
        ValueAddress = "", "ADDRESS", "ĐỊA_CHỈ";
        /// BOOL
        ValueBool = "", "true|false", "true|false";
        /// The program.
        HelpAbout = "",
            "Static-site generator for administrative-reform news portals: figures written once, articles that agree with them.",
            "Trình tạo trang thông tin cải cách hành chính: số liệu ghi một lần, bài viết luôn khớp với số liệu.";
        /// Print help
        HelpHelp = "", "Print help", "Xem hướng dẫn này";
        /// Print version
        HelpVersion = "", "Print version", "Xem số phiên bản";
        /// The `help` command.
        HelpHelpCommand = "",
            "Print this message or the help of the given command",
            "Xem hướng dẫn này, hoặc hướng dẫn của một lệnh";
        /// The command to explain.
        HelpHelpCommandArg = "",
            "The command to explain",
            "Lệnh cần xem hướng dẫn";
        /// build
        HelpBuild = "",
            "Render the site into the output folder.",
            "Dựng trang vào thư mục kết quả.";
        /// check
        HelpCheck = "",
            "Load, validate and render in memory; write nothing.",
            "Đọc, kiểm tra và dựng thử trong bộ nhớ; không ghi tệp nào.";
        /// serve
        HelpServe = "",
            "Preview the site on this computer; pages reload when files change.",
            "Xem thử trang trên máy này; trang tự tải lại khi tệp thay đổi.";
        /// new
        HelpNew = "",
            "Create a new site with a small example.",
            "Tạo một trang mới kèm ví dụ nhỏ.";
        /// import
        HelpImport = "",
            "Turn a spreadsheet (.xlsx or .csv, incl. form II.06a/VPCP/KSTT) into data files; units missing from site.yaml are added to it.",
            "Chuyển bảng tính (.xlsx hoặc .csv, kể cả Biểu số II.06a/VPCP/KSTT) thành tệp số liệu; đơn vị chưa có trong site.yaml được thêm vào.";
        /// --root
        HelpRoot = "",
            "The site folder (holding content/).",
            "Thư mục của trang (chứa content/).";
        /// --root of import
        HelpImportRoot = "",
            "The site folder (its site.yaml names the units).",
            "Thư mục của trang (site.yaml của trang khai báo các đơn vị).";
        /// --output
        HelpOutput = "",
            "Output folder [default: DIR/output, DIR the site folder].",
            "Thư mục kết quả [mặc định: THƯ_MỤC/output, THƯ_MỤC là thư mục của trang].";
        /// --base-url
        HelpBaseUrl = "",
            "Override base_url of site.yaml.",
            "Dùng địa chỉ này thay cho `base_url` của site.yaml.";
        /// --year
        HelpYear = "",
            "Build the standalone yearly summary site of this year: its summary as the home page, only its articles, records and downloads.",
            "Dựng trang tổng kết năm riêng cho năm này: trang chủ là trang tổng kết, chỉ gồm bài viết, số liệu và tệp tải về của năm đó.";
        /// YEAR
        ValueYear = "", "YEAR", "NĂM";
        /// --drafts
        HelpDrafts = "",
            "Include articles marked `draft: true`.",
            "Đưa cả bài nháp (`draft: true`) vào trang.";
        /// --drafts of serve
        HelpServeDrafts = "",
            "Include drafts (on by default when previewing).",
            "Đưa cả bài nháp vào trang (khi xem thử thì mặc định có).";
        /// --strict
        HelpStrict = "",
            "Treat warnings (failed consistency checks, skipped columns) as errors.",
            "Coi cảnh báo (số liệu không khớp, cột bị bỏ qua…) là lỗi.";
        /// --quiet
        HelpQuiet = "",
            "No progress bar: only diagnostics and the summary line.",
            "Không hiện thanh tiến trình: chỉ in lỗi, cảnh báo và dòng tóm tắt.";
        /// --port
        HelpPort = "",
            "Port to listen on.",
            "Cổng để phục vụ.";
        /// --bind
        HelpBind = "",
            "Address to listen on (127.0.0.1: only this computer).",
            "Địa chỉ để phục vụ (127.0.0.1: chỉ máy này xem được).";
        /// DIR of new
        HelpNewDir = "",
            "The folder to create (must be new or empty).",
            "Thư mục sẽ tạo (phải chưa có hoặc đang trống).";
        /// FILE of import
        HelpImportFile = "",
            "The spreadsheet.",
            "Bảng tính cần nhập.";
        /// --sheet
        HelpSheet = "",
            "The sheet to read [default: the first with a table].",
            "Trang tính cần đọc [mặc định: trang tính đầu tiên có bảng].";
        /// --out
        HelpOut = "",
            "Where the YAML files go [default: DIR/content/data, DIR the site folder].",
            "Nơi ghi các tệp YAML [mặc định: THƯ_MỤC/content/data, THƯ_MỤC là thư mục của trang].";
        /// --force
        HelpForce = "",
            "Overwrite files that exist.",
            "Ghi đè tệp đã có.";
        /// --no-new-units
        HelpNoNewUnits = "",
            "Do not add units missing from site.yaml: report them and skip their rows.",
            "Không thêm đơn vị chưa có trong site.yaml: báo các đơn vị đó và bỏ qua dòng của chúng.";
    }
}

impl Status {
    /// "1 page" or "3 pages": the entry for one, or the one for many.
    pub fn count(n: usize, one: Status, many: fn(crate::messages::Text) -> Status) -> Status {
        if n == 1 { one } else { many(n.into()) }
    }
}
