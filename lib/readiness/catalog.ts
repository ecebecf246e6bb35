/** The rule catalog: every rule, in id order. Ids are stable forever; retire, never renumber. */
import { desRules, keyNotFoundRule } from './rules/des';
import { keyRules } from './rules/key';
import { keyVaultRules } from './rules/key-vault';
import { serverRules } from './rules/server';
import type { Rule } from './types';

export const serverRuleSet = serverRules;
export const desRuleSet = [...desRules, keyNotFoundRule];
export const keyRuleSet = keyRules;
export const vaultRuleSet = keyVaultRules;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RULES: readonly Rule<any>[] = [...serverRules, ...desRules, keyNotFoundRule, ...keyRules, ...keyVaultRules].sort((a, b) =>
  a.id.localeCompare(b.id, 'en', { numeric: true }),
);

export function ruleById(id: string) {
  return RULES.find((r) => r.id === id);
}
