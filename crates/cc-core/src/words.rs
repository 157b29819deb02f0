//! The user-visible texts of this crate in Chinese and English, each once,
//! looked up by key ([`cc_data::words`]).

cc_data::catalogue! {
    A_UNIT_OF_ANOTHER_KIND_THAN = "单位与本列不同，不参与排序" / "a unit of another kind than the column: not sorted as a number";
    BASELINE = "（基准）" / " (baseline)";
    CANNOT_BE_TOLD = "无法确定" / "cannot be told";
    CHAIN_BUILDING_LEAD_FIRMS = "强链与链主企业" / "Chain building & lead firms";
    CLUSTER = "集群" / "Cluster";
    COUNTY = "县级" / "County";
    CROSS_REGIONAL_COOPERATION = "跨区域协作" / "Cross-regional cooperation";
    DEMAND_MARKET = "需求与市场" / "Demand & market";
    DESIGNATED = "入选年份" / "Designated";
    DIGITAL_TRANSFORMATION = "数字化转型" / "Digital transformation";
    FIGURES = "数据项数" / "Figures";
    FINANCE_FUNDS = "金融与基金" / "Finance & funds";
    FIRST = "最早" / "First";
    GOING_ABROAD = "出海" / "Going abroad";
    INDUSTRY = "行业" / "Industry";
    INFERRED = "（推定）" / " (inferred)";
    LATEST = "最新" / "Latest";
    LEVEL = "级别" / "Level";
    LIST_COMMA = "、" / ", ";
    METRIC = "指标" / "Metric";
    METRICS_WITH_FIGURES = "有数字的指标" / "Metrics with figures";
    MUNICIPAL = "市级" / "Municipal";
    NATIONAL = "国家级" / "National";
    NOT_COMPARABLE = "不可比" / "not comparable";
    ONLY_FIGURES_ABOUT_ONE_FIRM_OR = "  仅有关于单个企业或地点的数字\n" / "  only figures about one firm or place\n";
    PLANNING_TARGETS = "规划与目标" / "Planning & targets";
    PROMOTION_ORGANISATION_GOVERNANCE = "促进机构与治理" / "Promotion organisation & governance";
    PROVINCE = "省份" / "Province";
    PROVINCIAL = "省级" / "Provincial";
    PUBLIC_SERVICE_PLATFORMS = "公共服务平台" / "Public service platforms";
    REGISTER = "名录" / "Register";
    SEMICOLON = "；" / "; ";
    SOURCES = "来源" / "Sources";
    TALENT = "人才" / "Talent";
    TARGETS = "目标" / "Targets";
    THE_BASELINE_HAS_NO_SUCH_FIGURE = "基准集群无此数字" / "The baseline has no such figure";
    THE_FIGURES_IN_THIS_COLUMN_DIFFER = "本列数据口径不同（如全部企业与规模以上企业），排序仅供查找，不表示可比；悬停查看各项口径。" / "The figures in this column differ in definition (e.g. all firms vs firms above the size threshold): sorting helps find them but does not make them comparable; hover a value for its definition.";
    THIS_CLUSTER_HAS_NO_SUCH_FIGURE = "本集群无此数字" / "This cluster has no such figure";
    THIS_DATASET_HAS_NO_COMPETITION_FIGURES = "本数据集没有竞赛数据。" / "This dataset has no competition figures.";
    UNTITLED_DATA = "未命名数据" / "untitled data";
    VS_BASELINE = "与基准之差" / "vs baseline";
    WHOSE = "数据" / "Whose";
    YEARS = "年份数" / "Years";
}
