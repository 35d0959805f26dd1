import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  BUILTIN_LEXICON_DIR, LEXICON_KINDS, LEXICON_SCHEMA_DIR, formatLexiconFile, lexiconSchemaFiles, listLexiconFiles,
  parseLexiconFile, schemaReference,
} from '../src/lexicon/index.ts';

const builtin = listLexiconFiles(BUILTIN_LEXICON_DIR);

describe('the built-in lexicon files', () => {
  it('are all found, and the JSON Schemas beside them are not taken for data', () => {
    assert.ok(builtin.length >= 13, `${builtin.length} files`);
    assert.ok(builtin.every((f) => !f.startsWith(LEXICON_SCHEMA_DIR)));
  });

  it('are in the house layout (reformat with formatLexiconFile after editing)', () => {
    const unformatted = builtin.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return formatLexiconFile(JSON.parse(text)) !== text;
    });
    assert.deepEqual(unformatted, []);
  });

  it('each name the JSON Schema of their kind, so that editors check them', () => {
    for (const f of builtin) {
      const text = readFileSync(f, 'utf8');
      const { kind } = parseLexiconFile(text, f);
      const named = (JSON.parse(text) as { $schema?: string }).$schema;
      assert.equal(named, schemaReference(f, kind), f);
      assert.ok(existsSync(resolve(dirname(f), named)), `${f}: ${named} exists`);
    }
  });
});

describe('the published JSON Schemas', () => {
  it('are what the zod schemas generate (run `npm run lexicon:schema` after changing src/lexicon/schema.ts)', () => {
    const expected = lexiconSchemaFiles();
    assert.deepEqual(readdirSync(LEXICON_SCHEMA_DIR).sort(), [...expected.keys()].sort());
    for (const [name, text] of expected) {
      assert.equal(readFileSync(join(LEXICON_SCHEMA_DIR, name), 'utf8'), text,
        `data/lexicon/schema/${name} is out of date: run \`npm run lexicon:schema\``);
    }
  });

  it('describe one schema per kind, refusing unknown keys as the loader does', () => {
    for (const kind of Object.keys(LEXICON_KINDS)) {
      const schema = JSON.parse(readFileSync(join(LEXICON_SCHEMA_DIR, `${kind}.schema.json`), 'utf8'));
      assert.equal(schema.additionalProperties, false, kind);
      assert.deepEqual(schema.properties.kind, { type: 'string', const: kind });
    }
  });
});
