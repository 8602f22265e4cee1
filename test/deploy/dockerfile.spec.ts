import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { CLI_JS, K8S_DIR, MAIN_JS, readRepoFile, readYaml, REPO_ROOT } from './support/deploy-files';
import { execForm, globalArg, Instruction, parseDockerfile } from './support/dockerfile';
import { SERVICE_NODE_FLAGS } from '../support/spawned-service';

const dockerfile = parseDockerfile(readRepoFile('docker/Dockerfile'));
const stages = [...new Set(dockerfile.filter((i) => i.keyword === 'FROM').map((i) => i.stage))];
const finalStage = stages.at(-1) ?? '';
const inStage = (stage: string, keyword: string): Instruction[] =>
  dockerfile.filter((i) => i.stage === stage && i.keyword === keyword);
const runtime = (keyword: string): Instruction[] => inStage(finalStage, keyword);

/** Runs docker/entrypoint.sh with a clean environment, as the container would. */
function entrypoint(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('sh', [join(REPO_ROOT, 'docker/entrypoint.sh'), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('docker/Dockerfile', () => {
  it('is a multi-stage build whose stages are named', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.every((s) => /^[a-z][a-z0-9-]*$/.test(s))).toBe(true);
  });

  it('builds on a current Node LTS image that satisfies package.json engines', () => {
    const images = dockerfile.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0] ?? '');
    const resolved = images.map((image) => image.replace(/^\$\{?NODE_IMAGE\}?$/, globalArg(dockerfile, 'NODE_IMAGE') ?? image));
    for (const image of resolved) {
      const major = Number(/^node:(\d+)/.exec(image)?.[1]);
      expect({ image, lts: major >= 22 && major % 2 === 0 }).toEqual({ image, lts: true });
    }
    // Pinned by digest: a rebuild gets the same base, whatever the tag points at by then.
    expect(globalArg(dockerfile, 'NODE_IMAGE')).toMatch(/^node:22-bookworm-slim@sha256:[0-9a-f]{64}$/);
    // The image's Node 22 must fall in the engines range (>= 22.13 on the 22 line, as typeorm needs).
    expect(JSON.parse(readRepoFile('package.json')).engines.node).toMatch(/>=22\.13\.0/);
  });

  it('installs from the lockfile and builds, then keeps only production dependencies', () => {
    const runs = dockerfile.filter((i) => i.keyword === 'RUN');
    expect(runs.some((r) => /\bnpm ci\b(?!.*--omit=dev)/.test(r.args))).toBe(true);
    expect(runs.some((r) => /\bnpm run build\b/.test(r.args))).toBe(true);
    expect(runs.some((r) => /\bnpm install\b/.test(r.args))).toBe(false);
    const prodStage = runs.find((r) => /\bnpm ci\b.*--omit=dev/.test(r.args))?.stage;
    expect(prodStage).toBeDefined();
    const copies = runtime('COPY').map((c) => c.args);
    expect(copies).toContainEqual(expect.stringMatching(new RegExp(`--from=${prodStage}\\s+/app/node_modules\\b`)));
    expect(copies).toContainEqual(expect.stringMatching(/--from=\S+\s+\/app\/dist\b/));
    expect(runtime('RUN').filter((r) => /\bnpm\b/.test(r.args))).toEqual([]);
  });

  it('runs as a non-root numeric user, the one the Kubernetes manifests expect', () => {
    const user = runtime('USER').at(-1)?.args ?? 'root';
    const [uid] = user.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    const deployment = readYaml<IDeployment>(join(K8S_DIR, 'deployment.yaml'));
    expect(deployment.spec?.template.spec?.securityContext?.runAsUser).toBe(Number(uid));
  });

  it('has a HEALTHCHECK on /health/live run with node, and exposes port 3000', () => {
    const healthcheck = runtime('HEALTHCHECK').at(-1)?.args ?? '';
    const command = execForm(healthcheck) ?? [];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).not.toMatch(/curl|wget/);
    const script = command[1]?.replace(/^\/app\//, '') ?? '';
    expect(readRepoFile(script)).toContain('/health/live');
    expect(runtime('EXPOSE').map((e) => e.args)).toEqual(['3000']);
  });

  it('bakes in no secrets', () => {
    for (const { keyword, args } of dockerfile.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')) {
      expect(`${keyword} ${args}`).not.toMatch(
        /PASSWORD|SECRET|TOKEN|DATABASE_URL|PRIVATE|CREDENTIAL|API_KEY|postgres(ql)?:\/\//i,
      );
    }
  });

  it('copies only files the .dockerignore allow-list sends, and never local state', () => {
    const ignore = readRepoFile('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    for (const local of ['.env', '.data', 'node_modules', 'dist', '.git', 'test']) {
      expect(allowed.some((a) => a === local || a.startsWith(`${local}/`))).toBe(false);
    }
    const sources = dockerfile
      .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(REPO_ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, sent: allowed.some((a) => source === a || source.startsWith(`${a}/`)) }).toEqual({ source, sent: true });
    }
  });

  it('starts through docker/entrypoint.sh, which execs node on the compiled entry with the flags the bench measured', () => {
    expect(execForm(runtime('ENTRYPOINT').at(-1)?.args ?? '')).toEqual(['/app/docker/entrypoint.sh']);
    expect(runtime('CMD')).toEqual([]);
    const script = readRepoFile('docker/entrypoint.sh');
    const flags = SERVICE_NODE_FLAGS.join(' ');
    expect(JSON.parse(readRepoFile('package.json')).scripts['start:prod']).toBe(`node ${flags} ${MAIN_JS}`);
    expect(JSON.parse(readRepoFile('package.json')).scripts.start).toBe(`node ${flags} ${MAIN_JS}`);
    expect(script).toContain(`BUILD_DIR="$APP_DIR/${MAIN_JS.replace(/\/main\.js$/, '')}"`);
    expect(script).toContain(`exec node ${flags} "$BUILD_DIR/main.js"`);
    expect(CLI_JS.replace(/cli\.js$/, 'main.js')).toBe(MAIN_JS);
    expect(statSync(join(REPO_ROOT, 'docker/entrypoint.sh')).mode & 0o111).not.toBe(0);
  });
});

describe('docker/entrypoint.sh', () => {
  it('is valid POSIX shell', () => {
    expect(spawnSync('sh', ['-n', join(REPO_ROOT, 'docker/entrypoint.sh')]).status).toBe(0);
  });

  it.each([[[]], [['migrate', 'seed']], [['verify']]])(
    'fails fast with one clear line when DATABASE_URL is missing (%j)',
    (args) => {
      const { status, stdout, stderr } = entrypoint(args);
      expect(status).toBe(78);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^dino-wallet: DATABASE_URL is not set; .*postgres:\/\//);
    },
  );

  it('refuses an unknown CLI command before touching the database', () => {
    const { status, stderr } = entrypoint(['migrate', 'drop-everything'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(status).toBe(64);
    expect(stderr).toContain("unknown command 'drop-everything'");
  });

  it('runs any other command as given', () => {
    expect(entrypoint(['echo', 'hello'])).toMatchObject({ status: 0, stdout: 'hello\n' });
  });
});
