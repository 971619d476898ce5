//! Hints: how to fix what a diagnostic reports.
//! Generated once from the old pattern tables; edit by hand.

catalogue! {
    /// Hints: how to fix what a diagnostic reports.
    pub enum Hint {
        /// move the record to the unit that existed then, or correct `since`/`until` in content/site.yaml
        RecordsWithinLifetime = "",
            "move the record to the unit that existed then, or correct `since`/`until` in content/site.yaml",
            "chuyển bản ghi sang đơn vị tồn tại vào thời gian đó, hoặc sửa `since`/`until` trong content/site.yaml";
        /// years with records or articles: {}
        YearsThereAre(years) = "",
            "years with records or articles: {}",
            "các năm có số liệu hoặc bài viết: {}";
        /// add data files to content/data/ or articles to content/articles/ first
        AddRecordsOrArticles = "",
            "add data files to content/data/ or articles to content/articles/ first",
            "thêm tệp số liệu vào content/data/ hoặc bài viết vào content/articles/ trước";
        /// convert it with `baocao import FILE`, or save it as .xlsx in Excel
        ConvertBaocaoImportFile = "",
            "convert it with `baocao import FILE`, or save it as .xlsx in Excel",
            "chuyển đổi bằng lệnh `baocao import TỆP`, hoặc lưu lại dạng .xlsx trong Excel";
        /// check the metric's formula in content/metrics.yaml
        CheckMetricFormula = "",
            "check the metric's formula in content/metrics.yaml",
            "kiểm tra công thức của chỉ tiêu trong content/metrics.yaml";
        /// rename the file with letters, digits, `-` and `.` only
        RenameFileLettersDigits = "",
            "rename the file with letters, digits, `-` and `.` only",
            "đổi tên tệp, chỉ dùng chữ cái, chữ số, `-` và `.`";
        /// write links and images in Markdown: [tên](https://…), ![ảnh](/images/hoi-nghi.jpg)
        WriteLinksImagesMarkdown = "",
            "write links and images in Markdown: [tên](https://…), ![ảnh](/images/hoi-nghi.jpg)",
            "viết liên kết và ảnh bằng Markdown: [tên](https://…), ![ảnh](/images/hoi-nghi.jpg)";
        /// delete the link (or use --out to write elsewhere), then import again
        DeleteLinkUseOut = "",
            "delete the link (or use --out to write elsewhere), then import again",
            "xoá liên kết (hoặc dùng --out để ghi vào chỗ khác) rồi chạy lại lệnh import";
        /// open it in Excel and save it as .xlsx (Excel Workbook), or export the sheet as CSV UTF-8
        OpenExcelSaveXlsx = "",
            "open it in Excel and save it as .xlsx (Excel Workbook), or export the sheet as CSV UTF-8",
            "mở tệp bằng Excel rồi lưu dạng .xlsx (Excel Workbook), hoặc xuất trang tính ra CSV UTF-8";
        /// open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV UTF-8
        OpenExcelSaveXlsxExcel = "",
            "open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV UTF-8",
            "mở tệp bằng Excel rồi lưu dạng .xlsx (Excel Workbook), hoặc xuất ra CSV UTF-8";
        /// write a number of articles per list page, e.g. `per_page: 10`
        WriteNumberArticlesPer = "",
            "write a number of articles per list page, e.g. `per_page: 10`",
            "ghi số bài trên mỗi trang danh sách, ví dụ `per_page: 10`";
        /// copy the file or folder into content/: baocao does not follow links, so nothing outside the site is published by mistake
        CopyFileFolderInto = "",
            "copy the file or folder into content/: baocao does not follow links, so nothing outside the site is published by mistake",
            "chép tệp hoặc thư mục vào content/: baocao không đi theo liên kết, để không vô tình đăng tệp nằm ngoài trang";
        /// links go to pages (https://…, /tin-tuc/…, bai-viet.md), never to code
        LinksGoPagesHttps = "",
            "links go to pages (https://…, /tin-tuc/…, bai-viet.md), never to code",
            "liên kết chỉ dẫn tới trang (https://…, /tin-tuc/…, bai-viet.md), không bao giờ tới mã lệnh";
        /// put the file in content/static/ and link to it from the site root: [tài liệu](/files/huong-dan.pdf), ![ảnh](/images/hoi-nghi.jpg)
        PutFileContentStatic = "",
            "put the file in content/static/ and link to it from the site root: [tài liệu](/files/huong-dan.pdf), ![ảnh](/images/hoi-nghi.jpg)",
            "đặt tệp vào content/static/ rồi liên kết tới nó tính từ gốc trang: [tài liệu](/files/huong-dan.pdf), ![ảnh](/images/hoi-nghi.jpg)";
        /// this is a bug in baocao or its theme; please report it with the site that causes it
        BugBaocaoThemePlease = "",
            "this is a bug in baocao or its theme; please report it with the site that causes it",
            "đây là lỗi của baocao hoặc của giao diện; hãy báo lỗi, gửi kèm trang gây ra lỗi";
        /// rename the folder `{}` with letters or digits, e.g. tin-tuc
        RenameFolderLettersDigits(v1) = "",
            "rename the folder `{}` with letters or digits, e.g. tin-tuc",
            "đổi tên thư mục `{}` sao cho có chữ cái hoặc chữ số, ví dụ tin-tuc";
        /// give it a `slug:` in the front matter, e.g. `slug: gioi-thieu`, or rename the file with letters or digits
        GiveSlugFrontMatter = "",
            "give it a `slug:` in the front matter, e.g. `slug: gioi-thieu`, or rename the file with letters or digits",
            "thêm `slug:` vào phần đầu bài, ví dụ `slug: gioi-thieu`, hoặc đổi tên tệp sao cho có chữ cái hoặc chữ số";
        /// a page's template has a bounded amount of work and text: loop over the units or periods you show, not over large ranges, and do not build text by doubling it
        TemplateBounded = "",
            "a page's template has a bounded amount of work and text: loop over the units or periods you show, not over large ranges, and do not build text by doubling it",
            "mỗi trang chỉ được dùng một lượng tính toán và chữ có giới hạn: chỉ lặp qua các đơn vị hoặc kỳ cần hiển thị, không lặp qua dãy số lớn, không nhân đôi chuỗi chữ";
        /// a data file has a header row, then one row per unit and period; delete the file if it is not needed
        DataFileHeaderRow = "",
            "a data file has a header row, then one row per unit and period; delete the file if it is not needed",
            "tệp số liệu có một dòng tiêu đề, tiếp theo mỗi đơn vị và kỳ một dòng; xóa tệp nếu không dùng đến";
        /// a report is far smaller than this: check that it is the right file, or copy the table into a new workbook in Excel and save that
        ReportFarSmallerThan = "",
            "a report is far smaller than this: check that it is the right file, or copy the table into a new workbook in Excel and save that",
            "một báo cáo nhỏ hơn thế rất nhiều: kiểm tra có đúng tệp không, hoặc chép bảng số liệu sang một bảng tính mới trong Excel rồi lưu bảng tính đó";
        /// close each `[` with `]` and each `{` with `}`; site files need only a few levels
        CloseEachEachSite = "",
            "close each `[` with `]` and each `{` with `}`; site files need only a few levels",
            "đóng mỗi `[` bằng `]` và mỗi `{` bằng `}`; tệp của trang chỉ cần vài cấp lồng nhau";
        /// delete the invisible character (it often comes from copying out of a PDF or a Word file)
        DeleteInvisibleCharacterOften = "",
            "delete the invisible character (it often comes from copying out of a PDF or a Word file)",
            "xoá ký tự ẩn này (thường do sao chép từ tệp PDF hoặc Word)";
        /// did you mean `{}`? Add new metrics to content/metrics.yaml
        DidYouMeanAdd(mean) = "",
            "did you mean `{}`? Add new metrics to content/metrics.yaml",
            "có phải là `{}`? Chỉ tiêu mới được thêm trong content/metrics.yaml";
        /// did you mean `{}`? If it is a notes column, nothing is lost
        DidYouMeanIf(mean) = "",
            "did you mean `{}`? If it is a notes column, nothing is lost",
            "có phải là `{}`? Nếu đó là cột ghi chú thì không mất số liệu nào";
        /// did you mean `{}`? Units are declared in content/site.yaml under `units:`
        DidYouMeanUnits(mean) = "",
            "did you mean `{}`? Units are declared in content/site.yaml under `units:`",
            "có phải là `{}`? Đơn vị được khai báo trong content/site.yaml, mục `units:`";
        /// did you mean `{}`?
        DidYouMean(mean) = "",
            "did you mean `{}`?",
            "có phải là `{}`?";
        /// data files use metric keys: write `{}` for "{}"
        DataFilesUseMetric(v1, v2) = "",
            "data files use metric keys: write `{}` for \"{}\"",
            "tệp số liệu dùng mã chỉ tiêu: ghi `{}` thay cho \"{}\"";
        /// declare the unit in content/site.yaml under `units:` (id, name, level)
        DeclareUnitContentSite = "",
            "declare the unit in content/site.yaml under `units:` (id, name, level)",
            "khai báo đơn vị trong content/site.yaml, mục `units:` (id, name, level)";
        /// use a key of the metric catalogue, or add the metric to content/metrics.yaml
        UseKeyMetricCatalogue = "",
            "use a key of the metric catalogue, or add the metric to content/metrics.yaml",
            "dùng mã có trong danh mục chỉ tiêu, hoặc thêm chỉ tiêu vào content/metrics.yaml";
        /// use a key of the metric catalogue (see the README), or add one in content/metrics.yaml
        UseKeyMetricCatalogueSee = "",
            "use a key of the metric catalogue (see the README), or add one in content/metrics.yaml",
            "dùng mã có trong danh mục chỉ tiêu (xem README), hoặc thêm chỉ tiêu vào content/metrics.yaml";
        /// write the period as one of: {}
        WritePeriodOne(v1) = "",
            "write the period as one of: {}",
            "ghi kỳ báo cáo theo một trong các dạng: {}";
        /// write the period as one of: {}; or as its Vietnamese label: {}
        WritePeriodOrLabel(v1, v2) = "",
            "write the period as one of: {}; or as its Vietnamese label: {}",
            "ghi kỳ báo cáo theo một trong các dạng: {}; hoặc bằng tên kỳ: {}";
        /// did you mean `{}` ({})? A period is written as its id or its Vietnamese label
        PeriodDidYouMean(mean, label) = "",
            "did you mean `{}` ({})? A period is written as its id or its Vietnamese label",
            "có phải là `{}` ({})? Kỳ báo cáo được ghi bằng mã kỳ hoặc tên kỳ";
        /// Excel turned this period into a date: format the period column as Text and type it again (e.g. 2023-10)
        ExcelTurnedPeriodInto = "",
            "Excel turned this period into a date: format the period column as Text and type it again (e.g. 2023-10)",
            "Excel đã đổi kỳ báo cáo thành ngày tháng: định dạng cột kỳ báo cáo là Văn bản (Text) rồi gõ lại (ví dụ 2023-10)";
        /// write numbers without quotes: 6580 (or 6.580), 93.1 (a percentage on the 0–100 scale)
        WriteNumbersWithoutQuotes = "",
            "write numbers without quotes: 6580 (or 6.580), 93.1 (a percentage on the 0–100 scale)",
            "ghi số không có ngoặc kép: 6580 (hoặc 6.580), 93.1 (tỷ lệ phần trăm theo thang 0–100)";
        /// write numbers as 6580 or 93.1 (93,1 is read as 93.1)
        WriteNumbersRead = "",
            "write numbers as 6580 or 93.1 (93,1 is read as 93.1)",
            "ghi số dạng 6580 hoặc 93.1 (93,1 được hiểu là 93.1)";
        /// a count is a whole number: write 12000, or group the thousands by three with one kind of separator: 12.000 or 12,000
        CountWholeNumberWrite = "",
            "a count is a whole number: write 12000, or group the thousands by three with one kind of separator: 12.000 or 12,000",
            "số đếm là số nguyên: ghi 12000, hoặc tách hàng nghìn theo nhóm ba chữ số bằng một loại dấu: 12.000 hoặc 12,000";
        /// check the figure: a report's figures stay below {}
        CheckFigureSize(v1) = "",
            "check the figure: a report's figures stay below {}",
            "kiểm tra lại con số: số liệu của một báo cáo không vượt quá {}";
        /// percentages are written on the 0–100 scale (99.38 for 99,38%); a cell formatted as % in Excel holds 0.9938
        PercentagesWrittenScaleCell = "",
            "percentages are written on the 0–100 scale (99.38 for 99,38%); a cell formatted as % in Excel holds 0.9938",
            "tỷ lệ ghi theo thang 0–100 (99.38 cho 99,38%); ô Excel định dạng % lại lưu 0.9938";
        /// if it holds figures, name it by a metric key or label of the catalogue (or add one in content/metrics.yaml)
        IfHoldsFiguresName = "",
            "if it holds figures, name it by a metric key or label of the catalogue (or add one in content/metrics.yaml)",
            "nếu cột có số liệu, đặt tên cột theo mã hoặc tên chỉ tiêu trong danh mục (hoặc thêm chỉ tiêu vào content/metrics.yaml)";
        /// keep one of the two columns
        KeepOneTwoColumns = "",
            "keep one of the two columns",
            "chỉ giữ một trong hai cột";
        /// every row names its unit and its period
        EveryRowNamesUnit = "",
            "every row names its unit and its period",
            "mỗi dòng phải ghi đơn vị và kỳ báo cáo";
        /// the first row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric
        FirstRowNamesColumns = "",
            "the first row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric",
            "dòng đầu ghi tên cột: unit (hoặc Đơn vị), period (hoặc Kỳ báo cáo), rồi mỗi chỉ tiêu một cột";
        /// the header row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric
        HeaderRowNamesColumns = "",
            "the header row names the columns: unit (or Đơn vị), period (or Kỳ báo cáo), then one column per metric",
            "dòng tiêu đề ghi tên cột: unit (hoặc Đơn vị), period (hoặc Kỳ báo cáo), rồi mỗi chỉ tiêu một cột";
        /// add a column `period` (or Kỳ báo cáo) holding e.g. 2023, 2023-Q3, 2023-9M
        AddPeriodColumn = "",
            "add a column `period` (or Kỳ báo cáo) holding e.g. 2023, 2023-Q3, 2023-9M",
            "thêm cột `period` (hoặc Kỳ báo cáo) ghi ví dụ 2023, 2023-Q3, 2023-9M";
        /// every row needs as many fields as the header row; a field holding the separator must be wrapped in "…"
        EveryRowNeedsMany = "",
            "every row needs as many fields as the header row; a field holding the separator must be wrapped in \"…\"",
            "mỗi dòng phải có đủ số ô như dòng tiêu đề; ô có chứa dấu ngăn cách phải đặt trong \"…\"";
        /// save the sheet as .xlsx (Excel Workbook), or export it as CSV UTF-8
        SaveSheetXlsxExcel = "",
            "save the sheet as .xlsx (Excel Workbook), or export it as CSV UTF-8",
            "lưu bảng tính dạng .xlsx (Excel Workbook), hoặc xuất ra CSV UTF-8";
        /// save the file with UTF-8 encoding (in Excel: "CSV UTF-8"; in Notepad: Save As → Encoding: UTF-8)
        SaveFileUtfEncoding = "",
            "save the file with UTF-8 encoding (in Excel: \"CSV UTF-8\"; in Notepad: Save As → Encoding: UTF-8)",
            "lưu tệp với bảng mã UTF-8 (Excel: chọn \"CSV UTF-8\"; Notepad: Save As → Encoding: UTF-8)";
        /// each unit has one record per period: merge the two, or correct the unit or period of one
        EachUnitOneRecord = "",
            "each unit has one record per period: merge the two, or correct the unit or period of one",
            "mỗi đơn vị chỉ có một bản ghi cho mỗi kỳ: gộp hai bản ghi, hoặc sửa đơn vị hay kỳ của một bản ghi";
        /// this file should hold {}
        FileShouldHold(v1) = "",
            "this file should hold {}",
            "tệp này phải có {}";
        /// the site settings: title, base_url, owner, menu, units (SPEC §2)
        SiteSettingsTitleBase = "",
            "the site settings: title, base_url, owner, menu, units (SPEC §2)",
            "các cài đặt của trang: title, base_url, owner, menu, units";
        /// one record (unit, period, optional source, metrics: {key: number}) or a list of them
        OneRecordUnitPeriod = "",
            "one record (unit, period, optional source, metrics: {key: number}) or a list of them",
            "một bản ghi (unit, period, source nếu có, metrics: {mã: số}) hoặc một danh sách bản ghi";
        /// a metric catalogue: `metrics:` (a list of entries with key, label, unit, …) and optional `checks:`
        MetricCatalogueMetricsList = "",
            "a metric catalogue: `metrics:` (a list of entries with key, label, unit, …) and optional `checks:`",
            "danh mục chỉ tiêu: `metrics:` (danh sách chỉ tiêu có key, label, unit, …) và `checks:` nếu có";
        /// run baocao in a site folder (one with content/site.yaml), pass --root DIR, or create one with `baocao new DIR`
        RunBaocaoSiteFolder = "",
            "run baocao in a site folder (one with content/site.yaml), pass --root DIR, or create one with `baocao new DIR`",
            "chạy baocao trong thư mục của trang (có content/site.yaml), dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `baocao new THƯ_MỤC`";
        /// unit ids use lower-case letters without diacritics, digits and `-`, e.g. `thuan-an`
        UnitIdsUseLower = "",
            "unit ids use lower-case letters without diacritics, digits and `-`, e.g. `thuan-an`",
            "mã đơn vị dùng chữ thường không dấu, chữ số và dấu `-`, ví dụ `thuan-an`";
        /// give each unit its own id
        GiveEachUnitOwn = "",
            "give each unit its own id",
            "mỗi đơn vị một mã riêng";
        /// create {} or set `theme: default`
        CreateSetThemeDefault(v1) = "",
            "create {} or set `theme: default`",
            "tạo thư mục {} hoặc ghi `theme: default`";
        /// check the template against the theme documentation in the README
        CheckTemplateAgainstTheme = "",
            "check the template against the theme documentation in the README",
            "đối chiếu mẫu giao diện với hướng dẫn trong README";
        /// write it as https://example.gov.vn/ (it may end in a sub-path: https://example.gov.vn/cchc/)
        WriteHttpsExampleGov = "",
            "write it as https://example.gov.vn/ (it may end in a sub-path: https://example.gov.vn/cchc/)",
            "ghi dạng https://example.gov.vn/ (có thể có thư mục con: https://example.gov.vn/cchc/)";
        /// menu URLs that start with / are paths inside the site, e.g. /tin-tuc/
        MenuUrlsStartPaths = "",
            "menu URLs that start with / are paths inside the site, e.g. /tin-tuc/",
            "địa chỉ menu bắt đầu bằng / là đường dẫn trong trang, ví dụ /tin-tuc/";
        /// choose an output folder outside content/ and themes/, e.g. the default output/
        ChooseOutputFolderOutside = "",
            "choose an output folder outside content/ and themes/, e.g. the default output/",
            "chọn thư mục xuất nằm ngoài content/ và themes/, ví dụ thư mục mặc định output/";
        /// baocao removes files it did not generate from its output folder: choose an empty or new folder
        BaocaoRemovesFilesDid = "",
            "baocao removes files it did not generate from its output folder: choose an empty or new folder",
            "baocao xóa các tệp không do nó tạo trong thư mục xuất: hãy chọn thư mục trống hoặc thư mục mới";
        /// check that the output folder is writable and the disk is not full
        CheckOutputFolderWritable = "",
            "check that the output folder is writable and the disk is not full",
            "kiểm tra quyền ghi vào thư mục xuất và dung lượng đĩa";
        /// check that the folder is writable
        CheckFolderWritable = "",
            "check that the folder is writable",
            "kiểm tra quyền ghi vào thư mục";
        /// another program may be using this port: choose another with --port 8081
        AnotherProgramMayUsing = "",
            "another program may be using this port: choose another with --port 8081",
            "có thể chương trình khác đang dùng cổng này: chọn cổng khác, ví dụ --port 8081";
        /// choose a new folder name: baocao new ten-trang-moi
        ChooseNewFolderName = "",
            "choose a new folder name: baocao new ten-trang-moi",
            "chọn tên thư mục mới: baocao new ten-trang-moi";
        /// keys use lower-case letters, digits and `_`, e.g. `resolved_share`
        KeysUseLowerCase = "",
            "keys use lower-case letters, digits and `_`, e.g. `resolved_share`",
            "mã chỉ tiêu dùng chữ thường, chữ số và dấu `_`, ví dụ `resolved_share`";
        /// a formula computes a number, e.g. `resolved / received * 100`; comparisons belong in `checks:`
        FormulaIsNumber = "",
            "a formula computes a number, e.g. `resolved / received * 100`; comparisons belong in `checks:`",
            "công thức tính ra một số, ví dụ `resolved / received * 100`; phép so sánh đặt trong `checks:`";
        /// use metric keys, numbers, + - * / and parentheses
        UseMetricKeysNumbers = "",
            "use metric keys, numbers, + - * / and parentheses",
            "dùng mã chỉ tiêu, số, các phép + - * / và dấu ngoặc";
        /// unit is one of count, percent, vnd, people, documents, procedures
        UnitOneCountPercent = "",
            "unit is one of count, percent, vnd, people, documents, procedures",
            "unit là một trong: count, percent, vnd, people, documents, procedures";
        /// `over_time` says how the figures of consecutive parts of a period make the figure of the whole: …
        OverTimeValues = "",
            "`over_time` says how the figures of consecutive parts of a period make the figure of the whole: `sum` adds them (dossiers received), `first` takes the earliest part's (dossiers carried over), `last` the latest part's (dossiers pending), `none` gives no value (a rate is recomputed by its formula)",
            "`over_time` cho biết số liệu các phần liên tiếp của một kỳ hợp thành số liệu cả kỳ thế nào: `sum` cộng lại (hồ sơ tiếp nhận), `first` lấy số của phần đầu (hồ sơ tồn kỳ trước), `last` lấy số của phần cuối (hồ sơ đang giải quyết), `none` không cho số liệu (tỷ lệ được tính lại theo công thức)";
        /// write it as `a + b <= c` with one of == != <= >= < >
        WriteCheckAsComparison = "",
            "write it as `a + b <= c` with one of == != <= >= < >",
            "viết dạng `a + b <= c` với một trong == != <= >= < >";
        /// give each metric its own labels and aliases
        GiveEachMetricOwn = "",
            "give each metric its own labels and aliases",
            "mỗi chỉ tiêu có tên và tên gọi khác riêng";
        /// start the file with front matter between two `---` lines:{}
        StartFileFrontMatter(v1) = "",
            "start the file with front matter between two `---` lines:{}",
            "mở đầu tệp bằng phần đầu bài nằm giữa hai dòng `---`:{}";
        /// end the front matter with a line holding only `---`
        EndFrontMatterLine = "",
            "end the front matter with a line holding only `---`",
            "kết thúc phần đầu bài bằng một dòng chỉ có `---`";
        /// give at least a title
        GiveLeastTitle = "",
            "give at least a title",
            "ít nhất phải có tiêu đề (title)";
        /// the fields are: title, date, unit, period, summary, author, category, tags, image, slug, draft, source
        FieldsTitleDateUnit = "",
            "the fields are: title, date, unit, period, summary, author, category, tags, image, image_alt, image_caption, slug, draft, source, lint",
            "các trường là: title, date, unit, period, summary, author, category, tags, image, image_alt, image_caption, slug, draft, source, lint";
        /// front matter is YAML: `field: value`, one per line; quote values that contain `:` or `#`
        FrontMatterYamlField = "",
            "front matter is YAML: `field: value`, one per line; quote values that contain `:` or `#`",
            "phần đầu bài viết theo YAML: `trường: giá trị`, mỗi trường một dòng; giá trị có `:` hoặc `#` thì đặt trong ngoặc kép";
        /// add `title: "…"` to the front matter
        AddTitleFrontMatter = "",
            "add `title: \"…\"` to the front matter",
            "thêm `title: \"…\"` vào phần đầu bài";
        /// write the date as 2023-10-26T07:00:00+07:00 (or 2023-10-26; the time zone defaults to GMT+7)
        WriteDate = "",
            "write the date as 2023-10-26T07:00:00+07:00 (or 2023-10-26; the time zone defaults to GMT+7)",
            "ghi ngày dạng 2023-10-26T07:00:00+07:00 (hoặc 2023-10-26; mặc định giờ Việt Nam GMT+7)";
        /// a slug uses lower-case letters without diacritics, digits and `-`
        SlugUsesLowerCase = "",
            "a slug uses lower-case letters without diacritics, digits and `-`",
            "slug dùng chữ thường không dấu, chữ số và dấu `-`";
        /// add `date: 2023-10-26T07:00:00+07:00` to the front matter
        AddDate = "",
            "add `date: 2023-10-26T07:00:00+07:00` to the front matter",
            "thêm `date: 2023-10-26T07:00:00+07:00` vào phần đầu bài";
        /// put the file in content/static/ and give its path from there, e.g. `image: images/hoi-nghi.jpg`
        PutFileContentStaticGive = "",
            "put the file in content/static/ and give its path from there, e.g. `image: images/hoi-nghi.jpg`",
            "đặt tệp ảnh trong content/static/ và ghi đường dẫn tính từ đó, ví dụ `image: images/hoi-nghi.jpg`";
        /// give one of them another file name, or a `slug:` in its front matter
        GiveOneThemAnother = "",
            "give one of them another file name, or a `slug:` in its front matter",
            "đổi tên tệp của một bài, hoặc ghi `slug:` khác ở phần đầu bài";
        /// rename or move the static file
        RenameMoveStaticFile = "",
            "rename or move the static file",
            "đổi tên hoặc chuyển tệp tĩnh đó";
        /// link to another article by its .md file, relative to this file: [tiêu đề](../tin-tuc/bai-viet.md)
        LinkAnotherArticleMd = "",
            "link to another article by its .md file, relative to this file: [tiêu đề](../tin-tuc/bai-viet.md)",
            "liên kết tới bài khác bằng tệp .md của bài đó, tính từ tệp này: [tiêu đề](../tin-tuc/bai-viet.md)";
        /// add `{}` to that record in content/data/, or the figures it is computed from; baocao never prints a missing figure as blank or 0
        AddRecordContentData(v1) = "",
            "add `{}` to that record in content/data/, or the figures it is computed from; baocao never prints a missing figure as blank or 0",
            "thêm `{}` vào bản ghi đó trong content/data/, hoặc thêm các số dùng để tính ra nó; baocao không bao giờ in số thiếu thành chỗ trống hay số 0";
        /// add the record to content/data/, or correct the article's unit or period
        AddRecordContentDataCorrect = "",
            "add the record to content/data/, or correct the article's unit or period",
            "thêm bản ghi vào content/data/, hoặc sửa đơn vị, kỳ báo cáo của bài";
        /// add that record to content/data/, or remove the comparison
        AddRecordContentDataRemove = "",
            "add that record to content/data/, or remove the comparison",
            "thêm bản ghi đó vào content/data/, hoặc bỏ phần so sánh";
        /// add that earlier record to content/data/ (same unit, the period named above), or remove the comparison
        AddEarlierRecordContent = "",
            "add that earlier record to content/data/ (same unit, the period named above), or remove the comparison",
            "thêm bản ghi kỳ trước đó vào content/data/ (cùng đơn vị, kỳ nêu trên), hoặc bỏ phần so sánh";
        /// set `unit:` and `period:` in the front matter, or use metric(key=…, unit=…, period=…)
        SetUnitPeriodFront = "",
            "set `unit:` and `period:` in the front matter, or use metric(key=…, unit=…, period=…)",
            "ghi `unit:` và `period:` ở phần đầu bài, hoặc dùng metric(key=…, unit=…, period=…)";
        /// check the key, unit and period against content/data/
        CheckKeyUnitPeriod = "",
            "check the key, unit and period against content/data/",
            "đối chiếu mã chỉ tiêu, đơn vị và kỳ với content/data/";
        /// functions take named arguments only: metric(key="received"), not metric("received")
        FunctionsTakeNamedArguments = "",
            "functions take named arguments only: metric(key=\"received\"), not metric(\"received\")",
            "tham số của hàm phải có tên: metric(key=\"received\"), không viết metric(\"received\")";
        /// the functions are {}; arguments are named: metric(key="received")
        FunctionsArgumentsNamedMetric(v1) = "",
            "the functions are {}; arguments are named: metric(key=\"received\")",
            "các hàm là {}; tham số phải có tên: metric(key=\"received\")";
        /// the filters are {}
        FiltersAre(v1) = "",
            "the filters are {}",
            "các bộ lọc là {}";
        /// declare the units in content/site.yaml (see the suggested ids above), or check that the unit column holds their names
        DeclareUnitsContentSite = "",
            "declare the units in content/site.yaml (see the suggested ids above), or check that the unit column holds their names",
            "khai báo các đơn vị trong content/site.yaml (xem các mã gợi ý ở trên), hoặc kiểm tra cột đơn vị có ghi tên đơn vị";
        /// the rows under the header name units of content/site.yaml and hold their figures
        RowsUnderHeaderName = "",
            "the rows under the header name units of content/site.yaml and hold their figures",
            "các dòng dưới dòng tiêu đề phải ghi tên đơn vị có trong content/site.yaml kèm số liệu";
        /// the header names a unit column (Đơn vị, or "Lĩnh vực, công việc giải quyết theo cấp" in form II.06a), optionally a period column (Kỳ báo cáo), and columns of figures named by the catalogue's labels or aliases (Tiếp nhận, Đã giải quyết, Trước hạn, …)
        HeaderNeedsUnitAndFigures = "",
            "the header names a unit column (Đơn vị, or \"Lĩnh vực, công việc giải quyết theo cấp\" in form II.06a), optionally a period column (Kỳ báo cáo), and columns of figures named by the catalogue's labels or aliases (Tiếp nhận, Đã giải quyết, Trước hạn, …)",
            "dòng tiêu đề có cột đơn vị (Đơn vị, hoặc \"Lĩnh vực, công việc giải quyết theo cấp\" trong biểu II.06a), có thể có cột kỳ (Kỳ báo cáo), và các cột số liệu đặt tên theo tên hoặc tên gọi khác trong danh mục (Tiếp nhận, Đã giải quyết, Trước hạn, …)";
        /// check the path of the spreadsheet (relative paths start at the current folder)
        CheckPathSpreadsheetRelative = "",
            "check the path of the spreadsheet (relative paths start at the current folder)",
            "kiểm tra đường dẫn tới bảng tính (đường dẫn tương đối tính từ thư mục hiện tại)";
        /// a field holding the separator must be wrapped in "…"; or save the sheet as .xlsx and import that
        FieldHoldingSeparatorMust = "",
            "a field holding the separator must be wrapped in \"…\"; or save the sheet as .xlsx and import that",
            "ô có chứa dấu ngăn cách phải đặt trong \"…\"; hoặc lưu bảng tính dạng .xlsx rồi nhập tệp đó";
        /// a unit's figure or the total is wrong, or rows are missing: compare them with the source report
        TotalOrRowsWrong = "",
            "a unit's figure or the total is wrong, or rows are missing: compare them with the source report",
            "số của một đơn vị hoặc dòng tổng sai, hoặc thiếu dòng: đối chiếu với báo cáo gốc";
        /// add a column `period` (Kỳ báo cáo) holding e.g. 2023-Q3, or a line "Kỳ báo cáo: Quý III năm 2023" above the table
        AddPeriodColumnImport = "",
            "add a column `period` (Kỳ báo cáo) holding e.g. 2023-Q3, or a line \"Kỳ báo cáo: Quý III năm 2023\" above the table",
            "thêm cột `period` (Kỳ báo cáo) ghi ví dụ 2023-Q3, hoặc dòng \"Kỳ báo cáo: Quý III năm 2023\" phía trên bảng";
        /// check --out: it is a folder, usually content/data/
        CheckOutFolderUsually = "",
            "check --out: it is a folder, usually content/data/",
            "kiểm tra --out: phải là một thư mục, thường là content/data/";
        /// check the cell: a count is a whole number
        CheckCellCountWhole = "",
            "check the cell: a count is a whole number",
            "kiểm tra ô này: số đếm là số nguyên";
        /// check the report's dates; or correct the period in the written files
        CheckReportDates = "",
            "check the report's dates; or correct the period in the written files",
            "kiểm tra ngày tháng của báo cáo; hoặc sửa kỳ trong các tệp đã ghi";
        /// each unit has one record per period
        EachUnitOneRecordPer = "",
            "each unit has one record per period",
            "mỗi đơn vị chỉ có một bản ghi cho mỗi kỳ";
        /// fill in the period column (e.g. 2023-Q3), or add a line "Kỳ báo cáo: Quý III năm 2023" above the table
        FillPeriodColumn = "",
            "fill in the period column (e.g. 2023-Q3), or add a line \"Kỳ báo cáo: Quý III năm 2023\" above the table",
            "điền cột kỳ báo cáo (ví dụ 2023-Q3), hoặc thêm dòng \"Kỳ báo cáo: Quý III năm 2023\" phía trên bảng";
        /// one of the figures of the row is wrong: compare them with the source report
        OneFiguresRowWrong = "",
            "one of the figures of the row is wrong: compare them with the source report",
            "một số trong dòng này sai: đối chiếu với báo cáo gốc";
        /// open the workbook in Excel and save it again as .xlsx
        OpenWorkbookExcelSave = "",
            "open the workbook in Excel and save it again as .xlsx",
            "mở bảng tính bằng Excel rồi lưu lại dạng .xlsx";
        /// to import it, declare it in content/site.yaml under units: {}
        ImportDeclareContentSite(v1) = "",
            "to import it, declare it in content/site.yaml under units: {}",
            "muốn nhập dòng này, khai báo đơn vị trong content/site.yaml, mục units: {}";
        /// use --force to overwrite it (or --out to write elsewhere)
        UseForceOverwriteOut = "",
            "use --force to overwrite it (or --out to write elsewhere)",
            "dùng --force để ghi đè (hoặc --out để ghi vào chỗ khác)";
        /// write figures as plain numbers (6580, or 6.580 with a thousands dot)
        WriteFiguresPlainNumbers = "",
            "write figures as plain numbers (6580, or 6.580 with a thousands dot)",
            "ghi số trơn (6580, hoặc 6.580 với dấu chấm hàng nghìn)";
        /// add the missing records to content/data/, or use a period that ends before the day the unit was formed or starts on it
        AddMergedParts = "",
            "add the missing records to content/data/, or use a period that ends before the day the unit was formed or starts on it",
            "bổ sung các bản ghi còn thiếu vào content/data/, hoặc dùng kỳ kết thúc trước ngày thành lập đơn vị hay bắt đầu từ ngày đó";
        /// check the form's period, or `since`/`until` of the unit in content/site.yaml
        CheckFormPeriodLifetime = "",
            "check the form's period, or `since`/`until` of the unit in content/site.yaml: a unit formed in a reorganisation is declared apart, with its own `since`",
            "kiểm tra kỳ báo cáo của biểu mẫu, hoặc `since`/`until` của đơn vị trong content/site.yaml: đơn vị thành lập khi sắp xếp được khai báo riêng, có `since` của mình";
        /// write the unit's full name as in content/site.yaml
        WriteUnitFullName = "",
            "write the unit's full name as in content/site.yaml",
            "ghi đủ tên đơn vị như trong content/site.yaml";
        /// write the unit's name in the unit column
        WriteUnitName = "",
            "write the unit's name in the unit column",
            "ghi tên đơn vị vào cột đơn vị";
        /// the chart kinds and their arguments are listed in the README, section "Biểu đồ, thẻ số liệu và bảng"
        ChartKindsTheirArguments = "",
            "the chart kinds and their arguments are listed in the README, section \"Biểu đồ, thẻ số liệu và bảng\"",
            "các loại biểu đồ và tham số có trong README, mục \"Biểu đồ, thẻ số liệu và bảng\"";
        /// Tera syntax: {{ data.received | num }}; write a literal {{ as {% raw %}{{{% endraw %}
        TeraSyntaxDataReceived = "",
            "Tera syntax: {{ data.received | num }}; write a literal {{ as {% raw %}{{{% endraw %}",
            "cách viết: {{ data.received | num }}; muốn in nguyên {{ thì viết {% raw %}{{{% endraw %}";
        /// correct the figure or the counts it is computed from; or leave it out and let baocao compute it
        CorrectFigureCountsComputed = "",
            "correct the figure or the counts it is computed from; or leave it out and let baocao compute it",
            "sửa con số hoặc các số dùng để tính nó; hoặc bỏ đi để baocao tự tính";
        /// percentages are written on the 0–100 scale (93.1, not 0.931); a derived rate outside it means the counts disagree
        PercentagesWrittenScaleDerived = "",
            "percentages are written on the 0–100 scale (93.1, not 0.931); a derived rate outside it means the counts disagree",
            "tỷ lệ ghi theo thang 0–100 (93.1, không ghi 0.931); tỷ lệ tự tính nằm ngoài khoảng này nghĩa là các số đếm mâu thuẫn";
        /// counts cannot be negative: check the figures it is computed from
        CountsCannotNegativeCheck = "",
            "counts cannot be negative: check the figures it is computed from",
            "số đếm không thể âm: kiểm tra các số dùng để tính";
        /// one of the figures is wrong; compare them with the source report
        OneFiguresWrongCompare = "",
            "one of the figures is wrong; compare them with the source report",
            "có một số sai; đối chiếu với báo cáo gốc";
        /// this file is a web page saved with an Excel name: open it in Excel and save it as .xlsx (Excel Workbook)
        WebPageExcelName = "",
            "this file is a web page saved with an Excel name: open it in Excel and save it as .xlsx (Excel Workbook)",
            "tệp này là một trang web được lưu dưới tên tệp Excel: mở tệp bằng Excel rồi lưu dạng .xlsx (Excel Workbook)";
        /// export the report again from the one-stop system
        ExportReportAgain = "",
            "export the report again from the one-stop system",
            "xuất lại báo cáo từ hệ thống một cửa";
        /// the sheets of this workbook are: {}
        SheetsOfWorkbook(list) = "",
            "the sheets of this workbook are: {}",
            "các trang tính của bảng tính này là: {}";
        /// did you mean `{}`? the sheets of this workbook are: {}
        DidYouMeanSheets(mean, list) = "",
            "did you mean `{}`? the sheets of this workbook are: {}",
            "có phải là `{}`? các trang tính của bảng tính này là: {}";
        /// interface words: one `key: "text"` per line
        WhatInterfaceWords = "",
            "interface words: one `key: \"text\"` per line",
            "các từ của giao diện: mỗi dòng một `key: \"chữ\"`";
        // The command line and the import's new units (issue 10).
        /// see `{} --help`
        SeeHelp(command) = "",
            "see `{} --help`",
            "xem `{} --help`";
        /// did you mean `{}`? see `{} --help`
        DidYouMeanSeeHelp(mean, command) = "",
            "did you mean `{}`? see `{} --help`",
            "có phải là `{}`? xem `{} --help`";
        /// the commands are {}: see `baocao --help`
        CommandsAre(list) = "",
            "the commands are {}: see `baocao --help`",
            "các lệnh là {}: xem `baocao --help`";
        /// declare the units yourself, as the warnings below show, and import again (or import with `--no-new-units` to skip their rows)
        DeclareUnitsYourself = "",
            "declare the units under `units:` yourself, as the warnings below show, and import again (or import with `--no-new-units` to skip their rows)",
            "tự khai báo các đơn vị trong mục `units:` như các cảnh báo dưới đây chỉ, rồi nhập lại (hoặc nhập với `--no-new-units` để bỏ qua các dòng của chúng)";
        // The lint of hand-typed figures (src/lint.rs).
        /// write `{}` instead, so the figure follows the data (or `lint: false`…)
        WriteExpressionFollows(expression) = "",
            "write `{}` instead, so the figure follows the data (or `lint: false` in the front matter to leave the article as it is)",
            "hãy viết `{}` thay cho số gõ tay, để con số luôn khớp với số liệu (hoặc ghi `lint: false` ở phần đầu bài để giữ nguyên bài)";
        /// check the figure; `{}` shows the data's value
        CheckFigureOrExpression(expression) = "",
            "check the figure; `{}` shows the data's value",
            "kiểm tra lại con số; `{}` cho ra đúng giá trị trong số liệu";
        /// a change of a rate is counted in percentage points (điểm phần trăm); `{}` writes it so
        WriteChangeInPoints(expression) = "",
            "a change of a rate is counted in percentage points (điểm phần trăm); `{}` writes it so",
            "mức thay đổi của một tỷ lệ được tính bằng điểm phần trăm; `{}` viết đúng như vậy";
        /// a day is written `{}`, a month `{}`
        WriteDayOrMonth(day, month) = "",
            "a day is written `{}`, a month `{}`",
            "một ngày được ghi là `{}`, một tháng là `{}`";
        /// dates are written day/month/year, e.g. `17/12/2020`
        DatesDayMonthYear = "",
            "dates are written day/month/year, e.g. `17/12/2020`",
            "ngày tháng được ghi theo thứ tự ngày/tháng/năm, ví dụ `17/12/2020`";
    }
}
