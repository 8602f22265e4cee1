import type { QueryRunner } from 'typeorm';

/** The assets every deployment starts with. */
export const SEED_ASSETS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'GOLD', name: 'Gold' },
  { code: 'DIAMOND', name: 'Diamond' },
  { code: 'POINT', name: 'Point' },
];

export const SEED_USERNAMES: readonly string[] = ['alice', 'bob'];

/** The system accounts that fund the wallet operations, one of each per asset. */
export const SYSTEM_ACCOUNT_NAMES = ['TREASURY', 'BONUS'] as const;

/**
 * Idempotent seed: assets, the demo users and a TREASURY and BONUS account for every asset.
 * Safe to run on every start; rows that exist are left alone.
 */
export async function runInitialSeed(runner: QueryRunner): Promise<void> {
  await runner.query(
    `INSERT INTO assets (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO NOTHING`,
    [SEED_ASSETS.map((a) => a.code), SEED_ASSETS.map((a) => a.name)],
  );
  await runner.query(`INSERT INTO users (username) SELECT unnest($1::text[]) ON CONFLICT (username) DO NOTHING`, [
    SEED_USERNAMES,
  ]);
  await runner.query(
    `INSERT INTO accounts (asset_code, kind, system_name)
     SELECT a.code, 'SYSTEM', s.name FROM assets a CROSS JOIN unnest($1::text[]) AS s(name)
     ORDER BY a.code, s.name
     ON CONFLICT DO NOTHING`,
    [SYSTEM_ACCOUNT_NAMES],
  );
}
