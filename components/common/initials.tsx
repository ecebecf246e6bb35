'use client';

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/**
 * A person's initials in a coloured circle: Fluent's colourful Avatar (the same initials, the same colour for the same
 * name), without the image, presence and badge machinery a header's account button never uses (7 kB gzip on every page).
 */
const COLORS = [
  'DarkRed',
  'Cranberry',
  'Red',
  'Pumpkin',
  'Peach',
  'Marigold',
  'Gold',
  'Brass',
  'Brown',
  'Forest',
  'Seafoam',
  'DarkGreen',
  'LightTeal',
  'Teal',
  'Steel',
  'Blue',
  'RoyalBlue',
  'Cornflower',
  'Navy',
  'Lavender',
  'Purple',
  'Grape',
  'Lilac',
  'Pink',
  'Magenta',
  'Plum',
  'Beige',
  'Mink',
  'Platinum',
  'Anchor',
] as const;

const palette = tokens as unknown as Record<string, string>;
const useColors = makeStyles(
  Object.fromEntries(COLORS.map((c) => [c, { color: palette[`colorPalette${c}Foreground2`], backgroundColor: palette[`colorPalette${c}Background2`] }])),
);
const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
  },
  neutral: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground6 },
});

/** Fluent's Avatar hash, so a name keeps the colour it had. */
function hashCode(text: string): number {
  let hash = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    const shift = i % 8;
    hash ^= (ch << shift) + (ch >> (8 - shift));
  }
  return hash;
}

/** "Iris de Vries" → "IV", "iris@contoso.com" → "I": the first and last words' first letters, as Fluent's Avatar does. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[([{][^)\]}]*[)\]}]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  const first = (w: string) => [...w][0]!.toUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + (words.length <= 3 ? first(words[words.length - 1]!) : '');
}

export function Initials({ name, className }: { name: string; className?: string }) {
  const s = useStyles();
  const colors = useColors();
  // A negative hash picks no colour in Fluent's Avatar either: it shows the neutral one.
  const color = COLORS[hashCode(name) % COLORS.length];
  return (
    <span className={mergeClasses(s.root, color ? colors[color] : s.neutral, className)} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
