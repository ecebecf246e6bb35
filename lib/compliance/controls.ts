/**
 * The controls Lockstep reports on, and which readiness rules evidence each one. Data, so an
 * auditor can read exactly what a control's status rests on.
 */
export interface Control {
  id: string;
  framework: string;
  title: string;
  rationale: string;
  rules: string[];
}

const CHAIN = ['LS-SRV-001', 'LS-SRV-002', 'LS-SRV-003', 'LS-SRV-004', 'LS-SRV-006', 'LS-DES-001', 'LS-DES-002', 'LS-DES-003', 'LS-DES-004', 'LS-DES-005'];
const KEY_USABLE = ['LS-KEY-001', 'LS-KEY-002', 'LS-KEY-003', 'LS-KEY-005', 'LS-KEY-006'];
const KEY_MANAGEMENT = ['LS-DES-006', 'LS-DES-007', 'LS-DES-009', 'LS-KEY-004', 'LS-KEY-007', 'LS-KEY-008', 'LS-KEY-009'];
const VAULT_PROTECTION = ['LS-KV-001', 'LS-KV-002', 'LS-KV-003', 'LS-KV-009'];

export const CONTROLS: readonly Control[] = [
  {
    id: 'ISO27001:2022/A.8.24',
    framework: 'ISO/IEC 27001:2022',
    title: 'Use of cryptography',
    rationale: 'Rules for the effective use of cryptography, including key management, are defined and implemented: every replicated disk is encrypted with a managed customer key whose lifecycle is controlled.',
    rules: [...CHAIN, ...KEY_USABLE, ...KEY_MANAGEMENT, 'LS-DES-008', ...VAULT_PROTECTION, 'LS-KV-005', 'LS-KV-006'],
  },
  {
    id: 'NEN7510:2024/8.24',
    framework: 'NEN 7510:2024',
    title: 'Gebruik van cryptografie (use of cryptography)',
    rationale: 'The Dutch healthcare standard adopts ISO/IEC 27002:2022 8.24 for patient data: encryption at rest under keys the organisation manages.',
    rules: [...CHAIN, ...KEY_USABLE, ...KEY_MANAGEMENT, 'LS-DES-008', ...VAULT_PROTECTION, 'LS-KV-005', 'LS-KV-006'],
  },
  {
    id: 'GDPR/Art.32(1)(a)',
    framework: 'GDPR',
    title: 'Encryption of personal data',
    rationale: 'Security of processing includes the encryption of personal data; disks that land with platform keys or with an unusable key do not meet the promise of customer-controlled encryption.',
    rules: [...CHAIN, ...KEY_USABLE, ...VAULT_PROTECTION],
  },
  {
    id: 'PCI-DSS:4.0.1/3.6-3.7',
    framework: 'PCI DSS v4.0.1',
    title: 'Protection and management of cryptographic keys',
    rationale: 'Keys that protect stored data are protected against disclosure and misuse and managed through a defined cryptoperiod, rotation and retirement.',
    rules: [...KEY_USABLE, ...KEY_MANAGEMENT, ...VAULT_PROTECTION, 'LS-DES-003', 'LS-KV-004', 'LS-KV-006', 'LS-KV-008'],
  },
  {
    id: 'HIPAA/164.312(a)(2)(iv)',
    framework: 'HIPAA Security Rule',
    title: 'Encryption and decryption',
    rationale: 'A mechanism to encrypt and decrypt electronic protected health information is implemented for the systems that hold it.',
    rules: [...CHAIN, ...KEY_USABLE],
  },
  {
    id: 'NIS2/Art.21(2)(h)',
    framework: 'NIS2 (EU 2022/2555)',
    title: 'Policies and procedures on the use of cryptography',
    rationale: 'Cybersecurity risk-management measures include cryptography and encryption, with keys kept usable, rotated and within policy.',
    rules: ['LS-SRV-001', 'LS-DES-003', 'LS-DES-006', 'LS-DES-008', 'LS-KEY-004', 'LS-KEY-006', 'LS-KEY-007', 'LS-KEY-008', 'LS-KV-002', 'LS-KV-006'],
  },
];
