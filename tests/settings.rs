//! The settings survive a restart: written the way eframe writes them (RON,
//! through `eframe::set_value` into its storage) and read back the way it
//! reads them.

use std::collections::HashMap;
use std::path::PathBuf;

use cluster_compare::app::views_saved::SavedView;
use cluster_compare::app::{DeckSettings, Settings, from_ron, to_ron};
use cluster_compare::deck::{PageShape, SlideChoice, SlideKind, SourcesMode};
use cluster_compare::model::Lang;
use cluster_compare::ui::view::Tab;

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// A deck of a few slides in the user's order, sources as a line, bars
/// sorted, one cluster highlighted.
fn chosen_slides() -> SlideChoice {
    SlideChoice {
        slides: Some(vec![
            SlideKind::Policies,
            SlideKind::Overview,
            SlideKind::Output,
        ]),
        sources: SourcesMode::Line,
        sort_bars: true,
        highlight: Some("wuxi-iot".into()),
    }
}

/// Settings a user would have after an afternoon's work: nothing at its default.
fn used() -> Settings {
    Settings {
        compare: vec!["wuxi-iot".into(), "xuzhou-construction-machinery".into()],
        baseline: Some(1),
        lang: Lang::En,
        dark: true,
        data_path: Some(PathBuf::from("/home/analyst/clusters.json")),
        recent: vec![PathBuf::from("/home/analyst/clusters.json")],
        tab: Tab::Charts,
        deck: DeckSettings {
            title: "Briefing".into(),
            page: PageShape::Standard,
            context: true,
            choice: chosen_slides(),
        },
        views: vec![SavedView {
            name: "Jiangsu".into(),
            compare: vec!["wuxi-iot".into()],
            baseline: None,
            metric: Some("output_value".into()),
            tab: Tab::Table,
            lang: None,
            slides: chosen_slides(),
        }],
        ..Settings::default()
    }
}

fn as_json(s: &Settings) -> serde_json::Value {
    serde_json::to_value(s).expect("settings serialise")
}

#[test]
fn every_page_shape_survives_eframes_storage() {
    for page in [PageShape::Wide, PageShape::Standard] {
        let mut s = used();
        s.deck.page = page;
        let mut storage = Memory::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &s);
        let back: Settings = eframe::get_value(&storage, eframe::APP_KEY)
            .unwrap_or_else(|| panic!("eframe stored nothing for {page:?}"));
        assert_eq!(as_json(&back), as_json(&s), "{page:?}");
    }
}

#[test]
fn the_apps_own_writer_round_trips_and_reads_what_eframe_reads() {
    let s = used();
    let text = to_ron(&s).expect("RON writes the settings");
    let back = from_ron(&text).expect("RON reads them back");
    assert_eq!(as_json(&back), as_json(&s));
    let mut storage = Memory::default();
    eframe::Storage::set_string(&mut storage, eframe::APP_KEY, text);
    let via_eframe: Settings =
        eframe::get_value(&storage, eframe::APP_KEY).expect("eframe reads it");
    assert_eq!(as_json(&via_eframe), as_json(&s));
}

#[test]
fn page_shapes_written_by_earlier_versions_still_read() {
    for (old, shape) in [
        ("\"16:9\"", PageShape::Wide),
        ("\"4:3\"", PageShape::Standard),
    ] {
        let read: PageShape = serde_json::from_str(old).expect(old);
        assert_eq!(read, shape);
    }
}
