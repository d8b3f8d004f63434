//! The item rules: one function per kind of item (plan, inspection, finding, priority,
//! action, indicator, meeting and their parts), each reading its keys in the spec's terms.

use super::reader::*;
use super::*;
use crate::json::{Kind, Value as J};

pub(super) fn read_plan(cx: &mut Cx, v: &J, at: At) -> Option<Plan> {
    let o = cx.object(v, at, "plan")?;
    let title = cx
        .req(&o, "title", "plan", Cx::text)
        .unwrap_or_else(|| Text::Plain(String::new()));
    Some(Plan {
        id: cx.opt(&o, "id", Cx::string),
        title,
        summary: cx.opt(&o, "summary", Cx::text),
        approved: cx.opt(&o, "approved", Cx::date),
        approved_by: cx.opt(&o, "approved_by", Cx::text),
        next_review: cx.opt(&o, "next_review", Cx::date),
        url: cx.opt(&o, "url", Cx::url),
        rag_definitions: cx.opt(&o, "rag_definitions", |cx, v, at| {
            let r = cx.object(v, at, "set of RAG definitions")?;
            Some(RagDefinitions {
                red: cx.opt(&r, "red", Cx::text),
                amber: cx.opt(&r, "amber", Cx::text),
                green: cx.opt(&r, "green", Cx::text),
                blue: cx.opt(&r, "blue", Cx::text),
            })
        }),
        status: cx.opt(&o, "status", |cx, v, at| {
            cx.word(
                v,
                at,
                "a plan status",
                PlanStatus::ALL,
                PlanStatus::word,
                PlanStatus::from_word,
            )
        }),
        submit_by: cx.opt(&o, "submit_by", Cx::date),
        submitted: cx.opt(&o, "submitted", Cx::date),
    })
}

pub(super) fn read_inspection(cx: &mut Cx, v: &J, at: At) -> Option<Inspection> {
    let o = cx.object(v, at, "inspection")?;
    let id = cx.own_id(&o, "inspections", "inspection");
    let inspectorate = cx.req(&o, "inspectorate", "inspection", |cx, v, at| {
        cx.word(
            v,
            at,
            "an inspectorate",
            Inspectorate::ALL,
            Inspectorate::word,
            Inspectorate::from_word,
        )
    });
    let kind = cx.req(&o, "type", "inspection", |cx, v, at| {
        cx.word(
            v,
            at,
            "an inspection type",
            InspectionType::ALL,
            InspectionType::word,
            InspectionType::from_word,
        )
    });
    let start = cx.opt(&o, "start", Cx::date);
    let mut end = cx.opt(&o, "end", Cx::date);
    if let (Some(s), Some(e), Some(ev)) = (start, end, o.get("end")) {
        if e < s {
            // The end is left out; the inspection and its judgements are still shown.
            cx.part(|cx| {
                cx.error(
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
        title: cx.opt(&o, "title", Cx::text),
        start,
        end,
        published: cx.opt(&o, "published", Cx::day),
        report_url: cx.opt(&o, "report_url", Cx::url),
        judgements: cx.list(&o, "judgements", read_judgement),
        summary: cx.opt(&o, "summary", Cx::text),
        id: id?,
        inspectorate: inspectorate?,
        kind: kind?,
    };
    Some(insp)
}

pub(super) fn read_judgement(cx: &mut Cx, v: &J, at: At) -> Option<Judgement> {
    let o = cx.object(v, at, "judgement")?;
    let area = cx.req(&o, "area", "judgement", read_area);
    let grade = cx.req(&o, "grade", "judgement", |cx, v, at| {
        cx.word(v, at, "a grade", Grade::ALL, Grade::word, Grade::from_word)
    });
    let label = cx.opt(&o, "label", Cx::text);
    if area == Some(Area::Other) && label.is_none() && o.get("label").is_none() {
        let at = At {
            parent: &o.path,
            key: "label",
            offset: o.offset,
        };
        cx.error(
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

pub(super) fn read_area(cx: &mut Cx, v: &J, at: At) -> Option<Area> {
    cx.word(
        v,
        at,
        "a judgement area",
        Area::ALL,
        Area::word,
        Area::from_word,
    )
}

pub(super) fn read_finding(cx: &mut Cx, v: &J, at: At) -> Option<Finding> {
    let o = cx.object(v, at, "finding")?;
    let id = cx.own_id(&o, "findings", "finding");
    let owner = format!("finding {}", quote(id.as_deref().unwrap_or("")));
    let kind = cx.req(&o, "kind", "finding", |cx, v, at| {
        cx.word(
            v,
            at,
            "a kind of finding",
            FindingKind::ALL,
            FindingKind::word,
            FindingKind::from_word,
        )
    });
    let text = cx.req(&o, "text", "finding", Cx::text);
    Some(Finding {
        inspection: cx.opt(&o, "inspection", |cx, v, at| {
            cx.refers(v, at, "inspections", "inspection", &owner)
        }),
        area: cx.opt(&o, "area", read_area),
        response: cx.opt(&o, "response", Cx::text),
        id: id?,
        kind: kind?,
        text: text?,
    })
}

pub(super) fn read_priority(cx: &mut Cx, v: &J, at: At) -> Option<Priority> {
    let o = cx.object(v, at, "priority")?;
    let id = cx.own_id(&o, "priorities", "priority");
    let owner = format!("priority {}", quote(id.as_deref().unwrap_or("")));
    let title = cx.req(&o, "title", "priority", Cx::text);
    Some(Priority {
        description: cx.opt(&o, "description", Cx::text),
        lead: cx.opt(&o, "lead", Cx::text),
        findings: cx.refs(&o, "findings", "findings", "finding", &owner),
        id: id?,
        title: title?,
    })
}

pub(super) fn read_status(cx: &mut Cx, v: &J, at: At) -> Option<Status> {
    cx.word(
        v,
        at,
        "a status",
        Status::ALL,
        Status::word,
        Status::from_word,
    )
}

pub(super) fn read_rag(cx: &mut Cx, v: &J, at: At) -> Option<Rag> {
    cx.word(v, at, "a RAG rating", Rag::ALL, Rag::word, Rag::from_word)
}

pub(super) fn read_action(cx: &mut Cx, v: &J, at: At) -> Option<Action> {
    let o = cx.object(v, at, "action")?;
    let id = cx.own_id(&o, "actions", "action");
    let owner = format!("action {}", quote(id.as_deref().unwrap_or("")));
    let title = cx.req(&o, "title", "action", Cx::text);
    let status = cx.req(&o, "status", "action", read_status);
    let start = cx.opt(&o, "start", Cx::date);
    let completed = cx.opt(&o, "completed", Cx::date);
    let a = Action {
        priority: cx.opt(&o, "priority", |cx, v, at| {
            cx.refers(v, at, "priorities", "priority", &owner)
        }),
        parent: cx.opt(&o, "parent", |cx, v, at| {
            cx.refers(v, at, "actions", "action", &owner)
        }),
        description: cx.opt(&o, "description", Cx::text),
        findings: cx.refs(&o, "findings", "findings", "finding", &owner),
        lead: cx.opt(&o, "lead", Cx::text),
        team: cx.opt(&o, "team", Cx::text),
        start,
        due: cx.opt(&o, "due", Cx::date),
        revised_due: cx.opt(&o, "revised_due", Cx::date),
        completed,
        added: cx.opt(&o, "added", Cx::date),
        rag: cx.opt(&o, "rag", read_rag),
        progress: cx.opt(&o, "progress", Cx::progress),
        success_measures: cx.list(&o, "success_measures", Cx::text),
        milestones: cx.list(&o, "milestones", |cx, v, at| {
            let m = cx.object(v, at, "milestone")?;
            let title = cx.req(&m, "title", "milestone", Cx::text);
            Some(Milestone {
                title: title?,
                due: cx.opt(&m, "due", Cx::date),
                completed: cx.opt(&m, "completed", Cx::date),
            })
        }),
        updates: cx.list(&o, "updates", |cx, v, at| {
            let u = cx.object(v, at, "update")?;
            let date = cx.req(&u, "date", "update", Cx::date);
            let mut revised_due = cx.opt(&u, "revised_due", Cx::date);
            if let (Some(s), Some(r), Some(rv)) = (start, revised_due, u.get("revised_due")) {
                if r < s {
                    // A due date before the work began cannot be right. Only the date is left
                    // out (not the update, whose text and status still stand), so that it is
                    // not counted as a slipped or brought-forward date.
                    let at = u.at("revised_due", rv);
                    cx.push(Severity::Error, Rule::Inconsistent, at.path(), at.offset, format!("this update revises the due date to {r}, before the action starts ({s}); check the two dates (the revised date is left out, the rest of the update is shown)"));
                    revised_due = None;
                }
            }
            Some(Update {
                date: date?,
                text: cx.opt(&u, "text", Cx::text),
                status: cx.opt(&u, "status", read_status),
                rag: cx.opt(&u, "rag", read_rag),
                progress: cx.opt(&u, "progress", Cx::progress),
                revised_due,
                meeting: cx.opt(&u, "meeting", |cx, v, at| {
                    cx.refers(v, at, "meetings", "meeting", &owner)
                }),
            })
        }),
        indicators: cx.refs(&o, "indicators", "indicators", "indicator", &owner),
        evidence: cx.list(&o, "evidence", |cx, v, at| {
            let e = cx.object(v, at, "piece of evidence")?;
            let text = cx.req(&e, "text", "piece of evidence", Cx::text);
            Some(Evidence {
                text: text?,
                url: cx.opt(&e, "url", Cx::url),
            })
        }),
        signed_off: cx.opt(&o, "signed_off", Cx::date),
        number: cx.opt(&o, "number", |cx, v, at| {
            if let Kind::Number(n) = v.kind {
                cx.error(Rule::Type, at, format!("found the number {n}, expected the action's number as text in quotes, e.g. \"1.10\" (as a number, 1.10 would be read as 1.1)"));
                return None;
            }
            let s = cx.string(v, at)?;
            if s.trim().is_empty() {
                cx.error(Rule::Range, at, "the number is empty; give the number readers see, e.g. \"1.3\", or leave the key out to show the id".into());
                return None;
            }
            Some(s)
        }),
        recurrence: cx.opt(&o, "recurrence", Cx::text),
        id: id?,
        title: title?,
        status: status?,
    };
    if a.status == Status::Complete && a.completed.is_none() {
        let at = At {
            parent: &o.path,
            key: "completed",
            offset: o.get("status").map_or(o.offset, |v| v.offset),
        };
        cx.warn(Rule::Suspicious, at, format!("action \"{}\" is complete but has no \"completed\" date; add the date it was completed", a.id));
    }
    if let (Some(s), Some(c), Some(cv)) = (start, completed, o.get("completed")) {
        if c < s {
            cx.warn(Rule::Suspicious, o.at("completed", cv), format!("action \"{}\" was completed ({c}) before it started ({s}); check the two dates", a.id));
        }
    }
    Some(a)
}

pub(super) fn read_value(cx: &mut Cx, v: &J, at: At) -> Option<Value> {
    let o = cx.object(v, at, "value")?;
    let period = cx.req(&o, "period", "value", Cx::period);
    let (value, suppressed) = read_figure(cx, &o, "the figure");
    Some(Value {
        note: cx.opt(&o, "note", Cx::text),
        approximate: cx.opt(&o, "approximate", Cx::boolean).unwrap_or(false),
        breakdown: cx.list(&o, "breakdown", read_part),
        period: period?,
        value: value?,
        suppressed,
    })
}

/// The required `value` of a figure or of a part of one (a number, or `null` when withheld)
/// and its `suppressed` flag. `what` names it in the message when it is missing.
pub(super) fn read_figure(cx: &mut Cx, o: &Obj, what: &str) -> (Option<Option<f64>>, bool) {
    let suppressed = cx.opt(o, "suppressed", Cx::boolean).unwrap_or(false);
    let value = match o.raw("value") {
        None => {
            let at = At {
                parent: &o.path,
                key: "value",
                offset: o.offset,
            };
            cx.error(Rule::Required, at, format!("\"value\" is missing; give {what}, or \"value\": null with \"suppressed\": true for a withheld figure"));
            None
        }
        Some(j) if j.kind == Kind::Null => {
            if !suppressed {
                cx.warn(Rule::Suspicious, o.at("value", j), "the figure is null but not marked \"suppressed\": true; it is shown as no figure".into());
            }
            Some(None)
        }
        Some(j) => {
            let n = cx.number(j, o.at("value", j));
            if suppressed && n.is_some() {
                cx.warn(Rule::Suspicious, o.at("value", j), "this figure is marked \"suppressed\" so it is not shown; write \"value\": null for a withheld figure".into());
                Some(None)
            } else {
                n.map(Some)
            }
        }
    };
    (value, suppressed)
}

/// (1.1) One part of a figure's breakdown: a label and a figure (or a withheld one).
pub(super) fn read_part(cx: &mut Cx, v: &J, at: At) -> Option<Part> {
    let o = cx.object(v, at, "part of a breakdown")?;
    let label = cx.req(&o, "label", "part of a breakdown", Cx::text);
    let (value, suppressed) = read_figure(cx, &o, "the part's figure");
    Some(Part {
        label: label?,
        value: value?,
        suppressed,
    })
}

pub(super) fn read_indicator(cx: &mut Cx, v: &J, at: At) -> Option<Indicator> {
    let o = cx.object(v, at, "indicator")?;
    let id = cx.own_id(&o, "indicators", "indicator");
    let name = cx.req(&o, "name", "indicator", Cx::text);
    let unit = cx.req(&o, "unit", "indicator", |cx, v, at| {
        cx.word(v, at, "a unit", Unit::ALL, Unit::word, Unit::from_word)
    });
    let polarity = cx.req(&o, "polarity", "indicator", |cx, v, at| {
        cx.word(
            v,
            at,
            "a polarity",
            Polarity::ALL,
            Polarity::word,
            Polarity::from_word,
        )
    });
    let target = cx.opt(&o, "target", |cx, v, at| {
        let t = cx.object(v, at, "target")?;
        let value = cx.req(&t, "value", "target", Cx::number);
        let by = cx.opt(&t, "by", Cx::date);
        Some(Target { value: value?, by })
    });
    Some(Indicator {
        target,
        values: cx.list(&o, "values", read_value),
        comparators: cx.list(&o, "comparators", |cx, v, at| {
            let c = cx.object(v, at, "comparator")?;
            let name = cx.req(&c, "name", "comparator", Cx::text);
            Some(Comparator {
                name: name?,
                values: cx.list(&c, "values", read_value),
            })
        }),
        source: cx.opt(&o, "source", Cx::text),
        description: cx.opt(&o, "description", Cx::text),
        id: id?,
        name: name?,
        unit: unit?,
        polarity: polarity?,
    })
}

pub(super) fn read_meeting(cx: &mut Cx, v: &J, at: At) -> Option<Meeting> {
    let o = cx.object(v, at, "meeting")?;
    let id = cx.own_id(&o, "meetings", "meeting");
    let date = cx.req(&o, "date", "meeting", Cx::day);
    let body = cx.req(&o, "body", "meeting", Cx::text);
    Some(Meeting {
        title: cx.opt(&o, "title", Cx::text),
        url: cx.opt(&o, "url", Cx::url),
        outcome: cx.opt(&o, "outcome", Cx::text),
        follow_ups: cx.list(&o, "follow_ups", |cx, v, at| {
            let f = cx.object(v, at, "follow-up")?;
            let text = cx.req(&f, "text", "follow-up", Cx::text);
            Some(FollowUp {
                lead: cx.opt(&f, "lead", Cx::text),
                due: cx.opt(&f, "due", Cx::date),
                done: cx.opt(&f, "done", Cx::date),
                text: text?,
            })
        }),
        id: id?,
        date: date?,
        body: body?,
    })
}
