// The renderer's layers point one way, and every product file stays small. Imports are read from the
// source itself (a few regular expressions are enough for this code base's `import … from './x'`),
// so the check cannot drift from the code.
//
//   screens   features/, app.tsx, main.tsx, bridge.ts   what the user sees; may import everything below
//   state     stores/ (with tokens/)                    zustand stores, the per-account token model
//   domain    domain/                                    rows, sorting, CSV, names, times, limiter, notice words
//   base      ui/, routing/                              components and routes that know no store
//   words     i18n/                                      catalogs and the translator (no React)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(ROOT, 'renderer');

/** Each folder of renderer/ (and its top-level files) on its floor: an import may go to its own floor or below. */
const FLOORS: Record<string, number> = { i18n: 0, ui: 1, routing: 1, domain: 2, stores: 3, features: 4, '.': 4 };

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The renderer's own .ts/.tsx files each file imports (type-only imports included: a cycle of types is still a tangle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => path.resolve(path.dirname(file), match[1] ?? match[2]!))
    .filter((target) => target.startsWith(RENDERER + path.sep) && /\.tsx?$/.test(target));
}

const rel = (file: string) => path.relative(RENDERER, file);
const floorOf = (file: string) => {
  const parts = rel(file).split(path.sep);
  return FLOORS[parts.length === 1 ? '.' : parts[0]!];
};

describe('the renderer’s import graph', () => {
  const files = sourceFiles(RENDERER);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('reads a real graph', () => {
    expect(files.length).toBeGreaterThan(80);
    expect([...graph.values()].flat().length).toBeGreaterThan(250);
  });

  it('puts every file on a floor', () => {
    expect(files.filter((file) => floorOf(file) === undefined).map(rel)).toEqual([]);
  });

  it('has no import from a lower floor up to a higher one', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => floorOf(to)! > floorOf(from)!).map((to) => `${rel(from)} -> ${rel(to)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('has an i18n barrel that exports no React component', () => {
    const barrel = readFileSync(path.join(RENDERER, 'i18n/index.ts'), 'utf8');
    expect(barrel).not.toMatch(/\.tsx['"]/);
  });
});

describe('product files', () => {
  it('are at most 300 lines each in main/ and renderer/', () => {
    const long = [...sourceFiles(path.join(ROOT, 'main')), ...sourceFiles(RENDERER)]
      .map((file) => ({ file: path.relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
