//! Trainer mode: decks of scenarios, their verdicts from the policy's own
//! answers, quiz scores, demo links and the handout.

pub mod card;
pub mod deck;
pub mod decks;
pub mod demo;
pub mod fullscreen;
pub mod handout;
pub mod page;
pub mod score;
pub mod share;
pub mod verdict;
pub mod vote;
