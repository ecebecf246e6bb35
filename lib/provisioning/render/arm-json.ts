import type { Plan } from '../steps';

/** The plan's requests as JSON: what apply sends, in order, with the bindings that join them. */
export function renderArmJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}
