// The README is the front door: short, with the pictures the project draws (`npm run screenshots`),
// and every picture and local page it names exists — a renamed file breaks this, not the reader.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Targets of Markdown images `![alt](target)`. */
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
/** Targets of Markdown links that point into the repository (not the web, not an anchor). */
const localLinks = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)]
  .map((match) => match[1]!)
  .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'));

describe('README.md', () => {
  it('is at most 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('shows at least two screenshots the project made, under docs/screenshots', () => {
    expect(images.filter((image) => image.startsWith('docs/screenshots/')).length).toBeGreaterThanOrEqual(2);
  });

  it('names only images that exist, as small PNG files', () => {
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const file = path.join(root, image);
      const head = readFileSync(file).subarray(0, 8);
      expect({ image, png: head.equals(PNG_SIGNATURE) }).toEqual({ image, png: true });
      expect({ image, small: statSync(file).size < 150 * 1024 }).toEqual({ image, small: true });
    }
  });

  it('links only to pages of the repository that exist', () => {
    expect(localLinks.length).toBeGreaterThan(0);
    for (const link of localLinks) {
      expect({ link, exists: statSync(path.join(root, link.split('#')[0]!), { throwIfNoEntry: false }) !== undefined }).toEqual({
        link,
        exists: true,
      });
    }
  });
});
