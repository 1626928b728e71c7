//! The training exercises: every question with its choices, the right ones, why, and the
//! article that says so. Pure data; `quiz` scores what a trainee answers.

/// How many choices an answer takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// One choice: a radio group.
    One,
    /// "Choose all that apply": right when exactly the right set is chosen.
    All,
}

/// What a question is about, for the results summary: what to reread, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Topic {
    Strategy,
    Backlog,
    Team,
    Ceremonies,
    Relationship,
    Organisation,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Strategy,
        Topic::Backlog,
        Topic::Team,
        Topic::Ceremonies,
        Topic::Relationship,
        Topic::Organisation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Topic::Strategy => "Horizon and strategy",
            Topic::Backlog => "The backlog and its artefacts",
            Topic::Team => "Working with the team and the users",
            Topic::Ceremonies => "The ceremonies",
            Topic::Relationship => "How the two hats work together",
            Topic::Organisation => "When one person wears both hats, or there is no PM",
        }
    }

    /// The explainer section to reread (its element id, for `#/explainer?at=`).
    pub fn section(self) -> &'static str {
        match self {
            Topic::Strategy => "dim-horizon",
            Topic::Backlog => "dim-artefacts",
            Topic::Team => "dim-scrum",
            Topic::Ceremonies => "ceremonies-title",
            Topic::Relationship => "dim-relation",
            Topic::Organisation => "org-title",
        }
    }
}

/// Where another source says otherwise than the question's own article: shown beside the
/// answer, so that a trainee preparing for a Scrum assessment is not misled.
#[derive(Clone, Copy, Debug)]
pub struct Differs {
    pub text: &'static str,
    pub source: &'static str,
}

/// A question of a training exercise.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub key: &'static str,
    pub prompt: &'static str,
    pub choices: &'static [&'static str],
    /// The right choices, as indexes into `choices`.
    pub right: &'static [usize],
    pub pick: Pick,
    pub why: &'static str,
    /// What changes when one person wears both hats or there is no PM, where it does:
    /// the exercises assume two separate roles.
    pub otherwise: Option<&'static str>,
    pub differs: Option<Differs>,
    pub source: &'static str,
    pub topic: Topic,
}

#[derive(Clone, Copy, Debug)]
pub struct Exercise {
    pub key: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// The choices come in a random order per attempt (`quiz::order`); the fixed scales
    /// (PM / PO / Both, the ceremonies in their order) do not.
    pub shuffle: bool,
    pub questions: &'static [Question],
}

const HATS: &[&str] = &["Product Manager", "Product Owner", "Both"];
const CEREMONY_NAMES: &[&str] = &[
    "Daily stand-up",
    "Sprint planning",
    "Backlog refinement",
    "Sprint review",
    "Retrospective",
];

macro_rules! hat_q {
    ($key:literal, $prompt:literal, $answer:literal, $why:literal, $source:literal, $topic:ident) => {
        Question {
            key: $key,
            prompt: $prompt,
            choices: HATS,
            right: &[$answer],
            pick: Pick::One,
            why: $why,
            otherwise: None,
            differs: None,
            source: $source,
            topic: Topic::$topic,
        }
    };
}

pub const EXERCISES: [Exercise; 3] = [
    Exercise {
        key: "which-hat",
        shuffle: false,
        title: "Which hat?",
        intro: "Sort twenty responsibilities: the Product Manager's, the Product Owner's, or both.",
        questions: &[
            hat_q!("vision2y", "Decide where the product should be in two years or more", 0, "The long-term plan for the product, and often the portfolio, is the PM's.", "runyan", Strategy),
            hat_q!("order", "Have the final say on the order of the product backlog", 1, "Whoever wants the backlog changed has to convince the PO, who decides.", "guide", Backlog),
            hat_q!("okrs", "Write each product's OKRs so that they serve the company's own OKRs", 0, "Where a company uses OKRs, the PM may set them per product, in line with the level above.", "paquet", Strategy),
            hat_q!("standup", "Attend the daily stand-up regularly", 1, "POs often join stand-ups to answer questions on the items in progress; PMs rarely do.", "teaminal", Ceremonies),
            hat_q!("stories", "Write user stories and mature them until they are done", 1, "Maturing stories — creating, analysing and seeing them through — is the PO's work.", "paquet", Backlog),
            hat_q!("value", "Care above all about the product's success and the business value it brings", 2, "Both roles are wholly focused on the product's success and its value to the company.", "runyan", Relationship),
            hat_q!("market", "Interview clients, follow market trends and watch competitors", 0, "The PM faces outward: the answers are mostly outside the building.", "runyan", Strategy),
            hat_q!("questions", "Answer the developers' questions about the work during the sprint", 1, "The PO must be ready to explain the backlog's details and answer the team's questions.", "hipcv", Team),
            hat_q!("budget", "Manage the product budget and the priorities across products", 0, "Companies often give the PM the budget and the macro-prioritisation of products.", "paquet", Strategy),
            hat_q!("member", "Be a full member of the Scrum team", 1, "The PO is wholly inside the Scrum team; the PM is not a member.", "paquet", Team),
            hat_q!("roadmap", "Own the product roadmap", 0, "The product roadmap is on the PM's side of the comparison.", "guide", Strategy),
            hat_q!("backlog", "Create and keep the product backlog and the sprint backlog", 1, "These artefacts are the PO's to develop and maintain.", "hipcv", Backlog),
            hat_q!("consistency", "Keep several related products consistent with each other", 0, "A PM often works across linked products to keep their deliveries consistent.", "paquet", Strategy),
            hat_q!("planning", "Present the ordered items and their success criteria at sprint planning", 1, "At sprint planning the PO presents the prioritised items and their criteria for success.", "teaminal", Ceremonies),
            hat_q!("refinement", "Lead backlog refinement sessions", 1, "The PO leads refinement; the PM may contribute to check alignment with strategy.", "teaminal", Ceremonies),
            hat_q!("alignment", "Check in refinement that the backlog still follows the strategy", 0, "That is what the PM brings to refinement: alignment with strategy and the market.", "teaminal", Ceremonies),
            hat_q!("leaders", "Talk with the leaders of client organisations about their future needs", 0, "The PM talks to client leadership about how the product must grow.", "runyan", Strategy),
            hat_q!("users", "Discuss upcoming functionality in detail with the product's users", 1, "The PO is often deeply engaged with the user community on the details.", "runyan", Team),
            hat_q!("guide", "Guide the product through development, working with many of the same teams", 2, "Both guide the product through development and work with several of the same teams.", "guide", Relationship),
            hat_q!("build", "Make sure the development team builds what was decided", 1, "The PM decides what is built or adapted; the PO makes sure the team does just that.", "guide", Relationship),
        ],
    },
    Exercise {
        key: "ceremonies",
        shuffle: false,
        title: "Place the ceremonies",
        intro: "Each line describes how a role takes part in a Scrum event. Which event is it?",
        questions: &[
            Question { key: "present", prompt: "The PO presents the ordered items and explains each one's criteria for success.", choices: CEREMONY_NAMES, right: &[1], pick: Pick::One, why: "That is the PO's central part in sprint planning.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
            Question { key: "lead", prompt: "The PO leads it; the PM may drop in to check the work still fits the strategy.", choices: CEREMONY_NAMES, right: &[2], pick: Pick::One, why: "Backlog refinement: the PO leads, the PM checks alignment.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
            Question { key: "progress", prompt: "The PM, who is not in the Scrum team, comes to see how the work is progressing.", choices: CEREMONY_NAMES, right: &[3], pick: Pick::One, why: "The PM discovers the team's progress at its sprint reviews.", otherwise: None, differs: None, source: "paquet", topic: Topic::Ceremonies },
            Question { key: "away", prompt: "The PM usually stays away unless asked about vision or priorities.", choices: CEREMONY_NAMES, right: &[0], pick: Pick::One, why: "The stand-up is for the team to sync; PMs rarely attend.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
            Question { key: "improve", prompt: "The PM joins now and then to understand what slows delivery; the PO helps plan actions.", choices: CEREMONY_NAMES, right: &[4], pick: Pick::One, why: "Retrospectives: occasional for the PM, usual for the PO.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
            Question { key: "unblock", prompt: "The PO answers questions and clears blockers on the items in progress.", choices: CEREMONY_NAMES, right: &[0], pick: Pick::One, why: "POs join stand-ups to address immediate questions on the backlog items being worked on.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
        ],
    },
    Exercise {
        key: "scenarios",
        shuffle: true,
        title: "What would you do?",
        intro: "Short situations from a product team's week. Pick the answer closest to what the articles describe.",
        questions: &[
            Question {
                key: "reorder",
                prompt: "Mid-sprint, a senior stakeholder asks the PO to put their new request at the top of the backlog right away.",
                choices: &[
                    "The PO does it at once: a senior stakeholder outranks the PO.",
                    "The PO listens, then decides where the request goes in the backlog against everything else, and explains why.",
                    "The PO sends the stakeholder to the PM, who decides for the PO.",
                ],
                right: &[1], pick: Pick::One,
                why: "Anyone who wants the backlog changed has to convince the PO, who makes that decision and keeps it transparent in the backlog.",
                otherwise: None,
                differs: None,
                source: "guide",
                topic: Topic::Backlog,
            },
            Question {
                key: "pm-orders",
                prompt: "The PM tells the PO which stories the team must take next sprint.",
                choices: &[
                    "The PO complies: the PM is the PO's manager.",
                    "They negotiate: the PM brings the strategy, the PO keeps the final say on the backlog's order.",
                    "The team decides alone and ignores both.",
                ],
                right: &[1], pick: Pick::One,
                why: "There is no managerial link between PM and PO; they negotiate continuously, and the PO stays accountable for the backlog.",
                otherwise: None,
                differs: None,
                source: "paquet",
                topic: Topic::Relationship,
            },
            Question {
                key: "no-pm",
                prompt: "A six-person start-up has no Product Manager. Who looks after the vision and the OKRs?",
                choices: &["Nobody: start-ups don't need a vision.", "The Product Owner takes on the PM's work, perhaps helped by business analysts.", "The developers, by vote."],
                right: &[1], pick: Pick::One,
                why: "Without a PM, the PO generally takes over all of the PM's roles, sometimes reinforced by business analysts.",
                otherwise: None,
                differs: None,
                source: "paquet",
                topic: Topic::Organisation,
            },
            Question {
                key: "pm-standup",
                prompt: "A new PM plans to attend every daily stand-up to keep an eye on the team.",
                choices: &["Good idea: stand-ups are the PM's main meeting.", "Usually unnecessary: the stand-up is for the team; the PM joins when vision or priorities need clarifying.", "The PM should run the stand-up instead of the team."],
                right: &[1], pick: Pick::One,
                why: "PMs usually don't take part in stand-ups unless their input on vision or priorities is needed.",
                otherwise: None,
                differs: None,
                source: "teaminal",
                topic: Topic::Ceremonies,
            },
            Question {
                key: "quick-answer",
                prompt: "A developer needs a quick decision about an acceptance criterion before lunch.",
                choices: &["Ask the PO, who sits with the team and is easy to reach.", "Wait for next quarter's roadmap review.", "Email the PM, who is visiting clients this week."],
                right: &[0], pick: Pick::One,
                why: "The PO is inward-facing, ideally co-located with the team, accessible and engaged.",
                otherwise: None,
                differs: None,
                source: "runyan",
                topic: Topic::Team,
            },
            Question {
                key: "two-years",
                prompt: "The leadership asks where the product will be in two years and how it will stand out from competitors.",
                choices: &["The PO, from the sprint backlog.", "The PM, who holds the long-term strategy and watches the market.", "Whoever is free that day."],
                right: &[1], pick: Pick::One,
                why: "Where the product is going, its place in the market and how to distance the competition are the PM's questions.",
                otherwise: None,
                differs: None,
                source: "runyan",
                topic: Topic::Strategy,
            },
        ],
    },
];
