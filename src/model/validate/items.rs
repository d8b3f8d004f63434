//! The item rules: one function per kind of item (plan, inspection, finding, priority,
//! action, indicator, meeting and their parts), each reading its keys in the spec's terms.

use super::reader::*;
use super::references::*;
use super::*;
use crate::date::Date;
use crate::json::{Kind, Node};

pub(super) fn read_publisher(rd: &mut Reader, v: Node, at: At) -> Option<Publisher> {
    let p = rd.object(v, at, PUBLISHER)?;
    let name = rd.req(&p, "name", "publisher", Reader::text);
    let url = rd.opt(&p, "url", Reader::url);
    let contact_email = rd.opt(&p, "contact_email", Reader::string);
    Some(Publisher {
        name: name.unwrap_or_else(|| Text::Plain(String::new())),
        url,
        contact_email,
    })
}

pub(super) fn read_plan(rd: &mut Reader, v: Node, at: At) -> Option<Plan> {
    let o = rd.object(v, at, PLAN)?;
    let title = rd
        .req(&o, "title", "plan", Reader::text)
        .unwrap_or_else(|| Text::Plain(String::new()));
    Some(Plan {
        id: rd.opt(&o, "id", Reader::string),
        title,
        summary: rd.opt(&o, "summary", Reader::text),
        approved: rd.opt(&o, "approved", Reader::date),
        approved_by: rd.opt(&o, "approved_by", Reader::text),
        next_review: rd.opt(&o, "next_review", Reader::date),
        url: rd.opt(&o, "url", Reader::url),
        rag_definitions: rd.opt(&o, "rag_definitions", |rd, v, at| {
            let r = rd.object(v, at, RAG_DEFINITIONS)?;
            Some(RagDefinitions {
                red: rd.opt(&r, "red", Reader::text),
                amber: rd.opt(&r, "amber", Reader::text),
                green: rd.opt(&r, "green", Reader::text),
                blue: rd.opt(&r, "blue", Reader::text),
            })
        }),
        status: rd.opt(&o, "status", |rd, v, at| {
            rd.word(v, at, "a plan status", PlanStatus::ALL, PlanStatus::WORDS)
        }),
        submit_by: rd.opt(&o, "submit_by", Reader::date),
        submitted: rd.opt(&o, "submitted", Reader::date),
    })
}

pub(super) fn read_inspection(rd: &mut Reader, v: Node, at: At) -> Option<Inspection> {
    let o = rd.object(v, at, INSPECTION)?;
    let id = rd.own_id(&o, INSPECTIONS, "inspection");
    let inspectorate = rd.req(&o, "inspectorate", "inspection", |rd, v, at| {
        rd.word(
            v,
            at,
            "an inspectorate",
            Inspectorate::ALL,
            Inspectorate::WORDS,
        )
    });
    let kind = rd.req(&o, "type", "inspection", |rd, v, at| {
        rd.word(
            v,
            at,
            "an inspection type",
            InspectionType::ALL,
            InspectionType::WORDS,
        )
    });
    let start = rd.opt(&o, "start", Reader::date);
    let mut end = rd.opt(&o, "end", Reader::date);
    if let (Some(s), Some(e), Some(ev)) = (start, end, o.get("end")) {
        if e < s {
            // The end is left out; the inspection and its judgements are still shown.
            rd.part(|rd| {
                rd.error(
                    Rule::Inconsistent,
                    o.at("end", ev),
                    format!(
                        "the inspection ends ({e}) before it starts ({s}); check the two dates"
                    ),
                );
                Some(())
            });
            end = None;
        }
    }
    let insp = Inspection {
        title: rd.opt(&o, "title", Reader::text),
        start,
        end,
        published: rd.opt(&o, "published", Reader::day),
        report_url: rd.opt(&o, "report_url", Reader::url),
        judgements: rd.list(&o, "judgements", read_judgement),
        summary: rd.opt(&o, "summary", Reader::text),
        id: id?,
        inspectorate: inspectorate?,
        kind: kind?,
    };
    Some(insp)
}

pub(super) fn read_judgement(rd: &mut Reader, v: Node, at: At) -> Option<Judgement> {
    let o = rd.object(v, at, JUDGEMENT)?;
    let area = rd.req(&o, "area", "judgement", read_area);
    let grade = rd.req(&o, "grade", "judgement", |rd, v, at| {
        rd.word(v, at, "a grade", Grade::ALL, Grade::WORDS)
    });
    let label = rd.opt(&o, "label", Reader::text);
    if area == Some(Area::Other) && label.is_none() && o.get("label").is_none() {
        let at = At {
            base: o.node,
            key: "label",
            offset: o.offset,
        };
        rd.error(
            Rule::Inconsistent,
            at,
            "a judgement with area \"other\" needs a \"label\" naming the area".into(),
        );
    }
    Some(Judgement {
        label,
        area: area?,
        grade: grade?,
    })
}

pub(super) fn read_area(rd: &mut Reader, v: Node, at: At) -> Option<Area> {
    rd.word(v, at, "a judgement area", Area::ALL, Area::WORDS)
}

pub(super) fn read_finding(rd: &mut Reader, v: Node, at: At) -> Option<Finding> {
    let o = rd.object(v, at, FINDING)?;
    let id = rd.own_id(&o, FINDINGS, "finding");
    let owner = Owner {
        noun: "finding",
        id: id.as_deref(),
    };
    let kind = rd.req(&o, "kind", "finding", |rd, v, at| {
        rd.word(
            v,
            at,
            "a kind of finding",
            FindingKind::ALL,
            FindingKind::WORDS,
        )
    });
    let text = rd.req(&o, "text", "finding", Reader::text);
    Some(Finding {
        inspection: rd.refers(&o, "inspection", INSPECTIONS, "inspection", owner),
        area: rd.opt(&o, "area", read_area),
        response: rd.opt(&o, "response", Reader::text),
        id: id?,
        kind: kind?,
        text: text?,
    })
}

pub(super) fn read_priority(rd: &mut Reader, v: Node, at: At) -> Option<Priority> {
    let o = rd.object(v, at, PRIORITY)?;
    let id = rd.own_id(&o, PRIORITIES, "priority");
    let owner = Owner {
        noun: "priority",
        id: id.as_deref(),
    };
    let title = rd.req(&o, "title", "priority", Reader::text);
    Some(Priority {
        description: rd.opt(&o, "description", Reader::text),
        lead: rd.opt(&o, "lead", Reader::text),
        findings: rd.refs(&o, "findings", FINDINGS, "finding", owner),
        id: id?,
        title: title?,
    })
}

pub(super) fn read_status(rd: &mut Reader, v: Node, at: At) -> Option<Status> {
    rd.word(v, at, "a status", Status::ALL, Status::WORDS)
}

pub(super) fn read_rag(rd: &mut Reader, v: Node, at: At) -> Option<Rag> {
    rd.word(v, at, "a RAG rating", Rag::ALL, Rag::WORDS)
}

pub(super) fn read_action(rd: &mut Reader, v: Node, at: At) -> Option<Action> {
    let o = rd.object(v, at, ACTION)?;
    let id = rd.own_id(&o, ACTIONS, "action");
    let owner = Owner {
        noun: "action",
        id: id.as_deref(),
    };
    let title = rd.req(&o, "title", "action", Reader::text);
    let status = rd.req(&o, "status", "action", read_status);
    let start = rd.opt(&o, "start", Reader::date);
    let completed = rd.opt(&o, "completed", Reader::date);
    let a = Action {
        priority: rd.refers(&o, "priority", PRIORITIES, "priority", owner),
        parent: rd.refers(&o, "parent", ACTIONS, "action", owner),
        description: rd.opt(&o, "description", Reader::text),
        findings: rd.refs(&o, "findings", FINDINGS, "finding", owner),
        lead: rd.opt(&o, "lead", Reader::text),
        team: rd.opt(&o, "team", Reader::text),
        start,
        due: rd.opt(&o, "due", Reader::date),
        revised_due: rd.opt(&o, "revised_due", Reader::date),
        completed,
        added: rd.opt(&o, "added", Reader::date),
        rag: rd.opt(&o, "rag", read_rag),
        progress: rd.opt(&o, "progress", Reader::progress),
        success_measures: rd.list(&o, "success_measures", Reader::text),
        milestones: rd.list(&o, "milestones", read_milestone),
        updates: rd.list(&o, "updates", |rd, v, at| {
            read_update(rd, v, at, start, owner)
        }),
        indicators: rd.refs(&o, "indicators", INDICATORS, "indicator", owner),
        evidence: rd.list(&o, "evidence", read_evidence),
        signed_off: rd.opt(&o, "signed_off", Reader::date),
        number: rd.opt(&o, "number", read_number),
        recurrence: rd.opt(&o, "recurrence", Reader::text),
        id: id?,
        title: title?,
        status: status?,
    };
    check_completion(rd, &o, &a, start);
    Some(a)
}

fn read_milestone(rd: &mut Reader, v: Node, at: At) -> Option<Milestone> {
    let m = rd.object(v, at, MILESTONE)?;
    let title = rd.req(&m, "title", "milestone", Reader::text);
    Some(Milestone {
        title: title?,
        due: rd.opt(&m, "due", Reader::date),
        completed: rd.opt(&m, "completed", Reader::date),
    })
}

/// An update of the action that started on `start`, named `owner` in messages.
fn read_update(
    rd: &mut Reader,
    v: Node,
    at: At,
    start: Option<Date>,
    owner: Owner,
) -> Option<Update> {
    let u = rd.object(v, at, UPDATE)?;
    let date = rd.req(&u, "date", "update", Reader::date);
    let mut revised_due = rd.opt(&u, "revised_due", Reader::date);
    if let (Some(s), Some(r), Some(rv)) = (start, revised_due, u.get("revised_due")) {
        if r < s {
            // A due date before the work began cannot be right. Only the date is left
            // out (not the update, whose text and status still stand), so that it is
            // not counted as a slipped or brought-forward date.
            let at = u.at("revised_due", rv);
            rd.push(Severity::Error, Rule::Inconsistent, at, format!("this update revises the due date to {r}, before the action starts ({s}); check the two dates (the revised date is left out, the rest of the update is shown)"));
            revised_due = None;
        }
    }
    Some(Update {
        date: date?,
        text: rd.opt(&u, "text", Reader::text),
        status: rd.opt(&u, "status", read_status),
        rag: rd.opt(&u, "rag", read_rag),
        progress: rd.opt(&u, "progress", Reader::progress),
        revised_due,
        meeting: rd.refers(&u, "meeting", MEETINGS, "meeting", owner),
    })
}

fn read_evidence(rd: &mut Reader, v: Node, at: At) -> Option<Evidence> {
    let e = rd.object(v, at, EVIDENCE)?;
    let text = rd.req(&e, "text", "piece of evidence", Reader::text);
    Some(Evidence {
        text: text?,
        url: rd.opt(&e, "url", Reader::url),
    })
}

/// (1.1) The number readers see: text, not empty.
fn read_number(rd: &mut Reader, v: Node, at: At) -> Option<String> {
    if let Kind::Number(n) = rd.doc.kind(v) {
        rd.error(Rule::Type, at, format!("found the number {}, expected the action's number as text in quotes, e.g. \"1.10\" (as a number, 1.10 would be read as 1.1)", crate::decimal::shortest(n)));
        return None;
    }
    let s = rd.string(v, at)?;
    if s.trim().is_empty() {
        rd.error(Rule::Range, at, "the number is empty; give the number readers see, e.g. \"1.3\", or leave the key out to show the id".into());
        return None;
    }
    Some(s)
}

/// Warnings on an action's completion: complete without a date, or completed before it
/// started.
fn check_completion(rd: &mut Reader, o: &Obj, a: &Action, start: Option<Date>) {
    if a.status == Status::Complete && a.completed.is_none() {
        let at = At {
            base: o.node,
            key: "completed",
            offset: o.get("status").map_or(o.offset, |v| rd.doc.offset(v)),
        };
        rd.warn(Rule::Suspicious, at, format!("action \"{}\" is complete but has no \"completed\" date; add the date it was completed", a.id));
    }
    if let (Some(s), Some(c), Some(cv)) = (start, a.completed, o.get("completed")) {
        if c < s {
            rd.warn(Rule::Suspicious, o.at("completed", cv), format!("action \"{}\" was completed ({c}) before it started ({s}); check the two dates", a.id));
        }
    }
}

pub(super) fn read_value(rd: &mut Reader, v: Node, at: At) -> Option<Value> {
    let o = rd.object(v, at, VALUE)?;
    let period = rd.req(&o, "period", "value", Reader::period);
    let (value, suppressed) = read_figure(rd, &o, "the figure");
    Some(Value {
        note: rd.opt(&o, "note", Reader::text),
        approximate: rd.opt(&o, "approximate", Reader::boolean).unwrap_or(false),
        breakdown: rd.list(&o, "breakdown", read_part),
        period: period?,
        value: value?,
        suppressed,
    })
}

/// The required `value` of a figure or of a part of one (a number, or `null` when withheld)
/// and its `suppressed` flag. `what` names it in the message when it is missing.
pub(super) fn read_figure(rd: &mut Reader, o: &Obj, what: &str) -> (Option<Option<f64>>, bool) {
    let suppressed = rd.opt(o, "suppressed", Reader::boolean).unwrap_or(false);
    let value = match o.raw("value") {
        None => {
            let at = At {
                base: o.node,
                key: "value",
                offset: o.offset,
            };
            rd.error(Rule::Required, at, format!("\"value\" is missing; give {what}, or \"value\": null with \"suppressed\": true for a withheld figure"));
            None
        }
        Some(j) if rd.doc.is_null(j) => {
            if !suppressed {
                rd.warn(Rule::Suspicious, o.at("value", j), "the figure is null but not marked \"suppressed\": true; it is shown as no figure".into());
            }
            Some(None)
        }
        Some(j) => {
            let n = rd.number(j, o.at("value", j));
            if suppressed && n.is_some() {
                rd.warn(Rule::Suspicious, o.at("value", j), "this figure is marked \"suppressed\" so it is not shown; write \"value\": null for a withheld figure".into());
                Some(None)
            } else {
                n.map(Some)
            }
        }
    };
    (value, suppressed)
}

/// (1.1) One part of a figure's breakdown: a label and a figure (or a withheld one).
pub(super) fn read_part(rd: &mut Reader, v: Node, at: At) -> Option<Part> {
    let o = rd.object(v, at, PART)?;
    let label = rd.req(&o, "label", "part of a breakdown", Reader::text);
    let (value, suppressed) = read_figure(rd, &o, "the part's figure");
    Some(Part {
        label: label?,
        value: value?,
        suppressed,
    })
}

pub(super) fn read_indicator(rd: &mut Reader, v: Node, at: At) -> Option<Indicator> {
    let o = rd.object(v, at, INDICATOR)?;
    let id = rd.own_id(&o, INDICATORS, "indicator");
    let name = rd.req(&o, "name", "indicator", Reader::text);
    let unit = rd.req(&o, "unit", "indicator", |rd, v, at| {
        rd.word(v, at, "a unit", Unit::ALL, Unit::WORDS)
    });
    let polarity = rd.req(&o, "polarity", "indicator", |rd, v, at| {
        rd.word(v, at, "a polarity", Polarity::ALL, Polarity::WORDS)
    });
    let target = rd.opt(&o, "target", |rd, v, at| {
        let t = rd.object(v, at, TARGET)?;
        let value = rd.req(&t, "value", "target", Reader::number);
        let by = rd.opt(&t, "by", Reader::date);
        Some(Target { value: value?, by })
    });
    Some(Indicator {
        target,
        values: rd.list(&o, "values", read_value),
        comparators: rd.list(&o, "comparators", |rd, v, at| {
            let c = rd.object(v, at, COMPARATOR)?;
            let name = rd.req(&c, "name", "comparator", Reader::text);
            Some(Comparator {
                name: name?,
                values: rd.list(&c, "values", read_value),
            })
        }),
        source: rd.opt(&o, "source", Reader::text),
        description: rd.opt(&o, "description", Reader::text),
        id: id?,
        name: name?,
        unit: unit?,
        polarity: polarity?,
    })
}

pub(super) fn read_meeting(rd: &mut Reader, v: Node, at: At) -> Option<Meeting> {
    let o = rd.object(v, at, MEETING)?;
    let id = rd.own_id(&o, MEETINGS, "meeting");
    let date = rd.req(&o, "date", "meeting", Reader::day);
    let body = rd.req(&o, "body", "meeting", Reader::text);
    Some(Meeting {
        title: rd.opt(&o, "title", Reader::text),
        url: rd.opt(&o, "url", Reader::url),
        outcome: rd.opt(&o, "outcome", Reader::text),
        follow_ups: rd.list(&o, "follow_ups", |rd, v, at| {
            let f = rd.object(v, at, FOLLOW_UP)?;
            let text = rd.req(&f, "text", "follow-up", Reader::text);
            Some(FollowUp {
                lead: rd.opt(&f, "lead", Reader::text),
                due: rd.opt(&f, "due", Reader::date),
                done: rd.opt(&f, "done", Reader::date),
                text: text?,
            })
        }),
        id: id?,
        date: date?,
        body: body?,
    })
}
