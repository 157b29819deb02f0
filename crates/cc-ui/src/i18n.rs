//! UI words in both languages. Labels are written inline as `tr(lang, zh, en)`
//! so each stays next to its use; names of the fixed taxonomies live here.

use cc_data::model::{Category, Lang, Level, Stage};

/// Picks the label for `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// A label's trailing colon: full-width in Chinese, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    tr(lang, "：", ": ")
}

pub fn level(lang: Lang, l: Level) -> &'static str {
    match l {
        Level::National => tr(lang, "国家级", "National"),
        Level::Provincial => tr(lang, "省级", "Provincial"),
        Level::Municipal => tr(lang, "市级", "Municipal"),
        Level::County => tr(lang, "县级", "County"),
    }
}

pub fn stage(lang: Lang, s: Stage) -> &'static str {
    match s {
        Stage::Upstream => tr(lang, "上游", "Upstream"),
        Stage::Midstream => tr(lang, "中游", "Midstream"),
        Stage::Downstream => tr(lang, "下游", "Downstream"),
    }
}

/// Category names live in `format` so exports, which must not reach into
/// `ui`, write the same words.
pub fn category(lang: Lang, c: Category) -> &'static str {
    cc_core::format::category(lang, c)
}

/// What a panel says is missing, by the keys [`cc_core::compare::Column::missing`] uses.
pub fn missing(lang: Lang, key: &str) -> &'static str {
    match key {
        "figures" => tr(lang, "集群整体数据", "cluster-wide figures"),
        "lead_firms" => tr(lang, "龙头企业", "lead firms"),
        "promotion_org" => tr(lang, "促进机构", "promotion organisation"),
        "targets" => tr(lang, "政策目标", "policy targets"),
        "policies" => tr(lang, "政策措施", "policies"),
        _ => tr(lang, "其他", "other"),
    }
}
