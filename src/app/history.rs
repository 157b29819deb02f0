//! Undo and redo of changes to the comparison: which clusters, in what order,
//! the baseline and the chart metric. A bounded history of whole states, so
//! undoing never has to know how a change was made (picker, table, named view).

use std::collections::VecDeque;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::App;
use cc_ui::i18n::tr;

/// How many steps back the history reaches.
pub const LIMIT: usize = 100;

pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Redo as Windows users know it.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// One state of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub compare: Vec<String>,
    pub baseline: Option<usize>,
    pub metric: Option<String>,
}

/// States to go back to, and states undone that redo brings back.
#[derive(Default)]
pub struct History {
    undo: VecDeque<State>,
    redo: Vec<State>,
}

impl History {
    /// Forgets every step (another dataset: its ids are not these).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Remembers the state before a change; a new change forgets what was undone.
    pub fn record(&mut self, before: State) {
        if self.undo.back() != Some(&before) {
            self.undo.push_back(before);
            if self.undo.len() > LIMIT {
                self.undo.pop_front();
            }
        }
        self.redo.clear();
    }

    /// The state to go back to; `now` becomes redoable.
    pub fn undo(&mut self, now: State) -> Option<State> {
        let back = self.undo.pop_back()?;
        self.redo.push(now);
        Some(back)
    }

    /// The state undone last; `now` becomes undoable again.
    pub fn redo(&mut self, now: State) -> Option<State> {
        let next = self.redo.pop()?;
        self.undo.push_back(now);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl App {
    /// The comparison as undo sees it.
    pub(super) fn undo_state(&self) -> State {
        State {
            compare: self.settings.compare.clone(),
            baseline: self.settings.baseline,
            metric: self.settings.charts.metric.clone(),
        }
    }

    /// Records `before` when the comparison has changed since.
    pub(super) fn record_change(&mut self, before: State) {
        if self.undo_state() != before {
            self.history.record(before);
        }
    }

    /// Records a change of chart metric made by the charts view this frame.
    /// A metric reset because it no longer applies is not a user's change.
    pub(super) fn record_metric_change(&mut self, before: Option<String>) {
        if before == self.settings.charts.metric {
            return;
        }
        let was_shown = before
            .as_deref()
            .is_some_and(|k| self.comparison().row(k).is_some());
        if was_shown {
            let mut state = self.undo_state();
            state.metric = before;
            self.history.record(state);
        }
    }

    fn restore(&mut self, s: State) {
        self.presenter.reset();
        self.settings.compare = s.compare;
        self.settings.baseline = s.baseline;
        self.settings.charts.metric = s.metric;
        self.sanitise_selection();
    }

    /// Goes back one change of the comparison; false when there is none.
    pub fn undo(&mut self) -> bool {
        let now = self.undo_state();
        match self.history.undo(now) {
            Some(s) => {
                self.restore(s);
                true
            }
            None => false,
        }
    }

    /// Brings back the change undone last; false when there is none.
    pub fn redo(&mut self) -> bool {
        let now = self.undo_state();
        match self.history.redo(now) {
            Some(s) => {
                self.restore(s);
                true
            }
            None => false,
        }
    }

    /// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, unless a text field has the keys
    /// (there they undo typing).
    pub(super) fn undo_keys(&mut self, ctx: &egui::Context) {
        if ctx.text_edit_focused() {
            return;
        }
        // The longer shortcut first: Ctrl+Z also matches Ctrl+Shift+Z logically.
        if ctx.input_mut(|i| i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y)) {
            self.redo();
        } else if ctx.input_mut(|i| i.consume_shortcut(&UNDO)) {
            self.undo();
        }
    }

    /// The Edit menu.
    pub(super) fn edit_menu(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.menu_button(tr(lang, "编辑", "Edit"), |ui| {
            let undo = egui::Button::new(tr(lang, "撤销对比更改", "Undo comparison change"))
                .shortcut_text(ui.ctx().format_shortcut(&UNDO));
            if ui.add_enabled(self.history.can_undo(), undo).clicked() {
                self.undo();
            }
            let redo = egui::Button::new(tr(lang, "重做", "Redo"))
                .shortcut_text(ui.ctx().format_shortcut(&REDO));
            if ui.add_enabled(self.history.can_redo(), redo).clicked() {
                self.redo();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ids: &[&str]) -> State {
        State {
            compare: ids.iter().map(|s| (*s).to_owned()).collect(),
            baseline: None,
            metric: None,
        }
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::default();
        h.record(s(&["a"]));
        h.record(s(&["a", "b"]));
        assert_eq!(h.undo(s(&["b"])), Some(s(&["a", "b"])));
        assert_eq!(h.undo(s(&["a", "b"])), Some(s(&["a"])));
        assert_eq!(h.undo(s(&["a"])), None);
        assert_eq!(h.redo(s(&["a"])), Some(s(&["a", "b"])));
        assert!(h.can_undo() && h.can_redo());
    }

    #[test]
    fn a_new_change_forgets_the_undone() {
        let mut h = History::default();
        h.record(s(&["a"]));
        h.undo(s(&["a", "b"]));
        assert!(h.can_redo());
        h.record(s(&["a"]));
        assert!(!h.can_redo());
    }

    #[test]
    fn the_history_is_bounded() {
        let mut h = History::default();
        for i in 0..LIMIT + 20 {
            h.record(s(&[&i.to_string()]));
        }
        let mut n = 0;
        while h.undo(s(&[])).is_some() {
            n += 1;
        }
        assert_eq!(n, LIMIT);
    }
}
