//! The dataset as a workbook of sheets: one sheet per kind of row (sources,
//! metric keys, definitions, clusters, figures, targets, policies, and what
//! else the format holds as JSON), one column per field of the format.
//!
//! The columns are declared once ([`SHEETS`]); the export layer writes a
//! workbook from them (the template to fill in, or a dataset written out),
//! and [`read`] turns the cells back into a [`Dataset`], checked by the same
//! validation as a JSON file, every problem named by sheet, cell and column
//! header. [`xlsx`] reads an `.xlsx` file's cells with calamine.
//!
//! No formatting lives here: cells are plain values ([`Cell`]).

mod cells;
pub mod folder;
mod read;
pub mod xlsx;

#[cfg(test)]
mod tests;

pub use cells::{Rows, rows, template_dataset};
pub use read::{Grid, read};

/// One cell's value, as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date (Excel's serial number turned into `YYYY-MM-DD`).
    Date(String),
    /// An error value such as `#DIV/0!` (a formula's cached result).
    Error(String),
}

impl Cell {
    /// True for an empty cell or one holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// What a column holds, and how its cell turns into JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text as written.
    Text,
    /// A short code (id, key, unit, date): white space around it is dropped.
    Code,
    /// A number (`5700`, `1.85`); text that is plainly a number is taken.
    Number,
    /// A whole number (a year, a batch).
    Integer,
    /// TRUE or FALSE (also 是/否, yes/no, 1/0); empty is false.
    Bool,
    /// Several codes in one cell, separated by commas (policy categories).
    Codes,
    /// The Chinese (`zh`) or English (`en`) halves of a list of texts, one
    /// per line or separated by `、` / `;`; the two columns pair up in order.
    TextList { en: bool, lines: bool },
    /// The fields no other column holds, as a JSON object.
    Json,
}

/// The closed lists a column's drop-down offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Unit,
    Qualifier,
    Level,
    Dimension,
    Category,
    Definition,
    /// The keys on the Metric keys sheet.
    MetricKey,
    /// The ids on the Sources sheet.
    SourceId,
    /// The ids on the Clusters sheet.
    ClusterId,
    Bool,
}

/// One column: its header, the field it fills, what it holds, and the note
/// on its header cell.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The header, as the first row holds it.
    pub header: &'static str,
    /// The field's path inside the row's object (`as_of.year`); `@cluster`
    /// for the cluster a row belongs to; empty for the [`Kind::Json`] column.
    pub path: &'static str,
    pub kind: Kind,
    pub choice: Option<Choice>,
    /// Must be filled in.
    pub required: bool,
    /// What goes there, in Chinese and in English.
    pub zh: &'static str,
    pub en: &'static str,
    /// Width in characters.
    pub width: f64,
}

/// One sheet: its name, what it holds, its columns.
#[derive(Clone, Copy, Debug)]
pub struct SheetSpec {
    pub id: SheetId,
    /// The sheet's name in the workbook (the same in every language).
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub columns: &'static [Column],
}

impl SheetSpec {
    /// The column whose header is `h` (case and surrounding space ignored).
    pub fn column(&self, h: &str) -> Option<usize> {
        let h = h.trim();
        // A workbook of the one-language notes names these columns so; its
        // notes were written in English.
        let h = match h.to_ascii_lowercase().as_str() {
            "date_note" => "date_note_en",
            "year_note" => "year_note_en",
            _ => h,
        };
        self.columns
            .iter()
            .position(|c| c.header.eq_ignore_ascii_case(h))
    }

    /// The column a field path inside the row's object belongs to: the
    /// column of that field, else the first one under it (`name` →
    /// `name_zh`), else the one holding it (`provinces[2]` → `provinces_zh`),
    /// else the JSON column.
    pub fn column_for(&self, rest: &str) -> Option<usize> {
        let cols = self.columns;
        let under = |p: &str| {
            p.len() > rest.len()
                && p.starts_with(rest)
                && matches!(p.as_bytes()[rest.len()], b'.' | b'[')
        };
        let holds = |p: &str| {
            !p.is_empty()
                && rest.len() > p.len()
                && rest.starts_with(p)
                && matches!(rest.as_bytes()[p.len()], b'.' | b'[')
        };
        cols.iter()
            .position(|c| c.path == rest && !rest.is_empty())
            .or_else(|| cols.iter().position(|c| !rest.is_empty() && under(c.path)))
            .or_else(|| {
                cols.iter()
                    .enumerate()
                    .filter(|(_, c)| holds(c.path))
                    .max_by_key(|(_, c)| c.path.len())
                    .map(|(i, _)| i)
            })
            .or_else(|| cols.iter().position(|c| c.kind == Kind::Json))
    }
}

/// The sheets, in workbook order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetId {
    Sources,
    MetricKeys,
    Definitions,
    Clusters,
    Figures,
    Targets,
    Policies,
    More,
}

/// The name of the sheet of notes that comes first in a workbook.
pub const README: &str = "Read-me";
/// The (hidden) sheet the drop-down lists draw on.
pub const LISTS: &str = "Lists";

const fn col(
    header: &'static str,
    path: &'static str,
    kind: Kind,
    zh: &'static str,
    en: &'static str,
) -> Column {
    Column {
        header,
        path,
        kind,
        choice: None,
        required: false,
        zh,
        en,
        width: 16.0,
    }
}

impl Column {
    const fn req(mut self) -> Self {
        self.required = true;
        self
    }
    const fn pick(mut self, c: Choice) -> Self {
        self.choice = Some(c);
        self
    }
    const fn w(mut self, width: f64) -> Self {
        self.width = width;
        self
    }
}

use Kind::*;

const ZH_LIST: Kind = TextList {
    en: false,
    lines: false,
};
const EN_LIST: Kind = TextList {
    en: true,
    lines: false,
};
const ZH_LINES: Kind = TextList {
    en: false,
    lines: true,
};
const EN_LINES: Kind = TextList {
    en: true,
    lines: true,
};

const SOURCE: Column = col(
    "source",
    "source.source",
    Code,
    "来源编号：来源表中的 id（如 src-000）。",
    "Source id: an id from the Sources sheet (e.g. src-000).",
)
.req()
.pick(Choice::SourceId)
.w(12.0);
const QUOTE: Column = col(
    "quote",
    "source.quote",
    Text,
    "原文：来源中的原话，逐字照抄（如 总产值超过5700亿元）。",
    "Quote: the phrase exactly as the source writes it (e.g. 总产值超过5700亿元).",
)
.req()
.w(40.0);
const CLUSTER: Column = col(
    "cluster",
    "@cluster",
    Code,
    "集群 id：集群表中的 id（如 shenzhen-battery-materials）。",
    "Cluster id: an id from the Clusters sheet (e.g. shenzhen-battery-materials).",
)
.req()
.pick(Choice::ClusterId)
.w(30.0);
const QUALIFIER: Column = col(
    "qualifier",
    "qualifier",
    Code,
    "限定：exact 确数；more_than 超过/突破；at_least 以上；about 约；nearly 近；less_than 不足；up_to 最高达。空 = exact。",
    "Qualifier: exact; more_than (超过/突破); at_least (以上); about (约); nearly (近); less_than (不足); up_to (最高达). Empty = exact.",
)
.pick(Choice::Qualifier)
.w(12.0);
const DEFINITION: Column = col(
    "definition",
    "definition",
    Code,
    "口径：该指标在“Definitions”表中的口径键；来源未说明时填 unspecified。",
    "Definition: one of the key's definitions on the Definitions sheet, or unspecified where the source does not settle it.",
)
.pick(Choice::Definition)
.w(20.0);
const UNIT: Column = col(
    "unit",
    "unit",
    Code,
    "单位：照来源写法（亿元、万亿元、家、%、GWh …），从下拉列表中选。",
    "Unit as the source writes it (亿元, 万亿元, 家, %, GWh, ...); pick it from the list.",
)
.req()
.pick(Choice::Unit)
.w(10.0);
const KEY: Column = col(
    "key",
    "key",
    Code,
    "指标键：“Metric keys”表中的键（如 output_value）。",
    "Metric key: a key from the Metric keys sheet (e.g. output_value).",
)
.req()
.pick(Choice::MetricKey)
.w(20.0);

/// Every sheet of a dataset workbook, in order.
pub const SHEETS: &[SheetSpec] = &[
    SheetSpec {
        id: SheetId::Sources,
        name: "Sources",
        zh: "来源：图表和数字所引的文件、网页，每行一个。",
        en: "Sources: the documents and pages that figures cite, one per row.",
        columns: &[
            col("id", "id", Code, "来源编号，简短唯一（如 src-010）；其他表的 source 列引用它。", "A short unique id (e.g. src-010); the source columns of other sheets cite it.").req().w(12.0),
            col("title_zh", "title.zh", Text, "标题（中文），照原文。", "Title in Chinese, as published.").req().w(40.0),
            col("title_en", "title.en", Text, "标题（英文）。", "Title in English.").w(40.0),
            col("publisher_zh", "publisher.zh", Text, "发布者（中文），如 人民日报、工业和信息化部。", "Publisher in Chinese, e.g. 人民日报.").w(20.0),
            col("publisher_en", "publisher.en", Text, "发布者（英文）。", "Publisher in English.").w(20.0),
            col("author_zh", "author.zh", Text, "作者（中文），如有。", "Author(s) in Chinese, where named."),
            col("author_en", "author.en", Text, "作者（英文）。", "Author(s) in English."),
            col("date", "date", Code, "发布日期：2024、2024-05 或 2024-05-17（按文本输入）。", "Date published: 2024, 2024-05 or 2024-05-17 (typed as text).").req().w(12.0),
            col("date_approximate", "date_approximate", Bool, "日期是否为推断：TRUE 或留空。", "TRUE where the date is inferred, not printed; else empty.").pick(Choice::Bool).w(10.0),
            col("date_note_zh", "date_note.zh", Text, "日期为推断时，说明依据（中文）。", "Why the date is approximate, in Chinese.").w(30.0),
            col("date_note_en", "date_note.en", Text, "日期为推断时，说明依据（英文）。", "Why the date is approximate, in English.").w(30.0),
            col("file", "file", Text, "文件名（本地资料），或留空而填 url。", "The document's file name, or leave empty and give its url."),
            col("url", "url", Text, "网页地址（http:// 或 https://）。", "The web page's address (http:// or https://).").w(30.0),
            col("accessed", "accessed", Code, "访问日期 YYYY-MM-DD（填了 url 时必填）。", "The day the page was read, YYYY-MM-DD (with a url).").w(12.0),
            col("copy_on", "copy_on", Text, "若网址是转载：转载所在的域名。", "Where the address is a copy on another domain: that domain."),
        ],
    },
    SheetSpec {
        id: SheetId::MetricKeys,
        name: "Metric keys",
        zh: "指标键：数字的种类（产值、企业数……）。通常保持原样；需要新指标时在末尾加一行。",
        en: "Metric keys: the kinds of figures (output value, firms, ...). Usually kept as they are; add a row for a new kind.",
        columns: &[
            col("key", "key", Code, "键，小写加下划线（如 output_value）。", "The key, snake_case (e.g. output_value).").req().w(24.0),
            col("name_zh", "name.zh", Text, "名称（中文）。", "Name in Chinese.").req().w(20.0),
            col("name_en", "name.en", Text, "名称（英文）。", "Name in English.").w(24.0),
            col("headline", "headline", Bool, "是否作为概览卡片首先显示：TRUE 或留空。", "TRUE to show it as a headline card; else empty.").pick(Choice::Bool).w(10.0),
            col("dimension", "dimension", Code, "量纲（money_cny、firms、percent …）；该键的数字单位须属于此量纲。", "Dimension (money_cny, firms, percent, ...); every figure of the key has a unit of it.").pick(Choice::Dimension).w(14.0),
        ],
    },
    SheetSpec {
        id: SheetId::Definitions,
        name: "Definitions",
        zh: "口径：每个指标键可有的口径（集群总产值、主导产业产值……）。",
        en: "Definitions: what exactly a key's figures count (total output, output of the leading industries, ...).",
        columns: &[
            col("metric_key", "@key", Code, "所属指标键（Metric keys 表中的键）。", "The metric key it belongs to (from the Metric keys sheet).").req().pick(Choice::MetricKey).w(20.0),
            col("key", "key", Code, "口径键，小写加下划线（如 total_output）。", "The definition's key, snake_case (e.g. total_output).").req().w(26.0),
            col("name_zh", "name.zh", Text, "名称（中文）。", "Name in Chinese.").req().w(20.0),
            col("name_en", "name.en", Text, "名称（英文）。", "Name in English.").w(30.0),
        ],
    },
    SheetSpec {
        id: SheetId::Clusters,
        name: "Clusters",
        zh: "集群：每行一个集群。",
        en: "Clusters: one cluster per row.",
        columns: &[
            col("id", "id", Code, "集群 id：小写字母、数字和连字符（如 hefei-nev）。", "The cluster's id: lower-case letters, digits, hyphens (e.g. hefei-nev).").req().w(30.0),
            col("name_zh", "name.zh", Text, "名称（中文），如 合肥新能源汽车集群。", "Name in Chinese.").req().w(30.0),
            col("name_en", "name.en", Text, "名称（英文）。", "Name in English.").w(30.0),
            col("short_name_zh", "short_name.zh", Text, "简称（中文），用于图表标签；可留空。", "Short name in Chinese for chart labels; may be empty."),
            col("short_name_en", "short_name.en", Text, "简称（英文）。", "Short name in English."),
            col("level", "level", Code, "级别：national、provincial、municipal 或 county。", "Level: national, provincial, municipal or county.").req().pick(Choice::Level).w(12.0),
            col("provinces_zh", "provinces", ZH_LIST, "所在省份（中文），多个用“、”分隔。", "Province(s) in Chinese, separated by 、.").w(14.0),
            col("provinces_en", "provinces", EN_LIST, "所在省份（英文），多个用“;”分隔，与中文一一对应。", "Province(s) in English, separated by ;, in the same order.").w(14.0),
            col("industry_zh", "industry.zh", Text, "产业（中文），几个字。", "Industry in Chinese, in a few words.").w(20.0),
            col("industry_en", "industry.en", Text, "产业（英文）。", "Industry in English.").w(20.0),
            col("notes_zh", "notes", ZH_LINES, "备注（中文），每行一条：数据的缺口与注意事项。", "Notes in Chinese, one per line: gaps and caveats.").w(30.0),
            col("notes_en", "notes", EN_LINES, "备注（英文），每行一条，与中文一一对应。", "Notes in English, one per line, in the same order.").w(30.0),
            col("more", "", Json, "其他字段（认定 designation、地点 places、链条 chain、链主企业 lead_firms、促进机构 promotion_org），JSON 对象，格式同数据文件；可留空。", "The other fields (designation, places, chain, lead_firms, promotion_org) as a JSON object, as in the data file; may be empty.").w(40.0),
        ],
    },
    SheetSpec {
        id: SheetId::Figures,
        name: "Figures",
        zh: "数字：每行一个数字，照来源写法（5700 与 亿元，而非 570000000000）。",
        en: "Figures: one figure per row, as the source writes it (5700 with 亿元, not 570000000000).",
        columns: &[
            CLUSTER,
            KEY,
            col("value", "value", Number, "数值（范围则为下限），只填数字。", "The number (the low end of a range); a number only.").req().w(12.0),
            UNIT,
            QUALIFIER,
            col("value_high", "value_high", Number, "范围的上限（85%–90% 填 90），同一单位；否则留空。", "The high end of a range (90 for 85%–90%), in the same unit; else empty.").w(10.0),
            col("forecast", "forecast", Bool, "预计数（将达、预计、有望）填 TRUE；实际数留空。", "TRUE for an expected figure (将达, 预计, 有望); empty for a measured one.").pick(Choice::Bool).w(10.0),
            col("year", "as_of.year", Integer, "数字所指年份（如 2023）。", "The year the figure refers to (e.g. 2023).").req().w(8.0),
            col("year_approximate", "as_of.approximate", Bool, "来源未写明年份（如“目前”）时填 TRUE。", "TRUE where the source does not state the year (e.g. 目前).").pick(Choice::Bool).w(10.0),
            col("year_note_zh", "as_of.note.zh", Text, "年份为推断时说明依据，或所覆盖的时期（中文）。", "Why the year is approximate, or the period covered, in Chinese.").w(24.0),
            col("year_note_en", "as_of.note.en", Text, "同上（英文）。", "The same in English.").w(24.0),
            DEFINITION,
            col("scope_zh", "scope.zh", Text, "口径原话（中文），如 集群总产值。", "The scope as written, in Chinese.").w(20.0),
            col("scope_en", "scope.en", Text, "口径（英文）。", "The scope in English.").w(20.0),
            col("subject_zh", "subject.zh", Text, "若数字只关于集群内某一企业或地点：其名称（中文）；否则留空。", "Where the figure is about one firm or place in the cluster: its name in Chinese; else empty."),
            col("subject_en", "subject.en", Text, "同上（英文）。", "The same in English."),
            SOURCE,
            QUOTE,
        ],
    },
    SheetSpec {
        id: SheetId::Targets,
        name: "Targets",
        zh: "目标：政策设定的目标，每行一个。",
        en: "Targets: targets that policies set, one per row.",
        columns: &[
            CLUSTER,
            KEY,
            col("value", "value", Number, "目标值，只填数字。", "The target value; a number only.").req().w(12.0),
            UNIT,
            QUALIFIER,
            col("year", "year", Integer, "目标年份（如 2025）；来源未定则留空。", "The year it is to be met (e.g. 2025); empty where none is set.").w(8.0),
            col("baseline_year", "baseline_year", Integer, "规划起始年份，如已知。", "The year the plan starts from, where known.").w(8.0),
            DEFINITION,
            col("scope_zh", "scope.zh", Text, "目标范围与集群不同时（如全省）：说明（中文）。", "Where the target's scope differs from the cluster (e.g. the province): in Chinese.").w(20.0),
            col("scope_en", "scope.en", Text, "同上（英文）。", "The same in English.").w(20.0),
            col("policy", "policy", Code, "设定该目标的政策 id（Policies 表中同一集群的政策）。", "The id of the policy that sets it (on the Policies sheet, same cluster).").w(16.0),
            SOURCE,
            QUOTE,
        ],
    },
    SheetSpec {
        id: SheetId::Policies,
        name: "Policies",
        zh: "政策：集群的政策文件或举措，每行一个。",
        en: "Policies: the cluster's policy documents or instruments, one per row.",
        columns: &[
            CLUSTER,
            col("id", "id", Code, "政策 id，在整个数据中唯一（如 hefei-nev-plan-2023）。", "A policy id unique in the dataset (e.g. hefei-nev-plan-2023).").req().w(24.0),
            col("title_zh", "title.zh", Text, "标题（中文）。", "Title in Chinese.").req().w(30.0),
            col("title_en", "title.en", Text, "标题（英文）。", "Title in English.").w(30.0),
            col("issuer_zh", "issuer.zh", Text, "发布机关（中文）。", "Issuer in Chinese.").w(20.0),
            col("issuer_en", "issuer.en", Text, "发布机关（英文）。", "Issuer in English.").w(20.0),
            col("year", "year", Integer, "年份，如已知。", "Year, where known.").w(8.0),
            col("categories", "categories", Codes, "类别：从列表中选一个；多个用逗号分隔（如 talent, finance_funds）。", "Categories: pick one from the list; several separated by commas (e.g. talent, finance_funds).").req().pick(Choice::Category).w(24.0),
            col("summary_zh", "summary.zh", Text, "内容概要（中文）。", "What it does, in Chinese.").w(30.0),
            col("summary_en", "summary.en", Text, "内容概要（英文）。", "What it does, in English.").w(30.0),
            SOURCE,
            QUOTE,
        ],
    },
    SheetSpec {
        id: SheetId::More,
        name: "More",
        zh: "其他：数据标题、格式版本，以及国家名录和背景（JSON，格式同数据文件）。",
        en: "More: the dataset's title and format version, and the register and context (JSON, as in the data file).",
        columns: &[
            col("part", "part", Code, "哪一部分：title_zh、title_en、format_version、extends、register，或 context.competition、context.provincial_systems、context.national_figures、context.timeline（后三者每行一项）。", "Which part: title_zh, title_en, format_version, extends, register, or context.competition, context.provincial_systems, context.national_figures, context.timeline (the last three one item per row).").req().w(28.0),
            col("value", "value", Text, "内容：标题为文字，版本为数字，其余为 JSON。", "Its content: text for a title, a number for the version, JSON for the rest.").w(80.0),
        ],
    },
];

/// The sheet of `id`.
pub fn spec(id: SheetId) -> &'static SheetSpec {
    SHEETS.iter().find(|s| s.id == id).unwrap_or(&SHEETS[0])
}

/// `A`, `B`, ..., `Z`, `AA`, ... for a column counted from 0.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `Figures!D12 (unit)`: a cell by sheet, column and row (both from 0),
/// with its column's header.
pub fn cell_name(sheet: &str, row: u32, col: usize, header: &str) -> String {
    let mut s = format!("{sheet}!{}{}", column_letters(col), u64::from(row) + 1);
    if !header.is_empty() {
        s.push_str(&format!(" ({header})"));
    }
    s
}
