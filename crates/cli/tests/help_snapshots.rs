//! Snapshot tests of `cognito-idp help` and `cognito-idp resend-confirmation-code help`, and checks that the
//! operation's manual is driven by the contract tables.
//!
//! The snapshots live in `tests/snapshots/`; after a deliberate change, review them with `cargo insta review`
//! (or `INSTA_UPDATE=always cargo test -p cognito-idp-cli --test help_snapshots`, then read the diff).

use cognito_idp_cli::docs::help::{WIDTH, html_to_text, operation_manual, service_manual};
use cognito_idp_client::contract;
use cognito_idp_client::model::ShapeKind;

#[test]
fn the_operation_manual_matches_its_snapshot() {
    insta::assert_snapshot!("operation_manual", operation_manual());
}

#[test]
fn the_service_manual_matches_its_snapshot() {
    insta::assert_snapshot!("service_manual", service_manual());
}

#[test]
fn every_input_member_documentation_appears_as_rendered() {
    let manual = operation_manual();
    let ShapeKind::Structure(input) = &contract::INPUT.kind else { panic!("the input shape is a structure") };
    assert!(!input.members.is_empty());
    for member in input.members {
        let rendered = html_to_text(member.doc, 10, WIDTH);
        assert!(!rendered.is_empty(), "{} has documentation", member.name);
        assert!(manual.contains(&rendered), "the manual lacks the documentation of {}:\n{rendered}", member.name);
    }
}

#[test]
fn every_output_member_and_example_appears() {
    let manual = operation_manual();
    let output = manual.split("\nOUTPUT\n").nth(1).unwrap_or_default();
    let ShapeKind::Structure(shape) = &contract::OUTPUT.kind else { panic!("the output shape is a structure") };
    for member in shape.members {
        let type_name = match member.shape.kind {
            ShapeKind::String(_) => "string",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Map(_) => "map",
        };
        let heading = format!("       {} -> ({type_name})\n{}", member.name, html_to_text(member.doc, 10, WIDTH));
        assert!(output.contains(&heading), "OUTPUT lacks {heading:?}");
    }
    for example in contract::EXAMPLES {
        assert!(manual.contains(&format!("\n       {}\n", example.summary)), "{}", example.name);
    }
}

#[test]
fn the_manuals_keep_the_reference_section_order() {
    let manual = operation_manual();
    let headings: Vec<&str> =
        manual.lines().filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_uppercase())).collect();
    assert_eq!(headings, ["NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES", "OUTPUT"]);
    let service = service_manual();
    let headings: Vec<&str> =
        service.lines().filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_uppercase())).collect();
    assert_eq!(headings, ["NAME", "DESCRIPTION", "SYNOPSIS", "AVAILABLE COMMANDS"]);
}
