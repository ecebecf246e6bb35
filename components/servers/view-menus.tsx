'use client';

/**
 * The grid's Columns and Density menus. They load when the page is idle (or at the first click), not with the page:
 * Fluent's menu is 11 kB gzip of the servers page's first load.
 */
import { Menu, MenuItemCheckbox, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { COLUMNS, type ColumnKey, type Density } from './servers-grid';

interface Controlled {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function ColumnsMenu({
  trigger,
  open,
  onOpenChange,
  columns,
  onColumns,
}: Controlled & { columns: ColumnKey[]; onColumns: (keys: ColumnKey[]) => void }) {
  return (
    <Menu
      open={open}
      onOpenChange={(_, d) => onOpenChange(d.open)}
      checkedValues={{ columns }}
      onCheckedValueChange={(_, d) => onColumns(COLUMNS.map((c) => c.key).filter((k) => k === 'name' || d.checkedItems.includes(k)))}
    >
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          {COLUMNS.map((c) => (
            <MenuItemCheckbox key={c.key} name="columns" value={c.key} disabled={c.key === 'name'}>
              {c.title}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function DensityMenu({ trigger, open, onOpenChange, density, onDensity }: Controlled & { density: Density; onDensity: (d: Density) => void }) {
  return (
    <Menu
      open={open}
      onOpenChange={(_, d) => onOpenChange(d.open)}
      checkedValues={{ density: [density] }}
      onCheckedValueChange={(_, d) => onDensity(d.checkedItems[0] as Density)}
    >
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItemRadio name="density" value="compact">
            Compact
          </MenuItemRadio>
          <MenuItemRadio name="density" value="comfortable">
            Comfortable
          </MenuItemRadio>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
