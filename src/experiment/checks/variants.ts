// Variant names identify runs, legends and history entries, so they must be unique.
import type { Node } from 'jsonc-parser';
import type { Issue } from '../dsl/validate.ts';
import { propertyValue } from '../dsl/validate.ts';
import { clip } from '../dsl/describe.ts';

export function checkVariantNames(variants: readonly Node[]): Issue[] {
  const issues: Issue[] = [];
  const firstIndex = new Map<string, number>();
  variants.forEach((variant, index) => {
    const name = propertyValue(variant, 'name');
    if (name?.type !== 'string') return;
    const earlier = firstIndex.get(name.value);
    if (earlier === undefined) firstIndex.set(name.value, index);
    else {
      issues.push({
        node: name,
        path: ['variants', index, 'name'],
        message: `variants[${index}].name "${clip(name.value)}" is already the name of variants[${earlier}]: variant names must be unique`,
        severity: 'error',
      });
    }
  });
  return issues;
}
