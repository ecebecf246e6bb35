'use client';

import { Button, type ButtonProps } from '@fluentui/react-components';
import { useRouter } from 'next/navigation';

/** The way back to the servers grid, where selections, repairs and re-replications start. */
export function ViewServersButton({ appearance = 'primary' }: { appearance?: ButtonProps['appearance'] }) {
  const router = useRouter();
  return (
    <Button appearance={appearance} onClick={() => router.push('/servers/')}>
      View servers
    </Button>
  );
}
