import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedAssets, packageDir } from './assets';
import { REPO } from './checkout';

describe('installedAssets', () => {
  it('finds each folder in its package, as Node resolves the package from the server', () => {
    expect(installedAssets()).toEqual({
      sdk: join(REPO, 'packages/sdk/dist'),
      auditor: join(REPO, 'apps/auditor/dist'),
      demo: join(REPO, 'apps/demo/public'),
    });
    expect(existsSync(join(installedAssets().demo, 'index.html'))).toBe(true);
  });

  it('names the package a server cannot find', () => {
    expect(() => packageDir('@consent-ledger/nothing')).toThrow(/@consent-ledger\/nothing/);
  });
});
