import { SpawnedService, spawnService, waitForOutput } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

async function startAndStop(env: Record<string, string>): Promise<string> {
  const database = await TestDatabase.create();
  let service: SpawnedService | undefined;
  try {
    service = await spawnService({ DATABASE_URL: database.url, LOG_LEVEL: 'info', ...env });
    await waitForOutput(service, /ready at/);
    return service.output();
  } finally {
    service?.child.kill('SIGTERM');
    await service?.exited;
    await database.drop();
  }
}

/** What a person sees on start: readable lines on a terminal, the service's own lines only, and where to go next. */
describe('Start-up output', () => {
  it('LOG_FORMAT=pretty (a terminal): readable lines, a banner with the docs and the seeded users, no Nest chatter', async () => {
    const output = await startAndStop({ LOG_FORMAT: 'pretty' });
    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Main\] Dino Wallet listening on/m);
    expect(output).toMatch(/^Dino Wallet is ready at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(output).toMatch(/^ {2}API reference +http:\/\/127\.0\.0\.1:\d+\/docs/m);
    expect(output).toMatch(/^ {2}Seeded users +alice \([0-9a-f-]{36}\), bob \([0-9a-f-]{36}\)$/m);
    expect(output).not.toMatch(/InstanceLoader|RouterExplorer|Mapped \{/);
    expect(lines.length).toBeLessThan(20);
  });

  it('JSON lines otherwise, with Nest start-up chatter at debug only', async () => {
    const info = await startAndStop({});
    const lines = info.split('\n').filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(info).not.toMatch(/InstanceLoader|RouterExplorer|Mapped \{/);
    expect(lines.find((l) => l.includes('ready at'))).toMatch(/seeded users alice/);

    const debug = await startAndStop({ LOG_LEVEL: 'debug' });
    const mapped = debug.split('\n').filter((l) => l.includes('RouterExplorer'));
    expect(mapped.length).toBeGreaterThan(10);
    for (const line of mapped) expect(JSON.parse(line).level).toBe(20);
  });
});
