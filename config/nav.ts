import {
  HomeFilled,
  HomeRegular,
  ServerFilled,
  ServerRegular,
  LockClosedFilled,
  LockClosedRegular,
  KeyFilled,
  KeyRegular,
  ShieldCheckmarkFilled,
  ShieldCheckmarkRegular,
  TaskListLtrFilled,
  TaskListLtrRegular,
  SettingsFilled,
  SettingsRegular,
  bundleIcon,
  type FluentIcon,
} from '@fluentui/react-icons';

export interface NavItem {
  title: string;
  href: string;
  icon: FluentIcon;
  /** One line for the Overview's "where to next" and the page header. */
  description: string;
}

/** The left navigation, as data: one source for the nav, the breadcrumbs and the page headers. */
export const NAV: readonly NavItem[] = [
  {
    title: 'Overview',
    href: '/overview/',
    icon: bundleIcon(HomeFilled, HomeRegular),
    description: 'Your directory, the subscriptions you can see and where to start.',
  },
  {
    title: 'Replicating servers',
    href: '/servers/',
    icon: bundleIcon(ServerFilled, ServerRegular),
    description: 'Every VMware server Azure Migrate replicates, with its encryption chain and a verdict.',
  },
  {
    title: 'Disk encryption sets',
    href: '/disk-encryption-sets/',
    icon: bundleIcon(LockClosedFilled, LockClosedRegular),
    description: 'The DES each replica will use, and the health of its key and access grant.',
  },
  {
    title: 'Key vaults',
    href: '/key-vaults/',
    icon: bundleIcon(KeyFilled, KeyRegular),
    description: 'Vaults holding customer-managed keys: purge protection, keys, rotation, access.',
  },
  {
    title: 'Compliance',
    href: '/compliance/',
    icon: bundleIcon(ShieldCheckmarkFilled, ShieldCheckmarkRegular),
    description: 'Coverage and evidence for ISO/IEC 27001 8.24, NEN 7510 and GDPR Art. 32.',
  },
  {
    title: 'Rules',
    href: '/rules/',
    icon: bundleIcon(TaskListLtrFilled, TaskListLtrRegular),
    description: 'The readiness rules Lockstep applies, with rationale and remediation.',
  },
  {
    title: 'Settings',
    href: '/settings/',
    icon: bundleIcon(SettingsFilled, SettingsRegular),
    description: 'Theme, the cloud Lockstep talks to, and engagement settings.',
  },
];

export function navItemFor(pathname: string): NavItem | undefined {
  const p = pathname.endsWith('/') ? pathname : pathname + '/';
  return NAV.find((n) => p === n.href || p.startsWith(n.href));
}
