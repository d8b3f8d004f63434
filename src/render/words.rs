//! The words for the feed's own values (statuses, RAG ratings, judgement areas and grades,
//! finding kinds, inspection types, inspectorates) in the reader's language, and the
//! tag colours that go with them.
//!
//! One place for each, so that the views, the charts, the CSV download and the static page call
//! a status or a period the same thing.

use crate::changes::Kind as ChangeKind;
use crate::feed::*;
use crate::i18n::{t, Lang};

/// The words for a status.
pub fn status_word(lang: Lang, s: Status) -> &'static str {
    t(
        lang,
        match s {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Complete => "Complete",
            Status::Withdrawn => "Withdrawn",
        },
    )
}

/// A status's tag colour, as the class `apt-tag--{class}` ends.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "grey",
        Status::InProgress => "blue",
        Status::Complete => "green",
        Status::Withdrawn => "withdrawn",
    }
}

/// A RAG rating's tag colour, as the class `apt-tag--{class}` ends: `rag-` and its word.
pub fn rag_class(r: Rag) -> &'static str {
    match r {
        Rag::Red => "rag-red",
        Rag::Amber => "rag-amber",
        Rag::Green => "rag-green",
        Rag::Blue => "rag-blue",
    }
}

/// The words for a RAG rating.
pub fn rag_word(lang: Lang, r: Rag) -> &'static str {
    t(
        lang,
        match r {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
            Rag::Blue => "Blue",
        },
    )
}

/// The words for a judgement area.
pub fn area_word(lang: Lang, a: Area) -> &'static str {
    t(
        lang,
        match a {
            Area::OverallEffectiveness => "Overall effectiveness",
            Area::ImpactOfLeaders => {
                "The impact of leaders on social work practice with children and families"
            }
            Area::HelpAndProtection => {
                "The experiences and progress of children who need help and protection"
            }
            Area::ChildrenInCare => "The experiences and progress of children in care",
            Area::CareLeavers => "The experiences and progress of care leavers",
            Area::ChildrenInCareAndCareLeavers => {
                "The experiences and progress of children in care and care leavers"
            }
            Area::Other => "Other",
        },
    )
}

/// A short name for a judgement area, for filters.
pub fn area_short(lang: Lang, a: Area) -> &'static str {
    t(
        lang,
        match a {
            Area::OverallEffectiveness => "Overall effectiveness",
            Area::ImpactOfLeaders => "Impact of leaders",
            Area::HelpAndProtection => "Help and protection",
            Area::ChildrenInCare => "Children in care",
            Area::CareLeavers => "Care leavers",
            Area::ChildrenInCareAndCareLeavers => "Children in care and care leavers",
            Area::Other => "Other",
        },
    )
}

/// The words for a grade.
pub fn grade_word(lang: Lang, g: Grade) -> &'static str {
    t(
        lang,
        match g {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement to be good",
            Grade::Inadequate => "Inadequate",
            Grade::NotJudged => "Not judged",
            Grade::Excellent => "Excellent",
            Grade::VeryGood => "Very good",
            Grade::Adequate => "Adequate",
            Grade::Weak => "Weak",
            Grade::Unsatisfactory => "Unsatisfactory",
        },
    )
}

pub fn grade_class(g: Grade) -> &'static str {
    match g {
        Grade::Outstanding | Grade::Excellent | Grade::VeryGood => "green",
        Grade::Good => "green",
        Grade::RequiresImprovement | Grade::Adequate => "yellow",
        Grade::Inadequate | Grade::Weak | Grade::Unsatisfactory => "red",
        Grade::NotJudged => "grey",
    }
}

pub fn kind_word(lang: Lang, k: FindingKind) -> &'static str {
    t(
        lang,
        match k {
            FindingKind::Strength => "Strength",
            FindingKind::AreaForImprovement => "Area for improvement",
            FindingKind::PriorityAction => "Area for priority action",
            FindingKind::Recommendation => "Recommendation",
        },
    )
}

pub fn inspection_type_word(lang: Lang, k: InspectionType) -> &'static str {
    t(
        lang,
        match k {
            InspectionType::IlacsStandard => {
                "Standard inspection of local authority children's services (ILACS)"
            }
            InspectionType::IlacsShort => {
                "Short inspection of local authority children's services (ILACS)"
            }
            InspectionType::FocusedVisit => "Focused visit",
            InspectionType::MonitoringVisit => "Monitoring visit",
            InspectionType::Jtai => "Joint targeted area inspection",
            InspectionType::SendArea => "Area SEND inspection",
            InspectionType::SelfEvaluation => "Self-evaluation",
            InspectionType::Other => "Inspection",
        },
    )
}

pub fn inspectorate_word(lang: Lang, i: Inspectorate) -> &'static str {
    t(
        lang,
        match i {
            Inspectorate::Ofsted => "Ofsted",
            Inspectorate::Ciw => "Care Inspectorate Wales",
            Inspectorate::CareInspectorate => "Care Inspectorate",
            Inspectorate::Cqc => "Care Quality Commission",
            Inspectorate::Council => "The council",
            Inspectorate::Other => "Other inspectorate",
        },
    )
}

/// The words for a kind of change, as a filter option.
pub fn change_word(lang: Lang, k: ChangeKind) -> &'static str {
    t(
        lang,
        match k {
            ChangeKind::New => "New",
            ChangeKind::Completed => "Completed",
            ChangeKind::Started => "Started",
            ChangeKind::Withdrawn => "Withdrawn",
            ChangeKind::RagWorse => "RAG worse",
            ChangeKind::RagBetter => "RAG better",
            ChangeKind::Slipped => "Due date moved later",
            ChangeKind::NewlyOverdue => "Newly overdue",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rag_class_is_rag_and_the_feed_word() {
        for &r in Rag::ALL {
            assert_eq!(rag_class(r), format!("rag-{}", r.word()));
        }
    }
}
