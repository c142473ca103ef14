// The engines `npm run bench` measures, in table order. Reglab's own engine comes first:
// every other engine's time is reported relative to it.

import type { Peer } from '../peer.ts';
import { pytorchPeer } from './pytorch.ts';
import { reglabPeer } from './reglab.ts';
import { tfjsCpuPeer, tfjsWasmPeer } from './tfjs.ts';

export const PEERS: readonly Peer[] = [reglabPeer, tfjsCpuPeer, tfjsWasmPeer, pytorchPeer];
