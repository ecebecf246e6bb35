/** What every rendering of a plan needs: each step's request, parsed into the resource it names. */
import { parseResourceId } from '../../estate/ids';
import type { PlanStep } from '../steps';

export interface Parsed {
  step: PlanStep;
  id: string;
  apiVersion: string;
  type: string;
  name: string;
  /** The resource group the resource (or the resource it extends) lives in. */
  sub: string;
  rg: string;
  parentId?: string;
  scopeId?: string;
  /** For an action (POST {resource}/{action}): the action's name; the rest names the resource it acts on. */
  action?: string;
}

export function parse(step: PlanStep): Parsed {
  const [url = '', query = ''] = step.request.url.split('?');
  const actionAt = url.lastIndexOf('/');
  const action = step.request.method === 'POST' && !parseResourceId(url) ? url.slice(actionAt + 1) : undefined;
  const id = action ? url.slice(0, actionAt) : url;
  const p = parseResourceId(id);
  if (!p) throw new Error(`Step ${step.id}: ${id} is not an ARM resource id.`);
  const extension = p.type.toLowerCase().startsWith('microsoft.authorization/') || p.type.toLowerCase().startsWith('microsoft.insights/');
  const owner = extension ? parseResourceId(p.scope) : p;
  return {
    step,
    id,
    apiVersion: new URLSearchParams(query).get('api-version') ?? '',
    type: p.type,
    name: p.name,
    sub: owner?.subscriptionId ?? p.subscriptionId ?? '',
    rg: owner?.resourceGroup ?? p.resourceGroup ?? '',
    parentId: p.parentId,
    scopeId: extension ? p.scope : undefined,
    action,
  };
}

export const lower = (s: string) => s.toLowerCase();
