//! Installed like a desktop app: `cluster-compare FILE` (what the desktop
//! entry passes on a double-click) opens a dataset or a view file, beside
//! the subcommands; `--version` and Help → About name the app's version and
//! the embedded data; the window's icon decodes.

use std::path::{Path, PathBuf};

use cluster_compare::about;
use cluster_compare::app::{App, Settings, Startup};
use cluster_compare::cli::{self, Command, open::Target};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::ui::fonts;
use cluster_compare::ui::view::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const YC: &str = "yichun-lithium";
const SZ: &str = "shenzhen-battery-materials";

fn parse(args: &[&str]) -> Result<cli::Cli, clap::Error> {
    cli::parse_from(std::iter::once("cluster-compare").chain(args.iter().copied()))
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

fn view_file(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(
        &p,
        format!(
            r#"{{"format": "cluster-compare-view", "version": 1, "name": "lithium",
               "compare": ["{YC}", "{SZ}"], "baseline": "{SZ}", "tab": "Charts", "lang": "en"}}"#
        ),
    )
    .unwrap();
    p
}

#[test]
fn one_file_argument_opens_the_app_and_subcommands_keep_working() {
    let c = parse(&["team.ccview.json"]).unwrap();
    assert_eq!(c.file.as_deref(), Some(Path::new("team.ccview.json")));
    assert!(c.command.is_none(), "no subcommand: the app starts");

    // Subcommands, with global options before or after them, as before.
    let c = parse(&["--lang", "en", "list"]).unwrap();
    assert!(matches!(c.command, Some(Command::List)) && c.file.is_none());
    let c = parse(&["check", "x.json"]).unwrap();
    assert!(matches!(c.command, Some(Command::Check { .. })) && c.file.is_none());
    let c = parse(&["--lang", "en", "data.json"]).unwrap();
    assert_eq!(c.file.as_deref(), Some(Path::new("data.json")));

    // A file and a subcommand together is refused, saying what to type.
    let e = parse(&["data.json", "list"]).unwrap_err();
    assert_eq!(e.kind(), clap::error::ErrorKind::ArgumentConflict);
    assert!(e.to_string().contains("cluster-compare check FILE"), "{e}");
}

#[test]
fn a_view_file_is_told_from_a_dataset_by_name_or_content() {
    let dir = tempfile::tempdir().unwrap();
    let named = view_file(dir.path(), "lithium.ccview.json");
    assert_eq!(cli::open::target(&named), Ok(Target::View(named.clone())));
    // Saved under another name, its content still says what it is.
    let renamed = view_file(dir.path(), "lithium.json");
    assert_eq!(
        cli::open::target(&renamed),
        Ok(Target::View(renamed.clone()))
    );
    let data = dir.path().join("clusters.json");
    std::fs::write(&data, load::EMBEDDED).unwrap();
    assert_eq!(cli::open::target(&data), Ok(Target::Dataset(data.clone())));

    // What cannot be opened is named, before any window opens.
    let missing = dir.path().join("missing.ccview.json");
    let e = cli::open::target(&missing).unwrap_err();
    assert!(
        e.contains("missing.ccview.json") && e.contains("no such file"),
        "{e}"
    );
    let e = cli::open::target(dir.path()).unwrap_err();
    assert!(e.contains("is a folder"), "{e}");
    #[cfg(unix)]
    {
        let e = cli::open::target(Path::new("/dev/null")).unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
    }

    // FILE as a dataset is `--data FILE`; two datasets are refused.
    let c = parse(&[data.to_str().unwrap()]).unwrap();
    let s = Startup::from_cli(&c).unwrap();
    assert_eq!(s.data.as_deref(), Some(data.as_path()));
    assert!(s.view.is_none());
    let c = parse(&["--data", named.to_str().unwrap(), data.to_str().unwrap()]).unwrap();
    let e = Startup::from_cli(&c).unwrap_err();
    assert!(e.contains("two datasets"), "{e}");
}

#[test]
fn a_view_file_given_as_the_argument_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = view_file(dir.path(), "lithium.ccview.json");
    let c = parse(&[path.to_str().unwrap()]).unwrap();
    let startup = Startup::from_cli(&c).unwrap();
    assert_eq!(startup.view.as_deref(), Some(path.as_path()));
    let app = App::start(startup, Settings::default(), None);
    let s = &app.settings;
    assert_eq!(s.compare, [YC, SZ]);
    assert_eq!(s.baseline, Some(1));
    assert_eq!(s.tab, Tab::Charts);
    assert_eq!(s.lang, Lang::En);
}

#[test]
fn a_view_file_waits_for_the_dataset_it_comes_with() {
    let dir = tempfile::tempdir().unwrap();
    // A dataset of its own clusters, and a view of two of them.
    let data = dir.path().join("synthetic.json");
    std::fs::write(&data, cluster_compare::synth::json_with_problems(3, 0)).unwrap();
    let ids: Vec<String> = load::load_path(&data)
        .unwrap()
        .dataset
        .clusters
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let view = dir.path().join("mine.ccview.json");
    std::fs::write(
        &view,
        format!(
            r#"{{"format": "cluster-compare-view", "version": 1, "name": "mine", "compare": ["{}", "{}"]}}"#,
            ids[2], ids[0]
        ),
    )
    .unwrap();
    let c = parse(&["--data", data.to_str().unwrap(), view.to_str().unwrap()]).unwrap();
    let mut app = App::start(Startup::from_cli(&c).unwrap(), Settings::default(), None);
    app.wait_for_loading();
    assert_eq!(app.settings.compare, [ids[2].clone(), ids[0].clone()]);
}

#[test]
fn a_bad_view_file_is_named_in_a_notice_and_the_app_opens() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ccview.json");
    std::fs::write(
        &broken,
        "{\"format\": \"cluster-compare-view\", \"version\": ",
    )
    .unwrap();
    let newer = dir.path().join("newer.ccview.json");
    std::fs::write(
        &newer,
        r#"{"format": "cluster-compare-view", "version": 99, "name": "x", "compare": []}"#,
    )
    .unwrap();
    for (path, says) in [
        (&broken, "broken.ccview.json: not a valid view file"),
        (
            &newer,
            "newer.ccview.json: view file version 99 was written by a newer app",
        ),
    ] {
        let c = parse(&["--lang", "en", path.to_str().unwrap()]).unwrap();
        let app = App::start(Startup::from_cli(&c).unwrap(), Settings::default(), None);
        assert_eq!(app.settings.compare, cluster_compare::app::DEFAULT_COMPARE);
        let mut h = harness(app);
        h.run();
        h.get_all_by_label_contains(says)
            .next()
            .unwrap_or_else(|| panic!("the file and what is wrong with it: {says}"));
    }
}

#[test]
fn version_names_the_app_and_the_embedded_data() {
    let d = load::load_embedded().unwrap().dataset;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-compare"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(format!("cluster-compare {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let data = lines.next().unwrap_or_default();
    assert!(
        data.contains(&d.title.zh) && data.contains(&d.title.en),
        "{text}"
    );
    let details = lines.next().unwrap_or_default();
    assert!(
        details.contains(&format!("data format version {}", d.format_version)),
        "{text}"
    );
    let newest_read = d.sources.iter().filter_map(|s| s.accessed.clone()).max();
    let newest_read = newest_read.expect("the seed's web sources say when they were read");
    assert!(details.contains(&newest_read), "{text}");
    assert_eq!(
        text,
        about::version_text(),
        "the binary prints the library's text"
    );
    // `-V` is the same.
    assert!(parse(&["-V"]).unwrap().version);
}

#[test]
fn about_names_the_version_and_the_embedded_data() {
    let loaded = load::load_embedded().unwrap();
    let title = loaded.dataset.title.en.clone();
    let settings = Settings {
        lang: Lang::En,
        ..Settings::default()
    };
    let mut app = App::with_data(loaded, settings);
    app.show_help(cluster_compare::app::help::Page::About);
    let mut h = harness(app);
    h.run();
    h.get_all_by_label_contains(&format!("Version {}", env!("CARGO_PKG_VERSION")))
        .next()
        .expect("the app's version");
    h.get_all_by_label_contains(&format!(
        "Embedded data: {}",
        about::embedded().title_both()
    ))
    .next()
    .expect("the embedded data's title");
    assert!(title.len() > 3 && about::embedded().title_both().contains(&title));
    h.get_all_by_label_contains(&about::embedded().details(Lang::En))
        .next()
        .expect("its format version and date");
}

#[test]
fn the_window_icon_is_the_app_icon() {
    let icon = cluster_compare::app::icon().unwrap();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
}

#[test]
fn a_view_file_opened_from_the_menu_is_read_while_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = view_file(dir.path(), "lithium.ccview.json");
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness(App::with_data(
        loaded,
        Settings {
            lang: Lang::En,
            ..Settings::default()
        },
    ));
    h.run();
    let before = h.state().settings.compare.clone();
    assert_ne!(before, [YC, SZ]);

    h.state_mut()
        .view_file(cluster_compare::app::notice::Purpose::OpenViewFile, &path);
    // The call returns before the file is read: the view is not opened on
    // the UI thread, and the app says what it is reading.
    assert_eq!(h.state().settings.compare, before);
    assert_eq!(h.state().reading_view_file(), Some(path.as_path()));

    // Frames go on; the view opens on one of them.
    step_until_read(&mut h);
    assert_eq!(h.state().settings.compare, [YC, SZ]);
    assert_eq!(h.state().settings.tab, Tab::Charts);

    // A file that is not a view file is named in a notice, on a later frame.
    let bad = dir.path().join("bad.ccview.json");
    std::fs::write(&bad, "{").unwrap();
    h.state_mut()
        .view_file(cluster_compare::app::notice::Purpose::OpenViewFile, &bad);
    step_until_read(&mut h);
    h.run();
    h.get_all_by_label_contains("bad.ccview.json")
        .next()
        .expect("the failed file is named");
    assert_eq!(h.state().settings.compare, [YC, SZ], "the view shown stays");
}

/// Runs frames, as the window would, until the view file being read is in.
fn step_until_read(h: &mut Harness<'static, App>) {
    let started = std::time::Instant::now();
    while h.state().reading_view_file().is_some() {
        assert!(
            started.elapsed().as_secs() < 30,
            "the view file never came in"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
}
