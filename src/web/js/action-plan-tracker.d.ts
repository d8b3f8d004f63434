// Types for action-plan-tracker: the <action-plan-tracker> element and its JavaScript API, in
// the browser and in Node (one set of names for both entry points), and the JSON that
// `npx action-plan-tracker` prints. The contract is embedding.md and cli.md; the feed format
// is feed-v1.md. The element's types are the DOM's, so they are brought in for Node projects.
/// <reference lib="dom" />

/** Headline figures of a feed, counting only the items the widget can show. */
export interface TrackerSummary {
  /** The date the data is true at, YYYY-MM-DD. */
  as_of: string;
  actions: {
    total: number;
    not_started: number;
    in_progress: number;
    complete: number;
    withdrawn: number;
    /** Open, not ongoing, with an effective due date before as_of. */
    overdue: number;
    /** Open, not ongoing, with an effective due date on as_of or up to 30 days after. */
    due_soon: number;
    /** complete ÷ (total − withdrawn − ongoing) × 100, unrounded; 0 when nothing is to be done. */
    percent_complete: number;
    /** (1.1) Actions with a recurrence that are neither complete nor withdrawn. */
    ongoing: number;
  };
  findings: { total: number; with_actions: number };
  indicators: { total: number; meeting_target: number; missing_target: number; no_target: number };
  problems: { errors: number; warnings: number };
  /** (1.1) What meetings asked for: all, done, and not done with a due date before as_of. */
  follow_ups: { total: number; done: number; overdue: number };
  /** (1.1) What changed since the comparison date (the latest meeting before as_of, or the date
   * the reader chose); absent when there is none. */
  changes?: TrackerChanges;
}

/** A kind of change an action can have since the comparison date. */
export type TrackerChangeKind =
  | "new" | "completed" | "started" | "withdrawn" | "rag_worse" | "rag_better" | "slipped" | "newly_overdue";

/** (1.1) The summary's changes since a date (feed-v1.md, "Changes since a date"). */
export interface TrackerChanges {
  /** The comparison date, YYYY-MM-DD. */
  since: string;
  /** The id of the first meeting in the feed dated `since`, or null. */
  meeting: string | null;
  actions: Record<TrackerChangeKind, number>;
  indicators: { improved: number; worsened: number; changed: number; now_meeting: number; no_longer_meeting: number };
}

/** One problem in a feed. */
export interface FeedProblem {
  severity: "error" | "warning";
  /** JSON path, e.g. "actions[12].due"; "" for the whole file. */
  path: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
  /** What was found and what was expected, in plain words. */
  message: string;
  /** The rule broken, e.g. "no_such_date", "reference", "unknown_key". */
  rule: string;
}

/** What validate() returns. */
export interface ValidationReport {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  errors: FeedProblem[];
  warnings: FeedProblem[];
}

export type TrackerView = "overview" | "actions" | "findings" | "indicators";
export type TrackerLang = "en" | "cy";

/** The reader's filters and view, as in the tracker-filter-change event. */
export interface TrackerFilterState {
  view: TrackerView;
  filters: {
    priority: string[];
    area: string[];
    status: Array<"not_started" | "in_progress" | "complete" | "withdrawn">;
    rag: Array<"red" | "amber" | "green" | "blue">;
    lead: string[];
    due: Array<"overdue" | "next_30_days" | "later" | "ongoing">;
    finding: string[];
    search: string;
    /** (1.1) Kinds of change since the comparison date. */
    changed: TrackerChangeKind[];
  };
  sort: "number" | "due" | "status";
  /** 0-based page of the action list. */
  page: number;
  /** Ids of the actions opened. */
  open: string[];
  /** (1.1) The comparison date the reader chose (YYYY-MM-DD), or null for the default. */
  since: string | null;
  /** How many actions match the filters. */
  matching: number;
}

/** The detail of tracker-error. */
export interface TrackerErrorDetail {
  /** The message shown to the reader, in their language. */
  message: string;
  /** The feed's problems, when it was fetched but could not be read: the first 200. */
  problems: FeedProblem[];
  /** How many problems the feed has in all (more than `problems.length` when over 200). */
  problem_count?: number;
}

/** A feed: JSON text, or the parsed object. */
export type Feed = string | object;

/**
 * A feed for validate(), summarise() and render(): its JSON text, or the bytes of its file
 * (e.g. Node's `readFileSync(path)`), which are checked exactly as the command line checks a
 * file, encoding included.
 */
export type FeedInput = string | Uint8Array | ArrayBuffer;

export interface RenderOptions {
  /** The page's language: "en" (default) or "cy"; "en-GB" and "cy-GB" are accepted too. */
  lang?: TrackerLang | `en-${string}` | `cy-${string}`;
  /** (1.1) The date the "what has changed" section compares with, YYYY-MM-DD (before `as_of`);
   * by default the last meeting before `as_of`. */
  since?: string;
  /** true: the printed report ends with every action's details (`render --full`). */
  full?: boolean;
}

/** What `npx action-plan-tracker validate --format json FEED` prints (one feed). */
export type CliValidateJson = ValidationReport;
/** What `npx action-plan-tracker validate --format json FEED FEED…` prints (several feeds). */
export type CliValidateJsonMany = ValidationReport[];
/** What `npx action-plan-tracker summary FEED` prints. */
export type CliSummaryJson = TrackerSummary;

export interface MountOptions {
  /** The feed's address (same-origin or CORS-enabled). */
  src?: string;
  /** The feed itself, instead of src. */
  feed?: Feed;
  lang?: TrackerLang;
  view?: TrackerView;
  compact?: boolean;
  /** "full" to print every action's details after the report (the print attribute). */
  print?: "report" | "full";
  /** "use-credentials" to send the reader's cookies with the feed's request (an intranet feed
   * behind a login); by default none are sent. */
  crossorigin?: "use-credentials";
}

/**
 * The <action-plan-tracker> element. Where there is no DOM (Node without one, a server build)
 * the package exports `undefined` in its place and registers nothing.
 */
export declare class ActionPlanTrackerElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The feed as JSON text or a plain object, instead of the src attribute. */
  feed: Feed | undefined;
  /** The summary of the feed shown, or null before one has loaded. */
  readonly summary: TrackerSummary | null;
  addEventListener<K extends keyof ActionPlanTrackerEventMap>(
    type: K,
    listener: (this: ActionPlanTrackerElement, ev: ActionPlanTrackerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ActionPlanTrackerEventMap>(
    type: K,
    listener: (this: ActionPlanTrackerElement, ev: ActionPlanTrackerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The events a tracker sends; they bubble out of its shadow root to the document and window. */
export interface ActionPlanTrackerEvents {
  "tracker-ready": CustomEvent<TrackerSummary>;
  "tracker-error": CustomEvent<TrackerErrorDetail>;
  "tracker-filter-change": CustomEvent<TrackerFilterState>;
}

export interface ActionPlanTrackerEventMap extends HTMLElementEventMap, ActionPlanTrackerEvents {}

/** Shows a tracker in `element` (an <action-plan-tracker>, or a container that gets one);
 * resolves with the tracker once its first feed has loaded or failed. Rejects outside a
 * web page. */
export declare function mount(element: Element, options?: MountOptions): Promise<ActionPlanTrackerElement>;

/** Checks a feed against every rule of the feed format (`validate --format json`). */
export declare function validate(feed: FeedInput): ValidationReport;

/** The summary of a feed (`summary [--since DATE]`), with `changes` since `since` (YYYY-MM-DD)
 * when given, else since the last meeting before `as_of`; throws an Error saying why when the
 * feed cannot be read or `since` is not a date. */
export declare function summarise(feed: FeedInput, since?: string): TrackerSummary;

/**
 * The whole plan as one self-contained HTML page that needs no JavaScript, exactly as
 * `action-plan-tracker render FEED -o PAGE.html [--lang cy]` writes it. Throws an Error saying
 * why when the feed cannot be shown at all, and a RangeError for a language other than en or cy.
 */
export declare function render(feed: FeedInput, options?: RenderOptions): string;

declare global {
  interface HTMLElementTagNameMap {
    "action-plan-tracker": ActionPlanTrackerElement;
  }
  interface HTMLElementEventMap extends ActionPlanTrackerEvents {}
  interface DocumentEventMap extends ActionPlanTrackerEvents {}
  interface WindowEventMap extends ActionPlanTrackerEvents {}
}
