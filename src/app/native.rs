//! The app in its own window: eframe's frame loop and saving, the start of
//! the native window, and the window's icon.

use super::*;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let _ = frame;
        let was = self.presentation;
        App::ui(self, ui);
        if was != self.presentation {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presentation));
        }
        // eframe saves only during a frame; an idle app draws none. When a
        // change marked the settings dirty, wake up once the save is due.
        if self.dirty {
            ui.ctx().request_repaint_after(
                self.auto_save_interval() + std::time::Duration::from_millis(200),
            );
        }
        if let Some(t) = self.started.take()
            && std::env::var_os("CLUSTER_COMPARE_TIMING").is_some()
        {
            eprintln!(
                "cluster-compare: first frame after {:.0} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }

    /// Writes the settings when a change marked them dirty (eframe asks every
    /// few seconds and at exit; the storage keeps what was written before).
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !std::mem::take(&mut self.dirty) {
            return;
        }
        // eframe's own `set_value` drops a value RON cannot write and only
        // logs it; written here, a failure reaches the user.
        match settings::to_ron(&self.settings) {
            Ok(text) => {
                storage.set_string(eframe::APP_KEY, text);
                self.save_failed = None;
            }
            Err(e) => {
                if self.save_failed.as_deref() != Some(e.as_str()) {
                    let (zh, en) = (
                        format!("设置未能保存：{e}"),
                        format!("The settings could not be saved: {e}"),
                    );
                    self.status = Some(Status::new(zh, en));
                }
                self.save_failed = Some(e);
                self.dirty = true;
            }
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}

/// Starts the native app window; returns the process exit code.
pub fn run_native(cli: &Cli) -> ExitCode {
    let started = std::time::Instant::now();
    let startup = match Startup::from_cli(cli) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cluster-compare: {}", load::escape_controls(&e));
            return ExitCode::from(2);
        }
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Cluster Compare · 集群对比")
        .with_app_id(APP_ID)
        .with_inner_size([1480.0, 920.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        // eframe would store the settings under the app id; keep them where
        // they were (under the name `run_native` is given).
        persistence_path: eframe::storage_dir(STORAGE_NAME).map(|d| d.join("app.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        STORAGE_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, startup, started)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-compare: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}

/// The name the settings are stored under (`~/.local/share/cluster-compare/app.ron`).
const STORAGE_NAME: &str = "cluster-compare";

/// The app's id: its desktop entry, icon and metainfo are named after it
/// (`assets/linux/`), and Wayland matches the window to the entry by it.
pub const APP_ID: &str = "io.github.clustercompare.ClusterCompare";

/// The window's icon: the 256 px PNG of the app icon.
pub fn icon() -> Result<egui::IconData, String> {
    const PNG: &[u8] =
        include_bytes!("../../assets/icons/256x256/io.github.clustercompare.ClusterCompare.png");
    eframe::icon_data::from_png_bytes(PNG).map_err(|e| e.to_string())
}
