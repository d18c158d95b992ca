import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

// The first lint loads the whole ESLint config and typescript-eslint: seconds on a busy 2-core box.
describe('import direction is a lint error', { timeout: 30_000 }, () => {
  it('rejects an import from components into core', async () => {
    const errors = await restrictedImportErrors(
      'src/core/anchoring/bad-import.ts',
      "import { Reader } from '../../components/reader/Reader.tsx';\nexport const x = Reader;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/core must not import from src\/components/);
  });

  it('rejects React and zustand in core', async () => {
    const errors = await restrictedImportErrors(
      'src/core/bad-import.ts',
      "import { useState } from 'react';\nimport { create } from 'zustand';\nexport const x = [useState, create];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('rejects an import from app into components', async () => {
    const errors = await restrictedImportErrors(
      'src/components/claims/BadImport.tsx',
      "import { App } from '../../app/App.tsx';\nexport const x = App;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('allows core into components', async () => {
    const errors = await restrictedImportErrors(
      'src/components/claims/GoodImport.tsx',
      "import { articleText } from '../../core/articles/article-text.ts';\nexport const x = articleText;\n",
    );
    expect(errors).toEqual([]);
  });
});
