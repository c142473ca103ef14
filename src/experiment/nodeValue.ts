// The JSON value of a jsonc-parser node. Like jsonc-parser's getNodeValue, but objects are
// ordinary ones (getNodeValue makes them with a null prototype, which surprises code that
// receives the parsed experiment, and deepEqual in tests).
import type { Node } from 'jsonc-parser';
import { setOwn } from './dsl/values.ts';

export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, child] = property.children ?? [];
        if (key !== undefined && child !== undefined) setOwn(value, key.value as string, nodeValue(child));
      }
      return value;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
