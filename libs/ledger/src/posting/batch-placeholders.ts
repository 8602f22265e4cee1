/**
 * Placeholders for what a single-flight batch learns only from the database, in the same flight as
 * its writes: its journal ids and its timestamp (both drawn after the account locks). The batch is
 * decided and its responses are rendered with these; the database substitutes the real values in
 * what it stores (migration 1764000000080: `ledger_batch_journal_id`, `ledger_batch_body`, which
 * mirror the constants here) and the service in what it sends, with the same strings.
 *
 * A placeholder id is below any id and any amount a journal can carry (-9e18 - slot); a balance
 * that happened to equal one, or a description that contained the quoted instant, would make the
 * placeholder ambiguous: {@link placeholdersOnce} refuses such a body and the batch goes the
 * two-flight way.
 */
const BASE = -9_000_000_000_000_000_000n;

/** The instant a batch is decided at until the database stamps it. */
export const PLACEHOLDER_NOW = new Date('2999-12-31T23:59:59.999Z');
const QUOTED_NOW = `"${PLACEHOLDER_NOW.toISOString()}"`;

/** Placeholder ids for `count` journal slots, in slot order. */
export function placeholderIds(count: number): string[] {
  return Array.from({ length: count }, (_, slot) => (BASE - BigInt(slot)).toString());
}

/** The slot a placeholder id stands for, or undefined for a real id. */
export function placeholderSlot(id: string): number | undefined {
  if (id.length < 20 || !id.startsWith('-9')) return undefined;
  const value = BigInt(id);
  return value <= BASE ? Number(BASE - value) : undefined;
}

/** Whether `body` holds the quoted placeholder id and the quoted placeholder instant exactly once each. */
export function placeholdersOnce(body: string, journalId: string): boolean {
  return occursOnce(body, `"${journalId}"`) && occursOnce(body, QUOTED_NOW);
}

/** The body with the real id and instant (ISO 8601, as the database wrote it) in place of the placeholders. */
export function substitutePlaceholders(body: string, journalId: string, id: string, nowIso: string): string {
  return body.replace(`"${journalId}"`, `"${id}"`).replace(QUOTED_NOW, `"${nowIso}"`);
}

function occursOnce(text: string, part: string): boolean {
  const first = text.indexOf(part);
  return first >= 0 && text.indexOf(part, first + 1) < 0;
}
