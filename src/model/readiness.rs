//! The Definition of Ready: which of a product's rules an item still misses.

use super::workspace::{Item, ReadyRule};

pub fn meets(rule: ReadyRule, i: &Item) -> bool {
    match rule {
        ReadyRule::HasAcceptanceCriteria => !i.acceptance.is_empty(),
        ReadyRule::IsEstimated => i.estimate.is_some(),
        ReadyRule::HasParentFeature => i.feature.is_some(),
        ReadyRule::HasDescription => {
            !i.description.trim().is_empty() || !i.story.i_want.trim().is_empty()
        }
        ReadyRule::HasPriority => i.priority.is_some(),
    }
}

/// The rules `i` does not meet yet, in the checklist's order.
pub fn missing(rules: &[ReadyRule], i: &Item) -> Vec<ReadyRule> {
    rules.iter().copied().filter(|r| !meets(*r, i)).collect()
}

pub fn is_ready(rules: &[ReadyRule], i: &Item) -> bool {
    rules.iter().all(|r| meets(*r, i))
}
