/**
 * The PLOVER vocabulary as the API serves it (GET /api/ontology), read from model/: the page
 * takes its quad classes, type → quad table and languages from here instead of a copy of its own.
 */
import type { z } from 'zod';
import {
  DEFAULT_CAMEO, EVENT_TYPES, FLAGS, LANGS, MODES, ploverScore, QUAD, QUAD_NAMES, QUADS, SECTORS,
} from '../model/index.ts';
import type { OntologySchema } from './responses.ts';

export type Ontology = z.output<typeof OntologySchema>;

/** The ontology document: quad classes, each event type with its quad, CAMEO root, score and modes. */
export function ontology(): Ontology {
  return {
    quads: QUADS.map((quad) => ({ quad, name: QUAD_NAMES[quad] })),
    types: EVENT_TYPES.map((type) => ({
      type, quad: QUAD[type], cameo: DEFAULT_CAMEO[type], score: ploverScore(type),
      modes: MODES[type].map((mode) => ({ mode, score: ploverScore(type, mode) })),
    })),
    languages: LANGS, sectors: SECTORS, flags: FLAGS,
  };
}
