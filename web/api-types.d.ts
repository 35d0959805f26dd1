// Generated from src/serve/responses.ts by `npm run api-types`: do not edit; test/api.test.ts fails when it is stale.

/** A state (ISO 3166-1 alpha-3) or organisation code. */
export type ActorCode = string;

/** A date to the year, month or day: "2022", "2022-05" or "2022-05-10". */
export type PartialDate = string;

export type Lang = "en" | "tr" | "ru" | "kk";

/** PLOVER sector codes, and IGO for organisations. */
export type Sector = "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "PRM" | "PTY" | "REB" | "SPY" | "UAF" | "UNK" | "AGR" | "BUS" | "CRM" | "CVL" | "EDU" | "ELI" | "JRN" | "LAB" | "MED" | "REF" | "OPP" | "PRE" | "REL" | "SOC" | "IGO";

/** PLOVER event types. */
export type EventType = "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT" | "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" | "SANCTION" | "PROTEST" | "MOBILIZE" | "COERCE" | "ASSAULT";

/** PLOVER modes (each belongs to some types). */
export type Mode = "visit" | "third-party" | "multilateral" | "phone" | "withdraw" | "release" | "disarm" | "ceasefire" | "access" | "resign" | "assist" | "change" | "yield" | "meet" | "disapprove" | "investigate" | "allege" | "restrict" | "arrest" | "relations" | "expel" | "territory" | "violence" | "convict" | "discontinue" | "demo" | "riot" | "strike" | "hunger" | "boycott" | "obstruct" | "troops" | "weapons" | "police" | "militia" | "seize" | "censor" | "curfew" | "martial-law" | "deport" | "withhold" | "misinformation" | "cyber" | "abduct" | "beat" | "torture" | "sexual" | "targeted" | "destroy" | "primitive" | "firearms" | "explosives" | "suicide-attack" | "aerial" | "drone" | "heavy-weapons" | "crowd-control" | "unconventional";

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type Quad = 1 | 2 | 3 | 4;

export type Flag = "past" | "discourse-actor" | "discourse-recipient" | "nominal" | "passive" | "reported";

/** One side of an event: a state (ISO alpha-3) or an organisation code. */
export type ActorRef = {
  readonly code: ActorCode;
  readonly sector?: Sector;
  readonly name?: string;
  readonly text: string;
};

/** Where in the article a record comes from: sentence index and character offsets. */
export type Evidence = {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
};

/** An event as the coder printed it. */
export type EventRecord = {
  readonly kind: "event";
  readonly id: string;
  readonly article: string;
  readonly type: EventType;
  readonly mode?: Mode;
  readonly cameo: string;
  readonly score: number;
  readonly quad: Quad;
  readonly actor: readonly ActorRef[];
  readonly recipient: readonly ActorRef[];
  readonly date: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
  readonly pattern: string;
  readonly flags: readonly Flag[];
  readonly confidence: number;
};

/** A partnership designation an article states. */
export type PartnershipRecord = {
  readonly kind: "partnership";
  readonly id: string;
  readonly article: string;
  readonly parties: readonly ActorCode[];
  readonly level: string;
  readonly since?: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
};

/** A target set, or a level reported as reached. */
export type CommitmentRecord = {
  readonly kind: "commitment";
  readonly id: string;
  readonly article: string;
  readonly parties: readonly ActorCode[];
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly by?: PartialDate;
  readonly status: "target" | "observed";
  readonly date: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
};

/** Agreements signed, with their number and fields when stated. */
export type AgreementRecord = {
  readonly kind: "agreement";
  readonly id: string;
  readonly article: string;
  readonly parties: readonly ActorCode[];
  readonly count?: number;
  readonly date: PartialDate;
  readonly fields: readonly string[];
  readonly lang: Lang;
  readonly evidence: Evidence;
};

/** A partnership, commitment or agreement as the coder printed it. */
export type FactRecord = PartnershipRecord | CommitmentRecord | AgreementRecord;

/** Any record the coder prints. */
export type OutputRecord = EventRecord | PartnershipRecord | CommitmentRecord | AgreementRecord;

/** The article a mention or fact comes from. */
export type ArticleRef = {
  readonly id: number;
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
};

/** An archived article without its text. */
export type ArticleSummary = {
  readonly id: number;
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
  readonly undated: boolean;
  readonly source?: string;
  readonly contentHash: string;
  readonly lexiconVersion: string;
  readonly ingestedAt: string;
};

/** A real-world event: every mention of it counted, with the articles and languages reporting it. */
export type EventRow = {
  readonly id: number;
  readonly type: EventType;
  readonly mode?: Mode;
  readonly date: PartialDate;
  readonly actors: readonly ActorCode[];
  readonly recipients: readonly ActorCode[];
  readonly firstSeen: string;
  readonly mentions: number;
  readonly sources: number;
  readonly languages: readonly Lang[];
};

/** One report of an event: the coded record and the sentence that supports it. */
export type MentionRow = {
  readonly id: number;
  readonly eventId: number;
  readonly article: ArticleRef;
  readonly lang: Lang;
  readonly date: PartialDate;
  readonly evidence: Evidence;
  readonly pattern: string;
  readonly confidence: number;
  readonly lexiconVersion: string;
  readonly record: EventRecord;
};

/** A partnership, commitment or agreement as one article states it. */
export type FactRow = {
  readonly id: number;
  readonly kind: "partnership" | "commitment" | "agreement";
  readonly article: ArticleRef;
  readonly parties: readonly ActorCode[];
  readonly date?: PartialDate;
  readonly evidence: Evidence;
  readonly lexiconVersion: string;
  readonly record: FactRecord;
};

/** Another article that is a version of this one in another language. */
export type ArticleLink = {
  readonly article: ArticleSummary;
  readonly kind: "translation";
  readonly score: number;
};

/** Another article reporting some of the same events. */
export type SimilarArticle = {
  readonly article: ArticleSummary;
  readonly sharedEvents: number;
};

export type SearchHit = {
  readonly article: ArticleSummary;
  readonly rank: number;
};

/** What the archive holds. */
export type Stats = {
  readonly schemaVersion: number;
  readonly articles: number;
  readonly mentions: number;
  readonly events: number;
  readonly facts: number;
  readonly translations: number;
  readonly languages: { [K in Lang]?: number };
  readonly lexiconVersions: { [key: string]: number };
};

/** bilateral: an event with two parties; multilateral: three or more (a summit, a group's statement). */
export type Scope = "bilateral" | "multilateral";

/** The job queue (depth per kind and state, throughput, failures with reasons) and each watched source's health. */
export type QueueStatus = {
  readonly queue: boolean;
  readonly depth: readonly {
    readonly kind: "fetch" | "article" | "recode";
    readonly queued: number;
    readonly retrying: number;
    readonly active: number;
    readonly completed: number;
    readonly failed: number;
  }[];
  readonly throughput: {
    readonly lastMinute: number;
    readonly last15Minutes: number;
    readonly perMinute: number;
  };
  readonly failures: readonly {
    readonly id: string;
    readonly kind: "fetch" | "article" | "recode";
    readonly state: "failed" | "retrying";
    readonly subject: string;
    readonly reason: string;
    readonly attempts: number;
    readonly at: string;
  }[];
  readonly sources: readonly {
    readonly address: string;
    readonly etag?: string;
    readonly lastModified?: string;
    readonly lastChecked?: string;
    readonly lastSuccess?: string;
    readonly lastError?: string;
    readonly failures: number;
    readonly nextCheck?: string;
    readonly items: number;
  }[];
};

/** The parameters of GET /api/events that list the events behind a figure. */
export type EventQuery = {
  readonly actor?: ActorCode;
  readonly dyad?: readonly [ActorCode, ActorCode];
  readonly type?: EventType;
  readonly quad?: Quad;
  readonly mode?: Mode;
  readonly scope?: Scope;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  readonly lang?: Lang;
  readonly limit?: number;
  readonly offset?: number;
};

/** One month (or a year, for events dated only to it): distinct events by type, quad class and scope, and their PLOVER score. */
export type TimelinePoint = {
  readonly period: string;
  readonly events: number;
  readonly byType: { [K in EventType]?: number };
  readonly byQuad: {
    readonly "1": number;
    readonly "2": number;
    readonly "3": number;
    readonly "4": number;
  };
  readonly byScope: {
    readonly bilateral: number;
    readonly multilateral: number;
  };
  readonly score: {
    readonly sum: number;
    readonly mean: number | null;
  };
  readonly query: EventQuery;
};

export type Timeline = {
  readonly actors: readonly [ActorCode, ActorCode];
  readonly points: readonly TimelinePoint[];
  readonly total: {
    readonly events: number;
    readonly byQuad: {
      readonly "1": number;
      readonly "2": number;
      readonly "3": number;
      readonly "4": number;
    };
    readonly byScope: {
      readonly bilateral: number;
      readonly multilateral: number;
    };
    readonly score: {
      readonly sum: number;
      readonly mean: number | null;
    };
  };
};

/** One article stating a fact. */
export type Source = {
  readonly article: ArticleRef;
  readonly evidence: Evidence;
};

/** A partnership designation a pair has held, since when. */
export type Rung = {
  readonly level: string;
  readonly parties: readonly ActorCode[];
  readonly since?: PartialDate;
  readonly sources: readonly Source[];
};

/** One signing, however many articles report it. */
export type AgreementEntry = {
  readonly parties: readonly ActorCode[];
  readonly date: PartialDate;
  readonly count?: number;
  readonly fields: readonly string[];
  readonly sources: readonly Source[];
};

/** Targets of a pair for one metric and unit, the values later reported, and the progress between them. */
export type CommitmentTrack = {
  readonly parties: readonly ActorCode[];
  readonly metric: string;
  readonly unit: string;
  readonly targets: readonly {
    readonly value: number;
    readonly set: PartialDate;
    readonly by?: PartialDate;
    readonly sources: readonly Source[];
    readonly progress?: {
      readonly observed: number;
      readonly date: PartialDate;
      readonly share: number;
    };
  }[];
  readonly observations: readonly {
    readonly value: number;
    readonly date: PartialDate;
    readonly sources: readonly Source[];
  }[];
};

/** The poles a multi-vector foreign policy balances between. */
export type Pole = "russia" | "china" | "west" | "turkic" | "other";

/** A partner's distinct events with the country: bilateral and multilateral, cooperative (quads 1–2) and conflictual (quads 3–4). */
export type PartnerSummary = {
  readonly code: ActorCode;
  readonly pole: Pole;
  readonly events: number;
  readonly bilateral: number;
  readonly multilateral: number;
  readonly cooperation: number;
  readonly bilateralCooperation: number;
  readonly conflict: number;
  readonly byQuad: {
    readonly "1": number;
    readonly "2": number;
    readonly "3": number;
    readonly "4": number;
  };
  readonly score: {
    readonly sum: number;
    readonly mean: number | null;
  };
};

/** A country's partners by cooperation and conflict, its multi-vector balance per year and its monthly timeline. */
export type Profile = {
  readonly code: ActorCode;
  readonly events: number;
  readonly byQuad: {
    readonly "1": number;
    readonly "2": number;
    readonly "3": number;
    readonly "4": number;
  };
  readonly byScope: {
    readonly bilateral: number;
    readonly multilateral: number;
  };
  readonly score: {
    readonly sum: number;
    readonly mean: number | null;
  };
  readonly partners: readonly PartnerSummary[];
  readonly conflicts: readonly PartnerSummary[];
  readonly balance: readonly {
    readonly year: string;
    readonly cooperation: number;
    readonly ties: { [K in Pole]: number };
    readonly poles: { [K in Pole]: number };
    readonly index?: number;
    readonly effectivePartners?: number;
  }[];
  readonly timeline: readonly TimelinePoint[];
};

/** A state or organisation Dyad knows. */
export type Actor = {
  readonly code: ActorCode;
  readonly kind: "state" | "organization";
  readonly names: { [K in Lang]?: string };
  readonly pole: Pole;
  readonly numeric?: string;
  readonly members?: readonly ActorCode[];
  readonly events: number;
};

/** World map shapes as SVG paths by alpha-3 code. */
export type WorldMap = {
  readonly width: number;
  readonly height: number;
  readonly countries: readonly {
    readonly code: ActorCode | "";
    readonly name: string;
    readonly d: string;
  }[];
};

/** The PLOVER vocabulary Dyad codes with: quad classes, event types with their modes, CAMEO codes and scores. */
export type Ontology = {
  readonly quads: readonly {
    readonly quad: Quad;
    readonly name: string;
  }[];
  readonly types: readonly {
    readonly type: EventType;
    readonly quad: Quad;
    readonly cameo: string;
    readonly score: number;
    readonly modes: readonly {
      readonly mode: Mode;
      readonly score: number;
    }[];
  }[];
  readonly languages: readonly Lang[];
  readonly sectors: readonly Sector[];
  readonly flags: readonly Flag[];
};

/** The request was refused or failed: `error` is a stable code (bad_request, unauthorized, read_only, not_found, conflict, too_large, unsupported_media_type, busy, internal, …), `field` the parameter at fault (query.limit, params.id, body.text, headers.authorization, url), `requestId` the id of this request (also in the X-Request-Id header) under which the server logged a fault. */
export type ApiError = {
  readonly error: string;
  readonly message: string;
  readonly field?: string;
  readonly requestId: string;
};

export type EventPage = {
  readonly items: readonly EventRow[];
  readonly page: {
    readonly limit: number;
    readonly offset: number;
    readonly next: number | null;
  };
};

export type ArticlePage = {
  readonly items: readonly ArticleSummary[];
  readonly page: {
    readonly limit: number;
    readonly offset: number;
    readonly next: number | null;
  };
};

export type SearchPage = {
  readonly items: readonly SearchHit[];
  readonly page: {
    readonly limit: number;
    readonly offset: number;
    readonly next: number | null;
  };
};

export type EventDetail = {
  readonly id: number;
  readonly mentions: readonly MentionRow[];
};

/** An article with its text and what was coded from it; offsets refer to `text`. */
export type ArticleDetail = {
  readonly id: number;
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
  readonly undated: boolean;
  readonly source?: string;
  readonly contentHash: string;
  readonly lexiconVersion: string;
  readonly ingestedAt: string;
  readonly text: string;
  readonly mentions: readonly MentionRow[];
  readonly facts: readonly FactRow[];
  readonly translations: readonly ArticleLink[];
  readonly similar: readonly SimilarArticle[];
};

/** What became of a posted article: added, unchanged (the same text again) or replaced. */
export type ArticleStored = {
  readonly status: "added" | "unchanged" | "replaced";
  readonly articleId: number;
  readonly events: number;
};

export type ActorList = {
  readonly items: readonly Actor[];
  readonly poles: { [K in Pole]: string };
};

export type Ladder = {
  readonly items: readonly Rung[];
};

export type AgreementList = {
  readonly items: readonly AgreementEntry[];
};

export type CommitmentList = {
  readonly items: readonly CommitmentTrack[];
};

/** What each GET path of the API answers. */
export interface ApiGet {
  "/api/stats": Stats;
  "/api/status": QueueStatus;
  "/api/events": EventPage;
  "/api/events/{id}": EventDetail;
  "/api/articles": ArticlePage;
  "/api/articles/{id}": ArticleDetail;
  "/api/search": SearchPage;
  "/api/actors": ActorList;
  "/api/actors/{code}": Actor;
  "/api/dyads/{a}/{b}/timeline": Timeline;
  "/api/dyads/{a}/{b}/ladder": Ladder;
  "/api/agreements": AgreementList;
  "/api/commitments": CommitmentList;
  "/api/profile/{code}": Profile;
  "/api/map": WorldMap;
  "/api/ontology": Ontology;
}
