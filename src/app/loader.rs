//! Loading and validating datasets off the UI thread.
//!
//! Each load is a [`Task`] (the one way the app works off the UI thread):
//! its result comes back and egui is asked to repaint. Only the newest load
//! asked for is kept, so a newer load supersedes an older one still running.
//! The window keeps drawing, and the data shown stays usable, meanwhile.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use super::tasks::{Poll, Sink, Task};
use std::time::{Duration, Instant};

use crate::load::{self, LoadError, Loaded};

/// What to load.
pub enum Source {
    Path(PathBuf),
    /// A dropped file the system gave as bytes, with the name to report.
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

/// Why a load was asked for; the app acts on the result accordingly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The `--data` or saved file, at start.
    Startup,
    /// Opened by the user (menu, recent files, drop).
    Open,
    /// The open file changed on disk.
    Reload,
}

/// A finished load.
pub struct Done {
    pub generation: u64,
    pub path: Option<PathBuf>,
    pub purpose: Purpose,
    pub result: Result<Loaded, LoadError>,
}

/// The load under way, for the status bar.
pub struct Pending {
    pub generation: u64,
    /// The file's name as shown to the user.
    pub label: String,
    pub started: Instant,
}

/// Holds loads back until dropped (tests use it to see the app mid-load).
pub struct Hold(Arc<Gate>);

impl Drop for Hold {
    fn drop(&mut self) {
        let (lock, cv) = (&self.0.held, &self.0.cv);
        if let Ok(mut held) = lock.lock() {
            *held = false;
        }
        cv.notify_all();
    }
}

#[derive(Default)]
struct Gate {
    held: Mutex<bool>,
    cv: Condvar,
}

impl Gate {
    fn wait(&self) {
        let Ok(mut held) = self.held.lock() else {
            return;
        };
        while *held {
            match self.cv.wait(held) {
                Ok(h) => held = h,
                Err(_) => return,
            }
        }
    }
}

#[derive(Default)]
pub struct Loader {
    /// The newest load asked for; a newer one drops it (and its result).
    task: Option<Task<Done>>,
    latest: u64,
    pending: Option<Pending>,
    gate: Arc<Gate>,
}

impl Loader {
    /// Starts loading on a new thread; `ctx` (when there is a window) is asked to
    /// repaint when the result is in. Supersedes any load under way.
    pub fn start(&mut self, ctx: Option<&egui::Context>, source: Source, purpose: Purpose) {
        self.latest += 1;
        let generation = self.latest;
        let (label, path) = match &source {
            Source::Path(p) => (p.display().to_string(), Some(p.clone())),
            Source::Bytes { name, .. } => (name.clone(), None),
        };
        self.pending = Some(Pending {
            generation,
            label: label.clone(),
            started: Instant::now(),
        });
        let gate = Arc::clone(&self.gate);
        let failed_path = path.clone();
        let work = move |sink: &Sink<Done>| {
            gate.wait();
            let result = match source {
                Source::Path(p) => load::load_path(&p),
                // A dropped workbook: a zip archive, never JSON.
                Source::Bytes { name, bytes } if bytes.starts_with(b"PK\x03\x04") => {
                    crate::sheets::xlsx::load_bytes(&name, &bytes, crate::model::Lang::En)
                }
                Source::Bytes { name, bytes } => load::load_bytes(&name, &bytes),
            };
            sink.send(Done {
                generation,
                path,
                purpose,
                result,
            });
        };
        let failed = move |e: String| Done {
            generation,
            path: failed_path,
            purpose,
            result: Err(LoadError {
                file: label,
                problems: vec![load::Problem::error(
                    "",
                    format!("无法开始加载：{e}"),
                    format!("could not start loading: {e}"),
                )],
            }),
        };
        self.task = Some(Task::spawn(
            &format!("load-{generation}"),
            ctx,
            work,
            failed,
        ));
    }

    /// Forgets any load under way (its result will be dropped).
    pub fn cancel(&mut self) {
        self.latest += 1;
        self.task = None;
        self.pending = None;
    }

    pub fn pending(&self) -> Option<&Pending> {
        self.pending.as_ref()
    }

    fn finished(&mut self, done: Option<Done>) -> Option<Done> {
        self.task = None;
        let pending = self.pending.take()?;
        // A worker that ended without a word (it panicked) still ends the load.
        Some(done.unwrap_or_else(|| Done {
            generation: pending.generation,
            path: None,
            purpose: Purpose::Open,
            result: Err(LoadError {
                file: pending.label,
                problems: vec![load::Problem::error(
                    "",
                    "加载意外中止",
                    "the load stopped unexpectedly",
                )],
            }),
        }))
    }

    /// The newest load's result, if it has come in; never blocks.
    pub fn poll(&mut self) -> Option<Done> {
        match self.task.as_mut()?.poll() {
            Poll::Ready(done) => self.finished(Some(done)),
            Poll::Pending => None,
            Poll::Finished => self.finished(None),
        }
    }

    /// Blocks until the newest load is done (at most `timeout`); for tests and
    /// for callers that must have the result before going on.
    pub fn wait(&mut self, timeout: Duration) -> Option<Done> {
        let done = self.task.as_mut()?.wait(timeout);
        match done {
            Some(d) => self.finished(Some(d)),
            None => None,
        }
    }

    /// Holds loads that start or are waiting until the returned guard is dropped.
    pub fn hold(&self) -> Hold {
        if let Ok(mut held) = self.gate.held.lock() {
            *held = true;
        }
        Hold(Arc::clone(&self.gate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_load_supersedes_an_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        std::fs::write(&a, crate::synth::json(3)).unwrap();
        std::fs::write(&b, crate::synth::json(5)).unwrap();
        let mut l = Loader::default();
        let hold = l.hold();
        l.start(None, Source::Path(a), Purpose::Open);
        l.start(None, Source::Path(b.clone()), Purpose::Open);
        assert!(l.poll().is_none(), "held");
        assert_eq!(l.pending().map(|p| p.generation), Some(2));
        drop(hold);
        let done = l.wait(Duration::from_secs(30)).expect("done");
        assert_eq!(done.path.as_deref(), Some(b.as_path()));
        assert_eq!(done.result.unwrap().dataset.clusters.len(), 5);
        // The older result, whenever it comes, is dropped.
        std::thread::sleep(Duration::from_millis(100));
        assert!(l.poll().is_none());
        assert!(l.pending().is_none());
    }
}
