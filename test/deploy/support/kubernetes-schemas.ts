import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './deploy-files';

/** A Kubernetes object as read from YAML. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

interface ModelClass {
  new (data: never): { validate(): void };
}

/** The kinds we ship, with the kubernetes-models class (JSON schema) and TypeScript interface of each. */
const MODELS: Record<string, { model: ModelClass; module: string; type: string }> = {
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret, module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'apps/v1/Deployment': { model: Deployment, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'batch/v1/Job': { model: Job, module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
};

function modelKey(manifest: Manifest): string {
  return `${manifest.apiVersion}/${manifest.kind}`;
}

/**
 * Validates one object against the Kubernetes JSON schema of its kind (kubernetes-models);
 * throws with every violation. A kind this list does not know is an error too.
 */
export function validateManifest(manifest: Manifest): void {
  const entry = MODELS[modelKey(manifest)];
  if (!entry) throw new Error(`no schema for ${modelKey(manifest)}: add it to MODELS`);
  new entry.model(manifest as never).validate();
}

/**
 * Fields the Kubernetes API does not define for the object's kind, as paths (`spec.replica`).
 * The JSON schemas allow unknown fields, but the API server (and kubectl's strict validation)
 * rejects them, and a misspelt or mis-indented key would otherwise be silently ignored.
 * Walks each object beside the kind's TypeScript interface from kubernetes-models.
 */
export function unknownFields(manifests: readonly Manifest[]): string[] {
  const { checker, types } = kubernetesTypes();
  const problems: string[] = [];
  for (const manifest of manifests) {
    const type = types.get(modelKey(manifest));
    if (!type) throw new Error(`no TypeScript interface for ${modelKey(manifest)}`);
    walk(checker, manifest, type, `${manifest.kind}/${manifest.metadata.name}`, problems);
  }
  return problems;
}

function walk(checker: ts.TypeChecker, value: unknown, declared: ts.Type, path: string, problems: string[]): void {
  if (value === null || typeof value !== 'object') return; // scalars are the JSON schema's job
  const type = checker.getNonNullableType(declared);
  if (Array.isArray(value)) {
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
    if (!element) return void problems.push(`${path}: not a list in the API`);
    value.forEach((item, index) => walk(checker, item, element, `${path}[${index}]`, problems));
    return;
  }
  const objectType = type.isUnion() ? type.types.find((t) => t.getFlags() & ts.TypeFlags.Object) : type;
  if (!objectType) return void problems.push(`${path}: not an object in the API`);
  const mapValue = checker.getIndexInfoOfType(objectType, ts.IndexKind.String)?.type;
  for (const [key, child] of Object.entries(value)) {
    const property = objectType.getProperty(key);
    if (property) walk(checker, child, checker.getTypeOfSymbol(property), `${path}.${key}`, problems);
    else if (mapValue) walk(checker, child, mapValue, `${path}.${key}`, problems);
    else problems.push(`${path}.${key}`);
  }
}

let cached: { checker: ts.TypeChecker; types: Map<string, ts.Type> } | undefined;

/** Compiles a tiny virtual module that names each kind's interface, and returns their types. */
function kubernetesTypes(): { checker: ts.TypeChecker; types: Map<string, ts.Type> } {
  if (cached) return cached;
  const keys = Object.keys(MODELS);
  const fileName = join(REPO_ROOT, 'test/deploy/kubernetes-types.virtual.ts');
  const source = keys
    .map((key, i) => `import type { ${MODELS[key]?.type} as T${i} } from '${MODELS[key]?.module}';\nexport type K${i} = T${i};`)
    .join('\n');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest);
  const program = ts.createProgram([fileName], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length > 0) throw new Error(`cannot load the kubernetes-models types: ${problems.join('; ')}`);
  const checker = program.getTypeChecker();
  const aliases = program.getSourceFile(fileName)?.statements.filter(ts.isTypeAliasDeclaration) ?? [];
  const types = new Map(aliases.map((alias, i) => [keys[i] as string, checker.getTypeAtLocation(alias.name)]));
  cached = { checker, types };
  return cached;
}
