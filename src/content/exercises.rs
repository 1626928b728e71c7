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
    Role,
    Strategy,
    Backlog,
    Team,
    Ceremonies,
    Relationship,
    Organisation,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::Role,
        Topic::Strategy,
        Topic::Backlog,
        Topic::Team,
        Topic::Ceremonies,
        Topic::Relationship,
        Topic::Organisation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Topic::Role => "What each role is, and what shapes it",
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
            Topic::Role => "dim-role",
            Topic::Strategy => "dim-horizon",
            Topic::Backlog => "dim-artefacts",
            Topic::Team => "dim-scrum",
            Topic::Ceremonies => "ceremonies-title",
            Topic::Relationship => "dim-relation",
            Topic::Organisation => "org-title",
        }
    }
}

/// Where another source says otherwise than the article a fact comes from — the Scrum
/// Guide, mostly: shown beside the fact (a question's answer, a comparison row, a
/// ceremony), so that a trainee preparing for a Scrum assessment is not misled.
#[derive(Clone, Copy, Debug)]
pub struct Differs {
    pub text: &'static str,
    pub source: &'static str,
}

impl Differs {
    /// Whose word it is: "The Scrum Guide".
    pub fn who(&self) -> &'static str {
        super::source(self.source).map_or("Another source", |s| s.title)
    }
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

use super::{CEREMONIES, GUIDE_ON_DAILY_SCRUM, GUIDE_ON_SPRINT_BACKLOG};

const HATS: &[&str] = &["Product Manager", "Product Owner", "Both"];
/// The ceremonies in the explainer's order: a stored answer is an index into it.
const CEREMONY_NAMES: &[&str] = &[
    CEREMONIES[0].name,
    CEREMONIES[1].name,
    CEREMONIES[2].name,
    CEREMONIES[3].name,
    CEREMONIES[4].name,
    CEREMONIES[5].name,
];

/// A "which hat?" question: PM (0), PO (1) or Both (2), in that fixed order.
macro_rules! hat_q {
    (@opt) => { None };
    (@opt $e:expr) => { Some($e) };
    ($key:literal, $prompt:literal, $answer:literal, $why:literal, $source:literal, $topic:ident $(, otherwise: $otherwise:literal)? $(, differs: $differs:expr)?) => {
        Question {
            key: $key,
            prompt: $prompt,
            choices: HATS,
            right: &[$answer],
            pick: Pick::One,
            why: $why,
            otherwise: hat_q!(@opt $($otherwise)?),
            differs: hat_q!(@opt $($differs)?),
            source: $source,
            topic: Topic::$topic,
        }
    };
}

/// Sort the responsibilities between the two hats.
const WHICH_HAT: &[Question] = &[
    hat_q!("vision2y", "Decide where the product should be in two years or more", 0, "The long-term plan for the product, and often the portfolio, is the PM's.", "runyan", Strategy,
        otherwise: "With no PM, the PO generally takes this on (Paquet); with one person in both hats it is that person's, and it competes with the sprint for their time."),
    hat_q!("order", "Have the final say on the order of the product backlog", 1, "Whoever wants the backlog changed has to convince the PO, who decides.", "guide", Backlog),
    hat_q!("ceo", "Be what people call the \"CEO of the product\": set the goals, define success and answer for the outcome", 0, "The guide gives the PM that nickname because the PM sets the goals, defines success, motivates the teams and is responsible for the outcome.", "guide", Role),
    hat_q!("okrs", "Write each product's OKRs so that they serve the company's own OKRs", 0, "Where a company uses OKRs, the PM may set them per product, in line with the level above.", "paquet", Strategy,
        otherwise: "With no PM, the PO takes over the PM's work, OKRs included (Paquet); with one person in both hats, that person writes them."),
    hat_q!("standup", "Attend the daily stand-up regularly", 1, "POs often join stand-ups to answer questions on the items in progress; PMs rarely do.", "teaminal", Ceremonies,
        differs: GUIDE_ON_DAILY_SCRUM),
    hat_q!("stories", "Write user stories and mature them until they are done", 1, "Maturing stories — creating, analysing and seeing them through — is the PO's work.", "paquet", Backlog),
    hat_q!("value", "Care above all about the product's success and the business value it brings", 2, "Both roles are wholly focused on the product's success and its value to the company.", "runyan", Relationship),
    hat_q!("market", "Interview clients, follow market trends and watch competitors", 0, "The PM faces outward: the answers are mostly outside the building.", "runyan", Strategy,
        otherwise: "With one person in both hats, this outward work is what the sprint's daily needs crowd out; Runyan, after nearly three years of doing both, found the combination counter-productive."),
    hat_q!("questions", "Answer the developers' questions about the work during the sprint", 1, "The PO must be ready to explain the backlog's details and answer the team's questions.", "hipcv", Team),
    hat_q!("balance", "Weigh the needs of the business, the technology and the users, and make the hard trade-offs", 0, "The guide places the PM where business, technology and user experience meet, balancing the three.", "guide", Role),
    hat_q!("budget", "Manage the product budget and the priorities across products", 0, "Companies often give the PM the budget and the macro-prioritisation of products.", "paquet", Strategy,
        otherwise: "With no PM, the budget usually goes to the PO with the rest of the PM's work (Paquet)."),
    hat_q!("member", "Be a full member of the Scrum team", 1, "The PO is wholly inside the Scrum team; the PM is not a member.", "paquet", Team),
    hat_q!("roadmap", "Own the product roadmap", 0, "The product roadmap is on the PM's side of the comparison.", "guide", Strategy,
        otherwise: "With no PM, the PO owns the roadmap too (Paquet); with one person in both hats, the same person keeps the roadmap and the backlog."),
    hat_q!("backlog", "Create and keep the product backlog and the sprint backlog", 1, "hipCV makes these artefacts the PO's to develop and maintain.", "hipcv", Backlog,
        differs: GUIDE_ON_SPRINT_BACKLOG),
    hat_q!("consistency", "Keep several related products consistent with each other", 0, "A PM often works across linked products to keep their deliveries consistent.", "paquet", Strategy),
    hat_q!("planning", "Present the ordered items and their success criteria at sprint planning", 1, "At sprint planning the PO presents the prioritised items and their criteria for success.", "teaminal", Ceremonies),
    hat_q!("explore", "Oversee product research and exploration, with members of the team taking part", 0, "hipCV counts product research and exploration among the PM's own ceremonies: the PM oversees it and brings the team in.", "hipcv", Ceremonies),
    hat_q!("refinement", "Lead backlog refinement sessions", 1, "The PO leads refinement; the PM may contribute to check alignment with strategy.", "teaminal", Ceremonies),
    hat_q!("alignment", "Check in refinement that the backlog still follows the strategy", 0, "That is what the PM brings to refinement: alignment with strategy and the market.", "teaminal", Ceremonies),
    hat_q!("leaders", "Talk with the leaders of client organisations about their future needs", 0, "The PM talks to client leadership about how the product must grow.", "runyan", Strategy),
    hat_q!("users", "Discuss upcoming functionality in detail with the product's users", 1, "The PO is often deeply engaged with the user community on the details.", "runyan", Team),
    hat_q!("delegate", "Stay accountable for backlog work even when someone else in the Scrum team does it", 1, "The PO may hand backlog work to others but stays accountable for it being done and for the value delivered.", "guide", Relationship),
    hat_q!("guide", "Guide the product through development, working with many of the same teams", 2, "Both guide the product through development and work with several of the same teams.", "guide", Relationship),
    hat_q!("build", "Make sure the development team builds what was decided", 1, "The PM decides what is built or adapted; the PO makes sure the team does just that.", "guide", Relationship),
];

/// Name the ceremony from how a role takes part in it.
const PLACE_CEREMONIES: &[Question] = &[
    Question { key: "present", prompt: "The PO presents the ordered items and explains each one's criteria for success.", choices: CEREMONY_NAMES, right: &[1], pick: Pick::One, why: "That is the PO's central part in sprint planning.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
    Question { key: "lead", prompt: "The PO leads it; the PM may drop in to check the work still fits the strategy.", choices: CEREMONY_NAMES, right: &[2], pick: Pick::One, why: "Backlog refinement: the PO leads, the PM checks alignment.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
    Question { key: "progress", prompt: "The PM, who is not in the Scrum team, comes to see how the work is progressing.", choices: CEREMONY_NAMES, right: &[3], pick: Pick::One, why: "The PM discovers the team's progress at its sprint reviews.", otherwise: None, differs: None, source: "paquet", topic: Topic::Ceremonies },
    Question { key: "away", prompt: "The PM usually stays away unless asked about vision or priorities.", choices: CEREMONY_NAMES, right: &[0], pick: Pick::One, why: "The stand-up is for the team to sync; PMs rarely attend.", otherwise: None, differs: Some(GUIDE_ON_DAILY_SCRUM), source: "teaminal", topic: Topic::Ceremonies },
    Question { key: "research", prompt: "The PM oversees it and brings members of the team in; the talk turns to what customers need and where the market falls short.", choices: CEREMONY_NAMES, right: &[5], pick: Pick::One, why: "Product research and exploration is the PM's own ceremony: the PM oversees it and lets team members take part.", otherwise: None, differs: None, source: "hipcv", topic: Topic::Ceremonies },
    Question { key: "improve", prompt: "The PM joins now and then to understand what slows delivery; the PO helps plan actions.", choices: CEREMONY_NAMES, right: &[4], pick: Pick::One, why: "Retrospectives: occasional for the PM, usual for the PO.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
    Question { key: "context", prompt: "The PM may come to explain the strategy and priorities behind the work, and leaves the details to the team and the PO.", choices: CEREMONY_NAMES, right: &[1], pick: Pick::One, why: "At sprint planning a PM may give context on strategy and priorities, so that the sprint serves the long-term goals, without going into the details.", otherwise: None, differs: None, source: "teaminal", topic: Topic::Ceremonies },
    Question { key: "unblock", prompt: "The PO answers questions and clears blockers on the items in progress.", choices: CEREMONY_NAMES, right: &[0], pick: Pick::One, why: "POs join stand-ups to address immediate questions on the backlog items being worked on.", otherwise: None, differs: Some(GUIDE_ON_DAILY_SCRUM), source: "teaminal", topic: Topic::Ceremonies },
];

/// Situations from a product team's week; their choices are shuffled per attempt.
const SCENARIOS: &[Question] = &[
    Question {
        key: "reorder",
        prompt: "Mid-sprint, a senior stakeholder asks the PO to put their new request at the top of the backlog right away.",
        choices: &[
            "The PO does it at once: a senior stakeholder outranks the PO.",
            "The PO listens, then decides where the request goes in the backlog against everything else, and explains why.",
            "The PO sends the stakeholder to the PM, who decides for the PO.",
            "The PO declines to discuss it before the sprint review, so that the team is not disturbed.",
        ],
        right: &[1], pick: Pick::One,
        why: "Anyone who wants the backlog changed has to convince the PO, who makes that decision and keeps it transparent in the backlog.",
        otherwise: None,
        differs: None,
        source: "guide",
        topic: Topic::Backlog,
    },
    Question {
        key: "pm-month",
        prompt: "A newly hired PM plans their first month. Which of these belong on their list? (choose all that apply)",
        choices: &[
            "Interview clients and study market trends and competitors.",
            "Read up on writing more effective user stories.",
            "Draft where the product should be in two years and how it will stand apart.",
            "Learn to run efficient backlog grooming meetings.",
            "Talk with the leaders of client organisations about their future needs.",
        ],
        right: &[0, 2, 4], pick: Pick::All,
        why: "Runyan's PM faces outward — client interviews, market trends, competitors, the leaders of client organisations — and plans two years or more ahead. Better user stories and efficient grooming meetings are what she sees POs studying.",
        otherwise: Some("With one person in both hats, the same person also has the PO's reading to do: the pull between inward and outward work that Runyan describes."),
        differs: None,
        source: "runyan",
        topic: Topic::Strategy,
    },
    Question {
        key: "pm-orders",
        prompt: "The PM tells the PO which stories the team must take next sprint.",
        choices: &[
            "The PO complies: the PM is the PO's manager.",
            "They negotiate: the PM brings the strategy, the PO keeps the final say on the backlog's order.",
            "The PO takes it to top management, who settle which of the two decides.",
        ],
        right: &[1], pick: Pick::One,
        why: "There is no managerial link between PM and PO; they negotiate continuously, and the PO stays accountable for the backlog.",
        otherwise: None,
        differs: None,
        source: "paquet",
        topic: Topic::Relationship,
    },
    Question {
        key: "ceo",
        prompt: "A new colleague hears the PM called \"the CEO of the product\" and concludes that the PM is everyone's boss. What does the nickname mean in the guide?",
        choices: &[
            "That the PM manages the Product Owners and the developers.",
            "That the PM has the last word on the order of the product backlog.",
            "That the PM sets the goals, defines success, motivates the teams and answers for the outcome.",
            "That the PM signs off every release before it ships.",
        ],
        right: &[2], pick: Pick::One,
        why: "The guide explains the nickname by what the PM does — goals, success, motivation, the outcome — not by a reporting line. Paquet is explicit that the PM is not the PO's manager, and the backlog's order is the PO's call.",
        otherwise: None,
        differs: None,
        source: "guide",
        topic: Topic::Role,
    },
    Question {
        key: "no-pm",
        prompt: "A six-person start-up has no Product Manager. Who looks after the vision and the OKRs?",
        choices: &[
            "The founders, as top management, while the PO sticks to the backlog.",
            "The Product Owner takes on the PM's work, perhaps helped by business analysts.",
            "Nobody yet: a PO should not take on strategy, so it waits until a PM is hired.",
        ],
        right: &[1], pick: Pick::One,
        why: "Without a PM, the PO generally takes over all of the PM's roles, sometimes reinforced by business analysts.",
        otherwise: Some("This is the \"no PM\" setting itself. With separate roles the vision and the OKRs are the PM's; with one person in both hats, that person's, who must keep time for them beside the sprint."),
        differs: None,
        source: "paquet",
        topic: Topic::Organisation,
    },
    Question {
        key: "planning-prep",
        prompt: "Sprint planning is tomorrow. What should the PO come prepared with? (choose all that apply)",
        choices: &[
            "A revised product roadmap for the coming quarters.",
            "The ordered items the team is likely to take on.",
            "A split of the budget across the company's products.",
            "The criteria for success of each of those items.",
        ],
        right: &[1, 3], pick: Pick::All,
        why: "At sprint planning the PO presents the prioritised items from the product backlog, explains each one's criteria for success and helps the team understand what it commits to. A PM who comes brings context on the strategy; the roadmap and the budget across products stay on the PM's side.",
        otherwise: None,
        differs: None,
        source: "teaminal",
        topic: Topic::Ceremonies,
    },
    Question {
        key: "pm-standup",
        prompt: "A new PM plans to attend every daily stand-up to keep an eye on the team.",
        choices: &[
            "Good idea: a daily look at the work keeps the strategy close to the team.",
            "Usually unnecessary: the stand-up is for the team; the PM joins when vision or priorities need clarifying.",
            "Only if the PO agrees, since the stand-up is the PO's meeting.",
        ],
        right: &[1], pick: Pick::One,
        why: "PMs usually don't take part in stand-ups unless their input on vision or priorities is needed.",
        otherwise: None,
        differs: None,
        source: "teaminal",
        topic: Topic::Ceremonies,
    },
    Question {
        key: "intersection",
        prompt: "Users love a design that engineering finds costly to build, and the business needs it shipped this quarter. What does the guide expect of the PM?",
        choices: &[
            "Put the users first: user experience outranks the other two.",
            "Leave it to the PO, who owns every trade-off in the backlog.",
            "Let the business side decide, since it pays for the product.",
            "Weigh business, technology and user experience against each other, and make the hard call.",
        ],
        right: &[3], pick: Pick::One,
        why: "The guide puts the PM where business, technology and user experience meet: the PM balances the three needs and makes the hard decisions and trade-offs.",
        otherwise: None,
        differs: None,
        source: "guide",
        topic: Topic::Role,
    },
    Question {
        key: "refinement-pm",
        prompt: "The PM joins a backlog refinement session. Which contributions fit the PM's part there? (choose all that apply)",
        choices: &[
            "Leading the session and estimating the items with the developers.",
            "Checking that the backlog still follows the product strategy and the market.",
            "Bringing customer feedback or market changes that should shift priorities.",
            "Settling the final order of the items before the session ends.",
        ],
        right: &[1, 2], pick: Pick::All,
        why: "A PM may contribute to refinement by checking that the backlog fits the strategy and the market, and by bringing high-level adjustments from customer feedback or market changes. The PO leads refinement, and the final say on the order is the PO's.",
        otherwise: None,
        differs: None,
        source: "teaminal",
        topic: Topic::Ceremonies,
    },
    Question {
        key: "quick-answer",
        prompt: "A developer needs a quick decision about an acceptance criterion before lunch.",
        choices: &[
            "Ask the PO, who sits with the team and is easy to reach.",
            "Ask the Scrum Master, whose job is to remove blockers.",
            "Email the PM, who is visiting clients this week.",
            "Decide alone, and mention it at the sprint review.",
        ],
        right: &[0], pick: Pick::One,
        why: "The PO is inward-facing, ideally co-located with the team, accessible and engaged.",
        otherwise: Some("With one person in both hats, that person may be the one out visiting clients: Runyan's point is that the inward role needs someone within the team's reach."),
        differs: None,
        source: "runyan",
        topic: Topic::Team,
    },
    Question {
        key: "guide-developers",
        prompt: "You are preparing for a Product Owner assessment based on the Scrum Guide (2020). Which of these does the Guide describe as the Developers'? (choose all that apply)",
        choices: &[
            "The product roadmap.",
            "The Sprint Backlog.",
            "The order of the Product Backlog.",
            "The Daily Scrum.",
        ],
        right: &[1, 3], pick: Pick::All,
        why: "The Guide is plain: \"The Sprint Backlog is a plan by and for the Developers.\" and \"The Daily Scrum is a 15-minute event for the Developers of the Scrum Team.\" The order of the product backlog is the PO's decision, and the roadmap is on the PM's side in the articles' comparisons.",
        otherwise: None,
        differs: Some(Differs {
            text: "hipCV lists the sprint backlog among the artefacts the PO develops and maintains, and Teaminal has POs joining stand-ups regularly. For an assessment, go by the Guide's words.",
            source: "hipcv",
        }),
        source: "scrum-guide",
        topic: Topic::Backlog,
    },
    Question {
        key: "two-years",
        prompt: "The leadership asks where the product will be in two years and how it will stand out from competitors.",
        choices: &[
            "The PO, who knows the backlog and the team's pace best.",
            "The PM, who holds the long-term strategy and watches the market.",
            "The development team, which knows what is technically possible.",
            "Top management alone; the product roles carry out its plan.",
        ],
        right: &[1], pick: Pick::One,
        why: "Where the product is going, its place in the market and how to distance the competition are the PM's questions.",
        otherwise: Some("With no PM, this falls to the PO (Paquet); with one person in both hats, to that person, who has to make time for it away from the sprint."),
        differs: None,
        source: "runyan",
        topic: Topic::Strategy,
    },
    Question {
        key: "company-size",
        prompt: "A PM moves from a twenty-person start-up to a large company with its own researchers, analysts and marketers. What changes most in the PM's days?",
        choices: &[
            "Less hands-on work, and more time getting the stakeholders behind one vision.",
            "More hands-on work, since the specialists need detailed direction.",
            "Little: the PM role is defined the same way everywhere.",
            "The PM becomes the manager of the company's Product Owners.",
        ],
        right: &[0], pick: Pick::One,
        why: "In larger organisations specialists help the PM, who spends more time aligning stakeholders behind a vision; in smaller ones the PM spends less time getting agreement and more on hands-on work.",
        otherwise: None,
        differs: None,
        source: "guide",
        topic: Topic::Role,
    },
    Question {
        key: "no-pm-takeover",
        prompt: "A company decides to do without a Product Manager. Which of these now fall to the Product Owner? (choose all that apply)",
        choices: &[
            "The product's vision and strategy.",
            "Nothing new: top management keeps the strategy and hands the PO a list of features.",
            "The product's OKRs, where the company works with them.",
            "The budget of the product.",
            "The roadmap only; the vision stays with the founders.",
        ],
        right: &[0, 2, 3], pick: Pick::All,
        why: "Without a PM, the PO generally takes on all of the PM's work, sometimes with business analysts to help — and Paquet's PM holds the vision and strategy, writes each product's OKRs where the company uses them, and usually manages the product budget.",
        otherwise: Some("With separate roles, all three are the PM's; with one person in both hats, that person's."),
        differs: None,
        source: "paquet",
        topic: Topic::Organisation,
    },
    Question {
        key: "definition",
        prompt: "Two companies draw the line between their PMs and POs in slightly different places. What does Paquet make of that?",
        choices: &[
            "One of them must be wrong: the PM role has a standard definition.",
            "The one that gives the PM the product budget is right, since the budget defines the role.",
            "Neither is wrong as such: the PM has no exact definition and the line varies, but each company must draw it clearly.",
            "Where the line falls does not matter, as long as the two get along.",
        ],
        right: &[2], pick: Pick::One,
        why: "Paquet says there is no exact definition of the PM: the boundary with the PO has to be drawn clearly, yet where it falls varies between companies. Even the budget is only what companies give the PM \"in general\".",
        otherwise: None,
        differs: None,
        source: "paquet",
        topic: Topic::Role,
    },
    Question {
        key: "both-hats-risks",
        prompt: "At a growing company one person wears both hats. Which risks does Runyan's article point to? (choose all that apply)",
        choices: &[
            "The team's need for someone close at hand pulls against time spent with clients and the market.",
            "The developers end up reporting to the person who sets their priorities.",
            "Scrum forbids one person to hold both titles, so the team is no longer doing Scrum.",
            "This sprint's deliverables crowd out the strategy for where the product should be in two years.",
        ],
        right: &[0, 3], pick: Pick::All,
        why: "After nearly three years of doing both, Runyan found the two pull apart: the PO must face inward and be within the team's reach, the PM outward; the PO works on this sprint and the next few, the PM on where the product will be in two years or more. She concludes that doing both at once is counter-productive.",
        otherwise: None,
        differs: None,
        source: "runyan",
        topic: Topic::Organisation,
    },
    Question {
        key: "higher",
        prompt: "A trainee reads hipCV's title, \"Is the product manager higher than the product owner?\", and concludes that the PM outranks the PO. What does the article actually say?",
        choices: &[
            "That the PM ranks above the PO and approves the PO's decisions.",
            "That the two are the same role under different names.",
            "That the PO has the final say over the PM's strategy.",
            "That the PM's scope is usually broader, while the PO is far more involved in the team's daily work.",
        ],
        right: &[3], pick: Pick::One,
        why: "hipCV never calls the PM higher: it compares scope, broader for the PM (why, for whom, what) and narrower for the PO (how, and the day-to-day). Paquet adds that there is no managerial link between the two.",
        otherwise: None,
        differs: None,
        source: "hipcv",
        topic: Topic::Relationship,
    },
    Question {
        key: "pm-ceremonies",
        prompt: "Which of these does hipCV describe as the Product Manager's own ceremonies? (choose all that apply)",
        choices: &[
            "Backlog refinement.",
            "Product research and exploration.",
            "Sprint planning.",
            "The daily stand-up.",
            "The \"product breakthrough\" ceremony.",
        ],
        right: &[1, 4], pick: Pick::All,
        why: "hipCV has the PM oversee product research and exploration, with team members taking part, and ties its \"product breakthrough\" ceremony to the PM's work on the vision and on brainstorming the product's approach. In the Scrum events it describes, such as sprint planning, the central part is the PO's.",
        otherwise: None,
        differs: None,
        source: "hipcv",
        topic: Topic::Ceremonies,
    },
    Question {
        key: "early-stage",
        prompt: "A product has just started and no customer has it yet. Where does hipCV expect the PM's attention to go? (choose all that apply)",
        choices: &[
            "Reading users' reviews of the released features.",
            "Defining the product's vision.",
            "Market study of how customers use the product.",
            "Working out the product's approach and strategic plan.",
        ],
        right: &[1, 3], pick: Pick::All,
        why: "The PM's days change with the product's stage: at the start, the approach and the vision; once clients have the product, its functions, market study and users' reviews come to the fore.",
        otherwise: None,
        differs: None,
        source: "hipcv",
        topic: Topic::Strategy,
    },
];

pub const EXERCISES: [Exercise; 3] = [
    Exercise {
        key: "which-hat",
        shuffle: false,
        title: "Which hat?",
        intro: "Sort twenty-four responsibilities: the Product Manager's, the Product Owner's, or both. The answers assume two separate people in the two roles; where that changes with one person in both hats or no PM, the explanation says so.",
        questions: WHICH_HAT,
    },
    Exercise {
        key: "ceremonies",
        shuffle: false,
        title: "Place the ceremonies",
        intro: "Each line describes how a role takes part in a ceremony: one of the Scrum events, or the PM's own product research. Which is it? Here too the PM and the PO are two separate people.",
        questions: PLACE_CEREMONIES,
    },
    Exercise {
        key: "scenarios",
        shuffle: true,
        title: "What would you do?",
        intro: "Short situations from a product team's week, with the PM and the PO as two separate people unless the situation says otherwise. Pick the answer closest to what the articles describe; where a question says \"choose all that apply\", pick every right answer and no other.",
        questions: SCENARIOS,
    },
];
