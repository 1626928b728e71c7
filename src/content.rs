//! What the explainer and training teach, written in the project's own words, with the
//! article each fact comes from. Pure data, so tests can check every point has a source.

/// An article the facts come from (DESIGN.md's seeds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub key: &'static str,
    pub title: &'static str,
    pub author: &'static str,
}

pub const SOURCES: [Source; 5] = [
    Source { key: "paquet", title: "Product Manager vs Product Owner", author: "Judicaël Paquet, agile coach" },
    Source { key: "guide", title: "Product Manager vs Product Owner", author: "a guide with a side-by-side table" },
    Source { key: "runyan", title: "Product Owner OR Product Manager?", author: "Kristin Runyan, with readers' comments" },
    Source {
        key: "hipcv",
        title: "Product manager vs product owner: Is the product manager higher than the product owner?",
        author: "hipCV",
    },
    Source {
        key: "teaminal",
        title: "Product Manager vs. Product Owner: Key Differences",
        author: "Maria Garcia, Teaminal, March 14, 2024",
    },
];

pub fn source(key: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.key == key)
}

/// One row of the side-by-side comparison.
#[derive(Clone, Copy, Debug)]
pub struct Dimension {
    pub key: &'static str,
    pub name: &'static str,
    pub pm: &'static str,
    pub pm_more: &'static str,
    pub po: &'static str,
    pub po_more: &'static str,
    pub sources: &'static [&'static str],
}

pub const DIMENSIONS: [Dimension; 8] = [
    Dimension {
        key: "horizon",
        name: "Horizon",
        pm: "Long term: where the product should be in two years or more.",
        pm_more: "The PM follows the product from its conception to its launch and beyond, and plans for the markets it will meet years from now.",
        po: "Short term: this sprint and the next few.",
        po_more: "The PO cares about what the team delivers in each increment, sprint by sprint.",
        sources: &["guide", "runyan", "teaminal"],
    },
    Dimension {
        key: "stance",
        name: "Stance",
        pm: "Strategic and outward: customers, market trends, competitors, the leaders of client organisations.",
        pm_more: "The answers a PM needs are mostly outside the building: client interviews, analyst reports, what competitors are doing.",
        po: "Tactical, often technical, and inward: the success of the Scrum team.",
        po_more: "Ideally the PO sits with the team, is easy to reach, and can discuss technical options with the developers.",
        sources: &["runyan", "teaminal"],
    },
    Dimension {
        key: "questions",
        name: "Questions",
        pm: "Why, for whom, and what.",
        pm_more: "The PM decides why the product exists, who it serves and what gets built or changed.",
        po: "How, and in what order.",
        po_more: "The PO turns the what into concrete steps the team can take, and orders them.",
        sources: &["hipcv"],
    },
    Dimension {
        key: "levels",
        name: "Backlog levels",
        pm: "The top of the backlog: themes and features.",
        pm_more: "The PM works where the backlog is coarse: areas of investment and the features inside them.",
        po: "The detail: user stories, technical tasks, spikes and bugs.",
        po_more: "The PO matures each story: writes it, analyses it and sees it through development.",
        sources: &["paquet", "guide"],
    },
    Dimension {
        key: "artefacts",
        name: "Artefacts",
        pm: "Vision, strategy, roadmap, a product vision card, OKRs for each product.",
        pm_more: "Where a company works with OKRs, the PM may write each product's objectives so that they serve the objectives above them.",
        po: "The product backlog, the sprint backlog, epics and user stories.",
        po_more: "The PO creates and keeps the product backlog and makes the product vision actionable through it.",
        sources: &["paquet", "guide", "hipcv"],
    },
    Dimension {
        key: "people",
        name: "People",
        pm: "Top management, stakeholders, marketing, sales, design and engineering; the budget and the priorities across products.",
        pm_more: "The PM is usually management's main contact, often holds the product budget and negotiates with stakeholders.",
        po: "The development team (developers, designers, testers) and the product's users; the final say on the backlog.",
        po_more: "Anyone who wants the backlog changed has to convince the PO, who decides.",
        sources: &["paquet", "guide", "hipcv", "teaminal"],
    },
    Dimension {
        key: "scrum",
        name: "Place in the Scrum team",
        pm: "Not a member of the Scrum team; comes to sprint reviews to see progress.",
        pm_more: "The PM follows the work from outside the team, mainly through its reviews.",
        po: "A full member of the Scrum team.",
        po_more: "Being fully inside the team lets the PO be there whenever the developers need an answer.",
        sources: &["paquet", "guide"],
    },
    Dimension {
        key: "relation",
        name: "Relation to each other",
        pm: "Not the PO's manager: the two negotiate all the time.",
        pm_more: "There is no reporting line between them; they cover the product together.",
        po: "Accountable for the backlog, even for the work delegated to others.",
        po_more: "The PO may hand backlog work to others in the Scrum team but stays accountable for it and for the value delivered.",
        sources: &["paquet", "guide"],
    },
];

/// What each level of the hierarchy is, for the ladder.
pub fn level_blurb(level: crate::model::Level) -> &'static str {
    use crate::model::Level::*;
    match level {
        Portfolio => "Several products and the links between them; a PM often spans more than one.",
        Product => "Its vision (for whom, what need, what product, what difference), its goal and its budget.",
        Objective => "Objectives with measurable key results, one set per product.",
        Theme => "A strategic area of investment, linked to an objective.",
        Feature => "What to build and why (PM); broken down into backlog items (PO).",
        Item => "User stories, technical tasks, spikes and bugs, in rank order, with acceptance criteria.",
        Sprint => "A goal, dates and a capacity; the items the team plans into it.",
    }
}

/// Who a responsibility belongs to, in the "Which hat?" exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Pm,
    Po,
    Both,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Pm, Answer::Po, Answer::Both];
    pub fn label(self) -> &'static str {
        match self {
            Answer::Pm => "Product Manager",
            Answer::Po => "Product Owner",
            Answer::Both => "Both",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Answer::Pm => "pm",
            Answer::Po => "po",
            Answer::Both => "both",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Responsibility {
    pub key: &'static str,
    pub text: &'static str,
    pub answer: Answer,
    pub why: &'static str,
    pub source: &'static str,
}

pub const WHICH_HAT: [Responsibility; 6] = [
    Responsibility { key: "vision2y", text: "Decide where the product should be in two years", answer: Answer::Pm, why: "The long-term plan for the product, and often the portfolio, is the PM's.", source: "runyan" },
    Responsibility { key: "order", text: "Have the final say on the order of the product backlog", answer: Answer::Po, why: "Whoever wants the backlog changed has to convince the PO, who decides.", source: "guide" },
    Responsibility { key: "okrs", text: "Write each product's OKRs so they serve the company's", answer: Answer::Pm, why: "Where a company uses OKRs, the PM may set them per product, in line with the level above.", source: "paquet" },
    Responsibility { key: "standup", text: "Attend the daily stand-up regularly", answer: Answer::Po, why: "POs often join stand-ups to answer questions on the items in progress; PMs rarely do.", source: "teaminal" },
    Responsibility { key: "stories", text: "Write user stories and their acceptance criteria", answer: Answer::Po, why: "Maturing stories — creating, analysing and seeing them through — is the PO's work.", source: "paquet" },
    Responsibility { key: "value", text: "Focus on the product's success and the business value it brings", answer: Answer::Both, why: "Both roles are wholly focused on the product's success and its value to the company.", source: "runyan" },
];

/// Correct answers among the given `(responsibility key, answer)` pairs.
pub fn score(answers: &[(String, Answer)]) -> usize {
    answers
        .iter()
        .filter(|(k, a)| WHICH_HAT.iter().any(|r| r.key == k && r.answer == *a))
        .count()
}
