//! Everyday desktop expectations, acted out as a user would (egui_kittest):
//! undo and redo, named views and view files, the Help menu, notices for
//! `--compare` ids that were not used, the typed-path fallback when no file
//! dialog can open, and a remembered search that is visible and clearable.

mod common;

use cluster_compare::app::notice::Purpose;
use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::ui::fonts;
use cluster_compare::ui::view::Tab;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
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
fn save_a_named_view_change_the_comparison_and_reopen_it() {
    let mut a = app(Lang::En);
    a.settings.compare = vec![SZ.into(), YC.into()];
    a.settings.baseline = Some(1);
    let mut h = harness(a);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Save the current view…").click();
    h.run();
    h.run();
    h.get_by_label("View name")
        .type_text("Batteries and lithium");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().settings.views.len(), 1);
    assert_eq!(h.state().settings.views[0].name, "Batteries and lithium");

    h.get_by_label(&format!("Remove {YC}")).click();
    h.run();
    let other = common::listed(&h.state().loaded.dataset, Lang::En)[0].clone();
    h.get_by_label(&format!("Add {other}")).click();
    h.run();
    h.get_by_label("中文").click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, other.as_str()]);

    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("Batteries and lithium").click();
    h.run();
    let s = &h.state().settings;
    assert_eq!(s.compare, [SZ, YC], "clusters restored");
    assert_eq!(s.baseline, Some(1), "baseline restored");
    assert_eq!(s.lang, Lang::En, "language restored");
}

#[test]
fn a_view_file_with_unknown_ids_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ccview.json");
    let mut a = app(Lang::En);
    a.settings.compare = vec![GD.into(), YC.into()];
    a.settings.tab = Tab::Policies;
    let mut h = harness(a);
    h.run();
    h.state_mut().view_file(Purpose::SaveViewFile, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["name"], "team");
    v["compare"]
        .as_array_mut()
        .unwrap()
        .insert(1, "atlantis-shipyards".into());
    std::fs::write(&path, v.to_string()).unwrap();

    h.state_mut().settings.compare = vec![SZ.into()];
    h.state_mut().settings.tab = Tab::Overview;
    h.state_mut().view_file(Purpose::OpenViewFile, &path);
    h.state_mut().wait_for_view_file();
    h.run();
    assert_eq!(h.state().settings.compare, [GD, YC]);
    assert_eq!(h.state().settings.tab, Tab::Policies);
    h.get_all_by_label_contains("ids not found in the data: atlantis-shipyards")
        .next()
        .expect("the unknown id is named in the window");
    h.get_by_label("Dismiss notice").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("atlantis-shipyards")
            .next()
            .is_none()
    );
}

#[test]
fn a_broken_view_file_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ccview.json");
    std::fs::write(&path, load::EMBEDDED).unwrap();
    let mut h = harness(app(Lang::En));
    h.run();
    h.state_mut().view_file(Purpose::OpenViewFile, &path);
    h.state_mut().wait_for_view_file();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD]);
    h.get_all_by_label_contains("not a valid view file")
        .next()
        .expect("the error is shown");
}

#[test]
fn help_pages_open_from_the_menu_and_esc_closes_them() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label("Help").click();
    h.run();
    // The item shows its key (F1) too.
    h.get_all_by_label_contains("Keyboard shortcuts…")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_all_by_label_contains("Undo a change to the comparison")
        .next()
        .expect("shortcuts listed");
    assert!(h.query_all_by_label_contains("Ctrl+Z").next().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Undo a change to the comparison")
            .is_none()
    );

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About…").click();
    h.run();
    h.get_all_by_label_contains(env!("CARGO_PKG_VERSION"))
        .next()
        .expect("version shown");
    h.get_all_by_label_contains("SIL Open Font License 1.1")
        .next()
        .expect("the font's licence");
    h.get_by_label("Close (Esc)").click();
    h.run();

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Where the data comes from…").click();
    h.run();
    let d = &h.state().loaded.dataset;
    let publishers: Vec<String> = d.sources.iter().map(|s| s.publisher.en.clone()).collect();
    assert!(!publishers.is_empty());
    for p in publishers {
        h.get_all_by_label_contains(&p)
            .next()
            .unwrap_or_else(|| panic!("source by {p} listed"));
    }
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("The data format…").click();
    h.run();
    h.get_all_by_label_contains("cluster-compare check FILE")
        .next()
        .expect("how to check a file");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F1);
    h.run();
    h.get_all_by_label_contains("Undo a change to the comparison")
        .next()
        .expect("F1 opens the shortcuts");
}

#[test]
fn compare_ids_not_used_at_start_are_named_in_the_window() {
    let asked: Vec<String> = vec![SZ.into(), "nowhere-cluster".into(), SZ.into()];
    let loaded = load::load_embedded().unwrap();
    let a = App::with_data(
        loaded,
        Settings {
            lang: Lang::En,
            compare: asked.clone(),
            ..Settings::default()
        },
    );
    let mut h = harness(a);
    h.state_mut().note_startup_compare(&asked);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ]);
    h.get_all_by_label_contains("ids not found in the data: nowhere-cluster")
        .next()
        .expect("unknown id named");
    h.get_all_by_label_contains("repeated ids")
        .next()
        .expect("repeated id named");
    h.get_by_label("Dismiss notice").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("nowhere-cluster")
            .next()
            .is_none(),
        "dismissed"
    );
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

/// Only the small "+" added a cluster; its name is a target too now.
#[test]
fn clicking_a_name_in_the_list_adds_the_cluster() {
    let mut h = harness(app(Lang::En));
    h.run();
    let name = h
        .state()
        .loaded
        .dataset
        .cluster(YC)
        .unwrap()
        .name
        .en
        .clone();
    h.get_by_label(&name).click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC]);
    // Clicking it again adds nothing more.
    h.get_all_by_label(&name).next().unwrap().click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC]);
}

/// At six clusters the "+" is disabled; hovering it says why.
#[test]
fn a_full_comparison_says_why_nothing_more_is_added() {
    let mut a = app(Lang::En);
    let listed = common::listed(&a.loaded.dataset, Lang::En);
    a.settings.compare = listed[..6].to_vec();
    let next = listed[6].clone();
    let mut h = harness(a);
    h.run();
    h.get_by_label(&format!("Add {next}")).hover();
    h.run();
    h.get_all_by_label_contains("remove one to add another")
        .next()
        .expect("the disabled + says why");
    assert_eq!(h.state().settings.compare.len(), 6);
}

/// The list says how many figures each cluster has and can hide those with none.
#[test]
fn the_list_counts_figures_and_can_show_only_clusters_with_figures() {
    let mut h = harness(app(Lang::En));
    h.run();
    let d = &h.state().loaded.dataset;
    let empty = common::listed(d, Lang::En)
        .into_iter()
        .find(|id| d.cluster(id).is_some_and(|c| c.metrics.is_empty()))
        .expect("a cluster without figures");
    let with = d.clusters.iter().filter(|c| !c.metrics.is_empty()).count();
    let total = d.clusters.len();
    assert!(h.query_by_label(&format!("Add {empty}")).is_some());
    h.get_by_label("With figures only").click();
    h.run();
    h.run();
    assert!(h.state().settings.picker.with_figures);
    assert!(
        h.query_by_label(&format!("Add {empty}")).is_none(),
        "a cluster without figures is hidden"
    );
    h.get_by_label(&format!("Showing {with} of {total} clusters"));
    assert!(h.state().needs_save(), "the toggle is kept");
}

/// The Edit menu names the change undo takes back; undoing says what it undid.
#[test]
fn the_edit_menu_names_the_change_and_undo_confirms_it() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Add {YC}")).click();
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo comparison change: add Baotou")
        .next()
        .expect("the undo item names the change")
        .click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD]);
    let status = h.state().status.clone().unwrap_or_default().en;
    assert!(status.starts_with("Undone: add Baotou"), "{status}");
    h.get_all_by_label_contains("Undone: add Baotou")
        .next()
        .expect("shown in the window");
}

/// Without a file dialog, the typed-path prompt proposes a name from the
/// comparison in the last folder, adds the extension, keeps itself open with
/// the error, and a save that goes through clears the banner.
#[test]
fn the_typed_path_prompt_suggests_a_name_and_keeps_errors_in_view() {
    use cluster_compare::export::Format;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(Lang::En);
    a.settings.last_folder = Some(dir.path().to_owned());
    let mut h = harness(a);
    h.run();
    h.state_mut()
        .dialog_unavailable(Purpose::Export(Format::Csv, 1.0));
    h.run();
    let proposed = h.get_by_label("Path").value().unwrap_or_default();
    let expected = dir.path().join(format!("{SZ}_{GD}.csv"));
    assert_eq!(proposed, expected.display().to_string());

    let missing = dir.path().join("no-such-folder").join("x");
    h.state_mut().path_prompt().unwrap().text = missing.display().to_string();
    h.run();
    let export = |h: &Harness<'static, App>| h.get_all_by_label("Export").last().unwrap().click();
    export(&h);
    h.run();
    assert!(
        h.state_mut().path_prompt().is_some(),
        "the prompt stays open"
    );
    h.get_all_by_label_contains("does not exist")
        .next()
        .expect("the error is in the prompt");

    let out = dir.path().join("team");
    h.state_mut().path_prompt().unwrap().text = out.display().to_string();
    h.run();
    export(&h);
    // The export runs on a worker that asks for repaints until it is done:
    // a fixed number of frames, not "until idle" (which a slow machine
    // would not reach within the harness's step limit).
    h.run_steps(3);
    assert!(h.state_mut().path_prompt().is_none(), "the prompt closed");
    h.state_mut().wait_for_export();
    h.run();
    assert!(
        dir.path().join("team.csv").is_file(),
        "the extension was added"
    );
    assert!(
        h.query_all_by_label_contains("file dialog could not open")
            .next()
            .is_none(),
        "the banner cleared after the save"
    );
    assert_eq!(h.state().settings.last_folder.as_deref(), Some(dir.path()));

    // PNG slides go into a folder, and the prompt says so.
    h.state_mut()
        .dialog_unavailable(Purpose::Slides(Format::Png));
    h.run();
    h.get_all_by_label_contains("Full path of the folder")
        .next()
        .expect("a folder is asked for");
}

/// The cluster list hides and comes back, by its button and by Ctrl+B.
#[test]
fn the_cluster_list_collapses_and_comes_back() {
    let mut h = harness(app(Lang::En));
    h.run();
    assert!(h.query_by_label("Search clusters").is_some());
    h.get_by_label("Hide the cluster list").click();
    h.run();
    assert!(!h.state().settings.sidebar);
    assert!(h.query_by_label("Search clusters").is_none(), "hidden");
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    assert!(h.state().settings.sidebar);
    assert!(h.query_by_label("Search clusters").is_some(), "back");
}
