//! Work off the UI thread, one way for all of it: loads, exports and slide
//! rasters. A [`Task`] runs a closure on its own thread; the closure reports
//! through a [`Sink`] (one message or many), each report asks egui for a
//! repaint, and dropping the task (a newer one superseding it) tells the
//! worker to stop and drops whatever it still sends.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

/// The worker's side: where it reports, and whether it should stop.
pub struct Sink<M> {
    tx: Sender<M>,
    ctx: Option<egui::Context>,
    cancel: Arc<AtomicBool>,
}

impl<M> Sink<M> {
    /// Reports `m`; false when nobody listens any more (stop then).
    pub fn send(&self, m: M) -> bool {
        let ok = self.tx.send(m).is_ok();
        if let Some(ctx) = &self.ctx {
            ctx.request_repaint();
        }
        ok && !self.cancelled()
    }

    /// The task was dropped or cancelled: its results are not wanted.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Work running on another thread, and its reports.
pub struct Task<M> {
    rx: Receiver<M>,
    cancel: Arc<AtomicBool>,
    /// The worker has finished (its sink is dropped) and every report is read.
    done: bool,
    pub started: Instant,
}

impl<M> Drop for Task<M> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// What [`Task::poll`] found.
pub enum Poll<M> {
    /// A report.
    Ready(M),
    /// Nothing yet; the worker still runs.
    Pending,
    /// The worker has finished and everything it sent was read.
    Finished,
}

impl<M: Send + 'static> Task<M> {
    /// Runs `work` on a new thread named `name`; `ctx` (when there is a
    /// window) is asked to repaint at each report. When no thread can be
    /// started, `failed` is the one report.
    pub fn spawn(
        name: &str,
        ctx: Option<&egui::Context>,
        work: impl FnOnce(&Sink<M>) + Send + 'static,
        failed: impl FnOnce(String) -> M,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let sink = Sink {
            tx: tx.clone(),
            ctx: ctx.cloned(),
            cancel: cancel.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || work(&sink));
        if let Err(e) = spawned {
            let _ = tx.send(failed(format!("could not start a worker thread: {e}")));
        }
        Self {
            rx,
            cancel,
            done: false,
            started: Instant::now(),
        }
    }
}

impl<M> Task<M> {
    /// The next report, if one has come; never blocks.
    pub fn poll(&mut self) -> Poll<M> {
        if self.done {
            return Poll::Finished;
        }
        match self.rx.try_recv() {
            Ok(m) => Poll::Ready(m),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => {
                self.done = true;
                Poll::Finished
            }
        }
    }

    /// The next report, waiting at most `timeout` (for tests and scripted use).
    pub fn wait(&mut self, timeout: Duration) -> Option<M> {
        if self.done {
            return None;
        }
        match self.rx.recv_timeout(timeout) {
            Ok(m) => Some(m),
            Err(RecvTimeoutError::Disconnected) => {
                self.done = true;
                None
            }
            Err(RecvTimeoutError::Timeout) => None,
        }
    }

    /// Asks the worker to stop; what it still sends is dropped with the task.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_reports_then_finishes() {
        let mut t = Task::spawn(
            "test",
            None,
            |s: &Sink<u32>| {
                s.send(1);
                s.send(2);
            },
            |_| 0,
        );
        assert_eq!(t.wait(Duration::from_secs(10)), Some(1));
        assert_eq!(t.wait(Duration::from_secs(10)), Some(2));
        assert_eq!(t.wait(Duration::from_secs(10)), None);
        assert!(matches!(t.poll(), Poll::Finished));
    }

    #[test]
    fn a_dropped_task_tells_its_worker_to_stop() {
        let (seen_tx, seen_rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let t = Task::spawn(
            "test",
            None,
            move |s: &Sink<u32>| {
                let _ = go_rx.recv();
                let _ = seen_tx.send(s.cancelled());
            },
            |_| 0,
        );
        drop(t);
        go_tx.send(()).unwrap();
        assert_eq!(seen_rx.recv_timeout(Duration::from_secs(10)), Ok(true));
    }
}
