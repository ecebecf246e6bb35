import { describe, expect, it } from 'vitest';
import { parsePlanArgs } from './plan';
import { parseScanArgs } from './scan-args';

/** The message a command line is refused with, or undefined when it is accepted. */
const refusal = (parse: (argv: string[]) => unknown, argv: string[]) => {
  try {
    parse(argv);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('command-line arguments', () => {
  it.each([
    [['--estate', 'e.json', '--colour', 'red'], "unknown option '--colour' (use --estate FILE, or --cloud NAME for a live scan)"],
    [['--estate'], '--estate needs a value'],
    [['--estate', '--format', 'csv'], '--estate needs a value'],
    [['--estate', 'e.json', 'extra'], "unexpected argument 'extra'"],
    [['--estate', 'e.json', '--format', 'xml'], "--format must be json, csv or evidence, not 'xml'"],
    [['--estate', 'e.json', '--now', 'yesterday'], "--now must be an ISO-8601 date-time, not 'yesterday'"],
    [['--estate', 'e.json', '--cloud', 'AzureCloud'], 'use either --estate or --cloud, not both'],
  ])('scan refuses %j: %s', (argv, message) => {
    expect(refusal(parseScanArgs, argv)).toBe(message);
  });

  it('scan reads repeated and hyphenated flags into its arguments', () => {
    expect(
      parseScanArgs([
        '--cloud',
        'AzureCloud',
        '--subscription',
        'a',
        '--subscription',
        'b',
        '--client-id',
        'c',
        '--save-estate',
        's.json',
        '--format',
        'evidence',
      ]),
    ).toMatchObject({ cloud: 'AzureCloud', subscriptions: ['a', 'b'], clientId: 'c', saveEstate: 's.json', format: 'evidence' });
    expect(parseScanArgs(['--estate', 'e.json'])).toMatchObject({ estate: 'e.json', format: 'json', subscriptions: [] });
  });

  it('plan checks its flags with the same parser', () => {
    expect(refusal(parsePlanArgs, ['--estate', 'e.json'])).toMatch(/^usage: npm run plan/);
    expect(refusal(parsePlanArgs, ['--estate', 'e.json', '--intent', 'i.json', '--format', 'terraform'])).toBe(
      "--format must be json, bicep, azcli or powershell, not 'terraform'",
    );
    expect(parsePlanArgs(['--estate', 'e.json', '--intent', 'i.json'])).toEqual({ estate: 'e.json', intent: 'i.json', format: 'json', reenable: [] });
    expect(parsePlanArgs(['--estate', 'e.json', '--reenable', 'A', '--reenable', 'B', '--des', '/d'])).toMatchObject({ reenable: ['A', 'B'], des: '/d' });
    expect(refusal(parsePlanArgs, ['--estate', 'e.json', '--reenable', 'A'])).toMatch(/^usage: npm run plan/);
    expect(refusal(parsePlanArgs, ['--estate', 'e.json', '--reenable', 'A', '--des', '/d', '--format', 'bicep'])).toMatch(
      /^--format bicep describes resources/,
    );
  });
});
