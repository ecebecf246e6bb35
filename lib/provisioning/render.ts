/**
 * The same plan as code for change control: Bicep (one file per resource group, the others as
 * modules), an Azure CLI script (real `az` commands; `az rest` where only ARM can do it), and
 * ARM JSON (the plan's requests exactly as apply sends them). Pure text; nothing runs here.
 */
import { parseResourceId } from '../estate/ids';
import type { Plan, PlanStep } from './plan';

interface Parsed {
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
}

function parse(step: PlanStep): Parsed {
  const [id = '', query = ''] = step.request.url.split('?');
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
  };
}

const lower = (s: string) => s.toLowerCase();

// ---------- ARM JSON ----------

/** The plan's requests as JSON: what apply sends, in order, with the bindings that join them. */
export function renderArmJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

// ---------- Bicep ----------

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function bicepString(s: string, expr: (placeholder: string) => string | undefined): string {
  const whole = expr(s);
  if (whole) return whole;
  let out = '';
  let rest = s;
  for (;;) {
    const m = rest.match(/\{\{[^}]+\}\}/);
    if (!m || m.index === undefined) break;
    const e = expr(m[0]);
    out += esc(rest.slice(0, m.index)) + (e ? `\${${e}}` : esc(m[0]));
    rest = rest.slice(m.index + m[0].length);
  }
  return `'${out}${esc(rest)}'`;
}
const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${');

function bicepValue(v: unknown, indent: string, expr: (p: string) => string | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return bicepString(v, expr);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((x) => inner + bicepValue(x, inner, expr)).join('\n')}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${IDENT.test(k) ? k : bicepString(k, () => undefined)}: ${bicepValue(x, inner, expr)}`).join('\n')}\n${indent}}`;
}

const SYMBOL: Record<string, string> = {
  'microsoft.keyvault/vaults': 'kv',
  'microsoft.keyvault/vaults/keys': 'key',
  'microsoft.compute/diskencryptionsets': 'des',
  'microsoft.authorization/roleassignments': 'grant',
  'microsoft.keyvault/vaults/accesspolicies': 'accessPolicy',
  'microsoft.insights/diagnosticsettings': 'audit',
  'microsoft.managedidentity/userassignedidentities': 'uami',
};

/** A resource's Bicep symbol: `kv`, `key`, `des`, … by type, else the step id. */
const symbolOf = (p: Parsed) => SYMBOL[lower(p.type)] ?? p.step.id.replace(/[^A-Za-z0-9_]/g, '');

export interface BicepFile {
  name: string;
  text: string;
}

/**
 * Bicep for the plan. The main file deploys to the disk encryption set's resource group; work in
 * another resource group (an existing vault elsewhere) becomes a module scoped there, with the
 * values that cross files passed as params and outputs. A PATCH of an existing resource cannot be
 * declared without restating the whole resource, so it is left to the CLI script, and said so.
 */
export function renderBicep(plan: Plan): BicepFile[] {
  const steps = plan.steps.filter((s) => s.id !== 'verify' && s.id !== 'verify-grant').map(parse);
  const desStep = steps.find((p) => lower(p.type) === 'microsoft.compute/diskencryptionsets');
  const main = { sub: (desStep ?? steps[0])?.sub ?? '', rg: lower((desStep ?? steps[0])?.rg ?? '') };
  const inMain = (p: Parsed) => lower(p.rg) === main.rg && lower(p.sub) === lower(main.sub);

  // Consecutive steps in the same resource group form a segment; foreign segments are modules.
  const segments: { main: boolean; steps: Parsed[] }[] = [];
  for (const p of steps) {
    const last = segments[segments.length - 1];
    if (last && last.main === inMain(p) && (last.main || lower(last.steps[0]!.rg) === lower(p.rg))) last.steps.push(p);
    else segments.push({ main: inMain(p), steps: [p] });
  }
  const fileOf = new Map<string, number>();
  segments.forEach((seg, i) => seg.steps.forEach((p) => fileOf.set(p.step.id, i)));
  const stepById = new Map(steps.map((p) => [p.step.id, p]));
  const moduleName = (i: number) => `step${i + 1}`;
  const paramName = (stepId: string, path: string) => `${stepId}${path.split('.').pop()!.replace(/^./, (c) => c.toUpperCase())}`;

  // Which bound values cross from one segment to another.
  const crossing: { from: number; to: number; step: string; path: string; placeholder: string }[] = [];
  for (const p of steps) {
    for (const b of p.step.bindings) {
      const from = fileOf.get(b.step);
      const to = fileOf.get(p.step.id)!;
      if (from !== undefined && from !== to) crossing.push({ from, to, step: b.step, path: b.path, placeholder: b.placeholder });
    }
  }

  const header = (title: string) =>
    [`// ${title}`, '// Generated by Lockstep from the same plan the wizard applies. Review before deploying.', ''].join('\n');

  const segmentBody = (i: number): string[] => {
    const seg = segments[i]!;
    const lines: string[] = [];
    const declared = new Set<string>();
    const expr = (placeholder: string): string | undefined => {
      for (const p of seg.steps) {
        const b = p.step.bindings.find((x) => x.placeholder === placeholder);
        if (!b) continue;
        const from = fileOf.get(b.step);
        if (from === i) return `${symbolOf(stepById.get(b.step)!)}.${b.path}`;
        if (seg.main && from !== undefined) return `${moduleName(from)}.outputs.${paramName(b.step, b.path)}`;
        return paramName(b.step, b.path);
      }
      return undefined;
    };
    // A vault the segment's resources hang off, declared once (as `existing` when not written here).
    const vaultRef = (vaultId: string) => {
      const v = parseResourceId(vaultId)!;
      if (declared.has('kv')) return;
      declared.add('kv');
      lines.push(`resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {`, `  name: '${esc(v.name)}'`, `}`, '');
    };
    for (const p of seg.steps) {
      const t = lower(p.type);
      const sym = symbolOf(p);
      const body = (p.step.request.body ?? {}) as Record<string, unknown>;
      if (p.step.request.method === 'PATCH') {
        lines.push(`// ${p.step.title}: a PATCH of an existing resource. Bicep would have to restate the whole resource,`, '// so this change is in the Azure CLI script (az keyvault update / az disk-encryption-set update).', '');
        continue;
      }
      const existing = p.step.status === 'done' || p.step.request.method === 'GET';
      if (t === 'microsoft.keyvault/vaults') {
        declared.add('kv');
        if (existing) lines.push(`resource kv '${p.type}@${p.apiVersion}' existing = {`, `  name: '${esc(p.name)}'`, '}', '');
        else lines.push(`resource kv '${p.type}@${p.apiVersion}' = {`, `  name: '${esc(p.name)}'`, `  location: ${bicepValue(body.location, '  ', expr)}`, `  properties: ${bicepValue(body.properties, '  ', expr)}`, '}', '');
        continue;
      }
      if (t === 'microsoft.keyvault/vaults/keys' || t === 'microsoft.keyvault/vaults/accesspolicies') {
        vaultRef(p.parentId!);
        lines.push(`resource ${sym} '${p.type}@${p.apiVersion}' ${existing ? 'existing ' : ''}= {`, '  parent: kv', `  name: '${esc(p.name)}'`);
        if (!existing) lines.push(`  properties: ${bicepValue(body.properties, '  ', expr)}`);
        lines.push('}', '');
        continue;
      }
      if (t === 'microsoft.authorization/roleassignments' || t === 'microsoft.insights/diagnosticsettings') {
        vaultRef(p.scopeId!);
        lines.push(`resource ${sym} '${p.type}@${p.apiVersion}' = {`, '  scope: kv', `  name: '${esc(p.name)}'`, `  properties: ${bicepValue(body.properties, '  ', expr)}`, '}', '');
        continue;
      }
      if (t === 'microsoft.managedidentity/userassignedidentities') {
        lines.push(`resource uami '${p.type}@${p.apiVersion}' existing = {`, `  name: '${esc(p.name)}'`, '}', '');
        continue;
      }
      // Any other tracked resource (the DES).
      lines.push(`resource ${sym} '${p.type}@${p.apiVersion}' ${existing ? 'existing ' : ''}= {`, `  name: '${esc(p.name)}'`);
      if (!existing) for (const [k, v] of Object.entries(body)) lines.push(`  ${k}: ${bicepValue(v, '  ', expr)}`);
      lines.push('}', '');
    }
    // Values this segment hands on.
    for (const c of seg.main ? [] : crossing.filter((x) => x.from === i)) {
      const out = `output ${paramName(c.step, c.path)} string = ${symbolOf(stepById.get(c.step)!)}.${c.path}`;
      if (!lines.includes(out)) lines.push(out);
    }
    return lines;
  };

  const files: BicepFile[] = [];
  const mainLines: string[] = [header(`Lockstep plan for resource group ${main.rg} (targetScope: resourceGroup). Deploy: az deployment group create --resource-group ${main.rg} --template-file main.bicep`), "targetScope = 'resourceGroup'", ''];
  segments.forEach((seg, i) => {
    if (seg.main) {
      mainLines.push(...segmentBody(i));
      return;
    }
    const first = seg.steps[0]!;
    const fileName = `${moduleName(i)}-${first.rg}.bicep`;
    const params = [...new Map(crossing.filter((c) => c.to === i).map((c) => [paramName(c.step, c.path), c])).values()];
    files.push({ name: fileName, text: [header(`Module: ${seg.steps.map((p) => p.step.title).join('; ')}`), ...params.map((c) => `param ${paramName(c.step, c.path)} string`), params.length ? '' : '', ...segmentBody(i)].join('\n') });
    const before = segments.slice(0, i).map((_, j) => j).filter((j) => !segments[j]!.main).map(moduleName);
    const mainSymbols = segments.slice(0, i).filter((s) => s.main).flatMap((s) => s.steps.filter((p) => p.step.request.method === 'PUT').map(symbolOf));
    mainLines.push(
      `module ${moduleName(i)} '${fileName}' = {`,
      `  name: 'lockstep-${moduleName(i)}'`,
      `  scope: resourceGroup('${first.sub}', '${esc(first.rg)}')`,
      ...(params.length ? ['  params: {', ...params.map((c) => `    ${paramName(c.step, c.path)}: ${segments[c.from]!.main ? `${symbolOf(stepById.get(c.step)!)}.${c.path}` : `${moduleName(c.from)}.outputs.${paramName(c.step, c.path)}`}`), '  }'] : []),
      ...(before.length || mainSymbols.length ? [`  dependsOn: [${[...before, ...mainSymbols].join(', ')}]`] : []),
      '}',
      '',
    );
  });
  files.unshift({ name: 'main.bicep', text: mainLines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n' });
  return files;
}

// ---------- Azure CLI ----------

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A bash script of real `az` commands that does what the plan does, in the same order. */
/**
 * The plan as a bash script of `az` commands that is safe to run again: each step creates what is missing, or brings what
 * exists to the planned settings, and says which; `az rest` URLs are relative, so az resolves them against the active
 * cloud (and sends its token there); each verification prints what it checked and stops the script when it fails.
 */
export function renderAzCli(plan: Plan): string {
  const lines: string[] = ['#!/usr/bin/env bash', '# Generated by Lockstep from the same plan the wizard applies. Review before running.', '# Safe to run again: each step creates what is missing or updates what exists to the planned settings.', 'set -euo pipefail', ''];
  const vars = new Map<string, string>(); // placeholder → shell variable
  const value = (s: string) => {
    let out = s;
    for (const [ph, v] of vars) out = out.split(ph).join(`\${${v}}`);
    return out;
  };
  const dq = (s: string) => `"${value(s).replace(/(["`\\])/g, '\\$1')}"`;
  const say = (s: string) => `echo ${dq(s)}`;
  const fail = (s: string) => `{ echo ${dq(s)} >&2; exit 1; }`;
  /** `if probe; then when-present; else when-absent; fi`, indented. */
  const ensure = (probe: string, present: string[], absent: string[]) => {
    lines.push(`if ${probe} >/dev/null 2>&1; then`, ...present.map((l) => `  ${l}`), 'else', ...absent.map((l) => `  ${l}`), 'fi');
  };
  let currentSub = '';
  for (const step of plan.steps) {
    const p = parse(step);
    const t = lower(p.type);
    const body = (step.request.body ?? {}) as { location?: string; identity?: { type?: string; userAssignedIdentities?: Record<string, unknown> }; properties?: Record<string, unknown> };
    const props = (body.properties ?? {}) as Record<string, unknown>;
    if (p.sub && p.sub !== currentSub) {
      lines.push(`az account set --subscription ${p.sub}`, '');
      currentSub = p.sub;
    }
    lines.push(`# ${step.title}${step.status === 'done' ? ' (already exists: skipped)' : ''}`, `# Why: ${step.why}`);
    const bind = (stepId: string, path: string, variable: string, cmd: string) => {
      const b = plan.steps.flatMap((s) => s.bindings).find((x) => x.step === stepId && x.path === path);
      if (b && !vars.has(b.placeholder)) {
        vars.set(b.placeholder, variable);
        lines.push(`${variable}=$(${cmd})`);
      }
    };
    const done = step.status === 'done';
    const rest = (method: string, extra = '') => `az rest --method ${method} --url ${dq(step.request.url)}${extra}`;
    // An existing resource: only the values later commands take from it.
    if (done && t === 'microsoft.compute/diskencryptionsets') {
      bind('des', 'identity.principalId', 'DES_PRINCIPAL_ID', `az disk-encryption-set show --name ${p.name} --resource-group ${p.rg} --query identity.principalId --output tsv`);
      lines.push('');
      continue;
    }
    if (t === 'microsoft.keyvault/vaults' && step.request.method === 'PUT') {
      const acl = (props.networkAcls ?? {}) as { defaultAction?: string; bypass?: string };
      const rbac = props.enableRbacAuthorization === false ? 'false' : 'true';
      if (done) lines.push(`# az keyvault create --name ${p.name} --resource-group ${p.rg}`);
      else
        ensure(
          `az keyvault show --name ${p.name} --resource-group ${p.rg}`,
          [say(`Key vault ${p.name} exists: setting purge protection, the permission model and the firewall as planned.`), `az keyvault update --name ${p.name} --resource-group ${p.rg} --enable-purge-protection true --enable-rbac-authorization ${rbac} --default-action ${acl.defaultAction ?? 'Deny'} --bypass ${acl.bypass ?? 'AzureServices'} --output none`],
          [`az keyvault create --name ${p.name} --resource-group ${p.rg} --location ${body.location} --sku ${(props.sku as { name?: string })?.name ?? 'standard'} --retention-days ${props.softDeleteRetentionInDays ?? 90} --enable-purge-protection true --enable-rbac-authorization ${rbac} --default-action ${acl.defaultAction ?? 'Deny'} --bypass ${acl.bypass ?? 'AzureServices'} --output none`, say(`Created key vault ${p.name}.`)],
        );
    } else if (t === 'microsoft.keyvault/vaults' && step.request.method === 'PATCH') {
      const flags: string[] = [];
      if (props.enablePurgeProtection === true) flags.push('--enable-purge-protection true');
      const acl = props.networkAcls as { defaultAction?: string; bypass?: string } | undefined;
      if (acl?.bypass) flags.push(`--bypass ${acl.bypass}`);
      if (acl?.defaultAction) flags.push(`--default-action ${acl.defaultAction}`);
      lines.push(`az keyvault update --name ${p.name} --resource-group ${p.rg} ${flags.join(' ')} --output none`, say(`Updated key vault ${p.name} (${flags.join(' ').replace(/--/g, '')}).`));
    } else if (t === 'microsoft.keyvault/vaults' && step.request.method === 'GET') {
      // Verification of an access policy: the object id's key permissions, printed as a line (a table drops list columns).
      const policy = plan.steps.find((s) => lower(parse(s).type) === 'microsoft.keyvault/vaults/accesspolicies');
      const objectId = ((((policy?.request.body as { properties?: { accessPolicies?: { objectId: string }[] } } | undefined)?.properties?.accessPolicies ?? [])[0]?.objectId) ?? '');
      lines.push(
        `KEYS=$(az keyvault show --name ${p.name} --resource-group ${p.rg} --query ${dq(`properties.accessPolicies[?objectId=='${objectId}'].permissions.keys[]`)} --output tsv | tr '\\n' ' ')`,
        `for needed in get wrapKey unwrapKey; do case " \${KEYS,,} " in *" \${needed,,} "*) ;; *) ${fail(`The access policy for ${objectId} on ${p.name} lacks \${needed} (it has: \${KEYS}).`)} ;; esac; done`,
        say(`Verified: ${objectId} may use the keys of ${p.name} (\${KEYS% }).`),
      );
    } else if (t === 'microsoft.insights/diagnosticsettings') {
      if (done) lines.push(`# az monitor diagnostic-settings create --name ${p.name} (exists)`);
      // A PUT: running it again sets the same destination and categories.
      else lines.push(`az monitor diagnostic-settings create --name ${p.name} --resource ${dq(p.scopeId!)} --workspace ${dq(String(props.workspaceId))} --logs ${sh(JSON.stringify(props.logs ?? []))} --metrics ${sh(JSON.stringify(props.metrics ?? []))} --output none`, say(`Audit logs of ${parseResourceId(p.scopeId!)?.name ?? p.scopeId} go to ${parseResourceId(String(props.workspaceId))?.name ?? props.workspaceId}.`));
    } else if (t === 'microsoft.keyvault/vaults/keys') {
      // Through ARM (Keys_CreateIfNotExist), as the wizard does: it works behind the vault's firewall, sets the rotation
      // policy in the same call, and returns the existing key when it is there already.
      if (done) lines.push(`KEY_URL=$(${rest('get', ' --query properties.keyUriWithVersion --output tsv')})`);
      else lines.push(`KEY_URL=$(${rest('put', ` --body ${sh(JSON.stringify(step.request.body))} --query properties.keyUriWithVersion --output tsv`)})`, say(`Key ${p.name}: \${KEY_URL}`));
      vars.set('{{key.properties.keyUriWithVersion}}', 'KEY_URL');
    } else if (t === 'microsoft.managedidentity/userassignedidentities') {
      bind('identity', 'properties.principalId', 'IDENTITY_PRINCIPAL_ID', `az identity show --ids ${dq(p.id)} --query principalId --output tsv`);
    } else if (t === 'microsoft.compute/diskencryptionsets' && step.request.method === 'PUT') {
      const active = (props.activeKey ?? {}) as { keyUrl?: string; sourceVault?: { id?: string } };
      const identity = body.identity?.type === 'UserAssigned' ? `--mi-user-assigned ${Object.keys(body.identity.userAssignedIdentities ?? {}).map(dq).join(' ')} --mi-system-assigned false` : '--mi-system-assigned true';
      const rotate = props.rotationToLatestKeyVersionEnabled === false ? 'false' : 'true';
      ensure(
        `az disk-encryption-set show --name ${p.name} --resource-group ${p.rg}`,
        [say(`Disk encryption set ${p.name} exists: pointing it at the planned key.`), `az disk-encryption-set update --name ${p.name} --resource-group ${p.rg} --key-url ${dq(active.keyUrl ?? '')} --source-vault ${dq(active.sourceVault?.id ?? '')} --enable-auto-key-rotation ${rotate} --output none`],
        [`az disk-encryption-set create --name ${p.name} --resource-group ${p.rg} --location ${body.location} --key-url ${dq(active.keyUrl ?? '')} --source-vault ${dq(active.sourceVault?.id ?? '')} --encryption-type ${props.encryptionType} --enable-auto-key-rotation ${rotate} ${identity} --output none`, say(`Created disk encryption set ${p.name}.`)],
      );
      bind('des', 'identity.principalId', 'DES_PRINCIPAL_ID', `az disk-encryption-set show --name ${p.name} --resource-group ${p.rg} --query identity.principalId --output tsv`);
    } else if (t === 'microsoft.compute/diskencryptionsets' && step.request.method === 'PATCH') {
      const flags: string[] = [];
      if (props.rotationToLatestKeyVersionEnabled !== undefined) flags.push(`--enable-auto-key-rotation ${props.rotationToLatestKeyVersionEnabled ? 'true' : 'false'}`);
      const active = props.activeKey as { keyUrl?: string; sourceVault?: { id?: string } } | undefined;
      if (active?.keyUrl) flags.push(`--key-url ${dq(active.keyUrl)}`);
      if (active?.sourceVault?.id) flags.push(`--source-vault ${dq(active.sourceVault.id)}`);
      lines.push(`az disk-encryption-set update --name ${p.name} --resource-group ${p.rg} ${flags.join(' ')} --output none`, say(`Updated disk encryption set ${p.name}.`));
    } else if (t === 'microsoft.compute/diskencryptionsets') {
      lines.push(
        `read -r DES_STATE DES_KEY <<<"$(az disk-encryption-set show --name ${p.name} --resource-group ${p.rg} --query "[provisioningState, activeKey.keyUrl]" --output tsv | tr '\\n' ' ')"`,
        `[ "\${DES_STATE}" = "Succeeded" ] || ${fail(`Disk encryption set ${p.name} is \${DES_STATE}, not Succeeded.`)}`,
        say(`Verified: disk encryption set ${p.name} is Succeeded with key \${DES_KEY}.`),
      );
    } else if (t === 'microsoft.authorization/roleassignments' && step.request.method === 'PUT') {
      const rp = props as { roleDefinitionId?: string; principalId?: string; principalType?: string };
      const role = rp.roleDefinitionId?.split('/').pop();
      if (done) lines.push(`# az role assignment create --name ${p.name} (exists)`);
      else
        ensure(
          `az role assignment list --scope ${dq(p.scopeId!)} --query ${dq(`[?name=='${p.name}'].name | [0]`)} --output tsv | grep -q .`,
          [say(`The grant ${p.name} on ${parseResourceId(p.scopeId!)?.name ?? p.scopeId} exists.`)],
          [`az role assignment create --name ${p.name} --assignee-object-id ${dq(rp.principalId ?? '')} --assignee-principal-type ${rp.principalType ?? 'ServicePrincipal'} --role ${role} --scope ${dq(p.scopeId!)} --output none`, say(`Granted ${role === 'e147488a-f6f5-4113-8e2d-b22465e65bf6' ? 'Key Vault Crypto Service Encryption User' : `role ${role}`} on ${parseResourceId(p.scopeId!)?.name ?? p.scopeId}.`)],
        );
    } else if (t === 'microsoft.authorization/roleassignments') {
      lines.push(
        `GRANT=$(az role assignment list --scope ${dq(p.scopeId!)} --query ${dq(`[?name=='${p.name}'].[principalId, roleDefinitionName] | [0]`)} --output tsv | tr '\\n' ' ')`,
        `[ -n "\${GRANT// /}" ] || ${fail(`The grant ${p.name} on ${parseResourceId(p.scopeId!)?.name ?? p.scopeId} is missing.`)}`,
        say(`Verified: principal and role \${GRANT% } on ${parseResourceId(p.scopeId!)?.name ?? p.scopeId}.`),
      );
    } else if (t === 'microsoft.keyvault/vaults/accesspolicies') {
      const ap = ((props.accessPolicies ?? []) as { objectId: string; permissions: { keys?: string[] } }[])[0]!;
      const vault = parseResourceId(p.parentId!)!;
      // set-policy replaces this object id's permissions: running it again sets the same ones.
      lines.push(`az keyvault set-policy --name ${vault.name} --resource-group ${vault.resourceGroup} --object-id ${dq(ap.objectId)} --key-permissions ${(ap.permissions.keys ?? []).join(' ')} --output none`, say(`Access policy on ${vault.name}: ${(ap.permissions.keys ?? []).join(', ')}.`));
    } else {
      lines.push(rest(lower(step.request.method), step.request.body ? ` --body ${sh(JSON.stringify(step.request.body))} --output none` : ' --output none'));
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

