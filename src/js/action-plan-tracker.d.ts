// Types for action-plan-tracker: the <action-plan-tracker> element and its JavaScript API.
// The contract is embedding.md; the feed format is feed-v1.md.

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
    /** Open, with an effective due date before as_of. */
    overdue: number;
    /** Open, with an effective due date on as_of or up to 30 days after. */
    due_soon: number;
    /** complete ÷ (total − withdrawn) × 100, unrounded; 0 when nothing is to be done. */
    percent_complete: number;
  };
  findings: { total: number; with_actions: number };
  indicators: { total: number; meeting_target: number; missing_target: number; no_target: number };
  problems: { errors: number; warnings: number };
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
    due: Array<"overdue" | "next_30_days" | "later">;
    finding: string[];
    search: string;
  };
  sort: "number" | "due" | "status";
  /** 0-based page of the action list. */
  page: number;
  /** Ids of the actions opened. */
  open: string[];
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

export interface MountOptions {
  /** The feed's address (same-origin or CORS-enabled). */
  src?: string;
  /** The feed itself, instead of src. */
  feed?: Feed;
  lang?: TrackerLang;
  view?: TrackerView;
  compact?: boolean;
  /** "use-credentials" to send the reader's cookies with the feed's request (an intranet feed
   * behind a login); by default none are sent. */
  crossorigin?: "use-credentials";
}

/** The <action-plan-tracker> element. */
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
 * resolves with the tracker once its first feed has loaded or failed. */
export declare function mount(element: Element, options?: MountOptions): Promise<ActionPlanTrackerElement>;

/** Checks a feed's JSON text against every rule of the feed format. */
export declare function validate(jsonText: string): ValidationReport;

/** The summary of a feed's JSON text; throws an Error saying why when it cannot be read. */
export declare function summarise(jsonText: string): TrackerSummary;

declare global {
  interface HTMLElementTagNameMap {
    "action-plan-tracker": ActionPlanTrackerElement;
  }
  interface HTMLElementEventMap extends ActionPlanTrackerEvents {}
  interface DocumentEventMap extends ActionPlanTrackerEvents {}
  interface WindowEventMap extends ActionPlanTrackerEvents {}
}
