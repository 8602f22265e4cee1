import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Grouping = MetadataStorage['groupByPropertyName'];
type Rules = ReturnType<Lookup>;

const installed = new WeakSet<MetadataStorage>();

/**
 * Remembers class-validator's answer to "which rules apply to this class" instead of working it out
 * on every validation. class-validator 0.15 finds a class's inherited rules by testing the class
 * against every decorated class the process has loaded (`prototype instanceof`, then filters), on
 * each `validate()` call and again for every nested object, then filters and groups the rules anew
 * (typestack/class-validator#2686, open; Twenty memoizes it the same way, twentyhq/twenty#24085):
 * arrays, closures and a grouping object per call, for an answer that does not change once the
 * classes are loaded (15 classes carry rules here).
 *
 * A class's rules are registered while its module loads, before it can be validated; should a rule
 * be registered later anyway (`registerDecorator` at run time), every remembered answer is dropped.
 * The answers are class-validator's own arrays and groupings, which its validator only reads.
 * Installed once per metadata storage (idempotent).
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group: Grouping = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let answers = new WeakMap<object, Map<string, Rules>>();
  let groupings = new WeakMap<Rules, ReturnType<Grouping>>();

  storage.addValidationMetadata = (metadata) => {
    answers = new WeakMap();
    groupings = new WeakMap();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups === undefined ? '' : JSON.stringify(groups)}`;
    let byOptions = answers.get(target);
    if (byOptions === undefined) {
      byOptions = new Map();
      answers.set(target, byOptions);
    }
    let answer = byOptions.get(key);
    if (answer === undefined) {
      answer = lookUp(target, schema, always, strictGroups, groups);
      byOptions.set(key, answer);
    }
    return answer;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (grouped === undefined) {
      grouped = group(metadata);
      groupings.set(metadata, grouped);
    }
    return grouped;
  };
}
