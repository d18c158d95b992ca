import { describe, expect, it } from 'vitest';
import { DataFileError, parseArticle, parseManifest } from './article-schema.ts';
import { readRepoJson } from '../test-fixtures/seed-articles.ts';

const valid = readRepoJson('data/articles/newstalk-johnson-lavrov-clash.json') as Record<
  string,
  unknown
>;

describe('parseArticle', () => {
  it('accepts the shipped articles', () => {
    expect(parseArticle(valid, 'newstalk').outlet).toBe('Newstalk');
  });

  it('names the article and the field when a body block is broken', () => {
    const body = [...(valid.body as unknown[])];
    body[3] = { type: 'paragraph', text: 42 };
    expect(() => parseArticle({ ...valid, body }, 'newstalk-johnson-lavrov-clash')).toThrowError(
      /Article "newstalk-johnson-lavrov-clash": field "body\.3\.text"/,
    );
  });

  it('names a missing top-level field', () => {
    const { headline: _dropped, ...rest } = valid;
    try {
      parseArticle(rest, 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as DataFileError).field).toBe('headline');
    }
  });

  it('rejects a non-http original address', () => {
    expect(() => parseArticle({ ...valid, url: 'javascript:alert(1)' }, 'x')).toThrowError(
      /field "url"/,
    );
  });

  it('rejects something that is not an object at all', () => {
    expect(() => parseArticle('<html>', 'x')).toThrowError(/Article "x"/);
  });

  it('keeps unknown fields so newer files still load', () => {
    expect(parseArticle({ ...valid, byline: 'kept' }, 'x')).toHaveProperty('byline', 'kept');
  });
});

describe('parseManifest', () => {
  it('accepts data/index.json', () => {
    expect(parseManifest(readRepoJson('data/index.json')).articles).toHaveLength(2);
  });
  it('rejects an empty list', () => {
    expect(() => parseManifest({ schemaVersion: 1, articles: [] })).toThrowError(/articles/);
  });
});
