/**
 * What the API answers, as zod schemas: the store's rows, the analyses' results and the serve
 * stage's own documents, built on the model's record schemas. Each schema is registered under a
 * name; the OpenAPI document lists them as components and the dashboard's types are printed from
 * them (api-types.ts), so the server, its document and the page share one description.
 */
import { z } from 'zod';
import { POLES } from '../analysis/index.ts';
import {
  ActorCodeSchema, ActorRefSchema, AgreementRecordSchema, CommitmentRecordSchema, EventRecordSchema, EventTypeSchema,
  EvidenceSchema, FactRecordSchema, FlagSchema, LangSchema, ModeSchema, OutputRecordSchema, PartialDateSchema,
  PartnershipRecordSchema, QuadSchema, SectorSchema,
} from '../model/index.ts';
import { JOB_KINDS } from '../queue/index.ts';
import { PUT_STATUSES, SCOPES } from '../store/index.ts';

/** The named schemas of the API: each becomes a component of the OpenAPI document and a type of the page. */
export const API_SCHEMAS = z.registry<{ id: string; description?: string }>();

/** Register a schema under a name (the name its OpenAPI component and its page type take). */
function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  API_SCHEMAS.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

// The model's vocabulary and records, named so that the document refers to them instead of repeating them.
named('ActorCode', ActorCodeSchema, 'A state (ISO 3166-1 alpha-3) or organisation code.');
named('PartialDate', PartialDateSchema, 'A date to the year, month or day: "2022", "2022-05" or "2022-05-10".');
named('Lang', LangSchema);
named('Sector', SectorSchema, 'PLOVER sector codes, and IGO for organisations.');
named('EventType', EventTypeSchema, 'PLOVER event types.');
named('Mode', ModeSchema, 'PLOVER modes (each belongs to some types).');
named('Quad', QuadSchema, '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.');
named('Flag', FlagSchema);
named('ActorRef', ActorRefSchema, 'One side of an event: a state (ISO alpha-3) or an organisation code.');
named('Evidence', EvidenceSchema, 'Where in the article a record comes from: sentence index and character offsets.');
named('EventRecord', EventRecordSchema, 'An event as the coder printed it.');
named('PartnershipRecord', PartnershipRecordSchema, 'A partnership designation an article states.');
named('CommitmentRecord', CommitmentRecordSchema, 'A target set, or a level reported as reached.');
named('AgreementRecord', AgreementRecordSchema, 'Agreements signed, with their number and fields when stated.');
named('FactRecord', FactRecordSchema, 'A partnership, commitment or agreement as the coder printed it.');
named('OutputRecord', OutputRecordSchema, 'Any record the coder prints.');

// Rows and results are read-only, as the store and the analyses hand them out.
const obj = <T extends z.core.$ZodShape>(shape: T) => z.strictObject(shape).readonly();
const list = <S extends z.ZodType>(item: S) => z.array(item).readonly();
const count = z.int().min(0);
const rowId = z.int().positive();
const codes = list(ActorCodeSchema);
/** An ISO timestamp the store wrote. */
const timestamp = z.string().min(1);

// ——— The store's rows ———

const articleRef = {
  id: rowId,
  address: z.string().exactOptional(),
  title: z.string().exactOptional(),
  lang: LangSchema,
  published: PartialDateSchema.exactOptional(),
};
export const ArticleRefSchema = named('ArticleRef', obj(articleRef), 'The article a mention or fact comes from.');

const articleSummary = {
  ...articleRef,
  undated: z.boolean().describe('No publication date was found in its metadata, address or text: `published` is the day it was read.'),
  /** Site, feed or collection the article came from. */
  source: z.string().exactOptional(),
  contentHash: z.string(),
  lexiconVersion: z.string(),
  ingestedAt: timestamp,
};
export const ArticleSummarySchema = named('ArticleSummary', obj(articleSummary), 'An archived article without its text.');

export const EventRowSchema = named('EventRow', obj({
  id: rowId,
  type: EventTypeSchema,
  mode: ModeSchema.exactOptional(),
  date: PartialDateSchema,
  actors: codes,
  recipients: codes,
  firstSeen: timestamp,
  mentions: count,
  sources: count,
  languages: list(LangSchema),
}), 'A real-world event: every mention of it counted, with the articles and languages reporting it.');

export const MentionRowSchema = named('MentionRow', obj({
  id: rowId,
  eventId: rowId,
  article: ArticleRefSchema,
  lang: LangSchema,
  date: PartialDateSchema,
  evidence: EvidenceSchema,
  pattern: z.string(),
  confidence: z.number().min(0).max(1),
  lexiconVersion: z.string(),
  record: EventRecordSchema,
}), 'One report of an event: the coded record and the sentence that supports it.');

export const FactRowSchema = named('FactRow', obj({
  id: rowId,
  kind: z.enum(['partnership', 'commitment', 'agreement']),
  article: ArticleRefSchema,
  parties: codes,
  date: PartialDateSchema.exactOptional(),
  evidence: EvidenceSchema,
  lexiconVersion: z.string(),
  record: FactRecordSchema,
}), 'A partnership, commitment or agreement as one article states it.');

export const ArticleLinkSchema = named('ArticleLink', obj({
  article: ArticleSummarySchema,
  kind: z.literal('translation'),
  /** Jaccard agreement of the two articles' event and fact keys. */
  score: z.number().min(0).max(1),
}), 'Another article that is a version of this one in another language.');

export const SimilarArticleSchema = named('SimilarArticle', obj({
  article: ArticleSummarySchema,
  sharedEvents: count,
}), 'Another article reporting some of the same events.');

export const SearchHitSchema = named('SearchHit', obj({
  article: ArticleSummarySchema,
  /** The engine's relevance rank: lower is better. */
  rank: z.number(),
}));

export const StoreStatsSchema = named('Stats', obj({
  schemaVersion: count,
  articles: count,
  mentions: count,
  events: count,
  facts: count,
  translations: count,
  languages: z.partialRecord(LangSchema, count),
  lexiconVersions: z.record(z.string(), count),
}), 'What the archive holds.');

export const ScopeSchema = named('Scope', z.enum(SCOPES), 'bilateral: an event with two parties; multilateral: three or more (a summit, a group\'s statement).');

const JobKindSchema = z.enum(JOB_KINDS);

export const QueueStatusSchema = named('QueueStatus', obj({
  queue: z.boolean().describe('Whether work goes through a job queue (a PostgreSQL archive) or runs in one process (SQLite).'),
  depth: z.array(obj({
    kind: JobKindSchema, queued: count, retrying: count, active: count,
    completed: count.describe('Done within the last day.'), failed: count.describe('Parked after their last retry, until re-run.'),
  })).readonly(),
  throughput: obj({ lastMinute: count, last15Minutes: count, perMinute: z.number().min(0) }),
  failures: z.array(obj({
    id: z.string(), kind: JobKindSchema, state: z.enum(['failed', 'retrying']),
    subject: z.string().describe('The URL, address or article the job is about.'),
    reason: z.string(), attempts: count, at: timestamp,
  })).readonly(),
  sources: z.array(obj({
    address: z.string(), etag: z.string().exactOptional(), lastModified: z.string().exactOptional(),
    lastChecked: timestamp.exactOptional(), lastSuccess: timestamp.exactOptional(), lastError: z.string().exactOptional(),
    failures: count, nextCheck: timestamp.exactOptional(), items: count,
  })).readonly(),
}), 'The job queue (depth per kind and state, throughput, failures with reasons) and each watched source\'s health.');

/** The events filter a timeline point names (the store's EventFilter). */
export const EventQuerySchema = named('EventQuery', obj({
  actor: ActorCodeSchema.exactOptional(),
  dyad: z.tuple([ActorCodeSchema, ActorCodeSchema]).readonly().exactOptional(),
  type: EventTypeSchema.exactOptional(),
  quad: QuadSchema.exactOptional(),
  mode: ModeSchema.exactOptional(),
  scope: ScopeSchema.exactOptional(),
  from: PartialDateSchema.exactOptional(),
  to: PartialDateSchema.exactOptional(),
  lang: LangSchema.exactOptional(),
  limit: z.int().min(1).exactOptional(),
  offset: count.exactOptional(),
}), 'The parameters of GET /api/events that list the events behind a figure.');

// ——— The analyses ———

const byQuad = obj({ 1: count, 2: count, 3: count, 4: count });
const byScope = obj({ bilateral: count, multilateral: count });
/** The mean of no events is null (shown as "—"), never 0. */
const score = obj({ sum: z.number(), mean: z.number().nullable() });

export const TimelinePointSchema = named('TimelinePoint', obj({
  period: z.string().regex(/^\d{4}(-\d{2})?$/),
  events: count,
  byType: z.partialRecord(EventTypeSchema, count),
  byQuad,
  byScope,
  score,
  query: EventQuerySchema,
}), 'One month (or a year, for events dated only to it): distinct events by type, quad class and scope, and their PLOVER score.');

export const TimelineSchema = named('Timeline', obj({
  actors: z.tuple([ActorCodeSchema, ActorCodeSchema]).readonly(),
  points: list(TimelinePointSchema),
  total: obj({ events: count, byQuad, byScope, score }),
}));

export const SourceSchema = named('Source', obj({ article: ArticleRefSchema, evidence: EvidenceSchema }), 'One article stating a fact.');
const sources = list(SourceSchema);

export const RungSchema = named('Rung', obj({
  level: z.string(),
  parties: codes,
  since: PartialDateSchema.exactOptional(),
  sources,
}), 'A partnership designation a pair has held, since when.');

export const AgreementEntrySchema = named('AgreementEntry', obj({
  parties: codes,
  date: PartialDateSchema,
  count: z.int().min(1).exactOptional(),
  fields: list(z.string()),
  sources,
}), 'One signing, however many articles report it.');

export const CommitmentTrackSchema = named('CommitmentTrack', obj({
  parties: codes,
  metric: z.string(),
  unit: z.string(),
  targets: list(obj({
    value: z.number(),
    set: PartialDateSchema,
    by: PartialDateSchema.exactOptional(),
    sources,
    progress: obj({ observed: z.number(), date: PartialDateSchema, share: z.number() }).exactOptional(),
  })),
  observations: list(obj({ value: z.number(), date: PartialDateSchema, sources })),
}), 'Targets of a pair for one metric and unit, the values later reported, and the progress between them.');

export const PoleSchema = named('Pole', z.enum(POLES), 'The poles a multi-vector foreign policy balances between.');

export const PartnerSummarySchema = named('PartnerSummary', obj({
  code: ActorCodeSchema,
  pole: PoleSchema,
  events: count,
  bilateral: count,
  multilateral: count,
  cooperation: count,
  bilateralCooperation: count,
  conflict: count,
  byQuad,
  score,
}), 'A partner\'s distinct events with the country: bilateral and multilateral, cooperative (quads 1–2) and conflictual (quads 3–4).');

export const ProfileSchema = named('Profile', obj({
  code: ActorCodeSchema,
  events: count,
  byQuad,
  byScope,
  score,
  partners: list(PartnerSummarySchema),
  conflicts: list(PartnerSummarySchema),
  balance: list(obj({
    year: z.string().regex(/^\d{4}$/),
    cooperation: count,
    ties: z.record(PoleSchema, count),
    poles: z.record(PoleSchema, z.number().min(0).max(1)),
    index: z.number().min(0).max(1).exactOptional(),
    effectivePartners: z.number().min(0).exactOptional(),
  })),
  timeline: list(TimelinePointSchema),
}), 'A country\'s partners by cooperation and conflict, its multi-vector balance per year and its monthly timeline.');

// ——— The serve stage's own documents ———

export const ActorSchema = named('Actor', obj({
  code: ActorCodeSchema,
  kind: z.enum(['state', 'organization']),
  /** The first (preferred) name in each language. */
  names: z.partialRecord(LangSchema, z.string()),
  pole: PoleSchema,
  /** ISO 3166-1 numeric code, for states. */
  numeric: z.string().regex(/^\d{3}$/).exactOptional(),
  /** Member states, for organisations. */
  members: codes.exactOptional(),
  /** Events in the archive with this actor and at least one partner. */
  events: count,
}), 'A state or organisation Dyad knows.');

export const WorldMapSchema = named('WorldMap', obj({
  width: z.number(),
  height: z.number(),
  /** SVG path data per country; `code` is "" for a country the lexicon lacks. */
  countries: list(obj({ code: z.union([ActorCodeSchema, z.literal('')]), name: z.string(), d: z.string() })),
}), 'World map shapes as SVG paths by alpha-3 code.');

export const OntologySchema = named('Ontology', obj({
  quads: list(obj({ quad: QuadSchema, name: z.string() })),
  types: list(obj({
    type: EventTypeSchema,
    quad: QuadSchema,
    /** The CAMEO root code reported when a pattern names none. */
    cameo: z.string(),
    score: z.number(),
    modes: list(obj({ mode: ModeSchema, score: z.number() })),
  })),
  languages: list(LangSchema),
  sectors: list(SectorSchema),
  flags: list(FlagSchema),
}), 'The PLOVER vocabulary Dyad codes with: quad classes, event types with their modes, CAMEO codes and scores.');

export const ErrorSchema = named('ApiError', obj({
  error: z.string(),
  message: z.string(),
  field: z.string().exactOptional(),
  requestId: z.string(),
}), 'The request was refused or failed: `error` is a stable code (bad_request, unauthorized, read_only, not_found, conflict, '
  + 'too_large, unsupported_media_type, busy, internal, …), `field` the parameter at fault (query.limit, params.id, body.text, '
  + 'headers.authorization, url), `requestId` the id of this request (also in the X-Request-Id header) under which the server logged a fault.');

// ——— Route bodies ———

/** A page of a list and where the next one starts (null on the last page). */
function pageOf<S extends z.ZodType>(id: string, item: S) {
  return named(id, obj({
    items: list(item),
    page: obj({ limit: z.int().min(1), offset: count, next: count.nullable() }),
  }));
}
const itemsOf = <S extends z.ZodType>(id: string, item: S) => named(id, obj({ items: list(item) }));

export const EventPageSchema = pageOf('EventPage', EventRowSchema);
export const ArticlePageSchema = pageOf('ArticlePage', ArticleSummarySchema);
export const SearchPageSchema = pageOf('SearchPage', SearchHitSchema);
export const EventDetailSchema = named('EventDetail', obj({ id: rowId, mentions: list(MentionRowSchema) }));
export const ArticleDetailSchema = named('ArticleDetail', obj({
  ...articleSummary,
  text: z.string(),
  mentions: list(MentionRowSchema),
  facts: list(FactRowSchema),
  translations: list(ArticleLinkSchema),
  similar: list(SimilarArticleSchema),
}), 'An article with its text and what was coded from it; offsets refer to `text`.');
export const ArticleStoredSchema = named('ArticleStored', obj({
  status: z.enum(PUT_STATUSES),
  articleId: rowId,
  events: count,
}), 'What became of a posted article: added, unchanged (the same text again) or replaced.');
export const ActorListSchema = named('ActorList', obj({ items: list(ActorSchema), poles: z.record(PoleSchema, z.string()) }));
export const LadderSchema = itemsOf('Ladder', RungSchema);
export const AgreementListSchema = itemsOf('AgreementList', AgreementEntrySchema);
export const CommitmentListSchema = itemsOf('CommitmentList', CommitmentTrackSchema);
