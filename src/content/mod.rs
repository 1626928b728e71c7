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

/// "Source: “title” — author", for a source key (empty for an unknown one).
pub fn cited(key: &str) -> String {
    source(key)
        .map(|s| format!("Source: “{}” — {}", s.title, s.author))
        .unwrap_or_default()
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

/// How involved a role typically is in a ceremony.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Involvement {
    Rarely,
    Sometimes,
    Often,
    Leads,
}

impl Involvement {
    pub fn label(self) -> &'static str {
        match self {
            Involvement::Rarely => "Rarely",
            Involvement::Sometimes => "Sometimes",
            Involvement::Often => "Often",
            Involvement::Leads => "Leads",
        }
    }
    /// 1–4, for drawing the level as a meter.
    pub fn level(self) -> u8 {
        match self {
            Involvement::Rarely => 1,
            Involvement::Sometimes => 2,
            Involvement::Often => 3,
            Involvement::Leads => 4,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Ceremony {
    pub key: &'static str,
    pub name: &'static str,
    pub pm: Involvement,
    pub pm_role: &'static str,
    pub po: Involvement,
    pub po_role: &'static str,
    pub sources: &'static [&'static str],
}

pub const CEREMONIES: [Ceremony; 5] = [
    Ceremony {
        key: "standup",
        name: "Daily stand-up",
        pm: Involvement::Rarely,
        pm_role: "Usually stays away: the stand-up is for the team to sync its next day. Comes only when the team needs clarity on vision or priorities.",
        po: Involvement::Often,
        po_role: "Joins regularly to follow progress and to answer questions or clear blockers on the items in progress.",
        sources: &["teaminal"],
    },
    Ceremony {
        key: "planning",
        name: "Sprint planning",
        pm: Involvement::Sometimes,
        pm_role: "May join to give context on strategy and priorities, so the sprint serves the long-term goals. Leaves the detail to the team and the PO.",
        po: Involvement::Leads,
        po_role: "Presents the ordered backlog items, explains each one's criteria for success and helps the team understand what it commits to.",
        sources: &["teaminal"],
    },
    Ceremony {
        key: "refinement",
        name: "Backlog refinement",
        pm: Involvement::Sometimes,
        pm_role: "May check that the backlog still follows the strategy and the market, and brings customer feedback or market changes.",
        po: Involvement::Leads,
        po_role: "Leads it: details, estimates and orders items with the team, so the next sprints have well-understood, well-sized work.",
        sources: &["teaminal"],
    },
    Ceremony {
        key: "review",
        name: "Sprint review",
        pm: Involvement::Often,
        pm_role: "Not a member of the Scrum team, but comes to the reviews to see how the work is progressing.",
        po: Involvement::Often,
        po_role: "Takes part, as in the other Scrum events, to guide and adjust the team's direction.",
        sources: &["paquet", "teaminal"],
    },
    Ceremony {
        key: "retro",
        name: "Retrospective",
        pm: Involvement::Rarely,
        pm_role: "Joins occasionally to understand what helps or hinders delivery and quality; rarely essential.",
        po: Involvement::Often,
        po_role: "Usually takes part: what went well, what didn't, and actions — especially on the backlog and sprint planning.",
        sources: &["teaminal"],
    },
];

/// A debate the explainer presents with both sides, without settling it.
#[derive(Clone, Copy, Debug)]
pub struct Debate {
    pub key: &'static str,
    pub question: &'static str,
    pub yes: &'static str,
    pub yes_sources: &'static [&'static str],
    pub no: &'static str,
    pub no_sources: &'static [&'static str],
}

pub const DEBATES: [Debate; 3] = [
    Debate {
        key: "both-hats",
        question: "Can one person wear both hats?",
        yes: "Small organisations often merge the two roles for lack of people, one person covering strategy and tactics. A reader of Runyan's article suggests one person for a first version, while the product takes shape through constant feedback, then a split once it is released.",
        yes_sources: &["teaminal", "runyan"],
        no: "After nearly three years doing both, Kristin Runyan concludes it is an \"or\": the PO must look inward at the team, the PM outward at the market, and doing both at once is counter-productive.",
        no_sources: &["runyan"],
    },
    Debate {
        key: "po-is-pm",
        question: "Is the Product Owner a kind of Product Manager?",
        yes: "One guide calls the PO a type of PM — more tactical and more internal-facing — who keeps the product on track in an agile organisation; the two overlap and are often misnamed in start-ups.",
        yes_sources: &["guide"],
        no: "Others describe two distinct jobs with different focus, reading and contacts: complementary roles, not one inside the other.",
        no_sources: &["runyan", "paquet"],
    },
    Debate {
        key: "higher",
        question: "Is the Product Manager higher than the Product Owner?",
        yes: "The PM's scope is usually broader: the PM decides why, for whom and what, makes the major strategy decisions, while the PO decides how.",
        yes_sources: &["hipcv"],
        no: "There is no managerial link: the PM is not the PO's manager, and the two negotiate continuously to cover the whole product together.",
        no_sources: &["paquet"],
    },
];

/// What each organisation setting means for who does what.
pub fn org_guidance(
    setting: crate::model::RoleSetting,
) -> (&'static str, &'static str, &'static [&'static str]) {
    use crate::model::RoleSetting::*;
    match setting {
        Separate => (
            "Two people. The PM owns the vision, OKRs, themes, features and the roadmap; the PO owns the backlog, the stories and the sprints.",
            "Watch for the two drifting apart. Neither reports to the other: keep negotiating, and make the PM's strategy visible in the backlog.",
            &["paquet", "teaminal"],
        ),
        OnePerson => (
            "One person wears both hats — common in start-ups and small teams for lack of people.",
            "Watch for the outward, long-term work being crowded out by the sprint's daily needs. Block time for customers and the market; Runyan argues this combination does not hold for long.",
            &["teaminal", "runyan"],
        ),
        NoPm => (
            "No Product Manager: the Product Owner takes on all of the PM's work, sometimes with business analysts to help.",
            "Watch for strategy going unowned while the backlog is busy: vision, OKRs and the roadmap still need someone's time.",
            &["paquet"],
        ),
    }
}

mod exercises;
mod quiz;

pub use exercises::*;
pub use quiz::*;
