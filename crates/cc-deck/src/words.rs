//! The user-visible texts of this crate in Chinese and English, each once,
//! looked up by key ([`cc_data::words`]).

cc_data::catalogue! {
    CATEGORIES = "类别" / "Categories";
    CLUSTER = "集群" / "Cluster";
    CLUSTERS = "个" / "clusters";
    CLUSTERS_THE_SOURCES_GIVE_NO_FIGURES = "来源未给出数字的集群" / "Clusters the sources give no figures for";
    CLUSTER_COMPARISON = "集群对比" / "Cluster comparison";
    COMPETITION_WINNERS_BY_INDUSTRY = "集群竞赛优胜者：按产业" / "Competition winners by industry";
    COMPETITION_WINNERS_BY_PROVINCE = "集群竞赛优胜者：按省份" / "Competition winners by province";
    CONTINUED = "续" / "continued";
    DATE_INFERRED = "（日期为推定）" / " (date inferred)";
    DEFINITION = "口径" / "Definition";
    DIFFERENT_DEFINITIONS_EACH_BAR_SHOWS_ITS = "口径不同：每根柱只表示各自的数字，柱长不能直接对比（见注）" / "Different definitions: each bar shows its own figure; the lengths do not compare (see the notes)";
    EACH_CLUSTER_S_POLICIES_TITLE_ISSUER = "各集群的政策：名称、发布方与年份、政策工具类别" / "Each cluster's policies: title, issuer and year, instrument categories";
    EVERY_FIGURE = "：全部数字" / ": every figure";
    FIGURES_ABOUT_ONE_FIRM_OR_PLACE = "关于集群内单个企业或城市的数字（不作集群间比较）" / "Figures about one firm or place in the cluster (never compared)";
    FIGURES_OF_ONE_DEFINITION_OVER_THE = "同一口径的历年数字，按来源原文写法；口径不同者分列，从不连成一条线；增长为首个至最新实际数字的年均增长，预计数不计入" / "Figures of one definition over the years, as the sources write them; different definitions stand apart, never joined; growth runs from the first to the latest actual figure, forecasts never count";
    FULL_NAME = "全称" / "Full name";
    FURTHER_NOTES = "更多注释" / "Further notes";
    FURTHER_NOTES_SLIDE = "更多注释：第{}页" / "further notes: slide {}";
    GROWTH_A_YEAR = "年均增长" / "Growth a year";
    HEADLINE_FIGURES = "主要数字一览" / "Headline figures";
    INSTRUMENT = "政策工具" / "Instrument";
    ISSUER_YEAR = "发布方 · 年份" / "Issuer · year";
    LATEST_ACTUAL = "最新实际" / "Latest actual";
    MARK = "、" / ", ";
    MARK_2 = "（" / " (";
    MARK_3 = "）" / ")";
    MARK_4 = "—" / "—";
    MARK_5 = "，" / ", ";
    MARK_6 = "；" / "; ";
    MARK_7 = " · " / " · ";
    MARK_8 = "：" / ": ";
    MEASURE = "指标" / "Measure";
    NOTES_THE_FOOT_OF_THE_SLIDES = "前几页页脚放不下的注释，按页列出；编号与该页的标记一致" / "Notes the foot of the slides before had no room for, by slide; numbers match the marks there";
    NO_ACTUAL_FIGURE = "无最新实际数字" / "No actual figure";
    NO_CLUSTER_WIDE_FIGURES_IN_THE = "来源未给出集群整体的数字" / "No cluster-wide figures in the sources";
    NO_DATA = "无数据" / "no data";
    NO_FIGURE_IN_THE_SOURCES = "来源中无此数字" / "No figure in the sources";
    NO_POLICIES_IN_THE_SOURCES = "来源未提及政策" / "No policies in the sources";
    NO_YEAR_SET = "未定年份" / "no year set";
    NUMBER_OF_POLICIES_PER_INSTRUMENT_A = "各类政策工具的政策数（一项政策可属多类）；政策名称见下一页" / "Number of policies per instrument (a policy may count in several); titles on the next slide";
    POLICY = "政策" / "Policy";
    POLICY_INSTRUMENTS = "政策工具" / "Policy instruments";
    POLICY_TARGETS_AND_PROGRESS = "政策目标与进展" / "Policy targets and progress";
    PROGRESS = "进度" / "Progress";
    PROGRESS_LATEST_ACTUAL_FIGURE_TARGET_FORECASTS = "进度 = 最新实际数字 ÷ 目标；预计数字不计入进度" / "Progress = latest actual figure ÷ target; forecasts never count as progress";
    SOURCES = "来源" / "Sources";
    SOURCES_2 = "来源：" / "Sources: ";
    TARGET = "目标" / "Target";
    THE_CITED_SOURCES_GIVE_NO_FIGURE = "所引来源未给出这些集群的任何数字（产值、企业数等）" / "The cited sources give no figure (output, firm counts) for these clusters";
    THE_DOCUMENTS_EVERY_FIGURE_COMES_FROM = "每个数字所依据的文件与原文措辞" / "The documents every figure comes from, with the phrases as written";
    THE_POLICIES = "政策一览" / "The policies";
    THE_SOURCES_GIVE_NO_FIGURES = "来源未给出任何数字" / "The sources give no figures";
    UNIT_OF_ANOTHER_KIND_NO_BAR = "单位量纲不同，未画柱" / "Unit of another kind; no bar drawn";
    VALUES_AS_THE_SOURCES_WRITE_THEM = "数值按来源原文写法，附年份；“约”表示来源未写明年份" / "Values as the sources write them, with their year; “c.” marks a year the source does not state";
    VALUE_AS_WRITTEN_YEAR = "数值（原文写法）· 年份" / "Value (as written) · year";
    VS_BASELINE = "对比基准：" / "vs baseline: ";
    WHAT_THE_RECORD_SAYS = "记录说明" / "What the record says";
    WHERE_THE_NATIONAL_CLUSTERS_ARE = "国家先进制造业集群分布" / "Where the national clusters are";
    YEAR = "年份" / "Year";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_has_both_languages_and_none_is_written_twice() {
        let p = cc_data::words::problems(super::ALL);
        assert!(p.is_empty(), "{p:#?}");
    }
}
