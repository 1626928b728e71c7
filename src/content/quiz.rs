//! Scoring the training exercises fairly: the first answer to a question is the one that
//! counts (changing it afterwards shows the explanation, not a better score), and the
//! choices of a shuffled exercise come in an order drawn from the attempt's seed, kept in
//! the URL so that a reload or a shared link shows the same order.

use super::exercises::{Exercise, Pick, Question, Topic, EXERCISES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a trainee answered to one question: the first answer, which is scored, and the
/// latest, which is shown. Choices are indexes into `Question::choices`, in the written
/// order, so a shuffle never changes what an answer means.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Stored")]
pub struct Given {
    pub first: Vec<usize>,
    pub last: Vec<usize>,
}

/// How a `Given` is read: before first answers were kept, an answer was one index.
#[derive(Deserialize)]
#[serde(untagged)]
enum Stored {
    Now { first: Vec<usize>, last: Vec<usize> },
    Before(usize),
}

impl From<Stored> for Given {
    fn from(s: Stored) -> Given {
        match s {
            Stored::Now { first, last } => Given { first, last },
            Stored::Before(n) => Given {
                first: vec![n],
                last: vec![n],
            },
        }
    }
}

/// Answers given so far: exercise key → question key → what was answered.
pub type Answers = BTreeMap<String, BTreeMap<String, Given>>;

/// Records an answer (`choices`: the chosen indexes). Only the first one is scored.
pub fn answer(answers: &mut Answers, exercise: &str, question: &str, choices: Vec<usize>) {
    let mut choices = choices;
    choices.sort_unstable();
    choices.dedup();
    let given = answers
        .entry(exercise.to_string())
        .or_default()
        .entry(question.to_string())
        .or_insert_with(|| Given {
            first: choices.clone(),
            last: vec![],
        });
    given.last = choices;
}

/// What was answered to `q` of `exercise`, if anything.
pub fn given<'a>(answers: &'a Answers, exercise: &str, q: &Question) -> Option<&'a Given> {
    answers.get(exercise)?.get(q.key)
}

/// True when `chosen` is exactly the right answer: the one right choice, or for "choose
/// all that apply" every right choice and no other.
pub fn is_right(q: &Question, chosen: &[usize]) -> bool {
    let mut chosen = chosen.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    let mut right = q.right.to_vec();
    right.sort_unstable();
    match q.pick {
        Pick::One => chosen.len() == 1 && right.contains(&chosen[0]),
        Pick::All => chosen == right,
    }
}

/// (right, answered, total) for one exercise, by first answers.
pub fn score(ex: &Exercise, answers: &Answers) -> (usize, usize, usize) {
    let mut right = 0;
    let mut answered = 0;
    for q in ex.questions {
        if let Some(g) = given(answers, ex.key, q) {
            answered += 1;
            if is_right(q, &g.first) {
                right += 1;
            }
        }
    }
    (right, answered, ex.questions.len())
}

/// Right first answers and total questions across every exercise.
pub fn total_score(answers: &Answers) -> (usize, usize) {
    EXERCISES.iter().fold((0, 0), |(r, t), ex| {
        let (right, _, total) = score(ex, answers);
        (r + right, t + total)
    })
}

/// The order to show `q`'s choices in, for the attempt `seed`: the written order for an
/// exercise that keeps it, else a shuffle drawn from the seed and the question's key, so
/// that each question is shuffled differently and the same seed always gives the same.
pub fn order(ex: &Exercise, q: &Question, seed: u32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..q.choices.len()).collect();
    if !ex.shuffle {
        return order;
    }
    let mut state = q
        .key
        .bytes()
        .fold(u64::from(seed) ^ 0x9e37_79b9_7f4a_7c15, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
        | 1;
    // Fisher–Yates with xorshift: small, and the same on every platform.
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

/// How a trainee did on one topic, across every exercise: what to reread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicResult {
    pub topic: Topic,
    pub right: usize,
    pub answered: usize,
    pub total: usize,
    /// The prompts of the questions whose first answer was wrong.
    pub missed: Vec<&'static str>,
}

/// Per topic, in `Topic::ALL` order, only the topics some question covers.
pub fn summary(answers: &Answers) -> Vec<TopicResult> {
    let mut by_topic: BTreeMap<Topic, TopicResult> = BTreeMap::new();
    for ex in EXERCISES.iter() {
        for q in ex.questions {
            let r = by_topic.entry(q.topic).or_insert(TopicResult {
                topic: q.topic,
                right: 0,
                answered: 0,
                total: 0,
                missed: vec![],
            });
            r.total += 1;
            if let Some(g) = given(answers, ex.key, q) {
                r.answered += 1;
                if is_right(q, &g.first) {
                    r.right += 1;
                } else {
                    r.missed.push(q.prompt);
                }
            }
        }
    }
    by_topic.into_values().collect()
}

/// "A", "B", … for the `n`th choice shown: a room votes and a worksheet answers by letter.
pub fn letter(n: usize) -> char {
    char::from(b'A' + (n % 26) as u8)
}

/// A choice's text inside a sentence: without its own full stop, which the sentence adds
/// ("Answer: … . Because …" must not read "..").
pub fn in_sentence(choice: &str) -> &str {
    choice.trim_end_matches('.')
}
