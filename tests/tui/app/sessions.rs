//! Any sequence of actions at any size keeps the state consistent, and drawing works.

use proptest::prelude::*;
use relais::tui::action::Action;
use tui_input::InputRequest;
use tui_support::{app, draw};

use super::assert_invariants;
use crate::support::tui as tui_support;

// --- any sequence ----------------------------------------------------------------------------

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        prop::sample::select(vec![
            Action::SelectNext,
            Action::SelectPrev,
            Action::SelectFirst,
            Action::SelectLast,
            Action::PageDown,
            Action::PageUp,
            Action::Open,
            Action::Back,
            Action::Forward,
            Action::Escape,
            Action::FocusNext,
            Action::FocusPrev,
            Action::FocusSearch,
            Action::ScrollDown,
            Action::ScrollBottom,
            Action::NextTab,
            Action::CycleFilter,
            Action::StartFind,
            Action::FindNext,
            Action::FindPrev,
            Action::CopyAnswer,
            Action::CopyPhone,
            Action::ToggleQr,
            Action::ToggleHelp,
            Action::ToggleTheme,
        ]),
        (0usize..12).prop_map(Action::FollowLink),
        prop::sample::select(vec!['e', 'r', 'o', 'i', ' ', 'é', 'z'])
            .prop_map(|c| Action::Edit(InputRequest::InsertChar(c))),
        Just(Action::Edit(InputRequest::DeletePrevChar)),
        (1u16..130, 1u16..45).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..130, 0u16..45).prop_map(|(x, y)| Action::Click(x, y)),
        (0u16..130, 0u16..45, -3i8..4).prop_map(|(x, y, d)| Action::Wheel(x, y, d)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the user does, at whatever size, the state stays consistent and drawing works.
    #[test]
    fn any_sequence_keeps_the_invariants(actions in prop::collection::vec(any_action(), 1..40)) {
        let mut app = app(80, 24);
        for action in actions {
            app.update(action);
            assert_invariants(&app);
            draw(&app);
        }
    }
}
