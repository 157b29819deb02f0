//! The app's work off the UI thread (loads, exports; the presenter's slide
//! rasters) all goes through one helper, [`cc_ui::task::Task`]: it lives in the
//! ui layer because the presenter uses it too. This module is the shell's
//! name for it, and the export task.

pub use cc_ui::task::{Poll, Sink, Task};

/// How an export ended: its message for the status bar, and whether it wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub message: super::Status,
    pub ok: bool,
}
