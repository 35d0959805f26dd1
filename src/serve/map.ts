/**
 * The world map, bundled: Natural Earth's 1:110m country shapes (the world-atlas package),
 * projected once on the server with d3-geo's Natural Earth projection into SVG path data per
 * ISO alpha-3 code. The dashboard draws it without fetching anything from the network.
 */
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { z } from 'zod';
import type { Actor } from './actors.ts';
import type { WorldMapSchema } from './responses.ts';

/** The projected world map the API serves (its schema is in responses.ts). */
export type WorldMap = z.output<typeof WorldMapSchema>;

const WIDTH = 960;
const HEIGHT = 500;

/** Project the world's countries to SVG paths keyed by alpha-3 code (countries the lexicon lacks are kept, code ""). */
export function worldMap(actors: readonly Actor[]): WorldMap {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const byNumeric = new Map(actors.filter((a) => a.numeric).map((a) => [a.numeric ?? '', a]));
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const countries = shapes.features.flatMap((f) => {
    const d = path(f);
    if (!d) return [];
    const actor = byNumeric.get(String(f.id ?? ''));
    // Coordinates to one decimal: a tenth of a pixel is below what the eye sees, a third of the bytes.
    return [{ code: actor?.code ?? '', name: actor?.names.en ?? f.properties.name, d: d.replace(/(\.\d)\d+/g, '$1') }];
  });
  return { width: WIDTH, height: HEIGHT, countries };
}
