//! What this build is: the app's version and which data it embeds. The same
//! words serve `cluster-compare --version` and Help → About.

use std::sync::OnceLock;

use crate::load;
use crate::model::{Dataset, Lang, Text};

/// The app's version (the package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a dataset says about itself: its title, its format version and how
/// recent it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataInfo {
    pub title: Text,
    pub format_version: u32,
    /// The data's date: the latest day one of its sources was read
    /// (`accessed`), else the latest stated (not inferred) publication date.
    pub date: Option<String>,
    pub clusters: usize,
    pub sources: usize,
}

impl DataInfo {
    pub fn of(d: &Dataset) -> Self {
        Self {
            title: d.title.clone(),
            format_version: d.format_version,
            date: date_of(d),
            clusters: d.clusters.len(),
            sources: d.sources.len(),
        }
    }

    /// One line: format version, date, counts.
    pub fn details(&self, lang: Lang) -> String {
        let date = match (&self.date, lang) {
            (Some(d), Lang::Zh) => format!("来源查阅至 {d}"),
            (Some(d), Lang::En) => format!("sources read up to {d}"),
            (None, Lang::Zh) => "未注明日期".to_owned(),
            (None, Lang::En) => "no date given".to_owned(),
        };
        match lang {
            Lang::Zh => format!(
                "数据格式版本 {} · {date} · {} 个集群 · {} 份来源",
                self.format_version, self.clusters, self.sources
            ),
            Lang::En => format!(
                "data format version {}, {date}, {}, {}",
                self.format_version,
                cc_core::format::count(self.clusters, lang, "", "cluster", "clusters"),
                cc_core::format::count(self.sources, lang, "", "source", "sources")
            ),
        }
    }

    /// The title in both languages where both are given (`zh / en`).
    pub fn title_both(&self) -> String {
        let Text { zh, en } = &self.title;
        match (zh.is_empty(), en.is_empty()) {
            (false, false) if zh != en => format!("{zh} / {en}"),
            (false, _) => zh.clone(),
            (true, false) => en.clone(),
            (true, true) => "(untitled)".to_owned(),
        }
    }
}

pub use cc_core::cite::data_date as date_of;

/// The embedded dataset's info, read once.
pub fn embedded() -> &'static DataInfo {
    static INFO: OnceLock<DataInfo> = OnceLock::new();
    INFO.get_or_init(|| match load::load_embedded() {
        Ok(l) => DataInfo::of(&l.dataset),
        Err(_) => DataInfo::default(),
    })
}

/// What `cluster-compare --version` prints: the app's version, then the
/// embedded data's title, format version and date.
pub fn version_text() -> String {
    let e = embedded();
    format!(
        "cluster-compare {VERSION}\nembedded data: {}\n{}\n",
        load::escape_controls(&e.title_both()),
        e.details(Lang::En)
    )
}
