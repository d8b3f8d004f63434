//! The feed's words: each field that holds one of a fixed set of words (a status, a RAG
//! rating, a grade, ...) is an enum declared once by `feed_enum!`, with its words and the list
//! of all of them for messages and the schema.

use schemars::JsonSchema;

/// Declares a feed enum: its Rust variants, the JSON words for them, and the lists of all
/// values and all words.
macro_rules! feed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema, serde::Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }
        impl $name {
            /// Every value, in the order of the spec.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value's word in the feed, in the order of `ALL`.
            pub const WORDS: &'static [&'static str] = &[$($word),+];
            /// The word used in the feed.
            pub fn word(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
            /// The value for a feed word.
            pub fn from_word(s: &str) -> Option<$name> {
                match s { $($word => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

feed_enum!(
    /// (1.1) Where the plan itself stands.
    PlanStatus {
        /// Being written; not yet sent to the inspectorate.
        Draft = "draft",
        /// Sent to the inspectorate.
        Submitted = "submitted",
        /// Approved.
        Approved = "approved",
        /// Ended: kept as a record.
        Closed = "closed",
    }
);

feed_enum!(
    /// Who inspected.
    Inspectorate {
        /// Ofsted (England).
        Ofsted = "ofsted",
        /// Care Inspectorate Wales.
        Ciw = "ciw",
        /// The Care Inspectorate (Scotland).
        CareInspectorate = "care_inspectorate",
        /// The Care Quality Commission.
        Cqc = "cqc",
        /// The council's own self-evaluation.
        Council = "council",
        /// Anyone else.
        Other = "other",
    }
);

feed_enum!(
    /// The kind of inspection.
    InspectionType {
        /// ILACS standard inspection.
        IlacsStandard = "ilacs_standard",
        /// ILACS short inspection.
        IlacsShort = "ilacs_short",
        /// Focused visit.
        FocusedVisit = "focused_visit",
        /// Monitoring visit.
        MonitoringVisit = "monitoring_visit",
        /// Joint targeted area inspection.
        Jtai = "jtai",
        /// SEND area inspection.
        SendArea = "send_area",
        /// Self-evaluation.
        SelfEvaluation = "self_evaluation",
        /// Anything else.
        Other = "other",
    }
);

feed_enum!(
    /// A judgement area of an inspection framework.
    Area {
        /// Overall effectiveness.
        OverallEffectiveness = "overall_effectiveness",
        /// The impact of leaders on social work practice.
        ImpactOfLeaders = "impact_of_leaders",
        /// The experiences and progress of children who need help and protection.
        HelpAndProtection = "help_and_protection",
        /// The experiences and progress of children in care.
        ChildrenInCare = "children_in_care",
        /// The experiences and progress of care leavers.
        CareLeavers = "care_leavers",
        /// Children in care and care leavers (frameworks before the split).
        ChildrenInCareAndCareLeavers = "children_in_care_and_care_leavers",
        /// Another area, named by `label`.
        Other = "other",
    }
);

feed_enum!(
    /// A judgement's grade.
    Grade {
        /// Outstanding.
        Outstanding = "outstanding",
        /// Good.
        Good = "good",
        /// Requires improvement to be good.
        RequiresImprovement = "requires_improvement",
        /// Inadequate.
        Inadequate = "inadequate",
        /// Not judged.
        NotJudged = "not_judged",
        /// Excellent (six-point scale).
        Excellent = "excellent",
        /// Very good (six-point scale).
        VeryGood = "very_good",
        /// Adequate (six-point scale).
        Adequate = "adequate",
        /// Weak (six-point scale).
        Weak = "weak",
        /// Unsatisfactory (six-point scale).
        Unsatisfactory = "unsatisfactory",
    }
);

feed_enum!(
    /// What kind of finding.
    FindingKind {
        /// A strength.
        Strength = "strength",
        /// An area for improvement.
        AreaForImprovement = "area_for_improvement",
        /// An area for priority action: the most urgent.
        PriorityAction = "priority_action",
        /// A recommendation.
        Recommendation = "recommendation",
    }
);

feed_enum!(
    /// Where an action stands.
    Status {
        /// Not started.
        NotStarted = "not_started",
        /// In progress.
        InProgress = "in_progress",
        /// Complete.
        Complete = "complete",
        /// Withdrawn: excluded from completion percentages.
        Withdrawn = "withdrawn",
    }
);

feed_enum!(
    /// Red, amber, green or blue rating.
    Rag {
        /// Red.
        Red = "red",
        /// Amber.
        Amber = "amber",
        /// Green.
        Green = "green",
        /// Blue: complete.
        Blue = "blue",
    }
);

feed_enum!(
    /// How an indicator's values are measured.
    Unit {
        /// Percent, 0–100.
        Percent = "percent",
        /// A count.
        Count = "count",
        /// A rate per 10,000 children.
        RatePer10000 = "rate_per_10000",
        /// Days.
        Days = "days",
        /// Weeks.
        Weeks = "weeks",
        /// A ratio.
        Ratio = "ratio",
        /// Pounds sterling.
        CurrencyGbp = "currency_gbp",
    }
);

feed_enum!(
    /// Which way is better for an indicator.
    Polarity {
        /// Higher values are better.
        HigherIsBetter = "higher_is_better",
        /// Lower values are better.
        LowerIsBetter = "lower_is_better",
        /// Neither is better.
        Neutral = "neutral",
    }
);
