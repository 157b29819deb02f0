//! The citation line a download carries (the deck's last slide, the sheets'
//! sources), as Our World in Data's downloads do: the data's title and how
//! recent it is, the app and its version, and the day it was made.

use cc_data::model::{Dataset, Lang};

/// The app's version: every crate of the workspace shares it.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How recent the data is: the latest `accessed` date of its sources, else
/// the latest publication date that is stated rather than inferred. Dates
/// are ISO (`2021`, `2021-07`, `2021-07-05`), so the greatest is the latest.
pub fn data_date(d: &Dataset) -> Option<String> {
    let accessed = d.sources.iter().filter_map(|s| s.accessed.as_deref()).max();
    let published = || {
        d.sources
            .iter()
            .filter(|s| !s.date_approximate && !s.date.is_empty())
            .map(|s| s.date.as_str())
            .max()
    };
    accessed.or_else(published).map(str::to_owned)
}

/// `引用：…` / `Cite as: …`: the data's title and date, the app and its
/// version, and `made` (the day of the download, `YYYY-MM-DD`).
pub fn line(d: &Dataset, lang: Lang, made: &str) -> String {
    let title = match d.title.get(lang) {
        "" => crate::words::UNTITLED_DATA.get(lang),
        t => t,
    };
    let date = data_date(d);
    match lang {
        Lang::Zh => {
            let date = date.map_or("未注明日期".to_owned(), |d| format!("来源查阅至 {d}"));
            format!("引用：{title}（{date}）；集群对比 {APP_VERSION}，{made} 导出。")
        }
        Lang::En => {
            let date = date.map_or("no date given".to_owned(), |d| {
                format!("sources read up to {d}")
            });
            format!("Cite as: {title} ({date}); Cluster Compare {APP_VERSION}, made {made}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::model::{Source, Text};

    fn source(date: &str, approximate: bool, accessed: Option<&str>) -> Source {
        Source {
            date: date.to_owned(),
            date_approximate: approximate,
            accessed: accessed.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn the_date_is_the_latest_reading_else_the_latest_stated_publication() {
        let mut d = Dataset::default();
        assert_eq!(data_date(&d), None);
        d.sources = vec![
            source("2021-07", false, None),
            source("2027", true, None),
            source("2024", false, None),
        ];
        // An inferred date (here a plan's target year) is not the data's date.
        assert_eq!(data_date(&d).as_deref(), Some("2024"));
        d.sources.push(source("2020", false, Some("2026-11-22")));
        d.sources.push(source("2020", false, Some("2026-12-01")));
        assert_eq!(data_date(&d).as_deref(), Some("2026-12-01"));
    }

    #[test]
    fn the_line_names_the_data_its_date_the_app_and_the_day() {
        let mut d = Dataset {
            title: Text {
                zh: "集群数据".into(),
                en: String::new(),
            },
            ..Default::default()
        };
        d.sources.push(source("2024", false, Some("2026-12-01")));
        let en = line(&d, Lang::En, "2026-12-02");
        assert_eq!(
            en,
            format!(
                "Cite as: 集群数据 (sources read up to 2026-12-01); Cluster Compare {APP_VERSION}, made 2026-12-02."
            )
        );
        let zh = line(&d, Lang::Zh, "2026-12-02");
        assert!(
            zh.starts_with("引用：集群数据（来源查阅至 2026-12-01）"),
            "{zh}"
        );
        assert!(
            zh.contains(APP_VERSION) && zh.contains("2026-12-02"),
            "{zh}"
        );
    }
}
