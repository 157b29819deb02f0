//! Everyday desktop expectations, acted out as a user would (egui_kittest):
//! undo and redo, named views and view files, the Help menu, notices for
//! `--compare` ids that were not used, the typed-path fallback when no file
//! dialog can open, and a remembered search that is visible and clearable.

mod common;

use cluster_compare::app::notice::Purpose;
use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::ui::view::Tab;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "desktop/list.rs"]
mod list;
#[path = "desktop/views.rs"]
mod views;

fn app(lang: Lang) -> App {
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    App::with_data(
        loaded,
        Settings {
            lang,
            ..Settings::default()
        },
    )
}

fn harness_sized(app: App, w: f32, h: f32) -> Harness<'static, App> {
    common::window(app, w, h)
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, 1600.0, 1000.0)
}

const SZ: &str = "shenzhen-battery-materials";
const GD: &str = "guangdong-six-city-nev";
/// A cluster near the top of the list in either language.
const YC: &str = "baotou-rare-earth";

#[test]
fn add_remove_undo_undo_redo() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Add {YC}")).click();
    h.run();
    h.get_by_label(&format!("Remove {GD}")).click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, YC]);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC], "remove undone");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD], "add undone");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC], "add redone");
    h.get_all_by_label_contains("Baotou")
        .next()
        .expect("the redone panel is drawn");
}

#[test]
fn the_edit_menu_undoes_baseline_and_reorder() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Baseline {SZ}")).click();
    h.run();
    h.get_by_label(&format!("Move right {SZ}")).click();
    h.run();
    assert_eq!(h.state().settings.compare, [GD, SZ]);
    assert_eq!(h.state().settings.baseline, Some(1));

    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo comparison change")
        .next()
        .expect("Edit → Undo")
        .click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD], "reorder undone");
    assert_eq!(h.state().settings.baseline, Some(0));
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo comparison change")
        .next()
        .expect("Edit → Undo")
        .click();
    h.run();
    assert_eq!(h.state().settings.baseline, None, "baseline undone");
}

#[test]
fn undo_brings_back_the_chart_metric() {
    let mut a = app(Lang::En);
    a.settings.tab = Tab::Charts;
    let mut h = harness(a);
    h.run();
    let first = h.state().settings.charts.metric.clone();
    assert!(first.is_some(), "the charts tab picks a metric");
    // Another metric the comparison has, by its name in the chooser.
    let (key, name) = {
        let cmp = h.state_mut().comparison();
        let r = cmp
            .rows
            .iter()
            .find(|r| Some(&r.key) != first.as_ref())
            .expect("a second metric");
        (r.key.clone(), r.name.clone())
    };
    h.get_by_label("Metric").click();
    h.run();
    h.get_all_by_label_contains(&format!("{name} ("))
        .next()
        .expect("the metric in the chooser")
        .click();
    h.run();
    assert_eq!(h.state().settings.charts.metric.as_deref(), Some(&*key));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().settings.charts.metric, first);
}

#[test]
fn ctrl_z_in_the_search_box_undoes_typing_not_the_comparison() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Add {YC}")).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("x");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC]);
}

#[test]
fn without_a_file_dialog_a_typed_path_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renamed.json");
    let changed = load::EMBEDDED.replace(
        "\"Shenzhen battery materials\"",
        "\"Typed-path Shenzhen battery materials\"",
    );
    assert_ne!(changed, load::EMBEDDED);
    std::fs::write(&path, changed).unwrap();

    let mut h = harness(app(Lang::En));
    h.run();
    h.state_mut().dialog_unavailable(Purpose::OpenData);
    h.run();
    h.get_all_by_label_contains("file dialog could not open")
        .next()
        .expect("the failure is said");
    h.get_all_by_label_contains("--data FILE")
        .next()
        .expect("the alternatives are offered");
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    // The spinner repaints while the file loads in the background; wait for
    // the load, as the window would.
    h.step();
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    h.get_all_by_label_contains("Typed-path Shenzhen")
        .next()
        .expect("the typed file opened");
}

#[test]
fn the_file_menu_offers_a_typed_path() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    assert!(h.query_by_label("Path").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Path").is_none());
}

#[test]
fn a_remembered_search_is_visible_and_clears_at_once() {
    let mut a = app(Lang::En);
    a.settings.picker.filters.query = "lithium".into();
    let total = a.loaded.dataset.clusters.len();
    let shown = cluster_compare::ui::picker::filter(
        &a.loaded.dataset,
        &a.settings.picker.filters,
        Lang::En,
    )
    .len();
    assert!(shown < total);
    let mut h = harness(a);
    h.run();
    let search = h.get_by_label("Search clusters");
    assert_eq!(search.value().as_deref(), Some("lithium"));
    h.get_by_label(&format!("Showing {shown} of {total} clusters"));
    h.get_by_label("Clear filters").click();
    h.run();
    h.run();
    let first = common::listed(&h.state().loaded.dataset, Lang::En)[0].clone();
    assert!(h.query_by_label(&format!("Add {first}")).is_some());
    assert_eq!(h.state().settings.picker.filters.query, "");

    h.state_mut().settings.picker.filters.query = "lithium".into();
    h.run();
    h.get_by_label("Clear the search").click();
    h.run();
    h.run();
    let first = common::listed(&h.state().loaded.dataset, Lang::En)[0].clone();
    assert!(h.query_by_label(&format!("Add {first}")).is_some());
}

#[test]
fn switching_to_chinese_settles() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label("中文").click();
    h.run();
}

#[test]
fn narrow_window_chinese_menus_and_help_fit() {
    let mut h = harness_sized(app(Lang::Zh), 900.0, 650.0);
    h.run();
    for menu in ["文件", "编辑", "导出", "视图", "帮助"] {
        assert!(h.query_by_label(menu).is_some(), "menu {menu}");
    }
    h.get_by_label("帮助").click();
    h.run();
    h.get_all_by_label_contains("键盘快捷键…")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_all_by_label_contains("撤销对比更改")
        .next()
        .expect("Chinese shortcuts page");
}

/// The side panel once widened a little every frame after an edit (the
/// search row asked for more than its width): the panels crept to the right.
#[test]
fn the_layout_holds_still_after_edits() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Baseline {SZ}")).click();
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo comparison change")
        .next()
        .expect("Edit → Undo")
        .click();
    h.run();
    let left = |h: &Harness<'static, App>| {
        h.get_all_by_label_contains("Output value")
            .next()
            .expect("a card")
            .rect()
            .left()
    };
    let before = left(&h);
    h.run_steps(30);
    assert_eq!(left(&h), before);
}

/// The menus, the keys and the shortcuts page read one list of commands:
/// every command sits in its menu, and every one with keys is on the page.
#[test]
fn every_command_is_in_its_menu_and_every_shortcut_on_the_help_page() {
    use cluster_compare::app::commands::{Command, Menu};
    let mut h = harness(app(Lang::En));
    h.run();
    for menu in Menu::ALL {
        h.get_by_label(menu.label(Lang::En)).click();
        h.run();
        for c in Command::all().into_iter().filter(|c| c.menu() == menu) {
            assert!(
                h.query_all_by_label_contains(&c.label(Lang::En))
                    .next()
                    .is_some(),
                "{c:?} in the {menu:?} menu"
            );
        }
        h.get_by_label(menu.label(Lang::En)).click();
        h.run();
    }
    let ctx = h.ctx.clone();
    h.key_press(Key::F1);
    h.run();
    let rows = cluster_compare::app::help::shortcuts(&ctx, Lang::En);
    for c in Command::all()
        .into_iter()
        .filter(|c| !c.shortcuts().is_empty())
    {
        let keys: Vec<String> = c
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        let keys = keys.join(" / ");
        assert!(
            rows.iter()
                .any(|(k, v)| *k == keys && v == c.tooltip(Lang::En)),
            "{c:?} ({keys}) on the shortcuts page"
        );
        h.get_all_by_label_contains(&keys)
            .next()
            .unwrap_or_else(|| panic!("{keys} drawn on the shortcuts page"));
    }
    h.get_all_by_label_contains("Presenting: next slide")
        .next()
        .expect("the presentation keys are listed too");
}

/// A storage in memory, to see what the app saves.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

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

#[test]
fn settings_are_saved_after_a_change_not_every_frame() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.run_steps(5);
    assert!(!h.state().needs_save(), "drawing changes nothing to save");
    let mut m = Memory::default();
    eframe::App::save(h.state_mut(), &mut m);
    assert!(m.0.is_empty(), "nothing written without a change");

    h.get_by_label(&format!("Add {YC}")).click();
    h.run();
    assert!(h.state().needs_save());
    eframe::App::save(h.state_mut(), &mut m);
    assert!(!h.state().needs_save());
    let saved: Settings =
        eframe::get_value(&m, eframe::APP_KEY).unwrap_or_else(|| panic!("saved: {:?}", m.0));
    assert_eq!(saved.compare, [SZ, GD, YC]);

    // A widget bound to the settings marks them too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("li");
    h.run();
    assert!(h.state().needs_save(), "a typed search is kept");
}
