//! The room's running order: a start slide, every exercise's questions, a vote on each
//! debate, and an end slide. Plain data over `content`, so a slide's number in the URL
//! always means the same slide.

use crate::content::{Debate, Exercise, Question, DEBATES, EXERCISES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Start,
    Question { ex: usize, q: usize },
    Debate(usize),
    End,
}

/// The answers the room votes on in a debate, in this order.
pub const DEBATE_CHOICES: [&str; 3] = ["Yes", "No", "It depends"];

impl Slide {
    pub fn question(self) -> Option<(Exercise, Question)> {
        match self {
            Slide::Question { ex, q } => {
                let e = EXERCISES[ex];
                Some((e, e.questions[q]))
            }
            _ => None,
        }
    }

    pub fn debate(self) -> Option<Debate> {
        match self {
            Slide::Debate(d) => Some(DEBATES[d]),
            _ => None,
        }
    }

    /// Whether the room votes on it (and so has answers to reveal).
    pub fn votes(self) -> bool {
        matches!(self, Slide::Question { .. } | Slide::Debate(_))
    }

    /// The part of the session it belongs to, for the top bar.
    pub fn part(self) -> &'static str {
        match self {
            Slide::Start | Slide::End => "Room mode",
            Slide::Question { ex, .. } => EXERCISES[ex].title,
            Slide::Debate(_) => "Debates",
        }
    }
}

pub fn slides() -> Vec<Slide> {
    let mut all = vec![Slide::Start];
    for (ex, e) in EXERCISES.iter().enumerate() {
        all.extend((0..e.questions.len()).map(|q| Slide::Question { ex, q }));
    }
    all.extend((0..DEBATES.len()).map(Slide::Debate));
    all.push(Slide::End);
    all
}

/// The first slide of each part, for the start slide's jumps: (title, slide index).
pub fn parts() -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    for (n, s) in slides().into_iter().enumerate() {
        if s.votes() && out.last().is_none_or(|(p, _)| *p != s.part()) {
            out.push((s.part(), n));
        }
    }
    out
}
