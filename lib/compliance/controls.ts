/**
 * The controls Lockstep reports on. Which readiness rules evidence each one is not written here: each rule names its
 * controls (`Rule.controls`), and a control's rules are derived from them, so the rule pages, `npm run rules` and the
 * evidence bundle say the same thing by construction.
 */
import { RULES } from '../readiness/catalog';

export interface Control {
  id: string;
  framework: string;
  title: string;
  rationale: string;
  /** The rules that name this control, in id order. */
  rules: string[];
}

const DEFINITIONS: readonly Omit<Control, 'rules'>[] = [
  {
    id: 'ISO27001:2022/A.8.24',
    framework: 'ISO/IEC 27001:2022',
    title: 'Use of cryptography',
    rationale:
      'Rules for the effective use of cryptography, including key management, are defined and implemented: every replicated disk is encrypted with a managed customer key whose lifecycle is controlled.',
  },
  {
    id: 'NEN7510:2024/8.24',
    framework: 'NEN 7510:2024',
    title: 'Gebruik van cryptografie (use of cryptography)',
    rationale: 'The Dutch healthcare standard adopts ISO/IEC 27002:2022 8.24 for patient data: encryption at rest under keys the organisation manages.',
  },
  {
    id: 'GDPR/Art.32(1)(a)',
    framework: 'GDPR',
    title: 'Encryption of personal data',
    rationale:
      'Security of processing includes the encryption of personal data; disks that land with platform keys or with an unusable key do not meet the promise of customer-controlled encryption.',
  },
  {
    id: 'PCI-DSS:4.0.1/3.6-3.7',
    framework: 'PCI DSS v4.0.1',
    title: 'Protection and management of cryptographic keys',
    rationale: 'Keys that protect stored data are protected against disclosure and misuse and managed through a defined cryptoperiod, rotation and retirement.',
  },
  {
    id: 'HIPAA/164.312(a)(2)(iv)',
    framework: 'HIPAA Security Rule',
    title: 'Encryption and decryption',
    rationale: 'A mechanism to encrypt and decrypt electronic protected health information is implemented for the systems that hold it.',
  },
  {
    id: 'NIS2/Art.21(2)(h)',
    framework: 'NIS2 (EU 2022/2555)',
    title: 'Policies and procedures on the use of cryptography',
    rationale: 'Cybersecurity risk-management measures include cryptography and encryption, with keys kept usable, rotated and within policy.',
  },
];

export const CONTROLS: readonly Control[] = DEFINITIONS.map((c) => ({ ...c, rules: RULES.filter((r) => r.controls.includes(c.id)).map((r) => r.id) }));
