import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRightRegular, DatabaseRegular, KeyRegular, LockClosedRegular, PersonRegular, ShieldLockRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  chain: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  node: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalXS, width: '92px' },
  disc: {
    width: '52px',
    height: '52px',
    borderRadius: '50%',
    display: 'grid',
    placeItems: 'center',
    fontSize: '26px',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  arrow: { color: tokens.colorNeutralForeground3, fontSize: '20px' },
  label: { textAlign: 'center', color: tokens.colorNeutralForeground2 },
});

const STEPS = [
  { icon: DatabaseRegular, label: 'Replicated disk' },
  { icon: LockClosedRegular, label: 'Disk encryption set' },
  { icon: ShieldLockRegular, label: 'Key vault' },
  { icon: KeyRegular, label: 'Customer key' },
  { icon: PersonRegular, label: 'Access grant' },
];

/** The chain Lockstep checks for every server, as a picture. */
export function EncryptionChain() {
  const s = useStyles();
  return (
    <ol className={s.chain} aria-label="The encryption chain Lockstep checks">
      {STEPS.map((step, i) => {
        const Icon = step.icon;
        return (
          <li key={step.label} style={{ display: 'contents' }}>
            <span className={s.node}>
              <span className={s.disc} aria-hidden="true">
                <Icon />
              </span>
              <Caption1 className={s.label}>{step.label}</Caption1>
            </span>
            {i < STEPS.length - 1 && <ArrowRightRegular className={s.arrow} aria-hidden="true" />}
          </li>
        );
      })}
    </ol>
  );
}
