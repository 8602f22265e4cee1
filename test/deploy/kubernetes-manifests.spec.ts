import { loadAppConfig } from '@app/common';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import { join } from 'node:path';
import { k8sFiles, K8S_DIR, readYaml, readYamlDocuments } from './support/deploy-files';
import { Manifest, unknownFields, validateManifest } from './support/kubernetes-schemas';

/** Files kept out of kustomization.yaml on purpose (see the comment in it). */
const NOT_IN_KUSTOMIZATION = ['secret.template.yaml', 'migration-job.yaml'];

const files = k8sFiles().filter((name) => name !== 'kustomization.yaml');
const manifests = files.flatMap((name) =>
  readYamlDocuments(join(K8S_DIR, name)).map((document) => ({ name, manifest: document as Manifest })),
);

function only<T>(kind: string): T {
  const found = manifests.filter((m) => m.manifest.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]?.manifest as T;
}

const deployment = only<IDeployment>('Deployment');
const job = only<IJob>('Job');
const service = only<IService>('Service');
const configMap = only<Manifest & { data: Record<string, string> }>('ConfigMap');
const secret = only<Manifest & { stringData: Record<string, string> }>('Secret');
const pod = deployment.spec?.template.spec as IPodSpec;
const api = pod.containers[0] as IContainer;
const jobPod = job.spec?.template.spec as IPodSpec;
const migrate = jobPod.containers[0] as IContainer;

function envValue(container: IContainer, name: string): string | undefined {
  return container.env?.find((e) => e.name === name)?.value;
}

describe('Kubernetes manifests (docker/k8s)', () => {
  it.each(manifests.map((m) => [`${m.name}: ${m.manifest.kind}/${m.manifest.metadata?.name}`, m.manifest] as const))(
    'validates against the Kubernetes JSON schema: %s',
    (_, manifest) => {
      expect(() => validateManifest(manifest)).not.toThrow();
    },
  );

  it('uses no field the Kubernetes API does not define', () => {
    expect(unknownFields(manifests.map((m) => m.manifest))).toEqual([]);
  });

  it('has checks that catch broken manifests', () => {
    const broken = structuredClone(deployment) as unknown as Manifest & IDeployment;
    (broken.spec?.template.spec?.containers[0]?.ports?.[0] as { containerPort: unknown }).containerPort = 'http';
    expect(() => validateManifest(broken)).toThrow(/containerPort/);
    const misspelt = structuredClone(deployment) as unknown as Manifest & IDeployment & { spec: { replica: number } };
    misspelt.spec.replica = 2;
    const container = misspelt.spec.template.spec?.containers[0] as IContainer & Record<string, unknown>;
    container.readinessprobe = container.readinessProbe;
    Object.assign(container.securityContext ?? {}, { readOnlyRootFileSystem: true });
    Object.assign(container.env?.[0] ?? {}, { valueFromm: {} });
    expect(validateManifest.bind(null, misspelt)).not.toThrow(); // the JSON schemas allow unknown fields
    expect(unknownFields([misspelt]).sort()).toEqual([
      'Deployment/dino-wallet.spec.replica',
      'Deployment/dino-wallet.spec.template.spec.containers[0].env[0].valueFromm',
      'Deployment/dino-wallet.spec.template.spec.containers[0].readinessprobe',
      'Deployment/dino-wallet.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem',
    ]);
  });

  it('lists every long-lived manifest in kustomization.yaml, and nothing else', () => {
    const kustomization = readYaml<{ resources: string[] }>(join(K8S_DIR, 'kustomization.yaml'));
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => !NOT_IN_KUSTOMIZATION.includes(f)));
  });

  it('probes liveness, readiness and startup on the service port', () => {
    const port = api.ports?.find((p) => p.name === 'http');
    expect(port?.containerPort).toBe(Number(configMap.data.PORT));
    for (const [probe, path] of [
      [api.livenessProbe, '/health/live'],
      [api.startupProbe, '/health/live'],
      [api.readinessProbe, '/health/ready'],
    ] as const) {
      expect(probe?.httpGet?.path).toBe(path);
      expect([port?.name, port?.containerPort]).toContain(probe?.httpGet?.port);
    }
  });

  it('runs as a non-root user on a read-only root filesystem with no capabilities', () => {
    for (const [spec, container] of [
      [pod, api],
      [jobPod, migrate],
    ] as const) {
      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      expect(container.resources?.requests).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
      expect(container.resources?.limits).toMatchObject({ memory: expect.anything() });
    }
  });

  it('gives the graceful shutdown time to finish: grace period > preStop + SHUTDOWN_GRACE_MS', () => {
    const preStop = api.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const preStopMs = Number(preStop[1]) * 1000;
    expect(preStopMs).toBeGreaterThan(0);
    const shutdownGraceMs = loadAppConfig({ ...configMap.data, DATABASE_URL: 'postgres://h/db' }, { requireSecrets: false }).http
      .shutdownGraceMs;
    expect((pod.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(preStopMs + shutdownGraceMs);
  });

  it('starts replicas with DB_AUTO_SETUP=false and migrates in a Job running the CLI migrate, then seed', () => {
    expect(envValue(api, 'DB_AUTO_SETUP')).toBe('false');
    expect(loadAppConfig({ DB_AUTO_SETUP: envValue(api, 'DB_AUTO_SETUP') }).database.autoSetup).toBe(false);
    expect(migrate.command).toBeUndefined(); // the image's entrypoint runs the CLI
    expect(migrate.args).toEqual(['migrate', 'seed']);
    expect(jobPod.restartPolicy).toBe('Never');
    expect(migrate.image).toBe(api.image);
  });

  it('reads DATABASE_URL from the Secret and the rest from the ConfigMap, with values the service accepts', () => {
    for (const container of [api, migrate]) {
      const url = container.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
      expect(url).toEqual({ name: secret.metadata.name, key: 'DATABASE_URL' });
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    }
    const config = loadAppConfig({
      ...configMap.data,
      DATABASE_URL: secret.stringData.DATABASE_URL,
      CURSOR_SECRET: secret.stringData.CURSOR_SECRET,
    });
    expect(config.http.host).toBe('0.0.0.0');
    expect(Object.keys(configMap.data)).not.toContain('DATABASE_URL');
  });

  it('gives the service its CURSOR_SECRET from the Secret, required (the service refuses to start without it)', () => {
    const cursor = api.env?.find((e) => e.name === 'CURSOR_SECRET')?.valueFrom?.secretKeyRef;
    expect(cursor).toEqual({ name: secret.metadata.name, key: 'CURSOR_SECRET' });
    expect(() => loadAppConfig({ ...configMap.data, DATABASE_URL: secret.stringData.DATABASE_URL })).toThrow(
      /CURSOR_SECRET is required/,
    );
    expect(Object.keys(configMap.data)).not.toContain('CURSOR_SECRET');
    // The migration Job serves no cursors and needs none.
    expect(migrate.env?.find((e) => e.name === 'CURSOR_SECRET')).toBeUndefined();
  });

  it("gives the owner's MIGRATION_DATABASE_URL to the migration Job only, never to the serving pods", () => {
    const migrationUrl = migrate.env?.find((e) => e.name === 'MIGRATION_DATABASE_URL')?.valueFrom?.secretKeyRef;
    expect(migrationUrl).toEqual({ name: secret.metadata.name, key: 'MIGRATION_DATABASE_URL', optional: true });
    expect(api.env?.map((e) => e.name)).not.toContain('MIGRATION_DATABASE_URL');
    expect(Object.keys(configMap.data)).not.toContain('MIGRATION_DATABASE_URL');
    const config = loadAppConfig({
      ...configMap.data,
      DATABASE_URL: secret.stringData.DATABASE_URL,
      MIGRATION_DATABASE_URL: secret.stringData.MIGRATION_DATABASE_URL,
      CURSOR_SECRET: secret.stringData.CURSOR_SECRET,
    });
    expect(config.database.migrationStatementTimeoutMs).toBeGreaterThan(config.database.statementTimeoutMs);
    expect((job.spec?.activeDeadlineSeconds ?? 0) * 1000).toBeGreaterThan(
      config.database.startupTimeoutMs + config.database.migrationStatementTimeoutMs,
    );
  });

  it('mounts an optional database CA read-only into the pods and the Job (for sslrootcert=)', () => {
    for (const spec of [pod, jobPod]) {
      const mount = spec.containers[0]?.volumeMounts?.find((m) => m.name === 'db-ca');
      expect(mount).toMatchObject({ mountPath: '/etc/dino-wallet/db-ca', readOnly: true });
      expect(spec.volumes?.find((v) => v.name === 'db-ca')?.configMap).toEqual({ name: 'dino-wallet-db-ca', optional: true });
    }
  });

  it('ships only a placeholder Secret', () => {
    expect(secret.metadata.name).toBe('dino-wallet-secrets');
    for (const value of Object.values(secret.stringData)) expect(value).toMatch(/CHANGE_ME/);
    expect(Object.keys(secret)).not.toContain('data');
  });

  it('selects the Deployment pods (and not the Job pods) from the Service and the PodDisruptionBudget', () => {
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
      Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v) && Object.keys(selector ?? {}).length > 0;
    const pdb = only<IPodDisruptionBudget>('PodDisruptionBudget');
    for (const selector of [deployment.spec?.selector.matchLabels, service.spec?.selector, pdb.spec?.selector?.matchLabels]) {
      expect(matches(selector, podLabels)).toBe(true);
      expect(matches(selector, job.spec?.template.metadata?.labels ?? {})).toBe(false);
    }
    expect(service.spec?.ports?.[0]?.targetPort).toBe(api.ports?.[0]?.name);
  });

  it('autoscales the Deployment within the database connection budget, and lets the HPA own the replica count', () => {
    const hpa = only<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata?.name });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec?.replicas).toBeUndefined();
    const pdb = only<IPodDisruptionBudget>('PodDisruptionBudget');
    expect(Number(pdb.spec?.minAvailable)).toBeLessThan(hpa.spec?.minReplicas ?? 1);
    // PostgreSQL's default max_connections is 100: leave room for the Job, admins and monitoring.
    // Each replica opens its pool plus one connection of its own while a ledger verification runs.
    const poolSize = loadAppConfig({ ...configMap.data }).database.poolSize;
    expect((hpa.spec?.maxReplicas ?? 0) * (poolSize + 1)).toBeLessThanOrEqual(80);
  });
});
