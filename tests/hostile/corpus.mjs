// The hostile corpus: small feeds written to tests/hostile/feeds/ (committed) and big ones
// made at test time (never committed). Run `node tests/hostile/corpus.mjs` after changing
// payloads.json to rewrite feeds/; tests/browser/security.test.mjs checks they are up to date.
//
//   import { payloads, mega, tag, bigFeeds, rawFeeds } from "../../hostile/corpus.mjs";
//
// Every text field of feeds/everything.json holds `⟦path⟧ ` + MEGA, where MEGA is every
// markup payload joined by spaces, so a test can find each field's text in every output
// and see that it is shown exactly as written. Every payload that ever ran would set
// window.__pwned (the sentinel).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const HOSTILE_DIR = fileURLToPath(new URL(".", import.meta.url));
export const FEEDS_DIR = join(HOSTILE_DIR, "feeds");
export const payloads = JSON.parse(readFileSync(join(HOSTILE_DIR, "payloads.json"), "utf8"));

/** Every markup payload, joined by spaces. */
export const mega = payloads.markup.join(" ");

/** The text of a field in everything.json: its own tag, then every markup payload. */
export const tag = (path) => `⟦${path}⟧ ${mega}`;

const AS_OF = "2026-10-31";
/** JSON.stringify writes -0 as 0: this placeholder becomes a literal -0 in the file. */
const MINUS_ZERO = "\u0000minus-zero\u0000";
/** JSON.stringify cannot write 1e400 (Infinity becomes null): this placeholder becomes 1e400. */
const HUGE = "\u0000huge\u0000";
/** A feed as the text of its file, with -0 and 1e400 kept. */
export const feedText = (v, indent) =>
  JSON.stringify(v, null, indent).replaceAll(JSON.stringify(MINUS_ZERO), "-0").replaceAll(JSON.stringify(HUGE), "1e400");

/** Hostile ids: each one a breakout attempt too (ids appear in attributes and URLs). */
export const IDS = {
  action: `1"><img src=x onerror=window.__pwned='aid'>`,
  sub: `1.1'><svg onload=window.__pwned='sid'>`,
  action2: "2 <script>window.__pwned='aid2'</script>",
  priority: `P"'><svg onload=window.__pwned='pid'> & :,#=`,
  finding: `F"><img src=x onerror=window.__pwned='fid'>`,
  finding2: "F2 </summary><script>window.__pwned='fid2'</script>",
  indicator: `I"><script>window.__pwned='iid'</script>`,
  meeting: `M"><img src=x onerror=window.__pwned='mid'>`,
  inspection: `X"><img src=x onerror=window.__pwned='xid'>`,
};

/** A feed with hostile text in every text field (and hostile ids), otherwise valid. */
export function everything() {
  const t = tag;
  return {
    schema_version: "1.0",
    publisher: { name: t("publisher.name"), url: payloads.odd_good_urls[0], contact_email: t("publisher.contact_email") },
    as_of: AS_OF,
    published: "2026-11-01",
    plan: {
      id: t("plan.id"),
      title: t("plan.title"),
      summary: t("plan.summary"),
      approved: "2026-03-10",
      approved_by: t("plan.approved_by"),
      next_review: "2027-03-09",
      url: payloads.odd_good_urls[1],
      rag_definitions: {
        red: t("plan.rag_definitions.red"),
        amber: t("plan.rag_definitions.amber"),
        green: t("plan.rag_definitions.green"),
        blue: t("plan.rag_definitions.blue"),
      },
    },
    inspections: [
      {
        id: IDS.inspection,
        inspectorate: "ofsted",
        type: "ilacs_standard",
        title: t("inspections[0].title"),
        start: "2025-10-06",
        end: "2025-10-17",
        published: "2025-11-28",
        report_url: payloads.odd_good_urls[2],
        judgements: [
          { area: "overall_effectiveness", grade: "requires_improvement" },
          { area: "other", grade: "good", label: t("inspections[0].judgements[1].label") },
        ],
        summary: t("inspections[0].summary"),
      },
      {
        id: "X2",
        inspectorate: "ofsted",
        type: "focused_visit",
        title: t("inspections[1].title"),
        start: "2024-05-01",
        end: "2024-05-02",
        published: "2024-06-01",
        report_url: payloads.odd_good_urls[3],
        judgements: [{ area: "other", grade: "not_judged", label: t("inspections[1].judgements[0].label") }],
        summary: t("inspections[1].summary"),
      },
    ],
    findings: [
      { id: IDS.finding, inspection: IDS.inspection, kind: "priority_action", area: "help_and_protection", text: t("findings[0].text") },
      { id: IDS.finding2, inspection: IDS.inspection, kind: "area_for_improvement", area: "care_leavers", text: t("findings[1].text") },
      { id: "F3", inspection: "X2", kind: "strength", text: t("findings[2].text") },
    ],
    priorities: [
      {
        id: IDS.priority,
        title: t("priorities[0].title"),
        description: t("priorities[0].description"),
        lead: t("priorities[0].lead"),
        findings: [IDS.finding],
      },
    ],
    actions: [
      {
        id: IDS.action,
        priority: IDS.priority,
        title: t("actions[0].title"),
        description: t("actions[0].description"),
        findings: [IDS.finding2],
        lead: t("actions[0].lead"),
        team: t("actions[0].team"),
        start: "2026-01-05",
        due: "2026-09-30",
        revised_due: "2026-11-15",
        status: "in_progress",
        rag: "amber",
        progress: MINUS_ZERO,
        success_measures: [t("actions[0].success_measures[0]"), t("actions[0].success_measures[1]")],
        milestones: [{ title: t("actions[0].milestones[0].title"), due: "2026-06-30", completed: "2026-07-02" }],
        updates: [
          { date: "2026-05-01", text: t("actions[0].updates[0].text"), status: "in_progress", rag: "red", progress: 10, meeting: IDS.meeting },
          { date: "2026-09-01", text: t("actions[0].updates[1].text"), rag: "amber", progress: 40 },
        ],
        indicators: [IDS.indicator],
        evidence: [
          { text: t("actions[0].evidence[0].text"), url: payloads.odd_good_urls[0] },
          { text: t("actions[0].evidence[1].text") },
        ],
      },
      {
        id: IDS.sub,
        parent: IDS.action,
        priority: IDS.priority,
        title: t("actions[1].title"),
        lead: t("actions[0].lead"),
        status: "complete",
        rag: "blue",
        due: "2026-04-30",
        completed: "2026-04-20",
        signed_off: "2026-05-01",
      },
      {
        id: IDS.action2,
        title: t("actions[2].title"),
        lead: t("actions[2].lead"),
        status: "not_started",
        rag: "red",
        due: "2026-08-31",
      },
    ],
    indicators: [
      {
        id: IDS.indicator,
        name: t("indicators[0].name"),
        unit: "percent",
        polarity: "higher_is_better",
        target: { value: 80, by: "2027-03-31" },
        values: [
          { period: "2025-Q4", value: 61.5, note: t("indicators[0].values[0].note") },
          { period: "2026-Q1", value: null, suppressed: true },
          { period: "2026-Q2", value: 70, note: t("indicators[0].values[2].note") },
        ],
        comparators: [
          {
            name: t("indicators[0].comparators[0].name"),
            values: [
              { period: "2025-Q4", value: 75, note: t("indicators[0].comparators[0].values[0].note") },
              { period: "2026-Q2", value: 76 },
            ],
          },
        ],
        source: t("indicators[0].source"),
        description: t("indicators[0].description"),
      },
      {
        id: "I2",
        name: { en: t("indicators[1].name.en"), cy: t("indicators[1].name.cy") },
        unit: "days",
        polarity: "lower_is_better",
        values: [
          { period: "2024/25", value: 30 },
          { period: "2025/26", value: 25 },
        ],
      },
    ],
    meetings: [
      {
        id: IDS.meeting,
        date: "2026-05-12",
        body: t("meetings[0].body"),
        title: t("meetings[0].title"),
        url: payloads.odd_good_urls[1],
        outcome: t("meetings[0].outcome"),
      },
      { id: "M2", date: "2026-12-01", body: t("meetings[1].body"), title: t("meetings[1].title") },
    ],
  };
}

/**
 * The text fields of everything.json that a reader must be able to see somewhere in the
 * widget (every view visited, every action opened), exactly as written. Ids are listed
 * separately (IDS); contact_email and plan.id are not shown by the widget at all.
 */
export function shownFields(lang = "en") {
  const feed = everything();
  const out = [];
  const walk = (v, path) => {
    if (typeof v === "string") {
      const m = /^⟦([^⟧]*)⟧ /.exec(v);
      if (m && m[1] !== "publisher.contact_email" && m[1] !== "plan.id") {
        if (!/\.(en|cy)$/.test(m[1]) || m[1].endsWith(`.${lang}`)) out.push(m[1]);
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(feed, "");
  return [...new Set(out)];
}

function minimal(extra = {}) {
  return {
    schema_version: "1.0",
    publisher: { name: "Hostile Borough Council" },
    as_of: AS_OF,
    plan: { title: "Hostile test plan" },
    actions: [],
    ...extra,
  };
}

/** One action per formula payload: as its id, title, lead and team, and its priority's title. */
export function formulas() {
  const f = payloads.formulas;
  return minimal({
    priorities: f.map((x, i) => ({ id: `P${i}`, title: x })),
    actions: f.map((x, i) => ({
      id: x.trim() === "" ? `blank ${i}` : x,
      title: x,
      lead: x,
      team: x,
      priority: `P${i}`,
      status: "in_progress",
      due: "2026-12-31",
    })),
  });
}

/** Right-to-left, zero-width, combining, emoji, separators and control characters. */
export function unicode() {
  const all = [...payloads.unicode, ...payloads.controls];
  return minimal({
    publisher: { name: all.join(" | ") },
    plan: { title: payloads.unicode[0], summary: payloads.unicode.join(" ") },
    actions: all.map((x, i) => ({
      id: `U${i}`,
      title: x,
      lead: x,
      description: x,
      status: "in_progress",
      due: "2026-12-31",
    })),
  });
}

/**
 * Every bad URL in each URL field that sits in a list item (inspection report_url, evidence
 * url, meeting url): each such item must be left out with a URL error; the good item of each
 * list stays. Top-level fields (publisher.url, plan.url) are in urlsTop().
 */
export function urls() {
  const bad = payloads.bad_urls;
  return minimal({
    inspections: [
      { id: "good", inspectorate: "ofsted", type: "monitoring_visit", title: "Good inspection", report_url: "https://example.gov.uk/report" },
      ...bad.map((u, i) => ({ id: `X${i}`, inspectorate: "ofsted", type: "monitoring_visit", title: `Bad inspection ${i}`, report_url: u })),
    ],
    actions: [
      {
        id: "1",
        title: "Action with evidence",
        status: "in_progress",
        evidence: [
          { text: "Good evidence", url: "https://example.gov.uk/evidence" },
          ...bad.map((u, i) => ({ text: `Bad evidence ${i}`, url: u })),
        ],
      },
    ],
    meetings: [
      { id: "good", date: "2026-05-01", body: "Good meeting", url: "https://example.gov.uk/minutes" },
      ...bad.map((u, i) => ({ id: `M${i}`, date: "2026-05-01", body: `Bad meeting ${i}`, url: u })),
    ],
  });
}

/** A bad URL in each top-level URL field (publisher.url, plan.url). */
export function urlsTop() {
  return minimal({
    publisher: { name: "Hostile Borough Council", url: "javascript:window.__pwned='publisher-url'" },
    plan: { title: "Hostile test plan", url: "data:text/html,<script>window.__pwned='plan-url'</script>" },
    actions: [{ id: "1", title: "Still shown", status: "in_progress" }],
  });
}

/** Numbers at the edges: -0, tiny, huge, numbers written as text, out of range. */
export function numbers() {
  return minimal({
    actions: [
      { id: "minus-zero", title: "Progress minus zero", status: "in_progress", progress: MINUS_ZERO },
      { id: "tiny", title: "Progress tiny", status: "in_progress", progress: 1e-300 },
      { id: "text", title: "Progress as text", status: "in_progress", progress: "50" },
      { id: "percent-text", title: "Progress as percent text", status: "in_progress", progress: "50%" },
      { id: "over", title: "Progress over 100", status: "in_progress", progress: 100.0000001 },
      { id: "negative", title: "Progress negative", status: "in_progress", progress: -1 },
      { id: "huge", title: "Progress 1e400", status: "in_progress", progress: HUGE },
    ],
    indicators: [
      {
        id: "huge",
        name: "Huge figure",
        unit: "count",
        polarity: "higher_is_better",
        target: { value: 1.7976931348623157e308 },
        values: [{ period: "2026-01", value: 1.7976931348623157e308 }, { period: "2026-02", value: MINUS_ZERO }],
      },
      {
        id: "text-value",
        name: "Figure as text",
        unit: "percent",
        polarity: "higher_is_better",
        values: [{ period: "2026-01", value: "12" }],
      },
      {
        id: "infinite-target",
        name: "Target 1e400",
        unit: "count",
        polarity: "higher_is_better",
        target: { value: HUGE },
        values: [{ period: "2026-01", value: 1 }],
      },
    ],
  });
}

/** Raw files that are not a usable feed at all, byte for byte. */
export function rawFeeds() {
  const ok = JSON.stringify(minimal({ actions: [{ id: "1", title: "Caf\u00e9 \u00a3", status: "in_progress" }] }));
  const utf16 = (s, le) => {
    const b = Buffer.alloc(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (le) b.writeUInt16LE(c, i * 2);
      else b.writeUInt16BE(c, i * 2);
    }
    return b;
  };
  const deep = (n) => `${"[".repeat(n)}${"]".repeat(n)}`;
  const withUnknown = (v) => ok.replace(/}$/, `,"x_extra":${v}}`);
  return {
    "empty.json": Buffer.alloc(0),
    "whitespace.json": Buffer.from(" \n\t\r\n  "),
    "bom-only.json": Buffer.from([0xef, 0xbb, 0xbf]),
    "utf16le-bom.json": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(ok, true)]),
    "utf16be-bom.json": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(ok, false)]),
    "utf16le.json": utf16(ok, true),
    "latin1.json": Buffer.from(ok, "latin1"),
    "overlong-utf8.json": Buffer.concat([Buffer.from(ok.slice(0, 60)), Buffer.from([0xc0, 0xaf]), Buffer.from(ok.slice(60))]),
    "surrogate-utf8.json": Buffer.concat([Buffer.from(ok.slice(0, 60)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(ok.slice(60))]),
    "truncated.json": Buffer.from(ok.slice(0, ok.length - 7)),
    "root-array.json": Buffer.from("[" + ok + "]"),
    "root-string.json": Buffer.from(JSON.stringify(ok)),
    "root-number.json": Buffer.from("42"),
    "root-null.json": Buffer.from("null"),
    "root-true.json": Buffer.from("true"),
    "html-page.json": Buffer.from("<!doctype html><title>Error</title><h1>Service unavailable</h1><script>window.__pwned='html-page'</script>"),
    "number-1e400.json": Buffer.from(ok.replace('"status":"in_progress"', '"status":"in_progress","progress":1e400')),
    "duplicate-keys.json": Buffer.from(
      '{"schema_version":"1.0","publisher":{"name":"Hostile Borough Council"},"as_of":"2026-10-31",' +
        '"plan":{"title":"<img src=x onerror=window.__pwned=\'dup\'> first title","title":"Second title wins"},' +
        '"actions":[{"id":"1","title":"first","title":"Second action title","status":"in_progress","status":"complete","completed":"2026-01-01"}],' +
        '"actions":[{"id":"A","title":"Last actions list wins","status":"in_progress"}]}',
    ),
    "deep-63.json": Buffer.from(withUnknown(deep(63))),
    "deep-65.json": Buffer.from(withUnknown(deep(65))),
  };
}

/** What each raw file must be reported as (the validator's Rule, as serialised). */
export const RAW_EXPECT = {
  "empty.json": { rule: "empty" },
  "whitespace.json": { rule: "empty" },
  "bom-only.json": { rule: "empty" },
  "utf16le-bom.json": { rule: "encoding", says: /UTF-16/ },
  "utf16be-bom.json": { rule: "encoding", says: /UTF-16/ },
  "utf16le.json": { rule: "encoding", says: /UTF-16/ },
  "latin1.json": { rule: "encoding", says: /UTF-8/ },
  "overlong-utf8.json": { rule: "encoding", says: /UTF-8/ },
  "surrogate-utf8.json": { rule: "encoding", says: /UTF-8/ },
  "truncated.json": { rule: "syntax" },
  "root-array.json": { rule: "not_object" },
  "root-string.json": { rule: "not_object" },
  "root-number.json": { rule: "not_object" },
  "root-null.json": { rule: "not_object" },
  "root-true.json": { rule: "not_object" },
  "html-page.json": { rule: "syntax" },
  "number-1e400.json": { loads: true, rule: "number_too_large", says: /too large/ },
  "deep-65.json": { rule: "too_deep", says: /64/ },
  // These two load: a feed comes out.
  "duplicate-keys.json": { loads: true },
  "deep-63.json": { loads: true },
};

// ---- big feeds: made at test time, never committed ------------------------------------

/** A valid feed whose title and every action's title and description are `size` characters. */
export function bigStrings(size = 1 << 20) {
  const big = ("<b>é😀\u202E" + mega).repeat(Math.ceil(size / (mega.length + 6))).slice(0, size);
  return minimal({
    plan: { title: big, summary: big },
    actions: [{ id: "big", title: big, description: big, lead: big, status: "in_progress", due: "2026-12-31" }],
  });
}

/** `n` actions (each with a hostile title); the widget pages them 20 at a time. */
export function manyActions(n = 100_000) {
  const actions = new Array(n);
  for (let i = 0; i < n; i++) {
    actions[i] = i % 4 === 0
      ? { id: `A${i}`, title: `<img src=x onerror=window.__pwned='many${i}'> action ${i}`, status: "complete", due: "2026-12-31", completed: "2026-10-01" }
      : { id: `A${i}`, title: `<img src=x onerror=window.__pwned='many${i}'> action ${i}`, status: "in_progress", due: "2026-12-31" };
  }
  return minimal({ actions });
}

/** One action with `n` success measures and `n` updates. */
export function bigArraysInOneAction(n = 100_000) {
  const sm = new Array(n);
  const ups = new Array(n);
  for (let i = 0; i < n; i++) {
    sm[i] = `measure ${i}`;
    ups[i] = { date: "2026-01-01", text: `update ${i}` };
  }
  return minimal({ actions: [{ id: "1", title: "Many measures", status: "in_progress", success_measures: sm, updates: ups }] });
}

/** `n` levels of nesting (arrays), as text: far beyond the parser's 64. */
export function deepText(n = 100_000) {
  return `{"schema_version":"1.0","x":${"[".repeat(n)}${"]".repeat(n)}}`;
}

/** The small committed feeds, by file name. */
export function smallFeeds() {
  const json = (v) => Buffer.from(feedText(v, 1) + "\n");
  return {
    "everything.json": json(everything()),
    "formulas.json": json(formulas()),
    "unicode.json": json(unicode()),
    "urls.json": json(urls()),
    "urls-top.json": json(urlsTop()),
    "numbers.json": json(numbers()),
    ...Object.fromEntries(Object.entries(rawFeeds()).map(([k, v]) => [`raw/${k}`, v])),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(join(FEEDS_DIR, "raw"), { recursive: true });
  for (const [name, bytes] of Object.entries(smallFeeds())) writeFileSync(join(FEEDS_DIR, name), bytes);
  writeFileSync(join(HOSTILE_DIR, "expected-raw.json"), JSON.stringify(Object.fromEntries(Object.entries(RAW_EXPECT).map(([k, v]) => [k, { ...v, says: v.says?.source }])), null, 1) + "\n");
  console.log(`wrote ${Object.keys(smallFeeds()).length} feeds to ${FEEDS_DIR}`);
}
