//! Parts of messages: words and clauses shown inside another message.
//! Generated once from the old pattern tables; edit by hand.

catalogue! {
    /// Parts of messages: words and clauses shown inside another message.
    pub enum Part {
        /// a cell of sheet `{}` lies in column {}, past column {}, the last an .xls sheet has
        XlsCellPastLastColumn(sheet, column, column3) = "",
            "a cell of sheet `{}` lies in column {}, past column {}, the last an .xls sheet has",
            "một ô của trang tính `{}` nằm ở cột {}, quá cột {} là cột cuối cùng của trang tính .xls";
        /// it is not a compound file
        NotACompoundFile = "",
            "it is not a compound file",
            "đây không phải tệp Excel 97–2003 (.xls) hợp lệ";
        /// its sector size is not 512 or 4096 bytes
        BadSectorSize = "",
            "its sector size is not 512 or 4096 bytes",
            "kích thước sector không phải 512 hay 4096 byte";
        /// its mini-sector size is not 64 bytes
        BadMiniSectorSize = "",
            "its mini-sector size is not 64 bytes",
            "kích thước mini-sector không phải 64 byte";
        /// a sector lies past the end of the file
        SectorPastEnd = "",
            "a sector lies past the end of the file",
            "có sector nằm ngoài phần cuối của tệp";
        /// a chain of sectors loops
        SectorChainLoops = "",
            "a chain of sectors loops",
            "có chuỗi sector quay vòng";
        /// a chain of sectors runs past its table
        SectorChainPastTable = "",
            "a chain of sectors runs past its table",
            "có chuỗi sector vượt ra ngoài bảng sector";
        /// a DIFAT sector is empty
        EmptyDifatSector = "",
            "a DIFAT sector is empty",
            "có sector DIFAT trống";
        /// its sector table is longer than the file
        SectorTableTooLong = "",
            "its sector table is longer than the file",
            "bảng sector dài hơn cả tệp";
        /// it has no directory
        NoDirectory = "",
            "it has no directory",
            "tệp không có thư mục (directory)";
        /// it holds no Workbook stream
        NoWorkbookStream = "",
            "it holds no Workbook stream",
            "tệp không có luồng Workbook";
        /// the Workbook stream is cut short
        WorkbookStreamCut = "",
            "the Workbook stream is cut short",
            "luồng Workbook bị cắt cụt";
        /// a record of the Workbook stream is cut short
        RecordCut = "",
            "a record of the Workbook stream is cut short",
            "có bản ghi trong luồng Workbook bị cắt cụt";
        /// a record of the Workbook stream is damaged
        RecordDamaged = "",
            "a record of the Workbook stream is damaged",
            "có bản ghi trong luồng Workbook bị hỏng";
        /// a sheet starts past the end of the Workbook stream
        SheetPastEnd = "",
            "a sheet starts past the end of the Workbook stream",
            "có trang tính bắt đầu sau phần cuối của luồng Workbook";
        /// a sheet's DIMENSIONS record ends before it starts
        BadDimensionsRecord = "",
            "a sheet's DIMENSIONS record ends before it starts",
            "bản ghi DIMENSIONS của một trang tính kết thúc trước khi bắt đầu";
        /// a record of a run of cells ends before it starts
        BadCellRunRecord = "",
            "a record of a run of cells ends before it starts",
            "có bản ghi dãy ô kết thúc trước khi bắt đầu";
        // Parts of messages (the values inside the ones above).
        /// `{}` is not a year
        NotAYear(v1) = "",
            "`{}` is not a year",
            "`{}` không phải năm";
        /// `{}` is not a date YYYY-MM-DD
        NotAnIsoDate(v1) = "",
            "`{}` is not a date YYYY-MM-DD",
            "`{}` không phải ngày dạng YYYY-MM-DD";
        /// the range ends ({}) before it starts ({})
        RangeEndsBeforeStarts(v1, v2) = "",
            "the range ends ({}) before it starts ({})",
            "khoảng thời gian kết thúc ({}) trước khi bắt đầu ({})";
        /// the period is empty
        PeriodEmpty = "",
            "the period is empty",
            "chưa ghi kỳ báo cáo";
        /// {} is not an article or page of this site (or is a draft)
        NotAnArticle(v1) = "",
            "{} is not an article or page of this site (or is a draft)",
            "{} không phải bài viết hay trang của trang này (hoặc là bản nháp)";
        /// /{} is not a page or file of this site
        NotAPage(v1) = "",
            "/{} is not a page or file of this site",
            "/{} không phải trang hay tệp của trang này";
        /// this article's record
        ArticleRecord = "",
            "this article's record",
            "bản ghi của bài";
        /// the cùng kỳ record
        SamePeriodRecord = "",
            "the cùng kỳ record",
            "bản ghi cùng kỳ";
        /// unit `{}`, period `{}`
        UnitAndPeriod(unit, period) = "",
            "unit `{}`, period `{}`",
            "đơn vị `{}`, kỳ `{}`";
        /// the field `{}` is missing
        FieldMissing(field) = "",
            "the field `{}` is missing",
            "thiếu trường `{}`";
        /// there is no field `{}`; the fields are {}
        NoFieldOf(field, v2) = "",
            "there is no field `{}`; the fields are {}",
            "không có trường `{}`; các trường là {}";
        /// there is no field `{}`
        NoField(field) = "",
            "there is no field `{}`",
            "không có trường `{}`";
        /// there is a field that does not belong here
        StrayField = "",
            "there is a field that does not belong here",
            "có một trường không thuộc chỗ này";
        /// `{}` is not allowed here; write one of {}
        NotAllowedWord(v1, v2) = "",
            "`{}` is not allowed here; write one of {}",
            "không dùng được `{}` ở đây; hãy ghi một trong các giá trị {}";
        /// a word here is not one of the allowed ones
        NotAllowedSomeWord = "",
            "a word here is not one of the allowed ones",
            "từ ở đây không thuộc các giá trị được phép";
        /// the field `{}` is written twice
        FieldWrittenTwice(field) = "",
            "the field `{}` is written twice",
            "trường `{}` bị ghi hai lần";
        /// this {} is {}, where {} is expected
        WrongKindOfValue(v1, v2, v3) = "",
            "this {} is {}, where {} is expected",
            "giá trị {} ở đây là {}, trong khi cần {}";
        /// this is {}, where {} is expected
        WrongKind(v1, v2) = "",
            "this is {}, where {} is expected",
            "giá trị ở đây là {}, trong khi cần {}";
        /// the text does not have the shape this file should hold
        WrongShape = "",
            "the text does not have the shape this file should hold",
            "nội dung không có dạng mà tệp này cần";
        /// a `:` where none may stand (text holding `: ` must be in quotes, and keys of one level start in the same column)
        StrayColon = "",
            "a `:` where none may stand (text holding `: ` must be in quotes, and keys of one level start in the same column)",
            "có dấu `:` ở chỗ không được phép (chữ có `: ` phải đặt trong ngoặc kép, và các khóa cùng cấp phải thẳng cột)";
        /// the file ends inside a value (a quote or a bracket is not closed)
        EndsInsideValue = "",
            "the file ends inside a value (a quote or a bracket is not closed)",
            "tệp kết thúc giữa chừng một giá trị (chưa đóng ngoặc kép hoặc ngoặc)";
        /// a tab is used for indentation; indent with spaces
        TabIndent = "",
            "a tab is used for indentation; indent with spaces",
            "dùng phím Tab để thụt lề; hãy thụt lề bằng dấu cách";
        /// a value starts with a character that needs quotes (`@`, `` ` ``, `%`…)
        NeedsQuotes = "",
            "a value starts with a character that needs quotes (`@`, `` ` ``, `%`…)",
            "giá trị bắt đầu bằng ký tự cần đặt trong ngoặc kép (`@`, `` ` ``, `%`…)";
        /// the lines here do not line up as YAML (indentation, a missing `-`, `,` or closing bracket)
        Misaligned = "",
            "the lines here do not line up as YAML (indentation, a missing `-`, `,` or closing bracket)",
            "các dòng ở đây không đúng cú pháp YAML (thụt lề, thiếu `-`, `,` hoặc dấu đóng ngoặc)";
        /// an invisible control character is in the file
        ControlCharacterInFile = "",
            "an invisible control character is in the file",
            "tệp có ký tự điều khiển ẩn";
        /// values are nested too deep
        ValuesNestedTooDeep = "",
            "values are nested too deep",
            "các giá trị lồng nhau quá sâu";
        /// the text here is not what this file should hold
        UnexpectedText = "",
            "the text here is not what this file should hold",
            "nội dung ở đây không đúng với những gì tệp này cần";
        /// at `{}`: {}
        AtPath(v1, v2) = "",
            "at `{}`: {}",
            "tại `{}`: {}";
        /// this row has {} cells where the header has {}
        RowWidthMismatch(v1, v2) = "",
            "this row has {} cells where the header has {}",
            "dòng này có {} ô trong khi dòng tiêu đề có {}";
        /// the text is not UTF-8
        NotUtf8Text = "",
            "the text is not UTF-8",
            "nội dung không phải văn bản UTF-8";
        /// this row cannot be read as CSV
        BadCsvRow = "",
            "this row cannot be read as CSV",
            "không đọc được dòng này như CSV";
        /// a whole number of 0 or more
        KindCount = "",
            "a whole number of 0 or more",
            "một số nguyên từ 0 trở lên";
        /// a whole number
        KindWholeNumber = "",
            "a whole number",
            "một số nguyên";
        /// a number
        KindNumber = "",
            "a number",
            "một số";
        /// true or false
        KindBool = "",
            "true or false",
            "true hoặc false";
        /// text
        KindText = "",
            "text",
            "chữ";
        /// a list
        KindList = "",
            "a list",
            "một danh sách";
        /// a set of `key: value` lines
        KindMap = "",
            "a set of `key: value` lines",
            "các dòng `khóa: giá trị`";
        /// nothing
        KindNothing = "",
            "nothing",
            "giá trị trống";
        /// one of the allowed words
        KindWord = "",
            "one of the allowed words",
            "một trong các từ được phép";
        /// another kind of value
        KindOther = "",
            "another kind of value",
            "một loại giá trị khác";
        /// this article
        ThisArticle = "",
            "this article",
            "bài này";
        /// a link may not run code (javascript:, vbscript:, data:)
        LinkMayRunCode = "",
            "a link may not run code (javascript:, vbscript:, data:)",
            "liên kết không được chạy mã lệnh (javascript:, vbscript:, data:)";
        /// {} is not in content/static/
        NotInStatic(v1) = "",
            "{} is not in content/static/",
            "{} không có trong content/static/";
        /// {} is not an article, a page or a file in content/static/
        NotALinkTarget(v1) = "",
            "{} is not an article, a page or a file in content/static/",
            "{} không phải bài viết, trang, hay tệp trong content/static/";
        /// no unit and no period
        NoUnitPeriod = "",
            "no unit and no period",
            "đơn vị và kỳ báo cáo";
        /// no unit
        NoUnit = "",
            "no unit",
            "đơn vị";
        /// no period
        NoPeriod = "",
            "no period",
            "kỳ báo cáo";
        /// {} is {}, outside 0..100
        PercentOutOfRange(v1, v2) = "",
            "{} is {}, outside 0..100",
            "{} bằng {}, nằm ngoài khoảng 0–100";
        /// the part before that day (`{}`) lacks the record of {}
        StraddleFirstLacking(period, units) = "",
            "the part before that day (`{}`) lacks the record of {}",
            "phần trước ngày đó (`{}`) thiếu bản ghi của {}";
        /// the unit's own part from that day (`{}`) has no record
        StraddleSecondLacking(period) = "",
            "the unit's own part from that day (`{}`) has no record",
            "phần của chính đơn vị từ ngày đó (`{}`) chưa có bản ghi";
        /// {} is negative ({})
        NegativeCount(v1, v2) = "",
            "{} is negative ({})",
            "{} bị âm ({})";
        /// {} is given as {} but {} gives {}
        GivenDisagrees(v1, v2, v3, v4) = "",
            "{} is given as {} but {} gives {}",
            "{} được ghi là {} nhưng {} cho ra {}";
        /// check failed: {} ({}: {} against {})
        CheckFailed(v1, v2, v3, v4) = "",
            "check failed: {} ({}: {} against {})",
            "không đạt phép kiểm tra: {} ({}: {} so với {})";
        /// metrics=[…]: {}
        MetricsArg(v1) = "",
            "metrics=[…]: {}",
            "metrics=[…]: {}";
        /// metric="{}": {}
        MetricArg(metric, v2) = "",
            "metric=\"{}\": {}",
            "metric=\"{}\": {}";
        /// units=[…]: {}
        UnitsArg(v1) = "",
            "units=[…]: {}",
            "units=[…]: {}";
        /// needs metrics=[…] with at least one metric key
        NeedsMetrics = "",
            "needs metrics=[…] with at least one metric key",
            "cần metrics=[…] với ít nhất một mã chỉ tiêu";
        /// needs metrics=[…] with at least {} metric key{}
        NeedsMetricsAtLeast(v1, key) = "",
            "needs metrics=[…] with at least {} metric key{}",
            "cần metrics=[…] với ít nhất {} mã chỉ tiêu{}";
        /// needs metric="…" (one metric key)
        NeedsMetric = "",
            "needs metric=\"…\" (one metric key)",
            "cần metric=\"…\" (một mã chỉ tiêu)";
        /// does not take {}=; it takes {}, and title=, unit=, period=
        ArgNotTaken(v1, takes) = "",
            "does not take {}=; it takes {}, and title=, unit=, period=",
            "không nhận tham số {}=; loại này nhận {}, và title=, unit=, period=";
        /// metrics=[…] names `{}` twice
        MetricTwice(names) = "",
            "metrics=[…] names `{}` twice",
            "metrics=[…] ghi `{}` hai lần";
        /// units=[…] names `{}` twice
        UnitTwice(names) = "",
            "units=[…] names `{}` twice",
            "units=[…] ghi `{}` hai lần";
        /// `{}` is a rate; parts of a whole must be counts or amounts
        RateNotAPart(v1) = "",
            "`{}` is a rate; parts of a whole must be counts or amounts",
            "`{}` là tỷ lệ; các phần của một tổng phải là số đếm hoặc số tiền";
        /// at most {} parts can be told apart; this chart has {}
        TooManyParts(v1, v2) = "",
            "at most {} parts can be told apart; this chart has {}",
            "chỉ phân biệt được tối đa {} phần; biểu đồ này có {}";
        /// takes either units=[…] (one row per unit) or periods=N (one row per period), not both
        UnitsOrPeriods = "",
            "takes either units=[…] (one row per unit) or periods=N (one row per period), not both",
            "chỉ nhận units=[…] (mỗi đơn vị một dòng) hoặc periods=N (mỗi kỳ một dòng), không nhận cả hai";
        /// `{}` and `{}` are measured differently and cannot share one chart
        DifferentMeasures(v1, v2) = "",
            "`{}` and `{}` are measured differently and cannot share one chart",
            "`{}` và `{}` có đơn vị đo khác nhau, không vẽ chung một biểu đồ";
        /// needs at least 2 periods of the same span with `{}` for unit `{}`; found {} ({})
        TooFewPeriods(v1, unit, found, v4) = "",
            "needs at least 2 periods of the same span with `{}` for unit `{}`; found {} ({})",
            "cần ít nhất 2 kỳ cùng loại có `{}` của đơn vị `{}`; mới có {} ({})";
        /// needs at least 2 units with `{}` in {}; name them with units=[…]
        TooFewUnits(v1, v2) = "",
            "needs at least 2 units with `{}` in {}; name them with units=[…]",
            "cần ít nhất 2 đơn vị có `{}` trong {}; ghi các đơn vị bằng units=[…]";
        /// unknown field `{}`, expected one of {}
        UnknownFieldOf(field, v2) = "",
            "unknown field `{}`, expected one of {}",
            "không có trường `{}`; các trường là {}";
        /// unknown field `{}`
        UnknownField(field) = "",
            "unknown field `{}`",
            "không có trường `{}`";
        /// unexpected character `{}`
        FormulaUnexpectedCharacter(v1) = "",
            "unexpected character `{}`",
            "ký tự không đúng chỗ `{}`";
        /// expected `)`
        ExpectedParen = "",
            "expected `)`",
            "thiếu dấu `)`";
        /// expected a metric key, a number or `(`
        ExpectedOperand = "",
            "expected a metric key, a number or `(`",
            "cần một mã chỉ tiêu, một số hoặc `(`";
        /// unexpected text after the expression
        TrailingText = "",
            "unexpected text after the expression",
            "thừa chữ sau biểu thức";
        /// `{}` is not a number
        NotANumber(v1) = "",
            "`{}` is not a number",
            "`{}` không phải là số";
        /// nesting deeper than {} levels
        NestedTooDeep(v1) = "",
            "nesting deeper than {} levels",
            "lồng nhau sâu quá {} cấp";
        /// more than {} numbers and keys
        TooManyTerms(v1) = "",
            "more than {} numbers and keys",
            "có quá {} số và mã chỉ tiêu";
        /// none
        NoneYet = "",
            "none",
            "chưa có";
        /// more than {}
        MoreThanCount(v1) = "",
            "more than {}",
            "hơn {}";
        /// Available fields: {}
        AvailableFields(fields) = "",
            "Available fields: {}",
            "các trường hiện có: {}";
        /// needs metrics=[…] with at least {} metric keys
        NeedsMetricsAtLeastKeys(min) = "",
            "needs metrics=[…] with at least {} metric keys",
            "cần metrics=[…] với ít nhất {} mã chỉ tiêu";
        /// `{}` is not a period
        NotAPeriod(v1) = "",
            "`{}` is not a period",
            "`{}` không phải kỳ báo cáo";
        /// `{}` is not a period; did you mean `{}`?
        NotAPeriodDidYouMean(v1, mean) = "",
            "`{}` is not a period; did you mean `{}`?",
            "`{}` không phải kỳ báo cáo; có phải là `{}`?";
        /// its formula
        ItsFormula = "",
            "its formula",
            "công thức của chỉ tiêu";
        // What made a page, for URL collisions.
        /// the home page
        OriginHome = "",
            "the home page",
            "trang chủ";
        /// the section {}
        OriginSection(section) = "",
            "the section {}",
            "chuyên mục {}";
        /// the page for a missing URL
        OriginNotFound = "",
            "the page for a missing URL",
            "trang báo địa chỉ không tồn tại";
        /// the feed
        OriginFeed = "",
            "the feed",
            "nguồn tin RSS";
        /// the sitemap
        OriginSitemap = "",
            "the sitemap",
            "sơ đồ trang (sitemap)";
        /// the open data of {} for {}
        OriginOpenData(unit, period) = "",
            "the open data of {} for {}",
            "dữ liệu mở của {} kỳ {}";
        /// the open data of the year {}
        OriginYearData(year) = "",
            "the open data of the year {}",
            "dữ liệu mở của năm {}";
        /// the search page
        OriginSearch = "",
            "the search page",
            "trang tìm kiếm";
        /// the search index
        OriginSearchIndex = "",
            "the search index",
            "chỉ mục tìm kiếm";
        /// the page of tag {}
        OriginTag(tag) = "",
            "the page of tag {}",
            "trang chủ đề {}";
        /// the page of category {}
        OriginCategory(category) = "",
            "the page of category {}",
            "trang chuyên mục {}";
        /// the page of period {}
        OriginPeriod(period) = "",
            "the page of period {}",
            "trang kỳ báo cáo {}";
        /// the page of unit {}
        OriginUnit(unit) = "",
            "the page of unit {}",
            "trang đơn vị {}";
        /// the summary of {}
        OriginSummary(year) = "",
            "the summary of {}",
            "trang tổng kết năm {}";
        // What the operating system says went wrong with a file.
        /// it does not exist
        IoNotFound = "",
            "it does not exist",
            "không tồn tại";
        /// permission denied
        IoPermission = "",
            "permission denied",
            "không có quyền truy cập";
        /// it already exists
        IoExists = "",
            "it already exists",
            "đã tồn tại";
        /// it is a folder
        IoIsFolder = "",
            "it is a folder",
            "đó là một thư mục";
        /// a part of the path is not a folder
        IoNotFolder = "",
            "a part of the path is not a folder",
            "một phần của đường dẫn không phải thư mục";
        /// the disk is full
        IoFull = "",
            "the disk is full",
            "ổ đĩa đã đầy";
        /// the disk is read-only
        IoReadOnly = "",
            "the disk is read-only",
            "ổ đĩa chỉ cho phép đọc";
        /// the address is already in use
        IoInUse = "",
            "the address is already in use",
            "địa chỉ đang được chương trình khác dùng";
        /// the system reports: {}
        IoOther(error) = "",
            "the system reports: {}",
            "hệ thống báo: {}";
        /// {}: the workbook reader's (calamine's) own words, shown as they
        /// are in English and quoted in Vietnamese.
        ReaderSays(error) = "",
            "{}",
            "trình đọc bảng tính báo lỗi `{}`";
        // Why the import cannot add units to site.yaml (issue 10).
        /// its `units:` is a list in brackets ([ … ])
        UnitsInBrackets = "",
            "its `units:` is a list in brackets ([ … ])",
            "mục `units:` được viết dạng danh sách trong ngoặc vuông ([ … ])";
        /// its `units:` is not a list
        UnitsNotAList = "",
            "its `units:` is not a list",
            "mục `units:` không phải một danh sách";
        /// with the lines added it does not read back as the same settings ({})
        UnitsEditUnreadable(why) = "",
            "with the lines added it does not read back as the same settings ({})",
            "khi thêm các dòng vào thì tệp không còn đọc lại được như cũ ({})";
        /// the new units are not the ones read back
        UnitsReadBackDiffer = "",
            "the units read back are not the ones meant",
            "các đơn vị đọc lại không đúng các đơn vị cần thêm";
        // The lint of hand-typed figures (src/lint.rs).
        /// `{}` ({}) of this article's record, {}
        FigureOfRecord(key, label, value) = "",
            "`{}` ({}) of this article's record, {}",
            "`{}` ({}) trong số liệu của bài, {}";
        /// `{}` ({}) of the same period last year ({}), {}
        FigureOfSamePeriod(key, label, period, value) = "",
            "`{}` ({}) of the same period last year ({}), {}",
            "`{}` ({}) của cùng kỳ năm trước ({}), {}";
        /// `{}` ({}) of unit `{}` in {}, {}
        FigureOfUnit(key, label, unit, period, value) = "",
            "`{}` ({}) of unit `{}` in {}, {}",
            "`{}` ({}) của đơn vị `{}` trong {}, {}";
        /// the change of `{}` ({}): “{}”
        ChangeOfMetric(key, label, change) = "",
            "the change of `{}` ({}): “{}”",
            "mức thay đổi của `{}` ({}): “{}”";
        /// there is no month {}
        NoSuchMonth(month) = "",
            "there is no month {}",
            "không có tháng {}";
        /// month {} has no day {}
        NoSuchDay(month, day) = "",
            "month {} has no day {}",
            "tháng {} không có ngày {}";
        /// {} is not a leap year, so February has 28 days
        NotLeapYear(year) = "",
            "{} is not a leap year, so February has 28 days",
            "năm {} không nhuận nên tháng 2 chỉ có 28 ngày";
        /// “tháng” (month) is followed by a whole date, and there is no month {}
        MonthWordBeforeDate(month) = "",
            "“tháng” (month) is followed by a whole date, and there is no month {}",
            "sau chữ “tháng” là cả một ngày tháng, mà không có tháng {}";
    }
}
