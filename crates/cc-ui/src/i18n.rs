//! UI words in both languages: the fixed labels are in the crate's catalogue
//! ([`crate::words`], looked up by key); texts with numbers or names in them
//! are built where they are used, with [`tr`]; the names of the fixed
//! taxonomies live here.

use cc_data::model::{Category, Lang, Level, Stage};

/// Picks the label for `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// A label's trailing colon: full-width in Chinese, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    crate::words::COLON.get(lang)
}

pub fn level(lang: Lang, l: Level) -> &'static str {
    match l {
        Level::National => crate::words::NATIONAL.get(lang),
        Level::Provincial => crate::words::PROVINCIAL.get(lang),
        Level::Municipal => crate::words::MUNICIPAL.get(lang),
        Level::County => crate::words::COUNTY.get(lang),
    }
}

pub fn stage(lang: Lang, s: Stage) -> &'static str {
    match s {
        Stage::Upstream => crate::words::UPSTREAM.get(lang),
        Stage::Midstream => crate::words::MIDSTREAM.get(lang),
        Stage::Downstream => crate::words::DOWNSTREAM.get(lang),
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
        "figures" => crate::words::CLUSTER_WIDE_FIGURES.get(lang),
        "lead_firms" => crate::words::LEAD_FIRMS.get(lang),
        "promotion_org" => crate::words::PROMOTION_ORGANISATION.get(lang),
        "targets" => crate::words::POLICY_TARGETS.get(lang),
        "policies" => crate::words::POLICIES.get(lang),
        _ => crate::words::OTHER.get(lang),
    }
}
