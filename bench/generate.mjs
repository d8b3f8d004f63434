// Deterministic, realistic feeds for the benchmark (issue #6).
//
//   node bench/generate.mjs [names...] [--out DIR]
//       names default to 100 1000 10000 50000 (see VARIANTS; also 50000-full); DIR defaults
//       to bench/feeds/ (gitignored). Writes DIR/actions-<name>.json, prints each file's size.
//
//   import { generateFeed, feedText } from "./generate.mjs";
//   const feed = generateFeed(10000);   // a plain object; the same every time for the same N
//   const text = feedText("10000");     // the file's text
//
// The shapes follow www/examples/northbridge.json: priorities with leads and findings,
// actions numbered "3.12" with some sub-actions ("3.12a", `parent`), leads and teams from a
// council's roles, start/due/revised_due/completed dates, status and RAG that agree with the
// dates, progress, success measures, milestones, evidence, sign-off, dated updates (most of
// them reported at a meeting), and indicators with monthly values, targets and comparators.
// The proportions (how many actions have milestones, updates, a description...) are those of
// the three example feeds. A seeded PRNG makes every run produce the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const AS_OF = "2026-10-31";

/** mulberry32: a small seeded PRNG, so every feed is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const days = (s) => Date.parse(`${s}T00:00:00Z`);
const AS_OF_MS = days(AS_OF);

const AREAS = ["impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"];
const FINDING_KINDS = ["area_for_improvement", "area_for_improvement", "recommendation", "priority_action"];

const THEMES = [
  ["Leadership, governance and quality assurance", "Director of Children's Services"],
  ["Front door, MASH and early help", "Head of Early Help and MASH"],
  ["Assessment and planning for children in need", "Head of Children in Need"],
  ["Management oversight and supervision", "Principal Social Worker"],
  ["Children in care: stability and permanence", "Head of Children in Care"],
  ["Care leavers: accommodation and pathway plans", "Head of Leaving Care"],
  ["Workforce: recruitment, retention and caseloads", "Assistant Director, Workforce"],
  ["Participation and the voice of the child", "Participation Manager"],
  ["Partnership working and safeguarding partners", "Assistant Director, Safeguarding"],
  ["Performance information and use of data", "Head of Performance and Intelligence"],
  ["Placement sufficiency and commissioning", "Head of Commissioning"],
  ["Disabled children and transitions", "Head of Disabled Children's Service"],
];

const LEADS = [
  "Director of Children's Services",
  "Assistant Director, Safeguarding",
  "Assistant Director, Corporate Parenting",
  "Assistant Director, Workforce",
  "Principal Social Worker",
  "Head of Early Help and MASH",
  "Head of Children in Need",
  "Head of Children in Care",
  "Head of Leaving Care",
  "Head of Quality Assurance",
  "Head of Performance and Intelligence",
  "Head of Commissioning",
  "Head of Fostering",
  "Head of Adoption",
  "Head of Disabled Children's Service",
  "Participation Manager",
  "Independent Reviewing Service Manager",
  "Workforce Development Manager",
  "Service Manager, Court and Permanence",
  "Service Manager, Edge of Care",
  "Designated Nurse for Children in Care",
  "Virtual School Head",
];

const TEAMS = [
  "Directorate Leadership Team",
  "Quality Assurance Team",
  "MASH",
  "Early Help Hub",
  "Assessment Teams",
  "Children in Need Teams",
  "Children in Care Teams",
  "Leaving Care Team",
  "Fostering Service",
  "Adoption Service",
  "Independent Reviewing Service",
  "Performance and Intelligence Team",
  "Workforce Development",
  "Commissioning and Sufficiency",
  "Participation Team",
  "Virtual School",
];

const VERBS = [
  "Introduce", "Review", "Strengthen", "Embed", "Audit", "Launch", "Recruit", "Train", "Redesign",
  "Publish", "Agree", "Extend", "Monitor", "Set up", "Improve", "Develop", "Refresh", "Evaluate",
];
const OBJECTS = [
  "the multi-agency safeguarding hub's threshold guidance",
  "supervision standards for frontline managers",
  "a practice model for assessments of children in need",
  "the quality assurance framework and monthly thematic audits",
  "pathway plans for care leavers aged 18 to 21",
  "the sufficiency strategy for foster placements",
  "a permanent workforce through a recruitment and retention offer",
  "life-story work for children in care",
  "return home interviews for children who go missing",
  "the performance scorecard for the Improvement Board",
  "joint working with health visitors and schools",
  "the Children in Care Council's role in service design",
  "caseload monitoring in the assessment teams",
  "step-down arrangements from children's social care to early help",
  "the use of chronologies in case records",
  "management oversight of strategy discussions",
  "semi-independent accommodation for 16 and 17 year olds",
  "the advocacy offer for children subject to child protection plans",
  "training on contextual safeguarding and exploitation",
  "the Public Law Outline tracker and pre-proceedings work",
  "annual health assessments for children in care",
  "the local offer for care leavers",
];
const PURPOSE = [
  "so that children's plans say clearly what needs to change and by when",
  "so that managers' decisions are recorded and acted on",
  "so that fewer children wait for help",
  "so that care leavers live in suitable accommodation",
  "so that children have fewer changes of social worker",
  "so that leaders know what difference services make to children",
  "so that children's views shape their plans",
  "so that partners share information quickly and safely",
];
const UPDATE_TEXT = [
  "Audit of {n} cases completed; {p}% rated good or better, up from {q}% at the last audit.",
  "Training delivered to {n} practitioners and managers. Feedback positive; follow-up sessions booked.",
  "Recruitment campaign closed with {n} applications; {q} offers made to experienced social workers.",
  "Guidance revised after consultation with partners and signed off by the Safeguarding Partnership.",
  "Delayed by vacancies in the team; recovery plan agreed with the Assistant Director.",
  "Pilot in two teams finished; evaluation shows better recording of management decisions.",
  "Reported to the Improvement Board, which asked for evidence of impact on children's experience.",
  "Dip sample of {n} records shows supervision within timescales in {p}% of cases.",
  "New tracker in use; weekly performance clinics review every child waiting more than {q} days.",
  "Young people from the Children in Care Council co-produced the revised leaflets.",
];
const MEASURES = [
  "At least {p}% of audited cases rated good or better",
  "Supervision recorded within timescales for {p}% of children",
  "No child waits more than {q} working days for an assessment decision",
  "{p}% of care leavers in suitable accommodation",
  "Social worker turnover below {q}%",
  "Every child in care has an up-to-date health assessment",
];
const MILESTONES = [
  "Project group set up", "Draft guidance agreed", "Training delivered", "Pilot completed",
  "Evaluation reported to the Improvement Board", "Roll-out across all teams", "First audit completed",
];
const EVIDENCE = [
  "Quality assurance audit report", "Improvement Board minutes", "Training attendance and evaluation",
  "Performance scorecard", "Independent review", "Practice guidance (published)",
];
const BODIES = [
  "Children's Services Improvement Board", "Cabinet", "Children and Young People Scrutiny Committee",
  "Corporate Parenting Board", "Safeguarding Children Partnership Executive",
];

function fill(r, template) {
  return template
    .replace("{n}", String(r.int(12, 240)))
    .replace("{p}", String(r.int(55, 95)))
    .replace("{q}", String(r.int(5, 40)));
}

/** A plain object: the feed of `n` actions; the same for the same `n`. */
export function generateFeed(n, { lean = false } = {}) {
  const r = rng(0x5eed ^ n);
  // Lean: the same actions without the long texts (descriptions, success measures, milestones,
  // evidence) and with fewer updates, so that 50,000 actions fit the feed spec's 20 MiB limit.
  const full = (p) => !lean && r.chance(p);
  const nPriorities = Math.min(THEMES.length, Math.max(4, Math.round(Math.log2(n)) + 1));
  const nFindings = Math.min(60, 10 + Math.round(n / 100));
  const nMeetings = Math.min(150, 8 + Math.round(n / 50));
  const nIndicators = Math.min(40, 8 + Math.round(n / 500));

  const findings = [];
  for (let i = 0; i < nFindings; i++) {
    const kind = i < 3 ? "strength" : r.pick(FINDING_KINDS);
    findings.push({
      id: `2025-${kind === "strength" ? "S" : kind === "recommendation" ? "R" : kind === "priority_action" ? "PA" : "AFI"}${i + 1}`,
      inspection: "ilacs-2025",
      kind,
      area: r.pick(AREAS),
      text: `${r.pick(VERBS) === "Audit" ? "Leaders do not yet audit" : "Inspectors found weaknesses in"} ${r.pick(OBJECTS)}, ${r.pick(PURPOSE).replace("so that", "and as a result not all")}.`,
    });
  }
  const needy = findings.filter((f) => f.kind !== "strength");

  const priorities = [];
  for (let i = 0; i < nPriorities; i++) {
    const [title, lead] = THEMES[i];
    priorities.push({
      id: `P${i + 1}`,
      title,
      description: `${r.pick(VERBS)} ${r.pick(OBJECTS)}, ${r.pick(PURPOSE)}.`,
      lead,
      findings: [r.pick(needy).id, r.pick(needy).id].filter((v, k, a) => a.indexOf(v) === k),
    });
  }

  const meetings = [];
  for (let i = 0; i < nMeetings; i++) {
    const date = iso(days("2026-01-15") + Math.floor((i * (AS_OF_MS - days("2026-01-15"))) / nMeetings));
    meetings.push({
      id: `m-${i + 1}`,
      date,
      body: BODIES[i % BODIES.length],
      title: "Progress against the improvement plan",
      url: `https://democracy.example.gov.uk/ieListDocuments.aspx?MId=${9000 + i}`,
      outcome: r.pick(["Noted", "Progress noted; further assurance requested on care leavers", "Endorsed"]),
    });
  }

  const indicators = [];
  for (let i = 0; i < nIndicators; i++) {
    const higher = r.chance(0.6);
    const base = r.int(40, 80);
    const values = [];
    for (let m = 0; m < 14; m++) {
      const month = new Date(Date.UTC(2025, 8 + m, 1)).toISOString().slice(0, 7);
      values.push({ period: month, value: Math.round((base + m * (higher ? 0.7 : -0.5) + r.next() * 3) * 10) / 10 });
    }
    if (r.chance(0.1)) {
      const j = r.int(0, 12);
      values[j] = { period: values[j].period, value: null, suppressed: true };
    }
    indicators.push({
      id: `ind-${i + 1}`,
      name: `${r.pick(["Percentage of", "Number of", "Rate of"])} ${r.pick(OBJECTS).replace(/^the /, "")}`,
      unit: r.pick(["percent", "percent", "count", "rate_per_10000", "days"]),
      polarity: higher ? "higher_is_better" : r.chance(0.8) ? "lower_is_better" : "neutral",
      ...(r.chance(0.8) ? { target: { value: base + (higher ? 10 : -10), by: "2027-03-31" } } : {}),
      values,
      comparators: [
        { name: "England", values: [{ period: "2024/25", value: base + 2 }, { period: "2025/26", value: base + 3 }] },
      ],
      source: "Children's services performance scorecard",
    });
  }

  // Actions: ~85% top-level ("3.12"), ~15% sub-actions ("3.12a") under the one before.
  const actions = [];
  const perPriority = new Array(nPriorities).fill(0);
  let lastTop = null;
  let subLetter = 0;
  for (let i = 0; i < n; i++) {
    const sub = lastTop && r.chance(0.15) && subLetter < 5;
    let id;
    let p;
    if (sub) {
      p = lastTop.priority;
      id = `${lastTop.id}${String.fromCharCode(97 + subLetter++)}`;
    } else {
      const pi = i < nPriorities ? i : r.int(0, nPriorities - 1);
      p = `P${pi + 1}`;
      id = `${pi + 1}.${++perPriority[pi]}`;
      subLetter = 0;
    }
    const start = days("2025-11-01") + r.int(0, 300) * DAY;
    const due = start + r.int(30, 540) * DAY;
    const revised = r.chance(0.15) ? due + r.int(30, 180) * DAY : null;
    const effDue = revised ?? due;
    // Status agrees with the dates: most actions due before as_of are complete.
    let status;
    if (r.chance(0.04)) status = "withdrawn";
    else if (start > AS_OF_MS) status = "not_started";
    else if (effDue < AS_OF_MS) status = r.chance(0.75) ? "complete" : "in_progress";
    else status = r.chance(0.12) ? "complete" : r.chance(0.9) ? "in_progress" : "not_started";
    const completed = status === "complete" ? Math.min(AS_OF_MS, effDue + r.int(-40, 20) * DAY, AS_OF_MS) : null;
    const completedMs = completed === null ? null : Math.max(completed, start + DAY);
    const progress =
      status === "complete" ? 100 : status === "not_started" ? 0 : status === "withdrawn" ? r.int(0, 50) : r.int(5, 95);
    const rag =
      status === "complete"
        ? "blue"
        : status === "withdrawn"
          ? undefined
          : effDue < AS_OF_MS
            ? "red"
            : r.pick(["green", "green", "amber", "amber", "red"]);
    const a = { id, priority: p };
    if (sub) a.parent = lastTop.id;
    a.title = `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
    if (full(0.5)) a.description = `${r.pick(VERBS)} ${r.pick(OBJECTS)}, ${r.pick(PURPOSE)}.`;
    a.lead = r.pick(LEADS);
    if (r.chance(0.95)) a.team = r.pick(TEAMS);
    a.start = iso(start);
    if (r.chance(0.97)) a.due = iso(due);
    if (revised && a.due) a.revised_due = iso(revised);
    if (completedMs !== null) a.completed = iso(completedMs);
    a.status = status;
    if (rag && r.chance(0.93)) a.rag = rag;
    if (r.chance(0.93)) a.progress = progress;
    if (r.chance(0.5)) a.findings = [r.pick(needy).id];
    if (full(0.45)) a.success_measures = [fill(r, r.pick(MEASURES)), fill(r, r.pick(MEASURES))];
    if (full(0.25)) {
      const k = r.int(2, 4);
      const first = r.int(0, MILESTONES.length - k);
      a.milestones = [];
      for (let m = 0; m < k; m++) {
        const md = start + Math.floor(((m + 1) * (due - start)) / (k + 1));
        const ms = { title: MILESTONES[first + m], due: iso(md) };
        if (md < AS_OF_MS && status !== "not_started" && r.chance(0.8)) ms.completed = iso(Math.min(md + r.int(-10, 10) * DAY, AS_OF_MS));
        a.milestones.push(ms);
      }
    }
    if (r.chance(0.25)) a.indicators = [r.pick(indicators).id];
    if (status === "complete" && full(0.35)) {
      a.evidence = [{ text: r.pick(EVIDENCE), url: `https://www.example.gov.uk/improvement/evidence/${i + 1}` }];
    }
    if (status === "complete" && r.chance(0.9)) a.signed_off = iso(Math.min(completedMs + r.int(5, 40) * DAY, AS_OF_MS));
    // Updates: about two per action, newest first as councils tend to write them.
    if (start < AS_OF_MS && r.chance(lean ? 0.3 : 0.92)) {
      const k = lean ? 1 : r.int(1, 4);
      const ups = [];
      for (let u = 0; u < k; u++) {
        const date = Math.min(AS_OF_MS, start + Math.floor(((u + 1) * (AS_OF_MS - start)) / (k + 1)));
        const up = { date: iso(date), text: fill(r, r.pick(UPDATE_TEXT)) };
        if (u === k - 1 && r.chance(0.4)) up.status = status;
        if (rag && r.chance(0.95)) up.rag = u === k - 1 ? rag : r.pick(["green", "amber", "red"]);
        if (r.chance(0.9)) up.progress = Math.min(progress, Math.round((progress * (u + 1)) / k));
        if (r.chance(0.65)) up.meeting = meetings[Math.min(nMeetings - 1, Math.floor(((date - days("2026-01-15")) / (AS_OF_MS - days("2026-01-15"))) * nMeetings))]?.id ?? meetings[0].id;
        ups.push(up);
      }
      a.updates = ups.reverse();
    }
    actions.push(a);
    if (!sub) lastTop = a;
  }

  return {
    schema_version: "1.0",
    publisher: {
      name: "Benchmark Borough Council",
      url: "https://www.example.gov.uk/",
      contact_email: "childrens.improvement@example.gov.uk",
    },
    as_of: AS_OF,
    published: "2026-11-07",
    plan: {
      id: `BBC-CSIP-${n}`,
      title: "Children's Services Improvement Plan 2026 to 2028",
      summary: `A generated plan of ${n} actions for the benchmark (bench/generate.mjs).`,
      approved: "2026-01-20",
      approved_by: "Cabinet",
      next_review: "2027-01-31",
      rag_definitions: {
        red: "Off track: the action will not be delivered on time without intervention",
        amber: "At risk: some slippage, recoverable",
        green: "On track",
        blue: "Complete",
      },
    },
    inspections: [
      {
        id: "ilacs-2025",
        inspectorate: "ofsted",
        type: "ilacs_standard",
        title: "Inspection of local authority children's services (ILACS)",
        start: "2025-10-06",
        end: "2025-10-17",
        published: "2025-12-02",
        judgements: [
          { area: "impact_of_leaders", grade: "requires_improvement" },
          { area: "help_and_protection", grade: "requires_improvement" },
          { area: "children_in_care", grade: "good" },
          { area: "care_leavers", grade: "requires_improvement" },
        ],
      },
    ],
    findings,
    priorities,
    actions,
    indicators,
    meetings,
  };
}

/**
 * The benchmark's feeds. The realistic generator writes ~870 bytes per action, so 50,000
 * realistic actions make a 43 MB file, over the feed spec's 20 MiB limit (the widget refuses
 * it, by design, with its "too large" message). The 50,000 row therefore uses the lean
 * variant (~17 MB); "50000-full" is the realistic one, for the refusal check only.
 */
export const VARIANTS = {
  100: { n: 100 },
  1000: { n: 1000 },
  10000: { n: 10000 },
  50000: { n: 50000, lean: true },
  "50000-full": { n: 50000 },
};
export const SIZES = ["100", "1000", "10000", "50000"];

/** The text a council would publish: compact JSON (as exported from a system), one line. */
export function feedText(name) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown feed ${name}: one of ${Object.keys(VARIANTS).join(", ")}`);
  return JSON.stringify(generateFeed(v.n, v)) + "\n";
}

export const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
export const FEED_DIR = join(BENCH_DIR, "feeds");

/** Writes DIR/actions-<name>.json for each variant name; returns [{ name, n, file, bytes }]. */
export function writeFeeds(names = SIZES, dir = FEED_DIR) {
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const text = feedText(name);
    const file = join(dir, `actions-${name}.json`);
    writeFileSync(file, text);
    return { name, n: VARIANTS[name].n, lean: !!VARIANTS[name].lean, file, bytes: Buffer.byteLength(text) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const dir = outAt >= 0 ? args[outAt + 1] : undefined;
  const names = args.filter((a, i) => !a.startsWith("--") && (outAt < 0 || i !== outAt + 1));
  for (const f of writeFeeds(names.length ? names : SIZES, dir)) {
    console.log(`${f.name.padStart(10)}  ${String(f.n).padStart(6)} actions${f.lean ? " (lean)" : "       "}  ${(f.bytes / 1e6).toFixed(2).padStart(6)} MB  ${f.file}`);
  }
}
