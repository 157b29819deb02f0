//! The user-visible texts of this crate in Chinese and English, each once,
//! looked up by key ([`cc_data::words`]).

cc_data::catalogue! {
    ACTUAL_AS_WRITTEN = "现值原文" / "Actual as written";
    ACTUAL_YEAR = "现值年份" / "Actual year";
    ADVANCED_MANUFACTURING_CLUSTERS_COMPARED = "先进制造业集群对比" / "Advanced manufacturing clusters compared";
    ALL_CLUSTERS = "集群一览" / "All clusters";
    AUTHOR = "作者" / "Author";
    A_UNIT_OF_ANOTHER_KIND = "单位量纲不同" / "a unit of another kind";
    BASELINE = "基准：" / "Baseline: ";
    BASELINE_2 = "（基准）" / " (baseline)";
    BASELINE_3 = "基准" / "baseline";
    BASELINE_4 = "基准" / "Baseline";
    BOUND = "界限值" / "Bound";
    CATEGORIES = "类别" / "Categories";
    CELLS_SHORTENED = "已截断的单元格" / "Cells shortened";
    CHART = "图表" / "Chart";
    CLUSTER = "集群" / "Cluster";
    CLUSTERS = "集群一览" / "Clusters";
    CLUSTERS_2 = "集群" / "Clusters";
    CLUSTERS_COMPARED = "对比的集群" / "Clusters compared";
    COMPARABILITY = "可比性提示" / "Comparability";
    COMPARISON = "对比" / "Comparison";
    DATE = "日期" / "Date";
    DATE_NOTE = "日期说明" / "Date note";
    DEFINITION = "口径" / "Definition";
    DIFFERENCE_AS = "与基准之差" / "Difference as";
    DISPLAY_UNIT = "显示单位" / "Display unit";
    EACH_VALUE_IS_THE_LATEST_CLUSTER = "每项为最新的集群整体数据，单位见表头；> 超过，≥ 不少于，≈ 约/近，< 不足（界限值按其数值排序）；括号内为年份，约 = 来源未写明年份。" / "Each value is the latest cluster-wide figure, in the unit in the header; > more than, ≥ at least, ≈ about/nearly, < less than (a bound sorts by its number); the year in brackets, c. = not stated in the source.";
    FORECAST = "预计数" / "Forecast";
    GAP_TARGET_S_UNIT = "差距（目标单位）" / "Gap (target's unit)";
    GROWTH_A_YEAR_FIRST_TO_LATEST = "年均增长（首个至最新）" / "Growth a year (first to latest)";
    INDUSTRY = "产业" / "Industry";
    INFERRED = "（推定）" / " (inferred)";
    ISSUER = "发布机构" / "Issuer";
    LATEST_ACTUAL = "最新现值" / "Latest actual";
    LATEST_ACTUAL_TARGET_S_UNIT = "最新现值（目标单位）" / "Latest actual (target's unit)";
    MARK = "；" / "; ";
    MARK_2 = "、" / ", ";
    METRIC = "指标" / "Metric";
    NONE = "未定" / "none";
    NOTE = "说明" / "Note";
    NOTES = "提示" / "Notes";
    NOTES_2 = "说明" / "Notes";
    NOT_COMPARABLE = "不可比" / "not comparable";
    NUMBER_DISPLAY_UNIT = "数值（显示单位）" / "Number (display unit)";
    ON_TRACK_GROWTH_NEEDED = "是否按期（所需年均增长）" / "On track (growth needed)";
    OVER_THE_YEARS = "历年数据" / "Over the years";
    PERCENTAGE_POINTS = "百分点" / "percentage points";
    POLICIES = "政策措施" / "Policies";
    POLICIES_2 = "政策" / "Policies";
    POLICY = "政策文件" / "Policy";
    PROGRESS = "完成度" / "Progress";
    PROVINCES = "省份" / "Provinces";
    PUBLISHER = "发布者" / "Publisher";
    QUALIFIER = "限定" / "Qualifier";
    QUALIFIER_YEAR_SCOPE = "限定/年份/口径" / "qualifier/year/scope";
    QUOTE = "原文" / "Quote";
    RATIO = "比值（倍）" / "ratio";
    REGISTER = "名录" / "Register";
    SCOPE_NOTE = "口径说明" / "Scope note";
    SEE_UNIT = "见单位列" / "see unit";
    SERIES = "历年数据" / "Series";
    SOURCE = "来源" / "source";
    SOURCES = "来源" / "Sources";
    SOURCE_2 = "来源" / "Source";
    SOURCE_DOCUMENT = "来源文件" / "Source document";
    SUMMARY = "要点" / "Summary";
    TARGET = "目标" / "Target";
    TARGETS = "政策目标" / "Targets";
    TARGETS_2 = "目标" / "Targets";
    TARGET_VALUE = "目标值" / "Target value";
    TARGET_YEAR = "目标年份" / "Target year";
    TITLE = "政策" / "Title";
    TITLE_2 = "标题" / "Title";
    UNIT = "单位" / "Unit";
    UNSTATED = "未说明" / "unstated";
    VALUE_AS_WRITTEN = "原文数值" / "Value as written";
    VS_BASELINE = "对比基准" / "vs baseline";
    WHOSE = "数据" / "Whose";
    YEAR = "年份" / "Year";
    YEARS_DEFINITION = "年份/口径" / "years/definition";
    YEAR_NUMBER = "年份（数字）" / "Year (number)";
    YES = "是" / "yes";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_has_both_languages_and_none_is_written_twice() {
        let p = cc_data::words::problems(super::ALL);
        assert!(p.is_empty(), "{p:#?}");
    }
}
