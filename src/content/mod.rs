//! What the explainer and training teach, written in the project's own words, with the
//! article each fact comes from. Pure data, so tests can check every point has a source.

/// An article the facts come from (DESIGN.md's seeds), or the Scrum Guide, which is cited
/// only where it says otherwise than an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub key: &'static str,
    pub title: &'static str,
    pub author: &'static str,
}

pub const SOURCES: [Source; 6] = [
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
    Source {
        key: "scrum-guide",
        title: "The Scrum Guide",
        author: "Ken Schwaber and Jeff Sutherland, November 2020",
    },
];

/// The Scrum Guide's sentence on the sprint backlog, beside the article that gives it to the PO.
pub const GUIDE_ON_SPRINT_BACKLOG: Differs = Differs {
    text: "\"The Sprint Backlog is a plan by and for the Developers.\" In Scrum's own terms the sprint backlog is the Developers' plan; the Product Owner does not keep it.",
    source: "scrum-guide",
};

/// The Scrum Guide's sentence on the daily stand-up, beside the article that has the PO
/// attend it regularly.
pub const GUIDE_ON_DAILY_SCRUM: Differs = Differs {
    text: "\"The Daily Scrum is a 15-minute event for the Developers of the Scrum Team.\" In Scrum's own terms the stand-up belongs to the Developers: it is not the Product Owner's event, nor the Product Manager's.",
    source: "scrum-guide",
};

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
    /// Where the Scrum Guide says otherwise than the articles on the PO's side: shown
    /// beside it, so that a trainee preparing for a Scrum assessment is not misled.
    pub po_differs: Option<Differs>,
}

pub const DIMENSIONS: [Dimension; 10] = [
    Dimension {
        key: "role",
        name: "The role",
        pm: "Often called the \"CEO of the product\": works where business, technology and user experience meet.",
        pm_more: "The PM weighs what the business, the technology and the users need against each other and takes the hard decisions; it is the PM who sets the goals, decides what counts as success, motivates the teams and answers for the result. Yet the role has no exact definition: where its line with the PO falls is not quite the same from one company to the next, though each company should draw it clearly.",
        po: "A Scrum team role: answers for what the product achieves and for making it as valuable as it can be.",
        po_more: "From inside the team, the PO makes the product's vision and goal clear to everyone, and keeps finding, measuring and raising the value it delivers for as long as the product lives.",
        sources: &["guide", "paquet"],
        po_differs: None,
    },
    Dimension {
        key: "horizon",
        name: "Horizon",
        pm: "Long term: where the product should be in two years or more.",
        pm_more: "The PM follows the product from its conception to its launch and beyond, and plans for the markets it will meet years from now.",
        po: "Short term: this sprint and the next few.",
        po_more: "The PO cares about what the team delivers in each increment, sprint by sprint.",
        sources: &["guide", "runyan", "teaminal"],
        po_differs: None,
    },
    Dimension {
        key: "stance",
        name: "Stance",
        pm: "Strategic and outward: customers, market trends, competitors, the leaders of client organisations.",
        pm_more: "The answers a PM needs are mostly outside the building: client interviews, analyst reports, what competitors are doing.",
        po: "Tactical, often technical, and inward: the success of the Scrum team.",
        po_more: "Ideally the PO sits with the team, is easy to reach, and can discuss technical options with the developers.",
        sources: &["runyan", "teaminal"],
        po_differs: None,
    },
    Dimension {
        key: "questions",
        name: "Questions",
        pm: "Why, for whom, and what.",
        pm_more: "The PM decides why the product exists, who it serves and what gets built or changed.",
        po: "How, and in what order.",
        po_more: "The PO turns the what into concrete steps the team can take, and orders them.",
        sources: &["hipcv"],
        po_differs: None,
    },
    Dimension {
        key: "scope",
        name: "Scope",
        pm: "Usually broader than the PO's; how broad depends on the company's size and the product's stage.",
        pm_more: "The size of the company and the make-up of the team around the PM set how wide the job is. Early in a product's life the PM concentrates on its approach and on defining its vision; once customers have it, its functions, market study and users' reviews take more of the PM's time. In a large organisation researchers, analysts and marketers help, and the PM spends more time getting stakeholders behind one vision; in a small one, less time agreeing and more on hands-on work.",
        po: "Narrower: the product team's day-to-day work.",
        po_more: "The PO is far more involved than the PM in what the product team does every day.",
        sources: &["hipcv", "guide"],
        po_differs: None,
    },
    Dimension {
        key: "levels",
        name: "Backlog levels",
        pm: "The top of the backlog: themes and features.",
        pm_more: "The PM works where the backlog is coarse: areas of investment and the features inside them.",
        po: "The detail: user stories, technical tasks, spikes and bugs.",
        po_more: "The PO matures each story: writes it, analyses it and sees it through development.",
        sources: &["paquet", "guide"],
        po_differs: None,
    },
    Dimension {
        key: "artefacts",
        name: "Artefacts",
        pm: "Vision, strategy, roadmap, a product vision card, OKRs for each product.",
        pm_more: "Where a company works with OKRs, the PM may write each product's objectives so that they serve the objectives above them.",
        po: "The product backlog, the sprint backlog, epics and user stories.",
        po_more: "The PO creates and keeps the product backlog and makes the product vision actionable through it.",
        sources: &["paquet", "guide", "hipcv"],
        po_differs: Some(GUIDE_ON_SPRINT_BACKLOG),
    },
    Dimension {
        key: "people",
        name: "People",
        pm: "Top management, stakeholders, marketing, sales, design and engineering; the budget and the priorities across products.",
        pm_more: "The PM is usually management's main contact, often holds the product budget and negotiates with stakeholders.",
        po: "The development team (developers, designers, testers) and the product's users; the final say on the backlog.",
        po_more: "Anyone who wants the backlog changed has to convince the PO, who decides.",
        sources: &["paquet", "guide", "hipcv", "teaminal"],
        po_differs: None,
    },
    Dimension {
        key: "scrum",
        name: "Place in the Scrum team",
        pm: "Not a member of the Scrum team; comes to sprint reviews to see progress.",
        pm_more: "The PM follows the work from outside the team, mainly through its reviews.",
        po: "A full member of the Scrum team.",
        po_more: "Being fully inside the team lets the PO be there whenever the developers need an answer.",
        sources: &["paquet", "guide"],
        po_differs: None,
    },
    Dimension {
        key: "relation",
        name: "Relation to each other",
        pm: "Not the PO's manager: the two negotiate all the time.",
        pm_more: "There is no reporting line between them; they cover the product together.",
        po: "Accountable for the backlog, even for the work delegated to others.",
        po_more: "The PO may hand backlog work to others in the Scrum team but stays accountable for it and for the value delivered.",
        sources: &["paquet", "guide"],
        po_differs: None,
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
    /// Where the Scrum Guide says otherwise than the articles on the PO's part: shown
    /// beside it.
    pub po_differs: Option<Differs>,
}

/// The Scrum events, then the PM's own ceremony. The ceremonies exercise offers these names
/// in this order, and stored answers are indexes into it: add at the end.
pub const CEREMONIES: [Ceremony; 6] = [
    Ceremony {
        key: "standup",
        name: "Daily stand-up",
        pm: Involvement::Rarely,
        pm_role: "Usually stays away: the stand-up is for the team to sync its next day. Comes only when the team needs clarity on vision or priorities.",
        po: Involvement::Often,
        po_role: "Joins regularly to follow progress and to answer questions or clear blockers on the items in progress.",
        sources: &["teaminal"],
        po_differs: Some(GUIDE_ON_DAILY_SCRUM),
    },
    Ceremony {
        key: "planning",
        name: "Sprint planning",
        pm: Involvement::Sometimes,
        pm_role: "May join to give context on strategy and priorities, so the sprint serves the long-term goals. Leaves the detail to the team and the PO.",
        po: Involvement::Leads,
        po_role: "Presents the ordered backlog items, explains each one's criteria for success and helps the team understand what it commits to.",
        sources: &["teaminal"],
        po_differs: None,
    },
    Ceremony {
        key: "refinement",
        name: "Backlog refinement",
        pm: Involvement::Sometimes,
        pm_role: "May check that the backlog still follows the strategy and the market, and brings customer feedback or market changes.",
        po: Involvement::Leads,
        po_role: "Leads it: details, estimates and orders items with the team, so the next sprints have well-understood, well-sized work.",
        sources: &["teaminal"],
        po_differs: None,
    },
    Ceremony {
        key: "review",
        name: "Sprint review",
        pm: Involvement::Often,
        pm_role: "Not a member of the Scrum team, but comes to the reviews to see how the work is progressing.",
        po: Involvement::Often,
        po_role: "Takes part, as in the other Scrum events, to guide and adjust the team's direction.",
        sources: &["paquet", "teaminal"],
        po_differs: None,
    },
    Ceremony {
        key: "retro",
        name: "Retrospective",
        pm: Involvement::Rarely,
        pm_role: "Joins occasionally to understand what helps or hinders delivery and quality; rarely essential.",
        po: Involvement::Often,
        po_role: "Usually takes part: what went well, what didn't, and actions — especially on the backlog and sprint planning.",
        sources: &["teaminal"],
        po_differs: None,
    },
    Ceremony {
        key: "research",
        name: "Product research and exploration",
        pm: Involvement::Leads,
        pm_role: "The PM's own ceremony: oversees the exploration, brings the team in, and steers the talk to what customers need and where the market falls short. hipCV also names a \"product breakthrough\" ceremony, bound up with setting the vision and brainstorming the product's approach.",
        po: Involvement::Sometimes,
        po_role: "No set part: the PM invites members of the product team to take part, and the team gains from joining regularly.",
        sources: &["hipcv"],
        po_differs: None,
    },
];

/// A debate the explainer presents with both sides, without settling it.
#[derive(Clone, Copy, Debug)]
pub struct Debate {
    pub key: &'static str,
    pub question: &'static str,
    /// The headings of the two sides ("Yes, or sometimes" / "No" for most).
    pub yes_label: &'static str,
    pub yes: &'static str,
    pub yes_sources: &'static [&'static str],
    pub no_label: &'static str,
    pub no: &'static str,
    pub no_sources: &'static [&'static str],
}

pub const DEBATES: [Debate; 3] = [
    Debate {
        key: "both-hats",
        question: "Can one person wear both hats?",
        yes_label: "Yes, or sometimes",
        yes: "Small organisations often merge the two roles for lack of people, one person covering strategy and tactics. A reader of Runyan's article suggests one person for a first version, while the product takes shape through constant feedback, then a split once it is released.",
        yes_sources: &["teaminal", "runyan"],
        no_label: "No",
        no: "After nearly three years doing both, Kristin Runyan concludes it is an \"or\": the PO must look inward at the team, the PM outward at the market, and doing both at once is counter-productive.",
        no_sources: &["runyan"],
    },
    Debate {
        key: "po-is-pm",
        question: "Is the Product Owner a kind of Product Manager?",
        yes_label: "Yes, or sometimes",
        yes: "One guide calls the PO a type of PM — more tactical and more internal-facing — who keeps the product on track in an agile organisation; the two overlap and are often misnamed in start-ups.",
        yes_sources: &["guide"],
        no_label: "No",
        no: "Others describe two distinct jobs with different focus, reading and contacts: complementary roles, not one inside the other.",
        no_sources: &["runyan", "paquet"],
    },
    Debate {
        key: "higher",
        question: "Is the Product Manager higher than the Product Owner?",
        yes_label: "Broader, not higher",
        yes: "hipCV's title asks the question, but the article never calls the PM higher. It says only that the PM's scope is usually broader: the PM decides why, for whom and what and makes the major strategy decisions, while the PO decides how and is far more involved in the team's everyday work.",
        yes_sources: &["hipcv"],
        no_label: "No",
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
            "Watch for the outward, long-term work being crowded out by the sprint's daily needs. Block time for customers and the market. Kristin Runyan combined the roles for nearly three years and concluded that doing both at once is counter-productive.",
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

/// Questions for a room to discuss after the debates: each asks trainees to hold what the
/// articles say against their own organisation, so they have no right answer.
pub const DISCUSSION_PROMPTS: [&str; 5] = [
    "Who decides the order of your backlog today, and whom would you have to convince to change it?",
    "Which outward work — customers, the market, competitors — gets crowded out when a sprint is busy? What would protect time for it?",
    "If one person wears both hats in your team, which hat gets less of the week, and what would tell you so?",
    "Who changes your sprint backlog during a sprint? Set that beside the Scrum Guide's \"a plan by and for the Developers\".",
    "Which ceremonies does your Product Manager attend, and which would be worth their time?",
];
