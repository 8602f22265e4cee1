/** One Dockerfile instruction, with the build stage it belongs to. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  /** The stage's `AS` name, or its index when it has none; `''` before the first FROM. */
  readonly stage: string;
}

/**
 * Splits a Dockerfile into instructions: comments dropped, `\` continuations joined, keywords
 * upper-cased. Enough for the checks we make, not a full parser (no heredocs).
 */
export function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending.trim()) logical.push(pending.trim());

  const instructions: Instruction[] = [];
  let stage = '';
  let stages = 0;
  for (const line of logical.filter((l) => l !== '')) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      stage = /\sAS\s+(\S+)\s*$/i.exec(` ${args}`)?.[1] ?? String(stages);
      stages += 1;
    }
    instructions.push({ keyword: keyword.toUpperCase(), args, stage });
  }
  return instructions;
}

/** The default of a global `ARG NAME=default` (declared before the first FROM). */
export function globalArg(instructions: readonly Instruction[], name: string): string | undefined {
  const arg = instructions.find((i) => i.stage === '' && i.keyword === 'ARG' && i.args.startsWith(`${name}=`));
  return arg?.args.slice(name.length + 1).replace(/^"(.*)"$/, '$1');
}

/** Exec-form (`["a", "b"]`) arguments as a list, or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  const json = args.slice(args.indexOf('['));
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
