import { describe, expect, it } from 'vitest';
import { jsonLdText } from './json-ld-text.ts';

describe('jsonLdText', () => {
  it('escapes every < so a note cannot close a script element, and parses back unchanged', () => {
    const value = { reviewBody: 'Quoted as </script><script>alert(1)</script> <!-- x' };
    const text = jsonLdText(value);
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(value);
  });
});
