/** Lockstep's mark: a disk (ring) held by a key (bar) — two parts moving in lockstep. */
export function BrandMark({ size = 24, title }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true} aria-label={title}>
      <defs>
        <linearGradient id="ls-g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4fa3ff" />
          <stop offset="1" stopColor="#0f6cbd" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="30" height="30" rx="7" fill="url(#ls-g)" />
      <circle cx="13" cy="16" r="7" fill="none" stroke="#fff" strokeWidth="3" />
      <circle cx="13" cy="16" r="2" fill="#fff" />
      <path d="M19 16h9M24 16v4M27 16v3" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
